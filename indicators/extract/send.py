"""A commune reporter's accepted rows sent as a submission for their round, never committed as a version."""

from __future__ import annotations

import pandas as pd

from indicators.core.model import Dataset
from indicators.excel.validate import Upload
from indicators.extract import review
from indicators.rounds import workflow
from indicators.store import accounts, scope
from indicators.store.accounts import Role
from indicators.store.database import Store
from indicators.text.i18n import MessageError, msg


class SendError(MessageError):
    """Accepted rows that cannot be sent as they are; nothing was sent."""


def other_areas(table: pd.DataFrame, areas: pd.DataFrame, area: str) -> pd.DataFrame:
    """The accepted rows whose area is neither `area` nor a unit under it: indicator, area, year, kind."""
    chosen = table[table["accept"].fillna(False).astype(bool)]
    allowed = scope.descendants(areas, area)
    wrong = chosen[~chosen["area"].astype(str).isin(allowed)]
    return wrong.rename(columns={"indicator": "code"})[scope.FIGURE_KEY].astype({"year": "Int64"})


def submit(
    store: Store, account: str, table: pd.DataFrame, current: Dataset, document: str, sha256: str
) -> int:
    """The accepted rows as the reporter's pending submission for their round; the submission's id.

    Refused, naming them, when a row is of another area; refused as the rounds workflow refuses any
    submission (no open round, several years, a locked figure, the checks of an upload); nothing sent.
    """
    found = accounts.account(store, account)
    if found is None or found.role is not Role.REPORTER or not found.area:
        raise SendError(msg("rounds.reporters_only", name=account.strip()))
    wrong = other_areas(table, current.areas, found.area)
    if not wrong.empty:
        raise SendError(
            msg("extract.other_area", rows=scope.figure_names(wrong), n=len(wrong), area=found.area)
        )
    upload, _left_out = review.as_upload(table, current, document, sha256)
    return _send_checked(store, account, upload)


def _send_checked(store: Store, account: str, upload: Upload) -> int:
    """A checked upload sent through the rounds workflow; its refusals come back as a SendError."""
    if not upload.ok:
        raise SendError(msg("rounds.upload_not_ok"))
    try:
        return workflow.submit(store, account, upload)
    except (workflow.RoundError, scope.ScopeError, scope.LockedError) as exc:
        raise SendError(exc.message) from exc
