"""The appendix's lines as text with their flags, and the figures a line shows: shared by both reports."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from indicators.core.model import ObsKind
from indicators.text import fmt
from indicators.text.fmt import Lang

# One row of an engine's output as a plain mapping: column → value.
Record = Mapping[str, Any]
# Targets set for a whole term (resolution, programme), read before a year's plan.
TERM_KINDS = ("NQ", "DA")


def num(value: object, lang: Lang, decimals: int | None = None) -> str:
    """A number as the document prints it ("2.503,3")."""
    return fmt.number(value, lang, decimals)


@dataclass(frozen=True)
class Row:
    """One line of the appendix table, as text, with the engine's numbers kept for checking."""

    stt: str
    indicator: str
    unit: str
    target: str
    actual: str
    pct: str
    status: str
    group: bool = False  # a domain's heading line
    code: str = ""
    target_value: float = math.nan  # the figure shown, after rounding an implied target
    actual_value: float = math.nan
    pct_value: float = math.nan
    # What the figures are, so the legend is decided from the rows, never by searching their text.
    estimate: bool = False
    implied: bool = False
    qualifier: str = ""
    period_sum: bool = False
    per_year: bool = False  # a cut a year ("giảm bình quân mỗi năm"): target and actual are per year
    yes_no: bool = False
    reported: bool = False  # the % is the report's own, with no figures to compute it from
    target_kind: str = ""  # the code of the document that states the target (NQ, KH …), for the notes
    pending: bool = False  # the actual is not yet approved (a báo cáo asked for with such figures)
    period_unstated: bool = False  # the source gives the actual without its year


@dataclass(frozen=True)
class AreaRow:
    """One line of the comparison appendix: a child area, the parent's total, or an indicator's heading."""

    stt: str
    area: str  # the area's name; on a heading line, the indicator and its unit
    target: str
    actual: str
    pct: str
    status: str
    group: bool = False  # an indicator's heading line
    parent: bool = False  # the parent's total (bold)
    code: str = ""  # the indicator
    area_code: str = ""
    target_value: float = math.nan  # the figures shown, for checking against the engine
    actual_value: float = math.nan
    pct_value: float = math.nan
    # What the figures are, so the legend is decided from the rows, never by searching their text.
    estimate: bool = False
    implied: bool = False
    qualifier: str = ""
    reported: bool = False
    per_year: bool = False  # no comparison line is a cut a year; the notes ask every table the same
    target_kind: str = ""  # the code of the document that states the target, where one is printed
    pending: bool = False  # the figure (or a total holding one) is not yet approved
    period_unstated: bool = False  # the source gives the actual without its year


def shown_pct(row: Record) -> float:
    """The % the report shows for a result: computed, rounded as the report printed its own."""
    if row["status_basis"] == "reported":
        return float(row["reported_pct"])
    return fmt.pct_as_printed(float(row["attainment_pct"]), row["reported_pct"])


def implied(rows: pd.DataFrame) -> pd.Series:
    """Targets worked back from a printed %: the engine's basis column where it has one."""
    if "target_basis" in rows:
        return rows["target_basis"].astype(str).eq("implied")
    return rows["target_derived"].astype(bool)


def estimate(kinds: pd.Series) -> pd.Series:
    """Which actuals are estimates, from their kind."""
    return kinds.astype(str).eq(ObsKind.ESTIMATE.value)
