"""The command line through a subprocess, as scripts and CI call it."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from indicators.__main__ import main
from indicators.cli import tables as cli_tables

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _table_width_of_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    """The people's tables at their own width (100 columns), whatever terminal runs the tests.

    The tables narrow to $COLUMNS where it is set; a test run from a narrow terminal, or by a
    runner that exports it, folded a cell ("2.503,3", "thu.nguyen") over two lines.
    """
    monkeypatch.delenv("COLUMNS", raising=False)


def run(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INDICATORS_DB": db}
    return subprocess.run(
        [sys.executable, "-m", "indicators", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('cli') / 'store.sqlite'}"


@pytest.mark.slow
def test_attainment_csv_reproduces_the_report(db: str) -> None:
    done = run("attainment", "--format", "csv", db=db)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    expected_columns = "code,name,unit,period,target_kind,actual,target,attainment_pct,reported_pct,status"
    assert ",".join(list(rows[0])[:10]) == expected_columns
    by_key = {(r["code"], r["period"], r["target_kind"]): r for r in rows}
    gtsx = by_key[("GTSX", "2015-2020", "NQ")]
    assert (gtsx["actual"], gtsx["attainment_pct"], gtsx["reported_pct"], gtsx["status"]) == (
        "2503.3",
        "118.08",
        "118.08",
        "vượt",
    )
    printed = {
        "TEA_NEW": "220.4",
        "TEA_COMMERCIAL": "111.5",
        "TEA_OUTPUT": "137.2",
        "TOURISTS": "500.0",
        "TOURISM_REV": "254.0",
        "POV_RATE": "150.0",
        "JOBS": "100.0",
    }
    for code, pct in printed.items():
        row = next(r for r in rows if r["code"] == code and r["reported_pct"])
        assert row["attainment_pct_as_printed"] == pct, code
        assert row["differs"] == "False", code
    assert by_key[("TEA_NEW", "2015-2020", "NQ")]["attainment_pct"] == "220.43"


@pytest.mark.slow
def test_attainment_json_and_area_filter(db: str) -> None:
    done = run("attainment", "--area", "106", "--format", "json", db=db)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert {r["area"] for r in rows} == {"106"}
    pov = next(r for r in rows if r["code"] == "POV_RATE" and r["period"] == "2015-2020")
    assert (pov["attainment_pct"], pov["comparator"]) == (150.0, "reduce_by")


@pytest.mark.slow
def test_attainment_table_for_people_uses_vietnamese_numbers(db: str) -> None:
    done = run("attainment", db=db)
    assert done.returncode == 0, done.stderr
    assert "2.503,3" in done.stdout and "118,08" in done.stdout and "300.000" in done.stdout
    assert "2503.3" not in done.stdout


def _cells(db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The people's table drawn wide enough that no cell wraps, so each cell reads whole."""
    monkeypatch.setenv("INDICATORS_DB", db)
    monkeypatch.setattr(cli_tables, "WIDTH", 1000)
    monkeypatch.setenv("COLUMNS", "1000")
    assert main(list(args)) == 0
    return re.sub(r" {2,}", " | ", capsys.readouterr().out)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["attainment", "progress", "history"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_people_tables_fit_100_columns(db: str, command: str, lang: str) -> None:
    done = run(command, "--lang", lang, db=db)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) > 3
    assert max(len(line) for line in lines) <= 100
    assert "\x1b" not in done.stdout  # no colour codes in a pipe


@pytest.mark.slow
def test_attainment_table_speaks_words_and_marks_what_the_report_does_not_say(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run("attainment", db=db).stdout
    header = out.splitlines()[0]
    for word in ("Chỉ tiêu", "Thực hiện", "Mục tiêu", "% đạt", "Đánh giá"):
        assert word in header
    for code in ("at_least", "reduce_by", "vuot", "khong_dat", "NQ", "GTSX"):
        assert re.search(rf"\b{code}\b", out) is None, code
    lines = _cells(db, monkeypatch, capsys, "attainment")
    assert "khoảng 300.000 lượt khách" in lines  # the report's qualifier, and an estimate
    assert "2.503,3 tỷ đồng (ước)" in lines
    # Implied targets: ≈, no more precise than the printed %, said where they come from.
    assert "≈\u202f7.038 tấn (suy ra từ tỷ lệ % đã công bố)" in lines
    assert lines.count("(suy ra từ tỷ lệ % đã công bố)") == 13
    assert lines.count("≈") == 13
    assert "4,5 điểm %/năm (ước)" in lines  # a fall in points a year, not a rate
    assert "220,43\u202f%" in lines and "118,08\u202f% (báo cáo in)" in lines
    assert "không đánh giá" in lines  # the fair-rated share, the rest of a whole


@pytest.mark.slow
def test_tables_switch_to_english(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run("attainment", "--lang", "en", db=db).stdout
    header = " ".join(out.splitlines()[:2])
    assert "Indicator" in header and "% attained" in header
    lines = _cells(db, monkeypatch, capsys, "attainment", "--lang", "en")
    assert "about 300,000 visitors" in lines
    assert "(worked back from the published %)" in lines
    progress_out = _cells(db, monkeypatch, capsys, "progress", "--lang", "en")
    assert "Progress" in progress_out and "percentage points/year" in progress_out


@pytest.mark.slow
def test_attainment_csv_says_each_rows_basis_and_kind(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run("attainment", "--format", "csv", db=db).stdout)))
    by_key = {(r["code"], r["period"], r["target_kind"]): r for r in rows}
    gtsx = by_key[("GTSX", "2015-2020", "NQ")]
    assert (gtsx["target_basis"], gtsx["attainment_basis"], gtsx["actual_kind"]) == (
        "implied",
        "printed",
        "estimate",
    )
    tea = by_key[("TEA_NEW", "2015-2020", "NQ")]
    assert (tea["target_basis"], tea["attainment_basis"], tea["actual_kind"]) == (
        "stated",
        "computed",
        "estimate",
    )
    budget = by_key[("BUDGET_REV", "2019", "KH")]
    assert (budget["target_basis"], budget["attainment_basis"], budget["actual_kind"]) == (
        "none",
        "printed",
        "none",
    )
    assert {r["target_basis"] for r in rows} == {"stated", "implied", "none"}


@pytest.mark.slow
def test_progress_csv(db: str) -> None:
    done = run("progress", "--format", "csv", db=db)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    wanted = (
        "code,name,unit,base_year,base_value,goal_year,goal_value,latest_year,latest_value,"
        "required_growth_pct,observed_growth_pct,ratio,status"
    ).split(",")
    assert set(wanted) <= set(rows[0])
    income = next(r for r in rows if r["code"] == "INCOME_PC")
    assert (income["base_value"], income["goal_value"], income["required_growth_pct"]) == (
        "30.0",
        "45.0",
        "8.4472",
    )


@pytest.mark.slow
def test_history_csv_starts_with_the_version(db: str) -> None:
    done = run("history", "--format", "csv", db=db)
    assert done.returncode == 0, done.stderr
    header, first = done.stdout.splitlines()[:2]
    assert header.split(",")[0] == "version"
    assert first.startswith("1,")


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("attainment", "--format", "xml"), 2, "Lỗi cú pháp"),
        (("nonsense",), 2, "Lỗi cú pháp"),
        (("attainment", "--area", "HANOI"), 2, "không có địa bàn 'HANOI'"),
        ((), 2, "Lỗi cú pháp"),
    ],
)
@pytest.mark.slow
def test_bad_arguments_are_one_line_without_traceback(
    args: tuple[str, ...], code: int, words: str, db: str
) -> None:
    done = run(*args, db=db)
    assert done.returncode == code
    assert words in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_unreachable_store_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = run("attainment", db=f"sqlite:///{blocker / 'x.sqlite'}")
    assert done.returncode == 3
    assert "Không mở được kho dữ liệu" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_unknown_database_driver_is_one_line() -> None:
    done = run("history", db="nosuchdb://x/y")
    assert done.returncode == 3
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_user_commands_keep_passwords_off_the_command_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'users.sqlite'}"
    env = {**os.environ, "INDICATORS_DB": db, "INDICATORS_BCRYPT_ROUNDS": "4"}

    def user(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "indicators", "user", *args],
            cwd=PROJECT,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    assert user("add", "an", "--role", "admin", stdin="mây trắng đỉnh Pu Ta Leng\n").returncode == 0
    assert user("add", "lan", "--role", "analyst", stdin="chè Shan tuyết Bản Bo 1958\n").returncode == 0
    listed = user("list", "--format", "csv")
    assert [line.split(",")[:2] for line in listed.stdout.splitlines()] == [
        ["name", "role"],
        ["an", "admin"],
        ["lan", "analyst"],
    ]
    short = user("add", "binh", "--role", "viewer", stdin="ngan\n")
    assert (short.returncode, short.stderr.strip()) == (
        1,
        "Lỗi: Mật khẩu phải có ít nhất 12 ký tự (không kể dấu cách ở hai đầu; nhiều dấu cách liền nhau "
        "tính là một).",
    )
    no_password = user("passwd", "lan")
    assert no_password.returncode == 2 and "không có mật khẩu" in no_password.stderr
    assert user("passwd", "lan", stdin="suối Tả Lèng chảy về xuôi\n").returncode == 0
    assert user("remove", "lan").returncode == 0
    missing = user("remove", "lan")
    assert missing.returncode == 1 and "Không có tài khoản 'lan'" in missing.stderr
    bad_role = user("add", "x", "--role", "boss", stdin="12345678\n")
    assert bad_role.returncode == 2 and "Traceback" not in bad_role.stderr


@pytest.mark.slow
def test_csv_text_that_a_spreadsheet_would_run_is_neutralised(tmp_path: Path) -> None:
    from indicators.core.model import Dataset
    from indicators.store.database import Store

    db = f"sqlite:///{tmp_path / 'formula.sqlite'}"
    store = Store(db).ensure()
    data = store.load()
    formula = '=HYPERLINK("https://evil.example/login","Bấm vào đây")'
    indicators = data.indicators.assign(
        name_vi=data.indicators["name_vi"].where(data.indicators["code"] != "GTSX", formula)
    )
    frames = {name: getattr(data, name) for name in data.counts()}
    store.commit(Dataset.from_frames({**frames, "indicators": indicators}), account="test")
    done = run("attainment", "--format", "csv", db=db)
    assert done.returncode == 0, done.stderr
    names = {row["code"]: row["name"] for row in csv.DictReader(io.StringIO(done.stdout))}
    assert names["GTSX"] == "'" + formula
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names.values())
    # JSON is for programs: exact.
    exact = json.loads(run("attainment", "--format", "json", db=db).stdout)
    assert {r["name"] for r in exact if r["code"] == "GTSX"} == {formula}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.slow
def test_compare_speaks_words_to_people_and_codes_to_csv(
    db: str, lang: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _cells(
        db, monkeypatch, capsys, "compare", "GTSX", "--year", "2020", "--parent", "12", "--lang", lang
    )
    for code in ("estimate", "no_target", "actual_kind", "status_code", "implied"):
        assert f" {code} " not in lines and f"| {code} |" not in lines, code
    if lang == "vi":
        assert "2.503,3 (ước) | ≈\u202f2.120,0 (suy ra từ tỷ lệ % đã công bố) | 118,08\u202f% | vượt" in lines
        assert "chưa có chỉ tiêu" in lines
    else:
        assert (
            "2,503.3 (est.) | ≈\u202f2,120.0 (worked back from the published %) | 118.08\u202f% | exceeded"
            in lines
        )
        assert "Tam Đường district (106)" in lines and "no target set" in lines
    rows = list(
        csv.DictReader(
            io.StringIO(
                run("compare", "GTSX", "--year", "2020", "--parent", "12", "--format", "csv", db=db).stdout
            )
        )
    )
    assert (rows[0]["actual_kind"], rows[0]["status_code"], rows[0]["target_basis"]) == (
        "estimate",
        "vuot",
        "implied",
    )


@pytest.mark.slow
def test_history_shows_vietnam_time_to_people_and_utc_to_csv(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = run("history", "--format", "csv", db=db).stdout.splitlines()[1].split(",")
    utc = first[1]
    lines = _cells(db, monkeypatch, capsys, "history")
    assert "Thời điểm (giờ Việt Nam)" in lines
    local = cli_tables._local(utc)
    # Vietnam is seven hours ahead of UTC all year round.
    assert (pd.Timestamp(local) - pd.Timestamp(utc)) == pd.Timedelta(hours=7)
    assert local in lines


def test_progress_gives_a_shares_pace_in_points(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _cells(db, monkeypatch, capsys, "progress")
    trained = next(line for line in lines.splitlines() if line.startswith("Tỷ lệ lao động qua đào tạo |"))
    # 50 % to 52,75 % over five years: +0,55 points a year, never "+1,1 %".
    assert "+0,55 điểm %/năm" in trained and "+1,1" not in trained
    good = next(line for line in lines.splitlines() if "hoàn thành tốt nhiệm vụ trở lên" in line)
    assert "hàng năm trên 90\u202f% (2025)" in good


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "vi",
            [
                # Jobs over the term are the term's sum, never the one year's.
                "5.150 lao động (ước; tổng giai đoạn 2016–2020)",
                # A cut a year is said once, in points, as the pages and the báo cáo say it.
                "giảm mỗi năm ≈\u202f3,0 điểm % (suy ra từ tỷ lệ % đã công bố)",
            ],
        ),
        (
            "en",
            [
                "5,150 workers (est.; in total over 2016–2020)",
                "cut each year by ≈\u202f3.0 percentage points (worked back from the published %)",
            ],
        ),
    ],
)
def test_people_tables_say_a_term_sum_and_a_cut_as_phrase_does(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str, said: list[str]
) -> None:
    lines = _cells(db, monkeypatch, capsys, "attainment", "--lang", lang)
    for words in said:
        assert words in lines
    assert "điểm %/năm (suy ra" not in lines and "mỗi năm ≈\u202f3,0 điểm %/năm" not in lines
    goals = _cells(db, monkeypatch, capsys, "progress", "--lang", lang)
    # A goal summed over 2021–2025 is dated by its term; its baseline by the term it sums too.
    term = "tổng giai đoạn 2021–2025" if lang == "vi" else "in total over 2021–2025"
    assert term in goals
    assert "(2025)" in goals  # a level's goal keeps its year
