"""The reminder letter (công văn đôn đốc) to the areas that have not sent in a round, with their list.

Made as the báo cáo and the tờ trình are: the same Decree 30/2020 template, sandboxed Jinja and
LibreOffice. The body is one section, the list of areas not sent its appendix. What the office
decides (the number, the addressee, the new deadline, the signer) is left blank for the office.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
from docxtpl import RichText

from indicators.areas import hierarchy
from indicators.core.model import Dataset
from indicators.report import render
from indicators.report.facts import area_names
from indicators.report.proposal_letter import letter_bytes
from indicators.rounds.workflow import Round
from indicators.text.fmt import Lang, number
from indicators.text.i18n import t

COLUMNS = ("stt", "indicator", "unit", "target", "actual", "pct", "status")
# The template's appendix columns, as the list of areas uses them.
HEADS = {
    "stt": "reminder.col_stt",
    "indicator": "reminder.col_area",
    "unit": "reminder.col_code",
    "target": "reminder.col_expected",
    "actual": "reminder.col_received",
    "pct": "reminder.col_late",
    "status": "reminder.col_state",
}
__all__ = ["context", "letter_bytes", "not_sent"]


def not_sent(frame: pd.DataFrame) -> pd.DataFrame:
    """Of a round's status (indicators/rounds/status.py), the areas that have sent nothing, in its order."""
    return frame[frame["state"] == "not_sent"].reset_index(drop=True)


def _day(day: date, lang: Lang) -> str:
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def _rich(text: str) -> RichText:
    # The template prints these two cells as rich text (bold on a báo cáo's heading lines): plain here.
    rich = RichText()
    rich.add(text)
    return rich


def _rows(missing: pd.DataFrame, lang: Lang) -> list[dict]:
    return [
        {
            "stt": _rich(str(i)),
            "indicator": _rich(hierarchy.name_in(str(r.name), lang)),
            "unit": str(r.code),
            "target": number(int(r.expected), lang),
            "actual": number(int(r.received), lang),
            "pct": number(int(r.late_days), lang),
            "status": t("rounds.state.not_sent", lang),
            "group": False,
        }
        for i, r in enumerate(missing.itertuples(index=False), start=1)
    ]


def _body(found: Round, frame: pd.DataFrame, issuer: str, today: date, lang: Lang) -> list[str]:
    """The letter's paragraphs: to whom, the round, who has not sent and how many figures, what is asked."""
    missing = not_sent(frame)
    period = t(f"reminder.half_{found.half}", lang) if found.half else ""
    state = t("reminder.state", lang).format(
        today=_day(today, lang),
        missing=number(len(missing), lang),
        areas=number(len(frame), lang),
        figures=number(int(missing["expected"].sum()), lang),
    )
    return [
        t("reminder.addressee", lang),
        t("reminder.basis", lang),
        t("reminder.round", lang).format(
            issuer=issuer,
            year=found.year,
            period=period,
            n=number(len(found.indicators), lang),
            due=_day(found.due, lang),
        ),
        state,
        t("reminder.asked", lang).format(issuer=issuer),
        t("reminder.closing", lang),
    ]


def context(found: Round, frame: pd.DataFrame, data: Dataset, today: date, lang: Lang) -> dict:
    """What the template is filled with: the letter's words and the list of areas not sent."""
    # The letter is written now, in the name the parent has now (a code can name two units in turn).
    newest = replace(data, areas=data.areas.sort_values("valid_from", ascending=False, na_position="last"))
    area_name, place = area_names(newest, found.parent, lang)
    issuer = t("reminder.issuer", lang).format(area=area_name)
    return {
        "issuer_lines": [
            t("report.issuer", lang),
            t("report.issuer_of", lang).format(area=area_name.upper()),
        ],
        "nation": t("report.nation", lang),
        "motto": t("report.motto", lang),
        "number": t("reminder.number", lang),
        "place_date": t("report.place_date", lang).format(place=place),
        "kind": "",  # a công văn carries no type name: its subject says what it is about
        "subject": t("reminder.subject", lang).format(year=found.year),
        "sections": [
            {
                "heading": "",
                "paragraphs": _body(found, frame, issuer, today, lang),
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
        "recipients": [t("reminder.recipient_as_above", lang), t("report.recipient_archive", lang)],
        "appendix": t("reminder.list", lang),
        "appendix_shown": True,
        "appendix_title": t("reminder.list_title", lang).format(year=found.year),
        "appendix_note": t("reminder.list_note", lang).format(today=_day(today, lang)),
        "columns": {k: render.column_head(t(HEADS[k], lang)) for k in COLUMNS},
        "rows": _rows(not_sent(frame), lang),
        "no_rows": t("reminder.none", lang),
        "legend": [],
        "compared": False,
        "area_appendix": "",
        "area_title": "",
        "area_columns": {},
        "area_rows": [],
        "area_none": "",
        "area_legend": [],
    }
