"""Two app servers over one PostgreSQL store behind nginx: sticky sessions, new versions on each."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bench import loadgen, multi, session_client
from tests.support import requires

pytestmark = pytest.mark.postgres


def test_two_servers_behind_nginx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")  # the servers inherit it: quick sign-ins
    admin_url = os.environ.get(multi.PG_ENV)
    if not admin_url:
        requires.absent(
            f"no PostgreSQL server configured: set {multi.PG_ENV} (see .ci/postgres.sh)", "REQUIRE_POSTGRES"
        )
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        requires.absent("nginx is not installed (apt-get install nginx)", "REQUIRE_NGINX")
    with multi.database(admin_url) as store_url, multi.cluster(store_url, 2) as (urls, _, proxy_url, log):
        report = multi.check(store_url, urls, proxy_url, log, sessions=10)
        # The proxy carried the websockets of its two loads and of its sign-in (the form, then the
        # reload with the cookie), and only those (the direct checks bypass it).
        assert sum(multi.streams_per_server(log).values()) == 10 + 10 + 2
    assert report.problems == []
    # Every check ran: version 1 on each server, the proxy's load, its spread, sign-in on each server
    # and through the proxy, stickiness, a forged server cookie, the import, version 2 on each server,
    # the proxy's load again.
    assert len(report.lines) == 13
    # The proxy sends new tabs to its servers in turn: ten tabs are five on each, never by chance ten on one.
    assert any("over 2 of 2 servers" in line and ": 5, " in line for line in report.lines)


def test_no_run_mixes_two_versions_behind_nginx_while_an_import_commits() -> None:
    # `python -m bench.multi --capacity 20,50` in small: the sessions reach two servers through the
    # proxy while the command line imports; each run shows one version, from its header to its charts.
    admin_url = os.environ.get(multi.PG_ENV)
    if not admin_url:
        requires.absent(
            f"no PostgreSQL server configured: set {multi.PG_ENV} (see .ci/postgres.sh)", "REQUIRE_POSTGRES"
        )
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        requires.absent("nginx is not installed (apt-get install nginx)", "REQUIRE_NGINX")
    with multi.database(admin_url) as store_url, multi.cluster(store_url, 2) as (_, pids, proxy_url, log):
        env = {**os.environ, "INDICATORS_DB": store_url}
        _, rows = loadgen.capacity(proxy_url, pids, [20, 50], session_client.DEFAULT_PAGES, store_url, env)
        served = multi.streams_per_server(log)
    assert [r.import_ok for r in rows] == [True, True]
    assert [r.errors for r in rows] == [[], []]
    assert [len(r.runs) for r in rows] == [20, 50]
    assert [r.mixed for r in rows] == [0, 0]
    assert len(served) == 2  # both servers drew pages
