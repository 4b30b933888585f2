"""The register's tables (0008_awards_register) and the yearly cycle's (0010_awards_cycle)."""

from __future__ import annotations

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, Text
from sqlalchemy.types import TypeEngine

from indicators.awards.columns import LIMITS


def define(metadata: MetaData, moment: TypeEngine) -> tuple[Table, Table]:
    """award_records, versioned like the figures, and award_exports, the log of named lists taken out.

    `moment` is the store's one way of keeping a time (UTC, read back aware), passed in by the
    module that defines it.
    """
    records = Table(
        "award_records",
        metadata,
        Column("row_id", Integer, primary_key=True, autoincrement=True),
        Column("decision_no", String(LIMITS["decision_no"]), nullable=False),
        Column("decision_date", Date, nullable=False),
        Column("issuer", String(LIMITS["issuer"]), nullable=False),
        Column("award", String(64), nullable=False),  # a code of data/awards/catalogue.csv
        Column("recipient_kind", String(16), nullable=False),  # person | collective | household
        Column("name", String(LIMITS["name"]), nullable=False),
        Column("unit", String(LIMITS["unit"]), nullable=False),
        Column("area", String(LIMITS["area"]), nullable=False),
        Column("year", Integer, nullable=False),
        Column("achievement", Text, nullable=False),
        Column("since_version", Integer, nullable=False, index=True),
        Column("until_version", Integer, nullable=True, index=True),
    )
    exports = Table(
        "award_exports",
        metadata,
        Column("export_id", Integer, primary_key=True, autoincrement=True),
        Column("account", String(64), nullable=False),
        Column("created_at", moment, nullable=False),
        Column("what", String(200), nullable=False),
        Column("rows", Integer, nullable=False),
    )
    return records, exports


def _recipient() -> list[Column]:
    """Who a registration or proposal is about, in the register's own columns."""
    return [
        Column("year", Integer, nullable=False, index=True),
        Column("award", String(64), nullable=False),
        Column("recipient_kind", String(16), nullable=False),
        Column("name", String(LIMITS["name"]), nullable=False),
        Column("unit", String(LIMITS["unit"]), nullable=False),
        Column("area", String(LIMITS["area"]), nullable=False),
    ]


def define_cycle(metadata: MetaData, moment: TypeEngine) -> tuple[Table, Table]:
    """award_registrations (targets registered at a year's start) and award_proposals (year-end
    proposals, the council's result on each, and the decision that gave the award)."""
    registrations = Table(
        "award_registrations",
        metadata,
        Column("row_id", Integer, primary_key=True, autoincrement=True),
        *_recipient(),
        Column("account", String(64), nullable=False),
        Column("created_at", moment, nullable=False),
        Column("file_name", String(500), nullable=False),
    )
    proposals = Table(
        "award_proposals",
        metadata,
        Column("row_id", Integer, primary_key=True, autoincrement=True),
        *_recipient(),
        Column("achievement", Text, nullable=False),
        Column("account", String(64), nullable=False),
        Column("created_at", moment, nullable=False),
        Column("file_name", String(500), nullable=False),
        Column("result", String(16), nullable=True),  # None: not yet considered | accepted | rejected
        Column("result_note", Text, nullable=False, server_default=""),
        Column("result_by", String(64), nullable=True),
        Column("result_at", moment, nullable=True),
        Column("decision_no", String(LIMITS["decision_no"]), nullable=True),
        Column("register_version", Integer, nullable=True),
    )
    return registrations, proposals
