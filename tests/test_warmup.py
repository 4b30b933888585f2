"""A server reads the newest data before its health check says it is ready, and follows new versions."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
import streamlit as st
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from dashboard import computed, state, warmup
from indicators.areas import compare
from indicators.core.model import Dataset
from indicators.store.database import Store, StoreError
from indicators.text.i18n import msg


@pytest.fixture
def not_ready() -> Iterator[None]:
    """The process-wide flag cleared for the test, and set again after it (other tests' servers)."""
    warmup.READY.clear()
    yield
    warmup.READY.set()


def _client() -> TestClient:
    async def ok(_request: object) -> PlainTextResponse:
        return PlainTextResponse("ok")

    app = Starlette(routes=[Route("/_stcore/health", ok), Route("/", ok)], middleware=warmup.middleware())
    return TestClient(app)


def test_the_test_client_speaks_httpx2() -> None:
    # Over plain httpx Starlette's TestClient is deprecated and warns on import: the dev lock brings httpx2.
    import starlette.testclient

    assert starlette.testclient.httpx.__name__ == "httpx2"


def test_health_says_loading_until_the_newest_version_is_read(not_ready: None) -> None:
    client = _client()
    reply = client.get("/_stcore/health")
    assert (reply.status_code, reply.text) == (503, "đang nạp số liệu · loading data")
    assert client.get("/").status_code == 200  # only the health check waits
    warmup.READY.set()
    reply = client.get("/_stcore/health")
    assert (reply.status_code, reply.text) == (200, "ok")


def test_the_reader_sets_ready_then_follows_new_versions(
    not_ready: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bool] = []
    followed = threading.Event()

    def warm() -> int:
        calls.append(warmup.READY.is_set())
        if len(calls) == 3:
            followed.set()
        return len(calls)

    monkeypatch.setattr(state, "warm", warm)
    monkeypatch.setattr(computed, "warm", lambda version: None)
    monkeypatch.setattr(warmup, "FOLLOW_SECONDS", 0.01)
    stop = threading.Event()
    thread = threading.Thread(target=warmup._warm_then_follow, args=(stop,))
    thread.start()
    assert followed.wait(10)
    stop.set()
    thread.join(10)
    assert not thread.is_alive()
    # Read before ready, then again and again after: each new version is read as it comes.
    assert calls[:3] == [False, True, True]


def test_a_store_that_cannot_be_read_does_not_hold_health_for_ever(
    not_ready: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> int:
        raise StoreError(msg("store.cannot_open"))

    monkeypatch.setattr(state, "warm", broken)
    stop = threading.Event()
    stop.set()  # no following: only the first read
    warmup._warm_then_follow(stop)
    assert warmup.READY.is_set()


def test_each_new_version_is_prepared_once_after_ready(
    not_ready: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    newest = iter([5, 5, 6, 6, 6, 7])  # the store's newest version at each look
    prepared: list[tuple[int, bool]] = []
    done = threading.Event()

    def warm() -> int:
        version = next(newest, 7)
        if version == 7:
            done.set()
        return version

    def prepare(version: int) -> None:
        prepared.append((version, warmup.READY.is_set()))
        if version == 6:
            raise StoreError(msg("store.cannot_open"))  # a failed preparation stops nothing

    monkeypatch.setattr(state, "warm", warm)
    monkeypatch.setattr(computed, "warm", prepare)
    monkeypatch.setattr(warmup, "FOLLOW_SECONDS", 0.01)
    stop = threading.Event()
    thread = threading.Thread(target=warmup._warm_then_follow, args=(stop,))
    thread.start()
    assert done.wait(10)
    stop.set()
    thread.join(10)
    assert prepared == [(5, True), (6, True), (7, True)]


def test_the_pages_shared_values_of_a_version_are_ready_before_a_reader_asks(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    st.cache_resource.clear()  # this test's store, not another test's held by the process
    st.cache_data.clear()
    version = store.current_version()
    computed.warm(version)
    # The page's own call then finds the comparison's choices in the cache: no scan of the figures.
    calls: list[int] = []
    real = compare.years_by_code

    def counted(data: Dataset) -> dict[str, list[int]]:
        calls.append(data.version)
        return real(data)

    monkeypatch.setattr(compare, "years_by_code", counted)
    codes, years = computed.compare_choices(state.dataset_at(version))
    assert calls == []
    assert years == real(store.load()) and years["POV_RATE"] == [2020, 2025] and "GTSX" in codes
    st.cache_resource.clear()
    st.cache_data.clear()


def test_the_reader_gives_freed_memory_back_every_trim_period_not_every_poll(
    not_ready: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    polls: list[int] = []
    trims: list[int] = []
    done = threading.Event()

    def warm() -> int:
        polls.append(1)
        if len(polls) == 41:
            done.set()
        return 1

    monkeypatch.setattr(state, "warm", warm)
    monkeypatch.setattr(state, "release_freed_memory", lambda: trims.append(len(polls)))
    monkeypatch.setattr(computed, "warm", lambda version: None)
    monkeypatch.setattr(warmup, "FOLLOW_SECONDS", 0.001)
    # A clock of one second a poll, whatever the machine's load: the trims fall where the period says.
    monkeypatch.setattr(warmup, "time", SimpleNamespace(monotonic=lambda: float(len(polls))))
    stop = threading.Event()
    thread = threading.Thread(target=warmup._warm_then_follow, args=(stop,))
    thread.start()
    assert done.wait(10)
    stop.set()
    thread.join(10)
    assert trims[:4] == [11, 21, 31, 41]  # every ten polls of a second, never on the ones between
