"""The pages' expensive downloads go through the gate: limits, a full queue, the waiting place, vi and en."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import auth, downloads
from indicators.core.model import Dataset
from indicators.jobs import gate
from indicators.report import render as report_render
from indicators.report.narrative import EMPTY, Narrative
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import Message, msg, t

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def page(name: str, lang: Lang) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.switch_page(f"pages/{name}.py")
    return at.run()


@pytest.fixture
def quick_reports(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """Reports made in no time (the gate is what is tested here); the list of those made."""
    made: list[tuple[str, str, str, tuple[str, ...]]] = []

    def fake(
        data: Dataset,
        area: str,
        period: str,
        lang: Lang,
        kind: str,
        compare: Sequence[str] = (),
        narrative: Narrative = EMPTY,
    ) -> bytes:
        made.append((area, period, kind, tuple(compare)))
        return f"{area} {period} {lang} {kind}".encode()

    monkeypatch.setattr(report_render, "report_bytes", fake)
    return made


def offered(at: AppTest) -> set[str]:
    return {d.proto.label for d in at.get("download_button")}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_session_over_its_allowance_is_told_when_to_try_again(
    store: Store,
    fresh_caches: None,
    quick_reports: list,
    monkeypatch: pytest.MonkeyPatch,
    lang: Lang,
) -> None:
    monkeypatch.setenv("INDICATORS_BUILD_PER_SESSION", "1")
    at = page("overview", lang)
    at.button(key="overview_report_make_docx").click().run()
    assert not at.exception and not at.warning
    assert offered(at) == {t("report.download", lang).format(fmt="Word")}
    at.button(key="overview_report_make_pdf").click().run()
    assert not at.exception
    (warning,) = at.warning
    assert warning.value == msg("gate.session", wait=gate.wait_words(600)).text(lang)
    assert warning.value.endswith("10 phút." if lang == "vi" else "10 minutes.")
    # The refusal made nothing, and the Word file already made is still offered.
    assert quick_reports == [("106", "2015-2020", "docx", ())]
    assert offered(at) == {t("report.download", lang).format(fmt="Word")}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_new_tabs_from_one_address_share_its_allowance(
    store: Store,
    fresh_caches: None,
    quick_reports: list,
    monkeypatch: pytest.MonkeyPatch,
    lang: Lang,
) -> None:
    monkeypatch.setenv("INDICATORS_BUILD_PER_ADDRESS", "1")
    monkeypatch.setattr(auth, "client_address", lambda: "203.0.113.9")
    page("overview", lang).button(key="overview_report_make_docx").click().run()
    fresh_tab = page("overview", lang)  # a new session, so a new session allowance, but the same address
    fresh_tab.button(key="overview_report_make_pdf").click().run()
    assert not fresh_tab.exception
    (warning,) = fresh_tab.warning
    assert warning.value == msg("gate.address", wait=gate.wait_words(600)).text(lang)
    assert quick_reports == [("106", "2015-2020", "docx", ())]


def test_the_same_report_for_another_session_is_not_made_again(
    store: Store, fresh_caches: None, quick_reports: list
) -> None:
    first = page("overview", "vi")
    first.button(key="overview_report_make_docx").click().run()
    second = page("overview", "vi")
    # The second reader is offered the file at once, with no button to make it and no work.
    assert "overview_report_make_docx" not in {b.key for b in second.button}
    assert offered(second) == {t("report.download", "vi").format(fmt="Word")}
    assert quick_reports == [("106", "2015-2020", "docx", ())]


def test_each_comparison_report_is_made_once_and_its_codes_make_it_distinct(
    communes: Store, fresh_caches: None, quick_reports: list
) -> None:
    def compare_page() -> AppTest:
        at = page("compare", "vi")
        return at.selectbox(key="compare_code").set_value("TEA_AREA").run()

    first = compare_page()
    first.button(key="compare_report_make_docx").click().run()
    assert not first.exception
    assert quick_reports == [("12", "2026", "docx", ("TEA_AREA",))]
    # Another reader of the same comparison is offered the file made for the first.
    second = compare_page()
    assert "compare_report_make_docx" not in {b.key for b in second.button}
    # Every indicator with unit figures is another report: made once more, then kept too.
    second.radio(key="compare_report_scope").set_value("all").run()
    second.button(key="compare_report_make_docx").click().run()
    assert not second.exception
    assert len(quick_reports) == 2 and quick_reports[1][3][0] == "TEA_AREA" and len(quick_reports[1][3]) == 4
    assert downloads.door().gate.builds == 2


def hold(g: gate.Gate, key: str) -> threading.Event:
    """A build that holds one of the gate's slots until the returned event is set."""
    release, started = threading.Event(), threading.Event()

    def work() -> bytes:
        started.set()
        release.wait(30)
        return b"held"

    g.submit(key, work)
    assert started.wait(10)
    return release


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_full_queue_is_a_sentence_not_a_wait_without_end(
    store: Store, fresh_caches: None, quick_reports: list, monkeypatch: pytest.MonkeyPatch, lang: Lang
) -> None:
    monkeypatch.setenv("INDICATORS_BUILD_SLOTS", "1")
    monkeypatch.setenv("INDICATORS_BUILD_QUEUE", "1")
    at = page("year", lang)
    g = downloads.door().gate
    release = hold(g, "another reader's report")
    g.submit("a third reader's report", lambda: b"queued")
    try:
        at.button(key="year_report_make_pdf").click().run()
        assert not at.exception
        (warning,) = at.warning
        assert warning.value == t("gate.busy", lang).format(wait=gate.wait_words(20).text(lang))
        assert quick_reports == [] and offered(at) == {t("download.excel", lang)}  # the table's own
    finally:
        release.set()


def test_a_waiting_reader_hears_their_place_then_gets_the_file(
    store: Store, fresh_caches: None, quick_reports: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BUILD_SLOTS", "1")
    heard: list[int] = []
    spoken = gate.waiting

    def listening(place: int) -> Message:
        heard.append(place)
        return spoken(place)

    monkeypatch.setattr(gate, "waiting", listening)
    at = page("year", "en")
    g = downloads.door().gate
    release = hold(g, "another reader's report")

    def let_go() -> None:
        # Let the held build finish once the page's request is seen waiting behind it.
        deadline = time.monotonic() + 30
        while not heard and time.monotonic() < deadline:
            time.sleep(0.05)
        release.set()

    threading.Thread(target=let_go, daemon=True).start()
    at.button(key="year_report_make_docx").click().run()
    assert not at.exception and not at.warning
    assert heard[0] == 1  # "yours is the next request"
    assert t("report.download", "en").format(fmt="Word") in offered(at)
    # The sentence goes once the file is there.
    assert t("gate.next", "en") not in [i.value for i in at.info]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_large_table_is_made_on_request_through_the_gate(
    store: Store, fresh_caches: None, monkeypatch: pytest.MonkeyPatch, lang: Lang
) -> None:
    monkeypatch.setattr(downloads, "LARGE_TABLE_CELLS", 10)  # the year's table is then large
    at = page("year", lang)
    assert not at.exception
    keys = {b.key for b in at.button}
    assert "year_table_xlsx_make" in keys
    assert "year_table_xlsx" not in {d.key for d in at.get("download_button")}
    assert any(c.value.startswith(t("download.excel_large", lang).split("(")[0]) for c in at.caption)
    at.button(key="year_table_xlsx_make").click().run()
    assert not at.exception and not at.warning
    (made,) = [k for k in downloads.door().gate.kept() if isinstance(k, tuple) and k[0] == "xlsx"]
    book = openpyxl.load_workbook(io.BytesIO(downloads.door().gate.ready(made) or b""))
    header = [c.value for c in next(book.worksheets[0].iter_rows(max_row=1))]
    assert header[0] == t("col.indicator", lang)
    # Each header once: two English columns both called "Figure" could not be written at all.
    assert len(set(header)) == len(header) == 22
    assert book.worksheets[0].max_row > 10
    assert t("download.excel", lang) in offered(at)
    # Another reader of the same table gets the kept file: no second build.
    builds = downloads.door().gate.builds
    other = page("year", lang)
    assert t("download.excel", lang) in offered(other) and "year_table_xlsx_make" not in {
        b.key for b in other.button
    }
    assert downloads.door().gate.builds == builds
