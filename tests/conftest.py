"""Shared fixtures (a fresh store per test, filled from the shipped workbook) and the test tiers."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from indicators.core import attainment, selection
from indicators.core.model import Dataset
from indicators.excel import writer as xlsx_writer
from indicators.store.database import ENV_URL, Store
from indicators.store.seed import load_source
from tests.support import prepared, releases, requires, seeded

# The test tiers: markers, and a guard on what each test ran (`make test-quick` runs the quick one).
pytest_plugins = ["tests.support.tiers"]

PROJECT = Path(__file__).resolve().parents[1]
# bcrypt's usual 12 rounds cost a quarter of a second per password; the tests of strength set their own.
os.environ.setdefault("INDICATORS_BCRYPT_ROUNDS", "4")
REPORT = PROJECT / "data" / "report_tam_duong_2015_2020.txt"


@pytest.fixture
def store_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An empty SQLite store in a temporary folder, also exported as $INDICATORS_DB."""
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    monkeypatch.setenv(ENV_URL, url)
    yield url


@pytest.fixture(scope="session")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store migrated and seeded once a session (per worker), for `store` to copy.

    Migrating and seeding again for every test was a tenth of a second of CPU each, hundreds of times;
    copying the closed file gives the same tables and version 1 in a millisecond.
    """
    path = tmp_path_factory.mktemp("seeded") / "store.sqlite"
    made = Store(f"sqlite:///{path}").ensure()
    made.engine.dispose()  # closing the last connection folds the write-ahead log into the file
    return path


@pytest.fixture
def store(store_url: str, seeded_file: Path) -> Store:
    """A store filled from the shipped workbook (version 1)."""
    return prepared.seeded_store(store_url, seeded_file)


@pytest.fixture(scope="session")
def seeded_reading(seeded_file: Path, tmp_path_factory: pytest.TempPathFactory) -> seeded.SeededReading:
    """The seeded store as read back, once a session (per worker), for `seed_data` to copy.

    Read from a copy: opening a store may write to its file, and `store` copies the seeded file as it is.
    """
    path = tmp_path_factory.mktemp("seeded_read") / "store.sqlite"
    shutil.copyfile(seeded_file, path)
    read = Store(f"sqlite:///{path}")
    reading = seeded.SeededReading(seeded.history(read), read.load())
    read.engine.dispose()
    return reading


@pytest.fixture
def seed_data(store: Store, seeded_reading: seeded.SeededReading) -> Dataset:
    """The shipped data as read back from the store: each test's own copy of every frame.

    Reading every table back for each test was most of a simple test's time. A store with the seeded
    file's history holds exactly the session's reading; one that a fixture has written to is read.
    """
    if seeded.history(store) != seeded_reading.history:
        return store.load()
    return seeded.own_copy(seeded_reading.dataset)


@pytest.fixture(scope="session")
def upgraded_releases(tmp_path_factory: pytest.TempPathFactory) -> releases.UpgradedReleases:
    """Each earlier release's store upgraded to head once a session (per worker), for tests to copy."""
    return releases.UpgradedReleases(tmp_path_factory.mktemp("upgraded"))


@pytest.fixture(scope="session")
def prepared_stores(seeded_file: Path, tmp_path_factory: pytest.TempPathFactory) -> prepared.PreparedStores:
    """The seeded store with a module's accounts or round set up once a session (per worker), to copy."""
    return prepared.PreparedStores(seeded_file, tmp_path_factory.mktemp("prepared"))


@pytest.fixture(scope="session")
def shipped_xlsx(seeded_reading: seeded.SeededReading) -> bytes:
    """The workbook of a fresh store's data (version 1), as a download gives it.

    Written once a session: bytes cannot be changed by a test, and writing the whole workbook again
    for each test that starts from it was most of those tests' time.
    """
    return xlsx_writer.workbook_bytes(seeded.own_copy(seeded_reading.dataset))


@pytest.fixture
def shipped_data(seeded_reading: seeded.SeededReading) -> Dataset:
    """A fresh store's data (version 1) with no store behind it: each test's own copy of every frame."""
    return seeded.own_copy(seeded_reading.dataset)


@pytest.fixture(scope="session")
def data() -> Dataset:
    """The shipped figures with the targets the report implies, as the store holds them (no store)."""
    return attainment.derive_targets(load_source())


@pytest.fixture(scope="session")
def rows(data: Dataset) -> pd.DataFrame:
    """Every target's attainment in the shipped data, with its term."""
    return selection.with_periods(attainment.compute(data))


@pytest.fixture(scope="session")
def term(rows: pd.DataFrame) -> pd.DataFrame:
    """The district's 2015–2020 results: what the overview opens on."""
    return selection.select(rows, "106", "2015-2020")


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Streamlit's caches live in the process: a page test starts and ends with them empty."""
    import streamlit as st  # here, not at the top: only page tests pay for Streamlit

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def communes(store_url: str, prepared_stores: prepared.PreparedStores) -> Store:
    """The shipped store plus the communes' figures: imported once a session, each test's own copy."""
    from tests.support import areas_fixture  # here: only the area tests pay for the workbook writer

    return prepared_stores.store(store_url, areas_fixture.add_communes)


PG_ENV = "INDICATORS_TEST_PG_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """An empty store URL on each backend: SQLite in a temporary folder, and a fresh PostgreSQL database.

    PostgreSQL needs a server: $INDICATORS_TEST_PG_URL (CI starts one with .ci/postgres.sh).
    Without it the PostgreSQL half is skipped with that reason, unless $REQUIRE_POSTGRES is set.
    """
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite'}"
        monkeypatch.setenv(ENV_URL, url)
        yield url
        return
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        requires.absent(
            f"no PostgreSQL server configured: set {PG_ENV} (see .ci/postgres.sh)", "REQUIRE_POSTGRES"
        )
    name = f"indicators_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    monkeypatch.setenv(ENV_URL, url)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
