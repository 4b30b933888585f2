"""Words for checking an uploaded workbook: why a file is refused, what is wrong in a cell."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("check", "refuse", "script", "severity")
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    # A file refused as a whole, before any cell is read (xlsx_guard, validate).
    "refuse.too_far": (
        "Trang tính “{sheet}” dùng tới ô {far} ({rows} dòng × {columns} cột), vượt giới hạn {max_rows} "
        "dòng và {max_cells} ô. Có thể đó là ô gõ nhầm ở xa: hãy xóa các dòng và cột thừa sau số liệu "
        "rồi lưu lại.",
        "Sheet “{sheet}” reaches cell {far} ({rows} rows × {columns} columns), over the limit of "
        "{max_rows} rows and {max_cells} cells. It may be a stray cell far away: delete the extra rows "
        "and columns after the data and save again.",
    ),
    "refuse.too_big_or_damaged": (
        "Tệp quá lớn hoặc hỏng: không đọc được trong giới hạn bộ nhớ và thời gian của máy chủ. Hãy lưu "
        "lại từ Excel, xóa các dòng, cột thừa rồi tải lên lại.",
        "The file is too large or damaged: it cannot be read within the server's memory and time "
        "limits. Save it again from Excel, delete extra rows and columns, and upload it again.",
    ),
    "check.hidden_character": (
        "Ô chứa ký tự ẩn ({what}): chữ trông giống mà khác; hãy xóa ký tự này rồi lưu lại.",
        "The cell holds a hidden character ({what}): the text looks the same but differs; delete the "
        "character and save again.",
    ),
    "refuse.damaged": (
        "Tệp .xlsx bị hỏng ({error}): hãy lưu lại từ Excel rồi tải lên.",
        "The .xlsx file is damaged ({error}): save it again from Excel.",
    ),
    "refuse.damaged_zip": (
        "Tệp .xlsx bị hỏng (không mở được phần nén): hãy lưu lại từ Excel rồi tải lên.",
        "The .xlsx file is damaged (its zip container cannot be opened): save it again from Excel.",
    ),
    "refuse.empty": (
        "Tệp rỗng (0 byte): không có gì để đọc.",
        "The file is empty (0 bytes).",
    ),
    "refuse.encrypted": (
        "Sổ tính được đặt mật khẩu (mã hóa): hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại dạng .xlsx.",
        "The workbook is password-protected (encrypted): open it in Excel, remove the password and "
        "save it as .xlsx.",
    ),
    "refuse.encrypted_part": (
        "Tệp .xlsx có phần bị mã hóa: hãy lưu lại từ Excel, không đặt mật khẩu.",
        "Part of the .xlsx file is encrypted: save it again from Excel without a password.",
    ),
    "refuse.legacy_xls": (
        "Tệp Excel cũ dạng .xls (hoặc sổ tính có mật khẩu): hãy mở bằng Excel và lưu lại dạng .xlsx, "
        "không đặt mật khẩu.",
        "A legacy .xls file (or an encrypted workbook): open it in Excel and save it as .xlsx without "
        "a password.",
    ),
    "refuse.not_a_workbook": (
        "Tệp này không phải sổ tính Excel (.xlsx): nội dung không đọc được.",
        "This file is not an Excel workbook (.xlsx): its content cannot be read.",
    ),
    "refuse.not_a_workbook_zip": (
        "Tệp nén này không phải sổ tính Excel (thiếu xl/workbook.xml): hãy tải lên tệp .xlsx.",
        "This zip file is not an Excel workbook (no xl/workbook.xml): upload an .xlsx file.",
    ),
    "refuse.pdf": (
        "Tệp này là PDF, không phải sổ tính Excel: hãy tải lên tệp .xlsx.",
        "This file is a PDF, not an Excel workbook: upload an .xlsx file.",
    ),
    "refuse.text_file": (
        "Tệp này là văn bản (CSV/TXT) mang đuôi .xlsx: hãy mở bằng Excel và lưu lại dạng .xlsx.",
        "This file is text (CSV/TXT) named .xlsx: open it in Excel and save it as .xlsx.",
    ),
    "refuse.too_big": (
        "Tệp nặng {size} MB, vượt giới hạn {limit} MB.",
        "The file is {size} MB, over the {limit} MB limit.",
    ),
    "refuse.too_many_entries": (
        "Tệp chứa {n} phần nén, quá nhiều cho một sổ tính.",
        "The file holds {n} zip entries, too many for a workbook.",
    ),
    "refuse.unreadable": (
        "Không đọc được sổ tính (tệp hỏng hoặc không đúng định dạng .xlsx): {detail}",
        "The workbook cannot be read (damaged or not a real .xlsx): {detail}",
    ),
    "refuse.xml_entities": (
        "Tệp bị từ chối: phần XML có khai báo DTD/thực thể (có thể là tấn công “XML bomb” hoặc đọc tệp "
        "ngoài). Sổ tính Excel bình thường không có những khai báo này.",
        "The file is refused: an XML part declares a DTD or entities (an XML bomb or external entity "
        "attack). Normal Excel workbooks never do.",
    ),
    "refuse.zip_bomb": (
        "Tệp bị từ chối: khi giải nén nó phình to bất thường (nghi là “bom nén”).",
        "The file is refused: it unpacks to an abnormal size (a suspected zip bomb).",
    ),
    # One cell, column or sheet of an upload (validate): errors refuse the file, warnings do not.
    "check.ambiguous_number": (
        "Số không rõ nghĩa: “{text}” có thể là số nghìn hoặc số thập phân. Hãy nhập dạng số, hoặc viết "
        "không có dấu ngăn nghìn (2503) hay với dấu phẩy thập phân (2,503).",
        "Ambiguous number: “{text}” may be thousands or a decimal. Type it as a number, or write it "
        "without a thousands mark (2503) or with a decimal comma (2,503).",
    ),
    "check.area_ended": (
        "Địa bàn {area} chỉ có hiệu lực {span}, không còn trong năm {year}: số liệu năm {year} thuộc "
        "{then}. Hãy ghi số liệu dưới mã của đơn vị mới.",
        "Area {area} existed only {span}, not in {year}: figures for {year} belong to {then}. Enter the "
        "figure under the new unit's code.",
    ),
    "check.area_not_yet": (
        "Địa bàn {area} chỉ có hiệu lực {span}, chưa có trong năm {year}: số liệu năm {year} thuộc "
        "{then}. Hãy ghi số liệu dưới mã của đơn vị khi đó.",
        "Area {area} existed only {span}, not yet in {year}: figures for {year} belong to {then}. Enter "
        "the figure under the code of the unit of that time.",
    ),
    "check.area_outside": (
        "Địa bàn {area} chỉ có hiệu lực {span}, không có trong năm {year}: không nhận số liệu năm này.",
        "Area {area} existed only {span}, not in {year}: it cannot hold a figure for that year.",
    ),
    "check.column_missing": (
        "Thiếu cột “{header}” ({column}).",
        "Column “{header}” ({column}) is missing.",
    ),
    "check.column_without_header": (
        "Cột có số liệu nhưng không có tiêu đề.",
        "A column holds data but has no header.",
    ),
    "check.duplicate_row": (
        "Dòng trùng với dòng {other}, ô {first} (cùng {names}: {same}).",
        "Duplicate of row {other}, cell {first} (the same {names}: {same}).",
    ),
    "check.code_script": (
        "Mã chỉ viết bằng chữ Latinh và chữ số: ký tự {what} là chữ {script}, trông giống chữ Latinh "
        "nhưng máy coi là một mã khác; hãy gõ lại mã này.",
        "A code is written in Latin letters and digits only: {what} is a {script} letter that looks "
        "Latin but makes a different code; type the code again.",
    ),
    "script.cyrillic": ("Kirin", "Cyrillic"),
    "script.greek": ("Hy Lạp", "Greek"),
    "check.code_normalised": (
        "Mã “{written}” viết bằng ký tự toàn khổ hoặc dạng đặc biệt; đã đọc thành “{code}”.",
        "The code “{written}” is written in full-width or special forms; it is read as “{code}”.",
    ),
    "check.flag": (
        "Cần TRUE (có) hoặc để trống.",
        "TRUE (yes) or empty is needed.",
    ),
    "check.formula_error": (
        "Ô có lỗi công thức {text}: hãy sửa công thức hoặc nhập giá trị.",
        "The cell holds the formula error {text}: fix the formula or type the value.",
    ),
    "check.formula_without_value": (
        "Ô có công thức nhưng không có giá trị đã tính: hãy mở tệp bằng Excel, để Excel tính rồi lưu "
        "lại, hoặc thay công thức bằng giá trị (Paste Special → Values).",
        "A formula without a computed value: open the file in Excel so it computes and save it, or "
        "paste the values over the formula.",
    ),
    "check.header_repeated": (
        "Tiêu đề “{text}” trùng với cột {other}.",
        "Header “{text}” repeats column {other}.",
    ),
    "check.header_unknown": (
        "Tiêu đề cột “{text}” không nhận ra (có thể đã bị đổi tên). Các tiêu đề đúng: {expected}.",
        "Column header “{text}” is not recognised (renamed?). Expected headers: {expected}.",
    ),
    "check.hidden_columns": (
        "Có cột bị ẩn ({shown}); các cột này vẫn được đọc.",
        "Hidden columns ({shown}); they are read all the same.",
    ),
    "check.hidden_data_sheet": (
        "Trang tính “{sheet}” đang bị ẩn; vẫn được đọc.",
        "Sheet “{sheet}” is hidden; it is read all the same.",
    ),
    "check.hidden_other_sheet": (
        "Trang tính “{sheet}” đang bị ẩn; bị bỏ qua.",
        "Sheet “{sheet}” is hidden; it is ignored.",
    ),
    "check.hidden_rows": (
        "Có {n} dòng bị ẩn ({shown}); các dòng này vẫn được đọc.",
        "{n} hidden rows ({shown}); they are read all the same.",
    ),
    "check.macros": (
        "Tệp có macro (.xlsm): chỉ đọc giá trị, macro không được giữ lại hay chạy.",
        "The file holds macros (.xlsm): only values are read; macros are neither kept nor run.",
    ),
    "check.merged_cells": (
        "Ô gộp {ref} nằm trong vùng số liệu: hãy bỏ gộp ô (Merge & Center) và điền giá trị vào từng ô.",
        "Merged cells {ref} lie over the data: unmerge them and fill in every cell.",
    ),
    "check.negative_count": (
        "Số lượng không được âm.",
        "A count cannot be negative.",
    ),
    "check.no_header_row": (
        "Trang tính không có dòng tiêu đề ở dòng 1: hãy dùng tệp mẫu.",
        "The sheet has no header row in row 1: use the template.",
    ),
    # {where} is the cell ("SoLieu!F7") or the row it is at, {value} what it holds, quoted.
    "check.not_a_number": (
        "Ô {where} ghi {value}, không phải là số. Hãy ghi một số, ví dụ 2.503,3 (dấu chấm ngăn hàng "
        "nghìn, dấu phẩy trước phần thập phân); chưa có số liệu thì bỏ dòng này.",
        "Cell {where} holds {value}, which is not a number. Write a number such as 2.503,3 (a dot "
        "between thousands, a comma before the decimals); leave the row out when there is no figure.",
    ),
    "check.not_a_number_yes_no": (
        "Ô {where} ghi {value}: chỉ tiêu này chỉ nhận “Đạt” hoặc “Chưa đạt” (hoặc 1 / 0); chưa có số "
        "liệu thì bỏ dòng này.",
        "Cell {where} holds {value}: this indicator takes “met” or “not met” (or yes / no, 1 / 0); leave "
        "the row out when there is no figure.",
    ),
    "check.not_a_year": (
        "Không phải là năm: cần một số nguyên từ {first} đến {last}.",
        "Not a year: a whole number from {first} to {last} is needed.",
    ),
    "check.not_in_vocabulary": (
        "Giá trị không hợp lệ; các giá trị được dùng: {allowed}.",
        "Not an accepted value; use one of: {allowed}.",
    ),
    "check.qualifier_contrary": (
        "Chữ trước số mục tiêu ngược với cột So sánh: “Trên” đi với “Không thấp hơn”, “Dưới” đi với "
        "“Không vượt quá”. Hãy sửa một trong hai ô.",
        "The word before the target's number contradicts its comparison: “over” goes with “at least”, "
        "“under” with “at most”. Correct one of the two cells.",
    ),
    "check.required_empty": (
        "Ô bắt buộc đang để trống.",
        "This cell is required but empty.",
    ),
    "check.yes_no_only": (
        "“{text}” chỉ dùng cho chỉ tiêu đạt/chưa đạt (có/không); chỉ tiêu này cần một con số, "
        "ví dụ 2.503,3. Hãy nhập số liệu dạng số.",
        "“{text}” is accepted only for a yes/no indicator (met/not met); this indicator needs a number, "
        "such as 2,503.3. Type the figure as a number.",
    ),
    "check.share_over_100": (
        "Tỷ lệ (%) lớn hơn 100: hãy kiểm tra lại số liệu hoặc đơn vị tính.",
        "A share (%) above 100: check the figure or the unit.",
    ),
    "check.sheet_ignored": (
        "Trang tính “{sheet}” không phải trang số liệu nên bị bỏ qua.",
        "Sheet “{sheet}” is not a data sheet and is ignored.",
    ),
    "check.sheet_missing": (
        "Thiếu trang tính “{sheet}” ({header}…): hãy dùng tệp mẫu, không xóa hay đổi tên trang.",
        "Sheet “{sheet}” ({header}…) is missing: use the template; do not delete or rename sheets.",
    ),
    # Grouped problems (identical problems as one line with their count and cell ranges).
    "check.times": ("({n} lần)", "({n} times)"),
    "check.more_ranges": ("… (+{n} vùng)", "… (+{n} more ranges)"),
    "check.more_values": ("… (+{n} giá trị khác)", "… (+{n} other values)"),
    "check.more_groups": (
        "… và {n} nhóm vấn đề khác; xem đủ bằng --all hoặc --format csv.",
        "… and {n} more groups; see them all with --all or --format csv.",
    ),
    "check.unit_differs": (
        "Đơn vị tính “{written}” khác danh mục (“{unit}”) của {code}: số liệu được hiểu theo đơn vị "
        "của danh mục.",
        "Unit “{written}” differs from the catalogue's (“{unit}”) for {code}: figures are read in the "
        "catalogue's unit.",
    ),
    "check.unknown_area": (
        "Mã địa bàn không có trong danh mục địa bàn (trang DiaBan).",
        "Unknown area code: not among the areas (sheet DiaBan).",
    ),
    "check.unknown_code": (
        "Mã chỉ tiêu không có trong danh mục (trang ChiTieu của tệp hoặc dữ liệu hiện tại).",
        "Unknown indicator code: not in the catalogue (the file's ChiTieu sheet or the current data).",
    ),
    "check.value_missing": (
        "Ô {where} để trống. Hãy ghi số liệu, ví dụ 2.503,3 (dấu chấm ngăn hàng nghìn, dấu phẩy trước "
        "phần thập phân); chưa có số liệu thì bỏ dòng này.",
        "Cell {where} is empty. Write the figure, such as 2.503,3 (a dot between thousands, a comma "
        "before the decimals); leave the row out when there is no figure.",
    ),
    "check.value_missing_yes_no": (
        "Ô {where} để trống. Chỉ tiêu này nhận “Đạt” hoặc “Chưa đạt” (hoặc 1 / 0); chưa có số liệu thì "
        "bỏ dòng này.",
        "Cell {where} is empty. This indicator takes “met” or “not met” (or yes / no, 1 / 0); leave the "
        "row out when there is no figure.",
    ),
    "check.wide_column_ignored": (
        "Cột “{header}” không nhận ra nên bị bỏ qua (cột năm viết như 2020, cột mục tiêu như NQ 2020, "
        "KH 2019, MT 2025).",
        "Column “{header}” is not recognised and is ignored (year columns read 2020, target columns NQ "
        "2020, KH 2019, MT 2025).",
    ),
    "check.wide_empty": (
        "Trang dạng ngang không có số liệu nào (các cột năm và mục tiêu đều trống).",
        "The wide sheet holds no figure (its year and target columns are all empty).",
    ),
    "check.wide_year_out_of_range": (
        "Năm {year} ở tiêu đề cột nằm ngoài khoảng {first}–{last}.",
        "Year {year} in the column header is outside {first}–{last}.",
    ),
    "check.year_missing": (
        "Thiếu năm.",
        "The year is missing.",
    ),
    "check.year_out_of_range": (
        "Năm nằm ngoài khoảng hợp lý {first}–{last}.",
        "The year is outside the plausible range {first}–{last}.",
    ),
    # How much a problem weighs.
    "severity.error": (
        "lỗi",
        "error",
    ),
    "severity.warning": (
        "lưu ý",
        "warning",
    ),
    "check.legacy_area": (
        "Tệp dùng mã địa bàn cũ của phần mềm; đã đổi sang mã của Cục Thống kê: {pairs}.",
        "The file uses the software's old area codes; they were changed to the official codes: {pairs}.",
    ),
}
