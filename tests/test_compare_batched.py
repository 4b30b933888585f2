"""Every indicator compared in one batch equals the comparison made one indicator at a time."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from bench.areas import build
from indicators.areas import aggregate, compare
from indicators.core.model import AggregationRule, Dataset
from indicators.store import seed
from tests.support import areas_fixture as fixture
from tests.support import compare_reference as reference


def _same(data: Dataset, year: int, parent: str) -> int:
    """The batch against the reference over every indicator; the number of rows compared."""
    codes = list(data.indicators["code"])
    batched = {r.code: r.rows for r in compare.compare_many(data, codes, year, parent)}
    expected = reference.compare_many(data, codes, year, parent)
    assert set(batched) == set(codes) and set(expected) == set(codes)
    for code in codes:
        # The old path typed text columns "object" (and "value" too when an indicator had no figure at all).
        pd.testing.assert_frame_equal(batched[code], expected[code], check_dtype=False, check_exact=True)
    return sum(len(rows) for rows in batched.values())


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return seed.load_source()


@pytest.fixture(scope="module")
def national() -> Dataset:
    return build(provinces=["12", "46"], years=np.arange(2024, 2026))


# The province's districts (adding communes up into a district) stay in the quick tier; the rest are slow.
SHIPPED = [
    (2020, "12"),
    pytest.param(2019, "12", marks=pytest.mark.slow),
    pytest.param(2020, "106", marks=pytest.mark.slow),
    pytest.param(2025, "12", marks=pytest.mark.slow),
]
NATIONAL = [(2025, compare.COUNTRY), (2024, compare.COUNTRY), (2025, "12"), (2025, "46")]


@pytest.mark.parametrize(("year", "parent"), SHIPPED)
def test_the_shipped_data_compares_as_one_indicator_at_a_time(
    shipped: Dataset, year: int, parent: str
) -> None:
    assert _same(shipped, year, parent) > len(shipped.indicators)


@pytest.mark.slow
@pytest.mark.parametrize(("year", "parent"), NATIONAL)
def test_the_national_synthetic_data_compares_as_one_indicator_at_a_time(
    national: Dataset, year: int, parent: str
) -> None:
    children = len(compare.children_of(national, parent, year))
    assert children > 1 and _same(national, year, parent) == len(national.indicators) * (children + 1)


@pytest.fixture(scope="module", params=[(), ("03430",)], ids=["every_commune", "one_without_tea"])
def small(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The four communes with a ratio rule; the second leaves one commune's tea out (a partial total)."""
    path = tmp_path_factory.mktemp("small") / "2026.xlsx"
    return fixture.dataset(path, without=request.param, ratio_rule=True)


def test_ratios_and_partial_totals_compare_as_one_indicator_at_a_time(small: Dataset) -> None:
    assert _same(small, 2026, "12") == len(small.indicators) * 5


RULES = [
    ("TEA_AREA", aggregate.Rule(AggregationRule.SUM)),
    ("POV_RATE", aggregate.Rule(AggregationRule.RATIO, "POOR_HH", "HOUSEHOLDS", 100.0)),
    ("POV_RATE", aggregate.Rule(AggregationRule.WEIGHTED, denominator="HOUSEHOLDS")),
    ("POV_RATE", aggregate.Rule(AggregationRule.NONE, reason=aggregate.Reason.RATE_WITHOUT_PARTS)),
]


@pytest.mark.parametrize(("code", "rule"), RULES)
def test_a_total_by_each_rule_is_the_one_added_up_alone(
    small: Dataset, code: str, rule: aggregate.Rule
) -> None:
    members = pd.DataFrame({"child": list(fixture.HOUSEHOLDS), "parent": "12"})
    made = aggregate.totals(small, code, 2026, members, rule=rule)
    pd.testing.assert_frame_equal(
        made, reference._totals(small, code, 2026, members, rule=rule), check_dtype=False, check_exact=True
    )
    if rule.rule is AggregationRule.WEIGHTED:
        weighted = sum(fixture.POVERTY[c] * fixture.HOUSEHOLDS[c] for c in fixture.HOUSEHOLDS) / 6500
        assert made["value"].tolist() == pytest.approx([weighted])
