"""`make screenshots`: every page in both languages at desktop and phone width, for people to review.

Also prints axe-core's WCAG 2.1 AA findings per page view, so a reviewer sees what the browser test
would fail on. The browser signs in as an analyst first, so the pages that change data are pictured
as an analyst sees them, not as the sign-in form. Usage: python -m tests.review_screenshots [FOLDER]
[PATH ...] (default: screenshots/, every page; a PATH such as "so-sanh-dia-ban" limits the set).
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from indicators.store import accounts
from indicators.store.database import Store
from indicators.text.i18n import t
from tests.support.appserver import (
    LANGS,
    PAGES,
    ROOT,
    WIDTHS,
    axe_violations,
    launch,
    open_page,
    page_url,
    screenshot,
    serve,
    shot_name,
    warm_up,
)

# The pages the browser tests leave out but a reviewer looks at: the awards register and the
# reporting rounds' pages (an analyst's: status, opening a round, review).
REVIEW_PAGES: dict[str, str] = {
    **PAGES,
    "so-khen-thuong": "awards.page.title",
    "tinh-hinh-bao-cao": "rounds.page_title",
    "mo-ky-bao-cao": "rounds.open.title",
    "duyet-bao-cao": "rounds.review_title",
}
# A reviewer's account in the pictures' own throwaway store, never in a real one.
ANALYST, PASSWORD = "xem.anh", "ảnh chụp để xem lại trang"


def _sign_in(page: Page, server: str) -> None:
    """The tab signed in as the analyst: its cookie holds for every page pictured after."""
    open_page(page, f"{server}/cap-nhat-so-lieu")
    page.get_by_label(t("auth.name", "vi")).fill(ANALYST)
    page.get_by_label(t("auth.password", "vi"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.submit", "vi")).click()
    page.wait_for_function(
        "(text) => document.querySelector('h1')?.innerText.trim() === text",
        arg=t("page.upload", "vi"),
        timeout=60_000,
    )


def main(out: Path, only: list[str] | None = None) -> int:
    """Write the screenshots to `out`; print one line per page view and the axe totals."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [p for p in REVIEW_PAGES if not only or p in only]
    totals: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        # A store of its own, filled from the shipped data: the pictures show the report's figures.
        store_url = f"sqlite:///{Path(tmp) / 'store.sqlite'}"
        accounts.add_user(Store(store_url).ensure(), ANALYST, "analyst", PASSWORD)
        with serve(store_url, Path(tmp) / "server.log") as server, sync_playwright() as p:
            browser = launch(p)
            warm_up(browser, server)
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                _sign_in(page, server)
                for path in paths:
                    for lang in LANGS:
                        open_page(page, page_url(server, path, lang))
                        found = axe_violations(page)
                        elements = sum(len(v["nodes"]) for v in found)
                        for v in found:
                            totals[f"{v['id']} ({v['impact']})"] += len(v["nodes"])
                        name = shot_name(path, lang, width)
                        screenshot(page, out / name, width)
                        rules = ", ".join(f"{v['id']}×{len(v['nodes'])}" for v in found)
                        print(f"{name:45} axe: {elements:3} element(s) {rules}")
                context.close()
            browser.close()
    print(f"\n{sum(totals.values())} failing element(s) in all page views:")
    for rule, count in totals.most_common():
        print(f"  {count:4}  {rule}")
    print(f"\nScreenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots", sys.argv[2:]))
