"""`make screenshots`: every page in both languages at desktop and phone width, for people to review.

Also prints axe-core's WCAG 2.1 AA findings per page view, so a reviewer sees what the browser test
would fail on. Usage: python -m tests.review_screenshots [FOLDER] (default: screenshots/).
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from playwright.sync_api import sync_playwright

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


def main(out: Path) -> int:
    """Write the screenshots to `out`; print one line per page view and the axe totals."""
    out.mkdir(parents=True, exist_ok=True)
    totals: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        # A store of its own, filled from the shipped data: the pictures show the report's figures.
        store_url = f"sqlite:///{Path(tmp) / 'store.sqlite'}"
        with serve(store_url, Path(tmp) / "server.log") as server, sync_playwright() as p:
            browser = launch(p)
            warm_up(browser, server)
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                for path in PAGES:
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
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"))
