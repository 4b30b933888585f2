"""Where a round stands: each child area's state, lateness and completeness, and the parent's totals.

Codes and numbers only (states as codes, days as integers); words are put on by the page or the
command line. Pure pandas: the store is read elsewhere (indicators/rounds/workflow.py).
"""

from __future__ import annotations

from datetime import date, timedelta, timezone

import pandas as pd

STATES: tuple[str, ...] = ("not_sent", "pending", "returned", "approved")
COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "expected",
    "received",
    "completeness",
    "state",
    "submitted_at",
    "late_days",
)
# A due day is a day in Việt Nam: a sending at 23:30 there (16:30 UTC) is still on the day.
VIETNAM = timezone(timedelta(hours=7))


def _latest(sent: pd.DataFrame) -> pd.DataFrame:
    """Per area (the index), its latest sending's row_id and state and its first sending's time.

    Lateness is judged by the first sending: a return is the reviewer's act, and the commune that
    sent in time and corrects after a return did not miss the deadline.
    """
    ordered = sent.sort_values("row_id", kind="stable")
    grouped = ordered.groupby("area", sort=False)
    return pd.DataFrame(
        {
            "row_id": grouped["row_id"].last(),
            "state": grouped["state"].last(),
            "submitted_at": grouped["submitted_at"].first(),
        }
    )


def _received(figures: pd.DataFrame, latest_ids: pd.Series, expected_codes: list[str]) -> pd.Series:
    """Per sending (row_id), the expected codes present in it, each code counted once."""
    rows = figures[figures["row_id"].isin(latest_ids.to_numpy())]
    # A sending rarely holds a code the round did not ask for: only those few are looked for.
    unexpected = set(rows["code"].unique()) - set(expected_codes)
    if unexpected:
        rows = rows[~rows["code"].isin(list(unexpected))]
    return rows.groupby("row_id")["code"].nunique()


def _late_days(submitted_at: pd.Series, due: date, today: date) -> pd.Series:
    """Days after the due day: of the first sending, or, with none yet, of today (0 when not late)."""
    # The day in Việt Nam: UTC + 7 hours, then the date (the zone has no summer time).
    local = (submitted_at.dt.tz_localize(None) + pd.Timedelta(hours=7)).dt.normalize()
    days = local.fillna(pd.Timestamp(today))
    late = (days - pd.Timestamp(due)).dt.days
    return late.clip(lower=0).astype(int)


def status(
    children: pd.DataFrame,
    sent: pd.DataFrame,
    figures: pd.DataFrame,
    expected_codes: list[str],
    due: date,
    today: date,
) -> pd.DataFrame:
    """One row per child area (code, name), in the children's order, with COLUMNS.

    `sent`: the round's sendings (row_id, area, state, submitted_at), any order; `figures`: the
    figures they hold (row_id, code). A child with no sending is "not_sent", counted late from the
    due day to `today`.
    """
    expected = len(set(expected_codes))
    latest = _latest(sent).reindex(children["code"].to_numpy()).reset_index(drop=True)
    received = _received(figures, latest["row_id"].dropna(), expected_codes)
    out = children[["code", "name"]].reset_index(drop=True)
    out["expected"] = expected
    out["received"] = latest["row_id"].map(received).fillna(0).astype(int)
    out["completeness"] = out["received"] / expected if expected else 0.0
    out["state"] = latest["state"].fillna("not_sent")
    out["submitted_at"] = pd.to_datetime(latest["submitted_at"], utc=True)
    out["late_days"] = _late_days(out["submitted_at"], due, today)
    return out[list(COLUMNS)]


def totals(frame: pd.DataFrame) -> dict[str, float | int]:
    """The parent's totals: areas in all and per state, late ones, figures expected and received."""
    out: dict[str, float | int] = {"areas": len(frame)}
    counts = frame["state"].value_counts()
    out |= {state: int(counts.get(state, 0)) for state in STATES}
    out["late"] = int((frame["late_days"] > 0).sum())
    out["expected"] = int(frame["expected"].sum())
    out["received"] = int(frame["received"].sum())
    out["completeness"] = out["received"] / out["expected"] if out["expected"] else 0.0
    return out
