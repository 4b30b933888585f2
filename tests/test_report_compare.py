"""The báo cáo comparing a parent's child units: every figure equal to indicators/areas/compare.py's."""

from __future__ import annotations

import io
import math
import re
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from docx.document import Document as DocumentObject
from streamlit.testing.v1 import AppTest

from dashboard import downloads, state
from indicators.__main__ import main
from indicators.areas import compare
from indicators.core.model import Dataset
from indicators.report import compare as report_compare
from indicators.report import content as report
from indicators.report import render as report_render
from indicators.report.rows import AreaRow
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support import areas_fixture as fixture
from tests.support.prepared import PreparedStores
from tests.support.seeded import SeededReading, own_copy
from tests.test_report import EN_NUMBER, VI_NUMBER, _needs, decimals_of, parse, pdftext

ROOT = Path(__file__).resolve().parents[1]
YEAR = report.parse_period(None, 2026)
CODES = ("TEA_AREA", "POV_RATE")
AREA_HEADER = {
    "vi": ["STT", "Địa bàn", "Mục tiêu/Kế hoạch", "Thực hiện", "% đạt", "Đánh giá"],
    "en": ["No.", "Area", "Target/Plan", "Actual", "% attained", "Status"],
}


@pytest.fixture(scope="module")
def communes(tmp_path_factory: pytest.TempPathFactory, prepared_stores: PreparedStores) -> Dataset:
    """The seeded store with the communes' workbook, prepared once a session (as `communes` in conftest)."""
    folder = tmp_path_factory.mktemp("report_compare")
    return prepared_stores.store(f"sqlite:///{folder / 'store.sqlite'}", fixture.add_communes).load()


@pytest.fixture(scope="module")
def contents(communes: Dataset) -> dict[str, report.Content]:
    return {lang: report_compare.report(communes, "12", YEAR, CODES, lang) for lang in ("vi", "en")}


@pytest.fixture(scope="module")
def documents(contents: dict[str, report.Content]) -> dict[str, DocumentObject]:
    return {
        lang: Document(io.BytesIO(report_render.docx_bytes(c, browser=None))) for lang, c in contents.items()
    }


def area_table(document: DocumentObject, lang: str) -> list[list[str]]:
    table = document.tables[-1]
    assert [" ".join(c.text.replace("\u200b", "").split()) for c in table.rows[0].cells] == AREA_HEADER[lang]
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def texts(document: DocumentObject) -> list[str]:
    # No-break spaces and word joiners keep "năm 2026" and periods on one line: read as written.
    return [p.text.replace("\u2060", "").replace("\u00a0", " ") for p in document.paragraphs]


# The document ---------------------------------------------------------------------------


@pytest.mark.slow
def test_the_comparison_is_a_numbered_section_after_the_results(documents: dict) -> None:
    # A heading keeps "giai đoạn" on one line by a no-break space: the same words to a reader.
    headings = [
        p.text.replace("\u00a0", " ")
        for p in documents["vi"].paragraphs
        if p.style is not None and p.style.name == "BC Heading 1"
    ]
    assert headings == [
        "PHẦN THỨ NHẤT. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, PHONG TRÀO THI ĐUA VÀ CÔNG TÁC KHEN THƯỞNG NĂM 2026",
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
        "II. CÁC PHONG TRÀO THI ĐUA TIÊU BIỂU",
        "III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU TRÊN CÁC LĨNH VỰC",
        "IV. SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC NĂM 2026",
        "V. KẾT QUẢ CÔNG TÁC KHEN THƯỞNG NĂM 2026",
        "VI. MỤC TIÊU GIAI ĐOẠN VÀ TIẾN ĐỘ THỰC HIỆN",
        "VII. ĐÁNH GIÁ CHUNG",
        "PHẦN THỨ HAI. PHƯƠNG HƯỚNG, NHIỆM VỤ, MỤC TIÊU NĂM 2027",
        "I. PHƯƠNG HƯỚNG, MỤC TIÊU",
        "II. NHIỆM VỤ TRỌNG TÂM",
        "III. GIẢI PHÁP THỰC HIỆN",
    ]
    said = texts(documents["vi"])
    assert "PHỤ LỤC I" in said and "PHỤ LỤC II" in said
    assert "SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC TỈNH LAI CHÂU NĂM 2026" in said
    # Header block, signature, the comparison: the province's own 2026 tea plan has no figure of its
    # own yet, so Appendix I names it in a sentence instead of a row of dashes.
    assert len(documents["vi"].tables) == 3
    assert any(x.startswith("Chưa có số liệu thực hiện năm 2026 của các chỉ tiêu sau") for x in said)


@pytest.mark.slow
def test_key_sentences_of_the_comparison(documents: dict) -> None:
    said = texts(documents["vi"])
    # The same four communes reported both indicators: named once, before the indicators, with what
    # that means for the province's figure, so that no indicator repeats it.
    assert (
        "Số liệu năm 2026 mới có ở 4/38 đơn vị: xã Bản Bo, xã Bình Lư, xã Khun Há, xã Tả Lèng; "
        "các đơn vị còn lại chưa có số liệu, nên chưa có số chung của toàn tỉnh Lai Châu cho chỉ tiêu nào."
        in said
    )
    # Four of 38 units are no figure of the province: their sum is said as theirs, never "tỉnh … đạt".
    assert (
        "Tổng diện tích chè năm 2026: 4 xã đã báo cáo cộng lại 3.190,75 ha, chưa phải số của toàn tỉnh "
        "Lai Châu; xếp đầu là xã Bản Bo (1.200,5 ha), xếp cuối là xã Tả Lèng (430,25 ha); "
        "so với mục tiêu của từng đơn vị: 3 xã vượt, 1 xã không đạt; "
        "chưa so được với mục tiêu 3.000 ha của toàn tỉnh Lai Châu." in said
    )
    # 34 of 38 communes have no figure at all: that, said once above, is why the province has no rate,
    # not the numerators of the four that reported; lower is better ranks first.
    assert "Tỷ lệ hộ nghèo năm 2026: xếp đầu là xã Bình Lư (8%), xếp cuối là xã Tả Lèng (20%)." in said
    assert not [s for s in said if "tử số" in s]
    english = texts(documents["en"])
    # The province's one target of its own: the count agrees with its noun.
    assert (
        "Against their targets, each kind of target counted on its own: "
        "targets of the 2026 plan: 1 (1 without a figure to judge yet)." in english
    )
    assert (
        # The hand-made workbook names its indicators in Vietnamese only.
        "Tổng diện tích chè in 2026: the 4 communes that reported add up to 3,190.75 ha, which is not yet "
        "a figure for Lai Châu province as a whole; Bản Bo commune ranked first (1,200.5 ha) and Tả Lèng "
        "commune last (430.25 ha); judged against their own targets, 3 communes exceeded theirs and "
        "1 commune fell short; Lai Châu province as a whole cannot yet be set against its target of "
        "3,000 ha." in english
    )
    section = said[said.index("IV. SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC NĂM 2026") : said.index("PHỤ LỤC I")]
    # No partial sum is the province's figure, and no count of zero is said.
    assert not [s for s in section if re.search(r"tỉnh Lai Châu (ước )?\d", s)]
    assert not [s for s in section if re.search(r"\b0 (xã|đơn vị|vượt|đạt|không đạt)", s)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_number_in_the_comparison_table_equals_the_engine(
    communes: Dataset, documents: dict, lang: Lang
) -> None:
    rows = area_table(documents[lang], lang)
    pattern = VI_NUMBER if lang == "vi" else EN_NUMBER
    groups = [i for i, r in enumerate(rows) if re.fullmatch(r"\d+", r[0])]
    assert len(groups) == len(CODES)
    checked = 0
    for number, (start, code) in enumerate(zip(groups, CODES, strict=True), start=1):
        result = compare.compare(communes, code, 2026, "12")
        end = groups[number] if number < len(groups) else len(rows)
        chunk = rows[start + 1 : end]
        children = [r for r in chunk if re.fullmatch(rf"{number}\.\d+", r[0])]
        engine_kids = result.children[result.children["value"].notna() | result.children["target"].notna()]
        assert len(children) == len(engine_kids)
        assert result.parent_row is not None
        engine_parent = result.parent_row.to_dict()
        # 34 communes without a figure: the note before the table says so once, and a line of dashes
        # for the province would say nothing more; a partial sum keeps its own line.
        has_parent = engine_parent["mark"] == "partial" or not pd.isna(engine_parent["target"])
        assert len(chunk) == len(children) + int(has_parent)
        lines = list(zip(children, engine_kids.to_dict("records"), strict=True))
        if has_parent:
            parent = chunk[-1]
            name = t("report.cmp.partial_row", lang).format(
                n=4, m=38, units=t("report.cmp.level.commune", lang)
            )
            assert parent[1] == name
            engine_parent["target"] = float("nan")
            engine_parent["area"] = ""
            lines.append((parent, engine_parent))
        for cells, row in lines:
            if row["area"]:
                assert cells[1] == compare.area_name(communes, str(row["area"]), 2026, lang)
            for text, value in (
                (cells[2], row["target"]),
                (cells[3], row["value"]),
                (cells[4], row["attainment_pct"]),
            ):
                found = pattern.search(text.split(":", 1)[-1])
                if pd.isna(value):
                    assert found is None, cells
                    continue
                assert found is not None, cells
                shown = parse(found.group(0), lang)
                assert abs(shown - float(value)) <= 0.5 * 10 ** -decimals_of(found.group(0), lang) + 1e-9, (
                    cells
                )
                checked += 1
        if has_parent:
            # The parent's line is marked exactly as the comparison marks it.
            units = t("report.cmp.level.commune", lang)
            name = report_compare.words.in_sentence(compare.area_name(communes, "12", 2026, lang), lang)
            assert report_compare._parent_note(result, name, units, lang) in chunk[-1][5]
        for cells, row in lines[: len(children)]:
            # A target the store lacks is missing data, never a fact about the commune.
            word = "cmpdoc.no_target" if row["status"] == "no_target" else f"status.{row['status']}"
            assert cells[5] == t(word, lang)
    assert checked >= 15


def test_every_number_in_the_comparison_text_is_an_engine_value(communes: Dataset, documents: dict) -> None:
    said = texts(documents["vi"])
    start = said.index("IV. SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC NĂM 2026")
    end = said.index("V. KẾT QUẢ CÔNG TÁC KHEN THƯỞNG NĂM 2026")
    # The units by kind in the opening sentence: 36 xã and 2 phường make the 38.
    allowed = {2026.0, 38.0, 36.0, 2.0, float(len(CODES))}
    for code in CODES:
        rows = compare.compare(communes, code, 2026, "12").rows
        for column in ("value", "target", "attainment_pct", "reported", "expected"):
            allowed |= {float(v) for v in rows[column] if not pd.isna(v)}
        allowed |= {float(n) for n in rows[~rows["is_parent"]]["status"].value_counts()}
        allowed |= {0.0, 1.0, 2.0, 3.0, 4.0}  # counts of children by status
    checked = 0
    for text in said[start + 1 : end]:
        for found in VI_NUMBER.findall(text):
            value = parse(found)
            assert any(abs(value - a) <= 0.5 * 10 ** -decimals_of(found) + 1e-9 for a in allowed), (
                found,
                text,
            )
            checked += 1
    assert checked >= 12


def test_the_legend_names_the_lines_it_explains_never_by_bold(documents: dict) -> None:
    paragraphs = documents["vi"].paragraphs
    notes = [p.text for p in paragraphs if p.style is not None and p.style.name == "BC Legend"]
    # Headings are bold as well: a note that said "the bold line is the province" would be untrue.
    assert not [n for n in notes if "in đậm" in n]
    # Four communes of 38 reported: there is no line of the province, only the four's sum.
    assert notes[:2] == [
        "Biểu chưa có dòng số của toàn tỉnh Lai Châu: số đó chỉ tổng hợp khi tất cả các đơn vị hành chính "
        "cấp xã trực thuộc đã có số liệu.",
        "Dòng “Cộng … đã có số liệu”: tổng của các đơn vị đã có số liệu, chưa phải số của toàn tỉnh Lai Châu "
        "và không được đánh giá; khi chỉ một đơn vị có số liệu thì không có dòng cộng.",
    ]
    table = documents["vi"].tables[-1]
    assert not [r for r in table.rows if r.cells[1].text == "Tỉnh Lai Châu"]
    partial = next(r for r in table.rows if r.cells[1].text.startswith("Cộng 4/38"))
    assert [r.bold for r in partial.cells[1].paragraphs[0].runs if r.text] == [True]


def test_a_line_of_the_whole_parent_is_named_in_the_legend() -> None:
    whole = AreaRow("", "Tỉnh Lai Châu", "—", "—", "", "chưa có số chung", parent=True)
    heading = AreaRow("1", "Tỷ lệ hộ nghèo (%)", "", "", "", "", group=True)
    units = "đơn vị hành chính cấp huyện"
    notes = report_compare._legend([heading, whole], ("Tỉnh Lai Châu", "tỉnh Lai Châu"), units, "vi")
    assert notes[0] == (
        "Dòng “Tỉnh Lai Châu”: số của toàn tỉnh Lai Châu, chỉ tổng hợp khi tất cả các đơn vị hành chính "
        "cấp huyện trực thuộc đã có số liệu."
    )
    whole_en = AreaRow("", "Lai Châu province", "—", "—", "", "no overall figure yet", parent=True)
    english = report_compare._legend(
        [heading, whole_en], ("Lai Châu province", "Lai Châu province"), "units", "en"
    )
    assert english[0].startswith("Line “Lai Châu province”: the figure for Lai Châu province as a whole")


def test_an_implied_target_of_a_child_is_rounded_and_marked(shipped_data: Dataset) -> None:
    data = shipped_data
    content = report_compare.report(data, "12", report.parse_period(None, 2020), ["GTSX"], "vi")
    row = next(r for r in content.area_rows if r.area_code == "106")
    # 2.503,3 ÷ 118,08 % is 2.120,0034; the printed % carries five digits: 2.120,0, marked (*).
    assert (row.target, row.actual, row.pct, row.status) == (
        "NQ: 2.120,0 (*)",
        "2.503,3 (ước)",
        "118,08",
        "vượt",
    )
    # One district of eight reported: its figure is no sum of the province, so there is no total line.
    assert not [r for r in content.area_rows if r.parent]
    (sentence,) = [p for p in sentences(content) if p.startswith("Tổng giá trị")]
    assert sentence == (
        "Tổng giá trị sản xuất năm 2020: huyện Tam Đường ước 2.503,3 tỷ đồng, đạt 118,08% Nghị quyết, "
        "vượt chỉ tiêu."
    )
    # Seven huyện and one thành phố: "đơn vị", never "8 huyện".
    assert (
        "Số liệu năm 2020 mới có ở 1/8 đơn vị: huyện Tam Đường; các đơn vị còn lại chưa có số liệu, nên chưa "
        "có số chung của toàn tỉnh Lai Châu cho chỉ tiêu nào." in sentences(content)
    )
    assert any(n.startswith("(*)") for n in content.area_legend)


# The shipped data: one district of eight ------------------------------------------------

SEED_CODES = ("CADRE_TRAINING", "TOURISTS", "BK_CT_UBND_TINH_CN", "POV_RATE", "GTSX")
TERM = report.parse_period("2015-2020", None)


@pytest.fixture(scope="module")
def seeded(seeded_reading: SeededReading) -> dict[str, report.Content]:
    data = own_copy(seeded_reading.dataset)
    return {lang: report_compare.report(data, "12", TERM, SEED_CODES, lang) for lang in ("vi", "en")}


def sentences(content: report.Content) -> list[str]:
    section = content.section("compare")
    assert section is not None
    return [*section.paragraphs, *(p for part in section.parts for p in part.paragraphs)]


def test_a_qualified_estimate_keeps_its_qualifier_and_mark(seeded: dict) -> None:
    vi, en = sentences(seeded["vi"]), sentences(seeded["en"])
    assert (
        "Số lượt cán bộ, công chức, viên chức được cử đi đào tạo, bồi dưỡng, tổng giai đoạn 2016–2020: "
        "huyện Tam Đường ước trên 4.220 lượt." in vi
    )
    assert any(
        # "khoảng" already hedges: no "ước khoảng".
        # The source gives no year for it: the term is said, never "năm 2020".
        s.startswith(
            "Số lượt khách du lịch, giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm: huyện Tam Đường "
            "khoảng 300.000 lượt khách"
        )
        for s in vi
    )
    # English puts the qualifier before the estimate, and each sentence has a verb.
    assert any("Tam Đường district recorded over an estimated 4,220 instances." in s for s in en)
    assert any("Tam Đường district recorded about 300,000" in s for s in en)


def test_a_term_sum_says_its_years_and_never_one_year(seeded: dict) -> None:
    (award,) = [s for s in sentences(seeded["vi"]) if s.startswith("Bằng khen Chủ tịch UBND tỉnh (cá nhân)")]
    assert (
        award
        == "Bằng khen Chủ tịch UBND tỉnh (cá nhân), tổng giai đoạn 2016–2020: huyện Tam Đường ước 591 lượt."
    )
    # The one district's line is the indicator's, numbered as a heading is ("1", never "1.1").
    (heading,) = [
        r.area for r in seeded["vi"].area_rows if r.stt.isdigit() and r.code == "BK_CT_UBND_TINH_CN"
    ]
    assert heading == "Bằng khen Chủ tịch UBND tỉnh (cá nhân) (lượt; tổng giai đoạn 2016–2020)"


def test_a_cut_a_year_is_set_against_the_units_own_fall(seeded: dict) -> None:
    (poverty,) = [s for s in sentences(seeded["vi"]) if s.startswith("Tỷ lệ hộ nghèo")]
    # 4,5 points a year against a cut of 3,0 a year: 150 %, worked out, not the level 18,22 against 3.
    assert (
        "huyện Tam Đường ước 18,22%, bình quân mỗi năm giảm 4,5 điểm\u00a0% "
        "(mục tiêu: giảm ≈\u202f3,0 điểm\u00a0% mỗi năm), bằng 150% mức giảm Nghị quyết đề ra, vượt chỉ tiêu"
        in poverty
    )
    row = next(r for r in seeded["vi"].area_rows if r.code == "POV_RATE" and r.area_code == "106")
    assert (row.target, row.actual, row.pct, row.status) == (
        "NQ: giảm mỗi năm 3,0 điểm % (*)",
        "18,22 (ước); giảm mỗi năm 4,5 điểm %",
        "150",
        "vượt",
    )
    assert not row.reported  # computed from the stated fall, no longer the report's own % alone
    english = next(s for s in sentences(seeded["en"]) if s.startswith("Poverty rate"))
    assert (
        "down 4.5 percentage points a year on average against a target cut of ≈\u202f3.0 percentage points"
        in english
    )


def test_the_results_say_what_is_missing_instead_of_no_figures(seeded: dict) -> None:
    results = seeded["vi"].section("results")
    assert results is not None
    assert (
        "Chưa có số liệu các chỉ tiêu của tỉnh Lai Châu trong giai đoạn 2015 – 2020."
        not in results.paragraphs
    )
    assert (
        "Chưa có số liệu chung của toàn tỉnh Lai Châu cho các chỉ tiêu trong giai đoạn 2015 – 2020; số liệu "
        "năm 2020 của 1/8 đơn vị hành chính cấp huyện trực thuộc đã báo cáo được so sánh tại mục sau và "
        "tại Phụ lục." in results.paragraphs
    )


def test_no_chart_of_one_bar_and_the_caption_says_the_period(seeded: dict, contents: dict) -> None:
    # One district reported: a chart of one bar compares nothing; its three results against its own
    # targets are drawn instead, under its name.
    ((title, alone),) = seeded["vi"].figures["compare"]()
    assert title == "Mức đạt so với chỉ tiêu của huyện Tam Đường"
    assert len(alone.data[0].x) == 3
    ((caption, figure),) = contents["vi"].figures["compare"]()
    assert caption == "Tổng diện tích chè năm 2026"
    # The four communes' partial sum is drawn as no line of the province.
    names = " ".join(str(a.text) for a in figure.layout.annotations)
    assert "3.190,75" not in names


# Thin data -------------------------------------------------------------------------------


def test_a_parent_whose_units_reported_nothing_gets_a_short_report_that_says_so(
    shipped_data: Dataset,
) -> None:
    data = shipped_data
    content = report_compare.report(data, "12", YEAR, ["TEA_AREA", "GTSX"], "vi")
    assert content.area_rows == []
    sentence = (
        "Chưa có đơn vị hành chính cấp xã nào trực thuộc tỉnh Lai Châu báo cáo số liệu năm 2026 "
        "cho các chỉ tiêu đã chọn, "
        "nên chưa so sánh được."
    )
    assert content.area_none == sentence
    doc = Document(io.BytesIO(report_render.docx_bytes(content, browser=None)))
    said = texts(doc)
    # Said once, in the section: no second appendix of that one sentence alone on a page.
    assert said.count(sentence) == 1
    assert "PHỤ LỤC II" not in said and "PHỤ LỤC I" not in said
    assert len(doc.tables) == 2  # header block and signature: no empty table
    # A commune has no units under it: said, not a traceback.
    content = report_compare.report(data, "03424", YEAR, ["GTSX"], "en")
    assert content.area_none == "Area Bản Bo commune has no units under it at the end of 2026."


def test_without_a_comparison_the_report_has_one_appendix(shipped_data: Dataset) -> None:
    data = shipped_data
    doc = Document(io.BytesIO(report_render.docx_bytes(report.build(data, "106", YEAR, "vi"), browser=None)))
    said = texts(doc)
    assert "PHỤ LỤC" in said and "PHỤ LỤC II" not in said and "PHỤ LỤC I" not in said


# The PDF ----------------------------------------------------------------------------------


@pytest.mark.office
def test_the_pdf_holds_the_comparison_with_diacritics(contents: dict, tmp_path: Path) -> None:
    _needs("soffice", "libreoffice-writer-nogui")
    _needs("pdftotext", "poppler-utils")
    path = tmp_path / "so_sanh.pdf"
    path.write_bytes(report_render.render(contents["vi"], "pdf", browser=None))
    flat = re.sub(r"\s+", " ", pdftext(path))
    for expected in (
        "SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC NĂM 2026",
        "4 xã đã báo cáo cộng lại 3.190,75 ha, chưa phải số của toàn tỉnh Lai Châu",
        "PHỤ LỤC II",
        "Xã Bản Bo",
        "1.200,5",
        "Cộng 4/38",
        "3.190,75",
    ):
        assert expected in flat, expected
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip())


# The comparison page ------------------------------------------------------------------------


def compare_page(lang: Lang) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = lang
    at.switch_page("pages/compare.py")
    at.run()
    at.selectbox(key="compare_code").set_value("TEA_AREA").run()
    return at


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_comparison_page_offers_the_report_to_a_viewer(
    store: Store, tmp_path: Path, fresh_caches: None, lang: Lang
) -> None:
    fixture.add_to(store, tmp_path)
    at = compare_page(lang)  # nobody signed in: a viewer
    assert not at.exception, [e.value for e in at.exception]
    labels = {b.key: b.label for b in at.button}
    assert labels["compare_report_make_docx"] == t("report.make", lang).format(fmt="Word")
    assert labels["compare_report_make_pdf"] == t("report.make", lang).format(fmt="PDF")
    assert at.radio(key="compare_report_scope").value == "one"
    at.button(key="compare_report_make_docx").click().run()
    assert not at.exception
    (download,) = [d for d in at.get("download_button") if d.proto.url.endswith(".docx")]
    assert download.proto.label == t("report.download", lang).format(fmt="Word")
    data = state.dataset()
    payload = downloads.kept_report(data, "12", "2026", lang, "docx", compare=("TEA_AREA",))
    assert payload is not None
    doc = Document(io.BytesIO(payload))
    rows = area_table(doc, lang)
    assert rows[0][1] == ("Tổng diện tích chè (ha)")
    assert [r[3] for r in rows[1:5]] == (
        ["1.200,5", "950", "610", "430,25"] if lang == "vi" else ["1,200.5", "950", "610", "430.25"]
    )
    # Four communes of 38 reported: the last line is their sum, named as theirs, not the province.
    units = t("report.cmp.level.commune", lang)
    assert rows[-1][1] == t("report.cmp.partial_row", lang).format(n=4, m=38, units=units)


def test_every_indicator_with_unit_figures_and_the_country(
    store: Store, tmp_path: Path, fresh_caches: None
) -> None:
    fixture.add_to(store, tmp_path)
    at = compare_page("vi")
    at.radio(key="compare_report_scope").set_value("all").run()
    at.button(key="compare_report_make_docx").click().run()
    assert not at.exception
    data = state.dataset()
    wanted = ("TEA_AREA", "POV_RATE", "POOR_HH", "HOUSEHOLDS")
    assert report_compare.codes_with_child_figures(data, "12", 2026) == sorted(
        wanted, key=list(data.indicators["code"]).index
    )
    # The whole country has no People's Committee to report: the page says so instead of a button.
    at.selectbox(key="compare_parent").set_value(compare.COUNTRY).run()
    assert not at.exception
    assert "compare_report_make_docx" not in {b.key for b in at.button}
    assert any(t("report.cmp.no_country", "vi") == m.value for m in at.info)


def test_domain_numbers_are_not_nan_strings(contents: dict) -> None:
    for row in contents["vi"].area_rows:
        for text in (row.target, row.actual, row.pct, row.status):
            assert "nan" not in text.lower(), row
        if not row.group and not math.isnan(row.pct_value):
            assert row.pct


@pytest.mark.slow
def test_the_command_line_writes_the_comparison(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture.add_to(store, tmp_path)
    out = tmp_path / "so_sanh.docx"
    args = ["report", "--area", "12", "--year", "2026", "--format", "docx", "--out", str(out), "--no-charts"]
    assert main([*args, "--compare", "all"]) == 0
    rows = area_table(Document(str(out)), "vi")
    groups = [r[1] for r in rows if re.fullmatch(r"\d+", r[0])]
    # "Số hộ (hộ)" would say its unit twice: a name that says it takes none.
    wanted = ["Số hộ", "Số hộ nghèo", "Tổng diện tích chè (ha)", "Tỷ lệ hộ nghèo (%)"]
    assert sorted(groups) == wanted
    capsys.readouterr()
    assert main([*args, "--compare", "TEA_AREA,KHONG_CO"]) == 2
    assert capsys.readouterr().err.startswith("Lỗi: không có chỉ tiêu KHONG_CO để so sánh")


def test_an_indicator_s_rows_stay_on_one_page_and_a_chart_with_its_caption(contents: dict) -> None:
    document = Document(io.BytesIO(report_render.docx_bytes(contents["vi"], browser=None)))
    rows = document.tables[-1].rows[1:]
    area_rows = contents["vi"].area_rows
    assert len(rows) == len(area_rows) >= 10

    def kept(row: object) -> bool:
        return all(
            bool(p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next)
            for c in row.cells  # type: ignore[attr-defined]
            for p in c.paragraphs
        )

    # Every row but an indicator's last is kept with the next; the last of all with the notes.
    for index, (row, line) in enumerate(zip(rows, area_rows, strict=True)):
        following = area_rows[index + 1] if index + 1 < len(area_rows) else None
        assert kept(row) == (following is None or not following.group), line.area
    assert document.styles["BC Figure"].paragraph_format.keep_with_next


def test_the_chart_draws_an_indicator_whose_units_are_judged(communes: Dataset) -> None:
    # Households come first and all four communes reported them, but only tea has targets to judge.
    codes = ("HOUSEHOLDS", "TEA_AREA")
    content = report_compare.report(communes, "12", YEAR, codes, "vi")
    ((caption, _),) = content.figures["compare"]()
    assert caption == "Tổng diện tích chè năm 2026"
