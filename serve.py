"""The server: the dashboard (app.py) as an ASGI app, with the routes and middleware of signing in.

`make run` starts it with `streamlit run serve.py`, which finds `app` below and serves it.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from dashboard import proxy, session_cookie, warmup

# pages/ holds the page scripts app.py hands to st.navigation, not Streamlit's older automatic pages
# folder (the project's layout names the folder, so it keeps its name). Streamlit learns that only
# when the first session calls st.navigation; until then it serves the folder's pages, and the first
# deep link after a start gets an English "Page not found" dialog. Said here, before any session
# starts, it is what st.navigation itself sets; no public setting says it, so the flag is reached
# where Streamlit keeps it (tests/test_browser_sign_in.py opens a deep link first to check it).
PagesManager.uses_pages_directory = False

# The client's address (failed sign-ins are counted per address) is taken from X-Forwarded-For
# only on connections from $INDICATORS_TRUSTED_PROXY: set before uvicorn wraps `app` below.
try:
    proxy.install()
except proxy.ProxyAddressError as exc:
    raise SystemExit(str(exc)) from None

# The server reads the newest data before its health check says it is ready (dashboard/warmup.py).
app = st.App(
    "app.py",
    routes=session_cookie.routes(),
    middleware=[*warmup.middleware(), *session_cookie.middleware()],
    lifespan=warmup.lifespan,
)
