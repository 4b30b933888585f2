"""The submission letter and its list: the báo cáo's template, the law cited, names only with rights."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from indicators.__main__ import main
from indicators.store import accounts, register
from indicators.store.database import Store
from indicators.text.award_words import recipients
from indicators.text.fmt import Lang
from tests.support.prepared import PreparedStores
from tests.test_awards_cli import PASSWORD, proposals


def add_people(store: Store) -> None:
    accounts.add_user(store, "xem", "viewer", PASSWORD)
    accounts.add_user(store, "phantich", "analyst", PASSWORD)


@pytest.fixture
def people(store_url: str, prepared_stores: PreparedStores) -> Store:
    """The seeded store with `add_people`'s accounts: made once a session, each test's own copy."""
    return prepared_stores.store(store_url, add_people)


def rows() -> list[list[object]]:
    return [
        [2025, "Lao động tiên tiến", "cá nhân", "Lò Văn D", "Trường TH Bình Lư", "03390"],
        [2025, "Lao động tiên tiến", "cá nhân", "Tẩn Thị E", "Trường TH Bình Lư", "03390"],
        [2025, "Tập thể lao động tiên tiến", "tập thể", "Trường TH Bình Lư", "", "03390"],
        [2025, "Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "Lò Văn D", "Trường TH Bình Lư", "03390"],
    ]


def text_of(path: Path) -> tuple[list[str], list[list[str]]]:
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    tables = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    return paragraphs, tables


def test_the_letter_cites_the_law_counts_and_lists(people: Store, tmp_path: Path) -> None:
    out = tmp_path / "to_trinh.docx"
    argv = ["awards", "letter", proposals(tmp_path, rows()), "--area", "03390", "--year", "2025"]
    assert main([*argv, "--user", "phantich", "--format", "docx", "--out", str(out)]) == 0
    paragraphs, tables = text_of(out)
    assert "TỜ TRÌNH" in paragraphs
    assert "Về việc đề nghị khen thưởng thành tích năm 2025" in paragraphs
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;" in paragraphs
    asked = next(p for p in paragraphs if "kính trình" in p and "gồm" in p)
    assert asked.startswith("Ủy ban nhân dân xã Bình Lư kính trình") and "3 cá nhân, 1 tập thể" in asked
    # Highest award first, as the catalogue ranks them.
    tally = [p for p in paragraphs if p.startswith("- ")]
    assert tally == [
        "- Bằng khen của Chủ tịch UBND tỉnh: 1 cá nhân;",
        "- Tập thể lao động tiên tiến: 1 tập thể;",
        "- Lao động tiên tiến: 2 cá nhân.",
    ]
    assert ["1", "Lò Văn D", "Trường TH Bình Lư", "2025", "cá nhân", "03390", "Lao động tiên tiến"] in tables
    assert ["3", "Trường TH Bình Lư", "", "2025", "tập thể", "03390", "Tập thể lao động tiên tiến"] in tables
    # Nothing the office decides is made up: the number, the addressee and the signer stay blank.
    assert "Số:        /TTr-UBND" in "\n".join(c for row in tables for c in row)
    assert register.exports(people)[["account", "rows"]].values.tolist() == [["phantich", 4]]


@pytest.mark.parametrize("user", ["xem", "khong_co_ai"])
def test_no_letter_without_rights(
    people: Store, tmp_path: Path, user: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "to_trinh.docx"
    argv = ["awards", "letter", proposals(tmp_path, rows()), "--area", "03390", "--year", "2025"]
    assert main([*argv, "--user", user, "--format", "docx", "--out", str(out)]) == 2
    assert not out.exists() and register.exports(people).empty
    assert "không được xem tên" in capsys.readouterr().err


@pytest.mark.office
def test_the_letter_as_pdf(people: Store, tmp_path: Path) -> None:
    out = tmp_path / "to_trinh.pdf"
    argv = ["awards", "letter", proposals(tmp_path, rows()), "--area", "03390", "--year", "2025"]
    assert main([*argv, "--user", "phantich", "--format", "pdf", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    shown = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "TỜ TRÌNH" in shown and "Tẩn Thị E" in shown


def _styled(paragraph: Paragraph) -> str:
    return f"{paragraph.style.name if paragraph.style is not None else ''}: {paragraph.text}"


def lines_of(path: Path) -> list[str]:
    """The document as a reader meets it, each paragraph with its style: a table row on one line."""
    document = docx.Document(str(path))
    body = document._body
    lines = []
    for child in body._element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p" and (paragraph := Paragraph(child, body)).text.strip():
            lines.append(_styled(paragraph))
        elif tag == "tbl":
            lines.extend(
                " | ".join(
                    " / ".join(_styled(p) for p in cell.paragraphs if p.text.strip()) for cell in row.cells
                )
                for row in Table(child, body).rows
            )
    return lines


# Nothing a signer puts a name to speaks of the software that wrote it.
SOFTWARE_WORDS = ("phần mềm", "hệ thống", "cơ sở dữ liệu", "software", "system", "database", "dashboard")

LETTER_LINES = {
    "vi": [
        "BC Issuer: ỦY BAN NHÂN DÂN / BC Issuer: XÃ BÌNH LƯ | BC Nation: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        " / BC Motto: Độc lập - Tự do - Hạnh phúc",
        "BC Number: Số:        /TTr-UBND | BC Place: Bình Lư, ngày      tháng      năm 20    ",
        "BC Title: TỜ TRÌNH",
        "BC Title: Về việc đề nghị khen thưởng thành tích năm 2025",
        "BC Body: Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
        "BC Body: Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết"
        " thi hành một số điều của Luật Thi đua, khen thưởng;",
        "BC Lead: Ủy ban nhân dân xã Bình Lư kính trình ………………… xem xét, khen thưởng cho 3 cá nhân, 1 tập thể"
        " có thành tích năm 2025, gồm:",
        "BC Body: - Bằng khen của Chủ tịch UBND tỉnh: 1 cá nhân;",
        "BC Body: - Tập thể lao động tiên tiến: 1 tập thể;",
        "BC Body: - Lao động tiên tiến: 2 cá nhân.",
        "BC Body: (Có danh sách kèm theo).",
        "BC Closing: Kính trình ………………… xem xét, quyết định./.",
        "BC Recipients Title: Nơi nhận: / BC Recipients: - Như trên; / BC Recipients: - Lưu: VT."
        " | BC Signer: TM. ỦY BAN NHÂN DÂN / BC Signer: CHỦ TỊCH",
        "BC Title: DANH SÁCH",
        "BC Title: Đề nghị khen thưởng thành tích năm 2025",
        "BC Caption: (Kèm theo Tờ trình số        /TTr-UBND ngày      tháng      năm 20    )",
        "BC Table Head: STT | BC Table Head: Tên cá nhân, tập thể, hộ gia đình | BC Table Head: Đơn vị"
        " | BC Table Head: Năm thành tích | BC Table Head: Đối tượng | BC Table Head: Mã địa bàn"
        " | BC Table Head: Danh hiệu, hình thức đề nghị",
        "BC Table: 1 | BC Table: Lò Văn D | BC Table: Trường TH Bình Lư | BC Table Number: 2025"
        " | BC Table Number: cá nhân | BC Table Number: 03390 | BC Table: Lao động tiên tiến",
        "BC Table: 2 | BC Table: Tẩn Thị E | BC Table: Trường TH Bình Lư | BC Table Number: 2025"
        " | BC Table Number: cá nhân | BC Table Number: 03390 | BC Table: Lao động tiên tiến",
        "BC Table: 3 | BC Table: Trường TH Bình Lư |  | BC Table Number: 2025"
        " | BC Table Number: tập thể | BC Table Number: 03390 | BC Table: Tập thể lao động tiên tiến",
        "BC Table Last: 4 | BC Table Last: Lò Văn D | BC Table Last: Trường TH Bình Lư"
        " | BC Table Number Last: 2025 | BC Table Number Last: cá nhân | BC Table Number Last: 03390"
        " | BC Table Last: Bằng khen của Chủ tịch UBND tỉnh",
    ],
    "en": [
        "BC Issuer: PEOPLE'S COMMITTEE / BC Issuer: OF BÌNH LƯ COMMUNE | BC Nation: SOCIALIST REPUBLIC OF"
        " VIET NAM / BC Motto: Independence - Freedom - Happiness",
        "BC Number: No.:        /TTr-UBND | BC Place: Bình Lư, day      month      year 20    ",
        "BC Title: SUBMISSION",
        "BC Title: On proposed commendations for the achievements of 2025",
        "BC Body: Pursuant to the Law on Emulation and Commendation No. 06/2022/QH15 of 15 June 2022;",
        "BC Body: Pursuant to the Government's Decree No. 98/2023/ND-CP of 31 December 2023 detailing the Law"
        " on Emulation and Commendation;",
        "BC Lead: The People's Committee of Bình Lư commune respectfully submits to ………………… for commendation"
        " 3 individuals, 1 collective for their achievements in 2025:",
        "BC Body: - Provincial Chairman's Certificate of Merit: 1 individual;",
        "BC Body: - Advanced Labour Collective: 1 collective;",
        "BC Body: - Advanced Labourer: 2 individuals.",
        "BC Body: (The list is attached.)",
        "BC Closing: Respectfully submitted to ………………… for consideration and decision./.",
        "BC Recipients Title: Recipients: / BC Recipients: - As above; / BC Recipients: - Archive: office."
        " | BC Signer: ON BEHALF OF THE PEOPLE'S COMMITTEE / BC Signer: CHAIRPERSON",
        "BC Title: LIST",
        "BC Title: Proposed commendations for the achievements of 2025",
        "BC Caption: (Attached to Submission No.        /TTr-UBND of      /     /20    )",
        "BC Table Head: No. | BC Table Head: Individual, collective or household | BC Table Head: Unit"
        " | BC Table Head: Year | BC Table Head: Recipient | BC Table Head: Area code"
        " | BC Table Head: Title or form proposed",
        "BC Table: 1 | BC Table: Lò Văn D | BC Table: Trường TH Bình Lư | BC Table Number: 2025"
        " | BC Table Number: a person | BC Table Number: 03390 | BC Table: Advanced Labourer",
        "BC Table: 2 | BC Table: Tẩn Thị E | BC Table: Trường TH Bình Lư | BC Table Number: 2025"
        " | BC Table Number: a person | BC Table Number: 03390 | BC Table: Advanced Labourer",
        "BC Table: 3 | BC Table: Trường TH Bình Lư |  | BC Table Number: 2025"
        " | BC Table Number: a collective | BC Table Number: 03390 | BC Table: Advanced Labour Collective",
        "BC Table Last: 4 | BC Table Last: Lò Văn D | BC Table Last: Trường TH Bình Lư"
        " | BC Table Number Last: 2025 | BC Table Number Last: a person | BC Table Number Last: 03390"
        " | BC Table Last: Provincial Chairman's Certificate of Merit",
    ],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_letter_line_by_line(people: Store, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "to_trinh.docx"
    argv = ["awards", "letter", proposals(tmp_path, rows()), "--area", "03390", "--year", "2025"]
    assert main([*argv, "--lang", lang, "--user", "phantich", "--format", "docx", "--out", str(out)]) == 0
    lines = lines_of(out)
    assert lines == LETTER_LINES[lang]
    assert not [w for w in SOFTWARE_WORDS if w in "\n".join(lines).lower()]


@pytest.mark.parametrize(
    ("kind", "n", "lang", "said"),
    [
        ("person", 1, "en", "1 individual"),
        ("person", 3, "en", "3 individuals"),
        ("collective", 1, "en", "1 collective"),
        ("household", 1, "en", "1 household"),
        ("household", 1_200, "en", "1,200 households"),
        ("person", 1, "vi", "1 cá nhân"),
        ("household", 1_200, "vi", "1.200 hộ gia đình"),
    ],
)
def test_a_count_of_recipients_in_words(kind: str, n: int, lang: Lang, said: str) -> None:
    assert recipients(kind, n, lang) == said
