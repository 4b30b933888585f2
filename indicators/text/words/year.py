"""Words of the year page: the year-end review of one area, and the terms it belongs to."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("stale", "year")
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "year.pick": ("Năm", "Year"),
    "year.heading": ("Năm {y}", "Year {y}"),
    "year.intro": (
        "Mỗi chỉ tiêu của {area} năm {y}: số thực hiện chính thức nếu đã có, nếu chưa thì số ước thực "
        "hiện (ghi «ước»); kế hoạch năm và mức đạt; so với năm {p}; vị trí trên lộ trình tới mục tiêu "
        "giai đoạn {term}.",
        "Each indicator of {area} in {y}: the official figure where there is one, else the estimate "
        "(marked «est.»); the year's plan and how far it was met; the change from {p}; where it stands on "
        "the path to the {term} goals.",
    ),
    "year.plans": ("Kết quả so với kế hoạch năm {y}", "Results against the {y} plan"),
    "year.no_plans": (
        "Chưa có kế hoạch năm {y} nào cho địa bàn này, nên chưa đánh giá được mức đạt kế hoạch.",
        "No plan for {y} has been entered for this area, so nothing is judged against a plan yet.",
    ),
    "year.no_term": (
        "Năm {y} không thuộc giai đoạn nào: không có lộ trình tới mục tiêu.",
        "{y} belongs to no term: there is no path to a goal.",
    ),
    "year.no_goals": (
        "Giai đoạn {term} chưa có mục tiêu nào cho địa bàn này, nên bảng chưa có cột lộ trình tới mục tiêu.",
        "The {term} term has no goals for this area yet, so the table has no path to a goal.",
    ),
    "year.term_end": (
        "Năm {y} là năm cuối giai đoạn {term}: kết quả giai đoạn là số liệu năm này so với mục tiêu "
        "giai đoạn, số chính thức nếu đã có, nếu chưa thì số ước (ghi «ước»).",
        "{y} is the last year of the {term} term: the term's result is this year's figure against the "
        "term's goal, official where there is one, else the estimate (marked «est.»).",
    ),
    "year.estimates": (
        "{n} số liệu năm {y} là số ước thực hiện, chưa có số chính thức.",
        "{n} of the {y} figures are estimates; the official figures are not in yet.",
    ),
    "year.empty": (
        "Chưa có địa bàn nào có số liệu hay kế hoạch năm.",
        "No area has a figure or a year's plan yet.",
    ),
    "year.no_years": (
        "Địa bàn này chưa có số liệu hay kế hoạch năm nào.",
        "This area has no figure or year's plan yet.",
    ),
    "year.nothing": (
        "Năm {y} chưa có số liệu, kế hoạch hay mục tiêu nào cho địa bàn này.",
        "There is no figure, plan or goal for this area in {y}.",
    ),
    "year.table": ("Bảng chỉ tiêu năm {y}", "Indicators in {y}"),
    "year.bare": (
        "{n} chỉ tiêu chỉ có số liệu năm {y}, chưa có kế hoạch, năm trước hay mục tiêu để so sánh",
        "{n} indicators with a figure for {y} only, no plan, year before or goal to compare with",
    ),
    "year.required": ("cần đạt {required} năm {y}, đang {value}", "should be {required} by {y}, is {value}"),
    "year.required_only": ("cần đạt {required} năm {y}", "should be {required} by {y}"),
    "year.goal": ("mục tiêu {goal_year}: {goal}", "{goal_year} goal: {goal}"),
    "year.official_over": ("chính thức; ước trước đó {value}", "official; earlier estimate {value}"),
    "year.term_total": ("cộng dồn giai đoạn {term}", "{term} term total"),
    "year.same_period": ("bằng {pct} so với cùng kỳ", "{pct} of the year before"),
    "year.plan_cut": ("giảm {value}", "down {value}"),
    "year.reported_pct": ("{pct} (theo báo cáo nêu)", "{pct} (as the report states)"),
    # A workbook made from an older data version (indicators/excel/stale.py).
    "stale.guide": (
        "Tệp này được lập từ dữ liệu phiên bản {v}. Nếu sau đó có người thêm hoặc sửa số liệu cho cùng "
        "chỉ tiêu và địa bàn, trang cập nhật sẽ nêu tên từng số liệu trước khi ghi.",
        "This file was made from data version {v}. If someone adds or changes figures for the same "
        "indicators and areas after that, the update page names each of them before anything is saved.",
    ),
    "stale.warning": (
        "Tệp này được lập từ dữ liệu phiên bản {then}; dữ liệu nay đã là phiên bản {now}. Nếu ghi, "
        "{n} số liệu được thêm hoặc sửa sau phiên bản {then} sẽ bị gỡ hoặc đổi lại: {which}. Hãy tải lại "
        "tệp mới rồi điền, hoặc xác nhận từng số liệu nếu đúng là muốn ghi đè.",
        "This file was made from data version {then}; the data is now at version {now}. Saving it would "
        "remove or undo {n} figures added or changed after version {then}: {which}. Download the file "
        "again and fill it in, or confirm each figure if it really should be overwritten.",
    ),
    "stale.more": (
        "… và {n} số liệu khác (xem bảng thay đổi bên dưới)",
        "… and {n} more (see the changes below)",
    ),
}
