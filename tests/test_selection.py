"""Terms, areas and indicator order: which rows a page shows."""

from __future__ import annotations

import pandas as pd

from indicators.core import selection


def test_a_year_plan_and_a_quota_belong_to_the_term_that_holds_them(rows: pd.DataFrame) -> None:
    period = rows.set_index(["code", "year", "target_kind"])["period"]
    assert period[("INCOME_PC", 2019, "KH")] == "2015-2020"
    assert period[("MILITARY_RECRUIT", 2020, "GIAO")] == "2015-2020"
    assert period[("TOURISTS", 2025, "MT")] == "2020-2025"
    assert selection.periods(rows) == ["2015-2020", "2020-2025"]
    assert selection.default_period(rows) == "2015-2020"
