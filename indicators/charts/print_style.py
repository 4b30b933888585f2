"""The báo cáo's chart style: the document's serif font in black, statuses in greys beside their words."""

from __future__ import annotations

import plotly.graph_objects as go

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


def grey(status: str) -> str:
    """The fill of a bar of this status in print."""
    return PRINT_GREY.get(status, "#FFFFFF")


def print_style(figure: go.Figure) -> go.Figure:
    """The figure restyled for paper: serif black text, black lines and outlines; sizes are kept."""
    figure.update_layout(font={"family": PRINT_FONT, "color": INK})
    figure.update_traces(textfont={"family": PRINT_FONT, "color": INK})
    figure.update_traces(marker_line={"color": INK, "width": 0.75}, selector={"type": "bar"})
    for shape in figure.layout.shapes:
        shape.line.color = INK
    for note in figure.layout.annotations:
        note.font.color = INK
        note.font.family = PRINT_FONT
    return figure
