"""Mục tiêu 2025: per goal, the figures so far, the required path from the 2020 baseline, the status."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import auth, narrow, state, widgets
from indicators import excel, figures, labels, missing, page_settings, selection, tables
from indicators.i18n import t

# Read inputs.
lang = state.lang()
data = widgets.page_header("page.goals", lang)
goals, paths = widgets.progress_rows(data)
if goals.empty:
    widgets.say(t("empty.goals", lang))
    st.stop()
area = widgets.area_filter(data, sorted(goals["area"].unique()), lang, key="goals_area")
goals = goals[goals["area"] == area]
# The area's own figures and targets: what every chart and table below reads, not the whole store.
data = narrow.cut(data, area=area)
info = labels.indicator_info(data, lang)
base_year, goal_year = int(goals["base_year"].min()), int(goals["goal_year"].max())
st.caption(t("goals.intro", lang).format(base=base_year, goal=goal_year))

# One chart per goal that has a baseline; the others say why not.
st.subheader(t("goals.paths", lang))
drawable = goals[goals["base_value"].notna() & goals["goal_value"].notna()]
if drawable.empty:
    widgets.say(t("empty.goal_chart", lang).format(reason=t("reason.no_baseline", lang)))
grid = st.grid(2, min_column_width=340, gap="medium")
for _, goal in drawable.iterrows():
    code = str(goal["code"])
    name, unit = str(info["name"].get(code, code)), str(info["unit"].get(code, ""))
    actuals = selection.series(
        data, code, area, first=page_settings.CHANGE_BASE_YEAR, last=int(goal["goal_year"])
    )
    path = paths[(paths["code"] == code) & (paths["area"] == goal["area"])]
    with grid.cell():
        fig = figures.goal_figure(goal, actuals, path, name, unit, lang)
        widgets.show_chart(fig, f"goal_{code}", lang, key=f"goal_{code}")

# The figures each goal without a status lacks; an analyst gets them as a workbook to fill.
gaps = missing.gaps(goals, until=date.today().year)
if not gaps.empty:
    st.subheader(t("goals.missing", lang))
    st.write(t("goals.missing_intro", lang).format(count=missing.count_text(gaps, lang)))
    people = missing.gaps_for_people(gaps, data, lang)
    for code, rows in people.groupby("code", sort=False):
        goal_text = tables.goal_text(
            data, goals[goals["code"] == code].iloc[0], str(info["unit"].get(code, "")), lang
        )
        what = "; ".join(rows["missing"])
        st.markdown(f"- **{widgets.md(rows['name'].iloc[0])}** ({widgets.md(goal_text)}): {widgets.md(what)}")
    if auth.can_edit():
        st.download_button(
            t("goals.missing_download", lang),
            data=lambda: missing.workbook_bytes(data, gaps),
            file_name=missing.file_name(str(area), goal_year, data.version),
            mime=excel.XLSX_MIME,
            icon=":material/download:",
            key="goals_missing_download",
        )
        st.caption(t("goals.missing_how", lang))
    else:
        st.caption(t("goals.missing_viewer", lang))

# Goals without a path for another reason than a missing figure (a share not judged on its own).
unexplained = goals[~goals.index.isin(drawable.index) & ~goals["code"].isin(gaps["code"])]
if not unexplained.empty:
    st.subheader(t("goals.no_path", lang))
    for _, goal in unexplained.iterrows():
        code = str(goal["code"])
        reason = (
            t(f"reason.{goal['reason']}", lang) if goal["reason"] else t(f"progress.{goal['status']}", lang)
        )
        goal_text = tables.goal_text(data, goal, str(info["unit"].get(code, "")), lang)
        name = widgets.md(info["name"].get(code, code))
        st.markdown(f"- **{name}** ({widgets.md(goal_text)}): {widgets.md(reason)}")

# Required and observed growth, for reading and for Excel.
st.subheader(t("goals.table", lang))
widgets.show_table(
    tables.goals_table(data, goals, lang, missing.by_goal(gaps, lang)),
    f"goals_{goal_year}",
    lang,
    key="goals_table",
    display=tables.goals_summary(data, goals, lang, missing.by_goal(gaps, lang)),
)
