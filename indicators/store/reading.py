"""Reading a version's rows out of the store: in slices, then into the table's canonical key order."""

from __future__ import annotations

import functools
import itertools
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Integer, Table, bindparam, exists, literal_column, select, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from indicators.core.model import Table as ModelTable

READ_ROWS = 100_000  # rows per slice when reading a version (read_rows)
PROBES = 200  # versions looked up in one statement (living): SQLite joins at most 500 SELECTs
SMALL_ROWS = 10_000  # up to this many rows, key order is checked row by row (in_key_order)


def read_rows(
    conn: Connection, query: Select, columns: list[str], params: dict[str, Any] | None = None
) -> pd.DataFrame:
    """The rows of `query` as a frame with `columns`, in the order the database gave them.

    pandas reads the result set column by column: at national scale (3.6 million figures) this is
    several times faster than building a frame from SQLAlchemy row objects (bench.areas). In slices
    through a server-side cursor: one read of every row holds them all as Python objects at once
    (3.2 GB at the peak for the national figures); slices keep the peak near the frame's own size,
    at the same speed.
    """
    streamed = conn.execution_options(stream_results=True, max_row_buffer=READ_ROWS)
    slices = list(pd.read_sql(query, streamed, params=params, chunksize=READ_ROWS))
    # A table of the shipped size is one slice: joining one frame would only copy it.
    if len(slices) == 1:
        frame = slices[0]
    else:
        frame = pd.concat(slices, ignore_index=True) if slices else pd.DataFrame()
    return frame if list(frame.columns) == columns else frame.reindex(columns=columns)


def in_key_order(frame: pd.DataFrame, key: list[str]) -> bool:
    """Whether each row's key is at most the next row's, compared as pandas sorts (text by code point).

    False wherever the answer is not cheap and certain: a key column that is not text or a number,
    or has a gap where it matters (pandas puts gaps last; a comparison never says so).
    """
    if len(frame) < 2:
        return True
    columns = [frame[column] for column in key]
    if not all(isinstance(v.dtype, pd.StringDtype) or v.dtype.kind in "iuf" for v in columns):
        return False
    # Python compares a few hundred rows faster than pandas sets up one vectorised comparison.
    return _rows_in_order(columns) if len(frame) <= SMALL_ROWS else _columns_in_order(columns)


def _rows_in_order(columns: list[pd.Series]) -> bool:
    """Key order by comparing each row's key tuple with the next one's."""
    rows = list(zip(*(values.tolist() for values in columns), strict=True))
    try:
        # A gap (NaN) is at most itself (the same object) and nothing else, so a row is only taken as in
        # order after one with the same gap in the same place: pandas' stable sort keeps those too.
        return all(a <= b for a, b in itertools.pairwise(rows))
    except TypeError:  # a gap among text compares with no text: the sort decides where it goes
        return False


def _columns_in_order(columns: list[pd.Series]) -> bool:
    """Key order by comparing each column with itself one row on, vectorised, for a table of millions."""
    tied = np.ones(len(columns[0]) - 1, dtype=bool)  # pairs of rows equal in every key column so far
    for values in columns:
        if values.isna().any():
            return False
        before, after = values.array[:-1], values.array[1:]
        if (tied & np.asarray(before > after, dtype=bool)).any():
            return False
        tied &= np.asarray(before == after, dtype=bool)
        if not tied.any():
            return True
    return True


def in_canonical_order(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """The frame stably sorted by `key`, index 0..n-1; left as it is when already in that order.

    Rows come in the order versions wrote them, so a store of one version is usually in key order
    already, and a stable sort of rows in order leaves them where they are: checking costs one pass,
    the sort several (the profile's largest share of reading a small store after read_sql).
    """
    if not in_key_order(frame, key):
        return frame.sort_values(key, kind="stable").reset_index(drop=True)
    # Even a copy that shares the data costs as much as the check on a table of the shipped size.
    return frame if frame.index.equals(pd.RangeIndex(len(frame))) else frame.reset_index(drop=True)


def live_rows(
    conn: Connection, table: Table, model: ModelTable, v: int, areas: frozenset[str] | None = None
) -> pd.DataFrame:
    """The rows of `model`'s data `table` live at version v, in canonical order by the table's key.

    The order is pandas' (text by code point), whatever order versions wrote rows in and whatever
    the database's collation would say. With `areas`, only the rows of those areas (the table has
    an `area` column): one commune's figures, not the country's.
    """
    params: dict[str, Any] = {"version": v}
    if areas is None:
        query = _live_query(table, model)
    else:
        query, params["areas"] = _live_area_query(table, model), sorted(areas)
    frame = read_rows(conn, query, list(model.columns), params)
    return in_canonical_order(frame, list(model.key))


@functools.cache
def _live_query(table: Table, model: ModelTable) -> Select:
    """The query of a table's rows live at the version bound as `version`, built once per table.

    Building the expression cost more than running it on a table of the shipped size; the version
    is a bound parameter, as it was when the number was put in each time.
    """
    v = bindparam("version", type_=Integer)
    live = (table.c.since_version <= v) & (table.c.until_version.is_(None) | (table.c.until_version > v))
    return select(*[table.c[c] for c in model.columns]).where(live)


@functools.cache
def _live_area_query(table: Table, model: ModelTable) -> Select:
    """`_live_query` of the rows whose area is one of those bound (a list) as `areas`."""
    return _live_query(table, model).where(table.c.area.in_(bindparam("areas", expanding=True)))


def living(conn: Connection, tables: tuple[Table, ...], candidates: list[int], v: int) -> list[int]:
    """Of `candidates`, the versions with a row still live at `v`: an index look-up per version and table.

    Each version is a number of its own in the query, so PostgreSQL reads the since_version index for
    a version of 40 rows. Compared with a column (a correlated EXISTS) it was planned by the column's
    few distinct values, as if every row matched: a scan of 3.6 million rows for each version whose
    rows lie at the table's end, seconds on the first view of every new version.
    """
    left, found = list(candidates), set()
    for table in tables:
        for start in range(0, len(left), PROBES):
            probes: list[Select[Any]] = [
                select(literal_column(str(c))).where(
                    exists().where(
                        (table.c.since_version == literal_column(str(c)))
                        & (table.c.until_version.is_(None) | (table.c.until_version > v))
                    )
                )
                for c in left[start : start + PROBES]
            ]
            found |= {int(x) for (x,) in conn.execute(union_all(*probes))}
        left = [c for c in left if c not in found]
    return sorted(found)
