"""The yearly emulation cycle in the store: registrations, proposals, the council's results, decisions.

The office records what the council decided; nothing here accepts or rejects a proposal by itself.
A decision writes the accepted proposals into the register as one new version (register.py) and
marks them with the decision in the same transaction, so a proposal is never awarded twice. A
rollback of the register carries the marks with it (follow_restore): a decision's rows taken out
return its proposals to accepted and undecided, and rows brought back mark them again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

import pandas as pd
from sqlalchemy import ColumnElement, Table, and_, select
from sqlalchemy.engine import Connection

from indicators.awards import columns
from indicators.store import register, scope, versioned_texts
from indicators.store.database import (
    CommitResult,
    Store,
    award_proposals,
    award_records,
    award_registrations,
)
from indicators.text.i18n import MessageError, Num, msg

RESULTS = ("accepted", "rejected")
RECIPIENT = columns.RECIPIENT
PROPOSAL_VIEW = ("id", *RECIPIENT, "achievement", "result", "result_note", "decision_no")


class CycleError(MessageError):
    """A cycle step refused as asked; the message is for people, and nothing was written."""


def _insert(
    store: Store,
    table_name: Literal["registrations", "proposals"],
    rows: pd.DataFrame,
    account: str,
    file_name: str,
) -> int:
    """Add checked rows, refusing (naming the areas) any outside the account's area; the count added."""
    table = award_registrations if table_name == "registrations" else award_proposals
    if rows.empty:
        return 0
    now = datetime.now(UTC)
    records = [
        {
            **{c: (v.item() if hasattr(v, "item") else v) for c, v in row.items()},
            "account": account,
            "created_at": now,
            "file_name": file_name,
        }
        for row in rows.to_dict("records")
    ]
    store.ensure()
    with store.engine.begin() as conn:
        scope.check_areas(conn, account, set(rows["area"].astype(str)))
        held = _held_keys(conn, table, set(rows["year"].astype(int)))
        twice = [r for r in records if _key(r) in held]
        if twice:
            raise CycleError(
                msg(f"awards.cycle.{table_name}_held", n=Num(len(twice)), year=int(twice[0]["year"]))
            )
        conn.execute(table.insert(), records)
    return len(records)


def _key(row: dict) -> tuple:
    return tuple(str(row[c]).strip().casefold() for c in RECIPIENT)


def _held_keys(conn: Connection, table: Table, years: set[int]) -> set[tuple]:
    found = conn.execute(select(*[table.c[c] for c in RECIPIENT]).where(table.c.year.in_(years))).mappings()
    return {_key(dict(r)) for r in found}


def add_registrations(store: Store, rows: pd.DataFrame, account: str, file_name: str = "") -> int:
    """Store a year's registrations (already checked); one already held refuses the whole list."""
    return _insert(store, "registrations", rows, account, file_name)


def add_proposals(store: Store, rows: pd.DataFrame, account: str, file_name: str = "") -> int:
    """Store a year's proposals (already checked); one already held refuses the whole list."""
    return _insert(
        store, "proposals", rows.assign(achievement=rows.get("achievement", "")), account, file_name
    )


def registrations(store: Store, year: int | None = None) -> pd.DataFrame:
    """The registrations held (of `year` when given), in the order they came."""
    store.ensure()
    query = select(*[award_registrations.c[c] for c in RECIPIENT]).order_by(award_registrations.c.row_id)
    if year is not None:
        query = query.where(award_registrations.c.year == year)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    return pd.DataFrame(rows, columns=list(RECIPIENT)).astype({"year": "int64"})


def proposals(store: Store, year: int | None = None) -> pd.DataFrame:
    """The proposals held (of `year` when given) with the council's result and the decision ("" when none)."""
    store.ensure()
    t = award_proposals
    query = select(t.c.row_id.label("id"), *[t.c[c] for c in PROPOSAL_VIEW[1:]]).order_by(t.c.row_id)
    if year is not None:
        query = query.where(t.c.year == year)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    found = pd.DataFrame(rows, columns=list(PROPOSAL_VIEW)).astype({"year": "int64", "id": "int64"})
    # "" for a result not yet given and a decision not yet signed: text columns stay text.
    return found.assign(result=found["result"].fillna(""), decision_no=found["decision_no"].fillna(""))


def record_result(store: Store, ids: list[int], result: str, account: str, note: str = "") -> int:
    """Record the council's result on proposals `ids`; refused for an unknown or decided proposal."""
    if result not in RESULTS:
        raise CycleError(msg("awards.cycle.bad_result", result=result))
    store.ensure()
    t = award_proposals
    with store.engine.begin() as conn:
        found = conn.execute(select(t.c.row_id, t.c.area, t.c.decision_no).where(t.c.row_id.in_(ids))).all()
        unknown = sorted(set(ids) - {r.row_id for r in found})
        if unknown:
            raise CycleError(msg("awards.cycle.unknown_proposal", ids=", ".join(map(str, unknown))))
        decided = sorted(r.row_id for r in found if r.decision_no is not None)
        if decided:
            raise CycleError(msg("awards.cycle.already_decided", ids=", ".join(map(str, decided))))
        scope.check_areas(conn, account, {r.area for r in found})
        conn.execute(
            t.update()
            .where(t.c.row_id.in_(ids))
            .values(result=result, result_note=note, result_by=account, result_at=datetime.now(UTC))
        )
    return len(found)


def accepted(store: Store, year: int, within: set[str] | None = None) -> pd.DataFrame:
    """The year's proposals the council accepted and no decision has given yet (of `within` areas)."""
    store.ensure()
    t = award_proposals
    query = (
        select(t.c.row_id.label("id"), *[t.c[c] for c in (*RECIPIENT, "achievement")])
        .where(t.c.year == year, t.c.result == "accepted", t.c.decision_no.is_(None))
        .order_by(t.c.row_id)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    found = pd.DataFrame(rows, columns=["id", *RECIPIENT, "achievement"]).astype({"year": "int64"})
    return found if within is None else found[found["area"].isin(within)].reset_index(drop=True)


def decide(store: Store, ids: list[int], awarded: pd.DataFrame, account: str) -> CommitResult:
    """Write `awarded` (the register rows of proposals `ids`, checked) into the register as one new
    version and mark the proposals with the decision, in one transaction.

    Refused, writing nothing, when a proposal is no longer accepted and undecided (another decision
    took it meanwhile), when the register already holds a row, or outside the account's area.
    """
    if not ids:
        raise CycleError(msg("awards.cycle.nothing_accepted", year=""))
    t = award_proposals
    number = str(awarded["decision_no"].iloc[0])

    def plan(conn: Connection) -> versioned_texts.Plan:
        still = conn.execute(
            select(t.c.row_id).where(t.c.row_id.in_(ids), t.c.result == "accepted", t.c.decision_no.is_(None))
        ).scalars()
        gone = sorted(set(ids) - set(still))
        if gone:
            raise CycleError(msg("awards.cycle.already_decided", ids=", ".join(map(str, gone))))
        scope.check_areas(conn, account, set(awarded["area"].astype(str)))
        register.refuse_held(conn, awarded)
        conn.execute(t.update().where(t.c.row_id.in_(ids)).values(decision_no=number))
        return register.plan_rows(awarded)

    result = store.commit_texts(plan, account, note=number, action="awards")
    with store.engine.begin() as conn:
        conn.execute(t.update().where(t.c.row_id.in_(ids)).values(register_version=result.version))
    return CommitResult(result.version, len(awarded), 0)


def _same_recipient(row: dict[str, Any]) -> ColumnElement[bool]:
    """The proposals of the register row `row`: same year, award and recipient."""
    return and_(*[award_proposals.c[c] == row[c] for c in RECIPIENT])


def follow_restore(
    conn: Connection, register_plan: tuple[list[dict[str, Any]], list[int]], version: int
) -> None:
    """Keep the proposals' decision marks true to the register a rollback (`version`) restores.

    `register_plan` is the restore's change of the register: the rows it brings back and the row ids it
    takes out. A proposal whose decision row is taken out is accepted and undecided again, so it can be
    decided anew; an accepted, undecided proposal whose row comes back is marked with that decision.
    """
    t = award_proposals
    added, closed = register_plan
    taken_out = select(award_records).where(award_records.c.row_id.in_(closed))
    gone = [dict(r) for r in conn.execute(taken_out).mappings()] if closed else []
    for old in gone:
        conn.execute(
            t.update()
            .where(_same_recipient(old), t.c.decision_no == old["decision_no"])
            .values(decision_no=None, register_version=None)
        )
    for row in added:
        conn.execute(
            t.update()
            .where(_same_recipient(row), t.c.result == "accepted", t.c.decision_no.is_(None))
            .values(decision_no=row["decision_no"], register_version=version)
        )
