"""The comparison reads the source's qualifiers and yearless figures once a year, as each indicator would."""

from __future__ import annotations

from indicators.core.model import Dataset
from indicators.report.compare_text import Marks


def _one_by_one(data: Dataset, code: str, year: int) -> tuple[dict[str, str], set[str]]:
    """One indicator's qualifiers and yearless areas, read from the observations as they stand."""
    obs = data.observations
    same = (obs["code"] == code) & (obs["year"] == year)
    said = obs[same & (obs["qualifier"] != "")]
    unstated = obs[same & obs["period_unstated"]]
    return dict(zip(said["area"], said["qualifier"], strict=True)), set(unstated["area"].astype(str))


def test_the_years_marks_are_each_indicators_own(data: Dataset) -> None:
    obs = data.observations
    qualified = yearless = 0
    for year in sorted(set(obs["year"].astype(int))):
        marks = Marks.of(data, year)
        for code in sorted(set(obs["code"].astype(str))):
            said, unstated = _one_by_one(data, code, year)
            assert (marks.qualifiers(code), marks.yearless(code)) == (said, unstated), (code, year)
            qualified += len(said)
            yearless += len(unstated)
    # The source holds both kinds of mark: the comparison above is over real ones, not empty dicts.
    assert qualified > 0 and yearless > 0


def test_a_change_to_the_marks_read_leaves_the_years_marks_as_they_were(data: Dataset) -> None:
    year = int(data.observations.loc[data.observations["qualifier"] != "", "year"].iloc[0])
    marks = Marks.of(data, year)
    code = next(iter(marks.said))
    marks.qualifiers(code).clear()
    marks.yearless(code).add("00000")
    assert marks.qualifiers(code) == _one_by_one(data, code, year)[0]
    assert "00000" not in marks.yearless(code)
