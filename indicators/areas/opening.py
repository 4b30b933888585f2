"""Which area a page opens on: the one rule every area picker follows, as a function of plain choices."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

# Why a page opened on its area, in the order the rule tries them:
# chosen: the area the reader chose last in this session, or a shared link's;
# account: the signed-in account's own area;
# account_unit: the first area with figures under the account's area (which has none of its own);
# province: a province with figures of its own;
# first: the first area with figures;
# no_figures: no area offered has a figure, only targets: the first area, said as such.
Reason = Literal["chosen", "account", "account_unit", "province", "first", "no_figures"]


@dataclass(frozen=True)
class Opening:
    """The area a page opens on, the step of the rule that chose it, and the account's area it weighed."""

    area: str
    reason: Reason
    account_area: str | None = None


def opening(
    ordered: Sequence[str],
    with_figures: Collection[str] | None = None,
    *,
    chosen: str | None = None,
    account_area: str | None = None,
    account_units: Collection[str] = (),
    provinces: Sequence[str] = (),
) -> Opening | None:
    """The area a picker of `ordered` starts on; None when it offers none.

    The reader's own choice (or a link's) is kept as it is. Every other step passes over an area
    with only a target: after communes' figures arrive, a page never opens on a province that has
    none of its own. `with_figures`: the offered areas with a figure (None: all of them);
    `account_units`: the areas under the account's area; `provinces`: the provinces in the order to
    try them (the account's own province first).
    """
    if not ordered:
        return None
    if chosen is not None and chosen in ordered:
        return Opening(chosen, "chosen")
    measured = [a for a in ordered if with_figures is None or a in with_figures]
    held = set(measured)
    if account_area is not None and account_area in held:
        return Opening(account_area, "account", account_area)
    if account_area is not None:
        under = [a for a in measured if a in account_units]
        if under:
            return Opening(under[0], "account_unit", account_area)
    for province in provinces:
        if province in held:
            return Opening(province, "province", account_area)
    if measured:
        return Opening(measured[0], "first", account_area)
    return Opening(ordered[0], "no_figures", account_area)
