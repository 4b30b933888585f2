"""The parsing child: one fresh process per call, a spare started ahead on a server, limits kept."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

from indicators.excel import isolation

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
    # A spare that has run a call is gone: none of the three processes is still alive.
    for pid in (first, second, third):
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


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
