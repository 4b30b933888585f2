"""The page "Đọc số liệu từ báo cáo": paste or upload, review the rows, commit them as a version."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import state
from indicators.core.model import Dataset
from indicators.rounds import workflow
from indicators.store import accounts
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.test_pages_data import page

pytestmark = pytest.mark.usefixtures("fresh_caches")

ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "Năm 2023 tổng giá trị sản xuất ước đạt 3.120,5 tỷ đồng, đạt 101,2% kế hoạch.\n\n"
    "Năm 2023 tổng diện tích chè 1.985 ha, trong đó chè kinh doanh 1.410 ha.\n\n"
    "Toàn huyện có 42 trường học."
)


def paste(at: AppTest, text: str, lang: Lang = "vi") -> AppTest:
    at = at.radio(key=state.EXTRACT_SOURCE_WIDGET).set_value("paste").run()
    at.text_area(key=f"{state.EXTRACT_PASTE_WIDGET}_0").input(text)
    return at.button(key=f"FormSubmitter:{state.EXTRACT_PASTE_FORM}-{t('extract.read', lang)}").click().run()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_asks_for_a_document_in_both_languages(store: Store, lang: Lang) -> None:
    at = page("extract.py", lang)
    assert not at.exception
    assert at.title[0].value == t("extract.page", lang)
    assert at.radio(key=state.EXTRACT_SOURCE_WIDGET).options == [
        t("extract.source_file", lang),
        t("extract.source_paste", lang),
    ]


def test_pasted_figures_are_reviewed_and_committed_with_their_sentences(store: Store) -> None:
    at = paste(page("extract.py"), TEXT)
    assert not at.exception
    table = at.dataframe[0].value
    assert table["value"].tolist() == [3120.5, 1985.0, 1410.0, 42.0]
    assert table["marked"].iloc[0] == (
        "Năm 2023 tổng giá trị sản xuất ước đạt «3.120,5 tỷ đồng», đạt 101,2% kế hoạch."
    )
    # Words in the cells, not codes: the indicator with its name, the kind as people say it.
    assert table["indicator"].tolist()[:3] == [
        "GTSX · Tổng giá trị sản xuất",
        "TEA_AREA · Tổng diện tích chè",
        "TEA_COMMERCIAL · Diện tích chè kinh doanh",
    ]
    assert table["kind"].tolist()[:3] == ["Ước thực hiện", "Thực hiện", "Thực hiện"]
    # The schools' sentence names no year: proposed, but not ticked.
    assert table["accept"].tolist() == [True, True, True, False]
    assert at.caption[0].value.startswith("Tìm thấy 4 số liệu; 3 dòng được chọn sẵn")
    at = at.button(key=state.EXTRACT_COMMIT_WIDGET).click().run()
    assert not at.exception
    assert store.current_version() == 2
    version = store.versions().iloc[-1]
    assert version["file_name"] == t("extract.pasted_name", "vi")
    assert version["sha256"] == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    obs = store.load().observations
    gtsx = obs[(obs.code == "GTSX") & (obs.year == 2023)].iloc[0]
    assert (gtsx.value, gtsx.kind, gtsx.area) == (3120.5, "estimate", "106")
    assert gtsx.quote == "Năm 2023 tổng giá trị sản xuất ước đạt 3.120,5 tỷ đồng, đạt 101,2% kế hoạch."
    assert not ((obs.code == "SCHOOLS") & (obs.value == 42.0)).any()


def test_reject_all_leaves_nothing_to_save_and_accept_all_ticks_every_row(store: Store) -> None:
    at = paste(page("extract.py"), TEXT)
    at = at.button(key=state.EXTRACT_REJECT_ALL).click().run()
    assert at.dataframe[0].value["accept"].tolist() == [False] * 4
    assert [i.value for i in at.info] == [t("extract.nothing_ticked", "vi")]
    at = at.button(key=state.EXTRACT_ACCEPT_ALL).click().run()
    assert at.dataframe[0].value["accept"].tolist() == [True] * 4
    # The schools' row has no year: said, and left out of what would be saved.
    assert [w.value for w in at.warning] == [t("extract.left_out", "vi").format(n="1")]
    assert store.current_version() == 1


def test_a_scanned_pdf_is_a_sentence_and_changes_nothing(store: Store) -> None:
    document = pypdfium2.PdfDocument.new()
    document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    at = page("extract.py", "en")
    at.file_uploader(key=f"{state.EXTRACT_FILE_WIDGET}_0").set_value(
        ("scan.pdf", buffer.getvalue(), "application/pdf")
    )
    at = at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("extract.scanned", "en")]
    assert store.current_version() == 1


def test_the_page_is_in_the_navigation_for_analysts(store: Store) -> None:
    from bench.dashboard import go_to
    from tests.support import sessions

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state[state.LANG_KEY] = "en"
    sessions.sign_in(at, "lan", "analyst")
    go_to(at, "pages/extract.py")
    at.run()
    assert not at.exception
    assert [x.value for x in at.title] == [t("extract.page", "en")]


def test_an_empty_store_gets_a_sentence(store: Store) -> None:
    store.commit(Dataset.empty(), account="test", note="empty")
    at = page("extract.py")
    assert not at.exception
    assert [i.value for i in at.info] == [t("empty.store", "vi")]


def test_a_commune_reporter_sends_the_rows_for_review_and_no_version_is_written(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    accounts.add_user(store, "tinh", "analyst", "mat-khau-rat-dai-2026!", area="12")
    accounts.add_user(store, "binhlu", "reporter", "mat-khau-rat-dai-2026!", area="03390")
    workflow.open_round(store, "tinh", 2026, "12", "TEA_AREA,TEA_COMMERCIAL", date(2026, 12, 14))
    text = "Năm 2026 tổng diện tích chè toàn xã 412,6 ha, trong đó chè kinh doanh 365 ha."
    at = paste(page("extract.py", "en", account="binhlu", role="reporter"), text, "en")
    assert not at.exception
    # The reporter's own commune is the only area a row may be given.
    assert at.selectbox(key=state.EXTRACT_AREA_WIDGET).options == ["Xã Bình Lư (03390)"]
    assert [i.value for i in at.info] == [t("extract.send_intro", "en")]
    at = at.button(key=state.EXTRACT_COMMIT_WIDGET).click().run()
    assert not at.exception
    assert store.current_version() == 1  # nothing committed
    assert [s.value for s in at.success] == [t("extract.sent", "en").format(n="2", id=1)]
    sent = workflow.pending_figures(store)
    assert sent[["code", "area", "year", "value"]].values.tolist() == [
        ["TEA_AREA", "03390", 2026, 412.6],
        ["TEA_COMMERCIAL", "03390", 2026, 365.0],
    ]
    assert workflow.sendings(store, 1)["sha256"].tolist() == [hashlib.sha256(text.encode()).hexdigest()]


def test_the_page_is_in_a_commune_reporters_navigation(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.dashboard import go_to
    from tests.support import sessions

    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    accounts.add_user(store, "binhlu", "reporter", "mat-khau-rat-dai-2026!", area="03390")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state[state.LANG_KEY] = "en"
    sessions.sign_in(at, "binhlu", "reporter")
    go_to(at, "pages/extract.py")
    at.run()
    assert not at.exception
    assert [x.value for x in at.title] == [t("extract.page", "en")]


def test_a_stated_goal_is_offered_apart_and_saved_as_a_target_only_when_ticked(store: Store) -> None:
    text = (
        "Năm 2023 tổng diện tích chè 1.985 ha.\n\n"
        "Phấn đấu đến năm 2025 tổng diện tích chè toàn huyện đạt 2.400 ha.\n\n"
        "Năm 2023 thu ngân sách trên địa bàn đạt 52 tỷ đồng, đạt 105% kế hoạch."
    )
    at = paste(page("extract.py", "en"), text, "en")
    assert not at.exception
    assert at.subheader[0].value == t("extract.goals_title", "en")
    goals_table = at.dataframe[1].value
    assert goals_table.values.tolist() == [
        [
            "TEA_AREA · Total tea area",
            "2025",
            "at least",
            "2,400",
            "Phấn đấu đến năm 2025 tổng diện tích chè toàn huyện đạt 2.400 ha.",
        ]
    ]
    key = f"{state.EXTRACT_GOALS_WIDGET}_{hashlib.sha256(text.encode()).hexdigest()[:12]}"
    at = at.checkbox(key=key).check().run()
    assert not at.error, [e.value for e in at.error] + [str(x.value) for x in at.dataframe]
    at = at.button(key=state.EXTRACT_COMMIT_WIDGET).click().run()
    assert not at.exception
    assert store.current_version() == 2
    targets = store.load().targets
    goal = targets[(targets.code == "TEA_AREA") & (targets.year == 2025)]
    assert goal[["target_kind", "comparator", "value", "derived"]].values.tolist() == [
        ["MT", "at_least", 2400.0, False]
    ]
    # The plan's 105% gives no target: none is worked back from a printed %.
    assert targets[(targets.code == "BUDGET_REV") & (targets.year == 2023)].empty
