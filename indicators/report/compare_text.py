"""The comparison's sentences: each indicator's units and, where they all reported, the parent's total.

A total over some of the units is never the parent's figure: it is said as the sum of the units that
reported ("số liệu mới có ở 4/38 xã, cộng lại …"), and a single unit's figure as that unit's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from indicators.areas import compare
from indicators.areas.aggregate import Mark, rule_for
from indicators.core.model import AggregationRule, Comparator, Dataset, ObsKind, Status
from indicators.report.content import Record, _num, _pct, shown_pct
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t

JUDGED = (Status.EXCEEDED.value, Status.MET.value, Status.NOT_MET.value)


def in_sentence(name: str, lang: Lang) -> str:
    """ "Xã Bản Bo" inside a Vietnamese sentence is "xã Bản Bo"; English names stay as they are."""
    if lang == "vi" and name[:1].isupper() and " " in name and name.split(" ", 1)[0] in _PREFIXES:
        return name[:1].lower() + name[1:]
    return name


_PREFIXES = {"Tỉnh", "Huyện", "Xã", "Phường", "Thị", "Thành", "Quận"}
# The kind of a unit, read from its official name: a city (thành phố) is not a district (huyện).
KINDS = (
    ("Thành phố ", "thanh_pho"),
    ("Thị xã ", "thi_xa"),
    ("Thị trấn ", "thi_tran"),
    ("Huyện ", "huyen"),
    ("Quận ", "quan"),
    ("Phường ", "phuong"),
    ("Xã ", "xa"),
    ("Tỉnh ", "tinh"),
)


def kind_of(name: str) -> str:
    """ "huyen" of "Huyện Tam Đường", "" of a name without an official prefix."""
    return next((kind for prefix, kind in KINDS if name.startswith(prefix)), "")


def short_units(kids: pd.DataFrame, lang: Lang) -> str:
    """The units in a short word for a sentence: their kind when they share one ("xã"), else "đơn vị"."""
    kinds = {kind_of(str(name)) for name in kids["name"]} if "name" in kids else set()
    if len(kinds) == 1 and "" not in kinds:
        return t(f"report.cmp.kind.{kinds.pop()}", lang)
    return t("report.cmp.kind.unit", lang)


@dataclass(frozen=True)
class Marks:
    """What the source says with the units' figures of one year, by indicator, read in one pass.

    A comparison of sixty indicators read the whole of the observations five times for each.
    """

    said: dict[str, dict[str, str]]  # indicator → area → its qualifier ("trên", "khoảng")
    unstated: dict[str, set[str]]  # indicator → the areas whose figure the source gives without its year

    @classmethod
    def of(cls, data: Dataset, year: int) -> Marks:
        """The marks of every indicator's figures of `year`."""
        obs = data.observations
        in_year = obs["year"] == year
        said: dict[str, dict[str, str]] = {}
        mine = obs[in_year & (obs["qualifier"] != "")]
        for code, area, qualifier in zip(mine["code"], mine["area"], mine["qualifier"], strict=True):
            said.setdefault(str(code), {})[area] = qualifier
        unstated: dict[str, set[str]] = {}
        mine = obs[in_year & obs["period_unstated"]]
        for code, area in zip(mine["code"], mine["area"].astype(str), strict=True):
            unstated.setdefault(str(code), set()).add(area)
        return cls(said, unstated)

    def qualifiers(self, code: str) -> dict[str, str]:
        """The source's qualifier of each area's own figure: it travels with the figure."""
        return dict(self.said.get(code, {}))

    def yearless(self, code: str) -> set[str]:
        """The areas whose figure the source gives without its year (filed under the term's end)."""
        return set(self.unstated.get(code, ()))


def total_qualifier(data: Dataset, result: compare.Comparison, said: dict[str, str]) -> str:
    """The qualifier of the parent's total: a sum of "trên" figures is "trên" (phrase.sum_qualifier)."""
    if rule_for(data, result.code).rule is not AggregationRule.SUM:
        return said.get(result.parent, "")
    reporting = (r for r in result.child_records if pd.notna(r["value"]))
    return phrase.sum_qualifier([said.get(str(r["area"]), "") for r in reporting])


def lead(name: str, value_kind: str, year: int, lang: Lang, unstated: bool = False) -> str:
    """ "Tổng diện tích chè năm 2026", "Bằng khen … , tổng giai đoạn 2016–2020": a term's sum says so;
    `unstated`: no unit's figure has a year in the source, so the term is said, never "năm 2020"."""
    figure = phrase.Figure(None, period=phrase.period_of(year, value_kind), period_unstated=unstated)
    summed = phrase.period_words(figure, lang) or phrase.unstated_words(figure, lang)
    if summed:
        return t("report.cmp.lead_sum", lang).format(name=name, period=summed)
    return t("report.cmp.lead_year", lang).format(name=name, y=year)


def figure(row: Record, unit: str, qualifier: str, lang: Lang) -> str:
    """A unit's or the total's figure with its qualifier and estimate mark, through phrase."""
    estimate = str(row["actual_kind"]) == ObsKind.ESTIMATE.value
    pending = bool(row.get("pending", False))
    return phrase.in_sentence(phrase.Figure(row["value"], unit, qualifier, estimate, pending=pending), lang)


def target_figure(row: Record, unit: str = "") -> phrase.Figure:
    """The target with its basis: an implied one is never more precise than the printed % it comes from."""
    return phrase.Figure(
        row["target"],
        unit,
        comparator=str(row["comparator"]),
        basis=str(row["target_basis"]) or "stated",
        printed_pct=row["reported_pct"],
    )


def pct_shown(row: Record) -> float:
    """The % attained as printed: the computed one, else the report's own where it is the basis."""
    if fmt.is_missing(row["attainment_pct"]) and str(row["status_basis"]) != "reported":
        return float("nan")
    return shown_pct(row)


def _points(value: object, unit: str, lang: Lang) -> str:
    """A fall a year in the change unit of `unit` ("4,5 điểm %"), for a cut-a-year goal."""
    return phrase.join(fmt.number(abs(float(value)), lang), phrase.change_words(unit, lang), True)  # type: ignore[arg-type]


def fall(row: Record, unit: str, lang: Lang) -> str:
    """A cut-a-year goal set against the unit's own fall a year, or said to lack one: like with like."""
    # The target as precise as its cell shows it: an implied one no more than its printed %, and marked
    # ≈ as the appendix's legend says (a target worked back from a printed %).
    digits = phrase.number(replace(target_figure(row), comparator=""), lang)
    target_text = phrase.join(digits, phrase.change_words(unit, lang), True)
    if fmt.is_missing(row["change"]):
        return t("report.cmp.no_fall", lang).format(target=target_text)
    return t("report.cmp.fell", lang).format(change=_points(row["change"], unit, lang), target=target_text)


def judged(row: Record, unit: str, lang: Lang) -> str:
    """ "đạt 118,08% Nghị quyết, vượt chỉ tiêu", a cut a year first set against its goal; "" unjudged."""
    parts = []
    if str(row["comparator"]) == Comparator.REDUCE_BY.value and not fmt.is_missing(row["target"]):
        parts.append(fall(row, unit, lang))
    status = str(row["status"])
    if status in JUDGED and not fmt.is_missing(pct_shown(row)):
        # A cut met 150% is a fall 1.5 times the one set, never a level "đạt 150%": phrase's one rule.
        cut = str(row["comparator"]) == Comparator.REDUCE_BY.value
        attained = phrase.attained(_pct(pct_shown(row), lang), str(row["target_kind"]), lang, cut)
        parts.append(
            t("report.cmp.judged", lang).format(attained=attained, verdict=t(f"verdict.{status}", lang))
        )
    return ", ".join(parts)


def unit_clause(data: Dataset, row: Record, year: int, unit: str, said: dict[str, str], lang: Lang) -> str:
    """One unit and its figure: "huyện Tam Đường ước 2.503,3 tỷ đồng, đạt 118,08% Nghị quyết, …"."""
    name = in_sentence(str(row["label"]), lang)
    value = figure(row, unit, said.get(str(row["area"]), ""), lang)
    text = t("report.cmp.unit", lang).format(name=name, value=value)
    verdict = judged(row, unit, lang)
    return f"{text}, {verdict}" if verdict else text


def _ranking(
    data: Dataset, rows: list[Record], year: int, unit: str, said: dict[str, str], lang: Lang
) -> str:
    """The first and the last unit by the indicator's direction, with their figures."""
    first, last = rows[0], rows[-1]

    def name(row: Record) -> str:
        return in_sentence(str(row["label"]), lang)

    return t("report.cmp.first_last", lang).format(
        first=name(first),
        v1=figure(first, unit, said.get(str(first["area"]), ""), lang),
        last=name(last),
        v2=figure(last, unit, said.get(str(last["area"]), ""), lang),
    )


def tally(statuses: pd.Series, units: str, lang: Lang) -> str:
    """ "so với mục tiêu của từng xã: 3 xã vượt, 1 xã không đạt": zero counts left out; "" if none judged."""
    counts = statuses.value_counts()
    said = []
    for status in JUDGED:
        n = int(counts.get(status, 0))
        if n:
            number = _num(n, lang)
            said.append(
                t(f"report.cmp.count.{status}", lang).format(n=number, units=fmt.unit_after(number, units))
            )
    if not said:
        return ""
    words = ", ".join(said)
    if lang == "en" and len(said) > 1:
        words = ", ".join(said[:-1]) + " and " + said[-1]
    return t("report.cmp.tally", lang).format(units=units, counts=words)


def why_no_total(row: Record, parent_name: str, lang: Lang, cell: bool = False) -> str:
    """Why the parent has no total of its own: a rate without its parts, a per-head value without its base."""
    mark = str(row["mark"])
    reason = str(row["reason"]) if mark == Mark.NOT_ADDITIVE.value and str(row["reason"]) else "no_data"
    key = f"report.cmp.why_cell.{reason}" if cell else f"report.cmp.why.{reason}"
    return t(key, lang).format(area=parent_name)


def _no_total(row: Record, names: tuple[str, str], counts: tuple[int, int], lang: Lang, common: bool) -> str:
    """Why the parent has no figure: units that have not reported come first, before any numerator.

    Where the opening sentence already said the others have not reported, nothing more is said.
    """
    (parent_name, units), (n, m) = names, counts
    if n >= m:
        return why_no_total(row, parent_name, lang)
    if common:
        return ""
    return t("cmpdoc.why_missing", lang).format(
        area=parent_name, n=_num(n, lang), m=_num(m, lang), units=units
    )


def _parent_target(row: Record, unit: str, parent_name: str, lang: Lang) -> str:
    """A target of the parent that its units' partial sum cannot be set against."""
    if fmt.is_missing(row["target"]):
        return ""
    target = phrase.number(target_figure(row, unit), lang, document=True)
    return t("report.cmp.not_compared", lang).format(target=target, area=parent_name)


def _who_reported(
    data: Dataset,
    result: compare.Comparison,
    row: Record | None,
    unit: str,
    names: tuple[str, str],
    said: dict[str, str],
    lang: Lang,
    common: bool,
) -> list[str]:
    """Who reported and what they add up to: the parent's total only where all did, else theirs.

    `names`: the parent's name in a sentence and the units' word ("tỉnh Lai Châu", "đơn vị");
    `said`: the qualifier of each unit's figure.
    """
    (parent_name, units), year = names, result.year
    reporting = [r for r in result.child_records if pd.notna(r["value"])]
    n, m = len(reporting), len(result.child_records)
    summed = row is not None and not fmt.is_missing(row["value"])
    summed = summed and str(row["mark"]) in (Mark.COMPLETE.value, Mark.PARTIAL.value)  # type: ignore[index]
    value = figure(row, unit, total_qualifier(data, result, said), lang) if summed and row else ""
    one = unit_clause(data, reporting[0], year, unit, said, lang) if n == 1 else ""
    if n == m:
        if not value or row is None:
            return [one]
        whole = t("report.cmp.whole", lang).format(
            area=parent_name, value=value, m=_num(m, lang), units=units
        )
        verdict = judged(row, unit, lang)
        return [f"{whole}, {verdict}" if verdict else whole, one]
    if common:
        if n < 2 or not value:
            return [one]
        kids = result.children[result.children["value"].notna()]
        noun = fmt.unit_after(_num(n, lang), short_units(kids, lang))
        return [
            t("report.cmp.common_sum", lang).format(
                n=_num(n, lang), units=noun, value=value, area=parent_name
            )
        ]
    numbers = {"n": _num(n, lang), "m": _num(m, lang), "units": units}
    if n == 1:
        return [t("report.cmp.so_far_one", lang).format(unit=one, **numbers)]
    so_far = t("report.cmp.so_far", lang).format(**numbers)
    if value:
        so_far += ", " + t("report.cmp.so_far_sum", lang).format(value=value, area=parent_name)
    return [so_far]


def sentence(
    data: Dataset,
    result: compare.Comparison,
    info: pd.Series,
    parent_name: str,
    units: str,
    marks: Marks,
    lang: Lang,
    common: bool = False,
) -> str:
    """One indicator: who reported, the total only where every unit did, the first and last, the tally.

    `marks`: what the source says with the figures of the year; `common`: the same units reported
    every indicator and the opening sentence names them once.
    """
    unit, year = str(info["unit"]), result.year
    said = marks.qualifiers(result.code)
    reported: list[Record] = [r for r in result.child_records if pd.notna(r["value"])]
    n, m = len(reported), len(result.children)
    row = result.parent_row.to_dict() if result.parent_row is not None else None
    pieces = _who_reported(data, result, row, unit, (parent_name, units), said, lang, common)
    if n > 1:
        pieces.append(_ranking(data, reported, year, unit, said, lang))
        judged_units = result.children[result.children["status"].isin(JUDGED)]
        pieces.append(tally(result.children["status"], short_units(judged_units, lang), lang))
    if row is not None and n < m:
        pieces.append(_parent_target(row, unit, parent_name, lang))
    summed = row is not None and not fmt.is_missing(row["value"])
    if row is not None and not (summed and str(row["mark"]) in (Mark.COMPLETE.value, Mark.PARTIAL.value)):
        pieces.append(_no_total(row, (parent_name, units), (n, m), lang, common))
    text = "; ".join(p for p in pieces if p)
    unstated = bool(reported) and {str(r["area"]) for r in reported} <= marks.yearless(result.code)
    return f"{lead(str(info['name']), str(info['value_kind']), year, lang, unstated)}: {text}."
