"""The báo cáo uses approved figures; `report --include-pending` adds the pending ones, each marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from indicators.__main__ import main
from indicators.rounds import workflow
from indicators.store import accounts
from indicators.store.database import Store
from tests.test_rounds import BINH_LU, DUE, PASSWORD, upload_of


@pytest.fixture
def waiting(communes: Store) -> Store:
    """Bình Lư's 2026 tea area approved at 950 ha, and a sending of 990 ha waiting for review."""
    accounts.add_user(communes, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(communes, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    workflow.open_round(communes, "tinh", 2026, "12", "TEA_AREA", DUE)
    workflow.submit(communes, "binhlu", upload_of(communes.load(), {BINH_LU: {"TEA_AREA": 990.0}}))
    return communes


def text_of(path: Path) -> str:
    """Every paragraph and table cell of a .docx, in order."""
    doc = Document(str(path))
    cells = [c.text for table in doc.tables for row in table.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def report(tmp_path: Path, *extra: str, area: str = BINH_LU, lang: str = "vi") -> str:
    out = tmp_path / f"bc_{area}_{lang}_{len(extra)}.docx"
    args = ["report", "--area", area, "--year", "2026", "--format", "docx", "--lang", lang]
    assert main([*args, "--out", str(out), "--no-charts", *extra]) == 0
    return text_of(out)


def test_explore(waiting: Store, tmp_path: Path) -> None:
    print(report(tmp_path))
    print("=========")
    print(report(tmp_path, "--include-pending"))
