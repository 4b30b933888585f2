"""A test's record of the tables the store reads row by row, each with the areas it was asked for."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import Table
from sqlalchemy.engine import Connection

from indicators.core.model import Table as ModelTable
from indicators.store import reading

Reads = list[tuple[str, frozenset[str] | None]]


def record_reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    """From now until `monkeypatch` is undone, each table read (reading.live_rows): its name and the
    areas asked for (None: every area). The list fills as the store reads."""
    read: Reads = []
    live_rows = reading.live_rows

    def counted(
        conn: Connection, table: Table, model: ModelTable, v: int, areas: frozenset[str] | None = None
    ) -> pd.DataFrame:
        read.append((model.name, areas))
        return live_rows(conn, table, model, v, areas)

    monkeypatch.setattr(reading, "live_rows", counted)
    return read
