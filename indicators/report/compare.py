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
from indicators.report.content import (
    AreaRow,
    Content,
    Period,
    Record,
    Section,
    _num,
    build,
)
from indicators.report.facts import catalogue as _catalogue
from indicators.report.facts import period_text
from indicators.report.narrative import EMPTY, Narrative
from indicators.report.outline import insert_after
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t

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
    obs, targets = data.observations, data.targets
    year_data = replace(
        data,
        observations=obs[obs["year"] == year].reset_index(drop=True),
        targets=targets[targets["year"] == year].reset_index(drop=True),
    )
    results = [
        compare.compare(year_data, code, year, parent) for code in dict.fromkeys(codes) if code in info.index
    ]
    wanted = {parent}.union(*(set(r.rows["area"]) for r in results))
    names = compare.area_names(data, sorted(wanted), year, lang)
    return [replace(r, rows=r.rows.assign(label=r.rows["area"].map(names).fillna(""))) for r in results]


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
    shown = [r for r in results if not r.problem and r.children["value"].notna().any()]
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
            t("report.cmp.common", lang).format(y=year, n=n, m=m, units=short, names=names)
        )
    rows: list[AreaRow] = []
    for number, result in enumerate(shown, start=1):
        record = info.loc[result.code]
        sentence = words.sentence(data, result, record, parent_name, short, lang, common=bool(common))
        section.paragraphs.append(sentence)
        rows += _rows(data, result, record, number, units, lang)
    drawn = {r.code for r in shown}
    silent = [r.code for r in results if r.code not in drawn]
    if silent:
        names = ", ".join(str(info.at[c, "name"]) for c in silent)
        section.paragraphs.append(t("report.cmp.silent", lang).format(units=units, names=names))
    section.chart = "compare"
    return section, rows, ""


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


def _own_missing(content: Content, shown: list, kids: pd.DataFrame, parent_name: str) -> None:
    """Where the parent holds no figure of its own, the results say so and where its units' figures are.

    "Chưa có số liệu các chỉ tiêu của tỉnh" would contradict the units' figures two sections later.
    """
    results, lang = content.section("results"), content.lang
    if results is None or not content.thin or not shown:
        return
    period = period_text(content.period, lang)
    said = t("report.no_figures", lang).format(area=content.area_name, period=period)
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
    results.paragraphs[:] = [precise if p == said else p for p in results.paragraphs]


def add(content: Content, data: Dataset, codes: Sequence[str]) -> Content:
    """The content with a comparison section after the results, and its appendix table."""
    lang, parent, year = content.lang, content.area, content.period.end
    info = _catalogue(data, lang)
    parent_name = words.in_sentence(compare.area_name(data, parent, year, lang), lang)
    kids = compare.children_of(data, parent, year)

    results = _compared(data, parent, year, codes, info, lang)
    section, rows, none = _section(data, results, kids, info, parent_name, year, lang, _appendix(content))
    shown = [r for r in results if r.code in {row.code for row in rows}]
    _awards_seen(content, {r.code for r in shown}, info, parent_name, _units(kids, lang))
    _own_missing(content, shown, kids, parent_name)

    figures = dict(content.figures)
    drawn = _charted(shown)
    if drawn is not None:
        record = info.loc[drawn.code]
        figures["compare"] = lambda: [_figure(data, drawn, record, lang)]
    return replace(
        content,
        sections=insert_after(content.sections, "results", section),
        figures=figures,
        # Nothing to compare is said in the section; an appendix of that one sentence would stand alone.
        compared=bool(rows),
        area_rows=rows,
        area_title=t("report.cmp.appendix_title", lang).format(area=parent_name.upper(), y=year),
        area_legend=_legend(rows, parent_name, _units(kids, lang), lang),
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
    if mark in (Mark.NOT_ADDITIVE.value, Mark.NO_DATA.value) or fmt.is_missing(row["value"]):
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
    details = "; ".join(x for x in (unit, summed) if x)
    return f"{info['name']} ({details})" if details else str(info["name"])


# The appendix table ------------------------------------------------------------------


def _rows(
    data: Dataset, result: compare.Comparison, info: pd.Series, number: int, units: str, lang: Lang
) -> list[AreaRow]:
    """The indicator's heading, each child with a figure or a target, the rest in one line, the parent."""
    unit, year = str(info["unit"]), result.year
    said = words.qualifiers(data, result.code, year)
    rows = [
        AreaRow(
            str(number),
            # The heading says the years a term's sum covers; a year's figure needs no more.
            _heading(info, unit, year, lang),
            "",
            "",
            "",
            "",
            group=True,
            code=result.code,
        )
    ]
    kids = result.children
    listed = kids[kids["value"].notna() | kids["target"].notna()]
    for index, record in enumerate(listed.to_dict("records"), start=1):
        name = str(record["label"])
        status = t(f"status.{record['status']}", lang)
        record["qualifier"] = said.get(str(record["area"]), "")
        rows.append(_row(f"{number}.{index}", name, record, status, result.code, unit, lang))
    rest = kids[kids["value"].isna() & kids["target"].isna()]
    if not rest.empty:
        names = [str(label) for label in rest["label"]]
        listing = ": " + ", ".join(names) if len(names) <= _NAMES_LISTED else ""
        count = _num(len(names), lang)
        text = t("report.cmp.rest", lang).format(n=count, units=fmt.unit_after(count, units))
        text += listing
        rows.append(AreaRow("", text, "", fmt.MISSING, "", t("status.no_data", lang), code=result.code))
    parent = _parent_row(data, result, units, unit, said, lang)
    return [*rows, parent] if parent is not None else rows


def _parent_row(
    data: Dataset, result: compare.Comparison, units: str, unit: str, said: dict[str, str], lang: Lang
) -> AreaRow | None:
    """The parent's line: its total where every unit reported, the sum of the units that did, or why not.

    One unit's figure is no sum to add: where only one reported, its own line says all there is.
    """
    parent = result.parent_row
    reported = int(result.children["value"].notna().sum())
    if parent is None or (str(parent["mark"]) == Mark.PARTIAL.value and reported < 2):
        return None
    record = parent.to_dict()
    name = str(parent["label"])
    note = _parent_note(result, words.in_sentence(name, lang), units, lang)
    status = str(record["status"])
    word = t(f"status.{status}", lang) + "; " if status in words.JUDGED else ""
    record["qualifier"] = words.total_qualifier(data, result, said)
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
    actual = phrase.Figure(record["value"], "", str(record.get("qualifier", "")), said_estimate)
    actual_text = phrase.number(actual, lang)
    # The one rule: "khoảng 300.000" already hedges, so it takes no "(ước)" beside it.
    estimate = actual_text != fmt.MISSING and phrase.estimate_marked(actual)
    if estimate:
        actual_text += f" ({t('report.mark.estimate', lang)})"
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
    )


def _legend(rows: list[AreaRow], parent_name: str, units: str, lang: Lang) -> list[str]:
    """The notes the rows need, decided from their flags."""
    if not rows:
        return []
    parent = t("report.cmp.legend_parent", lang).format(area=parent_name, units=units)
    return [parent, *report_legend.notes(rows, lang)]


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
