"""Figures typed in the browser: the grid of one area and year, and the workbook it becomes for upload."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook

from indicators import excel, fmt
from indicators.fmt import Lang
from indicators.model import Dataset, ObsKind

GRID_COLUMNS = ("code", "name", "unit", "value", "kind", "note")
KINDS = (ObsKind.ACTUAL.value, ObsKind.ESTIMATE.value)  # thực hiện (official), ước thực hiện
SHEET = "NhapSoLieu"
# The wide layout's headers: the year column holds official figures, "UTH year" estimates; each has
# its note column ("Ghi chú year", "Ghi chú UTH year").
CODE_HEADER, AREA_HEADER, NOTE_HEADER = "Mã chỉ tiêu", "Mã địa bàn", "Ghi chú"


def grid(data: Dataset, area: str, year: int, lang: Lang = "vi") -> pd.DataFrame:
    """One row per indicator with its figure for that area and year as people write it (official first),
    whether it is official or an estimate, and its note."""
    obs = data.observations
    here = obs[(obs["area"] == area) & (obs["year"] == year) & obs["kind"].isin(KINDS)]
    # The official figure wins over an estimate of the same year; the grid shows one figure a row.
    here = here.assign(_order=here["kind"].map({ObsKind.ACTUAL.value: 0, ObsKind.ESTIMATE.value: 1}))
    latest = here.sort_values("_order").drop_duplicates("code").set_index("code")
    indicators = data.indicators
    name, unit = indicators["name_vi"], indicators["unit"]
    if lang == "en":
        name = indicators["name_en"].where(indicators["name_en"].fillna("").str.strip() != "", name)
        unit = indicators["unit_en"].where(indicators["unit_en"].fillna("").str.strip() != "", unit)
    values = indicators["code"].map(latest["value"])
    kinds = indicators["code"].map(latest["kind"]).astype(object)
    notes = [n if isinstance(n, str) else "" for n in indicators["code"].map(latest["note"])]
    return pd.DataFrame(
        {
            "code": indicators["code"].to_numpy(),
            "name": name.to_numpy(),
            "unit": unit.to_numpy(),
            # Text in the Vietnamese convention, typed back the same way ("2.503,3").
            "value": ["" if pd.isna(v) else fmt.number(v, "vi") for v in values],
            "kind": [k if isinstance(k, str) else ObsKind.ACTUAL.value for k in kinds],
            "note": notes,
        }
    )


@dataclass(frozen=True)
class Entry:
    """What the grid changed, as a workbook in the wide layout, and which grid row each sheet row is."""

    data: bytes
    file_name: str
    rows: dict[int, str]  # sheet row → indicator code

    @property
    def empty(self) -> bool:
        """True when nothing was typed or changed."""
        return not self.rows


def changes(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The rows whose figure, kind or note was typed anew; a cleared figure is not a removal (nothing is).

    A note belongs to a figure: a note typed beside an empty figure makes no row.
    """
    columns = ["code", "value", "kind", "note"]
    merged = after.merge(before[columns], on="code", how="left", suffixes=("", "_before"))
    value, note = _text(merged["value"]), _text(merged["note"])
    typed = value != ""
    differs = (
        (value != _text(merged["value_before"]))
        | (merged["kind"] != merged["kind_before"])
        | (note != _text(merged["note_before"]))
    )
    chosen = typed & differs
    # The note shown was the other kind's (an estimate's, say): a figure of the other kind does not take
    # it over unless it is typed anew (blank: that figure keeps its own note, if any).
    other = (merged["kind"] != merged["kind_before"]) & (note == _text(merged["note_before"]))
    note = note.where(~other, "")
    return merged.loc[chosen, columns].assign(value=value[chosen], note=note[chosen])


def _text(column: pd.Series) -> pd.Series:
    """A grid column as stripped text; an untouched empty cell (None) is ""."""
    return column.fillna("").astype(str).str.strip()


def workbook(before: pd.DataFrame, after: pd.DataFrame, area: str, year: int) -> Entry:
    """The changed rows as a wide sheet (code, area, year, its note, UTH year, its note): what an analyst
    would upload. A note written replaces the figure's note; a blank one keeps it, as in any wide sheet."""
    typed = changes(before, after)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(
        [
            CODE_HEADER,
            AREA_HEADER,
            str(year),
            f"{NOTE_HEADER} {year}",
            f"UTH {year}",
            f"{NOTE_HEADER} UTH {year}",
        ]
    )
    rows: dict[int, str] = {}
    for i, row in enumerate(typed.itertuples(index=False), start=2):
        official = row.kind != ObsKind.ESTIMATE.value
        # The text as typed: the validator reads it in the Vietnamese convention, as for an upload.
        note = row.note or None
        figure = [row.value, note, None, None] if official else [None, None, row.value, note]
        sheet.append([row.code, area, *figure])
        for cell in sheet[i]:
            excel.safe_text(cell)  # a note typed as "=…" is text, not a formula
        rows[i] = row.code
    out = io.BytesIO()
    book.save(out)
    return Entry(out.getvalue(), f"nhap-truc-tiep-{area}-{year}.xlsx", rows)
