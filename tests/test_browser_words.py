"""Every page, signed in as an analyst, speaks one language: `<html lang>`, Streamlit's texts, the data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from indicators.core.model import Dataset
from indicators.excel import writer
from indicators.store import accounts
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support.appserver import DESKTOP, DRAWN_JS, LANGS, PAGES, launch, open_page, page_url, serve
from tests.test_browser import SHOTS, _playwright

pytestmark = pytest.mark.browser

ANALYST, PASSWORD = "lan", "mây trắng đỉnh Pu Ta Leng"
# Words of the other language a reader met on these pages: Streamlit's uploader and skip link, a
# figure's kind written as its code. Whole words only, so "actually" in a name would not count.
FOREIGN = {
    "vi": re.compile(
        r"\b(Upload|Browse files|per file|Drag and drop|Skip to main content|file upload|Add files"
        r"|actual|estimate|Actual|Estimate)\b"
    ),
    # A kind counts as a table's cell or a key's last part; a note a person wrote ("Ước thực hiện: báo
    # cáo viết …") is data in the language it was written in, not a word of the page.
    "en": re.compile(
        r"(Chọn tệp|mỗi tệp|Kéo và thả|Bỏ qua, đến|chưa có số liệu"
        r"|(?:^|(?<=[\t\n])|(?<=· ))(?:Ước thực hiện|Thực hiện)(?=$|[\t\n]))",
        re.MULTILINE,
    ),
}
# The page's text, the skip link (drawn off screen until focused), what a screen reader says of the
# controls (aria-label), and the tables' cells (drawn on a canvas, listed in a hidden table), one a line.
TEXT_JS = """() => [document.body.innerText,
  document.querySelector('[data-testid=stSkipToContent]')?.textContent || '',
  ...Array.from(document.querySelectorAll('[data-testid=stMain] [aria-label]'),
    e => e.getAttribute('aria-label')),
  ...Array.from(document.querySelectorAll('[data-testid=stDataFrame] [id^=glide-cell]'), e => e.textContent),
].join('\\n')"""


def foreign_words(text: str, lang: str) -> list[str]:
    """The other language's words found in `text`, each once."""
    return sorted(set(FOREIGN[lang].findall(text)))


def test_the_word_lists_find_what_they_are_for() -> None:
    """The check below can fail: each list finds its words and passes the right language."""
    assert foreign_words("Upload\n200MB per file • XLSX\nBIRTH_RATE · 106 · 2020 · actual", "vi") == [
        "Upload",
        "actual",
        "per file",
    ]
    assert foreign_words("Skip to main content", "vi") == ["Skip to main content"]
    assert foreign_words("Chọn tệp\nTối đa 20 MB mỗi tệp · Ước thực hiện", "vi") == []
    assert foreign_words("Birth rate · 2020 · Bản Bo\tƯớc thực hiện\n", "en") == ["Ước thực hiện"]
    assert foreign_words("Birth rate · Tam Đường · 2020 · Thực hiện", "en") == ["Thực hiện"]
    assert foreign_words("est. Ước thực hiện: báo cáo viết trong năm 2020", "en") == []
    assert foreign_words("Choose a file\nUp to 20 MB per file · Estimate", "en") == []


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The app over its own store holding one analyst: (address, store url)."""
    _playwright()
    folder = tmp_path_factory.mktemp("words")
    store_url = f"sqlite:///{folder / 'store.sqlite'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
        accounts.add_user(Store(store_url).ensure(), ANALYST, "analyst", PASSWORD)
    with serve(store_url, folder / "server.log", {"INDICATORS_REQUIRE_SIGN_IN": ""}) as url:
        yield url, store_url


@pytest.fixture(scope="module")
def signed_in(served: tuple[str, str]) -> Iterator[Any]:
    """A browser tab signed in as the analyst."""
    url, _ = served
    with _playwright()() as p:
        chromium = launch(p)
        page = chromium.new_page(viewport={"width": DESKTOP, "height": 900})
        open_page(page, f"{url}/cap-nhat-so-lieu")
        page.get_by_label(t("auth.name", "vi")).fill(ANALYST)
        page.get_by_label(t("auth.password", "vi"), exact=True).fill(PASSWORD)
        page.get_by_role("button", name=t("auth.submit", "vi")).click()
        _wait_for_title(page, t("page.upload", "vi"))
        yield page
        chromium.close()


def _wait_for_title(page: Any, text: str) -> None:
    page.wait_for_function(
        "(text) => document.querySelector('h1')?.innerText.trim() === text", arg=text, timeout=60_000
    )
    page.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)


def _check(page: Any, where: str, lang: str) -> list[str]:
    """What is wrong with the page as drawn: its lang attribute, and foreign words with where they are."""
    # The script that sets lang runs after the page draws: give it the moment it needs.
    page.wait_for_function("(lang) => document.documentElement.lang === lang", arg=lang, timeout=10_000)
    found = foreign_words(page.evaluate(TEXT_JS), lang)
    return [f"{where}: {word!r}" for word in found]


def test_every_page_speaks_the_language_chosen(served: tuple[str, str], signed_in: Any) -> None:
    url, _ = served
    failures: list[str] = []
    for path in PAGES:
        for lang in LANGS:
            open_page(signed_in, page_url(url, path, lang))
            assert signed_in.locator("h1").first.inner_text().strip() == t(PAGES[path], lang), path
            failures += _check(signed_in, f"/{path} {lang}", lang)
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("lang", LANGS)
def test_the_uploader_and_its_preview_speak_the_language_chosen(
    served: tuple[str, str], signed_in: Any, tmp_path: Path, lang: Lang
) -> None:
    """The uploader's button and limits, then the preview of a file that changes an estimate."""
    url, store_url = served
    current = Store(store_url).load()
    obs = current.observations
    estimate = obs.index[obs["kind"] == "estimate"][0]
    changed = obs.assign(value=obs["value"].where(obs.index != estimate, obs.loc[estimate, "value"] + 1))
    frames = {name: getattr(current, name) for name in current.counts()}
    book = tmp_path / "so_lieu.xlsx"
    data = Dataset.from_frames({**frames, "observations": changed}, version=current.version)
    book.write_bytes(writer.workbook_bytes(data))

    open_page(signed_in, page_url(url, "cap-nhat-so-lieu", lang))
    uploader = signed_in.locator("[data-testid=stFileUploaderDropzone]")
    words = {"vi": ("Chọn tệp", "Tối đa 20 MB mỗi tệp"), "en": ("Choose a file", "Up to 20 MB per file")}
    button, limit = words[lang]
    signed_in.wait_for_function(
        "(text) => document.querySelector('[data-testid=stFileUploaderDropzone]')?.innerText.includes(text)",
        arg=limit,
        timeout=10_000,
    )
    assert uploader.get_by_test_id("stBaseButton-secondary").inner_text().strip().endswith(button)
    hidden_input = uploader.get_by_test_id("stFileUploaderDropzoneInput")
    assert hidden_input.get_attribute("aria-label") == button  # what a screen reader says of it
    assert signed_in.evaluate("document.documentElement.lang") == lang
    signed_in.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(book))
    signed_in.wait_for_selector("[data-testid=stMetric]", timeout=120_000)
    signed_in.wait_for_function(DRAWN_JS, arg=600, timeout=60_000)
    signed_in.screenshot(path=str(SHOTS / f"upload_preview_{lang}_{DESKTOP}.png"), full_page=True)
    kind = t(f"obs.{obs.loc[estimate, 'kind']}", lang)
    assert kind in signed_in.evaluate(TEXT_JS).split("\n")  # a table's cell
    assert _check(signed_in, f"upload preview {lang}", lang) == []
