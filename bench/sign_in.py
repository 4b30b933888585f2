"""Guessing sign-ins against the served app: a viewer's page load beside a quiet one, and the checks made.

Run from the project root: `.venv/bin/python -m bench.sign_in [seconds]`. Not a timed test: it
prints what it saw, as ratios to a quiet viewer's load measured in the same run, with bcrypt at
its production cost (12 rounds). Eight tabs guess random names, first all from one address, then
each from its own address (through a proxy the app is told to trust), while a viewer keeps
opening the overview; then the second flood again with 64 checks allowed in flight, for
comparison with the default bound (half the cores).
"""

from __future__ import annotations

import asyncio
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import websockets

from bench import loadgen
from bench.serving import PRODUCT, serve
from indicators.text.i18n import t

GUESSERS = 8
VIEWER = "198.51.100.250"
NAME, SECRET, SUBMIT = t("auth.name", "vi"), t("auth.password", "vi"), t("auth.submit", "vi")
Flood = tuple[str, list[float], Counter[str]]  # label, the viewer's load times, the guesses' outcomes
# The first words of auth.wait: its end ("Hãy thử lại sau …") is also how auth.busy ends.
OUTCOMES = {"checked": t("auth.wrong", "vi"), "wait": "Đã nhập sai nhiều lần", "busy": t("auth.busy", "vi")}


class ForwardedTab(loadgen.Tab):
    """A tab whose websocket says a proxy forwarded it for `address` (X-Forwarded-For, X-Real-IP)."""

    def __init__(self, base_url: str, address: str) -> None:
        super().__init__(base_url)
        self.address = address

    async def open(self, page: str, run: loadgen.Run) -> None:
        """As Tab.open, with the forwarded address on the websocket's handshake."""
        for path in (f"/{page}", "/_stcore/health"):
            await loadgen._http_get(self.host, self.port, path, self.cookies)
        headers = {"X-Forwarded-For": self.address, "X-Real-IP": self.address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self._ws = await websockets.connect(
            self.stream,
            subprotocols=["streamlit"],  # type: ignore[list-item]
            additional_headers=headers,
            max_size=None,
            compression=None,
        )


def outcome(run: loadgen.Run) -> str:
    """What a guess came to: checked (a wrong password), wait, busy, or error."""
    if run.errors:
        return "error"
    return next((kind for kind, words in OUTCOMES.items() if run.shows(words)), "other")


async def _guesser(url: str, address: str, until: float, tally: Counter[str]) -> None:
    tab = ForwardedTab(url, address)
    try:
        if (await tab.load("dang-nhap")).errors:
            tally["error"] += 1
            return
        while time.monotonic() < until:
            guess = {NAME: f"ten.{secrets.token_hex(4)}", SECRET: "doan mo " + secrets.token_hex(4)}
            tally[outcome(await tab.submit(guess, SUBMIT))] += 1
    finally:
        await tab.close()


async def _viewer(url: str, until: float) -> list[float]:
    seconds: list[float] = []
    while time.monotonic() < until:
        tab = ForwardedTab(url, VIEWER)
        try:
            run = await tab.load("")
        finally:
            await tab.close()
        if not run.errors:
            seconds.append(run.seconds)
    return seconds


async def flood(url: str, addresses: list[str], seconds: float) -> tuple[list[float], Counter[str]]:
    """The guessers from `addresses` and one viewer for `seconds`: the viewer's loads, the outcomes."""
    until = time.monotonic() + seconds
    tally: Counter[str] = Counter()
    viewing = asyncio.create_task(_viewer(url, until))
    await asyncio.gather(*(_guesser(url, address, until, tally) for address in addresses))
    return await viewing, tally


def _line(label: str, views: list[float], quiet: float, tally: Counter[str], seconds: float) -> str:
    load = statistics.median(views) if views else float("nan")
    return (
        f"{label:<44} viewer {load:5.2f} s ({load / quiet:4.2f}× quiet, {len(views)} loads); "
        f"passwords checked {tally['checked']} ({tally['checked'] / seconds:.1f}/s), "
        f"told to wait {tally['wait']}, busy {tally['busy']}, errors {tally['error'] + tally['other']}"
    )


def _served_floods(folder: Path, seconds: float, checks: str, one_address: bool) -> list[Flood]:
    """A fresh server with `checks` slots: (label, viewer loads, outcomes) of each flood run on it."""
    env = {
        "INDICATORS_DB": f"sqlite:///{folder / f'store{checks}.sqlite'}",
        "INDICATORS_BCRYPT_ROUNDS": "12",
        "INDICATORS_TRUSTED_PROXY": "127.0.0.1",  # as behind deploy/nginx.conf
        "INDICATORS_REQUIRE_SIGN_IN": "",
        "INDICATORS_SIGN_IN_CHECKS": checks,
    }
    found: list[Flood] = []
    args = ("--server.address", "127.0.0.1")
    with serve(PRODUCT, env, folder / f"server{checks}.log", args=args) as server:
        asyncio.run(_viewer(server.url, time.monotonic() + 3))  # warm: the data read once
        found.append(("quiet", *asyncio.run(flood(server.url, [], seconds / 2))))
        if one_address:
            views, tally = asyncio.run(flood(server.url, ["203.0.113.9"] * GUESSERS, seconds))
            found.append((f"{GUESSERS} guessers, one address, {checks} slot(s):", views, tally))
        many_addresses = [f"203.0.113.{10 + i}" for i in range(GUESSERS)]
        views, tally = asyncio.run(flood(server.url, many_addresses, seconds))
        found.append((f"{GUESSERS} guessers, {GUESSERS} addresses, {checks} slot(s):", views, tally))
    return found


def main() -> int:
    """The floods on the default server (one slot on two cores), then with 64 slots for comparison."""
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    with tempfile.TemporaryDirectory() as folder:
        runs = _served_floods(Path(folder), seconds, str(max(1, (os.cpu_count() or 2) // 2)), True)
        runs += _served_floods(Path(folder), seconds, "64", False)
    for label, views, tally in runs:
        if label == "quiet":
            quiet = statistics.median(views)
            print(f"quiet viewer: {quiet:.2f} s (median of {len(views)} loads)")
        else:
            print(_line(label, views, quiet, tally, seconds))
    print(loadgen.machine_load())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
