"""Comparing areas at national scale, in PostgreSQL: page draw, server memory, reading a version.

Run from the project root: `.venv/bin/python -m bench.areas [rounds]` with INDICATORS_TEST_PG_URL set
(`export INDICATORS_TEST_PG_URL="$(bash .ci/postgres.sh)"`). National synthetic data: the 34 provinces
and 3,321 communes of the official list (package vietnam-provinces), 100 summable indicators,
2015–2025 figures for every commune and 2025 targets for every commune and province. Prints:
- the comparison page fully drawn (one province; the whole country) against the minimal one-chart
  page in the same run (goal ≤ 2×);
- the resident memory of the server holding the national dataset (goal ≤ 1.5 GB);
- Store.load of one version against a bare pandas read_sql of the same rows (goal ≤ 1.5×);
then the same figures as a Markdown table for the issue's closing note, with the load average.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.dashboard import CHROMIUM, CHROMIUM_ARGS, DRAWN_JS, MINIMAL_PAGE
from bench.serving import PRODUCT, serve
from indicators.areas import official as official_areas
from indicators.core.model import TABLES, Dataset
from indicators.store.database import ROW_TABLES, Store, row_hashes

ROOT = Path(__file__).resolve().parents[1]
INDICATORS = 100
YEARS = np.arange(2015, 2026)


def describe(data: Dataset, seconds: float) -> str:
    """One line saying what a synthetic dataset holds and how long it took to build."""
    level = data.areas["level"]
    return (
        f"dataset: {(level == 'province').sum()} provinces, {(level == 'commune').sum():,} communes, "
        f"{len(data.indicators)} indicators, {len(data.observations):,} figures, "
        f"{len(data.targets):,} targets ({seconds:.0f} s to build)"
    )


def build(seed: int = 9, provinces: list[str] | None = None, years: np.ndarray = YEARS) -> Dataset:
    """The official national list, 100 indicators in ha (summed), 2015–2025 for every commune.

    `provinces` keeps those provinces and their communes only (the tests' reduced national shape),
    `years` the figures' years (the targets stay 2025's).
    """
    rng = np.random.default_rng(seed)
    areas = official_areas.national_areas()
    if provinces is not None:
        areas = areas[areas["code"].isin(provinces) | areas["parent"].isin(provinces)]
    communes = areas.loc[areas["level"] == "commune", "code"].to_numpy(dtype=object)
    codes = np.array([f"I{i:03d}" for i in range(INDICATORS)], dtype=object)
    indicators = pd.DataFrame(
        {
            "code": codes,
            "name_vi": [f"Chỉ tiêu {i}" for i in range(INDICATORS)],
            "name_en": [f"Indicator {i}" for i in range(INDICATORS)],
            "domain": "economy",
            "unit": "ha",
            "direction": "higher",
            "value_kind": "level",
        }
    )
    pairs = len(communes) * INDICATORS
    base = rng.uniform(10, 1000, pairs)
    growth = rng.uniform(-0.02, 0.08, pairs)
    values = base[:, None] * np.power(1 + growth[:, None], (years - YEARS[0])[None, :])
    observations = pd.DataFrame(
        {
            "code": np.repeat(np.tile(codes, len(communes)), len(years)),
            "area": np.repeat(np.repeat(communes, INDICATORS), len(years)),
            "year": np.tile(years, pairs),
            "kind": "actual",
            "value": values.ravel(),
        }
    )
    every = areas["code"].to_numpy(dtype=object)
    targets = pd.DataFrame(
        {
            "code": np.tile(codes, len(every)),
            "area": np.repeat(every, INDICATORS),
            "year": 2025,
            "term": "2020-2025",
            "target_kind": "NQ",
            "comparator": "at_least",
            "value": rng.uniform(10, 1200, len(every) * INDICATORS),
        }
    )
    return Dataset.from_frames(
        {"indicators": indicators, "observations": observations, "targets": targets, "areas": areas}
    )


@contextmanager
def database(admin_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database on the test server, dropped afterwards."""
    name = f"bench_areas_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def load_fast(url: str, data: Dataset) -> None:
    """Version 1 written with COPY (the bench measures reading; Store.commit would take minutes)."""
    store = Store(url, seed=None).ensure()
    engine = store.engine
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO versions (account, created_at, action, file_name, sha256, note, counts) "
                "VALUES ('bench', now(), 'import', '', '', 'national synthetic', '{}')"
            )
        )
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for model in TABLES:
            frame = data.frame(model)
            if frame.empty:
                continue
            out = frame.copy()
            out["row_hash"] = row_hashes(frame).to_numpy()
            out["since_version"] = 1
            columns = [*model.columns, "row_hash", "since_version"]
            buffer = io.StringIO()
            # \N for missing numbers; an empty text stays an empty text (the columns are NOT NULL).
            out[columns].to_csv(buffer, index=False, header=False, na_rep="\\N")
            buffer.seek(0)
            table = ROW_TABLES[model.name].name
            statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
            with cursor.copy(statement) as copy:
                while chunk := buffer.read(1 << 20):
                    copy.write(chunk)
        raw.commit()
    finally:
        raw.close()
    # Planned as a store in service is, whose tables autovacuum has analysed; not as a fresh load
    # that the planner knows nothing about yet (minutes on a busy server), which plans otherwise.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
    engine.dispose()


def read_times(url: str, rounds: int) -> tuple[float, float]:
    """Best of `rounds`: Store.load(1), and pandas read_sql of the same live rows of every table."""
    store = Store(url, seed=None).ensure()

    def bare() -> None:
        with store.engine.connect() as conn:
            for model in TABLES:
                columns = ", ".join(model.columns)
                pd.read_sql(
                    text(
                        f"SELECT {columns} FROM {ROW_TABLES[model.name].name} "
                        "WHERE since_version <= 1 AND (until_version IS NULL OR until_version > 1)"
                    ),
                    conn,
                )

    loads, bares = [], []
    for _ in range(rounds):  # alternate, so both see the same load on a shared machine
        start = time.perf_counter()
        store.load(1)
        loads.append(time.perf_counter() - start)
        start = time.perf_counter()
        bare()
        bares.append(time.perf_counter() - start)
    store.engine.dispose()
    return min(loads), min(bares)


def rss_mb(pid: int) -> float:
    """Resident memory of a process, MB, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def draw_times(urls: list[str], rounds: int) -> dict[str, list[float]]:
    """Milliseconds to fully drawn per URL, loaded in turn `rounds` times after a warm pass."""
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {u: [] for u in urls}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        for url in urls * 2:  # warm: the dataset read once per version, caches, browser cache
            page.goto(url)
            page.wait_for_function(DRAWN_JS, arg=300, timeout=600_000)
        for i in range(rounds):
            for url in urls[i % len(urls) :] + urls[: i % len(urls)]:
                page.goto(url)
                times[url].append(
                    float(page.wait_for_function(DRAWN_JS, arg=300, timeout=120_000).json_value())
                )
        browser.close()
    return times


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    admin_url = os.environ.get("INDICATORS_TEST_PG_URL")
    if not admin_url:
        raise SystemExit(
            'set INDICATORS_TEST_PG_URL first: export INDICATORS_TEST_PG_URL="$(bash .ci/postgres.sh)"'
        )
    # Build the synthetic national dataset.
    start = time.perf_counter()
    data = build()
    province = "12"
    print(describe(data, time.perf_counter() - start))
    load_before = os.getloadavg()[0]
    with database(admin_url) as url:
        start = time.perf_counter()
        load_fast(url, data)
        print(f"written to PostgreSQL with COPY in {time.perf_counter() - start:.0f} s")
        del data

        # Reading one version.
        loaded, bare = read_times(url, 3)
        print("\nReading version 1 (best of 3, s):")
        print(f"  Store.load           {loaded:6.2f}")
        print(f"  pandas read_sql      {bare:6.2f}")
        print(f"  ratio                {loaded / bare:6.2f}  (goal ≤ 1.5)")

        # The page, drawn.
        with tempfile.TemporaryDirectory() as tmp:
            minimal = Path(tmp) / "minimal.py"
            minimal.write_text(MINIMAL_PAGE, encoding="utf-8")
            env = {"INDICATORS_DB": url}
            with serve(PRODUCT, env, start_seconds=120) as app, serve(minimal, env) as yardstick:
                compare_url = f"{app.url}/so-sanh-dia-ban?indicator=I000&parent="
                pages = {
                    "one province (Lai Châu, 38 communes)": compare_url + province,
                    "whole country (34 provinces)": compare_url + "VN",
                    "one-chart page": yardstick.url + "/",
                }
                times = draw_times(list(pages.values()), rounds)
                memory = rss_mb(app.pid)
            base = statistics.median(times[pages["one-chart page"]])
            print(f"\nFully drawn in headless Chromium, {rounds} loads each (ms, median [min–max], ratio):")
            for name, page_url in pages.items():
                ms = times[page_url]
                print(
                    f"  {name:38s} {statistics.median(ms):7.0f}  [{min(ms):.0f}–{max(ms):.0f}]"
                    f"  {statistics.median(ms) / base:5.2f}×"
                )
            print("  goal: comparison pages ≤ 2× the one-chart page")
            print(f"\nServer memory with the national dataset loaded: {memory:,.0f} MB (goal ≤ 1,536 MB)")
    drawn = {name: statistics.median(ms) for name, ms in ((n, times[u]) for n, u in pages.items())}
    print("\nFor the closing note:\n")
    print("\n".join(closing_note(loaded, bare, drawn, memory, (load_before, os.getloadavg()[0]))))
    return 0


def closing_note(
    loaded: float, bare: float, drawn: dict[str, float], memory: float, load: tuple[float, float]
) -> list[str]:
    """The figures as a Markdown table, with the machine's load: ratios mean little on a busy machine."""
    base = drawn["one-chart page"]
    province, country = (drawn[n] for n in list(drawn)[:2])
    return [
        "| measure (national synthetic data, PostgreSQL) | result | goal |",
        "|---|---|---|",
        f"| reading one version: Store.load vs bare pandas read_sql of the same rows "
        f"| {loaded / bare:.2f}× ({loaded:.1f} s vs {bare:.1f} s) | ≤ 1.5× |",
        f"| comparison page fully drawn, one province (38 communes), vs one-chart page "
        f"| {province / base:.2f}× ({province:,.0f} vs {base:,.0f} ms) | ≤ 2× |",
        f"| comparison page fully drawn, whole country (34 provinces) "
        f"| {country / base:.2f}× ({country:,.0f} vs {base:,.0f} ms) | ≤ 2× |",
        f"| server memory (RSS) with the national dataset | {memory:,.0f} MB | ≤ 1,536 MB |",
        "",
        f"Load average (1 min) at the start and the end: {load[0]:.2f} → {load[1]:.2f} "
        f"on {os.cpu_count()} cores.",
    ]


if __name__ == "__main__":
    raise SystemExit(main())
