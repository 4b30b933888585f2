"""The guide's line of area codes: names as the store holds them, from the dataset it is written for."""

from __future__ import annotations

import pandas as pd

from indicators.core.model import Dataset
from indicators.excel import guide

AREAS = [
    {"code": "12", "name": "Tỉnh Lai Châu", "level": "province", "parent": ""},
    {"code": "106", "name": "Huyện Tam Đường", "level": "district", "parent": "12", "valid_to": "2025-06-30"},
    {"code": "03390", "name": "TT Tam Đường", "level": "commune", "parent": "106", "valid_to": "2025-06-30"},
    {"code": "03412", "name": "Xã Bình Lư", "level": "commune", "parent": "106", "valid_to": "2025-06-30"},
    {"code": "03390", "name": "Xã Bình Lư", "level": "commune", "parent": "12", "valid_from": "2025-07-01"},
]
LINKS = [
    {"code": "03390", "from_code": "03390", "date": "2025-07-01", "part": "whole"},
    {"code": "03390", "from_code": "03412", "date": "2025-07-01", "part": "whole"},
]


def _dataset(areas: list[dict[str, str]], links: list[dict[str, str]]) -> Dataset:
    return Dataset.from_frames({"areas": pd.DataFrame(areas), "area_links": pd.DataFrame(links)})


def test_the_codes_line_names_the_province_the_default_and_the_units_formed_from_its_own() -> None:
    lines = guide.instructions(_dataset(AREAS, LINKS), "106")
    codes = next(line for line in lines if line.startswith("8. "))
    # A reused code is named by its newest unit (the last row of that code).
    assert codes == (
        "8. Mã địa bàn là mã đơn vị hành chính của cơ quan thống kê (cột Mã địa bàn, trang DiaBan), "
        "không viết tắt: 12 (Tỉnh Lai Châu), 106 (Huyện Tam Đường); từ 01/07/2025 các đơn vị hình thành "
        "từ các xã, thị trấn của 106: 03390 (Xã Bình Lư). Danh sách đủ ở trang DiaBan."
    )
    assert "nếu không là 106 (Huyện Tam Đường)." in "\n".join(lines)


def test_another_dataset_gets_its_own_codes_line_and_a_code_the_store_lacks_stays_a_code() -> None:
    first = guide.instructions(_dataset(AREAS, LINKS), "106")
    other = guide.instructions(_dataset(AREAS[:2], []), "106")
    unknown = guide.instructions(_dataset(AREAS, LINKS), "999")
    assert first != other
    assert next(line for line in other if line.startswith("8. ")).endswith(
        "không viết tắt: 12 (Tỉnh Lai Châu), 106 (Huyện Tam Đường). Danh sách đủ ở trang DiaBan."
    )
    assert next(line for line in unknown if line.startswith("8. ")).endswith(
        "không viết tắt: 999. Danh sách đủ ở trang DiaBan."
    )
    # The first dataset's line is unchanged by writing the others.
    assert guide.instructions(_dataset(AREAS, LINKS), "106") == first
