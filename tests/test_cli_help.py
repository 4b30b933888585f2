"""Every command's --help prints its usage and exits 0; its examples use the official area codes."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

from indicators.cli.main import build_parser, main

ROOT = Path(__file__).resolve().parents[1]


def commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path the parser knows, sub-commands of sub-commands included: ("user", "add")."""
    found = [prefix]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += commands(child, (*prefix, name))
    return found


ALL = commands(build_parser())


def test_the_parser_knows_every_command() -> None:
    names = {path[0] for path in ALL if path}
    assert {"attainment", "progress", "compare", "report", "import", "user", "missing"} <= names
    assert ("user", "add") in ALL and len(ALL) >= 20


@pytest.mark.parametrize("path", ALL, ids=lambda path: " ".join(path) or "(top)")
def test_help_works_for_every_command(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([*path, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert out.out.startswith("usage: python -m indicators" + "".join(f" {p}" for p in path))
    assert len(out.out.splitlines()) >= 3
    # Examples name areas by their official codes (106, 12), never a home-made abbreviation.
    assert not re.search(r"\bTD\b", out.out), out.out


def test_help_text_with_a_percent_sign_is_printed_whole(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "% đạt so với chỉ tiêu, kèm % báo cáo" in " ".join(capsys.readouterr().out.split())


@pytest.mark.slow
def test_python_dash_m_indicators_help_exits_0() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "indicators", "--help"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "report" in done.stdout and done.stderr == ""
