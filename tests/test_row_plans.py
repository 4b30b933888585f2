"""A commit's plan per table: hashes as stores have always held them, rows only where a table changed."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select

from indicators.core.model import TABLES, Dataset
from indicators.store.database import ROW_TABLES, Store
from indicators.store.row_plans import plan_rows, row_hashes


def test_hashes_are_the_sixteen_hex_digits_stores_already_hold(seed_data: Dataset) -> None:
    for model in TABLES:
        frame = seed_data.frame(model)
        written = [f"{h:016x}" for h in pd.util.hash_pandas_object(frame, index=False).to_numpy()]
        assert row_hashes(frame).tolist() == written, model.name
    assert row_hashes(seed_data.observations.iloc[:0]).tolist() == []


def test_the_store_holds_the_hashes_of_its_rows(store: Store, seed_data: Dataset) -> None:
    table = ROW_TABLES["observations"]
    with store.engine.connect() as conn:
        held = set(conn.execute(select(table.c.row_hash).where(table.c.until_version.is_(None))).scalars())
    assert held == set(row_hashes(seed_data.observations))


def test_only_a_changed_table_plans_rows(store: Store, seed_data: Dataset) -> None:
    obs = seed_data.observations.copy()
    obs.loc[obs.index[3], "value"] = 987.25
    changed = Dataset.from_frames({**{t.name: seed_data.frame(t) for t in TABLES}, "observations": obs})
    with store.engine.connect() as conn:
        plans, added, removed = plan_rows(conn, changed, ROW_TABLES)
    assert (added, removed) == (1, 1)
    rows, hashes, gone = plans["observations"]
    assert rows["value"].tolist() == [987.25]
    assert hashes.tolist() == row_hashes(obs.iloc[[3]]).tolist()
    assert len(gone) == 1
    for model in TABLES:
        if model.name != "observations":
            rows, hashes, gone = plans[model.name]
            assert (len(rows), len(hashes), gone) == (0, 0, [])
            assert list(rows.columns) == list(seed_data.frame(model).columns)


def test_committing_the_change_writes_one_row_and_reads_back_equal(store: Store, seed_data: Dataset) -> None:
    obs = seed_data.observations.copy()
    obs.loc[obs.index[3], "value"] = 987.25
    changed = Dataset.from_frames({**{t.name: seed_data.frame(t) for t in TABLES}, "observations": obs})
    result = store.commit(changed, account="quantri")
    assert (result.version, result.added, result.removed) == (2, 1, 1)
    assert store.commit(changed, account="quantri").version is None
    table = ROW_TABLES["observations"]
    with store.engine.connect() as conn:
        written = conn.execute(select(func.count()).where(table.c.since_version == 2)).scalar_one()
    assert written == 1
    back = store.load()
    for model in TABLES:
        pd.testing.assert_frame_equal(back.frame(model), changed.frame(model), obj=model.name)
