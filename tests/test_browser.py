"""End to end in headless Chromium: every page, both languages, desktop and phone width, with screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from indicators.text.i18n import t
from tests.support import requires
from tests.support.appserver import (
    AXE,
    CHROMIUM,
    DESKTOP,
    DRAWN_JS,
    LANGS,
    PAGES,
    PHONE,
    ROOT,
    SIGN_IN_PAGES,
    WIDTHS,
    ServerError,
    axe_violations,
    describe,
    launch,
    open_page,
    page_url,
    screenshot,
    serious,
    serve,
    shot_name,
    warm_up,
)

if TYPE_CHECKING:
    from playwright.sync_api import Dialog

pytestmark = pytest.mark.browser

SHOTS = ROOT / "tests" / "screenshots"
# Elements that cut their content off or scroll it sideways (a table wider than a phone, say).
# A visually hidden box (the 1 px clipped wrapper Streamlit puts round a radio's input for screen
# readers) clips on purpose and is not counted; nor does a picker's input that ends its long choice
# in a visible "…" (its whole text is in the list it opens).
CLIPPED_JS = """() => Array.from(document.querySelectorAll('[data-testid=stMain] *')).filter(e => {
  const style = getComputedStyle(e);
  const hidden = style.clipPath === 'inset(50%)' || style.clip === 'rect(0px, 0px, 0px, 0px)';
  const ellipsis = e.tagName === 'INPUT' && style.textOverflow === 'ellipsis';
  return !hidden && !ellipsis && style.overflowX !== 'visible' && e.clientWidth > 0
    && e.scrollWidth > e.clientWidth + 1;
}).map(e => `${e.getAttribute('data-testid') || e.tagName}: ${e.scrollWidth} > ${e.clientWidth} px`)"""
# Chart words cut off: a label past the edge of its chart, or, in a group plotly clips to the plot
# area, past that area ("17,1 (ư" at a series' last year, "581.200" at 390 px).
CHART_CLIPPED_JS = """() => Array.from(document.querySelectorAll('[data-testid=stPlotlyChart]'))
.flatMap(chart => {
  const svg = chart.querySelector('svg.main-svg');
  if (!svg) return [];
  const whole = svg.getBoundingClientRect();
  const area = (chart.querySelector('.bglayer .bg') || svg).getBoundingClientRect();
  return Array.from(chart.querySelectorAll('text')).filter(e => {
    if (!(e.textContent || '').trim() || !e.getClientRects().length) return false;
    const r = e.getBoundingClientRect();
    const box = e.closest('.cartesianlayer [clip-path]') ? area : whole;
    return r.left < box.left - 1 || r.right > box.right + 1
      || r.top < box.top - 1 || r.bottom > box.bottom + 1;
  }).map(e => e.textContent.trim().slice(0, 40));
})"""
# Text drawn above the page's title (chart text included), other than the top bar: what would float there.
ABOVE_TITLE_JS = """() => {
  const top = document.querySelector('[data-testid=stMain] h1').getBoundingClientRect().top;
  const items = Array.from(document.querySelectorAll(
    '[data-testid=stMain] [data-testid=stElementContainer], [data-testid=stMain] svg text'));
  return items.filter(e => !e.closest('.st-key-top_bar') && e.getClientRects().length
      && e.getBoundingClientRect().bottom <= top && (e.textContent || '').trim())
    .map(e => e.textContent.trim().slice(0, 80));
}"""


def _playwright() -> Any:
    """Playwright's sync API, or a visible skip (a failure where CI requires the browser)."""
    reason = ""
    # The client itself is pinned in requirements-dev: a broken install fails here, never skips.
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is absent: install Debian's chromium package (apt-get install chromium)"
    if not AXE.exists():
        reason = reason or f"{AXE} is absent: run `npm ci` at the repository root (axe-core)"
    if reason:
        requires.absent(reason, "REQUIRE_BROWSER")
    return sync_playwright


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The store the served app reads: its own file, filled from the shipped data on first use."""
    return f"sqlite:///{tmp_path_factory.mktemp('browser') / 'store.sqlite'}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, store_url: str) -> Iterator[str]:
    """The app served by `streamlit run`, on a free port, over its own store."""
    _playwright()
    try:
        with serve(store_url, tmp_path_factory.mktemp("server") / "server.log") as url:
            yield url
    except ServerError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    with _playwright()() as p:
        chromium = launch(p)
        warm_up(chromium, server)
        yield chromium
        chromium.close()


@pytest.mark.parametrize("path", list(PAGES))
def test_page_draws_and_passes_axe_in_both_languages_at_desktop_and_phone_width(
    server: str, browser: Any, path: str
) -> None:
    failures = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for lang in LANGS:
            open_page(page, page_url(server, path, lang))
            where = f"/{path} {lang} {width}px"
            # The data pages may ask an editor to sign in first: that form's title is fine too.
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
            # WCAG 2.1 AA by axe-core: no serious or critical violation (moderate ones are reported
            # by `make screenshots` for review, not failed on).
            failures += [f"{where}: {line}" for line in describe(serious(axe_violations(page)))]
            # Nor inside it: no table or block clips its content or scrolls it sideways.
            assert page.evaluate(CLIPPED_JS) == [], where
            # No chart label cut at the chart's edge.
            assert page.evaluate(CHART_CLIPPED_JS) == [], where
            # Nothing floats above the title but the language and account bar: no stray legend or note.
            assert page.evaluate(ABOVE_TITLE_JS) == [], where
            screenshot(page, SHOTS / shot_name(path, lang, width), width)
        context.close()
    assert not failures, "axe-core, WCAG 2.1 AA:\n" + "\n".join(failures)


def test_the_axe_check_fails_on_a_violation(server: str, browser: Any) -> None:
    """The check above can fail: grey on white below 4.5:1 and an unnamed button are found and named."""
    assert AXE.exists(), "axe-core is missing: run `npm ci` at the repository root"
    page = browser.new_page(viewport={"width": DESKTOP, "height": 900})
    open_page(page, server)
    page.evaluate(
        """() => {
        const main = document.querySelector('[data-testid=stMain]');
        main.insertAdjacentHTML('afterbegin',
          '<p id="faint" style="color:#aaaaaa;background:#ffffff">Nguồn</p><button id="mute"></button>');
    }"""
    )
    found = {v["id"]: v for v in serious(axe_violations(page))}
    assert {"color-contrast", "button-name"} <= set(found)
    assert [n["target"] for n in found["color-contrast"]["nodes"]] == ["#faint"]
    lines = describe(list(found.values()))
    assert any(line.startswith("color-contrast (serious)") and "#faint" in line for line in lines)
    page.close()


def test_language_choice_stays_while_moving_between_pages(server: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": DESKTOP, "height": 900})
    page = context.new_page()
    open_page(page, server)
    assert page.locator("h1").first.inner_text().strip() == "Tổng quan"
    # The switch is in the page's top bar, not in a sidebar: the desktop has none.
    assert page.locator("[data-testid=stSidebar]").count() == 0
    page.locator(".st-key-top_bar").get_by_text("English", exact=True).click()
    page.wait_for_function("() => document.querySelector('h1')?.innerText.trim() === 'Overview'")
    page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
    # The address now says the language, so a link copied from here opens in English.
    page.wait_for_function("() => location.search.includes('lang=en')")
    page.locator("[data-testid=stTopNav]").get_by_text("Domains", exact=True).click()
    page.locator("[data-testid=stTopNavDropdownLink]", has_text="Tea").click()
    page.wait_for_function("() => document.querySelector('h1')?.innerText.trim() === 'Tea'", timeout=30_000)
    page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
    nav = page.locator("[data-testid=stTopNav]").inner_text()
    assert "Summary" in nav and "Domains" in nav and "Tổng hợp" not in nav
    assert "cay-che" in page.url
    context.close()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("?lang=en", "Overview"),
        ("?lang=English", "Overview"),
        ("?lang=vi", "Tổng quan"),
        ("?lang=xx", "Tổng quan"),
    ],
)
def test_a_link_opens_in_the_language_it_names(server: str, browser: Any, query: str, title: str) -> None:
    """Shared links say en or vi; links written before that (?lang=English) still work."""
    page = browser.new_page(viewport={"width": PHONE, "height": 900})
    open_page(page, f"{server}/{query}")
    assert page.locator("h1").first.inner_text().strip() == title
    page.close()


def test_the_figures_get_the_width_of_a_laptop_screen(server: str, browser: Any) -> None:
    """At 1366 px no sidebar takes 300 px: the page's content spans nearly the whole window."""
    page = browser.new_page(viewport={"width": DESKTOP, "height": 900})
    open_page(page, server)
    assert page.locator("[data-testid=stSidebar]").count() == 0
    width = page.evaluate("() => document.querySelector('[data-testid=stMainBlockContainer]').clientWidth")
    assert width >= DESKTOP - 120, width
    page.close()


def test_every_chart_offers_a_png_in_the_reader_language(server: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": DESKTOP, "height": 900}, accept_downloads=True)
    page = context.new_page()
    open_page(page, f"{server}/muc-tieu-2025")
    charts = page.locator("[data-testid=stPlotlyChart]")
    assert charts.count() == 1  # the goals page draws the path of the goal picked
    button = page.locator(".modebar-btn[data-title]").first
    assert button.get_attribute("data-title") == "Tải ảnh PNG"
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename.endswith(".png")
    context.close()


def test_markup_in_a_name_stays_text_in_the_browser(server: str, browser: Any, store_url: str) -> None:
    """A name holding HTML (from an uploaded workbook) is shown as written and never runs."""
    from indicators.core.model import Dataset
    from indicators.store.database import Store

    store = Store(store_url)
    before = store.load()
    hostile = '<img src=x onerror="window.__pwned=1"><b>GTSX</b> Tổng giá trị sản xuất'
    indicators = before.indicators.assign(
        name_vi=before.indicators["name_vi"].where(before.indicators["code"] != "GTSX", hostile)
    )
    frames = {name: getattr(before, name) for name in before.counts()}
    store.commit(Dataset.from_frames({**frames, "indicators": indicators}), account="test")
    try:
        page = browser.new_page(viewport={"width": DESKTOP, "height": 900})
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
    from indicators.core.model import Dataset
    from indicators.store.database import Store

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
    from indicators.excel import diff, validate
    from indicators.store.database import Store
    from tests.support import areas_fixture

    store = Store(store_url)
    current = store.load()
    book = areas_fixture.workbook(tmp_path / "xa_2026.xlsx")
    upload = validate.check(book.read_bytes(), book.name, current)
    store.commit(diff.merge(current, upload), account="test")
    expected = {
        "vi": (
            "Xã Bản Bo",
            "1.200,5 ▲ vượt",
            "4/38 xã đã báo cáo (tổng chưa đủ)",
            "Mục tiêu Tỉnh Lai Châu: 3.000 ha",
        ),
        "en": (
            "Bản Bo commune",
            "1,200.5 ▲ exceeded",
            "4 of 38 communes reported (a partial total)",
            "Lai Châu province target",
        ),
    }
    try:
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for lang, words in expected.items():
                open_page(page, f"{server}/so-sanh-dia-ban" + ("?lang=English" if lang == "en" else ""))
                # Type to search, as a reader with many indicators or areas does.
                # Each key waits for what it acts on: the open list, then the list filtered to the
                # indicator (keys typed before the list opens, or Enter before it filters, are lost).
                page.locator("[data-testid=stSelectbox]").first.click()
                page.get_by_role("listbox").wait_for(timeout=30_000)
                page.keyboard.type("Tổng diện tích chè")
                page.wait_for_function(
                    "(text) => document.querySelector('[role=option]')?.innerText.includes(text)",
                    arg="Tổng diện tích chè",
                    timeout=30_000,
                )
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


def test_chart_labels_stay_inside_their_charts_at_laptop_and_phone_width(
    server: str, browser: Any, store_url: str
) -> None:
    """Series through 2025 (a label at the chart's last year) and large numbers, at 1366 and 390 px."""
    from indicators.store.database import Store
    from tests.test_year import AUTUMN_2021, LATER, upload

    store = Store(store_url)
    upload(store, AUTUMN_2021, "uoc-2021.xlsx")
    upload(store, {**LATER, "2025": {**LATER["2025"], "TOURISTS": 581_200}}, "so-lieu-2021-2026.xlsx")
    try:
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in ("muc-tieu-2025", "chi-tieu?indicator=INCOME_PC", "chi-tieu?indicator=TOURISTS"):
                open_page(page, f"{server}/{path}")
                where = f"/{path} {width}px"
                assert page.locator("[data-testid=stPlotlyChart]").count() >= 1, where
                assert page.evaluate(CHART_CLIPPED_JS) == [], where
            page.close()
    finally:
        store.rollback(1, account="test")


def test_the_phone_menu_closes_after_a_page_is_tapped(server: str, browser: Any) -> None:
    """At 390 × 844 with touch the top navigation is a menu over the page: a tapped page closes it.

    Streamlit closes it only for a user agent it names "mobile"; this browser's (a desktop one, as a
    phone asking for the desktop site or a narrow window sends) kept it open over the new page.
    """
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    open_page(page, server)
    sidebar = page.locator("[data-testid=stSidebar]")
    page.locator("[data-testid=stExpandSidebarButton]").tap()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stSidebar]').dataset.collapsed === 'false'"
    )
    page.locator("[data-testid=stSidebarNavLink]", has_text=t("page.goals", "vi")).tap()
    page.wait_for_function(
        "(title) => document.querySelector('h1')?.innerText.trim() === title", arg=t("page.goals", "vi")
    )
    page.wait_for_timeout(500)
    assert sidebar.get_attribute("data-collapsed") == "true"
    box = sidebar.bounding_box()
    assert box is None or box["x"] + box["width"] <= 0  # off the screen, not over the page
    context.close()
