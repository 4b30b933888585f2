"""Versioned text tables (the báo cáo's narrative and settings): rows valid over a range of versions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Column, ColumnElement, Table, select, update
from sqlalchemy.engine import Connection

# A change of the text tables, per table name: the rows to add (content columns only) and the
# row ids to close. Rows are never updated or deleted: a change closes a row and adds its successor.
Plan = dict[str, tuple[list[dict[str, Any]], list[int]]]


def live_at(table: Table, version: int) -> ColumnElement[bool]:
    """The rows of a versioned table that are part of `version`."""
    return (table.c.since_version <= version) & (
        table.c.until_version.is_(None) | (table.c.until_version > version)
    )


def content_columns(table: Table) -> list[Column[Any]]:
    """A versioned table's own columns: what a row says, without its id and version range."""
    return [c for c in table.columns if c.name not in ("row_id", "since_version", "until_version")]


def plan_for(
    table: Table, wanted: Sequence[dict[str, Any]], current: Sequence[Sequence[Any]]
) -> tuple[list[dict[str, Any]], list[int]]:
    """Rows to add and row ids to close so that `current` (row_id first, then content) becomes `wanted`."""
    names = [c.name for c in content_columns(table)]
    have = {tuple(row[1:]): row[0] for row in current}
    want = {tuple(row[n] for n in names) for row in wanted}
    add = [dict(zip(names, key, strict=True)) for key in sorted(want - have.keys())]
    return add, sorted(int(have[key]) for key in have.keys() - want)


def current_rows(conn: Connection, table: Table, where: ColumnElement[bool] | None = None) -> list[Any]:
    """The current rows (row_id, then content), optionally narrowed by `where`."""
    query = select(table.c.row_id, *content_columns(table)).where(table.c.until_version.is_(None))
    return list(conn.execute(query if where is None else query.where(where)).all())


def restore_plan(conn: Connection, tables: Sequence[Table], restored_from: int) -> Plan:
    """What brings every text table back to how it was at version `restored_from`."""
    plans: Plan = {}
    for table in tables:
        old = conn.execute(select(*content_columns(table)).where(live_at(table, restored_from)))
        plans[table.name] = plan_for(table, [dict(r) for r in old.mappings()], current_rows(conn, table))
    return plans


def write(conn: Connection, tables: Sequence[Table], plans: Plan, version: int) -> None:
    """Close the plan's rows at `version` and add its new rows from `version` on."""
    for table in tables:
        add, close = plans.get(table.name, ([], []))
        if close:
            conn.execute(update(table).where(table.c.row_id.in_(close)).values(until_version=version))
        if add:
            rows = [{**row, "since_version": version, "until_version": None} for row in add]
            conn.execute(table.insert(), rows)
