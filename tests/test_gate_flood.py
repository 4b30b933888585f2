"""A flood of báo cáo requests through the gate: few builds, one per report, memory and processes bounded."""

from __future__ import annotations

import io
import os
import threading
from collections import Counter
from collections.abc import Iterator

import pytest
from docx import Document

from bench.processes import Peaks, rss
from indicators.core.model import Dataset
from indicators.jobs.gate import Door, Settings
from indicators.report import render as report_render
from tests.test_report import _needs, with_third_plan_result


@pytest.fixture
def peaks() -> Iterator[Peaks]:
    seen = Peaks()
    watcher = seen.start()
    yield seen
    seen.stop.set()
    watcher.join(5)


@pytest.mark.office
def test_a_flood_of_report_requests_builds_each_report_once_with_one_browser_at_a_time(
    data: Dataset, peaks: Peaks
) -> None:
    _needs("chromium", "chromium")  # the charts: without it the flood would test no browser at all
    # Twenty-four anonymous readers in six tabs each on four addresses click "Tạo báo cáo" at once,
    # on three distinct reports (the district's 2019 in both languages, and its term), each with a chart.
    door = Door(Settings(slots=2, queue=12, per_session=8, per_address=24))
    # The shipped 2019 has two plan results, said in sentences without a chart: a third makes one.
    data = with_third_plan_result(data)
    wanted = [("106", "2019", "vi"), ("106", "2019", "en"), ("106", "2015-2020", "vi")]
    built: Counter[tuple[str, str, str]] = Counter()
    lock = threading.Lock()
    start = threading.Barrier(24)
    answers: dict[int, bytes] = {}
    before = rss(os.getpid())

    def reader(i: int) -> None:
        area, period, lang = wanted[i % 3]

        def work() -> bytes:
            with lock:
                built[(area, period, lang)] += 1
            return report_render.report_bytes(data, area, period, lang, "docx")  # type: ignore[arg-type]

        start.wait()
        answers[i] = door.ask((area, period, lang, "docx"), work, f"tab {i}", f"203.0.113.{i % 4}")

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(24)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(240)

    # Each distinct report was computed once, and everyone got theirs.
    assert built == Counter({w: 1 for w in wanted})
    assert len(answers) == 24 and door.gate.builds == 3 and door.gate.peak == 2
    for i, payload in answers.items():
        assert payload is answers[i % 3]  # the very same bytes, not a copy per reader
        # A period is kept on one line by no-break spaces and a word joiner; a reader sees "2015 – 2020".
        text = "\n".join(p.text for p in Document(io.BytesIO(payload)).paragraphs)
        text = text.replace("\u00a0", " ").replace("\u2060", "")
        kind, period = [("BÁO CÁO", "năm 2019"), ("REPORT", "2019"), ("BÁO CÁO", "2015 – 2020")][i % 3]
        assert kind in text and period in text
    # One Chromium at a time, however many ask: before, each build started its own at once.
    assert peaks.samples > 20
    assert peaks.browsers == 1
    # A Chromium is about half a dozen processes and a few hundred megabytes; eight at once were 4 GB.
    assert peaks.processes <= 14, peaks.processes
    assert peaks.child_rss < 1_600 << 20, peaks.child_rss >> 20
    # The server keeps three small documents, not one per reader.
    assert rss(os.getpid()) - before < 300 << 20
    assert sum(len(door.gate.ready(k) or b"") for k in door.gate.kept()) < 3 << 20
