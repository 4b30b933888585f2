"""The reminder letter's downloads on the status page: .docx and PDF, written only when asked for."""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from indicators.core.model import Dataset
from indicators.report import reminder_letter
from indicators.rounds.workflow import Round
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t

MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _letter(found: Round, frame: pd.DataFrame, data: Dataset, today: date, lang: Lang, kind: str) -> bytes:
    return reminder_letter.letter_bytes(reminder_letter.context(found, frame, data, today, lang), kind)


def downloads(found: Round, frame: pd.DataFrame, data: Dataset, today: date, lang: Lang) -> None:
    """Two buttons: the letter to the areas not sent, as Word and as PDF (LibreOffice, a few seconds)."""
    missing = len(reminder_letter.not_sent(frame))
    columns = st.columns(2)
    for column, kind in zip(columns, ("docx", "pdf"), strict=True):
        column.download_button(
            t("reminder.download", lang).format(fmt=kind.upper()) + f" · {fmt.number(missing, lang)}",
            data=partial(_letter, found, frame, data, today, lang, kind),
            file_name=f"cong_van_don_doc_{found.year}_{found.parent}.{kind}",
            mime=MIME[kind],
            icon=":material/description:",
            on_click="ignore",
            disabled=missing == 0,
            key=f"reminder_{kind}",
        )
