"""Words for expensive downloads: waiting in the queue, and the sentences of a refused request."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("download", "gate")
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "gate.seconds": ("{n} giây", "{n} seconds"),
    "gate.minutes": ("{n} phút", "{n} minutes"),
    "gate.waiting": (
        "Đang chờ đến lượt: còn {n} yêu cầu trước yêu cầu của bạn. Xin giữ nguyên trang này.",
        "Waiting for your turn: {n} requests are ahead of yours. Please stay on this page.",
    ),
    "gate.one_ahead": (
        "Đang chờ đến lượt: còn một yêu cầu trước yêu cầu của bạn. Xin giữ nguyên trang này.",
        "Waiting for your turn: one request is ahead of yours. Please stay on this page.",
    ),
    "gate.next": (
        "Đang chờ đến lượt: yêu cầu của bạn là yêu cầu tiếp theo. Xin giữ nguyên trang này.",
        "Waiting for your turn: yours is the next request. Please stay on this page.",
    ),
    "gate.running": ("Đang tạo tệp của bạn…", "Making your file…"),
    "gate.busy": (
        "Máy chủ đang bận tạo nhiều tệp cho người khác. Xin thử lại sau khoảng {wait}.",
        "The server is busy making files for other people. Please try again in about {wait}.",
    ),
    "gate.session": (
        "Bạn đã yêu cầu nhiều tệp trong thời gian ngắn. Xin thử lại sau khoảng {wait}.",
        "You have asked for many files in a short time. Please try again in about {wait}.",
    ),
    "gate.address": (
        "Địa chỉ mạng của bạn đã yêu cầu nhiều tệp trong thời gian ngắn. Xin thử lại sau khoảng {wait}.",
        "Many files have been asked for from your network address in a short time. "
        "Please try again in about {wait}.",
    ),
    "download.excel_make": ("Tạo bảng Excel", "Make the Excel table"),
    "download.excel_making": ("Đang tạo bảng Excel…", "Making the Excel table…"),
    "download.excel_large": (
        "Bảng lớn ({n} ô): tệp Excel được tạo khi bạn yêu cầu.",
        "A large table ({n} cells): the Excel file is made when you ask for it.",
    ),
    "download.excel": ("Tải bảng Excel", "Download Excel table"),
}
