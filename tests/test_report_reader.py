"""What a reader of the báo cáo saw last: the source's idiom for its own %, a yearless figure kept off a
chart's years and marked in the comparison appendix, one estimate mark a goal line; read back, vi and en."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from indicators.charts import figures
from indicators.core import attainment, progress, selection
from indicators.report import compare as report_compare
from indicators.report import content as report
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.test_report_yearless import DATA, TERM, YEAR, docx_text

JUDGED = attainment.derive_targets(DATA)


@pytest.mark.parametrize(
    ("lang", "note", "legend"),
    [
        ("vi", "Sọc chéo: tỷ lệ theo báo cáo. (*): mục tiêu", "(BC): tỷ lệ theo báo cáo."),
        ("en", "Hatched: % as the report gives it. (*): target", "(rep.): the % as the report gives it."),
    ],
)
def test_the_report_s_own_percent_is_said_in_the_source_s_idiom(lang: Lang, note: str, legend: str) -> None:
    content = report.build(JUDGED, "106", TERM, lang)
    chart: Any = content.figures["attainment"]()[0][1]
    said = " ".join(str(a.text) for a in chart.layout.annotations)
    assert note in said
    assert "tự tính" not in said and "compute" not in said
    text = docx_text(content)
    assert legend in text and "tự tính" not in text and "compute it" not in text


@pytest.mark.parametrize(
    ("lang", "unit", "legend"),
    [
        (
            "vi",
            "lượt khách",
            "Thực hiện: khoảng 300.000 lượt khách (giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm)",
        ),
        ("en", "visitors", "Actual: about 300,000 visitors (2015–2020; the source does not give the year)"),
    ],
)
def test_a_yearless_figure_is_named_in_the_legend_never_drawn_at_2020(
    lang: Lang, unit: str, legend: str
) -> None:
    rows = progress.compute(JUDGED)
    paths = progress.required_path(rows)
    goal = rows[rows["code"] == "TOURISTS"].iloc[0]
    actuals = selection.series(JUDGED, "TOURISTS", "106", first=2015, last=2025)
    assert actuals["period_unstated"].tolist() == [True]
    fig = figures.goal_figure(goal, actuals, paths[paths["code"] == "TOURISTS"], "x", unit, lang)
    drawn = [x for trace in fig.data if trace.name != t("chart.goal", lang).format(y=2025) for x in trace.x]
    assert 2020 not in drawn and None in drawn
    # Broken into lines a phone's legend holds, the words unchanged.
    names = [trace.name for trace in fig.data if trace.showlegend]
    assert [n.replace("<br>", " ") for n in names] == [legend]
    assert all(len(line) <= 30 for line in names[0].split("<br>")), names
    # A figure whose year is stated is still drawn at it.
    stated = dataclasses.replace(JUDGED, observations=JUDGED.observations.assign(period_unstated=False))
    again = selection.series(stated, "TOURISTS", "106", first=2015, last=2025)
    fig = figures.goal_figure(goal, again, paths[paths["code"] == "TOURISTS"], "x", unit, lang)
    assert 2020 in [x for trace in fig.data for x in trace.x]


@pytest.mark.parametrize(
    ("lang", "cell", "note"),
    [
        ("vi", "khoảng 300.000 (chưa rõ năm)", "“chưa rõ năm”: nguồn số liệu nêu số này"),
        ("en", "about 300,000 (year not given)", "“year not given”: the source gives this figure"),
    ],
)
def test_the_comparison_appendix_marks_a_yearless_cell(lang: Lang, cell: str, note: str) -> None:
    content = report_compare.report(DATA, "12", YEAR, ["TOURISTS", "GTSX"], lang)
    text = docx_text(content)
    assert cell in text and note in text
    # A figure whose year is stated carries no such mark.
    assert ("2.503,3 (ước)" if lang == "vi" else "2,503.3 (est.)") in text
    assert text.count(t("report.mark.unstated", lang)) == 2  # the cell and its note


@pytest.mark.parametrize(
    ("lang", "figure"), [("vi", "2.503,3 tỷ đồng (ước)"), ("en", "2,503.3 billion VND (est.)")]
)
def test_a_year_report_goal_line_marks_the_estimate_once(lang: Lang, figure: str) -> None:
    text = docx_text(report.build(JUDGED, "106", YEAR, lang))
    line = next(x for x in text.splitlines() if figure in x and "118,08" in x.replace("118.08", "118,08"))
    assert t("progress.final_estimate", lang) not in text
    assert line.endswith("(118,08%)." if lang == "vi" else "(118.08%)."), line


def test_the_english_comparison_says_who_reported_as_a_person_would() -> None:
    text = docx_text(report_compare.report(DATA, "12", TERM, ["GTSX"], "en"))
    assert (
        "the 2020 figures from the units that have reported, 1 of the 8 district-level units under it, are "
        "compared in the next section and in the Appendix." in " ".join(text.split())
    )
    assert "the 1 of 8" not in text
