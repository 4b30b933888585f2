"""The báo cáo's content: the figures' sentences by domain, the goals, the appendix table, and build()."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from indicators.core import tally as core_tally
from indicators.core.model import (
    DOMAINS,
    Comparator,
    Dataset,
    Direction,
    ObsKind,
    Status,
    ValueKind,
)
from indicators.report import appendix as report_appendix
from indicators.report import awards as report_awards
from indicators.report import goals as report_goals
from indicators.report import outline as report_outline
from indicators.report import results as report_results
from indicators.report import units_only
from indicators.report import year as report_year
from indicators.report.facts import (
    Facts,
    area_names,
    following_term,
    gather,
    holds_pending,
    in_sentence,
    stated_changes,
    stated_plans,
)
from indicators.report.narrative import EMPTY, Narrative
from indicators.report.rows import TERM_KINDS as _TERM_KINDS
from indicators.report.rows import AreaRow, Record, Row, shown_pct
from indicators.report.rows import num as _num
from indicators.report.shape import Part, Period, ReportError, Section, number_sections, parse_period
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# Commendations have their own section; their counts are not results against targets.
_AWARDS = "commendations"
_JUDGED = (Status.EXCEEDED.value, Status.MET.value, Status.NOT_MET.value)
# Fewer bars than this add nothing to the sentences that already give each %: no chart is drawn.
_CHART_MIN = 3
__all__ = [
    "AreaRow",
    "Part",
    "Period",
    "Record",
    "ReportError",
    "Row",
    "Section",
    "area_names",
    "number_sections",
    "parse_period",
]


@dataclass
class Content:
    """Everything the document says, in the reader's language; the template lays it out."""

    lang: Lang
    area: str
    area_name: str  # "huyện Tam Đường" / "Tam Đường district"
    period: Period
    version: int
    issuer_lines: list[str]
    place: str
    subject: str
    sections: list[Section]
    rows: list[Row]
    legend: list[str]
    appendix_title: str
    appendix_note: str
    attainment_rows: pd.DataFrame  # the judged results the chart draws
    thin: bool  # no figure at all for the area and period
    # Chart name → a maker of (title, plotly figure) pairs, called only where a browser can draw them.
    figures: dict[str, Callable[[], list[tuple[str, object]]]] = field(default_factory=dict)
    # The comparison of the area's child units (indicators/report/compare.py), when one is asked for.
    compared: bool = False
    area_rows: list[AreaRow] = field(default_factory=list)
    area_title: str = ""
    area_legend: list[str] = field(default_factory=list)
    area_none: str = ""  # the sentence where no child has a figure to compare
    area_intro: str = ""  # before the comparison's table: the units without figures, named once
    area_by_indicator: bool = False  # one unit's line per indicator: the first column names the indicator
    # Who signs and to whom it goes, from the office's narrative; empty leaves the blanks the office fills.
    number: str = ""  # "Số: 125/BC-UBND", or the blank "Số:        /BC-UBND"
    signer_title: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    # Where the figures come from (data version), for the file's properties, never the signed text.
    version_note: str = ""
    # The targets a year's table leaves out for want of a figure, named once in a sentence.
    rows_left_out: str = ""

    def section(self, key: str) -> Section | None:
        """The section that holds `key` ("results", "awards", "goals" …), whatever its number."""
        return next((s for s in self.sections if s.key == key), None)


# Names and numbers -------------------------------------------------------------------


def _with_unit(text: str, unit: str) -> str:
    # Official documents write "18,22%", "13,3‰" and "100% kế hoạch": the sign against the number.
    if not unit:
        return text
    return f"{text}{unit}" if unit.startswith(("%", "‰")) else f"{text} {fmt.unit_after(text, unit)}"


def _pct(value: float, lang: Lang) -> str:
    text = fmt.number(value, lang)
    return text if text == fmt.MISSING else f"{text}%"


# Sentences ---------------------------------------------------------------------------


def _cut(row: Record, unit: str, lang: Lang) -> str:
    """ "bình quân mỗi năm giảm 4,5 điểm %": the cut a year a reduction target is judged on."""
    step = phrase.change_words(unit, lang)  # a change in points, in phrase's one wording
    return t("report.reduction", lang).format(
        value=phrase.join(_num(row["actual"], lang), step, document=True)
    )


def _cuts(row: Record) -> bool:
    return row["comparator"] == Comparator.REDUCE_BY.value and not fmt.is_missing(row["actual"])


def _attained(row: Record, unit: str, lang: Lang) -> str:
    """A result as a highlight says it: its % of the target, a cut with the cut it is."""
    words = phrase.attained(_pct(shown_pct(row), lang), str(row["target_kind"]), lang, _cuts(row))
    return f"{_cut(row, unit, lang)}, {words}" if _cuts(row) else words


def _result_clause(row: Record, level_year: int | None, period_end: int, unit: str, lang: Lang) -> str:
    """ "đạt 118,08% Nghị quyết, vượt chỉ tiêu" for one target of the indicator."""
    pct = shown_pct(row)
    parts = [_cut(row, unit, lang)] if _cuts(row) else []
    year = int(row["year"])
    prefix = t("report.in_year", lang).format(y=year) + " " if year != (level_year or period_end) else ""
    if not math.isnan(pct):
        text = prefix + phrase.attained(_pct(pct, lang), str(row["target_kind"]), lang, _cuts(row))
        if row["status_basis"] == "reported":
            text += f" ({t('report.as_reported', lang)})"
        elif bool(row["differs"]):
            reported, computed = _pct(row["reported_pct"], lang), _pct(pct, lang)
            text += f" ({t('report.differs', lang).format(reported=reported, computed=computed)})"
        parts.append(text)
    # After its %, the verdict speaks of that target: "118.08% of the Resolution's target, exceeding it".
    parts.append(t(f"verdict.{row['status']}" if math.isnan(pct) else f"verdict_of.{row['status']}", lang))
    return ", ".join(parts)


def _level_clause(
    level: Record,
    unit: str,
    kind: str,
    lower: bool,
    period: Period,
    lang: Lang,
    bare: bool = False,
    verbless: bool = False,
) -> str:
    """ "ước đạt khoảng 300.000 lượt khách" for the indicator's latest figure; `bare`: "an estimated 3";
    `verbless`: "ước 8 xã", after a name that holds the verb itself."""
    estimate = str(level["actual_kind"]) == ObsKind.ESTIMATE.value
    qualifier = str(level["qualifier"] or "")
    # English says "over an estimated 4,220", never "an estimated over 4,220": the qualifier goes first.
    moved = lang == "en" and estimate and bool(qualifier)
    # A rate where lower is better "còn" (stands at) a level; everything else "đạt" (reaches) it.
    if bare or verbless:  # the name says what is counted ("Hotels: an estimated 3") or holds the verb
        verb = t("report.bare_estimate", lang) if estimate else ""
        unit = "" if bare else unit
    elif lower:
        verb = t("report.stood_estimate" if estimate and not moved else "report.stood", lang)
    else:
        verb = t("report.reached_estimate" if estimate and not moved else "report.reached", lang)
    if moved:
        hedge = f"{t(f'phrase.qualifier.{qualifier}', lang)} {t('report.bare_estimate', lang)}"
        verb, qualifier = ("" if bare else verb + " ") + hedge, ""
    if kind == ValueKind.YES_NO.value:
        return phrase.yes_no(level["actual"], lang)
    unstated = bool(level.get("period_unstated", False))
    figure = phrase.Figure(
        level["actual"],
        unit,
        qualifier,
        period=phrase.period_of(int(level["year"]), kind),
        pending=bool(level.get("pending", False)),
        period_unstated=unstated,
    )
    # A figure not yet approved (a báo cáo asked for with them) is marked after its number and unit.
    text = (
        f"{verb} {phrase.with_pending_mark(phrase.number(figure, lang, document=True), figure, lang)}".strip()
    )
    summed = phrase.period_words(figure, lang)
    if summed:
        # A sum over a term says so in the sentence: never a year's figure, in a year's report least of all.
        return f"{summed} {text}" if lang == "vi" else f"{text} {summed}"
    if unstated:
        # The source gives no year: the term is said, never "năm 2020".
        return f"{text} ({phrase.unstated_words(figure, lang)})"
    if int(level["year"]) != period.end:
        text = t("report.in_year", lang).format(y=int(level["year"])) + " " + text
    return text


def _comparison(
    level: Record, change: Record | None, unit: str, kind: str, period: Period, lang: Lang
) -> str:
    """ "bằng 104% so với cùng kỳ" (a year) or "tăng 1.050,2 tỷ đồng so với năm 2015" (a term)."""
    if kind == ValueKind.TERM_TOTAL.value:
        return ""
    now, before = float(level["actual"]), float(level["before"])
    share = kind == ValueKind.SHARE.value or unit in {"%", "‰"}
    if period.kind == "year" and not math.isnan(before) and before > 0 and not share:
        return t("report.ratio_prev", lang).format(pct=_pct(fmt.round_half_up(now / before * 100, 2), lang))
    base = period.start if period.kind == "term" else int(level["year"]) - 1
    if change is not None:
        delta = float(change["value"])
    elif not math.isnan(before):
        delta = now - before
    else:
        return ""
    step = phrase.change_words(unit, lang)  # a change in points, in phrase's one wording
    value = phrase.join(_num(abs(delta), lang), step, document=True)
    key = "report.up_since" if delta > 0 else "report.down_since" if delta < 0 else "report.same_since"
    return t(key, lang).format(value=value, y=base)


def _sentence(
    code: str,
    info: Record,
    level: Record | None,
    change: Record | None,
    results: list[Record],
    period: Period,
    lang: Lang,
) -> str:
    unit, kind = str(info["unit"]), str(info["value_kind"])
    name = str(info["name"])
    # "Hotels reached 3 hotels" names the noun twice: such a name takes the bare count after a colon.
    bare = lang == "en" and phrase.names_unit(name, unit)
    # "Số xã đạt chuẩn … ước đạt 8 xã" says "đạt" twice: such a name takes its figure after a colon.
    verbless = phrase.names_verb(name, lang)
    pieces = []
    level_year = None
    if level is not None:
        level_year = int(level["year"])
        lower = str(info["direction"]) == Direction.LOWER.value
        hedged = report_results.one_hedge(level)
        pieces.append(_level_clause(hedged, unit, kind, lower, period, lang, bare, verbless))
        compared = _comparison(level, change, "" if bare else unit, kind, period, lang)
        if compared:
            pieces.append(compared)
    clauses = [_result_clause(r, level_year, period.end, unit, lang) for r in results]
    if not pieces:
        return f"{name}: {'; '.join(clauses)}."
    text = f"{name}{':' if bare or verbless else ''} {', '.join(pieces)}"
    return f"{text}, {'; '.join(clauses)}." if clauses else f"{text}."


def _domain_sentences(
    data: Dataset,
    info: pd.DataFrame,
    levels: pd.DataFrame,
    results: pd.DataFrame,
    area: str,
    period: Period,
    lang: Lang,
) -> dict[str, list[str]]:
    """Each domain's sentences in the order a report reads them, the shares of one whole together."""
    changes = stated_changes(data, area, period)
    codes = (set(levels.index) | set(results["code"])) - set(info.index[info["domain"] == _AWARDS])
    codes &= set(info.index)
    # Plain records, looked up by code: a few hundred sentences without a pandas lookup each.
    catalogue = info.to_dict("index")
    level_of = dict(zip(levels.index, levels.to_dict("records"), strict=True))
    change_of = dict(zip(changes.index, changes.to_dict("records"), strict=True))
    results_of: dict[str, list[Record]] = {}
    for record in results.to_dict("records"):
        results_of.setdefault(record["code"], []).append(record)
    term_targets = {r["code"] for r in results.to_dict("records") if r["target_kind"] in _TERM_KINDS}

    def rank(code: str) -> tuple[int, int]:
        # As a report reads: the term's resolution targets first, then figures, then yearly plans alone.
        first = 0 if code in term_targets else 1 if code in level_of else 2
        return first, catalogue[code]["order"]

    said: dict[str, list[str]] = {}
    for domain in DOMAINS:
        wholes: dict[str, list[str]] = {}
        for c in sorted((c for c in codes if catalogue[c]["domain"] == domain), key=rank):
            whole = report_results.structure_key(c, catalogue[c], level_of, results_of)
            if whole:
                # The whole's sentence takes the place of its first share.
                if whole not in wholes:
                    said.setdefault(domain, []).append(whole)
                wholes.setdefault(whole, []).append(c)
                continue
            sentence = _sentence(
                c, catalogue[c], level_of.get(c), change_of.get(c), results_of.get(c, []), period, lang
            )
            said.setdefault(domain, []).append(sentence)
        for whole, members in wholes.items():
            mine = said[domain]
            mine[mine.index(whole)] = report_results.structure(
                members, catalogue, level_of, lang, lambda v, u: _with_unit(_num(v, lang), u)
            )
    return said


# The appendix ------------------------------------------------------------------------


# The whole report --------------------------------------------------------------------


def _field_sentences(
    data: Dataset,
    area: str,
    facts: Facts,
    period: Period,
    groups: list[core_tally.KindCount],
    names: dict[str, str],
    lang: Lang,
) -> dict[str, list[str]]:
    """Each domain's sentences; in a term report a year's plan has its own sentence, with its count."""
    results, levels, info = facts.results, facts.levels, facts.info
    if results.empty:
        return _domain_sentences(data, info, levels, results, area, period, lang)
    counting = tuple(core_tally.counting_codes(data.indicators))
    if period.kind != "term":
        # The lead's tally already says "17/17 chỉ tiêu đạt và vượt": the count is not said again.
        levels = report_results.split_plans(results, levels, groups, counting)[2]
        return _domain_sentences(data, info, levels, results, area, period, lang)
    plans, results, levels = report_results.split_plans(results, levels, groups, counting)
    sentences = _domain_sentences(data, info, levels, results, area, period, lang)

    def clause(row: Record) -> str:
        return _result_clause(row, int(row["year"]), period.end, str(info.at[row["code"], "unit"]), lang)

    plan = report_results.plan_paragraphs(plans, groups, info, names, clause, lang, counting)
    for domain, said in plan.items():
        sentences.setdefault(domain, []).extend(said)
    return sentences


def _nothing_own(data: Dataset, area: str, facts: Facts, period: Period, lang: Lang, awards: bool) -> str:
    """The one sentence where the area holds no figure: its units that hold some, else plainly none."""
    found = units_only.sentence(data, area, facts.area_name, period, facts.period_text, lang, awards)
    key = "report.no_commendations" if awards else "report.no_figures"
    return found or t(key, lang).format(area=facts.area_name, period=facts.period_text)


def _awards(
    data: Dataset,
    area: str,
    facts: Facts,
    period: Period,
    names_vi: pd.Series,
    awards_period: str,
    lang: Lang,
) -> Section:
    """The commendation section; with no count of the area's own, what its units hold instead."""
    section = report_awards.section(facts.info, facts.levels, names_vi, facts.area_name, awards_period, lang)
    none = t("report.no_commendations", lang).format(area=facts.area_name, period=awards_period)
    if section.paragraphs == [none] and not section.parts:
        section.paragraphs = [_nothing_own(data, area, facts, period, lang, awards=True)]
    return section


def _blocks(data: Dataset, area: str, facts: Facts, period: Period, lang: Lang) -> report_outline.Blocks:
    """The parts of the report the figures write, in the reader's language."""
    results, levels, info = facts.results, facts.levels, facts.info
    names = {str(c): in_sentence(str(n)) for c, n in info["name"].items()}
    # One tally for every count the document says: the lead, the year plans, the shortfalls.
    groups = core_tally.by_kind(results, stated_plans(data, area, facts.all_levels, period))
    lead = [report_results.tally(groups, lang)] if groups else []
    if levels.empty and results.empty:  # nothing at all: one sentence in the office's words
        lead = [_nothing_own(data, area, facts, period, lang, awards=False)]
    judged = not results.empty and int(results["status"].astype(str).isin(_JUDGED).sum()) >= _CHART_MIN
    thin = levels.empty and results.empty
    sentences = {} if thin else _field_sentences(data, area, facts, period, groups, names, lang)
    names_vi = data.indicators.set_index("code")["name_vi"]
    goals_heading = ""
    if facts.goal_span:
        key = "report.goals_part_term" if period.kind == "term" else "report.goals_part_year"
        goals_heading = t(key, lang).format(goals=facts.goal_span)
    next_period = (
        t("report.period_term", lang).format(p=facts.goal_span).upper()
        if facts.goal_span and facts.goal_span != period.label
        else t("report.period_term", lang).format(p=following_term(data, period)).upper()
    )
    if period.kind == "year":  # a year's Part two looks ahead to the next year, whatever term runs
        next_period = t("report.period_year", lang).format(p=period.end + 1).upper()
    awards_period = report_awards.awards_period(data, info, levels, period, lang)
    return report_outline.Blocks(
        period_text=facts.period_text,
        fields=report_results.field_parts(sentences, lang),
        lead=lead,
        chart="attainment" if judged else "",
        highlights=report_results.highlights(
            results,
            names,
            lambda r: (shown_pct(r), _attained(r, str(info.at[r["code"], "unit"]), lang)),
            lang,
        ),
        examples=[f"- {line}" for line in report_awards.examples(info, levels, lang)],
        awards=_awards(data, area, facts, period, names_vi, awards_period, lang),
        shortfalls=report_results.shortfalls(results, groups, names, lang),
        goals=facts.goals or [_no_goals(data, facts, period, lang)],
        goals_heading=goals_heading,
        next_period=next_period,
    )


def _no_goals(data: Dataset, facts: Facts, period: Period, lang: Lang) -> str:
    """Where the data holds no goals, which ones are missing: a term's report looks to the next term."""
    if period.kind == "term":
        following = following_term(data, period)
        return t("report.no_goals_term", lang).format(area=facts.area_name, p=following)
    return t("report.no_goals", lang).format(area=facts.area_name)


def build(
    data: Dataset, area: str, period: Period, lang: Lang = "vi", narrative: Narrative = EMPTY
) -> Content:
    """The report of one area and period: figures from the engines, the rest from the office's narrative."""
    facts = gather(data, area, period, lang)
    facts.goals, facts.goal_span = report_goals.sentences(data, facts.info, area, period, lang)

    blocks = _blocks(data, area, facts, period, lang)
    outline = report_outline.term_sections if period.kind == "term" else report_outline.year_sections
    subject = report_outline.subject(period, facts.goal_span, lang)
    closing = t("report.closing", lang).format(subject=in_sentence(subject), area=facts.area_name)
    sections = report_outline.close(outline(blocks, narrative, lang), closing)
    shown, left_out = report_year.with_figures(facts.results, facts.info, period, lang)
    rows = report_appendix.table(facts.info, shown, facts.all_levels.set_index(["code", "year"]), lang)
    results = facts.results
    judged = results[results["status"].astype(str).isin(_JUDGED)] if not results.empty else results

    figures = {"attainment": lambda: [_attainment_figure(data, judged, lang)]} if blocks.chart else {}
    signing = report_outline.signing(narrative, lang)
    return Content(
        lang=lang,
        area=area,
        area_name=facts.area_name,
        period=period,
        version=data.version,
        issuer_lines=[
            t("report.issuer", lang),
            t("report.issuer_of", lang).format(area=facts.area_name.upper()),
        ],
        place=facts.place,
        subject=subject,
        sections=sections,
        rows=rows,
        legend=report_appendix.legend(rows, lang, holds_pending(facts))
        + ([left_out] if left_out and rows else []),
        rows_left_out=left_out,
        appendix_title=t("report.appendix_title", lang).format(period=facts.period_text.upper()),
        appendix_note=t("report.appendix_note", lang).format(
            number=narrative.number.strip() or "        /BC-UBND", area=facts.area_name
        ),
        attainment_rows=judged,
        thin=facts.levels.empty and results.empty,
        figures=figures,
        version_note=t("report.version_note", lang).format(v=data.version),
        **signing,
    )


def _attainment_figure(data: Dataset, judged: pd.DataFrame, lang: Lang) -> tuple[str, object]:
    """The dashboard's attainment chart of the judged results, in print style, and its caption's title."""
    from indicators.charts import figures  # plotly is loaded only for a report that has something to draw
    from indicators.text import tables

    # A bar of a sum over the term says so, as its sentence and its table row do: never the year's.
    view = report_year.term_sums_named(data, tables.attainment_view(data, judged, lang), lang)
    title = t("chart.attainment", lang)
    return title, figures.attainment_figure(view, lang, title=" ", for_print=True)
