"""Cập nhật số liệu: upload a workbook, read every problem, preview the change, commit a new version."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

import streamlit as st

from dashboard import auth, markup, preview_commit, state, submission
from dashboard.cache import per_version
from indicators.core.model import Dataset
from indicators.excel import diff, validate
from indicators.excel import workbook as excel
from indicators.excel import writer as xlsx_writer
from indicators.rounds import sending, workflow
from indicators.store import scope
from indicators.store.database import Store, StoreError
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t

PREVIEW_ROWS = 2000  # rows of detail drawn on the page; the counts always cover everything
KEYS = preview_commit.Keys(
    note=state.UPLOAD_NOTE_WIDGET,
    commit=state.UPLOAD_COMMIT_WIDGET,
    flash=state.UPLOAD_FLASH_KEY,
    nonce=state.UPLOAD_NONCE_KEY,
    checked=state.UPLOAD_CHECK_KEY,
)


@dataclass(frozen=True)
class Checked:
    """One file checked against one version: kept across reruns so a click does not re-read the file."""

    sha256: str
    version: int
    upload: validate.Upload
    mode: diff.Mode
    merged: Dataset | None
    preview: diff.Preview | None
    area: str | None = None  # a reporter's area: checked against its figures only, never committed


def _check(data: bytes, name: str, current: Dataset) -> Checked:
    # A child process: no file can stop the server.
    checked = _merged(validate.check_isolated(data, name, current), current, "add")
    # The next file's child is started once this file's preview is made: its loading then takes
    # nothing from this preview, and it waits ready for the next file.
    validate.start_spare()
    return checked


def _merged(upload: validate.Upload, current: Dataset, mode: diff.Mode) -> Checked:
    """The checked file merged in one mode: another mode re-merges without re-reading the file."""
    if not upload.ok:
        return Checked(upload.sha256, current.version, upload, mode, None, None)
    merged = diff.merge(current, upload, mode)
    return Checked(upload.sha256, current.version, upload, mode, merged, diff.compare(current, merged))


def _mode(lang: Lang) -> diff.Mode:
    """Add and correct only (the default), or replace whole pairs: an explicit choice."""
    mode: diff.Mode = st.radio(
        t("upload.mode", lang),
        diff.MODES,
        format_func=lambda m: t(f"upload.mode_{m}", lang),
        help=t("upload.mode_help", lang),
        key=state.UPLOAD_MODE_WIDGET,
    )
    return mode


@per_version(4, shared=False)
def _template(version: int, area: str | None = None) -> bytes:
    # Keyed by version: the template is the current data, so a commit makes a new one. A reporter's
    # holds their own area, not the national list of areas (sending.template says why).
    data = state.dataset_at(version)
    return xlsx_writer.workbook_bytes(data if area is None else sending.template(data, area))


def _report(upload: validate.Upload, lang: Lang) -> None:
    # Identical problems as one line each (60,000 rows with one unknown code are one line); the
    # download holds every problem, one a row, computed only when asked for.
    grouped = validate.group_frame(upload.problems, lang)
    shown = grouped.rename(columns={c: t(f"xcol.{c}", lang) for c in validate.GROUP_COLUMNS})
    st.subheader(t("upload.report", lang))
    if len(grouped) < len(upload.problems):
        st.caption(
            t("upload.grouped", lang).format(
                groups=fmt.number(len(grouped), lang), n=fmt.number(len(upload.problems), lang)
            )
        )
    st.dataframe(shown, hide_index=True, width="stretch")
    st.download_button(
        t("upload.report_download", lang),
        data=lambda: _full_report(upload, lang),
        file_name=f"bao_cao_kiem_tra_{upload.file_name.rsplit('.', 1)[0]}.xlsx",
        mime=excel.XLSX_MIME,
        icon=":material/download:",
    )


def _full_report(upload: validate.Upload, lang: Lang) -> bytes:
    """Every problem one a row, and the grouped lines on a second sheet."""
    full = validate.report_frame(upload.problems, lang)
    grouped = validate.group_frame(upload.problems, lang)
    return xlsx_writer.frames_bytes(
        {
            "BaoCaoKiemTra": full.rename(columns={c: t(f"xcol.{c}", lang) for c in validate.REPORT_COLUMNS}),
            "TheoNhom": grouped.rename(columns={c: t(f"xcol.{c}", lang) for c in validate.GROUP_COLUMNS}),
        }
    )


def _open(lang: Lang) -> tuple[Store, Dataset]:
    """The store and its newest data; a store that cannot be read gets a sentence and stops the page."""
    try:
        return state.store(), state.dataset()
    except StoreError as exc:
        st.error(exc.text(lang), icon=":material/database:")
        st.stop()


def _uploaded_file(current: Dataset, mode: diff.Mode, lang: Lang, area: str | None) -> tuple[Checked, bool]:
    """The chosen file checked once per file and version; True when it was checked against an older one.

    A reporter's file (`area`) is checked, merged and compared against that area's figures only: the
    rest of the country's cannot change through it, nor need be carried into the checking child.
    """
    nonce = st.session_state.setdefault(state.UPLOAD_NONCE_KEY, 0)
    uploaded = st.file_uploader(
        t("upload.file", lang), type=["xlsx", "xlsm"], key=f"{state.UPLOAD_FILE_WIDGET}_{nonce}"
    )
    if uploaded is None:
        st.stop()
    data = uploaded.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    checked: Checked | None = st.session_state.get(state.UPLOAD_CHECK_KEY)
    # The same file previewed against an older version: someone committed meanwhile.
    moved = checked is not None and checked.sha256 == sha and checked.version != current.version
    if checked is None or checked.sha256 != sha or checked.version != current.version or checked.area != area:
        # A status label is Markdown; the file's name is whatever the person's computer called it.
        shown = markup.md(uploaded.name)
        with st.status(t("upload.checking", lang).format(name=shown), expanded=False) as status:
            against = (
                current if area is None else workflow.scoped(current, scope.descendants(current.areas, area))
            )
            checked = replace(_check(data, uploaded.name, against), area=area)
            status.update(label=t("upload.checked", lang).format(name=shown), state="complete")
        st.session_state[state.UPLOAD_CHECK_KEY] = checked
    if checked.mode != mode:
        # Replacing whole pairs, chosen: the file already checked is merged again, not read again.
        checked = _merged(checked.upload, current, mode)
        st.session_state[state.UPLOAD_CHECK_KEY] = checked
    return checked, moved


def _problems(upload: validate.Upload, lang: Lang) -> None:
    """How many errors and warnings, and the report listing each."""
    if upload.errors:
        st.error(
            t("upload.refused", lang).format(n=fmt.number(len(upload.errors), lang)), icon=":material/block:"
        )
    if upload.warnings:
        st.warning(t("upload.warnings", lang).format(n=fmt.number(len(upload.warnings), lang)))
    if upload.problems:
        _report(upload, lang)


def _conversions(upload: validate.Upload, lang: Lang) -> None:
    """The layout read, and the numbers typed as text with how each was read."""
    st.caption(t(f"upload.layout_{upload.layout}", lang))
    if upload.conversions.empty:
        return
    st.subheader(t("upload.conversions", lang))
    conversions = upload.conversions.assign(value=[fmt.number(v, lang) for v in upload.conversions["value"]])
    labels = {"sheet": "xcol.sheet", "cell": "xcol.cell", "column": "xcol.column"}
    labels |= {"text": "xcol.text", "value": "xcol.number"}
    st.dataframe(
        conversions.rename(columns={c: t(k, lang) for c, k in labels.items()}),
        hide_index=True,
        width="stretch",
    )


def main() -> None:
    """Draw the page."""
    # Read inputs.
    lang = state.lang()
    role = auth.require_sender(lang)  # a viewer who types this address gets the sign-in form
    st.title(t("upload.title", lang))
    st.write(t("upload.intro", lang))
    st.caption(t("upload.rule", lang))
    store, current = _open(lang)
    preview_commit.show_flash(KEYS)
    # A commune reporter sends their area's figures for review: no version is written from here.
    area = sending.own_area(store, auth.current()[0]) if role.can_submit() else None
    if area is not None:
        st.info(t("rounds.reporter_upload", lang).format(area=area), icon=":material/outgoing_mail:")
        submission.standing(store, area, lang)
    st.download_button(
        t("upload.template", lang),
        data=lambda: _template(current.version, area),
        file_name=f"mau_cap_nhat_so_lieu_v{current.version}.xlsx",
        mime=excel.XLSX_MIME,
        icon=":material/download:",
    )

    # Process data: check once per file and version, with progress shown for a large file.
    mode: diff.Mode = "add" if area is not None else _mode(lang)
    checked, moved = _uploaded_file(current, mode, lang, area)
    _problems(checked.upload, lang)
    if not checked.upload.ok or checked.preview is None or checked.merged is None:
        st.stop()
    _conversions(checked.upload, lang)

    # Save outputs: the preview, then one click, one new version (or, for a reporter, one submission).
    if area is not None:
        preview_commit.show_preview(checked.preview, checked.version, lang, PREVIEW_ROWS, checked.merged)
        submission.send(store, checked.upload, KEYS, lang)
    preview_commit.preview_and_commit(
        store,
        checked.version,
        checked.upload,
        checked.merged,
        checked.preview,
        KEYS,
        lang,
        limit=PREVIEW_ROWS,
        moved=moved,
    )


main()
