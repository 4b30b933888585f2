"""Terms, areas and indicator order: which rows a page shows; the domain never imports Streamlit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

from indicators.core import selection

ROOT = Path(__file__).resolve().parents[1]
# Imports every module of the domain, one by one, and names the first that brings Streamlit in.
FIRST_WITH_STREAMLIT = """
import importlib, pkgutil, sys
import indicators
for found in pkgutil.walk_packages(indicators.__path__, "indicators."):
    if found.name != "indicators.__main__":
        importlib.import_module(found.name)
        if "streamlit" in sys.modules:
            print(found.name)
            break
else:
    print("none")
"""


def test_the_domain_never_imports_streamlit() -> None:
    out = subprocess.run(
        [sys.executable, "-c", FIRST_WITH_STREAMLIT], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "none"


def test_a_year_plan_and_a_quota_belong_to_the_term_that_holds_them(rows: pd.DataFrame) -> None:
    period = rows.set_index(["code", "year", "target_kind"])["period"]
    assert period[("INCOME_PC", 2019, "KH")] == "2015-2020"
    assert period[("MILITARY_RECRUIT", 2020, "GIAO")] == "2015-2020"
    assert period[("TOURISTS", 2025, "MT")] == "2020-2025"
    assert selection.periods(rows) == ["2015-2020", "2020-2025"]
    assert selection.default_period(rows) == "2015-2020"
