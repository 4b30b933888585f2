"""A rollback plans from the rows that differ between the version and now: what a whole restore wrote."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import text

from indicators.core.model import OBSERVATIONS, Dataset, coerce
from indicators.store import rollback_rows
from indicators.store.database import CommitResult, Store, StoreError
from tests.support.releases import RELEASES, UpgradedReleases

DATA_TABLES = ("data_observations", "data_targets", "data_reported", "data_indicators", "data_areas")


def whole_restore(store: Store, version: int) -> CommitResult:
    """The rollback as it was: the version read whole and committed over the current rows."""
    note = f"Khôi phục phiên bản {version}"
    return store.commit(store.load(version), "lead", note=note, action="rollback", restored_from=version)


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of the data tables, with its row id and version range; and each version's counts."""
    with store.engine.connect() as conn:
        rows = {
            name: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {name} ORDER BY row_id"))]
            for name in DATA_TABLES
        }
        counts = [
            json.loads(c) for (c,) in conn.execute(text("SELECT counts FROM versions ORDER BY version"))
        ]
    return {**rows, "counts": [tuple(sorted(c.items())) for c in counts]}


def twins(store: Store, folder: Path) -> tuple[Store, Store]:
    """Two closed copies of the store's file, opened: one for each way of rolling back."""
    store.engine.dispose()
    source = Path(store.url.removeprefix("sqlite:///"))
    copies = []
    for name in ("a", "b"):
        path = folder / f"{name}.sqlite"
        shutil.copyfile(source, path)
        copies.append(Store(f"sqlite:///{path}", seed=None).ensure())
    return copies[0], copies[1]


def _history(store: Store) -> None:
    """Version 2 changes a figure and adds one, 3 removes a figure, 4 puts the first change back."""
    first = store.load()
    obs = first.observations
    changed = obs.copy()
    changed.loc[changed.index[0], "value"] = float(obs["value"].iloc[0]) + 7
    added = pd.DataFrame(
        [{"code": "TEA_AREA", "area": "03390", "year": 2026, "kind": "actual", "value": 950.0}]
    )
    second = replace(first, observations=coerce(OBSERVATIONS, pd.concat([changed, added], ignore_index=True)))
    assert store.commit(second, "ana").version == 2
    third = replace(second, observations=second.observations.iloc[1:].reset_index(drop=True))
    assert store.commit(third, "ana").version == 3
    back = pd.concat([obs.iloc[[0]], third.observations], ignore_index=True)
    assert store.commit(replace(third, observations=coerce(OBSERVATIONS, back)), "ana").version == 4


@pytest.mark.parametrize("slices", [rollback_rows.SLICES, 0], ids=["asked in slices", "read whole"])
@pytest.mark.parametrize("version", [0, 1, 2, 3, 4])
def test_a_rollback_writes_what_restoring_the_whole_version_wrote(
    store: Store, tmp_path: Path, version: int, slices: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rollback_rows, "SLICES", slices)  # how the current rows are asked about the old ones
    _history(store)
    planned, whole = twins(store, tmp_path)
    done = planned.rollback(version, "lead")
    assert done == whole_restore(whole, version)
    assert dump(planned) == dump(whole)
    if version == 4:
        assert done == CommitResult(None, 0, 0)  # the current version itself: nothing to write
    else:
        assert done.version == 5 and done.added + done.removed > 0
        pd.testing.assert_frame_equal(planned.load(5).observations, planned.load(version).observations)


def test_a_rollback_reads_no_version_whole(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _history(store)
    expected = store.load(1)
    monkeypatch.setattr(Store, "load", lambda *a, **k: pytest.fail("a version was read whole"))
    assert store.rollback(1, "lead").version == 5
    monkeypatch.undo()
    restored = store.load()
    for name in ("observations", "targets", "indicators", "areas"):
        pd.testing.assert_frame_equal(getattr(restored, name), getattr(expected, name))


def test_a_rollback_to_a_version_the_store_lacks_is_refused_and_writes_nothing(store: Store) -> None:
    with pytest.raises(StoreError, match="Không có phiên bản 9"):
        store.rollback(9, "lead")
    assert store.versions()["version"].tolist() == [1]


@pytest.mark.parametrize("name", ["release_0", "0006_narrative"])
def test_on_an_upgraded_store_a_rollback_writes_what_restoring_the_whole_version_wrote(
    name: str, tmp_path: Path, upgraded_releases: UpgradedReleases, store_url: str
) -> None:
    # Rows an old release ended keep the hashes of their day: the plan hashes them afresh.
    upgraded_releases.copy_to(name, store_url)
    store = Store(store_url, seed=None).ensure()
    data: Dataset = store.load()
    changed = data.observations.copy()
    changed.loc[changed.index[-1], "value"] = float(changed["value"].iloc[-1]) + 1
    latest = store.commit(replace(data, observations=changed), "canbo").version
    assert latest is not None and RELEASES[name]
    planned, whole = twins(store, tmp_path)
    for version in range(1, latest):
        assert planned.rollback(version, "quantri") == whole_restore(whole, version), version
    assert dump(planned) == dump(whole)
