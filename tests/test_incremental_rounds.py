"""A reporting round (submit, approve, return, unlock) and a migration: reached by changes, a full read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from indicators.excel import diff
from indicators.rounds import review, workflow
from indicators.store import accounts, incremental
from indicators.store.database import Store
from tests.test_incremental import same
from tests.test_migrations import FIXTURE, release_0_on_postgresql
from tests.test_rounds import BINH_LU, DUE, PASSWORD, TA_LENG, upload_of

TEA = pd.DataFrame([{"code": "TEA_AREA", "area": BINH_LU, "year": 2026, "kind": "actual"}])


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")


def reporting_loop(store: Store, held: incremental.Loaded) -> incremental.Loaded:
    """A round of 2026 for Lai Châu, step by step; after each step the held dataset is a full read.

    Returns what is held at the end, the version of the last approval.
    """
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(store, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    accounts.add_user(store, "taleng", "reporter", PASSWORD, area=TA_LENG)
    workflow.open_round(store, "tinh", 2026, "12", "TEA_AREA,POV_RATE", DUE)
    start = store.current_version()
    assert held.data.version == start

    # A submission waits for review: no version, and what is held is still the current version.
    workflow.submit(store, "binhlu", upload_of(store.load(), {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 8.0}}))
    assert store.current_version() == start
    same(incremental.advance(store, held, start).data, store.load(start))

    # The approval writes a version of the two figures: reached by them alone.
    approved = review.review(store, "tinh", BINH_LU, 2026, "approve")
    assert approved.version == start + 1
    held = incremental.advance(store, held, start + 1)
    same(held.data, store.load(start + 1))
    mine = held.data.observations[
        (held.data.observations["area"] == BINH_LU) & (held.data.observations["year"] == 2026)
    ]
    assert dict(zip(mine["code"], mine["value"], strict=True)) == {"TEA_AREA": 950.0, "POV_RATE": 8.0}

    # A return writes no version: the next advance is to the same one, and changes nothing.
    workflow.submit(store, "taleng", upload_of(store.load(), {TA_LENG: {"TEA_AREA": 430.25}}))
    assert review.review(store, "tinh", TA_LENG, 2026, "return", note="Thiếu số hộ").version is None
    assert store.current_version() == start + 1
    same(incremental.advance(store, held, start + 1).data, store.load(start + 1))

    # An unlock writes no version either; the correction it allows ends the approved row and adds one.
    assert review.unlock(store, "tinh", TEA, "Số liệu thống kê chính thức") == 1
    assert store.current_version() == start + 1
    current = store.load()
    corrected = store.commit(diff.merge(current, upload_of(current, {BINH_LU: {"TEA_AREA": 975.5}})), "tinh")
    assert (corrected.version, corrected.added, corrected.removed) == (start + 2, 1, 1)
    held = incremental.advance(store, held, start + 2)
    same(held.data, store.load(start + 2))

    # The returned commune sends again and is approved: a third version, reached from each before it.
    workflow.submit(store, "taleng", upload_of(store.load(), {TA_LENG: {"TEA_AREA": 431.0}}))
    assert review.review(store, "tinh", TA_LENG, 2026, "approve").version == start + 3
    held = incremental.advance(store, held, start + 3)
    same(held.data, store.load(start + 3))
    for older in range(start, start + 3):
        same(
            incremental.advance(store, incremental.read(store, older), start + 3).data, store.load(start + 3)
        )
        same(incremental.advance(store, held, older).data, store.load(older))
    tea = held.data.observations.query("code == 'TEA_AREA' and year == 2026").set_index("area")["value"]
    assert tea.to_dict() == {BINH_LU: 975.5, TA_LENG: 431.0}
    return held


@pytest.mark.slow
def test_a_reporting_round_on_each_backend(backend_url: str) -> None:
    store = Store(backend_url).ensure()
    held = reporting_loop(store, incremental.read(store, 1))
    assert held.data.version == 4
    # A server that follows the store: the newest version is the one the round ended on.
    follower = incremental.Follower(store)
    same(follower.dataset(4), store.load(4))


@pytest.mark.slow
def test_a_reporting_round_in_a_store_an_earlier_release_wrote(backend_url: str, tmp_path: Path) -> None:
    # The previous release's store, upgraded through every migration (the rounds' tables among them).
    if backend_url.startswith("sqlite"):
        shutil.copyfile(FIXTURE, tmp_path / "store.sqlite")
    else:
        release_0_on_postgresql(backend_url)
    store = Store(backend_url, seed=None).ensure()
    assert store.current_version() == 4  # three versions the old release wrote, one its upgrade wrote
    # Held since a version the old release wrote, the server follows the round to its end.
    held = reporting_loop(store, incremental.advance(store, incremental.read(store, 2), 4))
    assert held.data.version == 7
    for old in (1, 2, 3):
        same(incremental.advance(store, incremental.read(store, old), 7).data, store.load(7))
