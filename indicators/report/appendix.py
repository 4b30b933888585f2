"""The appendix table of results against targets, line by line, and the notes its lines need."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from indicators.core.model import DOMAINS, Comparator, ObsKind, ValueKind
from indicators.report import legend as report_legend
from indicators.report.rows import TERM_KINDS, Record, Row, estimate, implied, num, shown_pct
from indicators.report.shape import ROMAN
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t


def table(info: pd.DataFrame, results: pd.DataFrame, levels: pd.DataFrame, lang: Lang) -> list[Row]:
    """The table's lines; `levels` (by code and year) gives each actual's kind and the source's qualifier."""
    if results.empty:
        return []
    catalogue = info.to_dict("index")
    levels_kind = _by_key(levels["actual_kind"])
    frame = results.assign(_implied=implied(results).to_numpy())
    if "qualifier" not in frame:
        # The actual's "khoảng", "trên" as the body says it; a cut a year is a change, not that level.
        said = _by_key(levels["qualifier"].fillna("").astype(str))
        frame["qualifier"] = [
            "" if comparator == Comparator.REDUCE_BY.value else said.get((c, int(y)), "")
            for c, y, comparator in zip(frame["code"], frame["year"], frame["comparator"], strict=True)
        ]
    # The source's figures given without their year: the cell says so, never passing them as the year's.
    unstated = _by_key(levels["period_unstated"]) if "period_unstated" in levels else {}
    frame["_unstated"] = [
        bool(unstated.get((c, int(y)), False)) for c, y in zip(frame["code"], frame["year"], strict=True)
    ]
    # Where the engine says which actuals are estimates (its actual_kind), that is used as is.
    if "actual_kind" in frame:
        frame["_estimate"] = estimate(frame["actual_kind"]).to_numpy()
    else:
        kinds = [levels_kind.get((c, int(y)), "") for c, y in zip(frame["code"], frame["year"], strict=True)]
        frame["_estimate"] = [k == ObsKind.ESTIMATE.value for k in kinds]
    frame = frame[frame["code"].isin(catalogue)]
    frame = frame.assign(
        _domain=[
            DOMAINS.index(d) if d in DOMAINS else 99 for d in (catalogue[c]["domain"] for c in frame["code"])
        ],
        _kind=[0 if k in TERM_KINDS else 1 for k in frame["target_kind"]],
        _order=[catalogue[c]["order"] for c in frame["code"]],
    ).sort_values(["_domain", "_kind", "_order", "year"], kind="stable")
    rows: list[Row] = []
    group, domain = -1, None
    # Sorted by domain first: each domain's lines follow its heading, read in one pass.
    for number, record in enumerate(frame.to_dict("records"), start=1):
        if record["_domain"] != domain:
            group, domain = group + 1, record["_domain"]
            name = t(f"domain.{DOMAINS[domain]}", lang) if domain < len(DOMAINS) else "…"
            rows.append(Row(ROMAN[group % len(ROMAN)], name.upper(), "", "", "", "", "", group=True))
        rows.append(_line(number, record, catalogue[record["code"]], lang))
    return rows


def _by_key(column: pd.Series) -> dict[object, object]:
    """A column of the levels by its (code, year): a dict, where a look-up per row in pandas cost a row."""
    return dict(zip(column.index, column.tolist(), strict=True))


def _target(r: Record, unit: str) -> phrase.Figure:
    """An appendix row's target: its basis and printed %, so one rule decides how it is shown."""
    return phrase.Figure(
        r["target"],
        unit,
        str(r.get("target_qualifier", "") or ""),
        comparator=str(r["comparator"]),
        basis="implied" if bool(r["_implied"]) else "stated",
        printed_pct=r["reported_pct"],
    )


def _line(number: int, r: Record, info: Record, lang: Lang) -> Row:
    reduce = r["comparator"] == Comparator.REDUCE_BY.value
    yes_no = str(info["value_kind"]) == ValueKind.YES_NO.value or r["comparator"] == Comparator.YES.value
    unit = str(info["unit"])
    if reduce:
        unit = phrase.keep_together(phrase.change_unit(phrase.change_code(unit), unit, lang))
    figure = _target(r, "")
    kind = str(r["target_kind"])
    # A cut a year: the unit column says "a year", so the cell keeps the number and its mark alone.
    target_text = phrase.target_cell(replace(figure, comparator="") if reduce else figure, lang, star=True)
    target_text = f"{t(f'kind_short.{kind}', lang)}: {target_text}"
    qualifier = str(r.get("qualifier", "") or "")
    actual = phrase.Figure(r["actual"], "", qualifier, bool(r["_estimate"]) and not reduce, yes_no=yes_no)
    actual = replace(actual, pending=bool(r.get("pending", False)))
    actual_text = phrase.number(actual, lang)
    is_estimate = phrase.estimate_marked(actual)
    unstated = bool(r.get("_unstated", False)) and actual_text != fmt.MISSING
    marks = [
        t("report.mark.estimate", lang) if is_estimate else "",
        t("report.mark.unstated", lang) if unstated else "",
    ]
    if actual_text != fmt.MISSING and any(marks):
        actual_text += f" ({'; '.join(m for m in marks if m)})"
    actual_text = phrase.with_pending_mark(actual_text, actual, lang)
    pct = shown_pct(r)
    reported = r["status_basis"] == "reported"
    pct_text = num(pct, lang) + (f" ({t('report.mark.reported', lang)})" if reported else "")
    year = int(r["year"])
    name = str(info["name"]) + (f" ({t('report.in_year', lang).format(y=year)})" if kind == "KH" else "")
    period_sum = str(info["value_kind"]) == ValueKind.TERM_TOTAL.value
    if period_sum:
        # The row's figures are the term's sum: the row says which years, in a year's report too.
        name += f" ({phrase.period_words(phrase.Figure(r['actual'], period=phrase.summed_over(year)), lang)})"
    return Row(
        stt=str(number),
        indicator=name,
        # The unit as the data writes it: a line may break after "/" without an invisible character.
        unit=unit,
        target=target_text,
        actual=actual_text,
        pct=pct_text,
        status=t(f"status.{r['status']}", lang),
        code=str(r["code"]),
        target_value=phrase.shown_value(figure),
        actual_value=float(r["actual"]),
        pct_value=pct,
        estimate=is_estimate and actual_text != fmt.MISSING,
        pending=actual.pending and actual_text != fmt.MISSING,
        implied=figure.implied and target_text != fmt.MISSING,
        qualifier=actual.qualifier,
        period_sum=period_sum,
        per_year=reduce,
        yes_no=yes_no,
        reported=reported,
        target_kind=kind,
        period_unstated=unstated,
    )


def legend(rows: list[Row], lang: Lang, pending: bool = False) -> list[str]:
    """The notes the rows need, decided from their flags, and the rule the status words follow.

    `pending`: the document's sentences hold a figure not yet approved, marked, though no row may.
    """
    notes = report_legend.notes(
        [*rows, Row("", "", "", "", "", "", "", pending=True)] if pending else rows, lang
    )
    if any(not r.group for r in rows):
        notes.append(t("phrase.met_rule", lang))
    return notes
