"""Strangers get plain sentences: no store address, file path or driver words on a page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indicators.store import accounts
from indicators.store.database import ENV_URL, Store, StoreError

PROJECT = Path(__file__).resolve().parents[1]
# What a page must never show: an address, a path, a driver's or the database's own words.
LEAKS = re.compile(r"sqlite|postgres|://|/tmp|/var|\.sqlite|locked|duplicate key|Error\b|Exception", re.I)


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


def shown(at: AppTest) -> list[str]:
    return [e.value for kind in (at.error, at.warning, at.info, at.caption, at.markdown) for e in kind]


def test_a_store_that_cannot_be_opened_is_a_plain_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(ENV_URL, f"sqlite:///{blocker / 'sub' / 'store.sqlite'}")
    at = AppTest.from_file(str(PROJECT / "pages" / "overview.py"), default_timeout=60).run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Không mở được kho dữ liệu; hãy báo người quản trị."]
    assert not [text for text in shown(at) if LEAKS.search(text)]


def test_a_busy_store_at_sign_in_is_a_plain_sentence(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(store_url).ensure()

    def locked(*_args: object, **_kwargs: object) -> object:
        from sqlalchemy.exc import OperationalError

        raise OperationalError("UPDATE sign_in_failures", {}, Exception("database is locked"))

    monkeypatch.setattr(accounts, "_count_attempt", locked)
    at = AppTest.from_file(str(PROJECT / "pages" / "upload.py"), default_timeout=60).run()
    at.text_input[0].input("lan")
    at.text_input[1].input("mây trắng đỉnh Pu Ta Leng")
    at.button[0].click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Không kiểm tra được tài khoản lúc này; hãy thử lại sau ít phút."]
    assert not [text for text in shown(at) if LEAKS.search(text)]


def test_the_operator_still_gets_the_details(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as caught:
        Store(f"sqlite:///{blocker / 'sub' / 'x.sqlite'}").ensure()
    assert str(blocker) in caught.value.detail and str(blocker) not in str(caught.value)
