"""The table of a figure's thread: questions, answers and the "cần xem lại" flag, one event a row."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text

from indicators.store.database import UtcDateTime, metadata

# Never updated, like figure_locks: a thread reads in order, and a flag is set when its last
# flag event is "flag". A figure is (code, area, year, kind), the key of an observation.
figure_threads = Table(
    "figure_threads",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("code", Text, nullable=False),
    Column("area", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("action", String(8), nullable=False),  # question | answer | flag | unflag
    Column("text", Text, nullable=False),
    Column("account", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("reply_to", Integer, nullable=True),  # an answer's question
    Index("ix_figure_threads_figure", "code", "area", "year", "kind"),
)
