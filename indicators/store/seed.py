"""Builds the shipped workbook from data/source.toml, the reviewable transcription of the report."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pandas as pd

from indicators.areas import official as official_areas
from indicators.core import attainment
from indicators.core.model import AREA_LINKS, AREAS, TABLES, Dataset
from indicators.excel import workbook as excel

SOURCE = Path(__file__).resolve().parents[2] / "data" / "source.toml"


def load_source(path: Path = SOURCE) -> Dataset:
    """The transcription as a typed dataset, with the targets implied by printed % derived.

    Areas and their formed-from links come from the official lists (data/areas_lai_chau.csv,
    data/area_links_lai_chau.csv); the transcription's own area codes are mapped to official ones.
    """
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    frames = {t.name: pd.DataFrame(raw.get(t.name, []), columns=list(t.columns)) for t in TABLES}
    frames[AREAS.name], frames[AREA_LINKS.name] = official_areas.lai_chau()
    data = official_areas.map_legacy(Dataset.from_frames(frames))
    return attainment.derive_targets(data)


def main(argv: list[str] | None = None) -> int:
    """Write the workbook: `python -m indicators.store.seed [OUT.xlsx]`."""
    from indicators.store.database import SEED_WORKBOOK

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else SEED_WORKBOOK
    data = load_source()
    excel.write_workbook(data, out)
    counts = ", ".join(f"{k}: {v}" for k, v in data.counts().items())
    print(f"{out}: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
