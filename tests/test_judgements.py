"""Golden rows for each judgement the line-by-line review found wrong."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from indicators.core import attainment, progress
from indicators.core.model import OBSERVATIONS, TARGETS, Dataset, coerce
from indicators.store.seed import load_source
from indicators.text import fmt, phrase
from indicators.text.i18n import t

SHIPPED = load_source()
RESULT = attainment.compute(SHIPPED)
PROGRESS = progress.compute(SHIPPED).set_index("code")


def _row(frame: pd.DataFrame, code: str, year: int, kind: str | None = None) -> pd.Series:
    match = frame[(frame["code"] == code) & (frame["year"] == year)]
    if kind is not None:
        match = match[match["target_kind"] == kind]
    assert len(match) == 1, f"{code} {year} {kind}: {len(match)} rows"
    return match.iloc[0]


def _with(data: Dataset, *rows: dict) -> Dataset:
    """The data with more observations (kind "actual" = official unless said)."""
    extra = pd.DataFrame([{"area": "106", "kind": "actual", "base_year": 0, **r} for r in rows])
    obs = coerce(OBSERVATIONS, pd.concat([data.observations, extra], ignore_index=True))
    return replace(data, observations=obs)


# §1 Implied targets ---------------------------------------------------------------------------


def test_implied_target_is_marked_and_no_more_precise_than_the_printed_percent() -> None:
    row = _row(RESULT, "TEA_OUTPUT", 2020, "NQ")
    assert (row["target_basis"], row["attainment_basis"]) == ("implied", "printed")
    assert row["target"] == pytest.approx(7037.9, abs=0.01)  # kept exact, for the arithmetic
    # 137,2 % has four significant digits: so has the target people see, marked ≈.
    assert phrase.number(phrase.target_figure(row), "vi") == "≈\u202f7.038"
    gtsx = _row(RESULT, "GTSX", 2020, "NQ")
    assert phrase.number(phrase.target_figure(gtsx), "vi") == "≈\u202f2.120,0"
    tourists = _row(RESULT, "TOURISTS", 2020, "DA")
    assert phrase.number(phrase.target_figure(tourists), "vi") == "≈\u202f60.000"
    assert t("basis.implied") == "suy ra từ tỷ lệ % đã công bố"


def test_an_implied_row_is_never_an_independent_check() -> None:
    implied = RESULT[RESULT["target_basis"] == "implied"]
    assert len(implied) == 13
    assert not implied["checks_report"].any()
    assert implied["difference_pts"].isna().all()
    assert (implied["attainment_pct"] == implied["reported_pct"]).all()


# §2 Estimates and official figures -------------------------------------------------------------


def test_an_official_figure_supersedes_the_estimate_in_attainment_and_progress() -> None:
    data = _with(
        SHIPPED,
        {"code": "GTSX", "year": 2020, "value": 2600.0},
        {"code": "INCOME_PC", "year": 2020, "value": 32.0},
    )
    row = _row(attainment.compute(data), "GTSX", 2020, "NQ")
    assert (row["actual"], row["actual_kind"]) == (2600.0, "official")
    # The actual changed, so the implied target's % is now computed, and differs from the print.
    assert row["attainment_basis"] == "computed"
    assert row["attainment_pct"] == pytest.approx(2600.0 / 2120.0034 * 100, abs=1e-3)
    assert row["differs"]
    goal = progress.compute(data).set_index("code").loc["INCOME_PC"]
    assert (goal["base_value"], goal["base_kind"]) == (32.0, "official")
    assert goal["required_growth_pct"] == pytest.approx(((45 / 32) ** 0.2 - 1) * 100)
    # Both stay readable.
    income = data.observations.query("code == 'INCOME_PC' and year == 2020")
    assert sorted(zip(income["kind"], income["value"], strict=True)) == [("actual", 32.0), ("estimate", 30.0)]
    # Before the official figure: the estimate, said so.
    assert PROGRESS.loc["INCOME_PC", "base_kind"] == "estimate"
    assert _row(RESULT, "GTSX", 2020, "NQ")["actual_kind"] == "estimate"


def test_an_official_reduction_supersedes_the_estimated_one() -> None:
    data = _with(
        SHIPPED,
        {"code": "POV_RATE", "year": 2020, "kind": "change_per_year", "base_year": 2015, "value": -4.2},
    )
    row = _row(attainment.compute(data), "POV_RATE", 2020, "NQ")
    assert (row["actual"], row["actual_kind"]) == (4.2, "official")
    assert row["attainment_pct"] == pytest.approx(140.0)


# §3 The judgements --------------------------------------------------------------------------------


def test_good_and_fair_ratings_a_better_result_never_reads_not_met() -> None:
    # "Hàng năm chính quyền cơ sở có 70% xếp loại tốt, 30% xếp loại khá": 80 % good, 20 % fair is better.
    data = _with(
        SHIPPED,
        {"code": "LOCAL_GOV_GOOD", "year": 2022, "value": 80.0},
        {"code": "LOCAL_GOV_FAIR", "year": 2022, "value": 20.0},
    )
    rows = attainment.compute(data)
    good, fair = _row(rows, "LOCAL_GOV_GOOD", 2022), _row(rows, "LOCAL_GOV_FAIR", 2022)
    assert (good["status"], round(good["attainment_pct"], 2)) == ("vuot", 114.29)
    assert (fair["status"], fair["comparator"]) == ("khong_danh_gia", "remainder")
    assert pd.isna(fair["attainment_pct"])
    assert not (rows["status"] == "khong_dat").any()
    goals = progress.compute(data).set_index("code")
    assert goals.loc["LOCAL_GOV_GOOD", "status"] == "on_track"
    assert goals.loc["LOCAL_GOV_FAIR", "status"] == "not_judged"


def test_party_organisations_good_includes_excellent() -> None:
    name = SHIPPED.indicators.set_index("code").at["PARTY_ORGS_GOOD", "name_vi"]
    assert name == "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên"
    data = _with(
        SHIPPED,
        {"code": "PARTY_ORGS_GOOD", "year": 2021, "value": 95.0},
        {"code": "PARTY_ORGS_EXCELLENT", "year": 2021, "value": 30.0},
    )
    rows = attainment.compute(data)
    assert _row(rows, "PARTY_ORGS_GOOD", 2021)["status"] == "vuot"
    assert _row(rows, "PARTY_ORGS_EXCELLENT", 2021)["status"] == "vuot"


def test_seventeen_of_seventeen_is_a_count_of_a_total_not_a_target() -> None:
    assert RESULT[RESULT["code"] == "KTXH_TARGETS_MET"].empty  # no target, no % the report never printed
    obs = SHIPPED.observations.query("code == 'KTXH_TARGETS_MET'").set_index("kind")["value"]
    assert obs.to_dict() == {"actual": 17.0, "total": 17.0}
    assert fmt.of_total(obs["actual"], obs["total"]) == "17/17"


def test_poverty_fall_is_points_a_year_not_a_rate() -> None:
    row = _row(RESULT, "POV_RATE", 2020, "NQ")
    # The engine says what the figure is by code; the words are put on last, by phrase.
    assert (row["actual"], row["unit"], row["change_unit"]) == (4.5, "%", "pp_per_year")
    assert (
        fmt.with_unit(row["actual"], phrase.change_unit(row["change_unit"], row["unit"], "vi"))
        == "4,5 điểm %/năm"
    )
    assert phrase.change_unit(row["change_unit"], row["unit"], "en") == "percentage points/year"
    level = SHIPPED.observations.query("code == 'POV_RATE' and kind == 'estimate'").iloc[0]
    unit = SHIPPED.indicators.set_index("code").at["POV_RATE", "unit"]
    assert fmt.with_unit(level["value"], unit) == "18,22\u202f%"
    assert PROGRESS.loc["POV_RATE", "change_unit"] == "pp_per_year"
    # No words in the engine's unit columns: codes and the data's own units only.
    assert set(RESULT["change_unit"].astype(str)) <= {
        "",
        "pp_per_year",
        "pm_points_per_year",
        "unit_per_year",
    }
    assert set(PROGRESS["change_unit"].astype(str)) <= {"pp_per_year", "pm_points_per_year", "unit_per_year"}


def test_consolidation_and_structure_shares_have_no_better_direction() -> None:
    directions = SHIPPED.indicators.set_index("code")["direction"]
    for code in ("SCHOOLS", "GTSX_AGRI", "GTSX_IND", "GTSX_SERV", "LOCAL_GOV_FAIR"):
        assert directions[code] == "neutral", code
    targets = pd.DataFrame(
        [
            {"code": "SCHOOLS", "area": "106", "year": 2020, "term": "2015-2020", "target_kind": "NQ"}
            | {"comparator": "at_least", "value": 46.0}
        ]
    )
    data = replace(SHIPPED, targets=coerce(TARGETS, targets))
    row = _row(attainment.compute(data), "SCHOOLS", 2020)
    assert row["status"] == "khong_danh_gia"
    assert pd.isna(row["attainment_pct"])


def test_every_year_goals_bind_each_year_of_the_term() -> None:
    data = _with(SHIPPED, {"code": "PARTY_ORGS_GOOD", "year": 2022, "value": 85.0})
    rows = attainment.compute(data)
    missed = _row(rows, "PARTY_ORGS_GOOD", 2022)
    assert (missed["status"], bool(missed["yearly"])) == ("khong_dat", True)
    assert _row(rows, "PARTY_ORGS_GOOD", 2025)["status"] == "no_data"
    assert progress.compute(data).set_index("code").at["PARTY_ORGS_GOOD", "status"] == "missed_year"


def test_the_2025_goals_are_labelled_by_the_report() -> None:
    goals = RESULT[RESULT["year"] == 2025]
    assert set(goals["target_kind"]) == {"MT"}
    assert t("kind.MT") == "Mục tiêu cụ thể 2020–2025 (báo cáo)"


def test_no_term_is_invented_for_the_tourism_programme() -> None:
    programme = RESULT[RESULT["target_kind"] == "DA"]
    assert sorted(programme["code"]) == ["TOURISM_REV", "TOURISTS"]
    assert set(programme["term"]) == {""}


def test_the_flagship_yes_no_goal() -> None:
    goal = _row(RESULT, "NTM_DISTRICT", 2025, "MT")
    assert (goal["comparator"], goal["target"], goal["status"]) == ("yes", 1.0, "no_data")
    assert "Huyện đạt chuẩn nông thôn mới" in goal["target_quote"]
    met = _with(SHIPPED, {"code": "NTM_DISTRICT", "year": 2024, "value": 1.0, "note": "công nhận năm 2024"})
    not_yet = _with(SHIPPED, {"code": "NTM_DISTRICT", "year": 2023, "value": 0.0})
    assert progress.compute(met).set_index("code").at["NTM_DISTRICT", "status"] == "achieved"
    assert progress.compute(met).set_index("code").at["NTM_DISTRICT", "latest_year"] == 2024
    assert progress.compute(not_yet).set_index("code").at["NTM_DISTRICT", "status"] == "not_yet"
    by_2025 = _with(SHIPPED, {"code": "NTM_DISTRICT", "year": 2025, "value": 1.0})
    row = _row(attainment.compute(by_2025), "NTM_DISTRICT", 2025, "MT")
    assert (row["status"], pd.isna(row["attainment_pct"])) == ("dat", True)
    assert phrase.yes_no(1.0, "vi") == "đạt" and phrase.yes_no(0.0, "vi") == "chưa đạt"


def test_an_increase_without_a_base_year_is_recorded_as_said() -> None:
    change = SHIPPED.observations.query("code == 'TEACHERS_QUALIFIED' and kind == 'change_estimate'").iloc[0]
    assert pd.isna(change["base_year"])
    assert "không nêu năm gốc" in change["note"]
    assert "điểm % hoặc % tương đối" in change["note"]
    with_base = SHIPPED.observations.query("code == 'TRAINED_LABOUR' and kind == 'change_estimate'").iloc[0]
    assert with_base["base_year"] == 2015  # "tăng 5% so với năm 2015": the base is printed
    assert "điểm % hay % tương đối" in with_base["note"]
