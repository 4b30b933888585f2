"""The báo cáo as a file: .docx by the docxtpl template, PDF by LibreOffice, charts by Chromium."""

from __future__ import annotations

import atexit
import logging
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from docx.shared import Mm
from docxtpl import DocxTemplate, RichText

from indicators.awards import catalogue as awards_catalogue
from indicators.core.model import Dataset
from indicators.excel import isolation
from indicators.report import compare as report_compare
from indicators.report import content as report
from indicators.report import fill, register_counts
from indicators.report.content import AreaRow, Content, ReportError, Row
from indicators.report.facts import period_text
from indicators.report.fill import CHART_WIDTH, Chart
from indicators.report.fill import template_env as template_env  # the letters fill through render
from indicators.report.narrative import EMPTY, Narrative
from indicators.report.template import TEMPLATE
from indicators.text.fmt import Lang
from indicators.text.i18n import msg, t

# Where the system browser usually is; $PATH is searched for the same names.
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium")
OFFICE = ("soffice", "libreoffice")
# 480 px print at CHART_WIDTH (160 mm): the charts' smallest text (11 px) at 10.4 pt, labels at 11–12 pt.
CHART_WIDTH_PX = 480
# Taller than this at that scale, a chart would not fit on a page with its caption: it is left out, and
# its figures stay in the appendix table (a chart shrunk to fit would print words too small to read).
# The page holds 257 mm of text (297 mm less 20 mm margins top and bottom); two caption lines of 13 pt
# and the spacing around the figure take about 16 mm of it.
CHART_MAX_HEIGHT = Mm(235)
CONVERT_SECONDS = 180
# An office's own template is a file someone hands in: it is filled in a child process under these limits
# (indicators/excel/isolation.py, as an upload is read), so that a runaway loop in it costs the child,
# never the server or the command. The shipped template is ours and is filled in the process.
TEMPLATE_BUDGET = isolation.Budget(memory_mb=1024, seconds=60.0)
# The shipped báo cáo with its charts is about 2 MB: a Word file 25 times that is a loop, not a report.
MAX_DOCUMENT_MB = 50
CHART_SECONDS = 60
# One Chromium at a time in the process: each is a few hundred megabytes in half a dozen processes,
# and charts of several reports drawn at once made a flood of them (LibreOffice takes turns below too).
_browser_lock = threading.Lock()
log = logging.getLogger(__name__)


def find_browser() -> str | None:
    """The system Chromium, or None where there is none."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def chart_png(figure: Any, browser: str) -> bytes | None:
    """A plotly figure as a PNG, drawn by headless Chromium from a page with plotly.js inline.

    No kaleido: the system browser CI already installs draws exactly what the dashboard shows.
    """
    fig = figure.__class__(figure)  # a copy: the caller's figure keeps its size
    height = int(fig.layout.height or 600)
    fig.update_layout(width=CHART_WIDTH_PX, height=height)
    with tempfile.TemporaryDirectory(prefix="indicators-chart-") as folder:
        page, shot = Path(folder) / "chart.html", Path(folder) / "chart.png"
        fig.write_html(page, include_plotlyjs=True, full_html=True, config={"staticPlot": True})
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={Path(folder) / 'profile'}",
            "--force-device-scale-factor=2",
            f"--window-size={CHART_WIDTH_PX},{height}",
            # Virtual time lets plotly finish drawing before the screenshot, without a fixed sleep.
            "--virtual-time-budget=10000",
            f"--screenshot={shot}",
            page.as_uri(),
        ]
        try:
            with _browser_lock:
                subprocess.run(command, capture_output=True, timeout=CHART_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return shot.read_bytes() if shot.exists() and shot.stat().st_size > 0 else None


def fits_page(figure: Any) -> bool:
    """Whether the chart, drawn at the print scale, fits on a page with its caption."""
    height = int(figure.layout.height or 600)
    return CHART_WIDTH * height / CHART_WIDTH_PX <= CHART_MAX_HEIGHT


# A period in a title or heading ("2020 – 2025", "2016–2020") is one unit: no line breaks inside it. The
# spaces become no-break spaces and a word joiner follows the dash, which alone would allow a break.
# "giai đoạn" is one word in two syllables: no line ends on "giai" and opens the next on "đoạn", in a
# title or a heading; in the title it stays with its period too.
_PERIOD = re.compile(r"(\d{4})( ?)–( ?)(\d{4})")
_TERM_WORD = re.compile(r"\b(giai) (đoạn) (?=\d{4})", re.IGNORECASE)
_TERM_PAIR = re.compile(r"\b(giai) (đoạn)\b", re.IGNORECASE)
# "NĂM" at a heading's line end with "2020" opening the next reads as a broken heading.
_YEAR_WORD = re.compile(r"\b(năm) (?=\d{4}\b)", re.IGNORECASE)


def keep_together(text: str, term_word: bool = False) -> str:
    """A title or heading with its periods kept on one line: "2020 – 2025" never splits at "–".

    `term_word` keeps "giai đoạn" with the period as well: right in the centred title, not in a
    justified heading, where a whole line pulled down would leave wide gaps in the one above.
    """
    if term_word:
        text = _TERM_WORD.sub(lambda m: f"{m[1]}\u00a0{m[2]}\u00a0", text)
    return _PERIOD.sub(
        lambda m: m[1] + ("\u00a0" if m[2] else "") + "–\u2060" + ("\u00a0" if m[3] else "") + m[4], text
    )


def keep_heading(text: str) -> str:
    """A heading with its periods on one line, "giai đoạn" and "năm 2020" never split between two lines."""
    return keep_together(
        _YEAR_WORD.sub(lambda m: f"{m[1]}\u00a0", _TERM_PAIR.sub(lambda m: f"{m[1]}\u00a0{m[2]}", text))
    )


def keep_body(paragraphs: list[str]) -> list[str]:
    """Body paragraphs kept as headings are: no line ends on "giai" or on "2016–" with the rest below.

    Each unit is one or two short words, so a justified line loses little by carrying it whole.
    """
    return [keep_heading(text) for text in paragraphs]


def column_head(text: str) -> str:
    """A narrow column's head that breaks after its "/" only: "Mục tiêu/" over "Kế hoạch"."""
    head, slash, tail = text.partition("/")
    return f"{head}/\u200b{tail.replace(' ', chr(0xA0))}" if slash else text


def _rich(text: str, bold: bool) -> RichText:
    # No font here: RichText would name it on three script slots only; the style names all four.
    rich = RichText()
    rich.add(text, bold=bold)
    return rich


def plain_cell(text: str) -> RichText:
    """A table cell the template prints as rich text (a báo cáo's bold heading rows), here plain."""
    return _rich(text, False)


def _row(row: Row) -> dict:
    return {
        "stt": _rich(row.stt, row.group),
        # "(in total over 2016–2020)" in a narrow cell: the years stay on one line.
        "indicator": _rich(keep_together(row.indicator), row.group),
        "unit": row.unit,
        "target": row.target,
        "actual": row.actual,
        "pct": row.pct,
        "status": row.status,
        "group": row.group,
    }


def _area_row(row: AreaRow, following: AreaRow | None) -> dict:
    """A row of the comparison; `keep` holds it on the page of the next row of the same indicator."""
    bold = row.group or row.parent
    return {
        "keep": following is not None and not following.group and following.code == row.code,
        "stt": _rich(row.stt, bold),
        "area": _rich(row.area, bold),
        "target": row.target,
        "actual": row.actual,
        "pct": row.pct,
        "status": row.status,
        "group": row.group,
    }


def _closing(content: Content) -> tuple[int, int]:
    """Where the body's last paragraph is: (section, part), part −1 for the section's own paragraphs.

    The template keeps that paragraph ("Trên đây là báo cáo … ./.") on the page of the signature block.
    """
    last = len(content.sections) - 1
    if last < 0:
        return -1, -1
    parts = content.sections[last].parts
    with_text = [i for i, part in enumerate(parts) if part.paragraphs]
    return (last, with_text[-1]) if with_text else (last, -1)


def _sections(content: Content, charts: dict[str, list[Chart]], note: str) -> list[dict]:
    """The body's sections for the template; the closing paragraph is kept with the signature."""
    sections = []
    closing_section, closing_part = _closing(content)
    for number, section in enumerate(content.sections):
        drawn = charts.get(section.chart, []) if section.chart else []
        closes = number == closing_section
        sections.append(
            {
                "heading": keep_heading(section.heading),
                "paragraphs": keep_body(section.paragraphs),
                "keep": closes and closing_part < 0,
                "parts": [
                    {
                        "heading": keep_heading(p.heading),
                        "paragraphs": keep_body(p.paragraphs),
                        "keep": closes and i == closing_part,
                    }
                    for i, p in enumerate(section.parts)
                ],
                "charts": drawn,  # put into the document as images where it is open (fill.with_images)
                "note": note if section.chart else "",
            }
        )
    return sections


def _context(content: Content, doc: DocxTemplate, charts: dict[str, list[Chart]], note: str) -> dict:
    """What `doc` is filled with, its charts as images in it."""
    return fill.with_images(template_context(content, charts, note), doc)


def template_context(content: Content, charts: dict[str, list[Chart]], note: str) -> dict:
    """What the template is filled with: text, rich text and drawn charts, none of the report's own types.

    It is all an office template's child process is sent, so that the child loads the filling alone.
    """
    lang = content.lang
    sections = _sections(content, charts, note)
    shown = bool(content.rows or content.rows_left_out)  # the area's own appendix has something to say
    by_indicator = content.area_by_indicator  # one unit's table: its first column names the indicators
    return {
        "issuer_lines": content.issuer_lines,
        "nation": t("report.nation", lang),
        "motto": t("report.motto", lang),
        # The number, signer and recipients the office gave (blanks where it gave none): report.build.
        "number": content.number or t("report.number", lang),
        "place_date": t("report.place_date", lang).format(place=content.place),
        "kind": t("report.kind", lang),
        "subject": keep_together(content.subject, term_word=True),
        "sections": sections,
        "tm": t("report.tm", lang),
        "chair": content.signer_title or t("report.chair", lang),
        "signer": content.signer_name,
        "recipients_title": t("report.recipients", lang),
        "recipients": content.recipients
        or [t("report.recipient_blank", lang), t("report.recipient_archive", lang)],
        # Two appendices where the child units are compared: "PHỤ LỤC I" and "PHỤ LỤC II".
        "appendix": t("report.appendix", lang).upper() + (" I" if content.compared and shown else ""),
        "appendix_shown": shown,
        "appendix_title": keep_together(content.appendix_title),
        "appendix_note": content.appendix_note,
        "columns": {
            k: column_head(t(f"report_col.{k}", lang))
            for k in ("stt", "indicator", "unit", "target", "actual", "pct", "status")
        },
        "rows": [_row(r) for r in content.rows],
        # Where every target waits for its figure, the sentence naming them, not "no targets".
        "no_rows": content.rows_left_out
        or t("report.no_rows", lang).format(period=period_text(content.period, lang)),
        "legend": content.legend,
        "compared": content.compared,
        "area_appendix": t("report.appendix", lang).upper() + (" II" if shown else ""),
        "area_title": content.area_title,
        "area_columns": {
            k: column_head(t(f"report_col.{'indicator' if k == 'area' and by_indicator else k}", lang))
            for k in ("stt", "area", "target", "actual", "pct", "status")
        },
        "area_rows": [
            _area_row(r, content.area_rows[i + 1] if i + 1 < len(content.area_rows) else None)
            for i, r in enumerate(content.area_rows)
        ],
        "area_none": content.area_none,
        "area_intro": content.area_intro,
        "area_legend": content.area_legend,
    }


def _printable(content: Content) -> Iterator[tuple[str, str, Any]]:
    """The charts the content asks for that fit a page at the print scale, built one at a time."""
    for name in (s.chart for s in content.sections if s.chart):
        for title, figure in content.figures[name]() if name in content.figures else []:
            if fits_page(figure):
                yield name, title, figure


def draw_charts(content: Content, browser: str | None) -> tuple[dict[str, list[Chart]], str]:
    """The charts the content asks for, and the note to print where they cannot be drawn.

    Only the charts that fit a page at the print scale count: where none does, there is nothing to
    draw and nothing to say, with or without a browser.
    """
    if browser is None:
        # One printable chart is enough to say they are left out: the rest are not built.
        missed = next(_printable(content), None) is not None
        return {}, t("report.no_browser", content.lang) if missed else ""
    drawn: dict[str, list[Chart]] = {}
    for number, (name, title, figure) in enumerate(_printable(content), start=1):
        caption = t("report.chart", content.lang).format(n=number, title=title)
        drawn.setdefault(name, []).append(Chart(caption, chart_png(figure, browser)))
    failed = any(c.png is None for charts in drawn.values() for c in charts)
    return drawn, t("report.chart_failed", content.lang) if failed else ""


def docx_bytes(content: Content, template: Path | None = None, browser: str | None = "auto") -> bytes:
    """The report as a .docx; browser "auto" finds the system Chromium, None leaves the charts out.

    An office's own `template` is filled in a child process under TEMPLATE_BUDGET (`_fill_apart`).
    """
    path = template or TEMPLATE
    doc = _open(path)
    charts, note = draw_charts(content, find_browser() if browser == "auto" else browser)
    if template is None:
        return _fill(doc, content, charts, note, path.name)
    return _fill_apart(path, content, charts, note)


def _open(path: Path) -> DocxTemplate:
    try:
        doc = fill.DocumentTemplate(str(path))
        doc.init_docx()
    except Exception as exc:  # any unreadable template is the same plain message
        raise ReportError("report.err.template", name=path.name, detail=exc) from exc
    return doc


def _fill(doc: DocxTemplate, content: Content, charts: dict[str, list[Chart]], note: str, name: str) -> bytes:
    """The shipped template filled in the sandbox, in this process."""
    try:
        return fill.fill(doc, template_context(content, charts, note), name, MAX_DOCUMENT_MB)
    except fill.RefusedError as exc:
        raise _refused(exc.refusal) from exc


def _said(value: object) -> object:
    if isinstance(value, fill.Refusal):
        return msg(value.key, **{k: _said(v) for k, v in value.values})
    return value


def _refused(refusal: fill.Refusal) -> ReportError:
    """The refusal of a template as the sentence people read."""
    return ReportError(refusal.key, **{k: _said(v) for k, v in refusal.values})


def _fill_apart(path: Path, content: Content, charts: dict[str, list[Chart]], note: str) -> bytes:
    """An office's template filled in a child process: a runaway loop costs the child, not the caller."""
    budget = TEMPLATE_BUDGET
    context = template_context(content, charts, note)
    try:
        status, value = isolation.run(
            fill.fill_in_child, path.read_bytes(), path.name, context, MAX_DOCUMENT_MB, budget=budget
        )
    except isolation.LimitExceededError as exc:
        log.warning("office template %s stopped: %s", path.name, exc)
        what = (
            msg("report.err.limit_memory", mb=budget.memory_mb)
            if exc.reason == "memory"
            else msg("report.err.limit_time", s=f"{budget.seconds:g}")
        )
        if exc.reason in ("memory", "time"):
            raise ReportError("report.err.template_limit", name=path.name, what=what) from exc
        raise ReportError("report.err.placeholder", name=path.name, detail=exc.reason) from exc
    if status == "refused":
        raise _refused(value)
    return bytes(value)


# PDF ---------------------------------------------------------------------------------

_office_lock = threading.Lock()
_office_profile: list[Path] = []


def find_office() -> str | None:
    """LibreOffice's soffice, or None where it is not installed."""
    for name in OFFICE:
        found = shutil.which(name)
        if found:
            return found
    return None


def _profile() -> Path:
    """One LibreOffice profile per process, made once: a first start costs seconds, later ones less."""
    if not _office_profile:
        folder = Path(tempfile.mkdtemp(prefix="indicators-office-"))
        atexit.register(shutil.rmtree, folder, True)
        _office_profile.append(folder)
    return _office_profile[0]


def pdf_bytes(docx: bytes) -> bytes:
    """The same .docx converted by LibreOffice headless, so the PDF and the Word file match."""
    office = find_office()
    if office is None:
        raise ReportError("report.err.no_office")
    # A profile is used by one soffice at a time: conversions in this process take turns.
    with _office_lock, tempfile.TemporaryDirectory(prefix="indicators-pdf-") as folder:
        source = Path(folder) / "bao_cao.docx"
        source.write_bytes(docx)
        command = [
            office,
            f"-env:UserInstallation={_profile().as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            folder,
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=CONVERT_SECONDS, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ReportError("report.err.office_slow", s=CONVERT_SECONDS) from exc
        except OSError as exc:
            raise ReportError("report.err.office_run", detail=exc.strerror or exc) from exc
        target = source.with_suffix(".pdf")
        if not target.exists():
            why = (done.stderr or done.stdout).decode(errors="replace").strip().splitlines()
            raise ReportError("report.err.office_failed", detail=why[-1] if why else done.returncode)
        return target.read_bytes()


def render(content: Content, kind: str, template: Path | None = None, browser: str | None = "auto") -> bytes:
    """The report in `kind` ("docx" or "pdf")."""
    docx = docx_bytes(content, template, browser)
    return pdf_bytes(docx) if kind == "pdf" else docx


def report_bytes(
    data: Dataset,
    area: str,
    period: str,
    lang: Lang,
    kind: str,
    compare: Sequence[str] = (),
    narrative: Narrative = EMPTY,
    register: pd.DataFrame | None = None,
) -> bytes:
    """The báo cáo of an area and a term ("2015-2020") or year ("2026"), child units compared on `compare`.

    `narrative` is what the office wrote for that area and period (indicators/report/narrative_store.py);
    `register`, the awards register of the same version, whose counts join the commendations section.
    """
    term, year = (period, None) if "-" in period else (None, int(period))
    content = report.build(data, area, report.parse_period(term, year), lang, narrative=narrative)
    if register is not None:
        content = register_counts.add(content, register, data.areas, awards_catalogue.load())
    if compare:
        content = report_compare.add(content, data, compare)
    return render(content, kind)
