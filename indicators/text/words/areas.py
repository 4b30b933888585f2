"""Words for areas: official units, adding up to a parent, and comparing areas."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("agg", "agg_reason", "agg_units", "compare", "part")
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "compare.unknown_code": ("Không có chỉ tiêu “{code}”.", "There is no indicator “{code}”."),
    "compare.no_figures": (
        "Chưa địa bàn nào có số liệu chỉ tiêu {code} năm {year}: hãy chọn địa bàn cấp trên.",
        "No area holds a figure of {code} for {year}: choose the parent area.",
    ),
    "compare.unknown_area": ("Không có địa bàn “{area}”.", "There is no area “{area}”."),
    "compare.no_children": (
        "Địa bàn {area} không có đơn vị trực thuộc vào cuối năm {year}.",
        "Area {area} has no units under it at the end of {year}.",
    ),
    "compare.since": ("từ {d}", "from {d}"),
    "compare.until": ("đến {d}", "until {d}"),
    "compare.country": ("Toàn quốc", "Whole country"),
    "compare.intro": (
        "Mỗi địa bàn trực thuộc một thanh, xếp từ tốt nhất; đường dọc là số của địa bàn cấp trên và "
        "mục tiêu của nó. Trạng thái ghi bằng ký hiệu và chữ.",
        "One bar per area under the parent, best first; the vertical lines are the parent's figure and "
        "its target. Status is shown by mark and word.",
    ),
    "compare.indicator": ("Chỉ tiêu", "Indicator"),
    "compare.year": ("Năm", "Year"),
    "compare.parent": ("Địa bàn cấp trên", "Parent area"),
    "compare.parent_help": (
        "Gõ vài chữ của tên hoặc mã để tìm; danh sách xếp theo tỉnh.",
        "Type part of a name or code to search; the list is grouped by province.",
    ),
    "compare.parent_value": ("{name}: {value}", "{name}: {value}"),
    "compare.partial_line": ("{name}: {note}", "{name}: {note}"),
    "compare.parent_target": ("Mục tiêu {name}: {value}", "{name} target: {value}"),
    "compare.chart_title": ("{indicator}, {year}", "{indicator}, {year}"),
    "compare.missing_note": (
        "{n} địa bàn chưa có số liệu, không vẽ.",
        "{n} areas have no figure and are not drawn.",
    ),
    "compare.table": (
        "Bảng so sánh và khoảng cách tới mục tiêu của từng địa bàn",
        "Comparison table and each area's gap to its own target",
    ),
    "compare.no_values": (
        "Không địa bàn trực thuộc nào có số liệu năm {year}.",
        "No area under the parent has a figure for {year}.",
    ),
    "compare.origin": ("Nguồn gốc địa bàn", "Where an area came from"),
    "compare.origin_pick": ("Địa bàn", "Area"),
    "compare.origin_none": (
        "{name} không được hình thành từ đơn vị nào trong danh mục (không có trong bảng nguồn gốc).",
        "{name} was not formed from any unit in the list (no formed-from rows).",
    ),
    "compare.origin_intro": ("{name} được hình thành ngày {date} từ:", "{name} was formed on {date} from:"),
    "compare.former_series": (
        "Số liệu dưới đây là của {former} (đơn vị cũ, đến {until}), không phải của {name}.",
        "The figures below are those of {former} (a former unit, until {until}), not of {name}.",
    ),
    "part.whole": ("toàn bộ", "whole"),
    "part.part": ("một phần", "part"),
    # Beside a unit that no longer exists, in the list an area is chosen from.
    "part.former": ("(cũ)", "(former)"),
    "agg.not_additive": ("không cộng được: {reason}", "not added up: {reason}"),
    "agg.no_data": ("chưa có {units} nào báo cáo", "no {units} reported"),
    "agg_units.commune": ("xã", "communes"),
    "agg_units.district": ("huyện", "districts"),
    "agg_units.province": ("tỉnh", "provinces"),
    "agg_reason.rate_without_parts": (
        "tỷ lệ chỉ tổng hợp được từ tử số và mẫu số, mà chỉ tiêu này chưa khai báo",
        "a rate adds up only through its numerator and denominator, which this indicator does not declare",
    ),
    "agg_reason.per_unit_without_base": (
        "số bình quân (trên người, trên hộ, trên xã) chỉ tổng hợp được theo dân số hay số đơn vị, "
        "chưa khai báo",
        "a per-head (per household, per commune) value adds up only with its base, which is not declared",
    ),
    "agg_reason.change": ("mức thay đổi không cộng được", "a change does not add up"),
    "agg_reason.rule_none": ("chỉ tiêu được khai báo là không cộng", "declared as not added up"),
}
