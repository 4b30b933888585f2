"""The parsers a document runs through in the isolated child: python-docx for .docx, PDFium for a PDF.

Imported at the top so that the spare child the server keeps (isolation.run, keep_warm) has loaded
them before the next document arrives.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pypdfium2
from docx.table import Table
from docx.text.paragraph import Paragraph

MAX_PAGES = 250  # a district's báo cáo runs to tens of pages; a thousand-page file is not one


def docx_text(data: bytes) -> str | tuple[str, dict[str, float]]:
    """A .docx's paragraphs and table rows in document order; a row's cells parted by tabs."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (ValueError, KeyError, zipfile.BadZipFile) as exc:
        del exc
        return ("extract.damaged", {})
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            for row in item.rows:
                cells = [cell.text.strip().replace("\n", " ") for cell in row.cells]
                blocks.append("\t".join(dict.fromkeys(c for c in cells if c)))
    return "\n\n".join(b for b in blocks if b.strip())


def pdf_text(data: bytes) -> str | tuple[str, dict[str, float]]:
    """A PDF's text layer, page by page; no layer at all is a scanned document."""
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return ("extract.damaged", {})
    try:
        pages = len(document)
        if pages > MAX_PAGES:
            return ("extract.too_many_pages", {"pages": pages, "limit": MAX_PAGES})
        text = "\n\n".join(document[i].get_textpage().get_text_bounded() for i in range(pages))
    except pypdfium2.PdfiumError:
        return ("extract.damaged", {})
    finally:
        document.close()
    if not text.strip():
        return ("extract.scanned", {})
    return text.replace("\r\n", "\n")
