"""The versioned store: every change is a new version; any version can be read back."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, Dialect, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.types import TypeDecorator, TypeEngine

from indicators.core.model import OBSERVATIONS, REPORTED, TABLES, TARGETS, Dataset, coerce
from indicators.core.model import Table as ModelTable
from indicators.store import award_tables, migrate, reading, rollback_rows, versioned_texts
from indicators.store.row_plans import RowPlans, plan_rows, records, scoped_counts
from indicators.store.row_plans import row_hashes as row_hashes  # where migrations and benches find it
from indicators.store.seed import SHIPPED, Seed
from indicators.text.i18n import Message, MessageError, msg

PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_DB = PROJECT / "var" / "indicators.sqlite"
ENV_URL = "INDICATORS_DB"
log = logging.getLogger(__name__)
SEED_ACCOUNT = "system"
SEED_NOTE = "Dữ liệu gốc: báo cáo tổng kết TĐKT 2015–2020 của UBND huyện Tam Đường"
FIGURE_TABLES = (OBSERVATIONS, TARGETS, REPORTED)  # the tables of an area's figures (load_areas)
# A commit's plan under the write lock: per table the rows to add and close; rows added, removed; counts.
Planned = tuple[RowPlans, int, int, dict[str, int]]


class StoreError(MessageError):
    """The store cannot be reached or refuses a change; the message is for people, in either language.

    `detail` (the store's address, the driver's words) is for the log and the operator's command
    line, never for a page that strangers may read.
    """

    def __init__(self, message: Message, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


class StoreMovedError(StoreError):
    """Someone saved a newer version between the preview and the commit."""


@dataclass(frozen=True)
class CommitResult:
    """What a commit did: the new version (None when nothing changed) and the row counts."""

    version: int | None
    added: int
    removed: int

    @property
    def changed(self) -> bool:
        """True when a new version was written."""
        return self.version is not None


class UtcDateTime(TypeDecorator[datetime]):
    """A moment kept one way: UTC, read back aware (tzinfo UTC) on every backend.

    SQLite has no time type: SQLAlchemy writes the digits of the moment and drops its offset, so a
    time must be in UTC before it is written, and text without an offset is read as UTC. PostgreSQL
    keeps timestamptz; it is read back in UTC whatever the session's time zone.
    Revision 0005_utc_times wrote the older rows this way.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """The moment in UTC; on SQLite without the zone SQLAlchemy would drop without converting."""
        if value is None:
            return None
        # Without a zone a moment is taken as UTC, as everywhere in the store (backup reads it so too).
        moment = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return moment.replace(tzinfo=None) if dialect.name == "sqlite" else moment

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """The moment, aware in UTC."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData()
versions = Table(
    "versions",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=True),
    Column("account", String(200), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("action", String(20), nullable=False),  # seed | import | rollback | migrate | narrative
    Column("file_name", String(500), nullable=False, default=""),
    Column("sha256", String(64), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("counts", Text, nullable=False, default="{}"),  # JSON: rows per table, added, removed
    Column("restored_from", Integer, nullable=True),
)

_INT = {"year", "base_year"}
_FLOAT = {"value", "reported_pct", "share"}
_BOOL = {"derived", "yearly", "period_unstated"}


def _row_table(model: ModelTable) -> Table:
    """A data table: the model's columns plus the version range each row is valid in."""
    columns: list[Column[Any]] = [Column("row_id", Integer, primary_key=True, autoincrement=True)]
    for name in model.columns:
        kind: type[TypeEngine[Any]] = (
            Integer if name in _INT else Float if name in _FLOAT else Boolean if name in _BOOL else Text
        )
        columns.append(Column(name, kind, nullable=name == "base_year" or name in _FLOAT))
    columns += [
        Column("row_hash", String(32), nullable=False),
        # A row is part of version v when since_version <= v < until_version (NULL: still current).
        Column("since_version", Integer, nullable=False, index=True),
        Column("until_version", Integer, nullable=True, index=True),
    ]
    # A figure's history and a page's one indicator are read by the figure's key, not by a scan of every row.
    figure = [Index(f"ix_data_{model.name}_figure", *model.key)] if model.name == "observations" else []
    return Table(f"data_{model.name}", metadata, *columns, *figure)


ROW_TABLES: dict[str, Table] = {t.name: _row_table(t) for t in TABLES}
# Accounts live in the same store (indicators/store/accounts.py works on them), so that
# every version can name who made it and one backup holds everything.
users = Table(
    "users",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(100), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("area", String(64), nullable=True),  # the area a reporter or analyst is held to (0008)
)
# Kept per name, known or not, so that guessing names is slowed down as much as guessing passwords.
sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("count", Integer, nullable=False),
    Column("last_at", UtcDateTime(), nullable=False),
)

# Signed-in sessions and the one-time tickets that open them (indicators/store/sessions.py). Only the
# SHA-256 of each random token is kept, so a copy of the store opens no session; the account
# and its role are read from `users` on every check, never from the browser.
sign_in_sessions = Table(
    "sign_in_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("account", String(64), nullable=False, index=True),
    Column("kind", String(8), nullable=False),  # session | ticket
    Column("created_at", UtcDateTime(), nullable=False),
    # Unix seconds: compared in SQL the same way on SQLite and PostgreSQL.
    Column("expires_at", BigInteger, nullable=False),
)


# What an office writes into its báo cáo itself (indicators/report/narrative_store.py works on them):
# versioned like the figures, so each version holds the narrative of its day, a page run reads one
# version, and a rollback brings a version's narrative back with its figures.
narrative_sections = Table(
    "narrative_sections",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("area", String(64), nullable=False),
    Column("period", String(16), nullable=False),  # "2015-2020" (a term) or "2023" (a year)
    Column("section", String(32), nullable=False),  # one of indicators.report.narrative.SECTION_KEYS
    Column("text", Text, nullable=False),
    Column("since_version", Integer, nullable=False, index=True),
    Column("until_version", Integer, nullable=True, index=True),
)
report_settings = Table(
    "report_settings",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("area", String(64), nullable=False),
    Column("number", String(100), nullable=False),
    Column("signer_title", String(100), nullable=False),
    Column("signer_name", String(200), nullable=False),
    Column("recipients", Text, nullable=False),  # one recipient a line
    Column("since_version", Integer, nullable=False, index=True),
    Column("until_version", Integer, nullable=True, index=True),
)
# The emulation and commendation register: restored by a rollback with the narrative.
award_records, award_exports = award_tables.define(metadata, UtcDateTime())
award_registrations, award_proposals = award_tables.define_cycle(metadata, UtcDateTime())
TEXT_TABLES: tuple[Table, ...] = (narrative_sections, report_settings, award_records)


def default_url() -> str:
    """The store's URL: $INDICATORS_DB, else an SQLite file under var/ (never committed)."""
    return os.environ.get(ENV_URL) or f"sqlite:///{DEFAULT_DB}"


def _sqlite_pragmas(engine: Engine) -> None:
    """WAL for readers beside a writer, a busy timeout, and explicit transactions."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        # pysqlite's own transaction handling is switched off so that BEGIN is ours.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the lock up front so two imports never interleave.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def _only(model: ModelTable, areas: frozenset[str]) -> frozenset[str] | None:
    """The areas whose rows of `model` a scoped read keeps: `areas` for a table of figures, else all."""
    return areas if model in FIGURE_TABLES else None


class Store:
    """An SQLAlchemy store of versioned tables; SQLite by default, any URL by $INDICATORS_DB."""

    def __init__(self, url: str | None = None, seed: Seed | None = SHIPPED) -> None:
        self.url = url or default_url()
        self.seed = seed
        try:
            database = make_url(self.url).database or ""
            if (
                self.url.startswith("sqlite")
                and database not in ("", ":memory:")
                and not database.startswith("file:")
            ):
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(self.url)
        except (SQLAlchemyError, ValueError, OSError, ImportError) as exc:
            raise _unreachable(self.url_for_people, exc) from exc
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if self.is_sqlite:
            _sqlite_pragmas(self.engine)
        self._ready = False

    @property
    def url_for_people(self) -> str:
        """The URL without a password."""
        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except (SQLAlchemyError, ValueError):
            return "?"

    # Set-up ---------------------------------------------------------------------------

    def ensure(self) -> Store:
        """Bring the schema up to date (Alembic) and, on first use, fill the store with the shipped data.

        A store written by an earlier release is upgraded here, on first start, keeping every
        version and every account; `python -m indicators upgrade` does the same on demand.
        """
        if self._ready:
            return self
        try:
            if not migrate.is_current(self.engine):
                migrate.upgrade(self.engine)
            self._ready = True
            if self.seed is not None and self.current_version() == 0:
                self.commit(
                    self.seed.load(),
                    account=SEED_ACCOUNT,
                    file_name=self.seed.file.name,
                    sha256=self.seed.sha256(),
                    note=SEED_NOTE,
                    action="seed",
                )
        except migrate.MigrationError as exc:
            raise StoreError(exc.message) from exc
        except SQLAlchemyError as exc:
            self._ready = False
            raise _unreachable(self.url_for_people, getattr(exc, "orig", None) or exc) from exc
        return self

    # Reading --------------------------------------------------------------------------

    def current_version(self) -> int:
        """The newest version number, 0 for an empty store."""
        self.ensure()
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(versions.c.version), 0))).scalar_one())

    def versions(self) -> pd.DataFrame:
        """Every version, oldest first: account, time, file, sha256, note, counts."""
        self.ensure()
        with self.engine.connect() as conn:
            rows = conn.execute(select(versions).order_by(versions.c.version)).mappings().all()
        frame = pd.DataFrame(rows, columns=[c.name for c in versions.columns])
        return frame

    def sources(self, version: int | None = None) -> pd.DataFrame:
        """The versions whose rows make up `version` (the newest by default), oldest first.

        A chart's source line names these: the shipped report, each upload's file, each restore.
        """
        self.ensure()
        with self.engine.connect() as conn:
            latest = int(conn.execute(select(func.coalesce(func.max(versions.c.version), 0))).scalar_one())
            v = latest if version is None else version
            older = [
                int(x) for (x,) in conn.execute(select(versions.c.version).where(versions.c.version <= v))
            ]
            held = reading.living(conn, tuple(ROW_TABLES.values()), older, v)
            query = select(versions).where(versions.c.version.in_(held)).order_by(versions.c.version)
            rows = conn.execute(query).mappings().all()
        return pd.DataFrame(rows, columns=[c.name for c in versions.columns])

    def load(self, version: int | None = None) -> Dataset:
        """Every table as it was at `version` (the newest by default)."""
        frames, v = self._read_tables(TABLES, version)
        return Dataset.from_frames(frames, version=v)

    def load_areas(self, areas: Iterable[str], version: int | None = None) -> Dataset:
        """`load`, with the figures (observations, targets, reported) of `areas` alone, catalogues whole.

        What one commune sends is checked against its own figures (rounds.workflow.scoped): reading
        the country's millions of rows for it would cost seconds and a gigabyte.
        """
        keep = frozenset(str(a) for a in areas)
        self.ensure()
        with self.engine.connect() as conn:
            v = self._version(conn, version)
            frames = {
                t.name: reading.live_rows(conn, ROW_TABLES[t.name], t, v, _only(t, keep)) for t in TABLES
            }
        return Dataset.from_frames(frames, version=v)

    def load_table(self, model: ModelTable, version: int | None = None) -> pd.DataFrame:
        """One table at `version` (the newest by default) as `load` gives it, without reading the rest.

        A question about one table (is an area code known?) need not read 3.6 million national figures.
        """
        return self.load_tables((model,), version)[model.name]

    def load_tables(
        self, models: tuple[ModelTable, ...], version: int | None = None
    ) -> dict[str, pd.DataFrame]:
        """Some tables at one `version` (the newest by default) as `load` gives them, by table name."""
        frames, _ = self._read_tables(models, version)
        return {model.name: coerce(model, frames[model.name]) for model in models}

    def _read_tables(
        self, models: tuple[ModelTable, ...], version: int | None
    ) -> tuple[dict[str, pd.DataFrame], int]:
        """The rows of `models` live at `version` (the newest when None), in key order; and that version."""
        self.ensure()
        with self.engine.connect() as conn:
            v = self._version(conn, version)
            return {t.name: reading.live_rows(conn, ROW_TABLES[t.name], t, v) for t in models}, v

    @staticmethod
    def _version(conn: Connection, version: int | None) -> int:
        """`version`, or the newest when None; refused when the store does not hold it."""
        latest = int(conn.execute(select(func.coalesce(func.max(versions.c.version), 0))).scalar_one())
        v = latest if version is None else version
        if v < 0 or v > latest:
            raise StoreError(msg("store.no_version", v=v, latest=latest))
        return v

    # Writing --------------------------------------------------------------------------

    def _begin_write(self) -> Connection:
        conn = self.engine.connect()
        if self.is_sqlite:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        return conn

    def commit(
        self,
        data: Dataset,
        account: str,
        file_name: str = "",
        sha256: str = "",
        note: str = "",
        action: str = "import",
        restored_from: int | None = None,
        expected_version: int | None = None,
        areas: Iterable[str] | None = None,
    ) -> CommitResult:
        """Make `data` the newest version; unchanged data writes nothing and returns version None.

        With `expected_version`, the commit is refused (StoreMovedError) when the newest version is
        no longer that one: a preview shown against version v must not be saved over v + 1.
        With `areas`, `data` is `load_areas(areas)` changed: its figures are those areas' alone, and
        the other areas' figures stay as they are (one commune's approval need not read the country).
        """
        scoped = None if areas is None else frozenset(str(a) for a in areas)

        def planned(conn: Connection) -> Planned:
            if expected_version is not None:
                latest = conn.execute(select(func.coalesce(func.max(versions.c.version), 0))).scalar_one()
                if latest != expected_version:
                    raise StoreMovedError(msg("store.moved", latest=latest))
            return _plan(conn, data, scoped)

        return self._write(planned, account, file_name, sha256, note, action, restored_from)

    def _write(
        self,
        planned: Callable[[Connection], Planned],
        account: str,
        file_name: str,
        sha256: str,
        note: str,
        action: str,
        restored_from: int | None,
    ) -> CommitResult:
        """Plan under the write lock, then write the plan as a new version (none when nothing changes)."""
        self.ensure()
        try:
            with self._begin_write() as conn, conn.begin():
                self._lock(conn)
                plan = planned(conn)
                return self._commit_locked(
                    conn, plan, account, file_name, sha256, note, action, restored_from
                )
        except SQLAlchemyError as exc:
            log.error("commit failed on %s: %s", self.url_for_people, getattr(exc, "orig", exc))
            raise StoreError(_write_error_message(exc), str(getattr(exc, "orig", exc))) from exc

    def _commit_locked(
        self,
        conn: Connection,
        planned: Planned,
        account: str,
        file_name: str,
        sha256: str,
        note: str,
        action: str,
        restored_from: int | None,
    ) -> CommitResult:
        plans, added, removed, rows = planned
        from indicators.store import award_cycle, scope  # imported here: both read this module's tables

        scope.guard_commit(conn, account, action, plans)  # the account's area, its role, the locks
        # A rollback brings back the version's narrative too, even where its figures are the same.
        texts = (
            versioned_texts.restore_plan(conn, TEXT_TABLES, restored_from)
            if restored_from is not None
            else {}
        )
        written = sum(len(add) + len(close) for add, close in texts.values())
        if added == 0 and removed == 0 and written == 0:
            return CommitResult(None, 0, 0)
        counts = {**rows, "added": added, "removed": removed}
        if written:
            counts["narrative"] = written
        version = _insert_version(conn, account, action, note, counts, file_name, sha256, restored_from)
        versioned_texts.write(conn, TEXT_TABLES, texts, version)
        if restored_from is not None:
            award_cycle.follow_restore(conn, texts.get(award_records.name, ([], [])), version)
        for model in TABLES:
            table = ROW_TABLES[model.name]
            rows_in, hashes, gone_ids = plans[model.name]
            if gone_ids:
                conn.execute(update(table).where(table.c.row_id.in_(gone_ids)).values(until_version=version))
            if len(rows_in):
                conn.execute(table.insert(), records(rows_in, hashes, version))
        return CommitResult(int(version), added, removed)

    def _lock(self, conn: Connection) -> None:
        if not self.is_sqlite:
            # One writer at a time on a server database too.
            conn.execute(text("LOCK TABLE versions IN EXCLUSIVE MODE"))

    def commit_texts(
        self,
        plan: Callable[[Connection], versioned_texts.Plan],
        account: str,
        note: str = "",
        action: str = "narrative",
    ) -> CommitResult:
        """Write a change of the text tables as a new version, figures unchanged; no change writes nothing.

        `plan` is asked under the write lock, so it compares against the rows as they are then.
        """
        self.ensure()
        try:
            with self._begin_write() as conn, conn.begin():
                self._lock(conn)
                texts = plan(conn)
                written = sum(len(add) + len(close) for add, close in texts.values())
                if written == 0:
                    return CommitResult(None, 0, 0)
                last = conn.execute(select(versions.c.counts).order_by(versions.c.version.desc()).limit(1))
                # The figures' row counts carry over: the history shows what the version holds.
                counts = {**json.loads(last.scalar() or "{}"), "added": 0, "removed": 0, "narrative": written}
                version = _insert_version(conn, account, action, note, counts)
                versioned_texts.write(conn, TEXT_TABLES, texts, version)
                return CommitResult(version, 0, 0)
        except SQLAlchemyError as exc:
            log.error("saving text failed on %s: %s", self.url_for_people, getattr(exc, "orig", exc))
            raise StoreError(_write_error_message(exc), str(getattr(exc, "orig", exc))) from exc

    def rollback(self, version: int, account: str, note: str = "") -> CommitResult:
        """Restore an old version's figures and report narrative as a new version; nothing is deleted."""
        note = note or f"Khôi phục phiên bản {version}"

        def planned(conn: Connection) -> Planned:
            # The rows that differ between the version and now, not both read whole (rollback_rows.py).
            return rollback_rows.plan(conn, ROW_TABLES, self._version(conn, version))

        return self._write(planned, account, "", "", note, "rollback", version)


def _plan(conn: Connection, data: Dataset, areas: frozenset[str] | None) -> Planned:
    """A commit's plan of `data` against the current rows (of `areas` alone, where given); row counts."""
    scoped = None if areas is None else {t.name: areas for t in FIGURE_TABLES}
    plans, added, removed = plan_rows(conn, data, ROW_TABLES, scoped)
    return plans, added, removed, {**data.counts(), **scoped_counts(conn, data, ROW_TABLES, scoped)}


def _insert_version(
    conn: Connection,
    account: str,
    action: str,
    note: str,
    counts: dict[str, Any],
    file_name: str = "",
    sha256: str = "",
    restored_from: int | None = None,
) -> int:
    """A new row of `versions`; its number."""
    inserted = conn.execute(
        versions.insert().values(
            account=account,
            created_at=datetime.now(UTC),
            action=action,
            file_name=file_name,
            sha256=sha256,
            note=note,
            counts=json.dumps(counts, ensure_ascii=False),
            restored_from=restored_from,
        )
    ).inserted_primary_key
    return int(inserted[0])  # type: ignore[index]  # an insert always has one; SQLAlchemy types it Optional


def _write_error_message(exc: SQLAlchemyError) -> Message:
    """A sentence for people from a database error on writing."""
    detail = str(getattr(exc, "orig", exc)).lower()
    if "locked" in detail or "busy" in detail or "could not obtain lock" in detail:
        return msg("store.busy")
    if "readonly" in detail or "read-only" in detail or "read only" in detail:
        return msg("store.read_only")
    if "full" in detail or "no space" in detail:
        return msg("store.disk_full")
    return msg("store.cannot_write")


def _unreachable(where: str, exc: object) -> StoreError:
    """The store cannot be opened: a plain sentence for people, the address and cause in the log."""
    log.error("cannot open the store %s: %s", where, exc)
    return StoreError(msg("store.cannot_open"), f"{where}: {exc}")
