"""The merge and preview give, table by table, what the pandas steps they short-cut gave (tests/support)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from bench import rounds as synthetic
from indicators.core.model import OBSERVATIONS, TABLES, Dataset, coerce
from indicators.excel import diff
from indicators.excel.validate import Upload, report_text
from indicators.rounds import workflow
from indicators.store import scope
from tests.support import books
from tests.support import diff_reference as reference

BINH_LU, TA_LENG = "03390", "03405"


def _same_frame(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(ours, theirs, check_index_type=True, check_column_type=True)
    assert ours.columns.dtype == theirs.columns.dtype and type(ours.index) is type(theirs.index)


def _same_preview(ours: diff.Preview, theirs: diff.Preview) -> None:
    assert list(ours.tables) == list(theirs.tables)
    for name, change in ours.tables.items():
        other = theirs.tables[name]
        for part in ("added", "removed", "changed"):
            _same_frame(getattr(change, part), getattr(other, part))
        assert (change.changed_rows, change.unchanged) == (other.changed_rows, other.unchanged), name
    pd.testing.assert_frame_equal(ours.counts(), theirs.counts())
    pd.testing.assert_frame_equal(ours.rows(), theirs.rows())


def _checked(sent: Dataset, against: Dataset) -> Upload:
    upload = books.checked(books.workbook_bytes(sent), "xa.xlsx", against)
    assert upload.ok, report_text(upload)
    return upload


def _as_before(against: Dataset, upload: Upload) -> dict[str, diff.Preview]:
    """Each mode's merge and preview by both paths, proved equal; the previews by mode."""
    previews: dict[str, diff.Preview] = {}
    for mode in diff.MODES:
        ours, theirs = diff.merge(against, upload, mode), reference.merge(against, upload, mode)
        for table in TABLES:
            _same_frame(ours.frame(table), theirs.frame(table))
            # A table left alone is the current one itself in both: compare() passes over it alike.
            kept = ours.frame(table) is against.frame(table)
            assert kept == (theirs.frame(table) is against.frame(table)), table.name
        previews[mode] = diff.compare(against, ours)
        _same_preview(previews[mode], reference.compare(against, theirs))
    return previews


def _commune(data: Dataset, figures: dict[str, float], area: str = BINH_LU) -> Dataset:
    """The shipped catalogue with one commune's figures: what a commune fills in and sends."""
    rows = pd.DataFrame({"code": list(figures), "area": area, "year": 2026, "kind": "actual"})
    return replace(
        data,
        observations=coerce(OBSERVATIONS, rows.assign(value=list(figures.values()))),
        targets=data.targets.iloc[0:0],
        reported=data.reported.iloc[0:0],
    )


def _one_figure_changed(data: Dataset) -> Dataset:
    obs = data.observations.copy()
    obs.loc[obs.index[3], "value"] = float(obs["value"].iloc[3]) + 1.0
    return replace(data, observations=obs)


def _area_renamed(data: Dataset) -> Dataset:
    areas = data.areas.copy()
    first = areas.index[areas["code"] == TA_LENG][0]  # the code names the former unit and the new one
    areas.loc[first, "name"] = "Xã Tả Lèng (đổi tên)"
    return replace(data, areas=areas)


def _rows_removed(data: Dataset) -> Dataset:
    """Two figures gone, each of a pair (indicator, area) that keeps others: replacing removes them."""
    obs = data.observations
    pair = obs["code"] + "|" + obs["area"]
    kept_others = pair.duplicated(keep="last")  # a pair's every row but its last
    gone = obs.index[kept_others.to_numpy()][[0, 7]]
    return replace(data, observations=obs.drop(gone).reset_index(drop=True), targets=data.targets.iloc[5:])


SHIPPED: dict[str, Callable[[Dataset], Dataset]] = {
    "unchanged": lambda data: data,
    "one figure changed": _one_figure_changed,
    "an area renamed": _area_renamed,
    "rows removed": _rows_removed,
}


@pytest.mark.parametrize("edit", SHIPPED.values(), ids=list(SHIPPED))
def test_the_shipped_data_sent_back_merges_and_compares_as_before(data: Dataset, edit: Callable) -> None:
    sent = edit(data)
    previews = _as_before(data, _checked(sent, data))
    totals = {mode: preview.totals() for mode, preview in previews.items()}
    # The edits themselves, counted: the short cuts saw the same rows as the joins.
    if sent is data:
        assert previews["add"].empty and previews["replace"].empty
    elif sent.areas is not data.areas:
        assert previews["add"].tables["areas"].changed_rows == 1
        assert totals["add"] == {"new": 0, "changed": 1, "removed": 0}
    elif len(sent.observations) < len(data.observations):
        assert totals["add"]["removed"] == 0 and len(sent.observations) == len(data.observations) - 2
        assert len(previews["replace"].tables["observations"].removed) == 2
    else:
        assert totals["add"] == totals["replace"] == {"new": 0, "changed": 1, "removed": 0}


@pytest.mark.parametrize(
    "figures",
    [{"TEA_AREA": 950.0, "POV_RATE": 12.5}, {"TEA_AREA": 950.0}],
    ids=["two figures", "one figure"],
)
def test_a_communes_figures_merge_and_compare_as_before_scoped_or_whole(
    data: Dataset, figures: dict[str, float]
) -> None:
    sent = _commune(data, figures)
    for against in (workflow.scoped(data, scope.descendants(data.areas, BINH_LU)), data):
        previews = _as_before(against, _checked(sent, against))
        assert previews["add"].totals()["new"] == len(figures)
    # Twice in a row, and the kept frames of no rows are nobody's to change: a column put on one
    # preview's frame is on no later preview's.
    against = workflow.scoped(data, scope.descendants(data.areas, BINH_LU))
    first = diff.compare(against, diff.merge(against, _checked(sent, against)))
    first.tables["areas"].added["extra"] = 1
    first.tables["targets"].changed["extra"] = 1
    first.tables["observations"].removed["extra"] = 1
    _as_before(against, _checked(sent, against))


def test_frames_of_other_types_are_not_given_the_first_types_frames(data: Dataset) -> None:
    as_read = Dataset(**{t.name: data.frame(t).astype(object) for t in TABLES})
    for old in (data, as_read, data):  # typed, then every column as objects, then typed again
        for new in (old, replace(old, observations=old.observations.iloc[0:0])):
            _same_preview(diff.compare(old, new), reference.compare(old, new))
    assert diff.compare(as_read, as_read).tables["areas"].added.dtypes.tolist() == [object] * 6


def _national(scale: float) -> tuple[Dataset, str, list[str]]:
    """bench/rounds.py's country at `scale`, as bench/round_pages.py commits it, and a commune of it."""
    communes = max(10, int(synthetic.COMMUNES * scale))
    children, sent, figures, expected = synthetic.build(communes, synthetic.INDICATORS)
    areas = pd.DataFrame({"code": ["P", *children["code"]], "name": ["Tỉnh P", *children["name"]]})
    areas = areas.assign(
        level=["province"] + ["commune"] * len(children), parent=["", *["P"] * len(children)]
    )
    indicators = pd.DataFrame({"code": expected, "name_vi": expected, "name_en": expected, "unit": "ha"})
    indicators = indicators.assign(domain="economy", direction="higher", value_kind="level")
    approved = sent[sent["state"] == "approved"][["row_id", "area"]].merge(figures, on="row_id")
    rows = approved.assign(year=2026, kind="actual", value=1.0).drop(columns="row_id")
    data = Dataset.from_frames({"areas": areas, "indicators": indicators, "observations": rows}, version=2)
    quiet = sent.loc[sent["state"] == "pending", "area"].iloc[0]
    return data, str(quiet), expected


@pytest.mark.slow  # big data: the national synthetic set, a second and more
def test_the_national_benchmarks_upload_merges_and_compares_as_before() -> None:
    data, commune, codes = _national(0.1)
    assert len(data.areas) == 333 and len(data.observations) > 4000
    approved = data.observations["area"].iloc[0]  # a commune whose figures the store holds
    for area, value in ((commune, 2.5), (approved, 2.5), (approved, 1.0)):
        rows = pd.DataFrame({"code": codes, "area": area, "year": 2026, "kind": "actual", "value": value})
        sent = replace(data, observations=coerce(OBSERVATIONS, rows))
        for against in (workflow.scoped(data, scope.descendants(data.areas, area)), data):
            previews = _as_before(against, _checked(sent, against))
            held = int((against.observations["area"] == area).sum())
            changed = held if value != 1.0 else 0  # the store holds 1.0 for every figure it holds
            assert previews["add"].totals() == {"new": 40 - held, "changed": changed, "removed": 0}


def test_a_kept_frame_of_no_rows_holds_nothing_of_the_frame_it_was_made_for() -> None:
    values = np.arange(1_000_000, dtype="float64")
    big = pd.DataFrame({"a column no table has": values}, copy=False)
    assert np.shares_memory(big["a column no table has"].to_numpy(), values)
    held = weakref.ref(values)
    made = diff._no_rows("alone", (big,), lambda frame: frame.iloc[0:0].reset_index(drop=True))
    assert made.columns.tolist() == ["a column no table has"] and made.dtypes.tolist() == ["float64"]
    del values, big
    gc.collect()
    assert held() is None  # what the preview keeps for the next one lets the large frame go


def test_a_frame_numbered_by_labels_is_compared_as_the_joins_did(data: Dataset) -> None:
    labelled = data.areas.set_axis([f"r{i}" for i in range(len(data.areas))], axis=0)
    old = replace(data, areas=labelled)
    for new in (old, replace(old, areas=labelled.iloc[0:0]), replace(old, areas=labelled.iloc[::-1])):
        _same_preview(diff.compare(old, new), reference.compare(old, new))
        _same_preview(diff.compare(new, old), reference.compare(new, old))
