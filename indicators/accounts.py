"""Local accounts: roles, bcrypt password hashes in the store, and slowed-down failed sign-ins."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import bcrypt
import pandas as pd
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from indicators.i18n import MessageError, msg
from indicators.store import Store, StoreError, sign_in_failures, users


class Role(StrEnum):
    """Who may do what: viewers look, analysts change the figures, admins manage accounts."""

    VIEWER = "viewer"
    ANALYST = "analyst"
    ADMIN = "admin"

    def can_edit(self) -> bool:
        """Upload, commit and roll back."""
        return self in (Role.ANALYST, Role.ADMIN)


FREE_ATTEMPTS = 3  # failures allowed before each next attempt must wait
MAX_WAIT_SECONDS = 300
MIN_PASSWORD, MAX_PASSWORD_BYTES = 8, 72  # bcrypt reads at most 72 bytes
_NAME = re.compile(r"^[\w.@-]{1,64}$")
# A hash to check against when the name is unknown, so both paths take the same time.
_DUMMY_HASH = bcrypt.hashpw(b"not-a-password", bcrypt.gensalt(rounds=4))


class AccountError(MessageError):
    """A refused account change; the message is for people, in either language."""


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in attempt."""

    role: Role | None
    wait_seconds: int = 0  # > 0: refused without checking, try again after this long

    @property
    def ok(self) -> bool:
        """True when the name and password matched."""
        return self.role is not None


def _rounds() -> int:
    # Tests lower the cost through the environment; 12 rounds is bcrypt's usual strength.
    return int(os.environ.get("INDICATORS_BCRYPT_ROUNDS", "12"))


def _check_name(name: str) -> str:
    name = name.strip()
    if not _NAME.match(name):
        raise AccountError(msg("accounts.bad_name"))
    return name


def _check_password(password: str) -> bytes:
    raw = password.encode()
    if len(password) < MIN_PASSWORD:
        raise AccountError(msg("accounts.short_password", n=MIN_PASSWORD))
    if len(raw) > MAX_PASSWORD_BYTES:
        raise AccountError(msg("accounts.long_password", n=MAX_PASSWORD_BYTES))
    return raw


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise AccountError(msg("accounts.unknown_role", role=role)) from None


def add_user(store: Store, name: str, role: str, password: str) -> None:
    """Create an account; the password is stored only as a bcrypt hash."""
    name, checked_role, raw = _check_name(name), _role(role), _check_password(password)
    store.ensure()
    with store.engine.begin() as conn:
        if conn.execute(select(users.c.name).where(users.c.name == name)).first():
            raise AccountError(msg("accounts.exists", name=name))
        conn.execute(
            insert(users).values(
                name=name,
                role=checked_role.value,
                password_hash=bcrypt.hashpw(raw, bcrypt.gensalt(rounds=_rounds())).decode(),
                created_at=datetime.now(UTC),
            )
        )


def remove_user(store: Store, name: str) -> None:
    """Delete an account (the versions it made keep its name)."""
    store.ensure()
    with store.engine.begin() as conn:
        if conn.execute(delete(users).where(users.c.name == name.strip())).rowcount == 0:
            raise AccountError(msg("accounts.no_such", name=name))


def set_password(store: Store, name: str, password: str) -> None:
    """Replace an account's password."""
    raw = _check_password(password)
    store.ensure()
    hashed = bcrypt.hashpw(raw, bcrypt.gensalt(rounds=_rounds())).decode()
    with store.engine.begin() as conn:
        done = conn.execute(update(users).where(users.c.name == name.strip()).values(password_hash=hashed))
        if done.rowcount == 0:
            raise AccountError(msg("accounts.no_such", name=name))


def list_users(store: Store) -> pd.DataFrame:
    """Every account: name, role, created_at (never the hash)."""
    store.ensure()
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(users.c.name, users.c.role, users.c.created_at).order_by(users.c.name)
        ).all()
    return pd.DataFrame(rows, columns=["name", "role", "created_at"])


def has_admin(store: Store) -> bool:
    """True once a first admin exists (created from the command line, never by default)."""
    store.ensure()
    with store.engine.connect() as conn:
        return conn.execute(select(users.c.name).where(users.c.role == Role.ADMIN.value)).first() is not None


def wait_for(failures: int) -> int:
    """Seconds to wait before the next attempt after `failures` failures in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_WAIT_SECONDS)


def sign_in(store: Store, name: str, password: str, now: datetime | None = None) -> SignIn:
    """Check a name and password; repeated failures for a name make the next attempt wait."""
    now = now or datetime.now(UTC)
    name = name.strip()[:64]
    try:
        store.ensure()
        with store.engine.begin() as conn:
            failed = conn.execute(select(sign_in_failures).where(sign_in_failures.c.name == name)).first()
            if failed is not None:
                last = failed.last_at if failed.last_at.tzinfo else failed.last_at.replace(tzinfo=UTC)
                remaining = wait_for(failed._mapping["count"]) - int((now - last).total_seconds())
                if remaining > 0:
                    return SignIn(None, wait_seconds=remaining)
            user = conn.execute(select(users).where(users.c.name == name)).first()
            stored = user.password_hash.encode() if user else _DUMMY_HASH
            matched = bcrypt.checkpw(password.encode()[:MAX_PASSWORD_BYTES], stored) and user is not None
            if matched:
                conn.execute(delete(sign_in_failures).where(sign_in_failures.c.name == name))
                return SignIn(Role(user.role)) if user is not None else SignIn(None)
            if failed is None:
                conn.execute(insert(sign_in_failures).values(name=name, count=1, last_at=now))
            else:
                conn.execute(
                    update(sign_in_failures)
                    .where(sign_in_failures.c.name == name)
                    .values(count=failed._mapping["count"] + 1, last_at=now)
                )
            return SignIn(None, wait_seconds=0)
    except SQLAlchemyError as exc:
        raise StoreError(msg("store.cannot_check_account", detail=getattr(exc, "orig", exc))) from exc
