"""The grid and review pages open a row's figure: its thread and history, as the indicator page shows."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import state
from indicators.rounds import review, threads, workflow
from indicators.rounds.threads import Figure
from indicators.store.database import Store
from tests.test_entry import save
from tests.test_pages import joined
from tests.test_review_page import page
from tests.test_rounds import BINH_LU, people, upload_of

__all__ = ["people"]  # a fixture, used by name

pytestmark = pytest.mark.usefixtures("fresh_caches")


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")


def history(at: AppTest, column: str) -> pd.DataFrame:
    return next(f.value for f in at.table if column in f.value.columns)


def test_nothing_is_read_until_a_row_is_picked(store: Store) -> None:
    at = page("pages/enter.py", "tinh", "analyst")
    assert not at.exception
    picker = at.selectbox(key="enter_thread_code")
    assert picker.value is None and any("(TEA_AREA)" in o for o in picker.options)
    assert not [s for s in at.subheader if s.value == "Trao đổi và lịch sử"]
    assert not [b for b in at.selectbox if b.key == "enter_thread_year"]


def test_a_picked_row_opens_at_the_grids_year_and_takes_a_question(store: Store) -> None:
    save(store, store.load(), "106", 2019, TEA_AREA=("2.000,5", "actual"))
    at = page("pages/enter.py", "tinh", "analyst")
    at.selectbox(key=state.ENTER_AREA_WIDGET).set_value("106")
    at.number_input(key=state.ENTER_YEAR_WIDGET).set_value(2019).run()
    at.selectbox(key="enter_thread_code").set_value("TEA_AREA").run()
    assert not at.exception
    # The grid's year, not the figure's newest (2020's estimate).
    assert at.selectbox(key="enter_thread_year").value == 2019
    assert at.selectbox(key="enter_thread_kind").value == "actual"
    assert history(at, "Phiên bản")["Giá trị"].tolist() == ["2.000,5 ha"]
    at.text_area(key="enter_thread_question").set_value("Số 2019 lấy từ báo cáo nào?")
    at.button(key="FormSubmitter:enter_thread_ask-Gửi").click().run()
    events = threads.thread(store, Figure("TEA_AREA", "106", 2019, "actual"))
    assert events[["action", "text", "account"]].values.tolist() == [
        ["question", "Số 2019 lấy từ báo cáo nào?", "tinh"]
    ]
    assert "1 câu hỏi: 0 đã trả lời, 1 chưa trả lời." in joined(at)


def test_a_year_the_figure_lacks_opens_at_its_newest_in_english(store: Store) -> None:
    at = page("pages/enter.py", "tinh", "analyst", "en")
    at.selectbox(key=state.ENTER_AREA_WIDGET).set_value("106")
    at.number_input(key=state.ENTER_YEAR_WIDGET).set_value(2026).run()
    at.selectbox(key="enter_thread_code").set_value("TEA_AREA").run()
    assert at.selectbox(key="enter_thread_year").value == 2020
    assert at.selectbox(key="enter_thread_kind").value == "estimate"
    assert "History of the figure" in joined(at)
    assert history(at, "Version")[["Event", "Version"]].values.tolist() == [["value", "1"]]


def test_the_review_page_opens_a_sent_figures_thread_and_history(people: Store) -> None:
    # 2025's tea area approved, then 2026's sent and waiting for review.
    workflow.open_round(people, "tinh", 2025, "12", "TEA_AREA", date(2025, 12, 14))
    workflow.submit(people, "binhlu", upload_of(people.load(), {BINH_LU: {"TEA_AREA": 900.0}}, year=2025))
    review.review(people, "tinh", BINH_LU, 2025, "approve")
    workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 12, 14))
    workflow.submit(people, "binhlu", upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0}}))
    at = page("pages/review.py", "tinh", "analyst")
    assert at.selectbox(key="review_thread_code").value is None
    at.selectbox(key="review_thread_code").set_value("TEA_AREA").run()
    assert not at.exception
    # The sending's year has no value in use yet: the section opens at the figure's newest year.
    assert at.selectbox(key="review_thread_year").value == 2025
    seen = history(at, "Phiên bản")
    assert seen[["Sự kiện", "Giá trị"]].values.tolist() == [["giá trị", "900 ha"], ["khóa sau khi duyệt", ""]]
    at.text_area(key="review_thread_question").set_value("Số 2026 tăng vì trồng mới?")
    at.button(key="FormSubmitter:review_thread_ask-Gửi").click().run()
    asked = threads.thread(people, Figure("TEA_AREA", BINH_LU, 2025, "actual"))
    assert asked["text"].tolist() == ["Số 2026 tăng vì trồng mới?"]
