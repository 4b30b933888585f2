"""A new version at national scale: what reaching it costs, and the first fully drawn view after its commit.

Run from the project root: `.venv/bin/python -m bench.follow [rounds]` with INDICATORS_TEST_PG_URL set
(`export INDICATORS_TEST_PG_URL="$(bash .ci/postgres.sh)"`). The national synthetic data of
bench/areas.py (3.6 million figures); each round commits one commune's 40 figures as a new version.
Prints:
- reaching the new version in this process: incremental.advance from the version held against a
  full read of it (incremental.read, what every first view after a commit used to cost);
- on one server, then on each of two servers behind nginx: seconds from the commit to the comparison
  page (Lai Châu's communes) fully drawn at the new version in headless Chromium (goal ≤ 3 s), against
  the same page drawn again at that version in the same run;
then the figures as a Markdown table with the machine's load.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from typing import Any

import pandas as pd
from sqlalchemy import select, text, update

from bench import areas, multi
from bench.dashboard import CHROMIUM, CHROMIUM_ARGS, DRAWN_JS
from bench.serving import PRODUCT, serve
from indicators.core.model import OBSERVATIONS, coerce
from indicators.store import incremental
from indicators.store.database import ROW_TABLES, Store, row_hashes, versions

COMMUNE_FIGURES = 40
YEAR = 2025
PAGE = "/so-sanh-dia-ban?indicator=I000&parent=12"


def commit_commune(url: str, commune: str, factor: float) -> int:
    """One commune's 40 figures of 2025 changed, written as Store.commit writes a changed row.

    The old rows end at the new version and new rows start there. Store.commit itself compares every
    row of the national data first (minutes): this bench measures what follows a commit, not the commit.
    """
    table = ROW_TABLES[OBSERVATIONS.name]
    codes = [f"I{i:03d}" for i in range(COMMUNE_FIGURES)]
    store = Store(url, seed=None)
    with store.engine.begin() as conn:
        conn.execute(text("LOCK TABLE versions IN EXCLUSIVE MODE"))
        version = conn.execute(
            versions.insert().values(
                account="bench",
                created_at=datetime.now(UTC),
                action="import",
                file_name=f"xa-{commune}.xlsx",
                sha256="",
                note="bench.follow",
                counts="{}",
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        live = (table.c.area == commune) & (table.c.year == YEAR) & table.c.code.in_(codes)
        live &= table.c.until_version.is_(None)
        columns = [table.c[c] for c in OBSERVATIONS.columns]
        old = pd.DataFrame(conn.execute(select(table.c.row_id, *columns).where(live)).mappings().all())
        conn.execute(
            update(table).where(table.c.row_id.in_(old["row_id"].tolist())).values(until_version=version)
        )
        new = coerce(OBSERVATIONS, old.assign(value=old["value"] * factor))
        records = new.astype(object).where(new.notna(), None).to_dict("records")
        for record, h in zip(records, row_hashes(new), strict=True):
            record.update(row_hash=h, since_version=version, until_version=None)
        conn.execute(table.insert(), records)
    store.engine.dispose()
    return int(version)


def reach_times(url: str, commune: str, rounds: int) -> tuple[list[float], list[float]]:
    """Seconds to reach each new version advanced from the one held, and to read the first one whole."""
    store = Store(url, seed=None).ensure()
    held = incremental.read(store, store.current_version())
    advanced, whole = [], []
    for i in range(rounds):
        version = commit_commune(url, commune, 1.01 + i / 100)
        start = time.perf_counter()
        held = incremental.advance(store, held, version)
        advanced.append(time.perf_counter() - start)
        if i == 0:  # one full read is the baseline: each takes most of a minute
            start = time.perf_counter()
            incremental.read(store, version)
            whole.append(time.perf_counter() - start)
    store.engine.dispose()
    return advanced, whole


def first_views(
    servers: list[str], commit: Callable[[], int], rounds: int
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Per server: seconds from each commit to the page fully drawn at it, and the page drawn again."""
    from playwright.sync_api import sync_playwright

    first: dict[str, list[float]] = {s: [] for s in servers}
    again: dict[str, list[float]] = {s: [] for s in servers}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        for server in servers:  # warm: the browser's cache, each server's caches of the version held
            page.goto(server + PAGE)
            page.wait_for_function(DRAWN_JS, arg=300, timeout=600_000)
        for _ in range(rounds):
            for server in servers:  # each server's first view of a version of its own
                version = commit()
                committed = time.perf_counter()
                first[server].append(_drawn(page, server, version, committed))
                again[server].append(_drawn(page, server, version, time.perf_counter()))
        browser.close()
    return first, again


def _drawn(page: Any, server: str, version: int, since: float) -> float:
    """Seconds from `since` to the page fully drawn, checked to show `version`."""
    start = time.perf_counter()
    page.goto(server + PAGE)
    ms = float(page.wait_for_function(DRAWN_JS, arg=300, timeout=600_000).json_value())
    shown = str(page.evaluate("document.body.innerText"))
    if f"phiên bản {version}" not in shown:
        raise SystemExit(f"{server} did not show version {version}")
    return start - since + ms / 1000


@contextmanager
def servers(url: str, count: int) -> Iterator[list[str]]:
    """`count` servers over the store, each healthy once it holds the national version."""
    env = {"INDICATORS_DB": url}
    with ExitStack() as stack:
        yield [stack.enter_context(serve(PRODUCT, env, start_seconds=900)).url for _ in range(count)]


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    admin_url = os.environ.get("INDICATORS_TEST_PG_URL")
    if not admin_url:
        raise SystemExit(
            'set INDICATORS_TEST_PG_URL first: export INDICATORS_TEST_PG_URL="$(bash .ci/postgres.sh)"'
        )
    # Build the synthetic national dataset.
    data = areas.build()
    commune = str(
        data.areas.loc[(data.areas["level"] == "commune") & (data.areas["parent"] == "12"), "code"].iloc[0]
    )
    print(f"national synthetic data: {len(data.observations):,} figures; each round changes {commune}'s 40")
    load_before = os.getloadavg()[0]
    with areas.database(admin_url) as url:
        areas.load_fast(url, data)
        del data
        factor = iter(1.0 + i / 1000 for i in range(1, 10_000))

        def commit() -> int:
            return commit_commune(url, commune, next(factor))

        # Time each way of reaching the new version.
        advanced, whole = reach_times(url, commune, rounds)
        with servers(url, 1) as one:
            single, single_again = first_views(one, commit, rounds)
        with servers(url, 2) as two, multi.proxy(two):
            pair, pair_again = first_views(two, commit, rounds)
    # Print the table of ratios.
    lines = table(
        advanced, whole, single | pair, single_again | pair_again, (load_before, os.getloadavg()[0])
    )
    print("\n".join(lines))
    return 0


def table(
    advanced: list[float],
    whole: list[float],
    first: dict[str, list[float]],
    again: dict[str, list[float]],
    load: tuple[float, float],
) -> list[str]:
    """The figures as a Markdown table, medians [min–max]; ratios mean little on a busy machine."""
    med = statistics.median
    rows = [
        "| measure (national synthetic data, PostgreSQL) | result | goal |",
        "|---|---|---|",
        f"| reaching a new version: advance by its 40 rows vs a full read | {med(advanced):.2f} s vs "
        f"{med(whole):.1f} s ({med(advanced) / med(whole):.3f}×) | costs what changed |",
    ]
    for i, server in enumerate(first):
        where = "one server" if i == 0 else f"server {i} of two behind nginx"
        rows.append(
            f"| first fully drawn comparison page after a commit, {where} | {med(first[server]):.2f} s "
            f"[{min(first[server]):.2f}–{max(first[server]):.2f}]; drawn again {med(again[server]):.2f} s "
            f"({med(first[server]) / med(again[server]):.2f}×) | ≤ 3 s |"
        )
    rows += [
        "",
        f"Load average (1 min) at the start and the end: {load[0]:.2f} → {load[1]:.2f} "
        f"on {os.cpu_count()} cores.",
    ]
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
