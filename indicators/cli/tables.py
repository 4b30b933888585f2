"""Tables for people on the command line (rich): 100 columns, words not codes, the report's qualifiers."""

from __future__ import annotations

import io
import json
import os
from dataclasses import replace

import pandas as pd
from rich import box
from rich.console import Console
from rich.table import Table

from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t

WIDTH = 100  # what a person's terminal shows without wrapping; COLUMNS narrows it, never widens

HEADERS: dict[str, tuple[str, str]] = {
    "indicator": ("Chỉ tiêu", "Indicator"),
    "period": ("Kỳ · văn bản", "Period · document"),
    "actual": ("Thực hiện", "Actual"),
    "target": ("Mục tiêu", "Target"),
    "pct": ("% đạt", "% attained"),
    "status": ("Đánh giá", "Status"),
    "goal": ("Mục tiêu", "Goal"),
    "base": ("Năm gốc", "Baseline"),
    "latest": ("Mới nhất", "Latest"),
    "required": ("Cần mỗi năm", "Needed a year"),
    "progress": ("Tiến độ", "Progress"),
    "version": ("Phiên bản", "Version"),
    "when": ("Thời điểm (giờ Việt Nam)", "When (Vietnam time)"),
    "area": ("Địa bàn", "Area"),
    "value": ("Số liệu", "Figure"),
    "account": ("Tài khoản", "Account"),
    "action": ("Thao tác", "Action"),
    "file": ("Tệp · sha256", "File · sha256"),
    "note": ("Ghi chú", "Note"),
    "rows": ("Số dòng", "Rows"),
}
ACTIONS: dict[str, tuple[str, str]] = {
    "seed": ("dữ liệu gốc", "shipped data"),
    "import": ("tải lên", "upload"),
    "rollback": ("khôi phục", "rollback"),
    "approve": ("duyệt báo cáo xã", "approved submission"),
}
# The page shows Vietnam's time; so does the people's table (CSV and JSON keep UTC).
# The stating document in a few words, for a narrow column (the pages use the full labels).
DOCUMENTS: dict[str, tuple[str, str]] = {
    "NQ": ("Nghị quyết", "Resolution"),
    "MT": ("mục tiêu của báo cáo", "the report's goal"),
    "KH": ("kế hoạch năm", "year plan"),
    "DA": ("Đề án", "Programme"),
    "GIAO": ("chỉ tiêu giao", "assigned quota"),
}


def _h(key: str, lang: Lang) -> str:
    vi, en = HEADERS[key]
    return vi if lang == "vi" else en


def _width() -> int:
    try:
        return min(WIDTH, int(os.environ.get("COLUMNS", WIDTH)))
    except ValueError:
        return WIDTH


def render(table: Table) -> str:
    """The table as plain text (no colours, no escape codes), at most 100 columns wide."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=_width(), no_color=True, color_system=None, highlight=False)
    console.print(table)
    return buffer.getvalue()


def _table(lang: Lang, *columns: tuple[str, dict]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for key, options in columns:
        table.add_column(_h(key, lang), overflow="fold", **options)
    return table


def _dated(value: object, year: object, kind: str, lang: Lang, figure: phrase.Figure, value_kind: str) -> str:
    """A figure with its year, "khoảng 300.000 lượt khách (2020) (ước)", or a term's sum with its years."""
    if fmt.is_missing(year) or str(year) == "":
        return fmt.MISSING
    period = phrase.period_of(int(float(str(year))), value_kind)
    dated = replace(figure, value=value, estimate=kind == "estimate", period=period)
    return phrase.figure_cell(dated, lang, dated=True)


def _document(kind: str, lang: Lang) -> str:
    vi, en = DOCUMENTS.get(kind, (kind, kind))
    return vi if lang == "vi" else en


def _actual(row: pd.Series, lang: Lang) -> str:
    """The actual as phrase writes it: qualifier, unit, "(ước)", a term's sum over its years."""
    figure = phrase.Figure(
        row["actual"],
        str(row["unit"]),
        str(row.get("qualifier", "") or ""),
        estimate=str(row["actual_kind"]) == "estimate",
        period=phrase.period_of(int(row["year"]), str(row.get("value_kind", ""))),
        yes_no=row["comparator"] == "yes",
    )
    return phrase.figure_cell(figure, lang)


def _target(row: pd.Series, lang: Lang) -> str:
    """The target from its whole record, in the level's unit: "giảm mỗi năm ≈ 3,0 điểm % (suy ra …)"."""
    if row["target_basis"] == "none" or fmt.is_missing(row["target"]):
        return t("basis.none", lang)
    return phrase.target_cell(phrase.target_figure(row, str(row.get("level_unit", row["unit"]))), lang)


def _pct(row: pd.Series, lang: Lang) -> str:
    text = fmt.percent(row["attainment_pct"], lang)
    if text != fmt.MISSING and row["attainment_basis"] == "printed":
        text += f" ({t('abasis.printed_short', lang)})"
    if row.get("differs") and not fmt.is_missing(row["reported_pct"]):
        text += f"; {t('abasis.printed', lang)} {fmt.percent(row['reported_pct'], lang)}"
    return text


def attainment_table(rows: pd.DataFrame, lang: Lang = "vi") -> str:
    """One line per target: indicator, period and document, actual, target, % attained, status."""
    table = _table(
        lang,
        ("indicator", {"ratio": 5, "min_width": 14}),
        ("period", {"ratio": 3, "min_width": 10}),
        ("actual", {"ratio": 3, "min_width": 10}),
        ("target", {"ratio": 4, "min_width": 10}),
        ("pct", {"ratio": 3, "justify": "right", "min_width": 8}),
        ("status", {"ratio": 2, "min_width": 8}),
    )
    for _, row in rows.iterrows():
        period = str(row["term"]).replace("-", "–") or str(row["year"])
        table.add_row(
            str(row["name_shown"]),
            f"{period} · {_document(str(row['target_kind']), lang)}",
            _actual(row, lang),
            _target(row, lang),
            _pct(row, lang),
            t(f"status.{row['status']}", lang),
        )
    return render(table)


def progress_table(rows: pd.DataFrame, lang: Lang = "vi") -> str:
    """One line per goal: goal, baseline, latest figure, what is needed a year, progress."""
    table = _table(
        lang,
        ("indicator", {"ratio": 5, "min_width": 14}),
        ("goal", {"ratio": 3, "min_width": 10}),
        ("base", {"ratio": 3, "min_width": 10}),
        ("latest", {"ratio": 3, "min_width": 9}),
        ("required", {"ratio": 3, "min_width": 9}),
        ("progress", {"ratio": 3, "min_width": 9}),
    )
    for _, row in rows.iterrows():
        unit = str(row["goal_unit"])
        comparator = "yes" if row["method"] == "yes_no" else str(row["comparator"])
        stated = row["stated_value"] if comparator == "reduce_by" else row["goal_value"]
        value_kind = str(row.get("value_kind", ""))
        period = phrase.period_of(int(row["goal_year"]), value_kind)
        said = str(row.get("target_qualifier", "") or "")
        figure = phrase.Figure(
            stated, unit, said, comparator=comparator, per_year=bool(row["yearly"]), period=period
        )
        # A goal summed over the term says its years ("tổng giai đoạn 2021–2025"), never "(2025)".
        when = phrase.period_words(figure, lang) or str(row["goal_year"])
        goal = f"{phrase.target_cell(figure, lang)} ({when})"
        # The source's word before the baseline ("khoảng 300.000") stays; a term's sum says its years.
        qualifier = str(row.get("base_qualifier", "") or "")
        level = phrase.Figure(None, unit, yes_no=row["method"] == "yes_no")
        base = _dated(
            row["base_value"],
            row["base_year"],
            str(row["base_kind"]),
            lang,
            replace(level, qualifier=qualifier),
            value_kind,
        )
        latest = _dated(
            row["latest_value"], row["latest_year"], str(row["latest_kind"]), lang, level, value_kind
        )
        # A share's pace is in points a year, as is a straight-line goal's; a level's is a growth %.
        if fmt.is_missing(row["required_growth_pct"]) or unit in phrase.SHARE_UNITS:
            required = phrase.change(row["required_change_per_year"], unit, lang)
        else:
            required = phrase.growth(row["required_growth_pct"], lang)
        status = t(f"progress.{row['status']}", lang)
        if row["reason"]:
            status += f" ({t('reason.' + str(row['reason']), lang)})"
        table.add_row(str(row["name_shown"]), goal, base, latest, required, status)
    return render(table)


def _rows_text(counts: str) -> str:
    try:
        parsed = json.loads(counts)
    except (TypeError, ValueError):
        return ""
    return f"+{parsed.get('added', 0)} / −{parsed.get('removed', 0)}"


def _local(utc: object) -> str:
    """A UTC time as Vietnam's clock reads it: "2026-12-05 03:04:00" → "2026-12-05 10:04:00"."""
    if fmt.is_missing(utc) or utc == "":
        return ""
    return pd.to_datetime(utc, utc=True).tz_convert(fmt.LOCAL_TIME).strftime("%Y-%m-%d %H:%M:%S")


def _compare_target(row: pd.Series, lang: Lang) -> str:
    """An area's target as phrase puts it: "≈ 2.120,0 (suy ra từ tỷ lệ % đã công bố)", "≤ 27,6"."""
    figure = phrase.target_figure(row)
    # The table has no unit column: a cut is its number alone, as the value beside it is.
    return phrase.target_cell(
        replace(figure, comparator="") if figure.comparator == "reduce_by" else figure, lang
    )


def compare_table(frame: pd.DataFrame, lang: Lang = "vi") -> str:
    """The comparison for people: each area's figure, target, % and status in words, never codes."""
    table = _table(
        lang,
        ("area", {"ratio": 4, "min_width": 14}),
        ("value", {"ratio": 3, "justify": "right", "min_width": 10}),
        ("target", {"ratio": 3, "justify": "right", "min_width": 8}),
        ("pct", {"ratio": 2, "justify": "right", "min_width": 7}),
        ("status", {"ratio": 3, "min_width": 9}),
        ("note", {"ratio": 4, "min_width": 10}),
    )
    for _, row in frame.iterrows():
        value = phrase.figure_cell(
            phrase.Figure(
                row["value"],
                estimate=str(row["actual_kind"]) == "estimate",
                period=phrase.period_of(int(row["year"]), str(row["value_kind"])) if "year" in row else None,
            ),
            lang,
        )
        code = str(row["status_code"])
        table.add_row(
            f"{row['name']} ({row['code']})",
            value,
            _compare_target(row, lang),
            fmt.percent(row["attainment_pct"], lang),
            t(f"status.{code}", lang),
            str(row["row"] or ""),
        )
    return render(table)


def history_table(frame: pd.DataFrame, lang: Lang = "vi") -> str:
    """One line per version: number, time, account, action in words, file and short sha256, note."""
    table = _table(
        lang,
        ("version", {"justify": "right", "min_width": 4}),
        ("when", {"min_width": 10}),
        ("account", {"min_width": 7}),
        ("action", {"min_width": 8}),
        ("file", {"ratio": 3, "min_width": 10}),
        ("note", {"ratio": 4, "min_width": 10}),
        ("rows", {"min_width": 7}),
    )
    for _, row in frame.iterrows():
        vi, en = ACTIONS.get(str(row["action"]), (str(row["action"]),) * 2)
        action = vi if lang == "vi" else en
        if not fmt.is_missing(row.get("restored_from")) and row.get("restored_from"):
            action += f" {int(row['restored_from'])}"
        sha = str(row["sha256"] or "")[:12]
        file = " · ".join(x for x in (str(row["file_name"] or ""), sha) if x)
        table.add_row(
            str(row["version"]),
            _local(row["created_at"]),
            str(row["account"]),
            action,
            file,
            str(row["note"] or ""),
            _rows_text(str(row["counts"])),
        )
    return render(table)
