"""The báo cáo on paper: rows kept whole, the signature with the closing paragraph, checked in the PDF."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import _Row
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate

from indicators.areas.compare import compare
from indicators.charts import compare as compare_charts
from indicators.charts import figures
from indicators.charts import print_style as print_charts
from indicators.core.model import Dataset
from indicators.report import compare as report_compare
from indicators.report import content as report
from indicators.report import facts
from indicators.report import render as report_render
from indicators.report.template import TEMPLATE
from indicators.text import labels, tables
from indicators.text.i18n import t
from tests.support import areas_fixture as fixture
from tests.support.prepared import PreparedStores
from tests.support.seeded import SeededReading, own_copy
from tests.test_report import _needs

TERM = report.parse_period("2015-2020", None)
YEAR = report.parse_period(None, 2019)
COMPARED = ("TEA_AREA", "POV_RATE")
# Characters a reader cannot see, or sees as a space, that have no place in a unit or a figure.
HIDDEN = {"\u00ad", "\u00a0", "\u202f", "\u2009", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
# 160 mm of paper for the chart's pixels: 1 px prints at this many points.
PT_PER_PX = report_render.CHART_WIDTH.pt / report_render.CHART_WIDTH_PX


@dataclass(frozen=True)
class Printed:
    """One báo cáo as content, .docx and the PDF's text page by page."""

    content: report.Content
    document: DocumentObject
    pdf: bytes
    pages: list[str]


@pytest.fixture(scope="module")
def data(seeded_reading: SeededReading) -> Dataset:
    return own_copy(seeded_reading.dataset)


@pytest.fixture(scope="module")
def communes(tmp_path_factory: pytest.TempPathFactory, prepared_stores: PreparedStores) -> Dataset:
    """The seeded store with the communes' workbook, prepared once a session (as `communes` in conftest)."""
    folder = tmp_path_factory.mktemp("print_communes")
    return prepared_stores.store(f"sqlite:///{folder / 'store.sqlite'}", fixture.add_communes).load()


@pytest.fixture(scope="module")
def contents(data: Dataset, communes: Dataset) -> dict[str, report.Content]:
    """The term, year and comparison reports in both languages."""
    out = {}
    for lang in ("vi", "en"):
        out[f"term_{lang}"] = report.build(data, "106", TERM, lang)
        out[f"year_{lang}"] = report.build(data, "106", YEAR, lang)
        out[f"compare_{lang}"] = report_compare.report(
            communes, "12", report.parse_period(None, 2026), COMPARED, lang
        )
    return out


@pytest.fixture(scope="module")
def printed(contents: dict[str, report.Content]) -> dict[str, Printed]:
    """Each of the six documents rendered once by LibreOffice; its text read page by page."""
    _needs("soffice", "libreoffice-writer-nogui")
    _needs("pdftotext", "poppler-utils")
    out = {}
    for name, content in contents.items():
        docx = report_render.docx_bytes(content)
        pdf = report_render.pdf_bytes(docx)
        text = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        out[name] = Printed(content, Document(io.BytesIO(docx)), pdf, text.split("\f")[:-1])
    return out


def flat(text: str) -> str:
    return " ".join(text.split())


def table_rows(document: DocumentObject) -> list[list[str]]:
    """The rows of the appendix tables, header rows left out."""
    return [[c.text for c in row.cells] for table in document.tables[2:] for row in table.rows[1:]]


# The .docx ---------------------------------------------------------------------------


def test_no_row_of_any_table_splits_and_headers_repeat(contents: dict[str, report.Content]) -> None:
    for name in ("term_vi", "compare_en"):
        document = Document(io.BytesIO(report_render.docx_bytes(contents[name], browser=None)))
        # The comparison's Appendix I names its targets without a 2026 figure in a sentence (no table).
        assert len(document.tables) == 3
        for table in document.tables:
            for row in table.rows:
                assert row_props(row).find(qn("w:cantSplit")) is not None, name
        for table in document.tables[2:]:
            assert row_props(table.rows[0]).find(qn("w:tblHeader")) is not None
            assert all(row_props(r).find(qn("w:tblHeader")) is None for r in table.rows[1:])


def row_props(row: _Row) -> BaseOxmlElement:
    props = row._tr.trPr
    assert props is not None
    return props


def test_a_group_heading_line_is_kept_with_the_row_under_it(contents: dict[str, report.Content]) -> None:
    content = contents["term_vi"]
    document = Document(io.BytesIO(report_render.docx_bytes(content, browser=None)))
    table = document.tables[2]
    rows = table.rows[1:]
    assert len(rows) == len(content.rows) == 25
    for row, line in zip(rows[:-1], content.rows, strict=False):
        kept = [
            p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next
            for c in row.cells
            for p in c.paragraphs
        ]
        assert all(kept) if line.group else not any(kept), line.indicator
    assert sum(line.group for line in content.rows) == 8
    # The last row is kept with the notes under the table, and each note with the next.
    last = [p.style.paragraph_format.keep_with_next for c in rows[-1].cells for p in c.paragraphs]
    assert all(last) and len(last) == 7
    notes = [p for p in document.paragraphs if p.text in content.legend]
    assert len(notes) == len(content.legend) >= 4
    styles = {p.style.name: p.style.paragraph_format.keep_with_next for p in notes if p.style is not None}
    assert styles == {"BC Legend": True}


def test_the_body_s_last_paragraph_is_kept_with_the_signature(contents: dict[str, report.Content]) -> None:
    for name in ("term_vi", "year_en", "compare_vi"):
        content = contents[name]
        document = Document(io.BytesIO(report_render.docx_bytes(content, browser=None)))
        last = content.sections[-1]
        closing = report_render.keep_heading(
            last.parts[-1].paragraphs[-1] if last.parts else last.paragraphs[-1]
        )
        body = document.element.body
        signature = document.tables[1]._tbl
        before = signature.getprevious()
        closing_p = before.getprevious()
        assert Paragraph(closing_p, document._body).text == closing, name
        for p in (closing_p, before):
            style = document.styles.get_by_id(p.pPr.pStyle.val, WD_STYLE_TYPE.PARAGRAPH)
            assert style.paragraph_format.keep_with_next, name
        # Only that paragraph: the rest of the body flows freely.
        kept = [
            p for p in document.paragraphs if p.style is not None and p.style.name == "BC Closing" and p.text
        ]
        assert [p.text for p in kept] == [closing]
        assert body.index(signature) > body.index(closing_p)


def test_the_signer_s_name_is_a_bold_line_filled_when_given(contents: dict[str, report.Content]) -> None:
    doc = DocxTemplate(str(TEMPLATE))
    doc.init_docx()
    context = report_render._context(contents["term_vi"], doc, {}, "")
    doc.render({**context, "signer": "Từ Hữu Hà"}, jinja_env=report_render.template_env())
    buffer = io.BytesIO()
    doc.save(buffer)
    right = Document(io.BytesIO(buffer.getvalue())).tables[1].rows[0].cells[1]
    lines = [p for p in right.paragraphs if p.text.strip()]
    assert [p.text for p in lines] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Từ Hữu Hà"]
    assert lines[-1].style.name == "BC Signer" and lines[-1].style.font.bold
    # Room for the signature between the title and the name.
    elements = [p._p for p in right.paragraphs]
    assert elements.index(lines[-1]._p) - elements.index(lines[1]._p) == 5


def test_every_unit_in_the_data_is_printed_as_written(
    data: Dataset, contents: dict[str, report.Content]
) -> None:
    units = [*data.indicators["unit"], *data.indicators["unit_en"]]
    assert len(units) >= 100
    for unit in units:
        odd = [c for c in str(unit) if c in HIDDEN or unicodedata.category(c) in {"Cf", "Cc"}]
        assert not odd, (unit, [hex(ord(c)) for c in odd])
    for lang in ("vi", "en"):
        content = contents[f"term_{lang}"]
        info = facts.catalogue(data, lang)
        document = Document(io.BytesIO(report_render.docx_bytes(content, browser=None)))
        printed_units = [row[2] for row in table_rows(document)]
        expected = []
        for line in content.rows:
            unit = "" if line.group else str(info.at[line.code, "unit"])
            per_year = t("unit_code.per_year", lang).format(unit="")
            if line.per_year:  # a reduction a year: "điểm %/năm", "points/year"
                assert line.unit.endswith(per_year)
                unit = line.unit
            expected.append(unit)
        assert printed_units == expected
        assert any("/" in u for u in printed_units)


def test_the_per_year_note_only_where_a_row_is_a_fall_a_year(contents: dict[str, report.Content]) -> None:
    note = t("report.legend.reduce", "vi")
    # The term has the poverty rate's fall a year; the year has only "triệu đồng/người/năm", a level.
    assert note in contents["term_vi"].legend
    assert any(r.unit == "triệu đồng/người/năm" for r in contents["year_vi"].rows)
    assert note not in contents["year_vi"].legend


def test_the_appendix_notes_spell_out_the_abbreviations(contents: dict[str, report.Content]) -> None:
    assert (
        "Viết tắt: NQ: Nghị quyết; KH: Kế hoạch; ĐA: Đề án; Giao: Chỉ tiêu giao."
        in contents["term_vi"].legend
    )
    assert "Viết tắt: KH: Kế hoạch." in contents["compare_vi"].area_legend
    # "Plan: Plan" explains nothing: only the English abbreviations that differ from their word.
    assert (
        "Abbreviations: Res.: Resolution; Prog.: Programme; Asg.: Assigned target."
        in contents["term_en"].legend
    )


# The chart in print ------------------------------------------------------------------------


def font_sizes(figure: object) -> list[float]:
    """Every text size the figure sets, in px: layout, axes, traces and annotations."""
    spec = figure.to_plotly_json()  # type: ignore[attr-defined]
    found: list[float] = []

    def walk(node: object, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif key == "size" and isinstance(node, int | float):
            found.append(float(node))

    for part in (spec["layout"].get("font"), spec["layout"].get("annotations"), spec["layout"].get("xaxis")):
        walk(part)
    for trace in spec["data"]:
        walk(trace.get("textfont"))
    return found


def print_figures(data: Dataset, communes: Dataset) -> list[go.Figure]:
    judged = attainment_rows(data)
    view = tables.attainment_view(data, judged, "vi")
    result = compare(communes, "TEA_AREA", 2026, "12")
    return [
        figures.attainment_figure(view, "vi", title=" ", for_print=True),
        compare_charts.compare_figure(communes, result, "Tổng diện tích chè", "ha", "vi", for_print=True),
    ]


def attainment_rows(data: Dataset) -> object:
    return report.build(data, "106", YEAR, "vi").attainment_rows


def test_the_chart_prints_in_the_document_s_font_in_greys_with_words(
    data: Dataset, communes: Dataset
) -> None:
    icons = {*labels.STATUS_ICON.values(), "◐", "≈"}
    for figure in print_figures(data, communes):
        assert figure.layout.font.family.startswith("Times New Roman")
        assert figure.layout.font.color == "#000000"
        bars = figure.data[0]
        assert bars.type == "bar" and len(bars.x) >= 2
        for colour in bars.marker.color:
            r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
            assert r == g == b, colour
        for text in [*bars.text, *(a.text for a in figure.layout.annotations)]:
            assert not set(text) & icons, text
            assert not set(text) & HIDDEN, text
        words = {t(f"status.{s}", "vi") for s in ("vuot", "dat", "khong_dat")}
        assert all(text.split(" ", 1)[1] in words for text in bars.text), bars.text
        # The smallest text, at 160 mm for the drawn width, is 10 pt or larger.
        assert min(font_sizes(figure)) * PT_PER_PX >= 10, min(font_sizes(figure))


def label_bands(figure: go.Figure) -> list[tuple[float, float]]:
    """Where each row's label sits (in y): its top and its lines of 16 px."""
    labels_trace = next(d for d in figure.data if d.type == "scatter" and d.mode == "text")
    return [
        (float(y), float(y) + 16 * (str(x).count("<br>") + 1))
        for y, x in zip(labels_trace.y, labels_trace.text, strict=True)
    ]


def test_no_printed_line_runs_through_a_word(data: Dataset, communes: Dataset) -> None:
    for figure in print_figures(data, communes):
        # No gridline at all on paper: a grey line through a word reads as a strike-through.
        assert figure.layout.xaxis.showgrid is False and figure.layout.yaxis.showgrid is False
        lines = [s for s in figure.layout.shapes if s.type == "line" and s.x0 == s.x1]
        assert lines, "the 100% line is still drawn"
        for line in lines:
            assert line.line.color == print_charts.INK
            for top, bottom in label_bands(figure):
                assert line.y1 <= top or line.y0 >= bottom, (line.y0, line.y1, top, bottom)
    # A bar short of the line has its text across it: the line leaves that bar's band out.
    items = [
        figures.BarItem(label="A", value=98.0, text="98% không đạt", color="#D9D9D9", hover=""),
        figures.BarItem(label="B", value=105.4, text="105,4% vượt", color="#3A3A3A", hover=""),
    ]
    figure = print_charts.print_style(
        figures.bar_list(items, " ", "vi", reference=100.0, reference_label="100%")
    )
    bars = figure.data[0]
    segments = [(s.y0, s.y1) for s in figure.layout.shapes]
    short, long = (float(y) for y in bars.y)
    assert not any(y0 < short < y1 for y0, y1 in segments)
    assert any(y0 < long < y1 for y0, y1 in segments)
    # The notes under the chart print at 10 pt or more, a legend too.
    legend = go.Figure(
        layout={"legend": {"font": {"size": 8}}, "annotations": [{"text": "x", "font": {"size": 9}}]}
    )
    legend = print_charts.print_style(legend)
    assert legend.layout.legend.font.size * PT_PER_PX >= 10
    assert legend.layout.annotations[0].font.size * PT_PER_PX >= 10


def test_the_attainment_chart_writes_percent_as_the_document_does(data: Dataset) -> None:
    view = tables.attainment_view(data, attainment_rows(data), "vi")
    figure = figures.attainment_figure(view, "vi", title=" ", for_print=True)
    assert list(figure.data[0].text) == ["105,4% vượt", "104,3% vượt"]
    assert figure.layout.xaxis.ticksuffix == "%"
    screen = figures.attainment_figure(view, "vi", title=" ")
    assert list(screen.data[0].text) == ["105,4\u202f% ▲ vượt", "104,3\u202f% ▲ vượt"]
    assert print_charts.grey("vuot") == figure.data[0].marker.color[0]


# The PDF, page by page -------------------------------------------------------------------


@pytest.mark.office
def test_no_page_is_without_text(printed: dict[str, Printed]) -> None:
    counts = {name: len(p.pages) for name, p in printed.items()}
    assert all(n >= 3 for n in counts.values()), counts
    for name, doc in printed.items():
        for number, page in enumerate(doc.pages, start=1):
            words = [w for w in page.split() if not w.isdigit()]
            assert len(words) >= 5, f"{name}: page {number} holds only {words}"


def signature_page(doc: Printed) -> int:
    # The chair's title, in capitals as only the signature block writes it: the longer "TM. …" may wrap
    # beside the recipients' lines.
    chair = t("report.chair", doc.content.lang)
    found = [i for i, page in enumerate(doc.pages) if chair in page]
    assert len(found) == 1
    return found[0]


@pytest.mark.office
def test_the_signature_page_carries_the_body_s_closing_paragraph(printed: dict[str, Printed]) -> None:
    for name, doc in printed.items():
        number = signature_page(doc)
        page = flat(doc.pages[number])
        last = doc.content.sections[-1]
        closing = flat(last.parts[-1].paragraphs[-1] if last.parts else last.paragraphs[-1])
        # The paragraph's end at least: a long one may begin on the page before.
        assert closing[-60:] in page, f"{name}: {closing[-60:]!r} is not on page {number + 1}"
        assert flat(t("report.recipients", doc.content.lang)) in page
        # The body ends there: the next page opens the appendix.
        appendix = t("report.appendix", doc.content.lang).upper()
        assert flat(doc.pages[number + 1]).split()[1] == appendix.split()[0], name


@pytest.mark.office
def test_number_and_date_share_a_line_in_both_languages(printed: dict[str, Printed]) -> None:
    for name, doc in printed.items():
        lines = doc.pages[0].splitlines()
        number = next(line for line in lines if "/BC-UBND" in line)
        assert f"{doc.content.place}," in number, f"{name}: {number!r}"


@pytest.mark.office
def test_no_period_in_a_title_or_heading_breaks_across_lines(printed: dict[str, Printed]) -> None:
    for name, doc in printed.items():
        first = doc.pages[0].splitlines()
        kind = next(i for i, line in enumerate(first) if line.strip() == t("report.kind", doc.content.lang))
        # The title's lines under "BÁO CÁO", and every heading in capitals, on every page.
        title = first[kind + 1 : kind + 5]
        headings = [line for page in doc.pages for line in page.splitlines() if line.upper() == line]
        for line in [*title, *headings]:
            # "… tasks for 2020 –" over "2025": the period split at its dash.
            assert not re.search(r"\d{4}\s*–$", line.rstrip()), f"{name}: {line!r}"
        # Nor "giai" at a title's or a heading's line end, its "đoạn" on the next.
        assert not any(line.rstrip().lower().endswith("giai") for line in [*title, *headings]), name
        # Nor "NĂM" at a heading's line end, its year on the next.
        assert not any(line.rstrip().endswith(" NĂM") for line in headings), name


@pytest.mark.office
def test_no_body_line_splits_giai_doan_or_a_period(printed: dict[str, Printed]) -> None:
    # "tổng giai" over "đoạn 2016–2020", or "2016–" over "2020": the body as well as the headings.
    for name, doc in printed.items():
        for line in (line.rstrip() for page in doc.pages for line in page.splitlines()):
            assert not line.lower().endswith(" giai"), f"{name}: {line!r}"
            assert not re.search(r"\d{4}\s*–$", line), f"{name}: {line!r}"


def test_a_body_paragraph_keeps_giai_doan_and_its_years_whole(contents: dict[str, report.Content]) -> None:
    document = Document(io.BytesIO(report_render.docx_bytes(contents["term_vi"], browser=None)))
    said = [p.text for p in document.paragraphs if "2016–" in p.text and "tổng giai" in p.text]
    assert said and all("tổng giai\u00a0đoạn 2016–\u20602020" in text for text in said)
    assert not any(re.search(r"giai đoạn|\d{4}–\d{4}", text) for text in said)


@pytest.mark.office
def test_a_lead_ending_in_a_colon_never_ends_a_page(printed: dict[str, Printed]) -> None:
    # "Các chỉ tiêu vượt cao nhất …:" at a page's foot, its list on the next page.
    for name, doc in printed.items():
        for number, page in enumerate(doc.pages[:-1], start=1):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            text = [line for line in lines if not line.isdigit()]  # the page number in the top margin
            assert text and not text[-1].endswith(":"), f"{name}, page {number}: {text[-1]!r}"


def test_a_lead_ending_in_a_colon_is_kept_with_what_follows(contents: dict[str, report.Content]) -> None:
    document = Document(io.BytesIO(report_render.docx_bytes(contents["term_vi"], browser=None)))
    leads = [p for p in document.paragraphs if p.text.startswith("Các chỉ tiêu vượt cao nhất")]
    assert len(leads) == 1 and leads[0].text.endswith(":")
    assert leads[0].style is not None and leads[0].style.paragraph_format.keep_with_next


def test_an_appendix_name_keeps_its_summed_years_on_one_line(contents: dict[str, report.Content]) -> None:
    document = Document(io.BytesIO(report_render.docx_bytes(contents["term_en"], browser=None)))
    names = [row[1] for row in table_rows(document)]
    assert "Newly planted tea area (in total over 2016–\u20602020)" in names


def test_a_period_is_kept_on_one_line_by_no_break_spaces_and_a_word_joiner() -> None:
    together = report_render.keep_together("giai đoạn 2015 – 2020; 2016–2020, số 2015 - 2020")
    assert together == "giai đoạn 2015\u00a0–\u2060\u00a02020; 2016–\u20602020, số 2015 - 2020"
    # A heading keeps "giai đoạn" whole: no line ends on "GIAI" and opens the next on "ĐOẠN".
    heading = report_render.keep_heading("MỤC TIÊU GIAI ĐOẠN 2020 – 2025")
    assert heading == "MỤC TIÊU GIAI\u00a0ĐOẠN 2020\u00a0–\u2060\u00a02025"
    assert report_render.keep_heading("NHIỆM VỤ, MỤC TIÊU NĂM 2020") == "NHIỆM VỤ, MỤC TIÊU NĂM\u00a02020"
    assert report_render.keep_heading("hàng năm đạt") == "hàng năm đạt"
    # In the title, "giai đoạn" goes with its period.
    title = report_render.keep_together("phương hướng, nhiệm vụ giai đoạn 2020 – 2025", term_word=True)
    assert title == "phương hướng, nhiệm vụ giai\u00a0đoạn\u00a02020\u00a0–\u2060\u00a02025"
    # A narrow column's head breaks after its "/" only.
    assert report_render.column_head("Mục tiêu/Kế hoạch") == "Mục tiêu/\u200bKế\u00a0hoạch"
    assert report_render.column_head("Thực hiện") == "Thực hiện"
    # What a reader sees is unchanged: the same words once the invisible marks are read as spaces.
    assert (
        " ".join(together.replace("\u2060", "").split()) == "giai đoạn 2015 – 2020; 2016–2020, số 2015 - 2020"
    )


def row_starts(document: DocumentObject) -> set[str]:
    """The first word of each table row as printed: its number, or the name where it has none."""
    starts = set()
    for row in table_rows(document):
        first = next((cell for cell in row if cell.strip()), "")
        starts.add(first.split()[0])
    return starts


def header_words(document: DocumentObject) -> set[str]:
    # A head may break after its "/" at a zero-width space: its words on one line or on two.
    cells = [c.text for table in document.tables[2:] for c in table.rows[0].cells]
    return {w for text in cells for way in ("", " ") for w in text.replace("\u200b", way).split()}


@pytest.mark.office
def test_no_table_row_is_split_across_pages(printed: dict[str, Printed]) -> None:
    """A page that carries a table on opens with a whole row after the repeated header, never a remnant."""
    continued = 0
    for name, doc in printed.items():
        starts, head = row_starts(doc.document), header_words(doc.document)
        first_column = t("report_col.stt", doc.content.lang)
        for number, page in enumerate(doc.pages, start=1):
            lines = [line for line in page.splitlines() if line.strip() and not line.strip().isdigit()]
            if not lines or lines[0].split()[0] != first_column:
                continue
            body = [line for line in lines if not set(line.split()) <= head]
            assert body[0].split()[0] in starts, f"{name}: page {number} opens with {body[0]!r}"
            continued += 1
    # The check ran where it matters: the term's appendix runs onto a second page.
    assert continued >= 2


@pytest.mark.office
def test_a_group_heading_never_ends_a_page(printed: dict[str, Printed]) -> None:
    for name, doc in printed.items():
        headings = [flat(f"{r.stt} {r.indicator}") for r in doc.content.rows if r.group]
        if not doc.content.rows:  # no row has a figure: one sentence names them, no table
            assert doc.content.rows_left_out, name
            continue
        assert headings
        for number, page in enumerate(doc.pages, start=1):
            lines = [flat(line) for line in page.splitlines() if line.strip()]
            assert lines[-1] not in headings, f"{name}: page {number} ends with {lines[-1]!r}"


@pytest.mark.office
def test_the_notes_under_a_table_never_stand_alone_on_a_page(printed: dict[str, Printed]) -> None:
    checked = 0
    for name, doc in printed.items():
        tables: list[tuple[Sequence[object], list[str], str]] = [
            (doc.content.rows, doc.content.legend, "indicator")
        ]
        if doc.content.compared:
            tables.append((doc.content.area_rows, doc.content.area_legend, "area"))
        for rows, legend, column in tables:
            if not rows or not legend:
                continue
            first_note = flat(legend[0])[:40]
            page = next(flat(p) for p in doc.pages if first_note in flat(p))
            last_name = getattr(rows[-1], column)
            assert flat(last_name) in page, f"{name}: {first_note!r} without {last_name!r}"
            checked += 1
    assert checked >= 6


@pytest.mark.office
def test_percent_against_the_number_and_no_guillemets(printed: dict[str, Printed]) -> None:
    for name, doc in printed.items():
        text = "\n".join(doc.pages)
        assert not re.search(r"\d[ \u00a0\u202f]+%", text), (
            name,
            re.findall(r".{20}\d[ \u00a0\u202f]+%.{10}", text),
        )
        assert not set(text) & {"«", "»", "\u200b"}, name
        if doc.content.lang == "vi":
            assert re.search(r"\d%", text), name


@pytest.mark.office
def test_the_pdf_pages_are_a4_portrait_then_landscape_for_the_appendix(printed: dict[str, Printed]) -> None:
    sizes = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", "-"],
        input=printed["year_vi"].pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    shapes = [
        (round(float(w)), round(float(h)))
        for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", sizes)
    ]
    signature = signature_page(printed["year_vi"])
    assert set(shapes[: signature + 1]) == {(595, 842)}
    assert set(shapes[signature + 1 :]) == {(842, 595)}
