"""Streamlit sessions without a browser: the websocket protocol's own messages, timed, with the version seen.

Each session does what a browser does for a page load, minus drawing: fetches the page and the
server's health and host config over HTTP (keeping cookies, for a proxy's sticky sessions), opens
`/_stcore/stream`, sends the `rerun_script` BackMsg a fresh tab sends (query string, page name from
the address, no widget states, no cached messages), reads ForwardMsgs until `script_finished`, and
keeps the text of what it was sent. A `Tab` can also type into a form and press its button.

    python -m bench.loadgen capacity [--sessions 1,20,50,100] [--db URL]
    python -m bench.loadgen run http://127.0.0.1:8501 --sessions 20 --pages ,muc-tieu-2025,kinh-te
    python -m bench.loadgen compare OLD_CHECKOUT NEW_CHECKOUT [--sessions 20 --rounds 5]
    python -m bench.loadgen browser [--rounds 7]

`capacity` starts its own server on a temporary store and measures each level of concurrent
sessions while an import runs; `run` loads pages from a server already running (or a proxy);
`compare` alternates between two checkouts of the app for per-session time and CPU; `browser`
sets one viewer in headless Chromium beside this client.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Awaitable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.Markdown_pb2 import Markdown

ROOT = Path(__file__).resolve().parents[1]
# The pages a viewer opens most, by address: the overview, the 2025 goals, the economy domain.
# The comparison page does not exist yet; add its address here when it does.
DEFAULT_PAGES = ("", "muc-tieu-2025", "kinh-te")
# Every data page's header caption ends with the data version it shows ("… dữ liệu phiên bản 3." /
# "… data version 3."), written from the same Dataset the page draws; the sources named before
# it may carry versions of their own ("tệp tải lên (phiên bản 2)"), which are not the page's.
VERSION = re.compile(r"(?:dữ liệu phiên bản|data version) (\d+)")
TIMEZONE = "Asia/Ho_Chi_Minh"


@dataclass
class Run:
    """One session's page load: how long to `script_finished`, what it showed, what went wrong."""

    page: str
    seconds: float = float("nan")
    versions: list[int] = field(default_factory=list)  # every version named in the run's captions
    texts: list[str] = field(default_factory=list)  # markdown, headings, metrics, alerts, in order
    errors: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)  # st.html bodies: the sign-in form's script is one
    pages: dict[str, str] = field(default_factory=dict)  # the run's navigation: url path → title
    messages: int = 0
    received_bytes: int = 0

    @property
    def version(self) -> int | None:
        """The one data version the run showed; None when it named none or several."""
        return self.versions[0] if len(set(self.versions)) == 1 else None

    def shows(self, text: str) -> bool:
        """True when any text element of the run contains `text`."""
        return any(text in t for t in self.texts)


def _client_state(msg: BackMsg, url: str, page: str, query: str) -> None:
    """The first `rerun_script` of a fresh tab at `url`: page by address, no widgets, nothing cached."""
    state = msg.rerun_script
    state.query_string = query
    state.page_script_hash = ""  # unknown on a first load: the server resolves the page by name
    state.page_name = page  # the url path of an st.Page ("" is the default page)
    state.widget_states.SetInParent()
    state.context_info.timezone = TIMEZONE
    state.context_info.timezone_offset = -420  # minutes, as JavaScript's getTimezoneOffset gives it
    state.context_info.locale = "vi-VN"
    state.context_info.url = url
    state.context_info.color_scheme = "light"


async def _http_get(host: str, port: int, path: str, cookies: dict[str, str]) -> int:
    """A bare HTTP/1.1 GET (the browser's requests before the websocket); returns the status.

    Cookies the server (or a proxy's sticky-session rule) sets are kept in `cookies` and sent
    back, as a browser would.
    """
    reader, writer = await asyncio.open_connection(host, port)
    try:
        request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
        if cookies:
            request += f"Cookie: {'; '.join(f'{k}={v}' for k, v in cookies.items())}\r\n"
        writer.write(f"{request}\r\n".encode())
        await writer.drain()
        status_line = await reader.readline()
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "set-cookie":
                key, _, rest = value.strip().partition("=")
                cookies[key] = rest.split(";", 1)[0]
        while await reader.read(65536):  # drain the body so the server finishes its response
            pass
    finally:
        writer.close()
    return int(status_line.split()[1]) if status_line else 0


async def _http_post_json(host: str, port: int, path: str, body: bytes, cookies: dict[str, str]) -> int:
    """A bare HTTP/1.1 POST of a JSON body, as the page's own script sends it; cookies kept as by GET."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        request = f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
        request += f"Origin: http://{host}:{port}\r\nContent-Type: application/json\r\n"
        request += f"Content-Length: {len(body)}\r\n"
        if cookies:
            request += f"Cookie: {'; '.join(f'{k}={v}' for k, v in cookies.items())}\r\n"
        writer.write(f"{request}\r\n".encode() + body)
        await writer.drain()
        status_line = await reader.readline()
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "set-cookie":
                key, _, rest = value.strip().partition("=")
                cookies[key] = rest.split(";", 1)[0]
        while await reader.read(65536):
            pass
    finally:
        writer.close()
    return int(status_line.split()[1]) if status_line else 0


# The sign-in form's script carries a one-time ticket ("ticket: <JSON string>", dashboard/auth.py).
TICKET = re.compile(r"ticket: (\"[^\"]*\")")


def _collect(element: object, run: Run, widgets: dict[str, str]) -> None:
    """Keep the text of one new element and the ids of inputs and buttons; an exception is an error."""
    kind = element.WhichOneof("type")  # type: ignore[attr-defined]
    if kind in ("text_input", "button"):
        widget = getattr(element, kind)
        widgets[widget.label] = widget.id
    if kind == "html":
        run.html.append(element.html.body)  # type: ignore[attr-defined]
    if kind == "exception":
        exc = element.exception  # type: ignore[attr-defined]
        run.errors.append(f"exception on page: {exc.type}: {exc.message}")
    elif kind == "markdown":
        body = element.markdown.body  # type: ignore[attr-defined]
        run.texts.append(body)
        if element.markdown.element_type == Markdown.Type.CAPTION:  # type: ignore[attr-defined]
            run.versions += [int(v) for v in VERSION.findall(body)]
    elif kind == "heading":
        run.texts.append(element.heading.body)  # type: ignore[attr-defined]
    elif kind == "metric":
        run.texts += [element.metric.label, element.metric.body]  # type: ignore[attr-defined]
    elif kind == "alert":
        run.texts.append(element.alert.body)  # type: ignore[attr-defined]


class Tab:
    """One browser tab: its cookies, its websocket, the page it shows and the widgets on it."""

    def __init__(self, base_url: str, lang: str = "vi") -> None:
        parts = urlsplit(base_url)
        self.base_url = base_url.rstrip("/")
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.stream = f"ws://{self.host}:{self.port}{parts.path.rstrip('/')}/_stcore/stream"
        self.query = "" if lang == "vi" else f"lang={lang}"
        self.cookies: dict[str, str] = {}
        self.page_hash = ""  # the page the server last ran, as the browser keeps it for reruns
        self.widgets: dict[str, str] = {}  # label → widget id, of text inputs and buttons
        self._ws: websockets.ClientConnection | None = None

    async def open(self, page: str, run: Run) -> None:
        """What a browser does before the websocket's first message: the page, health, host config."""
        for path in (f"/{page}", "/_stcore/health", "/_stcore/host-config"):
            status = await _http_get(self.host, self.port, path, self.cookies)
            if status != 200:
                run.errors.append(f"HTTP {status} for {path}")
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self._ws = await websockets.connect(
            self.stream,
            subprotocols=["streamlit"],  # type: ignore[list-item]
            additional_headers={"Cookie": cookie} if cookie else {},
            max_size=None,
            compression=None,
        )

    async def close(self) -> None:
        """Close the websocket, as closing the tab does."""
        if self._ws is not None:
            await self._ws.close()

    async def rerun(self, msg: BackMsg, run: Run) -> None:
        """Send one BackMsg and read ForwardMsgs until the script has finished its last run."""
        assert self._ws is not None
        await self._ws.send(msg.SerializeToString())
        async for frame in self._ws:
            data = frame if isinstance(frame, bytes) else frame.encode()
            run.messages += 1
            run.received_bytes += len(data)
            reply = ForwardMsg()
            reply.ParseFromString(data)
            kind = reply.WhichOneof("type")
            if kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
                _collect(reply.delta.new_element, run, self.widgets)
            elif kind == "navigation":
                self.page_hash = reply.navigation.page_script_hash
                run.pages = {p.url_pathname: p.page_name for p in reply.navigation.app_pages}
            elif kind == "page_not_found":
                run.errors.append(f"page not found: {run.page!r}")
            elif kind == "session_event" and reply.session_event.HasField("script_compilation_exception"):
                run.errors.append("the script did not compile")
            elif kind == "script_finished":
                if reply.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    # st.rerun: the run that counts comes next, drawn afresh.
                    run.texts, run.versions = [], []
                    continue
                if reply.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    run.errors.append(f"script finished with status {reply.script_finished}")
                return
        run.errors.append("the server closed the connection before the script finished")

    async def load(self, page: str) -> Run:
        """Open `page` in this tab as a fresh load; never raises, errors are in the Run."""
        run = Run(page=page)
        url = f"{self.base_url}/{page}" + (f"?{self.query}" if self.query else "")
        hello = BackMsg()
        _client_state(hello, url, page, self.query)
        start = time.perf_counter()
        await _guarded(self.open(page, run), run)
        if not run.errors:
            await _guarded(self.rerun(hello, run), run)
        if not run.errors:
            run.seconds = time.perf_counter() - start
        return run

    async def trade_ticket(self, run: Run) -> int:
        """What the sign-in form's script does: the ticket of `run` traded for the session cookie.

        Returns the HTTP status (204 when the cookie was set), 0 when the run carried no ticket.
        """
        found = next((m for body in run.html if (m := TICKET.search(body))), None)
        if found is None:
            return 0
        body = json.dumps({"ticket": json.loads(found.group(1))}).encode()
        return await _http_post_json(self.host, self.port, "/api/sign-in", body, self.cookies)

    async def submit(self, values: dict[str, str], button: str) -> Run:
        """Type `values` into the text inputs of those labels and press the (form) button `button`."""
        run = Run(page=self.page_hash)
        msg = BackMsg()
        _client_state(msg, self.base_url, "", self.query)
        msg.rerun_script.page_script_hash = self.page_hash
        states = msg.rerun_script.widget_states.widgets
        for label, value in values.items():
            states.add(id=self.widgets[label], string_value=value)
        states.add(id=self.widgets[button], trigger_value=True)
        start = time.perf_counter()
        await _guarded(self.rerun(msg, run), run)
        if not run.errors:
            run.seconds = time.perf_counter() - start
        return run


async def _guarded(step: Awaitable[None], run: Run, timeout: float = 180) -> None:
    """Await one step of a tab; a timeout or a broken connection becomes an error of the run."""
    try:
        async with asyncio.timeout(timeout):
            await step
    except TimeoutError:
        run.errors.append(f"no finished run within {timeout:.0f} s")
    except (OSError, websockets.WebSocketException) as exc:
        run.errors.append(f"{type(exc).__name__}: {exc}")


async def open_page(base_url: str, page: str = "", lang: str = "vi") -> Run:
    """One viewer opens one page in a new tab, then closes it; never raises, errors are in the Run."""
    tab = Tab(base_url, lang)
    try:
        return await tab.load(page)
    finally:
        await tab.close()


async def load(
    base_url: str, sessions: int, pages: Sequence[str] = DEFAULT_PAGES, lang: str = "vi"
) -> tuple[list[Run], float]:
    """`sessions` viewers at once, pages handed out in turn; the runs and the wall time of the batch."""
    start = time.perf_counter()
    runs = await asyncio.gather(*(open_page(base_url, pages[i % len(pages)], lang) for i in range(sessions)))
    return list(runs), time.perf_counter() - start


# Summaries ---------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..1) of the finite values; NaN when there are none."""
    finite = sorted(v for v in values if v == v)
    if not finite:
        return float("nan")
    return finite[max(0, min(len(finite) - 1, round(q * len(finite) + 0.5) - 1))]


def mixed(run: Run, markers: dict[int, str] | None = None) -> bool:
    """True when a run showed more than one version, none, or a figure of another version than it named.

    `markers` maps a version to a figure only that version shows (on the pages where it appears).
    """
    if run.errors:
        return False  # counted as an error, not as a mix
    if run.version is None:
        return True
    return any(v != run.version and run.shows(text) for v, text in (markers or {}).items())


# Servers -----------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port nobody listens on at the moment, on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen | None = None, seconds: float = 90) -> None:
    """Wait until `url`/_stcore/health answers; SystemExit if the server dies or takes too long."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            if (proc is not None and proc.poll() is not None) or time.monotonic() > deadline:
                raise SystemExit(f"no server answered at {url}") from None
            time.sleep(0.3)


@contextmanager
def streamlit_server(
    env: dict[str, str], port: int | None = None, app: Path = ROOT
) -> Iterator[tuple[str, int]]:
    """`streamlit run app.py` of the project at `app`, on the loopback interface: (url, pid)."""
    port = port or free_port()
    command = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    command += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(command, cwd=app, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _tree(pid: int) -> list[int]:
    """A process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB, from /proc."""
    total = 0.0
    for current in _tree(pid):
        try:
            status = (Path("/proc") / str(current) / "status").read_text()
        except OSError:
            continue
        found = re.search(r"VmRSS:\s+(\d+)", status)
        total += int(found.group(1)) / 1024 if found else 0.0
    return total


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process and its descendants have used so far, from /proc."""
    ticks = 0
    for current in _tree(pid):
        try:
            fields = (Path("/proc") / str(current) / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def machine_load() -> str:
    """The load average now, to read the figures by: other work on the machine slows every server."""
    load1, load5, _ = os.getloadavg()
    return (
        f"machine load average at the end: {load1:.1f} (1 min), {load5:.1f} (5 min), {os.cpu_count()} cores"
    )


# Capacity ----------------------------------------------------------------------------------

OLD, NEW = "2.503,3", "2.650,5"  # total production value 2020 (GTSX) before and after the import


def gtsx_2020(obs: pd.DataFrame) -> pd.Series:
    """The observation of the total production value in 2020 (the report's estimate for that year)."""
    return (obs["code"] == "GTSX") & (obs["year"] == 2020) & obs["kind"].isin(["actual", "estimate"])


def changed_workbook(folder: Path, store_url: str) -> Path:
    """A workbook that changes one figure of the store's data: GTSX 2020 becomes 2.650,5."""
    from indicators.core.model import Dataset
    from indicators.excel import workbook as excel
    from indicators.store.database import Store

    data = Store(store_url, seed=None).load()
    obs = data.observations.copy()
    mask = gtsx_2020(obs)
    obs.loc[mask, "value"] = 2650.5 if not (obs.loc[mask, "value"] == 2650.5).all() else 2503.3
    frames = {name: getattr(data, name) for name in data.counts()}
    path = folder / f"cap-nhat-{time.monotonic_ns()}.xlsx"
    excel.write_workbook(Dataset.from_frames({**frames, "observations": obs}), path)
    return path


@dataclass
class Level:
    """One row of the capacity table."""

    sessions: int
    runs: list[Run]
    wall: float
    rss_before: float
    rss_after: float
    cpu: float  # server CPU seconds over the level, import excluded (it is another process)
    versions: dict[int | None, int]
    mixed: int
    import_ok: bool

    @property
    def errors(self) -> list[str]:
        """Every error of every run."""
        return [e for r in self.runs for e in r.errors]

    @property
    def median(self) -> float:
        """Median seconds to a finished run."""
        finite = [r.seconds for r in self.runs if r.seconds == r.seconds]
        return statistics.median(finite) if finite else float("nan")

    @property
    def p95(self) -> float:
        """95th percentile seconds to a finished run."""
        return percentile([r.seconds for r in self.runs], 0.95)


async def _import_while_loading(
    url: str, sessions: int, pages: Sequence[str], workbook: Path, env: dict[str, str]
) -> tuple[list[Run], float, bool]:
    """Start an import through the CLI, and `sessions` viewers at the same moment."""
    command = [sys.executable, "-m", "indicators", "import", str(workbook), "--account", "bench"]
    command += ["--note", f"loadgen {sessions}"]
    importer = await asyncio.create_subprocess_exec(
        *command, cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    runs, wall = await load(url, sessions, pages)
    output = (await importer.communicate())[0].decode()
    if importer.returncode != 0:
        print(f"  import failed: {output.strip()}")
    return runs, wall, importer.returncode == 0


def single_baseline(url: str, pages: Sequence[str], repeat: int = 3) -> float:
    """Median seconds of one viewer alone, each page `repeat` times, after one warm-up load each."""
    for page in pages:
        asyncio.run(open_page(url, page))
    return statistics.median(
        asyncio.run(open_page(url, page)).seconds for _ in range(repeat) for page in pages
    )


def capacity(
    url: str,
    pids: Sequence[int],
    levels: Sequence[int],
    pages: Sequence[str],
    store_url: str,
    env: dict[str, str],
) -> tuple[float, list[Level]]:
    """The single viewer's time, then each level of concurrent sessions during its own import.

    Memory and CPU are summed over the server processes `pids` (one, or each behind a proxy).
    """
    single = single_baseline(url, pages)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for sessions in levels:
            from indicators.store.database import Store

            before_version = Store(store_url, seed=None).current_version()
            workbook = changed_workbook(Path(tmp), store_url)
            before, cpu = sum(map(rss_mb, pids)), sum(map(cpu_seconds, pids))
            runs, wall, ok = asyncio.run(_import_while_loading(url, sessions, pages, workbook, env))
            after, cpu = sum(map(rss_mb, pids)), sum(map(cpu_seconds, pids)) - cpu
            # The figure each version shows: the old one before this level's import, the new after.
            old_text = OLD if before_version % 2 == 1 else NEW
            new_text = NEW if old_text == OLD else OLD
            markers = {before_version: old_text, before_version + 1: new_text}
            seen: dict[int | None, int] = {}
            for r in runs:
                seen[r.version] = seen.get(r.version, 0) + 1
            rows.append(
                Level(
                    sessions=sessions,
                    runs=runs,
                    wall=wall,
                    rss_before=before,
                    rss_after=after,
                    cpu=cpu,
                    versions=seen,
                    mixed=sum(mixed(r, markers) for r in runs),
                    import_ok=ok,
                )
            )
    return single, rows


def print_table(single: float, rows: Sequence[Level], label: str = "") -> None:
    """The capacity table, with the goals beside it."""
    print(f"\nCapacity{label}: one viewer alone {single:.2f} s to a finished run (median)")
    print(machine_load())
    head = f"{'sessions':>8} {'errors':>6} {'mixed':>5} {'median s':>8} {'p95 s':>7} {'p95/1':>6}"
    head += f" {'sess/s':>6} {'CPU s/sess':>10} {'RSS MB before→after':>20} {'growth':>6}  versions seen"
    print(head)
    for row in rows:
        seen = ", ".join(f"v{v}: {n}" for v, n in sorted(row.versions.items(), key=lambda kv: str(kv[0])))
        print(
            f"{row.sessions:8d} {len(row.errors):6d} {row.mixed:5d} {row.median:8.2f} {row.p95:7.2f}"
            f" {row.p95 / single:6.1f} {row.sessions / row.wall:6.2f} {row.cpu / row.sessions:10.3f}"
            f" {row.rss_before:9.0f} → {row.rss_after:8.0f} {row.rss_after - row.rss_before:6.0f}  {seen}"
            + ("" if row.import_ok else "  (import failed)")
        )
        for error in sorted(set(row.errors))[:5]:
            print(f"{'':8} - {error}")
    print("goals: 0 errors, 0 mixed; at 20 sessions p95 ≤ 3× one viewer; growth < 300 MB at 100")


def compare(
    servers: dict[str, tuple[str, int]], sessions: int, rounds: int, pages: Sequence[str]
) -> dict[str, dict[str, list[float]]]:
    """Alternate between servers: one viewer alone on each page, then `sessions` at once, `rounds` times."""
    seen: dict[str, dict[str, list[float]]] = {
        name: {"single": [], "single_cpu": [], "median": [], "p95": [], "rate": [], "cpu": [], "errors": []}
        for name in servers
    }
    for url, _ in servers.values():
        for page in pages:  # warm: the first run of a process, the version's caches
            asyncio.run(open_page(url, page))
    names = list(servers)
    for i in range(rounds):
        for name in names if i % 2 == 0 else names[::-1]:
            url, pid = servers[name]
            out = seen[name]
            for page in pages:
                cpu = cpu_seconds(pid)
                run = asyncio.run(open_page(url, page))
                out["single_cpu"].append(cpu_seconds(pid) - cpu)
                out["single"].append(run.seconds)
                out["errors"].append(len(run.errors))
            cpu = cpu_seconds(pid)
            runs, wall = asyncio.run(load(url, sessions, pages))
            out["cpu"].append((cpu_seconds(pid) - cpu) / sessions)
            times = [r.seconds for r in runs]
            out["median"].append(statistics.median(times))
            out["p95"].append(percentile(times, 0.95))
            out["rate"].append(sessions / wall)
            out["errors"].append(sum(len(r.errors) for r in runs))
    return seen


def _compare_command(args: argparse.Namespace) -> int:
    pages = args.pages.split(",")
    apps = {Path(a).resolve().name: Path(a).resolve() for a in args.apps}
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        store_url = f"sqlite:///{Path(tmp) / 'store.sqlite'}"
        env = {**os.environ, "INDICATORS_DB": store_url}
        from indicators.store.database import Store

        Store(store_url).ensure()
        servers = {name: stack.enter_context(streamlit_server(env, app=path)) for name, path in apps.items()}
        seen = compare(servers, args.sessions, args.rounds, pages)
    print(f"\nPer session, {args.rounds} alternating rounds, pages {pages}")
    print(machine_load())
    print(
        f"{'app':>14} {'alone s':>8} {'CPU ms':>7} | {args.sessions} at once: {'median s':>8} {'p95 s':>6}"
        f" {'sess/s':>6} {'CPU ms/sess':>11} {'errors':>6}"
    )
    med = statistics.median
    for name, out in seen.items():
        print(
            f"{name:>14} {med(out['single']):8.3f} {med(out['single_cpu']) * 1000:7.0f} |"
            f" {'':13}{med(out['median']):8.2f} {med(out['p95']):6.2f} {med(out['rate']):6.2f}"
            f" {med(out['cpu']) * 1000:11.0f} {sum(out['errors']):6.0f}"
        )
    return 0 if not any(sum(out["errors"]) for out in seen.values()) else 1


def browser_check(url: str, rounds: int) -> tuple[list[float], list[float]]:
    """One viewer on the overview, alternately as a headless Chromium and as this protocol client (s)."""
    from playwright.sync_api import sync_playwright

    from bench.dashboard import CHROMIUM, CHROMIUM_ARGS, DRAWN_JS

    browser_times, protocol_times = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        for i in range(rounds + 1):
            page = context.new_page()  # a new tab: a new session, the browser's cache kept
            page.goto(f"{url}/")
            drawn = float(page.wait_for_function(DRAWN_JS, arg=300, timeout=60_000).json_value()) / 1000
            page.close()
            # Playwright's sync API holds this thread's event loop: the client runs on another thread.
            with ThreadPoolExecutor(1) as pool:
                run = pool.submit(asyncio.run, open_page(url)).result()
            if run.errors:
                raise SystemExit(f"protocol client: {run.errors[0]}")
            if i > 0:  # the first of each warms the server and the browser's cache
                browser_times.append(drawn)
                protocol_times.append(run.seconds)
        browser.close()
    return browser_times, protocol_times


def _browser_command(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        store_url = f"sqlite:///{Path(tmp) / 'store.sqlite'}"
        env = {**os.environ, "INDICATORS_DB": store_url}
        from indicators.store.database import Store

        Store(store_url).ensure()
        with streamlit_server(env) as (url, _):
            drawn, protocol = browser_check(url, args.rounds)
    med = statistics.median
    print(f"One viewer on the overview, {args.rounds} alternating loads each (s, median [min–max]):")
    for label, times in (
        ("headless Chromium, to fully drawn", drawn),
        ("protocol, to script_finished", protocol),
    ):
        print(f"  {label:34s} {med(times):6.3f}  [{min(times):.3f}–{max(times):.3f}]")
    gap = med(drawn) - med(protocol)
    print(f"  difference: the browser's own work (JavaScript, layout, drawing the charts) {gap:.3f}")
    print(machine_load())
    return 0


def _capacity_command(args: argparse.Namespace) -> int:
    levels = [int(n) for n in args.sessions.split(",")]
    pages = args.pages.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        store_url = args.db or f"sqlite:///{Path(tmp) / 'store.sqlite'}"
        env = {**os.environ, "INDICATORS_DB": store_url}
        from indicators.store.database import Store

        Store(store_url).ensure()  # filled from data/ before the server starts
        with streamlit_server(env) as (url, pid):
            single, rows = capacity(url, [pid], levels, pages, store_url, env)
    print_table(single, rows, f" ({urlsplit(store_url).scheme}, pages {pages})")
    ok = all(not r.errors and not r.mixed and r.import_ok for r in rows)
    return 0 if ok else 1


def _run_command(args: argparse.Namespace) -> int:
    pages = args.pages.split(",")
    runs, wall = asyncio.run(load(args.url, args.sessions, pages, args.lang))
    errors = [e for r in runs for e in r.errors]
    versions = sorted({r.version for r in runs}, key=str)
    mixes = sum(mixed(r) for r in runs)
    times = [r.seconds for r in runs]
    print(
        f"{len(runs)} sessions in {wall:.2f} s ({len(runs) / wall:.2f}/s): errors {len(errors)}, "
        f"mixed {mixes}, versions seen {versions}, median {statistics.median(times):.2f} s, "
        f"p95 {percentile(times, 0.95):.2f} s"
    )
    for error in sorted(set(errors))[:10]:
        print(f"  - {error}")
    return 0 if not errors and not mixes else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.loadgen", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="load pages from a running server or proxy")
    run.add_argument("url")
    run.add_argument("--sessions", type=int, default=20)
    run.add_argument("--pages", default=",".join(DEFAULT_PAGES), help="url paths, comma-separated")
    run.add_argument("--lang", default="vi", choices=("vi", "en"))
    cap = sub.add_parser("capacity", help="one server, each level of sessions during an import")
    cap.add_argument("--sessions", default="1,20,50,100", help="levels, comma-separated")
    cap.add_argument("--pages", default=",".join(DEFAULT_PAGES), help="url paths, comma-separated")
    cap.add_argument("--db", help="store URL (default: a new SQLite store in a temporary folder)")
    comp = sub.add_parser("compare", help="per-session time of two checkouts of the app, alternating")
    comp.add_argument("apps", nargs="+", help="project folders, each with its app.py")
    comp.add_argument("--sessions", type=int, default=20)
    comp.add_argument("--rounds", type=int, default=3)
    comp.add_argument("--pages", default=",".join(DEFAULT_PAGES), help="url paths, comma-separated")
    check = sub.add_parser("browser", help="one viewer: headless Chromium against the protocol client")
    check.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    if args.command == "compare":
        return _compare_command(args)
    if args.command == "browser":
        return _browser_command(args)
    return _capacity_command(args) if args.command == "capacity" else _run_command(args)


if __name__ == "__main__":
    raise SystemExit(main())
