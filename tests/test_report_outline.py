"""The báo cáo a chairman signs: the source's outline, the office's words, register, awards, honesty."""

from __future__ import annotations

import copy
import dataclasses
import io
import re

import pytest
from docx import Document

from indicators.core.model import Dataset
from indicators.report import compare as report_compare
from indicators.report import content as report
from indicators.report import render as report_render
from indicators.report.narrative import SECTION_KEYS, Narrative, heading_key
from indicators.report.shape import Period
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support.seeded import SeededReading, own_copy

TERM = report.parse_period("2015-2020", None)
YEAR = report.parse_period(None, 2020)
# Words about the software, never in a document someone signs.
SOFTWARE = re.compile(
    r"kho dữ liệu|phiên bản|chưa khai báo|cơ sở dữ liệu|\bstore\b|\bversion\b|\bdatabase\b|declared",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def data(seeded_reading: SeededReading) -> Dataset:
    return own_copy(seeded_reading.dataset)


class Built:
    """The module's reports as `report.build` writes them without the office's words, each built once.

    Most tests read the same few reports; building one is a fifth of a second. Each call hands out a
    deep copy, so a test that changed its report could not change another's.
    """

    def __init__(self, data: Dataset) -> None:
        self._data = data
        self._made: dict[tuple[str, Period, Lang], report.Content] = {}

    def __call__(self, area: str, period: Period, lang: Lang) -> report.Content:
        key = (area, period, lang)
        if key not in self._made:
            self._made[key] = report.build(self._data, area, period, lang)
        return copy.deepcopy(self._made[key])


@pytest.fixture(scope="module")
def built(data: Dataset) -> Built:
    return Built(data)


def every_paragraph(content: report.Content) -> list[str]:
    out = [content.subject]
    for section in content.sections:
        out += [section.heading, *section.paragraphs]
        for part in section.parts:
            out += [part.heading, *part.paragraphs]
    return out


def part_text(content: report.Content, key: str, heading_word: str) -> list[str]:
    section = content.section(key)
    assert section is not None
    return next(p.paragraphs for p in section.parts if heading_word in p.heading)


def test_a_shared_report_is_the_one_built_and_each_test_s_own(data: Dataset, built: Built) -> None:
    fresh = report.build(data, "106", TERM, "vi")
    first = built("106", TERM, "vi")
    # Rows compared as written: a row without a figure holds NaN, which equals nothing.
    assert every_paragraph(first) == every_paragraph(fresh) and repr(first.rows) == repr(fresh.rows)
    first.sections.clear()
    first.rows.clear()
    again = built("106", TERM, "vi")
    assert every_paragraph(again) == every_paragraph(fresh) and repr(again.rows) == repr(fresh.rows)
    assert len(again.sections) >= 4


# The outline and the office's words ------------------------------------------------------


def test_every_office_section_is_a_placeholder_until_written(built: Built) -> None:
    content = built("106", TERM, "vi")
    said = every_paragraph(content)
    for key in SECTION_KEYS:
        placeholder = f"[Phần này do văn phòng viết: {t(heading_key(key), 'vi')}]"
        assert said.count(placeholder) == 1, key
    english = every_paragraph(built("106", TERM, "en"))
    assert "[For the office to write: Lessons learned]" in english


def test_the_offices_words_replace_the_placeholder_in_their_section(data: Dataset, built: Built) -> None:
    narrative = Narrative(
        sections={"lessons": "Một là, công tác thi đua phải được lãnh đạo.\n\nHai là, khen thưởng kịp thời."},
        number="125/BC-UBND",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Từ Hữu Hà",
        recipients=("Ban TĐKT tỉnh", "TT Huyện ủy", "Lưu: VT, NV"),
    )
    content = report.build(data, "106", TERM, "vi", narrative)
    assert part_text(content, "assessment", "Bài học") == [
        "Một là, công tác thi đua phải được lãnh đạo.",
        "Hai là, khen thưởng kịp thời.",
    ]
    assert not any("Bài học kinh nghiệm]" in p for p in every_paragraph(content))
    assert content.number == "Số: 125/BC-UBND"
    assert (content.signer_title, content.signer_name) == ("PHÓ CHỦ TỊCH", "Từ Hữu Hà")
    assert content.recipients == ["- Ban TĐKT tỉnh;", "- TT Huyện ủy;", "- Lưu: VT, NV."]
    assert "125/BC-UBND" in content.appendix_note
    # Nothing given: the blanks the office fills by hand.
    blank = built("106", TERM, "vi")
    assert blank.number == t("report.number", "vi")
    # The name line is a visible gap for the office, as the sections' placeholders are.
    assert blank.signer_name == "[Họ và tên người ký]"
    assert built("106", TERM, "en").signer_name == "[Signer's full name]"
    assert blank.recipients == ["- …………;", "- Lưu: VT."]


def test_a_year_report_has_the_source_reports_two_parts_and_the_closing(built: Built) -> None:
    content = built("106", YEAR, "vi")
    assert [s.key for s in content.sections] == [
        "part_one",
        "leadership",
        "campaigns",
        "results",
        "awards",
        "goals",
        "assessment",
        "part_two",
        "directions",
        "tasks",
        "solutions",
    ]
    numbers = [s.heading.split(". ")[0] for s in content.sections if not s.division]
    assert numbers == ["I", "II", "III", "IV", "V", "VI", "I", "II", "III"]
    divisions = [s.heading for s in content.sections if s.division]
    assert divisions[0].startswith("PHẦN THỨ NHẤT") and divisions[0].endswith("NĂM 2020")
    # Part two looks ahead to the next year, never back to the term that ends in this one.
    assert divisions[1] == "PHẦN THỨ HAI. PHƯƠNG HƯỚNG, NHIỆM VỤ, MỤC TIÊU NĂM 2021"
    # Every part the office writes is a visible gap, once, until it is written.
    said = every_paragraph(content)
    for key in ("leadership", "campaigns", "strengths", "shortcomings", "causes", "directions", "tasks"):
        assert said.count(f"[Phần này do văn phòng viết: {t(heading_key(key), 'vi')}]") == 1, key
    # The chart sits with the results it draws, not with the campaigns.
    assert [s.key for s in content.sections if s.chart] == ["results"]
    campaigns = content.section("campaigns")
    assert campaigns is not None and not campaigns.chart and not campaigns.parts
    last = content.sections[-1].paragraphs[-1]
    assert last.startswith("Trên đây là báo cáo kết quả thực hiện") and last.endswith("huyện Tam Đường./.")
    english = built("106", TERM, "en")
    assert (
        english.sections[-1].paragraphs[-1].startswith("This concludes the report of the People's Committee")
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_years_sections_the_figures_cannot_write_are_the_offices_gaps(built: Built, lang: Lang) -> None:
    # 2019 holds no award count; 2026 holds no figure and no goal: the office writes those parts.
    gap = t("report.placeholder", lang)
    awards = built("106", report.parse_period(None, 2019), lang).section("awards")
    assert awards is not None
    assert awards.paragraphs == [gap.format(what=t("report.section.awards", lang))] and not awards.parts
    empty = built("106", report.parse_period(None, 2026), lang)
    for key in ("results", "awards", "goals"):
        section = empty.section(key)
        assert section is not None, key
        assert section.paragraphs == [gap.format(what=t(f"report.section.{key}", lang))], key
    # No sentence about what the store lacks stands where the office has a part to write.
    said = " ".join(every_paragraph(empty))
    assert "Chưa có số liệu" not in said and "recorded yet" not in said
    # Where the figures are there, they are what the section says.
    with_awards = built("106", YEAR, lang).section("awards")
    assert with_awards is not None and len(with_awards.parts) == 2


def test_a_years_goals_are_measured_from_the_terms_first_year(built: Built) -> None:
    # The tourism programme's goals carry no term of their own: 2015, the term's first year, is
    # their baseline, as for every other goal of the term; what is missing is said with that year.
    goals = built("106", report.parse_period(None, 2019), "vi").section("goals")
    assert goals is not None
    # What is missing is said once, naming the goals it holds back, the tourists among them.
    missing = next(p for p in goals.paragraphs if p.startswith("Chưa có số liệu năm gốc 2015 "))
    assert "số lượt khách du lịch" in missing.split(":", 1)[1]
    assert not any(p.startswith("Số lượt khách du lịch:") and "năm gốc" in p for p in goals.paragraphs)
    assert not any("2019" in p for p in goals.paragraphs)


@pytest.mark.parametrize(("lang", "pct"), [("vi", "220,4%"), ("en", "220.4%")])
def test_a_goals_result_gives_the_same_percent_as_the_results(built: Built, lang: Lang, pct: str) -> None:
    # New tea: 661,3 ha against 300 ha, printed "đạt 220,4%": one figure, written one way, everywhere.
    content = built("106", YEAR, lang)
    name = "Diện tích chè trồng mới" if lang == "vi" else "Newly planted tea area"
    results = content.section("results")
    goals = content.section("goals")
    assert results is not None and goals is not None
    fields = " ".join(p for part in results.parts for p in part.paragraphs)
    goal = next(p for p in goals.paragraphs if p.startswith(name + ":"))
    assert f"{pct} " in fields
    assert f"({pct})." in goal and "220,43" not in goal and "220.43" not in goal
    assert "\u202f%" not in "\n".join(goals.paragraphs)


def test_a_name_that_holds_the_verb_takes_its_figure_after_a_colon(built: Built) -> None:
    # "Số xã đạt chuẩn … ước đạt 8 xã" says "đạt" twice.
    def fields(year: int) -> list[str]:
        results = built("106", report.parse_period(None, year), "vi").section("results")
        assert results is not None
        return [s for part in results.parts for p in part.paragraphs for s in re.split(r"(?<=\.) ", p)]

    said = fields(2020)
    assert "Số xã đạt chuẩn nông thôn mới: ước 8 xã, đạt 100% Nghị quyết, đạt chỉ tiêu." in said
    assert "Tỷ lệ giáo viên đạt chuẩn: ước 100%." in said
    # A year's plan count is the lead's "17/17 chỉ tiêu đạt và vượt": never said again as "17 chỉ tiêu".
    assert not [s for s in fields(2019) if "17 chỉ tiêu" in s]
    # Other names keep their verb: "Tổng giá trị sản xuất ước đạt …".
    assert any(s.startswith("Tổng giá trị sản xuất ước đạt 2.503,3 tỷ đồng") for s in said)


@pytest.mark.parametrize(
    ("lang", "words"), [("vi", "(tổng giai đoạn 2016–2020)"), ("en", "(in total over 2016–2020)")]
)
def test_a_years_chart_says_which_bars_are_sums_over_the_term(
    data: Dataset, built: Built, lang: Lang, words: str
) -> None:
    content = built("106", YEAR, lang)
    (_, made), *_ = content.figures["attainment"]()
    labels = [str(x).replace("<br>", " ") for x in made.data[1].text]  # type: ignore[attr-defined]
    # New tea is the term's sum: its bar says so; the year's own levels do not.
    tea = "Diện tích chè trồng mới" if lang == "vi" else "Newly planted tea area"
    assert f"{tea} {words}" in labels, labels
    assert [x for x in labels if "2016" in x] == [x for x in labels if words in x]
    assert sum(words in x for x in labels) < len(labels)


# Register ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_double_hedge_and_no_formula_words(built: Built, lang: Lang) -> None:
    for period in (TERM, YEAR):
        said = "\n".join(every_paragraph(built("106", period, lang)))
        for words in (
            "ước đạt khoảng",
            "phần còn lại",
            "(có/không)",
            "an estimated about",
            "remainder",
            "yes/no",
        ):
            assert words not in said, (words, period)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_one_hedge_before_a_figure_and_points_on_one_line(built: Built, lang: Lang) -> None:
    stacked = re.compile(r"\b(at least|at most|over|under|about|trên|dưới|khoảng|không vượt quá) ≈")
    for period in (TERM, YEAR, report.parse_period(None, 2019)):
        content = built("106", period, lang)
        said = "\n".join(every_paragraph(content))
        assert not stacked.search(said), stacked.search(said)
        # "điểm" and "%" never part at a line's end: a non-breaking space holds them together.
        cells = [r.unit for r in content.rows]
        assert not any("điểm %" in x or "điểm ‰" in x for x in [said, *cells]), period
    year = "\n".join(every_paragraph(built("106", YEAR, "vi")))
    assert "giảm 4,5 điểm\u00a0%" in year


def test_shares_of_a_whole_read_with_chiếm(built: Built) -> None:
    content = built("106", TERM, "vi")
    economy = " ".join(content.section("results").parts[0].paragraphs)  # type: ignore[union-attr]
    assert "thủy sản ước chiếm 37,1%; công nghiệp, xây dựng ước chiếm 24,5%" in economy
    assert "thủy sản ước đạt 37,1%" not in economy


# Awards ---------------------------------------------------------------------------------------


def test_awards_by_rank_forms_apart_from_titles_and_qualifiers_kept(built: Built) -> None:
    content = built("106", TERM, "vi")
    awards = content.section("awards")
    assert awards is not None
    assert [p.heading for p in awards.parts] == ["1. Hình thức khen thưởng", "2. Danh hiệu thi đua"]
    assert awards.parts[0].paragraphs == [
        # The total's one "ước" covers the lines its "cụ thể như sau" introduces.
        "- Huân chương Lao động hạng Ba: 1 tập thể, 2 cá nhân;",
        "- Bằng khen của Thủ tướng Chính phủ: 2 tập thể, 9 cá nhân;",
        "- Bằng khen Chủ tịch UBND tỉnh: 66 tập thể, 591 cá nhân.",
    ]
    titles = [line.split(":")[0] for line in awards.parts[1].paragraphs]
    assert titles == [
        "- Cờ thi đua của Chính phủ",
        "- Danh hiệu Chiến sĩ thi đua tỉnh Lai Châu",
        "- Cờ thi đua của UBND tỉnh",
        "- Danh hiệu Tập thể lao động xuất sắc",
        "- Danh hiệu Tập thể lao động tiên tiến",
        "- Danh hiệu Chiến sĩ thi đua cấp cơ sở",
        "- Danh hiệu Lao động tiên tiến",
    ]
    assert awards.paragraphs == [
        "Cá nhân có thành tích trong kháng chiến được trình tỉnh đề nghị khen thưởng: ước 4 cá nhân.",
        "Trong giai đoạn 2015 – 2020, huyện Tam Đường ước có 835 lượt tập thể và 7.624 lượt cá nhân "
        "được khen thưởng, cụ thể như sau:",
    ]
    # The source's "trên 150 tập thể và trên 450 cá nhân" stays with its qualifier, among the examples.
    models = content.section("models")
    assert models is not None
    assert "- Tập thể tiêu biểu được biểu dương khen thưởng: ước trên 150 tập thể." in models.paragraphs
    assert "- Cá nhân tiêu biểu được biểu dương khen thưởng: ước trên 450 cá nhân." in models.paragraphs


# The tally by kind of target --------------------------------------------------------------------


def test_the_tally_counts_each_kind_of_target_apart(built: Built) -> None:
    content = built("106", TERM, "vi")
    lead = content.section("results").paragraphs  # type: ignore[union-attr]
    assert lead == [
        "Kết quả so với mục tiêu, tính riêng theo từng loại chỉ tiêu: theo Nghị quyết: 12 chỉ tiêu "
        "(5 vượt, 7 đạt); theo Đề án: 2 chỉ tiêu (2 vượt); chỉ tiêu giao: 1 chỉ tiêu (1 đạt); "
        "theo kế hoạch năm 2019: 17/17 chỉ tiêu đạt và vượt, trong đó 2 chỉ tiêu có kết quả cụ thể (2 vượt)."
    ]
    # Income per head has a resolution target and a 2019 plan: counted once in each, never summed.
    assert not any("17 chỉ tiêu" in p and "9 chỉ tiêu vượt" in p for p in every_paragraph(content))


# What is said about the area --------------------------------------------------------------------


@pytest.mark.slow
def test_the_province_is_not_said_to_have_no_goals_and_the_city_is_no_huyện(data: Dataset) -> None:
    codes = report_compare.codes_with_child_figures(data, "12", 2020)
    content = report_compare.report(data, "12", TERM, codes, "vi")
    said = "\n".join(every_paragraph(content))
    assert "Chưa có mục tiêu nào" not in said
    assert "Chưa có số liệu mục tiêu giai đoạn 2020 – 2025 của tỉnh Lai Châu." in said
    assert "8 huyện" not in said and "1/8 huyện" not in said
    assert "8 đơn vị hành chính cấp huyện (7 huyện, 1 thành phố)" in said
    # The awards section does not deny what the comparison shows.
    awards = content.section("awards")
    assert awards is not None
    assert awards.paragraphs[0].startswith("Chưa có số liệu khen thưởng tổng hợp của toàn tỉnh Lai Châu;")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_software_words_in_any_document(data: Dataset, built: Built, lang: Lang) -> None:
    codes = report_compare.codes_with_child_figures(data, "12", 2020)
    contents = [
        built("106", TERM, lang),
        built("106", YEAR, lang),
        built("03424", TERM, lang),
        report_compare.report(data, "12", TERM, codes, lang),
    ]
    for content in contents:
        said = [*every_paragraph(content), *content.legend, *content.area_legend, content.area_none]
        said += [r.status for r in content.area_rows]
        found = [p for p in said if SOFTWARE.search(p)]
        assert found == [], found[:3]
        # The data version is kept for the file's properties, not the signed text.
        assert str(data.version) in content.version_note


@pytest.mark.parametrize(("lang", "term"), [("vi", "giai đoạn 2015 – 2020"), ("en", "the 2015 – 2020 term")])
def test_a_years_report_gives_the_terms_award_totals_as_the_terms(
    built: Built, lang: Lang, term: str
) -> None:
    # The award counts are sums over 2016–2020: a 2020 report never calls them the year's.
    awards = built("106", YEAR, lang).section("awards")
    assert awards is not None
    assert awards.heading.endswith(term.upper()) and awards.paragraphs[-1].startswith(
        ("Trong " if lang == "vi" else "Over ") + term
    )
    assert "2020," not in awards.paragraphs[-1].split("835")[0].replace(term, "")


@pytest.mark.parametrize(
    ("lang", "income", "plan", "shortfall"),
    [
        (
            "vi",
            "Thu nhập bình quân đầu người ước đạt 30 triệu đồng/người/năm, đạt 100% Nghị quyết, "
            "đạt chỉ tiêu.",
            "Năm 2019, 17/17 chỉ tiêu đạt và vượt kế hoạch; trong đó thu ngân sách trên địa bàn đạt 105,4% "
            "kế hoạch (theo tỷ lệ % đã công bố), vượt chỉ tiêu; thu nhập bình quân đầu người đạt 104,3% "
            "kế hoạch (theo tỷ lệ % đã công bố), vượt chỉ tiêu.",
            "Không có chỉ tiêu nào không đạt; số chỉ tiêu đạt và vượt: theo Nghị quyết 12/12, "
            "theo Đề án 2/2, chỉ tiêu giao 1/1, theo kế hoạch năm 2019 17/17.",
        ),
        (
            "en",
            "Average income per person reached an estimated 30 million VND/person/year, 100% of the "
            "Resolution's target, meeting it.",
            "In 2019, 17 of the 17 targets of the year's plan were met or exceeded, among them state budget "
            "revenue collected in the district at 105.4% of the plan (as published), exceeding it; "
            "average income per person at 104.3% of the plan (as published), exceeding it.",
            "No target was missed; met or exceeded: resolution targets 12 of 12, programme targets 2 of 2, "
            "assigned targets 1 of 1, targets of the 2019 plan 17 of 17.",
        ),
    ],
)
def test_a_years_plan_has_its_own_sentence_and_every_count_is_the_tallys(
    built: Built, lang: Lang, income: str, plan: str, shortfall: str
) -> None:
    content = built("106", TERM, lang)
    economy = content.section("results").parts[0].paragraphs[0]  # type: ignore[union-attr]
    # The 2020 figure's sentence speaks of 2020 and the Resolution only; the 2019 plan has its own.
    assert income in economy and plan in economy
    assert economy.count("2019") == 1
    # The plan's count is said once, in the plan's sentence, not again as a figure of its own.
    assert "17 chỉ tiêu." not in economy and "Socio-economic targets met" not in economy
    assert part_text(content, "assessment", t("report.section.shortcomings", lang))[0] == shortfall
    # No count in the document disagrees with the tally: no 16, no 2 beside the plan's 17.
    said = "\n".join(every_paragraph(content))
    assert "16 chỉ tiêu" not in said and " 16 targets" not in said


def test_the_english_tally_reads_as_english(built: Built) -> None:
    lead = built("106", TERM, "en").section("results").paragraphs  # type: ignore[union-attr]
    assert lead == [
        "Against their targets, each kind of target counted on its own: resolution targets: 12 "
        "(5 exceeded, 7 met); programme targets: 2 (2 exceeded); assigned targets: 1 (1 met); "
        "targets of the 2019 plan: 17 of 17 met or exceeded, of which 2 with their results given "
        "(2 exceeded)."
    ]


def test_the_document_carries_the_offices_number_signer_and_recipients(data: Dataset) -> None:
    import io

    from docx import Document

    from indicators.report import render as report_render

    narrative = Narrative(
        number="125/BC-UBND",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Nguyễn Văn A",
        recipients=("Ban TĐKT tỉnh",),
    )
    content = report.build(data, "106", TERM, "vi", narrative)
    doc = Document(io.BytesIO(report_render.docx_bytes(content, browser=None)))
    # The header is two rows (the number on the date's line): the left column read top to bottom.
    issuer = [p.text for row in doc.tables[0].rows for p in row.cells[0].paragraphs if p.text.strip()]
    assert issuer[-1] == "Số: 125/BC-UBND"
    left, right = doc.tables[1].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["Nơi nhận:", "- Ban TĐKT tỉnh."]
    assert [p.text for p in right.paragraphs if p.text.strip()] == [
        "TM. ỦY BAN NHÂN DÂN",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
    ]


def test_highlights_are_the_targets_exceeded_furthest(built: Built) -> None:
    highlights = built("106", TERM, "vi").section("highlights")
    assert highlights is not None
    assert highlights.paragraphs == [
        "Các chỉ tiêu vượt cao nhất so với mục tiêu giai đoạn 2015 – 2020:",
        "- số lượt khách du lịch đạt 500% chỉ tiêu Đề án;",
        "- doanh thu từ dịch vụ du lịch đạt 254% chỉ tiêu Đề án;",
        "- diện tích chè trồng mới đạt 220,4% Nghị quyết;",
        "- tỷ lệ hộ nghèo bình quân mỗi năm giảm 4,5 điểm\u00a0%, bằng 150% mức giảm Nghị quyết đề ra;",
        "- sản lượng chè đạt 137,2% Nghị quyết.",
    ]


@pytest.mark.parametrize(
    ("lang", "date", "name"),
    [
        ("vi", r"Tam Đường, ngày\s{3,}tháng\s{3,}năm 20\s{3,}", "[Họ và tên người ký]"),
        ("en", r"Tam Đường, day\s{3,}month\s{3,}year 20\s{3,}", "[Signer's full name]"),
    ],
)
def test_the_blank_document_shows_every_gap_the_office_fills(
    built: Built, lang: Lang, date: str, name: str
) -> None:
    import io

    from docx import Document

    from indicators.report import render as report_render

    content = built("106", TERM, lang)
    doc = Document(io.BytesIO(report_render.docx_bytes(content, browser=None)))
    header = [p.text for row in doc.tables[0].rows for cell in row.cells for p in cell.paragraphs]
    # The day and the month each have their blank, in English as in Vietnamese.
    assert any(re.fullmatch(date, line) for line in header), header
    signature = [p.text for p in doc.tables[1].rows[0].cells[1].paragraphs if p.text.strip()]
    assert signature[-1] == name
    note = next(p.text for p in doc.paragraphs if p.text.startswith(("(Kèm theo", "(Attached")))
    # The appendix names the report it is attached to with the same blanks for its date.
    assert re.search(r"(ngày|day)\s{3,}(tháng|month)\s{3,}(năm|year) 20\s{3,}", note), note


def test_the_english_highlights_say_a_cut_as_the_cut_it_is(built: Built) -> None:
    highlights = built("106", TERM, "en").section("highlights")
    assert highlights is not None
    assert (
        "- poverty rate (share of poor households): an average fall of 4.5 percentage points a year, "
        "150% of the fall the Resolution set;" in highlights.paragraphs
    )
    assert "- tea output: 137.2% of the Resolution's target." in highlights.paragraphs


def test_english_says_the_verdict_of_the_target_it_has_just_named(built: Built) -> None:
    said = "\n".join(every_paragraph(built("106", TERM, "en")))
    assert (
        "Total production value reached an estimated 2,503.3 billion VND, up 1,050.2 billion VND since 2015, "
        "118.08% of the Resolution's target, exceeding it." in said
    )
    assert "Annual military recruitment: 100% of the assigned target (as published), meeting it." in said
    # Never a bare status word closing a sentence, as if it were a figure.
    assert ", exceeded." not in said and ", met." not in said


def test_a_lone_kind_of_award_takes_no_number(data: Dataset) -> None:
    # Titles only, no form of award: a list of one part numbered "1." would promise a "2." that never comes.
    forms = data.indicators.loc[
        data.indicators["name_vi"].str.startswith(("Huân chương", "Bằng khen")), "code"
    ]
    kept = data.observations[~data.observations["code"].isin(set(forms))]
    titles_only = dataclasses.replace(data, observations=kept)
    awards = report.build(titles_only, "106", TERM, "vi").section("awards")
    assert awards is not None
    assert [p.heading for p in awards.parts] == ["Danh hiệu thi đua"]
    assert awards.parts[0].paragraphs[0] == "- Cờ thi đua của Chính phủ: 1 lượt tập thể;"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_province_s_own_report_names_the_units_that_hold_figures(built: Built, lang: Lang) -> None:
    # The province holds no figure of its own for the term; of its 8 districts only Tam Đường does.
    content = built("12", TERM, lang)
    results, awards = content.section("results"), content.section("awards")
    assert results is not None and awards is not None
    expected = {
        "vi": (
            "Chưa có số liệu chung của toàn tỉnh Lai Châu cho các chỉ tiêu trong giai đoạn 2015 – 2020: số "
            "liệu mới có ở 1/8 đơn vị hành chính cấp huyện trực thuộc (huyện Tam Đường); số chung của toàn "
            "tỉnh Lai Châu được tổng hợp khi tất cả các đơn vị đã có số liệu.",
            "Chưa có số liệu khen thưởng chung của toàn tỉnh Lai Châu trong giai đoạn 2015 – 2020: số liệu "
            "khen thưởng mới có ở 1/8 đơn vị hành chính cấp huyện trực thuộc (huyện Tam Đường).",
        ),
        "en": (
            "No figures for Lai Châu province as a whole have been recorded for the 2015 – 2020 term: there "
            "are figures so far from 1 of the 8 district-level units under it (Tam Đường district); a figure "
            "for Lai Châu province as a whole is added up once every unit has reported.",
            "No commendation figures for Lai Châu province as a whole have been recorded for the 2015 – 2020 "
            "term: there are commendation figures so far from 1 of the 8 district-level units under it (Tam "
            "Đường district).",
        ),
    }[lang]
    assert results.paragraphs[0] == expected[0]
    assert awards.paragraphs == [expected[1]] and not awards.parts
    plain = t("report.no_figures", lang).format(area=content.area_name, period="")
    assert not any(p.startswith(plain.split("{")[0][:30]) for p in every_paragraph(content)[1:] if "1/8" in p)


def test_a_district_without_units_holding_figures_keeps_the_plain_sentence(built: Built) -> None:
    # Neither Tam Đường nor its communes hold a figure for 2005 – 2010: the plain sentence.
    content = built("106", report.parse_period("2005-2010", None), "vi")
    results = content.section("results")
    assert results is not None
    assert results.paragraphs == [
        "Chưa có số liệu các chỉ tiêu của huyện Tam Đường trong giai đoạn 2005 – 2010."
    ]


def test_the_empty_appendix_names_its_period_as_a_period(built: Built) -> None:
    docx = report_render.docx_bytes(built("12", TERM, "vi"), browser=None)
    said = [p.text for p in Document(io.BytesIO(docx)).paragraphs]
    assert "Chưa có số liệu mục tiêu, kế hoạch của các chỉ tiêu cho giai đoạn 2015 – 2020." in said


def test_the_goals_come_in_the_source_s_order_within_each_field(built: Built) -> None:
    # The source: "Thu nhập bình quân đầu người … Thu ngân sách …", "90% … hoàn thành tốt nhiệm vụ, trong
    # đó 20% hoàn thành xuất sắc", "70% xếp loại tốt, 30% xếp loại khá"; the codes' alphabet says otherwise.
    goals = built("106", TERM, "vi").section("goals")
    assert goals is not None
    said = next(
        p.paragraphs for p in goals.parts if p.paragraphs and "Thu ngân sách" in "".join(p.paragraphs)
    )
    names = [p.split(":")[0] for p in said if ": mục tiêu" in p or ": giai đoạn" in p]
    assert names[:2] == ["Thu nhập bình quân đầu người", "Thu ngân sách trên địa bàn"]
    assert names[-4:] == [
        "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
        "Tỷ lệ tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ",
        "Tỷ lệ chính quyền cơ sở xếp loại tốt",
        "Tỷ lệ chính quyền cơ sở xếp loại khá",
    ]
    assert names.index("Số lượt khách du lịch") + 1 == names.index("Doanh thu từ dịch vụ du lịch")
