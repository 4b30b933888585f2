"""A dataset cut down to some indicators and one area, through row positions found once per version."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.core.model import Dataset

# The tables with a row per indicator and area: millions of figures at national scale. The others
# (indicators, areas, links, rules) are small and every page needs them whole.
CUT_TABLES = ("observations", "targets", "reported")


@dataclass(frozen=True)
class _Ids:
    """One table's indicator and area per row as small numbers: a look-up is a pass over integers."""

    code_ids: np.ndarray
    codes: Mapping[str, int]
    area_ids: np.ndarray
    areas: Mapping[str, int]

    @classmethod
    def of(cls, frame: pd.DataFrame) -> _Ids:
        code_ids, codes = pd.factorize(frame["code"])
        area_ids, areas = pd.factorize(frame["area"])
        return cls(
            code_ids.astype(np.int32),
            {str(c): i for i, c in enumerate(codes)},
            area_ids.astype(np.int32),
            {str(a): i for i, a in enumerate(areas)},
        )


@dataclass(frozen=True)
class RowIndex:
    """Per table, each row's indicator and area, to find the rows of a few of them without a scan of text."""

    tables: Mapping[str, _Ids]

    @classmethod
    def of(cls, data: Dataset) -> RowIndex:
        """Reads every figure once: meant to be built once per version and kept (dashboard/narrow.py)."""
        return cls({name: _Ids.of(getattr(data, name)) for name in CUT_TABLES})

    def rows(self, table: str, codes: Iterable[str] | None, area: str | None) -> np.ndarray | None:
        """Positions, ascending, of the rows of `codes` (None: every code) in `area` (None: every area).

        None when neither narrows anything: the caller keeps the whole table.
        """
        ids = self.tables[table]
        if codes is None and area is None:
            return None
        if area is not None:
            # An area's rows are few (an indicator's are a row per area): start there.
            out = np.flatnonzero(ids.area_ids == ids.areas.get(area, -1))
        else:
            out = np.arange(len(ids.code_ids))
        if codes is not None:
            wanted = [ids.codes[c] for c in codes if c in ids.codes]
            out = out[np.isin(ids.code_ids[out], wanted)]
        return out


def cut(
    data: Dataset, index: RowIndex, codes: Iterable[str] | None = None, area: str | None = None
) -> Dataset:
    """The dataset with only the figures, targets and reported % of `codes` in `area` (None: all).

    Every function that works one indicator and area at a time gives the same answer on the cut
    as on the whole; one that adds areas up needs the children, and is given the whole.
    """
    chosen = None if codes is None else list(codes)
    frames = {}
    for name in CUT_TABLES:
        positions = index.rows(name, chosen, area)
        frame = getattr(data, name)
        frames[name] = frame if positions is None else frame.take(positions)
    return dataclasses.replace(data, **frames)
