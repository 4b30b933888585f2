"""The parsing child: one fresh process per call, a spare started ahead on a server, limits kept."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from subprocess import PIPE

import pytest

from indicators.core.model import Dataset
from indicators.excel import isolation, validate
from indicators.store.seed import SEED_WORKBOOK
from tests.support import warm_reader, warm_reader_failing

MARK = "INDICATORS_TEST_ISOLATION_MARK"


@pytest.fixture(autouse=True)
def no_spares() -> Iterator[None]:
    isolation.drop_spares()
    yield
    isolation.drop_spares()


def test_every_call_runs_in_a_process_of_its_own_even_with_a_spare_ready() -> None:
    first = isolation.run(os.getpid, keep_warm=True)
    isolation.wait_for_spares()  # the next call's child is started from a thread, after the call returns
    assert set(isolation._spares) == {os.getpid.__module__}  # the next call's child, started ahead
    second = isolation.run(os.getpid, keep_warm=True)
    third = isolation.run(os.getpid)  # takes the spare the second call left; starts none
    assert len({first, second, third, os.getpid()}) == 4
    assert not isolation._spares
    # A spare that has run a call is gone: each of the three processes ends (collected aside, as
    # the caller does not wait for the exit once it has the outcome).
    for pid in (first, second, third):
        assert _ends(pid), f"process {pid} still runs"


def _ends(pid: int, seconds: float = 20.0) -> bool:
    """True once the process `pid` is gone (ended and collected), within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.01)
    return False


def test_the_outcome_is_read_without_waiting_for_the_child_to_end() -> None:
    # A child that closes its pipes and goes on (as _child does while the kernel unmaps its memory).
    code = (
        "import os, sys, time; sys.stdin.buffer.read(); "
        "os.write(1, b'done'); os.close(1); os.close(2); time.sleep(60)"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdin=PIPE, stdout=PIPE, stderr=PIPE)
    try:
        assert isolation._exchange(child, b"request", 30) == (b"done", b"")
        assert child.poll() is None  # still running: its end was not waited for
    finally:
        child.kill()
        child.wait()


def test_a_spare_started_in_another_environment_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MARK, raising=False)
    assert isolation.run(os.getenv, MARK, keep_warm=True) is None
    isolation.wait_for_spares()
    monkeypatch.setenv(MARK, "mới")
    assert isolation.run(os.getenv, MARK) == "mới"


def test_a_warm_child_keeps_the_time_limit() -> None:
    isolation.run(time.sleep, 0, keep_warm=True)
    isolation.wait_for_spares()
    assert set(isolation._spares) == {time.sleep.__module__}
    started = time.monotonic()
    with pytest.raises(isolation.LimitExceededError) as caught:
        isolation.run(time.sleep, 30, budget=isolation.Budget(seconds=0.5))
    assert caught.value.reason == "time"
    assert time.monotonic() - started < 10


def test_a_spare_whose_parent_drops_it_ends_without_a_request() -> None:
    isolation.run(os.getpid, keep_warm=True)
    isolation.wait_for_spares()  # the spare is started from a thread, after the call returns
    (spare,) = isolation._spares.values()
    isolation.drop_spares()
    assert spare.child.wait(timeout=10) is not None


def test_a_spare_warms_its_reader_up_and_a_child_started_for_a_file_does_not() -> None:
    # A child started for a call that is already waiting goes straight to it.
    assert isolation.run(warm_reader.warmed, keep_warm=True) is False
    isolation.wait_for_spares()
    # The spare ran the reader's warm_up() while it waited, in its own process, once.
    assert isolation.run(warm_reader.warmed) is True


def test_a_spare_whose_warm_up_fails_still_runs_its_call() -> None:
    first = isolation.run(warm_reader_failing.pid, keep_warm=True)
    isolation.wait_for_spares()
    second = isolation.run(warm_reader_failing.pid)
    assert len({first, second, os.getpid()}) == 3


def test_the_upload_check_warms_up_on_the_shipped_workbook() -> None:
    assert validate.WARM_UP_BOOK == SEED_WORKBOOK
    upload = validate.check(validate.WARM_UP_BOOK.read_bytes(), "x.xlsx", Dataset.empty())
    assert upload.ok and len(upload.frames["observations"]) > 50
    validate.warm_up()


def test_the_upload_page_starts_the_next_check_child_after_its_preview() -> None:
    validate.start_spare()
    isolation.wait_for_spares()
    (spare,) = isolation._spares.values()
    assert set(isolation._spares) == {validate.check.__module__}
    upload = validate.check_isolated(SEED_WORKBOOK.read_bytes(), "x.xlsx", Dataset.empty())
    assert upload.ok
    assert not isolation._spares  # the file took the spare; the page starts the next one itself
    assert spare.child.wait(timeout=30) == 0  # the spare ran that file and ended
