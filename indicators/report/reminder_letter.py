"""The reminder letter (công văn đôn đốc) to the areas that have not sent in a round, with their list.

A letter of indicators/report/letter.py, as the tờ trình is: its body the round and who has not sent,
the list of areas not sent its appendix. What the office decides (the number, the addressee, the new
deadline, the signer) is left blank for the office.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from indicators.areas import hierarchy
from indicators.core.model import Dataset
from indicators.report import letter
from indicators.report.letter import letter_bytes
from indicators.rounds.workflow import Round
from indicators.text.fmt import Lang, number
from indicators.text.i18n import t

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


def _rows(missing: pd.DataFrame, lang: Lang) -> list[dict]:
    return [
        letter.list_row(
            {
                "stt": str(i),
                "indicator": hierarchy.name_in(str(r.name), lang),
                "unit": str(r.code),
                "target": number(int(r.expected), lang),
                "actual": number(int(r.received), lang),
                "pct": number(int(r.late_days), lang),
                "status": t("rounds.state.not_sent", lang),
            }
        )
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
    area_name, place = letter.names_now(data, found.parent, lang)
    issuer = t("reminder.issuer", lang).format(area=area_name)
    return letter.context(
        letter.Letter(
            lang=lang,
            area_name=area_name,
            place=place,
            number=t("reminder.number", lang),
            kind="",  # a công văn carries no type name: its subject says what it is about
            subject=t("reminder.subject", lang).format(year=found.year),
            paragraphs=_body(found, frame, issuer, today, lang),
            recipient=t("reminder.recipient_as_above", lang),
            appendix=t("reminder.list", lang),
            appendix_title=t("reminder.list_title", lang).format(year=found.year),
            appendix_note=t("reminder.list_note", lang).format(today=_day(today, lang)),
            heads={k: t(key, lang) for k, key in HEADS.items()},
            rows=_rows(not_sent(frame), lang),
            no_rows=t("reminder.none", lang),
        )
    )
