"""Benchmark: reading a báo cáo's figures (.docx, PDF) as ratios to python-docx and pdftotext reading bare.

The source report and a 100-page report (the source repeated), each as .docx (python-docx) and PDF
(LibreOffice). Per file: a bare read of its text (python-docx's paragraphs; `pdftotext`), then the
reader as the page runs it: the file parsed in a warm child process under the upload limits, the
figures found and matched, then the next document's child started; and the same with no child process,
which shows the isolation's fixed cost (a round trip to the child, some 0.03–0.06 s on a loaded machine)
apart from the reader's. The three are timed in turn, best of the runs. Goal: at most 5× the bare read.
Peak memory: the parsing child's, and what the figures reader allocates in this process (tracemalloc).
"""

from __future__ import annotations

import argparse
import functools
import io
import resource
import subprocess
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import docx

from indicators.excel import isolation
from indicators.extract import parsers, reader, sources
from indicators.extract.match import Catalogue
from indicators.extract.sentences import blocks
from indicators.report import render
from indicators.store.seed import load_source

GOAL = 5.0
REPORT = Path(__file__).resolve().parents[1] / "data" / "report_tam_duong_2015_2020.txt"
CHARS_PER_PAGE = 3000  # an A4 page of a báo cáo in 13-point Times New Roman


def _docx(text: str) -> bytes:
    document = docx.Document()
    for block in blocks(text):
        document.add_paragraph(block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def best_of(runs: int, *works: Callable[[], object]) -> list[float]:
    """The fastest of `runs` timings of each work, taken in turn (bare, reader, bare, reader …) so that
    a spell of load on the shared machine falls on the baseline as much as on the reader."""
    times: list[list[float]] = [[] for _ in works]
    for _ in range(runs):
        for timed, work in zip(times, works, strict=True):
            # Untimed: the spare child the page keeps has loaded its modules, as between two uploads.
            isolation.wait_for_spares()
            start = time.perf_counter()
            work()
            timed.append(time.perf_counter() - start)
    return [min(t) for t in times]


def _bare_docx(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _bare_pdf(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout


def _in_process(path: Path, catalogue: Catalogue) -> int:
    """The same reading with no child process: what the reader itself costs beside the isolation."""
    data = path.read_bytes()
    text = parsers.docx_text(data) if path.suffix == ".docx" else parsers.pdf_text(data)
    assert isinstance(text, str), text
    return len(reader.read_text(text, catalogue, reader.Context(written_year=2020)))


def _ours(path: Path, catalogue: Catalogue) -> int:
    """As the page reads a document: parsed in the warm child, the figures read, the next child started."""
    text = sources.to_text(path.read_bytes())
    assert isinstance(text, str), text
    found = len(reader.read_text(text, catalogue, reader.Context(written_year=2020)))
    sources.warm_up()
    return found


def _files(folder: Path) -> list[tuple[str, Path, Callable[[Path], str]]]:
    """The source report and a 100-page one, each as .docx and PDF."""
    text = REPORT.read_text(encoding="utf-8")
    long = "\n\n".join([text] * max(1, round(100 * CHARS_PER_PAGE / len(text))))
    files: list[tuple[str, Path, Callable[[Path], str]]] = []
    for name, body in (("source report", text), ("100-page report", long)):
        data = _docx(body)
        stem = "source" if name == "source report" else "long"
        (folder / f"{stem}.docx").write_bytes(data)
        (folder / f"{stem}.pdf").write_bytes(render.pdf_bytes(data))
        files.append((f"{name} .docx", folder / f"{stem}.docx", _bare_docx))
        files.append((f"{name} .pdf", folder / f"{stem}.pdf", _bare_pdf))
    return files


def main() -> None:
    """Make the files, time a bare read and the reader on each, print the ratios and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    # Load inputs: the files, and the catalogue the figures are matched against.
    folder = Path(tempfile.mkdtemp(prefix="bench_extract_"))
    files = _files(folder)
    catalogue = Catalogue(load_source().indicators)
    _ours(files[0][1], catalogue)  # starts the warm child the page keeps between documents
    isolation.wait_for_spares()

    # Process data: each file read bare and by the reader, best of the runs.
    print(
        f"{'file':<24} {'pages':>5} {'bare':>8} {'reader':>8} {'ratio':>6} {'in-process':>10} {'ratio':>6}"
        "  figures  reader peak"
    )
    worst = 0.0
    for name, path, bare in files:
        pages = len(bare(path)) / CHARS_PER_PAGE
        base, ours, inside = best_of(
            args.runs,
            functools.partial(bare, path),
            functools.partial(_ours, path, catalogue),
            functools.partial(_in_process, path, catalogue),
        )
        tracemalloc.start()
        found = _ours(path, catalogue)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        worst = max(worst, ours / base)
        print(
            f"{name:<24} {pages:5.0f} {base:7.3f}s {ours:7.3f}s {ours / base:5.1f}× {inside:9.3f}s"
            f" {inside / base:5.1f}×  {found:7}"
            f"  {peak / 1e6:6.1f} MB"
        )

    # Save outputs: the verdict, and the children's peak (the parsing child runs the file).
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"largest parsing child or LibreOffice, peak resident: {child_peak:.0f} MB")
    print(f"worst ratio {worst:.1f}× against a goal of {GOAL:g}×: {'met' if worst <= GOAL else 'NOT met'}")
    isolation.drop_spares()


if __name__ == "__main__":
    main()
