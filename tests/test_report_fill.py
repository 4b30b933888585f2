"""The child process that fills an office's template loads the filling alone: no pandas, no store."""

from __future__ import annotations

import io
import os
import pickle
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from docx import Document

from indicators.core.model import Dataset
from indicators.report import content as report
from indicators.report import fill
from indicators.report import render as report_render

PROJECT = Path(__file__).resolve().parents[1]
# What the child must not load: each costs every report a fraction of a second before it starts.
HEAVY = (
    "pandas",
    "numpy",
    "sqlalchemy",
    "alembic",
    "plotly",
    "openpyxl",
    "indicators.store",
    "indicators.core",
)
# The child's side as indicators/excel/isolation.py runs it: the module first, then the request.
CHILD = f"""
import importlib, pickle, sys
importlib.import_module("indicators.report.fill")
fn, args = pickle.load(sys.stdin.buffer)
status, value = fn(*args)
sys.stdout.buffer.write(pickle.dumps((status, value, [m for m in {HEAVY!r} if m in sys.modules])))
"""


def _png(width: int, height: int) -> bytes:
    """A white PNG of that size, made by hand: a chart as Chromium would hand it over."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff" * width for _ in range(height)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _template(folder: Path) -> bytes:
    doc = Document()
    doc.add_paragraph("{{ subject }}")
    doc.add_paragraph(
        "{% for s in sections %}{% for c in s.charts %}{{ c.image }}{{ c.caption }}{% endfor %}{% endfor %}"
    )
    path = folder / "mau_van_phong.docx"
    doc.save(str(path))
    return path.read_bytes()


@pytest.fixture
def content(data: Dataset) -> report.Content:
    return report.build(data, "106", report.parse_period("2015-2020", None), "vi")


def test_the_child_fills_the_template_without_loading_the_data_stack(
    content: report.Content, tmp_path: Path
) -> None:
    chart = fill.Chart("Hình 1. Kết quả thực hiện", _png(48, 30))
    context = report_render.template_context(content, {"attainment": [chart]}, "")
    request = pickle.dumps((fill.fill_in_child, (_template(tmp_path), "mau_van_phong.docx", context, 50)))
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD], input=request, capture_output=True, env=env, check=True
    )
    status, docx, loaded = pickle.loads(done.stdout)
    assert (status, loaded) == ("ok", [])
    filled = Document(io.BytesIO(docx))
    assert filled.paragraphs[0].text == report_render.keep_together(content.subject, term_word=True)
    assert filled.paragraphs[1].text == "Hình 1. Kết quả thực hiện"  # the caption after its image
    assert len(filled.inline_shapes) == 1
    assert filled.inline_shapes[0].width == fill.CHART_WIDTH


def test_a_refusal_from_the_child_is_one_sentence_with_its_figures(tmp_path: Path) -> None:
    what = fill.Refusal("report.err.limit_size", (("mb", 1),))
    refused = report_render._refused(
        fill.Refusal("report.err.template_limit", (("name", "mau.docx"), ("what", what)))
    )
    assert refused.text("vi") == (
        "mẫu báo cáo mau.docx bị dừng: điền mẫu này cần quá 1 MB cho tệp Word, quá mức một báo cáo"
        " cần đến; hãy xem lại các vòng lặp trong mẫu"
    )
    assert refused.text("en").startswith("the report template mau.docx was stopped")
