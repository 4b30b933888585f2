"""The catalogue of titles (danh hiệu thi đua) and forms of award (hình thức khen thưởng), and its rules.

Both are data an office can correct (data/awards/*.csv): a rule's numbers sit beside the article and
the quoted text they come from, so a reader can check them against the law without reading code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

DATA = Path(__file__).resolve().parents[2] / "data" / "awards"
Kind = Literal["title", "form"]
Recipient = Literal["person", "collective", "household"]
RECIPIENTS: tuple[Recipient, ...] = ("person", "collective", "household")
LEVELS = ("national", "province", "district", "commune", "unit")
RULE_KINDS = ("consecutive", "cap")


class CatalogueError(ValueError):
    """The catalogue's files contradict themselves: a bug in data the office edits, found at load time."""


@dataclass(frozen=True)
class Award:
    """One title or form: who decides it, who may receive it, and its rank (1 is the highest)."""

    code: str
    kind: Kind
    recipient: Recipient | Literal["any"]
    level: str
    decided_by: str
    rank: int
    name_vi: str
    name_en: str
    valid_until: date | None
    source: str
    # The article that lists or sets the award, as read; "" where no text of it was found to quote.
    article: str = ""

    def takes(self, recipient: str) -> bool:
        """True when `recipient` (person, collective, household) may receive this award."""
        return self.recipient in ("any", recipient)

    def valid_on(self, day: date) -> bool:
        """False after the level that decided it ceased to exist (the districts, 1 July 2025)."""
        return self.valid_until is None or day <= self.valid_until


@dataclass(frozen=True)
class Rule:
    """A condition the law sets that records can check, with the article and its quoted words.

    consecutive: `title` needs `requires` in `count` consecutive years, up to the proposal's year.
    cap: `title` may go to at most `share` of those in the unit holding `requires` the same year.
    """

    rule: str
    kind: str
    title: str
    requires: str
    count: int
    share: float | None
    article: str
    quote: str
    source: str


@dataclass(frozen=True)
class Catalogue:
    """The awards by code and the rules over them."""

    awards: dict[str, Award]
    rules: tuple[Rule, ...]

    def rules_for(self, title: str) -> list[Rule]:
        """The rules that a proposal of `title` is checked against."""
        return [r for r in self.rules if r.title == title]

    def ranked(self) -> list[Award]:
        """The awards highest first, as the law ranks them."""
        return sorted(self.awards.values(), key=lambda a: a.rank)


def _award(row: dict[str, str]) -> Award:
    until = row["valid_until"].strip()
    return Award(
        code=row["code"],
        kind=row["kind"],  # type: ignore[arg-type]  # checked in _checked
        recipient=row["recipient"],  # type: ignore[arg-type]
        level=row["level"],
        decided_by=row["decided_by"],
        rank=int(row["rank"]),
        name_vi=row["name_vi"],
        name_en=row["name_en"],
        valid_until=date.fromisoformat(until) if until else None,
        source=row["source"],
        article=(row.get("article") or "").strip(),
    )


def _rule(row: dict[str, str]) -> Rule:
    share = (row.get("share") or "").strip()
    return Rule(
        rule=row["rule"],
        kind=row["kind"],
        title=row["title"],
        requires=row["requires"],
        count=int(row.get("count") or 0),
        share=float(share) if share else None,
        article=row["article"].strip(),
        quote=row["quote"].strip(),
        source=row["source"].strip(),
    )


def _checked(catalogue: Catalogue) -> Catalogue:
    """The catalogue, or CatalogueError naming the first contradiction."""
    for award in catalogue.awards.values():
        if award.kind not in ("title", "form") or award.recipient not in (*RECIPIENTS, "any"):
            raise CatalogueError(f"{award.code}: kind {award.kind!r} or recipient {award.recipient!r}")
        if award.level not in LEVELS:
            raise CatalogueError(f"{award.code}: level {award.level!r}")
    for rule in catalogue.rules:
        if rule.kind not in RULE_KINDS:
            raise CatalogueError(f"{rule.rule}: kind {rule.kind!r}")
        if rule.title not in catalogue.awards or rule.requires not in catalogue.awards:
            raise CatalogueError(f"{rule.rule}: unknown title {rule.title!r} or {rule.requires!r}")
        # A rule without its article and the law's own words is a guess: refused.
        if not rule.article or not rule.quote or not rule.source:
            raise CatalogueError(f"{rule.rule}: no article, quote or source")
        if rule.kind == "consecutive" and rule.count < 1:
            raise CatalogueError(f"{rule.rule}: count {rule.count}")
        if rule.kind == "cap" and not (rule.share is not None and 0 < rule.share <= 1):
            raise CatalogueError(f"{rule.rule}: share {rule.share}")
    return catalogue


def load(folder: Path = DATA) -> Catalogue:
    """The catalogue in `folder` (catalogue.csv, rules.csv), checked."""
    with (folder / "catalogue.csv").open(encoding="utf-8", newline="") as f:
        awards = {row["code"]: _award(row) for row in csv.DictReader(f)}
    with (folder / "rules.csv").open(encoding="utf-8", newline="") as f:
        rules = tuple(_rule(row) for row in csv.DictReader(f))
    return _checked(Catalogue(awards, rules))
