"""Text from the data made safe for Streamlit's Markdown: shown as written, never as formatting."""

from __future__ import annotations

import re

# st.table and st.markdown read Markdown; text from the data must not turn into formatting.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|$~#])")
# Streamlit also turns ":skull:" into an emoji and "https://…", "www.…" or "a@b.vn" into links,
# after escapes are undone; an invisible word joiner after ":" and "@" and inside "www." keeps the
# text as written without a visible change.
_JOINER = "\u2060"
_LINKS_AND_SHORTCODES = re.compile(r"(?i)([:@])|\b(www)\.")


def md(text: object) -> str:
    """Text from the data, escaped so Markdown shows it as written: no formatting, links or emoji."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
    return _LINKS_AND_SHORTCODES.sub(
        lambda m: f"{m.group(1)}{_JOINER}" if m.group(1) else f"{m.group(2)}{_JOINER}.", escaped
    )


_YEAR_SPAN = re.compile(r"(\d{4})–(\d{4})")


def keep_years(text: str) -> str:
    """ "2020–2025" kept on one line: a phone's heading broke after the dash, leaving "2025" alone below."""
    return _YEAR_SPAN.sub(rf"\1{_JOINER}–{_JOINER}\2", text)
