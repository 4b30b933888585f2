"""AppTest of the dashboard pages: each runs in both languages and shows the report's numbers formatted."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from dashboard import markup, reading_tables, state, widgets
from indicators.core.model import Dataset
from indicators.excel import writer as xlsx_writer
from indicators.store.database import Store
from indicators.text import labels
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support import sessions

# Streamlit's caches live in the process: each test starts from its own store.
pytestmark = pytest.mark.usefixtures("fresh_caches")

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")

# Page file, or the url path of a page drawn by a function (the domain pages) → the i18n key of its title.
PAGES: dict[str, str] = {
    "pages/overview.py": "page.overview",
    "pages/goals.py": "page.goals",
    "pages/year.py": "page.year",
    "pages/commendations.py": "page.commendations",
    "pages/awards.py": "awards.page.title",
    "pages/detail.py": "page.detail",
    "pages/compare.py": "page.compare",
    "kinh-te": "page.economy",
    "giao-duc-y-te-van-hoa": "page.society",
    "giam-ngheo-viec-lam": "page.poverty_jobs",
    "quoc-phong-an-ninh": "page.defence_security",
    "he-thong-chinh-tri": "page.political_system",
    "nong-thon-moi": "page.new_rural",
    "cay-che": "page.tea",
    "du-lich": "page.tourism",
    "pages/report_text.py": "page.report_text",
}
# What must never reach a reader: an indicator code, a status code, or an i18n key showing itself.
RAW = re.compile(
    r"\b[A-Z]{2,}_[A-Z0-9_]+\b|\b(?:khong_dat|no_data|no_target|on_track|moving_away|tap_the|ca_nhan)\b"
    r"|\b(?:status|progress|col|page|chart|empty|card|kind|cmp|domain|reason|filter|obs|level|recipient"
    r"|qualifier|term|detail|goals|overview|commendations|download|lang|nav|area|unit|year)\.[a-z_]+\b"
)


# Words that give a screen away as the other language.
ENGLISH_WORDS = re.compile(
    r"\b(?:exceeded|met|not met|no data|Target|Actual|Overview|Source|Term|Area|goal)\b"
)
VIETNAMESE_WORDS = re.compile(
    r"(?:vượt|không đạt|chỉ tiêu|Chỉ tiêu|Nghị quyết|Năm|Giai đoạn|Địa bàn|Nguồn|Huyện)"
)


def report_words(at: AppTest) -> set[str]:
    """The report's own sentences and section headings: quoted as written, in Vietnamese."""
    data = state.dataset()
    found: set[str] = set()
    for frame in (data.observations, data.targets, data.reported):
        for text in [*frame["quote"], *frame["section"]]:
            found |= {str(text), markup.md(text), f"> {markup.md(text)}"}
    return found


def run(page: str, lang: str = "vi") -> AppTest:
    """The app opened on one page, through app.py's navigation, in one language."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    go_to(at, page)
    return at.run()


def texts(at: AppTest) -> list[str]:
    """Every piece of text a reader sees on the page, charts included."""
    out: list[str] = []
    for kind in ("title", "subheader", "markdown", "caption", "info", "warning", "error"):
        out += [str(e.value) for e in getattr(at, kind)]
    for metric in at.metric:
        out += [str(metric.label), str(metric.value)]
    for table in at.table:
        frame = table.value
        out += [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().ravel()]
    for box in at.selectbox:
        out += [str(box.label), *[str(o) for o in box.options]]
    for chart in at.get("plotly_chart"):
        out.append(chart_text(chart))
    return out


def chart_text(chart: Any) -> str:  # AppTest gives a plotly chart as an untyped element
    """The words a plotly chart shows: title, annotations, bar texts, hover texts, axis titles."""
    spec = json.loads(chart.proto.spec)
    layout = spec.get("layout", {})
    words = [str(layout.get("title", {}).get("text", ""))]
    words += [str(a.get("text", "")) for a in layout.get("annotations", [])]
    for axis in ("xaxis", "yaxis"):
        words.append(str(layout.get(axis, {}).get("title", {}).get("text", "")))
    for trace in spec.get("data", []):
        words.append(str(trace.get("name", "")))
        for key in ("text", "customdata"):
            value = trace.get(key)
            if isinstance(value, list):
                words += [str(v) for v in value]
    return "\n".join(words)


def charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def source_line(store: Store, lang: Lang) -> str:
    """The source line the pages put under every chart, for the store's newest version."""
    version = store.current_version()
    return labels.source_line(store.sources(version), version, lang)


def joined(at: AppTest) -> str:
    return "\n".join(texts(at))


def empty_version(store: Store) -> None:
    """A store whose newest version holds nothing: every row removed."""
    store.commit(Dataset.empty(), account="test", note="empty")


# Every page, both languages ----------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_runs_in_its_language(store: Store, page: str, lang: Lang) -> None:
    at = run(page, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert [x.value for x in at.title] == [t(PAGES[page], lang)]
    shown = texts(at)
    leaks = sorted({m.group(0) for text in shown for m in RAW.finditer(text)})
    assert not leaks, f"raw codes or keys on {page} ({lang}): {leaks}"
    other = ENGLISH_WORDS if lang == "vi" else VIETNAMESE_WORDS
    quoted = report_words(at)
    mixed = sorted({m.group(0) for text in shown if text not in quoted for m in other.finditer(text)})
    assert not mixed, f"words of the other language on {page} ({lang}): {mixed}"


@pytest.mark.parametrize("page", ["pages/upload.py", "pages/history.py"])
def test_data_pages_are_in_the_navigation(store: Store, page: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "en"
    sessions.sign_in(at, "lan", "analyst")  # they are for analysts
    go_to(at, page)
    at.run()
    assert not at.exception
    assert [x.value for x in at.title] == [
        t({"pages/upload.py": "page.upload"}.get(page, "page.history"), "en")
    ]


def test_language_switch_stays_while_moving_between_pages(store: Store) -> None:
    first = AppTest.from_file(APP, default_timeout=60).run()
    assert [x.value for x in first.title] == ["Tổng quan"]
    assert first.segmented_control(key="lang").value == "vi"
    # The switch sits above the page, before st.navigation runs it, and AppTest keeps it in its tree
    # for the first run only: the choice is made through its state here, and tests/test_browser.py
    # clicks the switch itself.
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    assert [x.value for x in at.title] == ["Overview"]
    go_to(at, "cay-che").run()
    assert [x.value for x in at.title] == ["Tea"]
    at.switch_page("pages/goals.py").run()
    assert [x.value for x in at.title] == ["2025 goals"]
    assert "2,503.3" not in joined(at)  # the goals page shows goals, not the overview


# The numbers, formatted --------------------------------------------------------------


def test_overview_shows_the_report_numbers_in_vietnamese(store: Store) -> None:
    at = run("pages/overview.py", "vi")
    values = {m.value for m in at.metric}
    # Every 2020 figure is an estimate: "ước" beside each.
    assert {"2.503,3", "1.758,5", "18,22", "8", "30", "≈ 300.000"} <= values
    # Every 2020 figure is an estimate: "ước" right under each number.
    marked = [m.value for m in at.markdown if m.value.startswith(":gray-badge[ước]")]
    assert len(marked) == len(values)
    text = joined(at)
    assert "118,08\u202f% · vượt" in text
    assert "500\u202f% · vượt" in text
    assert "150\u202f% · vượt" in text
    assert "+1.050,2 tỷ đồng" in text  # GTSX's change since 2015, stated by the report
    assert "khoảng 300.000 lượt khách" in text
    # The tea area has no target and no change since 2015: its card gives the figure's year and
    # leaves out the lines it has nothing for.
    # Under "ước", the estimate's own note (the shipped figures were estimated in 2020), not a fixed year.
    note = "Ước thực hiện: báo cáo viết trong năm 2020, trước khi năm kết thúc"
    tea = next(
        m.value for m in at.markdown if m.value.startswith(":gray-badge[ước]") and "Năm\xa02020" in m.value
    )
    assert widgets.md(note) in tea
    assert tea in [m.value for m in at.markdown]
    assert "chưa có chỉ tiêu" not in text and "So với năm 2015: —" not in text
    # Each kind of target counted on its own, a line each: never "9 vượt, 8 đạt" over 17 mixed rows.
    tally = [
        "**Nghị quyết**: 12 chỉ tiêu — :blue-badge[▲ vượt: **5**] :green-badge[✓ đạt: **7**]",
        "**Đề án**: 2 chỉ tiêu — :blue-badge[▲ vượt: **2**]",
        "**Chỉ tiêu giao**: 1 chỉ tiêu — :green-badge[✓ đạt: **1**]",
        "**Kế hoạch năm 2019**: 2 chỉ tiêu — :blue-badge[▲ vượt: **2**]",
    ]
    assert "  \n".join(tally) in [m.value for m in at.markdown]
    assert "1 dòng có mục tiêu nêu trong văn bản" in text and "13 dòng có mục tiêu suy ra" in text
    (chart,) = charts(at)
    assert chart["layout"]["separators"] == ",."
    # The title says the finding without one sum over four kinds of target; the source is under the chart.
    assert chart["layout"]["title"]["text"] == "Cả 4 loại chỉ tiêu đều đạt hoặc vượt"  # one line
    assert "17 chỉ tiêu" not in text
    assert markup.md(source_line(store, "vi")) in text
    bars = chart["data"][0]
    assert bars["text"][0] == "500\u202f% ▲ vượt"
    assert "118,08\u202f% ▲ vượt" in bars["text"]
    assert bars["x"] == sorted(bars["x"], reverse=True)
    assert any("2.503,3 tỷ đồng (ước)" in h and "≈\u202f2.120,0 tỷ đồng" in h for h in bars["customdata"])
    # The source beneath the chart names the version behind the data.
    source = "Nguồn: báo cáo tổng kết thi đua – khen thưởng 2015–2020 của UBND huyện Tam Đường (phiên bản 1)"
    # md() puts an invisible word joiner after ":" so Markdown makes no link or emoji of data text.
    assert source in text.replace("\u2060", "")


def test_overview_shows_the_report_numbers_in_english(store: Store) -> None:
    at = run("pages/overview.py", "en")
    values = {m.value for m in at.metric}
    assert {"2,503.3", "1,758.5", "18.22", "≈ 300,000"} <= values
    assert any(m.value.startswith(":gray-badge[est.]") for m in at.markdown)
    text = joined(at)
    assert "118.08\u202f% · exceeded" in text
    assert "+1,050.2 billion VND" in text
    (chart,) = charts(at)
    assert chart["layout"]["separators"] == ".,"
    assert "118.08\u202f% ▲ exceeded" in chart["data"][0]["text"]
    assert chart["layout"]["title"]["text"] == "All 4 kinds of target met or exceeded"
    assert "**Resolution**: 12 — :blue-badge[▲ exceeded: **5**] :green-badge[✓ met: **7**]" in text
    assert "**2019 plan**: 2 — :blue-badge[▲ exceeded: **2**]" in text
    # One row is "1 row", and no Vietnamese note stands under an English card's estimate mark.
    assert "1 row with a stated target" in text and "13 rows with a target implied" in text
    assert "Ước thực hiện" not in text
    assert any(m.value.startswith(":gray-badge[est.] :small[:gray[an estimate") for m in at.markdown)


def test_overview_term_filter_shows_the_2025_term_without_inventing_results(store: Store) -> None:
    at = run("pages/overview.py", "vi")
    at.segmented_control(key="overview_term").set_value("2020-2025").run()
    assert not at.exception
    text = joined(at)
    assert t("empty.attainment", "vi") in text
    assert "18 chỉ tiêu chưa có số liệu thực hiện để đánh giá (xem bảng)." in text
    # The term's goals are one kind of target: 17 without a figure, 1 not judged.
    tally = "**Mục tiêu giai đoạn**: 18 chỉ tiêu — :gray-badge[○ chưa có số liệu: **17**]"
    tally += " :gray-badge[◇ không đánh giá: **1**]"  # the fair-rated share, the rest of a whole
    assert tally in text


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("cay-che", ["1.758,5", "661,3", "220,43", "220,4", "9.656", "137,2", "111,5"]),
        ("kinh-te", ["2.503,3", "2.120,0", "118,08", "105,4", "104,3"]),
        ("giao-duc-y-te-van-hoa", ["16.742", "95,9", "17,3", "80,2"]),
        ("giam-ngheo-viec-lam", ["18,22", "5.150", "4.050", "150"]),
        ("du-lich", ["300.000", "114,4", "254", "500", "381"]),
        ("nong-thon-moi", ["558.716", "94.910", "42.356", "8"]),
        ("he-thong-chinh-tri", ["207", "4.220", "49,4", "22,2"]),
        ("quoc-phong-an-ninh", ["100"]),
    ],
)
def test_domain_pages_show_their_figures(store: Store, page: str, expected: list[str]) -> None:
    at = run(page, "vi")
    text = joined(at)
    for number in expected:
        assert re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|,\d)", text), number


def test_domain_page_without_targets_says_so(store: Store) -> None:
    at = run("he-thong-chinh-tri", "vi")
    # Its only targets are the 2025 ones, with no result yet.
    assert [i.value for i in at.info] == [t("empty.attainment", "vi")]
    assert "4 chỉ tiêu chưa có số liệu thực hiện để đánh giá (xem bảng)." in [c.value for c in at.caption]
    assert not at.get("plotly_chart")
    # Without any target at all, the page says so plainly, and still shows the figures.
    data = store.load()
    political = set(data.indicators.loc[data.indicators["domain"] == "political_system", "code"])
    store.commit(
        replace(
            data,
            targets=data.targets[~data.targets["code"].isin(political)],
            reported=data.reported[~data.reported["code"].isin(political)],
        ),
        account="test",
    )
    at = run("he-thong-chinh-tri", "vi")
    assert [i.value for i in at.info] == [t("empty.domain_targets", "vi")]
    assert "49,4" in joined(at)


def test_goals_page_paths_growth_and_plain_reasons(store: Store) -> None:
    at = run("pages/goals.py", "vi")
    # The verdict table comes before any path, and one path is drawn: the goal the reader picks.
    headings = [s.value for s in at.subheader]
    assert headings.index(t("goals.table", "vi")) < headings.index(t("goals.paths", "vi"))
    assert len(charts(at)) == 1
    (picker,) = [s for s in at.selectbox if str(s.key).startswith("goals_chart_")]
    named = [picker.format_func(c) for c in picker.options]
    # The district's goals with a dated 2020 baseline: the tourism figures have no year in the source.
    assert len(named) == 3
    assert not [n for n in named if n.startswith("Số lượt khách du lịch")]
    # Each goal is offered with its verdict: no figure after 2020 yet, so none is judged.
    income = "Thu nhập bình quân đầu người (triệu đồng/người/năm) · ○ chưa đủ số liệu"
    assert income in named
    picker.set_value(picker.options[named.index(income)]).run()
    (drawn,) = charts(at)
    assert drawn["layout"]["title"]["text"] == "Thu nhập bình quân đầu người"
    path = next(tr for tr in drawn["data"] if tr["name"] == "Lộ trình cần đạt")
    assert path["line"]["dash"] == "dash"
    assert path["x"][0] == 2020 and path["y"][0] == pytest.approx(30)
    assert path["x"][-1] == 2025 and path["y"][-1] == pytest.approx(45)
    goal = next(tr for tr in drawn["data"] if tr["name"] == "Mục tiêu 2025")
    assert goal["text"] == ["trên 45"]  # "đạt trên 45 triệu đồng/người/năm", as the source says
    assert drawn["layout"]["xaxis"]["tickformat"] == "d"
    table = at.table[0].value
    row = table[table.iloc[:, 0] == "Số lượt khách du lịch"].iloc[0]
    # No pace from a figure the source gives without its year; the figure is shown with its term.
    assert row[t("col.required_pace", "vi")] == "—"
    assert row[t("col.base", "vi")] == "khoảng 300.000 (giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm)"
    poverty = table[table.iloc[:, 0] == "Tỷ lệ hộ nghèo (%)"].iloc[0]
    assert poverty[t("col.goal", "vi")] == "giảm mỗi năm 2 điểm % (→ 8,22\u202f%) (2025)"
    assert poverty[t("col.required_pace", "vi")] == "−2 điểm %/năm"
    text = joined(at)
    assert "Thu ngân sách trên địa bàn" in text and "chưa có số liệu năm gốc 2020" in text


def test_commendations_by_level_every_count_written(store: Store) -> None:
    at = run("pages/commendations.py", "vi")
    # A table where every count reads, not a chart whose axis runs to 6.099 and hides the ones.
    assert charts(at) == []
    finding = "Cấp cơ sở chiếm nhiều lượt khen thưởng nhất: 89,9\u202f% (7.602/8.459 lượt)"
    assert at.subheader[0].value == finding
    by_level = at.table[0].value
    assert by_level.iloc[0].tolist()[:4] == ["Nhà nước", "1", "2", "3"]
    assert by_level.iloc[-1].tolist()[:4] == ["Cơ sở", "618", "6.984", "7.602"]  # 885 + 6.099
    state = at.table[1].value
    assert state.iloc[:, 0].tolist() == ["Huân chương Lao động hạng Ba"] * 2
    assert state.iloc[:, -1].tolist() == [1, 2]
    text = joined(at)
    assert "Cấp Nhà nước: 3 lượt" in text and "Cấp Cơ sở: 7.602 lượt" in text
    assert markup.md(source_line(store, "vi")) in text
    at.segmented_control(key="commendations_recipient").set_value("tap_the").run()
    table = at.table[-1].value
    assert set(table[t("col.recipient", "vi")]) == {"Tập thể"}
    assert "6.099" not in joined(at)


def test_detail_page_series_targets_attainment_and_quotes(store: Store) -> None:
    at = run("pages/detail.py", "vi")
    assert at.selectbox(key="indicator").value == "GTSX"
    text = joined(at)
    assert "118,08\u202f%" in text
    # The implied target's % is the printed one by construction: said so, never "matches".
    assert "Tỷ lệ tính toán khớp với tỷ lệ báo cáo nêu (118,08\u202f%)." not in text
    # The implied target reads as the goals page and the báo cáo write it: the ≈ and its basis in words.
    assert "Mục tiêu: ≈\u202f2.120,0 tỷ đồng (suy ra từ tỷ lệ % đã công bố). Báo cáo không in số này" in text
    # What the indicator means, and the source under the chart.
    assert "**Định nghĩa:** Tổng giá trị sản xuất của các ngành kinh tế" in text
    assert "dữ liệu phiên bản 1." in text
    assert "Tổng giá trị sản xuất đạt 2.503,3 tỷ đồng, đạt 118,08% Nghị quyết" in text
    # A cut a year worked back from "đạt 150%": said as a cut, in points, as the goals page says it.
    at.selectbox(key="indicator").set_value("POV_RATE").run()
    assert "Mục tiêu: giảm mỗi năm ≈\u202f3,0 điểm % (suy ra từ tỷ lệ % đã công bố)." in joined(at)
    at.selectbox(key="indicator").set_value("TEA_NEW").run()
    text = joined(at)
    assert "220,43" in text and "220,4" in text
    assert "Trồng chè mới 661,3/300 ha" in text


def test_detail_page_in_english_writes_its_figures_in_english(store: Store) -> None:
    at = run("pages/detail.py", "en")
    text = joined(at)
    assert "Target: ≈\u202f2,120.0 billion VND (worked back from the published %)." in text
    # The tables read the figures in words: the estimate mark and the unit in English.
    assert "2,503.3 billion VND (est.)" in text
    assert "≈\u202f2,120.0 billion VND (worked back from the published %)" in text
    assert "Ước thực hiện:" not in text and "suy ra" not in text


def test_detail_page_shows_a_difference_from_the_report(store: Store) -> None:
    # A stated resolution target of 5.000 for jobs: 5.150 is 103 %, the report printed 100 %.
    data = store.load()
    targets = data.targets.copy()
    jobs = (targets["code"] == "JOBS") & (targets["year"] == 2020)
    targets.loc[jobs, "value"] = 5000.0
    targets.loc[jobs, "derived"] = False
    store.commit(replace(data, targets=targets), account="test")
    at = run("pages/detail.py", "vi")
    at.selectbox(key="indicator").set_value("JOBS").run()
    warnings = [w.value for w in at.warning]
    assert warnings == ["Tỷ lệ tính toán (103\u202f%) khác tỷ lệ báo cáo nêu (100\u202f%): chênh +3 điểm %."]


# Data the store accepts, however thin -------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", list(PAGES))
def test_an_empty_store_gets_a_sentence_on_every_page(store: Store, page: str, lang: Lang) -> None:
    empty_version(store)
    at = run(page, lang)
    assert not at.exception
    assert [i.value for i in at.info] == [t("empty.store", lang)]


def test_a_store_created_without_seed_is_empty_not_broken(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = Store(store_url, seed=None).ensure()
    monkeypatch.setattr(state, "store", lambda: bare)
    for page in PAGES:
        at = run(page, "vi")
        assert not at.exception, page
        assert t("empty.store", "vi") in [i.value for i in at.info], page


def one_indicator(data: Dataset) -> Dataset:
    """Only the total production value: its indicator row, figures, targets and printed %."""
    keep = {
        name: frame[frame["code"] == "GTSX"]
        for name, frame in (
            ("indicators", data.indicators),
            ("observations", data.observations),
            ("targets", data.targets),
            ("reported", data.reported),
        )
    }
    return replace(data, **keep)


@pytest.mark.parametrize("page", list(PAGES))
def test_one_indicator_only(store: Store, page: str) -> None:
    store.commit(one_indicator(store.load()), account="test")
    at = run(page, "vi")
    assert not at.exception
    assert not at.error


def test_one_indicator_only_shows_plain_sentences(store: Store) -> None:
    store.commit(one_indicator(store.load()), account="test")
    at = run("pages/overview.py", "vi")
    assert next(m.value for m in at.metric) == "2.503,3"
    # Its one target (2020) is then the latest goal; its year's figure (an estimate) is in, so it
    # reads as the term's result, 118,08 %, marked as resting on an estimate.
    assert at.subheader[0].value.replace("\u2060", "") == "Mục tiêu giai đoạn 2015–2020"
    assert at.markdown[0].value == "**1 mục tiêu** — :blue-badge[▲ vượt mục tiêu:\u2060 1]"
    assert at.markdown[1].value == t("standing.none_behind", "vi")
    # The implied target as every surface shows it: as precise as 118,08 % (five figures), marked ≈.
    line = "- :blue-badge[▲ vượt mục tiêu (118,08\u202f%; theo số ước thực hiện)] **Tổng giá trị sản xuất**:"
    line += " 2.503,3 tỷ đồng (2020, ước); mục tiêu ≈\u202f2.120,0 tỷ đồng (suy ra từ tỷ lệ % đã công bố)"
    assert line in [m.value for m in at.markdown]
    assert [i.value for i in run("pages/commendations.py", "vi").info] == [t("empty.commendations", "vi")]
    assert [i.value for i in run("cay-che", "vi").info] == [t("empty.domain", "vi")]


def test_a_new_version_shows_on_the_next_run_without_a_restart(store: Store) -> None:
    at = run("pages/overview.py", "vi")
    assert "2.503,3" in {m.value for m in at.metric}
    data = store.load()
    obs = data.observations.copy()
    obs.loc[(obs["code"] == "GTSX") & (obs["kind"] == "estimate"), "value"] = 2600.0
    store.commit(replace(data, observations=obs), account="test")
    at.run()
    values = {m.value for m in at.metric}
    assert "2.600" in values and "2.503,3" not in values
    assert "122,64\u202f% · vượt" in joined(at)  # 2.600 ÷ 2.120


# Shared pieces -----------------------------------------------------------------------


def test_excel_download_keeps_numbers_and_never_runs_text() -> None:
    frame = pd.DataFrame({"Chỉ tiêu": ["=1+1", "Tổng giá trị sản xuất"], "Thực hiện": [2503.3, None]})
    # The download button's writer: the one Excel writer of tables for people.
    book = openpyxl.load_workbook(BytesIO(xlsx_writer.frames_bytes({"Kinh tế: 2015/2020": frame})))
    sheet = book.active
    assert sheet.title == "Kinh tế  2015 2020"
    assert sheet["A2"].value == "=1+1" and sheet["A2"].data_type == "s" and sheet["A2"].quotePrefix
    assert sheet["B2"].value == 2503.3
    assert sheet["B3"].value is None


def test_readable_formats_numbers_and_escapes_markdown() -> None:
    frame = pd.DataFrame({"Tên": ["*đậm* [link](x)", None], "Giá trị": [16742.0, float("nan")]})
    out = reading_tables.readable(frame, "vi")
    assert out["Giá trị"].tolist() == ["16.742", "—"]
    assert out["Tên"].tolist() == [r"\*đậm\* \[link\](x)", "—"]
    assert reading_tables.readable(frame, "en")["Giá trị"].tolist() == ["16,742", "—"]


@pytest.mark.parametrize(
    ("value", "lang"),
    [
        ("en", "en"),
        ("vi", "vi"),
        ("English", "en"),
        (" EN ", "en"),
        ("Tiếng Việt", "vi"),
        ("fr", None),
        (None, None),
    ],
)
def test_a_link_names_its_language_by_code_or_by_the_old_label(value: str | None, lang: str | None) -> None:
    assert widgets.link_language(value) == lang


def test_figures_are_right_aligned_and_the_row_names_are_not() -> None:
    frame = pd.DataFrame(
        {
            "Năm": [2020, 2021],  # the first column names the rows, even when it holds numbers
            "Chỉ tiêu": ["Tổng giá trị sản xuất", "Tỷ lệ hộ nghèo"],
            "Thực hiện": [2503.3, None],
            "Chỉ tiêu đề ra": ["2.120 (Nghị quyết)", "giảm mỗi năm 2 %"],
            "Cần đạt mỗi năm": ["+8,45 %/năm", "−2 %/năm"],
            "Số liệu mới nhất": ["—", "—"],
            "Đạt": [True, False],
        }
    )
    assert reading_tables.figure_columns(frame) == ["Thực hiện", "Cần đạt mỗi năm", "Số liệu mới nhất"]


def test_a_markdown_table_keeps_each_cell_in_its_column_and_figures_to_the_right() -> None:
    frame = pd.DataFrame(
        {
            "Địa bàn": ["Xã A | B", "Tỉnh *X*"],
            "Giá trị": [1200.5, None],
            "Chênh lệch": ["+200,5 ha", "—"],
            "Dòng": ["", "chưa đủ:\ntổng hợp"],
        }
    )
    assert reading_tables.markdown_table(frame, "vi").split("\n") == [
        "| Địa bàn | Giá trị | Chênh lệch | Dòng |",
        "| --- | ---: | ---: | --- |",
        "| Xã A \\| B | 1.200,5 | +200,5 ha |  |",  # an escaped "|" stays inside its cell
        "| Tỉnh \\*X\\* | — | — | chưa đủ:\u2060 tổng hợp |",  # no emphasis, no line break
    ]


def test_a_wide_table_reads_as_a_list_on_a_phone_without_its_empty_cells() -> None:
    frame = pd.DataFrame(
        {
            "Chỉ tiêu": ["Tỷ lệ sinh (‰)", "Thu nhập *bình quân*"],
            "Năm gốc": [None, 30.0],
            "Ghi chú": ["", "ước"],
        }
    )
    assert reading_tables._phone_rows(frame, "vi") == (
        "- **Tỷ lệ sinh (‰)**\n- **Thu nhập \\*bình quân\\***  \n  Năm gốc: 30 · Ghi chú: ước"
    )
