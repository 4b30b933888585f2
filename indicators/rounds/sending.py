"""What pages ask of a round: a reporter's area and last sending, the pending list, figures side by side."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import pandas as pd

from indicators.core.model import AREAS, OBSERVATIONS, Dataset
from indicators.rounds import review, workflow
from indicators.rounds.workflow import Round, RoundError
from indicators.store import accounts, scope
from indicators.store.accounts import Role
from indicators.store.database import Store
from indicators.text.i18n import msg


@dataclass(frozen=True)
class Sending:
    """An area's newest sending in a round, as a reporter or a reviewer reads it."""

    id: int
    round: Round
    area: str
    state: str
    submitted_by: str
    submitted_at: datetime
    reviewed_by: str
    note: str  # a return's reason, overall
    figure_notes: dict[str, str]  # a return's reasons, by indicator code


def own_area(store: Store, account: str) -> str | None:
    """The area a reporter sends for; None for any other account (who sends nothing)."""
    found = accounts.account(store, account)
    if found is None or found.role is not Role.REPORTER:
        return None
    return found.area


def _above(areas: pd.DataFrame, area: str) -> set[str]:
    """The areas `area` lies in, at any time: its parent, the parent's parent …"""
    parents: dict[str, set[str]] = {}
    for code, parent in zip(areas["code"].astype(str), areas["parent"].astype(str), strict=True):
        parents.setdefault(code, set()).add(parent)
    found: set[str] = set()
    todo = [area]
    while todo:
        for parent in parents.get(todo.pop(), set()) - found - {"", "nan", "None"}:
            found.add(parent)
            todo.append(parent)
    return found


def template(current: Dataset, area: str) -> Dataset:
    """A reporter's template: the area's own figures and the catalogue, and of the list of areas only
    the area, the units under it and the areas it lies in.

    The national list (3,322 areas) is the store's already and an upload never removes an area, so
    leaving it out changes nothing a submission does; its check then reads a handful of area rows,
    not thousands. A template that carries the whole list (an older download) is still accepted.
    """
    kept = scope.descendants(current.areas, area) | _above(current.areas, area)
    links = current.area_links
    return replace(
        workflow.scoped(current, kept),
        areas=current.areas[current.areas["code"].isin(kept)].reset_index(drop=True),
        area_links=links[links["code"].isin(kept)].reset_index(drop=True),
    )


def sendable_areas(store: Store, account: str) -> list[str]:
    """The areas whose figures the account may send: the reporter's area and every unit under it."""
    area = own_area(store, account)
    return [] if area is None else sorted(scope.descendants(store.load_table(AREAS), area))


def halves_open(store: Store, area: str, year: int, areas: pd.DataFrame) -> list[int | None]:
    """The periods of `year` the area has a round for: None (the whole year) first, then 1 and 2."""
    held = {
        r.half
        for r in workflow.rounds(store)
        if r.year == year and area in scope.descendants(areas, r.parent)
    }
    return sorted(held, key=lambda h: 0 if h is None else h)


def latest(store: Store, area: str) -> Sending | None:
    """The area's newest sending in any round it reports in; None before its first."""
    store.ensure()
    areas = store.load_table(AREAS)
    for found in reversed(workflow.rounds(store)):
        if area not in scope.descendants(areas, found.parent):
            continue
        with store.engine.connect() as conn:
            row = workflow.latest_sending(conn, found.id, area)
        if row is not None:
            return _sending(row, found)
    return None


def _sending(row: Any, found: Round) -> Sending:
    return Sending(
        int(row.row_id),
        found,
        str(row.area),
        str(row.state),
        str(row.submitted_by),
        row.submitted_at,
        str(row.reviewed_by or ""),
        str(row.note or ""),
        json.loads(row.figure_notes or "{}"),
    )


def pending_in(store: Store, found: Round) -> list[Sending]:
    """Each area's sending of the round that waits for review, in area order."""
    with store.engine.connect() as conn:
        areas = sorted(set(workflow.sendings(store, found.id)["area"].astype(str)))
        rows = [workflow.latest_sending(conn, found.id, a) for a in areas]
    return [_sending(r, found) for r in rows if r is not None and r.state == "pending"]


def figures_of(store: Store, sending: Sending) -> pd.DataFrame:
    """The sending's figures beside the approved ones: code, area, year, kind, sent, current, note."""
    with store.engine.connect() as conn:
        row = workflow.latest_sending(conn, sending.round.id, sending.area)
    if row is None or int(row.row_id) != sending.id:
        raise RoundError(msg("rounds.nothing_pending", area=sending.area, year=sending.round.year))
    sent = workflow.sent_figures(row.figures)
    current = _in_use(store, sending.round)
    both = sent[[*scope.FIGURE_KEY, "value", "note"]].merge(
        current.rename(columns={"value": "current"}), on=scope.FIGURE_KEY, how="left"
    )
    return both.rename(columns={"value": "sent"})[[*scope.FIGURE_KEY, "sent", "current", "note"]]


def _in_use(store: Store, found: Round) -> pd.DataFrame:
    """The approved figures a round's sendings are set beside: the year's, or the half-year's own."""
    if found.half is None:
        return store.load_table(OBSERVATIONS)[[*scope.FIGURE_KEY, "value"]]
    halves = review.half_year(store, found.year)
    return halves[halves["half"] == found.half][[*scope.FIGURE_KEY, "value"]]


def reviewable_rounds(store: Store, account: str) -> list[Round]:
    """The rounds an analyst may review: their parent lies in the account's area (every one without one)."""
    found = workflow.rounds(store)
    held = accounts.account(store, account)
    if held is None or not held.role.can_edit():
        return []
    if held.area is None:
        return found
    allowed = scope.descendants(store.load_table(AREAS), held.area)
    return [r for r in found if r.parent in allowed]


def locked_in(store: Store, found: Round) -> pd.DataFrame:
    """The figures of the round locked now (code, area, year, kind): its indicators, year and areas."""
    areas = scope.descendants(store.load_table(AREAS), found.parent)
    with store.engine.connect() as conn:
        held = scope.locked(conn)
    keep = held["code"].isin(found.indicators) & held["area"].isin(areas) & (held["year"] == found.year)
    return held[keep].reset_index(drop=True)
