"""The báo cáo's outline: the source report's parts and sections, the office's own words placed in them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from indicators.report.narrative import Narrative, heading_key
from indicators.report.shape import Part, Period, Section, number_parts, number_sections
from indicators.text.fmt import Lang
from indicators.text.i18n import t


@dataclass
class Blocks:
    """What the figures can write, ready to be placed: the rest is the office's."""

    period_text: str  # "giai đoạn 2015 – 2020" / "the 2015 – 2020 term"
    fields: list[Part]  # results by field
    lead: list[str]  # before the fields: the tally by kind of target, or that there are no figures
    chart: str  # "attainment" when there are judged results to draw
    highlights: list[str]
    examples: list[str]
    awards: Section
    shortfalls: list[str]
    goals: list[str]
    goals_heading: str  # "Mục tiêu giai đoạn 2020 – 2025" or "" when the store holds no goals
    next_period: str = ""  # the upper-case period Part two looks ahead to
    extra: list[Section] = field(default_factory=list)


def placeholder(key: str, lang: Lang) -> str:
    """A visible gap for the office to fill, in the document's own register."""
    return t("report.placeholder", lang).format(what=t(heading_key(key), lang))


def office(narrative: Narrative, key: str, lang: Lang, figures: list[str] | None = None) -> list[str]:
    """The office's paragraphs of a section after what the figures say; a placeholder where it wrote none."""
    written = narrative.paragraphs(key)
    return [*(figures or []), *(written or [placeholder(key, lang)])]


def _part(key: str, narrative: Narrative, lang: Lang, figures: list[str] | None = None) -> Part:
    return Part(t(heading_key(key), lang), office(narrative, key, lang, figures))


def _results(b: Blocks, narrative: Narrative, lang: Lang) -> Section:
    parts = [*b.fields, _part("campaigns", narrative, lang)]
    return Section(
        t("report.h.results", lang), list(b.lead), number_parts(parts), chart=b.chart, key="results"
    )


def _assessment(b: Blocks, narrative: Narrative, lang: Lang, keys: tuple[str, ...]) -> Section:
    parts = [_part(k, narrative, lang, b.shortfalls if k == "shortcomings" else None) for k in keys]
    return Section(t("report.h.assessment", lang), parts=number_parts(parts), key="assessment")


def _goals_part(b: Blocks, lang: Lang) -> Part:
    if b.goals_heading:
        return Part(b.goals_heading, b.goals)
    # Without goals in the store the office writes them: its gap follows the sentence that says so.
    gap = t("report.placeholder", lang).format(what=t("report.h.goals", lang))
    return Part(t("report.h.goals", lang), [*b.goals, gap])


def term_sections(b: Blocks, narrative: Narrative, lang: Lang) -> list[Section]:
    """Phần thứ nhất (I–VI) and Phần thứ hai (I–III), as the source report is built."""
    highlights = [t("report.highlights_intro", lang).format(period=b.period_text), *b.highlights]
    examples = (
        [t("report.examples_intro", lang).format(period=b.period_text), *b.examples] if b.examples else []
    )
    direction = [_part("directions", narrative, lang), _goals_part(b, lang)]
    sections = [
        Section(
            t("report.part_one", lang).format(period=b.period_text.upper()), key="part_one", division=True
        ),
        Section(t("report.h.leadership", lang), office(narrative, "leadership", lang), key="leadership"),
        _results(b, narrative, lang),
        Section(
            t("report.h.highlights", lang),
            # Without the area's own results against its targets (a province whose units report, say),
            # the figures cannot say what stood out: the office writes it, it is never "none".
            highlights
            if b.highlights
            else [t("report.placeholder", lang).format(what=t("report.h.highlights", lang).capitalize())],
            key="highlights",
        ),
        Section(t("report.h.models", lang), office(narrative, "models", lang, examples), key="models"),
        b.awards,
        _assessment(b, narrative, lang, ("strengths", "shortcomings", "causes", "lessons", "proposals")),
        Section(t("report.part_two", lang).format(period=b.next_period), key="part_two", division=True),
        Section(t("report.h.direction_goals", lang), parts=number_parts(direction), key="goals"),
        Section(t("report.h.tasks", lang), office(narrative, "tasks", lang), key="tasks"),
        Section(t("report.h.solutions", lang), office(narrative, "solutions", lang), key="solutions"),
    ]
    return number_sections(sections)


def _year_results(b: Blocks, lang: Lang) -> Section:
    """The year's results by field, the chart after them; the office's gap where no figure is recorded."""
    heading = t("report.h.results", lang)
    if not b.fields:
        return Section(heading, [placeholder("results", lang)], key="results")
    return Section(heading, list(b.lead), number_parts(list(b.fields)), chart=b.chart, key="results")


def _year_awards(b: Blocks, lang: Lang) -> Section:
    """The commendation counts the store holds; without any, the office's gap under the same heading."""
    if b.awards.parts:
        return b.awards
    return Section(b.awards.heading, [placeholder("awards", lang)], key="awards")


def _year_goals(b: Blocks, lang: Lang) -> Section:
    """Where the term's goals stood in the year, or the office's gap where the store holds none."""
    if b.goals_heading:
        return Section(b.goals_heading.upper(), list(b.goals), key="goals")
    return Section(t("report.h.goals_year", lang), [placeholder("goals", lang)], key="goals")


def year_sections(b: Blocks, narrative: Narrative, lang: Lang) -> list[Section]:
    """A year's report in the source report's two parts: the year's results, then the year ahead."""
    sections = [
        Section(
            t("report.part_one", lang).format(period=b.period_text.upper()), key="part_one", division=True
        ),
        Section(t("report.h.leadership", lang), office(narrative, "leadership", lang), key="leadership"),
        Section(t("report.h.campaigns", lang), office(narrative, "campaigns", lang), key="campaigns"),
        _year_results(b, lang),
        _year_awards(b, lang),
        _year_goals(b, lang),
        _assessment(b, narrative, lang, ("strengths", "shortcomings", "causes", "proposals")),
        Section(t("report.part_two", lang).format(period=b.next_period), key="part_two", division=True),
        Section(t("report.h.direction_goals", lang), office(narrative, "directions", lang), key="directions"),
        Section(t("report.h.tasks", lang), office(narrative, "tasks", lang), key="tasks"),
        Section(t("report.h.solutions", lang), office(narrative, "solutions", lang), key="solutions"),
    ]
    return number_sections(sections)


def close(sections: list[Section], sentence: str) -> list[Section]:
    """The closing sentence after everything else: in the last section's last part, or its paragraphs."""
    last = sections[-1]
    if last.parts:
        last.parts[-1].paragraphs.append(sentence)
    else:
        last.paragraphs.append(sentence)
    return sections


def insert_after(sections: list[Section], key: str, extra: Section) -> list[Section]:
    """A section placed after the one holding `key` (the comparison after the results), renumbered."""
    at = next((i for i, s in enumerate(sections) if s.key == key), len(sections) - 1)
    return number_sections([*sections[: at + 1], extra, *sections[at + 1 :]])


def subject(period: Period, span: str | None, lang: Lang) -> str:
    """The report's subject line: the period's results, and for a term the next term's direction."""
    key = "report.subject_term" if period.kind == "term" else "report.subject_year"
    subject = t(key, lang).format(period=period.label)
    # A term's report looks ahead to the next term's goals; a year's speaks of them inside.
    if span and period.kind == "term" and span != period.label:
        subject += t("report.subject_goals", lang).format(goals=span)
    return subject


def signing(narrative: Narrative, lang: Lang) -> dict[str, Any]:
    """The number, signer and recipients the office gave; the blanks it fills by hand where it gave none."""
    recipients = [f"- {r.strip().rstrip(';.')};" for r in narrative.recipients if r.strip()]
    if recipients:
        recipients[-1] = recipients[-1].removesuffix(";") + "."
    number = narrative.number.strip()
    return {
        "number": t("report.number_given", lang).format(number=number)
        if number
        else t("report.number", lang),
        "signer_title": narrative.signer_title.strip() or t("report.chair", lang),
        "signer_name": narrative.signer_name.strip() or t("report.signer_blank", lang),
        "recipients": recipients or [t("report.recipient_blank", lang), t("report.recipient_archive", lang)],
    }
