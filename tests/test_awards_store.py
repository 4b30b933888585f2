"""The awards register in the store: upgraded from every release, versioned, rolled back, exports logged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from indicators.__main__ import main
from indicators.store import accounts, migrate, register
from indicators.store.database import Store
from indicators.store.register import RegisterError
from tests.support.releases import RELEASES, UpgradedReleases
from tests.test_store_upgrades import PASSWORDS, previous_release_on_postgresql, read_before


def rows(*names: str, decision: str = "12/QĐ-UBND", award: str = "lao_dong_tien_tien") -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "decision_no": decision,
                "decision_date": date(2024, 12, 20),
                "issuer": "Chủ tịch UBND xã Bình Lư",
                "award": award,
                "recipient_kind": "person",
                "name": name,
                "unit": "Trường TH Bình Lư",
                "area": "03390",
                "year": 2024,
                "achievement": "Hoàn thành xuất sắc nhiệm vụ năm 2024",
            }
            for name in names
        ]
    )


def register_round_trip(store: Store) -> None:
    """An import makes one version, a repeat is refused whole, and a rollback brings the register back."""
    start = store.current_version()
    assert register.read(store).empty
    first = register.add(store, rows("Lò Văn A", "Tẩn Thị B"), "canbo", "ldtt_2024.xlsx")
    assert (first.version, first.added) == (start + 1, 2)
    figures = store.load(start).observations
    assert store.load().observations.equals(figures)  # the figures are untouched
    second = register.add(store, rows("Vàng A C", decision="15/QĐ-UBND"), "canbo")
    assert second.version == start + 2
    with pytest.raises(RegisterError) as refused:
        register.add(store, rows("Vàng A C", "Lò Văn D", decision="15/QĐ-UBND"), "canbo")
    assert "15/QĐ-UBND" in refused.value.text("vi") and store.current_version() == start + 2
    assert sorted(register.read(store)["name"]) == ["Lò Văn A", "Tẩn Thị B", "Vàng A C"]
    assert register.read(store, start + 1)["name"].tolist() == ["Lò Văn A", "Tẩn Thị B"]
    assert register.read(store, start).empty
    back = store.rollback(start + 1, "quantri")
    assert back.version == start + 3
    assert sorted(register.read(store)["name"]) == ["Lò Văn A", "Tẩn Thị B"]
    assert register.read(store)["decision_date"].tolist() == [date(2024, 12, 20)] * 2
    assert store.versions()["action"].tolist()[-3:] == ["awards", "awards", "rollback"]


@pytest.mark.parametrize("name", list(RELEASES))
def test_every_earlier_release_upgrades_to_an_empty_register(
    name: str, store_url: str, upgraded_releases: UpgradedReleases
) -> None:
    path, added = RELEASES[name]
    upgraded_releases.copy_to(name, store_url)
    before = read_before(path)
    store = Store(store_url, seed=None).ensure()
    history = store.versions()[["version", "account"]].values
    assert len(history) == len(before.versions) + added
    assert [(int(v), a) for v, a in history[: len(before.versions)]] == [
        (v, a) for v, a, *_x in before.versions
    ]
    register_round_trip(store)
    assert accounts.list_users(store)["name"].tolist() == [n for n, *_x in before.users]


@pytest.mark.postgres
def test_the_register_revision_on_postgresql(backend_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    if backend_url.startswith("sqlite"):
        pytest.skip("the PostgreSQL half; SQLite is covered above")
    path = RELEASES["0007_target_qualifier"][0]
    before = read_before(path)
    previous_release_on_postgresql(backend_url, path, "0007_target_qualifier")
    assert main(["upgrade"]) == 0
    assert f"0007_target_qualifier → {migrate.head()}" in capsys.readouterr().out
    store = Store(backend_url, seed=None).ensure()
    assert len(store.versions()) == len(before.versions)
    register_round_trip(store)
    for name, password in PASSWORDS.items():
        assert accounts.sign_in(store, name, password).ok, name


def test_a_named_export_is_logged(store_url: str) -> None:
    store = Store(store_url).ensure()
    assert register.exports(store).empty
    register.record_export(store, "quantri", "awards list --year 2024", 12)
    logged = register.exports(store)
    assert logged[["account", "what", "rows"]].values.tolist() == [["quantri", "awards list --year 2024", 12]]
    assert str(logged["created_at"].dt.tz) == "UTC"


def test_the_migration_is_a_file_of_its_own() -> None:
    assert "0008_awards_register" in migrate.known_revisions()
    assert Path(migrate.SCRIPTS / "versions" / "0008_awards_register.py").is_file()


@pytest.mark.parametrize("suffix", [".json.gz", ".sqlite"])
def test_a_backup_keeps_the_register_and_its_export_log(store_url: str, tmp_path: Path, suffix: str) -> None:
    store = Store(store_url).ensure()
    register.add(store, rows("Lò Văn A", "Tẩn Thị B"), "canbo")
    register.record_export(store, "quantri", "awards list --year 2024", 2)
    kept = register.read(store)
    path = tmp_path / f"sao_luu{suffix}"
    assert main(["backup", str(path)]) == 0
    register.add(store, rows("Vàng A C", decision="15/QĐ-UBND"), "canbo")
    assert main(["restore", str(path)]) == 0
    restored = Store(store_url).ensure()
    pd.testing.assert_frame_equal(register.read(restored), kept)
    assert register.exports(restored)[["account", "rows"]].values.tolist() == [["quantri", 2]]
