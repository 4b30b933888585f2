"""The awards register page: counts from records, the report's totals beside them, names only for editors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators.store import accounts, award_cycle, register
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support import sessions
from tests.test_awards_cli import frame

pytestmark = pytest.mark.usefixtures("fresh_caches")
APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "pages/awards.py"


def page(lang: Lang = "vi", name: str = "", role: str = "") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    if name:
        sessions.sign_in(at, name, role)
    at.switch_page(PAGE)
    return at.run()


def everything_shown(at: AppTest) -> str:
    """Every text the page put out: markdown, captions, tables' cells and headers, chart data, buttons."""
    parts = [str(e.value) for e in [*at.markdown, *at.caption, *at.title, *at.subheader, *at.info]]
    for table in at.dataframe:
        parts += [table.value.to_csv()]
    parts += [str(getattr(e, "proto", "")) for e in at.get("plotly_chart")]
    parts += [str(getattr(e, "proto", "")) for e in at.get("download_button")]
    return "\n".join(parts)


@pytest.fixture
def filled(store: Store) -> Store:
    register.add(store, frame(), "canbo")
    return store


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_viewer_sees_counts_and_no_name(filled: Store, lang: Lang) -> None:
    at = page(lang)
    assert not at.exception
    assert at.title[0].value == t("awards.page.title", lang)
    shown = everything_shown(at)
    assert "Người" not in shown and "Hộ gia đình 0" not in shown
    # Levels by year, from records: 1 national in 2021, 4 provincial in 2022, 6 + 5 grassroots.
    grid = at.dataframe[0].value
    assert grid.iloc[:, 0].tolist() == [
        t(f"awards.level.{v}", lang) for v in ("national", "province", "commune", "unit")
    ]
    assert grid[t("awards.page.total", lang)].tolist() == [1, 4, 2, 11]
    assert t("awards.page.names_hidden", lang) in shown
    assert t("awards.page.report_totals", lang) in shown
    assert not at.get("download_button") and not at.get("file_uploader")


def test_an_analyst_sees_the_named_list_of_the_chosen_area(filled: Store) -> None:
    at = page("vi", "lan", "analyst")
    assert not at.exception
    at = at.selectbox(key="awards_area").select("03405").run()
    named = at.dataframe[-1].value
    assert sorted(named[t("awards.col.name", "vi")].str.rsplit(" ", n=1).str[0].unique()) == [
        "Người CS",
        "Người LĐ",
        "Trường TH Tả Lèng",
    ]
    assert len(named) == 8
    # The named list's download and the list template; the upload of a list of decisions.
    assert [b.proto.label for b in at.get("download_button")] == [
        t("awards.page.download", "vi"),
        t("awards.page.template", "vi"),
    ]
    # One person's history across the years, with the same list filtered by the typed words.
    at = at.text_input(key="awards_history").input("người lđ 4").run()
    history = at.dataframe[-1].value
    assert history[[t("awards.col.name", "vi"), t("awards.col.year", "vi")]].values.tolist() == [
        ["Người LĐ 4", 2024]
    ]
    assert [u.proto.label for u in at.get("file_uploader")] == [
        t("awards.page.proposals_file", "vi"),
        t("awards.page.registrations_file", "vi"),
        t("awards.page.upload_file", "vi"),
    ]


def test_an_empty_register_says_missing_data_and_keeps_the_report_totals(store: Store) -> None:
    at = page("vi")
    assert not at.exception
    assert [i.value for i in at.info] == [t("awards.page.empty", "vi")]
    assert t("awards.page.report_totals", "vi") in [s.value for s in at.subheader]


def test_an_analyst_of_one_commune_sees_only_its_names(
    filled: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    accounts.add_user(filled, "binhlu", "analyst", "mot-mat-khau-du-dai-2024!", area="03390")
    at = page("vi", "binhlu", "analyst")
    assert not at.exception
    named = at.dataframe[-1].value
    assert set(named[t("awards.col.area", "vi")]) == {"03390"}
    assert len(named) == 1 + 3 + 4 + 2  # the Bình Lư rows of every year, none of Tả Lèng
    assert "Người CS" not in everything_shown(at)
    assert t("awards.names.own_area", "vi").split("(")[0] in everything_shown(at)
    # Tả Lèng chosen: its counts are drawn, its names are not.
    at = at.selectbox(key="awards_area").select("03405").run()
    assert not at.exception
    assert at.dataframe[-1].value.empty
    assert "Người CS" not in everything_shown(at) and "Trường TH Tả Lèng" not in everything_shown(at)
    assert at.dataframe[0].value[t("awards.page.total", "vi")].sum() == 8


def test_an_analyst_without_an_area_is_told_they_see_every_area(filled: Store) -> None:
    at = page("vi", "lan", "analyst")
    assert not at.exception
    assert t("awards.names.every_area", "vi") in [c.value for c in at.caption]


def cycle_rows(*names: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "year": 2025,
                "award": "lao_dong_tien_tien",
                "recipient_kind": "person",
                "name": n,
                "unit": "Đơn vị",
                "area": "03405",
            }
            for n in names
        ]
    )


def test_stored_proposals_show_their_findings_to_editors_of_their_area(
    filled: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    award_cycle.add_registrations(filled, cycle_rows("Lò Văn D"), "lan")
    award_cycle.add_proposals(filled, cycle_rows("Lò Văn D", "Lò Văn F"), "lan")
    at = page("vi", "lan", "analyst")
    assert not at.exception
    assert t("awards.cycle.page_title", "vi") in [s.value for s in at.subheader]
    (table,) = [d.value for d in at.dataframe if t("awards.col.findings", "vi") in d.value.columns]
    assert table[
        [t("awards.col.name", "vi"), t("awards.col.result", "vi"), t("awards.col.findings", "vi")]
    ].values.tolist() == [
        ["Lò Văn D", "chưa xét", "không thấy vấn đề"],
        ["Lò Văn F", "chưa xét", "không có đăng ký đầu năm"],
    ]
    # A viewer sees no stored proposal; an analyst of Bình Lư sees none of Tả Lèng's names.
    viewer = page("vi")
    assert "Lò Văn" not in everything_shown(viewer)
    assert t("awards.cycle.page_title", "vi") not in [s.value for s in viewer.subheader]
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    accounts.add_user(filled, "binhlu", "analyst", "mot-mat-khau-du-dai-2024!", area="03390")
    assert "Lò Văn" not in everything_shown(page("vi", "binhlu", "analyst"))


def test_the_report_s_totals_read_as_people_write_them(store: Store) -> None:
    """Headers in words, 6.984 with its thousands, the share as a %: never column ids or 0.0355."""
    at = page("vi")
    assert not at.exception
    (table,) = [e.value for e in at.table]
    assert list(table.columns) == ["Cấp khen thưởng", "Tập thể", "Cá nhân", "Tổng", "Tỷ lệ trong tổng số (%)"]
    assert table.iloc[-1].tolist() == ["Cơ sở", "618", "6.984", "7.602", "89,87"]
