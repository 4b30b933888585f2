"""The area hierarchy hands back codes; the words beside them (former, whole, part) come from i18n."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from indicators.areas import hierarchy
from indicators.core.model import Dataset
from indicators.store.seed import load_source


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load_source()


@pytest.mark.parametrize(
    ("lang", "former_district", "bum_to"),
    [
        ("vi", "Tỉnh Lai Châu › Huyện Tam Đường (cũ) · 106", "Tỉnh Lai Châu › Xã Bum Tở (cũ) · 03454"),
        (
            "en",
            "Lai Châu province › Tam Đường district (former) · 106",
            "Lai Châu province › Bum Tở commune (former) · 03454",
        ),
    ],
)
def test_a_former_unit_is_marked_in_the_readers_language(
    shipped: Dataset, lang: str, former_district: str, bum_to: str
) -> None:
    labels = hierarchy.picker_options(shipped.areas, lang).set_index("code")["label"]  # type: ignore[arg-type]
    assert (labels["106"], labels["03454"]) == (former_district, bum_to)
    assert labels["03390"].endswith("Bình Lư" + (" · 03390" if lang == "vi" else " commune · 03390"))


def test_formed_from_says_whole_and_part_in_either_language(shipped: Dataset) -> None:
    links = shipped.area_links.copy()
    # One link made partial, with its share, so both words are said.
    first = links.index[links["code"] == "03390"][0]
    links.loc[first, ["part", "share"]] = ["part", 0.4]
    data = replace(shipped, area_links=links)
    said = (hierarchy.formed_from_text(data, "vi")["03390"], hierarchy.formed_from_text(data, "en")["03390"])
    assert said == (
        "03390 một phần (40%); 03412 toàn bộ; 03413 toàn bộ",
        "03390 part (40%); 03412 whole; 03413 whole",
    )
    assert hierarchy.formed_from_text(replace(shipped, area_links=links.iloc[:0])).equals(
        pd.Series(dtype=str)
    )
