"""Schema upgrades from the previous release's store, and backups that restore to the same dump."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, create_engine, inspect, text

from indicators.__main__ import main
from indicators.areas.official import LEGACY_CODES
from indicators.store import accounts, backup, migrate
from indicators.store.database import Store, metadata

FIXTURE = Path(__file__).parent / "fixtures" / "store_release_0.sqlite"
# Release 0's columns per data table: the figures every version held before the upgrade.
OLD_COLUMNS = {
    "data_indicators": "code, name_vi, name_en, domain, unit, unit_en, direction, value_kind, "
    "recipient, award_level",
    "data_observations": "code, area, year, kind, base_year, value, qualifier, section, quote",
    "data_targets": "code, area, year, term, target_kind, comparator, value, derived, section, quote",
    "data_reported": "code, area, year, target_kind, reported_pct, section, quote",
    "data_areas": "code, name, level, parent, valid_from, valid_to",
}
PASSWORDS = {"quantri": "mat-khau-rat-dai-2020!", "canbo": "mot-mat-khau-khac-2021!"}


def version_dumps(url: str) -> dict[int, str]:
    """Every version's figures in release 0's columns, as canonical text, read with plain SQL."""
    engine = create_engine(url)
    out = {}
    with engine.connect() as conn:
        latest = conn.execute(text("SELECT MAX(version) FROM versions")).scalar_one()
        for v in range(1, latest + 1):
            parts = []
            for table, columns in OLD_COLUMNS.items():
                rows = conn.execute(
                    text(
                        f"SELECT {columns} FROM {table} WHERE since_version <= :v "
                        f"AND (until_version IS NULL OR until_version > :v) ORDER BY {columns}"
                    ),
                    {"v": v},
                ).all()
                # Booleans come back as 0/1 from SQLite and True/False from PostgreSQL: one spelling.
                parts.append(f"{table}\n" + "\n".join(repr(tuple(_same(x) for x in r)) for r in rows))
            out[v] = "\n".join(parts)
        meta = conn.execute(
            text(
                "SELECT version, account, action, file_name, sha256, note, counts, restored_from "
                "FROM versions"
            )
        ).all()
        users = conn.execute(text("SELECT name, role, password_hash FROM users ORDER BY name")).all()
    engine.dispose()
    out[0] = repr(sorted(meta)) + repr(users)
    return out


def _official(dump: str) -> list[str]:
    """A version's dump with the first releases' area codes written as the official ones, line by line."""
    for old, new in LEGACY_CODES.items():
        dump = dump.replace(f"'{old}'", f"'{new}'")
    return sorted(dump.splitlines())


def _same(value: object) -> object:
    return int(value) if isinstance(value, bool) else value


def release_0_on_postgresql(url: str) -> None:
    """A PostgreSQL store as the previous release wrote it: its schema and the fixture's rows."""
    engine = create_engine(url)
    migrate.upgrade(engine, migrate.BASELINE)
    source = create_engine(f"sqlite:///{FIXTURE}")
    old = MetaData()
    old.reflect(source)
    target = MetaData()
    target.reflect(engine)
    with source.connect() as read, engine.begin() as write:
        write.execute(text("DROP TABLE alembic_version"))
        for name in backup.CONTENT_TABLES:
            rows = [dict(r._mapping) for r in read.execute(old.tables[name].select())]
            for row in rows:
                for column in target.tables[name].columns:
                    if column.type.python_type is bool and row.get(column.name) is not None:
                        row[column.name] = bool(row[column.name])
            if rows:
                write.execute(target.tables[name].insert(), rows)
        for name, key in (("versions", "version"), *((t, "row_id") for t in OLD_COLUMNS)):
            write.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', '{key}'), "
                    f"(SELECT MAX({key}) FROM {name}))"
                )
            )
    source.dispose()
    engine.dispose()


@pytest.fixture
def release_0_url(backend_url: str, tmp_path: Path) -> str:
    """A store written by the previous release (the committed fixture), on each backend."""
    if backend_url.startswith("sqlite"):
        copy = tmp_path / "store.sqlite"
        shutil.copyfile(FIXTURE, copy)
        return backend_url
    release_0_on_postgresql(backend_url)
    return backend_url


def test_the_baseline_is_exactly_the_previous_release_schema(tmp_path: Path) -> None:
    def schema(path: Path) -> set[str]:
        conn = sqlite3.connect(path)
        sql = conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name != 'alembic_version'"
        )
        found = {re.sub(r"\s+", " ", s) for (s,) in sql}
        conn.close()
        return found

    fresh = tmp_path / "fresh.sqlite"
    migrate.upgrade(create_engine(f"sqlite:///{fresh}"), migrate.BASELINE)
    assert schema(fresh) == schema(FIXTURE)


def test_the_model_matches_the_newest_revision(backend_url: str) -> None:
    """A schema change without its revision fails here: write the revision (see docs/deploy.md)."""
    engine = create_engine(backend_url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        assert MigrationContext.configure(conn).get_current_revision() == migrate.head()
    engine.dispose()


@pytest.mark.slow
def test_a_previous_release_store_upgrades_on_first_start_keeping_everything(release_0_url: str) -> None:
    before = version_dumps(release_0_url)
    assert len(before) == 4  # versions 1–3 and the versions/accounts record
    store = Store(release_0_url).ensure()  # first start
    after = version_dumps(release_0_url)
    # Every version keeps its figures; 0003 writes their areas with the official codes (TD → 106 …).
    for v in (1, 2, 3):
        assert sorted(after[v].splitlines()) == _official(before[v]), v
    # Versions 1–3 and the accounts as they were; 0003 adds version 4, the official list of areas.
    end = before[0].index("]")
    assert after[0].startswith(before[0][:end]) and after[0].endswith(before[0][end + 1 :])
    assert len(after) == 5
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == migrate.head()
        assert {"definition", "source"} <= {c["name"] for c in inspect(conn).get_columns("data_indicators")}
    # Every version reads back through the store, with the new columns empty.
    for v in (1, 2, 3):
        data = store.load(v)
        assert len(data.indicators) == 81 and set(data.indicators["definition"]) == {""}
        assert not data.targets["yearly"].any()
    gtsx = [
        store.load(v).observations.query("code == 'GTSX' and kind == 'actual'")["value"].item()
        for v in (1, 2, 3)
    ]
    assert gtsx == [2503.3, 2510.0, 2503.3]
    # Accounts kept: the old passwords still sign in, roles unchanged.
    for name, password in PASSWORDS.items():
        assert accounts.sign_in(store, name, password).ok
    assert dict(zip(*accounts.list_users(store)[["name", "role"]].T.values, strict=True)) == {
        "canbo": "analyst",
        "quantri": "admin",
    }
    # Row fingerprints were recomputed: saving the same figures writes no new version.
    assert store.commit(store.load(), account="quantri").version is None
    changed = store.load()
    obs = changed.observations.copy()
    obs.loc[obs["code"] == "GTSX", "note"] = "số liệu chính thức"
    result = store.commit(replace(changed, observations=obs), account="canbo")
    assert (result.version, result.added, result.removed) == (5, 2, 2)


def test_upgrade_from_the_command_line(release_0_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["upgrade"]) == 0
    assert f"0001_release_0 → {migrate.head()}" in capsys.readouterr().out
    assert main(["upgrade"]) == 0
    assert "không cần nâng cấp" in capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.parametrize("name", ["copy.sqlite", "copy.json.gz"])
def test_backup_then_restore_gives_an_identical_dump(
    backend_url: str, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(backend_url).ensure()
    accounts.add_user(store, "quantri", "admin", PASSWORDS["quantri"])
    saved = backup.dump(store.engine)
    file = tmp_path / name
    assert main(["backup", str(file)]) == 0
    out = capsys.readouterr().out
    expected = "SQLite" if name.endswith(".sqlite") and backend_url.startswith("sqlite") else "kết xuất"
    assert expected in out
    # The store moves on after the backup ...
    data = store.load()
    store.commit(replace(data, observations=data.observations.assign(note="x")), account="quantri")
    accounts.add_user(store, "canbo", "analyst", PASSWORDS["canbo"])
    assert backup.dump(store.engine) != saved
    # ... and the restore brings back exactly what was saved.
    assert main(["restore", str(file)]) == 0
    assert "1 phiên bản, 1 tài khoản" in capsys.readouterr().out
    assert backup.dump(store.engine) == saved
    # The store keeps working after a restore: the next version is 2 again.
    again = Store(backend_url).ensure()
    assert (
        again.commit(replace(data, observations=data.observations.assign(note="y")), account="a").version == 2
    )


def _damaged_files(tmp_path: Path, good_dump: Path, good_sqlite: Path) -> dict[str, Path]:
    files = {}
    files["random"] = tmp_path / "random.bin"
    files["random"].write_bytes(b"not a backup at all" * 50)
    truncated = good_dump.read_bytes()
    files["truncated dump"] = tmp_path / "truncated.json.gz"
    files["truncated dump"].write_bytes(truncated[: len(truncated) // 2])
    payload = json.loads(gzip.decompress(good_dump.read_bytes()))
    payload["tables"]["data_observations"]["rows"].pop()  # edited by hand: the checksum no longer matches
    files["edited dump"] = tmp_path / "edited.json.gz"
    files["edited dump"].write_bytes(gzip.compress(json.dumps(payload).encode()))
    files["foreign json"] = tmp_path / "foreign.json.gz"
    files["foreign json"].write_bytes(gzip.compress(b'{"hello": "world"}'))
    newer = dict(payload, revision="9999_from_the_future")
    files["newer dump"] = tmp_path / "newer.json.gz"
    files["newer dump"].write_bytes(gzip.compress(json.dumps(newer).encode()))
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    files["foreign sqlite"] = foreign
    broken = bytearray(good_sqlite.read_bytes())
    broken[4096 : 4096 * 3] = b"\xff" * (4096 * 2)  # pages of the table tree overwritten
    files["damaged sqlite"] = tmp_path / "damaged.sqlite"
    files["damaged sqlite"].write_bytes(bytes(broken))
    return files


@pytest.mark.slow
def test_restore_refuses_a_damaged_or_foreign_file_and_touches_nothing(
    backend_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(backend_url).ensure()
    good_dump = tmp_path / "good.json.gz"
    backup.backup(store.engine, good_dump)
    source = Store(f"sqlite:///{tmp_path / 'other.sqlite'}").ensure()
    good_sqlite = tmp_path / "good.sqlite"
    backup.backup(source.engine, good_sqlite)
    data = store.load()
    store.commit(replace(data, observations=data.observations.assign(note="sau sao lưu")), account="a")
    before = backup.dump(store.engine)
    for why, file in _damaged_files(tmp_path, good_dump, good_sqlite).items():
        assert main(["restore", str(file)]) == 1, why
        err = capsys.readouterr().err
        assert "Kho dữ liệu không bị thay đổi" in err and "Traceback" not in err, (why, err)
        assert backup.dump(store.engine) == before, why


def test_an_old_dump_is_upgraded_as_it_is_restored(store_url: str, tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE, old)
    payload = backup.dump(create_engine(f"sqlite:///{old}"))
    assert payload["revision"] == migrate.BASELINE
    file = tmp_path / "old.json.gz"
    payload["sha256"] = backup.hashlib.sha256(backup._canonical(payload["tables"])).hexdigest()
    file.write_bytes(gzip.compress(json.dumps(payload).encode()))
    store = Store(store_url).ensure()
    counts = backup.restore(store.engine, file)
    # 0003 adds one version (the official list of areas) and writes the old ones' areas officially.
    assert counts["versions"] == 4 and counts["users"] == 2
    restored, original = version_dumps(store_url), version_dumps(f"sqlite:///{old}")
    for v in (1, 2, 3):
        assert sorted(restored[v].splitlines()) == _official(original[v]), v
    assert store.commit(store.load(), account="a").version is None
