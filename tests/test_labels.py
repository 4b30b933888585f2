"""Words for what the dashboard shows: terms and areas in each language."""

from __future__ import annotations

import pytest

from indicators.core import attainment
from indicators.core.model import Dataset
from indicators.store.seed import load_source
from indicators.text import labels
from indicators.text.fmt import Lang


@pytest.mark.parametrize(
    ("term", "lang", "label"),
    [
        ("2015-2020", "vi", "2015–2020"),
        ("2019", "vi", "Năm 2019"),
        ("2019", "en", "Year 2019"),
        ("", "vi", "—"),
    ],
)
def test_term_labels(term: str, lang: Lang, label: str) -> None:
    assert labels.term_label(term, lang) == label


def test_area_names_in_english_drop_the_vietnamese_level_word(data: Dataset) -> None:
    assert labels.area_label(data, "106", "vi") == "Huyện Tam Đường"
    assert labels.area_label(data, "106", "en") == "Tam Đường district"
    assert labels.area_label(data, "03424", "en") == "Bản Bo commune"
    assert labels.area_label(data, "03390", "vi") == "Xã Bình Lư"  # the newest unit of a reused code
    assert labels.area_label(data, "03388", "en") == "Đoàn Kết ward"
    assert labels.area_label(data, "NOWHERE", "en") == "NOWHERE"


@pytest.mark.parametrize(
    ("code", "lang", "words"),
    [
        ("TEA_OUTPUT", "vi", "≈\u202f7.038 tấn (suy ra từ tỷ lệ % đã công bố)"),
        ("TEA_OUTPUT", "en", "≈\u202f7,038 tonnes (worked back from the published %)"),
        ("POV_RATE", "vi", "giảm mỗi năm ≈\u202f3,0 điểm % (suy ra từ tỷ lệ % đã công bố)"),
        (
            "POV_RATE",
            "en",
            "cut each year by ≈\u202f3.0 percentage points (worked back from the published %)",
        ),
    ],
)
def test_an_implied_target_on_the_indicator_page_reads_as_on_the_goals_page(
    code: str, lang: Lang, words: str
) -> None:
    data = load_source()
    row = attainment.compute(data).query("code == @code and target_kind == 'NQ'").iloc[0]
    unit = str(labels.indicator_info(data, lang).at[code, "unit"])
    assert labels.target_words(row, unit, lang) == words
