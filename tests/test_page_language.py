"""The script that puts the page's language into the browser: its lang and Streamlit's own texts."""

from __future__ import annotations

import json
import re

import pytest

from dashboard import page_language
from indicators.text.fmt import Lang


@pytest.mark.parametrize(
    ("lang", "button", "limit"),
    [("vi", "Chọn tệp", "Tối đa 20 MB mỗi tệp"), ("en", "Choose a file", "Up to 20 MB per file")],
)
def test_each_rule_turns_streamlits_english_into_the_readers_words(
    lang: Lang, button: str, limit: str
) -> None:
    # Applied as the browser applies them (a JavaScript replace: $1 is the pattern's first group).
    def applied(text: str) -> str:
        for _, pattern, words in page_language.rules(lang):
            if re.search(pattern, text):
                return re.sub(pattern, words.replace("$1", r"\1").replace("$2", r"\2"), text)
        return text

    assert applied("Upload") == button
    assert applied("20MB per file") == limit
    assert applied("Skip to main content") == (
        "Bỏ qua, đến nội dung chính" if lang == "vi" else "Skip to main content"
    )
    assert applied("Uploaded") == "Uploaded"  # whole texts only


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_script_carries_the_language_and_no_placeholder(lang: Lang) -> None:
    script = page_language.script(lang)
    assert f"w.__pageLang = {json.dumps(lang)};" in script
    assert not re.search(r"\b(LANG|RULES|LABELS)\b", script)
    assert "Chọn tệp" in script if lang == "vi" else "Choose a file" in script
