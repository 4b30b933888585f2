"""Safety checks on an uploaded file's bytes before any spreadsheet parser touches them."""

from __future__ import annotations

import io
import os
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree as DefusedET
from defusedxml.common import DefusedXmlException

from indicators.i18n import Message, Num, msg

ENV_MAX_UPLOAD_MB = "INDICATORS_MAX_UPLOAD_MB"
DEFAULT_MAX_UPLOAD_MB = 20.0
MB = 1024 * 1024

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
# An encrypted .xlsx is an OLE2 container holding a stream with this UTF-16 name.
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_CHUNK = 1 << 20
# Markers that send a worksheet to the slower, exact scan. A clean sheet has none of them, so
# the common case costs a few substring searches over the decompressed bytes.
_MARKERS = (b"hidden", b't="e"', b"t='e'")
# A formula is <f>, <f ...> or <f/> (or x:f with a prefix); "<formula1>" of a drop-down is not.
_FORMULA_STARTS = (b"<f", b":f")
_OVERLAP = 8
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(frozen=True)
class Limits:
    """How much a file may weigh, packed and unpacked."""

    max_bytes: int
    max_entries: int = 10_000
    max_unzipped: int = 0  # 0: 25 × max_bytes
    # Worksheet XML packs about 10:1; zip bombs pack 1000:1 and more.
    max_ratio: float = 100.0
    ratio_floor: int = MB  # parts smaller than this are too small to bomb anyone

    @property
    def unzipped_cap(self) -> int:
        """The largest total the file may unpack to."""
        return self.max_unzipped or 25 * self.max_bytes

    @classmethod
    def from_env(cls) -> Limits:
        """The limits in force: $INDICATORS_MAX_UPLOAD_MB megabytes, 20 by default."""
        raw = os.environ.get(ENV_MAX_UPLOAD_MB, "")
        try:
            mb = float(raw.replace(",", ".")) if raw.strip() else DEFAULT_MAX_UPLOAD_MB
        except ValueError:
            mb = DEFAULT_MAX_UPLOAD_MB
        return cls(max_bytes=int(max(mb, 0.001) * MB))


@dataclass(frozen=True)
class Refusal:
    """Why a file is refused as a whole, for people in either language."""

    message: Message
    part: str = ""  # the zip part at fault, when there is one


@dataclass
class SheetFacts:
    """What a worksheet hides from a value reader: hidden rows and columns, formulas, errors."""

    name: str
    part: str
    state: str = "visible"  # visible | hidden | veryHidden
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[str] = field(default_factory=list)
    formulas_without_value: list[str] = field(default_factory=list)
    error_cells: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Facts:
    """A file that passed the checks: whether it carried macros, and each sheet's facts."""

    macros: bool
    sheets: list[SheetFacts]

    def sheet(self, name: str) -> SheetFacts | None:
        """The facts of the sheet called `name`."""
        return next((s for s in self.sheets if s.name == name), None)


def _not_a_workbook(data: bytes) -> Refusal:
    """The refusal for bytes that are no zip: name what they look like."""
    if data.startswith(OLE2_MAGIC):
        if ENCRYPTED_STREAM in data:
            return Refusal(
                msg("refuse.encrypted"),
            )
        return Refusal(
            msg("refuse.legacy_xls"),
        )
    if data.startswith(b"%PDF"):
        return Refusal(
            msg("refuse.pdf"),
        )
    head = data[:4096]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if text and ("," in text or ";" in text or "\t" in text or "\n" in text):
        return Refusal(
            msg("refuse.text_file"),
        )
    return Refusal(
        msg("refuse.not_a_workbook"),
    )


class _RootStartedError(Exception):
    """The root element has started: the prolog, where a DTD could stand, is over."""


class _RootTarget:
    def start(self, tag: str, attrib: dict) -> None:
        raise _RootStartedError

    def end(self, tag: str) -> None:
        return None

    def data(self, text: str) -> None:
        return None

    def close(self) -> None:
        return None


class _Prolog:
    """Feeds a part's bytes to defusedxml until the root element starts.

    Entity expansion and external entities need a DTD, and a DTD may only stand before the root
    element; so reading up to the root's start tag rules them out for the whole part, at the cost
    of a few hundred bytes instead of a full parse of a large sheet.
    """

    def __init__(self) -> None:
        self.done = False
        self._parser = DefusedET.DefusedXMLParser(target=_RootTarget(), forbid_dtd=True)

    def feed(self, chunk: bytes) -> None:
        if self.done:
            return
        try:
            self._parser.feed(chunk)
        except _RootStartedError:
            self.done = True


def _has_formula(chunk: bytes) -> bool:
    for start in _FORMULA_STARTS:
        i = chunk.find(start)
        while i != -1:
            if chunk[i + 2 : i + 3] in (b">", b" ", b"/"):
                return True
            i = chunk.find(start, i + 2)
    return False


def _marked(chunk: bytes) -> bool:
    return any(m in chunk for m in _MARKERS) or _has_formula(chunk)


def _read_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, scan: bool) -> tuple[int, bool]:
    """Decompress one XML part in chunks: its true size, and whether a marker was seen."""
    size = 0
    marked = False
    tail = b""
    prolog = _Prolog()
    with zf.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > budget:
                raise _TooBigError
            prolog.feed(chunk)
            if scan and not marked:
                # The chunk itself, then the seam with the previous one, without copying the chunk.
                marked = _marked(chunk) or _marked(tail + chunk[:_OVERLAP])
                tail = chunk[-_OVERLAP:]
    return size, marked


class _TooBigError(Exception):
    """The part unpacks past what is left of the budget."""


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _workbook_sheets(zf: zipfile.ZipFile, names: set[str]) -> list[SheetFacts]:
    """Sheet names, states and their XML parts, from xl/workbook.xml and its relationships."""
    book = DefusedET.fromstring(zf.read("xl/workbook.xml"), forbid_dtd=True)
    targets: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in names:
        rels = DefusedET.fromstring(zf.read("xl/_rels/workbook.xml.rels"), forbid_dtd=True)
        for rel in rels:
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
            targets[rel.get("Id", "")] = path
    sheets = []
    for element in book.iter():
        if _local(element.tag) == "sheet":
            part = targets.get(element.get(_NS_REL, ""), "")
            sheets.append(SheetFacts(element.get("name", ""), part, element.get("state", "visible")))
    return sheets


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _scan_sheet(zf: zipfile.ZipFile, facts: SheetFacts) -> None:
    """The exact scan of one marked sheet: hidden rows and columns, formulas, error cells."""
    with zf.open(facts.part) as stream:
        for _event, element in DefusedET.iterparse(stream, events=("end",), forbid_dtd=True):
            name = _local(element.tag)
            if name == "row":
                if element.get("hidden") in {"1", "true"}:
                    facts.hidden_rows.append(int(element.get("r", "0")))
                for cell in element:
                    if _local(cell.tag) != "c":
                        continue
                    formula = value = None
                    for child in cell:
                        local = _local(child.tag)
                        if local == "f":
                            formula = child
                        elif local == "v":
                            value = child
                    ref = cell.get("r", "")
                    if cell.get("t") == "e":
                        facts.error_cells.append((ref, (value.text or "") if value is not None else ""))
                    elif formula is not None and (value is None or not (value.text or "").strip()):
                        facts.formulas_without_value.append(ref)
                element.clear()
            elif name == "col" and element.get("hidden") in {"1", "true"}:
                first, last = int(element.get("min", "1")), int(element.get("max", "1"))
                # A hidden range to the sheet's end (max=16384) is named by its ends only.
                span = range(first, last + 1) if last - first < 50 else (first, last)
                facts.hidden_columns.extend(column_letter(i) for i in span)
            elif name == "sheetData":
                element.clear()


def inspect(data: bytes, limits: Limits | None = None) -> Refusal | Facts:
    """The file's facts, or why it is refused; nothing here trusts the file or parses a DTD."""
    limits = limits or Limits.from_env()
    if not data:
        return Refusal(msg("refuse.empty"))
    if len(data) > limits.max_bytes:
        return Refusal(
            msg("refuse.too_big", size=Num(len(data) / MB, 1), limit=Num(limits.max_bytes / MB, 1))
        )
    if not data.startswith(ZIP_MAGIC):
        return _not_a_workbook(data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        return Refusal(
            msg("refuse.damaged_zip"),
        )
    return _inspect_zip(zf, infos, limits)


def _bomb(part: str = "") -> Refusal:
    return Refusal(
        msg("refuse.zip_bomb"),
        part,
    )


def _inspect_zip(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: Limits) -> Refusal | Facts:
    if len(infos) > limits.max_entries:
        return Refusal(msg("refuse.too_many_entries", n=Num(len(infos))))
    declared = 0
    for info in infos:
        declared += info.file_size
        if info.flag_bits & 0x1:
            return Refusal(
                msg("refuse.encrypted_part"),
                info.filename,
            )
        packed = max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor and info.file_size / packed > limits.max_ratio:
            return _bomb(info.filename)
    if declared > limits.unzipped_cap:
        return _bomb()
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        return Refusal(
            msg("refuse.not_a_workbook_zip"),
        )
    try:
        sheets = _workbook_sheets(zf, names)
        parts = {s.part: s for s in sheets}
        budget = limits.unzipped_cap
        marked: list[SheetFacts] = []
        for info in infos:
            if not info.filename.endswith((".xml", ".rels", ".vml")):
                continue
            # The declared sizes are not trusted: the bytes are counted as they unpack.
            size, hit = _read_part(zf, info, budget, scan=info.filename in parts)
            budget -= size
            if hit:
                marked.append(parts[info.filename])
        for facts in marked:
            _scan_sheet(zf, facts)
    except DefusedXmlException:
        return Refusal(
            msg("refuse.xml_entities"),
        )
    except _TooBigError:
        return _bomb()
    except (ParseError, zipfile.BadZipFile, zlib.error, KeyError, ValueError, OSError, EOFError) as exc:
        return Refusal(
            msg("refuse.damaged", error=type(exc).__name__),
        )
    macros = any(n.lower().endswith("vbaproject.bin") for n in names)
    return Facts(macros=macros, sheets=sheets)
