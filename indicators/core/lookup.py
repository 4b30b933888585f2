"""Fast look-up of one level per indicator, area and year, by integer keys."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.core.model import Dataset, ObsKind

# Above this many (code × area × year) cells a dense table would waste memory; a hash index is used.
DENSE_LIMIT = 40_000_000
KINDS = ["estimate", "official", ""]  # what a level is (attainment.actual_kind's words)


def positions(values: pd.Series | np.ndarray, known: pd.Index) -> np.ndarray:
    """Positions of `values` in `known` (−1 where unknown), hashing each distinct value once."""
    codes, uniques = pd.factorize(pd.Series(values) if isinstance(values, np.ndarray) else values)
    if len(uniques) == 0:
        return np.full(len(codes), -1, dtype="int64")
    mapped = known.get_indexer(uniques)
    return np.where(codes >= 0, mapped[np.maximum(codes, 0)], -1)


# Above this many rows on either side keys are matched by pandas' own index; below it, by a dict.
_HASHED = 5_000


def matches(left: pd.DataFrame, right: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """For each row of `left`, the position of the last row of `right` with its `keys`, −1 where none.

    A district's few hundred keys are matched in a dict: a merge's set-up cost more than the rest of
    the judging. Large frames (a country's targets) go through a MultiIndex, the same matches.
    """
    if right.empty:
        return np.full(len(left), -1, dtype="int64")
    if len(left) > _HASHED or len(right) > _HASHED:
        known = pd.MultiIndex.from_arrays([right[k] for k in keys])
        last = ~known.duplicated(keep="last")
        at = known[last].get_indexer(pd.MultiIndex.from_arrays([left[k] for k in keys]))
        return np.where(at >= 0, np.flatnonzero(last)[np.maximum(at, 0)], -1)
    where = {key: i for i, key in enumerate(zip(*(right[k].tolist() for k in keys), strict=True))}
    found = [where.get(key, -1) for key in zip(*(left[k].tolist() for k in keys), strict=True)]
    return np.array(found, dtype="int64")


def take_labels(labels: pd.Series, where: np.ndarray) -> pd.Categorical:
    """labels[where] as a categorical, "" where `where` is −1: few distinct words over many rows."""
    codes, uniques = pd.factorize(labels)
    categories = pd.Index(uniques).append(pd.Index([""])).drop_duplicates()
    blank = categories.get_loc("")
    mapped = categories.get_indexer(uniques)[codes] if len(codes) else np.array([], dtype="int64")
    taken = np.where(where >= 0, mapped[np.maximum(where, 0)] if len(mapped) else blank, blank)
    return pd.Categorical.from_codes(taken, categories)


def term_start(term: pd.Series, year: np.ndarray | pd.Series) -> np.ndarray:
    """First year of a term written "2015-2020"; a single-year term starts a year before."""
    codes, uniques = pd.factorize(term)  # few distinct terms: parse each once
    parsed = pd.Series(uniques, dtype=object).astype(str).str.extract(r"^\s*(\d{4})\s*[-–]")[0]
    starts = pd.to_numeric(parsed, errors="coerce").to_numpy(dtype="float64")
    years = np.asarray(year, dtype="int64")
    start = np.where(codes >= 0, starts[np.maximum(codes, 0)] if len(starts) else np.nan, np.nan)
    return np.where(np.isnan(start), years - 1, start).astype("int64")


class Levels:
    """The level of each (code, area, year): the final figure where there is one, else the estimate.

    National data holds millions of observations and string merges over them cost seconds,
    so codes, areas and years are turned into one integer cell number, and levels are found
    by direct indexing into a table of row positions (a hash index where that table would be huge).
    """

    def __init__(self, observations: pd.DataFrame) -> None:
        self.observations = observations
        kind = observations["kind"]
        actual = kind.eq(ObsKind.ACTUAL.value).to_numpy(dtype=bool, na_value=False)
        estimate = kind.eq(ObsKind.ESTIMATE.value).to_numpy(dtype=bool, na_value=False)
        code_idx, codes = pd.factorize(observations["code"])
        area_idx, areas = pd.factorize(observations["area"])
        self.codes, self.areas = pd.Index(codes), pd.Index(areas)
        years = observations["year"].to_numpy(dtype="int64")
        usable = actual | estimate
        self.first_year = int(years[usable].min()) if usable.any() else 0
        self.n_years = int(years[usable].max()) - self.first_year + 1 if usable.any() else 1
        cells = self._cells(code_idx, area_idx, years)
        size = max(len(codes), 1) * max(len(areas), 1) * self.n_years
        rows = np.arange(len(observations))
        self.dense = size <= DENSE_LIMIT
        if self.dense:
            self.table = np.full(size, -1, dtype="int64")
            # Estimates first, final figures after: where both exist the final figure wins.
            self.table[cells[estimate]] = rows[estimate]
            self.table[cells[actual]] = rows[actual]
        else:
            order = np.concatenate([rows[actual], rows[estimate]])
            keep = ~pd.Series(cells[order]).duplicated().to_numpy()
            self.hash_rows = order[keep]
            self.hash_index = pd.Index(cells[self.hash_rows])
        self.values = observations["value"].to_numpy(dtype="float64")
        self.estimate = estimate
        unstated = observations.get("period_unstated")
        self.unstated = (
            np.zeros(len(observations), dtype=bool)
            if unstated is None
            else unstated.to_numpy(dtype=bool, na_value=False)
        )

    def _cells(self, code_idx: np.ndarray, area_idx: np.ndarray, years: np.ndarray) -> np.ndarray:
        pair = code_idx.astype("int64") * max(len(self.areas), 1) + area_idx
        return pair * self.n_years + (years - self.first_year)

    def pairs(self, codes: pd.Series, areas: pd.Series) -> np.ndarray:
        """Each (code, area) as one number, −1 where either is unknown: the words read once for many years."""
        code_idx = positions(codes, self.codes)
        area_idx = positions(areas, self.areas)
        pair = code_idx.astype("int64") * max(len(self.areas), 1) + area_idx
        return np.where((code_idx >= 0) & (area_idx >= 0), pair, -1)

    def locate(self, codes: pd.Series, areas: pd.Series, years: np.ndarray | pd.Series) -> np.ndarray:
        """Row of the observations holding each requested level, −1 where there is none."""
        return self.locate_pairs(self.pairs(codes, areas), years)

    def locate_pairs(self, pairs: np.ndarray, years: np.ndarray | pd.Series) -> np.ndarray:
        """Row of the observations holding the level of each pair (from `pairs`) in its year, −1 if none."""
        years = np.asarray(years, dtype="int64")
        inside = (pairs >= 0) & (years >= self.first_year) & (years < self.first_year + self.n_years)
        cells = np.where(inside, pairs * self.n_years + (years - self.first_year), 0)
        if self.dense:
            found = self.table[cells] if len(self.table) else np.full(len(cells), -1)
        else:
            at = self.hash_index.get_indexer(cells)
            found = np.where(at >= 0, self.hash_rows[np.maximum(at, 0)], -1)
        return np.where(inside, found, -1)

    def dated(self, rows: np.ndarray) -> np.ndarray:
        """`rows` without the figures whose year the source does not state (−1 there): no pace from them.

        "Khoảng 300.000 lượt" in a five-year section is filed under the term's last year, but a rate a
        year measured from it would take it for that year's figure.
        """
        if len(self.values) == 0:
            return rows
        return np.where((rows >= 0) & self.unstated[np.maximum(rows, 0)], -1, rows)

    def kind_codes_at(self, rows: np.ndarray) -> np.ndarray:
        """actual_kind of the levels in `rows` as codes into KINDS, from the flags, not the words.

        A level is a final figure or an estimate, so no word needs reading per row.
        """
        if len(self.values) == 0:
            return np.full(len(rows), KINDS.index(""), dtype="int64")
        estimate = self.estimate[np.maximum(rows, 0)]
        return np.where(rows < 0, KINDS.index(""), np.where(estimate, KINDS.index("estimate"), 1))

    def kind_at(self, rows: np.ndarray) -> np.ndarray:
        """actual_kind of the levels in `rows`: "estimate", "official", or "" where there is none."""
        return np.array(KINDS)[self.kind_codes_at(rows)]

    def value_at(self, rows: np.ndarray) -> np.ndarray:
        """The levels in `rows`, NaN where the row is −1."""
        if len(self.values) == 0:
            return np.full(len(rows), np.nan)
        return np.where(rows >= 0, self.values[np.maximum(rows, 0)], np.nan)

    def column_at(self, rows: np.ndarray, column: str, missing: str = "") -> pd.Series:
        """Another column of the observations (a quote) in `rows`, `missing` where the row is −1."""
        if len(self.values) == 0:
            return pd.Series([missing] * len(rows), dtype="str")
        # Taken in pandas' own string array: no Python string is made per row.
        taken = self.observations[column].take(np.maximum(rows, 0)).reset_index(drop=True)
        return taken.where(rows >= 0, missing)

    def frame(self) -> pd.DataFrame:
        """The levels as a frame: code, area, year, actual, actual_kind, qualifier, period_unstated, quote."""
        rows = self.table[self.table >= 0] if self.dense else self.hash_rows
        obs = self.observations.iloc[np.sort(rows)]
        return pd.DataFrame(
            {
                "code": obs["code"].to_numpy(),
                "area": obs["area"].to_numpy(),
                "year": obs["year"].to_numpy(),
                "actual": obs["value"].to_numpy(),
                "actual_kind": obs["kind"].to_numpy(),
                "qualifier": obs["qualifier"].to_numpy(),
                "period_unstated": self.unstated[np.sort(rows)],
                "actual_quote": obs["quote"].to_numpy(),
            }
        )


def levels_of(data: Dataset) -> Levels:
    """The levels of a dataset, built once per dataset and shared by attainment and progress."""
    cached = getattr(data, "_levels", None)
    if cached is None:
        cached = Levels(data.observations)
        # Datasets are frozen; the cache is not part of their value, so it is set around that.
        object.__setattr__(data, "_levels", cached)
    return cached
