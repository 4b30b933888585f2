"""A Streamlit script served on a free port: the benchmarks and the browser tests start it the same way."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
# What `make run` serves: app.py inside the ASGI app that adds the sign-in routes.
PRODUCT = ROOT / "serve.py"


class ServerError(RuntimeError):
    """The server did not start; the message holds its log when there is one."""


@dataclass(frozen=True)
class Served:
    """A running server: its address, and its process id (the benchmarks read its memory)."""

    url: str
    pid: int


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen, seconds: float) -> bool:
    """True once Streamlit answers its health check; False if it exits or the time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return True
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                return False
            time.sleep(0.3)


@contextmanager
def serve(
    script: Path = PRODUCT,
    env: Mapping[str, str] | None = None,
    log_path: Path | None = None,
    start_seconds: float = 60,
    args: tuple[str, ...] = (),
    port: int = 0,
) -> Iterator[Served]:
    """`streamlit run script` on a free port (or `port`), headless, until the block ends.

    `env` is added to this process's environment and `args` to streamlit's; the server's output goes
    to `log_path` (else nowhere), and a server that does not start raises ServerError with that log.
    """
    port = port or free_port()
    command = [sys.executable, "-m", "streamlit", "run", script.name, "--server.port", str(port)]
    command += ["--server.headless", "true", "--browser.gatherUsageStats", "false", *args]
    with ExitStack() as stack:
        out: IO[str] | int = subprocess.DEVNULL
        if log_path is not None:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            out = stack.enter_context(log_path.open("w"))
        proc = subprocess.Popen(
            command,
            cwd=script.parent,
            env={**os.environ, **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            if not _wait_healthy(url, proc, start_seconds):
                log = log_path.read_text() if log_path is not None else "(no log kept)"
                raise ServerError(f"streamlit did not start for {script}:\n{log}")
            yield Served(url, proc.pid)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
