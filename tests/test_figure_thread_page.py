"""The indicator page's "Trao đổi và lịch sử": analysts write and read names, viewers read counts only."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators.rounds import threads
from indicators.rounds.threads import Figure
from indicators.store import accounts
from indicators.store.database import Store
from tests.support.sessions import sign_in
from tests.test_pages import APP, go_to, joined, run

pytestmark = pytest.mark.usefixtures("fresh_caches")


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")


def chosen(at: AppTest) -> Figure:
    return Figure(
        str(at.selectbox(key="indicator").value),
        str(at.selectbox(key="detail_area").value),
        int(str(at.selectbox(key="detail_thread_year").value)),
        str(at.selectbox(key="detail_thread_kind").value),
    )


def frames(at: AppTest) -> list[pd.DataFrame]:
    return [f.value for f in at.table]


def test_an_analyst_asks_on_the_page_and_reads_who_asked(store: Store) -> None:
    at = sign_in(AppTest.from_file(APP, default_timeout=60), "tinh", "analyst")
    at.session_state["lang"] = "vi"
    go_to(at, "pages/detail.py")
    at.run()
    figure = chosen(at)
    at.text_area(key="detail_thread_question").set_value("Số này đã có số liệu chính thức chưa?")
    at.button(key="FormSubmitter:detail_thread_ask-Gửi").click().run()
    events = threads.thread(store, figure)
    assert events[["action", "text", "account"]].values.tolist() == [
        ["question", "Số này đã có số liệu chính thức chưa?", "tinh"]
    ]
    at.button(key="detail_thread_flag").click().run()
    assert threads.flagged(threads.thread(store, figure))
    text = joined(at)
    assert "⚑ Cần xem lại" in text and "1 câu hỏi: 0 đã trả lời, 1 chưa trả lời." in text
    thread = next(f for f in frames(at) if "Nội dung" in f.columns)
    assert thread["Người viết"].tolist() == ["tinh", "tinh"]
    history = next(f for f in frames(at) if "Phiên bản" in f.columns)
    assert "Người duyệt" in history.columns and history["Phiên bản"].tolist()[-1] == "1"


def test_a_viewer_reads_counts_and_values_never_names(store: Store) -> None:
    accounts.add_user(store, "tinh", "analyst", "mat-khau-rat-dai-2026!")
    at = run("pages/detail.py", "vi")
    figure = chosen(at)
    asked = threads.post(store, "tinh", figure, "question", "Lò Văn D báo số này?")
    threads.post(store, "tinh", figure, "answer", "Đúng.", reply_to=asked)
    threads.post(store, "tinh", figure, "flag")
    at.run()
    text = joined(at)
    assert "⚑ Cần xem lại" in text and "1 câu hỏi: 1 đã trả lời, 0 chưa trả lời." in text
    assert "Lò Văn D" not in text and "tinh" not in text
    assert not at.text_area and not [b for b in at.button if b.key == "detail_thread_flag"]
    history = next(f for f in frames(at) if "Phiên bản" in f.columns)
    assert not {"Người gửi", "Người duyệt", "Lý do"} & set(history.columns)
    assert all("tinh" not in str(v) for f in frames(at) for v in f.to_numpy().ravel())
    assert history["Sự kiện"].tolist() == ["giá trị"]
