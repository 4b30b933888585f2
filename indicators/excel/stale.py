"""The figures an upload would remove or overwrite, named one by one; those newer than the file refused.

A removal or an overwrite never passes unnoticed: the preview and the command line name each such
figure (indicator, area, year, old → new) before anything is saved. A workbook made from an older
data version (a missing-figures workbook downloaded at version 3 and uploaded at version 5) would
also undo what someone changed, added or removed since: those figures are the stale ones, refused
unless the analyst confirms each of them (the page) or passes --replace-newer (the command line).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.core.model import OBSERVATIONS, REPORTED, TARGETS, Dataset, Table
from indicators.excel import diff
from indicators.text import fmt, labels
from indicators.text.fmt import Lang
from indicators.text.i18n import t

FIGURES: tuple[Table, ...] = (OBSERVATIONS, TARGETS, REPORTED)
# One row per figure removed, overwritten or added back ("removed", "changed", "restored"): "kind" is the
# observation's kind or the target's kind, "old" the current value (NaN for a figure added back), "new"
# the file's (NaN for a removal).
COLUMNS = ["table", "code", "area", "year", "kind", "change", "old", "new"]
# How many stale figures a warning names one by one; the list at the top of the preview names all.
NAMED = 10


def _value(table: Table) -> str:
    return "reported_pct" if table is REPORTED else "value"


def _kind(table: Table) -> str:
    return "kind" if table is OBSERVATIONS else "target_kind"


def _rows(table: Table, frame: pd.DataFrame, change: str, old: pd.Series, new: object) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "table": table.name,
            "code": frame["code"].to_numpy(dtype=object),
            "area": frame["area"].to_numpy(dtype=object),
            "year": frame["year"].astype("int64").to_numpy(),
            "kind": frame[_kind(table)].to_numpy(dtype=object),
            "change": change,
            "old": pd.to_numeric(old, errors="coerce").to_numpy(dtype="float64"),
            "new": new,
        }
    )


def touched(preview: diff.Preview) -> pd.DataFrame:
    """Every figure the change removes or gives another value: table, key, change, old → new."""
    parts = []
    for table in FIGURES:
        change = preview.tables.get(table.name)
        if change is None:
            continue
        value = _value(table)
        if not change.removed.empty:
            parts.append(_rows(table, change.removed, "removed", change.removed[value], np.nan))
        edited = change.changed[change.changed["column"] == value]
        if not edited.empty:
            new = pd.to_numeric(edited["new"], errors="coerce").to_numpy(dtype="float64")
            parts.append(_rows(table, edited, "changed", edited["old"], new))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    return pd.concat(parts, ignore_index=True)


def newer_than(rows: pd.DataFrame, then: Dataset) -> np.ndarray:
    """True for each touched figure whose current value is not the one it had in `then` (or it was absent)."""
    out = np.zeros(len(rows), dtype=bool)
    for table in FIGURES:
        mine = (rows["table"] == table.name).to_numpy()
        if not mine.any():
            continue
        key = ["code", "area", "year", _kind(table)]
        old = then.frame(table)[[*key, _value(table)]].rename(
            columns={_kind(table): "kind", _value(table): "then"}
        )
        here = rows.loc[mine, ["code", "area", "year", "kind", "old"]]
        old = old.astype({"year": "int64"})
        found = here.merge(old, on=["code", "area", "year", "kind"], how="left", indicator=True)
        was_there = (found["_merge"] == "both").to_numpy()
        then_values = found["then"].to_numpy(dtype="float64")
        now_values = found["old"].to_numpy(dtype="float64")
        # Equal to Excel's precision, as diff does; two missing values are the same.
        equal = np.isclose(then_values, now_values, rtol=1e-12, atol=0.0)
        same = was_there & (equal | (np.isnan(then_values) & np.isnan(now_values)))
        out[mine] = ~same
    return out


@dataclass(frozen=True)
class Stale:
    """The file was made from `made_from`; the store is at `current`; `lost` are the figures it would undo."""

    made_from: int
    current: int
    lost: pd.DataFrame  # rows of `touched` whose value changed, or which were added, since `made_from`


def check(
    made_from: int | None, current: int, preview: diff.Preview, version: Callable[[int], Dataset]
) -> Stale | None:
    """The stale figures when a file made from an older version would remove or overwrite figures
    changed or added since, or add back figures removed since; None when there are none (or the
    file does not say its version).

    `version(n)` reads the data as it was at version n (the store keeps every version).
    """
    if made_from is None or made_from >= current or preview.empty:
        return None
    then = version(made_from)
    rows = touched(preview)
    parts = [p for p in (rows[newer_than(rows, then)], restored(preview, then)) if not p.empty]
    if not parts:
        return None
    return Stale(made_from, current, pd.concat(parts, ignore_index=True))


def restored(preview: diff.Preview, then: Dataset) -> pd.DataFrame:
    """Figures the change adds back that `then` held and someone removed since: undoing a removal."""
    parts = []
    for table in FIGURES:
        change = preview.tables.get(table.name)
        if change is None or change.added.empty:
            continue
        key = ["code", "area", "year", _kind(table)]
        old = then.frame(table)[key].astype({"year": "int64"})
        added = change.added.astype({"year": "int64"})
        back = added.merge(old, on=key, how="inner")
        if not back.empty:
            parts.append(
                _rows(table, back, "restored", pd.Series(np.nan, index=back.index), back[_value(table)])
            )
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    return pd.concat(parts, ignore_index=True)


def keys(rows: pd.DataFrame) -> pd.Series:
    """Each figure's identity as text: "observations|GTSX|106|2020|estimate"."""
    text = rows["table"].astype(str)
    for column in ("code", "area", "year", "kind"):
        text = text + "|" + rows[column].astype(str)
    return text


def _kind_word(table: str, kind: object, lang: Lang) -> str:
    if not isinstance(kind, str) or not kind:
        return ""
    if table == OBSERVATIONS.name:
        return t("obs." + kind, lang).format(y="").strip()
    return t("kind." + kind, lang)


def _change_text(change: str, old: object, new: object, lang: Lang) -> str:
    shown = t("figures.removed", lang) if change == "removed" else fmt.number(new, lang)
    before = t("figures.was_removed", lang) if change == "restored" else fmt.number(old, lang)
    return f"{before} → {shown}"


def change_text(row: pd.Series, lang: Lang) -> str:
    """Old → new as the reader writes numbers: "2.503,3 → 2.650,5", "2.503,3 → (gỡ)"."""
    return _change_text(str(row["change"]), row["old"], row["new"], lang)


def figure_text(data: Dataset, row: pd.Series, lang: Lang) -> str:
    """One figure: "Thu nhập bình quân đầu người · Huyện Tam Đường · 2023 (Ước thực hiện): 37,5 → (gỡ)"."""
    info = labels.indicator_info(data, lang)
    code, area = str(row["code"]), str(row["area"])
    what = str(int(row["year"]))
    kind = _kind_word(str(row["table"]), row["kind"], lang)
    what += f" ({kind})" if kind else ""
    parts = [str(info["name"].get(code, code)), labels.area_label(data, area, lang), what]
    return f"{' · '.join(parts)}: {change_text(row, lang)}"


def for_people(
    rows: pd.DataFrame, data: Dataset, lang: Lang, newer: np.ndarray | None = None
) -> pd.DataFrame:
    """The touched figures as a table: indicator, area (name and code), year, kind, change, old → new."""
    info = labels.indicator_info(data, lang)
    names = dict(zip(info.index, info["name"], strict=True))
    area_names = {a: labels.area_label(data, a, lang) for a in rows["area"].unique()}
    columns = [rows[c].to_numpy(dtype=object) for c in ("table", "kind", "change", "old", "new")]
    out = pd.DataFrame(
        {
            t("enter.name", lang): [names.get(c, c) for c in rows["code"]],
            t("enter.area", lang): [f"{area_names[a]} ({a})" for a in rows["area"]],
            t("enter.year", lang): rows["year"].astype(int).astype(str).to_numpy(),
            t("figures.kind", lang): [_kind_word(tb, k, lang) for tb, k, *_ in zip(*columns, strict=True)],
            t("xcol.change", lang): [t(f"diff.{c}", lang) for c in rows["change"]],
            t("figures.old_new", lang): [
                _change_text(c, o, n, lang) for _, _, c, o, n in zip(*columns, strict=True)
            ],
        }
    )
    if newer is not None:
        # Said in words, not colour: the figure was changed or added after the file was made.
        out[t("figures.newer", lang)] = [t("figures.newer_yes", lang) if n else "" for n in newer]
    return out


def warning_text(stale: Stale, data: Dataset, lang: Lang) -> str:
    """The warning in plain words: from which version, how many figures would be undone, which ones."""
    lost = stale.lost
    named = [figure_text(data, row, lang) for _, row in lost.head(NAMED).iterrows()]
    which = "; ".join(named)
    if len(lost) > NAMED:
        which += " " + t("stale.more", lang).format(n=fmt.number(len(lost) - NAMED, lang))
    return t("stale.warning", lang).format(
        then=stale.made_from, now=stale.current, n=fmt.number(len(lost), lang), which=which
    )


def named_lines(rows: pd.DataFrame, data: Dataset, lang: Lang) -> list[str]:
    """The touched figures as lines for the command line: a heading, then one figure a line."""
    if rows.empty:
        return []
    heading = t("figures.title", lang).format(n=fmt.number(len(rows), lang)) + ":"
    return [heading, *(f"  {figure_text(data, row, lang)}" for _, row in rows.iterrows())]
