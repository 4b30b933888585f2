"""What a fresh store starts from: the shipped data, read from the transcription data/source.toml."""

from __future__ import annotations

import functools
import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from indicators.areas import official as official_areas
from indicators.core import attainment
from indicators.core.model import AREA_LINKS, AREAS, TABLES, Dataset

DATA = Path(__file__).resolve().parents[2] / "data"
SOURCE = DATA / "source.toml"
SEED_WORKBOOK = DATA / "tam_duong_2015_2025.xlsx"


def load_source(path: Path = SOURCE) -> Dataset:
    """The transcription as a typed dataset, with the targets implied by printed % derived.

    Areas and their formed-from links come from the official lists (data/areas_lai_chau.csv,
    data/area_links_lai_chau.csv); the transcription's own area codes are mapped to official ones.
    """
    stat = path.stat()
    read = _read_source(path, stat.st_mtime_ns, stat.st_size)
    # Every fresh store (a test makes hundreds) seeds from the same file: it is parsed once per
    # process and changed file, and each caller gets frames of its own to keep.
    return Dataset(version=read.version, **{t.name: read.frame(t).copy() for t in TABLES})


def source_order(path: Path = SOURCE) -> dict[str, int]:
    """Each shipped indicator's place in the source report, as the transcription lists them.

    The store keeps its rows in code order; a báo cáo lists goals as the source does ("thu nhập" before
    "thu ngân sách", "xếp loại tốt" before "khá"), so the order is read from the transcription.
    """
    stat = path.stat()
    # The parsed transcription is cached; its frames are read here, never changed, so none is copied.
    codes = _read_source(path, stat.st_mtime_ns, stat.st_size).indicators["code"]
    return {str(code): place for place, code in enumerate(codes)}


@functools.lru_cache(maxsize=4)
def _read_source(path: Path, mtime_ns: int, size: int) -> Dataset:
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    frames = {t.name: pd.DataFrame(raw.get(t.name, []), columns=list(t.columns)) for t in TABLES}
    frames[AREAS.name], frames[AREA_LINKS.name] = official_areas.lai_chau()
    data = official_areas.map_legacy(Dataset.from_frames(frames))
    return attainment.derive_targets(data)


@dataclass(frozen=True)
class Seed:
    """The data a fresh store commits as version 1, and the file its history names for it.

    The store takes frames, never a workbook: reading Excel belongs to the layer above it.
    """

    file: Path
    source: Path = SOURCE

    def load(self) -> Dataset:
        """The frames to commit."""
        return load_source(self.source)

    def sha256(self) -> str:
        """The checksum of the named file, as an upload's would be recorded."""
        return hashlib.sha256(self.file.read_bytes()).hexdigest()


# The shipped workbook is written from the transcription (python -m indicators.cli.seed), and a
# test holds the two equal, so the history names the file people download while the store reads
# the reviewable source.
SHIPPED = Seed(SEED_WORKBOOK)
