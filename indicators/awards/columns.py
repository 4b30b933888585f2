"""The columns of the awards register and of the yearly lists: one list for the workbooks and the store."""

from __future__ import annotations

# An award given: the decision, the award, the recipient and the year whose work it rewards.
REGISTER = (
    "decision_no",
    "decision_date",
    "issuer",
    "award",
    "recipient_kind",
    "name",
    "unit",
    "area",
    "year",
    "achievement",
)
# What makes two register rows the same award: one decision gives one award once to one recipient.
SAME_AWARD = ("decision_no", "award", "recipient_kind", "name", "unit", "area")
# A registration or a proposal: a recipient and the title aimed at in a year, without a decision.
RECIPIENT = ("year", "award", "recipient_kind", "name", "unit", "area")
# The longest text each column holds: the store's column sizes, and what a list is checked against.
LIMITS = {"decision_no": 100, "issuer": 200, "name": 300, "unit": 300, "area": 64}
