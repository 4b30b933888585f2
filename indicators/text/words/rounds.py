"""Words for reporting rounds: commune accounts, submissions, review, locks and the status of a round."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("rounds",)
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "rounds.area_needed": (
        "Tài khoản cán bộ xã cần một địa bàn: thêm --area MÃ (ví dụ --area 03390).",
        "A commune reporter's account needs an area: add --area CODE (for example --area 03390).",
    ),
    "rounds.unknown_area": (
        "Không có địa bàn mã '{area}' trong danh mục.",
        "There is no area with the code '{area}' in the list of areas.",
    ),
    "rounds.outside_area": (
        "Tài khoản {name} chỉ được ghi số liệu của địa bàn {area} và các đơn vị trực thuộc; "
        "có dòng của địa bàn khác: {areas}. Không có gì được ghi.",
        "The account {name} may write figures only for area {area} and the units under it; "
        "rows for other areas: {areas}. Nothing was written.",
    ),
    "rounds.reporter_commits": (
        "Tài khoản {name} là cán bộ xã: số liệu của xã gửi lên để chờ duyệt, không ghi thẳng thành phiên "
        "bản mới. Không có gì được ghi.",
        "The account {name} is a commune reporter: a commune's figures are sent for review, never written "
        "straight into a new version. Nothing was written.",
    ),
    "rounds.locked": (
        "{n} số liệu đã duyệt đang bị khóa: {figures}. Cần cán bộ chuyên môn mở khóa (kèm lý do) trước "
        "khi sửa. Không có gì được ghi.",
        "{n} approved figures are locked: {figures}. An analyst must unlock them (with a reason) before "
        "they change. Nothing was written.",
    ),
    "rounds.no_account": ("Không có tài khoản '{name}'.", "There is no account '{name}'."),
    "rounds.analysts_only": (
        "Tài khoản {name} không được mở kỳ báo cáo, duyệt hay mở khóa số liệu: việc này của cán bộ "
        "chuyên môn cấp trên.",
        "The account {name} may not open rounds, review or unlock figures: that is for an analyst of "
        "the area above.",
    ),
    "rounds.reporters_only": (
        "Tài khoản {name} không phải cán bộ xã có địa bàn: chỉ cán bộ xã gửi báo cáo chờ duyệt.",
        "The account {name} is not a commune reporter with an area: only commune reporters send "
        "submissions for review.",
    ),
    "rounds.unknown_codes": (
        "Không có chỉ tiêu mã: {codes}. Ghi 'all' hoặc các mã cách nhau bằng dấu phẩy.",
        "No indicator has the code: {codes}. Write 'all' or codes separated by commas.",
    ),
    "rounds.no_indicators": (
        "Kỳ báo cáo cần ít nhất một chỉ tiêu. Không có gì được ghi.",
        "A reporting round needs at least one indicator. Nothing was written.",
    ),
    "rounds.due_before_period": (
        "Hạn nộp {due} sớm hơn ngày đầu của kỳ ({start}): chọn một ngày từ {start} trở đi. "
        "Không có gì được ghi.",
        "The deadline {due} is before the period starts ({start}): choose a day from {start} on. "
        "Nothing was written.",
    ),
    "rounds.bad_half": (
        "Nửa năm '{half}' không hợp lệ: ghi 1 (6 tháng đầu năm) hoặc 2 (6 tháng cuối năm).",
        "Half-year '{half}' is not valid: write 1 (first half) or 2 (second half).",
    ),
    "rounds.exists": (
        "Đã có kỳ báo cáo {period} cho địa bàn {area}. Không có gì được ghi.",
        "A reporting round for {period} is already open for area {area}. Nothing was written.",
    ),
    "rounds.period_year": ("năm {year}", "{year}"),
    "rounds.period_half_1": ("6 tháng đầu năm {year}", "the first half of {year}"),
    "rounds.period_half_2": ("6 tháng cuối năm {year}", "the second half of {year}"),
    "rounds.no_round": (
        "Chưa có kỳ báo cáo năm {year} nào mở cho địa bàn {area}.",
        "No {year} reporting round is open for area {area}.",
    ),
    "rounds.figures_only": (
        "Cán bộ xã chỉ gửi số liệu (trang SoLieu); tệp này còn thay đổi trang {table}. Không có gì được ghi.",
        "A commune reporter sends figures only (the SoLieu sheet); this file also changes the {table} "
        "sheet. Nothing was written.",
    ),
    "rounds.half_not_chosen": (
        "Năm {year} chỉ có kỳ báo cáo 6 tháng: chọn kỳ (6 tháng đầu năm hoặc 6 tháng cuối năm) trước khi "
        "gửi. Không có gì được ghi.",
        "{year} has only half-year rounds: choose the round (first or second half) before sending. "
        "Nothing was written.",
    ),
    "rounds.one_year": (
        "Một lần gửi chỉ gồm số liệu của một năm (kỳ báo cáo); tệp có các năm: {years}.",
        "One submission holds one year's figures (its round); the file has the years: {years}.",
    ),
    "rounds.upload_not_ok": (
        "Tệp còn lỗi: sửa các lỗi đã nêu rồi gửi lại. Không có gì được ghi.",
        "The file still has errors: correct them and send again. Nothing was written.",
    ),
    "rounds.no_figures": (
        "Tệp không có số liệu nào để gửi. Không có gì được ghi.",
        "The file holds no figures to send. Nothing was written.",
    ),
    "rounds.already_approved": (
        "Báo cáo năm {year} của địa bàn {area} đã được duyệt; muốn sửa, cần cán bộ chuyên môn mở khóa.",
        "The {year} submission of area {area} is approved; to change it, an analyst must unlock it.",
    ),
    "rounds.nothing_pending": (
        "Địa bàn {area} không có báo cáo năm {year} nào đang chờ duyệt.",
        "Area {area} has no {year} submission waiting for review.",
    ),
    "rounds.approved_note": (
        "Duyệt báo cáo số {id} của địa bàn {area}, kỳ năm {year}",
        "Approval of submission {id} of area {area}, {year} round",
    ),
    "rounds.reason_needed": (
        "Cần ghi lý do trả lại: chung (--note) hoặc theo từng chỉ tiêu (--figure MÃ=LÝ_DO).",
        "A reason for the return is needed: overall (--note) or per indicator (--figure CODE=REASON).",
    ),
    "rounds.not_in_submission": (
        "Báo cáo này không có chỉ tiêu: {codes}.",
        "This submission holds no figure of: {codes}.",
    ),
    "rounds.bad_figure_reason": (
        "'{text}' không đúng dạng MÃ=LÝ_DO, ví dụ --figure POV_RATE=\"Thiếu nguồn\".",
        "'{text}' is not CODE=REASON, for example --figure POV_RATE=\"No source\".",
    ),
    "rounds.not_locked": (
        "Các số liệu này không bị khóa: {figures}. Không có gì được ghi.",
        "These figures are not locked: {figures}. Nothing was written.",
    ),
    "rounds.bad_date": (
        "Ngày '{day}' không hợp lệ: ghi theo dạng NNNN-TT-NN, ví dụ 2026-12-14.",
        "The day '{day}' is not valid: write it as YYYY-MM-DD, for example 2026-12-14.",
    ),
    "rounds.opened": (
        "Đã mở kỳ báo cáo số {id}: năm {year}, các địa bàn trực thuộc {area}, {n} chỉ tiêu, hạn {due}.",
        "Opened reporting round {id}: {year}, the areas under {area}, {n} indicators, due {due}.",
    ),
    "rounds.submitted": (
        "Đã gửi báo cáo số {id} ({n} số liệu), đang chờ duyệt; chưa hiện với người xem.",
        "Sent submission {id} ({n} figures); it waits for review and is not shown to viewers yet.",
    ),
    "rounds.unlocked": (
        "Đã mở khóa {n} số liệu; lý do được ghi lại.",
        "Unlocked {n} figures; the reason is recorded.",
    ),
    "rounds.returned": (
        "Đã trả lại báo cáo số {id} kèm lý do.",
        "Returned submission {id} with the reason.",
    ),
    "rounds.approved": (
        "Đã duyệt báo cáo số {id}: phiên bản {version}; các số liệu đã khóa.",
        "Approved submission {id}: version {version}; its figures are locked.",
    ),
    "rounds.totals": (
        "Tổng: {areas} địa bàn ({counts}); {late} trễ hạn; đã nhận {received}/{expected} số liệu.",
        "Total: {areas} areas ({counts}); {late} late; {received} of {expected} figures received.",
    ),
    "rounds.state.not_sent": ("chưa gửi", "not sent"),
    "rounds.state.pending": ("chờ duyệt", "awaiting review"),
    "rounds.state.returned": ("bị trả lại", "returned"),
    "rounds.state.approved": ("đã duyệt", "approved"),
}
WORDS |= {
    "rounds.page_title": ("Tình hình báo cáo", "Reporting status"),
    "rounds.pending_mark": ("(chưa duyệt)", "(not yet approved)"),
    "rounds.page_intro": (
        "Trong một kỳ báo cáo: từng địa bàn trực thuộc đã gửi chưa, đúng hạn hay trễ bao nhiêu ngày, "
        "đủ bao nhiêu số liệu; số liệu chưa duyệt không hiện với người xem.",
        "In one reporting round: whether each area below has sent, on time or how many days late, and "
        "how many of the expected figures; figures not yet approved are not shown to viewers.",
    ),
    "rounds.page_none": (
        "Chưa có kỳ báo cáo nào được mở cho các địa bàn bạn theo dõi: khi một kỳ được mở, "
        "tình hình gửi số liệu của từng địa bàn hiện ở đây.",
        "No reporting round has been opened for the areas you follow: once one is, "
        "each area's sending shows here.",
    ),
    "rounds.page_round": ("Kỳ báo cáo", "Reporting round"),
    "rounds.round_label": ("Năm {year}{half} · {area} · hạn {due}", "{year}{half} · {area} · due {due}"),
    "rounds.half_1": (", 6 tháng đầu năm", ", first half"),
    "rounds.half_2": (", 6 tháng cuối năm", ", second half"),
    "rounds.totals_title": ("Toàn địa bàn: {n} đơn vị", "All areas: {n} units"),
    "rounds.late_areas": ("⚠ Trễ hạn", "⚠ Late"),
    "rounds.on_time": ("đúng hạn", "on time"),
    "rounds.days_late": ("trễ {n} ngày", "{n} days late"),
    "rounds.one_day_late": ("trễ {n} ngày", "{n} day late"),
    "rounds.not_sent_download": (
        "Tải danh sách chưa gửi ({n}, Excel)",
        "Download the list not sent ({n}, Excel)",
    ),
    "rounds.col.area": ("Địa bàn", "Area"),
    "rounds.account_area": (
        "Mã địa bàn (bắt buộc với cán bộ xã; để trống: mọi địa bàn)",
        "Area code (required for a commune reporter; blank: every area)",
    ),
    "rounds.col.code": ("Mã", "Code"),
    "rounds.col.state": ("Tình trạng", "State"),
    "rounds.col.submitted_at": ("Gửi lúc", "Sent at"),
    "rounds.col.late": ("Hạn", "Deadline"),
    "rounds.col.received": ("Số liệu đã gửi", "Figures sent"),
    "rounds.col.completeness": ("Mức đầy đủ", "Completeness"),
}
# The reporter's path and the review page.
WORDS |= {
    "rounds.reviewer": ("cán bộ chuyên môn của {area}", "an analyst of {area}"),
    "rounds.reporter_upload": (
        "Bạn là cán bộ xã của địa bàn {area}: số liệu gửi từ đây chờ cấp trên duyệt, chưa hiện với người "
        "xem; chỉ nhận dòng của địa bàn mình.",
        "You report for area {area}: figures sent from here wait for review and are not shown to viewers "
        "yet; only your own area's rows are taken.",
    ),
    "rounds.standing_pending": (
        "Báo cáo số {id} (năm {year}) gửi lúc {at} đang chờ {who} duyệt.",
        "Submission {id} ({year}) sent at {at} is waiting for review by {who}.",
    ),
    "rounds.standing_approved": (
        "Báo cáo số {id} (năm {year}) gửi lúc {at} đã được duyệt.",
        "Submission {id} ({year}) sent at {at} is approved.",
    ),
    "rounds.standing_returned": (
        "Báo cáo số {id} (năm {year}) gửi lúc {at} bị {who} trả lại.",
        "Submission {id} ({year}) sent at {at} was returned by {who}.",
    ),
    "rounds.reason_overall": ("Lý do: {note}", "Reason: {note}"),
    "rounds.col.reason": ("Lý do", "Reason"),
    "rounds.send_again": (
        "Sửa các số liệu theo lý do trên rồi gửi lại; lần gửi mới thay lần bị trả lại.",
        "Correct the figures as the reasons say and send again; the new sending follows the returned one.",
    ),
    "rounds.send_intro": (
        "Gửi để duyệt: số liệu chưa vào phiên bản nào cho đến khi được duyệt.",
        "Send for review: the figures enter no version until they are approved.",
    ),
    "rounds.send": ("Gửi để duyệt", "Send for review"),
    "rounds.sent_for_review": (
        "Đã gửi báo cáo số {id}; báo cáo đang chờ {who} duyệt và chưa hiện với người xem.",
        "Sent submission {id}; it waits for review by {who} and is not shown to viewers yet.",
    ),
    "rounds.review_title": ("Duyệt báo cáo", "Review submissions"),
    "rounds.review_intro": (
        "Số liệu xã gửi lên, bên cạnh số liệu đang dùng: duyệt, hoặc trả lại kèm lý do chung hay theo "
        "từng chỉ tiêu.",
        "The figures a commune sent, beside the ones in use: approve, or return with a reason overall or "
        "per indicator.",
    ),
    "rounds.review_none": (
        "Không có báo cáo nào đang chờ duyệt trong kỳ này.",
        "No submission in this round is waiting for review.",
    ),
    "rounds.review_area": ("Báo cáo chờ duyệt", "Submission awaiting review"),
    "rounds.review_sent_by": (
        "Số {id} · {area} · {who} gửi lúc {at}",
        "No. {id} · {area} · sent by {who} at {at}",
    ),
    "rounds.col.sent": ("Số liệu gửi", "Sent"),
    "rounds.col.current": ("Số liệu đang dùng", "In use"),
    "rounds.col.year": ("Năm", "Year"),
    "rounds.col.kind": ("Loại", "Kind"),
    "rounds.col.indicator": ("Chỉ tiêu", "Indicator"),
    "rounds.col.note": ("Ghi chú của xã", "Commune's note"),
    "rounds.approve": ("Duyệt", "Approve"),
    "rounds.return": ("Trả lại", "Return"),
    "rounds.return_note": ("Lý do trả lại (chung)", "Reason for the return (overall)"),
    "rounds.return_figures": (
        "Lý do theo từng chỉ tiêu: ghi vào cột Lý do (để trống nếu không có).",
        "Reasons per indicator: write in the Reason column (leave blank where there is none).",
    ),
    "rounds.unlock_title": ("Mở khóa số liệu đã duyệt", "Unlock approved figures"),
    "rounds.unlock_figures": ("Số liệu cần mở khóa", "Figures to unlock"),
    "rounds.unlock_reason": ("Lý do mở khóa", "Reason for unlocking"),
    "rounds.unlock": ("Mở khóa", "Unlock"),
    "rounds.unlock_none": (
        "Không có số liệu nào đang khóa trong kỳ này.",
        "No figure of this round is locked.",
    ),
}
# The form that opens a round in the browser.
WORDS |= {
    "rounds.open.title": ("Mở kỳ báo cáo", "Open a reporting round"),
    "rounds.open.intro": (
        "Một kỳ báo cáo gồm: năm và kỳ (cả năm hoặc 6 tháng), địa bàn cấp trên mà các đơn vị trực thuộc phải "
        "gửi số liệu, các chỉ tiêu, và hạn nộp.",
        "A reporting round is a year and period (the whole year or a half-year), the parent area whose units "
        "must send figures, the indicators, and a deadline.",
    ),
    "rounds.open.link": ("Mở kỳ báo cáo mới", "Open a new reporting round"),
    "rounds.open.year": ("Năm", "Year"),
    "rounds.open.period": ("Kỳ", "Period"),
    "rounds.open.period_year": ("Cả năm", "Whole year"),
    "rounds.open.period_1": ("6 tháng đầu năm", "First half of the year"),
    "rounds.open.period_2": ("6 tháng cuối năm", "Second half of the year"),
    "rounds.open.parent": ("Địa bàn cấp trên", "Parent area"),
    "rounds.open.which": ("Chỉ tiêu", "Indicators"),
    "rounds.open.all": ("Tất cả chỉ tiêu ({n})", "All indicators ({n})"),
    "rounds.open.chosen": ("Chọn từ danh mục", "Choose from the catalogue"),
    "rounds.open.domain": ("Lĩnh vực", "Domain"),
    "rounds.open.any_domain": ("Mọi lĩnh vực", "Every domain"),
    "rounds.open.search": ("Tìm theo mã hoặc tên", "Search by code or name"),
    "rounds.open.pick": ("Các chỉ tiêu của kỳ", "The round's indicators"),
    "rounds.open.due": ("Hạn nộp", "Deadline"),
    "rounds.open.due_help": (
        "Gợi ý: ngày 14 của tháng cuối kỳ; đổi theo kế hoạch của đơn vị.",
        "Suggested: the 14th of the period's last month; change it to your office's plan.",
    ),
    "rounds.open.nothing": (
        "Địa bàn này không có đơn vị trực thuộc trong năm đã chọn, nên không có ai để giao báo cáo. "
        "Chọn địa bàn cấp trên khác hoặc năm khác.",
        "This area has no units under it in the chosen year, so there is no one to ask for figures. "
        "Choose another parent area or another year.",
    ),
    "rounds.open.preview": (
        "{areas} đơn vị × {indicators} chỉ tiêu = {figures} số liệu, hạn {due}",
        "{areas} units × {indicators} indicators = {figures} figures, due {due}",
    ),
    "rounds.send_period": (
        "Gửi vào kỳ báo cáo nào của năm {year}?",
        "Which {year} reporting round are these figures for?",
    ),
    "rounds.open.confirm": ("Mở kỳ báo cáo", "Open the round"),
    "rounds.open.done": (
        "Đã mở kỳ báo cáo: {label}. Các đơn vị trực thuộc có thể gửi số liệu.",
        "The reporting round is open: {label}. The units below can send their figures.",
    ),
}
