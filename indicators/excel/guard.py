"""Safety checks on an uploaded file's bytes before any spreadsheet parser touches them."""

from __future__ import annotations

import functools
import io
import os
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree as DefusedET
from defusedxml.common import DefusedXmlException

from indicators.text.i18n import Message, Num, msg

ENV_MAX_UPLOAD_MB = "INDICATORS_MAX_UPLOAD_MB"
DEFAULT_MAX_UPLOAD_MB = 20.0
ENV_MAX_CELLS = "INDICATORS_MAX_SHEET_CELLS"
# A reader holds a sheet as a dense grid from A1 to its farthest cell: one value in XFD1048576
# asks for 17 billion cells. Five million (50 × the largest real upload) stays within a few
# hundred megabytes; the row limit alone keeps a one-column sheet sensible.
DEFAULT_MAX_CELLS = 5_000_000
DEFAULT_MAX_ROWS = 500_000
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
# Where a sheet's cells are: the r attribute of <c> and <row>, written first by Excel, LibreOffice
# and openpyxl as `<c r="B7"` (one space, double quotes). Only that exact spelling is read here;
# any other <c or <row tag (a tab, line break or two spaces before r, single quotes, spaces around
# "=", another attribute first, no r at all), a prefix, or text in CDATA or comments that could
# mimic a tag sends the sheet to the exact scan, which places cells as a reader does.
_REF_NUMBERS = re.compile(rb'<(?:c|row) r="[A-Za-z]*([0-9]+)"')
_REF_LETTERS = re.compile(rb'<c r="([A-Za-z]+)[0-9]')
_NO_REF = re.compile(rb'<(?:c(?=[\s/>])(?! r="[A-Za-z]+[0-9]+"[\s/>])|row(?=[\s/>])(?! r="[0-9]+"[\s/>]))')
_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")
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
    max_rows: int = DEFAULT_MAX_ROWS  # a sheet's farthest row
    max_cells: int = DEFAULT_MAX_CELLS  # rows × columns from A1 to a sheet's farthest cell

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
        try:
            cells = int(os.environ.get(ENV_MAX_CELLS, "") or DEFAULT_MAX_CELLS)
        except ValueError:
            cells = DEFAULT_MAX_CELLS
        # The row limit scales with the cell limit, so that raising one raises both.
        rows = DEFAULT_MAX_ROWS * cells // DEFAULT_MAX_CELLS
        return cls(max_bytes=int(max(mb, 0.001) * MB), max_cells=cells, max_rows=rows)


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
    rows: int = 0  # the farthest row any cell or row element names
    columns: int = 0  # the farthest column any cell names
    far_row: str = ""  # a cell (or row number) at the farthest row
    far_column: str = ""  # a cell at the farthest column

    @property
    def cells(self) -> int:
        """The cells of the dense grid a reader builds from A1 to the farthest cell."""
        return self.rows * self.columns


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
    # Most chunks of a data sheet hold no "f" at all: one fast byte search settles those.
    if b"f" not in chunk:
        return False
    for start in _FORMULA_STARTS:
        i = chunk.find(start)
        while i != -1:
            if chunk[i + 2 : i + 3] in (b">", b" ", b"/"):
                return True
            i = chunk.find(start, i + 2)
    return False


def _marked(chunk: bytes) -> bool:
    return any(m in chunk for m in _MARKERS) or _has_formula(chunk)


def column_index(letters: str) -> int:
    """A → 1, AA → 27 (the inverse of column_letter)."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index


class _Extent:
    """The farthest row and column a sheet's cells name, read from its XML as it unpacks.

    Fed in chunks; each pass handles the text up to the last "<", so that no tag is cut in two
    (an attribute value may not hold "<"). When a tag is not in the usual shape, `exact` is set
    and the caller places the cells one by one instead.
    """

    def __init__(self, facts: SheetFacts) -> None:
        self.facts = facts
        self.exact = False
        self._carry = b""

    def feed(self, chunk: bytes) -> None:
        if self.exact:
            return
        text = self._carry + chunk
        cut = text.rfind(b"<")
        if cut <= 0:
            self._carry = text
            return
        self._carry = text[cut:]
        self._scan(text[:cut])

    def close(self) -> None:
        if not self.exact:
            self._scan(self._carry)
        self._carry = b""

    def _scan(self, text: bytes) -> None:
        if b"<!" in text or _NO_REF.search(text) or _PREFIXED.search(text):
            self.exact = True
            return
        numbers = _REF_NUMBERS.findall(text)
        letters = _REF_LETTERS.findall(text)
        facts = self.facts
        if numbers:
            row = max(map(int, set(numbers)))
            if row > facts.rows:
                # Name a cell of that row when there is one, else the row.
                found = re.search(rb'<c r="([A-Za-z]+' + str(row).encode() + rb')"', text)
                facts.rows, facts.far_row = row, found.group(1).decode() if found else str(row)
        if letters:
            widest = max(set(letters), key=lambda b: (len(b), b.upper()))
            column = column_index(widest.decode())
            if column > facts.columns:
                found = re.search(rb'<c r="(' + widest + rb'[0-9]+)"', text)
                facts.columns = column
                facts.far_column = found.group(1).decode() if found else widest.decode()


_REF = re.compile(r"^([A-Za-z]*)([0-9]*)$")


def _scan_extent(zf: zipfile.ZipFile, facts: SheetFacts) -> None:
    """The exact extent of a sheet in an unusual shape: cells placed as a reader places them.

    A cell without r follows the previous cell of its row; a row without r follows the previous row.
    """
    facts.rows = facts.columns = 0
    row = 0
    with zf.open(facts.part) as stream:
        for event, element in DefusedET.iterparse(stream, events=("start", "end"), forbid_dtd=True):
            name = _local(element.tag)
            if event == "start" and name == "row":
                found = _REF.match(element.get("r", "").strip())
                row = int(found.group(2)) if found and found.group(2) else row + 1
                column = 0
                if row > facts.rows:
                    facts.rows, facts.far_row = row, str(row)
            elif event == "start" and name == "c":
                found = _REF.match(element.get("r", "").strip())
                if found and found.group(1) and found.group(2):
                    cell_row, column = int(found.group(2)), column_index(found.group(1))
                else:
                    cell_row, column = row, column + 1
                ref = f"{column_letter(column)}{cell_row}"
                if cell_row > facts.rows or (cell_row == facts.rows and facts.far_row.isdigit()):
                    facts.rows, facts.far_row = cell_row, ref
                if column > facts.columns:
                    facts.columns, facts.far_column = column, ref
            elif event == "end" and name == "row":
                element.clear()


def _read_part(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, scan: bool, extent: _Extent | None = None
) -> tuple[int, bool]:
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
            if extent is not None:
                extent.feed(chunk)
    if extent is not None:
        extent.close()
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


@functools.lru_cache(maxsize=4096)
def column_letter(index: int) -> str:
    """1 → A, 27 → AA (remembered: a report of 100,000 cells names the same few columns)."""
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


def _too_far(facts: SheetFacts, limits: Limits) -> Refusal:
    """The refusal of a sheet whose farthest cell would make a reader build a huge grid."""
    # The cell at the farthest row and the one at the farthest column, once when they are one.
    far_row = f"{column_letter(1)}{facts.rows}" if facts.far_row.isdigit() else facts.far_row
    far = ", ".join(dict.fromkeys(ref for ref in (far_row, facts.far_column) if ref))
    return Refusal(
        msg(
            "refuse.too_far",
            sheet=facts.name,
            far=far,
            rows=Num(facts.rows),
            columns=Num(facts.columns),
            max_rows=Num(limits.max_rows),
            max_cells=Num(limits.max_cells),
        ),
        facts.part,
    )


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
        unusual: list[SheetFacts] = []
        for info in infos:
            if not info.filename.endswith((".xml", ".rels", ".vml")):
                continue
            sheet = parts.get(info.filename)
            extent = _Extent(sheet) if sheet is not None else None
            # The declared sizes are not trusted: the bytes are counted as they unpack.
            size, hit = _read_part(zf, info, budget, scan=sheet is not None, extent=extent)
            budget -= size
            if hit:
                marked.append(parts[info.filename])
            if sheet is not None and extent is not None and extent.exact:
                unusual.append(sheet)
        for facts in unusual:
            _scan_extent(zf, facts)
        # Before any reader builds the grid: a sheet that reaches too far is refused by name.
        for facts in sheets:
            if facts.rows > limits.max_rows or facts.cells > limits.max_cells:
                return _too_far(facts, limits)
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
