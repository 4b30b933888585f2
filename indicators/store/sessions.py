"""Sign-in sessions: random tokens whose SHA-256 the store keeps, one-time tickets, signed cookie values."""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from itsdangerous import BadSignature, TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from indicators.store.accounts import Role
from indicators.store.database import Store, StoreError, sign_in_sessions, users
from indicators.text.i18n import msg

COOKIE_NAME = "indicators_session"
HOURS_ENV = "INDICATORS_SESSION_HOURS"
DEFAULT_HOURS = 8.0
# A ticket carries a checked password from the sign-in form to the route that sets the cookie:
# used once, within a minute.
TICKET_SECONDS = 60
_SALT = "indicators.session"
# A device that has signed in to an account: its own count of failed attempts at that account
# (indicators/store/accounts.py), so that nobody else's guesses make its owner wait.
DEVICE_COOKIE = "indicators_device"
DEVICE_DAYS = 180
_DEVICE_SALT = "indicators.device"

SESSION, TICKET = "session", "ticket"


def lifetime_seconds() -> int:
    """How long a sign-in lasts: $INDICATORS_SESSION_HOURS (default 8), at least one minute."""
    raw = os.environ.get(HOURS_ENV, "").strip().replace(",", ".")
    try:
        hours = float(raw) if raw else DEFAULT_HOURS
    except ValueError:
        hours = DEFAULT_HOURS
    return max(60, int(hours * 3600))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now(now: float | None) -> int:
    return int(time.time() if now is None else now)


def _open(store: Store, account: str, kind: str, seconds: int, now: float | None) -> str:
    token = secrets.token_urlsafe(32)
    at = _now(now)
    with store.engine.begin() as conn:
        # Expired rows go as new ones come: the table holds only live sessions and tickets.
        conn.execute(delete(sign_in_sessions).where(sign_in_sessions.c.expires_at <= at))
        conn.execute(
            insert(sign_in_sessions).values(
                token_hash=_hash(token),
                account=account,
                kind=kind,
                created_at=datetime.fromtimestamp(at, UTC),
                expires_at=at + seconds,
            )
        )
    return token


@contextmanager
def _store_errors() -> Iterator[None]:
    """A database failure as a StoreError whose message is for people."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise StoreError(msg("store.cannot_keep_session", detail=getattr(exc, "orig", exc))) from exc


def open_ticket(store: Store, account: str, now: float | None = None) -> str:
    """A one-time ticket for an account whose password was just checked."""
    with _store_errors():
        store.ensure()
        return _open(store, account, TICKET, TICKET_SECONDS, now)


def redeem(store: Store, ticket: str, now: float | None = None) -> str | None:
    """The ticket exchanged for a session token (the ticket is gone either way); None if not valid."""
    with _store_errors():
        store.ensure()
        with store.engine.begin() as conn:
            row = conn.execute(
                delete(sign_in_sessions)
                .where(sign_in_sessions.c.token_hash == _hash(ticket), sign_in_sessions.c.kind == TICKET)
                .returning(sign_in_sessions.c.account, sign_in_sessions.c.expires_at)
            ).first()
        if row is None or row.expires_at <= _now(now):
            return None
        return _open(store, row.account, SESSION, lifetime_seconds(), now)


def who(store: Store, token: str, now: float | None = None) -> tuple[str, Role] | None:
    """The account and its current role for a live session token; None when there is none."""
    with _store_errors():
        store.ensure()
        with store.engine.connect() as conn:
            row = conn.execute(
                select(users.c.name, users.c.role)
                .join(sign_in_sessions, sign_in_sessions.c.account == users.c.name)
                .where(
                    sign_in_sessions.c.token_hash == _hash(token),
                    sign_in_sessions.c.kind == SESSION,
                    sign_in_sessions.c.expires_at > _now(now),
                )
            ).first()
    if row is None or row.role not in {r.value for r in Role}:
        return None
    return row.name, Role(row.role)


def end_everywhere(store: Store, account: str) -> int:
    """Every session and ticket of an account ended: sign-out, a new password, a removed account."""
    with _store_errors():
        store.ensure()
        with store.engine.begin() as conn:
            deleted = conn.execute(delete(sign_in_sessions).where(sign_in_sessions.c.account == account))
            return int(deleted.rowcount)


def cookie_value(token: str, secret: str) -> str:
    """The token signed, as the cookie carries it."""
    return TimestampSigner(secret, salt=_SALT).sign(token).decode()


def token_of(cookie: str | None, secret: str) -> str | None:
    """The token in a cookie whose signature holds and is not older than a session; else None."""
    if not cookie:
        return None
    try:
        return TimestampSigner(secret, salt=_SALT).unsign(cookie, max_age=lifetime_seconds()).decode()
    except (BadSignature, UnicodeDecodeError):
        return None


def device_value(account: str, device: str, secret: str) -> str:
    """A device's random id and its account (hashed: no name in the cookie), signed for the cookie."""
    return URLSafeTimedSerializer(secret, salt=_DEVICE_SALT).dumps([_hash(account)[:32], device])


def new_device() -> str:
    """A fresh random device id."""
    return secrets.token_urlsafe(16)


def device_for(cookie: str | None, account: str, secret: str) -> str:
    """The device id of a cookie signed for `account` and not too old; "" for anything else."""
    if not cookie:
        return ""
    try:
        found = URLSafeTimedSerializer(secret, salt=_DEVICE_SALT).loads(cookie, max_age=DEVICE_DAYS * 86400)
    except BadSignature:
        return ""
    if not (isinstance(found, list) and len(found) == 2 and all(isinstance(x, str) and x for x in found)):
        return ""
    return found[1] if secrets.compare_digest(found[0], _hash(account.strip())[:32]) else ""
