"""`make test` runs every check and every tier; `make test-quick` leaves out exactly the slow tiers."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tests.support.tiers import TIERS

ROOT = Path(__file__).resolve().parents[1]


def recipe(target: str, makefile: str | None = None) -> list[str]:
    """The command lines of a Makefile target, as written (tabs stripped)."""
    text = makefile if makefile is not None else (ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(target)}:[^\n]*\n((?:\t[^\n]*\n)+)", text, re.MULTILINE)
    return [line.strip() for line in found.group(1).splitlines()] if found else []


def test_make_test_runs_every_check_and_the_whole_suite() -> None:
    steps = recipe("test")
    for check in (
        "$(BIN)/ruff check .",
        "$(BIN)/ruff format --check .",
        "$(BIN)/mypy",
        "$(BIN)/lint-imports",
        "$(MAKE) --no-print-directory deps",
    ):
        assert check in steps, check
    # The whole suite: no marker expression leaves a tier out.
    assert steps[-1] == "$(BIN)/python -m pytest"
    assert any(line.startswith("$(BIN)/deptry") for line in recipe("deps"))


def test_the_quick_tier_leaves_out_exactly_the_marked_tiers() -> None:
    pytest_line = next(line for line in recipe("test-quick") if "pytest" in line)
    expression = re.search(r'-m "not \(([^)]*)\)"', pytest_line)
    assert expression is not None, pytest_line
    assert tuple(expression.group(1).split(" or ")) == TIERS
    assert "-n auto" in pytest_line  # spread over the cores
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    markers = declared["tool"]["pytest"]["ini_options"]["markers"]
    assert [m.split(":", 1)[0] for m in markers] == list(TIERS)


def test_a_recipe_is_read_to_its_last_command_line() -> None:
    makefile = "a: b\n\tone\n\ttwo --x\n\nc:\n\tthree\n"
    assert (recipe("a", makefile), recipe("c", makefile), recipe("d", makefile)) == (
        ["one", "two --x"],
        ["three"],
        [],
    )
