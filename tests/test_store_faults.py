"""The store under faults: two imports at once, an import killed midway, a read-only store, a full disk."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import event

from indicators.core.model import Dataset
from indicators.store.database import Store, StoreError

PROJECT = Path(__file__).resolve().parents[1]

# A child process that commits the shipped data with every observation scaled by FACTOR,
# after waiting for GO to exist; optionally pausing for ever at its first data insert.
CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from sqlalchemy import event
    from indicators.core.model import Dataset
    from indicators.store.seed import load_source
    from indicators.store.database import Store, StoreError

    url, factor, go, pause = sys.argv[1], float(sys.argv[2]), Path(sys.argv[3]), sys.argv[4] == "pause"
    data = load_source()
    frames = {name: getattr(data, name) for name in data.counts()}
    frames["observations"] = data.observations.assign(value=data.observations["value"] * factor)
    data = Dataset.from_frames(frames)
    store = Store(url).ensure()
    if pause:
        @event.listens_for(store.engine, "before_cursor_execute")
        def _stop(conn, cursor, statement, params, context, executemany):
            if statement.startswith("INSERT INTO data_"):
                print("writing", flush=True)
                time.sleep(600)
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.01)
    try:
        result = store.commit(data, account=f"child-{factor}", note=str(factor))
        print("version", result.version, flush=True)
    except StoreError as exc:
        print("refused", exc, flush=True)
    """
)


def _child(url: str, factor: float, go: Path, pause: bool = False) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, url, str(factor), str(go), "pause" if pause else "run"],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(process: subprocess.Popen[str], word: str) -> None:
    line = process.stdout.readline() if process.stdout else ""
    assert line.strip() == word, (
        f"child said {line!r}; stderr: {process.stderr.read() if process.stderr else ''}"
    )


def _dump(store: Store) -> dict[str, pd.DataFrame]:
    data = store.load()
    return {name: getattr(data, name) for name in data.counts()}


def test_two_imports_at_once_are_both_recorded_whole(backend_url: str, tmp_path: Path) -> None:
    base = Store(backend_url).ensure()
    original = base.load().observations
    go = tmp_path / "go"
    children = [_child(backend_url, factor, go) for factor in (2.0, 3.0)]
    for child in children:
        _wait_for(child, "ready")
    go.touch()
    outputs = [child.communicate(timeout=120)[0] for child in children]
    recorded = [line for out in outputs for line in out.splitlines() if line.startswith("version")]
    refused = [line for out in outputs for line in out.splitlines() if line.startswith("refused")]
    assert len(recorded) + len(refused) == 2
    assert all("bận" in line for line in refused)  # "busy, try again", never a mixed state
    versions = base.versions()
    assert versions["version"].tolist() == list(range(1, 2 + len(recorded)))
    for version in versions["version"].tolist()[1:]:
        values = base.load(version).observations.set_index(["code", "area", "year", "kind"])["value"]
        before = original.set_index(["code", "area", "year", "kind"])["value"]
        ratios = set((values / before).dropna().round(9)) - {float("nan")}
        # Every figure of a version comes from one import: all ×2 or all ×3, never both.
        assert ratios <= {2.0, 3.0} and len(ratios - {1.0}) == 1, ratios


def test_an_import_killed_midway_leaves_the_store_as_before(backend_url: str, tmp_path: Path) -> None:
    store = Store(backend_url).ensure()
    before = _dump(store)
    go = tmp_path / "go"
    child = _child(backend_url, 5.0, go, pause=True)
    _wait_for(child, "ready")
    go.touch()
    _wait_for(child, "writing")  # inside the transaction, rows half written
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    reopened = Store(backend_url)
    assert reopened.current_version() == 1
    after = _dump(reopened)
    for name, frame in before.items():
        pd.testing.assert_frame_equal(after[name], frame)
    if reopened.is_sqlite:
        with reopened.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_read_only_store_refuses_changes_and_still_reads(store_url: str) -> None:
    writable = Store(store_url).ensure()
    before = _dump(writable)
    writable.engine.dispose()
    path = store_url.removeprefix("sqlite:///")
    read_only = Store(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert read_only.current_version() == 1
    data = read_only.load()
    changed = Dataset.from_frames({**before, "observations": data.observations.assign(value=1.0)})
    with pytest.raises(StoreError, match="chỉ đọc"):
        read_only.commit(changed, account="ana")
    for name, frame in before.items():
        pd.testing.assert_frame_equal(_dump(read_only)[name], frame)


def test_full_disk_refuses_the_change_and_keeps_the_old_data(store_url: str) -> None:
    store = Store(store_url).ensure()
    before = _dump(store)
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _small_disk(dbapi_connection, _record) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    many = pd.concat([before["observations"].assign(year=y) for y in range(1980, 2000)], ignore_index=True)
    with pytest.raises(StoreError, match="đầy"):
        store.commit(Dataset.from_frames({**before, "observations": many}), account="ana")
    assert store.current_version() == 1
    for name, frame in before.items():
        pd.testing.assert_frame_equal(_dump(store)[name], frame)


def test_busy_store_says_try_again(store_url: str) -> None:
    store = Store(store_url).ensure()
    holder = Store(store_url)
    conn = holder.engine.connect().execution_options(sqlite_begin="IMMEDIATE")
    transaction = conn.begin()  # another writer holds the lock
    try:
        store.engine.dispose()

        @event.listens_for(store.engine, "connect")
        def _impatient(dbapi_connection, _record) -> None:
            dbapi_connection.execute("PRAGMA busy_timeout = 100")

        started = time.perf_counter()
        with pytest.raises(StoreError, match="bận"):
            store.commit(Dataset.empty(), account="ana")
        assert time.perf_counter() - started < 5
    finally:
        transaction.rollback()
        conn.close()
