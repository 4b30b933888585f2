"""The term list follows from the data: a year past every named term belongs to the cycle's next term."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from indicators.core import selection, terms
from indicators.store.database import Store

pytestmark = pytest.mark.usefixtures("fresh_caches")

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.mark.parametrize(
    ("year", "anchor", "term"),
    [
        (2026, 2020, (2025, 2030)),
        (2025, 2020, (2020, 2025)),
        (2021, 2025, (2020, 2025)),
        (2030, 2025, (2025, 2030)),
    ],
)
def test_a_year_belongs_to_its_cycles_term(year: int, anchor: int, term: tuple[int, int]) -> None:
    assert selection.cycle_term(year, anchor) == term


def test_a_plan_past_the_named_terms_is_in_the_next_term_not_a_lone_year() -> None:
    rows = pd.DataFrame(
        {
            "term": ["2015-2020", "", "", "2020-2025"],
            "year": [2020, 2019, 2026, 2025],
            "status": ["vuot", "dat", "vuot", "no_data"],
        }
    )
    periods = selection.with_periods(rows)["period"].tolist()
    assert periods == ["2015-2020", "2015-2020", "2025-2030", "2020-2025"]
    # The same term the year page's catalogue gives a 2026 figure.
    assert terms.Term(2025, 2030).key == periods[2]


def test_a_commune_with_2026_figures_is_offered_the_2025_2030_term_and_its_own_figures(
    communes: Store,
) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "vi"
    at.query_params["area"] = "03390"  # Xã Bình Lư
    go_to(at, "pages/overview.py")
    at.run()
    assert not at.exception
    term = at.segmented_control(key="overview_term")
    assert term.options == ["2015–2020", "2020–2025", "2025–2030"]
    assert term.value == "2025-2030"
    metrics = {m.value for m in at.metric}
    assert {"950", "8"} <= metrics  # the commune's tea area (ha) and poverty rate (%) of 2026
    text = "\n".join(str(m.value) for m in [*at.markdown, *at.info, *at.caption])
    assert "Báo cáo không nêu" not in text
    assert "**Kế hoạch năm 2026**: 1 chỉ tiêu — :blue-badge[▲ vượt: **1**]" in text
