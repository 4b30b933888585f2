"""Builds the default báo cáo template (Decree 30/2020 layout, docxtpl placeholders).

Run `python -m indicators.report.template` after changing this file, and commit both.

The template is generated, not drawn by hand, so every size and margin can be reviewed here.
An office may replace it with its own .docx that uses the same placeholders:

    issuer_lines, nation, motto, number, place_date, kind, subject,
    sections (heading, paragraphs, keep, parts (heading, paragraphs, keep), charts (image, caption), note),
    tm, chair, signer, recipients_title, recipients,
    appendix, appendix_title, appendix_note, columns (stt, indicator, unit, target, actual, pct, status),
    rows (stt, indicator, unit, target, actual, pct, status, group), no_rows, legend,
    compared, appendix_shown, area_appendix, area_title,
    area_columns (stt, area, target, actual, pct, status),
    area_rows (stt, area, target, actual, pct, status, group), area_none, area_legend.

`keep` marks the section or part whose last paragraph closes the body ("Trên đây là báo cáo … ./."):
that paragraph is kept on the page of the signature. `group` marks a heading line of a table, kept
on the page of the row after it. A template that ignores both still prints every word.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

TEMPLATE = Path(__file__).resolve().parent / "templates" / "bao_cao.docx"
FONT = "Times New Roman"
# Decree 30/2020, Appendix I: A4, margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
PAGE = (Mm(210), Mm(297))
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
BODY_PT = 14
TABLE_PT = 12
TEXT_WIDTH = Mm(165)
# The appendix is landscape (Decree 30/2020 allows it for a wide table): 297 − 30 − 15 = 252 mm of text,
# room for a unit such as "triệu đồng/người/năm" or "million VND/household/year" to wrap between words
# (no office suite breaks a line after "/" by itself).

# name → (size pt, bold, italic, alignment, first-line indent, space before, space after)
STYLES: dict[str, tuple[float, bool, bool, str, bool, float, float]] = {
    "BC Body": (BODY_PT, False, False, "justify", True, 6, 0),
    "BC Closing": (BODY_PT, False, False, "justify", True, 6, 0),
    "BC Lead": (BODY_PT, False, False, "justify", True, 6, 0),
    "BC Heading 1": (BODY_PT, True, False, "left", True, 12, 0),
    "BC Heading 2": (BODY_PT, True, False, "justify", True, 6, 0),
    "BC Title": (BODY_PT, True, False, "center", False, 0, 0),
    "BC Issuer": (13, True, False, "center", False, 0, 0),
    "BC Number": (13, False, False, "center", False, 6, 0),
    "BC Nation": (12, True, False, "center", False, 0, 0),
    "BC Motto": (BODY_PT, True, False, "center", False, 0, 0),
    "BC Place": (BODY_PT, False, True, "center", False, 6, 0),
    "BC Rule": (2, False, False, "center", False, 0, 0),
    "BC Signer": (BODY_PT, True, False, "center", False, 0, 0),
    "BC Recipients Title": (12, True, True, "left", False, 6, 0),
    "BC Recipients": (11, False, False, "left", False, 0, 0),
    "BC Figure": (BODY_PT, False, False, "center", False, 6, 0),
    "BC Caption": (13, False, True, "center", False, 0, 6),
    "BC Note": (13, False, True, "justify", True, 6, 0),
    "BC Table": (TABLE_PT, False, False, "left", False, 2, 2),
    "BC Table Number": (TABLE_PT, False, False, "right", False, 2, 2),
    "BC Table Head": (TABLE_PT, True, False, "center", False, 2, 2),
    "BC Table Group": (TABLE_PT, False, False, "left", False, 2, 2),
    "BC Table Last": (TABLE_PT, False, False, "left", False, 2, 2),
    "BC Table Number Last": (TABLE_PT, False, False, "right", False, 2, 2),
    "BC Legend": (13, False, True, "justify", True, 6, 0),
    "BC Header": (13, False, False, "center", False, 0, 0),
}
_ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
# Appendix columns, mm: STT | Chỉ tiêu | ĐVT | Mục tiêu/KH | Thực hiện | % đạt | Đánh giá (= 252 mm).
COLUMNS = (
    ("stt", 14),
    ("indicator", 78),
    ("unit", 42),
    ("target", 34),
    ("actual", 30),
    ("pct", 22),
    ("status", 32),
)
# The comparison appendix, mm: STT | Địa bàn | Mục tiêu/KH | Thực hiện | % đạt | Đánh giá (= 252 mm).
AREA_COLUMNS = (
    ("stt", 14),
    ("area", 88),
    ("target", 40),
    ("actual", 40),
    ("pct", 30),
    ("status", 40),
)


def set_fonts(rpr: BaseOxmlElement) -> None:
    """Times New Roman on every script slot, so Word substitutes nothing for the diacritics."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _defaults(doc: DocumentObject) -> None:
    """The document defaults: Times New Roman 14, black, Vietnamese."""
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    for tag, value in (("w:sz", str(BODY_PT * 2)), ("w:szCs", str(BODY_PT * 2))):
        node = rpr.find(qn(tag))
        if node is None:
            node = OxmlElement(tag)
            rpr.append(node)
        node.set(qn("w:val"), value)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    set_fonts(normal.element.get_or_add_rPr())
    # Every built-in style the default template carries names the font too, not a theme's.
    for fonts in styles.iter(qn("w:rFonts")):
        set_fonts(fonts.getparent())


def _styles(doc: DocumentObject) -> None:
    for name, (size, bold, italic, align, indent, before, after) in STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        style.font.color.rgb = RGBColor(0, 0, 0)
        set_fonts(style.element.get_or_add_rPr())
        layout = style.paragraph_format
        layout.alignment = _ALIGN[align]
        layout.first_line_indent = Cm(1.27) if indent else Cm(0)
        layout.space_before = Pt(before)
        layout.space_after = Pt(after)
        layout.line_spacing = 1.0 if name.startswith(("BC Table", "BC Rule", "BC Recipients")) else 1.15
        layout.widow_control = True
    # Kept with what follows: a heading with its text, the closing paragraph with the signature block,
    # and a table's group heading line with the first row under it.
    # A table's last row is kept with the notes under it, and the notes with one another, so the
    # notes never stand alone on a page.
    # A chart stays on the page of its caption under it; a lead ending in ":" with the list it opens.
    kept = (
        "BC Heading 1",
        "BC Heading 2",
        "BC Closing",
        "BC Lead",
        "BC Table Group",
        "BC Table Last",
        "BC Figure",
    )
    for name in (*kept, "BC Table Number Last", "BC Legend"):
        doc.styles[name].paragraph_format.keep_with_next = True


def _para(container: DocumentObject | _Cell, text: str, style: str) -> Paragraph:
    paragraph = container.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        set_fonts(run._r.get_or_add_rPr())
    return paragraph


def _rule(container: DocumentObject | _Cell, inset: float) -> None:
    """A short line under a title: an empty paragraph's bottom border, shortened by its indents."""
    paragraph = _para(container, "", "BC Rule")
    paragraph.paragraph_format.left_indent = Cm(inset)
    paragraph.paragraph_format.right_indent = Cm(inset)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _no_borders(table: object) -> None:
    tblpr = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        node = OxmlElement(f"w:{edge}")
        node.set(qn("w:val"), "nil")
        borders.append(node)
    tblpr.append(borders)


def _grid(table: object) -> None:
    tblpr = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        node = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            node.set(qn(key), value)
        borders.append(node)
    tblpr.append(borders)


def _widths(table: object, widths: list[float]) -> None:
    """Fixed column widths, in the grid as well as the cells: LibreOffice reads the grid."""
    table.autofit = False  # type: ignore[attr-defined]
    grid = table._tbl.tblGrid  # type: ignore[attr-defined]
    for column, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(Mm(width).twips))
    for row in table.rows:  # type: ignore[attr-defined]
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)


def _keep_rows(table: object) -> None:
    """No row of the table splits across two pages (`w:cantSplit`); only a row taller than a page breaks."""
    for row in table.rows:  # type: ignore[attr-defined]
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))


def _clear(cell: _Cell) -> None:
    """A new cell holds one empty paragraph; the template's own paragraphs replace it."""
    for paragraph in list(cell.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)


def _page_number_header(doc: DocumentObject) -> None:
    """Page numbers centred in the top margin, from page 2: the first page has its own empty header."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.header_distance = Mm(10)
    # An explicit, empty first-page header: no number on page 1 in Word and in LibreOffice alike.
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.style = doc.styles["BC Header"]
    run = paragraph.add_run()
    set_fonts(run._r.get_or_add_rPr())
    begin, code, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(code)
    run._r.append(end)


def _header_block(doc: DocumentObject) -> None:
    """Issuing body over its number on the left; national title and motto over place and date on the right.

    Two rows, so the number and the date share a line however many lines the issuer wraps to
    ("PEOPLE'S COMMITTEE / OF TAM ĐƯỜNG / DISTRICT" is three where the Vietnamese is two).
    """
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, [60, 105])
    _keep_rows(table)
    (left, right), (number, place) = (row.cells for row in table.rows)
    for cell in (left, right, number, place):
        _clear(cell)
    _para(left, "{%p for line in issuer_lines %}", "BC Issuer")
    _para(left, "{{ line }}", "BC Issuer")
    _para(left, "{%p endfor %}", "BC Issuer")
    _rule(left, 1.8)
    _para(number, "{{ number }}", "BC Number")
    _para(right, "{{ nation }}", "BC Nation")
    _para(right, "{{ motto }}", "BC Motto")
    _rule(right, 2.3)
    _para(place, "{{ place_date }}", "BC Place")


def _paragraphs(doc: DocumentObject, owner: str) -> None:
    """The paragraphs of a section or part; the body's last one kept with the signature block."""
    _para(doc, f"{{%p for p in {owner}.paragraphs %}}", "BC Body")
    _para(doc, f"{{%p if {owner}.keep and loop.last %}}", "BC Body")
    _para(doc, "{{ p }}", "BC Closing")
    _para(doc, "{%p elif p.endswith(':') %}", "BC Body")
    _para(doc, "{{ p }}", "BC Lead")
    _para(doc, "{%p else %}", "BC Body")
    _para(doc, "{{ p }}", "BC Body")
    _para(doc, "{%p endif %}", "BC Body")
    _para(doc, "{%p endfor %}", "BC Body")


def _body(doc: DocumentObject) -> None:
    _para(doc, "", "BC Title")
    _para(doc, "{{ kind }}", "BC Title")
    _para(doc, "{{ subject }}", "BC Title")
    _rule(doc, 6.8)
    _para(doc, "{%p for s in sections %}", "BC Body")
    _para(doc, "{{ s.heading }}", "BC Heading 1")
    _paragraphs(doc, "s")
    _para(doc, "{%p for part in s.parts %}", "BC Body")
    _para(doc, "{{ part.heading }}", "BC Heading 2")
    _paragraphs(doc, "part")
    _para(doc, "{%p endfor %}", "BC Body")
    _para(doc, "{%p for c in s.charts %}", "BC Body")
    _para(doc, "{{ c.image }}", "BC Figure")
    _para(doc, "{{ c.caption }}", "BC Caption")
    _para(doc, "{%p endfor %}", "BC Body")
    _para(doc, "{%p if s.note %}", "BC Body")
    _para(doc, "{{ s.note }}", "BC Note")
    _para(doc, "{%p endif %}", "BC Body")
    _para(doc, "{%p endfor %}", "BC Body")


def _signature(doc: DocumentObject) -> None:
    """Recipients on the left, the signature block on the right, left for the office to fill in.

    One row that never splits, after a spacing paragraph kept with it: the closing paragraph above
    (kept with this one) carries the block, so it never starts a page alone.
    """
    _para(doc, "", "BC Closing")
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [80, 85])
    _keep_rows(table)
    left, right = table.rows[0].cells
    _clear(left)
    _clear(right)
    _para(left, "{{ recipients_title }}", "BC Recipients Title")
    _para(left, "{%p for r in recipients %}", "BC Recipients")
    _para(left, "{{ r }}", "BC Recipients")
    _para(left, "{%p endfor %}", "BC Recipients")
    _para(right, "{{ tm }}", "BC Signer")
    _para(right, "{{ chair }}", "BC Signer")
    # Room for the signature and the seal, then the signer's name in bold (the office fills it in).
    for _ in range(4):
        _para(right, "", "BC Signer")
    _para(right, "{{ signer }}", "BC Signer")


def _table(
    doc: DocumentObject,
    columns: tuple[tuple[str, int], ...],
    head_of: str,
    rows: str,
    kept: str = "loop.last",
) -> None:
    """A grid table: a header row that repeats on every page, then one row per item of `rows`.

    No row splits across pages, and a group's heading line stays on the page of its first row; the
    rows that `kept` names stay on the page of the next one (the last row with the notes under it).
    """
    table = doc.add_table(rows=10, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _grid(table)
    _widths(table, [w for _, w in columns])
    _keep_rows(table)
    head, opening, if_group, group, if_last, last, otherwise, body, endif, closing = table.rows
    for cell, (key, _) in zip(head.cells, columns, strict=True):
        _clear(cell)
        _para(cell, f"{{{{ {head_of}.{key} }}}}", "BC Table Head")
    # The header row repeats on every page the table runs onto.
    trpr = head._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    trpr.append(repeat)
    _tag_row(opening, f"{{%tr for r in {rows} %}}")
    _tag_row(if_group, "{%tr if r.group %}")
    _cells(group, columns, "group")
    _tag_row(if_last, f"{{%tr elif {kept} %}}")
    _cells(last, columns, "last")
    _tag_row(otherwise, "{%tr else %}")
    _cells(body, columns, "")
    _tag_row(endif, "{%tr endif %}")
    _tag_row(closing, "{%tr endfor %}")


def _tag_row(row: object, tag: str) -> None:
    """A row that holds only a docxtpl tag: the whole row is replaced by the tag when rendered."""
    for cell in row.cells:  # type: ignore[attr-defined]
        _clear(cell)
        _para(cell, "", "BC Table")
    row.cells[0].paragraphs[0].add_run(tag)  # type: ignore[attr-defined]


def _cells(row: object, columns: tuple[tuple[str, int], ...], kept: str) -> None:
    """A row's placeholders; a group's heading line kept with the next row, the last row with the notes."""
    for cell, (key, _) in zip(row.cells, columns, strict=True):  # type: ignore[attr-defined]
        _clear(cell)
        style = "BC Table Number" if key in {"target", "actual", "pct"} else "BC Table"
        if kept == "group":
            style = "BC Table Group"
        elif kept == "last":
            style += " Last"
        # Number and name are rich text: bold on a heading line and on the parent's total.
        rich = "r " if key in {"stt", "indicator", "area"} else ""
        _para(cell, f"{{{{{rich}r.{key} }}}}", style)


def _landscape(doc: DocumentObject) -> None:
    """A new landscape section for the appendices, numbered on from the body (its first page too)."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE[1], PAGE[0]
    section.different_first_page_header_footer = False
    # The paragraph that now holds the body's section break is empty: as small as the rules, so it
    # never carries onto a page of its own after the signature block.
    body_end = doc.paragraphs[-1]
    body_end.style = doc.styles["BC Rule"]


def _appendix(doc: DocumentObject) -> None:
    """The appendix on a new landscape page: title, note and the table of targets, one row per result."""
    # Where the units are compared and the area holds no target of its own, the comparison is the
    # only appendix: an appendix of one sentence would stand alone on a page. Targets still waiting for
    # their figure are named in it, though: that sentence is the office's to read.
    _para(doc, "{%p if appendix_shown or not compared %}", "BC Body")
    _para(doc, "{{ appendix }}", "BC Title")
    _para(doc, "{{ appendix_title }}", "BC Title")
    _para(doc, "{{ appendix_note }}", "BC Caption")
    _para(doc, "{%p if rows %}", "BC Body")
    _table(doc, COLUMNS, "columns", "rows")
    _para(doc, "{%p else %}", "BC Body")
    _para(doc, "{{ no_rows }}", "BC Body")
    _para(doc, "{%p endif %}", "BC Body")
    _para(doc, "{%p for note in legend %}", "BC Note")
    _para(doc, "{{ note }}", "BC Legend")
    _para(doc, "{%p endfor %}", "BC Note")
    _para(doc, "{%p endif %}", "BC Body")


def _area_appendix(doc: DocumentObject) -> None:
    """The second appendix, where a comparison was asked for: the child units, indicator by indicator."""
    _para(doc, "{%p if compared %}", "BC Body")
    _para(doc, "{{ area_appendix }}", "BC Title").paragraph_format.page_break_before = True
    _para(doc, "{{ area_title }}", "BC Title")
    _para(doc, "{{ appendix_note }}", "BC Caption")
    _para(doc, "{%p if area_rows %}", "BC Body")
    _para(doc, "{%p if area_intro %}", "BC Body")
    _para(doc, "{{ area_intro }}", "BC Body")
    _para(doc, "{%p endif %}", "BC Body")
    # An indicator's rows stay together: each row but a group's last is kept with the next.
    _table(doc, AREA_COLUMNS, "area_columns", "area_rows", kept="loop.last or r.keep")
    _para(doc, "{%p else %}", "BC Body")
    _para(doc, "{{ area_none }}", "BC Body")
    _para(doc, "{%p endif %}", "BC Body")
    _para(doc, "{%p for note in area_legend %}", "BC Note")
    _para(doc, "{{ note }}", "BC Legend")
    _para(doc, "{%p endfor %}", "BC Note")
    _para(doc, "{%p endif %}", "BC Body")


def build() -> DocumentObject:
    """The default template as a python-docx document."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    _defaults(doc)
    _styles(doc)
    _page_number_header(doc)
    # A fresh document holds one empty paragraph; the template starts with the header block.
    for paragraph in list(doc.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    _header_block(doc)
    _body(doc)
    _signature(doc)
    _landscape(doc)
    _appendix(doc)
    _area_appendix(doc)
    # Word 2010's copy of the styles still names theme fonts; Word and LibreOffice read styles.xml.
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rid)
    props = doc.core_properties
    props.author, props.title, props.comments = "", "Báo cáo", "Mẫu báo cáo theo Nghị định 30/2020/NĐ-CP"
    return doc


def main(argv: list[str] | None = None) -> int:
    """Write the template: `python -m indicators.report.template [OUT.docx]`."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else TEMPLATE
    out.parent.mkdir(parents=True, exist_ok=True)
    build().save(str(out))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
