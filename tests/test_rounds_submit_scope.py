"""A commune's submission is checked against its own area's figures, and against the caller's current copy."""

from __future__ import annotations

import json
from dataclasses import replace

import pandas as pd
import pytest

from indicators.core.model import OBSERVATIONS, TABLES, coerce
from indicators.excel import diff, validate
from indicators.excel import writer as xlsx_writer
from indicators.rounds import review, workflow
from indicators.store.database import Store
from tests.support.reads import record_reads
from tests.test_rounds import BINH_LU, TA_LENG, cheap_hashes, opened, people, upload_of

__all__ = ["cheap_hashes", "people"]  # fixtures, used by name


def test_the_comparison_scoped_to_the_sent_areas_finds_the_same_changes_as_the_whole(store: Store) -> None:
    seed = store.load()
    # Tả Lèng holds figures of its own, which a submission of other areas never touches.
    own = pd.DataFrame(
        [
            {"code": "TEA_AREA", "area": TA_LENG, "year": y, "kind": "actual", "value": 400.0 + y % 10}
            for y in (2024, 2025)
        ]
    )
    data = replace(seed, observations=coerce(OBSERVATIONS, pd.concat([seed.observations, own])))
    old = data.observations.iloc[0]
    rows = pd.DataFrame(
        [
            {"code": "TEA_AREA", "area": BINH_LU, "year": 2026, "kind": "actual", "value": 950.0},
            {**old[list(OBSERVATIONS.columns)].to_dict(), "value": float(old["value"]) + 1},
        ]
    )
    sent = replace(data, observations=coerce(OBSERVATIONS, rows))
    upload = validate.check(xlsx_writer.workbook_bytes(sent), "xa.xlsx", data)
    assert upload.ok, validate.report_text(upload)
    whole = diff.compare(data, diff.merge(data, upload))
    part = workflow.scoped(data, {BINH_LU, str(old["area"])})
    assert len(part.observations) == len(data.observations) - 2  # Tả Lèng's rows are not in it
    narrow = diff.compare(part, diff.merge(part, upload))
    for name in ("observations", "targets", "reported", "indicators", "areas"):
        a, b = whole.tables[name], narrow.tables[name]
        pd.testing.assert_frame_equal(a.added.reset_index(drop=True), b.added.reset_index(drop=True))
        pd.testing.assert_frame_equal(a.removed.reset_index(drop=True), b.removed.reset_index(drop=True))
        pd.testing.assert_frame_equal(a.changed.reset_index(drop=True), b.changed.reset_index(drop=True))
        assert a.changed_rows == b.changed_rows
    assert len(whole.tables["observations"].added) == 1 and whole.tables["observations"].changed_rows == 1


def test_submit_uses_the_callers_copy_of_the_current_version_and_reads_none(
    people: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = opened(people)
    data = people.load()
    upload = upload_of(data, {BINH_LU: {"TEA_AREA": 950.0}})

    def no_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the current version was read again")

    monkeypatch.setattr(Store, "load", no_read)
    workflow.submit(people, "binhlu", upload, current=data)
    monkeypatch.undo()
    sent = workflow.figure_keys(people, found.id)
    assert sent[["code", "area", "year"]].values.tolist() == [["TEA_AREA", BINH_LU, 2026]]


def test_submit_without_a_copy_reads_the_catalogues_and_the_sent_areas_figures_alone(
    people: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = opened(people)
    upload = upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0}})
    read = record_reads(monkeypatch)
    monkeypatch.setattr(Store, "load", lambda *a, **k: pytest.fail("the whole store was read"))
    workflow.submit(people, "binhlu", upload)
    monkeypatch.undo()
    # Every area the workbook's tables name a row of: the commune's own, and those its catalogues carry.
    named = frozenset(a for f in upload.frames.values() if "area" in f.columns for a in f["area"].astype(str))
    assert BINH_LU in named
    scoped_reads = {name: areas for name, areas in read if areas is not None}
    assert set(scoped_reads) == {"observations", "targets", "reported"}
    assert all(areas == named for areas in scoped_reads.values())
    assert len(read) == len(TABLES)  # each table once
    sent = workflow.figure_keys(people, found.id)
    assert sent[["code", "area", "year"]].values.tolist() == [["TEA_AREA", BINH_LU, 2026]]


def test_submit_reads_the_store_when_the_callers_copy_is_of_another_version(people: Store) -> None:
    found = opened(people)
    data = people.load()
    typed = upload_of(data, {TA_LENG: {"TEA_AREA": 430.25}}).frames["observations"]
    whole = replace(data, observations=coerce(OBSERVATIONS, pd.concat([data.observations, typed])))
    template = validate.check(xlsx_writer.workbook_bytes(whole), "mau.xlsx", data)
    assert template.ok, validate.report_text(template)
    # Against this copy (another version, without figures) every row of the whole template would count
    # as typed, other areas' rows included, and be refused; the store's version is read instead.
    stale = replace(data, version=data.version - 1, observations=data.observations.iloc[0:0])
    workflow.submit(people, "taleng", template, current=stale)
    sent = workflow.figure_keys(people, found.id)
    assert sent[["code", "area", "year"]].values.tolist() == [["TEA_AREA", TA_LENG, 2026]]


def test_a_commune_workbook_carrying_the_catalogues_back_unchanged_is_not_merged_again(
    people: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = opened(people)
    upload = upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0}})
    assert {"indicators", "areas"} <= set(upload.frames)  # the catalogues came back with the figures

    def no_merge(*args: object, **kwargs: object) -> None:
        raise AssertionError("the whole workbook was merged again")

    monkeypatch.setattr(diff, "merge", no_merge)
    workflow.submit(people, "binhlu", upload)
    sent = workflow.figure_keys(people, found.id)
    assert sent[["code", "area", "year"]].values.tolist() == [["TEA_AREA", BINH_LU, 2026]]


def test_a_changed_catalogue_row_is_still_refused_by_its_sheet(people: Store) -> None:
    opened(people)
    data = people.load()
    renamed = data.indicators.copy()
    renamed.loc[renamed["code"] == "TEA_AREA", "name_vi"] = "Diện tích chè (đổi tên)"
    rows = pd.DataFrame(
        [{"code": "TEA_AREA", "area": BINH_LU, "year": 2026, "kind": "actual", "value": 950.0}]
    )
    book = replace(
        data,
        indicators=renamed,
        observations=coerce(OBSERVATIONS, rows),
        targets=data.targets.iloc[0:0],
        reported=data.reported.iloc[0:0],
    )
    upload = validate.check(xlsx_writer.workbook_bytes(book), "xa.xlsx", data)
    assert upload.ok, validate.report_text(upload)
    with pytest.raises(workflow.RoundError) as refused:
        workflow.submit(people, "binhlu", upload)
    assert refused.value.message.key == "rounds.figures_only"
    assert workflow.sendings(people, 1).empty


def test_a_catalogue_carried_back_unchanged_is_the_current_table_and_a_changed_one_is_still_found(
    store: Store,
) -> None:
    data = store.load()
    upload = upload_of(data, {BINH_LU: {"TEA_AREA": 950.0}})
    merged = diff.merge(data, upload)
    assert merged.areas is data.areas and merged.indicators is data.indicators
    preview = diff.compare(data, merged)
    areas = preview.tables["areas"]
    assert (len(areas.added), len(areas.removed), areas.changed_rows, areas.unchanged) == (
        0,
        0,
        0,
        len(data.areas),
    )
    joined = diff.compare(data, replace(data, areas=data.areas.copy())).tables["areas"]  # joined to a copy
    assert list(areas.added.columns) == list(joined.added.columns) and joined.unchanged == areas.unchanged
    assert len(preview.tables["observations"].added) == 1
    renamed = data.indicators.copy()
    renamed.loc[renamed["code"] == "TEA_AREA", "name_vi"] = "Diện tích chè (đổi tên)"
    changed = replace(upload, frames={**upload.frames, "indicators": renamed})
    found = diff.compare(data, diff.merge(data, changed)).tables["indicators"]
    assert (found.changed_rows, found.unchanged) == (1, len(data.indicators) - 1)
    assert found.changed[["code", "column", "new"]].values.tolist() == [
        ["TEA_AREA", "name_vi", "Diện tích chè (đổi tên)"]
    ]


def test_an_approval_reads_and_compares_the_sent_areas_figures_alone(
    people: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened(people)
    seed = people.load()
    # Tả Lèng holds figures of its own, which the approval of Bình Lư's must leave as they are.
    own = pd.DataFrame(
        [{"code": "TEA_AREA", "area": TA_LENG, "year": 2025, "kind": "actual", "value": 410.5}]
    )
    with_own = replace(seed, observations=coerce(OBSERVATIONS, pd.concat([seed.observations, own])))
    assert people.commit(with_own, account="tinh").version == 2
    before = people.load()
    upload = upload_of(before, {BINH_LU: {"TEA_AREA": 950.0}})
    workflow.submit(people, "binhlu", upload, current=before)
    expected = diff.merge(before, replace(upload, frames={"observations": upload.frames["observations"]}))
    read = record_reads(monkeypatch)
    monkeypatch.setattr(Store, "load", lambda *a, **k: pytest.fail("the whole store was read"))
    done = review.review(people, "tinh", BINH_LU, 2026, "approve")
    monkeypatch.undo()
    assert {name: areas for name, areas in read if areas is not None} == {
        name: frozenset({BINH_LU}) for name in ("observations", "targets", "reported")
    }
    assert done.version == 3
    after = people.load()
    for model in TABLES:  # the same version as merging into the whole store and committing it
        merged = expected.frame(model).sort_values(list(model.key), kind="stable").reset_index(drop=True)
        pd.testing.assert_frame_equal(after.frame(model), merged)
    assert (
        TA_LENG in set(after.observations["area"]) and len(after.observations) == len(before.observations) + 1
    )
    counts = json.loads(people.versions()["counts"].iloc[-1])
    assert counts == {**after.counts(), "added": 1, "removed": 0}
