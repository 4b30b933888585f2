"""Stores set up once a session (accounts, a round sent) and copied for each test that starts from them."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Hashable
from pathlib import Path

from sqlalchemy.engine import make_url

from indicators.store.database import Store

Setup = Callable[..., object]


def seeded_store(url: str, seeded: Path) -> Store:
    """The shipped data at `url` (version 1); on SQLite a copy of the session's `seeded` file.

    Migrating and seeding each new SQLite store again repeated the same work; a store already at
    `url` is opened as it is. Another backend is seeded by its first `ensure`.
    """
    database = make_url(url).database
    if url.startswith("sqlite") and database not in (None, "", ":memory:") and not Path(database).exists():
        shutil.copyfile(seeded, database)
    return Store(url).ensure()


class PreparedStores:
    """The seeded store with a module's setup applied once, as a closed file each test gets a copy of.

    Several modules' fixtures made the same accounts and rounds for every test, and each account
    read the whole store; a copy of the file holds the same rows in a millisecond and cannot be
    changed by another test. A setup is known by its module, name and arguments (a date the test
    depends on, say), so it must be one function that only writes through `store`. It runs within
    the first test that asks for it, so what it writes must not hang on that test's patches.
    """

    def __init__(self, seeded: Path, folder: Path) -> None:
        self._seeded = seeded
        self._folder = folder
        self._done: dict[tuple[str, tuple[Hashable, ...]], Path] = {}

    def store(self, url: str, setup: Setup, *args: Hashable) -> Store:
        """The store at the SQLite `url` as `setup(store, *args)` leaves the seeded store.

        Where a fixture has already opened a store at `url`, `setup` is applied to it as it stands:
        copying over an open store would pull the file from under it.
        """
        database = make_url(url).database
        if database is None or Path(database).exists():
            existing = Store(url).ensure()
            setup(existing, *args)
            return existing
        shutil.copyfile(self._prepared(setup, args), database)
        return Store(url).ensure()

    def _prepared(self, setup: Setup, args: tuple[Hashable, ...]) -> Path:
        name = f"{setup.__module__}.{setup.__qualname__}"
        if "<" in name:  # a lambda or an inner function: one name for setups that may differ
            raise ValueError(f"a prepared store's setup must be a module-level function, not {name}")
        key = (name, args)
        if key not in self._done:
            path = self._folder / f"{len(self._done)}.sqlite"
            shutil.copyfile(self._seeded, path)
            made = Store(f"sqlite:///{path}").ensure()
            setup(made, *args)
            made.engine.dispose()  # closing the last connection folds the write-ahead log into the file
            self._done[key] = path
        return self._done[key]
