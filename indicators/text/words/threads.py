"""Words for a figure's thread and history, and the reminder letter (công văn đôn đốc) of a round."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("threads", "reminder")
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
    "threads.year_none": (
        "Chưa có số liệu cả năm {year} của số liệu này; dưới đây là số liệu 6 tháng.",
        "No value for the whole year {year} is stored yet; the half-year values are below.",
    ),
    "threads.halves": ("Số liệu 6 tháng (không phải số liệu cả năm)", "Half-year values (not the year's)"),
    "threads.col.period": ("Kỳ", "Period"),
    "threads.pick_row": (
        "Trao đổi và lịch sử của chỉ tiêu (chọn một dòng của bảng)",
        "Comments and history of an indicator (choose a row of the table)",
    ),
    "threads.pick_row_none": ("Chọn một chỉ tiêu để xem", "Choose an indicator to read"),
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
    "reminder.number": ("Số:        /UBND-VP", "No.:        /UBND-VP"),
    "reminder.subject": (
        "V/v đôn đốc gửi báo cáo số liệu chỉ tiêu năm {year}",
        "On sending the indicator figures of {year}: a reminder",
    ),
    "reminder.issuer": ("Ủy ban nhân dân {area}", "The People's Committee of {area}"),
    "reminder.addressee": ("Kính gửi: ……………………………………", "To: ……………………………………"),
    "reminder.basis": (
        "Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24 tháng 01 năm 2019 của Chính phủ quy định chế độ "
        "báo cáo của cơ quan hành chính nhà nước;",
        "Pursuant to the Government's Decree No. 09/2019/ND-CP of 24 January 2019 on the reporting "
        "regime of state administrative agencies;",
    ),
    "reminder.round": (
        "{issuer} đã mở kỳ báo cáo số liệu năm {year}{period} gồm {n} chỉ tiêu, hạn gửi ngày {due}.",
        "{issuer} opened the round of figures for {year}{period}, {n} indicators, due on {due}.",
    ),
    "reminder.half_1": (", 6 tháng đầu năm", ", first half"),
    "reminder.half_2": (", 6 tháng cuối năm", ", second half"),
    "reminder.state": (
        "Tính đến ngày {today}, {missing}/{areas} địa bàn chưa gửi báo cáo, với {figures} số liệu "
        "phải gửi (danh sách kèm theo).",
        "As of {today}, {missing} of {areas} areas have not sent their figures, {figures} figures in "
        "all (list attached).",
    ),
    "reminder.asked": (
        "{issuer} đề nghị các địa bàn có tên trong danh sách khẩn trương gửi đủ số liệu trước ngày "
        "…………… để tổng hợp theo quy định.",
        "{issuer} asks the areas named in the list to send all their figures before …………… so that "
        "they can be compiled as the rules require.",
    ),
    "reminder.closing": (
        "Đề nghị các địa bàn nghiêm túc thực hiện./.",
        "The areas are asked to act on this./.",
    ),
    "reminder.recipient_as_above": ("- Như trên;", "- As above;"),
    "reminder.list": ("DANH SÁCH", "LIST"),
    "reminder.list_title": (
        "CÁC ĐỊA BÀN CHƯA GỬI BÁO CÁO SỐ LIỆU NĂM {year}",
        "AREAS THAT HAVE NOT SENT THEIR FIGURES FOR {year}",
    ),
    "reminder.list_note": ("Tính đến ngày {today}.", "As of {today}."),
    "reminder.none": ("Mọi địa bàn đã gửi báo cáo.", "Every area has sent its figures."),
    "reminder.col_stt": ("STT", "No."),
    "reminder.col_area": ("Địa bàn", "Area"),
    "reminder.col_code": ("Mã", "Code"),
    "reminder.col_expected": ("Số liệu phải gửi", "Figures due"),
    "reminder.col_received": ("Đã nhận", "Received"),
    "reminder.col_late": ("Số ngày trễ hạn", "Days late"),
    "reminder.col_state": ("Tình trạng", "State"),
    "reminder.bad_out": (
        "Tệp ghi ra phải có đuôi .docx hoặc .pdf: {out}",
        "The file to write must end in .docx or .pdf: {out}",
    ),
    "reminder.written": (
        "Đã ghi {out}: công văn đôn đốc {n} địa bàn chưa gửi.",
        "Wrote {out}: the reminder to the {n} areas that have not sent.",
    ),
    "reminder.download": ("Công văn đôn đốc ({fmt})", "Reminder letter ({fmt})"),
    "threads.flagged_where": (
        "Câu hỏi, câu trả lời và lịch sử của từng số liệu ở trang Chỉ tiêu, mục “Trao đổi và lịch sử”.",
        "Each figure's questions, answers and history are on the Indicator page, under "
        "“Comments and history”.",
    ),
}
