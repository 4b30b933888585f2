"""Local accounts: roles, bcrypt password hashes in the store, and slowed-down failed sign-ins."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import bcrypt
import pandas as pd
from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from indicators.areas import official as official_areas
from indicators.core.model import AREAS
from indicators.store import passwords
from indicators.store.database import ROW_TABLES, Store, StoreError, sign_in_failures, sign_in_sessions, users
from indicators.store.passwords import MAX_PASSWORD_BYTES
from indicators.text.i18n import MessageError, msg


class Role(StrEnum):
    """Who may do what: viewers look, reporters send their area's figures, analysts change and approve
    the figures, admins manage accounts."""

    VIEWER = "viewer"
    REPORTER = "reporter"
    ANALYST = "analyst"
    ADMIN = "admin"

    def can_edit(self) -> bool:
        """Upload, commit and roll back."""
        return self in (Role.ANALYST, Role.ADMIN)

    def can_submit(self) -> bool:
        """Send figures as a submission that waits for review."""
        return self is Role.REPORTER


FREE_ATTEMPTS = 3  # failures allowed before each next attempt must wait
MAX_WAIT_SECONDS = 300
# One address across every name: an office behind one address makes typos, an attacker makes lists.
ADDRESS_FREE_ATTEMPTS = 10
ADDRESS_QUIET_SECONDS = 900  # a quarter of an hour without an attempt and the address starts afresh
CHECKS_ENV = "INDICATORS_SIGN_IN_CHECKS"
# How long an attempt waits for a free slot before it is refused as "busy": a morning's few
# sign-ins at once queue briefly, a flood is turned away at once.
SLOT_WAIT_SECONDS = 1.0
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
    busy: bool = False  # refused without checking: every slot for checking passwords was taken

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
    area: str | None = None  # the area (and its descendants) the account acts in; None: everywhere


def _stamp(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:32]


def account(store: Store, name: str) -> Account | None:
    """The account called `name` as the store holds it now; None once removed (or never made)."""
    try:
        store.ensure()
        with store.engine.connect() as conn:
            row = conn.execute(
                select(users.c.name, users.c.role, users.c.password_hash, users.c.area).where(
                    users.c.name == name.strip()
                )
            ).first()
    except SQLAlchemyError as exc:
        log.exception("account lookup failed")
        raise StoreError(msg("store.cannot_check_account")) from exc
    if row is None or row.role not in {r.value for r in Role}:
        return None
    return Account(row.name, Role(row.role), _stamp(row.password_hash), row.area or None)


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


def _place_names(store: Store) -> list[str]:
    """The area names a password must not rest on: the shipped Lai Châu list and the store's own."""
    names = official_areas.lai_chau()[0]["name"].tolist()
    with store.engine.connect() as conn:
        names += conn.execute(select(ROW_TABLES["areas"].c.name).distinct()).scalars().all()
    return list(dict.fromkeys(names))


def _check_password(store: Store, password: str, name: str = "") -> bytes:
    problem = passwords.problem(password, name, _place_names(store))
    if problem is not None:
        raise AccountError(problem)
    return password.encode()


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise AccountError(msg("accounts.unknown_role", role=role)) from None


def _check_area(store: Store, role: Role, area: str | None) -> str | None:
    """The account's area: required of a reporter, a known area code for anyone who has one."""
    area = (area or "").strip() or None
    if area is None:
        if role is Role.REPORTER:
            raise AccountError(msg("rounds.area_needed"))
        return None
    # The areas table alone: at national scale the whole store is 3.6 million figures more.
    if area not in set(store.load_table(AREAS)["code"]):
        raise AccountError(msg("rounds.unknown_area", area=area))
    return area


def add_user(store: Store, name: str, role: str, password: str, area: str | None = None) -> None:
    """Create an account; the password is stored only as a bcrypt hash; `area` holds it to an area."""
    name, checked_role = _check_name(name), _role(role)
    store.ensure()
    checked_area = _check_area(store, checked_role, area)
    raw = _check_password(store, password, name)
    with store.engine.begin() as conn:
        if conn.execute(select(users.c.name).where(users.c.name == name)).first():
            raise AccountError(msg("accounts.exists", name=name))
        conn.execute(
            insert(users).values(
                name=name,
                role=checked_role.value,
                password_hash=bcrypt.hashpw(raw, bcrypt.gensalt(rounds=_rounds())).decode(),
                created_at=datetime.now(UTC),
                area=checked_area,
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
    store.ensure()
    raw = _check_password(store, password, name)
    hashed = bcrypt.hashpw(raw, bcrypt.gensalt(rounds=_rounds())).decode()
    with store.engine.begin() as conn:
        done = conn.execute(update(users).where(users.c.name == name.strip()).values(password_hash=hashed))
        if done.rowcount == 0:
            raise AccountError(msg("accounts.no_such", name=name))
        # A new password ends every session of the account, wherever it was opened.
        conn.execute(delete(sign_in_sessions).where(sign_in_sessions.c.account == name.strip()))


def list_users(store: Store) -> pd.DataFrame:
    """Every account: name, role, created_at, area ("" for none; never the hash)."""
    store.ensure()
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(users.c.name, users.c.role, users.c.created_at, users.c.area).order_by(users.c.name)
        ).all()
    frame = pd.DataFrame(rows, columns=["name", "role", "created_at", "area"])
    return frame.assign(area=frame["area"].fillna("").astype(str))


def has_admin(store: Store) -> bool:
    """True once a first admin exists (created from the command line, never by default)."""
    store.ensure()
    with store.engine.connect() as conn:
        return conn.execute(select(users.c.name).where(users.c.role == Role.ADMIN.value)).first() is not None


def wait_for(failures: int, free: int | None = None) -> int:
    """Seconds to wait before the next attempt after `failures` failures in a row (`free` allowed)."""
    free = FREE_ATTEMPTS if free is None else free
    if failures < free:
        return 0
    return min(2 ** (failures - free + 1), MAX_WAIT_SECONDS)


@dataclass(frozen=True)
class _Bucket:
    """One count of attempts: its row's key, the failures it allows, and when it starts afresh."""

    key: str
    free: int
    quiet_seconds: int = 0  # > 0: the count starts again after this long without an attempt

    def counted(self, count: int, since_last: float) -> int:
        """The failures that still count after `since_last` seconds without an attempt."""
        return 0 if self.quiet_seconds and since_last >= self.quiet_seconds else count


def _hashed(*parts: str) -> str:
    # No name or address is stored in the clear; the kind comes first so that no two kinds share a row.
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _buckets(name: str, client: str, device: str) -> list[_Bucket]:
    """The counts an attempt is held to.

    From a device that has signed in to this account before: that device's own count, so that
    nobody else (the same office's address included) can make the account's owner wait. From
    anywhere else: the name from that address (an outsider slows down the outsider, never the
    owner elsewhere), and the address across every name (guessing many names is guessing too).
    """
    if device:
        return [_Bucket(_hashed("device", name, device), FREE_ATTEMPTS)]
    return [
        _Bucket(_hashed("name", name, client), FREE_ATTEMPTS),
        _Bucket(_hashed("address", client), ADDRESS_FREE_ATTEMPTS, ADDRESS_QUIET_SECONDS),
    ]


def _count_attempt(conn: Connection, buckets: list[_Bucket], now: datetime) -> int:
    """Count this attempt before its password is checked; or the seconds still to wait (not counted).

    The rows are locked while they are read and written (FOR UPDATE on PostgreSQL, in key order so
    that two attempts never wait on each other; the write lock on SQLite), so parallel attempts are
    counted one by one and none slips through on an old count.
    """
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    ordered = sorted(buckets, key=lambda b: b.key)
    for bucket in ordered:
        conn.execute(
            dialect.insert(sign_in_failures)
            .values(name=bucket.key, count=0, last_at=now)
            .on_conflict_do_nothing(index_elements=["name"])
        )
    counts: dict[str, int] = {}
    remaining = 0
    for bucket in ordered:
        row = conn.execute(
            select(sign_in_failures).where(sign_in_failures.c.name == bucket.key).with_for_update()
        ).one()
        last = row.last_at if row.last_at.tzinfo else row.last_at.replace(tzinfo=UTC)
        since = (now - last).total_seconds()
        counts[bucket.key] = bucket.counted(row._mapping["count"], since)
        remaining = max(remaining, wait_for(counts[bucket.key], bucket.free) - int(since))
    if remaining > 0:
        return remaining
    for bucket in ordered:
        conn.execute(
            update(sign_in_failures)
            .where(sign_in_failures.c.name == bucket.key)
            .values(count=counts[bucket.key] + 1, last_at=now)
        )
    return 0


def _forget_attempt(conn: Connection, buckets: list[_Bucket]) -> None:
    """After a match: the name's (or device's) count cleared, this attempt taken off the address's.

    The address's earlier failures stay: signing in to one's own account now and then must not
    wipe out the guesses made at others from the same address.
    """
    conn.execute(delete(sign_in_failures).where(sign_in_failures.c.name == buckets[0].key))
    for bucket in buckets[1:]:
        conn.execute(
            update(sign_in_failures)
            .where(sign_in_failures.c.name == bucket.key, sign_in_failures.c.count > 0)
            .values(count=sign_in_failures.c.count - 1)
        )


def checks_in_flight() -> int:
    """Passwords checked at once by this process: $INDICATORS_SIGN_IN_CHECKS, else half the cores."""
    raw = os.environ.get(CHECKS_ENV, "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else max(1, (os.cpu_count() or 2) // 2)


@functools.cache
def _check_slots(slots: int) -> threading.BoundedSemaphore:
    return threading.BoundedSemaphore(slots)


@contextmanager
def _check_slot() -> Iterator[bool]:
    """A slot to check a password in, or False when every slot stays taken for SLOT_WAIT_SECONDS.

    bcrypt is meant to be slow: unbounded, a crowd of guesses takes every core from the readers.
    """
    slots = _check_slots(checks_in_flight())
    got = slots.acquire(timeout=SLOT_WAIT_SECONDS)
    try:
        yield got
    finally:
        if got:
            slots.release()


def _matches(store: Store, name: str, password: str) -> Any:
    """The account row when the password is its own; None otherwise, at the same bcrypt cost."""
    with store.engine.connect() as conn:
        user = conn.execute(select(users).where(users.c.name == name)).first()
    # The same bcrypt cost whether the name exists or not: the time says nothing about it.
    stored = user.password_hash.encode() if user else _dummy_hash(_rounds())
    matched = bcrypt.checkpw(password.encode()[:MAX_PASSWORD_BYTES], stored)
    return user if matched and user is not None else None


def sign_in(
    store: Store,
    name: str,
    password: str,
    client: str = "",
    now: datetime | None = None,
    device: str = "",
) -> SignIn:
    """Check a name and password; repeated failures make the next attempt wait (see `_buckets`).

    `device` is the id of a device that has signed in to this very account before (the caller
    has checked its signature and its name). Every attempt is counted before the password is
    checked, and a name's count is cleared only by a match: parallel guesses cannot share one count.
    """
    now = now or datetime.now(UTC)
    name = name.strip()[:64]
    buckets = _buckets(name, client, device)
    try:
        store.ensure()
        with _check_slot() as free:
            if not free:
                return SignIn(None, busy=True)
            with store.engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
                remaining = _count_attempt(conn, buckets, now)
            if remaining > 0:
                return SignIn(None, wait_seconds=remaining)
            user = _matches(store, name, password)
        if user is None:
            return SignIn(None, wait_seconds=0)
        with store.engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
            _forget_attempt(conn, buckets)
        return SignIn(Role(user.role), stamp=_stamp(user.password_hash))
    except SQLAlchemyError as exc:
        log.exception("sign-in check failed")
        raise StoreError(msg("store.cannot_check_account")) from exc
