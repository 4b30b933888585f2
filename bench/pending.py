"""Viewer pages with the "chưa duyệt" switch on against the same pages with it off, in one run.

Run from the project root: `.venv/bin/python -m bench.pending [runs]`. A store of the shipped data, the
four communes' 2026 figures and one sending waiting for review; each page's warm server-side run
(AppTest through app.py, median of `runs`) with the switch off (the baseline) and on, and their ratio.
The first run with the switch on builds the data with the pending figures and is timed apart (cold).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from bench.dashboard import go_to

if TYPE_CHECKING:  # Streamlit's test harness is imported only where a timing runs
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("pages/overview.py", "pages/detail.py", "pages/compare.py", "cay-che", "danh-gia-nam")
SWITCH = "show_pending_switch"


def _store(folder: Path) -> str:
    """A throwaway store: shipped data, the communes' figures, Bình Lư's tea area waiting for review."""
    import dataclasses

    import pandas as pd

    from indicators.core.model import OBSERVATIONS, coerce
    from indicators.excel import validate
    from indicators.excel import writer as xlsx_writer
    from indicators.rounds import workflow
    from indicators.store import accounts
    from indicators.store.database import Store
    from tests.support import areas_fixture  # the communes' hand-made 2026 figures, as the tests use

    url = f"sqlite:///{folder / 'store.sqlite'}"
    store = Store(url).ensure()
    areas_fixture.add_to(store, folder)
    accounts.add_user(store, "tinh", "analyst", "mat-khau-rat-dai-2026!", area="12")
    accounts.add_user(store, "binhlu", "reporter", "mat-khau-rat-dai-2026!", area="03390")
    workflow.open_round(store, "tinh", 2026, "12", "TEA_AREA", date(2026, 12, 14))
    # What the commune sends: the catalogue and its one figure, as a workbook.
    data = store.load()
    row = {"code": "TEA_AREA", "area": "03390", "year": 2026, "kind": "actual", "value": 990.0}
    sent = dataclasses.replace(
        data,
        observations=coerce(OBSERVATIONS, pd.DataFrame([row])),
        targets=data.targets.iloc[0:0],
        reported=data.reported.iloc[0:0],
    )
    upload = validate.check(xlsx_writer.workbook_bytes(sent), "xa.xlsx", data)
    workflow.submit(store, "binhlu", upload)
    return url


def _opened(page: str, switch: bool) -> tuple[AppTest, float]:
    """The page with the switch set, and how long the run that set it took (ms)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["area_chosen"] = "03390"
    go_to(at, page)
    at.run()
    start = time.perf_counter()
    at.toggle(key=SWITCH).set_value(switch).run()
    return at, (time.perf_counter() - start) * 1000


def _run(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    if at.exception:
        raise SystemExit(f"failed: {at.exception[0].value}")
    return (time.perf_counter() - start) * 1000


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    os.environ.setdefault("INDICATORS_BCRYPT_ROUNDS", "4")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INDICATORS_DB"] = _store(Path(tmp))
        print(f"Warm server-side run per page, off and on alternating, median of {runs} (ms):")
        print(f"  {'page':18} {'off':>6} {'on':>6} {'ratio':>6} {'paired':>6}   first run with the switch on")
        for page in PAGES:
            off_page, _ = _opened(page, False)
            on_page, first = _opened(page, True)
            # Alternating, so that the load of a shared machine falls on both alike.
            pairs = [(_run(off_page), _run(on_page)) for _ in range(runs)]
            off = statistics.median(p[0] for p in pairs)
            on = statistics.median(p[1] for p in pairs)
            paired = statistics.median(b / a for a, b in pairs)
            print(f"  {page:18} {off:6.0f} {on:6.0f} {on / off:6.2f} {paired:6.2f}   {first:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
