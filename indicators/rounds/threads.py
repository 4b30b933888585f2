"""A figure's thread: questions, answers and the "cần xem lại" flag; who may write them and who reads names.

A figure is (code, area, year, kind). Reporters ask and answer about their own area's figures;
analysts of the area above ask, answer, and set or clear the flag. Viewers write nothing and read
counts only (`counts`): the officers' names and what they wrote stay with those who work the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

import pandas as pd
from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from indicators.rounds.workflow import RoundError
from indicators.store import scope
from indicators.store.accounts import Role
from indicators.store.database import ROW_TABLES, Store
from indicators.store.thread_tables import figure_threads
from indicators.text.i18n import msg

Action = Literal["question", "answer", "flag", "unflag"]
COLUMNS = ("row_id", "action", "text", "account", "at", "reply_to")
LONGEST = 2000  # characters in one comment: a question about a figure, not a letter


@dataclass(frozen=True)
class Figure:
    """One figure: the key of an observation."""

    code: str
    area: str
    year: int
    kind: str

    def where(self) -> dict[str, str | int]:
        """The figure as column values."""
        return {"code": self.code, "area": self.area, "year": int(self.year), "kind": self.kind}


# Pure: what a thread's events say --------------------------------------------------------------


def flagged(events: pd.DataFrame) -> bool:
    """True when the figure's last flag event sets the flag."""
    marks = events[events["action"].isin(["flag", "unflag"])]
    return bool(len(marks)) and marks["action"].iloc[-1] == "flag"


def open_questions(events: pd.DataFrame) -> pd.DataFrame:
    """The questions no answer replies to, oldest first."""
    answered = set(events.loc[events["action"] == "answer", "reply_to"].dropna().astype(int))
    asked = events[events["action"] == "question"]
    return asked[~asked["row_id"].astype(int).isin(answered)]


def counts(events: pd.DataFrame) -> dict[str, int]:
    """What anyone may read of a thread: how many questions, answered, open, and whether flagged."""
    asked = int((events["action"] == "question").sum())
    still = len(open_questions(events))
    return {"questions": asked, "answered": asked - still, "open": still, "flagged": int(flagged(events))}


def _check(events: pd.DataFrame, action: Action, text: str, reply_to: int | None) -> None:
    """Refuse what the thread as it stands does not allow: empty words, a stray answer, a double flag."""
    if action in ("question", "answer") and not text.strip():
        raise RoundError(msg("threads.text_needed"))
    if len(text) > LONGEST:
        raise RoundError(msg("threads.too_long", n=LONGEST))
    if action == "answer" and reply_to not in set(events.loc[events["action"] == "question", "row_id"]):
        raise RoundError(msg("threads.no_question", id=reply_to if reply_to is not None else "—"))
    if action == "flag" and flagged(events):
        raise RoundError(msg("threads.already_flagged"))
    if action == "unflag" and not flagged(events):
        raise RoundError(msg("threads.not_flagged"))


# The store's side -------------------------------------------------------------------------------


def _role(conn: Connection, account: str) -> Role:
    row = scope.account_row(conn, account)
    if row is None or row.role not in {r.value for r in Role}:
        raise RoundError(msg("rounds.no_account", name=account))
    return Role(row.role)


def _events(conn: Connection, figure: Figure) -> pd.DataFrame:
    where = [figure_threads.c[c] == v for c, v in figure.where().items()]
    rows = conn.execute(
        select(*[figure_threads.c[c] for c in COLUMNS]).where(*where).order_by(figure_threads.c.row_id)
    ).all()
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _known(conn: Connection, figure: Figure) -> None:
    """Refuse a figure whose indicator or area the current version does not hold."""
    table = ROW_TABLES["indicators"]
    code = conn.execute(
        select(table.c.code).where((table.c.code == figure.code) & table.c.until_version.is_(None)).limit(1)
    ).first()
    if code is None or figure.area not in set(scope.current_areas(conn)["code"]):
        raise RoundError(msg("threads.no_figure", code=figure.code, area=figure.area))


def thread(store: Store, figure: Figure) -> pd.DataFrame:
    """Every event of the figure's thread, oldest first, with COLUMNS (names included: not for viewers)."""
    with store.ensure().engine.connect() as conn:
        return _events(conn, figure)


def post(
    store: Store,
    account: str,
    figure: Figure,
    action: Action,
    text: str = "",
    reply_to: int | None = None,
    now: datetime | None = None,
) -> int:
    """Add a question, an answer, a flag or its clearing to the figure's thread; the event's id.

    Refused, writing nothing: a viewer or no account, a figure outside the account's area or one the
    store does not know, a reporter setting or clearing the flag, and what `_check` refuses.
    """
    account = account.strip()
    with store.ensure().engine.begin() as conn:
        role = _role(conn, account)
        if not (role.can_edit() or role.can_submit()):
            raise RoundError(msg("threads.viewers_read", name=account))
        if action in ("flag", "unflag") and not role.can_edit():
            raise RoundError(msg("threads.analysts_flag", name=account))
        scope.check_areas(conn, account, [figure.area])
        _known(conn, figure)
        _check(_events(conn, figure), action, text, reply_to)
        row = {"action": action, "text": text.strip(), "account": account, "at": now or datetime.now(UTC)}
        inserted = conn.execute(
            insert(figure_threads).values(**figure.where(), **row, reply_to=reply_to)
        ).inserted_primary_key
    return int(inserted[0])  # type: ignore[index]  # an insert always has one


def flagged_figures(store: Store, areas: set[str] | None = None) -> pd.DataFrame:
    """The figures flagged "cần xem lại" now (code, area, year, kind), of `areas` when given."""
    with store.ensure().engine.connect() as conn:
        rows = conn.execute(
            select(*[figure_threads.c[c] for c in scope.FIGURE_KEY], figure_threads.c.action)
            .where(figure_threads.c.action.in_(["flag", "unflag"]))
            .order_by(figure_threads.c.row_id)
        ).all()
    events = pd.DataFrame(rows, columns=[*scope.FIGURE_KEY, "action"])
    last = events.drop_duplicates(scope.FIGURE_KEY, keep="last")
    out = last[last["action"] == "flag"][scope.FIGURE_KEY]
    if areas is not None:
        out = out[out["area"].isin(list(areas))]
    return out.astype({"year": int}).reset_index(drop=True)
