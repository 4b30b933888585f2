"""Words of the comparison báo cáo's appendix and notes: units without figures said once, true reasons."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("cmpdoc",)
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    # Said once before the appendix's table, where the same units reported every indicator.
    "cmpdoc.shown_only": (
        "Số liệu năm {y} mới có ở {n}/{m} {units}: {names}. Biểu dưới đây chỉ nêu {shown}; "
        "{k} {units_rest} còn lại chưa có số liệu của chỉ tiêu nào: {rest}.",
        "Figures for {y} have so far come from {n} of the {m} {units}: {names}. The table below shows "
        "{shown} only; the other {k} {units_rest} have no figure for any indicator yet: {rest}.",
    ),
    "cmpdoc.shown_one": ("đơn vị này", "that unit"),
    "cmpdoc.shown_many": ("các đơn vị này", "those units"),
    # The comparison's sentences under the term report's field headings, the commendations last.
    "cmpdoc.field.awards": ("Công tác khen thưởng", "Commendations"),
    "cmpdoc.field.other": ("Các chỉ tiêu khác", "Other indicators"),
    # Where one unit alone reported: its results against its own targets, drawn.
    "cmpdoc.chart_unit": (
        "Mức đạt so với chỉ tiêu của {unit}",
        "Results of {unit} against its targets",
    ),
    # A unit's own target missing from the store: missing data, never a fact about the unit.
    "cmpdoc.no_target": ("chưa có số liệu chỉ tiêu", "no target recorded"),
    # Why the parent has no figure where not every unit reported: the true reason comes first.
    "cmpdoc.why_missing": (
        "chưa có số chung của toàn {area} vì mới {n}/{m} {units} có số liệu",
        "no figure for {area} as a whole yet, as only {n} of the {m} {units} have reported",
    ),
    "cmpdoc.why_missing_cell": (
        "chưa có số chung ({n}/{m} đơn vị có số liệu)",
        "no overall figure yet ({n} of {m} units reported)",
    ),
    "cmpdoc.common": (
        "Số liệu năm {y} mới có ở {n}/{m} {units}: {names}; các đơn vị còn lại chưa có số liệu, nên chưa "
        "có số chung của toàn {area} cho chỉ tiêu nào.",
        "Figures for {y} have so far come from {n} of the {m} {units}: {names}; the others have not "
        "reported yet, so there is no figure for {area} as a whole on any indicator yet.",
    ),
    # The appendix's legend names the parent's line by its name: headings are bold too.
    "cmpdoc.legend_whole": (
        "Dòng “{name}”: số của toàn {area}, chỉ tổng hợp khi tất cả các {units} trực thuộc đã có số liệu.",
        "Line “{name}”: the figure for {area} as a whole, added up only once all its {units} have reported.",
    ),
    "cmpdoc.legend_partial": (
        "Dòng “Cộng … đã có số liệu”: tổng của các đơn vị đã có số liệu, chưa phải số của toàn {area} và "
        "không được đánh giá; khi chỉ một đơn vị có số liệu thì không có dòng cộng.",
        "Line “Sum of the … that reported”: those units added up alone, not a figure for {area} as a "
        "whole and not judged; where only one unit reported there is no such line.",
    ),
    "cmpdoc.legend_no_parent": (
        "Biểu chưa có dòng số của toàn {area}: số đó chỉ tổng hợp khi tất cả các {units} trực thuộc đã "
        "có số liệu.",
        "The table has no line for {area} as a whole yet: that figure is added up only once all its "
        "{units} have reported.",
    ),
}
