"""Terms and years first-class, and the year page, on a hand-made 2021–2026 workbook."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from dashboard import downloads, state
from indicators.core import attainment, progress, terms, year_review
from indicators.core.model import Dataset
from indicators.excel import diff, validate
from indicators.store.database import Store
from indicators.text import fmt, year_tables
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support.prepared import PreparedStores

pytestmark = pytest.mark.usefixtures("fresh_caches")

APP = str(Path(__file__).resolve().parents[1] / "app.py")
AREA = "106"  # the district: the shipped report gives its 2020 baseline and its 2025 goals

# The workbooks an office would send, in the wide layout: a column per year ("2021" official,
# "UTH 2021" estimate) and per year's plan ("KH 2021"). Tests only: never shipped in data/.
# Autumn 2021: the year's plan and the estimate of its results.
AUTUMN_2021: dict[str, dict[str, float]] = {
    "KH 2021": {"INCOME_PC": 32, "GTSX": 2650},
    "UTH 2021": {"INCOME_PC": 31.5, "GTSX": 2710.4, "POV_RATE": 16.5},
}
# Later: the official 2021 figures, 2022–2025, the plans, and the 2026 estimate and plan.
LATER: dict[str, dict[str, float]] = {
    "2021": {"INCOME_PC": 31.2, "GTSX": 2698.2, "POV_RATE": 16.8},
    "KH 2022": {"INCOME_PC": 33, "GTSX": 2800},
    "2022": {"INCOME_PC": 33, "GTSX": 2850, "POV_RATE": 15, "TOURISTS": 400_000},
    "KH 2023": {"INCOME_PC": 35, "GTSX": 3100, "POV_RATE": 14},
    "2023": {"INCOME_PC": 36, "GTSX": 3000, "POV_RATE": 13.5},
    "UTH 2023": {"TOURISTS": 450_000},
    "2024": {"INCOME_PC": 40, "GTSX": 3200, "POV_RATE": 12},
    "2025": {"INCOME_PC": 44, "GTSX": 3400, "POV_RATE": 10.5},
    "KH 2026": {"INCOME_PC": 47},
    "UTH 2026": {"INCOME_PC": 46},
}


def wide_workbook(columns: dict[str, dict[str, float]]) -> bytes:
    """A wide sheet as an office writes it: code, area, then one column per year or plan."""
    book = Workbook()
    sheet = book.active
    sheet.title = "SoLieuNam"
    sheet.append(["Mã chỉ tiêu", "Mã địa bàn", *columns])
    codes = list(dict.fromkeys(code for figures in columns.values() for code in figures))
    for code in codes:
        sheet.append([code, AREA, *[figures.get(code) for figures in columns.values()]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def lasting_district(store: Store) -> None:
    """Tests only: the district as if it went on after 30 June 2025, so that its hand-made 2026 figures
    (the 2025–2030 term's first year) are figures for an area in force; an upload refuses them otherwise."""
    data = store.load()
    areas = data.areas.copy()
    areas.loc[areas["code"] == AREA, "valid_to"] = ""
    store.commit(replace(data, areas=areas), "lan", note="huyện giả định còn sau 2025 (kiểm thử)")


def upload(store: Store, columns: dict[str, dict[str, float]], name: str) -> Dataset:
    """The workbook checked, merged and saved as a new version, as the upload page does."""
    if any(column.endswith("2026") for column in columns):
        lasting_district(store)
    current = store.load()
    checked = validate.check(wide_workbook(columns), name, current)
    assert checked.ok, validate.report_text(checked)
    store.commit(diff.merge(current, checked), "lan", name, checked.sha256, "", "import")
    return store.load()


def sent_in_autumn(store: Store) -> None:
    """The seeded store after the autumn workbook: 2021's plan and the estimate of its results."""
    upload(store, AUTUMN_2021, "uoc-2021.xlsx")


def sent_later(store: Store) -> None:
    """The seeded store after the autumn workbook and the later one, the tourism figures' year confirmed."""
    sent_in_autumn(store)
    data = upload(store, LATER, "so-lieu-2021-2026.xlsx")
    # The shipped tourism figures have no year in the source and give no path; here their 2020 is
    # confirmed, as an office that knows the year would record it, so the tourism path is drawn.
    store.commit(replace(data, observations=data.observations.assign(period_unstated=False)), account="test")


@pytest.fixture
def autumn(store_url: str, prepared_stores: PreparedStores) -> Dataset:
    """The store at $INDICATORS_DB after the autumn upload: uploaded once a session, each test's own copy."""
    return prepared_stores.store(store_url, sent_in_autumn).load()


@pytest.fixture
def later(store_url: str, prepared_stores: PreparedStores) -> Dataset:
    """The store at $INDICATORS_DB after both uploads: made once a session, each test's own copy.

    Two uploads, three versions and their loads for each of a dozen tests were most of their time.
    """
    return prepared_stores.store(store_url, sent_later).load()


@pytest.fixture
def autumn_apart(tmp_path: Path, prepared_stores: PreparedStores) -> Dataset:
    """The autumn upload's data in a store of its own, for a test that reads it beside `later`'s."""
    return prepared_stores.store(f"sqlite:///{tmp_path / 'autumn.sqlite'}", sent_in_autumn).load()


def figures(data: Dataset, code: str, year: int) -> dict[str, float]:
    obs = data.observations
    rows = obs[(obs["code"] == code) & (obs["area"] == AREA) & (obs["year"] == year)]
    return dict(zip(rows["kind"], rows["value"], strict=True))


def plan_row(data: Dataset, code: str, year: int) -> pd.Series:
    rows = attainment.compute(data, AREA)
    return rows[(rows["code"] == code) & (rows["year"] == year) & (rows["target_kind"] == "KH")].iloc[0]


# Terms --------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_terms_catalogue_holds_each_term_with_its_goals(later: Dataset) -> None:
    catalogue = terms.catalogue(later)
    # 2015–2020 and 2020–2025 are named by the report; 2025–2030 holds the 2026 figures.
    assert catalogue == [terms.Term(2015, 2020), terms.Term(2020, 2025), terms.Term(2025, 2030)]
    assert terms.term_of(catalogue, 2020) == terms.Term(2015, 2020)  # a term's last year is its own
    assert terms.term_of(catalogue, 2021) == terms.Term(2020, 2025)
    assert terms.term_of(catalogue, 2026) == terms.Term(2025, 2030)
    # The report's 18 specific goals for 2020–2025; none yet for 2025–2030.
    assert len(terms.goals(later, terms.Term(2020, 2025), AREA)) == 18
    assert terms.goals(later, terms.Term(2025, 2030), AREA).empty
    # A term total's 2020 figure is the 2015–2020 sum: not the year before of 2021.
    review_2021 = year_review.review(later, AREA, 2021).set_index("code")
    assert pd.isna(review_2021.loc["JOBS", "previous"]) and review_2021.loc["JOBS", "previous_kind"] == ""
    assert review_2021.loc["POV_RATE", "previous"] == 18.22
    # The yearly plans, per indicator, area and year: the targets table's kế hoạch rows.
    plans = terms.plans(later, 2023, AREA).set_index("code")
    assert plans["value"].to_dict() == {"GTSX": 3100.0, "INCOME_PC": 35.0, "POV_RATE": 14.0}
    assert plans.loc["POV_RATE", "comparator"] == "at_most"  # a poverty plan is a ceiling
    assert set(plans["term"]) == {"2023"}


def test_a_terms_result_is_its_last_years_official_figure_else_the_estimate_marked(
    autumn_apart: Dataset, later: Dataset
) -> None:
    # 2015–2020: only the report's estimates exist, so they are used and marked.
    old = terms.result(later, terms.Term(2015, 2020), AREA).set_index("code")
    assert old.loc["GTSX", "actual"] == 2503.3 and old.loc["GTSX", "actual_kind"] == "estimate"
    assert old.loc["GTSX", "attainment_pct"] == pytest.approx(118.08)
    # 2020–2025: the official 2025 figure against the goal, 44 of 45 million: 97,78 %, không đạt.
    new = terms.result(later, terms.Term(2020, 2025), AREA).set_index("code")
    assert new.loc["INCOME_PC", "actual"] == 44.0 and new.loc["INCOME_PC", "actual_kind"] == "official"
    assert new.loc["INCOME_PC", "attainment_pct"] == pytest.approx(44 / 45 * 100)
    assert new.loc["INCOME_PC", "status"] == "khong_dat"
    # Poverty fell (18,22 − 10,5) ÷ 5 = 1,544 points a year against 2: 77,2 %.
    assert new.loc["POV_RATE", "actual"] == pytest.approx(1.544)
    assert new.loc["POV_RATE", "attainment_pct"] == pytest.approx(77.2)
    # Before the 2025 figures came in there is no result to give yet.
    assert terms.result(autumn_apart, terms.Term(2020, 2025), AREA)["actual"].isna().all()


# Estimates, then official figures ------------------------------------------------------


@pytest.mark.slow
def test_2021_estimates_then_officials_attainment_and_progress_use_the_officials(
    store: Store, autumn: Dataset
) -> None:
    # Autumn: the estimate is all there is; the plan's attainment uses it, marked.
    plan = plan_row(autumn, "INCOME_PC", 2021)
    assert (plan["actual"], plan["actual_kind"]) == (31.5, "estimate")
    assert plan["attainment_pct"] == pytest.approx(31.5 / 32 * 100)  # 98,4375 %: under 99,5, không đạt
    assert plan["status"] == "khong_dat"
    goal = progress.compute(autumn, goal_year=2025, area=AREA).set_index("code").loc["INCOME_PC"]
    assert (goal["latest_year"], goal["latest_value"], goal["latest_kind"]) == (2021, 31.5, "estimate")

    later = upload(store, LATER, "so-lieu-2021-2026.xlsx")
    # The official figure supersedes the estimate for attainment and progress ...
    plan = plan_row(later, "INCOME_PC", 2021)
    assert (plan["actual"], plan["actual_kind"]) == (31.2, "official")
    assert plan["attainment_pct"] == pytest.approx(31.2 / 32 * 100)  # 97,5 %
    as_of = progress.compute(later, goal_year=2025, area=AREA, as_of=2021).set_index("code")
    income = as_of.loc["INCOME_PC"]
    assert (income["latest_value"], income["latest_kind"]) == (31.2, "official")
    # ... and history keeps both: the store holds the estimate beside it, and the older version too.
    assert figures(later, "INCOME_PC", 2021) == {"estimate": 31.5, "actual": 31.2}
    assert figures(store.load(autumn.version), "INCOME_PC", 2021) == {"estimate": 31.5}
    review = year_review.review(later, AREA, 2021).set_index("code")
    assert (review.loc["INCOME_PC", "value"], review.loc["INCOME_PC", "estimate"]) == (31.2, 31.5)


def test_a_years_plan_is_never_taken_for_the_terms_goals(later: Dataset) -> None:
    # The latest targets are the 2026 plan; the latest goals are still the 2020–2025 term's.
    goals = progress.compute(later)
    assert set(goals["goal_year"]) == {2025}
    assert "KH" not in set(progress.goals(later, 2025)["target_kind"])


# The year page's numbers, checked by hand for 2023 ------------------------------------


def test_the_year_review_of_2023_by_hand(later: Dataset) -> None:
    rows = year_review.review(later, AREA, 2023).set_index("code")
    assert year_review.years(later, AREA) == [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
    assert year_review.default_year(later, AREA) == 2026  # the latest year with a figure

    income = rows.loc["INCOME_PC"]
    # Official 36 against the plan's 35: 36 ÷ 35 = 102,857 %, above 100,5: vượt.
    assert (income["value"], income["value_kind"], income["plan"]) == (36.0, "official", 35.0)
    assert income["plan_pct"] == pytest.approx(102.857142857, rel=1e-9)
    assert income["plan_status"] == "vuot"
    # 2022 was 33: +3, and 36 ÷ 33 = 109,09 % of the year before.
    assert (income["previous"], income["change"]) == (33.0, 3.0)
    assert income["same_period_pct"] == pytest.approx(109.090909091, rel=1e-9)
    # Path from the 2020 baseline 30 to the goal 45 in 2025, compound: 30 × 1,5^(3/5) = 38,2627 in 2023.
    assert income["required"] == pytest.approx(38.262735019, rel=1e-9)
    assert income["gap"] == pytest.approx(36 - 38.262735019, rel=1e-9)
    # Observed growth (36/30)^(1/3) − 1 = 6,27 %/yr against 1,5^(1/5) − 1 = 8,45 %: R = 0,742, moderate.
    assert income["path_status"] == "moderate"

    poverty = rows.loc["POV_RATE"]
    # 13,5 % under a plan ceiling of 14 %: 14 ÷ 13,5 = 103,70 %, vượt.
    assert poverty["plan_pct"] == pytest.approx(103.703703704, rel=1e-9)
    assert poverty["plan_status"] == "vuot"
    # A rate changes in points: 15 → 13,5 is −1,5 points, and no "% of the year before".
    assert poverty["change"] == pytest.approx(-1.5) and pd.isna(poverty["same_period_pct"])
    # Straight line from 18,22 down 2 points a year: 18,22 − 3 × 2 = 12,22 required in 2023.
    assert poverty["required"] == pytest.approx(12.22)
    # Observed −1,5733 points a year against −2: R = 0,787, moderate.
    assert poverty["path_status"] == "moderate"

    gtsx = rows.loc["GTSX"]
    # 3.000 against a plan of 3.100: 96,77 %, không đạt; 3.000 ÷ 2.850 = 105,26 % of 2022.
    assert gtsx["plan_pct"] == pytest.approx(96.774193548, rel=1e-9)
    assert gtsx["plan_status"] == "khong_dat"
    assert gtsx["same_period_pct"] == pytest.approx(105.263157895, rel=1e-9)
    assert gtsx["path_status"] == "" and pd.isna(gtsx["required"])  # no 2025 goal for it

    tourists = rows.loc["TOURISTS"]
    # Only an estimate for 2023: used and marked. Path 300.000 × 2^(3/5) = 454.715 in 2023; growth
    # 1,5^(1/3) − 1 = 14,47 %/yr against 2^(1/5) − 1 = 14,87 %: R = 0,973, on track.
    assert (tourists["value"], tourists["value_kind"]) == (450_000.0, "estimate")
    assert tourists["required"] == pytest.approx(454_714.969953, rel=1e-9)
    assert tourists["path_status"] == "on_track"
    assert tourists["plan_status"] == ""  # no plan for it

    # "30 % khá" is the rest of a whole, not a floor: no level is required of it, and it is not judged.
    fair = rows.loc["LOCAL_GOV_FAIR"]
    assert pd.isna(fair["required"]) and fair["path_status"] == "not_judged"
    # An every-year goal ("Hàng năm … trên 90 %") requires its level in 2023 as in every year.
    assert rows.loc["PARTY_ORGS_GOOD", "required"] == 90.0
    # A goal with no figure that year is listed with nothing invented.
    assert rows.loc["BUDGET_REV", "path_status"] == "no_data" and pd.isna(rows.loc["BUDGET_REV", "value"])
    assert year_tables.plan_counts(rows.reset_index()) == {
        "vuot": 2,
        "dat": 0,
        "khong_dat": 1,
        "no_data": 0,
        "khong_danh_gia": 0,
    }


@pytest.mark.slow
def test_the_year_review_in_words(later: Dataset) -> None:
    rows = year_review.review(later, AREA, 2023)
    vi = year_tables.summary(later, rows, AREA, "vi").set_index("indicator")
    income = vi.loc["Thu nhập bình quân đầu người (triệu đồng/người/năm)"]
    assert income["figure"] == "36"
    assert income["plan"] == "35 triệu đồng/người/năm · 102,86\u202f% · ▲ vượt"
    assert income["previous"] == "33 · +3 triệu đồng/người/năm · bằng 109,09\u202f% so với cùng kỳ"
    assert income["path"] == "cần đạt 38,26 năm 2023, đang 36 · → cần tăng tốc"
    poverty = vi.loc["Tỷ lệ hộ nghèo (%)"]
    assert poverty["plan"] == "≤ 14\u202f% · 103,7\u202f% · ▲ vượt"
    assert poverty["previous"] == "15 · −1,5 điểm %"
    tourists = vi.loc["Số lượt khách du lịch"]
    assert tourists["figure"] == "450.000 (ước)"
    assert tourists["path"] == "cần đạt 454.715 năm 2023, đang 450.000 (ước) · ↗ đúng tiến độ"
    en = year_tables.summary(later, rows, AREA, "en").set_index("indicator")
    assert en.loc["Tourist arrivals (visitors)", "path"].startswith("should be 454,715 by 2023")
    # 2021: the official figure, with the estimate it replaced.
    review_2021 = year_review.review(later, AREA, 2021)
    earlier = year_tables.summary(later, review_2021, AREA, "vi").set_index("indicator")
    assert earlier.loc["Thu nhập bình quân đầu người (triệu đồng/người/năm)", "figure"] == (
        "31,2 (chính thức; ước trước đó 31,5)"
    )
    # 2026 opens a term with no goals yet: no path column of dashes (the page says why in a sentence).
    assert list(year_tables.summary(later, year_review.review(later, AREA, 2026), AREA, "vi").columns) == [
        "indicator",
        "figure",
        "plan",
        "previous",
    ]
    # The Excel table keeps numbers as numbers.
    excel = year_tables.table(later, rows, AREA, "vi").set_index("indicator")
    assert excel.loc["Thu nhập bình quân đầu người", "required"] == pytest.approx(38.262735019, rel=1e-9)
    assert excel.loc["Thu nhập bình quân đầu người", "plan_status"] == "vượt"


def test_thin_years_say_so(store: Store) -> None:
    data = store.load()
    # The shipped data: 2020 estimates, no plan, the 2015–2020 term's last year.
    rows = year_review.review(data, AREA, 2020)
    assert (rows["value_kind"] == "estimate").all() and (rows["plan_status"] == "").all()
    # A term total is the term's, not the year's: 5.150 jobs over 2015–2020, said beside the figure.
    words = year_tables.summary(data, rows, AREA, "vi").set_index("indicator")
    assert words.loc["Số lao động được giải quyết việc làm", "figure"] == (
        "5.150 (ước) · cộng dồn giai đoạn 2015–2020"
    )
    assert year_review.review(data, AREA, 2031).empty
    assert year_review.years(data, "03390") == [] and year_review.default_year(data, "03390") is None


# The page ----------------------------------------------------------------------------


def run_page(lang: Lang, year: int | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.switch_page("pages/year.py")
    at.run()
    if year is not None:
        at.selectbox(key="nam").set_value(year).run()
    return at


def table_texts(at: AppTest) -> str:
    return "\n".join(str(v) for table in at.table for v in table.value.to_numpy().ravel())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_year_page_shows_the_hand_checked_year(later: Dataset, lang: Lang) -> None:
    at = run_page(lang)
    assert not at.exception and not at.error
    assert [x.value for x in at.title] == [t("page.year", lang)]
    assert at.selectbox(key="nam").value == 2026  # the latest year with a figure
    # 2026 opens the 2025–2030 term, which has no goals yet: said in a sentence.
    infos = [i.value for i in at.info]
    assert t("year.no_goals", lang).format(term="2025–2030") in infos
    at.selectbox(key="nam").set_value(2023).run()
    assert not at.exception and not at.error
    shown = table_texts(at)
    if lang == "vi":
        assert "cần đạt 38,26 năm 2023, đang 36 · → cần tăng tốc" in shown
        assert "35 triệu đồng/người/năm · 102,86\u202f% · ▲ vượt" in shown
        assert "450.000 (ước)" in shown
    else:
        assert "should be 38.26 by 2023, is 36 · → acceleration needed" in shown
        assert "35 million VND/person/year · 102.86\u202f% · ▲ exceeded" in shown
        assert "450,000 (est.)" in shown
    # The plan's tally: two exceeded, one not met, each with its mark and word.
    tally = "\n".join(str(m.value) for m in at.markdown)
    assert f"▲ {t('status.vuot', lang)}: **2**" in tally
    assert f"✗ {t('status.khong_dat', lang)}: **1**" in tally
    # The Excel download and the report's Word and PDF buttons, for a viewer (nobody signed in).
    buttons = {b.key: b.label for b in at.button}
    assert buttons["year_report_make_docx"] == t("report.make", lang).format(fmt="Word")
    assert buttons["year_report_make_pdf"] == t("report.make", lang).format(fmt="PDF")
    assert [d.proto.label for d in at.get("download_button")] == [t("download.excel", lang)]
    at.button(key="year_report_make_docx").click().run()
    assert not at.exception and not at.error
    offered = {d.proto.label: d.proto.url for d in at.get("download_button")}
    assert offered[t("report.download", lang).format(fmt="Word")].endswith(".docx")
    # The report is the year's: 2023 for the district, written from the same figures.
    data = state.dataset()
    payload = downloads.kept_report(data, AREA, "2023", lang, "docx")
    assert payload is not None
    text = "\n".join(p.text for p in Document(io.BytesIO(payload)).paragraphs)
    assert ("năm 2023" if lang == "vi" else "2023") in text
    assert ("Thu nhập bình quân đầu người đạt 36 " if lang == "vi" else "36 million") in text


def test_the_year_page_on_the_shipped_data_says_what_is_missing(store: Store) -> None:
    at = run_page("vi")
    assert not at.exception and not at.error
    assert at.selectbox(key="nam").value == 2020
    infos = [i.value for i in at.info]
    assert t("year.no_plans", "vi").format(y=2020) in infos
    captions = [c.value for c in at.caption]
    assert t("year.term_end", "vi").format(y=2020, term="2015–2020") in captions
    # The term's result in its last year: GTSX 118,08 % of the resolution, vượt.
    assert "118,08\u202f% · ▲ vượt" in table_texts(at)
    # The figures with nothing to compare with are folded under the table, counted in the label.
    (folded,) = [e for e in at.expander if "chỉ có số liệu năm 2020" in e.label]
    alone = folded.table[0].value.iloc[:, 0].tolist()
    assert folded.label.startswith(f"{len(alone)} chỉ tiêu ") and len(alone) > 10
    assert "Số học sinh" in alone
    assert "Số học sinh" not in at.table[0].value.iloc[:, 0].tolist()


def test_the_year_page_with_an_empty_store_says_so(store: Store) -> None:
    store.commit(Dataset.empty(), account="test", note="empty")
    at = run_page("en")
    assert not at.exception
    assert [i.value for i in at.info] == [t("empty.store", "en")]


def test_a_years_report_speaks_of_the_goals_as_they_stood_that_year(later: Dataset) -> None:
    from indicators.report import content as report

    content = report.build(later, AREA, report.parse_period(None, 2023), "vi")
    text = "\n".join(
        p
        for section in content.sections
        for p in section.paragraphs + [q for x in section.parts for q in x.paragraphs]
    )
    # Income per head: 36 in 2023 on the way to 45; the 2025 figure (44) is not yet known in 2023.
    assert "năm 2023 đạt 36 triệu đồng/người/năm" in text
    assert "năm 2025 đạt 44" not in text


@pytest.mark.parametrize(("link", "opened"), [("2023", 2023), ("1999", 2026), ("hai-nghìn", 2026)])
def test_a_link_opens_the_year_it_names_else_the_latest(later: Dataset, link: str, opened: int) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["nam"] = link
    at.switch_page("pages/year.py")
    at.run()
    assert not at.exception and not at.error
    assert at.selectbox(key="nam").value == opened
    assert at.subheader[0].value == t("year.heading", "vi").format(y=opened)


@pytest.mark.slow
def test_a_plan_for_the_goal_year_never_stands_for_the_goal(later: Dataset, store: Store) -> None:
    """The 2025 plans (income 43, poverty ≤ 11 %) beside the term's 2025 goals: the goals read as stated."""
    from indicators.text import tables

    data = upload(store, {"KH 2025": {"INCOME_PC": 43, "POV_RATE": 11}}, "ke-hoach-2025.xlsx")
    goals = progress.compute(data, goal_year=2025, area=AREA)
    income = goals[goals["code"] == "INCOME_PC"].iloc[0]
    assert income["goal_value"] == 45.0
    # "đạt trên 45 triệu đồng/người/năm", as the source states the goal.
    assert tables.goal_text(data, income, "triệu đồng/người/năm", "vi") == "trên 45 triệu đồng/người/năm"
    poverty = goals[goals["code"] == "POV_RATE"].iloc[0]
    assert tables.goal_text(data, poverty, "%", "vi") == "giảm mỗi năm 2 điểm % (→ 8,22\u202f%)"
    # The year page in 2025: the plan in its column, the goal in the path's.
    words = year_tables.summary(data, year_review.review(data, AREA, 2025), AREA, "vi").set_index("indicator")
    income_words = words.loc["Thu nhập bình quân đầu người (triệu đồng/người/năm)"]
    assert income_words["plan"].startswith("43 triệu đồng/người/năm · ")
    # The term's result: the official 44 against the goal 45 (not the plan 43): 97,78 %, không đạt.
    assert income_words["path"] == "mục tiêu 2025: trên 45 triệu đồng/người/năm · 97,78\u202f% · ✗ không đạt"


@pytest.mark.slow
def test_a_plan_to_cut_a_rate_reads_as_a_cut_in_points(later: Dataset) -> None:
    """A 2024 plan "giảm 1,2 điểm %" (a long sheet's reduce_by) is a fall, not a level of 1,2 %."""
    plan = pd.DataFrame(
        [
            {
                "code": "POV_RATE",
                "area": AREA,
                "year": 2024,
                "term": "2024",
                "target_kind": "KH",
                "comparator": "reduce_by",
                "value": 1.2,
                "derived": False,
                "yearly": False,
                "section": "",
                "quote": "",
                "note": "",
            }
        ]
    )
    frames = {name: getattr(later, name) for name in later.counts()}
    data = Dataset.from_frames({**frames, "targets": pd.concat([later.targets, plan], ignore_index=True)})
    row = year_review.review(data, AREA, 2024).set_index("code").loc["POV_RATE"]
    # 13,5 % in 2023, 12 % in 2024: a fall of 1,5 points against the planned 1,2: 125 %, vượt.
    assert row["plan_pct"] == pytest.approx(125.0) and row["plan_status"] == "vuot"
    words = year_tables.summary(data, year_review.review(data, AREA, 2024), AREA, "vi").set_index("indicator")
    assert words.loc["Tỷ lệ hộ nghèo (%)", "plan"] == "giảm 1,2 điểm % · 125\u202f% · ▲ vượt"
    en = year_tables.summary(data, year_review.review(data, AREA, 2024), AREA, "en").set_index("indicator")
    assert (
        en.loc["Poverty rate (share of poor households) (%)", "plan"]
        == "down 1.2 percentage points · 125\u202f% · ▲ exceeded"
    )


@pytest.mark.slow
def test_the_missing_figures_workbook_filled_changes_only_its_blanks(later: Dataset, store: Store) -> None:
    """Years of figures (estimates and officials, plans, a goal year's plan) around the gaps: filling the
    pre-filled workbook's empty cells adds exactly those figures; nothing else is changed or removed."""
    import openpyxl

    from indicators.excel import missing

    data = upload(store, {"KH 2025": {"TOURISTS": 500_000}}, "ke-hoach-2025.xlsx")
    found = missing.gaps(progress.compute(data, area=AREA), 2026)
    wanted = missing.cells(found)
    # Income, poverty and tourists have figures after 2020: not asked for, yet in the file (all their
    # rows, the 2021 estimates and officials, the plans), so that the upload keeps them.
    assert not {"INCOME_PC", "POV_RATE", "TOURISTS"} & set(wanted["code"])
    found = pd.concat(
        [found, found.iloc[:1].assign(code="TOURISTS", need="later", first_year=2024, last_year=2025)]
    )
    wanted = missing.cells(found)
    assert wanted[wanted["code"] == "TOURISTS"]["year"].tolist() == [2024, 2025]
    book = openpyxl.load_workbook(io.BytesIO(missing.workbook_bytes(data, found)))
    filled = 0
    for row in book["SoLieu"].iter_rows(min_row=2):
        if row[0].value is not None and row[5].value is None:
            row[5].value = 7.0
            filled += 1
    assert filled == len(wanted) > 0
    out = io.BytesIO()
    book.save(out)
    checked = validate.check(out.getvalue(), "dien.xlsx", data)
    assert checked.ok, validate.report_text(checked)
    preview = diff.compare(data, diff.merge(data, checked))
    assert preview.totals() == {"new": filled, "changed": 0, "removed": 0}, diff.rows_for_people(
        preview, "en", 50
    )
    # Both 2021 income figures, the estimate and the official one, are still there.
    merged = diff.merge(data, checked)
    assert figures(merged, "INCOME_PC", 2021) == {"estimate": 31.5, "actual": 31.2}


@pytest.mark.slow
def test_a_plan_worked_back_from_a_printed_percent_is_marked_implied(later: Dataset) -> None:
    """A report that prints only "đạt 102,9% kế hoạch" for 2023: the plan is implied, said so, and
    no more precise than that % allows, by the one rule every surface uses (phrase.implied_decimals):
    36 ÷ 1,029 = 34,985 …; 102,9 carries four digits, the actual 36 none: ≈ 35."""
    from dataclasses import replace

    targets = later.targets
    targets = targets[~((targets["code"] == "INCOME_PC") & (targets["year"] == 2023))]
    printed = pd.DataFrame(
        [
            {
                "code": "INCOME_PC",
                "area": AREA,
                "year": 2023,
                "target_kind": "KH",
                "reported_pct": 102.9,
                "section": "",
                "quote": "đạt 102,9% kế hoạch",
            }
        ]
    )
    data = replace(later, targets=targets, reported=pd.concat([later.reported, printed], ignore_index=True))
    data = attainment.derive_targets(data)
    rows = year_review.review(data, AREA, 2023)
    row = rows.set_index("code").loc["INCOME_PC"]
    assert bool(row["plan_derived"]) and row["plan"] == pytest.approx(36 / 1.029)
    words = year_tables.summary(data, rows, AREA, "vi").set_index("indicator")
    plan = words.loc["Thu nhập bình quân đầu người (triệu đồng/người/năm)", "plan"]
    assert plan == "≈\u202f35 triệu đồng/người/năm (suy ra từ tỷ lệ % đã công bố) · 102,9\u202f% · ▲ vượt"
    excel = year_tables.table(data, rows, AREA, "vi").set_index("indicator")
    assert excel.loc["Thu nhập bình quân đầu người", "plan_basis"] == "suy ra từ tỷ lệ % đã công bố"
    assert excel.loc["Tổng giá trị sản xuất", "plan_basis"] == ""  # a stated plan


def test_the_summary_splits_what_compares_from_the_figures_alone() -> None:
    dash = fmt.MISSING
    shown = pd.DataFrame(
        {
            "indicator": ["Thu nhập", "Số học sinh", "Tỷ lệ hộ nghèo"],
            "figure": ["30 (ước)", "16.742 (ước)", "18,22 (ước)"],
            "plan": ["trên 28", dash, dash],
            "path": [dash, dash, "giảm mỗi năm ≈ 3,0 điểm %"],
        }
    )
    compared, bare = year_tables.split_compared(shown)
    assert compared["indicator"].tolist() == ["Thu nhập", "Tỷ lệ hộ nghèo"]
    assert list(compared.columns) == ["indicator", "figure", "plan", "path"]
    assert bare.to_dict("records") == [{"indicator": "Số học sinh", "figure": "16.742 (ước)"}]
    # Nothing to compare with at all: one table as it is, nothing folded.
    alone, none = year_tables.split_compared(shown[["indicator", "figure"]])
    assert len(alone) == 3 and none.empty
