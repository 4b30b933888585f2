"""The narrative in the store: a new version per save, read at any version, rolled back, refused plainly."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from indicators.cli.main import build_parser, main
from indicators.core.model import Dataset
from indicators.report import content as report
from indicators.report import narrative_store
from indicators.report import render as report_render
from indicators.report.narrative import EMPTY, Narrative
from indicators.report.narrative_store import MAX_RECIPIENTS, MAX_SECTION_CHARS, NarrativeError
from indicators.store import backup, migrate
from indicators.store.accounts import Role
from indicators.store.database import Store, narrative_sections, report_settings
from indicators.text.fmt import Lang
from tests.support import prepared

AREA, TERM = "106", "2015-2020"
FIRST = Narrative(
    sections={
        "leadership": "Huyện ủy ban hành 12 văn bản.\n\nUBND huyện chỉ đạo sát sao.",
        "lessons": "Một bài học.",
    },
    number="125/BC-UBND",
    signer_name="Từ Hữu Hà",
    recipients=("UBND tỉnh Lai Châu", "Lưu: VT"),
)
SECOND = Narrative(
    sections={"leadership": "Đã sửa: 14 văn bản.", "solutions": "Giải pháp mới."},
    number="126/BC-UBND",
    signer_title="PHÓ CHỦ TỊCH",
    signer_name="Từ Hữu Hà",
    recipients=("UBND tỉnh Lai Châu",),
)


def rows(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(narrative_sections)).scalar_one()) + int(
            conn.execute(select(func.count()).select_from(report_settings)).scalar_one()
        )


def test_a_save_is_a_new_version_and_every_version_reads_its_own_text(
    backend_url: str, seeded_file: Path
) -> None:
    store = prepared.seeded_store(backend_url, seeded_file)
    assert store.current_version() == 1
    assert narrative_store.load(store, AREA, TERM) == EMPTY
    first = narrative_store.save(store, AREA, TERM, FIRST, "canbo", Role.ANALYST)
    second = narrative_store.save(store, AREA, TERM, SECOND, "quantri", Role.ADMIN)
    assert (first.version, second.version) == (2, 3)
    assert narrative_store.load(store, AREA, TERM, 1) == EMPTY
    assert narrative_store.load(store, AREA, TERM, 2) == FIRST
    assert narrative_store.load(store, AREA, TERM) == narrative_store.load(store, AREA, TERM, 3) == SECOND
    # Who and when, as for figures; the figures themselves are the same in every version.
    history = store.versions()
    assert history["action"].tolist() == ["seed", "narrative", "narrative"]
    assert history["account"].tolist() == ["system", "canbo", "quantri"]
    assert len(store.load(3).observations) == len(store.load(1).observations)
    # The same text again writes nothing.
    assert narrative_store.save(store, AREA, TERM, SECOND, "canbo", Role.ANALYST).version is None
    assert store.current_version() == 3


def test_sections_are_per_period_and_settings_per_area(store: Store) -> None:
    narrative_store.save(store, AREA, TERM, FIRST, "canbo", Role.ANALYST)
    other_year = narrative_store.load(store, AREA, "2020")
    # Another period of the same area: none of the term's sections, the area's signer and number.
    assert other_year == Narrative(
        number="125/BC-UBND", signer_name="Từ Hữu Hà", recipients=("UBND tỉnh Lai Châu", "Lưu: VT")
    )
    assert narrative_store.load(store, "03390", TERM) == EMPTY


def test_a_rollback_brings_back_that_versions_narrative(store: Store) -> None:
    narrative_store.save(store, AREA, TERM, FIRST, "canbo", Role.ANALYST)
    narrative_store.save(store, AREA, TERM, SECOND, "canbo", Role.ANALYST)
    # The figures of version 2 are those of version 3: only the narrative differs, and it comes back.
    result = store.rollback(2, "quantri")
    assert result.version == 4
    assert narrative_store.load(store, AREA, TERM) == FIRST
    assert narrative_store.load(store, AREA, TERM, 3) == SECOND
    # Back to the seed: no narrative at all, and the history keeps every text.
    store.rollback(1, "quantri")
    assert narrative_store.load(store, AREA, TERM) == EMPTY
    assert narrative_store.load(store, AREA, TERM, 4) == FIRST


def test_text_is_kept_as_typed_in_nfc_and_markup_is_just_text(store: Store) -> None:
    decomposed = "Cha\u0302\u0301t lu\u031bo\u031b\u0323ng"  # "Chất lượng" typed with combining marks
    typed = Narrative(
        sections={"strengths": f"  {decomposed}\r\n\r\n<b>**không in đậm**</b> {{{{ x }}}}  "},
        recipients=("- UBND tỉnh", "", "  Lưu: VT  "),
    )
    narrative_store.save(store, AREA, TERM, typed, "canbo", Role.ANALYST)
    read = narrative_store.load(store, AREA, TERM)
    assert read.sections == {"strengths": "Chất lượng\n\n<b>**không in đậm**</b> {{ x }}"}
    assert read.sections["strengths"].startswith("Ch\u1ea5t")
    # The document writes the "- " before each recipient: a typed one is not doubled.
    assert read.recipients == ("UBND tỉnh", "Lưu: VT")


@pytest.mark.parametrize(
    ("narrative", "words"),
    [
        (
            Narrative(sections={"lessons": "x" * (MAX_SECTION_CHARS + 1)}),
            "«Bài học kinh nghiệm» dài 20.001 ký tự",
        ),
        (Narrative(recipients=tuple(f"Nơi {i}" for i in range(MAX_RECIPIENTS + 1))), "Nơi nhận có 21 dòng"),
        (Narrative(signer_name="A" * 201), "«Họ và tên người ký» dài 201 ký tự"),
        (Narrative(number="12/BC\n-UBND"), "«Số văn bản» chỉ được có một dòng"),
        (Narrative(sections={"causes": "dán\x00từ Word"}), "«Nguyên nhân» có ký tự điều khiển"),
        (Narrative(sections={"poem": "thơ"}), "Không có phần «poem»"),
    ],
)
def test_refused_input_gets_a_sentence_and_nothing_is_saved(
    store: Store, narrative: Narrative, words: str
) -> None:
    narrative_store.save(store, AREA, TERM, FIRST, "canbo", Role.ANALYST)
    before = (store.current_version(), rows(store))
    with pytest.raises(NarrativeError) as refused:
        narrative_store.save(store, AREA, TERM, narrative, "canbo", Role.ANALYST)
    assert words in refused.value.text("vi")
    assert "nothing was saved" in refused.value.text("en").lower() or "no part" in refused.value.text("en")
    assert (store.current_version(), rows(store)) == before
    assert narrative_store.load(store, AREA, TERM) == FIRST


@pytest.mark.parametrize("role", [None, Role.VIEWER])
def test_the_store_refuses_a_write_without_the_right(store: Store, role: Role | None) -> None:
    with pytest.raises(NarrativeError) as refused:
        narrative_store.save(store, AREA, TERM, FIRST, "khach", role)
    assert (
        refused.value.text("en")
        == "Only analysts and administrators may save the report's text; nothing was saved."
    )
    assert store.current_version() == 1 and rows(store) == 0


@pytest.mark.parametrize("period", ["2020-2015", "20", "năm 2020", "2015–2020"])
def test_a_period_that_is_neither_a_year_nor_a_term_is_refused(store: Store, period: str) -> None:
    with pytest.raises(NarrativeError) as refused:
        narrative_store.save(store, AREA, period, FIRST, "canbo", Role.ANALYST)
    assert f"«{period}»" in refused.value.text("vi")
    assert store.current_version() == 1


def test_a_save_over_someone_elses_newer_text_is_refused(store: Store) -> None:
    narrative_store.save(store, AREA, TERM, FIRST, "canbo", Role.ANALYST)
    opened = narrative_store.load(store, AREA, TERM)
    narrative_store.save(store, AREA, TERM, SECOND, "quantri", Role.ADMIN, expected=opened)
    mine = Narrative(sections={"lessons": "Của tôi."})
    with pytest.raises(NarrativeError) as refused:
        narrative_store.save(store, AREA, TERM, mine, "canbo", Role.ANALYST, expected=opened)
    assert "phiên bản 3" in refused.value.text("vi")
    assert narrative_store.load(store, AREA, TERM) == SECOND
    # A figure import in between is no conflict: only this area and period's text is compared.
    data = store.load()
    assert store.commit(replace(data, observations=data.observations.iloc[1:]), "canbo").version == 4
    assert narrative_store.load(store, AREA, TERM, 4) == SECOND  # an import keeps the narrative as it is
    assert narrative_store.save(store, AREA, TERM, mine, "canbo", Role.ANALYST, expected=SECOND).version == 5


def test_the_cli_report_uses_the_stored_narrative_of_its_version(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    narrative_store.save(store, AREA, TERM, FIRST, "canbo", Role.ANALYST)
    passed: list[tuple[str, Narrative]] = []
    build = report.build

    def spy(
        data: Dataset, area: str, period: report.Period, lang: Lang = "vi", narrative: Narrative = EMPTY
    ) -> report.Content:
        passed.append((f"{area} {period.start}-{period.end} v{data.version}", narrative))
        return build(data, area, period, lang, narrative=narrative)

    monkeypatch.setattr(report, "build", spy)
    monkeypatch.setattr(report_render, "render", lambda *_a, **_k: b"docx")
    out = tmp_path / "bao_cao.docx"
    assert main(["report", "--area", AREA, "--term", TERM, "--format", "docx", "--out", str(out)]) == 0
    assert main(["report", "--area", AREA, "--year", "2020", "--format", "docx", "--out", str(out)]) == 0
    assert passed == [
        ("106 2015-2020 v2", FIRST),
        # A year of the same area: the area's number and signer, none of the term's sections.
        (
            "106 2020-2020 v2",
            Narrative(number=FIRST.number, signer_name=FIRST.signer_name, recipients=FIRST.recipients),
        ),
    ]
    # The help says where the text comes from.
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    (listed,) = [c.help for c in commands._choices_actions if c.dest == "report"]
    assert "trang “Báo cáo”" in str(listed)


@pytest.mark.parametrize("name", ["copy.sqlite", "copy.json.gz"])
def test_a_backup_holds_the_narrative_and_a_restore_brings_it_back(
    store: Store, tmp_path: Path, name: str
) -> None:
    narrative_store.save(store, AREA, TERM, FIRST, "canbo", Role.ANALYST)
    file = tmp_path / name
    backup.backup(store.engine, file)
    narrative_store.save(store, AREA, TERM, SECOND, "canbo", Role.ANALYST)
    counts = backup.restore(store.engine, file)
    assert (counts["narrative_sections"], counts["report_settings"]) == (2, 1)
    # The tables revision 0003 added are in it too: a restore brings back a version's areas whole.
    links = store.load(2).area_links
    assert counts["data_area_links"] == len(links) > 0
    assert store.current_version() == 2
    assert narrative_store.load(store, AREA, TERM) == FIRST
    assert narrative_store.load(store, AREA, TERM, 1) == EMPTY


def test_a_dump_written_before_the_narrative_still_restores(store: Store, tmp_path: Path) -> None:
    old = Store(f"sqlite:///{tmp_path / 'old.sqlite'}", seed=None)
    migrate.upgrade(old.engine, "0005_utc_times")
    payload = backup.dump(old.engine)
    assert payload["revision"] == "0005_utc_times" and "narrative_sections" not in payload["tables"]
    payload["sha256"] = hashlib.sha256(backup._canonical(payload["tables"])).hexdigest()
    file = tmp_path / "old.json.gz"
    file.write_bytes(gzip.compress(json.dumps(payload).encode()))
    narrative_store.save(store, AREA, TERM, FIRST, "canbo", Role.ANALYST)
    counts = backup.restore(store.engine, file)
    assert counts["versions"] == 0 and counts["narrative_sections"] == 0
    assert rows(store) == 0
