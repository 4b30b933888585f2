"""The báo cáo's results by field: paragraphs per field, the tally by kind of target, highlights, gaps."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from indicators.core import tally as core_tally
from indicators.core.model import ObsKind, Status, TargetKind, ValueKind
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


def tally(groups: list[core_tally.KindCount], lang: Lang) -> str:
    """The results counted by kind of target, as the source counts them: never two kinds in one sum."""
    clauses = []
    for group in groups:
        pieces = [
            t(f"report.tally_status.{s}", lang).format(n=fmt.number(group.counts[s], lang))
            for s in core_tally.COUNTED
            if group.counts[s]
        ]
        n = fmt.number(group.n, lang)
        label = t(f"report.tally_kind.{group.kind}", lang).format(y=group.plan_year)
        if group.stated:
            # The plan's own count first, then the targets the store holds figures of.
            met, total = (fmt.number(v, lang) for v in group.stated)
            clause = t("report.tally_plan_stated", lang).format(kind=label, met=met, total=total)
            if group.n:
                clause += t("report.tally_plan_held", lang).format(n=n, statuses=", ".join(pieces))
        else:
            clause = t("report.tally_clause", lang).format(kind=label, n=n, statuses=", ".join(pieces))
            clause = clause if pieces else clause.split(" (")[0]
        clauses.append(clause)
    return t("report.tally_by_kind", lang).format(clauses="; ".join(clauses)) if clauses else ""


def split_plans(
    results: pd.DataFrame, levels: pd.DataFrame, groups: list[core_tally.KindCount], counting: tuple[str, ...]
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """A term report's year-plan results apart from the rest, and the levels left for the figures'
    sentences: a plan's count the plan's own sentence says is not said again as a figure."""
    plans = results[results["target_kind"].astype(str) == TargetKind.PLAN.value]
    stated = {g.plan_year for g in groups if g.stated}
    told = [c for c in counting if c in levels.index and int(levels.at[c, "year"]) in stated]
    return plans, results.drop(index=plans.index), levels.drop(index=told)


def plan_paragraphs(
    plans: pd.DataFrame,
    groups: list[core_tally.KindCount],
    info: pd.DataFrame,
    names: Mapping[str, str],
    clause: Callable[[Record], str],
    lang: Lang,
    counting: tuple[str, ...] = (),
) -> dict[str, list[str]]:
    """A term report's year plans, each in a sentence of its own, by domain: never inside the sentence
    of another year's figure. The sentence goes where the plan's count is (`counting`: the indicators
    that count a plan's targets), else where its first result is.
    """
    said: dict[str, list[str]] = {}
    for group in (g for g in groups if g.kind == TargetKind.PLAN.value):
        mine = plans[plans["year"].astype(int) == group.plan_year] if not plans.empty else plans
        mine = mine.assign(_order=[info.at[c, "order"] for c in mine["code"]]).sort_values("_order")
        records = mine.to_dict("records")
        items = [t("report.plan_item", lang).format(name=names[r["code"]], words=clause(r)) for r in records]
        owners = [c for c in counting if group.stated and c in info.index] + [str(r["code"]) for r in records]
        if owners:
            said.setdefault(str(info.at[owners[0], "domain"]), []).append(plan_sentence(group, items, lang))
    return said


def plan_sentence(group: core_tally.KindCount, items: list[str], lang: Lang) -> str:
    """A year's plan in a term report, in a sentence of its own: the plan's count and its results.

    "Năm 2019, 17/17 chỉ tiêu đạt và vượt kế hoạch; trong đó thu ngân sách … đạt 105,4% kế hoạch …"
    """
    joined = "; ".join(items)
    if group.stated:
        met, total = (fmt.number(v, lang) for v in group.stated)
        text = t("report.plan_stated", lang).format(y=group.plan_year, met=met, total=total)
        return text + (t("report.plan_among", lang).format(items=joined) if items else "") + "."
    return t("report.plan_only", lang).format(y=group.plan_year, items=joined) + "."


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


def shortfalls(
    results: pd.DataFrame, groups: list[core_tally.KindCount], names: dict[str, str], lang: Lang
) -> list[str]:
    """What the figures say about what fell short: targets not met, and targets with no figure yet.

    Where nothing fell short, the counts met or exceeded by kind of target, from the same tally as the
    results' lead (`groups`): never one sum over kinds.
    """
    rows = core_tally.once(results) if not results.empty else results
    said = []
    for status, key in (
        (Status.NOT_MET.value, "report.not_met"),
        (Status.NO_DATA.value, "report.not_assessed"),
    ):
        codes = (
            list(dict.fromkeys(rows.loc[rows["status"].astype(str) == status, "code"])) if len(rows) else []
        )
        if codes:
            said.append(t(key, lang).format(names="; ".join(names[c] for c in codes)))
    missed = [g for g in groups if g.stated and g.stated[0] < g.stated[1]]
    for group in missed:
        met, total = group.stated or (0, 0)
        said.append(
            t("report.plan_missed", lang).format(
                y=group.plan_year, n=fmt.number(total - met, lang), total=fmt.number(total, lang)
            )
        )
    if not missed and not any(g.counts[Status.NOT_MET.value] for g in groups):
        clauses = [_met_clause(g, lang) for g in groups if g.stated or g.judged]
        if clauses:
            said.insert(0, t("report.all_met", lang).format(clauses=", ".join(clauses)))
    return said


def _met_clause(group: core_tally.KindCount, lang: Lang) -> str:
    """ "theo Nghị quyết 12/12": a kind of target's results met or exceeded, out of those judged."""
    good, judged = group.stated or (group.good, group.judged)
    label = t(f"report.tally_kind.{group.kind}", lang).format(y=group.plan_year)
    return t("report.all_met_clause", lang).format(
        kind=label, good=fmt.number(good, lang), n=fmt.number(judged, lang)
    )


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
