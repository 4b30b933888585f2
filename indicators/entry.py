"""Figures typed in the browser: the grid of one area and year, and the workbook it becomes for upload."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook

from indicators import fmt
from indicators.fmt import Lang
from indicators.model import Dataset, ObsKind

GRID_COLUMNS = ("code", "name", "unit", "value", "kind")
KINDS = (ObsKind.ACTUAL.value, ObsKind.ESTIMATE.value)  # thực hiện (official), ước thực hiện
SHEET = "NhapSoLieu"
# The wide layout's headers: the year column holds official figures, "UTH year" estimates.
CODE_HEADER, AREA_HEADER = "Mã chỉ tiêu", "Mã địa bàn"


def grid(data: Dataset, area: str, year: int, lang: Lang = "vi") -> pd.DataFrame:
    """One row per indicator with its figure for that area and year as people write it (official first)."""
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
    return pd.DataFrame(
        {
            "code": indicators["code"].to_numpy(),
            "name": name.to_numpy(),
            "unit": unit.to_numpy(),
            # Text in the Vietnamese convention, typed back the same way ("2.503,3").
            "value": ["" if pd.isna(v) else fmt.number(v, "vi") for v in values],
            "kind": [k if isinstance(k, str) else ObsKind.ACTUAL.value for k in kinds],
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
    """The rows whose figure or kind was typed anew; a cleared cell is not a removal (nothing is)."""
    merged = after.merge(before[["code", "value", "kind"]], on="code", how="left", suffixes=("", "_before"))
    value = merged["value"].fillna("").astype(str).str.strip()
    typed = value != ""
    differs = (value != merged["value_before"].fillna("").astype(str).str.strip()) | (
        merged["kind"] != merged["kind_before"]
    )
    return merged.loc[typed & differs, ["code", "value", "kind"]].assign(value=value[typed & differs])


def workbook(before: pd.DataFrame, after: pd.DataFrame, area: str, year: int) -> Entry:
    """The changed rows as a wide sheet (code, area, year, UTH year): what an analyst would upload."""
    typed = changes(before, after)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([CODE_HEADER, AREA_HEADER, str(year), f"UTH {year}"])
    rows: dict[int, str] = {}
    for i, row in enumerate(typed.itertuples(index=False), start=2):
        official = row.kind != ObsKind.ESTIMATE.value
        # The text as typed: the validator reads it in the Vietnamese convention, as for an upload.
        sheet.append([row.code, area, row.value if official else None, None if official else row.value])
        rows[i] = row.code
    out = io.BytesIO()
    book.save(out)
    return Entry(out.getvalue(), f"nhap-truc-tiep-{area}-{year}.xlsx", rows)
