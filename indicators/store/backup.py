"""Backups an office can keep: SQLite's online backup, or a portable dump of any store; checked restores."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import sqlite3
import tempfile
import zlib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, Table, create_engine, inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from indicators.store import migrate
from indicators.text.i18n import Message, MessageError, msg

FORMAT = "tam-duong-indicators-dump"
FORMAT_VERSION = 1
SQLITE_MAGIC = b"SQLite format 3\x00"
GZIP_MAGIC = b"\x1f\x8b"
DUMP_SUFFIXES = (".json", ".json.gz", ".gz")
# Tables that hold the store's content, in an order that respects nothing but readability:
# the store has no foreign keys. Alembic's own bookkeeping is carried as the dump's revision.
CONTENT_TABLES: tuple[str, ...] = (
    "versions",
    "data_indicators",
    "data_observations",
    "data_targets",
    "data_reported",
    "data_areas",
    "users",
    "sign_in_failures",
)
# Content tables a later revision added, and that revision: a dump written before it has none of them.
LATER_TABLES: dict[str, str] = {
    "data_area_links": "0003_official_areas",
    "data_aggregation_rules": "0003_official_areas",
    "narrative_sections": "0006_narrative",
    "report_settings": "0006_narrative",
    "award_records": "0008_awards_register",
    "award_exports": "0008_awards_register",
    "report_rounds": "0009_reporting_rounds",
    "submissions": "0009_reporting_rounds",
    "figure_locks": "0009_reporting_rounds",
    "award_registrations": "0010_awards_cycle",
    "award_proposals": "0010_awards_cycle",
    "figure_threads": "0011_figure_threads",
    "half_year_figures": "0012_half_year_figures",
}
_ROW_ID_TABLES = (
    "narrative_sections",
    "report_settings",
    "award_records",
    "report_rounds",
    "submissions",
    "figure_locks",
    "award_registrations",
    "award_proposals",
    "figure_threads",
    "half_year_figures",
)
_SEQUENCES = {
    "versions": "version",
    "award_exports": "export_id",
    **{t: "row_id" for t in (*CONTENT_TABLES, *LATER_TABLES) if t.startswith("data_") or t in _ROW_ID_TABLES},
}


def content_tables(revision: str | None) -> tuple[str, ...]:
    """The content tables of a store at `revision` (this release's head when unknown or None)."""
    known = migrate.known_revisions()
    at = known.index(revision) if revision in known else len(known) - 1
    later = tuple(name for name, added in LATER_TABLES.items() if known.index(added) <= at)
    return (*CONTENT_TABLES, *later)


class BackupError(MessageError):
    """A backup cannot be written or a file cannot be restored; the message is for people."""


# Dumps ---------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A JSON value: times as ISO text in UTC, booleans as booleans, numbers as they are."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


# The content tables reflected, per kind of database and schema revision: the revisions make the schema,
# so every store at one revision has the same tables (reflecting them was a third of a restore).
_REFLECTED: dict[tuple[str, str], dict[str, Table]] = {}


def _tables(conn: Connection) -> dict[str, Table]:
    revision = migrate.current(conn)
    if revision not in migrate.known_revisions():
        return _reflect(conn)
    key = (conn.dialect.name, revision)
    if key not in _REFLECTED:
        _REFLECTED[key] = _reflect(conn)
    return dict(_REFLECTED[key])


def _reflect(conn: Connection) -> dict[str, Table]:
    meta = MetaData()
    present = inspect(conn).get_table_names()
    meta.reflect(conn, only=[t for t in (*CONTENT_TABLES, *LATER_TABLES) if t in present])
    return dict(meta.tables)


def _boolean_columns(table: Table) -> set[str]:
    return {c.name for c in table.columns if c.type.python_type is bool}


def dump(engine: Engine) -> dict[str, Any]:
    """Every row of every content table, ordered by primary key, with the schema revision."""
    with engine.connect() as conn:
        revision = migrate.current(conn)
        tables = _tables(conn)
        out: dict[str, Any] = {}
        for name in content_tables(revision):
            table = tables[name]
            columns = sorted(c.name for c in table.columns)
            booleans = _boolean_columns(table)
            order = [table.c[c.name] for c in table.primary_key.columns]
            rows = conn.execute(select(*[table.c[c] for c in columns]).order_by(*order)).all()
            out[name] = {
                "columns": columns,
                "rows": [
                    [
                        bool(v) if c in booleans and v is not None else _plain(v)
                        for c, v in zip(columns, row, strict=True)
                    ]
                    for row in rows
                ],
            }
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "revision": revision, "tables": out}


def _canonical(tables: dict[str, Any]) -> bytes:
    return json.dumps(tables, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def dump_bytes(engine: Engine) -> bytes:
    """The portable dump as a gzip'd JSON file, with a checksum of its content."""
    payload = dump(engine)
    payload["sha256"] = hashlib.sha256(_canonical(payload["tables"])).hexdigest()
    payload["created_at"] = datetime.now(UTC).isoformat()
    return gzip.compress(json.dumps(payload, ensure_ascii=False).encode(), mtime=0)


# Backup --------------------------------------------------------------------------------------


def backup(engine: Engine, path: Path) -> str:
    """Write a backup: SQLite's online backup for an SQLite store (unless a .json.gz name asks for
    the portable dump), the portable dump for any other store. Returns "sqlite" or "dump"."""
    portable = engine.dialect.name != "sqlite" or path.name.endswith(DUMP_SUFFIXES)
    tmp = path.with_name(path.name + ".tmp")
    try:
        if portable:
            tmp.write_bytes(dump_bytes(engine))
        else:
            tmp.unlink(missing_ok=True)
            raw = engine.raw_connection()
            try:
                target = sqlite3.connect(tmp)
                try:
                    # The online backup copies a consistent snapshot while readers and writers go on.
                    raw.driver_connection.backup(target)  # type: ignore[union-attr]
                finally:
                    target.close()
            finally:
                raw.close()
        tmp.replace(path)  # a half-written backup never takes the backup's name
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(msg("backup.cannot_write", path=str(path), detail=str(exc))) from exc
    return "dump" if portable else "sqlite"


# Restore -------------------------------------------------------------------------------------


def _refuse(path: Path, why: Message) -> BackupError:
    return BackupError(msg("backup.refused", name=path.name, why=why))


def _read_sqlite(path: Path) -> dict[str, Any]:
    """The dump of an SQLite backup file, upgraded to this release on a scratch copy."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "restore.sqlite"
        shutil.copyfile(path, copy)
        try:
            check = sqlite3.connect(copy)
            try:
                result = check.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                check.close()
        except sqlite3.Error as exc:
            raise _refuse(path, msg("backup.why_damaged_sqlite", detail=str(exc))) from exc
        if result != "ok":
            raise _refuse(path, msg("backup.why_damaged_sqlite", detail=str(result)))
        engine = create_engine(f"sqlite:///{copy}")
        try:
            with engine.connect() as conn:
                revision = migrate.current(conn)
            if revision is None:
                raise _refuse(path, msg("backup.why_not_store"))
            if revision not in migrate.known_revisions():
                raise _refuse(path, msg("backup.why_newer", revision=revision))
            migrate.upgrade(engine)
            return dump(engine)
        except (SQLAlchemyError, migrate.MigrationError) as exc:
            raise _refuse(path, msg("backup.why_unreadable", detail=str(exc))) from exc
        finally:
            engine.dispose()


def _read_dump(path: Path, data: bytes) -> dict[str, Any]:
    """A portable dump, checked, and brought to this release's schema through a scratch store."""
    try:
        payload = json.loads(gzip.decompress(data))
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        raise _refuse(path, msg("backup.why_bad_gzip")) from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise _refuse(path, msg("backup.why_foreign"))
    tables = payload.get("tables")
    revision = payload.get("revision")
    if not isinstance(tables, dict) or set(tables) != set(content_tables(revision)):
        raise _refuse(path, msg("backup.why_missing_tables"))
    if hashlib.sha256(_canonical(tables)).hexdigest() != payload.get("sha256"):
        raise _refuse(path, msg("backup.why_checksum"))
    known = migrate.known_revisions()
    if revision not in known:
        raise _refuse(path, msg("backup.why_unknown_revision", revision=repr(revision)))
    if revision == known[-1]:
        return payload
    # An older dump: load it into a scratch store at its own revision, then upgrade that.
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'old.sqlite'}")
        try:
            migrate.upgrade(engine, revision)
            _load(engine, payload)
            migrate.upgrade(engine)
            return dump(engine)
        except (SQLAlchemyError, ValueError, KeyError, TypeError) as exc:
            raise _refuse(path, msg("backup.why_invalid", detail=str(exc))) from exc
        finally:
            engine.dispose()


def read(path: Path) -> dict[str, Any]:
    """A backup file as a dump at this release's schema, or BackupError; nothing is written."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BackupError(msg("backup.cannot_read", path=str(path), detail=str(exc.strerror or exc))) from exc
    if data.startswith(SQLITE_MAGIC):
        return _read_sqlite(path)
    if data.startswith(GZIP_MAGIC):
        return _read_dump(path, data)
    raise _refuse(path, msg("backup.why_not_backup"))


def _typed(table: Table, columns: list[str], rows: list[list[Any]]) -> list[dict[str, Any]]:
    times = {c.name for c in table.columns if c.type.python_type is datetime}
    days = {c.name for c in table.columns if c.type.python_type is date}
    out = []
    for row in rows:
        record = dict(zip(columns, row, strict=True))
        for name in times:
            if isinstance(record.get(name), str):
                record[name] = datetime.fromisoformat(record[name])
        for name in days:
            if isinstance(record.get(name), str):
                record[name] = date.fromisoformat(record[name])
        out.append(record)
    return out


def _load(engine: Engine, payload: dict[str, Any]) -> None:
    """Replace every content row of the store by the dump's, in one transaction."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("LOCK TABLE versions IN EXCLUSIVE MODE"))
            tables = _tables(conn)
            for name in content_tables(payload.get("revision")):
                table = tables[name]
                block = payload["tables"][name]
                unknown = set(block["columns"]) - {c.name for c in table.columns}
                if unknown:
                    raise ValueError(f"{name}: unknown columns {sorted(unknown)}")
                conn.execute(table.delete())
                if block["rows"]:
                    conn.execute(table.insert(), _typed(table, block["columns"], block["rows"]))
            if conn.dialect.name == "postgresql":
                # Explicit ids were inserted: the sequences must continue after them.
                for name, column in _SEQUENCES.items():
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{name}', '{column}'), "
                            f"COALESCE((SELECT MAX({column}) FROM {name}), 0) + 1, false)"
                        )
                    )


def restore(engine: Engine, path: Path) -> dict[str, int]:
    """Replace the store's content by a backup's, after checking the whole file; rows per table."""
    payload = read(path)
    migrate.upgrade(engine)
    try:
        _load(engine, payload)
    except (SQLAlchemyError, ValueError, KeyError, TypeError) as exc:
        raise _refuse(path, msg("backup.why_write", detail=str(exc))) from exc
    return {name: len(block["rows"]) for name, block in payload["tables"].items()}
