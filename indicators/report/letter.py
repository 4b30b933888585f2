"""A letter the office signs (tờ trình, công văn) on the báo cáo's Decree 30/2020 template: a body, a list.

The header (issuer, nation, motto), the number and date line, the signature block and the recipients
are the báo cáo's own; a letter brings its words, its paragraphs and the rows of its list. What the
office decides (the number, the addressee, the signer) stays blank for the office, as in the báo cáo.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from docxtpl import DocxTemplate

from indicators.core.model import Dataset
from indicators.report import render
from indicators.report.facts import area_names
from indicators.report.template import TEMPLATE
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# The template's appendix columns, in its order; a letter names what each holds (Letter.heads).
COLUMNS = ("stt", "indicator", "unit", "target", "actual", "pct", "status")


@dataclass(frozen=True)
class Letter:
    """What one letter says: its words, its body and its list, in one language."""

    lang: Lang
    area_name: str  # the issuer's area in a sentence: "xã Bình Lư"
    place: str  # where it is written: "Bình Lư"
    number: str  # "Số:        /TTr-UBND", the number left blank for the office
    kind: str  # the type name over the subject ("TỜ TRÌNH"); a công văn has none
    subject: str
    paragraphs: list[str]
    recipient: str  # the first line under "Nơi nhận", before the archive's
    appendix: str
    appendix_title: str
    appendix_note: str
    heads: dict[str, str]  # column → its head, for every one of COLUMNS
    rows: list[dict]
    no_rows: str  # said in place of the list where it is empty


def names_now(data: Dataset, area: str, lang: Lang) -> tuple[str, str]:
    """The area in a sentence and as a place, in the names it has now.

    A code can name two units in turn (03390: a town until 30 June 2025, then Xã Bình Lư): a letter
    is written now, in the name the unit has now.
    """
    newest = replace(data, areas=data.areas.sort_values("valid_from", ascending=False, na_position="last"))
    return area_names(newest, area, lang)


def list_row(cells: dict[str, str]) -> dict:
    """A row of the list: the first two cells as the template wants them (rich text), plain."""
    return {
        **cells,
        "stt": render.plain_cell(cells["stt"]),
        "indicator": render.plain_cell(cells["indicator"]),
        "group": False,
    }


def context(letter: Letter) -> dict:
    """What the template is filled with: the letter's words and its list, nothing else."""
    lang = letter.lang
    return {
        "issuer_lines": [
            t("report.issuer", lang),
            t("report.issuer_of", lang).format(area=letter.area_name.upper()),
        ],
        "nation": t("report.nation", lang),
        "motto": t("report.motto", lang),
        "number": letter.number,
        "place_date": t("report.place_date", lang).format(place=letter.place),
        "kind": letter.kind,
        "subject": letter.subject,
        "sections": [
            {
                "heading": "",
                "paragraphs": list(letter.paragraphs),
                "keep": True,
                "parts": [],
                "charts": [],
                "note": "",
            }
        ],
        "tm": t("report.tm", lang),
        "chair": t("report.chair", lang),
        "signer": "",
        "recipients_title": t("report.recipients", lang),
        "recipients": [letter.recipient, t("report.recipient_archive", lang)],
        "appendix": letter.appendix,
        "appendix_shown": True,
        "appendix_title": letter.appendix_title,
        "appendix_note": letter.appendix_note,
        "columns": {k: render.column_head(letter.heads[k]) for k in COLUMNS},
        "rows": letter.rows,
        "no_rows": letter.no_rows,
        "legend": [],
        "compared": False,
        "area_appendix": "",
        "area_title": "",
        "area_columns": {},
        "area_rows": [],
        "area_none": "",
        "area_legend": [],
    }


def letter_bytes(filled: dict, kind: str) -> bytes:
    """The letter as .docx, or as PDF through the báo cáo's LibreOffice."""
    doc = DocxTemplate(str(TEMPLATE))
    doc.render(filled, jinja_env=render.template_env())
    buffer = io.BytesIO()
    doc.save(buffer)
    return render.pdf_bytes(buffer.getvalue()) if kind == "pdf" else buffer.getvalue()
