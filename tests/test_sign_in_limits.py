"""Sign-in limits: one address across every name, a remembered device, and bcrypt checks in flight."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from indicators.store import accounts
from indicators.store.accounts import Role
from indicators.store.database import Store

STRONG = "mây trắng đỉnh Pu Ta Leng"
OFFICE = "203.0.113.9"  # one address for a whole office behind its router
START = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")


@pytest.fixture
def store(backend_url: str) -> Store:
    store = Store(backend_url, seed=None).ensure()
    accounts.add_user(store, "quantri", "admin", STRONG)
    return store


def at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


def counts(store: Store) -> list[int]:
    with store.engine.connect() as conn:
        return sorted(conn.execute(select(accounts.sign_in_failures.c.count)).scalars())


def test_one_address_guessing_many_names_is_slowed_down(store: Store) -> None:
    # A different name each time: no name's own count ever reaches its limit.
    for i in range(accounts.ADDRESS_FREE_ATTEMPTS):
        outcome = accounts.sign_in(store, f"ten.{i}", "doan mo", client=OFFICE, now=at(i))
        assert not outcome.ok and outcome.wait_seconds == 0
    last = accounts.ADDRESS_FREE_ATTEMPTS - 1
    refused = accounts.sign_in(store, "ten.moi", "doan mo", client=OFFICE, now=at(last + 1))
    assert refused.wait_seconds == accounts.wait_for(accounts.ADDRESS_FREE_ATTEMPTS, 10) - 1 == 1
    # Not counted while refused, and the wait grows with each guess let through.
    assert accounts.sign_in(store, "ten.moi", "x", client=OFFICE, now=at(last + 2)).wait_seconds == 0
    assert accounts.sign_in(store, "ten.khac", "x", client=OFFICE, now=at(last + 3)).wait_seconds == 4 - 1
    # Another address is not held up by this one.
    assert accounts.sign_in(store, "quantri", STRONG, client="10.0.0.7", now=at(last + 3)).role is Role.ADMIN
    # A quarter of an hour without attempts and the address starts afresh.
    quiet = last + 2 + accounts.ADDRESS_QUIET_SECONDS
    for i in range(accounts.ADDRESS_FREE_ATTEMPTS):
        assert accounts.sign_in(store, f"lai.{i}", "x", client=OFFICE, now=at(quiet + i)).wait_seconds == 0


def test_a_success_takes_only_its_own_attempt_off_the_address(store: Store) -> None:
    for i in range(accounts.ADDRESS_FREE_ATTEMPTS - 1):
        accounts.sign_in(store, f"ten.{i}", "doan mo", client=OFFICE, now=at(i))
    # Signing in to one's own account does not wipe out the guesses at others.
    assert accounts.sign_in(store, "quantri", STRONG, client=OFFICE, now=at(20)).ok
    assert counts(store) == [1] * (accounts.ADDRESS_FREE_ATTEMPTS - 1) + [accounts.ADDRESS_FREE_ATTEMPTS - 1]
    assert accounts.sign_in(store, "ten.a", "x", client=OFFICE, now=at(21)).wait_seconds == 0
    assert accounts.sign_in(store, "ten.b", "x", client=OFFICE, now=at(22)).wait_seconds > 0


def test_a_remembered_device_lets_the_owner_in_past_an_office_guesser(store: Store) -> None:
    # Someone at the same office keeps guessing the admin's password, once every few minutes.
    for i in range(12):
        accounts.sign_in(store, "quantri", "doan mo", client=OFFICE, now=at(300 * i))
    now = at(300 * 11 + 1)
    # Without the device cookie, the owner at the office waits like the guesser.
    assert accounts.sign_in(store, "quantri", STRONG, client=OFFICE, now=now).wait_seconds > 0
    # From the device that signed in to this account before, the right password goes through at once.
    owner = accounts.sign_in(store, "quantri", STRONG, client=OFFICE, now=now, device="thiet-bi-1")
    assert owner.role is Role.ADMIN and owner.wait_seconds == 0
    # The device has a count of its own: a stolen device cookie still gets three guesses, then waits.
    for i in range(accounts.FREE_ATTEMPTS):
        assert not accounts.sign_in(store, "quantri", "sai", client=OFFICE, now=at(3302 + i), device="d2").ok
    stolen = accounts.sign_in(store, "quantri", STRONG, client=OFFICE, now=at(3305), device="d2")
    assert stolen.wait_seconds > 0
    # …while the first device still signs in, and the guesser still waits.
    assert accounts.sign_in(store, "quantri", STRONG, client=OFFICE, now=at(3306), device="thiet-bi-1").ok
    assert accounts.sign_in(store, "quantri", STRONG, client=OFFICE, now=at(3306)).wait_seconds > 0


def test_checks_in_flight_are_bounded_and_the_rest_refused_at_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(accounts.CHECKS_ENV, "2")
    monkeypatch.setattr(accounts, "SLOT_WAIT_SECONDS", 0.05)
    monkeypatch.setattr(accounts, "ADDRESS_FREE_ATTEMPTS", 1000)
    in_flight, most = 0, 0
    lock = threading.Lock()
    real_check = accounts.bcrypt.checkpw

    def slow_check(password: bytes, hashed: bytes) -> bool:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        time.sleep(0.3)  # bcrypt at its production cost, roughly
        with lock:
            in_flight -= 1
        return real_check(password, hashed)

    monkeypatch.setattr(accounts.bcrypt, "checkpw", slow_check)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(lambda i: accounts.sign_in(store, f"ten.{i}", "x", client=OFFICE), range(8)))
    assert most == 2
    assert sum(o.busy for o in outcomes) == 6 and sum(not o.busy for o in outcomes) == 2
    assert time.perf_counter() - started < 2  # refused at once, not queued behind 8 × 0.3 s
    # A refused attempt was never counted: the address's count holds the two checked.
    assert max(counts(store)) == 2
    assert accounts.sign_in(store, "quantri", STRONG, client=OFFICE).ok  # the slots are free again


def test_the_number_of_slots_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(accounts.CHECKS_ENV, "3")
    assert accounts.checks_in_flight() == 3
    for bad in ("0", "-1", "many", ""):
        monkeypatch.setenv(accounts.CHECKS_ENV, bad)
        assert accounts.checks_in_flight() >= 1
