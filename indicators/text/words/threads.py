"""Words for a figure's thread and history, and the reminder letter (công văn đôn đốc) of a round."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("threads",)
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "threads.text_needed": (
        "Cần ghi nội dung câu hỏi hoặc câu trả lời.",
        "Write the question or the answer.",
    ),
    "threads.too_long": (
        "Một ý kiến dài tối đa {n} ký tự.",
        "A comment holds at most {n} characters.",
    ),
    "threads.no_question": (
        "Không có câu hỏi số {id} về số liệu này để trả lời.",
        "There is no question {id} about this figure to answer.",
    ),
    "threads.already_flagged": (
        "Số liệu này đã được đánh dấu \u201ccần xem lại\u201d.",
        "This figure is already marked \u201cto be checked\u201d.",
    ),
    "threads.not_flagged": (
        "Số liệu này không có dấu \u201ccần xem lại\u201d để bỏ.",
        "This figure has no \u201cto be checked\u201d mark to clear.",
    ),
    "threads.viewers_read": (
        "Tài khoản {name} chỉ được xem: người xem không gửi ý kiến về số liệu.",
        "The account {name} may only read: viewers do not comment on figures.",
    ),
    "threads.analysts_flag": (
        "Tài khoản {name} không được đặt hay bỏ dấu \u201ccần xem lại\u201d: việc này của cán bộ chuyên môn.",
        "The account {name} may not set or clear the \u201cto be checked\u201d mark: that is for an analyst.",
    ),
    "threads.no_figure": (
        "Không có chỉ tiêu {code} hoặc địa bàn {area} trong dữ liệu hiện hành.",
        "The current data has no indicator {code} or no area {area}.",
    ),
    "threads.section": ("Trao đổi và lịch sử", "Comments and history"),
    "threads.pick_year": ("Số liệu năm", "Figure of the year"),
    "threads.pick_kind": ("Loại số liệu", "Kind of figure"),
    "threads.flagged": ("⚑ Cần xem lại", "⚑ To be checked"),
    "threads.not_flagged_badge": ("Không có dấu cần xem lại", "Not marked to be checked"),
    "threads.counts": (
        "{questions} câu hỏi: {answered} đã trả lời, {open} chưa trả lời.",
        "{questions} questions: {answered} answered, {open} open.",
    ),
    "threads.counts_only": (
        "Người xem thấy số câu hỏi và dấu cần xem lại; nội dung và tên cán bộ chỉ cán bộ chuyên môn "
        "và cán bộ xã của địa bàn xem được.",
        "Viewers see how many questions there are and the mark; what was written and the officers' "
        "names are for the area's analysts and commune reporters.",
    ),
    "threads.none": ("Chưa có trao đổi về số liệu này.", "No comments on this figure yet."),
    "threads.question": ("Hỏi", "Question"),
    "threads.answer": ("Trả lời", "Answer"),
    "threads.flag": ("Đánh dấu cần xem lại", "Marked to be checked"),
    "threads.unflag": ("Bỏ dấu cần xem lại", "Mark cleared"),
    "threads.ask": ("Đặt câu hỏi", "Ask a question"),
    "threads.reply": ("Trả lời câu hỏi số", "Answer question number"),
    "threads.text": ("Nội dung", "Text"),
    "threads.send": ("Gửi", "Send"),
    "threads.set_flag": ("Đánh dấu cần xem lại", "Mark to be checked"),
    "threads.clear_flag": ("Bỏ dấu cần xem lại", "Clear the mark"),
    "threads.sent": ("Đã ghi.", "Saved."),
    "threads.history": ("Lịch sử số liệu", "History of the figure"),
    "threads.history_none": (
        "Chưa có số liệu này trong các phiên bản đã lưu.",
        "No stored version holds this figure yet.",
    ),
    "threads.flagged_list": ("Số liệu cần xem lại", "Figures to be checked"),
    "threads.flagged_none": ("Không có số liệu nào đang cần xem lại.", "No figure is marked to be checked."),
    "threads.event.value": ("giá trị", "value"),
    "threads.event.lock": ("khóa sau khi duyệt", "locked on approval"),
    "threads.event.unlock": ("mở khóa", "unlocked"),
    "threads.col.event": ("Sự kiện", "Event"),
    "threads.col.version": ("Phiên bản", "Version"),
    "threads.col.until_version": ("Thay bởi phiên bản", "Replaced in version"),
    "threads.col.value": ("Giá trị", "Value"),
    "threads.col.at": ("Thời điểm", "When"),
    "threads.col.written_by": ("Người ghi", "Written by"),
    "threads.col.submission": ("Báo cáo số", "Submission"),
    "threads.col.submitted_by": ("Người gửi", "Sent by"),
    "threads.col.submitted_at": ("Gửi lúc", "Sent at"),
    "threads.col.approved_by": ("Người duyệt", "Approved by"),
    "threads.col.reason": ("Lý do", "Reason"),
    "threads.col.action": ("Cách ghi", "How written"),
    "threads.col.id": ("Số", "No."),
    "threads.col.who": ("Người viết", "Written by"),
    "threads.col.kind": ("Loại", "Kind"),
    "threads.col.text": ("Nội dung", "Text"),
    "threads.col.figure": ("Số liệu", "Figure"),
}
