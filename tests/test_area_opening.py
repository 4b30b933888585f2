"""The one rule for the area a page opens on: the reader's choice, the account's area, then figures."""

from __future__ import annotations

import pytest

from indicators.areas.opening import Opening, opening

# Lai Châu (12) with three of its communes; the province sorts first, as its picker label does.
ORDERED = ["12", "03390", "03405", "03424"]
COMMUNES = {"03390", "03405", "03424"}
LAI_CHAU = {"12", *COMMUNES}


@pytest.mark.parametrize(
    ("case", "with_figures", "options", "expected"),
    [
        ("nothing said: the first with figures", {"03405", "03424"}, {}, Opening("03405", "first")),
        ("every area counts when the page says none", None, {}, Opening("12", "first")),
        (
            "the province with figures of its own",
            {"12", "03390"},
            {"provinces": ["12"]},
            Opening("12", "province"),
        ),
        (
            "a province with only a target is passed over",
            COMMUNES,
            {"provinces": ["12"]},
            Opening("03390", "first"),
        ),
        (
            "the choice made last wins over the account",
            COMMUNES,
            {"chosen": "03424", "account_area": "03390"},
            Opening("03424", "chosen"),
        ),
        (
            "a choice is kept even where the page has only its target",
            {"03390"},
            {"chosen": "12", "provinces": ["12"]},
            Opening("12", "chosen"),
        ),
        (
            "a choice this page does not offer is no choice here",
            COMMUNES,
            {"chosen": "03430", "account_area": "03424"},
            Opening("03424", "account", "03424"),
        ),
        (
            "the account's commune before the province",
            {"12", *COMMUNES},
            {"account_area": "03424", "provinces": ["12"]},
            Opening("03424", "account", "03424"),
        ),
        (
            "a province's analyst: its first commune with figures, the province having none",
            {"03405", "03424"},
            {"account_area": "12", "account_units": LAI_CHAU, "provinces": ["12"]},
            Opening("03405", "account_unit", "12"),
        ),
        (
            "the account's commune with only a target: the province with figures",
            {"12", "03390"},
            {"account_area": "03424", "account_units": {"03424"}, "provinces": ["12"]},
            Opening("12", "province", "03424"),
        ),
        (
            "the account's area holds nothing on the page: the first with figures",
            {"03390"},
            {"account_area": "03430", "account_units": {"03430"}, "provinces": ["12"]},
            Opening("03390", "first", "03430"),
        ),
        (
            "no figures anywhere: the first area, and the reason says so",
            set(),
            {"account_area": "03424", "provinces": ["12"]},
            Opening("12", "no_figures", "03424"),
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_the_rule(case: str, with_figures: set[str] | None, options: dict, expected: Opening) -> None:
    assert opening(ORDERED, with_figures, **options) == expected


def test_the_account_s_province_is_tried_before_the_others() -> None:
    ordered = ["11", "12", "46", "03390"]
    found = opening(ordered, {"11", "12", "46"}, account_area="03390", provinces=["12", "11", "46"])
    # 03390 has only a target and nothing under it: its own province, not the first in the list.
    assert found == Opening("12", "province", "03390")


def test_no_areas_offered_opens_on_none() -> None:
    assert opening([], {"12"}, chosen="12", account_area="12") is None
