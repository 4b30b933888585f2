"""A signed-in session for AppTest: a real account in the store, its name and stamp in the session."""

from __future__ import annotations

import os

from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from dashboard import state
from indicators.store import accounts
from indicators.store.accounts import Role
from indicators.store.database import Store

ROUNDS = "INDICATORS_BCRYPT_ROUNDS"
PASSWORD = "mây trắng đỉnh Pu Ta Leng"


def sign_in(at: AppTest, name: str, role: str) -> AppTest:
    """`at`'s session signed in as `name`; the account is made (or given `role`) in $INDICATORS_DB's store.

    Rights are read from the store on every run, so a session alone grants nothing: a role that is
    no role (a forged one) makes no account, and the session is refused like any other.
    """
    at.session_state[state.ACCOUNT_KEY] = name
    at.session_state[state.ROLE_KEY] = role
    if role not in {r.value for r in Role}:
        return at
    store = Store().ensure()
    if accounts.account(store, name) is None:
        rounds = os.environ.get(ROUNDS)
        os.environ[ROUNDS] = "4"  # a cheap hash: this account is never signed in with its password
        try:
            accounts.add_user(store, name, role, PASSWORD)
        finally:
            os.environ.pop(ROUNDS) if rounds is None else os.environ.__setitem__(ROUNDS, rounds)
    else:
        with store.engine.begin() as conn:
            conn.execute(update(accounts.users).where(accounts.users.c.name == name).values(role=role))
    found = accounts.account(store, name)
    assert found is not None
    at.session_state[state.STAMP_KEY] = found.stamp
    return at
