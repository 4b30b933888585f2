"""What a test needs from the machine (a program, a server): a visible skip here, a failure in CI."""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest

# .ci/run sets them all: there, a program or server it installs is never passed over in silence.
REQUIRE_ENVS = ("REQUIRE_BROWSER", "REQUIRE_POSTGRES", "REQUIRE_NGINX", "REQUIRE_OFFICE")


def absent(reason: str, env: str) -> NoReturn:
    """Skip with `reason`, or fail with it where `env` (one of REQUIRE_ENVS) is set."""
    if env not in REQUIRE_ENVS:
        raise ValueError(f"{env} is not one of {REQUIRE_ENVS}")
    if os.environ.get(env):
        pytest.fail(reason)
    pytest.skip(reason)


def program(name: str, package: str, env: str) -> None:
    """Go on where the program `name` is on the PATH; else `absent`, saying which package brings it."""
    if shutil.which(name) is None:
        absent(f"{name} is absent: apt-get install {package}", env)
