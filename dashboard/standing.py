"""Where the term's goals stand: the one count (overview and goals page alike) and the goals, behind first."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import computed
from dashboard.cache import per_version
from dashboard.markup import keep_years, md
from dashboard.widgets import PROGRESS_BADGE
from indicators.core import tally
from indicators.core.model import Dataset
from indicators.text import fmt, standing
from indicators.text.fmt import Lang
from indicators.text.i18n import t


def area_goals(data: Dataset, area: str | None) -> pd.DataFrame:
    """The latest term's goals of one area (every area's when none is chosen), from progress.compute."""
    goals = computed.progress_rows(data)
    return goals if area is None else goals[goals["area"] == area]


def _badge(status: str, text: str) -> str:
    icon, color = PROGRESS_BADGE.get(status, PROGRESS_BADGE["no_data"])
    return f":{color}-badge[{icon} {md(text)}]"


def count_line(goals: pd.DataFrame, lang: Lang) -> str:
    """ "**17 mục tiêu** — ▲ vượt mục tiêu: 10 …": each goal once, a badge (icon, word) per status."""
    count = tally.by_goal_status(goals)
    head = t("standing.count_one" if count.n == 1 else "standing.count", lang).format(
        n=fmt.number(count.n, lang)
    )
    badges = [
        _badge(status, f"{t(f'progress.{status}', lang)}: {fmt.number(number, lang)}")
        for status, number in count.counts.items()
        if number
    ]
    return " ".join([head, *badges])


def _item(line: standing.GoalLine, lang: Lang) -> str:
    said = md(standing.line_text(line, lang))
    return f"- {_badge(line.status, line.status_words)} **{md(line.name)}**: {said}"


@per_version(32)
def _said(data: Dataset, lang: Lang, area: str | None) -> tuple[str, str, list[str], list[str], str]:
    # Built once per version, area and language: the first screen of every session draws the same words.
    goals = area_goals(data, area)
    if goals.empty:
        return "", "", [], [], ""
    lines = standing.goal_lines(data, goals, lang)
    behind = [_item(line, lang) for line in lines if line.behind]
    others = [_item(line, lang) for line in lines if not line.behind]
    # "None behind" only where some goal has a figure to judge: not where every goal still lacks one.
    judged = any(line.year is not None for line in lines)
    note = t("standing.none_behind", lang) if judged and not behind else ""
    return standing.term_heading(goals, lang), count_line(goals, lang), behind, others, note


def show(data: Dataset, lang: Lang, area: str | None) -> bool:
    """The term's goals of `area`: heading, count, the goals behind named, the rest folded; False if none."""
    heading, count, behind, others, note = _said(data, lang, area)
    if not heading:
        return False
    st.subheader(keep_years(heading))
    st.markdown(count)
    if behind:
        st.markdown(f"**{t('standing.behind', lang)}**\n\n" + "\n".join(behind))
    if note:
        st.markdown(note)
    if others:
        # "The other goals" only after some are named above; otherwise they are simply the goals.
        key = "standing.others" if behind else "standing.all"
        with st.expander(t(key, lang).format(n=fmt.number(len(others), lang))):
            st.markdown("\n".join(others))
    return True
