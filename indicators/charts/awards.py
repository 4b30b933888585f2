"""The awards register's trend: awards counted from records per year, one line per level."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators.awards.counts import LEVEL_ORDER
from indicators.charts.figures import _base_layout
from indicators.text import fmt
from indicators.text.award_words import level_name
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# One line style per level as well as one colour: the levels are told apart without colour.
_STYLE = {
    "national": ("#7A1F1F", "solid", "diamond"),
    "province": ("#1F4E79", "dash", "square"),
    "district": ("#5B5B5B", "dot", "triangle-up"),
    "commune": ("#2E6B30", "dashdot", "circle"),
    "unit": ("#8A5300", "longdash", "x"),
}


def trend_figure(counts: pd.DataFrame, lang: Lang) -> go.Figure:
    """Awards per year by level (counts: level, year, count), each point labelled with its number."""
    traces = []
    years = sorted({int(y) for y in counts["year"]})
    for level in LEVEL_ORDER:
        rows = counts[counts["level"] == level].groupby("year")["count"].sum().reindex(years, fill_value=0)
        if rows.sum() == 0:
            continue
        color, dash, symbol = _STYLE[level]
        name = level_name(level, lang)
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers+text",
                "name": name,
                "x": years,
                "y": rows.tolist(),
                # A year without awards of a level is a point at 0 left unlabelled: labels would pile up.
                "text": [fmt.number(v, lang) if v else "" for v in rows],
                "customdata": [fmt.number(v, lang) for v in rows],
                "textposition": "top center",
                "line": {"color": color, "dash": dash, "width": 2},
                "marker": {"symbol": symbol, "size": 9, "color": color},
                "hovertemplate": f"{name} %{{x}}: %{{customdata}}<extra></extra>",
            }
        )
    layout = _base_layout(t("awards.page.trend", lang), lang)
    layout |= {
        "height": 340,
        "xaxis": {"tickmode": "array", "tickvals": years, "ticktext": [str(y) for y in years]},
        "yaxis": {"title": {"text": t("awards.col.count", lang)}, "rangemode": "tozero"},
        "legend": {"orientation": "h", "y": -0.2},
        "margin": {"l": 60, "r": 20, "t": 60, "b": 60},
    }
    return go.Figure({"data": traces, "layout": layout})
