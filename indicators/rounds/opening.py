"""Opening a round from a form: the period's first day, a suggested deadline, the parents, the preview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from indicators.areas import hierarchy
from indicators.core.model import AreaLevel
from indicators.store import scope
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import ByLang, Message, msg, t

# The choices of the form's period, as `open_round` takes them: None is the whole year.
HALVES: tuple[int | None, ...] = (None, 1, 2)
# The day of the period's last month the form suggests. Only a suggestion an analyst changes at will:
# no legal deadline is implied (the round's deadline is whatever the analyst sets).
SUGGESTED_DAY = 14


def period_start(year: int, half: int | None) -> date:
    """The first day of the period: 1 January, or 1 July for the second half."""
    return date(year, 7 if half == 2 else 1, 1)


def period(year: int, half: int | None) -> Message:
    """The period in words: "năm 2026", "6 tháng đầu năm 2026"."""
    return msg("rounds.period_year" if half is None else f"rounds.period_half_{half}", year=year)


def day(when: date) -> ByLang:
    """A day as each language writes it, for a message: 1/7/2026, 1 Jul 2026."""
    return ByLang(fmt.day(when.isoformat(), "vi"), fmt.day(when.isoformat(), "en"))


def suggested_due(year: int, half: int | None) -> date:
    """The form's default deadline: the 14th of the period's last month (June for the first half)."""
    return date(year, 6 if half == 1 else 12, SUGGESTED_DAY)


def parent_choices(areas: pd.DataFrame, own_area: str | None, year: int | None = None) -> list[str]:
    """The parents the account may open a round for: its own area first, then the units under it that have
    units of their own; every parent for an account without an area (an admin). With `year`, only parents
    that have units under them that year (a district abolished in 2025 asks nothing of 2026), provinces
    first: the picker opens on the parent a round is most often for."""
    found = hierarchy.parents(areas)
    if year is not None:
        found = found[[not hierarchy.children(areas, str(c), year).empty for c in found["code"]]]
    rank = {AreaLevel.PROVINCE.value: 0, AreaLevel.DISTRICT.value: 1}
    found = found.assign(_rank=found["level"].map(rank).fillna(2)).sort_values("_rank", kind="stable")
    options = found["code"].astype(str).tolist()
    if own_area is None:
        return options
    allowed = scope.descendants(areas, own_area)
    under = [c for c in options if c in allowed and c != own_area]
    return [own_area, *under]


def codes_of(indicators: pd.DataFrame, domain: str | None) -> list[str]:
    """The catalogue's codes in `domain` (every domain for None), in code order."""
    shown = indicators if domain is None else indicators[indicators["domain"] == domain]
    return sorted(shown["code"].astype(str))


def round_label(year: int, half: int | None, area: str, due: date, lang: Lang) -> str:
    """ "Năm 2026, 6 tháng đầu năm · Tỉnh Lai Châu · hạn 14/6/2026": a round as a reader names it."""
    period = t(f"rounds.half_{half}", lang) if half else ""
    return t("rounds.round_label", lang).format(
        year=year, half=period, area=area, due=fmt.day(due.isoformat(), lang)
    )


@dataclass(frozen=True)
class Preview:
    """What a round would ask for: how many units, how many indicators, how many figures, by when."""

    areas: int
    indicators: int
    due: date

    @property
    def figures(self) -> int:
        """How many figures the round expects in all."""
        return self.areas * self.indicators


def preview(areas: pd.DataFrame, parent: str, year: int, indicators: int, due: date) -> Preview:
    """The round's size: the units directly under `parent` at the end of `year`, times the indicators."""
    units = hierarchy.children(areas, parent, year)["code"].nunique()
    return Preview(int(units), indicators, due)


def preview_line(found: Preview, lang: Lang) -> str:
    """ "38 đơn vị × 40 chỉ tiêu = 1.520 số liệu, hạn 14/12/2026", in the reader's language."""
    return t("rounds.open.preview", lang).format(
        areas=fmt.number(found.areas, lang),
        indicators=fmt.number(found.indicators, lang),
        figures=fmt.number(found.figures, lang),
        due=fmt.day(found.due.isoformat(), lang),
    )
