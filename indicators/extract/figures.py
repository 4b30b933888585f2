"""The figures of one sentence: value, unit, qualifier, kind, period, what it is against, printed %."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

# A number as this language writes it: "2.503,3", "16.742", "01", "2,46"; an English "2,503.3" too.
_NUMBER = r"\d+(?:[.,]\d+)*"
_TOKEN = re.compile(rf"(?<![\w./,])({_NUMBER})(?:\s*/\s*({_NUMBER}))?(?:\s*[-–]\s*({_NUMBER}))?")
_PCT = re.compile(r"\s*(%|‰)(\s*/\s*năm)?")
# Words after a number that make it no figure: a span of time or an age ("5 năm", "dưới 6 tuổi").
_NOT_UNITS = ("năm", "tháng", "tuổi", "quý", "giờ", "phút", "ngày ")
# Words just before a number that make it a document's number, not a figure ("Chỉ thị 34", "lần thứ").
_DOC_BEFORE = re.compile(
    r"(?:chỉ thị|nghị quyết|quyết định|kế hoạch|công văn|thông tư|nghị định|luật|lần thứ|khóa|khoá|ngày)"
    r"(?:\s+số)?\s*$",
    re.IGNORECASE,
)
_QUALIFIERS = {"trên": "tren", "dưới": "duoi", "khoảng": "khoang", "gần": "khoang", "hơn": "tren"}
_QUALIFIER_BEFORE = re.compile(r"(trên|dưới|khoảng|gần|hơn)\s*$", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"(tăng|giảm|thêm)(?:\s+thêm)?(?:\s+(?:bình quân|trung bình))?(?:\s+(?:được|đạt))?\s*$", re.IGNORECASE
)
_PER_YEAR = re.compile(r"bình quân|mỗi năm|hàng năm|hằng năm|/\s*năm", re.IGNORECASE)
_ESTIMATE = re.compile(r"\bước\b|ước tính|dự kiến|ƯTH", re.IGNORECASE)
_TARGET = re.compile(r"phấn đấu|mục tiêu|đến năm (\d{4})", re.IGNORECASE)
_LEVEL_AFTER_CHANGE = re.compile(r"(?:giảm|tăng)\s+(?:xuống\s+)?còn\s*$|còn\s*$|lên\s*$", re.IGNORECASE)
# What a printed % is of: the resolution, a plan, a budget estimate, last year's same period, a programme.
_BASES: tuple[tuple[str, str], ...] = (
    (r"nghị quyết|nq\b", "NQ"),
    (r"kế hoạch|kh\b", "KH"),
    (r"dự toán", "DT"),
    (r"(?:so với )?cùng kỳ", "CK"),
    (r"chỉ tiêu đề án|đề án", "DA"),
    (r"chỉ tiêu(?: giao)?", "GIAO"),
)
_PRINTED = re.compile(
    r"^\s*[,(]?\s*(đạt|vượt|bằng)\s+("
    + _NUMBER
    + r")\s*%\s*(?:so với\s+)?("
    + "|".join(p for p, _ in _BASES)
    + r")?",
    re.IGNORECASE,
)
_BASIS_WORDS = tuple((re.compile(p, re.IGNORECASE), code) for p, code in _BASES)
# Compiled once: a 100-page report asks each of these a few thousand times.
# The rules anchored at a figure's left end are tried on its last words only: a phrase they look for is
# at most a few words long, and a search from every position of a long clause costs its length.
_NEAR = 64
_SLASH = re.compile(r"\s*/\s*")
_WORD = re.compile(r"\s*([^\W\d_]+)")
_DATE_OR_CODE = re.compile(r"\s*/\s*(?:\d|[^\W\d_])|-[^\W\d_]")
_WORD_OR_PCT = re.compile(r"\s*[^\W\d_%‰]|\s*(?:%|‰)")
_LIST_NUMBER = re.compile(r"\s*[.)]\s")
_RECIPIENT = re.compile(r"\s*(tập thể|cá nhân)")
_OPEN_CHANGE = re.compile(r"\((?:tăng|giảm)\b[^)]*$", re.IGNORECASE)
_CHANGE_IN_BRACKETS = re.compile(r"(tăng|giảm)\b(?=[^)]*$)", re.IGNORECASE)
_PER_YEAR_AFTER = re.compile(r"\s*/\s*năm")
_VERB_BEFORE = re.compile(r"(đạt|vượt|bằng)\s+$", re.IGNORECASE)
_NOT_MET_AFTER = re.compile(r"\s*\w*\s*(?:không|chưa) đạt")
_BASIS_AFTER = re.compile(r"\s*%\s*(?:so với\s+)?(" + "|".join(p for p, _ in _BASES) + r")", re.IGNORECASE)
_VERSUS_YEAR = re.compile(r"^[^;]{0,60}?so với(?: cùng kỳ)?(?: năm)?\s+(\d{4})", re.IGNORECASE)
_VERSUS_CK = re.compile(r"^[^;]{0,40}?so với cùng kỳ", re.IGNORECASE)
_BASE_PHRASE = re.compile(r"so với(?: cùng kỳ)?(?: năm)?\s+\d{4}|từ năm \d{4}", re.IGNORECASE)
_YEAR = re.compile(r"(?:năm|hết năm|cuối năm|đến năm)\s+(\d{4})", re.IGNORECASE)
_TERM = re.compile(r"(?:giai đoạn|nhiệm kỳ|thời kỳ)?\s*\(?(\d{4})\s*[-–]\s*(\d{4})\)?", re.IGNORECASE)
_HALF = re.compile(r"6 tháng (đầu|cuối) năm(?:\s+(\d{4}))?", re.IGNORECASE)
_QUANTIFIED = re.compile(
    r"(?:nhiều|một số|một vài|có những)\s+\w+(?:\s+\w+)?\s+đạt\s*(?:trên|dưới|khoảng)?\s*$"
)


@dataclass(frozen=True)
class Figure:
    """One figure as the sentence gives it; codes, never words. Nothing is filled in that it does not say."""

    sentence: str
    start: int  # where the figure's number starts in the sentence (for highlighting)
    end: int  # where its unit (and a printed % about it) ends
    value: float | None
    unit: str
    qualifier: str = ""  # "" | khoang | tren | duoi
    kind: str = ""  # an ObsKind code, "target", or "" where nothing says
    period: str = ""  # "2020", "2024-H1", "2016-2020"; "" where nothing says
    year: int | None = None
    base_year: int | None = None  # only where the sentence names it ("so với năm 2015")
    versus: str = ""  # NQ | KH | DT | CK | DA | GIAO | a year
    printed_pct: float | None = None
    pct_word: str = ""  # đạt | vượt | bằng: how the printed % reads
    total: float | None = None  # 16 in "14/16"; 300 in "661,3/300 ha"
    high: float | None = None  # 1,5 in "1-1,5%": a range's upper end
    recipient: str = ""  # tap_the | ca_nhan where the figure counts one of them
    ambiguous: bool = False  # a number whose notation could be read two ways
    indicator: str = ""
    confidence: float = 0.0
    unit_end: int = 0  # where the number and its unit end, before any printed % about it

    @property
    def number_text(self) -> str:
        """The figure as printed, for highlighting it in its sentence."""
        return self.sentence[self.start : self.end]


def parse_number(text: str) -> tuple[float, bool] | None:
    """A number in Vietnamese notation and whether it is ambiguous: "2.503,3" → 2503.3; "2,503.3" too."""
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            cleaned, odd = text.replace(".", "").replace(",", "."), False
        else:  # the English way: flagged, since this language writes it the other way round
            cleaned, odd = text.replace(",", ""), True
    elif "." in text:
        groups = text.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            cleaned, odd = text.replace(".", ""), False
        else:  # "2.5": a decimal point in a language that writes a comma
            cleaned, odd = text, True
    else:
        cleaned, odd = text.replace(",", "."), text.count(",") > 1
    try:
        return float(cleaned), odd
    except ValueError:
        return None


def _plain(text: str | None) -> float | None:
    """A second number of a figure ("16" of "14/16", "1,5" of "1-1,5"), or None."""
    parsed = parse_number(text) if text else None
    return parsed[0] if parsed else None


def _is_year(text: str) -> bool:
    return text.isdigit() and len(text) == 4 and 1950 <= int(text) <= 2100


class Units:
    """The units a figure may carry: the catalogue's own and the report idiom's, longest first."""

    EXTRA = (
        "tỷ đồng",
        "triệu đồng",
        "nghìn đồng",
        "đồng",
        "lượt khách",
        "lượt",
        "lần",
        "ha",
        "m²",
        "m2",
        "km",
        "tấn",
        "hộ",
        "người",
        "lao động",
        "học sinh",
        "trường",
        "xã",
        "tập thể",
        "cá nhân",
        "chỉ tiêu",
        "tiêu chí",
        "điểm",
        "sản phẩm",
        "công trình",
        "dự án",
        "doanh nghiệp",
        "hợp tác xã",
        "bản",
        "thôn",
        "con",
    )
    SUFFIXES = re.compile(
        r"(?:\s*/\s*(?:vạn dân|người|hộ|năm|xã|tháng|ha|lao động|học sinh))+", re.IGNORECASE
    )

    def __init__(self, catalogue_units: list[str]) -> None:
        bases = {u.split("/")[0].strip() for u in catalogue_units if u and u[0].isalpha()}
        self.words = sorted(bases | set(self.EXTRA), key=len, reverse=True)
        self._pattern = re.compile(
            r"\s*(" + "|".join(re.escape(w) for w in self.words) + r")(?![\wÀ-ỹ])", re.IGNORECASE
        )

    def after(self, text: str) -> tuple[str, int, bool]:
        """The unit at the start of `text`, how far it reaches, and whether it was only guessed."""
        pct = _PCT.match(text)
        if pct:
            return pct.group(1), pct.end(), False
        found = self._pattern.match(text)
        if found is None and text.lstrip().lower().startswith(_NOT_UNITS):
            return "", 0, False
        if found:
            unit, end = found.group(1).lower(), found.end()
            suffix = self.SUFFIXES.match(text, end)
            if suffix:
                unit, end = unit + _SLASH.sub("/", suffix.group(0)).lower(), suffix.end()
            return unit, end, False
        word = _WORD.match(text)
        return (word.group(1).lower(), word.end(), True) if word else ("", 0, True)


def _skip(sentence: str, match: re.Match[str]) -> bool:
    """A date, a document number, a list number, a year or a span of time: no figure."""
    # End-anchored rules look at the last words only: a search over a long sentence costs its length.
    before, after = sentence[max(0, match.start() - 60) : match.start()], sentence[match.end() :]
    first, second, third = match.groups()
    if _DATE_OR_CODE.match(after):
        return True  # 19/5/2016, 21/KH-HĐTĐKT, 05-CT/TW
    if second and not _WORD_OR_PCT.match(after):
        return True  # a bare "12/7": a day and month
    if _DOC_BEFORE.search(before, max(0, len(before) - _NEAR)):
        return True
    if not before.strip() and _LIST_NUMBER.match(after):
        return True  # "1. Trên lĩnh vực …": a list's number
    if _is_year(first) and not second and not _PCT.match(after):
        return True
    return bool(third and _is_year(first) and _is_year(third))


def find(sentence: str, units: Units) -> list[Figure]:
    """Every figure of the sentence, in order, with what the words right around each one say."""
    found: list[Figure] = []
    for match in _TOKEN.finditer(sentence):
        # A printed % already read as part of the figure before it is not a figure again.
        if (found and match.start() < found[-1].end) or _skip(sentence, match):
            continue
        figure = _one(sentence, match, units)
        if figure is not None:
            found.append(figure)
    return found


def _one(sentence: str, match: re.Match[str], units: Units) -> Figure | None:
    first, second, third = match.groups()
    parsed = parse_number(first)
    if parsed is None:
        return None
    value, odd = parsed
    unit, reach, guessed = units.after(sentence[match.end() :])
    if not unit:
        return None
    end = match.end() + reach
    verb = _VERB_BEFORE.search(sentence[max(0, match.start() - 12) : match.start()])
    basis = _BASIS_AFTER.match(sentence, match.end())
    if unit == "%" and verb and basis:
        # "đạt 100% Nghị quyết" on its own: the attainment of the figures before it, not a level.
        return Figure(
            sentence,
            match.start(),
            basis.end(),
            None,
            "%",
            printed_pct=value,
            pct_word=verb.group(1).lower(),
            versus=_basis(basis.group(1)),
        )
    total = _plain(second)
    high = _plain(third)
    figure = Figure(
        sentence,
        match.start(),
        end,
        value,
        unit,
        ambiguous=odd or guessed,
        total=total,
        high=high,
        unit_end=end,
    )
    figure = _around(figure, sentence[max(0, match.start() - 120) : match.start()], sentence[end:])
    return figure


def _around(figure: Figure, before: str, after: str) -> Figure:
    """Qualifier, change, printed %, recipient and base read from the words next to the figure."""
    changes: dict[str, object] = {}
    qualifier = _QUALIFIER_BEFORE.search(before, max(0, len(before) - _NEAR))
    if qualifier:
        changes["qualifier"] = _QUALIFIERS[qualifier.group(1).lower()]
        before = before[: qualifier.start()]
    if figure.unit in ("tập thể", "cá nhân") or _RECIPIENT.match(after):
        who = figure.unit if figure.unit in ("tập thể", "cá nhân") else after.strip()[:7]
        changes["recipient"] = "tap_the" if who.startswith("tập thể") else "ca_nhan"
    change = _CHANGE_BEFORE.search(before, max(0, len(before) - _NEAR))
    if change is None and _OPEN_CHANGE.search(before):
        change = _CHANGE_IN_BRACKETS.search(before)
    if change and not _LEVEL_AFTER_CHANGE.search(before, max(0, len(before) - _NEAR)):
        per_year = bool(_PER_YEAR.search(before[-40:]) or _PER_YEAR_AFTER.match(after))
        per_year = per_year or "/năm" in figure.sentence[figure.start : figure.end]
        changes["kind"] = "change_per_year" if per_year else "change"
        if change.group(1).lower() == "giảm" and figure.value is not None:
            changes["value"] = -figure.value
            changes["high"] = -figure.high if figure.high is not None else None
    printed = _PRINTED.match(after)
    if (printed and figure.unit not in ("%", "‰")) or (printed and printed.group(3)):
        parsed = parse_number(printed.group(2))
        changes["printed_pct"] = parsed[0] if parsed else None
        changes["pct_word"] = printed.group(1).lower()
        changes["versus"] = _basis(printed.group(3) or "")
        changes["end"] = figure.end + printed.end()
        after = after[printed.end() :]
    versus = _VERSUS_YEAR.match(after)
    if versus and "kind" in changes:
        changes["base_year"] = int(versus.group(1))
        changes["versus"] = changes.get("versus") or versus.group(1)
    elif _VERSUS_CK.match(after):
        changes["versus"] = "CK"
    if _QUANTIFIED.search(before, max(0, len(before) - _NEAR)) or _NOT_MET_AFTER.match(after):
        changes["kind"] = "some"  # "nhiều hộ đạt trên 100 triệu": some of them, not a total
    return replace(figure, **changes) if changes else figure  # type: ignore[arg-type]


def _basis(word: str) -> str:
    for pattern, code in _BASIS_WORDS:
        if pattern.fullmatch(word.strip()):
            return code
    return ""


def period(sentence: str, heading: str, start: int, term: tuple[int, int] | None) -> tuple[str, int | None]:
    """The period the words give a figure: its clause's, else its sentence's, else its heading's."""
    clause_start = sentence.rfind(";", 0, start) + 1
    clause_end = sentence.find(";", start)
    clause = sentence[clause_start : clause_end if clause_end >= 0 else len(sentence)]
    for text in (clause, sentence, heading):
        found = _period_in(text)
        if found is not None:
            return found
    if term:
        return f"{term[0]}-{term[1]}", term[1]
    return "", None


@functools.lru_cache(maxsize=2048)
def _period_in(text: str) -> tuple[str, int] | None:
    """The half-year, term or year a piece of text names; each sentence's figures ask the same."""
    text = _BASE_PHRASE.sub(" ", text)  # "so với năm 2015" names the base, not the figure's year
    half = _HALF.search(text)
    if half and half.group(2):
        return f"{half.group(2)}-H{1 if half.group(1).lower() == 'đầu' else 2}", int(half.group(2))
    span = _TERM.search(text)
    if span and int(span.group(2)) > int(span.group(1)):
        return f"{span.group(1)}-{span.group(2)}", int(span.group(2))
    year = _YEAR.search(text)
    return (year.group(1), int(year.group(1))) if year else None


def is_estimate(sentence: str, start: int) -> bool:
    """The clause says the figure is an estimate ("ước đạt", "ước thực hiện")."""
    clause_start = max(sentence.rfind(";", 0, start), sentence.rfind(",", 0, start)) + 1
    return bool(_ESTIMATE.search(sentence[clause_start:start]))


@functools.lru_cache(maxsize=2048)
def target_year(sentence: str, heading: str) -> int | None:
    """A goal's year where the sentence or its heading sets one ("phấn đấu", "Mục tiêu", "đến năm 2025")."""
    for text in (sentence, heading):
        found = _TARGET.search(text)
        if found:
            return int(found.group(1)) if found.group(1) else 0
    return None
