"""The shared fixtures give each test the data it would have read itself, and its own copy of it."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from indicators.core.model import TABLES, Dataset
from indicators.store import accounts, migrate
from indicators.store.database import Store
from tests.support.prepared import PreparedStores
from tests.support.releases import RELEASES, UpgradedReleases
from tests.support.seeded import SeededReading
from tests.test_store_upgrades import figures_of, read_before


@pytest.fixture
def written(store: Store) -> Store:
    """The seeded store with one figure changed: version 2."""
    data = store.load()
    observations = data.observations.copy()
    observations.loc[0, "value"] = float(observations.loc[0, "value"]) + 1.0
    assert store.commit(replace(data, observations=observations), "tester").changed
    return store


def test_seed_data_is_what_the_store_reads_back(store: Store, seed_data: Dataset) -> None:
    read = store.load()
    assert seed_data.version == read.version == 1
    for table in TABLES:
        pd.testing.assert_frame_equal(seed_data.frame(table), read.frame(table), obj=table.name)
    assert len(seed_data.observations) >= 80


def test_seed_data_frames_are_the_tests_own(seed_data: Dataset, seeded_reading: SeededReading) -> None:
    shared = seeded_reading.dataset
    for table in TABLES:
        assert seed_data.frame(table) is not shared.frame(table), table.name
    before = float(shared.observations.loc[0, "value"])
    seed_data.observations.loc[0, "value"] = before + 1000.0
    assert float(shared.observations.loc[0, "value"]) == before
    assert len(shared.observations) >= 80


def test_seed_data_reads_a_store_a_fixture_has_written_to(written: Store, seed_data: Dataset) -> None:
    assert seed_data.version == 2
    read = written.load()
    pd.testing.assert_frame_equal(seed_data.observations, read.observations)


def add_a_viewer(store: Store) -> None:
    accounts.add_user(store, "xem", "viewer", "mat-khau-rat-dai-2026!")


def test_a_prepared_store_is_each_tests_own_copy(prepared_stores: PreparedStores, tmp_path: Path) -> None:
    first = prepared_stores.store(f"sqlite:///{tmp_path / 'a.sqlite'}", add_a_viewer)
    assert accounts.list_users(first)["name"].tolist() == ["xem"]
    accounts.add_user(first, "them", "viewer", "mat-khau-rat-dai-2026!")
    second = prepared_stores.store(f"sqlite:///{tmp_path / 'b.sqlite'}", add_a_viewer)
    assert accounts.list_users(second)["name"].tolist() == ["xem"]
    assert second.current_version() == 1


def test_a_store_already_opened_gets_the_setup_itself(store: Store, prepared_stores: PreparedStores) -> None:
    url = str(store.engine.url)
    accounts.add_user(store, "truoc", "viewer", "mat-khau-rat-dai-2026!")
    again = prepared_stores.store(url, add_a_viewer)
    assert sorted(accounts.list_users(again)["name"]) == ["truoc", "xem"]


def test_a_setup_without_a_name_of_its_own_is_refused(
    prepared_stores: PreparedStores, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="module-level function"):
        prepared_stores.store(f"sqlite:///{tmp_path / 'c.sqlite'}", lambda s: add_a_viewer(s))
    assert not (tmp_path / "c.sqlite").exists()


def test_an_upgraded_release_is_at_head_with_the_old_files_figures(
    upgraded_releases: UpgradedReleases, store_url: str
) -> None:
    path = RELEASES["0007_target_qualifier"][0]
    upgraded_releases.copy_to("0007_target_qualifier", store_url)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0007_target_qualifier",)]
    conn.close()
    store = Store(store_url, seed=None)
    with store.engine.connect() as connection:
        assert migrate.current(connection) == migrate.head() != "0007_target_qualifier"
    before = read_before(path).figures
    assert len(before) == 3
    for version, figures in before.items():
        assert figures_of(store, version) == figures, version


def add_a_viewer_named(store: Store, name: str) -> None:
    accounts.add_user(store, name, "viewer", "mat-khau-rat-dai-2026!")


def test_a_setup_s_arguments_are_part_of_what_is_prepared(
    prepared_stores: PreparedStores, tmp_path: Path
) -> None:
    one = prepared_stores.store(f"sqlite:///{tmp_path / 'a.sqlite'}", add_a_viewer_named, "mot")
    two = prepared_stores.store(f"sqlite:///{tmp_path / 'b.sqlite'}", add_a_viewer_named, "hai")
    again = prepared_stores.store(f"sqlite:///{tmp_path / 'c.sqlite'}", add_a_viewer_named, "mot")
    assert [accounts.list_users(s)["name"].tolist() for s in (one, two, again)] == [["mot"], ["hai"], ["mot"]]
