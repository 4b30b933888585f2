"""The test tiers: markers put on by what a test reaches, and a guard on what it actually ran.

`make test-quick` leaves out the markers pyproject.toml lists; `make test` runs everything. Two are
put on here rather than in each file: `page` on every test that reaches AppTest (through the suite's
own helpers and fixtures), `postgres` on the PostgreSQL half of `backend_url`; the others are written
in the test files. A test that runs an AppTest, or LibreOffice or Chromium for a document, without
its marker fails, so the quick tier cannot grow slow by accident. Loaded by tests/conftest.py.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Generator
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

import pytest

APP_TEST = "streamlit.testing.v1.app_test"
RENDER = "indicators.report.render"

# The markers a test ran work for since its setup began: "page" (an AppTest run), "office" (a PDF by
# LibreOffice, a chart drawn by Chromium).
RAN: set[str] = set()
Wrapped = list[tuple[Any, str, Any]]  # (owner, attribute, what was there before)
_watching: Wrapped = []


def _names(code: CodeType) -> set[str]:
    """The global and attribute names a function's code uses, its nested functions' included."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, CodeType):
            names |= _names(const)
    return names


def _within(file: str | None, suite: Path) -> bool:
    return file is not None and Path(file).is_relative_to(suite)


def _helpers(found: object, names: set[str], suite: Path) -> list[Any]:
    """What a name leads to that may call further: a function, or a suite module's functions."""
    if isinstance(found, ModuleType):
        if not _within(getattr(found, "__file__", None), suite):
            return []
        return [getattr(found, name) for name in names if callable(getattr(found, name, None))]
    return [found] if callable(found) else []


def reaches(func: Callable[..., Any], target: object, suite: Path, seen: set[CodeType] | None = None) -> bool:
    """Whether `func`, or a helper it calls from the folder `suite`, names `target` (by identity).

    Only the suite's own helpers are followed: the libraries and the app never create an AppTest.
    """
    seen = set() if seen is None else seen
    code = getattr(func, "__code__", None)
    if code is None or code in seen:
        return False
    seen.add(code)
    names = _names(code)
    scope = getattr(func, "__globals__", {})
    for name in names:
        found = scope.get(name)
        if found is target:
            return True
        for helper in _helpers(found, names, suite):
            helper = inspect.unwrap(helper)
            ours = _within(getattr(getattr(helper, "__code__", None), "co_filename", None), suite)
            if ours and reaches(helper, target, suite, seen):
                return True
    return False


def uses_apptest(item: pytest.Function) -> bool:
    """Whether the test or one of its fixtures reaches AppTest."""
    module = sys.modules.get(APP_TEST)
    if module is None:  # no collected test imported it
        return False
    fixtures = [defs[-1].func for defs in item._fixtureinfo.name2fixturedefs.values()]
    suite = item.path.parent  # tests/: the helpers that open pages are there or in tests/support/
    return any(_reaches_apptest(func, module.AppTest, suite) for func in (item.function, *fixtures))


# Whether a function reaches AppTest, by its code: the shared fixtures (`store`, `seed_data`...) are
# asked once per run rather than once for each of the thousands of tests that use them.
_REACHED: dict[CodeType, bool] = {}


def _reaches_apptest(func: Callable[..., Any], app_test: object, suite: Path) -> bool:
    code = getattr(func, "__code__", None)
    if code is None:
        return False
    if code not in _REACHED:
        _REACHED[code] = reaches(func, app_test, suite)
    return _REACHED[code]


def _noting(marker: str, func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def noted(*args: Any, **kwargs: Any) -> Any:
        RAN.add(marker)
        return func(*args, **kwargs)

    return noted


def watch() -> Wrapped:
    """Note in RAN each AppTest run and office program, where the collected tests imported them."""
    app_test, render = sys.modules.get(APP_TEST), sys.modules.get(RENDER)
    watched = [(app_test.AppTest, "run", "page")] if app_test is not None else []
    if render is not None:
        watched += [(render, "pdf_bytes", "office"), (render, "chart_png", "office")]
    wrapped: Wrapped = []
    for owner, name, marker in watched:
        original = getattr(owner, name, None)
        if original is None:  # renamed: test_tiers.py fails on it, the rest of the suite still runs
            continue
        wrapped.append((owner, name, original))
        setattr(owner, name, _noting(marker, original))
    return wrapped


def unwatch(wrapped: Wrapped) -> None:
    """Put back what watch() wrapped, last first."""
    while wrapped:
        owner, name, original = wrapped.pop()
        setattr(owner, name, original)


# The markers `make test-quick` leaves out (pyproject.toml lists them).
TIERS = ("browser", "postgres", "page", "office", "slow")


def unmarked(item: pytest.Item, ran: set[str]) -> str:
    """What a quick-tier `item` ran that belongs in a slower tier, said as the fix; empty when nothing.

    A test already out of the quick tier may do any of it (a page that draws its charts in Chromium).
    """
    if any(item.get_closest_marker(tier) for tier in TIERS):
        return ""
    missing = sorted(ran)
    if not missing:
        return ""
    return (
        f"{item.nodeid} ran {' and '.join(missing)} work without the marker: add "
        f"@pytest.mark.{missing[0]} (`make test-quick` leaves out such tests; see tests/support/tiers.py)"
    )


# Hooks --------------------------------------------------------------------------------------


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put `page` and `postgres` on the tests that are so."""
    for item in items:
        if not isinstance(item, pytest.Function):
            continue
        if uses_apptest(item):
            item.add_marker(pytest.mark.page)
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("backend_url") == "postgresql":
            item.add_marker(pytest.mark.postgres)


def pytest_collection_finish(session: pytest.Session) -> None:
    _watching.extend(watch())


def pytest_sessionfinish(session: pytest.Session) -> None:
    unwatch(_watching)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    RAN.clear()
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Fail a passing quick-tier test that ran an AppTest or an office program."""
    report = yield
    if call.when == "call" and report.passed:
        problem = unmarked(item, RAN)
        if problem:
            report.outcome = "failed"
            report.longrepr = problem
    return report
