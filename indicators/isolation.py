"""Runs a reader in a child process with memory and time limits, so that no file can stop the caller."""

from __future__ import annotations

import math
import os
import pickle
import resource
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV_MEMORY_MB = "INDICATORS_PARSE_MEMORY_MB"
ENV_SECONDS = "INDICATORS_PARSE_SECONDS"
DEFAULT_MEMORY_MB = 2048  # on top of what the child holds when it starts
DEFAULT_SECONDS = 120.0
PROJECT = Path(__file__).resolve().parents[1]


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
    fn, args, memory_mb, seconds = pickle.load(sys.stdin.buffer)  # imports fn's module first
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


def run(fn: Callable[..., Any], *args: Any, budget: Budget | None = None) -> Any:
    """fn(*args) in a child process; LimitExceededError when it runs out of memory or time, or dies.

    fn and args must pickle (a module-level function; bytes, frames, dataclasses). The child is a
    fresh interpreter, not a fork: the Streamlit server runs threads, and a fork could copy a held
    lock (or re-run the page as its main module).
    """
    budget = budget or Budget.from_env()
    paths = [str(PROJECT), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    request = pickle.dumps((fn, args, budget.memory_mb, budget.seconds))
    try:
        done = subprocess.run(
            [sys.executable, "-m", "indicators.isolation"],
            input=request,
            capture_output=True,  # an abort's message and backtrace go to the log, not to people
            timeout=budget.seconds,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise LimitExceededError("time", f"over {budget.seconds:g} s") from None
    try:
        status, value = pickle.loads(done.stdout)
    except (pickle.UnpicklingError, EOFError, ValueError):
        said = done.stderr.decode(errors="replace").strip().splitlines()[:1] or [""]
        raise LimitExceededError("crash", f"exit status {done.returncode}; {said[0][:300]}") from None
    if status == "ok":
        return value
    if status == "memory":
        raise LimitExceededError("memory", f"over {budget.memory_mb} MB {value}".strip())
    raise LimitExceededError("error", value)


if __name__ == "__main__":
    _child()
