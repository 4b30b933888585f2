"""Words for the báo cáo: the Decree 30/2020 document, its sentences, table and downloads."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = (
    "kind_short",
    "pct_kind",
    "report",
    "report_col",
    "report_scope",
    "verdict",
    "verdict_of",
)
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "report.issuer": ("ỦY BAN NHÂN DÂN", "PEOPLE'S COMMITTEE"),
    "report.issuer_of": ("{area}", "OF {area}"),
    "report.nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "report.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "report.number": ("Số:        /BC-UBND", "No.:        /BC-UBND"),
    "report.place_date": (
        "{place}, ngày      tháng      năm 20    ",
        "{place}, day      month      year 20    ",
    ),
    "report.kind": ("BÁO CÁO", "REPORT"),
    "report.subject_term": (
        "Kết quả thực hiện các chỉ tiêu phát triển kinh tế - xã hội, phong trào thi đua và công tác khen "
        "thưởng giai đoạn {period}",
        "Results against the socio-economic targets, the emulation campaigns and commendations of the "
        "{period} term",
    ),
    "report.subject_year": (
        "Kết quả thực hiện các chỉ tiêu phát triển kinh tế - xã hội, phong trào thi đua và công tác khen "
        "thưởng năm {period}",
        "Results against the socio-economic targets, the emulation campaigns and commendations of {period}",
    ),
    "report.subject_goals": (
        "; phương hướng, nhiệm vụ giai đoạn {goals}",
        "; the direction and tasks for {goals}",
    ),
    "report.period_term": ("giai đoạn {p}", "the {p} term"),
    "report.period_year": ("năm {p}", "{p}"),
    "report.no_figures": (
        "Chưa có số liệu các chỉ tiêu của {area} trong {period}.",
        "No figures for {area} have been recorded yet for {period}.",
    ),
    # A parent with no figure of its own whose units have begun to report (indicators/report/units_only.py).
    "report.units_only.figures": (
        "Chưa có số liệu chung của toàn {area} cho các chỉ tiêu trong {period}: số liệu mới có ở {n}/{m} "
        "{units} trực thuộc ({names}); số chung của toàn {area} được tổng hợp khi tất cả các đơn vị đã có "
        "số liệu.",
        "No figures for {area} as a whole have been recorded for {period}: there are figures so far from {n} "
        "of the {m} {units} under it ({names}); a figure for {area} as a whole is added up once every unit "
        "has reported.",
    ),
    "report.units_only.awards": (
        "Chưa có số liệu khen thưởng chung của toàn {area} trong {period}: số liệu khen thưởng mới có ở "
        "{n}/{m} {units} trực thuộc ({names}).",
        "No commendation figures for {area} as a whole have been recorded for {period}: there are "
        "commendation figures so far from {n} of the {m} {units} under it ({names}).",
    ),
    "report.no_goals": ("Chưa có số liệu mục tiêu của {area}.", "No goals of {area} have been recorded yet."),
    "report.no_goals_term": (
        "Chưa có số liệu mục tiêu giai đoạn {p} của {area}.",
        "No goals of {area} for {p} have been recorded yet.",
    ),
    "report.no_commendations": (
        "Chưa có số liệu khen thưởng của {area} trong {period}.",
        "No commendation figures of {area} have been recorded yet for {period}.",
    ),
    "report.no_rows": (
        "Chưa có số liệu mục tiêu, kế hoạch của các chỉ tiêu cho {period}.",
        "No targets or plans have been recorded yet for {period}.",
    ),
    "report.reached": ("đạt", "reached"),
    "report.reached_estimate": ("ước đạt", "reached an estimated"),
    "report.stood": ("còn", "stood at"),
    "report.stood_estimate": ("ước còn", "stood at an estimated"),
    "report.bare_estimate": ("ước", "an estimated"),
    "report.in_year": ("năm {y}", "in {y}"),
    "kind_short.NQ": ("NQ", "Res."),
    "kind_short.KH": ("KH", "Plan"),
    "kind_short.DA": ("ĐA", "Prog."),
    "kind_short.GIAO": ("Giao", "Asg."),
    "pct_kind.NQ": ("Nghị quyết", "the Resolution's target"),
    "pct_kind.KH": ("kế hoạch", "the plan"),
    "pct_kind.DA": ("chỉ tiêu Đề án", "the programme's target"),
    "pct_kind.GIAO": ("chỉ tiêu giao", "the assigned target"),
    "verdict.vuot": ("vượt chỉ tiêu", "exceeded"),
    "verdict.dat": ("đạt chỉ tiêu", "met"),
    "verdict.khong_dat": ("không đạt chỉ tiêu", "not met"),
    "verdict.no_data": ("chưa có số liệu để đánh giá", "no figure to judge yet"),
    # The verdict after the % it judges: English refers back to the target just named.
    "verdict_of.vuot": ("vượt chỉ tiêu", "exceeding it"),
    "verdict_of.dat": ("đạt chỉ tiêu", "meeting it"),
    "verdict_of.khong_dat": ("không đạt chỉ tiêu", "falling short of it"),
    "verdict_of.no_data": ("chưa có số liệu để đánh giá", "with no figure to judge it yet"),
    "verdict_of.khong_danh_gia": ("không đánh giá", "not judged"),
    "report.as_reported": ("theo tỷ lệ % đã công bố", "as published"),
    "report.differs": (
        "tỷ lệ đã công bố {reported}, tính toán được {computed}",
        "published {reported}, computed {computed}",
    ),
    "report.reduction": ("bình quân mỗi năm giảm {value}", "an average fall of {value} a year"),
    "report.ratio_prev": ("bằng {pct} so với cùng kỳ", "{pct} of the previous year"),
    "report.up_since": ("tăng {value} so với năm {y}", "up {value} since {y}"),
    "report.down_since": ("giảm {value} so với năm {y}", "down {value} since {y}"),
    "report.same_since": ("không đổi so với năm {y}", "unchanged since {y}"),
    "report.goal": ("{name}: mục tiêu đến năm {y} {what}", "{name}: by {y}, {what}"),
    # "Hàng năm …": a goal for every year of the term, never read as the last year's alone.
    "report.goal_yearly": (
        "{name}: giai đoạn {first} – {y} {what}",
        "{name}: {what} of {first}–{y}",
    ),
    # A yes/no goal as the source sets it ("Huyện đạt chuẩn nông thôn mới"), never "mục tiêu … đạt".
    "report.goal_yes": ("Phấn đấu đến năm {y} {name}", "Aim for {y}: {name}"),
    "report.goal_base": ("năm {y}: {value}", "{y}: {value}"),
    # A figure the source gives without its year is no baseline: the rate a year is not worked out from it.
    "report.goal_yearless": (
        "thực hiện: {value}, không dùng làm số liệu năm gốc để tính mức tăng cần đạt mỗi năm",
        "achieved: {value}, not used as the baseline for the growth needed each year",
    ),
    "report.goal_yearless_result": ("thực hiện: {value}", "achieved: {value}"),
    "report.goal_latest": ("năm {y} đạt {value}", "{y}: {value}"),
    "report.goal_required_growth": (
        "cần tăng bình quân {pct}/năm",
        "needs average growth of {pct} a year",
    ),
    "report.goal_required_fall": ("cần giảm bình quân {pct}/năm", "needs an average fall of {pct} a year"),
    "report.goal_required_rise": ("cần tăng {value}/năm", "needs a rise of {value} a year"),
    "report.goal_required_drop": ("cần giảm {value}/năm", "needs a fall of {value} a year"),
    "report.goal_status": ("tiến độ: {status}", "progress: {status}"),
    # What the goals' progress waits for, said once as missing data with its years, naming the goals.
    "report.goal_missing.no_baseline": (
        "Chưa có số liệu năm gốc {base} để đánh giá tiến độ của {count}: {names}.",
        "No {base} baseline figure yet to judge progress towards {count}: {names}.",
    ),
    "report.goal_missing.no_later_data": (
        "Chưa có số liệu các năm sau năm gốc {base} để đánh giá tiến độ của {count}: {names}.",
        "No figure for the years after the {base} baseline yet to judge progress towards {count}: {names}.",
    ),
    "report.goal_missing.term_total": (
        "Chưa có số liệu cả giai đoạn {first}–{goal} để đánh giá tiến độ của {count} tính tổng cả giai "
        "đoạn: {names}.",
        "No figure for the whole {first}–{goal} term yet to judge progress towards {count} summed over "
        "the term: {names}.",
    ),
    "report.goal_noun": ("mục tiêu", "goals"),
    # A remainder ("30% xếp loại khá" beside "70% xếp loại tốt") is judged with the share it completes.
    "report.goal_remainder": (
        "không đánh giá riêng: là phần còn lại sau các mục tiêu khác của cùng tổng thể, "
        "được đánh giá cùng các mục tiêu đó",
        "not judged on its own: it is the rest of a whole after the other goals for that whole, "
        "and is judged with them",
    ),
    "report.awards_total": (
        "Trong {period}, {area} có {tt} và {cn} được khen thưởng, cụ thể như sau:",
        "Over {period}, collectives and individuals in {area} received {tt} and {cn}, as follows:",
    ),
    "report.chart": ("Biểu đồ {n}. {title}", "Chart {n}. {title}"),
    # Said in the document someone signs: what it holds, never the software that made it.
    "report.no_browser": (
        "Bản báo cáo này không kèm biểu đồ; số liệu đầy đủ ở biểu kèm theo.",
        "This copy of the report carries no charts; every figure is in the attached table.",
    ),
    "report.chart_failed": (
        "Bản báo cáo này không kèm biểu đồ; số liệu đầy đủ ở biểu kèm theo.",
        "This copy of the report carries no charts; every figure is in the attached table.",
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
    # Parts a year's report takes from the figures; where the store holds none, the office writes them.
    "report.section.results": (
        "Kết quả thực hiện các chỉ tiêu trên các lĩnh vực",
        "Results against the targets in each field",
    ),
    "report.section.awards": ("Kết quả công tác khen thưởng trong năm", "Commendations in the year"),
    "report.section.goals": (
        "Mục tiêu giai đoạn và tiến độ thực hiện",
        "The term's goals and progress towards them",
    ),
    "report.tm": ("TM. ỦY BAN NHÂN DÂN", "ON BEHALF OF THE PEOPLE'S COMMITTEE"),
    "report.chair": ("CHỦ TỊCH", "CHAIRPERSON"),
    # The name line left for the office, shown as a gap like the sections' placeholders.
    "report.signer_blank": ("[Họ và tên người ký]", "[Signer's full name]"),
    "report.recipients": ("Nơi nhận:", "Recipients:"),
    "report.recipient_blank": ("- …………;", "- …………;"),
    "report.recipient_archive": ("- Lưu: VT.", "- Archive: office."),
    "report.appendix": ("Phụ lục", "Appendix"),
    "report.appendix_title": ("BIỂU CHỈ TIÊU {period}", "TABLE OF TARGETS, {period}"),
    "report.appendix_note": (
        "(Kèm theo Báo cáo số {number} ngày      tháng      năm 20     của UBND {area})",
        "(Attached to Report No. {number} of the People's Committee of {area}, "
        "day      month      year 20    )",
    ),
    "report_col.stt": ("STT", "No."),
    "report_col.indicator": ("Chỉ tiêu", "Indicator"),
    "report_col.unit": ("ĐVT", "Unit"),
    "report_col.target": ("Mục tiêu/Kế hoạch", "Target/Plan"),
    "report_col.actual": ("Thực hiện", "Actual"),
    "report_col.pct": ("% đạt", "% attained"),
    "report_col.status": ("Đánh giá", "Status"),
    "report.mark.estimate": ("ước", "est."),
    "report.mark.reported": ("BC", "rep."),
    "report.mark.unstated": ("chưa rõ năm", "year not given"),
    "report.legend.unstated": (
        "“chưa rõ năm”: nguồn số liệu nêu số này trong phần tổng kết giai đoạn mà không nói là của năm nào.",
        "“year not given”: the source gives this figure in its review of the term without saying which year.",
    ),
    "report.legend.implied": (
        "(*) Chỉ tiêu suy ra từ tỷ lệ % đã công bố (thực hiện ÷ tỷ lệ), "
        "làm tròn theo độ chính xác của tỷ lệ đó.",
        "(*) Target worked back from the published % (actual ÷ %), rounded to that %'s precision.",
    ),
    "report.legend.estimate": ("“ước”: số ước thực hiện.", "“est.”: an estimate."),
    "report.chart.implied_note": (
        "(*): mục tiêu suy ra từ tỷ lệ % đã công bố; % đạt là tỷ lệ đã công bố.",
        "(*): target worked back from the published %; the attainment is the published %.",
    ),
    "report.chart.line_100": ("100% chỉ tiêu", "100% of target"),
    # The source's own idiom for a % it prints without the figures behind it.
    "report.chart.reported_note": ("Sọc chéo: tỷ lệ theo báo cáo.", "Hatched: % as the report gives it."),
    "report.legend.kinds": ("Viết tắt: {kinds}.", "Abbreviations: {kinds}."),
    "report.legend.reported": (
        "(BC): tỷ lệ theo báo cáo.",
        "(rep.): the % as the report gives it.",
    ),
    # A year's table shows the year's figures: targets with none yet are named once, in words.
    "report.legend.left_out": (
        "Chưa có số liệu thực hiện năm {year} của các chỉ tiêu sau, nên chưa đưa vào biểu: {names}.",
        "No {year} figure has been recorded yet for these targets, so they are not in the table: {names}.",
    ),
    "report.legend.reduce": (
        "Chỉ tiêu giảm bình quân mỗi năm: mục tiêu và thực hiện là mức giảm mỗi năm.",
        "Targets to reduce by an amount a year: target and actual are the fall a year.",
    ),
    # The comparison of the child units (indicators/report/compare.py)
    "report.cmp.heading": (
        "SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC NĂM {y}",
        "COMPARISON OF THE UNITS UNDER THE AREA, {y}",
    ),
    "report.cmp.intro": (
        "So sánh {m} {units} ({kinds}) trực thuộc {area} năm {y} về {k} {indicators} có số liệu. Số "
        "chung của toàn {area} chỉ được tổng hợp khi tất cả các đơn vị đã có số liệu; mỗi đơn vị được "
        "đánh giá theo mục tiêu của mình. Chi tiết tại {appendix}.",
        "This section compares the {m} {units} ({kinds}) of {area} in {y} on the {k} {indicators} they "
        "hold figures for. A figure for {area} as a whole is added up only once every unit has reported; "
        "each unit is judged against its own target. Details are in {appendix}.",
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
    # One indicator's sentence (indicators/report/compare_text.py): who reported, then the total only
    # where every unit did; a sum over some units is said as theirs, never as the parent's figure.
    "report.cmp.lead_year": ("{name} năm {y}", "{name} in {y}"),
    "report.cmp.lead_sum": ("{name}, {period}", "{name}, {period}"),
    "report.cmp.whole": (
        "toàn {area} {value} (tổng hợp từ cả {m} {units})",
        "{area} as a whole: {value} (added up from all {m} {units})",
    ),
    "report.cmp.own_missing": (
        "Chưa có số liệu chung của toàn {area} cho các chỉ tiêu trong {period}; số liệu năm {y} của "
        "{n}/{m} {units} trực thuộc đã báo cáo được so sánh tại mục sau và tại {appendix}.",
        "No figures for {area} as a whole have been recorded for {period}; the {y} figures from the units "
        "that have reported, {n} of the {m} {units} under it, are compared in the next section and in "
        "{appendix}.",
    ),
    "report.cmp.so_far": ("số liệu mới có ở {n}/{m} {units}", "so far {n} of the {m} {units} have reported"),
    "report.cmp.so_far_one": (
        "số liệu mới có ở 1/{m} {units}: {unit}",
        "so far 1 of the {m} {units} has reported: {unit}",
    ),
    "report.cmp.common_sum": (
        "{n} {units} đã báo cáo cộng lại {value}, chưa phải số của toàn {area}",
        "the {n} {units} that reported add up to {value}, which is not yet a figure for {area} as a whole",
    ),
    "report.cmp.so_far_sum": (
        "cộng lại {value}, chưa phải số của toàn {area}",
        "together {value}, which is not yet a figure for {area} as a whole",
    ),
    "report.cmp.not_compared": (
        "chưa so được với mục tiêu {target} của toàn {area}",
        "{area} as a whole cannot yet be set against its target of {target}",
    ),
    "report.cmp.unit": ("{name} {value}", "{name} recorded {value}"),
    "report.cmp.judged": ("{attained}, {verdict}", "{attained} ({verdict})"),
    "report.cmp.fell": (
        "bình quân mỗi năm giảm {change} (mục tiêu: giảm {target} mỗi năm)",
        "down {change} a year on average against a target cut of {target} a year",
    ),
    "report.cmp.no_fall": (
        "chưa có số liệu mức giảm bình quân mỗi năm để so với mục tiêu giảm {target} mỗi năm",
        "no average fall a year is recorded to set against the target cut of {target} a year",
    ),
    "report.cmp.count.vuot": ("{n} {units} vượt", "{n} {units} exceeded theirs"),
    "report.cmp.count.dat": ("{n} {units} đạt", "{n} {units} met theirs"),
    "report.cmp.count.khong_dat": ("{n} {units} không đạt", "{n} {units} fell short"),
    "report.cmp.why.rate_without_parts": (
        "chưa tính được tỷ lệ chung của toàn {area} vì chưa có số liệu tử số, mẫu số của các đơn vị",
        "no rate for {area} as a whole can be worked out yet, as the units' numerators and denominators "
        "are not recorded",
    ),
    "report.cmp.why.per_unit_without_base": (
        "chưa tính được số bình quân chung của toàn {area} vì chưa có quy mô (dân số, số hộ) của các đơn vị",
        "no average for {area} as a whole can be worked out yet, as the units' populations or households "
        "are not recorded",
    ),
    "report.cmp.why.change": (
        "mức thay đổi của các đơn vị không cộng lại thành mức thay đổi của toàn {area}",
        "the units' changes do not add up to a change for {area} as a whole",
    ),
    "report.cmp.why.rule_none": (
        "chỉ tiêu này không tổng hợp từ các đơn vị lên toàn {area}",
        "this indicator is not added up from the units to {area} as a whole",
    ),
    "report.cmp.why.no_data": (
        "chưa có số liệu gốc của các đơn vị để tính số chung của toàn {area}",
        "the units' underlying figures needed for {area} as a whole are not recorded yet",
    ),
    "report.cmp.why_cell.rate_without_parts": (
        "chưa tính được tỷ lệ chung (chưa có tử số, mẫu số)",
        "no overall rate yet (numerators and denominators not recorded)",
    ),
    "report.cmp.why_cell.per_unit_without_base": (
        "chưa tính được số bình quân chung (chưa có dân số, số hộ)",
        "no overall average yet (populations or households not recorded)",
    ),
    "report.cmp.why_cell.change": ("mức thay đổi không cộng được", "changes do not add up"),
    "report.cmp.why_cell.rule_none": ("không tổng hợp từ các đơn vị", "not added up from the units"),
    "report.cmp.why_cell.no_data": ("chưa có số liệu gốc để tổng hợp", "no underlying figures to add up yet"),
    "report.cmp.first_last": (
        "xếp đầu là {first} ({v1}), xếp cuối là {last} ({v2})",
        "{first} ranked first ({v1}) and {last} last ({v2})",
    ),
    "report.cmp.tally": (
        "so với mục tiêu của từng đơn vị: {counts}",
        "judged against their own targets, {counts}",
    ),
    "report.cmp.rest": ("{n} {units} chưa có số liệu", "{n} {units} without a figure"),
    "report.cmp.appendix_title": (
        "SO SÁNH CÁC ĐỊA BÀN TRỰC THUỘC {area} NĂM {y}",
        "THE UNITS UNDER {area} COMPARED, {y}",
    ),
    "report.cmp.scope": ("So sánh trong báo cáo", "Compared in the report"),
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
    "report.err.template_limit": (
        "mẫu báo cáo {name} bị dừng: điền mẫu này cần quá {what}, quá mức một báo cáo cần đến; "
        "hãy xem lại các vòng lặp trong mẫu",
        "the report template {name} was stopped: filling it takes more than {what}, far beyond what a "
        "report needs; look at the loops in the template",
    ),
    "report.err.limit_time": ("{s} giây", "{s} seconds"),
    "report.err.limit_memory": ("{mb} MB bộ nhớ", "{mb} MB of memory"),
    "report.err.limit_size": ("{mb} MB cho tệp Word", "{mb} MB for the Word file"),
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
    "kind_short.MT": ("MT", "Goal"),
    "pct_kind.MT": ("mục tiêu", "the goal"),
    "verdict.khong_danh_gia": ("không đánh giá", "not judged"),
    # The outline of the báo cáo (indicators/report_outline.py), after the source report's parts
    "report.part_one": (
        "PHẦN THỨ NHẤT. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, PHONG TRÀO THI ĐUA VÀ CÔNG TÁC KHEN THƯỞNG {period}",
        "PART ONE. THE TARGETS, THE EMULATION CAMPAIGNS AND COMMENDATIONS OF {period}",
    ),
    "report.part_two": (
        "PHẦN THỨ HAI. PHƯƠNG HƯỚNG, NHIỆM VỤ, MỤC TIÊU {period}",
        "PART TWO. DIRECTION, TASKS AND GOALS FOR {period}",
    ),
    "report.h.leadership": ("CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", "LEADERSHIP AND DIRECTION"),
    "report.h.results": ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU TRÊN CÁC LĨNH VỰC", "RESULTS IN EACH FIELD"),
    "report.h.highlights": ("KẾT QUẢ NỔI BẬT", "HIGHLIGHTS"),
    "report.h.models": (
        "CÔNG TÁC XÂY DỰNG, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN",
        "FINDING AND SPREADING GOOD EXAMPLES",
    ),
    "report.h.assessment": ("ĐÁNH GIÁ CHUNG", "OVERALL ASSESSMENT"),
    "report.h.direction_goals": ("PHƯƠNG HƯỚNG, MỤC TIÊU", "DIRECTION AND GOALS"),
    "report.h.goals": ("Mục tiêu", "Goals"),
    "report.h.tasks": ("NHIỆM VỤ TRỌNG TÂM", "KEY TASKS"),
    "report.h.solutions": ("GIẢI PHÁP THỰC HIỆN", "SOLUTIONS"),
    "report.h.campaigns": ("CÁC PHONG TRÀO THI ĐUA TIÊU BIỂU", "THE MAIN EMULATION CAMPAIGNS"),
    "report.h.goals_year": (
        "MỤC TIÊU GIAI ĐOẠN VÀ TIẾN ĐỘ THỰC HIỆN",
        "THE TERM'S GOALS AND PROGRESS TOWARDS THEM",
    ),
    "report.goals_part_term": ("Mục tiêu giai đoạn {goals}", "Goals for {goals}"),
    "report.goals_part_year": (
        "Mục tiêu giai đoạn {goals} và tiến độ thực hiện",
        "Goals for {goals} and progress towards them",
    ),
    "report.awards_heading": ("KẾT QUẢ CÔNG TÁC KHEN THƯỞNG {period}", "COMMENDATIONS, {period}"),
    "report.field.economy": ("Trên lĩnh vực kinh tế", "The economy"),
    "report.field.society": ("Trên lĩnh vực văn hóa – xã hội", "Culture and society"),
    "report.field.defence": ("Trên lĩnh vực quốc phòng – an ninh", "Defence and security"),
    "report.field.politics": ("Công tác xây dựng hệ thống chính trị", "Building the political system"),
    "report.placeholder": ("[Phần này do văn phòng viết: {what}]", "[For the office to write: {what}]"),
    "report.closing": (
        "Trên đây là báo cáo {subject} của Ủy ban nhân dân {area}./.",
        "This concludes the report of the People's Committee of {area} on the {subject}.",
    ),
    "report.number_given": ("Số: {number}", "No.: {number}"),
    "report.version_note": (
        "Số liệu: phiên bản {v} của bộ chỉ tiêu.",
        "Figures: version {v} of the indicator set.",
    ),
    # The results by field (indicators/report_results.py)
    "report.tally_by_kind": (
        "Kết quả so với mục tiêu, tính riêng theo từng loại chỉ tiêu: {clauses}.",
        "Against their targets, each kind of target counted on its own: {clauses}.",
    ),
    "report.tally_clause": ("{kind}: {n} chỉ tiêu ({statuses})", "{kind}: {n} ({statuses})"),
    "report.tally_kind.NQ": ("theo Nghị quyết", "resolution targets"),
    "report.tally_kind.DA": ("theo Đề án", "programme targets"),
    "report.tally_kind.GIAO": ("chỉ tiêu giao", "assigned targets"),
    "report.tally_kind.MT": ("theo mục tiêu giai đoạn", "the term's goals"),
    "report.tally_kind.KH": ("theo kế hoạch năm {y}", "targets of the {y} plan"),
    "report.tally_status.vuot": ("{n} vượt", "{n} exceeded"),
    "report.tally_status.dat": ("{n} đạt", "{n} met"),
    "report.tally_status.khong_dat": ("{n} không đạt", "{n} not met"),
    "report.tally_status.no_data": ("{n} chưa có số liệu để đánh giá", "{n} without a figure to judge yet"),
    "report.share_of": ("chiếm {value}", "made up {value}"),
    "report.share_of_estimate": ("ước chiếm {value}", "made up an estimated {value}"),
    "report.highlights_intro": (
        "Các chỉ tiêu vượt cao nhất so với mục tiêu {period}:",
        "The targets exceeded by the widest margin over {period}:",
    ),
    "report.examples_intro": (
        "Kết quả biểu dương, khen thưởng điển hình tiên tiến {period}:",
        "Good examples commended over {period}:",
    ),
    "report.not_met": ("Chỉ tiêu không đạt: {names}.", "Targets not met: {names}."),
    "report.not_assessed": (
        "Chỉ tiêu chưa có số liệu để đánh giá: {names}.",
        "Targets without a figure to judge yet: {names}.",
    ),
    "report.all_met": (
        "Không có chỉ tiêu nào không đạt; số chỉ tiêu đạt và vượt: {clauses}.",
        "No target was missed; met or exceeded: {clauses}.",
    ),
    "report.all_met_clause": ("{kind} {good}/{n}", "{kind} {good} of {n}"),
    "report.plan_missed": (
        "Năm {y}, {n}/{total} chỉ tiêu không đạt kế hoạch.",
        "In {y}, {n} of the {total} targets of the year's plan were missed.",
    ),
    # A year's plan in a term report: its own sentence, the source's count of the plan and its results.
    "report.tally_plan_stated": (
        "{kind}: {met}/{total} chỉ tiêu đạt và vượt",
        "{kind}: {met} of {total} met or exceeded",
    ),
    "report.tally_plan_held": (
        ", trong đó {n} chỉ tiêu có kết quả cụ thể ({statuses})",
        ", of which {n} with their results given ({statuses})",
    ),
    "report.plan_stated": (
        "Năm {y}, {met}/{total} chỉ tiêu đạt và vượt kế hoạch",
        "In {y}, {met} of the {total} targets of the year's plan were met or exceeded",
    ),
    "report.plan_among": ("; trong đó {items}", ", among them {items}"),
    "report.plan_only": ("Năm {y}, so với kế hoạch năm: {items}", "In {y}, against the year's plan: {items}"),
    "report.plan_item": ("{name} {words}", "{name} at {words}"),
    # The commendations (indicators/report_awards.py)
    "report.award.form_tap_the": ("tập thể", "collectives"),
    "report.award.form_ca_nhan": ("cá nhân", "individuals"),
    "report.award.title_tap_the": ("lượt tập thể", "collective awards"),
    "report.award.title_ca_nhan": ("lượt cá nhân", "individual awards"),
    "report.highlight": ("- {name} {words};", "- {name}: {words};"),
    "report.award.and": (", ", " and "),
    "report.award.forms": ("Hình thức khen thưởng", "Forms of award"),
    "report.award.titles": ("Danh hiệu thi đua", "Emulation titles"),
    # The comparison's units and totals in the office's words (indicators/report/compare.py)
    "report.cmp.level.district": ("đơn vị hành chính cấp huyện", "district-level units"),
    "report.cmp.level.commune": ("đơn vị hành chính cấp xã", "commune-level units"),
    "report.cmp.level.province": ("tỉnh, thành phố", "provinces and cities"),
    "report.cmp.kind.thanh_pho": ("thành phố", "cities"),
    "report.cmp.kind.thi_xa": ("thị xã", "towns"),
    "report.cmp.kind.thi_tran": ("thị trấn", "townships"),
    "report.cmp.kind.huyen": ("huyện", "districts"),
    "report.cmp.kind.quan": ("quận", "urban districts"),
    "report.cmp.kind.phuong": ("phường", "wards"),
    "report.cmp.kind.xa": ("xã", "communes"),
    "report.cmp.kind.tinh": ("tỉnh", "provinces"),
    "report.cmp.kind.other": ("đơn vị khác", "other units"),
    "report.cmp.kind.unit": ("đơn vị", "units"),
    "report.cmp.the_appendix": ("Phụ lục", "the Appendix"),
    "report.cmp.aggregated": ("tổng hợp từ cả {m} {units}", "added up from all {m} {units}"),
    "report.cmp.partial_total": (
        "chưa phải số của toàn {area}; không đánh giá",
        "not a figure for {area} as a whole; not judged",
    ),
    "report.cmp.partial_row": (
        "Cộng {n}/{m} {units} đã có số liệu",
        "Sum of the {n} of {m} {units} that reported",
    ),
    "report.cmp.fell_cell": ("giảm mỗi năm {change}", "down {change} a year"),
    "report.cmp.awards_in_units": (
        "Chưa có số liệu khen thưởng tổng hợp của toàn {area}; số liệu khen thưởng của các {units} "
        "đã báo cáo được nêu tại phần so sánh các địa bàn và {appendix}.",
        "No commendation total for the whole of {area} has been recorded yet; the figures of the {units} "
        "that reported are in the comparison of the units and {appendix}.",
    ),
    "report.goal_result": ("kết quả: {status}", "result: {status}"),
}
