"""The entry point: page setup, the language switch and the navigation; every page lives in pages/."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import auth, domain_pages, page_language, state, widgets
from indicators.store.accounts import Role
from indicators.text.i18n import t

# No page_title: the browser tab shows the current page's title, in the reader's language.
st.set_page_config(page_icon=":material/monitoring:", layout="wide")
# Rules the theme cannot express (a wide table's phone form); see the file.
st.html(Path(__file__).parent / "dashboard" / "style.css")
auth.resolve()  # who is signed in: from the session cookie, on every run
auth.clear_cookie_after_sign_out()
# Language and account at the top right of the page, where people look for them; no sidebar, so
# the figures get the screen's width.
with st.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center", key="top_bar"):
    lang = widgets.language_switch()
    auth.account_box(lang)
    # <html lang> and Streamlit's own texts (the skip link, the uploader) follow the switch.
    page_language.apply(lang)
_, role = auth.current()


def sign_in() -> None:
    """The sign-in page: also what a viewer gets at the address of a page that changes data."""
    auth.sign_in_form(lang)


if role is None and auth.viewing_requires_sign_in():
    st.navigation(
        [
            st.Page(
                lambda: auth.sign_in_form(lang, "auth.intro_viewing"),
                title=t("page.signin", lang),
                icon=":material/login:",
                url_path="dang-nhap",
            )
        ]
    ).run()
    st.stop()

# Built on every run so titles follow the language; url paths stay the same in both.
summary = [
    st.Page(
        "pages/overview.py",
        title=t("page.overview", lang),
        icon=":material/dashboard:",
        default=True,
    ),
    st.Page("pages/goals.py", title=t("page.goals", lang), icon=":material/flag:", url_path="muc-tieu-2025"),
    st.Page(
        "pages/year.py", title=t("page.year", lang), icon=":material/event_note:", url_path="danh-gia-nam"
    ),
    st.Page(
        "pages/commendations.py",
        title=t("page.commendations", lang),
        icon=":material/military_tech:",
        url_path="thi-dua-khen-thuong",
    ),
    st.Page(
        "pages/awards.py",
        title=t("awards.page.title", lang),
        icon=":material/workspace_premium:",
        url_path="so-khen-thuong",
    ),
    st.Page(
        "pages/detail.py", title=t("page.detail", lang), icon=":material/query_stats:", url_path="chi-tieu"
    ),
    st.Page(
        "pages/compare.py",
        title=t("page.compare", lang),
        icon=":material/compare_arrows:",
        url_path="so-sanh-dia-ban",
    ),
    # For every reader: analysts and admins write the office's sections here, others read them.
    st.Page(
        "pages/report_text.py",
        title=t("page.report_text", lang),
        icon=":material/description:",
        url_path="bao-cao",
    ),
]
# The eight domain pages are one function drawn from a table, each at its old address.
domains = domain_pages.nav_pages(lang)
# Pages that change data are built into the navigation only for analysts and admins; for
# everyone else their addresses lead to the sign-in form, and the menu offers only that.
editing = [
    ("pages/upload.py", "page.upload", ":material/upload_file:", "cap-nhat-so-lieu"),
    ("pages/enter.py", "page.enter", ":material/edit_note:", "nhap-so-lieu"),
    ("pages/award_entry.py", "awards.grid.title", ":material/military_tech:", "nhap-khen-thuong"),
    ("pages/extract.py", "extract.page", ":material/document_scanner:", "doc-so-lieu-bao-cao"),
    ("pages/history.py", "page.history", ":material/history:", "lich-su-phien-ban"),
    ("pages/reporting_status.py", "rounds.page_title", ":material/fact_check:", "tinh-hinh-bao-cao"),
    ("pages/rounds_open.py", "rounds.open.title", ":material/event_available:", "mo-ky-bao-cao"),
    ("pages/review.py", "rounds.review_title", ":material/rule:", "duyet-bao-cao"),
]
# A commune reporter sends their area's figures through these, as a submission for review: a workbook,
# the grid, or figures read from a báo cáo; none of them commits anything for a reporter.
sending = {"pages/upload.py", "pages/enter.py", "pages/extract.py"}
if role is not None and role.can_edit():
    data_pages = [
        st.Page(path, title=t(key, lang), icon=icon, url_path=url) for path, key, icon, url in editing
    ]
    if role is Role.ADMIN:
        data_pages.append(
            st.Page(
                "pages/accounts.py",
                title=t("page.accounts", lang),
                icon=":material/manage_accounts:",
                url_path="tai-khoan",
            )
        )
elif role is Role.REPORTER:
    data_pages = [
        st.Page(path, title=t(key, lang), icon=icon, url_path=url)
        if path in sending
        else st.Page(sign_in, title=t("page.signin", lang), url_path=url, visibility="hidden")
        for path, key, icon, url in editing
    ]
else:
    data_pages = [
        st.Page(sign_in, title=t("page.signin", lang), icon=":material/login:", url_path="dang-nhap")
    ]
    data_pages += [
        st.Page(sign_in, title=t("page.signin", lang), url_path=url, visibility="hidden")
        for path, _, _, url in editing
        if path not in {e[0] for e in sending}
    ]
page = st.navigation(
    {
        t("nav.summary", lang): summary,
        t("nav.domains", lang): domains,
        t(
            "nav.data" if role is not None and (role.can_edit() or role.can_submit()) else "nav.account", lang
        ): (data_pages),
    },
    # Sections as menus across the top: every page one click away, the page itself drawn sooner
    # than under a sidebar list of fourteen links; a phone gets them in its menu.
    position="top",
)
# One data version for the whole run, whatever an import commits while the page draws.
state.pin_version()
try:
    page.run()
finally:
    # Last, so its empty element sits under the page: the menu closes after a page is tapped on
    # any narrow screen (see the file). Also after a page that stops early.
    st.html(
        f"<script>{(Path(__file__).parent / 'dashboard' / 'phone_menu.js').read_text()}</script>",
        unsafe_allow_javascript=True,
    )
