"""Where a point's label goes on a chart by year: off the line, and inside the chart at phone width."""

from __future__ import annotations

from dataclasses import dataclass

from indicators.text import fmt

# A 12 px label's character is about 7 px wide (the bar charts' room is counted the same way).
TEXT_CHAR_PX = 7


@dataclass(frozen=True)
class RowGeometry:
    """A bar list's rows in pixels: a label line, a bar, the gap under it; a label's wrap in characters."""

    line: int
    bar: int
    gap: int
    wrap: int


def label_positions(
    values: list[float], after: float | None = None, left: list[bool] | None = None
) -> list[str]:
    """Where each point's label goes so that no line runs through it: away from the line leaving it.

    A line rising to the right leaves the space below it free, a falling one the space above; the last
    point looks at `after` (the goal the path runs to), else at the line arriving from the left. A point
    with no room to its right (`left`: near the chart's end) takes the side the arriving line leaves free.
    """
    positions = []
    for i, value in enumerate(values):
        if left is not None and left[i] and i > 0:
            positions.append("bottom left" if values[i - 1] > value else "top left")
            continue
        if i + 1 < len(values):
            falling = values[i + 1] < value
        elif after is not None and not fmt.is_missing(after):
            falling = after < value
        else:
            falling = i > 0 and values[i - 1] > value
        positions.append("top right" if falling else "bottom right")
    return positions


# A chart by year at 390 px: about 300 px of plot; a 12 px label's character about 7 px.
_PHONE_SERIES_PX = 300


def no_room_right(years: list[int], texts: list[str], span: tuple[int, int]) -> list[bool]:
    """Which labels would pass the chart's right end at phone width ("17,1 (ư", "581.2"), drawn right."""
    first, last = span
    per_year = _PHONE_SERIES_PX / max(last - first + 1.2, 1.0)
    return [
        (last + 0.6 - y) * per_year < TEXT_CHAR_PX * len(x) + 12 for y, x in zip(years, texts, strict=True)
    ]


def year_ticks(years: list[int]) -> list[int]:
    """Year ticks: the years that matter, thinned to every other year when crowded."""
    ticks = sorted(set(years))
    if len(ticks) > 7:
        ticks = list(range(ticks[0], ticks[-1] + 1, 2))
    return ticks
