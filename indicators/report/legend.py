"""The notes under the báo cáo's tables: its marks and the abbreviations of its kinds of target."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from indicators.core.model import TargetKind
from indicators.text.fmt import Lang
from indicators.text.i18n import t


class Flagged(Protocol):
    """A table line as the notes see it: what its figures are, never what its cells say."""

    @property
    def implied(self) -> bool:
        """The target is worked back from a printed %."""
        ...

    @property
    def estimate(self) -> bool:
        """The actual is an estimate."""
        ...

    @property
    def reported(self) -> bool:
        """The % is the document's own, with no figures to compute it from."""
        ...

    @property
    def per_year(self) -> bool:
        """Target and actual are a cut a year."""
        ...

    @property
    def pending(self) -> bool:
        """The figure is not yet approved (a báo cáo asked for with such figures)."""
        ...

    @property
    def period_unstated(self) -> bool:
        """The source gives the actual without its year."""
        ...

    @property
    def target_kind(self) -> str:
        """The code of the document that states the target, or empty."""
        ...


def notes(rows: Sequence[Flagged], lang: Lang) -> list[str]:
    """The notes a table's rows need, in one order for every table, decided from the rows' flags."""
    flags = (
        ("implied", "report.legend.implied"),
        ("estimate", "report.legend.estimate"),
        ("reported", "report.legend.reported"),
        # Flagged by the row, not read from the unit: "triệu đồng/người/năm" also ends in "/năm".
        ("per_year", "report.legend.reduce"),
        ("pending", "pending.legend"),
        ("period_unstated", "report.legend.unstated"),
    )
    said = [t(key, lang) for flag, key in flags if any(getattr(r, flag) for r in rows)]
    kinds = abbreviations((r.target_kind for r in rows), lang)
    return [*said, kinds] if kinds else said


def abbreviations(kinds: Iterable[str], lang: Lang) -> str:
    """The note that spells out the kinds of target the rows abbreviate: "NQ: Nghị quyết; KH: Kế hoạch"."""
    shown = set(kinds)
    pairs = [
        (t(f"kind_short.{k.value}", lang), t(f"kind.{k.value}", lang)) for k in TargetKind if k.value in shown
    ]
    # "Plan: Plan" explains nothing: an abbreviation is one only where it differs from the word.
    used = [f"{short}: {full}" for short, full in pairs if short != full]
    return t("report.legend.kinds", lang).format(kinds="; ".join(used)) if used else ""
