"""The test tiers: `page` put on by what a test reaches, and the guard on what a test ran unmarked."""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path

import pytest

from tests.support import tiers

pytest_plugins = ["pytester"]

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent


class Page:
    """Stands for AppTest: what a test may reach."""


def _opens() -> Page:
    return Page()


def _through_a_helper() -> Page:
    return _opens()


def _nested() -> object:
    def inner() -> Page:
        return Page()

    return inner


def _ping() -> int:
    return _pong() if False else 1


def _pong() -> int:
    return _ping()


def _library_only() -> str:
    # json.dumps names JSONEncoder inside the library: only the suite's own helpers are followed.
    return json.dumps(1)


def test_a_test_reaches_its_target_directly_through_a_helper_or_a_nested_function() -> None:
    assert tiers.reaches(_opens, Page, HERE)
    assert tiers.reaches(_through_a_helper, Page, HERE)
    assert tiers.reaches(_nested, Page, HERE)


def test_what_names_no_target_is_not_marked_and_cycles_end() -> None:
    assert not tiers.reaches(_ping, Page, HERE)
    assert not tiers.reaches(_library_only, json.JSONEncoder, HERE)
    # The same helper seen from outside the suite's folder is not followed.
    assert not tiers.reaches(_through_a_helper, Page, PROJECT / "bench")


def test_the_guard_names_the_missing_marker(request: pytest.FixtureRequest) -> None:
    assert tiers.unmarked(request.node, set()) == ""
    said = tiers.unmarked(request.node, {"office"})
    assert "ran office work without the marker: add @pytest.mark.office" in said
    assert request.node.nodeid in said


def test_watch_wraps_the_app_test_run_the_pdf_and_the_chart_and_unwatch_puts_them_back() -> None:
    importlib.import_module("streamlit.testing.v1")
    render = importlib.import_module("indicators.report.render")
    before = render.pdf_bytes
    wrapped = tiers.watch()
    try:
        assert {name for _, name, _ in wrapped} == {"run", "pdf_bytes", "chart_png"}
        assert render.pdf_bytes is not before and render.pdf_bytes.__wrapped__ is before
    finally:
        tiers.unwatch(wrapped)
    assert render.pdf_bytes is before and wrapped == []


SUITE = """
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from indicators.report import render as report_render


def open_page():
    return AppTest.from_string("import streamlit as st\\nst.write('Tam Đường')").run()


def test_a_page_through_a_helper():
    assert not open_page().exception


def test_a_chart_unmarked():
    assert report_render.chart_png(go.Figure(), "/bin/false") is None


@pytest.mark.office
def test_a_chart_marked():
    assert report_render.chart_png(go.Figure(), "/bin/false") is None


def test_a_page_that_draws_a_chart():
    assert not open_page().exception
    assert report_render.chart_png(go.Figure(), "/bin/false") is None


def test_plain_arithmetic():
    assert 2 + 2 == 4
"""


@pytest.mark.slow
def test_a_suite_in_its_own_process_marks_pages_and_fails_unmarked_office_work(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(PROJECT), os.environ.get("PYTHONPATH", "")]))
    tests = pytester.mkdir("tests")
    (tests / "test_suite.py").write_text(SUITE, encoding="utf-8")
    run = pytester.runpytest_subprocess(
        "-p", "tests.support.tiers", "-p", "no:cacheprovider", "-rf", str(tests)
    )
    run.assert_outcomes(passed=4, failed=1)
    run.stdout.fnmatch_lines(["*test_a_chart_unmarked ran office work without the marker*"])
    quick = pytester.runpytest_subprocess(
        "-p", "tests.support.tiers", "-p", "no:cacheprovider", "-m", "not page", str(tests)
    )
    quick.assert_outcomes(passed=2, failed=1, deselected=2)
