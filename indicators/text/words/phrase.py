"""Words for a figure in words (indicators/text/phrase.py): periods, marks, goals, changes and unit codes."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("phrase", "unit_code")
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    # A figure summed over a term: said wherever the figure appears, never as one year's.
    "phrase.period_sum": ("tổng giai đoạn {first}–{last}", "in total over {first}–{last}"),
    "phrase.period_sum_lead": (
        "tổng giai đoạn {first}–{last}: {figure}",
        "{figure} in total over {first}–{last}",
    ),
    # A figure the source gives without its year: filed under the term's last year, said as the term's.
    "phrase.period_unstated": (
        "giai đoạn {first}–{last}, nguồn số liệu không nêu rõ năm",
        "{first}–{last}; the source does not give the year",
    ),
    "phrase.estimate": ("ước", "est."),
    # In a sentence of a signed document the estimate is a word, never an abbreviation.
    "phrase.estimate_word": ("ước", "an estimated"),
    "phrase.qualifier.khoang": ("khoảng", "about"),
    "phrase.qualifier.tren": ("trên", "over"),
    "phrase.qualifier.duoi": ("dưới", "under"),
    "phrase.implied_star": ("(*)", "(*)"),
    "phrase.yes": ("đạt", "met"),
    "phrase.no": ("chưa đạt", "not yet met"),
    # A goal as a clause: what the goal asks ("đạt 45 triệu đồng"), yearly goals say so.
    # A result against its target: a level "đạt 118,08% Nghị quyết"; a cut is the cut it is.
    "phrase.attained": ("đạt {pct} {kind}", "{pct} of {kind}"),
    "phrase.attained_cut": ("bằng {pct} mức giảm {setter} đề ra", "{pct} of the fall {setter} set"),
    "phrase.setter.NQ": ("Nghị quyết", "the Resolution"),
    "phrase.setter.KH": ("kế hoạch", "the plan"),
    "phrase.setter.DA": ("Đề án", "the programme"),
    "phrase.setter.GIAO": ("chỉ tiêu giao", "the assigned target"),
    "phrase.setter.MT": ("mục tiêu", "the goal"),
    # "đạt 55 tỷ" is a figure to reach, not a floor the source words as one ("trên", "tối thiểu"):
    # English says what Vietnamese says, never "at least" of its own.
    "phrase.goal.at_least": ("đạt {value}", "to reach {value}"),
    "phrase.goal.at_most": ("không vượt quá {value}", "at most {value}"),
    # A floor or ceiling the source qualifies: its word says the direction ("đạt trên 45 triệu đồng").
    "phrase.goal.qualified.at_least": ("đạt {value}", "{value}"),
    "phrase.goal.qualified.at_most": ("{value}", "{value}"),
    "phrase.goal.reduce_by": ("bình quân mỗi năm giảm {value}", "a fall of {value} a year"),
    # A cut the source sets for every year ("hàng năm … /năm"), not as an average over the term.
    "phrase.goal.reduce_each_year": ("mỗi năm giảm {value}", "a fall of {value} every year"),
    # The source states the share itself ("30% xếp loại khá"): the rest of a whole, not a floor.
    "phrase.goal.remainder": ("là {value}", "{value}"),
    # A goal still ahead: never "by 2025, met", which reads as done.
    "phrase.goal.yes": ("đạt", "to be achieved"),
    "phrase.goal.yearly": ("hàng năm {what}", "{what} every year"),
    "phrase.cell.reduce_by": ("giảm mỗi năm {value}", "cut each year by {value}"),
    "phrase.cell.remainder": ("{value} (phần còn lại)", "{value} (the remainder)"),
    "phrase.cell.yearly": ("hàng năm {value}", "{value} every year"),
    # Units the engines name by code; the indicator's own unit comes from the data in each language.
    "unit_code.pp": ("điểm %", "percentage points"),
    "unit_code.pp_per_year": ("điểm %/năm", "percentage points/year"),
    "unit_code.pm_points": ("điểm ‰", "per-mille points"),
    "unit_code.pm_points_per_year": ("điểm ‰/năm", "per-mille points/year"),
    "unit_code.pct_per_year": ("%/năm", "%/year"),
    "unit_code.per_year": ("{unit}/năm", "{unit}/year"),
    # The one rule for "đạt", shown wherever statuses are: the same in both directions.
    "phrase.met_rule": (
        "Đạt: kết quả bằng mục tiêu khi tỷ lệ % làm tròn đến hai chữ số thập phân bằng 100%, "
        "áp dụng như nhau cho chỉ tiêu tối thiểu và chỉ tiêu tối đa.",
        "Met: the result equals the target once its % is rounded to two decimals (100%), "
        "the same for floors and ceilings.",
    ),
}
