"""The rows of an awards list checked one by one: every problem named by its row, or the rows to add.

The cells arrive as the workbook gave them (text, numbers, dates); a list with any error adds
nothing, so the office corrects the file and sends it again whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from indicators.awards import columns
from indicators.awards.catalogue import RECIPIENTS, Award, Catalogue
from indicators.excel.cells import cell_text
from indicators.excel.workbook import fold
from indicators.text.i18n import ByLang, Message, msg, t

COLUMNS = columns.REGISTER
REQUIRED = ("decision_no", "decision_date", "issuer", "award", "recipient_kind", "name", "area", "year")
LIMITS = columns.LIMITS
SAME_AWARD = columns.SAME_AWARD
FIRST_ROW = 2  # the header is row 1 of the sheet
_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
YEAR_MIN, YEAR_MAX = 1945, 2100
Values = dict[str, object]
Good = list[tuple[int, Values]]  # the rows without an error: (row as people number it, its values)


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


def award_words(catalogue: Catalogue) -> dict[str, Award]:
    """Folded code, Vietnamese or English name → the award: how a cell may name it."""
    words: dict[str, Award] = {}
    for award in catalogue.awards.values():
        for word in (award.code, award.name_vi, award.name_en):
            words[fold(word)] = award
    return words


def kind_words() -> dict[str, str]:
    """Folded code, Vietnamese or English word → the recipient kind (person, collective, household)."""
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


def present(row: int, cells: dict[str, object], required: tuple[str, ...] = REQUIRED) -> list[Message]:
    """The missing (of `required`) and too long cells of one row."""
    errors = [
        msg("awards.err.missing", row=row, column=msg(f"awards.col.{c}"))
        for c in required
        if not cell_text(cells.get(c))
    ]
    errors += [
        msg("awards.err.too_long", row=row, column=msg(f"awards.col.{c}"), limit=limit)
        for c, limit in LIMITS.items()
        if len(cell_text(cells.get(c))) > limit
    ]
    return errors


def award_and_kind(
    row: int, cells: dict[str, object], awards: dict[str, Award], kinds: dict[str, str]
) -> tuple[Award | None, str | None, list[Message]]:
    """The row's award and recipient kind as the catalogue knows them, with an error for each unknown."""
    award = awards.get(fold(cell_text(cells["award"])))
    kind = kinds.get(fold(cell_text(cells["recipient_kind"])))
    errors = []
    if award is None:
        errors.append(msg("awards.err.unknown_title", row=row, title=cell_text(cells["award"])))
    if kind is None:
        errors.append(msg("awards.err.kind", row=row, value=cell_text(cells["recipient_kind"])))
    return award, kind, errors


def wrong_recipient(row: int, award: Award | None, kind: str | None) -> list[Message]:
    """An error when the award does not go to this kind of recipient (a person's title to a collective)."""
    if award is None or kind is None or award.takes(kind):
        return []
    title = ByLang(award.name_vi, award.name_en)
    return [msg("awards.err.wrong_recipient", row=row, title=title, kind=msg(f"awards.kind.{kind}"))]


def _row(
    row: int, cells: dict[str, object], awards: dict[str, Award], kinds: dict[str, str]
) -> tuple[dict[str, object] | None, list[Message]]:
    """One row's values, or the errors that keep it out."""
    errors = present(row, cells)
    if errors:
        return None, errors
    award, kind, errors = award_and_kind(row, cells, awards, kinds)
    day, year = _day(cells["decision_date"]), _year(cells["year"])
    if day is None:
        errors.append(msg("awards.err.date", row=row, value=cell_text(cells["decision_date"])))
    if year is None:
        errors.append(msg("awards.err.year", row=row, value=cell_text(cells["year"])))
    errors += wrong_recipient(row, award, kind)
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


def repeats(good: Good, key: tuple[str, ...], said: Callable[[int, int, Values], Message]) -> list[Message]:
    """`said(row, first, values)` for each row that repeats an earlier one on the `key` columns."""
    first: dict[tuple, int] = {}
    errors = []
    for row, values in good:
        folded = tuple(fold(str(values[c])) for c in key)
        if folded in first:
            errors.append(said(row, first[folded], values))
        else:
            first[folded] = row
    return errors


def checked_list(
    cells: list[dict[str, object]],
    first_row: int,
    one_row: Callable[[int, dict[str, object]], tuple[Values | None, list[Message]]],
    repeated: Callable[[Good], list[Message]],
    names: tuple[str, ...],
) -> Checked:
    """Each row checked by `one_row`, then the good rows by `repeated`: the rows (`names` columns), or
    every error found and no row: a list with any error adds nothing."""
    empty = pd.DataFrame(columns=list(names))
    if not cells:
        return Checked(empty, [msg("awards.err.empty")])
    good: Good = []
    errors: list[Message] = []
    for i, row_cells in enumerate(cells):
        values, found = one_row(first_row + i, row_cells)
        errors += found
        if values is not None:
            good.append((first_row + i, values))
    errors += repeated(good)
    if errors:
        return Checked(empty, errors)
    return Checked(pd.DataFrame([v for _r, v in good], columns=list(names)).astype({"year": "int64"}))


def _duplicate(row: int, first: int, values: Values) -> Message:
    return msg("awards.err.duplicate", row=row, first=first, decision=values["decision_no"])


def check_rows(cells: list[dict[str, object]], catalogue: Catalogue, first_row: int = FIRST_ROW) -> Checked:
    """The rows of a list (column → cell, in sheet order) checked against the catalogue; `first_row` is
    the number people see on the first (a sheet's row 2 under its header, a grid's row 1)."""
    awards, kinds = award_words(catalogue), kind_words()
    return checked_list(
        cells,
        first_row,
        lambda row, row_cells: _row(row, row_cells, awards, kinds),
        lambda good: repeats(good, SAME_AWARD, _duplicate),
        COLUMNS,
    )
