"""A figure's history: every value it has had, the version that wrote it, who sent and who approved it.

Read from what the store keeps already: each data row's version range (since_version, until_version,
the ranges store/incremental.py reaches versions by), the versions' author and time, the approved
submissions that name the version they wrote, and the lock events. `join` is pure; `history` reads.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from indicators.rounds.threads import Figure
from indicators.store.database import ROW_TABLES, Store, versions
from indicators.store.round_tables import figure_locks, half_year_figures, submissions

COLUMNS = (
    "event",  # value | lock | unlock
    "version",
    "until_version",
    "value",
    "qualifier",
    "at",
    "written_by",
    "action",
    "submission",
    "submitted_by",
    "submitted_at",
    "approved_by",
    "reason",
)
# Names of officers: personal data, for those who work the figures, never for viewers.
NAMES = ("written_by", "submitted_by", "approved_by")


def join(
    values: pd.DataFrame, written: pd.DataFrame, sent: pd.DataFrame, locks: pd.DataFrame
) -> pd.DataFrame:
    """One row per value (oldest first) and per lock event, in the order they happened.

    `values`: the figure's rows (since_version, until_version, value, qualifier); `written`: versions
    (version, account, created_at, action); `sent`: approved submissions of the figure's area (row_id,
    submitted_by, submitted_at, reviewed_by, version); `locks`: lock events (action, account, at,
    reason, submission_id).
    """
    rows = values.rename(columns={"since_version": "version"}).merge(written, on="version", how="left")
    rows = rows.merge(sent.rename(columns={"row_id": "submission"}), on="version", how="left")
    rows = rows.rename(columns={"account": "written_by", "created_at": "at", "reviewed_by": "approved_by"})
    rows = rows.assign(event="value", reason="")
    marks = locks.rename(columns={"account": "approved_by", "submission_id": "submission", "action": "event"})
    marks = marks.assign(action="")
    out = pd.concat([rows, marks], ignore_index=True).reindex(columns=list(COLUMNS))
    out["at"] = pd.to_datetime(out["at"], utc=True)
    # A lock is written just after the version its approval wrote: at the same moment it follows it.
    out["order"] = out["event"].map({"value": 0, "lock": 1, "unlock": 1})
    out = out.sort_values(["at", "order"], kind="stable").drop(columns="order")
    return out.reset_index(drop=True)


def for_viewer(frame: pd.DataFrame) -> pd.DataFrame:
    """The history without the officers' names or words: a viewer sees values, versions and times."""
    return frame.drop(columns=[*NAMES, "reason"])


def _values(conn: Connection, figure: Figure) -> pd.DataFrame:
    table = ROW_TABLES["observations"]
    where = [table.c[c] == v for c, v in figure.where().items()]
    columns = ["since_version", "until_version", "value", "qualifier"]
    rows = conn.execute(select(*[table.c[c] for c in columns]).where(*where).order_by(table.c.since_version))
    return pd.DataFrame(rows.all(), columns=columns)


def _frame(conn: Connection, query: object, columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(conn.execute(query).all(), columns=columns)  # type: ignore[call-overload]


def recorded(store: Store, figure: Figure) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """What a version settles of the figure's history: its values, their versions, their submissions.

    `join`'s first three frames. Each changes only when a version is written (an approval writes one),
    so a reader may keep them per version; the lock events (`locks`) change without one.
    """
    written_cols = ["version", "account", "created_at", "action"]
    sent_cols = ["row_id", "submitted_by", "submitted_at", "reviewed_by", "version"]
    with store.ensure().engine.connect() as conn:
        values = _values(conn, figure)
        ids = [int(v) for v in values["since_version"]]
        written = _frame(
            conn,
            select(*[versions.c[c] for c in written_cols]).where(versions.c.version.in_(ids)),
            written_cols,
        )
        sent = _frame(
            conn,
            select(*[submissions.c[c] for c in sent_cols]).where(
                (submissions.c.area == figure.area)
                & (submissions.c.state == "approved")
                & submissions.c.version.in_(ids)
            ),
            sent_cols,
        )
    return values, written, sent.drop_duplicates("version", keep="last")


def locks(store: Store, figure: Figure) -> pd.DataFrame:
    """The figure's lock and unlock events, oldest first: an unlock writes no version."""
    lock_cols = ["action", "account", "at", "reason", "submission_id"]
    where = [figure_locks.c[c] == v for c, v in figure.where().items()]
    with store.ensure().engine.connect() as conn:
        return _frame(
            conn,
            select(*[figure_locks.c[c] for c in lock_cols]).where(*where).order_by(figure_locks.c.row_id),
            lock_cols,
        )


def history(store: Store, figure: Figure) -> pd.DataFrame:
    """The figure's history with COLUMNS, oldest first; empty for a figure never written."""
    return join(*recorded(store, figure), locks(store, figure))


def half_years(store: Store, figure: Figure) -> pd.DataFrame:
    """The figure's approved half-year values, oldest first: half, value, submission, approved_by, at.

    Apart from `history`: a half-year's value is never one of the year's.
    """
    columns = ["half", "value", "submission_id", "approved_by", "approved_at"]
    where = [half_year_figures.c[c] == v for c, v in figure.where().items()]
    query = (
        select(*[half_year_figures.c[c] for c in columns]).where(*where).order_by(half_year_figures.c.row_id)
    )
    with store.ensure().engine.connect() as conn:
        frame = _frame(conn, query, columns)
    return frame.rename(columns={"submission_id": "submission", "approved_at": "at"})


def half_years_in(store: Store, code: str, area: str) -> pd.DataFrame:
    """Every approved half-year value of one indicator in one area, oldest first.

    Columns: year, half, kind, value, submission, approved_by, at. What the figure's section offers
    beside the year's values: a year reported only by half-years is still found.
    """
    columns = ["year", "half", "kind", "value", "submission_id", "approved_by", "approved_at"]
    table = half_year_figures
    query = select(*[table.c[c] for c in columns]).where(table.c.code == code, table.c.area == area)
    with store.ensure().engine.connect() as conn:
        frame = _frame(conn, query.order_by(table.c.row_id), columns)
    return frame.rename(columns={"submission_id": "submission", "approved_at": "at"})
