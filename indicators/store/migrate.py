"""Schema migrations of the store with Alembic: the release before migrations is stamped, then upgraded."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from indicators.text.i18n import MessageError, msg

SCRIPTS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001_release_0"
# Tables the release before migrations created: a store holding them but no alembic_version is that release.
RELEASE_0_TABLES = frozenset(
    {
        "versions",
        "data_indicators",
        "data_observations",
        "data_targets",
        "data_reported",
        "data_areas",
        "users",
        "sign_in_failures",
    }
)
# Any fixed number: the PostgreSQL advisory lock that keeps two first starts from migrating at once.
_PG_LOCK = 0x7A6D_0008


class MigrationError(MessageError):
    """The store's schema is not one this release knows: the message is for people."""


def config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, built in code: no alembic.ini to find or to get wrong."""
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    cfg.attributes["connection"] = connection
    return cfg


@cache
def _script() -> ScriptDirectory:
    """The revision files, read once a process: they ship with the release and cannot change while it runs."""
    return ScriptDirectory.from_config(config())


@cache
def _revisions() -> tuple[str, ...]:
    return tuple(r.revision for r in reversed(list(_script().walk_revisions())))


def head() -> str:
    """The newest revision this release knows."""
    return _script().get_current_head() or BASELINE


def known_revisions() -> list[str]:
    """Every revision of this release, oldest first."""
    return list(_revisions())


def current(conn: Connection) -> str | None:
    """The store's revision: None for an empty store, the baseline for a release-0 store."""
    revision = MigrationContext.configure(conn).get_current_revision()
    if revision is not None:
        return revision
    tables = set(inspect(conn).get_table_names())
    if tables >= RELEASE_0_TABLES:
        return BASELINE
    if tables & RELEASE_0_TABLES:
        raise MigrationError(msg("migrate.partial"))
    return None


def _locked(conn: Connection) -> None:
    """Take the write lock before looking, so a second process waits and then finds nothing to do."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})


def is_current(engine: Engine) -> bool:
    """True when the store is already at this release's head (a cheap check on every start).

    Alembic's table read directly: setting up Alembic's context to read it cost eight times the
    query, on every store opened. A store without the table (empty, or the release before
    migrations) is not current; the upgrade then looks at it properly.
    """
    with engine.connect() as conn:
        try:
            found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        except SQLAlchemyError:
            return False
    return found == [head()]


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Bring the store to `revision` in one transaction; returns (revision before, revision after)."""
    known = known_revisions()
    target = head() if revision == "head" else revision
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            _locked(conn)
            before = current(conn)
            if before is not None and before not in known:
                raise MigrationError(msg("migrate.newer", before=before, head=known[-1]))
            if before == target and before != BASELINE:
                return before, target  # nothing to run: alembic would only read its files to find that out
            if before is None and _create_at(conn, target):
                return None, target
            cfg = config(conn)
            if before == BASELINE and MigrationContext.configure(conn).get_current_revision() is None:
                # The release before migrations: its tables are the baseline's, so it is stamped.
                command.stamp(cfg, BASELINE)
            command.upgrade(cfg, revision)
            after = MigrationContext.configure(conn).get_current_revision() or ""
    return before, after


# A schema's statements in an order that replays: tables before the indexes and views that need them.
_SCHEMA_SQL = text(
    "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
    "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid"
)


@cache
def _schema_at(revision: str) -> tuple[str, ...] | None:
    """The SQLite statements that make an empty store `revision`'s, taken from running its revisions once.

    None when the revisions leave rows behind (only the revision number may be there), so that a
    store they fill is always made by running them.
    """
    engine = create_engine("sqlite://")
    try:
        with engine.connect() as conn, conn.begin():
            command.upgrade(config(conn), revision)
            rows = conn.execute(_SCHEMA_SQL).all()
            tables = [name for kind, name, _ in rows if kind == "table" and name != "alembic_version"]
            if any(conn.execute(text(f'SELECT 1 FROM "{name}" LIMIT 1')).first() for name in tables):
                return None
    finally:
        engine.dispose()
    return tuple(sql for _, _, sql in rows)


def _create_at(conn: Connection, revision: str) -> bool:
    """Make an empty SQLite store `revision`'s from the schema its revisions produce; False where not done.

    Running every revision again on each new store costs a tenth of a second of DDL and table copies;
    the statements they leave in sqlite_master are the same each time, so they are replayed instead.
    """
    if conn.dialect.name != "sqlite" or revision not in _revisions():
        return False
    statements = _schema_at(revision)
    if statements is None:
        return False
    for statement in statements:
        conn.exec_driver_sql(statement)
    conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": revision})
    return True
