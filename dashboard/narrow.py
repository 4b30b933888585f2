"""The rows a page shows, cut from the shared dataset through an index built once per version."""

from __future__ import annotations

from collections.abc import Iterable

from dashboard import state
from dashboard.cache import per_version
from indicators.core import selection, subset
from indicators.core.model import Dataset


@per_version(state.VERSIONS_HELD)
def _index(data: Dataset) -> subset.RowIndex:
    # Keyed by store and version like every other cache: one scan of the figures per version,
    # then a page's own indicator and area are a look-up, not a pass over millions of rows.
    index = subset.RowIndex.of(data)
    state.release_freed_memory()  # the text columns' scans free far more than the index keeps
    return index


def cut(data: Dataset, codes: Iterable[str] | None = None, area: str | None = None) -> Dataset:
    """The dataset with only the rows of `codes` (None: all) in `area` (None: all); see core/subset."""
    return subset.cut(data, _index(data), codes, area)


@per_version(8)
def _codes(data: Dataset, domains: tuple[str, ...]) -> tuple[str, ...]:
    # codes_in scans every figure for the codes that have one: once per version and domain list.
    return tuple(selection.codes_in(data, domains))


def codes_in(data: Dataset, domains: Iterable[str]) -> list[str]:
    """selection.codes_in (the page order of a domain's indicators), once per version."""
    return list(_codes(data, tuple(domains)))


def all_codes(data: Dataset) -> list[str]:
    """selection.all_codes, once per version."""
    return codes_in(data, selection.page_domains(data))
