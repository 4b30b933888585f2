"""A reader for the parsing child's tests: it says whether its process warmed up before the call."""

from __future__ import annotations

import os

WARMED: list[int] = []


def warm_up() -> None:
    """What a spare runs while it waits: it notes its own process."""
    WARMED.append(os.getpid())


def warmed() -> bool:
    """True when this process ran warm_up() before the call."""
    return [os.getpid()] == WARMED
