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


def headers(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The one place column ids become headers in the reader's language: "actual" → "Thực hiện"."""
    return frame.rename(columns=lambda column: t(f"col.{column}", lang))


# What `results` returns: one row per indicator and target, codes kept as codes.
RESULT_COLUMNS: tuple[str, ...] = (
    "code",
    "indicator",
    "unit",
    "year",
    "actual",
    "qualifier",
    "change",
    "period",
    "target_kind",
    "target",
    "derived",
    "comparator",
    "pct",
    "reported",
    "status",
)
_LEVEL_KEY = ["code", "area", "year"]


def _latest(lv: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    """Each indicator's latest level among `lv`, with the change since 2015 stated for that year."""
    latest = lv.sort_values("year", kind="stable").drop_duplicates("code", keep="last")
    stated = observations[
        (observations["kind"] == ObsKind.CHANGE.value) & (observations["base_year"] == CHANGE_BASE_YEAR)
    ]
    stated = stated.drop_duplicates(_LEVEL_KEY)[[*_LEVEL_KEY, "value"]].rename(columns={"value": "change"})
    latest = latest[[*_LEVEL_KEY, "actual", "qualifier"]].merge(stated, on=_LEVEL_KEY, how="left")
    return latest.set_index("code")


def _target_rows(targets: pd.DataFrame, lv: pd.DataFrame, latest: pd.DataFrame) -> pd.DataFrame:
    """One row per target: its own year's actual and qualifier; the stated change only in the latest year."""
    qualifiers = lv[[*_LEVEL_KEY, "qualifier"]].drop_duplicates(_LEVEL_KEY)
    qualifier = targets[_LEVEL_KEY].merge(qualifiers, on=_LEVEL_KEY, how="left")["qualifier"]
    same_year = targets["code"].map(latest["year"]).to_numpy() == targets["year"].to_numpy()
    change = np.where(same_year, targets["code"].map(latest["change"]).to_numpy(dtype=float), np.nan)
    return pd.DataFrame(
        {
            "code": targets["code"].to_numpy(),
            "year": targets["year"].astype(int).astype(str).to_numpy(),
            "actual": targets["actual"].to_numpy(dtype=float),
            "qualifier": qualifier.fillna("").to_numpy(),
            "change": change,
            "period": targets["period"].to_numpy(),
            "target_kind": targets["target_kind"].to_numpy(),
            "target": targets["target"].to_numpy(dtype=float),
            "derived": targets["target_derived"].to_numpy(dtype=bool),
            "comparator": targets["comparator"].astype(str).to_numpy(),
            "pct": targets["attainment_pct"].to_numpy(dtype=float),
            "reported": targets["reported_pct"].to_numpy(dtype=float),
            "status": targets["status"].astype(str).to_numpy(),
        }
    )


def _untargeted_rows(codes: list[str], latest: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator without a target in the term: its latest figure, "no target"."""
    mine = latest.reindex(codes)
    known = mine["year"].notna()
    return pd.DataFrame(
        {
            "code": codes,
            "year": np.where(known, mine["year"].fillna(0).astype(int).astype(str), ""),
            "actual": mine["actual"].to_numpy(dtype=float),
            "qualifier": mine["qualifier"].fillna("").to_numpy(),
            "change": mine["change"].to_numpy(dtype=float),
            "period": "",
            "target_kind": "",
            "target": np.nan,
            "derived": False,
            "comparator": "",
            "pct": np.nan,
            "reported": np.nan,
            "status": NO_TARGET,
        }
    )


def results(
    data: Dataset, rows: pd.DataFrame, codes: list[str], lang: Lang, area: str | None, period: str | None
) -> pd.DataFrame:
    """One row per indicator and target (RESULT_COLUMNS), indicators in the order of `codes`.

    An indicator without a target in the term gets one row with its latest figure and status
    "no_target". Numbers stay numbers and codes stay codes (qualifier, target kind, comparator,
    status): `results_table` and `results_summary` put them into words.
    """
    info = indicator_info(data, lang)
    first, last = period_years(period) if period else (-(10**6), 10**6)
    lv = levels(data.observations)
    lv = lv[lv["code"].isin(codes) & (lv["year"] >= first) & (lv["year"] <= last)]
    if area is not None:
        lv = lv[lv["area"] == area]
    latest = _latest(lv, data.observations)
    targets = rows[rows["code"].isin(codes)]
    untargeted = [c for c in codes if c not in set(targets["code"])]
    found = pd.concat(
        [_target_rows(targets, lv, latest), _untargeted_rows(untargeted, latest)], ignore_index=True
    )
    # Indicators in the order asked for; an indicator's targets in the order of `rows`.
    order = {code: i for i, code in enumerate(codes)}
    found = found.iloc[np.argsort(found["code"].map(order).to_numpy(), kind="stable")]
    found["indicator"] = found["code"].map(info["name"]).to_numpy()
    found["unit"] = found["code"].map(info["unit"]).to_numpy()
    return found[list(RESULT_COLUMNS)].reset_index(drop=True)


def _note(qualifier: str, comparator: str, derived: bool, lang: Lang) -> str:
    """The report's qualifier, "reduce a year by" and "derived target", as words joined by "; "."""
    words = (
        t(f"qualifier.{qualifier}", lang) if qualifier else "",
        t("cmp.reduce_by", lang) if comparator == "reduce_by" else "",
        t("col.derived", lang).lower() if derived else "",
    )
    return "; ".join(w for w in words if w)


def results_table(found: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Every column of `results` for Excel and full reading: numbers stay numbers, codes become words."""
    return pd.DataFrame(
        {
            "indicator": found["indicator"].to_numpy(),
            "unit": found["unit"].to_numpy(),
            "year": found["year"].to_numpy(),
            "actual": found["actual"].to_numpy(dtype=float),
            "change": found["change"].to_numpy(dtype=float),
            "term": [term_label(p, lang) if p else "" for p in found["period"]],
            "kind": [t(f"kind.{k}", lang) if k else "" for k in found["target_kind"]],
            "target": found["target"].to_numpy(dtype=float),
            "pct": found["pct"].to_numpy(dtype=float),
            "reported": found["reported"].to_numpy(dtype=float),
            "status": [status_text(s, lang) for s in found["status"]],
            "note": [
                _note(q, c, bool(d), lang)
                for q, c, d in zip(found["qualifier"], found["comparator"], found["derived"], strict=True)
            ],
        }
    )


def _target_text(value: object, kind: str, derived: bool, lang: Lang) -> str:
    """A target with who set it: "2.120 (Nghị quyết, chỉ tiêu suy ra)"."""
    if fmt.is_missing(value):
        return fmt.MISSING
    who = ", ".join(
        x
        for x in (t(f"kind.{kind}", lang) if kind else "", t("col.derived", lang).lower() if derived else "")
        if x
    )
    return f"{fmt.number(value, lang)} ({who})" if who else fmt.number(value, lang)


def _share_text(pct: object, reported: object, lang: Lang) -> str:
    """The computed %, else the report's own marked as such, else "—"."""
    if not fmt.is_missing(pct):
        return fmt.percent(pct, lang)
    if not fmt.is_missing(reported):
        return f"{fmt.percent(reported, lang)} ({t('status.reported_basis', lang)})"
    return fmt.MISSING


def results_summary(found: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The results for reading on any screen: five columns, numbers already in words.

    Name with its unit, the actual, the target with who set it, the % (computed, else the
    report's, marked), and the status; the Excel file keeps every column of `results_table`.
    """
    return pd.DataFrame(
        {
            "indicator": [
                f"{n} ({u})" if u else str(n) for n, u in zip(found["indicator"], found["unit"], strict=True)
            ],
            "actual": [
                value_text(v, q, lang) for v, q in zip(found["actual"], found["qualifier"], strict=True)
            ],
            "target": [
                _target_text(v, k, bool(d), lang)
                for v, k, d in zip(found["target"], found["target_kind"], found["derived"], strict=True)
            ],
            "pct": [_share_text(p, r, lang) for p, r in zip(found["pct"], found["reported"], strict=True)],
            "status": [status_text(s, lang) for s in found["status"]],
        },
        columns=["indicator", "actual", "target", "pct", "status"],
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
                "indicator": str(info["name"].get(code, code)),
                "unit": unit,
                "base": str(int(goal["base_year"])),
                "base_value": goal["base_value"],
                "goal_year": str(int(goal["goal_year"])),
                "goal": goal_text(data, goal, unit, lang),
                "goal_value": goal["goal_value"],
                "latest_year": "" if pd.isna(goal["latest_year"]) else str(int(goal["latest_year"])),
                "latest": goal["latest_value"],
                "required_growth": goal["required_growth_pct"],
                "observed_growth": goal["observed_growth_pct"],
                "required_change": goal["required_change_per_year"],
                "observed_change": goal["observed_change_per_year"],
                "ratio": goal["ratio"],
                "progress": progress_text(str(goal["status"]), lang),
                "note": t(f"reason.{reason}", lang) if reason else "",
            }
        )
    return pd.DataFrame.from_records(records)


def _with_year(text: str, year: float | None) -> str:
    """ "300.000 (2020)": a figure with its year, when both are there."""
    return text if year is None or fmt.is_missing(year) or text == fmt.MISSING else f"{text} ({int(year)})"


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
                "indicator": f"{name} ({unit})" if unit else name,
                "base": _with_year(fmt.number(goal["base_value"], lang), goal["base_year"]),
                "goal": _with_year(goal_text(data, goal, unit, lang), goal["goal_year"]),
                "latest": _with_year(fmt.number(goal["latest_value"], lang), goal["latest_year"]),
                "required_pace": _rate(goal, "required", unit, lang),
                "observed_pace": _rate(goal, "observed", unit, lang),
                # Why a status is unknown goes with it: one column fewer on a phone.
                "progress": progress_text(str(goal["status"]), lang)
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
                "year": str(int(row["year"])),
                "obs_kind": t(f"obs.{kind}", lang).format(y=base),
                "value": row["value"],
                "note": t(f"qualifier.{row['qualifier']}", lang) if row["qualifier"] else "",
                "section": row["section"],
                "quote": row["quote"],
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
                "term": term_label(str(row["term"]) or str(row["year"]), lang),
                "kind": t(f"kind.{row['target_kind']}", lang),
                "comparator": t(f"cmp.{row['comparator']}", lang),
                "target": row["value"],
                "derived": t("yes", lang) if row["derived"] else t("no", lang),
                "section": row["section"],
                "quote": row["quote"],
            }
        )
    return pd.DataFrame.from_records(records)


def attainment_table(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The computed % beside the report's own, with the difference in points."""
    records = []
    for _, row in rows.iterrows():
        records.append(
            {
                "term": term_label(str(row["period"]), lang),
                "kind": t(f"kind.{row['target_kind']}", lang),
                "actual": row["actual"],
                "target": row["target"],
                "pct": row["attainment_pct"],
                "reported": row["reported_pct"],
                "difference": row["difference_pts"],
                "status": status_text(str(row["status"]), lang),
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
