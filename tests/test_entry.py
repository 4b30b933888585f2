"""Figures typed in the browser grid go through the upload's checks, preview and versioning (issue 10 §4)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard import state
from indicators import diff, entry, validate
from indicators.model import Dataset
from indicators.store import Store
from tests import sessions as signed

PAGE = Path(__file__).resolve().parents[1] / "pages" / "enter.py"


def typed(grid: pd.DataFrame, **figures: tuple[str, str]) -> pd.DataFrame:
    """The grid after typing: code → (text, kind)."""
    out = grid.copy()
    for code, (text, kind) in figures.items():
        out.loc[out["code"] == code, ["value", "kind"]] = [text, kind]
    return out


def save(store: Store, data: Dataset, area: str, year: int, **figures: tuple[str, str]) -> validate.Upload:
    before = entry.grid(data, area, year)
    book = entry.workbook(before, typed(before, **figures), area, year)
    upload = validate.check(book.data, book.file_name, data)
    assert upload.ok, validate.report_text(upload)
    store.commit(diff.merge(data, upload), "lan", book.file_name, upload.sha256, "", "import")
    return upload


def figures(store: Store, code: str, year: int) -> dict[str, float]:
    obs = store.load().observations
    rows = obs[(obs["code"] == code) & (obs["area"] == "106") & (obs["year"] == year)]
    rows = rows[rows["kind"].isin(entry.KINDS)]
    return dict(zip(rows["kind"], rows["value"], strict=True))


def test_the_grid_shows_each_figure_the_vietnamese_way(seed_data: Dataset) -> None:
    grid = entry.grid(seed_data, "106", 2020)
    assert list(grid.columns) == list(entry.GRID_COLUMNS)
    assert len(grid) == len(seed_data.indicators)
    gtsx = grid.set_index("code").loc["GTSX"]
    # The report's 2020 figures are estimates (issue 8): the grid says so.
    assert (gtsx["value"], gtsx["kind"], gtsx["unit"]) == ("2.503,3", "estimate", "tỷ đồng")
    assert grid.set_index("code").loc["GTSX_AGRI", "value"] == "37,1"
    assert entry.grid(seed_data, "106", 2023)["value"].eq("").all()  # no figure yet for 2023


def test_an_untouched_grid_makes_no_workbook_row(seed_data: Dataset) -> None:
    grid = entry.grid(seed_data, "106", 2020)
    assert entry.workbook(grid, grid.copy(), "106", 2020).empty
    cleared = typed(grid, GTSX=("", "actual"))
    assert entry.workbook(grid, cleared, "106", 2020).empty  # an emptied cell removes nothing


def test_a_typed_figure_is_read_checked_previewed_and_saved_as_a_version(
    store: Store, seed_data: Dataset
) -> None:
    before = entry.grid(seed_data, "106", 2020)
    book = entry.workbook(before, typed(before, GTSX=("2.650,5", "estimate")), "106", 2020)
    assert book.rows == {2: "GTSX"}
    upload = validate.check(book.data, book.file_name, seed_data)
    assert upload.ok and upload.layout == "wide"
    assert upload.conversions[["text", "value"]].values.tolist() == [["2.650,5", 2650.5]]
    preview = diff.compare(seed_data, diff.merge(seed_data, upload))
    assert preview.totals() == {"new": 0, "changed": 1, "removed": 0}
    store.commit(diff.merge(seed_data, upload), "lan", book.file_name, upload.sha256, "", "import")
    assert store.current_version() == 2
    assert figures(store, "GTSX", 2020) == {"estimate": 2650.5}
    assert store.versions()["file_name"].iloc[-1] == "nhap-truc-tiep-106-2020.xlsx"


def test_an_estimate_then_the_official_figure_keeps_both(store: Store) -> None:
    save(store, store.load(), "106", 2021, GTSX=("2.710,4", "estimate"), INCOME_PC=("31,5", "estimate"))
    assert figures(store, "GTSX", 2021) == {"estimate": 2710.4}
    # Next spring the official figure: the grid now shows the estimate, the analyst types over it.
    data = store.load()
    assert entry.grid(data, "106", 2021).set_index("code").loc["GTSX", "value"] == "2.710,4"
    save(store, data, "106", 2021, GTSX=("2.698,2", "actual"))
    assert figures(store, "GTSX", 2021) == {"estimate": 2710.4, "actual": 2698.2}
    assert entry.grid(store.load(), "106", 2021).set_index("code").loc["GTSX", "value"] == "2.698,2"
    assert store.current_version() == 3  # each save one version; history keeps the estimate's


@pytest.mark.parametrize(
    ("text", "words"),
    [("2.503", "Số không rõ nghĩa"), ("khoảng 2500", "Không phải là số"), ("-5", "Số lượng không được âm")],
)
def test_bad_entries_are_refused_at_their_indicator(seed_data: Dataset, text: str, words: str) -> None:
    before = entry.grid(seed_data, "106", 2020)
    code = "FESTIVALS" if text == "-5" else "GTSX"
    book = entry.workbook(before, typed(before, **{code: (text, "actual")}), "106", 2020)
    upload = validate.check(book.data, book.file_name, seed_data)
    (problem,) = upload.errors
    assert words in problem.message_vi
    assert book.rows[problem.row] == code


@pytest.fixture
def editor_page(store: Store) -> AppTest:
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    return signed.sign_in(at, "lan", "analyst")  # a real account, as the page checks on every run


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_offers_area_year_and_grid(editor_page: AppTest, lang: str) -> None:
    editor_page.session_state[state.LANG_KEY] = lang
    at = editor_page.run()
    assert not at.exception
    assert at.title[0].value == ("Nhập số liệu" if lang == "vi" else "Enter figures")
    assert at.selectbox(key=state.ENTER_AREA_WIDGET).value == "106"
    assert at.number_input(key=state.ENTER_YEAR_WIDGET).value == 2020
    assert at.caption[-1].value.startswith("Chưa có" if lang == "vi" else "No figure")


def test_a_viewer_gets_the_sign_in_form(store: Store) -> None:
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    assert at.title[0].value == "Đăng nhập"
    assert not at.get("arrow_data_frame")
