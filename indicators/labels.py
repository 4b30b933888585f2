"""Words for what the dashboard shows: status, terms, areas, indicator names and qualified figures."""

from __future__ import annotations

import re

import pandas as pd

from indicators import fmt
from indicators.fmt import Lang
from indicators.i18n import t
from indicators.model import Dataset
from indicators.selection import span

# Status is never colour alone: each has an icon and a word (figures add the colours).
NO_TARGET = "no_target"
STATUS_ICON: dict[str, str] = {"vuot": "▲", "dat": "✓", "khong_dat": "✗", "no_data": "○", NO_TARGET: "–"}
PROGRESS_ICON: dict[str, str] = {
    "achieved": "✓",
    "on_track": "↗",
    "moderate": "→",
    "limited": "↘",
    "moving_away": "↓",
    "no_data": "○",
}
_AREA_PREFIX = re.compile(r"^(Tỉnh|Huyện|Xã|Thị trấn|Thành phố)\s+", re.IGNORECASE)
# Short signs for the report's qualifiers, where space is tight (a card's large number).
QUALIFIER_SIGN: dict[str, str] = {"khoang": "≈", "tren": ">"}


def status_text(status: str, lang: Lang) -> str:
    """A status as icon and word: "▲ vượt"."""
    return f"{STATUS_ICON.get(status, '○')} {t(f'status.{status}', lang)}"


def progress_text(status: str, lang: Lang) -> str:
    """A progress status as icon and word: "↗ đúng tiến độ"."""
    return f"{PROGRESS_ICON.get(status, '○')} {t(f'progress.{status}', lang)}"


def term_label(term: str, lang: Lang) -> str:
    """A term as people write it: "2015–2020", or "Năm 2019" for a single year."""
    years = span(term)
    if years:
        return f"{years[0]}–{years[1]}"
    return t("term.year", lang).format(y=term) if term else fmt.MISSING


def area_label(data: Dataset, code: str, lang: Lang) -> str:
    """An area's name; in English "Tam Đường district" rather than the Vietnamese "Huyện Tam Đường"."""
    row = data.areas[data.areas["code"] == code]
    if row.empty:
        return code
    name, level = str(row["name"].iloc[0]), str(row["level"].iloc[0])
    if lang == "vi" or level not in {"province", "district", "commune"}:
        return name
    return t(f"area.{level}", lang).format(n=_AREA_PREFIX.sub("", name))


def indicator_info(data: Dataset, lang: Lang) -> pd.DataFrame:
    """Per indicator code: its name, unit and domain in the reader's language."""
    info = data.indicators.set_index("code")
    english = lang == "en"
    name = info["name_en"].where(english & (info["name_en"] != ""), info["name_vi"])
    unit = info["unit_en"].where(english & (info["unit_en"] != ""), info["unit"])
    return pd.DataFrame({"name": name, "unit": unit, "domain": info["domain"]}, index=info.index)


def value_text(value: object, qualifier: str, lang: Lang) -> str:
    """A figure with the report's qualifier: "khoảng 300.000"; "—" when absent."""
    text = fmt.number(value, lang)
    if text == fmt.MISSING or not qualifier:
        return text
    return f"{t(f'qualifier.{qualifier}', lang)} {text}"
