"""Words in Vietnamese and English: every label the product shows comes from here."""

from __future__ import annotations

from indicators.fmt import Lang

# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    # attainment status
    "status.vuot": ("vượt", "exceeded"),
    "status.dat": ("đạt", "met"),
    "status.khong_dat": ("không đạt", "not met"),
    "status.no_data": ("chưa có số liệu", "no data"),
    # progress status
    "progress.achieved": ("đã đạt mục tiêu", "goal achieved"),
    "progress.on_track": ("đúng tiến độ", "on track"),
    "progress.moderate": ("cần tăng tốc", "acceleration needed"),
    "progress.limited": ("tiến bộ hạn chế", "limited progress"),
    "progress.moving_away": ("đi ngược mục tiêu", "moving away"),
    "progress.no_data": ("chưa đủ số liệu", "not enough data"),
    "reason.no_baseline": ("báo cáo không nêu số liệu năm gốc", "the report gives no baseline"),
    "reason.no_later_data": ("chưa có số liệu sau năm gốc", "no figure after the baseline yet"),
    "reason.term_total": (
        "chỉ tiêu cộng dồn cả giai đoạn: đánh giá khi có số liệu cuối giai đoạn",
        "a total over the term: judged when the term's figure is in",
    ),
    # target kinds
    "kind.NQ": ("Nghị quyết", "Resolution"),
    "kind.KH": ("Kế hoạch", "Plan"),
    "kind.DA": ("Đề án", "Programme"),
    "kind.GIAO": ("Chỉ tiêu giao", "Assigned quota"),
    # comparators
    "cmp.at_least": ("đạt ít nhất", "at least"),
    "cmp.at_most": ("không vượt quá", "at most"),
    "cmp.reduce_by": ("giảm mỗi năm", "reduce a year by"),
    # domains
    "domain.economy": ("Kinh tế", "Economy"),
    "domain.education": ("Giáo dục", "Education"),
    "domain.health": ("Y tế", "Health"),
    "domain.culture": ("Văn hóa", "Culture"),
    "domain.poverty_jobs": ("Giảm nghèo – việc làm", "Poverty and jobs"),
    "domain.defence_security": ("Quốc phòng – an ninh", "Defence and security"),
    "domain.political_system": ("Hệ thống chính trị", "Political system"),
    "domain.new_rural": ("Nông thôn mới", "New rural development"),
    "domain.tea": ("Cây chè", "Tea"),
    "domain.tourism": ("Du lịch", "Tourism"),
    "domain.population": ("Dân số", "Population"),
    "domain.commendations": ("Thi đua – khen thưởng", "Emulation and commendations"),
    # --- dashboard pages (issue 3) ---
    # --- Excel round trip, upload and history pages (issue 4) ---
    # --- accounts and sign-in (issue 5) ---
}


def t(key: str, lang: Lang = "vi") -> str:
    """The word for `key` in `lang`; an unknown key shows itself so a gap is visible, not hidden."""
    pair = WORDS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "vi" else pair[1]
