"""`python -m indicators awards …`: counts golden by level and year, names only with rights, checks named."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from indicators.__main__ import main
from indicators.awards import catalogue as cat
from indicators.awards import counts as awards_counts
from indicators.store import accounts, register
from indicators.store.database import Store
from tests.support.prepared import PreparedStores

PASSWORD = "mot-mat-khau-du-dai-2024!"
# (award, kind, name, area, year, how many): Bình Lư 03390 and Tả Lèng 03405, both under the province 12.
RECORDS = [
    ("huan_chuong_ld_3", "collective", "UBND xã Bình Lư", "03390", 2021, 1),
    ("bang_khen_tinh", "person", "Người BK", "03390", 2022, 3),
    ("bang_khen_tinh", "collective", "Trường TH Tả Lèng", "03405", 2022, 1),
    ("cstd_co_so", "person", "Người CS", "03405", 2023, 2),
    ("lao_dong_tien_tien", "person", "Người LĐ", "03390", 2023, 4),
    ("lao_dong_tien_tien", "person", "Người LĐ", "03405", 2024, 5),
    ("giay_khen_xa", "household", "Hộ gia đình", "03390", 2026, 2),
]


def frame() -> pd.DataFrame:
    rows = []
    for award, kind, name, area, year, n in RECORDS:
        for i in range(n):
            rows.append(
                {
                    "decision_no": f"{year}-{award}-{i}",
                    "decision_date": date(year, 12, 1),
                    "issuer": "UBND",
                    "award": award,
                    "recipient_kind": kind,
                    "name": f"{name} {i}",
                    "unit": "Đơn vị",
                    "area": area,
                    "year": year,
                    "achievement": "",
                }
            )
    return pd.DataFrame(rows)


def fill(store: Store) -> None:
    register.add(store, frame(), "canbo")
    accounts.add_user(store, "xem", "viewer", PASSWORD)
    accounts.add_user(store, "phantich", "analyst", PASSWORD)


@pytest.fixture
def filled(store_url: str, prepared_stores: PreparedStores) -> Store:
    """The seeded store after `fill`: set up once a session, each test's own copy."""
    return prepared_stores.store(store_url, fill)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_counts_over_a_term_golden(filled: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(
        ["awards", "counts", "--term", "2020-2025", "--area", "12", "--format", "csv"], capsys
    )
    assert code == 0
    assert out == (
        'Cấp,"Danh hiệu, hình thức khen thưởng",Đối tượng,Năm thành tích,Số lượt\n'
        "cấp Nhà nước,Huân chương Lao động hạng Ba,tập thể,2021,1\n"
        "cấp tỉnh,Bằng khen của Chủ tịch UBND tỉnh,tập thể,2022,1\n"
        "cấp tỉnh,Bằng khen của Chủ tịch UBND tỉnh,cá nhân,2022,3\n"
        "cấp cơ sở,Chiến sĩ thi đua cơ sở,cá nhân,2023,2\n"
        "cấp cơ sở,Lao động tiên tiến,cá nhân,2023,4\n"
        "cấp cơ sở,Lao động tiên tiến,cá nhân,2024,5\n"
    )


def test_counts_of_one_commune_and_one_year(filled: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(
        ["awards", "counts", "--year", "2023", "--area", "03405", "--format", "csv", "--lang", "en"], capsys
    )
    assert code == 0
    assert out.splitlines() == [
        "Level,Title or form of award,Recipient,Year of the achievement,Awards",
        "grassroots,Grassroots Emulation Fighter,a person,2023,2",
    ]


def test_counts_by_level_and_year_golden(filled: Store) -> None:
    table = awards_counts.counts(register.read(filled), cat.load(), range(2021, 2027))
    grid = awards_counts.by_level_and_year(table)
    expected = pd.read_csv(
        io.StringIO(
            "level,2021,2022,2023,2024,2026,total\n"
            "national,1,0,0,0,0,1\n"
            "province,0,4,0,0,0,4\n"
            "commune,0,0,0,0,2,2\n"
            "unit,0,0,6,5,0,11\n"
        )
    )
    pd.testing.assert_frame_equal(grid, expected, check_dtype=False)


def test_no_records_are_said_as_missing_data(filled: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["awards", "counts", "--year", "2019", "--area", "12"], capsys)
    assert code == 0 and "Chưa có số liệu khen thưởng" in err


@pytest.mark.parametrize("user", [None, "xem", "khong_co_ai"])
def test_a_list_without_rights_shows_no_name(
    filled: Store, capsys: pytest.CaptureFixture[str], user: str | None
) -> None:
    argv = ["awards", "list", "--year", "2023", "--format", "csv"] + (["--user", user] if user else [])
    code, out, err = run(argv, capsys)
    assert code == 0
    assert "Người" not in out and "Người" not in err
    assert out.splitlines()[1:] == [
        "cấp cơ sở,Chiến sĩ thi đua cơ sở,cá nhân,2023,2",
        "cấp cơ sở,Lao động tiên tiến,cá nhân,2023,4",
    ]
    assert register.exports(filled).empty


def test_an_analyst_sees_names_and_the_export_is_logged(
    filled: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(
        ["awards", "list", "--year", "2023", "--area", "03405", "--user", "phantich", "--format", "csv"],
        capsys,
    )
    assert code == 0
    assert sorted(line.split(",")[5] for line in out.splitlines()[1:]) == ["Người CS 0", "Người CS 1"]
    logged = register.exports(filled)
    assert logged[["account", "rows"]].values.tolist() == [["phantich", 2]]


def proposals(tmp_path: Path, rows: list[list[object]]) -> str:
    book = openpyxl.Workbook()
    book.active.append(
        [
            "Năm thành tích",
            "Danh hiệu, hình thức khen thưởng",
            "Đối tượng",
            "Tên cá nhân, tập thể, hộ gia đình",
            "Đơn vị",
            "Mã địa bàn",
        ]
    )
    for row in rows:
        book.active.append(row)
    path = tmp_path / "de_nghi.xlsx"
    book.save(path)
    return str(path)


def test_check_names_each_failure_and_exits_1(
    filled: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = proposals(
        tmp_path,
        [
            [2024, "Chiến sĩ thi đua tỉnh", "cá nhân", "Người CS 0", "Đơn vị", "03405"],
            [2024, "Lao động tiên tiến", "cá nhân", "Người LĐ 0", "Đơn vị", "03405"],
            [2024, "Cờ thi đua của UBND tỉnh", "cá nhân", "Lò Văn B", "Đơn vị", "03405"],
            [2024, "Huy hiệu", "cá nhân", "Lò Văn C", "Đơn vị", "03405"],
            [2025, "Lao động tiên tiến", "cá nhân", "Lò Văn D", "Đơn vị", "03405"],
        ],
    )
    code, out, _err = run(["awards", "check", path], capsys)
    assert code == 1
    assert out.splitlines() == [
        "Dòng 2: sổ khen thưởng ghi 1 lần liên tục “Chiến sĩ thi đua cơ sở”, cần 3 lần "
        "(Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 22, khoản 1, điểm a).",
        "Dòng 3: đề nghị trùng (đã có trong danh sách hoặc đã được khen cùng danh hiệu năm đó).",
        "Dòng 4: danh hiệu không dành cho đối tượng này.",
        "Dòng 5: danh hiệu không có trong danh mục.",
        "4 vấn đề trong 5 đề nghị; việc xét vẫn do Hội đồng Thi đua – Khen thưởng quyết định.",
    ]


def test_check_of_a_clean_list_exits_0(
    filled: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = proposals(tmp_path, [[2025, "Lao động tiên tiến", "cá nhân", "Lò Văn D", "Đơn vị", "03405"]])
    code, out, _err = run(["awards", "check", path, "--lang", "en"], capsys)
    assert code == 0
    assert out.startswith("No problem found in 1 proposals")


def test_check_names_a_proposal_without_registration(
    filled: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = proposals(
        tmp_path,
        [
            [2025, "Lao động tiên tiến", "cá nhân", "Lò Văn D", "Đơn vị", "03405"],
            [2025, "Lao động tiên tiến", "cá nhân", "Lò Văn E", "Đơn vị", "03405"],
        ],
    )
    registered = tmp_path / "dang_ky.xlsx"
    Path(path).rename(registered)
    path = proposals(
        tmp_path,
        [
            [2025, "Lao động tiên tiến", "cá nhân", "Lò Văn D", "Đơn vị", "03405"],
            [2025, "Lao động tiên tiến", "cá nhân", "Lò Văn F", "Đơn vị", "03405"],
        ],
    )
    code, out, _err = run(["awards", "check", path, "--registrations", str(registered)], capsys)
    assert code == 1
    assert out.splitlines()[0] == "Dòng 3: không có đăng ký thi đua đầu năm."


@pytest.mark.slow
def test_a_refused_import_writes_nothing(
    filled: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = filled.current_version()
    path = tmp_path / "mau.xlsx"
    assert main(["awards", "template", str(path)]) == 0
    book = openpyxl.load_workbook(path)
    sheet = book["Khen thưởng"]
    row = [
        "1/QĐ",
        "20/12/2024",
        "UBND",
        "Lao động tiên tiến",
        "cá nhân",
        "Lò Văn G",
        "Đơn vị",
        "03390",
        2024,
        "",
    ]
    sheet.append(row)
    sheet.append([*row[:3], "Cờ thi đua của UBND tỉnh", *row[4:]])
    book.save(path)
    capsys.readouterr()
    code, out, err = run(["awards", "import", str(path)], capsys)
    assert code == 1 and out == ""
    assert err.splitlines()[0] == "Dòng 3: “Cờ thi đua của UBND tỉnh” không dành cho cá nhân."
    assert filled.current_version() == before
    sheet.delete_rows(3)
    book.save(path)
    code, out, err = run(["awards", "import", str(path), "--account", "canbo"], capsys)
    assert (code, out) == (0, f"Đã ghi 1 dòng khen thưởng vào sổ: phiên bản {before + 1}.\n")


def test_an_analyst_of_one_commune_reads_only_its_names(
    filled: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    accounts.add_user(filled, "binhlu", "analyst", PASSWORD, area="03390")
    code, out, _err = run(["awards", "list", "--year", "2023", "--user", "binhlu", "--format", "csv"], capsys)
    assert code == 0
    assert sorted(line.split(",")[5] for line in out.splitlines()[1:]) == [f"Người LĐ {i}" for i in range(4)]
    assert register.exports(filled)[["account", "rows"]].values.tolist() == [["binhlu", 4]]
    # Another commune's list: its counts, never its names, and nothing logged.
    argv = ["awards", "list", "--year", "2023", "--area", "03405", "--user", "binhlu", "--format", "csv"]
    code, out, err = run(argv, capsys)
    assert code == 0
    assert "Người" not in out
    assert out.splitlines()[1:] == ["cấp cơ sở,Chiến sĩ thi đua cơ sở,cá nhân,2023,2"]
    assert "chỉ xem được tên trong địa bàn 03390" in err
    assert len(register.exports(filled)) == 1
    path = proposals(tmp_path, [[2024, "Lao động tiên tiến", "cá nhân", "Lò Văn D", "Đơn vị", "03405"]])
    argv = ["awards", "letter", path, "--area", "03405", "--year", "2024", "--user", "binhlu"]
    code, _out, err = run([*argv, "--format", "docx", "--out", str(tmp_path / "tt.docx")], capsys)
    assert code == 2 and "chỉ lập tờ trình cho địa bàn 03390" in err
    assert not (tmp_path / "tt.docx").exists() and len(register.exports(filled)) == 1
