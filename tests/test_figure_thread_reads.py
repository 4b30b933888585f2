"""The indicator page reads a figure's values by version once per data version; its locks on every run."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import insert
from streamlit.testing.v1 import AppTest

from indicators.rounds import figure_history, review
from indicators.rounds.threads import Figure
from indicators.store import accounts
from indicators.store.database import Store
from indicators.store.round_tables import figure_locks
from tests.test_pages import run

pytestmark = pytest.mark.usefixtures("fresh_caches")


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Figure]:
    """Every read of a figure's values from the store, in order."""
    seen: list[Figure] = []
    original = figure_history.recorded

    def counted(store: Store, figure: Figure) -> Any:
        seen.append(figure)
        return original(store, figure)

    monkeypatch.setattr(figure_history, "recorded", counted)
    return seen


def chosen(at: AppTest) -> Figure:
    return Figure(
        str(at.selectbox(key="indicator").value),
        str(at.selectbox(key="detail_area").value),
        int(str(at.selectbox(key="detail_thread_year").value)),
        str(at.selectbox(key="detail_thread_kind").value),
    )


def history(at: AppTest) -> pd.DataFrame:
    return next(f.value for f in at.table if "Phiên bản" in f.value.columns)


def test_the_values_are_read_once_per_version_and_a_new_version_reads_them_again(
    store: Store, reads: list[Figure]
) -> None:
    at = run("pages/detail.py", "vi")
    figure = chosen(at)
    at.run()
    at.run()
    assert reads == [figure]
    assert history(at)["Phiên bản"].tolist() == ["1"]
    # A corrected value is a new version: its run reads the values afresh and shows both.
    data = store.load()
    rows = data.observations
    mine = (
        (rows["code"] == figure.code)
        & (rows["area"] == figure.area)
        & (rows["year"] == figure.year)
        & (rows["kind"] == figure.kind)
    )
    assert int(mine.sum()) == 1
    data.observations.loc[mine, "value"] = float(rows.loc[mine, "value"].iloc[0]) + 1
    written = store.commit(data, account="test", note="sửa một số")
    at.run()
    assert reads == [figure, figure]
    shown = history(at)
    assert shown["Phiên bản"].tolist() == ["1", str(written.version)]
    assert shown["Sự kiện"].tolist() == ["giá trị", "giá trị"]


def test_a_lock_and_its_unlock_show_on_the_next_run_without_a_new_version(
    store: Store, reads: list[Figure]
) -> None:
    accounts.add_user(store, "tinh", "analyst", "mat-khau-rat-dai-2026!")
    at = run("pages/detail.py", "vi")
    figure = chosen(at)
    assert history(at)["Sự kiện"].tolist() == ["giá trị"]
    # A lock as an approval writes it, then an unlock, which writes no data version.
    with store.engine.begin() as conn:
        conn.execute(
            insert(figure_locks).values(
                **figure.where(), action="lock", account="tinh", at=datetime.now(UTC), reason=""
            )
        )
    review.unlock(store, "tinh", pd.DataFrame([figure.where()]), "xã báo sai")
    at.run()
    assert history(at)["Sự kiện"].tolist() == ["giá trị", "khóa sau khi duyệt", "mở khóa"]
    assert reads == [figure]
