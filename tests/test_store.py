"""The versioned store: seeding, new versions, reading old ones, rollback, a second store."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import create_engine, text

from indicators.core import attainment
from indicators.core.model import AGGREGATION, TABLES, Dataset
from indicators.store import reading
from indicators.store.database import Store, StoreError, StoreMovedError
from indicators.store.seed import SEED_WORKBOOK, load_source
from tests.support import prepared


def _with_value(data: Dataset, code: str, year: int, value: float) -> Dataset:
    obs = data.observations.copy()
    mask = (obs["code"] == code) & (obs["year"] == year) & (obs["kind"] == "estimate")
    assert mask.sum() == 1
    obs.loc[mask, "value"] = value
    frames = {name: getattr(data, name) for name in data.counts()}
    return Dataset.from_frames({**frames, "observations": obs})


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(list(frame.columns[:4])).reset_index(drop=True)


def _value(data: Dataset, code: str, year: int) -> float:
    obs = data.observations
    return float(
        obs[(obs["code"] == code) & (obs["year"] == year) & (obs["kind"] == "estimate")]["value"].iloc[0]
    )


@pytest.fixture
def store(backend_url: str, seeded_file: Path) -> Store:
    """The shipped data in a fresh store, on SQLite and on PostgreSQL.

    On SQLite, a copy of the session's seeded file (conftest.py): migrating and seeding again for each
    test repeated the same work; the first use itself is tested from an empty store below.
    """
    return prepared.seeded_store(backend_url, seeded_file)


@pytest.fixture
def first_use(backend_url: str) -> Store:
    """An empty store on either backend, seeded by its first `ensure`."""
    return Store(backend_url).ensure()


@pytest.mark.slow
def test_first_use_seeds_version_one_from_the_shipped_workbook(first_use: Store) -> None:
    store = first_use
    assert store.current_version() == 1
    history = store.versions()
    assert history["version"].tolist() == [1]
    first = history.iloc[0]
    assert (first["account"], first["action"], first["file_name"]) == (
        "system",
        "seed",
        "tam_duong_2015_2025.xlsx",
    )
    # The history names the workbook people download, built from the transcription the store reads.
    assert first["sha256"] == hashlib.sha256(SEED_WORKBOOK.read_bytes()).hexdigest()
    counts = json.loads(first["counts"])
    assert counts == {**load_source().counts(), "added": sum(load_source().counts().values()), "removed": 0}
    data = store.load()
    assert data.version == 1
    for name, frame in load_source().counts().items():
        assert len(getattr(data, name)) == frame
    pd.testing.assert_frame_equal(_sorted(data.observations), _sorted(load_source().observations))
    pd.testing.assert_frame_equal(_sorted(data.targets), _sorted(load_source().targets))


def test_a_change_is_a_new_version_and_the_old_one_stays_readable(store: Store) -> None:
    before = store.load()
    result = store.commit(
        _with_value(before, "GTSX", 2020, 2600.0), account="ana", file_name="f.xlsx", note="sửa"
    )
    assert (result.version, result.added, result.removed) == (2, 1, 1)
    assert _value(store.load(), "GTSX", 2020) == 2600.0
    assert _value(store.load(1), "GTSX", 2020) == 2503.3
    row = store.versions().iloc[-1]
    assert (row["account"], row["file_name"], row["note"], row["action"]) == (
        "ana",
        "f.xlsx",
        "sửa",
        "import",
    )
    # Attainment follows the new figure: 2600 against the derived 2120 target.
    gtsx = attainment.compute(store.load()).query("code == 'GTSX' and year == 2020")
    assert gtsx["attainment_pct"].iloc[0] == pytest.approx(2600 / 2120 * 100, abs=0.01)


def _qualifiers(data: Dataset) -> dict[str, str]:
    targets = data.targets[(data.targets["year"] == 2025) & (data.targets["qualifier"] != "")]
    return dict(zip(targets["code"], targets["qualifier"], strict=True))


def test_a_target_qualifier_is_stored_and_read_back_by_version(store: Store) -> None:
    seeded = store.load()
    # The seed's qualifiers are the report's words, read back from the store as they went in.
    assert _qualifiers(seeded) == {
        "INCOME_PC": "tren",
        "TOURISTS": "tren",
        "JOBS": "tren",
        "PARTY_ORGS_GOOD": "tren",
        "STUNTING": "duoi",
    }
    targets = seeded.targets.copy()
    targets.loc[(targets["code"] == "STUNTING") & (targets["year"] == 2025), "qualifier"] = ""
    targets.loc[(targets["code"] == "TOURISM_REV") & (targets["year"] == 2025), "qualifier"] = "khoang"
    result = store.commit(Dataset.from_frames({**_frames(seeded), "targets": targets}), account="ana")
    assert (result.version, result.added, result.removed) == (2, 2, 2)
    changed = _qualifiers(store.load())
    assert changed.pop("TOURISM_REV") == "khoang" and "STUNTING" not in changed
    assert _qualifiers(store.load(1))["STUNTING"] == "duoi"
    rows = attainment.compute(store.load(1), area="106").query("code == 'INCOME_PC' and year == 2025")
    assert rows["target_qualifier"].tolist() == ["tren"]


def _frames(data: Dataset) -> dict[str, pd.DataFrame]:
    return {name: getattr(data, name) for name in data.counts()}


def test_unchanged_data_writes_no_version(store: Store) -> None:
    result = store.commit(store.load(), account="ana")
    assert not result.changed
    assert store.current_version() == 1


@pytest.mark.slow
def test_rollback_is_a_new_version_and_deletes_nothing(store: Store) -> None:
    store.commit(_with_value(store.load(), "GTSX", 2020, 2600.0), account="ana")
    result = store.rollback(1, account="lead")
    assert result.version == 3
    assert _value(store.load(), "GTSX", 2020) == 2503.3
    assert _value(store.load(2), "GTSX", 2020) == 2600.0  # the rolled-back version is kept
    last = store.versions().iloc[-1]
    assert (last["action"], last["restored_from"]) == ("rollback", 1)
    pd.testing.assert_frame_equal(store.load(3).observations, store.load(1).observations)


def test_rows_are_never_overwritten_in_place(store: Store) -> None:
    store.commit(_with_value(store.load(), "GTSX", 2020, 2600.0), account="ana")
    engine = create_engine(store.url)
    with engine.connect() as conn:
        values = conn.execute(
            text(
                "SELECT value, since_version, until_version FROM data_observations "
                "WHERE code='GTSX' AND year=2020 AND kind='estimate' ORDER BY row_id"
            )
        ).all()
    assert values == [(2503.3, 1, 2), (2600.0, 2, None)]


def test_a_version_read_in_slices_is_the_version_read_whole(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.commit(_with_value(store.load(), "GTSX", 2020, 2600.0), account="ana")
    whole = [store.load(1), store.load(2)]  # each table in one slice
    # Slices of 7 rows: every table of more than 7 rows is read in several, one of them in none.
    monkeypatch.setattr(reading, "READ_ROWS", 7)
    sliced = [store.load(1), store.load(2)]
    assert len(whole[0].observations) > 7 * 10
    for before, after in zip(whole, sliced, strict=True):
        for table in TABLES:
            pd.testing.assert_frame_equal(after.frame(table), before.frame(table))
    assert (_value(sliced[0], "GTSX", 2020), _value(sliced[1], "GTSX", 2020)) == (2503.3, 2600.0)
    # The shipped data have no TongHop rows: an empty table comes back empty, with its columns.
    assert sliced[1].aggregation_rules.empty
    assert list(sliced[1].aggregation_rules.columns) == list(AGGREGATION.columns)


def test_unknown_version_is_a_clear_error(store: Store) -> None:
    with pytest.raises(StoreError, match="Không có phiên bản 9"):
        store.load(9)


def test_two_stores_by_url_are_independent(store: Store, tmp_path: Path) -> None:
    other = Store(f"sqlite:///{tmp_path / 'other.sqlite'}").ensure()
    store.commit(_with_value(store.load(), "GTSX", 2020, 1.0), account="ana")
    assert store.current_version() == 2
    assert other.current_version() == 1
    assert _value(other.load(), "GTSX", 2020) == 2503.3


def test_default_url_follows_the_environment(backend_url: str) -> None:
    assert Store().url == backend_url


def test_empty_store_without_seed(backend_url: str) -> None:
    empty = Store(backend_url, seed=None).ensure()
    assert empty.current_version() == 0
    assert empty.load().counts() == {name: 0 for name in Dataset.empty().counts()}


def test_sqlite_store_uses_wal(store_url: str) -> None:
    sqlite = Store(store_url).ensure()
    with sqlite.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_unreachable_store_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="Không mở được kho dữ liệu"):
        Store(f"sqlite:///{blocker / 'sub' / 'x.sqlite'}").ensure()


def test_a_commit_against_a_stale_preview_is_refused(store: Store) -> None:
    seen = store.current_version()
    store.commit(_with_value(store.load(), "GTSX", 2020, 2600.0), account="other")
    with pytest.raises(StoreMovedError, match="đã có phiên bản mới \\(2\\)"):
        store.commit(_with_value(store.load(1), "GTSX", 2020, 1.0), account="ana", expected_version=seen)
    assert store.current_version() == 2
    assert _value(store.load(), "GTSX", 2020) == 2600.0
    again = store.commit(_with_value(store.load(), "GTSX", 2020, 1.0), account="ana", expected_version=2)
    assert again.version == 3
