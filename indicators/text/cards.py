"""The indicator cards and the tally of results: one indicator, or one term, at a glance."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators.core.attainment import levels, stated_changes
from indicators.core.model import Dataset, ObsKind, Status
from indicators.core.page_settings import CHANGE_BASE_YEAR
from indicators.core.selection import period_years
from indicators.core.tally import KindCount
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from indicators.text.labels import (
    NO_TARGET,
    QUALIFIER_SIGN,
    estimated,
    indicator_info,
    status_text,
)

# Which target a card reports when an indicator has several: the resolution before a plan.
TARGET_KIND_ORDER: tuple[str, ...] = ("NQ", "DA", "GIAO", "KH")


@dataclass(frozen=True)
class Card:
    """One indicator at a glance: its figure, % of target, status and change since 2015."""

    code: str
    name: str
    value: str
    unit: str
    year: str
    target_pct: str
    status: str
    status_label: str
    change_label: str
    change: str
    reported_basis: bool
    value_note: str = ""  # the report's own words where it qualifies the figure: "khoảng 300.000 lượt khách"
    estimate: bool = False  # the figure is an estimate (ước thực hiện): "ước" is shown beside it
    estimate_note: str = ""  # the estimate's own note (who estimated it, when), shown under it
    implied_target: bool = False  # the % rests on a target worked back from the printed %
    # When the figure is from: "Năm 2020", or "Tổng giai đoạn 2016–2020" for a sum over a term.
    period_label: str = ""
    pending: bool = False  # the figure (or a total holding one) is not yet approved: "chưa duyệt"


def _estimate_note(data: Dataset, code: str, area: str | None, levels: pd.DataFrame) -> str:
    """The note the estimate was entered with: its own words on when and by whom, not a fixed year."""
    year = int(levels.sort_values("year")["year"].iloc[-1])
    obs = data.observations
    mine = obs[(obs["code"] == code) & (obs["year"] == year) & (obs["kind"] == ObsKind.ESTIMATE.value)]
    if area is not None:
        mine = mine[mine["area"] == area]
    notes = [str(n).strip() for n in mine["note"] if str(n).strip()]
    return notes[0] if notes else ""


def _best_row(rows: pd.DataFrame) -> pd.Series | None:
    """The row a card reports: a judged one first, the resolution before a plan, the latest year."""
    if rows.empty:
        return None
    rank = {k: i for i, k in enumerate(TARGET_KIND_ORDER)}
    judged = rows["status"] != Status.NO_DATA.value
    ordered = rows.assign(
        _judged=~judged, _kind=rows["target_kind"].map(rank).fillna(len(rank)), _year=-rows["year"]
    ).sort_values(["_judged", "_year", "_kind"], kind="stable")
    return ordered.iloc[0]


def _change(data: Dataset, code: str, area: str | None, year: int, unit: str, lang: Lang) -> tuple[str, str]:
    """The change since 2015 the report states, else its stated average a year, else "—"."""
    obs = data.observations
    mine = obs[(obs["code"] == code) & (obs["year"] == year) & (obs["base_year"] == CHANGE_BASE_YEAR)]
    if area is not None:
        mine = mine[mine["area"] == area]
    change = stated_changes(mine)
    # A rate moves in points (điểm %), a fall a year in points a year: never "4,5 %".
    if not change.empty:
        shown = phrase.change(change["value"].iloc[0], unit, lang, per_year=False)
        shown = estimated(shown, change["change_kind"].iloc[0], lang)
        return t("card.change", lang).format(y=CHANGE_BASE_YEAR), shown
    per_year = stated_changes(mine, per_year=True)
    if not per_year.empty:
        shown = phrase.change(per_year["value"].iloc[0], unit, lang, per_year=True)
        shown = estimated(shown, per_year["change_kind"].iloc[0], lang)
        return t("card.change_per_year", lang).format(y=CHANGE_BASE_YEAR), shown
    return t("card.change", lang).format(y=CHANGE_BASE_YEAR), fmt.MISSING


def _of_total(data: Dataset, latest: pd.Series) -> float | None:
    """The whole a count is out of (17 in "17/17"), where the report gives one."""
    obs = data.observations
    total = obs[
        (obs["code"] == latest["code"])
        & (obs["area"] == latest["area"])
        & (obs["year"] == latest["year"])
        & (obs["kind"] == ObsKind.TOTAL.value)
    ]
    return None if total.empty else float(total["value"].iloc[0])


def _figure(
    data: Dataset, mine: pd.DataFrame, code: str, unit: str, area: str | None, lang: Lang
) -> tuple[str, str, str, str, str]:
    """The latest figure of a card: value, year, the report's qualified words, change label, change."""
    if mine.empty:
        return fmt.MISSING, "", "", t("card.change", lang).format(y=CHANGE_BASE_YEAR), fmt.MISSING
    latest = mine.sort_values("year").iloc[-1]
    qualifier = str(latest["qualifier"])
    total = _of_total(data, latest)
    info = data.indicators.set_index("code")
    if total is not None:
        value = fmt.of_total(latest["actual"], total, lang)  # "17/17": a count met out of a total
    elif code in info.index and info.at[code, "value_kind"] == "yes_no":
        value = phrase.yes_no(latest["actual"], lang)
    else:
        value = fmt.number(latest["actual"], lang)
    value_note = ""
    if qualifier:
        value = f"{QUALIFIER_SIGN.get(qualifier, '')} {value}".strip()
        value_note = phrase.number(phrase.Figure(latest["actual"], unit, qualifier), lang)
    change_label, change = _change(data, code, area, int(latest["year"]), unit, lang)
    return value, str(int(latest["year"])), value_note, change_label, change


def _judgement(rows: pd.DataFrame, lang: Lang) -> tuple[str, str, bool, bool]:
    """A card's status, its %, whether it is the report's own %, and whether its target is implied."""
    row = _best_row(rows)
    if row is None:
        return NO_TARGET, fmt.MISSING, False, False
    reported_basis = bool(row["status_basis"] == "reported") or row.get("attainment_basis") == "printed"
    shown = row["reported_pct"] if reported_basis else row["attainment_pct"]
    implied = str(row.get("target_basis", "")) == "implied"
    return str(row["status"]), fmt.percent(shown, lang), reported_basis, implied


def cards(
    data: Dataset,
    rows: pd.DataFrame,
    codes: tuple[str, ...] | list[str],
    lang: Lang,
    area: str | None,
    period: str | None,
) -> list[Card]:
    """Cards for the given indicators that exist in the data, in the order given."""
    info = indicator_info(data, lang)
    kinds = data.indicators.set_index("code")["value_kind"]
    lv = levels(data.observations)
    first, last = period_years(period) if period else (-(10**6), 10**6)
    out = []
    for code in codes:
        if code not in info.index:
            continue
        mine = lv[(lv["code"] == code) & (lv["year"] >= first) & (lv["year"] <= last)]
        if area is not None:
            mine = mine[mine["area"] == area]
        unit = str(info.at[code, "unit"])
        value, year, value_note, change_label, change = _figure(data, mine, code, unit, area, lang)
        status, pct, reported_basis, implied = _judgement(rows[rows["code"] == code], lang)
        estimate = not mine.empty and str(mine.sort_values("year")["actual_kind"].iloc[-1]) == "estimate"
        latest = mine.sort_values("year").iloc[-1] if not mine.empty else None
        unstated = latest is not None and bool(latest.get("period_unstated", False))
        # The note entered with an estimate is in Vietnamese: an English card says what an estimate is.
        note = _estimate_note(data, code, area, mine) if estimate and lang == "vi" else ""
        kind = str(kinds.get(code, ""))
        latest = mine.sort_values("year").iloc[-1] if not mine.empty else None
        pending = latest is not None and data.pending.holds(code, latest["area"], latest["year"])
        out.append(
            Card(
                code=code,
                name=str(info.at[code, "name"]),
                value=value,
                unit=unit,
                year=year,
                target_pct=pct,
                status=status,
                status_label=status_text(status, lang),
                change_label=change_label,
                change=change,
                reported_basis=reported_basis,
                value_note=value_note,
                estimate=estimate,
                estimate_note=note,
                implied_target=implied,
                period_label=period_label(year, kind, lang, unstated),
                pending=pending,
            )
        )
    return out


def period_label(year: str, value_kind: str, lang: Lang, unstated: bool = False) -> str:
    """When a card's figure is from: "Năm 2020"; a sum over a term says its years, never one year's;
    `unstated`: the source gives no year, so the term is said ("Giai đoạn 2015–2020, …")."""
    if not year:
        return ""
    if unstated:
        words = phrase.unstated_words(phrase.Figure(None, period=int(year), period_unstated=True), lang)
        return words[:1].upper() + words[1:]
    period = phrase.period_of(int(year), value_kind)
    if isinstance(period, tuple):
        words = phrase.period_words(phrase.Figure(None, period=period), lang)
        return words[:1].upper() + words[1:]
    return t("card.year", lang).format(y=year)


def kind_label(group: KindCount, lang: Lang) -> str:
    """The name of a kind of target as a page says it: "Nghị quyết", "Kế hoạch năm 2019"."""
    return t(f"overview.kind.{group.kind}", lang).format(y=group.plan_year)


def bases(rows: pd.DataFrame) -> dict[str, int]:
    """How many rows with a target rest on a stated target and how many on one implied by a printed %."""
    counts = rows["target_basis"].astype(str).value_counts() if "target_basis" in rows else pd.Series()
    return {basis: int(counts.get(basis, 0)) for basis in ("stated", "implied")}


def counted(n: int, noun_key: str, lang: Lang) -> str:
    """A count and its noun in the reader's language: "1 row", "13 rows", "13 dòng"."""
    return fmt.join_unit(fmt.number(n, lang), t(noun_key, lang))


def bases_line(rows: pd.DataFrame, lang: Lang) -> str:
    """How many rows rest on a stated target and how many on an implied one: "1 row …, 13 rows …"."""
    shown = {basis: counted(n, "overview.rows", lang) for basis, n in bases(rows).items()}
    return t("overview.bases", lang).format(**shown)


def unjudged_line(n: int, lang: Lang) -> str:
    """How many targets have no actual figure yet: "1 target without …", "3 chỉ tiêu chưa có …"."""
    return t("empty.unjudged", lang).format(n=counted(n, "overview.targets", lang))


def tally_title(groups: list[KindCount], lang: Lang) -> str:
    """The finding a tally by kind gives, as a chart title: never one sum over two kinds of target."""
    judged = [g for g in groups if g.judged]
    # One bar says its own finding; "1 of 1 targets" would only repeat it, badly.
    if sum(g.judged for g in judged) < 2:
        return ""
    if len(judged) == 1:
        good, n = judged[0].good, judged[0].judged
        key = "chart.finding_all" if good == n else "chart.finding_some"
        return t(key, lang).format(good=fmt.number(good, lang), n=fmt.number(n, lang))
    if all(g.good == g.judged for g in judged):
        return t("chart.finding_all_kinds", lang).format(k=fmt.number(len(judged), lang))
    clauses = [
        t("chart.finding_kind", lang).format(
            kind=kind_label(g, lang), bad=fmt.number(g.judged - g.good, lang), n=fmt.number(g.judged, lang)
        )
        for g in judged
        if g.good < g.judged
    ]
    return t("chart.finding_some_kinds", lang).format(clauses="; ".join(clauses))
