"""The comparison page's figure and tables: ranked child areas, the parent's lines, gaps to targets."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators.areas import hierarchy as areas
from indicators.areas.aggregate import Mark
from indicators.areas.compare import COUNTRY, Comparison, area_names, parent_note
from indicators.charts import figures
from indicators.charts import print_style as print_charts
from indicators.core.model import Dataset, Pending
from indicators.text import fmt, labels
from indicators.text.fmt import Lang
from indicators.text.i18n import t

_ICONS = {**labels.STATUS_ICON, "partial": "◐"}


def _status(status: str, lang: Lang) -> str:
    return f"{_ICONS.get(status, '○')} {t(f'status.{status}', lang)}"


def _value(value: object, unit: str, lang: Lang) -> str:
    return fmt.MISSING if fmt.is_missing(value) else fmt.with_unit(value, unit, lang)


def _bar_items(
    kids: pd.DataFrame,
    names: dict[str, str],
    unit: str,
    lang: Lang,
    for_print: bool,
    marks: Pending,
) -> list[figures.BarItem]:
    """One bar per child with a figure; for print in greys, the status in words alone; a figure not
    yet approved (where the reader asked for them) says so on its bar."""
    items = []
    for row in kids.itertuples(index=False):
        waiting = f" ({t('pending.mark', lang)})" if marks.holds(row.code, row.area, row.year) else ""
        status = str(row.status)
        label = names[str(row.area)]
        target = (
            ""
            if fmt.is_missing(row.target)
            else f" · {t('col.target', lang)}: {_value(row.target, unit, lang)}"
        )
        word = t(f"status.{status}", lang) if for_print else _status(status, lang)
        # An estimate says so on its bar in words: the hatching alone is a pattern some never see.
        estimate = f" ({fmt.estimate_mark(lang)})" if row.actual_kind == "estimate" else ""
        items.append(
            figures.BarItem(
                label=label,
                value=float(row.value),
                text=f"{_value(row.value, '', lang)}{estimate}{waiting} {word}",
                color=print_charts.grey(status)
                if for_print
                else figures.STATUS_COLOR.get(status, figures.STATUS_COLOR["no_data"]),
                hover=f"<b>{figures._esc(label)}</b><br>"
                f"{figures._esc(_value(row.value, unit, lang) + waiting)}"
                f"{figures._esc(target)}<br>{figures._esc(_status(status, lang))}",
                # Estimates are hatched, as everywhere in the product: not yet the final figure.
                pattern="/" if row.actual_kind == "estimate" else "",
            )
        )
    return items


def _print_value(value: object, unit: str, lang: Lang) -> str:
    """A figure as the báo cáo writes it: "18,22%" with the sign against the number."""
    if fmt.is_missing(value) or not unit.startswith(("%", "‰")):
        return _value(value, unit, lang)
    return f"{fmt.number(value, lang)}{unit}"


def judged_first(rows: pd.DataFrame) -> pd.DataFrame:
    """The children with a target first, in their ranking; those without one ("chưa có chỉ tiêu")
    below them, then those without a figure; the parent's row stays last."""
    rank = rows["status"].astype(str).map({labels.NO_TARGET: 1, "no_data": 2}).fillna(0)
    rank = rank.where(rows["value"].notna(), 3).where(~rows["is_parent"].astype(bool), 4)
    return rows.assign(_rank=rank.to_numpy()).sort_values("_rank", kind="stable").drop(columns="_rank")


def _parent_line(
    result: Comparison, name: str, unit: str, lang: Lang, for_print: bool
) -> tuple[float | None, str]:
    """The parent's figure as a line and its label; a partial total is no line, only how many reported."""
    parent = result.parent_row
    if parent is None:
        return None, ""
    if str(parent["mark"]) == Mark.PARTIAL.value:
        # No line for a partial total: only how many reported, in the words of the table's row.
        return None, t("compare.partial_line", lang).format(name=name, note=parent_note(result, lang))
    if fmt.is_missing(parent["value"]):
        return None, ""
    shown = _print_value if for_print else _value
    return float(parent["value"]), t("compare.parent_value", lang).format(
        name=name, value=shown(parent["value"], unit, lang)
    )


def compare_figure(
    data: Dataset, result: Comparison, name: str, unit: str, lang: Lang, for_print: bool = False
) -> go.Figure:
    """Child areas with a figure, best first; the parent's value (dashed) and target (dotted) as lines.

    A partial total is not drawn as the parent's figure: where its line would be, how many reported.
    """
    kids = judged_first(result.children[result.children["value"].notna()])
    names = area_names(data, [*kids["area"], result.parent], result.year, lang)
    kids = kids.assign(code=result.code, year=result.year)
    items = _bar_items(kids, names, unit, lang, for_print, data.pending)
    shown = _print_value if for_print else _value
    parent = result.parent_row
    parent_name = names[result.parent]
    second = None
    second_label = ""
    reference, reference_label = _parent_line(result, parent_name, unit, lang, for_print)
    rows = result.rows
    marked = data.pending.in_rows(result.code, result.year, rows["area"], rows["is_parent"])
    if reference is not None and any(m for m, p in zip(marked, rows["is_parent"], strict=True) if p):
        reference_label = f"{reference_label} ({t('pending.mark', lang)})"
    if parent is not None and not fmt.is_missing(parent["target"]):
        second = float(parent["target"])
        second_label = t("compare.parent_target", lang).format(
            name=parent_name, value=shown(parent["target"], unit, lang)
        )
    missing = int(result.children["value"].isna().sum())
    items, left_out = figures.ends(items, print_charts.PRINT_ENDS if for_print else figures.BAR_ENDS)
    # A partial total's words already stand where its line would be: said once, not again below.
    told = reference is None and bool(reference_label)
    said = "" if told else f"{parent_name}: {parent_note(result, lang)}."
    notes = [said, figures.ends_note(len(items), left_out, lang)]
    if missing:
        notes.append(t("compare.missing_note", lang).format(n=missing))
    figure = figures.bar_list(
        items,
        t("compare.chart_title", lang).format(indicator=name, year=result.year),
        lang,
        axis_title=unit,
        reference=reference,
        reference_label=reference_label,
        unplotted=reference_label if reference is None else "",
        second_reference=second,
        second_label=second_label,
        note=" ".join(n for n in notes if n),
        geometry=print_charts.PRINT_ROWS if for_print else figures.SCREEN_ROWS,
    )
    return print_charts.print_style(figure) if for_print else figure


# Stable column ids; widgets.show_table puts the headers on ("col.<id>" in indicators/text/i18n.py).
TABLE_COLUMNS = [
    "area_code",
    "area",
    "row",
    "value",
    "unit",
    "actual_kind",
    "target_kind",
    "target",
    "pct",
    "status",
    "gap",
]


def compare_table(data: Dataset, result: Comparison, unit: str, lang: Lang) -> pd.DataFrame:
    """Every row of the comparison, the parent last, by column id (headers are put on when shown)."""
    rows = judged_first(result.rows)
    note = parent_note(result, lang)
    names = area_names(data, rows["area"], result.year, lang)
    frame = pd.DataFrame(
        {
            "area_code": rows["area"].where(rows["area"] != COUNTRY, ""),
            "area_name": [names[a] for a in rows["area"]],
            "row": [note if p else "" for p in rows["is_parent"]],
            "value": rows["value"].astype("float64"),
            "unit": unit,
            "actual_kind": [t(f"kind.{k}", lang) if k else "" for k in rows["actual_kind"].fillna("")],
            "kind": [t(f"kind.{k}", lang) if k else "" for k in rows["target_kind"].fillna("")],
            "target": rows["target"].astype("float64"),
            # A target worked back from the report's printed % says so (basis.implied).
            "basis": [
                t(f"basis.{b}", lang) if isinstance(b, str) and b else "" for b in rows["target_basis"]
            ],
            "pct": rows["attainment_pct"].astype("float64").round(2),
            "status": [_status(s, lang) for s in rows["status"]],
            "gap": rows["gap"].astype("float64"),
        }
    )
    if data.pending.sendings:
        # Where the reader sees figures not yet approved, each row says whether its figure is one.
        held = data.pending.in_rows(result.code, result.year, rows["area"], rows["is_parent"])
        frame["pending"] = [t("pending.yes" if h else "pending.no", lang) for h in held]
    return frame


def reading_table(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """What the page shows of `compare_table`; the Excel file keeps every column.

    Area, value (an estimate marked), status, the gap to the area's own target in words ("+200,5 ha",
    "—" without a target), the parent's note beside its name: one table, each gap beside its figure.
    """
    # An estimate says so beside its figure, as everywhere else ("2.503,3 (ước)"): the kind column
    # itself is only in the Excel file.
    estimate, implied = t("kind.estimate", lang), t("basis.implied", lang)
    values = [
        f"{fmt.number(v, lang)} ({fmt.estimate_mark(lang)})"
        if k == estimate and not fmt.is_missing(v)
        else fmt.number(v, lang)
        for v, k in zip(table["value"], table["actual_kind"], strict=True)
    ]
    if "pending" in table:
        waiting = t("pending.yes", lang)
        values = [
            f"{v} ({waiting})" if p == waiting else v for v, p in zip(values, table["pending"], strict=True)
        ]
    # The parent's row says how its total was made beside its name, in the rollup's words: no column
    # that is empty on every row but one.
    names = [f"{n} · {r}" if r else n for n, r in zip(table["area_name"], table["row"], strict=True)]
    return pd.DataFrame(
        {
            "area_name": names,
            "value": values,
            "status": table["status"],
            "gap": [
                fmt.MISSING
                if fmt.is_missing(g)
                # A gap to an implied target is no more exact than that target: "≈ +383,3 tỷ đồng".
                else ("≈ " if b == implied else "") + fmt.join_unit(fmt.signed(g, lang), str(u))
                for g, u, b in zip(table["gap"], table["unit"], table["basis"], strict=True)
            ],
        }
    )


def origin_table(data: Dataset, code: str, lang: Lang) -> pd.DataFrame:
    """The former units an area was formed from: code, name, whole or part, the former parent."""
    origins = areas.formed_from(data, code)
    return pd.DataFrame(
        {
            "area_code": origins["from_code"],
            "area_name": [areas.name_in(n, lang) for n in origins["name"]],
            "part": [t(f"part.{p}", lang) for p in origins["part"]],
            "former_parent": [
                areas.label(data.areas, p, lang) if p else "" for p in origins["former_parent"]
            ],
        }
    )
