"""Open a round, send a submission, approve or return it, unlock an approved figure: the store's side.

A submission's figures wait in the submission, apart from the versions: pages read one version and
see approved figures only. An approval commits them as a new version (action "approve") that names
the submission, then locks them. Every step checks the account's area with `scope.check_areas`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any, Literal

import numpy as np
import pandas as pd
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from indicators.core.model import (
    AREAS,
    INDICATORS,
    OBSERVATIONS,
    REPORTED,
    TABLES,
    TARGETS,
    Dataset,
    Table,
    coerce,
)
from indicators.excel import diff
from indicators.excel.validate import Upload
from indicators.rounds import opening
from indicators.store import scope
from indicators.store.accounts import Role
from indicators.store.database import Store, row_hashes, versions
from indicators.store.round_tables import report_rounds, submissions
from indicators.text.i18n import MessageError, msg

Decision = Literal["approve", "return"]


class RoundError(MessageError):
    """A refused step of a round; nothing was written. The message is for people, in either language."""


@dataclass(frozen=True)
class Round:
    """A reporting round as the store holds it."""

    id: int
    year: int
    half: int | None
    parent: str
    indicators: tuple[str, ...]
    due: date
    opened_by: str


@dataclass(frozen=True)
class Reviewed:
    """What a review did: the submission, its new state, and the version an approval wrote."""

    submission: int
    state: str
    version: int | None


def _role(conn: Connection, account: str) -> tuple[Role, str | None]:
    """The account's role and area; refused for a name that is no account."""
    return _role_of(scope.account_row(conn, account), account)


def _role_of(row: Any, account: str) -> tuple[Role, str | None]:
    """`_role` of the account's row (`scope.account_row`) the caller has read."""
    if row is None or row.role not in {r.value for r in Role}:
        raise RoundError(msg("rounds.no_account", name=account.strip()))
    return Role(row.role), row.area or None


def require_analyst(conn: Connection, account: str) -> None:
    """Only analysts and admins open rounds, review and unlock; a reporter never approves."""
    role, _area = _role(conn, account)
    if not role.can_edit():
        raise RoundError(msg("rounds.analysts_only", name=account.strip()))


def _round_of(row: Any) -> Round:
    return Round(
        int(row.row_id),
        int(row.year),
        None if row.half is None else int(row.half),
        str(row.parent),
        tuple(json.loads(row.indicators)),
        date.fromisoformat(row.due_date),
        str(row.opened_by),
    )


def _codes(catalogue: pd.DataFrame, indicators: str | Iterable[str]) -> list[str]:
    """The round's indicator codes: every indicator's for "all", else the codes named (known ones only)."""
    known = catalogue["code"].astype(str).tolist()
    if isinstance(indicators, str):
        if indicators.strip().lower() == "all":
            return sorted(known)
        indicators = [c.strip() for c in indicators.split(",")]
    wanted = list(dict.fromkeys(c for c in indicators if c))
    if not wanted:
        raise RoundError(msg("rounds.no_indicators"))
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        raise RoundError(msg("rounds.unknown_codes", codes=", ".join(unknown) or "—"))
    return wanted


def open_round(
    store: Store,
    account: str,
    year: int,
    parent: str,
    indicators: str | Iterable[str],
    due: date,
    half: int | None = None,
    *,
    operator: bool = False,
) -> Round:
    """Open a round for the children of `parent`; refused when one is open for the same period.

    `account` must be an analyst or admin whose area holds `parent`; with `operator`, it is the
    person at the server's command line (who holds the store itself) and needs no account.
    """
    if half not in (None, 1, 2):
        raise RoundError(msg("rounds.bad_half", half=half))
    # The two catalogues alone, of one version: a national store's figures are millions of rows.
    catalogues = store.ensure().load_tables((AREAS, INDICATORS))
    if parent not in set(catalogues[AREAS.name]["code"].astype(str)):
        raise RoundError(msg("rounds.unknown_area", area=parent))
    codes = _codes(catalogues[INDICATORS.name], indicators)
    starts = opening.period_start(year, half)
    if due < starts:
        raise RoundError(msg("rounds.due_before_period", due=opening.day(due), start=opening.day(starts)))
    with store.engine.begin() as conn:
        if not operator:
            require_analyst(conn, account)
        scope.check_areas(conn, account, [parent])
        same = (report_rounds.c.year == year) & (report_rounds.c.parent == parent)
        same &= report_rounds.c.half.is_(None) if half is None else report_rounds.c.half == half
        if conn.execute(select(report_rounds.c.row_id).where(same)).first():
            raise RoundError(msg("rounds.exists", period=opening.period(year, half), area=parent))
        row_id = conn.execute(
            insert(report_rounds).values(
                year=year,
                half=half,
                parent=parent,
                indicators=json.dumps(codes),
                due_date=due.isoformat(),
                opened_by=account.strip(),
                opened_at=datetime.now(UTC),
            )
        ).inserted_primary_key[0]  # type: ignore[index]  # an insert always has one
    return Round(int(row_id), year, half, parent, tuple(codes), due, account.strip())


def rounds(store: Store) -> list[Round]:
    """Every round, oldest first."""
    store.ensure()
    with store.engine.connect() as conn:
        return _rounds(conn)


def _rounds(conn: Connection) -> list[Round]:
    return [_round_of(r) for r in conn.execute(select(report_rounds).order_by(report_rounds.c.row_id))]


def find_round(
    store: Store, year: int, area: str, half: int | None = None, areas: pd.DataFrame | None = None
) -> Round:
    """The round of `year` (and `half`) that `area` reports in: its own or an ancestor's round.

    `areas`: the current version's, where the caller holds them (a page's cached dataset); else read.
    """
    areas = store.load_table(AREAS) if areas is None else areas
    return _find(rounds(store), year, area, half, scope.AreaTree(areas))


def _find(held: list[Round], year: int, area: str, half: int | None, tree: scope.AreaTree) -> Round:
    """`find_round` among the rounds `held`, the areas read as a tree."""
    for found in reversed(held):
        if found.year == year and found.half == half and tree.holds(found.parent, area):
            return found
    raise RoundError(msg("rounds.no_round", year=year, area=area))


def _plain(value: object) -> object:
    """A cell as JSON holds it: None for every kind of missing, Python's own numbers."""
    if not isinstance(value, str | bool) and pd.isna(value):
        return None
    return value.item() if isinstance(value, np.generic) else value


def _records(frame: pd.DataFrame) -> str:
    # Column by column as plain lists: a sending is forty rows, where each pandas step costs more
    # than the rows themselves.
    columns = {str(c): [_plain(v) for v in frame[c].tolist()] for c in frame.columns}
    out = [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]
    return json.dumps(out, ensure_ascii=False)


def sent_figures(raw: str) -> pd.DataFrame:
    """A submission's figures as typed observations."""
    return coerce(OBSERVATIONS, pd.DataFrame(json.loads(raw), columns=list(OBSERVATIONS.columns)))


def scoped(
    current: Dataset, areas: Iterable[str], tables: tuple[Table, ...] = (OBSERVATIONS, TARGETS, REPORTED)
) -> Dataset:
    """`current` with its figures (observations, targets, reported) kept for `areas` only, catalogues whole.

    What a commune sends touches no other area's figures: its merge and comparison against this give
    the same new, changed and removed rows as against the whole country, at the cost of its own rows.
    `tables`: the figure tables kept for `areas`; the others are left whole.
    """
    keep = set(areas)
    frames = {t.name: current.frame(t) for t in tables}
    return replace(
        current, **{name: f[f["area"].isin(keep)].reset_index(drop=True) for name, f in frames.items()}
    )


def _as_held(current: Dataset, name: str, rows: pd.DataFrame) -> bool:
    """True when every row of the upload's table `name` is a row of the current one, exactly."""
    table = next(t for t in TABLES if t.name == name)
    if rows.equals(current.frame(table)):
        return True  # the catalogue carried back as the store holds it, row for row: no hashing needed
    return bool(row_hashes(coerce(table, rows)).isin(set(row_hashes(current.frame(table)))).all())


def _only_figures(current: Dataset, upload: Upload, keep: set[str] | None = None) -> pd.DataFrame:
    """The upload's observations; refused when it would change anything else (targets, areas …).

    `keep`: the upload's `_sent_areas`, where the caller has them.
    """
    keep = _sent_areas(upload) if keep is None else keep
    # An empty table changes nothing (each of its no rows is held): only the tables the upload fills are
    # compared, and of the figure tables only those are cut to the sent areas.
    filled = {n: f for n, f in upload.frames.items() if n != "observations" and not f.empty}
    held = scoped(current, keep, (OBSERVATIONS, *(t for t in (TARGETS, REPORTED) if t.name in filled)))
    # A workbook carries the catalogues back as they are: a table whose every row is a current row
    # changes nothing, so only the others are merged and compared, to name what they would change.
    others = {n: f for n, f in filled.items() if not _as_held(held, n, f)}
    if others:
        held = scoped(current, keep)
        preview = diff.compare(held, diff.merge(held, replace(upload, frames=others)))
        for change in preview.tables.values():
            if len(change.added) or len(change.removed) or change.changed_rows:
                raise RoundError(msg("rounds.figures_only", table=change.table.sheet))
    sent = coerce(OBSERVATIONS, upload.frames.get("observations", pd.DataFrame()))
    return _typed(sent, held.observations)


def _typed(sent: pd.DataFrame, held: pd.DataFrame) -> pd.DataFrame:
    """The rows of `sent` the current version does not hold exactly as they are: those the commune typed.

    A row exactly as the current version holds it was not typed by the commune (a template downloaded
    whole and filled in): only new and changed rows are sent, and held to the area.
    """
    # A row is held only under its own key: where no sent key is held (a year's first sending), no row
    # can be, and neither side is hashed.
    if not _keys(sent) & _keys(held):
        return sent.reset_index(drop=True)
    same = row_hashes(sent).isin(set(row_hashes(held)))
    return sent[~same.to_numpy()].reset_index(drop=True)


def _keys(frame: pd.DataFrame) -> set[tuple[Any, ...]]:
    return set(zip(*(frame[c].tolist() for c in scope.FIGURE_KEY), strict=True))


def _round_of_figures(
    conn: Connection, figures: pd.DataFrame, area: str, tree: scope.AreaTree, half: int | None = None
) -> Round:
    """The one round the figures are sent in: all of one year, in a round open for the area.

    `half` names a half-year round of that year; without it, the year's round.
    """
    years = sorted({int(y) for y in figures["year"]})
    if len(years) != 1:
        raise RoundError(msg("rounds.one_year", years=", ".join(str(y) for y in years) or "—"))
    held = _rounds(conn)
    if half is not None:
        return _find(held, years[0], area, half, tree)
    try:
        return _find(held, years[0], area, None, tree)
    except RoundError:
        # Only half-year rounds this year: the sender says which half, rather than hear "no round".
        for one in (1, 2):
            try:
                _find(held, years[0], area, one, tree)
            except RoundError:
                continue
            raise RoundError(msg("rounds.half_not_chosen", year=years[0])) from None
        raise


def latest_sending(conn: Connection, round_id: int, area: str, columns: tuple[str, ...] = ()) -> Any:
    """The area's newest sending in the round (a row of submissions, or its `columns` alone); None before
    its first."""
    query = select(*[submissions.c[c] for c in columns]) if columns else select(submissions)
    return conn.execute(
        query.where((submissions.c.round_id == round_id) & (submissions.c.area == area))
        .order_by(submissions.c.row_id.desc())
        .limit(1)
    ).first()


def _sent_areas(upload: Upload) -> set[str]:
    """Every area the upload's tables name a row of."""
    return {a for f in upload.frames.values() if "area" in f.columns for a in f["area"].astype(str)}


def _current(store: Store, conn: Connection, held: Dataset | None, areas: Iterable[str]) -> Dataset:
    """The current version: the caller's copy when it is that version (a page's cached one), else read
    with the figures of `areas` alone (what `scoped` keeps of it)."""
    if held is not None and held.version == _newest(conn):
        return held
    return store.load_areas(areas)


def _newest(conn: Connection) -> int:
    """The newest version, 0 for an empty store: `Store.current_version` in the caller's transaction."""
    return int(conn.execute(select(func.coalesce(func.max(versions.c.version), 0))).scalar_one())


def submit(
    store: Store,
    account: str,
    upload: Upload,
    now: datetime | None = None,
    current: Dataset | None = None,
    half: int | None = None,
) -> int:
    """A reporter's checked upload as a submission waiting for review; its id.

    Refused, naming them and writing nothing: rows of another area, figures of no open round or of
    several years, a change to anything but figures, a locked figure, a submission already approved.
    A pending submission sent again is replaced by the new one. `now` is the time of sending; `current`,
    the caller's copy of the current version, saves reading it again (a copy of another version is not used).
    `half` sends the figures in the year's half-year round (1 or 2) instead of the year's round.
    """
    store.ensure()
    # One transaction reads what the refusals rest on and writes the sending: each connection of its own
    # costs round trips a sending of forty rows need not pay. SQLite's write lock is taken up front: a
    # read upgraded to a write after another writer's commit fails at once, where BEGIN IMMEDIATE waits.
    with store.engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
        keep = _sent_areas(upload)
        current = _current(store, conn, current, keep)
        if not upload.ok:
            raise RoundError(msg("rounds.upload_not_ok"))
        figures = _only_figures(current, upload, keep)
        if figures.empty:
            raise RoundError(msg("rounds.no_figures"))
        row = scope.account_row(conn, account)
        role, area = _role_of(row, account)
        if not role.can_submit() or area is None:
            raise RoundError(msg("rounds.reporters_only", name=account.strip()))
        # `current` is the current version (_current made sure): its areas are the store's now. Read as
        # a tree once, for the account's area and the round's.
        tree = scope.AreaTree(current.areas)
        scope.check_areas_of(row, account, figures["area"], tree)
        found = _round_of_figures(conn, figures, area, tree, half)
        return _send(conn, found, area, figures, upload, account.strip(), now or datetime.now(UTC))


def _send(
    conn: Connection, found: Round, area: str, figures: pd.DataFrame, upload: Upload, by: str, now: datetime
) -> int:
    """The sending written, the area's pending one replaced; refused for a locked figure or an approved
    sending."""
    hit = scope.locked_keys(conn, figures)
    if hit:
        raise scope.LockedError(msg("rounds.locked", figures=scope.figure_names(hit), n=len(hit)))
    # Its state alone: the sending's figures (a few kilobytes of JSON) are not read to be replaced.
    last = latest_sending(conn, found.id, area, ("row_id", "state"))
    if last is not None and last.state == "approved":
        raise RoundError(msg("rounds.already_approved", area=area, year=found.year))
    if last is not None and last.state == "pending":
        conn.execute(update(submissions).where(submissions.c.row_id == last.row_id).values(state="replaced"))
    inserted = conn.execute(
        insert(submissions).values(
            round_id=found.id,
            area=area,
            state="pending",
            figures=_records(figures),
            file_name=upload.file_name,
            sha256=upload.sha256,
            submitted_by=by,
            submitted_at=now,
            note="",
            figure_notes="{}",
        )
    ).inserted_primary_key
    return int(inserted[0])  # type: ignore[index]  # an insert always has one


def sendings(store: Store, round_id: int) -> pd.DataFrame:
    """Every sending of a round, oldest first: row_id, area, state, submitted_by/at, reviewed_by/at, note,
    version (the figures themselves are read by `figures_of`)."""
    store.ensure()
    columns = [c for c in submissions.columns if c.name != "figures"]
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(*columns).where(submissions.c.round_id == round_id).order_by(submissions.c.row_id)
        ).all()
    return pd.DataFrame(rows, columns=[c.name for c in columns])


def figure_keys(store: Store, round_id: int) -> pd.DataFrame:
    """Which figures every sending of a round holds: row_id (the sending's), code, area, year.

    Read as plain records, never typed one sending at a time: a national round has thousands.
    """
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(submissions.c.row_id, submissions.c.figures).where(submissions.c.round_id == round_id)
        ).all()
    ids: list[int] = []
    records: list[dict[str, Any]] = []
    for row_id, raw in rows:
        sent = json.loads(raw)
        ids += [int(row_id)] * len(sent)
        records += sent
    frame = pd.DataFrame.from_records(records, columns=["code", "area", "year"])
    return frame.assign(row_id=pd.Series(ids, dtype="int64"), year=frame["year"].astype("int64"))


def pending_figures(store: Store) -> pd.DataFrame:
    """The figures waiting for review in every year's round (each area's pending sending), as observations.

    A half-year round's are not among them: a half-year figure is never shown as the year's.
    """
    years = select(report_rounds.c.row_id).where(report_rounds.c.half.is_(None))
    pending = (submissions.c.state == "pending") & submissions.c.round_id.in_(years)
    with store.ensure().engine.connect() as conn:
        raws = conn.execute(select(submissions.c.figures).where(pending)).scalars()
        records = [record for raw in raws for record in json.loads(raw)]
    return coerce(OBSERVATIONS, pd.DataFrame.from_records(records, columns=list(OBSERVATIONS.columns)))


def with_pending(store: Store, data: Dataset) -> tuple[Dataset, pd.DataFrame]:
    """`data` with the pending figures put over it, and those figures' keys (code, area, year, kind)
    so that whoever shows them marks them "chưa duyệt"."""
    pending = pending_figures(store)
    if pending.empty:
        return data, pending[scope.FIGURE_KEY]
    upload = Upload("", "", "long", {"observations": pending})
    return diff.merge(data, upload), pending[scope.FIGURE_KEY].drop_duplicates().reset_index(drop=True)
