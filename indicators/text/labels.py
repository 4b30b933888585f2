"""Words for what the dashboard shows: status, terms, areas, indicator names and qualified figures."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pandas as pd

from indicators.areas import hierarchy as areas
from indicators.core.model import Dataset
from indicators.core.selection import span
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# Status is never colour alone: each has an icon and a word (figures add the colours).
NO_TARGET = "no_target"
STATUS_ICON: dict[str, str] = {
    "vuot": "▲",
    "dat": "✓",
    "khong_dat": "✗",
    "no_data": "○",
    NO_TARGET: "–",
    "khong_danh_gia": "◇",
}
PROGRESS_ICON: dict[str, str] = {
    "achieved": "✓",
    "on_track": "↗",
    "moderate": "→",
    "limited": "↘",
    "moving_away": "↓",
    "no_data": "○",
    "not_yet": "…",
    "missed_year": "✗",
    "not_judged": "◇",
    # The term's result once the goal year's figure is in: the attainment marks.
    "vuot": "▲",
    "dat": "✓",
    "khong_dat": "✗",
}
# Short signs for the report's qualifiers, where space is tight (a card's large number).
QUALIFIER_SIGN: dict[str, str] = {"khoang": "≈", "tren": ">", "duoi": "<"}


def status_text(status: str, lang: Lang) -> str:
    """A status as icon and word: "▲ vượt"."""
    return f"{STATUS_ICON.get(status, '○')} {t(f'status.{status}', lang)}"


def progress_text(status: str, lang: Lang) -> str:
    """A progress status as icon and word: "↗ đúng tiến độ"."""
    return f"{PROGRESS_ICON.get(status, '○')} {t(f'progress.{status}', lang)}"


def goal_status_words(goal: pd.Series | Mapping[str, object], lang: Lang) -> str:
    """A goal's status in words: its pace, or once final its result, % and whether on an estimate.

    progress.compute decides which (its `final` column); every surface says it through here.
    """
    words = t(f"progress.{goal['status']}", lang)
    if not bool(goal.get("final", False)):
        return words
    details = [] if fmt.is_missing(goal.get("final_pct")) else [fmt.percent(goal["final_pct"], lang)]
    if str(goal.get("final_kind", "")) == "estimate":
        details.append(t("progress.final_estimate", lang))
    return f"{words} ({'; '.join(details)})" if details else words


def goal_status_text(goal: pd.Series | Mapping[str, object], lang: Lang) -> str:
    """A goal's status as mark and words: "→ cần tăng tốc", or "✗ không đạt mục tiêu (97,78 %)"."""
    return f"{PROGRESS_ICON.get(str(goal['status']), '○')} {goal_status_words(goal, lang)}"


def term_label(term: str, lang: Lang) -> str:
    """A term as people write it: "2015–2020", or "Năm 2019" for a single year."""
    years = span(term)
    if years:
        return f"{years[0]}–{years[1]}"
    return t("term.year", lang).format(y=term) if term else fmt.MISSING


def area_label(data: Dataset, code: str, lang: Lang) -> str:
    """An area's name; in English "Tam Đường district" rather than the Vietnamese "Huyện Tam Đường"."""
    return areas.label(data.areas, code, lang)


def indicator_info(data: Dataset, lang: Lang) -> pd.DataFrame:
    """Per indicator code: its name, unit and domain in the reader's language."""
    info = data.indicators.set_index("code")
    english = lang == "en"
    name = info["name_en"].where(english & (info["name_en"] != ""), info["name_vi"])
    unit = info["unit_en"].where(english & (info["unit_en"] != ""), info["unit"])
    return pd.DataFrame({"name": name, "unit": unit, "domain": info["domain"]}, index=info.index)


def value_text(value: object, qualifier: str, lang: Lang) -> str:
    """A figure with the report's qualifier: "khoảng 300.000"; "—" when absent."""
    return phrase.number(phrase.Figure(value, qualifier=qualifier), lang)


def estimated(text: str, kind: object, lang: Lang) -> str:
    """A figure with "ước" beside it when it is an estimate: "2.503,3 (ước)"."""
    if str(kind) != "estimate" or text == fmt.MISSING:
        return text
    return f"{text} ({fmt.estimate_mark(lang)})"


def comparator_words(comparator: str, qualifier: str, lang: Lang) -> str:
    """How a target compares, with the source's own word beside it: "đạt ít nhất (trên)" for "trên 45"."""
    words = t(f"cmp.{comparator}", lang)
    return f"{words} ({t(f'qualifier.{qualifier}', lang)})" if qualifier else words


def target_text(row: pd.Series, unit: str, lang: Lang) -> str:
    """A target as its basis allows: "≈ 7.038 tấn (suy ra từ …)", "đạt", "30 % (phần còn lại)"."""
    figure = phrase.target_figure(row, unit)
    # The row's unit is already the fall a year for a cut (row_unit): no "giảm mỗi năm" again.
    if figure.comparator in {"reduce_by", "at_most", "at_least"}:
        figure = replace(figure, comparator="")
    return phrase.target_cell(figure, lang)


def target_words(row: pd.Series, unit: str, lang: Lang) -> str:
    """A target as the goals page and the báo cáo say it: "giảm mỗi năm ≈ 3,0 điểm % (suy ra từ …)".

    `unit` is the level's own; a cut a year is put in points by phrase, as everywhere else.
    """
    return phrase.target_cell(phrase.target_figure(row, unit), lang)


def row_unit(row: pd.Series, unit: str, lang: Lang) -> str:
    """The unit of a row's actual and target: a fall a year in points for "reduce by" goals."""
    if str(row.get("comparator", "")) == "reduce_by":
        return phrase.change_unit(phrase.change_code(unit), unit, lang)
    return unit


METADATA_FIELDS: tuple[str, ...] = ("definition", "unit_meaning", "computation", "aggregation", "source")


def metadata(data: Dataset, code: str, lang: Lang) -> list[tuple[str, str]]:
    """What an indicator means, as Open SDG shows it: (label, text) for each field the data holds."""
    info = data.indicators.set_index("code")
    if code not in info.index:
        return []
    return [
        (t(f"meta.{field}", lang), str(info.at[code, field]))
        for field in METADATA_FIELDS
        if field in info.columns and str(info.at[code, field]).strip()
    ]


def source_line(sources: pd.DataFrame, version: int, lang: Lang) -> str:
    """Where the figures behind a chart come from: "Nguồn: báo cáo …; số liệu cập nhật ngày … (phiên bản 3)".

    `sources` holds the versions that wrote rows still live at `version` (Store.sources): the shipped
    report first, then each upload or restore by its day.
    """
    parts = []
    for row in sources.itertuples(index=False):
        if row.action == "seed":
            what = t("source.report", lang)
        elif row.action == "rollback":
            what = t("source.rollback", lang).format(v=int(row.restored_from))
        else:
            # An upload by its date, never its file name: "lan_a_try3.xlsx" is not a source a public
            # page shows, and the account that uploaded it is a person's name.
            what = t("source.upload", lang).format(d=fmt.local_day(row.created_at, lang))
        parts.append(f"{what} ({t('source.version', lang).format(v=row.version)})")
    if not parts:
        parts.append(t("source.report", lang))
    return t("source.line", lang).format(sources="; ".join(parts), v=version)
