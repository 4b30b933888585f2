"""The báo cáo's commendations: forms of award and emulation titles apart, each highest first."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators.core import terms
from indicators.core.model import Dataset, ValueKind
from indicators.report.facts import period_text
from indicators.report.shape import Part, Period, Section
from indicators.text import fmt, phrase
from indicators.text.commendations import AWARD_ORDER, award_name
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# The law names two kinds of commendation: emulation titles (danh hiệu thi đua: the flags, the
# "Chiến sĩ thi đua", "Lao động tiên tiến" and the collective titles) and forms of award (hình thức
# khen thưởng: orders, medals, certificates of merit). They are listed apart, as the source lists them.
# The flags are titles: Law on Emulation and Commendation 06/2022/QH15, Art. 25 ("Danh hiệu 'Cờ thi
# đua của Chính phủ'") and Art. 26 (the flags of ministries and provinces).
_TITLE_STARTS = ("Danh hiệu", "Cờ thi đua")
_FORM_STARTS = ("Huân chương", "Huy chương", "Bằng khen", "Giấy khen", "Kỷ niệm chương")
# People and collectives held up as examples: the "điển hình tiên tiến" section, not an award count.
_EXAMPLES = "EXEMPLARY_"
# Proposals for wartime merit: their own part of the commendation results, as in the source.
_WARTIME = "RESISTANCE_"


@dataclass(frozen=True)
class Award:
    """One award's counts: collectives and individuals, each with its qualifier ("trên")."""

    code: str  # the first code of the award, for its rank
    name: str
    form: bool  # a form of award (True) or an emulation title (False)
    counts: dict[str, tuple[float, str]]  # recipient → (count, qualifier)


def _rank(code: str) -> int:
    for i, prefix in enumerate(AWARD_ORDER):
        if code == prefix or code.startswith(prefix + "_"):
            return i
    return len(AWARD_ORDER)


def _kind(name_vi: str) -> str:
    if name_vi.startswith(_FORM_STARTS):
        return "form"
    if name_vi.startswith(_TITLE_STARTS):
        return "title"
    return ""


def awards(info: pd.DataFrame, levels: pd.DataFrame, names_vi: pd.Series) -> list[Award]:
    """The award counts the area holds, one line per award, highest first (DOMAIN.md's order)."""
    found: dict[str, Award] = {}
    for code in sorted((c for c in info.index if c in levels.index), key=lambda c: (_rank(c), c)):
        if info.at[code, "domain"] != "commendations" or info.at[code, "unit_vi"] != "lượt":
            continue
        kind = _kind(str(names_vi.get(code, "")))
        if not kind:
            continue
        name = award_name(str(info.at[code, "name"]))
        level = levels.loc[code]
        award = found.setdefault(name, Award(code, name, kind == "form", {}))
        award.counts[str(info.at[code, "recipient"])] = (
            float(level["actual"]),
            str(level["qualifier"] or ""),
        )
    return list(found.values())


def _count(value: tuple[float, str], noun: str, lang: Lang) -> str:
    number, qualifier = value
    text = fmt.number(number, lang)
    noun = fmt.unit_after(text, noun)
    if qualifier:
        text = f"{t('qualifier.' + qualifier, lang)} {text}"
    return f"{text} {noun}".rstrip()


def _line(award: Award, lang: Lang) -> str:
    """ "- Huân chương Lao động hạng Ba: 1 tập thể, 2 cá nhân;" (titles in "lượt")."""
    # A form is given once ("1 tập thể"); a title is given again each year, so counted in "lượt".
    kind = "form" if award.form else "title"
    counts = [
        _count(award.counts[who], t(f"report.award.{kind}_{who}", lang), lang)
        for who in ("tap_the", "ca_nhan")
        if who in award.counts
    ]
    return f"- {award.name}: {t('report.award.and', lang).join(counts)};"


def _totals(found: list[Award]) -> dict[str, float]:
    totals = {"tap_the": 0.0, "ca_nhan": 0.0}
    for award in found:
        for who, (number, _) in award.counts.items():
            if who in totals:
                totals[who] += number
    return totals


def _others(info: pd.DataFrame, levels: pd.DataFrame, start: str, lang: Lang) -> list[str]:
    """Counts kept apart from the awards (examples, wartime proposals), each with its qualifier."""
    lines = []
    for code in info.index:
        if not (str(code).startswith(start) and code in levels.index):
            continue
        level = levels.loc[code]
        name, unit = str(info.at[code, "name"]), str(info.at[code, "unit"])
        # "Individuals proposed …: 4 individuals" names the noun twice: the count stands alone.
        unit = "" if lang == "en" and phrase.names_unit(name, unit) else unit
        value = _count((float(level["actual"]), str(level["qualifier"] or "")), unit, lang)
        lines.append(f"{name}: {value}.")
    return lines


def examples(info: pd.DataFrame, levels: pd.DataFrame, lang: Lang) -> list[str]:
    """The collectives and individuals held up as examples, with their qualifier kept ("trên 150")."""
    return _others(info, levels, _EXAMPLES, lang)


def section(
    info: pd.DataFrame, levels: pd.DataFrame, names_vi: pd.Series, area: str, period: str, lang: Lang
) -> Section:
    """The commendation results: wartime proposals, forms of award, emulation titles, highest first."""
    found = awards(info, levels, names_vi)
    wartime = _others(info, levels, _WARTIME, lang)
    heading = t("report.awards_heading", lang).format(period=period.upper())
    if not found and not wartime:
        return Section(
            heading, [t("report.no_commendations", lang).format(area=area, period=period)], key="awards"
        )
    totals = _totals(found)
    paragraphs = []
    if found:
        paragraphs.append(
            t("report.awards_total", lang).format(
                period=period,
                area=area,
                tt=_count((totals["tap_the"], ""), t("report.award.title_tap_the", lang), lang),
                cn=_count((totals["ca_nhan"], ""), t("report.award.title_ca_nhan", lang), lang),
            )
        )
    parts = []
    if wartime:
        parts.append(Part(t("report.award.wartime", lang), wartime))
    for form, key in ((True, "report.award.forms"), (False, "report.award.titles")):
        lines = [_line(a, lang) for a in found if a.form == form]
        if lines:
            lines[-1] = lines[-1].removesuffix(";") + "."
            parts.append(Part(t(key, lang), lines))
    return Section(
        heading,
        paragraphs,
        [Part(f"{i}. {p.heading}", p.paragraphs) for i, p in enumerate(parts, 1)],
        key="awards",
    )


def awards_period(data: Dataset, info: pd.DataFrame, levels: pd.DataFrame, period: Period, lang: Lang) -> str:
    """The years the award counts cover: totals given in 2020 add up 2016 to 2020, in any report."""
    held = [c for c in levels.index if c in info.index and info.at[c, "domain"] == "commendations"]
    summed = bool(held) and all(info.at[c, "value_kind"] == ValueKind.TERM_TOTAL.value for c in held)
    years = {int(y) for y in levels.loc[held, "year"]} if summed else set()
    if len(years) == 1:
        first, last = phrase.summed_over(years.pop())
        return t("report.awards_years", lang).format(first=first, last=last)
    term = terms.term_of(terms.catalogue(data), period.end) if summed and period.kind == "year" else None
    return period_text(Period("term", term.start, term.end) if term else period, lang)


def award_order(code: str, name_vi: str) -> tuple[int, int, str]:
    """Where an award's count stands as the báo cáo reads them: wartime proposals, forms of award, emulation
    titles, then the examples held up; each highest first (DOMAIN.md's order), as section() lists them."""
    kind = _kind(name_vi)
    if code.startswith(_WARTIME):
        group = 0
    elif kind:
        group = 1 if kind == "form" else 2
    else:
        group = 3 if code.startswith(_EXAMPLES) else 4
    return group, _rank(code), code
