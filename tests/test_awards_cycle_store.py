"""The cycle's tables in the store: upgraded from every release, carried by a backup, decided once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from indicators.__main__ import main
from indicators.awards import catalogue as cat
from indicators.excel import awards_cycle_sheet
from indicators.store import accounts, award_cycle, migrate, register
from indicators.store.database import Store
from tests.support.releases import RELEASES, UpgradedReleases
from tests.test_store_upgrades import PASSWORDS, previous_release_on_postgresql, read_before


def wishes(*names: str, year: int = 2024) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "year": year,
                "award": "lao_dong_tien_tien",
                "recipient_kind": "person",
                "name": name,
                "unit": "Trường TH Bình Lư",
                "area": "03390",
            }
            for name in names
        ]
    )


def cycle_round_trip(store: Store) -> None:
    """Registered, proposed, one accepted by the council, decided: one new version with its one award."""
    start = store.current_version()
    assert award_cycle.add_registrations(store, wishes("Lò Văn A", "Tẩn Thị B"), "quantri") == 2
    assert award_cycle.add_proposals(store, wishes("Lò Văn A", "Tẩn Thị B"), "quantri") == 2
    assert store.current_version() == start  # lists are not versions; only a decision is
    first, second = award_cycle.proposals(store, 2024)["id"].tolist()
    award_cycle.record_result(store, [first], "accepted", "quantri")
    award_cycle.record_result(store, [second], "rejected", "quantri", "thiếu minh chứng")
    accepted = award_cycle.accepted(store, 2024)
    assert accepted["id"].tolist() == [first]
    rows = awards_cycle_sheet.awarded_rows(accepted, "12/QĐ-UBND", date(2024, 12, 20), "UBND xã", cat.load())
    assert rows.ok, rows.errors
    done = award_cycle.decide(store, [first], rows.rows, "quantri")
    assert (done.version, done.added) == (start + 1, 1)
    assert register.read(store)[["decision_no", "name"]].values.tolist() == [["12/QĐ-UBND", "Lò Văn A"]]
    # A second decision on the same proposal is refused and writes nothing.
    with pytest.raises(award_cycle.CycleError):
        award_cycle.decide(store, [first], rows.rows, "quantri")
    assert store.current_version() == start + 1
    assert award_cycle.proposals(store, 2024)["decision_no"].tolist() == ["12/QĐ-UBND", ""]


@pytest.mark.parametrize("name", list(RELEASES))
def test_every_earlier_release_upgrades_to_the_cycle(
    name: str, store_url: str, upgraded_releases: UpgradedReleases
) -> None:
    path, added = RELEASES[name]
    upgraded_releases.copy_to(name, store_url)
    before = read_before(path)
    store = Store(store_url, seed=None).ensure()
    history = store.versions()[["version", "account"]].values
    assert [(int(v), a) for v, a in history[: len(before.versions)]] == [
        (v, a) for v, a, *_x in before.versions
    ]
    assert len(history) == len(before.versions) + added
    cycle_round_trip(store)
    assert accounts.list_users(store)["name"].tolist() == [n for n, *_x in before.users]


@pytest.mark.postgres
def test_the_cycle_revision_on_postgresql(backend_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    if backend_url.startswith("sqlite"):
        pytest.skip("the PostgreSQL half; SQLite is covered above")
    path = RELEASES["0007_target_qualifier"][0]
    before = read_before(path)
    previous_release_on_postgresql(backend_url, path, "0007_target_qualifier")
    assert main(["upgrade"]) == 0
    assert f"0007_target_qualifier → {migrate.head()}" in capsys.readouterr().out
    store = Store(backend_url, seed=None).ensure()
    assert [(int(v), a) for v, a in store.versions()[["version", "account"]].values] == [
        (v, a) for v, a, *_x in before.versions
    ]
    cycle_round_trip(store)
    for name, password in PASSWORDS.items():
        assert accounts.sign_in(store, name, password).ok, name


def test_the_migration_is_a_file_of_its_own() -> None:
    assert "0010_awards_cycle" in migrate.known_revisions()
    assert Path(migrate.SCRIPTS / "versions" / "0010_awards_cycle.py").is_file()


@pytest.mark.parametrize("suffix", [".json.gz", ".sqlite"])
def test_a_backup_keeps_the_registrations_and_proposals(store_url: str, tmp_path: Path, suffix: str) -> None:
    store = Store(store_url).ensure()
    award_cycle.add_registrations(store, wishes("Lò Văn A"), "quantri")
    award_cycle.add_proposals(store, wishes("Lò Văn A", "Tẩn Thị B"), "quantri")
    award_cycle.record_result(store, [int(award_cycle.proposals(store)["id"][0])], "accepted", "quantri")
    kept = award_cycle.registrations(store), award_cycle.proposals(store)
    path = tmp_path / f"sao_luu{suffix}"
    assert main(["backup", str(path)]) == 0
    award_cycle.add_registrations(store, wishes("Vàng A C"), "quantri")
    assert main(["restore", str(path)]) == 0
    restored = Store(store_url).ensure()
    pd.testing.assert_frame_equal(award_cycle.registrations(restored), kept[0])
    pd.testing.assert_frame_equal(award_cycle.proposals(restored), kept[1])
    assert award_cycle.proposals(restored)["result"].tolist() == ["accepted", ""]


def test_proposals_at_the_command_line_name_only_the_accounts_area(
    store_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    store = Store(store_url).ensure()
    accounts.add_user(store, "binhlu", "analyst", PASSWORDS["quantri"], area="03390")
    award_cycle.add_proposals(store, wishes("Lò Văn A"), "quantri")
    award_cycle.add_proposals(store, wishes("Tẩn Thị B").assign(area="03405"), "quantri")
    assert main(["awards", "proposals", "--year", "2024", "--user", "binhlu", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "Lò Văn A" in out and "Tẩn Thị B" not in out
    assert register.exports(store)[["account", "rows"]].values.tolist() == [["binhlu", 1]]


def test_a_rollback_of_the_register_carries_the_decisions_marks(backend_url: str) -> None:
    store = Store(backend_url).ensure()
    start = store.current_version()
    award_cycle.add_proposals(store, wishes("Lò Văn A", "Tẩn Thị B"), "quantri")
    first, second = award_cycle.proposals(store, 2024)["id"].tolist()
    award_cycle.record_result(store, [first], "accepted", "quantri")
    award_cycle.record_result(store, [second], "rejected", "quantri")

    def decide(number: str) -> int:
        rows = awards_cycle_sheet.awarded_rows(
            award_cycle.accepted(store, 2024), number, date(2024, 12, 20), "UBND xã", cat.load()
        )
        assert rows.ok, rows.errors
        return int(award_cycle.decide(store, [first], rows.rows, "quantri").version or 0)

    decided = decide("12/QĐ-UBND")
    # Back to before the decision: its award leaves the register and its proposal may be decided again.
    store.rollback(start, "quantri")
    assert register.read(store).empty
    assert award_cycle.proposals(store, 2024)["decision_no"].tolist() == ["", ""]
    assert award_cycle.accepted(store, 2024)["id"].tolist() == [first]
    decide("13/QĐ-UBND")
    assert register.read(store)["decision_no"].tolist() == ["13/QĐ-UBND"]
    # Forward to the first decision's version: its row comes back, the second's goes, the mark follows.
    store.rollback(decided, "quantri")
    assert register.read(store)["decision_no"].tolist() == ["12/QĐ-UBND"]
    assert award_cycle.proposals(store, 2024)["decision_no"].tolist() == ["12/QĐ-UBND", ""]
    assert award_cycle.accepted(store, 2024).empty
