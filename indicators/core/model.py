"""The data model: tables, their columns and the closed vocabularies they use."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd


class Direction(StrEnum):
    """Whether a larger value is better or worse."""

    HIGHER = "higher"
    LOWER = "lower"
    # Neither: a planned consolidation (schools "sắp xếp lại") or a structure share. No status.
    NEUTRAL = "neutral"


class ValueKind(StrEnum):
    """How a value is to be read."""

    LEVEL = "level"  # a level at the end of the year (income per head)
    COUNT = "count"  # a number of things at the end of the year (communes, schools)
    SHARE = "share"  # a percentage or per-mille rate
    CHANGE_PER_YEAR = "change_per_year"  # an average change per year over a term
    TERM_TOTAL = "term_total"  # a sum over the term ending in the given year
    YES_NO = "yes_no"  # met (1) or not met (0): "Huyện đạt chuẩn nông thôn mới"


class ObsKind(StrEnum):
    """What an observation is: a level or a stated change, each final (official) or an estimate.

    An estimate (ước thực hiện) and the later official figure for the same indicator, area and
    year are both kept; wherever a figure is used the official one supersedes the estimate.
    """

    ACTUAL = "actual"  # thực hiện: the official level
    ESTIMATE = "estimate"  # ước thực hiện: a level given before the year ended
    CHANGE = "change"  # change from base_year to year, in the indicator's unit (points for a rate)
    CHANGE_PER_YEAR = "change_per_year"  # average change a year from base_year to year
    CHANGE_ESTIMATE = "change_estimate"  # a change given before the year ended
    CHANGE_PER_YEAR_ESTIMATE = "change_per_year_estimate"  # a yearly change given before the year ended
    TOTAL = "total"  # the whole a count is out of: 17 in "17/17 chỉ tiêu"


# The estimate kind of each final kind: the official figure supersedes it.
ESTIMATE_OF: dict[str, str] = {
    ObsKind.ACTUAL.value: ObsKind.ESTIMATE.value,
    ObsKind.CHANGE.value: ObsKind.CHANGE_ESTIMATE.value,
    ObsKind.CHANGE_PER_YEAR.value: ObsKind.CHANGE_PER_YEAR_ESTIMATE.value,
}
ESTIMATE_KINDS = frozenset(ESTIMATE_OF.values())
CHANGE_KINDS = frozenset(
    {ObsKind.CHANGE, ObsKind.CHANGE_PER_YEAR, ObsKind.CHANGE_ESTIMATE, ObsKind.CHANGE_PER_YEAR_ESTIMATE}
)


class TargetKind(StrEnum):
    """The document that states the target."""

    RESOLUTION = "NQ"  # Nghị quyết Đại hội
    GOALS = "MT"  # the report's own "mục tiêu cụ thể" for 2020–2025 (not said to be a resolution's)
    PLAN = "KH"  # Kế hoạch năm
    PROGRAMME = "DA"  # Đề án
    QUOTA = "GIAO"  # chỉ tiêu giao


class Comparator(StrEnum):
    """How the actual is compared with the target value."""

    AT_LEAST = "at_least"  # đạt trên / đạt: actual ≥ target
    AT_MOST = "at_most"  # dưới / còn: actual ≤ target (a ceiling)
    REDUCE_BY = "reduce_by"  # giảm bình quân N/năm: value is the reduction a year
    # The rest of a whole after the headline share ("70% tốt, 30% khá"): not a floor, never judged alone.
    REMAINDER = "remainder"
    YES = "yes"  # a yes/no goal: met when the figure is 1 (đạt), not met at 0


class TargetBasis(StrEnum):
    """Where a target's number comes from."""

    STATED = "stated"  # the document prints the number
    IMPLIED = "implied"  # worked back from a printed % (actual ÷ %): never an independent check
    NONE = "none"  # no number at all (the report prints only a %)


class AttainmentBasis(StrEnum):
    """Where an attainment % comes from."""

    COMPUTED = "computed"  # actual ÷ target
    PRINTED = "printed"  # the report's own % (an implied target's actual is unchanged, or no target)
    NONE = "none"


class Status(StrEnum):
    """The report's three status words, plus the honest fourth: no figure to judge."""

    EXCEEDED = "vuot"
    MET = "dat"
    NOT_MET = "khong_dat"
    NO_DATA = "no_data"
    NOT_JUDGED = "khong_danh_gia"  # a neutral direction or a remainder share: no better or worse


class ProgressStatus(StrEnum):
    """Open SDG / Statistics Canada progress categories toward a goal."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    MODERATE = "moderate"
    LIMITED = "limited"
    MOVING_AWAY = "moving_away"
    NO_DATA = "no_data"  # no figure after the baseline yet
    NOT_YET = "not_yet"  # a yes/no goal not met yet
    MISSED_YEAR = "missed_year"  # an every-year goal missed in the latest year
    NOT_JUDGED = "not_judged"  # a neutral direction or a remainder share
    # Once the goal year's own figure is in, progress gives way to the term's result: the
    # attainment rule's words (the same codes as Status), no longer a pace.
    EXCEEDED = "vuot"
    MET = "dat"
    NOT_MET = "khong_dat"


class LinkPart(StrEnum):
    """How much of a former unit went into a new one."""

    WHOLE = "whole"  # nhập toàn bộ, giữ nguyên
    PART = "part"  # nhập một phần


class AggregationRule(StrEnum):
    """How child areas' figures make their parent's."""

    SUM = "sum"  # counts, areas, money
    RATIO = "ratio"  # Σ numerator ÷ Σ denominator, times the unit's scale (% or ‰)
    WEIGHTED = "weighted"  # per head: Σ (value × population) ÷ Σ population; denominator = population code
    NONE = "none"  # not added up


class AreaLevel(StrEnum):
    """Levels of the administrative hierarchy."""

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


DOMAINS: tuple[str, ...] = (
    "economy",
    "education",
    "health",
    "culture",
    "poverty_jobs",
    "defence_security",
    "political_system",
    "new_rural",
    "tea",
    "tourism",
    "population",
    "commendations",
)


@dataclass(frozen=True)
class Table:
    """One table of the model: its name, the sheet it lives on and its columns in order."""

    name: str
    sheet: str
    columns: tuple[str, ...]
    key: tuple[str, ...]


# The long ("tidy") layout. Column names are the canonical English names; the workbook
# shows Vietnamese headers (see indicators/excel/workbook.py) that map onto these.
INDICATORS = Table(
    "indicators",
    "ChiTieu",
    (
        "code",
        "name_vi",
        "name_en",
        "domain",
        "unit",
        "unit_en",
        "direction",
        "value_kind",
        "recipient",  # commendations only: tap_the (collective) or ca_nhan (individual)
        "award_level",  # commendations only: state, government, province, grassroots
        # What the indicator means (as Open SDG and Our World in Data carry it).
        "definition",
        "unit_meaning",
        "computation",
        "aggregation",
        "source",
    ),
    ("code",),
)
OBSERVATIONS = Table(
    "observations",
    "SoLieu",
    (
        "code",
        "area",
        "year",
        "kind",
        "base_year",
        "value",
        "qualifier",
        "section",
        "quote",
        "note",
        # True where the source gives the figure without its year ("đạt khoảng 300.000 lượt" in a
        # five-year section): it is filed under the term's last year but is never said as that year's.
        # Last, so the sheet's earlier columns keep their places.
        "period_unstated",
    ),
    ("code", "area", "year", "kind"),
)
TARGETS = Table(
    "targets",
    "MucTieu",
    (
        "code",
        "area",
        "year",
        "term",
        "target_kind",
        "comparator",
        "value",
        # The source's own word before the number ("trên 45 triệu", "dưới 27,6%"); "" where it has none.
        "qualifier",
        "derived",  # True where the report prints only a % and the target is actual ÷ % (implied)
        "yearly",  # True for "Hàng năm …": a target for every year of the term, not only the last
        "section",
        "quote",
        "note",
    ),
    ("code", "area", "year", "target_kind"),
)
REPORTED = Table(
    "reported",
    "TyLeBaoCao",
    ("code", "area", "year", "target_kind", "reported_pct", "section", "quote"),
    ("code", "area", "year", "target_kind"),
)
# Official codes of the national statistics office. A code can name two units over time (the new
# Bình Lư commune took 03390, the former Tam Đường town's code), so a unit is a code and the day
# it took effect ("" where the list does not say); figures name the unit valid in their year.
AREAS = Table(
    "areas",
    "DiaBan",
    ("code", "name", "level", "parent", "valid_from", "valid_to"),
    ("code", "valid_from"),
)
# Which former units a unit was formed from, on the day it took effect (Resolution 1670/NQ-UBTVQH15
# for Lai Châu): the whole of a former unit or a part of it, with the share of it when known.
AREA_LINKS = Table(
    "area_links",
    "NguonGoc",
    ("code", "from_code", "date", "part", "share", "source"),
    ("code", "from_code", "date"),
)
# How an indicator adds up from child areas to their parent (indicators/areas/aggregate.py). An indicator
# without a row gets the rule its unit implies; a rate needs its numerator and denominator.
AGGREGATION = Table(
    "aggregation_rules",
    "TongHop",
    ("code", "rule", "numerator", "denominator", "note"),
    ("code",),
)

TABLES: tuple[Table, ...] = (INDICATORS, OBSERVATIONS, TARGETS, REPORTED, AREAS, AREA_LINKS, AGGREGATION)

# Qualifiers the report puts before a number, a figure's or a target's ("khoảng 300.000", "trên 4.220",
# "dưới 27,6%"). They hedge the number; whether a target is a floor or a ceiling is its comparator's.
QUALIFIERS: tuple[str, ...] = ("", "khoang", "tren", "duoi")

# Plausible years for a district's socio-economic series.
YEAR_MIN, YEAR_MAX = 1975, 2100

# Column types; every other column is text. Nullable integers keep "no base year" as <NA>.
_INT_COLUMNS = {"year": "int64", "base_year": "Int64"}
_FLOAT_COLUMNS = {"value", "reported_pct", "share"}
_BOOL_COLUMNS = {"derived", "yearly", "period_unstated"}
_TRUE_WORDS = {"true", "1", "1.0", "yes", "x", "co", "có"}
# pandas' own text type, which `astype(str)` gives: a column already of it needs no conversion.
_TEXT = pd.StringDtype(na_value=float("nan"))


def coerce(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with exactly the table's columns, in order, with the model's types."""
    rows = len(frame)
    if rows == 0:
        return empty(table)  # no value to convert: every empty frame types alike
    if not (isinstance(frame.index, pd.RangeIndex) and frame.index.equals(pd.RangeIndex(rows))):
        frame = frame.set_axis(pd.RangeIndex(rows), axis=0)  # numbered 0..n-1 once, not column by column
    # Built into a dict and made a frame once: inserting column by column re-copies the frame's
    # columns at every insert under copy-on-write (the profile's largest share of Store.load).
    typed = {column: _typed(column, frame.get(column), rows) for column in table.columns}
    # The input's own index: columns that kept it need no aligning to a new one.
    return pd.DataFrame(typed, index=frame.index, copy=False)


def _typed(column: str, values: pd.Series | None, rows: int) -> pd.Series:
    """One column with the model's type; None where the frame lacks the column."""
    if column in _INT_COLUMNS:
        return _integers(column, values, rows)
    if column in _BOOL_COLUMNS:
        return _flags(values, rows)
    if column in _FLOAT_COLUMNS:
        return _floats(values, rows)
    return _texts(values, rows)


def _integers(column: str, values: pd.Series | None, rows: int) -> pd.Series:
    """Whole numbers: `year` always given, `base_year` nullable with 0 read as none."""
    dtype = _INT_COLUMNS[column]
    if values is not None and values.dtype == dtype and not (column == "base_year" and (values == 0).any()):
        return values  # already typed (a store read, a frame already coerced): nothing to convert
    if values is None:
        values = pd.Series([pd.NA] * rows)
    numeric = pd.to_numeric(values, errors="raise")
    if column == "base_year":
        numeric = numeric.where(numeric.fillna(0) != 0)
    return numeric.astype(dtype)


def _flags(values: pd.Series | None, rows: int) -> pd.Series:
    """True for the words a person writes for yes ("x", "có", "1"), False for anything else."""
    if values is None:
        return pd.Series([False] * rows, dtype=bool)
    if values.dtype == bool:
        return values
    if values.dtype == "int64" or values.dtype == "float64":
        # A number is written "1" or "1.0" exactly when it equals 1; NaN is not equal.
        return values == 1
    return values.map(lambda v: str(v).strip().casefold() in _TRUE_WORDS).astype(bool)


def _floats(values: pd.Series | None, rows: int) -> pd.Series:
    """Real numbers; a blank cell is "not known" (a share of a former unit nobody measured), not zero."""
    if values is not None and values.dtype == "float64":
        return values
    if values is None:
        values = pd.Series([None] * rows, dtype=object)
    values = values.map(lambda v: None if isinstance(v, str) and not v.strip() else v)
    return pd.to_numeric(values, errors="raise").astype("float64")


def _texts(values: pd.Series | None, rows: int) -> pd.Series:
    """Text, with a missing cell as the empty text."""
    if values is not None and values.dtype == _TEXT and not values.array.isna().any():
        return values
    text = values if values is not None else pd.Series([""] * rows)
    return text.fillna("").astype(str)


def empty(table: Table) -> pd.DataFrame:
    """An empty frame with the table's columns and types."""
    # A copy sharing the one typed frame: under copy-on-write a change to it never reaches the original.
    return _typed_empty(table).copy(deep=False)


@functools.cache
def _typed_empty(table: Table) -> pd.DataFrame:
    """The table's empty frame, typed once: typing empty columns costs more than typing full ones."""
    typed = {column: _typed(column, None, 0) for column in table.columns}
    return pd.DataFrame(typed, index=pd.RangeIndex(0), copy=False)


@dataclass(frozen=True)
class Pending:
    """Which figures of a dataset wait for review, so that each is marked "chưa duyệt" wherever it shows.

    Keys are (code, area, year): `own` the figures sent, `totals` their parents' totals that hold them;
    `sendings` the sendings they came from, which with the version say what the data is (a cache's key).
    """

    own: frozenset[tuple[str, str, int]] = frozenset()
    totals: frozenset[tuple[str, str, int]] = frozenset()
    sendings: tuple[int, ...] = ()

    def holds(self, code: object, area: object, year: object) -> bool:
        """Whether the figure of `code` in `area` and `year` is, or adds up, one not yet approved."""
        if not self.sendings or year is None or pd.isna(year) or year == "":
            return False  # a row without a year (a target not yet reported) holds no figure
        key = (str(code), str(area), int(year))  # type: ignore[call-overload]
        return key in self.own or key in self.totals

    def in_rows(self, code: str, year: int, areas: Iterable[object], parents: Iterable[object]) -> list[bool]:
        """A comparison's rows (`areas`, `parents` True for the parent's total) marked: a unit's where
        its figure waits, the parent's total where it or any unit's does (it adds them up)."""
        is_parent = [bool(p) for p in parents]
        held = [self.holds(code, a, year) for a in areas]
        any_unit = any(h for h, p in zip(held, is_parent, strict=True) if not p)
        return [h or (p and any_unit) for h, p in zip(held, is_parent, strict=True)]


@dataclass(frozen=True)
class Dataset:
    """Every table at one version of the store."""

    indicators: pd.DataFrame
    observations: pd.DataFrame
    targets: pd.DataFrame
    reported: pd.DataFrame
    areas: pd.DataFrame
    area_links: pd.DataFrame
    aggregation_rules: pd.DataFrame
    version: int = 0
    # Figures sent but not yet approved, put over this version's for a reader who asked to see them.
    pending: Pending = Pending()

    def frame(self, table: Table) -> pd.DataFrame:
        """The frame of one table by its model description."""
        return getattr(self, table.name)

    @classmethod
    def from_frames(cls, frames: dict[str, pd.DataFrame], version: int = 0) -> Dataset:
        """A dataset from frames keyed by table name, typed; a missing table is empty."""
        typed = {t.name: coerce(t, frames[t.name]) if t.name in frames else empty(t) for t in TABLES}
        return cls(version=version, **typed)

    @classmethod
    def empty(cls) -> Dataset:
        """A dataset with no rows at all."""
        return cls.from_frames({})

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t.name: len(self.frame(t)) for t in TABLES}
