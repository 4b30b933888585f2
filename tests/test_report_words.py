"""Read-back of the báo cáo's figures: each number in the text found in the data, with the period it
is said to cover, its qualifier, its estimate mark and its target's basis (term, year, comparison)."""

from __future__ import annotations

import re

import pytest

from indicators.core.model import Dataset
from indicators.report import appendix as report_appendix
from indicators.report import compare as report_compare
from indicators.report import content as report
from indicators.report import goals as report_goals
from indicators.store.seed import load_source
from indicators.text import phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t

DATA: Dataset = load_source()
INFO = DATA.indicators.set_index("code")
PERIODS = {
    "term": report.parse_period("2015-2020", None),
    "year": report.parse_period(None, 2020),
}


def _content(kind: str, lang: Lang) -> report.Content:
    if kind == "compare":
        return report_compare.report(DATA, "12", PERIODS["year"], ["JOBS", "CADRE_TRAINING", "GTSX"], lang)
    return report.build(DATA, "106", PERIODS[kind], lang)


# A paragraph holds several sentences: one ends at ". " before a capital letter.
_SENTENCE_END = re.compile(r"(?<=\.) (?=[A-ZÀ-ỸĐ])")


def _sentences(content: report.Content) -> list[str]:
    out = []
    for section in content.sections:
        paragraphs = list(section.paragraphs)
        for part in section.parts:
            paragraphs += part.paragraphs
        for paragraph in paragraphs:
            out += _SENTENCE_END.split(paragraph)
    return out


def _name(code: str, lang: Lang) -> str:
    return str(INFO.at[code, "name_en" if lang == "en" else "name_vi"])


def _about(sentences: list[str], code: str, lang: Lang) -> list[str]:
    """The sentences that open with the indicator's name (longest names first, so none is a prefix)."""
    name = _name(code, lang)
    longer = [_name(c, lang) for c in INFO.index if _name(c, lang).startswith(name) and c != code]
    return [s for s in sentences if s.startswith(name) and not any(s.startswith(n) for n in longer)]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", ["term", "year"])
def test_a_term_total_is_never_said_to_be_a_years_figure(kind: str, lang: Lang) -> None:
    sentences = _sentences(_content(kind, lang))
    words = re.escape(t("phrase.period_sum", lang))
    summed = words.replace(r"\{first\}", r"\d{4}").replace(r"\{last\}", r"\d{4}")
    totals = [
        c
        for c in INFO.index
        if INFO.at[c, "value_kind"] == "term_total" and INFO.at[c, "domain"] != "commendations"
    ]
    checked = 0
    for code in totals:
        for sentence in _about(sentences, code, lang):
            # Every figure of a term total carries the years it adds up, and no "năm 2020" of its own.
            assert re.search(summed, sentence), sentence
            deadline = "đến năm 2020" if lang == "vi" else "by 2020"
            assert t("report.in_year", lang).format(y=2020) not in sentence.replace(deadline, ""), sentence
            checked += 1
    assert checked >= 15


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", ["term", "year"])
def test_every_qualifier_in_the_data_reaches_the_text(kind: str, lang: Lang) -> None:
    sentences = _sentences(_content(kind, lang))
    text = "\n".join(sentences)
    obs = DATA.observations
    qualified = obs[(obs["qualifier"] != "") & (obs["area"] == "106") & (obs["year"] == 2020)]
    assert len(qualified) == 4
    checked = 0
    for row in qualified.itertuples():
        word = t(f"phrase.qualifier.{row.qualifier}", lang)
        unit = str(INFO.at[row.code, "unit_en" if lang == "en" else "unit"])
        number = phrase.number(phrase.Figure(row.value, unit), lang, document=True)
        # Wherever the figure is said, its qualifier is said with it.
        for found in re.finditer(rf"(?<![\d.,]){re.escape(number)}(?![\d])", text):
            # English: "over an estimated 4,220", the qualifier before the estimate word.
            hedges = (f"{word} ", f"{word} {t('report.bare_estimate', lang)} ")
            assert text[: found.start()].endswith(hedges), (
                row.code,
                text[found.start() - 40 : found.end()],
            )
            checked += 1
    assert checked >= 2


def test_the_awards_are_not_called_a_years_figures() -> None:
    content = _content("year", "vi")
    awards = next(s for s in content.sections if "KHEN THƯỞNG" in s.heading)
    text = "\n".join(
        [awards.heading, *awards.paragraphs, *(p for part in awards.parts for p in part.paragraphs)]
    )
    assert "năm 2020" not in text and "2020" in text


def _goal_sentences(content: report.Content) -> list[str]:
    """The goal sentences, wherever the outline puts them: "<name>: mục tiêu …" / "<name>: by …"."""
    paragraphs = [
        p
        for s in content.sections
        for p in [*s.paragraphs, *(q for part in s.parts for q in part.paragraphs)]
    ]
    marks = (": mục tiêu ", ": by ", ": over the term to ")
    return [p for p in paragraphs if any(m in p for m in marks)]


def test_an_implied_goal_is_marked_and_as_precise_as_its_printed_percent() -> None:
    goals = _goal_sentences(_content("year", "vi"))
    tea = next(s for s in goals if s.startswith("Diện tích chè kinh doanh:"))
    # 1.082,511… worked back from 111,5 %: four figures, marked; never "1.082,51" unmarked.
    assert "mục tiêu đến năm 2020 đạt ≈\u202f1.083 ha (suy ra từ tỷ lệ % đã công bố)" in tea
    gtsx = next(s for s in goals if s.startswith("Tổng giá trị sản xuất:"))
    assert "đạt ≈\u202f2.120,0 tỷ đồng (suy ra từ tỷ lệ % đã công bố)" in gtsx
    stated = next(s for s in goals if s.startswith("Diện tích chè trồng mới:"))
    # Stated, so unmarked; summed over the term, so said to be.
    assert "mục tiêu đến năm 2020 đạt 300 ha (tổng giai đoạn 2016–2020);" in stated
    # The same targets in the appendix: the same numbers, marked (*).
    rows = {r.code: r for r in _content("year", "vi").rows if r.code}
    assert rows["TEA_COMMERCIAL"].target == "NQ: 1.083 (*)" and rows["TEA_COMMERCIAL"].implied
    assert rows["GTSX"].target == "NQ: 2.120,0 (*)"


@pytest.mark.parametrize(
    ("lang", "code", "expected"),
    [
        ("vi", "PARTY_ORGS_GOOD", "mục tiêu giai đoạn đến năm 2025: hằng năm đạt trên 90%;"),
        # "every year" is said once: never "for each year of the term …, … every year".
        ("en", "PARTY_ORGS_GOOD", ": over the term to 2025, over 90% every year;"),
        ("vi", "TRAINED_LABOUR", "cần tăng 0,55 điểm\u00a0%/năm"),
        ("en", "TRAINED_LABOUR", "needs a rise of 0.55 percentage points a year"),
        ("vi", "POV_RATE", "mục tiêu đến năm 2025 bình quân mỗi năm giảm 2 điểm\u00a0%;"),
        ("vi", "NTM_DISTRICT", "mục tiêu đến năm 2025 đạt;"),
        ("en", "NTM_DISTRICT", ": by 2025, to be achieved;"),
        ("vi", "INCOME_PC", "năm 2020: 30 triệu đồng/người/năm (ước)"),
    ],
)
def test_goal_sentences_say_yearly_points_and_estimates(lang: Lang, code: str, expected: str) -> None:
    goals = _goal_sentences(_content("term", lang))
    sentence = next(s for s in goals if s.startswith(_name(code, lang) + ":"))
    assert expected in sentence, sentence
    # A share's pace is in points, never a % growth of the share.
    if code == "TRAINED_LABOUR":
        assert "%/năm" not in sentence.replace("điểm\u00a0%/năm", "") and "1,08" not in sentence


def test_a_yes_no_goal_reads_in_words_never_as_zero() -> None:
    goal = {
        "code": "NTM_DISTRICT",
        "comparator": "yes",
        "goal_year": 2025,
        "yearly": False,
        "base_year": 2020,
        "base_value": 0.0,
        "base_kind": "estimate",
        "latest_year": 2023,
        "latest_value": 0.0,
        "latest_kind": "official",
        "method": "yes_no",
        "required_growth_pct": float("nan"),
        "required_change_per_year": float("nan"),
        "status": "not_yet",
        "reason": "",
        "final": False,
    }
    info = {"unit": "đạt/chưa đạt", "value_kind": "yes_no", "name": "Huyện đạt chuẩn nông thôn mới"}
    vi = report_goals.goal_sentence(goal, 1.0, info, "vi")
    assert vi == (
        "Huyện đạt chuẩn nông thôn mới: mục tiêu đến năm 2025 đạt; năm 2020: chưa đạt (ước); "
        "năm 2023 đạt chưa đạt; tiến độ: chưa đạt."
    )
    assert " 0 " not in vi
    en = report_goals.goal_sentence(goal, 1.0, {**info, "unit": "met/not met"}, "en")
    assert "2023: not yet met" in en and "0 met/not met" not in en


def test_the_legend_is_decided_from_the_rows_flags_not_their_text() -> None:
    plain = report.Row("1", "X", "ha", "5", "5", "100", "đạt")
    assert report_appendix.legend([plain], "vi") == [t("phrase.met_rule", "vi")]
    # A row flagged implied and estimate gets both notes, whatever its cells say.
    flagged = report.Row("1", "X", "ha", "5", "5", "100", "đạt", implied=True, estimate=True)
    assert report_appendix.legend([flagged], "vi") == [
        t("report.legend.implied", "vi"),
        t("report.legend.estimate", "vi"),
        t("phrase.met_rule", "vi"),
    ]
    # Text that merely looks like a mark decides nothing.
    lookalike = report.Row("1", "X (*)", "ha", "5 (*)", "5 (ước)", "100 (BC)", "đạt")
    assert report_appendix.legend([lookalike], "vi") == [t("phrase.met_rule", "vi")]


def test_the_abbreviations_come_from_the_rows_target_kind_not_their_text() -> None:
    kinds = t("report.legend.kinds", "vi").format(kinds="NQ: Nghị quyết")
    # A cell that reads "NQ: …" but comes from no resolution spells out nothing.
    lookalike = report.Row("1", "X", "ha", "NQ: 5", "5", "100", "đạt")
    assert kinds not in report_appendix.legend([lookalike], "vi")
    # The target's kind decides, whatever the cell says.
    stated = report.Row("1", "X", "ha", "5", "5", "100", "đạt", target_kind="NQ")
    assert report_appendix.legend([stated], "vi") == [kinds, t("phrase.met_rule", "vi")]


def test_the_two_appendices_share_one_legend() -> None:
    """The indicator table and the comparison table say the same notes for the same flags, in one order."""
    row = report.Row("1", "X", "ha", "5", "5", "100", "đạt", implied=True, reported=True, target_kind="KH")
    area = report.AreaRow("1", "Xã A", "5", "5", "100", "đạt", implied=True, reported=True, target_kind="KH")
    shared = [t("report.legend.implied", "vi"), t("report.legend.reported", "vi"), "Viết tắt: KH: Kế hoạch."]
    assert report_appendix.legend([row], "vi") == [*shared, t("phrase.met_rule", "vi")]
    assert report_compare._legend([area], ("Huyện Tam Đường", "huyện Tam Đường"), "xã", "vi")[1:] == shared


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_comparison_report_says_period_sums_and_qualifiers(lang: Lang) -> None:
    content = _content("compare", lang)
    section = next(
        s for s in content.sections if s.heading.endswith(t("report.cmp.heading", lang).format(y=2020))
    )
    # The indicators' sentences stand under the fields' headings, as the term report's do.
    said = [*section.paragraphs, *(p for part in section.parts for p in part.paragraphs)]
    text = "\n".join(said)
    summed = t("phrase.period_sum", lang).format(first=2016, last=2020)
    jobs = next((p for p in said if p.startswith(_name("JOBS", lang))), None)
    if jobs is not None:
        assert f", {summed}: " in jobs, jobs
    cadres = next((p for p in said if p.startswith(_name("CADRE_TRAINING", lang))), None)
    if cadres is not None:
        assert f", {summed}: " in cadres and t("phrase.qualifier.tren", lang) in cadres, cadres
    assert jobs is not None or cadres is not None, text
    # An indicator's numbered line: its heading, or the one unit's line that stands for it.
    headings = {r.code: r.area for r in content.area_rows if r.stt.isdigit()}
    if "JOBS" in headings:
        # "Số lao động … (lao động; …)" would say its unit twice: the name says it, the years remain.
        assert headings["JOBS"].endswith(f" ({summed})"), headings["JOBS"]
    assert "(" in headings["GTSX"] and summed not in headings["GTSX"]
    for row in content.area_rows:
        if row.qualifier:
            assert row.actual.startswith(t(f"phrase.qualifier.{row.qualifier}", lang)), row
        assert row.implied == ("(*)" in row.target), row
        assert row.estimate == (f"({t('report.mark.estimate', lang)})" in row.actual), row


def test_a_figure_is_read_back_to_its_row() -> None:
    """Each appendix row: the number shown is the data's, the marks are the data's flags."""
    content = _content("term", "vi")
    obs = DATA.observations.set_index(["code", "area", "year"])
    checked = 0
    for row in content.rows:
        if row.group or not row.code or row.per_year:
            continue
        number = re.match(r"[\d.,]+", row.actual)
        if number is None:
            continue
        found = obs.loc[(row.code, "106", 2020)]
        found = found if hasattr(found, "iloc") and found.ndim == 2 else found.to_frame().T
        levels = found[found["kind"].isin(["actual", "estimate"])]
        assert float(levels["value"].iloc[0]) == row.actual_value
        assert row.estimate == (levels["kind"].iloc[0] == "estimate")
        assert row.period_sum == (INFO.at[row.code, "value_kind"] == "term_total")
        checked += 1
    assert checked >= 10


def _everything(content: report.Content) -> list[str]:
    """Every line the document prints: paragraphs, notes and the appendix cells."""
    out = [
        p
        for s in content.sections
        for p in [*s.paragraphs, *(q for part in s.parts for q in part.paragraphs)]
    ]
    out += [*content.legend, *content.area_legend]
    out += [cell for r in content.rows for cell in (r.indicator, r.target, r.actual, r.pct)]
    return out + [cell for r in content.area_rows for cell in (r.target, r.actual, r.pct)]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", ["term", "year", "compare"])
def test_a_document_never_cites_the_report_as_the_source_of_a_figure(kind: str, lang: Lang) -> None:
    """The báo cáo is itself the report someone signs: a figure's basis is the published %."""
    said = _everything(_content(kind, lang))
    cites = ("báo cáo nêu", "tỷ lệ báo cáo", "báo cáo in", "the report's", "the report states")
    assert [line for line in said if any(c in line for c in cites)] == []
    assert any(t("basis.implied", lang) in line or t("report.legend.implied", lang) == line for line in said)


@pytest.mark.parametrize(
    ("lang", "code", "missing"),
    [
        ("vi", "BUDGET_REV", "tiến độ: chưa có số liệu năm gốc 2020 để đánh giá tiến độ."),
        ("vi", "TOURISTS", "chưa có số liệu sau năm gốc 2020 để đánh giá tiến độ."),
        ("vi", "JOBS", "chưa có số liệu cả giai đoạn 2021–2025 để đánh giá tiến độ."),
        ("en", "BUDGET_REV", "no 2020 baseline figure yet to judge progress."),
        ("en", "JOBS", "no figure for the whole 2021–2025 term yet to judge progress."),
    ],
)
def test_a_goal_waiting_for_figures_says_which_with_their_years(lang: Lang, code: str, missing: str) -> None:
    goals = _goal_sentences(_content("term", lang))
    sentence = next(s for s in goals if s.startswith(_name(code, lang) + ":"))
    assert sentence.endswith(missing.removeprefix("tiến độ: ")), sentence
    # Missing data is said once, in words: no "not enough data (…)" with a reason in brackets.
    assert all(t("progress.no_data", lang) not in s for s in goals)


@pytest.mark.parametrize(
    ("kind", "lang", "heading", "lead"),
    [
        (
            "term",
            "vi",
            "KHEN THƯỞNG CÁC NĂM 2016 – 2020",
            "Trong các năm 2016 – 2020, huyện Tam Đường có 835 lượt",
        ),
        (
            "year",
            "vi",
            "KHEN THƯỞNG CÁC NĂM 2016 – 2020",
            "Trong các năm 2016 – 2020, huyện Tam Đường có 835 lượt",
        ),
        (
            "term",
            "en",
            "COMMENDATIONS, 2016 – 2020",
            "Over 2016 – 2020, collectives and individuals in Tam Đường district received 835",
        ),
    ],
)
def test_the_awards_heading_names_the_years_the_counts_add_up(
    kind: str, lang: Lang, heading: str, lead: str
) -> None:
    """The counts are totals given in 2020 over the term's years, 2016 to 2020: never "2015 – 2020"."""
    awards = next(s for s in _content(kind, lang).sections if s.key == "awards")
    assert awards.heading.endswith(heading) and "2015" not in awards.heading
    assert awards.paragraphs[0].startswith(lead)


def test_a_change_in_points_has_one_english_wording() -> None:
    """The results' changes say "percentage points" as the goals and tables do, never "% points"."""
    said = _everything(_content("term", "en"))
    assert not [line for line in said if re.search(r"[%‰] points", line)]
    poverty = next(s for s in _sentences(_content("term", "en")) if s.startswith("Poverty rate"))
    assert "an average fall of 4.5 percentage points a year" in poverty
    culture = _about(_sentences(_content("term", "en")), "CULTURED_HOUSEHOLDS", "en")
    assert culture and "up 5 percentage points since 2015" in culture[0]


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("HOTELS", "Hotels: an estimated 3."),
        ("SCHOOLS", "Schools: an estimated 40, down 6 since 2015."),
        ("STUDENTS", "Pupils enrolled: an estimated 16,742, up 515 since 2015."),
        ("DOCTORS_PER_10K", "Doctors per 10,000 population: an estimated 5."),
    ],
)
def test_an_english_count_never_repeats_the_noun_its_name_says(code: str, sentence: str) -> None:
    """ "Hotels reached an estimated 3 hotels" says the noun twice; the name already says what is counted."""
    said = _sentences(_content("term", "en"))
    name = sentence.split(":", 1)[0]
    assert [s for s in said if s.startswith(name + ":") or s.startswith(name + " reached")] == [sentence]


def test_an_english_count_whose_name_lacks_the_noun_keeps_it() -> None:
    said = _sentences(_content("term", "en"))
    assert any(s.startswith("Tourist arrivals reached about 300,000 visitors") for s in said)
    assert any(s.startswith("Tea output reached an estimated 9,656 tonnes") for s in said)
    # Vietnamese keeps its verb and unit: "Số khách sạn ước đạt 3 khách sạn" is how the office writes.
    assert not any(s.startswith(_name("HOTELS", "vi") + ":") for s in _sentences(_content("term", "vi")))


def test_an_english_estimate_with_a_qualifier_reads_over_an_estimated() -> None:
    said = _about(_sentences(_content("term", "en")), "CADRE_TRAINING", "en")
    assert said == [
        "Training places for officials and public employees reached over an estimated 4,220 instances "
        "in total over 2016–2020."
    ]
    vi = _about(_sentences(_content("term", "vi")), "CADRE_TRAINING", "vi")
    assert vi and vi[0].endswith("tổng giai đoạn 2016–2020 ước đạt trên 4.220 lượt.")
