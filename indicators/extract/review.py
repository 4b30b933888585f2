"""The analyst's review of a reading: one editable row per figure, and the accepted rows as an upload."""

from __future__ import annotations

import dataclasses
import io

import pandas as pd

from indicators.core.model import OBSERVATIONS, Dataset, ObsKind
from indicators.excel import validate
from indicators.excel import writer as xlsx_writer
from indicators.extract.figures import Figure

# The review table's column ids, in order; the page puts the words on them.
COLUMNS = (
    "accept", "marked", "value", "unit", "indicator", "area", "year", "kind", "confidence",
    "sentence", "base_year", "qualifier",
)  # fmt: skip
KINDS = tuple(k.value for k in ObsKind if k is not ObsKind.TOTAL)
SURE = 0.5  # a row proposed with less confidence starts unticked: the analyst accepts it by hand
_OPEN, _CLOSE = "«", "»"  # round the figure in its sentence: a mark that is no colour


def marked(figure: Figure) -> str:
    """The sentence with the figure marked where it is printed: "… đạt «2.503,3 tỷ đồng», …"."""
    s, end = figure.sentence, figure.unit_end or figure.end
    return f"{s[: figure.start]}{_OPEN}{s[figure.start : end]}{_CLOSE}{s[end:]}"


def rows(found: list[Figure], area: str) -> tuple[pd.DataFrame, int]:
    """A row per figure an observation can hold, and how many goals were left out (they are targets)."""
    kept = [f for f in found if f.value is not None and f.kind in KINDS]
    goals = sum(f.kind == "target" for f in found)
    seen: set[tuple[str, int | None, str, float | None]] = set()
    first = []
    for f in kept:
        # A report that says a figure twice (a paragraph repeated under two headings): the later unticked.
        key = (f.indicator, f.year, f.kind, f.value)
        first.append(key not in seen)
        seen.add(key)
    table = pd.DataFrame(
        [
            {
                "accept": once and bool(f.indicator) and f.year is not None and f.confidence >= SURE,
                "marked": marked(f), "value": f.value, "unit": f.unit, "indicator": f.indicator or None,
                "area": area, "year": f.year, "kind": f.kind, "confidence": f.confidence,
                "sentence": f.sentence, "base_year": f.base_year, "qualifier": f.qualifier,
            }
            for f, once in zip(kept, first, strict=True)
        ],
        columns=list(COLUMNS),
    )  # fmt: skip
    return table, goals


def observations(table: pd.DataFrame, document: str) -> tuple[pd.DataFrame, int]:
    """The ticked rows as observation rows, each figure's sentence its quote; and how many ticked rows
    lack an indicator, a year or a value and are left out."""
    chosen = table[table["accept"].fillna(False).astype(bool)]
    whole = chosen["indicator"].notna() & chosen["year"].notna() & chosen["value"].notna()
    whole &= chosen["kind"].isin(KINDS) & chosen["area"].notna()
    kept = chosen[whole]
    frame = pd.DataFrame(
        {
            "code": kept["indicator"].astype(str), "area": kept["area"].astype(str),
            "year": kept["year"].astype(int), "kind": kept["kind"].astype(str),
            "base_year": kept["base_year"], "value": kept["value"].astype(float),
            "qualifier": kept["qualifier"].fillna("").astype(str), "section": "",
            "quote": kept["sentence"].astype(str), "note": f"Đọc từ {document}",
        },
        columns=list(OBSERVATIONS.columns),
    )  # fmt: skip
    return frame.reset_index(drop=True), int((~whole).sum())


def as_upload(
    table: pd.DataFrame, current: Dataset, document: str, sha256: str, targets: pd.DataFrame | None = None
) -> tuple[validate.Upload, int]:
    """The accepted rows (and `targets`, the stated goals the analyst chose) checked exactly as an
    uploaded workbook is; the version names the document.

    Returns the checked upload and how many ticked rows were left out (no indicator, year or value).
    """
    rows_, left_out = observations(table, document)
    # The one workbook writer and the one checker: the same checks, preview and commit as an upload.
    frames = {"indicators": current.indicators, "observations": rows_, "areas": current.areas,
              "area_links": current.area_links, "aggregation_rules": current.aggregation_rules}  # fmt: skip
    if targets is not None and not targets.empty:
        frames["targets"] = targets
    drafted = Dataset.from_frames(frames, version=current.version)
    buffer = io.BytesIO()
    xlsx_writer.write_workbook(drafted, buffer, made_from=current.version)
    upload = validate.check(buffer.getvalue(), document, current)
    return dataclasses.replace(upload, file_name=document, sha256=sha256), left_out
