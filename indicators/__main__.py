"""The command line: `python -m indicators attainment|progress|history ...`."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable

import pandas as pd

from indicators import attainment, fmt, progress
from indicators.i18n import t
from indicators.store import Store, StoreError

FORMATS = ("table", "csv", "json")


class UsageError(Exception):
    """Bad arguments: shown as one line with exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _attainment_frame(store: Store, area: str | None) -> pd.DataFrame:
    data = store.load()
    if area is not None and area not in set(data.areas["code"]):
        known = ", ".join(sorted(data.areas["code"]))
        raise UsageError(f"không có địa bàn '{area}'; các mã địa bàn: {known}")
    rows = attainment.compute(data, area=area)
    printed = [
        fmt.round_half_up(c, fmt.printed_decimals(r)) if pd.notna(c) and pd.notna(r) else None
        for c, r in zip(rows["attainment_pct"], rows["reported_pct"], strict=True)
    ]
    return pd.DataFrame(
        {
            "code": rows["code"],
            "name": rows["name"],
            "unit": rows["unit"],
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
        }
    )


def _progress_frame(store: Store) -> pd.DataFrame:
    rows = progress.compute(store.load())
    out = rows.copy()
    for column in ("required_growth_pct", "observed_growth_pct", "ratio"):
        out[column] = out[column].round(4)
    out["status_code"] = out["status"]
    out["status"] = [t(f"progress.{s}") for s in rows["status"]]
    return out.drop(columns=["target_quote"])


def _history_frame(store: Store) -> pd.DataFrame:
    frame = store.versions()
    frame["created_at"] = pd.to_datetime(frame["created_at"]).dt.strftime("%Y-%m-%d %H:%M:%S")
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


def _emit(frame: pd.DataFrame, output_format: str) -> str:
    if output_format == "csv":
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, lineterminator="\n")
        return buffer.getvalue()
    if output_format == "json":
        return frame.to_json(orient="records", force_ascii=False, indent=1) + "\n"
    return _for_people(frame) + "\n"


def build_parser() -> argparse.ArgumentParser:
    """The parser of every sub-command."""
    parser = _Parser(prog="python -m indicators", description="Chỉ tiêu Tam Đường: tính toán và kho dữ liệu.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("attainment", help="% đạt so với chỉ tiêu, kèm % báo cáo")
    p.add_argument("--area", help="mã địa bàn, ví dụ TD")
    p.add_argument("--format", choices=FORMATS, default="table")
    p = sub.add_parser("progress", help="tiến độ tới mục tiêu 2025")
    p.add_argument("--format", choices=FORMATS, default="table")
    p = sub.add_parser("history", help="các phiên bản dữ liệu")
    p.add_argument("--format", choices=("table", "csv"), default="table")
    return parser


COMMANDS: dict[str, Callable[[argparse.Namespace, Store], pd.DataFrame]] = {
    "attainment": lambda a, s: _attainment_frame(s, a.area),
    "progress": lambda a, s: _progress_frame(s),
    "history": lambda a, s: _history_frame(s),
}


def main(argv: list[str] | None = None) -> int:
    """Run one command; errors are one line on stderr and a non-zero exit, never a traceback."""
    try:
        args = build_parser().parse_args(argv)
        store = Store()
        frame = COMMANDS[args.command](args, store)
        sys.stdout.write(_emit(frame, args.format))
        return 0
    except UsageError as exc:
        print(f"Lỗi cú pháp: {exc}. Xem: python -m indicators --help", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 3
    except Exception as exc:  # noqa: BLE001 - the CLI promises no traceback; the message says what broke.
        print(f"Lỗi không mong đợi: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
