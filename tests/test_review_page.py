"""A commune reporter sends through the grid and upload pages; an analyst reviews on the review page."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from dashboard import state
from indicators.rounds import review, workflow
from indicators.rounds.status import VIETNAM
from indicators.store import accounts
from indicators.store.database import Store
from indicators.store.round_tables import submissions
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support import sessions
from tests.support.prepared import PreparedStores
from tests.test_rounds import BINH_LU, DUE, PASSWORD, TA_LENG, upload_of

pytestmark = pytest.mark.usefixtures("fresh_caches")
APP = str(Path(__file__).resolve().parents[1] / "app.py")


def open_the_round(store: Store) -> None:
    """A 2026 round for province 12 over two indicators, a province analyst and two commune reporters."""
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(store, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    accounts.add_user(store, "taleng", "reporter", PASSWORD, area=TA_LENG)
    workflow.open_round(store, "tinh", 2026, "12", "TEA_AREA,POV_RATE", DUE)


@pytest.fixture
def opened(store_url: str, prepared_stores: PreparedStores, monkeypatch: pytest.MonkeyPatch) -> Store:
    """The seeded store after `open_the_round`: set up once a session, each test's own copy."""
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    return prepared_stores.store(store_url, open_the_round)


def page(
    at_page: str, name: str, role: str, lang: Lang = "vi", session: dict[str, object] | None = None
) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    for key, value in (session or {}).items():
        at.session_state[key] = value
    sessions.sign_in(at, name, role)
    go_to(at, at_page)
    return at.run()


def typed_grid(store: Store, area: str, figures: dict[str, str]) -> dict[str, object]:
    """The session of a grid of `area` for 2026 with `figures` typed in (code → text)."""
    key = f"{state.ENTER_GRID_WIDGET}_{area}_2026_{store.current_version()}_0"
    edits = {key: {c: {"value": v} for c, v in figures.items()}}
    return {state.ENTER_EDITS_KEY: edits, state.ENTER_YEAR_WIDGET: 2026}


def grid_for(store: Store, name: str, area: str, figures: dict[str, str], lang: Lang = "vi") -> AppTest:
    at = page("pages/enter.py", name, "reporter", lang, typed_grid(store, area, figures))
    at.number_input(key=state.ENTER_YEAR_WIDGET).set_value(2026)
    return at.run()


def sent_raw(store: Store, row_id: int) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(select(submissions.c.figures).where(submissions.c.row_id == row_id)).scalar())


def infos(at: AppTest) -> str:
    return " ".join(str(x.value) for x in [*at.info, *at.success, *at.warning, *at.error])


def test_a_reporter_types_their_communes_figures_and_sends_them_for_review(opened: Store) -> None:
    version = opened.current_version()
    at = page(
        "pages/enter.py", "taleng", "reporter", "vi", typed_grid(opened, TA_LENG, {"TEA_AREA": "430,25"})
    )
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key=state.ENTER_AREA_WIDGET).options == [f"Xã Tả Lèng ({TA_LENG})"]
    assert t("upload.commit", "vi") not in [b.label for b in at.button]
    at.button(key=f"{state.ENTER_FLASH_KEY}_send").click().run()
    assert not at.exception, [e.value for e in at.exception]
    [sent] = workflow.sendings(opened, 1).itertuples()
    assert (sent.area, sent.state, sent.submitted_by) == (TA_LENG, "pending", "taleng")
    assert workflow.sent_figures(sent_raw(opened, sent.row_id))["value"].tolist() == [430.25]
    assert opened.current_version() == version  # nothing in a version until approved
    said = infos(at)
    assert t("rounds.sent_for_review", "vi").split("{")[0] in said
    assert "cán bộ chuyên môn của Tỉnh Lai Châu" in said
    # The page now says the sending waits, and for whom.
    assert (
        t("rounds.standing_pending", "vi").format(
            id=sent.row_id,
            year=2026,
            at=sent.submitted_at.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M"),
            who="cán bộ chuyên môn của Tỉnh Lai Châu",
        )
        in said
    )


def test_a_returned_sending_shows_its_reasons_overall_and_per_figure_and_can_be_sent_again(
    opened: Store,
) -> None:
    workflow.submit(
        opened, "binhlu", upload_of(opened.load(), {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 8.0}})
    )
    review.review(
        opened, "tinh", BINH_LU, 2026, "return", note="Thiếu nguồn số liệu", reasons={"POV_RATE": "Tỷ lệ sai"}
    )
    at = grid_for(opened, "binhlu", BINH_LU, {"POV_RATE": "7,5"}, "en")
    assert not at.exception, [e.value for e in at.exception]
    [warning] = at.warning
    assert "was returned by an analyst of" in warning.value and "Reason: Thiếu nguồn số liệu" in warning.value
    reasons = at.dataframe[0].value
    assert reasons.to_dict("records") == [{"Code": "POV_RATE", "Reason": "Tỷ lệ sai"}]
    at.button(key=f"{state.ENTER_FLASH_KEY}_send").click().run()
    assert workflow.sendings(opened, 1)["state"].tolist() == ["returned", "pending"]


def review_page(lang: Lang = "vi", name: str = "tinh", role: str = "analyst") -> AppTest:
    return page("pages/review.py", name, role, lang)


def test_an_analyst_sees_the_sent_figures_beside_the_ones_in_use_and_approves(opened: Store) -> None:
    data = opened.load()
    before = data.observations.query("code == 'TEA_AREA' and area == @BINH_LU and year == 2026")
    assert before.empty  # the commune has no 2026 tea figure in use yet
    workflow.submit(opened, "binhlu", upload_of(data, {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 8.0}}))
    version = opened.current_version()
    at = review_page("en")
    assert not at.exception, [e.value for e in at.exception]
    table = at.dataframe[0].value.set_index("code")
    assert table.loc["TEA_AREA", "sent"] == "950" and table.loc["TEA_AREA", "current"] == "—"
    assert table.loc["POV_RATE", "sent"] == "8"
    at.button(key="review_approve_1").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert workflow.sendings(opened, 1)["state"].tolist() == ["approved"]
    assert opened.current_version() == version + 1
    figures = opened.load().observations.query("area == @BINH_LU and year == 2026").set_index("code")
    assert figures.loc["TEA_AREA", "value"] == 950.0
    assert t("rounds.approved", "en").format(id=1, version=version + 1) in infos(at)
    assert t("rounds.review_none", "en") in infos(at)


def test_an_analyst_returns_with_a_reason_and_a_return_without_one_is_refused(opened: Store) -> None:
    workflow.submit(opened, "taleng", upload_of(opened.load(), {TA_LENG: {"TEA_AREA": 430.25}}))
    at = review_page("vi")
    at.button(key="review_return_1").click().run()
    assert t("rounds.reason_needed", "vi") in infos(at)
    assert workflow.sendings(opened, 1)["state"].tolist() == ["pending"]
    at.text_area(key="review_note_1").input("Số liệu chè chưa khớp thống kê").run()
    at.button(key="review_return_1").click().run()
    sent = workflow.sendings(opened, 1)
    assert sent["state"].tolist() == ["returned"]
    assert sent["note"].tolist() == ["Số liệu chè chưa khớp thống kê"]


def test_a_reporter_never_reaches_the_review_page(opened: Store) -> None:
    workflow.submit(opened, "taleng", upload_of(opened.load(), {TA_LENG: {"TEA_AREA": 430.25}}))
    at = review_page("vi", "taleng", "reporter")
    assert not at.exception
    assert [x.value for x in at.title] == [t("page.signin", "vi")]
    assert not [b for b in at.button if b.key == "review_approve_1"]
    assert workflow.sendings(opened, 1)["state"].tolist() == ["pending"]


def test_an_unlock_on_the_review_page_needs_a_reason_and_is_recorded(opened: Store) -> None:
    workflow.submit(opened, "taleng", upload_of(opened.load(), {TA_LENG: {"TEA_AREA": 430.25}}))
    review.review(opened, "tinh", TA_LENG, 2026, "approve")
    at = review_page("en")
    at.multiselect(key="unlock_pick").select(0).run()
    at.button(key="unlock_go").click().run()
    assert t("rounds.reason_needed", "en") in infos(at)
    at.text_input(key="unlock_reason").input("Cục Thống kê sửa số liệu").run()
    at.button(key="unlock_go").click().run()
    assert not at.exception, [e.value for e in at.exception]
    history = review.lock_history(opened)
    assert history["action"].tolist() == ["lock", "unlock"]
    assert history["reason"].iloc[-1] == "Cục Thống kê sửa số liệu" and history["account"].iloc[-1] == "tinh"
    assert t("rounds.unlocked", "en").format(n=1) in infos(at)


def test_an_empty_review_page_says_no_round_is_open_and_links_to_opening_one(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    at = page("pages/review.py", "tinh", "analyst")
    assert not at.exception, [e.value for e in at.exception]
    assert t("rounds.page_none", "vi") in infos(at) + " ".join(str(m.value) for m in at.markdown)
    links = [el.proto.page for el in at.get("page_link")]
    assert links == ["rounds_open"]
