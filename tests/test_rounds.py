"""Reporting rounds: accounts held to an area on every write path, the submission loop, locks, status."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest

from indicators.__main__ import main
from indicators.core.model import OBSERVATIONS, Dataset, coerce
from indicators.excel import diff, entry, validate
from indicators.excel import writer as xlsx_writer
from indicators.rounds import review, workflow
from indicators.rounds.workflow import RoundError
from indicators.store import accounts, scope
from indicators.store.database import Store
from indicators.store.scope import LockedError, ScopeError
from tests.support import books
from tests.support.prepared import PreparedStores

PASSWORD = "mat-khau-rat-dai-2026!"
BINH_LU, TA_LENG, KHUN_HA = "03390", "03405", "03430"
DUE = date(2026, 12, 14)
ON_TIME = datetime(2026, 12, 10, 3, 0, tzinfo=UTC)
LATE = datetime(2026, 12, 17, 2, 0, tzinfo=UTC)  # 09:00 on the 17th in Việt Nam: three days late
TODAY = date(2026, 12, 20)
CODES = ("TEA_AREA", "POV_RATE")


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")


def add_people(store: Store) -> None:
    """A province analyst (12), an analyst of one commune, two commune reporters, a viewer."""
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(store, "xa_binhlu", "analyst", PASSWORD, area=BINH_LU)
    accounts.add_user(store, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    accounts.add_user(store, "taleng", "reporter", PASSWORD, area=TA_LENG)
    accounts.add_user(store, "xem", "viewer", PASSWORD)


@pytest.fixture
def people(store_url: str, prepared_stores: PreparedStores) -> Store:
    """The seeded store with `add_people`'s accounts: made once a session, each test's own copy."""
    return prepared_stores.store(store_url, add_people)


def commune_frames(data: Dataset, figures: dict[str, dict[str, float]], year: int = 2026) -> Dataset:
    """The shipped catalogue with only these communes' figures: what a commune fills in and sends."""
    rows = [
        {"code": code, "area": area, "year": year, "kind": "actual", "value": value}
        for area, values in figures.items()
        for code, value in values.items()
    ]
    empty = data.targets.iloc[0:0]
    return replace(
        data,
        observations=coerce(OBSERVATIONS, pd.DataFrame(rows)),
        targets=empty,
        reported=data.reported.iloc[0:0],
    )


def upload_of(data: Dataset, figures: dict[str, dict[str, float]], year: int = 2026) -> validate.Upload:
    # The same figures over the same catalogue make the same workbook and check: done once a session.
    book = books.workbook_bytes(commune_frames(data, figures, year))
    upload = books.checked(book, "xa.xlsx", data)
    assert upload.ok, validate.report_text(upload)
    return upload


def book_file(tmp_path: Path, data: Dataset, figures: dict[str, dict[str, float]]) -> Path:
    path = tmp_path / "xa.xlsx"
    path.write_bytes(books.workbook_bytes(commune_frames(data, figures)))
    return path


def opened(store: Store) -> workflow.Round:
    return workflow.open_round(store, "tinh", 2026, "12", ",".join(CODES), DUE)


# Accounts ------------------------------------------------------------------------------------------


def test_a_reporter_needs_a_known_area(store: Store) -> None:
    with pytest.raises(accounts.AccountError) as no_area:
        accounts.add_user(store, "xa", "reporter", PASSWORD)
    assert "--area" in no_area.value.text("en")
    with pytest.raises(accounts.AccountError) as unknown:
        accounts.add_user(store, "xa", "reporter", PASSWORD, area="99999")
    assert "99999" in unknown.value.text("vi")
    assert accounts.list_users(store).empty  # nothing written
    accounts.add_user(store, "xa", "reporter", PASSWORD, area=BINH_LU)
    found = accounts.account(store, "xa")
    assert found is not None and (found.role, found.area) == (accounts.Role.REPORTER, BINH_LU)
    assert accounts.list_users(store)[["name", "role", "area"]].values.tolist() == [
        ["xa", "reporter", BINH_LU]
    ]


def test_the_scope_is_the_area_and_every_unit_under_it(store: Store) -> None:
    areas = store.load().areas
    province = scope.descendants(areas, "12")
    assert {BINH_LU, TA_LENG, "106", "12"} <= province
    assert scope.descendants(areas, BINH_LU) == {BINH_LU}
    assert scope.outside(areas, BINH_LU, [BINH_LU, TA_LENG, "12"]) == [TA_LENG, "12"]
    assert scope.outside(areas, "12", [BINH_LU, "106"]) == []


# Scope on every write path ------------------------------------------------------------------------


def test_a_commit_outside_the_accounts_area_is_refused_and_names_the_area(people: Store) -> None:
    data = people.load()
    upload = upload_of(data, {TA_LENG: {"TEA_AREA": 430.25}})
    merged = diff.merge(data, upload)
    with pytest.raises(ScopeError) as refused:
        people.commit(merged, "xa_binhlu", upload.file_name, upload.sha256)  # the upload page's commit
    assert TA_LENG in refused.value.text("vi") and TA_LENG in refused.value.text("en")
    assert people.current_version() == data.version
    # The province's analyst may write it; the commune's analyst its own commune.
    assert people.commit(merged, "tinh").version == data.version + 1
    own = diff.merge(people.load(), upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0}}))
    assert people.commit(own, "xa_binhlu").version == data.version + 2


def test_the_grid_of_another_commune_is_refused(people: Store) -> None:
    data = people.load()
    before = entry.grid(data, TA_LENG, 2026)
    after = before.copy()
    after.loc[after["code"] == "TEA_AREA", ["value", "kind"]] = ["430,25", "TH"]
    book = entry.sheet(before, after, TA_LENG, 2026, data)
    upload = entry.check(book, data)
    assert upload.ok, validate.report_text(upload)
    with pytest.raises(ScopeError) as refused:
        people.commit(diff.merge(data, upload), "xa_binhlu", book.file_name, upload.sha256)
    assert TA_LENG in str(refused.value)
    assert people.current_version() == data.version


def test_a_reporter_never_commits_a_version_even_for_their_own_commune(people: Store) -> None:
    data = people.load()
    merged = diff.merge(data, upload_of(data, {BINH_LU: {"TEA_AREA": 950.0}}))
    with pytest.raises(ScopeError) as refused:
        people.commit(merged, "binhlu")
    assert "chờ duyệt" in str(refused.value) and "for review" in refused.value.text("en")
    assert people.current_version() == data.version


def test_a_reporters_submission_with_another_communes_rows_writes_nothing(people: Store) -> None:
    opened(people)
    data = people.load()
    upload = upload_of(data, {BINH_LU: {"TEA_AREA": 950.0}, TA_LENG: {"TEA_AREA": 430.25}})
    with pytest.raises(ScopeError) as refused:
        workflow.submit(people, "binhlu", upload)
    assert f"địa bàn khác: {TA_LENG}" in str(refused.value)
    assert workflow.sendings(people, 1).empty


@pytest.mark.slow
def test_the_command_line_refuses_rows_outside_the_area_with_exit_1(
    people: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opened(people)
    path = book_file(tmp_path, people.load(), {TA_LENG: {"TEA_AREA": 430.25}})
    assert main(["import", str(path), "--user", "binhlu"]) == 1
    assert TA_LENG in capsys.readouterr().err
    assert workflow.sendings(people, 1).empty and people.current_version() == 1
    path = book_file(tmp_path, people.load(), {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 8.0}})
    assert main(["import", str(path), "--user", "binhlu"]) == 0
    assert "chờ duyệt" in capsys.readouterr().out
    sent = workflow.sendings(people, 1)
    assert sent[["area", "state", "submitted_by"]].values.tolist() == [[BINH_LU, "pending", "binhlu"]]
    assert people.current_version() == 1  # waiting apart from the versions: viewers still see version 1


def test_a_reporter_cannot_approve_not_even_their_own_submission(people: Store) -> None:
    opened(people)
    workflow.submit(people, "binhlu", upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0}}))
    for who in ("binhlu", "taleng", "xem"):
        with pytest.raises(RoundError):
            review.review(people, who, BINH_LU, 2026, "approve")
    # An analyst of another commune is held to theirs.
    accounts.add_user(people, "xa_taleng", "analyst", PASSWORD, area=TA_LENG)
    with pytest.raises(ScopeError):
        review.review(people, "xa_taleng", BINH_LU, 2026, "approve")
    assert workflow.sendings(people, 1)["state"].tolist() == ["pending"]
    assert people.current_version() == 1


def test_only_an_analyst_of_the_parent_opens_a_round(people: Store) -> None:
    with pytest.raises(RoundError):
        workflow.open_round(people, "binhlu", 2026, "12", "all", DUE)
    with pytest.raises(ScopeError):
        workflow.open_round(people, "xa_binhlu", 2026, "12", "all", DUE)
    with pytest.raises(RoundError) as unknown:
        workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA,NO_SUCH", DUE)
    assert "NO_SUCH" in str(unknown.value)
    assert workflow.rounds(people) == []
    everything = workflow.open_round(people, "tinh", 2026, "12", "all", DUE)
    assert set(everything.indicators) == set(people.load().indicators["code"])
    with pytest.raises(RoundError):
        workflow.open_round(people, "tinh", 2026, "12", "all", DUE)  # one round per period and parent
    assert workflow.open_round(people, "tinh", 2026, "12", "all", date(2026, 7, 15), half=1).half == 1


# The loop -----------------------------------------------------------------------------------------


def test_the_loop_on_time_late_returned_resent_approved_and_the_status_agrees(people: Store) -> None:
    found = opened(people)
    data = people.load()
    workflow.submit(
        people, "binhlu", upload_of(data, {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 8.0}}), ON_TIME
    )
    workflow.submit(people, "taleng", upload_of(data, {TA_LENG: {"TEA_AREA": 430.25}}), LATE)
    status = review.round_status(people, 2026, "12", TODAY).set_index("code")
    assert status.loc[BINH_LU, ["state", "expected", "received", "late_days"]].tolist() == [
        "pending",
        2,
        2,
        0,
    ]
    assert status.loc[TA_LENG, ["state", "expected", "received", "late_days"]].tolist() == [
        "pending",
        2,
        1,
        3,
    ]
    assert status.loc[KHUN_HA, ["state", "received", "late_days"]].tolist() == ["not_sent", 0, 6]
    # Pending figures are not in any version: viewers see what they saw.
    assert people.current_version() == data.version
    assert people.load().observations.query("area == @BINH_LU").empty

    returned = review.review(people, "tinh", TA_LENG, 2026, "return", note="Thiếu tỷ lệ hộ nghèo")
    assert returned.state == "returned"
    sent = workflow.sendings(people, found.id).set_index("row_id")
    assert sent.loc[returned.submission, ["state", "note", "reviewed_by"]].tolist() == [
        "returned",
        "Thiếu tỷ lệ hộ nghèo",
        "tinh",
    ]
    resent_at = datetime(2026, 12, 18, 1, 0, tzinfo=UTC)
    workflow.submit(
        people, "taleng", upload_of(data, {TA_LENG: {"TEA_AREA": 430.25, "POV_RATE": 20.0}}), resent_at
    )
    first = review.review(people, "tinh", BINH_LU, 2026, "approve")
    second = review.review(people, "tinh", TA_LENG, 2026, "approve")
    assert (first.version, second.version) == (data.version + 1, data.version + 2)

    status = review.round_status(people, 2026, "12", TODAY).set_index("code")
    assert status.loc[[BINH_LU, TA_LENG], "state"].tolist() == ["approved", "approved"]
    # Lateness is the first sending's: sent three days late, corrected after the return.
    assert status.loc[[BINH_LU, TA_LENG], "late_days"].tolist() == [0, 3]
    assert status.loc[TA_LENG, "received"] == 2
    totals = review.status.totals(status.reset_index())
    children = len(status)
    assert totals == {
        "areas": children,
        "not_sent": children - 2,
        "pending": 0,
        "returned": 0,
        "approved": 2,
        "late": children - 1,  # Tả Lèng and every commune that has not sent by the 20th
        "expected": 2 * children,
        "received": 4,
        "completeness": 4 / (2 * children),
    }
    # The approved figures are the current version's, and the versions name the submissions.
    obs = people.load().observations
    approved = obs[obs["area"].isin([BINH_LU, TA_LENG]) & (obs["year"] == 2026)]
    assert sorted(zip(approved["area"], approved["code"], approved["value"], strict=True)) == [
        (BINH_LU, "POV_RATE", 8.0),
        (BINH_LU, "TEA_AREA", 950.0),
        (TA_LENG, "POV_RATE", 20.0),
        (TA_LENG, "TEA_AREA", 430.25),
    ]
    history = people.versions().tail(2)
    assert history["action"].tolist() == ["approve", "approve"]
    assert history["account"].tolist() == ["tinh", "tinh"]
    assert all(TA_LENG in n or BINH_LU in n for n in history["note"])


def test_the_status_command_prints_the_columns_in_csv_and_json(
    people: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    opened(people)
    workflow.submit(people, "binhlu", upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0}}), LATE)
    assert (
        main(["status", "--year", "2026", "--parent", "12", "--format", "csv", "--today", "2026-12-20"]) == 0
    )
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype={"code": str})
    assert frame.columns.tolist() == [
        "code",
        "name",
        "expected",
        "received",
        "state",
        "submitted_at",
        "late_days",
    ]
    row = frame.set_index("code").loc[BINH_LU]
    assert row[["expected", "received", "state", "submitted_at", "late_days"]].tolist() == [
        2,
        1,
        "pending",
        "2026-12-17 09:00",  # the time in Việt Nam
        3,
    ]
    assert (
        main(["status", "--year", "2026", "--parent", "12", "--format", "json", "--today", "2026-12-20"]) == 0
    )
    records = pd.read_json(io.StringIO(capsys.readouterr().out), dtype={"code": str})
    assert len(records) == len(frame) and set(records["state"]) == {"pending", "not_sent"}
    assert main(["status", "--year", "2026", "--parent", "12", "--lang", "en", "--today", "2026-12-20"]) == 0
    shown = capsys.readouterr().out
    assert "awaiting review" in shown and "not sent" in shown and "1 of" in shown


def test_review_from_the_command_line(people: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "round",
                "add",
                "--year",
                "2026",
                "--parent",
                "12",
                "--indicators",
                "TEA_AREA",
                "--due",
                "2026-12-14",
                "--user",
                "tinh",
            ]
        )
        == 0
    )
    workflow.submit(people, "binhlu", upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0}}))
    assert main(["review", "return", "--area", BINH_LU, "--year", "2026", "--user", "tinh"]) == 1
    assert "--note" in capsys.readouterr().err
    assert main(["review", "approve", "--area", BINH_LU, "--year", "2026", "--user", "binhlu"]) == 1
    assert main(["review", "approve", "--area", BINH_LU, "--year", "2026", "--user", "tinh"]) == 0
    assert "phiên bản 2" in capsys.readouterr().out
    assert main(["review", "approve", "--area", BINH_LU, "--year", "2026", "--user", "tinh"]) == 1
    assert "chờ duyệt" in capsys.readouterr().err


# Locks --------------------------------------------------------------------------------------------


def test_an_approved_figure_is_locked_until_an_analyst_unlocks_it_with_a_reason(people: Store) -> None:
    opened(people)
    workflow.submit(people, "binhlu", upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0}}))
    review.review(people, "tinh", BINH_LU, 2026, "approve")
    data = people.load()
    changed = diff.merge(data, upload_of(data, {BINH_LU: {"TEA_AREA": 999.0}}))
    with pytest.raises(LockedError) as refused:
        people.commit(changed, "tinh")
    assert "TEA_AREA · 03390 · 2026" in str(refused.value)
    assert people.current_version() == data.version
    # The reporter cannot send it again either, nor unlock it; an analyst needs a reason.
    with pytest.raises((RoundError, LockedError)):
        workflow.submit(people, "binhlu", upload_of(data, {BINH_LU: {"TEA_AREA": 999.0}}))
    figure = pd.DataFrame([{"code": "TEA_AREA", "area": BINH_LU, "year": 2026, "kind": "actual"}])
    with pytest.raises(RoundError):
        review.unlock(people, "binhlu", figure, "sửa")
    with pytest.raises(RoundError):
        review.unlock(people, "tinh", figure, "  ")
    assert review.unlock(people, "tinh", figure, "Số liệu thống kê chính thức") == 1
    assert people.commit(changed, "tinh").version == data.version + 1
    history = review.lock_history(people)
    assert history[["code", "area", "action", "account", "reason"]].values.tolist() == [
        ["TEA_AREA", BINH_LU, "lock", "tinh", ""],
        ["TEA_AREA", BINH_LU, "unlock", "tinh", "Số liệu thống kê chính thức"],
    ]
    assert history["submission_id"].tolist()[0] == 1
    with pytest.raises(RoundError):
        review.unlock(people, "tinh", figure, "lần nữa")  # no longer locked


def test_figures_stored_before_rounds_count_as_approved_and_unlocked(people: Store) -> None:
    data = people.load()
    with people.engine.connect() as conn:
        assert scope.locked(conn).empty
    obs = data.observations.copy()
    obs.loc[obs.index[0], "value"] = obs["value"].iloc[0] + 1
    assert people.commit(replace(data, observations=obs), "tinh").version == data.version + 1


@pytest.mark.slow
def test_an_analysts_import_commits_within_their_area_only(
    people: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = book_file(tmp_path, people.load(), {TA_LENG: {"TEA_AREA": 430.25}})
    assert main(["import", str(path), "--user", "xa_binhlu"]) == 1
    assert TA_LENG in capsys.readouterr().err
    assert people.current_version() == 1
    path = book_file(tmp_path, people.load(), {BINH_LU: {"TEA_AREA": 950.0}})
    assert main(["import", str(path), "--user", "xa_binhlu"]) == 0
    assert people.versions()["account"].tolist()[-1] == "xa_binhlu"
    assert people.current_version() == 2


def test_a_return_names_its_reason_per_figure_and_the_commune_sends_again(
    people: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    found = opened(people)
    workflow.submit(
        people, "binhlu", upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 8.0}})
    )
    args = ["review", "return", "--area", BINH_LU, "--year", "2026", "--user", "tinh"]
    assert main([*args, "--figure", "NO_SUCH=?"]) == 1
    assert "NO_SUCH" in capsys.readouterr().err
    assert main([*args, "--figure", "POV_RATE"]) == 1  # no reason after the code
    assert main([*args, "--figure", "POV_RATE=Tỷ lệ khác số hộ nghèo / số hộ"]) == 0
    sent = workflow.sendings(people, found.id)
    assert sent["state"].tolist() == ["returned"] and sent["note"].tolist() == [""]
    assert json.loads(sent["figure_notes"].iloc[0]) == {"POV_RATE": "Tỷ lệ khác số hộ nghèo / số hộ"}
    workflow.submit(
        people, "binhlu", upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0, "POV_RATE": 8.0}})
    )
    assert workflow.sendings(people, found.id)["state"].tolist() == ["returned", "pending"]


def test_unlock_from_the_command_line_needs_a_locked_figure_and_a_reason(
    people: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    opened(people)
    workflow.submit(people, "binhlu", upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0}}))
    review.review(people, "tinh", BINH_LU, 2026, "approve")
    base = ["review", "unlock", "--area", BINH_LU, "--year", "2026"]
    assert main([*base, "--codes", "POV_RATE", "--user", "tinh", "--note", "x"]) == 1  # never locked
    assert "POV_RATE" in capsys.readouterr().err
    assert main([*base, "--codes", "TEA_AREA", "--user", "tinh"]) == 1  # no reason
    assert main([*base, "--codes", "TEA_AREA", "--user", "binhlu", "--note", "x"]) == 1  # a reporter
    assert main([*base, "--codes", "TEA_AREA", "--user", "tinh", "--note", "Số liệu chính thức"]) == 0
    assert "1" in capsys.readouterr().out
    assert review.lock_history(people)[["action", "reason"]].values.tolist() == [
        ["lock", ""],
        ["unlock", "Số liệu chính thức"],
    ]


def test_a_template_downloaded_whole_sends_only_the_communes_typed_rows(people: Store) -> None:
    found = opened(people)
    data = people.load()
    typed = pd.DataFrame(
        [{"code": "TEA_AREA", "area": BINH_LU, "year": 2026, "kind": "actual", "value": 950.0}]
    )
    whole = replace(data, observations=coerce(OBSERVATIONS, pd.concat([data.observations, typed])))
    upload = validate.check(xlsx_writer.workbook_bytes(whole), "mau.xlsx", data)
    assert upload.ok, validate.report_text(upload)
    assert len(upload.frames["observations"]) == len(data.observations) + 1
    workflow.submit(people, "binhlu", upload)
    sent = workflow.figure_keys(people, found.id)
    assert sent[["code", "area", "year"]].values.tolist() == [["TEA_AREA", BINH_LU, 2026]]
    # A row of another area changed in the same template is refused, named.
    changed = whole.observations.copy()
    tea = changed.index[(changed["code"] == "TEA_AREA") & (changed["area"] == "106")][0]
    changed.loc[tea, "value"] += 1
    other = validate.check(xlsx_writer.workbook_bytes(replace(whole, observations=changed)), "mau.xlsx", data)
    assert other.ok, validate.report_text(other)
    with pytest.raises(ScopeError) as refused:
        workflow.submit(people, "binhlu", other)
    assert "106" in str(refused.value)


def test_a_half_year_round_takes_a_file_only_with_its_half_chosen(people: Store) -> None:
    workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 7, 15), half=1)
    upload = upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0}})
    with pytest.raises(RoundError) as refused:
        workflow.submit(people, "binhlu", upload)
    assert refused.value.message.key == "rounds.half_not_chosen"
    assert "6 tháng" in str(refused.value) and "half-year" in refused.value.text("en")
    assert workflow.sendings(people, 1).empty
    frame = review.round_status(people, 2026, "12", TODAY, half=1)
    assert set(frame["state"]) == {"not_sent"} and frame["late_days"].eq(158).all()  # 15 July → 20 Dec


def test_a_portable_backup_keeps_rounds_submissions_locks_and_areas(people: Store, tmp_path: Path) -> None:
    from indicators.store import backup

    found = opened(people)
    workflow.submit(people, "binhlu", upload_of(people.load(), {BINH_LU: {"TEA_AREA": 950.0}}), ON_TIME)
    review.review(people, "tinh", BINH_LU, 2026, "approve")
    path = tmp_path / "sao_luu.json.gz"
    assert backup.backup(people.engine, path) == "dump"
    other = Store(f"sqlite:///{tmp_path / 'khac.sqlite'}", seed=None)
    counts = backup.restore(other.engine, path)
    assert (counts["report_rounds"], counts["submissions"], counts["figure_locks"]) == (1, 1, 1)
    assert workflow.rounds(other) == [found]
    assert workflow.sendings(other, found.id)[["area", "state"]].values.tolist() == [[BINH_LU, "approved"]]
    assert review.lock_history(other)["action"].tolist() == ["lock"]
    held = accounts.account(other, "binhlu")
    assert held is not None and held.area == BINH_LU


def test_attainment_shows_approved_figures_and_with_include_pending_marks_the_pending_ones(
    people: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # the table's full width, whatever runs the test
    accounts.add_user(people, "huyen", "reporter", PASSWORD, area="106")
    workflow.open_round(people, "tinh", 2020, "12", "GTSX", DUE)
    workflow.submit(people, "huyen", upload_of(people.load(), {"106": {"GTSX": 2600.0}}, year=2020))

    def gtsx(*extra: str) -> pd.DataFrame:
        assert main(["attainment", "--area", "106", "--format", "csv", *extra]) == 0
        frame = pd.read_csv(io.StringIO(capsys.readouterr().out))
        return frame[(frame["code"] == "GTSX") & (frame["year"] == 2020)]

    approved = gtsx()
    assert approved["actual"].tolist() == [2503.3] and "pending" not in approved.columns
    with_pending = gtsx("--include-pending")
    assert with_pending["actual"].tolist() == [2600.0] and with_pending["pending"].tolist() == [True]
    assert main(["attainment", "--area", "106", "--format", "csv", "--include-pending"]) == 0
    every = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert int(every["pending"].sum()) == 1  # only the pending figure's row is marked
    # The people's table marks the name; a 100-column table wraps it: "… (chưa" / "duyệt)".
    assert main(["attainment", "--area", "106", "--include-pending"]) == 0
    shown = capsys.readouterr().out
    assert "(chưa" in shown and "duyệt)" in shown and "2.600 tỷ đồng" in shown
    assert main(["attainment", "--area", "106"]) == 0
    shown = capsys.readouterr().out
    assert "(chưa" not in shown and "2.600 tỷ đồng" not in shown
