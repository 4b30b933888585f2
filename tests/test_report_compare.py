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
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support import areas_fixture as fixture
from tests.test_report import EN_NUMBER, VI_NUMBER, _needs, decimals_of, parse, pdftext

ROOT = Path(__file__).resolve().parents[1]
YEAR = report.parse_period(None, 2026)
CODES = ("TEA_AREA", "POV_RATE")
AREA_HEADER = {
    "vi": ["STT", "Địa bàn", "Mục tiêu/Kế hoạch", "Thực hiện", "% đạt", "Đánh giá"],
    "en": ["No.", "Area", "Target/Plan", "Actual", "% attained", "Status"],
}


@pytest.fixture(scope="module")
def communes(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    folder = tmp_path_factory.mktemp("report_compare")
    return fixture.add_to(Store(f"sqlite:///{folder / 'store.sqlite'}").ensure(), folder).load()


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
    return [p.text for p in document.paragraphs]


# The document ---------------------------------------------------------------------------


@pytest.mark.slow
def test_the_comparison_is_a_numbered_section_after_the_results(documents: dict) -> None:
    headings = [
        p.text for p in documents["vi"].paragraphs if p.style is not None and p.style.name == "BC Heading 1"
    ]
    assert headings == [
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
        "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU TRÊN CÁC LĨNH VỰC",
        "III. SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC NĂM 2026",
        "IV. KẾT QUẢ CÔNG TÁC KHEN THƯỞNG NĂM 2026",
        "V. ĐÁNH GIÁ CHUNG",
        "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
    ]
    said = texts(documents["vi"])
    assert "PHỤ LỤC I" in said and "PHỤ LỤC II" in said
    assert "SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC TỈNH LAI CHÂU NĂM 2026" in said
    # Header block, signature, the province's own targets (its 2026 tea plan), the comparison.
    assert len(documents["vi"].tables) == 4


@pytest.mark.slow
def test_key_sentences_of_the_comparison(documents: dict) -> None:
    said = texts(documents["vi"])
    assert (
        "Tổng diện tích chè (năm 2026): tỉnh Lai Châu 3.190,75 ha "
        "(chưa đủ: tổng hợp từ 4/38 đơn vị hành chính cấp xã), "
        "chưa đánh giá so với mục tiêu 3.000 ha vì chưa đủ địa bàn báo cáo; "
        "xếp đầu là xã Bản Bo (1.200,5 ha), xếp cuối là xã Tả Lèng (430,25 ha); "
        "so với mục tiêu của từng địa bàn: 3 vượt, 0 đạt, 1 không đạt." in said
    )
    # A rate without its parts has no total yet, said in the office's words; lower is better ranks first.
    assert (
        "Tỷ lệ hộ nghèo (năm 2026): tỉnh Lai Châu: chưa có số liệu tổng hợp; "
        "xếp đầu là xã Bình Lư (8%), xếp cuối là xã Tả Lèng (20%)." in said
    )
    english = texts(documents["en"])
    # The province's one target of its own: the count agrees with its noun.
    assert (
        "Against their targets, each kind of target counted on its own: "
        "targets of the 2026 plan: 1 (1 without a figure to judge yet)." in english
    )
    assert (
        # The hand-made workbook names its indicators in Vietnamese only.
        "Tổng diện tích chè (2026): Lai Châu province 3,190.75 ha "
        "(partial: added up from 4 of 38 commune-level units), "
        "not judged against the target of 3,000 ha as not every unit reported; "
        "ranked first Bản Bo commune (1,200.5 ha), last Tả Lèng commune (430.25 ha); "
        "against each unit's own target: 3 exceeded, 0 met, 1 not met." in english
    )


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
        parent = chunk[-1]
        lines = [*zip(children, engine_kids.to_dict("records"), strict=True), (parent, result.parent_row)]
        for cells, row in lines:
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
        # The parent's line is marked exactly as the comparison marks it.
        units = t("report.cmp.level.commune", lang)
        assert report_compare._parent_note(result, "", units, lang) in parent[5]
        for cells, row in zip(children, engine_kids.to_dict("records"), strict=True):
            assert cells[5] == t(f"status.{row['status']}", lang)
    assert checked >= 15


def test_every_number_in_the_comparison_text_is_an_engine_value(communes: Dataset, documents: dict) -> None:
    said = texts(documents["vi"])
    start = said.index("III. SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC NĂM 2026")
    end = said.index("IV. KẾT QUẢ CÔNG TÁC KHEN THƯỞNG NĂM 2026")
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


def test_the_legend_explains_the_bold_parent_line(documents: dict) -> None:
    paragraphs = documents["vi"].paragraphs
    notes = [p.text for p in paragraphs if p.style is not None and p.style.name == "BC Legend"]
    assert any(
        n.startswith("Dòng in đậm: số của tỉnh Lai Châu, tổng hợp từ các đơn vị hành chính cấp xã trực thuộc")
        for n in notes
    )
    table = documents["vi"].tables[-1]
    parent = next(r for r in table.rows if r.cells[1].text == "Tỉnh Lai Châu")
    assert [r.bold for r in parent.cells[1].paragraphs[0].runs if r.text] == [True]
    child = next(r for r in table.rows if r.cells[1].text == "Xã Bản Bo")
    assert [r.bold for r in child.cells[1].paragraphs[0].runs if r.text] == [None]


def test_an_implied_target_of_a_child_is_rounded_and_marked(tmp_path: Path) -> None:
    data = Store(f"sqlite:///{tmp_path / 's.sqlite'}").ensure().load()
    content = report_compare.report(data, "12", report.parse_period(None, 2020), ["GTSX"], "vi")
    row = next(r for r in content.area_rows if r.area_code == "106")
    # 2.503,3 ÷ 118,08 % is 2.120,0034; the printed % carries five digits: 2.120,0, marked (*).
    assert (row.target, row.actual, row.pct, row.status) == (
        "NQ: 2.120,0 (*)",
        "2.503,3 (ước)",
        "118,08",
        "vượt",
    )
    parent = next(r for r in content.area_rows if r.parent)
    assert parent.actual == "2.503,3 (ước)"
    # Seven huyện and one thành phố: "đơn vị hành chính cấp huyện", never "8 huyện".
    assert parent.status == "chưa đủ: tổng hợp từ 1/8 đơn vị hành chính cấp huyện; không đánh giá"
    assert any(n.startswith("(*)") for n in content.area_legend)


# Thin data -------------------------------------------------------------------------------


def test_a_parent_whose_units_reported_nothing_gets_a_short_report_that_says_so(tmp_path: Path) -> None:
    data = Store(f"sqlite:///{tmp_path / 's.sqlite'}").ensure().load()
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
    assert said.count(sentence) == 2  # in the section and under Phụ lục II
    assert len(doc.tables) == 2  # header block and signature: no empty table
    # A commune has no units under it: said, not a traceback.
    content = report_compare.report(data, "03424", YEAR, ["GTSX"], "en")
    assert content.area_none == "Area Bản Bo commune has no units under it at the end of 2026."


def test_without_a_comparison_the_report_has_one_appendix(tmp_path: Path) -> None:
    data = Store(f"sqlite:///{tmp_path / 's.sqlite'}").ensure().load()
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
        "tỉnh Lai Châu 3.190,75 ha (chưa đủ: tổng hợp từ 4/38 đơn vị hành chính cấp xã)",
        "PHỤ LỤC II",
        "Xã Bản Bo",
        "1.200,5",
        "chưa đủ: tổng hợp từ 4/38 đơn vị hành chính cấp xã; không đánh giá",
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
    assert rows[-1][1] == compare.area_name(data, "12", 2026, lang)


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
    wanted = ["Số hộ (hộ)", "Số hộ nghèo (hộ)", "Tổng diện tích chè (ha)", "Tỷ lệ hộ nghèo (%)"]
    assert sorted(groups) == wanted
    capsys.readouterr()
    assert main([*args, "--compare", "TEA_AREA,KHONG_CO"]) == 2
    assert capsys.readouterr().err.startswith("Lỗi: không có chỉ tiêu KHONG_CO để so sánh")
