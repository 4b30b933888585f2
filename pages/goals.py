"""Mục tiêu 2025: per goal, the figures so far, the required path from the 2020 baseline, the status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from dashboard import auth, computed, limits, markup, narrow, reading_tables, state, widgets
from dashboard.cache import per_version
from indicators.charts import Figure, figures
from indicators.core import page_settings, selection
from indicators.core.model import Dataset
from indicators.excel import missing
from indicators.excel import workbook as excel
from indicators.text import labels, tables
from indicators.text.fmt import Lang
from indicators.text.i18n import t


@dataclass(frozen=True)
class GoalsView:
    """Everything the page draws for one area in one language: built once per version, then only drawn."""

    goals: pd.DataFrame  # the area's goals and their required paths
    paths: pd.DataFrame
    drawable: list[str]  # the goals with a baseline, in the goals' order
    gaps: pd.DataFrame
    missing_lines: list[str]
    unexplained_lines: list[str]
    table: pd.DataFrame
    summary: pd.DataFrame


def _drawable(goals: pd.DataFrame) -> list[str]:
    """The goals with a baseline and a goal figure: those a chart can draw a path for."""
    return [str(c) for c in goals.loc[goals["base_value"].notna() & goals["goal_value"].notna(), "code"]]


# One chart per version, area, language and goal: a page draws a dozen of a hundred, built when asked.
@per_version(256)
def _chart(whole: Dataset, area: str, lang: Lang, code: str, *, _view: GoalsView) -> Figure:
    goals, paths = _view.goals, _view.paths
    goal = goals[goals["code"] == code].iloc[0]
    data = narrow.cut(whole, [code], area)
    info = labels.indicator_info(data, lang)
    name, unit = str(info["name"].get(code, code)), str(info["unit"].get(code, ""))
    actuals = selection.series(
        data, code, area, first=page_settings.CHANGE_BASE_YEAR, last=int(goal["goal_year"])
    )
    path = paths[paths["code"] == code]
    return figures.goal_figure(goal, actuals, path, name, unit, lang)


def _lines(data: Dataset, goals: pd.DataFrame, gaps: pd.DataFrame, lang: Lang) -> tuple[list[str], list[str]]:
    """The goals lacking figures, each with what it lacks; and those without a path for another reason."""
    info = labels.indicator_info(data, lang)
    lacking = []
    for code, rows in missing.gaps_for_people(gaps, data, lang).groupby("code", sort=False):
        goal = tables.goal_text(
            data, goals[goals["code"] == code].iloc[0], str(info["unit"].get(code, "")), lang
        )
        what = "; ".join(rows["missing"])
        lacking.append(f"- **{markup.md(rows['name'].iloc[0])}** ({markup.md(goal)}): {markup.md(what)}")
    drawn = goals["base_value"].notna() & goals["goal_value"].notna()
    other = []
    for _, goal in goals[~drawn & ~goals["code"].isin(gaps["code"])].iterrows():
        code = str(goal["code"])
        reason = (
            t(f"reason.{goal['reason']}", lang) if goal["reason"] else t(f"progress.{goal['status']}", lang)
        )
        stated = tables.goal_text(data, goal, str(info["unit"].get(code, "")), lang)
        other.append(
            f"- **{markup.md(info['name'].get(code, code))}** ({markup.md(stated)}): {markup.md(reason)}"
        )
    return lacking, other


# Keyed by store, version, area and language: goal texts and charts are the page's own work, done once.
@per_version(32)
def _view(whole: Dataset, area: str, lang: Lang, today: int) -> GoalsView:
    goals, paths = computed.progress_rows(whole)
    goals, paths = goals[goals["area"] == area], paths[paths["area"] == area]
    data = narrow.cut(whole, area=area)  # the area's own figures and targets, not the whole store
    gaps = missing.gaps(goals, until=today)
    lacking, other = _lines(data, goals, gaps, lang)
    said = missing.by_goal(gaps, lang)
    return GoalsView(
        goals=goals,
        paths=paths,
        drawable=_drawable(goals),
        gaps=gaps,
        missing_lines=lacking,
        unexplained_lines=other,
        table=tables.goals_table(data, goals, lang, said),
        summary=tables.goals_summary(data, goals, lang, said),
    )


@per_version(8)
def _areas(data: Dataset, *, _goals: pd.DataFrame) -> tuple[list[str], set[str]]:
    # The areas with a goal, and those with a figure toward one: a province holding only targets
    # would open the page on goals without a chart. Once per version, not per run.
    measured = set(_goals.loc[_goals["latest_value"].notna(), "area"])
    return sorted(_goals["area"].unique()), measured


# Read inputs.
lang = state.lang()
data = widgets.page_header("page.goals", lang)
goals, _ = computed.progress_rows(data)
if goals.empty:
    widgets.say(t("empty.goals", lang))
    st.stop()
choices, measured = _areas(data, _goals=goals)
area = widgets.area_filter(data, choices, lang, key="goals_area", with_figures=measured)
goals = goals[goals["area"] == area]
base_year, goal_year = int(goals["base_year"].min()), int(goals["goal_year"].max())
view = _view(data, str(area), lang, date.today().year)
st.caption(t("goals.intro", lang).format(base=base_year, goal=goal_year))
# An analyst comes here for the figures the goals lack: the workbook to fill is first, not three
# screens down under the charts (the list of what is missing stays below, for everyone).
if view.missing_lines and auth.can_edit():
    st.download_button(
        t("goals.missing_download", lang),
        data=lambda: missing.workbook_bytes(narrow.cut(data, area=area), view.gaps),
        file_name=missing.file_name(str(area), goal_year, data.version),
        mime=excel.XLSX_MIME,
        icon=":material/download:",
        key="goals_missing_download",
    )
    st.caption(t("goals.missing_how", lang))

# One chart per goal that has a baseline, six at most with a search; the others say why not.
st.subheader(t("goals.paths", lang))
if not view.drawable:
    widgets.say(t("empty.goal_chart", lang).format(reason=t("reason.no_baseline", lang)))
grid = st.grid(2, min_column_width=340, gap="medium")
for code in limits.searched(data, view.drawable, lang, key="goals", limit=limits.GOAL_CHART_LIMIT):
    with grid.cell():
        figure = _chart(data, str(area), lang, code, _view=view)
        widgets.show_chart(figure, f"goal_{code}", lang, key=f"goal_{code}")

# The figures each goal without a status lacks; an analyst gets them as a workbook to fill.
if view.missing_lines:
    st.subheader(t("goals.missing", lang))
    st.write(t("goals.missing_intro", lang).format(count=missing.count_text(view.gaps, lang)))
    st.markdown("\n".join(view.missing_lines))
    if not auth.can_edit():
        st.caption(t("goals.missing_viewer", lang))

# Goals without a path for another reason than a missing figure (a share not judged on its own).
if view.unexplained_lines:
    st.subheader(t("goals.no_path", lang))
    st.markdown("\n".join(view.unexplained_lines))

# Required and observed growth, for reading and for Excel.
st.subheader(t("goals.table", lang))
reading_tables.show_table(view.table, f"goals_{goal_year}", lang, key="goals_table", display=view.summary)
