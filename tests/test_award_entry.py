"""Awards typed in the browser's grid: checked as a file is, previewed, written as one version."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indicators.awards import catalogue as cat
from indicators.excel import awards_grid
from indicators.store import accounts, register
from indicators.store.database import Store
from indicators.text.i18n import t
from tests.support import sessions

PAGE = Path(__file__).resolve().parents[1] / "pages" / "award_entry.py"
GRID = "award_entry_grid_0"


def typed(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "decision_no": "12/QĐ-UBND",
        "decision_date": date(2024, 12, 20),
        "issuer": "Chủ tịch UBND xã Bình Lư",
        "award": "Lao động tiên tiến",
        "recipient_kind": "cá nhân",
        "name": "Lò Văn A",
        "unit": "Trường TH Bình Lư",
        "area": "03390",
        "year": 2024,
        "achievement": "Hoàn thành xuất sắc nhiệm vụ",
    }
    return {**row, **changes}


def grid(*rows: dict[str, object]) -> pd.DataFrame:
    return pd.concat([awards_grid.blank(), pd.DataFrame(list(rows))], ignore_index=True)


def test_a_typed_row_is_read_as_the_registers_codes() -> None:
    checked = awards_grid.check(grid(typed(), {}), cat.load())
    assert checked.ok, [m.text("vi") for m in checked.errors]
    assert checked.rows[["award", "recipient_kind", "year", "decision_date"]].values.tolist() == [
        ["lao_dong_tien_tien", "person", 2024, date(2024, 12, 20)]
    ]


def test_nothing_typed_is_no_row_and_no_error() -> None:
    checked = awards_grid.check(grid({}, {}), cat.load())
    assert checked.ok and checked.rows.empty


def test_bad_cells_are_named_by_the_grid_row() -> None:
    checked = awards_grid.check(
        grid(
            typed(award="Huy hiệu"),
            {},
            typed(award="Cờ thi đua của UBND tỉnh", name="Lò Văn B"),
            typed(decision_date=date(2022, 1, 5), name="Lò Văn C"),
            typed(),
            typed(),
        ),
        cat.load(),
    )
    assert [m.text("vi") for m in checked.errors] == [
        "Dòng 1: danh hiệu hoặc hình thức khen thưởng “Huy hiệu” không có trong danh mục.",
        "Dòng 2: thiếu Số quyết định.",
        "Dòng 2: thiếu Ngày quyết định.",
        "Dòng 2: thiếu Cơ quan, người quyết định.",
        "Dòng 2: thiếu Danh hiệu, hình thức khen thưởng.",
        "Dòng 2: thiếu Đối tượng.",
        "Dòng 2: thiếu Tên cá nhân, tập thể, hộ gia đình.",
        "Dòng 2: thiếu Mã địa bàn.",
        "Dòng 2: thiếu Năm thành tích.",
        "Dòng 3: “Cờ thi đua của UBND tỉnh” không dành cho cá nhân.",
        "Dòng 4: quyết định ngày 05/01/2022 không thể khen thành tích năm 2024 "
        "(quyết định phải ký trong năm đó hoặc năm sau).",
        "Dòng 6: trùng với dòng 5 (cùng quyết định 12/QĐ-UBND, cùng người hoặc tập thể, cùng danh hiệu).",
    ]
    assert checked.rows.empty


@pytest.fixture
def editor(store: Store) -> AppTest:
    st.cache_resource.clear()
    st.cache_data.clear()
    return sessions.sign_in(AppTest.from_file(str(PAGE), default_timeout=60), "lan", "analyst")


def send(at: AppTest, *rows: dict[str, object]) -> AppTest:
    """Rows added to the grid as the browser sends them: cells as text, a day as ISO."""
    added = [{k: (v.isoformat() if isinstance(v, date) else v) for k, v in r.items()} for r in rows]
    at.session_state[GRID] = {"edited_rows": {}, "added_rows": added, "deleted_rows": []}
    return at.run()


def test_a_viewer_gets_the_sign_in_form(store: Store) -> None:
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    assert at.title[0].value == "Đăng nhập"
    assert register.read(store).empty


def test_typed_awards_are_previewed_then_written_as_one_version(editor: AppTest, store: Store) -> None:
    at = editor.run()
    assert not at.exception
    assert at.title[0].value == t("awards.grid.title", "vi")
    assert at.caption[-1].value == t("awards.grid.nothing", "vi")
    at = send(at, typed(), typed(name="Tẩn Thị B"))
    assert not at.exception, [e.value for e in at.exception]
    assert at.info[0].value == t("awards.page.preview", "vi").format(n=2)
    assert at.dataframe[-1].value.values.tolist() == [["Lao động tiên tiến", "cá nhân", 2024, 2]]
    assert store.current_version() == 1
    at = at.button(key="award_entry_commit").click().run()
    assert not at.exception
    assert store.current_version() == 2
    assert at.success[0].value == t("awards.page.saved", "vi").format(n=2, v=2)
    assert register.read(store)["name"].tolist() == ["Lò Văn A", "Tẩn Thị B"]


def test_a_bad_grid_writes_nothing_and_names_each_row(editor: AppTest, store: Store) -> None:
    at = send(editor.run(), typed(award="Huy hiệu"))
    assert [e.value for e in at.error] == [t("awards.grid.refused", "vi").format(n=1)]
    assert "Huy hiệu" in at.markdown[-1].value
    assert not at.button and store.current_version() == 1


def test_an_analyst_of_one_commune_cannot_write_another(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    accounts.add_user(store, "binhlu", "analyst", "mot-mat-khau-du-dai-2024!", area="03390")
    st.cache_resource.clear()
    st.cache_data.clear()
    at = sessions.sign_in(AppTest.from_file(str(PAGE), default_timeout=60), "binhlu", "analyst").run()
    # The browser offers only Bình Lư; a crafted row for Tả Lèng is refused by the store.
    at = send(at, typed(area="03405"))
    at = at.button(key="award_entry_commit").click().run()
    assert not at.exception
    assert "03405" in at.error[0].value
    assert store.current_version() == 1 and register.read(store).empty
