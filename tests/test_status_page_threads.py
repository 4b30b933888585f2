"""The status page's reminder letter downloads and its list of figures marked "cần xem lại"."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard import reminder
from indicators.rounds import review, threads, workflow
from indicators.rounds.threads import Figure
from indicators.store.database import Store
from tests.test_reporting_status_page import BINH_LU, round_under_way, shown

pytestmark = pytest.mark.usefixtures("fresh_caches")
__all__ = ["round_under_way"]


def test_the_status_page_offers_the_letter_and_lists_flagged_figures(round_under_way: Store) -> None:
    threads.post(round_under_way, "tinh", Figure("TEA_AREA", BINH_LU, 2026, "actual"), "flag", "lệch 20%")
    # A flag outside the province's communes is not this round's business.
    threads.post(round_under_way, "tinh", Figure("TEA_AREA", "12", 2026, "actual"), "flag", "")
    at = shown("vi")
    assert not at.exception, [e.value for e in at.exception]
    buttons = {b.proto.label: b.proto for b in at.get("download_button")}
    assert "Công văn đôn đốc (DOCX) · 36" in buttons and "Công văn đôn đốc (PDF) · 36" in buttons
    assert not buttons["Công văn đôn đốc (DOCX) · 36"].disabled
    flagged = next(f.value for f in at.table if "Số liệu" in f.value.columns)
    assert flagged.values.tolist() == [["Tổng diện tích chè", "Xã Bình Lư", "2026", "Thực hiện"]]


def test_the_letter_behind_the_button_is_a_word_file(round_under_way: Store) -> None:
    found = workflow.find_round(round_under_way, 2026, "12")
    frame = review.round_status(round_under_way, 2026, "12", date(2026, 12, 20))
    body = reminder._letter(found, frame, round_under_way.load(), date(2026, 12, 20), "en", "docx")
    assert body[:2] == b"PK" and len(body) > 10_000


def test_the_status_from_areas_held_is_the_status_read_whole(round_under_way: Store) -> None:
    """The page passes its cached areas instead of a second full read of the store: the same frame."""
    today = date(2026, 12, 20)
    held = round_under_way.load().areas
    given = review.round_status(round_under_way, 2026, "12", today, areas=held)
    pd.testing.assert_frame_equal(given, review.round_status(round_under_way, 2026, "12", today))
    assert given["state"].value_counts().to_dict() == {"not_sent": 36, "approved": 1, "pending": 1}
