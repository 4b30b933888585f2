"""The báo cáo's commendations: forms of award and emulation titles apart, each highest first."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from indicators.core import terms
from indicators.core.model import Dataset, ObsKind, ValueKind
from indicators.report.facts import period_text
from indicators.report.shape import Part, Period, Section, number_parts
from indicators.text import phrase
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
# Proposals for wartime merit: put to the province, not awards received, so said in a sentence of their
# own before the awards' "cụ thể như sau", never listed under it.
_WARTIME = "RESISTANCE_"


@dataclass(frozen=True)
class Count:
    """One count as the store holds it: the number, the source's qualifier ("trên"), whether estimated."""

    number: float
    qualifier: str = ""
    estimate: bool = False


@dataclass(frozen=True)
class Award:
    """One award's counts: collectives and individuals, each with its qualifier and estimate mark."""

    code: str  # the first code of the award, for its rank
    name: str
    form: bool  # a form of award (True) or an emulation title (False)
    counts: dict[str, Count]  # recipient → count


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
        award.counts[str(info.at[code, "recipient"])] = _held(level)
    return list(found.values())


def _held(level: pd.Series) -> Count:
    estimate = str(level.get("actual_kind", "")) == ObsKind.ESTIMATE.value
    return Count(float(level["actual"]), str(level["qualifier"] or ""), estimate)


def _count(value: Count, noun: str, lang: Lang) -> str:
    """ "ước 1 tập thể", "over an estimated 450": an estimated count is marked as every estimate is."""
    figure = phrase.Figure(value.number, noun, value.qualifier, value.estimate)
    return phrase.in_sentence(figure, lang)


def _counts(pairs: list[tuple[Count, str]], lang: Lang) -> list[str]:
    """Counts said side by side with one "ước" for the lot: "ước 835 lượt tập thể và 7.624 lượt cá nhân",
    never "ước 835 … và ước 7.624"; a count after one not marked an estimate carries its own mark."""
    said, marked = [], False
    for value, noun in pairs:
        figure = phrase.Figure(value.number, noun, value.qualifier, value.estimate and not marked)
        said.append(phrase.in_sentence(figure, lang))
        marked = phrase.estimate_marked(phrase.Figure(value.number, noun, value.qualifier, value.estimate))
    return said


def _line(award: Award, lang: Lang, said: bool = False) -> str:
    """ "- Huân chương Lao động hạng Ba: 1 tập thể, 2 cá nhân;" (titles in "lượt").

    `said`: the lead's "ước 835 lượt tập thể …, cụ thể như sau" already says every count is an estimate.
    """
    # A form is given once ("1 tập thể"); a title is given again each year, so counted in "lượt".
    kind = "form" if award.form else "title"
    pairs = [
        (
            replace(award.counts[who], estimate=False) if said else award.counts[who],
            t(f"report.award.{kind}_{who}", lang),
        )
        for who in ("tap_the", "ca_nhan")
        if who in award.counts
    ]
    return f"- {award.name}: {t('report.award.and', lang).join(_counts(pairs, lang))};"


def _totals(found: list[Award]) -> dict[str, Count]:
    """Each recipient's sum: an estimate where any count in it is, qualified as its counts are."""
    totals = {}
    for who in ("tap_the", "ca_nhan"):
        counts = [a.counts[who] for a in found if who in a.counts]
        totals[who] = Count(
            sum(c.number for c in counts),
            phrase.sum_qualifier([c.qualifier for c in counts]),
            any(c.estimate for c in counts),
        )
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
        value = _count(_held(level), unit, lang)
        lines.append(f"{name}: {value}.")
    return lines


def examples(info: pd.DataFrame, levels: pd.DataFrame, lang: Lang) -> list[str]:
    """The collectives and individuals held up as examples, with their qualifier kept ("trên 150")."""
    return _others(info, levels, _EXAMPLES, lang)


def section(
    info: pd.DataFrame, levels: pd.DataFrame, names_vi: pd.Series, area: str, period: str, lang: Lang
) -> Section:
    """The commendation results: wartime proposals apart, then forms of award and emulation titles."""
    found = awards(info, levels, names_vi)
    wartime = _others(info, levels, _WARTIME, lang)
    heading = t("report.awards_heading", lang).format(period=period.upper())
    if not found and not wartime:
        return Section(
            heading, [t("report.no_commendations", lang).format(area=area, period=period)], key="awards"
        )
    totals = _totals(found)
    # Every count an estimate: the total's one "ước" covers the lines "cụ thể như sau" introduces.
    all_estimates = (
        bool(found)
        and all(c.estimate for a in found for c in a.counts.values())
        and totals["tap_the"].qualifier != "khoang"
    )
    # Proposals first, each its own sentence: the lead's "cụ thể như sau" introduces awards received only.
    paragraphs = list(wartime)
    if found:
        tt, cn = _counts(
            [(totals[who], t(f"report.award.title_{who}", lang)) for who in ("tap_the", "ca_nhan")], lang
        )
        lead = t("report.awards_total", lang).format(period=period, area=area, tt=tt, cn=cn)
        # Vietnamese hedges the verb, not the number: "ước có 835 lượt", never "có ước 835 lượt".
        word = t("phrase.estimate_word", lang)
        paragraphs.append(lead.replace(f" có {word} ", f" {word} có ", 1) if lang == "vi" else lead)
    parts = []
    for form, key in ((True, "report.award.forms"), (False, "report.award.titles")):
        lines = [_line(a, lang, all_estimates) for a in found if a.form == form]
        if lines:
            lines[-1] = lines[-1].removesuffix(";") + "."
            parts.append(Part(t(key, lang), lines))
    return Section(
        heading,
        paragraphs,
        number_parts(parts),
        key="awards",
    )


def awards_period(data: Dataset, info: pd.DataFrame, levels: pd.DataFrame, period: Period, lang: Lang) -> str:
    """The term the award counts cover, named as the source names it ("giai đoạn 2015 – 2020"), in any
    report: totals given in 2020 are the term's, never the year's."""
    held = [c for c in levels.index if c in info.index and info.at[c, "domain"] == "commendations"]
    summed = bool(held) and all(info.at[c, "value_kind"] == ValueKind.TERM_TOTAL.value for c in held)
    years = {int(y) for y in levels.loc[held, "year"]} if summed else set()
    given = years.pop() if len(years) == 1 else period.end
    term = terms.term_of(terms.catalogue(data), given) if summed else None
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
