"""The figures' key is indexed: new and upgraded stores have it, and a figure's history reads through it."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, select, text

from indicators.__main__ import main
from indicators.rounds import figure_history
from indicators.rounds.threads import Figure
from indicators.store import migrate
from indicators.store.database import ROW_TABLES, Store
from tests.support.releases import RELEASES, UpgradedReleases
from tests.test_store_upgrades import (
    STORE_0007,
    figures_of,
    previous_release_on_postgresql,
    read_before,
)

INDEX = "ix_data_observations_figure"


def figure_indexes(store: Store) -> dict[str, list[str]]:
    """The observations' indexes by name, with their columns."""
    found = inspect(store.ensure().engine).get_indexes("data_observations")
    return {str(i["name"]): [str(c) for c in i["column_names"]] for i in found}


def test_a_new_store_has_the_figure_index(store_url: str) -> None:
    store = Store(store_url).ensure()
    assert figure_indexes(store)[INDEX] == ["code", "area", "year", "kind"]


@pytest.mark.parametrize("name", list(RELEASES))
def test_every_earlier_release_gets_the_index_and_keeps_its_figures(
    name: str, store_url: str, upgraded_releases: UpgradedReleases, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    path = RELEASES[name][0]
    upgraded_releases.copy_to(name, store_url)
    before = read_before(path)
    store = Store(store_url, seed=None).ensure()
    with store.engine.connect() as conn:
        assert migrate.current(conn) == migrate.head()
    assert figure_indexes(store)[INDEX] == ["code", "area", "year", "kind"]
    for version, old in before.figures.items():
        assert figures_of(store, version) == old, version


def test_a_figures_history_is_read_through_the_index(store_url: str) -> None:
    store = Store(store_url).ensure()
    table = ROW_TABLES["observations"]
    obs = store.load().observations.iloc[0]
    query = select(table.c.value).where(
        table.c.code == obs["code"], table.c.area == obs["area"], table.c.year == int(obs["year"])
    )
    compiled = query.compile(store.engine, compile_kwargs={"literal_binds": True})
    with store.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert INDEX in plan, plan
    figure = Figure(str(obs["code"]), str(obs["area"]), int(obs["year"]), str(obs["kind"]))
    assert len(figure_history.history(store, figure)) >= 1


@pytest.mark.postgres
def test_the_index_revision_on_postgresql(
    backend_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend_url.startswith("sqlite"):
        pytest.skip("the PostgreSQL half; SQLite is covered above")
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    before = read_before(STORE_0007)
    previous_release_on_postgresql(backend_url, STORE_0007, "0007_target_qualifier")
    assert main(["upgrade"]) == 0
    assert f"0007_target_qualifier → {migrate.head()}" in capsys.readouterr().out
    store = Store(backend_url, seed=None).ensure()
    assert figure_indexes(store)[INDEX] == ["code", "area", "year", "kind"]
    for version, old in before.figures.items():
        assert figures_of(store, version) == old, version
