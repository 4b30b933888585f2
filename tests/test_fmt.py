"""Numbers as people read them, table by table: each row is a value, a language and what a reader sees."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from indicators.text import fmt
from indicators.text.fmt import Lang

NBSP = "\u202f"  # the narrow no-break space that keeps "%" with its number

# value, language, decimals, text
NUMBERS: list[tuple[object, Lang, int | None, str]] = [
    (2503.3, "vi", None, "2.503,3"),
    (2503.3, "en", None, "2,503.3"),
    (16742, "vi", None, "16.742"),
    (16742, "en", None, "16,742"),
    (118.08018, "vi", None, "118,08"),  # at most two places unless asked
    (118.08018, "en", None, "118.08"),
    (1234567.891, "vi", None, "1.234.567,89"),
    (1234567.891, "en", None, "1,234,567.89"),
    (0, "vi", None, "0"),
    (-6, "vi", None, "-6"),
    (0.5, "vi", 0, "1"),  # half up, as a person rounds
    (2.5, "vi", 0, "3"),  # not banker's rounding (which gives 2)
    (2503.3, "vi", 0, "2.503"),
    (2503.3, "vi", 2, "2.503,30"),
    (2503.3, "en", 2, "2,503.30"),
    (2.675, "en", 2, "2.68"),  # 2.675 is 2.67499… in binary; printed figures round up
    (None, "vi", None, "—"),
    (math.nan, "en", 2, "—"),
    (pd.NA, "vi", None, "—"),
]


@pytest.mark.parametrize(("value", "lang", "decimals", "text"), NUMBERS)
def test_number(value: object, lang: Lang, decimals: int | None, text: str) -> None:
    assert fmt.number(value, lang, decimals) == text


# value, language, decimals, text
PERCENTS: list[tuple[object, Lang, int | None, str]] = [
    (118.08, "vi", None, f"118,08{NBSP}%"),
    (118.08, "en", None, f"118.08{NBSP}%"),
    (500, "vi", None, f"500{NBSP}%"),
    (14.8712, "vi", 2, f"14,87{NBSP}%"),
    (None, "vi", None, "—"),
]


@pytest.mark.parametrize(("value", "lang", "decimals", "text"), PERCENTS)
def test_percent(value: object, lang: Lang, decimals: int | None, text: str) -> None:
    assert fmt.percent(value, lang, decimals) == text


# value, language, decimals, text: a change always carries its sign; the minus is U+2212.
SIGNED: list[tuple[object, Lang, int | None, str]] = [
    (1050.2, "vi", None, "+1.050,2"),
    (1050.2, "en", None, "+1,050.2"),
    (-4.5, "vi", None, "−4,5"),
    (-6, "en", None, "−6"),
    (0, "vi", None, "±0"),
    (8.4512, "vi", 2, "+8,45"),
    (math.nan, "vi", None, "—"),
]


@pytest.mark.parametrize(("value", "lang", "decimals", "text"), SIGNED)
def test_signed(value: object, lang: Lang, decimals: int | None, text: str) -> None:
    assert fmt.signed(value, lang, decimals) == text


# value, unit, language, text: "%" and "‰" stay with the number; other units after a space.
WITH_UNIT: list[tuple[object, str, Lang, str]] = [
    (2503.3, "tỷ đồng", "vi", "2.503,3 tỷ đồng"),
    (2503.3, "billion VND", "en", "2,503.3 billion VND"),
    (18.22, "%", "vi", f"18,22{NBSP}%"),
    (13.3, "‰", "vi", f"13,3{NBSP}‰"),
    (300000, "", "vi", "300.000"),
    (None, "ha", "vi", "—"),  # no unit after an absent figure
]


@pytest.mark.parametrize(("value", "unit", "lang", "text"), WITH_UNIT)
def test_with_unit(value: object, unit: str, lang: Lang, text: str) -> None:
    assert fmt.with_unit(value, unit, lang) == text


# text already in words, unit, joined
JOIN_UNIT: list[tuple[str, str, str]] = [
    ("+1.050,2", "tỷ đồng", "+1.050,2 tỷ đồng"),
    ("−4,5", "%", f"−4,5{NBSP}%"),
    ("khoảng 300.000", "lượt khách", "khoảng 300.000 lượt khách"),
    ("—", "ha", "—"),
    ("661,3", "", "661,3"),
    # English agrees with one: "1 centre", not "1 centres"; Vietnamese units have no plural.
    ("1", "centres", "1 centre"),
    ("2", "centres", "2 centres"),
    ("11", "centres", "11 centres"),
    ("0.1", "tonnes", "0.1 tonnes"),
    ("≈ 1", "awards", "≈ 1 award"),
    ("about 1", "visitors", "about 1 visitor"),
    ("+1", "percentage points", "+1 percentage point"),
    ("1", "doctors per 10,000 population", "1 doctor per 10,000 population"),
    ("1", "criteria per commune", "1 criterion per commune"),
    ("1", "festivals and events", "1 festival or event"),
    ("1", "village models", "1 village model"),
    ("1", "instances/year", "1 instance/year"),
    ("1", "facilities", "1 facility"),
    ("1", "billion VND", "1 billion VND"),
    ("1", "ha", "1 ha"),
    ("1", "lượt", "1 lượt"),
    ("1", "cơ sở", "1 cơ sở"),
]


@pytest.mark.parametrize(("text", "unit", "joined"), JOIN_UNIT)
def test_join_unit(text: str, unit: str, joined: str) -> None:
    assert fmt.join_unit(text, unit) == joined


# value, decimals, rounded: half up on the printed digits, never banker's rounding.
ROUNDING: list[tuple[float, int, float]] = [
    (118.08018, 2, 118.08),
    (0.125, 2, 0.13),
    (2.675, 2, 2.68),
    (2.5, 0, 3.0),
    (-2.5, 0, -3.0),
    (220.43333, 1, 220.4),
]


@pytest.mark.parametrize(("value", "decimals", "rounded"), ROUNDING)
def test_round_half_up(value: float, decimals: int, rounded: float) -> None:
    assert fmt.round_half_up(value, decimals) == rounded


# computed %, the % the report printed, what is shown: never more precise than the printed one
AS_PRINTED: list[tuple[float, object, float]] = [
    (220.43333, 220.4, 220.4),
    (118.0800339, 118.08, 118.08),
    (111.49, 111.5, 111.5),
    (103.0, 100.0, 103.0),
    (137.1666, None, 137.17),
    (float("nan"), 220.4, float("nan")),
]


@pytest.mark.parametrize(("pct", "printed", "shown"), AS_PRINTED)
def test_pct_as_printed(pct: float, printed: object, shown: float) -> None:
    result = fmt.pct_as_printed(pct, printed)
    assert result == shown or (math.isnan(result) and math.isnan(shown))


# a printed figure and the decimals it carries
PRINTED: list[tuple[float, int]] = [(118.08, 2), (220.4, 1), (500.0, 0), (105.4, 1), (1e20, 0)]


@pytest.mark.parametrize(("value", "decimals"), PRINTED)
def test_printed_decimals(value: float, decimals: int) -> None:
    assert fmt.printed_decimals(value) == decimals


# a value and whether it is absent
MISSING: list[tuple[object, bool]] = [
    (None, True),
    (math.nan, True),
    (pd.NA, True),
    (pd.NaT, True),
    ("nan", False),  # text is a value, whatever it spells: only a real NaN or NA is absent
    ("<NA>", False),
    (0, False),
    (0.0, False),
    ("", False),  # empty text is a value (a blank note), not an absent figure
    ("—", False),
]


@pytest.mark.parametrize(("value", "missing"), MISSING)
def test_is_missing(value: object, missing: bool) -> None:
    assert fmt.is_missing(value) is missing
