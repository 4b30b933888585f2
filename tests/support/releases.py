"""The stores earlier releases wrote (tests/fixtures/), and each of them upgraded to head once a session."""

from __future__ import annotations

import shutil
from pathlib import Path

from indicators.store.database import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# File, and how many versions revision 0003 adds (the official list of areas, where the store had data).
RELEASES = {
    "release_0": (FIXTURES / "store_release_0.sqlite", 1),
    "0002_honest_figures": (FIXTURES / "stores" / "store_0002_honest_figures.sqlite", 1),
    "0003_official_areas": (FIXTURES / "stores" / "store_0003_official_areas.sqlite", 0),
    "0004_sign_in_sessions": (FIXTURES / "stores" / "store_0004_sign_in_sessions.sqlite", 0),
    "0004_upgraded_from_release_0": (FIXTURES / "stores" / "store_0004_upgraded_from_release_0.sqlite", 0),
    "0006_narrative": (FIXTURES / "stores" / "store_0006_narrative.sqlite", 0),
    "0007_target_qualifier": (FIXTURES / "stores" / "store_0007_target_qualifier.sqlite", 0),
}


class UpgradedReleases:
    """Each earlier release's store upgraded to head by the store's own upgrade, on first demand.

    Many tests check what an upgraded store holds and does; each ran the same migrations on its own
    copy of the same file. They now copy the upgraded file, which a test cannot change. The upgrade
    from the old file itself is still run by tests/test_store_upgrades.py through the command line.
    """

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._done: dict[str, Path] = {}

    def copy_to(self, name: str, url: str) -> None:
        """Put a copy of release `name`'s store, upgraded to head, at the SQLite `url`."""
        shutil.copyfile(self._upgraded(name), url.removeprefix("sqlite:///"))

    def _upgraded(self, name: str) -> Path:
        if name not in self._done:
            done = self._folder / f"{name}.sqlite"
            shutil.copyfile(RELEASES[name][0], done)
            upgraded = Store(f"sqlite:///{done}", seed=None).ensure()
            upgraded.engine.dispose()  # closing the last connection folds the write-ahead log into the file
            self._done[name] = done
        return self._done[name]
