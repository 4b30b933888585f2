"""The protocol load generator against a real server: five sessions, no errors, one version each."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator

import pytest

from bench import loadgen
from indicators.i18n import t
from indicators.store import Store

PAGES = {"": "page.overview", "muc-tieu-2025": "page.goals", "kinh-te": "page.economy"}


@pytest.fixture
def server(store: Store) -> Iterator[tuple[str, Store]]:
    """The app on a free loopback port over the test's store (version 1, from data/)."""
    env = {**os.environ, "INDICATORS_DB": store.url}
    with loadgen.streamlit_server(env) as (url, _):
        # The first run of a fresh process answers a deep link with "page not found" before drawing
        # the right page (Streamlit issue 9624, a pages/ folder beside app.py): one load first.
        asyncio.run(loadgen.open_page(url))
        yield url, store


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
