"""Registration and proposal lists read for the store: the same guard and the same refusals as the register's.

A registration (start of a year) or a proposal (year end) names a recipient and the title aimed at,
without a decision. A list with any error stores nothing: every problem is named by its row.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Literal

import pandas as pd

from indicators.awards import columns as award_columns
from indicators.awards.catalogue import Award, Catalogue
from indicators.excel import awards_rows, awards_sheet, guard, isolation
from indicators.excel.awards_rows import (
    FIRST_ROW,
    Checked,
    _year,
    award_words,
    kind_words,
)
from indicators.excel.cells import cell_text
from indicators.text.i18n import Message, msg

Kind = Literal["registrations", "proposals"]
COLUMNS = award_columns.RECIPIENT
PROPOSAL_COLUMNS = (*COLUMNS, "achievement")
REQUIRED = ("year", "award", "recipient_kind", "name", "area")
log = logging.getLogger(__name__)


def columns(kind: Kind) -> tuple[str, ...]:
    """The columns a list of `kind` is stored with."""
    return PROPOSAL_COLUMNS if kind == "proposals" else COLUMNS


def _row(
    row: int, cells: dict[str, object], words: tuple[dict[str, Award], dict[str, str]], kind: Kind
) -> tuple[dict | None, list]:
    """One row's values as codes, or the errors that keep the list out; `words` names awards and kinds."""
    errors = awards_rows.present(row, cells, REQUIRED)
    if errors:
        return None, errors
    award, recipient, errors = awards_rows.award_and_kind(row, cells, *words)
    year = _year(cells["year"])
    if year is None:
        errors.append(msg("awards.err.year", row=row, value=cell_text(cells["year"])))
    errors += awards_rows.wrong_recipient(row, award, recipient)
    if errors or award is None:
        return None, errors
    values = {c: cell_text(cells.get(c)) for c in columns(kind)}
    return {**values, "award": award.code, "recipient_kind": recipient, "year": year}, []


def _twice(row: int, first: int, _values: dict[str, object]) -> Message:
    """The same recipient registered or proposed twice for one title in one year."""
    return msg("awards.err.twice", row=row, first=first)


def check_rows(cells: list[dict[str, object]], catalogue: Catalogue, kind: Kind) -> Checked:
    """The rows of a registration or proposal list checked against the catalogue, in sheet order."""
    words = (award_words(catalogue), kind_words())
    return awards_rows.checked_list(
        cells,
        FIRST_ROW,
        lambda row, row_cells: _row(row, row_cells, words, kind),
        lambda good: awards_rows.repeats(good, COLUMNS, _twice),
        columns(kind),
    )


def check_file(data: bytes, catalogue: Catalogue, kind: Kind, limits: guard.Limits | None = None) -> Checked:
    """A registration or proposal list read behind the guard and checked; nothing else is parsed."""
    empty = pd.DataFrame(columns=list(columns(kind)))
    grid = awards_sheet.read_grid(data, limits)
    if isinstance(grid, Message):
        return Checked(empty, [grid])
    rows, lacking = awards_sheet.sheet_rows(grid, columns(kind), REQUIRED)
    if lacking is not None:
        return Checked(empty, [lacking])
    return check_rows(rows, catalogue, kind)


def check_file_isolated(data: bytes, catalogue: Catalogue, kind: Kind) -> Checked:
    """check_file() in a child process with memory and time limits: what the CLI and a page call."""
    try:
        checked: Checked = isolation.run(check_file, data, catalogue, kind, guard.Limits.from_env())
    except isolation.LimitExceededError as exc:
        log.warning("%s list refused by the parsing child: %s", kind, exc)
        return Checked(pd.DataFrame(columns=list(columns(kind))), [msg("refuse.too_big_or_damaged")])
    return checked


def awarded_rows(
    accepted: pd.DataFrame, number: str, day: date, issuer: str, catalogue: Catalogue
) -> Checked:
    """Accepted proposals as the register's rows under one decision, checked by the register's rules
    (a decision signed in the year rewarded or the next; no district award after 30 June 2025)."""
    cells: list[dict[str, object]] = [
        {**row, "decision_no": number, "decision_date": day, "issuer": issuer}
        for row in accepted[[*COLUMNS, "achievement"]].to_dict("records")
    ]
    return awards_rows.check_rows(cells, catalogue)
