"""The tables beside the charts: results, goals, one indicator's figures and targets; numbers stay numbers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from indicators.core.attainment import levels, stated_changes
from indicators.core.model import Dataset, ObsKind, Pending, TargetKind
from indicators.core.page_settings import CHANGE_BASE_YEAR
from indicators.core.selection import period_years
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from indicators.text.labels import (
    NO_TARGET,
    goal_status_text,
    indicator_info,
    row_unit,
    status_text,
    term_label,
)


def attainment_view(data: Dataset, rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Attainment rows with what a reader sees: name, unit, the % drawn, and texts for hover and table."""
    info = indicator_info(data, lang)
    out = rows.copy()
    out["label"] = out["code"].map(info["name"]).fillna(out["code"])
    out["unit_text"] = out["code"].map(info["unit"]).fillna("")
    duplicated = out["code"].duplicated(keep=False)
    suffix = [f" ({t(f'kind.{k}', lang)} {y})" for k, y in zip(out["target_kind"], out["year"], strict=True)]
    out["label"] = np.where(duplicated, out["label"] + pd.Series(suffix, index=out.index), out["label"])
    if "pending" in out:
        # A bar of a figure not yet approved says so on its own label (and so in its hover): in words.
        marks = [
            phrase.Figure(a, pending=bool(p)) for a, p in zip(out["actual"], out["pending"], strict=True)
        ]
        out["label"] = [
            phrase.with_pending_mark(x, f, lang) for x, f in zip(out["label"], marks, strict=True)
        ]
    reported_basis = out["status_basis"] == "reported"
    # The % drawn is no more precise than the % the report printed (the báo cáo prints the same).
    pairs = zip(out["attainment_pct"], out["reported_pct"], strict=True)
    printed = [fmt.pct_as_printed(a, r) for a, r in pairs]
    out["shown_pct"] = pd.Series(printed, index=out.index, dtype="float64").where(
        ~reported_basis, out["reported_pct"]
    )
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
    "actual_kind",
    "target_basis",
    "pct_basis",
    "yearly",
    "target_qualifier",
    "level_unit",
    "value_kind",
)
_LEVEL_KEY = ["code", "area", "year"]


def _latest(lv: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    """Each indicator's latest level among `lv`, with the change since 2015 stated for that year."""
    latest = lv.sort_values("year", kind="stable").drop_duplicates("code", keep="last")
    stated = stated_changes(observations)
    stated = stated[stated["base_year"] == CHANGE_BASE_YEAR]
    stated = stated.drop_duplicates(_LEVEL_KEY)[[*_LEVEL_KEY, "value"]].rename(columns={"value": "change"})
    columns = [*_LEVEL_KEY, "actual", "qualifier", "actual_kind"]
    latest = latest[columns].merge(stated, on=_LEVEL_KEY, how="left")
    latest["actual_kind"] = np.where(latest["actual_kind"] == ObsKind.ESTIMATE.value, "estimate", "official")
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
            "actual_kind": targets["actual_kind"].astype(str).to_numpy(),
            "target_basis": targets["target_basis"].astype(str).to_numpy(),
            "pct_basis": targets["attainment_basis"].astype(str).to_numpy(),
            "yearly": targets["yearly"].to_numpy(dtype=bool),
            # The target's own qualifier ("trên 4.220"), where the engine carries one: phrase says it.
            "target_qualifier": targets.get("target_qualifier", pd.Series("", index=targets.index))
            .fillna("")
            .to_numpy(),
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
            "actual_kind": np.where(known, mine["actual_kind"].fillna("").astype(str), ""),
            "target_basis": "none",
            "pct_basis": "none",
            "yearly": False,
            "target_qualifier": "",
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
    units = found["code"].map(info["unit"]).fillna("")
    found["level_unit"] = units.to_numpy()
    found["value_kind"] = (
        found["code"].map(data.indicators.set_index("code")["value_kind"]).fillna("").to_numpy()
    )
    # A "reduce by" row's actual and target are falls a year, in points: never the rate's own "%".
    found["unit"] = [row_unit(r, u, lang) for (_, r), u in zip(found.iterrows(), units, strict=True)]
    # An implied target is never more precise than the printed % it was worked back from.
    found["target"] = [
        _implied_rounded(r) if r["target_basis"] == "implied" else r["target"] for _, r in found.iterrows()
    ]
    out = found[list(RESULT_COLUMNS)].fillna({"target_qualifier": ""}).reset_index(drop=True)
    if data.pending.sendings:
        # Where the reader sees figures not yet approved: which rows' actual is one (or a total holding one).
        where = found["area"].tolist() if "area" in found else [area] * len(found)
        keys = zip(found["code"], where, found["year"], strict=True)
        out["pending"] = [data.pending.holds(c, a, y) for c, a, y in keys]
    return out


def _implied_rounded(row: pd.Series) -> float:
    """An implied target rounded to what its printed % supports (7.037,9 → 7.038): phrase's one rule."""
    return phrase.shown_value(phrase.Figure(row["target"], basis="implied", printed_pct=row["reported"]))


def _actual_figure(row: Mapping[str, Any], unit: str) -> phrase.Figure:
    """A row's actual as phrase reads it: qualifier, estimate, yes/no, and a term's sum over its years."""
    kind, year = str(row["value_kind"]), str(row["year"])
    return phrase.Figure(
        row["actual"],
        unit,
        str(row["qualifier"]),
        estimate=str(row["actual_kind"]) == "estimate",
        period=phrase.period_of(int(year), kind) if year else None,
        yes_no=kind == "yes_no",
        pending=bool(row.get("pending", False)),
    )


def _target_words(row: Mapping[str, Any], lang: Lang) -> str:
    """A row's target in words, with the level's unit: a cut a year in points, ≈ and its basis, yearly."""
    if not row["target_kind"]:
        return ""
    return phrase.target_cell(phrase.target_figure(row, str(row["level_unit"])), lang)


def results_table(found: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Every column of `results` for Excel and full reading: numbers stay numbers, codes become words."""
    records = found.to_dict("records")  # one dict a row: far cheaper to walk than iterrows' Series
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
            "basis": [t(f"basis.{b}", lang) if b else "" for b in found["target_basis"]],
            # The figures in words, as every page and the báo cáo write them; the numbers stay above.
            "actual_text": [phrase.figure_cell(_actual_figure(r, r["unit"]), lang) for r in records],
            "target_text": [_target_words(r, lang) for r in records],
            # Only where the reader sees figures not yet approved: the Excel file says which are.
            **(
                {"pending": [t("pending.yes" if p else "pending.no", lang) for p in found["pending"]]}
                if "pending" in found
                else {}
            ),
        }
    )


def _target_text(row: Mapping[str, Any], lang: Lang) -> str:
    """A target with who set it: "≈ 2.120,0 (Nghị quyết, suy ra từ tỷ lệ % đã công bố)", "hàng năm 90 (…)"."""
    kind = str(row["target_kind"])
    figure = phrase.target_figure(row)
    # The row's unit (in the name) is already the fall a year for a cut; the remainder is said below.
    if figure.comparator in {"remainder", "reduce_by"}:
        figure = replace(figure, comparator="")
    text = phrase.target_cell(figure, lang).removesuffix(f" ({t('basis.implied', lang)})")
    if text == fmt.MISSING:
        return text
    who = ", ".join(
        x
        for x in (
            t(f"kind.{kind}", lang) if kind else "",
            t("basis.implied", lang) if figure.implied else "",
            t("cmp.remainder", lang) if row["comparator"] == "remainder" else "",
        )
        if x
    )
    return f"{text} ({who})" if who else text


def _share_text(pct: object, reported: object, lang: Lang, basis: str = "") -> str:
    """The computed %, the report's own marked as such where it is the basis, else "—"."""
    if not fmt.is_missing(pct) and basis != "printed":
        return fmt.percent(pct, lang)
    if not fmt.is_missing(reported):
        return f"{fmt.percent(reported, lang)} ({t('status.reported_basis', lang)})"
    return fmt.MISSING


def results_summary(found: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The results for reading on any screen: five columns, numbers already in words.

    Name with its unit, the actual, the target with who set it, the % (computed, else the
    report's, marked), and the status; the Excel file keeps every column of `results_table`.
    """
    records = found.to_dict("records")
    return pd.DataFrame(
        {
            "indicator": [
                phrase.titled(str(n), str(u)) for n, u in zip(found["indicator"], found["unit"], strict=True)
            ],
            "actual": [phrase.figure_cell(_actual_figure(r, ""), lang) for r in records],
            "target": [_target_text(r, lang) for r in records],
            # The computed % where there is one, else the report's, each marked: "% đạt", not "(tính toán)".
            "shown_pct": [
                _share_text(p, r, lang, b)
                for p, r, b in zip(found["pct"], found["reported"], found["pct_basis"], strict=True)
            ],
            "status": [status_text(s, lang) for s in found["status"]],
        },
        columns=["indicator", "actual", "target", "shown_pct", "status"],
    )


def _stated_goal(data: Dataset, goal: pd.Series) -> pd.DataFrame:
    """The goal's own target rows, with the printed % an implied one was worked back from."""
    targets = data.targets
    stated = targets[
        (targets["code"] == goal["code"])
        & (targets["area"] == goal["area"])
        & (targets["year"] == goal["goal_year"])
        # The goal year's own plan (kế hoạch 2025) is no goal: its figure must not stand for the term's.
        & (targets["target_kind"] != TargetKind.PLAN.value)
    ]
    keys = ["code", "area", "year", "target_kind"]
    return stated.merge(data.reported[[*keys, "reported_pct"]], on=keys, how="left")


def goal_text(data: Dataset, goal: pd.Series, unit: str, lang: Lang) -> str:
    """A goal as the report states it: "≤ 27,6 %", "giảm mỗi năm 2 điểm % (→ 8,22 %)"."""
    stated = _stated_goal(data, goal)
    if stated.empty:
        figure = phrase.Figure(
            goal["goal_value"],
            unit,
            comparator=str(goal["comparator"]),
            per_year=bool(goal.get("yearly", False)),
        )
    else:
        # The goal's own target record, whole: basis and printed % (≈ when implied), yearly, qualifier.
        figure = phrase.target_figure(stated.iloc[0], unit)
    text = phrase.target_cell(figure, lang)
    if goal["comparator"] == "reduce_by" and not fmt.is_missing(goal["goal_value"]):
        level = phrase.number(phrase.Figure(goal["goal_value"], str(goal.get("unit", ""))), lang)
        text += f" (→ {level})"
    return text


def _why(goal: pd.Series, gaps: Mapping[tuple[str, str], str] | None, lang: Lang) -> str:
    """Why a status is unknown: the figures missing (excel/missing.py) where known, else the reason."""
    gap = (gaps or {}).get((str(goal["code"]), str(goal["area"])), "")
    reason = str(goal["reason"])
    return gap or (t(f"reason.{reason}", lang) if reason else "")


def goals_table(
    data: Dataset,
    progress_rows: pd.DataFrame,
    lang: Lang,
    gaps: Mapping[tuple[str, str], str] | None = None,
) -> pd.DataFrame:
    """Required and observed growth per goal, with the progress status and why it is unknown.

    `gaps`: per (code, area), the figures a goal lacks in words, said instead of the bare reason.
    """
    info = indicator_info(data, lang)
    records = []
    for _, goal in progress_rows.iterrows():
        code = str(goal["code"])
        unit = str(info["unit"].get(code, ""))
        held = data.pending.holds(code, goal["area"], goal["latest_year"])
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
                "progress": goal_status_text(goal, lang),
                "note": _why(goal, gaps, lang),
                # Only where the reader sees figures not yet approved: whether the latest figure is one.
                **(
                    {"pending": t("pending.yes" if held else "pending.no", lang)}
                    if data.pending.sendings
                    else {}
                ),
            }
        )
    return pd.DataFrame.from_records(records)


def _qualifiers(data: Dataset) -> dict[tuple[str, str, int], str]:
    """The source's word before each level ("khoảng 300.000"), by code, area and year."""
    lv = levels(data.observations)
    lv = lv[lv["qualifier"].fillna("") != ""]
    return {
        (str(c), str(a), int(y)): str(q)
        for c, a, y, q in lv[["code", "area", "year", "qualifier"]].itertuples(index=False)
    }


def _goal_figure(
    goal: pd.Series,
    which: str,
    value_kind: str,
    qualifiers: Mapping | None = None,
    marks: Pending | None = None,
) -> phrase.Figure:
    """A goal's baseline or latest figure: its year, or the term it sums, qualifier, estimate, yes/no;
    marked where it is not yet approved (`marks`: those the reader asked to see)."""
    year = goal[f"{which}_year"]
    known = not fmt.is_missing(year)
    key = (str(goal["code"]), str(goal["area"]), int(year) if known else 0)
    return phrase.Figure(
        goal[f"{which}_value"],
        qualifier=(qualifiers or {}).get(key, ""),
        estimate=str(goal[f"{which}_kind"]) == "estimate",
        period=phrase.period_of(int(year), value_kind) if known else None,
        yes_no=goal["method"] == "yes_no",
        pending=marks is not None and known and marks.holds(*key),
    )


def _yearless(data: Dataset) -> dict[tuple[str, str, int], phrase.Figure]:
    """Levels the source gives without their year, by code, area and the year they are filed under."""
    lv = levels(data.observations)
    lv = lv[lv["period_unstated"]] if "period_unstated" in lv else lv.iloc[0:0]
    return {
        (str(c), str(a), int(y)): phrase.Figure(
            v, qualifier=str(q or ""), estimate=k == "estimate", period=int(y), period_unstated=True
        )
        for c, a, y, v, q, k in lv[["code", "area", "year", "actual", "qualifier", "actual_kind"]].itertuples(
            index=False
        )
    }


def _base_cell(
    goal: pd.Series,
    kind: str,
    qualifiers: Mapping,
    yearless: Mapping,
    lang: Lang,
    marks: Pending | None = None,
) -> str:
    """The baseline cell; where progress has none because the source gives the figure without its year,
    that figure with its term ("khoảng 300.000 (giai đoạn 2015–2020, …)"): shown, never a baseline."""
    figure = _goal_figure(goal, "base", kind, qualifiers, marks)
    if fmt.is_missing(goal["base_value"]) and not fmt.is_missing(goal["base_year"]):
        figure = yearless.get((str(goal["code"]), str(goal["area"]), int(goal["base_year"])), figure)
    return phrase.figure_cell(figure, lang, dated=True)


def _goal_when(goal: pd.Series, text: str, value_kind: str, lang: Lang) -> str:
    """ "600.000 lượt khách (2025)"; a goal summed over the term says its years, never one year."""
    figure = phrase.Figure(None, period=phrase.period_of(int(goal["goal_year"]), value_kind))
    return f"{text} ({phrase.period_words(figure, lang) or int(goal['goal_year'])})"


def _rate(goal: pd.Series, kind: str, unit: str, lang: Lang) -> str:
    """A yearly pace: growth "+8,45 %/năm" for compound goals, a change "−2 %/năm" for straight-line ones."""
    # A share moves in points a year (52,75 % from 50 % is +0,55 điểm %/năm, never "+1,1 %/năm"),
    # and so does any straight-line goal; only a level's compound growth is a % a year.
    if goal["method"] == "linear" or unit in phrase.SHARE_UNITS:
        return phrase.change(goal[f"{kind}_change_per_year"], unit, lang)
    return phrase.growth(goal[f"{kind}_growth_pct"], lang)


def goals_summary(
    data: Dataset,
    progress_rows: pd.DataFrame,
    lang: Lang,
    gaps: Mapping[tuple[str, str], str] | None = None,
) -> pd.DataFrame:
    """The goals table for reading on any screen: a few columns, figures already in words and numbers."""
    info = indicator_info(data, lang)
    kinds = data.indicators.set_index("code")["value_kind"]
    qualifiers = _qualifiers(data)
    yearless = _yearless(data)
    records = []
    for _, goal in progress_rows.iterrows():
        code = str(goal["code"])
        unit = str(info["unit"].get(code, ""))
        name = str(info["name"].get(code, code))
        kind = str(kinds.get(code, ""))
        why = _why(goal, gaps, lang)
        records.append(
            {
                "indicator": phrase.titled(name, unit),
                "base": _base_cell(goal, kind, qualifiers, yearless, lang, data.pending),
                "goal": _goal_when(goal, goal_text(data, goal, unit, lang), kind, lang),
                "latest": phrase.figure_cell(
                    _goal_figure(goal, "latest", kind, qualifiers, data.pending), lang, dated=True
                ),
                "required_pace": _rate(goal, "required", unit, lang),
                "observed_pace": _rate(goal, "observed", unit, lang),
                # Why a status is unknown goes with it: one column fewer on a phone.
                "progress": goal_status_text(goal, lang) + (f" ({why})" if why else ""),
            }
        )
    return pd.DataFrame.from_records(records)
