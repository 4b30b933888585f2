"""A version reached from an older one by its changed rows is the same dataset as a full read of it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import event, select

from indicators.core.model import OBSERVATIONS, TABLES, Dataset
from indicators.excel import diff, entry
from indicators.store import incremental
from indicators.store.database import ROW_TABLES, Store
from tests.test_migrations import FIXTURE, release_0_on_postgresql


def same(got: Dataset, full: Dataset) -> None:
    """Every table equal, frame by frame (values, dtypes, order, index), and the version."""
    assert got.version == full.version
    for model in TABLES:
        pd.testing.assert_frame_equal(got.frame(model), full.frame(model), obj=model.name)


def imported(data: Dataset) -> Dataset:
    """An import's changes: one figure changed, one removed, a commune's new year added, a new indicator."""
    obs = data.observations.copy()
    obs.loc[obs.index[0], "value"] = 123.5
    obs = obs.drop(index=obs.index[5])
    year = obs[obs["year"] == 2020].head(40).assign(year=2026, area="03390")
    indicators = data.indicators.copy()
    extra = indicators.iloc[[0]].assign(code="AAA_NEW", name_vi="Chỉ tiêu mới")
    frames = {t.name: data.frame(t) for t in TABLES}
    return Dataset.from_frames(
        {**frames, "observations": pd.concat([obs, year]), "indicators": pd.concat([indicators, extra])}
    )


def grid_entry(store: Store) -> int:
    """Figures typed in the browser grid for the former district in 2020, committed as the page does."""
    current = store.load()
    before = entry.grid(current, "106", 2020)
    after = before.copy()
    after.loc[after["value"] != "", "value"] = "7,5"
    typed = entry.sheet(before, after, "106", 2020, current)
    upload = entry.check(typed, current)
    assert upload.errors == []
    result = store.commit(
        diff.merge(current, upload), "canbo", typed.file_name, expected_version=current.version
    )
    assert result.version is not None and result.added > 0
    return result.version


@pytest.mark.slow
def test_imports_grid_entries_and_rollbacks_on_each_backend(
    backend_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(backend_url).ensure()
    held = incremental.read(store, 1)
    same(held.data, store.load(1))

    # An import: the advance reads the rows it added, and nothing else.
    read_rows: list[int] = []
    real_read = incremental._read

    def counted(*args: object) -> tuple[pd.DataFrame, np.ndarray]:
        frame, ids = real_read(*args)  # type: ignore[arg-type]
        read_rows.append(len(frame))
        return frame, ids

    monkeypatch.setattr(incremental, "_read", counted)
    result = store.commit(imported(store.load()), "canbo", "cap-nhat.xlsx")
    assert (result.version, result.removed) == (2, 2)  # the changed figure's old row, the removed one
    held = incremental.advance(store, held, 2)
    assert sum(read_rows) == result.added == 42
    # Back to version 1: the two rows version 2 ended, and nothing else.
    read_rows.clear()
    same(incremental.advance(store, held, 1).data, store.load(1))
    assert sum(read_rows) == result.removed == 2
    monkeypatch.setattr(incremental, "_read", real_read)
    same(held.data, store.load(2))
    assert held.data.observations["year"].max() == 2026

    # Figures typed in the grid, then a rollback to the shipped data: each reached in turn.
    v3 = grid_entry(store)
    held = incremental.advance(store, held, v3)
    same(held.data, store.load(v3))
    assert (held.data.observations.loc[held.data.observations["area"] == "106"]["year"] == 2020).any()
    v4 = store.rollback(1, "quantri").version
    assert v4 == 4
    held = incremental.advance(store, held, 4)
    same(held.data, store.load(4))
    shipped = store.load(1)
    for model in TABLES:  # the rollback restored the shipped figures, row for row
        pd.testing.assert_frame_equal(held.data.frame(model), shipped.frame(model), obj=model.name)

    # Several versions at once, forward and back: going back undoes the same rows.
    same(incremental.advance(store, incremental.read(store, 1), 4).data, store.load(4))
    for older in (3, 2, 1):
        same(incremental.advance(store, held, older).data, store.load(older))
    same(incremental.advance(store, incremental.advance(store, held, 2), 3).data, store.load(3))


@pytest.mark.slow
def test_a_store_an_earlier_release_wrote_after_its_upgrade(backend_url: str, tmp_path: Path) -> None:
    # The previous release's store (seed, import, rollback), upgraded by its first start.
    if backend_url.startswith("sqlite"):
        shutil.copyfile(FIXTURE, tmp_path / "store.sqlite")
    else:
        release_0_on_postgresql(backend_url)
    store = Store(backend_url, seed=None).ensure()
    # The upgrade itself wrote version 4: the former units' figures under their official codes.
    assert store.current_version() == 4
    held = incremental.read(store, 1)
    for v in (2, 3, 4):
        held = incremental.advance(store, held, v)
        same(held.data, store.load(v))
    # A version written after the upgrade, reached from one the previous release wrote.
    assert store.commit(imported(store.load()), "canbo").version == 5
    same(incremental.advance(store, incremental.read(store, 3), 5).data, store.load(5))


def test_the_follower_keeps_the_newest_version_and_reaches_back_to_an_older_one(store: Store) -> None:
    follower = incremental.Follower(store)
    assert follower.newest is None
    first = follower.dataset(1)
    same(first, store.load(1))
    store.commit(imported(store.load()), "canbo")
    same(follower.dataset(2), store.load(2))
    # Tables the import left alone are the very frames of version 1: no second copy in memory.
    assert follower.dataset(2).targets is first.targets and follower.dataset(2).areas is first.areas
    assert follower.dataset(2).observations is not first.observations
    assert follower.newest == 2
    # The history page's older version, or a run pinned before a commit: the newest one stays held.
    same(follower.dataset(1), store.load(1))
    assert follower.newest == 2
    assert follower.dataset(2) is follower.dataset(2)


@pytest.mark.parametrize(
    ("rows", "gone", "came", "expected"),
    [
        # A changed figure: its old row goes, the new one takes its place in key order.
        ([("A", 1), ("B", 2), ("C", 3)], [2], [("B", 20)], [("A", 1), ("B", 20), ("C", 3)]),
        # New keys before the first row, between rows and after the last one.
        (
            [("B", 1), ("D", 2)],
            [],
            [("A", 5), ("C", 6), ("E", 7)],
            [("A", 5), ("B", 1), ("C", 6), ("D", 2), ("E", 7)],
        ),
        # Removals only; everything removed and replaced; an empty table filled.
        ([("A", 1), ("B", 2)], [1], [], [("B", 2)]),
        ([("A", 1), ("B", 2)], [1, 2], [("C", 3)], [("C", 3)]),
        ([], [], [("A", 1)], [("A", 1)]),
    ],
)
def test_apply_puts_rows_in_key_order(
    rows: list[tuple[str, int]], gone: list[int], came: list[tuple[str, int]], expected: list[tuple[str, int]]
) -> None:
    def frame(pairs: list[tuple[str, int]]) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "code": [p[0] for p in pairs],
                "area": "12",
                "year": 2020,
                "kind": "actual",
                "value": [float(p[1]) for p in pairs],
            }
        )

    ids = np.arange(1, len(rows) + 1, dtype=np.int64)
    came_ids = np.arange(100, 100 + len(came), dtype=np.int64)
    typed = Dataset.from_frames({"observations": frame(rows)}).observations
    new = Dataset.from_frames({"observations": frame(came)}).observations
    out, out_ids = incremental.apply(OBSERVATIONS, typed, ids, np.array(gone, dtype=np.int64), new, came_ids)
    assert list(zip(out["code"], out["value"], strict=True)) == [(c, float(v)) for c, v in expected]
    assert list(out.index) == list(range(len(expected)))
    # Each row keeps its own id: the next advance removes rows by them.
    by_value = {float(v): i for (_, v), i in zip(rows, ids, strict=True)} | {
        float(v): i for (_, v), i in zip(came, came_ids, strict=True)
    }
    assert list(out_ids) == [by_value[v] for v in out["value"]]


def test_sources_are_the_versions_whose_rows_live_on(backend_url: str) -> None:
    # What a chart's source line names, by index look-ups per version: the same as a scan of every row.
    store = Store(backend_url).ensure()
    store.commit(imported(store.load()), "canbo", "cap-nhat.xlsx")
    grid_entry(store)
    store.rollback(2, "quantri")
    # The rollback writes the grid's replaced rows anew: version 4 names itself beside 1 and 2.
    expected = {1: [1], 2: [1, 2], 3: [1, 2, 3], 4: [1, 2, 4]}
    with store.engine.connect() as conn:
        for v in expected:
            scanned: set[int] = set()
            for table in ROW_TABLES.values():
                live = (table.c.since_version <= v) & (
                    table.c.until_version.is_(None) | (table.c.until_version > v)
                )
                scanned |= {
                    int(x) for (x,) in conn.execute(select(table.c.since_version).where(live).distinct())
                }
            assert sorted(scanned) == expected[v]
    assert {v: store.sources(v)["version"].tolist() for v in expected} == expected
    assert store.sources()["version"].tolist() == [1, 2, 4]


def test_sources_look_up_each_version_by_the_index_on_postgresql(backend_url: str) -> None:
    """A version of 40 rows at the end of an analysed table is found without reading the rows before it.

    PostgreSQL plans a comparison with a column by the column's few distinct values, as if every row
    matched; each version is then looked up as a number of its own, by the since_version index.
    """
    if backend_url.startswith("sqlite"):
        pytest.skip("the plan is PostgreSQL's: SQLite reads the index either way")
    from bench.areas import build, load_fast
    from bench.follow import commit_commune

    load_fast(backend_url, build(provinces=["12"]))  # 41,800 figures of Lai Châu's communes, version 1
    version = commit_commune(backend_url, "03390", 1.01)
    store = Store(backend_url, seed=None).ensure()
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    statements: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, sql: str, params: Any, *_: Any) -> None:
        statements.append((sql, params))

    event.listen(store.engine, "before_cursor_execute", listen)
    assert store.sources(version)["version"].tolist() == [1, version]
    event.remove(store.engine, "before_cursor_execute", listen)
    removed = 0
    with store.engine.connect() as conn:
        for sql, params in statements:
            plan = conn.exec_driver_sql(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params).scalar_one()
            removed += _rows_removed(plan[0]["Plan"])
    assert removed < 1_000  # the 40 rows version 2 held; a scan of the table read 41,800


def _rows_removed(node: dict[str, Any]) -> int:
    """The rows a plan node and those under it read and threw away (each loop counted)."""
    own = int(node.get("Rows Removed by Filter", 0)) * int(node.get("Actual Loops", 1))
    return own + sum(_rows_removed(child) for child in node.get("Plans", []))
