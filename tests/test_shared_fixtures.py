"""The shared fixtures give each test the data it would have read itself, and its own copy of it."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from indicators.core.model import TABLES, Dataset
from indicators.store.database import Store
from tests.conftest import SeededReading


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
