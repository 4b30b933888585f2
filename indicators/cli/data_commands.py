"""The commands that check, write and keep the data: validate, import, export, versions, backups, accounts."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from indicators.areas import official as official_areas
from indicators.cli import round_commands
from indicators.cli.output import counts_vi, emit, printer, read_file, write_file
from indicators.cli.parser import InputError
from indicators.core.model import Dataset
from indicators.excel import diff, stale, validate
from indicators.excel import writer as xlsx_writer
from indicators.store import accounts, backup, migrate
from indicators.store.database import Store, StoreError
from indicators.text import fmt


def _os_account() -> str:
    """Who runs the command: the operating system's user name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


SHOWN_CONVERSIONS = 20  # text numbers listed one a line before the rest are counted


def _checked(store: Store, args: argparse.Namespace) -> tuple[validate.Upload, bool, Dataset]:
    """The file checked against the current data; the report printed; True when it can be committed;
    and the current data it was checked against, for the preview and the commit to use (read once).

    With --format csv the full list of problems goes to standard output as CSV and the rest of
    the report to standard error, so the CSV can be piped as it is.
    """
    # In a child process with memory and time limits: no file can abort the command.
    current = store.load()
    upload = validate.check_isolated(read_file(args.file), Path(args.file).name, current)
    say = printer(args)
    if args.format == "csv":
        sys.stdout.write(emit(validate.report_frame(upload.problems, "vi"), "csv"))
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
    return upload, errors == 0, current


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


def _mode(args: argparse.Namespace) -> diff.Mode:
    return "replace" if args.replace_pairs else "add"


def _validate(args: argparse.Namespace, store: Store) -> int:
    upload, ok, current = _checked(store, args)
    say = printer(args)
    if not ok:
        return 1
    merged = diff.merge(current, upload, _mode(args))
    say(
        f"Tệp hợp lệ ({'dạng dọc' if upload.layout == 'long' else 'dạng ngang'}), "
        f"{len(upload.warnings)} lưu ý."
    )
    say(_preview_lines(diff.compare(current, merged)))
    return 0


def _import(args: argparse.Namespace, store: Store) -> int:
    if args.user and round_commands.is_reporter(store, args.user):
        return round_commands.import_as_user(args, store)
    upload, ok, current = _checked(store, args)
    say = printer(args)
    if not ok:
        return 1
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
    result = round_commands.refused_commit(
        store,
        merged,
        account=args.user or args.account or _os_account(),
        file_name=upload.file_name,
        sha256=upload.sha256,
        note=args.note,
        action="import",
        expected_version=current.version,  # nobody may have saved between the preview and now
    )
    if result is None:
        return 1  # outside the account's area, or a locked figure: said, nothing written
    if result.version is None:
        say(f"Không có thay đổi so với phiên bản hiện tại ({current.version}). Không ghi gì.")
    else:
        say(f"Đã ghi phiên bản {result.version}.")
    return 0


def _export(args: argparse.Namespace, store: Store) -> int:
    data = store.load(args.version)
    write_file(args.file, xlsx_writer.workbook_bytes(data))
    print(f"Đã ghi {args.file}: phiên bản {data.version}; {counts_vi(data.counts())}.")
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
            accounts.add_user(store, args.name, args.role, _password_from_stdin(), args.area)
            where = f", {args.area.strip()}" if args.area else ""
            print(f"Đã tạo tài khoản {args.name.strip()} ({args.role}{where}).")
        elif args.user_command == "remove":
            accounts.remove_user(store, args.name)
            print(f"Đã xóa tài khoản {args.name.strip()}.")
        elif args.user_command == "passwd":
            accounts.set_password(store, args.name, _password_from_stdin())
            print(f"Đã đổi mật khẩu của {args.name.strip()}.")
        else:
            frame = accounts.list_users(store)
            frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True).dt.strftime("%Y-%m-%d %H:%M")
            sys.stdout.write(emit(frame, args.format))
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
}
