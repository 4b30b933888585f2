"""The indicator cards and the tally: numbers, words and order in both languages."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.core import page_settings
from indicators.core.model import Dataset, Status
from indicators.core.tally import KindCount
from indicators.text import cards
from indicators.text.fmt import Lang


def test_headline_cards_in_vietnamese(data: Dataset, term: pd.DataFrame) -> None:
    by_code = {c.code: c for c in cards.cards(data, term, page_settings.HEADLINE, "vi", "106", "2015-2020")}
    assert list(by_code) == list(page_settings.HEADLINE)
    gtsx = by_code["GTSX"]
    assert (gtsx.value, gtsx.unit, gtsx.target_pct, gtsx.status, gtsx.year) == (
        "2.503,3",
        "tỷ đồng",
        "118,08\u202f%",
        "vuot",
        "2020",
    )
    assert (gtsx.change_label, gtsx.change) == ("So với năm 2015", "+1.050,2 tỷ đồng (ước)")
    assert gtsx.estimate and gtsx.implied_target
    tourists = by_code["TOURISTS"]
    assert (tourists.value, tourists.value_note, tourists.target_pct) == (
        "≈ 300.000",
        "khoảng 300.000 lượt khách",
        "500\u202f%",
    )
    poverty = by_code["POV_RATE"]
    assert (poverty.value, poverty.target_pct, poverty.status) == ("18,22", "150\u202f%", "vuot")
    # A fall a year in percentage points, an estimate: never "4,5 %" beside "18,22 %".
    assert (poverty.change_label, poverty.change) == ("Bình quân mỗi năm từ 2015", "−4,5 điểm %/năm (ước)")
    tea = by_code["TEA_AREA"]
    assert (tea.value, tea.target_pct, tea.status, tea.change) == ("1.758,5", "—", "no_target", "—")
    assert by_code["NTM_COMMUNES"].status == "dat"
    assert by_code["INCOME_PC"].target_pct == "100\u202f%"  # the resolution, not the 2019 plan


def test_headline_cards_in_english(data: Dataset, term: pd.DataFrame) -> None:
    by_code = {c.code: c for c in cards.cards(data, term, page_settings.HEADLINE, "en", "106", "2015-2020")}
    assert (by_code["GTSX"].value, by_code["GTSX"].unit, by_code["GTSX"].change) == (
        "2,503.3",
        "billion VND",
        "+1,050.2 billion VND (est.)",
    )
    assert by_code["GTSX"].status_label == "▲ exceeded"
    assert by_code["TOURISTS"].value_note == "about 300,000 visitors"


def test_cards_skip_indicators_the_data_lacks(data: Dataset, term: pd.DataFrame) -> None:
    assert cards.cards(data, term, ["NOT_THERE", "GTSX"], "vi", "106", None)[0].code == "GTSX"
    assert cards.cards(Dataset.empty(), term.iloc[0:0], page_settings.HEADLINE, "vi", None, None) == []


def test_the_bases_of_the_2015_2020_term(term: pd.DataFrame) -> None:
    assert cards.bases(term) == {"stated": 1, "implied": 13}


def test_seventeen_of_seventeen_and_a_yes_no_goal_on_cards(data: Dataset, term: pd.DataFrame) -> None:
    found = {c.code: c for c in cards.cards(data, term, ["KTXH_TARGETS_MET"], "vi", "106", None)}
    assert found["KTXH_TARGETS_MET"].value == "17/17"
    assert found["KTXH_TARGETS_MET"].status == "no_target"


def _kind(kind: str, year: int = 0, **counts: int) -> KindCount:
    full = {s.value: counts.get(s.value, 0) for s in Status}
    return KindCount(kind, year, sum(full.values()), full)


@pytest.mark.parametrize(
    ("groups", "lang", "title"),
    [
        ([_kind("NQ", vuot=9, dat=9, no_data=3)], "vi", "Cả 18 chỉ tiêu đều đạt hoặc vượt"),
        ([_kind("NQ", vuot=9, dat=9)], "en", "All 18 targets met or exceeded"),
        ([_kind("NQ", vuot=1, dat=2, khong_dat=2)], "vi", "3/5 chỉ tiêu đạt hoặc vượt"),
        ([_kind("DA", vuot=1, dat=1000, khong_dat=2)], "en", "1,001 of 1,003 targets met or exceeded"),
        ([_kind("NQ", dat=1)], "en", ""),  # one bar says it itself
        ([_kind("NQ", no_data=4)], "vi", ""),  # nothing judged: no finding
        # Two kinds are never one sum: not "Cả 17 chỉ tiêu", but every kind met.
        (
            [
                _kind("NQ", vuot=5, dat=7),
                _kind("DA", vuot=2),
                _kind("GIAO", dat=1),
                _kind("KH", 2019, vuot=2),
            ],
            "vi",
            "Cả 4 loại chỉ tiêu đều đạt hoặc vượt",
        ),
        (
            [_kind("NQ", vuot=5, dat=7), _kind("KH", 2019, vuot=2)],
            "en",
            "All 2 kinds of target met or exceeded",
        ),
        # A shortfall is named by its kind, with that kind's own count.
        (
            [_kind("NQ", vuot=5, dat=5, khong_dat=2), _kind("KH", 2019, vuot=1, khong_dat=1)],
            "vi",
            "Không đạt: Nghị quyết 2/12; Kế hoạch năm 2019 1/2",
        ),
        ([_kind("NQ", vuot=5, khong_dat=1), _kind("DA", dat=2)], "en", "Not met: Resolution 1 of 6"),
        ([_kind("NQ", dat=1), _kind("KH", 2019, no_data=3)], "en", ""),  # one judged bar in all
    ],
)
def test_a_tally_titles_its_chart_with_the_finding(groups: list[KindCount], lang: Lang, title: str) -> None:
    assert cards.tally_title(groups, lang) == title


def test_an_estimates_caption_comes_from_its_own_note(data: Dataset, term: pd.DataFrame) -> None:
    from dashboard import widgets

    # The shipped estimates carry the source report's note: written in 2020, before the year ended.
    tea = next(c for c in cards.cards(data, term, ["TEA_AREA"], "vi", "106", "2015-2020"))
    assert tea.estimate and tea.estimate_note.startswith("Ước thực hiện: báo cáo viết trong năm 2020")
    # A 2025 estimate an analyst entered later says what its own note says, never "written in 2020".
    later = data.observations[(data.observations["code"] == "TEA_AREA") & (data.observations["year"] == 2020)]
    later = later.assign(year=2025, value=1900.0, note="Ước của phòng Nông nghiệp, nhập tháng 3/2027")
    bare = later.assign(year=2024, note="")
    frames = {k: getattr(data, k) for k in ("indicators", "targets", "reported", "areas")}
    updated = Dataset.from_frames({"observations": pd.concat([data.observations, bare, later]), **frames})
    card = next(c for c in cards.cards(updated, term, ["TEA_AREA"], "vi", "106", "2020-2025"))
    assert card.estimate_note == "Ước của phòng Nông nghiệp, nhập tháng 3/2027"
    details = widgets.card_details(card, "vi")
    assert "phòng Nông nghiệp" in details and "2020" not in details.split("\n")[0]
    # Without a note of its own, a caption that is true of any estimate.
    undated = next(c for c in cards.cards(updated, term, ["TEA_AREA"], "vi", "106", "2024"))
    assert undated.estimate_note == ""
    assert "số ước thực hiện, chưa phải số chính thức" in widgets.card_details(undated, "vi")


def test_an_english_card_says_its_estimate_in_english(data: Dataset, term: pd.DataFrame) -> None:
    vi = {c.code: c for c in cards.cards(data, term, ["GTSX"], "vi", "106", "2015-2020")}["GTSX"]
    en = {c.code: c for c in cards.cards(data, term, ["GTSX"], "en", "106", "2015-2020")}["GTSX"]
    assert vi.estimate and vi.estimate_note.startswith("Ước thực hiện")
    # The entered note is Vietnamese: the English card leaves it out and the page says what an estimate is.
    assert en.estimate and en.estimate_note == ""


@pytest.mark.parametrize(
    ("code", "lang", "label"),
    [
        ("GTSX", "vi", "Năm 2020"),
        ("GTSX", "en", "Year 2020"),
        # New tea planted over the term is the term's sum: never "Năm 2020".
        ("TEA_NEW", "vi", "Tổng giai đoạn 2016–2020"),
        ("TEA_NEW", "en", "In total over 2016–2020"),
    ],
)
def test_a_card_says_a_term_sum_over_its_years(
    data: Dataset, term: pd.DataFrame, code: str, lang: Lang, label: str
) -> None:
    (card,) = cards.cards(data, term, [code], lang, "106", "2015-2020")
    assert card.period_label == label


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("vi", "1 dòng có mục tiêu nêu trong văn bản"),
        ("en", "1 row with a stated target"),
    ],
)
def test_the_bases_line_counts_rows_in_the_readers_language(
    term: pd.DataFrame, lang: Lang, line: str
) -> None:
    text = cards.bases_line(term, lang)
    assert text.startswith(line)
    assert (
        ("13 rows with a target implied" in text) if lang == "en" else ("13 dòng có mục tiêu suy ra" in text)
    )


@pytest.mark.parametrize(
    ("n", "lang", "line"),
    [
        (1, "en", "1 target without an actual figure to assess yet (see the table)."),
        (3, "en", "3 targets without an actual figure to assess yet (see the table)."),
        (1, "vi", "1 chỉ tiêu chưa có số liệu thực hiện để đánh giá (xem bảng)."),
    ],
)
def test_targets_without_a_figure_are_counted_with_the_right_plural(n: int, lang: Lang, line: str) -> None:
    assert cards.unjudged_line(n, lang) == line
