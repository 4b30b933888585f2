"""`make seed`: writes the shipped workbook (data/tam_duong_2015_2025.xlsx) from data/source.toml."""

from __future__ import annotations

import sys
from pathlib import Path

from indicators.excel import workbook as excel
from indicators.store.seed import SEED_WORKBOOK, load_source


def main(argv: list[str] | None = None) -> int:
    """Write the workbook: `python -m indicators.cli.seed [OUT.xlsx]`."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else SEED_WORKBOOK
    data = load_source()
    excel.write_workbook(data, out)
    counts = ", ".join(f"{k}: {v}" for k, v in data.counts().items())
    print(f"{out}: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
