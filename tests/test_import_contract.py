"""The import contract between layers ([tool.importlinter]): it holds, and it catches a wrong way."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
# Each library has one home (charts, excel, report): the scripts reach it through indicators.
HOMED_LIBRARIES = {"plotly", "openpyxl", "python_calamine", "docx", "docxtpl"}
SCRIPTS = [ROOT / "app.py", ROOT / "serve.py", *sorted((ROOT / "pages").glob("*.py"))]


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports over the project at `root`, which it puts first on the import path."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )


def test_the_contract_holds_on_this_tree() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 7 kept, 0 broken." in result.stdout


# (module that gets the wrong-way import, the import, the broken contract, the line that names it)
WRONG_WAYS = [
    (
        "core/model.py",
        "import plotly",
        "plotly only in charts",
        "indicators.core.model -> plotly",
    ),
    (
        "core/terms.py",
        "from indicators.report import content",
        "indicators' sub-packages import downward only",
        "indicators.core is not allowed to import indicators.report",
    ),
    (
        "store/database.py",
        "from indicators.excel import workbook",
        "indicators' sub-packages import downward only",
        "indicators.store is not allowed to import indicators.excel",
    ),
    (
        "text/fmt.py",
        "from indicators.core import model",
        "the vocabulary (i18n, fmt, words) imports nothing of ours above it",
        "indicators.text.fmt -> indicators.core.model",
    ),
    (
        "report/render.py",
        "import streamlit",
        "the domain never imports Streamlit or the dashboard",
        "indicators.report.render -> streamlit",
    ),
    (
        # The child filling an office's template would load pandas through the messages' numbers.
        "report/fill.py",
        "from indicators.report.shape import ReportError",
        "the template's child process loads the filling alone",
        "indicators.report.fill is not allowed to import pandas",
    ),
]


@pytest.mark.parametrize(("module", "line", "contract", "named"), WRONG_WAYS)
def test_a_wrong_way_import_breaks_the_contract(
    tmp_path: Path, module: str, line: str, contract: str, named: str
) -> None:
    ignore = shutil.ignore_patterns("__pycache__")
    for package in ("indicators", "dashboard"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "indicators" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout
    assert f"{contract} BROKEN" in result.stdout
    assert named in result.stdout
    assert "Contracts: 6 kept, 1 broken." in result.stdout


def _libraries(source: str) -> set[str]:
    """The top-level packages a script imports, including imports inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_the_script_check_sees_every_form_of_import() -> None:
    source = "import plotly.express as px\ndef f():\n    from openpyxl.styles import Font\nfrom . import x\n"
    assert _libraries(source) == {"plotly", "openpyxl"}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_scripts_reach_each_library_through_its_home(script: Path) -> None:
    # import-linter reads packages only; pages/, app.py and serve.py are scripts, checked here.
    assert _libraries(script.read_text(encoding="utf-8")) & HOMED_LIBRARIES == set()


# Imports every module of the domain in one process and names those that load a forbidden library.
# The contract sees our own import lines; this also sees a library pulled in by a third-party package
# or by importlib at import time, which a static check cannot.
LOADED = """
import importlib, pkgutil, sys
import indicators
importlib.import_module("indicators.store.database")
print("store:", sorted(m for m in ("openpyxl", "python_calamine", "plotly", "docx") if m in sys.modules))
for found in pkgutil.walk_packages(indicators.__path__, "indicators."):
    if found.name != "indicators.__main__":
        importlib.import_module(found.name)
        if "streamlit" in sys.modules:
            print("streamlit:", found.name)
            break
else:
    print("streamlit: none")
"""


@pytest.mark.slow
def test_at_run_time_the_domain_never_loads_streamlit_and_the_store_no_excel() -> None:
    out = subprocess.run(
        [sys.executable, "-c", LOADED], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.splitlines()
    assert out == ["store: []", "streamlit: none"]
