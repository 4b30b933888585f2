"""Signing in, in headless Chromium against the served app (serve.py): reload, new tab, deep links, OIDC."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from indicators.excel import entry
from indicators.store import accounts
from indicators.store.database import Store
from indicators.store.sessions import COOKIE_NAME
from indicators.text.i18n import t
from tests.support.appserver import DRAWN_JS, launch, serve
from tests.support.appserver import free_port as _free_port
from tests.test_browser import SHOTS, _playwright, open_page

pytestmark = pytest.mark.browser

ANALYST, PASSWORD = "lan", "mây trắng đỉnh Pu Ta Leng"
OIDC_ANALYST = "chuyenvien@example.gov.vn"


# Signing in is the subject here: a deployment's own INDICATORS_REQUIRE_SIGN_IN is left out.
OPEN = {"INDICATORS_REQUIRE_SIGN_IN": ""}


@pytest.fixture
def chromium() -> Iterator[Any]:
    with _playwright()() as p:
        browser = launch(p)
        yield browser
        browser.close()


def store_with_analyst(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    accounts.add_user(Store(url).ensure(), ANALYST, "analyst", PASSWORD)
    return url


def title(page: Any) -> str:
    return page.locator("h1").first.inner_text().strip()


def wait_for_title(page: Any, text: str) -> None:
    page.wait_for_function(
        "(text) => document.querySelector('h1')?.innerText.trim() === text", arg=text, timeout=60_000
    )
    page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)


def grid_click(page: Any, grid: Any) -> None:
    """A click on the first row's first cell of a data grid (header and rows are 35 px high)."""
    grid.locator("#glide-cell-0-0").wait_for(state="attached", timeout=60_000)  # the grid is drawn
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 30, box["y"] + 35 + 17)


def focus_on_cell(page: Any, column: int, action: Callable[[], None]) -> None:
    """Do `action`, then wait until the grid has selected and focused the first row's cell `column`.

    The grid keeps a hidden table of its cells, one per drawn cell, and focuses the selected one:
    keys go to the focused cell, so the next key is pressed only once the focus is there.
    """
    action()
    page.wait_for_function(
        "(id) => document.activeElement?.id === id"
        " && document.activeElement.getAttribute('aria-selected') === 'true'",
        arg=f"glide-cell-{column}-0",
        timeout=30_000,
    )


def test_a_first_deep_link_after_a_start_shows_no_page_not_found_dialog(
    tmp_path: Path, chromium: Any
) -> None:
    with serve(f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "server.log", OPEN) as url:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        # The very first request this server gets is a deep link.
        open_page(page, f"{url}/chi-tieu?indicator=GTSX")
        page.wait_for_timeout(1500)  # the dialog, when it came, came after the page had drawn
        assert page.locator("[role=dialog]").count() == 0
        assert "Page not found" not in page.inner_text("body")
        assert title(page) == t("page.detail", "vi")
        open_page(page, f"{url}/du-lich")
        assert page.locator("[role=dialog]").count() == 0 and title(page) == t("page.tourism", "vi")
        page.close()


def test_a_sign_in_survives_reload_and_a_new_tab_and_lands_on_the_page_asked_for(
    tmp_path: Path, chromium: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_url = store_with_analyst(tmp_path, monkeypatch)
    with serve(store_url, tmp_path / "server.log", OPEN) as url:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        open_page(page, f"{url}/lich-su-phien-ban?lang=en")
        assert title(page) == t("page.signin", "en")
        page.get_by_label(t("auth.name", "en")).fill(ANALYST)
        page.get_by_label(t("auth.password", "en"), exact=True).fill(PASSWORD)
        page.get_by_role("button", name=t("auth.submit", "en")).click()
        # On the page asked for, in the language chosen, not on the overview.
        wait_for_title(page, t("page.history", "en"))
        assert page.url == f"{url}/lich-su-phien-ban?lang=en"
        (cookie,) = [c for c in context.cookies() if c["name"] == COOKIE_NAME]
        assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
        assert ANALYST not in cookie["value"] and "analyst" not in cookie["value"]
        assert 8 * 3600 - 120 < cookie["expires"] - time.time() <= 8 * 3600
        assert page.evaluate("document.cookie").find(COOKIE_NAME) == -1  # scripts cannot read it
        screenshot = SHOTS / "signed_in_history_en_1280.png"
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot))

        page.reload()
        wait_for_title(page, t("page.history", "en"))
        # md() puts an invisible word joiner into names (after "@", ":"), so compare without it.
        assert ANALYST in page.locator(".st-key-top_bar").inner_text().replace("\u2060", "")

        tab = context.new_page()
        open_page(tab, f"{url}/cap-nhat-so-lieu")
        assert title(tab) == t("page.upload", "vi")

        # Signing out in the new tab ends the session in the first one too.
        # Sign-out is in the account menu of the top bar.
        tab.locator(".st-key-top_bar").get_by_role("button").filter(has_text=ANALYST[:4]).first.click()
        tab.get_by_role("button", name=t("auth.sign_out", "vi")).click()
        wait_for_title(tab, t("page.signin", "vi"))
        page.reload()
        wait_for_title(page, t("page.signin", "en"))
        assert not [c for c in context.cookies() if c["name"] == COOKIE_NAME]
        context.close()


def test_sign_in_through_a_real_openid_provider_lands_on_the_page_asked_for(
    tmp_path: Path, chromium: Any
) -> None:
    from oidc_provider_mock import User, run_server_in_thread  # type: ignore[import-untyped]

    port = _free_port()
    # Only a verified email earns a role (dashboard.auth.oidc_identity): the provider says so.
    analyst = User(sub=OIDC_ANALYST, claims={"email": OIDC_ANALYST, "email_verified": True})
    with run_server_in_thread(user_claims=[analyst]) as provider:
        secrets = tmp_path / "secrets.toml"
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            'cookie_secret = "a-test-cookie-secret-of-some-length"\n'
            'client_id = "tam-duong-dashboard"\n'
            'client_secret = "a-test-client-secret"\n'
            f'server_metadata_url = "http://localhost:{provider.server_port}/.well-known/openid-configuration"\n'
            "[roles]\n"
            f'analysts = ["{OIDC_ANALYST}"]\n'
        )
        store_url = f"sqlite:///{tmp_path / 'store.sqlite'}"
        with serve(store_url, tmp_path / "server.log", OPEN, ("--secrets.files", str(secrets)), port) as url:
            assert url.endswith(f":{port}")
            context = chromium.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            open_page(page, f"{url}/cap-nhat-so-lieu")
            assert title(page) == t("page.signin", "vi")
            page.get_by_role("button", name=t("auth.oidc", "vi")).click()
            # The provider's own page, on its own port: who signs in.
            page.wait_for_selector("input[name=sub]", timeout=60_000)
            assert f":{provider.server_port}/" in page.url
            page.fill("input[name=sub]", OIDC_ANALYST)
            page.get_by_role("button", name="Authorize").click()
            wait_for_title(page, t("page.upload", "vi"))
            assert page.url == f"{url}/cap-nhat-so-lieu"
            # Who is signed in: the account menu in the top bar, opened to show the role.
            top = page.locator(".st-key-top_bar")
            assert OIDC_ANALYST in top.inner_text().replace("\u2060", "")  # md()'s invisible joiner
            top.get_by_role("button").filter(has_text=OIDC_ANALYST.split("@")[0]).first.click()
            role = f"({t('role.analyst', 'vi')})"
            page.get_by_text(role, exact=False).first.wait_for(timeout=10_000)
            page.reload()
            wait_for_title(page, t("page.upload", "vi"))
            context.close()


def test_figures_typed_in_the_grid_are_previewed_then_saved_as_a_new_version(
    tmp_path: Path, chromium: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_url = store_with_analyst(tmp_path, monkeypatch)
    with serve(store_url, tmp_path / "server.log", OPEN) as url:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        open_page(page, f"{url}/nhap-so-lieu")
        page.get_by_label(t("auth.name", "vi")).fill(ANALYST)
        page.get_by_label(t("auth.password", "vi"), exact=True).fill(PASSWORD)
        page.get_by_role("button", name=t("auth.submit", "vi")).click()
        wait_for_title(page, t("page.enter", "vi"))
        store = Store(store_url)
        year = int(store.load().observations["year"].max())  # the page opens on the latest year
        first = entry.grid(store.load(), "106", year).iloc[0]
        # The grid is a canvas: select the first row's first cell, move to the figure, type, Enter.
        # Each key waits for the cell it leads to: a key pressed before the grid has moved its focus
        # is lost (on a slow machine the selection then stopped on the unit, and no editor opened).
        grid = page.locator("[data-testid=stDataFrame]").first
        focus_on_cell(page, 0, lambda: grid_click(page, grid))
        for column in (1, 2, 3):
            focus_on_cell(page, column, lambda: page.keyboard.press("ArrowRight"))
        # Open the cell's editor first: keys typed while it opens would be lost.
        page.keyboard.press("Enter")
        editor = page.locator("textarea.gdg-input")
        editor.wait_for(timeout=30_000)
        editor.fill("13,5")
        page.keyboard.press("Enter")
        try:
            page.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
        except Exception:
            page.screenshot(path=str(SHOTS / "enter_failed.png"), full_page=True)
            raise
        page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
        metrics = [m.split("\n")[-1] for m in page.locator("[data-testid=stMetric]").all_inner_texts()]
        # One figure added (or, where the row had one, changed); nothing removed.
        assert metrics == (["1", "0", "0"] if first["value"] == "" else ["0", "1", "0"])
        if first["value"] != "":
            # A figure overwritten is named and confirmed before the commit.
            page.get_by_text(t("figures.confirm", "vi").format(n="1")).click()
        page.get_by_label(t("upload.note", "vi")).fill("Số liệu nhập trên trình duyệt")
        page.get_by_role("button", name=t("upload.commit", "vi")).click()
        page.wait_for_selector("[data-testid=stAlertContentSuccess]", timeout=60_000)
        assert "phiên bản 2" in page.inner_text("[data-testid=stAlertContentSuccess]")
        version = store.versions().iloc[-1]
        assert (version["version"], version["account"], version["action"]) == (2, ANALYST, "import")
        assert version["note"] == "Số liệu nhập trên trình duyệt"
        obs = store.load().observations
        saved = obs[(obs["code"] == first["code"]) & (obs["year"] == year) & (obs["area"] == "106")]
        assert saved[["kind", "value"]].values.tolist() == [[first["kind"], 13.5]]
        screenshot = SHOTS / "enter_saved_vi_1280.png"
        page.screenshot(path=str(screenshot), full_page=True)
        page.close()
