"""Workbooks and checked uploads that many tests make from the same data: made once a session, copied out."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Hashable

import pandas as pd

from indicators.core.model import TABLES, Dataset
from indicators.excel import validate
from indicators.excel import writer as xlsx_writer

_books: dict[Hashable, bytes] = {}
_checked: dict[Hashable, validate.Upload] = {}


def fingerprint(data: Dataset) -> Hashable:
    """What the writer and the check read of `data`: its version, what is pending, each table's content.

    A frame is known by its columns, their types and a hash of every row, so two datasets read from
    two stores at the same version with the same rows are one; a single changed cell makes another.
    """
    tables = []
    for table in TABLES:
        frame = data.frame(table)
        rows = pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes()
        kinds = tuple(str(kind) for kind in frame.dtypes)
        tables.append((table.name, tuple(frame.columns), kinds, hashlib.blake2b(rows).hexdigest()))
    return data.version, data.pending, tuple(tables)


def workbook_bytes(data: Dataset) -> bytes:
    """`writer.workbook_bytes(data)`, written once a session per content: bytes no test can change.

    Dozens of round tests send the same commune's figures over the same catalogue; writing the
    workbook each time was the largest share of their time.
    """
    key = fingerprint(data)
    if key not in _books:
        _books[key] = xlsx_writer.workbook_bytes(data)
    return _books[key]


def checked(book: bytes, file_name: str, current: Dataset) -> validate.Upload:
    """`validate.check(book, file_name, current)`, once a session per input; each caller gets its own copy."""
    key = (hashlib.blake2b(book).hexdigest(), file_name, fingerprint(current))
    if key not in _checked:
        _checked[key] = validate.check(book, file_name, current)
    return copy.deepcopy(_checked[key])
