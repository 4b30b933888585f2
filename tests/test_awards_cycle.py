"""The yearly cycle at the command line: registrations, proposals checked against them, results, decisions."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from indicators.__main__ import main
from indicators.store import accounts, award_cycle, register
from indicators.store.database import Store

PASSWORD = "mot-mat-khau-du-dai-2024!"
HEADER = [
    "Năm thành tích",
    "Danh hiệu, hình thức khen thưởng",
    "Đối tượng",
    "Tên cá nhân, tập thể, hộ gia đình",
    "Đơn vị",
    "Mã địa bàn",
]
LDTT = "Lao động tiên tiến"
# Each test reads lists in a child process (the guard's isolation), as an office's file is read.
pytestmark = pytest.mark.slow


def sheet(tmp_path: Path, name: str, rows: list[list[object]]) -> str:
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return str(path)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def cycle(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Store:
    """2025: Lò Văn D and E registered; D and F proposed; accounts to read them."""
    accounts.add_user(store, "xem", "viewer", PASSWORD)
    accounts.add_user(store, "phantich", "analyst", PASSWORD)
    registered = sheet(
        tmp_path,
        "dang_ky.xlsx",
        [
            [2025, LDTT, "cá nhân", "Lò Văn D", "Đơn vị", "03405"],
            [2025, LDTT, "cá nhân", "Lò Văn E", "Đơn vị", "03405"],
        ],
    )
    assert run(["awards", "register", registered, "--account", "phantich"], capsys)[0] == 0
    proposed = sheet(
        tmp_path,
        "de_nghi.xlsx",
        [
            [2025, LDTT, "cá nhân", "Lò Văn D", "Đơn vị", "03405"],
            [2025, LDTT, "cá nhân", "Lò Văn F", "Đơn vị", "03405"],
        ],
    )
    assert run(["awards", "propose", proposed, "--account", "phantich"], capsys)[0] == 0
    return store


def test_the_lists_are_stored_and_a_second_import_writes_nothing(
    cycle: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert award_cycle.registrations(cycle, 2025)["name"].tolist() == ["Lò Văn D", "Lò Văn E"]
    assert award_cycle.proposals(cycle, 2025)["name"].tolist() == ["Lò Văn D", "Lò Văn F"]
    again = sheet(tmp_path, "lai.xlsx", [[2025, LDTT, "cá nhân", "Lò Văn E", "Đơn vị", "03405"]])
    code, _out, err = run(["awards", "register", again], capsys)
    assert code == 1
    assert "Đã có 1 đăng ký này cho năm 2025; không ghi gì." in err
    assert len(award_cycle.registrations(cycle)) == 2


def test_the_check_reads_the_registrations_from_the_store(
    cycle: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sheet(
        tmp_path,
        "kiem_tra.xlsx",
        [
            [2025, LDTT, "cá nhân", "Lò Văn D", "Đơn vị", "03405"],
            [2025, LDTT, "cá nhân", "Lò Văn F", "Đơn vị", "03405"],
        ],
    )
    code, out, _err = run(["awards", "check", path], capsys)
    assert code == 1
    assert out.splitlines()[:2] == [
        "Đối chiếu với 2 đăng ký thi đua trong kho dữ liệu.",
        "Dòng 3: không có đăng ký thi đua đầu năm.",
    ]


def test_the_council_result_then_the_decision_writes_the_accepted_into_the_register(
    cycle: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = award_cycle.proposals(cycle, 2025)["id"].tolist()
    assert run(["awards", "result", str(ids[0]), "--result", "accepted"], capsys)[0] == 0
    assert run(["awards", "result", str(ids[1]), "--result", "rejected", "--note", "chưa đủ"], capsys)[0] == 0
    before = cycle.current_version()
    argv = ["awards", "decide", "--year", "2025", "--number", "12/QĐ-UBND", "--date", "20/12/2025"]
    code, out, _err = run([*argv, "--issuer", "UBND xã Tả Lèng"], capsys)
    assert code == 0, out
    assert out.strip() == f"Quyết định 12/QĐ-UBND: đã ghi 1 lượt khen thưởng vào sổ, phiên bản {before + 1}."
    held = register.read(cycle)
    assert held[["decision_no", "award", "name", "year"]].values.tolist() == [
        ["12/QĐ-UBND", "lao_dong_tien_tien", "Lò Văn D", 2025]
    ]
    shown = award_cycle.proposals(cycle, 2025)
    assert shown["result"].tolist() == ["accepted", "rejected"]
    assert shown["decision_no"].tolist() == ["12/QĐ-UBND", ""]
    # Nothing is left to decide, and a decided proposal's result stays as the council gave it.
    code, _out, err = run([*argv, "--issuer", "UBND xã Tả Lèng"], capsys)
    assert code == 1 and "Chưa có đề nghị nào năm 2025 được Hội đồng chấp thuận" in err
    code, _out, err = run(["awards", "result", str(ids[0]), "--result", "rejected"], capsys)
    assert code == 1 and f"Đề nghị số {ids[0]} đã có quyết định khen thưởng" in err
    assert cycle.current_version() == before + 1


def test_nothing_is_decided_without_the_council(cycle: Store, capsys: pytest.CaptureFixture[str]) -> None:
    before = cycle.current_version()
    argv = [
        "awards",
        "decide",
        "--year",
        "2025",
        "--number",
        "1/QĐ",
        "--date",
        "20/12/2025",
        "--issuer",
        "UBND",
    ]
    assert run(argv, capsys)[0] == 1
    assert cycle.current_version() == before and register.read(cycle).empty


def test_a_decision_dated_outside_the_year_writes_nothing(
    cycle: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = award_cycle.proposals(cycle, 2025)["id"].tolist()
    assert run(["awards", "result", *map(str, ids), "--result", "accepted"], capsys)[0] == 0
    before = cycle.current_version()
    argv = [
        "awards",
        "decide",
        "--year",
        "2025",
        "--number",
        "1/QĐ",
        "--date",
        "20/12/2024",
        "--issuer",
        "UBND",
    ]
    code, _out, err = run(argv, capsys)
    assert code == 2
    assert "không thể khen thành tích năm 2025" in err
    assert cycle.current_version() == before
    assert award_cycle.proposals(cycle, 2025)["decision_no"].tolist() == ["", ""]


def test_an_unknown_proposal_or_result_is_refused(cycle: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["awards", "result", "999", "--result", "accepted"], capsys)
    assert code == 1 and "Không có đề nghị số 999; không ghi gì." in err
    with pytest.raises(award_cycle.CycleError):
        award_cycle.record_result(cycle, [1], "maybe", "phantich")
    assert award_cycle.proposals(cycle)["result"].tolist() == ["", ""]


def test_a_bad_list_is_refused_whole_each_row_named(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sheet(
        tmp_path,
        "xau.xlsx",
        [
            [2025, LDTT, "cá nhân", "Lò Văn D", "Đơn vị", "03405"],
            [2025, "Huy hiệu", "cá nhân", "Lò Văn E", "Đơn vị", "03405"],
            [2025, "Cờ thi đua của UBND tỉnh", "cá nhân", "Lò Văn G", "Đơn vị", "03405"],
            [2025, LDTT, "cá nhân", "Lò Văn D", "Đơn vị", "03405"],
            ["năm nay", LDTT, "cá nhân", "Lò Văn H", "Đơn vị", "03405"],
        ],
    )
    code, _out, err = run(["awards", "propose", path], capsys)
    assert code == 1
    assert err.splitlines() == [
        "Dòng 3: danh hiệu hoặc hình thức khen thưởng “Huy hiệu” không có trong danh mục.",
        "Dòng 4: “Cờ thi đua của UBND tỉnh” không dành cho cá nhân.",
        "Dòng 6: năm thành tích “năm nay” không hợp lệ.",
        "Dòng 5: trùng với dòng 2 (cùng người hoặc tập thể, cùng danh hiệu, cùng năm).",
        "Không ghi gì: 4 lỗi trong danh sách.",
    ]
    assert award_cycle.proposals(store).empty


def test_proposals_show_names_only_with_rights_and_log_them(
    cycle: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["awards", "proposals", "--year", "2025", "--user", "xem", "--format", "csv"], capsys
    )
    assert code == 0
    assert "Lò Văn" not in out + err
    assert out.splitlines() == ["Kết quả của Hội đồng,Số lượt", "chưa xét,2"]
    assert register.exports(cycle).empty
    code, out, _err = run(
        ["awards", "proposals", "--year", "2025", "--user", "phantich", "--format", "csv"], capsys
    )
    assert [line.split(",")[4] for line in out.splitlines()[1:]] == ["Lò Văn D", "Lò Văn F"]
    assert register.exports(cycle)[["account", "rows"]].values.tolist() == [["phantich", 2]]


def test_an_analyst_of_one_commune_registers_only_its_units(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    accounts.add_user(store, "binhlu", "analyst", PASSWORD, area="03390")
    path = sheet(tmp_path, "dk.xlsx", [[2025, LDTT, "cá nhân", "Lò Văn D", "Đơn vị", "03405"]])
    code, _out, err = run(["awards", "register", path, "--account", "binhlu"], capsys)
    assert code == 1 and "03405" in err
    assert award_cycle.registrations(store).empty
