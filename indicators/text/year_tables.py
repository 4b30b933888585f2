"""The year page's tables: the review in words for reading, in numbers for Excel; headers put on later."""

from __future__ import annotations

import pandas as pd

from indicators.core.model import Comparator, Dataset, Status, ValueKind
from indicators.text import fmt, labels, phrase, totals
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from indicators.text.tables import goal_text

# Plan statuses counted in the tally, in the tally's order.
PLAN_STATUSES = (Status.EXCEEDED, Status.MET, Status.NOT_MET, Status.NO_DATA, Status.NOT_JUDGED)


def plan_counts(rows: pd.DataFrame) -> dict[str, int]:
    """How many of the year's plans are exceeded, met, not met, without a figure, not judged."""
    planned = rows.loc[rows["plan_status"] != "", "plan_status"]
    return {s.value: int((planned == s.value).sum()) for s in PLAN_STATUSES}


def _info(data: Dataset, lang: Lang) -> pd.DataFrame:
    """Name, unit and kind of value per code, in the reader's language."""
    info = labels.indicator_info(data, lang)
    kinds = data.indicators.drop_duplicates("code").set_index("code")["value_kind"]
    return info.assign(value_kind=kinds.reindex(info.index).fillna(""))


def _figure(value: object, qualifier: str, kind: str, value_kind: str, lang: Lang) -> str:
    """A figure as written: "khoảng 300.000 (ước)", "đạt" for a yes/no."""
    if value_kind == ValueKind.YES_NO.value:
        text = phrase.yes_no(value, lang)
    else:
        text = labels.value_text(value, qualifier, lang)
    return labels.estimated(text, kind, lang)


def _goal(data: Dataset, row: pd.Series, unit: str, lang: Lang) -> str:
    """The term goal as stated ("45 triệu đồng", "≤ 27,6 %", "giảm mỗi năm 2 điểm % (→ 8,22 %)")."""
    goal = pd.Series(
        {
            "code": row["code"],
            "area": row["area"],
            "goal_year": int(row["goal_year"]),
            "goal_value": row["goal_value"],
            "comparator": row["goal_comparator"],
            "yearly": row["goal_method"] == "yearly",
            "unit": unit,
        }
    )
    return goal_text(data, goal, unit, lang)


def _total_mark(row: pd.Series, value_kind: str, lang: Lang) -> str:
    """ " · cộng dồn giai đoạn 2015–2020" after a term total: 5.150 jobs are the term's, not the year's."""
    if value_kind != ValueKind.TERM_TOTAL.value or fmt.is_missing(row["value"]) or not row["term"]:
        return ""
    return " · " + t("year.term_total", lang).format(term=labels.term_label(str(row["term"]), lang))


def _units_mark(row: pd.Series, lang: Lang) -> str:
    """A parent's total says how many units reported: "3/4 xã đã báo cáo (tổng chưa đủ)"; "" for a figure."""
    mark = row.get("mark")
    return totals.reported(row, lang) if isinstance(mark, str) and mark else ""


def _note(row: pd.Series, value_kind: str, lang: Lang) -> str:
    """The Excel table's note: a term total's term, a parent's total's count of units reported."""
    parts = (_total_mark(row, value_kind, lang).removeprefix(" · "), _units_mark(row, lang))
    return " · ".join(p for p in parts if p)


def _held(text: str, row: pd.Series, lang: Lang) -> str:
    """A verdict a partial total holds back says why, beside "không đánh giá"."""
    if text == fmt.MISSING or row.get("mark") != "partial":
        return text
    return f"{text} ({totals.partial_reason(row, lang)})"


def _plan_figure(row: pd.Series, unit: str) -> phrase.Figure:
    """The year's plan as a target: one worked back from a printed % is implied, and shown as such."""
    return phrase.Figure(
        row["plan"],
        unit,
        str(row["plan_qualifier"]),
        comparator=str(row["plan_comparator"]),
        basis="implied" if bool(row["plan_derived"]) else "stated",
        printed_pct=row["plan_pct"],
    )


def _plan_text(row: pd.Series, unit: str, lang: Lang) -> str:
    """The plan, its % and status: "2.650 tỷ đồng · 101,8 % · ✓ đạt"; "—" without a plan."""
    if row["plan_status"] == "":
        return fmt.MISSING
    parts = []
    if not fmt.is_missing(row["plan"]):
        figure = _plan_figure(row, unit)
        if row["plan_comparator"] == Comparator.REDUCE_BY.value:
            # A plan to cut a rate by 1,2 points is a fall, not a level of 1,2 %.
            cut = phrase.number(figure, lang)
            if figure.implied:
                cut += f" ({t('basis.implied', lang)})"
            parts.append(t("year.plan_cut", lang).format(value=cut))
        else:
            # Never printed by the report: worked back from its %, and marked so (never a check of it).
            parts.append(phrase.target_cell(figure, lang))
        if not fmt.is_missing(row["plan_pct"]):
            parts.append(fmt.percent(row["plan_pct"], lang))
    elif not fmt.is_missing(row["plan_pct"]):
        # The report prints a % of the plan without the plan's figure: its own % is all there is.
        parts.append(t("year.reported_pct", lang).format(pct=fmt.percent(row["plan_pct"], lang)))
    parts.append(labels.status_text(str(row["plan_status"]), lang))
    return " · ".join(parts)


def _previous_text(row: pd.Series, unit: str, value_kind: str, lang: Lang) -> str:
    """Last year's figure and the change: "2.503,3 (ước) · +195 tỷ đồng · bằng 107,8 % so với cùng kỳ"."""
    if fmt.is_missing(row["previous"]):
        return fmt.MISSING
    parts = [_figure(row["previous"], "", str(row["previous_kind"]), value_kind, lang)]
    if not fmt.is_missing(row["change"]):
        parts.append(fmt.join_unit(fmt.signed(row["change"], lang), phrase.change_words(unit, lang)))
    if not fmt.is_missing(row["same_period_pct"]):
        pct = fmt.percent(row["same_period_pct"], lang)
        parts.append(t("year.same_period", lang).format(pct=pct))
    return " · ".join(parts)


def _path_text(data: Dataset, row: pd.Series, unit: str, value_kind: str, lang: Lang) -> str:
    """ "cần đạt 36,74 năm 2023, đang 38 · ↗ đúng tiến độ", or the goal and its status; "—" without one."""
    if row["path_status"] == "" and fmt.is_missing(row["goal_year"]):
        return fmt.MISSING
    year = int(row["year"])
    value = _figure(row["value"], str(row["qualifier"]), str(row["value_kind"]), value_kind, lang)
    if not fmt.is_missing(row["required"]) and int(row["goal_year"]) != year:
        # The unit is in the indicator's name: "38,26 triệu đồng/người/năm năm 2023" would read twice.
        # A path point is a computed guide, not a figure: 454.715 visitors, not 454.714,97.
        required = fmt.number(row["required"], lang, 0 if abs(row["required"]) >= 1000 else None)
        key = "year.required_only" if value == fmt.MISSING else "year.required"
        text = t(key, lang).format(required=required, y=year, value=value)
    else:
        goal = _goal(data, row, unit, lang)
        text = t("year.goal", lang).format(goal=goal, goal_year=int(row["goal_year"]))
    if row["goal_status"]:
        # The term's last year: its result in the report's own words (% of the goal, vượt / đạt …).
        pct = "" if fmt.is_missing(row["goal_pct"]) else f"{fmt.percent(row['goal_pct'], lang)} · "
        return f"{text} · {pct}{labels.status_text(str(row['goal_status']), lang)}"
    status = str(row["path_status"])
    return f"{text} · {labels.progress_text(status, lang)}" if status else text


def summary(data: Dataset, rows: pd.DataFrame, area: str, lang: Lang) -> pd.DataFrame:
    """The review for reading on any screen: indicator, figure, plan, year before, path; all in words."""
    info = _info(data, lang)
    records = []
    for _, row in rows.assign(area=area).iterrows():
        code = str(row["code"])
        name, unit = str(info["name"].get(code, code)), str(info["unit"].get(code, ""))
        value_kind = str(info["value_kind"].get(code, ""))
        figure = _figure(row["value"], str(row["qualifier"]), str(row["value_kind"]), value_kind, lang)
        if not fmt.is_missing(row["estimate"]):
            before = t("year.official_over", lang).format(value=fmt.number(row["estimate"], lang))
            figure = f"{figure} ({before})"
        figure += _total_mark(row, value_kind, lang)
        # A figure not yet approved (the reader switched them on) says so, in phrase's words.
        waiting = data.pending.holds(code, area, row["year"])
        figure = phrase.with_pending_mark(figure, phrase.Figure(row["value"], pending=waiting), lang)
        if mark := _units_mark(row, lang):
            figure += f" · {mark}"
        records.append(
            {
                "indicator": phrase.titled(name, unit),
                "figure": figure,
                "plan": _held(_plan_text(row, unit, lang), row, lang),
                "previous": _previous_text(row, unit, value_kind, lang),
                "path": _held(_path_text(data, row, unit, value_kind, lang), row, lang),
            }
        )
    out = pd.DataFrame.from_records(records, columns=["indicator", "figure", "plan", "previous", "path"])
    # A column with nothing in it (no plans yet, a term without goals) is said once above the table,
    # not as a column of dashes; the Excel table keeps every column.
    empty = [c for c in ("plan", "previous", "path") if len(out) and (out[c] == fmt.MISSING).all()]
    return out.drop(columns=empty)


def split_compared(shown: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The summary's rows with a plan, last year or a path to compare with, and the figures alone.

    The figures alone lose their columns of dashes; where no row has anything to compare with, the
    summary is one table as it is (the columns were dropped already) and the second part is empty.
    """
    compared = [c for c in ("plan", "previous", "path") if c in shown.columns]
    if not compared:
        return shown, shown.iloc[0:0]
    bare = shown[compared].eq(fmt.MISSING).all(axis=1)
    return shown[~bare].reset_index(drop=True), shown[bare].drop(columns=compared).reset_index(drop=True)


def table(data: Dataset, rows: pd.DataFrame, area: str, lang: Lang) -> pd.DataFrame:
    """The review for Excel: numbers stay numbers, words for kinds and statuses; one column per fact."""
    info = _info(data, lang)
    codes = rows["code"].astype(str)
    units = codes.map(info["unit"]).fillna("")
    goals = [
        _goal(data, row, unit, lang) if not fmt.is_missing(row["goal_year"]) else ""
        for (_, row), unit in zip(rows.assign(area=area).iterrows(), units, strict=True)
    ]
    kind_word = {"estimate": t("kind.estimate", lang), "official": t("kind.actual", lang), "": ""}
    out = pd.DataFrame(
        {
            "indicator": codes.map(info["name"]).fillna(codes).to_numpy(),
            "unit": units.to_numpy(),
            "year": rows["year"].astype(str).to_numpy(),
            "figure": rows["value"].to_numpy(),
            "actual_kind": rows["value_kind"].map(kind_word).to_numpy(),
            "note": [
                _note(row, str(info["value_kind"].get(str(row["code"]), "")), lang)
                for _, row in rows.iterrows()
            ],
            "estimate_before": rows["estimate"].to_numpy(),
            "plan": rows["plan"].to_numpy(),
            # A plan the report never prints, worked back from its %, is marked here too.
            "plan_basis": [t("basis.implied", lang) if d else "" for d in rows["plan_derived"].astype(bool)],
            "plan_pct": rows["plan_pct"].to_numpy(),
            "plan_status": [t(f"status.{s}", lang) if s else "" for s in rows["plan_status"]],
            "previous": rows["previous"].to_numpy(),
            "previous_kind": rows["previous_kind"].map(kind_word).to_numpy(),
            "change_year": rows["change"].to_numpy(),
            "same_period": rows["same_period_pct"].to_numpy(),
            "term": [labels.term_label(str(x), lang) if x else "" for x in rows["term"]],
            "goal": goals,
            "required": rows["required"].to_numpy(),
            "path_gap": rows["gap"].to_numpy(),
            "progress": [t(f"progress.{s}", lang) if s else "" for s in rows["path_status"]],
            "goal_pct": rows["goal_pct"].to_numpy(),
            "goal_status": [t(f"status.{s}", lang) if s else "" for s in rows["goal_status"]],
        }
    )
    if data.pending.sendings:
        # Where the reader sees figures not yet approved, the Excel file says which figures are.
        held = [data.pending.holds(c, area, y) for c, y in zip(codes, rows["year"], strict=True)]
        out["pending"] = [t("pending.yes" if h else "pending.no", lang) for h in held]
    return out
