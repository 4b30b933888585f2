"""The pages' one cache decorator: one computation per data version and arguments; a new version, another."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from dashboard import state
from dashboard.cache import per_version
from indicators.core.model import Dataset

pytestmark = pytest.mark.usefixtures("store", "fresh_caches")

calls: list[tuple[str, int, tuple[object, ...]]] = []


@per_version(4)
def total(data: Dataset, code: str) -> pd.DataFrame:
    calls.append(("total", data.version, (code,)))
    rows = data.observations[data.observations["code"] == code]
    return pd.DataFrame({"code": [code], "value": [float(rows["value"].sum())]})


@per_version(4)
def count(data: Dataset, code: str) -> pd.DataFrame:
    calls.append(("count", data.version, (code,)))
    return pd.DataFrame({"code": [code], "value": [float((data.observations["code"] == code).sum())]})


@per_version(4)
def shown(data: Dataset, code: str, *, _rows: pd.DataFrame) -> int:
    calls.append(("shown", data.version, (code, len(_rows))))
    return len(_rows)


@per_version(2, shared=False)
def label(version: int, lang: str) -> str:
    calls.append(("label", version, (lang,)))
    return f"{lang}:{version}"


@pytest.fixture(autouse=True)
def no_calls() -> None:
    calls.clear()


def test_one_computation_per_version_and_arguments(seed_data: Dataset) -> None:
    first = total(seed_data, "GTSX")
    again = total(seed_data, "GTSX")
    assert calls == [("total", 1, ("GTSX",))]
    gtsx = seed_data.observations.loc[seed_data.observations["code"] == "GTSX", "value"]
    assert len(gtsx) > 1  # a sum of several figures, so the number below says something
    assert first["value"].tolist() == again["value"].tolist() == [float(gtsx.sum())]
    total(seed_data, "TEA_AREA")  # other arguments: computed once more
    assert [c[2] for c in calls] == [("GTSX",), ("TEA_AREA",)]


def test_a_new_version_recomputes(seed_data: Dataset) -> None:
    total(seed_data, "GTSX")
    newer = replace(seed_data, version=2)
    newer.observations.loc[newer.observations["code"] == "GTSX", "value"] = 1.0
    assert total(newer, "GTSX")["value"].tolist() == [float((newer.observations["code"] == "GTSX").sum())]
    assert [c[:2] for c in calls] == [("total", 1), ("total", 2)]
    # The version is the key, not the frames: the same version number is not computed again.
    total(seed_data, "GTSX")
    assert len(calls) == 2


def test_each_function_keeps_its_own_cache(seed_data: Dataset) -> None:
    # Same arguments, same version: two functions, two computations, two different answers.
    assert (
        total(seed_data, "NTM_COMMUNES")["value"].tolist()
        != count(seed_data, "NTM_COMMUNES")["value"].tolist()
    )
    assert [c[0] for c in calls] == ["total", "count"]


def test_a_reader_changing_its_copy_changes_its_own(seed_data: Dataset) -> None:
    mine = total(seed_data, "GTSX")
    mine.loc[0, "value"] = -1.0
    mine["extra"] = 1
    theirs = total(seed_data, "GTSX")
    assert theirs["value"].tolist() != [-1.0] and "extra" not in theirs
    assert len(calls) == 1


def test_an_underscored_argument_is_handed_on_but_not_keyed(seed_data: Dataset) -> None:
    rows = seed_data.observations
    assert shown(seed_data, "GTSX", _rows=rows) == len(rows)
    assert shown(seed_data, "GTSX", _rows=rows.head(3)) == len(rows)  # settled by version and code
    assert len(calls) == 1


def test_a_version_number_may_be_the_key(store: object) -> None:
    assert label(1, "vi") == label(1, "vi") == "vi:1"
    assert label(2, "vi") == "vi:2"
    assert [c[1] for c in calls] == [1, 2]
    assert state.store().current_version() == 1  # the store the keys are taken from
