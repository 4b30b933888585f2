"""The báo cáo's commendations section takes counts from the register where it holds records; never a name."""

from __future__ import annotations

import io

import docx
import pandas as pd
import pytest

from dashboard import downloads
from indicators.awards import catalogue as cat
from indicators.core.model import Dataset
from indicators.report import content as report
from indicators.report import register_counts
from indicators.store import register
from indicators.store.database import Store
from indicators.store.register import empty
from tests.test_awards_cli import frame


def awards_section(data: Dataset, area: str, term: str | None, year: int | None, register: pd.DataFrame):
    built = report.build(data, area, report.parse_period(term, year), "vi")
    return built, register_counts.add(built, register, data.areas, cat.load())


def test_a_term_report_sums_the_register_over_its_years(seed_data: Dataset) -> None:
    before, after = awards_section(seed_data, "12", "2020-2025", None, frame())
    section = after.section("awards")
    assert section is not None
    added = section.parts[-1]
    assert added.heading.endswith("Theo sổ khen thưởng")
    assert added.paragraphs == [
        "Theo các quyết định đã ghi vào sổ khen thưởng, cộng các năm 2021–2025 có 16 lượt khen thưởng, gồm:",
        "- Huân chương Lao động hạng Ba: 1 tập thể;",
        "- Bằng khen của Chủ tịch UBND tỉnh: 3 cá nhân, 1 tập thể;",
        "- Chiến sĩ thi đua cơ sở: 2 cá nhân;",
        "- Lao động tiên tiến: 9 cá nhân.",
    ]
    everything = " ".join(
        p for s in after.sections for p in [*s.paragraphs, *(x for q in s.parts for x in q.paragraphs)]
    )
    assert "Người" not in everything
    assert [s.key for s in after.sections] == [s.key for s in before.sections]


def test_a_year_report_says_its_year(seed_data: Dataset) -> None:
    _before, after = awards_section(seed_data, "03405", None, 2024, frame())
    section = after.section("awards")
    assert section is not None and section.parts[-1].paragraphs == [
        "Theo các quyết định đã ghi vào sổ khen thưởng, năm 2024 có 5 lượt khen thưởng, gồm:",
        "- Lao động tiên tiến: 5 cá nhân.",
    ]
    # The sentence that the report holds no count of its own gives way to the records.
    assert section.paragraphs == []


def test_without_records_the_report_is_unchanged(seed_data: Dataset) -> None:
    before, after = awards_section(seed_data, "12", "2020-2025", None, empty())
    assert after == before


@pytest.mark.usefixtures("fresh_caches")
def test_the_pages_download_carries_the_register_counts(store: Store) -> None:
    register.add(store, frame(), "canbo")
    made = downloads._report_work(store.load(), "12", "2020-2025", "vi", "docx", ())()
    document = docx.Document(io.BytesIO(made))
    shown = [p.text for p in document.paragraphs]
    assert "- Lao động tiên tiến: 9 cá nhân." in shown
    assert not any("Người" in p for p in shown)
