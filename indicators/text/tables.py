"""The tables beside the charts: results, goals, one indicator's figures and targets; numbers stay numbers."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from indicators.core.attainment import levels, stated_changes
from indicators.core.model import ESTIMATE_KINDS, Dataset, ObsKind, TargetKind
from indicators.core.page_settings import CHANGE_BASE_YEAR
from indicators.core.selection import period_years
from indicators.text import fmt, labels, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from indicators.text.labels import (
    NO_TARGET,
    estimated,
    goal_status_text,
    indicator_info,
    row_unit,
    status_text,
    term_label,
    value_text,
)

PROGRESS_ORDER: tuple[str, ...] = (
    # A goal whose year is past is judged first: the term's result, best first.
    "vuot",
    "dat",
    "khong_dat",
    "achieved",
    "on_track",
    "moderate",
    "limited",
    "moving_away",
    "missed_year",
    "not_yet",
    "no_data",
    "not_judged",
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
    "target_qualifier",
    "derived",
    "comparator",
    "pct",
    "reported",
    "status",
    "actual_kind",
    "target_basis",
    "pct_basis",
    "yearly",
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
            "target_qualifier": targets["target_qualifier"].astype(str).to_numpy(),
            "derived": targets["target_derived"].to_numpy(dtype=bool),
            "comparator": targets["comparator"].astype(str).to_numpy(),
            "pct": targets["attainment_pct"].to_numpy(dtype=float),
            "reported": targets["reported_pct"].to_numpy(dtype=float),
            "status": targets["status"].astype(str).to_numpy(),
            "actual_kind": targets["actual_kind"].astype(str).to_numpy(),
            "target_basis": targets["target_basis"].astype(str).to_numpy(),
            "pct_basis": targets["attainment_basis"].astype(str).to_numpy(),
            "yearly": targets["yearly"].to_numpy(dtype=bool),
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
    # A "reduce by" row's actual and target are falls a year, in points: never the rate's own "%".
    found["unit"] = [row_unit(r, u, lang) for (_, r), u in zip(found.iterrows(), units, strict=True)]
    # An implied target is never more precise than the printed % it was worked back from.
    found["target"] = [
        _implied_rounded(r) if r["target_basis"] == "implied" else r["target"] for _, r in found.iterrows()
    ]
    return found[list(RESULT_COLUMNS)].fillna({"target_qualifier": ""}).reset_index(drop=True)


def _implied_rounded(row: pd.Series) -> float:
    """An implied target rounded to what its printed % supports (7.037,9 → 7.038): phrase's one rule."""
    return phrase.shown_value(phrase.Figure(row["target"], basis="implied", printed_pct=row["reported"]))


def _note(
    qualifier: str, comparator: str, derived: bool, lang: Lang, kind: str = "", yearly: bool = False
) -> str:
    """The report's qualifier, "cut each year by", "≈ implied target", "ước", as words joined by "; "."""
    words = (
        t(f"qualifier.{qualifier}", lang) if qualifier else "",
        t("cmp.reduce_by", lang) if comparator == "reduce_by" else "",
        t("cmp.remainder", lang) if comparator == "remainder" else "",
        f"≈ {t('col.derived', lang).lower()}" if derived else "",
        fmt.estimate_mark(lang) if kind == "estimate" else "",
        t("yearly", lang) if yearly else "",
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
            "basis": [t(f"basis.{b}", lang) if b else "" for b in found["target_basis"]],
            "note": [
                _note(q, c, bool(d), lang, k, bool(y))
                for q, c, d, k, y in zip(
                    found["qualifier"],
                    found["comparator"],
                    found["derived"],
                    found["actual_kind"],
                    found["yearly"],
                    strict=True,
                )
            ],
        }
    )


def _target_text(row: pd.Series, lang: Lang) -> str:
    """A target with who set it: "≈ 2.120,0 (Nghị quyết, suy ra từ tỷ lệ % đã công bố)", "hằng năm 90 (…)"."""
    kind = str(row["target_kind"])
    figure = phrase.Figure(
        row["target"],
        qualifier=str(row["target_qualifier"]),
        comparator="" if row["comparator"] in {"remainder", "reduce_by"} else str(row["comparator"]),
        basis=str(row["target_basis"]),
        printed_pct=row["reported"],
        per_year=bool(row["yearly"]),
    )
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
    return pd.DataFrame(
        {
            "indicator": [
                f"{n} ({u})" if u else str(n) for n, u in zip(found["indicator"], found["unit"], strict=True)
            ],
            "actual": [
                estimated(value_text(v, q, lang), k, lang)
                for v, q, k in zip(found["actual"], found["qualifier"], found["actual_kind"], strict=True)
            ],
            "target": [_target_text(row, lang) for _, row in found.iterrows()],
            "pct": [
                _share_text(p, r, lang, b)
                for p, r, b in zip(found["pct"], found["reported"], found["pct_basis"], strict=True)
            ],
            "status": [status_text(s, lang) for s in found["status"]],
        },
        columns=["indicator", "actual", "target", "pct", "status"],
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
    first = stated.iloc[0] if not stated.empty else None
    figure = phrase.Figure(
        first["value"] if first is not None else goal["goal_value"],
        unit,
        qualifier=str(first["qualifier"]) if first is not None else "",
        comparator=str(goal["comparator"]),
        # A goal worked back from a printed % is marked ≈ and as precise as that % allows.
        basis="implied" if first is not None and bool(first["derived"]) else "stated",
        printed_pct=first["reported_pct"] if first is not None else np.nan,
        per_year=bool(goal.get("yearly", False)),
    )
    text = phrase.target_cell(figure, lang)
    if goal["comparator"] == "reduce_by" and not fmt.is_missing(goal["goal_value"]):
        level_unit = str(goal.get("unit", ""))
        text += f" (→ {fmt.join_unit(fmt.number(goal['goal_value'], lang), level_unit)})"
    return text


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
            stated = goal_text(data, goal, str(info["unit"].get(code, "")), lang)
            items.append((str(info["name"].get(code, code)), stated + _result_text(goal, lang)))
        out.append((status, items))
    return out


def _result_text(goal: pd.Series, lang: Lang) -> str:
    """A final goal's figure and % beside it: " · 2025: 44 · 97,78 %", marked when on an estimate."""
    if not bool(goal.get("final", False)):
        return ""
    text = f" · {int(goal['latest_year'])}: {_latest_text(goal, lang)}"
    if not fmt.is_missing(goal["final_pct"]):
        text += f" · {fmt.percent(goal['final_pct'], lang)}"
    if str(goal["final_kind"]) == "estimate":
        text += f" ({t('progress.final_estimate', lang)})"
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
            }
        )
    return pd.DataFrame.from_records(records)


def _with_year(text: str, year: float | None) -> str:
    """ "300.000 (2020)": a figure with its year, when both are there."""
    return text if year is None or fmt.is_missing(year) or text == fmt.MISSING else f"{text} ({int(year)})"


def _rate(goal: pd.Series, kind: str, unit: str, lang: Lang) -> str:
    """A yearly pace: growth "+8,45 %/năm" for compound goals, a change "−2 %/năm" for straight-line ones."""
    # A share moves in points a year (52,75 % from 50 % is +0,55 điểm %/năm, never "+1,1 %/năm"),
    # and so does any straight-line goal; only a level's compound growth is a % a year.
    if goal["method"] == "linear" or unit in phrase.SHARE_UNITS:
        return phrase.change(goal[f"{kind}_change_per_year"], unit, lang)
    return phrase.growth(goal[f"{kind}_growth_pct"], lang)


def _latest_text(goal: pd.Series, lang: Lang) -> str:
    if goal["method"] == "yes_no":
        return phrase.yes_no(goal["latest_value"], lang)
    return fmt.number(goal["latest_value"], lang)


def goals_summary(
    data: Dataset,
    progress_rows: pd.DataFrame,
    lang: Lang,
    gaps: Mapping[tuple[str, str], str] | None = None,
) -> pd.DataFrame:
    """The goals table for reading on any screen: a few columns, figures already in words and numbers."""
    info = indicator_info(data, lang)
    records = []
    for _, goal in progress_rows.iterrows():
        code = str(goal["code"])
        unit = str(info["unit"].get(code, ""))
        name = str(info["name"].get(code, code))
        why = _why(goal, gaps, lang)
        records.append(
            {
                "indicator": f"{name} ({unit})" if unit else name,
                "base": estimated(
                    _with_year(fmt.number(goal["base_value"], lang), goal["base_year"]),
                    goal["base_kind"],
                    lang,
                ),
                "goal": _with_year(goal_text(data, goal, unit, lang), goal["goal_year"]),
                "latest": estimated(
                    _with_year(_latest_text(goal, lang), goal["latest_year"]), goal["latest_kind"], lang
                ),
                "required_pace": _rate(goal, "required", unit, lang),
                "observed_pace": _rate(goal, "observed", unit, lang),
                # Why a status is unknown goes with it: one column fewer on a phone.
                "progress": goal_status_text(goal, lang) + (f" ({why})" if why else ""),
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
        no_base = pd.isna(row["base_year"]) and "change" in kind
        base = (
            t("obs.no_base", lang)
            if no_base
            else ("" if pd.isna(row["base_year"]) else int(row["base_year"]))
        )
        words = t(f"obs.{kind}", lang).format(y=base)
        if no_base:
            words = words.replace(f"năm {base}", str(base)).replace(f"since {base}", f"({base})")
        notes = [
            t(f"qualifier.{row['qualifier']}", lang) if row["qualifier"] else "",
            # "ước" once: the note of a shipped estimate already begins with "Ước thực hiện".
            fmt.estimate_mark(lang) if kind in ESTIMATE_KINDS and not str(row.get("note", "")) else "",
            str(row.get("note", "")) if lang == "vi" else "",
        ]
        if lang == "en" and kind in ESTIMATE_KINDS:
            notes[1] = fmt.estimate_mark(lang)
        records.append(
            {
                "year": str(int(row["year"])),
                "obs_kind": words,
                "value": row["value"],
                "note": "; ".join(n for n in notes if n),
                "section": row["section"],
                "quote": row["quote"],
            }
        )
    return pd.DataFrame.from_records(records)


def _implied_value(data: Dataset, row: pd.Series) -> float:
    """An implied target rounded to what the printed % it came from supports; a stated one as it is."""
    if not row["derived"]:
        return row["value"]
    rep = data.reported
    printed = rep[
        (rep["code"] == row["code"])
        & (rep["area"] == row["area"])
        & (rep["year"] == row["year"])
        & (rep["target_kind"] == row["target_kind"])
    ]
    if printed.empty:
        return row["value"]
    return _implied_rounded(pd.Series({"target": row["value"], "reported": printed["reported_pct"].iloc[0]}))


def rounded_targets(data: Dataset, targets: pd.DataFrame) -> pd.DataFrame:
    """Targets with each implied value rounded to what its printed % supports, for drawing."""
    if targets.empty:
        return targets
    return targets.assign(value=[_implied_value(data, row) for _, row in targets.iterrows()])


def targets_table(data: Dataset, code: str, lang: Lang, area: str | None) -> pd.DataFrame:
    """Every target of one indicator: term, document, comparison, value, its basis, and quote."""
    targets = data.targets[data.targets["code"] == code]
    if area is not None:
        targets = targets[targets["area"] == area]
    records = []
    for _, row in targets.sort_values(["year", "target_kind"]).iterrows():
        basis = f"≈ {t('basis.implied', lang)}" if row["derived"] else t("basis.stated", lang)
        if row["yearly"]:
            basis += f"; {t('yearly', lang)}"
        records.append(
            {
                "term": term_label(str(row["term"]) or str(row["year"]), lang),
                "kind": t(f"kind.{row['target_kind']}", lang),
                "comparator": labels.comparator_words(str(row["comparator"]), str(row["qualifier"]), lang),
                "target": _implied_value(data, row),
                "basis": basis,
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
                "actual_kind": t(f"actual.{row['actual_kind']}", lang) if row["actual_kind"] else "",
                "target": _implied_rounded(
                    pd.Series({"target": row["target"], "reported": row["reported_pct"]})
                )
                if row["target_basis"] == "implied"
                else row["target"],
                "basis": (
                    f"≈ {t('basis.implied', lang)}"
                    if row["target_basis"] == "implied"
                    else t(f"basis.{row['target_basis']}", lang)
                ),
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
