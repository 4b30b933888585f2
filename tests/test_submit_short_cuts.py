"""A sending's short cuts (area tree, locks and typed rows without frames, one transaction) as before."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import event, insert

from bench import round_pages
from bench import rounds as synthetic
from indicators.core.model import OBSERVATIONS, Dataset, coerce
from indicators.excel import validate
from indicators.excel.sheets import Problem
from indicators.rounds import review, workflow
from indicators.store import scope
from indicators.store.database import Store
from indicators.store.round_tables import figure_locks
from indicators.text.i18n import msg
from tests.support import books, sending_reference
from tests.test_rounds import BINH_LU, TA_LENG, add_people, cheap_hashes, commune_frames, people, upload_of

__all__ = ["cheap_hashes", "people"]  # fixtures, used by name


def national_areas(communes: int, districts: int = 0) -> pd.DataFrame:
    """The benchmark's areas (bench/rounds.py): province "P" and its communes, with `districts` between
    them; the first commune also lay under the last district once (a unit moved between parents)."""
    children, _sent, _figures, _expected = synthetic.build(communes, 1)
    codes = children["code"].tolist()
    middle = [f"D{i}" for i in range(districts)]
    parents = [middle[i % districts] if districts else "P" for i in range(len(codes))]
    rows = pd.DataFrame({"code": ["P", *middle, *codes], "parent": ["", *["P"] * districts, *parents]})
    if districts:
        rows = pd.concat([rows, pd.DataFrame({"code": [codes[0]], "parent": [middle[-1]]})])
    return rows.reset_index(drop=True)


def same_as_descendants(areas: pd.DataFrame, roots: list[str]) -> None:
    tree = scope.AreaTree(areas)
    codes = sorted(set(areas["code"].astype(str)))
    for root in roots:
        under = scope.descendants(areas, root)
        assert {c for c in [*codes, root] if tree.holds(root, c)} == under, root
        asked = [*codes[:50], "no such area", root]
        assert tree.outside(root, asked) == scope.outside(areas, root, asked), root


def test_the_area_tree_holds_what_descendants_finds_on_the_shipped_areas(data: Dataset) -> None:
    areas = data.areas
    codes = sorted(set(areas["code"].astype(str)))
    same_as_descendants(areas, [*codes, "no such area", ""])
    # As the store's rows come (plain objects), and with gaps where a parent is missing.
    plain = areas[["code", "parent"]].astype(object)
    plain.loc[plain["code"] == "12", "parent"] = None
    gaps = areas.assign(parent=areas["parent"].where(areas["code"] != "106"))
    for other in (plain, gaps):
        same_as_descendants(other, [*codes, "None", "nan", ""])
    tree = scope.AreaTree(areas)
    # A commune of the former district lay under 106 and lies under the province: both hold it.
    assert tree.holds("106", "03390") and tree.holds("12", "03390") and not tree.holds(TA_LENG, BINH_LU)
    assert tree.outside(BINH_LU, [BINH_LU, TA_LENG, "12"]) == [TA_LENG, "12"]


@pytest.mark.parametrize("districts", [0, 7])
def test_the_area_tree_holds_what_descendants_finds_on_the_national_areas(districts: int) -> None:
    areas = national_areas(synthetic.COMMUNES, districts)
    assert len(areas) >= synthetic.COMMUNES + 1
    codes = areas["code"].tolist()
    same_as_descendants(areas, ["P", "", "no such area", *codes[1:12], *codes[-5:]])
    if districts:
        first = codes[districts + 1]
        assert {d for d in codes[1 : districts + 1] if scope.AreaTree(areas).holds(d, first)} == {"D0", "D6"}


def round_or_refusal(find: Callable[[], workflow.Round]) -> int | str:
    try:
        return find().id
    except workflow.RoundError as refused:
        return refused.message.text("vi")


def test_the_round_found_is_the_one_descendants_found(people: Store) -> None:
    found = [
        workflow.open_round(people, "tinh", 2025, "106", "TEA_AREA", date(2025, 12, 14), operator=True),
        workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 12, 14)),
        workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 6, 14), half=1),
        workflow.open_round(people, "tinh", 2026, "106", "POV_RATE", date(2026, 12, 14), operator=True),
    ]
    held = workflow.rounds(people)
    assert [r.id for r in held] == [r.id for r in found]
    areas = people.load().areas
    asked = [(y, h) for y in (2025, 2026, 2027) for h in (None, 1, 2)]
    answers = []
    for area in [*sorted(set(areas["code"].astype(str))), "no such area"]:
        for year, half in asked:
            answer = [
                round_or_refusal(lambda: workflow.find_round(people, year, area, half, areas)),  # noqa: B023
                round_or_refusal(lambda: sending_reference.find_round(held, year, area, half, areas)),  # noqa: B023
            ]
            assert answer[0] == answer[1], (area, year, half)
            answers.append(answer[0])
    # The newest round of the period holding the area: 106's own round of 2026 for its former communes.
    assert workflow.find_round(people, 2026, "03390", areas=areas).id == found[3].id
    others = scope.descendants(areas, "12") - scope.descendants(areas, "106") - {"12"}
    assert others and {workflow.find_round(people, 2026, a, areas=areas).id for a in others} == {found[1].id}
    assert {a for a in answers if isinstance(a, int)} == {r.id for r in found}


def lock_events(store: Store, events: list[tuple[str, str, int, str, str]]) -> None:
    base = {
        "account": "tinh",
        "at": datetime(2026, 12, 1, tzinfo=UTC),
        "reason": "thử",
        "submission_id": None,
    }
    rows = [dict(zip([*scope.FIGURE_KEY, "action"], e, strict=True)) | base for e in events]
    with store.engine.begin() as conn:
        conn.execute(insert(figure_locks), rows)


def test_the_locked_figures_among_a_sending_are_those_the_merge_found(
    people: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = [
        ("TEA_AREA", BINH_LU, 2026, "actual"),
        ("POV_RATE", BINH_LU, 2026, "actual"),
        ("TEA_AREA", TA_LENG, 2026, "actual"),
        ("TEA_AREA", BINH_LU, 2026, "estimate"),
        ("GRDP", BINH_LU, 2025, "actual"),
    ]
    # A figure sent twice, locks out of order, a figure locked and unlocked, one never locked.
    sent = [keys[1], keys[0], keys[2], keys[0], keys[4], keys[3], keys[1]]
    plain = pd.DataFrame(sent, columns=scope.FIGURE_KEY)  # as the closed rows of a commit are read
    typed = coerce(OBSERVATIONS, plain.assign(value=1.0))  # as a sending's figures are typed
    frames = [plain, typed, typed.iloc[[0, 2, 4]], typed.iloc[0:0], plain.iloc[0:0]]
    found: list[pd.DataFrame] = []

    def each_as_before() -> None:
        with people.engine.connect() as conn:
            for frame in frames:
                new, old = scope.locked_among(conn, frame), sending_reference.locked_among(conn, frame)
                pd.testing.assert_frame_equal(new, old)
                # The keys a sending checks: the same figures, in the same order, named in the same words.
                keys = scope.locked_keys(conn, frame)
                assert keys == [tuple(row) for row in old.values.tolist()]
                assert scope.figure_names(keys) == scope.figure_names(old)
                found.append(new)

    each_as_before()  # no lock yet
    assert all(f.empty for f in found)
    lock_events(people, [(*keys[0], "lock"), (*keys[1], "lock"), (*keys[2], "lock"), (*keys[1], "unlock")])
    lock_events(people, [(*keys[3], "lock"), (*keys[0], "unlock"), (*keys[0], "lock")])
    found.clear()
    each_as_before()
    monkeypatch.setattr(scope, "NAMED_AT_MOST", 0)  # too many to name: every event read
    each_as_before()
    wanted = [list(keys[0]), list(keys[2]), list(keys[3])]
    assert found[0].values.tolist() == wanted and found[1].values.tolist() == wanted
    assert found[0].index.tolist() == [0, 1, 3]  # the merged rows' positions, the repeat left out
    assert found[2].values.tolist() == [list(keys[2])]
    assert scope.figure_names(found[0]) == f"TEA_AREA · {BINH_LU} · 2026 (actual), " + ", ".join(
        f"TEA_AREA · {a} · 2026 ({k})" for a, k in ((TA_LENG, "actual"), (BINH_LU, "estimate"))
    )


def test_a_sending_takes_one_connection_and_writes_what_it_wrote(people: Store) -> None:
    found = workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA,POV_RATE", date(2026, 12, 14))
    data = people.load()
    upload = upload_of(data, {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 8.0}})
    opened: list[object] = []

    def count(conn: object) -> None:
        opened.append(conn)

    event.listen(people.engine, "engine_connect", count)
    try:
        first = workflow.submit(people, "binhlu", upload, current=data)
        assert len(opened) == 1  # the version, the account, the rounds, the locks and the write in one
        second = workflow.submit(people, "binhlu", upload, current=data)
        assert len(opened) == 2
    finally:
        event.remove(people.engine, "engine_connect", count)
    sendings = workflow.sendings(people, found.id)
    assert sendings[["row_id", "area", "state", "submitted_by"]].values.tolist() == [
        [first, BINH_LU, "replaced", "binhlu"],
        [second, BINH_LU, "pending", "binhlu"],
    ]
    with people.engine.connect() as conn:  # the state a sending reads of the last: the whole row's
        whole = workflow.latest_sending(conn, found.id, BINH_LU)
        state = workflow.latest_sending(conn, found.id, BINH_LU, ("row_id", "state"))
        assert tuple(state) == (whole.row_id, whole.state) == (second, "pending")
        assert workflow.latest_sending(conn, found.id, TA_LENG, ("row_id", "state")) is None
    keys = workflow.figure_keys(people, found.id)
    assert sorted(keys[keys["row_id"] == second][["code", "area", "year"]].values.tolist()) == [
        ["POV_RATE", BINH_LU, 2026],
        ["TEA_AREA", BINH_LU, 2026],
    ]


def sent_as_before(current: Dataset, upload: validate.Upload) -> pd.DataFrame | str:
    """The typed figures (or the refusal) of the short cut, proved equal to the whole comparison's."""
    said: list[pd.DataFrame | str] = []
    for only in (workflow._only_figures, sending_reference.only_figures):
        try:
            said.append(only(current, upload))
        except workflow.RoundError as refused:
            said.append(refused.message.text("vi"))
    new, old = said
    if isinstance(new, str) or isinstance(old, str):
        assert new == old
    else:
        pd.testing.assert_frame_equal(new, old)
    return new


def checked(book: Dataset, against: Dataset) -> validate.Upload:
    upload = books.checked(books.workbook_bytes(book), "xa.xlsx", against)
    assert upload.ok, validate.report_text(upload)
    return upload


def test_the_figures_a_commune_typed_are_those_the_whole_comparison_kept_on_the_shipped_data(
    seed_data: Dataset,
) -> None:
    data = seed_data
    first = sent_as_before(data, upload_of(data, {BINH_LU: {"TEA_AREA": 950.0}}))
    assert isinstance(first, pd.DataFrame)
    assert first[["code", "area", "year", "value"]].values.tolist() == [["TEA_AREA", BINH_LU, 2026, 950.0]]
    # The whole template sent back, one figure typed into it and one held figure corrected.
    held = data.observations.iloc[0]
    typed = pd.DataFrame(
        [
            {"code": "TEA_AREA", "area": TA_LENG, "year": 2026, "kind": "actual", "value": 430.25},
            {**held[list(OBSERVATIONS.columns)].to_dict(), "value": float(held["value"]) + 1},
        ]
    )
    rows = pd.concat([data.observations.iloc[1:], typed])
    whole = sent_as_before(data, checked(replace(data, observations=coerce(OBSERVATIONS, rows)), data))
    assert isinstance(whole, pd.DataFrame)
    assert sorted(whole["area"]) == sorted([TA_LENG, str(held["area"])]) and len(whole) == 2
    # Held figures alone (targets and reported too): nothing typed.
    assert isinstance(again := sent_as_before(data, checked(data, data)), pd.DataFrame) and again.empty
    # A catalogue changed: refused by its sheet, as before.
    renamed = data.indicators.copy()
    renamed.loc[renamed["code"] == "TEA_AREA", "name_vi"] = "Diện tích chè (đổi tên)"
    refused = sent_as_before(data, checked(replace(data, indicators=renamed), data))
    assert isinstance(refused, str) and "Diện tích chè" not in refused


def test_the_figures_a_commune_typed_are_those_the_whole_comparison_kept_on_the_national_data(
    store_url: str,
) -> None:
    store, commune = round_pages.national_store(store_url, 60)
    current = store.load()
    area = str(commune["code"].iloc[0])
    for own_areas in (False, True):
        upload = validate.check(round_pages.commune_book(store, commune, own_areas), "xa.xlsx", current)
        assert upload.ok, validate.report_text(upload)
        fresh = sent_as_before(current, upload)
        assert isinstance(fresh, pd.DataFrame) and set(fresh["area"]) == {area}
        assert len(fresh) == len(commune["expected"].iloc[0]) == synthetic.INDICATORS
    # An approved commune sends its figures again, two of them changed: those two alone are typed.
    approved = current.observations[current.observations["area"] != area]
    other = approved[approved["area"] == approved["area"].iloc[0]]
    rows = other.assign(value=[5.0, 6.0, *other["value"].iloc[2:]])
    again = replace(current, observations=coerce(OBSERVATIONS, rows))
    typed = sent_as_before(current, checked(replace(again, targets=again.targets.iloc[0:0]), current))
    assert isinstance(typed, pd.DataFrame)
    assert typed[["code", "value"]].values.tolist() == [
        [other["code"].iloc[0], 5.0],
        [other["code"].iloc[1], 6.0],
    ]
    sent_id = workflow.submit(store, round_pages.REPORTER, upload, current=current)
    keys = workflow.figure_keys(store, 1)
    assert len(keys[keys["row_id"] == sent_id]) == synthetic.INDICATORS


def test_a_sending_of_a_locked_figure_is_refused_by_name_and_writes_nothing(people: Store) -> None:
    found = workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA,POV_RATE", date(2026, 12, 14))
    lock_events(
        people, [("TEA_AREA", BINH_LU, 2026, "actual", "lock"), ("POV_RATE", BINH_LU, 2026, "actual", "lock")]
    )
    lock_events(people, [("POV_RATE", BINH_LU, 2026, "actual", "unlock")])
    data = people.load()
    upload = upload_of(data, {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 8.0}})
    with pytest.raises(scope.LockedError) as refused:
        workflow.submit(people, "binhlu", upload, current=data)
    assert f"TEA_AREA · {BINH_LU} · 2026 (actual)" in refused.value.message.text("vi")
    assert "POV_RATE" not in refused.value.message.text("en")
    assert workflow.sendings(people, found.id).empty
    lock_events(people, [("TEA_AREA", BINH_LU, 2026, "actual", "unlock")])
    sent = workflow.submit(people, "binhlu", upload, current=data)
    assert workflow.sendings(people, found.id)["row_id"].tolist() == [sent]


def refusal(store: Store, account: str, upload: validate.Upload, half: int | None = None) -> str:
    """The key of the message `submit` refuses with; the sendings as they were."""
    before = [workflow.sendings(store, r.id)["row_id"].tolist() for r in workflow.rounds(store)]
    with pytest.raises((workflow.RoundError, scope.ScopeError, scope.LockedError)) as refused:
        workflow.submit(store, account, upload, current=store.load(), half=half)
    assert [workflow.sendings(store, r.id)["row_id"].tolist() for r in workflow.rounds(store)] == before
    return refused.value.message.key


@pytest.mark.slow
def test_each_refusal_of_a_sending_comes_in_its_order_on_each_backend(backend_url: str) -> None:
    store = Store(backend_url).ensure()
    add_people(store)
    data = store.load()
    mine, theirs = (
        upload_of(data, {BINH_LU: {"TEA_AREA": 950.0}}),
        upload_of(data, {TA_LENG: {"TEA_AREA": 4.0}}),
    )
    broken = replace(mine, problems=[Problem("", "", "", "xa.xlsx", msg("rounds.no_figures"))])
    renamed = data.indicators.copy()
    renamed.loc[renamed["code"] == "TEA_AREA", "name_vi"] = "Diện tích chè (đổi tên)"
    two_years = checked(commune_frames(data, {BINH_LU: {"TEA_AREA": 950.0}}), data)
    rows = pd.concat(
        [
            two_years.frames["observations"],
            upload_of(data, {BINH_LU: {"POV_RATE": 8.0}}, 2025).frames["observations"],
        ]
    )
    two_years.frames["observations"] = coerce(OBSERVATIONS, rows)
    # Each before the next: a broken file, then what is sent, then who sends it, then where and when.
    assert refusal(store, "binhlu", broken) == "rounds.upload_not_ok"
    assert (
        refusal(store, "binhlu", checked(replace(commune_frames(data, {}), indicators=renamed), data))
        == "rounds.figures_only"
    )
    assert refusal(store, "binhlu", checked(data, data)) == "rounds.no_figures"
    assert refusal(store, "ai_do", theirs) == "rounds.no_account"
    assert refusal(store, "xem", theirs) == "rounds.reporters_only"
    assert refusal(store, "binhlu", theirs) == "rounds.outside_area"  # no round open either
    assert refusal(store, "binhlu", two_years) == "rounds.one_year"
    assert refusal(store, "binhlu", mine) == "rounds.no_round"
    half = workflow.open_round(store, "tinh", 2026, "12", "TEA_AREA,POV_RATE", date(2026, 6, 14), half=1)
    assert refusal(store, "binhlu", mine) == "rounds.half_not_chosen"
    assert refusal(store, "binhlu", mine, half=2) == "rounds.no_round"
    year = workflow.open_round(store, "tinh", 2026, "12", "TEA_AREA,POV_RATE", date(2026, 12, 14))
    lock_events(store, [("TEA_AREA", BINH_LU, 2026, "actual", "lock")])
    assert refusal(store, "binhlu", mine) == "rounds.locked"
    lock_events(store, [("TEA_AREA", BINH_LU, 2026, "actual", "unlock")])
    # Sent, sent again (the first replaced), approved: a figure changed is locked, others come too late.
    first = workflow.submit(store, "binhlu", mine, current=store.load())
    second = workflow.submit(store, "binhlu", mine, current=store.load())
    sent_half = workflow.submit(store, "binhlu", mine, current=store.load(), half=1)
    assert workflow.sendings(store, year.id)[["row_id", "state"]].values.tolist() == [
        [first, "replaced"],
        [second, "pending"],
    ]
    assert workflow.sendings(store, half.id)["row_id"].tolist() == [sent_half]
    review.review(store, "tinh", BINH_LU, 2026, "approve")
    assert refusal(store, "binhlu", mine) == "rounds.no_figures"  # as approved: nothing typed
    assert (
        refusal(store, "binhlu", upload_of(store.load(), {BINH_LU: {"TEA_AREA": 999.0}})) == "rounds.locked"
    )
    later = upload_of(store.load(), {BINH_LU: {"POV_RATE": 8.5}})
    assert refusal(store, "binhlu", later) == "rounds.already_approved"


def test_a_write_made_while_a_sending_is_checked_takes_its_turn_on_sqlite(
    people: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 12, 14))
    data = people.load()
    upload = upload_of(data, {BINH_LU: {"TEA_AREA": 950.0}})
    failed: list[BaseException] = []

    def lock_another() -> None:
        try:
            lock_events(people, [("GRDP", TA_LENG, 2025, "actual", "lock")])
        except BaseException as exc:  # noqa: BLE001  # told to the test's thread below
            failed.append(exc)

    other = threading.Thread(target=lock_another)
    only = workflow._only_figures

    def meanwhile(*args: Any, **kwargs: Any) -> pd.DataFrame:
        # Another writer comes while the sending is checked, after the sending has read the store.
        other.start()
        other.join(0.5)
        return only(*args, **kwargs)

    monkeypatch.setattr(workflow, "_only_figures", meanwhile)
    sent = workflow.submit(people, "binhlu", upload, current=data)
    other.join()
    assert not failed
    assert workflow.sendings(people, found.id)["row_id"].tolist() == [sent]
    with people.engine.connect() as conn:
        assert scope.locked(conn).values.tolist() == [["GRDP", TA_LENG, 2025, "actual"]]
