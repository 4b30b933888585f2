"""The submission letter and its list: the báo cáo's template, the law cited, names only with rights."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest

from indicators.__main__ import main
from indicators.store import accounts, register
from indicators.store.database import Store
from tests.test_awards_cli import PASSWORD, proposals


@pytest.fixture
def people(store: Store) -> Store:
    accounts.add_user(store, "xem", "viewer", PASSWORD)
    accounts.add_user(store, "phantich", "analyst", PASSWORD)
    return store


def rows() -> list[list[object]]:
    return [
        [2025, "Lao động tiên tiến", "cá nhân", "Lò Văn D", "Trường TH Bình Lư", "03390"],
        [2025, "Lao động tiên tiến", "cá nhân", "Tẩn Thị E", "Trường TH Bình Lư", "03390"],
        [2025, "Tập thể lao động tiên tiến", "tập thể", "Trường TH Bình Lư", "", "03390"],
        [2025, "Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "Lò Văn D", "Trường TH Bình Lư", "03390"],
    ]


def text_of(path: Path) -> tuple[list[str], list[list[str]]]:
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    tables = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    return paragraphs, tables


def test_the_letter_cites_the_law_counts_and_lists(people: Store, tmp_path: Path) -> None:
    out = tmp_path / "to_trinh.docx"
    argv = ["awards", "letter", proposals(tmp_path, rows()), "--area", "03390", "--year", "2025"]
    assert main([*argv, "--user", "phantich", "--format", "docx", "--out", str(out)]) == 0
    paragraphs, tables = text_of(out)
    assert "TỜ TRÌNH" in paragraphs
    assert "Về việc đề nghị khen thưởng thành tích năm 2025" in paragraphs
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;" in paragraphs
    asked = next(p for p in paragraphs if "kính trình" in p and "gồm" in p)
    assert asked.startswith("Ủy ban nhân dân xã Bình Lư kính trình") and "3 cá nhân, 1 tập thể" in asked
    # Highest award first, as the catalogue ranks them.
    tally = [p for p in paragraphs if p.startswith("- ")]
    assert tally == [
        "- Bằng khen của Chủ tịch UBND tỉnh: 1 cá nhân;",
        "- Tập thể lao động tiên tiến: 1 tập thể;",
        "- Lao động tiên tiến: 2 cá nhân.",
    ]
    assert ["1", "Lò Văn D", "Trường TH Bình Lư", "2025", "cá nhân", "03390", "Lao động tiên tiến"] in tables
    assert ["3", "Trường TH Bình Lư", "", "2025", "tập thể", "03390", "Tập thể lao động tiên tiến"] in tables
    # Nothing the office decides is made up: the number, the addressee and the signer stay blank.
    assert "Số:        /TTr-UBND" in "\n".join(c for row in tables for c in row)
    assert register.exports(people)[["account", "rows"]].values.tolist() == [["phantich", 4]]


@pytest.mark.parametrize("user", ["xem", "khong_co_ai"])
def test_no_letter_without_rights(
    people: Store, tmp_path: Path, user: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "to_trinh.docx"
    argv = ["awards", "letter", proposals(tmp_path, rows()), "--area", "03390", "--year", "2025"]
    assert main([*argv, "--user", user, "--format", "docx", "--out", str(out)]) == 2
    assert not out.exists() and register.exports(people).empty
    assert "không được xem tên" in capsys.readouterr().err


@pytest.mark.office
def test_the_letter_as_pdf(people: Store, tmp_path: Path) -> None:
    out = tmp_path / "to_trinh.pdf"
    argv = ["awards", "letter", proposals(tmp_path, rows()), "--area", "03390", "--year", "2025"]
    assert main([*argv, "--user", "phantich", "--format", "pdf", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    shown = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "TỜ TRÌNH" in shown and "Tẩn Thị E" in shown
