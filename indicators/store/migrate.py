"""Schema migrations of the store with Alembic: the release before migrations is stamped, then upgraded."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

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


def head() -> str:
    """The newest revision this release knows."""
    return ScriptDirectory.from_config(config()).get_current_head() or BASELINE


def known_revisions() -> list[str]:
    """Every revision of this release, oldest first."""
    script = ScriptDirectory.from_config(config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


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
    """True when the store is already at this release's head (a cheap check on every start)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision() == head()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Bring the store to `revision` in one transaction; returns (revision before, revision after)."""
    known = known_revisions()
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            _locked(conn)
            before = current(conn)
            if before is not None and before not in known:
                raise MigrationError(msg("migrate.newer", before=before, head=known[-1]))
            cfg = config(conn)
            if before == BASELINE and MigrationContext.configure(conn).get_current_revision() is None:
                # The release before migrations: its tables are the baseline's, so it is stamped.
                command.stamp(cfg, BASELINE)
            command.upgrade(cfg, revision)
            after = MigrationContext.configure(conn).get_current_revision() or ""
    return before, after
