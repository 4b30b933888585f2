"""The same figures from .docx, PDF and pasted text; a plain sentence for every file that cannot be read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pypdfium2
import pytest

from indicators.excel.guard import Limits
from indicators.extract import sources
from indicators.extract.figures import Figure
from indicators.extract.match import Catalogue
from indicators.extract.reader import Context, read_text
from indicators.extract.sentences import blocks
from indicators.store.seed import load_source

REPORT = Path(__file__).resolve().parents[1] / "data" / "report_tam_duong_2015_2020.txt"
CATALOGUE = Catalogue(load_source().indicators)
AWARDS_HEADING = "2. Số lượng tập thể, cá nhân được khen thưởng giai đoạn 2015-2020"


def _docx(text: str) -> bytes:
    """The report as a Word file: its paragraphs, and its award counts as a two-column table."""
    document = docx.Document()
    parts = blocks(text)
    at = parts.index(AWARDS_HEADING) + 1
    for part in parts[:at]:
        document.add_paragraph(part)
    awards = [p.lstrip("- ").split(": ", 1) for p in parts[at:] if p.startswith("- ")]
    table = document.add_table(rows=0, cols=2)
    for name, count in awards:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = f"{name}:", count
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rows(found: list[Figure]) -> set[tuple[str, float, str, str, int | None]]:
    return {
        (f.indicator, f.value, f.unit, f.kind, f.year) for f in found if f.value is not None and f.indicator
    }


def _read(data: bytes) -> set[tuple[str, float, str, str, int | None]]:
    text = sources.to_text(data)
    assert isinstance(text, str), text
    return _rows(read_text(text, CATALOGUE, Context(written_year=2020)))


@pytest.fixture(scope="module")
def pasted() -> set[tuple[str, float, str, str, int | None]]:
    return _read(REPORT.read_bytes())


@pytest.mark.slow
def test_a_word_file_gives_the_figures_pasted_text_gives(
    pasted: set[tuple[str, float, str, str, int | None]],
) -> None:
    assert len(pasted) >= 90
    from_word = _read(_docx(REPORT.read_text(encoding="utf-8")))
    assert from_word == pasted
    # The award counts came out of the table's rows.
    assert ("LDTT_CN", 6099.0, "lượt", "estimate", 2020) in from_word


@pytest.mark.office
def test_a_pdf_gives_the_figures_pasted_text_gives(
    pasted: set[tuple[str, float, str, str, int | None]],
) -> None:
    from indicators.report import render

    pdf = render.pdf_bytes(_docx(REPORT.read_text(encoding="utf-8")))
    from_pdf = _read(pdf)
    # A PDF breaks its lines where the page does, and joins them back: the figures are the same.
    missing = pasted - from_pdf
    assert not missing, sorted(missing)
    assert from_pdf == pasted
    assert ("GTSX", 2503.3, "tỷ đồng", "estimate", 2020) in from_pdf


def _pdf(pages: int) -> bytes:
    document = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _bomb() -> bytes:
    """A .docx whose document part unpacks to 60 MB of one repeated byte."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (60 * 1024 * 1024) + b"</w:document>")
    return buffer.getvalue()


def _refusal(data: bytes, limits: Limits | None = None) -> str:
    read = sources.to_text(data, limits)
    assert isinstance(read, sources.Refused), read
    vi, en = read.message.text("vi"), read.message.text("en")
    assert vi != en and "{" not in vi + en  # both languages, every value filled in
    return read.message.key


@pytest.mark.slow
@pytest.mark.parametrize(
    ("make", "key"),
    [
        (lambda: b"", "extract.empty"),
        (lambda: b"   \n\n ", "extract.empty"),
        (lambda: _pdf(2), "extract.scanned"),
        (lambda: _pdf(300), "extract.too_many_pages"),
        (_bomb, "extract.bomb"),
        (lambda: b"PK\x03\x04 not really a zip", "extract.damaged"),
        (lambda: b"%PDF-1.7\n garbage that is no PDF", "extract.damaged"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "extract.legacy_doc"),
        (lambda: bytes(range(256)) * 4, "extract.not_text"),
        (
            lambda: b"The district's total production value reached 2,503.3 billion VND in 2020. " * 20,
            "extract.not_vietnamese",
        ),
    ],
    ids=[
        "empty",
        "blank",
        "scanned",
        "300-pages",
        "docx-bomb",
        "damaged-zip",
        "damaged-pdf",
        "doc",
        "binary",
        "english",
    ],
)
def test_a_file_that_cannot_be_read_gets_a_sentence(make, key: str) -> None:
    assert _refusal(make()) == key


def test_a_file_over_the_upload_limit_is_refused_before_it_is_opened() -> None:
    data = REPORT.read_bytes()
    assert _refusal(data, Limits(max_bytes=1024)) == "extract.too_big"


@pytest.mark.slow
def test_a_docx_reader_that_dies_is_a_sentence_and_the_caller_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The child is given 1 MB beyond its start: python-docx cannot load a document in that.
    monkeypatch.setenv("INDICATORS_PARSE_MEMORY_MB", "1")
    assert _refusal(_docx("Tổng giá trị sản xuất đạt 2.503,3 tỷ đồng.\n\n" + AWARDS_HEADING)) in {
        "extract.limit",
        "extract.damaged",
    }
    assert (
        sources.checked("Tổng giá trị sản xuất đạt 2.503,3 tỷ đồng.")
        == "Tổng giá trị sản xuất đạt 2.503,3 tỷ đồng."
    )


def test_the_next_documents_child_is_started_after_the_reading_and_runs_one_file() -> None:
    from indicators.excel import isolation
    from indicators.extract import parsers

    isolation.drop_spares()
    try:
        sources.warm_up()
        isolation.wait_for_spares()
        (spare,) = isolation._spares.values()
        assert set(isolation._spares) == {parsers.__name__}
        document = docx.Document()
        document.add_paragraph("Năm 2023 tổng diện tích chè 1.985 ha.")
        buffer = io.BytesIO()
        document.save(buffer)
        text = sources.to_text(buffer.getvalue())
        assert text == "Năm 2023 tổng diện tích chè 1.985 ha."
        # The spare read that file and is gone; reading starts none until the page asks again.
        assert spare.child.wait(timeout=10) == 0
        assert not isolation._spares
    finally:
        isolation.drop_spares()
