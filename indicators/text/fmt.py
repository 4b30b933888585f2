"""Numbers as people read them: Vietnamese convention (2.503,3) or English (2,503.3)."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, SupportsFloat

import pandas as pd
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
_LOCALES: dict[str, str] = {"vi": "vi_VN", "en": "en_US"}
MISSING = "—"
# Babel's date patterns (d: day, M: month, y: year, HH:mm: 24-hour time).
_DAY: dict[str, str] = {"vi": "d/M/y", "en": "d MMM y"}
_MOMENT: dict[str, str] = {"vi": "dd/MM/y HH:mm", "en": "y-MM-dd HH:mm"}
# Vietnam's clock (UTC+7 all year): the store keeps UTC, people read the day as it was here.
LOCAL_TIME = "Asia/Ho_Chi_Minh"


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pandas' NA: the figure is absent. Text is a value, even "nan"."""
    if value is None:
        return True
    if isinstance(value, float):  # also numpy's float64: the common cases first
        return math.isnan(value)
    if isinstance(value, str | int):  # text is a value, whatever it spells; so is any whole number
        return False
    missing = pd.isna(value)
    # A list or an array is a value, not one absent figure.
    return missing if isinstance(missing, bool) else False


def _float(value: object) -> float:
    """A value `is_missing` let through, as a float; text is read as Python reads a number."""
    return float(value) if isinstance(value, SupportsFloat) else float(str(value))


def round_half_up(value: float, decimals: int) -> float:
    """Round as a person prints (0,5 goes up), not banker's rounding."""
    # repr() first so 118.08018... is not polluted by binary noise before rounding.
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def printed_decimals(value: float) -> int:
    """Decimals a printed figure carries: 118.08 → 2, 220.4 → 1, 500 → 0."""
    text = repr(float(value))
    if "e" in text or "E" in text:
        return 0
    fraction = text.split(".")[1] if "." in text else ""
    return 0 if fraction == "0" else len(fraction)


def pct_as_printed(pct: float, printed: object) -> float:
    """A computed % no more precise than the report printed its own (220,433… beside 220,4 → 220,4).

    Without a printed % to follow, two decimals, as the report's own percentages (118,08) carry.
    """
    if is_missing(pct):
        return float("nan")
    if is_missing(printed):
        return round_half_up(float(pct), 2)
    return round_half_up(float(pct), printed_decimals(_float(printed)))


def number(value: object, lang: Lang = "vi", decimals: int | None = None) -> str:
    """A number in the reader's convention; decimals=None keeps up to 2 significant places."""
    if is_missing(value):
        return MISSING
    x = _float(value)
    if decimals is None:
        pattern = "#,##0.##"
    elif decimals == 0:
        pattern = "#,##0"
    else:
        pattern = "#,##0." + "0" * decimals
    if decimals is not None:
        x = round_half_up(x, decimals)
    return format_decimal(x, format=pattern, locale=_LOCALES[lang])


def percent(value: object, lang: Lang = "vi", decimals: int | None = None) -> str:
    """A percentage such as 118,08 % (a narrow space keeps the sign with its number)."""
    text = number(value, lang, decimals)
    return text if text == MISSING else f"{text}\u202f%"


def signed(value: object, lang: Lang = "vi", decimals: int | None = None) -> str:
    """A change with its sign: +1.050,2 or −6."""
    if is_missing(value):
        return MISSING
    x = _float(value)
    text = number(abs(x), lang, decimals)
    return ("+" if x > 0 else "−" if x < 0 else "±") + text


def with_unit(value: object, unit: str, lang: Lang = "vi", decimals: int | None = None) -> str:
    """A figure and its unit: 2.503,3 tỷ đồng; 18,22 %."""
    return join_unit(number(value, lang, decimals), unit)


def join_unit(text: str, unit: str) -> str:
    """A figure already in words and its unit: "+1.050,2 tỷ đồng"; "%" and "‰" stay with the number."""
    if text == MISSING or not unit:
        return text
    return f"{text}\u202f{unit}" if unit in {"%", "‰"} else f"{text} {unit_after(text, unit)}"


# A figure that is exactly one, after its sign or the report's qualifier: "1", "+1", "≈ 1", "about 1".
_ONE = re.compile(r"(?:^|[\s+−-])1$")
# The unit's noun ends where a rate or a qualifier starts: "doctors per 10,000 population".
_NOUN_END = re.compile(r" per |/| of ")
_SINGULAR = {"criteria": "criterion", "people": "person", "festivals and events": "festival or event"}


def unit_after(text: str, unit: str) -> str:
    """The unit as it reads after a figure: "1 centre", "1 award", "2 centres" (English plurals only).

    Safe in either language: a Vietnamese syllable never ends in "s", so a Vietnamese unit is left
    as it is, and so is a unit whose noun is not a plural ("1 ha", "1 billion VND").
    """
    if not _ONE.search(text.strip()):
        return unit
    cut = _NOUN_END.search(unit)
    noun, rest = (unit[: cut.start()], unit[cut.start() :]) if cut else (unit, "")
    if noun in _SINGULAR:
        return _SINGULAR[noun] + rest
    head, _, last = noun.rpartition(" ")
    if last in _SINGULAR:
        single = _SINGULAR[last]
    elif last.endswith("ies") and len(last) > 4:
        single = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "sses", "xes")):
        single = last[:-2]
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 2 and last.isalpha():
        single = last[:-1]
    else:
        return unit
    return (f"{head} " if head else "") + single + rest


def implied_decimals(target: float, printed_pct: float, actual: float) -> int:
    """Decimals an implied target (actual ÷ printed %) can honestly carry; negative rounds to tens.

    A printed % carries as many significant digits as it shows (118,08 → 5, 137,2 → 4, 500 → 3),
    and a target worked back from it carries no more; nor more decimals than the actual it came from.
    """
    digits = len(repr(float(printed_pct)).replace(".", "").removesuffix("0").lstrip("0")) or 1
    if float(printed_pct).is_integer():
        digits = len(str(int(printed_pct)))
    if not target or not math.isfinite(target):
        return 0
    decimals = digits - 1 - math.floor(math.log10(abs(target)))
    return min(decimals, printed_decimals(actual))


def estimate_mark(lang: Lang = "vi") -> str:
    """The word set beside every estimated figure."""
    return "ước" if lang == "vi" else "est."


def of_total(count: object, total: object, lang: Lang = "vi") -> str:
    """A count met out of a total, as the report writes it: 17/17."""
    if is_missing(count):
        return MISSING
    return f"{number(count, lang)}/{number(total, lang)}" if not is_missing(total) else number(count, lang)


def day(iso: str, lang: Lang = "vi") -> str:
    """An ISO date as people write it: 30/6/2025 in Vietnamese, 30 Jun 2025 in English; "" stays ""."""
    if not iso:
        return ""
    return format_date(date.fromisoformat(iso), _DAY[lang], locale=_LOCALES[lang])


def local_day(when: object, lang: Lang = "vi") -> str:
    """A time the store keeps in UTC as the day it was in Vietnam: 2026-12-04 20:00 UTC → 5/12/2026."""
    stamp = pd.Timestamp(when)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp
    return format_date(stamp.tz_convert(LOCAL_TIME).date(), _DAY[lang], locale=_LOCALES[lang])


def moment(when: datetime, lang: Lang = "vi") -> str:
    """A time as people write it, in its own time zone: 05/12/2026 09:30, or 2026-12-05 09:30."""
    return format_datetime(when, _MOMENT[lang], locale=_LOCALES[lang])
