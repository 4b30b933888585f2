"""The emulation and commendation register in the store: read at a version, added to, exports logged.

Rows are versioned like the figures (indicators/store/versioned_texts.py): an import adds its rows
as one new version, a rollback brings a version's register back, and no row is ever overwritten.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from indicators.awards import columns
from indicators.store import scope, versioned_texts
from indicators.store.database import CommitResult, Store, award_exports, award_records, versions
from indicators.text.i18n import MessageError, Num, msg

COLUMNS = columns.REGISTER
SAME_AWARD = columns.SAME_AWARD


class RegisterError(MessageError):
    """Rows the register refuses as they are; the message is for people, and nothing was written."""


def empty() -> pd.DataFrame:
    """A register without rows, with its columns."""
    return pd.DataFrame({c: pd.Series(dtype="int64" if c == "year" else "object") for c in COLUMNS})


def read(store: Store, version: int | None = None) -> pd.DataFrame:
    """The register as it was at `version` (the newest when None), in decision order."""
    store.ensure()
    with store.engine.connect() as conn:
        v = version if version is not None else conn.execute(select(func.max(versions.c.version))).scalar()
        if v is None:
            return empty()
        query = (
            select(*[award_records.c[c] for c in COLUMNS])
            .where(versioned_texts.live_at(award_records, int(v)))
            .order_by(award_records.c.decision_date, award_records.c.decision_no, award_records.c.row_id)
        )
        rows = conn.execute(query).all()
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype({"year": "int64"}) if len(frame) else empty()


def _keys(frame: pd.DataFrame) -> pd.Series:
    return frame[list(SAME_AWARD)].astype(str).agg("\x1f".join, axis=1)


def plan_rows(rows: pd.DataFrame) -> versioned_texts.Plan:
    """The plan that adds `rows` (the register's columns) as they are."""
    records = [
        {c: (v.item() if hasattr(v, "item") else v) for c, v in zip(COLUMNS, row, strict=True)}
        for row in rows[list(COLUMNS)].itertuples(index=False)
    ]
    return {award_records.name: (records, [])}


def refuse_held(conn: Connection, rows: pd.DataFrame) -> None:
    """Refuse, naming their decisions, rows the register holds now (same decision, award, recipient)."""
    current = versioned_texts.current_rows(conn, award_records)
    held = pd.DataFrame([r[1:] for r in current], columns=[c.name for c in award_records.columns][1:-2])
    if len(held):
        twice = rows[_keys(rows).isin(set(_keys(held)))]
        if len(twice):
            raise RegisterError(
                msg("awards.err.already_held", n=Num(len(twice)), decisions=", ".join(twice["decision_no"]))
            )


def add(store: Store, rows: pd.DataFrame, account: str, file_name: str = "") -> CommitResult:
    """Add `rows` (already checked) to the register as one new version.

    Rows the register already holds (the same decision, award and recipient), and rows outside the
    account's area, are refused, all of them named, and nothing is written.
    """
    if rows.empty:
        return CommitResult(None, 0, 0)

    def plan(conn: Connection) -> versioned_texts.Plan:
        # An account held to an area adds awards of that area and the units under it only.
        scope.check_areas(conn, account, set(rows["area"].astype(str)))
        refuse_held(conn, rows)
        return plan_rows(rows)

    result = store.commit_texts(plan, account, note=file_name, action="awards")
    return CommitResult(result.version, len(rows), 0)


def record_export(store: Store, account: str, what: str, rows: int) -> None:
    """Log that `account` took out a named list (`what`, `rows` names): names are personal data."""
    store.ensure()
    with store.engine.begin() as conn:
        conn.execute(
            award_exports.insert().values(account=account, created_at=datetime.now(UTC), what=what, rows=rows)
        )


def exports(store: Store) -> pd.DataFrame:
    """Every named list taken out, oldest first: account, created_at, what, rows."""
    store.ensure()
    with store.engine.connect() as conn:
        found = conn.execute(
            select(
                award_exports.c.account,
                award_exports.c.created_at,
                award_exports.c.what,
                award_exports.c.rows,
            ).order_by(award_exports.c.export_id)
        ).all()
    return pd.DataFrame(found, columns=["account", "created_at", "what", "rows"])
