"""Progress toward the 2025 goals, with hand-built 2021–2025 figures (never shipped)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from indicators.core import progress
from indicators.core.model import Dataset
from indicators.store.seed import load_source


def _goal(
    series: dict[int, float],
    goal: float,
    comparator: str = "at_least",
    direction: str = "higher",
    value_kind: str = "level",
) -> Dataset:
    indicator = {
        "code": "G",
        "name_vi": "Mục tiêu G",
        "name_en": "G",
        "domain": "economy",
        "unit": "triệu đồng",
        "direction": direction,
        "value_kind": value_kind,
    }
    obs = [{"code": "G", "area": "TD", "year": y, "kind": "actual", "value": v} for y, v in series.items()]
    target = {
        "code": "G",
        "area": "TD",
        "year": 2025,
        "term": "2020-2025",
        "target_kind": "NQ",
        "comparator": comparator,
        "value": goal,
    }
    return Dataset.from_frames(
        {
            "indicators": pd.DataFrame([indicator]),
            "observations": pd.DataFrame(obs, columns=["code", "area", "year", "kind", "value"]),
            "targets": pd.DataFrame([target]),
        }
    )


def _one(data: Dataset) -> pd.Series:
    result = progress.compute(data)
    assert len(result) == 1
    return result.iloc[0]


REQUIRED_INCOME = ((45 / 30) ** (1 / 5) - 1) * 100  # 8.447 % a year

CASES = [
    # name, latest figures after the 2020 baseline of 30, expected status
    ("on track", {2023: 38.0}, "on_track"),
    ("moderate", {2023: 35.0}, "moderate"),
    ("limited", {2023: 31.0}, "limited"),
    ("moving away", {2023: 29.0}, "moving_away"),
    ("achieved early", {2022: 40.0, 2024: 46.0}, "achieved"),
]


@pytest.mark.parametrize(("name", "later", "status"), CASES, ids=[c[0] for c in CASES])
def test_income_goal_status(name: str, later: dict[int, float], status: str) -> None:
    row = _one(_goal({2015: 20.0, 2020: 30.0, **later}, 45.0))
    latest_year = max(later)
    observed = ((later[latest_year] / 30) ** (1 / (latest_year - 2020)) - 1) * 100
    assert row["base_value"] == 30.0
    assert row["latest_year"] == latest_year
    assert row["required_growth_pct"] == pytest.approx(REQUIRED_INCOME, abs=1e-9)
    assert row["observed_growth_pct"] == pytest.approx(observed, abs=1e-9)
    assert row["ratio"] == pytest.approx(observed / REQUIRED_INCOME, abs=1e-9)
    assert row["status"] == status


def test_thresholds_match_statistics_canada() -> None:
    # 38 in 2023: R = 8.197 % ÷ 8.447 % = 0.9705 → on track; the category edges are 0.95 and 0.60.
    assert _one(_goal({2020: 30.0, 2023: 38.0}, 45.0))["ratio"] == pytest.approx(0.9705, abs=1e-4)
    assert (progress.ON_TRACK, progress.MODERATE) == (0.95, 0.60)


def test_ceiling_goal_where_lower_is_better() -> None:
    # Natural growth 15 ‰ in 2020, goal "giảm còn 13,3‰" by 2025, 14,5 ‰ in 2022.
    row = _one(_goal({2020: 15.0, 2022: 14.5}, 13.3, comparator="at_most", direction="lower"))
    required = (13.3 / 15) ** (1 / 5) - 1
    observed = (14.5 / 15) ** (1 / 2) - 1
    assert row["ratio"] == pytest.approx(-observed / abs(required), abs=1e-9)
    assert row["status"] == "moderate"


def test_reduce_by_points_uses_a_straight_path() -> None:
    # Poverty 18,22 % in 2020, "giảm bình quân 2%/năm": 8,22 % by 2025.
    data = _goal({2020: 18.22, 2022: 14.5}, 2.0, comparator="reduce_by", direction="lower")
    row = _one(data)
    assert row["method"] == "linear"
    assert row["goal_value"] == pytest.approx(8.22)
    assert row["goal_derived"]
    assert row["required_change_per_year"] == pytest.approx(-2.0)
    assert row["observed_change_per_year"] == pytest.approx(-1.86)
    assert row["ratio"] == pytest.approx(0.93)
    assert row["status"] == "moderate"
    path = progress.required_path(progress.compute(data))
    assert path["year"].tolist() == [2020, 2021, 2022, 2023, 2024, 2025]
    assert path["required"].tolist() == pytest.approx([18.22, 16.22, 14.22, 12.22, 10.22, 8.22])


def test_required_path_is_geometric_for_growth_goals() -> None:
    path = progress.required_path(progress.compute(_goal({2020: 30.0, 2022: 33.0}, 45.0)))
    growth = 1 + REQUIRED_INCOME / 100
    assert path["required"].tolist() == pytest.approx([30 * growth**k for k in range(6)])
    assert path["required"].iloc[-1] == pytest.approx(45.0)


def test_goal_without_baseline_says_so() -> None:
    row = _one(_goal({2023: 40.0}, 45.0))
    assert (row["status"], row["reason"]) == ("no_data", "no_baseline")
    assert math.isnan(row["ratio"]) and math.isnan(row["required_growth_pct"])
    assert progress.required_path(progress.compute(_goal({2023: 40.0}, 45.0))).empty


def test_goal_with_only_the_baseline_waits_for_data() -> None:
    row = _one(_goal({2020: 30.0}, 45.0))
    assert (row["status"], row["reason"]) == ("no_data", "no_later_data")
    assert row["required_growth_pct"] == pytest.approx(REQUIRED_INCOME)


def test_term_total_goal_is_not_given_a_level_baseline() -> None:
    row = _one(_goal({2020: 5150.0}, 5000.0, value_kind="term_total"))
    assert (row["status"], row["reason"]) == ("no_data", "term_total")
    assert math.isnan(row["base_value"])


def test_shipped_goals_with_a_2020_baseline() -> None:
    result = progress.compute(load_source()).set_index("code")
    with_base = sorted(result.index[result["base_value"].notna()])
    assert with_base == ["INCOME_PC", "POV_RATE", "TRAINED_LABOUR"]
    assert result.loc["INCOME_PC", "required_growth_pct"] == pytest.approx(REQUIRED_INCOME)
    # The tourism figures filed under 2020 have no year in the source: no baseline, no rate from them.
    for code in ("TOURISTS", "TOURISM_REV"):
        assert math.isnan(result.loc[code, "required_growth_pct"]), code
        assert result.loc[code, "reason"] == "no_baseline", code
    assert result.loc["POV_RATE", "goal_value"] == pytest.approx(8.22)
    # No figure after 2020 is shipped: nothing is judged yet, and nothing is made up.
    # The fair-rated share is the rest of a whole, never judged alone.
    assert set(result["status"]) == {"no_data", "not_judged"}
    assert list(result.index[result["status"] == "not_judged"]) == ["LOCAL_GOV_FAIR"]
    assert result.loc["STUNTING", "reason"] == "no_baseline"


def test_empty_dataset() -> None:
    assert progress.compute(Dataset.empty()).empty


def test_a_goal_stated_without_a_term_is_measured_from_its_areas_term() -> None:
    # The tourism programme's 2020 targets carry no term of their own; the district's other 2020
    # goals are the 2015 – 2020 term's, so 2015 is their baseline too, never "the year before".
    source = load_source()
    area = str(source.targets.loc[source.targets["code"] == "TOURISTS", "area"].iloc[0])
    rows = progress.compute(source, goal_year=2020, area=area).set_index("code")
    assert rows.loc["TOURISTS", "base_year"] == 2015
    assert rows.loc["TOURISM_REV", "base_year"] == 2015
    assert rows.loc["GTSX", "base_year"] == 2015
    # With the 2015 figure recorded, it is the baseline, and the pace is judged from it.
    obs = source.observations
    first = obs[(obs["code"] == "TOURISTS") & (obs["area"] == area)].head(1)
    added = first.assign(
        year=2015, kind="actual", value=20000.0, qualifier="", base_year=0, period_unstated=False
    )
    frames = {k: getattr(source, k) for k in ("indicators", "targets", "reported", "areas")}
    with_2015 = Dataset.from_frames({"observations": pd.concat([obs, added], ignore_index=True), **frames})
    row = progress.compute(with_2015, goal_year=2020, area=area, as_of=2019).set_index("code").loc["TOURISTS"]
    assert (row["base_year"], row["base_value"]) == (2015, 20000.0)
    assert row["reason"] == "no_later_data"
    # A lone goal without a term keeps the year before as its baseline: there is no term to share.
    lone = _goal({2024: 40.0}, 45.0)
    lone = Dataset.from_frames(
        {
            "indicators": lone.indicators,
            "observations": lone.observations,
            "targets": lone.targets.assign(term=""),
        }
    )
    assert _one(lone)["base_year"] == 2024
