"""Runs a reader in a child process with memory and time limits, so that no file can stop the caller."""

from __future__ import annotations

import atexit
import contextlib
import importlib
import math
import os
import pickle
import resource
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from subprocess import PIPE
from types import ModuleType
from typing import IO, Any

ENV_MEMORY_MB = "INDICATORS_PARSE_MEMORY_MB"
ENV_SECONDS = "INDICATORS_PARSE_SECONDS"
DEFAULT_MEMORY_MB = 2048  # on top of what the child holds when it starts
DEFAULT_SECONDS = 120.0
READY = b"\x01"
SPARE = "--spare"  # the child is a spare: it has time to warm up before its file comes
PROJECT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Budget:
    """What one child may use: megabytes of address space beyond its start, and wall-clock seconds."""

    memory_mb: int = DEFAULT_MEMORY_MB
    seconds: float = DEFAULT_SECONDS

    @classmethod
    def from_env(cls) -> Budget:
        """$INDICATORS_PARSE_MEMORY_MB and $INDICATORS_PARSE_SECONDS, else the defaults."""

        def number(name: str, default: float) -> float:
            try:
                value = float(os.environ.get(name, "").replace(",", ".") or default)
            except ValueError:
                return default
            return value if value > 0 else default

        return cls(int(number(ENV_MEMORY_MB, DEFAULT_MEMORY_MB)), number(ENV_SECONDS, DEFAULT_SECONDS))


class LimitExceededError(Exception):
    """The child ran out of memory or time, or died: `reason` is memory | time | crash | error."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def _address_space() -> int:
    """Bytes of address space this process holds now (VmSize), 0 when /proc cannot say."""
    try:
        with open("/proc/self/statm") as statm:  # noqa: PTH123 - a kernel file, not a project path
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _child() -> None:
    """The child's side: read (fn, args, budget) from stdin, run it under limits, pickle the outcome."""
    if len(sys.argv) > 1:
        # A spare child loads the reader's modules while it waits; the request then finds them loaded.
        module = importlib.import_module(sys.argv[1])
        if SPARE in sys.argv[2:]:
            _warm_up(module)
    # One byte says the modules are loaded (a benchmark waits for it); the outcome follows it.
    sys.stdout.buffer.write(READY)
    sys.stdout.flush()
    try:
        fn, args, memory_mb, seconds = pickle.load(sys.stdin.buffer)  # imports fn's module first
    except EOFError:
        return  # a spare whose parent ended (or dropped it) without a request: nothing to do
    # The budget starts from what the child holds once the reader's modules are loaded.
    limit = _address_space() + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = math.ceil(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    try:
        outcome: tuple[str, Any] = ("ok", fn(*args))
    except MemoryError:
        outcome = ("memory", "")
    except Exception:  # noqa: BLE001 - any failure goes back to the parent as text, to be logged there.
        outcome = ("error", traceback.format_exc())
    try:
        sys.stdout.buffer.write(pickle.dumps(outcome))
    except MemoryError:
        sys.stdout.buffer.write(pickle.dumps(("memory", "the result did not fit")))
    sys.stdout.flush()
    sys.stderr.flush()
    # The parent reads until the pipes close. The kernel closes them only after it has unmapped the
    # process's memory, 6–11 ms for an interpreter that has loaded pandas: closed here, the outcome
    # reaches the parent first. os._exit skips the interpreter's teardown (every module freed) too.
    os.close(1)
    os.close(2)
    os._exit(0)


def _warm_up(module: ModuleType) -> None:
    """A spare runs its module's warm_up() while it waits, if it has one: the file then meets code
    that has run once (patterns compiled, caches filled, lazy imports done), not a first call's costs.
    A child started for a file that is already waiting skips this: the file would wait for it."""
    warm_up = getattr(module, "warm_up", None)
    if not callable(warm_up):
        return
    try:
        warm_up()
    except Exception:  # noqa: BLE001 - a failed warm-up costs the speed it would give, never the file.
        traceback.print_exc()  # to the parent's stderr pipe, read when a child fails


# Spare children, one per reader module, each started with the environment it was started in:
# a child that has loaded pandas and the reader before the file arrives saves that load per upload.
@dataclass
class _Spare:
    env: dict[str, str]
    child: subprocess.Popen[bytes]
    ready: bool = False  # its ready byte has been read already


_spares: dict[str, _Spare] = {}
_spares_lock = threading.Lock()
_starting: list[threading.Thread] = []  # spares being started, joined by wait_for_spares


def _start(module: str, env: dict[str, str], spare: bool = False) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "indicators.excel.isolation", module, *([SPARE] if spare else [])]
    # stdout and stderr go to the parent: an abort's message and backtrace reach the log, not people.
    return subprocess.Popen(command, stdin=PIPE, stdout=PIPE, stderr=PIPE, env=env)


def _join_starting() -> None:
    """Wait for the spares being started (a call right after another takes the spare it left)."""
    with _spares_lock:
        starting = list(_starting)
        _starting.clear()
    for thread in starting:
        thread.join()


def _take_spare(module: str, env: dict[str, str]) -> _Spare | None:
    """The spare child for `module`, when one is waiting, alive, and started with this environment."""
    _join_starting()
    with _spares_lock:
        found = _spares.pop(module, None)
    if found is None:
        return None
    if found.env == env and found.child.poll() is None:
        return found
    _stop(found.child)
    return None


def _stop(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        child.kill()
    child.communicate()


def _start_spare(module: str, env: dict[str, str]) -> None:
    child = _start(module, env, spare=True)
    with _spares_lock:
        if module not in _spares:
            _spares[module] = _Spare(env, child)
            return
    _stop(child)  # another call's spare got there first


def _start_spare_soon(module: str, env: dict[str, str]) -> None:
    """The next call's spare started from a thread: starting a process takes tens of milliseconds on a
    loaded machine, and the file just read need not wait for it."""
    thread = threading.Thread(target=_start_spare, args=(module, env), daemon=True)
    with _spares_lock:
        _starting[:] = [t for t in _starting if t.is_alive()]  # a server's long run keeps no dead ones
        _starting.append(thread)
    thread.start()


def wait_for_spares() -> None:
    """Block until every spare child has loaded its modules (for benchmarks that time a warm start)."""
    _join_starting()
    with _spares_lock:
        waiting = [s for s in _spares.values() if not s.ready]
        for spare in waiting:
            assert spare.child.stdout is not None
            spare.ready = spare.child.stdout.read(1) == READY


def drop_spares() -> None:
    """End every waiting spare child (at exit, and in benchmarks that measure a cold start)."""
    _join_starting()
    with _spares_lock:
        children = [spare.child for spare in _spares.values()]
        _spares.clear()
    for child in children:
        _stop(child)


atexit.register(drop_spares)


def _child_env() -> dict[str, str]:
    paths = [str(PROJECT), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}


def start_spare(fn: Callable[..., Any]) -> None:
    """Start the next call's child for `fn` now, when the caller has finished with the file it read:
    its loading then takes no time from that file (a page reads the figures first, then calls this)."""
    _start_spare_soon(fn.__module__, _child_env())


def _exchange(child: subprocess.Popen[bytes], request: bytes, seconds: float) -> tuple[bytes, bytes]:
    """Send the request; read the child's stdout and stderr to their ends; kill it past `seconds`.

    Not communicate(): it also waits for the child's exit, which the outcome does not need (_child
    closes its pipes before it exits). One thread a pipe, as communicate() uses on some platforms.
    """
    assert child.stdin is not None and child.stdout is not None and child.stderr is not None
    read: dict[int, bytes] = {}

    def feed(pipe: IO[bytes]) -> None:
        with contextlib.suppress(BrokenPipeError):  # a child that died early: its output says why
            pipe.write(request)
        with contextlib.suppress(BrokenPipeError):
            pipe.close()

    def drain(pipe: IO[bytes]) -> None:
        read[pipe.fileno()] = pipe.read()

    threads = [
        threading.Thread(target=feed, args=(child.stdin,), daemon=True),
        *(threading.Thread(target=drain, args=(pipe,), daemon=True) for pipe in (child.stdout, child.stderr)),
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + seconds
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    late = any(thread.is_alive() for thread in threads)
    if late:
        child.kill()
        for thread in threads:
            thread.join()  # the pipes close with the child
        child.wait()
    outcome = read.get(child.stdout.fileno(), b""), read.get(child.stderr.fileno(), b"")
    child.stdout.close()
    child.stderr.close()
    if late:
        raise LimitExceededError("time", f"over {seconds:g} s")
    return outcome


def run(fn: Callable[..., Any], *args: Any, budget: Budget | None = None, keep_warm: bool = False) -> Any:
    """fn(*args) in a child process; LimitExceededError when it runs out of memory or time, or dies.

    fn and args must pickle (a module-level function; bytes, frames, dataclasses). The child is a
    fresh interpreter, not a fork: the Streamlit server runs threads, and a fork could copy a held
    lock (or re-run the page as its main module). Every call gets a child of its own; with
    `keep_warm` (a long-running server) the next call's child is started now and loads fn's module
    while it waits, so the next file does not wait for that load. A spare never runs two files.
    """
    budget = budget or Budget.from_env()
    env = _child_env()
    request = pickle.dumps((fn, args, budget.memory_mb, budget.seconds))
    module = fn.__module__
    spare = _take_spare(module, env)
    child = spare.child if spare is not None else _start(module, env)
    try:
        stdout, stderr = _exchange(child, request, budget.seconds)
    finally:
        if keep_warm:
            # Started once this child is done, so that its loading does not slow the file just read.
            _start_spare_soon(module, env)
    if not (spare is not None and spare.ready):
        stdout = stdout.removeprefix(READY)
    try:
        status, value = pickle.loads(stdout)
    except (pickle.UnpicklingError, EOFError, ValueError):
        said = stderr.decode(errors="replace").strip().splitlines()[:1] or [""]
        child.wait()  # a child that wrote no outcome has died or is dying: its status is in the message
        raise LimitExceededError("crash", f"exit status {child.returncode}; {said[0][:300]}") from None
    # The child has closed its pipes and is ending: it is collected aside, not waited for here.
    threading.Thread(target=child.wait, daemon=True).start()
    if status == "ok":
        return value
    if status == "memory":
        raise LimitExceededError("memory", f"over {budget.memory_mb} MB {value}".strip())
    raise LimitExceededError("error", value)


if __name__ == "__main__":
    _child()
