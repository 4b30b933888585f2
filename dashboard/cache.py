"""One cache decorator for the pages' work: a value per store, data version and arguments."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

import pandas as pd
import streamlit as st

from dashboard import state
from indicators.core.model import Dataset

P = ParamSpec("P")
R = TypeVar("R")
# What a cached function takes first: the data (its version is the key) or a version number.
V = TypeVar("V", Dataset, int)


def per_version(
    max_entries: int, *, shared: bool = True
) -> Callable[[Callable[Concatenate[V, P], R]], Callable[Concatenate[V, P], R]]:
    """Cache `fn(data, *args, **kwargs)` once per store, data version and arguments.

    The key is the version, never a hash of the frames: a version never changes once written, and
    an import is a new version, so the next run computes afresh. As in Streamlit's own caches, an
    argument whose name starts with "_" is handed on but not part of the key: pass that way (by
    keyword) only what the version and the other arguments already settle, such as rows a page
    derived from this version. `shared` keeps one value for every session
    (st.cache_resource): st.cache_data would unpickle a private copy on every run, the largest part
    of a page's own work (bench/loadgen.py); readers then get shallow copies of frames and
    containers, so a page that changes its copy changes its own. `shared=False` suits bytes and
    small values (st.cache_data).
    """
    kind = st.cache_resource if shared else st.cache_data

    def wrap(fn: Callable[Concatenate[V, P], R]) -> Callable[Concatenate[V, P], R]:
        def cached(
            url: str,
            version: int | tuple[int, tuple[int, ...]],
            args: tuple[Any, ...],
            keyed: tuple[tuple[str, Any], ...],
            _of: V,
            _rest: dict,
        ) -> R:
            return fn(_of, *args, **dict(keyed), **_rest)

        # Streamlit names a cache by its function's module and qualified name: each decorated
        # function gets its own cache (and its own max_entries), not one shared by every use.
        cached.__module__, cached.__qualname__ = fn.__module__, fn.__qualname__
        held = kind(max_entries=max_entries, show_spinner=False)(cached)

        @functools.wraps(fn)
        def call(of: V, /, *args: P.args, **kwargs: P.kwargs) -> R:
            # Figures not yet approved put over a version make other data of the same version.
            version = of if isinstance(of, int) else (of.version, of.pending.sendings)
            keyed = tuple(sorted((k, v) for k, v in kwargs.items() if not k.startswith("_")))
            rest = {k: v for k, v in kwargs.items() if k.startswith("_")}
            value = held(state.store().url, version, args, keyed, of, rest)
            return _for_reader(value) if shared else value

        return call

    return wrap


def _for_reader(value: Any) -> Any:
    """A shared value as one reader's: frames and containers copied shallowly (pandas copies on write)."""
    if isinstance(value, pd.DataFrame):
        return value.copy(deep=False)
    if isinstance(value, tuple) and not hasattr(value, "_fields"):  # a named tuple stays as it is
        return tuple(_for_reader(v) for v in value)
    if isinstance(value, list | dict | set):
        return value.copy()
    return value
