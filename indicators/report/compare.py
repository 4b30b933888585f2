"""The báo cáo's comparison of an area's child units: a section of sentences and an appendix table.

Every figure comes from indicators/areas/compare.py (which adds children up by indicators/areas/aggregate.py):
each child's value, target, % attained and status, and the parent's total marked as compare marks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from indicators.areas import compare
from indicators.areas import hierarchy as areas
from indicators.areas.aggregate import Mark
from indicators.core.model import AreaLevel, Comparator, Dataset, ObsKind
from indicators.report import compare_text as words
from indicators.report import legend as report_legend
from indicators.report import results as report_results
from indicators.report import units_only
from indicators.report.awards import award_order
from indicators.report.content import _CHART_MIN as CHART_MIN
from indicators.report.content import (
    AreaRow,
    Content,
    Part,
    Period,
    Record,
    Section,
    _num,
    build,
)
from indicators.report.content import _attainment_figure as attainment_figure
from indicators.report.facts import catalogue as _catalogue
from indicators.report.facts import period_text
from indicators.report.narrative import EMPTY, Narrative
from indicators.report.outline import insert_after
from indicators.report.rows import TERM_KINDS
from indicators.report.shape import number_parts
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from indicators.text.labels import NO_TARGET

# Children with neither a figure nor a target share one line; their names are listed up to this many.
_NAMES_LISTED = 12


def codes_with_child_figures(data: Dataset, parent: str, year: int) -> list[str]:
    """The indicators some unit under `parent` (or under one of its units) holds a figure of in `year`."""
    kids = compare.children_of(data, parent, year)
    under = set(kids["code"])
    grandchildren = data.areas[
        data.areas["parent"].isin(under) & areas.valid_on(data.areas, areas.year_end(year))
    ]
    held = data.observations[
        (data.observations["year"] == year)
        & data.observations["area"].isin(under | set(grandchildren["code"]))
        & data.observations["kind"].isin([ObsKind.ACTUAL.value, ObsKind.ESTIMATE.value])
    ]
    wanted = set(held["code"])
    return [c for c in data.indicators["code"] if c in wanted]


def report(
    data: Dataset,
    area: str,
    period: Period,
    codes: Sequence[str],
    lang: Lang = "vi",
    narrative: Narrative = EMPTY,
) -> Content:
    """The area's báo cáo with the comparison of its child units on `codes` in the period's last year."""
    return add(build(data, area, period, lang, narrative), data, codes)


def _compared(
    data: Dataset, parent: str, year: int, codes: Sequence[str], info: pd.DataFrame, lang: Lang
) -> list:
    """Each wanted indicator compared across the units; a comparison reads one year only.

    Each row carries its area's name in the reader's language ("label"), looked up once for all
    indicators: a name looked up per row cost a sixty-indicator report a fifth of its time.
    """
    results = compare.compare_many(
        data, [code for code in dict.fromkeys(codes) if code in info.index], year, parent
    )
    wanted = {parent}.union(*(set(r.rows["area"]) for r in results))
    names = compare.area_names(data, sorted(wanted), year, lang)
    return [replace(r, rows=r.rows.assign(label=r.rows["area"].map(names).fillna(""))) for r in results]


def _pending_marked(result: compare.Comparison, data: Dataset) -> compare.Comparison:
    """The comparison with a "pending" flag on each row whose figure, or total, is not yet approved
    (a báo cáo asked for with such figures): its cell and its sentence then say "(chưa duyệt)"."""
    if not data.pending.sendings:
        return result
    rows = result.rows
    held = data.pending.in_rows(result.code, result.year, rows["area"], rows["is_parent"])
    return replace(result, rows=result.rows.assign(pending=held))


def _section(
    data: Dataset,
    results: list,
    kids: pd.DataFrame,
    info: pd.DataFrame,
    parent_name: str,
    year: int,
    lang: Lang,
    appendix: str = "",
) -> tuple[Section, list[AreaRow], str]:
    """The comparison's sentences and appendix rows, or one sentence saying there is nothing to compare."""
    units, short = _units(kids, lang), words.short_units(kids, lang)
    names_vi = data.indicators.set_index("code")["name_vi"]
    reported = [r for r in results if not r.problem and r.children["value"].notna().any()]
    shown = _in_report_order(reported, info, names_vi)
    section = Section(t("report.cmp.heading", lang).format(y=year), key="compare")
    if kids.empty or not shown:
        key = "compare.no_children" if kids.empty else "report.cmp.thin"
        none = t(key, lang).format(area=parent_name, year=year, units=units, y=year)
        section.paragraphs.append(none)
        return section, [], none
    count = _num(len(kids), lang)
    section.paragraphs.append(
        t("report.cmp.intro", lang).format(
            m=count,
            units=units,
            kinds=_kinds(kids, lang),
            area=parent_name,
            y=year,
            k=_num(len(shown), lang),
            indicators=fmt.unit_after(_num(len(shown), lang), t("report.noun.indicators", lang)),
            appendix=appendix,
        )
    )
    common = _common_reporters(data, shown, year, lang)
    if common:
        n, m = _num(len(common), lang), _num(len(kids), lang)
        names = ", ".join(common)
        section.paragraphs.append(
            t("cmpdoc.common", lang).format(y=year, n=n, m=m, units=short, names=names, area=parent_name)
        )
    rows: list[AreaRow] = []
    said: dict[str, list[str]] = {}
    marks = words.Marks.of(data, year)
    for number, result in enumerate(shown, start=1):
        record = info.loc[result.code]
        sentence = words.sentence(data, result, record, parent_name, short, marks, lang, common=bool(common))
        said.setdefault(str(record["domain"]), []).append(sentence)
        rows += _rows(data, result, record, number, units, lang, common=bool(common), marks=marks)
    section.parts = _field_parts(said, lang)
    drawn = {r.code for r in shown}
    silent = [r.code for r in results if r.code not in drawn]
    if silent:
        names = ", ".join(str(info.at[c, "name"]) for c in silent)
        section.parts[-1].paragraphs.append(t("report.cmp.silent", lang).format(units=units, names=names))
    section.chart = "compare"
    return section, rows, ""


# The source's order: the fields as the term report reads them, then the commendations it ends on.
_ORDER = (*(d for _, domains in report_results.FIELDS for d in domains), "commendations")


def _in_report_order(shown: list, info: pd.DataFrame, names_vi: pd.Series) -> list:
    """The indicators in the order the term report reads them: by field and domain, then, as its
    sentences do, those a unit holds a term's target of before the rest, each in catalogue order;
    the awards as its commendation section lists them, highest first."""

    def rank(result: compare.Comparison) -> tuple[int, tuple, int]:
        record = info.loc[result.code]
        domain = str(record["domain"])
        place = _ORDER.index(domain) if domain in _ORDER else len(_ORDER)
        if domain == "commendations":
            return place, award_order(result.code, str(names_vi.get(result.code, ""))), 0
        kids = result.children
        termed = (kids["target"].notna() & kids["target_kind"].isin(TERM_KINDS)).any()
        return place, (0 if termed else 1,), int(record["order"])

    return sorted(shown, key=rank)


def _field_parts(said: dict[str, list[str]], lang: Lang) -> list[Part]:
    """The sentences under the term report's field headings, the commendations last; one paragraph
    per indicator, since each carries its own units and figures."""
    parts = []
    for field, domains in (*report_results.FIELDS, ("awards", ("commendations",))):
        paragraphs = [s for d in domains for s in said.get(d, [])]
        if paragraphs:
            key = "cmpdoc.field.awards" if field == "awards" else f"report.field.{field}"
            parts.append(Part(t(key, lang), paragraphs))
    others = [s for d, sentences in said.items() if d not in _ORDER for s in sentences]
    if others:
        parts.append(Part(t("cmpdoc.field.other", lang), others))
    return number_parts(parts)


def _common_reporters(data: Dataset, shown: list, year: int, lang: Lang) -> list[str]:
    """The names of the units that reported, where the same few reported every indicator; else none.

    Said once before the indicators, so that each sentence need not repeat "1/8 đơn vị" sixty times.
    """
    sets = {frozenset(r.children.loc[r.children["value"].notna(), "area"]) for r in shown}
    if len(sets) != 1 or len(next(iter(sets))) >= len(shown[0].children):
        return []
    first = shown[0].children
    held = first[first["area"].isin(next(iter(sets)))]["area"]
    return [words.in_sentence(str(label), lang) for label in first.loc[held.index, "label"]]


def _appendix(content: Content) -> str:
    """The comparison's appendix by name: "Phụ lục II" after the area's own targets, else the only one."""
    if content.rows:
        return t("report.appendix", content.lang) + " II"
    return t("report.cmp.the_appendix", content.lang)


def _awards_seen(
    content: Content, shown_codes: set[str], info: pd.DataFrame, parent_name: str, units: str
) -> None:
    """Where the parent holds no award figure but its units do, the awards section says where they are."""
    awards = content.section("awards")
    if awards is None or awards.parts or not shown_codes & set(info.index[info["domain"] == "commendations"]):
        return
    awards.paragraphs[:] = [
        t("report.cmp.awards_in_units", content.lang).format(
            area=parent_name, units=units, appendix=_appendix(content)
        )
    ]


def _own_missing(data: Dataset, content: Content, shown: list, kids: pd.DataFrame, parent_name: str) -> None:
    """Where the parent holds no figure of its own, the results say so and where its units' figures are.

    "Chưa có số liệu các chỉ tiêu của tỉnh" would contradict the units' figures two sections later.
    """
    results, lang = content.section("results"), content.lang
    if results is None or not content.thin or not shown:
        return
    period = period_text(content.period, lang)
    said = {
        t("report.no_figures", lang).format(area=content.area_name, period=period),
        units_only.sentence(data, content.area, content.area_name, content.period, period, lang, False),
    }
    reported = set().union(*(set(r.children.loc[r.children["value"].notna(), "area"]) for r in shown))
    n, m = _num(len(reported), lang), _num(len(kids), lang)
    precise = t("report.cmp.own_missing", lang).format(
        area=parent_name,
        period=period,
        y=content.period.end,
        n=n,
        m=m,
        units=_units(kids, lang),
        appendix=_appendix(content),
    )
    results.paragraphs[:] = [precise if p in said else p for p in results.paragraphs]


def add(content: Content, data: Dataset, codes: Sequence[str]) -> Content:
    """The content with a comparison section after the results, and its appendix table."""
    lang, parent, year = content.lang, content.area, content.period.end
    info = _catalogue(data, lang)
    label = compare.area_name(data, parent, year, lang)
    parent_name = words.in_sentence(label, lang)
    kids = compare.children_of(data, parent, year)

    results = [_pending_marked(r, data) for r in _compared(data, parent, year, codes, info, lang)]
    section, rows, none = _section(data, results, kids, info, parent_name, year, lang, _appendix(content))
    shown = [r for r in results if r.code in {row.code for row in rows}]
    _awards_seen(content, {r.code for r in shown}, info, parent_name, _units(kids, lang))
    _own_missing(data, content, shown, kids, parent_name)

    figures = dict(content.figures)
    drawn = _charted(shown)
    alone = _one_unit_judged(shown, year) if drawn is None else None
    if drawn is not None:
        record = info.loc[drawn.code]
        figures["compare"] = lambda: [_figure(data, drawn, record, lang)]
    elif alone is not None:
        figures["compare"] = lambda: [_unit_figure(data, alone, lang)]
    return replace(
        content,
        sections=insert_after(content.sections, "results", section),
        figures=figures,
        # Nothing to compare is said in the section; an appendix of that one sentence would stand alone.
        compared=bool(rows),
        area_rows=rows,
        area_title=t("report.cmp.appendix_title", lang).format(area=parent_name.upper(), y=year),
        area_legend=_legend(rows, (label, parent_name), _units(kids, lang), lang),
        area_intro=_intro(shown, kids, year, lang),
        area_by_indicator=bool(rows) and not any(r.group for r in rows),
        area_none=none,
    )


def _units(kids: pd.DataFrame, lang: Lang) -> str:
    """The child units in words: their kind when they share one ("xã"), else their level, true of all."""
    kinds = {words.kind_of(str(name)) for name in kids["name"]} if "name" in kids else set()
    if len(kinds) == 1 and "" not in kinds:
        return t(f"report.cmp.kind.{kinds.pop()}", lang)
    level = kids["level"].mode().iloc[0] if not kids.empty else AreaLevel.COMMUNE.value
    return t(f"report.cmp.level.{level}", lang)


def _kinds(kids: pd.DataFrame, lang: Lang) -> str:
    """How many of each kind the units are: "7 huyện, 1 thành phố"."""
    counts: dict[str, int] = {}
    for name in kids["name"]:
        kind = words.kind_of(str(name))
        counts[kind] = counts.get(kind, 0) + 1
    said = []
    for kind, n in sorted(counts.items(), key=lambda item: -item[1]):
        noun = t(f"report.cmp.kind.{kind}", lang) if kind else t("report.cmp.kind.other", lang)
        said.append(f"{_num(n, lang)} {fmt.unit_after(_num(n, lang), noun)}")
    return ", ".join(said)


def _parent_note(result: compare.Comparison, parent_name: str, units: str, lang: Lang) -> str:
    """The parent's line in the office's words: all its units added up, a partial sum, or why no total."""
    row = result.parent_row
    if row is None:
        return ""
    mark = str(row["mark"])
    reported, expected = int(result.children["value"].notna().sum()), len(result.children)
    if mark in (Mark.NOT_ADDITIVE.value, Mark.NO_DATA.value) or fmt.is_missing(row["value"]):
        if reported < expected:
            # Units without a figure come before any numerator: with them missing, nothing adds up.
            n, m = _num(reported, lang), _num(expected, lang)
            return t("cmpdoc.why_missing_cell", lang).format(n=n, m=m)
        return words.why_no_total(row.to_dict(), parent_name, lang, cell=True)
    numbers = {"n": _num(row["reported"], lang), "m": _num(row["expected"], lang), "units": units}
    if mark == Mark.COMPLETE.value:
        return t("report.cmp.aggregated", lang).format(**numbers)
    return t("report.cmp.partial_total", lang).format(area=parent_name, **numbers)


def _heading(info: pd.Series, unit: str, year: int, lang: Lang) -> str:
    """ "Số lao động … (lao động; tổng giai đoạn 2016–2020)": name, unit, and a term's sum said as one."""
    summed = phrase.period_words(
        phrase.Figure(None, period=phrase.period_of(year, str(info["value_kind"]))), lang
    )
    return phrase.titled(str(info["name"]), unit, summed)


# The appendix table ------------------------------------------------------------------


def _rows(
    data: Dataset,
    result: compare.Comparison,
    info: pd.Series,
    number: int,
    units: str,
    lang: Lang,
    common: bool = False,
    marks: words.Marks | None = None,
) -> list[AreaRow]:
    """The indicator's heading, each child with a figure or a target, the rest in one line, the parent.

    `common`: the same units reported every indicator, and the note before the table names the rest
    once; each indicator then lists only the units with figures. `marks`: what the source says with
    the year's figures, read once for all the indicators of a report.
    """
    unit, year = str(info["unit"]), result.year
    marks = marks if marks is not None else words.Marks.of(data, year)
    said, yearless = marks.qualifiers(result.code), marks.yearless(result.code)
    # The heading says the years a term's sum covers; a year's figure needs no more.
    rows = [
        AreaRow(str(number), _heading(info, unit, year, lang), "", "", "", "", group=True, code=result.code)
    ]
    listed = [dict(r) for r in result.child_records if pd.notna(r["value"]) or pd.notna(r["target"])]
    for index, record in enumerate(listed, start=1):
        name = str(record["label"])
        status = _status_word(str(record["status"]), lang)
        record["qualifier"] = said.get(str(record["area"]), "")
        record["period_unstated"] = str(record["area"]) in yearless
        rows.append(_row(f"{number}.{index}", name, record, status, result.code, unit, lang))
    rest = [r for r in result.child_records if pd.isna(r["value"]) and pd.isna(r["target"])]
    if rest and not common:
        names = [words.in_sentence(str(r["label"]), lang) for r in rest]
        listing = ": " + ", ".join(names) if len(names) <= _NAMES_LISTED else ""
        count = _num(len(names), lang)
        text = t("report.cmp.rest", lang).format(n=count, units=fmt.unit_after(count, units))
        text += listing
        rows.append(AreaRow("", text, "", fmt.MISSING, "", t("status.no_data", lang), code=result.code))
    parent = _parent_row(data, result, units, unit, said, lang, common, bool(yearless))
    if common and len(rows) == 2 and parent is None and _single(result):
        # One unit reported everything and the note before the table names it: its line is the
        # indicator's, one row where a heading over a single name would take two.
        return [replace(rows[1], stt=str(number), area=rows[0].area)]
    return [*rows, parent] if parent is not None else rows


def _single(result: compare.Comparison) -> bool:
    """Whether one unit alone holds a figure or a target of the indicator."""
    return sum(pd.notna(r["value"]) or pd.notna(r["target"]) for r in result.child_records) == 1


def _status_word(status: str, lang: Lang) -> str:
    """A unit's status as the table says it: a target the store lacks is missing data, not a fact."""
    return t("cmpdoc.no_target" if status == NO_TARGET else f"status.{status}", lang)


def _parent_row(
    data: Dataset,
    result: compare.Comparison,
    units: str,
    unit: str,
    said: dict[str, str],
    lang: Lang,
    common: bool = False,
    yearless: bool = False,
) -> AreaRow | None:
    """The parent's line: its total where every unit reported, the sum of the units that did, or why not.

    One unit's figure is no sum to add: where only one reported, its own line says all there is. Where
    the note before the table says which units have not reported, a line of dashes says nothing more.
    """
    parent = result.parent_row
    reported = int(result.children["value"].notna().sum())
    if parent is None or (str(parent["mark"]) == Mark.PARTIAL.value and reported < 2):
        return None
    empty = fmt.is_missing(parent["value"]) and fmt.is_missing(parent["target"])
    if common and empty and reported < len(result.children):
        return None
    record = parent.to_dict()
    name = str(parent["label"])
    note = _parent_note(result, words.in_sentence(name, lang), units, lang)
    status = str(record["status"])
    word = t(f"status.{status}", lang) + "; " if status in words.JUDGED else ""
    # A total holding a figure the source gives without its year has no year either.
    record["qualifier"], record["period_unstated"] = words.total_qualifier(data, result, said), yearless
    if str(record["mark"]) == Mark.PARTIAL.value:
        # A sum over some units is theirs, not the parent's: named so, with no target to judge it by.
        name = t("report.cmp.partial_row", lang).format(
            n=_num(reported, lang), m=_num(len(result.children), lang), units=units
        )
        record["target"] = float("nan")
    return replace(_row("", name, record, word + note, result.code, unit, lang), parent=True)


def _row(stt: str, name: str, record: Record, status: str, code: str, unit: str, lang: Lang) -> AreaRow:
    """A child's or the parent's figures as printed, and the values printed, for checking.

    A cut-a-year target is set beside the unit's own fall a year, in points for a rate: like with like.
    """
    reduce = str(record["comparator"]) == Comparator.REDUCE_BY.value
    figure = words.target_figure(record, unit if reduce else "")
    target_text = phrase.target_cell(figure, lang, star=True)
    if target_text != fmt.MISSING:
        target_text = f"{t('kind_short.' + str(record['target_kind']), lang)}: {target_text}"
    said_estimate = str(record["actual_kind"]) == ObsKind.ESTIMATE.value
    pending = bool(record.get("pending", False))
    actual = phrase.Figure(
        record["value"], "", str(record.get("qualifier", "")), said_estimate, pending=pending
    )
    actual_text = phrase.number(actual, lang)
    # The one rule: "khoảng 300.000" already hedges, so it takes no "(ước)" beside it; a figure the
    # source gives without its year is marked as the term appendix marks it, in the same brackets.
    estimate = actual_text != fmt.MISSING and phrase.estimate_marked(actual)
    unstated = actual_text != fmt.MISSING and bool(record.get("period_unstated", False))
    marks = [
        t("report.mark.estimate", lang) if estimate else "",
        t("report.mark.unstated", lang) if unstated else "",
    ]
    if any(marks):
        actual_text += f" ({'; '.join(m for m in marks if m)})"
    actual_text = phrase.with_pending_mark(actual_text, actual, lang)
    if reduce and actual_text != fmt.MISSING and not fmt.is_missing(record["change"]):
        change = phrase.join(fmt.number(abs(float(record["change"])), lang), phrase.change_words(unit, lang))
        actual_text += "; " + t("report.cmp.fell_cell", lang).format(change=change)
    pct = words.pct_shown(record)
    pct_text = "" if fmt.is_missing(pct) else _num(pct, lang)
    reported = bool(pct_text) and str(record["status_basis"]) == "reported"
    if reported:
        pct_text += f" ({t('report.mark.reported', lang)})"
    return AreaRow(
        stt=stt,
        area=name,
        target=target_text,
        actual=actual_text,
        pct=pct_text,
        status=status,
        code=code,
        area_code=str(record["area"]),
        target_value=phrase.shown_value(figure),
        actual_value=float(record["value"]) if not fmt.is_missing(record["value"]) else float("nan"),
        pct_value=pct,
        estimate=estimate,
        implied=figure.implied and target_text != fmt.MISSING,
        qualifier=actual.qualifier,
        reported=reported,
        target_kind=str(record["target_kind"]) if target_text != fmt.MISSING else "",
        pending=actual.pending and actual_text != fmt.MISSING,
        period_unstated=unstated,
    )


def _legend(rows: list[AreaRow], names: tuple[str, str], units: str, lang: Lang) -> list[str]:
    """The notes the rows need, decided from their flags; the parent's line is named, not told by bold.

    `names`: the parent's name as its line prints it and inside a sentence ("Tỉnh Lai Châu", "tỉnh …").
    """
    if not rows:
        return []
    label, parent_name = names
    whole = any(r.parent and r.area == label for r in rows)
    key = "cmpdoc.legend_whole" if whole else "cmpdoc.legend_no_parent"
    notes = [t(key, lang).format(name=label, area=parent_name, units=units)]
    if any(r.parent and r.area != label for r in rows):
        notes.append(t("cmpdoc.legend_partial", lang).format(area=parent_name))
    return [*notes, *report_legend.notes(rows, lang)]


def _intro(shown: list, kids: pd.DataFrame, year: int, lang: Lang) -> str:
    """Before the table, where the same units reported every indicator: who did, and who did not, once.

    Said once here, each indicator's rows need not repeat "7 đơn vị … chưa có số liệu" under it.
    """
    if not shown:
        return ""
    sets = {frozenset(r.children.loc[r.children["value"].notna(), "area"]) for r in shown}
    first = shown[0].children
    if len(sets) != 1 or len(next(iter(sets))) >= len(first):
        return ""
    held = first["area"].isin(next(iter(sets)))
    names = [words.in_sentence(str(x), lang) for x in first.loc[held, "label"]]
    rest = [words.in_sentence(str(x), lang) for x in first.loc[~held, "label"]]
    short = words.short_units(kids, lang)
    k = _num(len(rest), lang)
    return t("cmpdoc.shown_only", lang).format(
        y=year,
        n=_num(len(names), lang),
        m=_num(len(first), lang),
        units=_units(kids, lang),
        names=", ".join(names),
        shown=t("cmpdoc.shown_one" if len(names) == 1 else "cmpdoc.shown_many", lang),
        k=k,
        units_rest=fmt.unit_after(k, short),
        rest=", ".join(rest),
    )


def _charted(shown: list) -> compare.Comparison | None:
    """The indicator the chart draws: most units judged, then most reported; none where no two reported.

    One bar compares nothing. A partial sum is no figure of the parent: the chart draws no line for it.
    """
    # Units judged against their own targets first, then how many reported; the first such wins a tie.
    keys = [
        (int(r.children["status"].isin(words.JUDGED).sum()), int(r.children["value"].notna().sum()))
        for r in shown
    ]
    if not keys or max(n for _, n in keys) < 2:
        return None
    best = shown[keys.index(max(k for k in keys if k[1] >= 2))]
    partial = best.rows["is_parent"] & (best.rows["mark"] == Mark.PARTIAL.value)
    rows = best.rows.copy()
    rows.loc[partial, "value"] = float("nan")
    return replace(best, rows=rows)


def _figure(data: Dataset, result: compare.Comparison, info: pd.Series, lang: Lang) -> tuple[str, object]:
    """The comparison page's chart in print style, captioned with its period: a term's sum says so."""
    from indicators.charts import (
        compare as compare_charts,  # plotly is loaded only for a report that has something to draw
    )

    name, unit = str(info["name"]), str(info["unit"])
    title = words.lead(name, str(info["value_kind"]), result.year, lang)
    figure = compare_charts.compare_figure(data, result, name, unit, lang, for_print=True)
    figure.update_layout(title_text=" ")
    return title, figure


def _one_unit_judged(shown: list, year: int) -> pd.DataFrame | None:
    """Where one unit alone reported, its results judged against its own targets, for a chart of them.

    No indicator has two bars to compare, but the unit's targets met or exceeded are worth a picture;
    fewer than the report's minimum of bars add nothing to the sentences that give each %.
    """
    judged_areas = [r["area"] for c in shown for r in c.child_records if r["status"] in words.JUDGED]
    if len(set(judged_areas)) != 1 or len(judged_areas) < CHART_MIN:
        return None  # the records say so: no frame of the judged rows is cut for nothing
    kids = [r.children[r.children["status"].isin(words.JUDGED)] for r in shown]
    judged = pd.concat(kids, ignore_index=True) if kids else pd.DataFrame()
    if judged.empty or judged["area"].nunique() != 1 or len(judged) < CHART_MIN:
        return None
    return judged.rename(columns={"value": "actual"}).assign(year=year)


def _unit_figure(data: Dataset, judged: pd.DataFrame, lang: Lang) -> tuple[str, object]:
    """The attainment chart of the term report, drawn for the one unit that reported, named in its title."""
    _, figure = attainment_figure(data, judged, lang)
    name = words.in_sentence(str(judged["label"].iloc[0]), lang)
    return t("cmpdoc.chart_unit", lang).format(unit=name), figure
