"""A store written by each earlier release upgrades to head and keeps its history, figures and accounts.

The stores in tests/fixtures/ were written by those releases' own code (tests/fixtures/stores/README.md).
"""

from __future__ import annotations

import io
import re
import shutil
import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, text

from indicators.__main__ import main
from indicators.areas.official import LEGACY_CODES
from indicators.core.model import OBSERVATIONS, TARGETS, coerce
from indicators.excel import validate
from indicators.report import narrative_store
from indicators.report.narrative import EMPTY, Narrative
from indicators.rounds import figure_history, review, threads, workflow
from indicators.store import accounts, backup, migrate
from indicators.store.accounts import Role
from indicators.store.database import Store, UtcDateTime, versions
from tests.support import books
from tests.support.releases import RELEASES, UpgradedReleases

PASSWORDS = {"quantri": "mat-khau-rat-dai-2020!", "canbo": "mot-mat-khau-khac-2021!"}
TIME_COLUMNS = (("versions", "created_at"), ("users", "created_at"), ("sign_in_failures", "last_at"))
ONE_WAY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")


@dataclass(frozen=True)
class Before:
    """What the old release's store held, read with plain SQL before any upgrade."""

    versions: list[tuple[int, str, str, datetime]]
    users: list[tuple[str, str, str, datetime]]
    figures: dict[int, dict[tuple[str, str, int, str], float]]


def moment(value: object) -> datetime:
    """A stored time as the moment it means: text or a datetime, UTC where it carries no zone."""
    found = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return found.replace(tzinfo=UTC) if found.tzinfo is None else found.astimezone(UTC)


def read_before(path: Path) -> Before:
    conn = sqlite3.connect(path)
    meta = conn.execute(
        "SELECT version, account, action, created_at FROM versions ORDER BY version"
    ).fetchall()
    users = conn.execute("SELECT name, role, password_hash, created_at FROM users ORDER BY name").fetchall()
    figures = {}
    for v, *_rest in meta:
        rows = conn.execute(
            "SELECT code, area, year, kind, value FROM data_observations WHERE since_version <= ? "
            "AND (until_version IS NULL OR until_version > ?)",
            (v, v),
        ).fetchall()
        # The first releases' area codes read under the official ones after revision 0003.
        figures[v] = {(c, LEGACY_CODES.get(a, a), y, k): value for c, a, y, k, value in rows}
    conn.close()
    return Before(
        [(v, a, act, moment(t)) for v, a, act, t in meta],
        [(n, r, h, moment(t)) for n, r, h, t in users],
        figures,
    )


def figures_of(store: Store, version: int) -> dict[tuple[str, str, int, str], float]:
    obs = store.load_table(OBSERVATIONS, version)
    keys = zip(obs["code"], obs["area"], obs["year"].astype(int), obs["kind"], strict=True)
    return dict(zip(keys, obs["value"].astype(float), strict=True))


@pytest.fixture(params=list(RELEASES))
def release(request: pytest.FixtureRequest, store_url: str) -> tuple[str, Path, int]:
    """A copy of one earlier release's store at $INDICATORS_DB."""
    path, added = RELEASES[request.param]
    shutil.copyfile(path, store_url.removeprefix("sqlite:///"))
    return request.param, path, added


@pytest.fixture(params=list(RELEASES))
def upgraded_release(
    request: pytest.FixtureRequest, store_url: str, upgraded_releases: UpgradedReleases
) -> tuple[str, Path, int]:
    """A copy of one earlier release's store, upgraded to head, at $INDICATORS_DB (the same as `release`).

    The upgrade runs once a session (tests/support/releases.py);
    `test_every_earlier_release_upgrades_and_shows_its_history` still upgrades from the old file itself.
    """
    path, added = RELEASES[request.param]
    upgraded_releases.copy_to(request.param, store_url)
    return request.param, path, added


def test_every_earlier_release_upgrades_and_shows_its_history(
    release: tuple[str, Path, int], store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    name, path, added = release
    before = read_before(path)
    assert main(["upgrade"]) == 0
    assert f"→ {migrate.head()}" in capsys.readouterr().out
    # The history, both for people and as CSV, with every version and its time in UTC.
    assert main(["history"]) == 0
    shown = capsys.readouterr()
    assert shown.err == "" and "quantri" in shown.out
    assert main(["history", "--format", "csv"]) == 0
    history = pd.read_csv(io.StringIO(capsys.readouterr().out))
    old = len(before.versions)
    assert history["version"].tolist() == list(range(1, old + added + 1))
    assert history["created_at"].head(old).tolist() == [
        t.strftime("%Y-%m-%d %H:%M:%S") for *_x, t in before.versions
    ]
    # The same moments, read back aware in UTC, with their accounts and actions.
    store = Store(store_url, seed=None).ensure()
    frame = store.versions()
    assert str(frame["created_at"].dt.tz) == "UTC"
    assert [
        (int(v), a, act, t.to_pydatetime())
        for v, a, act, t in frame.head(old)[["version", "account", "action", "created_at"]].itertuples(
            index=False
        )
    ] == before.versions
    assert frame["created_at"].is_monotonic_increasing, name
    # Every version's figures as the old release wrote them.
    for version, figures in before.figures.items():
        assert figures_of(store, version) == figures, (name, version)


@pytest.mark.slow
def test_accounts_and_sign_in_survive_every_upgrade(
    upgraded_release: tuple[str, Path, int], store_url: str
) -> None:
    _name, path, _added = upgraded_release
    before = read_before(path)
    store = Store(store_url, seed=None).ensure()
    listed = accounts.list_users(store)
    assert [(n, r) for n, r, *_x in before.users] == list(zip(listed["name"], listed["role"], strict=True))
    assert listed["created_at"].tolist() == [t for *_x, t in before.users]
    for name, password in PASSWORDS.items():
        assert accounts.sign_in(store, name, password).ok, name
    assert not accounts.sign_in(store, "canbo", "sai-mat-khau-roi-nhe").ok


def test_after_the_upgrade_every_time_is_written_one_way(
    upgraded_release: tuple[str, Path, int], store_url: str
) -> None:
    store = Store(store_url, seed=None).ensure()
    data = store.load()
    result = store.commit(replace(data, observations=data.observations.assign(note="sau nâng cấp")), "canbo")
    assert result.version == store.current_version()
    path = store_url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path)
    for table, column in (*TIME_COLUMNS, ("sign_in_sessions", "created_at")):
        found = [t for (t,) in conn.execute(f"SELECT {column} FROM {table}")]
        assert all(ONE_WAY.match(t) for t in found), (table, found)
    conn.close()
    frame = store.versions()
    # The new version is later than every version the old release wrote, by the same clock.
    assert frame["created_at"].iloc[-1] > frame["created_at"].iloc[:-1].max()


def test_the_type_writes_utc_and_reads_aware(store_url: str) -> None:
    engine = create_engine(store_url)
    meta = MetaData()
    table = Table("t", meta, Column("id", Integer, primary_key=True), Column("at", UtcDateTime()))
    meta.create_all(engine)
    hanoi = timezone(timedelta(hours=7))
    with engine.begin() as conn:
        conn.execute(table.insert(), [{"id": 1, "at": datetime(2026, 12, 5, 8, 30, tzinfo=hanoi)}])
        conn.execute(table.insert(), [{"id": 2, "at": datetime(2026, 12, 5, 1, 30)}])  # naive: UTC
        conn.execute(text("INSERT INTO t (id, at) VALUES (3, '2026-12-05 01:30:00+00:00')"))
        stored = conn.execute(text("SELECT at FROM t ORDER BY id")).scalars().all()
        read = conn.execute(table.select().order_by(table.c.id)).all()
    # 08:30 in Hà Nội is 01:30 UTC: stored as UTC digits, never the local ones.
    assert stored[:2] == ["2026-12-05 01:30:00.000000"] * 2
    assert [r.at for r in read] == [datetime(2026, 12, 5, 1, 30, tzinfo=UTC)] * 3
    assert all(r.at.tzinfo is UTC for r in read)
    engine.dispose()


# PostgreSQL -----------------------------------------------------------------------------------------

PREVIOUS = "0004_sign_in_sessions"
UPGRADED_0004 = RELEASES["0004_upgraded_from_release_0"][0]
CONTENT = (
    "versions",
    "data_indicators",
    "data_observations",
    "data_targets",
    "data_reported",
    "data_areas",
    "data_area_links",
    "data_aggregation_rules",
    "users",
    "sign_in_failures",
    "sign_in_sessions",
)


def previous_release_on_postgresql(url: str, source_path: Path, revision: str = PREVIOUS) -> None:
    """A PostgreSQL store as a previous release left it: its schema (0004 unless told) and a store's rows."""
    engine = create_engine(url)
    migrate.upgrade(engine, revision)
    source = create_engine(f"sqlite:///{source_path}")
    old, target = MetaData(), MetaData()
    old.reflect(source)
    target.reflect(engine)
    with source.connect() as read, engine.begin() as write:
        for name in CONTENT:
            rows = [dict(r._mapping) for r in read.execute(old.tables[name].select())]
            for row in rows:
                for column in target.tables[name].columns:
                    value = row.get(column.name)
                    if column.type.python_type is bool and value is not None:
                        row[column.name] = bool(value)
                    elif isinstance(value, datetime):
                        # As the previous release wrote it on PostgreSQL: the UTC moment, with its zone.
                        row[column.name] = moment(value)
            if rows:
                write.execute(target.tables[name].insert(), rows)
        for name in CONTENT:
            key = "version" if name == "versions" else "row_id"
            if name == "versions" or name.startswith("data_"):
                write.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', '{key}'), "
                        f"(SELECT MAX({key}) FROM {name}))"
                    )
                )
    source.dispose()
    engine.dispose()


@pytest.mark.postgres
def test_the_time_revision_on_postgresql(backend_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    if backend_url.startswith("sqlite"):
        pytest.skip("the PostgreSQL half; SQLite is covered above")
    before = read_before(UPGRADED_0004)
    previous_release_on_postgresql(backend_url, UPGRADED_0004)
    engine = create_engine(backend_url)
    with engine.begin() as conn:
        # A session in Hà Nội's zone: the times must still come back as the same moments, in UTC.
        conn.execute(text("SET TIME ZONE 'Asia/Ho_Chi_Minh'"))
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == PREVIOUS
    assert main(["upgrade"]) == 0
    assert f"{PREVIOUS} → {migrate.head()}" in capsys.readouterr().out
    assert main(["history", "--format", "csv"]) == 0
    history = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert history["created_at"].tolist() == [t.strftime("%Y-%m-%d %H:%M:%S") for *_x, t in before.versions]
    store = Store(backend_url, seed=None).ensure()
    with store.engine.connect() as conn:
        kinds = conn.execute(
            text(
                "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND column_name IN ('created_at', 'last_at')"
            )
        ).scalars()
        assert set(kinds) == {"timestamp with time zone"}
        at = conn.execute(versions.select().order_by(versions.c.version)).all()
    assert [r.created_at for r in at] == [t for *_x, t in before.versions]
    for version, figures in before.figures.items():
        assert figures_of(store, version) == figures, version
    for name, password in PASSWORDS.items():
        assert accounts.sign_in(store, name, password).ok, name
    engine.dispose()


@pytest.mark.postgres
def test_a_time_column_without_a_zone_gets_one_on_postgresql(backend_url: str) -> None:
    """Defensive half of the revision: a column made without a zone is converted, its values read as UTC."""
    if backend_url.startswith("sqlite"):
        pytest.skip("PostgreSQL only")
    engine = create_engine(backend_url)
    migrate.upgrade(engine, PREVIOUS)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE versions ALTER COLUMN created_at TYPE TIMESTAMP WITHOUT TIME ZONE"))
        conn.execute(
            text(
                "INSERT INTO versions (account, created_at, action, file_name, sha256, note, counts) "
                "VALUES ('a', '2026-11-26 06:21:54.083679', 'seed', '', '', '', '{}')"
            )
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        row = conn.execute(versions.select()).one()
    assert row.created_at == datetime(2026, 11, 26, 6, 21, 54, 83679, tzinfo=UTC)
    engine.dispose()


# The narrative (revision 0006) ----------------------------------------------------------------------

NARRATIVE = Narrative(
    sections={"lessons": "Sát cơ sở.\n\nĐúng người, đúng việc."},
    number="125/BC-UBND",
    recipients=("UBND tỉnh",),
)


def narrative_after_the_upgrade(store: Store, before: Before) -> None:
    """On an upgraded store: the narrative saves as a new version, reads back by version, rolls back."""
    latest = store.current_version()
    assert narrative_store.load(store, "106", "2015-2020") == EMPTY
    saved = narrative_store.save(store, "106", "2015-2020", NARRATIVE, "canbo", Role.ANALYST)
    assert saved.version == latest + 1
    assert narrative_store.load(store, "106", "2015-2020", latest) == EMPTY
    assert narrative_store.load(store, "106", "2015-2020") == NARRATIVE
    # Back to the newest version the old release wrote: its figures, and no narrative, as then.
    store.rollback(latest, "quantri")
    assert narrative_store.load(store, "106", "2015-2020") == EMPTY
    assert figures_of(store, latest + 2) == figures_of(store, latest)
    assert [
        (int(v), a) for v, a in store.versions()[["version", "account"]].head(len(before.versions)).values
    ] == [(v, a) for v, a, *_x in before.versions]
    for version, figures in before.figures.items():
        assert figures_of(store, version) == figures, version


def test_every_earlier_release_upgrades_to_keep_a_narrative(
    upgraded_release: tuple[str, Path, int], store_url: str
) -> None:
    _name, path, _added = upgraded_release
    before = read_before(path)
    store = Store(store_url, seed=None).ensure()
    narrative_after_the_upgrade(store, before)
    assert [n for n, *_x in before.users] == accounts.list_users(store)["name"].tolist()


@pytest.mark.postgres
def test_the_narrative_revision_on_postgresql(backend_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    if backend_url.startswith("sqlite"):
        pytest.skip("the PostgreSQL half; SQLite is covered above")
    before = read_before(UPGRADED_0004)
    previous_release_on_postgresql(backend_url, UPGRADED_0004, "0005_utc_times")
    assert main(["upgrade"]) == 0
    assert f"0005_utc_times → {migrate.head()}" in capsys.readouterr().out
    store = Store(backend_url, seed=None).ensure()
    narrative_after_the_upgrade(store, before)
    for name, password in PASSWORDS.items():
        assert accounts.sign_in(store, name, password).ok, name


# Targets' qualifier (revision 0007) ----------------------------------------------------------------

STORE_0006 = RELEASES["0006_narrative"][0]
QUALIFIED = {"0007_target_qualifier"}  # stores that already hold targets' qualifiers


TargetRows = dict[int, list[tuple[str, str, int, str, float]]]


def targets_before(path: Path) -> TargetRows:
    """Each version's targets as the old release wrote them, read with plain SQL, codes made official."""
    conn = sqlite3.connect(path)
    latest = conn.execute("SELECT MAX(version) FROM versions").fetchone()[0]
    out = {}
    for v in range(1, latest + 1):
        rows = conn.execute(
            "SELECT code, area, year, target_kind, value FROM data_targets WHERE since_version <= ? "
            "AND (until_version IS NULL OR until_version > ?)",
            (v, v),
        ).fetchall()
        out[v] = sorted((c, LEGACY_CODES.get(a, a), y, k, float(x)) for c, a, y, k, x in rows)
    conn.close()
    return out


def targets_of(store: Store, version: int) -> list[tuple[str, str, int, str, float]]:
    frame = store.load_table(TARGETS, version)
    keys = zip(
        frame["code"],
        frame["area"],
        frame["year"].astype(int),
        frame["target_kind"],
        frame["value"],
        strict=True,
    )
    return sorted((c, a, int(y), k, float(x)) for c, a, y, k, x in keys)


def qualifier_after_the_upgrade(store: Store, before: TargetRows) -> None:
    """Every old version keeps its targets, none qualified; a qualifier then goes in as one new version."""
    latest = store.current_version()
    for version, rows in before.items():
        assert targets_of(store, version) == rows, version
        assert store.load_table(TARGETS, version)["qualifier"].eq("").all(), version
    data = store.load()
    # The rows were rehashed over the new column: the same targets again write no version.
    assert not store.commit(data, "canbo").changed
    targets = data.targets.copy()
    income = (targets["code"] == "INCOME_PC") & (targets["year"] == 2025)
    assert income.sum() == 1
    targets.loc[income, "qualifier"] = "tren"
    result = store.commit(replace(data, targets=targets), "canbo")
    assert (result.version, result.added, result.removed) == (latest + 1, 1, 1)
    after = store.load_table(TARGETS)
    assert after.loc[after["code"].eq("INCOME_PC") & after["year"].eq(2025), "qualifier"].tolist() == ["tren"]
    assert store.load_table(TARGETS, latest)["qualifier"].eq("").all()


def test_every_earlier_release_upgrades_to_targets_with_a_qualifier(
    upgraded_release: tuple[str, Path, int], store_url: str
) -> None:
    name, path, _added = upgraded_release
    if name == "0007_target_qualifier":
        pytest.skip("written at revision 0007: its targets carry their qualifiers already")
    before = targets_before(path)
    users = read_before(path).users
    store = Store(store_url, seed=None).ensure()
    if name in QUALIFIED:
        # Written at revision 0007 or later: every version keeps its targets and the qualifiers it had.
        for version, rows in before.items():
            assert targets_of(store, version) == rows, version
        with sqlite3.connect(path) as conn:
            kept = conn.execute("SELECT qualifier FROM data_targets WHERE until_version IS NULL").fetchall()
        qualifiers = store.load_table(TARGETS)["qualifier"]
        assert sorted(qualifiers) == sorted(q for (q,) in kept)
        assert "tren" in set(qualifiers)
    else:
        qualifier_after_the_upgrade(store, before)
    assert [n for n, *_x in users] == accounts.list_users(store)["name"].tolist()


@pytest.mark.postgres
def test_the_qualifier_revision_on_postgresql(backend_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    if backend_url.startswith("sqlite"):
        pytest.skip("the PostgreSQL half; SQLite is covered above")
    before = read_before(STORE_0006)
    previous_release_on_postgresql(backend_url, STORE_0006, "0006_narrative")
    assert main(["upgrade"]) == 0
    assert f"0006_narrative → {migrate.head()}" in capsys.readouterr().out
    store = Store(backend_url, seed=None).ensure()
    assert [(int(v), a) for v, a in store.versions()[["version", "account"]].values] == [
        (v, a) for v, a, *_x in before.versions
    ]
    qualifier_after_the_upgrade(store, targets_before(STORE_0006))
    for name, password in PASSWORDS.items():
        assert accounts.sign_in(store, name, password).ok, name


# Reporting rounds (revision 0008) --------------------------------------------------------------------

STORE_0007 = RELEASES["0007_target_qualifier"][0]


def rounds_after_the_upgrade(store: Store, before: Before) -> None:
    """On an upgraded store: old accounts have no area, every old figure is unlocked, a round runs."""
    listed = accounts.list_users(store)
    assert listed["area"].tolist() == [""] * len(before.users)
    latest = store.current_version()
    accounts.add_user(store, "tinh", "analyst", PASSWORDS["quantri"], area="12")
    accounts.add_user(store, "binhlu", "reporter", PASSWORDS["canbo"], area="03390")
    found = workflow.open_round(store, "tinh", 2026, "12", "TEA_AREA", datetime(2026, 12, 14).date())
    data = store.load()
    figures = pd.DataFrame(
        [{"code": "TEA_AREA", "area": "03390", "year": 2026, "kind": "actual", "value": 950.0}]
    )
    sent = replace(data, observations=coerce(OBSERVATIONS, figures), targets=data.targets.iloc[0:0])
    # Releases upgraded to the same rows make the same workbook and check: done once a session.
    upload = books.checked(
        books.workbook_bytes(replace(sent, reported=data.reported.iloc[0:0])), "x.xlsx", data
    )
    assert upload.ok, validate.report_text(upload)
    workflow.submit(store, "binhlu", upload)
    assert store.current_version() == latest
    done = review.review(store, "tinh", "03390", 2026, "approve")
    assert done.version == latest + 1
    assert workflow.sendings(store, found.id)["state"].tolist() == ["approved"]
    assert review.lock_history(store)["action"].tolist() == ["lock"]
    # Every version the old release wrote reads back as it did, and no account was lost.
    for version, old in before.figures.items():
        assert figures_of(store, version) == old, version
    assert [n for n, *_x in before.users] == [
        n for n in accounts.list_users(store)["name"] if n not in ("tinh", "binhlu")
    ]


def test_every_earlier_release_upgrades_to_reporting_rounds(
    upgraded_release: tuple[str, Path, int], store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    _name, path, _added = upgraded_release
    before = read_before(path)
    rounds_after_the_upgrade(Store(store_url, seed=None).ensure(), before)


@pytest.mark.postgres
def test_the_rounds_revision_on_postgresql(
    backend_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend_url.startswith("sqlite"):
        pytest.skip("the PostgreSQL half; SQLite is covered above")
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    before = read_before(STORE_0007)
    previous_release_on_postgresql(backend_url, STORE_0007, "0007_target_qualifier")
    assert main(["upgrade"]) == 0
    assert f"0007_target_qualifier → {migrate.head()}" in capsys.readouterr().out
    store = Store(backend_url, seed=None).ensure()
    assert [(int(v), a) for v, a in store.versions()[["version", "account"]].values] == [
        (v, a) for v, a, *_x in before.versions
    ]
    rounds_after_the_upgrade(store, before)
    for name, password in PASSWORDS.items():
        assert accounts.sign_in(store, name, password).ok, name


# Figure threads (revision 0010) -------------------------------------------------------------------


def threads_after_the_upgrade(store: Store, before: Before, elsewhere: Path) -> None:
    """On an upgraded store a figure's thread is written and read, and a portable backup carries it."""
    accounts.add_user(store, "tinh", "analyst", PASSWORDS["quantri"], area="12")
    figure = threads.Figure("TEA_AREA", "03390", 2026, "actual")
    asked = threads.post(store, "tinh", figure, "question", "Số này lấy từ đâu?")
    threads.post(store, "tinh", figure, "answer", "Từ báo cáo của xã.", reply_to=asked)
    threads.post(store, "tinh", figure, "flag", "")
    assert threads.counts(threads.thread(store, figure)) == {
        "questions": 1,
        "answered": 1,
        "open": 0,
        "flagged": 1,
    }
    # Every figure the old release wrote has a history: its value at the version that wrote it.
    (code, area, year, kind), value = next(iter(before.figures[max(before.figures)].items()))
    seen = figure_history.history(store, threads.Figure(code, area, year, kind))
    assert float(seen["value"].iloc[-1]) == value
    dump = elsewhere / "sao_luu.json.gz"
    assert backup.backup(store.engine, dump) == "dump"
    other = Store(f"sqlite:///{elsewhere / 'khac.sqlite'}", seed=None)
    assert backup.restore(other.engine, dump)["figure_threads"] == 3
    assert threads.thread(other, figure)["action"].tolist() == ["question", "answer", "flag"]
    assert threads.flagged_figures(other).values.tolist() == [["TEA_AREA", "03390", 2026, "actual"]]
    for version, old in before.figures.items():
        assert figures_of(store, version) == old, version


def test_every_earlier_release_upgrades_to_figure_threads(
    upgraded_release: tuple[str, Path, int], store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    _name, path, _added = upgraded_release
    threads_after_the_upgrade(Store(store_url, seed=None).ensure(), read_before(path), tmp_path)


@pytest.mark.postgres
def test_the_threads_revision_on_postgresql(
    backend_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend_url.startswith("sqlite"):
        pytest.skip("the PostgreSQL half; SQLite is covered above")
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    before = read_before(STORE_0007)
    previous_release_on_postgresql(backend_url, STORE_0007, "0007_target_qualifier")
    assert main(["upgrade"]) == 0
    assert f"0007_target_qualifier → {migrate.head()}" in capsys.readouterr().out
    assert "0011_figure_threads" in migrate.known_revisions()
    store = Store(backend_url, seed=None).ensure()
    threads_after_the_upgrade(store, before, tmp_path)
    assert [n for n, *_x in before.users] == [n for n in accounts.list_users(store)["name"] if n != "tinh"]
