"""Words in Vietnamese and English: every sentence the product shows people comes from here.

One mechanism: a key in `WORDS` (grouped by key prefix in indicators/text/words/) read with `t()`;
a sentence with values is a `Message`, put into words when the reader's language is known;
an error people read is a `MessageError` carrying one.
"""

from __future__ import annotations

from dataclasses import dataclass

from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.words import (
    accounts,
    areas,
    awards,
    checks,
    columns,
    comparison,
    data,
    extract,
    gate,
    narrative,
    pages,
    pending,
    phrase,
    report,
    rollup,
    rounds,
    standing,
    store,
    threads,
    updates,
    year,
)

_GROUPS = (
    data,
    columns,
    pages,
    updates,
    accounts,
    checks,
    store,
    report,
    areas,
    year,
    gate,
    narrative,
    phrase,
    standing,
    comparison,
    awards,
    rounds,
    rollup,
    extract,
    threads,
    pending,
)


def _merged() -> dict[str, tuple[str, str]]:
    words: dict[str, tuple[str, str]] = {}
    for group in _GROUPS:
        twice = words.keys() & group.WORDS.keys()
        if twice:
            raise ValueError(f"words defined twice: {sorted(twice)}")
        words |= group.WORDS
    return words


# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = _merged()


def t(key: str, lang: Lang = "vi") -> str:
    """The word for `key` in `lang`; an unknown key shows itself so a gap is visible, not hidden."""
    pair = WORDS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "vi" else pair[1]


@dataclass(frozen=True)
class Num:
    """A number inside a message, written the reader's way: 2.503,3 or 2,503.3."""

    value: float
    decimals: int | None = None


@dataclass(frozen=True)
class ByLang:
    """A value inside a message already written both ways: a date, an official name in English."""

    vi: str
    en: str


@dataclass(frozen=True)
class Message:
    """A sentence for people kept as a key and its values until the reader's language is known.

    A value may be text, a `Num` (formatted per language) or another `Message` (translated too).
    """

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, lang: Lang = "vi", **where: object) -> str:
        """The sentence in `lang`; `where` fills what only the reader of it knows (the cell it is at)."""
        return t(self.key, lang).format(**where, **{name: _shown(v, lang) for name, v in self.values})


def msg(key: str, **values: object) -> Message:
    """A message: `msg("check.year_missing")`, `msg("store.no_version", v=9, latest=3)`."""
    return Message(key, tuple(values.items()))


def _shown(value: object, lang: Lang) -> object:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, Num):
        return fmt.number(value.value, lang, value.decimals)
    if isinstance(value, ByLang):
        return value.vi if lang == "vi" else value.en
    return value


class MessageError(Exception):
    """An error whose message is for people, in either language; str() gives the Vietnamese."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text("vi"))
        self.message = message

    def text(self, lang: Lang) -> str:
        """The message in the reader's language."""
        return self.message.text(lang)
