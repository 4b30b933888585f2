"""The eight domain pages come from one table, each at the address it has always had."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from dashboard.domain_pages import DOMAIN_NAV, DomainPage
from indicators.core import page_settings
from indicators.store.database import Store
from indicators.text.i18n import t
from tests.support import appserver

pytestmark = pytest.mark.usefixtures("fresh_caches")

APP = str(Path(__file__).resolve().parents[1] / "app.py")
# The addresses people bookmarked and links shared before the pages came from a table.
OLD_PATHS = {
    "economy": "kinh-te",
    "society": "giao-duc-y-te-van-hoa",
    "poverty_jobs": "giam-ngheo-viec-lam",
    "defence_security": "quoc-phong-an-ninh",
    "political_system": "he-thong-chinh-tri",
    "new_rural": "nong-thon-moi",
    "tea": "cay-che",
    "tourism": "du-lich",
}


def test_the_table_holds_every_domain_page_at_its_old_address() -> None:
    assert {p.group: p.url_path for p in DOMAIN_NAV} == OLD_PATHS
    assert [p.group for p in DOMAIN_NAV] == list(page_settings.DOMAIN_PAGES)
    # The browser tests visit the same addresses, each titled as the table says.
    assert {path: appserver.PAGES[path] for path in OLD_PATHS.values()} == {
        p.url_path: f"page.{p.group}" for p in DOMAIN_NAV
    }


@pytest.mark.parametrize("page", DOMAIN_NAV, ids=lambda p: p.url_path)
def test_each_domain_page_draws_at_its_address(store: Store, page: DomainPage) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "en"
    at = go_to(at, page.url_path).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [x.value for x in at.title] == [t(f"page.{page.group}", "en")]
    # The page the navigation ran is the table's function, registered under that address.
    registered = {p["url_pathname"]: p for p in at._registered_pages.values()}  # no public view of it
    entry = registered[page.url_path]
    assert not entry.get("script_path") and entry["page_name"] == t(f"page.{page.group}", "en")
    # Its indicators drawn as cards, and its area filter keyed by its group where there is one.
    assert len(at.metric) >= 1
    assert all(s.key in (f"domain_{page.group}_area", f"domain_{page.group}_trend") for s in at.selectbox)


def test_a_domain_page_follows_the_latest_term_with_figures_and_draws_every_year(store: Store) -> None:
    from tests.test_year import upload

    # Tea and tourism figures of 2021–2024, with no target of the 2020–2025 term for them yet.
    upload(
        store,
        {
            str(y): {"TEA_AREA": 1800 + 50 * (y - 2021), "TOURISTS": 320_000 + 20_000 * (y - 2021)}
            for y in range(2021, 2025)
        },
        "che-du-lich.xlsx",
    )
    years = [2020, 2021, 2022, 2023, 2024]  # the 2020 estimate, then the new figures
    drawn: dict[str, list[float]] = {
        "TEA_AREA": [1758.5, 1800, 1850, 1900, 1950],
        "TOURISTS": [300_000, 320_000, 340_000, 360_000, 380_000],
    }
    for path, code, group in (("cay-che", "TEA_AREA", "tea"), ("du-lich", "TOURISTS", "tourism")):
        at = AppTest.from_file(APP, default_timeout=60)
        at.session_state["lang"] = "vi"
        at = go_to(at, path).run()
        assert not at.exception, [e.value for e in at.exception]
        term = at.segmented_control(key=f"domain_{group}_term")
        assert term.options == ["2015–2020", "2020–2025"]
        assert term.value == "2020-2025"
        assert t("domain_page.trend", "vi") in [s.value for s in at.subheader]
        # Off until asked: no picker and no chart of every year until the reader turns it on.
        assert not [s for s in at.selectbox if s.key == f"domain_{group}_trend"]
        assert not [c for c in at.get("plotly_chart") if c.key == f"domain_{group}_trend_chart"]
        at.toggle(key=f"domain_{group}_trend_show").set_value(True).run()
        at.selectbox(key=f"domain_{group}_trend").set_value(code).run()
        (chart,) = [c for c in at.get("plotly_chart") if c.key == f"domain_{group}_trend_chart"]
        spec = json.loads(chart.proto.spec)
        # The source gives the 2020 tourist count without its year: never drawn at 2020, named instead.
        shown = years if code == "TEA_AREA" else years[1:]
        assert spec["data"][0]["x"][-len(shown) :] == shown
        assert spec["data"][0]["y"][-len(shown) :] == drawn[code][-len(shown) :]
        assert 2020 not in spec["data"][0]["x"] or code == "TEA_AREA"
        # The reader may still choose the earlier term.
        term.set_value("2015-2020").run()
        assert not at.exception
        assert at.segmented_control(key=f"domain_{group}_term").value == "2015-2020"
        # The switch stays on while the reader moves between terms: the chart of every year stays.
        assert [c for c in at.get("plotly_chart") if c.key == f"domain_{group}_trend_chart"]
