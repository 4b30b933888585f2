"""Several app servers over one PostgreSQL store behind nginx with sticky sessions, and checks that show it.

    python -m bench.multi                 # 2 servers: start, check, stop (exit 1 if a check fails)
    python -m bench.multi --servers 3 --sessions 60
    python -m bench.multi --serve         # start, check, then keep serving until Ctrl-C

The store is a new database on the PostgreSQL server of $INDICATORS_TEST_PG_URL (see
.ci/postgres.sh), dropped at the end; everything listens on the loopback interface only, on free
ports. The nginx configuration is written from NGINX_CONF below into a temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench import loadgen, session_client

PG_ENV = "INDICATORS_TEST_PG_URL"
# Sticky sessions by a cookie: a browser's first request has none and goes to the next server in
# turn; the cookie set on that answer names the server that answered, so the websocket and every
# later request (uploads, downloads) of that tab reach the same server, which holds its session.
# Only the servers listed are taken from the cookie (any other value goes round again), so a cookie
# cannot send the proxy anywhere else. Not ip_hash, nor a hash of a random id: a whole office behind
# one address would land on one server, and a hash may by chance put ten tabs on one of two servers.
NGINX_CONF = """
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
daemon off;
events {{ worker_connections 4096; }}
http {{
    log_format upstream '$request_uri $upstream_addr $status $sticky';
    access_log {tmp}/access.log upstream;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
    map $cookie_indicators_server $sticky {{ '' $request_id; default $cookie_indicators_server; }}
    map $cookie_indicators_server $pinned {{
        default dashboard;
{pins}
    }}
    upstream dashboard {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 20m;
        location / {{
            proxy_pass http://$pinned;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 1h;
            add_header Set-Cookie "indicators_server=$upstream_addr; Path=/; HttpOnly; SameSite=Lax" always;
        }}
    }}
}}
"""


@contextmanager
def database(admin_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for the run; dropped at the end."""
    name = f"indicators_multi_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def proxy(upstreams: list[str]) -> Iterator[tuple[str, Path]]:
    """nginx in front of `upstreams` (http://host:port), on a free loopback port: (url, access log)."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("nginx is not installed (Debian: apt-get install nginx)")
    with tempfile.TemporaryDirectory(prefix="indicators-nginx-") as tmp:
        port = loadgen.free_port()
        hosts = [u.removeprefix("http://") for u in upstreams]
        servers = "\n".join(f"        server {h};" for h in hosts)
        pins = "\n".join(f'        "{h}" {h};' for h in hosts)
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(NGINX_CONF.format(tmp=tmp, port=port, servers=servers, pins=pins), encoding="utf-8")
        Path(tmp).chmod(0o755)  # workers may run as another user and must reach their temp folders
        proc = subprocess.Popen(
            [nginx, "-p", tmp, "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        url = f"http://127.0.0.1:{port}"
        try:
            loadgen.wait_healthy(url, proc, seconds=30)
            yield url, Path(tmp) / "access.log"
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def streams_per_server(access_log: Path) -> Counter[str]:
    """How many websocket sessions nginx sent to each server, from its access log."""
    found: Counter[str] = Counter()
    for line in access_log.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith("/_stcore/stream"):
            found[parts[1]] += 1
    return found


def unstuck(access_log: Path) -> list[str]:
    """Sticky keys whose requests reached more than one server (empty when sessions stuck)."""
    servers: dict[str, set[str]] = {}
    for line in access_log.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 4:
            servers.setdefault(parts[3], set()).add(parts[1])
    return [key for key, where in servers.items() if len(where) > 1]


SIGN_IN_PAGE, UPLOAD_PAGE = "dang-nhap", "cap-nhat-so-lieu"


async def sign_in(url: str, name: str, password: str) -> tuple[session_client.Run, session_client.Run]:
    """A new tab at `url` opens the sign-in page and signs in: (the page load, the run after it)."""
    from indicators.text.i18n import t

    tab = session_client.Tab(url)
    try:
        shown = await tab.load(SIGN_IN_PAGE)
        if shown.errors:
            return shown, shown
        typed = {t("auth.name", "vi"): name, t("auth.password", "vi"): password}
        submitted = await tab.submit(typed, t("auth.submit", "vi"))
        if submitted.errors:
            return shown, submitted
        # As the form's script does: the ticket traded for the cookie, then the address reloaded.
        status = await tab.trade_ticket(submitted)
        if status != 204:
            submitted.errors.append(f"HTTP {status} trading the sign-in ticket for the cookie")
            return shown, submitted
        await tab.close()
        return shown, await tab.load(UPLOAD_PAGE)
    finally:
        await tab.close()


def _signs_in(report: Report, url: str, name: str, password: str, where: str) -> None:
    from indicators.text.i18n import t

    shown, after = asyncio.run(sign_in(url, name, password))
    # Before: the upload page's address leads to the sign-in form; after: to the upload page.
    upload = t("page.upload", "vi")
    ok = not after.errors and shown.pages.get(UPLOAD_PAGE) != upload == after.pages.get(UPLOAD_PAGE)
    signed = any(name in text for text in after.texts)
    report.check(
        ok and signed,
        f"sign-in {where}: upload page in the menu {'yes' if ok else 'NO'},"
        f" name shown {'yes' if signed else 'NO'}" + (f"; {after.errors[0]}" if after.errors else ""),
    )


@dataclass
class Report:
    """What the checks saw; `problems` is empty when every check passed."""

    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def check(self, ok: bool, line: str) -> None:
        """Record one check: its line, and a problem when it failed."""
        self.lines.append(f"{'ok ' if ok else 'NO '} {line}")
        if not ok:
            self.problems.append(line)


def _through_proxy(report: Report, url: str, sessions: int, version: int, markers: dict[int, str]) -> None:
    runs, wall = asyncio.run(session_client.load(url, sessions))
    errors = [e for r in runs for e in r.errors]
    mixes = sum(loadgen.mixed(r, markers) for r in runs)
    seen = Counter(r.version for r in runs)
    report.check(
        not errors and not mixes and set(seen) == {version},
        f"{sessions} sessions through the proxy in {wall:.1f} s: {len(errors)} errors, {mixes} mixed, "
        f"versions {dict(seen)} (expected all {version})" + (f"; first error: {errors[0]}" if errors else ""),
    )


def _on_every_server(report: Report, servers: list[str], version: int, figure: str) -> None:
    for url in servers:
        run = asyncio.run(session_client.open_page(url))
        report.check(
            not run.errors and run.version == version and run.shows(figure),
            f"{url}: next page load shows version {run.version} (expected {version}),"
            f" GTSX 2020 {'= ' + figure if run.shows(figure) else 'not ' + figure}"
            + (f"; {run.errors[0]}" if run.errors else ""),
        )


def _forged_cookie(report: Report, proxy_url: str, servers: list[str]) -> None:
    """A cookie naming no server of the proxy's is answered by a listed one, which the new cookie names."""
    request = urllib.request.Request(
        f"{proxy_url}/_stcore/health", headers={"Cookie": "indicators_server=169.254.169.254:80"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        status, cookies = answer.status, answer.headers.get_all("Set-Cookie") or []
    pairs = [c.split(";", 1)[0].partition("=") for c in cookies]
    named = next((value for key, _, value in pairs if key == "indicators_server"), "")
    listed = [u.removeprefix("http://") for u in servers]
    report.check(
        status == 200 and named in listed,
        f"a forged server cookie: HTTP {status}, answered by {named or 'nobody'}"
        f" (listed: {', '.join(listed)})",
    )


def check(store_url: str, servers: list[str], proxy_url: str, access_log: Path, sessions: int) -> Report:
    """Every check of the multi-server set-up, on servers already running over `store_url`."""
    from indicators.store.database import Store

    report = Report()
    markers = {1: loadgen.OLD, 2: loadgen.NEW}
    # Every server answers with the store's version 1 (this also warms each one's caches).
    _on_every_server(report, servers, 1, loadgen.OLD)
    _through_proxy(report, proxy_url, sessions, 1, markers)
    spread = streams_per_server(access_log)
    report.check(
        len(spread) == len(servers),
        f"the proxy spread the sessions over {len(spread)} of {len(servers)} servers: {dict(spread)}",
    )
    # Accounts live in the store: one made once signs in on every server and through the proxy.
    name, password = "can-bo", uuid.uuid4().hex
    from indicators.store import accounts

    accounts.add_user(Store(store_url, seed=None), name, "analyst", password)
    for url in servers:
        _signs_in(report, url, name, password, f"on {url}")
    _signs_in(report, proxy_url, name, password, "through the proxy")
    moved = unstuck(access_log)
    report.check(
        not moved, f"sticky: each tab's requests and websocket reached one server, {len(moved)} moved"
    )
    _forged_cookie(report, proxy_url, servers)
    # A new version written by one writer reaches every server at its next page load: each keys
    # its caches by the version it reads from the store on every run, none needs a restart.
    with tempfile.TemporaryDirectory() as tmp:
        workbook = loadgen.changed_workbook(Path(tmp), store_url)
        env = {**os.environ, "INDICATORS_DB": store_url}
        command = [sys.executable, "-m", "indicators", "import", str(workbook), "--account", "bench"]
        done = subprocess.run(
            [*command, "--note", "multi"], cwd=loadgen.ROOT, env=env, capture_output=True, text=True
        )
    report.check(
        done.returncode == 0 and Store(store_url, seed=None).current_version() == 2,
        f"import through the command line: {(done.stdout + done.stderr).strip().splitlines()[-1:]}",
    )
    _on_every_server(report, servers, 2, loadgen.NEW)
    _through_proxy(report, proxy_url, sessions, 2, markers)
    return report


@contextmanager
def cluster(store_url: str, count: int) -> Iterator[tuple[list[str], list[int], str, Path]]:
    """`count` app servers over `store_url` and nginx in front: (server urls, pids, proxy url, log)."""
    from indicators.store.database import Store

    Store(store_url).ensure()  # version 1 from data/, before any server reads it
    env = {**os.environ, "INDICATORS_DB": store_url}
    with ExitStack() as stack:
        started = [stack.enter_context(loadgen.streamlit_server(env)) for _ in range(count)]
        urls, pids = [u for u, _ in started], [p for _, p in started]
        proxy_url, access_log = stack.enter_context(proxy(urls))
        yield urls, pids, proxy_url, access_log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.multi", description=__doc__.splitlines()[0])
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--sessions", type=int, default=30, help="sessions through the proxy per check")
    parser.add_argument("--serve", action="store_true", help="keep serving after the checks")
    parser.add_argument("--capacity", help="then levels of sessions through the proxy, e.g. 1,20,50,100")
    args = parser.parse_args(argv)
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        raise SystemExit(f'needs PostgreSQL: export {PG_ENV}="$(bash .ci/postgres.sh)"')
    with database(admin_url) as store_url, cluster(store_url, args.servers) as (urls, pids, proxy_url, log):
        start = time.perf_counter()
        report = check(store_url, urls, proxy_url, log, args.sessions)
        print(f"{args.servers} servers {', '.join(urls)} behind nginx at {proxy_url}, one PostgreSQL store")
        print("\n".join(report.lines))
        memory = ", ".join(f"{loadgen.rss_mb(p):.0f}" for p in pids)
        print(f"checks took {time.perf_counter() - start:.1f} s; server memory (MB): {memory}")
        print(loadgen.machine_load())
        if args.capacity:
            env = {**os.environ, "INDICATORS_DB": store_url}
            levels = [int(n) for n in args.capacity.split(",")]
            single, rows = loadgen.capacity(
                proxy_url, pids, levels, session_client.DEFAULT_PAGES, store_url, env
            )
            loadgen.print_table(single, rows, f" through nginx, {args.servers} servers, PostgreSQL")
            report.problems += [
                f"{r.sessions} sessions: errors or mixed" for r in rows if r.errors or r.mixed
            ]
        if args.serve:
            print(f"serving at {proxy_url} until Ctrl-C; the store: INDICATORS_DB={store_url}")
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass
    return 1 if report.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
