"""The báo cáo's content: the figures' sentences by domain, the goals, the appendix table, and build()."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

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
from indicators.report import awards as report_awards
from indicators.report import goals as report_goals
from indicators.report import legend as report_legend
from indicators.report import outline as report_outline
from indicators.report import results as report_results
from indicators.report.facts import (
    Facts,
    area_names,
    gather,
    in_sentence,
    stated_changes,
    stated_plans,
)
from indicators.report.narrative import EMPTY, Narrative
from indicators.report.shape import ROMAN as _ROMAN
from indicators.report.shape import Part, Period, ReportError, Section, number_sections, parse_period
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# Commendations have their own section; their counts are not results against targets.
_AWARDS = "commendations"
_JUDGED = (Status.EXCEEDED.value, Status.MET.value, Status.NOT_MET.value)
# Targets set for a whole term (resolution, programme), read before a year's plan.
_TERM_KINDS = ("NQ", "DA")
# One row of an engine's output as a plain mapping: column → value.
Record = Mapping[str, Any]
__all__ = ["Part", "Period", "ReportError", "Section", "area_names", "number_sections", "parse_period"]


@dataclass(frozen=True)
class Row:
    """One line of the appendix table, as text, with the engine's numbers kept for checking."""

    stt: str
    indicator: str
    unit: str
    target: str
    actual: str
    pct: str
    status: str
    group: bool = False  # a domain's heading line
    code: str = ""
    target_value: float = math.nan  # the figure shown, after rounding an implied target
    actual_value: float = math.nan
    pct_value: float = math.nan
    # What the figures are, so the legend is decided from the rows, never by searching their text.
    estimate: bool = False
    implied: bool = False
    qualifier: str = ""
    period_sum: bool = False
    per_year: bool = False  # a cut a year ("giảm bình quân mỗi năm"): target and actual are per year
    yes_no: bool = False
    reported: bool = False  # the % is the report's own, with no figures to compute it from
    target_kind: str = ""  # the code of the document that states the target (NQ, KH …), for the notes


@dataclass(frozen=True)
class AreaRow:
    """One line of the comparison appendix: a child area, the parent's total, or an indicator's heading."""

    stt: str
    area: str  # the area's name; on a heading line, the indicator and its unit
    target: str
    actual: str
    pct: str
    status: str
    group: bool = False  # an indicator's heading line
    parent: bool = False  # the parent's total (bold)
    code: str = ""  # the indicator
    area_code: str = ""
    target_value: float = math.nan  # the figures shown, for checking against the engine
    actual_value: float = math.nan
    pct_value: float = math.nan
    # What the figures are, so the legend is decided from the rows, never by searching their text.
    estimate: bool = False
    implied: bool = False
    qualifier: str = ""
    reported: bool = False
    per_year: bool = False  # no comparison line is a cut a year; the notes ask every table the same
    target_kind: str = ""  # the code of the document that states the target, where one is printed


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
    # Who signs and to whom it goes, from the office's narrative; empty leaves the blanks the office fills.
    number: str = ""  # "Số: 125/BC-UBND", or the blank "Số:        /BC-UBND"
    signer_title: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    # Where the figures come from (data version), for the file's properties, never the signed text.
    version_note: str = ""

    def section(self, key: str) -> Section | None:
        """The section that holds `key` ("results", "awards", "goals" …), whatever its number."""
        return next((s for s in self.sections if s.key == key), None)


# Names and numbers -------------------------------------------------------------------


def _num(value: object, lang: Lang, decimals: int | None = None) -> str:
    return fmt.number(value, lang, decimals)


def _with_unit(text: str, unit: str) -> str:
    # Official documents write "18,22%", "13,3‰" and "100% kế hoạch": the sign against the number.
    if not unit:
        return text
    return f"{text}{unit}" if unit.startswith(("%", "‰")) else f"{text} {fmt.unit_after(text, unit)}"


def _pct(value: float, lang: Lang) -> str:
    text = fmt.number(value, lang)
    return text if text == fmt.MISSING else f"{text}%"


def shown_pct(row: Record) -> float:
    """The % the report shows for a result: computed, rounded as the report printed its own."""
    if row["status_basis"] == "reported":
        return float(row["reported_pct"])
    return fmt.pct_as_printed(float(row["attainment_pct"]), row["reported_pct"])


def _implied(rows: pd.DataFrame) -> pd.Series:
    """Targets worked back from a printed %: the engine's basis column where it has one."""
    if "target_basis" in rows:
        return rows["target_basis"].astype(str).eq("implied")
    return rows["target_derived"].astype(bool)


def _estimate(kinds: pd.Series) -> pd.Series:
    return kinds.astype(str).eq(ObsKind.ESTIMATE.value)


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
    level: Record, unit: str, kind: str, lower: bool, period: Period, lang: Lang, bare: bool = False
) -> str:
    """ "ước đạt khoảng 300.000 lượt khách" for the indicator's latest figure; `bare`: "an estimated 3"."""
    estimate = str(level["actual_kind"]) == ObsKind.ESTIMATE.value
    qualifier = str(level["qualifier"] or "")
    # English says "over an estimated 4,220", never "an estimated over 4,220": the qualifier goes first.
    moved = lang == "en" and estimate and bool(qualifier)
    # A rate where lower is better "còn" (stands at) a level; everything else "đạt" (reaches) it.
    if bare:  # the name says what is counted ("Hotels: an estimated 3"): no verb, no unit
        verb, unit = (t("report.bare_estimate", lang) if estimate else ""), ""
    elif lower:
        verb = t("report.stood_estimate" if estimate and not moved else "report.stood", lang)
    else:
        verb = t("report.reached_estimate" if estimate and not moved else "report.reached", lang)
    if moved:
        hedge = f"{t(f'phrase.qualifier.{qualifier}', lang)} {t('report.bare_estimate', lang)}"
        verb, qualifier = ("" if bare else verb + " ") + hedge, ""
    if kind == ValueKind.YES_NO.value:
        return phrase.yes_no(level["actual"], lang)
    figure = phrase.Figure(
        level["actual"], unit, qualifier, period=phrase.period_of(int(level["year"]), kind)
    )
    text = f"{verb} {phrase.number(figure, lang, document=True)}".strip()
    summed = phrase.period_words(figure, lang)
    if summed:
        # A sum over a term says so in the sentence: never a year's figure, in a year's report least of all.
        return f"{summed} {text}" if lang == "vi" else f"{text} {summed}"
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
    pieces = []
    level_year = None
    if level is not None:
        level_year = int(level["year"])
        lower = str(info["direction"]) == Direction.LOWER.value
        pieces.append(_level_clause(report_results.one_hedge(level), unit, kind, lower, period, lang, bare))
        compared = _comparison(level, change, "" if bare else unit, kind, period, lang)
        if compared:
            pieces.append(compared)
    clauses = [_result_clause(r, level_year, period.end, unit, lang) for r in results]
    if not pieces:
        return f"{name}: {'; '.join(clauses)}."
    text = f"{name}{':' if bare else ''} {', '.join(pieces)}"
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


def _appendix(info: pd.DataFrame, results: pd.DataFrame, levels: pd.DataFrame, lang: Lang) -> list[Row]:
    """The table's lines; `levels` (by code and year) gives each actual's kind and the source's qualifier."""
    if results.empty:
        return []
    catalogue = info.to_dict("index")
    levels_kind = levels["actual_kind"]
    frame = results.assign(_implied=_implied(results).to_numpy())
    if "qualifier" not in frame:
        # The actual's "khoảng", "trên" as the body says it; a cut a year is a change, not that level.
        said = levels["qualifier"].fillna("").astype(str)
        frame["qualifier"] = [
            "" if comparator == Comparator.REDUCE_BY.value else said.get((c, int(y)), "")
            for c, y, comparator in zip(frame["code"], frame["year"], frame["comparator"], strict=True)
        ]
    # Where the engine says which actuals are estimates (its actual_kind), that is used as is.
    if "actual_kind" in frame:
        frame["_estimate"] = _estimate(frame["actual_kind"]).to_numpy()
    else:
        kinds = [levels_kind.get((c, int(y)), "") for c, y in zip(frame["code"], frame["year"], strict=True)]
        frame["_estimate"] = [k == ObsKind.ESTIMATE.value for k in kinds]
    frame = frame[frame["code"].isin(catalogue)]
    frame = frame.assign(
        _domain=[
            DOMAINS.index(d) if d in DOMAINS else 99 for d in (catalogue[c]["domain"] for c in frame["code"])
        ],
        _kind=[0 if k in _TERM_KINDS else 1 for k in frame["target_kind"]],
        _order=[catalogue[c]["order"] for c in frame["code"]],
    ).sort_values(["_domain", "_kind", "_order", "year"], kind="stable")
    rows: list[Row] = []
    number = 0
    for group, (domain, chunk) in enumerate(frame.groupby("_domain", sort=True)):
        name = t(f"domain.{DOMAINS[domain]}", lang) if domain < len(DOMAINS) else "…"
        rows.append(Row(_ROMAN[group % len(_ROMAN)], name.upper(), "", "", "", "", "", group=True))
        for record in chunk.to_dict("records"):
            number += 1
            rows.append(_appendix_row(number, record, catalogue[record["code"]], lang))
    return rows


def _appendix_target(r: Record, unit: str) -> phrase.Figure:
    """An appendix row's target: its basis and printed %, so one rule decides how it is shown."""
    return phrase.Figure(
        r["target"],
        unit,
        str(r.get("target_qualifier", "") or ""),
        comparator=str(r["comparator"]),
        basis="implied" if bool(r["_implied"]) else "stated",
        printed_pct=r["reported_pct"],
    )


def _appendix_row(number: int, r: Record, info: Record, lang: Lang) -> Row:
    reduce = r["comparator"] == Comparator.REDUCE_BY.value
    yes_no = str(info["value_kind"]) == ValueKind.YES_NO.value or r["comparator"] == Comparator.YES.value
    unit = str(info["unit"])
    if reduce:
        unit = phrase.change_unit(phrase.change_code(unit), unit, lang)
    figure = _appendix_target(r, "")
    kind = str(r["target_kind"])
    # A cut a year: the unit column says "a year", so the cell keeps the number and its mark alone.
    target_text = phrase.target_cell(replace(figure, comparator="") if reduce else figure, lang, star=True)
    target_text = f"{t(f'kind_short.{kind}', lang)}: {target_text}"
    qualifier = str(r.get("qualifier", "") or "")
    actual = phrase.Figure(r["actual"], "", qualifier, bool(r["_estimate"]) and not reduce, yes_no=yes_no)
    actual_text = phrase.number(actual, lang)
    is_estimate = phrase.estimate_marked(actual)
    if is_estimate and actual_text != fmt.MISSING:
        actual_text += f" ({t('report.mark.estimate', lang)})"
    pct = shown_pct(r)
    reported = r["status_basis"] == "reported"
    pct_text = _num(pct, lang) + (f" ({t('report.mark.reported', lang)})" if reported else "")
    year = int(r["year"])
    name = str(info["name"]) + (f" ({t('report.in_year', lang).format(y=year)})" if kind == "KH" else "")
    period_sum = str(info["value_kind"]) == ValueKind.TERM_TOTAL.value
    if period_sum:
        # The row's figures are the term's sum: the row says which years, in a year's report too.
        name += f" ({phrase.period_words(phrase.Figure(r['actual'], period=phrase.summed_over(year)), lang)})"
    return Row(
        stt=str(number),
        indicator=name,
        # The unit as the data writes it: a line may break after "/" without an invisible character.
        unit=unit,
        target=target_text,
        actual=actual_text,
        pct=pct_text,
        status=t(f"status.{r['status']}", lang),
        code=str(r["code"]),
        target_value=phrase.shown_value(figure),
        actual_value=float(r["actual"]),
        pct_value=pct,
        estimate=is_estimate and actual_text != fmt.MISSING,
        implied=figure.implied and target_text != fmt.MISSING,
        qualifier=actual.qualifier,
        period_sum=period_sum,
        per_year=reduce,
        yes_no=yes_no,
        reported=reported,
        target_kind=kind,
    )


def _legend(rows: list[Row], lang: Lang) -> list[str]:
    """The notes the rows need, decided from their flags, and the rule the status words follow."""
    notes = report_legend.notes(rows, lang)
    if any(not r.group for r in rows):
        notes.append(t("phrase.met_rule", lang))
    return notes


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
    if period.kind != "term" or results.empty:
        return _domain_sentences(data, info, levels, results, area, period, lang)
    counting = tuple(core_tally.counting_codes(data.indicators))
    plans, results, levels = report_results.split_plans(results, levels, groups, counting)
    sentences = _domain_sentences(data, info, levels, results, area, period, lang)

    def clause(row: Record) -> str:
        return _result_clause(row, int(row["year"]), period.end, str(info.at[row["code"], "unit"]), lang)

    plan = report_results.plan_paragraphs(plans, groups, info, names, clause, lang, counting)
    for domain, said in plan.items():
        sentences.setdefault(domain, []).extend(said)
    return sentences


def _blocks(data: Dataset, area: str, facts: Facts, period: Period, lang: Lang) -> report_outline.Blocks:
    """The parts of the report the figures write, in the reader's language."""
    results, levels, info = facts.results, facts.levels, facts.info
    names = {str(c): in_sentence(str(n)) for c, n in info["name"].items()}
    # One tally for every count the document says: the lead, the year plans, the shortfalls.
    groups = core_tally.by_kind(results, stated_plans(data, area, facts.all_levels, period))
    lead = [report_results.tally(groups, lang)] if groups else []
    if levels.empty and results.empty:  # nothing at all: one sentence in the office's words
        lead = [t("report.no_figures", lang).format(area=facts.area_name, period=facts.period_text)]
    judged = not results.empty and results["status"].astype(str).isin(_JUDGED).any()
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
        else t("report.next_term", lang)
    )
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
        awards=report_awards.section(info, levels, names_vi, facts.area_name, awards_period, lang),
        shortfalls=report_results.shortfalls(results, groups, names, lang),
        goals=facts.goals or [t("report.no_goals", lang).format(area=facts.area_name)],
        goals_heading=goals_heading,
        next_period=next_period,
    )


def build(
    data: Dataset, area: str, period: Period, lang: Lang = "vi", narrative: Narrative = EMPTY
) -> Content:
    """The report of one area and period: figures from the engines, the rest from the office's narrative."""
    # Load inputs.
    facts = gather(data, area, period, lang)
    facts.goals, facts.goal_span = report_goals.sentences(data, facts.info, area, period, lang)

    # Process data.
    blocks = _blocks(data, area, facts, period, lang)
    outline = report_outline.term_sections if period.kind == "term" else report_outline.year_sections
    subject = report_outline.subject(period, facts.goal_span, lang)
    closing = t("report.closing", lang).format(subject=in_sentence(subject), area=facts.area_name)
    sections = report_outline.close(outline(blocks, narrative, lang), closing)
    rows = _appendix(facts.info, facts.results, facts.all_levels.set_index(["code", "year"]), lang)
    results = facts.results
    judged = results[results["status"].astype(str).isin(_JUDGED)] if not results.empty else results

    # Save outputs.
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
        legend=_legend(rows, lang),
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

    view = tables.attainment_view(data, judged, lang)
    title = t("chart.attainment", lang)
    return title, figures.attainment_figure(view, lang, title=" ", for_print=True)
