"""Awards counted from the register: by level, award, recipient kind, year and area, never by name.

A count is of award instances (lượt), as the báo cáo counts them. The years counted are a year or a
term's years; a term's count is a sum over its years, never a figure of its last year.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from indicators.awards.catalogue import Catalogue

COUNT_COLUMNS = ("level", "award", "recipient_kind", "year", "count")
LEVEL_ORDER = ("national", "province", "district", "commune", "unit")


def within(areas: pd.DataFrame, code: str) -> set[str]:
    """`code` and every area under it, at any date: a former district's communes count under it."""
    found = {code}
    frontier = {code}
    while frontier:
        below = set(areas.loc[areas["parent"].isin(frontier), "code"]) - found
        found |= below
        frontier = below
    return found


def counts(
    register: pd.DataFrame, catalogue: Catalogue, years: Iterable[int], areas: set[str] | None = None
) -> pd.DataFrame:
    """Awards per level, award, recipient kind and year, highest award first; empty when none."""
    wanted = register[register["year"].isin(list(years))]
    if areas is not None:
        wanted = wanted[wanted["area"].isin(areas)]
    if wanted.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype="int64" if c in ("year", "count") else "object") for c in COUNT_COLUMNS}
        )
    grouped = wanted.groupby(["award", "recipient_kind", "year"]).size().rename("count").reset_index()
    grouped["level"] = grouped["award"].map(lambda code: catalogue.awards[code].level)
    grouped["rank"] = grouped["award"].map(lambda code: catalogue.awards[code].rank)
    ordered = grouped.sort_values(["rank", "recipient_kind", "year"], kind="stable")
    return ordered[list(COUNT_COLUMNS)].reset_index(drop=True).astype({"year": "int64", "count": "int64"})


def by_level_and_year(table: pd.DataFrame) -> pd.DataFrame:
    """The counts as a grid: one row per level (highest first), one column per year, and the sum."""
    if table.empty:
        return pd.DataFrame(columns=["level", "total"])
    grid = table.pivot_table(index="level", columns="year", values="count", aggfunc="sum", fill_value=0)
    grid = grid.reindex([lv for lv in LEVEL_ORDER if lv in grid.index])
    grid["total"] = grid.sum(axis=1)
    grid.columns = [str(c) for c in grid.columns]
    return grid.reset_index().astype({c: "int64" for c in grid.columns})
