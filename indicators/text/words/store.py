"""Words for the store: errors opening, reading or writing it, schema upgrades and backups."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("backup", "data", "migrate", "store")
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
    "migrate.partial": (
        "Kho dữ liệu có một phần bảng của ứng dụng nhưng không đủ: không tự nâng cấp được. "
        "Hãy khôi phục từ bản sao lưu.",
        "The store holds some of the application's tables but not all: it cannot be upgraded. "
        "Restore it from a backup.",
    ),
    "migrate.newer": (
        "Kho dữ liệu ở lược đồ {before}, mới hơn phiên bản phần mềm này (mới nhất: {head}): hãy "
        "cập nhật phần mềm.",
        "The store is at schema {before}, newer than this release knows (newest: {head}): update "
        "the software.",
    ),
    "backup.refused": (
        "không khôi phục từ {name}: {why}. Kho dữ liệu không bị thay đổi.",
        "not restored from {name}: {why}. The store is unchanged.",
    ),
    "backup.cannot_write": (
        "không ghi được bản sao lưu {path}: {detail}",
        "cannot write the backup {path}: {detail}",
    ),
    "backup.cannot_read": ("không đọc được tệp {path}: {detail}", "cannot read the file {path}: {detail}"),
    "backup.why_damaged_sqlite": ("tệp SQLite bị hỏng ({detail})", "the SQLite file is damaged ({detail})"),
    "backup.why_not_store": (
        "đây không phải kho dữ liệu chỉ tiêu (không có bảng phiên bản)",
        "this is not an indicators store (no versions table)",
    ),
    "backup.why_newer": (
        "bản sao lưu ở lược đồ {revision}, mới hơn phần mềm này",
        "the backup is at schema {revision}, newer than this release",
    ),
    "backup.why_unreadable": ("không đọc được tệp ({detail})", "the file cannot be read ({detail})"),
    "backup.why_bad_gzip": (
        "tệp nén bị hỏng hoặc không phải JSON",
        "the compressed file is damaged or not JSON",
    ),
    "backup.why_foreign": (
        "đây không phải bản sao lưu của bảng chỉ tiêu",
        "this is not a backup of the indicators dashboard",
    ),
    "backup.why_missing_tables": ("bản sao lưu thiếu bảng", "the backup lacks tables"),
    "backup.why_checksum": (
        "tổng kiểm tra sha256 không khớp: tệp đã bị sửa hoặc hỏng",
        "the sha256 checksum does not match: the file was edited or damaged",
    ),
    "backup.why_unknown_revision": (
        "bản sao lưu ở lược đồ {revision}, phần mềm này không biết",
        "the backup is at schema {revision}, unknown to this release",
    ),
    "backup.why_invalid": ("nội dung không hợp lệ ({detail})", "its content is invalid ({detail})"),
    "backup.why_write": ("không ghi được ({detail})", "it could not be written ({detail})"),
    "backup.why_not_backup": (
        "đây không phải bản sao lưu (không phải tệp SQLite hay bản kết xuất .json.gz)",
        "this is not a backup (neither an SQLite file nor a .json.gz dump)",
    ),
}
