"""Goals a báo cáo states in so many words ("phấn đấu", "mục tiêu", "đến năm 2025"), as target rows.

A goal is offered only where its words say it is one and its sentence prints its year, the number is
the goal itself in the indicator's unit, and the words give its comparison: never a target worked back
from a printed %, and never a growth rate taken for a level.
"""

from __future__ import annotations

import re

import pandas as pd

from indicators.core.model import TARGETS, Comparator, TargetKind
from indicators.extract.figures import Figure
from indicators.extract.match import Catalogue, unit_fit

# The sentence itself says it sets a goal (else its heading did: "Mục tiêu cụ thể").
_PLAIN = re.compile(r"phấn đấu|mục tiêu|chỉ tiêu đến năm|đến năm\s+\d{4}", re.IGNORECASE)
# A change word right before the number: "giảm bình quân 2%/năm", "tăng 8%"; its per-year marks.
_CHANGE = re.compile(
    r"(giảm|tăng)(?:\s+thêm)?((?:\s+(?:bình quân|trung bình|mỗi năm|hàng năm|hằng năm))*)"
    r"(?:\s+(?:được|đạt))?\s*$",
    re.IGNORECASE,
)
_DOWN_TO = re.compile(r"(?:còn|xuống(?:\s+còn)?)\s*(?:dưới|khoảng)?\s*$", re.IGNORECASE)
_EVERY_YEAR = re.compile(r"hàng năm|hằng năm", re.IGNORECASE)


def is_plain(figure: Figure) -> bool:
    """A goal its words state (the reader marks a target only where its sentence or its heading says
    "phấn đấu", "mục tiêu" or "đến năm …"): a named indicator, a year, one number of its own."""
    return (
        figure.kind == "target"
        and bool(figure.indicator)
        and figure.value is not None
        and bool(figure.year)
        and figure.high is None  # "1-1,5%": a range is no one target
        # The goal's year printed in its own sentence: never the report's term taken for it.
        and re.search(rf"(?<!\d){figure.year}(?!\d)", figure.sentence) is not None
    )


def comparator(figure: Figure, entry_unit_fits: bool) -> str:
    """How an actual is held against the goal, as the words before the number say; "" where they do not
    say it in a way a target can hold (a growth rate, a unit that is not the indicator's)."""
    before = figure.sentence[max(0, figure.start - 60) : figure.start]
    if _DOWN_TO.search(before):
        return Comparator.AT_MOST.value if entry_unit_fits else ""  # "giảm xuống còn 10%": a level
    if re.match(r"[\d.,]+\s*(?:%|‰)\s*/\s*năm", figure.sentence[figure.start :]):
        # "Mức giảm tỷ lệ sinh 0,5‰/năm": a change a year, whatever words stand before it.
        return Comparator.REDUCE_BY.value if "giảm" in before.lower() else ""
    change = _CHANGE.search(before)
    if change:
        after = figure.sentence[figure.start : figure.end + 6]
        per_year = bool(change.group(2).strip()) or bool(re.search(r"%\s*/\s*năm", after))
        # "giảm bình quân 2%/năm": the reduction a year. A rise, or a fall with no year to it, is no
        # level to reach and no reduction a year: left to the analyst, not guessed.
        return Comparator.REDUCE_BY.value if per_year and change.group(1).lower() == "giảm" else ""
    if not entry_unit_fits:
        return ""
    if figure.qualifier == "duoi":
        return Comparator.AT_MOST.value
    return Comparator.AT_LEAST.value


def note(figure: Figure, document: str) -> str:
    """Where the goal was read and which words make it one, for the analyst checking the row."""
    where = "câu ghi rõ" if _PLAIN.search(figure.sentence) else "đề mục ghi rõ"
    return f"Mục tiêu đọc từ {document} ({where} là mục tiêu); kiểm tra trước khi lưu."


def targets(found: list[Figure], catalogue: Catalogue, area: str, document: str) -> tuple[pd.DataFrame, int]:
    """The plainly stated goals as rows of the targets sheet, and how many goals were not offered."""
    rows: list[dict[str, object]] = []
    seen: set[tuple[str, int]] = set()
    goals = [f for f in found if f.kind == "target"]
    for figure in goals:
        if not is_plain(figure):
            continue
        entry = catalogue.by_code[figure.indicator]
        how = comparator(figure, unit_fit(figure, entry) >= 2)
        key = (figure.indicator, int(figure.year or 0))
        if not how or key in seen:
            continue
        seen.add(key)
        rows.append(
            {
                "code": figure.indicator, "area": area, "year": figure.year,
                "term": figure.period if "-" in figure.period and "H" not in figure.period else "",
                "target_kind": TargetKind.GOALS.value, "comparator": how, "value": figure.value,
                "qualifier": figure.qualifier, "derived": False,
                "yearly": bool(_EVERY_YEAR.search(figure.sentence)),
                "section": "", "quote": figure.sentence, "note": note(figure, document),
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=list(TARGETS.columns)), len(goals) - len(rows)
