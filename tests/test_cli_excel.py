"""The Excel commands of the command line: validate, import, export, template, history, rollback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from indicators.__main__ import main
from indicators.core.model import Dataset
from indicators.excel import workbook as excel
from indicators.excel import writer as xlsx_writer
from indicators.store.database import Store

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _table_width_of_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    """The people's tables at their own width (100 columns), whatever terminal runs the tests.

    The tables narrow to $COLUMNS where it is set; a test run from a narrow terminal, or by a
    runner that exports it, folded a cell ("2.503,3", "thu.nguyen") over two lines.
    """
    monkeypatch.delenv("COLUMNS", raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


def edited(seed_data: Dataset, tmp_path: Path, value: object, name: str = "sua.xlsx") -> Path:
    obs = seed_data.observations
    row = int(obs.index[(obs["code"] == "GTSX") & (obs["kind"] == "estimate")][0]) + 2
    book = openpyxl.load_workbook(io.BytesIO(xlsx_writer.workbook_bytes(seed_data)))
    book["SoLieu"][f"F{row}"] = value
    path = tmp_path / name
    book.save(path)
    return path


@pytest.mark.slow
def test_template_then_validate_then_import_changes_nothing(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mau.xlsx"
    code, out, _ = run(capsys, "template", str(path))
    assert code == 0
    assert "82 chỉ tiêu, 85 số liệu" in out
    assert openpyxl.load_workbook(path).sheetnames[0] == excel.INSTRUCTIONS_SHEET
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    assert "Tệp hợp lệ (dạng dọc), 0 lưu ý." in out
    assert "0 dòng mới, 0 dòng sửa, 0 dòng gỡ" in out
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0
    assert "Không có thay đổi" in out and "(1)" in out
    assert store.current_version() == 1


@pytest.mark.slow
def test_import_prints_the_new_version_and_history_shows_it(
    store: Store, seed_data: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edited(seed_data, tmp_path, "2.600,25")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    assert "“2.600,25” → 2.600,25" in out
    assert "0 dòng mới, 1 dòng sửa, 0 dòng gỡ" in out
    assert store.current_version() == 1  # validate writes nothing
    code, out, _ = run(capsys, "import", str(path), "--note", "số liệu chính thức", "--account", "thu.nguyen")
    assert code == 0
    assert out.strip().endswith("Đã ghi phiên bản 2.")
    versions = store.versions()
    assert versions.iloc[-1][["account", "file_name", "note", "action"]].tolist() == [
        "thu.nguyen",
        "sua.xlsx",
        "số liệu chính thức",
        "import",
    ]
    assert len(versions.iloc[-1]["sha256"]) == 64
    code, out, _ = run(capsys, "history")
    assert code == 0 and "thu.nguyen" in out and "sua.xlsx" in out
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0 and "Không có thay đổi" in out and "(2)" in out


@pytest.mark.slow
def test_import_account_defaults_to_the_os_user(
    store: Store,
    seed_data: Dataset,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "phong.kinhte")
    code, _, _ = run(capsys, "import", str(edited(seed_data, tmp_path, 2610)))
    assert code == 0
    assert store.versions().iloc[-1]["account"] == "phong.kinhte"


@pytest.mark.slow
def test_validate_reports_every_problem_with_exit_1(
    store: Store, seed_data: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edited(seed_data, tmp_path, "2.503")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert "LỖI SoLieu F" in out and "“2.503”" in out and "không rõ nghĩa" in out
    assert "Tệp không hợp lệ: 1 lỗi, 0 lưu ý. Không có gì được ghi." in out


@pytest.mark.slow
def test_export_a_version_and_rollback(
    store: Store, seed_data: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "import", str(edited(seed_data, tmp_path, 2700)))[0] == 0
    old = tmp_path / "v1.xlsx"
    code, out, _ = run(capsys, "export", str(old), "--version", "1")
    assert code == 0 and "phiên bản 1" in out
    assert excel.read_workbook(old).observations.query("code == 'GTSX' and kind == 'estimate'")[
        "value"
    ].tolist() == [2503.3]
    code, out, _ = run(capsys, "rollback", "1")
    assert code == 0
    assert "Đã khôi phục phiên bản 1 thành phiên bản mới 3." in out
    assert store.load().observations.query("code == 'GTSX' and kind == 'estimate'")["value"].tolist() == [
        2503.3
    ]
    code, out, _ = run(capsys, "rollback", "1")
    assert code == 0 and "không ghi gì" in out
    assert store.current_version() == 3


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["rollback", "9"], 3, "Không có phiên bản 9"),
        (["rollback", "hai"], 2, "Lỗi cú pháp"),
        (["validate"], 2, "Lỗi cú pháp"),
        (["validate", "khong_co.xlsx"], 2, "không có tệp hoặc thư mục này"),
        (["export", "/khong/co/thu_muc/x.xlsx"], 2, "không ghi được tệp"),
    ],
)
def test_errors_are_one_line_with_their_exit_code(
    store: Store, capsys: pytest.CaptureFixture[str], args: list[str], code: int, words: str
) -> None:
    got, out, err = run(capsys, *args)
    assert got == code
    assert words in err
    assert len(err.strip().splitlines()) == 1
    assert out == ""


@pytest.mark.slow
def test_a_bad_file_through_a_real_process_has_no_traceback(store_url: str, tmp_path: Path) -> None:
    path = tmp_path / "bao_cao.xlsx"
    path.write_bytes(b"%PDF-1.4 not a workbook")
    done = subprocess.run(
        [sys.executable, "-m", "indicators", "import", str(path)],
        cwd=PROJECT,
        env={**os.environ, "INDICATORS_DB": store_url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "PDF" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
