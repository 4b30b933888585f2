"""The tables of reporting rounds: rounds, submissions, locks on approved figures, half-year figures."""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, String, Table, Text

from indicators.store.database import UtcDateTime, metadata

# A round: which figures the children of `parent` must send for a period, and by which day.
report_rounds = Table(
    "report_rounds",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("year", Integer, nullable=False),
    Column("half", Integer, nullable=True),  # 1 or 2; NULL for the whole year
    Column("parent", String(64), nullable=False),
    Column("indicators", Text, nullable=False),  # JSON list of codes, fixed when the round opens
    Column("due_date", String(10), nullable=False),  # ISO day, comparable as text like valid_from
    Column("opened_by", String(64), nullable=False),
    Column("opened_at", UtcDateTime(), nullable=False),
)
# Each sending is a row of its own, so a returned submission and its note stay beside the next one.
# Its figures wait here, apart from the versions, until approved: a page run still reads one version.
submissions = Table(
    "submissions",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("round_id", Integer, nullable=False),
    Column("area", String(64), nullable=False),
    Column("state", String(16), nullable=False),  # pending | returned | approved
    Column("figures", Text, nullable=False),  # JSON records of the observations sent
    Column("file_name", String(500), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("submitted_by", String(64), nullable=False),
    Column("submitted_at", UtcDateTime(), nullable=False),
    Column("reviewed_by", String(64), nullable=True),
    Column("reviewed_at", UtcDateTime(), nullable=True),
    Column("note", Text, nullable=False),  # the reason of a return, overall
    Column("figure_notes", Text, nullable=False),  # JSON {code: reason}: a return's reason per figure
    Column("version", Integer, nullable=True),  # the version the approval wrote
    Index("ix_submissions_round_area", "round_id", "area"),
)
# Every lock and unlock of a figure, never updated: a figure is locked when its last event is a lock.
figure_locks = Table(
    "figure_locks",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("code", Text, nullable=False),
    Column("area", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("action", String(8), nullable=False),  # lock | unlock
    Column("account", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("reason", Text, nullable=False),
    Column("submission_id", Integer, nullable=True),
    Index("ix_figure_locks_figure", "code", "area", "year", "kind"),
)
# A half-year's figures, written when a half-year submission is approved: apart from the data tables,
# so a half-year figure is never read as the year's (nor counted in its attainment). Never updated: the
# newest row of a figure is its value, the older ones its history.
half_year_figures = Table(
    "half_year_figures",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("code", Text, nullable=False),
    Column("area", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("half", Integer, nullable=False),  # 1 or 2
    Column("kind", Text, nullable=False),
    Column("value", Float, nullable=True),
    Column("submission_id", Integer, nullable=False),
    Column("approved_by", String(64), nullable=False),
    Column("approved_at", UtcDateTime(), nullable=False),
    Index("ix_half_year_figures_figure", "code", "area", "year", "half", "kind"),
)
