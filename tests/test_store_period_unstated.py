"""Every earlier store upgrades to figures that can say the source gives no year, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.__main__ import main
from indicators.store import accounts, migrate
from indicators.store.database import Store
from tests.test_store_upgrades import (
    PASSWORDS,
    STORE_0007,
    Before,
    figures_of,
    previous_release_on_postgresql,
    read_before,
    upgraded_release,  # noqa: F401 (the fixture: one earlier release's store, upgraded, at $INDICATORS_DB)
)

# The shipped figures the source gives without a year (Phần thứ nhất – III.2), filed under 2020.
YEARLESS = [("TOURISM_REV", "106", 2020), ("TOURISTS", "106", 2020)]


def flagged(store: Store, version: int | None = None) -> list[tuple[str, str, int]]:
    obs = store.load(version).observations
    rows = obs[obs["period_unstated"]]
    return sorted(zip(rows["code"], rows["area"], rows["year"].astype(int), strict=True))


def period_after_the_upgrade(store: Store, before: Before) -> None:
    """Every version keeps its figures and accounts; the source's two yearless figures are flagged in each."""
    assert [(int(v), a) for v, a in store.versions()[["version", "account"]].values] == [
        (v, a) for v, a, *_x in before.versions
    ]
    for version, figures in before.figures.items():
        assert figures_of(store, version) == figures, version
        assert flagged(store, version) == YEARLESS, version
    # Rehashed over the new column: the same figures again write no version.
    assert not store.commit(store.load(), "canbo").changed
    assert [n for n, *_x in before.users] == [n for n in accounts.list_users(store)["name"] if n != "tinh"]


def test_every_earlier_release_upgrades_to_figures_with_an_unstated_period(
    upgraded_release: tuple[str, Path, int],  # noqa: F811 (the fixture imported above)
    store_url: str,
) -> None:
    _name, path, _added = upgraded_release
    before = read_before(path)
    store = Store(store_url, seed=None).ensure()
    assert "0014_period_stated" in migrate.known_revisions()
    figures = before.figures[max(before.figures)]
    assert len(figures) > len(YEARLESS)
    # The release-0 stores gain the official list of areas as one version; no figure changes with it.
    assert figures_of(store, store.current_version()) == figures
    assert flagged(store) == YEARLESS
    obs = store.load().observations
    assert obs["period_unstated"].sum() == 2


@pytest.mark.postgres
def test_the_period_revision_on_postgresql(backend_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    if backend_url.startswith("sqlite"):
        pytest.skip("the PostgreSQL half; SQLite is covered above")
    before = read_before(STORE_0007)
    previous_release_on_postgresql(backend_url, STORE_0007, "0011_figure_threads")
    assert main(["upgrade"]) == 0
    assert f"0011_figure_threads → {migrate.head()}" in capsys.readouterr().out
    store = Store(backend_url, seed=None).ensure()
    period_after_the_upgrade(store, before)
    for name, password in PASSWORDS.items():
        assert accounts.sign_in(store, name, password).ok, name


def test_a_store_at_the_previous_revision_flags_only_the_source_s_sentences(store_url: str) -> None:
    before = read_before(STORE_0007)
    path = Path(store_url.removeprefix("sqlite:///"))
    path.write_bytes(STORE_0007.read_bytes())
    store = Store(store_url, seed=None).ensure()
    period_after_the_upgrade(store, before)
