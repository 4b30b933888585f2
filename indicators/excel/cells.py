"""The checks of an upload's columns and tables: vocabularies, years, numbers, flags, duplicates,
references, plausible values; the catalogue an upload is checked against."""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Literal

import numpy as np
import pandas as pd

from indicators.areas import official as official_areas
from indicators.core.model import (
    AGGREGATION,
    AREA_LINKS,
    AREAS,
    CHANGE_KINDS,
    OBSERVATIONS,
    REPORTED,
    TARGETS,
    YEAR_MAX,
    YEAR_MIN,
    Comparator,
    Table,
    ValueKind,
)
from indicators.excel import workbook as excel
from indicators.excel.sheets import Checker, Located, blank_cells, cell_name
from indicators.excel.typed_numbers import parse_number, yes_no_word
from indicators.excel.workbook import HEADERS, fold
from indicators.text.i18n import Message, msg

FIGURE_TABLES: tuple[Table, ...] = (OBSERVATIONS, TARGETS, REPORTED)
_TRUE = {"true", "1", "yes", "x", "co", "dung"}
_FALSE = {"", "false", "0", "no", "khong", "sai"}


# Column checks ------------------------------------------------------------------------------


def cell_text(value: object) -> str:
    """A text cell's content; numbers typed into a text column lose their ".0"; dates become ISO."""
    if value is None:
        return ""
    if isinstance(value, float):
        if np.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _text_list(values: pd.Series) -> list[str]:
    """Cells as stripped text, as a plain list: a sheet's column is a few dozen cells, where a list
    comprehension costs microseconds and each pandas step a fraction of a millisecond."""
    cells = values.tolist()
    try:
        # Nearly every column is text alone: stripped in one pass of str.strip, with no test per cell.
        return list(map(str.strip, cells))
    except TypeError:  # a number, a date or an empty cell among them
        return [v.strip() if type(v) is str else cell_text(v) for v in cells]


def cell_texts(values: pd.Series) -> pd.Series:
    """Cells as stripped text, a whole column at once."""
    return pd.Series(_text_list(values), index=values.index, dtype=object)


@functools.cache
def _vocabulary(table: str, column: str) -> dict[str, str] | None:
    """The column's folded words, built once: the words and their aliases never change while running."""
    return excel.vocabulary_map(table, column)


def _check_vocabulary(loc: Located, column: str, chk: Checker) -> None:
    vocab = _vocabulary(loc.table.name, column)
    if vocab is None or column not in loc.frame:
        return
    texts = _text_list(loc.frame[column])
    lookup = {u: vocab.get(fold(u)) for u in dict.fromkeys(texts)}
    bad = [i for i, text in enumerate(texts) if lookup[text] is None]
    allowed = ", ".join(excel.words_of(loc.table.name, column))
    chk.at(
        loc,
        column,
        bad,
        msg("check.not_in_vocabulary", allowed=allowed),
    )
    # Each word as its canonical value (plain text, as the store types it); a word outside the
    # vocabulary stays as written (refused above).
    kept = [text if (word := lookup[text]) is None else str(word) for text in texts]
    loc.frame[column] = pd.Series(kept, index=loc.frame.index, dtype=object)


def _check_required_text(loc: Located, column: str, chk: Checker) -> list[str]:
    """The column as stripped text, an empty cell refused; the texts, for the checks that follow."""
    texts = _text_list(loc.frame[column])
    loc.frame[column] = pd.Series(texts, index=loc.frame.index, dtype=object)
    chk.at(loc, column, [i for i, text in enumerate(texts) if text == ""], msg("check.required_empty"))
    return texts


def _year_of(value: object) -> int | None:
    if isinstance(value, bool | date | datetime | time | timedelta):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
        return int(number) if number.is_integer() else None
    if isinstance(value, str) and re.fullmatch(r"\s*\d{1,4}\s*", value):
        return int(value)
    return None


def _check_years(loc: Located, column: str, chk: Checker, required: bool) -> None:
    if column not in loc.frame:
        return
    raw = loc.frame[column]
    values = raw.to_numpy(dtype=object)
    blank = blank_cells(values)
    filled = np.flatnonzero(~blank)
    if pd.api.types.infer_dtype(values[filled], skipna=False) in ("floating", "integer"):
        numeric = ~blank
    else:
        numeric = np.fromiter((type(v) in (float, int) for v in values), bool, len(values))
    years = np.full(len(raw), np.nan)
    if numeric.any():
        numbers = values[numeric].astype("float64")
        years[numeric] = np.where(numbers % 1 == 0, numbers, np.nan)
    # Text, dates and the like are few: one by one.
    for i in np.flatnonzero(~numeric & ~blank):
        year = _year_of(values[i])
        years[i] = np.nan if year is None else year
    not_year = np.isnan(years) & ~blank
    outside = ~np.isnan(years) & ((years < YEAR_MIN) | (years > YEAR_MAX))
    chk.at(
        loc,
        column,
        np.flatnonzero(not_year),
        msg("check.not_a_year", first=YEAR_MIN, last=YEAR_MAX),
    )
    chk.at(
        loc,
        column,
        np.flatnonzero(outside),
        msg("check.year_out_of_range", first=YEAR_MIN, last=YEAR_MAX),
    )
    if required:
        chk.at(loc, column, np.flatnonzero(blank), msg("check.year_missing"))
    years[outside] = np.nan
    loc.frame[column] = years


def _figure_messages(
    loc: Located, positions: list[int] | np.ndarray, chk: Checker, problem: str
) -> list[Message]:
    """A missing or unreadable figure's message, saying what the cell accepts: a number written the
    Vietnamese way, or for a yes/no indicator "Đạt" or "Chưa đạt"."""
    codes = loc.frame["code"].to_numpy(dtype=object) if "code" in loc.frame else None
    out = []
    for i in positions:
        yes_no = codes is not None and cell_text(codes[i]) in chk.yes_no
        out.append(msg(f"check.{problem}_yes_no" if yes_no else f"check.{problem}"))
    return out


def _check_numbers(loc: Located, column: str, chk: Checker) -> None:
    """Numbers pass; text numbers are read in the Vietnamese convention and listed; the rest refused."""
    raw = loc.frame[column]
    out = np.full(len(raw), np.nan)
    kind = pd.api.types.infer_dtype(raw, skipna=False)
    if kind in ("floating", "integer"):
        out[:] = raw.astype("float64").to_numpy()
        loc.frame[column] = out
        missing = np.flatnonzero(np.isnan(out))
        chk.at(loc, column, missing, _figure_messages(loc, missing, chk, "value_missing"))
        return
    problems: dict[str, list[int]] = {"empty": [], "not_number": [], "ambiguous": []}
    for i, value in enumerate(raw.to_numpy(dtype=object)):
        if isinstance(value, float) and not np.isnan(value):
            out[i] = value
            continue
        parsed = parse_number(value)
        if parsed.value is None:
            problems[parsed.issue or "not_number"].append(i)
            continue
        if yes_no_word(value):
            # "Đạt" is a figure only for a yes/no indicator: the catalogue decides (check_yes_no_words);
            # a printed % or a share is never one.
            loc.yes_no_words[i] = str(value).strip()
            if column != "value":
                chk.at(loc, column, [i], msg("check.yes_no_only", text=str(value).strip()))
                continue
        out[i] = parsed.value
        if isinstance(value, str):
            row = int(loc.rows[i])
            col = int(loc.col(column, np.array([i]))[0])
            header = loc.headers.get(column) or HEADERS[loc.table.name][column]
            chk.conversions.append((loc.sheet, cell_name(row, col), header, value, parsed.value))
    chk.at(loc, column, problems["empty"], _figure_messages(loc, problems["empty"], chk, "value_missing"))
    bad = problems["not_number"]
    chk.at(loc, column, bad, _figure_messages(loc, bad, chk, "not_a_number"))
    # The value typed is quoted in the sentence, not an example of another number.
    values = raw.to_numpy(dtype=object)
    ambiguous = [msg("check.ambiguous_number", text=str(values[i]).strip()) for i in problems["ambiguous"]]
    chk.at(loc, column, problems["ambiguous"], ambiguous)
    loc.frame[column] = out


def _check_flags(loc: Located, column: str, chk: Checker) -> None:
    if column not in loc.frame:
        return
    words = loc.frame[column].map(
        lambda v: fold(cell_text(v)) if not isinstance(v, bool) else ("true" if v else "")
    )
    bad = np.flatnonzero(~words.isin(_TRUE | _FALSE).to_numpy())
    chk.at(loc, column, bad, msg("check.flag"))
    loc.frame[column] = words.isin(_TRUE)


ColumnKind = Literal["vocabulary", "year", "number", "flag", "required", "text"]
# The type each kind of column has once checked: an empty sheet's columns are given it directly.
_CHECKED_TYPE: dict[ColumnKind, type | str] = {
    "vocabulary": object,
    "year": "float64",
    "number": "float64",
    "flag": bool,
    "required": object,
    "text": object,
}


def _column_kind(table: Table, column: str) -> ColumnKind:
    """How a column is checked: against its words, as a year, a figure, a flag, required or free text."""
    if (table.name, column) in excel.VOCABULARIES:
        return "vocabulary"
    if column in ("year", "base_year"):
        return "year"
    if column in excel.VALUE_COLUMNS:
        return "number"
    if column in ("derived", "yearly", "period_unstated"):
        return "flag"
    if column in ("code", "area", "name_vi") or (table is AREAS and column == "name"):
        return "required"
    return "text"


def check_columns(loc: Located, chk: Checker) -> None:
    """Each column by its type: vocabularies, required text, years, numbers, flags."""
    if loc.frame.empty:
        # No cell, no problem: the columns only take their checked types (a file's empty sheets).
        typed = {c: np.empty(0, dtype=_CHECKED_TYPE[_column_kind(loc.table, c)]) for c in loc.table.columns}
        frame = pd.DataFrame(
            {c: typed[c] if c in typed else loc.frame[c] for c in loc.frame.columns}, copy=False
        )
        loc.frame = frame if frame.index.identical(loc.frame.index) else frame.set_axis(loc.frame.index)
        return
    for column in loc.table.columns:
        if column not in loc.frame:
            continue
        kind = _column_kind(loc.table, column)
        texts = None
        if kind == "vocabulary":
            _check_vocabulary(loc, column, chk)
        elif kind == "year":
            _check_years(loc, column, chk, required=column == "year")
        elif kind == "number":
            _check_numbers(loc, column, chk)
        elif kind == "flag":
            _check_flags(loc, column, chk)
        else:
            if kind == "required":
                texts = _check_required_text(loc, column, chk)
            else:
                texts = _text_list(loc.frame[column])
                loc.frame[column] = pd.Series(texts, index=loc.frame.index, dtype=object)
            _check_hidden(loc, column, chk, texts)
        if column in _CODE_COLUMNS:
            _check_code_letters(loc, column, chk, texts)


# Columns that hold a code (an indicator's or an area's): compared character by character.
_CODE_COLUMNS = {"code", "area", "parent", "from_code", "numerator", "denominator"}
# Scripts named in words (script.*); any other is named by its Unicode name ("ARMENIAN").
_SCRIPTS = {"CYRILLIC", "GREEK"}


def _foreign_character(code: str) -> str | None:
    """The first character a code may not hold: a letter of a script other than Latin, a non-ASCII digit.

    Vietnamese letters are Latin; a Cyrillic "Т" or Greek "Α" looks like a Latin one and makes
    "GТSX" a different code from GTSX that nobody can tell apart on the screen.
    """
    if code.isascii():  # the quick answer for nearly every cell
        return None
    for ch in code:
        if ch.isdigit() and not ch.isascii():
            return ch
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN "):
            return ch
    return None


def _script(ch: str) -> Message | str:
    first = unicodedata.name(ch, "?").split(" ")[0]
    return msg(f"script.{first.lower()}") if first in _SCRIPTS else first


def _check_code_letters(loc: Located, column: str, chk: Checker, texts: list[str] | None = None) -> None:
    """Codes read as NFKC (full-width ＧＴＳＸ is GTSX, with a note); another script's letter is refused.

    `texts`: the column's cells as text, when the caller has them: a column all ASCII holds no look-alike.
    """
    if texts is not None and "".join(texts).isascii():
        return
    values = loc.frame[column].to_numpy(dtype=object)
    uniques = [v for v in pd.unique(values) if isinstance(v, str) and not v.isascii()]
    if not uniques:
        return
    normal = {v: unicodedata.normalize("NFKC", v) for v in uniques}
    for position in np.flatnonzero([isinstance(v, str) and v in normal for v in values]):
        written, code = values[position], normal[values[position]]
        ch = _foreign_character(code)
        if ch is not None:
            what = f"“{ch}” U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()
            chk.at(loc, column, [int(position)], msg("check.code_script", what=what, script=_script(ch)))
        elif code != written:
            # A note, not a refusal, and not through chk.at: the cell may still be refused as a duplicate.
            loc.frame.iat[int(position), loc.frame.columns.get_loc(column)] = code
            chk.add(
                loc.sheet,
                msg("check.code_normalised", written=written, code=code),
                row=int(loc.rows[position]),
                col=int(loc.col(column, np.array([position]))[0]),
                column=loc.headers.get(column, HEADERS[loc.table.name].get(column, column)),
                value=written,
                severity="warning",
            )


# Codes and names are compared and shown as identifiers: not even a line break belongs in them.
_IDENTIFIERS = {"code", "area", "parent", "name_vi", "name_en", "name"}
_TEXT_CONTROLS = {"\t", "\n", "\r"}  # a quote may run over several lines


def _hidden_char(text: str, strict: bool) -> str | None:
    """The first control or format character (a zero-width space, a direction override), if any."""
    if text.isprintable():  # the quick answer for nearly every cell
        return None
    for ch in text:
        kind = unicodedata.category(ch)
        if kind == "Cf" or (kind == "Cc" and (strict or ch not in _TEXT_CONTROLS)):
            return ch
    return None


def _check_hidden(loc: Located, column: str, chk: Checker, texts: list[str] | None = None) -> None:
    """Invisible characters make "GTSX\u200b" look exactly like GTSX: refused with the cell named.

    A character is printable wherever it stands, so the column's text as a whole is printable exactly
    when each cell is: nearly every column is passed with one look, not one per cell. `texts`: the
    column's cells as text, when the caller has them.
    """
    values = loc.frame[column].to_numpy(dtype=object)
    try:
        if "".join(values.tolist() if texts is None else texts).isprintable():
            return
    except TypeError:  # a cell that is not text: the cells are looked at one by one
        pass
    strict = column in _IDENTIFIERS
    found = {v: _hidden_char(v, strict) for v in set(values.tolist()) if isinstance(v, str)}
    hidden = {v: ch for v, ch in found.items() if ch is not None}
    if not hidden:
        return
    for position in np.flatnonzero([isinstance(v, str) and v in hidden for v in values]):
        ch = hidden[values[position]]
        what = f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()
        # The value shown with the character made visible.
        shown = values[position].replace(ch, f"[U+{ord(ch):04X}]")
        chk.at(loc, column, [int(position)], msg("check.hidden_character", what=what), [shown])


def _no_repeated_key(frame: pd.DataFrame, key: list[str]) -> bool:
    """No two rows share a key, on plain values (cheaper than a frame); every empty cell is one value."""
    columns = [[None if v is pd.NA or v != v else v for v in frame[c].tolist()] for c in key]
    keys = list(zip(*columns, strict=True))
    return len(set(keys)) == len(keys)


def check_duplicates(loc: Located, chk: Checker) -> None:
    """Rows that repeat another row's key: each refused, naming the first."""
    key = [c for c in loc.table.key if c in loc.frame]
    if _no_repeated_key(loc.frame, key):
        return
    frame = loc.frame[key]
    dup = frame.duplicated(keep=False).to_numpy()
    if not dup.any():
        return
    # Whole columns at a time, not a loop over rows: 100,000 repeated rows take a fraction of a second.
    positions = np.flatnonzero(dup)
    rows = frame.iloc[positions]
    group = rows.groupby(key, sort=False, dropna=False).ngroup().to_numpy()
    repeat = rows.duplicated(keep="first").to_numpy()
    first_row = np.zeros(group.max() + 1, dtype=int)
    first_row[group[~repeat]] = loc.rows[positions[~repeat]]
    first_col = np.zeros(group.max() + 1, dtype=int)
    first_col[group[~repeat]] = loc.col(key[0], positions[~repeat])
    # Each key in words once per group, each cell value in words once per column.
    columns = [rows[c].to_numpy(dtype=object)[~repeat] for c in key]
    texts = [{v: cell_text(v) for v in dict.fromkeys(column)} for column in columns]
    shown = np.empty(group.max() + 1, dtype=object)
    shown[group[~repeat]] = [
        " / ".join(text[v] for text, v in zip(texts, values, strict=True))
        for values in zip(*columns, strict=True)
    ]
    names = ", ".join(HEADERS[loc.table.name][c] for c in key)
    # The first row's cell and the key in the words: "GTSX" at A84 names A2, where GTSX already is.
    words = {
        g: msg(
            "check.duplicate_row",
            other=int(first_row[g]),
            first=cell_name(int(first_row[g]), int(first_col[g])),
            names=names,
            same=shown[g],
        )
        for g in set(group[repeat])
    }
    chk.at(
        loc,
        key[0],
        positions[repeat],
        [words[g] for g in group[repeat]],
        values=shown[group[repeat]].tolist(),
    )


def official_codes(located: dict[str, list[Located]], chk: Checker) -> None:
    """Workbooks made before the official codes (TD, LC …) still import: codes mapped, with a note."""
    for locs in located.values():
        for loc in locs:
            columns = ["area", "parent"] + (["code"] if loc.table in (AREAS, AREA_LINKS) else [])
            for column in (c for c in columns if c in loc.frame):
                # A plain look-up first: nearly every file holds no old code, and a column of thousands
                # of areas is looked up in a fraction of the time pandas' map and isin take.
                texts = [v if isinstance(v, str) else cell_text(v) for v in loc.frame[column].tolist()]
                if official_areas.LEGACY_CODES.keys().isdisjoint(texts):
                    continue
                values = pd.Series(texts, index=loc.frame.index, dtype=object)
                old = values.isin(official_areas.LEGACY_CODES.keys())
                pairs = sorted({f"{c} → {official_areas.official(c)}" for c in values[old]})
                loc.frame[column] = values.map(official_areas.official)
                chk.add(
                    loc.sheet,
                    msg("check.legacy_area", pairs=", ".join(pairs)),
                    column=column,
                    severity="warning",
                )


def check_references(loc: Located, codes: set[str], areas: set[str], chk: Checker) -> None:
    """Indicator and area codes that neither the file nor the current data knows."""
    if loc.table in FIGURE_TABLES:
        # Plain look-ups in the sets: the codes are text by now (check_columns), and Series.isin
        # converts a set of thousands of areas into an array on every call.
        bad = [i for i, code in enumerate(loc.frame["code"].tolist()) if code not in codes and code != ""]
        chk.at(
            loc,
            "code",
            bad,
            msg("check.unknown_code"),
        )
    column = {AREAS: "parent", AREA_LINKS: "code", AGGREGATION: ""}.get(loc.table, "area")
    if column in loc.frame:
        unknown = [i for i, area in enumerate(loc.frame[column].tolist()) if area not in areas and area != ""]
        chk.at(
            loc,
            column,
            unknown,
            msg("check.unknown_area"),
        )


def check_domain(loc: Located, catalogue: pd.DataFrame, chk: Checker) -> None:
    """Shares above 100 % and negative counts are refused; changes may be anything."""
    if loc.table is REPORTED or loc.frame.empty:
        return
    if not catalogue["code"].is_unique:  # as Series.map does: a code written twice is no look-up
        raise pd.errors.InvalidIndexError("Reindexing only valid with uniquely valued Index objects")
    # Plain look-ups: a sheet holds a few dozen figures, where each pandas step costs more than all of them.
    codes, known = loc.frame["code"].tolist(), catalogue["code"].tolist()
    kinds = dict(zip(known, catalogue["value_kind"].tolist(), strict=True))
    # Each unit as text, "" for none: a code the catalogue lacks has no unit either.
    units = dict(zip(known, catalogue["unit"].fillna("").astype(str).str.strip().tolist(), strict=True))
    kind = [kinds.get(code) for code in codes]
    unit = [units.get(code, "") for code in codes]
    value = pd.to_numeric(loc.frame["value"], errors="coerce").tolist()
    level = _levels(loc)
    rows = list(zip(kind, unit, level, value, strict=True))
    shares = ValueKind.SHARE.value
    share = [i for i, (k, u, lv, v) in enumerate(rows) if k == shares and u == "%" and lv and v > 100]
    chk.at(loc, "value", share, msg("check.share_over_100"))
    counted = (ValueKind.COUNT.value, ValueKind.TERM_TOTAL.value)
    counts = [i for i, (k, _, lv, v) in enumerate(rows) if k in counted and lv and v < 0]
    chk.at(loc, "value", counts, msg("check.negative_count"))
    if loc.table is TARGETS and {"qualifier", "comparator"} <= set(loc.frame):
        _check_target_qualifier(loc, chk)
    if loc.yes_no_words:
        check_yes_no_words(loc, pd.Series(kind, index=loc.frame.index, dtype=object), chk)


def _levels(loc: Located) -> list[bool]:
    """True for each row that is a level, not a change: a change (or a reduction target) may be negative."""
    if loc.table is OBSERVATIONS:
        return [kind not in CHANGE_KINDS for kind in loc.frame["kind"].tolist()]
    if "comparator" in loc.frame:
        return [c != Comparator.REDUCE_BY.value for c in loc.frame["comparator"].tolist()]
    # Wide target columns: a reduction target keeps its comparator from the current row.
    return [True] * len(loc.frame)


# A target's word that says the opposite of its comparator: "trên 5" is no ceiling, "dưới 5" no floor.
_CONTRARY = {("tren", Comparator.AT_MOST.value), ("duoi", Comparator.AT_LEAST.value)}


def _check_target_qualifier(loc: Located, chk: Checker) -> None:
    """ "Trên" with "Không vượt quá", or "Dưới" with "Không thấp hơn": the target would read both ways."""
    pairs = zip(loc.frame["qualifier"].astype(str), loc.frame["comparator"].astype(str), strict=True)
    contrary = [i for i, pair in enumerate(pairs) if pair in _CONTRARY]
    chk.at(loc, "qualifier", contrary, msg("check.qualifier_contrary"))


def check_yes_no_words(loc: Located, kind: pd.Series, chk: Checker) -> None:
    """ "Đạt", "có", "không" in a value cell: read as 1 or 0 for a yes/no indicator, else refused.

    For a level, a count or a share the word is no figure: 1 "có" would be stored as a count of one.
    """
    if not loc.yes_no_words:
        return
    yes_no = kind == ValueKind.YES_NO.value
    if "comparator" in loc.frame:
        yes_no = yes_no | (loc.frame["comparator"] == Comparator.YES.value)
    wrong = [i for i in sorted(loc.yes_no_words) if not yes_no.iloc[i]]
    words = [loc.yes_no_words[i] for i in wrong]
    chk.at(loc, "value", wrong, [msg("check.yes_no_only", text=w) for w in words], values=words)
    # A refused word was never read as a figure: it leaves the list of text read as numbers.
    at = np.asarray(wrong, dtype=int)
    refused = {
        (loc.sheet, cell_name(int(r), int(c)))
        for r, c in zip(loc.rows[at], loc.col("value", at), strict=True)
    }
    chk.conversions = [c for c in chk.conversions if (c[0], c[1]) not in refused]


def effective(current: pd.DataFrame, locs: list[Located]) -> pd.DataFrame:
    """The catalogue an upload is checked against: the file's rows over the current ones."""
    if not locs:
        return current
    # One sheet per table is the rule: its frame as it is, with no concatenated copy.
    upload = locs[0].frame if len(locs) == 1 else pd.concat([loc.frame for loc in locs], ignore_index=True)
    # A key written twice is refused by check_duplicates; the checks after it need one row per key.
    key = [c for c in locs[0].table.key if c in upload]
    if not _no_repeated_key(upload, key):
        upload = upload.drop_duplicates(key, keep="first")
    # A set and a list, not Series.isin: a catalogue's codes are text, and isin converts thousands of
    # them between Arrow and Python objects on every call.
    written = set(upload["code"].tolist())
    unwritten = np.array([code not in written for code in current["code"].tolist()], dtype=bool)
    # A file carrying the whole list (a commune's, the national one) keeps none of the current rows.
    kept = current.iloc[0:0] if not unwritten.any() else current[unwritten]
    columns = [c for c in upload.columns if c in current.columns]
    written_rows = upload if columns == list(upload.columns) else upload[columns]
    return pd.concat([kept, written_rows], ignore_index=True)
