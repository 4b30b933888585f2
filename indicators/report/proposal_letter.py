"""The submission letter (tờ trình đề nghị khen thưởng) and its list of proposals, on the báo cáo's template.

The same Decree 30/2020 template, sandboxed Jinja and LibreOffice as the báo cáo: the letter's body is
one section, the list of proposals its appendix. What the office decides (the number, whom it is
addressed to, the signer) is left blank for the office, as in the báo cáo.
"""

from __future__ import annotations

import io
from dataclasses import replace

import pandas as pd
from docxtpl import DocxTemplate, RichText

from indicators.awards.catalogue import RECIPIENTS, Catalogue
from indicators.core.model import Dataset
from indicators.report import render
from indicators.report.facts import area_names
from indicators.report.template import TEMPLATE
from indicators.text.award_words import award_name
from indicators.text.fmt import Lang, number
from indicators.text.i18n import t

COLUMNS = ("stt", "indicator", "unit", "target", "actual", "pct", "status")
# The template's appendix columns, as the list of proposals uses them.
HEADS = {
    "stt": "awards.letter.col_stt",
    "indicator": "awards.letter.col_name",
    "unit": "awards.letter.col_unit",
    "target": "awards.letter.col_year",
    "actual": "awards.letter.col_kind",
    "pct": "awards.letter.col_area",
    "status": "awards.letter.col_award",
}


def _tally(proposals: pd.DataFrame, catalogue: Catalogue, lang: Lang) -> list[str]:
    """One line per award proposed, highest first: how many collectives, persons and households."""
    lines = []
    ranked = sorted(
        set(proposals["award"]), key=lambda c: catalogue.awards[c].rank if c in catalogue.awards else 999
    )
    for code in ranked:
        rows = proposals[proposals["award"] == code]
        parts = [
            t(f"awards.letter.n_{kind}", lang).format(
                n=number(int((rows["recipient_kind"] == kind).sum()), lang)
            )
            for kind in RECIPIENTS
            if (rows["recipient_kind"] == kind).any()
        ]
        lines.append(f"- {award_name(catalogue, code, lang)}: {', '.join(parts)};")
    if lines:
        lines[-1] = lines[-1].removesuffix(";") + "."
    return lines


def _rich(text: str) -> RichText:
    # The template prints these two cells as rich text (bold on a báo cáo's heading lines): plain here.
    rich = RichText()
    rich.add(text)
    return rich


def _rows(proposals: pd.DataFrame, catalogue: Catalogue, lang: Lang) -> list[dict]:
    return [
        {
            "stt": _rich(str(i)),
            "indicator": _rich(str(r.name)),
            "unit": str(r.unit),
            "target": str(int(r.year)),
            "actual": t(f"awards.kind.{r.recipient_kind}", lang),
            "pct": str(r.area),
            "status": award_name(catalogue, str(r.award), lang),
            "group": False,
        }
        for i, r in enumerate(proposals.itertuples(index=False), start=1)
    ]


def _body(proposals: pd.DataFrame, catalogue: Catalogue, area_name: str, year: int, lang: Lang) -> list[str]:
    """The letter's paragraphs: its legal basis, what is asked for whom, the list attached."""
    counts = {k: int((proposals["recipient_kind"] == k).sum()) for k in RECIPIENTS}
    asked = t("awards.letter.asked", lang).format(
        issuer=t("awards.letter.issuer", lang).format(area=area_name),
        year=year,
        n=", ".join(
            t(f"awards.letter.n_{k}", lang).format(n=number(counts[k], lang)) for k in RECIPIENTS if counts[k]
        ),
    )
    return [
        t("awards.letter.basis_law", lang),
        t("awards.letter.basis_decree", lang),
        asked,
        *_tally(proposals, catalogue, lang),
        t("awards.letter.attached", lang),
        t("awards.letter.closing", lang),
    ]


def context(
    proposals: pd.DataFrame, catalogue: Catalogue, data: Dataset, area: str, year: int, lang: Lang
) -> dict:
    """What the template is filled with: the letter's words and the list, nothing else."""
    # A code can name two units in turn (03390: a town until 30 June 2025, then Xã Bình Lư): the
    # letter is written now, in the name the unit has now.
    newest = replace(data, areas=data.areas.sort_values("valid_from", ascending=False, na_position="last"))
    area_name, place = area_names(newest, area, lang)
    paragraphs = _body(proposals, catalogue, area_name, year, lang)
    return {
        "issuer_lines": [
            t("report.issuer", lang),
            t("report.issuer_of", lang).format(area=area_name.upper()),
        ],
        "nation": t("report.nation", lang),
        "motto": t("report.motto", lang),
        "number": t("awards.letter.number", lang),
        "place_date": t("report.place_date", lang).format(place=place),
        "kind": t("awards.letter.kind", lang),
        "subject": t("awards.letter.subject", lang).format(year=year),
        "sections": [
            {
                "heading": "",
                "paragraphs": list(paragraphs),
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
        "recipients": [t("awards.letter.recipient_as_above", lang), t("report.recipient_archive", lang)],
        "appendix": t("awards.letter.list", lang),
        "appendix_shown": True,
        "appendix_title": t("awards.letter.list_title", lang).format(year=year),
        "appendix_note": t("awards.letter.list_note", lang),
        "columns": {k: render.column_head(t(HEADS[k], lang)) for k in COLUMNS},
        "rows": _rows(proposals, catalogue, lang),
        "no_rows": "",
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
    """The letter as .docx, or as PDF through LibreOffice."""
    doc = DocxTemplate(str(TEMPLATE))
    doc.render(filled, jinja_env=render.template_env())
    buffer = io.BytesIO()
    doc.save(buffer)
    return render.pdf_bytes(buffer.getvalue()) if kind == "pdf" else buffer.getvalue()
