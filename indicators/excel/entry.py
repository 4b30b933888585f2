"""Figures typed in the browser: the grid of one area and year, and the wide sheet it is checked as."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pandas as pd

from indicators.core.model import DOMAINS, Dataset, ObsKind
from indicators.excel import validate
from indicators.excel.typed_numbers import parse_vietnamese, yes_no_word
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import Message, Num, msg

GRID_COLUMNS = ("code", "name", "unit", "value", "kind", "note")
KINDS = (ObsKind.ACTUAL.value, ObsKind.ESTIMATE.value)  # thực hiện (official), ước thực hiện
SHEET = "NhapSoLieu"
# The wide layout's headers: the year column holds official figures, "UTH year" estimates; each has
# its note column ("Ghi chú year", "Ghi chú UTH year").
CODE_HEADER, AREA_HEADER, NOTE_HEADER = "Mã chỉ tiêu", "Mã địa bàn", "Ghi chú"
# The browser stops a note at 500 characters, but a crafted session can send anything: the server says
# so too. A figure of more than 40 characters is no figure anyone typed.
NOTE_MAX, VALUE_MAX = 500, 40
_LINE_CONTROLS = {"\t", "\n", "\r"}  # a note may run over lines; other control characters are refused


def grid(data: Dataset, area: str, year: int, lang: Lang = "vi") -> pd.DataFrame:
    """One row per indicator with its figure for that area and year as people write it (official first),
    whether it is official or an estimate, and its note."""
    obs = data.observations
    here = obs[(obs["area"] == area) & (obs["year"] == year) & obs["kind"].isin(KINDS)]
    # The official figure wins over an estimate of the same year; the grid shows one figure a row.
    here = here.assign(_order=here["kind"].map({ObsKind.ACTUAL.value: 0, ObsKind.ESTIMATE.value: 1}))
    latest = here.sort_values("_order").drop_duplicates("code").set_index("code")
    indicators = data.indicators
    name, unit = indicators["name_vi"], indicators["unit"]
    if lang == "en":
        name = indicators["name_en"].where(indicators["name_en"].fillna("").str.strip() != "", name)
        unit = indicators["unit_en"].where(indicators["unit_en"].fillna("").str.strip() != "", unit)
    values = indicators["code"].map(latest["value"])
    kinds = indicators["code"].map(latest["kind"]).astype(object)
    notes = [n if isinstance(n, str) else "" for n in indicators["code"].map(latest["note"])]
    rows = pd.DataFrame(
        {
            "code": indicators["code"].to_numpy(),
            "name": name.to_numpy(),
            "unit": unit.to_numpy(),
            # Text in the Vietnamese convention, typed back the same way ("2.503,3").
            "value": ["" if pd.isna(v) else fmt.number(v, "vi") for v in values],
            "kind": [k if isinstance(k, str) else ObsKind.ACTUAL.value for k in kinds],
            "note": notes,
        }
    )
    # As the report reads, domain by domain, then by name: an analyst copies a section at a time,
    # and an English code says nothing to someone typing Vietnamese figures.
    domain = indicators["domain"].map({d: i for i, d in enumerate(DOMAINS)}).fillna(len(DOMAINS))
    order = pd.DataFrame({"domain": domain.to_numpy(), "name": [fold(n) for n in rows["name"]]})
    return rows.loc[order.sort_values(["domain", "name"], kind="stable").index].reset_index(drop=True)


def fold(text: object) -> str:
    """Text to compare as a reader does: case and accents aside ("Tỷ suất" finds "ty suat"), đ as d."""
    plain = unicodedata.normalize("NFD", str(text).casefold().replace("đ", "d"))
    return "".join(c for c in plain if unicodedata.category(c) != "Mn")


def search(rows: pd.DataFrame, query: str) -> pd.DataFrame:
    """The grid's rows whose name or code holds every word of `query` (all rows for an empty one)."""
    words = fold(query).split()
    if not words:
        return rows
    texts = [f"{fold(n)} {fold(c)}" for n, c in zip(rows["name"], rows["code"], strict=True)]
    return rows[[all(w in text for w in words) for text in texts]]


def with_edits(rows: pd.DataFrame, edits: dict[str, dict[str, str]]) -> pd.DataFrame:
    """The grid with the figures, kinds and notes typed so far (code → column → text) put in."""
    out = rows.copy()
    for code, typed in edits.items():
        at = out["code"] == code
        for column, text in typed.items():
            out.loc[at, column] = text
    return out


def edits_of(
    before: pd.DataFrame, shown: pd.DataFrame, edits: dict[str, dict[str, str]]
) -> dict[str, dict[str, str]]:
    """`edits` with the rows of `shown` (a searched part of the grid, as edited) taken in; a row typed
    back to what it was is no edit. The rows a search hides keep their edits."""
    out = dict(edits)
    original = before.set_index("code")
    for row in shown.itertuples(index=False):
        code = str(row.code)
        typed = {
            c: "" if pd.isna(getattr(row, c)) else str(getattr(row, c)) for c in ("value", "kind", "note")
        }
        if all(typed[c] == str(original.at[code, c]) for c in typed):
            out.pop(code, None)
        else:
            out[code] = typed
    return out


@dataclass(frozen=True)
class Entry:
    """What the grid changed, as the cells of a wide sheet, and which grid row each sheet row is."""

    cells: list[list[object]]  # header row first, as a workbook reader would give them
    file_name: str  # the name the version records
    rows: dict[int, str]  # sheet row → indicator code
    made_from: int | None = None  # the data version the grid was drawn from

    @property
    def empty(self) -> bool:
        """True when nothing was typed or changed."""
        return not self.rows


def changes(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The rows whose figure, kind or note was typed anew; a cleared figure is not a removal (nothing is).

    A note belongs to a figure: a note typed beside an empty figure makes no row.
    """
    columns = ["code", "value", "kind", "note"]
    merged = after.merge(before[columns], on="code", how="left", suffixes=("", "_before"))
    value, note = _text(merged["value"]), _text(merged["note"])
    typed = value != ""
    differs = (
        (value != _text(merged["value_before"]))
        | (merged["kind"] != merged["kind_before"])
        | (note != _text(merged["note_before"]))
    )
    chosen = typed & differs
    # The note shown was the other kind's (an estimate's, say): a figure of the other kind does not take
    # it over unless it is typed anew (blank: that figure keeps its own note, if any).
    other = (merged["kind"] != merged["kind_before"]) & (note == _text(merged["note_before"]))
    note = note.where(~other, "")
    return merged.loc[chosen, columns].assign(value=value[chosen], note=note[chosen])


def _text(column: pd.Series) -> pd.Series:
    """A grid column as stripped text; an untouched empty cell (None) is ""."""
    return column.fillna("").astype(str).str.strip()


@dataclass(frozen=True)
class GridProblem:
    """A typed cell the server refuses before anything is written: its indicator, value and why."""

    code: str
    value: str
    words: Message


def _control(text: str) -> str | None:
    """The first control character (NUL, a bell…) other than a line break or a tab, if any."""
    if text.isprintable():
        return None
    return next((c for c in text if unicodedata.category(c) == "Cc" and c not in _LINE_CONTROLS), None)


def _cell_problems(code: str, column: str, text: str, limit: int) -> list[GridProblem]:
    shown = text if len(text) <= 60 else text[:60] + "…"
    out = []
    if len(text) > limit:
        out.append(
            GridProblem(code, shown, msg(f"enter.{column}_too_long", n=Num(len(text)), max=Num(limit)))
        )
    bad = _control(text)
    if bad is not None:
        shown = shown.replace(bad, f"[U+{ord(bad):04X}]")
        out.append(GridProblem(code, shown, msg("enter.control_character", what=f"U+{ord(bad):04X}")))
    return out


def problems(before: pd.DataFrame, after: pd.DataFrame) -> list[GridProblem]:
    """Typed cells refused whatever the browser allowed: too long, control characters."""
    typed = changes(before, after)
    found: list[GridProblem] = []
    for row in typed.itertuples(index=False):
        found += _cell_problems(str(row.code), "value", str(row.value), VALUE_MAX)
        found += _cell_problems(str(row.code), "note", str(row.note), NOTE_MAX)
    return found


def _stored(data: Dataset, area: str, year: int) -> dict[tuple[str, str], float]:
    """The exact stored figures of the grid (the grid shows them rounded to two decimals)."""
    obs = data.observations
    here = obs[(obs["area"] == area) & (obs["year"] == year) & obs["kind"].isin(KINDS)]
    return {
        (str(c), str(k)): float(v) for c, k, v in zip(here["code"], here["kind"], here["value"], strict=True)
    }


def _figure(row: pd.Series, stored: dict[tuple[str, str], float]) -> object:
    """The figure to write: the stored one where the shown text was left as it is (a note edited alone),
    else the text read in the Vietnamese convention the grid shows; text that is no number stays text,
    so the upload's checks refuse it quoting what was typed."""
    if row["value"] == row["value_shown"] and (row["code"], row["kind_shown"]) in stored:
        return stored[(row["code"], row["kind_shown"])]
    if yes_no_word(row["value"]):
        # The sheet's checks read the word and refuse it for an indicator that is no yes/no one.
        return str(row["value"])
    parsed = parse_vietnamese(row["value"])
    return parsed.value if parsed.value is not None else row["value"]


def sheet(before: pd.DataFrame, after: pd.DataFrame, area: str, year: int, data: Dataset) -> Entry:
    """The changed rows as a wide sheet (code, area, year, its note, UTH year, its note): what an analyst
    would upload. A note written replaces the figure's note; a blank one keeps it, as in any wide sheet.

    `data` is the version the grid was drawn from: the sheet records it (so an upload's stale check
    applies to the grid too) and a figure left as shown keeps its exact stored value.
    Call `problems` first: they are refused before any check of the sheet.
    """
    typed = changes(before, after)
    shown = before.set_index("code")
    typed = typed.assign(
        value_shown=typed["code"].map(_text(shown["value"])).fillna(""),
        kind_shown=typed["code"].map(shown["kind"]).fillna(""),
    )
    stored = _stored(data, area, year)
    header: list[object] = [
        CODE_HEADER,
        AREA_HEADER,
        str(year),
        f"{NOTE_HEADER} {year}",
        f"UTH {year}",
        f"{NOTE_HEADER} UTH {year}",
    ]
    cells: list[list[object]] = [header]
    rows: dict[int, str] = {}
    for i, (_, row) in enumerate(typed.iterrows(), start=2):
        official = row["kind"] != ObsKind.ESTIMATE.value
        # "" is an empty cell, as a workbook reader gives it.
        note = row["note"] or ""
        value = _figure(row, stored)
        figure = [value, note, "", ""] if official else ["", "", value, note]
        cells.append([row["code"], area, *figure])
        rows[i] = str(row["code"])
    file_name = f"nhap-truc-tiep-{area}-{year}.xlsx"
    return Entry(cells, file_name, rows, int(data.version) if data.version else None)


def check(typed: Entry, current: Dataset) -> validate.Upload:
    """The typed sheet through the upload's checks, cell by cell, as if uploaded: no workbook is made."""
    return validate.check_cells(SHEET, typed.cells, typed.file_name, current, typed.made_from)
