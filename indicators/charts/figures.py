"""Plotly figures: data in, go.Figure out; every word and number formatted here, never by plotly."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from indicators.charts import pending, yearless
from indicators.charts import print_style as print_charts
from indicators.charts.placing import TEXT_CHAR_PX, RowGeometry, label_positions, no_room_right, year_ticks
from indicators.core.page_settings import CHANGE_BASE_YEAR
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from indicators.text.labels import (
    NO_TARGET,
    estimated,
    goal_status_text,
    row_unit,
    status_text,
    target_text,
    value_text,
)

# Colours are Okabe–Ito, darkened so white text on them stays readable; the icon and word
# beside each (labels.py) say the same without colour.
STATUS_COLOR: dict[str, str] = {
    "vuot": "#0072B2",
    "dat": "#007A5E",
    "khong_dat": "#B34700",
    "no_data": "#6B6B6B",
    NO_TARGET: "#6B6B6B",
    "khong_danh_gia": "#6B6B6B",
}

# Bar-list geometry in pixels: each row is its label above its bar, so long Vietnamese
# names never need a wide left margin and the chart reads at 390 px.
SCREEN_ROWS = RowGeometry(line=16, bar=18, gap=12, wrap=44)
GRID, INK = "#E5E5E5", "#1F2933"
_TITLE_WRAP = 38


def _esc(text: object) -> str:
    """Text from the data made inert for plotly, which reads a few HTML tags in labels."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False) or [""]


def _title(text: str) -> str:
    return "<br>".join(_esc(line) for line in _wrap(text, _TITLE_WRAP))


def _hover_line(label: str, number: str, unit: str) -> str:
    """ "Thực hiện 2020: 2.503,3 tỷ đồng", made inert for plotly."""
    return f"{_esc(label)}: {_esc(fmt.join_unit(number, unit))}"


def _attainment_hover(row: pd.Series, lang: Lang) -> str:
    unit = row_unit(row, str(row["unit_text"]), lang)
    actual = estimated(fmt.join_unit(fmt.number(row["actual"], lang), unit), row.get("actual_kind", ""), lang)
    lines = [
        f"<b>{_esc(row['label'])}</b>",
        f"{t('chart.actual', lang)}: {_esc(actual)}",
        f"{t('chart.target', lang)}: {_esc(target_text(row, unit, lang))}",
        f"{t('chart.computed_pct', lang)}: {fmt.percent(row['attainment_pct'], lang)}",
        f"{t('chart.reported_pct', lang)}: {fmt.percent(row['reported_pct'], lang)}",
        f"{t('chart.status', lang)}: {status_text(str(row['status']), lang)}",
    ]
    return "<br>".join(lines)


@dataclass(frozen=True)
class BarItem:
    """One row of a bar list: its label above, its bar, the text at the bar's end and its hover."""

    label: str
    value: float
    text: str
    color: str
    hover: str
    pattern: str = ""


# A ranked bar list draws at most this many rows at each end: a reader compares the best and the
# worst, and a hundred bars (or 3,321) are neither readable nor quick to draw. The table has all.
BAR_ENDS = 10


def ends(items: list[BarItem], n: int = BAR_ENDS) -> tuple[list[BarItem], int]:
    """The first and the last `n` of a ranked list, and how many between them are left out."""
    if len(items) <= 2 * n:
        return items, 0
    return [*items[:n], *items[-n:]], len(items) - 2 * n


def ends_note(shown: int, left_out: int, lang: Lang) -> str:
    """The sentence under a bar list cut to its ends ("" when nothing is left out)."""
    if not left_out:
        return ""
    return t("chart.ends_note", lang).format(n=shown // 2, total=fmt.number(shown + left_out, lang))


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 up to `top`: about `count` of them, steps of 1, 2, 2.5 or 5 × 10ⁿ."""
    if not np.isfinite(top) or top <= 0:
        return [0.0]
    raw = top / count
    power = 10 ** np.floor(np.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return [round(float(v), 10) for v in np.arange(0, top + step * 1e-9, step)]


@dataclass(frozen=True)
class _Rows:
    """Where each row of a bar list sits: the top of its label, the centre of its bar, its label lines."""

    tops: list[float]
    centers: list[float]
    lines: list[list[str]]
    total: float


def _rows(items: list[BarItem], geometry: RowGeometry = SCREEN_ROWS) -> _Rows:
    """Stack the rows: each label's lines, then its bar, then a gap."""
    tops, centers, label_lines = [], [], []
    y = 0.0
    for item in items:
        lines = _wrap(item.label, geometry.wrap)
        tops.append(y)
        centers.append(y + len(lines) * geometry.line + geometry.bar / 2 + 2)
        label_lines.append(lines)
        y += len(lines) * geometry.line + geometry.bar + geometry.gap
    return _Rows(tops, centers, label_lines, max(y, 1.0))


def _bars(items: list[BarItem], centers: list[float], width: int) -> dict:
    """The bar trace: colours, patterns, the text after each bar and its hover."""
    return {
        "type": "bar",
        "orientation": "h",
        "x": [item.value for item in items],
        "y": centers,
        "width": width,
        "marker": {
            "color": [item.color for item in items],
            "pattern": {"shape": [item.pattern for item in items], "fgcolor": "white", "solidity": 0.35},
        },
        "text": [_esc(item.text) for item in items],
        # Always after the bar, at a readable size; the axis leaves room for it (see range).
        "textposition": "outside",
        "textfont": {"size": 12, "color": "#222222"},
        "constraintext": "none",
        "cliponaxis": False,
        "customdata": [item.hover for item in items],
        "hovertemplate": "%{customdata}<extra></extra>",
    }


# A white halo around each row label: the reference lines pass under the words, never through them.
LABEL_HALO = "0 0 2px white, 0 0 3px white, 0 0 4px white"


def _row_labels(rows: _Rows) -> dict:
    """Every row's label above its bar, left-aligned to the plot, as one text trace.

    One trace, not an annotation per row: the browser lays out 38 annotations one by one, which cost
    the comparison page about a third of its drawing time; a text trace is drawn in one pass.
    """
    return {
        "type": "scatter",
        "mode": "text",
        "x": [0.0] * len(rows.tops),
        "y": rows.tops,
        "text": ["<br>".join(_esc(line) for line in lines) for lines in rows.lines],
        "textposition": "bottom right",
        "textfont": {"size": 12.5, "color": "#222222", "shadow": LABEL_HALO},
        "cliponaxis": False,
        "hoverinfo": "skip",
        "showlegend": False,
    }


def _reference_line(reference: float, label: str, total: float) -> tuple[dict, dict]:
    """A dashed vertical line (the 100 % mark) under the bars, and its label at the top."""
    line = {
        "type": "line",
        "x0": reference,
        "x1": reference,
        "y0": 0,
        "y1": total,
        "yref": "y",
        "line": {"color": "#333333", "width": 1.5, "dash": "dash"},
        "layer": "below",
    }
    text = {
        "x": reference,
        "y": 0,
        "yref": "y",
        "yanchor": "bottom",
        "text": _esc(label),
        "showarrow": False,
        "font": {"size": 11, "color": "#333333"},
    }
    return line, text


def _note(lines: list[str]) -> dict:
    """A note under the chart, wrapped like the labels so a phone shows all of it."""
    return {
        "x": 0,
        "xref": "paper",
        "xanchor": "left",
        "y": 0,
        "yref": "paper",
        "yanchor": "top",
        "yshift": -46,
        "text": "<br>".join(_esc(line) for line in lines),
        "showarrow": False,
        "align": "left",
        "font": {"size": 11, "color": "#444444"},
    }


def _value_xaxis(top_value: float, end: float, title: str, ticksuffix: str) -> dict:
    """The bars' axis up to `end` (room after the bars for their text), ticks only under the bars."""
    return {
        "range": [0, end],
        # Ticks only under the bars: none over the blank room kept for the labels.
        "tickvals": nice_ticks(top_value),
        "tickformat": ",~f",
        "ticksuffix": ticksuffix,
        "title": {"text": _esc(title), "font": {"size": 12}},
        "automargin": True,
        "fixedrange": True,
        "showgrid": True,
        "gridcolor": GRID,
        "zeroline": True,
        "zerolinecolor": "#999999",
    }


# What the value axis must reach so every bar's text ("118,08 % ▲ exceeded") fits after it on a
# phone: the plot is about 330 px wide at 390 px, and a character of the 12 px text about 7 px.
_PHONE_PLOT_PX = 330
_TEXT_CHAR_PX = TEXT_CHAR_PX


def _value_range(items: list[BarItem], top_value: float) -> float:
    """The axis end: at least 1.5 × the longest bar, and room after every bar for its text at 390 px."""
    if top_value <= 0:
        return 1.0
    room = [
        item.value / max(1 - _TEXT_CHAR_PX * (len(item.text) + 1) / _PHONE_PLOT_PX, 0.2)
        for item in items
        if item.value > 0
    ]
    return max([top_value * 1.5, *room])


def bar_list(
    items: list[BarItem],
    title: str,
    lang: Lang,
    *,
    axis_title: str = "",
    ticksuffix: str = "",
    reference: float | None = None,
    reference_label: str = "",
    note: str = "",
    second_reference: float | None = None,
    second_label: str = "",
    unplotted: str = "",
    geometry: RowGeometry = SCREEN_ROWS,
) -> go.Figure:
    """Horizontal bars, each with its label on the line above: readable at 390 px, no wide margin.

    Up to two reference lines (a parent's figure dashed, its target dotted), labelled above the bars;
    `unplotted` says, where a line's label would be, why a line is not drawn (a partial total).
    """
    rows = _rows(items, geometry)
    annotations: list[dict] = []
    shapes: list[dict] = []
    lines = [(reference, reference_label, "dash"), (second_reference, second_label, "dot")]
    drawn = 0
    for value, label, dash in lines:
        if value is None:
            continue
        line, text = _reference_line(value, label, rows.total)
        line["line"]["dash"] = dash
        text["yshift"] = 16 * drawn  # the second label above the first, never over it
        shapes.append(line)
        annotations.append(text)
        drawn += 1
    if unplotted:  # where the line's label would be, at the left
        annotations.append(
            {**_reference_line(0, unplotted, rows.total)[1], "xanchor": "left", "yshift": 16 * drawn}
        )
        drawn += 1
    note_lines = _wrap(note, geometry.wrap + 6) if note else []
    if note_lines:
        annotations.append(_note(note_lines))
    top_margin = 18 + 22 * len(_wrap(title, _TITLE_WRAP)) + 16 * drawn
    bottom_margin = 44 + 15 * len(note_lines) + (14 if note else 0)
    top_value = max([*(item.value for item in items), reference or 0.0, second_reference or 0.0, 0.0])
    layout = _base_layout(title, lang)
    layout.update(
        height=int(rows.total + top_margin + bottom_margin),
        margin={"l": 8, "r": 16, "t": top_margin, "b": bottom_margin},
        showlegend=False,
        bargap=0,
        annotations=annotations,
        shapes=shapes,
        yaxis={"range": [rows.total, 0], "visible": False, "fixedrange": True},
        xaxis=_value_xaxis(top_value, _value_range(items, top_value), axis_title, ticksuffix),
    )
    bars = _bars(items, rows.centers, geometry.bar)
    return go.Figure({"data": [bars, _row_labels(rows)], "layout": layout})


def _value_axis(unit: str) -> dict:
    """The y axis of a series: from zero, titled with the unit, digits grouped the reader's way."""
    return {
        "title": {"text": _esc(unit), "font": {"size": 12}},
        # Room for the tick labels and the title, whatever their length (templates did this).
        "automargin": True,
        "rangemode": "tozero",
        "fixedrange": True,
        "gridcolor": GRID,
        "zeroline": False,
        # Grouped digits in the reader's convention (600.000), not SI ("600k").
        "tickformat": ",~f",
    }


def _base_layout(title: str, lang: Lang, subtitle: str = "") -> dict:
    """What every figure shares: the reader's number separators, a left title, no zooming.

    Plain settings instead of a plotly template: a template is merged on every build and sent
    to the browser with every chart, which costs more than the chart.
    """
    title_spec: dict = {
        "text": _title(title),
        "x": 0,
        "xanchor": "left",
        "xref": "paper",
        "font": {"size": 16},
    }
    if subtitle:  # wrapped like the title: a phone would cut a long status off at the edge
        title_spec["subtitle"] = {
            "text": "<br>".join(_esc(x) for x in _wrap(subtitle, 40)),
            "font": {"size": 13},
        }
    return {
        # Plotly's separators are "decimal, thousands": Vietnamese writes 2.503,3.
        "separators": ",." if lang == "vi" else ".,",
        "title": title_spec,
        "font": {
            "family": "Source Sans Pro, Noto Sans, DejaVu Sans, Arial, sans-serif",
            "size": 12,
            "color": INK,
        },
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hoverlabel": {"align": "left"},
        # Dragging on a phone should scroll the page, not zoom the chart.
        "dragmode": False,
    }


def attainment_figure(
    view: pd.DataFrame, lang: Lang, title: str | None = None, for_print: bool = False
) -> go.Figure:
    """Every judged target's % attained, highest first, with the 100 % line and status icon and word.

    For print (the báo cáo): greys and words without icons, "118,08%" as the document writes it,
    and implied targets marked (*) as in the document's appendix.
    """
    judged = view[view["shown_pct"].notna()].sort_values(["shown_pct", "label"], ascending=[False, True])
    mark = " (*)" if for_print else " ≈"
    items = []
    for _, row in judged.iterrows():
        status = str(row["status"])
        # An implied target is marked on the bar's own label (said under the chart), not only in the hover.
        implied = mark if row.get("target_basis") == "implied" else ""
        pct, word = fmt.percent(row["shown_pct"], lang), status_text(status, lang)
        color = STATUS_COLOR.get(status, STATUS_COLOR["no_data"])
        if for_print:
            pct, word = f"{fmt.number(row['shown_pct'], lang)}%", t(f"status.{status}", lang)
            color = print_charts.grey(status)
        items.append(
            BarItem(
                label=str(row["label"]) + implied,
                value=float(row["shown_pct"]),
                text=f"{pct} {word}",
                color=color,
                hover=_attainment_hover(row, lang),
                pattern="/" if row["status_basis"] == "reported" else "",
            )
        )
    items, left_out = ends(items, print_charts.PRINT_ENDS if for_print else BAR_ENDS)
    any_reported = bool((judged["status_basis"] == "reported").any())
    notes = [
        ends_note(len(items), left_out, lang),
        t("report.chart.reported_note" if for_print else "chart.reported_note", lang) if any_reported else "",
    ]
    if "target_basis" in judged and (judged["target_basis"] == "implied").any():
        notes.append(t("report.chart.implied_note" if for_print else "chart.implied_note", lang))
    figure = bar_list(
        items,
        title or t("chart.attainment", lang),
        lang,
        axis_title=t("chart.axis_pct", lang),
        ticksuffix="%" if for_print else "\u202f%",
        reference=100.0,
        reference_label=t("report.chart.line_100" if for_print else "chart.line_100", lang),
        note=" ".join(n for n in notes if n),
        geometry=print_charts.PRINT_ROWS if for_print else SCREEN_ROWS,
    )
    return print_charts.print_style(figure) if for_print else figure


def _point_trace(name: str, xs: list, ys: list, texts: list[str], hovers: list[str], **style: object) -> dict:
    """A scatter trace whose words all come formatted from here, never from plotly's own formatting."""
    return {
        "type": "scatter",
        "name": _esc(name),
        # Plain lists, not typed arrays: the figure JSON stays readable and testable.
        "x": [int(x) for x in xs],
        "y": [float(y) for y in ys],
        "text": [_esc(x) for x in texts],
        "customdata": hovers,
        "hovertemplate": "%{customdata}<extra></extra>",
        "cliponaxis": False,
        **style,
    }


def _series_layout(
    title: str, lang: Lang, years: list[int], unit: str, height: int, subtitle: str = ""
) -> dict:
    """Layout of a chart by year: integer year ticks, a value axis from zero, the legend below."""
    layout = _base_layout(title, lang, subtitle)
    # Room for the title's lines and, when there is one, the status line under it.
    top = 24 + 22 * len(_wrap(title, _TITLE_WRAP)) + (12 + 18 * len(_wrap(subtitle, 40)) if subtitle else 0)
    layout.update(
        height=height,
        margin={"l": 8, "r": 16, "t": top, "b": 8},
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0, "font": {"size": 11}},
        xaxis={"fixedrange": True, "showgrid": False, "tickformat": "d", "automargin": True},
        yaxis=_value_axis(unit),
    )
    if years:
        layout["xaxis"].update(tickvals=year_ticks(years), range=[min(years) - 0.6, max(years) + 0.6])
    return layout


def _actual_traces(
    levels: pd.DataFrame,
    unit: str,
    lang: Lang,
    after: float | None = None,
    span: tuple[int, int] | None = None,
) -> list[dict]:
    """The figures by year (year, actual) as a line with its values printed, pending ones marked over it;
    a figure the source gives without its year is named in the legend, never drawn at a year."""
    levels, unstated = yearless.split(levels)
    label = t("chart.actual", lang)
    kinds = levels["actual_kind"] if "actual_kind" in levels else pd.Series([""] * len(levels))
    # "ước" beside every estimated figure, on the chart as in the tables; "chưa duyệt" likewise.
    texts = [estimated(fmt.number(v, lang), k, lang) for v, k in zip(levels["actual"], kinds, strict=True)]
    texts = [pending.marked(x, p, lang) for x, p in zip(texts, pending.flags(levels), strict=True)]
    line = _point_trace(
        label,
        levels["year"].tolist(),
        levels["actual"].tolist(),
        texts,
        [_hover_line(f"{label} {int(y)}", text, unit) for y, text in zip(levels["year"], texts, strict=True)],
        mode="lines+markers+text",
        line={"color": "#0072B2", "width": 3},
        marker={"size": 9, "symbol": "circle"},
        textposition=label_positions(
            [float(v) for v in levels["actual"]],
            after,
            None if span is None else no_room_right([int(y) for y in levels["year"]], texts, span),
        ),
    )
    drawn = [line] if not levels.empty else []
    return [*drawn, *pending.points(levels, unit, lang), *yearless.legend_traces(unstated, unit, lang)]


def goal_figure(
    goal: pd.Series, actuals: pd.DataFrame, path: pd.DataFrame, name: str, unit: str, lang: Lang
) -> go.Figure:
    """Actuals from 2015, the required path dashed from the baseline, the goal marked, the status."""
    traces = []
    goal_year, goal_value = int(goal["goal_year"]), float(goal["goal_value"])
    # The source's word before the goal ("trên 45"); a cut's goal level is worked out, so it has none.
    said = "" if goal.get("comparator") == "reduce_by" else str(goal.get("target_qualifier", "") or "")
    if not path.empty:
        label = t("chart.required_path", lang)
        traces.append(
            _point_trace(
                label,
                path["year"].tolist(),
                path["required"].tolist(),
                [],
                [
                    _hover_line(f"{label} {int(y)}", fmt.number(v, lang, 2), unit)
                    for y, v in path[["year", "required"]].to_numpy()
                ],
                mode="lines",
                line={"color": "#555555", "dash": "dash", "width": 2},
            )
        )
    if not actuals.empty:
        # The required path runs from the baseline to the goal: labels keep off it as off the actuals.
        after = goal_value if not path.empty else None
        first = min([int(goal["base_year"]), *actuals["year"], CHANGE_BASE_YEAR])
        traces += _actual_traces(actuals, unit, lang, after=after, span=(first, goal_year))
    label = t("chart.goal", lang).format(y=goal_year)
    # The path reaches the star from the lower left when it rises, from the upper left when it falls.
    start = float(path["required"].iloc[0]) if not path.empty else goal_value
    falling = goal_value < start
    traces.append(
        _point_trace(
            label,
            [goal_year],
            [goal_value],
            [value_text(goal_value, said, lang)],
            [_hover_line(label, value_text(goal_value, said, lang), unit)],
            mode="markers+text",
            marker={
                "size": 16,
                "symbol": "star",
                "color": "#B34700",
                "line": {"color": "#222222", "width": 1},
            },
            textposition="bottom left" if falling else "top left",
        )
    )
    years = [int(goal["base_year"]), goal_year, *[int(y) for y in actuals["year"]]]
    first = min([*years, CHANGE_BASE_YEAR]) if not actuals.empty else min(years)
    subtitle = goal_status_text(goal, lang)
    layout = _series_layout(name, lang, [first, *years], unit, 340, subtitle)
    layout["xaxis"]["range"] = [first - 0.6, goal_year + 0.6]
    return go.Figure({"data": traces, "layout": layout})


def series_figure(series: pd.DataFrame, targets: pd.DataFrame, name: str, unit: str, lang: Lang) -> go.Figure:
    """An indicator's figures by year, with its targets as open diamonds (implied ones marked ≈)."""
    traces = []
    if not series.empty:
        every = [int(y) for y in [*series["year"], *(targets["year"] if not targets.empty else [])]]
        traces += _actual_traces(series, unit, lang, span=(min(every), max(every)))
    # Only targets that are levels go on a chart of levels: a fall a year, a yes/no goal or the rest
    # of a whole would read as a level they are not.
    shown = targets
    if not targets.empty:
        shown = targets[targets["value"].notna() & targets["comparator"].isin(["at_least", "at_most"])]
    if not shown.empty:
        label = t("chart.target", lang)
        derived = shown["derived"].to_numpy(dtype=bool) if "derived" in shown else [False] * len(shown)
        # An implied target is marked ≈ (its value already rounded to what the printed % supports);
        # where the caller put phrase's words on each target ("≈ 2.120,0"), the chart says the same.
        texts = [
            f"≈ {fmt.number(v, lang)}" if d else fmt.number(v, lang)
            for v, d in zip(shown["value"], derived, strict=True)
        ]
        if "value_text" in shown:
            texts = [str(x) for x in shown["value_text"]]
        hovers = [
            _hover_line(
                f"{label} {t(f'kind.{k}', lang)} {int(y)}" + (f" ({t('basis.implied', lang)})" if d else ""),
                text,
                unit,
            )
            for k, y, d, text in zip(shown["target_kind"], shown["year"], derived, texts, strict=True)
        ]
        traces.append(
            _point_trace(
                label,
                shown["year"].tolist(),
                shown["value"].tolist(),
                texts,
                hovers,
                mode="markers+text",
                marker={"size": 13, "symbol": "diamond-open", "color": "#B34700", "line": {"width": 2.5}},
                textposition="middle left",
            )
        )
    years = [int(y) for y in series["year"]] + ([int(y) for y in shown["year"]] if not shown.empty else [])
    return go.Figure({"data": traces, "layout": _series_layout(name, lang, years, unit, 320)})
