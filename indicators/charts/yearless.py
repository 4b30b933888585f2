"""Figures the source gives without their year: kept off a chart's years, named in its legend instead."""

from __future__ import annotations

import textwrap

import pandas as pd

from indicators.text import phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# A legend entry does not wrap by itself, and this one is a sentence: broken into lines that fit a phone.
_LEGEND_WRAP = 30


def split(levels: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The levels with a stated year, and those the source gives without one (filed under the term's end)."""
    if "period_unstated" not in levels:
        return levels, levels.iloc[0:0]
    unstated = levels["period_unstated"].fillna(False).astype(bool)
    return levels[~unstated], levels[unstated]


def legend_traces(unstated: pd.DataFrame, unit: str, lang: Lang) -> list[dict]:
    """One legend entry a yearless figure: its value and term in words, with no point at any year.

    Drawn at a year, "300.000 lượt khách" would read as that year's; the legend says it is the term's.
    """
    traces = []
    for _, row in unstated.iterrows():
        figure = phrase.Figure(
            row["actual"],
            unit=unit,
            qualifier=str(row.get("qualifier", "") or ""),
            estimate=row.get("actual_kind", "") == "estimate",
            period=int(row["year"]),
            period_unstated=True,
        )
        name = f"{t('chart.actual', lang)}: {phrase.figure_text(figure, lang)}"
        traces.append(
            {
                "type": "scatter",
                "name": "<br>".join(textwrap.wrap(name, _LEGEND_WRAP, break_long_words=False)),
                "x": [None],
                "y": [None],
                "mode": "markers",
                "marker": {"size": 9, "symbol": "circle-open", "color": "#0072B2"},
                "showlegend": True,
                "hoverinfo": "skip",
            }
        )
    return traces
