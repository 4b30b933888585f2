"""A report template is untrusted: its placeholders run in Jinja's sandbox, and a refusal is one sentence."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from docx import Document

from indicators.__main__ import main
from indicators.excel import isolation
from indicators.report import content as report
from indicators.report import fill
from indicators.report import render as report_render
from indicators.store.database import Store
from indicators.text.i18n import t
from tests.support.seeded import SeededReading, own_copy

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
def content(seeded_reading: SeededReading) -> report.Content:
    return report.build(own_copy(seeded_reading.dataset), "106", TERM, "vi")


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


# A hundred thousand squared subjects: no sandbox rule refuses it (each range is within Jinja's
# limit); only the child's limits stop it.
RUNAWAY = "{% for a in range(100000) %}{% for b in range(100000) %}{{ subject }}{% endfor %}{% endfor %}"


@pytest.fixture
def small_budget(monkeypatch: pytest.MonkeyPatch) -> isolation.Budget:
    budget = isolation.Budget(memory_mb=256, seconds=10.0)
    monkeypatch.setattr(report_render, "TEMPLATE_BUDGET", budget)
    return budget


@pytest.mark.slow
def test_a_runaway_template_is_stopped_in_a_sentence_and_the_caller_goes_on(
    content: report.Content, tmp_path: Path, small_budget: isolation.Budget
) -> None:
    template = _template(tmp_path, "Kính gửi: {{ subject }}", RUNAWAY)
    with pytest.raises(report.ReportError) as stopped:
        report_render.docx_bytes(content, template=template, browser=None)
    said = stopped.value.text("vi")
    assert said.startswith("mẫu báo cáo mau_van_phong.docx bị dừng: điền mẫu này cần quá ")
    assert ("10 giây" in said) or ("256 MB bộ nhớ" in said)
    assert "Traceback" not in said and "MemoryError" not in said
    assert stopped.value.text("en").startswith("the report template mau_van_phong.docx was stopped")
    # The caller (a server's thread, the command) is still here, and the next report is made.
    doc = Document(io.BytesIO(report_render.docx_bytes(content, browser=None)))
    assert content.subject in [p.text.replace("\u2060", "").replace("\u00a0", " ") for p in doc.paragraphs]


@pytest.mark.slow
def test_a_template_that_prints_a_huge_file_is_stopped_at_its_size(
    content: report.Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_render, "MAX_DOCUMENT_MB", 1)
    # 400,000 scattered numbers of up to ten digits: about 2 MB even zipped, within the time and memory.
    scattered = "{{ (a * 1000 + b) * 2654435761 % 4294967296 }} "
    loops = "{% for a in range(400) %}{% for b in range(1000) %}" + scattered + "{% endfor %}{% endfor %}"
    template = _template(tmp_path, loops)
    with pytest.raises(report.ReportError) as stopped:
        report_render.docx_bytes(content, template=template, browser=None)
    assert stopped.value.text("vi") == (
        "mẫu báo cáo mau_van_phong.docx bị dừng: điền mẫu này cần quá 1 MB cho tệp Word, quá mức một báo cáo"
        " cần đến; hãy xem lại các vòng lặp trong mẫu"
    )


@pytest.mark.slow
def test_cli_stops_a_runaway_template_in_one_line_and_writes_nothing(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], small_budget: isolation.Budget
) -> None:
    template = _template(tmp_path, RUNAWAY)
    out = tmp_path / "bc.docx"
    args = ["report", "--area", "106", "--term", "2015-2020", "--format", "docx", "--no-charts"]
    assert main([*args, "--out", str(out), "--template", str(template)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: mẫu báo cáo mau_van_phong.docx bị dừng") and err.count("\n") == 1
    assert not out.exists()


def test_a_templates_parts_are_compiled_once_and_the_sandbox_judges_each_fill(
    content: report.Content, tmp_path: Path
) -> None:
    """The shipped template's parts are cleaned and compiled once; a kept unsafe part is refused again."""
    sandbox = fill.template_env()
    assert sandbox is fill.template_env()
    first = report_render.docx_bytes(content, browser=None)
    kept, patched = dict(sandbox._compiled), dict(fill._PATCHED)  # type: ignore[attr-defined]
    assert kept and patched  # the body at least, compiled and cleaned
    again = report_render.docx_bytes(content, browser=None)
    assert sandbox._compiled == kept and patched == fill._PATCHED  # type: ignore[attr-defined]
    texts = [[p.text for p in Document(io.BytesIO(made)).paragraphs] for made in (first, again)]
    assert texts[0] == texts[1] and "BÁO CÁO" in texts[0] and len(texts[0]) > 50
    # An unsafe part, compiled on its first fill and kept, is refused on its second as on its first.
    unsafe = _template(tmp_path, "{{ joiner.__init__.__globals__ }}")
    for _ in range(2):
        doc = fill.DocumentTemplate(str(unsafe))
        with pytest.raises(fill.RefusedError) as refused:
            fill.fill(doc, report_render.template_context(content, {}, ""), unsafe.name, 5)
        assert refused.value.refusal.key == "report.err.unsafe"
