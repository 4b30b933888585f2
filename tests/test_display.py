"""What people see: implied targets always marked, estimates said, the source line, the metadata."""

from __future__ import annotations

import io
from dataclasses import replace

import openpyxl
import pandas as pd

from indicators.core import attainment, selection
from indicators.core.model import Dataset
from indicators.excel import writer as xlsx_writer
from indicators.store.database import Store
from indicators.text import indicator_tables, labels, tables
from indicators.text.fmt import Lang


def test_an_implied_target_never_appears_without_its_mark(seed_data: Dataset) -> None:
    rows = selection.with_periods(attainment.compute(seed_data))
    codes = sorted(set(rows["code"]))
    cases: list[tuple[Lang, str]] = [
        ("vi", "suy ra từ tỷ lệ % đã công bố"),
        ("en", "worked back from the published %"),
    ]
    for lang, word in cases:
        found = tables.results(seed_data, rows, codes, lang, "106", None)
        implied = found["target_basis"] == "implied"
        assert implied.sum() == 13
        summary = tables.results_summary(found, lang)
        assert summary.loc[implied.to_numpy(), "target"].str.contains("≈").all()
        assert summary.loc[implied.to_numpy(), "target"].str.contains(word, regex=False).all()
        assert not summary.loc[~implied.to_numpy(), "target"].str.contains("≈").any()
        full = tables.results_table(found, lang)
        assert full.loc[implied.to_numpy(), "target_text"].str.contains("≈").all()
        assert full.loc[implied.to_numpy(), "target_text"].str.contains(word, regex=False).all()
        assert not full.loc[~implied.to_numpy(), "target_text"].str.contains("≈").any()
    # The detail page's tables: targets and attainment, in the words the goals page and báo cáo use.
    marked = "≈\u202f7.038 tấn (suy ra từ tỷ lệ % đã công bố)"
    targets = indicator_tables.targets_table(seed_data, "TEA_OUTPUT", "vi", "106", "tấn")
    assert targets["target_text"].tolist() == [marked]
    assert targets["basis"].tolist() == ["suy ra từ tỷ lệ % đã công bố"]
    assert targets["target"].tolist() == [7038.0]
    detail = indicator_tables.attainment_table(rows[rows["code"] == "TEA_OUTPUT"], "vi", "tấn")
    assert detail["target_text"].tolist() == [marked]
    assert detail["actual_text"].tolist() == ["9.656 tấn (ước)"]
    assert detail["actual_kind"].tolist() == ["ước"]


def test_the_exported_workbook_marks_and_rounds_implied_targets(seed_data: Dataset) -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx_writer.workbook_bytes(seed_data)))
    sheet = book["MucTieu"]
    header = [c.value for c in sheet[1]]
    code, value, derived = (
        header.index("Mã chỉ tiêu"),
        header.index("Giá trị"),
        header.index("Mục tiêu suy ra từ tỷ lệ báo cáo"),
    )
    seen = 0
    for row in sheet.iter_rows(min_row=2):
        shown = row[value].number_format
        if row[derived].value:
            seen += 1
            assert shown.startswith('"≈ "'), row[code].value
        else:
            assert "≈" not in shown, row[code].value
        if row[code].value == "TEA_OUTPUT":
            assert shown == '"≈ "#,##0'  # 7.038: four significant digits, as 137,2 % has
            assert row[value].value == seed_data.targets.query("code == 'TEA_OUTPUT'")["value"].item()
    assert seen == 13
    # The catalogue sheet says what each indicator means.
    catalogue = book["ChiTieu"]
    names = [c.value for c in catalogue[1]]
    for header_name in (
        "Định nghĩa",
        "Ý nghĩa đơn vị tính",
        "Cách tính",
        "Cách cộng gộp giữa địa bàn",
        "Nguồn",
    ):
        assert header_name in names
    pov = next(r for r in catalogue.iter_rows(min_row=2, values_only=True) if r[0] == "POV_RATE")
    assert "điểm phần trăm" in pov[names.index("Định nghĩa")]


def test_the_source_line_names_the_versions_behind_the_data(store: Store) -> None:
    line = labels.source_line(store.sources(), store.current_version(), "vi")
    assert line == (
        "Nguồn: báo cáo tổng kết thi đua – khen thưởng 2015–2020 của UBND huyện Tam Đường (phiên bản 1); "
        "dữ liệu phiên bản 1."
    )
    data = store.load()
    obs = data.observations.copy()
    obs.loc[obs["code"] == "GTSX", "value"] = 2600.0
    store.commit(replace(data, observations=obs), account="canbo", file_name="so-lieu-2021.xlsx")
    line = labels.source_line(store.sources(), store.current_version(), "vi")
    # An upload is named by its day, never by its internal file name (nor by who uploaded it).
    # The day it was in Vietnam, where the store keeps UTC.
    day = pd.to_datetime(store.versions()["created_at"].iloc[-1], utc=True).tz_convert("Asia/Ho_Chi_Minh")
    said = f"{day.day}/{day.month}/{day.year}"
    assert f"(phiên bản 1); số liệu cập nhật ngày {said} (phiên bản 2); dữ liệu phiên bản 2." in line
    assert "so-lieu-2021.xlsx" not in line and "canbo" not in line
    store.rollback(1, account="quantri")
    line = labels.source_line(store.sources(), store.current_version(), "en")
    assert "restored version 1 (version 3)" in line and "figures updated" not in line
    # An old version's line is the old one.
    assert f"figures updated on {day.day} {day:%b %Y} (version 2)" in labels.source_line(
        store.sources(2), 2, "en"
    )


def test_the_detail_page_metadata(seed_data: Dataset) -> None:
    meta = dict(labels.metadata(seed_data, "POV_RATE", "vi"))
    assert list(meta) == ["Định nghĩa", "Đơn vị tính", "Cách tính", "Cộng gộp giữa các địa bàn", "Nguồn"]
    assert "điểm %" in meta["Định nghĩa"]
    assert "tử số và mẫu số" in meta["Cộng gộp giữa các địa bàn"]
    assert meta["Nguồn"].startswith("Báo cáo tổng kết TĐKT 2015 – 2020")
    assert labels.metadata(seed_data, "NOT_THERE", "vi") == []


def test_estimates_are_said_wherever_a_figure_appears(seed_data: Dataset) -> None:
    figures = indicator_tables.observations_table(seed_data, "GTSX", "vi", "106", "tỷ đồng")
    assert set(figures["value_text"].str.endswith("(ước)")) == {True}
    assert "2.503,3 tỷ đồng (ước)" in set(figures["value_text"])
    english = indicator_tables.observations_table(seed_data, "GTSX", "en", "106", "billion VND")
    assert "2,503.3 billion VND (est.)" in set(english["value_text"])
    # The note entered with a figure is Vietnamese: an English reader gets the figure's own words.
    assert set(english["note"]) == {""}
    assert "Ước thực hiện" in set(figures["obs_kind"])
    teachers = indicator_tables.observations_table(seed_data, "TEACHERS_QUALIFIED", "vi", "106")
    change = teachers[teachers["obs_kind"].str.startswith("Ước thay đổi")].iloc[0]
    assert (
        change["obs_kind"] == "Ước thay đổi so với báo cáo không nêu năm gốc"
        or "không nêu năm gốc" in (change["obs_kind"])
    )
    assert pd.notna(change["value"])
