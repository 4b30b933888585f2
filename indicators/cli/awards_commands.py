"""`python -m indicators awards import|list|check|counts|template`: the emulation and commendation register.

Rights at the command line: the operator who runs it holds the store, so the command cannot stop
them; it still speaks for an account. A named list (`awards list`) is shown only with `--user NAME`
naming an analyst or admin account, and every such list is logged with that account and the time.
Without it, or for a viewer, the list gives counts, never names (names are personal data). An
editor held to an area reads the names of that area and the units under it only; one held to no
area reads every area's, as the operator does (indicators/awards/privacy.py).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

import pandas as pd

from indicators.awards import catalogue as awards_catalogue
from indicators.awards import check as awards_check
from indicators.awards import counts as awards_counts
from indicators.awards import privacy
from indicators.cli import awards_cycle_commands
from indicators.cli.output import emit, read_file, write_file
from indicators.cli.parser import LANGS, InputError, Subcommands, UsageError
from indicators.core.model import AREAS
from indicators.core.selection import span
from indicators.core.terms import Term
from indicators.excel import awards_sheet
from indicators.store import accounts, register
from indicators.store.accounts import Role
from indicators.store.database import Store
from indicators.text import award_words
from indicators.text.fmt import Lang
from indicators.text.i18n import t


def add_parser(sub: Subcommands) -> None:
    """The `awards` group and its commands."""
    p = sub.add_parser("awards", help="sổ thi đua, khen thưởng: import, list, check, counts, template")
    group = p.add_subparsers(dest="awards_command", required=True, parser_class=type(p))
    a = group.add_parser(
        "import", help="kiểm tra rồi ghi một danh sách khen thưởng (.xlsx) thành phiên bản mới"
    )
    a.add_argument("file", help="tệp .xlsx theo mẫu (awards template)")
    a.add_argument("--account", default=None, help="tài khoản ghi (mặc định: người dùng hệ điều hành)")
    a.add_argument("--lang", choices=LANGS, default="vi")
    a = group.add_parser("template", help="mẫu danh sách khen thưởng có danh sách chọn tiếng Việt")
    a.add_argument("file", help="tệp .xlsx sẽ ghi")
    a = group.add_parser("list", help="danh sách khen thưởng một năm; tên chỉ hiện với --user có quyền")
    a.add_argument("--year", type=int, required=True)
    a.add_argument("--area", default=None, help="mã địa bàn (gồm các địa bàn trực thuộc)")
    a.add_argument(
        "--user", default=None, help="tài khoản phân tích hoặc quản trị: được xem tên, có ghi nhật ký"
    )
    a.add_argument("--format", choices=("table", "csv"), default="table")
    a.add_argument("--lang", choices=LANGS, default="vi")
    a = group.add_parser(
        "check", help="đối chiếu danh sách đề nghị với sổ và danh mục (mã thoát 1 khi có vấn đề)"
    )
    a.add_argument("file", help="tệp .xlsx: năm, danh hiệu, đối tượng, tên, đơn vị, mã địa bàn")
    a.add_argument("--registrations", default=None, help="tệp .xlsx đăng ký thi đua đầu năm (cùng các cột)")
    a.add_argument("--lang", choices=LANGS, default="vi")
    a = group.add_parser(
        "letter", help="tờ trình đề nghị khen thưởng kèm danh sách (.docx, PDF); cần --user có quyền"
    )
    a.add_argument("file", help="tệp .xlsx danh sách đề nghị (như awards check)")
    a.add_argument("--area", required=True, help="mã địa bàn của cơ quan trình")
    a.add_argument("--year", type=int, required=True, help="năm thành tích")
    a.add_argument("--user", required=True, help="tài khoản phân tích hoặc quản trị (danh sách có tên)")
    a.add_argument("--format", choices=("docx", "pdf"), required=True)
    a.add_argument("--out", required=True, help="tệp sẽ ghi")
    a.add_argument("--lang", choices=LANGS, default="vi")
    a = group.add_parser("counts", help="số lượt khen thưởng theo cấp, hình thức, đối tượng và năm")
    period = a.add_mutually_exclusive_group(required=True)
    period.add_argument("--term", help="giai đoạn, ví dụ 2015-2020 (các năm 2016–2020)")
    period.add_argument("--year", type=int)
    a.add_argument("--area", required=True, help="mã địa bàn (gồm các địa bàn trực thuộc)")
    a.add_argument("--format", choices=("table", "csv"), default="table")
    a.add_argument("--lang", choices=LANGS, default="vi")
    awards_cycle_commands.add_parsers(group)


def _account(name: str | None) -> str:
    try:
        return name or getpass.getuser()
    except (KeyError, OSError):
        return "operator"


def _import(args: argparse.Namespace, store: Store) -> int:
    catalogue = awards_catalogue.load()
    checked = awards_sheet.check_file_isolated(read_file(args.file), catalogue)
    if not checked.ok:
        for problem in checked.errors:
            print(problem.text(args.lang), file=sys.stderr)
        print(t("awards.cli.refused", args.lang).format(n=len(checked.errors)), file=sys.stderr)
        return 1
    try:
        result = register.add(store, checked.rows, _account(args.account), args.file)
    except register.RegisterError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 1
    print(t("awards.cli.imported", args.lang).format(n=result.added, version=result.version))
    return 0


def _template(args: argparse.Namespace, _store: Store) -> int:
    write_file(args.file, awards_sheet.template_bytes(awards_catalogue.load()))
    print(f"Đã ghi {args.file}.")
    return 0


def _areas(store: Store, area: str | None) -> set[str] | None:
    if area is None:
        return None
    areas = store.load_table(AREAS)
    if area not in set(areas["code"]):
        raise UsageError(f"không có địa bàn '{area}'")
    return awards_counts.within(areas, area)


def _may_see_names(store: Store, user: str | None) -> bool:
    found = accounts.account(store, user) if user else None
    return found is not None and Role(found.role).can_edit()


def _own_area(store: Store, user: str) -> str | None:
    """The area an editor's names are held to; None for an account held to none (every area)."""
    found = accounts.account(store, user)
    return found.area if found is not None else None


def _counts_table(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Counts with their words put on last, for people or CSV."""
    catalogue = awards_catalogue.load()
    return pd.DataFrame(
        {
            t("awards.col.level", lang): [award_words.level_name(v, lang) for v in table["level"]],
            t("awards.col.award", lang): [award_words.award_name(catalogue, c, lang) for c in table["award"]],
            t("awards.col.recipient_kind", lang): [
                t(f"awards.kind.{k}", lang) for k in table["recipient_kind"]
            ],
            t("awards.col.year", lang): table["year"].to_numpy(),
            t("awards.col.count", lang): table["count"].to_numpy(),
        }
    )


def _print(frame: pd.DataFrame, output_format: str, lang: Lang) -> None:
    if frame.empty:
        print(t("awards.cli.no_records", lang), file=sys.stderr)
    sys.stdout.write(emit(frame, output_format))


def _names_refused(args: argparse.Namespace, store: Store) -> bool:
    """True, having said why, when the list gives counts: no rights, or an area outside the account's."""
    if not _may_see_names(store, args.user):
        if args.user:
            print(t("awards.cli.no_rights", args.lang).format(user=args.user), file=sys.stderr)
        return True
    own = _own_area(store, args.user)
    if privacy.asked_outside(store.load_table(AREAS), own, args.area):
        words = t("awards.names.outside", args.lang)
        print(words.format(user=args.user, area=own, asked=args.area), file=sys.stderr)
        return True
    return False


def _list(args: argparse.Namespace, store: Store) -> int:
    rows = register.read(store)
    areas = _areas(store, args.area)
    rows = rows[(rows["year"] == args.year) & (rows["area"].isin(areas) if areas is not None else True)]
    if _names_refused(args, store):
        table = awards_counts.counts(rows, awards_catalogue.load(), [args.year])
        _print(_counts_table(table, args.lang), args.format, args.lang)
        return 0
    rows = privacy.named_rows(rows, store.load_table(AREAS), _own_area(store, args.user))
    catalogue = awards_catalogue.load()
    named = rows.assign(
        award=[award_words.award_name(catalogue, c, args.lang) for c in rows["award"]],
        recipient_kind=[t(f"awards.kind.{k}", args.lang) for k in rows["recipient_kind"]],
    ).rename(columns={c: t(f"awards.col.{c}", args.lang) for c in rows.columns})
    register.record_export(
        store, args.user, f"awards list --year {args.year} --area {args.area or ''}", len(rows)
    )
    _print(named, args.format, args.lang)
    return 0


def _years(args: argparse.Namespace) -> range:
    if args.year is not None:
        return range(args.year, args.year + 1)
    found = span(args.term)
    if found is None:
        raise UsageError(t("awards.cli.term", "vi").format(term=args.term))
    return Term(*found).years


def _counts(args: argparse.Namespace, store: Store) -> int:
    table = awards_counts.counts(
        register.read(store), awards_catalogue.load(), _years(args), _areas(store, args.area)
    )
    _print(_counts_table(table, args.lang), args.format, args.lang)
    return 0


def _check(args: argparse.Namespace, store: Store) -> int:
    catalogue = awards_catalogue.load()
    proposals = awards_sheet.read_proposals(read_file(args.file), catalogue)
    registrations = None
    if args.registrations:
        registrations = awards_sheet.read_proposals(read_file(args.registrations), catalogue)
        if not registrations.ok:
            raise InputError("; ".join(m.text(args.lang) for m in registrations.errors))
    if not proposals.ok:
        raise InputError("; ".join(m.text(args.lang) for m in proposals.errors))
    register_rows = register.read(store)
    if registrations is None:
        held = awards_cycle_commands.registrations_for(store, proposals.rows)
        if held is not None:
            print(t("awards.cycle.from_store", args.lang).format(n=len(held)))
    found = awards_check.check(
        proposals.rows, register_rows, catalogue, registrations.rows if registrations is not None else held
    )
    for message in award_words.findings(catalogue, found):
        print(message.text(args.lang))
    print(award_words.summary(len(found), len(proposals.rows)).text(args.lang))
    return 1 if len(found) else 0


def _letter(args: argparse.Namespace, store: Store) -> int:
    from indicators.report import proposal_letter  # docxtpl loads only for this command

    if not _may_see_names(store, args.user):
        raise UsageError(t("awards.cli.no_rights", "vi").format(user=args.user))
    catalogue = awards_catalogue.load()
    proposals = awards_sheet.read_proposals(read_file(args.file), catalogue)
    if not proposals.ok:
        raise InputError("; ".join(m.text(args.lang) for m in proposals.errors))
    data = store.load()
    if args.area not in set(data.areas["code"]):
        raise UsageError(f"không có địa bàn '{args.area}'")
    own = _own_area(store, args.user)
    if privacy.asked_outside(data.areas, own, args.area):
        words = t("awards.names.letter_outside", args.lang)
        raise UsageError(words.format(user=args.user, area=own, asked=args.area))
    filled = proposal_letter.context(proposals.rows, catalogue, data, args.area, args.year, args.lang)
    write_file(args.out, proposal_letter.letter_bytes(filled, args.format))
    register.record_export(
        store, args.user, f"awards letter --year {args.year} --area {args.area}", len(proposals.rows)
    )
    print(f"Đã ghi {args.out}.")
    return 0


SUBCOMMANDS: dict[str, Callable[[argparse.Namespace, Store], int]] = {
    "import": _import,
    "template": _template,
    "list": _list,
    "check": _check,
    "counts": _counts,
    "letter": _letter,
    **awards_cycle_commands.SUBCOMMANDS,
}


def _awards(args: argparse.Namespace, store: Store) -> int:
    return SUBCOMMANDS[args.awards_command](args, store)


ACTIONS: dict[str, Callable[[argparse.Namespace, Store], int]] = {"awards": _awards}
