"""The seeded store read back once a session, and each test's own copy of its frames."""

from __future__ import annotations

from dataclasses import dataclass, replace

from indicators.core.model import TABLES, Dataset
from indicators.store.database import Store


@dataclass(frozen=True)
class SeededReading:
    """The seeded store read back once: its history (to recognise an untouched copy) and its data."""

    history: tuple[tuple[object, ...], ...]
    dataset: Dataset


def history(store: Store) -> tuple[tuple[object, ...], ...]:
    """Every version's row, as plain tuples: equal only for a store with the same history."""
    return tuple(tuple(row) for row in store.versions().itertuples(index=False))


def own_copy(dataset: Dataset) -> Dataset:
    """`dataset` with a copy of every frame, so that changing one changes no one else's."""
    return replace(dataset, **{table.name: dataset.frame(table).copy() for table in TABLES})
