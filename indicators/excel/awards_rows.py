"""The rows of an awards list checked one by one: every problem named by its row, or the rows to add.

The cells arrive as the workbook gave them (text, numbers, dates); a list with any error adds
nothing, so the office corrects the file and sends it again whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from indicators.awards.catalogue import RECIPIENTS, Award, Catalogue
from indicators.excel.cells import cell_text
from indicators.excel.workbook import fold
from indicators.text.i18n import ByLang, Message, msg, t

COLUMNS = (
    "decision_no",
    "decision_date",
    "issuer",
    "award",
    "recipient_kind",
    "name",
    "unit",
    "area",
    "year",
    "achievement",
)
REQUIRED = ("decision_no", "decision_date", "issuer", "award", "recipient_kind", "name", "area", "year")
# The store's columns (indicators/store/award_tables.py).
LIMITS = {"decision_no": 100, "issuer": 200, "name": 300, "unit": 300, "area": 64}
SAME_AWARD = ("decision_no", "award", "recipient_kind", "name", "unit", "area")
FIRST_ROW = 2  # the header is row 1 of the sheet
_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
YEAR_MIN, YEAR_MAX = 1945, 2100


@dataclass
class Checked:
    """The rows ready for the register (empty when any error), and every error found."""

    rows: pd.DataFrame
    errors: list[Message] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the rows can be added."""
        return not self.errors


def header_map() -> dict[str, str]:
    """Folded header (Vietnamese, English or the column's code) → column."""
    return {
        fold(word): column
        for column in COLUMNS
        for word in (column, t(f"awards.col.{column}", "vi"), t(f"awards.col.{column}", "en"))
    }


def _award_words(catalogue: Catalogue) -> dict[str, Award]:
    words: dict[str, Award] = {}
    for award in catalogue.awards.values():
        for word in (award.code, award.name_vi, award.name_en):
            words[fold(word)] = award
    return words


def _kind_words() -> dict[str, str]:
    return {
        fold(w): k for k in RECIPIENTS for w in (k, t(f"awards.kind.{k}", "vi"), t(f"awards.kind.{k}", "en"))
    }


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    found = _DAY.match(text)
    try:
        if found:
            return date(int(found[3]), int(found[2]), int(found[1]))
        return date.fromisoformat(text)
    except ValueError:
        return None


def _year(value: object) -> int | None:
    text = cell_text(value)
    return int(text) if text.isdigit() and YEAR_MIN <= int(text) <= YEAR_MAX else None


def _shown_day(day: date) -> ByLang:
    return ByLang(day.strftime("%d/%m/%Y"), day.isoformat())


def _present(row: int, cells: dict[str, object]) -> list[Message]:
    """The missing and too long cells of one row."""
    errors = []
    for column in REQUIRED:
        if not cell_text(cells.get(column)):
            errors.append(msg("awards.err.missing", row=row, column=msg(f"awards.col.{column}")))
    for column, limit in LIMITS.items():
        if len(cell_text(cells.get(column))) > limit:
            errors.append(
                msg("awards.err.too_long", row=row, column=msg(f"awards.col.{column}"), limit=limit)
            )
    return errors


def _row(
    row: int, cells: dict[str, object], awards: dict[str, Award], kinds: dict[str, str]
) -> tuple[dict[str, object] | None, list[Message]]:
    """One row's values, or the errors that keep it out."""
    errors = _present(row, cells)
    if errors:
        return None, errors
    award = awards.get(fold(cell_text(cells["award"])))
    kind = kinds.get(fold(cell_text(cells["recipient_kind"])))
    day, year = _day(cells["decision_date"]), _year(cells["year"])
    if award is None:
        errors.append(msg("awards.err.unknown_title", row=row, title=cell_text(cells["award"])))
    if kind is None:
        errors.append(msg("awards.err.kind", row=row, value=cell_text(cells["recipient_kind"])))
    if day is None:
        errors.append(msg("awards.err.date", row=row, value=cell_text(cells["decision_date"])))
    if year is None:
        errors.append(msg("awards.err.year", row=row, value=cell_text(cells["year"])))
    if award is not None and kind is not None and not award.takes(kind):
        title = ByLang(award.name_vi, award.name_en)
        errors.append(
            msg("awards.err.wrong_recipient", row=row, title=title, kind=msg(f"awards.kind.{kind}"))
        )
    if day is not None and year is not None and not (year <= day.year <= year + 1):
        # A decision awards a year's work in that year or the next: any other date is a typing slip.
        errors.append(msg("awards.err.date_outside", row=row, date=_shown_day(day), year=year))
    if award is not None and day is not None and not award.valid_on(day):
        title = ByLang(award.name_vi, award.name_en)
        errors.append(msg("awards.err.district_gone", row=row, title=title, date=_shown_day(day)))
    if errors or award is None:
        return None, errors
    values = {c: cell_text(cells.get(c)) for c in COLUMNS}
    return {**values, "decision_date": day, "award": award.code, "recipient_kind": kind, "year": year}, []


def _duplicates(rows: list[tuple[int, dict[str, object]]]) -> list[Message]:
    first: dict[tuple, int] = {}
    errors = []
    for row, values in rows:
        key = tuple(fold(values[c]) for c in SAME_AWARD)
        if key in first:
            errors.append(
                msg("awards.err.duplicate", row=row, first=first[key], decision=values["decision_no"])
            )
        else:
            first[key] = row
    return errors


def check_rows(cells: list[dict[str, object]], catalogue: Catalogue, first_row: int = FIRST_ROW) -> Checked:
    """The rows of a list (column → cell, in sheet order) checked against the catalogue; `first_row` is
    the number people see on the first (a sheet's row 2 under its header, a grid's row 1)."""
    if not cells:
        return Checked(pd.DataFrame(columns=list(COLUMNS)), [msg("awards.err.empty")])
    awards, kinds = _award_words(catalogue), _kind_words()
    good: list[tuple[int, dict[str, object]]] = []
    errors: list[Message] = []
    for i, row_cells in enumerate(cells):
        values, found = _row(first_row + i, row_cells, awards, kinds)
        errors += found
        if values is not None:
            good.append((first_row + i, values))
    errors += _duplicates(good)
    if errors:
        return Checked(pd.DataFrame(columns=list(COLUMNS)), errors)
    return Checked(pd.DataFrame([v for _r, v in good], columns=list(COLUMNS)).astype({"year": "int64"}))
