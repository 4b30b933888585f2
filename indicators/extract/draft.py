"""Found figures as observation rows of the upload layout, each with its sentence as the quote."""

from __future__ import annotations

import pandas as pd

from indicators.core.model import OBSERVATIONS, Dataset, ObsKind
from indicators.extract import goals
from indicators.extract.figures import Figure
from indicators.extract.match import Catalogue

SURE = 0.7  # below this a row's value cell is marked for the analyst to check first
_KINDS = {k.value for k in ObsKind}
GOAL_MARK = "Mục tiêu đọc từ câu báo cáo ghi rõ (phấn đấu, mục tiêu, đến năm …): kiểm tra trước khi tải lên."


def observations(found: list[Figure], area: str, document: str) -> tuple[pd.DataFrame, dict[int, str]]:
    """Rows for the figures that name an indicator, a year and a kind; and the unsure rows to mark."""
    rows: list[dict[str, object]] = []
    unsure: dict[int, str] = {}
    seen: set[tuple[str, int, str]] = set()
    for figure in found:
        if not figure.indicator or figure.value is None or figure.year is None or figure.kind not in _KINDS:
            continue
        key = (figure.indicator, figure.year, figure.kind)
        if key in seen:
            continue  # a report that says a figure twice gives one row
        seen.add(key)
        if figure.confidence < SURE:
            unsure[len(rows)] = f"Độ tin cậy {figure.confidence:.2f}: kiểm tra chỉ tiêu và số liệu."
        rows.append(
            {
                "code": figure.indicator, "area": area, "year": figure.year, "kind": figure.kind,
                "base_year": figure.base_year, "value": figure.value,
                "qualifier": figure.qualifier, "section": "", "quote": figure.sentence,
                "note": f"Đọc từ {document}",
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=list(OBSERVATIONS.columns)), unsure


def draft(
    data: Dataset, found: list[Figure], area: str, document: str
) -> tuple[Dataset, dict[str, dict[int, str]]]:
    """The store's catalogue and areas with the found figures as its observations and the goals the
    report states plainly as its targets, for review in Excel; and the cells to mark, per sheet."""
    rows, unsure = observations(found, area, document)
    stated, _left = goals.targets(found, Catalogue(data.indicators), area, document)
    # Only the figures read: the catalogue and areas ride along so the drop-downs and checks work.
    frames = {"indicators": data.indicators, "observations": rows, "areas": data.areas, "targets": stated}
    frames |= {"area_links": data.area_links, "aggregation_rules": data.aggregation_rules}
    # Every goal is marked: a target read from words is for the analyst to confirm, as each figure is.
    marks = {i: GOAL_MARK for i in range(len(stated))}
    return Dataset.from_frames(frames, version=data.version), {"observations": unsure, "targets": marks}
