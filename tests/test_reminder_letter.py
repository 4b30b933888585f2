"""The reminder letter (công văn đôn đốc): exactly the areas that have not sent, with their counts."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pandas as pd
import pytest

from indicators.__main__ import main
from indicators.areas import hierarchy
from indicators.core.model import OBSERVATIONS, coerce
from indicators.excel import validate
from indicators.excel import writer as xlsx_writer
from indicators.rounds import review, workflow
from indicators.store import accounts
from indicators.store.database import Store
from tests.support.prepared import PreparedStores
from tests.test_awards_letter import SOFTWARE_WORDS, lines_of

PASSWORD = "mat-khau-rat-dai-2026!"
BINH_LU, TA_LENG = "03390", "03405"
CODES = ("TEA_AREA", "POV_RATE")


@pytest.fixture
def sent_round(store_url: str, prepared_stores: PreparedStores, monkeypatch: pytest.MonkeyPatch) -> Store:
    """The seeded store after `send_the_round`: set up once a session, each test's own copy."""
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    return prepared_stores.store(store_url, send_the_round)


def send_the_round(store: Store) -> None:
    """A round under province 12 in which Bình Lư has sent (and been approved) and Tả Lèng has sent."""
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    for name, area in (("binhlu", BINH_LU), ("taleng", TA_LENG)):
        accounts.add_user(store, name, "reporter", PASSWORD, area=area)
    workflow.open_round(store, "tinh", 2026, "12", ",".join(CODES), date(2026, 12, 14))
    for name, area in (("binhlu", BINH_LU), ("taleng", TA_LENG)):
        data = store.load()
        rows = pd.DataFrame(
            [{"code": "TEA_AREA", "area": area, "year": 2026, "kind": "actual", "value": 9.5}]
        )
        sent = replace(
            data,
            observations=coerce(OBSERVATIONS, rows),
            targets=data.targets.iloc[0:0],
            reported=data.reported.iloc[0:0],
        )
        upload = validate.check(xlsx_writer.workbook_bytes(sent), "xa.xlsx", data)
        assert upload.ok, validate.report_text(upload)
        workflow.submit(store, name, upload, now=datetime(2026, 12, 10, 3, tzinfo=UTC))
    review.review(store, "tinh", BINH_LU, 2026, "approve")


def text_of(path: Path) -> tuple[list[str], list[list[str]]]:
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    tables = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    return paragraphs, tables


def test_the_letter_names_exactly_the_areas_not_sent_with_their_counts(
    sent_round: Store, tmp_path: Path
) -> None:
    out = tmp_path / "don_doc.docx"
    argv = ["round", "letter", "--year", "2026", "--parent", "12", "--today", "2026-12-20", "--out", str(out)]
    assert main(argv) == 0
    paragraphs, tables = text_of(out)
    status = review.round_status(sent_round, 2026, "12", date(2026, 12, 20))
    missing = status[status["state"] == "not_sent"]
    assert BINH_LU not in set(missing["code"]) and TA_LENG not in set(missing["code"])
    assert len(missing) == len(status) - 2 and len(missing) > 0
    # A row per area not sent, in the status order: name, code, 2 figures due, 0 received, 6 days late.
    listed = [row for row in tables if len(row) == 7 and row[2] in set(status["code"])]
    assert [row[2] for row in listed] == missing["code"].tolist()
    assert [row[1] for row in listed] == [hierarchy.name_in(n, "vi") for n in missing["name"]]
    assert {tuple(row[3:]) for row in listed} == {("2", "0", "6", "chưa gửi")}
    assert [row[0] for row in listed] == [str(i) for i in range(1, len(missing) + 1)]
    said = next(p for p in paragraphs if p.startswith("Tính đến ngày 20/12/2026"))
    assert f"{len(missing)}/{len(status)} địa bàn chưa gửi báo cáo" in said
    assert f"với {2 * len(missing)} số liệu" in said
    assert "V/v đôn đốc gửi báo cáo số liệu chỉ tiêu năm 2026" in paragraphs
    assert any("hạn gửi ngày 14/12/2026" in p and "gồm 2 chỉ tiêu" in p for p in paragraphs)
    # What the office decides stays blank: the number, the addressee, the new deadline, the signer.
    everything = "\n".join([*paragraphs, *(c for row in tables for c in row)])
    assert "Số:        /UBND-VP" in everything
    assert "Kính gửi: ………" in everything
    assert "trước ngày ……" in everything


@pytest.mark.office  # LibreOffice prints the PDF
def test_the_english_letter_and_the_pdf(sent_round: Store, tmp_path: Path) -> None:
    out = tmp_path / "reminder.pdf"
    argv = ["round", "letter", "--year", "2026", "--parent", "12", "--lang", "en", "--out", str(out)]
    assert main([*argv, "--today", "2026-12-20"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "have not sent their figures" in text and "Tả Lèng" not in text


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--year", "2026", "--parent", "12", "--out", "x.txt"], ".docx"),
        (["--year", "2031", "--parent", "12", "--out", "x.docx"], "2031"),
        (["--year", "2026", "--parent", "12", "--out", "x.docx", "--today", "hôm qua"], "hôm qua"),
    ],
)
def test_a_bad_request_says_why_and_writes_nothing(
    sent_round: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    words: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["round", "letter", *argv]) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert list(tmp_path.glob("x.*")) == []


REMINDER_LINES = {
    "vi": [
        "BC Issuer: ỦY BAN NHÂN DÂN / BC Issuer: TỈNH LAI CHÂU | BC Nation: CỘNG HÒA XÃ HỘI CHỦ NGHĨA"
        " VIỆT NAM / BC Motto: Độc lập - Tự do - Hạnh phúc",
        "BC Number: Số:        /UBND-VP | BC Place: Lai Châu, ngày      tháng      năm 20    ",
        "BC Title: V/v đôn đốc gửi báo cáo số liệu chỉ tiêu năm 2026",
        "BC Body: Kính gửi: ……………………………………",
        "BC Body: Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24 tháng 01 năm 2019 của Chính phủ quy định chế độ"
        " báo cáo của cơ quan hành chính nhà nước;",
        "BC Body: Ủy ban nhân dân tỉnh Lai Châu đã mở kỳ báo cáo số liệu năm 2026 gồm 2 chỉ tiêu,"
        " hạn gửi ngày 14/12/2026.",
        "BC Body: Tính đến ngày 20/12/2026, 36/38 địa bàn chưa gửi báo cáo, với 72 số liệu phải gửi"
        " (danh sách kèm theo).",
        "BC Body: Ủy ban nhân dân tỉnh Lai Châu đề nghị các địa bàn có tên trong danh sách khẩn trương gửi đủ"
        " số liệu trước ngày …………… để tổng hợp theo quy định.",
        "BC Closing: Đề nghị các địa bàn nghiêm túc thực hiện./.",
        "BC Recipients Title: Nơi nhận: / BC Recipients: - Như trên; / BC Recipients: - Lưu: VT."
        " | BC Signer: TM. ỦY BAN NHÂN DÂN / BC Signer: CHỦ TỊCH",
        "BC Title: DANH SÁCH",
        "BC Title: CÁC ĐỊA BÀN CHƯA GỬI BÁO CÁO SỐ LIỆU NĂM 2026",
        "BC Caption: Tính đến ngày 20/12/2026.",
        "BC Table Head: STT | BC Table Head: Địa bàn | BC Table Head: Mã | BC Table Head: Số liệu phải gửi"
        " | BC Table Head: Đã nhận | BC Table Head: Số ngày trễ hạn | BC Table Head: Tình trạng",
        "BC Table: 1 | BC Table: Phường Đoàn Kết | BC Table: 03388 | BC Table Number: 2 | BC Table Number: 0"
        " | BC Table Number: 6 | BC Table: chưa gửi",
    ],
    "en": [
        "BC Issuer: PEOPLE'S COMMITTEE / BC Issuer: OF LAI CHÂU PROVINCE | BC Nation: SOCIALIST REPUBLIC OF"
        " VIET NAM / BC Motto: Independence - Freedom - Happiness",
        "BC Number: No.:        /UBND-VP | BC Place: Lai Châu, day      month      year 20    ",
        "BC Title: On sending the indicator figures of 2026: a reminder",
        "BC Body: To: ……………………………………",
        "BC Body: Pursuant to the Government's Decree No. 09/2019/ND-CP of 24 January 2019 on the reporting"
        " regime of state administrative agencies;",
        "BC Body: The People's Committee of Lai Châu province opened the round of figures for 2026,"
        " 2 indicators, due on 2026-12-14.",
        "BC Body: As of 2026-12-20, 36 of 38 areas have not sent their figures, 72 figures in all"
        " (list attached).",
        "BC Body: The People's Committee of Lai Châu province asks the areas named in the list to send all"
        " their figures before …………… so that they can be compiled as the rules require.",
        "BC Closing: The areas are asked to act on this./.",
        "BC Recipients Title: Recipients: / BC Recipients: - As above; / BC Recipients: - Archive: office."
        " | BC Signer: ON BEHALF OF THE PEOPLE'S COMMITTEE / BC Signer: CHAIRPERSON",
        "BC Title: LIST",
        "BC Title: AREAS THAT HAVE NOT SENT THEIR FIGURES FOR 2026",
        "BC Caption: As of 2026-12-20.",
        "BC Table Head: No. | BC Table Head: Area | BC Table Head: Code | BC Table Head: Figures due"
        " | BC Table Head: Received | BC Table Head: Days late | BC Table Head: State",
        "BC Table: 1 | BC Table: Đoàn Kết ward | BC Table: 03388 | BC Table Number: 2 | BC Table Number: 0"
        " | BC Table Number: 6 | BC Table: not sent",
    ],
}
LAST_ROW = {
    "vi": "BC Table Last: 36 | BC Table Last: Xã Khoen On | BC Table Last: 03640 | BC Table Number Last: 2"
    " | BC Table Number Last: 0 | BC Table Number Last: 6 | BC Table Last: chưa gửi",
    "en": "BC Table Last: 36 | BC Table Last: Khoen On commune | BC Table Last: 03640"
    " | BC Table Number Last: 2 | BC Table Number Last: 0 | BC Table Number Last: 6"
    " | BC Table Last: not sent",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_letter_line_by_line(sent_round: Store, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "don_doc.docx"
    argv = ["round", "letter", "--year", "2026", "--parent", "12", "--today", "2026-12-20", "--lang", lang]
    assert main([*argv, "--out", str(out)]) == 0
    lines = lines_of(out)
    head = REMINDER_LINES[lang]
    # The head and the first area line by line; then the 35 areas after it, the last closing the table.
    assert lines[: len(head)] == head
    assert len(lines) == len(head) + 35 and lines[-1] == LAST_ROW[lang]
    assert not [w for w in SOFTWARE_WORDS if w in "\n".join(lines).lower()]
