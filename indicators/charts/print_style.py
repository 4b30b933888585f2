"""The báo cáo's chart style: the document's serif font in black, statuses in greys beside their words."""

from __future__ import annotations

import plotly.graph_objects as go

from indicators.charts.placing import RowGeometry
from indicators.text.labels import NO_TARGET

# The document's font first; Chromium on Linux finds Liberation Serif, its metric twin, under that name.
PRINT_FONT = "Times New Roman, Liberation Serif, serif"
INK = "#000000"
# A grey per status, dark to light, outlined in black so the lightest still shows on white paper;
# the word after each bar says the status, so no reader depends on telling the greys apart.
PRINT_GREY: dict[str, str] = {
    "vuot": "#3A3A3A",
    "dat": "#8A8A8A",
    "khong_dat": "#D9D9D9",
    "partial": "#FFFFFF",
    "no_data": "#FFFFFF",
    NO_TARGET: "#FFFFFF",
    "khong_danh_gia": "#FFFFFF",
}
# The drawn width of a printed chart (report/render.py prints 480 px across 160 mm): 1 px is 0.94 pt,
# so 11 px is the smallest text that prints at 10 pt or more.
PRINT_WIDTH_PX = 480
SMALLEST_PX = 11
# A printed bar list's rows: a label line as tall as its 12.5 px text, a slimmer bar and gap than on a
# screen, and labels wrapped to the page's 480 px (about 70 characters) rather than a phone's 390 px, so
# that a term's seventeen results fit one page with their caption (report/render.py's fits_page).
PRINT_ROWS = RowGeometry(line=15, bar=12, gap=5, wrap=70)
# A printed list draws at most this many rows at each end (the screen's BAR_ENDS is 10): 18 rows fit.
PRINT_ENDS = 9
# A bar's text after it: about this many px a character at 12 px in a serif face, rounded up.
_CHAR_PX = 7.0


def grey(status: str) -> str:
    """The fill of a bar of this status in print."""
    return PRINT_GREY.get(status, "#FFFFFF")


def print_style(figure: go.Figure) -> go.Figure:
    """The figure restyled for paper: serif black text, black lines and outlines; sizes are kept.

    No gridline is printed (a grey line through a word reads as a strike-through), and a reference
    line (100 %) is drawn only beside the bars, never through a row's label or a bar's text.
    """
    figure.update_layout(font={"family": PRINT_FONT, "color": INK})
    figure.update_xaxes(showgrid=False)
    figure.update_yaxes(showgrid=False)
    figure.update_traces(textfont={"family": PRINT_FONT, "color": INK})
    figure.update_traces(marker_line={"color": INK, "width": 0.75}, selector={"type": "bar"})
    legend_size = figure.layout.legend.font.size
    figure.update_layout(legend_font={"family": PRINT_FONT, "color": INK})
    if legend_size is not None and legend_size < SMALLEST_PX:
        figure.update_layout(legend_font_size=SMALLEST_PX)
    for note in figure.layout.annotations:
        note.font.color = INK
        note.font.family = PRINT_FONT
        if note.font.size is not None and note.font.size < SMALLEST_PX:
            note.font.size = SMALLEST_PX
    figure.layout.shapes = [dict(s, line={**s["line"], "color": INK}) for s in _clear_of_words(figure)]
    return figure


def _clear_of_words(figure: go.Figure) -> list[dict]:
    """The figure's lines, each vertical reference line cut to the bars it passes clear of words."""
    bars = next((d for d in figure.data if d.type == "bar" and d.orientation == "h"), None)
    shapes = [s.to_plotly_json() for s in figure.layout.shapes]
    if bars is None:
        return shapes
    out = []
    for shape in shapes:
        vertical = (
            shape.get("type") == "line" and shape.get("x0") == shape.get("x1") and shape.get("yref") == "y"
        )
        if not vertical:
            out.append(shape)
            continue
        out += [
            {**shape, "y0": low, "y1": high, "layer": "above"}
            for low, high in _bands_clear_of(figure, bars, float(shape["x0"]))
        ]
    return out


def _bands_clear_of(figure: go.Figure, bars: go.Bar, x: float) -> list[tuple[float, float]]:
    """Where (in y) a vertical line at `x` crosses no word: each bar, unless its text lies across `x`,
    and the gap under it down to the next row's label."""
    width = float(bars.width) if isinstance(bars.width, int | float) else 18.0
    span = figure.layout.xaxis.range
    margin = figure.layout.margin
    plot_px = PRINT_WIDTH_PX - float(margin.l or 0) - float(margin.r or 0)
    per_px = (float(span[1]) - float(span[0])) / plot_px if span and plot_px > 0 else 0.0
    labels = next((d for d in figure.data if d.type == "scatter" and d.mode == "text"), None)
    tops = sorted(float(y) for y in labels.y) if labels is not None else []
    bottom = max(figure.layout.yaxis.range or [0.0])
    bands = []
    for value, y, text in zip(bars.x, bars.y, bars.text or [""] * len(bars.x), strict=True):
        # The text starts after the bar's end: a line before the end runs over the bar, one after
        # the text's end runs clear of it; between the two it would cross the words.
        end = float(value) + (len(str(text)) + 1) * _CHAR_PX * per_px
        low = float(y) - width / 2 if x <= float(value) or x >= end else float(y) + width / 2
        high = min([t for t in tops if t > float(y)] or [float(bottom)])
        bands.append((low, high))
    return bands
