"""AppTest of the upload and history pages: report, preview, commit, versions, compare, rollback."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import state
from indicators.core.model import Dataset
from indicators.excel import workbook as excel
from indicators.excel import writer as xlsx_writer
from indicators.store.database import Store
from indicators.text.i18n import t
from tests.support import sessions

PAGES = Path(__file__).resolve().parents[1] / "pages"


# Every test here works on its own store (created first), with caches cleared around it.
pytestmark = pytest.mark.usefixtures("store", "fresh_caches")


def page(name: str, lang: str = "vi", account: str = "thu.nguyen", role: str = "analyst") -> AppTest:
    at = AppTest.from_file(str(PAGES / name), default_timeout=60)
    at.session_state[state.LANG_KEY] = lang
    if account:
        sessions.sign_in(at, account, role)
    return at.run()


def workbook(seed_data: Dataset, value: object = None) -> bytes:
    data = xlsx_writer.workbook_bytes(seed_data)
    if value is None:
        return data
    obs = seed_data.observations
    row = int(obs.index[(obs["code"] == "GTSX") & (obs["kind"] == "estimate")][0]) + 2
    book = openpyxl.load_workbook(io.BytesIO(data))
    book["SoLieu"][f"F{row}"] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    nonce = at.session_state[state.UPLOAD_NONCE_KEY]
    at.file_uploader(key=f"{state.UPLOAD_FILE_WIDGET}_{nonce}").set_value((name, data, excel.XLSX_MIME))
    return at.run()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_upload_page_runs_in_both_languages(lang: str) -> None:
    at = page("upload.py", lang)
    assert not at.exception
    assert at.title[0].value == ("Cập nhật số liệu" if lang == "vi" else "Update figures")
    assert len(at.get("download_button")) == 1  # the template


def test_uploading_the_template_says_nothing_changes(store: Store, seed_data: Dataset) -> None:
    at = upload(page("upload.py"), "mau.xlsx", workbook(seed_data))
    assert not at.exception
    assert [i.value for i in at.info] == [
        "Không có thay đổi: số liệu trong tệp giống hệt phiên bản hiện tại (1). Không có gì để ghi."
    ]
    assert not [b for b in at.button if b.key == state.UPLOAD_COMMIT_WIDGET]
    assert store.current_version() == 1


def test_a_bad_file_shows_the_report_and_changes_nothing(store: Store, seed_data: Dataset) -> None:
    at = upload(page("upload.py", "en"), "xau.xlsx", workbook(seed_data, "đang cập nhật"))
    assert not at.exception
    assert "1 errors" in at.error[0].value
    report = at.dataframe[0].value
    assert list(report.columns) == ["Severity", "Sheet", "Cells", "Count", "Column", "Value", "Message"]
    assert report.iloc[0][["Sheet", "Count", "Value"]].tolist() == ["SoLieu", 1, "“đang cập nhật”"]
    assert report.iloc[0]["Cells"].startswith("F")
    cells = report.iloc[0]["Cells"]
    assert report.iloc[0]["Message"] == (
        f"Cell SoLieu!{cells} holds “đang cập nhật”, which is not a number. Write a number such as 2.503,3"
        " (a dot between thousands, a comma before the decimals); leave the row out when there is no figure."
    )
    assert len(at.get("download_button")) == 2  # the template and the report
    assert store.current_version() == 1


def test_identical_problems_are_one_line_of_the_report(store: Store, seed_data: Dataset) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook(seed_data)))
    for year in range(2000, 2040):
        # The province: an area in force every one of these years (the district ended in 2025).
        book["SoLieu"].append(["KHONG_CO", "12", year, "actual", None, 1.5])
    out = io.BytesIO()
    book.save(out)
    at = upload(page("upload.py"), "bon-muoi.xlsx", out.getvalue())
    assert not at.exception
    first = len(seed_data.observations) + 2
    report = at.dataframe[0].value
    assert report[["Các ô", "Số lần", "Giá trị"]].values.tolist() == [
        [f"A{first}:A{first + 39}", 40, "“KHONG_CO”"]
    ]
    assert "40 vấn đề, gộp thành 1 dòng" in at.caption[-1].value
    assert store.current_version() == 1


def test_preview_then_commit_makes_a_version_and_clears_the_uploader(
    store: Store, seed_data: Dataset
) -> None:
    at = upload(page("upload.py"), "sua.xlsx", workbook(seed_data, "2.650,5"))
    assert not at.exception
    assert [m.value for m in at.metric] == ["0", "1", "0"]  # new, changed, removed
    conversions = at.dataframe[0].value
    assert (
        conversions.iloc[0]["Chữ trong ô"] == "2.650,5" and conversions.iloc[0]["Đọc thành số"] == "2.650,5"
    )
    # First the figure overwritten, named with its area; the counts; then every change in detail.
    named = at.dataframe[1].value
    assert named.iloc[0].tolist() == [
        "Tổng giá trị sản xuất",
        "Huyện Tam Đường (106)",
        "2020",
        "Ước thực hiện",
        "sửa",
        "2.503,3 → 2.650,5",
    ]
    detail = at.dataframe[3].value
    assert detail.iloc[0][["Thay đổi", "Cũ", "Mới"]].tolist() == ["sửa", "2.503,3", "2.650,5"]
    assert store.current_version() == 1  # nothing written before the click

    at.text_area(key=state.UPLOAD_NOTE_WIDGET).input("Số liệu chính thức 2020")
    # The overwritten figure is named first and confirmed before the commit.
    (confirm,) = at.checkbox
    confirm.check()
    at.button(key=state.UPLOAD_COMMIT_WIDGET).click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Đã ghi phiên bản 2: 0 dòng mới, 1 dòng sửa, 0 dòng gỡ."]
    assert at.session_state[state.UPLOAD_NONCE_KEY] == 1
    assert at.file_uploader(key=f"{state.UPLOAD_FILE_WIDGET}_1").value is None
    last = store.versions().iloc[-1]
    assert last[["version", "account", "file_name", "note"]].tolist() == [
        2,
        "thu.nguyen",
        "sua.xlsx",
        "Số liệu chính thức 2020",
    ]
    # Other pages read the new figures at once: the cached dataset is keyed by version.
    assert state.dataset().version == 2


@pytest.mark.parametrize("name", ["upload.py", "history.py"])
@pytest.mark.parametrize(("account", "role"), [("", ""), ("khach", "viewer")])
def test_pages_that_change_data_show_the_sign_in_form_instead(
    store: Store, name: str, account: str, role: str
) -> None:
    at = page(name, account=account, role=role)
    assert not at.exception
    assert [title.value for title in at.title] == ["Đăng nhập"]
    assert at.text_input[0].label == "Tên tài khoản" and at.text_input[1].label == "Mật khẩu"
    assert not at.file_uploader  # nothing of the page itself is drawn
    assert [b.label for b in at.button] == ["Đăng nhập"]
    if role == "viewer":
        assert "chỉ có quyền xem" in at.info[0].value


def test_a_commit_after_someone_else_committed_is_recomputed_first(store: Store, seed_data: Dataset) -> None:
    at = upload(page("upload.py"), "sua.xlsx", workbook(seed_data, 2700))
    at.checkbox[0].check()  # the overwritten figure confirmed
    store.rollback(1, account="other")  # no change: version stays 1
    store.commit(
        Dataset.from_frames(
            {
                **{
                    k: getattr(seed_data, k)
                    for k in ("indicators", "targets", "reported", "areas", "area_links")
                },
                "observations": seed_data.observations.iloc[1:],
            }
        ),
        "other",
    )
    at.button(key=state.UPLOAD_COMMIT_WIDGET).click().run()
    assert not at.exception
    assert "phiên bản 2" in at.warning[0].value
    assert store.current_version() == 2  # the preview changed under the click: nothing written
    # The recomputed list is another list, confirmed again; the file (made from version 1) adds back
    # the row the other analyst removed, a figure of its own to confirm.
    assert [c.label.split(":")[0] for c in at.checkbox] == [
        "Ghi đè số liệu đã sửa sau khi lập tệp",
        "Tôi đã xem và đồng ý sửa hoặc gỡ 2 số liệu nêu trên.",
    ]
    for box in at.checkbox:
        box.check()
    at.button(key=state.UPLOAD_COMMIT_WIDGET).click().run()
    # Recomputed against version 2: the row the other analyst removed is in the file, so it comes back.
    assert [s.value for s in at.success] == ["Đã ghi phiên bản 3: 1 dòng mới, 1 dòng sửa, 0 dòng gỡ."]
    assert len(store.load().observations) == len(seed_data.observations)


def test_history_lists_versions_compares_and_rolls_back_after_confirmation(
    store: Store, seed_data: Dataset
) -> None:
    edited = seed_data.observations.copy()
    edited.loc[(edited["code"] == "GTSX") & (edited["kind"] == "estimate"), "value"] = 2700.0
    store.commit(
        Dataset.from_frames(
            {
                **{
                    k: getattr(seed_data, k)
                    for k in ("indicators", "targets", "reported", "areas", "area_links")
                },
                "observations": edited,
            }
        ),
        "thu",
        "sua.xlsx",
        "ab" * 32,
        "sửa GTSX",
    )
    at = page("history.py")
    assert not at.exception
    versions = at.dataframe[0].value
    assert versions["Phiên bản"].tolist() == [2, 1]
    assert versions.iloc[0][["Tài khoản", "Tệp", "Ghi chú", "sha256"]].tolist() == [
        "thu",
        "sua.xlsx",
        "sửa GTSX",
        "ab" * 6,
    ]
    assert [m.value for m in at.metric] == ["0", "1", "0"]  # version 1 → 2 compared by default
    assert at.dataframe[3].value.iloc[0][["Cũ", "Mới"]].tolist() == ["2.503,3", "2.700"]

    at.selectbox(key=state.HISTORY_VIEW_WIDGET).select(1).run()
    figures = at.dataframe[1].value
    # The kind in words, as the reader says it, never its code ("estimate").
    assert set(figures["Loại số liệu"]) >= {"Ước thực hiện", "Thực hiện"}
    assert not {"actual", "estimate"} & set(figures["Loại số liệu"])
    gtsx = (figures["Mã chỉ tiêu"] == "GTSX") & (figures["Loại số liệu"] == "Ước thực hiện")
    assert figures.loc[gtsx, "Giá trị"].tolist() == ["2.503,3"]

    at.button(key=state.HISTORY_ROLLBACK_BUTTON).click().run()
    assert "phiên bản 1" in at.warning[0].value
    assert store.current_version() == 2  # asked, not done
    at.button(key=state.HISTORY_CANCEL_BUTTON).click().run()
    assert store.current_version() == 2 and not at.warning

    at.button(key=state.HISTORY_ROLLBACK_BUTTON).click().run()
    at.button(key=state.HISTORY_CONFIRM_BUTTON).click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Đã khôi phục phiên bản 1 thành phiên bản mới 3."]
    assert store.current_version() == 3
    assert store.load().observations.query("code == 'GTSX' and kind == 'estimate'")["value"].tolist() == [
        2503.3
    ]
    assert at.dataframe[0].value["Phiên bản"].tolist() == [3, 2, 1]


def test_history_with_a_single_version(store: Store) -> None:
    at = page("history.py", "en")
    assert not at.exception
    assert [i.value for i in at.info] == ["The store holds a single version so far."]


def dialogs(at: AppTest) -> list[Any]:  # AppTest's blocks are untyped
    """The open dialogs of a page: AppTest keeps them outside at.main, in a tree it has no public view of."""

    def walk(node: Any) -> list[Any]:
        found = []
        for child in getattr(node, "children", {}).values():
            found += [child] if getattr(child, "type", "") == "dialog" else []
            found += walk(child)
        return found

    return walk(at._tree)


def test_a_rollback_asks_in_a_dialog_and_writes_nothing_until_confirmed(
    store: Store, seed_data: Dataset
) -> None:
    edited = seed_data.observations.copy()
    gtsx = (edited["code"] == "GTSX") & (edited["kind"] == "estimate")
    edited.loc[gtsx, "value"] = 2700.0
    frames = {k: getattr(seed_data, k) for k in ("indicators", "targets", "reported", "areas", "area_links")}
    store.commit(Dataset.from_frames({**frames, "observations": edited}), account="thu")
    at = page("history.py")
    assert dialogs(at) == []

    at.button(key=state.HISTORY_ROLLBACK_BUTTON).click().run()
    (dialog,) = dialogs(at)
    assert dialog.proto.dialog.title == t("history.rollback_title", "vi")
    assert [w.value for w in dialog.warning] == [
        t("history.rollback_confirm", "vi").format(v=1)
        + " So với phiên bản hiện tại (2): thêm 0, sửa 1 và gỡ 0 dòng số liệu."
    ]
    assert not at.main.warning  # over the page, not in it
    assert {b.key for b in dialog.button} == {state.HISTORY_CONFIRM_BUTTON, state.HISTORY_CANCEL_BUTTON}
    assert store.current_version() == 2  # asked, not done
    # Another choice on the page runs it again: the question is still open, still nothing written.
    at.selectbox(key=state.HISTORY_VIEW_WIDGET).select(1).run()
    assert len(dialogs(at)) == 1 and store.current_version() == 2

    at.button(key=state.HISTORY_CANCEL_BUTTON).click().run()
    assert dialogs(at) == [] and store.current_version() == 2
    assert state.HISTORY_PENDING_KEY not in at.session_state

    at.button(key=state.HISTORY_ROLLBACK_BUTTON).click().run()
    at.button(key=state.HISTORY_CONFIRM_BUTTON).click().run()
    assert not at.exception and dialogs(at) == []
    assert store.current_version() == 3
    assert store.load().observations.query("code == 'GTSX' and kind == 'estimate'")["value"].tolist() == [
        2503.3
    ]  # version 1's figure again


def test_a_rollback_says_what_it_will_remove_and_then_shows_what_it_did(
    store: Store, seed_data: Dataset
) -> None:
    """Ten figures added in version 2: rolling back to 1 says it removes ten, and the comparison shown at
    once is 2 → 3 with ten removed (not the pair compared before, until a reload)."""
    obs = seed_data.observations
    added = obs[obs["code"] == "GTSX"].head(1)
    added = pd.concat([added.assign(year=2021 + i, kind="actual") for i in range(10)], ignore_index=True)
    frames = {k: getattr(seed_data, k) for k in ("indicators", "targets", "reported", "areas", "area_links")}
    store.commit(Dataset.from_frames({**frames, "observations": pd.concat([obs, added])}), account="thu")
    at = page("history.py")
    assert [m.value for m in at.metric] == ["10", "0", "0"]  # 1 → 2
    at.button(key=state.HISTORY_ROLLBACK_BUTTON).click().run()
    (dialog,) = dialogs(at)
    assert dialog.warning[0].value.endswith(
        "So với phiên bản hiện tại (2): thêm 0, sửa 0 và gỡ 10 dòng số liệu."
    )
    at.button(key=state.HISTORY_CONFIRM_BUTTON).click().run()
    assert not at.exception and store.current_version() == 3
    assert [s.value for s in at.success] == ["Đã khôi phục phiên bản 1 thành phiên bản mới 3."]
    # What the rollback did, in the same run's page: version 2 → 3, ten removed.
    assert (
        at.selectbox(key=state.HISTORY_FROM_WIDGET).value,
        at.selectbox(key=state.HISTORY_TO_WIDGET).value,
    ) == (
        2,
        3,
    )
    assert [m.value for m in at.metric] == ["0", "0", "10"]
    assert not at.warning  # no warning from Streamlit about a widget's default and its session value
    # Another choice of pair is the reader's again.
    at.selectbox(key=state.HISTORY_FROM_WIDGET).set_value(1).run()
    assert not at.metric and t("history.same", "vi") in [i.value for i in at.info]  # 1 → 3: the same
