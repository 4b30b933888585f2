"""The status of a national reporting round, as a ratio to a bare groupby over the same figures.

`python -m bench.rounds` builds a synthetic round in memory: 3,321 communes × 40 indicators, a mix
of states (not sent, pending, returned and sent again, approved; on time and late). It times
`indicators.rounds.status.status` + `totals` against a bare pandas groupby that counts each
sending's figures (goal ≤ 3×), both measured in this run, and prints the ratio with the load average.
`--scale 0.1` keeps a tenth of the communes. With `--store URL` (an empty database, PostgreSQL for
the issue's figures) the same round is written to a store and `review.round_status` (reading the
sendings and their figures, then the same computation) is timed against a bare read_sql of the same
rows, their figures parsed and counted by a groupby.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pandas as pd

from indicators.core.model import Dataset
from indicators.rounds import review, status
from indicators.store.database import Store
from indicators.store.round_tables import report_rounds, submissions

COMMUNES, INDICATORS = 3321, 40
GOAL = 3.0
DUE = date(2026, 12, 14)
TODAY = date(2026, 12, 20)


def build(
    communes: int, indicators: int, seed: int = 24
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list[str]]:
    """Children, sendings and their figures: a fifth not sent, a tenth returned and sent again."""
    rng = np.random.default_rng(seed)
    codes = [f"{i:05d}" for i in range(communes)]
    children = pd.DataFrame({"code": codes, "name": [f"Xã {c}" for c in codes]})
    expected = [f"IND_{j:02d}" for j in range(indicators)]
    fate = rng.choice(["not_sent", "pending", "returned", "approved"], size=communes, p=[0.2, 0.3, 0.1, 0.4])
    sent_rows: list[dict] = []
    for area, state in zip(codes, fate, strict=True):
        if state == "not_sent":
            continue
        at = datetime(2026, 12, 8, tzinfo=UTC) + timedelta(hours=int(rng.integers(0, 24 * 12)))
        if state == "returned":  # returned once, then sent again and waiting
            sent_rows.append({"area": area, "state": "returned", "submitted_at": at})
            at += timedelta(days=2)
            state = "pending"
        sent_rows.append({"area": area, "state": state, "submitted_at": at})
    sent = pd.DataFrame(sent_rows).assign(row_id=lambda f: np.arange(1, len(f) + 1))
    # Each sending holds most of the expected figures: 30 to 40 of the 40.
    held = rng.integers(int(indicators * 0.75), indicators + 1, size=len(sent))
    figures = pd.DataFrame(
        {
            "row_id": np.repeat(sent["row_id"].to_numpy(), held),
            "code": np.concatenate([expected[:n] for n in held]),
        }
    )
    return children, sent, figures, expected


def best_of(run: Callable[[], object], repeats: int) -> float:
    """The median of `repeats` timed runs, in seconds, after one run to warm up."""
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def stored(
    url: str, children: pd.DataFrame, sent: pd.DataFrame, figures: pd.DataFrame, expected: list[str]
) -> Store:
    """The round written to an empty store at `url`: the areas under province "P", one round, the sendings."""
    store = Store(url, seed=None).ensure()
    areas = pd.DataFrame({"code": ["P", *children["code"]], "name": ["Tỉnh P", *children["name"]]})
    areas = areas.assign(
        level=["province"] + ["commune"] * len(children), parent=["", *["P"] * len(children)]
    )
    indicators = pd.DataFrame({"code": expected, "name_vi": expected, "name_en": expected, "unit": "ha"})
    store.commit(Dataset.from_frames({"areas": areas, "indicators": indicators}), account="bench")
    with store.engine.begin() as conn:
        conn.execute(
            report_rounds.insert().values(
                year=2026,
                half=None,
                parent="P",
                indicators=json.dumps(expected),
                due_date=DUE.isoformat(),
                opened_by="bench",
                opened_at=datetime.now(UTC),
            )
        )
        held = figures.groupby("row_id")["code"].agg(list)
        area_of = dict(zip(sent["row_id"], sent["area"], strict=True))
        rows = [
            {
                "row_id": int(r.row_id),
                "round_id": 1,
                "area": r.area,
                "state": r.state,
                "submitted_at": r.submitted_at,
                "file_name": "xa.xlsx",
                "sha256": "",
                "submitted_by": "bench",
                "note": "",
                "figure_notes": "{}",
                "figures": json.dumps(
                    [
                        {"code": c, "area": area_of[r.row_id], "year": 2026, "kind": "actual", "value": 1.0}
                        for c in held.get(r.row_id, [])
                    ]
                ),
            }
            for r in sent.itertuples(index=False)
        ]
        conn.execute(submissions.insert(), rows)
    return store


def bare_read(store: Store) -> pd.Series:
    """The baseline of the store path: the same rows by read_sql, their figures parsed and counted."""
    frame = pd.read_sql("SELECT row_id, figures FROM submissions WHERE round_id = 1", store.engine)
    codes = [
        (i, f["code"])
        for i, raw in zip(frame["row_id"], frame["figures"], strict=True)
        for f in json.loads(raw)
    ]
    return pd.DataFrame(codes, columns=["row_id", "code"]).groupby("row_id")["code"].nunique()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 3,321 communes to keep")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--store", default=None, help="an empty database's URL: time the path from the store")
    args = parser.parse_args(argv)
    communes = max(10, int(COMMUNES * args.scale))
    children, sent, figures, expected = build(communes, INDICATORS)
    load_before = os.getloadavg()[0]

    def product() -> object:
        frame = status.status(children, sent, figures, expected, DUE, TODAY)
        return status.totals(frame)

    def bare() -> object:
        return figures.groupby("row_id")["code"].nunique()

    ours, baseline = best_of(product, args.repeats), best_of(bare, args.repeats)
    ratio = ours / baseline
    print(
        f"round: {communes:,} communes × {INDICATORS} indicators, "
        f"{len(sent):,} sendings, {len(figures):,} figures"
    )
    print("| measure | product | baseline | ratio | goal |")
    print("| --- | --- | --- | --- | --- |")
    print(
        f"| status + totals vs bare groupby | {ours * 1000:.1f} ms | {baseline * 1000:.1f} ms "
        f"| {ratio:.2f}× | ≤ {GOAL:.0f}× |"
    )
    if args.store:
        store = stored(args.store, children, sent, figures, expected)
        ours_db = best_of(lambda: review.round_status(store, 2026, "P", TODAY), max(3, args.repeats // 2))
        bare_db = best_of(lambda: bare_read(store), max(3, args.repeats // 2))
        print(
            f"| status from the store vs bare read_sql + groupby | {ours_db * 1000:.1f} ms "
            f"| {bare_db * 1000:.1f} ms | {ours_db / bare_db:.2f}× | ≤ {GOAL:.0f}× |"
        )
    print(f"load average (1 min): {load_before:.2f} → {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
