"""An analyst's side of a round: approve or return a submission, unlock an approved figure, the status."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection, Row

from indicators.areas import hierarchy
from indicators.core.model import AREAS
from indicators.excel import diff
from indicators.excel.validate import Upload
from indicators.rounds import status, workflow
from indicators.rounds.workflow import Decision, Reviewed, Round, RoundError
from indicators.store import scope
from indicators.store.database import Store
from indicators.store.round_tables import figure_locks, half_year_figures, submissions
from indicators.text.i18n import msg


def _pending(conn: Connection, found: Round, area: str) -> Row[Any]:
    last = workflow.latest_sending(conn, found.id, area)
    if last is None or last.state != "pending":
        raise RoundError(msg("rounds.nothing_pending", area=area, year=found.year))
    return last


def _lock_events(figures: pd.DataFrame, account: str, submission: int, now: datetime) -> list[dict]:
    return [
        {
            "code": r.code,
            "area": r.area,
            "year": int(r.year),
            "kind": r.kind,
            "action": "lock",
            "account": account,
            "at": now,
            "reason": "",
            "submission_id": submission,
        }
        for r in figures[scope.FIGURE_KEY].drop_duplicates().itertuples(index=False)
    ]


def _approve_half(store: Store, account: str, last: Row[Any], half: int) -> Reviewed:
    """A half-year submission's figures written as the half-year's, apart from the versions; approved.

    No version is written and no lock taken: locks are held on the year's figures, which this leaves alone.
    """
    figures = workflow.sent_figures(last.figures)
    now = datetime.now(UTC)
    rows = [
        {
            "code": r.code,
            "area": r.area,
            "year": int(r.year),
            "half": half,
            "kind": r.kind,
            "value": None if pd.isna(r.value) else float(r.value),
            "submission_id": int(last.row_id),
            "approved_by": account,
            "approved_at": now,
        }
        for r in figures.itertuples(index=False)
    ]
    with store.engine.begin() as conn:
        done = conn.execute(
            update(submissions)
            .where((submissions.c.row_id == last.row_id) & (submissions.c.state == "pending"))
            .values(state="approved", reviewed_by=account, reviewed_at=now)
        )
        if done.rowcount == 1 and rows:
            conn.execute(insert(half_year_figures), rows)
    return Reviewed(int(last.row_id), "approved", None)


def half_year(store: Store, year: int | None = None) -> pd.DataFrame:
    """The approved half-year figures, the newest of each: code, area, year, half, kind, value, who, when."""
    query = select(half_year_figures).order_by(half_year_figures.c.row_id)
    if year is not None:
        query = query.where(half_year_figures.c.year == year)
    with store.ensure().engine.connect() as conn:
        rows = conn.execute(query).all()
    frame = pd.DataFrame(rows, columns=[c.name for c in half_year_figures.columns])
    key = ["code", "area", "year", "half", "kind"]
    return frame.drop_duplicates(key, keep="last").drop(columns="row_id").reset_index(drop=True)


def _approve(store: Store, account: str, found: Round, last: Row[Any]) -> Reviewed:
    """Commit the submission's figures as a new version naming it, then mark it approved and lock them."""
    if found.half is not None:
        return _approve_half(store, account, last, found.half)
    figures = workflow.sent_figures(last.figures)
    row_id = int(last.row_id)
    # The sent areas' figures alone are read, merged and compared: the rest of the country's stay.
    areas = set(figures["area"].astype(str))
    current = store.load_areas(areas)
    upload = Upload(last.file_name, last.sha256, "long", {"observations": figures})
    result = store.commit(
        diff.merge(current, upload),
        areas=areas,
        account=account,
        file_name=upload.file_name,
        sha256=upload.sha256,
        note=msg("rounds.approved_note", id=row_id, area=last.area, year=found.year).text("vi"),
        action="approve",
    )
    # Figures identical to the current version write no version: the approval names the current one.
    version = result.version if result.version is not None else store.current_version()
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        done = conn.execute(
            update(submissions)
            .where((submissions.c.row_id == row_id) & (submissions.c.state == "pending"))
            .values(state="approved", reviewed_by=account, reviewed_at=now, version=version)
        )
        if done.rowcount == 1 and not figures.empty:
            conn.execute(insert(figure_locks), _lock_events(figures, account, row_id, now))
    return Reviewed(row_id, "approved", version)


def _figure_reasons(last: Row[Any], reasons: dict[str, str] | None) -> dict[str, str]:
    """A return's reasons per figure, by indicator code: each code one the submission holds."""
    given = {c.strip(): r.strip() for c, r in (reasons or {}).items() if c.strip() and r.strip()}
    held = set(workflow.sent_figures(last.figures)["code"])
    unknown = sorted(set(given) - held)
    if unknown:
        raise RoundError(msg("rounds.not_in_submission", codes=", ".join(unknown)))
    return given


def review(
    store: Store,
    account: str,
    area: str,
    year: int,
    decision: Decision,
    note: str = "",
    half: int | None = None,
    reasons: dict[str, str] | None = None,
) -> Reviewed:
    """Approve or return the pending submission of `area` in its round of `year`.

    A return needs a reason: overall (`note`), per figure (`reasons`, code → reason), or both.
    Only an analyst or admin whose area holds `area` reviews; a reporter never does, their own
    submission included. Nothing is written when refused.
    """
    account = account.strip()
    found = workflow.find_round(store, year, area, half)
    with store.engine.connect() as conn:
        workflow.require_analyst(conn, account)
        scope.check_areas(conn, account, [area])
        last = _pending(conn, found, area)
    if decision == "approve":
        return _approve(store, account, found, last)
    per_figure = _figure_reasons(last, reasons)
    if not note.strip() and not per_figure:
        raise RoundError(msg("rounds.reason_needed"))
    with store.engine.begin() as conn:
        done = conn.execute(
            update(submissions)
            .where((submissions.c.row_id == last.row_id) & (submissions.c.state == "pending"))
            .values(
                state="returned",
                reviewed_by=account,
                reviewed_at=datetime.now(UTC),
                note=note.strip(),
                figure_notes=json.dumps(per_figure, ensure_ascii=False),
            )
        )
        if done.rowcount != 1:
            raise RoundError(msg("rounds.nothing_pending", area=area, year=found.year))
    return Reviewed(int(last.row_id), "returned", None)


def unlock(store: Store, account: str, figures: pd.DataFrame, reason: str) -> int:
    """Unlock approved figures (code, area, year, kind) so they can change; the reason is recorded.

    Only an analyst or admin whose area holds them; every figure must be locked now. Returns how many.
    """
    account = account.strip()
    if not reason.strip():
        raise RoundError(msg("rounds.reason_needed"))
    with store.ensure().engine.begin() as conn:
        workflow.require_analyst(conn, account)
        scope.check_areas(conn, account, figures["area"])
        hit = scope.locked_among(conn, figures)
        keys = figures[scope.FIGURE_KEY].astype({"year": int}).drop_duplicates()
        if len(hit) != len(keys):
            missing = keys.merge(hit, how="left", indicator=True).query("_merge == 'left_only'")
            raise RoundError(msg("rounds.not_locked", figures=scope.figure_names(missing[scope.FIGURE_KEY])))
        now = datetime.now(UTC)
        events = [
            {**r._asdict(), "action": "unlock", "account": account, "at": now, "reason": reason.strip()}
            for r in hit.itertuples(index=False)
        ]
        conn.execute(insert(figure_locks), events)
    return len(events)


def lock_history(store: Store) -> pd.DataFrame:
    """Every lock and unlock, oldest first: the figure, the action, who, when, why, which submission."""
    with store.ensure().engine.connect() as conn:
        rows = conn.execute(figure_locks.select().order_by(figure_locks.c.row_id)).all()
    return pd.DataFrame(rows, columns=[c.name for c in figure_locks.columns])


def round_status(
    store: Store,
    year: int,
    parent: str,
    today: date,
    half: int | None = None,
    areas: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """`status.status` of the round of `year` for the children of `parent`, read from the store.

    `areas`: the current version's, where the caller holds them: a national store's full read costs
    seconds, and a page has them cached already.
    """
    areas = store.load_table(AREAS) if areas is None else areas
    found = workflow.find_round(store, year, parent, half, areas)
    children = hierarchy.children(areas, parent, year).drop_duplicates("code")
    sent = workflow.sendings(store, found.id)
    figures = workflow.figure_keys(store, found.id)
    figures = figures[figures["year"] == found.year]
    return status.status(children, sent, figures, list(found.indicators), found.due, today)
