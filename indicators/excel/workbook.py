"""The long upload layout: sheets, headers, closed vocabularies and their words; reading it with calamine."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path
from xml.etree.ElementTree import ParseError

import pandas as pd
from defusedxml import ElementTree as DefusedET
from defusedxml.common import DefusedXmlException

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
        "period_unstated": "Báo cáo không nêu rõ năm",
    },
    TARGETS.name: {
        **_COMMON,
        "term": "Giai đoạn",
        "comparator": "So sánh",
        "qualifier": "Ghi chú số",
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
    (TARGETS.name, "qualifier"): QUALIFIERS,
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
    "qualifier": {"khoang": "Khoảng", "tren": "Trên", "duoi": "Dưới"},
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
    "qualifier": {"khoang": ("khoảng",), "tren": ("trên",), "duoi": ("dưới",)},
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


# Columns an upload may leave out; every other column of the long layout must be there.
OPTIONAL_COLUMNS: dict[str, frozenset[str]] = {
    INDICATORS.name: frozenset(
        {"name_en", "unit_en", "recipient", "award_level", "definition", "unit_meaning", "computation"}
        | {"aggregation", "source"}
    ),
    OBSERVATIONS.name: frozenset({"base_year", "qualifier", "period_unstated", "section", "quote", "note"}),
    # A workbook written before targets had a qualifier has no such column: its targets have none.
    TARGETS.name: frozenset({"term", "qualifier", "derived", "yearly", "section", "quote", "note"}),
    REPORTED.name: frozenset({"section", "quote"}),
    AREAS.name: frozenset({"parent", "valid_from", "valid_to"}),
    AREA_LINKS.name: frozenset({"share", "source"}),
    AGGREGATION.name: frozenset({"numerator", "denominator", "note"}),
}


# Columns a later release added: a long sheet written before has none, and its rows keep the current
# rows' values for them (a re-uploaded older workbook must not drop the targets' "trên").
LATER_COLUMNS: dict[str, tuple[str, ...]] = {
    TARGETS.name: ("qualifier",),
    OBSERVATIONS.name: ("period_unstated",),
}


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
