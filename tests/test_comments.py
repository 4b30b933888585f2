"""Comments for readers: no ticket numbers, and step banners only where they are true."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.test_code_limits import ROOT, product_files

# "issue 21", "Issue #7", "ticket 3": the repository has no tracker, so a reader cannot follow one.
TICKET = re.compile(r"\b(issue|ticket)\s*#?\d+", re.IGNORECASE)
# owid/etl's step banners, and what the code under each must do for the banner to be true.
BANNERS = {
    "# Load inputs.": re.compile(r"\.open\(|read_|load\(|national_areas\("),
    "# Save outputs.": re.compile(r"\.write|\.save\(|\.commit\(|to_sql\(|\.dump\("),
}


def _every_python_file() -> list[Path]:
    """The product code, the test helpers and the test modules: all that a reader opens."""
    return sorted({*product_files(), *(ROOT / "tests").rglob("test_*.py")})


def tickets(text: str) -> list[str]:
    """The ticket references in `text`, as written."""
    return [m.group(0) for m in TICKET.finditer(text)]


def untrue_banners(source: str) -> list[str]:
    """Each step banner over a function body that does not do the step: "f: # Save outputs."."""
    found: list[str] = []
    if not any(banner in source for banner in BANNERS):
        return found  # most files: nothing to parse
    lines = source.splitlines()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        body = "\n".join(lines[node.lineno - 1 : node.end_lineno])
        for banner, doing in BANNERS.items():
            if banner in body and not doing.search(body.split(banner, 1)[1]):
                found.append(f"{node.name}: {banner}")
    return found


def test_no_comment_or_name_points_at_a_ticket() -> None:
    here = Path(__file__)
    found = {
        str(p.relative_to(ROOT)): tickets(p.read_text(encoding="utf-8"))
        for p in _every_python_file()
        if p != here
    }
    assert {path: refs for path, refs in found.items() if refs} == {}


def test_a_step_banner_stands_only_over_the_step() -> None:
    found = {str(p.relative_to(ROOT)): untrue_banners(p.read_text(encoding="utf-8")) for p in product_files()}
    assert {path: banners for path, banners in found.items() if banners} == {}


def test_the_checks_name_what_they_find() -> None:
    assert tickets("# see Issue #21, and issue 7; an issue of the report") == ["Issue #21", "issue 7"]
    drawn = "def draw(rows):\n    # Save outputs.\n    return chart(rows)\n"
    saved = "def keep(store, rows):\n    # Save outputs.\n    store.commit(rows)\n"
    read = "def read(path):\n    # Load inputs.\n    with path.open() as f:\n        return f.read()\n"
    assert untrue_banners(drawn) == ["draw: # Save outputs."]
    assert untrue_banners(saved) == [] and untrue_banners(read) == []
