"""Workbooks in the long upload layout: read with calamine, write with openpyxl."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pandas as pd

from indicators.model import (
    AREAS,
    INDICATORS,
    OBSERVATIONS,
    REPORTED,
    TABLES,
    TARGETS,
    Dataset,
    Table,
)

# The Vietnamese header analysts see for each column, per table.
_COMMON = {
    "code": "Mã chỉ tiêu",
    "area": "Mã địa bàn",
    "year": "Năm",
    "value": "Giá trị",
    "section": "Mục trong báo cáo",
    "quote": "Trích dẫn nguyên văn",
    "target_kind": "Loại chỉ tiêu",
}
HEADERS: dict[str, dict[str, str]] = {
    INDICATORS.name: {
        "code": "Mã chỉ tiêu",
        "name_vi": "Tên chỉ tiêu",
        "name_en": "Tên tiếng Anh",
        "domain": "Lĩnh vực",
        "unit": "Đơn vị tính",
        "unit_en": "Đơn vị tính tiếng Anh",
        "direction": "Chiều tốt",
        "value_kind": "Loại giá trị",
        "recipient": "Đối tượng khen thưởng",
        "award_level": "Cấp khen thưởng",
    },
    OBSERVATIONS.name: {
        **_COMMON,
        "kind": "Loại số liệu",
        "base_year": "Năm gốc",
        "qualifier": "Ghi chú số",
    },
    TARGETS.name: {**_COMMON, "term": "Giai đoạn", "comparator": "So sánh"},
    REPORTED.name: {**_COMMON, "reported_pct": "Tỷ lệ báo cáo (%)"},
    AREAS.name: {
        "code": "Mã địa bàn",
        "name": "Tên địa bàn",
        "level": "Cấp",
        "parent": "Trực thuộc",
        "valid_from": "Hiệu lực từ",
        "valid_to": "Hiệu lực đến",
    },
}


def fold(text: object) -> str:
    """A header folded for matching: no case, diacritics, spacing or Unicode-form differences."""
    decomposed = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s_]+", " ", stripped).strip().casefold()


def header_map(table: Table) -> dict[str, str]:
    """Folded header → canonical column: the Vietnamese header and the English column name."""
    mapping = {fold(h): column for column, h in HEADERS[table.name].items()}
    mapping.update({fold(column): column for column in table.columns})
    return mapping


def sheet_map(sheets: list[str]) -> dict[str, str]:
    """Canonical table name → the workbook's sheet that holds it, matched folded."""
    folded = {fold(s): s for s in sheets}
    found = {}
    for table in TABLES:
        for candidate in (table.sheet, table.name):
            if fold(candidate) in folded:
                found[table.name] = folded[fold(candidate)]
                break
    return found


def to_frames(sheets: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Raw sheets (header row already applied) → frames with canonical column names."""
    names = sheet_map(list(sheets))
    frames = {}
    for table in TABLES:
        if table.name not in names:
            continue
        raw = sheets[names[table.name]]
        mapping = header_map(table)
        frames[table.name] = raw.rename(columns=lambda h, m=mapping: m.get(fold(h), h))
    return frames


def read_workbook(source: str | Path | bytes) -> Dataset:
    """A well-formed workbook in the long layout → a typed dataset (checks live in validate)."""
    data = io.BytesIO(source) if isinstance(source, bytes) else source
    sheets = pd.read_excel(data, sheet_name=None, engine="calamine", dtype=object)
    return Dataset.from_frames(to_frames(sheets))


def write_workbook(data: Dataset, target: str | Path | io.BytesIO) -> None:
    """The dataset in the long upload layout, one sheet per table, Vietnamese headers."""
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        for table in TABLES:
            frame = data.frame(table).rename(columns=HEADERS[table.name])
            frame.to_excel(writer, sheet_name=table.sheet, index=False)
            sheet = writer.sheets[table.sheet]
            # The data holds no formulas: text that openpyxl would store as one
            # ("=..." in a note) is stored as plain text, so Excel never runs it.
            for row in sheet.iter_rows(min_row=2):
                for cell in row:
                    if cell.data_type == "f":
                        cell.data_type = "s"
            sheet.freeze_panes = "A2"
            for cells in sheet.columns:
                width = max(len(str(c.value or "")) for c in cells[:200])
                sheet.column_dimensions[cells[0].column_letter].width = min(max(width + 2, 8), 60)


def workbook_bytes(data: Dataset) -> bytes:
    """The dataset as an .xlsx file in memory, for a download button."""
    buffer = io.BytesIO()
    write_workbook(data, buffer)
    return buffer.getvalue()
