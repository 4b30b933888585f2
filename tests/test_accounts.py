"""Local accounts: bcrypt hashes, roles, refused changes and slowed-down failed sign-ins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from indicators import accounts
from indicators.accounts import AccountError, Role
from indicators.store import Store


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")


@pytest.fixture
def store(backend_url: str) -> Store:
    return Store(backend_url, seed=None).ensure()


def test_password_is_stored_only_as_a_bcrypt_hash(store: Store) -> None:
    accounts.add_user(store, "lan", "analyst", "mat-khau-dai")
    with store.engine.connect() as conn:
        stored = conn.execute(select(accounts.users.c.password_hash)).scalar_one()
    assert stored.startswith("$2b$04$") and "mat-khau-dai" not in stored
    assert accounts.sign_in(store, "lan", "mat-khau-dai").role is Role.ANALYST
    assert not accounts.sign_in(store, "lan", "sai-mat-khau").ok


def test_list_remove_and_change_password(store: Store) -> None:
    accounts.add_user(store, "an", "admin", "12345678")
    accounts.add_user(store, "binh", "viewer", "abcdefgh")
    assert accounts.list_users(store)[["name", "role"]].values.tolist() == [
        ["an", "admin"],
        ["binh", "viewer"],
    ]
    assert "password_hash" not in accounts.list_users(store).columns
    accounts.set_password(store, "binh", "moi-moi-moi")
    assert not accounts.sign_in(store, "binh", "abcdefgh").ok
    assert accounts.sign_in(store, "binh", "moi-moi-moi").role is Role.VIEWER
    accounts.remove_user(store, "binh")
    assert accounts.list_users(store)["name"].tolist() == ["an"]
    assert accounts.has_admin(store)


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("lan", "boss", "12345678", "Vai trò 'boss' không có"),
        ("lan", "analyst", "short", "ít nhất 8 ký tự"),
        ("lan", "analyst", "x" * 73, "dài quá 72 byte"),
        ("<script>", "analyst", "12345678", "Tên tài khoản chỉ gồm"),
        ("", "analyst", "12345678", "Tên tài khoản chỉ gồm"),
    ],
)
def test_bad_account_changes_are_refused(
    store: Store, name: str, role: str, password: str, message: str
) -> None:
    with pytest.raises(AccountError, match=message):
        accounts.add_user(store, name, role, password)
    assert accounts.list_users(store).empty


def test_duplicate_and_missing_accounts(store: Store) -> None:
    accounts.add_user(store, "lan", "analyst", "12345678")
    with pytest.raises(AccountError, match="đã có"):
        accounts.add_user(store, "lan", "viewer", "12345678")
    with pytest.raises(AccountError, match="Không có tài khoản"):
        accounts.remove_user(store, "ghost")
    with pytest.raises(AccountError, match="Không có tài khoản"):
        accounts.set_password(store, "ghost", "12345678")


def test_no_admin_exists_until_one_is_created(store: Store) -> None:
    assert not accounts.has_admin(store)
    assert not accounts.sign_in(store, "admin", "admin").ok  # no default account, no default password


def test_repeated_failures_make_the_next_attempt_wait(store: Store) -> None:
    accounts.add_user(store, "lan", "analyst", "dung-mat-khau")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(accounts.FREE_ATTEMPTS):
        assert accounts.sign_in(store, "lan", "sai", now=start + timedelta(seconds=i)).wait_seconds == 0
    last = start + timedelta(seconds=accounts.FREE_ATTEMPTS - 1)
    # Now even the right password is not checked until the wait is over.
    refused = accounts.sign_in(store, "lan", "dung-mat-khau", now=last + timedelta(seconds=1))
    assert not refused.ok and refused.wait_seconds == accounts.wait_for(accounts.FREE_ATTEMPTS) - 1
    later = last + timedelta(seconds=accounts.wait_for(accounts.FREE_ATTEMPTS))
    assert accounts.sign_in(store, "lan", "dung-mat-khau", now=later).role is Role.ANALYST
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
    assert [r.can_edit() for r in Role] == [False, True, True]
