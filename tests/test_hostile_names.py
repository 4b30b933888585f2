"""Every page with hostile names, units and areas: markup from the data is shown as written, never live."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from dashboard import markup, state
from indicators.core.model import Dataset
from indicators.excel import workbook as excel
from indicators.excel import writer as xlsx_writer
from indicators.store import accounts
from indicators.store.database import ENV_URL, Store
from tests.support import areas_fixture, sessions

pytestmark = pytest.mark.usefixtures("fresh_caches")

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
# A Markdown link, an emoji shortcode, HTML, math, bold, template syntax, str.format fields, a bare
# address: each is live if Streamlit's Markdown meets it unescaped.
PAYLOAD = (
    "[pwn](https://evil.example/pwn) :skull: <b>pwn</b> $pwn^2$ **pwn** {{ pwn }} {year} {0} www.evil.example"
    " pwn@evil.example"
)
# What each piece looks like when it would render; md() leaves a backslash or a word joiner instead.
LIVE = {
    "a Markdown link": re.compile(r"(?<!\\)\[pwn"),
    "a bare link": re.compile(r"https://evil|www\.evil"),
    "a mail link": re.compile(r"pwn@evil"),
    "an emoji": re.compile(r":skull:"),
    "HTML": re.compile(r"(?<!\\)<b>pwn"),
    "math": re.compile(r"(?<!\\)\$pwn"),
    "bold": re.compile(r"(?<!\\)\*\*pwn"),
}
# Widgets whose options and values are plain text in the browser: the name is shown there as written.
PLAIN = {"selectbox", "multiselect", "select_slider", "text_input", "text_area", "number_input", "date_input"}
PLAIN_FIELDS = {"options", "default", "value", "raw_value", "placeholder", "set_value"}
NOT_TEXT = {"spec", "id", "form_id"}  # a chart's JSON (checked on its own) and widget ids
PAGES = [
    "pages/overview.py",
    "pages/goals.py",
    "pages/year.py",
    "pages/commendations.py",
    "pages/detail.py",
    "pages/compare.py",
    "kinh-te",
    "giao-duc-y-te-van-hoa",
    "giam-ngheo-viec-lam",
    "quoc-phong-an-ninh",
    "he-thong-chinh-tri",
    "nong-thon-moi",
    "cay-che",
    "du-lich",
    "pages/report_text.py",
]
# The upload page shows names once a file is chosen: its own test below sends one.
SIGNED_IN = ["pages/enter.py", "pages/history.py", "pages/accounts.py", "pages/report_text.py"]
# Account names allow letters, digits and ". @ - _": enough for an address or a bare link.
ACCOUNTS = ("pwn@evil.example", "www.evil.example")


def hostile(data: Dataset) -> Dataset:
    """The data with the payload after every name, unit, area name, quote and note."""
    frames = {name: getattr(data, name).copy() for name in data.counts()}
    indicators = frames["indicators"]
    for column in ("name_vi", "name_en", "unit", "unit_en", "definition", "computation", "source"):
        indicators[column] = indicators[column].astype(str) + " " + PAYLOAD
    frames["areas"]["name"] = frames["areas"]["name"] + " " + PAYLOAD
    for name in ("observations", "targets", "reported"):
        for column in ("quote", "section"):
            frames[name][column] = frames[name][column].astype(str) + " " + PAYLOAD
    return Dataset.from_frames(frames)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One store for the module: the shipped data and the four communes, then every name made hostile."""
    folder = tmp_path_factory.mktemp("hostile")
    url = f"sqlite:///{folder / 'store.sqlite'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENV_URL, url)
        store = areas_fixture.add_to(Store(url).ensure(), folder)
        store.commit(hostile(store.load()), account=ACCOUNTS[0], file_name=f"{PAYLOAD}.xlsx", note=PAYLOAD)
        for name in ACCOUNTS:
            accounts.add_user(store, name, "viewer", sessions.PASSWORD)
    return url


@pytest.fixture
def hostile_store(hostile_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv(ENV_URL, hostile_url)
    yield hostile_url


def _strings(proto: Any, plain: bool) -> Iterator[str]:  # protobuf ships no type stubs
    """Every string an element's message carries, but a plain-text widget's options and values."""
    for field, value in proto.ListFields():
        if (plain and field.name in PLAIN_FIELDS) or field.name in NOT_TEXT:
            continue
        values = list(value) if field.is_repeated else [value]
        for item in values:
            if isinstance(item, str):
                yield item
            elif hasattr(item, "ListFields"):
                yield from _strings(item, plain)


def _nodes(node: object) -> Iterator[object]:
    yield node
    children = getattr(node, "children", None)
    for child in children.values() if isinstance(children, dict) else children or []:
        yield from _nodes(child)


def rendered(at: AppTest) -> list[tuple[str, str]]:
    """(element type, text) of each text the browser reads as Markdown: bodies, labels, options, cells."""
    out: list[tuple[str, str]] = []
    for node in _nodes(at._tree):
        kind = str(getattr(node, "type", ""))
        if kind == "table":
            frame: pd.DataFrame = node.value  # type: ignore[attr-defined]
            out += [(kind, str(c)) for c in frame.columns]
            out += [(kind, str(v)) for v in frame.to_numpy().ravel()]
        proto = getattr(node, "proto", None)
        if hasattr(proto, "ListFields"):
            out += [(kind, s) for s in _strings(proto, kind in PLAIN)]
    return out


def live_markup(at: AppTest) -> list[str]:
    """Each text that would render a piece of the payload live, with what it would render."""
    return [
        f"{kind}: {what} in {text[:160]!r}"
        for kind, text in rendered(at)
        for what, pattern in LIVE.items()
        if pattern.search(text)
    ]


def shown(at: AppTest) -> str:
    """All the text of the page, plain-text widgets included."""
    plain = [str(o) for node in _nodes(at._tree) for o in getattr(node, "options", []) or []]
    for node in _nodes(at._tree):
        if getattr(node, "type", "") == "dataframe":
            frame: pd.DataFrame = node.value  # type: ignore[attr-defined]
            plain += [str(v) for v in frame.to_numpy().ravel()]
    return "\n".join([*(text for _, text in rendered(at)), *plain])


def open_page(page: str, lang: str, role: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    if role is not None:
        sessions.sign_in(at, "lan", role)
    go_to(at, page)
    return at.run()


def chart_tags(at: AppTest) -> list[str]:
    """Tags of the payload a plotly chart would draw (plotly reads <b>, <i>, <a href> in its texts)."""
    specs = [json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in at.get("plotly_chart")]
    return [m.group(0) for spec in specs for m in re.finditer(r"<b>pwn|<a [^>]*evil", spec)]


def assert_inert(at: AppTest, where: str) -> None:
    assert not at.exception, (where, [e.value for e in at.exception])
    text = shown(at)
    assert "pwn" in text, f"{where}: the hostile names are not on the page, so nothing was tested"
    # Template and str.format syntax in a name is shown as written, never filled in (the accounts
    # page shows account names only, which hold no braces).
    if "example/pwn" in text:
        assert "{{ pwn }} {year} {0}" in text, where
    assert live_markup(at) == [], where
    assert chart_tags(at) == [], where


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_hostile_names_as_written(hostile_store: str, page: str, lang: str) -> None:
    assert_inert(open_page(page, lang), f"{page} ({lang})")


@pytest.mark.parametrize("page", SIGNED_IN)
def test_every_data_page_shows_hostile_names_as_written(hostile_store: str, page: str) -> None:
    assert_inert(open_page(page, "vi", role="admin"), page)


def test_an_uploaded_workbook_with_hostile_names_is_previewed_as_written(hostile_store: str) -> None:
    """The preview of a file whose names change, and whose cells are wrong, with the payload in both."""
    data = Store(hostile_store).load()
    indicators = data.indicators.assign(
        name_vi=data.indicators["name_vi"].where(data.indicators["code"] != "GTSX", f"Mới {PAYLOAD}")
    )
    book = xlsx_writer.workbook_bytes(
        Dataset.from_frames({**{n: getattr(data, n) for n in data.counts()}, "indicators": indicators})
    )
    at = open_page("pages/upload.py", "vi", role="analyst")
    nonce = at.session_state[state.UPLOAD_NONCE_KEY]
    at.file_uploader(key=f"{state.UPLOAD_FILE_WIDGET}_{nonce}").set_value(
        (f"{PAYLOAD}.xlsx", book, excel.XLSX_MIME)
    )
    assert_inert(at.run(), "upload preview")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_comparison_report_scope_shows_the_name_as_written(hostile_store: str, lang: str) -> None:
    at = open_page("pages/compare.py", lang)
    at.selectbox(key="compare_code").set_value("TEA_AREA").run()
    at.selectbox(key="compare_parent").set_value("12").run()
    scope = at.radio(key="compare_report_scope")
    one = scope.options[0]
    assert "pwn" in one
    assert not any(p.search(one) for p in LIVE.values()), one
    assert_inert(at, f"compare, TEA_AREA in 12 ({lang})")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_derived_target_caption_shows_the_unit_as_written(hostile_store: str, lang: str) -> None:
    at = open_page("pages/detail.py", lang)
    words = "Mục tiêu" if lang == "vi" else "Target"
    derived = [c.value for c in at.caption if c.value.startswith(words) and "÷" in c.value]
    assert derived and all("pwn" in c for c in derived), [c.value for c in at.caption]
    assert not any(p.search(c) for c in derived for p in LIVE.values()), derived
    assert_inert(at, f"detail ({lang})")


def test_the_checker_sees_live_markup() -> None:
    """The patterns find each piece of the payload unescaped, and none of them once md() has run."""

    assert [what for what, p in LIVE.items() if p.search(PAYLOAD)] == list(LIVE)
    assert [what for what, p in LIVE.items() if p.search(markup.md(PAYLOAD))] == []
