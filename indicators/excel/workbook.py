"""Workbooks in the long upload layout: read with calamine, write with openpyxl."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from pathlib import Path
from xml.etree.ElementTree import ParseError

import pandas as pd
from defusedxml import ElementTree as DefusedET
from defusedxml.common import DefusedXmlException
from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.comments import Comment
from openpyxl.packaging.custom import IntProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from indicators.core.model import (
    AGGREGATION,
    AREA_LINKS,
    AREAS,
    DOMAINS,
    INDICATORS,
    OBSERVATIONS,
    QUALIFIERS,
    REPORTED,
    TABLES,
    TARGETS,
    YEAR_MAX,
    YEAR_MIN,
    AggregationRule,
    AreaLevel,
    Comparator,
    Dataset,
    Direction,
    LinkPart,
    ObsKind,
    Table,
    TargetKind,
    ValueKind,
)
from indicators.excel.guard import column_letter
from indicators.text import fmt
from indicators.text.fmt import LANGS
from indicators.text.i18n import t

# What a browser is told an .xlsx download is.
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The Vietnamese header analysts see for each column, per table.
_COMMON = {
    "code": "Mã chỉ tiêu",
    "area": "Mã địa bàn",
    "year": "Năm",
    "value": "Giá trị",
    "section": "Mục trong báo cáo",
    "quote": "Trích dẫn nguyên văn",
    "target_kind": "Loại chỉ tiêu",
}
HEADERS: dict[str, dict[str, str]] = {
    INDICATORS.name: {
        "code": "Mã chỉ tiêu",
        "name_vi": "Tên chỉ tiêu",
        "name_en": "Tên tiếng Anh",
        "domain": "Lĩnh vực",
        "unit": "Đơn vị tính",
        "unit_en": "Đơn vị tính tiếng Anh",
        "direction": "Chiều tốt",
        "value_kind": "Loại giá trị",
        "recipient": "Đối tượng khen thưởng",
        "award_level": "Cấp khen thưởng",
        "definition": "Định nghĩa",
        "unit_meaning": "Ý nghĩa đơn vị tính",
        "computation": "Cách tính",
        "aggregation": "Cách cộng gộp giữa địa bàn",
        "source": "Nguồn",
    },
    OBSERVATIONS.name: {
        **_COMMON,
        "kind": "Loại số liệu",
        "base_year": "Năm gốc",
        "qualifier": "Ghi chú số",
        "note": "Ghi chú",
    },
    TARGETS.name: {
        **_COMMON,
        "term": "Giai đoạn",
        "comparator": "So sánh",
        "derived": "Mục tiêu suy ra từ tỷ lệ báo cáo",
        "yearly": "Hàng năm",
        "note": "Ghi chú",
    },
    REPORTED.name: {**_COMMON, "reported_pct": "Tỷ lệ báo cáo (%)"},
    AREAS.name: {
        "code": "Mã địa bàn",
        "name": "Tên địa bàn",
        "level": "Cấp",
        "parent": "Trực thuộc",
        "valid_from": "Hiệu lực từ",
        "valid_to": "Hiệu lực đến",
    },
    AREA_LINKS.name: {
        "code": "Mã địa bàn",
        "from_code": "Mã đơn vị cũ",
        "date": "Ngày hiệu lực",
        "part": "Toàn bộ hay một phần",
        "share": "Tỷ lệ (phần của đơn vị cũ)",
        "source": "Căn cứ",
    },
    AGGREGATION.name: {
        "code": "Mã chỉ tiêu",
        "rule": "Cách tổng hợp",
        "numerator": "Mã chỉ tiêu tử số",
        "denominator": "Mã chỉ tiêu mẫu số",
        "note": "Ghi chú",
    },
}


INSTRUCTIONS_SHEET = "Hướng dẫn"
# The data version a downloaded workbook was made from, kept as a custom document property (Excel
# and LibreOffice keep those on save), so its upload can tell what was added since
# (indicators/excel/stale.py).
MADE_FROM_PROPERTY = "indicators_data_version"
_CUSTOM_PROPS = "docProps/custom.xml"
_CUSTOM_PROPS_MAX = 64 * 1024
NUMBER_FORMAT = "#,##0.##"
VALUE_COLUMNS = {"value", "reported_pct", "share"}
RECIPIENTS: tuple[str, ...] = ("", "tap_the", "ca_nhan")
AWARD_LEVELS: tuple[str, ...] = ("", "state", "government", "province", "grassroots")

# The closed vocabularies, per table and column: the drop-downs of the template and the values
# an upload may use (besides the aliases below).
VOCABULARIES: dict[tuple[str, str], tuple[str, ...]] = {
    (INDICATORS.name, "domain"): DOMAINS,
    (INDICATORS.name, "direction"): tuple(Direction),
    (INDICATORS.name, "value_kind"): tuple(ValueKind),
    (INDICATORS.name, "recipient"): RECIPIENTS,
    (INDICATORS.name, "award_level"): AWARD_LEVELS,
    (OBSERVATIONS.name, "kind"): tuple(ObsKind),
    (OBSERVATIONS.name, "qualifier"): QUALIFIERS,
    (TARGETS.name, "target_kind"): tuple(TargetKind),
    (TARGETS.name, "comparator"): tuple(Comparator),
    (REPORTED.name, "target_kind"): tuple(TargetKind),
    (AREAS.name, "level"): tuple(AreaLevel),
    (AREA_LINKS.name, "part"): tuple(LinkPart),
    (AGGREGATION.name, "rule"): tuple(AggregationRule),
}

# What the workbook writes and its drop-downs offer for each closed vocabulary: Vietnamese words,
# not codes, for the people who fill it in. Reading accepts both, so files written before keep
# working. A word holds no comma (a drop-down list is comma-separated) and folds to no other
# code's word or alias.
LABELS: dict[str, dict[str, str]] = {
    "domain": {code: t(f"domain.{code}", "vi") for code in DOMAINS},
    "direction": {
        Direction.HIGHER.value: "Càng cao càng tốt",
        Direction.LOWER.value: "Càng thấp càng tốt",
        Direction.NEUTRAL.value: "Không có chiều tốt",
    },
    "value_kind": {
        ValueKind.LEVEL.value: "Mức",
        ValueKind.COUNT.value: "Số lượng",
        ValueKind.SHARE.value: "Tỷ lệ",
        ValueKind.CHANGE_PER_YEAR.value: "Thay đổi bình quân năm",
        ValueKind.TERM_TOTAL.value: "Tổng cả giai đoạn",
        ValueKind.YES_NO.value: "Có/Không",
    },
    "recipient": {"tap_the": "Tập thể", "ca_nhan": "Cá nhân"},
    "award_level": {
        "state": "Nhà nước",
        "government": "Chính phủ",
        "province": "Tỉnh",
        "grassroots": "Cơ sở",
    },
    "kind": {
        ObsKind.ACTUAL.value: "Thực hiện",
        ObsKind.ESTIMATE.value: "Ước thực hiện",
        ObsKind.CHANGE.value: "Thay đổi so với năm gốc",
        ObsKind.CHANGE_PER_YEAR.value: "Bình quân mỗi năm từ năm gốc",
        ObsKind.CHANGE_ESTIMATE.value: "Ước thay đổi so với năm gốc",
        ObsKind.CHANGE_PER_YEAR_ESTIMATE.value: "Ước bình quân mỗi năm từ năm gốc",
        ObsKind.TOTAL.value: "Tổng số",
    },
    "qualifier": {"khoang": "Khoảng", "tren": "Trên"},
    "target_kind": {
        TargetKind.RESOLUTION.value: "Nghị quyết",
        TargetKind.GOALS.value: "Mục tiêu cụ thể",
        TargetKind.PLAN.value: "Kế hoạch",
        TargetKind.PROGRAMME.value: "Đề án",
        TargetKind.QUOTA.value: "Chỉ tiêu giao",
    },
    "comparator": {
        Comparator.AT_LEAST.value: "Không thấp hơn",
        Comparator.AT_MOST.value: "Không vượt quá",
        Comparator.REDUCE_BY.value: "Giảm mỗi năm",
        Comparator.REMAINDER.value: "Phần còn lại",
        Comparator.YES.value: "Đạt/Chưa đạt",
    },
    "level": {
        AreaLevel.PROVINCE.value: "Tỉnh",
        AreaLevel.DISTRICT.value: "Huyện",
        AreaLevel.COMMUNE.value: "Xã",
    },
    "part": {LinkPart.WHOLE.value: "Toàn bộ", LinkPart.PART.value: "Một phần"},
    "rule": {
        AggregationRule.SUM.value: "Cộng",
        AggregationRule.RATIO.value: "Tử số/mẫu số",
        AggregationRule.WEIGHTED.value: "Bình quân theo dân số",
        AggregationRule.NONE.value: "Không cộng",
    },
}


def label(column: str, value: object) -> object:
    """The Vietnamese word the workbook writes for a code of `column`; anything else as it is."""
    return LABELS.get(column, {}).get(value, value) if isinstance(value, str) else value


def words_of(table: str, column: str) -> list[str]:
    """The words a drop-down offers and a refusal lists for a closed vocabulary, in its order."""
    return [str(label(column, v)) for v in VOCABULARIES[(table, column)] if v]


# Words offices write instead of the model's codes, per column (matched folded).
_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "kind": {
        "actual": ("TH", "thực hiện", "thuc hien", "kết quả"),
        "estimate": ("ƯTH", "UTH", "ước", "ước thực hiện", "ước tính"),
        "change": ("thay đổi", "tăng giảm", "tăng/giảm", "chênh lệch"),
        "change_per_year": ("bình quân năm", "bình quân/năm", "thay đổi bình quân/năm"),
        "change_estimate": ("ước thay đổi", "thay đổi ước tính"),
        "change_per_year_estimate": ("ước bình quân/năm", "thay đổi bình quân/năm ước tính"),
        "total": ("tổng số", "trên tổng số"),
    },
    "target_kind": {
        "NQ": ("nghị quyết", "NQĐH", "nghị quyết đại hội"),
        "MT": ("mục tiêu", "mục tiêu cụ thể"),
        "KH": ("kế hoạch", "kế hoạch năm"),
        "DA": ("đề án",),
        "GIAO": ("giao", "chỉ tiêu giao"),
    },
    "comparator": {
        "at_least": (">=", "≥", "đạt ít nhất", "ít nhất", "tối thiểu", "trên"),
        "at_most": ("<=", "≤", "không vượt quá", "tối đa", "dưới"),
        "reduce_by": ("giảm mỗi năm", "giảm bình quân", "giảm bình quân/năm"),
        "remainder": ("phần còn lại",),
        "yes": ("có/không", "đạt chuẩn"),
    },
    "direction": {
        "higher": ("cao hơn là tốt", "càng cao càng tốt", "tăng", "cao"),
        "lower": ("thấp hơn là tốt", "càng thấp càng tốt", "giảm", "thấp"),
        "neutral": ("không có chiều tốt", "trung tính", "cơ cấu"),
    },
    "value_kind": {
        "level": ("mức", "mức độ", "giá trị"),
        "count": ("số lượng", "đếm"),
        "share": ("tỷ lệ", "tỉ lệ", "phần trăm"),
        "change_per_year": ("bình quân năm", "thay đổi bình quân/năm"),
        "term_total": ("tổng giai đoạn", "cộng dồn", "lũy kế"),
        "yes_no": ("có/không", "đạt/chưa đạt"),
    },
    "level": {"province": ("tỉnh",), "district": ("huyện",), "commune": ("xã", "thị trấn", "phường")},
    "qualifier": {"khoang": ("khoảng",), "tren": ("trên",)},
    "part": {"whole": ("toàn bộ", "nhập toàn bộ", "giữ nguyên"), "part": ("một phần", "nhập một phần")},
    "rule": {
        "sum": ("cộng", "tổng", "cộng dồn"),
        "ratio": ("tử số/mẫu số", "tỷ lệ"),
        "weighted": ("bình quân theo dân số", "theo dân số"),
        "none": ("không cộng", "không tổng hợp"),
    },
    "recipient": {"tap_the": ("tập thể",), "ca_nhan": ("cá nhân",)},
    "award_level": {
        "state": ("nhà nước",),
        "government": ("chính phủ",),
        "province": ("tỉnh",),
        "grassroots": ("cơ sở",),
    },
}


def fold(text: object) -> str:
    """A header folded for matching: no case, diacritics, spacing or Unicode-form differences."""
    decomposed = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s_]+", " ", stripped).strip().casefold()


def vocabulary_map(table: str, column: str) -> dict[str, str] | None:
    """Folded word → canonical value for a column with a closed vocabulary; None for free text."""
    values = VOCABULARIES.get((table, column))
    if values is None:
        return None
    mapping = {fold(v): v for v in values}
    for canonical, words in _ALIASES.get(column, {}).items():
        if canonical in values:
            mapping.update({fold(w): canonical for w in words})
    # The workbook's own words last: they win over an alias that happens to fold the same.
    mapping.update({fold(word): code for code, word in LABELS.get(column, {}).items() if code in values})
    if column == "domain":
        # A domain may be written as its name, in either language: "Kinh tế", "Economy".
        for lang in LANGS:
            mapping.update({fold(t(f"domain.{code}", lang)): code for code in DOMAINS})
    return mapping


def header_map(table: Table) -> dict[str, str]:
    """Folded header → canonical column: the Vietnamese header and the English column name."""
    mapping = {fold(h): column for column, h in HEADERS[table.name].items()}
    mapping.update({fold(column): column for column in table.columns})
    return mapping


def sheet_map(sheets: list[str]) -> dict[str, str]:
    """Canonical table name → the workbook's sheet that holds it, matched folded."""
    folded = {fold(s): s for s in sheets}
    found = {}
    for table in TABLES:
        for candidate in (table.sheet, table.name):
            if fold(candidate) in folded:
                found[table.name] = folded[fold(candidate)]
                break
    return found


def to_frames(sheets: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Raw sheets (header row already applied) → frames with canonical column names."""
    names = sheet_map(list(sheets))
    frames = {}
    for table in TABLES:
        if table.name not in names:
            continue
        raw = sheets[names[table.name]]
        mapping = header_map(table)
        frame = raw.rename(columns=lambda h, m=mapping: m.get(fold(h), h))
        # The workbook's words (and any accepted alias) back to the model's codes.
        for column in frame.columns:
            words = vocabulary_map(table.name, column) if column in table.columns else None
            if words:
                frame[column] = frame[column].map(
                    lambda v, w=words: w.get(fold(v), v) if isinstance(v, str) else v
                )
        frames[table.name] = frame
    return frames


def read_workbook(source: str | Path | bytes) -> Dataset:
    """A well-formed workbook in the long layout → a typed dataset (checks live in validate)."""
    data = io.BytesIO(source) if isinstance(source, bytes) else source
    sheets = pd.read_excel(data, sheet_name=None, engine="calamine", dtype=object)
    return Dataset.from_frames(to_frames(sheets))


# What each column means, for the "Hướng dẫn" sheet: (meaning, allowed values).
COLUMN_HELP: dict[str, dict[str, tuple[str, str]]] = {
    INDICATORS.name: {
        "code": ("Mã chỉ tiêu, duy nhất, viết liền không dấu (ví dụ GTSX).", "bắt buộc"),
        "name_vi": ("Tên chỉ tiêu bằng tiếng Việt.", "bắt buộc"),
        "name_en": (
            "Tên chỉ tiêu bằng tiếng Anh (cho bản tiếng Anh của bảng điều khiển).",
            "có thể để trống",
        ),
        "domain": ("Lĩnh vực của chỉ tiêu.", ", ".join(DOMAINS)),
        "unit": ("Đơn vị tính như trong báo cáo (tỷ đồng, %, ha, ‰...).", "có thể để trống"),
        "unit_en": ("Đơn vị tính bằng tiếng Anh.", "có thể để trống"),
        "direction": (
            "Chiều tốt: higher = càng cao càng tốt; lower = càng thấp càng tốt; neutral = không có chiều "
            "tốt hơn (sắp xếp lại, tỷ trọng trong cơ cấu): không xếp trạng thái.",
            ", ".join(Direction),
        ),
        "value_kind": (
            "Loại giá trị: level = mức; count = số lượng; share = tỷ lệ (%/‰); change_per_year = "
            "thay đổi bình quân/năm; term_total = tổng cả giai đoạn; yes_no = có/không (1 = đạt, 0 = chưa).",
            ", ".join(ValueKind),
        ),
        "recipient": (
            "Chỉ cho thi đua – khen thưởng: tap_the (tập thể) hay ca_nhan (cá nhân).",
            "tap_the, ca_nhan",
        ),
        "award_level": (
            "Chỉ cho thi đua – khen thưởng: cấp khen.",
            "state, government, province, grassroots",
        ),
        "definition": ("Chỉ tiêu đo gì (như Open SDG, Our World in Data ghi kèm).", "có thể để trống"),
        "unit_meaning": ("Đơn vị tính nghĩa là gì (ví dụ tỷ đồng = 1.000.000.000 đồng).", "có thể để trống"),
        "computation": ("Cách tính: tỷ lệ, % đạt, mục tiêu trần hay mức giảm.", "có thể để trống"),
        "aggregation": (
            "Cách cộng gộp giữa các địa bàn: cộng được, hay chỉ qua tử số và mẫu số.",
            "có thể để trống",
        ),
        "source": ("Nguồn: văn bản và mục có số liệu.", "có thể để trống"),
    },
    OBSERVATIONS.name: {
        "code": (
            "Mã chỉ tiêu, phải có trong trang ChiTieu (của tệp này hoặc của dữ liệu hiện tại).",
            "bắt buộc",
        ),
        "area": (
            "Mã địa bàn, phải có trong trang DiaBan (mã của Tổng cục Thống kê, ví dụ 106 = huyện Tam Đường "
            "cũ, 03390 = xã Bình Lư).",
            "bắt buộc",
        ),
        "year": ("Năm của số liệu, số nguyên.", f"{YEAR_MIN}–{YEAR_MAX}"),
        "kind": (
            "Loại số liệu: actual = thực hiện (TH, số chính thức); estimate = ước thực hiện (ƯTH); change = "
            "thay đổi so với năm gốc (tỷ lệ: điểm %); change_per_year = thay đổi bình quân/năm từ năm gốc; "
            "change_estimate, change_per_year_estimate = các thay đổi ước tính; total = tổng số mà một số "
            "đếm nằm trong (17 trong “17/17”). Số chính thức thay số ước cùng chỉ tiêu, địa bàn, năm.",
            ", ".join(ObsKind),
        ),
        "base_year": ("Năm gốc, chỉ cho change và change_per_year.", "để trống hoặc một năm"),
        "value": (
            "Giá trị, theo đơn vị tính của chỉ tiêu. Nên nhập dạng số; nếu nhập dạng chữ thì theo cách "
            "viết Việt Nam: 2.503,3 (dấu chấm ngăn nghìn, dấu phẩy thập phân).",
            "số; tỷ lệ % không quá 100; số đếm không âm",
        ),
        "qualifier": (
            "Chữ đứng trước số trong báo cáo: khoang (khoảng), tren (trên).",
            "để trống, khoang, tren",
        ),
        "section": ("Mục của báo cáo có số liệu này.", "có thể để trống"),
        "quote": ("Câu trích nguyên văn từ báo cáo.", "có thể để trống"),
        "note": ("Ghi chú: vì sao là số ước, cách hiểu còn chưa rõ của báo cáo.", "có thể để trống"),
    },
    TARGETS.name: {
        "code": ("Mã chỉ tiêu.", "bắt buộc"),
        "area": ("Mã địa bàn.", "bắt buộc"),
        "year": ("Năm phải đạt mục tiêu.", f"{YEAR_MIN}–{YEAR_MAX}"),
        "term": ("Giai đoạn, ví dụ 2020-2025; để trống cho kế hoạch một năm.", "có thể để trống"),
        "target_kind": (
            "Văn bản đặt mục tiêu: NQ = Nghị quyết; MT = mục tiêu cụ thể của báo cáo; KH = Kế hoạch năm; "
            "DA = Đề án; GIAO = chỉ tiêu giao.",
            ", ".join(TargetKind),
        ),
        "comparator": (
            "So sánh: at_least = đạt ít nhất; at_most = không vượt quá; reduce_by = giảm mỗi năm "
            "(giá trị là mức giảm một năm); remainder = phần còn lại của tổng thể (không đánh giá riêng); "
            "yes = mục tiêu có/không (1 = đạt).",
            ", ".join(Comparator),
        ),
        "value": ("Giá trị mục tiêu, theo đơn vị tính của chỉ tiêu.", "số"),
        "derived": (
            "Đánh dấu mục tiêu suy ra (báo cáo chỉ ghi % đạt, mục tiêu = thực hiện ÷ %): "
            "TRUE / có; để trống hoặc FALSE nếu báo cáo ghi thẳng mục tiêu.",
            "TRUE, FALSE hoặc để trống",
        ),
        "yearly": (
            "Mục tiêu “hàng năm”: áp dụng cho từng năm của giai đoạn, không chỉ năm cuối. TRUE / có.",
            "TRUE, FALSE hoặc để trống",
        ),
        "section": ("Mục của báo cáo.", "có thể để trống"),
        "quote": ("Câu trích nguyên văn.", "có thể để trống"),
        "note": ("Ghi chú về mục tiêu.", "có thể để trống"),
    },
    REPORTED.name: {
        "code": ("Mã chỉ tiêu.", "bắt buộc"),
        "area": ("Mã địa bàn.", "bắt buộc"),
        "year": ("Năm.", f"{YEAR_MIN}–{YEAR_MAX}"),
        "target_kind": ("Tỷ lệ này so với mục tiêu nào (NQ, KH, DA, GIAO).", ", ".join(TargetKind)),
        "reported_pct": ("Tỷ lệ % đạt mà báo cáo ghi (ví dụ 118,08).", "số"),
        "section": ("Mục của báo cáo.", "có thể để trống"),
        "quote": ("Câu trích nguyên văn.", "có thể để trống"),
    },
    AREAS.name: {
        "code": (
            "Mã đơn vị hành chính của Tổng cục Thống kê (xã 5 chữ số, ví dụ 03390; tỉnh 12). Một mã có thể "
            "được dùng lại sau sắp xếp: mã cùng ngày hiệu lực là duy nhất.",
            "bắt buộc",
        ),
        "name": ("Tên địa bàn.", "bắt buộc"),
        "level": ("Cấp hành chính.", ", ".join(AreaLevel)),
        "parent": ("Mã địa bàn cấp trên.", "để trống hoặc một mã địa bàn"),
        "valid_from": ("Ngày bắt đầu hiệu lực, dạng NNNN-TT-NN.", "có thể để trống"),
        "valid_to": ("Ngày hết hiệu lực (ví dụ huyện Tam Đường: 2025-06-30).", "có thể để trống"),
    },
    AREA_LINKS.name: {
        "code": ("Mã đơn vị mới (trang DiaBan).", "bắt buộc"),
        "from_code": ("Mã đơn vị cũ mà đơn vị mới được hình thành từ đó.", "bắt buộc"),
        "date": ("Ngày đơn vị mới có hiệu lực, dạng NNNN-TT-NN (ví dụ 2025-07-01).", "bắt buộc"),
        "part": ("whole = nhập toàn bộ đơn vị cũ; part = một phần.", "whole, part"),
        "share": ("Phần của đơn vị cũ nhập vào (0–1), khi biết.", "có thể để trống"),
        "source": ("Văn bản căn cứ (ví dụ Nghị quyết 1670/NQ-UBTVQH15).", "có thể để trống"),
    },
    AGGREGATION.name: {
        "code": ("Mã chỉ tiêu.", "bắt buộc"),
        "rule": (
            "Cách cộng từ địa bàn con lên địa bàn cha: sum = cộng; ratio = tổng tử số ÷ tổng mẫu số; "
            "weighted = bình quân theo dân số (mẫu số là mã chỉ tiêu dân số); none = không cộng.",
            ", ".join(AggregationRule),
        ),
        "numerator": ("Với ratio: mã chỉ tiêu tử số (ví dụ số hộ nghèo).", "có thể để trống"),
        "denominator": (
            "Với ratio: mã chỉ tiêu mẫu số; với weighted: mã chỉ tiêu dân số.",
            "có thể để trống",
        ),
        "note": ("Ghi chú.", "có thể để trống"),
    },
}
# Columns an upload may leave out; every other column of the long layout must be there.
OPTIONAL_COLUMNS: dict[str, frozenset[str]] = {
    INDICATORS.name: frozenset(
        {"name_en", "unit_en", "recipient", "award_level", "definition", "unit_meaning", "computation"}
        | {"aggregation", "source"}
    ),
    OBSERVATIONS.name: frozenset({"base_year", "qualifier", "section", "quote", "note"}),
    TARGETS.name: frozenset({"term", "derived", "yearly", "section", "quote", "note"}),
    REPORTED.name: frozenset({"section", "quote"}),
    AREAS.name: frozenset({"parent", "valid_from", "valid_to"}),
    AREA_LINKS.name: frozenset({"share", "source"}),
    AGGREGATION.name: frozenset({"numerator", "denominator", "note"}),
}

INSTRUCTIONS: tuple[str, ...] = (
    "HƯỚNG DẪN CẬP NHẬT SỐ LIỆU CHỈ TIÊU HUYỆN TAM ĐƯỜNG",
    "1. Mỗi trang tính là một bảng: ChiTieu (danh mục chỉ tiêu), SoLieu (số liệu thực hiện), "
    "MucTieu (mục tiêu), TyLeBaoCao (tỷ lệ % báo cáo ghi), DiaBan (địa bàn), NguonGoc (đơn vị mới hình "
    "thành từ đơn vị cũ nào), TongHop (cách cộng chỉ tiêu lên cấp trên). Không đổi tên trang, "
    "không đổi tên cột, không gộp ô, không dùng công thức.",
    "2. Mỗi dòng một số liệu: một chỉ tiêu × một địa bàn × một năm × một loại. Không được có hai dòng "
    "trùng chỉ tiêu, địa bàn, năm và loại.",
    "3. Mặc định, mỗi số liệu trong tệp được thêm mới hoặc sửa, không số liệu nào bị gỡ: có thể chỉ giữ "
    "lại các dòng của mình hoặc thêm dòng vào cuối trang. Chỉ khi chọn “thay cả cặp” (trang Cập nhật số "
    "liệu, hoặc --replace-pairs) thì với mỗi cặp (mã chỉ tiêu, mã địa bàn) có trong các trang SoLieu, "
    "MucTieu, TyLeBaoCao của tệp, số liệu của cặp đó được thay bằng đúng các dòng trong tệp (dòng bị xóa "
    "khỏi tệp sẽ bị gỡ). Mọi số liệu bị sửa hoặc gỡ được nêu tên và phải xác nhận trước khi ghi. Số liệu "
    "của một địa bàn trong năm địa bàn đó không còn (hay chưa có) hiệu lực bị từ chối.",
    "4. Danh mục chỉ tiêu (ChiTieu) và địa bàn (DiaBan) trong tệp được thêm mới hoặc cập nhật theo mã; "
    "không bao giờ bị xóa vì thiếu trong tệp.",
    "5. Số nên nhập dạng số. Nếu là chữ thì theo cách viết Việt Nam: 2.503,3 là hai nghìn năm trăm lẻ "
    "ba phẩy ba; 118,08% được đọc là 118,08. Số như 2.503 (một dấu chấm và đúng ba chữ số sau) không rõ "
    "là 2503 hay 2,503 nên bị từ chối: hãy nhập dạng số.",
    "6. Ô giá trị không được có chữ như n/a, -, đang cập nhật: chưa có số liệu thì xóa cả dòng.",
    "7. Cũng nhận bảng dạng ngang của các phòng: một trang có cột Mã chỉ tiêu, Tên chỉ tiêu, Đơn vị "
    "tính, các cột năm (2015, 2016, ...) và các cột mục tiêu (NQ 2020, KH 2019, MT 2025); địa bàn lấy "
    "từ cột Mã địa bàn nếu có, nếu không là TD. Với bảng dạng ngang, mỗi ô có số được thêm mới hoặc cập "
    "nhật; ô trống nghĩa là tệp không nói gì về năm đó, nên không dòng nào bị gỡ. Cột “Ghi chú 2021” "
    "(hay “Ghi chú UTH 2021”) là ghi chú của số liệu năm đó (hay số ước năm đó) cùng dòng; cột “Ghi chú” "
    "không ghi năm được bỏ qua.",
    "8. Trước khi ghi, trang Cập nhật số liệu liệt kê mọi lỗi (trang, ô, cột, giá trị) và cho xem trước "
    "thay đổi (thêm, sửa cũ → mới, gỡ). Mỗi lần ghi là một phiên bản mới; có thể khôi phục phiên bản cũ.",
    "Các cột của từng trang:",
)


# Text that a spreadsheet would run as a formula when it starts a cell (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(cell: Cell) -> None:
    """Text that Excel could take for a formula is stored as text and marked so if re-typed."""
    value = cell.value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula, led by an apostrophe (CSV has no marker).

    CSV files are opened by people in Excel as often as read by programs; JSON stays exact.
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = [
                f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v for v in out[column]
            ]
    return out


def _plain(value: object) -> object:
    """A pandas cell as a value openpyxl writes: no NA, no numpy scalars, no empty strings."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return None if value == "" else value


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _write_rows(sheet: Worksheet, header: list[str], rows: list[list[object]]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type in ("s", "f"):
                safe_text(cell)
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        width = max([len(name), *(len(str(r[index - 1] or "")) for r in rows[:200])])
        sheet.column_dimensions[column_letter(index)].width = min(max(width + 2, 8), 60)


def _instructions(book: Workbook) -> None:
    sheet = book.create_sheet(INSTRUCTIONS_SHEET)
    for line in INSTRUCTIONS:
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    start = sheet.max_row + 1
    sheet.append(["Trang tính", "Cột (tiêu đề)", "Tên cột trong hệ thống", "Ý nghĩa", "Giá trị hợp lệ"])
    for cell in sheet[start]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for table in TABLES:
        for column in table.columns:
            meaning, allowed = COLUMN_HELP[table.name][column]
            if (table.name, column) in VOCABULARIES:
                codes = ", ".join(v for v in VOCABULARIES[(table.name, column)] if v)
                allowed = f"{', '.join(words_of(table.name, column))} (cũng nhận mã: {codes})"
            if column not in OPTIONAL_COLUMNS[table.name] and allowed == "có thể để trống":
                allowed = "bắt buộc"
            sheet.append([table.sheet, HEADERS[table.name][column], column, meaning, allowed])
    for column, width in zip("ABCDE", (14, 24, 16, 90, 40), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=start + 1):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")


def _validations(sheet: Worksheet, table: Table, rows: int, lengths: dict[str, int]) -> None:
    """Drop-down lists for codes and vocabularies, and a whole-number rule for years."""
    last = max(rows + 1000, 1000)
    for index, column in enumerate(table.columns, start=1):
        span = f"{column_letter(index)}2:{column_letter(index)}{last}"
        if (table.name, column) in VOCABULARIES:
            formula = '"' + ",".join(words_of(table.name, column)) + '"'
        elif (
            column in ("code", "area", "parent")
            and table is not INDICATORS
            and not (table is AREAS and column == "code")
        ):
            source = INDICATORS if column == "code" and table is not AREA_LINKS else AREAS
            formula = f"={source.sheet}!$A$2:$A${lengths[source.name] + 1001}"
        elif column in ("year", "base_year"):
            rule = DataValidation(
                type="whole",
                operator="between",
                formula1=str(YEAR_MIN),
                formula2=str(YEAR_MAX),
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="stop",
                errorTitle="Năm không hợp lệ",
                error=f"Năm phải là số nguyên từ {YEAR_MIN} đến {YEAR_MAX}.",
            )
            rule.add(span)
            sheet.add_data_validation(rule)
            continue
        else:
            continue
        # "warning" rather than "stop": offices may type an accepted alias (TH, ƯTH, ...).
        rule = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle="Giá trị ngoài danh sách",
            error="Hãy chọn một giá trị trong danh sách.",
        )
        rule.add(span)
        sheet.add_data_validation(rule)


def _implied_formats(data: Dataset) -> dict[int, str]:
    """A number format per implied target row: "≈ 7.038", never more digits than its printed % allows.

    The cell keeps the exact value (an upload of the file changes nothing); only what is shown is
    rounded and marked.
    """
    from indicators.core.attainment import levels, stated_changes  # attainment does not import this module

    targets = data.targets.reset_index(drop=True)
    derived = targets[targets["derived"]]
    if derived.empty:
        return {}
    key = ["code", "area", "year", "target_kind"]
    printed = data.reported[[*key, "reported_pct"]]
    found = derived.reset_index(names="row_at").merge(printed, on=key, how="left")
    found = found.merge(levels(data.observations)[["code", "area", "year", "actual"]], on=key[:3], how="left")
    # A "reduce by" target was worked back from the stated fall a year, not from the level.
    falls = stated_changes(data.observations, per_year=True)[["code", "area", "year", "value"]]
    falls = found[key[:3]].merge(falls.rename(columns={"value": "fall"}), on=key[:3], how="left")["fall"]
    reduce = (found["comparator"] == "reduce_by").to_numpy()
    found.loc[reduce, "actual"] = falls.abs().to_numpy()[reduce]
    formats = {}
    for row in found.itertuples(index=False):
        if pd.isna(row.reported_pct) or pd.isna(row.actual) or pd.isna(row.value):
            continue
        decimals = max(fmt.implied_decimals(row.value, row.reported_pct, row.actual), 0)
        formats[int(row.row_at)] = '"≈ "#,##0' + ("." + "0" * decimals if decimals else "")
    return formats


# An empty cell waiting for a figure: a fill, and a comment that says so without relying on colour.
TO_FILL = PatternFill("solid", fgColor="FFF2CC")
TO_FILL_AUTHOR = "Chỉ tiêu Tam Đường"


def write_workbook(
    data: Dataset,
    target: str | Path | io.BytesIO,
    to_fill: Mapping[str, Mapping[int, str]] | None = None,
    made_from: int | None = None,
) -> None:
    """The dataset in the upload layout: "Hướng dẫn" first, then one sheet per table.

    The template, the export, the shipped workbook and the missing-figures workbook all come from
    here, so there is one layout. `to_fill`: per table, the rows (0-based) whose value cell is left
    for the analyst to fill, each with the comment that marks it (besides a fill). `made_from`: the
    store's data version the file is made from, recorded so an upload can warn when it is stale.
    """
    book = Workbook()
    book.remove(book.active)
    _instructions(book)
    if made_from is not None:
        book.custom_doc_props.append(IntProperty(name=MADE_FROM_PROPERTY, value=int(made_from)))
        guide = book[INSTRUCTIONS_SHEET]
        guide.append([])
        guide.append([t("stale.guide", "vi").format(v=made_from)])
    lengths = {t.name: len(data.frame(t)) for t in TABLES}
    for table in TABLES:
        frame = data.frame(table)
        sheet = book.create_sheet(table.sheet)
        columns = [frame[c].astype(object).tolist() for c in table.columns]
        # Closed vocabularies as the Vietnamese words people pick from the drop-down.
        columns = [
            [label(c, v) for v in col] if c in LABELS else col
            for c, col in zip(table.columns, columns, strict=True)
        ]
        rows = [[_plain(v) for v in row] for row in zip(*columns, strict=True)] if len(frame) else []
        _write_rows(sheet, [HEADERS[table.name][c] for c in table.columns], rows)
        implied = _implied_formats(data) if table is TARGETS else {}
        for index, column in enumerate(table.columns, start=1):
            if column in VALUE_COLUMNS:
                for i, (cell,) in enumerate(sheet.iter_rows(min_row=2, min_col=index, max_col=index)):
                    cell.number_format = implied.get(i, NUMBER_FORMAT)
        _mark_to_fill(sheet, table, (to_fill or {}).get(table.name, {}))
        _validations(sheet, table, len(frame), lengths)
        sheet.auto_filter.ref = sheet.dimensions
    book.save(target)


def _mark_to_fill(sheet: Worksheet, table: Table, rows: Mapping[int, str]) -> None:
    """The value cells of `rows` (0-based) filled and commented: the figures still to be typed."""
    at = next((i for i, c in enumerate(table.columns, start=1) if c in VALUE_COLUMNS), None)
    if at is None:
        return
    for row, words in rows.items():
        cell = sheet.cell(row=row + 2, column=at)
        cell.fill = TO_FILL
        cell.comment = Comment(words, TO_FILL_AUTHOR, width=320, height=110)


def workbook_bytes(data: Dataset) -> bytes:
    """The dataset as an .xlsx file in memory, for a download button, marked with its data version."""
    buffer = io.BytesIO()
    write_workbook(data, buffer, made_from=data.version or None)
    return buffer.getvalue()


def made_from(content: bytes) -> int | None:
    """The data version a workbook says it was made from (write_workbook's `made_from`), else None.

    Read only after xlsx_guard has passed the file; a missing, oversized or odd property is None.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            info = book.getinfo(_CUSTOM_PROPS)
            if info.file_size > _CUSTOM_PROPS_MAX:
                return None
            root = DefusedET.fromstring(book.read(info))
    except (KeyError, zipfile.BadZipFile, OSError, ParseError, DefusedXmlException):
        return None
    for prop in root:
        if prop.get("name") == MADE_FROM_PROPERTY and len(prop):
            text = (prop[0].text or "").strip()
            return int(text) if text.isdigit() else None
    return None


def sheet_name(name: str) -> str:
    """A name Excel accepts for a sheet: none of []:*?/\\ and at most 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", " ", name)[:31] or "Sheet1"


def frames_bytes(frames: dict[str, pd.DataFrame]) -> bytes:
    """Frames (a table on a page, a validation report) as an .xlsx file: numbers as numbers, text never
    run as a formula. The one writer of tables for people, so that rule lives in one place."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in frames.items():
        sheet = book.create_sheet(sheet_name(name))
        columns = [frame[c].astype(object).tolist() for c in frame.columns]
        rows = [[_plain(v) for v in row] for row in zip(*columns, strict=True)] if len(frame) else []
        _write_rows(sheet, [str(c) for c in frame.columns], rows)
        for index, column in enumerate(frame.columns, start=1):
            if pd.api.types.is_float_dtype(frame[column]):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = NUMBER_FORMAT
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
