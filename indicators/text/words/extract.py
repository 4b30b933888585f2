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
    "extract.none_found": (
        "Không tìm thấy số liệu nào trong văn bản.",
        "No figures were found in the text.",
    ),
}
