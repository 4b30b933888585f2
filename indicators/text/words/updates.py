"""Words on the pages that change data: upload, preview of a change, version history, rollback."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("action", "diff", "enter", "figures", "history", "upload")
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "upload.title": ("Cập nhật số liệu", "Update figures"),
    "enter.intro": (
        "Chọn địa bàn và năm, rồi gõ số liệu vào bảng theo cách viết Việt Nam (2.503,3) và chọn thực "
        "hiện hay ước thực hiện, kèm ghi chú nếu cần. Số liệu được kiểm tra, xem trước và ghi thành phiên "
        "bản mới như khi tải tệp Excel lên; ô để trống không xóa số liệu nào.",
        "Pick an area and a year, type the figures the Vietnamese way (2.503,3) and say whether each is "
        "official or an estimate, with a note where needed. They are checked, previewed and saved as a new "
        "version exactly like an uploaded workbook; an empty cell removes nothing.",
    ),
    "enter.area": ("Địa bàn", "Area"),
    # Where a problem is in the grid, as a message's {where}: "Ô số liệu của dòng … ghi “abc”".
    "enter.where": ("số liệu của dòng “{name}”", "of the figure in the row “{name}”"),
    "enter.search": (
        "Tìm chỉ tiêu theo tên hoặc mã (số đã nhập ở các dòng bị ẩn vẫn được giữ)",
        "Find an indicator by name or code (figures typed in hidden rows are kept)",
    ),
    "enter.search_none": (
        "Không có chỉ tiêu nào có tên hoặc mã như vậy. Xóa ô tìm kiếm để thấy tất cả.",
        "No indicator has such a name or code. Clear the search box to see them all.",
    ),
    "enter.year": ("Năm", "Year"),
    "enter.name": ("Chỉ tiêu", "Indicator"),
    "enter.unit": ("Đơn vị tính", "Unit"),
    "enter.value": ("Số liệu", "Figure"),
    "enter.value_help": (
        "Viết như người Việt: dấu chấm ngăn nghìn, dấu phẩy thập phân (2.503,3).",
        "Vietnamese style: dots between thousands, a decimal comma (2.503,3).",
    ),
    "enter.note": ("Ghi chú", "Note"),
    "enter.note_help": (
        "Ghi chú của số liệu này (nguồn, vì sao là số ước…), lưu cùng số liệu; cần có số liệu ở cùng dòng. "
        "Để trống thì ghi chú đã lưu được giữ nguyên.",
        "A note on this figure (its source, why it is an estimate…), saved with it; the row needs a figure. "
        "Left empty, the saved note stays.",
    ),
    "enter.nothing": (
        "Chưa có số liệu nào được gõ hoặc sửa.",
        "No figure has been typed or changed yet.",
    ),
    "enter.refused": (
        "{n} lỗi: chưa ghi được. Hãy sửa các ô dưới đây.",
        "{n} errors: nothing can be saved yet. Fix the cells below.",
    ),
    "enter.note_too_long": (
        "Ghi chú dài {n} ký tự, quá giới hạn {max} ký tự: hãy rút gọn. Chưa ghi gì.",
        "The note is {n} characters long, over the {max}-character limit: shorten it. Nothing was saved.",
    ),
    "enter.value_too_long": (
        "Ô số liệu dài {n} ký tự (tối đa {max}): đây không phải là một số. Chưa ghi gì.",
        "The figure cell is {n} characters long (at most {max}): this is not a number. Nothing was saved.",
    ),
    "enter.control_character": (
        "Ô có ký tự điều khiển không in được ({what}): hãy gõ lại ô này. Chưa ghi gì.",
        "The cell holds an unprintable control character ({what}): type it again. Nothing was saved.",
    ),
    "upload.intro": (
        "Tải lên tệp Excel theo mẫu (hoặc bảng dạng ngang của phòng). Hệ thống kiểm tra toàn bộ tệp, liệt "
        "kê mọi lỗi, cho xem trước thay đổi; chỉ khi bấm ghi thì mới thành phiên bản mới.",
        "Upload an Excel file in the template's layout (or an office's wide table). The whole file is "
        "checked, every problem listed and the change previewed; only on commit does it become a new "
        "version.",
    ),
    "upload.rule": (
        "Quy tắc: danh mục chỉ tiêu và địa bàn trong tệp được thêm hoặc cập nhật theo mã, không bao giờ bị "
        "xóa. Mặc định, mỗi số liệu trong tệp được thêm hoặc sửa và không số liệu nào bị gỡ. Chỉ khi chọn "
        "“thay cả cặp” thì với tệp theo mẫu (dạng dọc), mỗi cặp (mã chỉ tiêu, mã địa bàn) có trong tệp "
        "được thay bằng đúng các dòng trong tệp: dòng không còn trong tệp sẽ bị gỡ. Mọi số liệu bị sửa "
        "hoặc gỡ được nêu tên ở đầu bản xem trước và cần xác nhận trước khi ghi.",
        "Rule: indicators and areas in the file are added or updated by code, never removed. By default, "
        "each figure in the file is added or corrected and no figure is removed. Only when “replace whole "
        "pairs” is chosen is each (indicator code, area) pair of a template-layout (long) file replaced by "
        "exactly the file's rows: a row the file no longer has is removed. Every figure that would be "
        "changed or removed is named at the top of the preview and must be confirmed before saving.",
    ),
    "upload.mode": ("Cách ghi", "How to apply the file"),
    "upload.mode_add": ("Thêm và sửa, không gỡ (mặc định)", "Add and correct, remove nothing (default)"),
    "upload.mode_replace": (
        "Thay cả cặp chỉ tiêu – địa bàn theo tệp (gỡ dòng không còn trong tệp)",
        "Replace whole indicator–area pairs with the file (remove rows the file no longer has)",
    ),
    "upload.mode_help": (
        "Chỉ áp dụng cho tệp theo mẫu (dạng dọc); bảng dạng ngang không bao giờ gỡ số liệu.",
        "Applies to template-layout (long) files only; a wide table never removes a figure.",
    ),
    # The figures a change removes or overwrites, named at the top of its preview (indicators/excel/stale.py).
    "figures.title": (
        "{n} số liệu sẽ bị sửa hoặc gỡ nếu ghi",
        "{n} figures would be changed or removed by saving",
    ),
    "figures.kind": ("Loại", "Kind"),
    "figures.old_new": ("Cũ → mới", "Old → new"),
    "figures.removed": ("(gỡ)", "(removed)"),
    "figures.was_removed": ("(đã bị gỡ)", "(removed since)"),
    "figures.newer": ("Sửa sau khi lập tệp", "Changed after the file was made"),
    "figures.newer_yes": ("có: mới hơn tệp", "yes: newer than the file"),
    "figures.confirm": (
        "Tôi đã xem và đồng ý sửa hoặc gỡ {n} số liệu nêu trên.",
        "I have read the list and agree to change or remove these {n} figures.",
    ),
    "figures.confirm_newer": (
        "Ghi đè số liệu đã sửa sau khi lập tệp: {figure}",
        "Overwrite a figure changed after the file was made: {figure}",
    ),
    "figures.unconfirmed": (
        "Chưa ghi gì: hãy xác nhận các số liệu sẽ bị sửa hoặc gỡ (đầu bản xem trước), rồi bấm ghi lại.",
        "Nothing was saved: confirm the figures that would be changed or removed (top of the preview), "
        "then commit again.",
    ),
    "upload.template": ("Tải tệp mẫu (số liệu hiện tại)", "Download the template (current figures)"),
    "upload.file": ("Tệp Excel (.xlsx, .xlsm)", "Excel file (.xlsx, .xlsm)"),
    "upload.checking": ("Đang kiểm tra tệp {name}…", "Checking {name}…"),
    "upload.checked": ("Đã kiểm tra tệp {name}", "Checked {name}"),
    "upload.refused": (
        "Tệp có {n} lỗi nên không được ghi; dữ liệu hiện tại không thay đổi. Hãy sửa các ô dưới đây rồi "
        "tải lên lại.",
        "The file has {n} errors and is not committed; the current data is unchanged. Fix the cells below "
        "and upload it again.",
    ),
    "upload.warnings": ("{n} lưu ý (không chặn việc ghi).", "{n} warnings (they do not block the commit)."),
    "upload.report": ("Báo cáo kiểm tra", "Validation report"),
    "upload.report_download": (
        "Tải báo cáo kiểm tra đầy đủ, mỗi vấn đề một dòng (Excel)",
        "Download the full validation report, one problem a row (Excel)",
    ),
    "upload.grouped": (
        "{n} vấn đề, gộp thành {groups} dòng: vấn đề giống nhau ghi một lần kèm số lần và các vùng ô.",
        "{n} problems in {groups} lines: identical problems are listed once, with their count and cells.",
    ),
    "upload.conversions": ("Số dạng chữ đã được đọc", "Numbers typed as text, as read"),
    "upload.preview": (
        "Xem trước thay đổi so với phiên bản {v}",
        "Preview of the change against version {v}",
    ),
    "upload.same": (
        "Không có thay đổi: số liệu trong tệp giống hệt phiên bản hiện tại ({v}). Không có gì để ghi.",
        "No change: the file's figures are the same as the current version ({v}). Nothing to commit.",
    ),
    "upload.note": ("Ghi chú cho phiên bản mới", "Note for the new version"),
    "upload.account_needed": (
        "Cần đăng nhập bằng một tài khoản để ghi phiên bản mới: mỗi phiên bản ghi tên người tạo ra nó.",
        "Sign in with an account to commit: every version records the account that made it.",
    ),
    "upload.commit": ("Ghi thành phiên bản mới", "Commit as a new version"),
    "upload.committed": (
        "Đã ghi phiên bản {v}: {new} dòng mới, {changed} dòng sửa, {removed} dòng gỡ.",
        "Version {v} committed: {new} new, {changed} changed, {removed} removed rows.",
    ),
    "upload.moved": (
        "Trong lúc xem trước, người khác đã ghi phiên bản {v}. Bản xem trước đã được tính lại, hãy xem lại "
        "rồi bấm ghi.",
        "While you were previewing, someone else committed version {v}. The preview was recomputed: "
        "review it and commit again.",
    ),
    "upload.layout_long": ("Tệp theo mẫu (dạng dọc)", "Template layout (long)"),
    "upload.layout_wide": ("Bảng dạng ngang", "Wide table"),
    # A change's kind in a figure's key, where no base year is at hand (obs.change names one).
    "diff.kind_change": ("Thay đổi", "Change"),
    "diff.kind_change_per_year": ("Bình quân mỗi năm", "Average a year"),
    "diff.kind_change_estimate": ("Ước thay đổi", "Estimated change"),
    "diff.kind_change_per_year_estimate": ("Ước bình quân mỗi năm", "Estimated average a year"),
    "diff.new": ("mới", "new"),
    "diff.changed": ("sửa", "changed"),
    "diff.removed": ("gỡ", "removed"),
    "diff.restored": ("thêm lại", "added back"),
    "diff.unchanged": ("giữ nguyên", "unchanged"),
    "diff.details": ("Chi tiết thay đổi", "Changes in detail"),
    "diff.shown": ("Hiện {n} trên {total} dòng thay đổi.", "Showing {n} of {total} changed rows."),
    "action.seed": ("nạp số liệu gốc", "seed"),
    "action.import": ("cập nhật từ tệp", "import"),
    "action.rollback": ("khôi phục", "rollback"),
    "action.narrative": ("nội dung báo cáo", "report text"),
    "action.approve": ("duyệt báo cáo của xã", "approved submission"),
    "history.title": ("Lịch sử phiên bản", "Version history"),
    "history.intro": (
        "Mỗi lần cập nhật hay khôi phục là một phiên bản mới; không phiên bản nào bị xóa.",
        "Every update or rollback is a new version; no version is ever deleted.",
    ),
    "history.view": ("Xem số liệu của một phiên bản", "View a version's figures"),
    "history.version": ("Phiên bản", "Version"),
    "history.download": ("Tải số liệu phiên bản {v} (Excel)", "Download version {v}'s figures (Excel)"),
    "history.compare": ("So sánh hai phiên bản", "Compare two versions"),
    "history.from": ("Từ phiên bản", "From version"),
    "history.to": ("Đến phiên bản", "To version"),
    "history.same": ("Hai phiên bản có số liệu giống nhau.", "The two versions hold the same figures."),
    "history.rollback": ("Khôi phục một phiên bản cũ", "Roll back to an earlier version"),
    "history.rollback_help": (
        "Khôi phục tạo một phiên bản mới mang số liệu của phiên bản đã chọn; các phiên bản khác vẫn "
        "giữ nguyên.",
        "A rollback writes a new version holding the chosen version's figures; every other version stays.",
    ),
    "history.rollback_button": ("Khôi phục phiên bản {v}…", "Roll back to version {v}…"),
    "history.rollback_title": ("Khôi phục phiên bản cũ?", "Roll back to an earlier version?"),
    "history.rollback_confirm": (
        "Xác nhận: khôi phục số liệu của phiên bản {v} thành phiên bản mới? Lãnh đạo sẽ thấy số liệu "
        "này ngay.",
        "Confirm: restore version {v}'s figures as a new version? Leaders will see them at once.",
    ),
    "history.rollback_effect": (
        "So với phiên bản hiện tại ({current}): thêm {new}, sửa {changed} và gỡ {removed} dòng số liệu.",
        "Against the current version ({current}): {new} rows added, {changed} changed and {removed} removed.",
    ),
    "history.yes": ("Khôi phục", "Roll back"),
    "history.no": ("Hủy", "Cancel"),
    "history.rolled_back": (
        "Đã khôi phục phiên bản {old} thành phiên bản mới {v}.",
        "Version {old} restored as new version {v}.",
    ),
    "history.rollback_same": (
        "Số liệu hiện tại đã giống phiên bản {v}: không ghi gì.",
        "The current figures already equal version {v}: nothing written.",
    ),
    "history.only_one": ("Kho mới có một phiên bản.", "The store holds a single version so far."),
    "action.migrate": ("nâng cấp kho dữ liệu", "store upgrade"),
}
