"""Words for the Báo cáo page: the office's own sections, who signs, and why a text is refused."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("narrative",)

# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "narrative.intro": (
        "Báo cáo có những phần số liệu không tự viết được: công tác lãnh đạo, các phong trào, ưu điểm, "
        "hạn chế, bài học, phương hướng, giải pháp, kiến nghị. Văn phòng viết các phần đó một lần cho mỗi "
        "địa bàn và kỳ báo cáo; mỗi lần lưu là một phiên bản mới, và mọi báo cáo tải về sau đó đều có các "
        "phần này cùng số liệu mới nhất. Phần để trống được giữ chỗ trong báo cáo để văn phòng viết tiếp.",
        "A report has parts that figures cannot write: leadership, campaigns, strengths, shortcomings, "
        "lessons, directions, solutions, proposals. The office writes them once for each area and period; "
        "every save is a new version, and every report downloaded afterwards carries them with the latest "
        "figures. A part left empty keeps its place in the report for the office to fill in.",
    ),
    "narrative.read_only": (
        "Chỉ cán bộ phân tích và quản trị viên được viết các phần này; bạn đang xem bản đã lưu.",
        "Only analysts and administrators may write these parts; you are reading the saved text.",
    ),
    "narrative.nothing_written": (
        "Văn phòng chưa viết phần nào cho địa bàn và kỳ này.",
        "The office has not written any part for this area and period yet.",
    ),
    "narrative.no_choice": (
        "Chưa có địa bàn hay kỳ báo cáo nào có số liệu để viết báo cáo.",
        "No area or period has figures to write a report about yet.",
    ),
    "narrative.year": ("Báo cáo của", "Report for"),
    "narrative.whole_term": ("Cả giai đoạn {term}", "The whole {term} term"),
    "narrative.sections": ("Các phần do văn phòng viết", "The parts the office writes"),
    "narrative.settings": ("Số văn bản, người ký, nơi nhận", "Number, signer and recipients"),
    "narrative.settings_help": (
        "Nhớ theo địa bàn: dùng cho mọi báo cáo của địa bàn này.",
        "Remembered per area: used in every report of this area.",
    ),
    "narrative.number": ("Số văn bản", "Document number"),
    "narrative.number_hint": (
        "Ví dụ: 125/BC-UBND; để trống để văn phòng ghi tay.",
        "E.g. 125/BC-UBND; leave empty to write it by hand.",
    ),
    "narrative.signer_title": ("Chức danh người ký", "Signer's title"),
    "narrative.signer_title_hint": ("Để trống: CHỦ TỊCH.", "Empty: CHAIRPERSON, the default."),
    "narrative.signer_name": ("Họ và tên người ký", "Signer's name"),
    "narrative.recipients": ("Nơi nhận (mỗi dòng một nơi)", "Recipients (one a line)"),
    "narrative.recipients_hint": (
        "Ví dụ: Thường trực HĐND tỉnh; tối đa {limit} dòng.",
        "E.g. the provincial People's Council; at most {limit} lines.",
    ),
    "narrative.save": ("Lưu thành phiên bản mới", "Save as a new version"),
    "narrative.saved": (
        "Đã lưu: phiên bản {v}. Các báo cáo tải về từ nay có nội dung này.",
        "Saved as version {v}. Reports downloaded from now on carry this text.",
    ),
    "narrative.unchanged": (
        "Không có gì thay đổi nên không lưu phiên bản mới.",
        "Nothing changed, so no new version was saved.",
    ),
    "narrative.preview": ("Xem báo cáo với nội dung đã lưu", "The report with the saved text"),
    "narrative.reload": ("Tải lại nội dung đã lưu", "Reload the saved text"),
    "narrative.hint.leadership": (
        "Cấp ủy, chính quyền lãnh đạo, chỉ đạo, ban hành văn bản, kiện toàn hội đồng thi đua.",
        "How the Party committee and government led and directed: documents issued, councils set up.",
    ),
    "narrative.hint.campaigns": (
        "Các phong trào thi đua tiêu biểu trong kỳ và kết quả nổi bật của từng phong trào.",
        "The main emulation campaigns of the period and what each achieved.",
    ),
    "narrative.hint.models": (
        "Các điển hình tiên tiến, mô hình hay được phát hiện, bồi dưỡng và nhân rộng.",
        "Exemplary people and good models found, supported and spread.",
    ),
    "narrative.hint.strengths": ("Những mặt làm được, ưu điểm chính.", "What went well; the main strengths."),
    "narrative.hint.shortcomings": (
        "Những tồn tại, hạn chế còn lại.",
        "What fell short; the remaining shortcomings.",
    ),
    "narrative.hint.causes": (
        "Nguyên nhân khách quan và chủ quan của hạn chế.",
        "The causes of the shortcomings, outside and within.",
    ),
    "narrative.hint.lessons": ("Bài học rút ra cho kỳ sau.", "The lessons for the next period."),
    "narrative.hint.proposals": ("Đề xuất, kiến nghị với cấp trên.", "Proposals to higher levels."),
    "narrative.hint.directions": (
        "Phương hướng chung cho kỳ tới.",
        "The general direction for the next period.",
    ),
    "narrative.hint.tasks": ("Các nhiệm vụ trọng tâm.", "The key tasks."),
    "narrative.hint.solutions": (
        "Các giải pháp để thực hiện nhiệm vụ.",
        "The solutions to carry out the tasks.",
    ),
    "narrative.err.period": (
        "Kỳ báo cáo «{period}» không đúng: cần một năm (2023) hoặc một giai đoạn (2015-2020).",
        "The period “{period}” is not valid: it must be a year (2023) or a term (2015-2020).",
    ),
    "narrative.err.area": ("Chưa chọn địa bàn.", "No area is chosen."),
    "narrative.err.section": (
        "Không có phần «{section}» trong báo cáo.",
        "The report has no part “{section}”.",
    ),
    "narrative.err.too_long": (
        "Phần «{section}» dài {n} ký tự, quá giới hạn {limit} ký tự; chưa lưu gì.",
        "The part “{section}” is {n} characters long, over the limit of {limit}; nothing was saved.",
    ),
    "narrative.err.field_too_long": (
        "Ô «{field}» dài {n} ký tự, quá giới hạn {limit} ký tự; chưa lưu gì.",
        "The field “{field}” is {n} characters long, over the limit of {limit}; nothing was saved.",
    ),
    "narrative.err.one_line": (
        "Ô «{field}» chỉ được có một dòng; chưa lưu gì.",
        "The field “{field}” takes a single line; nothing was saved.",
    ),
    "narrative.err.too_many_recipients": (
        "Nơi nhận có {n} dòng, quá giới hạn {limit} dòng; chưa lưu gì.",
        "The recipients run to {n} lines, over the limit of {limit}; nothing was saved.",
    ),
    "narrative.err.control": (
        "Ô «{field}» có ký tự điều khiển không in được (có thể do dán từ phần mềm khác); "
        "hãy xóa ký tự đó rồi lưu lại. Chưa lưu gì.",
        "The field “{field}” holds an unprintable control character (perhaps pasted from another "
        "program); remove it and save again. Nothing was saved.",
    ),
    "narrative.err.not_allowed": (
        "Chỉ cán bộ phân tích và quản trị viên được lưu nội dung báo cáo; chưa lưu gì.",
        "Only analysts and administrators may save the report's text; nothing was saved.",
    ),
    "narrative.err.moved": (
        "Trong lúc bạn viết, người khác đã lưu nội dung mới cho địa bàn và kỳ này (phiên bản {latest}); "
        "chưa lưu gì. Hãy sao chép phần của bạn, tải lại nội dung đã lưu rồi ghép lại.",
        "While you were writing, someone else saved new text for this area and period (version {latest}); "
        "nothing was saved. Copy your text, reload the saved text, then merge them.",
    ),
}
