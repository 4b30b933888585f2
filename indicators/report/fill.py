"""A template filled in Jinja's sandbox: all that the child process filling an office's template loads."""

# An office's template is filled in a fresh interpreter (indicators/excel/isolation.py) for each
# report: this module and what it is sent are all that child imports, so it stays clear of the
# report's content, the store and pandas (pyproject.toml's import contracts hold it to that). The
# reasons a template is refused travel as message keys; render.py puts them into words.

from __future__ import annotations

import io
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Template, Undefined, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

# 160 mm for 480 px: the charts' smallest text (11 px) prints at 10.4 pt, their labels at 11–12 pt.
CHART_WIDTH = Mm(160)


@dataclass(frozen=True)
class Chart:
    """A chart drawn as an image for the document, or the sentence saying why there is none."""

    caption: str
    png: bytes | None


@dataclass(frozen=True)
class Refusal:
    """Why a template was not filled: a message key and its values (a value may be a Refusal too)."""

    key: str
    values: tuple[tuple[str, object], ...] = ()


class RefusedError(Exception):
    """The template cannot be filled; `refusal` says why, for the caller to put into words."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.refusal = Refusal(key, tuple(values.items()))


# The parts of the templates compiled so far, kept for the next report: the shipped template's few, or
# the letters'. An office's own template is filled in a child process, so its parts never pile up here.
_COMPILED_MAX = 64


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox, refusing outright: an unsafe attribute is an error, not a silent blank.

    docxtpl compiles each part of a document (body, headers, footers) from its text for every report;
    a template's parts are the same text each time, so each is compiled once and rendered again. The
    sandbox still judges every attribute as the compiled template runs, whatever it is handed.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled: dict[tuple[str, object], Template] = {}

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        raise SecurityError(f"{attribute!r} of {type(obj).__name__}")

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        key = (source, self.autoescape)
        compiled = self._compiled.get(key)
        if compiled is None:
            if len(self._compiled) >= _COMPILED_MAX:
                self._compiled.clear()
            compiled = self._compiled[key] = super().from_string(source)
        return compiled


_SANDBOX = _Sandbox(autoescape=True)


# Each part's XML as patch_xml cleans it, by its text: shared by every template in the process.
_PATCHED: dict[str, str] = {}


class DocumentTemplate(DocxTemplate):
    """docxtpl's template, each part's XML cleaned for Jinja once per text and kept for the next report.

    docxtpl's patch_xml (a dozen regular expressions over the whole body) depends on the text alone;
    for the shipped template it is the same text each time.
    """

    def patch_xml(self, src_xml: str) -> str:
        """The part's XML cleaned for Jinja, as docxtpl cleans it: kept, for the same text, from before."""
        patched = _PATCHED.get(src_xml)
        if patched is None:
            if len(_PATCHED) >= _COMPILED_MAX:
                _PATCHED.clear()
            patched = _PATCHED[src_xml] = super().patch_xml(src_xml)
        return patched


def template_env() -> ImmutableSandboxedEnvironment:
    """Jinja for every template, the shipped one and an office's own: sandboxed and escaping.

    A template is a file someone hands in, so its placeholders are untrusted code: the sandbox refuses
    `__globals__`, `__class__` and other ways out to Python, and (immutable) any change to the data.
    One environment serves every report: its compiled parts are kept (_Sandbox), nothing else.
    """
    return _SANDBOX


def with_images(context: dict, doc: DocxTemplate) -> dict:
    """The context with each section's drawn charts (Chart) as images of `doc`, at the print width.

    An image belongs to the document it is put in, so it is made here, where the template is open.
    """
    sections = [
        {
            **section,
            "charts": [
                {"image": InlineImage(doc, io.BytesIO(c.png), width=CHART_WIDTH), "caption": c.caption}
                for c in section["charts"]
                if c.png
            ],
        }
        for section in context["sections"]
    ]
    return {**context, "sections": sections}


def fill(doc: DocxTemplate, context: dict, name: str, max_mb: int) -> bytes:
    """The template filled in the sandbox, as a .docx no larger than `max_mb`; RefusedError if not."""
    try:
        doc.render(with_images(context, doc), jinja_env=template_env())
    except SecurityError as exc:
        raise RefusedError("report.err.unsafe", name=name) from exc
    except MemoryError:
        raise  # the child's memory limit: said as such by the caller
    except Exception as exc:  # an office template may hold a broken placeholder
        raise RefusedError("report.err.placeholder", name=name, detail=str(exc)) from exc
    buffer = io.BytesIO()
    doc.save(buffer)
    if buffer.tell() > max_mb * 1024 * 1024:
        what = Refusal("report.err.limit_size", (("mb", max_mb),))
        raise RefusedError("report.err.template_limit", name=name, what=what)
    return buffer.getvalue()


def fill_in_child(template: bytes, name: str, context: dict, max_mb: int) -> tuple[str, object]:
    """What the child runs: ("ok", the .docx) or ("refused", a Refusal) for the parent to raise."""
    try:
        return "ok", fill(DocumentTemplate(io.BytesIO(template)), context, name, max_mb)
    except RefusedError as exc:
        return "refused", exc.refusal
