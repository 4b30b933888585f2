"""Words for a parent area's figures added up from its units, and for charts drawn on request."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("rollup", "on_demand")
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "rollup.partial": (
        "{n}/{m} {units} đã báo cáo (tổng chưa đủ)",
        "{n} of {m} {units} reported (a partial total)",
    ),
    "rollup.why_partial": (
        "tổng chưa đủ: {n}/{m} {units} đã báo cáo năm {y}",
        "a partial total: {n} of {m} {units} reported for {y}",
    ),
    "rollup.no_goals": (
        "Chưa có số liệu mục tiêu giai đoạn của {area} trong dữ liệu. Chọn một đơn vị trực thuộc ở ô "
        "trên để xem tiến độ các mục tiêu của đơn vị đó.",
        "No term goals of {area} are in the data yet. Choose a unit under it above to see the progress "
        "of its goals.",
    ),
    "rollup.complete": ("tổng của cả {m} {units}", "the total of all {m} {units}"),
    "rollup.units": ("đơn vị", "units"),
    "rollup.opened_own": (
        "Chưa chọn địa bàn: trang mở trên {area}, có số liệu của chính mình.",
        "No area chosen yet: the page shows {area}, which has figures of its own.",
    ),
    "rollup.opened_first": (
        "Chưa chọn địa bàn: trang mở trên {area}, địa bàn đầu tiên có số liệu.",
        "No area chosen yet: the page shows {area}, the first area with figures.",
    ),
    "rollup.opened_account": (
        "Chưa chọn địa bàn: trang mở trên {area}, địa bàn của tài khoản đang đăng nhập.",
        "No area chosen yet: the page shows {area}, the area of the account signed in.",
    ),
    "rollup.opened_account_unit": (
        "Chưa chọn địa bàn: {own}, địa bàn của tài khoản đang đăng nhập, chưa có số liệu của chính mình; "
        "trang mở trên {area}, địa bàn đầu tiên có số liệu thuộc {own}.",
        "No area chosen yet: {own}, the area of the account signed in, has no figures of its own yet; "
        "the page shows {area}, the first area with figures within it.",
    ),
    "rollup.account_lacks": (
        "{own}, địa bàn của tài khoản đang đăng nhập, chưa có số liệu ở trang này.",
        "{own}, the area of the account signed in, has no figures on this page yet.",
    ),
    "rollup.opened_no_figures": (
        "Chưa chọn địa bàn: chưa địa bàn nào có số liệu, trang mở trên {area}, địa bàn đầu tiên.",
        "No area chosen yet: no area has figures yet; the page shows {area}, the first area.",
    ),
    "rollup.province_hint": (
        "Chọn {province} ở ô trên để xem tổng hợp từ số liệu các đơn vị trực thuộc.",
        "Choose {province} above for the totals of its units' figures.",
    ),
    "rollup.unjudged": (
        "{n} không đánh giá: tổng chưa đủ, chưa phải mọi đơn vị trực thuộc đã báo cáo.",
        "{n} not judged: the total is partial, not every unit under it has reported.",
    ),
    "rollup.series": (
        "Số của địa bàn này là tổng số liệu các đơn vị trực thuộc, theo quy tắc cộng của chỉ tiêu. {years}.",
        "This area's figures are its units' totals, by the indicator's rule of adding up. {years}.",
    ),
    "on_demand.trend": ("Vẽ diễn biến qua các năm", "Draw the figures year by year"),
    "on_demand.trend_help": (
        "Biểu đồ một chỉ tiêu qua mọi năm có số liệu, không chỉ giai đoạn đang chọn.",
        "A chart of one indicator over every year with a figure, not only the chosen term.",
    ),
    "on_demand.trend_none": (
        "Chưa chỉ tiêu nào của trang này có số liệu từ hai năm trở lên ở địa bàn này.",
        "No indicator of this page has figures for two years or more in this area.",
    ),
}
