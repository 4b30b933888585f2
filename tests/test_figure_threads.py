"""A figure's thread (question, answer, the "cần xem lại" flag) and its history across versions."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from indicators.core.model import OBSERVATIONS, Dataset, coerce
from indicators.excel import diff, validate
from indicators.excel import writer as xlsx_writer
from indicators.rounds import figure_history, review, threads, workflow
from indicators.rounds.threads import Figure
from indicators.rounds.workflow import RoundError
from indicators.store import accounts
from indicators.store.database import Store
from indicators.store.scope import ScopeError
from tests.support.prepared import PreparedStores

PASSWORD = "mat-khau-rat-dai-2026!"
BINH_LU, TA_LENG = "03390", "03405"
TEA = Figure("TEA_AREA", BINH_LU, 2026, "actual")


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")


def add_people(store: Store) -> None:
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(store, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    accounts.add_user(store, "taleng", "reporter", PASSWORD, area=TA_LENG)
    accounts.add_user(store, "xem", "viewer", PASSWORD)


@pytest.fixture
def people(store_url: str, prepared_stores: PreparedStores) -> Store:
    """The seeded store with `add_people`'s accounts: made once a session, each test's own copy."""
    return prepared_stores.store(store_url, add_people)


def upload_of(data: Dataset, value: float) -> validate.Upload:
    rows = pd.DataFrame(
        [{"code": "TEA_AREA", "area": BINH_LU, "year": 2026, "kind": "actual", "value": value}]
    )
    sent = replace(
        data,
        observations=coerce(OBSERVATIONS, rows),
        targets=data.targets.iloc[0:0],
        reported=data.reported.iloc[0:0],
    )
    upload = validate.check(xlsx_writer.workbook_bytes(sent), "binhlu.xlsx", data)
    assert upload.ok, validate.report_text(upload)
    return upload


def test_a_question_its_answer_and_the_flag_set_and_cleared(people: Store) -> None:
    asked = threads.post(people, "tinh", TEA, "question", "  Vì sao tăng 20%?  ")
    threads.post(people, "tinh", TEA, "flag", "chờ xã giải thích")
    events = threads.thread(people, TEA)
    assert threads.counts(events) == {"questions": 1, "answered": 0, "open": 1, "flagged": 1}
    assert threads.flagged_figures(people).values.tolist() == [["TEA_AREA", BINH_LU, 2026, "actual"]]
    threads.post(people, "binhlu", TEA, "answer", "Trồng mới 120 ha.", reply_to=asked)
    threads.post(people, "tinh", TEA, "unflag")
    events = threads.thread(people, TEA)
    assert events["action"].tolist() == ["question", "flag", "answer", "unflag"]
    assert events["text"].tolist()[0] == "Vì sao tăng 20%?"
    assert events["account"].tolist() == ["tinh", "tinh", "binhlu", "tinh"]
    assert int(events["reply_to"].iloc[2]) == asked
    assert threads.counts(events) == {"questions": 1, "answered": 1, "open": 0, "flagged": 0}
    assert threads.flagged_figures(people).empty
    # Another figure's thread is its own.
    assert threads.thread(people, replace(TEA, year=2025)).empty


@pytest.mark.parametrize(
    ("account", "figure", "action", "text", "reply_to", "error", "words"),
    [
        ("xem", TEA, "question", "Hỏi?", None, RoundError, "xem"),
        ("binhlu", TEA, "flag", "", None, RoundError, "binhlu"),
        ("taleng", TEA, "question", "Hỏi?", None, ScopeError, BINH_LU),
        ("tinh", TEA, "question", "   ", None, RoundError, "nội dung"),
        ("tinh", TEA, "answer", "Đáp", 999, RoundError, "999"),
        ("tinh", TEA, "unflag", "", None, RoundError, "cần xem lại"),
        ("tinh", replace(TEA, code="NO_SUCH"), "question", "Hỏi?", None, RoundError, "NO_SUCH"),
        ("ai_do", TEA, "question", "Hỏi?", None, RoundError, "ai_do"),
    ],
)
def test_refused_posts_say_why_and_write_nothing(
    people: Store,
    account: str,
    figure: Figure,
    action: threads.Action,
    text: str,
    reply_to: int | None,
    error: type[Exception],
    words: str,
) -> None:
    with pytest.raises(error) as refused:
        threads.post(people, account, figure, action, text, reply_to=reply_to)
    assert words in refused.value.text("vi")  # type: ignore[attr-defined]
    assert refused.value.text("en")  # type: ignore[attr-defined]
    assert threads.thread(people, figure).empty


def test_a_second_flag_is_refused() -> None:
    events = pd.DataFrame({"row_id": [1], "action": ["flag"], "reply_to": [None]})
    with pytest.raises(RoundError):
        threads._check(events, "flag", "", None)
    assert threads.flagged(events)


def test_the_history_names_every_value_who_sent_it_and_who_approved_it(people: Store) -> None:
    workflow.open_round(people, "tinh", 2026, "12", "TEA_AREA", date(2026, 12, 14))
    first_sent = datetime(2026, 12, 10, 3, 0, tzinfo=UTC)
    first = workflow.submit(people, "binhlu", upload_of(people.load(), 950.0), now=first_sent)
    approved = review.review(people, "tinh", BINH_LU, 2026, "approve")
    figure = pd.DataFrame([TEA.where()])
    review.unlock(people, "tinh", figure, "xã báo sai diện tích")
    # The analyst corrects it by an ordinary import: a version without a submission.
    data = people.load()
    corrected = upload_of(data, 962.5)
    written = people.commit(diff.merge(data, corrected), "tinh", "sua.xlsx", corrected.sha256)

    seen = figure_history.history(people, TEA)
    assert seen["event"].tolist() == ["value", "lock", "unlock", "value"]
    values = seen[seen["event"] == "value"]
    assert values["value"].tolist() == [950.0, 962.5]
    assert values["version"].tolist() == [approved.version, written.version]
    assert values["until_version"].tolist()[0] == written.version
    assert pd.isna(values["until_version"].tolist()[1])
    assert values["submission"].tolist()[0] == first and pd.isna(values["submission"].tolist()[1])
    assert values["submitted_by"].tolist()[0] == "binhlu"
    assert values["submitted_at"].tolist()[0] == first_sent
    assert values["approved_by"].tolist()[0] == "tinh"
    assert values["written_by"].tolist() == ["tinh", "tinh"]
    assert values["action"].tolist() == ["approve", "import"]
    assert seen["reason"].tolist()[2] == "xã báo sai diện tích"
    # A viewer reads the values and the times, never the officers' names.
    shown = figure_history.for_viewer(seen)
    assert not {*figure_history.NAMES, "reason"} & set(shown.columns)
    assert shown["event"].tolist() == ["value", "lock", "unlock", "value"]
    assert shown["value"].dropna().tolist() == [950.0, 962.5]


def test_a_figure_never_written_has_an_empty_history(people: Store) -> None:
    assert figure_history.history(people, replace(TEA, year=1990)).empty
