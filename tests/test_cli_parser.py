"""The command line's one parser per process, used again safely, and commands that read the store once."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import openpyxl
import pytest

from indicators.__main__ import main
from indicators.cli import parser as cli_parser
from indicators.core.model import Dataset
from indicators.excel import validate
from indicators.excel import writer as xlsx_writer
from indicators.store.database import Store

REVIEW = ["review", "return", "--area", "03390", "--year", "2026", "--user", "tinh"]


def test_every_command_run_in_a_process_uses_its_one_parser(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = cli_parser.shared_parser()
    assert cli_parser.shared_parser() is shared

    def built_again() -> None:
        raise AssertionError("the parser was built again")

    monkeypatch.setattr(cli_parser, "build_parser", built_again)
    assert main(["history", "--format", "csv"]) == 0
    assert main(["history", "--format", "csv"]) == 0
    first, second = capsys.readouterr().out.split("version,", 2)[1:]
    assert first == second and first.count("\n") == 2  # the header's rest, then version 1


def test_commands_run_in_one_process_keep_one_quiet_log_handler(capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(3):
        assert main(["attainment", "--format", "xml"]) == 2
    quiet = [h for h in logging.getLogger("indicators").handlers if isinstance(h, logging.NullHandler)]
    assert len(quiet) == 1
    assert capsys.readouterr().err.count("Lỗi cú pháp") == 3


def test_a_parse_leaves_the_parser_as_it_was_for_the_next() -> None:
    shared = cli_parser.shared_parser()
    given = shared.parse_args([*REVIEW, "--figure", "TEA_AREA=sai", "--figure", "POV_RATE=thiếu"])
    assert given.figure == ["TEA_AREA=sai", "POV_RATE=thiếu"]
    # The repeated option's default list is the parser's own: had it grown, the next parse would see it.
    assert shared.parse_args(REVIEW).figure == []
    fresh = cli_parser.build_parser()
    for argv in (
        REVIEW,
        ["attainment", "--format", "csv"],
        ["user", "add", "xa", "--role", "reporter", "--area", "03390"],
    ):
        assert vars(shared.parse_args(argv)) == vars(fresh.parse_args(argv))


def test_help_and_usage_errors_read_the_same_each_time(capsys: pytest.CaptureFixture[str]) -> None:
    said = []
    for _ in range(2):
        with pytest.raises(SystemExit) as done:
            main(["review", "--help"])
        assert done.value.code == 0
        assert main(["attainment", "--format", "xml"]) == 2
        said.append(capsys.readouterr())
    assert said[0] == said[1]
    assert said[0].out.startswith("usage: python -m indicators review")
    assert said[0].err.startswith("Lỗi cú pháp: argument --format: invalid choice: 'xml'")
    assert len(said[0].err.strip().splitlines()) == 1


@pytest.fixture
def counted_loads(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """Every Store.load of the command, by version asked; the file checked in this process."""
    loads: list[int | None] = []
    load = Store.load

    def counted(self: Store, version: int | None = None) -> Dataset:
        loads.append(version)
        return load(self, version)

    monkeypatch.setattr(Store, "load", counted)
    # The check's child process is the slow tier's to test: here only what the command reads counts.
    monkeypatch.setattr(validate, "check_isolated", validate.check)
    return loads


def _edited(seed_data: Dataset, tmp_path: Path) -> Path:
    obs = seed_data.observations
    row = int(obs.index[(obs["code"] == "GTSX") & (obs["kind"] == "estimate")][0]) + 2
    book = openpyxl.load_workbook(io.BytesIO(xlsx_writer.workbook_bytes(seed_data)))
    book["SoLieu"][f"F{row}"] = 1234.5
    path = tmp_path / "sua.xlsx"
    book.save(path)
    return path


def test_validate_and_import_read_the_current_version_once(
    store: Store,
    seed_data: Dataset,
    tmp_path: Path,
    counted_loads: list[int | None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _edited(seed_data, tmp_path)
    assert main(["validate", str(path)]) == 0
    assert counted_loads == [None]
    assert "0 dòng mới, 1 dòng sửa, 0 dòng gỡ" in capsys.readouterr().out
    counted_loads.clear()
    assert main(["import", str(path), "--account", "ana"]) == 0
    assert counted_loads == [None]
    assert "Đã ghi phiên bản 2." in capsys.readouterr().out
    changed = store.load().observations
    estimate = changed[(changed["code"] == "GTSX") & (changed["kind"] == "estimate")]
    assert estimate["value"].tolist() == [1234.5]
