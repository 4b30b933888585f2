"""Rows appended to a missing-figures workbook: added and corrected by default, nothing removed; replacing
whole pairs is an explicit choice (page radio, --replace-pairs) that names each removal and needs a yes."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from dashboard import state
from indicators.core import progress
from indicators.excel import diff, missing, stale, validate
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.test_missing import SOLIEU, fill, gaps_of
from tests.test_pages_data import page, upload

pytestmark = pytest.mark.usefixtures("fresh_caches")

ROOT = Path(__file__).resolve().parents[1]
# Appended at the bottom of the workbook, which holds no tea row (test values, never shipped).
TEA = {2021: 1810.0, 2022: 1850.0, 2023: 1900.0, 2024: 1950.0, 2025: 2000.0}
REPORT_2020 = 1758.5  # the source report's 2020 estimate of the tea area
NAMED_VI = "Tổng diện tích chè · Huyện Tam Đường · 2020 (Ước thực hiện): 1.758,5 → (gỡ)"


def appended(store: Store) -> bytes:
    """The missing-figures workbook, filled in, with five tea rows added below the last row."""
    data = store.load()
    book_bytes = fill(missing.workbook_bytes(data, gaps_of(data)), progress.compute(data, area="106"))
    book = openpyxl.load_workbook(io.BytesIO(book_bytes))
    sheet = book["SoLieu"]
    assert not [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "TEA_AREA"]
    last = max(r[0].row for r in sheet.iter_rows(min_row=2) if r[0].value is not None)
    for i, (year, value) in enumerate(TEA.items(), start=1):
        for column, cell in (("code", "TEA_AREA"), ("area", "106"), ("year", year), ("kind", "Thực hiện")):
            sheet.cell(last + i, SOLIEU[column], cell)
        sheet.cell(last + i, SOLIEU["value"], value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def tea(store: Store) -> dict[int, float]:
    obs = store.load().observations
    rows = obs[(obs["code"] == "TEA_AREA") & (obs["area"] == "106")]
    return dict(zip(rows["year"].astype(int), rows["value"], strict=True))


@pytest.mark.slow
def test_the_default_adds_and_corrects_and_replacing_pairs_would_remove_the_2020_figure(store: Store) -> None:
    current = store.load()
    checked = validate.check(appended(store), "them_che.xlsx", current)
    assert checked.ok, validate.report_text(checked)
    kept = diff.compare(current, diff.merge(current, checked))
    assert kept.totals() == {"new": 84 + 5, "changed": 0, "removed": 0}
    assert stale.touched(kept).empty  # nothing removed or overwritten: nothing to name
    replaced = diff.compare(current, diff.merge(current, checked, "replace"))
    assert replaced.totals()["removed"] == 1
    (gone,) = stale.named_lines(stale.touched(replaced), current, "vi")[1:]
    assert gone == f"  {NAMED_VI}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_keeps_the_2020_figure_by_default(store: Store, lang: Lang) -> None:
    at = upload(page("upload.py", lang), "them_che.xlsx", appended(store))
    assert not at.exception
    mode = at.radio(key=state.UPLOAD_MODE_WIDGET)
    assert mode.value == "add"
    assert mode.options == [t("upload.mode_add", lang), t("upload.mode_replace", lang)]
    assert [m.value for m in at.metric] == ["89", "0", "0"]  # new, changed, removed
    assert not at.checkbox  # nothing removed or overwritten: nothing to confirm
    at = at.button(key=state.UPLOAD_COMMIT_WIDGET).click().run()
    assert not at.exception and store.current_version() == 2
    assert tea(store) == {2020: REPORT_2020, **TEA}


def test_replacing_pairs_on_the_page_names_the_removal_and_needs_a_yes(store: Store) -> None:
    at = upload(page("upload.py"), "them_che.xlsx", appended(store))
    at = at.radio(key=state.UPLOAD_MODE_WIDGET).set_value("replace").run()
    assert not at.exception
    assert [m.value for m in at.metric] == ["89", "0", "1"]
    # Named at the top of the preview: indicator, area with its name, year, kind, old → new.
    named = at.dataframe[0].value
    assert named.values.tolist() == [
        ["Tổng diện tích chè", "Huyện Tam Đường (106)", "2020", "Ước thực hiện", "gỡ", "1.758,5 → (gỡ)"]
    ]
    assert at.subheader[0].value == "1 số liệu sẽ bị sửa hoặc gỡ nếu ghi"
    at = at.button(key=state.UPLOAD_COMMIT_WIDGET).click().run()
    assert [e.value for e in at.error] == [t("figures.unconfirmed", "vi")]
    assert store.current_version() == 1
    (confirm,) = at.checkbox
    at = confirm.check().run()
    at = at.button(key=state.UPLOAD_COMMIT_WIDGET).click().run()
    assert not at.exception and store.current_version() == 2
    assert tea(store) == TEA


@pytest.mark.slow
def test_the_command_line_adds_by_default_and_replaces_pairs_when_told(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "them_che.xlsx"
    path.write_bytes(appended(store))

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "indicators", "import", str(path), "--account", "lan", *extra]
        return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)

    kept = run()
    assert kept.returncode == 0, kept.stderr
    assert "0 dòng gỡ" in kept.stdout and "sẽ bị sửa hoặc gỡ" not in kept.stdout
    assert tea(store) == {2020: REPORT_2020, **TEA}
    replaced = run("--replace-pairs")
    assert replaced.returncode == 0, replaced.stderr
    assert f"1 số liệu sẽ bị sửa hoặc gỡ nếu ghi:\n  {NAMED_VI}\n" in replaced.stdout
    assert store.current_version() == 3 and tea(store) == TEA
