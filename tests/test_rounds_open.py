"""Opening a reporting round: the form's defaults, its preview, its refusals, and the page that opens one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from indicators.core.model import Dataset
from indicators.rounds import opening, workflow
from indicators.store import accounts
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support import sessions
from tests.support.reads import record_reads
from tests.test_rounds import BINH_LU, PASSWORD

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "pages/rounds_open.py"


@pytest.mark.parametrize(
    ("half", "start", "due"),
    [
        (None, date(2026, 1, 1), date(2026, 12, 14)),
        (1, date(2026, 1, 1), date(2026, 6, 14)),
        (2, date(2026, 7, 1), date(2026, 12, 14)),
    ],
)
def test_the_period_starts_and_the_suggested_deadline_falls_in_its_last_month(
    half: int | None, start: date, due: date
) -> None:
    assert opening.period_start(2026, half) == start
    assert opening.suggested_due(2026, half) == due


def test_the_preview_counts_the_units_under_the_parent_times_the_indicators(seed_data: Dataset) -> None:
    found = opening.preview(seed_data.areas, "12", 2026, 40, date(2026, 12, 14))
    assert (found.areas, found.indicators, found.figures) == (38, 40, 1520)
    assert opening.preview_line(found, "vi") == "38 đơn vị × 40 chỉ tiêu = 1.520 số liệu, hạn 14/12/2026"
    assert opening.preview_line(found, "en").startswith("38 units × 40 indicators = 1,520 figures, due ")


def test_an_analyst_chooses_only_parents_in_their_scope_their_own_first(seed_data: Dataset) -> None:
    areas = seed_data.areas
    province = opening.parent_choices(areas, "12")
    assert province[0] == "12"
    assert "106" in province  # the former Tam Đường district, under the province
    assert set(opening.parent_choices(areas, "106")) == {"106"}
    every = opening.parent_choices(areas, None)  # an admin without an area
    assert set(province) <= set(every) and len(every) >= len(province)


def test_the_catalogue_is_chosen_by_domain(seed_data: Dataset) -> None:
    tea = opening.codes_of(seed_data.indicators, "tea")
    assert "TEA_AREA" in tea and "POV_RATE" not in tea
    assert len(opening.codes_of(seed_data.indicators, None)) == len(seed_data.indicators)


@pytest.mark.parametrize(
    ("indicators", "due", "half", "key"),
    [
        ([], date(2026, 12, 14), None, "rounds.no_indicators"),
        ("TEA_AREA", date(2025, 12, 31), None, "rounds.due_before_period"),
        ("TEA_AREA", date(2026, 6, 30), 2, "rounds.due_before_period"),
    ],
)
def test_a_round_without_indicators_or_due_before_its_period_is_refused_and_nothing_written(
    store: Store, indicators: str | list[str], due: date, half: int | None, key: str
) -> None:
    with pytest.raises(workflow.RoundError) as refused:
        workflow.open_round(store, "op", 2026, "12", indicators, due, half, operator=True)
    assert refused.value.message.key == key
    assert "Không có gì được ghi" in refused.value.text("vi")
    assert "Nothing was written" in refused.value.text("en")
    assert workflow.rounds(store) == []


def test_opening_a_round_reads_the_two_catalogues_alone(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = record_reads(monkeypatch)
    due = date(2026, 12, 14)
    found = workflow.open_round(store, "op", 2026, "12", "TEA_AREA,POV_RATE", due, operator=True)
    assert sorted(name for name, _ in read) == [
        "areas",
        "indicators",
    ]  # never the figures: millions of rows in a national store
    assert (found.parent, found.indicators) == ("12", ("TEA_AREA", "POV_RATE"))
    with pytest.raises(workflow.RoundError) as unknown:
        workflow.open_round(store, "op", 2027, "99999", "TEA_AREA", date(2027, 12, 14), operator=True)
    assert unknown.value.message.key == "rounds.unknown_area"
    every = workflow.open_round(store, "op", 2027, "12", "all", date(2027, 12, 14), operator=True)
    assert every.indicators == tuple(sorted(store.load().indicators["code"]))
    assert [r.year for r in workflow.rounds(store)] == [2026, 2027]


def _page(lang: Lang, name: str, role: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    sessions.sign_in(at, name, role)
    go_to(at, PAGE)
    return at.run()


@pytest.fixture
def province_analyst(store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(store, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    return store


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_analyst_opens_a_half_year_round_after_its_preview_and_a_second_is_refused(
    province_analyst: Store, lang: Lang
) -> None:
    at = _page(lang, "tinh", "analyst")
    assert not at.exception, [e.value for e in at.exception]
    assert [x.value for x in at.title] == [t("rounds.open.title", lang)]
    assert at.selectbox(key="rounds_open_parent").value == "12"
    at.number_input(key="rounds_open_year").set_value(2026)
    at.radio(key="rounds_open_half").set_value(1)
    at.radio(key="rounds_open_which").set_value("chosen").run()
    at.multiselect(key="rounds_open_pick").set_value(["TEA_AREA", "POV_RATE"]).run()
    assert at.date_input(key="rounds_open_due_2026_1").value == date(2026, 6, 14)
    line = opening.preview_line(opening.Preview(38, 2, date(2026, 6, 14)), lang)
    assert any(line in m.value for m in at.markdown)
    at.button(key="rounds_open_go").click().run()
    assert not at.exception, [e.value for e in at.exception]
    opened = workflow.rounds(province_analyst)
    assert [(r.year, r.half, r.parent, sorted(r.indicators), r.due, r.opened_by) for r in opened] == [
        (2026, 1, "12", ["POV_RATE", "TEA_AREA"], date(2026, 6, 14), "tinh")
    ]
    assert [s.value.split(":")[0] for s in at.success] == [t("rounds.open.done", lang).split(":")[0]]
    at.button(key="rounds_open_go").click().run()  # the same round again
    assert [e.value for e in at.error] == [
        t("rounds.exists", lang).format(period=t("rounds.period_half_1", lang).format(year=2026), area="12")
    ]
    assert len(workflow.rounds(province_analyst)) == 1


@pytest.mark.usefixtures("fresh_caches")
def test_a_deadline_before_the_period_is_said_on_the_page_and_nothing_is_opened(
    province_analyst: Store,
) -> None:
    at = _page("vi", "tinh", "analyst")
    at.number_input(key="rounds_open_year").set_value(2026)
    at.radio(key="rounds_open_half").set_value(2).run()
    at.date_input(key="rounds_open_due_2026_2").set_value(date(2026, 6, 1)).run()
    at.button(key="rounds_open_go").click().run()
    assert [e.value for e in at.error] == [
        "Hạn nộp 1/6/2026 sớm hơn ngày đầu của kỳ (1/7/2026): chọn một ngày từ 1/7/2026 trở đi. "
        "Không có gì được ghi."
    ]
    assert workflow.rounds(province_analyst) == []


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize(("name", "role"), [("binhlu", "reporter"), ("xem", "viewer")])
def test_a_reporter_or_viewer_gets_the_sign_in_form_not_the_form(
    province_analyst: Store, name: str, role: str
) -> None:
    at = _page("vi", name, role)
    assert not at.exception
    assert t("rounds.open.title", "vi") not in [x.value for x in at.title]
    assert not [b for b in at.button if b.key == "rounds_open_go"]
    assert workflow.rounds(province_analyst) == []


def test_the_parent_picker_starts_at_the_province_and_leaves_out_abolished_districts(
    seed_data: Dataset,
) -> None:
    """For 2026 an admin's picker starts at the province; a district abolished on 1 July 2025 has no
    units that year, so it is no choice; for 2020 the former districts are there again."""
    areas = seed_data.areas
    now = opening.parent_choices(areas, None, 2026)
    assert now[0] == "12"
    assert "105" not in now and "106" not in now
    assert opening.preview(areas, now[0], 2026, 40, date(2026, 12, 14)).areas == 38
    then = opening.parent_choices(areas, None, 2020)
    assert then[0] == "12" and {"105", "106"} <= set(then)
    assert opening.parent_choices(areas, "106", 2026) == ["106"]  # an analyst keeps their own area


@pytest.mark.usefixtures("fresh_caches")
def test_a_former_districts_analyst_is_told_there_is_no_one_to_ask_and_gets_no_button(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    accounts.add_user(store, "huyen", "analyst", PASSWORD, area="106")
    at = _page("vi", "huyen", "analyst")
    at.number_input(key="rounds_open_year").set_value(2026).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [i.value for i in at.info] == [t("rounds.open.nothing", "vi")]
    assert not [b for b in at.button if b.key == "rounds_open_go"]
    at.number_input(key="rounds_open_year").set_value(2020).run()  # its communes were under it then
    assert not at.info and [b.key for b in at.button if b.key == "rounds_open_go"] == ["rounds_open_go"]
    assert workflow.rounds(store) == []
