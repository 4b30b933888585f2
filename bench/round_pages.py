"""The rounds' pages and a commune's submission, each as a ratio to a yardstick measured in the same run.

`python -m bench.round_pages --store URL` (an empty database; PostgreSQL for the issue's figures,
`--store-2 URL` a second one) writes two synthetic rounds: one province (38 communes) and the
country (3,321 communes), 40 indicators, a mix of states (bench/rounds.py's), the approved figures
committed as a version. Then it measures:
- the "Tình hình báo cáo" page fully drawn in headless Chromium, signed in as an analyst, for the
  province and for the country, against the one-chart page (bench/dashboard.py's; goal ≤ 2×);
- one commune's submission, preview (the upload page's isolated check, merge and comparison) plus
  commit (`workflow.submit`), against a bare calamine read of the same file (goal ≤ 2×); the file
  carries every area (an older template), or with `--own-areas` only the commune's, as the template
  the upload page gives a reporter now (a file of a few kilobytes: its bare read is a millisecond or two).
  The submission is timed as a server meets it: each file finds the spare parsing child the previous
  one left ready (`isolation.wait_for_spares()` before each timed run; a person's upload comes seconds
  after the last, and the spare loads pandas in about a second). Files sent back to back would time
  that loading instead. As on the upload page, the next spare starts once the preview is made, and
  the commit (a click after reading the preview) is timed once it has loaded. The cold first file
  (no spare yet: its child starts and imports for it, and the server's process meets the code for
  the first time) is printed too, on its own labelled row.
The floor is printed under it: what any safe submission of that file must do, with no check at all
(its cells read by calamine in a spare isolated child and sent back, plus one transaction writing the
commune's figures to a scratch table): the headroom the goal leaves the check, merge and commit.
Then the guarded floor: the same, with the byte guard run before the read, as the hardening rule asks
of every upload (refuse a far cell or a bomb before any parser runs), and only a count sent back.
`--submission-only` times the submission alone. The machine is shared: the load average is printed.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import python_calamine
from sqlalchemy import text

from bench import bare_read
from bench import rounds as synthetic
from bench.dashboard import CHROMIUM, CHROMIUM_ARGS, MINIMAL_PAGE, drawn_js
from bench.serving import PRODUCT, serve
from indicators.core.model import OBSERVATIONS, coerce
from indicators.excel import diff, isolation, validate
from indicators.excel import writer as xlsx_writer
from indicators.rounds import sending, workflow
from indicators.store import accounts, scope
from indicators.store.database import Store

PROVINCE = 38
GOAL = 2.0
STEPS = ("check (isolated)", "merge + compare", "submit")
READ, GUARDED_READ, WRITE = (
    "cells read in an isolated child, nothing checked",
    "the byte guard, then the cells read, in an isolated child",
    "one transaction writing the figures",
)
ANALYST, REPORTER, PASSWORD = "phan_tich", "can_bo_xa", "mat-khau-do-dai-cho-bench-2026"
STATUS_PATH = "tinh-hinh-bao-cao"
PAGE_DRAWN = drawn_js(require_chart=False)  # the status page draws tables and metrics, no chart
CHART_DRAWN = drawn_js(require_chart=True)


def national_store(url: str, communes: int) -> tuple[Store, pd.DataFrame]:
    """A round of `communes` areas under "P" (bench/rounds.py's), approved figures committed, two accounts."""
    children, sent, figures, expected = synthetic.build(communes, synthetic.INDICATORS)
    store = synthetic.stored(url, children, sent, figures, expected)
    if store.engine.dialect.name == "postgresql":
        # stored() writes the sendings with their ids: the sequence is moved past them for the next one.
        with store.engine.begin() as conn:
            conn.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('submissions', 'row_id'), max(row_id)) "
                    "FROM submissions"
                )
            )
    approved = sent[sent["state"] == "approved"][["row_id", "area"]].merge(figures, on="row_id")
    rows = approved.assign(year=2026, kind="actual", value=1.0).drop(columns="row_id")
    current = store.load()
    # Indicators as a catalogue holds them (a domain, a direction, a kind of value): the workbook a
    # commune sends carries the catalogue back, and the check reads it as any upload's.
    described = current.indicators.assign(domain="economy", direction="higher", value_kind="level")
    store.commit(
        replace(current, indicators=described, observations=coerce(OBSERVATIONS, rows)), account="bench"
    )
    os.environ["INDICATORS_BCRYPT_ROUNDS"] = "4"  # cheap hashes: these accounts live for one run
    accounts.add_user(store, ANALYST, "analyst", PASSWORD)
    quiet = sent.loc[sent["state"] == "pending", "area"].iloc[0] if (sent["state"] == "pending").any() else ""
    area = str(quiet or children["code"].iloc[0])
    accounts.add_user(store, REPORTER, "reporter", PASSWORD, area=area)
    return store, children[children["code"] == area].assign(expected=[expected])


def _signed_in(page: Any, url: str) -> None:
    from indicators.text.i18n import t

    page.goto(f"{url}/{STATUS_PATH}")
    page.wait_for_function(PAGE_DRAWN, arg=300, timeout=120_000)
    page.get_by_label(t("auth.name", "vi")).fill(ANALYST)
    page.get_by_label(t("auth.password", "vi"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.submit", "vi")).click()
    page.wait_for_function(
        "(t) => document.querySelector('h1')?.innerText.trim() === t",
        arg=t("rounds.page_title", "vi"),
        timeout=120_000,
    )


@contextmanager
def _browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _drawn(page: Any, url: str, js: str) -> float:
    page.goto(url)
    return float(page.wait_for_function(js, arg=300, timeout=120_000).json_value())


def page_times(urls: dict[str, str], minimal: str, loads: int) -> dict[str, list[float]]:
    """Milliseconds to fully drawn: each status page and the one-chart page, alternating, after a warm-up."""
    times: dict[str, list[float]] = {name: [] for name in [*urls, "one-chart page"]}
    with _browser() as browser:
        tabs = {}
        for name, url in urls.items():
            tabs[name] = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            _signed_in(tabs[name], url)
        tabs["one-chart page"] = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        targets = {**{n: (f"{u}/{STATUS_PATH}", PAGE_DRAWN) for n, u in urls.items()}}
        targets["one-chart page"] = (minimal, CHART_DRAWN)
        for name, (url, js) in targets.items():  # warm: server caches and the browser's
            _drawn(tabs[name], url, js)
        for i in range(loads):
            order = list(targets) if i % 2 == 0 else list(reversed(targets))
            for name in order:
                url, js = targets[name]
                times[name].append(_drawn(tabs[name], url, js))
    return times


def commune_book(store: Store, commune: pd.DataFrame, own_areas: bool = False) -> bytes:
    """The commune's 40 figures in a workbook carrying every area (an older template); `own_areas`:
    in the template the upload page gives a reporter now (its own areas, not the national list)."""
    codes = list(commune["expected"].iloc[0])
    area = str(commune["code"].iloc[0])
    data = sending.template(store.load(), area) if own_areas else store.load()
    rows = pd.DataFrame({"code": codes, "area": area, "year": 2026, "kind": "actual", "value": 2.5})
    sent = replace(
        data,
        observations=coerce(OBSERVATIONS, rows),
        targets=data.targets.iloc[0:0],
        reported=data.reported.iloc[0:0],
    )
    return xlsx_writer.workbook_bytes(sent)


def submission_times(
    store: Store, book: bytes, repeats: int
) -> tuple[dict[str, float], dict[str, float], float]:
    """Seconds of each step of preview + commit of the commune's file: the median of `repeats` steady
    runs (the spare child ready), the cold first file's; and the median of a bare calamine read.

    The steps are timed one by one in each run, so the table says where a slow submission spends it.
    """
    current = store.load()
    held = accounts.account(store, REPORTER)
    area = "" if held is None or held.area is None else held.area

    def ours() -> dict[str, float]:
        start = time.perf_counter()
        # As the upload page does for a reporter: checked against the area's own figures.
        against = workflow.scoped(current, scope.descendants(current.areas, area))
        upload = validate.check_isolated(book, "xa.xlsx", against)
        assert upload.ok, validate.report_text(upload)
        checked = time.perf_counter()
        diff.compare(against, diff.merge(against, upload))
        compared = time.perf_counter()
        # As the page does once the preview is made: the next file's child starts loading. The person
        # reads the preview and clicks to send: the send is its own run, seconds later.
        validate.start_spare()
        isolation.wait_for_spares()
        sending = time.perf_counter()
        # As the page does, with its copy of the current version; sent again, it replaces the last.
        workflow.submit(store, REPORTER, upload, current=current)
        done = time.perf_counter()
        return dict(zip(STEPS, (checked - start, compared - checked, done - sending), strict=True))

    isolation.drop_spares()
    cold = ours()  # no spare yet: the child starts and loads pandas and the reader for this file
    steady = []
    for _ in range(repeats):
        isolation.wait_for_spares()  # as between two people's uploads: the spare has loaded
        steady.append(ours())
    medians = {name: statistics.median(run[name] for run in steady) for name in STEPS}

    def bare() -> None:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(book))
        for name in workbook.sheet_names:
            workbook.get_sheet_by_name(name).to_python()

    return medians, cold, synthetic.best_of(bare, repeats)


def floor_times(store: Store, book: bytes, repeats: int) -> dict[str, float]:
    """Seconds of the floors' steps (medians of `repeats` runs, each finding the spare ready): the
    file's cells read in an isolated child and sent back; the byte guard then that read, a count sent
    back; one transaction writing 40 figures' rows."""
    rows = [
        {"code": f"IND_{i:02d}", "area": "floor", "year": 2026, "kind": "actual", "value": 2.5}
        for i in range(synthetic.INDICATORS)
    ]
    with store.engine.begin() as conn:
        columns = "code text, area text, year int, kind text, value float"
        conn.execute(text(f"CREATE TABLE bench_floor ({columns})"))

    def isolated_read() -> None:
        isolation.run(bare_read.cells, book, keep_warm=True)

    def guarded_read() -> None:
        assert isolation.run(bare_read.guarded_count, book, keep_warm=True) > 0, "the guard refused the file"

    def write_rows() -> None:
        with store.engine.begin() as conn:
            conn.execute(text("DELETE FROM bench_floor"))
            conn.execute(text("INSERT INTO bench_floor VALUES (:code, :area, :year, :kind, :value)"), rows)

    steps = {
        READ: _timed_apart(isolated_read, repeats),
        GUARDED_READ: _timed_apart(guarded_read, repeats),
        WRITE: synthetic.best_of(write_rows, repeats),
    }
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE bench_floor"))
    return steps


def _timed_apart(run: Callable[[], None], repeats: int) -> float:
    """The median of `repeats` runs after one to warm up, each timed from the spare being ready (as
    the submission is: the spare's start and the wait are outside the timing)."""
    times = []
    for _ in range(repeats + 1):
        isolation.wait_for_spares()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def _row(name: str, ours: float, base: float, unit: str = "ms") -> str:
    return f"| {name} | {ours:.0f} {unit} | {base:.0f} {unit} | {ours / base:.2f}× | ≤ {GOAL:.0f}× |"


def _submission_rows(
    stages: dict[str, float], cold: dict[str, float], bare_s: float, floor: dict[str, float]
) -> None:
    ours_s, cold_s = sum(stages.values()), sum(cold.values())
    name = "one commune's submission, preview + commit vs calamine read (spare child ready)"
    print(_row(name, ours_s * 1000, bare_s * 1000))
    for step, seconds in stages.items():
        print(f"|   of which {step} | {seconds * 1000:.0f} ms | | {seconds / bare_s:.1f}× | |")
    cold_name = "the cold first file (its child started for it), not the goal's measure"
    print(f"| {cold_name} | {cold_s * 1000:.0f} ms | {bare_s * 1000:.0f} ms | {cold_s / bare_s:.2f}× | |")
    for step, seconds in cold.items():
        print(f"|   of which {step} | {seconds * 1000:.0f} ms | | {seconds / bare_s:.1f}× | |")
    floors = {
        "the floor: the same file read safely and its figures written, nothing checked": (READ, WRITE),
        "the guarded floor: the same, the byte guard run before the read": (GUARDED_READ, WRITE),
    }
    for floor_name, steps in floors.items():
        floor_s = sum(floor[step] for step in steps)
        ratio = floor_s / bare_s
        print(f"| {floor_name} | {floor_s * 1000:.0f} ms | {bare_s * 1000:.0f} ms | {ratio:.2f}× | |")
        for step in steps:
            print(f"|   of which {step} | {floor[step] * 1000:.0f} ms | | {floor[step] / bare_s:.1f}× | |")


def _submission_table(
    communes: int, stages: dict[str, float], cold: dict[str, float], bare_s: float, floor: dict[str, float]
) -> None:
    print(f"submission: one of {communes:,} communes, {synthetic.INDICATORS} figures")
    print("| measure | product | baseline | ratio | goal |")
    print("| --- | --- | --- | --- | --- |")
    _submission_rows(stages, cold, bare_s, floor)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--store", required=True, help="an empty database's URL: the country's round")
    parser.add_argument("--store-2", required=True, help="a second empty database: the province's round")
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 3,321 communes to keep")
    parser.add_argument("--loads", type=int, default=7, help="loads of each page")
    parser.add_argument("--repeats", type=int, default=7, help="runs of each submission timing")
    parser.add_argument("--submission-only", action="store_true", help="time the submission, not the pages")
    parser.add_argument("--own-areas", action="store_true", help="the reporter's template: its own areas")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    communes = max(PROVINCE + 1, int(synthetic.COMMUNES * args.scale))
    country, commune = national_store(args.store, communes)
    book = commune_book(country, commune, args.own_areas)
    stages, cold, bare_s = submission_times(country, book, args.repeats)
    floor = floor_times(country, book, args.repeats)
    ours_s = sum(stages.values())
    if args.submission_only:
        _submission_table(communes, stages, cold, bare_s, floor)
        print(f"load average (1 min): {load_before:.2f} → {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        return 0 if ours_s / bare_s <= GOAL else 1
    national_store(args.store_2, PROVINCE)
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal" / "minimal.py"
        minimal.parent.mkdir()
        minimal.write_text(MINIMAL_PAGE, encoding="utf-8")
        env = {"INDICATORS_REQUIRE_SIGN_IN": ""}
        with (
            serve(PRODUCT, {**env, "INDICATORS_DB": args.store_2}) as one,
            serve(PRODUCT, {**env, "INDICATORS_DB": args.store}) as all_,
            serve(minimal, env) as chart,
        ):
            names = {f"province ({PROVINCE} communes)": one.url, f"country ({communes:,} communes)": all_.url}
            times = page_times(names, chart.url + "/", args.loads)
    yardstick = statistics.median(times.pop("one-chart page"))
    print(
        f"rounds: {communes:,} and {PROVINCE} communes × {synthetic.INDICATORS} indicators, "
        f"{args.loads} loads"
    )
    print("| measure | product | baseline | ratio | goal |")
    print("| --- | --- | --- | --- | --- |")
    ratios = []
    for name, samples in times.items():
        ours = statistics.median(samples)
        ratios.append(ours / yardstick)
        print(_row(f"status page, {name}, fully drawn vs one-chart page", ours, yardstick))
    ratios.append(ours_s / bare_s)
    _submission_rows(stages, cold, bare_s, floor)
    print(f"load average (1 min): {load_before:.2f} → {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0 if max(ratios) <= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
