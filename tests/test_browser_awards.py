"""The awards page in headless Chromium: a viewer reads counts and never a name; the page passes axe."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.store import register
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support.appserver import (
    AXE,
    ROOT,
    axe_violations,
    describe,
    launch,
    open_page,
    serious,
    serve,
    warm_up,
)
from tests.test_awards_cli import frame

pytestmark = pytest.mark.browser
SHOTS = ROOT / "tests" / "screenshots"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_viewer_sees_counts_and_no_name_in_the_browser(
    store: Store, store_url: str, tmp_path: Path, lang: Lang
) -> None:
    from playwright.sync_api import sync_playwright

    if not AXE.is_file():
        pytest.fail(f"axe-core is missing at {AXE}: run `npm ci`")
    register.add(store, frame(), "canbo")
    with serve(store_url, tmp_path / "server.log") as url, sync_playwright() as p:
        browser = launch(p)
        warm_up(browser, url)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        open_page(page, f"{url}/so-khen-thuong?lang={lang}")
        shown = page.inner_text("[data-testid=stMain]")
        chart = page.eval_on_selector_all(
            "[data-testid=stPlotlyChart] text", "els => els.map(e => e.textContent)"
        )
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"so-khen-thuong_{lang}_1280.png"), full_page=True)
        found = serious(axe_violations(page))
        browser.close()
    assert t("awards.page.title", lang) in shown
    assert t("awards.page.names_hidden", lang) in shown
    assert "Người" not in shown and "Người" not in " ".join(chart)
    # The trend's points carry their counts: 11 grassroots awards over 2023–2024 are drawn as 6 and 5.
    assert {"6", "5", "4", "1"} <= set(chart)
    assert found == [], describe(found)
