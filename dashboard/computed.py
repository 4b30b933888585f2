"""What the pages compute from the data, once per data version and choice, shared by every session."""

from __future__ import annotations

import dataclasses

import pandas as pd

from dashboard import narrow, state
from dashboard.cache import per_version
from indicators.areas import compare, rollup
from indicators.areas import hierarchy as area_tree
from indicators.charts import Figure, figures
from indicators.core import attainment, progress, selection, tally
from indicators.core.model import Dataset
from indicators.rounds import pending_view
from indicators.store import scope
from indicators.text import cards as indicator_cards
from indicators.text import labels, tables
from indicators.text import totals as totals_text
from indicators.text.fmt import LANGS, Lang
from indicators.text.i18n import t

# Each function below is cached per store and version (dashboard/cache.py); frames go out as
# shallow copies, and figures, cards and goal lists are only drawn, never changed.


@per_version(state.VERSIONS_HELD)
def attainment_rows(data: Dataset) -> pd.DataFrame:
    """Every target's attainment with its term, computed once per data version."""
    return selection.with_periods(attainment.compute(data))


@per_version(state.VERSIONS_HELD)
def progress_rows(data: Dataset) -> pd.DataFrame:
    """Progress toward the latest goals, once per data version.

    Not every goal's required path too: two million rows at national scale, held for a page that
    draws one area's (the goals page makes those, once per area).
    """
    return progress.compute(data)


@per_version(8)
def indicator_info(data: Dataset, lang: Lang) -> pd.DataFrame:
    """Per indicator code its name, unit and domain in the reader's language (labels.indicator_info)."""
    return labels.indicator_info(data, lang)


@per_version(64)
def indicator_areas(data: Dataset, code: str) -> tuple[list[str], frozenset[str]]:
    """The areas an indicator's page offers (its figures' areas, provinces over them), those with figures.

    A province is offered wherever its units have the indicator's figures: its figures are their totals.
    """
    held = frozenset(narrow.cut(data, [code]).observations["area"].unique())
    areas = [a for a in data.areas["code"] if a in held]
    areas += [p for p in rollup.provinces_over(data.areas, areas, province_map(data)) if p not in areas]
    return areas, held


@per_version(16)
def domain_rows(data: Dataset, codes: tuple[str, ...]) -> pd.DataFrame:
    """The attainment rows of a domain page's indicators (selection.domain_rows), once per version.

    A pass over every target's result (hundreds of thousands at national scale) on every run before.
    """
    return selection.domain_rows(attainment_rows(data), list(codes))


@per_version(16)
def rolled(data: Dataset, area: str) -> rollup.Rollup | None:
    """A parent area's totals of its units (rollup.of), once per version; None for a commune or no totals."""
    unit = area_tree.unit(data.areas, area)
    if unit is None or str(unit["level"]) == "commune":
        return None
    found = rollup.of(data, area)
    if found.marks.empty:
        return None
    # The terms' column the pages select on, as attainment_rows carries it.
    return dataclasses.replace(found, rows=selection.with_periods(found.rows))


@per_version(state.VERSIONS_HELD)
def province_map(data: Dataset) -> dict[str, str]:
    """Each area's province (rollup.province_map), once per version: a page's run reads, never builds it."""
    return rollup.province_map(data.areas)


@per_version(16)
def units_under(data: Dataset, area: str) -> frozenset[str]:
    """`area` and every unit under it (store.scope.descendants), once per version and area."""
    return frozenset(scope.descendants(data.areas, area))


@per_version(64, shared=False)
def area_name(data: Dataset, code: str, lang: Lang) -> str:
    """An area's name in the reader's language (labels.area_label), once per version: a scan of every unit."""
    return labels.area_label(data, code, lang)


def area_rows(
    data: Dataset, area: str | None, period: str | None, within: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The results of one area and term: a parent's judged on its complete totals, never a partial one.

    `within`: a page's own rows (its indicators' results), to select from instead of every result.
    """
    found = rolled(data, area) if area is not None else None
    if found is None:
        return selection.select(attainment_rows(data) if within is None else within, area, period)
    rows = found.rows if within is None else found.rows[found.rows["code"].isin(set(within["code"].unique()))]
    return selection.select(rows, area, period)


def area_cut(data: Dataset, codes: tuple[str, ...] | list[str] | None, area: str | None) -> Dataset:
    """The rows of `codes` in `area` (narrow.cut), a parent's own rows with its units' totals added.

    The totals are a small dataset of the parent's rows alone: cut by a plain filter, never through
    the version's row index, which counts rows of the whole dataset.
    """
    found = rolled(data, area) if area is not None else None
    if found is None:
        return narrow.cut(data, codes, area)
    if codes is None:
        return found.data
    keep = set(codes)
    return dataclasses.replace(
        found.data,
        **{
            name: frame[frame["code"].isin(keep)]
            for name in ("indicators", "observations", "targets", "reported")
            if "code" in (frame := getattr(found.data, name))
        },
    )


@per_version(64)
def cards(
    data: Dataset, codes: tuple[str, ...], lang: Lang, area: str | None, period: str | None
) -> list[indicator_cards.Card]:
    """Cards for the given indicators in one area and term (see text/cards.py), once per version.

    A total of a parent's units says so under its figure: how many reported, partial or complete.
    """
    rows = area_rows(data, area, period)
    made = indicator_cards.cards(area_cut(data, codes, area), rows, codes, lang, area, period)
    found = rolled(data, area) if area is not None else None
    if data.pending.sendings and area is not None:
        # A parent's totals are data of their own: whether one holds a pending figure is the page's.
        made = [
            dataclasses.replace(
                card, pending=card.pending or data.pending.holds(card.code, area, card.year or None)
            )
            for card in made
        ]
    return made if found is None else [_with_mark(card, found, lang) for card in made]


def _with_mark(card: indicator_cards.Card, found: rollup.Rollup, lang: Lang) -> indicator_cards.Card:
    mark = found.mark_of(card.code, int(card.year)) if card.year else None
    if mark is None:
        return card
    note = totals_text.reported(mark, lang)
    return dataclasses.replace(card, value_note=f"{card.value_note} · {note}" if card.value_note else note)


@per_version(64)
def results(
    data: Dataset, codes: tuple[str, ...], lang: Lang, area: str | None, period: str | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A domain page's results table (tables.results) and its words (results_table), once per version.

    Half a second of a domain page's run at national scale (profiled), the same for every reader of
    an area and term: done once, not on every run of every session.
    """
    # The page's own indicators only; a province's are its own and its units' totals.
    rows = area_rows(data, area, period, within=selection.domain_rows(attainment_rows(data), list(codes)))
    found = tables.results(area_cut(data, codes, area), rows, list(codes), lang, area, period)
    return found, tables.results_table(found, lang)


def totals_line(data: Dataset, code: str, area: str, lang: Lang) -> str:
    """Under a parent's series: which years are its units' totals and how many reported ("" if none)."""
    found = rolled(data, area)
    if found is None:
        return ""
    marks = found.marks[found.marks["code"] == code]
    years = [f"{int(m['year'])}: {totals_text.reported(m, lang)}" for _, m in marks.iterrows()]
    return t("rollup.series", lang).format(years="; ".join(years)) if years else ""


@per_version(64)
def attainment_chart(
    data: Dataset,
    lang: Lang,
    area: str | None,
    period: str | None,
    codes: tuple[str, ...] | None = None,
    title: str | None = None,
) -> tuple[Figure | None, int]:
    """The attainment chart of one area and term (None when nothing is judged) and how many are not."""
    rows = area_rows(data, area, period)
    if codes is not None:
        rows = selection.domain_rows(rows, list(codes))
    # A figure not yet approved (the reader switched them on) is marked on its bar's label.
    view = tables.attainment_view(data, pending_view.flagged(rows, data.pending), lang)
    judged = view["shown_pct"].notna()
    # The title says what the chart finds, kind by kind of target, where there is a finding.
    title = indicator_cards.tally_title(tally.by_kind(rows), lang) or title
    figure = figures.attainment_figure(view, lang, title) if judged.any() else None
    # A partial total has a figure: it is counted apart (partial_count), not as one still to come.
    partial = rows[rollup.PARTIAL].to_numpy(dtype=bool) if rollup.PARTIAL in rows else False
    return figure, int((~judged.to_numpy() & ~partial).sum())


def partial_count(
    data: Dataset, area: str | None, period: str | None, codes: tuple[str, ...] | None = None
) -> int:
    """How many targets of a parent area are left unjudged because its units' total is partial."""
    if area is None or rolled(data, area) is None:
        return 0  # a commune's own figures: nothing to count, and no pass over every result
    rows = area_rows(data, area, period)
    if codes is not None:
        rows = selection.domain_rows(rows, list(codes))
    return int(rows[rollup.PARTIAL].sum()) if rollup.PARTIAL in rows else 0


@per_version(8, shared=False)
def area_labels(data: Dataset, lang: Lang) -> dict[str, str]:
    """Every area's picker label ("Tỉnh Lai Châu › Xã Bình Lư · 03390"), built once per version."""
    options = area_tree.picker_options(data.areas, lang)
    return dict(zip(options["code"], options["label"], strict=True))


@per_version(state.VERSIONS_HELD)
def compare_choices(data: Dataset) -> tuple[list[str], dict[str, list[int]]]:
    """The comparison page's indicators in page order, and each one's years, once per version."""
    # Scans of every figure (millions at national scale): once per version, not on every run.
    return selection.all_codes(data), compare.years_by_code(data)


@per_version(64)
def default_parent(data: Dataset, code: str, year: int) -> str:
    """The parent of the areas holding an indicator's figures in a year (compare.default_parent), cached."""
    return compare.default_parent(data, code, year)


@per_version(32, shared=False)
def comparison(data: Dataset, code: str, year: int, parent: str) -> compare.Comparison:
    """The comparison of one indicator, year and parent, computed once per version."""
    return compare.compare(data, code, year, parent)


@per_version(64)
def filter_choices(
    data: Dataset, key: str, codes: tuple[str, ...] | None, *, _rows: pd.DataFrame
) -> tuple[list[str], set[str], list[str], str | None]:
    """The areas and terms a page's filters offer, the areas with figures, and the default term.

    A page (its filters' `key`) passes the same rows at a given version: the two name them.
    """
    chosen = None if codes is None else list(codes)
    areas = selection.areas_present(data, _rows, chosen)
    measured = set(selection.areas_present(data, None, chosen))
    # The province is a choice wherever its units have figures: its figures are their totals.
    areas += [p for p in rollup.provinces_over(data.areas, sorted(measured)) if p not in areas]
    # A term with figures but no target yet (tea's 2021–2025 areas) is offered too, and the page
    # opens on the latest term with data.
    obs = data.observations if chosen is None else narrow.cut(data, chosen).observations
    figured = selection.figure_periods(_rows, sorted(int(y) for y in obs["year"].unique()))
    terms = sorted(
        set(selection.periods(_rows)) | set(figured), key=lambda p: selection.period_years(p)[::-1]
    )
    return areas, measured, terms, selection.default_period(_rows, figured)


@per_version(32, shared=False)
def _source_line(version: int, lang: Lang) -> str:
    return labels.source_line(state.store().sources(version), version, lang)


def source_line(lang: Lang) -> str:
    """The source of this run's data: the report, then every upload or restore still behind it.

    Of the run's pinned version (state.version), never a newer one committed while the page draws:
    a chart's source line names the same version as the page's header.
    """
    return _source_line(state.version(), lang)


def warm(version: int) -> None:
    """What the first view of most pages needs at `version`, computed before anyone asks (warmup.py).

    Cheap, shared values only: the source line and the area names in both languages, the comparison's
    choices. A server computes them once per version whether or not anyone reads it; the attainment
    of every target (seconds at national scale) is left to the first page that needs it, not paid
    in the background while a page is being drawn.
    """
    data = state.dataset_at(version)
    for lang in LANGS:
        _source_line(version, lang)
        area_labels(data, lang)
    compare_choices(data)
