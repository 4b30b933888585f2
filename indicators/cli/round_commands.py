"""The reporting-round commands: open a round, a reporter's import as a submission, status, review."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pandas as pd

from indicators.cli import letter_command
from indicators.cli.output import emit, printer, read_file
from indicators.core.model import Dataset
from indicators.excel import validate
from indicators.rounds import review, status, workflow
from indicators.rounds.status import VIETNAM
from indicators.store import accounts, scope
from indicators.store.database import CommitResult, Store
from indicators.store.scope import LockedError, ScopeError
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import MessageError, msg, t

# The columns `status` prints, in this order (completeness is on the page, not in the CLI's contract).
STATUS_COLUMNS = ["code", "name", "expected", "received", "state", "submitted_at", "late_days"]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise workflow.RoundError(msg("rounds.bad_date", day=text)) from None


def _refused(exc: MessageError) -> int:
    print(f"Lỗi: {exc}", file=sys.stderr)
    return 1


def _round(args: argparse.Namespace, store: Store) -> int:
    if args.round_command == "letter":
        return letter_command.letter(args, store)
    try:
        found = workflow.open_round(
            store,
            args.user or getpass.getuser(),
            args.year,
            args.parent,
            args.indicators,
            _day(args.due),
            args.half,
            operator=args.user is None,
        )
    except (workflow.RoundError, ScopeError) as exc:
        return _refused(exc)
    print(
        msg(
            "rounds.opened",
            id=found.id,
            year=found.year,
            area=found.parent,
            n=len(found.indicators),
            due=found.due.isoformat(),
        ).text("vi")
    )
    return 0


def is_reporter(store: Store, name: str) -> bool:
    """True when `name` is a commune reporter's account: their import is a submission."""
    found = accounts.account(store, name)
    return found is not None and found.role.can_submit()


def refused_commit(store: Store, data: Dataset, **commit: Any) -> CommitResult | None:
    """`store.commit`, or None once a refusal of the account's area or of a locked figure is said."""
    try:
        return store.commit(data, **commit)
    except (ScopeError, LockedError) as exc:
        _refused(exc)
        return None


def import_as_user(args: argparse.Namespace, store: Store) -> int:
    """`import FILE --user NAME` by a reporter: the checked file becomes a submission waiting for review.

    Refused with exit 1, nothing written: a file with errors, rows outside the reporter's area, figures
    of no open round, a locked figure.
    """
    say = printer(args)
    current = store.load()
    upload = validate.check_isolated(read_file(args.file), args.file.rsplit("/", 1)[-1], current)
    if not upload.ok:
        say(validate.report_text(upload, "vi", grouped=not args.all))
        return _refused(workflow.RoundError(msg("rounds.upload_not_ok")))
    try:
        submission = workflow.submit(store, args.user, upload, current=current)  # read once, above
    except (workflow.RoundError, ScopeError, LockedError) as exc:
        return _refused(exc)
    n = len(upload.frames.get("observations", []))
    say(msg("rounds.submitted", id=submission, n=fmt.number(n, "vi")).text("vi"))
    return 0


def _status_frame(args: argparse.Namespace, store: Store) -> pd.DataFrame:
    """The round's status with codes: states as codes, times in Việt Nam as text."""
    today = _day(args.today) if args.today else datetime.now(VIETNAM).date()
    frame = review.round_status(store, args.year, args.parent, today, args.half)
    sent = pd.to_datetime(frame["submitted_at"], utc=True).dt.tz_convert(VIETNAM)
    return frame.assign(submitted_at=sent.dt.strftime("%Y-%m-%d %H:%M").fillna(""))


def _status(args: argparse.Namespace, store: Store) -> int:
    try:
        frame = _status_frame(args, store)
    except workflow.RoundError as exc:
        return _refused(exc)
    if args.format != "table":
        sys.stdout.write(emit(frame[STATUS_COLUMNS], args.format))
        return 0
    lang: Lang = args.lang
    shown = frame.assign(state=[t(f"rounds.state.{s}", lang) for s in frame["state"]])
    sys.stdout.write(emit(shown[STATUS_COLUMNS], "table"))
    print(_totals_line(status.totals(frame), lang))
    return 0


def _totals_line(totals: dict[str, float | int], lang: Lang) -> str:
    counts = ", ".join(
        f"{t(f'rounds.state.{s}', lang)}: {fmt.number(totals[s], lang)}" for s in status.STATES
    )
    return msg(
        "rounds.totals",
        areas=fmt.number(totals["areas"], lang),
        counts=counts,
        received=fmt.number(totals["received"], lang),
        expected=fmt.number(totals["expected"], lang),
        late=fmt.number(totals["late"], lang),
    ).text(lang)


def _reasons(texts: list[str]) -> dict[str, str]:
    """--figure CODE=REASON, given once per figure."""
    out = {}
    for text in texts:
        code, sep, reason = text.partition("=")
        if not sep or not code.strip() or not reason.strip():
            raise workflow.RoundError(msg("rounds.bad_figure_reason", text=text))
        out[code.strip()] = reason.strip()
    return out


def _unlock(args: argparse.Namespace, store: Store) -> int:
    """Unlock the area's approved figures of the year for the codes named, with the reason."""
    codes = {c.strip() for c in args.codes.split(",") if c.strip()}
    with store.ensure().engine.connect() as conn:
        held = scope.locked(conn)
    chosen = held[(held["area"] == args.area) & (held["year"] == args.year) & held["code"].isin(codes)]
    if chosen.empty or set(chosen["code"]) != codes:
        missing = sorted(codes - set(chosen["code"])) or ["—"]
        raise workflow.RoundError(msg("rounds.not_locked", figures=", ".join(missing)))
    n = review.unlock(store, args.user, chosen, args.note)
    print(msg("rounds.unlocked", n=n).text("vi"))
    return 0


def _review(args: argparse.Namespace, store: Store) -> int:
    try:
        if args.decision == "unlock":
            return _unlock(args, store)
        reasons = _reasons(args.figure)
        done = review.review(
            store, args.user, args.area, args.year, args.decision, args.note, args.half, reasons
        )
    except (workflow.RoundError, ScopeError, LockedError) as exc:
        return _refused(exc)
    if done.state == "approved":
        print(msg("rounds.approved", id=done.submission, version=done.version).text("vi"))
    else:
        print(msg("rounds.returned", id=done.submission).text("vi"))
    return 0


ACTIONS: dict[str, Callable[[argparse.Namespace, Store], int]] = {
    "round": _round,
    "status": _status,
    "review": _review,
}
