"""What a year's báo cáo keeps to: the year's figures in its table, a term's sums said as the term's."""

from __future__ import annotations

import pandas as pd

from indicators.core.model import Dataset, ValueKind
from indicators.report.facts import in_sentence
from indicators.report.shape import Period
from indicators.text import phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t


def with_figures(
    results: pd.DataFrame, info: pd.DataFrame, period: Period, lang: Lang
) -> tuple[pd.DataFrame, str]:
    """A year's results that have a figure or a printed %, and the sentence naming the rest once.

    A row of dashes says nothing a reader can use; a term's table keeps its rows as they are.
    """
    if period.kind != "year" or results.empty:
        return results, ""
    empty = results["actual"].isna() & results["status_basis"].astype(str).ne("reported")
    if not empty.any():
        return results, ""
    codes = [c for c in dict.fromkeys(results.loc[empty, "code"]) if c in info.index]
    names = "; ".join(in_sentence(str(info.at[c, "name"])) for c in codes)
    sentence = t("report.legend.left_out", lang).format(year=period.end, names=names)
    return results[~empty].reset_index(drop=True), sentence


def term_sums_named(data: Dataset, view: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """A chart's labels with the term's years on each sum over a term, as its sentence and row say."""
    kinds = data.indicators.set_index("code")["value_kind"]
    summed = view["code"].map(kinds).eq(ValueKind.TERM_TOTAL.value).to_numpy()
    if not summed.any():
        return view
    out = view.copy()
    out.loc[summed, "label"] = [
        f"{label} ({phrase.period_words(phrase.Figure(0, period=phrase.summed_over(int(year))), lang)})"
        for label, year in zip(out.loc[summed, "label"], out.loc[summed, "year"], strict=True)
    ]
    return out
