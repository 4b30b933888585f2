"""The figures the goals still lack, in words, and a workbook pre-filled for exactly those.

A goal without a status ("chưa đủ số liệu") lacks one of three things: its baseline year's figure,
any figure after the baseline, or (a term total) the total at the term's end. Each gap is one row
here, with the years it covers; the workbook is the upload layout holding every row of those
indicators and areas (so an upload removes nothing) plus one empty, marked row per missing year.
"""

from __future__ import annotations

import io

import pandas as pd

from indicators.core.model import (
    AGGREGATION,
    AREAS,
    INDICATORS,
    OBSERVATIONS,
    REPORTED,
    TARGETS,
    Dataset,
    ObsKind,
    ProgressStatus,
)
from indicators.excel import workbook as excel
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# What a goal lacks: the baseline year's figure, any figure after it, or the term's total.
NEEDS = ("baseline", "later", "term_total")
COLUMNS = ["code", "area", "need", "first_year", "last_year", "base_year", "goal_year", "method"]
CELL_COLUMNS = ["code", "area", "year", "need"]


def gaps(goals: pd.DataFrame, until: int) -> pd.DataFrame:
    """One row per figure a goal without a status lacks: indicator, area, what, which years.

    `goals` are progress.compute() rows; `until` is the last year a figure can exist for (the
    current year: its estimate comes in the autumn), so a year still ahead is never "missing".
    """
    rows = []
    for goal in goals[goals["status"] == ProgressStatus.NO_DATA.value].itertuples(index=False):
        base, goal_year = int(goal.base_year), int(goal.goal_year)
        keep = (goal.code, goal.area, base, goal_year, str(goal.method))
        if goal.reason == "term_total":
            # Only the total at the term's end is judged against the goal: earlier years are no gap.
            if goal_year <= until:
                rows.append((*keep[:2], "term_total", goal_year, goal_year, *keep[2:]))
            continue
        if goal.reason == "no_baseline":
            rows.append((*keep[:2], "baseline", base, base, *keep[2:]))
        last = min(goal_year, until)
        if pd.isna(goal.latest_year) and last > base:
            rows.append((*keep[:2], "later", base + 1, last, *keep[2:]))
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.astype({c: "int64" for c in ("first_year", "last_year", "base_year", "goal_year")})


def cells(found: pd.DataFrame) -> pd.DataFrame:
    """The gaps as one row per (indicator, area, year): the figures to fill in."""
    if found.empty:
        return pd.DataFrame(columns=CELL_COLUMNS).astype({"year": "int64"})
    years = [
        list(range(f, last + 1)) for f, last in zip(found["first_year"], found["last_year"], strict=True)
    ]
    out = found.assign(year=years).explode("year")[CELL_COLUMNS]
    return out.astype({"year": "int64"}).drop_duplicates(["code", "area", "year"]).reset_index(drop=True)


def years_text(first: int, last: int) -> str:
    """ "2021–2025", or "2020" for a single year."""
    return str(first) if first == last else f"{first}–{last}"


def describe(row: pd.Series, lang: Lang = "vi") -> str:
    """One gap as a sentence: "chưa có số liệu năm gốc 2020", "chưa có số liệu 2021–2025" …"""
    need, method = str(row["need"]), str(row["method"])
    key = f"missing.{need}"
    if need == "later" and method in ("yes_no", "yearly"):
        key = f"missing.later_{method}"
    return t(key, lang).format(
        years=years_text(int(row["first_year"]), int(row["last_year"])),
        base=int(row["base_year"]),
        term=years_text(int(row["base_year"]) + 1, int(row["goal_year"])),
    )


def by_goal(found: pd.DataFrame, lang: Lang = "vi") -> dict[tuple[str, str], str]:
    """Per (code, area), everything the goal lacks in one sentence: for the goals table's status."""
    said: dict[tuple[str, str], list[str]] = {}
    for _, row in found.iterrows():
        said.setdefault((str(row["code"]), str(row["area"])), []).append(describe(row, lang))
    return {key: "; ".join(parts) for key, parts in said.items()}


def gaps_for_people(found: pd.DataFrame, data: Dataset, lang: Lang = "vi") -> pd.DataFrame:
    """The gaps as a table people read: indicator, unit, what is missing, how many figures."""
    info = data.indicators.set_index("code")
    names = info["name_en"].where(info["name_en"] != "", info["name_vi"]) if lang == "en" else info["name_vi"]
    return pd.DataFrame(
        {
            "code": found["code"],
            "name": [str(names.get(c, c)) for c in found["code"]],
            "area": found["area"],
            "missing": [describe(row, lang) for _, row in found.iterrows()],
            "figures": (found["last_year"] - found["first_year"] + 1).astype("int64"),
        }
    )


def fill_in(data: Dataset, found: pd.DataFrame) -> tuple[Dataset, dict[int, str]]:
    """The upload-layout dataset for the gaps, and the SoLieu rows (0-based) left empty to fill, each
    with the words that mark it: which indicator, which year, what it is for.

    Every current row of the indicators and areas concerned is kept: a long-layout upload is the
    truth for each (indicator, area) it holds, so a row left out would be removed on upload.
    """
    wanted = cells(found)
    pairs = pd.MultiIndex.from_frame(wanted[["code", "area"]].drop_duplicates())

    def of_pairs(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[pd.MultiIndex.from_frame(frame[["code", "area"]]).isin(pairs)]

    blank = pd.DataFrame(
        {
            "code": wanted["code"],
            "area": wanted["area"],
            "year": wanted["year"],
            "kind": ObsKind.ACTUAL.value,  # "Thực hiện"; the drop-down offers "Ước thực hiện"
            "note": [_to_fill_words(data, row) for _, row in wanted.iterrows()],
        }
    )
    obs = pd.concat([of_pairs(data.observations), blank], ignore_index=True)
    obs = obs.assign(_blank=obs["value"].isna() & obs.index.isin(range(len(obs) - len(blank), len(obs))))
    obs = obs.sort_values(["code", "area", "year", "kind"], kind="stable").reset_index(drop=True)
    # The words go on the cell's comment, not into the note column (which would be imported).
    marked = obs["_blank"].astype(bool)
    to_fill = {int(i): str(words) for i, words in obs.loc[marked, "note"].items()}
    obs.loc[marked, "note"] = ""
    codes, areas = set(wanted["code"]), set(wanted["area"])
    subset = Dataset.from_frames(
        {
            INDICATORS.name: data.indicators[data.indicators["code"].isin(codes)],
            OBSERVATIONS.name: obs.drop(columns="_blank"),
            TARGETS.name: of_pairs(data.targets),
            REPORTED.name: of_pairs(data.reported),
            AREAS.name: data.areas[data.areas["code"].isin(areas)],
            AGGREGATION.name: data.aggregation_rules[data.aggregation_rules["code"].isin(codes)],
        },
        version=data.version,
    )
    return subset, to_fill


def _to_fill_words(data: Dataset, cell: pd.Series) -> str:
    """The comment of one empty cell, in Vietnamese like the rest of the workbook."""
    info = data.indicators.set_index("code")
    code = str(cell["code"])
    name = str(info["name_vi"].get(code, code))
    unit = str(info["unit"].get(code, ""))
    what = t(f"missing.cell_{cell['need']}", "vi").format(year=int(cell["year"]))
    return t("missing.cell", "vi").format(name=f"{name} ({unit})" if unit else name, what=what)


def workbook_bytes(data: Dataset, found: pd.DataFrame) -> bytes:
    """The gaps as an .xlsx in the upload layout: known figures filled, missing ones empty and marked."""
    subset, to_fill = fill_in(data, found)
    buffer = io.BytesIO()
    # The version it is made from: an upload after someone added a figure here would remove it.
    excel.write_workbook(subset, buffer, to_fill={OBSERVATIONS.name: to_fill}, made_from=data.version)
    return buffer.getvalue()


def file_name(area: str, goal_year: int, version: int) -> str:
    """The download's name: what it is for, the area, the goal year and the data version."""
    return f"so_lieu_con_thieu_{area}_{goal_year}_v{version}.xlsx"


def count_text(found: pd.DataFrame, lang: Lang) -> str:
    """ "7 mục tiêu, 31 số liệu còn thiếu" in the reader's language."""
    goals = found[["code", "area"]].drop_duplicates().shape[0]
    figures = len(cells(found))
    return t("missing.count", lang).format(goals=fmt.number(goals, lang), figures=fmt.number(figures, lang))
