"""Commendation counts: highest award first, totals by level, and a dataset without any."""

from __future__ import annotations

from dataclasses import replace

import pytest

from indicators.core.model import Dataset
from indicators.text import commendations


def test_commendations_highest_award_first_collectives_before_individuals(data: Dataset) -> None:
    counts = commendations.commendations(data, "vi")
    ranked = counts[counts["level"] != ""]
    assert ranked["code"].tolist()[:4] == ["KT_HCLD3_TT", "KT_HCLD3_CN", "CO_CP_TT", "BK_TTG_TT"]
    assert ranked["code"].tolist()[-1] == "LDTT_CN"
    assert ranked.iloc[0]["award"] == "Huân chương Lao động hạng Ba"
    assert counts.loc[counts["code"] == "EXEMPLARY_TT", "qualifier"].iloc[0] == "tren"
    individuals = commendations.commendations(data, "vi", recipient="ca_nhan")
    assert set(individuals["recipient"]) == {"ca_nhan"}


def test_totals_by_level(data: Dataset) -> None:
    counts = commendations.commendations(data, "en")
    table = commendations.levels_table(counts, "en")
    assert list(table.columns) == ["level", "tap_the", "ca_nhan", "total", "share"]
    assert table[["level", "tap_the", "ca_nhan", "total"]].to_numpy().tolist() == [
        ["State", 1.0, 2.0, 3.0],
        ["Government", 3.0, 9.0, 12.0],
        ["Province", 213.0, 629.0, 842.0],
        ["Grassroots", 618.0, 6984.0, 7602.0],  # 885 + 6.099 individuals
    ]
    assert table["share"].sum() == pytest.approx(100)
    assert table["share"].iloc[-1] == pytest.approx(7602 / 8459 * 100)


def test_the_finding_names_the_level_with_most_awards_and_its_share(data: Dataset) -> None:
    counts = commendations.commendations(data, "vi")
    assert commendations.finding(counts, "vi") == (
        "Cấp cơ sở chiếm nhiều lượt khen thưởng nhất: 89,9\u202f% (7.602/8.459 lượt)"
    )
    assert commendations.finding(commendations.commendations(data, "en"), "en") == (
        "The largest share of awards is at grassroots level: 89.9\u202f% (7,602 of 8,459)"
    )
    # Collectives alone: 618 of 1 + 3 + 213 + 618 = 835 are at grassroots level.
    collectives = commendations.commendations(data, "en", recipient="tap_the")
    assert commendations.finding(collectives, "en") == (
        "The largest share of awards is at grassroots level: 74\u202f% (618 of 835)"
    )
    assert commendations.finding(collectives.iloc[0:0], "en") == ""


def test_each_level_lists_its_awards_highest_first(data: Dataset) -> None:
    counts = commendations.commendations(data, "vi")
    state = commendations.level_awards(counts, "state", "vi")
    assert state.to_numpy().tolist() == [
        ["Huân chương Lao động hạng Ba", "Tập thể", 1.0],
        ["Huân chương Lao động hạng Ba", "Cá nhân", 2.0],
    ]
    grassroots = commendations.level_awards(counts, "grassroots", "vi")
    assert grassroots["count"].tolist() == [618.0, 885.0, 6099.0]
    assert commendations.level_awards(counts, "nowhere", "vi").empty


def test_commendations_of_a_dataset_without_any(data: Dataset) -> None:
    bare = replace(data, indicators=data.indicators[data.indicators["domain"] != "commendations"])
    assert commendations.commendations(bare, "vi").empty
    assert commendations.levels_table(commendations.commendations(bare, "vi"), "vi").empty
