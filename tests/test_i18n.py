"""One mechanism for words in two languages: every key in both, every key used, every used key known."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from indicators.excel.guard import Refusal, inspect
from indicators.store.accounts import AccountError
from indicators.store.database import StoreError
from indicators.text.i18n import WORDS, Num, msg, t

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(
    [
        ROOT / "app.py",
        *(ROOT / "indicators").rglob("*.py"),
        *(ROOT / "dashboard").glob("*.py"),
        *(ROOT / "pages").glob("*.py"),
    ]
)
# A key written out in the code: t("page.goals"), msg("store.busy"), "xcol.version": ...
LITERAL = re.compile(r"""["']([a-z_]+(?:\.[A-Za-z0-9_.]+)?)["']""")
# A family of keys built at run time: t(f"status.{status}"), f"col.{column}".
FAMILY = re.compile(r"""f["']([a-z_]+\.[a-z_.]*)\{""")
# Names that stay Vietnamese in English: the district, and the language switch's own name.
PROPER_NAMES = ("Tam Đường", "Tiếng Việt")
VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


def _code() -> str:
    words_dir = ROOT / "indicators" / "text" / "words"
    return "\n".join(p.read_text(encoding="utf-8") for p in SOURCES if words_dir not in p.parents)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_key_speaks_both_languages_with_the_same_blanks(key: str) -> None:
    vi, en = WORDS[key]
    assert vi.strip() and en.strip(), key
    assert _fields(vi) == _fields(en), key
    # The English side is English: a Vietnamese letter there is a missing translation.
    english = en
    for name in PROPER_NAMES:
        english = english.replace(name, "")
    assert not VIETNAMESE.search(english), (key, en)


def test_every_key_is_used_somewhere() -> None:
    code = _code()
    literal = set(LITERAL.findall(code))
    families = set(FAMILY.findall(code))
    unused = [k for k in WORDS if k not in literal and not any(k.startswith(f) for f in families)]
    assert unused == []


def test_every_key_the_code_names_exists() -> None:
    # Keys spelled out in calls of t() and msg(); other dotted strings (file names) are not keys.
    called = re.findall(r"""\b(?:t|msg)\(\s*["']([a-z_]+\.[A-Za-z0-9_.]+)["']""", _code())
    assert called, "the pattern finds the calls"
    assert sorted({k for k in called if k not in WORDS}) == []


def test_a_message_formats_its_numbers_for_the_reader() -> None:
    too_big = msg("refuse.too_big", size=Num(25.0, 1), limit=Num(1234.5, 1))
    assert too_big.text("vi") == "Tệp nặng 25,0 MB, vượt giới hạn 1.234,5 MB."
    assert too_big.text("en") == "The file is 25.0 MB, over the 1,234.5 MB limit."


def test_a_refused_file_says_why_in_english_too() -> None:
    refusal = inspect(b"")
    assert isinstance(refusal, Refusal)
    assert refusal.message.text("en") == "The file is empty (0 bytes)."
    assert refusal.message.text("vi") == "Tệp rỗng (0 byte): không có gì để đọc."


def test_store_and_account_errors_read_in_both_languages() -> None:
    error = StoreError(msg("store.no_version", v=9, latest=3))
    assert str(error) == "Không có phiên bản 9: kho có các phiên bản 1–3."
    assert error.text("en") == "There is no version 9: the store holds versions 1–3."
    refused = AccountError(msg("accounts.exists", name="quantri"))
    assert refused.text("vi") == "Tài khoản 'quantri' đã có."
    assert refused.text("en") == "The account 'quantri' already exists."


def test_an_unknown_key_shows_itself() -> None:
    assert t("no.such_key", "en") == "no.such_key"
