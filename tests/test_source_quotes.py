"""Every figure in data/source.toml is quoted word for word from the report, in the model's vocabularies."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from indicators.areas import official as official_areas
from indicators.core import model

ROOT = Path(__file__).parents[1]
SOURCE = ROOT / "data" / "source.toml"
REPORT = ROOT / "data" / "report_tam_duong_2015_2020.txt"

FIGURE_TABLES = ("observations", "targets", "reported")
# The column holding the number each figure table quotes.
VALUE_COLUMN = {"observations": "value", "targets": "value", "reported": "reported_pct"}
QUALIFIER_WORD = {"khoang": "khoảng", "tren": "trên", "duoi": "dưới"}
CHANGE_KINDS = ("change", "change_per_year", "change_estimate", "change_per_year_estimate")
ESTIMATE_KINDS = ("estimate", "change_estimate", "change_per_year_estimate")
RECIPIENTS = ("", "tap_the", "ca_nhan")
AWARD_LEVELS = ("", "state", "government", "province", "grassroots")
# A number as the report prints it: digits with "." or "," between digit groups.
NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")


DATA: dict[str, Any] = tomllib.loads(SOURCE.read_text(encoding="utf-8"))
# The areas and their links come from the official lists (data/*.csv), not from the transcription.
TABLES = {
    table.name: table
    for table in model.TABLES
    if table not in (model.AREAS, model.AREA_LINKS, model.AGGREGATION)
}


def normalise(text: str) -> str:
    """NFC-normalise and collapse every run of whitespace to a single space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


REPORT_TEXT = normalise(REPORT.read_text(encoding="utf-8"))


def vietnamese_forms(value: float) -> set[str]:
    """The ways the report may print a number: "." thousands, "," decimals, maybe a leading zero."""
    magnitude = abs(value)
    whole, _, fraction = repr(float(magnitude)).partition(".")
    if "e" in whole or "e" in fraction:
        raise ValueError(f"cannot render {value!r} in Vietnamese format")
    grouped = f"{int(whole):,}".replace(",", ".")
    if fraction.rstrip("0"):
        return {f"{grouped},{fraction.rstrip('0')}"}
    forms = {grouped}
    if int(whole) < 10:
        forms.add(f"0{grouped}")  # "08 xã", "01 tập thể"
    return forms


def rows(*names: str) -> list[tuple[str, int, dict[str, Any]]]:
    """(table name, index, row) for every row of the named tables."""
    return [(name, i, row) for name in names for i, row in enumerate(DATA.get(name, []))]


def row_id(item: tuple[str, int, dict[str, Any]]) -> str:
    """A readable test id: table, index and code."""
    name, i, row = item
    return f"{name}[{i}]-{row.get('code', '?')}"


FIGURES = rows(*FIGURE_TABLES)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2503.3, {"2.503,3"}),
        (16742, {"16.742"}),
        (0.5, {"0,5"}),
        (8, {"8", "08"}),
        (-4.5, {"4,5"}),
        (558716, {"558.716"}),
        (52.75, {"52,75"}),
        (118.08, {"118,08"}),
        (100.0, {"100"}),
    ],
)
def test_vietnamese_forms(value: float, expected: set[str]) -> None:
    assert vietnamese_forms(value) == expected


def test_every_table_present_with_its_columns() -> None:
    for name, table in TABLES.items():
        assert DATA.get(name), f"table {name} is empty or missing"
        for i, row in enumerate(DATA[name]):
            assert tuple(row) == table.columns, f"{name}[{i}] columns {tuple(row)}"
    # The transcription holds only stated targets; the seed build derives the implied ones.
    assert not any(row["derived"] for row in DATA["targets"])


def test_2020_figures_are_estimates_with_the_reason() -> None:
    # The report was written during 2020 ("hết năm 2020 … còn 18,22%"): its 2020 figures are estimates.
    assert "hết năm 2020" in REPORT_TEXT
    in_2020 = [row for row in DATA["observations"] if row["year"] == 2020]
    assert len(in_2020) > 60
    for row in in_2020:
        assert row["kind"] in ESTIMATE_KINDS, row["code"]
        assert row["note"].startswith("Ước thực hiện: báo cáo viết trong năm 2020"), row["code"]
    assert all(r["kind"] not in ESTIMATE_KINDS for r in DATA["observations"] if r["year"] != 2020)


def test_the_2025_goals_are_labelled_by_the_report_not_as_a_resolution() -> None:
    # "b. Mục tiêu cụ thể" of the report's directions; it never says the Party resolution set them.
    goals = [row for row in DATA["targets"] if row["year"] == 2025]
    assert goals and {row["target_kind"] for row in goals} == {"MT"}
    assert {row["section"] for row in goals} == {"Phần thứ hai – I.2.b. Mục tiêu cụ thể"}


def test_every_year_goals_are_yearly() -> None:
    yearly = {row["code"] for row in DATA["targets"] if row["yearly"]}
    assert yearly == {
        # "Mức giảm tỷ lệ sinh hàng năm 0,5‰/năm": a cut every year, as plainly as the others.
        "BIRTH_RATE",
        "PROPAGANDA_PLAN",
        "PARTY_ORGS_GOOD",
        "PARTY_ORGS_EXCELLENT",
        "LOCAL_GOV_GOOD",
        "LOCAL_GOV_FAIR",
    }
    for row in DATA["targets"]:
        if row["yearly"]:
            # The sentence (or the goal line it belongs to) says "hàng năm".
            line = next(x for x in REPORT_TEXT.split("- ") if normalise(row["quote"]) in x)
            assert "hàng năm" in line.casefold(), row["code"]


def test_a_change_without_a_base_year_is_recorded_as_said() -> None:
    for row in DATA["observations"]:
        if row["kind"] in CHANGE_KINDS and row["base_year"] == 0:
            assert "không nêu năm gốc" in row["note"], row["code"]
            assert "so với năm" not in row["quote"]


def test_every_indicator_says_what_it_means() -> None:
    for row in DATA["indicators"]:
        for column in ("definition", "unit_meaning", "computation", "aggregation", "source"):
            assert row[column].strip(), f"{row['code']}: empty {column}"
        assert row["source"].startswith("Báo cáo tổng kết TĐKT 2015 – 2020 của UBND huyện Tam Đường")


def test_enough_figures() -> None:
    assert len(FIGURES) >= 60


@pytest.mark.parametrize("name", list(TABLES))
def test_no_duplicate_key(name: str) -> None:
    key = TABLES[name].key
    counts = Counter(tuple(row[k] for k in key) for row in DATA[name])
    assert [k for k, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("item", FIGURES, ids=row_id)
def test_quote_is_in_report(item: tuple[str, int, dict[str, Any]]) -> None:
    _, _, row = item
    quote = normalise(row["quote"])
    assert quote, "empty quote"
    assert quote in REPORT_TEXT
    assert row["section"].strip(), "empty section"


@pytest.mark.parametrize("item", FIGURES, ids=row_id)
def test_value_is_printed_in_quote(item: tuple[str, int, dict[str, Any]]) -> None:
    name, _, row = item
    value = row[VALUE_COLUMN[name]]
    assert isinstance(value, int | float) and not isinstance(value, bool), f"{value!r} is not a number"
    if name == "targets" and row["comparator"] == "yes":
        # A yes/no goal prints no number: "Huyện đạt chuẩn nông thôn mới." is met (1) or not.
        assert value == 1 and "đạt chuẩn" in row["quote"]
        return
    printed = set(NUMBER_TOKEN.findall(normalise(row["quote"])))
    assert vietnamese_forms(value) & printed, f"{value} not printed in {row['quote']!r}"


@pytest.mark.parametrize("item", rows("observations"), ids=row_id)
def test_observation_vocabulary(item: tuple[str, int, dict[str, Any]]) -> None:
    _, _, row = item
    assert row["kind"] in {k.value for k in model.ObsKind}
    assert row["qualifier"] in model.QUALIFIERS
    if row["qualifier"]:
        assert QUALIFIER_WORD[row["qualifier"]] in row["quote"]
    assert isinstance(row["year"], int) and model.YEAR_MIN <= row["year"] <= model.YEAR_MAX
    if row["kind"] in CHANGE_KINDS and row["base_year"]:
        assert isinstance(row["base_year"], int) and model.YEAR_MIN <= row["base_year"] < row["year"]
        # A base year is recorded only where the report names it.
        sentence = next(x for x in REPORT_TEXT.split(";") if normalise(row["quote"]) in x)
        named = f"so với năm {row['base_year']}" in sentence
        assert named or row["quote"].startswith("bình quân"), row["code"]
    elif row["kind"] not in CHANGE_KINDS:
        assert row["base_year"] == 0


@pytest.mark.parametrize("item", rows("targets"), ids=row_id)
def test_target_vocabulary(item: tuple[str, int, dict[str, Any]]) -> None:
    _, _, row = item
    assert row["target_kind"] in {k.value for k in model.TargetKind}
    assert row["comparator"] in {c.value for c in model.Comparator}
    assert isinstance(row["year"], int) and model.YEAR_MIN <= row["year"] <= model.YEAR_MAX
    assert row["term"].endswith(str(row["year"]))


def word_before_number(quote: str, value: float) -> str:
    """The word the quote prints right before the target's number ("trên" in "đạt trên 45 triệu")."""
    text = normalise(quote)
    for match in NUMBER_TOKEN.finditer(text):
        if match.group() in vietnamese_forms(value):
            before = text[: match.start()].split()
            return before[-1] if before else ""
    return ""


@pytest.mark.parametrize("item", rows("targets"), ids=row_id)
def test_target_qualifier_is_the_word_before_its_number(item: tuple[str, int, dict[str, Any]]) -> None:
    """A target says "trên" or "dưới" exactly where its quote does: "trên địa bàn đạt 55" says neither."""
    _, _, row = item
    assert row["qualifier"] in model.QUALIFIERS
    before = word_before_number(row["quote"], row["value"]).casefold()
    words = {word: code for code, word in QUALIFIER_WORD.items()}
    assert row["qualifier"] == words.get(before, ""), (row["code"], row["quote"])


def test_the_qualified_targets_are_the_ones_the_report_hedges() -> None:
    qualified = {(r["code"], r["qualifier"]) for r in DATA["targets"] if r["qualifier"]}
    assert qualified == {
        ("INCOME_PC", "tren"),
        ("TOURISTS", "tren"),
        ("JOBS", "tren"),
        ("PARTY_ORGS_GOOD", "tren"),
        ("STUNTING", "duoi"),
    }


@pytest.mark.parametrize("item", rows("reported"), ids=row_id)
def test_reported_vocabulary(item: tuple[str, int, dict[str, Any]]) -> None:
    _, _, row = item
    assert row["target_kind"] in {k.value for k in model.TargetKind}
    assert isinstance(row["year"], int) and model.YEAR_MIN <= row["year"] <= model.YEAR_MAX
    assert row["reported_pct"] > 0


@pytest.mark.parametrize("item", rows("indicators"), ids=row_id)
def test_indicator_vocabulary(item: tuple[str, int, dict[str, Any]]) -> None:
    _, _, row = item
    assert re.fullmatch(r"[A-Z][A-Z0-9_]*", row["code"])
    assert row["domain"] in model.DOMAINS
    assert row["direction"] in {d.value for d in model.Direction}
    assert row["value_kind"] in {v.value for v in model.ValueKind}
    assert row["recipient"] in RECIPIENTS
    assert row["award_level"] in AWARD_LEVELS
    if row["domain"] != "commendations":
        assert row["recipient"] == row["award_level"] == ""
    for column in ("name_vi", "name_en", "unit", "unit_en"):
        assert row[column].strip(), f"empty {column}"


def test_codes_and_areas_exist() -> None:
    indicator_codes = {row["code"] for row in DATA["indicators"]}
    area_codes = set(official_areas.lai_chau()[0]["code"])
    used = {row["code"] for _, _, row in FIGURES}
    assert used - indicator_codes == set(), "figures for unknown indicators"
    assert indicator_codes - used == set(), "indicators without any figure"
    assert {official_areas.official(row["area"]) for _, _, row in FIGURES} <= area_codes


def test_the_festivals_are_the_terms_result_not_a_years_count() -> None:
    """ "Giai đoạn 2015-2020 có … bảo tồn, khôi phục, gìn giữ được 29 lễ hội …": what the term achieved,
    beside the new sites and village models of the same sentence, which are term totals too."""
    kinds = {row["code"]: row["value_kind"] for row in DATA["indicators"]}
    assert kinds["FESTIVALS"] == kinds["GREEN_VILLAGES_NEW"] == kinds["TOURISM_SITES_NEW"] == "term_total"
    quote = next(r["quote"] for r in DATA["observations"] if r["code"] == "FESTIVALS")
    sentence = next(x for x in REPORT_TEXT.split(". ") if normalise(quote) in x)
    opening = sentence.index("Giai đoạn 2015-2020 có")
    assert opening < sentence.index("29 lễ hội") and "xây dựng mới 57 mô hình" in sentence
    # The sentence's level ("nâng tổng số … lên 12 điểm") stays a count at the year's end.
    assert kinds["TOURISM_SITES"] == "count"
