"""The processes a Python process has started, from /proc: how many, how many Chromium, how much memory."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


def _parents() -> dict[int, int]:
    """Every process's parent, from /proc."""
    out: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone while being read
        out[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return out


def descendants(root: int, parent: dict[int, int]) -> list[int]:
    """The processes started by `root`, their children, and so on."""
    children: dict[int, list[int]] = {}
    for pid, up in parent.items():
        children.setdefault(up, []).append(pid)
    found, todo = [], [root]
    while todo:
        kids = children.get(todo.pop(), [])
        found.extend(kids)
        todo.extend(kids)
    return found


def rss(pid: int) -> int:
    """Resident memory of one process in bytes; 0 when it has ended."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError):
        return 0


def _args(pid: int) -> list[bytes]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return []  # gone while being read


def browsers(pids: list[int], parent: dict[int, int]) -> int:
    """How many Chromium instances: trees of headless processes, counted once by their top process.

    The system's chromium is a shell script that forks before it starts the browser, and the browser
    starts its helpers: all carry --headless, and all belong to the one instance at the top.
    """
    headless = {p for p in pids if b"--headless" in _args(p)}
    return sum(parent.get(p) not in headless for p in headless)


@dataclass
class Peaks:
    """The most seen at once while the flood ran."""

    browsers: int = 0
    processes: int = 0
    child_rss: int = 0
    samples: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def watch(self) -> None:
        """Sample this process's children every 20 ms until `stop` is set."""
        me = os.getpid()
        while not self.stop.is_set():
            parent = _parents()
            kids = descendants(me, parent)
            self.browsers = max(self.browsers, browsers(kids, parent))
            self.processes = max(self.processes, len(kids))
            self.child_rss = max(self.child_rss, sum(rss(p) for p in kids))
            self.samples += 1
            self.stop.wait(0.02)

    def start(self) -> threading.Thread:
        """Watch on a thread of its own; set `stop` to end it."""
        watcher = threading.Thread(target=self.watch, daemon=True)
        watcher.start()
        return watcher
