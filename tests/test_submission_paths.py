"""Short cuts of a commune's submission, where nothing can differ: each gives what the general path gives."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import insert

from indicators.core.model import AREAS, OBSERVATIONS, TABLES, TARGETS, Dataset, Table, coerce
from indicators.excel import cells, diff, validate
from indicators.excel import workbook as excel
from indicators.excel import writer as xlsx_writer
from indicators.excel.sheets import Checker, Located
from indicators.excel.validate import Upload
from indicators.rounds import workflow
from indicators.store import scope
from indicators.store.database import Store
from indicators.store.round_tables import figure_locks
from indicators.text.i18n import msg
from tests.test_rounds import BINH_LU, TA_LENG, cheap_hashes, commune_frames, people, upload_of

__all__ = ["cheap_hashes", "people"]  # fixtures, used by name


def _same_change(a: diff.TableChange, b: diff.TableChange) -> None:
    pd.testing.assert_frame_equal(a.added, b.added)
    pd.testing.assert_frame_equal(a.removed, b.removed)
    pd.testing.assert_frame_equal(a.changed, b.changed)
    assert (a.changed_rows, a.unchanged) == (b.changed_rows, b.unchanged)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_a_table_left_alone_gives_the_frames_joining_it_would_give(data: Dataset, table: Table) -> None:
    frame = data.frame(table)
    short = diff._same_table(table, frame)
    joined = diff._table_change(table, frame.iloc[0:0], frame.iloc[0:0])
    _same_change(short, replace(joined, unchanged=len(frame)))
    assert short.unchanged == len(frame)


def test_a_table_empty_on_both_sides_is_not_joined_and_reads_as_the_join(
    data: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = replace(data, reported=data.reported.iloc[0:0])
    new = replace(old, reported=old.reported.copy(), targets=data.targets.iloc[1:])  # another object
    joined = {t.name: diff._table_change(t, old.frame(t), new.frame(t)) for t in TABLES}
    calls: list[str] = []
    general = diff._table_change

    def counted(table: Table, a: pd.DataFrame, b: pd.DataFrame) -> diff.TableChange:
        calls.append(table.name)
        return general(table, a, b)

    monkeypatch.setattr(diff, "_table_change", counted)
    preview = diff.compare(old, new)
    assert "reported" not in calls and "targets" in calls  # the removed target is still joined and found
    for name, change in preview.tables.items():
        _same_change(change, joined[name])
    assert len(preview.tables["targets"].removed) == 1


def test_an_empty_figure_sheet_keeps_the_current_table_only_when_adding(data: Dataset) -> None:
    upload = upload_of(data, {BINH_LU: {"TEA_AREA": 950.0}})
    assert upload.frames["targets"].empty and not data.targets.empty
    added = diff.merge(data, upload)
    assert added.targets is data.targets  # left alone: compare() then skips it
    general = coerce(TARGETS, diff._upsert(data.targets, upload.frames["targets"], list(TARGETS.key)))
    pd.testing.assert_frame_equal(added.targets, general)
    # Replacing pairs, the empty sheet still removes the targets of the pairs the file covers.
    own = data.targets.head(1).assign(code="TEA_AREA", area=BINH_LU)
    held = replace(data, targets=coerce(TARGETS, pd.concat([data.targets, own])))
    replaced = diff.merge(held, upload, mode="replace")
    assert len(own) == 1 and len(replaced.targets) == len(held.targets) - 1
    assert not ((replaced.targets["code"] == "TEA_AREA") & (replaced.targets["area"] == BINH_LU)).any()


def test_a_catalogue_carried_back_row_for_row_is_held_without_hashing_and_any_other_is_hashed(
    data: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    areas = data.areas
    shuffled = areas.iloc[::-1].reset_index(drop=True)  # the same rows in another order
    renamed = areas.copy()
    renamed.loc[renamed["code"] == TA_LENG, "name"] = "Xã Tả Lèng (đổi tên)"
    general = {
        "shuffled": diff._held(scope_table("areas"), areas, shuffled),
        "renamed": diff._held(scope_table("areas"), areas, renamed),
    }
    assert general == {"shuffled": True, "renamed": False}
    assert workflow._as_held(data, "areas", shuffled) and not workflow._as_held(data, "areas", renamed)

    def no_hash(*args: object, **kwargs: object) -> None:
        raise AssertionError("hashed")

    monkeypatch.setattr(pd.util, "hash_pandas_object", no_hash)
    assert diff._held(scope_table("areas"), areas, areas.copy())
    assert workflow._as_held(data, "areas", areas.copy())


def scope_table(name: str) -> Table:
    return next(t for t in TABLES if t.name == name)


def test_the_areas_the_submission_holds_refuse_as_the_stores_do(people: Store) -> None:
    data = people.load()
    with people.engine.connect() as conn:
        read = scope.current_areas(conn)
        held = data.areas[["code", "parent"]]
        assert sorted(map(tuple, read.values.tolist())) == sorted(map(tuple, held.values.tolist()))
        said = []
        for areas in (None, data.areas):
            with pytest.raises(scope.ScopeError) as refused:
                scope.check_areas(conn, "binhlu", [BINH_LU, TA_LENG], areas)
            said.append(refused.value.message.text("vi"))
            scope.check_areas(conn, "binhlu", [BINH_LU], areas)  # its own: no refusal
    assert said[0] == said[1] and TA_LENG in said[0]


def test_the_units_under_an_area_are_found_as_before(data: Dataset) -> None:
    areas = data.areas
    for root in ("12", "106", BINH_LU, "no such area"):
        found, todo = {root}, [root]
        while todo:  # the rule in its plainest words: a unit is under its parent's root
            parent = todo.pop()
            for code in areas.loc[areas["parent"] == parent, "code"]:
                if code not in found:
                    found.add(str(code))
                    todo.append(str(code))
        assert scope.descendants(areas, root) == found
    assert {BINH_LU, TA_LENG, "106"} <= scope.descendants(areas, "12")


def test_a_submission_through_the_short_cuts_sends_what_it_sent_before(people: Store) -> None:
    found = workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 12, 14))
    data = people.load()
    workflow.submit(people, "binhlu", upload_of(data, {BINH_LU: {"TEA_AREA": 950.0}}), current=data)
    sent = workflow.figure_keys(people, found.id)
    assert sent[["code", "area", "year"]].values.tolist() == [["TEA_AREA", BINH_LU, 2026]]
    # Another commune's row is refused by the areas the caller holds, as by the store's.
    with pytest.raises(scope.ScopeError):
        workflow.submit(people, "binhlu", upload_of(data, {TA_LENG: {"TEA_AREA": 1.0}}), current=data)
    assert len(workflow.sendings(people, found.id)) == 1


# The column checks' plain-list steps against the pandas steps they replace, on awkward cells.
CELLS = [" Thực hiện ", "ƯTH", "actual", None, float("nan"), 2020.0, 7, "", "  ", "sai chữ", date(2020, 1, 2)]


def _texts_by_pandas(values: pd.Series) -> pd.Series:
    if pd.api.types.infer_dtype(values, skipna=False) == "string":
        return pd.Series([v.strip() for v in values.to_numpy(dtype=object)], index=values.index, dtype=object)
    return values.map(cells.cell_text).astype(object)


def _vocabulary_by_pandas(loc: Located, column: str, chk: Checker) -> None:
    vocab = excel.vocabulary_map(loc.table.name, column)
    assert vocab is not None
    texts = _texts_by_pandas(loc.frame[column])
    lookup = {u: vocab.get(excel.fold(u)) for u in pd.unique(texts.to_numpy(dtype=object))}
    mapped = texts.map(lookup)
    allowed = ", ".join(excel.words_of(loc.table.name, column))
    bad = np.flatnonzero(mapped.isna().to_numpy())
    chk.at(loc, column, bad, msg("check.not_in_vocabulary", allowed=allowed))
    loc.frame[column] = mapped.where(mapped.notna(), texts)


def _located(table: Table, column: str, values: list[object], dtype: str | None) -> Located:
    frame = pd.DataFrame({column: pd.Series(values, dtype=dtype)})
    return Located(table, table.sheet, frame, np.arange(2, len(values) + 2), {column: 3}, {column: "Cột"})


@pytest.mark.parametrize(
    "values",
    [CELLS, [c for c in CELLS if isinstance(c, str)], ["actual"] * 40, []],
    ids=["mixed", "text", "all known", "empty"],
)
@pytest.mark.parametrize("table_column", sorted(excel.VOCABULARIES), ids="/".join)
def test_the_vocabulary_check_refuses_and_maps_as_the_pandas_steps_did(
    values: list[object], table_column: tuple[str, str]
) -> None:
    table = next(t for t in TABLES if t.name == table_column[0])
    column = table_column[1]
    dtypes = [None, "str"] if all(isinstance(v, str) for v in values) else [None]
    for dtype in dtypes:
        ours, theirs = _located(table, column, values, dtype), _located(table, column, values, dtype)
        ours_chk, theirs_chk = Checker(), Checker()
        cells._check_vocabulary(ours, column, ours_chk)
        _vocabulary_by_pandas(theirs, column, theirs_chk)
        # The same words (a canonical value as plain text); pandas' own steps left the column's
        # type to chance (text, objects, or float for no rows), which the store's typing evens out.
        assert [(type(v), v) for v in ours.frame[column]] == [(str, str(v)) for v in theirs.frame[column]]
        problems = [
            [(p.row, p.col, p.value, p.message("vi")) for p in c.problems] for c in (ours_chk, theirs_chk)
        ]
        assert problems[0] == problems[1]
        texts = ours.frame[column]
        pd.testing.assert_series_equal(cells.cell_texts(texts), _texts_by_pandas(texts), check_names=False)
    if values is CELLS and column == "kind":
        # The unknown words are refused at their cells; the known ones read as canonical values.
        assert [p.row for p in ours_chk.problems] == [5, 6, 7, 8, 9, 10, 11, 12]
        assert ours.frame[column].tolist()[:3] == ["actual", "estimate", "actual"]


def test_the_catalogue_an_upload_is_checked_against_is_the_files_rows_over_the_current_ones(
    data: Dataset,
) -> None:
    current = data.areas
    written = current.head(3).assign(name=["Một", "Hai", "Ba"]).astype(object)
    written = pd.concat([written, pd.DataFrame([{**written.iloc[0].to_dict(), "code": "99999"}])])
    loc = Located(AREAS, AREAS.sheet, written.reset_index(drop=True), np.arange(2, 6), {}, {})
    found = cells.effective(current, [loc])
    codes = set(written["code"])
    by_pandas = pd.concat([current[~current["code"].isin(written["code"])], written], ignore_index=True)
    pd.testing.assert_frame_equal(found, by_pandas)
    assert len(found) == len(current) + 1 and set(found["code"]) >= codes
    assert found.loc[found["code"] == current["code"].iloc[0], "name"].tolist() == ["Một"]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_a_table_empty_on_one_side_gives_what_the_join_gives(data: Dataset, table: Table) -> None:
    frame = data.frame(table).sample(frac=1.0, random_state=7).reset_index(drop=True)  # the key order lost
    if frame.empty:  # a table the shipped data leaves empty: two rows of its types, out of key order
        frame = coerce(table, pd.DataFrame({c: ["2", "1"] for c in table.columns}))
    for old, new in ((frame.iloc[0:0], frame), (frame, frame.iloc[0:0])):
        short = diff._one_sided(table, old, new)
        _same_change(short, diff._table_change(table, old, new))
        assert len(short.added) + len(short.removed) == len(frame)


def test_a_communes_first_figures_are_all_new_in_the_preview_without_a_join(
    data: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    upload = upload_of(data, {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 12.5}})
    against = workflow.scoped(data, {BINH_LU})
    assert against.observations.empty  # nothing held for the commune yet
    joined = diff._table_change(OBSERVATIONS, against.observations, diff.merge(against, upload).observations)

    def no_join(*args: object, **kwargs: object) -> None:
        raise AssertionError("joined")

    monkeypatch.setattr(diff, "_table_change", no_join)
    preview = diff.compare(against, diff.merge(against, upload))
    _same_change(preview.tables["observations"], joined)
    assert preview.tables["observations"].added[["code", "value"]].values.tolist() == [
        ["POV_RATE", 12.5],
        ["TEA_AREA", 950.0],
    ]
    assert preview.totals() == {"new": 2, "changed": 0, "removed": 0}


def _old_records(frame: pd.DataFrame) -> str:
    """The sending's figures as JSON, the way the pandas steps wrote them."""
    out = frame.astype(object).where(frame.notna(), None).to_dict("records")
    for record in out:
        for key, value in record.items():
            if isinstance(value, np.generic):
                record[key] = value.item()
    return json.dumps(out, ensure_ascii=False)


def test_a_sendings_figures_are_written_as_the_pandas_steps_wrote_them(data: Dataset) -> None:
    figures = data.observations.head(30)
    assert figures["base_year"].isna().any() and figures["base_year"].notna().any()
    odd = figures.assign(
        value=[float("nan"), *figures["value"].iloc[1:]], quote=["Chè “tốt”", *figures["quote"][1:]]
    )
    for frame in (figures, odd, figures.iloc[0:0]):
        assert workflow._records(frame) == _old_records(frame)
    assert json.loads(workflow._records(odd))[0]["value"] is None


def test_the_locks_read_for_a_submission_are_those_the_whole_read_finds(
    people: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = datetime(2026, 12, 1, tzinfo=UTC)
    # (code, area, year, kind, action): locked, unlocked, locked again; another area's; a kind apart
    events = [
        ("TEA_AREA", BINH_LU, 2026, "actual", "lock"),
        ("TEA_AREA", BINH_LU, 2026, "actual", "unlock"),
        ("POV_RATE", BINH_LU, 2026, "actual", "lock"),
        ("TEA_AREA", TA_LENG, 2026, "actual", "lock"),
        ("TEA_AREA", BINH_LU, 2026, "estimate", "lock"),
        ("TEA_AREA", BINH_LU, 2026, "actual", "lock"),
        ("POV_RATE", BINH_LU, 2026, "actual", "unlock"),
    ]
    base = {"account": "tinh", "at": at, "reason": "thử", "submission_id": None}
    rows = [dict(zip([*scope.FIGURE_KEY, "action"], e, strict=True)) | base for e in events]
    with people.engine.begin() as conn:
        conn.execute(insert(figure_locks), rows)
    sent = pd.DataFrame(
        [(c, BINH_LU, 2026, "actual") for c in ("TEA_AREA", "POV_RATE", "GRDP")], columns=scope.FIGURE_KEY
    )
    with people.engine.connect() as conn:
        whole = sent.merge(scope.locked(conn), on=scope.FIGURE_KEY)
        found = scope.locked_among(conn, sent)
        monkeypatch.setattr(scope, "NAMED_AT_MOST", 0)  # too many to name: every event read
        read_all = scope.locked_among(conn, sent)
    assert found.values.tolist() == whole.values.tolist() == [["TEA_AREA", BINH_LU, 2026, "actual"]]
    assert read_all.values.tolist() == found.values.tolist()
    with people.engine.connect() as conn:
        assert len(scope.locked(conn)) == 3  # Tả Lèng's and the estimate's too


def _observations(codes: list[str], areas: list[str]) -> Located:
    frame = pd.DataFrame({"code": codes, "area": areas, "year": 2026, "kind": "actual", "value": 1.0})
    return Located(
        OBSERVATIONS, "SoLieu", frame.astype(object), np.arange(2, len(codes) + 2), {"code": 1, "area": 2}, {}
    )


def test_unknown_codes_and_areas_are_refused_at_the_cells_the_pandas_steps_named(data: Dataset) -> None:
    codes, areas = set(data.indicators["code"]), set(data.areas["code"])
    loc = _observations(["TEA_AREA", "", "KHONG_CO", "POV_RATE"], [BINH_LU, "99999", "", "TD"])
    ours, theirs = Checker(), Checker()
    cells.check_references(loc, codes, areas, ours)
    frame = loc.frame
    bad_codes = np.flatnonzero(~frame["code"].isin(codes).to_numpy() & (frame["code"] != "").to_numpy())
    theirs.at(loc, "code", bad_codes, msg("check.unknown_code"))
    known = frame["area"].isin(areas).to_numpy() | (frame["area"] == "").to_numpy()
    theirs.at(loc, "area", np.flatnonzero(~known), msg("check.unknown_area"))
    said = [[(p.row, p.col, p.value, p.message("en")) for p in c.problems] for c in (ours, theirs)]
    assert said[0] == said[1]
    assert [(p.row, p.col, p.value) for p in ours.problems] == [
        (4, 1, "KHONG_CO"),
        (3, 2, "99999"),
        (5, 2, "TD"),
    ]


def test_old_area_codes_are_mapped_with_a_note_and_official_ones_left_alone() -> None:
    loc = _observations(["TEA_AREA"] * 3, ["TD", BINH_LU, "BINH_LU"])
    chk = Checker()
    cells.official_codes({"observations": [loc]}, chk)
    assert loc.frame["area"].tolist() == ["106", BINH_LU, BINH_LU]
    assert [(p.severity, p.message("en")) for p in chk.problems] == [
        ("warning", msg("check.legacy_area", pairs="BINH_LU → 03390, TD → 106").text("en"))
    ]
    plain = _observations(["TEA_AREA"], [BINH_LU])
    cells.official_codes({"observations": [plain]}, chk := Checker())
    assert plain.frame["area"].tolist() == [BINH_LU] and not chk.problems


@pytest.mark.parametrize(
    "values", [CELLS, ["GTSX", " ", "GTSX\u200b", ""], []], ids=["mixed", "hidden", "empty"]
)
def test_required_text_and_hidden_characters_are_refused_as_the_pandas_steps_did(
    values: list[object],
) -> None:
    ours, theirs = _located(AREAS, "code", values, None), _located(AREAS, "code", values, None)
    ours_chk, theirs_chk = Checker(), Checker()
    cells._check_required_text(ours, "code", ours_chk)
    cells._check_hidden(ours, "code", ours_chk)
    texts = _texts_by_pandas(theirs.frame["code"])
    theirs.frame["code"] = texts
    theirs_chk.at(theirs, "code", np.flatnonzero((texts == "").to_numpy()), msg("check.required_empty"))
    cells._check_hidden(theirs, "code", theirs_chk)
    pd.testing.assert_frame_equal(ours.frame, theirs.frame)
    problems = [[(p.row, p.value, p.message("vi")) for p in c.problems] for c in (ours_chk, theirs_chk)]
    assert problems[0] == problems[1]
    if "GTSX\u200b" in values:
        assert [p.words.key for p in ours_chk.problems] == ["check.required_empty"] * 2 + [
            "check.hidden_character"
        ]


def _sent_with(data: Dataset, **tables: pd.DataFrame) -> Upload:
    book = replace(commune_frames(data, {BINH_LU: {"TEA_AREA": 950.0}}), **tables)
    upload = validate.check(xlsx_writer.workbook_bytes(book), "xa.xlsx", data)
    assert upload.ok, validate.report_text(upload)
    return upload


def test_a_change_inside_a_table_the_short_cuts_pass_over_is_still_refused(people: Store) -> None:
    found = workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 12, 14))
    data = people.load()
    renamed = data.areas.copy()
    renamed.loc[renamed["code"] == TA_LENG, "name"] = "Xã Tả Lèng (đổi tên)"
    # A target for the commune, which holds none: the targets table is empty on the current side.
    target = data.targets.head(1).assign(code="TEA_AREA", area=BINH_LU, year=2026)
    for tables, sheet in (({"areas": renamed}, AREAS.sheet), ({"targets": target}, TARGETS.sheet)):
        upload = _sent_with(data, **tables)
        with pytest.raises(workflow.RoundError) as refused:
            workflow.submit(people, "binhlu", upload, current=data)
        assert refused.value.message.key == "rounds.figures_only"
        assert sheet in refused.value.message.text("vi")
    assert workflow.sendings(people, found.id).empty  # nothing was written
    preview = diff.compare(
        workflow.scoped(data, {BINH_LU}), diff.merge(workflow.scoped(data, {BINH_LU}), upload)
    )
    assert len(preview.tables["targets"].added) == 1 and len(preview.tables["observations"].added) == 1
