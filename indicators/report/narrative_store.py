"""The office's narrative in the store: read at a version, checked, and saved as a new version."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from indicators.report.narrative import SECTION_KEYS, Narrative, heading_key
from indicators.store import versioned_texts
from indicators.store.accounts import Role
from indicators.store.database import CommitResult, Store, narrative_sections, report_settings, versions
from indicators.text.i18n import Message, MessageError, Num, msg

MAX_SECTION_CHARS = 20_000  # a long section of a báo cáo runs to a few thousand
MAX_LINE_CHARS = 200  # number, signer's title and name, each recipient
MAX_RECIPIENTS = 20
MAX_AREA_CHARS = 64  # the store's column
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
# Control characters other than the line break and tab: pasted from other programs, invisible on
# the page, and PostgreSQL refuses NUL outright.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class NarrativeError(MessageError):
    """A narrative that cannot be saved as it is; the message is for people, and nothing was written."""


def period_key(period: str) -> str:
    """The period as the store keys it: "2023" (a year) or "2015-2020" (a term); refused otherwise."""
    found = _PERIOD.match(period.strip())
    if found is None or (found[2] is not None and int(found[2]) <= int(found[1])):
        raise NarrativeError(msg("narrative.err.period", period=period))
    return found[0]


def _text(value: str, field: Message, limit: int, too_long: str = "narrative.err.field_too_long") -> str:
    """A field as typed, in NFC with plain line breaks; refused when too long or holding controls."""
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if _CONTROL.search(text):
        raise NarrativeError(msg("narrative.err.control", field=field))
    if len(text) > limit:
        # The same words for a section and a field; `section` names the part, `field` the box.
        raise NarrativeError(msg(too_long, field=field, section=field, n=Num(len(text)), limit=Num(limit)))
    return text


def _line(value: str, field_key: str) -> str:
    text = _text(value, msg(field_key), MAX_LINE_CHARS)
    if "\n" in text:
        raise NarrativeError(msg("narrative.err.one_line", field=msg(field_key)))
    return text


def _sections(sections: Mapping[str, str]) -> dict[str, str]:
    checked = {}
    for key, value in sections.items():
        if key not in SECTION_KEYS:
            raise NarrativeError(msg("narrative.err.section", section=key))
        text = _text(value, msg(heading_key(key)), MAX_SECTION_CHARS, "narrative.err.too_long")
        if text:
            checked[key] = text
    return checked


def checked(narrative: Narrative) -> Narrative:
    """The narrative as it will be stored: NFC, trimmed, empty parts dropped; NarrativeError when refused."""
    # The document puts "- " before each recipient itself: a dash typed as in the printed list goes.
    lines = (_line(r, "narrative.recipients").removeprefix("-").strip() for r in narrative.recipients)
    recipients = [r for r in lines if r]
    if len(recipients) > MAX_RECIPIENTS:
        raise NarrativeError(
            msg("narrative.err.too_many_recipients", n=Num(len(recipients)), limit=Num(MAX_RECIPIENTS))
        )
    return Narrative(
        sections=_sections(narrative.sections),
        number=_line(narrative.number, "narrative.number"),
        signer_title=_line(narrative.signer_title, "narrative.signer_title"),
        signer_name=_line(narrative.signer_name, "narrative.signer_name"),
        recipients=tuple(recipients),
    )


def recipients_from(text: str) -> tuple[str, ...]:
    """Recipients typed one a line (a leading "- " as in the printed list is dropped), blank lines skipped."""
    lines = (line.strip().removeprefix("-").strip() for line in text.replace("\r\n", "\n").split("\n"))
    return tuple(line for line in lines if line)


# Reading ------------------------------------------------------------------------------------------


def _read(conn: Connection, area: str, period: str, version: int | None) -> Narrative:
    """The narrative live at `version`, or the current rows when `version` is None."""
    sections, settings = narrative_sections, report_settings

    def live(table: Any) -> Any:
        if version is None:
            return table.c.until_version.is_(None)
        return versioned_texts.live_at(table, version)

    texts = conn.execute(
        select(sections.c.section, sections.c.text).where(
            live(sections) & (sections.c.area == area) & (sections.c.period == period)
        )
    ).all()
    row = conn.execute(select(settings).where(live(settings) & (settings.c.area == area))).first()
    order = {key: i for i, key in enumerate(SECTION_KEYS)}
    ordered = sorted(((k, v) for k, v in texts if k in order), key=lambda kv: order[kv[0]])
    if row is None:
        return Narrative(sections=dict(ordered))
    return Narrative(
        sections=dict(ordered),
        number=row.number,
        signer_title=row.signer_title,
        signer_name=row.signer_name,
        recipients=recipients_from(row.recipients),
    )


def load(store: Store, area: str, period: str, version: int | None = None) -> Narrative:
    """The office's narrative of an area and period as it was at `version` (the newest by default)."""
    store.ensure()
    with store.engine.connect() as conn:
        return _read(conn, area, period_key(period), version)


# Writing ------------------------------------------------------------------------------------------


def _wanted(area: str, period: str, narrative: Narrative) -> tuple[list[dict], list[dict]]:
    sections = [
        {"area": area, "period": period, "section": key, "text": text}
        for key, text in narrative.sections.items()
    ]
    settings = {
        "area": area,
        "number": narrative.number,
        "signer_title": narrative.signer_title,
        "signer_name": narrative.signer_name,
        "recipients": "\n".join(narrative.recipients),
    }
    # Nothing set is no row: an area nobody configured reads the same as before.
    has_settings = any(v for k, v in settings.items() if k != "area")
    return sections, [settings] if has_settings else []


def _plan(
    area: str, period: str, narrative: Narrative, expected: Narrative | None
) -> Callable[[Connection], versioned_texts.Plan]:
    """The change that makes the stored narrative `narrative`, computed under the write lock."""

    def plan(conn: Connection) -> versioned_texts.Plan:
        if expected is not None and _read(conn, area, period, None) != expected:
            latest = conn.execute(select(func.max(versions.c.version))).scalar_one()
            raise NarrativeError(msg("narrative.err.moved", latest=latest))
        sections, settings = _wanted(area, period, narrative)
        in_scope = (narrative_sections.c.area == area) & (narrative_sections.c.period == period)
        return {
            narrative_sections.name: versioned_texts.plan_for(
                narrative_sections, sections, versioned_texts.current_rows(conn, narrative_sections, in_scope)
            ),
            report_settings.name: versioned_texts.plan_for(
                report_settings,
                settings,
                versioned_texts.current_rows(conn, report_settings, report_settings.c.area == area),
            ),
        }

    return plan


def save(
    store: Store,
    area: str,
    period: str,
    narrative: Narrative,
    account: str,
    role: Role | None,
    expected: Narrative | None = None,
) -> CommitResult:
    """Save the office's narrative of an area and period as a new version; unchanged text writes nothing.

    Refused with a sentence, and nothing written, when the role may not edit, a part is too long,
    or (with `expected`, the narrative the writer started from) someone saved another text meanwhile.
    """
    if role is None or not role.can_edit():
        raise NarrativeError(msg("narrative.err.not_allowed"))
    if not area.strip() or len(area.strip()) > MAX_AREA_CHARS:
        raise NarrativeError(msg("narrative.err.area"))
    key = period_key(period)
    clean = checked(narrative)
    note = f"Nội dung báo cáo: {area}, {key}"
    return store.commit_texts(_plan(area.strip(), key, clean, expected), account=account, note=note)
