"""A missing-figures workbook uploaded after someone added a figure it would remove: warned, vi and en."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from indicators import diff, excel, missing, progress, stale, validate
from indicators.fmt import Lang
from indicators.i18n import t
from indicators.model import Dataset
from indicators.store import Store
from tests.test_missing import fill, gaps_of
from tests.test_pages_data import page, upload
from tests.test_year import upload as upload_wide

pytestmark = pytest.mark.usefixtures("fresh_caches")

ROOT = Path(__file__).resolve().parents[1]
# Added after the workbook was downloaded: the 2023 estimate of income per head (tests only).
ADDED = {"UTH 2023": {"INCOME_PC": 37.5}}
# Added after it too, but for an indicator the workbook does not hold: nothing of it is removed.
ELSEWHERE = {"UTH 2023": {"GTSX": 3050.0}}
LOST_VI = "Thu nhập bình quân đầu người · Huyện Tam Đường · 2023 (Ước thực hiện): 37,5"
LOST_EN = "Average income per person · Tam Đường district · 2023 (Estimate): 37.5"


def filled_at(store: Store) -> tuple[bytes, int]:
    """The missing-figures workbook as the goals page offers it now, filled in by the analyst."""
    data = store.load()
    book = missing.workbook_bytes(data, gaps_of(data))
    return fill(book, progress.compute(data, area="106")), data.version


def preview_of(store: Store, book: bytes) -> tuple[validate.Upload, Dataset, diff.Preview]:
    current = store.load()
    checked = validate.check(book, "dien_so_lieu.xlsx", current)
    assert checked.ok, validate.report_text(checked)
    merged = diff.merge(current, checked)
    return checked, merged, diff.compare(current, merged)


def test_the_downloaded_workbook_records_its_version_and_keeps_it_when_saved(store: Store) -> None:
    data = store.load()
    raw = missing.workbook_bytes(data, gaps_of(data))
    assert excel.made_from(raw) == data.version == 1
    # Filled in and saved again (openpyxl here, as Excel or LibreOffice would): still there.
    book, _ = filled_at(store)
    assert excel.made_from(book) == 1
    assert validate.check(book, "x.xlsx", data).made_from == 1
    # The export records its version too; a workbook of an office's own making says nothing.
    assert excel.made_from(excel.workbook_bytes(data)) == 1
    assert excel.made_from(b"not a zip") is None


def test_a_stale_workbook_names_the_figures_it_would_remove(store: Store) -> None:
    book, made_from = filled_at(store)
    assert made_from == 1
    upload_wide(store, ADDED, "uoc-2023.xlsx")  # version 2: someone adds a figure meanwhile
    checked, merged, preview = preview_of(store, book)
    found = stale.check(checked.made_from, store.current_version(), preview, store.load)
    assert found is not None
    assert (found.made_from, found.current, len(found.lost)) == (1, 2, 1)
    lost = found.lost.iloc[0]
    assert (lost["code"], lost["area"], lost["year"], lost["kind"], lost["value"]) == (
        "INCOME_PC",
        "106",
        2023,
        "estimate",
        37.5,
    )
    vi = stale.warning_text(found, merged, "vi")
    assert vi == t("stale.warning", "vi").format(then=1, now=2, n="1", which=LOST_VI)
    assert "phiên bản 1" in vi and "phiên bản 2" in vi
    en = stale.warning_text(found, merged, "en")
    assert en == t("stale.warning", "en").format(then=1, now=2, n="1", which=LOST_EN)


def test_no_warning_when_the_workbook_is_current_or_removes_nothing_added_since(store: Store) -> None:
    book, _ = filled_at(store)
    checked, _, preview = preview_of(store, book)
    # Uploaded at the version it was made from: nothing added since, nothing to say.
    assert stale.check(checked.made_from, store.current_version(), preview, store.load) is None
    # Made from an older version, but what was added since is not the workbook's: still nothing.
    upload_wide(store, ELSEWHERE, "gtsx-2023.xlsx")
    checked, _, preview = preview_of(store, book)
    assert not preview.empty and preview.totals()["removed"] == 0
    assert stale.check(checked.made_from, store.current_version(), preview, store.load) is None
    # A workbook that says nothing of its version is not judged.
    assert stale.check(None, store.current_version(), preview, store.load) is None


@pytest.mark.parametrize(("lang", "lost"), [("vi", LOST_VI), ("en", LOST_EN)])
def test_the_upload_page_warns_before_the_commit_only_when_stale(store: Store, lang: Lang, lost: str) -> None:
    book, _ = filled_at(store)
    fresh = upload(page("upload.py", lang), "dien_so_lieu.xlsx", book)
    assert not fresh.exception
    assert not [w for w in fresh.warning if str(w.value).startswith(t("stale.warning", lang)[:20])]

    upload_wide(store, ADDED, "uoc-2023.xlsx")
    at = upload(page("upload.py", lang), "dien_so_lieu.xlsx", book)
    assert not at.exception
    warnings = [str(w.value) for w in at.warning]
    expected = t("stale.warning", lang).format(then=1, now=2, n="1", which=lost)
    assert expected in warnings
    # Said before anything is saved: the commit button is still there and nothing was written.
    assert store.current_version() == 2


def test_the_command_line_refuses_a_stale_workbook_unless_told(store: Store, tmp_path: Path) -> None:
    book, _ = filled_at(store)
    upload_wide(store, ADDED, "uoc-2023.xlsx")
    path = tmp_path / "dien_so_lieu.xlsx"
    path.write_bytes(book)

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "indicators", "import", str(path), "--account", "lan", *extra]
        return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)

    refused = run()
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert t("stale.warning", "vi").format(then=1, now=2, n="1", which=LOST_VI) in refused.stdout
    assert store.current_version() == 2
    done = run("--replace-newer")
    assert done.returncode == 0, done.stderr
    assert store.current_version() == 3
