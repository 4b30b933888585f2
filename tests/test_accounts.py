"""Local accounts: bcrypt hashes, roles, refused changes and slowed-down failed sign-ins."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from indicators.core.model import TABLES, Dataset
from indicators.store import accounts
from indicators.store.accounts import AccountError, Role
from indicators.store.database import Store
from tests.support import prepared

# Passwords that pass the strength check: long, several unrelated words.
STRONG = "mây trắng đỉnh Pu Ta Leng"
STRONG_B = "chè Shan tuyết Bản Bo 1958"
STRONG_C = "suối Tả Lèng chảy về xuôi"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")


@pytest.fixture
def store(backend_url: str) -> Store:
    return Store(backend_url, seed=None).ensure()


def test_password_is_stored_only_as_a_bcrypt_hash(store: Store) -> None:
    accounts.add_user(store, "lan", "analyst", STRONG)
    with store.engine.connect() as conn:
        stored = conn.execute(select(accounts.users.c.password_hash)).scalar_one()
    assert stored.startswith("$2b$04$") and STRONG not in stored
    assert accounts.sign_in(store, "lan", STRONG).role is Role.ANALYST
    assert not accounts.sign_in(store, "lan", "sai-mat-khau").ok


def test_list_remove_and_change_password(store: Store) -> None:
    accounts.add_user(store, "an", "admin", STRONG)
    accounts.add_user(store, "binh", "viewer", STRONG_B)
    assert accounts.list_users(store)[["name", "role"]].values.tolist() == [
        ["an", "admin"],
        ["binh", "viewer"],
    ]
    assert "password_hash" not in accounts.list_users(store).columns
    accounts.set_password(store, "binh", STRONG_C)
    assert not accounts.sign_in(store, "binh", STRONG_B).ok
    assert accounts.sign_in(store, "binh", STRONG_C).role is Role.VIEWER
    accounts.remove_user(store, "binh")
    assert accounts.list_users(store)["name"].tolist() == ["an"]
    assert accounts.has_admin(store)


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("lan", "boss", STRONG, "Vai trò 'boss' không có"),
        ("lan", "analyst", "short", "ít nhất 12 ký tự"),
        ("lan", "analyst", "x" * 73, "dài quá 72 byte"),
        ("<script>", "analyst", STRONG, "Tên tài khoản chỉ gồm"),
        ("", "analyst", STRONG, "Tên tài khoản chỉ gồm"),
    ],
)
def test_bad_account_changes_are_refused(
    store: Store, name: str, role: str, password: str, message: str
) -> None:
    with pytest.raises(AccountError, match=message):
        accounts.add_user(store, name, role, password)
    assert accounts.list_users(store).empty


def test_duplicate_and_missing_accounts(store: Store) -> None:
    accounts.add_user(store, "lan", "analyst", STRONG)
    with pytest.raises(AccountError, match="đã có"):
        accounts.add_user(store, "lan", "viewer", STRONG)
    with pytest.raises(AccountError, match="Không có tài khoản"):
        accounts.remove_user(store, "ghost")
    with pytest.raises(AccountError, match="Không có tài khoản"):
        accounts.set_password(store, "ghost", STRONG)


def test_no_admin_exists_until_one_is_created(store: Store) -> None:
    assert not accounts.has_admin(store)
    assert not accounts.sign_in(store, "admin", "admin").ok  # no default account, no default password


def test_repeated_failures_make_the_next_attempt_wait(store: Store) -> None:
    accounts.add_user(store, "lan", "analyst", STRONG)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(accounts.FREE_ATTEMPTS):
        assert accounts.sign_in(store, "lan", "sai", now=start + timedelta(seconds=i)).wait_seconds == 0
    last = start + timedelta(seconds=accounts.FREE_ATTEMPTS - 1)
    # Now even the right password is not checked until the wait is over.
    refused = accounts.sign_in(store, "lan", STRONG, now=last + timedelta(seconds=1))
    assert not refused.ok and refused.wait_seconds == accounts.wait_for(accounts.FREE_ATTEMPTS) - 1
    later = last + timedelta(seconds=accounts.wait_for(accounts.FREE_ATTEMPTS))
    assert accounts.sign_in(store, "lan", STRONG, now=later).role is Role.ANALYST
    # Success clears the count.
    assert accounts.sign_in(store, "lan", "sai", now=later).wait_seconds == 0


def test_waits_grow_and_are_capped() -> None:
    assert [accounts.wait_for(n) for n in range(6)] == [0, 0, 0, 2, 4, 8]
    assert accounts.wait_for(50) == accounts.MAX_WAIT_SECONDS


def test_unknown_names_are_slowed_down_too(store: Store) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(accounts.FREE_ATTEMPTS):
        accounts.sign_in(store, "ghost", "x", now=start + timedelta(seconds=i))
    assert accounts.sign_in(store, "ghost", "x", now=start + timedelta(seconds=3)).wait_seconds > 0


def test_roles_that_may_edit() -> None:
    assert [r.value for r in Role] == ["viewer", "reporter", "analyst", "admin"]
    assert [r.can_edit() for r in Role] == [False, False, True, True]
    # A commune reporter sends a submission for review; nobody else does, and a reporter edits nothing.
    assert [r.can_submit() for r in Role] == [False, True, False, False]


@pytest.mark.parametrize(
    "password",
    ["password", "12345678", " " * 12, "passwordpassword", "123456789012", "lan.nguyen.2025", "aaaaaaaaaaaa"],
)
def test_weak_passwords_are_refused(store: Store, password: str) -> None:
    with pytest.raises(AccountError, match=r"ít nhất 12 ký tự|dễ đoán|tên tài khoản"):
        accounts.add_user(store, "lan.nguyen", "analyst", password)
    accounts.add_user(store, "lan.nguyen", "analyst", STRONG)
    with pytest.raises(AccountError, match=r"ít nhất 12 ký tự|dễ đoán|tên tài khoản"):
        accounts.set_password(store, "lan.nguyen", password)
    assert accounts.sign_in(store, "lan.nguyen", STRONG).ok  # the old password still holds


def test_a_password_equal_to_the_name_is_refused(store: Store) -> None:
    name = "Ban.Chi.Dao.Tam.Duong"
    with pytest.raises(AccountError, match="tên tài khoản"):
        accounts.add_user(store, name, "analyst", name.casefold())


@pytest.fixture
def with_areas(backend_url: str, seeded_file: Path) -> Store:
    """The shipped data, whose areas an account can be held to (Lai Châu 12, Bình Lư 03390...)."""
    return prepared.seeded_store(backend_url, seeded_file)


def test_an_account_is_held_only_to_an_area_the_store_knows(with_areas: Store) -> None:
    accounts.add_user(with_areas, "binhlu", "reporter", STRONG, area=" 03390 ")
    accounts.add_user(with_areas, "tinh", "analyst", STRONG_B, area="12")
    with pytest.raises(AccountError, match="Không có địa bàn mã '99999' trong danh mục"):
        accounts.add_user(with_areas, "ai.do", "reporter", STRONG_C, area="99999")
    with pytest.raises(AccountError, match="cần một địa bàn"):
        accounts.add_user(with_areas, "ai.do", "reporter", STRONG_C)
    users = accounts.list_users(with_areas)
    assert users[["name", "area"]].values.tolist() == [["binhlu", "03390"], ["tinh", "12"]]


def test_an_area_gone_from_the_newest_version_is_refused(with_areas: Store) -> None:
    data = with_areas.load()
    frames = {t.name: data.frame(t) for t in TABLES}
    frames["areas"] = data.areas[data.areas["code"] != "03405"]
    assert with_areas.commit(Dataset.from_frames(frames), account="ana").version == 2
    with pytest.raises(AccountError, match="'03405'"):
        accounts.add_user(with_areas, "taleng", "reporter", STRONG, area="03405")
    assert accounts.list_users(with_areas).empty


def test_checking_an_area_reads_the_areas_not_the_whole_store(
    with_areas: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def whole(*_args: object, **_kwargs: object) -> Dataset:
        raise AssertionError("the whole store was read to check one area code")

    monkeypatch.setattr(Store, "load", whole)
    accounts.add_user(with_areas, "binhlu", "reporter", STRONG, area="03390")
    with pytest.raises(AccountError, match="'99999'"):
        accounts.add_user(with_areas, "ai.do", "reporter", STRONG_B, area="99999")
    assert accounts.list_users(with_areas)["name"].tolist() == ["binhlu"]


@pytest.fixture
def slot_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """A checking slot for each of the 20 guesses: none is turned away as busy.

    With the default (half the cores: one slot on two), the guesses queue for it, and on a loaded
    machine those still queued after SLOT_WAIT_SECONDS were refused unchecked and uncounted. The
    slots have their own tests (test_sign_in_limits.py); these count the guesses.
    """
    monkeypatch.setenv(accounts.CHECKS_ENV, "20")


def failures(store: Store) -> list[int]:
    with store.engine.connect() as conn:
        return sorted(conn.execute(select(accounts.sign_in_failures.c.count)).scalars())


@pytest.mark.usefixtures("slot_each")
def test_parallel_wrong_guesses_are_each_counted_before_the_check(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.add_user(store, "lan", "analyst", STRONG)
    monkeypatch.setattr(accounts, "FREE_ATTEMPTS", 1000)  # no wait: every guess reaches the check
    monkeypatch.setattr(accounts, "ADDRESS_FREE_ATTEMPTS", 1000)
    checked: list[bytes] = []
    real_check = accounts.bcrypt.checkpw

    def counting_check(password: bytes, hashed: bytes) -> bool:
        checked.append(password)
        return real_check(password, hashed)

    monkeypatch.setattr(accounts.bcrypt, "checkpw", counting_check)
    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(lambda i: accounts.sign_in(store, "lan", f"sai {i}"), range(20)))
    assert [(o.ok, o.busy) for o in outcomes] == [(False, False)] * 20
    assert len(checked) == 20
    assert failures(store) == [20, 20]  # the name from this address, and the address itself


@pytest.mark.usefixtures("slot_each")
def test_parallel_guesses_past_the_free_ones_are_not_checked(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.add_user(store, "lan", "analyst", STRONG)
    checked: list[bytes] = []
    real_check = accounts.bcrypt.checkpw

    def counting_check(password: bytes, hashed: bytes) -> bool:
        checked.append(password)
        return real_check(password, hashed)

    monkeypatch.setattr(accounts.bcrypt, "checkpw", counting_check)
    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(lambda i: accounts.sign_in(store, "lan", f"sai {i}"), range(20)))
    assert not [o for o in outcomes if o.busy]
    assert len(checked) == accounts.FREE_ATTEMPTS
    assert failures(store) == [accounts.FREE_ATTEMPTS] * 2
    assert sum(o.wait_seconds > 0 for o in outcomes) == 20 - accounts.FREE_ATTEMPTS


def test_an_outsider_cannot_lock_the_owner_out(store: Store) -> None:
    accounts.add_user(store, "quantri", "admin", STRONG)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(10):
        accounts.sign_in(store, "quantri", "doan mo", client="203.0.113.9", now=start + timedelta(seconds=i))
    outsider = accounts.sign_in(
        store, "quantri", STRONG, client="203.0.113.9", now=start + timedelta(seconds=11)
    )
    assert not outsider.ok and outsider.wait_seconds > 0  # the guesser waits, even with the right password
    owner = accounts.sign_in(store, "quantri", STRONG, client="10.0.0.7", now=start + timedelta(seconds=11))
    assert owner.role is Role.ADMIN
    with store.engine.connect() as conn:  # no name or address is stored in the clear
        keys = conn.execute(select(accounts.sign_in_failures.c.name)).scalars().all()
    assert keys and all("quantri" not in k and "203.0" not in k for k in keys)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


@pytest.mark.slow
def test_unknown_and_known_names_take_the_same_time(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # The cost real hashes get in production is 12; 10 keeps the test short while bcrypt still
    # dominates the time (tens of milliseconds against a store round trip of one).
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "10")
    monkeypatch.setattr(accounts, "FREE_ATTEMPTS", 1000)
    monkeypatch.setattr(accounts, "ADDRESS_FREE_ATTEMPTS", 1000)
    accounts.add_user(store, "lan", "analyst", STRONG)
    accounts.sign_in(store, "khong.co.ai", "sai mat khau")  # the stand-in hash is made once, first
    known, unknown = [], []
    for _ in range(11):  # interleaved, so that a busy machine slows both alike
        known.append(timed(lambda: accounts.sign_in(store, "lan", "sai mat khau")))
        unknown.append(timed(lambda: accounts.sign_in(store, "khong.co.ai", "sai mat khau")))
    k, u = statistics.median(known), statistics.median(unknown)
    assert abs(k - u) / max(k, u) < 0.20, (k, u)
