"""Words for the store's errors: it cannot be opened, read or written."""

from __future__ import annotations

# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    # No address, path or driver words: strangers read these; the log and the CLI get the details.
    "store.cannot_open": (
        "Không mở được kho dữ liệu; hãy báo người quản trị.",
        "The data store cannot be opened; please tell the administrator.",
    ),
    "store.no_version": (
        "Không có phiên bản {v}: kho có các phiên bản 1–{latest}.",
        "There is no version {v}: the store holds versions 1–{latest}.",
    ),
    "store.moved": (
        "Trong lúc xem trước, đã có phiên bản mới ({latest}); hãy xem lại thay đổi rồi ghi lại.",
        "While you were previewing, a new version ({latest}) was saved; review the change and commit again.",
    ),
    "store.busy": (
        "Kho dữ liệu đang bận với một lần cập nhật khác, xin thử lại sau ít phút.",
        "The data store is busy with another update; please try again in a few minutes.",
    ),
    "store.read_only": (
        "Kho dữ liệu đang ở chế độ chỉ đọc: không ghi được phiên bản mới. Người xem vẫn xem được.",
        "The data store is read-only: no new version can be written. Viewers can still read it.",
    ),
    "store.disk_full": (
        "Ổ đĩa của kho dữ liệu đã đầy: không ghi được phiên bản mới. Dữ liệu cũ vẫn nguyên vẹn.",
        "The data store's disk is full: no new version can be written. The existing data is intact.",
    ),
    "store.cannot_write": (
        "Không ghi được vào kho dữ liệu; dữ liệu cũ vẫn nguyên vẹn. Hãy thử lại hoặc báo người quản trị.",
        "The data store cannot be written to; the existing data is intact. Try again or tell the "
        "administrator.",
    ),
    "store.cannot_keep_session": (
        "Không ghi hay đọc được phiên đăng nhập: {detail}",
        "The sign-in session cannot be written or read: {detail}",
    ),
    "data.loading": (
        "Đang nạp số liệu phiên bản {v}…",
        "Loading the figures of version {v}…",
    ),
    "store.cannot_check_account": (
        "Không kiểm tra được tài khoản lúc này; hãy thử lại sau ít phút.",
        "The account cannot be checked just now; please try again in a few minutes.",
    ),
}
