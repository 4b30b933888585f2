"""A signed-in reporter's or analyst's pages open on their account's area, and a choice made later wins."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from indicators.store import accounts
from indicators.store.database import Store
from tests.support import sessions

pytestmark = pytest.mark.usefixtures("fresh_caches")
APP = str(Path(__file__).resolve().parents[1] / "app.py")
BAN_BO = "03424"  # not the first commune by name: Bình Lư and the former district sort before it
ACCOUNT_SAID = "địa bàn của tài khoản đang đăng nhập"


def signed_in(store: Store, name: str, role: str, area: str, page: str) -> AppTest:
    accounts.add_user(store, name, role, sessions.PASSWORD, area=area)
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = "vi"
    sessions.sign_in(at, name, role)
    return opened(at, page)


def opened(at: AppTest, page: str) -> AppTest:
    go_to(at, page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def said(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption).replace("\u2060", "")


@pytest.fixture
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")


@pytest.mark.usefixtures("cheap_hashes")
def test_a_reporter_s_pages_open_on_their_commune_until_they_choose_another(communes: Store) -> None:
    at = signed_in(communes, "banbo", "reporter", BAN_BO, "pages/year.py")
    area = at.selectbox(key="year_area")
    # The first area with figures by name is the former district: the account's commune instead.
    assert area.options[1].endswith("· 106")
    assert area.options[3].endswith("· 03424")
    assert area.value == BAN_BO
    assert f"trang mở trên Xã Bản Bo, {ACCOUNT_SAID}" in said(at)
    opened(at, "pages/overview.py")
    assert at.selectbox(key="overview_area").value == BAN_BO
    # The indicator page's first indicator has figures of the former district alone: it opens there
    # and says why not on the account's commune.
    opened(at, "pages/detail.py")
    assert at.selectbox(key="detail_area").value == "106"
    assert f"Xã Bản Bo, {ACCOUNT_SAID}, chưa có số liệu ở trang này." in said(at)
    # A choice made later is the reader's own: it wins over the account's area, and no caption explains it.
    opened(at, "pages/overview.py")
    at.selectbox(key="overview_area").set_value("03390").run()
    opened(at, "pages/year.py")
    assert at.selectbox(key="year_area").value == "03390"
    assert "Chưa chọn địa bàn" not in said(at)


@pytest.mark.usefixtures("cheap_hashes")
def test_a_province_s_analyst_opens_on_a_unit_with_figures_the_province_having_only_a_target(
    communes: Store,
) -> None:
    at = signed_in(communes, "tinh", "analyst", "12", "pages/year.py")
    area = at.selectbox(key="year_area")
    # Lai Châu holds plans but no figure of its own: the first unit under it with figures, said so.
    assert area.options[0] == "Tỉnh Lai Châu · 12"
    assert area.options[1].endswith("· 106")
    assert area.value == "106"
    assert (
        f"Chưa chọn địa bàn: Tỉnh Lai Châu, {ACCOUNT_SAID}, chưa có số liệu của chính mình; trang mở trên"
        in said(at)
    )


@pytest.mark.usefixtures("cheap_hashes")
def test_an_analyst_without_an_area_and_a_viewer_open_as_before(communes: Store) -> None:
    at = signed_in(communes, "lan", "analyst", "", "pages/year.py")
    first = at.selectbox(key="year_area").value
    assert ACCOUNT_SAID not in said(at)
    viewer = opened(AppTest.from_file(APP, default_timeout=120), "pages/year.py")
    assert viewer.selectbox(key="year_area").value == first
