"""A server reaches a new version from the one it holds by the rows the versions between changed."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.engine import Connection

from indicators.core.model import TABLES, Dataset, coerce
from indicators.core.model import Table as ModelTable
from indicators.store import reading
from indicators.store.database import ROW_TABLES, Store, StoreError, versions
from indicators.text.i18n import msg


@dataclass(frozen=True)
class Loaded:
    """A version's dataset with the store's row id of each frame row, in the frame's order."""

    data: Dataset
    row_ids: dict[str, np.ndarray]

    @property
    def version(self) -> int:
        """The version the dataset is."""
        return self.data.version


def _live(table: Table, v: int) -> ColumnElement[bool]:
    """Rows that are part of version v (store.py: since_version <= v < until_version)."""
    return (table.c.since_version <= v) & (table.c.until_version.is_(None) | (table.c.until_version > v))


def _latest(conn: Connection, version: int) -> None:
    """Refuse a version the store does not hold, as Store.load does."""
    latest = int(conn.execute(select(func.coalesce(func.max(versions.c.version), 0))).scalar_one())
    if version < 0 or version > latest:
        raise StoreError(msg("store.no_version", v=version, latest=latest))


def _read(conn: Connection, model: ModelTable, where: ColumnElement[bool]) -> tuple[pd.DataFrame, np.ndarray]:
    """The rows of one table that `where` picks, typed and in key order, and their row ids."""
    table = ROW_TABLES[model.name]
    query = select(table.c.row_id, *[table.c[c] for c in model.columns]).where(where)
    frame = reading.read_rows(conn, query, ["row_id", *model.columns])
    # The key decides the order, as in Store.load; the row id only orders rows that share a key.
    frame = reading.in_canonical_order(frame, [*model.key, "row_id"])
    ids = frame["row_id"].to_numpy(dtype=np.int64)
    return coerce(model, frame), ids


def read(store: Store, version: int) -> Loaded:
    """Every table at `version`, read whole: the same dataset as Store.load, with row ids."""
    store.ensure()
    frames, ids = {}, {}
    with store.engine.connect() as conn:
        _latest(conn, version)
        for model in TABLES:
            frames[model.name], ids[model.name] = _read(conn, model, _live(ROW_TABLES[model.name], version))
    return Loaded(Dataset(version=version, **frames), ids)


def advance(store: Store, loaded: Loaded, version: int) -> Loaded:
    """`loaded` brought to `version`, newer or older, by the rows the versions between ended or added.

    A version is an older one's rows less those it ended plus those it added (store.py keeps each
    row's range), so a commit of one commune's figures costs those figures, not every row again.
    Going back undoes the same rows: a run that pinned the version before the newest held costs
    no full read either.
    """
    if version == loaded.version:
        return loaded
    store.ensure()
    frames, ids = {}, {}
    with store.engine.connect() as conn:
        _latest(conn, version)
        for model in TABLES:
            gone, came, came_ids = _between(conn, model, loaded.version, version)
            frame, row_ids = loaded.data.frame(model), loaded.row_ids[model.name]
            if len(gone) or len(came):
                frame, row_ids = apply(model, frame, row_ids, gone, came, came_ids)
            frames[model.name], ids[model.name] = frame, row_ids
    return Loaded(Dataset(version=version, **frames), ids)


def _between(
    conn: Connection, model: ModelTable, held: int, target: int
) -> tuple[np.ndarray, pd.DataFrame, np.ndarray]:
    """The row ids of `held` that `target` lacks, and the rows (with ids) `target` has that `held` lacks."""
    table = ROW_TABLES[model.name]
    lo, hi = min(held, target), max(held, target)
    # Live at the older version and ended by the newer one; added after the older one and live at the newer.
    ended = _live(table, lo) & table.c.until_version.is_not(None) & (table.c.until_version <= hi)
    added = (table.c.since_version > lo) & _live(table, hi)
    leaving, arriving = (ended, added) if target > held else (added, ended)
    gone = np.array([rid for (rid,) in conn.execute(select(table.c.row_id).where(leaving))], dtype=np.int64)
    came, came_ids = _read(conn, model, arriving)
    return gone, came, came_ids


def apply(
    model: ModelTable,
    frame: pd.DataFrame,
    row_ids: np.ndarray,
    gone: np.ndarray,
    came: pd.DataFrame,
    came_ids: np.ndarray,
) -> tuple[pd.DataFrame, np.ndarray]:
    """A table in key order less the rows `gone`, with the rows `came` (in key order) put in place."""
    gone_at = np.flatnonzero(np.isin(row_ids, gone))
    if frame.empty:
        return came.reset_index(drop=True), came_ids
    # Each added row goes after every row whose key sorts before or with its own: a binary search
    # per added row instead of sorting millions of rows again.
    keys = [frame[c].array for c in model.key]  # no copy: a few rows are looked at, not millions
    rows = zip(*(came[c].to_numpy() for c in model.key), strict=True)
    points = np.array([_after(keys, key) for key in rows], dtype=np.int64)
    # The table cut where rows go or come: unchanged runs are slices of the old frame (no copy of
    # its text columns), and one concat joins them. A take of millions of rows cost seconds.
    n = len(frame)
    cuts = np.unique(np.concatenate([[0, n], gone_at, gone_at + 1, points]))
    removed = np.zeros(n, dtype=bool)
    removed[gone_at] = True
    pieces, ids = [frame.iloc[0:0]], [row_ids[0:0]]
    for i, cut in enumerate(cuts):
        first, last = np.searchsorted(points, cut, "left"), np.searchsorted(points, cut, "right")
        if last > first:
            pieces.append(came.iloc[first:last])
            ids.append(came_ids[first:last])
        if cut < n and not removed[cut]:
            pieces.append(frame.iloc[cut : cuts[i + 1]])
            ids.append(row_ids[cut : cuts[i + 1]])
    return pd.concat(pieces, ignore_index=True), np.concatenate(ids)


def _after(keys: list[Any], key: tuple) -> int:
    """The position after the last row whose key is at most `key` (key columns sorted together)."""
    lo, hi = 0, len(keys[0])
    while lo < hi:
        mid = (lo + hi) // 2
        if tuple(column[mid] for column in keys) <= key:
            lo = mid + 1
        else:
            hi = mid
    return lo


class Follower:
    """One store's newest loaded version in this process: later versions are reached from it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._newest: Loaded | None = None

    @property
    def newest(self) -> int | None:
        """The newest version held, None before the first read."""
        held = self._newest
        return None if held is None else held.version

    def dataset(self, version: int) -> Dataset:
        """The dataset of `version`, reached from the newest one held; read whole only the first time."""
        held = self._newest
        if held is not None and version < held.version:
            # An older version (the history page, a run pinned just before a commit): reached back from
            # the newest by the rows between, without holding up the newest.
            return advance(self.store, held, version).data
        with self._lock:  # one read or advance at a time; whoever waits finds it done
            held = self._newest
            if held is not None and held.version == version:
                return held.data
            loaded = read(self.store, version) if held is None else advance(self.store, held, version)
            if held is None or loaded.version > held.version:
                self._newest = loaded
            return loaded.data


_followers: dict[str, Follower] = {}
_followers_lock = threading.Lock()


def follower(url: str) -> Follower:
    """The process's one follower of the store at `url`."""
    with _followers_lock:
        if url not in _followers:
            _followers[url] = Follower(Store(url, seed=None))
        return _followers[url]
