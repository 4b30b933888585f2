"""Commendation counts: highest award first, totals by level, and a dataset without any."""

from __future__ import annotations

from dataclasses import replace

from indicators import (
    commendations,
    figures,
)
from indicators.model import Dataset


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
    assert table.to_numpy().tolist() == [
        ["State", "Collectives", 1.0],
        ["State", "Individuals", 2.0],
        ["Government", "Collectives", 3.0],
        ["Government", "Individuals", 9.0],
        ["Province", "Collectives", 213.0],
        ["Province", "Individuals", 629.0],
        ["Grassroots", "Collectives", 618.0],
        ["Grassroots", "Individuals", 6984.0],
    ]
    fig = figures.awards_figure(counts, "en")
    assert fig.data[0].text[-1] == "6,099"
    assert set(fig.data[0].marker.pattern.shape) == {"", "."}


def test_commendations_of_a_dataset_without_any(data: Dataset) -> None:
    bare = replace(data, indicators=data.indicators[data.indicators["domain"] != "commendations"])
    assert commendations.commendations(bare, "vi").empty
    assert commendations.levels_table(commendations.commendations(bare, "vi"), "vi").empty
