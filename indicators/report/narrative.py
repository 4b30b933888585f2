"""What an office writes into its báo cáo itself: narrative sections, number, signer and recipients."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# The sections of a báo cáo tổng kết that figures cannot write, in the order of the source report
# (data/report_tam_duong_2015_2020.txt): Part one's leadership, campaigns, models and assessment,
# Part two's direction, tasks and solutions.
SECTION_KEYS: tuple[str, ...] = (
    "leadership",
    "campaigns",
    "models",
    "strengths",
    "shortcomings",
    "causes",
    "lessons",
    "proposals",
    "directions",
    "tasks",
    "solutions",
)


@dataclass(frozen=True)
class Narrative:
    """The office's own words for one area and period; what is left empty stays a placeholder."""

    sections: Mapping[str, str] = field(default_factory=dict)  # key → text, paragraphs split by a blank line
    number: str = ""  # the document number, e.g. "125/BC-UBND"; empty leaves "Số:   /BC-UBND" for the office
    signer_title: str = ""  # e.g. "CHỦ TỊCH" or "PHÓ CHỦ TỊCH"; empty means the default title
    signer_name: str = ""  # e.g. "Từ Hữu Hà"; empty leaves the name line for the office
    recipients: tuple[str, ...] = ()  # "Nơi nhận" lines, without the leading "- "

    def paragraphs(self, key: str) -> list[str]:
        """The office's paragraphs of one section; an empty list where it has written nothing yet."""
        text = self.sections.get(key, "")
        return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


EMPTY = Narrative()


def heading_key(key: str) -> str:
    """The words key of a section's heading (vi and en in indicators/text/words/report.py)."""
    return f"report.section.{key}"
