"""The served app and headless Chromium, shared by the browser tests and `make screenshots`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import serving
from bench.dashboard import CHROMIUM as BENCH_CHROMIUM
from bench.dashboard import CHROMIUM_ARGS, drawn_js
from bench.serving import ServerError as ServerError  # re-exported: the browser tests catch it
from bench.serving import free_port as free_port  # re-exported: tests that start servers of their own
from indicators.text.fmt import Lang

ROOT = Path(__file__).resolve().parents[2]
# Debian's Chromium with the same quiet, offline flags as the benchmarks (bench/dashboard.py).
CHROMIUM = Path(BENCH_CHROMIUM)
# A common laptop screen and a common phone.
DESKTOP, PHONE = 1366, 390
WIDTHS = (DESKTOP, PHONE)
LANGS: tuple[Lang, ...] = ("vi", "en")
# URL path → the i18n key of the page's title (app.py's navigation).
PAGES: dict[str, str] = {
    "": "page.overview",
    "muc-tieu-2025": "page.goals",
    "danh-gia-nam": "page.year",
    "thi-dua-khen-thuong": "page.commendations",
    "chi-tieu": "page.detail",
    "so-sanh-dia-ban": "page.compare",
    "bao-cao": "page.report_text",
    "kinh-te": "page.economy",
    "giao-duc-y-te-van-hoa": "page.society",
    "giam-ngheo-viec-lam": "page.poverty_jobs",
    "quoc-phong-an-ninh": "page.defence_security",
    "he-thong-chinh-tri": "page.political_system",
    "nong-thon-moi": "page.new_rural",
    "cay-che": "page.tea",
    "du-lich": "page.tourism",
    "cap-nhat-so-lieu": "page.upload",
    "nhap-so-lieu": "page.enter",
    "doc-so-lieu-bao-cao": "extract.page",
    "lich-su-phien-ban": "page.history",
}
SIGN_IN_PAGES = {"cap-nhat-so-lieu", "nhap-so-lieu", "doc-so-lieu-bao-cao", "lich-su-phien-ban"}
# axe-core, installed from package.json by `npm ci`.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The one wait for a drawn page, shared with the benchmarks; some pages have no chart (sign-in, a
# page that says there is nothing to draw).
DRAWN_JS = drawn_js(require_chart=False)


@contextmanager
def serve(
    store_url: str,
    log_path: Path,
    env: dict[str, str] | None = None,
    args: tuple[str, ...] = (),
    port: int = 0,
) -> Iterator[str]:
    """The app served as `make run` serves it, over the given store; yields its address.

    `args` go to streamlit (`--secrets.files …`); `port` is a free one unless a caller needs to know
    it beforehand (an OpenID provider's redirect address).
    """
    environ = {"INDICATORS_DB": store_url, **(env or {})}
    with serving.serve(serving.PRODUCT, environ, log_path, args=args, port=port) as server:
        yield server.url


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def warm_up(browser: Any, url: str) -> None:
    """One visit to the root: until the first session runs st.navigation a deep link is "not found"."""
    page = browser.new_page()
    open_page(page, url)
    page.close()


def open_page(page: Any, url: str) -> None:
    """Load a page and wait until it is fully drawn."""
    page.goto(url)
    page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)


def page_url(server: str, path: str, lang: str) -> str:
    """A page's address in one language, as a shared link writes it."""
    return f"{server}/{path}?lang={lang}"


def shot_name(path: str, lang: str, width: int) -> str:
    """The file name of one page's screenshot."""
    return f"{path or 'overview'}_{lang}_{width}.png"


def screenshot(page: Any, path: Path, width: int) -> None:
    """The whole page: Streamlit scrolls inside its main block, so the viewport grows to fit it."""
    height = page.evaluate(
        "() => Math.max(...Array.from(document.querySelectorAll("
        "'[data-testid=stMain], [data-testid=stSidebarContent]')).map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": width, "height": min(max(int(height) + 40, 900), 14_000)})
    page.wait_for_timeout(400)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": width, "height": 900})


# WCAG 2.0 and 2.1, levels A and AA: the standard the pages are held to.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Streamlit's own markup that the project cannot change, rule by rule: on a phone the navigation
# moves into the (closed) sidebar, whose list puts each section's <header> in a <div> inside the <ul>.
# Everything else, Streamlit's or ours, counts.
AXE_FRAMEWORK = {"list": "[data-testid=stSidebarNavItems]", "listitem": "[data-testid=stSidebarNavItems]"}
AXE_RUN_JS = """([tags, framework]) => axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.filter(n => {
      const el = document.querySelector(n.target[0]);
      return !(framework[v.id] && el && (el.matches(framework[v.id]) || el.closest(framework[v.id])));
    }).map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160), summary: n.failureSummary}))
  })).filter(v => v.nodes.length))"""


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 AA violations on the page as drawn: rule id, impact, help and elements."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return list(page.evaluate(AXE_RUN_JS, [AXE_TAGS, AXE_FRAMEWORK]))


def serious(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The violations that fail the check: axe's serious and critical ones."""
    return [v for v in violations if v["impact"] in {"serious", "critical"}]


def describe(violations: list[dict[str, Any]]) -> list[str]:
    """One line per failing element: rule id, impact, what it asks, the element and its markup."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {n['target']}: {n['html']}"
        for v in violations
        for n in v["nodes"]
    ]
