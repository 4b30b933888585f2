"""A workbook made from an older version that would undo figures changed or added since: named, then refused
unless confirmed figure by figure (page) or --replace-newer (command line), vi and en."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import state
from indicators.core import progress
from indicators.core.model import TABLES, Dataset
from indicators.excel import diff, entry, missing, stale, validate
from indicators.excel import workbook as excel
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.test_missing import fill, gaps_of
from tests.test_pages_data import page, upload
from tests.test_year import upload as upload_wide

pytestmark = pytest.mark.usefixtures("fresh_caches")

ROOT = Path(__file__).resolve().parents[1]
# Added after the workbook was downloaded: the 2023 estimate of income per head (tests only).
ADDED = {"UTH 2023": {"INCOME_PC": 37.5}}
# Added after it too, but for an indicator the workbook does not hold: nothing of it is removed.
ELSEWHERE = {"UTH 2023": {"GTSX": 3050.0}}
# Corrected after it: the 2020 estimate of jobs, 5,150 in the report and in the workbook (tests only).
CORRECTED = {"UTH 2020": {"JOBS": 5200.0}}
LOST_VI = "Thu nhập bình quân đầu người · Huyện Tam Đường · 2023 (Ước thực hiện): 37,5 → (gỡ)"
LOST_EN = "Average income per person · Tam Đường district · 2023 (Estimate): 37.5 → (removed)"
UNDONE_VI = "Số lao động được giải quyết việc làm · Huyện Tam Đường · 2020 (Ước thực hiện): 5.200 → 5.150"
UNDONE_EN = "Workers helped into jobs · Tam Đường district · 2020 (Estimate): 5,200 → 5,150"


def filled_at(store: Store) -> tuple[bytes, int]:
    """The missing-figures workbook as the goals page offers it now, filled in by the analyst."""
    data = store.load()
    book = missing.workbook_bytes(data, gaps_of(data))
    return fill(book, progress.compute(data, area="106")), data.version


def preview_of(
    store: Store, book: bytes, mode: diff.Mode = "add"
) -> tuple[validate.Upload, Dataset, diff.Preview]:
    current = store.load()
    checked = validate.check(book, "dien_so_lieu.xlsx", current)
    assert checked.ok, validate.report_text(checked)
    merged = diff.merge(current, checked, mode)
    return checked, merged, diff.compare(current, merged)


def jobs_2020(store: Store) -> float:
    obs = store.load().observations
    row = obs[(obs["code"] == "JOBS") & (obs["area"] == "106") & (obs["year"] == 2020)]
    return float(row.loc[row["kind"] == "estimate", "value"].iloc[0])


def test_every_workbook_the_system_writes_records_its_version(store: Store) -> None:
    data = store.load()
    raw = missing.workbook_bytes(data, gaps_of(data))
    assert excel.made_from(raw) == data.version == 1
    # Filled in and saved again (openpyxl here, as Excel or LibreOffice would): still there.
    book, _ = filled_at(store)
    assert excel.made_from(book) == 1
    assert validate.check(book, "x.xlsx", data).made_from == 1
    # The template and the export record their version too; so does the grid's workbook.
    assert excel.made_from(excel.workbook_bytes(data)) == 1
    before = entry.grid(data, "106", 2021)
    after = before.assign(value=before["value"].where(before["code"] != "GTSX", "2.710,4"))
    assert excel.made_from(entry.workbook(before, after, "106", 2021, data).data) == 1
    # A workbook of an office's own making says nothing.
    assert excel.made_from(b"not a zip") is None


@pytest.mark.parametrize(("lang", "undone"), [("vi", UNDONE_VI), ("en", UNDONE_EN)])
def test_a_stale_workbook_names_a_figure_corrected_since(store: Store, lang: Lang, undone: str) -> None:
    book, made_from = filled_at(store)
    assert made_from == 1
    upload_wide(store, CORRECTED, "sua-2020.xlsx")  # version 2: analyst B corrects a figure
    checked, merged, preview = preview_of(store, book)
    found = stale.check(checked.made_from, store.current_version(), preview, store.load)
    assert found is not None
    assert (found.made_from, found.current, len(found.lost)) == (1, 2, 1)
    lost = found.lost.iloc[0]
    assert lost[["code", "area", "year", "kind", "change", "old", "new"]].tolist() == [
        "JOBS",
        "106",
        2020,
        "estimate",
        "changed",
        5200.0,
        5150.0,
    ]
    text = stale.warning_text(found, merged, lang)
    assert text == t("stale.warning", lang).format(then=1, now=2, n="1", which=undone)


def test_a_stale_workbook_replacing_pairs_names_the_figures_it_would_remove(store: Store) -> None:
    book, _ = filled_at(store)
    upload_wide(store, ADDED, "uoc-2023.xlsx")  # version 2: someone adds a figure meanwhile
    # Added and corrected only (the default): the figure added since stays, nothing is stale.
    checked, _, preview = preview_of(store, book)
    assert preview.totals()["removed"] == 0
    assert stale.check(checked.made_from, store.current_version(), preview, store.load) is None
    # Replacing whole pairs: it would go, and is named.
    checked, merged, preview = preview_of(store, book, "replace")
    found = stale.check(checked.made_from, store.current_version(), preview, store.load)
    assert found is not None and len(found.lost) == 1
    assert found.lost.iloc[0][["code", "year", "kind", "change", "old"]].tolist() == [
        "INCOME_PC",
        2023,
        "estimate",
        "removed",
        37.5,
    ]
    assert stale.warning_text(found, merged, "vi") == t("stale.warning", "vi").format(
        then=1, now=2, n="1", which=LOST_VI
    )
    assert LOST_EN in stale.warning_text(found, merged, "en")


def test_no_warning_when_the_workbook_is_current_or_undoes_nothing_changed_since(store: Store) -> None:
    book, _ = filled_at(store)
    checked, _, preview = preview_of(store, book, "replace")
    # Uploaded at the version it was made from: nothing changed since, nothing to say.
    assert stale.check(checked.made_from, store.current_version(), preview, store.load) is None
    # Made from an older version, but what was added since is not the workbook's: still nothing.
    upload_wide(store, ELSEWHERE, "gtsx-2023.xlsx")
    checked, _, preview = preview_of(store, book, "replace")
    assert not preview.empty and preview.totals()["removed"] == 0
    assert stale.check(checked.made_from, store.current_version(), preview, store.load) is None
    # A workbook that says nothing of its version is not judged.
    assert stale.check(None, store.current_version(), preview, store.load) is None


@pytest.mark.parametrize(("lang", "undone"), [("vi", UNDONE_VI), ("en", UNDONE_EN)])
def test_the_upload_page_blocks_a_stale_overwrite_until_each_figure_is_confirmed(
    store: Store, lang: Lang, undone: str
) -> None:
    book, _ = filled_at(store)
    fresh = upload(page("upload.py", lang), "dien_so_lieu.xlsx", book)
    assert not fresh.exception
    assert not [w for w in fresh.warning if str(w.value).startswith(t("stale.warning", lang)[:20])]
    assert not fresh.checkbox  # 82 figures added, none removed or overwritten: nothing to confirm

    upload_wide(store, CORRECTED, "sua-2020.xlsx")
    at = upload(page("upload.py", lang), "dien_so_lieu.xlsx", book)
    assert not at.exception
    expected = t("stale.warning", lang).format(then=1, now=2, n="1", which=undone)
    assert expected in [str(w.value) for w in at.warning]
    # At the top of the preview: the figure, old → new, marked in words as newer than the file.
    (named,) = [d.value for d in at.dataframe if t("figures.old_new", lang) in d.value.columns]
    assert named[t("figures.old_new", lang)].tolist() == [undone.rsplit(": ", 1)[1]]
    assert named[t("figures.newer", lang)].tolist() == [t("figures.newer_yes", lang)]
    newer, whole = at.checkbox
    assert newer.label == t("figures.confirm_newer", lang).format(figure=undone)
    # The list confirmed but not the figure: refused, nothing written.
    at = whole.check().run()
    at = at.button(key=state.UPLOAD_COMMIT_WIDGET).click().run()
    assert [e.value for e in at.error] == [t("figures.unconfirmed", lang)]
    assert store.current_version() == 2 and jobs_2020(store) == 5200.0
    # The figure confirmed too: written, B's correction knowingly replaced.
    at = at.checkbox[0].check().run()
    at = at.button(key=state.UPLOAD_COMMIT_WIDGET).click().run()
    assert not at.exception and not at.error
    assert store.current_version() == 3 and jobs_2020(store) == 5150.0


def test_the_command_line_refuses_a_stale_workbook_unless_told(store: Store, tmp_path: Path) -> None:
    book, _ = filled_at(store)
    upload_wide(store, CORRECTED, "sua-2020.xlsx")
    path = tmp_path / "dien_so_lieu.xlsx"
    path.write_bytes(book)

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "indicators", "import", str(path), "--account", "lan", *extra]
        return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)

    refused = run()
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert t("stale.warning", "vi").format(then=1, now=2, n="1", which=UNDONE_VI) in refused.stdout
    # Named in the list of figures changed or removed too.
    assert f"  {UNDONE_VI}\n" in refused.stdout
    assert store.current_version() == 2 and jobs_2020(store) == 5200.0
    done = run("--replace-newer")
    assert done.returncode == 0, done.stderr
    assert store.current_version() == 3 and jobs_2020(store) == 5150.0


def test_a_stale_workbook_adding_back_a_figure_removed_since_names_it(store: Store) -> None:
    book, _ = filled_at(store)
    # Version 2: analyst B removes the 2020 estimate of jobs.
    data = store.load()
    obs = data.observations
    jobs = (obs["code"] == "JOBS") & (obs["year"] == 2020) & (obs["kind"] == "estimate")
    frames = {tb.name: data.frame(tb) for tb in TABLES}
    store.commit(Dataset.from_frames({**frames, "observations": obs[~jobs]}), "b", note="gỡ")
    checked, merged, preview = preview_of(store, book)
    found = stale.check(checked.made_from, store.current_version(), preview, store.load)
    assert found is not None
    assert found.lost[["code", "year", "change", "new"]].values.tolist() == [
        ["JOBS", 2020, "restored", 5150.0]
    ]
    which = (
        "Số lao động được giải quyết việc làm · Huyện Tam Đường · 2020 (Ước thực hiện): (đã bị gỡ) → 5.150"
    )
    assert stale.warning_text(found, merged, "vi") == t("stale.warning", "vi").format(
        then=1, now=2, n="1", which=which
    )
    # On the page: named at the top and confirmed on its own before the commit.
    at = upload(page("upload.py"), "dien_so_lieu.xlsx", book)
    (named,) = [d.value for d in at.dataframe if "Cũ → mới" in d.value.columns]
    assert named.values.tolist() == [
        [
            "Số lao động được giải quyết việc làm",
            "Huyện Tam Đường (106)",
            "2020",
            "Ước thực hiện",
            "thêm lại",
            "(đã bị gỡ) → 5.150",
            "có: mới hơn tệp",
        ]
    ]
    assert at.checkbox[0].label == t("figures.confirm_newer", "vi").format(figure=which)
