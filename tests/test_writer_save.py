"""The writer keeps each sheet in memory while saving: the file holds what openpyxl's own save writes."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pandas as pd
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from indicators.core.model import OBSERVATIONS, Dataset
from indicators.excel import writer as xlsx_writer
from indicators.excel.workbook import MADE_FROM_PROPERTY, NUMBER_FORMAT

TO_FILL = {"observations": {0: "Chưa có số liệu năm 2025", 3: "Chưa có số liệu năm 2024"}}


def _cells(sheet: Worksheet) -> list[tuple[object, ...]]:
    """Every cell of a sheet with what a person sees of it: value, type, format, font, fill, comment."""
    return [
        (
            cell.coordinate,
            cell.value,
            cell.data_type,
            cell.number_format,
            cell.quotePrefix,
            cell.font.b,
            cell.font.sz,
            cell.fill.fill_type,
            cell.fill.fgColor.rgb,
            cell.alignment.wrap_text,
            cell.comment.text if cell.comment else None,
        )
        for row in sheet.iter_rows()
        for cell in row
    ]


def _facts(raw: bytes) -> dict[str, object]:
    """What a workbook holds, sheet by sheet: cells, drop-downs, frozen panes, filter, widths."""
    book = openpyxl.load_workbook(io.BytesIO(raw))
    facts: dict[str, object] = {
        "sheets": book.sheetnames,
        "properties": [(p.name, p.value) for p in book.custom_doc_props],
    }
    for sheet in book.worksheets:
        rules = sorted(
            (str(v.sqref), v.type, v.formula1, v.formula2, v.errorStyle, v.error)
            for v in sheet.data_validations.dataValidation
        )
        widths = sorted((k, v.width) for k, v in sheet.column_dimensions.items())
        facts[sheet.title] = (_cells(sheet), rules, sheet.freeze_panes, sheet.auto_filter.ref, widths)
    return facts


def _stock_save(book: openpyxl.Workbook, target: io.BytesIO) -> None:
    book.save(target)


def test_the_workbook_holds_what_openpyxls_own_save_writes(
    shipped_data: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours = io.BytesIO()
    xlsx_writer.write_workbook(shipped_data, ours, to_fill=TO_FILL, made_from=3)
    with monkeypatch.context() as patch:
        patch.setattr(xlsx_writer, "save", _stock_save)
        stock = io.BytesIO()
        xlsx_writer.write_workbook(shipped_data, stock, to_fill=TO_FILL, made_from=3)
    facts = _facts(ours.getvalue())
    assert facts == _facts(stock.getvalue())
    # The comparison sees the sheets, the marks and the version: it would notice one missing.
    assert facts["properties"] == [(MADE_FROM_PROPERTY, 3)]
    figures = facts["SoLieu"][0]  # type: ignore[index]
    assert [c[-1] for c in figures if c[0] in ("F2", "F5")] == list(TO_FILL["observations"].values())
    assert len(figures) == len(OBSERVATIONS.columns) * (len(shipped_data.observations) + 1)
    # The same parts, by name and content, as the stock writer puts in the zip.
    parts = [zipfile.ZipFile(io.BytesIO(b.getvalue())).namelist() for b in (ours, stock)]
    assert sorted(parts[0]) == sorted(parts[1])


def test_a_table_for_people_holds_what_openpyxls_own_save_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    frames = {"Bảng": pd.DataFrame({"v": ["=1+1", "a", None], "x": [1.5, None, 2.0]})}
    ours = xlsx_writer.frames_bytes(frames)
    monkeypatch.setattr(xlsx_writer, "save", _stock_save)
    facts = _facts(ours)
    assert facts == _facts(xlsx_writer.frames_bytes(frames))
    cells = {c[0]: c for c in facts["Bảng"][0]}  # type: ignore[index]
    assert cells["A2"][1:5] == ("=1+1", "s", "General", True)
    assert cells["B2"][1:4] == (1.5, "n", NUMBER_FORMAT)
