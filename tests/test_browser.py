"""End to end in headless Chromium: every page, both languages, desktop and phone width, with screenshots."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bench.dashboard import CHROMIUM, CHROMIUM_ARGS, drawn_js
from indicators.i18n import t

if TYPE_CHECKING:
    from playwright.sync_api import Dialog

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "tests" / "screenshots"
WIDTHS = (1280, 390)
# URL path → the i18n key of the page's title (app.py's navigation).
PAGES: dict[str, str] = {
    "": "page.overview",
    "muc-tieu-2025": "page.goals",
    "thi-dua-khen-thuong": "page.commendations",
    "chi-tieu": "page.detail",
    "so-sanh-dia-ban": "page.compare",
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
    "lich-su-phien-ban": "page.history",
}
SIGN_IN_PAGES = {"cap-nhat-so-lieu", "nhap-so-lieu", "lich-su-phien-ban"}
# Some pages have no chart (sign-in, a page that says there is nothing to draw).
DRAWN_JS = drawn_js(require_chart=False)


def _playwright() -> Any:
    """Playwright's sync API, or a visible skip (a failure where CI requires the browser)."""
    reason = ""
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is absent: install Debian's chromium package (apt-get install chromium)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = reason or "the playwright Python client is not installed"
    if reason:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    return sync_playwright


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The store the served app reads: its own file, filled from the shipped data on first use."""
    return f"sqlite:///{tmp_path_factory.mktemp('browser') / 'store.sqlite'}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, store_url: str) -> Iterator[str]:
    """The app served by `streamlit run`, on a free port, over its own store."""
    _playwright()
    folder = tmp_path_factory.mktemp("server")
    port = _free_port()
    env = {**os.environ, "INDICATORS_DB": store_url}
    command = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port)]
    command += ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
    log = (folder / "server.log").open("w")
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not start:\n{(folder / 'server.log').read_text()}")
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    with _playwright()() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        # Streamlit learns the pages from the first session's st.navigation; until then a deep
        # link gets a "Page not found" notice. One visit to the root makes the server ready.
        warm = chromium.new_page()
        open_page(warm, server)
        warm.close()
        yield chromium
        chromium.close()


def open_page(page: Any, url: str) -> None:
    """Load a page and wait until it is fully drawn."""
    page.goto(url)
    page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)


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


@pytest.mark.parametrize("path", list(PAGES))
def test_page_draws_in_both_languages_at_desktop_and_phone_width(
    server: str, browser: Any, path: str
) -> None:
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for lang in ("vi", "en"):
            open_page(page, f"{server}/{path}" + ("?lang=English" if lang == "en" else ""))
            where = f"/{path} {lang} {width}px"
            # The data pages may ask an editor to sign in first (issue 5): that form's title is fine too.
            titles = {t(PAGES[path], lang)} | ({t("page.signin", lang)} if path in SIGN_IN_PAGES else set())
            assert page.locator("h1").first.inner_text().strip() in titles, where
            assert page.locator("[data-testid=stException]").count() == 0, where
            assert page.locator("[data-testid=stAlertContentError]").count() == 0, where
            assert page.locator("[role=dialog]").count() == 0, where
            # Nothing sideways: neither the document nor Streamlit's main block scrolls horizontally.
            widths = page.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                " document.querySelector('[data-testid=stMain]').scrollWidth,"
                " document.querySelector('[data-testid=stMain]').clientWidth]"
            )
            assert widths[0] <= widths[1] and widths[2] <= widths[3], f"{where}: {widths}"
            name = path or "overview"
            screenshot(page, SHOTS / f"{name}_{lang}_{width}.png", width)
        context.close()


def test_language_choice_stays_while_moving_between_pages(server: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    open_page(page, server)
    assert page.locator("h1").first.inner_text().strip() == "Tổng quan"
    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    page.wait_for_function("() => document.querySelector('h1')?.innerText.trim() === 'Overview'")
    page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
    page.locator("[data-testid=stTopNav]").get_by_text("Domains", exact=True).click()
    page.locator("[data-testid=stTopNavDropdownLink]", has_text="Tea").click()
    page.wait_for_function("() => document.querySelector('h1')?.innerText.trim() === 'Tea'", timeout=30_000)
    page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
    nav = page.locator("[data-testid=stTopNav]").inner_text()
    assert "Summary" in nav and "Domains" in nav and "Tổng hợp" not in nav
    assert "cay-che" in page.url
    context.close()


def test_every_chart_offers_a_png_in_the_reader_language(server: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    open_page(page, f"{server}/muc-tieu-2025")
    charts = page.locator("[data-testid=stPlotlyChart]")
    assert charts.count() >= 5
    button = page.locator(".modebar-btn[data-title]").first
    assert button.get_attribute("data-title") == "Tải ảnh PNG"
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename.endswith(".png")
    context.close()


def test_markup_in_a_name_stays_text_in_the_browser(server: str, browser: Any, store_url: str) -> None:
    """A name holding HTML (from an uploaded workbook) is shown as written and never runs."""
    from indicators.model import Dataset
    from indicators.store import Store

    store = Store(store_url)
    before = store.load()
    hostile = '<img src=x onerror="window.__pwned=1"><b>GTSX</b> Tổng giá trị sản xuất'
    indicators = before.indicators.assign(
        name_vi=before.indicators["name_vi"].where(before.indicators["code"] != "GTSX", hostile)
    )
    frames = {name: getattr(before, name) for name in before.counts()}
    store.commit(Dataset.from_frames({**frames, "indicators": indicators}), account="test")
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        dialogs: list[str] = []

        def refuse(dialog: Dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", refuse)
        for path in ("", "kinh-te", "chi-tieu?indicator=GTSX"):
            open_page(page, f"{server}/{path}")
            assert page.locator("[data-testid=stMain] img[onerror]").count() == 0, path
            assert page.locator("[data-testid=stMain] b", has_text="GTSX").count() == 0, path
            assert page.evaluate("window.__pwned") is None, path
            assert "<img src=x" in page.inner_text("[data-testid=stMain]"), path  # shown, as text
        assert dialogs == []
        page.close()
    finally:
        store.rollback(1, account="test")


def test_links_and_emoji_shortcodes_in_data_stay_text(server: str, browser: Any, store_url: str) -> None:
    """A bare URL, an address and a shortcode in a name or a quote are shown as written: no link, no emoji."""
    from indicators.model import Dataset
    from indicators.store import Store

    store = Store(store_url)
    before = store.load()
    bait = "https://evil.example/login :skull: www.evil.example tro.giup@evil.example"
    indicators = before.indicators.assign(
        name_vi=before.indicators["name_vi"].where(
            before.indicators["code"] != "GTSX", f"Tổng giá trị sản xuất {bait}"
        )
    )
    observations = before.observations.assign(
        quote=before.observations["quote"].where(before.observations["code"] != "GTSX", f"Trích dẫn {bait}")
    )
    frames = {name: getattr(before, name) for name in before.counts()}
    store.commit(
        Dataset.from_frames({**frames, "indicators": indicators, "observations": observations}),
        account="test",
    )
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for path in ("", "kinh-te", "chi-tieu?indicator=GTSX"):
            open_page(page, f"{server}/{path}")
            main = "[data-testid=stMain]"
            links = page.locator(f"{main} a[href*='evil.example']")
            where = [
                links.nth(i).evaluate(
                    "e => e.closest('[data-testid]').getAttribute('data-testid') + ': ' + "
                    "e.closest('[data-testid=stElementContainer]').innerHTML.slice(0, 300)"
                )
                for i in range(links.count())
            ]
            assert where == [], path
            text = page.inner_text(main)
            assert ":skull:" in text and "💀" not in text, path
            assert "https://evil.example/login" in text and "tro.giup@evil.example" in text, path
        page.close()
    finally:
        store.rollback(1, account="test")


def test_the_comparison_page_on_the_four_communes(
    server: str, browser: Any, store_url: str, tmp_path: Path
) -> None:
    """The four communes' 2026 tea area (a hand-made workbook): ranked bars, the province's lines."""
    from indicators import diff, validate
    from indicators.store import Store
    from tests import areas_fixture

    store = Store(store_url)
    current = store.load()
    book = areas_fixture.workbook(tmp_path / "xa_2026.xlsx")
    upload = validate.check(book.read_bytes(), book.name, current)
    store.commit(diff.merge(current, upload), account="test")
    expected = {
        "vi": (
            "Xã Bản Bo",
            "1.200,5 ▲ vượt",
            "chưa đủ: tổng hợp từ 4/38 xã",
            "Mục tiêu Tỉnh Lai Châu: 3.000 ha",
        ),
        "en": (
            "Bản Bo commune",
            "1,200.5 ▲ exceeded",
            "partial: aggregated from 4 of 38",
            "Lai Châu province target",
        ),
    }
    try:
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for lang, words in expected.items():
                open_page(page, f"{server}/so-sanh-dia-ban" + ("?lang=English" if lang == "en" else ""))
                # Type to search, as a reader with many indicators or areas does.
                page.locator("[data-testid=stSelectbox]").first.click()
                page.keyboard.type("Tổng diện tích chè")
                page.keyboard.press("Enter")
                page.wait_for_function(
                    "() => document.querySelector('[data-testid=stPlotlyChart]')?.innerText.includes('2026')",
                    timeout=30_000,
                )
                page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
                where = f"compare {lang} {width}px"
                assert page.locator("[data-testid=stException]").count() == 0, where
                chart = page.locator("[data-testid=stPlotlyChart]").first
                text = chart.inner_text()
                # Plotly wraps the note into lines: compare without the spaces and breaks.
                squeezed = "".join(text.split())
                for word in words:
                    assert "".join(word.split()) in squeezed, f"{where}: {word!r}"
                assert chart.locator("g.point").count() == 4, where  # one bar per commune with a figure
                widths = page.evaluate(
                    "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
                )
                assert widths[0] <= widths[1], f"{where}: {widths}"
                screenshot(page, SHOTS / f"so-sanh-xa_{lang}_{width}.png", width)
            page.close()
    finally:
        store.rollback(1, account="test")
