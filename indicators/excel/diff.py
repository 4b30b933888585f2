"""What an upload changes: the merge rule, and new / changed (old → new) / removed rows with counts."""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from indicators.areas import hierarchy as areas
from indicators.core.model import (
    AGGREGATION,
    AREA_LINKS,
    AREAS,
    INDICATORS,
    OBSERVATIONS,
    REPORTED,
    TABLES,
    TARGETS,
    Dataset,
    ObsKind,
    Table,
    TargetKind,
    coerce,
)
from indicators.excel.validate import Upload
from indicators.excel.workbook import HEADERS
from indicators.text import fmt, labels
from indicators.text.fmt import Lang
from indicators.text.i18n import t

CATALOGUES: tuple[Table, ...] = (INDICATORS, AREAS, AREA_LINKS, AGGREGATION)
FIGURES: tuple[Table, ...] = (OBSERVATIONS, TARGETS, REPORTED)
CHANGES = ("new", "changed", "removed")
COUNT_COLUMNS = ("table", "sheet", "new", "changed", "removed", "unchanged")
ROW_COLUMNS = ("sheet", "change", "key", "column", "old", "new")
# Per key column ("code", "area", "kind", "target_kind"): code → the words a person reads.
KeyNames = Mapping[str, Mapping[str, str]]
# "add": the file's figures are added or corrected, nothing is removed (the default, the safe one);
# "replace": a long-layout file is the whole truth for each (indicator, area) pair it holds.
Mode = Literal["add", "replace"]
MODES: tuple[Mode, ...] = ("add", "replace")
# The kinds whose words stand alone (the words of the others name a base year: "obs.change").
_OBS_WORDS = ("actual", "estimate", "total")


def _keys(frame: pd.DataFrame, key: list[str]) -> pd.MultiIndex:
    return pd.MultiIndex.from_frame(frame[key].astype(object))


# Excel keeps 15 significant digits (openpyxl writes 16): a figure equal to the current one to
# 12 digits is the current figure written back, not an edit, and keeps its exact stored value.
_SAME_FIGURE = 1e-12


def _snap(rows: pd.DataFrame, now: pd.DataFrame, table: Table) -> pd.DataFrame:
    """The file's rows with figures equal to the current ones (to Excel's precision) set exactly equal."""
    columns = [c for c in ("value", "reported_pct") if c in table.columns]
    if not columns or rows.empty or now.empty:
        return rows
    key = list(table.key)
    old = rows[key].merge(now[key + columns], on=key, how="left")
    rows = rows.copy()
    for column in columns:
        new_values = rows[column].to_numpy(dtype="float64")
        old_values = old[column].to_numpy(dtype="float64")
        close = np.isclose(new_values, old_values, rtol=_SAME_FIGURE, atol=0.0)
        rows[column] = np.where(close, old_values, new_values)
    return rows


def _upsert(current: pd.DataFrame, rows: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """The file's rows added or replacing the current rows of the same key; the others kept."""
    # With no row on one side there is no key to match: every current row stays, neither side indexed.
    matched = not (current.empty or rows.empty)
    kept = current[~_keys(current, key).isin(_keys(rows, key))] if matched else current
    return pd.concat([kept, rows], ignore_index=True)


def covered_pairs(upload: Upload) -> pd.MultiIndex:
    """The (indicator code, area) pairs a long-layout upload is the truth for."""
    pairs = [upload.frames[t.name][["code", "area"]] for t in FIGURES if t.name in upload.frames]
    if not pairs:
        return pd.MultiIndex.from_tuples([], names=["code", "area"])
    return _keys(pd.concat(pairs, ignore_index=True).drop_duplicates(), ["code", "area"])


def merge(current: Dataset, upload: Upload, mode: Mode = "add") -> Dataset:
    """The full dataset after the upload, under the rule the "Hướng dẫn" sheet states.

    Catalogue rows (indicators, areas) are added or updated by code and never removed by an upload.
    Mode "add" (the default), and any wide sheet: each figure is added or updated, nothing is removed
    (an analyst who appends rows to a workbook must not lose the figures the workbook leaves out).
    Mode "replace", long layout: for every (code, area) pair in the file's figure sheets, the file's
    rows replace all current rows of that pair, so a row the file no longer has is removed.
    """
    pairs = covered_pairs(upload) if upload.layout == "long" and mode == "replace" else None
    frames = {}
    for table in TABLES:
        now = current.frame(table)
        rows = upload.frames.get(table.name)
        if rows is not None and table in CATALOGUES and _held(table, now, rows):
            rows = None  # a workbook carries its catalogues back as they are: nothing to merge
        if rows is None or (rows.empty and table not in CATALOGUES and pairs is None):
            # Nothing to add (a table the file leaves out or leaves empty) keeps the current one itself.
            frames[table.name] = now
            continue
        rows = _snap(rows, now, table)
        if table in CATALOGUES or pairs is None:
            frames[table.name] = coerce(table, _upsert(now, rows, list(table.key)))
        else:
            kept = now if now.empty else now[~_keys(now, ["code", "area"]).isin(pairs)]
            frames[table.name] = coerce(table, pd.concat([kept, rows], ignore_index=True))
    # A table the upload leaves alone is the current one itself (typed already): compare() sees it so.
    return Dataset(version=current.version, **frames)


def _held(table: Table, now: pd.DataFrame, rows: pd.DataFrame) -> bool:
    """True when every row of `rows` is a row of `now` exactly, so merging them changes nothing."""
    if len(rows) > len(now):
        return False
    if rows.equals(now):
        return True  # the file's catalogue as the store holds it, row for row: no hashing needed
    hashed = pd.util.hash_pandas_object(coerce(table, rows), index=False)
    return bool(hashed.isin(set(pd.util.hash_pandas_object(now, index=False))).all())


@dataclass(frozen=True)
class TableChange:
    """The change of one table: rows new, removed, and changed field by field."""

    table: Table
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame  # key columns + column, old, new: one row per changed field
    changed_rows: int
    unchanged: int


@dataclass(frozen=True)
class Preview:
    """The change from one dataset to another, table by table."""

    tables: dict[str, TableChange]

    @property
    def empty(self) -> bool:
        """True when nothing would change."""
        return all(c.added.empty and c.removed.empty and c.changed_rows == 0 for c in self.tables.values())

    def counts(self) -> pd.DataFrame:
        """Rows new, changed, removed and unchanged per table."""
        rows = [
            (c.table.name, c.table.sheet, len(c.added), c.changed_rows, len(c.removed), c.unchanged)
            for c in self.tables.values()
        ]
        return pd.DataFrame(rows, columns=list(COUNT_COLUMNS))

    def totals(self) -> dict[str, int]:
        """Rows new, changed and removed over all tables."""
        counts = self.counts()
        return {c: int(counts[c].sum()) for c in ("new", "changed", "removed")}

    def rows(self, limit: int | None = None, names: KeyNames | None = None) -> pd.DataFrame:
        """One line per change for people: sheet, change, key, column, old → new.

        `names` (per key column, code → words) writes a key as "Tỷ suất sinh · Huyện Tam Đường · 2020 ·
        Thực hiện", not "BIRTH_RATE · 106 · 2020 · actual"; a code without a name stays as it is.
        """
        parts = []
        for change in self.tables.values():
            table = change.table
            key = list(table.key)
            for kind, frame in (("new", change.added), ("removed", change.removed)):
                if frame.empty:
                    continue
                value = _main_value(table)
                parts.append(
                    pd.DataFrame(
                        {
                            "sheet": table.sheet,
                            "change": kind,
                            "key": _key_text(frame, key, names, table),
                            "column": HEADERS[table.name][value],
                            "old": frame[value].astype(object) if kind == "removed" else None,
                            "new": frame[value].astype(object) if kind == "new" else None,
                        }
                    )
                )
            if not change.changed.empty:
                frame = change.changed
                parts.append(
                    pd.DataFrame(
                        {
                            "sheet": table.sheet,
                            "change": "changed",
                            "key": _key_text(frame, key, names, table),
                            "column": frame["column"].map(HEADERS[table.name]),
                            "old": frame["old"],
                            "new": frame["new"],
                        }
                    )
                )
        if not parts:
            return pd.DataFrame(columns=list(ROW_COLUMNS))
        out = pd.concat(parts, ignore_index=True)
        return out.head(limit) if limit is not None else out


def _main_value(table: Table) -> str:
    return {
        INDICATORS.name: "name_vi",
        AREAS.name: "name",
        REPORTED.name: "reported_pct",
        AREA_LINKS.name: "part",
        AGGREGATION.name: "rule",
    }.get(table.name, "value")


def _key_text(frame: pd.DataFrame, key: list[str], names: KeyNames | None, table: Table) -> pd.Series:
    # A catalogue row (an indicator, an area) is its code: there the name is the change, and the
    # code is what the analyst looks for; a figure's key is read in words.
    named = names if names is not None and table in FIGURES else {}

    def part(column: str) -> pd.Series:
        codes = frame[column].astype(str)
        words = named.get(column)
        if not words:
            return codes
        return codes.map(lambda c: words.get(c, c))

    text = part(key[0])
    for column in key[1:]:
        text = text + " · " + part(column)
    return text.reset_index(drop=True)


def _differs(old: pd.Series, new: pd.Series) -> np.ndarray:
    """Field-wise inequality where two missing values are equal."""
    a, b = old.to_numpy(dtype=object, copy=True), new.to_numpy(dtype=object, copy=True)
    a_missing, b_missing = pd.isna(a), pd.isna(b)
    # None for every kind of missing, so the comparison below never meets pd.NA.
    a[a_missing] = None
    b[b_missing] = None
    return ~(a_missing & b_missing) & (a != b)


def _table_change(table: Table, old: pd.DataFrame, new: pd.DataFrame) -> TableChange:
    key = list(table.key)
    merged = old.merge(new, on=key, how="outer", suffixes=("_old", "_new"), indicator=True)
    added = merged[merged["_merge"] == "right_only"]
    removed = merged[merged["_merge"] == "left_only"]
    both = merged[merged["_merge"] == "both"].reset_index(drop=True)
    others = [c for c in table.columns if c not in key]
    pieces = []
    changed_any = np.zeros(len(both), bool)
    for column in others:
        mask = _differs(both[f"{column}_old"], both[f"{column}_new"])
        changed_any |= mask
        if mask.any():
            piece = both.loc[mask, key].copy()
            piece["column"] = column
            piece["old"] = both.loc[mask, f"{column}_old"].astype(object)
            piece["new"] = both.loc[mask, f"{column}_new"].astype(object)
            pieces.append(piece)
    changed = pd.concat(pieces, ignore_index=True) if pieces else _no_changes(table)

    def side(frame: pd.DataFrame, suffix: str) -> pd.DataFrame:
        return (
            frame[key + [f"{c}{suffix}" for c in others]]
            .set_axis(key + others, axis=1)
            .reset_index(drop=True)
        )

    return TableChange(
        table,
        side(added, "_new"),
        side(removed, "_old"),
        changed,
        int(changed_any.sum()),
        int((~changed_any).sum()),
    )


# Frames of no rows, kept per layout: pandas spends a fraction of a millisecond selecting or padding
# the columns of an empty frame, and a preview builds a dozen alike for every upload.
_NO_ROWS: dict[Hashable, pd.DataFrame] = {}
_NO_ROWS_KEPT = 256  # layouts are few (a table's side, typed or as read): a bound, never reached in use


def _layout(frame: pd.DataFrame) -> Hashable:
    """All a frame of no rows built from `frame` can take from it: the names and types of its axes."""
    columns = frame.columns
    return (
        tuple(columns),
        columns.dtype,
        columns.name,
        tuple(frame.dtypes),
        type(frame.index),
        frame.index.dtype,
    )


def _bare(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame of no rows with `frame`'s columns and types that shares none of its memory."""
    arrays = {i: pd.array([], dtype=dtype) for i, dtype in enumerate(frame.dtypes)}
    return pd.DataFrame(arrays, index=pd.RangeIndex(0)).set_axis(frame.columns, axis=1)


def _no_rows(
    what: Hashable, frames: tuple[pd.DataFrame, ...], build: Callable[..., pd.DataFrame]
) -> pd.DataFrame:
    """`build(*frames)`, a frame of no rows made from the layout of `frames` alone: built once per layout.

    It is built from bare frames of the same layout, so that what is kept holds no slice of a large
    frame; each caller gets a copy (copy-on-write: a change to it reaches no other).
    """
    if any(frame.attrs for frame in frames):
        return build(*frames)  # metadata a frame carries would be handed to the next frame of its layout
    layouts = tuple(_layout(frame) for frame in frames)
    kept = _NO_ROWS.get((what, layouts))
    if kept is None:
        bare = tuple(_bare(frame) for frame in frames)
        if tuple(_layout(frame) for frame in bare) != layouts:
            return build(*frames)  # a layout the bare frames do not repeat (an index of labels): not kept
        kept = build(*bare)
        if len(_NO_ROWS) < _NO_ROWS_KEPT:
            _NO_ROWS[(what, layouts)] = kept
    return kept.copy(deep=False)


@functools.cache
def _changes_of_nothing(table: Table) -> pd.DataFrame:
    """The frame `_no_changes` copies, made once per table."""
    return pd.DataFrame(columns=[*table.key, "column", "old", "new"])


def _no_changes(table: Table) -> pd.DataFrame:
    """The changed fields of a table where no field changed: its key, column, old, new, and no row."""
    return _changes_of_nothing(table).copy(deep=False)


def _same_table(table: Table, frame: pd.DataFrame) -> TableChange:
    """The change of a table to itself: nothing, and every row unchanged (without joining it to itself).

    The frames are the ones joining two empty tables would give, built without the join: a preview
    meets five or six such tables, and each empty join costs pandas milliseconds.
    """
    key = list(table.key)
    columns = key + [c for c in table.columns if c not in key]

    def select(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.iloc[0:0][columns].reset_index(drop=True)

    none = _no_rows((table, "same"), (frame,), select)
    return TableChange(table, none, none.copy(deep=False), _no_changes(table), 0, len(frame))


def _one_sided(table: Table, old: pd.DataFrame, new: pd.DataFrame) -> TableChange:
    """The change of a table empty on one side (a commune's first figures): every row of the other side
    is new, or removed, without the join, as the join gives them: sorted by key, the columns of the
    empty side padded as a join pads a side without rows (a flag becomes an object, a count a float).
    """
    key = list(table.key)
    others = [c for c in table.columns if c not in key]
    full, bare = (new, old) if old.empty else (old, new)
    rows = full.sort_values(key, kind="stable", ignore_index=True)
    if list(rows.columns) != key + others:
        rows = rows[key + others]

    def pad(full: pd.DataFrame, bare: pd.DataFrame) -> pd.DataFrame:
        padded = bare[others].reindex(pd.RangeIndex(1)).iloc[0:0]  # a row of nothing, then none
        return pd.concat([full[key].iloc[0:0], padded], axis=1).reset_index(drop=True)

    none = _no_rows((table, "padded"), (full, bare), pad)
    added, removed = (rows, none) if old.empty else (none, rows)
    return TableChange(table, added, removed, _no_changes(table), 0, 0)


def compare(old: Dataset, new: Dataset) -> Preview:
    """What changes from `old` to `new`, table by table (the preview, or two versions compared)."""
    return Preview(
        {
            t.name: _same_table(t, old.frame(t))
            if old.frame(t) is new.frame(t) or (old.frame(t).empty and new.frame(t).empty)
            else _one_sided(t, old.frame(t), new.frame(t))
            if old.frame(t).empty or new.frame(t).empty
            else _table_change(t, old.frame(t), new.frame(t))
            for t in TABLES
        }
    )


def _shown(value: object, lang: Lang) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, bool | np.bool_):
        return "✓" if value else ""
    if isinstance(value, float | np.floating):
        return fmt.number(float(value), lang)
    return str(value)


def counts_for_people(preview: Preview, lang: Lang = "vi") -> pd.DataFrame:
    """The counts per sheet with headers in the reader's language."""
    counts = preview.counts().drop(columns="table")
    labels = {"sheet": "xcol.sheet", "new": "diff.new", "changed": "diff.changed", "removed": "diff.removed"}
    labels["unchanged"] = "diff.unchanged"
    return counts.rename(columns={c: t(k, lang) for c, k in labels.items()})


def _areas_of(preview: Preview) -> list[str]:
    """Every area code a change names (new, removed or changed rows of tables keyed by area)."""
    found: set[str] = set()
    for change in preview.tables.values():
        for frame in (change.added, change.removed, change.changed):
            if "area" in frame:
                found.update(frame["area"].astype(str))
    return sorted(found)


def kind_word(kind: str, lang: Lang) -> str:
    """A figure's kind in words: "Ước thực hiện", not "estimate"."""
    if kind in {k.value for k in ObsKind}:
        return t(f"obs.{kind}" if kind in _OBS_WORDS else f"diff.kind_{kind}", lang)
    return t(f"kind.{kind}", lang)


def key_names(preview: Preview, data: Dataset, lang: Lang) -> dict[str, dict[str, str]]:
    """The words for each code a figure's key holds: the indicator's and area's names, the kind."""
    info = labels.indicator_info(data, lang)
    kinds = [*(k.value for k in ObsKind), *(k.value for k in TargetKind)]
    return {
        "code": {str(c): str(n) for c, n in info["name"].items()},
        "area": areas.labels(data.areas, _areas_of(preview), lang),
        "kind": {k: kind_word(k, lang) for k in kinds},
        "target_kind": {k: kind_word(k, lang) for k in kinds},
    }


def rows_for_people(
    preview: Preview,
    lang: Lang = "vi",
    limit: int | None = None,
    data: Dataset | None = None,
    *,
    sheets: bool = True,
) -> pd.DataFrame:
    """Each change as a line: sheet, change, figure, column, old → new, numbers as the reader writes them.

    With `data`, a figure is named in words (indicator, area, year, kind), not by its codes. Without
    `sheets` the workbook's sheet names are left out (a page where nobody saw a workbook).
    """
    names = key_names(preview, data, lang) if data is not None else None
    rows = preview.rows(limit, names)
    out = pd.DataFrame(
        {
            t("xcol.sheet", lang): rows["sheet"],
            t("xcol.change", lang): [t(f"diff.{c}", lang) for c in rows["change"]],
            t("xcol.key", lang): rows["key"],
            t("xcol.column", lang): rows["column"],
            t("xcol.old", lang): [_shown(v, lang) for v in rows["old"]],
            t("xcol.new", lang): [_shown(v, lang) for v in rows["new"]],
        }
    )
    return out if sheets else out.drop(columns=t("xcol.sheet", lang))
