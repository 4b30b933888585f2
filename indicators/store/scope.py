"""Who may write which figures: an account's area and the units under it, and the locks of approval.

`check_areas` is the one rule every write path goes through: a commit (upload, grid entry, command
line import, rollback) calls it through `guard_commit` inside the write lock, a submission and a
review call it (a submission as `check_areas_of`, in the transaction that writes it) before anything is
written. Pages only say it earlier.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from indicators.store.accounts import Role
from indicators.store.database import ROW_TABLES, StoreError, users
from indicators.store.round_tables import figure_locks
from indicators.text.i18n import msg

SHOWN = 10  # areas or figures named in a refusal before the rest are counted
FIGURE_KEY = ["code", "area", "year", "kind"]


class ScopeError(StoreError):
    """A write outside the account's area, or by a role that may not make it; nothing was written."""


class LockedError(StoreError):
    """A write that would change an approved, locked figure; nothing was written."""


def descendants(areas: pd.DataFrame, root: str) -> set[str]:
    """`root` and every unit under it at any time: a former unit's series stays in its province's scope."""
    children: dict[str, set[str]] = {}
    # Plain lists: iterating a column of Arrow strings costs a few microseconds a cell, a list's nothing.
    for code, parent in zip(areas["code"].tolist(), areas["parent"].tolist(), strict=True):
        children.setdefault(str(parent), set()).add(str(code))
    found, todo = {root}, [root]
    while todo:
        for child in children.get(todo.pop(), set()) - found:
            found.add(child)
            todo.append(child)
    return found


def _texts(column: pd.Series) -> list[str]:
    """A column's cells as `str` gives each, the way `descendants` keys them."""
    values = column.tolist()
    # A string column without a gap holds nothing but str: str() would give each back as it is.
    if isinstance(column.dtype, pd.StringDtype) and not column.isna().any():
        return values
    return [str(v) for v in values]


class AreaTree:
    """The areas' parent links, read once: whether a unit lies under another at any time.

    `descendants` walks the whole tree down from a root for each question; a submission asks a few
    about one commune, so the links are read once and each question walks up from the unit instead.
    """

    def __init__(self, areas: pd.DataFrame) -> None:
        codes, parents = _texts(areas["code"]), _texts(areas["parent"])
        # One parent a unit, read at C speed; a unit with rows under several parents (one that moved)
        # keeps them all apart.
        self._parent = dict(zip(codes, parents, strict=True))
        self._moved: dict[str, set[str]] = {}
        if len(self._parent) < len(codes):
            moved = {code for code, n in Counter(codes).items() if n > 1}
            for code, parent in zip(codes, parents, strict=True):
                if code in moved:
                    self._moved.setdefault(code, set()).add(parent)
        self._above: dict[str, frozenset[str]] = {}

    def _parents(self, code: str) -> set[str]:
        if code in self._moved:
            return self._moved[code]
        return {self._parent[code]} if code in self._parent else set()

    def above(self, code: str) -> frozenset[str]:
        """`code` and every unit it has lain under at any time (each unit's walk read once)."""
        found = self._above.get(code)
        if found is None:
            seen, todo = {code}, [code]
            while todo:
                for parent in self._parents(todo.pop()) - seen:
                    seen.add(parent)
                    todo.append(parent)
            found = self._above[code] = frozenset(seen)
        return found

    def holds(self, root: str, code: str) -> bool:
        """True when `code` is in `descendants(areas, root)`: `root` itself or a unit under it."""
        return root in self.above(code)

    def outside(self, root: str, codes: Iterable[str]) -> list[str]:
        """`outside(areas, root, codes)`: the codes neither `root` nor under it, sorted."""
        return sorted(c for c in {str(c) for c in codes} if not self.holds(root, c))


def outside(areas: pd.DataFrame, root: str, codes: Iterable[str]) -> list[str]:
    """The codes of `codes` that are neither `root` nor under it, sorted."""
    allowed = descendants(areas, root)
    return sorted({str(c) for c in codes} - allowed)


def _named(codes: list[str]) -> str:
    shown = ", ".join(codes[:SHOWN])
    return shown if len(codes) <= SHOWN else f"{shown} (+{len(codes) - SHOWN})"


def account_row(conn: Connection, account: str) -> Any:
    """The account's role and area as the store holds them; None for a name that is no account."""
    return conn.execute(select(users.c.role, users.c.area).where(users.c.name == account.strip())).first()


def current_areas(conn: Connection) -> pd.DataFrame:
    """The current version's areas: code and parent."""
    table = ROW_TABLES["areas"]
    rows = conn.execute(select(table.c.code, table.c.parent).where(table.c.until_version.is_(None))).all()
    return pd.DataFrame(rows, columns=["code", "parent"])


def check_areas(
    conn: Connection, account: str, codes: Iterable[str], areas: pd.DataFrame | None = None
) -> None:
    """Refuse, naming them, the areas of `codes` outside the account's area; an account without one,
    or a name that is no account (the shipped seed, the operator's own command line), is not held.

    `areas`: the current version's (code, parent), where the caller has just made sure it holds that
    version; else read from the store.
    """
    row = account_row(conn, account)
    if row is None or not row.area:
        return
    _refuse_outside(outside(current_areas(conn) if areas is None else areas, row.area, codes), row, account)


def check_areas_of(row: Any, account: str, codes: Iterable[str], tree: AreaTree) -> None:
    """`check_areas` for an account row the caller has read (`account_row`) in the same transaction,
    against the current version's areas as a tree."""
    if row is None or not row.area:
        return
    _refuse_outside(tree.outside(row.area, codes), row, account)


def _refuse_outside(wrong: list[str], row: Any, account: str) -> None:
    if wrong:
        raise ScopeError(msg("rounds.outside_area", areas=_named(wrong), area=row.area, name=account.strip()))


def _touched_areas(conn: Connection, plans: dict[str, tuple[pd.DataFrame, pd.Series, list[int]]]) -> set[str]:
    """The areas of every row a commit adds or closes (an area's own code for the area tables)."""
    found: set[str] = set()
    for name, (added, _hashes, gone) in plans.items():
        column = "area" if "area" in added.columns else "code" if name in ("areas", "area_links") else ""
        if not column:
            continue
        found |= set(added[column].astype(str))
        table = ROW_TABLES[name]
        for start in range(0, len(gone), 500):
            ids = gone[start : start + 500]
            found |= set(conn.execute(select(table.c[column]).where(table.c.row_id.in_(ids))).scalars())
    return found


# Codes or areas named in one query's IN list before the lock events are read whole instead.
NAMED_AT_MOST = 500


def _events(conn: Connection, codes: Iterable[str], areas: Iterable[str]) -> list[Any]:
    """The lock events (code, area, year, kind, action), oldest first; with `codes` and `areas`, only
    those figures' (the index on the figure's key finds them)."""
    query = select(*[figure_locks.c[c] for c in FIGURE_KEY], figure_locks.c.action)
    wanted = {c: sorted({str(v) for v in values}) for c, values in (("code", codes), ("area", areas))}
    for column, values in wanted.items():
        if 0 < len(values) <= NAMED_AT_MOST:
            query = query.where(figure_locks.c[column].in_(values))
    return list(conn.execute(query.order_by(figure_locks.c.row_id)).all())


def locked(conn: Connection, codes: Iterable[str] = (), areas: Iterable[str] = ()) -> pd.DataFrame:
    """The figures locked now (code, area, year, kind): those whose last lock event is a lock.

    With `codes` and `areas`, only those figures' events are read (the index on the figure's key
    finds them): a national round's approvals leave tens of thousands, a commune sends forty.
    """
    events = pd.DataFrame(_events(conn, codes, areas), columns=[*FIGURE_KEY, "action"])
    last = events.drop_duplicates(FIGURE_KEY, keep="last")
    return last[last["action"] == "lock"][FIGURE_KEY].reset_index(drop=True)


def locked_keys(conn: Connection, figures: pd.DataFrame) -> list[tuple[Any, ...]]:
    """Of `figures` (code, area, year, kind), the keys of those locked now, in their order, each once.

    Plain tuples, not frames: a sending is forty figures, where each pandas step costs more than they.
    """
    if figures.empty:
        return []
    codes, areas, kinds = (figures[c].tolist() for c in ("code", "area", "kind"))
    wanted = zip(codes, areas, [int(y) for y in figures["year"].tolist()], kinds, strict=True)
    # Every event of a figure shares its code and area: filtering by them keeps each figure's last event.
    last = {tuple(event[:-1]): event[-1] for event in _events(conn, codes, areas)}
    return list(dict.fromkeys(key for key in wanted if last.get(key) == "lock"))


def locked_among(conn: Connection, figures: pd.DataFrame) -> pd.DataFrame:
    """Of `figures` (code, area, year, kind), those locked now, in their order, each once."""
    if figures.empty:
        return figures[FIGURE_KEY]
    keys = figures[FIGURE_KEY].astype({"year": int})
    held = set(locked_keys(conn, keys))
    wanted = list(zip(*(keys[c].tolist() for c in FIGURE_KEY), strict=True))
    hits = [i for i, key in enumerate(wanted) if key in held]
    firsts: list[int] = []
    seen: set[tuple[Any, ...]] = set()
    for n, i in enumerate(hits):
        if wanted[i] not in seen:
            seen.add(wanted[i])
            firsts.append(n)
    found = keys.iloc[hits].reset_index(drop=True)
    # As an inner merge then drop_duplicates gave it: the merged rows' positions, a repeat left out.
    return found if len(firsts) == len(hits) else found.iloc[firsts]


def figure_names(rows: pd.DataFrame | list[tuple[Any, ...]]) -> str:
    """Figures (code, area, year, kind), as a frame or as `locked_keys` gives them, named one after
    another for a refusal."""
    keys = rows[FIGURE_KEY].itertuples(index=False) if isinstance(rows, pd.DataFrame) else rows
    return _named([f"{code} · {area} · {year} ({kind})" for code, area, year, kind in keys])


def _closed_figures(conn: Connection, gone: list[int]) -> pd.DataFrame:
    table = ROW_TABLES["observations"]
    rows: list[Any] = []
    for start in range(0, len(gone), 500):
        ids = gone[start : start + 500]
        rows += conn.execute(select(*[table.c[c] for c in FIGURE_KEY]).where(table.c.row_id.in_(ids))).all()
    return pd.DataFrame(rows, columns=FIGURE_KEY)


def guard_commit(
    conn: Connection, account: str, action: str, plans: dict[str, tuple[pd.DataFrame, pd.Series, list[int]]]
) -> None:
    """Refuse a commit a reporter makes, one outside the account's area, or one that changes a locked
    figure (an approval, which writes the figures it reviewed, excepted)."""
    row = account_row(conn, account)
    if row is not None and row.role == Role.REPORTER.value:
        raise ScopeError(msg("rounds.reporter_commits", name=account.strip()))
    check_areas(conn, account, _touched_areas(conn, plans))
    if action == "approve":
        return
    hit = locked_among(conn, _closed_figures(conn, plans["observations"][2]))
    if not hit.empty:
        raise LockedError(msg("rounds.locked", figures=figure_names(hit), n=len(hit)))
