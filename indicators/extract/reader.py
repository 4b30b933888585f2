"""A report's text read into figures, each with its indicator, period and kind, for an analyst to confirm."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace

import pandas as pd

from indicators.extract import figures as fig
from indicators.extract.figures import Figure
from indicators.extract.match import Catalogue, unit_fit
from indicators.extract.sentences import Sentence, sentences

CHANGES = {"change", "change_per_year"}
# The columns a reading is printed with (the command line, the page), in this order.
COLUMNS = (
    "sentence", "value", "unit", "period", "kind", "qualifier", "versus", "printed_pct", "indicator",
    "confidence", "pct_word", "year", "base_year", "total", "high", "start", "end",
)  # fmt: skip
_LEAD_MAX = 90
_AND = re.compile(r"\s*(?:và|,)\s*")
_CLAUSE_END = re.compile(r"[;:()]")
_STOP = re.compile(r"[;:()]|trong đó")
_TITLE_TERM = re.compile(r"giai đoạn\s*(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    """What the analyst says of the document: the year it was written (its figures for that year are
    estimates, ước thực hiện, as a report written before the year ends gives them)."""

    written_year: int | None = None


def document_term(text: str) -> tuple[int, int] | None:
    """The term the report's title covers ("giai đoạn 2015 – 2020"), read from its first lines only."""
    found = _TITLE_TERM.search(text[:1500])
    return (int(found.group(1)), int(found.group(2))) if found else None


def read_text(text: str, catalogue: Catalogue, context: Context | None = None) -> list[Figure]:
    """Every figure of the text with its proposed indicator; nothing the words do not say is added."""
    context = context or Context()
    term = document_term(text)
    found: list[Figure] = []
    for sentence in sentences(text):
        found.extend(_sentence(sentence, catalogue, context, term))
    return found


def _sentence(
    sentence: Sentence, catalogue: Catalogue, context: Context, term: tuple[int, int] | None
) -> list[Figure]:
    raw = fig.find(sentence.text, _units(catalogue))
    read: list[Figure] = []
    previous_words = ""
    for index, figure in enumerate(raw):
        previous = read[-1] if read else None
        following = raw[index + 1].start if index + 1 < len(raw) else len(sentence.text)
        windows = _windows(sentence, figure, previous, following, previous_words)
        code, sure = _indicator(figure, windows, previous, catalogue)
        read.append(_when(figure, (code, sure), sentence, catalogue, context, term))
        # "…trồng chè mới 661,3 ha, kinh phí 40.779,2": the next figure may speak of this one's subject.
        previous_words = windows["before"]
    return read


_UNITS: dict[int, fig.Units] = {}


def _units(catalogue: Catalogue) -> fig.Units:
    """The unit list built once per catalogue."""
    units = _UNITS.get(id(catalogue))
    if units is None:
        units = _UNITS[id(catalogue)] = fig.Units(catalogue.units)
    return units


def _windows(
    sentence: Sentence, figure: Figure, previous: Figure | None, following: int, previous_words: str
) -> dict[str, str]:
    """The words around a figure, nearest first: its clause before, the list's lead, after, the rest."""
    text = sentence.text
    left = max(previous.end if previous else 0, text.rfind(";", 0, figure.start) + 1)
    if previous and previous.end >= left:
        # "85% hộ gia đình, 80,2% bản": the words up to the first comma name the figure before.
        comma = text.find(",", left, figure.start)
        left = comma + 1 if comma >= 0 else left
    right = _after_end(text, figure.end, following)
    comma = text.find(",", figure.end, right)
    near_end = comma if comma >= 0 else right
    colon = text.rfind(":", 0, figure.start)
    lead = text[text.rfind(";", 0, colon) + 1 : colon] if colon >= 0 else ""
    lead = lead if len(lead) <= _LEAD_MAX else ""  # a list's lead is a short name, not a paragraph
    return {
        "before": text[left : figure.start],
        "lead": lead,
        "after": text[figure.end : near_end],
        # Words that run on into the next figure are that figure's own ("18,5‰, tỷ lệ tăng dân số 13,8‰").
        "after_more": "" if right == following < len(text) else text[near_end:right],
        # The figure before speaks of the same subject only within one clause.
        "previous": previous_words if previous and ";" not in text[previous.end : figure.start] else "",
        "sentence": text,
        "heading": sentence.heading,
    }


def _after_end(text: str, start: int, following: int) -> int:
    """Where the words after a figure stop naming it: a clause's end, "trong đó" (a part of it), the next
    figure; past a bare "và" to the next figure's words ("18 tập thể và 42 cá nhân được … tặng")."""
    if _AND.fullmatch(text, start, following):
        stop = _CLAUSE_END.search(text, following)
        following = stop.start() if stop else len(text)
    # The first stop only: a search from the figure on, not a list of every stop to the sentence's end.
    stop = _STOP.search(text, start)
    return min(following, len(text), stop.start() if stop else len(text))


def _indicator(
    figure: Figure, windows: dict[str, str], previous: Figure | None, catalogue: Catalogue
) -> tuple[str, float]:
    """The indicator by name and unit, and the confidence; a change that names nothing is the one of
    the figure before it."""
    if figure.value is None:  # "đạt 100% Nghị quyết" alone: the attainment of the figure before it
        return (previous.indicator, previous.confidence) if previous else ("", 0.0)
    if figure.kind == "some":  # "nhiều hộ đạt …", "02 chỉ tiêu không đạt": not the indicator's figure
        return figure.indicator, figure.confidence
    own = {k: v for k, v in windows.items() if k in ("before", "lead", "after", "after_more")}
    if figure.kind in CHANGES and previous and previous.indicator and not catalogue.best(figure, own)[0]:
        entry = catalogue.by_code[previous.indicator]
        if unit_fit(figure, entry) >= 2:
            return entry.code, round(previous.confidence * 0.9, 2)
    code, sure = catalogue.best(figure, windows)
    if not code:
        code = catalogue.unit_only(figure)
        sure = 0.5 if code else 0.0
    return code, sure


def _when(
    figure: Figure,
    matched: tuple[str, float],
    sentence: Sentence,
    catalogue: Catalogue,
    context: Context,
    term: tuple[int, int] | None,
) -> Figure:
    """The figure with its indicator (`matched`: code, confidence), period and kind: a goal, a change,
    an estimate or an official figure, as the words say. One copy of the figure, not one per step."""
    indicator, confidence = matched
    period, year = fig.period(sentence.text, sentence.heading, figure.start, term)
    entry = catalogue.by_code.get(indicator)
    value_kind = entry.value_kind if entry else ""
    summed = value_kind in ("term_total", "change_per_year") or figure.kind == "change_per_year"
    if "-" in period and "H" not in period and not summed:
        period = str(year)  # a level or count is the term's last year's, not a sum over it
    goal = fig.target_year(sentence.text, sentence.heading)
    if goal is not None:
        # A goal to reduce by 2 a year is a goal of 2, its direction the indicator's: no sign added.
        value = abs(figure.value) if figure.value is not None else None
        return replace(
            figure,
            kind="target",
            period=period,
            year=goal or year,
            value=value,
            indicator=indicator,
            confidence=confidence,
        )
    if figure.kind == "some":
        return replace(figure, period=period, year=year, indicator=indicator, confidence=confidence)
    estimate = fig.is_estimate(sentence.text, figure.start) or (
        context.written_year is not None and year == context.written_year
    )
    if figure.kind in CHANGES:
        kind = f"{figure.kind}_estimate" if estimate else figure.kind
    else:
        kind = "estimate" if estimate else "actual"
    return replace(figure, kind=kind, period=period, year=year, indicator=indicator, confidence=confidence)


def as_frame(found: list[Figure]) -> pd.DataFrame:
    """The reading as rows with stable column ids (COLUMNS)."""
    rows = [{k: v for k, v in asdict(f).items() if k in COLUMNS} for f in found]
    return pd.DataFrame(rows, columns=list(COLUMNS))
