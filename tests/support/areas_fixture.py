"""A hand-made 2026 workbook for the four communes that replaced Tam Đường (tests only, never shipped).

The figures are invented for the tests: round enough to add up by hand, never shown as real data.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd

from indicators.core.model import Dataset
from indicators.excel import diff, validate
from indicators.excel import writer as xlsx_writer
from indicators.store.database import Store

COMMUNES = {"03424": "Xã Bản Bo", "03390": "Xã Bình Lư", "03405": "Xã Tả Lèng", "03430": "Xã Khun Há"}
TEA = {"03424": 1200.5, "03390": 950.0, "03405": 430.25, "03430": 610.0}  # ha, sums to 3,190.75
TEA_TARGET = {"03424": 1000.0, "03390": 900.0, "03405": 500.0, "03430": 600.0, "12": 3000.0}
POVERTY = {"03424": 12.5, "03390": 8.0, "03405": 20.0, "03430": 15.0}  # %
POOR = {"03424": 250.0, "03390": 160.0, "03405": 300.0, "03430": 150.0}  # households, 860 in all
HOUSEHOLDS = {"03424": 2000.0, "03390": 2000.0, "03405": 1500.0, "03430": 1000.0}  # 6,500 in all


def _indicator(code: str, name: str, unit: str, kind: str, direction: str = "higher") -> dict:
    return {
        "code": code,
        "name_vi": name,
        "name_en": name,
        "domain": "poverty_jobs" if code != "TEA_AREA" else "tea",
        "unit": unit,
        "unit_en": unit,
        "direction": direction,
        "value_kind": kind,
    }


def frames(*, without: tuple[str, ...] = (), ratio_rule: bool = False) -> dict[str, pd.DataFrame]:
    """The workbook's tables; `without` leaves communes' tea figures out; `ratio_rule` adds TongHop."""
    indicators = pd.DataFrame(
        [
            _indicator("TEA_AREA", "Tổng diện tích chè", "ha", "level"),
            _indicator("POV_RATE", "Tỷ lệ hộ nghèo", "%", "share", "lower"),
            _indicator("POOR_HH", "Số hộ nghèo", "hộ", "count", "lower"),
            _indicator("HOUSEHOLDS", "Số hộ", "hộ", "count"),
        ]
    )
    obs = []
    for code, values in (
        ("TEA_AREA", TEA),
        ("POV_RATE", POVERTY),
        ("POOR_HH", POOR),
        ("HOUSEHOLDS", HOUSEHOLDS),
    ):
        for area, value in values.items():
            if code == "TEA_AREA" and area in without:
                continue
            obs.append({"code": code, "area": area, "year": 2026, "kind": "actual", "value": value})
    targets = [
        {
            "code": "TEA_AREA",
            "area": area,
            "year": 2026,
            "term": "",
            "target_kind": "KH",
            "comparator": "at_least",
            "value": value,
        }
        for area, value in TEA_TARGET.items()
    ]
    areas = [{"code": "12", "name": "Tỉnh Lai Châu", "level": "province", "parent": ""}]
    areas += [
        {"code": c, "name": n, "level": "commune", "parent": "12", "valid_from": "2025-07-01"}
        for c, n in COMMUNES.items()
    ]
    out = {
        "indicators": indicators,
        "observations": pd.DataFrame(obs),
        "targets": pd.DataFrame(targets),
        "areas": pd.DataFrame(areas),
    }
    if ratio_rule:
        out["aggregation_rules"] = pd.DataFrame(
            [{"code": "POV_RATE", "rule": "ratio", "numerator": "POOR_HH", "denominator": "HOUSEHOLDS"}]
        )
    return out


def workbook(path: Path, **options: object) -> Path:
    """The workbook written to `path` with the project's one Excel writer."""
    xlsx_writer.write_workbook(Dataset.from_frames(frames(**options)), path)  # type: ignore[arg-type]
    return path


def dataset(path: Path, **options: object) -> Dataset:
    """The workbook checked like any upload into an empty store, as a dataset."""
    upload = validate.check(workbook(path, **options).read_bytes(), path.name, Dataset.empty())
    assert upload.ok, validate.report_text(upload)
    return Dataset.from_frames(upload.frames)


def add_to(store: Store, folder: Path) -> Store:
    """The store with the communes' workbook imported on top as a new version, as an upload does."""
    current = store.load()
    book = workbook(folder / "xa_2026.xlsx")
    upload = validate.check(book.read_bytes(), book.name, current)
    assert upload.ok, validate.report_text(upload)
    store.commit(diff.merge(current, upload), account="test", file_name=book.name)
    return store


def add_communes(store: Store) -> None:
    """`add_to` from a folder of its own: a prepared store's setup (tests/support/prepared.py)."""
    with tempfile.TemporaryDirectory() as folder:
        add_to(store, Path(folder))
