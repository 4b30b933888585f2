"""A figure for an area in a year it did not exist: refused, naming the unit that took over (or came before).

The former Bình Lư commune (03412) ended on 30 June 2025; a 2026 figure under its code belongs to the
new Xã Bình Lư (03390). A code may name two units over time (03390 was the Tam Đường township before
it was the new Bình Lư), so a year is fine when any unit of that code was in force on some day of it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.areas import hierarchy as areas
from indicators.excel.sheets import Checker, Located
from indicators.text import fmt
from indicators.text.i18n import ByLang, Message, msg, t


def _in_force(units: pd.DataFrame, year: int) -> bool:
    """True when some unit of one code was in force on some day of `year` (a blank date: no limit)."""
    starts = (units["valid_from"] == "") | (units["valid_from"] <= areas.year_end(year))
    ends = (units["valid_to"] == "") | (units["valid_to"] >= f"{year}-01-01")
    return bool((starts & ends).any())


def _name(area_rows: pd.DataFrame, code: str, year: int | None = None) -> ByLang:
    """ "Xã Bình Lư (03390)", the unit of that code in `year` (the newest by default); a code the list
    does not name stays a code."""
    vi, en = areas.label(area_rows, code, "vi", year), areas.label(area_rows, code, "en", year)
    return ByLang(code, code) if vi == code else ByLang(f"{vi} ({code})", f"{en} ({code})")


def _others(codes: list[str], area_rows: pd.DataFrame, year: int | None = None) -> ByLang:
    names = [_name(area_rows, c, year) for c in dict.fromkeys(codes)]
    if not names:
        return ByLang("", "")
    return ByLang(", ".join(n.vi for n in names), ", ".join(n.en for n in names))


def _span(units: pd.DataFrame) -> ByLang:
    """The unit's time in words: "đến 30/6/2025" / "until 30 Jun 2025", "từ …", or "… – …"."""
    first = min((d for d in units["valid_from"] if d), default="")
    ends = list(units["valid_to"])
    last = "" if "" in ends else max(ends, default="")
    text = {}
    for lang in fmt.LANGS:
        start, end = fmt.day(first, lang), fmt.day(last, lang)
        text[lang] = (
            f"{start} – {end}"
            if start and end
            else t("compare.since" if start else "compare.until", lang).format(d=start or end)
        )
    return ByLang(text["vi"], text["en"])


@dataclass(frozen=True)
class _Unit:
    """What a refusal says of one area code: its name, its time, and who took over or came before."""

    name: ByLang
    span: ByLang
    last: str  # the day its last unit ended; "" when one is still in force
    after: ByLang | None  # the units it went into
    before: ByLang | None  # the units it was formed from


def _unit(code: str, area_rows: pd.DataFrame, links: pd.DataFrame) -> _Unit:
    units = area_rows[area_rows["code"] == code]
    last = "" if (units["valid_to"] == "").any() else str(units["valid_to"].max())
    after = links[(links["from_code"] == code) & (links["code"] != code)]
    before = links[(links["code"] == code) & (links["from_code"] != code)]
    # The former units as they were the year before this unit began.
    starts = [d for d in units["valid_from"] if d]
    then = int(min(starts)[:4]) - 1 if starts else None
    return _Unit(
        _name(area_rows, code),
        _span(units),
        last,
        _others(list(after["code"]), area_rows) if not after.empty else None,
        _others(list(before["from_code"]), area_rows, then) if not before.empty else None,
    )


def _words(unit: _Unit, year: int) -> Message:
    if unit.last and areas.year_end(year) > unit.last:
        if unit.after is not None:
            return msg("check.area_ended", area=unit.name, year=year, span=unit.span, then=unit.after)
    elif unit.before is not None:
        return msg("check.area_not_yet", area=unit.name, year=year, span=unit.span, then=unit.before)
    return msg("check.area_outside", area=unit.name, year=year, span=unit.span)


def why(code: str, year: int, area_rows: pd.DataFrame, links: pd.DataFrame) -> Message | None:
    """Why `code` cannot hold a figure for `year`, naming its successor or predecessor; None when it can."""
    units = area_rows[area_rows["code"] == code]
    if units.empty or _in_force(units, year):
        return None
    return _words(_unit(code, area_rows, links), year)


def _years(dates: pd.Series, blank: float) -> list[float]:
    """The year each date starts with; `blank` where none can be read (pandas' reading of the rest)."""
    heads = [d[:4] if isinstance(d, str) else None for d in dates.tolist()]
    # Stored dates are "" or NNNN-TT-NN: read by hand; anything else is read by pandas, as it always was.
    if all(h is not None and (h == "" or (len(h) == 4 and h.isascii() and h.isdigit())) for h in heads):
        return [float(h) if h else blank for h in heads]
    return pd.to_numeric(dates.str[:4], errors="coerce").fillna(blank).tolist()


def _spans(area_rows: pd.DataFrame, wanted: set[object]) -> dict[object, list[tuple[float, float]]]:
    """The units of each code in `wanted` as (first year, last year); a blank or unreadable date: no limit."""
    codes = area_rows["code"].tolist()
    # An upload's figures name a few areas of thousands (a commune's file carries the national list):
    # only their rows are read, the same rows the look-ups below would find.
    at = [i for i, code in enumerate(codes) if code in wanted]
    rows = area_rows.iloc[at] if len(at) < len(codes) else area_rows
    # A unit covers a year when it began by the year's end and ended on or after its first day.
    first = _years(rows["valid_from"], -np.inf)
    last = _years(rows["valid_to"], np.inf)
    spans: dict[object, list[tuple[float, float]]] = {}
    for i, start, end in zip(at, first, last, strict=True):
        spans.setdefault(codes[i], []).append((start, end))
    return spans


def outside(codes: pd.Series, years: pd.Series, area_rows: pd.DataFrame) -> np.ndarray:
    """Positions of rows whose known area code had no unit in force in their year, all rows at once.

    Each distinct (area, year) is judged once: 100,000 rows hold a few thousand of them. Plain Python,
    since an upload's sheet is mostly a few dozen rows and pandas' joins cost more than the judging.
    """
    named = codes.to_numpy(dtype=object).tolist()
    spans = _spans(area_rows, set(named))
    judged: dict[tuple[object, float], bool] = {}
    bad = []
    for i, (code, year) in enumerate(zip(named, years.to_numpy(dtype="float64").tolist(), strict=True)):
        if year != year:  # no year to judge (NaN)
            continue
        out = judged.get((code, year))
        if out is None:
            units = spans.get(code)  # unknown codes are reported elsewhere
            out = units is not None and not any(start <= year <= end for start, end in units)
            judged[(code, year)] = out
        if out:
            bad.append(i)
    return np.array(bad, dtype=int)


def check(loc: Located, area_rows: pd.DataFrame, links: pd.DataFrame, chk: Checker) -> None:
    """Each figure row whose area was not in force in its year, refused at its area cell."""
    if loc.frame.empty or "year" not in loc.frame or "area" not in loc.frame:
        return
    codes = loc.frame["area"].astype(str)
    years = pd.to_numeric(loc.frame["year"], errors="coerce")
    positions = outside(codes, years, area_rows)
    if not len(positions):
        return
    found: dict[str, _Unit] = {}
    words = []
    for i in positions:
        code = codes.iloc[i]
        if code not in found:
            found[code] = _unit(code, area_rows, links)
        words.append(_words(found[code], int(years.iloc[i])))
    chk.at(loc, "area", positions, words)
