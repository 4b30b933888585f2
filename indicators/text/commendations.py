"""Commendation counts by award, recipient and level, highest award first, as the report lists them."""

from __future__ import annotations

import re

import pandas as pd

from indicators.core.attainment import levels
from indicators.core.model import Dataset
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from indicators.text.labels import indicator_info

RECIPIENTS: tuple[str, ...] = ("tap_the", "ca_nhan")
LEVEL_ORDER: tuple[str, ...] = ("state", "government", "province", "grassroots")
# Award kinds highest first (DOMAIN.md), matched on the code's prefix.
AWARD_ORDER: tuple[str, ...] = (
    "KT_HCLD3",
    "CO_CP",
    "BK_TTG",
    "CSTD_TINH",
    "CO_UBND_TINH",
    "BK_CT_UBND_TINH",
    "TTLDXS",
    "TTLDTT",
    "CSTDCS",
    "LDTT",
)
_RECIPIENT_SUFFIX = re.compile(r"\s*\((tập thể|cá nhân|collectives|individuals)\)\s*$", re.IGNORECASE)


def award_name(name: str) -> str:
    """An award's name without the "(tập thể)" / "(collectives)" the indicator names carry."""
    return _RECIPIENT_SUFFIX.sub("", name)


def _award_rank(code: str) -> int:
    for i, prefix in enumerate(AWARD_ORDER):
        if code == prefix or code.startswith(prefix + "_"):
            return i
    return len(AWARD_ORDER)


def commendations(
    data: Dataset, lang: Lang, area: str | None = None, recipient: str | None = None
) -> pd.DataFrame:
    """Commendation counts: code, award, recipient, level, year, count, qualifier; highest award first."""
    ind = data.indicators[data.indicators["domain"] == "commendations"]
    info = indicator_info(data, lang)
    lv = levels(data.observations)
    lv = lv[lv["code"].isin(ind["code"])]
    if area is not None:
        lv = lv[lv["area"] == area]
    if recipient is not None:
        lv = lv[lv["code"].map(ind.set_index("code")["recipient"]) == recipient]
    if lv.empty:
        return pd.DataFrame(
            columns=["code", "award", "recipient", "level", "year", "count", "qualifier", "rank"]
        )
    meta = ind.set_index("code")
    out = pd.DataFrame(
        {
            "code": lv["code"].to_numpy(),
            "award": [award_name(str(info.at[c, "name"])) for c in lv["code"]],
            "recipient": lv["code"].map(meta["recipient"]).to_numpy(),
            "level": lv["code"].map(meta["award_level"]).to_numpy(),
            "year": lv["year"].to_numpy(),
            "count": lv["actual"].to_numpy(),
            "qualifier": lv["qualifier"].to_numpy(),
        }
    )
    level_rank = {lvl: i for i, lvl in enumerate(LEVEL_ORDER)}
    out["rank"] = [
        level_rank.get(lvl, len(LEVEL_ORDER)) * 100 + _award_rank(c)
        for lvl, c in zip(out["level"], out["code"], strict=True)
    ]
    # The latest year per award and recipient: the term's count.
    out = out.sort_values(["year"]).drop_duplicates(["code"], keep="last")
    # Collectives before individuals within an award, as the report lists them.
    out["_who"] = out["recipient"].map({"tap_the": 0, "ca_nhan": 1}).fillna(2)
    out = out.sort_values(["rank", "award", "_who"], kind="stable").drop(columns="_who")
    return out.reset_index(drop=True)


def recipient_word(recipient: str, lang: Lang) -> str:
    """ "Tập thể" or "Cá nhân"; "" for a count that belongs to neither."""
    return t(f"recipient.{recipient}", lang) if recipient in RECIPIENTS else ""


def level_totals(counts: pd.DataFrame) -> pd.DataFrame:
    """Totals by level and recipient (level, recipient, count), state level first, collectives first."""
    ranked = counts[counts["level"] != ""]
    if ranked.empty:
        return pd.DataFrame(columns=["level", "recipient", "count"])
    grouped = ranked.groupby(["level", "recipient"], as_index=False)["count"].sum()
    level_rank = {lvl: i for i, lvl in enumerate(LEVEL_ORDER)}
    grouped = grouped.assign(_rank=grouped["level"].map(level_rank).fillna(len(LEVEL_ORDER)))
    grouped = grouped.sort_values(["_rank", "recipient"], ascending=[True, False], kind="stable")
    return grouped.drop(columns="_rank").reset_index(drop=True)


def _by_level(counts: pd.DataFrame) -> pd.DataFrame:
    """One row per level id, state first: collectives, individuals, total, and share (%) of all levels."""
    totals = level_totals(counts)
    if totals.empty:
        return pd.DataFrame(columns=["level", "tap_the", "ca_nhan", "total", "share"])
    wide = totals.pivot_table(index="level", columns="recipient", values="count", aggfunc="sum", sort=False)
    wide = wide.reindex(columns=list(RECIPIENTS))
    total = wide.sum(axis=1, min_count=1)
    return pd.DataFrame(
        {
            "level": wide.index.to_numpy(),
            "tap_the": wide["tap_the"].to_numpy(),
            "ca_nhan": wide["ca_nhan"].to_numpy(),
            "total": total.to_numpy(),
            "share": (total / total.sum() * 100).to_numpy(),
        }
    )


def levels_table(counts: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Totals by level, state first: level, collectives, individuals, total, share of all (%)."""
    table = _by_level(counts)
    return table.assign(level=[t(f"level.{lvl}", lang) for lvl in table["level"]])


def finding(counts: pd.DataFrame, lang: Lang) -> str:
    """What the counts by level say, as a title: the level with most awards and its share of all."""
    table = _by_level(counts)
    if table.empty or not table["total"].sum() > 0:
        return ""
    top = table.loc[table["total"].idxmax()]
    return t("commendations.finding", lang).format(
        level=t(f"level.{top['level']}", lang).lower(),
        share=fmt.percent(fmt.round_half_up(float(top["share"]), 1), lang),
        n=fmt.number(top["total"], lang),
        total=fmt.number(table["total"].sum(), lang),
    )


def level_awards(counts: pd.DataFrame, level: str, lang: Lang) -> pd.DataFrame:
    """The awards of one level, highest first: award, recipient, count."""
    mine = counts[counts["level"] == level]
    return pd.DataFrame(
        {
            "award": mine["award"].to_numpy(),
            "recipient": [recipient_word(r, lang) for r in mine["recipient"]],
            "count": mine["count"].to_numpy(),
        }
    )


def commendations_table(counts: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Award, recipient, level and count, for reading and for Excel."""
    return pd.DataFrame(
        {
            "award": counts["award"].to_numpy(),
            "recipient": [recipient_word(r, lang) for r in counts["recipient"]],
            "level": [t(f"level.{lvl}", lang) if lvl else t("level.other", lang) for lvl in counts["level"]],
            "year": [str(int(y)) for y in counts["year"]],
            "count": counts["count"].to_numpy(),
            "note": [t(f"qualifier.{q}", lang) if q else "" for q in counts["qualifier"]],
        }
    )
