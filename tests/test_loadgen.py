"""The protocol load generator against a real server: five sessions, no errors, one version each."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator

import pytest

from bench import loadgen
from indicators.store.database import Store
from indicators.text.i18n import t

PAGES = {"": "page.overview", "muc-tieu-2025": "page.goals", "kinh-te": "page.economy"}


@pytest.fixture
def served(store: Store) -> Iterator[tuple[str, int, Store]]:
    """The app on a free loopback port over the test's store (version 1, from data/), and its process id."""
    env = {**os.environ, "INDICATORS_DB": store.url}
    with loadgen.streamlit_server(env) as (url, pid):
        yield url, pid, store


@pytest.fixture
def server(served: tuple[str, int, Store]) -> tuple[str, Store]:
    """The served app's address and its store."""
    return served[0], served[2]


def test_five_sessions_before_and_after_an_import(server: tuple[str, Store]) -> None:
    url, store = server
    runs, _ = asyncio.run(loadgen.load(url, 5, list(PAGES)))
    assert [r.errors for r in runs] == [[]] * 5
    assert [r.version for r in runs] == [1] * 5
    # Each session got the page it asked for, drawn in full, with the report's figure for GTSX 2020.
    for run in runs:
        assert run.texts[0] == t(PAGES[run.page], "vi")
    overview = [r for r in runs if r.page == ""]
    assert overview and all(r.shows(loadgen.OLD) and not r.shows(loadgen.NEW) for r in overview)

    # A new version: the next page load on the same server shows it, with the new figure only.
    data = store.load()
    obs = data.observations.copy()
    assert loadgen.gtsx_2020(obs).sum() == 1
    obs.loc[loadgen.gtsx_2020(obs), "value"] = 2650.5
    frames = {name: getattr(data, name) for name in data.counts()}
    assert store.commit(type(data).from_frames({**frames, "observations": obs}), account="test").version == 2
    runs, _ = asyncio.run(loadgen.load(url, 5, [""]))
    assert [r.errors for r in runs] == [[]] * 5
    assert [r.version for r in runs] == [2] * 5
    assert all(r.shows(loadgen.NEW) and not r.shows(loadgen.OLD) for r in runs)
    assert not any(loadgen.mixed(r, {1: loadgen.OLD, 2: loadgen.NEW}) for r in runs)


@pytest.mark.parametrize(
    ("captions", "texts", "is_mixed"),
    [
        (["dữ liệu phiên bản 2."], ["2.650,5"], False),
        (["Nguồn: báo cáo (phiên bản 1); tệp tải lên (phiên bản 2); dữ liệu phiên bản 2."], [], False),
        (["dữ liệu phiên bản 2."], ["2.503,3"], True),  # a figure of version 1 under version 2
        (["data version 1.", "data version 2."], [], True),  # two versions in one run
        ([], ["2.503,3"], True),  # no version named at all
    ],
)
def test_mixed(captions: list[str], texts: list[str], is_mixed: bool) -> None:
    run = loadgen.Run(page="", texts=captions + texts)
    run.versions = [int(v) for c in captions for v in loadgen.VERSION.findall(c)]
    assert loadgen.mixed(run, {1: loadgen.OLD, 2: loadgen.NEW}) is is_mixed


def test_no_run_mixes_two_versions_while_an_import_commits(served: tuple[str, int, Store]) -> None:
    # `python -m bench.loadgen capacity` in small: 20, then 50 sessions open pages while the command
    # line imports a changed figure. A run that read the version twice (header, then each chart's
    # source line) showed "phiên bản 1" above a chart sourced "phiên bản 2": 6 of 20 runs once.
    url, pid, store = served
    env = {**os.environ, "INDICATORS_DB": store.url}
    _, rows = loadgen.capacity(url, [pid], [20, 50], list(PAGES), store.url, env)
    assert [r.import_ok for r in rows] == [True, True]
    assert store.current_version() == 3
    assert [r.errors for r in rows] == [[], []]
    assert [len(r.runs) for r in rows] == [20, 50]
    assert [r.mixed for r in rows] == [0, 0]
    # Each run named exactly one version, one of the two the store held during its level.
    assert set(rows[0].versions) <= {1, 2} and set(rows[1].versions) <= {2, 3}
