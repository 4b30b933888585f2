"""A figure for an area in a year it did not exist: refused, naming the unit that took over (or came before).

The former Bình Lư commune (03412) ended on 30 June 2025; a 2026 figure under its code belongs to the
new Xã Bình Lư (03390). A code may name two units over time (03390 was the Tam Đường township before
it was the new Bình Lư), so a year is fine when any unit of that code was in force on some day of it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators import areas, fmt
from indicators.i18n import ByLang, Message, msg
from indicators.upload_sheets import Checker, Located


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
    for lang, since, until in (("vi", "từ", "đến"), ("en", "from", "until")):
        start, end = fmt.day(first, lang), fmt.day(last, lang)  # type: ignore[arg-type]
        text[lang] = (
            f"{start} – {end}" if start and end else (f"{since} {start}" if start else f"{until} {end}")
        )
    return ByLang(text["vi"], text["en"])


def why(code: str, year: int, area_rows: pd.DataFrame, links: pd.DataFrame) -> Message | None:
    """Why `code` cannot hold a figure for `year`, naming its successor or predecessor; None when it can."""
    units = area_rows[area_rows["code"] == code]
    if units.empty or _in_force(units, year):
        return None
    name, span = _name(area_rows, code), _span(units)
    last = "" if (units["valid_to"] == "").any() else str(units["valid_to"].max())
    if last and areas.year_end(year) > last:
        after = links[(links["from_code"] == code) & (links["code"] != code)]
        if not after.empty:
            return msg(
                "check.area_ended",
                area=name,
                year=year,
                span=span,
                then=_others(list(after["code"]), area_rows),
            )
    else:
        before = links[(links["code"] == code) & (links["from_code"] != code)]
        if not before.empty:
            return msg(
                "check.area_not_yet",
                area=name,
                year=year,
                span=span,
                then=_others(list(before["from_code"]), area_rows, year),
            )
    return msg("check.area_outside", area=name, year=year, span=span)


def check(loc: Located, area_rows: pd.DataFrame, links: pd.DataFrame, chk: Checker) -> None:
    """Each figure row whose area was not in force in its year, refused at its area cell."""
    if loc.frame.empty or "year" not in loc.frame or "area" not in loc.frame:
        return
    years = pd.to_numeric(loc.frame["year"], errors="coerce")
    pairs = pd.DataFrame({"area": loc.frame["area"].astype(str), "year": years}).dropna()
    reasons: dict[tuple[str, int], Message | None] = {}
    for area, year in pairs.drop_duplicates().itertuples(index=False):
        reasons[(area, int(year))] = why(area, int(year), area_rows, links)
    bad = {k: v for k, v in reasons.items() if v is not None}
    if not bad:
        return
    positions = [
        i
        for i, (area, year) in enumerate(zip(loc.frame["area"].astype(str), years, strict=True))
        if not np.isnan(year) and (area, int(year)) in bad
    ]
    words = [bad[(str(loc.frame["area"].iloc[i]), int(years.iloc[i]))] for i in positions]
    chk.at(loc, "area", positions, [w for w in words if w is not None])
