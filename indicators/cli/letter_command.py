"""`round letter`: the reminder letter (công văn đôn đốc) to the areas that have not sent in a round."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from indicators.cli.output import write_file
from indicators.rounds import review, workflow
from indicators.rounds.status import VIETNAM
from indicators.store.database import Store
from indicators.text.i18n import MessageError, msg

KINDS = {".docx": "docx", ".pdf": "pdf"}


def _today(text: str | None) -> date:
    if not text:
        return datetime.now(VIETNAM).date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise MessageError(msg("rounds.bad_date", day=text)) from None


def letter(args: argparse.Namespace, store: Store) -> int:
    """Write the letter for the round of `--year` under `--parent`; exit 1, writing nothing, when refused."""
    from indicators.report import reminder_letter  # docxtpl loads only for this command

    kind = KINDS.get(Path(args.out).suffix.lower())
    try:
        if kind is None:
            raise MessageError(msg("reminder.bad_out", out=args.out))
        today = _today(args.today)
        found = workflow.find_round(store, args.year, args.parent, args.half)
        frame = review.round_status(store, args.year, args.parent, today, args.half)
        filled = reminder_letter.context(found, frame, store.load(), today, args.lang)
        body = reminder_letter.letter_bytes(filled, kind)
    except MessageError as exc:
        print(f"Lỗi: {exc.text('vi')}", file=sys.stderr)
        return 1
    write_file(args.out, body)
    missing = int((frame["state"] == "not_sent").sum())
    print(msg("reminder.written", out=args.out, n=missing).text("vi"))
    return 0
