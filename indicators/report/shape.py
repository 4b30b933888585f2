"""The báo cáo's shape: the period it covers and its sections, parts and Roman numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indicators.text.i18n import MessageError, msg

_TERM = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")
_NUMBERED = re.compile(r"^\d+\. ")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII")


class ReportError(MessageError):
    """A report that cannot be written (unknown area, bad term, no LibreOffice): one sentence for people."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(msg(key, **values))


@dataclass(frozen=True)
class Period:
    """What the report covers: a term (2015–2020) or one year (2026)."""

    kind: str  # "term" | "year"
    start: int  # a term's baseline year; for a year, that year
    end: int

    @property
    def label(self) -> str:
        """As people write it: "2015 – 2020" or "2026"."""
        return f"{self.start} – {self.end}" if self.kind == "term" else str(self.end)

    def covers(self, year: int) -> bool:
        """True for a year whose results belong to the period (a term's baseline year does not)."""
        return self.start < year <= self.end if self.kind == "term" else year == self.end


def parse_period(term: str | None, year: int | None) -> Period:
    """The period from `--term 2015-2020` or `--year 2026`; exactly one of them."""
    if (term is None) == (year is None):
        raise ReportError("report.err.period")
    if year is not None:
        if not 1975 <= int(year) <= 2100:
            raise ReportError("report.err.year", year=year)
        return Period("year", int(year), int(year))
    match = _TERM.match(str(term))
    if not match:
        raise ReportError("report.err.term", term=term)
    start, end = int(match.group(1)), int(match.group(2))
    if not 1975 <= start < end <= 2100:
        raise ReportError("report.err.term_order", term=term)
    return Period("term", start, end)


@dataclass
class Part:
    """A numbered sub-section: "1. Trên lĩnh vực kinh tế" and its paragraphs."""

    heading: str
    paragraphs: list[str]


@dataclass
class Section:
    """A Roman-numbered section with its paragraphs, sub-sections and charts.

    A "Phần thứ nhất" heading is a section of its own (`division`): it carries no Roman number and
    the sections after it are numbered from I again, as the source report numbers them.
    """

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    chart: str = ""  # "attainment" where the section wants the attainment chart after it
    key: str = ""  # what the section holds ("results", "awards", …), so it is found without its words
    division: bool = False


def number_sections(sections: list[Section]) -> list[Section]:
    """Roman numbers on the headings in order ("I. …", "II. …"), from I again after each division."""
    number = 0
    for section in sections:
        if section.division:
            number = 0
            continue
        heading = re.sub(r"^[IVXL]+\. ", "", section.heading)
        section.heading = f"{ROMAN[number % len(ROMAN)]}. {heading}"
        number += 1
    return sections


def number_parts(parts: list[Part]) -> list[Part]:
    """Arabic numbers on the parts in order ("1. …", "2. …"), replacing any number they had.

    A lone part takes no number: a list of one item numbered "1." promises a "2." that never comes.
    """
    for number, part in enumerate(parts, start=1):
        bare = _NUMBERED.sub("", part.heading)
        part.heading = bare if len(parts) == 1 else f"{number}. {bare}"
    return parts
