"""The plotly figures: numbers, words, order and safety."""

from __future__ import annotations

import dataclasses

import pandas as pd
import plotly.graph_objects as go
import pytest

from indicators.charts import figures, placing
from indicators.core import progress, selection
from indicators.core.model import Dataset
from indicators.report import content as report
from indicators.text import indicator_tables, tables


def test_attainment_figure_sorted_with_words_and_the_100_line(data: Dataset, term: pd.DataFrame) -> None:
    fig = figures.attainment_figure(tables.attainment_view(data, term, "vi"), "vi")
    bars = fig.data[0]
    assert list(bars.x) == sorted(bars.x, reverse=True)
    assert bars.text[0] == "500\u202f% ▲ vượt"
    assert "118,08\u202f% ▲ vượt" in bars.text
    assert "100\u202f% ✓ đạt" in bars.text
    # The report's own % where there are no figures: hatched, and said so under the chart.
    patterns = dict(zip(bars.text, bars.marker.pattern.shape, strict=True))
    assert patterns["105,4\u202f% ▲ vượt"] == "/" and patterns["118,08\u202f% ▲ vượt"] == ""
    assert any("Sọc chéo" in a.text for a in fig.layout.annotations)
    (line,) = fig.layout.shapes
    assert (line.x0, line.x1, line.line.dash, line.layer) == (100, 100, "dash", "below")
    labels = fig.data[1]
    assert (labels.mode, labels.textposition, labels.hoverinfo) == ("text", "bottom right", "skip")
    assert labels.textfont.shadow == figures.LABEL_HALO  # the line never runs through a label
    assert set(labels.x) == {0.0} and len(labels.y) == len(bars.x)
    assert fig.layout.separators == ",."
    assert fig.layout.dragmode is False
    row_labels = list(labels.text)
    assert "Thu nhập bình quân đầu người (Kế hoạch 2019)" in row_labels
    hover = next(h for h in bars.customdata if h.startswith("<b>Tổng giá trị sản xuất</b>"))
    assert "Thực hiện: 2.503,3 tỷ đồng (ước)" in hover
    assert "Chỉ tiêu: ≈\u202f2.120,0 tỷ đồng (suy ra từ tỷ lệ % đã công bố)" in hover
    # The implied target is marked on the bar's own label too, not only in the hover.
    assert "Tổng giá trị sản xuất ≈" in row_labels
    assert any("≈: mục tiêu suy ra từ tỷ lệ báo cáo" in a.text for a in fig.layout.annotations)
    assert "Diện tích chè trồng mới" in row_labels  # a stated target carries no mark
    assert "Tỷ lệ báo cáo nêu: 118,08\u202f%" in hover


def test_attainment_labels_are_no_more_precise_than_the_report_prints(
    data: Dataset, term: pd.DataFrame
) -> None:
    # New tea: 661,3 ÷ 300 is 220,433… %; the report printed 220,4 %, and so does every label.
    fig = figures.attainment_figure(tables.attainment_view(data, term, "vi"), "vi")
    assert "220,4\u202f% ▲ vượt" in fig.data[0].text
    assert not any("220,43" in text for text in fig.data[0].text)
    english = figures.attainment_figure(tables.attainment_view(data, term, "en"), "en")
    assert "220.4\u202f% ▲ exceeded" in english.data[0].text


def test_the_report_chart_labels_match_its_appendix(data: Dataset) -> None:
    content = report.build(data, "106", report.parse_period("2015-2020", None), "vi")
    ((_, drawn),) = content.figures["attainment"]()
    assert isinstance(drawn, go.Figure)
    fig = drawn
    shown = {r.indicator: r.pct.split(" ")[0] for r in content.rows if not r.group}
    # Each bar's hover opens with its row's name in bold.
    names = [h.split("</b>")[0].removeprefix("<b>") for h in fig.data[0].customdata]
    assert len(names) == len(fig.data[0].text) >= 15
    for name, text in zip(names, fig.data[0].text, strict=True):
        # The report's chart writes "500% vượt", as the document does.
        number = text.split("%")[0]
        # Every bar's % is the one the appendix prints for the same row, digit for digit.
        assert number in {p for n, p in shown.items() if n.startswith(name.split(" (")[0])}, (name, text)


def test_attainment_figure_in_english(data: Dataset, term: pd.DataFrame) -> None:
    fig = figures.attainment_figure(tables.attainment_view(data, term, "en"), "en")
    assert fig.layout.separators == ".,"
    assert "118.08\u202f% ▲ exceeded" in fig.data[0].text
    assert fig.layout.title.text == "Attainment of targets"


def test_text_from_the_data_cannot_become_markup() -> None:
    item = figures.BarItem(
        label="<b>x</b> & <a href='javascript:alert(1)'>y</a>",
        value=1.0,
        text="<i>1</i>",
        color="#000",
        hover="h",
    )
    fig = figures.bar_list([item], "<script>", "vi")
    (label,) = fig.data[1].text
    assert "<" not in label.replace("<br>", "") and "&lt;a" in label
    assert fig.data[0].text[0] == "&lt;i&gt;1&lt;/i&gt;"
    assert fig.layout.title.text == "&lt;script&gt;"


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (500, [0, 100, 200, 300, 400, 500]),
        (254, [0, 100, 200]),
        (100, [0, 20, 40, 60, 80, 100]),
        (6099, [0, 2000, 4000, 6000]),
        (0.3, [0, 0.1, 0.2, 0.3]),
        (0, [0]),
        (float("nan"), [0]),
    ],
)
def test_nice_ticks(top: float, ticks: list[float]) -> None:
    assert figures.nice_ticks(top) == pytest.approx(ticks)


def test_goal_figure_path_goal_and_status(data: Dataset) -> None:
    # The shipped tourism figures have no year in the source, so no path; here their 2020 is confirmed.
    data = dataclasses.replace(data, observations=data.observations.assign(period_unstated=False))
    rows = progress.compute(data)
    paths = progress.required_path(rows)
    goal = rows[rows["code"] == "TOURISTS"].iloc[0]
    actuals = selection.series(data, "TOURISTS", "106", first=2015, last=2025)
    fig = figures.goal_figure(
        goal, actuals, paths[paths["code"] == "TOURISTS"], "Số lượt khách", "lượt khách", "vi"
    )
    path, actual, star = fig.data
    assert path.line.dash == "dash" and list(path.x) == list(range(2020, 2026))
    assert path.y[0] == pytest.approx(300000) and path.y[-1] == pytest.approx(600000)
    assert list(actual.x) == [2020] and actual.text == ("300.000 (ước)",)
    assert (star.x, star.y, star.marker.symbol) == ((2025,), (600000.0,), "star")
    # "thu hút trên 600.000 lượt khách": the goal keeps the source's word on the chart and in its hover.
    assert star.text == ("trên 600.000",) and "trên 600.000 lượt khách" in star.customdata[0]
    assert fig.layout.title.subtitle.text == "○ chưa đủ số liệu"
    assert fig.layout.xaxis.tickformat == "d" and fig.layout.yaxis.tickformat == ",~f"
    assert list(fig.layout.xaxis.tickvals) == [2015, 2020, 2025]


def test_goal_labels_keep_off_the_line(data: Dataset) -> None:
    # The shipped tourism figures have no year in the source, so no path; here their 2020 is confirmed.
    data = dataclasses.replace(data, observations=data.observations.assign(period_unstated=False))
    rows = progress.compute(data)
    paths = progress.required_path(rows)

    def drawn(code: str) -> tuple[object, object]:
        goal = rows[rows["code"] == code].iloc[0]
        actuals = selection.series(data, code, "106", first=2015, last=2025)
        fig = figures.goal_figure(goal, actuals, paths[paths["code"] == code], "x", "", "vi")
        _, actual, star = fig.data
        return actual.textposition, star.textposition

    # Rising to the goal: the figure's label below the path, the goal's above it.
    assert drawn("TOURISTS") == (("bottom right",), "top left")
    # Falling (poverty 18,22 % → 8,22 %): the path leaves the figure downward and reaches the goal
    # from above, so the labels go above the figure and below the goal, never across the dashes.
    assert drawn("POV_RATE") == (("top right",), "bottom left")
    # A cut's goal level (8,22 %) is worked out from "giảm 2%/năm": no word of the source's before it.
    poverty = rows[rows["code"] == "POV_RATE"].iloc[0]
    actuals = selection.series(data, "POV_RATE", "106", first=2015, last=2025)
    star = figures.goal_figure(poverty, actuals, paths[paths["code"] == "POV_RATE"], "x", "%", "vi").data[-1]
    assert star.text == ("8,22",)


@pytest.mark.parametrize(
    ("values", "after", "positions"),
    [
        ([1.0, 2.0, 3.0], None, ["bottom right", "bottom right", "bottom right"]),
        ([3.0, 2.0, 1.0], None, ["top right", "top right", "top right"]),
        ([1.0, 3.0, 2.0], None, ["bottom right", "top right", "top right"]),
        ([5.0], 2.0, ["top right"]),
        ([5.0], 8.0, ["bottom right"]),
        ([5.0], None, ["bottom right"]),
    ],
)
def test_label_positions(values: list[float], after: float | None, positions: list[str]) -> None:
    assert figures.label_positions(values, after) == positions


@pytest.mark.parametrize(
    ("values", "positions"),
    [
        ([1.0, 2.0, 3.0], ["bottom right", "bottom right", "top left"]),
        ([3.0, 2.0, 1.0], ["top right", "top right", "bottom left"]),
        ([5.0], ["bottom right"]),  # one point: the axis pads it on both sides
    ],
)
def test_a_label_without_room_to_its_right_goes_left(values: list[float], positions: list[str]) -> None:
    left = [False] * (len(values) - 1) + [True]
    assert figures.label_positions(values, left=left) == positions


def test_no_room_right_counts_the_label_against_the_phone_width() -> None:
    # 2015–2025 at 390 px: about 24 px a year; "581.200" (7 characters) needs 61 px.
    years, texts = [2015, 2023, 2024, 2025], ["581.200"] * 4
    assert placing.no_room_right(years, texts, (2015, 2025)) == [False, False, True, True]


def test_a_series_ending_in_the_charts_last_year_labels_that_point_to_the_left() -> None:
    levels = pd.DataFrame(
        {
            "year": [2021, 2022, 2023],
            "actual": [15.0, 16.2, 17.1],
            "qualifier": "",
            "actual_kind": ["", "", "estimate"],
        }
    )
    fig = figures.series_figure(levels, pd.DataFrame(), "Tỷ lệ", "%", "vi")
    assert fig.data[0].text[-1] == "17,1 (ước)"
    assert fig.data[0].textposition[-1] == "top left"
    assert fig.layout.xaxis.range[1] == 2023.6


def test_series_figure_marks_targets(data: Dataset) -> None:
    targets = data.targets[data.targets["code"] == "TEA_NEW"]
    levels = selection.series(data, "TEA_NEW", "106")
    fig = figures.series_figure(levels, targets, "Chè trồng mới", "ha", "en")
    actual, target = fig.data
    assert actual.text == ("661.3 (est.)",) and target.text == ("300",)
    assert target.customdata == ("Target Resolution 2020: 300 ha",)
    # An implied target is marked ≈ and rounded; a fall a year is no point on a chart of levels.
    output = data.targets[data.targets["code"] == "TEA_OUTPUT"]
    fig = figures.series_figure(
        selection.series(data, "TEA_OUTPUT", "106"),
        indicator_tables.rounded_targets(data, output),
        "x",
        "tấn",
        "vi",
    )
    assert fig.data[1].text == ("≈\u202f7.038",)
    assert "suy ra từ tỷ lệ % đã công bố" in fig.data[1].customdata[0]
    # Five significant digits from 118,08 %: the chart writes "≈ 2.120,0", as the tables beside it do.
    gtsx = data.targets[(data.targets["code"] == "GTSX") & (data.targets["target_kind"] == "NQ")]
    fig = figures.series_figure(
        selection.series(data, "GTSX", "106"),
        indicator_tables.rounded_targets(data, gtsx, "en"),
        "x",
        "",
        "en",
    )
    assert fig.data[1].text == ("≈\u202f2,120.0",)
    poverty = data.targets[data.targets["code"] == "POV_RATE"]
    fig = figures.series_figure(selection.series(data, "POV_RATE", "106"), poverty, "x", "%", "vi")
    assert len(fig.data) == 1
    empty = figures.series_figure(selection.series(data, "NONE", "106"), targets.iloc[0:0], "x", "", "vi")
    assert empty.data == ()
