"""One indicator's tables (the Chỉ tiêu page): figures, targets, attainment, quotes, in phrase's words."""

from __future__ import annotations

import pandas as pd

from indicators.core.model import CHANGE_KINDS, ESTIMATE_KINDS, Dataset, Pending
from indicators.text import fmt, labels, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from indicators.text.labels import row_unit, status_text, term_label

# The observation kinds that are a change a year, not a change since the base year.
_PER_YEAR = frozenset({"change_per_year", "change_per_year_estimate"})


def _kind_words(row: pd.Series, lang: Lang) -> str:
    """What a figure is: "Ước thực hiện", "Thay đổi so với năm 2015", "… không nêu năm gốc"."""
    kind = str(row["kind"])
    no_base = pd.isna(row["base_year"]) and "change" in kind
    base = t("obs.no_base", lang) if no_base else ("" if pd.isna(row["base_year"]) else int(row["base_year"]))
    words = t(f"obs.{kind}", lang).format(y=base)
    if no_base:
        words = words.replace(f"năm {base}", str(base)).replace(f"since {base}", f"({base})")
    return words


def _value_words(row: pd.Series, unit: str, value_kind: str, lang: Lang, pending: bool = False) -> str:
    """A figure in words: a level with its qualifier, estimate mark and term; a change signed, in points;
    one not yet approved marked "(chưa duyệt)"."""
    kind = str(row["kind"])
    estimate = kind in ESTIMATE_KINDS
    if kind in CHANGE_KINDS:
        text = phrase.change(row["value"], unit, lang, per_year=kind in _PER_YEAR)
        text = f"{text} ({t('phrase.estimate', lang)})" if estimate and text != fmt.MISSING else text
        return phrase.with_pending_mark(text, phrase.Figure(row["value"], pending=pending), lang)
    figure = phrase.Figure(
        row["value"],
        "" if kind == "total" else unit,
        str(row["qualifier"] or ""),
        estimate=estimate,
        period=phrase.period_of(int(row["year"]), value_kind),
        yes_no=value_kind == "yes_no" and kind != "total",
        pending=pending,
    )
    return phrase.figure_cell(figure, lang)


def observations_table(
    data: Dataset, code: str, lang: Lang, area: str | None, unit: str = ""
) -> pd.DataFrame:
    """Every figure of one indicator: year, kind, value, the value in words, its note, section and quote.

    The note is the one entered with the figure, in Vietnamese only: an English reader gets the words.
    """
    obs = data.observations[data.observations["code"] == code]
    if area is not None:
        obs = obs[obs["area"] == area]
    kinds = data.indicators.set_index("code")["value_kind"]
    value_kind = str(kinds.get(code, ""))
    records = []
    for _, row in obs.sort_values(["year", "kind"]).iterrows():
        pending = data.pending.holds(code, row["area"], row["year"])
        records.append(
            {
                "year": str(int(row["year"])),
                "obs_kind": _kind_words(row, lang),
                "value": row["value"],
                "value_text": _value_words(row, unit, value_kind, lang, pending),
                "note": str(row.get("note", "") or "") if lang == "vi" else "",
                "section": row["section"],
                "quote": row["quote"],
                **pending_cell(data.pending, pending, lang),
            }
        )
    return pd.DataFrame.from_records(records)


def pending_cell(marks: Pending, pending: bool, lang: Lang) -> dict[str, str]:
    """A row's "pending" column where the reader sees figures not yet approved (none otherwise): the
    Excel file then says of each row whether its figure is approved."""
    if not marks.sendings:
        return {}
    return {"pending": t("pending.yes" if pending else "pending.no", lang)}


def _printed(data: Dataset, row: pd.Series) -> float:
    """The % the report printed beside a target row, where it printed one."""
    rep = data.reported
    printed = rep[
        (rep["code"] == row["code"])
        & (rep["area"] == row["area"])
        & (rep["year"] == row["year"])
        & (rep["target_kind"] == row["target_kind"])
    ]
    return float("nan") if printed.empty else float(printed["reported_pct"].iloc[0])


def _target_figure(data: Dataset, row: pd.Series, unit: str = "") -> phrase.Figure:
    """A target row as phrase reads it, with the printed % an implied one was worked back from."""
    return phrase.target_figure({**row.to_dict(), "reported_pct": _printed(data, row)}, unit)


def rounded_targets(data: Dataset, targets: pd.DataFrame, lang: Lang = "vi") -> pd.DataFrame:
    """Targets for drawing: each implied value rounded to what its printed % supports, and in words."""
    if targets.empty:
        return targets
    figures = [_target_figure(data, row) for _, row in targets.iterrows()]
    return targets.assign(
        value=[phrase.shown_value(f) for f in figures],
        # The number as the tables and the báo cáo write it: "≈ 2.120,0", never a rounder "≈ 2.120".
        value_text=[phrase.number(f, lang) for f in figures],
    )


def targets_table(data: Dataset, code: str, lang: Lang, area: str | None, unit: str = "") -> pd.DataFrame:
    """Every target of one indicator: term, document, comparison, value, the target in words, basis, quote."""
    targets = data.targets[data.targets["code"] == code]
    if area is not None:
        targets = targets[targets["area"] == area]
    records = []
    for _, row in targets.sort_values(["year", "target_kind"]).iterrows():
        figure = _target_figure(data, row, unit)
        records.append(
            {
                "term": term_label(str(row["term"]) or str(row["year"]), lang),
                "kind": t(f"kind.{row['target_kind']}", lang),
                "comparator": labels.comparator_words(str(row["comparator"]), str(row["qualifier"]), lang),
                "target": phrase.shown_value(figure),
                "target_text": phrase.target_cell(figure, lang),
                "basis": t(f"basis.{figure.basis}", lang),
                "yearly": bool(row["yearly"]),
                "section": row["section"],
                "quote": row["quote"],
            }
        )
    return pd.DataFrame.from_records(records)


def attainment_table(
    rows: pd.DataFrame, lang: Lang, unit: str = "", marks: Pending | None = None
) -> pd.DataFrame:
    """The computed % beside the report's own, with the difference in points; actual and target in words.

    `marks`: the figures not yet approved among the data's (the reader asked to see them), marked.
    """
    marks = Pending() if marks is None else marks
    records = []
    for _, row in rows.iterrows():
        target = phrase.target_figure(row, unit)
        pending = marks.holds(row["code"], row["area"], row["year"])
        actual = phrase.Figure(
            row["actual"],
            row_unit(row, unit, lang),
            estimate=str(row["actual_kind"]) == "estimate",
            pending=pending,
        )
        records.append(
            {
                "term": term_label(str(row["period"]), lang),
                "kind": t(f"kind.{row['target_kind']}", lang),
                "actual": row["actual"],
                "actual_kind": t(f"actual.{row['actual_kind']}", lang) if row["actual_kind"] else "",
                "actual_text": phrase.figure_cell(actual, lang),
                "target": phrase.shown_value(target),
                "target_text": phrase.target_cell(target, lang),
                "basis": t(f"basis.{target.basis}", lang),
                "pct": row["attainment_pct"],
                "reported": row["reported_pct"],
                "difference": row["difference_pts"],
                "status": status_text(str(row["status"]), lang),
                **pending_cell(marks, pending, lang),
            }
        )
    return pd.DataFrame.from_records(records)


def quotes(data: Dataset, code: str, area: str | None) -> pd.DataFrame:
    """The report's sentences an indicator's figures come from: section and quote, each once."""
    frames = [data.observations, data.targets, data.reported]
    parts = []
    for frame in frames:
        mine = frame[frame["code"] == code]
        if area is not None:
            mine = mine[mine["area"] == area]
        parts.append(mine[["section", "quote"]])
    found = pd.concat(parts, ignore_index=True)
    found = found[found["quote"].astype(str).str.strip() != ""]
    return found.drop_duplicates().reset_index(drop=True)
