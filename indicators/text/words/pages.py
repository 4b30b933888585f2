"""Words on the dashboard's reading pages: navigation, titles, filters, cards, charts, empty states."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = (
    "card",
    "chart",
    "commendations",
    "detail",
    "domain_page",
    "empty",
    "filter",
    "goals",
    "lang",
    "limit",
    "missing",
    "nav",
    "overview",
    "page",
    "shell",
)
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "lang.vi": ("Tiếng Việt", "Tiếng Việt"),
    "lang.en": ("English", "English"),
    # Streamlit's own texts, put into the reader's language in the browser (dashboard/page_language.py).
    "shell.skip": ("Bỏ qua, đến nội dung chính", "Skip to main content"),
    "shell.upload": ("Chọn tệp", "Choose a file"),
    "shell.drop": ("Kéo và thả tệp vào đây", "Drag and drop a file here"),
    "shell.add": ("Chọn tệp khác", "Choose another file"),
    "shell.per_file": ("Tối đa {size} mỗi tệp", "Up to {size} per file"),
    "nav.summary": ("Tổng hợp", "Summary"),
    "nav.domains": ("Lĩnh vực", "Domains"),
    "nav.data": ("Dữ liệu", "Data"),
    "page.overview": ("Tổng quan", "Overview"),
    "page.goals": ("Mục tiêu 2025", "2025 goals"),
    "page.commendations": ("Thi đua – khen thưởng", "Emulation and commendations"),
    "page.detail": ("Chỉ tiêu", "Indicator detail"),
    "page.upload": ("Cập nhật số liệu", "Update figures"),
    "page.enter": ("Nhập số liệu", "Enter figures"),
    "page.history": ("Lịch sử phiên bản", "Version history"),
    "page.report_text": ("Báo cáo", "Report"),
    "page.economy": ("Kinh tế", "Economy"),
    "page.society": ("Giáo dục, y tế, văn hóa", "Education, health and culture"),
    "page.poverty_jobs": ("Giảm nghèo – việc làm", "Poverty and jobs"),
    "page.defence_security": ("Quốc phòng – an ninh", "Defence and security"),
    "page.political_system": ("Hệ thống chính trị", "Political system"),
    "page.new_rural": ("Nông thôn mới", "New rural development"),
    "page.tea": ("Cây chè", "Tea"),
    "page.tourism": ("Du lịch", "Tourism"),
    "filter.area": ("Địa bàn", "Area"),
    "filter.term": ("Giai đoạn", "Term"),
    "filter.recipient": ("Đối tượng", "Recipients"),
    "filter.all": ("Tất cả", "All"),
    "empty.store": (
        "Kho dữ liệu chưa có số liệu nào. Hãy cập nhật số liệu từ tệp Excel ở trang «Cập nhật số liệu».",
        "The store holds no figures yet. Load them from an Excel file on the «Update figures» page.",
    ),
    "empty.figure": ("Chưa có số liệu.", "No figure yet."),
    "empty.target": ("Báo cáo không nêu chỉ tiêu cho số liệu này.", "The report sets no target for this."),
    "empty.attainment": (
        "Chưa có chỉ tiêu nào được đánh giá trong giai đoạn này.",
        "No target in this term can be assessed yet.",
    ),
    # {n} is a counted noun, "1 target", "3 targets" (overview.targets).
    "empty.unjudged": (
        "{n} chưa có số liệu thực hiện để đánh giá (xem bảng).",
        "{n} without an actual figure to assess yet (see the table).",
    ),
    "empty.domain": ("Lĩnh vực này chưa có số liệu nào.", "This domain has no figures yet."),
    "empty.domain_targets": (
        "Báo cáo không đặt chỉ tiêu nào cho lĩnh vực này trong giai đoạn đã chọn.",
        "The report sets no target for this domain in the chosen term.",
    ),
    "empty.goals": ("Chưa có số liệu mục tiêu của địa bàn này.", "No goals entered for this area yet."),
    "empty.goal_chart": (
        "Chưa vẽ được lộ trình: {reason}.",
        "No path can be drawn: {reason}.",
    ),
    "empty.commendations": ("Chưa có số liệu khen thưởng.", "No commendation figures yet."),
    "empty.indicators": ("Chưa có chỉ tiêu nào trong kho dữ liệu.", "The store holds no indicators yet."),
    "empty.series": ("Chỉ tiêu này chưa có số liệu thực hiện.", "This indicator has no actual figures yet."),
    "empty.quotes": ("Không có trích dẫn.", "No quotations."),
    "card.change": ("So với năm {y}", "Change since {y}"),
    "card.change_per_year": ("Bình quân mỗi năm từ {y}", "Average a year since {y}"),
    "card.year": ("Năm {y}", "Year {y}"),
    "overview.headline": ("Chỉ tiêu chủ yếu", "Headline indicators"),
    "overview.tally": ("Kết quả so với chỉ tiêu", "Results against targets"),
    "overview.tally_kind": ("**{kind}**: {n} chỉ tiêu —", "**{kind}**: {n} —"),
    "overview.kind.NQ": ("Nghị quyết", "Resolution"),
    "overview.kind.DA": ("Đề án", "Programme"),
    "overview.kind.GIAO": ("Chỉ tiêu giao", "Assigned targets"),
    "overview.kind.MT": ("Mục tiêu giai đoạn", "The term's goals"),
    "overview.kind.KH": ("Kế hoạch năm {y}", "{y} plan"),
    "overview.goals_link": ("Xem lộ trình từng mục tiêu", "See the path to each goal"),
    "chart.attainment": ("Mức đạt so với chỉ tiêu", "Attainment of targets"),
    "chart.finding_all": ("Cả {n} chỉ tiêu đều đạt hoặc vượt", "All {n} targets met or exceeded"),
    "chart.finding_some": ("{good}/{n} chỉ tiêu đạt hoặc vượt", "{good} of {n} targets met or exceeded"),
    # One line above the chart (38 characters): every target of each kind, never "all 17" over kinds.
    "chart.finding_all_kinds": (
        "Cả {k} loại chỉ tiêu đều đạt hoặc vượt",
        "All {k} kinds of target met or exceeded",
    ),
    "chart.finding_some_kinds": ("Không đạt: {clauses}", "Not met: {clauses}"),
    "chart.finding_kind": ("{kind} {bad}/{n}", "{kind} {bad} of {n}"),
    "chart.axis_pct": ("% chỉ tiêu", "% of target"),
    "chart.line_100": ("100 % chỉ tiêu", "100 % of target"),
    "chart.reported_note": (
        "Sọc chéo: tỷ lệ do báo cáo nêu, không có số liệu để tự tính",
        "Hatched: the report's own %, no figures to compute it",
    ),
    "chart.actual": ("Thực hiện", "Actual"),
    "chart.target": ("Chỉ tiêu", "Target"),
    "chart.computed_pct": ("Tỷ lệ tính toán", "Computed %"),
    "chart.reported_pct": ("Tỷ lệ báo cáo nêu", "Report's %"),
    "chart.status": ("Đánh giá", "Status"),
    "chart.required_path": ("Lộ trình cần đạt", "Required path"),
    "chart.goal": ("Mục tiêu {y}", "{y} goal"),
    "chart.series": ("Số liệu theo năm", "Figures by year"),
    "chart.png": ("Tải ảnh PNG", "Download as PNG"),
    "chart.png_wait": ("Đang chuẩn bị ảnh, xin chờ vài giây", "Preparing the image, a few seconds"),
    "domain_page.indicators": ("Các chỉ tiêu", "Indicators"),
    "chart.ends_note": (
        "Biểu đồ vẽ {n} dòng cao nhất và {n} dòng thấp nhất trong {total}; bảng bên dưới có đủ.",
        "The chart draws the {n} highest and the {n} lowest of {total}; the table below has them all.",
    ),
    "limit.search": ("Tìm chỉ tiêu theo tên", "Find an indicator by name"),
    "limit.shown": (
        "Hiện {n} trong {total} chỉ tiêu; gõ tên để tìm chỉ tiêu khác.",
        "Showing {n} of {total} indicators; type a name to find another.",
    ),
    "limit.table": (
        "Bảng chỉ hiện {n} chỉ tiêu ở trên; tệp Excel có đủ {total} chỉ tiêu.",
        "The table shows the {n} indicators above; the Excel file has all {total}.",
    ),
    "limit.none": ("Không có chỉ tiêu nào có tên chứa «{q}».", "No indicator's name contains «{q}»."),
    "domain_page.results": ("Kết quả so với chỉ tiêu", "Results against targets"),
    "domain_page.trend": ("Diễn biến qua các năm", "Year by year"),
    "domain_page.trend_pick": ("Chỉ tiêu", "Indicator"),
    "domain_page.table": ("Bảng số liệu", "Table of figures"),
    "goals.intro": (
        "Lộ trình cần đạt (nét đứt) đi từ số liệu năm gốc {base} đến mục tiêu năm {goal}, "
        "theo phương pháp tiến độ của Thống kê Canada (Open SDG).",
        "The required path (dashed) runs from the {base} baseline to the {goal} goal, "
        "by Statistics Canada's progress method (Open SDG).",
    ),
    "goals.paths": ("Lộ trình từng mục tiêu", "Path to each goal"),
    "goals.pick": ("Chọn mục tiêu để xem lộ trình", "Choose a goal to see its path"),
    "goals.pick_help": (
        "{n} mục tiêu có số liệu năm gốc vẽ được lộ trình; gõ tên để tìm. "
        "Bảng trên có số liệu của mọi mục tiêu.",
        "{n} goals have a baseline to draw a path from; type a name to find one. The table above has "
        "every goal's figures.",
    ),
    "goals.table": (
        "Tiến độ từng mục tiêu: tăng trưởng cần đạt và thực tế",
        "Each goal's progress: required and observed growth",
    ),
    "goals.no_path": ("Mục tiêu chưa vẽ được lộ trình", "Goals without a path yet"),
    "goals.missing": ("Số liệu còn thiếu", "Figures still missing"),
    "goals.missing_intro": (
        "Các mục tiêu dưới đây chưa đánh giá được tiến độ vì còn thiếu số liệu: {count}.",
        "The goals below cannot be judged yet because figures are missing: {count}.",
    ),
    "goals.missing_download": ("Tải tệp điền số liệu còn thiếu", "Download a workbook to fill the gaps"),
    "goals.missing_how": (
        "Tệp theo đúng mẫu tải lên, chỉ gồm các chỉ tiêu trên: số liệu đã có giữ nguyên, ô còn thiếu để "
        "trống, tô vàng và có ghi chú. Điền số (chọn Thực hiện hoặc Ước thực hiện), năm nào chưa có số liệu "
        "thì xóa cả dòng, rồi tải lên ở trang Cập nhật số liệu.",
        "The workbook is in the upload layout and holds only these indicators: known figures are filled, "
        "missing cells are empty, highlighted and commented. Type the figures (the kind column's list, in "
        "Vietnamese, offers the official figure or the estimate), delete the row of any year without a "
        "figure, then upload it on the Update figures page.",
    ),
    "goals.missing_viewer": (
        "Cán bộ chuyên môn đăng nhập sẽ tải được tệp điền sẵn các chỉ tiêu này.",
        "An analyst who signs in can download a workbook pre-filled for these indicators.",
    ),
    "missing.count": ("{goals} mục tiêu, {figures} số liệu", "{goals} goals, {figures} figures"),
    "missing.baseline": ("chưa có số liệu năm gốc {base}", "no baseline figure for {base}"),
    "missing.later": ("chưa có số liệu sau năm gốc: {years}", "no figure after the baseline: {years}"),
    "missing.later_yes_no": (
        "chưa có kết quả đạt hay chưa đạt: {years}",
        "no result (met or not) yet: {years}",
    ),
    "missing.later_yearly": (
        "mục tiêu hàng năm, chưa có số liệu năm nào: {years}",
        "a goal for every year, no year's figure yet: {years}",
    ),
    "missing.term_total": (
        "chưa có tổng cả giai đoạn {term} (số liệu năm {years})",
        "no total for the {term} term yet (the {years} figure)",
    ),
    "missing.cell": (
        "Cần điền: {name}, {what}. Chọn Thực hiện hoặc Ước thực hiện ở cột Loại số liệu; năm nào chưa có "
        "số liệu thì xóa cả dòng.",
        "To fill: {name}, {what}. Choose the official figure or the estimate in the kind column; delete "
        "the row of any year without a figure.",
    ),
    "missing.cell_baseline": ("số liệu năm gốc {year}", "the {year} baseline"),
    "missing.cell_later": ("số liệu năm {year}", "the {year} figure"),
    "missing.cell_term_total": ("tổng cả giai đoạn, ghi ở năm {year}", "the term's total, in year {year}"),
    "commendations.intro": (
        "Số lượt khen thưởng cả giai đoạn kết thúc năm {y}, theo hình thức, đối tượng và cấp khen.",
        "Awards over the term ending in {y}, by kind, recipient and level.",
    ),
    "commendations.finding": (
        "Cấp {level} chiếm nhiều lượt khen thưởng nhất: {share} ({n}/{total} lượt)",
        "The largest share of awards is at {level} level: {share} ({n} of {total})",
    ),
    "commendations.by_level": ("Từng hình thức, theo cấp", "Each award, by level"),
    "commendations.level_heading": ("Cấp {level}: {n} lượt", "{level} level: {n}"),
    "commendations.bars_note": (
        "Thanh ngang so sánh các hình thức trong cùng một cấp; con số là số lượt.",
        "Bars compare the awards within one level; the number is the count.",
    ),
    "detail.pick": ("Chọn chỉ tiêu", "Choose an indicator"),
    "detail.targets": ("Chỉ tiêu đặt ra", "Targets"),
    "detail.attainment": ("Mức đạt: tính toán và báo cáo nêu", "Attainment: computed and as reported"),
    "detail.quotes": ("Trích dẫn từ báo cáo", "Quoted from the report"),
    "detail.differs": (
        "Tỷ lệ tính toán ({computed}) khác tỷ lệ báo cáo nêu ({reported}): chênh {diff} điểm %.",
        "The computed % ({computed}) differs from the report's ({reported}) by {diff} points.",
    ),
    "detail.same": (
        "Tỷ lệ tính toán khớp với tỷ lệ báo cáo nêu ({reported}).",
        "The computed % matches the report's ({reported}).",
    ),
    "detail.derived": (
        "Mục tiêu: {target}. Báo cáo không in số này, chỉ in tỷ lệ % (mục tiêu = thực hiện ÷ tỷ lệ), "
        "nên % đạt chính là tỷ lệ báo cáo in, không phải một phép kiểm tra độc lập.",
        "Target: {target}. The report never prints it, only the % (target = actual ÷ %), "
        "so the attainment is the printed % itself, not an independent check.",
    ),
    "detail.quotes_english": (
        "Trích dẫn giữ nguyên tiếng Việt của báo cáo.",
        "Quotations are given in the report's original Vietnamese.",
    ),
    "nav.account": ("Tài khoản", "Account"),
    "page.signin": ("Đăng nhập", "Sign in"),
    "page.accounts": ("Quản lý tài khoản", "Accounts"),
    "page.compare": ("So sánh địa bàn", "Compare areas"),
    "chart.implied_note": (
        "≈: mục tiêu suy ra từ tỷ lệ báo cáo; % đạt là tỷ lệ báo cáo in.",
        "≈: target implied by the report's %; the attainment is the printed %.",
    ),
    # Under an estimate with no note of its own: true of every estimate, whoever entered it and when.
    "card.estimate": (
        "số ước thực hiện, chưa phải số chính thức",
        "an estimate, not yet the official figure",
    ),
    "detail.meta": ("Chỉ tiêu này nghĩa là gì", "What this indicator means"),
    # {stated} and {implied} are counted rows ("1 row", "13 rows"): overview.rows is the noun.
    "overview.bases": (
        "{stated} có mục tiêu nêu trong văn bản (kiểm tra được số học của báo cáo), {implied} "
        "có mục tiêu suy ra từ tỷ lệ báo cáo (≈, % đạt là % báo cáo in).",
        "{stated} with a stated target (an independent check of the report's arithmetic), "
        "{implied} with a target implied by the report's % (≈; the attainment is the printed %).",
    ),
    "overview.rows": ("dòng", "rows"),
    "overview.targets": ("chỉ tiêu", "targets"),
    "page.year": ("Đánh giá năm", "Year review"),
}
