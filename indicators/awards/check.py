"""A year-end proposal list checked against the register and the catalogue: codes, never a verdict.

The check names what the records show (an earlier title missing, a cap exceeded, a duplicate, no
registration); whether to propose is still the council's decision, so nothing here refuses a row.
A person is known by name and unit, a collective or household by name and area: the lists offices
keep carry no personal identifier, and two people of one name in one unit must be told apart by hand.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from indicators.awards import columns
from indicators.awards.catalogue import Catalogue, Rule

PROPOSAL_COLUMNS = columns.RECIPIENT
FINDING_COLUMNS = ("row", "code", "rule", "needed", "found")
# The codes a finding carries; indicators/text/words/awards.py puts each into words.
CODES = (
    "unknown_title",
    "wrong_recipient",
    "missing_earlier",
    "cap_exceeded",
    "duplicate",
    "no_registration",
)


def _key(frame: pd.DataFrame) -> pd.Series:
    """Who a row is about: a person by name and unit, others by name and area (see the module's note)."""
    where = frame["unit"].where(frame["recipient_kind"] == "person", frame["area"])
    return frame["recipient_kind"] + "\x1f" + frame["name"].str.strip().str.casefold() + "\x1f" + where


def _findings(rows: pd.Index, code: str, rule: str = "", needed: int = 0, found: object = 0) -> pd.DataFrame:
    return pd.DataFrame(
        {"row": rows, "code": code, "rule": rule, "needed": needed, "found": found},
        columns=list(FINDING_COLUMNS),
    )


def _catalogue_findings(proposals: pd.DataFrame, catalogue: Catalogue) -> list[pd.DataFrame]:
    """Awards the catalogue does not know, and awards for another kind of recipient."""
    takes = proposals["award"].map({code: a.recipient for code, a in catalogue.awards.items()})
    known = takes.notna().to_numpy()
    taken = (takes == "any") | (takes == proposals["recipient_kind"])
    wrong = known & ~taken.fillna(False).to_numpy(dtype=bool)
    return [
        _findings(proposals.index[~known], "unknown_title"),
        _findings(proposals.index[wrong], "wrong_recipient"),
    ]


def _duplicates(proposals: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """A proposal listed twice, or for a title the register already gives the same recipient that year."""
    key = proposals["key"] + "\x1f" + proposals["award"] + "\x1f" + proposals["year"].astype(str)
    twice = key.duplicated(keep="first").to_numpy()
    held_keys = register["key"] + "\x1f" + register["award"] + "\x1f" + register["year"].astype(str)
    # Membership through a Python set: pandas' Arrow-backed isin walks its values one by one.
    held = set(held_keys.to_numpy(dtype=object))
    known = np.fromiter((k in held for k in key.to_numpy(dtype=object)), dtype=bool, count=len(key))
    return _findings(proposals.index[twice | known], "duplicate")


def _relevant(register: pd.DataFrame, proposals: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """The register rows a check can use: the proposals' awards in their years, and the awards a rule
    counts up to the last proposal's year. A province's five years shrink to a fraction before keying."""
    years = set(proposals["year"].astype(int))
    same = register["award"].isin(set(proposals["award"])) & register["year"].isin(years)
    counted = {r.requires for r in catalogue.rules}
    earlier = register["award"].isin(counted) & (register["year"] <= max(years, default=0))
    return register[(same | earlier).to_numpy()]


def _consecutive(proposals: pd.DataFrame, register: pd.DataFrame, rule: Rule) -> pd.DataFrame:
    """Proposals of `rule.title` whose recipient never held `rule.requires` `rule.count` years running.

    The quoted text asks for consecutive times, not for the years just before the proposal: any run
    up to the proposal's year counts, and `found` is the longest run the register shows.
    """
    asked = proposals[proposals["award"] == rule.title]
    if asked.empty:
        return _findings(pd.Index([]), "missing_earlier")
    held = register.loc[register["award"] == rule.requires, ["key", "year"]].drop_duplicates()
    joined = asked[["key", "year"]].reset_index().merge(held, on="key", suffixes=("", "_held"))
    joined = joined[joined["year_held"] <= joined["year"]].sort_values(["index", "year_held"])
    # Years in one run share year − position: 2021, 2022, 2023 at positions 0, 1, 2 all give 2021.
    step = joined["year_held"] - joined.groupby("index").cumcount()
    longest = joined.groupby(["index", step]).size().groupby(level=0).max()
    longest = longest.reindex(asked.index, fill_value=0)
    short = longest[longest < rule.count]
    return _findings(short.index, "missing_earlier", rule.rule, rule.count, short.to_numpy())


def _cap(proposals: pd.DataFrame, register: pd.DataFrame, rule: Rule) -> pd.DataFrame:
    """Proposals of `rule.title` in a unit and year beyond `rule.share` of those holding `rule.requires`."""
    asked = proposals[proposals["award"] == rule.title]
    if asked.empty or rule.share is None:
        return _findings(pd.Index([]), "cap_exceeded")
    both = pd.concat([register, proposals])
    base = (
        both[both["award"] == rule.requires].drop_duplicates(["key", "year"]).groupby(["unit", "year"]).size()
    )
    counts = asked.groupby(["unit", "year"]).size()
    # A share of a whole number of people: the cap is rounded down, never up.
    allowed = (base.reindex(counts.index, fill_value=0) * rule.share).map(math.floor)
    over = counts[counts > allowed]
    rows = asked[asked.set_index(["unit", "year"]).index.isin(over.index)]
    found = [int(over[(u, y)]) for u, y in zip(rows["unit"], rows["year"], strict=True)]
    needed = [int(allowed[(u, y)]) for u, y in zip(rows["unit"], rows["year"], strict=True)]
    return _findings(rows.index, "cap_exceeded", rule.rule, needed, found)  # type: ignore[arg-type]


def _unregistered(proposals: pd.DataFrame, registrations: pd.DataFrame | None) -> pd.DataFrame:
    """Proposals whose recipient registered no target for that year, when the year has registrations."""
    if registrations is None or registrations.empty:
        return _findings(pd.Index([]), "no_registration")
    registered = set(registrations["key"] + "\x1f" + registrations["year"].astype(str))
    years = set(registrations["year"])
    key = proposals["key"] + "\x1f" + proposals["year"].astype(str)
    lacking = proposals["year"].isin(years) & ~key.isin(registered)
    return _findings(proposals.index[lacking], "no_registration")


def check(
    proposals: pd.DataFrame,
    register: pd.DataFrame,
    catalogue: Catalogue,
    registrations: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every finding on `proposals` (row = the proposal's index), sorted by row; empty when none.

    `register` holds the awards given (the register's columns); `registrations`, when given, the
    targets registered at the start of the year (year, recipient_kind, name, unit, area).
    """
    proposals = proposals.assign(year=proposals["year"].astype(int))
    proposals = proposals.assign(key=_key(proposals))
    register = _relevant(register.assign(year=register["year"].astype(int)), proposals, catalogue)
    register = register.assign(key=_key(register))
    if registrations is not None:
        registrations = registrations.assign(key=_key(registrations), year=registrations["year"].astype(int))
    parts = _catalogue_findings(proposals, catalogue)
    parts.append(_duplicates(proposals, register))
    for rule in catalogue.rules:
        parts.append(
            _consecutive(proposals, register, rule)
            if rule.kind == "consecutive"
            else _cap(proposals, register, rule)
        )
    parts.append(_unregistered(proposals, registrations))
    found = pd.concat([p for p in parts if not p.empty] or [_findings(pd.Index([]), "")], ignore_index=True)
    return found.sort_values(["row", "code"], kind="stable").reset_index(drop=True)
