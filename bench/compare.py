"""Comparing areas on many indicators at once, in this process, against one indicator alone.

Run from the project root: `.venv/bin/python -m bench.compare [--scale 0.1] [--rounds 3]`.
The national synthetic data of bench/areas.py (`--scale` keeps that share of the provinces, Lai Châu
first) and the shipped data. Each row times `compare_many` over every indicator under one parent and
prints it as a ratio to one indicator compared under the same parent in the same run: a batch that
paid its fixed cost once per indicator costs about as many times one as it holds indicators.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

from bench.areas import build
from bench.national import provinces
from indicators.areas import compare
from indicators.core.model import Dataset
from indicators.store import seed


def best_of(rounds: int, run: Callable[[], object]) -> float:
    """The fastest of `rounds` runs, in milliseconds (the machine is shared: the least disturbed run)."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def row(name: str, data: Dataset, year: int, parent: str, rounds: int) -> None:
    """One line: every indicator under `parent` against the first alone, and the ratio of the two."""
    codes = list(data.indicators["code"])
    one = best_of(rounds, lambda: compare.compare_many(data, codes[:1], year, parent))
    every = best_of(rounds, lambda: compare.compare_many(data, codes, year, parent))
    print(f"  {name:44s} {len(codes):4d} indicators {every:8.0f} ms  one {one:6.0f} ms  {every / one:6.1f}×")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1, help="share of the provinces, 0–1 (default 0.1)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each row, the best kept (default 3)")
    args = parser.parse_args(argv)
    national = build(provinces=provinces(args.scale))
    shipped = seed.load_source()
    load = os.getloadavg()[0]
    print("compare_many, every indicator against one (best of the runs, ratio to one):")
    row("shipped: Lai Châu's districts, 2020", shipped, 2020, "12", args.rounds)
    row("shipped: Tam Đường's communes, 2020", shipped, 2020, "106", args.rounds)
    row("national: the provinces, 2025", national, 2025, compare.COUNTRY, args.rounds)
    row("national: Lai Châu's communes, 2025", national, 2025, "12", args.rounds)
    print(f"Load average (1 min) at the start and the end: {load:.2f} → {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
