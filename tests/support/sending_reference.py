"""A sending's steps as they were made with frames and hashes: the references the short cuts must equal."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from sqlalchemy.engine import Connection

from indicators.core.model import OBSERVATIONS, Dataset, coerce
from indicators.excel import diff
from indicators.excel.validate import Upload
from indicators.rounds import workflow
from indicators.rounds.workflow import Round, RoundError
from indicators.store import scope
from indicators.store.database import row_hashes
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


def only_figures(current: Dataset, upload: Upload) -> pd.DataFrame:
    """The upload's observations as a sending kept them: every table compared against the sent areas'
    figures, each observation hashed against theirs; refused as before for a change to anything else."""
    current = workflow.scoped(current, workflow._sent_areas(upload))
    others = {
        n: f for n, f in upload.frames.items() if n != "observations" and not workflow._as_held(current, n, f)
    }
    if others:
        preview = diff.compare(current, diff.merge(current, replace(upload, frames=others)))
        for change in preview.tables.values():
            if len(change.added) or len(change.removed) or change.changed_rows:
                raise RoundError(msg("rounds.figures_only", table=change.table.sheet))
    sent = coerce(OBSERVATIONS, upload.frames.get("observations", pd.DataFrame()))
    same = row_hashes(sent).isin(set(row_hashes(current.observations)))
    return sent[~same.to_numpy()].reset_index(drop=True)
