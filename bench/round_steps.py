"""A round's steps on a national store (open, send, approve, roll back), as ratios to one whole read of it.

Run from the project root with INDICATORS_TEST_PG_URL set (see .ci/postgres.sh):

    .venv/bin/python -m bench.round_steps --scale 0.1   # a tenth of the provinces, Lai Châu among them

bench.areas's national synthetic set (100 indicators, 2015–2025 for every commune) is written to a
fresh PostgreSQL database. One changed figure is written and rolled back; a province analyst opens a
round of two indicators for Lai Châu, one commune's reporter sends its two figures (without a copy of
the current version, as the command line does), and the analyst approves them. Each step's wall and
CPU seconds are printed against `Store.load()` of the same store, measured in this run, with the peak
memory before and after that read (the steps come first, so the first peak is theirs; the set-up's
whole reads for the rollbacks count in it) and the machine's load.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial

import pandas as pd

from bench.areas import build, database, load_fast
from bench.national import PROVINCE, provinces
from indicators.core.model import OBSERVATIONS, coerce
from indicators.excel.validate import Upload
from indicators.rounds import review, workflow
from indicators.store import accounts
from indicators.store.database import Store

PASSWORD = "mat-khau-rat-dai-2026!"
CODES = ("I000", "I001")


def timed(step: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `step` in this process."""
    wall, cpu = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - wall, time.process_time() - cpu


def peak_mb() -> float:
    """This process's peak resident memory so far, MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sent(commune: str, year: int) -> Upload:
    """A checked upload of the commune's two figures of `year`, as a reporter's workbook gives it."""
    rows = [
        {"code": c, "area": commune, "year": year, "kind": "actual", "value": 10.0 + i}
        for i, c in enumerate(CODES)
    ]
    return Upload("xa.xlsx", "0" * 64, "long", {"observations": coerce(OBSERVATIONS, pd.DataFrame(rows))})


def steps(store: Store, commune: str, repeats: int) -> dict[str, list[tuple[float, float]]]:
    """Each step's times, one year's round per repeat."""
    times: dict[str, list[tuple[float, float]]] = {"open_round": [], "submit": [], "approve": []}
    for year in range(2026, 2026 + repeats):
        opening = partial(
            workflow.open_round, store, "tinh", year, PROVINCE, ",".join(CODES), date(year, 12, 14)
        )
        times["open_round"].append(timed(opening))
        times["submit"].append(timed(partial(workflow.submit, store, "xa", sent(commune, year))))
        times["approve"].append(timed(partial(review.review, store, "tinh", commune, year, "approve")))
    return times


def rollbacks(store: Store, repeats: int) -> list[tuple[float, float]]:
    """Times of rolling back one changed figure: a version written (read whole: set-up), then undone."""
    times = []
    for _ in range(repeats):
        data = store.load()
        changed = data.observations.copy()
        changed.loc[changed.index[-1], "value"] = float(changed["value"].iloc[-1]) + 1
        store.commit(replace(data, observations=changed), "bench")
        times.append(timed(partial(store.rollback, data.version, "bench")))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1, help="share of the provinces, 0–1 (default 0.1)")
    parser.add_argument("--repeats", type=int, default=3, help="rounds opened, sent and approved (default 3)")
    args = parser.parse_args(argv)
    admin = os.environ.get("INDICATORS_TEST_PG_URL")
    if not admin:
        raise SystemExit("set INDICATORS_TEST_PG_URL (see .ci/postgres.sh)")
    os.environ.setdefault("INDICATORS_BCRYPT_ROUNDS", "4")
    data = build(provinces=provinces(args.scale))
    areas = data.areas
    commune = str(areas.loc[(areas["level"] == "commune") & (areas["parent"] == PROVINCE), "code"].iloc[0])
    with database(admin) as url:
        load_fast(url, data)
        store = Store(url, seed=None).ensure()
        accounts.add_user(store, "tinh", "analyst", PASSWORD, area=PROVINCE)
        accounts.add_user(store, "xa", "reporter", PASSWORD, area=commune)
        print(f"{len(data.observations):,} figures, {len(areas):,} areas; load {os.getloadavg()[0]:.1f}")
        times = {"rollback": rollbacks(store, args.repeats), **steps(store, commune, args.repeats)}
        before = peak_mb()
        whole = min(timed(store.load) for _ in range(args.repeats))
        store.engine.dispose()
    print(f"Store.load(): {whole[0]:.2f} s wall, {whole[1]:.2f} s CPU")
    print(f"peak memory: {before:.0f} MB after the steps, {peak_mb():.0f} MB after the whole read")
    for name, runs in times.items():
        wall, cpu = min(runs)
        ratio = f"{wall / whole[0]:.2f}× the whole read; CPU {cpu:.3f} s, {cpu / whole[1]:.2f}×"
        print(f"{name}: {wall:.3f} s wall ({ratio})")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
