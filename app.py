"""The entry point: page setup, the language switch and the navigation; every page lives in pages/."""

from __future__ import annotations

import streamlit as st

from dashboard import widgets
from indicators.i18n import t

# No page_title: the browser tab shows the current page's title, in the reader's language.
st.set_page_config(page_icon=":material/monitoring:", layout="wide")
lang = widgets.language_switch()

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
        "pages/commendations.py",
        title=t("page.commendations", lang),
        icon=":material/military_tech:",
        url_path="thi-dua-khen-thuong",
    ),
    st.Page(
        "pages/detail.py", title=t("page.detail", lang), icon=":material/query_stats:", url_path="chi-tieu"
    ),
]
domains = [
    st.Page(
        "pages/domain_economy.py",
        title=t("page.economy", lang),
        icon=":material/payments:",
        url_path="kinh-te",
    ),
    st.Page(
        "pages/domain_society.py",
        title=t("page.society", lang),
        icon=":material/school:",
        url_path="giao-duc-y-te-van-hoa",
    ),
    st.Page(
        "pages/domain_poverty_jobs.py",
        title=t("page.poverty_jobs", lang),
        icon=":material/work:",
        url_path="giam-ngheo-viec-lam",
    ),
    st.Page(
        "pages/domain_defence_security.py",
        title=t("page.defence_security", lang),
        icon=":material/shield:",
        url_path="quoc-phong-an-ninh",
    ),
    st.Page(
        "pages/domain_political_system.py",
        title=t("page.political_system", lang),
        icon=":material/account_balance:",
        url_path="he-thong-chinh-tri",
    ),
    st.Page(
        "pages/domain_new_rural.py",
        title=t("page.new_rural", lang),
        icon=":material/cottage:",
        url_path="nong-thon-moi",
    ),
    st.Page("pages/domain_tea.py", title=t("page.tea", lang), icon=":material/eco:", url_path="cay-che"),
    st.Page(
        "pages/domain_tourism.py",
        title=t("page.tourism", lang),
        icon=":material/landscape:",
        url_path="du-lich",
    ),
]
data_pages = [
    st.Page(
        "pages/upload.py",
        title=t("page.upload", lang),
        icon=":material/upload_file:",
        url_path="cap-nhat-so-lieu",
    ),
    st.Page(
        "pages/history.py",
        title=t("page.history", lang),
        icon=":material/history:",
        url_path="lich-su-phien-ban",
    ),
]
page = st.navigation(
    {t("nav.summary", lang): summary, t("nav.domains", lang): domains, t("nav.data", lang): data_pages},
    # Every page listed: a collapsed list would hide the data pages behind "View more", in English.
    expanded=True,
)
page.run()
