"""A report template is untrusted: its placeholders run in Jinja's sandbox, and a refusal is one sentence."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from docx import Document

from indicators.__main__ import main
from indicators.core.model import Dataset
from indicators.report import content as report
from indicators.report import render as report_render
from indicators.store.database import Store
from indicators.text.i18n import t

TERM = report.parse_period("2015-2020", None)
# Each reaches Python's internals from a placeholder; the first ran `id` before the sandbox.
ESCAPES = [
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ subject|attr('__class__') }}",
    "{{ joiner.__init__.__globals__ }}",
    "{% for r in rows %}{{ r.__class__ }}{% endfor %}",
    # The immutable sandbox: a template cannot change the figures it is given either.
    "{{ rows.append(1) }}{{ sections.clear() }}",
]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> report.Content:
    url = f"sqlite:///{tmp_path_factory.mktemp('sandbox') / 'store.sqlite'}"
    data: Dataset = Store(url).ensure().load()
    return report.build(data, "106", TERM, "vi")


def _template(folder: Path, *paragraphs: str) -> Path:
    path = folder / "mau_van_phong.docx"
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("placeholder", ESCAPES)
def test_a_placeholder_that_reaches_python_is_refused(
    content: report.Content, tmp_path: Path, placeholder: str
) -> None:
    marker = tmp_path / "ran"
    template = _template(
        tmp_path, "Kính gửi: {{ subject }}", placeholder.replace("'id'", f"'touch {marker}'")
    )
    with pytest.raises(report.ReportError) as refused:
        report_render.docx_bytes(content, template=template, browser=None)
    assert str(refused.value) == t("report.err.unsafe", "vi").format(name=template.name)
    assert refused.value.message.text("en").startswith("the report template mau_van_phong.docx was refused")
    assert not marker.exists()


def test_the_sandbox_still_prints_names_loops_and_escapes_markup(
    content: report.Content, tmp_path: Path
) -> None:
    # A name from the data that looks like XML stays text: the sandbox escapes as the old renderer did.
    content = dataclasses.replace(content, subject="Xã <w:t>A&B</w:t> {{ x }}")
    template = _template(
        tmp_path,
        "{{ subject }}",
        "{% for line in issuer_lines %}[{{ line }}]{% endfor %}",
        "{{ rows|length }} dòng",
    )
    doc = Document(io.BytesIO(report_render.docx_bytes(content, template=template, browser=None)))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Xã <w:t>A&B</w:t> {{ x }}"
    assert texts[1] == "".join(f"[{line}]" for line in content.issuer_lines)
    assert texts[2] == f"{len(content.rows)} dòng"


def test_the_shipped_template_renders_in_the_sandbox(content: report.Content) -> None:
    doc = Document(io.BytesIO(report_render.docx_bytes(content, browser=None)))
    # The title keeps its periods on one line (no-break spaces, a word joiner): the same words.
    texts = [p.text.replace("\u2060", "").replace("\u00a0", " ") for p in doc.paragraphs]
    assert content.subject in texts
    assert len(doc.tables[2].rows) == len(content.rows) + 1  # the header row, then one per result


def test_cli_refuses_the_template_in_one_line_and_writes_nothing(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "ran"
    template = _template(tmp_path, f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}")
    out = tmp_path / "bc.docx"
    args = ["report", "--area", "106", "--term", "2015-2020", "--format", "docx", "--no-charts"]
    code = main([*args, "--out", str(out), "--template", str(template)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "Lỗi: " + t("report.err.unsafe", "vi").format(name=template.name) + "\n"
    assert not marker.exists() and not out.exists()
