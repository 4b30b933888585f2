"""Shared links: a view's choices as codes in the address (?indicator=BIRTH_RATE&area=106&year=2020).

A link opens on the view it names. Older links named a choice by its label in the reader's language
("Kinh tế · Tổng giá trị sản xuất", ?nam=2023): those still open, mapped to the code.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import pandas as pd
import streamlit as st

from indicators.core.model import Dataset
from indicators.text import labels
from indicators.text.fmt import LANGS, Lang
from indicators.text.i18n import t

Option = TypeVar("Option")
Names = Callable[[Option], Iterable[str]]  # an option's labels, in every language

# The link values already applied in this session, per parameter: after that the reader's own
# choices decide, though the value stays in the address until the choice changes it.
_APPLIED = "links_applied"
# Older names of a parameter, still read: the year page's bound picker wrote ?nam=.
ALIASES: dict[str, tuple[str, ...]] = {"year": ("nam",)}


def _fold(text: object) -> str:
    return " ".join(str(text).split()).casefold()


def match(raw: str, options: Sequence[Option], names: Names[Option] | None = None) -> Option | None:
    """The option a link's value names: its code, else one of its labels (any language); None if none."""
    wanted = _fold(raw)
    for option in options:
        if _fold(option) == wanted:
            return option
    if names is not None:
        for option in options:
            if any(_fold(name) == wanted for name in names(option)):
                return option
    return None


def _raw(param: str) -> str | None:
    for name in (param, *ALIASES.get(param, ())):
        value = st.query_params.get(name)
        if value:
            return str(value)
    return None


def asked(param: str, options: Sequence[Option], names: Names[Option] | None = None) -> Option | None:
    """The option the address names for `param`, the first run this session sees that value; else None.

    A picker passes it as its starting index: a link opens on its view, and a later run follows the
    reader's own choice. A value no option matches is ignored (the page opens on its default).
    """
    raw = _raw(param)
    applied = st.session_state.setdefault(_APPLIED, {})
    if raw is None or applied.get(param) == raw:
        return None
    applied[param] = raw
    return match(raw, options, names)


def put(param: str, value: object) -> None:
    """The reader's choice into the address, as a code: the link they copy opens the same view."""
    code = str(value)
    st.session_state.setdefault(_APPLIED, {})[param] = code
    if st.query_params.get(param) != code:
        st.query_params[param] = code
    for old in ALIASES.get(param, ()):
        if old in st.query_params:
            del st.query_params[old]


def indicator_names(data: Dataset) -> Callable[[str], list[str]]:
    """An indicator's labels in both languages, bare and as the pickers wrote them ("Kinh tế · …")."""

    # Built when a link names an indicator by its label, not on every run that reads a code or none.
    @functools.cache
    def infos() -> dict[Lang, pd.DataFrame]:
        return {lang: labels.indicator_info(data, lang) for lang in LANGS}

    def names(code: str) -> list[str]:
        out = []
        for lang, info in infos().items():
            if code in info.index:
                name = str(info.at[code, "name"])
                out += [name, f"{t('domain.' + str(info.at[code, 'domain']), lang)} · {name}"]
        return out

    return names
