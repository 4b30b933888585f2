"""The báo cáo's goals: one sentence per goal, its figures and pace put into words by phrase."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from indicators.core import progress
from indicators.core.model import Comparator, Dataset, ObsKind, TargetKind, ValueKind
from indicators.report.facts import goal_year, in_sentence
from indicators.report.results import FIELDS
from indicators.report.shape import Period
from indicators.text import fmt, labels, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t

Record = Mapping[str, Any]


def _pct(value: float, lang: Lang) -> str:
    return phrase.join(fmt.number(value, lang), "%", document=True)


def _goal_target(goal: Record, stated: float, info: Record, printed: float) -> phrase.Figure:
    """The goal's own figure: implied ones rounded to their printed %, yearly ones said to be yearly."""
    return phrase.Figure(
        stated,
        str(info["unit"]),
        str(goal.get("target_qualifier", "") or ""),
        period=phrase.period_of(int(goal["goal_year"]), str(info["value_kind"])),
        comparator=str(goal["comparator"]),
        # Only a goal worked back from a printed % is implied; a stated goal has no printed % beside it.
        basis="stated" if fmt.is_missing(printed) else "implied",
        printed_pct=printed,
        per_year=bool(goal.get("yearly", False)),
    )


def _goal_figure(goal: Record, which: str, info: Record, lang: Lang, qualifier: str = "") -> str:
    """ "năm 2020: 18,22% (ước)", "năm 2020: khoảng 300.000 lượt khách": the goal's baseline or latest
    figure, as the source qualifies it ("khoảng" needs no "ước" beside it), a term's sum said as one."""
    kind, year = str(info["value_kind"]), int(goal[f"{which}_year"])
    yes_no = kind == ValueKind.YES_NO.value
    estimate = str(goal.get(f"{which}_kind", "")) == ObsKind.ESTIMATE.value
    figure = phrase.Figure(goal[f"{which}_value"], str(info["unit"]), qualifier, estimate, yes_no=yes_no)
    text = phrase.number(figure, lang, document=True)
    if phrase.estimate_marked(figure):
        text += f" ({t('report.mark.estimate', lang)})"
    if kind == ValueKind.TERM_TOTAL.value:
        first, last = phrase.summed_over(year)
        return t("phrase.period_sum_lead", lang).format(first=first, last=last, figure=text)
    # A cut a year is judged on the fall, not the level: the level is said, never as "đạt" (reached).
    # A yes/no figure follows its year after a colon: "năm 2023: chưa đạt", never "năm 2023 đạt chưa đạt".
    cut = str(goal.get("comparator", "")) == Comparator.REDUCE_BY.value or yes_no
    return t("report.goal_base" if cut else f"report.goal_{which}", lang).format(y=year, value=text)


def _growth_words(growth: float, lang: Lang, hedged: bool) -> str:
    """ "cần tăng bình quân 8,45%/năm"; from a "khoảng" figure "khoảng 15%/năm": a figure the source
    gives only roughly yields a rate no finer than a whole per cent."""
    key = "report.goal_required_growth" if growth >= 0 else "report.goal_required_fall"
    if not hedged:
        return t(key, lang).format(pct=_pct(fmt.round_half_up(abs(growth), 2), lang))
    pct = _pct(fmt.round_half_up(abs(growth), 0), lang)
    return t(key, lang).format(pct=f"{t('phrase.qualifier.khoang', lang)} {pct}")


def _goal_pace(goal: Record, unit: str, lang: Lang, hedged: bool = False) -> str:
    """The pace a goal needs: points a year for a share, a % a year for a level growing, else its unit.

    `hedged`: the baseline or the goal is "khoảng" in the source, so the pace is only roughly known.
    """
    if str(goal["comparator"]) == Comparator.REDUCE_BY.value:
        # The goal is itself a pace ("bình quân mỗi năm giảm 2 điểm %"): saying it again adds nothing,
        # but the fall a year it is judged on is said beside the level, never the level alone.
        observed = goal.get("observed_change_per_year", math.nan)
        if fmt.is_missing(observed) or float(observed) >= 0:
            return ""
        step = phrase.change_words(unit, lang)
        value = phrase.join(fmt.number(abs(float(observed)), lang), step, document=True)
        return t("report.reduction", lang).format(value=value)
    change = goal["required_change_per_year"]
    share = unit in phrase.SHARE_UNITS
    if str(goal["method"]) == "cagr" and not share and not fmt.is_missing(goal["required_growth_pct"]):
        return _growth_words(float(goal["required_growth_pct"]), lang, hedged)
    if str(goal["method"]) in {"cagr", "linear"} and not fmt.is_missing(change):
        key = "report.goal_required_rise" if float(change) >= 0 else "report.goal_required_drop"
        step = phrase.change_unit(phrase.change_code(unit, per_year=False), unit, lang)
        return t(key, lang).format(
            value=phrase.join(fmt.number(abs(float(change)), lang), step, document=True)
        )
    return ""


def goal_sentence(
    goal: Record,
    stated: float,
    info: Record,
    lang: Lang,
    printed: float = math.nan,
    said: Mapping[tuple[str, int], str] | None = None,
    published: Mapping[str, float] | None = None,
    yearless: Mapping[tuple[str, int], phrase.Figure] | None = None,
) -> str:
    """One goal in words: what it asks, its baseline and latest figures, the pace it needs, its status.

    `published`: the % the source printed for each goal's result, which its % follows in precision.
    `yearless`: figures the source gives without their year, by (code, year): said with their term in
    place of a baseline, and no pace is worked out from them.
    """
    what = phrase.goal_clause(_goal_target(goal, stated, info, printed), lang, document=True)
    text = _goal_lead(goal, info, what, lang)
    details, qualifiers = _figures(goal, info, lang, said or {}, yearless or {})
    hedged = any(q == "khoang" for q in (*qualifiers, str(goal.get("target_qualifier", "") or "")))
    pace = _goal_pace(goal, str(info["unit"]), lang, hedged)
    if pace:
        details.append(pace)
    # What the store lacks to judge the goal is said once for all such goals (missing_sentences); a goal
    # whose year is in reads as the term's result (% and estimate marked), not as a pace.
    if missing(goal) is None:
        details.append(_goal_status(goal, lang, (published or {}).get(str(goal["code"]), math.nan)))
    return f"{text}; {'; '.join(details)}." if details else f"{text}."


def _goal_lead(goal: Record, info: Record, what: str, lang: Lang) -> str:
    """What the goal asks, in the source's idiom: "Phấn đấu đến năm 2025 huyện đạt chuẩn nông thôn mới"
    for a yes/no goal, "giai đoạn 2020 – 2025 hàng năm đạt trên 90%" for a goal of every year."""
    year = int(goal["goal_year"])
    if str(goal.get("comparator", "")) == Comparator.YES.value:
        return t("report.goal_yes", lang).format(name=in_sentence(str(info["name"])), y=year)
    if bool(goal.get("yearly", False)):
        first = year - phrase.TERM_YEARS if fmt.is_missing(goal["base_year"]) else int(goal["base_year"])
        return t("report.goal_yearly", lang).format(name=info["name"], first=first, y=year, what=what)
    return t("report.goal", lang).format(name=info["name"], y=year, what=what)


def _figures(
    goal: Record,
    info: Record,
    lang: Lang,
    said: Mapping[tuple[str, int], str],
    yearless: Mapping[tuple[str, int], phrase.Figure],
) -> tuple[list[str], list[str]]:
    """The goal's baseline and latest figures in words, and the source's qualifiers of them.

    A figure the source gives without its year is said with its term, never as "năm 2020": in the goal
    year it is the result; as the would-be baseline (which progress leaves out) it yields no pace.
    """
    details, qualifiers = [], []
    code = str(goal["code"])
    for which in ("base", "latest"):
        if fmt.is_missing(goal[f"{which}_value"]) or fmt.is_missing(goal[f"{which}_year"]):
            continue
        year = int(goal[f"{which}_year"])
        qualifiers.append(said.get((code, year), ""))
        figure = yearless.get((code, year))
        if figure is None:
            details.append(_goal_figure(goal, which, info, lang, qualifiers[-1]))
        else:
            details.append(
                t("report.goal_yearless_result", lang).format(value=phrase.in_sentence(figure, lang))
            )
    if not fmt.is_missing(goal["base_year"]) and fmt.is_missing(goal["base_value"]):
        figure = yearless.get((code, int(goal["base_year"])))
        if figure is not None:
            details.append(t("report.goal_yearless", lang).format(value=phrase.in_sentence(figure, lang)))
    return details, qualifiers


_MISSING = ("no_baseline", "no_later_data", "term_total")
Missing = tuple[str, int, int]  # the reason, the baseline year, the goal's year


def missing(goal: Record) -> Missing | None:
    """Which figures a goal's progress waits for: none yet for the baseline, after it, or the whole term.

    A remainder ("30% xếp loại khá" beside "70% xếp loại tốt") is judged with the share it is the rest
    of, so it too waits for the years after the baseline until a later figure is in.
    """
    if fmt.is_missing(goal["base_year"]):
        return None
    reason = str(goal["reason"])
    remainder = str(goal.get("comparator", "")) == Comparator.REMAINDER.value
    if remainder and fmt.is_missing(goal.get("latest_value")):
        reason = "no_later_data"
    if reason not in _MISSING:
        return None
    return reason, int(goal["base_year"]), int(goal["goal_year"])


def missing_sentences(waiting: Mapping[Missing, list[str]], lang: Lang) -> list[str]:
    """One sentence per kind of missing figure, naming the goals it holds back: never once per goal."""
    said = []
    for (reason, base, end), names in sorted(waiting.items(), key=lambda item: _MISSING.index(item[0][0])):
        count = fmt.join_unit(fmt.number(len(names), lang), t("report.goal_noun", lang))
        said.append(
            t(f"report.goal_missing.{reason}", lang).format(
                base=base, first=base + 1, goal=end, count=count, names="; ".join(names)
            )
        )
    return said


def _goal_status(goal: Record, lang: Lang, published: float = math.nan) -> str:
    """The goal's progress or its result, in words; a remainder says why it is not judged on its own."""
    reason = str(goal["reason"])
    if str(goal.get("comparator", "")) == Comparator.REMAINDER.value:
        return t("report.goal_status", lang).format(status=t("report.goal_remainder", lang))
    if bool(goal.get("final", False)) and not fmt.is_missing(goal.get("final_pct")):
        # The document writes a result's % as its results do: "220,4%", as precise as the source printed it.
        pct = _pct(fmt.pct_as_printed(float(goal["final_pct"]), published), lang)
        # The figure before it in the same line carries the estimate mark ("(ước)", "ước 114,4"): once.
        status = f"{t('progress.' + str(goal['status']), lang)} ({pct})"
    else:
        status = labels.goal_status_words(goal, lang)
    if reason:
        status += " (" + t("reason." + reason, lang) + ")"
    key = "report.goal_result" if bool(goal.get("final", False)) else "report.goal_status"
    return t(key, lang).format(status=status)


def _printed(data: Dataset, targets: pd.DataFrame) -> dict[str, float]:
    """The printed % each implied goal was worked back from: it is shown no more precisely than that."""
    implied = targets[targets["derived"].astype(bool)]
    keys = ["code", "area", "year", "target_kind"]
    rows = implied[keys].merge(data.reported[[*keys, "reported_pct"]], on=keys, how="inner")
    return dict(zip(rows["code"], rows["reported_pct"].astype(float), strict=True))


def sentences(
    data: Dataset, info: pd.DataFrame, area: str, period: Period, lang: Lang
) -> tuple[list[str], str | None]:
    """The goals the report speaks of, one sentence each, and their span ("2020 – 2025")."""
    year = goal_year(data, area, period)
    # A year's report speaks of the goals as they stood that year, not with later figures.
    as_of = period.end if period.kind == "year" else None
    rows = pd.DataFrame()
    if year is not None:
        rows = progress.compute(data, goal_year=year, area=area, as_of=as_of)
    if rows.empty:
        return [], None
    targets = data.targets[(data.targets["area"] == area) & (data.targets["year"] == year)]
    # The goal's own figure, not the same year's plan (kế hoạch) for the same indicator.
    targets = targets[targets["target_kind"] != TargetKind.PLAN.value]
    stated = targets.drop_duplicates("code").set_index("code")["value"]
    printed = _printed(data, targets)
    reported = data.reported
    reported = reported[(reported["area"] == area) & (reported["year"] == year)]
    published = dict(zip(reported["code"], reported["reported_pct"].astype(float), strict=True))
    said = _qualifiers(data, area)
    yearless = _yearless(data, area, info)
    span = f"{int(rows['base_year'].min())} – {int(rows['goal_year'].max())}"
    catalogue = info.to_dict("index")
    goals = by_field([g for g in rows.to_dict("records") if g["code"] in catalogue], catalogue)
    sentences = [
        goal_sentence(
            goal,
            float(stated.get(goal["code"], np.nan)),
            catalogue[goal["code"]],
            lang,
            printed.get(goal["code"], math.nan),
            said,
            published,
            yearless,
        )
        for goal in goals
    ]
    waiting: dict[Missing, list[str]] = {}
    for goal in goals:
        gap = missing(goal)
        if gap is not None:
            waiting.setdefault(gap, []).append(in_sentence(str(catalogue[goal["code"]]["name"])))
    return [*sentences, *missing_sentences(waiting, lang)], span


def _qualifiers(data: Dataset, area: str) -> dict[tuple[str, int], str]:
    """The source's "khoảng", "trên" of each baseline or latest figure, by (code, year): kept with it."""
    obs = data.observations
    qualified = obs[(obs["area"] == area) & (obs["qualifier"] != "")]
    return dict(
        zip(
            zip(qualified["code"], qualified["year"].astype(int), strict=True),
            qualified["qualifier"],
            strict=True,
        )
    )


def _yearless(data: Dataset, area: str, info: pd.DataFrame) -> dict[tuple[str, int], phrase.Figure]:
    """The area's figures the source gives without their year, by (code, year), as phrase will say them."""
    obs = data.observations
    rows = obs[(obs["area"] == area) & obs["period_unstated"] & obs["code"].isin(info.index)]
    return {
        (str(r["code"]), int(r["year"])): phrase.Figure(
            r["value"],
            str(info.loc[r["code"], "unit"]),
            str(r["qualifier"] or ""),
            estimate=str(r["kind"]) == ObsKind.ESTIMATE.value,
            period=int(r["year"]),
            period_unstated=True,
        )
        for r in rows.to_dict("records")
        if str(r["kind"]) in (ObsKind.ACTUAL.value, ObsKind.ESTIMATE.value)
    }


# The order the source's fields come in (economy, society, defence, politics), domain by domain.
_FIELD_ORDER = {domain: i for i, domain in enumerate(d for _, domains in FIELDS for d in domains)}


def by_field(goals: Sequence[Record], catalogue: Mapping[str, Record]) -> list[Record]:
    """The goals in the order of the source's fields and, within a domain, of the source report; a
    remainder ("30% xếp loại khá") after the goals it completes ("70% xếp loại tốt"), as the source says."""

    def rank(goal: Record) -> tuple[int, bool, int]:
        info = catalogue[goal["code"]]
        remainder = str(goal.get("comparator", "")) == Comparator.REMAINDER.value
        return _FIELD_ORDER.get(str(info["domain"]), len(_FIELD_ORDER)), remainder, int(info["source_order"])

    return sorted(goals, key=rank)
