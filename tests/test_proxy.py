"""The deployment example: deploy/nginx.conf in front of the app, driven in headless Chromium through it."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openpyxl
import pytest

from indicators.excel import guard as xlsx_guard
from indicators.store import accounts
from indicators.store.database import Store
from indicators.text.i18n import t
from tests.support import requires
from tests.support.appserver import CHROMIUM, CHROMIUM_ARGS, free_port, open_page, screenshot
from tests.test_browser import SHOTS, _playwright

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PASSWORD = "mây trắng đỉnh Pu Ta Leng"


def _wait_for(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"{url} did not answer:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('proxy') / 'store.sqlite'}"
    store = Store(url).ensure()
    accounts.add_user(store, "thu.nguyen", "analyst", PASSWORD)
    return url


@pytest.fixture(scope="module")
def app_port(tmp_path_factory: pytest.TempPathFactory, store_url: str) -> Iterator[int]:
    """The app on 127.0.0.1 only, believing X-Forwarded-For from the proxy (127.0.0.1), far-cell guard lifted.

    Without the guard a workbook reaching XFD1048576 makes the reader abort: only the child
    process stands between that file and the server.
    """
    _playwright()
    folder = tmp_path_factory.mktemp("proxied_app")
    port = free_port()
    env = {
        **os.environ,
        "INDICATORS_DB": store_url,
        "INDICATORS_TRUSTED_PROXY": "127.0.0.1",
        xlsx_guard.ENV_MAX_CELLS: str(10**13),
    }
    command = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    command += ["--browser.gatherUsageStats", "false"]
    log = folder / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            _wait_for(f"http://127.0.0.1:{port}/_stcore/health", proc, log)
            yield port
        finally:
            proc.terminate()
            proc.wait(timeout=20)


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory, app_port: int) -> Iterator[str]:
    """nginx with deploy/nginx.conf as shipped, but for its two ports, in a folder of its own."""
    if not Path(NGINX).exists():
        requires.absent(
            "nginx is absent: install Debian's nginx package (apt-get install nginx)", "REQUIRE_NGINX"
        )
    folder = tmp_path_factory.mktemp("nginx")
    port = free_port()
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "listen 80;" in site and "server 127.0.0.1:8501;" in site
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
    site = site.replace("server 127.0.0.1:8501;", f"server 127.0.0.1:{app_port};")
    (folder / "site.conf").write_text(site)
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / temp).mkdir()
    (folder / "nginx.conf").write_text(
        f"""
        {"user root;" if os.geteuid() == 0 else ""}
        worker_processes 1;
        error_log {folder}/error.log;
        pid {folder}/nginx.pid;
        events {{ worker_connections 256; }}
        http {{
            access_log {folder}/access.log;
            client_body_temp_path {folder}/body;
            proxy_temp_path {folder}/proxy;
            fastcgi_temp_path {folder}/fastcgi;
            uwsgi_temp_path {folder}/uwsgi;
            scgi_temp_path {folder}/scgi;
            include {folder}/site.conf;
        }}
        """
    )
    command = [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"]
    log = folder / "error.log"
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{port}/_stcore/health", proc, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def request(url: str, method: str = "GET", data: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method), timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_the_proxy_sets_security_headers_and_blocks_metrics(proxy: str, app_port: int) -> None:
    status, headers, body = request(f"{proxy}/")
    assert status == 200 and b"<html" in body.lower()
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "Tornado" not in headers.get("Server", "") and "/" not in headers.get("Server", "")
    assert request(f"{proxy}/_stcore/metrics")[0] == 403
    assert request(f"http://127.0.0.1:{app_port}/_stcore/metrics")[0] == 200  # the app has it; nginx hides it


def test_the_app_works_through_the_proxy_and_survives_a_crash_file(proxy: str, tmp_path: Path) -> None:
    with _playwright()() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        open_page(page, proxy)  # the websocket runs through nginx, or nothing is drawn
        assert page.locator("h1").first.inner_text().strip() == "Tổng quan"
        open_page(page, f"{proxy}/cap-nhat-so-lieu")
        page.get_by_label(t("auth.name", "vi")).fill("thu.nguyen")
        page.get_by_label(t("auth.password", "vi")).fill(PASSWORD)
        page.get_by_role("button", name=t("auth.submit", "vi")).click()
        page.wait_for_function(
            "() => document.querySelector('h1')?.innerText.trim() === 'Cập nhật số liệu'", timeout=60_000
        )
        page.locator("input[type=file]").set_input_files(str(far_workbook(tmp_path / "far.xlsx")))
        # The report is a data grid: its cells are in the page for screen readers, drawn on a canvas.
        refusal = page.get_by_text("Tệp quá lớn hoặc hỏng", exact=False).first
        refusal.wait_for(state="attached", timeout=120_000)
        screenshot(page, SHOTS / "proxy_crash_file_vi_1280.png", 1280)
        # The server still answers, and the next page load draws.
        assert request(f"{proxy}/_stcore/health")[0] == 200
        open_page(page, proxy)
        assert page.locator("h1").first.inner_text().strip() == "Tổng quan"
        chromium.close()


def test_a_large_sign_in_body_is_refused_by_the_proxy_and_by_the_app(proxy: str, app_port: int) -> None:
    body = b'{"ticket": "' + b"x" * 10_000 + b'"}'
    assert request(f"{proxy}/api/sign-in", "POST", body)[0] == 413
    assert request(f"http://127.0.0.1:{app_port}/api/sign-in", "POST", body)[0] == 413  # without nginx too
    assert request(f"{proxy}/api/sign-in", "POST", b'{"ticket": "nothing"}')[0] == 401


def test_a_page_loads_assets_do_not_spend_the_sign_ins_allowance(proxy: str) -> None:
    """A page's first load fetches dozens of files at once; the sign-in typed into it right after must
    still reach the app (401 for a wrong ticket here), not nginx's 429, while sign-ins have a limit."""
    with ThreadPoolExecutor(8) as pool:
        assets = list(pool.map(lambda _: request(f"{proxy}/_stcore/health")[0], range(60)))
    assert assets.count(200) == 60
    assert request(f"{proxy}/api/sign-in", "POST", b'{"ticket": "nothing"}')[0] == 401
    statuses = [request(f"{proxy}/api/sign-in", "POST", b'{"ticket": "nothing"}')[0] for _ in range(30)]
    assert 429 in statuses  # a flood of sign-ins is still turned away


# Last in the file: the flood spends the upload zone's allowance (6 a minute) for the next minute,
# which would refuse the crash file's upload above with 429.
def test_the_proxy_refuses_large_bodies_and_floods(proxy: str) -> None:
    status, _, _ = request(f"{proxy}/_stcore/upload_file/x/y", "PUT", b"x" * (22 * 1024 * 1024))
    assert status == 413
    statuses = [request(f"{proxy}/_stcore/upload_file/x/y", "PUT", b"x")[0] for _ in range(15)]
    assert 429 in statuses  # past the burst, uploads from one address are turned away
    assert request(f"{proxy}/_stcore/health")[0] == 200  # pages have their own allowance


def far_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active["A1"] = "x"
    book.active["XFD1048576"] = "y"
    out = io.BytesIO()
    book.save(out)
    path.write_bytes(out.getvalue())
    return path
