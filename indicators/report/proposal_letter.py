"""The submission letter (tờ trình đề nghị khen thưởng) and its list of proposals, on the báo cáo's template.

A letter of indicators/report/letter.py: its body the legal basis and what is asked for whom, the
list of proposals its appendix.
"""

from __future__ import annotations

import pandas as pd

from indicators.awards.catalogue import RECIPIENTS, Catalogue
from indicators.core.model import Dataset
from indicators.report import letter
from indicators.report.letter import letter_bytes
from indicators.text.award_words import award_name, recipients
from indicators.text.fmt import Lang
from indicators.text.i18n import t

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
__all__ = ["context", "letter_bytes"]


def _tally(proposals: pd.DataFrame, catalogue: Catalogue, lang: Lang) -> list[str]:
    """One line per award proposed, highest first: how many collectives, persons and households."""
    lines = []
    ranked = sorted(
        set(proposals["award"]), key=lambda c: catalogue.awards[c].rank if c in catalogue.awards else 999
    )
    for code in ranked:
        rows = proposals[proposals["award"] == code]
        parts = [
            recipients(kind, int((rows["recipient_kind"] == kind).sum()), lang)
            for kind in RECIPIENTS
            if (rows["recipient_kind"] == kind).any()
        ]
        lines.append(f"- {award_name(catalogue, code, lang)}: {', '.join(parts)};")
    if lines:
        lines[-1] = lines[-1].removesuffix(";") + "."
    return lines


def _rows(proposals: pd.DataFrame, catalogue: Catalogue, lang: Lang) -> list[dict]:
    return [
        letter.list_row(
            {
                "stt": str(i),
                "indicator": str(r.name),
                "unit": str(r.unit),
                "target": str(int(r.year)),
                "actual": t(f"awards.kind.{r.recipient_kind}", lang),
                "pct": str(r.area),
                "status": award_name(catalogue, str(r.award), lang),
            }
        )
        for i, r in enumerate(proposals.itertuples(index=False), start=1)
    ]


def _body(proposals: pd.DataFrame, catalogue: Catalogue, area_name: str, year: int, lang: Lang) -> list[str]:
    """The letter's paragraphs: its legal basis, what is asked for whom, the list attached."""
    counts = {k: int((proposals["recipient_kind"] == k).sum()) for k in RECIPIENTS}
    asked = t("awards.letter.asked", lang).format(
        issuer=t("awards.letter.issuer", lang).format(area=area_name),
        year=year,
        n=", ".join(recipients(k, counts[k], lang) for k in RECIPIENTS if counts[k]),
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
    area_name, place = letter.names_now(data, area, lang)
    return letter.context(
        letter.Letter(
            lang=lang,
            area_name=area_name,
            place=place,
            number=t("awards.letter.number", lang),
            kind=t("awards.letter.kind", lang),
            subject=t("awards.letter.subject", lang).format(year=year),
            paragraphs=_body(proposals, catalogue, area_name, year, lang),
            recipient=t("awards.letter.recipient_as_above", lang),
            appendix=t("awards.letter.list", lang),
            appendix_title=t("awards.letter.list_title", lang).format(year=year),
            appendix_note=t("awards.letter.list_note", lang),
            heads={k: t(key, lang) for k, key in HEADS.items()},
            rows=_rows(proposals, catalogue, lang),
            no_rows="",
        )
    )
