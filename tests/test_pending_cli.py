"""`compare` and `progress` read approved figures; `--include-pending` adds the pending ones, marked."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from indicators.__main__ import main
from indicators.rounds import workflow
from indicators.store import accounts
from indicators.store.database import Store
from tests.support.prepared import PreparedStores
from tests.test_rounds import BINH_LU, DUE, PASSWORD, upload_of


@pytest.fixture
def waiting(store_url: str, prepared_stores: PreparedStores, monkeypatch: pytest.MonkeyPatch) -> Store:
    """The seeded store after `send_two`: set up once a session, each test's own copy."""
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    return prepared_stores.store(store_url, send_two)


def send_two(store: Store) -> None:
    """Two pending sendings: Bình Lư's 2026 tea area, the former district's 2023 poverty rate."""
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(store, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    accounts.add_user(store, "huyen", "reporter", PASSWORD, area="106")
    workflow.open_round(store, "tinh", 2026, "12", "TEA_AREA", DUE)
    workflow.open_round(store, "tinh", 2023, "12", "POV_RATE", DUE)
    workflow.submit(store, "binhlu", upload_of(store.load(), {BINH_LU: {"TEA_AREA": 950.0}}))
    workflow.submit(store, "huyen", upload_of(store.load(), {"106": {"POV_RATE": 5.0}}, 2023))


def csv_of(capsys: pytest.CaptureFixture[str], *args: str) -> pd.DataFrame:
    assert main([*args, "--format", "csv"]) == 0
    return pd.read_csv(io.StringIO(capsys.readouterr().out), dtype={"code": str, "area": str})


@pytest.mark.slow
def test_compare_shows_a_pending_figure_only_when_asked_and_marks_it(
    waiting: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("compare", "TEA_AREA", "--year", "2026", "--parent", "12")
    approved = csv_of(capsys, *args).set_index("code")
    assert "pending" not in approved and pd.isna(approved.loc[BINH_LU, "value"])
    shown = csv_of(capsys, *args, "--include-pending").set_index("code")
    assert shown.loc[BINH_LU, "value"] == 950.0 and bool(shown.loc[BINH_LU, "pending"])
    assert bool(shown.loc["12", "pending"])  # the province's total holds the pending figure
    assert shown.loc["12", "value"] == 950.0 and shown.loc["12", "reported"] == 1
    assert int(shown["pending"].sum()) == 2
    assert main([*args]) == 0
    assert "(chưa" not in capsys.readouterr().out
    assert main([*args, "--include-pending"]) == 0
    assert capsys.readouterr().out.count("(chưa") == 2  # Bình Lư's row and the province's


def test_progress_reads_a_pending_latest_figure_only_when_asked_and_marks_it(
    waiting: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    approved = csv_of(capsys, "progress").set_index(["code", "area"])
    assert "pending" not in approved
    assert pd.isna(approved.loc[("POV_RATE", "106"), "latest_year"])
    shown = csv_of(capsys, "progress", "--include-pending").set_index(["code", "area"])
    assert shown.loc[("POV_RATE", "106"), "latest_year"] == 2023
    assert shown.loc[("POV_RATE", "106"), "latest_value"] == 5.0
    assert int(shown["pending"].sum()) == 1
    assert main(["progress", "--lang", "en"]) == 0
    assert "(not" not in capsys.readouterr().out
    assert main(["progress", "--include-pending", "--lang", "en"]) == 0
    assert capsys.readouterr().out.count("(not") == 1  # the name cell wraps the mark's words
