"""Sổ khen thưởng: awards counted from the register by level, form, year and area; names only for editors."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import auth, computed, markup, reading_tables, state, widgets
from dashboard.cache import per_version
from indicators.awards import catalogue as awards_catalogue
from indicators.awards import check as awards_check
from indicators.awards import counts as awards_counts
from indicators.awards import privacy
from indicators.charts import awards as award_charts
from indicators.core.model import Dataset
from indicators.excel import awards_sheet
from indicators.excel.writer import csv_safe
from indicators.store import accounts, award_cycle, register
from indicators.text import award_words, commendations
from indicators.text.fmt import Lang
from indicators.text.i18n import t

ALL = "__all__"


@per_version(4)
def register_at(version: int) -> pd.DataFrame:
    """The register of one version, read once for every reader: a province's five years hold 200,000 rows."""
    return register.read(state.store(), version)


@per_version(32)
def counts_at(version: int, area: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows of an area (with the areas under it) and their counts; the trend and grids start here."""
    rows = register_at(version)
    areas = state.dataset_at(version).areas
    chosen = rows if area == ALL else rows[rows["area"].isin(awards_counts.within(areas, area))]
    return chosen, awards_counts.counts(chosen, awards_catalogue.load(), sorted(set(chosen["year"])))


def report_totals(data: Dataset, lang: Lang) -> None:
    """The source report's five-year totals, marked as totals from a report, beside the records."""
    totals = commendations.commendations(data, lang)
    ranked = totals[totals["level"] != ""] if not totals.empty else totals
    if ranked.empty:
        return
    st.subheader(t("awards.page.report_totals", lang))
    # Headers in words and numbers as people write them (6.984), as on the commendations page: never
    # column ids. For reading only: the report's totals are downloaded from the commendations page.
    reading_tables.plain_table(commendations.levels_table(ranked, lang), lang)
    # The report's totals name the report and its version as their source.
    st.caption(markup.md(computed.source_line(lang)))


def level_grid(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Levels down, years across, the words put on last."""
    grid = awards_counts.by_level_and_year(table)
    grid["level"] = [award_words.level_name(v, lang) for v in grid["level"]]
    return grid.rename(columns={"level": t("awards.col.level", lang), "total": t("awards.page.total", lang)})


def form_table(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Each award and recipient kind with its count over the chosen years, highest award first."""
    catalogue = awards_catalogue.load()
    summed = table.groupby(["award", "recipient_kind"], sort=False)["count"].sum().reset_index()
    return pd.DataFrame(
        {
            t("awards.col.award", lang): [
                award_words.award_name(catalogue, c, lang) for c in summed["award"]
            ],
            t("awards.col.recipient_kind", lang): [
                t(f"awards.kind.{k}", lang) for k in summed["recipient_kind"]
            ],
            t("awards.col.count", lang): summed["count"].to_numpy(),
        }
    )


def own_area(account: str) -> str | None:
    """The area the signed-in editor's names are held to; None for an account held to none."""
    found = accounts.account(state.store(), account) if account else None
    return found.area if found is not None else None


def named_list(rows: pd.DataFrame, data: Dataset, lang: Lang, area: str) -> None:
    """The named list of the editor's own area, for analysts and admins only; its download is logged."""
    st.subheader(t("awards.page.names", lang))
    account = auth.current()[0]
    own = own_area(account)
    rows = privacy.named_rows(rows, data.areas, own)
    if own:
        label = computed.area_labels(data, lang).get(own, own)
        st.caption(t("awards.names.own_area", lang).format(area=label))
    else:
        st.caption(t("awards.names.every_area", lang))
    catalogue = awards_catalogue.load()
    # One person's or one unit's history: every year's awards of the names or units holding the words.
    wanted = st.text_input(t("awards.page.history", lang), key="awards_history").strip().casefold()
    if wanted:
        hit = rows["name"].str.casefold().str.contains(wanted, regex=False) | rows[
            "unit"
        ].str.casefold().str.contains(wanted, regex=False)
        rows = rows[hit.to_numpy(dtype=bool)].sort_values(["name", "year"], kind="stable")
    shown = rows.assign(
        award=[award_words.award_name(catalogue, c, lang) for c in rows["award"]],
        recipient_kind=[t(f"awards.kind.{k}", lang) for k in rows["recipient_kind"]],
    ).rename(columns={c: t(f"awards.col.{c}", lang) for c in rows.columns})
    st.dataframe(shown, hide_index=True)
    st.download_button(
        t("awards.page.download", lang),
        csv_safe(shown).to_csv(index=False).encode("utf-8-sig"),
        file_name="danh-sach-khen-thuong.csv",
        mime="text/csv",
        on_click=register.record_export,
        args=(state.store(), account, f"page awards {area}", len(rows)),
        key="awards_named_download",
    )
    st.caption(t("awards.page.download_note", lang))


def proposal_findings(proposals: pd.DataFrame, rows: pd.DataFrame, lang: Lang) -> list[str]:
    """Each stored proposal's findings in a few words; a decided proposal is in the register already."""
    open_rows = proposals[proposals["decision_no"] == ""].reset_index(drop=True)
    years = set(open_rows["year"])
    held = award_cycle.registrations(state.store())
    held = held[held["year"].isin(years)]
    found = awards_check.check(
        open_rows[list(awards_check.PROPOSAL_COLUMNS)],
        rows,
        awards_catalogue.load(),
        held if len(held) else None,
    )
    words = found.groupby("row")["code"].agg(lambda c: "; ".join(t(f"awards.short.{x}", lang) for x in c))
    by_id = dict(
        zip(
            open_rows["id"],
            [words.get(i, t("awards.short.none", lang)) for i in open_rows.index],
            strict=True,
        )
    )
    return [by_id.get(i, "—") for i in proposals["id"]]


def stored_proposals(rows: pd.DataFrame, data: Dataset, lang: Lang) -> None:
    """The proposals the store holds for a year, within the editor's area, each with its findings."""
    held = award_cycle.proposals(state.store())
    if held.empty:
        return
    st.subheader(t("awards.cycle.page_title", lang))
    st.caption(t("awards.cycle.page_intro", lang))
    years = sorted(set(held["year"]), reverse=True)
    year = st.selectbox(t("awards.cycle.page_year", lang), years, key="awards_cycle_year")
    chosen = privacy.named_rows(held[held["year"] == year], data.areas, own_area(auth.current()[0]))
    catalogue = awards_catalogue.load()
    shown = chosen.assign(
        award=[award_words.award_name(catalogue, c, lang) for c in chosen["award"]],
        recipient_kind=[t(f"awards.kind.{k}", lang) for k in chosen["recipient_kind"]],
        result=[t(f"awards.result.{r or 'none'}", lang) for r in chosen["result"]],
        findings=proposal_findings(chosen, rows, lang) if len(chosen) else [],
    )
    st.dataframe(
        shown.rename(columns={c: t(f"awards.col.{c}", lang) for c in shown.columns}), hide_index=True
    )


def upload(lang: Lang) -> None:
    """Analysts and admins add a list of decisions: checked whole, previewed, written as one version."""
    st.subheader(t("awards.page.upload", lang))
    catalogue = awards_catalogue.load()
    st.download_button(
        t("awards.page.template", lang),
        awards_sheet.template_bytes(catalogue),
        file_name="mau-danh-sach-khen-thuong.xlsx",
        key="awards_template",
    )
    sent = st.file_uploader(t("awards.page.upload_file", lang), type=["xlsx"], key="awards_upload")
    if sent is None:
        return
    checked = awards_sheet.check_file_isolated(sent.getvalue(), catalogue)
    if not checked.ok:
        st.error(t("awards.page.refused", lang).format(n=len(checked.errors)))
        st.markdown("\n".join(f"- {m.text(lang)}" for m in checked.errors))
        return
    st.info(t("awards.page.preview", lang).format(n=len(checked.rows)))
    preview = awards_counts.counts(checked.rows, catalogue, sorted(set(checked.rows["year"])))
    st.dataframe(form_table(preview, lang), hide_index=True)
    if st.button(t("awards.page.commit", lang), key="awards_commit"):
        try:
            result = register.add(state.store(), checked.rows, auth.current()[0], sent.name)
        except register.RegisterError as exc:
            st.error(exc.text(lang))
            return
        st.success(t("awards.page.saved", lang).format(n=result.added, v=result.version))


def proposals_check(rows: pd.DataFrame, lang: Lang) -> None:
    """Analysts and admins check a proposal list: each finding named, the council still decides."""
    st.subheader(t("awards.page.check", lang))
    st.caption(t("awards.page.check_intro", lang))
    catalogue = awards_catalogue.load()
    sent = st.file_uploader(t("awards.page.proposals_file", lang), type=["xlsx"], key="awards_proposals")
    kept = st.file_uploader(
        t("awards.page.registrations_file", lang), type=["xlsx"], key="awards_registrations"
    )
    if sent is None:
        return
    proposals = awards_sheet.read_proposals_isolated(sent.getvalue(), catalogue)
    registrations = awards_sheet.read_proposals_isolated(kept.getvalue(), catalogue) if kept else None
    errors = [*proposals.errors, *(registrations.errors if registrations is not None else [])]
    if errors:
        st.error("\n".join(m.text(lang) for m in errors))
        return
    held = None
    if registrations is None:
        # No file given: the registrations the store holds for the proposals' years, if any.
        stored = award_cycle.registrations(state.store())
        stored = stored[stored["year"].isin(set(proposals.rows["year"]))]
        held = stored if len(stored) else None
        if held is not None:
            st.caption(t("awards.cycle.from_store", lang).format(n=len(held)))
    found = awards_check.check(
        proposals.rows, rows, catalogue, registrations.rows if registrations is not None else held
    )
    summary = award_words.summary(len(found), len(proposals.rows)).text(lang)
    if found.empty:
        st.success(summary)
        return
    st.warning(summary)
    st.markdown("\n".join(f"- {m.text(lang)}" for m in award_words.findings(catalogue, found)))


# Read inputs.
lang = state.lang()
st.title(t("awards.page.title", lang))
data = widgets.require_data(lang)
st.caption(t("awards.page.intro", lang))
rows = register_at(state.version())
if rows.empty:
    widgets.say(t("awards.page.empty", lang))
    report_totals(data, lang)
    if auth.can_edit():
        upload(lang)
    st.stop()
names = computed.area_labels(data, lang)
present = sorted(set(rows["area"]), key=lambda a: names.get(a, a))
area = st.selectbox(
    t("awards.page.area", lang),
    [ALL, *present],
    format_func=lambda a: t("awards.page.all_areas", lang) if a == ALL else names.get(a, a),
    key="awards_area",
)
chosen, table = counts_at(state.version(), area)

# Draw.
if table.empty:
    widgets.say(t("awards.page.empty", lang))
else:
    # Drawn here rather than by widgets.show_chart, whose caption names the report as the source.
    st.plotly_chart(
        award_charts.trend_figure(table, lang),
        width="stretch",
        theme=None,
        config={"displaylogo": False, "responsive": True, "locale": lang},
        key="awards_trend",
    )
    st.caption(t("awards.page.source", lang).format(v=state.version()))
    st.subheader(t("awards.page.by_level", lang))
    st.dataframe(level_grid(table, lang), hide_index=True)
    st.subheader(t("awards.page.by_form", lang))
    st.dataframe(form_table(table, lang), hide_index=True)
report_totals(data, lang)
if auth.can_edit():
    named_list(chosen, data, lang, area)
    stored_proposals(rows, data, lang)
    proposals_check(rows, lang)
    upload(lang)
else:
    st.caption(t("awards.page.names_hidden", lang))
