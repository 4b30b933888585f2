"""Tables for reading: numbers in the reader's convention, figures right-aligned, a phone's list form."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from dashboard import downloads
from dashboard.markup import md
from indicators.text import fmt, tables
from indicators.text.fmt import Lang
from indicators.text.i18n import t


def readable(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """A table for reading: numbers in the reader's convention, "—" for absent, text escaped."""
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_bool_dtype(values):
            out[column] = [t("yes", lang) if v else t("no", lang) for v in values]
        elif pd.api.types.is_numeric_dtype(values):
            out[column] = [fmt.number(v, lang) for v in values]
        else:
            out[column] = [fmt.MISSING if fmt.is_missing(v) else md(v) for v in values]
    out.columns = [md(c) for c in frame.columns]
    return out


# Text that reads as a figure: "1.050,2 (Nghị quyết)", "≈ 300.000", "−4,5 %"; "giảm mỗi năm 0,5 ‰" does not.
_FIGURE_START = re.compile(r"^[≈~≤≥<>+−-]?\s?\d")


def figure_columns(frame: pd.DataFrame) -> list[str]:
    """The columns to right-align: numbers, and text columns whose every entry starts with a figure.

    The first column names the rows (an indicator, a year, a term) and stays to the left.
    """
    out = []
    for column in frame.columns[1:]:
        values = frame[column]
        if pd.api.types.is_bool_dtype(values):
            continue
        if pd.api.types.is_numeric_dtype(values):
            out.append(column)
            continue
        texts = [str(v) for v in values if not fmt.is_missing(v) and str(v) != fmt.MISSING]
        # A column of nothing but "—" is a column of figures not yet in, aligned like the figures.
        if all(_FIGURE_START.match(x) for x in texts):
            out.append(column)
    return out


def _right_heads(table: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Styler rules that right-align these columns' headers over their right-aligned figures."""
    # Important: Streamlit writes its own alignment on every cell, and a style attribute wins otherwise.
    return [
        {"selector": f"th.col_heading.col{i}", "props": "text-align: right !important"}
        for i, column in enumerate(table.columns)
        if column in columns
    ]


def _aligned(frame: pd.DataFrame, lang: Lang) -> object:
    """The reading table with figures right-aligned, header and cells, so digits line up by place."""
    table = readable(frame, lang)
    right = [md(c) for c in figure_columns(frame)]
    styled = table.style.set_properties(subset=right, **{"text-align": "right !important"})
    return styled.set_table_styles(_right_heads(table, right))


def _phone_rows(frame: pd.DataFrame, lang: Lang) -> str:
    """A wide table as a list for a phone: each row's first cell in bold, then "column: value" for the rest.

    Empty cells are left out rather than shown as "—": on a narrow screen every line has to say something.
    """
    table = readable(frame, lang)
    items = []
    for _, row in table.iterrows():
        first, *rest = list(row.items())
        parts = [f"{column}: {value}" for column, value in rest if value not in {fmt.MISSING, ""}]
        items.append(f"- **{first[1]}**" + ("  \n  " + " · ".join(parts) if parts else ""))
    return "\n".join(items)


def markdown_table(frame: pd.DataFrame, lang: Lang) -> str:
    """The reading table as one Markdown table: headers, cells escaped, figures right-aligned.

    Streamlit draws each cell of st.table through its own Markdown component; one Markdown table is
    parsed once, which a table of a few hundred cells (the comparison of 38 communes) needs.
    """
    table = readable(frame, lang)
    right = set(figure_columns(frame))
    rule = ["---:" if c in right else "---" for c in frame.columns]

    def line(cells: Sequence[object]) -> str:
        # A line break would end the row; the cells are escaped already (a "|" is "\|").
        return "| " + " | ".join(str(c).replace("\n", " ") for c in cells) + " |"

    rows = [line(list(table.columns)), line(rule), *(line(list(r)) for r in table.itertuples(index=False))]
    return "\n".join(rows)


# A table of more columns than this is drawn twice, as a table for wide screens and as a list for a
# phone, and the style sheet shows the one that fits: at 390 px a seven-column table either scrolls
# sideways or wraps its words one to a line.
PHONE_COLUMNS = 3


LONG_TABLE = 80  # rows


def show_table(
    frame: pd.DataFrame,
    name: str,
    lang: Lang,
    key: str,
    columns: list[str] | None = None,
    display: pd.DataFrame | None = None,
    one_markdown: bool = False,
) -> None:
    """A table for reading and a button that downloads all of `frame` as Excel; headers translated here.

    The reading table is `display` if given, else `frame`'s `columns` (all by default): a phone
    shows a few columns well, while the Excel file keeps every one. `one_markdown` draws the wide
    table as one Markdown table, not st.table: a long table then costs the browser far less to draw.
    """
    shown = display if display is not None else frame[columns] if columns is not None else frame
    shown = tables.headers(shown, lang)
    # A national store's hundred indicators make a table longer than any of the report's (69 rows at
    # most): as one Markdown table the browser draws it in a fraction of an st.table's time.
    reading_table(shown, lang, key, one_markdown or len(shown) > LONG_TABLE)
    downloads.excel_download(frame, name, lang, key)


def reading_table(shown: pd.DataFrame, lang: Lang, key: str, one_markdown: bool = False) -> None:
    """`shown`, headers already in words, as a table on a wide screen and as a list on a phone."""
    if len(shown.columns) > PHONE_COLUMNS and not shown.empty:
        with st.container(key=f"wide_only-{key}"):
            if one_markdown:
                st.markdown(markdown_table(shown, lang))
            else:
                st.table(_aligned(shown, lang), hide_index=True)
        with st.container(key=f"phone_only-{key}"):
            st.markdown(_phone_rows(shown, lang))
    else:
        st.table(_aligned(shown, lang), hide_index=True)


def plain_table(frame: pd.DataFrame, lang: Lang) -> None:
    """A table for reading only (no download), its column ids turned into headers here."""
    st.table(readable(tables.headers(frame, lang), lang), hide_index=True)


# Light enough that the number written over a bar keeps its contrast (#111827 on it: above 10:1).
INLINE_BAR = "#B9D3EA"


def show_bar_table(frame: pd.DataFrame, column: str, lang: Lang) -> None:
    """A small table whose `column` of counts has a bar behind each number, scaled to the table's largest.

    Every count reads as a number, right-aligned; the bar only compares rows of this one table, so a
    count of 1 beside 6.099 is small but still written, and no axis from 0 to 6.099 hides it.
    """
    shown = tables.headers(frame, lang)
    head = t(f"col.{column}", lang)
    table = readable(shown, lang)
    table[md(head)] = shown[head].to_numpy()
    styled = (
        table.style.format(lambda v: fmt.number(v, lang), subset=[md(head)])
        .bar(subset=[md(head)], color=INLINE_BAR, vmin=0, height=70, width=100, props="width: 35%;")
        .set_properties(subset=[md(head)], **{"text-align": "right !important"})
        .set_table_styles(_right_heads(table, [md(head)]))
    )
    # Full width with the bars in a fixed share of it: the bars of every such table line up down the page.
    st.table(styled, hide_index=True)
