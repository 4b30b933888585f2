"""Figures read from a báo cáo and confirmed by a commune reporter go as a submission, never a version."""

from __future__ import annotations

import hashlib
from datetime import date

import pandas as pd
import pytest

from indicators.core.model import Dataset
from indicators.extract import review, send
from indicators.extract.match import Catalogue
from indicators.extract.reader import read_text
from indicators.rounds import workflow
from indicators.store import accounts
from indicators.store.database import Store
from tests.support.prepared import PreparedStores

PASSWORD = "mat-khau-rat-dai-2026!"
BINH_LU, TA_LENG = "03390", "03405"
TEXT = "Năm 2026 tổng diện tích chè toàn xã 1.985 ha, trong đó chè kinh doanh 1.410 ha."
SHA = hashlib.sha256(TEXT.encode()).hexdigest()


def open_the_round(store: Store) -> None:
    """A province analyst who opens the 2026 round, and a reporter of Bình Lư."""
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(store, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    workflow.open_round(store, "tinh", 2026, "12", "TEA_AREA,TEA_COMMERCIAL", date(2026, 12, 14))


@pytest.fixture
def people(store_url: str, prepared_stores: PreparedStores, monkeypatch: pytest.MonkeyPatch) -> Store:
    """The seeded store after `open_the_round`: made once a session, each test's own copy."""
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    return prepared_stores.store(store_url, open_the_round)


def _table(store: Store, area: str = BINH_LU) -> tuple[Dataset, pd.DataFrame]:
    data = store.load()
    table, _goals = review.rows(read_text(TEXT, Catalogue(data.indicators)), area)
    return data, table


def test_a_reporters_accepted_rows_wait_as_a_submission_and_write_no_version(people: Store) -> None:
    data, table = _table(people)
    assert table[["indicator", "year", "value", "accept"]].values.tolist() == [
        ["TEA_AREA", 2026, 1985.0, True],
        ["TEA_COMMERCIAL", 2026, 1410.0, True],
    ]
    sent = send.submit(people, "binhlu", table, data, "bao_cao_xa.docx", SHA)
    assert people.current_version() == data.version  # nothing committed: the figures wait for review
    sending = workflow.sendings(people, 1)
    assert sending[["row_id", "area", "state", "submitted_by", "file_name", "sha256"]].values.tolist() == [
        [sent, BINH_LU, "pending", "binhlu", "bao_cao_xa.docx", SHA]
    ]
    figures = workflow.pending_figures(people)
    assert figures[["code", "area", "year", "kind", "value"]].values.tolist() == [
        ["TEA_AREA", BINH_LU, 2026, "actual", 1985.0],
        ["TEA_COMMERCIAL", BINH_LU, 2026, "actual", 1410.0],
    ]
    assert set(figures["quote"]) == {TEXT}  # each figure keeps its sentence as its quote


def test_rows_of_another_area_are_refused_by_name_and_nothing_is_sent(people: Store) -> None:
    data, table = _table(people)
    table.loc[1, "area"] = TA_LENG
    with pytest.raises(send.SendError) as refused:
        send.submit(people, "binhlu", table, data, "bao_cao_xa.docx", SHA)
    assert "TEA_COMMERCIAL · 03405 · 2026 (actual)" in refused.value.text("vi")
    assert "Có 1 dòng của địa bàn khác" in refused.value.text("vi")
    assert "1 rows are for another area" in refused.value.text("en")
    assert workflow.sendings(people, 1).empty
    # Unticked, the other area's row is not sent, and the rest go.
    table.loc[1, "accept"] = False
    send.submit(people, "binhlu", table, data, "bao_cao_xa.docx", SHA)
    assert workflow.pending_figures(people)["code"].tolist() == ["TEA_AREA"]


def test_a_year_with_no_open_round_is_the_rounds_sentence(people: Store) -> None:
    data, table = _table(people)
    table["year"] = 2025
    with pytest.raises(send.SendError) as refused:
        send.submit(people, "binhlu", table, data, "bao_cao_xa.docx", SHA)
    assert refused.value.text("en") == "No 2025 reporting round is open for area 03390."
    assert workflow.sendings(people, 1).empty


def test_an_analyst_is_no_reporter_and_cannot_send(people: Store) -> None:
    data, table = _table(people, area="106")
    with pytest.raises(send.SendError) as refused:
        send.submit(people, "tinh", table, data, "bao_cao.docx", SHA)
    assert "only commune reporters" in refused.value.text("en")
    assert workflow.sendings(people, 1).empty
