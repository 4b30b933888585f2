"""Numbers typed as text in a workbook, read in the Vietnamese convention ("2.503,3") or refused."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

Issue = Literal["empty", "not_number", "ambiguous"]

# Spaces people and spreadsheets put between digit groups: space, no-break, narrow no-break, thin.
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_MINUS = "-\u2212\u2013"  # hyphen, minus sign, en dash (Word turns "-5" into "–5")
_PLAIN = re.compile(r"\d+")
# A yes/no figure as people write it in a workbook or the entry grid (the product shows "đạt" /
# "chưa đạt"): read as 1 and 0, the stored figure. Only whole words, case and accents as typed.
YES_NO_WORDS: dict[str, float] = {
    "đạt": 1.0,
    "có": 1.0,
    "yes": 1.0,
    "met": 1.0,
    "chưa đạt": 0.0,
    "không đạt": 0.0,
    "không": 0.0,
    "no": 0.0,
    "not met": 0.0,
    "not yet met": 0.0,
}


def yes_no_word(value: object) -> bool:
    """Whether a cell holds a yes/no word ("Đạt", "chưa đạt", "có"): a figure only for a yes/no indicator."""
    if not isinstance(value, str):
        return False
    return " ".join(unicodedata.normalize("NFC", value).split()).casefold() in YES_NO_WORDS


@dataclass(frozen=True)
class Parsed:
    """A cell read as a number: the value, or why it is not one."""

    value: float | None
    issue: Issue | None = None


def _grouped(text: str, sep: str) -> bool:
    """True for a grouped integer part: 1–3 digits, then groups of exactly three."""
    return re.fullmatch(r"\d{1,3}(?:" + re.escape(sep) + r"\d{3})+", text) is not None


def _unsigned(text: str) -> Parsed:
    """Digits with "." and "," read by the rules of the module docstring."""
    if _PLAIN.fullmatch(text):
        return Parsed(float(text))
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        # Both separators: the last one is the decimal mark, the other groups thousands.
        decimal, group = (",", ".") if text.rfind(",") > text.rfind(".") else (".", ",")
        whole, _, fraction = text.rpartition(decimal)
        if text.count(decimal) == 1 and _PLAIN.fullmatch(fraction) and _grouped(whole, group):
            return Parsed(float(whole.replace(group, "") + "." + fraction))
        return Parsed(None, "not_number")
    sep = "." if dots else ","
    count = dots or commas
    whole, _, fraction = text.partition(sep)
    if count == 1:
        if not (_PLAIN.fullmatch(whole) and _PLAIN.fullmatch(fraction)):
            return Parsed(None, "not_number")
        # "2.503" is 2503 to a Vietnamese reader and 2.503 to an English one; "2,503" the other way
        # round. Three digits after a single mark cannot be told apart, so it is refused, never
        # guessed; "0.503" cannot be a thousands grouping and is read as a fraction.
        if len(fraction) == 3 and whole.lstrip("0") != "" and len(whole) <= 3:
            return Parsed(None, "ambiguous")
        return Parsed(float(whole + "." + fraction))
    # Several marks of one kind can only group thousands: "1.234.567", "1,234,567".
    if _grouped(text, sep):
        return Parsed(float(text.replace(sep, "")))
    return Parsed(None, "not_number")


def parse_number(value: object) -> Parsed:
    """A cell's content as a float: numbers pass, text such as "2.503,3" or "118,08%" is read."""
    if value is None or isinstance(value, bool | date | datetime | time | timedelta):
        return Parsed(None, "empty" if value is None else "not_number")
    if isinstance(value, int | float):
        number = float(value)
        if math.isnan(number):
            return Parsed(None, "empty")
        return Parsed(number) if math.isfinite(number) else Parsed(None, "not_number")
    if not isinstance(value, str):
        return Parsed(None, "not_number")
    word = " ".join(unicodedata.normalize("NFC", value).split()).casefold()
    if word in YES_NO_WORDS:
        return Parsed(YES_NO_WORDS[word])
    text = _SPACES.sub("", unicodedata.normalize("NFKC", value))
    if text == "":
        return Parsed(None, "empty")
    text = text.removesuffix("%").removesuffix("‰")
    sign = 1.0
    if text[:1] in _MINUS:
        sign, text = -1.0, text[1:]
    elif text[:1] == "+":
        text = text[1:]
    if not text or not text[0].isdigit() or not text[-1].isdigit():
        return Parsed(None, "not_number")
    parsed = _unsigned(text)
    return Parsed(sign * parsed.value) if parsed.value is not None else parsed


# The Vietnamese convention alone: dots group thousands, one comma marks the decimals.
_VIETNAMESE = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")


def parse_vietnamese(value: str) -> Parsed:
    """Text from a field that is known to be written the Vietnamese way (the grid shows "512.000").

    There "518.500" is 518500, not ambiguous; anything else is read as an upload reads it.
    """
    text = _SPACES.sub("", unicodedata.normalize("NFKC", value))
    sign, body = 1.0, text
    if body[:1] in _MINUS:
        sign, body = -1.0, body[1:]
    elif body[:1] == "+":
        body = body[1:]
    match = _VIETNAMESE.fullmatch(body)
    if match is None:
        return parse_number(value)
    whole = match.group(1).replace(".", "")
    fraction = match.group(2)
    return Parsed(sign * float(whole + ("." + fraction if fraction else "")))
