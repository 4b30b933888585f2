"""The office's narrative: its sections in the source report's order, each heading in both languages."""

from indicators.report.narrative import EMPTY, SECTION_KEYS, Narrative, heading_key
from indicators.text.i18n import t


def test_every_section_has_a_heading_in_both_languages() -> None:
    for key in SECTION_KEYS:
        vi, en = t(heading_key(key), "vi"), t(heading_key(key), "en")
        assert vi and en and vi != en and "report.section" not in vi


def test_paragraphs_split_on_blank_lines_and_drop_empty_ones() -> None:
    n = Narrative(sections={"lessons": "Một.\r\n\r\nHai\ndòng.\n\n\n  \n"})
    assert n.paragraphs("lessons") == ["Một.", "Hai\ndòng."]
    assert n.paragraphs("causes") == []
    assert EMPTY.paragraphs("lessons") == []
