"""A figure's approved half-year values in its "Trao đổi và lịch sử": apart, named by their half-year."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators.rounds import figure_history, review, workflow
from indicators.store.database import Store
from tests.support.sessions import sign_in
from tests.test_pages import APP, go_to, joined
from tests.test_rounds import BINH_LU, cheap_hashes, people, upload_of

__all__ = ["cheap_hashes", "people"]  # fixtures, used by name

pytestmark = pytest.mark.usefixtures("fresh_caches")


def approved_half(store: Store, value: float) -> None:
    """Bình Lư's tea area: 2025's year approved, then the first half of 2026 (no year's value for 2026)."""
    workflow.open_round(store, "tinh", 2025, "12", "TEA_AREA", date(2025, 12, 14))
    upload = upload_of(store.load(), {BINH_LU: {"TEA_AREA": 900.0}}, year=2025)
    workflow.submit(store, "binhlu", upload)
    review.review(store, "tinh", BINH_LU, 2025, "approve")
    workflow.open_round(store, "tinh", 2026, "12", "TEA_AREA", date(2026, 6, 14), half=1)
    workflow.submit(store, "binhlu", upload_of(store.load(), {BINH_LU: {"TEA_AREA": value}}), half=1)
    review.review(store, "tinh", BINH_LU, 2026, "approve", half=1)


def opened(lang: str, who: tuple[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if who is not None:
        sign_in(at, *who)
    at.session_state["lang"] = lang
    go_to(at, "pages/detail.py")
    at.run()
    at.selectbox(key="indicator").set_value("TEA_AREA").run()
    at.selectbox(key="detail_area").set_value(BINH_LU).run()
    return at


def table(at: AppTest, column: str) -> pd.DataFrame:
    return next(f.value for f in at.table if column in f.value.columns)


def test_the_half_year_value_is_shown_apart_and_named_by_its_half(people: Store) -> None:
    approved_half(people, 950.5)
    assert figure_history.half_years_in(people, "TEA_AREA", BINH_LU)["half"].tolist() == [1]
    at = opened("vi", ("tinh", "analyst"))
    assert at.selectbox(key="detail_thread_year").value == 2026
    assert at.selectbox(key="detail_thread_kind").value == "actual"
    text = joined(at)
    assert "Chưa có số liệu cả năm 2026 của số liệu này; dưới đây là số liệu 6 tháng." in text
    assert "Số liệu 6 tháng (không phải số liệu cả năm)" in text
    halves = table(at, "Kỳ")
    assert halves["Kỳ"].tolist() == ["6 tháng đầu năm 2026"]
    assert halves["Giá trị"].tolist() == ["950,5 ha"]
    assert halves["Người duyệt"].tolist() == ["tinh"]
    # Never said as the year's value: the history of the year's values has no row for it.
    assert not any("Phiên bản" in f.value.columns for f in at.table)


def test_a_viewer_reads_the_half_year_in_english_without_the_approvers_name(people: Store) -> None:
    approved_half(people, 950.5)
    at = opened("en")
    halves = table(at, "Period")
    assert halves["Period"].tolist() == ["the first half of 2026"]
    assert halves["Value"].tolist() == ["950.5 ha"]
    assert "Approved by" not in halves.columns
    assert "tinh" not in joined(at)


def test_a_year_with_its_own_values_keeps_them_and_shows_no_half_years(people: Store) -> None:
    approved_half(people, 950.5)
    at = opened("vi", ("tinh", "analyst"))
    at.selectbox(key="detail_thread_year").set_value(2025).run()
    history = table(at, "Phiên bản")
    assert history["Giá trị"].tolist()[0] == "900 ha"
    assert "Số liệu 6 tháng" not in joined(at)
    assert not any("Kỳ" in f.value.columns for f in at.table)
