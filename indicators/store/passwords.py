"""Password strength: length and spaces, the account's name, the district's place names, zxcvbn."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from zxcvbn import zxcvbn

from indicators.text.i18n import Message, msg

MIN_PASSWORD, MAX_PASSWORD_BYTES = 12, 72  # bcrypt reads at most 72 bytes
# zxcvbn's scale: 3 is "safely unguessable" against an online attacker and a slow hash offline.
MIN_STRENGTH = 3
# Words everyone at the office sees on every page: the product's own name and its subjects. A
# password built on them is as guessable as one built on the place's name.
PRODUCT_WORDS = (
    "Tam Đường",
    "Lai Châu",
    "chỉ tiêu",
    "bảng chỉ tiêu",
    "indicators",
    "dashboard",
    "thi đua",
    "khen thưởng",
    "nông thôn mới",
    "nghị quyết",
    "kế hoạch",
    "UBND",
    "huyện",
    "tỉnh",
    "xã",
)
# The kind of unit before a place's name ("Xã Bản Bo"): the name people type is what follows.
_UNIT_KINDS = re.compile(r"^(tỉnh|thành phố|huyện|thị xã|thị trấn|xã|phường)\s+", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case without accents: "Tam Đường" → "tam duong" (đ has no decomposition of its own)."""
    text = text.casefold().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def collapse(password: str) -> str:
    """The password as the checks read it: spaces at either end dropped, each run of spaces one."""
    return " ".join(password.split())


def place_words(names: Iterable[str]) -> list[str]:
    """The forms a place's name takes in a password: as written, without accents, without spaces.

    The product's own words come first: zxcvbn ranks a user input by its place in the list, and
    those are the likeliest guesses.
    """
    words: list[str] = []
    for raw in (*PRODUCT_WORDS, *names):
        name = _UNIT_KINDS.sub("", " ".join(str(raw).split())).casefold()
        for form in (name, fold(name), name.replace(" ", ""), fold(name).replace(" ", "")):
            if len(form) >= 2 and form not in words:
                words.append(form)
    return words


def _without_places(password: str, words: list[str]) -> str | None:
    """The password with every place or product word taken out; None when it holds none."""
    folded = fold(password).replace(" ", "")
    # Longest first, so that "tamduong" goes whole before a shorter word could split it.
    found = [
        w for w in sorted({fold(w).replace(" ", "") for w in words}, key=len, reverse=True) if len(w) >= 3
    ]
    rest, hit = folded, False
    for word in found:
        if word in rest:
            rest, hit = rest.replace(word, ""), True
    return rest if hit else None


def _strong(password: str, inputs: list[str]) -> bool:
    return int(zxcvbn(password, user_inputs=inputs)["score"]) >= MIN_STRENGTH


def problem(password: str, name: str = "", places: Iterable[str] = ()) -> Message | None:
    """What is wrong with a new password, in words for people; None when it may be used.

    The checks read it with its spaces collapsed (see `collapse`): twelve characters of which most
    are spaces are not twelve characters. The hash is made of the password as typed.
    """
    checked = collapse(password)
    if len(checked) < MIN_PASSWORD:
        return msg("accounts.short_password", n=MIN_PASSWORD)
    if sum(not c.isspace() for c in password) * 2 < len(password):
        return msg("accounts.spacey_password")
    if len(password.encode()) > MAX_PASSWORD_BYTES:
        return msg("accounts.long_password", n=MAX_PASSWORD_BYTES)
    name = name.strip()
    if name and name.casefold() in checked.casefold():
        return msg("accounts.password_has_name")
    words = place_words(places)
    inputs = [name.casefold(), fold(name), *words] if name else words
    # A maintained estimator (dictionaries, keyboard walks, dates, repeats), not a home-made list.
    if not _strong(checked, inputs):
        return msg("accounts.guessable_password")
    # A place's name plus a year and a sign ("Tamduong2025!") passes zxcvbn by its length alone:
    # what is left without the place must hold on its own.
    rest = _without_places(checked, words)
    if rest is not None and not _strong(rest, inputs):
        return msg("accounts.place_password")
    return None
