"""The báo cáo uses approved figures; `report --include-pending` adds the pending ones, each marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from indicators.__main__ import main
from indicators.rounds import workflow
from indicators.store import accounts
from indicators.store.database import Store
from tests.support.areas_fixture import add_communes
from tests.support.prepared import PreparedStores
from tests.test_pending_view import send_for_review as send_in_the_province
from tests.test_rounds import BINH_LU, DUE, PASSWORD, upload_of


def send_for_review(store: Store) -> None:
    """Bình Lư's 2026 tea area approved at 950 ha, and a sending of 990 ha waiting for review."""
    add_communes(store)
    send_in_the_province(store)


@pytest.fixture
def waiting(store_url: str, prepared_stores: PreparedStores) -> Store:
    """The seeded store after `send_for_review`: set up once a session, each test's own copy."""
    return prepared_stores.store(store_url, send_for_review)


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


def test_the_report_uses_approved_figures_unless_asked(waiting: Store, tmp_path: Path) -> None:
    text = report(tmp_path)
    assert "Tổng diện tích chè đạt 950 ha, đạt 105,56% kế hoạch, vượt chỉ tiêu." in text
    assert "990" not in text and "chưa duyệt" not in text


def test_include_pending_marks_the_figure_in_its_sentence_and_row_and_explains_the_mark(
    waiting: Store, tmp_path: Path
) -> None:
    text = report(tmp_path, "--include-pending")
    # The sentence: the pending figure with its mark after number and unit, its % of the plan from it.
    assert "Tổng diện tích chè đạt 990 ha (chưa duyệt), đạt 110% kế hoạch, vượt chỉ tiêu." in text
    # The appendix row holds the same figure, marked; the approved 950 is nowhere.
    cells = text.split("\n")
    row = cells.index("Tổng diện tích chè (năm 2026)")
    assert cells[row + 1 : row + 6] == ["ha", "KH: 900", "990 (chưa duyệt)", "110", "vượt"]
    assert "950" not in text
    # The notes under the appendix say what the mark means, once.
    legend = (
        "“(chưa duyệt)”: số liệu địa bàn đã gửi nhưng chưa được duyệt, hoặc tổng có chứa số liệu như vậy."
    )
    assert text.count(legend) == 1
    # Only the pending figure is marked: the households approved before stay as they were.
    assert text.count("(chưa duyệt)") == 3  # sentence, row, legend
    assert "Số hộ đạt 2.000 hộ." in text


def test_include_pending_in_english(waiting: Store, tmp_path: Path) -> None:
    text = report(tmp_path, "--include-pending", lang="en")
    assert "990 ha (not yet approved)" in text
    assert "990 (not yet approved)" in text.split("\n")
    assert "“(not yet approved)”: a figure an area has sent that has not been approved yet" in text
    assert "not yet approved" not in report(tmp_path, lang="en")


def test_a_report_with_nothing_pending_is_the_approved_one(communes: Store, tmp_path: Path) -> None:
    # Nothing waits: the flag changes nothing, not a word of the document.
    assert report(tmp_path, "--include-pending") == report(tmp_path)


def test_the_comparison_marks_the_pending_unit_and_the_sum_that_holds_it(
    waiting: Store, tmp_path: Path
) -> None:
    args = ("--compare", "TEA_AREA")
    approved = report(tmp_path, *args, area="12")
    assert "4 xã đã báo cáo cộng lại 3.190,75 ha, chưa phải số" in approved
    assert "chưa duyệt" not in approved.replace("trình duyệt", "")  # "no browser" is about the software
    text = report(tmp_path, *args, "--include-pending", area="12")
    # 1.200,5 + 990 + 610 + 430,25: the sum holds the pending figure and says so.
    assert "4 xã đã báo cáo cộng lại 3.230,75 ha (chưa duyệt), chưa phải số" in text
    cells = text.split("\n")
    row = cells.index("Xã Bình Lư")
    assert cells[row + 1 : row + 5] == ["KH: 900", "990 (chưa duyệt)", "110", "vượt"]
    assert "3.230,75 (chưa duyệt)" in cells
    # Every other unit's figure stands unmarked.
    assert "1.200,5" in cells and "610" in cells and "430,25" in cells
    assert "“(chưa duyệt)”: số liệu địa bàn đã gửi nhưng chưa được duyệt" in text


def test_a_pending_figure_said_only_in_a_sentence_is_explained_too(communes: Store, tmp_path: Path) -> None:
    # Households have no target: the figure is said in a sentence and has no row in the appendix.
    accounts.add_user(communes, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(communes, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    workflow.open_round(communes, "tinh", 2026, "12", "HOUSEHOLDS", DUE)
    workflow.submit(communes, "binhlu", upload_of(communes.load(), {BINH_LU: {"HOUSEHOLDS": 2100.0}}))
    text = report(tmp_path, "--include-pending")
    assert "Số hộ đạt 2.100 hộ (chưa duyệt)." in text
    assert text.count("“(chưa duyệt)”: số liệu địa bàn đã gửi nhưng chưa được duyệt") == 1
    # The tea row is approved and stays unmarked.
    cells = text.split("\n")
    row = cells.index("Tổng diện tích chè (năm 2026)")
    assert cells[row + 3] == "950"
