"""Viewers see approved figures unless they switch the pending ones on; then each is marked "chưa duyệt"."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from dashboard import downloads
from dashboard.domain_pages import DOMAIN_NAV
from indicators.excel import writer as xlsx_writer
from indicators.rounds import pending_view, review, workflow
from indicators.store import accounts
from indicators.store.database import Store
from indicators.text import tables
from indicators.text.fmt import Lang
from tests.support.prepared import PreparedStores
from tests.test_compare_page import table_rows
from tests.test_pending_report import send_for_review
from tests.test_rounds import BINH_LU, DUE, PASSWORD, upload_of

pytestmark = pytest.mark.usefixtures("fresh_caches")

APP = str(Path(__file__).resolve().parents[1] / "app.py")
SWITCH = "show_pending_switch"


@pytest.fixture
def waiting(store_url: str, prepared_stores: PreparedStores) -> Store:
    """Bình Lư's 2026 tea area approved at 950 ha, and a sending of 990 ha waiting for review.

    The same setup as the pending report's, prepared once a session for both; each test's own copy.
    """
    return prepared_stores.store(store_url, send_for_review)


def open_page(page: str, switch: bool, lang: str = "vi") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["lang"] = lang
    at.session_state["area_chosen"] = BINH_LU
    at.switch_page(page)
    at.run()
    if switch:
        at.toggle(key=SWITCH).set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def page_words(at: AppTest) -> str:
    """Every word the page draws in Markdown, captions and tables, and its charts' texts and hovers."""
    parts = [str(m.value) for m in [*at.markdown, *at.caption]]
    parts += [tb.value.to_string() for tb in at.table]
    parts += [c.proto.spec for c in at.get("plotly_chart")]
    return "\n".join(parts)


def chart(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


@pytest.fixture
def excel(monkeypatch: pytest.MonkeyPatch) -> dict[str, pd.DataFrame]:
    """The workbooks the page's Excel buttons would give, by name, read back."""
    written: dict[str, pd.DataFrame] = {}

    def capture(frame: pd.DataFrame, name: str, lang: Lang, key: str) -> None:
        book = xlsx_writer.frames_bytes({name: tables.headers(frame, lang)})
        written[name] = pd.read_excel(io.BytesIO(book), sheet_name=0, dtype=str, engine="openpyxl").fillna("")

    monkeypatch.setattr(downloads, "excel_download", capture)
    return written


def compare_page(switch: bool, lang: str = "vi") -> AppTest:
    at = open_page("pages/compare.py", switch, lang)
    at.selectbox(key="compare_code").set_value("TEA_AREA").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_comparison_shows_approved_figures_only_with_the_switch_off(
    waiting: Store, excel: dict[str, pd.DataFrame]
) -> None:
    at = compare_page(switch=False)
    assert at.toggle(key=SWITCH).value is False
    rows = table_rows(at)
    assert rows[2] == ["Xã Bình Lư", "950", "▲ vượt", "+50 ha"]
    assert rows[-1][:2] == ["Tỉnh Lai Châu · 4/38 xã đã báo cáo (tổng chưa đủ)", "3.190,75"]
    assert chart(at)["data"][0]["text"][1] == "950 ▲ vượt"
    words = page_words(at)
    assert "990" not in words and "chưa duyệt" not in words
    book = excel["so_sanh_TEA_AREA_2026"]
    assert "Trạng thái duyệt" not in book.columns
    assert book.set_index("Mã địa bàn").loc[BINH_LU, "Giá trị"] == "950"


def test_the_comparison_with_the_switch_on_shows_the_pending_figure_marked(
    waiting: Store, excel: dict[str, pd.DataFrame]
) -> None:
    at = compare_page(switch=True)
    captions = [c.value for c in at.caption]
    assert captions[1].startswith("Đang hiện 1 số liệu chưa duyệt, ghi “chưa duyệt”")
    rows = table_rows(at)
    # Bình Lư's pending 990 ha is shown, marked; its gap and % are from it; the others stand as approved.
    assert rows[1] == ["Xã Bản Bo", "1.200,5", "▲ vượt", "+200,5 ha"]
    assert rows[2] == ["Xã Bình Lư", "990 (chưa duyệt)", "▲ vượt", "+90 ha"]
    # The province's sum holds it (1.200,5 + 990 + 610 + 430,25) and is marked too.
    assert rows[-1][:2] == ["Tỉnh Lai Châu · 4/38 xã đã báo cáo (tổng chưa đủ)", "3.230,75 (chưa duyệt)"]
    bars = chart(at)["data"][0]
    assert bars["x"] == [1200.5, 990.0, 610.0, 430.25]
    assert bars["text"] == ["1.200,5 ▲ vượt", "990 (chưa duyệt) ▲ vượt", "610 ▲ vượt", "430,25 ✗ không đạt"]
    book = excel["so_sanh_TEA_AREA_2026"].set_index("Mã địa bàn")
    assert book.loc[BINH_LU, "Giá trị"] == "990"
    assert book.loc[BINH_LU, "Trạng thái duyệt"] == "chưa duyệt"
    assert book.loc["03424", "Trạng thái duyệt"] == "đã duyệt"
    assert book.loc["12", "Trạng thái duyệt"] == "chưa duyệt"
    assert int((book["Trạng thái duyệt"] == "chưa duyệt").sum()) == 2


def test_the_switch_is_remembered_across_pages_and_speaks_english(waiting: Store) -> None:
    at = open_page("pages/overview.py", switch=True, lang="en")
    at.switch_page("pages/compare.py").run()
    at.selectbox(key="compare_code").set_value("TEA_AREA").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.toggle(key=SWITCH).value is True
    assert at.toggle(key=SWITCH).label == "Show figures not yet approved"
    assert at.caption[1].value.startswith("Showing 1 figure not yet approved, marked")
    assert table_rows(at)[2][:2] == ["Bình Lư commune", "990 (not yet approved)"]
    # Off again: the approved figure, and the mark nowhere.
    at.toggle(key=SWITCH).set_value(False).run()
    assert table_rows(at)[2][:2] == ["Bình Lư commune", "950"]
    assert "not yet approved" not in page_words(at).replace("Show figures not yet approved", "")


def test_the_overview_card_and_chart(waiting: Store) -> None:
    off = open_page("pages/overview.py", switch=False)
    assert off.metric[0].value == "950"
    assert "chưa duyệt" not in page_words(off)
    assert chart(off)["data"][0]["text"] == ["105,56\u202f% ▲ vượt"]
    on = open_page("pages/overview.py", switch=True)
    assert on.metric[0].value == "990"
    # The card says so in words with its symbol, right under the number.
    assert ":violet-badge[◇ chưa duyệt]" in on.markdown[1].value
    # The attainment bar is the pending figure's (990 against 900: 110 %), its label marked.
    figure = chart(on)
    assert figure["data"][0]["text"] == ["110\u202f% ▲ vượt"]
    assert figure["data"][1]["text"] == ["Tổng diện tích chè (chưa duyệt)"]


def test_the_indicator_page_marks_the_figure_in_tables_chart_and_excel(
    waiting: Store, excel: dict[str, pd.DataFrame]
) -> None:
    def detail(switch: bool) -> AppTest:
        at = open_page("pages/detail.py", switch)
        at.selectbox(key="indicator").set_value("TEA_AREA").run()
        at.selectbox(key="detail_area").set_value(BINH_LU).run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    off = detail(False)
    assert off.table[0].value.iloc[0].tolist() == ["2026", "Thực hiện", "950 ha", ""]
    assert [d["name"] for d in chart(off)["data"]] == ["Thực hiện", "Chỉ tiêu"]
    assert "Trạng thái duyệt" not in excel["TEA_AREA_figures"].columns
    on = detail(True)
    assert on.table[0].value.iloc[0].tolist() == ["2026", "Thực hiện", "990 ha (chưa duyệt)", ""]
    assert on.table[2].value.iloc[0].tolist()[1:4] == ["990 ha (chưa duyệt)", "900 ha", "110"]
    line, marker, target = chart(on)["data"]
    # The figure's own label says so in words, as the tables do.
    assert line["y"] == [990.0] and line["text"] == ["990 (chưa duyệt)"]
    # Over the figure a marker of its own, named in the legend.
    assert marker["name"] == "chưa duyệt" and marker["marker"]["symbol"] == "diamond-open"
    assert marker["x"] == [2026] and marker["y"] == [990.0] and marker["mode"] == "markers"
    assert marker["customdata"] == ["Thực hiện 2026: 990 ha (chưa duyệt)"]
    assert target["name"] == "Chỉ tiêu"
    figures_book = excel["TEA_AREA_figures"]
    assert figures_book["Trạng thái duyệt"].tolist() == ["chưa duyệt"]
    assert figures_book["Giá trị (bằng chữ)"].tolist() == ["990 ha (chưa duyệt)"]
    assert excel["TEA_AREA_attainment"]["Trạng thái duyệt"].tolist() == ["chưa duyệt"]


def test_a_sending_replaced_or_approved_is_shown_as_it_now_stands(waiting: Store) -> None:
    at = compare_page(switch=True)
    assert table_rows(at)[2][1] == "990 (chưa duyệt)"
    # The commune sends again: the page shows the new figure, not the one it computed before.
    workflow.submit(waiting, "binhlu", upload_of(waiting.load(), {BINH_LU: {"TEA_AREA": 1000.0}}))
    at.run()
    assert table_rows(at)[2][1] == "1.000 (chưa duyệt)"
    # Approved: a figure like any other, unmarked, and nothing waits.
    review.review(waiting, "tinh", BINH_LU, 2026, "approve")
    at.run()
    assert table_rows(at)[2][1] == "1.000"
    assert any(c.value.startswith("Không có số liệu nào đang chờ duyệt") for c in at.caption)


def tea_row(at: AppTest) -> list[str]:
    """The cells of the tea area's row in the page's tables."""
    rows = [r for tb in at.table for r in tb.value.astype(str).to_numpy().tolist()]
    (row,) = [r for r in rows if r[0] == "Tổng diện tích chè (ha)"]
    return row


@pytest.mark.parametrize(
    ("address", "approved", "shown"),
    [
        # The tea page's results table: figure, target, % and status.
        (
            "cay-che",
            ["950", "900 (Kế hoạch)", "105,56\u202f%"],
            ["990 (chưa duyệt)", "900 (Kế hoạch)", "110\u202f%"],
        ),
        # The year review of Bình Lư's 2026: figure, then plan with % and status.
        (
            "danh-gia-nam",
            ["950", "900 ha · 105,56\u202f% · ▲ vượt"],
            ["990 (chưa duyệt)", "900 ha · 110\u202f% · ▲ vượt"],
        ),
    ],
)
def test_the_domain_and_year_pages_follow_the_switch(
    waiting: Store, address: str, approved: list[str], shown: list[str]
) -> None:
    def opened(switch: bool) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=90)
        at.session_state["lang"] = "vi"
        at.session_state["area_chosen"] = BINH_LU
        at = go_to(at, address).run()
        if switch:
            at.toggle(key=SWITCH).set_value(True).run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    off = opened(False)
    assert tea_row(off)[1 : 1 + len(approved)] == approved
    assert "990" not in page_words(off) and "chưa duyệt" not in page_words(off)
    assert tea_row(opened(True))[1 : 1 + len(shown)] == shown


def test_the_report_downloaded_with_the_switch_on_marks_the_figure(waiting: Store) -> None:
    at = open_page("pages/overview.py", switch=True)
    at.button(key="overview_report_make_docx").click().run()
    assert not at.exception, [e.value for e in at.exception]
    period = at.segmented_control(key="overview_term").value
    data = pending_view.with_pending(waiting, waiting.load())
    payload = downloads.kept_report(data, BINH_LU, str(period), "vi", "docx")
    assert payload is not None
    doc = Document(io.BytesIO(payload))
    text = "\n".join(
        [p.text for p in doc.paragraphs] + [c.text for tb in doc.tables for r in tb.rows for c in r.cells]
    )
    assert "990 ha (chưa duyệt)" in text and "950" not in text
    assert "“(chưa duyệt)”: số liệu địa bàn đã gửi nhưng chưa được duyệt" in text


def test_the_goals_page_marks_a_pending_latest_figure(store: Store) -> None:
    # The former district's 2023 poverty rate, sent and waiting; its goal's chart and table read it.
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(store, "huyen", "reporter", PASSWORD, area="106")
    workflow.open_round(store, "tinh", 2023, "12", "POV_RATE", DUE)
    workflow.submit(store, "huyen", upload_of(store.load(), {"106": {"POV_RATE": 5.0}}, 2023))

    def goals(switch: bool) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=90)
        at.session_state["lang"] = "vi"
        at.switch_page("pages/goals.py")
        at.run()
        if switch:
            at.toggle(key=SWITCH).set_value(True).run()
        (picker,) = [s for s in at.selectbox if str(s.key).startswith("goals_chart_")]
        picker.set_value("POV_RATE").run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    off = goals(False)
    assert "chưa duyệt" not in page_words(off)
    assert all(d["name"] != "chưa duyệt" for d in chart(off)["data"])
    on = goals(True)
    (marker,) = [d for d in chart(on)["data"] if d["name"] == "chưa duyệt"]
    assert marker["x"] == [2023] and marker["y"] == [5.0]
    (line,) = [d for d in chart(on)["data"] if d["name"] == "Thực hiện"]
    assert line["text"][line["x"].index(2023)] == "5 (chưa duyệt)"
    assert "5 (2023) (chưa duyệt)" in page_words(on)


VIEWER_PAGES = [
    "pages/overview.py",
    "pages/goals.py",
    "pages/year.py",
    "pages/detail.py",
    "pages/compare.py",
    "pages/commendations.py",
    *(page.url_path for page in DOMAIN_NAV),
]


@pytest.mark.parametrize("page", VIEWER_PAGES)
def test_every_viewer_page_draws_with_the_switch_on(waiting: Store, page: str) -> None:
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["lang"] = "vi"
    at.session_state["area_chosen"] = BINH_LU
    at = (at.switch_page(page) if page.endswith(".py") else go_to(at, page)).run()
    at.toggle(key=SWITCH).set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.toggle(key=SWITCH).value is True
    assert any(c.value.startswith("Đang hiện 1 số liệu chưa duyệt") for c in at.caption)
