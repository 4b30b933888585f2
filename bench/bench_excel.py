"""Benchmark: validate + preview and commit of a 100,000-row workbook, as ratios to a bare calamine read."""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from indicators import diff, excel, seed, validate
from indicators.model import ObsKind
from indicators.store import Store


def big_dataset(rows: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The shipped data with `rows` observations: every code × area × year × kind until enough."""
    data = seed.load_source()
    keys = itertools.product(
        data.indicators["code"], data.areas["code"], range(1980, 2100), [ObsKind.ACTUAL.value, ObsKind.ESTIMATE.value]
    )
    picked = list(itertools.islice(keys, rows))
    rng = np.random.default_rng(4)
    frame = pd.DataFrame(picked, columns=["code", "area", "year", "kind"])
    frame["value"] = rng.uniform(0, 100, rows).round(2)
    frame["quote"] = "số liệu thử"
    return data, frame


def timed(label: str, func: object, base: float) -> float:
    start = time.perf_counter()
    func()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label:<28} {seconds:7.2f} s   ratio {seconds / base:5.2f}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()

    # Load inputs.
    data, observations = big_dataset(args.rows)
    from indicators.model import Dataset

    big = Dataset.from_frames({**{t: data.__dict__[t] for t in ("indicators", "targets", "reported", "areas")},
                               "observations": observations})
    folder = Path(tempfile.mkdtemp())
    path = folder / "big.xlsx"
    started = time.perf_counter()
    excel.write_workbook(big, path)
    print(f"wrote {path.stat().st_size / 1e6:.1f} MB, {args.rows:,} rows in {time.perf_counter() - started:.1f} s")
    raw = path.read_bytes()

    # Process data.
    starts = []
    for _ in range(3):
        start = time.perf_counter()
        pd.read_excel(path, sheet_name=None, engine="calamine")
        starts.append(time.perf_counter() - start)
    base = min(starts)
    print(f"{'bare read_excel(calamine)':<28} {base:7.2f} s   ratio  1.00")
    store = Store(f"sqlite:///{folder / 'store.sqlite'}").ensure()
    current = store.load()
    result: dict[str, object] = {}

    def check_and_preview() -> None:
        upload = validate.check(raw, path.name, current)
        assert upload.ok, validate.report_text(upload)[:2000]
        merged = diff.merge(current, upload)
        result["merged"] = merged
        result["preview"] = diff.compare(current, merged)

    timed("validate + preview", check_and_preview, base)
    print(result["preview"].counts().to_string(index=False))  # type: ignore[union-attr]
    timed("commit", lambda: store.commit(result["merged"], "bench", path.name), base)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
