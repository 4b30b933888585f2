"""The báo cáo's results by field: paragraphs per field, the tally by kind of target, highlights, gaps."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from indicators.core import tally as core_tally
from indicators.core.model import ObsKind, Status, ValueKind
from indicators.report.shape import Part
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# The source report's fields (Phần thứ nhất, II), each gathering the store's domains.
FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("economy", ("economy", "new_rural", "tea", "tourism")),
    ("society", ("education", "health", "culture", "population", "poverty_jobs")),
    ("defence", ("defence_security",)),
    ("politics", ("political_system",)),
)
_HIGHLIGHTS = 5
Record = Mapping[str, Any]


def field_parts(sentences: dict[str, list[str]], lang: Lang) -> list[Part]:
    """One part per field that has anything to say, one paragraph per domain inside it."""
    parts = []
    for field, domains in FIELDS:
        paragraphs = [" ".join(sentences[d]) for d in domains if sentences.get(d)]
        if paragraphs:
            parts.append(Part(t(f"report.field.{field}", lang), paragraphs))
    return parts


def tally(results: pd.DataFrame, lang: Lang) -> str:
    """The results counted by kind of target, as the source counts them: never two kinds in one sum."""
    clauses = []
    for group in core_tally.by_kind(results):
        pieces = [
            t(f"report.tally_status.{s}", lang).format(n=fmt.number(group.counts[s], lang))
            for s in core_tally.COUNTED
            if group.counts[s]
        ]
        n = fmt.number(group.n, lang)
        label = t(f"report.tally_kind.{group.kind}", lang).format(y=group.plan_year)
        clause = t("report.tally_clause", lang).format(kind=label, n=n, statuses=", ".join(pieces))
        clauses.append(clause if pieces else clause.split(" (")[0])
    return t("report.tally_by_kind", lang).format(clauses="; ".join(clauses)) if clauses else ""


def highlights(
    results: pd.DataFrame, names: Mapping[str, str], shown: Callable[[Record], tuple[float, str]], lang: Lang
) -> list[str]:
    """The results furthest above their targets, highest % first: "- số lượt khách du lịch đạt 500% …".

    `shown` gives a result's % and its words ("đạt 500% chỉ tiêu Đề án", a cut as the cut it is).
    """
    items = []
    for row in results.to_dict("records"):
        if row["status"] == Status.EXCEEDED.value and row["code"] in names:
            pct, words = shown(row)
            items.append((pct, t("report.highlight", lang).format(name=names[row["code"]], words=words)))
    picked = [text for _, text in sorted(items, key=lambda item: -item[0])[:_HIGHLIGHTS]]
    if picked:
        picked[-1] = picked[-1].removesuffix(";") + "."
    return picked


def shortfalls(results: pd.DataFrame, names: dict[str, str], lang: Lang) -> list[str]:
    """What the figures say about what fell short: targets not met, and targets with no figure yet."""
    if results.empty:
        return []
    rows = core_tally.once(results)
    said = []
    for status, key in (
        (Status.NOT_MET.value, "report.not_met"),
        (Status.NO_DATA.value, "report.not_assessed"),
    ):
        codes = list(dict.fromkeys(rows.loc[rows["status"].astype(str) == status, "code"]))
        if codes:
            said.append(t(key, lang).format(names="; ".join(names[c] for c in codes)))
    if not any(rows["status"].astype(str) == Status.NOT_MET.value):
        judged = rows.loc[rows["status"].astype(str).isin([Status.EXCEEDED.value, Status.MET.value]), "code"]
        if not judged.empty:
            n = fmt.number(judged.nunique(), lang)
            said.insert(
                0,
                t("report.all_met", lang).format(n=n, noun=fmt.unit_after(n, t("report.noun.targets", lang))),
            )
    return said


def one_hedge(level: Record) -> Record:
    """ "khoảng 300.000" already says the figure is not exact: no "ước" before it ("ước đạt khoảng")."""
    estimate = str(level["actual_kind"]) == ObsKind.ESTIMATE.value
    figure = phrase.Figure(level["actual"], qualifier=str(level["qualifier"] or ""), estimate=estimate)
    if estimate and not phrase.estimate_marked(figure):
        return {**level, "actual_kind": ObsKind.ACTUAL.value}
    return level


def structure(
    codes: list[str],
    catalogue: dict,
    level_of: dict,
    lang: Lang,
    value_in_words: Callable[[object, str], str],
) -> str:
    """Shares of one whole in one sentence, as the source writes them: "…: nông, lâm nghiệp chiếm 37,1%"."""
    whole = str(catalogue[codes[0]]["name"]).split(": ", 1)[0]
    clauses = []
    for code in codes:
        level = level_of[code]
        part = str(catalogue[code]["name"]).split(": ", 1)[1].removesuffix(" share")
        estimate = str(level["actual_kind"]) == ObsKind.ESTIMATE.value
        key = "report.share_of_estimate" if estimate else "report.share_of"
        value = value_in_words(level["actual"], str(catalogue[code]["unit"]))
        clauses.append(f"{part} {t(key, lang).format(value=value)}")
    return f"{whole}: {'; '.join(clauses)}."


def structure_key(code: str, info: Record, level_of: dict, results_of: dict) -> str:
    """The whole a share belongs to ("Cơ cấu kinh tế"), for shares with a figure and no target."""
    shared = str(info["value_kind"]) == ValueKind.SHARE.value and ": " in str(info["name"])
    return (
        str(info["name"]).split(": ", 1)[0] if shared and code in level_of and code not in results_of else ""
    )
