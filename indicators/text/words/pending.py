"""Words for figures sent but not yet approved, where a reader asked to see them: the switch and the mark."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("pending",)
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    # The mark after a figure sent but not yet approved, in a cell, a card, a chart and a báo cáo.
    "pending.mark": ("chưa duyệt", "not yet approved"),
    "pending.switch": ("Hiện số liệu chưa duyệt", "Show figures not yet approved"),
    "pending.switch_help": (
        "Số liệu các địa bàn đã gửi nhưng chưa được duyệt. Khi bật, mỗi số liệu như vậy được ghi "
        "rõ “chưa duyệt”; khi tắt, trang chỉ dùng số liệu đã duyệt.",
        "Figures areas have sent that have not been approved yet. When on, each such figure is marked "
        "“not yet approved”; when off, the page uses approved figures only.",
    ),
    "pending.count": (
        "Đang hiện {n} số liệu chưa duyệt, mỗi số liệu ghi “chưa duyệt”; tổng của địa bàn cấp trên "
        "có số liệu chưa duyệt cũng được ghi như vậy.",
        "Showing {n} figures not yet approved, each marked “not yet approved”; a parent area's total "
        "that holds one is marked the same way.",
    ),
    "pending.count_one": (
        "Đang hiện 1 số liệu chưa duyệt, ghi “chưa duyệt”; tổng của địa bàn cấp trên có số liệu này "
        "cũng được ghi như vậy.",
        "Showing 1 figure not yet approved, marked “not yet approved”; a parent area's total that holds "
        "it is marked the same way.",
    ),
    "pending.none": (
        "Không có số liệu nào đang chờ duyệt: trang chỉ có số liệu đã duyệt.",
        "No figures are waiting for review: the page holds approved figures only.",
    ),
    "pending.legend": (
        "“(chưa duyệt)”: số liệu địa bàn đã gửi nhưng chưa được duyệt, hoặc tổng có chứa số liệu như vậy.",
        "“(not yet approved)”: a figure an area has sent that has not been approved yet, or a total "
        "that holds one.",
    ),
    "pending.yes": ("chưa duyệt", "not yet approved"),
    "pending.no": ("đã duyệt", "approved"),
}
