"""A document's bytes as text: .docx (paragraphs and tables), a PDF's text layer, or plain text.

Every file is checked before it is opened, with the upload guard's limits, and a .docx or PDF is
parsed in a child process (indicators/excel/isolation.py), so that no hostile file can stop the server.
A PDF's text comes from PDFium (pypdfium2): as fast as poppler's pdftotext, where pure-Python pypdf took
35 times as long on a 100-page report; a crash in its C++ ends only the child.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from indicators.excel import isolation
from indicators.excel.guard import MB, Limits
from indicators.extract.parsers import docx_text, pdf_text
from indicators.text.i18n import Message, Num, msg

MAX_CHARS = 5_000_000
_DOC_MAGIC = b"\xd0\xcf\x11\xe0"
# Letters only Vietnamese writes: a text without any of them is in another language.
_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


@dataclass(frozen=True)
class Refused:
    """Why a document is not read, as a sentence for people in either language."""

    message: Message


def to_text(data: bytes, limits: Limits | None = None, *, keep_warm: bool = False) -> str | Refused:
    """The document's text, or why it is refused; a .docx or PDF is parsed in a child process.

    `keep_warm` (a long-running server): the next document's child starts now and loads its modules.
    """
    limits = limits or Limits.from_env()
    if not data.strip():
        return Refused(msg("extract.empty"))
    if len(data) > limits.max_bytes:
        return Refused(
            msg("extract.too_big", size=Num(len(data) / MB, 1), limit=Num(limits.max_bytes / MB, 1))
        )
    if data.startswith(b"PK\x03\x04"):
        refused = _zip_check(data, limits)
        text = refused or _isolated(docx_text, data, keep_warm)
    elif data.startswith(b"%PDF"):
        text = _isolated(pdf_text, data, keep_warm)
    elif data.startswith(_DOC_MAGIC):
        return Refused(msg("extract.legacy_doc"))
    else:
        text = _plain(data)
    return text if isinstance(text, Refused) else checked(text)


def warm_up() -> None:
    """Start the child that will parse the next .docx or PDF, once this one's figures are read: it loads
    python-docx and PDFium while the analyst reviews, not while the reader works on this file."""
    isolation.start_spare(docx_text)


def checked(text: str) -> str | Refused:
    """Pasted or read text, refused where it is empty, too long, or not Vietnamese."""
    if not text.strip():
        return Refused(msg("extract.empty"))
    if len(text) > MAX_CHARS:
        return Refused(msg("extract.too_big", size=Num(len(text) / MB, 1), limit=Num(MAX_CHARS / MB, 1)))
    letters = sum(ch.isalpha() for ch in text[:20000])
    if letters and len(_VIETNAMESE.findall(text[:20000])) < max(3, letters // 200):
        return Refused(msg("extract.not_vietnamese"))
    return text


def _plain(data: bytes) -> str | Refused:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    return Refused(msg("extract.not_text"))


def _zip_check(data: bytes, limits: Limits) -> Refused | None:
    """The upload guard's zip limits: entries, the packing ratio, and what the parts unpack to."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        return Refused(msg("extract.damaged"))
    if len(infos) > limits.max_entries:
        return Refused(msg("extract.bomb"))
    declared = 0
    for info in infos:
        declared += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor and ratio > limits.max_ratio:
            return Refused(msg("extract.bomb"))
    if declared > limits.unzipped_cap:
        return Refused(msg("extract.bomb"))
    if "word/document.xml" not in {i.filename for i in infos}:
        return Refused(msg("extract.damaged"))
    return None


def _isolated(reader: object, data: bytes, keep_warm: bool) -> str | Refused:
    """The reader run in a child with memory and time limits; a crash there is a sentence here."""
    try:
        outcome = isolation.run(reader, data, keep_warm=keep_warm)  # type: ignore[arg-type]
    except isolation.LimitExceededError as exc:
        return Refused(msg("extract.limit" if exc.reason in ("memory", "time") else "extract.damaged"))
    if isinstance(outcome, tuple):  # (key, values) from the child: a refusal it found
        key, values = outcome
        return Refused(msg(key, **{k: Num(v) for k, v in values.items()}))
    return str(outcome)
