"""The overview's first screen: where the term's goals stand, each goal once, the ones behind first."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from indicators.core import progress
from indicators.core.model import Dataset
from indicators.store.database import Store
from indicators.text.fmt import Lang
from tests.test_final_goals import MET
from tests.test_year import AREA, AUTUMN_2021, LATER, upload

pytestmark = pytest.mark.usefixtures("fresh_caches")

APP = str(Path(__file__).resolve().parents[1] / "app.py")
NBSP_JOIN = "\u2060"  # markup.md puts a word joiner after ":" so Markdown makes no emoji of it


@pytest.fixture
def closed(store: Store) -> Dataset:
    """The district's figures through 2025: goals exceeded, met and not met, one on an estimate."""
    upload(store, AUTUMN_2021, "uoc-2021.xlsx")
    upload(store, LATER, "so-lieu-2021-2026.xlsx")
    return upload(store, MET, "so-lieu-2025.xlsx")


def _open(page: str, lang: Lang) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    go_to(at, page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _plain(text: str) -> str:
    return text.replace(NBSP_JOIN, "")


def _count_line(at: AppTest) -> str:
    (line,) = [m.value for m in at.markdown if "mục tiêu**" in m.value or "goals**" in m.value]
    return _plain(line)


def test_the_first_screen_answers_for_the_terms_goals_behind_first(closed: Dataset) -> None:
    at = _open("pages/overview.py", "vi")
    headings = [h.value for h in at.subheader]
    # The term's goals come before the headline cards and the results against targets.
    assert headings[0].replace("\u2060", "") == "Mục tiêu giai đoạn 2020–2025"
    assert headings.index("Chỉ tiêu chủ yếu") > 0 and headings.index("Kết quả so với chỉ tiêu") > 0
    # Each goal once, by status, icon and word on every badge: 2 exceeded, 1 met, 2 not met.
    count = (
        "**18 mục tiêu** — :blue-badge[▲ vượt mục tiêu: 2] :green-badge[✓ đạt mục tiêu: 1]"
        " :orange-badge[✗ không đạt mục tiêu: 2] :gray-badge[○ chưa đủ số liệu: 12]"
        " :gray-badge[◇ không đánh giá: 1]"
    )
    assert _count_line(at) == count
    expected = Counter(progress.compute(closed, area=AREA)["status"].astype(str))
    assert expected == {"vuot": 2, "dat": 1, "khong_dat": 2, "no_data": 12, "not_judged": 1}
    # The goals behind are named first, worst first, each with its latest figure, year and basis.
    behind = _plain(next(m.value for m in at.markdown if m.value.startswith("**Chưa đạt")))
    items = behind.split("\n")[2:]
    assert items == [
        "- :orange-badge[✗ không đạt mục tiêu (97,78\u202f%)] **Thu nhập bình quân đầu người**:"
        " 44 triệu đồng/người/năm (2025, chính thức); mục tiêu trên 45 triệu đồng/người/năm",
        # The 2025 figure is official; the verdict also rests on the estimated 2020 baseline.
        "- :orange-badge[✗ không đạt mục tiêu (77,2\u202f%; theo số ước thực hiện)] **Tỷ lệ hộ nghèo**:"
        " 10,5\u202f% (2025, chính thức); mục tiêu giảm mỗi năm 2 điểm % (→ 8,22\u202f%)",
    ]
    # The rest is folded below it.
    (folded,) = at.expander
    assert folded.label == "Các mục tiêu còn lại (16)"
    rest = _plain(folded.markdown[0].value)
    assert "**Tỷ lệ lao động qua đào tạo**: 52,75\u202f% (2025, chính thức)" in rest
    # Done or on course first, then the goals still without a figure.
    assert rest.startswith(
        "- :blue-badge[▲ vượt mục tiêu (104,35\u202f%; theo số ước thực hiện)]"
        " **Doanh thu từ dịch vụ du lịch**: 240 tỷ đồng (2025, ước)"
    )
    assert rest.count("\n") == 15
    assert rest.index("chưa đủ số liệu") > rest.index("đạt mục tiêu")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_overview_and_the_goals_page_count_the_goals_alike(closed: Dataset, lang: Lang) -> None:
    first = _count_line(_open("pages/overview.py", lang))
    goals = _count_line(_open("pages/goals.py", lang))
    assert first == goals
    if lang == "en":
        assert first.startswith("**18 goals** — :blue-badge[▲ goal exceeded: 2] :green-badge[✓ goal met: 1]")


def test_the_shipped_data_says_its_goals_lack_figures_not_that_none_is_behind(store: Store) -> None:
    at = _open("pages/overview.py", "vi")
    # Kept on one line by word joiners around the dash: the same words to a reader.
    assert at.subheader[0].value == "Mục tiêu giai đoạn 2020\u2060–\u20602025"
    assert _count_line(at) == (
        "**18 mục tiêu** — :gray-badge[○ chưa đủ số liệu: 17] :gray-badge[◇ không đánh giá: 1]"
    )
    assert not any(m.value.startswith("**Chưa đạt") for m in at.markdown)
    assert "Không có mục tiêu nào" not in "\n".join(m.value for m in at.markdown)
    # With none named above, the fold holds the goals themselves, not "the other" goals.
    (folded,) = at.expander
    assert folded.label == "Từng mục tiêu (18)"
