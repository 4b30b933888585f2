"""Words for a parent area's figures added up from its units, and for charts drawn on request."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("on_demand",)
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "on_demand.trend": ("Vẽ diễn biến qua các năm", "Draw the figures year by year"),
    "on_demand.trend_help": (
        "Biểu đồ một chỉ tiêu qua mọi năm có số liệu, không chỉ giai đoạn đang chọn.",
        "A chart of one indicator over every year with a figure, not only the chosen term.",
    ),
    "on_demand.trend_none": (
        "Chưa chỉ tiêu nào của trang này có số liệu từ hai năm trở lên ở địa bàn này.",
        "No indicator of this page has figures for two years or more in this area.",
    ),
}
