"""The commands that write documents from the data: the báo cáo and the workbook of missing figures."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from indicators.awards import catalogue as awards_catalogue
from indicators.cli.output import emit, write_file
from indicators.cli.parser import InputError, UsageError
from indicators.core import progress
from indicators.core.model import Dataset
from indicators.excel import missing
from indicators.report import compare as report_compare
from indicators.report import content as report
from indicators.report import narrative_store, register_counts
from indicators.rounds import pending_view
from indicators.store import register
from indicators.store.database import Store
from indicators.text.i18n import t


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
        if args.include_pending:
            # Approved figures only, unless asked: then the pending ones too, each marked "(chưa duyệt)".
            data = pending_view.with_pending(store, data)
        # The office's own sections and signer, from the same version as the figures.
        narrative = narrative_store.load(store, args.area, args.term or str(args.year), data.version)
        content = report.build(data, args.area, period, args.lang, narrative=narrative)
        # The register's counts, from the same version, join the commendations section.
        content = register_counts.add(
            content, register.read(store, data.version), data.areas, awards_catalogue.load()
        )
        if args.compare:
            content = report_compare.add(content, data, _compare_codes(data, args, period.end))
        browser = None if args.no_charts else "auto"
        written = report_render.render(content, args.format, template, browser=browser)
    except (report.ReportError, narrative_store.NarrativeError) as exc:
        raise InputError(str(exc)) from exc
    write_file(args.out, written)
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
        sys.stdout.write(emit(frame, args.format))
    if args.out:
        write_file(args.out, missing.workbook_bytes(data, gaps))
        print(f"Đã ghi {args.out}: {len(missing.cells(gaps))} ô cần điền.", file=sys.stderr)
    return 0


# Commands that print their own report and choose their exit code.
ACTIONS: dict[str, Callable[[argparse.Namespace, Store], int]] = {
    "report": _report,
    "missing": _missing,
}
