"""Words for honest figures: target bases, estimates, yes/no and yearly goals, metadata, sources, backups."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "status.khong_danh_gia": ("không đánh giá", "not judged"),
    "progress.not_yet": ("chưa đạt", "not yet met"),
    "progress.missed_year": ("năm gần nhất chưa đạt", "missed in the latest year"),
    "progress.not_judged": ("không đánh giá", "not judged"),
    "kind.MT": ("Mục tiêu cụ thể 2020–2025 (báo cáo)", "Specific goals 2020–2025 (the report)"),
    "cmp.remainder": ("phần còn lại", "the remainder"),
    "cmp.yes": ("đạt (có/không)", "met (yes/no)"),
    "basis.stated": ("nêu trong văn bản", "stated"),
    "basis.implied": ("suy ra từ tỷ lệ báo cáo", "implied by the report's %"),
    "basis.none": ("không có số mục tiêu", "no target figure"),
    "abasis.printed": ("tỷ lệ báo cáo in", "as printed"),
    "abasis.printed_short": ("báo cáo in", "as printed"),
    "actual.estimate": ("ước", "est."),
    "actual.official": ("chính thức", "official"),
    "yearly": ("hàng năm", "every year"),
    "meta.definition": ("Định nghĩa", "Definition"),
    "chart.implied_note": (
        "≈: mục tiêu suy ra từ tỷ lệ báo cáo; % đạt là tỷ lệ báo cáo in.",
        "≈: target implied by the report's %; the attainment is the printed %.",
    ),
    "card.estimate": ("báo cáo viết trong năm 2020", "the report was written during 2020"),
    "meta.unit_meaning": ("Đơn vị tính", "Unit"),
    "meta.computation": ("Cách tính", "How it is computed"),
    "meta.aggregation": ("Cộng gộp giữa các địa bàn", "Adding up across areas"),
    "meta.source": ("Nguồn", "Source"),
    "detail.meta": ("Chỉ tiêu này nghĩa là gì", "What this indicator means"),
    "source.line": ("Nguồn: {sources}; dữ liệu phiên bản {v}.", "Source: {sources}; data version {v}."),
    "source.report": (
        "báo cáo tổng kết thi đua – khen thưởng 2015–2020 của UBND huyện Tam Đường",
        "Tam Đường district People's Committee report 2015–2020",
    ),
    "source.version": ("phiên bản {v}", "version {v}"),
    "source.rollback": ("khôi phục phiên bản {v}", "restored version {v}"),
    "source.upload": ("tệp tải lên", "an uploaded file"),
    "obs.total": ("Tổng số", "Out of"),
    "obs.change_estimate": ("Ước thay đổi so với năm {y}", "Estimated change since {y}"),
    "obs.change_per_year_estimate": ("Ước bình quân mỗi năm từ {y}", "Estimated average a year since {y}"),
    "col.basis": ("Cơ sở mục tiêu", "Target basis"),
    "col.actual_kind": ("Loại số liệu", "Kind of figure"),
    "col.yearly": ("Hàng năm", "Every year"),
    "overview.bases": (
        "{stated} dòng có mục tiêu nêu trong văn bản (kiểm tra được số học của báo cáo), {implied} "
        "dòng có mục tiêu suy ra từ tỷ lệ báo cáo (≈, % đạt là % báo cáo in).",
        "{stated} rows with a stated target (an independent check of the report's arithmetic), "
        "{implied} rows with a target implied by the report's % (≈; the attainment is the printed %).",
    ),
    "obs.no_base": ("báo cáo không nêu năm gốc", "the report names no base year"),
    # --- migrations and backups ---
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
