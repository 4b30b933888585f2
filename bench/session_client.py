"""A Streamlit session without a browser: the websocket protocol's own messages, timed, with the version seen.

Each session does what a browser does for a page load, minus drawing: fetches the page and the
server's health and host config over HTTP (keeping cookies, for a proxy's sticky sessions), opens
`/_stcore/stream`, sends the `rerun_script` BackMsg a fresh tab sends (query string, page name from
the address, no widget states, no cached messages), reads ForwardMsgs until `script_finished`, and
keeps the text of what it was sent. A `Tab` can also type into a form and press its button.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.Markdown_pb2 import Markdown

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
