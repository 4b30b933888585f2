"""Shared links hold codes (?indicator=BIRTH_RATE&area=106&year=2020), open one view; old links still open."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from dashboard import links
from indicators.core.model import Dataset
from indicators.store.database import Store
from indicators.text import labels
from indicators.text.i18n import t
from tests.test_year import AUTUMN_2021, LATER, upload

pytestmark = pytest.mark.usefixtures("fresh_caches")

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def later(store: Store) -> Dataset:
    """The district's figures of 2021 to 2026: a year page with years to choose."""
    upload(store, AUTUMN_2021, "uoc-2021.xlsx")
    return upload(store, LATER, "so-lieu-2021-2026.xlsx")


def _open(page: str, params: dict[str, str], lang: str = "vi", at: AppTest | None = None) -> AppTest:
    at = at or AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    go_to(at, page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _address(at: AppTest) -> dict[str, str]:
    return {k: str(v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def _picker_label(data: Dataset, code: str, lang: str) -> str:
    info = labels.indicator_info(data, lang)  # type: ignore[arg-type]
    return f"{t('domain.' + str(info.at[code, 'domain']), lang)} · {info.at[code, 'name']}"  # type: ignore[arg-type]


def test_a_link_names_the_indicator_by_its_code_and_the_address_follows_the_choice(store: Store) -> None:
    at = _open("pages/detail.py", {"indicator": "BIRTH_RATE"})
    assert at.selectbox(key="indicator").value == "BIRTH_RATE"
    assert _address(at)["indicator"] == "BIRTH_RATE"
    at.selectbox(key="indicator").set_value("GTSX").run()
    # The address holds the code, never the picker's label in the reader's language.
    assert _address(at)["indicator"] == "GTSX"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_old_link_with_the_pickers_label_still_opens_its_indicator(store: Store, lang: str) -> None:
    label = _picker_label(store.load(), "BIRTH_RATE", lang)
    assert label == ("Dân số · Tỷ lệ sinh" if lang == "vi" else "Population · Birth rate")
    # An old Vietnamese link opened by an English reader (and the other way round) opens alike.
    at = _open("pages/detail.py", {"indicator": label}, lang="en" if lang == "vi" else "vi")
    assert at.selectbox(key="indicator").value == "BIRTH_RATE"
    assert _address(at)["indicator"] == "BIRTH_RATE"


def test_a_link_naming_nothing_known_opens_the_default(store: Store) -> None:
    at = _open("pages/detail.py", {"indicator": "KHONG_CO"})
    assert at.selectbox(key="indicator").value == "GTSX"
    assert _address(at)["indicator"] == "GTSX"


@pytest.mark.parametrize("param", ["year", "nam"])
def test_the_year_page_opens_the_year_a_link_names_old_or_new(later: Dataset, param: str) -> None:
    at = _open("pages/year.py", {param: "2023"})
    assert at.selectbox(key="nam").value == 2023
    assert at.subheader[0].value == t("year.heading", "vi").format(y=2023)
    address = _address(at)
    assert address["year"] == "2023" and "nam" not in address
    at.selectbox(key="nam").set_value(2024).run()
    assert _address(at)["year"] == "2024"


def test_an_area_in_a_link_opens_there_and_the_next_page_follows(communes: Store) -> None:
    at = _open("pages/overview.py", {"area": "03405"})
    assert at.selectbox(key="overview_area").value == "03405"
    assert _address(at)["area"] == "03405"
    at.selectbox(key="overview_area").set_value("03390").run()
    assert _address(at)["area"] == "03390"
    # The same session on another page opens on the area chosen last, not on the link's old one.
    go_to(at, "pages/year.py")
    at.run()
    assert at.selectbox(key="year_area").value == "03390"


def test_the_comparison_opens_on_the_linked_view_and_keeps_it_in_codes(communes: Store) -> None:
    at = _open("pages/compare.py", {"indicator": "POV_RATE", "year": "2026", "parent": "12"})
    assert at.selectbox(key="compare_code").value == "POV_RATE"
    assert at.selectbox(key="compare_year").value == 2026
    assert at.selectbox(key="compare_parent").value == "12"
    assert {k: v for k, v in _address(at).items() if k != "lang"} == {
        "indicator": "POV_RATE",
        "year": "2026",
        "parent": "12",
    }


def test_match_takes_a_code_then_a_label_in_either_language() -> None:
    names = {"A": ["Tỷ lệ sinh", "Birth rate"], "B": ["Số hộ", "Households"]}
    assert links.match("B", ["A", "B"], names.__getitem__) == "B"
    assert links.match("  birth   RATE ", ["A", "B"], names.__getitem__) == "A"
    assert links.match("Không có", ["A", "B"], names.__getitem__) is None
    assert links.match("2023", [2022, 2023]) == 2023
