"""The "Tình hình báo cáo" page: each commune's state as icon and word, lateness, totals, not-sent list."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from dashboard import state
from indicators.rounds import review, workflow
from indicators.store import accounts
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support import sessions
from tests.support.prepared import PreparedStores
from tests.test_rounds import BINH_LU, PASSWORD, TA_LENG, upload_of

pytestmark = pytest.mark.usefixtures("fresh_caches")
APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "pages/reporting_status.py"


@pytest.fixture
def round_under_way(
    store_url: str, prepared_stores: PreparedStores, monkeypatch: pytest.MonkeyPatch
) -> Store:
    """The seeded store after `run_the_round`, due five days before today (Vietnam time).

    Set up once a session for each such day, so a run that passes midnight sets it up again; each
    test gets its own copy.
    """
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    due = (datetime.now(UTC) + timedelta(hours=7)).date() - timedelta(days=5)
    return prepared_stores.store(store_url, run_the_round, due)


def run_the_round(store: Store, due: date) -> None:
    """A 2026 round for province 12: Bình Lư approved on time, Tả Lèng sent late and waiting."""
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(store, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    accounts.add_user(store, "taleng", "reporter", PASSWORD, area=TA_LENG)
    # Due five days ago, whatever day the test runs: Tả Lèng sends two days after it.
    workflow.open_round(store, "tinh", 2026, "12", "TEA_AREA,POV_RATE", due)
    data = store.load()
    on_time = datetime.combine(due - timedelta(days=1), datetime.min.time(), UTC)
    late = datetime.combine(due + timedelta(days=2), datetime.min.time(), UTC) + timedelta(hours=3)
    workflow.submit(
        store, "binhlu", upload_of(data, {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 8.0}}), on_time
    )
    workflow.submit(store, "taleng", upload_of(data, {TA_LENG: {"TEA_AREA": 430.25}}), late)
    review.review(store, "tinh", BINH_LU, 2026, "approve")


def shown(lang: Lang, name: str = "tinh", role: str = "analyst") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    sessions.sign_in(at, name, role)
    go_to(at, PAGE)
    return at.run()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_shows_each_state_as_icon_and_word_with_lateness_and_totals(
    round_under_way: Store, lang: Lang
) -> None:
    at = shown(lang)
    assert not at.exception, [e.value for e in at.exception]
    assert [x.value for x in at.title] == [t("rounds.page_title", lang)]
    table = at.dataframe[0].value.set_index(t("rounds.col.code", lang))
    state, late = t("rounds.col.state", lang), t("rounds.col.late", lang)
    assert table.loc[BINH_LU, state] == f"✓ {t('rounds.state.approved', lang)}"
    assert table.loc[TA_LENG, state] == f"◐ {t('rounds.state.pending', lang)}"
    assert table.loc[BINH_LU, late] == t("rounds.on_time", lang)
    assert table.loc[TA_LENG, late] == t("rounds.days_late", lang).format(n=2)
    assert table.loc[TA_LENG, t("rounds.col.received", lang)] == "1/2"
    assert table.loc[TA_LENG, t("rounds.col.completeness", lang)] == 50.0
    children = len(table)
    assert children == 38  # Lai Châu's communes and wards since 1 July 2025
    not_sent = table[state] == f"○ {t('rounds.state.not_sent', lang)}"
    assert int(not_sent.sum()) == children - 2
    assert (table.loc[not_sent, late] == t("rounds.days_late", lang).format(n=5)).all()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[f"✓ {t('rounds.state.approved', lang)}"] == "1"
    assert metrics[f"◐ {t('rounds.state.pending', lang)}"] == "1"
    assert metrics[f"○ {t('rounds.state.not_sent', lang)}"] == "36"
    assert metrics[t("rounds.late_areas", lang)] == "37"  # Tả Lèng and the 36 that have not sent


def test_the_not_sent_list_is_offered_for_download_with_its_count(round_under_way: Store) -> None:
    at = shown("en")
    button = at.get("download_button")[0]  # the list first; the reminder letter follows it
    assert button.proto.label == t("rounds.not_sent_download", "en").format(n=36)
    assert not button.proto.disabled


def test_a_reporter_or_viewer_gets_the_sign_in_form(round_under_way: Store) -> None:
    at = shown("vi", "binhlu", "reporter")
    assert not at.exception
    assert t("rounds.page_title", "vi") not in [x.value for x in at.title]
    assert not at.dataframe


def claimed(page: str) -> AppTest:
    """Tả Lèng's reporter on `page` with a crafted session that says analyst."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "en"
    sessions.sign_in(at, "taleng", "reporter")
    at.session_state[state.ROLE_KEY] = "analyst"  # what a forged websocket message would claim
    go_to(at, page)
    return at.run()


def test_a_session_claiming_analyst_on_the_status_page_gets_the_sign_in_form(round_under_way: Store) -> None:
    """The browser's state says analyst; the rights come from the store, and they are a reporter's."""
    at = claimed(PAGE)
    assert not at.exception
    assert [x.value for x in at.title] == [t("page.signin", "en")]
    assert not at.dataframe
    assert round_under_way.current_version() == 2  # the approval's version, nothing since


@pytest.mark.parametrize(
    ("page", "title"), [("pages/upload.py", "upload.title"), ("pages/enter.py", "page.enter")]
)
def test_a_session_claiming_analyst_on_a_sending_page_still_only_sends_for_its_area(
    round_under_way: Store, page: str, title: str
) -> None:
    """A reporter reaches the upload and grid pages, but as a reporter: their own area, no commit."""
    at = claimed(page)
    assert not at.exception, [e.value for e in at.exception]
    assert [x.value for x in at.title] == [t(title, "en")]
    assert not [r for r in at.radio if r.key == state.UPLOAD_MODE_WIDGET]  # replacing pairs is an analyst's
    assert t("upload.commit", "en") not in [b.label for b in at.button]
    if page == "pages/enter.py":
        assert [o.rsplit("(", 1)[1] for o in at.selectbox(key=state.ENTER_AREA_WIDGET).options] == [
            f"{TA_LENG})"
        ]
    assert round_under_way.current_version() == 2  # the approval's version, nothing since
