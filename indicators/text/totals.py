"""How a parent's total of its units is said: how many reported, and whether a partial one is judged."""

from __future__ import annotations

from collections.abc import Mapping

from indicators.text import fmt
from indicators.text.cards import counted
from indicators.text.fmt import Lang
from indicators.text.i18n import t


def units_word(level: object, lang: Lang) -> str:
    """The units a total adds up, in the plural the sentence needs: "xã", "huyện" / "communes"."""
    key = f"agg_units.{level}"
    return t(key, lang) if t(key, lang) != key else t("rollup.units", lang)


def reported(mark: Mapping[str, object], lang: Lang) -> str:
    """Under a parent's total: "2/38 xã đã báo cáo · tổng chưa đủ" or "tổng của cả 38 xã"."""
    numbers = {
        "n": fmt.number(int(str(mark["reported"])), lang),
        "m": fmt.number(int(str(mark["expected"])), lang),
        "units": units_word(mark["units"], lang),
    }
    key = "rollup.complete" if str(mark["mark"]) == "complete" else "rollup.partial"
    return t(key, lang).format(**numbers)


def partial_reason(mark: Mapping[str, object], lang: Lang) -> str:
    """Why a verdict is held back: "tổng chưa đủ: 1/8 huyện đã báo cáo năm 2020"."""
    return t("rollup.why_partial", lang).format(
        n=fmt.number(int(str(mark["reported"])), lang),
        m=fmt.number(int(str(mark["expected"])), lang),
        units=units_word(mark["units"], lang),
        y=int(str(mark["year"])),
    )


def unjudged_line(n: int, lang: Lang) -> str:
    """Where partial totals are left unjudged: "2 chỉ tiêu không đánh giá: tổng chưa đủ, …"."""
    return t("rollup.unjudged", lang).format(n=counted(n, "overview.targets", lang))
