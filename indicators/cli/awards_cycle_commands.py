"""`python -m indicators awards register|propose|proposals|result|decide`: the yearly emulation cycle.

Registrations come in at a year's start, proposals at its end; the council's result is recorded
as the council gave it (the program never decides in its place), and a decision writes the
accepted proposals into the register as one new version.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import date, datetime

import pandas as pd

from indicators.awards import catalogue as awards_catalogue
from indicators.awards import counts as awards_counts
from indicators.awards import privacy
from indicators.cli.output import emit, read_file
from indicators.cli.parser import LANGS, InputError, Subcommands, UsageError
from indicators.core.model import AREAS
from indicators.excel import awards_cycle_sheet
from indicators.store import accounts, award_cycle, register
from indicators.store.accounts import Role
from indicators.store.database import Store
from indicators.text import award_words
from indicators.text.fmt import Lang
from indicators.text.i18n import MessageError, t


def add_parsers(group: Subcommands) -> None:
    """The cycle's commands, added to the `awards` group."""
    for name, what in (("register", "đăng ký thi đua đầu năm"), ("propose", "danh sách đề nghị cuối năm")):
        a = group.add_parser(name, help=f"kiểm tra rồi ghi {what} (.xlsx) vào kho dữ liệu")
        a.add_argument("file", help="tệp .xlsx: năm, danh hiệu, đối tượng, tên, đơn vị, mã địa bàn")
        a.add_argument("--account", default=None, help="tài khoản ghi (mặc định: người dùng hệ điều hành)")
        a.add_argument("--lang", choices=LANGS, default="vi")
    a = group.add_parser("proposals", help="các đề nghị một năm và kết quả; tên chỉ hiện với --user có quyền")
    a.add_argument("--year", type=int, required=True)
    a.add_argument(
        "--user", default=None, help="tài khoản phân tích hoặc quản trị: được xem tên, có ghi nhật ký"
    )
    a.add_argument("--format", choices=("table", "csv"), default="table")
    a.add_argument("--lang", choices=LANGS, default="vi")
    a = group.add_parser("result", help="ghi kết quả Hội đồng Thi đua – Khen thưởng cho các đề nghị")
    a.add_argument("ids", type=int, nargs="+", help="số đề nghị (xem awards proposals)")
    a.add_argument("--result", choices=award_cycle.RESULTS, required=True)
    a.add_argument("--note", default="", help="ghi chú của Hội đồng")
    a.add_argument("--account", default=None, help="tài khoản ghi (mặc định: người dùng hệ điều hành)")
    a.add_argument("--lang", choices=LANGS, default="vi")
    a = group.add_parser("decide", help="ghi quyết định khen thưởng: các đề nghị được chấp thuận vào sổ")
    a.add_argument("--year", type=int, required=True, help="năm thành tích")
    a.add_argument("--number", required=True, help="số quyết định")
    a.add_argument("--date", required=True, help="ngày quyết định, ngày/tháng/năm")
    a.add_argument("--issuer", required=True, help="cơ quan, người quyết định")
    a.add_argument("--area", default=None, help="chỉ các đề nghị của địa bàn này (gồm địa bàn trực thuộc)")
    a.add_argument("--account", default=None, help="tài khoản ghi (mặc định: người dùng hệ điều hành)")
    a.add_argument("--lang", choices=LANGS, default="vi")


def _account(name: str | None) -> str:
    try:
        return name or getpass.getuser()
    except (KeyError, OSError):
        return "operator"


def _store_list(args: argparse.Namespace, store: Store, kind: awards_cycle_sheet.Kind) -> int:
    checked = awards_cycle_sheet.check_file_isolated(read_file(args.file), awards_catalogue.load(), kind)
    if not checked.ok:
        for problem in checked.errors:
            print(problem.text(args.lang), file=sys.stderr)
        print(t("awards.cli.refused", args.lang).format(n=len(checked.errors)), file=sys.stderr)
        return 1
    add = award_cycle.add_registrations if kind == "registrations" else award_cycle.add_proposals
    try:
        n = add(store, checked.rows, _account(args.account), args.file)
    except MessageError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 1
    years = ", ".join(str(y) for y in sorted(set(checked.rows["year"])))
    print(
        t("awards.cycle.stored", args.lang).format(
            n=n, what=t(f"awards.cycle.{kind}", args.lang), years=years
        )
    )
    return 0


def _register(args: argparse.Namespace, store: Store) -> int:
    return _store_list(args, store, "registrations")


def _propose(args: argparse.Namespace, store: Store) -> int:
    return _store_list(args, store, "proposals")


def _result_word(value: object, lang: Lang) -> str:
    return t(f"awards.result.{value if value in award_cycle.RESULTS else 'none'}", lang)


def _proposals(args: argparse.Namespace, store: Store) -> int:
    found = award_cycle.proposals(store, args.year)
    user = accounts.account(store, args.user) if args.user else None
    lang: Lang = args.lang
    if user is None or not Role(user.role).can_edit():
        if args.user:
            print(t("awards.cli.no_rights", lang).format(user=args.user), file=sys.stderr)
        table = found.assign(result=[_result_word(r, lang) for r in found["result"]])
        counted = table.groupby("result").size().reset_index(name="count")
        counted.columns = [t("awards.col.result", lang), t("awards.col.count", lang)]
        sys.stdout.write(emit(counted, args.format))
        return 0
    found = privacy.named_rows(found, store.load_table(AREAS), user.area)
    catalogue = awards_catalogue.load()
    shown = found.assign(
        award=[award_words.award_name(catalogue, c, lang) for c in found["award"]],
        recipient_kind=[t(f"awards.kind.{k}", lang) for k in found["recipient_kind"]],
        result=[_result_word(r, lang) for r in found["result"]],
    ).rename(columns={c: t(f"awards.col.{c}", lang) for c in found.columns})
    register.record_export(store, user.name, f"awards proposals --year {args.year}", len(found))
    sys.stdout.write(emit(shown, args.format))
    return 0


def _result(args: argparse.Namespace, store: Store) -> int:
    try:
        n = award_cycle.record_result(store, args.ids, args.result, _account(args.account), args.note)
    except MessageError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 1
    print(t("awards.cycle.result_recorded", args.lang).format(n=n))
    return 0


def _day(text: str) -> date:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise UsageError(f"ngày quyết định '{text}' không đọc được; hãy viết dạng ngày/tháng/năm")


def _decide(args: argparse.Namespace, store: Store) -> int:
    day, catalogue = _day(args.date), awards_catalogue.load()
    within = None
    if args.area is not None:
        areas = store.load_table(AREAS)
        if args.area not in set(areas["code"]):
            raise UsageError(f"không có địa bàn '{args.area}'")
        within = awards_counts.within(areas, args.area)
    accepted = award_cycle.accepted(store, args.year, within)
    if accepted.empty:
        print(t("awards.cycle.nothing_accepted", args.lang).format(year=args.year), file=sys.stderr)
        return 1
    checked = awards_cycle_sheet.awarded_rows(accepted, args.number, day, args.issuer, catalogue)
    if not checked.ok:
        raise InputError("; ".join(m.text(args.lang) for m in checked.errors))
    try:
        done = award_cycle.decide(store, accepted["id"].tolist(), checked.rows, _account(args.account))
    except MessageError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 1
    print(t("awards.cycle.decided", args.lang).format(number=args.number, n=done.added, version=done.version))
    return 0


def registrations_for(store: Store, proposals: pd.DataFrame) -> pd.DataFrame | None:
    """The store's registrations of the proposals' years, or None when it holds none for them."""
    years = set(proposals["year"].astype(int))
    held = award_cycle.registrations(store)
    held = held[held["year"].isin(years)]
    return None if held.empty else held


SUBCOMMANDS: dict[str, Callable[[argparse.Namespace, Store], int]] = {
    "register": _register,
    "propose": _propose,
    "proposals": _proposals,
    "result": _result,
    "decide": _decide,
}
