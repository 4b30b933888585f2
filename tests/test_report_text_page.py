"""The Báo cáo page: an analyst writes and saves the sections, a viewer reads them, downloads carry them."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import downloads, state, widgets
from indicators.core.model import Dataset
from indicators.report import narrative_store
from indicators.report import render as report_render
from indicators.report.narrative import EMPTY, SECTION_KEYS, Narrative, heading_key
from indicators.store.accounts import Role
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support import sessions

pytestmark = pytest.mark.usefixtures("fresh_caches")
APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "pages/report_text.py"
AREA, TERM = "106", "2015-2020"  # what the other pages open on
LEADERSHIP = (
    "Ban Thường vụ Huyện ủy ban hành 15 văn bản chỉ đạo công tác thi đua.\n\nHội đồng được kiện toàn."
)
SECTION = state.REPORT_TEXT_SECTION_WIDGET


def page(lang: Lang = "vi", name: str = "", role: str = "") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    if name:
        sessions.sign_in(at, name, role)
    at.switch_page(PAGE)
    return at.run()


def write_and_save(at: AppTest) -> AppTest:
    at.text_area(key=SECTION + "leadership").input(LEADERSHIP)
    at.text_area(key=SECTION + "lessons").input("Phải sát cơ sở.")
    at.text_input(key=state.REPORT_TEXT_NUMBER_WIDGET).input("125/BC-UBND")
    at.text_input(key=state.REPORT_TEXT_NAME_WIDGET).input("Từ Hữu Hà")
    at.text_area(key=state.REPORT_TEXT_RECIPIENTS_WIDGET).input("UBND tỉnh Lai Châu\n- Lưu: VT\n")
    return at.button(key=state.REPORT_TEXT_SAVE_BUTTON).click().run()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_analyst_writes_saves_and_the_text_is_in_the_store(store: Store, lang: Lang) -> None:
    at = page(lang, "lan", "analyst")
    assert not at.exception
    assert at.title[0].value == t("page.report_text", lang)
    # One labelled box per section, in the report's order, with its heading; then the settings.
    labels = [box.label for box in at.text_area]
    assert labels == [*(t(heading_key(k), lang) for k in SECTION_KEYS), t("narrative.recipients", lang)]
    assert all(box.value == "" for box in at.text_area)
    at = write_and_save(at)
    assert not at.exception and not at.error
    assert [s.value for s in at.success] == [t("narrative.saved", lang).format(v=2)]
    saved = narrative_store.load(store, AREA, TERM)
    assert saved == Narrative(
        sections={"leadership": LEADERSHIP, "lessons": "Phải sát cơ sở."},
        number="125/BC-UBND",
        signer_name="Từ Hữu Hà",
        recipients=("UBND tỉnh Lai Châu", "Lưu: VT"),
    )
    assert store.versions()[["version", "account", "action"]].values.tolist()[-1] == [2, "lan", "narrative"]
    # The next run reads the saved version back into the fields; saving it again changes nothing.
    assert at.text_area(key=SECTION + "leadership").value == LEADERSHIP
    assert at.text_area(key=state.REPORT_TEXT_RECIPIENTS_WIDGET).value == "UBND tỉnh Lai Châu\nLưu: VT"
    at = at.button(key=state.REPORT_TEXT_SAVE_BUTTON).click().run()
    assert [s.value for s in at.success] == [t("narrative.unchanged", lang)]
    assert store.current_version() == 2


def test_too_long_a_section_is_refused_with_a_sentence_and_the_typing_is_kept(store: Store) -> None:
    at = page("en", "lan", "analyst")
    at.text_area(key=SECTION + "causes").input("a\x00b")
    at = at.button(key=state.REPORT_TEXT_SAVE_BUTTON).click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "The field “Causes” holds an unprintable control character (perhaps pasted from another program); "
        "remove it and save again. Nothing was saved."
    ]
    assert at.text_area(key=SECTION + "causes").value == "a\x00b"
    assert store.current_version() == 1


def test_a_save_over_someone_elses_newer_text_is_refused_and_can_be_reloaded(store: Store) -> None:
    at = page("vi", "lan", "analyst")
    narrative_store.save(
        store, AREA, TERM, Narrative(sections={"tasks": "Của người khác."}), "an", Role.ADMIN
    )
    at.text_area(key=SECTION + "tasks").input("Của tôi.")
    at = at.button(key=state.REPORT_TEXT_SAVE_BUTTON).click().run()
    assert "phiên bản 2" in at.error[0].value
    assert narrative_store.load(store, AREA, TERM).sections == {"tasks": "Của người khác."}
    at = at.button(key=state.REPORT_TEXT_RELOAD_BUTTON).click().run()
    assert at.text_area(key=SECTION + "tasks").value == "Của người khác."


@pytest.mark.parametrize(("name", "role"), [("", ""), ("khach", "viewer")])
def test_a_viewer_reads_the_saved_text_and_cannot_write(store: Store, name: str, role: str) -> None:
    text = "Ưu điểm: **không in đậm** <b>x</b>"
    narrative_store.save(store, AREA, TERM, Narrative(sections={"strengths": text}), "lan", Role.ANALYST)
    at = page("vi", name, role)
    assert not at.exception
    assert not at.text_area and not at.text_input
    assert state.REPORT_TEXT_SAVE_BUTTON not in {b.key for b in at.button}
    assert at.info[0].value == t("narrative.read_only", "vi")
    assert at.subheader[0].value == t(heading_key("strengths"), "vi")
    # Shown as written: the stars and the tag are text, never formatting.
    assert widgets.md(text) == "Ưu điểm:\u2060 \\*\\*không in đậm\\*\\* \\<b\\>x\\</b\\>"
    assert widgets.md(text) in [m.value for m in at.markdown]


def test_a_viewer_of_an_area_nobody_wrote_for_gets_a_sentence(store: Store) -> None:
    at = page("en")
    assert [i.value for i in at.info][:2] == [
        t("narrative.read_only", "en"),
        t("narrative.nothing_written", "en"),
    ]


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, int, Narrative]]:
    """The reports the page asked for: area, period, data version and the narrative passed."""
    asked: list[tuple[str, str, int, Narrative]] = []

    def spy(
        data: Dataset,
        area: str,
        period: str,
        lang: Lang,
        kind: str,
        compare: Sequence[str] = (),
        narrative: Narrative = EMPTY,
    ) -> bytes:
        asked.append((area, period, data.version, narrative))
        return f"{area} {period} {kind}".encode()

    monkeypatch.setattr(report_render, "report_bytes", spy)
    return asked


def test_the_download_is_built_with_the_narrative_of_the_version_the_page_shows(
    store: Store, made: list[tuple[str, str, int, Narrative]]
) -> None:
    at = write_and_save(page("vi", "lan", "analyst"))
    at = at.button(key="report_text_report_make_docx").click().run()
    assert not at.exception and not at.error
    assert len(made) == 1
    area, period, version, narrative = made[0]
    assert (area, period, version) == (AREA, TERM, 2)
    assert narrative == narrative_store.load(store, AREA, TERM, 2)
    assert narrative.paragraphs("leadership") == [
        "Ban Thường vụ Huyện ủy ban hành 15 văn bản chỉ đạo công tác thi đua.",
        "Hội đồng được kiện toàn.",
    ]
    # The same narrative reaches every page's download: the overview's too (its Word file is the one
    # just made, kept by the gate under the same version; its PDF is made now).
    at.switch_page("pages/overview.py").run()
    at.button(key="overview_report_make_pdf").click().run()
    assert len(made) == 2 and made[-1] == (AREA, TERM, 2, narrative)


def all_text(document: Any) -> list[str]:
    """Every paragraph of a Word file, those in tables (the signature block) included."""
    cells = [p for table in document.tables for row in table.rows for c in row.cells for p in c.paragraphs]
    return [p.text for p in [*document.paragraphs, *cells]]


def test_the_word_file_the_page_makes_holds_the_offices_text(store: Store) -> None:
    write_and_save(page("vi", "lan", "analyst"))
    # The work the page's Word button hands to the gate, for the version the page showed.
    made = downloads._report_work(store.load(2), AREA, TERM, "vi", "docx", ())()
    text = all_text(docx.Document(io.BytesIO(made)))
    assert "Hội đồng được kiện toàn." in text
    assert any("125/BC-UBND" in line for line in text)
    assert "Từ Hữu Hà" in text
    assert any("UBND tỉnh Lai Châu" in line for line in text)


def test_a_year_of_the_term_has_its_own_sections_and_shares_the_areas_signer(store: Store) -> None:
    at = write_and_save(page("vi", "lan", "analyst"))
    year = at.selectbox(key=f"{state.REPORT_TEXT_YEAR_WIDGET}_{TERM}")
    assert year.options == ["Cả giai đoạn 2015–2020", *map(str, range(2015, 2021))]
    at = year.select(2020).run()
    # The year opens empty but for what is per area; it saves under "2020" and leaves the term alone.
    assert at.text_area(key=SECTION + "leadership").value == ""
    assert at.text_input(key=state.REPORT_TEXT_NAME_WIDGET).value == "Từ Hữu Hà"
    at.text_area(key=SECTION + "tasks").input("Nhiệm vụ năm 2021.")
    at = at.button(key=state.REPORT_TEXT_SAVE_BUTTON).click().run()
    assert not at.error
    assert narrative_store.load(store, AREA, "2020").sections == {"tasks": "Nhiệm vụ năm 2021."}
    assert narrative_store.load(store, AREA, TERM).paragraphs("leadership")[1] == "Hội đồng được kiện toàn."
    assert store.current_version() == 3
