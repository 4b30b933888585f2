"""Which catalogue indicator a figure is, by its unit and the indicator's name in the words around it."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from indicators.extract.figures import Figure

# Syllables every indicator name shares or that say nothing of what is counted ("tỷ suất" is "tỷ lệ").
_STOP = frozenset(
    (
        "số tỷ lệ của được và các có đạt mỗi trên dưới từ về trong cho với năm hàng là theo đã nâng lên "
        "toàn huyện suất"
    ).split()
)
# Spellings the same word takes in reports: "bác sỹ" and "bác sĩ", "m2" and "m²".
_SPELLINGS = {"sĩ": "sỹ", "m2": "m²", "hoá": "hóa", "thuỷ": "thủy", "uỷ": "ủy"}
# How much a name counts by where it stands: right before the number most, the rest of the sentence least.
_WEIGHTS = {
    "before": 3.0, "lead": 2.0, "after": 2.0, "after_more": 0.7,
    "previous": 0.5, "sentence": 0.1, "heading": 0.1,
}  # fmt: skip
_OWN = ("before", "lead", "after", "after_more")
_WINDOWS_KEPT = 4096  # windows scored and kept at once: a long report's sentences, not its whole text
_SYLLABLE = re.compile(r"[^\W_]+|%|‰|m²")
MIN_SCORE = 3.0  # below it no indicator is proposed: "no match", for the analyst to choose


def syllables(text: str) -> list[str]:
    """Lower-case syllables with one spelling each, in order."""
    words = _SYLLABLE.findall(unicodedata.normalize("NFC", text.lower()))
    return [_SPELLINGS.get(w, w) for w in words]


@functools.lru_cache(maxsize=512)
def _unit_words(unit: str) -> str:
    return " ".join(syllables(unit))


def _terms(text: str) -> set[str]:
    """Content syllables and adjacent pairs: "giáo viên" counts once more than "giáo" and "viên" alone."""
    return set(_near(text, "sentence"))


@functools.lru_cache(maxsize=4096)
def _near(text: str, side: str) -> dict[str, float]:
    """Each content syllable and pair of the window, weighted by how near the figure it stands.

    Words right before or after a number name it; words farther off more likely name another figure.
    """
    words = syllables(text)
    last = len(words) - 1
    found: dict[str, float] = {}
    for index, word in enumerate(words):
        distance = (
            last - index if side in ("before", "previous") else index if side.startswith("after") else 0
        )
        weight = 1.0 / (1.0 + distance / 3.0)
        terms = [word] if word not in _STOP else []
        if index < last and not {word, words[index + 1]} <= _STOP:
            terms.append(f"{word} {words[index + 1]}")
        for term in terms:
            found[term] = max(found.get(term, 0.0), weight)
    return found


@dataclass(frozen=True)
class Entry:
    """One catalogue indicator as the matcher sees it."""

    code: str
    terms: frozenset[str]
    unit: str
    recipient: str
    value_kind: str


class Catalogue:
    """The indicators a figure may be, read from the catalogue's own table (code, name_vi, unit)."""

    def __init__(self, indicators: pd.DataFrame) -> None:
        self.entries = [
            Entry(
                str(row.code),
                frozenset(_terms(str(row.name_vi))),
                " ".join(syllables(str(row.unit))) if row.unit else "",
                str(row.recipient or ""),
                str(row.value_kind or ""),
            )
            for row in indicators.itertuples()
        ]
        self.units = [str(u) for u in indicators["unit"]]
        self.by_code = {e.code: e for e in self.entries}
        self.index: dict[str, list[int]] = {}
        for i, entry in enumerate(self.entries):
            for term in entry.terms:
                self.index.setdefault(term, []).append(i)
        self._unit_fits: dict[tuple[str, str], dict[int, float]] = {}
        self._unit_only: dict[tuple[str, str], str] = {}
        self._windows: dict[tuple[str, str], dict[int, tuple[float, frozenset[str]]]] = {}

    def _window(self, text: str, name: str) -> dict[int, tuple[float, frozenset[str]]]:
        """Each indicator a window's words name: its score there and the terms that name it.

        Kept per window: the whole sentence and its heading are the same window for every figure in it.
        """
        key = (text, name)
        found = self._windows.get(key)
        if found is None:
            if len(self._windows) > _WINDOWS_KEPT:
                self._windows.clear()
            scores: dict[int, float] = {}
            terms: dict[int, set[str]] = {}
            weight = _WEIGHTS[name]
            # Each word counts for the indicators whose names hold it (an index, not a scan).
            for term, near in _near(text, name).items():
                for i in self.index.get(term, ()):
                    scores[i] = scores.get(i, 0.0) + weight * near
                    terms.setdefault(i, set()).add(term)
            found = self._windows[key] = {i: (scores[i], frozenset(terms[i])) for i in scores}
        return found

    def best(self, figure: Figure, windows: dict[str, str]) -> tuple[str, float]:
        """The best indicator's code and a confidence in [0, 1], or ("", 0) where none fits."""
        fits = self._fits(figure.unit, figure.recipient)
        words: dict[int, float] = {}
        own: dict[int, set[str]] = {}
        for name, text in windows.items():
            for i, (score, terms) in self._window(text, name).items():
                if i in fits:
                    words[i] = words.get(i, 0.0) + score
                    if name in _OWN:
                        own.setdefault(i, set()).update(terms)
        # A name only elsewhere in the sentence names another figure: an indicator needs words of its own.
        scored = sorted(
            (
                (
                    words[i] + fits[i] + 6.0 * len(terms) / max(len(self.entries[i].terms), 1),
                    self.entries[i].code,
                )
                for i, terms in own.items()
            ),
            reverse=True,
        )
        if not scored or scored[0][0] < MIN_SCORE:
            return "", 0.0
        top, code = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        return code, confidence(top, runner_up, figure)

    def _fits(self, unit: str, recipient: str) -> dict[int, float]:
        """How well each indicator's unit fits a figure's, for those it fits at all; once per unit."""
        key = (unit, recipient)
        if key not in self._unit_fits:
            probe = Figure("", 0, 0, None, unit, recipient=recipient)
            fits = {i: unit_fit(probe, e) for i, e in enumerate(self.entries)}
            self._unit_fits[key] = {i: f for i, f in fits.items() if f > 0}
        return self._unit_fits[key]

    def unit_only(self, figure: Figure) -> str:
        """The one indicator the figure's unit names, where exactly one carries it ("16 tiêu chí/xã")."""
        key = (figure.unit, figure.recipient)
        if key not in self._unit_only:
            exact = [e.code for e in self.entries if unit_fit(figure, e) >= 3]
            self._unit_only[key] = exact[0] if len(exact) == 1 else ""
        return self._unit_only[key]


def unit_fit(figure: Figure, entry: Entry) -> float:
    """3 for the indicator's own unit, 1-2 for a kindred one ("lượt" of "lượt khách"), 0 for another."""
    unit = _unit_words(figure.unit)
    if figure.recipient and entry.recipient and figure.recipient != entry.recipient:
        return 0.0
    if unit in ("tập thể", "cá nhân", "lượt") and entry.unit == "lượt" and entry.recipient:
        return 3.0 if figure.recipient == entry.recipient else 0.0
    if unit == entry.unit:
        return 3.0
    if entry.unit.startswith(unit + " ") and unit:
        return 2.0  # "lượt" of "lượt khách", "%" of "% kế hoạch"
    head, own = unit.split(" ")[:2], entry.unit.split(" ")[:2]
    if head == own and unit.endswith("năm") and entry.unit.endswith("năm"):
        return 1.5  # "triệu đồng/năm" of "triệu đồng/người/năm"
    return 0.0


def confidence(top: float, runner_up: float, figure: Figure) -> float:
    """How sure the reading is: a clear lead over the next indicator, a plain number, a known unit."""
    lead = (top - runner_up) / top if top else 0.0
    sure = min(1.0, 0.45 + 0.35 * lead + 0.02 * top)
    if figure.ambiguous:
        sure -= 0.25
    if figure.high is not None or figure.kind == "some":
        sure -= 0.3
    return round(max(0.05, min(sure, 0.99)), 2)
