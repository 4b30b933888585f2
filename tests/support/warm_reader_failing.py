"""A reader for the parsing child's tests whose warm-up fails: the call still runs."""

from __future__ import annotations

import os


def warm_up() -> None:
    """A warm-up that fails, as a reader's might on a machine without its sample file."""
    raise OSError("no sample to warm up with")


def pid() -> int:
    """The process that ran the call."""
    return os.getpid()
