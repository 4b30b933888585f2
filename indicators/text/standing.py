"""Where a term's goals stand, in words: a line per goal, the ones behind first (the first screen)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators.core import tally
from indicators.core.model import Dataset
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from indicators.text.labels import goal_status_words, indicator_info
from indicators.text.tables import goal_text


@dataclass(frozen=True)
class GoalLine:
    """One goal as the first screen says it: status, name, latest figure, its basis and year, the goal."""

    code: str
    status: str  # the progress status code (the badge's colour is chosen from it)
    status_words: str  # "không đạt mục tiêu (97,78 %)"; the page puts the icon before it
    name: str
    figure: str  # the latest figure with its unit, or "chưa có số liệu"
    basis: str  # "ước" or "chính thức"; "" without a figure
    year: int | None  # the latest figure's year
    goal: str  # the goal as stated: "≥ 45 triệu đồng"

    @property
    def behind(self) -> bool:
        """Whether the goal is behind (not met, moving away, slow …): named first."""
        return self.status in tally.BEHIND


def term_heading(goals: pd.DataFrame, lang: Lang) -> str:
    """ "Mục tiêu giai đoạn 2020–2025": the term the goals belong to."""
    first, last = int(goals["base_year"].min()), int(goals["goal_year"].max())
    return t("standing.heading", lang).format(first=first, last=last)


def _figure(goal: pd.Series, value_kind: str, unit: str, lang: Lang) -> tuple[str, str, int | None]:
    """The latest figure in words, the basis of the status (estimate or official) and the figure's year."""
    if fmt.is_missing(goal["latest_value"]) or fmt.is_missing(goal["latest_year"]):
        return t("standing.no_figure", lang), "", None
    year = int(goal["latest_year"])
    figure = phrase.Figure(
        goal["latest_value"],
        unit,
        period=phrase.period_of(year, value_kind),
        yes_no=str(goal["method"]) == "yes_no",
    )
    # The figure's own kind: a verdict that also rests on an estimated baseline says so in its status words.
    basis = t("actual.estimate" if str(goal["latest_kind"]) == "estimate" else "actual.official", lang)
    return phrase.figure_text(figure, lang), basis, year


def goal_lines(data: Dataset, goals: pd.DataFrame, lang: Lang) -> list[GoalLine]:
    """Every goal once, behind first and worst first (core/tally.goals_once), each said in full."""
    info = indicator_info(data, lang)
    kinds = data.indicators.set_index("code")["value_kind"].astype(str)
    out = []
    for _, goal in tally.goals_once(goals).iterrows():
        code = str(goal["code"])
        unit = str(info["unit"].get(code, ""))
        figure, basis, year = _figure(goal, str(kinds.get(code, "level")), unit, lang)
        out.append(
            GoalLine(
                code=code,
                status=str(goal["status"]),
                status_words=goal_status_words(goal, lang),
                name=str(info["name"].get(code, code)),
                figure=figure,
                basis=basis,
                year=year,
                goal=goal_text(data, goal, unit, lang),
            )
        )
    return out


def line_text(line: GoalLine, lang: Lang) -> str:
    """The goal's figure, year and basis, then the goal: "44 triệu đồng (2025, chính thức); mục tiêu ≥ 45"."""
    said = line.figure if line.year is None else f"{line.figure} ({line.year}, {line.basis})"
    return t("standing.line", lang).format(figure=said, goal=line.goal)
