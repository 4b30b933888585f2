"""The awards register at a province's size: its page against a one-chart page, its check against a merge.

Run from the project root: `.venv/bin/python -m bench.awards [rounds]`. Five years of a province's
records (200,000 awards) and 5,000 proposals, made up with a fixed seed. Prints, measured in the
same run:
- the counts page fully drawn in headless Chromium against the one-chart page (goal: 2 or less);
- the proposal check against a bare pandas merge of the same rows (goal: 3 or less).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from bench.dashboard import MINIMAL_PAGE, browser_times
from bench.serving import PRODUCT, serve
from indicators.awards import catalogue as awards_catalogue
from indicators.awards.check import check
from indicators.store import register
from indicators.store.database import Store

AWARDS, PROPOSALS, YEARS = 200_000, 5_000, range(2021, 2026)
PEOPLE = 40_000  # a province's staff in units that keep emulation records
# (award, recipient kind, share of the register): ordinary titles are most of it, orders very few.
MIX = [
    ("lao_dong_tien_tien", "person", 0.62),
    ("cstd_co_so", "person", 0.12),
    ("tap_the_ldtt", "collective", 0.10),
    ("giay_khen_xa", "person", 0.06),
    ("tap_the_ldxs", "collective", 0.04),
    ("bang_khen_tinh", "person", 0.03),
    ("gia_dinh_tieu_bieu", "household", 0.02),
    ("cstd_tinh", "person", 0.006),
    ("co_thi_dua_tinh", "collective", 0.003),
    ("bang_khen_ttg", "person", 0.001),
]


def made_up(communes: list[str], n: int, years: range, seed: int) -> pd.DataFrame:
    """`n` award rows spread over the communes and years, recipients drawn from a fixed population."""
    rng = np.random.default_rng(seed)
    shares = np.array([m[2] for m in MIX])
    which = rng.choice(len(MIX), size=n, p=shares / shares.sum())
    person = rng.integers(0, PEOPLE, size=n)
    area = np.array(communes)[person % len(communes)]
    return pd.DataFrame(
        {
            "decision_no": [f"{i // 50}/QĐ-UBND" for i in range(n)],
            "decision_date": [date(int(y), 12, 15) for y in rng.choice(list(years), size=n)],
            "issuer": "UBND",
            "award": [MIX[k][0] for k in which],
            "recipient_kind": [MIX[k][1] for k in which],
            "name": [f"Người {p}" for p in person],
            "unit": [f"Đơn vị {p % 900}" for p in person],
            "area": area,
            "year": 0,
            "achievement": "",
        }
    ).assign(year=lambda f: [d.year for d in f["decision_date"]])


def check_times(rows: pd.DataFrame, proposals: pd.DataFrame, rounds: int) -> tuple[list[float], list[float]]:
    """Milliseconds of the proposal check and of a bare merge of the same rows, alternating."""
    catalogue = awards_catalogue.load()
    keys = ["recipient_kind", "name", "unit", "area"]
    checked: list[float] = []
    merged: list[float] = []
    for i in range(rounds):
        runs = (
            [("check", checked), ("merge", merged)] if i % 2 == 0 else [("merge", merged), ("check", checked)]
        )
        for kind, out in runs:
            start = time.perf_counter()
            if kind == "check":
                check(proposals, rows, catalogue)
            else:
                proposals.merge(rows, on=keys, how="left")
            out.append((time.perf_counter() - start) * 1000)
    return checked, merged


def _line(label: str, times: list[float]) -> str:
    return f"  {label:16s} {statistics.median(times):8.0f}  [{min(times):.0f}–{max(times):.0f}]"


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = f"sqlite:///{folder / 'store.sqlite'}"
        store = Store(url).ensure()
        areas = store.load().areas
        communes = sorted(set(areas.loc[areas["level"] == "commune", "code"]))
        communes = communes or sorted(set(areas["code"]))
        rows = made_up(communes, AWARDS, YEARS, seed=20)
        start = time.perf_counter()
        register.add(store, rows, "bench")
        print(f"{AWARDS:,} awards over {len(communes)} areas written in {time.perf_counter() - start:.1f} s")
        proposals = made_up(communes, PROPOSALS, range(2026, 2027), seed=26)[
            ["year", "award", "recipient_kind", "name", "unit", "area"]
        ]
        checked, merged = check_times(register.read(store), proposals, rounds)
        print(
            f"\nProposal check of {PROPOSALS:,} against {AWARDS:,} awards, {rounds} rounds "
            "(ms, median [min–max]):"
        )
        print(_line("check", checked))
        print(_line("bare merge", merged))
        print(f"  ratio            {statistics.median(checked) / statistics.median(merged):8.2f}  (goal ≤ 3)")

        minimal_script = folder / "minimal" / "minimal.py"
        minimal_script.parent.mkdir()
        minimal_script.write_text(MINIMAL_PAGE, encoding="utf-8")
        env = {"INDICATORS_DB": url}
        with serve(PRODUCT, env) as app, serve(minimal_script, env) as minimal_page:
            page, minimal = browser_times(app.url + "/so-khen-thuong", minimal_page.url + "/", rounds)
        print(f"\nFully drawn in headless Chromium, {rounds} alternating loads each (ms, median [min–max]):")
        print(_line("awards page", page))
        print(_line("one-chart page", minimal))
        print(f"  ratio            {statistics.median(page) / statistics.median(minimal):8.2f}  (goal ≤ 2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
