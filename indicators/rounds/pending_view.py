"""What a reader sees with figures not yet approved: the version's, the pending ones over it, marked."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
from sqlalchemy import select

from indicators.core.model import OBSERVATIONS, Dataset, ObsKind, Pending, coerce
from indicators.excel import diff
from indicators.excel.validate import Upload
from indicators.store.database import Store
from indicators.store.round_tables import submissions

Key = tuple[str, str, int]


def pending_sendings(store: Store) -> tuple[int, ...]:
    """The ids of the sendings waiting for review, oldest first: with the version, what such data is."""
    with store.ensure().engine.connect() as conn:
        ids = conn.execute(
            select(submissions.c.row_id)
            .where(submissions.c.state == "pending")
            .order_by(submissions.c.row_id)
        ).scalars()
        return tuple(int(i) for i in ids)


def _figures_of(store: Store, sendings: tuple[int, ...]) -> pd.DataFrame:
    """The figures of these sendings as typed observations (a later sending's over an earlier one's)."""
    with store.engine.connect() as conn:
        raws = conn.execute(
            select(submissions.c.figures)
            .where(submissions.c.row_id.in_(sendings))
            .order_by(submissions.c.row_id)
        ).scalars()
        records = [record for raw in raws for record in json.loads(raw)]
    return coerce(OBSERVATIONS, pd.DataFrame.from_records(records, columns=list(OBSERVATIONS.columns)))


def _ancestors(areas: pd.DataFrame) -> dict[str, list[str]]:
    """Each area's parents up to its province: their totals add up its figures."""
    parent_of = dict(zip(areas["code"].astype(str), areas["parent"].astype(str), strict=True))
    out: dict[str, list[str]] = {}
    for code in parent_of:
        chain, at = [], parent_of.get(code, "")
        while at and at in parent_of and at not in chain and at != code:
            chain.append(at)
            at = parent_of.get(at, "")
        out[code] = chain
    return out


def marked(figures: pd.DataFrame, data: Dataset, sendings: tuple[int, ...]) -> Pending:
    """The marks of the pending `figures` over `data`: each one's (code, area, year), and its parents' of
    the same year, whose totals of their units then hold it. A parent's own figure is the figure shown
    for it (areas.rollup), not a total, and is not marked for a unit's."""
    ancestors = _ancestors(data.areas)
    own: set[Key] = set()
    totals: set[Key] = set()
    for code, area, year in zip(figures["code"], figures["area"], figures["year"], strict=True):
        own.add((str(code), str(area), int(year)))
        totals.update((str(code), parent, int(year)) for parent in ancestors.get(str(area), []))
    return Pending(frozenset(own), frozenset(totals - own - _with_own_figure(data, totals)), sendings)


def _with_own_figure(data: Dataset, keys: set[Key]) -> set[Key]:
    """Those of `keys` (code, area, year) where the area has a level of its own: its figure, not a total."""
    if not keys:
        return set()
    obs = data.observations
    codes, areas = {k[0] for k in keys}, {k[1] for k in keys}
    near = obs[obs["code"].isin(codes) & obs["area"].isin(areas)]
    near = near[near["kind"].isin([ObsKind.ACTUAL.value, ObsKind.ESTIMATE.value])]
    found = zip(near["code"].astype(str), near["area"].astype(str), near["year"].astype(int), strict=True)
    return keys & set(found)


def with_pending(store: Store, data: Dataset, sendings: tuple[int, ...] | None = None) -> Dataset:
    """`data` with the figures of the pending `sendings` (all of them by default) put over it, each marked.

    The version stays the version the figures were put over, and `pending` says what was added;
    with nothing pending the data comes back as it is.
    """
    sendings = pending_sendings(store) if sendings is None else sendings
    if not sendings:
        return data
    figures = _figures_of(store, sendings)
    if figures.empty:
        return data
    merged = diff.merge(data, Upload("", "", "long", {"observations": figures}))
    return dataclasses.replace(merged, pending=marked(figures, data, tuple(sendings)))


def count(data: Dataset) -> int:
    """How many figures not yet approved the data holds (the areas' own, not their parents' totals)."""
    return len(data.pending.own)


def flagged(
    rows: pd.DataFrame, marks: Pending, code: str | None = None, area: str | None = None
) -> pd.DataFrame:
    """`rows` (code, area, year; or year alone, of `code` in `area`) with a "pending" column saying which
    hold a figure not yet approved; as they are where the reader sees approved figures only."""
    if not marks.sendings:
        return rows
    codes = rows["code"] if code is None else [code] * len(rows)
    areas = rows["area"] if area is None else [area] * len(rows)
    held = [marks.holds(c, a, y) for c, a, y in zip(codes, areas, rows["year"], strict=True)]
    return rows.assign(pending=pd.Series(held, index=rows.index, dtype=bool))
