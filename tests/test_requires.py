"""A test that needs a program or server skips where it is absent, and fails where CI requires it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import requires

ROOT = Path(__file__).resolve().parents[1]


def test_an_absent_server_is_a_visible_skip_without_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REQUIRE_NGINX", raising=False)
    with pytest.raises(pytest.skip.Exception, match="nginx is absent"):
        requires.absent("nginx is absent", "REQUIRE_NGINX")


@pytest.mark.parametrize("env", requires.REQUIRE_ENVS)
def test_an_absent_server_fails_where_ci_requires_it(monkeypatch: pytest.MonkeyPatch, env: str) -> None:
    monkeypatch.setenv(env, "1")
    with pytest.raises(pytest.fail.Exception, match="it is absent"):
        requires.absent("it is absent", env)


def test_a_misspelt_variable_is_a_bug_never_a_skip() -> None:
    # A skip keyed to a variable CI does not set would pass over in CI what it should require.
    with pytest.raises(ValueError, match="REQUIRE_CHROME"):
        requires.absent("chrome is absent", "REQUIRE_CHROME")


def test_a_program_is_looked_for_on_the_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REQUIRE_OFFICE", "1")
    requires.program("sh", "dash", "REQUIRE_OFFICE")  # present: nothing happens
    with pytest.raises(pytest.fail.Exception, match="apt-get install no-such-package"):
        requires.program("no-such-program-here", "no-such-package", "REQUIRE_OFFICE")


def test_ci_sets_every_variable_the_tests_read() -> None:
    exports = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert all(f"{env}=1" in exports for env in requires.REQUIRE_ENVS)
