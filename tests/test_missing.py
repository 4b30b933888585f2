"""The figures the 2025 goals lack, the workbook pre-filled for them, and its round trip."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from indicators.core import progress
from indicators.core.model import Dataset
from indicators.excel import diff, missing, validate
from indicators.excel import workbook as excel
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support import sessions

pytestmark = pytest.mark.usefixtures("fresh_caches")

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
UNTIL = 2026  # the year the figures could reach: the 2025 goal year has passed

# Each goal of the shipped data without a status, and what it lacks: (code, need, first, last).
# The two tourism figures the source gives without their year are no 2020 baseline: a dated one is asked for.
BASELINE = {
    "BUDGET_REV",
    "BIRTH_RATE",
    "NATURAL_GROWTH",
    "STUNTING",
    "TRAINED_LABOUR_VOC",
    "TOURISTS",
    "TOURISM_REV",
}
LATER = BASELINE | {"INCOME_PC", "NTM_DISTRICT", "POV_RATE", "TRAINED_LABOUR"}
YEARLY = {"PROPAGANDA_PLAN", "PARTY_ORGS_GOOD", "PARTY_ORGS_EXCELLENT", "LOCAL_GOV_GOOD"}
TERM_TOTAL = {"JOBS", "VOC_TRAINING"}
EXPECTED = sorted(
    [(c, "baseline", 2020, 2020) for c in BASELINE]
    + [(c, "later", 2021, 2025) for c in LATER | YEARLY]
    + [(c, "term_total", 2025, 2025) for c in TERM_TOTAL]
)
SOLIEU = {"code": 1, "area": 2, "year": 3, "kind": 4, "value": 6, "note": 10}  # column numbers


def gaps_of(data: Dataset, until: int = UNTIL) -> pd.DataFrame:
    return missing.gaps(progress.compute(data, area="106"), until)


def test_the_shipped_data_lacks_exactly_these_figures(seed_data: Dataset) -> None:
    found = gaps_of(seed_data)
    got = sorted(zip(found["code"], found["need"], found["first_year"], found["last_year"], strict=True))
    assert got == EXPECTED
    assert set(found["area"]) == {"106"}
    # The seventeen goals "chưa đủ số liệu" on the page today: every one is explained.
    no_data = progress.compute(seed_data, area="106").query("status == 'no_data'")
    assert len(no_data) == 17 and set(no_data["code"]) == set(found["code"])
    # 7 baselines, 15 goals × 5 later years, 2 term totals.
    assert len(missing.cells(found)) == 7 + 15 * 5 + 2 == 84
    assert missing.count_text(found, "vi") == "17 mục tiêu, 84 số liệu"
    assert missing.count_text(found, "en") == "17 goals, 84 figures"


def test_a_year_still_ahead_is_never_missing(seed_data: Dataset) -> None:
    early = gaps_of(seed_data, until=2023)
    assert set(early.loc[early["need"] == "later", "last_year"]) == {2023}
    assert "term_total" not in set(early["need"])  # the 2021–2025 total is not due before 2025
    assert set(gaps_of(seed_data, until=2020)["need"]) == {"baseline"}


def test_each_gap_says_what_and_which_years(seed_data: Dataset) -> None:
    found = gaps_of(seed_data).set_index(["code", "need"], drop=False)
    said = {
        lang: missing.gaps_for_people(found, seed_data, lang).set_index(found.index) for lang in ("vi", "en")
    }
    vi, en = said["vi"]["missing"], said["en"]["missing"]
    assert vi[("BUDGET_REV", "baseline")] == "chưa có số liệu năm gốc 2020"
    assert en[("BUDGET_REV", "baseline")] == "no baseline figure for 2020"
    assert vi[("TOURISTS", "later")] == "chưa có số liệu sau năm gốc: 2021–2025"
    assert vi[("NTM_DISTRICT", "later")] == "chưa có kết quả đạt hay chưa đạt: 2021–2025"
    assert vi[("PARTY_ORGS_GOOD", "later")] == "mục tiêu hàng năm, chưa có số liệu năm nào: 2021–2025"
    assert vi[("JOBS", "term_total")] == "chưa có tổng cả giai đoạn 2021–2025 (số liệu năm 2025)"
    assert en[("JOBS", "term_total")] == "no total for the 2021–2025 term yet (the 2025 figure)"
    assert said["vi"]["name"][("TOURISTS", "later")] == "Số lượt khách du lịch"
    assert said["en"]["figures"][("TOURISTS", "later")] == 5


def _rows(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple]:
    return [r for r in sheet.iter_rows(min_row=2) if r[0].value is not None]


@pytest.mark.slow
def test_the_workbook_holds_known_figures_and_marks_the_missing_cells(seed_data: Dataset) -> None:
    found = gaps_of(seed_data)
    book = openpyxl.load_workbook(io.BytesIO(missing.workbook_bytes(seed_data, found)))
    assert book.sheetnames == [excel.INSTRUCTIONS_SHEET, *(tb.sheet for tb in excel.TABLES)]
    codes = set(found["code"])
    assert {r[0].value for r in _rows(book["ChiTieu"])} == codes  # exactly those indicators
    rows = _rows(book["SoLieu"])
    keys = [(r[0].value, r[1].value, r[2].value, r[3].value) for r in rows]
    assert {k[0] for k in keys} == codes and {k[1] for k in keys} == {"106"}
    blank = [r for r in rows if r[SOLIEU["value"] - 1].value is None]
    wanted = missing.cells(found)
    assert sorted((r[0].value, r[2].value) for r in blank) == sorted(
        zip(wanted["code"], wanted["year"], strict=True)
    )
    for r in blank:
        cell = r[SOLIEU["value"] - 1]
        # Marked by a fill and by words (a comment), not by colour alone; the kind in Vietnamese.
        assert cell.fill.fgColor.rgb == "00FFF2CC" and cell.comment is not None
        assert cell.comment.text.startswith("Cần điền: ")
        assert r[SOLIEU["kind"] - 1].value == "Thực hiện" and r[SOLIEU["note"] - 1].value is None
    comments = {(r[0].value, r[2].value): r[SOLIEU["value"] - 1].comment.text for r in blank}
    assert comments[("BUDGET_REV", 2020)].startswith(
        "Cần điền: Thu ngân sách trên địa bàn (tỷ đồng), số liệu năm gốc 2020. Chọn Thực hiện hoặc Ước"
    )
    assert comments[("TOURISTS", 2023)].startswith(
        "Cần điền: Số lượt khách du lịch (lượt khách), số liệu năm 2023."
    )
    assert comments[("JOBS", 2025)].startswith(
        "Cần điền: Số lao động được giải quyết việc làm (lao động), tổng cả"
    )
    filled = [r for r in rows if r[SOLIEU["value"] - 1].value is not None]
    assert all(r[SOLIEU["value"] - 1].fill.fgColor.rgb != "00FFF2CC" for r in filled)
    # The known figures and their metadata: the 2020 income per head, an estimate, with its quote.
    income = next(r for r in filled if r[0].value == "INCOME_PC" and r[2].value == 2020)
    assert income[SOLIEU["value"] - 1].value == 30 and income[SOLIEU["kind"] - 1].value == "Ước thực hiện"
    obs = seed_data.observations.query("code == 'INCOME_PC' and year == 2020").iloc[0]
    assert income[8].value == obs["quote"] != ""
    # Every current row of those indicators stays in the file: an upload of it removes nothing.
    current = seed_data.observations[seed_data.observations["code"].isin(codes)]
    assert len(filled) == len(current)
    goals = [(r[0].value, r[2].value, r[6].value) for r in _rows(book["MucTieu"])]
    assert ("TOURISTS", 2025, 600000) in goals
    assert len(goals) == len(seed_data.targets[seed_data.targets["code"].isin(codes)])


def test_uploaded_unfilled_the_workbook_is_refused_at_each_empty_cell(seed_data: Dataset) -> None:
    upload = validate.check(missing.workbook_bytes(seed_data, gaps_of(seed_data)), "thieu.xlsx", seed_data)
    assert len(upload.errors) == 84
    # Each message names its cell and says what the cell takes.
    for p in upload.errors:
        assert p.message_vi.startswith(f"Ô SoLieu!{p.cell} để trống. ")
        assert ("2.503,3" in p.message_vi) != ("“Đạt” hoặc “Chưa đạt”" in p.message_vi), p.message_vi
    assert {p.sheet for p in upload.errors} == {"SoLieu"} and {p.cell[0] for p in upload.errors} == {"F"}


# A figure per gap that passes the checks and gives each goal a status (test values, never shipped).
def _test_value(code: str, year: int, goals: pd.DataFrame) -> float:
    goal = goals.set_index("code").loc[code]
    if code == "BIRTH_RATE":
        return 15.0 if year == 2020 else 13.0  # a reduction: 0,5 ‰ a year asked, 0,4 ‰ a year seen
    return float(goal["stated_value"])


def fill(data: bytes, goals: pd.DataFrame) -> bytes:
    book: Workbook = openpyxl.load_workbook(io.BytesIO(data))
    for row in _rows(book["SoLieu"]):
        value = row[SOLIEU["value"] - 1]
        if value.value is None:
            value.value = _test_value(row[0].value, row[2].value, goals)
            if row[2].value == 2025 and row[0].value == "TOURISTS":
                row[SOLIEU["kind"] - 1].value = "Ước thực hiện"  # the drop-down's other word
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def round_trip(store: Store) -> None:
    """The gaps' workbook filled with test values, checked and committed as version 2."""
    data = store.load()
    goals = progress.compute(data, area="106")
    filled = fill(missing.workbook_bytes(data, gaps_of(data)), goals)
    upload = validate.check(filled, "dien_so_lieu.xlsx", data)
    assert upload.ok, validate.report_text(upload)
    merged = diff.merge(data, upload)
    assert diff.compare(data, merged).totals() == {"new": 84, "changed": 0, "removed": 0}
    assert store.commit(merged, "lan", upload.file_name, upload.sha256, "", "import").version == 2


@pytest.mark.slow
def test_filled_and_uploaded_the_gaps_close_and_every_goal_has_a_status(store: Store) -> None:
    round_trip(store)
    data = store.load()
    after = progress.compute(data, area="106").set_index("code")
    judged = after.loc[sorted({c for c, *_ in EXPECTED})]
    assert not (judged["status"] == "no_data").any(), judged["status"].to_dict()
    assert gaps_of(data).empty
    assert after.loc["TOURISTS", "latest_kind"] == "estimate"  # chosen as "Ước thực hiện"
    # The gaps run to 2025, the goal year: with its figures in, each goal has the term's result.
    assert after.loc["JOBS", "status"] == after.loc["TOURISTS", "status"] == "dat"
    assert after.loc["TOURISTS", "final_kind"] == "estimate"
    # 0,4 of the 0,5 ‰ a year asked: 80 %, không đạt (a pace of R = 0,8 before 2025).
    assert after.loc["BIRTH_RATE", "status"] == "khong_dat"
    assert after.loc["BIRTH_RATE", "final_pct"] == pytest.approx(80.0)
    obs = data.observations.query("code == 'INCOME_PC' and year == 2023").iloc[0]
    assert (obs["kind"], obs["value"]) == ("actual", 45.0)


@pytest.mark.slow
def test_the_command_line_lists_the_gaps_and_writes_the_workbook(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "thieu.xlsx"
    run = subprocess.run(
        [sys.executable, "-m", "indicators", "missing", "--format", "json", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert sorted((r["code"], r["need"], r["first_year"], r["last_year"]) for r in rows) == EXPECTED
    assert "84 ô cần điền" in run.stderr
    upload = validate.check(out.read_bytes(), out.name, store.load())
    assert len(upload.errors) == 84  # the same workbook as the page's: the empty cells wait
    bad = subprocess.run(
        [sys.executable, "-m", "indicators", "missing", "--area", "XX"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert bad.returncode == 2 and "XX" in bad.stderr and "Traceback" not in bad.stderr


# The goals page ------------------------------------------------------------------------


def goals_page(lang: Lang, role: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    if role:
        sessions.sign_in(at, "lan", role)
    at.switch_page("pages/goals.py")
    return at.run()


def _markdown(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def _downloads(at: AppTest) -> dict[str, str]:
    return {str(b.key): str(b.proto.label) for b in at.get("download_button")}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_viewer_reads_what_is_missing_without_the_download(store: Store, lang: Lang) -> None:
    at = goals_page(lang)
    assert not at.exception
    assert t("goals.missing", lang) in [s.value for s in at.subheader]
    text = _markdown(at).replace("\u2060", "")  # md()'s word joiners
    intro = t("goals.missing_intro", lang).format(count=missing.count_text(gaps_of(store.load()), lang))
    assert intro in text
    tourists = "Số lượt khách du lịch" if lang == "vi" else "Tourist arrivals"
    # The missing figures' list, below the goals table (whose phone rows also name each goal).
    later = t("missing.later", lang).format(years="2021–2025")
    assert any(x.startswith(f"- **{tourists}**") and x.endswith(later) for x in text.splitlines())
    assert "goals_missing_download" not in _downloads(at)
    assert t("goals.missing_viewer", lang) in [c.value for c in at.caption]
    # The goals table says the same where it used to say only "chưa đủ số liệu" and a bare reason.
    table = at.table[0].value
    budget = "Thu ngân sách trên địa bàn (tỷ đồng)" if lang == "vi" else "State budget revenue collected"
    row = [
        str(v).replace("\u2060", "")
        for v in table[table.iloc[:, 0].astype(str).str.startswith(budget)].iloc[0]
    ]
    lacks = "; ".join(
        [t("missing.baseline", lang).format(base=2020), t("missing.later", lang).format(years="2021–2025")]
    )
    assert row[-1].endswith(f"{t('progress.no_data', lang)} ({lacks})")


def _in_order(node: Any) -> list[Any]:
    """The page's elements as drawn, top to bottom (AppTest keeps each block's children by position)."""
    children = getattr(node, "children", None)
    if not children:
        return [node]
    return [e for _, child in sorted(children.items()) for e in _in_order(child)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_analyst_gets_the_workbook_to_fill_at_the_top(store: Store, lang: Lang) -> None:
    at = goals_page(lang, "analyst")
    assert not at.exception
    assert _downloads(at)["goals_missing_download"] == t("goals.missing_download", lang)
    assert t("goals.missing_how", lang) in [c.value for c in at.caption]
    # Above the charts and the list of what is missing, not three screens down.
    drawn = _in_order(at.main)
    where = {
        str(getattr(e, "key", "") or getattr(e, "value", "")): i for i, e in reversed(list(enumerate(drawn)))
    }
    download = where["goals_missing_download"]
    assert download < where[t("goals.paths", lang)] < where[t("goals.missing", lang)]
    assert [type(e).__name__ for e in drawn[:download]].count("Subheader") == 0


def test_after_the_round_trip_the_page_shows_statuses_not_gaps(store: Store) -> None:
    before = goals_page("vi")
    assert t("progress.no_data", "vi") in "\n".join(str(v) for v in before.table[0].value.to_numpy().ravel())
    round_trip(store)
    at = goals_page("vi")
    assert not at.exception
    assert t("goals.missing", "vi") not in [s.value for s in at.subheader]
    shown = "\n".join(str(v) for v in at.table[0].value.to_numpy().ravel())
    assert t("progress.no_data", "vi") not in shown
    assert t("progress.dat", "vi") in shown and t("progress.final_estimate", "vi") in shown
