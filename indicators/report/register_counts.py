"""The báo cáo's commendations section takes counts from the awards register where it holds records.

Counts only, never names: the báo cáo is read by anyone. The report's own totals stay as they are;
the register's counts come as a part of their own, saying where they come from and which years
they add up, so that a sum over a term is never read as one year's.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from indicators.awards.catalogue import RECIPIENTS, Catalogue
from indicators.awards.counts import counts, within
from indicators.report.content import Content
from indicators.report.shape import Part, Section
from indicators.text.award_words import award_name, recipients
from indicators.text.fmt import Lang, number
from indicators.text.i18n import t


def _years(content: Content) -> list[int]:
    period = content.period
    return [y for y in range(period.start, period.end + 1) if period.covers(y)]


def _lines(table: pd.DataFrame, catalogue: Catalogue, lang: Lang) -> list[str]:
    """One line per award, highest first: how many of each kind of recipient, summed over the years."""
    summed = table.groupby(["award", "recipient_kind"], sort=False)["count"].sum()
    lines = []
    for code in dict.fromkeys(table["award"]):
        parts = [
            recipients(kind, int(summed[(code, kind)]), lang)
            for kind in RECIPIENTS
            if (code, kind) in summed.index
        ]
        lines.append(f"- {award_name(catalogue, code, lang)}: {', '.join(parts)};")
    lines[-1] = lines[-1].removesuffix(";") + "."
    return lines


def add(content: Content, register: pd.DataFrame, areas: pd.DataFrame, catalogue: Catalogue) -> Content:
    """`content` with the register's counts for its area and period in the commendations section."""
    lang = content.lang
    years = _years(content)
    table = counts(register, catalogue, years, within(areas, content.area))
    if table.empty:
        return content
    first, last = years[0], years[-1]
    when = (
        t("awards.report.year", lang).format(year=last)
        if first == last
        else t("awards.report.years", lang).format(first=first, last=last)
    )
    lead = t("awards.report.lead", lang).format(when=when, n=number(int(table["count"].sum()), lang))
    part = Part(t("awards.report.heading", lang), [lead, *_lines(table, catalogue, lang)])

    def with_part(section: Section) -> Section:
        if section.key != "awards":
            return section
        # Where the report held no count of its own its one sentence said so: the records now speak.
        paragraphs = section.paragraphs if section.parts else []
        number_ = len(section.parts) + 1
        return replace(
            section,
            paragraphs=paragraphs,
            parts=[*section.parts, replace(part, heading=f"{number_}. {part.heading}")],
        )

    return replace(content, sections=[with_part(s) for s in content.sections])
