"""Mục tiêu 2025: every goal's verdict in one table, then the path of the goal the reader picks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from dashboard import auth, computed, markup, narrow, reading_tables, standing, state, widgets
from dashboard.cache import per_version
from indicators.areas import rollup, rollup_review
from indicators.charts import Figure, figures
from indicators.core import page_settings, progress, selection
from indicators.core.model import Dataset
from indicators.excel import missing
from indicators.excel import workbook as excel
from indicators.rounds import pending_view
from indicators.text import labels, phrase, tables
from indicators.text import totals as totals_text
from indicators.text.fmt import Lang
from indicators.text.i18n import t


@dataclass(frozen=True)
class GoalsView:
    """Everything the page draws for one area in one language: built once per version, then only drawn."""

    goals: pd.DataFrame  # the area's goals and their required paths
    paths: pd.DataFrame
    drawable: list[str]  # the goals with a baseline, in the goals' order
    choices: dict[str, str]  # each drawable goal as the picker names it: indicator and status
    gaps: pd.DataFrame
    missing_lines: list[str]
    unexplained_lines: list[str]
    table: pd.DataFrame
    summary: pd.DataFrame


def _drawable(goals: pd.DataFrame) -> list[str]:
    """The goals with a baseline and a goal figure: those a chart can draw a path for."""
    return [str(c) for c in goals.loc[goals["base_value"].notna() & goals["goal_value"].notna(), "code"]]


def _choices(data: Dataset, goals: pd.DataFrame, codes: list[str], lang: Lang) -> dict[str, str]:
    """Each goal a chart can draw, named as the picker shows it: "Indicator (unit) · ↗ on track"."""
    info = labels.indicator_info(data, lang)
    named = {}
    for _, goal in goals[goals["code"].isin(codes)].iterrows():
        code = str(goal["code"])
        name, unit = str(info["name"].get(code, code)), str(info["unit"].get(code, ""))
        label = phrase.titled(name, unit)
        named[code] = f"{label} · {labels.goal_status_text(goal, lang)}"
    return named


# One chart per version, area, language and goal: a page draws a dozen of a hundred, built when asked.
@per_version(256)
def _chart(whole: Dataset, area: str, lang: Lang, code: str, *, _view: GoalsView) -> Figure:
    goals, paths = _view.goals, _view.paths
    goal = goals[goals["code"] == code].iloc[0]
    data = computed.area_cut(whole, [code], area)
    info = labels.indicator_info(data, lang)
    name, unit = str(info["name"].get(code, code)), str(info["unit"].get(code, ""))
    actuals = selection.series(
        data, code, area, first=page_settings.CHANGE_BASE_YEAR, last=int(goal["goal_year"])
    )
    # Each figure not yet approved (where the reader switched them on) is marked on the chart.
    actuals = pending_view.flagged(actuals, whole.pending, code, area)
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


@per_version(32)
def _area_goals(whole: Dataset, area: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The area's goals and required paths; a province's judged on its units' totals (rollup_review)."""
    found = computed.rolled(whole, area)
    if found is None:
        goals = computed.progress_rows(whole)
        goals = goals[goals["area"] == area]
    else:
        goals = rollup_review.goals(found)
    return goals, progress.required_path(goals)


def _partial_reasons(
    whole: Dataset, area: str, goals: pd.DataFrame, lang: Lang
) -> dict[tuple[str, str], str]:
    """Per goal a partial total holds back, why: how many units reported, in which year."""
    found = computed.rolled(whole, area)
    if found is None or rollup_review.MARK_YEAR not in goals:
        return {}
    said = {}
    for _, goal in goals[goals[rollup_review.MARK_YEAR].notna()].iterrows():
        mark = rollup_review.mark_of(found, str(goal["code"]), goal[rollup_review.MARK_YEAR])
        if mark is not None:
            said[(str(goal["code"]), area)] = totals_text.partial_reason(mark, lang)
    return said


# Keyed by store, version, area and language: goal texts and charts are the page's own work, done once.
@per_version(32)
def _view(whole: Dataset, area: str, lang: Lang, today: int) -> GoalsView:
    goals, paths = _area_goals(whole, area)
    # The area's own figures and targets (a province's with its units' totals), not the whole store.
    data = computed.area_cut(whole, None, area)
    gaps = missing.gaps(goals, until=today)
    lacking, other = _lines(data, goals, gaps, lang)
    said = {**missing.by_goal(gaps, lang), **_partial_reasons(whole, area, goals, lang)}
    drawable = _drawable(goals)
    return GoalsView(
        goals=goals,
        paths=paths,
        drawable=drawable,
        choices=_choices(data, goals, drawable, lang),
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
    # The province over the areas with goals is a choice too: its goals judged on its units' totals.
    measured = set(_goals.loc[_goals["latest_value"].notna(), "area"])
    areas = sorted(_goals["area"].unique())
    provinces = rollup.provinces_over(data.areas, areas, computed.province_map(data))
    return areas + [p for p in provinces if p not in areas], measured


# Read inputs.
lang = state.lang()
data = widgets.page_header("page.goals", lang)
goals = computed.progress_rows(data)
if goals.empty:
    widgets.say(t("empty.goals", lang))
    st.stop()
choices, measured = _areas(data, _goals=goals)
# Where no area has a figure toward its goals yet, the page opens on one with a baseline of its own,
# never on the province offered over its units.
own = measured or set(goals.loc[goals["base_value"].notna(), "area"])
area = widgets.area_filter(data, choices, lang, key="goals_area", with_figures=own)
goals, _ = _area_goals(data, str(area))
if goals.empty:
    # A province whose goals were set for its units, none of its own: said, not an empty table.
    widgets.say(t("rollup.no_goals", lang).format(area=labels.area_label(data, str(area), lang)))
    st.stop()
base_year, goal_year = int(goals["base_year"].min()), int(goals["goal_year"].max())
view = _view(data, str(area), lang, date.today().year)
# The same count as the overview's first screen: each goal once, by its status.
st.markdown(standing.count_line(goals, lang))
# An analyst comes here for the figures the goals lack: the workbook to fill is first, above the
# table and the chart (the list of what is missing stays below, for everyone).
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

# The verdicts first, every goal in one table: what a leader reads before any path.
st.subheader(t("goals.table", lang))
reading_tables.show_table(view.table, f"goals_{goal_year}", lang, key="goals_table", display=view.summary)

# Then the path of one goal, the one the reader picks: one chart to draw, not one per goal. The
# table above holds every goal's figures, so no goal's numbers are behind the picker alone.
st.subheader(t("goals.paths", lang))
st.caption(t("goals.intro", lang).format(base=base_year, goal=goal_year))
if not view.drawable:
    widgets.say(t("empty.goal_chart", lang).format(reason=t("reason.no_baseline", lang)))
else:
    code = st.selectbox(
        t("goals.pick", lang),
        view.drawable,
        format_func=lambda c: view.choices.get(c, c),
        key=f"goals_chart_{area}",
        help=t("goals.pick_help", lang).format(n=len(view.drawable)),
    )
    figure = _chart(data, str(area), lang, str(code), _view=view)
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
