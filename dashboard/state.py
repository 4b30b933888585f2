"""Session state keys, the store connection and the data cached by version."""

from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses

import streamlit as st

from indicators.core.model import TABLES, Dataset
from indicators.store import incremental
from indicators.store.database import Store, StoreError
from indicators.text.fmt import Lang

LANG_KEY = "lang"  # "vi" | "en"; stays while moving between pages
ACCOUNT_KEY = "account"  # the signed-in account's name, "" when nobody is signed in
ROLE_KEY = "role"  # the role at sign-in, for display only: rights come from the store on every run
STAMP_KEY = "account_stamp"  # the password's stamp at sign-in: a changed password ends the session
# Set afresh on every run from the session cookie (dashboard.auth.resolve), then checked by current().
SIGNED_OUT_KEY = "signed_out"  # a sign-out happened: the next run has the browser drop the cookie
# Upload and history pages: session keys, and widget keys tests find them by.
UPLOAD_NONCE_KEY = "upload_nonce"  # bumped after a commit so the file uploader starts empty
UPLOAD_CHECK_KEY = "upload_check"  # the checked upload and its preview, keyed by file sha256 and version
UPLOAD_FLASH_KEY = "upload_flash"  # the success message shown once after a commit
UPLOAD_FILE_WIDGET = "upload_file"  # + the nonce
UPLOAD_NOTE_WIDGET = "upload_note"
UPLOAD_COMMIT_WIDGET = "upload_commit"
UPLOAD_MODE_WIDGET = "upload_mode"  # add and correct (the default) or replace whole pairs
# Entering figures in the browser: session keys and widget keys.
ENTER_NONCE_KEY = "enter_nonce"  # bumped after a commit so the grid starts from the new figures
ENTER_FLASH_KEY = "enter_flash"
ENTER_AREA_WIDGET = "enter_area"
ENTER_YEAR_WIDGET = "enter_year"
ENTER_GRID_WIDGET = "enter_grid"  # + area, year, version and nonce
ENTER_SEARCH_WIDGET = "enter_search"  # + the grid's key
ENTER_EDITS_KEY = "enter_edits"  # the grid's key → indicator code → column → text typed so far
ENTER_SHOWN_KEY = "enter_shown"  # (the editor's key, the rows it shows)
ENTER_NOTE_WIDGET = "enter_note"
ENTER_COMMIT_WIDGET = "enter_commit"
# The page that reads figures out of a báo cáo (pages/extract.py).
EXTRACT_NONCE_KEY = "extract_nonce"  # bumped after a commit so the uploader and paste box start empty
EXTRACT_READING_KEY = "extract_reading"  # the document read: its sha256, data version, year, figures
EXTRACT_FLASH_KEY = "extract_flash"
EXTRACT_BULK_KEY = "extract_bulk"  # (accept all or reject all, how many times chosen)
EXTRACT_SOURCE_WIDGET = "extract_source"
EXTRACT_FILE_WIDGET = "extract_file"  # + the nonce
EXTRACT_PASTE_FORM = "extract_paste_form"
EXTRACT_PASTE_WIDGET = "extract_paste"  # + the nonce
EXTRACT_AREA_WIDGET = "extract_area"
EXTRACT_YEAR_WIDGET = "extract_year"
EXTRACT_TABLE_WIDGET = "extract_table"  # + the document, area, year and bulk choice
EXTRACT_ACCEPT_ALL = "extract_accept_all"
EXTRACT_REJECT_ALL = "extract_reject_all"
EXTRACT_NOTE_WIDGET = "extract_note"
EXTRACT_COMMIT_WIDGET = "extract_commit"
EXTRACT_GOALS_WIDGET = "extract_goals"  # + the document: save the stated goals as targets too
HISTORY_PENDING_KEY = "history_pending_rollback"  # the version a rollback waits to be confirmed for
HISTORY_FLASH_KEY = "history_flash"
HISTORY_VIEW_WIDGET = "history_view"
HISTORY_FROM_WIDGET = "history_from"
HISTORY_TO_WIDGET = "history_to"
HISTORY_PAIR_KEY = "history_pair"  # (from, to) to compare on the next run: what a rollback just did
HISTORY_ROLLBACK_WIDGET = "history_rollback_version"
HISTORY_ROLLBACK_BUTTON = "history_rollback"
HISTORY_CONFIRM_BUTTON = "history_rollback_yes"
HISTORY_CANCEL_BUTTON = "history_rollback_no"
# The Báo cáo page: the narrative its fields were filled from (area, period, Narrative), which a
# save must still find in the store, and the widget keys tests find the fields by.
REPORT_TEXT_LOADED_KEY = "report_text_loaded"
REPORT_TEXT_FLASH_KEY = "report_text_flash"
REPORT_TEXT_FORM = "report_text_form"
REPORT_TEXT_SAVE_BUTTON = "report_text_save"
REPORT_TEXT_RELOAD_BUTTON = "report_text_reload"
REPORT_TEXT_YEAR_WIDGET = "report_text_year"  # + the term: the whole term or one of its years
REPORT_TEXT_SECTION_WIDGET = "report_text_section_"  # + the section key
REPORT_TEXT_NUMBER_WIDGET = "report_text_number"
REPORT_TEXT_TITLE_WIDGET = "report_text_signer_title"
REPORT_TEXT_NAME_WIDGET = "report_text_signer_name"
REPORT_TEXT_RECIPIENTS_WIDGET = "report_text_recipients"
GATE_SESSION_KEY = "gate_session"  # this session's name for its allowance of báo cáo and large tables
# The data version a page run shows, pinned by app.py when the run starts (pin_version): the
# header, every chart's source line and every figure then come from that one version, even when an
# import commits a newer one halfway through the run.
VERSION_KEY = "data_version"
# The viewer pages' switch "Hiện số liệu chưa duyệt": off unless the reader turns it on, then kept
# for the session (the widget's own key is dropped on a page that does not draw it).
PENDING_KEY = "show_pending"
PENDING_WIDGET = "show_pending_switch"
# What a signed-in session was in the middle of: dropped with the sign-in when the account goes.
SIGNED_IN_KEYS = (
    UPLOAD_CHECK_KEY,
    UPLOAD_FLASH_KEY,
    EXTRACT_READING_KEY,
    EXTRACT_FLASH_KEY,
    HISTORY_PENDING_KEY,
    HISTORY_FLASH_KEY,
    HISTORY_PAIR_KEY,
    REPORT_TEXT_LOADED_KEY,
    REPORT_TEXT_FLASH_KEY,
)


@st.cache_resource
def store() -> Store:
    """One store (engine and connection pool) per server process."""
    return Store().ensure()


def lang() -> Lang:
    """The reader's language, Vietnamese unless they switched."""
    return "en" if st.session_state.get(LANG_KEY) == "en" else "vi"


def account() -> str:
    """The signed-in account, or "" for an anonymous viewer."""
    return str(st.session_state.get(ACCOUNT_KEY, ""))


# Versions a value of the whole dataset is kept for in the per-version caches: the newest, and the
# one a run begun before a commit still shows. Each is tens to hundreds of megabytes at national
# scale; an older one asked for again is computed again.
VERSIONS_HELD = 2


# One more dataset than that: the history page compares two older versions beside the newest. Each
# is a full copy (hundreds of megabytes at national scale); the newest costs nothing to get back,
# as the store's follower holds it.
@st.cache_resource(max_entries=VERSIONS_HELD + 1, show_spinner=False)
def _dataset_at(url: str, version: int) -> Dataset:
    # Keyed by the version number, not by hashing frames: a new import is a new
    # version, so the next page load reads it without a restart. One copy per version
    # for the whole server: st.cache_data would unpickle a private copy on every run of
    # every session, the largest part of a page's own work (bench/loadgen.py).
    # A newer version is reached from the newest one held by the rows the versions between
    # changed (indicators/store/incremental.py): a commune's 40 figures, not every row again.
    data = incremental.follower(url).dataset(version)
    release_freed_memory()
    return data


def warm() -> int:
    """Read the newest version before the first viewer asks (serve.py, before it reports healthy)."""
    s = store()
    v = s.current_version()
    _dataset_at(s.url, v)
    return v


def release_freed_memory() -> None:
    """Give the heap a read freed back to the system: glibc keeps it otherwise, for good.

    Reading the national figures frees about as much as the frames hold (bench/areas.py measures
    the server's memory); on a C library without malloc_trim there is nothing to do.
    """
    name = ctypes.util.find_library("c")
    trim = getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    if trim is not None:
        trim(0)


def readers_copy(data: Dataset) -> Dataset:
    """Shallow copies of a shared dataset's frames: a page that changes one changes its own.

    pandas copies on write, so this costs no data copy until someone writes.
    """
    return dataclasses.replace(data, **{t.name: data.frame(t).copy(deep=False) for t in TABLES})


def pin_version() -> None:
    """Pin the newest version for this run (app.py, before the page): everything the run shows reads it.

    A store that cannot be read pins nothing; the page's own read then says why in a sentence.
    """
    try:
        st.session_state[VERSION_KEY] = store().current_version()
    except StoreError:
        st.session_state.pop(VERSION_KEY, None)


def version() -> int:
    """The version this run shows: the one pinned at its start, else (a page run alone) the newest."""
    pinned = st.session_state.get(VERSION_KEY)
    return int(pinned) if pinned is not None else store().current_version()


def dataset() -> Dataset:
    """The data of this run's version (see pin_version), read once per version and shared by every session."""
    s = store()
    return readers_copy(_dataset_at(s.url, version()))


def dataset_at(version: int) -> Dataset:
    """The data of an older version (history page), cached the same way."""
    return readers_copy(_dataset_at(store().url, version))
