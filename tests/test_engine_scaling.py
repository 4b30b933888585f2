"""The engine does no Python work per goal: its count of function calls does not grow with the data.

Not a timed test: it counts calls, which a loaded machine does not change. One `.loc` per goal in
the final-verdict step made attainment + progress 75 times slower at national scale; here such a
step adds thousands of calls between the small and the larger dataset and fails.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from types import FrameType
from typing import Any

import pandas as pd
import pytest

from bench import engine as bench_engine
from indicators.core import attainment, progress
from indicators.core.model import Dataset

SMALL, LARGE = 0.003, 0.03  # 10 and 100 communes (+ 34 provinces) × 100 indicators


def calls(work: Callable[[], object]) -> int:
    """How many Python functions `work` calls (C functions left out: their count is pandas' business)."""
    count = 0

    def profile(_frame: FrameType, event: str, _arg: Any) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


@pytest.fixture(scope="module")
def datasets() -> tuple[Dataset, Dataset]:
    return bench_engine.build(scale=SMALL), bench_engine.build(scale=LARGE)


def test_the_synthetic_goals_are_all_due_so_the_final_step_runs(datasets: tuple[Dataset, Dataset]) -> None:
    small, large = datasets
    assert len(small.targets) == 2 * 100 * 44 and len(large.targets) == 2 * 100 * 134
    goals = progress.compute(large)
    # Every 2025 goal has its 2025 figure: each gets a verdict, none a pace.
    assert len(goals) == 13_400 and goals["final"].all()
    assert set(goals["status"].astype(str)) <= set(progress.FINAL)


@pytest.mark.parametrize(
    "step",
    [
        pytest.param(lambda d: progress.compute(replace(d)), id="progress"),
        pytest.param(lambda d: attainment.compute(replace(d)), id="attainment"),
    ],
)
def test_python_calls_do_not_grow_with_the_number_of_goals(
    datasets: tuple[Dataset, Dataset], step: Callable[[Dataset], object]
) -> None:
    small, large = datasets
    step(small)  # imports and first-use caches out of the count
    few, many = calls(lambda: step(small)), calls(lambda: step(large))
    # Three times the goals (8,800 → 26,800): per-goal work would add at least 18,000 calls.
    assert many - few < 2_000, (few, many)


def test_goals_judged_the_same_whatever_the_targets_index(datasets: tuple[Dataset, Dataset]) -> None:
    """Goals find their target rows by position; with a repeated targets index they match by key."""
    small, _large = datasets
    expected = progress.compute(small)
    doubled = small.targets.set_axis(small.targets.index // 2)  # every label twice: positions unknown
    found = progress.compute(replace(small, targets=doubled))
    pd.testing.assert_frame_equal(found, expected)
    assert expected["final"].sum() == 4_400
