"""Each words module holds the keys of its own prefixes only, so a key is found by its prefix alone."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

from indicators.text import i18n, words


def _modules() -> list[ModuleType]:
    return [
        importlib.import_module(f"{words.__name__}.{info.name}")
        for info in pkgutil.iter_modules(words.__path__)
    ]


def prefix(key: str) -> str:
    """A key's prefix: "status" of "status.vuot", and a key without a dot ("yearly") is its own."""
    return key.split(".", 1)[0]


def misplaced(module: ModuleType) -> list[str]:
    """The keys of `module` whose prefix it does not declare."""
    return sorted(k for k in module.WORDS if prefix(k) not in module.PREFIXES)


MODULES = _modules()


def test_the_package_holds_the_words_modules() -> None:
    assert len(MODULES) >= 10  # the package was read, not an empty list passed over
    assert {m.__name__.rsplit(".", 1)[1] for m in MODULES} >= {"pages", "report", "data", "columns"}


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_a_module_holds_only_its_own_prefixes(module: ModuleType) -> None:
    assert isinstance(module.PREFIXES, tuple) and module.PREFIXES
    assert misplaced(module) == []
    # Every declared prefix is used: a stale one would claim keys that live elsewhere.
    assert {prefix(k) for k in module.WORDS} == set(module.PREFIXES)


def test_no_prefix_belongs_to_two_modules() -> None:
    owners: dict[str, list[str]] = {}
    for module in MODULES:
        for p in module.PREFIXES:
            owners.setdefault(p, []).append(module.__name__)
    assert {p: names for p, names in owners.items() if len(names) > 1} == {}


def test_i18n_merges_every_module() -> None:
    assert len(i18n.WORDS) == sum(len(m.WORDS) for m in MODULES)
    assert all(i18n.WORDS[k] == v for m in MODULES for k, v in m.WORDS.items())


def test_a_key_in_the_wrong_module_is_found() -> None:
    # The check itself: a status word put among the column headers is named.
    columns = next(m for m in MODULES if m.__name__.endswith(".columns"))
    stray = ModuleType("stray")
    stray.PREFIXES = columns.PREFIXES  # type: ignore[attr-defined]
    stray.WORDS = {**columns.WORDS, "status.vuot": ("vượt", "exceeded")}  # type: ignore[attr-defined]
    assert misplaced(stray) == ["status.vuot"]
