"""A figure for an area in a year it did not exist is refused, naming the unit that took over; vi and en."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from dashboard import state
from indicators.areas import dates as area_dates
from indicators.core.model import Dataset
from indicators.excel import entry, validate
from indicators.store.database import Store
from tests.test_entry import PAGE, typed
from tests.test_pages_data import page, upload

ENDED_VI = (
    "Địa bàn Xã Bình Lư (03412) chỉ có hiệu lực đến 30/6/2025, không còn trong năm 2026: số liệu năm 2026 "
    "thuộc Xã Bình Lư (03390). Hãy ghi số liệu dưới mã của đơn vị mới."
)
ENDED_EN = (
    "Area Bình Lư commune (03412) existed only until 30 Jun 2025, not in 2026: figures for 2026 belong to "
    "Bình Lư commune (03390). Enter the figure under the new unit's code."
)


def wide(rows: list[tuple[str, str, dict[str, float]]]) -> bytes:
    """A wide sheet: code, area, then one column per year."""
    years = list(dict.fromkeys(y for _, _, figures in rows for y in figures))
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã chỉ tiêu", "Mã địa bàn", *years])
    for code, area, figures in rows:
        sheet.append([code, area, *[figures.get(y) for y in years]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_figure_after_the_area_ended_is_refused_naming_its_successor(seed_data: Dataset) -> None:
    checked = validate.check(wide([("TEA_AREA", "03412", {"2026": 120.0})]), "xa.xlsx", seed_data)
    (problem,) = checked.errors
    assert (problem.cell, problem.value) == ("B2", "03412")
    assert problem.message("vi") == ENDED_VI
    assert problem.message("en") == ENDED_EN
    assert not checked.frames  # nothing to merge: nothing changes


def test_a_figure_in_the_areas_years_passes_and_a_code_reused_over_time_is_fine(seed_data: Dataset) -> None:
    # 03412 ended on 30 June 2025: its 2025 figure is its own. 03390 was the Tam Đường township until
    # then and is the new Bình Lư since: a figure for either year has a unit in force.
    rows = [("TEA_AREA", "03412", {"2025": 120.0}), ("TEA_AREA", "03390", {"2020": 80.0, "2026": 200.0})]
    checked = validate.check(wide(rows), "xa.xlsx", seed_data)
    assert checked.ok, validate.report_text(checked)
    assert len(checked.frames["observations"]) == 3


def test_a_figure_before_the_area_began_names_the_units_it_was_formed_from(seed_data: Dataset) -> None:
    # A unit that exists only since 1 July 2025, formed from two former communes (tests only).
    new = pd.DataFrame(
        [
            {
                "code": "03999",
                "name": "Xã Thử Nghiệm",
                "level": "commune",
                "parent": "12",
                "valid_from": "2025-07-01",
                "valid_to": "",
            }
        ]
    )
    areas = pd.concat([seed_data.areas, new], ignore_index=True)
    links = pd.DataFrame(
        [
            {
                "code": "03999",
                "from_code": c,
                "date": "2025-07-01",
                "part": "whole",
                "share": 1.0,
                "source": "",
            }
            for c in ("03412", "03405")
        ]
    )
    words = area_dates.why("03999", 2020, areas, links)
    assert words is not None
    assert words.text("vi") == (
        "Địa bàn Xã Thử Nghiệm (03999) chỉ có hiệu lực từ 1/7/2025, chưa có trong năm 2020: số liệu năm "
        "2020 thuộc Xã Bình Lư (03412), Xã Giang Ma (03405). Hãy ghi số liệu dưới mã của đơn vị khi đó."
    )
    assert words.text("en").startswith("Area Thử Nghiệm commune (03999) existed only from 1 Jul 2025")
    assert area_dates.why("03999", 2025, areas, links) is None
    # Without a known origin: the dates alone.
    alone = area_dates.why("03999", 2020, areas, links.iloc[0:0])
    assert alone is not None and alone.key == "check.area_outside"


@pytest.mark.usefixtures("fresh_caches")
def test_the_upload_page_refuses_it_and_writes_nothing(store: Store) -> None:
    at = upload(page("upload.py", "en"), "xa.xlsx", wide([("TEA_AREA", "03412", {"2026": 120.0})]))
    assert not at.exception
    report = at.dataframe[0].value
    assert report["Message"].tolist() == [ENDED_EN]
    assert not [b for b in at.button if b.key == state.UPLOAD_COMMIT_WIDGET]
    assert store.current_version() == 1


def test_the_grid_refuses_it_too(seed_data: Dataset) -> None:
    before = entry.grid(seed_data, "03412", 2026)
    book = entry.sheet(before, typed(before, TEA_AREA=("120", "actual")), "03412", 2026, seed_data)
    (problem,) = entry.check(book, seed_data).errors
    assert book.rows[problem.row] == "TEA_AREA" and problem.message("vi") == ENDED_VI


@pytest.mark.usefixtures("fresh_caches")
def test_the_grid_page_shows_the_refusal_at_its_indicator(store: Store) -> None:
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    from tests.support import sessions

    at = sessions.sign_in(at, "lan", "analyst")
    at.session_state[state.ENTER_AREA_WIDGET] = "03412"
    at.session_state[state.ENTER_YEAR_WIDGET] = 2026
    at = at.run()
    grid = entry.grid(store.load(), "03412", 2026)
    row = int(grid.index[grid["code"] == "TEA_AREA"][0])
    at.session_state[f"{state.ENTER_GRID_WIDGET}_03412_2026_1_0"] = {
        "edited_rows": {row: {"value": "120"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at = at.run()
    assert not at.exception
    shown = at.dataframe[-1].value
    assert shown.values.tolist() == [["TEA_AREA", "03412", ENDED_VI]]
    assert store.current_version() == 1


def test_outside_judges_each_row_by_every_unit_of_its_code() -> None:
    # 03390 names two units over time; 03412 ended in 2025; 03500 has a date no year can be read from.
    areas = pd.DataFrame(
        {
            "code": ["03390", "03390", "03412", "03500"],
            "valid_from": ["", "2025-07-01", "", "x"],
            "valid_to": ["2025-06-30", "", "2025-06-30", "2019-12-31"],
        }
    )
    rows = [
        ("03390", 2019.0),  # the township: in force
        ("03390", 2030.0),  # the new commune: in force
        ("03412", 2025.0),  # its last year: fine
        ("03412", 2026.0),  # after it ended
        ("03412", float("nan")),  # no year: judged elsewhere
        ("99999", 2026.0),  # unknown code: reported elsewhere
        ("03412", 2026.0),  # the same pair again
        ("03500", 1990.0),  # an unreadable start is no limit
        ("03500", 2020.0),  # after its end
    ]
    codes = pd.Series([c for c, _ in rows], index=range(10, 19))
    years = pd.Series([y for _, y in rows], index=range(10, 19))
    found = area_dates.outside(codes, years, areas)
    assert found.tolist() == [3, 6, 8]
    assert found.dtype.kind == "i"
    assert area_dates.outside(codes.iloc[:3], years.iloc[:3], areas).tolist() == []
