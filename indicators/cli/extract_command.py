"""`python -m indicators extract FILE`: the figures a báo cáo gives, one row each, or a draft workbook."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from indicators.cli.output import emit, write_file
from indicators.cli.parser import InputError, Subcommands
from indicators.excel import writer as xlsx_writer
from indicators.extract import draft, reader, sources
from indicators.extract.match import Catalogue
from indicators.store.database import Store
from indicators.text.i18n import t

OUTPUT_COLUMNS = list(reader.COLUMNS[:10])


def register(sub: Subcommands) -> None:
    """The `extract` sub-command's arguments."""
    p = sub.add_parser(
        "extract", help="đọc số liệu từ báo cáo (.docx, PDF có lớp chữ, văn bản); không ghi gì"
    )
    p.add_argument("file", help="tệp báo cáo")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--year", type=int, default=None, help="năm viết báo cáo: số liệu năm đó là số ước")
    p.add_argument("--out", default=None, help="ghi tệp Excel mẫu tải lên điền sẵn số liệu đọc được")
    p.add_argument("--area", default="", help="mã địa bàn của báo cáo (cần cho --out), ví dụ 106")


def run(args: argparse.Namespace, store: Store) -> int:
    """Print the figures found, or write the draft workbook; a refused file is one sentence, exit 2."""
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"không đọc được tệp {args.file}: {exc.strerror or exc}") from exc
    text = sources.to_text(data)
    if isinstance(text, sources.Refused):
        raise InputError(text.message.text("vi"))
    dataset = store.load()
    found = reader.read_text(text, Catalogue(dataset.indicators), reader.Context(written_year=args.year))
    if args.out:
        if not args.area:
            raise InputError("cần --area (mã địa bàn của báo cáo) để ghi tệp Excel")
        drafted, marks = draft.draft(dataset, found, args.area, path.name)
        buffer = io.BytesIO()
        xlsx_writer.write_workbook(drafted, buffer, to_fill=marks)
        write_file(args.out, buffer.getvalue())
        print(
            f"{args.out}: {len(drafted.observations)} số liệu, {len(marks['observations'])} cần kiểm tra; "
            f"{len(drafted.targets)} mục tiêu ghi rõ trong câu, đánh dấu để kiểm tra"
        )
        return 0
    if not any(f.value is not None for f in found):
        print(t("extract.none_found"), file=sys.stderr)
    frame = reader.as_frame(found)[OUTPUT_COLUMNS]
    sys.stdout.write(emit(frame, args.format))
    return 0


ACTIONS = {"extract": run}
