"""What the dashboard shows: plotly figures and the tables beside them; data in, figure or frame out."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from indicators import fmt
from indicators.attainment import levels
from indicators.fmt import Lang
from indicators.i18n import t
from indicators.model import DOMAINS, Dataset, ObsKind, Status

# Which model domains each domain page shows, in the report's order. Population sits
# with health: in Vietnam population work is a health-sector task.
DOMAIN_PAGES: dict[str, tuple[str, ...]] = {
    "economy": ("economy",),
    "society": ("education", "health", "population", "culture"),
    "poverty_jobs": ("poverty_jobs",),
    "defence_security": ("defence_security",),
    "political_system": ("political_system",),
    "new_rural": ("new_rural",),
    "tea": ("tea",),
    "tourism": ("tourism",),
}
# The overview's cards, in the order leaders asked for them.
HEADLINE: tuple[str, ...] = ("TEA_AREA", "TOURISTS", "POV_RATE", "NTM_COMMUNES", "INCOME_PC", "GTSX")
CHANGE_BASE_YEAR = 2015
# The indicator the detail page opens on: the report's first figure.
DEFAULT_INDICATOR = "GTSX"

# Status is never colour alone: each has an icon and a word. Colours are Okabe–Ito,
# darkened so white text on them stays readable.
NO_TARGET = "no_target"
STATUS_ICON: dict[str, str] = {"vuot": "▲", "dat": "✓", "khong_dat": "✗", "no_data": "○", NO_TARGET: "–"}
STATUS_COLOR: dict[str, str] = {
    "vuot": "#0072B2",
    "dat": "#007A5E",
    "khong_dat": "#B34700",
    "no_data": "#6B6B6B",
    NO_TARGET: "#6B6B6B",
}
PROGRESS_ICON: dict[str, str] = {
    "achieved": "✓",
    "on_track": "↗",
    "moderate": "→",
    "limited": "↘",
    "moving_away": "↓",
    "no_data": "○",
}
PROGRESS_COLOR: dict[str, str] = {
    "achieved": "#007A5E",
    "on_track": "#0072B2",
    "moderate": "#8A6D00",
    "limited": "#B34700",
    "moving_away": "#A4262C",
    "no_data": "#6B6B6B",
}
RECIPIENT_COLOR: dict[str, str] = {"tap_the": "#3E5C76", "ca_nhan": "#C17C00"}
# Individuals' bars are dotted so the two recipients differ in greyscale too.
RECIPIENT_PATTERN: dict[str, str] = {"tap_the": "", "ca_nhan": "."}
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
TARGET_KIND_ORDER: tuple[str, ...] = ("NQ", "DA", "GIAO", "KH")
_TERM = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")
_RECIPIENT_SUFFIX = re.compile(r"\s*\((tập thể|cá nhân|collectives|individuals)\)\s*$", re.IGNORECASE)
_AREA_PREFIX = re.compile(r"^(Tỉnh|Huyện|Xã|Thị trấn|Thành phố)\s+", re.IGNORECASE)

# Bar-list geometry in pixels: each row is its label above its bar, so long Vietnamese
# names never need a wide left margin and the chart reads at 390 px.
_LINE_PX, _BAR_PX, _GAP_PX = 16, 18, 12
_LABEL_WRAP = 44
GRID, INK = "#E5E5E5", "#1F2933"
_TITLE_WRAP = 38


# Words and numbers ------------------------------------------------------------------


def status_text(status: str, lang: Lang) -> str:
    """A status as icon and word: "▲ vượt"."""
    return f"{STATUS_ICON.get(status, '○')} {t(f'status.{status}', lang)}"


def progress_text(status: str, lang: Lang) -> str:
    """A progress status as icon and word: "↗ đúng tiến độ"."""
    return f"{PROGRESS_ICON.get(status, '○')} {t(f'progress.{status}', lang)}"


def term_label(term: str, lang: Lang) -> str:
    """A term as people write it: "2015–2020", or "Năm 2019" for a single year."""
    match = _TERM.match(term)
    if match:
        return f"{match.group(1)}–{match.group(2)}"
    return t("term.year", lang).format(y=term) if term else fmt.MISSING


def area_label(data: Dataset, code: str, lang: Lang) -> str:
    """An area's name; in English "Tam Đường district" rather than the Vietnamese "Huyện Tam Đường"."""
    row = data.areas[data.areas["code"] == code]
    if row.empty:
        return code
    name, level = str(row["name"].iloc[0]), str(row["level"].iloc[0])
    if lang == "vi" or level not in {"province", "district", "commune"}:
        return name
    return t(f"area.{level}", lang).format(n=_AREA_PREFIX.sub("", name))


def _esc(text: object) -> str:
    """Text from the data made inert for plotly, which reads a few HTML tags in labels."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False) or [""]


def _title(text: str) -> str:
    return "<br>".join(_esc(line) for line in _wrap(text, _TITLE_WRAP))


def indicator_info(data: Dataset, lang: Lang) -> pd.DataFrame:
    """Per indicator code: its name, unit and domain in the reader's language."""
    info = data.indicators.set_index("code")
    english = lang == "en"
    name = info["name_en"].where(english & (info["name_en"] != ""), info["name_vi"])
    unit = info["unit_en"].where(english & (info["unit_en"] != ""), info["unit"])
    return pd.DataFrame({"name": name, "unit": unit, "domain": info["domain"]}, index=info.index)


# Short signs for the report's qualifiers, where space is tight (a card's large number).
QUALIFIER_SIGN: dict[str, str] = {"khoang": "≈", "tren": ">"}


def value_text(value: object, qualifier: str, lang: Lang) -> str:
    """A figure with the report's qualifier: "khoảng 300.000"; "—" when absent."""
    text = fmt.number(value, lang)
    if text == fmt.MISSING or not qualifier:
        return text
    return f"{t(f'qualifier.{qualifier}', lang)} {text}"


# Terms and filters -------------------------------------------------------------------


def _span(term: str) -> tuple[int, int] | None:
    match = _TERM.match(term)
    return (int(match.group(1)), int(match.group(2))) if match else None


def with_periods(rows: pd.DataFrame) -> pd.DataFrame:
    """Attainment rows with `period`: the five-year term each belongs to ("2015-2020").

    A year's plan (2019) and an annual quota belong to the term that contains them, so the
    term filter offers the report's giai đoạn, not one entry per year.
    """
    spans = sorted({s for s in (_span(str(x)) for x in rows["term"].unique()) if s}, key=lambda s: s[1])

    def period(term: str, year: int) -> str:
        if _span(term):
            return term.replace("–", "-").replace(" ", "")
        for start, end in spans:
            if start < year <= end:
                return f"{start}-{end}"
        return str(year)

    out = rows.copy()
    out["period"] = [period(str(tm), int(y)) for tm, y in zip(rows["term"], rows["year"], strict=True)]
    return out


def periods(rows: pd.DataFrame) -> list[str]:
    """The terms present, oldest first."""
    if rows.empty:
        return []
    found = rows["period"].unique().tolist()
    return sorted(found, key=lambda p: (_span(p) or (int(p), int(p)))[::-1])


def default_period(rows: pd.DataFrame) -> str | None:
    """The latest term with at least one judged result, else the latest term."""
    judged = rows[rows["status"].isin([Status.EXCEEDED.value, Status.MET.value, Status.NOT_MET.value])]
    found = periods(judged) or periods(rows)
    return found[-1] if found else None


def period_years(period: str) -> tuple[int, int]:
    """First and last year of a term; a single year is both."""
    span = _span(period)
    if span:
        return span
    return int(period), int(period)


def areas_present(data: Dataset, rows: pd.DataFrame) -> list[str]:
    """Areas that hold any figure or target, in the areas table's order."""
    used = set(rows["area"]) | set(data.observations["area"])
    ordered = [a for a in data.areas["code"] if a in used]
    return ordered + sorted(used - set(ordered))


def select(rows: pd.DataFrame, area: str | None, period: str | None) -> pd.DataFrame:
    """Rows of one area and term (None: all)."""
    keep = pd.Series(True, index=rows.index)
    if area is not None:
        keep &= rows["area"] == area
    if period is not None:
        keep &= rows["period"] == period
    return rows[keep]


# Cards and tallies -------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """One indicator at a glance: its figure, % of target, status and change since 2015."""

    code: str
    name: str
    value: str
    unit: str
    year: str
    target_pct: str
    status: str
    status_label: str
    change_label: str
    change: str
    reported_basis: bool
    value_note: str = ""  # the report's own words where it qualifies the figure: "khoảng 300.000 lượt khách"


def _best_row(rows: pd.DataFrame) -> pd.Series | None:
    """The row a card reports: a judged one first, the resolution before a plan, the latest year."""
    if rows.empty:
        return None
    rank = {k: i for i, k in enumerate(TARGET_KIND_ORDER)}
    judged = rows["status"] != Status.NO_DATA.value
    ordered = rows.assign(
        _judged=~judged, _kind=rows["target_kind"].map(rank).fillna(len(rank)), _year=-rows["year"]
    ).sort_values(["_judged", "_year", "_kind"], kind="stable")
    return ordered.iloc[0]


def _change(data: Dataset, code: str, area: str | None, year: int, unit: str, lang: Lang) -> tuple[str, str]:
    """The change since 2015 the report states, else its stated average a year, else "—"."""
    obs = data.observations
    mine = obs[(obs["code"] == code) & (obs["year"] == year) & (obs["base_year"] == CHANGE_BASE_YEAR)]
    if area is not None:
        mine = mine[mine["area"] == area]
    change = mine[mine["kind"] == ObsKind.CHANGE.value]
    if not change.empty:
        value = fmt.signed(change["value"].iloc[0], lang)
        return t("card.change", lang).format(y=CHANGE_BASE_YEAR), _join_unit(value, unit)
    per_year = mine[mine["kind"] == ObsKind.CHANGE_PER_YEAR.value]
    if not per_year.empty:
        value = fmt.signed(per_year["value"].iloc[0], lang)
        return t("card.change_per_year", lang).format(y=CHANGE_BASE_YEAR), _join_unit(value, unit)
    return t("card.change", lang).format(y=CHANGE_BASE_YEAR), fmt.MISSING


def _hover_line(label: str, number: str, unit: str) -> str:
    """ "Thực hiện 2020: 2.503,3 tỷ đồng", made inert for plotly."""
    return f"{_esc(label)}: {_esc(_join_unit(number, unit))}"


def _join_unit(text: str, unit: str) -> str:
    if text == fmt.MISSING or not unit:
        return text
    return f"{text}\u202f{unit}" if unit in {"%", "‰"} else f"{text} {unit}"


def cards(
    data: Dataset,
    rows: pd.DataFrame,
    codes: tuple[str, ...] | list[str],
    lang: Lang,
    area: str | None,
    period: str | None,
) -> list[Card]:
    """Cards for the given indicators that exist in the data, in the order given."""
    info = indicator_info(data, lang)
    lv = levels(data.observations)
    first, last = period_years(period) if period else (-(10**6), 10**6)
    out = []
    for code in codes:
        if code not in info.index:
            continue
        mine = lv[(lv["code"] == code) & (lv["year"] >= first) & (lv["year"] <= last)]
        if area is not None:
            mine = mine[mine["area"] == area]
        mine = mine.sort_values("year")
        unit = str(info.at[code, "unit"])
        value_note = ""
        if mine.empty:
            value, year = fmt.MISSING, ""
            change_label, change = t("card.change", lang).format(y=CHANGE_BASE_YEAR), fmt.MISSING
        else:
            latest = mine.iloc[-1]
            qualifier = str(latest["qualifier"])
            value = fmt.number(latest["actual"], lang)
            if qualifier:
                value = f"{QUALIFIER_SIGN.get(qualifier, '')} {value}".strip()
                value_note = _join_unit(value_text(latest["actual"], qualifier, lang), unit)
            year = str(int(latest["year"]))
            change_label, change = _change(data, code, area, int(latest["year"]), unit, lang)
        row = _best_row(rows[rows["code"] == code])
        if row is None:
            status, pct, reported_basis = NO_TARGET, fmt.MISSING, False
        else:
            status = str(row["status"])
            reported_basis = row["status_basis"] == "reported"
            shown = row["reported_pct"] if reported_basis else row["attainment_pct"]
            pct = fmt.percent(shown, lang)
        label = status_text(status, lang)
        out.append(
            Card(
                code,
                str(info.at[code, "name"]),
                value,
                unit,
                year,
                pct,
                status,
                label,
                change_label,
                change,
                bool(reported_basis),
                value_note,
            )
        )
    return out


def tally(rows: pd.DataFrame) -> dict[str, int]:
    """How many targets are exceeded, met, not met and not yet judged."""
    counts = rows["status"].value_counts()
    return {s.value: int(counts.get(s.value, 0)) for s in Status}


# Attainment -------------------------------------------------------------------------


def attainment_view(data: Dataset, rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Attainment rows with what a reader sees: name, unit, the % drawn, and texts for hover and table."""
    info = indicator_info(data, lang)
    out = rows.copy()
    out["label"] = out["code"].map(info["name"]).fillna(out["code"])
    out["unit_text"] = out["code"].map(info["unit"]).fillna("")
    duplicated = out["code"].duplicated(keep=False)
    suffix = [f" ({t(f'kind.{k}', lang)} {y})" for k, y in zip(out["target_kind"], out["year"], strict=True)]
    out["label"] = np.where(duplicated, out["label"] + pd.Series(suffix, index=out.index), out["label"])
    reported_basis = out["status_basis"] == "reported"
    out["shown_pct"] = out["attainment_pct"].where(~reported_basis, out["reported_pct"])
    return out


def _attainment_hover(row: pd.Series, lang: Lang) -> str:
    unit = str(row["unit_text"])
    lines = [
        f"<b>{_esc(row['label'])}</b>",
        f"{t('chart.actual', lang)}: {_esc(_join_unit(fmt.number(row['actual'], lang), unit))}",
        f"{t('chart.target', lang)}: {_esc(_join_unit(fmt.number(row['target'], lang), unit))}",
        f"{t('chart.computed_pct', lang)}: {fmt.percent(row['attainment_pct'], lang)}",
        f"{t('chart.reported_pct', lang)}: {fmt.percent(row['reported_pct'], lang)}",
        f"{t('chart.status', lang)}: {status_text(str(row['status']), lang)}",
    ]
    return "<br>".join(lines)


@dataclass(frozen=True)
class BarItem:
    """One row of a bar list: its label above, its bar, the text at the bar's end and its hover."""

    label: str
    value: float
    text: str
    color: str
    hover: str
    pattern: str = ""


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 up to `top`: about `count` of them, steps of 1, 2, 2.5 or 5 × 10ⁿ."""
    if not np.isfinite(top) or top <= 0:
        return [0.0]
    raw = top / count
    power = 10 ** np.floor(np.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return [round(float(v), 10) for v in np.arange(0, top + step * 1e-9, step)]


def bar_list(
    items: list[BarItem],
    title: str,
    lang: Lang,
    *,
    axis_title: str = "",
    ticksuffix: str = "",
    reference: float | None = None,
    reference_label: str = "",
    note: str = "",
) -> go.Figure:
    """Horizontal bars, each with its label on the line above: readable at 390 px, no wide margin."""
    tops, centers, label_lines = [], [], []
    y = 0.0
    for item in items:
        lines = _wrap(item.label, _LABEL_WRAP)
        tops.append(y)
        centers.append(y + len(lines) * _LINE_PX + _BAR_PX / 2 + 2)
        label_lines.append(lines)
        y += len(lines) * _LINE_PX + _BAR_PX + _GAP_PX
    total = max(y, 1.0)
    values = [item.value for item in items]
    top_value = max([*values, reference or 0.0, 0.0])
    bars = {
        "type": "bar",
        "orientation": "h",
        "x": values,
        "y": centers,
        "width": _BAR_PX,
        "marker": {
            "color": [item.color for item in items],
            "pattern": {"shape": [item.pattern for item in items], "fgcolor": "white", "solidity": 0.35},
        },
        "text": [_esc(item.text) for item in items],
        # Always after the bar, at a readable size; the axis leaves room for it (see range).
        "textposition": "outside",
        "textfont": {"size": 12, "color": "#222222"},
        "constraintext": "none",
        "cliponaxis": False,
        "customdata": [item.hover for item in items],
        "hovertemplate": "%{customdata}<extra></extra>",
    }
    annotations = [
        {
            "x": 0,
            "xref": "paper",
            "y": top,
            "yref": "y",
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "text": "<br>".join(_esc(line) for line in lines),
            "showarrow": False,
            "font": {"size": 12.5, "color": "#222222"},
            # Opaque enough that the 100 % line does not run through the words.
            "bgcolor": "rgba(255,255,255,0.85)",
        }
        for top, lines in zip(tops, label_lines, strict=True)
    ]
    shapes: list[dict] = []
    title_lines = len(_wrap(title, _TITLE_WRAP))
    top_margin = 18 + 22 * title_lines + (16 if reference is not None else 0)
    # The note wraps like the labels, so a phone or a half-width column shows all of it.
    note_lines = _wrap(note, _LABEL_WRAP + 6) if note else []
    bottom_margin = 44 + 15 * len(note_lines) + (14 if note else 0)
    if reference is not None:
        shapes.append(
            {
                "type": "line",
                "x0": reference,
                "x1": reference,
                "y0": 0,
                "y1": total,
                "yref": "y",
                "line": {"color": "#333333", "width": 1.5, "dash": "dash"},
                "layer": "below",
            }
        )
        annotations.append(
            {
                "x": reference,
                "y": 0,
                "yref": "y",
                "yanchor": "bottom",
                "text": _esc(reference_label),
                "showarrow": False,
                "font": {"size": 11, "color": "#333333"},
            }
        )
    if note:
        annotations.append(
            {
                "x": 0,
                "xref": "paper",
                "xanchor": "left",
                "y": 0,
                "yref": "paper",
                "yanchor": "top",
                "yshift": -46,
                "text": "<br>".join(_esc(line) for line in note_lines),
                "showarrow": False,
                "align": "left",
                "font": {"size": 11, "color": "#444444"},
            }
        )
    layout = _base_layout(title, lang)
    layout.update(
        height=int(total + top_margin + bottom_margin),
        margin={"l": 8, "r": 16, "t": top_margin, "b": bottom_margin},
        showlegend=False,
        bargap=0,
        annotations=annotations,
        shapes=shapes,
        yaxis={"range": [total, 0], "visible": False, "fixedrange": True},
        xaxis={
            # The longest bar takes two thirds of the width; the rest holds its "500 % ▲ vượt".
            "range": [0, top_value * 1.5 if top_value > 0 else 1],
            # Ticks only under the bars: none over the blank room kept for the labels.
            "tickvals": nice_ticks(top_value),
            "tickformat": ",~f",
            "ticksuffix": ticksuffix,
            "title": {"text": _esc(axis_title), "font": {"size": 12}},
            "automargin": True,
            "fixedrange": True,
            "showgrid": True,
            "gridcolor": GRID,
            "zeroline": True,
            "zerolinecolor": "#999999",
        },
    )
    return go.Figure({"data": [bars], "layout": layout})


def _value_axis(unit: str) -> dict:
    """The y axis of a series: from zero, titled with the unit, digits grouped the reader's way."""
    return {
        "title": {"text": _esc(unit), "font": {"size": 12}},
        # Room for the tick labels and the title, whatever their length (templates did this).
        "automargin": True,
        "rangemode": "tozero",
        "fixedrange": True,
        "gridcolor": GRID,
        "zeroline": False,
        # Grouped digits in the reader's convention (600.000), not SI ("600k").
        "tickformat": ",~f",
    }


def _base_layout(title: str, lang: Lang, subtitle: str = "") -> dict:
    """What every figure shares: the reader's number separators, a left title, no zooming.

    Plain settings instead of a plotly template: a template is merged on every build and sent
    to the browser with every chart, which costs more than the chart.
    """
    title_spec: dict = {
        "text": _title(title),
        "x": 0,
        "xanchor": "left",
        "xref": "paper",
        "font": {"size": 16},
    }
    if subtitle:
        title_spec["subtitle"] = {"text": _esc(subtitle), "font": {"size": 13}}
    return {
        # Plotly's separators are "decimal, thousands": Vietnamese writes 2.503,3.
        "separators": ",." if lang == "vi" else ".,",
        "title": title_spec,
        "font": {
            "family": "Source Sans Pro, Noto Sans, DejaVu Sans, Arial, sans-serif",
            "size": 12,
            "color": INK,
        },
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hoverlabel": {"align": "left"},
        # Dragging on a phone should scroll the page, not zoom the chart.
        "dragmode": False,
    }


def attainment_figure(view: pd.DataFrame, lang: Lang, title: str | None = None) -> go.Figure:
    """Every judged target's % attained, highest first, with the 100 % line and status icon and word."""
    judged = view[view["shown_pct"].notna()].sort_values(["shown_pct", "label"], ascending=[False, True])
    items = []
    for _, row in judged.iterrows():
        status = str(row["status"])
        reported = row["status_basis"] == "reported"
        items.append(
            BarItem(
                label=str(row["label"]),
                value=float(row["shown_pct"]),
                text=f"{fmt.percent(row['shown_pct'], lang)} {status_text(status, lang)}",
                color=STATUS_COLOR.get(status, STATUS_COLOR["no_data"]),
                hover=_attainment_hover(row, lang),
                pattern="/" if reported else "",
            )
        )
    any_reported = bool((judged["status_basis"] == "reported").any())
    return bar_list(
        items,
        title or t("chart.attainment", lang),
        lang,
        axis_title=t("chart.axis_pct", lang),
        ticksuffix="\u202f%",
        reference=100.0,
        reference_label=t("chart.line_100", lang),
        note=t("chart.reported_note", lang) if any_reported else "",
    )


# Tables ------------------------------------------------------------------------------


def results_table(
    data: Dataset, rows: pd.DataFrame, codes: list[str], lang: Lang, area: str | None, period: str | None
) -> pd.DataFrame:
    """One row per indicator and target: latest figure, change since 2015, target, % and status.

    Numbers stay numbers (Excel gets them as such); the page formats them for reading.
    """
    info = indicator_info(data, lang)
    lv = levels(data.observations)
    first, last = period_years(period) if period else (-(10**6), 10**6)
    records = []
    for code in codes:
        mine = lv[(lv["code"] == code) & (lv["year"] >= first) & (lv["year"] <= last)]
        if area is not None:
            mine = mine[mine["area"] == area]
        latest = mine.sort_values("year").iloc[-1] if not mine.empty else None
        change = np.nan
        if latest is not None:
            obs = data.observations
            stated = obs[
                (obs["code"] == code)
                & (obs["area"] == latest["area"])
                & (obs["year"] == latest["year"])
                & (obs["kind"] == ObsKind.CHANGE.value)
                & (obs["base_year"] == CHANGE_BASE_YEAR)
            ]
            change = float(stated["value"].iloc[0]) if not stated.empty else np.nan
        base = {
            t("col.indicator", lang): info.at[code, "name"],
            t("col.unit", lang): info.at[code, "unit"],
            t("col.year", lang): str(int(latest["year"])) if latest is not None else "",
            t("col.actual", lang): float(latest["actual"]) if latest is not None else np.nan,
            t("col.change", lang): change,
        }
        note = (
            t(f"qualifier.{latest['qualifier']}", lang) if latest is not None and latest["qualifier"] else ""
        )
        targets = rows[rows["code"] == code]
        if targets.empty:
            records.append(
                {
                    **base,
                    t("col.term", lang): "",
                    t("col.kind", lang): "",
                    t("col.target", lang): np.nan,
                    t("col.pct", lang): np.nan,
                    t("col.reported", lang): np.nan,
                    t("col.status", lang): status_text(NO_TARGET, lang),
                    t("col.note", lang): note,
                }
            )
            continue
        for _, row in targets.iterrows():
            derived = t("col.derived", lang).lower() if row["target_derived"] else ""
            # A target row shows its own year's actual; "reduce by N a year" compares yearly reductions.
            reduce = t("cmp.reduce_by", lang) if row["comparator"] == "reduce_by" else ""
            records.append(
                {
                    **base,
                    t("col.year", lang): str(int(row["year"])),
                    t("col.actual", lang): row["actual"],
                    t("col.change", lang): change
                    if latest is not None and latest["year"] == row["year"]
                    else np.nan,
                    t("col.term", lang): term_label(str(row["period"]), lang),
                    t("col.kind", lang): t(f"kind.{row['target_kind']}", lang),
                    t("col.target", lang): row["target"],
                    t("col.pct", lang): row["attainment_pct"],
                    t("col.reported", lang): row["reported_pct"],
                    t("col.status", lang): status_text(str(row["status"]), lang),
                    t("col.note", lang): "; ".join(x for x in (note, reduce, derived) if x),
                }
            )
    return pd.DataFrame.from_records(records)


def results_summary(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The results table for reading on any screen: five columns, numbers already in words.

    Name with its unit, the actual, the target with who set it, the % (computed, else the
    report's, marked), and the status; the Excel file keeps every column of `table`.
    """
    col = {
        c: t(f"col.{c}", lang)
        for c in ("indicator", "unit", "actual", "kind", "target", "pct", "reported", "status", "note")
    }
    if table.empty:
        return pd.DataFrame(
            columns=[col["indicator"], col["actual"], col["target"], col["pct"], col["status"]]
        )
    names = [
        f"{n} ({u})" if u else str(n)
        for n, u in zip(table[col["indicator"]], table[col["unit"]], strict=True)
    ]
    # The note column holds this module's own words: the report's qualifier, "derived target".
    notes = [str(n).split("; ") for n in table[col["note"]]]
    derived = t("col.derived", lang).lower()
    actuals = []
    for value, note in zip(table[col["actual"]], notes, strict=True):
        qualifier = next((q for q in QUALIFIER_SIGN if t(f"qualifier.{q}", lang) in note), "")
        actuals.append(value_text(value, qualifier, lang))
    targets = []
    for value, kind, note in zip(table[col["target"]], table[col["kind"]], notes, strict=True):
        who = ", ".join(x for x in (kind, derived if derived in note else "") if x)
        targets.append(
            fmt.MISSING
            if fmt.is_missing(value)
            else f"{fmt.number(value, lang)} ({who})"
            if who
            else fmt.number(value, lang)
        )
    shares = []
    for pct, reported in zip(table[col["pct"]], table[col["reported"]], strict=True):
        if not fmt.is_missing(pct):
            shares.append(fmt.percent(pct, lang))
        elif not fmt.is_missing(reported):
            shares.append(f"{fmt.percent(reported, lang)} ({t('status.reported_basis', lang)})")
        else:
            shares.append(fmt.MISSING)
    return pd.DataFrame(
        {
            col["indicator"]: names,
            col["actual"]: actuals,
            col["target"]: targets,
            col["pct"]: shares,
            col["status"]: table[col["status"]].to_numpy(),
        }
    )


def codes_in(data: Dataset, domains: tuple[str, ...] | list[str]) -> list[str]:
    """Indicator codes of the given domains, domain by domain; within one, the headline ones first,
    then those with a target, then those with a figure, then the rest, each group by name."""
    ind = data.indicators
    judged = set(data.targets["code"]) | set(data.reported["code"])
    measured = set(data.observations["code"])
    names = ind.set_index("code")["name_vi"]
    out: list[str] = []
    for domain in domains:
        codes = ind.loc[ind["domain"] == domain, "code"].tolist()
        out += sorted(codes, key=lambda c: (c not in HEADLINE, c not in judged, c not in measured, names[c]))
    return out


def all_codes(data: Dataset) -> list[str]:
    """Every indicator code, domain by domain in the model's order; unknown domains last."""
    present = set(data.indicators["domain"])
    ordered = [d for d in DOMAINS if d in present] + sorted(present - set(DOMAINS))
    return codes_in(data, ordered)


def domain_rows(rows: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """The attainment rows of the given indicators."""
    return rows[rows["code"].isin(codes)]


# Goals -------------------------------------------------------------------------------


def goal_text(data: Dataset, goal: pd.Series, unit: str, lang: Lang) -> str:
    """A goal as the report states it: "600.000 lượt khách", "≤ 27,6 %", "giảm mỗi năm 2 % (→ 8,22 %)"."""
    targets = data.targets
    stated = targets[
        (targets["code"] == goal["code"])
        & (targets["area"] == goal["area"])
        & (targets["year"] == goal["goal_year"])
    ]
    stated_value = stated["value"].iloc[0] if not stated.empty else goal["goal_value"]
    if goal["comparator"] == "reduce_by":
        text = f"{t('cmp.reduce_by', lang)} {_join_unit(fmt.number(stated_value, lang), unit)}"
        if not fmt.is_missing(goal["goal_value"]):
            text += f" (→ {_join_unit(fmt.number(goal['goal_value'], lang), unit)})"
        return text
    value = _join_unit(fmt.number(stated_value, lang), unit)
    if goal["comparator"] == "at_most" and value != fmt.MISSING:
        return f"≤ {value}"
    return value


PROGRESS_ORDER: tuple[str, ...] = ("achieved", "on_track", "moderate", "limited", "moving_away", "no_data")


def goal_groups(data: Dataset, goals: pd.DataFrame, lang: Lang) -> list[tuple[str, list[tuple[str, str]]]]:
    """The goals grouped by progress status, best first: (status, [(name, goal as stated)])."""
    info = indicator_info(data, lang)
    out = []
    for status in PROGRESS_ORDER:
        subset = goals[goals["status"] == status]
        if subset.empty:
            continue
        items = []
        for _, goal in subset.iterrows():
            code = str(goal["code"])
            items.append(
                (
                    str(info["name"].get(code, code)),
                    goal_text(data, goal, str(info["unit"].get(code, "")), lang),
                )
            )
        out.append((status, items))
    return out


def goals_table(data: Dataset, progress_rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Required and observed growth per goal, with the progress status and why it is unknown."""
    info = indicator_info(data, lang)
    records = []
    for _, goal in progress_rows.iterrows():
        code = str(goal["code"])
        unit = str(info["unit"].get(code, ""))
        reason = str(goal["reason"])
        records.append(
            {
                t("col.indicator", lang): str(info["name"].get(code, code)),
                t("col.unit", lang): unit,
                t("col.base", lang): str(int(goal["base_year"])),
                t("col.base_value", lang): goal["base_value"],
                t("col.goal_year", lang): str(int(goal["goal_year"])),
                t("col.goal", lang): goal_text(data, goal, unit, lang),
                t("col.goal_value", lang): goal["goal_value"],
                t("col.latest_year", lang): ""
                if pd.isna(goal["latest_year"])
                else str(int(goal["latest_year"])),
                t("col.latest", lang): goal["latest_value"],
                t("col.required_growth", lang): goal["required_growth_pct"],
                t("col.observed_growth", lang): goal["observed_growth_pct"],
                t("col.required_change", lang): goal["required_change_per_year"],
                t("col.observed_change", lang): goal["observed_change_per_year"],
                t("col.ratio", lang): goal["ratio"],
                t("col.progress", lang): progress_text(str(goal["status"]), lang),
                t("col.note", lang): t(f"reason.{reason}", lang) if reason else "",
            }
        )
    return pd.DataFrame.from_records(records)


def _with_year(text: str, year: object) -> str:
    return text if fmt.is_missing(year) or text == fmt.MISSING else f"{text} ({int(year)})"  # type: ignore[call-overload]


def _rate(goal: pd.Series, kind: str, unit: str, lang: Lang) -> str:
    """A yearly pace: growth "+8,45 %/năm" for compound goals, a change "−2 %/năm" for straight-line ones."""
    per_year = t("unit.per_year", lang)
    if goal["method"] == "linear":
        change = goal[f"{kind}_change_per_year"]
        return (
            fmt.MISSING
            if fmt.is_missing(change)
            else f"{_join_unit(fmt.signed(change, lang), unit)}/{per_year}"
        )
    growth = goal[f"{kind}_growth_pct"]
    return fmt.MISSING if fmt.is_missing(growth) else f"{fmt.signed(growth, lang, 2)}\u202f%/{per_year}"


def goals_summary(data: Dataset, progress_rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The goals table for reading on any screen: a few columns, figures already in words and numbers."""
    info = indicator_info(data, lang)
    records = []
    for _, goal in progress_rows.iterrows():
        code = str(goal["code"])
        unit = str(info["unit"].get(code, ""))
        name = str(info["name"].get(code, code))
        reason = str(goal["reason"])
        records.append(
            {
                t("col.indicator", lang): f"{name} ({unit})" if unit else name,
                t("col.base", lang): _with_year(fmt.number(goal["base_value"], lang), goal["base_year"]),
                t("col.goal", lang): _with_year(goal_text(data, goal, unit, lang), goal["goal_year"]),
                t("col.latest", lang): _with_year(
                    fmt.number(goal["latest_value"], lang), goal["latest_year"]
                ),
                t("col.required_pace", lang): _rate(goal, "required", unit, lang),
                t("col.observed_pace", lang): _rate(goal, "observed", unit, lang),
                # Why a status is unknown goes with it: one column fewer on a phone.
                t("col.progress", lang): progress_text(str(goal["status"]), lang)
                + (f" ({t(f'reason.{reason}', lang)})" if reason else ""),
            }
        )
    return pd.DataFrame.from_records(records)


def _year_ticks(years: list[int]) -> list[int]:
    """Year ticks: the years that matter, thinned to every other year when crowded."""
    ticks = sorted(set(years))
    if len(ticks) > 7:
        ticks = list(range(ticks[0], ticks[-1] + 1, 2))
    return ticks


def _point_trace(name: str, xs: list, ys: list, texts: list[str], hovers: list[str], **style: object) -> dict:
    """A scatter trace whose words all come formatted from here, never from plotly's own formatting."""
    return {
        "type": "scatter",
        "name": _esc(name),
        # Plain lists, not typed arrays: the figure JSON stays readable and testable.
        "x": [int(x) for x in xs],
        "y": [float(y) for y in ys],
        "text": [_esc(x) for x in texts],
        "customdata": hovers,
        "hovertemplate": "%{customdata}<extra></extra>",
        "cliponaxis": False,
        **style,
    }


def _series_layout(
    title: str, lang: Lang, years: list[int], unit: str, height: int, subtitle: str = ""
) -> dict:
    """Layout of a chart by year: integer year ticks, a value axis from zero, the legend below."""
    layout = _base_layout(title, lang, subtitle)
    # Room for the title's lines and, when there is one, the status line under it.
    top = 24 + 22 * len(_wrap(title, _TITLE_WRAP)) + (30 if subtitle else 0)
    layout.update(
        height=height,
        margin={"l": 8, "r": 16, "t": top, "b": 8},
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0, "font": {"size": 11}},
        xaxis={"fixedrange": True, "showgrid": False, "tickformat": "d", "automargin": True},
        yaxis=_value_axis(unit),
    )
    if years:
        layout["xaxis"].update(tickvals=_year_ticks(years), range=[min(years) - 0.6, max(years) + 0.6])
    return layout


def goal_figure(
    goal: pd.Series, actuals: pd.DataFrame, path: pd.DataFrame, name: str, unit: str, lang: Lang
) -> go.Figure:
    """Actuals from 2015, the required path dashed from the baseline, the goal marked, the status."""
    traces = []
    goal_year, goal_value = int(goal["goal_year"]), float(goal["goal_value"])
    if not path.empty:
        label = t("chart.required_path", lang)
        traces.append(
            _point_trace(
                label,
                path["year"].tolist(),
                path["required"].tolist(),
                [],
                [
                    _hover_line(f"{label} {int(y)}", fmt.number(v, lang, 2), unit)
                    for y, v in path[["year", "required"]].to_numpy()
                ],
                mode="lines",
                line={"color": "#555555", "dash": "dash", "width": 2},
            )
        )
    if not actuals.empty:
        label = t("chart.actual", lang)
        traces.append(
            _point_trace(
                label,
                actuals["year"].tolist(),
                actuals["actual"].tolist(),
                [fmt.number(v, lang) for v in actuals["actual"]],
                [
                    _hover_line(f"{label} {int(y)}", fmt.number(v, lang), unit)
                    for y, v in actuals[["year", "actual"]].to_numpy()
                ],
                mode="lines+markers+text",
                line={"color": "#0072B2", "width": 3},
                marker={"size": 9, "symbol": "circle"},
                textposition="bottom right",
            )
        )
    label = t("chart.goal", lang).format(y=goal_year)
    traces.append(
        _point_trace(
            label,
            [goal_year],
            [goal_value],
            [fmt.number(goal_value, lang)],
            [_hover_line(label, fmt.number(goal_value, lang), unit)],
            mode="markers+text",
            marker={
                "size": 16,
                "symbol": "star",
                "color": "#B34700",
                "line": {"color": "#222222", "width": 1},
            },
            textposition="top left",
        )
    )
    years = [int(goal["base_year"]), goal_year, *[int(y) for y in actuals["year"]]]
    first = min([*years, CHANGE_BASE_YEAR]) if not actuals.empty else min(years)
    subtitle = progress_text(str(goal["status"]), lang)
    layout = _series_layout(name, lang, [first, *years], unit, 340, subtitle)
    layout["xaxis"]["range"] = [first - 0.6, goal_year + 0.6]
    return go.Figure({"data": traces, "layout": layout})


# Indicator detail --------------------------------------------------------------------


def series(
    data: Dataset, code: str, area: str | None, first: int | None = None, last: int | None = None
) -> pd.DataFrame:
    """One indicator's level by year (final figure, else estimate): year, actual, qualifier."""
    lv = levels(data.observations)
    mine = lv[lv["code"] == code]
    if area is not None:
        mine = mine[mine["area"] == area]
    if first is not None:
        mine = mine[mine["year"] >= first]
    if last is not None:
        mine = mine[mine["year"] <= last]
    return mine[["year", "actual", "qualifier"]].sort_values("year").reset_index(drop=True)


def series_figure(series: pd.DataFrame, targets: pd.DataFrame, name: str, unit: str, lang: Lang) -> go.Figure:
    """An indicator's figures by year, with its targets as open diamonds."""
    traces = []
    if not series.empty:
        label = t("chart.actual", lang)
        traces.append(
            _point_trace(
                label,
                series["year"].tolist(),
                series["actual"].tolist(),
                [fmt.number(v, lang) for v in series["actual"]],
                [
                    _hover_line(f"{label} {int(y)}", fmt.number(v, lang), unit)
                    for y, v in series[["year", "actual"]].to_numpy()
                ],
                mode="lines+markers+text",
                line={"color": "#0072B2", "width": 3},
                marker={"size": 9},
                textposition="bottom right",
            )
        )
    shown = targets[targets["value"].notna()] if not targets.empty else targets
    if not shown.empty:
        label = t("chart.target", lang)
        traces.append(
            _point_trace(
                label,
                shown["year"].tolist(),
                shown["value"].tolist(),
                [fmt.number(v, lang) for v in shown["value"]],
                [
                    _hover_line(f"{label} {t(f'kind.{k}', lang)} {int(y)}", fmt.number(v, lang), unit)
                    for k, y, v in zip(shown["target_kind"], shown["year"], shown["value"], strict=True)
                ],
                mode="markers+text",
                marker={"size": 13, "symbol": "diamond-open", "color": "#B34700", "line": {"width": 2.5}},
                textposition="middle left",
            )
        )
    years = [int(y) for y in series["year"]] + ([int(y) for y in shown["year"]] if not shown.empty else [])
    return go.Figure({"data": traces, "layout": _series_layout(name, lang, years, unit, 320)})


def observations_table(data: Dataset, code: str, lang: Lang, area: str | None) -> pd.DataFrame:
    """Every figure of one indicator: year, kind, value, qualifier, section and quote."""
    obs = data.observations[data.observations["code"] == code]
    if area is not None:
        obs = obs[obs["area"] == area]
    records = []
    for _, row in obs.sort_values(["year", "kind"]).iterrows():
        kind = str(row["kind"])
        base = "" if pd.isna(row["base_year"]) else int(row["base_year"])
        records.append(
            {
                t("col.year", lang): str(int(row["year"])),
                t("col.obs_kind", lang): t(f"obs.{kind}", lang).format(y=base),
                t("col.value", lang): row["value"],
                t("col.note", lang): t(f"qualifier.{row['qualifier']}", lang) if row["qualifier"] else "",
                t("col.section", lang): row["section"],
                t("col.quote", lang): row["quote"],
            }
        )
    return pd.DataFrame.from_records(records)


def targets_table(data: Dataset, code: str, lang: Lang, area: str | None) -> pd.DataFrame:
    """Every target of one indicator: term, kind, comparison, value, whether derived, and quote."""
    targets = data.targets[data.targets["code"] == code]
    if area is not None:
        targets = targets[targets["area"] == area]
    records = []
    for _, row in targets.sort_values(["year", "target_kind"]).iterrows():
        records.append(
            {
                t("col.term", lang): term_label(str(row["term"]) or str(row["year"]), lang),
                t("col.kind", lang): t(f"kind.{row['target_kind']}", lang),
                t("col.comparator", lang): t(f"cmp.{row['comparator']}", lang),
                t("col.target", lang): row["value"],
                t("col.derived", lang): t("yes", lang) if row["derived"] else t("no", lang),
                t("col.section", lang): row["section"],
                t("col.quote", lang): row["quote"],
            }
        )
    return pd.DataFrame.from_records(records)


def attainment_table(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The computed % beside the report's own, with the difference in points."""
    records = []
    for _, row in rows.iterrows():
        records.append(
            {
                t("col.term", lang): term_label(str(row["period"]), lang),
                t("col.kind", lang): t(f"kind.{row['target_kind']}", lang),
                t("col.actual", lang): row["actual"],
                t("col.target", lang): row["target"],
                t("col.pct", lang): row["attainment_pct"],
                t("col.reported", lang): row["reported_pct"],
                t("col.difference", lang): row["difference_pts"],
                t("col.status", lang): status_text(str(row["status"]), lang),
            }
        )
    return pd.DataFrame.from_records(records)


def quotes(data: Dataset, code: str, area: str | None) -> pd.DataFrame:
    """The report's sentences an indicator's figures come from: section and quote, each once."""
    frames = [data.observations, data.targets, data.reported]
    parts = []
    for frame in frames:
        mine = frame[frame["code"] == code]
        if area is not None:
            mine = mine[mine["area"] == area]
        parts.append(mine[["section", "quote"]])
    found = pd.concat(parts, ignore_index=True)
    found = found[found["quote"].astype(str).str.strip() != ""]
    return found.drop_duplicates().reset_index(drop=True)


# Commendations -----------------------------------------------------------------------


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


def _recipient_word(recipient: str, lang: Lang) -> str:
    return t(f"recipient.{recipient}", lang) if recipient in RECIPIENT_COLOR else ""


def awards_figure(counts: pd.DataFrame, lang: Lang) -> go.Figure:
    """Counts by award and recipient, highest award first; recipients differ by colour, dots and word."""
    ranked = counts[counts["level"] != ""]
    items = []
    for _, row in ranked.iterrows():
        recipient = str(row["recipient"])
        who = _recipient_word(recipient, lang)
        level = t(f"level.{row['level']}", lang)
        label = f"{row['award']} – {who.lower()}" if who else str(row["award"])
        number = value_text(row["count"], str(row["qualifier"]), lang)
        items.append(
            BarItem(
                label=label,
                value=float(row["count"]),
                text=number,
                color=RECIPIENT_COLOR.get(recipient, "#6B6B6B"),
                hover="<br>".join(
                    [
                        f"<b>{_esc(row['award'])}</b>",
                        f"{_esc(who)} · {_esc(level)}",
                        _hover_line(t("chart.count", lang), number, ""),
                    ]
                ),
                pattern=RECIPIENT_PATTERN.get(recipient, ""),
            )
        )
    return bar_list(items, t("chart.by_award", lang), lang, axis_title=t("chart.count", lang))


def levels_table(counts: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Totals by level and recipient, state level first."""
    ranked = counts[counts["level"] != ""]
    if ranked.empty:
        return pd.DataFrame(columns=[t("col.level", lang), t("col.recipient", lang), t("col.count", lang)])
    grouped = ranked.groupby(["level", "recipient"], as_index=False)["count"].sum()
    level_rank = {lvl: i for i, lvl in enumerate(LEVEL_ORDER)}
    grouped = grouped.assign(_rank=grouped["level"].map(level_rank).fillna(len(LEVEL_ORDER)))
    grouped = grouped.sort_values(["_rank", "recipient"], ascending=[True, False], kind="stable")
    return pd.DataFrame(
        {
            t("col.level", lang): [t(f"level.{lvl}", lang) for lvl in grouped["level"]],
            t("col.recipient", lang): [_recipient_word(r, lang) for r in grouped["recipient"]],
            t("col.count", lang): grouped["count"].to_numpy(),
        }
    )


def levels_figure(counts: pd.DataFrame, lang: Lang) -> go.Figure:
    """Totals by level, each split into collectives and individuals."""
    table = levels_table(counts, lang)
    items = []
    for _, row in table.iterrows():
        level, who, count = row.iloc[0], row.iloc[1], float(row.iloc[2])
        recipient = "tap_the" if who == t("recipient.tap_the", lang) else "ca_nhan"
        items.append(
            BarItem(
                label=f"{level} – {str(who).lower()}",
                value=count,
                text=fmt.number(count, lang),
                color=RECIPIENT_COLOR[recipient],
                pattern=RECIPIENT_PATTERN[recipient],
                hover=f"<b>{_esc(level)}</b><br>{_esc(who)}: {_esc(fmt.number(count, lang))}",
            )
        )
    return bar_list(items, t("chart.by_level", lang), lang, axis_title=t("chart.count", lang))


def commendations_table(counts: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Award, recipient, level and count, for reading and for Excel."""
    return pd.DataFrame(
        {
            t("col.award", lang): counts["award"].to_numpy(),
            t("col.recipient", lang): [_recipient_word(r, lang) for r in counts["recipient"]],
            t("col.level", lang): [
                t(f"level.{lvl}", lang) if lvl else t("level.other", lang) for lvl in counts["level"]
            ],
            t("col.year", lang): [str(int(y)) for y in counts["year"]],
            t("col.count", lang): counts["count"].to_numpy(),
            t("col.note", lang): [t(f"qualifier.{q}", lang) if q else "" for q in counts["qualifier"]],
        }
    )
