"""Half-year rounds take figures: sent with the half chosen, approved apart from the year's figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import inspect, update

from dashboard import state
from indicators.__main__ import main
from indicators.core.model import OBSERVATIONS, coerce
from indicators.rounds import figure_history, review, sending, threads, workflow
from indicators.rounds.workflow import RoundError
from indicators.store import accounts, backup, migrate, scope
from indicators.store.database import Store
from indicators.store.round_tables import submissions
from indicators.text.i18n import t
from tests.test_review_page import page, typed_grid
from tests.test_rounds import BINH_LU, TA_LENG, TODAY, cheap_hashes, people, upload_of
from tests.test_store_upgrades import STORE_0007, previous_release_on_postgresql, upgraded_release

__all__ = ["cheap_hashes", "people", "upgraded_release"]  # fixtures, used by name


def test_a_half_year_submission_approved_is_the_halfs_figure_never_the_years(people: Store) -> None:
    workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA,POV_RATE", date(2026, 6, 14), half=1)
    version = people.current_version()
    data = people.load()
    upload = upload_of(data, {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 8.0}})
    workflow.submit(people, "binhlu", upload, half=1)
    # Waiting, it is not put over the year's figures as "chưa duyệt" either.
    assert workflow.pending_figures(people).empty
    status = review.round_status(people, 2026, "12", TODAY, half=1).set_index("code")
    assert status.loc[BINH_LU, "state"] == "pending" and int(status.loc[BINH_LU, "received"]) == 2
    done = review.review(people, "tinh", BINH_LU, 2026, "approve", half=1)
    assert (done.state, done.version) == ("approved", None)
    halves = review.half_year(people, 2026).set_index("code")
    assert halves.loc["TEA_AREA", ["area", "half", "kind", "value"]].tolist() == [BINH_LU, 1, "actual", 950.0]
    assert halves.loc["POV_RATE", "value"] == 8.0 and halves.loc["POV_RATE", "approved_by"] == "tinh"
    # The year's figures, their versions and their locks are untouched.
    assert people.current_version() == version
    year = people.load().observations
    assert year[(year["area"] == BINH_LU) & (year["year"] == 2026)].empty
    with people.engine.connect() as conn:
        assert scope.locked(conn).empty
    status = review.round_status(people, 2026, "12", TODAY, half=1).set_index("code")
    assert status.loc[BINH_LU, "state"] == "approved"
    # Approved once, the half-year is not sent again.
    with pytest.raises(RoundError) as refused:
        workflow.submit(people, "binhlu", upload, half=1)
    assert refused.value.message.key == "rounds.already_approved"


def test_the_newest_approval_of_a_half_year_figure_is_its_value(people: Store) -> None:
    workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 12, 14), half=2)
    data = people.load()
    workflow.submit(people, "taleng", upload_of(data, {TA_LENG: {"TEA_AREA": 400.0}}), half=2)
    review.review(people, "tinh", TA_LENG, 2026, "return", "Số chưa khớp", half=2)
    assert review.half_year(people).empty  # a returned sending writes nothing
    workflow.submit(people, "taleng", upload_of(data, {TA_LENG: {"TEA_AREA": 430.25}}), half=2)
    review.review(people, "tinh", TA_LENG, 2026, "approve", half=2)
    assert review.half_year(people)[["area", "half", "value"]].values.tolist() == [[TA_LENG, 2, 430.25]]


def test_a_half_not_opened_is_refused_and_nothing_written(people: Store) -> None:
    workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 6, 14), half=1)
    upload = upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0}})
    with pytest.raises(RoundError) as refused:
        workflow.submit(people, "binhlu", upload, half=2)
    assert refused.value.message.key == "rounds.no_round"
    assert workflow.sendings(people, 1).empty


def half_year_figures_after_the_upgrade(store: Store, elsewhere: Path) -> None:
    """On an upgraded store the half-year table exists, is written by an approval, and a backup carries it."""
    assert "half_year_figures" in inspect(store.engine).get_table_names()
    workflow.open_round(store, "op", 2026, "12", "TEA_AREA", date(2026, 6, 14), half=1, operator=True)
    accounts.add_user(store, "tinh", "analyst", "mat-khau-rat-dai-2026!", area="12")
    accounts.add_user(store, "binhlu", "reporter", "mat-khau-rat-dai-2026!", area=BINH_LU)
    workflow.submit(store, "binhlu", upload_of(store.load(), {BINH_LU: {"TEA_AREA": 950.0}}), half=1)
    review.review(store, "tinh", BINH_LU, 2026, "approve", half=1)
    assert review.half_year(store)["value"].tolist() == [950.0]
    dump = elsewhere / "sao_luu.json.gz"
    assert backup.backup(store.engine, dump) == "dump"
    other = Store(f"sqlite:///{elsewhere / 'khac.sqlite'}", seed=None)
    assert backup.restore(other.engine, dump)["half_year_figures"] == 1


def test_every_earlier_release_upgrades_to_half_year_figures(
    upgraded_release: tuple[str, Path, int], store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    store = Store(store_url, seed=None).ensure()
    versions = store.versions()["version"].tolist()
    half_year_figures_after_the_upgrade(store, tmp_path)
    assert store.versions()["version"].tolist()[: len(versions)] == versions  # no version lost


@pytest.mark.postgres
def test_the_half_year_revision_on_postgresql(
    backend_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend_url.startswith("sqlite"):
        pytest.skip("the PostgreSQL half; SQLite is covered above")
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    previous_release_on_postgresql(backend_url, STORE_0007, "0011_figure_threads")
    assert main(["upgrade"]) == 0
    assert f"0011_figure_threads → {migrate.head()}" in capsys.readouterr().out
    assert "0012_half_year_figures" in migrate.known_revisions()
    half_year_figures_after_the_upgrade(Store(backend_url, seed=None).ensure(), tmp_path)


@pytest.mark.usefixtures("fresh_caches")
def test_a_reporter_chooses_the_half_year_round_on_the_grid_and_sends_into_it(people: Store) -> None:
    year_round = workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 12, 14))
    half_round = workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 6, 14), half=1)
    at = page(
        "pages/enter.py", "taleng", "reporter", "vi", typed_grid(people, TA_LENG, {"TEA_AREA": "430,25"})
    )
    assert not at.exception, [e.value for e in at.exception]
    choice = at.radio(key=f"{state.ENTER_FLASH_KEY}_half")
    assert choice.options == [t("rounds.open.period_year", "vi"), t("rounds.open.period_1", "vi")]
    choice.set_value(1).run()
    at.button(key=f"{state.ENTER_FLASH_KEY}_send").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert workflow.sendings(people, year_round.id).empty
    [sent] = workflow.sendings(people, half_round.id).itertuples()
    assert (sent.area, sent.state) == (TA_LENG, "pending")


def test_the_review_sets_a_half_year_sending_beside_the_halfs_figure_and_the_history_marks_the_half(
    people: Store,
) -> None:
    found = workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 6, 14), half=1)
    data = people.load()
    workflow.submit(people, "binhlu", upload_of(data, {BINH_LU: {"TEA_AREA": 950.0}}), half=1)
    review.review(people, "tinh", BINH_LU, 2026, "approve", half=1)
    people.commit(  # the year's figure, which a half-year sending is never set beside
        replace(
            data,
            observations=coerce(
                OBSERVATIONS,
                pd.concat(
                    [
                        data.observations,
                        pd.DataFrame(
                            [
                                {
                                    "code": "TEA_AREA",
                                    "area": BINH_LU,
                                    "year": 2026,
                                    "kind": "actual",
                                    "value": 1900.0,
                                }
                            ]
                        ),
                    ]
                ),
            ),
        ),
        account="tinh",
    )
    figure = threads.Figure("TEA_AREA", BINH_LU, 2026, "actual")
    [(half, value, by)] = figure_history.half_years(people, figure)[
        ["half", "value", "approved_by"]
    ].values.tolist()
    assert (half, value, by) == (1, 950.0, "tinh")
    assert figure_history.history(people, figure)["value"].dropna().tolist() == [1900.0]
    # An approved sending is not sent again: set back by hand here, so that a second sending of the same
    # half is set beside the approved half-year figure, 950, never the year's 1,900.
    with people.engine.begin() as conn:
        conn.execute(update(submissions).where(submissions.c.round_id == found.id).values(state="returned"))
    workflow.submit(people, "binhlu", upload_of(people.load(), {BINH_LU: {"TEA_AREA": 960.0}}), half=1)
    [waiting] = sending.pending_in(people, found)
    beside = sending.figures_of(people, waiting)
    assert beside[["sent", "current"]].values.tolist() == [[960.0, 950.0]]
