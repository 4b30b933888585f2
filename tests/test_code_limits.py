"""The code-health limits, checked on every test run: module and function length, one workbook writer.

The product code counts (indicators/, dashboard/, pages/, bench/, app.py, serve.py), and so do the
test helpers (every module under tests/ not named test_*: servers, sign-in, fixtures), which tests
lean on as the product does on its modules. Test modules do not: a test is often a long table of
cases (a hundred hostile files, each a few lines), splitting it would hide what is asserted, and
tests write their own odd workbooks on purpose (an office's sheet, a damaged file) to read them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("indicators", "dashboard", "pages", "bench", "app.py", "serve.py")
MODULE_LINES = 600
FUNCTION_LINES = 60
# The one module that turns cells into an .xlsx file (where the rule neutralising formulas lives).
WRITER = "indicators/excel/writer.py"


@dataclass(frozen=True)
class Breach:
    """One limit broken: where, and in plain words."""

    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def product_files(root: Path = ROOT) -> list[Path]:
    """Every Python file of the product code, migrations included (they are code people read too), and
    the test helpers."""
    found: list[Path] = []
    for name in PRODUCT:
        path = root / name
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.exists() else []
    return found + [p for p in sorted((root / "tests").rglob("*.py")) if not p.name.startswith("test_")]


def _long_functions(nodes: list[ast.AST], rel: str) -> list[Breach]:
    """Each function (methods and nested ones too) longer than the limit, from `def` to its last line."""
    out = []
    for node in nodes:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > FUNCTION_LINES:
                what = f"function {node.name} is {length} lines (limit {FUNCTION_LINES})"
                out.append(Breach(rel, node.lineno, what))
    return out


def _workbook_writing(nodes: list[ast.AST], rel: str) -> list[Breach]:
    """A module other than the writer that builds an openpyxl Workbook (and so saves one)."""
    names = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("openpyxl"):
            names |= {a.asname or a.name for a in node.names if a.name == "Workbook"}
    out = []
    for node in nodes:
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = (
            func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        )
        # Unparsed only for a call named Workbook: unparsing every method call's owner was most of the check.
        via_module = (
            called == "Workbook"
            and isinstance(func, ast.Attribute)
            and ast.unparse(func.value).startswith("openpyxl")
        )
        # pandas writes through openpyxl too, past the rule that neutralises formulas.
        by_pandas = called in ("to_excel", "ExcelWriter")
        if (called in names or via_module or by_pandas) and rel != WRITER:
            out.append(Breach(rel, node.lineno, f"writes a workbook itself (only {WRITER} may)"))
    return sorted(out, key=lambda b: b.line)


def breaches(files: list[Path], root: Path = ROOT) -> list[Breach]:
    """Every limit broken by `files`: modules too long, functions too long, workbooks written elsewhere."""
    out = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > MODULE_LINES:
            out.append(Breach(rel, 1, f"module is {lines} lines (limit {MODULE_LINES})"))
        nodes = list(ast.walk(ast.parse(text, filename=rel)))  # walked once, read by both checks
        out += _long_functions(nodes, rel) + _workbook_writing(nodes, rel)
    return out


def test_the_product_code_keeps_the_limits() -> None:
    found = breaches(product_files())
    assert not found, "\n".join(map(str, found))


def _module(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "indicators" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_check_names_a_long_function_a_long_module_and_a_second_writer(tmp_path: Path) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(59))
    just = _module(tmp_path, "just.py", f"def one_over():\n{body}    return x0\n")  # def + 59 + return
    method = "".join(f"        y{i} = {i}\n" for i in range(59))
    long = _module(tmp_path, "long.py", f"class A:\n    def too_long(self):\n{method}        return y0\n")
    big = _module(tmp_path, "big.py", "X = 1\n" * 601)
    writer = _module(
        tmp_path,
        "other.py",
        "from openpyxl import Workbook as W\nimport openpyxl\n\n\ndef a():\n    W().save('x')\n"
        "    openpyxl.Workbook().save('y')\n    frame.to_excel('z')\n    pd.ExcelWriter('w')\n",
    )
    found = [str(b) for b in breaches([just, long, big, writer], tmp_path)]
    assert found == [
        "indicators/just.py:1: function one_over is 61 lines (limit 60)",
        "indicators/long.py:2: function too_long is 61 lines (limit 60)",
        "indicators/big.py:1: module is 601 lines (limit 600)",
        "indicators/other.py:6: writes a workbook itself (only indicators/excel/writer.py may)",
        "indicators/other.py:7: writes a workbook itself (only indicators/excel/writer.py may)",
        "indicators/other.py:8: writes a workbook itself (only indicators/excel/writer.py may)",
        "indicators/other.py:9: writes a workbook itself (only indicators/excel/writer.py may)",
    ]


def test_the_limits_themselves_are_not_over_counted(tmp_path: Path) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(58))
    # def + 58 + return: 60 lines (a decorator above the def is not counted).
    fits = _module(tmp_path, "fits.py", f"@staticmethod\ndef fits():\n{body}    return x0\n")
    size = _module(tmp_path, "size.py", "X = 1\n" * 600)
    the_writer = WRITER.removeprefix("indicators/")
    writer = _module(tmp_path, the_writer, "from openpyxl import Workbook\n\nWorkbook().save('x')\n")
    assert breaches([fits, size, writer], tmp_path) == []
