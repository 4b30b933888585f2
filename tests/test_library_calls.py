"""Where a pinned library replaced hand-written code: cell names, dates, the Set-Cookie header."""

from __future__ import annotations

from http.cookies import SimpleCookie
from urllib.parse import unquote

import pandas as pd
import pytest

from dashboard.session_cookie import NEXT_COOKIE, _cookie_header
from indicators.cli import output
from indicators.cli import tables as cli_tables
from indicators.excel.sheets import cell_name, split_ref
from indicators.store.database import Store
from indicators.text import fmt

REFS = [
    ("B7", (7, 2)),
    ("b7", (7, 2)),
    ("AA10", (10, 27)),
    ("XFD1048576", (1048576, 16384)),
    # Not one cell: no row, no column, or a column past any spreadsheet's last.
    ("7", (0, 0)),
    ("B", (0, 0)),
    ("", (0, 0)),
    ("ZZZZ7", (0, 0)),
]


@pytest.mark.parametrize(("ref", "where"), REFS)
def test_a_cell_reference_is_read_by_openpyxl(ref: str, where: tuple[int, int]) -> None:
    assert split_ref(ref) == where


def test_a_cell_is_named_by_openpyxl() -> None:
    assert [cell_name(7, 2), cell_name(1, 27), cell_name(0, 703), cell_name(5, 0)] == ["B7", "AA1", "AAA", ""]


@pytest.mark.parametrize(
    ("iso", "vi", "en"),
    [("2025-06-30", "30/6/2025", "30 Jun 2025"), ("2025-07-01", "1/7/2025", "1 Jul 2025"), ("", "", "")],
)
def test_a_day_is_written_by_babel(iso: str, vi: str, en: str) -> None:
    assert (fmt.day(iso, "vi"), fmt.day(iso, "en")) == (vi, en)


def test_a_moment_is_written_in_its_own_time_zone() -> None:
    when = pd.Timestamp("2026-12-05T02:30:00Z").tz_convert("Asia/Ho_Chi_Minh")
    assert (fmt.moment(when, "vi"), fmt.moment(when, "en")) == ("05/12/2026 09:30", "2026-12-05 09:30")


@pytest.mark.parametrize(
    ("when", "vi", "en"),
    [
        # The store keeps UTC: eight in the evening there is the next morning in Vietnam.
        ("2026-12-04 20:00:00", "5/12/2026", "5 Dec 2026"),
        ("2026-12-04T16:59:59Z", "4/12/2026", "4 Dec 2026"),
        (pd.Timestamp("2026-12-31T17:00:00Z"), "1/1/2027", "1 Jan 2027"),
    ],
)
def test_a_stored_time_is_read_as_the_day_it_was_in_vietnam(when: object, vi: str, en: str) -> None:
    assert (fmt.local_day(when, "vi"), fmt.local_day(when, "en")) == (vi, en)


@pytest.mark.parametrize("absent", [None, pd.NaT, float("nan"), pd.NA, ""])
def test_a_history_row_without_a_time_shows_none(absent: object) -> None:
    assert cli_tables._local(absent) == ""
    assert cli_tables._local(pd.Timestamp("2026-12-05T03:04:00Z")) == "2026-12-05 10:04:00"


def test_an_area_without_a_target_has_an_empty_comparator_not_a_missing_one(store: Store) -> None:
    frame = output._compare_frame(store, "GTSX", 2020, "12")
    assert "" in set(frame["comparator"]) and "" in set(frame["target_basis"])
    assert not frame[["comparator", "target_basis"]].isna().any().any()


def test_the_page_to_come_back_to_is_one_well_formed_cookie() -> None:
    page = "/year?area=03405&ten=Tả Lèng;x"
    header = _cookie_header(page, 600)
    value = "/year?area=03405&ten=T%E1%BA%A3%20L%C3%A8ng%3Bx"
    assert header == f"{NEXT_COOKIE}={value}; HttpOnly; Max-Age=600; Path=/; SameSite=Lax"
    # A browser sends back exactly the value: one cookie, the page percent-encoded, nothing more.
    jar: SimpleCookie = SimpleCookie()
    jar.load(header.split(";")[0])
    assert list(jar) == [NEXT_COOKIE] and unquote(jar[NEXT_COOKIE].value) == page
    assert _cookie_header("", 0) == f"{NEXT_COOKIE}=; HttpOnly; Max-Age=0; Path=/; SameSite=Lax"
