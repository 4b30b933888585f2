"""The page "Đọc số liệu từ báo cáo" in headless Chromium: upload, reject a row, correct one, commit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from indicators.store.database import Store
from indicators.text.i18n import t
from tests.support.appserver import DRAWN_JS, axe_violations, describe, serious, serve
from tests.test_browser import SHOTS, open_page
from tests.test_browser_sign_in import (
    ANALYST,
    OPEN,
    PASSWORD,
    chromium,
    store_with_analyst,
    wait_for_title,
)

pytestmark = pytest.mark.browser
__all__ = ["chromium"]  # the fixture, used by name

REPORT = (
    "Năm 2023 tổng giá trị sản xuất ước đạt 3.120,5 tỷ đồng, đạt 101,2% kế hoạch.\n\n"
    "Năm 2023 tổng diện tích chè 1.985 ha.\n\n"
    "Năm 2023 toàn huyện có 42 trường học."
)


def wait_for_cell(page: Any, column: int, row: int) -> None:
    """Wait until the grid has selected and focused one cell: keys pressed before then are lost."""
    page.wait_for_function(
        "(id) => document.activeElement?.id === id"
        " && document.activeElement.getAttribute('aria-selected') === 'true'",
        arg=f"glide-cell-{column}-{row}",
        timeout=30_000,
    )


def test_a_report_is_uploaded_reviewed_and_saved_with_its_sentences(
    tmp_path: Path, chromium: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_url = store_with_analyst(tmp_path, monkeypatch)
    with serve(store_url, tmp_path / "server.log", OPEN) as url:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        open_page(page, f"{url}/doc-so-lieu-bao-cao")
        page.get_by_label(t("auth.name", "vi")).fill(ANALYST)
        page.get_by_label(t("auth.password", "vi"), exact=True).fill(PASSWORD)
        page.get_by_role("button", name=t("auth.submit", "vi")).click()
        wait_for_title(page, t("extract.page", "vi"))
        page.locator("input[type=file]").set_input_files(
            {"name": "bao_cao_2023.txt", "mimeType": "text/plain", "buffer": REPORT.encode("utf-8")}
        )
        page.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
        page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
        metrics = [m.split("\n")[-1] for m in page.locator("[data-testid=stMetric]").all_inner_texts()]
        assert metrics == ["3", "0", "0"]  # three rows ticked: three new figures
        # WCAG 2.1 AA on the page with its table drawn: no serious or critical axe-core violation.
        assert describe(serious(axe_violations(page))) == []
        # Reject the first row (its tick box), then correct the second row's value.
        grid = page.locator("[data-testid=stDataFrame]").first
        grid.locator("#glide-cell-0-0").wait_for(state="attached", timeout=60_000)  # the grid is drawn
        box = grid.bounding_box()
        # A tick box toggles where it is clicked (rows are 35 px high under a 35 px header).
        page.mouse.click(box["x"] + 30, box["y"] + 35 + 17)
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stMetric]')]"
            ".map(m => m.innerText.split('\\n').pop()).join() === '2,0,0'",
            timeout=60_000,
        )
        page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
        # The second row's value opened by a double click (at 1280 px its column starts 470 px in).
        grid.locator("#glide-cell-2-1").wait_for(state="attached", timeout=60_000)
        box = grid.bounding_box()
        page.mouse.dblclick(box["x"] + 510, box["y"] + 35 + 35 + 17)
        editor = page.locator(".gdg-input")
        editor.wait_for(timeout=30_000)
        editor.fill("1990")
        page.keyboard.press("Enter")
        # The grid holds the typed figure; the edit reaches the server before the click that follows it.
        page.wait_for_function("() => document.getElementById('glide-cell-2-1')?.innerText.trim() === '1990'")
        page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
        page.get_by_role("button", name=t("upload.commit", "vi")).click()
        try:
            page.wait_for_selector("[data-testid=stAlertContentSuccess]", timeout=60_000)
        except Exception:
            page.screenshot(path=str(SHOTS / "extract_failed.png"), full_page=True)
            raise
        store = Store(store_url)
        version = store.versions().iloc[-1]
        assert (version["version"], version["account"], version["file_name"]) == (
            2,
            ANALYST,
            "bao_cao_2023.txt",
        )
        obs = store.load().observations
        year = obs[obs["year"] == 2023]
        assert sorted(year[["code", "value"]].values.tolist()) == [["SCHOOLS", 42.0], ["TEA_AREA", 1990.0]]
        tea = year[year["code"] == "TEA_AREA"].iloc[0]
        assert tea["quote"] == "Năm 2023 tổng diện tích chè 1.985 ha."
        page.screenshot(path=str(SHOTS / "extract_saved_vi_1280.png"), full_page=True)
        page.close()
