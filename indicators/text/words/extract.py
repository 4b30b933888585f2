"""Words for reading figures out of a báo cáo: the sentences of a refused document, the reader's columns."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("extract",)
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "extract.empty": (
        "Tệp trống hoặc không có chữ nào: không có số liệu để đọc.",
        "The file is empty or has no text: there are no figures to read.",
    ),
    "extract.too_big": (
        "Tệp nặng {size} MB, vượt giới hạn {limit} MB. Xin chia nhỏ báo cáo rồi tải lên từng phần.",
        "The file is {size} MB, over the {limit} MB limit. Please split the report and upload it in parts.",
    ),
    "extract.too_many_pages": (
        "Tài liệu có {pages} trang, quá {limit} trang đọc được một lần. Xin tải lên phần có số liệu.",
        "The document has {pages} pages, more than the {limit} read at once. Please upload the part "
        "with the figures.",
    ),
    "extract.scanned": (
        "Tệp PDF này là ảnh quét, không có lớp chữ: không đọc được số liệu. Xin tải lên bản Word hoặc "
        "PDF xuất từ Word, hoặc dán nội dung vào ô văn bản.",
        "This PDF is a scanned image with no text layer: its figures cannot be read. Please upload the "
        "Word file or a PDF saved from Word, or paste the text into the box.",
    ),
    "extract.bomb": (
        "Tệp Word này khi giải nén lớn bất thường (có thể là tệp độc hại) nên không được mở.",
        "This Word file unpacks to an unusual size (it may be a hostile file), so it was not opened.",
    ),
    "extract.damaged": (
        "Không mở được tệp: tệp bị hỏng hoặc không phải Word (.docx), PDF hay văn bản thuần.",
        "The file could not be opened: it is damaged or not a Word (.docx), PDF or plain-text file.",
    ),
    "extract.legacy_doc": (
        "Đây là tệp Word cũ (.doc). Xin mở bằng Word và lưu lại dạng .docx rồi tải lên.",
        "This is an old Word file (.doc). Please open it in Word, save it as .docx and upload that.",
    ),
    "extract.not_text": (
        "Tệp không phải Word (.docx), PDF hay văn bản thuần (UTF-8).",
        "The file is not a Word (.docx), PDF or plain-text (UTF-8) file.",
    ),
    "extract.not_vietnamese": (
        "Văn bản không phải tiếng Việt: bộ đọc chỉ hiểu cách viết số liệu của báo cáo tiếng Việt.",
        "The text is not in Vietnamese: the reader understands only how Vietnamese reports write figures.",
    ),
    "extract.limit": (
        "Đọc tệp này vượt giới hạn bộ nhớ hoặc thời gian của máy chủ nên đã dừng. Xin chia nhỏ tệp.",
        "Reading this file went over the server's memory or time limit and was stopped. Please split it.",
    ),
    "extract.page": ("Đọc số liệu từ báo cáo", "Figures from a report"),
    "extract.intro": (
        "Tải lên báo cáo (Word .docx, PDF có lớp chữ, văn bản) hoặc dán nội dung. Hệ thống đọc các số liệu; "
        "bạn kiểm tra từng dòng, sửa chỉ tiêu, địa bàn, năm, loại số liệu nếu cần, rồi chọn dòng để lưu. "
        "Không có gì được lưu khi chưa được bạn xác nhận.",
        "Upload a report (Word .docx, a PDF with a text layer, plain text) or paste its text. The system "
        "reads its figures; you check each row, correct the indicator, area, year or kind where needed, "
        "and choose the rows to save. Nothing is saved until you confirm it.",
    ),
    "extract.source": ("Nguồn", "Source"),
    "extract.source_file": ("Tải tệp lên", "Upload a file"),
    "extract.source_paste": ("Dán văn bản", "Paste text"),
    "extract.file": ("Tệp báo cáo (.docx, .pdf, .txt)", "Report file (.docx, .pdf, .txt)"),
    "extract.paste_box": ("Nội dung báo cáo", "The report's text"),
    "extract.read": ("Đọc số liệu", "Read the figures"),
    "extract.pasted_name": ("văn bản dán vào", "pasted text"),
    "extract.area": ("Địa bàn của báo cáo", "The report's area"),
    "extract.written_year": ("Năm viết báo cáo", "Year the report was written"),
    "extract.written_help": (
        "Số liệu của năm viết báo cáo là số ước thực hiện (năm chưa kết thúc). Để 0 nếu báo cáo viết sau khi "
        "năm đã kết thúc.",
        "Figures for the year the report was written are estimates (the year was not over). Leave 0 if the "
        "report was written after the year ended.",
    ),
    "extract.reading": ("Đang đọc {name}…", "Reading {name}…"),
    "extract.found": (
        "Tìm thấy {n} số liệu; {ticked} dòng được chọn sẵn (độ tin cậy từ 0,5 và đủ chỉ tiêu, năm).",
        "{n} figures found; {ticked} rows ticked already (confidence 0.5 or more, with an indicator and "
        "year).",
    ),
    "extract.goals_left": (
        "{n} số liệu là mục tiêu (phấn đấu, đến năm …): không nhập ở trang này.",
        "{n} figures are goals for a later year: they are not entered on this page.",
    ),
    "extract.accept_all": ("Chọn tất cả", "Accept all"),
    "extract.reject_all": ("Bỏ chọn tất cả", "Reject all"),
    "extract.col.accept": ("Lưu", "Save"),
    "extract.col.marked": (
        "Câu trong báo cáo (số liệu trong « »)",
        "Sentence in the report (figure in « »)",
    ),
    "extract.col.value": ("Số liệu", "Value"),
    "extract.col.unit": ("Đơn vị", "Unit"),
    "extract.col.indicator": ("Chỉ tiêu", "Indicator"),
    "extract.col.area": ("Địa bàn", "Area"),
    "extract.col.year": ("Năm", "Year"),
    "extract.col.kind": ("Loại số liệu", "Kind"),
    "extract.col.confidence": ("Độ tin cậy", "Confidence"),
    "extract.confidence_help": (
        "Mức chắc chắn của bộ đọc, từ 0 đến 1: dưới 0,5 là chưa chắc, cần kiểm tra kỹ.",
        "How sure the reader is, from 0 to 1: below 0.5 it is unsure and needs a careful check.",
    ),
    "extract.kind.actual": ("Thực hiện", "Actual"),
    "extract.kind.estimate": ("Ước thực hiện", "Estimate"),
    "extract.kind.change": ("Thay đổi", "Change"),
    "extract.kind.change_per_year": ("Bình quân mỗi năm", "Average a year"),
    "extract.kind.change_estimate": ("Ước thay đổi", "Estimated change"),
    "extract.kind.change_per_year_estimate": ("Ước bình quân mỗi năm", "Estimated average a year"),
    "extract.left_out": (
        "{n} dòng được chọn thiếu chỉ tiêu, năm hoặc số liệu nên không được lưu.",
        "{n} ticked rows lack an indicator, a year or a value, so they are not saved.",
    ),
    "extract.nothing_ticked": ("Chưa chọn dòng nào để lưu.", "No row is ticked to save."),
    "extract.refused": (
        "Các dòng đã chọn có {n} lỗi; sửa trong bảng ở trên rồi xem lại.",
        "The ticked rows have {n} errors; correct them in the table above and look again.",
    ),
    "extract.none_found": (
        "Không tìm thấy số liệu nào trong văn bản.",
        "No figures were found in the text.",
    ),
    "extract.other_area": (
        "Có {n} dòng của địa bàn khác: {rows}. Cán bộ xã chỉ gửi số liệu của địa bàn {area}; xin sửa "
        "địa bàn hoặc bỏ chọn các dòng đó. Không có gì được gửi.",
        "{n} rows are for another area: {rows}. A commune reporter sends only the figures of area "
        "{area}; please correct the area or untick those rows. Nothing was sent.",
    ),
    "extract.goals_title": ("Mục tiêu báo cáo ghi rõ", "Goals the report states"),
    "extract.goals_intro": (
        "Các mục tiêu dưới đây do câu báo cáo ghi rõ (phấn đấu, mục tiêu, đến năm …) cùng năm của nó; "
        "không mục tiêu nào được suy ra từ tỷ lệ %. Chọn ô bên dưới để lưu chúng làm mục tiêu cùng "
        "các số liệu.",
        "The goals below are stated as goals by the report's own words (strive for, goal, by the year …), "
        "with their year; no goal is worked out from a %. Tick the box below to save them as targets with "
        "the figures.",
    ),
    "extract.goals_save": ("Lưu cả {n} mục tiêu này", "Also save these {n} goals"),
    "extract.goals_not_sent": (
        "{n} số liệu là mục tiêu: cán bộ xã không gửi mục tiêu; cán bộ huyện, tỉnh nhập mục tiêu.",
        "{n} figures are goals: a commune reporter does not send goals; analysts enter targets.",
    ),
    "extract.col.comparator": ("So sánh", "Comparison"),
    "extract.send": ("Gửi để duyệt", "Send for review"),
    "extract.send_intro": (
        "Bạn là cán bộ xã: các dòng được chọn được gửi thành báo cáo chờ duyệt của kỳ báo cáo, "
        "chưa thành số liệu chính thức cho đến khi cán bộ huyện, tỉnh duyệt.",
        "You are a commune reporter: the ticked rows are sent as a submission of the reporting round, "
        "waiting for review; they are not official figures until an analyst approves them.",
    ),
    "extract.sent": (
        "Đã gửi {n} số liệu để duyệt (báo cáo số {id}).",
        "{n} figures sent for review (submission {id}).",
    ),
}
