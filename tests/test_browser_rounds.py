"""The reporting loop in headless Chromium: two communes send, one is returned and sends again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from indicators.areas import rollup
from indicators.excel import writer as xlsx_writer
from indicators.rounds import workflow
from indicators.store import accounts
from indicators.store.database import Store
from indicators.store.round_tables import report_rounds, submissions
from indicators.text.i18n import t
from tests.support.appserver import DRAWN_JS, serve
from tests.test_browser import SHOTS, open_page
from tests.test_browser_sign_in import OPEN, chromium, wait_for_title
from tests.test_rounds import BINH_LU, PASSWORD, TA_LENG, commune_frames

pytestmark = pytest.mark.browser
__all__ = ["chromium"]  # the fixture, used by name


def signed_in(browser: Any, url: str, path: str, name: str, title: str) -> Any:
    """A page of its own browser context (its own cookie), signed in as `name` at `path`."""
    page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    open_page(page, f"{url}/{path}")
    page.get_by_label(t("auth.name", "vi")).fill(name)
    page.get_by_label(t("auth.password", "vi"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.submit", "vi")).click()
    wait_for_title(page, title)
    return page


def said(page: Any, text: str) -> None:
    """Wait until the page shows `text` (a message after a rerun)."""
    page.get_by_text(text, exact=False).first.wait_for(timeout=60_000)
    page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)


def send_book(page: Any, store: Store, figures: dict[str, dict[str, float]], name: str) -> None:
    """Upload a workbook of these figures on the upload page and press "send for review"."""
    book = xlsx_writer.workbook_bytes(commune_frames(store.load(), figures))
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    page.locator("input[type=file]").set_input_files({"name": name, "mimeType": mime, "buffer": book})
    button = page.get_by_role("button", name=t("rounds.send", "vi"))
    button.wait_for(timeout=90_000)
    page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
    button.click()


def the_clock_moves_on(store: Store, days: int) -> None:
    """Bình Lư's sending `days` earlier, and the deadline two days ago: one on time, the next late."""
    today = (datetime.now(UTC) + timedelta(hours=7)).date()
    with store.engine.begin() as conn:
        for row_id, at in conn.execute(select(submissions.c.row_id, submissions.c.submitted_at)).all():
            earlier = update(submissions).where(submissions.c.row_id == row_id)
            conn.execute(earlier.values(submitted_at=at - timedelta(days=days)))
        conn.execute(update(report_rounds).values(due_date=(today - timedelta(days=2)).isoformat()))


def open_the_round(page: Any, year: int, codes: list[str]) -> None:
    """On the "Mở kỳ báo cáo" page: the year, the whole year, the province, these indicators; confirm."""
    year_box = page.locator(".st-key-rounds_open_year input")
    year_box.fill(str(year))
    year_box.press("Enter")
    page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
    page.locator(".st-key-rounds_open_which").get_by_text(t("rounds.open.chosen", "vi")).click()
    picker = page.locator(".st-key-rounds_open_pick input")
    picker.wait_for(timeout=60_000)
    for code in codes:
        picker.click()
        picker.fill(code)
        page.get_by_role("option").filter(has_text=f"{code} ·").first.click()
        page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
    page.keyboard.press("Escape")
    said(page, f"× {len(codes)} chỉ tiêu = ")
    page.get_by_role("button", name=t("rounds.open.confirm", "vi"), exact=True).click()
    said(page, t("rounds.open.done", "vi").split(":")[0])


def metrics(page: Any) -> dict[str, str]:
    texts = page.locator("[data-testid=stMetric]").all_inner_texts()
    return {m.split("\n")[0].strip(): m.split("\n")[-1].strip() for m in texts}


def test_two_communes_send_one_is_returned_and_sends_again_both_approved_and_the_totals_agree(
    tmp_path: Path, chromium: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    store_url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    store = Store(store_url).ensure()
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(store, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    accounts.add_user(store, "taleng", "reporter", PASSWORD, area=TA_LENG)
    monkeypatch.setenv("INDICATORS_DB", store_url)
    upload_title = t("upload.title", "vi")
    with serve(store_url, tmp_path / "server.log", OPEN) as url:
        # The province analyst opens the round on its page.
        opener = signed_in(chromium, url, "mo-ky-bao-cao", "tinh", t("rounds.open.title", "vi"))
        open_the_round(opener, 2026, ["TEA_AREA", "POV_RATE"])
        opener.screenshot(path=str(SHOTS / "rounds_open_vi.png"), full_page=True)
        opened = workflow.rounds(store)
        assert [(r.year, r.half, r.parent, set(r.indicators)) for r in opened] == [
            (2026, None, "12", {"TEA_AREA", "POV_RATE"})
        ]
        # Bình Lư sends on time.
        binhlu = signed_in(chromium, url, "cap-nhat-so-lieu", "binhlu", upload_title)
        send_book(binhlu, store, {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 8.0}}, "binh_lu.xlsx")
        said(binhlu, t("rounds.sent_for_review", "vi").split("{")[0])
        the_clock_moves_on(store, 5)
        # Tả Lèng: a row of Bình Lư is refused by name and nothing is written; then its own, late.
        taleng = signed_in(chromium, url, "cap-nhat-so-lieu", "taleng", upload_title)
        send_book(taleng, store, {TA_LENG: {"TEA_AREA": 430.25}, BINH_LU: {"TEA_AREA": 1.0}}, "sai.xlsx")
        said(taleng, t("rounds.outside_area", "vi").split(";")[0].format(name="taleng", area=TA_LENG))
        assert len(workflow.sendings(store, 1)) == 1
        taleng.reload()
        wait_for_title(taleng, upload_title)
        send_book(taleng, store, {TA_LENG: {"TEA_AREA": 430.25, "POV_RATE": 9.0}}, "ta_leng.xlsx")
        said(taleng, t("rounds.sent_for_review", "vi").split("{")[0])
        # The province analyst returns Bình Lư's with a comment and approves Tả Lèng's.
        review = signed_in(chromium, url, "duyet-bao-cao", "tinh", t("rounds.review_title", "vi"))
        review.get_by_label(t("rounds.return_note", "vi")).fill("Tỷ lệ hộ nghèo chưa khớp số hộ")
        review.get_by_role("button", name=t("rounds.return", "vi"), exact=True).click()
        said(review, t("rounds.returned", "vi").format(id=1))
        review.get_by_role("button", name=t("rounds.approve", "vi"), exact=True).click()
        said(review, t("rounds.approved", "vi").split("{")[0])
        # Bình Lư reads the reason and sends again; the analyst approves.
        binhlu.reload()
        said(binhlu, "Tỷ lệ hộ nghèo chưa khớp số hộ")
        send_book(binhlu, store, {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 7.5}}, "binh_lu_2.xlsx")
        said(binhlu, t("rounds.sent_for_review", "vi").split("{")[0])
        review.reload()
        wait_for_title(review, t("rounds.review_title", "vi"))
        review.get_by_role("button", name=t("rounds.approve", "vi"), exact=True).click()
        said(review, t("rounds.approved", "vi").split("{")[0])
        # The status page and the province's totals.
        status = signed_in(chromium, url, "tinh-hinh-bao-cao", "tinh", t("rounds.page_title", "vi"))
        status.screenshot(path=str(SHOTS / "rounds_loop_status_vi.png"), full_page=True)
        shown = metrics(status)
    sent = workflow.sendings(store, 1)
    assert sent[["area", "state"]].values.tolist() == [
        [BINH_LU, "returned"],
        [TA_LENG, "approved"],
        [BINH_LU, "approved"],
    ]
    assert sent["note"].tolist()[0] == "Tỷ lệ hộ nghèo chưa khớp số hộ"
    assert shown[f"✓ {t('rounds.state.approved', 'vi')}"] == "2"
    assert shown[f"○ {t('rounds.state.not_sent', 'vi')}"] == "36"
    assert shown[t("rounds.late_areas", "vi")] == "37"  # Tả Lèng two days late, and the 36 not sent
    totals = rollup.totals(store.load(), "12").set_index(["code", "year"])
    tea = totals.loc[("TEA_AREA", 2026)]
    assert float(tea["value"]) == 950.0 + 430.25
    assert int(tea["reported"]) == int(shown[f"✓ {t('rounds.state.approved', 'vi')}"]) == 2
    assert tea["mark"] == rollup.Mark.PARTIAL.value  # 2 of 38 communes: a partial total, marked
    figures = store.load().observations.query("area == @BINH_LU and year == 2026").set_index("code")
    assert figures.loc["POV_RATE", "value"] == 7.5  # the figure sent again, not the returned one
