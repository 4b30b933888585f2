"""The status of a round, as a pure computation: states, lateness in Việt Nam's days, completeness, totals."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import pytest

from indicators.rounds import status

CHILDREN = pd.DataFrame({"code": ["A", "B", "C", "D"], "name": ["Xã A", "Xã B", "Xã C", "Xã D"]})
DUE, TODAY = date(2026, 12, 14), date(2026, 12, 20)
EXPECTED = ["X", "Y", "Z"]


def sendings(*rows: tuple[int, str, str, datetime]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["row_id", "area", "state", "submitted_at"])


def test_no_sending_at_all_is_every_child_not_sent_and_late_from_the_due_day() -> None:
    none = sendings()
    frame = status.status(CHILDREN, none, pd.DataFrame({"row_id": [], "code": []}), EXPECTED, DUE, TODAY)
    assert frame.columns.tolist() == list(status.COLUMNS)
    assert frame["state"].tolist() == ["not_sent"] * 4
    assert frame["late_days"].tolist() == [6] * 4
    assert frame["received"].tolist() == [0] * 4 and frame["expected"].tolist() == [3] * 4
    before_due = status.status(CHILDREN, none, pd.DataFrame({"row_id": [], "code": []}), EXPECTED, DUE, DUE)
    assert before_due["late_days"].tolist() == [0] * 4


@pytest.mark.parametrize(
    ("moment", "late"),
    [
        (datetime(2026, 12, 14, 16, 59, tzinfo=UTC), 0),  # 23:59 on the due day in Việt Nam
        (datetime(2026, 12, 14, 17, 0, tzinfo=UTC), 1),  # 00:00 the next day there
        (datetime(2026, 12, 16, 23, 0, tzinfo=UTC), 3),  # the 17th there
        (datetime(2026, 12, 1, 2, 0, tzinfo=UTC), 0),
    ],
)
def test_lateness_counts_days_in_vietnam(moment: datetime, late: int) -> None:
    frame = status.status(
        CHILDREN.head(1),
        sendings((1, "A", "pending", moment)),
        pd.DataFrame({"row_id": [1], "code": ["X"]}),
        EXPECTED,
        DUE,
        TODAY,
    )
    assert frame["late_days"].tolist() == [late]


def test_the_latest_sending_gives_state_and_figures_the_first_gives_the_time() -> None:
    sent = sendings(
        (3, "B", "pending", datetime(2026, 12, 18, 1, 0, tzinfo=UTC)),  # B sent again after a return
        (1, "A", "approved", datetime(2026, 12, 10, 1, 0, tzinfo=UTC)),
        (2, "B", "returned", datetime(2026, 12, 12, 1, 0, tzinfo=UTC)),
        (4, "C", "pending", datetime(2026, 12, 16, 1, 0, tzinfo=UTC)),
        (5, "Q", "pending", datetime(2026, 12, 16, 1, 0, tzinfo=UTC)),  # not a child: not counted
    )
    figures = pd.DataFrame(
        {
            "row_id": [1, 1, 1, 2, 3, 3, 3, 4, 4, 4, 5],
            # A: all three; B's first sending one, its second two and a code the round did not ask for;
            # C: one code twice and one unasked.
            "code": ["X", "Y", "Z", "X", "X", "Y", "W", "Z", "Z", "W", "X"],
        }
    )
    frame = status.status(CHILDREN, sent, figures, EXPECTED, DUE, TODAY)
    assert frame[["code", "state", "received", "late_days"]].values.tolist() == [
        ["A", "approved", 3, 0],
        ["B", "pending", 2, 0],
        ["C", "pending", 1, 2],
        ["D", "not_sent", 0, 6],
    ]
    assert frame["completeness"].round(4).tolist() == [1.0, 0.6667, 0.3333, 0.0]
    assert frame.loc[1, "submitted_at"] == pd.Timestamp("2026-12-12 01:00", tz="UTC")
    assert status.totals(frame) == {
        "areas": 4,
        "not_sent": 1,
        "pending": 2,
        "returned": 0,
        "approved": 1,
        "late": 2,
        "expected": 12,
        "received": 6,
        "completeness": 0.5,
    }


def test_the_not_sent_list_reads_back_from_its_excel_file() -> None:
    import io

    import openpyxl

    from indicators.excel import writer as xlsx_writer
    from indicators.text.i18n import t
    from indicators.text.round_tables import for_people, not_sent

    sent = sendings((1, "A", "approved", datetime(2026, 12, 15, 2, 0, tzinfo=UTC)))
    frame = status.status(CHILDREN, sent, pd.DataFrame({"row_id": [1], "code": ["X"]}), EXPECTED, DUE, TODAY)
    shown = for_people(frame, "en")
    assert shown[t("rounds.col.state", "en")].tolist()[:2] == ["✓ approved", "○ not sent"]
    assert shown[t("rounds.col.late", "en")].tolist()[:2] == ["1 day late", "6 days late"]
    assert shown[t("rounds.col.submitted_at", "en")].iloc[0].endswith("09:00")  # 02:00 UTC in Việt Nam
    book = xlsx_writer.frames_bytes({"not sent": not_sent(frame, "vi")})
    sheet = openpyxl.load_workbook(io.BytesIO(book)).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == [
        t("rounds.col.area", "vi"),
        t("rounds.col.code", "vi"),
        t("rounds.col.state", "vi"),
    ]
    assert [r[1] for r in rows[1:]] == ["B", "C", "D"]
    assert {r[2] for r in rows[1:]} == {"○ chưa gửi"}
