"""A report's text as sentences under their headings, split by this language's rules, never in "2.503,3"."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (or the report's closing "./.") followed by space and a capital, a
# bullet or an opening quote; the "." of "2.503,3" is followed by a digit, so it never ends one.
_END = re.compile(r"(?<=[.!?…])(?:/\.)?\s+(?=[\"“(\-+*•–]?\s*[A-ZĐÀ-Ỹ0-9])")
# A heading: a numbered or lettered line ("II.", "1.", "a)", "b.") or a short line with no full stop.
_NUMBERED = re.compile(r"^\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ][).])\s")
_HEADING_MAX = 160
# Markdown emphasis and bullets that a pasted or converted text carries around its words.
_MARKS = re.compile(r"\*+")


@dataclass(frozen=True)
class Sentence:
    """One sentence, the heading it stands under, and its block (paragraph or table row) number."""

    text: str
    heading: str
    block: int


def blocks(text: str) -> list[str]:
    """The text's paragraphs and table rows: blank lines part them; a line break inside joins."""
    parts: list[str] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [_MARKS.sub("", line).strip() for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        # A list item ("- Huân chương …") or a table row is a block of its own; prose lines join.
        current: list[str] = []
        for line in lines:
            if current and (line[:1] in "-+•" or "\t" in line or _NUMBERED.match(line)):
                parts.append(" ".join(current))
                current = []
            current.append(line)
        parts.append(" ".join(current))
    return parts


def is_heading(block: str) -> bool:
    """A numbered line or a short one without a closing full stop."""
    if len(block) > _HEADING_MAX or "\t" in block:
        return False
    if _NUMBERED.match(block) and not block.rstrip().endswith((".", ";")):
        return True
    return not block.rstrip().endswith((".", ";", ":", "…")) and not re.search(r"\d", block[:3])


def split(block: str) -> list[str]:
    """A block's sentences; a table row (cells parted by tabs) is one sentence."""
    if "\t" in block:
        return [block.strip()]
    return [s.strip() for s in _END.split(block) if s.strip()]


def sentences(text: str) -> list[Sentence]:
    """Every sentence of the text, each with the last heading above it."""
    found: list[Sentence] = []
    heading = ""
    for number, block in enumerate(blocks(text)):
        if is_heading(block):
            heading = block
        for sentence in [block] if block is heading else split(block):
            found.append(Sentence(sentence, heading, number))
    return found
