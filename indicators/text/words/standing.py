"""Words of the first screen's answer: where the term's goals stand, each goal once, the ones behind first."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("standing",)
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "standing.heading": ("Mục tiêu giai đoạn {first}–{last}", "Goals of the {first}–{last} term"),
    "standing.count": ("**{n} mục tiêu** —", "**{n} goals** —"),
    "standing.count_one": ("**1 mục tiêu** —", "**1 goal** —"),
    "standing.behind": ("Chưa đạt hoặc chậm tiến độ", "Behind or not met"),
    "standing.none_behind": (
        "Không có mục tiêu nào chậm tiến độ hoặc không đạt.",
        "No goal is behind or not met.",
    ),
    "standing.others": ("Các mục tiêu còn lại ({n})", "The other goals ({n})"),
    "standing.all": ("Từng mục tiêu ({n})", "Each goal ({n})"),
    "standing.line": ("{figure}; mục tiêu {goal}", "{figure}; goal {goal}"),
    "standing.no_figure": ("chưa có số liệu", "no figure yet"),
}
