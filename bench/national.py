"""Every viewer page at national scale, in PostgreSQL, fully drawn against the one-chart page; server memory.

Run from the project root with INDICATORS_TEST_PG_URL set (see .ci/postgres.sh):

    .venv/bin/python -m bench.national                 # 34 provinces, 3,321 communes, 7 loads a page
    .venv/bin/python -m bench.national --scale 0.1 --rounds 3   # a tenth of the provinces: a quick run
    .venv/bin/python -m bench.national --pages goals            # the pages whose names hold "goals"

The data is bench.areas's national synthetic set (100 summable indicators, 2015–2025 figures for every
commune, 2025 targets for every commune and province); `--scale` keeps that share of the provinces,
Lai Châu always among them. Two app servers (serve.py, as behind the proxy) read it; every page is
loaded in turn on the first after a warm pass, and both servers' memory is read after both served
every page. Prints the times, then a Markdown table for the closing note with the machine's load.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from bench.areas import build, database, describe, load_fast, rss_mb
from bench.dashboard import CHROMIUM, CHROMIUM_ARGS, MINIMAL_PAGE, drawn_js
from bench.serving import PRODUCT, Served, serve
from indicators.areas import official as official_areas

PROVINCE = "12"  # Lai Châu: the comparison page's one province
MEMORY_GOAL_MB = 1536
RATIO_GOAL = 2.0


@dataclass(frozen=True)
class Page:
    """One page to draw: its name in the table, its address on the server, and whether it must hold a chart.

    A page is drawn when its script is done, no skeleton is left and every chart on it is drawn; a page
    need not hold a chart (an area with only targets has none), so only the yardstick waits for one.
    """

    name: str
    path: str
    chart: bool = False


# Every page a viewer sees (the editing pages are for analysts and not measured here).
PAGES = [
    Page("overview", "/"),
    Page("Mục tiêu 2025 (goals)", "/muc-tieu-2025"),
    Page("Đánh giá năm (year)", "/danh-gia-nam"),
    Page("Kinh tế (domain page)", "/kinh-te"),
    Page("Chỉ tiêu (indicator page, detail)", "/chi-tieu?indicator=I000"),
    Page("Thi đua – khen thưởng", "/thi-dua-khen-thuong"),
    Page("So sánh, one province", f"/so-sanh-dia-ban?indicator=I000&parent={PROVINCE}"),
    Page("So sánh, whole country", "/so-sanh-dia-ban?indicator=I000&parent=VN"),
]
YARDSTICK = Page("one-chart page", "/", chart=True)


def provinces(scale: float) -> list[str] | None:
    """The provinces of `scale` (0–1] of the country, Lai Châu first; None for the whole country."""
    if scale >= 1:
        return None
    areas = official_areas.national_areas()
    every = areas.loc[areas["level"] == "province", "code"].tolist()
    count = max(1, math.ceil(len(every) * scale))
    return [PROVINCE, *[p for p in every if p != PROVINCE][: count - 1]]


def chosen(words: list[str] | None) -> list[Page]:
    """The pages whose names hold any of `words` (case-insensitive); every page when there are none."""
    if not words:
        return PAGES
    found = [p for p in PAGES if any(w.casefold() in p.name.casefold() for w in words)]
    if not found:
        raise SystemExit(f"no page's name holds {' or '.join(words)}: " + "; ".join(p.name for p in PAGES))
    return found


def draw_times(
    servers: list[Served],
    yardstick: Served,
    rounds: int,
    after_warm: Callable[[], None],
    pages: list[Page] = PAGES,
) -> dict[str, list[float]]:
    """Milliseconds to fully drawn per page on the first server, and the yardstick, in turn each round.

    Every page is first drawn twice on every server (the data read once per version, caches, the
    browser's cache); `after_warm` runs then, while every server holds what its pages need.
    """
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {p.name: [] for p in [*pages, YARDSTICK]}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()

        def draw(url: str, page: Page, timeout: float) -> float:
            tab.goto(url)
            return float(tab.wait_for_function(drawn_js(page.chart), arg=300, timeout=timeout).json_value())

        for server in servers:
            for page in pages * 2:
                draw(server.url + page.path, page, 900_000)
        draw(yardstick.url + YARDSTICK.path, YARDSTICK, 60_000)
        after_warm()
        every = [(servers[0], page) for page in pages] + [(yardstick, YARDSTICK)]
        for i in range(rounds):  # rotated, so each page meets the machine's load spikes alike
            for server, page in every[i % len(every) :] + every[: i % len(every)]:
                times[page.name].append(draw(server.url + page.path, page, 120_000))
        browser.close()
    return times


def first_after_commit() -> str:
    """Where the first load of each page after a new version would be measured; not yet, said in the table.

    bench.follow measures it for the comparison page (a new version is reached by its changes); this is
    where the bench would commit a small upload and draw every page once after it.
    """
    return "not measured here per page: see bench.follow for the comparison page"


def closing_note(drawn: dict[str, list[float]], memory: list[float], load: tuple[float, float]) -> list[str]:
    """The figures as a Markdown table, with the machine's load: ratios mean little on a busy machine."""
    base = statistics.median(drawn[YARDSTICK.name])
    lines = [
        "| page (national synthetic data, PostgreSQL) | warm, ms (median) | ratio | goal |",
        "|---|---|---|---|",
        f"| {YARDSTICK.name} (yardstick) | {base:,.0f} | 1.00× | |",
    ]
    for page in PAGES:
        if page.name not in drawn:  # a run of some pages only
            continue
        ms = statistics.median(drawn[page.name])
        lines.append(f"| {page.name} | {ms:,.0f} | {ms / base:.2f}× | ≤ {RATIO_GOAL:g}× |")
    for i, mb in enumerate(memory, 1):
        goal = f"≤ {MEMORY_GOAL_MB:,} MB"
        lines.append(f"| server {i} memory (RSS) after every page | {mb:,.0f} MB | | {goal} |")
    lines += [
        f"| first load after a commit | {first_after_commit()} | | |",
        "",
        f"Load average (1 min) at the start and the end: {load[0]:.2f} → {load[1]:.2f} "
        f"on {os.cpu_count()} cores.",
    ]
    return lines


def _servers(stack: ExitStack, url: str, count: int) -> Iterator[Served]:
    env = {"INDICATORS_DB": url}
    for _ in range(count):
        # Each server reads the national version before it is healthy: minutes on a busy machine.
        yield stack.enter_context(serve(PRODUCT, env, start_seconds=900))


def measure(
    url: str, rounds: int, count: int, pages: list[Page] = PAGES
) -> tuple[dict[str, list[float]], list[float]]:
    """Draw times per page and each app server's memory once every server has drawn every page."""
    memory: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(MINIMAL_PAGE, encoding="utf-8")
        servers = list(_servers(stack, url, count))
        yardstick = stack.enter_context(serve(minimal, {"INDICATORS_DB": url}))

        def held() -> None:
            memory.extend(rss_mb(s.pid) for s in servers)

        times = draw_times(servers, yardstick, rounds, held, pages)
    return times, memory


def report(times: dict[str, list[float]], rounds: int) -> None:
    """Each page's median, range and ratio to the one-chart page."""
    base = statistics.median(times[YARDSTICK.name])
    print(f"\nFully drawn in headless Chromium, {rounds} loads each (ms, median [min–max], ratio):")
    for name, ms in times.items():
        mid = statistics.median(ms)
        print(f"  {name:36s} {mid:7.0f}  [{min(ms):.0f}–{max(ms):.0f}]  {mid / base:5.2f}×")
    print(f"  goal: every page ≤ {RATIO_GOAL:g}× the one-chart page")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="loads of each page (default 7)")
    parser.add_argument("--scale", type=float, default=1.0, help="share of the provinces, 0–1 (default 1)")
    parser.add_argument("--servers", type=int, default=2, help="app servers over the store (default 2)")
    parser.add_argument("--pages", nargs="*", help="only the pages whose names hold these words")
    args = parser.parse_args(argv)
    pages = chosen(args.pages)
    admin_url = os.environ.get("INDICATORS_TEST_PG_URL")
    if not admin_url:
        raise SystemExit(
            'set INDICATORS_TEST_PG_URL first: export INDICATORS_TEST_PG_URL="$(bash .ci/postgres.sh)"'
        )
    if not 0 < args.scale <= 1:
        raise SystemExit("--scale is a share of the provinces: more than 0, at most 1")
    # Build the synthetic national dataset.
    start = time.perf_counter()
    data = build(provinces=provinces(args.scale))
    print(describe(data, time.perf_counter() - start))
    load_before = os.getloadavg()[0]
    with database(admin_url) as url:
        start = time.perf_counter()
        load_fast(url, data)
        print(f"written to PostgreSQL with COPY in {time.perf_counter() - start:.0f} s")
        del data
        # Time every page, and read the servers' memory.
        times, memory = measure(url, args.rounds, args.servers, pages)
    report(times, args.rounds)
    held = ", ".join(f"{m:,.0f} MB" for m in memory)
    print(f"\nServer memory with the national dataset, every page drawn: {held}")
    print("\nFor the closing note:\n")
    print("\n".join(closing_note(times, memory, (load_before, os.getloadavg()[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
