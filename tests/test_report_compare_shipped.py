"""The comparison báo cáo of the shipped data, as a chairman reads it: one district of eight reported."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from indicators.areas import compare
from indicators.core.model import Dataset
from indicators.report import compare as report_compare
from indicators.report import compare_text
from indicators.report import content as report
from indicators.report import render as report_render
from indicators.report.shape import Part, number_parts
from indicators.text import phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support.seeded import SeededReading, own_copy
from tests.test_report import _needs

TERM = report.parse_period("2015-2020", None)
OTHERS_VI = (
    "thành phố Lai Châu, huyện Mường Tè, huyện Sìn Hồ, huyện Phong Thổ, huyện Than Uyên, huyện Tân Uyên, "
    "huyện Nậm Nhùn"
)


@pytest.fixture(scope="module")
def shipped(seeded_reading: SeededReading) -> Dataset:
    return own_copy(seeded_reading.dataset)


@pytest.fixture(scope="module")
def contents(shipped: Dataset) -> dict[str, report.Content]:
    codes = report_compare.codes_with_child_figures(shipped, "12", 2020)
    return {lang: report_compare.report(shipped, "12", TERM, codes, lang) for lang in ("vi", "en")}


def said(content: report.Content) -> list[str]:
    section = content.section("compare")
    assert section is not None
    return [*section.paragraphs, *(p for part in section.parts for p in part.paragraphs)]


# The appendix ---------------------------------------------------------------------------------


def test_the_units_without_figures_are_named_once_before_the_table(contents: dict) -> None:
    vi, en = contents["vi"], contents["en"]
    assert vi.area_intro == (
        "Số liệu năm 2020 mới có ở 1/8 đơn vị hành chính cấp huyện: huyện Tam Đường. Biểu dưới đây chỉ nêu "
        f"đơn vị này; 7 đơn vị còn lại chưa có số liệu của chỉ tiêu nào: {OTHERS_VI}."
    )
    assert en.area_intro.startswith(
        "Figures for 2020 have so far come from 1 of the 8 district-level units: Tam Đường district. "
        "The table below shows that unit only; the other 7 units have no figure for any indicator yet: "
        "Lai Châu city, "
    )
    for content in (vi, en):
        # Each of the 69 indicators: one line of Tam Đường's figures, never "7 đơn vị … chưa có số liệu".
        assert [r.stt for r in content.area_rows] == [str(n) for n in range(1, 70)]
        assert {r.area_code for r in content.area_rows} == {"106"}
        assert not [r for r in content.area_rows if r.group or r.parent]
        assert content.area_by_indicator
    assert vi.area_rows[0].area == "Tổng giá trị sản xuất (tỷ đồng)"
    assert (vi.area_rows[0].target, vi.area_rows[0].actual) == ("NQ: 2.120,0 (*)", "2.503,3 (ước)")
    document = Document(io.BytesIO(report_render.docx_bytes(vi, browser=None)))
    texts = [p.text for p in document.paragraphs]
    assert texts.count(vi.area_intro) == 1
    assert texts.index(vi.area_intro) > texts.index("SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC TỈNH LAI CHÂU NĂM 2020")
    # The table of one unit names its indicators in its first column.
    header = [" ".join(c.text.replace("\u200b", "").split()) for c in document.tables[-1].rows[0].cells]
    assert header[:2] == ["STT", "Chỉ tiêu"]
    assert len(document.tables[-1].rows) == 1 + 69


def test_unit_type_words_are_lower_case_in_a_list_of_names(shipped: Dataset) -> None:
    # Where units differ by indicator, each indicator's rows list those without a figure themselves.
    result = compare.compare(shipped, "GTSX", 2020, "12")
    names = compare.area_names(shipped, list(result.rows["area"]), 2020, "vi")
    result = report_compare.replace(result, rows=result.rows.assign(label=result.rows["area"].map(names)))
    info = report_compare._catalogue(shipped, "vi").loc["GTSX"]
    rows = report_compare._rows(shipped, result, info, 1, "đơn vị hành chính cấp huyện", "vi")
    (rest,) = [r for r in rows if r.status == t("status.no_data", "vi")]
    assert rest.area == f"7 đơn vị hành chính cấp huyện chưa có số liệu: {OTHERS_VI}"
    # The unit's own line keeps its official name, capitalised as a name at the start of a cell.
    assert [r.area for r in rows if r.area_code == "106"] == ["Huyện Tam Đường"]


def test_a_target_the_store_lacks_is_missing_data_never_the_unit_s(contents: dict) -> None:
    words: dict[Lang, str] = {"vi": "chưa có số liệu chỉ tiêu", "en": "no target recorded"}
    for lang, word in words.items():
        rows = [r for r in contents[lang].area_rows if not r.group]
        without = [r for r in rows if r.target == "—"]
        assert len(without) == 55
        assert {r.status for r in without} == {word}
        assert not [r for r in rows if r.status == t("status.no_target", lang)]


def test_no_numerators_are_blamed_where_units_have_not_reported(contents: dict) -> None:
    for lang, words in (("vi", ("tử số", "mẫu số", "dân số")), ("en", ("numerator", "denominator"))):
        content = contents[lang]
        text = " ".join([*said(content), *(r.status for r in content.area_rows)])
        assert not [w for w in words if w in text], lang
    # Said once, before the indicators: seven districts have no figure at all.
    assert (
        "Số liệu năm 2020 mới có ở 1/8 đơn vị: huyện Tam Đường; các đơn vị còn lại chưa có số liệu, nên chưa "
        "có số chung của toàn tỉnh Lai Châu cho chỉ tiêu nào." in said(contents["vi"])
    )
    row = {"mark": "not_additive", "reason": "rate_without_parts"}
    names = ("tỉnh Lai Châu", "đơn vị")
    # Two of eight reported, named one by one: the six missing are the reason, before any numerator.
    assert compare_text._no_total(row, names, (2, 8), "vi", common=False) == (
        "chưa có số chung của toàn tỉnh Lai Châu vì mới 2/8 đơn vị có số liệu"
    )
    assert compare_text._no_total(row, names, (2, 8), "vi", common=True) == ""
    # Every unit reported: then the missing numerators are the true reason.
    assert compare_text._no_total(row, names, (8, 8), "vi", common=False) == (
        "chưa tính được tỷ lệ chung của toàn tỉnh Lai Châu vì chưa có số liệu tử số, mẫu số của các đơn vị"
    )


def test_the_legend_says_there_is_no_line_of_the_province(contents: dict) -> None:
    assert contents["vi"].area_legend[0] == (
        "Biểu chưa có dòng số của toàn tỉnh Lai Châu: số đó chỉ tổng hợp khi tất cả các đơn vị hành chính "
        "cấp huyện trực thuộc đã có số liệu."
    )
    for lang in ("vi", "en"):
        notes = " ".join(contents[lang].area_legend)
        assert "in đậm" not in notes and "Bold" not in notes


# The headings of the table: a unit the name says is not said again ----------------------------


@pytest.mark.parametrize(
    ("name", "unit", "details", "heading"),
    [
        ("Số khách sạn", "khách sạn", (), "Số khách sạn"),
        ("Số trường học", "trường", (), "Số trường học"),
        ("Số lượt khách du lịch", "lượt khách", (), "Số lượt khách du lịch"),
        ("Số Trung tâm Giáo dục nghề nghiệp", "trung tâm", (), "Số Trung tâm Giáo dục nghề nghiệp"),
        ("Hotels", "hotels", (), "Hotels"),
        (
            "Doctors per 10,000 population",
            "doctors per 10,000 population",
            (),
            "Doctors per 10,000 population",
        ),
        ("Tổng diện tích chè", "ha", (), "Tổng diện tích chè (ha)"),
        ("Tỷ lệ hộ nghèo", "%", (), "Tỷ lệ hộ nghèo (%)"),
        # A rate's unit says more than its name: kept.
        ("Số bác sỹ trên vạn dân", "bác sỹ/vạn dân", (), "Số bác sỹ trên vạn dân (bác sỹ/vạn dân)"),
        # "trường" is no word of "Số trường học" alone by a letter: "trườn" is not found inside it.
        ("Số trường học", "trườn", (), "Số trường học (trườn)"),
        ("Danh hiệu Lao động tiên tiến", "lượt", ("tổng giai đoạn 2016–2020",), None),
        ("Số lao động được dạy nghề", "lao động", ("tổng giai đoạn 2016–2020",), None),
    ],
)
def test_a_table_heading_says_a_unit_once(name: str, unit: str, details: tuple, heading: str | None) -> None:
    expected = {
        "Danh hiệu Lao động tiên tiến": "Danh hiệu Lao động tiên tiến (lượt; tổng giai đoạn 2016–2020)",
        "Số lao động được dạy nghề": "Số lao động được dạy nghề (tổng giai đoạn 2016–2020)",
    }
    assert phrase.titled(name, unit, *details) == (heading or expected[name])


def test_the_appendix_headings_never_repeat_a_unit(contents: dict, shipped: Dataset) -> None:
    headings = {r.code: r.area for r in contents["vi"].area_rows}
    assert headings["HOTELS"] == "Số khách sạn"
    assert headings["STUDENTS"] == "Số học sinh"
    assert headings["GTSX"] == "Tổng giá trị sản xuất (tỷ đồng)"
    units = shipped.indicators.set_index("code")["unit"]
    repeated = [
        h for c, h in headings.items() if units[c] and f"({units[c]})" in h and units[c] in h.split(" (")[0]
    ]
    assert repeated == []


# The body --------------------------------------------------------------------------------------


def test_the_sentences_follow_the_term_report_s_fields(contents: dict) -> None:
    section = contents["vi"].section("compare")
    assert section is not None
    assert [p.heading for p in section.parts] == [
        "1. Trên lĩnh vực kinh tế",
        "2. Trên lĩnh vực văn hóa – xã hội",
        "3. Công tác xây dựng hệ thống chính trị",
        "4. Công tác khen thưởng",
    ]
    economy = section.parts[0].paragraphs
    # The source's first figures first: production value, income, then the economy's structure.
    assert [s.split(" năm 2020")[0] for s in economy[:3]] == [
        "Tổng giá trị sản xuất",
        "Thu nhập bình quân đầu người",
        "Cơ cấu kinh tế: nông, lâm nghiệp, thủy sản",
    ]
    # The awards as the commendation section lists them: wartime proposals, forms of award highest
    # first, emulation titles highest first, the examples held up last.
    awards = [s.split(",")[0].split(" (")[0] for s in section.parts[3].paragraphs]
    assert list(dict.fromkeys(awards)) == [
        "Cá nhân có thành tích trong kháng chiến được trình tỉnh đề nghị khen thưởng",
        "Huân chương Lao động hạng Ba",
        "Bằng khen của Thủ tướng Chính phủ",
        "Bằng khen Chủ tịch UBND tỉnh",
        "Cờ thi đua của Chính phủ",
        "Danh hiệu Chiến sĩ thi đua tỉnh Lai Châu",
        "Cờ thi đua của UBND tỉnh",
        "Danh hiệu Tập thể lao động xuất sắc",
        "Danh hiệu Tập thể lao động tiên tiến",
        "Danh hiệu Chiến sĩ thi đua cấp cơ sở",
        "Danh hiệu Lao động tiên tiến",
        "Cá nhân tiêu biểu được biểu dương khen thưởng",
        "Tập thể tiêu biểu được biểu dương khen thưởng",
    ]
    # The appendix numbers the indicators in the same order as the sentences.
    codes = [r.code for r in contents["vi"].area_rows]
    assert codes[:2] == ["GTSX", "INCOME_PC"]
    english = contents["en"].section("compare")
    assert english is not None
    assert [p.heading for p in english.parts][-1] == "4. Commendations"


def test_a_lone_part_takes_no_number(contents: dict) -> None:
    results = contents["vi"].section("results")
    assert results is not None
    # The province has no results of its own: the campaigns are the section's only part.
    assert [p.heading for p in results.parts] == ["Các phong trào thi đua tiêu biểu"]
    assert [p.heading for p in number_parts([Part("2. A", []), Part("B", [])])] == ["1. A", "2. B"]
    assert [p.heading for p in number_parts([Part("3. A", [])])] == ["A"]


def test_part_two_names_the_next_term_and_leaves_the_goals_to_the_office(contents: dict) -> None:
    expected: dict[Lang, tuple[str, str]] = {
        "vi": ("PHẦN THỨ HAI. PHƯƠNG HƯỚNG, NHIỆM VỤ, MỤC TIÊU GIAI ĐOẠN 2020 – 2025", "Mục tiêu"),
        "en": ("PART TWO. DIRECTION, TASKS AND GOALS FOR THE 2020 – 2025 TERM", "Goals"),
    }
    for lang, (heading, gap) in expected.items():
        content = contents[lang]
        assert [s.heading for s in content.sections if s.key == "part_two"] == [heading]
        goals = content.section("goals")
        assert goals is not None
        assert goals.parts[1].paragraphs == [
            # A term's report names the next term whose goals are missing.
            t("report.no_goals_term", lang).format(area=content.area_name, p="2020 – 2025"),
            t("report.placeholder", lang).format(what=gap),
        ]


# The printed chart -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_one_unit_s_results_are_drawn_and_fit_a_page(contents: dict, lang: Lang) -> None:
    ((title, made),) = contents[lang].figures["compare"]()
    figure: Any = made
    assert (
        title
        == {
            "vi": "Mức đạt so với chỉ tiêu của huyện Tam Đường",
            "en": "Results of Tam Đường district against its targets",
        }[lang]
    )
    # Tam Đường's 14 results judged against its own targets, highest first: tourists' 500 % on top.
    assert len(figure.data[0].x) == 14
    assert list(figure.data[0].x)[:2] == [500.0, 254.0]
    assert report_render.fits_page(figure)


def test_the_term_report_s_chart_fits_a_page(shipped: Dataset) -> None:
    for period in (TERM, report.parse_period(None, 2020)):
        content = report.build(shipped, "106", period, "vi")
        ((_, made),) = content.figures["attainment"]()
        figure: Any = made
        assert len(figure.data[0].x) >= 15
        assert report_render.fits_page(figure), period


@pytest.mark.office
def test_the_printed_comparison_holds_its_chart_and_is_short(contents: dict, tmp_path: Path) -> None:
    _needs("chromium", "chromium")
    _needs("soffice", "libreoffice-writer-nogui")
    _needs("pdftotext", "poppler-utils")  # pdfimages and pdfinfo come with it
    docx = report_render.docx_bytes(contents["vi"], browser=shutil.which("chromium"))
    document = Document(io.BytesIO(docx))
    assert len(document.inline_shapes) == 1
    assert document.inline_shapes[0].height <= report_render.CHART_MAX_HEIGHT
    pdf = tmp_path / "so_sanh.pdf"
    pdf.write_bytes(report_render.pdf_bytes(docx))
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
    assert len(listed.stdout.strip().splitlines()) == 3  # two header lines and the chart
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    # 31 pages when each of 69 indicators listed the seven districts without figures.
    assert pages <= 15
