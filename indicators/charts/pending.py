"""Figures not yet approved on a chart: "(chưa duyệt)" beside each, a marker of their own in the legend."""

from __future__ import annotations

import pandas as pd

from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# An open violet diamond over each figure not yet approved, named in the legend: the shape and the
# word say it, never the colour alone.
MARKER = {"size": 17, "symbol": "diamond-open", "color": "#6A3D9A", "line": {"width": 2.5}}


def _esc(text: object) -> str:
    """Text made inert for plotly, which reads a few HTML tags in labels."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def flags(rows: pd.DataFrame) -> list[bool]:
    """Which rows hold a figure not yet approved: a "pending" column, where the reader asked for them."""
    return rows["pending"].astype(bool).tolist() if "pending" in rows else [False] * len(rows)


def marked(text: str, pending: bool, lang: Lang) -> str:
    """A chart's figure, followed by "(chưa duyệt)" where it is not yet approved."""
    return f"{text} ({t('pending.mark', lang)})" if pending and text != fmt.MISSING else text


def trace(xs: list, ys: list, hovers: list[str], lang: Lang) -> dict:
    """The markers over the figures not yet approved at (xs, ys), "chưa duyệt" in the legend; the
    figure's own label says "(chưa duyệt)" after its number."""
    return {
        "type": "scatter",
        "name": _esc(t("pending.mark", lang)),
        "x": list(xs),
        "y": list(ys),
        "mode": "markers",
        "marker": MARKER,
        "customdata": [_esc(h) for h in hovers],
        "hovertemplate": "%{customdata}<extra></extra>",
        "cliponaxis": False,
    }


def points(levels: pd.DataFrame, unit: str, lang: Lang) -> list[dict]:
    """The markers over a series' figures (year, actual) not yet approved; none where all are approved."""
    pending = flags(levels)
    if not any(pending):
        return []
    mine = levels[pending]
    label = t("chart.actual", lang)
    hovers = [
        f"{label} {int(y)}: {marked(fmt.join_unit(fmt.number(v, lang), unit), True, lang)}"
        for y, v in zip(mine["year"], mine["actual"], strict=True)
    ]
    return [trace([int(y) for y in mine["year"]], [float(v) for v in mine["actual"]], hovers, lang)]
