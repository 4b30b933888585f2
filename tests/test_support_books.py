"""The round tests' shared workbooks: one per content, and a checked upload each caller may change."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

from indicators.core.model import Dataset
from indicators.excel import validate
from indicators.excel import writer as xlsx_writer
from tests.support import books


def _parts(book: bytes) -> dict[str, bytes]:
    """The workbook's parts but its properties, which carry the second it was written."""
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


def test_a_workbook_is_shared_only_by_data_of_the_same_version_and_rows(shipped_data: Dataset) -> None:
    twin = replace(shipped_data, observations=shipped_data.observations.copy())
    assert books.fingerprint(twin) == books.fingerprint(shipped_data)
    changed = shipped_data.observations.copy()
    changed.loc[changed.index[0], "value"] = float(changed["value"].iloc[0]) + 1
    assert books.fingerprint(replace(shipped_data, observations=changed)) != books.fingerprint(shipped_data)
    assert books.fingerprint(replace(shipped_data, version=9)) != books.fingerprint(shipped_data)
    book = books.workbook_bytes(shipped_data)
    # Two writes a second apart differ in their time of writing alone.
    assert _parts(book) == _parts(xlsx_writer.workbook_bytes(shipped_data))
    assert books.workbook_bytes(twin) is book  # written once


def test_each_caller_gets_its_own_checked_upload(shipped_data: Dataset) -> None:
    book = books.workbook_bytes(shipped_data)
    first = books.checked(book, "mau.xlsx", shipped_data)
    fresh = validate.check(book, "mau.xlsx", shipped_data)
    assert (first.ok, first.sha256, first.made_from) == (fresh.ok, fresh.sha256, fresh.made_from)
    assert first.frames.keys() == fresh.frames.keys()
    first.frames["observations"].loc[:, "value"] = -1.0
    first.problems.clear()
    again = books.checked(book, "mau.xlsx", shipped_data)
    assert again.frames["observations"].equals(fresh.frames["observations"])
    assert len(again.problems) == len(fresh.problems)
