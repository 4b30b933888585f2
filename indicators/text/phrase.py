"""A figure in words, in one place: value, unit, qualifier, estimate, period, target basis, yearly, change."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from indicators.core.attainment import change_code
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# A term is five years: a figure summed over the term ending in year Y covers Y − 4 … Y (2016–2020).
TERM_YEARS = 5
# Units whose changes are in points: a share moving from 50 % to 52,75 % moved 2,75 points, not 5,5 %.
SHARE_UNITS = frozenset({"%", "‰"})
# The change units in points ("5 điểm %"): a change, not a share of something, so not "100% kế hoạch".
_POINTS = ("pp", "pp_per_year", "pm_points", "pm_points_per_year")
# Signs for a target's direction in a narrow cell; sentences use words (phrase.goal.*).
_SIGN = {"at_most": "≤"}
# The source's words that say a direction themselves ("trên 45", "dưới 27,6%"): a floor or ceiling
# they qualify takes neither its sign nor its words besides ("at least over 45", "không vượt quá dưới
# 27,6%"). "khoảng" says no direction, so "≤ khoảng 13,3 ‰" keeps both.
_DIRECTED = frozenset({"tren", "duoi"})
_QUALIFIED_GOALS = frozenset({"at_least", "at_most"})
# Goal words that already bound the figure ("at most", "không vượt quá"): a ≈ after them would stack a
# second hedge on the first, so the figure takes none (its basis note says implied). The same comparators
# in both languages: "đạt ≈ 100%" is "to reach ≈ 100%", never ≈ in one language and not the other.
_BOUNDING = frozenset({"at_most"})
# A document never breaks a line inside a unit of points: "điểm" and "%" stay on one line.
_TOGETHER = {"điểm %": "điểm\u00a0%", "điểm ‰": "điểm\u00a0‰"}


@dataclass(frozen=True)
class Figure:
    """One figure and everything that decides how it reads.

    `unit` is the indicator's unit in the reader's language (the data holds it in both);
    `period` is a year, or (first, last) for a sum over a term; `comparator`, `basis` and
    `printed_pct` describe a target: an implied one is worked back from a printed % (actual ÷ %).
    """

    value: object
    unit: str = ""
    qualifier: str = ""  # "", "khoang", "tren", "duoi": the source's own word before the number
    estimate: bool = False
    period: int | tuple[int, int] | None = None
    per_year: bool = False  # a yearly goal ("Hàng năm …"): every year of the term, not only the last
    yes_no: bool = False
    comparator: str = ""
    basis: str = "stated"  # "stated" | "implied"
    printed_pct: object = math.nan
    pending: bool = False  # sent but not yet approved, shown to a reader who asked: "(chưa duyệt)"
    # The source gives the figure without its year ("đạt khoảng 300.000 lượt" in a five-year section):
    # `period` is the year it is filed under, the last of its term, and is never said as that year.
    period_unstated: bool = False

    @property
    def implied(self) -> bool:
        """True for a target the document never prints, worked back from a printed %."""
        return self.basis == "implied"

    @property
    def period_sum(self) -> bool:
        """True for a figure summed over a term (awards, jobs created over 2016–2020)."""
        return isinstance(self.period, tuple)


def _word(value: object) -> str:
    """A code from a record, "" where the record has none (absent, NaN)."""
    return "" if fmt.is_missing(value) else str(value)


def target_figure(
    record: Mapping[str, Any], unit: str = "", period: int | tuple[int, int] | None = None
) -> Figure:
    """A target as its whole record says it: value, qualifier, comparator, basis, printed %, yearly.

    `record` is a target row (value, qualifier, derived) or a row that sets a target beside its
    actual (target, target_qualifier, target_basis or target_derived, reported_pct or reported).
    Every surface hands over the whole record, so whatever the store says of a target shows everywhere.
    """
    beside = "target" in record
    basis = _word(record.get("target_basis"))
    if basis not in ("stated", "implied"):
        derived = record.get("target_derived", record.get("derived", False))
        basis = "implied" if not fmt.is_missing(derived) and bool(derived) else "stated"
    yearly = record.get("yearly", False)
    return Figure(
        record.get("target" if beside else "value"),
        unit,
        qualifier=_word(record.get("target_qualifier" if beside else "qualifier")),
        period=period,
        per_year=not fmt.is_missing(yearly) and bool(yearly),
        comparator=_word(record.get("comparator")),
        basis=basis,
        printed_pct=record.get("reported_pct", record.get("reported", math.nan)),
    )


def summed_over(year: int) -> tuple[int, int]:
    """The years a term total given in `year` adds up: 2020 → (2016, 2020)."""
    return (int(year) - TERM_YEARS + 1, int(year))


def period_of(year: int, value_kind: str) -> int | tuple[int, int]:
    """The period a figure of this kind covers: its year, or the term it is summed over."""
    return summed_over(year) if value_kind == "term_total" else int(year)


def implied_decimals(figure: Figure) -> int | None:
    """Decimals an implied target honestly carries (None: any, the target is stated).

    The one rule, wherever a target is shown: no more significant digits than the printed % it was
    worked back from, nor more decimals than the actual it came from (target × % ÷ 100).
    """
    if not figure.implied or fmt.is_missing(figure.value) or fmt.is_missing(figure.printed_pct):
        return None
    value, printed = float(figure.value), float(figure.printed_pct)  # type: ignore[arg-type]
    # Nine decimals drop the float noise of the division the target came from (1.207,0000002 → 1.207).
    actual = round(value * printed / 100.0, 9)
    return fmt.implied_decimals(value, printed, actual)


def shown_value(figure: Figure) -> float:
    """The figure as it is shown: an implied target rounded to what its printed % supports."""
    if fmt.is_missing(figure.value):
        return math.nan
    value = float(figure.value)  # type: ignore[arg-type]
    decimals = implied_decimals(figure)
    if decimals is None:
        return value
    step = 10.0**-decimals
    return fmt.round_half_up(value / step, 0) * step if decimals < 0 else fmt.round_half_up(value, decimals)


def join(text: str, unit: str, document: bool = False) -> str:
    """A figure and its unit; a signed document writes "18,22%" with the sign against the number."""
    if document and unit in SHARE_UNITS and text != fmt.MISSING:
        return f"{text}{unit}"
    # "100% kế hoạch", "100% of plan": a share of something keeps its sign against the number too.
    points = {t(f"unit_code.{code}", lang) for code in _POINTS for lang in ("vi", "en")}
    if document and unit.startswith(("% ", "‰ ")) and text != fmt.MISSING and unit not in points:
        return f"{text}{unit}"
    joined = fmt.join_unit(text, unit)
    return keep_together(joined) if document else joined


def keep_together(text: str) -> str:
    """A document's text with "điểm %" and "điểm ‰" joined by a non-breaking space: never split."""
    for plain, joined in _TOGETHER.items():
        text = text.replace(plain, joined)
    return text


def names_unit(name: str, unit: str) -> bool:
    """Whether an English indicator name already names its unit's noun: "Hotels" and "hotels".

    "Hotels reached 3 hotels" says the noun twice; such a name takes the bare number. The unit's
    head noun (its last word before " per ", "/" or " of ") is looked for among the name's words.
    """
    noun = re.split(r" per |/| of ", unit, maxsplit=1)[0].strip().lower()
    head = noun.rsplit(" ", 1)[-1]
    if len(head) < 3 or not head.isalpha():
        return False
    stem = head.removesuffix("s")
    return any(word.removesuffix("s") == stem for word in re.findall(r"[a-z]+", name.lower()))


def unit_said(name: str, unit: str) -> bool:
    """Whether an indicator's name already says its unit: "Số khách sạn" of "khách sạn", "Hotels".

    The whole unit found as words in the name, or a count's head noun (English: names_unit). Any other
    unit with a "/" or a sign ("bác sỹ/vạn dân", "%") says more than the name and is kept.
    """
    plain = unit.strip().lower()
    if not plain:
        return False
    # The whole unit, word for word, in the name: "Doctors per 10,000 population" says its unit.
    if re.search(rf"(?<!\w){re.escape(plain)}(?!\w)", name.lower()):
        return True
    if not all(ch.isalpha() or ch == " " for ch in plain):
        return False
    return names_unit(name, unit)


def titled(name: str, unit: str, *details: str) -> str:
    """A table's heading of an indicator: "Tổng diện tích chè (ha)", never "Số khách sạn (khách sạn)".

    The one rule every table follows; `details` ("tổng giai đoạn 2016–2020") go in the same brackets.
    """
    said = [x for x in ("" if unit_said(name, unit) else unit, *details) if x]
    return f"{name} ({'; '.join(said)})" if said else name


def estimate_marked(figure: Figure) -> bool:
    """Whether an estimate carries its mark ("ước", "est."): "khoảng 300.000" already says it is not exact,
    so the source's "khoảng" stands alone, in a sentence and in a table cell alike."""
    return figure.estimate and figure.qualifier != "khoang"


def names_verb(name: str, lang: Lang) -> bool:
    """Whether a Vietnamese indicator name already holds the verb "đạt": "Số xã đạt chuẩn nông thôn mới".

    "Số xã đạt chuẩn … ước đạt 8 xã" says "đạt" twice; such a name takes its figure after a colon.
    """
    return lang == "vi" and re.search(r"(?<!\w)đạt(?!\w)", name.lower()) is not None


def yes_no(value: object, lang: Lang) -> str:
    """A yes/no figure in words: "đạt" / "chưa đạt" ("met" / "not yet met"); never 0 or 1."""
    if fmt.is_missing(value):
        return fmt.MISSING
    return t("phrase.yes" if float(value) >= 1 else "phrase.no", lang)  # type: ignore[arg-type]


def _digits(figure: Figure, lang: Lang, mark: bool = True) -> str:
    """The number alone, as precise as it honestly is, with its qualifier; ≈ before an implied one."""
    decimals = implied_decimals(figure)
    shown = shown_value(figure)
    text = fmt.number(shown, lang, max(decimals, 0) if decimals is not None else None)
    if text == fmt.MISSING:
        return text
    # A qualifier ("trên", "khoảng") is the figure's one hedge: no ≈ stacked on it.
    if figure.implied and mark and not figure.qualifier:
        text = f"≈\u202f{text}"
    if figure.qualifier:
        text = f"{t(f'phrase.qualifier.{figure.qualifier}', lang)} {text}"
    return text


def number(figure: Figure, lang: Lang, document: bool = False, mark: bool = True) -> str:
    """The figure with qualifier and unit: "trên 4.220 lượt", "≈ 43,0 %", "đạt"; no estimate mark.

    `mark=False` leaves out the ≈ of an implied figure where a "(*)" and its legend say it instead.
    """
    if figure.yes_no or figure.comparator == "yes":
        return yes_no(figure.value, lang)
    unit = figure.unit
    if figure.comparator == "reduce_by":
        # "giảm mỗi năm" already says "a year": the cut is in points for a share, "2 điểm %".
        unit = change_unit(change_code(unit, per_year=False), unit, lang)
    return join(_digits(figure, lang, mark), unit, document)


def attained(pct: str, target_kind: str, lang: Lang, cut: bool = False) -> str:
    """A result's % of its target: "đạt 118,08% Nghị quyết"; for a cut ("giảm bình quân 3 điểm %/năm")
    the % is of the cut, never a level: "bằng 150% mức giảm Nghị quyết đề ra"."""
    if cut:
        return t("phrase.attained_cut", lang).format(pct=pct, setter=t(f"phrase.setter.{target_kind}", lang))
    return t("phrase.attained", lang).format(pct=pct, kind=t(f"pct_kind.{target_kind}", lang))


def period_words(figure: Figure, lang: Lang) -> str:
    """ "tổng giai đoạn 2016–2020" for a sum over a term; "" for a year's figure."""
    if not isinstance(figure.period, tuple):
        return ""
    first, last = figure.period
    return t("phrase.period_sum", lang).format(first=first, last=last)


def unstated_words(figure: Figure, lang: Lang) -> str:
    """ "giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm": a figure the source gives without its year."""
    if not figure.period_unstated or not isinstance(figure.period, int):
        return ""
    return t("phrase.period_unstated", lang).format(first=figure.period - TERM_YEARS, last=figure.period)


def _with_unstated(text: str, figure: Figure, lang: Lang) -> str:
    """The figure's words and, for one whose year the source leaves open, that term in brackets."""
    words = unstated_words(figure, lang)
    return f"{text} ({words})" if words and text != fmt.MISSING else text


def figure_text(figure: Figure, lang: Lang, document: bool = False) -> str:
    """The figure alone: "trên 4.220 lượt", "ước 52,8 %", "tổng giai đoạn 2016–2020: trên 450 cá nhân"."""
    text = number(figure, lang, document)
    if text == fmt.MISSING:
        return text
    if estimate_marked(figure):
        text = f"{t('phrase.estimate', lang)} {text}"
    if isinstance(figure.period, tuple):
        first, last = figure.period
        text = t("phrase.period_sum_lead", lang).format(first=first, last=last, figure=text)
    return with_pending_mark(_with_unstated(text, figure, lang), figure, lang)


def with_pending_mark(text: str, figure: Figure, lang: Lang) -> str:
    """`text` of a figure not yet approved followed by "(chưa duyệt)"; any other as it is."""
    if not figure.pending or text == fmt.MISSING:
        return text
    return f"{text} ({t('pending.mark', lang)})"


def in_sentence(figure: Figure, lang: Lang) -> str:
    """The figure in a signed document's sentence: "ước trên 4.220 lượt", "over an estimated 4,220 awards".

    The estimate mark is a word, not "est.": English puts the qualifier before it ("over an estimated"),
    Vietnamese after it ("ước trên"); the sign of a share stays against its number.
    """
    text = number(replace(figure, qualifier=""), lang, document=True)
    if text == fmt.MISSING or figure.yes_no or figure.comparator == "yes":
        return text
    # "khoảng" already says the figure is not exact: no "ước khoảng" (estimate_marked).
    words = [t("phrase.estimate_word", lang)] if estimate_marked(figure) else []
    if figure.qualifier:
        qualifier = t(f"phrase.qualifier.{figure.qualifier}", lang)
        words = [*words, qualifier] if lang == "vi" else [qualifier, *words]
    return with_pending_mark(_with_unstated(" ".join([*words, text]), figure, lang), figure, lang)


def sum_qualifier(qualifiers: list[str]) -> str:
    """The qualifier of a sum of qualified figures: all "trên" (or exact) stays "trên", likewise "dưới";
    "khoảng", or "trên" beside "dưới", makes the sum "khoảng"; exact figures make an exact sum."""
    said = {q for q in qualifiers if q}
    if not said:
        return ""
    return said.pop() if len(said) == 1 and said <= {"tren", "duoi"} else "khoang"


def figure_cell(figure: Figure, lang: Lang, document: bool = False, dated: bool = False) -> str:
    """A figure in a cell: "khoảng 300.000 lượt khách (ước)", "5.150 (ước; tổng giai đoạn 2016–2020)".

    `dated` puts a year's figure's year after it, "300.000 (2020) (ước)"; a term's sum says its years, and
    a figure whose year the source leaves open says the term instead ("giai đoạn 2015–2020, …").
    """
    text = number(figure, lang, document)
    if text == fmt.MISSING:
        return text
    if dated and isinstance(figure.period, int) and not figure.period_unstated:
        text += f" ({figure.period})"
    notes = [
        t("phrase.estimate", lang) if estimate_marked(figure) else "",
        period_words(figure, lang),
        unstated_words(figure, lang),
        t("pending.mark", lang) if figure.pending else "",
    ]
    notes = [n for n in notes if n]
    return f"{text} ({'; '.join(notes)})" if notes else text


def target_cell(figure: Figure, lang: Lang, star: bool = False) -> str:
    """A target in a cell: "≈ 43 % (suy ra từ tỷ lệ …)"; with `star` "43 % (*)", a legend explains."""
    if figure.comparator == "yes":
        return t("phrase.yes", lang)
    text = number(figure, lang, mark=not star)
    if text == fmt.MISSING:
        return text
    if figure.comparator == "reduce_by":
        text = t("phrase.cell.reduce_by", lang).format(value=text)
    elif figure.comparator == "remainder":
        text = t("phrase.cell.remainder", lang).format(value=text)
    elif figure.comparator in _SIGN and figure.qualifier not in _DIRECTED:
        text = f"{_SIGN[figure.comparator]} {text}"
    if figure.implied:
        text += " " + (t("phrase.implied_star", lang) if star else f"({t('basis.implied', lang)})")
    if figure.per_year and figure.comparator != "reduce_by":  # "giảm mỗi năm" says its year already
        text = t("phrase.cell.yearly", lang).format(value=text)
    return text


def goal_clause(figure: Figure, lang: Lang, document: bool = False) -> str:
    """A target as a clause: "đạt 1.083 ha (suy ra từ …)", "hàng năm đạt 90%", "không vượt quá 27,6%",
    and as the source qualifies it: "đạt trên 45 triệu đồng" ("over 45 million dong"), "dưới 27,6%"."""
    comparator = figure.comparator or "at_least"
    # A signed sentence says an implied target's basis in words; "≈" before it as well hedges it twice.
    mark = comparator not in _BOUNDING and not (document and figure.implied)
    value = "" if comparator == "yes" else number(figure, lang, document, mark=mark)
    notes = [period_words(figure, lang), t("basis.implied", lang) if figure.implied else ""]
    notes = [n for n in notes if n]
    if notes and value != fmt.MISSING:
        value += f" ({'; '.join(notes)})"
    qualified = figure.qualifier in _DIRECTED and comparator in _QUALIFIED_GOALS
    key = f"phrase.goal.qualified.{comparator}" if qualified else f"phrase.goal.{comparator}"
    if figure.per_year and comparator == "reduce_by":
        # "Mức giảm … hàng năm 0,5‰/năm": a cut every year, not on average; it says its year itself.
        return t("phrase.goal.reduce_each_year", lang).format(value=value).strip()
    what = t(key, lang).format(value=value).strip()
    return t("phrase.goal.yearly", lang).format(what=what) if figure.per_year else what


def change_unit(code: str, unit: str, lang: Lang) -> str:
    """A change unit's code in words: "điểm %/năm", "tấn/năm"; the level's unit is the data's own."""
    if code == "unit":
        return unit
    if code == "unit_per_year":
        per_year = t("unit_code.per_year", lang).format(unit=unit)
        return unit if unit.endswith(per_year.removeprefix(unit)) else per_year
    return t(f"unit_code.{code}", lang)


def change_words(unit: str, lang: Lang, per_year: bool = False) -> str:
    """The unit of a change of a figure in `unit`: "điểm %" for a share, "điểm %/năm" a year, else `unit`."""
    return change_unit(change_code(unit, per_year), unit, lang)


def change(value: object, unit: str, lang: Lang, per_year: bool = True, document: bool = False) -> str:
    """A signed change: "+0,55 điểm %/năm" for a share (points), "+60.000 lượt khách/năm" otherwise."""
    text = fmt.signed(value, lang)
    if text == fmt.MISSING:
        return text
    words = change_unit(change_code(unit, per_year), unit, lang)
    return join(text, words, document)


def growth(pct: object, lang: Lang) -> str:
    """A compound growth rate a year, for levels only: "+8,45 %/năm"."""
    text = fmt.signed(pct, lang, 2)
    # The narrow space keeps "%" with its number, as fmt.percent does.
    return text if text == fmt.MISSING else f"{text}\u202f{t('unit_code.pct_per_year', lang)}"


def status(code: str, lang: Lang) -> str:
    """A status code in words: "vượt", "đạt", "không đạt"."""
    return t(f"status.{code}", lang)
