"""Words for the báo cáo: the Decree 30/2020 document, its sentences, table and downloads."""

from __future__ import annotations

# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "report.issuer": ("ỦY BAN NHÂN DÂN", "PEOPLE'S COMMITTEE"),
    "report.issuer_of": ("{area}", "OF {area}"),
    "report.nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "report.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "report.number": ("Số:        /BC-UBND", "No.:        /BC-UBND"),
    "report.place_date": (
        "{place}, ngày      tháng      năm 20    ",
        "{place}, this      day of                20    ",
    ),
    "report.kind": ("BÁO CÁO", "REPORT"),
    "report.subject_term": (
        "Kết quả thực hiện các chỉ tiêu phát triển kinh tế - xã hội giai đoạn {period}",
        "Results against the socio-economic targets of the {period} term",
    ),
    "report.subject_year": (
        "Kết quả thực hiện các chỉ tiêu phát triển kinh tế - xã hội năm {period}",
        "Results against the socio-economic targets of {period}",
    ),
    "report.subject_goals": (" và mục tiêu giai đoạn {goals}", " and the goals for {goals}"),
    "report.intro": (
        "Ủy ban nhân dân {area} báo cáo kết quả thực hiện các chỉ tiêu {period}, như sau:",
        "The People's Committee of {area} reports the results against the targets of {period} as follows:",
    ),
    "report.period_term": ("giai đoạn {p}", "the {p} term"),
    "report.period_year": ("năm {p}", "{p}"),
    "report.source": (
        "Số liệu lấy từ kho dữ liệu chỉ tiêu, phiên bản {v}. Số liệu ghi «ước» là số ước thực hiện; "
        "chỉ tiêu ghi (*) là chỉ tiêu suy ra từ tỷ lệ phần trăm báo cáo nêu (thực hiện ÷ tỷ lệ), "
        "không phải con số được in trong nghị quyết.",
        "Figures from the indicator store, version {v}. Figures marked “est.” are estimates; targets marked "
        "(*) are implied by the percentage a report prints (actual ÷ percentage), not figures a resolution "
        "printed.",
    ),
    "report.results": ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "RESULTS AGAINST THE TARGETS"),
    "report.goals": ("MỤC TIÊU GIAI ĐOẠN {goals} VÀ TIẾN ĐỘ THỰC HIỆN", "GOALS FOR {goals} AND PROGRESS"),
    "report.goals_none": ("MỤC TIÊU VÀ TIẾN ĐỘ THỰC HIỆN", "GOALS AND PROGRESS"),
    "report.commendations": ("CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "EMULATION AND COMMENDATIONS"),
    "report.tally": (
        "Trong {n} {targets} có mục tiêu, kế hoạch: {vuot} chỉ tiêu vượt, {dat} chỉ tiêu đạt, "
        "{khong_dat} chỉ tiêu không đạt, {no_data} chỉ tiêu chưa có số liệu để đánh giá.",
        "Of {n} {targets}: {vuot} exceeded, {dat} met, {khong_dat} not met, {no_data} without a figure "
        "to judge.",
    ),
    "report.no_figures": (
        "Kho dữ liệu chưa có số liệu nào của {area} cho {period}.",
        "The store holds no figures for {area} for {period}.",
    ),
    "report.no_goals": (
        "Chưa có mục tiêu nào được đặt ra cho {area} trong {period}.",
        "No goals have been set for {area} for {period}.",
    ),
    "report.no_commendations": (
        "Kho dữ liệu chưa có số liệu khen thưởng của {area} cho {period}.",
        "The store holds no commendation figures for {area} for {period}.",
    ),
    "report.no_rows": (
        "Không có chỉ tiêu nào có mục tiêu, kế hoạch cho {period}.",
        "No targets are set for {period}.",
    ),
    "report.reached": ("đạt", "reached"),
    "report.reached_estimate": ("ước đạt", "reached an estimated"),
    "report.stood": ("còn", "stood at"),
    "report.stood_estimate": ("ước còn", "stood at an estimated"),
    "report.in_year": ("năm {y}", "in {y}"),
    "report.pct_of": ("đạt {pct} {kind}", "{pct} of {kind}"),
    "kind_short.NQ": ("NQ", "Res."),
    "kind_short.KH": ("KH", "Plan"),
    "kind_short.DA": ("ĐA", "Prog."),
    "kind_short.GIAO": ("Giao", "Quota"),
    "pct_kind.NQ": ("Nghị quyết", "the Resolution's target"),
    "pct_kind.KH": ("kế hoạch", "the plan"),
    "pct_kind.DA": ("chỉ tiêu Đề án", "the programme's target"),
    "pct_kind.GIAO": ("chỉ tiêu giao", "the assigned quota"),
    "verdict.vuot": ("vượt chỉ tiêu", "exceeded"),
    "verdict.dat": ("đạt chỉ tiêu", "met"),
    "verdict.khong_dat": ("không đạt chỉ tiêu", "not met"),
    "verdict.no_data": ("chưa có số liệu để đánh giá", "no figure to judge yet"),
    "report.as_reported": ("theo tỷ lệ báo cáo nêu", "as the report states"),
    "report.differs": (
        "báo cáo nêu {reported}, tính toán được {computed}",
        "the report states {reported}, computed {computed}",
    ),
    "report.reduction": ("bình quân mỗi năm giảm {value}", "an average fall of {value} a year"),
    "report.points": ("điểm %", "percentage points"),
    "report.ratio_prev": ("bằng {pct} so với cùng kỳ", "{pct} of the previous year"),
    "report.up_since": ("tăng {value} so với năm {y}", "up {value} since {y}"),
    "report.down_since": ("giảm {value} so với năm {y}", "down {value} since {y}"),
    "report.same_since": ("không đổi so với năm {y}", "unchanged since {y}"),
    "report.goal": ("{name}: mục tiêu đến năm {y} {what}", "{name}: by {y}, {what}"),
    # "Hàng năm …": a goal for every year of the term, never read as the last year's alone.
    "report.goal_yearly": (
        "{name}: mục tiêu giai đoạn đến năm {y}: {what}",
        "{name}: for each year of the term to {y}, {what}",
    ),
    "report.goal_base": ("năm {y}: {value}", "{y}: {value}"),
    "report.goal_latest": ("năm {y} đạt {value}", "{y}: {value}"),
    "report.goal_required_growth": (
        "cần tăng bình quân {pct}/năm",
        "needs average growth of {pct} a year",
    ),
    "report.goal_required_fall": ("cần giảm bình quân {pct}/năm", "needs an average fall of {pct} a year"),
    "report.goal_required_rise": ("cần tăng {value}/năm", "needs a rise of {value} a year"),
    "report.goal_required_drop": ("cần giảm {value}/năm", "needs a fall of {value} a year"),
    "report.goal_status": ("tiến độ: {status}", "progress: {status}"),
    "report.awards_intro": (
        "Kết quả khen thưởng {period} của {area}:",
        "Commendations of {area} for {period}:",
    ),
    "report.awards_total": (
        "Tổng cộng: {tt} lượt tập thể và {cn} lượt cá nhân được khen thưởng.",
        "In all: {tt} awards to collectives and {cn} to individuals.",
    ),
    "report.chart": ("Biểu đồ {n}. {title}", "Chart {n}. {title}"),
    "report.no_browser": (
        "Không có trình duyệt để vẽ biểu đồ trên máy tạo báo cáo nên báo cáo này không kèm biểu đồ.",
        "No browser was available to draw the charts on the machine that wrote this report, so it has none.",
    ),
    "report.chart_failed": (
        "Trình duyệt không vẽ được biểu đồ nên báo cáo này không kèm biểu đồ.",
        "The browser could not draw the charts, so this report has none.",
    ),
    "report.section.leadership": ("Công tác lãnh đạo, chỉ đạo", "Leadership and direction"),
    "report.section.campaigns": ("Các phong trào thi đua tiêu biểu", "The main emulation campaigns"),
    "report.section.models": (
        "Công tác xây dựng, nhân rộng điển hình tiên tiến",
        "Finding and spreading good examples",
    ),
    "report.section.strengths": ("Ưu điểm", "Strengths"),
    "report.section.shortcomings": ("Tồn tại, hạn chế", "Shortcomings"),
    "report.section.causes": ("Nguyên nhân", "Causes"),
    "report.section.lessons": ("Bài học kinh nghiệm", "Lessons learned"),
    "report.section.proposals": ("Đề xuất, kiến nghị", "Proposals"),
    "report.section.directions": ("Phương hướng chung", "General direction"),
    "report.section.tasks": ("Nhiệm vụ trọng tâm", "Key tasks"),
    "report.section.solutions": ("Giải pháp thực hiện", "Solutions"),
    "report.tm": ("TM. ỦY BAN NHÂN DÂN", "ON BEHALF OF THE PEOPLE'S COMMITTEE"),
    "report.chair": ("CHỦ TỊCH", "CHAIRPERSON"),
    "report.recipients": ("Nơi nhận:", "Recipients:"),
    "report.recipient_blank": ("- …………;", "- …………;"),
    "report.recipient_archive": ("- Lưu: VT.", "- Archive: office."),
    "report.appendix": ("Phụ lục", "Appendix"),
    "report.appendix_title": ("BIỂU CHỈ TIÊU {period}", "TABLE OF TARGETS, {period}"),
    "report.appendix_note": (
        "(Kèm theo Báo cáo số        /BC-UBND ngày      tháng      năm 20     của UBND {area})",
        "(Attached to Report No.        /BC-UBND of the People's Committee of {area})",
    ),
    "report_col.stt": ("STT", "No."),
    "report_col.indicator": ("Chỉ tiêu", "Indicator"),
    "report_col.unit": ("ĐVT", "Unit"),
    "report_col.target": ("Mục tiêu/ Kế hoạch", "Target/ Plan"),
    "report_col.actual": ("Thực hiện", "Actual"),
    "report_col.pct": ("% đạt", "% attained"),
    "report_col.status": ("Đánh giá", "Status"),
    "report.mark.estimate": ("ước", "est."),
    "report.mark.reported": ("BC", "rep."),
    "report.legend.implied": (
        "(*) Chỉ tiêu suy ra từ tỷ lệ % báo cáo nêu (thực hiện ÷ tỷ lệ), "
        "làm tròn theo độ chính xác của tỷ lệ đó.",
        "(*) Target implied by the report's printed % (actual ÷ %), rounded to that %'s precision.",
    ),
    "report.legend.estimate": ("«ước»: số ước thực hiện.", "“est.”: an estimate."),
    "report.legend.reported": (
        "(BC): tỷ lệ do báo cáo nêu, không có số liệu để tự tính.",
        "(rep.): the report's own %, with no figures to compute it from.",
    ),
    "report.legend.reduce": (
        "Chỉ tiêu giảm bình quân mỗi năm: mục tiêu và thực hiện là mức giảm mỗi năm.",
        "Targets to reduce by an amount a year: target and actual are the fall a year.",
    ),
    # The comparison of the child units (indicators/report/compare.py)
    "report.cmp.heading": (
        "SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC NĂM {y}",
        "THE UNITS UNDER THE AREA COMPARED, {y}",
    ),
    "report.cmp.intro": (
        "So sánh {m} {units} trực thuộc {area} năm {y} trên {k} {indicators} có số liệu. Số của {area} "
        "là tổng hợp từ các {units} theo cách cộng của từng chỉ tiêu, ghi rõ bao nhiêu {units} đã báo cáo; "
        "mỗi {units} được đánh giá theo mục tiêu của chính mình. Chi tiết tại Phụ lục II.",
        "The {m} {units} under {area} compared for {y} on {k} {indicators} with figures. The figure of "
        "{area} is added up from its {units} as each indicator allows, saying how many reported; each unit "
        "is judged against its own target. Details in Appendix II.",
    ),
    "report.cmp.thin": (
        "Chưa có {units} nào trực thuộc {area} báo cáo số liệu năm {y} cho các chỉ tiêu đã chọn, "
        "nên chưa so sánh được.",
        "No {units} under {area} has reported a figure for {y} on the chosen indicators, so there is "
        "nothing to compare yet.",
    ),
    "report.cmp.silent": (
        "Chưa có {units} nào báo cáo số liệu các chỉ tiêu: {names}.",
        "No {units} reported a figure of: {names}.",
    ),
    "report.cmp.year": ("năm {y}", "{y}"),
    "report.cmp.only": ("chỉ có {first} báo cáo ({v1})", "only {first} reported ({v1})"),
    "report.cmp.first_last": (
        "xếp đầu là {first} ({v1}), xếp cuối là {last} ({v2})",
        "ranked first {first} ({v1}), last {last} ({v2})",
    ),
    "report.cmp.tally": (
        "so với mục tiêu của từng địa bàn: {vuot} vượt, {dat} đạt, {khong_dat} không đạt",
        "against each unit's own target: {vuot} exceeded, {dat} met, {khong_dat} not met",
    ),
    "report.cmp.estimate": ("ước", "an estimated"),
    "report.cmp.partial": (
        "chưa đánh giá so với mục tiêu {target} vì chưa đủ địa bàn báo cáo",
        "not judged against the target of {target} as not every unit reported",
    ),
    "report.cmp.rest": ("{n} {units} chưa có số liệu", "{n} {units} without a figure"),
    "report.cmp.appendix_title": (
        "SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC {area} NĂM {y}",
        "THE UNITS UNDER {area} COMPARED, {y}",
    ),
    "report.cmp.legend_parent": (
        "Dòng in đậm: số của {area}, tổng hợp từ các {units} trực thuộc; ghi rõ số {units} đã báo cáo, "
        "«chưa đủ» khi còn {units} chưa báo cáo (khi đó không đánh giá), hoặc vì sao không cộng được.",
        "Bold line: the figure of {area}, added up from its {units}; it says how many reported, "
        "“partial” where some have not (then it is not judged), or why the figures do not add up.",
    ),
    "report.cmp.scope": ("So sánh trong báo cáo", "Compared in the report"),
    "report.noun.targets": ("chỉ tiêu", "targets"),
    "report.noun.indicators": ("chỉ tiêu", "indicators"),
    "report_scope.one": ("chỉ tiêu đang xem ({name})", "the indicator shown ({name})"),
    "report_scope.all": (
        "mọi chỉ tiêu có số liệu của các địa bàn trực thuộc",
        "every indicator the units under the area hold figures of",
    ),
    "report.cmp.no_country": (
        "Báo cáo được lập cho một tỉnh, huyện hay xã: chọn một địa bàn cấp trên khác Toàn quốc để tải.",
        "A report is written for a province, district or commune: choose a parent area other than "
        "the whole country to download one.",
    ),
    "report_col.area": ("Địa bàn", "Area"),
    "report.compare_heading": (
        "Báo cáo kèm so sánh các địa bàn trực thuộc",
        "Report with the comparison of the units under the area",
    ),
    "report.make": ("Tạo báo cáo {fmt}", "Write the {fmt} report"),
    "report.heading": ("Báo cáo theo mẫu hành chính", "Report in the official format"),
    "report.download": ("Tải báo cáo ({fmt})", "Download the report ({fmt})"),
    "report.making": (
        "Đang tạo báo cáo {fmt}, xin chờ vài giây…",
        "Writing the {fmt} report, a few seconds…",
    ),
    "report.failed": ("Không tạo được báo cáo: {why}", "The report could not be written: {why}"),
    # errors: one plain sentence each
    "report.err.period": (
        "cần đúng một trong hai: giai đoạn (ví dụ 2015-2020) hoặc năm (ví dụ 2026)",
        "give exactly one of a term (for example 2015-2020) or a year (for example 2026)",
    ),
    "report.err.year": ("năm {year} nằm ngoài khoảng 1975–2100", "the year {year} is outside 1975–2100"),
    "report.err.term": (
        "giai đoạn '{term}' không đúng dạng NĂM-NĂM, ví dụ 2015-2020",
        "the term '{term}' is not written YEAR-YEAR, for example 2015-2020",
    ),
    "report.err.term_order": (
        "giai đoạn '{term}': năm đầu phải nhỏ hơn năm cuối, trong khoảng 1975–2100",
        "the term '{term}': its first year must come before its last, within 1975–2100",
    ),
    "report.err.area": (
        "không có địa bàn '{area}'; các mã địa bàn: {known}",
        "there is no area '{area}'; the area codes are: {known}",
    ),
    "report.err.template": (
        "không đọc được mẫu báo cáo {name}: {detail}",
        "the report template {name} cannot be read: {detail}",
    ),
    "report.err.placeholder": (
        "mẫu báo cáo {name} có chỗ giữ chỗ hỏng: {detail}",
        "the report template {name} has a broken placeholder: {detail}",
    ),
    "report.err.unsafe": (
        "mẫu báo cáo {name} bị từ chối: một chỗ giữ chỗ đòi làm việc không được phép; "
        "trong mẫu chỉ được in các tên như {{{{ subject }}}} và lặp qua các danh sách",
        "the report template {name} was refused: a placeholder asks for something not allowed; "
        "a template may only print names such as {{{{ subject }}}} and loop over lists",
    ),
    "report.err.no_office": (
        "không tìm thấy LibreOffice (gói Debian libreoffice-writer-nogui) để tạo PDF",
        "LibreOffice (Debian package libreoffice-writer-nogui) is not installed, so no PDF can be made",
    ),
    "report.err.office_slow": (
        "LibreOffice không chuyển xong sang PDF sau {s} giây",
        "LibreOffice did not finish the PDF within {s} seconds",
    ),
    "report.err.office_run": (
        "không chạy được LibreOffice: {detail}",
        "LibreOffice could not be started: {detail}",
    ),
    "report.err.office_failed": (
        "LibreOffice không tạo được PDF: {detail}",
        "LibreOffice could not make the PDF: {detail}",
    ),
    # the kinds of target, comparators and statuses, in the report's words
    "report.tally_not_judged": (
        "{n} chỉ tiêu không đánh giá (tỷ trọng cơ cấu, phần còn lại).",
        "Not judged: {n} (structure shares, remainders).",
    ),
    "kind_short.MT": ("MT", "Goal"),
    "pct_kind.MT": ("mục tiêu", "the goal"),
    "verdict.khong_danh_gia": ("không đánh giá", "not judged"),
}
