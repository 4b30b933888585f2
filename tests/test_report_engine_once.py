"""A report's engines judge an area once per dataset, and their faster paths equal the row-by-row ones."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from indicators.areas import aggregate
from indicators.core import attainment, lookup, progress, tally
from indicators.core.lookup import levels_of
from indicators.core.model import OBSERVATIONS, TARGETS, AggregationRule, Dataset, coerce
from indicators.report import compare as report_compare
from indicators.report import content as report
from indicators.report import facts
from indicators.store import seed
from tests.support import attainment_reference as reference
from tests.support import tally_reference
from tests.support.seeded import SeededReading, own_copy


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return attainment.derive_targets(seed.load_source())


@pytest.fixture(scope="module")
def later(shipped: Dataset) -> Dataset:
    """The shipped data with a neighbour's copy of its targets listed first, and figures for 2021–2025.

    The shipped store has no figure after 2020: these years let the 2025 goals be decided and the
    "Hàng năm" targets be judged year by year; the neighbour moves the district's targets' positions.
    """
    targets = pd.concat([shipped.targets.assign(area="105"), shipped.targets], ignore_index=True)
    goals = targets[targets["year"] == 2025].drop_duplicates(["code", "area"])
    years = {2021: 0.8, 2022: 0.9, 2024: 1.0, 2025: 1.1}  # 2023 has no figure: a year left out
    added = pd.concat(
        [
            pd.DataFrame(
                {
                    "code": goals["code"].to_numpy(),
                    "area": goals["area"].to_numpy(),
                    "year": year,
                    "kind": "actual",
                    "value": goals["value"].to_numpy() * share,
                }
            )
            for year, share in years.items()
        ],
        ignore_index=True,
    )
    observations = pd.concat([shipped.observations, added], ignore_index=True)
    return replace(shipped, targets=coerce(TARGETS, targets), observations=coerce(OBSERVATIONS, observations))


@pytest.mark.parametrize(("which", "rows_added"), [("shipped", 0), ("later", 2 * 6 * 3)])
def test_the_yearly_rows_equal_the_row_by_row_expansion(
    request: pytest.FixtureRequest, which: str, rows_added: int
) -> None:
    data: Dataset = request.getfixturevalue(which)
    lv = levels_of(replace(data))
    targets = data.targets.assign(**{attainment.SOURCE: range(len(data.targets))})
    expected = reference.expand_yearly(targets, lv)
    made = attainment._expand_yearly(targets, lv)
    pd.testing.assert_frame_equal(made, expected, check_exact=True)
    # Each yearly target of the two areas gains 2021, 2022 and 2024: the years of its term with a figure.
    assert len(made) - len(targets) == rows_added


@pytest.mark.parametrize("area", [None, "106", "105"])
def test_an_areas_rows_are_judged_once_and_each_caller_gets_its_own_copy(later: Dataset, area: str) -> None:
    data = replace(later)
    fresh, fresh_source = attainment.compute_with_sources(replace(later), area)
    first, source = attainment.compute_with_sources(data, area)
    first["attainment_pct"] = -1.0  # a caller changing its rows (a report flags its pending figures)
    source[:] = -7
    again, again_source = attainment.compute_with_sources(data, area)
    pd.testing.assert_frame_equal(again, fresh, check_exact=True)
    assert list(again_source) == list(fresh_source)
    assert len(fresh) > 0 and (fresh["attainment_pct"] != -1.0).all()


@pytest.mark.parametrize(
    ("goal_year", "as_of", "decided"), [(2025, None, 16), (2025, 2021, 0), (2020, None, 14), (2020, 2019, 0)]
)
def test_progress_reads_an_areas_judged_rows_with_the_same_result(
    later: Dataset, goal_year: int, as_of: int | None, decided: int
) -> None:
    alone = progress.compute(replace(later), goal_year=goal_year, area="106", as_of=as_of)
    judged = replace(later)
    attainment.compute(judged, area="106")
    assert attainment.kept_verdicts(judged, "106") is not None
    assert attainment.kept_verdicts(judged) is None  # the whole dataset's verdicts are not claimed
    after = progress.compute(judged, goal_year=goal_year, area="106", as_of=as_of)
    pd.testing.assert_frame_equal(after, alone, check_exact=True)
    assert len(alone) > 0
    # A goal is decided by its goal year's figure (two 2025 goals have none); before that year, none is.
    assert alone["final"].sum() == decided


def _old_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attainment with its steps as they were: merges, and a yearly target's years one by one."""
    monkeypatch.setattr(attainment, "_with_reported_only", reference.with_reported_only)
    monkeypatch.setattr(attainment, "_attach_reported", reference.attach_reported)
    monkeypatch.setattr(attainment, "_stated_reductions", reference.stated_reductions)
    monkeypatch.setattr(attainment, "_expand_yearly", reference.expand_yearly)


@pytest.mark.parametrize(("which", "hashed"), [("shipped", 5_000), ("later", 5_000), ("later", 0)])
def test_every_area_is_judged_as_the_merges_judged_it(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, which: str, hashed: int
) -> None:
    """Keys matched in a dict (a district) or by pandas' index (a country), the rows are the same."""
    data: Dataset = request.getfixturevalue(which)
    monkeypatch.setattr(lookup, "_HASHED", hashed)
    made = {area: attainment.compute_with_sources(replace(data), area) for area in (None, "106", "105")}
    with monkeypatch.context() as old:
        _old_steps(old)
        expected = {area: attainment.compute_with_sources(replace(data), area) for area in made}
    for area, (rows, source) in made.items():
        pd.testing.assert_frame_equal(rows, expected[area][0], check_exact=True)
        assert list(source) == list(expected[area][1])
    rows = made[None][0]
    # The paths that changed are exercised: printed %s (one with no target of its own) and cuts a year.
    assert rows["reported_pct"].notna().sum() >= 17 and (rows["status_basis"] == "reported").any()
    assert (rows["change_unit"] != "").any() and rows["reported_quote"].ne("").any()


@pytest.mark.parametrize("hashed", [5_000, 0])
def test_keys_match_the_last_row_that_holds_them(monkeypatch: pytest.MonkeyPatch, hashed: int) -> None:
    monkeypatch.setattr(lookup, "_HASHED", hashed)
    right = pd.DataFrame({"code": ["A", "B", "A", "C"], "year": [2020, 2020, 2020, 2021]})
    left = pd.DataFrame({"code": ["A", "C", "C", "D", "B"], "year": [2020, 2020, 2021, 2020, 2020]})
    assert list(lookup.matches(left, right, ["code", "year"])) == [2, -1, 3, -1, 1]
    assert list(lookup.matches(left.iloc[0:0], right, ["code", "year"])) == []
    assert list(lookup.matches(left, right.iloc[0:0], ["code", "year"])) == [-1] * 5


@pytest.mark.parametrize("which", ["shipped", "later"])
@pytest.mark.parametrize("period", [("2015-2020", None), (None, 2019), (None, 2020), ("2020-2025", None)])
def test_the_counts_by_kind_equal_the_counts_made_by_pandas_filters(
    request: pytest.FixtureRequest, which: str, period: tuple[str | None, int | None]
) -> None:
    data: Dataset = request.getfixturevalue(which)
    chosen = report.parse_period(*period)
    results = facts.results_in(data, "106", chosen)
    stated = facts.stated_plans(data, "106", attainment.levels(data.observations), chosen)
    for plans in (stated, {**stated, 2019: (17, 17)}, None):
        counts = tally.by_kind(results, plans)
        assert counts == tally_reference.by_kind(results, plans)
        # Each indicator counted once per kind (a plan once per year): every row once() keeps.
        assert sum(c.n for c in counts) == (len(tally.once(results)) if not results.empty else 0)
    assert tally.by_kind(results.iloc[0:0], {2019: (3, 4)}) == tally_reference.by_kind(
        results.iloc[0:0], {2019: (3, 4)}
    )


def test_the_catalogues_rules_kept_are_each_indicators_own(seeded_reading: SeededReading) -> None:
    """Each indicator's rule read from the kept catalogue is the rule read from its own rows."""
    data = own_copy(seeded_reading.dataset)
    first, second, third, fourth = list(data.indicators["code"])[:4]
    rules = [
        (first, "ratio", second, third),
        (second, "weighted", "", third),
        (third, "none", "", ""),
        (fourth, "sum", "", ""),
        (fourth, "none", "", ""),  # a second row of one code: the first is its rule
        ("NOT_IN_THE_CATALOGUE", "sum", "", ""),
    ]
    table = pd.DataFrame(rules, columns=["code", "rule", "numerator", "denominator"]).assign(note="")
    data = replace(data, aggregation_rules=table)
    codes = [*data.indicators["code"], "NOT_IN_THE_CATALOGUE", "NOT_ANYWHERE"]
    kept = [aggregate.rule_for(data, code) for code in codes]
    assert kept == [aggregate._rule_alone(replace(data), code) for code in codes]
    assert [r.rule for r in kept[:4]] == [
        AggregationRule.RATIO,
        AggregationRule.WEIGHTED,
        AggregationRule.NONE,
        AggregationRule.SUM,
    ]
    assert kept[-2].rule is AggregationRule.SUM


def test_a_comparisons_records_are_made_once_and_the_table_changes_only_its_copies(shipped: Dataset) -> None:
    data = replace(shipped)
    codes = report_compare.codes_with_child_figures(data, "12", 2020)[:12]  # a dozen of the 69
    info = facts.catalogue(data, "vi")
    compared = report_compare._compared(data, "12", 2020, codes, info, "vi")
    assert len(compared) == len(codes) == 12
    for number, result in enumerate(compared, start=1):
        records = result.child_records
        assert result.child_records is records  # made once
        lines = report_compare._rows(data, result, info.loc[result.code], number, "đơn vị", "vi")
        assert len(lines) >= 2 and lines[0].group
        # The table set each listed unit's qualifier on its own copy: the records are the frame's still.
        assert len(records) == len(result.children)
        assert all(list(r) == list(result.children.columns) for r in records)  # no "qualifier" added
        if number <= 5:
            made, fresh = pd.DataFrame(list(records)), pd.DataFrame(result.children.to_dict("records"))
            pd.testing.assert_frame_equal(made, fresh, check_exact=True)
