"""What a parent's own report says where only some of its units hold figures for the period."""

from __future__ import annotations

import pandas as pd

from indicators.areas import compare
from indicators.core.model import AreaLevel, Dataset, ObsKind
from indicators.report.facts import area_names
from indicators.report.rows import num
from indicators.report.shape import Period
from indicators.text.fmt import Lang
from indicators.text.i18n import t

_LEVEL_KINDS = (ObsKind.ACTUAL.value, ObsKind.ESTIMATE.value)


def _reporting(data: Dataset, kids: pd.DataFrame, period: Period, codes: set[str] | None) -> list[str]:
    """The units holding a figure in the period (of `codes` where given), in the hierarchy's order."""
    obs = data.observations
    held = obs[obs["area"].isin(set(kids["code"])) & obs["kind"].isin(_LEVEL_KINDS)]
    held = held[held["year"].map(lambda y: period.covers(int(y))).astype(bool)]
    if codes is not None:
        held = held[held["code"].isin(codes)]
    found = set(held["area"])
    return [str(c) for c in kids["code"] if c in found]


def sentence(
    data: Dataset, area: str, area_name: str, period: Period, period_text: str, lang: Lang, awards: bool
) -> str:
    """One sentence for a parent with no figure of its own: which of its units hold figures so far.

    A parent's figure is added up only once every unit has reported (areas/rollup.py marks the rest
    partial), so the report names the units that did rather than read as a report about nothing.
    Empty where no unit holds a figure, or where all do (the plain sentence then stands).
    """
    kids = compare.children_of(data, area, period.end)
    if kids.empty:
        return ""
    info = data.indicators.set_index("code")
    commendations = set(info.index[info["domain"] == "commendations"])
    codes = commendations if awards else set(info.index) - commendations
    reporting = _reporting(data, kids, period, codes)
    if not reporting or len(reporting) == len(kids):
        return ""
    level = str(kids["level"].mode().iloc[0]) if "level" in kids else AreaLevel.COMMUNE.value
    return t("report.units_only.awards" if awards else "report.units_only.figures", lang).format(
        area=area_name,
        period=period_text,
        n=num(len(reporting), lang),
        m=num(len(kids), lang),
        units=t(f"report.cmp.level.{level}", lang),
        names=", ".join(area_names(data, code, lang)[0] for code in reporting),
    )
