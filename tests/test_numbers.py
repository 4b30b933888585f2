"""Numbers typed as text are read in the Vietnamese convention; ambiguous ones are refused, never guessed."""

from __future__ import annotations

import math
from datetime import date

import pytest

from indicators.excel.typed_numbers import parse_number

CASES = [
    # (cell content, value, issue)
    # A yes/no figure in the words the product shows: met 1, not met 0.
    ("Đạt", 1.0, None),
    ("chưa  đạt", 0.0, None),
    ("Không đạt", 0.0, None),
    ("Có", 1.0, None),
    ("Không", 0.0, None),
    ("Yes", 1.0, None),
    ("No", 0.0, None),
    ("Met", 1.0, None),
    ("Not met", 0.0, None),
    ("đạt chuẩn", None, "not_number"),  # only the whole word, never a guess
    ("2.503,3", 2503.3, None),  # Vietnamese: dot groups thousands, comma is the decimal mark
    ("1.234.567", 1234567.0, None),  # several dot groups can only be thousands
    ("1.234.567,89", 1234567.89, None),
    ("2,5", 2.5, None),
    ("118,08%", 118.08, None),
    ("118,08 %", 118.08, None),
    ("1,234.5", 1234.5, None),  # English with both marks: the last one is the decimal mark
    ("1,234,567", 1234567.0, None),
    ("2.5", 2.5, None),  # one dot and not three digits after it cannot be a thousands group
    ("37.10", 37.1, None),
    ("0.503", 0.503, None),  # a leading 0 cannot start a thousands group
    ("1234.567", 1234.567, None),  # four digits before the mark: not a group either
    ("16 742", 16742.0, None),  # a space as thousands separator
    ("16\u00a0742,5", 16742.5, None),  # no-break space, as Word and Excel put it
    ("-6", -6.0, None),
    ("\u22126,5", -6.5, None),  # the minus sign U+2212
    ("+4,5", 4.5, None),
    ("1,5‰", 1.5, None),
    ("12", 12.0, None),
    (12, 12.0, None),
    (2503.3, 2503.3, None),
    ("2.503", None, "ambiguous"),  # 2503 or 2.503?
    ("16.742", None, "ambiguous"),
    ("1,234", None, "ambiguous"),  # 1234 in English, 1,234 in Vietnamese
    ("-2.503", None, "ambiguous"),
    ("n/a", None, "not_number"),
    ("-", None, "not_number"),
    ("đang cập nhật", None, "not_number"),
    ("17/17", None, "not_number"),
    ("1.2.3", None, "not_number"),  # groups must have three digits
    ("1.234,5.6", None, "not_number"),
    ("12,34,567", None, "not_number"),
    ("2,503.3.1", None, "not_number"),
    (True, None, "not_number"),
    (date(2020, 1, 1), None, "not_number"),
    (math.inf, None, "not_number"),
    ("", None, "empty"),
    ("   ", None, "empty"),
    (None, None, "empty"),
    (math.nan, None, "empty"),
]


@pytest.mark.parametrize(("text", "value", "issue"), CASES, ids=[repr(c[0]) for c in CASES])
def test_parse_number(text: object, value: float | None, issue: str | None) -> None:
    parsed = parse_number(text)
    assert parsed.issue == issue
    if value is None:
        assert parsed.value is None
    else:
        assert parsed.value == pytest.approx(value, rel=1e-15)
