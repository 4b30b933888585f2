"""The arguments of the reporting-round commands: round add, round letter, status, review."""

from __future__ import annotations

import argparse

STATUS_FORMATS = ("table", "csv", "json")


def _half(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--half", type=int, choices=(1, 2), default=None, help="nửa năm: 1 hoặc 2 (mặc định: cả năm)"
    )


def add_letter(rounds: argparse._SubParsersAction) -> None:
    """The `round letter` sub-command's arguments."""
    r = rounds.add_parser("letter", help="công văn đôn đốc các địa bàn chưa gửi báo cáo (.docx hoặc .pdf)")
    r.add_argument("--year", type=int, required=True, help="năm của kỳ báo cáo")
    r.add_argument("--half", type=int, choices=(1, 2), default=None, help="nửa năm: 1 hoặc 2")
    r.add_argument("--parent", required=True, help="mã địa bàn cha, ví dụ 12")
    r.add_argument("--out", required=True, help="tệp ghi ra: TÊN.docx hoặc TÊN.pdf")
    r.add_argument("--lang", choices=("vi", "en"), default="vi", help="ngôn ngữ của công văn (vi, en)")
    r.add_argument("--today", default=None, help="ngày tính tình hình, NNNN-TT-NN (mặc định: hôm nay)")


def add_round_commands(sub: argparse._SubParsersAction, parser_class: type[argparse.ArgumentParser]) -> None:
    """round add, status and review, in the order `--help` lists them."""
    p = sub.add_parser("round", help="kỳ báo cáo: các xã gửi số liệu theo hạn")
    rounds = p.add_subparsers(dest="round_command", required=True, parser_class=parser_class)
    r = rounds.add_parser("add", help="mở kỳ báo cáo cho các địa bàn trực thuộc một địa bàn cha")
    r.add_argument("--year", type=int, required=True, help="năm của kỳ báo cáo, ví dụ 2026")
    _half(r)
    r.add_argument("--parent", required=True, help="mã địa bàn cha, ví dụ 12 (tỉnh Lai Châu)")
    r.add_argument("--indicators", required=True, help="'all' hoặc các mã chỉ tiêu cách nhau bằng dấu phẩy")
    r.add_argument("--due", required=True, help="hạn gửi, dạng NNNN-TT-NN, ví dụ 2026-12-14")
    r.add_argument(
        "--user",
        default=None,
        help="tài khoản cán bộ chuyên môn mở kỳ (mặc định: người chạy lệnh trên máy chủ)",
    )
    add_letter(rounds)
    p = sub.add_parser("status", help="tình hình báo cáo của các địa bàn trực thuộc trong một kỳ")
    p.add_argument("--year", type=int, required=True, help="năm của kỳ báo cáo")
    _half(p)
    p.add_argument("--parent", required=True, help="mã địa bàn cha, ví dụ 12")
    p.add_argument("--format", choices=STATUS_FORMATS, default="table")
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="ngôn ngữ của bảng (vi, en)")
    p.add_argument("--today", default=None, help="ngày tính trễ hạn, NNNN-TT-NN (mặc định: hôm nay)")
    p = sub.add_parser(
        "review", help="duyệt hoặc trả lại báo cáo đang chờ duyệt của một địa bàn; mở khóa số liệu đã duyệt"
    )
    p.add_argument(
        "decision",
        choices=("approve", "return", "unlock"),
        help="approve: duyệt; return: trả lại; unlock: mở khóa các chỉ tiêu --codes (cần --note)",
    )
    p.add_argument("--area", required=True, help="mã địa bàn đã gửi báo cáo, ví dụ 03390")
    p.add_argument("--year", type=int, required=True, help="năm của kỳ báo cáo")
    _half(p)
    p.add_argument("--user", required=True, help="tài khoản cán bộ chuyên môn duyệt")
    p.add_argument("--note", default="", help="lý do trả lại, chung cho cả báo cáo")
    p.add_argument(
        "--figure",
        action="append",
        default=[],
        metavar="MÃ=LÝ_DO",
        help="lý do trả lại của một chỉ tiêu (ghi nhiều lần cho nhiều chỉ tiêu)",
    )
    p.add_argument("--codes", default="", help="unlock: các mã chỉ tiêu cách nhau bằng dấu phẩy")
