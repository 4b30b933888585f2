"""The báo cáo's content from the data: sentences per domain, goals, commendations, the appendix table."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from indicators.areas import hierarchy as areas
from indicators.core import attainment, progress
from indicators.core.lookup import term_start
from indicators.core.model import (
    DOMAINS,
    Comparator,
    Dataset,
    Direction,
    ObsKind,
    Status,
    TargetKind,
    ValueKind,
)
from indicators.text import fmt, labels, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import MessageError, msg, t

_TERM = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")
_AREA_PREFIX = re.compile(r"^(Tỉnh|Huyện|Xã|Phường|Thị trấn|Thành phố)\s+", re.IGNORECASE)
# Commendations have their own section; their counts are not results against targets.
_AWARDS = "commendations"
_JUDGED = (Status.EXCEEDED.value, Status.MET.value, Status.NOT_MET.value)
# Targets set for a whole term (resolution, programme), read before a year's plan.
_TERM_KINDS = ("NQ", "DA")
# One row of an engine's output as a plain mapping: column → value.
Record = Mapping[str, Any]


class ReportError(MessageError):
    """A report that cannot be written (unknown area, bad term, no LibreOffice): one sentence for people."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(msg(key, **values))


@dataclass(frozen=True)
class Period:
    """What the report covers: a term (2015–2020) or one year (2026)."""

    kind: str  # "term" | "year"
    start: int  # a term's baseline year; for a year, that year
    end: int

    @property
    def label(self) -> str:
        """As people write it: "2015 – 2020" or "2026"."""
        return f"{self.start} – {self.end}" if self.kind == "term" else str(self.end)

    def covers(self, year: int) -> bool:
        """True for a year whose results belong to the period (a term's baseline year does not)."""
        return self.start < year <= self.end if self.kind == "term" else year == self.end


def parse_period(term: str | None, year: int | None) -> Period:
    """The period from `--term 2015-2020` or `--year 2026`; exactly one of them."""
    if (term is None) == (year is None):
        raise ReportError("report.err.period")
    if year is not None:
        if not 1975 <= int(year) <= 2100:
            raise ReportError("report.err.year", year=year)
        return Period("year", int(year), int(year))
    match = _TERM.match(str(term))
    if not match:
        raise ReportError("report.err.term", term=term)
    start, end = int(match.group(1)), int(match.group(2))
    if not 1975 <= start < end <= 2100:
        raise ReportError("report.err.term_order", term=term)
    return Period("term", start, end)


@dataclass
class Part:
    """A numbered sub-section: "1. Kinh tế" and its sentences."""

    heading: str
    paragraphs: list[str]


@dataclass
class Section:
    """A Roman-numbered section with its sentences, sub-sections and charts."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    chart: str = ""  # "attainment" where the section wants the attainment chart after it


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


# Names and numbers -------------------------------------------------------------------


def area_names(data: Dataset, area: str, lang: Lang) -> tuple[str, str]:
    """The area in a sentence ("huyện Tam Đường") and as a place name ("Tam Đường")."""
    row = data.areas[data.areas["code"] == area]
    if row.empty:
        return area, area
    name = str(row["name"].iloc[0])
    place = _AREA_PREFIX.sub("", name)
    if lang == "en":
        return areas.name_in(name, lang), place
    return name[:1].lower() + name[1:] if place != name else name, place


def _num(value: object, lang: Lang, decimals: int | None = None) -> str:
    return fmt.number(value, lang, decimals)


def _with_unit(text: str, unit: str) -> str:
    # Official documents write "18,22%" and "13,3‰", the sign against the number.
    if not unit:
        return text
    return f"{text}{unit}" if unit in {"%", "‰"} else f"{text} {fmt.unit_after(text, unit)}"


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


# Gathering ---------------------------------------------------------------------------


def _catalogue(data: Dataset, lang: Lang) -> pd.DataFrame:
    info = data.indicators.set_index("code")
    name = info["name_en"] if lang == "en" else info["name_vi"]
    unit = info["unit_en"] if lang == "en" else info["unit"]
    out = pd.DataFrame(
        {
            "name": name.where(name.astype(str) != "", info["name_vi"]),
            "unit": unit.where(unit.astype(str) != "", info["unit"]),
            "domain": info["domain"],
            "value_kind": info["value_kind"],
            "recipient": info["recipient"],
            "direction": info["direction"],
            "unit_vi": info["unit"],
        }
    )
    out["order"] = range(len(out))
    return out


def _levels(lv: pd.DataFrame, area: str, period: Period) -> pd.DataFrame:
    """The latest level of each indicator within the period, with the one before it for comparison."""
    lv = lv[lv["area"] == area]
    inside = lv[[period.covers(int(y)) for y in lv["year"]]] if not lv.empty else lv
    latest = inside.sort_values("year").drop_duplicates("code", keep="last")
    earlier = lv.set_index(["code", "year"])["actual"]
    before = [
        earlier.get((c, (period.start if period.kind == "term" else int(y) - 1)), np.nan)
        for c, y in zip(latest["code"], latest["year"], strict=True)
    ]
    return latest.assign(before=before).set_index("code")


def _stated_changes(data: Dataset, area: str, period: Period) -> pd.DataFrame:
    """Changes the report states from the term's first year ("tăng 1.050,2 tỷ đồng so với 2015")."""
    if period.kind != "term":
        return data.observations.iloc[0:0].set_index("code")
    # The engine's own pick: the official change where there is one, else the estimate.
    obs = attainment.stated_changes(data.observations)
    keep = (obs["area"] == area) & (obs["year"] == period.end) & obs["base_year"].fillna(-1).eq(period.start)
    return obs[keep].drop_duplicates("code").set_index("code")


def _results(data: Dataset, area: str, period: Period) -> pd.DataFrame:
    rows = attainment.compute(data, area=area)
    if rows.empty:
        return rows
    return rows[[period.covers(int(y)) for y in rows["year"]]].reset_index(drop=True)


# Sentences ---------------------------------------------------------------------------


def _result_clause(row: Record, level_year: int | None, period_end: int, unit: str, lang: Lang) -> str:
    """ "đạt 118,08% Nghị quyết, vượt chỉ tiêu" for one target of the indicator."""
    kind = t(f"pct_kind.{row['target_kind']}", lang)
    pct = shown_pct(row)
    parts = []
    if row["comparator"] == Comparator.REDUCE_BY.value and not fmt.is_missing(row["actual"]):
        step = t("report.points", lang) if unit == "%" else unit
        parts.append(t("report.reduction", lang).format(value=_with_unit(_num(row["actual"], lang), step)))
    year = int(row["year"])
    prefix = t("report.in_year", lang).format(y=year) + " " if year != (level_year or period_end) else ""
    if not math.isnan(pct):
        text = prefix + t("report.pct_of", lang).format(pct=_pct(pct, lang), kind=kind)
        if row["status_basis"] == "reported":
            text += f" ({t('report.as_reported', lang)})"
        elif bool(row["differs"]):
            text += (
                " ("
                + t("report.differs", lang).format(
                    reported=_pct(row["reported_pct"], lang), computed=_pct(pct, lang)
                )
                + ")"
            )
        parts.append(text)
    parts.append(t(f"verdict.{row['status']}", lang))
    return ", ".join(parts)


def _level_clause(level: Record, unit: str, kind: str, lower: bool, period: Period, lang: Lang) -> str:
    """ "ước đạt khoảng 300.000 lượt khách" for the indicator's latest figure."""
    estimate = str(level["actual_kind"]) == ObsKind.ESTIMATE.value
    # A rate where lower is better "còn" (stands at) a level; everything else "đạt" (reaches) it.
    if lower:
        verb = t("report.stood_estimate" if estimate else "report.stood", lang)
    else:
        verb = t("report.reached_estimate" if estimate else "report.reached", lang)
    if kind == ValueKind.YES_NO.value:
        return phrase.yes_no(level["actual"], lang)
    figure = phrase.Figure(
        level["actual"], unit, str(level["qualifier"]), period=phrase.period_of(int(level["year"]), kind)
    )
    text = f"{verb} {phrase.number(figure, lang, document=True)}"
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
    step = t("report.points", lang) if unit == "%" else unit
    value = _with_unit(_num(abs(delta), lang), step)
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
    pieces = []
    level_year = None
    if level is not None:
        level_year = int(level["year"])
        lower = str(info["direction"]) == Direction.LOWER.value
        pieces.append(_level_clause(level, unit, kind, lower, period, lang))
        compared = _comparison(level, change, unit, kind, period, lang)
        if compared:
            pieces.append(compared)
    clauses = [_result_clause(r, level_year, period.end, unit, lang) for r in results]
    name = str(info["name"])
    if not pieces:
        return f"{name}: {'; '.join(clauses)}."
    text = f"{name} {', '.join(pieces)}"
    return f"{text}, {'; '.join(clauses)}." if clauses else f"{text}."


def _domain_parts(
    data: Dataset,
    info: pd.DataFrame,
    levels: pd.DataFrame,
    results: pd.DataFrame,
    area: str,
    period: Period,
    lang: Lang,
) -> list[Part]:
    changes = _stated_changes(data, area, period)
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

    parts: list[Part] = []
    for domain in DOMAINS:
        mine = sorted((c for c in codes if catalogue[c]["domain"] == domain), key=rank)
        sentences = [
            _sentence(c, catalogue[c], level_of.get(c), change_of.get(c), results_of.get(c, []), period, lang)
            for c in mine
        ]
        if sentences:
            parts.append(Part(f"{len(parts) + 1}. {t(f'domain.{domain}', lang)}", sentences))
    return parts


def _tally(results: pd.DataFrame, lang: Lang) -> str:
    counts = results["status"].astype(str).value_counts()
    words = {s.value: _num(int(counts.get(s.value, 0)), lang) for s in Status}
    # English counts agree with their noun ("Of 1 target"); Vietnamese has no plural to agree.
    n = _num(len(results), lang)
    targets = fmt.unit_after(n, t("report.noun.targets", lang))
    text = t("report.tally", lang).format(n=n, targets=targets, **words)
    not_judged = int(counts.get(Status.NOT_JUDGED.value, 0))
    if not_judged:
        text += " " + t("report.tally_not_judged", lang).format(n=_num(not_judged, lang))
    return text


# Goals -------------------------------------------------------------------------------


def _goal_year(data: Dataset, area: str, period: Period) -> int | None:
    """The goals a report speaks of: the next term's (set at the term's end), else the period's own."""
    targets = data.targets[data.targets["area"] == area]
    if targets.empty:
        return None
    starts = pd.Series(term_start(targets["term"], targets["year"]), index=targets.index)
    multi = targets["year"] - starts > 1
    if period.kind == "term":
        following = targets[multi & (starts == period.end)]
        if not following.empty:
            return int(following["year"].max())
        own = targets[multi & (targets["year"] == period.end)]
        return int(period.end) if not own.empty else None
    running = targets[multi & (starts < period.end) & (targets["year"] >= period.end)]
    return int(running["year"].min()) if not running.empty else None


def _goal_target(goal: Record, stated: float, info: Record, printed: float) -> phrase.Figure:
    """The goal's own figure: implied ones rounded to their printed %, yearly ones said to be yearly."""
    return phrase.Figure(
        stated,
        str(info["unit"]),
        period=phrase.period_of(int(goal["goal_year"]), str(info["value_kind"])),
        comparator=str(goal["comparator"]),
        # Only a goal worked back from a printed % is implied; a stated goal has no printed % beside it.
        basis="stated" if fmt.is_missing(printed) else "implied",
        printed_pct=printed,
        per_year=bool(goal.get("yearly", False)),
    )


def _goal_figure(goal: Record, which: str, info: Record, lang: Lang) -> str:
    """ "năm 2020: 30 triệu đồng (ước)": the goal's baseline or latest figure, a term's sum said as one."""
    kind, year = str(info["value_kind"]), int(goal[f"{which}_year"])
    figure = phrase.Figure(goal[f"{which}_value"], str(info["unit"]), yes_no=kind == ValueKind.YES_NO.value)
    text = phrase.number(figure, lang, document=True)
    if str(goal.get(f"{which}_kind", "")) == ObsKind.ESTIMATE.value:
        text += f" ({t('report.mark.estimate', lang)})"
    if kind == ValueKind.TERM_TOTAL.value:
        first, last = phrase.summed_over(year)
        return t("phrase.period_sum_lead", lang).format(first=first, last=last, figure=text)
    return t(f"report.goal_{which}", lang).format(y=year, value=text)


def _goal_pace(goal: Record, unit: str, lang: Lang) -> str:
    """The pace a goal needs: points a year for a share, a % a year for a level growing, else its unit."""
    change = goal["required_change_per_year"]
    share = unit in phrase.SHARE_UNITS
    if str(goal["method"]) == "cagr" and not share and not fmt.is_missing(goal["required_growth_pct"]):
        growth = float(goal["required_growth_pct"])
        key = "report.goal_required_growth" if growth >= 0 else "report.goal_required_fall"
        return t(key, lang).format(pct=_pct(fmt.round_half_up(abs(growth), 2), lang))
    if str(goal["method"]) in {"cagr", "linear"} and not fmt.is_missing(change):
        key = "report.goal_required_rise" if float(change) >= 0 else "report.goal_required_drop"
        step = phrase.change_unit(phrase.change_code(unit, per_year=False), unit, lang)
        return t(key, lang).format(value=phrase.join(_num(abs(float(change)), lang), step, document=True))
    return ""


def _goal_sentence(goal: Record, stated: float, info: Record, lang: Lang, printed: float = math.nan) -> str:
    what = phrase.goal_clause(_goal_target(goal, stated, info, printed), lang, document=True)
    key = "report.goal_yearly" if bool(goal.get("yearly", False)) else "report.goal"
    text = t(key, lang).format(name=info["name"], y=int(goal["goal_year"]), what=what)
    details = []
    for which in ("base", "latest"):
        if not fmt.is_missing(goal[f"{which}_value"]) and not fmt.is_missing(goal[f"{which}_year"]):
            details.append(_goal_figure(goal, which, info, lang))
    pace = _goal_pace(goal, str(info["unit"]), lang)
    if pace:
        details.append(pace)
    # A goal whose year is in reads as the term's result (% and estimate marked), not as a pace.
    status = labels.goal_status_words(goal, lang)
    if str(goal["reason"]):
        status += " (" + t("reason." + str(goal["reason"]), lang) + ")"
    key = "report.goal_result" if bool(goal.get("final", False)) else "report.goal_status"
    details.append(t(key, lang).format(status=status))
    return f"{text}; {'; '.join(details)}."


def _printed(data: Dataset, targets: pd.DataFrame) -> dict[str, float]:
    """The printed % each implied goal was worked back from: it is shown no more precisely than that."""
    implied = targets[targets["derived"].astype(bool)]
    keys = ["code", "area", "year", "target_kind"]
    rows = implied[keys].merge(data.reported[[*keys, "reported_pct"]], on=keys, how="inner")
    return dict(zip(rows["code"], rows["reported_pct"].astype(float), strict=True))


def _goals_section(
    data: Dataset, info: pd.DataFrame, area: str, area_name: str, period: Period, lang: Lang
) -> tuple[Section, str | None]:
    year = _goal_year(data, area, period)
    # A year's report speaks of the goals as they stood that year, not with later figures.
    as_of = period.end if period.kind == "year" else None
    rows = pd.DataFrame()
    if year is not None:
        rows = progress.compute(data, goal_year=year, area=area, as_of=as_of)
    period_text = _period_text(period, lang)
    if rows.empty:
        return Section(
            t("report.goals_none", lang),
            [t("report.no_goals", lang).format(area=area_name, period=period_text)],
        ), None
    targets = data.targets[(data.targets["area"] == area) & (data.targets["year"] == year)]
    # The goal's own figure, not the same year's plan (kế hoạch) for the same indicator.
    targets = targets[targets["target_kind"] != TargetKind.PLAN.value]
    stated = targets.drop_duplicates("code").set_index("code")["value"]
    printed = _printed(data, targets)
    span = f"{int(rows['base_year'].min())} – {int(rows['goal_year'].max())}"
    catalogue = info.to_dict("index")
    sentences = [
        _goal_sentence(
            goal,
            float(stated.get(goal["code"], np.nan)),
            catalogue[goal["code"]],
            lang,
            printed.get(goal["code"], math.nan),
        )
        for goal in rows.to_dict("records")
        if goal["code"] in catalogue
    ]
    return Section(t("report.goals", lang).format(goals=span), sentences), span


# Commendations -----------------------------------------------------------------------


def _award_figure(level: Record, unit: str, lang: Lang) -> str:
    """An award line's figure with the source's own qualifier: "trên 450 cá nhân"."""
    return phrase.number(
        phrase.Figure(level["actual"], unit, str(level.get("qualifier", ""))), lang, document=True
    )


def _awards_section(
    info: pd.DataFrame, levels: pd.DataFrame, area_name: str, period: Period, lang: Lang
) -> Section:
    codes = [c for c in info.index[info["domain"] == _AWARDS] if c in levels.index]
    section = Section(t("report.commendations", lang))
    period_text = _period_text(period, lang)
    if not codes:
        section.paragraphs.append(
            t("report.no_commendations", lang).format(area=area_name, period=period_text)
        )
        return section
    if all(info.at[c, "value_kind"] == ValueKind.TERM_TOTAL.value for c in codes):
        # Awards are counted over the term: a year's report must not call them that year's.
        summed = phrase.Figure(None, period=phrase.summed_over(period.end))
        period_text = phrase.period_words(summed, lang)
    section.paragraphs.append(t("report.awards_intro", lang).format(period=period_text, area=area_name))
    totals = {"tap_the": 0.0, "ca_nhan": 0.0}
    for code in codes:
        level = levels.loc[code]
        unit = str(info.at[code, "unit"])
        section.paragraphs.append(f"- {info.at[code, 'name']}: {_award_figure(level, unit, lang)};")
        # Award instances (lượt) add up; the other lines count people praised, not awards.
        recipient = str(info.at[code, "recipient"])
        if recipient in totals and info.at[code, "unit_vi"] == "lượt":
            totals[recipient] += float(level["actual"])
    if totals["tap_the"] or totals["ca_nhan"]:
        section.paragraphs.append(
            t("report.awards_total", lang).format(
                tt=_num(totals["tap_the"], lang), cn=_num(totals["ca_nhan"], lang)
            )
        )
    return section


# The appendix ------------------------------------------------------------------------

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII")


def _appendix(info: pd.DataFrame, results: pd.DataFrame, levels_kind: pd.Series, lang: Lang) -> list[Row]:
    if results.empty:
        return []
    catalogue = info.to_dict("index")
    frame = results.assign(_implied=_implied(results).to_numpy())
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
    is_estimate = bool(r["_estimate"]) and not reduce
    actual = phrase.Figure(r["actual"], "", str(r.get("qualifier", "") or ""), yes_no=yes_no)
    actual_text = phrase.number(actual, lang)
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
        # A break opportunity after each "/": a narrow column wraps "triệu đồng/người/năm" between words.
        unit=unit.replace("/", "/\u200b"),
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
    )


def _legend(rows: list[Row], lang: Lang) -> list[str]:
    """The notes the rows need, decided from their flags."""
    notes = []
    if any(r.implied for r in rows):
        notes.append(t("report.legend.implied", lang))
    if any(r.estimate for r in rows):
        notes.append(t("report.legend.estimate", lang))
    if any(r.reported for r in rows):
        notes.append(t("report.legend.reported", lang))
    if any(r.per_year for r in rows):
        notes.append(t("report.legend.reduce", lang))
    if any(not r.group for r in rows):
        notes.append(t("phrase.met_rule", lang))
    return notes


# The whole report --------------------------------------------------------------------


def number_sections(sections: list[Section]) -> list[Section]:
    """Roman numbers on the headings in order ("I. …", "II. …"), replacing any number they had."""
    for number, section in enumerate(sections):
        heading = re.sub(r"^[IVXL]+\. ", "", section.heading)
        section.heading = f"{_ROMAN[number]}. {heading}"
    return sections


def _period_text(period: Period, lang: Lang) -> str:
    key = "report.period_term" if period.kind == "term" else "report.period_year"
    return t(key, lang).format(p=period.label)


def build(data: Dataset, area: str, period: Period, lang: Lang = "vi") -> Content:
    """The report of one area and period, from the engines' outputs only."""
    # Load inputs.
    if area not in set(data.areas["code"]):
        # Only the areas that have figures: a province's list of units would bury the answer.
        with_figures = sorted(set(data.observations["area"]) & set(data.areas["code"]))
        known = ", ".join(with_figures[:12]) + (" …" if len(with_figures) > 12 else "") or "—"
        raise ReportError("report.err.area", area=area, known=known)
    info = _catalogue(data, lang)
    area_name, place = area_names(data, area, lang)
    all_levels = attainment.levels(data.observations)
    all_levels = all_levels[all_levels["area"] == area]
    levels = _levels(all_levels, area, period)
    results = _results(data, area, period)
    period_text = _period_text(period, lang)

    # Process data.
    results_section = Section(t("report.results", lang))
    results_section.paragraphs.append(t("report.intro", lang).format(area=area_name, period=period_text))
    thin = levels.empty and results.empty
    if thin:
        results_section.paragraphs.append(
            t("report.no_figures", lang).format(area=area_name, period=period_text)
        )
    else:
        results_section.paragraphs.append(t("report.source", lang).format(v=data.version))
        if not results.empty:
            results_section.paragraphs.append(_tally(results, lang))
        results_section.parts = _domain_parts(data, info, levels, results, area, period, lang)
        if not results.empty and results["status"].astype(str).isin(_JUDGED).any():
            results_section.chart = "attainment"
    goals_section, goal_span = _goals_section(data, info, area, area_name, period, lang)
    awards_section = _awards_section(info, levels, area_name, period, lang)
    sections = number_sections([results_section, goals_section, awards_section])

    levels_kind = all_levels.set_index(["code", "year"])["actual_kind"]
    rows = _appendix(info, results, levels_kind, lang)

    # Save outputs.
    subject_key = "report.subject_term" if period.kind == "term" else "report.subject_year"
    subject = t(subject_key, lang).format(period=period.label)
    if goal_span and not (period.kind == "term" and goal_span == period.label):
        subject += t("report.subject_goals", lang).format(goals=goal_span)
    judged = results[results["status"].astype(str).isin(_JUDGED)] if not results.empty else results
    figures = (
        {"attainment": lambda: [_attainment_figure(data, judged, lang)]} if results_section.chart else {}
    )
    return Content(
        lang=lang,
        area=area,
        area_name=area_name,
        period=period,
        version=data.version,
        issuer_lines=[t("report.issuer", lang), t("report.issuer_of", lang).format(area=area_name.upper())],
        place=place,
        subject=subject,
        sections=sections,
        rows=rows,
        legend=_legend(rows, lang),
        appendix_title=t("report.appendix_title", lang).format(period=period_text.upper()),
        appendix_note=t("report.appendix_note", lang).format(area=area_name),
        attainment_rows=judged,
        thin=thin,
        figures=figures,
    )


def _attainment_figure(data: Dataset, judged: pd.DataFrame, lang: Lang) -> tuple[str, object]:
    """The dashboard's attainment chart of the judged results, with its title for the caption."""
    from indicators.charts import figures  # plotly is loaded only for a report that has something to draw
    from indicators.text import tables

    view = tables.attainment_view(data, judged, lang)
    title = t("chart.attainment", lang)
    return title, figures.attainment_figure(view, lang, title=" ")
