"""What the commands print: the people's tables, CSV and JSON, and the files they read and write."""

from __future__ import annotations

import argparse
import functools
import io
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from indicators.areas import compare
from indicators.areas import hierarchy as areas
from indicators.cli import tables as cli_tables
from indicators.cli.parser import InputError, UsageError
from indicators.core import attainment, progress
from indicators.core.model import Dataset
from indicators.excel import writer as xlsx_writer
from indicators.rounds import workflow
from indicators.store.database import Store
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t


def _attainment_rows(store: Store, area: str | None, include_pending: bool = False) -> pd.DataFrame:
    data = store.load()
    if area is not None and area not in set(data.areas["code"]):
        known = ", ".join(sorted(data.areas["code"]))
        raise UsageError(f"không có địa bàn '{area}'; các mã địa bàn: {known}")
    # Approved figures only, unless asked: then the pending ones too, each row marked.
    data, pending = workflow.with_pending(store, data) if include_pending else (data, None)
    rows = attainment.compute(data, area=area)
    # The report's qualifier ("khoảng 300.000") of each actual, for the people's table.
    rows = rows.assign(qualifier=_qualifiers(data, rows, "year"), name_shown=_names(data, rows["code"]))
    if pending is None:
        return rows
    keys = set(zip(pending["code"], pending["area"], pending["year"].astype(int), strict=True))
    marked = [
        (c, a, int(y)) in keys for c, a, y in zip(rows["code"], rows["area"], rows["year"], strict=True)
    ]
    return rows.assign(pending=marked)


def _names(data: object, codes: pd.Series, lang: str = "vi") -> list[str]:
    info = data.indicators.set_index("code")  # type: ignore[attr-defined]
    column = "name_en" if lang == "en" else "name_vi"
    names = info[column].where(info[column] != "", info["name_vi"])
    return [str(names.get(c, c)) for c in codes]


def _attainment_frame(store: Store, area: str | None, include_pending: bool = False) -> pd.DataFrame:
    rows = _attainment_rows(store, area, include_pending)
    printed = [
        fmt.round_half_up(c, fmt.printed_decimals(r)) if pd.notna(c) and pd.notna(r) else None
        for c, r in zip(rows["attainment_pct"], rows["reported_pct"], strict=True)
    ]
    return pd.DataFrame(
        {
            "code": rows["code"],
            "name": rows["name_shown"],
            # The CSV's unit is the figure's, in words: a cut a year reads "điểm %/năm", as before.
            "unit": [
                phrase.change_unit(c, u, "vi") if c else u
                for u, c in zip(rows["unit"].astype(str), rows["change_unit"].astype(str), strict=True)
            ],
            "period": rows["term"].where(rows["term"] != "", rows["year"].astype(str)),
            "target_kind": rows["target_kind"],
            "actual": rows["actual"],
            "target": rows["target"],
            "attainment_pct": rows["attainment_pct"].round(2),
            "reported_pct": rows["reported_pct"],
            "status": [t(f"status.{s}") for s in rows["status"]],
            "area": rows["area"],
            "year": rows["year"],
            "comparator": rows["comparator"],
            "target_derived": rows["target_derived"],
            "attainment_pct_as_printed": pd.Series(printed, dtype="float64"),
            "differs": rows["differs"],
            "status_code": rows["status"],
            "status_basis": rows["status_basis"],
            "target_basis": rows["target_basis"],
            "attainment_basis": rows["attainment_basis"],
            "actual_kind": rows["actual_kind"].astype(str).replace("", "none"),
            "yearly": rows["yearly"],
            # The source's word before the target's number ("tren": "trên 45 triệu"), "" where none.
            "target_qualifier": rows["target_qualifier"],
            # Only with --include-pending: True where the figure waits for review ("chưa duyệt").
            **({"pending": rows["pending"]} if "pending" in rows else {}),
        }
    )


def _progress_rows(store: Store, include_pending: bool) -> pd.DataFrame:
    """Progress from approved figures; with pending ones, each row whose latest figure waits is marked."""
    data, pending = _pending_data(store, include_pending)
    rows = progress.compute(data)
    if pending is None:
        return rows
    latest = zip(
        rows["code"], rows["area"].astype(str), rows["latest_year"].fillna(-1).astype(int), strict=True
    )
    return rows.assign(pending=[key in pending for key in latest])


def _progress_frame(store: Store, include_pending: bool = False) -> pd.DataFrame:
    data = store.load()
    rows = _progress_rows(store, include_pending)
    # The engine gives codes; the CSV keeps its name column, in the catalogue's Vietnamese.
    rows.insert(1, "name", _names(data, rows["code"]))
    rows["base_kind"] = rows["base_kind"].astype(str).replace("", "none")
    rows["latest_kind"] = rows["latest_kind"].astype(str).replace("", "none")
    rows["final_kind"] = rows["final_kind"].astype(str).replace("", "none")
    out = rows.copy()
    for column in ("required_growth_pct", "observed_growth_pct", "ratio", "final_pct"):
        out[column] = out[column].round(4)
    out["status_code"] = out["status"]
    out["status"] = [t(f"progress.{s}") for s in rows["status"]]
    return out.drop(columns=["target_quote"])


def _areas_frame(store: Store) -> pd.DataFrame:
    data = store.load()
    frame = data.areas.copy()
    frame["formed_from"] = frame["code"].map(areas.formed_from_text(data)).fillna("")
    # A reused code names the former unit only until the day before its successor took effect.
    links = data.area_links
    if not links.empty:
        former = frame["valid_to"] != ""
        frame.loc[former, "formed_from"] = ""
    return frame[["code", "name", "level", "parent", "valid_from", "valid_to", "formed_from"]]


def _pending_data(store: Store, include_pending: bool) -> tuple[Dataset, set[tuple[str, str, int]] | None]:
    """Approved figures only, unless asked: then the pending ones put over them, and their keys
    (code, area, year) so that each row showing one is marked "chưa duyệt"."""
    data = store.load()
    if not include_pending:
        return data, None
    data, pending = workflow.with_pending(store, data)
    return data, set(zip(pending["code"], pending["area"], pending["year"].astype(int), strict=True))


def _compare_frame(
    store: Store, code: str, year: int, parent: str | None, lang: Lang = "vi", include_pending: bool = False
) -> pd.DataFrame:
    data, pending = _pending_data(store, include_pending)
    result = compare.compare(data, code, year, parent)
    if result.problem:
        raise UsageError(t(result.problem).format(code=code, year=year, area=parent or ""))
    rows = result.rows
    note = compare.parent_note(result, lang)
    names = compare.area_names(data, rows["area"], year, lang)
    return pd.DataFrame(
        {
            "code": rows["area"],
            "name": [names[a] for a in rows["area"]],
            "value": rows["value"],
            "actual_kind": rows["actual_kind"],
            "target": rows["target"],
            "attainment_pct": rows["attainment_pct"].round(2),
            "status": [t(f"status.{s}", lang) for s in rows["status"]],
            "row": [note if p else "" for p in rows["is_parent"]],
            "gap": rows["gap"],
            "target_kind": rows["target_kind"].fillna(""),
            "mark": rows["mark"],
            "reported": rows["reported"],
            "expected": rows["expected"],
            "status_code": rows["status"],
            # What the target is: an implied one is shown to people marked and rounded (phrase).
            "comparator": rows["comparator"].astype(object).fillna(""),
            "target_basis": rows["target_basis"].astype(object).fillna(""),
            "reported_pct": rows["reported_pct"],
            # Only with --include-pending: True where the row's figure waits for review, or (the parent's
            # row) its total holds one that does.
            **({"pending": _compare_pending(rows, code, year, pending)} if pending is not None else {}),
        }
    )


def _compare_pending(
    rows: pd.DataFrame, code: str, year: int, pending: set[tuple[str, str, int]]
) -> list[bool]:
    own = [(code, str(a), year) in pending for a in rows["area"]]
    any_child = any(o for o, p in zip(own, rows["is_parent"], strict=True) if not p)
    return [o or (bool(p) and any_child) for o, p in zip(own, rows["is_parent"], strict=True)]


def _history_frame(store: Store) -> pd.DataFrame:
    frame = store.versions()
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True).dt.strftime("%Y-%m-%d %H:%M:%S")
    return frame[["version", "created_at", "account", "action", "file_name", "sha256", "note", "counts"]]


def _for_people(frame: pd.DataFrame) -> str:
    """A plain-text table with numbers in the Vietnamese convention."""
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_float_dtype(shown[column]):
            shown[column] = [fmt.number(v, "vi") for v in shown[column]]
        elif isinstance(shown[column].dtype, pd.Int64Dtype):
            shown[column] = [fmt.MISSING if pd.isna(v) else str(v) for v in shown[column]]
        elif pd.api.types.is_bool_dtype(shown[column]):
            shown[column] = ["có" if v else "" for v in shown[column]]
    return shown.to_string(index=False, na_rep=fmt.MISSING)


def emit(frame: pd.DataFrame, output_format: str) -> str:
    """A frame as the chosen output: CSV (formula-safe), JSON records, or the people's table."""
    if output_format == "csv":
        buffer = io.StringIO()
        xlsx_writer.csv_safe(frame).to_csv(buffer, index=False, lineterminator="\n")
        return buffer.getvalue()
    if output_format == "json":
        return frame.to_json(orient="records", force_ascii=False, indent=1) + "\n"
    return _for_people(frame) + "\n"


def _units(data: object, codes: pd.Series, lang: str) -> list[str]:
    info = data.indicators.set_index("code")  # type: ignore[attr-defined]
    column = "unit_en" if lang == "en" else "unit"
    units = info[column].where(info[column] != "", info["unit"])
    return [str(units.get(c, "")) for c in codes]


def _kinds(data: object, rows: pd.DataFrame) -> list[str]:
    """Each row's value kind (level, share, term_total …): a term's sum is said over its years."""
    kinds = data.indicators.set_index("code")["value_kind"]  # type: ignore[attr-defined]
    return [str(kinds.get(c, "")) for c in rows["code"]]


def _qualifiers(data: object, rows: pd.DataFrame, year: str) -> np.ndarray:
    """The report's qualifier ("khoảng") of the figure each row shows for `year`."""
    obs = data.observations  # type: ignore[attr-defined]
    levels = obs[obs["kind"].isin(["actual", "estimate"])].drop_duplicates(["code", "area", "year"])
    keys = pd.MultiIndex.from_arrays([rows["code"], rows["area"], rows[year].astype("Int64")])
    return levels.set_index(["code", "area", "year"])["qualifier"].reindex(keys).fillna("").to_numpy()


def _marked(rows: pd.DataFrame, data: Dataset, lang: Lang) -> pd.DataFrame:
    """Rows with their names in `lang`, a pending row's followed by "(chưa duyệt)"."""
    names = _names(data, rows["code"], lang)
    if "pending" in rows:
        mark = t("rounds.pending_mark", lang)
        names = [f"{n} {mark}" if p else n for n, p in zip(names, rows["pending"], strict=True)]
    return rows.assign(name_shown=names)


def people(args: argparse.Namespace, store: Store) -> str:
    """The people's table of attainment, progress or history, in the chosen language."""
    if args.command == "areas":
        # Codes, names and figures in the Vietnamese convention: one plain table, as wide as it needs.
        return _for_people(COMMANDS[args.command](args, store)) + "\n"
    lang = args.lang
    if args.command == "compare":
        # Words, not codes (estimate, no_target): the codes stay in CSV and JSON.
        frame = COMMANDS[args.command](args, store)
        # A term's sum says its years in words ("tổng giai đoạn 2016–2020"), never the one year asked.
        kind = _kinds(store.load(), pd.DataFrame({"code": [args.code] * len(frame)}))
        if "pending" in frame:
            mark = t("rounds.pending_mark", lang)
            frame["name"] = [
                f"{n} {mark}" if p else n for n, p in zip(frame["name"], frame["pending"], strict=True)
            ]
        return cli_tables.compare_table(frame.assign(year=args.year, value_kind=kind), lang)
    if args.command == "attainment":
        data = store.load()
        rows = _attainment_rows(store, args.area, args.include_pending)
        units = _units(data, rows["code"], lang)
        # The engine names a change's unit by code (pp_per_year); words are put on here, last.
        codes = rows["change_unit"].astype(str)
        shown = [phrase.change_unit(c, u, lang) if c else u for u, c in zip(units, codes, strict=True)]
        rows = rows.assign(
            name_shown=_names(data, rows["code"], lang),
            unit=shown,
            level_unit=units,
            value_kind=_kinds(data, rows),
        )
        if "pending" in rows:
            mark = t("rounds.pending_mark", lang)
            rows["name_shown"] = [
                f"{n} {mark}" if p else n for n, p in zip(rows["name_shown"], rows["pending"], strict=True)
            ]
        return cli_tables.attainment_table(rows, lang)
    if args.command == "progress":
        data = store.load()
        rows = _marked(_progress_rows(store, args.include_pending), data, lang)
        units = _units(data, rows["code"], lang)
        rows = rows.assign(
            goal_unit=units,
            base_qualifier=_qualifiers(data, rows, "base_year"),
            value_kind=_kinds(data, rows),
        )
        return cli_tables.progress_table(rows, lang)
    frame = _history_frame(store)
    return cli_tables.history_table(frame.assign(restored_from=store.versions()["restored_from"]), args.lang)


COMMANDS: dict[str, Callable[[argparse.Namespace, Store], pd.DataFrame]] = {
    "attainment": lambda a, s: _attainment_frame(s, a.area, a.include_pending),
    "progress": lambda a, s: _progress_frame(s, a.include_pending),
    "history": lambda a, s: _history_frame(s),
    "areas": lambda a, s: _areas_frame(s),
    "compare": lambda a, s: _compare_frame(s, a.code, a.year, a.parent, a.lang, a.include_pending),
}


def _why(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "không có tệp hoặc thư mục này"
    if isinstance(exc, PermissionError):
        return "không có quyền"
    if isinstance(exc, IsADirectoryError):
        return "đây là một thư mục"
    return str(exc.strerror or exc)


def read_file(path: str) -> bytes:
    """A file named on the command line; one plain line when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"không đọc được tệp {path}: {_why(exc)}") from exc


def write_file(path: str, data: bytes) -> None:
    """A file the command writes; one plain line when it cannot be written."""
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise InputError(f"không ghi được tệp {path}: {_why(exc)}") from exc


def counts_vi(counts: dict[str, int]) -> str:
    """A version's counts in words: "17 chỉ tiêu, 250 số liệu, 40 mục tiêu"."""
    names = {"indicators": "chỉ tiêu", "observations": "số liệu", "targets": "mục tiêu"}
    names |= {"reported": "tỷ lệ báo cáo", "areas": "địa bàn"}
    return ", ".join(f"{fmt.number(n, 'vi')} {names.get(k, k)}" for k, n in counts.items() if k in names)


def printer(args: argparse.Namespace) -> Callable[..., None]:
    """Where the report's lines go: standard error when standard output carries the CSV."""
    return functools.partial(print, file=sys.stderr) if args.format == "csv" else print
