"""Local accounts: roles, bcrypt password hashes in the store, and slowed-down failed sign-ins."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import bcrypt
import pandas as pd
from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from zxcvbn import zxcvbn

from indicators.i18n import MessageError, msg
from indicators.store import Store, StoreError, sign_in_failures, sign_in_sessions, users


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
MIN_PASSWORD, MAX_PASSWORD_BYTES = 12, 72  # bcrypt reads at most 72 bytes
# zxcvbn's scale: 3 is "safely unguessable" against an online attacker and a slow hash offline.
MIN_STRENGTH = 3
_NAME = re.compile(r"^[\w.@-]{1,64}$")
log = logging.getLogger(__name__)


class AccountError(MessageError):
    """A refused account change; the message is for people, in either language."""


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in attempt."""

    role: Role | None
    wait_seconds: int = 0  # > 0: refused without checking, try again after this long
    stamp: str = ""  # the password's stamp at sign-in (see Account.stamp)

    @property
    def ok(self) -> bool:
        """True when the name and password matched."""
        return self.role is not None


@dataclass(frozen=True)
class Account:
    """An account as the store holds it now."""

    name: str
    role: Role
    # Changes whenever the password does: a session signed in under an older password is over.
    stamp: str


def _stamp(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:32]


def account(store: Store, name: str) -> Account | None:
    """The account called `name` as the store holds it now; None once removed (or never made)."""
    try:
        store.ensure()
        with store.engine.connect() as conn:
            row = conn.execute(
                select(users.c.name, users.c.role, users.c.password_hash).where(users.c.name == name.strip())
            ).first()
    except SQLAlchemyError as exc:
        log.exception("account lookup failed")
        raise StoreError(msg("store.cannot_check_account")) from exc
    if row is None or row.role not in {r.value for r in Role}:
        return None
    return Account(row.name, Role(row.role), _stamp(row.password_hash))


def _rounds() -> int:
    # Tests lower the cost through the environment; 12 rounds is bcrypt's usual strength.
    return int(os.environ.get("INDICATORS_BCRYPT_ROUNDS", "12"))


@functools.cache
def _dummy_hash(rounds: int) -> bytes:
    """A hash to check against when the name is unknown, at the cost of real hashes: same time."""
    return bcrypt.hashpw(b"not-a-password", bcrypt.gensalt(rounds=rounds))


def _check_name(name: str) -> str:
    name = name.strip()
    if not _NAME.match(name):
        raise AccountError(msg("accounts.bad_name"))
    return name


def _check_password(password: str, name: str = "") -> bytes:
    raw = password.encode()
    if len(password.strip()) < MIN_PASSWORD:
        raise AccountError(msg("accounts.short_password", n=MIN_PASSWORD))
    if len(raw) > MAX_PASSWORD_BYTES:
        raise AccountError(msg("accounts.long_password", n=MAX_PASSWORD_BYTES))
    if name and name.strip().casefold() in password.casefold():
        raise AccountError(msg("accounts.password_has_name"))
    # A maintained estimator (dictionaries, keyboard walks, dates, repeats), not a home-made list.
    if zxcvbn(password, user_inputs=[name.strip()] if name.strip() else [])["score"] < MIN_STRENGTH:
        raise AccountError(msg("accounts.guessable_password"))
    return raw


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise AccountError(msg("accounts.unknown_role", role=role)) from None


def add_user(store: Store, name: str, role: str, password: str) -> None:
    """Create an account; the password is stored only as a bcrypt hash."""
    name, checked_role = _check_name(name), _role(role)
    raw = _check_password(password, name)
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
        conn.execute(delete(sign_in_sessions).where(sign_in_sessions.c.account == name.strip()))


def set_password(store: Store, name: str, password: str) -> None:
    """Replace an account's password."""
    raw = _check_password(password, name)
    store.ensure()
    hashed = bcrypt.hashpw(raw, bcrypt.gensalt(rounds=_rounds())).decode()
    with store.engine.begin() as conn:
        done = conn.execute(update(users).where(users.c.name == name.strip()).values(password_hash=hashed))
        if done.rowcount == 0:
            raise AccountError(msg("accounts.no_such", name=name))
        # A new password ends every session of the account, wherever it was opened.
        conn.execute(delete(sign_in_sessions).where(sign_in_sessions.c.account == name.strip()))


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


def _throttle_key(name: str, client: str) -> str:
    """The row that counts failures: a name from one client address, hashed (no address is stored).

    Per name and address together: an outsider's guesses slow down the outsider, never the
    account's owner signing in from elsewhere.
    """
    return hashlib.sha256(f"{name}\n{client}".encode()).hexdigest()


def _count_attempt(conn: Connection, key: str, now: datetime) -> int:
    """Count this attempt before its password is checked; or the seconds still to wait (not counted).

    The row is locked while it is read and written (FOR UPDATE on PostgreSQL, the write lock on
    SQLite), so parallel attempts are counted one by one and none slips through on an old count:
    the count is the number of passwords checked since the last success.
    """
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    conn.execute(
        dialect.insert(sign_in_failures)
        .values(name=key, count=0, last_at=now)
        .on_conflict_do_nothing(index_elements=["name"])
    )
    row = conn.execute(
        select(sign_in_failures).where(sign_in_failures.c.name == key).with_for_update()
    ).one()
    last = row.last_at if row.last_at.tzinfo else row.last_at.replace(tzinfo=UTC)
    remaining = wait_for(row._mapping["count"]) - int((now - last).total_seconds())
    if remaining > 0:
        return remaining
    conn.execute(
        update(sign_in_failures)
        .where(sign_in_failures.c.name == key)
        .values(count=sign_in_failures.c.count + 1, last_at=now)
    )
    return 0


def sign_in(
    store: Store, name: str, password: str, client: str = "", now: datetime | None = None
) -> SignIn:
    """Check a name and password; repeated failures from one address for a name make it wait.

    Every attempt is counted before the password is checked, and the count is cleared only by a
    match: parallel guesses cannot share one count.
    """
    now = now or datetime.now(UTC)
    name = name.strip()[:64]
    key = _throttle_key(name, client)
    try:
        store.ensure()
        with store.engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
            remaining = _count_attempt(conn, key, now)
        if remaining > 0:
            return SignIn(None, wait_seconds=remaining)
        with store.engine.connect() as conn:
            user = conn.execute(select(users).where(users.c.name == name)).first()
        # The same bcrypt cost whether the name exists or not: the time says nothing about it.
        stored = user.password_hash.encode() if user else _dummy_hash(_rounds())
        matched = bcrypt.checkpw(password.encode()[:MAX_PASSWORD_BYTES], stored)
        if not matched or user is None:
            return SignIn(None, wait_seconds=0)
        with store.engine.begin() as conn:
            conn.execute(delete(sign_in_failures).where(sign_in_failures.c.name == key))
        return SignIn(Role(user.role), stamp=_stamp(user.password_hash))
    except SQLAlchemyError as exc:
        log.exception("sign-in check failed")
        raise StoreError(msg("store.cannot_check_account")) from exc
