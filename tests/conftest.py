"""Shared fixtures: a fresh store per test, filled from the shipped workbook."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indicators.model import Dataset
from indicators.store import ENV_URL, Store

PROJECT = Path(__file__).resolve().parents[1]
REPORT = PROJECT.parent / "shared" / "seed" / "000_f607b51a38945324.txt"


@pytest.fixture
def store_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An empty SQLite store in a temporary folder, also exported as $INDICATORS_DB."""
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    monkeypatch.setenv(ENV_URL, url)
    yield url


@pytest.fixture
def store(store_url: str) -> Store:
    """A store filled from the shipped workbook (version 1)."""
    return Store(store_url).ensure()


@pytest.fixture
def seed_data(store: Store) -> Dataset:
    """The shipped data as read back from the store."""
    return store.load()
