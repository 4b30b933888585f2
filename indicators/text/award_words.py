"""The awards register in words: an award's and a level's name, and a check finding as a sentence."""

from __future__ import annotations

import pandas as pd

from indicators.awards.catalogue import Catalogue
from indicators.text.fmt import Lang, join_unit, number
from indicators.text.i18n import ByLang, Message, msg, t

FIRST_ROW = 2  # a proposal list's header is row 1 of its sheet


def award_name(catalogue: Catalogue, code: str, lang: Lang) -> str:
    """The award's name as the catalogue gives it; an unknown code shows itself."""
    award = catalogue.awards.get(code)
    if award is None:
        return code
    return award.name_vi if lang == "vi" else award.name_en


def recipients(kind: str, n: int, lang: Lang) -> str:
    """How many recipients of a kind: "3 cá nhân", "1 individual", "2 collectives" (English singular at 1)."""
    return join_unit(number(n, lang), t(f"awards.letter.n_{kind}", lang))


def level_name(level: str, lang: Lang) -> str:
    """A level's name: "cấp tỉnh", "provincial"."""
    return t(f"awards.level.{level}", lang)


def _named(catalogue: Catalogue, code: str) -> ByLang:
    return ByLang(award_name(catalogue, code, "vi"), award_name(catalogue, code, "en"))


def finding(catalogue: Catalogue, row: int, code: str, rule: str, needed: int, found: int) -> Message:
    """One finding of the proposal check, with its row as the sheet numbers it."""
    shown = row + FIRST_ROW
    known = {r.rule: r for r in catalogue.rules}.get(rule)
    if known is None:
        return msg(f"awards.check.{code}", row=shown)
    return msg(
        f"awards.check.{code}",
        row=shown,
        needed=needed,
        found=found,
        title=_named(catalogue, known.title),
        requires=_named(catalogue, known.requires),
        article=known.article,
    )


def findings(catalogue: Catalogue, table: pd.DataFrame) -> list[Message]:
    """Every finding of a check, in row order."""
    return [
        finding(catalogue, int(r.row), str(r.code), str(r.rule), int(r.needed), int(r.found))
        for r in table.itertuples(index=False)
    ]


def summary(found: int, total: int) -> Message:
    """What the check found, and that the council still decides."""
    if found == 0:
        return msg("awards.check.none", n=total)
    return msg("awards.check.some", n=found, total=total)
