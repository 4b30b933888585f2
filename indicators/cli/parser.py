"""The command line's arguments: every command, its options and their help, and the usage errors."""

from __future__ import annotations

import argparse
import functools
from typing import NoReturn

from indicators.areas import compare
from indicators.cli.round_parser import add_round_commands
from indicators.store import accounts

Subcommands = argparse._SubParsersAction  # the object each group of commands is added to
FORMATS = ("table", "csv", "json")
LANGS = ("vi", "en")


class UsageError(Exception):
    """Bad arguments: shown as one line with exit code 2."""


class InputError(Exception):
    """A file named on the command line cannot be read or written: one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


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


def _mode_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--replace-pairs",
        action="store_true",
        help="thay cả cặp (chỉ tiêu, địa bàn) theo tệp dạng dọc, gỡ dòng không còn trong tệp "
        "(mặc định: thêm và sửa, không gỡ)",
    )


@functools.cache
def shared_parser() -> argparse.ArgumentParser:
    """The process's one parser, built on first use: building it cost 15 ms for each command run.

    Reusing it is safe: parsing reads the parser and writes only the new namespace (a repeated option's
    list is copied before it grows, so a default list is never changed), and help and errors are
    formatted afresh each time.
    """
    return build_parser()


def build_parser() -> argparse.ArgumentParser:
    """The parser of every sub-command, in the order `--help` lists them."""
    parser = _Parser(prog="python -m indicators", description="Chỉ tiêu Tam Đường: tính toán và kho dữ liệu.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for add in (_table_commands, _file_commands, _version_commands, _report_command, _user_commands):
        add(sub)
    # Imported here: the awards commands import this module for its types.
    from indicators.cli import awards_commands

    awards_commands.add_parser(sub)
    add_round_commands(sub, _Parser)
    from indicators.cli import extract_command  # its own module; it imports this one's errors

    extract_command.register(sub)
    return parser


def _pending_switch(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--include-pending",
        action="store_true",
        help="gồm cả số liệu xã gửi đang chờ duyệt, có ghi “chưa duyệt”",
    )


def _table_commands(sub: Subcommands) -> None:
    """The tables: attainment, progress, areas, compare."""
    # argparse formats help with "%": a literal percent sign is written "%%".
    p = sub.add_parser("attainment", help="%% đạt so với chỉ tiêu, kèm %% báo cáo")
    p.add_argument("--area", help="mã địa bàn, ví dụ 106 (huyện Tam Đường cũ) hoặc 12 (tỉnh Lai Châu)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--lang", choices=LANGS, default="vi", help="ngôn ngữ của bảng (vi, en)")
    _pending_switch(p)
    p = sub.add_parser("progress", help="tiến độ tới mục tiêu 2025")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--lang", choices=LANGS, default="vi", help="ngôn ngữ của bảng (vi, en)")
    _pending_switch(p)
    p = sub.add_parser("areas", help="địa bàn: mã, tên, cấp, trực thuộc, hiệu lực, hình thành từ")
    p.add_argument("--format", choices=FORMATS, default="table")
    p = sub.add_parser("compare", help="so sánh các địa bàn con trên một chỉ tiêu, một năm")
    p.add_argument("code", help="mã chỉ tiêu, ví dụ TEA_AREA")
    p.add_argument("--year", type=int, required=True, help="năm")
    p.add_argument("--parent", default=None, help=f"mã địa bàn cha, ví dụ 12; {compare.COUNTRY} = toàn quốc")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--lang", choices=LANGS, default="vi", help="ngôn ngữ của bảng (vi, en)")
    _pending_switch(p)


def _file_commands(sub: Subcommands) -> None:
    """The national list of areas, the history, and checking or importing a workbook."""
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
    p.add_argument(
        "--user",
        default=None,
        help="tài khoản cán bộ xã: tệp được gửi thành báo cáo chờ duyệt, không ghi thẳng",
    )


def _version_commands(sub: Subcommands) -> None:
    """Workbooks out, missing figures, rollback, schema upgrade, backup and restore."""
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


def _report_command(sub: Subcommands) -> None:
    """The báo cáo as .docx or PDF."""
    p = sub.add_parser(
        "report",
        help="báo cáo Word hoặc PDF theo Nghị định 30/2020 cho một địa bàn; các phần văn phòng tự viết, "
        "số văn bản, người ký và nơi nhận lấy từ kho (trang “Báo cáo”), cùng phiên bản với số liệu",
    )
    p.add_argument("--area", required=True, help="mã địa bàn, ví dụ 106 hoặc 12")
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument("--term", help="giai đoạn, ví dụ 2015-2020")
    period.add_argument("--year", type=int, help="một năm, ví dụ 2026")
    p.add_argument("--format", choices=("docx", "pdf"), required=True)
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="ngôn ngữ (mặc định: vi)")
    p.add_argument("--out", required=True, help="tệp sẽ ghi")
    p.add_argument("--template", default=None, help="mẫu .docx riêng của cơ quan (docxtpl)")
    p.add_argument("--no-charts", action="store_true", help="không vẽ biểu đồ")
    _pending_switch(p)
    p.add_argument(
        "--compare",
        default=None,
        help="so sánh các địa bàn trực thuộc trên các mã chỉ tiêu (cách nhau bằng dấu phẩy), "
        "hoặc 'all': mọi chỉ tiêu có số liệu của chúng; năm so sánh là năm cuối của kỳ",
    )


def _user_commands(sub: Subcommands) -> None:
    """Sign-in accounts: add, remove, passwd, list."""
    p = sub.add_parser("user", help="tài khoản đăng nhập: add, remove, passwd, list")
    users = p.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    u = users.add_parser("add", help="tạo tài khoản; mật khẩu đọc từ đầu vào chuẩn")
    u.add_argument("name")
    u.add_argument("--role", required=True, choices=[r.value for r in accounts.Role])
    u.add_argument("--area", default=None, help="mã địa bàn của tài khoản (bắt buộc với reporter: cán bộ xã)")
    users.add_parser("remove", help="xóa tài khoản").add_argument("name")
    users.add_parser("passwd", help="đổi mật khẩu; mật khẩu đọc từ đầu vào chuẩn").add_argument("name")
    u = users.add_parser("list", help="các tài khoản và vai trò")
    u.add_argument("--format", choices=FORMATS, default="table")
