"""Terms, areas and indicator order: which rows a page shows; the view modules never import Streamlit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from indicators import (
    selection,
)

ROOT = Path(__file__).resolve().parents[1]
VIEW_MODULES = ("cards", "commendations", "figures", "labels", "page_settings", "selection", "tables")


@pytest.mark.parametrize("module", VIEW_MODULES)
def test_view_modules_never_import_streamlit(module: str) -> None:
    code = f"import sys, indicators.{module}; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_a_year_plan_and_a_quota_belong_to_the_term_that_holds_them(rows: pd.DataFrame) -> None:
    period = rows.set_index(["code", "year", "target_kind"])["period"]
    assert period[("INCOME_PC", 2019, "KH")] == "2015-2020"
    assert period[("MILITARY_RECRUIT", 2020, "GIAO")] == "2015-2020"
    assert period[("TOURISTS", 2025, "MT")] == "2020-2025"
    assert selection.periods(rows) == ["2015-2020", "2020-2025"]
    assert selection.default_period(rows) == "2015-2020"
