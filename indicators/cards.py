"""The indicator cards and the tally of results: one indicator, or one term, at a glance."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators import fmt
from indicators.attainment import levels
from indicators.fmt import Lang
from indicators.i18n import t
from indicators.labels import NO_TARGET, QUALIFIER_SIGN, indicator_info, status_text, value_text
from indicators.model import Dataset, ObsKind, Status
from indicators.page_settings import CHANGE_BASE_YEAR
from indicators.selection import period_years

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
    change = mine[mine["kind"] == ObsKind.CHANGE.value]
    if not change.empty:
        value = fmt.signed(change["value"].iloc[0], lang)
        return t("card.change", lang).format(y=CHANGE_BASE_YEAR), fmt.join_unit(value, unit)
    per_year = mine[mine["kind"] == ObsKind.CHANGE_PER_YEAR.value]
    if not per_year.empty:
        value = fmt.signed(per_year["value"].iloc[0], lang)
        return t("card.change_per_year", lang).format(y=CHANGE_BASE_YEAR), fmt.join_unit(value, unit)
    return t("card.change", lang).format(y=CHANGE_BASE_YEAR), fmt.MISSING


def _figure(
    data: Dataset, mine: pd.DataFrame, code: str, unit: str, area: str | None, lang: Lang
) -> tuple[str, str, str, str, str]:
    """The latest figure of a card: value, year, the report's qualified words, change label, change."""
    if mine.empty:
        return fmt.MISSING, "", "", t("card.change", lang).format(y=CHANGE_BASE_YEAR), fmt.MISSING
    latest = mine.sort_values("year").iloc[-1]
    qualifier = str(latest["qualifier"])
    value, value_note = fmt.number(latest["actual"], lang), ""
    if qualifier:
        value = f"{QUALIFIER_SIGN.get(qualifier, '')} {value}".strip()
        value_note = fmt.join_unit(value_text(latest["actual"], qualifier, lang), unit)
    change_label, change = _change(data, code, area, int(latest["year"]), unit, lang)
    return value, str(int(latest["year"])), value_note, change_label, change


def _judgement(rows: pd.DataFrame, lang: Lang) -> tuple[str, str, bool]:
    """A card's status, its % (the report's own where that is the basis) and whether it is the report's."""
    row = _best_row(rows)
    if row is None:
        return NO_TARGET, fmt.MISSING, False
    reported_basis = bool(row["status_basis"] == "reported")
    shown = row["reported_pct"] if reported_basis else row["attainment_pct"]
    return str(row["status"]), fmt.percent(shown, lang), reported_basis


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
        status, pct, reported_basis = _judgement(rows[rows["code"] == code], lang)
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
            )
        )
    return out


def tally(rows: pd.DataFrame) -> dict[str, int]:
    """How many targets are exceeded, met, not met and not yet judged."""
    counts = rows["status"].value_counts()
    return {s.value: int(counts.get(s.value, 0)) for s in Status}
