"""Reading a version: rows in pandas' key order whether or not they had to be sorted, one table alone."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import select

from indicators.core.model import AREAS, OBSERVATIONS, TABLES, Dataset
from indicators.core.model import Table as ModelTable
from indicators.store import reading
from indicators.store.database import ROW_TABLES, Store, StoreError
from tests.support.reads import record_reads

# Text that a database's collation orders otherwise than pandas (code point: "Z" < "a" < "Đ" < "đ").
WORDS = ["Bình Lư", "binh lu", "Đông", "đông", "Z", "a", "03390", "3390", "", "Á", "A"]


def _frame(rng: np.random.Generator, rows: int, gaps: bool) -> pd.DataFrame:
    code = rng.choice(np.array([*WORDS, None] if gaps else WORDS, dtype=object), rows)
    share = rng.choice([0.5, 1.0, np.nan] if gaps else [0.5, 1.0], rows)
    return pd.DataFrame(
        {
            "code": pd.Series(code, dtype=str),
            "year": rng.integers(2015, 2018, rows),
            "share": share,
            "kind": pd.Series(rng.choice(["actual", "estimate"], rows), dtype=str),
            "row": np.arange(rows),  # tells rows that share a key apart: the sort must keep their order
        }
    )


# Both ways of checking the order: row by row (a table of the shipped size), column by column (national).
BOTH_WAYS = pytest.mark.parametrize("small_rows", [reading.SMALL_ROWS, 0], ids=["row by row", "by columns"])


@BOTH_WAYS
@pytest.mark.parametrize("gaps", [False, True], ids=["no gaps", "gaps"])
@pytest.mark.parametrize("seed", range(8))
def test_canonical_order_is_pandas_stable_sort_sorted_or_not(
    seed: int, gaps: bool, small_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "SMALL_ROWS", small_rows)
    rng = np.random.default_rng(seed)
    key = ["code", "year", "share", "kind"]
    shuffled = _frame(rng, int(rng.integers(0, 60)), gaps)
    expected = shuffled.sort_values(key, kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(reading.in_canonical_order(shuffled, key), expected, check_index_type=True)
    # Rows already in order come back the same, key ties in the order they came.
    pd.testing.assert_frame_equal(reading.in_canonical_order(expected, key), expected, check_index_type=True)
    # Sorted, a key without gaps is known to be in order; the rows with gaps may be sorted again.
    assert reading.in_key_order(expected, key) or gaps


@BOTH_WAYS
@pytest.mark.parametrize(
    ("columns", "in_order"),
    [
        ({"code": ["a", "b", "b"], "year": [2020, 2019, 2021]}, True),  # the second column only breaks ties
        ({"code": ["a", "a", "b"], "year": [2020, 2019, 2021]}, False),  # a tie out of order
        ({"code": ["Z", "a", "Đ"], "year": [1, 1, 1]}, True),  # code point order, as pandas sorts
        ({"code": ["a", "Z", "Đ"], "year": [1, 1, 1]}, False),
        ({"code": ["b", "a"], "year": [1, 2]}, False),
        ({"code": ["a"], "year": [1]}, True),
        ({"code": ["a", "a"], "year": [1.0, np.nan]}, False),  # a gap: pandas puts it last, so sort
        ({"code": ["a", "a"], "year": [np.nan, 1.0]}, False),
        ({"code": pd.Series(["a", None], dtype=str), "year": [1, 2]}, False),
        ({"code": pd.Series([None, "a"], dtype=str), "year": [1, 2]}, False),
        ({"code": [None, "a"], "year": [1, 2]}, False),  # not text: sort to be sure
        ({"code": pd.Series([1, 2], dtype=object), "year": [1, 2]}, False),
    ],
)
def test_key_order_is_told_only_when_certain(
    columns: dict, in_order: bool, small_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "SMALL_ROWS", small_rows)
    assert reading.in_key_order(pd.DataFrame(columns), ["code", "year"]) is in_order


def _raw(store: Store, model: ModelTable) -> pd.DataFrame:
    """A table's live rows in the order the database gives them, unsorted."""
    table, columns = ROW_TABLES[model.name], list(model.columns)
    with store.engine.connect() as conn:
        query = select(*[table.c[c] for c in columns]).where(table.c.until_version.is_(None))
        return reading.read_rows(conn, query.order_by(table.c.row_id), columns)


def test_a_seeded_store_holds_its_rows_in_key_order(store: Store) -> None:
    # The shipped workbook lists rows in the report's order; the store writes them by key.
    assert store.seed is not None
    assert not reading.in_key_order(store.seed.load().observations, list(OBSERVATIONS.key))
    for model in TABLES:
        assert reading.in_key_order(_raw(store, model), list(model.key)), model.name


def _changed(data: Dataset) -> Dataset:
    """The shipped data with a new first figure and a changed one: rows a second version adds."""
    obs = data.observations.copy()
    obs.loc[obs.index[-1], "value"] = 1.5
    first = obs.iloc[[0]].assign(code="AAA_FIRST")
    frames = {t.name: data.frame(t) for t in TABLES}
    return Dataset.from_frames({**frames, "observations": pd.concat([obs, first], ignore_index=True)})


def test_a_later_version_is_read_back_in_key_order(store: Store) -> None:
    first = store.load()
    assert store.commit(_changed(first), account="ana").version == 2
    # The new rows sit after the old ones: read raw, the table is out of order, and it is sorted.
    assert not reading.in_key_order(_raw(store, OBSERVATIONS), list(OBSERVATIONS.key))
    second = store.load()
    assert second.observations["code"].iloc[0] == "AAA_FIRST"
    expected = _changed(first).observations.sort_values(list(OBSERVATIONS.key), kind="stable")
    pd.testing.assert_frame_equal(second.observations, expected.reset_index(drop=True))
    pd.testing.assert_frame_equal(store.load(1).observations, first.observations)


def test_one_table_is_that_table_of_the_whole_version(store: Store) -> None:
    store.commit(_changed(store.load()), account="ana")
    for version in (1, 2):
        whole = store.load(version)
        for model in TABLES:
            pd.testing.assert_frame_equal(store.load_table(model, version), whole.frame(model))
    pd.testing.assert_frame_equal(store.load_table(AREAS), store.load(2).areas)


def test_one_table_of_a_version_the_store_lacks_is_a_clear_error(store: Store) -> None:
    with pytest.raises(StoreError, match="Không có phiên bản 9"):
        store.load_table(AREAS, 9)


def test_one_table_reads_no_other(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    read = record_reads(monkeypatch)
    assert len(store.load_table(AREAS)) == len(store.load().areas)
    assert [name for name, _ in read] == ["areas", *[t.name for t in TABLES]]


def test_the_figures_of_some_areas_are_those_areas_rows_of_the_whole_version(store: Store) -> None:
    first = store.load()
    changed = _changed(first)
    commune = changed.observations.iloc[[0]].assign(area="03390", value=7.0)
    with_commune = pd.concat([changed.observations, commune], ignore_index=True)
    frames = {t.name: changed.frame(t) for t in TABLES}
    store.commit(Dataset.from_frames({**frames, "observations": with_commune}), account="ana")
    areas = {"03390", "12", "99999"}  # a commune with a figure, the province without, an unknown code
    for version, whole, held in ((1, first, 0), (2, store.load(), 1)):
        part = store.load_areas(areas, version)
        assert part.version == version
        for model in TABLES:
            expected = whole.frame(model)
            if model.name in ("observations", "targets", "reported"):
                expected = expected[expected["area"].isin(areas)].reset_index(drop=True)
            pd.testing.assert_frame_equal(part.frame(model), expected)
        assert len(part.observations) == held and len(whole.observations) > 80
    assert store.load_areas([]).observations.empty
    with pytest.raises(StoreError, match="Không có phiên bản 9"):
        store.load_areas(["12"], 9)
