"""`python -m indicators extract`: the figures as CSV or JSON, the draft workbook, a refused file."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from indicators.excel import validate
from indicators.extract import draft
from indicators.store.database import Store

PROJECT = Path(__file__).resolve().parents[1]
REPORT = PROJECT / "data" / "report_tam_duong_2015_2020.txt"
COLUMNS = "sentence,value,unit,period,kind,qualifier,versus,printed_pct,indicator,confidence".split(",")

pytestmark = pytest.mark.slow


def run(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INDICATORS_DB": db}
    return subprocess.run(
        [sys.executable, "-m", "indicators", "extract", *args],
        cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_csv_has_the_columns_and_one_row_per_figure(store_url: str) -> None:
    done = run(str(REPORT), "--year", "2020", db=store_url)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(rows[0]) == COLUMNS
    first = rows[0]
    assert (first["value"], first["unit"], first["indicator"], first["kind"]) == (
        "2503.3",
        "tỷ đồng",
        "GTSX",
        "estimate",
    )
    assert (first["period"], first["versus"], first["printed_pct"]) == ("2020", "NQ", "118.08")
    assert first["sentence"].startswith("Tổng giá trị sản xuất đạt 2.503,3 tỷ đồng")
    assert len(rows) > 100


def test_json_gives_the_same_rows(store_url: str) -> None:
    done = run(str(REPORT), "--format", "json", db=store_url)
    rows = json.loads(done.stdout)
    tourists = next(r for r in rows if r["indicator"] == "TOURISTS" and r["value"] == 300000)
    assert (tourists["qualifier"], tourists["versus"], tourists["printed_pct"]) == ("khoang", "DA", 500)
    # Without --year nothing says the 2020 figures were estimates: they read as the report states them.
    assert tourists["kind"] == "actual"


def test_the_draft_workbook_passes_the_upload_check(store_url: str, tmp_path: Path) -> None:
    out = tmp_path / "draft.xlsx"
    done = run(str(REPORT), "--year", "2020", "--out", str(out), "--area", "106", db=store_url)
    assert done.returncode == 0, done.stderr
    assert "87 số liệu, 5 cần kiểm tra; 2 mục tiêu ghi rõ trong câu" in done.stdout
    upload = validate.check(out.read_bytes(), out.name, Store(store_url).ensure().load())
    assert upload.ok, [p.message_vi for p in upload.errors]
    # The goals whose sentence prints them and their year, as the store keeps them; each one marked.
    goals = upload.frames["targets"]
    assert goals[
        ["code", "year", "target_kind", "comparator", "value", "qualifier", "derived"]
    ].values.tolist() == [
        ["TOURISTS", 2025, "MT", "at_least", 600000.0, "tren", False],
        ["TOURISM_REV", 2025, "MT", "at_least", 230.0, "", False],
    ]
    quote = "- Đến năm 2025 thu hút trên 600.000 lượt khách du lịch; "
    quote += "doanh thu từ dịch vụ du lịch đạt 230 tỷ đồng."
    assert goals["quote"].tolist() == [quote, quote]
    sheet = openpyxl.load_workbook(out)["MucTieu"]
    assert [c.comment.text for row in sheet.iter_rows() for c in row if c.comment] == [draft.GOAL_MARK] * 2
    rows = upload.frames["observations"]
    gtsx = rows[(rows.code == "GTSX") & (rows.kind == "estimate")].iloc[0]
    assert (gtsx.value, gtsx.area, gtsx.year) == (2503.3, "106", 2020)
    assert gtsx.quote.startswith("Tổng giá trị sản xuất đạt 2.503,3 tỷ đồng")


def test_a_scanned_file_is_one_sentence_and_exit_2(store_url: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = run(str(empty), db=store_url)
    assert done.returncode == 2
    assert done.stderr.strip() == "Lỗi: Tệp trống hoặc không có chữ nào: không có số liệu để đọc."
    assert "Traceback" not in done.stderr


def test_a_draft_needs_the_area(store_url: str, tmp_path: Path) -> None:
    done = run(str(REPORT), "--out", str(tmp_path / "d.xlsx"), db=store_url)
    assert done.returncode == 2
    assert "--area" in done.stderr
    assert not (tmp_path / "d.xlsx").exists()


def test_a_text_without_figures_says_so(store_url: str, tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Công tác thi đua, khen thưởng được quan tâm chỉ đạo thường xuyên.", encoding="utf-8")
    done = run(str(plain), db=store_url)
    assert done.returncode == 0
    assert done.stdout.strip() == ",".join(COLUMNS)
    assert done.stderr.strip() == "Không tìm thấy số liệu nào trong văn bản."
