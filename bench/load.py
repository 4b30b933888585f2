"""Twenty viewers open the overview at once while one import runs: errors, consistency, p95, memory.

Run from the project root: `.venv/bin/python -m bench.load [viewers]`. Not a timed test: it
prints what it saw, beside a single viewer's time measured in the same run.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bench.dashboard import CHROMIUM, CHROMIUM_ARGS, DRAWN_JS
from bench.loadgen import changed_workbook
from bench.serving import PRODUCT, ROOT, serve

if TYPE_CHECKING:
    from playwright.async_api import Browser

OLD, NEW = "2.503,3", "2.650,5"  # total production value 2020 before and after the import
VERSION = re.compile(r"phiên bản (\d+)")


def server_rss_mb(port: int) -> float:
    """Resident memory of the streamlit process serving `port`, read from /proc."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            if b"streamlit" in b" ".join(cmdline) and str(port).encode() in cmdline:
                found = re.search(r"VmRSS:\s+(\d+)", (proc / "status").read_text())
                return int(found.group(1)) / 1024 if found else float("nan")
        except (OSError, AttributeError):
            continue
    return float("nan")


async def open_overview(browser: Browser, url: str) -> dict:
    """One viewer: load the overview, wait until fully drawn, read what it shows."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    page.on("response", lambda r: errors.append(f"HTTP {r.status} {r.url}") if r.status >= 500 else None)
    start = time.perf_counter()
    try:
        await page.goto(url)
        await page.wait_for_function(DRAWN_JS, arg=300, timeout=120_000)
        elapsed = time.perf_counter() - start
        body = await page.inner_text("[data-testid=stMain]")
        errors += [
            f"exception on page: {e}"
            for e in await page.locator("[data-testid=stException]").all_inner_texts()
        ]
    except Exception as exc:  # noqa: BLE001 - a viewer that fails is counted, not fatal to the run
        elapsed, body = float("nan"), ""
        errors.append(f"{type(exc).__name__}: {exc}")
    await context.close()
    version = VERSION.search(body)
    return {
        "seconds": elapsed,
        "errors": errors,
        "version": int(version.group(1)) if version else None,
        "old": OLD in body,
        "new": NEW in body,
    }


async def run(url: str, viewers: int, workbook: Path, env: dict[str, str]) -> tuple[float, list[dict], str]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(2):  # warm the server's caches and the browser's
            await open_overview(browser, url)
        single = statistics.median([(await open_overview(browser, url))["seconds"] for _ in range(3)])
        command = [
            sys.executable,
            "-m",
            "indicators",
            "import",
            str(workbook),
            "--account",
            "bench",
            "--note",
            "load",
        ]
        importer = await asyncio.create_subprocess_exec(
            *command, cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
        )
        results = await asyncio.gather(*(open_overview(browser, url) for _ in range(viewers)))
        output = (await importer.communicate())[0].decode()
        await browser.close()
    return single, results, output


def main() -> int:
    viewers = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store_url = f"sqlite:///{folder / 'store.sqlite'}"
        env = {**os.environ, "INDICATORS_DB": store_url}
        workbook = changed_workbook(folder, store_url)
        with serve(PRODUCT, env) as server:
            url = server.url
            port = int(url.rsplit(":", 1)[1])
            before = server_rss_mb(port)
            single, results, output = asyncio.run(run(url + "/", viewers, workbook, env))
            after = server_rss_mb(port)
    times = sorted(r["seconds"] for r in results if r["seconds"] == r["seconds"])
    errors = [e for r in results for e in r["errors"]]
    # Consistent: a page shows version 1 with the old figure only, or version 2 with the new only.
    consistent = all(
        (r["version"] == 1 and r["old"] and not r["new"]) or (r["version"] == 2 and r["new"] and not r["old"])
        for r in results
    )
    seen = {
        v: sum(r["version"] == v for r in results) for v in sorted({r["version"] for r in results}, key=str)
    }
    p95 = times[max(0, round(0.95 * len(times)) - 1)] if times else float("nan")
    print(f"import: {output.strip().splitlines()[-1] if output.strip() else '(no output)'}")
    print(f"viewers: {viewers}, errors seen: {len(errors)} (goal 0)")
    for error in errors[:10]:
        print(f"  - {error}")
    print(
        f"every page consistent (all old or all new figures): {'yes' if consistent else 'NO'}; "
        f"versions seen {seen}"
    )
    print(
        f"time to fully drawn overview: single viewer {single:.2f} s; "
        f"20 at once p95 {p95:.2f} s, median {statistics.median(times) if times else float('nan'):.2f} s"
    )
    print(
        f"server memory: {before:.0f} MB before, {after:.0f} MB after, "
        f"growth {after - before:.0f} MB (goal < 300)"
    )
    return 0 if not errors and consistent else 1


if __name__ == "__main__":
    raise SystemExit(main())
