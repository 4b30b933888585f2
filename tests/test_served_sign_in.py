"""Signing in against the served app (no browser): forged addresses, the remembered device, big bodies."""

from __future__ import annotations

import asyncio
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import loadgen, serving, sign_in
from indicators.store import accounts, sessions
from indicators.store.database import Store
from indicators.text.i18n import t

ROOT = Path(__file__).resolve().parents[1]
ADMIN, PASSWORD = "quantri", "mây trắng đỉnh Pu Ta Leng"
NAME, SECRET, SUBMIT = t("auth.name", "vi"), t("auth.password", "vi"), t("auth.submit", "vi")
WAIT = sign_in.OUTCOMES["wait"]
SIGNING_IN = t("auth.signing_in", "vi")


class ForwardedTab(sign_in.ForwardedTab):
    """The benchmark's forwarded tab, keeping what its last submitted run showed."""

    def __init__(self, base_url: str, address: str) -> None:
        super().__init__(base_url, address)
        self.last = loadgen.Run(page="")


def attempt(url: str, address: str, password: str, cookies: dict[str, str] | None = None) -> ForwardedTab:
    """One sign-in attempt as the admin in a new tab; the tab keeps what the run showed in `.last`."""

    async def run() -> ForwardedTab:
        tab = ForwardedTab(url, address)
        tab.cookies.update(cookies or {})
        try:
            shown = await tab.load("dang-nhap")
            assert not shown.errors, shown.errors
            tab.last = await tab.submit({NAME: ADMIN, SECRET: password}, SUBMIT)
            assert not tab.last.errors, tab.last.errors
            if tab.last.shows(SIGNING_IN):
                assert await tab.trade_ticket(tab.last) == 204
            return tab
        finally:
            await tab.close()

    return asyncio.run(run())


def waits(tab: ForwardedTab) -> bool:
    return bool(tab.last.shows(WAIT))


def served(
    tmp_path_factory: pytest.TempPathFactory, trusted: str, script: Path = serving.PRODUCT
) -> Iterator[serving.Served]:
    folder = tmp_path_factory.mktemp("served")
    url = f"sqlite:///{folder / 'store.sqlite'}"
    accounts.add_user(Store(url).ensure(), ADMIN, "admin", PASSWORD)
    env = {
        "INDICATORS_DB": url,
        "INDICATORS_BCRYPT_ROUNDS": "4",
        "INDICATORS_TRUSTED_PROXY": trusted,
        "INDICATORS_REQUIRE_SIGN_IN": "",
        "INDICATORS_SESSION_SECRET": "a secret for this test only",
    }
    # Bound to this machine as `make run` and the deployment serve it: every peer is 127.0.0.1.
    args = ("--server.address", "127.0.0.1")
    with serving.serve(script, env, folder / "server.log", args=args) as server:
        yield server


@pytest.fixture(scope="module")
def no_proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[serving.Served]:
    """The app with no proxy configured: every peer speaks for itself."""
    yield from served(tmp_path_factory, "")


@pytest.fixture(scope="module")
def behind_nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[serving.Served]:
    """The app behind a proxy on this machine, as deploy/nginx.conf runs it."""
    yield from served(tmp_path_factory, "127.0.0.1")


def test_a_forged_address_from_a_peer_that_is_not_the_proxy_changes_nothing(no_proxy: serving.Served) -> None:
    # A new forged address for every guess: all are counted under the real peer, this machine.
    outcomes = [waits(attempt(no_proxy.url, f"198.51.100.{i}", "doan mo")) for i in range(4)]
    assert outcomes == [False, False, False, True]


def test_the_proxy_s_forwarded_address_is_honoured(behind_nginx: serving.Served) -> None:
    outcomes = [waits(attempt(behind_nginx.url, "198.51.100.20", "doan mo")) for _ in range(4)]
    assert outcomes == [False, False, False, True]
    # Another client of the proxy is not held up by that one.
    other = attempt(behind_nginx.url, "198.51.100.21", "doan mo")
    assert not waits(other) and other.last.shows(t("auth.wrong", "vi"))


def test_a_remembered_device_signs_in_while_its_office_waits(behind_nginx: serving.Served) -> None:
    office = "198.51.100.30"
    first = attempt(behind_nginx.url, office, PASSWORD)
    assert first.last.shows(SIGNING_IN) and sessions.DEVICE_COOKIE in first.cookies
    device = {sessions.DEVICE_COOKIE: first.cookies[sessions.DEVICE_COOKIE]}
    # Someone else at the office guesses the admin's password until the office must wait.
    assert waits([attempt(behind_nginx.url, office, "doan mo") for _ in range(4)][-1])
    assert waits(attempt(behind_nginx.url, office, PASSWORD))  # the owner without the device waits too
    owner = attempt(behind_nginx.url, office, PASSWORD, cookies=device)
    assert owner.last.shows(SIGNING_IN) and not waits(owner)


async def _post_chunked(url: str, megabytes: int) -> tuple[int, int]:
    """POST `megabytes` MB to the sign-in route in 1 MB chunks until it answers: (status, MB sent)."""
    host, port = url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    head = f"POST /api/sign-in HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
    writer.write(f"{head}Transfer-Encoding: chunked\r\n\r\n".encode())
    answer = asyncio.create_task(reader.readline())
    chunk, sent = b"%x\r\n" % 2**20 + b"x" * 2**20 + b"\r\n", 0
    try:
        while sent < megabytes and not answer.done():
            writer.write(chunk)
            await writer.drain()
            sent += 1
    except ConnectionError:
        pass  # the server answered and closed the connection: the rest is not read
    status = await asyncio.wait_for(answer, 30)
    writer.close()
    return int(status.split()[1]), sent


def test_a_huge_sign_in_body_is_refused_without_the_server_growing(no_proxy: serving.Served) -> None:
    before = loadgen.rss_mb(no_proxy.pid)
    status, sent = asyncio.run(_post_chunked(no_proxy.url, 200))
    grown = loadgen.rss_mb(no_proxy.pid) - before
    assert status == 413
    assert grown < 25, f"{grown:.0f} MB more after {sent} MB sent"


def test_app_py_served_alone_says_sign_in_needs_serve_py(tmp_path_factory: pytest.TempPathFactory) -> None:
    for server in served(tmp_path_factory, "", ROOT / "app.py"):
        # Served alone, app.py knows its pages only once a first session has run (see serve.py).
        asyncio.run(loadgen.open_page(server.url, ""))
        run = asyncio.run(loadgen.open_page(server.url, "dang-nhap"))
        assert not run.errors
        assert run.shows(t("auth.needs_server", "vi"))
        assert not run.shows(t("auth.intro", "vi"))  # no invitation to a form that is not there
        assert not run.shows(SECRET) and not any(SECRET in label for label in run.texts)


def test_make_run_binds_to_this_machine_only() -> None:
    # Under `make test` the parent make's variables would have this one print "Entering directory".
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    printed = subprocess.run(
        ["make", "--no-print-directory", "-n", "run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    command = printed.stdout.strip().splitlines()[-1]
    assert "serve.py" in command and "--server.address 127.0.0.1" in command
