"""The notes under the báo cáo's tables: what their abbreviations stand for."""

from __future__ import annotations

from indicators.core.model import TargetKind
from indicators.text.fmt import Lang
from indicators.text.i18n import t


def abbreviations(targets: list[str], lang: Lang) -> str:
    """The note that spells out the kinds of target the table abbreviates: "NQ: Nghị quyết; KH: Kế hoạch"."""
    pairs = [(t(f"kind_short.{kind.value}", lang), t(f"kind.{kind.value}", lang)) for kind in TargetKind]
    used = [
        f"{short}: {full}"
        for short, full in pairs
        # "Plan: Plan" explains nothing: an abbreviation is one only where it differs from the word.
        if short != full and any(text.startswith(f"{short}:") for text in targets)
    ]
    return t("report.legend.kinds", lang).format(kinds="; ".join(used)) if used else ""
