"""Viewers see approved figures unless they switch the pending ones on; then each is marked "chưa duyệt"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators.rounds import workflow
from indicators.store import accounts
from indicators.store.database import Store
from tests.test_rounds import BINH_LU, DUE, PASSWORD, upload_of

pytestmark = pytest.mark.usefixtures("fresh_caches")

APP = str(Path(__file__).resolve().parents[1] / "app.py")
SWITCH = "show_pending_switch"


@pytest.fixture
def waiting(communes: Store) -> Store:
    """Bình Lư's 2026 tea area approved at 950 ha, and a sending of 990 ha waiting for review."""
    accounts.add_user(communes, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(communes, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    workflow.open_round(communes, "tinh", 2026, "12", "TEA_AREA", DUE)
    workflow.submit(communes, "binhlu", upload_of(communes.load(), {BINH_LU: {"TEA_AREA": 990.0}}))
    return communes


def open_page(page: str, switch: bool, lang: str = "vi") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["lang"] = lang
    at.session_state["area_chosen"] = BINH_LU
    at.switch_page(page)
    at.run()
    if switch:
        at.toggle(key=SWITCH).set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_explore(waiting: Store) -> None:
    for switch in (False, True):
        at = open_page("pages/compare.py", switch)
        at.selectbox(key="compare_code").set_value("TEA_AREA").run()
        print([c.value for c in at.caption][:5])
        print(next(m.value for m in at.markdown if str(m.value).startswith("| "))[:900])
        chart = json.loads(at.get("plotly_chart")[0].proto.spec)
        print(chart["data"][0]["text"])
