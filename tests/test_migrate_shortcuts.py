"""The migration bookkeeping's shortcuts give the stores that running every revision gives."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, text

from indicators.store import backup, migrate
from indicators.store.database import Store, StoreError
from tests.support.releases import RELEASES

OLDER = "0013_figure_index"


def schema(engine: Engine) -> list[tuple[str, str, str, str]]:
    """Every table, index and view with its SQL, and the revision row, as SQLite holds them."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                "ORDER BY type, name"
            )
        ).all()
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    return [tuple(r) for r in rows] + [("revision", revision, "", "")]


def run_every_revision(path: Path, revision: str) -> Engine:
    """A store made the slow way: alembic runs each revision on it."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn, conn.begin():
        command.upgrade(migrate.config(conn), revision)
    return engine


@pytest.mark.parametrize("revision", [migrate.BASELINE, "0007_target_qualifier", "head"])
def test_a_new_store_gets_exactly_the_schema_its_revisions_write(tmp_path: Path, revision: str) -> None:
    slow = run_every_revision(tmp_path / "slow.sqlite", revision)
    fast = create_engine(f"sqlite:///{tmp_path / 'fast.sqlite'}")
    before, after = migrate.upgrade(fast, revision)
    assert before is None
    assert after == (migrate.head() if revision == "head" else revision)
    assert schema(fast) == schema(slow)
    assert len(schema(fast)) > 10  # tables and indexes, not only the revision row


def test_a_store_made_at_an_older_revision_upgrades_to_the_head_schema(tmp_path: Path) -> None:
    fast = create_engine(f"sqlite:///{tmp_path / 'fast.sqlite'}")
    assert migrate.upgrade(fast, OLDER) == (None, OLDER)
    assert migrate.upgrade(fast) == (OLDER, migrate.head())
    assert schema(fast) == schema(run_every_revision(tmp_path / "slow.sqlite", "head"))


def test_revisions_that_leave_rows_are_run_on_each_new_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A replayed schema would lose a revision's rows: such revisions are run, rows and all."""
    real = command.upgrade

    def upgrade_and_fill(cfg: object, revision: str) -> None:
        real(cfg, revision)  # type: ignore[arg-type]
        conn = cfg.attributes["connection"]  # type: ignore[attr-defined]
        conn.execute(text("CREATE TABLE IF NOT EXISTS filled (x INTEGER)"))
        conn.execute(text("INSERT INTO filled VALUES (7)"))

    monkeypatch.setattr(migrate.command, "upgrade", upgrade_and_fill)
    monkeypatch.setattr(migrate, "_schema_at", cache(migrate._schema_at.__wrapped__))
    engine = create_engine(f"sqlite:///{tmp_path / 'store.sqlite'}")
    assert migrate.upgrade(engine) == (None, migrate.head())
    with engine.connect() as conn:
        assert conn.execute(text("SELECT x FROM filled")).scalars().all() == [7]


def test_a_store_at_its_target_revision_runs_no_revision(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_engine(store_url)
    migrate.upgrade(engine, OLDER)

    def refuse(*_: object) -> None:
        raise AssertionError("alembic was asked to run")

    monkeypatch.setattr(migrate.command, "upgrade", refuse)
    assert migrate.upgrade(engine, OLDER) == (OLDER, OLDER)
    with pytest.raises(AssertionError, match="alembic was asked"):
        migrate.upgrade(engine)  # an older store still goes through alembic


def test_a_store_upgraded_by_another_process_meanwhile_opens_with_its_versions(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """This process saw an old revision; another upgraded and wrote before this one took the lock."""
    other = Store(store_url).ensure()
    assert other.current_version() == 1
    monkeypatch.setattr(migrate, "is_current", lambda _engine: False)
    store = Store(store_url).ensure()
    assert store.current_version() == 1
    assert len(store.versions()) == 1
    with store.engine.connect() as conn:
        assert migrate.current(conn) == migrate.head()


def test_a_store_newer_than_the_code_is_refused_once_the_revisions_were_read(store_url: str) -> None:
    store = Store(store_url).ensure()
    assert migrate.head() in migrate.known_revisions()
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(StoreError) as refused:
        Store(store_url).ensure()
    assert refused.value.message.key == "migrate.newer"
    assert "9999_from_the_future" in refused.value.message.text("en")
    assert "mới hơn phiên bản phần mềm" in refused.value.message.text("vi")
    with store.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            == "9999_from_the_future"
        )
        assert conn.execute(text("SELECT count(*) FROM versions")).scalar_one() == 1


def test_the_revision_list_is_a_fresh_list_each_time() -> None:
    revisions = migrate.known_revisions()
    revisions.append("0099_added_by_a_caller")
    assert migrate.known_revisions()[-1] == migrate.head() != "0099_added_by_a_caller"
    assert migrate.known_revisions()[0] == migrate.BASELINE


def test_a_dump_has_the_columns_of_its_own_revision_whichever_was_dumped_first(tmp_path: Path) -> None:
    """The tables are reflected once per revision: a store at an older one keeps its own columns."""
    newest = create_engine(f"sqlite:///{tmp_path / 'newest.sqlite'}")
    older = create_engine(f"sqlite:///{tmp_path / 'older.sqlite'}")
    migrate.upgrade(newest)
    migrate.upgrade(older, OLDER)
    for _ in range(2):  # the second round reads the reflected tables kept from the first
        new_dump, old_dump = backup.dump(newest), backup.dump(older)
        assert (new_dump["revision"], old_dump["revision"]) == (migrate.head(), OLDER)
        assert "period_unstated" in new_dump["tables"]["data_observations"]["columns"]
        assert "period_unstated" not in old_dump["tables"]["data_observations"]["columns"]
        assert set(old_dump["tables"]) == set(backup.content_tables(OLDER))


def test_only_a_store_at_the_head_revision_is_current(tmp_path: Path) -> None:
    assert not migrate.is_current(create_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}"))
    release_0 = tmp_path / "release_0.sqlite"
    shutil.copyfile(RELEASES["release_0"][0], release_0)  # the release before migrations: no Alembic table
    assert not migrate.is_current(create_engine(f"sqlite:///{release_0}"))
    older = run_every_revision(tmp_path / "older.sqlite", OLDER)
    assert not migrate.is_current(older)
    head = run_every_revision(tmp_path / "head.sqlite", "head")
    assert migrate.is_current(head)
    # Two revision rows (branches this release does not have) are no revision it knows as its head.
    with head.begin() as conn:
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('0099_elsewhere')"))
    assert not migrate.is_current(head)
    assert migrate.is_current(Store(f"sqlite:///{tmp_path / 'seeded.sqlite'}").ensure().engine)
