"""The tables beside the charts: results, goals, one indicator's figures and targets; numbers stay numbers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators import fmt
from indicators.attainment import levels
from indicators.fmt import Lang
from indicators.i18n import t
from indicators.labels import (
    NO_TARGET,
    QUALIFIER_SIGN,
    indicator_info,
    progress_text,
    status_text,
    term_label,
    value_text,
)
from indicators.model import Dataset, ObsKind
from indicators.page_settings import CHANGE_BASE_YEAR
from indicators.selection import period_years

PROGRESS_ORDER: tuple[str, ...] = ("achieved", "on_track", "moderate", "limited", "moving_away", "no_data")


def attainment_view(data: Dataset, rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Attainment rows with what a reader sees: name, unit, the % drawn, and texts for hover and table."""
    info = indicator_info(data, lang)
    out = rows.copy()
    out["label"] = out["code"].map(info["name"]).fillna(out["code"])
    out["unit_text"] = out["code"].map(info["unit"]).fillna("")
    duplicated = out["code"].duplicated(keep=False)
    suffix = [f" ({t(f'kind.{k}', lang)} {y})" for k, y in zip(out["target_kind"], out["year"], strict=True)]
    out["label"] = np.where(duplicated, out["label"] + pd.Series(suffix, index=out.index), out["label"])
    reported_basis = out["status_basis"] == "reported"
    out["shown_pct"] = out["attainment_pct"].where(~reported_basis, out["reported_pct"])
    return out


def results_table(
    data: Dataset, rows: pd.DataFrame, codes: list[str], lang: Lang, area: str | None, period: str | None
) -> pd.DataFrame:
    """One row per indicator and target: latest figure, change since 2015, target, % and status.

    Numbers stay numbers (Excel gets them as such); the page formats them for reading.
    """
    info = indicator_info(data, lang)
    lv = levels(data.observations)
    first, last = period_years(period) if period else (-(10**6), 10**6)
    records = []
    for code in codes:
        mine = lv[(lv["code"] == code) & (lv["year"] >= first) & (lv["year"] <= last)]
        if area is not None:
            mine = mine[mine["area"] == area]
        latest = mine.sort_values("year").iloc[-1] if not mine.empty else None
        change = np.nan
        if latest is not None:
            obs = data.observations
            stated = obs[
                (obs["code"] == code)
                & (obs["area"] == latest["area"])
                & (obs["year"] == latest["year"])
                & (obs["kind"] == ObsKind.CHANGE.value)
                & (obs["base_year"] == CHANGE_BASE_YEAR)
            ]
            change = float(stated["value"].iloc[0]) if not stated.empty else np.nan
        base = {
            t("col.indicator", lang): info.at[code, "name"],
            t("col.unit", lang): info.at[code, "unit"],
            t("col.year", lang): str(int(latest["year"])) if latest is not None else "",
            t("col.actual", lang): float(latest["actual"]) if latest is not None else np.nan,
            t("col.change", lang): change,
        }
        note = (
            t(f"qualifier.{latest['qualifier']}", lang) if latest is not None and latest["qualifier"] else ""
        )
        targets = rows[rows["code"] == code]
        if targets.empty:
            records.append(
                {
                    **base,
                    t("col.term", lang): "",
                    t("col.kind", lang): "",
                    t("col.target", lang): np.nan,
                    t("col.pct", lang): np.nan,
                    t("col.reported", lang): np.nan,
                    t("col.status", lang): status_text(NO_TARGET, lang),
                    t("col.note", lang): note,
                }
            )
            continue
        for _, row in targets.iterrows():
            derived = t("col.derived", lang).lower() if row["target_derived"] else ""
            # A target row shows its own year's actual; "reduce by N a year" compares yearly reductions.
            reduce = t("cmp.reduce_by", lang) if row["comparator"] == "reduce_by" else ""
            records.append(
                {
                    **base,
                    t("col.year", lang): str(int(row["year"])),
                    t("col.actual", lang): row["actual"],
                    t("col.change", lang): change
                    if latest is not None and latest["year"] == row["year"]
                    else np.nan,
                    t("col.term", lang): term_label(str(row["period"]), lang),
                    t("col.kind", lang): t(f"kind.{row['target_kind']}", lang),
                    t("col.target", lang): row["target"],
                    t("col.pct", lang): row["attainment_pct"],
                    t("col.reported", lang): row["reported_pct"],
                    t("col.status", lang): status_text(str(row["status"]), lang),
                    t("col.note", lang): "; ".join(x for x in (note, reduce, derived) if x),
                }
            )
    return pd.DataFrame.from_records(records)


def results_summary(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The results table for reading on any screen: five columns, numbers already in words.

    Name with its unit, the actual, the target with who set it, the % (computed, else the
    report's, marked), and the status; the Excel file keeps every column of `table`.
    """
    col = {
        c: t(f"col.{c}", lang)
        for c in ("indicator", "unit", "actual", "kind", "target", "pct", "reported", "status", "note")
    }
    if table.empty:
        return pd.DataFrame(
            columns=[col["indicator"], col["actual"], col["target"], col["pct"], col["status"]]
        )
    names = [
        f"{n} ({u})" if u else str(n)
        for n, u in zip(table[col["indicator"]], table[col["unit"]], strict=True)
    ]
    # The note column holds this module's own words: the report's qualifier, "derived target".
    notes = [str(n).split("; ") for n in table[col["note"]]]
    derived = t("col.derived", lang).lower()
    actuals = []
    for value, note in zip(table[col["actual"]], notes, strict=True):
        qualifier = next((q for q in QUALIFIER_SIGN if t(f"qualifier.{q}", lang) in note), "")
        actuals.append(value_text(value, qualifier, lang))
    targets = []
    for value, kind, note in zip(table[col["target"]], table[col["kind"]], notes, strict=True):
        who = ", ".join(x for x in (kind, derived if derived in note else "") if x)
        targets.append(
            fmt.MISSING
            if fmt.is_missing(value)
            else f"{fmt.number(value, lang)} ({who})"
            if who
            else fmt.number(value, lang)
        )
    shares = []
    for pct, reported in zip(table[col["pct"]], table[col["reported"]], strict=True):
        if not fmt.is_missing(pct):
            shares.append(fmt.percent(pct, lang))
        elif not fmt.is_missing(reported):
            shares.append(f"{fmt.percent(reported, lang)} ({t('status.reported_basis', lang)})")
        else:
            shares.append(fmt.MISSING)
    return pd.DataFrame(
        {
            col["indicator"]: names,
            col["actual"]: actuals,
            col["target"]: targets,
            col["pct"]: shares,
            col["status"]: table[col["status"]].to_numpy(),
        }
    )


def goal_text(data: Dataset, goal: pd.Series, unit: str, lang: Lang) -> str:
    """A goal as the report states it: "600.000 lượt khách", "≤ 27,6 %", "giảm mỗi năm 2 % (→ 8,22 %)"."""
    targets = data.targets
    stated = targets[
        (targets["code"] == goal["code"])
        & (targets["area"] == goal["area"])
        & (targets["year"] == goal["goal_year"])
    ]
    stated_value = stated["value"].iloc[0] if not stated.empty else goal["goal_value"]
    if goal["comparator"] == "reduce_by":
        text = f"{t('cmp.reduce_by', lang)} {fmt.join_unit(fmt.number(stated_value, lang), unit)}"
        if not fmt.is_missing(goal["goal_value"]):
            text += f" (→ {fmt.join_unit(fmt.number(goal['goal_value'], lang), unit)})"
        return text
    value = fmt.join_unit(fmt.number(stated_value, lang), unit)
    if goal["comparator"] == "at_most" and value != fmt.MISSING:
        return f"≤ {value}"
    return value


def goal_groups(data: Dataset, goals: pd.DataFrame, lang: Lang) -> list[tuple[str, list[tuple[str, str]]]]:
    """The goals grouped by progress status, best first: (status, [(name, goal as stated)])."""
    info = indicator_info(data, lang)
    out = []
    for status in PROGRESS_ORDER:
        subset = goals[goals["status"] == status]
        if subset.empty:
            continue
        items = []
        for _, goal in subset.iterrows():
            code = str(goal["code"])
            items.append(
                (
                    str(info["name"].get(code, code)),
                    goal_text(data, goal, str(info["unit"].get(code, "")), lang),
                )
            )
        out.append((status, items))
    return out


def goals_table(data: Dataset, progress_rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Required and observed growth per goal, with the progress status and why it is unknown."""
    info = indicator_info(data, lang)
    records = []
    for _, goal in progress_rows.iterrows():
        code = str(goal["code"])
        unit = str(info["unit"].get(code, ""))
        reason = str(goal["reason"])
        records.append(
            {
                t("col.indicator", lang): str(info["name"].get(code, code)),
                t("col.unit", lang): unit,
                t("col.base", lang): str(int(goal["base_year"])),
                t("col.base_value", lang): goal["base_value"],
                t("col.goal_year", lang): str(int(goal["goal_year"])),
                t("col.goal", lang): goal_text(data, goal, unit, lang),
                t("col.goal_value", lang): goal["goal_value"],
                t("col.latest_year", lang): ""
                if pd.isna(goal["latest_year"])
                else str(int(goal["latest_year"])),
                t("col.latest", lang): goal["latest_value"],
                t("col.required_growth", lang): goal["required_growth_pct"],
                t("col.observed_growth", lang): goal["observed_growth_pct"],
                t("col.required_change", lang): goal["required_change_per_year"],
                t("col.observed_change", lang): goal["observed_change_per_year"],
                t("col.ratio", lang): goal["ratio"],
                t("col.progress", lang): progress_text(str(goal["status"]), lang),
                t("col.note", lang): t(f"reason.{reason}", lang) if reason else "",
            }
        )
    return pd.DataFrame.from_records(records)


def _with_year(text: str, year: object) -> str:
    return text if fmt.is_missing(year) or text == fmt.MISSING else f"{text} ({int(year)})"  # type: ignore[call-overload]


def _rate(goal: pd.Series, kind: str, unit: str, lang: Lang) -> str:
    """A yearly pace: growth "+8,45 %/năm" for compound goals, a change "−2 %/năm" for straight-line ones."""
    per_year = t("unit.per_year", lang)
    if goal["method"] == "linear":
        change = goal[f"{kind}_change_per_year"]
        return (
            fmt.MISSING
            if fmt.is_missing(change)
            else f"{fmt.join_unit(fmt.signed(change, lang), unit)}/{per_year}"
        )
    growth = goal[f"{kind}_growth_pct"]
    return fmt.MISSING if fmt.is_missing(growth) else f"{fmt.signed(growth, lang, 2)}\u202f%/{per_year}"


def goals_summary(data: Dataset, progress_rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The goals table for reading on any screen: a few columns, figures already in words and numbers."""
    info = indicator_info(data, lang)
    records = []
    for _, goal in progress_rows.iterrows():
        code = str(goal["code"])
        unit = str(info["unit"].get(code, ""))
        name = str(info["name"].get(code, code))
        reason = str(goal["reason"])
        records.append(
            {
                t("col.indicator", lang): f"{name} ({unit})" if unit else name,
                t("col.base", lang): _with_year(fmt.number(goal["base_value"], lang), goal["base_year"]),
                t("col.goal", lang): _with_year(goal_text(data, goal, unit, lang), goal["goal_year"]),
                t("col.latest", lang): _with_year(
                    fmt.number(goal["latest_value"], lang), goal["latest_year"]
                ),
                t("col.required_pace", lang): _rate(goal, "required", unit, lang),
                t("col.observed_pace", lang): _rate(goal, "observed", unit, lang),
                # Why a status is unknown goes with it: one column fewer on a phone.
                t("col.progress", lang): progress_text(str(goal["status"]), lang)
                + (f" ({t(f'reason.{reason}', lang)})" if reason else ""),
            }
        )
    return pd.DataFrame.from_records(records)


def observations_table(data: Dataset, code: str, lang: Lang, area: str | None) -> pd.DataFrame:
    """Every figure of one indicator: year, kind, value, qualifier, section and quote."""
    obs = data.observations[data.observations["code"] == code]
    if area is not None:
        obs = obs[obs["area"] == area]
    records = []
    for _, row in obs.sort_values(["year", "kind"]).iterrows():
        kind = str(row["kind"])
        base = "" if pd.isna(row["base_year"]) else int(row["base_year"])
        records.append(
            {
                t("col.year", lang): str(int(row["year"])),
                t("col.obs_kind", lang): t(f"obs.{kind}", lang).format(y=base),
                t("col.value", lang): row["value"],
                t("col.note", lang): t(f"qualifier.{row['qualifier']}", lang) if row["qualifier"] else "",
                t("col.section", lang): row["section"],
                t("col.quote", lang): row["quote"],
            }
        )
    return pd.DataFrame.from_records(records)


def targets_table(data: Dataset, code: str, lang: Lang, area: str | None) -> pd.DataFrame:
    """Every target of one indicator: term, kind, comparison, value, whether derived, and quote."""
    targets = data.targets[data.targets["code"] == code]
    if area is not None:
        targets = targets[targets["area"] == area]
    records = []
    for _, row in targets.sort_values(["year", "target_kind"]).iterrows():
        records.append(
            {
                t("col.term", lang): term_label(str(row["term"]) or str(row["year"]), lang),
                t("col.kind", lang): t(f"kind.{row['target_kind']}", lang),
                t("col.comparator", lang): t(f"cmp.{row['comparator']}", lang),
                t("col.target", lang): row["value"],
                t("col.derived", lang): t("yes", lang) if row["derived"] else t("no", lang),
                t("col.section", lang): row["section"],
                t("col.quote", lang): row["quote"],
            }
        )
    return pd.DataFrame.from_records(records)


def attainment_table(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The computed % beside the report's own, with the difference in points."""
    records = []
    for _, row in rows.iterrows():
        records.append(
            {
                t("col.term", lang): term_label(str(row["period"]), lang),
                t("col.kind", lang): t(f"kind.{row['target_kind']}", lang),
                t("col.actual", lang): row["actual"],
                t("col.target", lang): row["target"],
                t("col.pct", lang): row["attainment_pct"],
                t("col.reported", lang): row["reported_pct"],
                t("col.difference", lang): row["difference_pts"],
                t("col.status", lang): status_text(str(row["status"]), lang),
            }
        )
    return pd.DataFrame.from_records(records)


def quotes(data: Dataset, code: str, area: str | None) -> pd.DataFrame:
    """The report's sentences an indicator's figures come from: section and quote, each once."""
    frames = [data.observations, data.targets, data.reported]
    parts = []
    for frame in frames:
        mine = frame[frame["code"] == code]
        if area is not None:
            mine = mine[mine["area"] == area]
        parts.append(mine[["section", "quote"]])
    found = pd.concat(parts, ignore_index=True)
    found = found[found["quote"].astype(str).str.strip() != ""]
    return found.drop_duplicates().reset_index(drop=True)
