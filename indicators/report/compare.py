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
from indicators.core.model import AreaLevel, Dataset, ObsKind, Status
from indicators.report import legend as report_legend
from indicators.report.content import (
    AreaRow,
    Content,
    Period,
    Record,
    Section,
    _num,
    _pct,
    build,
    shown_pct,
)
from indicators.report.facts import catalogue as _catalogue
from indicators.report.narrative import EMPTY, Narrative
from indicators.report.outline import insert_after
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t

_JUDGED = (Status.EXCEEDED.value, Status.MET.value, Status.NOT_MET.value)
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


def _compared(data: Dataset, parent: str, year: int, codes: Sequence[str], info: pd.DataFrame) -> list:
    """Each wanted indicator compared across the units; a comparison reads one year only."""
    obs, targets = data.observations, data.targets
    year_data = replace(
        data,
        observations=obs[obs["year"] == year].reset_index(drop=True),
        targets=targets[targets["year"] == year].reset_index(drop=True),
    )
    return [
        compare.compare(year_data, code, year, parent) for code in dict.fromkeys(codes) if code in info.index
    ]


def _section(
    data: Dataset,
    results: list,
    kids: pd.DataFrame,
    info: pd.DataFrame,
    parent_name: str,
    year: int,
    lang: Lang,
) -> tuple[Section, list[AreaRow], str]:
    """The comparison's sentences and appendix rows, or one sentence saying there is nothing to compare."""
    units = _units(kids, lang)
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
        )
    )
    rows: list[AreaRow] = []
    for number, result in enumerate(shown, start=1):
        record = info.loc[result.code]
        section.paragraphs.append(_sentence(data, result, record, parent_name, units, lang))
        rows += _rows(data, result, record, number, units, lang)
    drawn = {r.code for r in shown}
    silent = [r.code for r in results if r.code not in drawn]
    if silent:
        names = ", ".join(str(info.at[c, "name"]) for c in silent)
        section.paragraphs.append(t("report.cmp.silent", lang).format(units=units, names=names))
    section.chart = "compare"
    return section, rows, ""


def _awards_seen(
    content: Content, shown_codes: set[str], info: pd.DataFrame, parent_name: str, units: str
) -> None:
    """Where the parent holds no award figure but its units do, the awards section says where they are."""
    awards = content.section("awards")
    if awards is None or awards.parts or not shown_codes & set(info.index[info["domain"] == "commendations"]):
        return
    awards.paragraphs[:] = [
        t("report.cmp.awards_in_units", content.lang).format(area=parent_name, units=units)
    ]


def add(content: Content, data: Dataset, codes: Sequence[str]) -> Content:
    """The content with a comparison section after the results, and its appendix table."""
    # Load inputs.
    lang, parent, year = content.lang, content.area, content.period.end
    info = _catalogue(data, lang)
    parent_name = _in_sentence(compare.area_name(data, parent, year, lang), lang)
    kids = compare.children_of(data, parent, year)

    # Process data.
    results = _compared(data, parent, year, codes, info)
    section, rows, none = _section(data, results, kids, info, parent_name, year, lang)
    shown = [r for r in results if r.code in {row.code for row in rows}]
    _awards_seen(content, {r.code for r in shown}, info, parent_name, _units(kids, lang))

    # Save outputs.
    figures = dict(content.figures)
    if shown:
        first = shown[0]
        record = info.loc[first.code]
        figures["compare"] = lambda: [_figure(data, first, str(record["name"]), str(record["unit"]), lang)]
    return replace(
        content,
        sections=insert_after(content.sections, "results", section),
        figures=figures,
        compared=True,
        area_rows=rows,
        area_title=t("report.cmp.appendix_title", lang).format(area=parent_name.upper(), y=year),
        area_legend=_legend(rows, parent_name, _units(kids, lang), lang),
        area_none=none,
    )


def _in_sentence(name: str, lang: Lang) -> str:
    """ "Xã Bản Bo" inside a Vietnamese sentence is "xã Bản Bo"; English names stay as they are."""
    if lang == "vi" and name[:1].isupper() and " " in name and name.split(" ", 1)[0] in _PREFIXES:
        return name[:1].lower() + name[1:]
    return name


_PREFIXES = {"Tỉnh", "Huyện", "Xã", "Phường", "Thị", "Thành", "Quận"}
# The kind of a unit, read from its official name: a city (thành phố) is not a district (huyện).
_KINDS = (
    ("Thành phố ", "thanh_pho"),
    ("Thị xã ", "thi_xa"),
    ("Thị trấn ", "thi_tran"),
    ("Huyện ", "huyen"),
    ("Quận ", "quan"),
    ("Phường ", "phuong"),
    ("Xã ", "xa"),
    ("Tỉnh ", "tinh"),
)


def _kind_of(name: str) -> str:
    return next((kind for prefix, kind in _KINDS if name.startswith(prefix)), "")


def _units(kids: pd.DataFrame, lang: Lang) -> str:
    """The child units in words: their kind when they share one ("xã"), else their level, true of all."""
    kinds = {_kind_of(str(name)) for name in kids["name"]} if "name" in kids else set()
    if len(kinds) == 1 and "" not in kinds:
        return t(f"report.cmp.kind.{kinds.pop()}", lang)
    level = kids["level"].mode().iloc[0] if not kids.empty else AreaLevel.COMMUNE.value
    return t(f"report.cmp.level.{level}", lang)


def _kinds(kids: pd.DataFrame, lang: Lang) -> str:
    """How many of each kind the units are: "7 huyện, 1 thành phố"."""
    counts: dict[str, int] = {}
    for name in kids["name"]:
        kind = _kind_of(str(name))
        counts[kind] = counts.get(kind, 0) + 1
    words = []
    for kind, n in sorted(counts.items(), key=lambda item: -item[1]):
        noun = t(f"report.cmp.kind.{kind}", lang) if kind else t("report.cmp.kind.other", lang)
        words.append(f"{_num(n, lang)} {fmt.unit_after(_num(n, lang), noun)}")
    return ", ".join(words)


def _parent_note(result: compare.Comparison, parent_name: str, units: str, lang: Lang) -> str:
    """The parent's total in the office's words: how many units it adds up, or that there is none yet."""
    row = result.parent_row
    if row is None:
        return ""
    mark = str(row["mark"])
    if mark in (Mark.NOT_ADDITIVE.value, Mark.NO_DATA.value):
        return t("report.cmp.no_total", lang).format(area=parent_name)
    key = "report.cmp.aggregated" if mark == Mark.COMPLETE.value else "report.cmp.partial_total"
    return t(key, lang).format(n=_num(row["reported"], lang), m=_num(row["expected"], lang), units=units)


def _value(value: object, unit: str, lang: Lang, qualifier: str = "") -> str:
    return phrase.number(phrase.Figure(value, unit, qualifier), lang, document=True)


def _qualifiers(data: Dataset, code: str, year: int) -> dict[str, str]:
    """The source's qualifier ("trên", "khoảng") of each area's own figure: it travels with the figure."""
    obs = data.observations
    mine = obs[(obs["code"] == code) & (obs["year"] == year) & (obs["qualifier"] != "")]
    return dict(zip(mine["area"], mine["qualifier"], strict=True))


def _target_figure(row: Record, unit: str = "") -> phrase.Figure:
    """The target with its basis: an implied one is never more precise than the printed % it comes from."""
    return phrase.Figure(
        row["target"],
        unit,
        comparator=str(row["comparator"]),
        basis=str(row["target_basis"]) or "stated",
        printed_pct=row["reported_pct"],
    )


def _target(row: Record) -> float:
    """The target as shown (phrase.shown_value: the one rule for an implied target's precision)."""
    return phrase.shown_value(_target_figure(row))


def _heading(info: pd.Series, unit: str, year: int, lang: Lang) -> str:
    """ "Số lao động … (lao động; tổng giai đoạn 2016–2020)": name, unit, and a term's sum said as one."""
    summed = phrase.period_words(
        phrase.Figure(None, period=phrase.period_of(year, str(info["value_kind"]))), lang
    )
    details = "; ".join(x for x in (unit, summed) if x)
    return f"{info['name']} ({details})" if details else str(info["name"])


def _period(info: pd.Series, year: int, lang: Lang) -> str:
    """ "năm 2020", or "tổng giai đoạn 2016–2020" for a figure summed over a term."""
    figure = phrase.Figure(None, period=phrase.period_of(year, str(info["value_kind"])))
    return phrase.period_words(figure, lang) or t("report.cmp.year", lang).format(y=year)


def _pct_shown(row: Record) -> float:
    if fmt.is_missing(row["attainment_pct"]) and str(row["status_basis"]) != "reported":
        return float("nan")
    return shown_pct(row)


# Sentences ---------------------------------------------------------------------------


def _sentence(
    data: Dataset, result: compare.Comparison, info: pd.Series, parent_name: str, units: str, lang: Lang
) -> str:
    """One indicator: the parent's total as marked, the first and last child, the children's tally."""
    unit, name, year = str(info["unit"]), str(info["name"]), result.year
    parent = result.parent_row
    note = _parent_note(result, parent_name, units, lang)
    said = _qualifiers(data, result.code, year)
    pieces = []
    if parent is not None:
        pieces.append(
            _parent_clause(parent.to_dict(), note, parent_name, unit, lang, said.get(result.parent, ""))
        )
    kids = result.children[result.children["value"].notna()]
    first, last = kids.iloc[0], kids.iloc[-1]
    first_name = _in_sentence(compare.area_name(data, str(first["area"]), year, lang), lang)
    v1 = _value(first["value"], unit, lang, said.get(str(first["area"]), ""))
    if len(kids) == 1:
        pieces.append(t("report.cmp.only", lang).format(first=first_name, v1=v1))
    else:
        last_name = _in_sentence(compare.area_name(data, str(last["area"]), year, lang), lang)
        v2 = _value(last["value"], unit, lang, said.get(str(last["area"]), ""))
        pieces.append(t("report.cmp.first_last", lang).format(first=first_name, v1=v1, last=last_name, v2=v2))
    counts = result.children["status"].value_counts()
    if any(counts.get(s, 0) for s in _JUDGED):
        words = {s: _num(int(counts.get(s, 0)), lang) for s in _JUDGED}
        pieces.append(t("report.cmp.tally", lang).format(**words))
    return f"{name} ({_period(info, year, lang)}): {'; '.join(pieces)}."


def _parent_clause(
    row: Record, note: str, parent_name: str, unit: str, lang: Lang, qualifier: str = ""
) -> str:
    """The parent's total: "tỉnh Lai Châu 3.190,75 ha (chưa đủ: tổng hợp từ 4/38 xã), chưa đánh giá …"."""
    mark = str(row["mark"])
    if fmt.is_missing(row["value"]) or mark in (Mark.NOT_ADDITIVE.value, Mark.NO_DATA.value):
        return f"{parent_name}: {note}"
    value = _value(row["value"], unit, lang, qualifier)
    if str(row["actual_kind"]) == ObsKind.ESTIMATE.value:
        value = f"{t('report.cmp.estimate', lang)} {value}"
    text = f"{parent_name} {value} ({note})"
    status = str(row["status"])
    if status == compare.PARTIAL and not fmt.is_missing(row["target"]):
        return text + ", " + t("report.cmp.partial", lang).format(target=_value(_target(row), unit, lang))
    if status in _JUDGED:
        kind = t(f"pct_kind.{row['target_kind']}", lang)
        pct = _pct_shown(row)
        return f"{text}, {t('report.pct_of', lang).format(pct=_pct(pct, lang), kind=kind)}, " + t(
            f"verdict.{status}", lang
        )
    return text


# The appendix table ------------------------------------------------------------------


def _rows(
    data: Dataset, result: compare.Comparison, info: pd.Series, number: int, units: str, lang: Lang
) -> list[AreaRow]:
    """The indicator's heading, each child with a figure or a target, the rest in one line, the parent."""
    unit, year = str(info["unit"]), result.year
    said = _qualifiers(data, result.code, year)
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
        name = compare.area_name(data, str(record["area"]), year, lang)
        status = t(f"status.{record['status']}", lang)
        record["qualifier"] = said.get(str(record["area"]), "")
        rows.append(_row(f"{number}.{index}", name, record, status, result.code, lang))
    rest = kids[kids["value"].isna() & kids["target"].isna()]
    if not rest.empty:
        names = [compare.area_name(data, str(a), year, lang) for a in rest["area"]]
        listing = ": " + ", ".join(names) if len(names) <= _NAMES_LISTED else ""
        count = _num(len(names), lang)
        text = t("report.cmp.rest", lang).format(n=count, units=fmt.unit_after(count, units))
        text += listing
        rows.append(AreaRow("", text, "", fmt.MISSING, "", t("status.no_data", lang), code=result.code))
    parent = result.parent_row
    if parent is not None:
        record = parent.to_dict()
        name = compare.area_name(data, result.parent, year, lang)
        note = _parent_note(result, _in_sentence(name, lang), units, lang)
        status = str(record["status"])
        word = t(f"status.{status}", lang) + "; " if status in _JUDGED else ""
        if status == compare.PARTIAL:
            note += "; " + t("status.khong_danh_gia", lang)
        record["qualifier"] = said.get(result.parent, "")
        rows.append(replace(_row("", name, record, word + note, result.code, lang), parent=True))
    return rows


def _row(stt: str, name: str, record: Record, status: str, code: str, lang: Lang) -> AreaRow:
    """A child's or the parent's figures as printed, and the values printed, for checking."""
    figure = _target_figure(record)
    target_text = phrase.target_cell(figure, lang, star=True)
    if target_text != fmt.MISSING:
        target_text = f"{t('kind_short.' + str(record['target_kind']), lang)}: {target_text}"
    actual = phrase.Figure(record["value"], "", str(record.get("qualifier", "")))
    actual_text = phrase.number(actual, lang)
    estimate = actual_text != fmt.MISSING and str(record["actual_kind"]) == ObsKind.ESTIMATE.value
    if estimate:
        actual_text += f" ({t('report.mark.estimate', lang)})"
    pct = _pct_shown(record)
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


def _figure(
    data: Dataset, result: compare.Comparison, name: str, unit: str, lang: Lang
) -> tuple[str, object]:
    """The comparison page's chart of the first indicator in print style, with its title for the caption."""
    from indicators.charts import (
        compare as compare_charts,  # plotly is loaded only for a report that has something to draw
    )

    title = t("compare.chart_title", lang).format(indicator=name, year=result.year)
    figure = compare_charts.compare_figure(data, result, name, unit, lang, for_print=True)
    figure.update_layout(title_text=" ")
    return title, figure
