"""A sending's look-ups as they were made with frames: the references the plain paths must equal."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Connection

from indicators.rounds.workflow import Round, RoundError
from indicators.store import scope
from indicators.store.scope import FIGURE_KEY
from indicators.text.i18n import msg


def locked_among(conn: Connection, figures: pd.DataFrame) -> pd.DataFrame:
    """Of `figures` (code, area, year, kind), those locked now: the lock events merged onto them."""
    if figures.empty:
        return figures[FIGURE_KEY]
    keys = figures[FIGURE_KEY].astype({"year": int})
    held = scope.locked(conn, keys["code"].tolist(), keys["area"].tolist()).astype({"year": int})
    return keys.merge(held, on=FIGURE_KEY).drop_duplicates()


def find_round(held: list[Round], year: int, area: str, half: int | None, areas: pd.DataFrame) -> Round:
    """The newest of `held` of `year` and `half` whose parent's units, walked down, hold `area`."""
    for found in reversed(held):
        if found.year == year and found.half == half and area in scope.descendants(areas, found.parent):
            return found
    raise RoundError(msg("rounds.no_round", year=year, area=area))
