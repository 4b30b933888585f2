"""What the báo cáo reads from the engines: the catalogue, the area's names, levels, results, goals' year."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from indicators.areas import hierarchy as areas
from indicators.core import attainment, tally
from indicators.core import terms as core_terms
from indicators.core.lookup import levels_of, term_start
from indicators.core.model import Dataset
from indicators.report.shape import Period, ReportError
from indicators.rounds import pending_view
from indicators.store import seed
from indicators.text.fmt import Lang
from indicators.text.i18n import t

_AREA_PREFIX = re.compile(r"^(Tỉnh|Huyện|Xã|Phường|Thị trấn|Thành phố)\s+", re.IGNORECASE)


def following_term(data: Dataset, period: Period) -> str:
    """The term after a term's report, as people write it ("2020 – 2025"): the data's own, else as long.

    Part two looks ahead to those years by name, even before the store holds their goals.
    """
    named = [x for x in core_terms.catalogue(data) if x.start == period.end and x.end > x.start]
    end = min(x.end for x in named) if named else period.end + (period.end - period.start)
    return f"{period.end} – {end}"


def area_names(data: Dataset, area: str, lang: Lang) -> tuple[str, str]:
    """The area in a sentence ("huyện Tam Đường") and as a place name ("Tam Đường")."""
    row = data.areas[data.areas["code"] == area]
    if row.empty:
        return area, area
    name = str(row["name"].iloc[0])
    place = _AREA_PREFIX.sub("", name)
    if lang == "en":
        return areas.name_in(name, lang), place
    return name[:1].lower() + name[1:] if place != name else name, place


def catalogue(data: Dataset, lang: Lang) -> pd.DataFrame:
    """The indicators in the reader's language: name, unit, domain, kind, direction, catalogue order."""
    info = data.indicators.set_index("code")
    name = info["name_en"] if lang == "en" else info["name_vi"]
    unit = info["unit_en"] if lang == "en" else info["unit"]
    out = pd.DataFrame(
        {
            "name": name.where(name.astype(str) != "", info["name_vi"]),
            "unit": unit.where(unit.astype(str) != "", info["unit"]),
            "domain": info["domain"],
            "value_kind": info["value_kind"],
            "recipient": info["recipient"],
            "direction": info["direction"],
            "unit_vi": info["unit"],
        }
    )
    out["order"] = range(len(out))
    # The source's order where the indicator is the source's; one added later comes after, in code order.
    known = seed.source_order()
    out["source_order"] = [known.get(str(code), len(known) + i) for i, code in enumerate(out.index)]
    return out


def levels_in(lv: pd.DataFrame, area: str, period: Period) -> pd.DataFrame:
    """The latest level of each indicator within the period, with the one before it for comparison."""
    lv = lv[lv["area"] == area]
    inside = lv[[period.covers(int(y)) for y in lv["year"]]] if not lv.empty else lv
    latest = inside.sort_values("year").drop_duplicates("code", keep="last")
    earlier = lv.set_index(["code", "year"])["actual"]
    before = [
        earlier.get((c, (period.start if period.kind == "term" else int(y) - 1)), np.nan)
        for c, y in zip(latest["code"], latest["year"], strict=True)
    ]
    return latest.assign(before=before).set_index("code")


def stated_changes(data: Dataset, area: str, period: Period) -> pd.DataFrame:
    """Changes the report states from the term's first year ("tăng 1.050,2 tỷ đồng so với 2015")."""
    if period.kind != "term":
        return data.observations.iloc[0:0].set_index("code")
    # The engine's own pick: the official change where there is one, else the estimate.
    obs = attainment.stated_changes(data.observations)
    keep = (obs["area"] == area) & (obs["year"] == period.end) & obs["base_year"].fillna(-1).eq(period.start)
    return obs[keep].drop_duplicates("code").set_index("code")


def stated_plans(
    data: Dataset, area: str, all_levels: pd.DataFrame, period: Period
) -> dict[int, tuple[int, int]]:
    """The source's own counts of the plans of the period's years ("17/17 chỉ tiêu"), by year."""
    observations = data.observations[data.observations["area"] == area]
    stated = tally.stated_plans(data.indicators, all_levels, observations)
    return {year: count for year, count in stated.items() if period.covers(year)}


def results_in(data: Dataset, area: str, period: Period) -> pd.DataFrame:
    """The engine's results against targets in the years the period covers."""
    rows = attainment.compute(data, area=area)
    if rows.empty:
        return rows
    return rows[[period.covers(int(y)) for y in rows["year"]]].reset_index(drop=True)


def goal_year(data: Dataset, area: str, period: Period) -> int | None:
    """The goals a report speaks of: the next term's (set at the term's end), else the period's own."""
    targets = data.targets[data.targets["area"] == area]
    if targets.empty:
        return None
    starts = pd.Series(term_start(targets["term"], targets["year"]), index=targets.index)
    multi = targets["year"] - starts > 1
    if period.kind == "term":
        following = targets[multi & (starts == period.end)]
        if not following.empty:
            return int(following["year"].max())
        own = targets[multi & (targets["year"] == period.end)]
        return int(period.end) if not own.empty else None
    running = targets[multi & (starts < period.end) & (targets["year"] >= period.end)]
    return int(running["year"].min()) if not running.empty else None


def period_text(period: Period, lang: Lang) -> str:
    """The period in a sentence: "giai đoạn 2015 – 2020" / "the 2015 – 2020 term"."""
    key = "report.period_term" if period.kind == "term" else "report.period_year"
    return t(key, lang).format(p=period.label)


def in_sentence(name: str) -> str:
    """A name inside a sentence: "Số lượt khách" → "số lượt khách"; "GRDP" stays as it is."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


@dataclass
class Facts:
    """What the engines say about the area and period, gathered once."""

    info: pd.DataFrame
    area_name: str
    place: str
    all_levels: pd.DataFrame
    levels: pd.DataFrame
    results: pd.DataFrame
    period_text: str
    goals: list[str] = field(default_factory=list)
    goal_span: str | None = None


def gather(data: Dataset, area: str, period: Period, lang: Lang) -> Facts:
    """The area's names, levels and results in the period; a plain error for an unknown area."""
    if area not in set(data.areas["code"]):
        # Only the areas that have figures: a province's list of units would bury the answer.
        with_figures = sorted(set(data.observations["area"]) & set(data.areas["code"]))
        known = ", ".join(with_figures[:12]) + (" …" if len(with_figures) > 12 else "") or "—"
        raise ReportError("report.err.area", area=area, known=known)
    info = catalogue(data, lang)
    area_name, place = area_names(data, area, lang)
    all_levels = levels_of(data).frame()  # the levels attainment judged by, built once per dataset
    # Figures not yet approved, in a báo cáo asked for with them, carry a "pending" flag to their words.
    all_levels = pending_view.flagged(all_levels[all_levels["area"] == area], data.pending)
    return Facts(
        info,
        area_name,
        place,
        all_levels,
        levels_in(all_levels, area, period),
        pending_view.flagged(results_in(data, area, period), data.pending),
        period_text(period, lang),
    )


def holds_pending(facts: Facts) -> bool:
    """Whether the area's figures in the period hold one not yet approved (a báo cáo asked for with them)."""
    return any("pending" in frame and bool(frame["pending"].any()) for frame in (facts.levels, facts.results))
