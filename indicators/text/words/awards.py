"""Words for the emulation and commendation register: refusals of a list, check findings, the CLI."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("awards",)
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    # A list refused: nothing was written.
    "awards.err.already_held": (
        "Sổ khen thưởng đã có {n} dòng này (quyết định {decisions}); không ghi gì.",
        "The register already holds {n} of these rows (decision {decisions}); nothing was written.",
    ),
    "awards.err.columns": (
        "Danh sách thiếu cột: {columns}. Hãy dùng mẫu tải từ chương trình.",
        "The list lacks the columns: {columns}. Please use the template the program gives.",
    ),
    "awards.err.empty": ("Danh sách không có dòng nào.", "The list has no rows."),
    "awards.err.duplicate": (
        "Dòng {row}: trùng với dòng {first} "
        "(cùng quyết định {decision}, cùng người hoặc tập thể, cùng danh hiệu).",
        "Row {row}: the same as row {first} (the same decision {decision}, recipient and title).",
    ),
    "awards.err.unknown_title": (
        "Dòng {row}: danh hiệu hoặc hình thức khen thưởng “{title}” không có trong danh mục.",
        "Row {row}: the title or form of award “{title}” is not in the catalogue.",
    ),
    "awards.err.wrong_recipient": (
        "Dòng {row}: “{title}” không dành cho {kind}.",
        "Row {row}: “{title}” is not given to {kind}.",
    ),
    "awards.err.kind": (
        "Dòng {row}: đối tượng “{value}” không hợp lệ; chọn cá nhân, tập thể hoặc hộ gia đình.",
        "Row {row}: the recipient kind “{value}” is not valid; choose a person, a collective or a household.",
    ),
    "awards.err.date": (
        "Dòng {row}: ngày quyết định “{value}” không đọc được; hãy viết dạng ngày/tháng/năm.",
        "Row {row}: the decision date “{value}” cannot be read; please write it as day/month/year.",
    ),
    "awards.err.year": (
        "Dòng {row}: năm thành tích “{value}” không hợp lệ.",
        "Row {row}: the year of the achievement “{value}” is not valid.",
    ),
    "awards.err.date_outside": (
        "Dòng {row}: quyết định ngày {date} không thể khen thành tích năm {year} "
        "(quyết định phải ký trong năm đó hoặc năm sau).",
        "Row {row}: a decision of {date} cannot award the year {year} "
        "(the decision must be signed in that year or the next).",
    ),
    "awards.err.district_gone": (
        "Dòng {row}: “{title}” là khen thưởng cấp huyện; từ 01/7/2025 không còn cấp huyện "
        "(quyết định ngày {date}).",
        "Row {row}: “{title}” is a district award; there are no districts since 1 July 2025 "
        "(decision of {date}).",
    ),
    "awards.err.missing": (
        "Dòng {row}: thiếu {column}.",
        "Row {row}: {column} is missing.",
    ),
    "awards.err.too_long": (
        "Dòng {row}: {column} dài quá {limit} ký tự.",
        "Row {row}: {column} is longer than {limit} characters.",
    ),
    # The yearly cycle: registrations, proposals, the council's result, the decision.
    "awards.err.twice": (
        "Dòng {row}: trùng với dòng {first} (cùng người hoặc tập thể, cùng danh hiệu, cùng năm).",
        "Row {row}: the same as row {first} (the same recipient, title and year).",
    ),
    "awards.cycle.registrations_held": (
        "Đã có {n} đăng ký này cho năm {year}; không ghi gì.",
        "{n} of these registrations for {year} are already held; nothing was written.",
    ),
    "awards.cycle.proposals_held": (
        "Đã có {n} đề nghị này cho năm {year}; không ghi gì.",
        "{n} of these proposals for {year} are already held; nothing was written.",
    ),
    "awards.cycle.bad_result": (
        "Kết quả “{result}” không hợp lệ; ghi “accepted” (được chấp thuận) "
        "hoặc “rejected” (không được chấp thuận).",
        "The result “{result}” is not valid; write “accepted” or “rejected”.",
    ),
    "awards.cycle.unknown_proposal": (
        "Không có đề nghị số {ids}; không ghi gì.",
        "There is no proposal number {ids}; nothing was written.",
    ),
    "awards.cycle.already_decided": (
        "Đề nghị số {ids} đã có quyết định khen thưởng; không ghi gì.",
        "Proposal number {ids} already has an award decision; nothing was written.",
    ),
    "awards.cycle.nothing_accepted": (
        "Chưa có đề nghị nào năm {year} được Hội đồng chấp thuận mà chưa có quyết định; không ghi gì.",
        "No proposal of {year} is accepted by the council and still without a decision; nothing was written.",
    ),
    "awards.cycle.stored": (
        "Đã ghi {n} dòng {what} năm {years}.",
        "Stored {n} {what} rows for {years}.",
    ),
    "awards.cycle.registrations": ("đăng ký thi đua", "emulation registration"),
    "awards.cycle.proposals": ("đề nghị khen thưởng", "award proposal"),
    "awards.cycle.result_recorded": (
        "Đã ghi kết quả của Hội đồng cho {n} đề nghị.",
        "The council's result recorded for {n} proposals.",
    ),
    "awards.cycle.decided": (
        "Quyết định {number}: đã ghi {n} lượt khen thưởng vào sổ, phiên bản {version}.",
        "Decision {number}: {n} awards written into the register, version {version}.",
    ),
    "awards.cycle.from_store": (
        "Đối chiếu với {n} đăng ký thi đua trong kho dữ liệu.",
        "Checked against {n} emulation registrations in the store.",
    ),
    "awards.result.none": ("chưa xét", "not yet considered"),
    "awards.result.accepted": ("được chấp thuận", "accepted"),
    "awards.result.rejected": ("không được chấp thuận", "rejected"),
    "awards.col.id": ("Số đề nghị", "Proposal number"),
    "awards.col.result": ("Kết quả của Hội đồng", "The council's result"),
    "awards.col.result_note": ("Ghi chú", "Note"),
    # Names only in one's own area.
    "awards.names.outside": (
        "Tài khoản “{user}” chỉ xem được tên trong địa bàn {area} và các đơn vị trực thuộc; "
        "địa bàn {asked} chỉ hiện số lượt.",
        "The account “{user}” reads names only in the area {area} and the units under it; "
        "the area {asked} shows counts only.",
    ),
    "awards.names.own_area": (
        "Danh sách có tên chỉ gồm địa bàn của tài khoản ({area}) và các đơn vị trực thuộc.",
        "The named list holds only the account's own area ({area}) and the units under it.",
    ),
    "awards.names.every_area": (
        "Tài khoản chưa gắn với địa bàn nên xem được danh sách có tên của mọi địa bàn, "
        "như người giữ kho dữ liệu.",
        "The account is held to no area, so it reads the named lists of every area, "
        "as the store's keeper does.",
    ),
    "awards.names.letter_outside": (
        "Tài khoản “{user}” chỉ lập tờ trình cho địa bàn {area} và các đơn vị trực thuộc, không cho {asked}.",
        "The account “{user}” writes letters only for the area {area} and the units under it, "
        "not for {asked}.",
    ),
    # The stored proposals on the page: each finding in a few words, beside its proposal.
    "awards.short.unknown_title": ("danh hiệu không có trong danh mục", "title not in the catalogue"),
    "awards.short.wrong_recipient": ("không dành cho đối tượng này", "not for this kind of recipient"),
    "awards.short.missing_earlier": (
        "thiếu danh hiệu liên tục trước đó",
        "lacks the consecutive earlier titles",
    ),
    "awards.short.cap_exceeded": ("vượt tỷ lệ", "over the share allowed"),
    "awards.short.duplicate": ("trùng", "a duplicate"),
    "awards.short.no_registration": ("không có đăng ký đầu năm", "no registration at the year's start"),
    "awards.short.none": ("không thấy vấn đề", "no problem found"),
    "awards.cycle.page_title": ("Đề nghị khen thưởng đã lưu", "Stored award proposals"),
    "awards.cycle.page_year": ("Năm thành tích của đề nghị", "Year of the proposals"),
    "awards.cycle.page_intro": (
        "Kết quả kiểm tra chỉ nêu điều sổ khen thưởng cho thấy; Hội đồng Thi đua – Khen thưởng quyết định.",
        "The check only names what the register shows; the Emulation and Commendation Council decides.",
    ),
    "awards.col.findings": ("Kết quả kiểm tra", "Check"),
    # The grid to type awards in.
    "awards.grid.title": ("Nhập khen thưởng", "Type awards"),
    "awards.grid.intro": (
        "Mỗi dòng là một lượt khen thưởng theo quyết định. Các ô được kiểm tra như danh sách tải lên; "
        "xem trước rồi ghi thành một phiên bản mới của sổ.",
        "Each row is one award of a decision. The cells are checked as an uploaded list is; "
        "preview, then write them as one new version of the register.",
    ),
    "awards.grid.nothing": (
        "Chưa nhập dòng nào: thêm dòng vào bảng để bắt đầu.",
        "No row typed yet: add a row to the grid to begin.",
    ),
    "awards.grid.refused": (
        "Chưa ghi được: {n} lỗi trong bảng. Hãy sửa các ô được nêu.",
        "Not written yet: {n} errors in the grid. Please correct the cells named.",
    ),
    "awards.grid.note": ("nhập trên trang Nhập khen thưởng", "typed on the Type awards page"),
    # Recipient kinds and the template's columns.
    "awards.kind.person": ("cá nhân", "a person"),
    "awards.kind.collective": ("tập thể", "a collective"),
    "awards.kind.household": ("hộ gia đình", "a household"),
    "awards.col.decision_no": ("Số quyết định", "Decision number"),
    "awards.col.decision_date": ("Ngày quyết định", "Decision date"),
    "awards.col.issuer": ("Cơ quan, người quyết định", "Issued by"),
    "awards.col.award": ("Danh hiệu, hình thức khen thưởng", "Title or form of award"),
    "awards.col.recipient_kind": ("Đối tượng", "Recipient"),
    "awards.col.name": ("Tên cá nhân, tập thể, hộ gia đình", "Name of the person, collective or household"),
    "awards.col.unit": ("Đơn vị", "Unit"),
    "awards.col.area": ("Mã địa bàn", "Area code"),
    "awards.col.year": ("Năm thành tích", "Year of the achievement"),
    "awards.col.achievement": ("Thành tích", "Achievement"),
    "awards.col.level": ("Cấp", "Level"),
    "awards.col.count": ("Số lượt", "Awards"),
    "awards.level.national": ("cấp Nhà nước", "national"),
    "awards.level.province": ("cấp tỉnh", "provincial"),
    "awards.level.district": ("cấp huyện (đến 30/6/2025)", "district (until 30 June 2025)"),
    "awards.level.commune": ("cấp xã", "commune"),
    "awards.level.unit": ("cấp cơ sở", "grassroots"),
    # The proposal check: what the records show, never a verdict.
    "awards.check.unknown_title": (
        "Dòng {row}: danh hiệu không có trong danh mục.",
        "Row {row}: the title is not in the catalogue.",
    ),
    "awards.check.wrong_recipient": (
        "Dòng {row}: danh hiệu không dành cho đối tượng này.",
        "Row {row}: the title is not given to this kind of recipient.",
    ),
    "awards.check.missing_earlier": (
        "Dòng {row}: sổ khen thưởng ghi {found} lần liên tục “{requires}”, cần {needed} lần ({article}).",
        "Row {row}: the register shows {found} consecutive “{requires}”, {needed} are needed ({article}).",
    ),
    "awards.check.cap_exceeded": (
        "Dòng {row}: đơn vị đề nghị {found} “{title}”, vượt tỷ lệ cho phép {needed} ({article}).",
        "Row {row}: the unit proposes {found} “{title}”, over the allowed share of {needed} ({article}).",
    ),
    "awards.check.duplicate": (
        "Dòng {row}: đề nghị trùng (đã có trong danh sách hoặc đã được khen cùng danh hiệu năm đó).",
        "Row {row}: a duplicate (already in the list, or already awarded the same title that year).",
    ),
    "awards.check.no_registration": (
        "Dòng {row}: không có đăng ký thi đua đầu năm.",
        "Row {row}: no emulation registration at the start of the year.",
    ),
    "awards.check.none": (
        "Không thấy vấn đề nào trong {n} đề nghị theo sổ khen thưởng và danh mục; "
        "việc xét vẫn do Hội đồng Thi đua – Khen thưởng quyết định.",
        "No problem found in {n} proposals against the register and the catalogue; "
        "the Emulation and Commendation Council still decides.",
    ),
    "awards.check.some": (
        "{n} vấn đề trong {total} đề nghị; việc xét vẫn do Hội đồng Thi đua – Khen thưởng quyết định.",
        "{n} problems in {total} proposals; the Emulation and Commendation Council still decides.",
    ),
    # The command line.
    "awards.cli.imported": (
        "Đã ghi {n} dòng khen thưởng vào sổ: phiên bản {version}.",
        "{n} award rows written to the register: version {version}.",
    ),
    "awards.cli.refused": (
        "Không ghi gì: {n} lỗi trong danh sách.",
        "Nothing written: {n} errors in the list.",
    ),
    "awards.cli.no_rights": (
        "Tài khoản “{user}” không được xem tên; chỉ hiện số lượt.",
        "The account “{user}” may not see names; counts only.",
    ),
    "awards.cli.no_records": (
        "Chưa có số liệu khen thưởng cho lựa chọn này.",
        "No award records yet for this choice.",
    ),
    "awards.cli.term": (
        "Giai đoạn “{term}” không hợp lệ; hãy viết dạng 2020-2025.",
        "The term “{term}” is not valid; please write it as 2020-2025.",
    ),
    # The page.
    "awards.page.title": ("Sổ khen thưởng", "Awards register"),
    "awards.page.intro": (
        "Số lượt khen thưởng đếm từ các quyết định đã ghi vào sổ, theo cấp, hình thức, năm và địa bàn.",
        "Awards counted from the decisions recorded in the register, by level, form, year and area.",
    ),
    "awards.page.empty": (
        "Chưa có số liệu khen thưởng trong sổ cho lựa chọn này.",
        "No award records in the register yet for this choice.",
    ),
    "awards.page.area": ("Địa bàn", "Area"),
    "awards.page.all_areas": ("Mọi địa bàn trong sổ", "Every area in the register"),
    "awards.page.trend": (
        "Số lượt khen thưởng theo năm và cấp (từ sổ)",
        "Awards by year and level (from records)",
    ),
    "awards.page.by_level": ("Theo cấp và năm (từ sổ)", "By level and year (from records)"),
    "awards.page.by_form": (
        "Theo danh hiệu, hình thức khen thưởng (từ sổ)",
        "By title or form of award (from records)",
    ),
    "awards.page.report_totals": (
        "Tổng giai đoạn 2015–2020 theo báo cáo (số tổng của báo cáo, không đếm từ sổ)",
        "2015–2020 totals from the report (totals a report gives, not counted from records)",
    ),
    "awards.page.total": ("Cộng", "Total"),
    "awards.page.names": ("Danh sách có tên", "Named list"),
    "awards.page.names_hidden": (
        "Tên cá nhân là dữ liệu cá nhân: chỉ cán bộ phân tích và quản trị được xem danh sách có tên.",
        "People's names are personal data: only analysts and admins see the named list.",
    ),
    "awards.page.download": ("Tải danh sách có tên (CSV)", "Download the named list (CSV)"),
    "awards.page.download_note": (
        "Mỗi lần tải danh sách có tên được ghi lại: tài khoản và thời điểm.",
        "Every download of the named list is recorded: the account and the time.",
    ),
    "awards.page.upload": ("Thêm quyết định khen thưởng vào sổ", "Add award decisions to the register"),
    "awards.page.upload_file": (
        "Danh sách khen thưởng (.xlsx theo mẫu)",
        "Awards list (.xlsx from the template)",
    ),
    "awards.page.template": ("Tải mẫu danh sách khen thưởng", "Download the awards list template"),
    "awards.page.refused": (
        "Không ghi gì: {n} lỗi trong danh sách. Hãy sửa tệp rồi tải lên lại.",
        "Nothing written: {n} errors in the list. Please correct the file and upload it again.",
    ),
    "awards.page.preview": (
        "Danh sách hợp lệ: {n} dòng sẽ được ghi thành một phiên bản mới.",
        "The list is valid: {n} rows will be written as one new version.",
    ),
    "awards.page.commit": ("Ghi vào sổ", "Write to the register"),
    "awards.page.saved": ("Đã ghi {n} dòng: phiên bản {v}.", "{n} rows written: version {v}."),
    "awards.page.source": (
        "Nguồn: sổ khen thưởng (các quyết định đã ghi), phiên bản {v}.",
        "Source: the awards register (the decisions recorded), version {v}.",
    ),
    "awards.page.check": ("Kiểm tra danh sách đề nghị", "Check a list of proposals"),
    "awards.page.check_intro": (
        "Danh sách đề nghị được đối chiếu với sổ khen thưởng và danh mục; kết quả chỉ nêu điều sổ cho thấy, "
        "việc xét do Hội đồng Thi đua – Khen thưởng quyết định.",
        "The proposals are checked against the register and the catalogue; the result says only what the "
        "records show, and the Emulation and Commendation Council decides.",
    ),
    "awards.page.proposals_file": (
        "Danh sách đề nghị (.xlsx: năm, danh hiệu, đối tượng, tên, đơn vị, mã địa bàn)",
        "Proposals (.xlsx: year, title, recipient, name, unit, area code)",
    ),
    "awards.page.registrations_file": (
        "Đăng ký thi đua đầu năm (không bắt buộc, cùng các cột)",
        "Registrations at the start of the year (optional, the same columns)",
    ),
    # The submission letter (tờ trình) and its list.
    "awards.letter.kind": ("TỜ TRÌNH", "SUBMISSION"),
    "awards.letter.number": ("Số:        /TTr-UBND", "No.:        /TTr-UBND"),
    "awards.letter.subject": (
        "Về việc đề nghị khen thưởng thành tích năm {year}",
        "On proposed commendations for the achievements of {year}",
    ),
    "awards.letter.basis_law": (
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
        "Pursuant to the Law on Emulation and Commendation No. 06/2022/QH15 of 15 June 2022;",
    ),
    "awards.letter.basis_decree": (
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
        "thi hành một số điều của Luật Thi đua, khen thưởng;",
        "Pursuant to the Government's Decree No. 98/2023/ND-CP of 31 December 2023 detailing the "
        "Law on Emulation and Commendation;",
    ),
    "awards.letter.asked": (
        "{issuer} kính trình ………………… xem xét, khen thưởng cho {n} có thành tích năm {year}, gồm:",
        "{issuer} respectfully submits to ………………… for commendation {n} for their achievements in {year}:",
    ),
    "awards.letter.issuer": ("Ủy ban nhân dân {area}", "The People's Committee of {area}"),
    "awards.letter.n_person": ("cá nhân", "individuals"),
    "awards.letter.n_collective": ("tập thể", "collectives"),
    "awards.letter.n_household": ("hộ gia đình", "households"),
    "awards.letter.attached": ("(Có danh sách kèm theo).", "(The list is attached.)"),
    "awards.letter.closing": (
        "Kính trình ………………… xem xét, quyết định./.",
        "Respectfully submitted to ………………… for consideration and decision./.",
    ),
    "awards.letter.recipient_as_above": ("- Như trên;", "- As above;"),
    "awards.letter.list": ("DANH SÁCH", "LIST"),
    "awards.letter.list_title": (
        "Đề nghị khen thưởng thành tích năm {year}",
        "Proposed commendations for the achievements of {year}",
    ),
    "awards.letter.list_note": (
        "(Kèm theo Tờ trình số        /TTr-UBND ngày      tháng      năm 20    )",
        "(Attached to Submission No.        /TTr-UBND of      /     /20    )",
    ),
    "awards.letter.col_stt": ("STT", "No."),
    "awards.letter.col_name": ("Tên cá nhân, tập thể, hộ gia đình", "Individual, collective or household"),
    "awards.letter.col_unit": ("Đơn vị", "Unit"),
    "awards.letter.col_year": ("Năm thành tích", "Year"),
    "awards.letter.col_kind": ("Đối tượng", "Recipient"),
    "awards.letter.col_area": ("Mã địa bàn", "Area code"),
    "awards.letter.col_award": ("Danh hiệu, hình thức đề nghị", "Title or form proposed"),
    "awards.page.history": (
        "Quá trình khen thưởng của một người hoặc đơn vị: gõ tên hoặc tên đơn vị",
        "The awards of one person or unit: type the name or the unit",
    ),
    # The báo cáo's commendations section, from the register.
    "awards.report.heading": ("Theo sổ khen thưởng", "From the awards register"),
    "awards.report.year": ("năm {year}", "in {year}"),
    "awards.report.years": ("cộng các năm {first}–{last}", "summed over {first}–{last}"),
    "awards.report.lead": (
        "Theo các quyết định đã ghi vào sổ khen thưởng, {when} có {n} lượt khen thưởng, gồm:",
        "By the decisions recorded in the awards register, {when} there were {n} awards:",
    ),
}
