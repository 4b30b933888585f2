"""The workbook's number formats of implied targets: only a derived target with its printed % is marked."""

from __future__ import annotations

import pandas as pd

from indicators.core.model import Dataset
from indicators.excel import writer

TARGET = {"area": "106", "year": 2020, "target_kind": "NQ", "comparator": "at_least"}


def test_a_derived_target_is_marked_only_where_its_printed_percent_is_held() -> None:
    targets = pd.DataFrame(
        [
            {**TARGET, "code": "GTSX", "value": 2120.0, "derived": True},
            {**TARGET, "code": "CHE", "value": 300.0, "derived": True},  # no printed %: shown as is
            {**TARGET, "code": "LUA", "value": 45.5, "derived": False},
            {**TARGET, "code": "NGO", "value": 7038.46, "derived": True, "year": 2019},
        ]
    )
    reported = pd.DataFrame(
        [
            {"code": "GTSX", "area": "106", "year": 2020, "target_kind": "NQ", "reported_pct": 118.08},
            {"code": "LUA", "area": "106", "year": 2020, "target_kind": "NQ", "reported_pct": 101.0},
            {"code": "NGO", "area": "106", "year": 2019, "target_kind": "NQ", "reported_pct": 104.5},
            {"code": "NGO", "area": "106", "year": 2020, "target_kind": "NQ", "reported_pct": 90.0},
        ]
    )
    data = Dataset.from_frames({"targets": targets, "reported": reported})
    assert writer._implied_formats(data) == {0: '"≈ "#,##0.0', 3: '"≈ "#,##0'}
    other = Dataset.from_frames({"targets": targets, "reported": reported.iloc[:2]})
    assert writer._implied_formats(other) == {0: '"≈ "#,##0.0'}
