"""The official-codes revision on a store the previous release wrote: codes mapped in every version."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from indicators.store import migrate
from indicators.store.database import Store

FIXTURE = Path(__file__).parent / "fixtures" / "store_release_0.sqlite"


@pytest.fixture
def upgraded(tmp_path: Path) -> str:
    path = tmp_path / "store.sqlite"
    shutil.copy(FIXTURE, path)
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    return url


def test_every_version_reads_back_under_the_official_codes(upgraded: str) -> None:
    store = Store(upgraded, seed=None).ensure()
    for version in (1, 2, 3):
        data = store.load(version)
        assert set(data.observations["area"]) == {"106"}
        assert set(data.targets["area"]) == {"106"}
        assert sorted(data.areas["code"]) == ["03390", "03405", "03424", "03430", "106", "12"]
        assert set(data.areas.loc[data.areas["code"] != "12", "parent"]) == {"12"}
    # Version 2 changed the production value and version 3 restored it: both still read so.
    gtsx = [
        store.load(v)
        .observations.query("code == 'GTSX' and year == 2020 and kind == 'actual'")["value"]
        .item()
        for v in (1, 3)
    ]
    assert gtsx == [2503.3, 2503.3]
    assert (
        store.load(2)
        .observations.query("code == 'GTSX' and year == 2020 and kind == 'actual'")["value"]
        .item()
        != 2503.3
    )


def test_the_official_list_is_a_new_version_and_the_old_ones_are_kept(upgraded: str) -> None:
    store = Store(upgraded, seed=None).ensure()
    versions = store.versions()
    assert versions["action"].tolist() == ["seed", "import", "rollback", "migrate"]
    latest = store.load()
    assert latest.version == 4
    assert len(latest.areas) == 153
    assert len(latest.area_links) == 106
    assert latest.observations.equals(store.load(3).observations)  # the figures are untouched
    province = latest.areas[latest.areas["code"] == "12"]
    assert province["name"].tolist() == ["Tỉnh Lai Châu"]
    # A commit of unchanged data writes nothing: the rows' hashes were recomputed over the new codes.
    assert store.commit(latest, account="test").version is None


def test_no_legacy_code_is_left_in_any_row(upgraded: str) -> None:
    legacy = "('LC', 'TD', 'BAN_BO', 'BINH_LU', 'TA_LENG', 'KHUN_HA')"
    engine = create_engine(upgraded)
    with engine.connect() as conn:
        for table, column in (
            ("data_observations", "area"),
            ("data_targets", "area"),
            ("data_reported", "area"),
            ("data_areas", "code"),
            ("data_areas", "parent"),
        ):
            found = conn.execute(
                text(f"SELECT COUNT(*) FROM {table} WHERE {column} IN {legacy}")
            ).scalar_one()
            assert found == 0, table
    engine.dispose()
