"""Overview fully drawn in headless Chromium against a minimal one-chart page; warm AppTest time per page.

Run from the project root: `.venv/bin/python -m bench.dashboard [rounds]`. Prints the median
time of each page, their ratio (goal: 1.5 or less) and the server-side run time of every page.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bench.serving import PRODUCT, serve

if TYPE_CHECKING:  # Streamlit's test harness is imported only where a timing runs
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MINIMAL_PAGE = '''"""The yardstick: one plotly chart and nothing else."""
import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])))
'''
# Resolves with the moment (ms since navigation start) the page became fully drawn: script
# finished, no loading skeleton, every plotly chart's SVG present, and still so `settle` ms later.
# Elements arrive after the script ends, hence the settling. The browser tests wait the same way.
_DRAWN_TEMPLATE = """(settle) => new Promise(resolve => {
  let since = null;
  const tick = () => {
    const app = document.querySelector('[data-testid=stApp]');
    const ok = app && app.getAttribute('data-test-script-state') === 'notRunning'
      && !document.querySelector('[data-testid=stSkeleton]')
      && document.querySelector('[data-testid=stMain] [data-testid=stElementContainer]')
      /*chart*/
      && Array.from(document.querySelectorAll('[data-testid=stPlotlyChart]'))
           .every(c => c.querySelector('.main-svg'));
    const now = performance.now();
    if (!ok) since = null; else if (since === null) since = now;
    if (since !== null && now - since >= settle) resolve(since); else setTimeout(tick, 10);
  };
  tick();
})"""


def drawn_js(require_chart: bool) -> str:
    """The wait for a fully drawn page; `require_chart` also waits for at least one chart."""
    chart = "&& document.querySelector('[data-testid=stPlotlyChart]')" if require_chart else ""
    return _DRAWN_TEMPLATE.replace("/*chart*/", chart)


DRAWN_JS = drawn_js(require_chart=True)
# Page files, and the domain pages' addresses (they are functions: dashboard/domain_pages.py).
APP_PAGES = [
    "pages/overview.py",
    "pages/goals.py",
    "pages/commendations.py",
    "pages/detail.py",
    "kinh-te",
    "giao-duc-y-te-van-hoa",
    "giam-ngheo-viec-lam",
    "quoc-phong-an-ninh",
    "he-thong-chinh-tri",
    "nong-thon-moi",
    "cay-che",
    "du-lich",
]


def go_to(at: AppTest, page: str) -> AppTest:
    """AppTest `at` switched to a page file ("pages/goals.py") or a page's url path ("cay-che").

    AppTest.switch_page takes page files only, and a page made from a function has none. Streamlit
    names every st.Page by the hash of its url path (st.Page._script_hash), so that page is asked
    for by that name, as a browser asks by the path; AppTest keeps the request in `_page_hash`.
    """
    from streamlit.util import calc_hash

    if page.endswith(".py"):
        return at.switch_page(page)
    at._page_hash = calc_hash(page)
    return at


def browser_times(overview: str, minimal: str, rounds: int) -> tuple[list[float], list[float]]:
    """Milliseconds to fully drawn, each page loaded `rounds` times, alternating which goes first."""
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {overview: [], minimal: []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        for url in (overview, minimal, overview, minimal):  # warm: server caches, browser cache
            page.goto(url)
            page.wait_for_function(DRAWN_JS, arg=300, timeout=60_000)
        for i in range(rounds):
            order = (overview, minimal) if i % 2 == 0 else (minimal, overview)
            for url in order:
                page.goto(url)
                times[url].append(
                    float(page.wait_for_function(DRAWN_JS, arg=300, timeout=60_000).json_value())
                )
        browser.close()
    return times[overview], times[minimal]


def apptest_times(runs: int) -> list[tuple[str, float]]:
    """Median warm server-side run of each page through app.py, in milliseconds."""
    from streamlit.testing.v1 import AppTest

    out = []
    for page in APP_PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        go_to(at, page)
        at.run()  # warm: data and computations cached for this version
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            at.run()
            samples.append((time.perf_counter() - start) * 1000)
        if at.exception:
            raise SystemExit(f"{page} failed: {at.exception[0].value}")
        out.append((page, statistics.median(samples)))
    return out


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {"INDICATORS_DB": f"sqlite:///{folder / 'store.sqlite'}"}
        minimal_script = folder / "minimal" / "minimal.py"
        minimal_script.parent.mkdir()
        minimal_script.write_text(MINIMAL_PAGE, encoding="utf-8")
        with serve(PRODUCT, env) as app, serve(minimal_script, env) as minimal_page:
            overview, minimal = browser_times(app.url + "/", minimal_page.url + "/", rounds)
        print(f"Fully drawn in headless Chromium, {rounds} alternating loads each (ms, median [min–max]):")
        print(
            f"  overview        {statistics.median(overview):7.0f}  [{min(overview):.0f}–{max(overview):.0f}]"
        )
        print(f"  one-chart page  {statistics.median(minimal):7.0f}  [{min(minimal):.0f}–{max(minimal):.0f}]")
        ratio = statistics.median(overview) / statistics.median(minimal)
        pairs = statistics.median(o / m for o, m in zip(overview, minimal, strict=True))
        print(f"  median ratio    {ratio:7.2f}  (median of paired ratios {pairs:.2f}; goal ≤ 1.5)")

        os.environ["INDICATORS_DB"] = env["INDICATORS_DB"]
        print("\nWarm server-side run per page (AppTest through app.py, median of 5, ms):")
        for page, ms in apptest_times(5):
            print(f"  {page:34s} {ms:6.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
