"""The command line: `python -m indicators attainment|progress|history|validate|import|export|report|...`."""

from __future__ import annotations

import argparse
import functools
import getpass
import io
import logging
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NoReturn

import numpy as np
import pandas as pd

from indicators.areas import compare
from indicators.areas import hierarchy as areas
from indicators.areas import official as official_areas
from indicators.cli import tables as cli_tables
from indicators.core import attainment, progress
from indicators.core.model import Dataset
from indicators.excel import diff, missing, stale, validate
from indicators.excel import workbook as excel
from indicators.report import compare as report_compare
from indicators.report import content as report
from indicators.store import accounts, backup, migrate
from indicators.store.database import Store, StoreError
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t

FORMATS = ("table", "csv", "json")
LANGS = ("vi", "en")


class UsageError(Exception):
    """Bad arguments: shown as one line with exit code 2."""


class InputError(Exception):
    """A file named on the command line cannot be read or written: one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _attainment_rows(store: Store, area: str | None) -> pd.DataFrame:
    data = store.load()
    if area is not None and area not in set(data.areas["code"]):
        known = ", ".join(sorted(data.areas["code"]))
        raise UsageError(f"không có địa bàn '{area}'; các mã địa bàn: {known}")
    rows = attainment.compute(data, area=area)
    # The report's qualifier ("khoảng 300.000") of each actual, for the people's table.
    return rows.assign(qualifier=_qualifiers(data, rows, "year"), name_shown=_names(data, rows["code"]))


def _names(data: object, codes: pd.Series, lang: str = "vi") -> list[str]:
    info = data.indicators.set_index("code")  # type: ignore[attr-defined]
    column = "name_en" if lang == "en" else "name_vi"
    names = info[column].where(info[column] != "", info["name_vi"])
    return [str(names.get(c, c)) for c in codes]


def _attainment_frame(store: Store, area: str | None) -> pd.DataFrame:
    rows = _attainment_rows(store, area)
    printed = [
        fmt.round_half_up(c, fmt.printed_decimals(r)) if pd.notna(c) and pd.notna(r) else None
        for c, r in zip(rows["attainment_pct"], rows["reported_pct"], strict=True)
    ]
    return pd.DataFrame(
        {
            "code": rows["code"],
            "name": rows["name"],
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
        }
    )


def _progress_frame(store: Store) -> pd.DataFrame:
    rows = progress.compute(store.load())
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


def _compare_frame(store: Store, code: str, year: int, parent: str | None, lang: Lang = "vi") -> pd.DataFrame:
    data = store.load()
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
            "comparator": rows["comparator"].astype(str).replace("nan", ""),
            "target_basis": rows["target_basis"].astype(str).replace("nan", ""),
            "reported_pct": rows["reported_pct"],
        }
    )


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


def _emit(frame: pd.DataFrame, output_format: str) -> str:
    if output_format == "csv":
        buffer = io.StringIO()
        excel.csv_safe(frame).to_csv(buffer, index=False, lineterminator="\n")
        return buffer.getvalue()
    if output_format == "json":
        return frame.to_json(orient="records", force_ascii=False, indent=1) + "\n"
    return _for_people(frame) + "\n"


def _problem_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--all", action="store_true", help="mỗi vấn đề một dòng (mặc định: vấn đề giống nhau gộp một dòng)"
    )
    parser.add_argument(
        "--format",
        choices=("table", "csv"),
        default="table",
        help="csv: danh sách đầy đủ các vấn đề (severity,sheet,cell,column,value,message) ra đầu ra chuẩn",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of every sub-command."""
    parser = _Parser(prog="python -m indicators", description="Chỉ tiêu Tam Đường: tính toán và kho dữ liệu.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("attainment", help="% đạt so với chỉ tiêu, kèm % báo cáo")
    p.add_argument("--area", help="mã địa bàn, ví dụ TD")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--lang", choices=LANGS, default="vi", help="ngôn ngữ của bảng (vi, en)")
    p = sub.add_parser("progress", help="tiến độ tới mục tiêu 2025")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--lang", choices=LANGS, default="vi", help="ngôn ngữ của bảng (vi, en)")
    p = sub.add_parser("areas", help="địa bàn: mã, tên, cấp, trực thuộc, hiệu lực, hình thành từ")
    p.add_argument("--format", choices=FORMATS, default="table")
    p = sub.add_parser("compare", help="so sánh các địa bàn con trên một chỉ tiêu, một năm")
    p.add_argument("code", help="mã chỉ tiêu, ví dụ TEA_AREA")
    p.add_argument("--year", type=int, required=True, help="năm")
    p.add_argument("--parent", default=None, help=f"mã địa bàn cha, ví dụ 12; {compare.COUNTRY} = toàn quốc")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--lang", choices=LANGS, default="vi", help="ngôn ngữ của bảng (vi, en)")
    p = sub.add_parser("areas-national", help="nạp danh mục 34 tỉnh, 3.321 xã (gói vietnam-provinces)")
    p.add_argument("--note", default="", help="ghi chú cho phiên bản")
    p.add_argument("--account", default=None, help="tài khoản ghi (mặc định: người dùng hệ điều hành)")
    p = sub.add_parser("history", help="các phiên bản dữ liệu")
    p.add_argument("--format", choices=("table", "csv"), default="table")
    p.add_argument("--lang", choices=LANGS, default="vi", help="ngôn ngữ của bảng (vi, en)")
    p = sub.add_parser("validate", help="kiểm tra một tệp Excel, không ghi gì (mã thoát 1 khi có lỗi)")
    p.add_argument("file", help="tệp .xlsx")
    _problem_options(p)
    _mode_option(p)
    p = sub.add_parser("import", help="kiểm tra rồi ghi một tệp Excel thành phiên bản mới")
    p.add_argument("file", help="tệp .xlsx")
    _problem_options(p)
    _mode_option(p)
    p.add_argument("--note", default="", help="ghi chú cho phiên bản")
    p.add_argument("--account", default=None, help="tài khoản ghi (mặc định: người dùng hệ điều hành)")
    p.add_argument(
        "--replace-newer",
        action="store_true",
        help="vẫn ghi khi tệp lập từ phiên bản cũ sẽ gỡ hoặc đổi lại số liệu được thêm hay sửa sau đó",
    )
    p = sub.add_parser("export", help="ghi số liệu (hiện tại hoặc một phiên bản) ra tệp Excel mẫu tải lên")
    p.add_argument("file", help="tệp .xlsx sẽ ghi")
    p.add_argument("--version", type=int, default=None, help="số phiên bản (mặc định: mới nhất)")
    p = sub.add_parser("template", help="tệp mẫu: số liệu hiện tại, trang Hướng dẫn, danh sách chọn")
    p.add_argument("file", help="tệp .xlsx sẽ ghi")
    p = sub.add_parser("missing", help="số liệu còn thiếu để đánh giá các mục tiêu; --out: tệp Excel để điền")
    p.add_argument("--area", help="mã địa bàn, ví dụ 106 (mặc định: mọi địa bàn)")
    p.add_argument("--out", default=None, help="tệp .xlsx sẽ ghi: mẫu tải lên điền sẵn, ô còn thiếu tô vàng")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--lang", choices=LANGS, default="vi", help="ngôn ngữ của bảng (vi, en)")
    p = sub.add_parser("rollback", help="khôi phục số liệu của một phiên bản cũ thành phiên bản mới")
    p.add_argument("version", type=int, help="số phiên bản cần khôi phục")
    p.add_argument("--note", default="", help="ghi chú")
    p.add_argument("--account", default=None, help="tài khoản (mặc định: người dùng hệ điều hành)")
    sub.add_parser("upgrade", help="nâng cấp lược đồ kho dữ liệu (giữ mọi phiên bản, mọi tài khoản)")
    p = sub.add_parser("backup", help="sao lưu ra tệp (.sqlite: bản sao SQLite; .json.gz: bản kết xuất)")
    p.add_argument("file", help="tệp sao lưu sẽ ghi")
    p = sub.add_parser("restore", help="khôi phục từ tệp sao lưu (kiểm tra trước; tệp hỏng bị từ chối)")
    p.add_argument("file", help="tệp sao lưu (.sqlite hoặc .json.gz)")
    p = sub.add_parser("report", help="báo cáo Word hoặc PDF theo Nghị định 30/2020 cho một địa bàn")
    p.add_argument("--area", required=True, help="mã địa bàn, ví dụ TD")
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument("--term", help="giai đoạn, ví dụ 2015-2020")
    period.add_argument("--year", type=int, help="một năm, ví dụ 2026")
    p.add_argument("--format", choices=("docx", "pdf"), required=True)
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="ngôn ngữ (mặc định: vi)")
    p.add_argument("--out", required=True, help="tệp sẽ ghi")
    p.add_argument("--template", default=None, help="mẫu .docx riêng của cơ quan (docxtpl)")
    p.add_argument("--no-charts", action="store_true", help="không vẽ biểu đồ")
    p.add_argument(
        "--compare",
        default=None,
        help="so sánh các địa bàn trực thuộc trên các mã chỉ tiêu (cách nhau bằng dấu phẩy), "
        "hoặc 'all': mọi chỉ tiêu có số liệu của chúng; năm so sánh là năm cuối của kỳ",
    )
    p = sub.add_parser("user", help="tài khoản đăng nhập: add, remove, passwd, list")
    users = p.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    u = users.add_parser("add", help="tạo tài khoản; mật khẩu đọc từ đầu vào chuẩn")
    u.add_argument("name")
    u.add_argument("--role", required=True, choices=[r.value for r in accounts.Role])
    users.add_parser("remove", help="xóa tài khoản").add_argument("name")
    users.add_parser("passwd", help="đổi mật khẩu; mật khẩu đọc từ đầu vào chuẩn").add_argument("name")
    u = users.add_parser("list", help="các tài khoản và vai trò")
    u.add_argument("--format", choices=FORMATS, default="table")
    return parser


def _units(data: object, codes: pd.Series, lang: str) -> list[str]:
    info = data.indicators.set_index("code")  # type: ignore[attr-defined]
    column = "unit_en" if lang == "en" else "unit"
    units = info[column].where(info[column] != "", info["unit"])
    return [str(units.get(c, "")) for c in codes]


def _qualifiers(data: object, rows: pd.DataFrame, year: str) -> np.ndarray:
    """The report's qualifier ("khoảng") of the figure each row shows for `year`."""
    obs = data.observations  # type: ignore[attr-defined]
    levels = obs[obs["kind"].isin(["actual", "estimate"])].drop_duplicates(["code", "area", "year"])
    keys = pd.MultiIndex.from_arrays([rows["code"], rows["area"], rows[year].astype("Int64")])
    return levels.set_index(["code", "area", "year"])["qualifier"].reindex(keys).fillna("").to_numpy()


def _people(args: argparse.Namespace, store: Store) -> str:
    """The people's table of attainment, progress or history, in the chosen language."""
    if args.command == "areas":
        # Codes, names and figures in the Vietnamese convention: one plain table, as wide as it needs.
        return _for_people(COMMANDS[args.command](args, store)) + "\n"
    lang = args.lang
    if args.command == "compare":
        # Words, not codes (estimate, no_target): the codes stay in CSV and JSON.
        return cli_tables.compare_table(COMMANDS[args.command](args, store), lang)
    if args.command == "attainment":
        data = store.load()
        rows = _attainment_rows(store, args.area)
        units = _units(data, rows["code"], lang)
        # The engine names a change's unit by code (pp_per_year); words are put on here, last.
        shown = [
            phrase.change_unit(c, u, lang) if c else u
            for u, c in zip(units, rows["change_unit"], strict=True)
        ]
        rows = rows.assign(name_shown=_names(data, rows["code"], lang), unit=shown)
        return cli_tables.attainment_table(rows, lang)
    if args.command == "progress":
        data = store.load()
        rows = progress.compute(data)
        units = _units(data, rows["code"], lang)
        rows = rows.assign(
            name_shown=_names(data, rows["code"], lang),
            goal_unit=units,
            base_qualifier=_qualifiers(data, rows, "base_year"),
        )
        return cli_tables.progress_table(rows, lang)
    frame = _history_frame(store)
    return cli_tables.history_table(frame.assign(restored_from=store.versions()["restored_from"]), args.lang)


COMMANDS: dict[str, Callable[[argparse.Namespace, Store], pd.DataFrame]] = {
    "attainment": lambda a, s: _attainment_frame(s, a.area),
    "progress": lambda a, s: _progress_frame(s),
    "history": lambda a, s: _history_frame(s),
    "areas": lambda a, s: _areas_frame(s),
    "compare": lambda a, s: _compare_frame(s, a.code, a.year, a.parent, a.lang),
}


def _os_account() -> str:
    """Who runs the command: the operating system's user name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def _why(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "không có tệp hoặc thư mục này"
    if isinstance(exc, PermissionError):
        return "không có quyền"
    if isinstance(exc, IsADirectoryError):
        return "đây là một thư mục"
    return str(exc.strerror or exc)


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"không đọc được tệp {path}: {_why(exc)}") from exc


def _write(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise InputError(f"không ghi được tệp {path}: {_why(exc)}") from exc


def _counts_vi(counts: dict[str, int]) -> str:
    names = {"indicators": "chỉ tiêu", "observations": "số liệu", "targets": "mục tiêu"}
    names |= {"reported": "tỷ lệ báo cáo", "areas": "địa bàn"}
    return ", ".join(f"{fmt.number(n, 'vi')} {names.get(k, k)}" for k, n in counts.items() if k in names)


def _printer(args: argparse.Namespace) -> Callable[..., None]:
    """Where the report's lines go: standard error when standard output carries the CSV."""
    return functools.partial(print, file=sys.stderr) if args.format == "csv" else print


SHOWN_CONVERSIONS = 20  # text numbers listed one a line before the rest are counted


def _checked(store: Store, args: argparse.Namespace) -> tuple[validate.Upload, bool]:
    """The file checked against the current data; the report printed; True when it can be committed.

    With --format csv the full list of problems goes to standard output as CSV and the rest of
    the report to standard error, so the CSV can be piped as it is.
    """
    # In a child process with memory and time limits: no file can abort the command.
    upload = validate.check_isolated(_read(args.file), Path(args.file).name, store.load())
    say = _printer(args)
    if args.format == "csv":
        sys.stdout.write(_emit(validate.report_frame(upload.problems, "vi"), "csv"))
    elif upload.problems:
        say(validate.report_text(upload, "vi", grouped=not args.all))
    conversions = upload.conversions
    shown = conversions if args.all else conversions.head(SHOWN_CONVERSIONS)
    for row in shown.itertuples(index=False):
        say(f"Đã đọc số dạng chữ: {row.sheet} {row.cell} “{row.text}” → {fmt.number(row.value, 'vi')}")
    if len(conversions) > len(shown):
        say(f"… và {fmt.number(len(conversions) - len(shown), 'vi')} số dạng chữ khác (xem đủ bằng --all).")
    errors, warnings = len(upload.errors), len(upload.warnings)
    if errors:
        say(
            f"Tệp không hợp lệ: {fmt.number(errors, 'vi')} lỗi, {fmt.number(warnings, 'vi')} lưu ý. "
            "Không có gì được ghi."
        )
    return upload, errors == 0


def _preview_lines(preview: diff.Preview) -> str:
    totals = preview.totals()
    lines = [
        f"Thay đổi so với phiên bản hiện tại: {fmt.number(totals['new'], 'vi')} dòng mới, "
        f"{fmt.number(totals['changed'], 'vi')} dòng sửa, {fmt.number(totals['removed'], 'vi')} dòng gỡ."
    ]
    for row in preview.counts().itertuples(index=False):
        if row.new or row.changed or row.removed:
            lines.append(f"  {row.sheet}: +{row.new} mới, ~{row.changed} sửa, −{row.removed} gỡ")
    return "\n".join(lines)


def _mode_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--replace-pairs",
        action="store_true",
        help="thay cả cặp (chỉ tiêu, địa bàn) theo tệp dạng dọc, gỡ dòng không còn trong tệp "
        "(mặc định: thêm và sửa, không gỡ)",
    )


def _mode(args: argparse.Namespace) -> diff.Mode:
    return "replace" if args.replace_pairs else "add"


def _validate(args: argparse.Namespace, store: Store) -> int:
    upload, ok = _checked(store, args)
    say = _printer(args)
    if not ok:
        return 1
    merged = diff.merge(store.load(), upload, _mode(args))
    say(
        f"Tệp hợp lệ ({'dạng dọc' if upload.layout == 'long' else 'dạng ngang'}), "
        f"{len(upload.warnings)} lưu ý."
    )
    say(_preview_lines(diff.compare(store.load(), merged)))
    return 0


def _import(args: argparse.Namespace, store: Store) -> int:
    upload, ok = _checked(store, args)
    say = _printer(args)
    if not ok:
        return 1
    current = store.load()
    merged = diff.merge(current, upload, _mode(args))
    preview = diff.compare(current, merged)
    if preview.empty:
        say(
            f"Không có thay đổi: số liệu trong tệp giống phiên bản hiện tại ({current.version}). "
            "Không ghi gì."
        )
        return 0
    say(_preview_lines(preview))
    # Every figure removed or overwritten is named; one changed or added since the file was made is
    # refused unless asked.
    for line in stale.named_lines(stale.touched(preview), merged, "vi"):
        say(line)
    lost = stale.check(upload.made_from, current.version, preview, store.load)
    if lost is not None:
        say(stale.warning_text(lost, merged, "vi"))
        if not args.replace_newer:
            say("Không ghi gì. Nếu vẫn muốn ghi đè các số liệu trên, chạy lại với --replace-newer.")
            return 1
    result = store.commit(
        merged,
        account=args.account or _os_account(),
        file_name=upload.file_name,
        sha256=upload.sha256,
        note=args.note,
        action="import",
        expected_version=current.version,  # nobody may have saved between the preview and now
    )
    if result.version is None:
        say(f"Không có thay đổi so với phiên bản hiện tại ({current.version}). Không ghi gì.")
    else:
        say(f"Đã ghi phiên bản {result.version}.")
    return 0


def _export(args: argparse.Namespace, store: Store) -> int:
    data = store.load(args.version)
    _write(args.file, excel.workbook_bytes(data))
    print(f"Đã ghi {args.file}: phiên bản {data.version}; {_counts_vi(data.counts())}.")
    return 0


def _rollback(args: argparse.Namespace, store: Store) -> int:
    result = store.rollback(args.version, account=args.account or _os_account(), note=args.note)
    if result.version is None:
        print(f"Số liệu hiện tại đã giống phiên bản {args.version}: không ghi gì.")
    else:
        print(f"Đã khôi phục phiên bản {args.version} thành phiên bản mới {result.version}.")
    return 0


def _areas_national(args: argparse.Namespace, store: Store) -> int:
    try:
        national = official_areas.national_areas()
    except official_areas.AreaSourceError as exc:
        raise InputError(str(exc)) from exc
    current = store.load()
    data = official_areas.with_national(current, national)
    result = store.commit(
        data,
        account=args.account or _os_account(),
        note=args.note or f"Danh mục đơn vị hành chính toàn quốc ({official_areas.PACKAGE})",
        action="import",
        file_name=official_areas.PACKAGE,
        expected_version=current.version,
    )
    provinces = int((national["level"] == "province").sum())
    communes = len(national) - provinces
    if result.version is None:
        print(f"Danh mục {provinces} tỉnh, {communes} xã đã có sẵn: không ghi gì.")
    else:
        print(
            f"Đã nạp {provinces} tỉnh, {communes} xã ({result.added} dòng mới): phiên bản {result.version}."
        )
    return 0


def _password_from_stdin() -> str:
    """The new password: typed twice at a terminal, else the first line of standard input."""
    if sys.stdin.isatty():
        first = getpass.getpass("Mật khẩu: ")
        if getpass.getpass("Nhập lại mật khẩu: ") != first:
            raise InputError("hai lần nhập mật khẩu không khớp")
        return first
    line = sys.stdin.readline()
    if not line:
        raise InputError(
            "không có mật khẩu trên đầu vào chuẩn (ví dụ: echo 'mật-khẩu' | python -m indicators ...)"
        )
    return line.rstrip("\r\n")


def _user(args: argparse.Namespace, store: Store) -> int:
    try:
        if args.user_command == "add":
            accounts.add_user(store, args.name, args.role, _password_from_stdin())
            print(f"Đã tạo tài khoản {args.name.strip()} ({args.role}).")
        elif args.user_command == "remove":
            accounts.remove_user(store, args.name)
            print(f"Đã xóa tài khoản {args.name.strip()}.")
        elif args.user_command == "passwd":
            accounts.set_password(store, args.name, _password_from_stdin())
            print(f"Đã đổi mật khẩu của {args.name.strip()}.")
        else:
            frame = accounts.list_users(store)
            frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True).dt.strftime("%Y-%m-%d %H:%M")
            sys.stdout.write(_emit(frame, args.format))
    except accounts.AccountError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    return 0


def _upgrade(args: argparse.Namespace, store: Store) -> int:
    try:
        before, after = migrate.upgrade(store.engine)
    except migrate.MigrationError as exc:
        raise StoreError(exc.message) from exc
    if before == after:
        print(f"Kho dữ liệu đã ở lược đồ mới nhất ({after}): không cần nâng cấp.")
    else:
        print(f"Đã nâng cấp kho dữ liệu: lược đồ {before or 'trống'} → {after}; mọi phiên bản được giữ.")
    return 0


def _backup(args: argparse.Namespace, store: Store) -> int:
    store.ensure()
    try:
        how = backup.backup(store.engine, Path(args.file))
    except backup.BackupError as exc:
        raise InputError(str(exc)) from exc
    what = "bản sao SQLite (sao lưu trực tuyến)" if how == "sqlite" else "bản kết xuất di động (.json.gz)"
    print(f"Đã sao lưu phiên bản 1–{store.current_version()} vào {args.file}: {what}.")
    return 0


def _restore(args: argparse.Namespace, store: Store) -> int:
    try:
        counts = backup.restore(store.engine, Path(args.file))
    except backup.BackupError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    print(
        f"Đã khôi phục từ {args.file}: {fmt.number(counts['versions'], 'vi')} phiên bản, "
        f"{fmt.number(counts['users'], 'vi')} tài khoản."
    )
    return 0


def _report(args: argparse.Namespace, store: Store) -> int:
    from indicators.report import (
        render as report_render,  # docxtpl and its XML stack load only for this command
    )

    template = Path(args.template) if args.template else None
    if template is not None and not template.is_file():
        raise InputError(f"không đọc được mẫu {args.template}: không có tệp này")
    try:
        period = report.parse_period(args.term, args.year)
        data = store.load()
        content = report.build(data, args.area, period, args.lang)
        if args.compare:
            content = report_compare.add(content, data, _compare_codes(data, args, period.end))
        browser = None if args.no_charts else "auto"
        written = report_render.render(content, args.format, template, browser=browser)
    except report.ReportError as exc:
        raise InputError(str(exc)) from exc
    _write(args.out, written)
    print(f"Đã ghi {args.out}: báo cáo địa bàn {args.area}, {period.label} ({args.format}, {args.lang}).")
    return 0


def _compare_codes(data: Dataset, args: argparse.Namespace, year: int) -> list[str]:
    """--compare all | CODE,CODE: the indicators on which the area's units are compared."""
    if args.compare.strip().casefold() == "all":
        return report_compare.codes_with_child_figures(data, args.area, year)
    codes = [c.strip() for c in args.compare.split(",") if c.strip()]
    unknown = [c for c in codes if c not in set(data.indicators["code"])]
    if unknown or not codes:
        raise InputError(f"không có chỉ tiêu {', '.join(unknown) or repr(args.compare)} để so sánh")
    return codes


def _missing(args: argparse.Namespace, store: Store) -> int:
    data = store.load()
    if args.area is not None and args.area not in set(data.areas["code"]):
        raise UsageError(f"không có địa bàn '{args.area}'")
    gaps = missing.gaps(progress.compute(data, area=args.area), until=date.today().year)
    people = missing.gaps_for_people(gaps, data, args.lang)
    if args.format == "table":
        lines = [f"{r.code} ({r.area}) {r.name}: {r.missing}" for r in people.itertuples(index=False)]
        total = missing.count_text(gaps, args.lang) if len(gaps) else "0"
        sys.stdout.write("\n".join([*lines, f"{t('goals.missing', args.lang)}: {total}"]) + "\n")
    else:
        frame = gaps[["code", "area", "need", "first_year", "last_year"]].assign(
            name=people["name"], missing=people["missing"]
        )
        sys.stdout.write(_emit(frame, args.format))
    if args.out:
        _write(args.out, missing.workbook_bytes(data, gaps))
        print(f"Đã ghi {args.out}: {len(missing.cells(gaps))} ô cần điền.", file=sys.stderr)
    return 0


# Commands that print their own report and choose their exit code.
ACTIONS: dict[str, Callable[[argparse.Namespace, Store], int]] = {
    "validate": _validate,
    "import": _import,
    "export": _export,
    "template": lambda a, s: _export(argparse.Namespace(file=a.file, version=None), s),
    "rollback": _rollback,
    "user": _user,
    "upgrade": _upgrade,
    "backup": _backup,
    "restore": _restore,
    "areas-national": _areas_national,
    "report": _report,
    "missing": _missing,
}


def main(argv: list[str] | None = None) -> int:
    """Run one command; errors are one line on stderr and a non-zero exit, never a traceback."""
    # Details logged for an operator's server log are not for the terminal: people get the message.
    logging.getLogger("indicators").addHandler(logging.NullHandler())
    try:
        args = build_parser().parse_args(argv)
        store = Store()
        if args.command in ACTIONS:
            return ACTIONS[args.command](args, store)
        if args.format == "table":
            sys.stdout.write(_people(args, store))
            return 0
        frame = COMMANDS[args.command](args, store)
        sys.stdout.write(_emit(frame, args.format))
        return 0
    except UsageError as exc:
        print(f"Lỗi cú pháp: {exc}. Xem: python -m indicators --help", file=sys.stderr)
        return 2
    except InputError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:
        # The operator at the terminal gets the details a page never shows.
        detail = f" ({exc.detail})" if exc.detail else ""
        print(f"Lỗi: {exc}{detail}", file=sys.stderr)
        return 3
    except Exception as exc:  # noqa: BLE001 - the CLI promises no traceback; the message says what broke.
        print(f"Lỗi không mong đợi: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
