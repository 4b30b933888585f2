"""A workbook made from an older data version: the figures its upload would remove that were added since.

An upload in the long layout replaces everything for each indicator and area it holds, so a
missing-figures workbook downloaded at version 5 and uploaded at version 7 removes a figure
someone entered in version 6. The preview lists it under "removed"; this says so plainly first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from indicators import diff, fmt, labels
from indicators.fmt import Lang
from indicators.i18n import t
from indicators.model import AREAS, INDICATORS, OBSERVATIONS, TARGETS, Dataset

# Catalogue rows are never removed by an upload (diff.merge); only figures can be lost.
_CATALOGUES = (INDICATORS.name, AREAS.name)
# How many lost figures a warning names one by one; the preview below lists them all.
NAMED = 10


@dataclass(frozen=True)
class Stale:
    """The upload's file was made from `made_from`; the store is at `current`; `lost` would go."""

    made_from: int
    current: int
    lost: pd.DataFrame  # table, then the table's key columns and value: one row per figure


def added_since(preview: diff.Preview, then: Dataset) -> pd.DataFrame:
    """The rows the preview removes that the version the file was made from did not hold."""
    parts = []
    for name, change in preview.tables.items():
        if name in _CATALOGUES or change.removed.empty:
            continue
        key = list(change.table.key)
        old = pd.MultiIndex.from_frame(then.frame(change.table)[key].astype(object))
        removed = change.removed
        fresh = removed[~pd.MultiIndex.from_frame(removed[key].astype(object)).isin(old)]
        if not fresh.empty:
            parts.append(fresh.assign(table=name))
    if not parts:
        return pd.DataFrame(columns=["table", "code", "area", "year", "kind", "value"])
    return pd.concat(parts, ignore_index=True)


def check(
    made_from: int | None, current: int, preview: diff.Preview, version: Callable[[int], Dataset]
) -> Stale | None:
    """The warning's facts when a file made from an older version would remove figures added since.

    `version(n)` reads the data as it was at version n (the store keeps every version).
    """
    if made_from is None or made_from >= current or preview.empty:
        return None
    lost = added_since(preview, version(made_from))
    return Stale(made_from, current, lost) if not lost.empty else None


def _figure(data: Dataset, row: pd.Series, lang: Lang) -> str:
    """One lost figure: "Thu nhập bình quân đầu người · Huyện Tam Đường · 2025 (thực hiện): 44"."""
    info = labels.indicator_info(data, lang)
    code, area = str(row.get("code", "")), str(row.get("area", ""))
    parts = [str(info["name"].get(code, code)), labels.area_label(data, area, lang)]
    year = row.get("year")
    if not fmt.is_missing(year):
        what = str(int(year))
        kind = ""
        if row["table"] == OBSERVATIONS.name and row.get("kind"):
            kind = t("obs." + str(row["kind"]), lang).format(y="").strip()
        elif row["table"] == TARGETS.name and row.get("target_kind"):
            kind = t("kind." + str(row["target_kind"]), lang)
        what += f" ({kind})" if kind else ""
        parts.append(what)
    value = row.get("value", None)
    text = " · ".join(parts)
    return text if fmt.is_missing(value) else f"{text}: {fmt.number(value, lang)}"


def warning_text(stale: Stale, data: Dataset, lang: Lang) -> str:
    """The warning in plain words: from which version, how many figures would go, which ones."""
    lost = stale.lost
    named = [_figure(data, row, lang) for _, row in lost.head(NAMED).iterrows()]
    which = "; ".join(named)
    if len(lost) > NAMED:
        which += " " + t("stale.more", lang).format(n=fmt.number(len(lost) - NAMED, lang))
    return t("stale.warning", lang).format(
        then=stale.made_from, now=stale.current, n=fmt.number(len(lost), lang), which=which
    )
