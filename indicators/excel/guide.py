"""The words of a workbook's "Hướng dẫn" sheet: what each column means and how to fill the file in."""

from __future__ import annotations

import pandas as pd

from indicators.core.model import (
    AGGREGATION,
    AREA_LINKS,
    AREAS,
    DOMAINS,
    INDICATORS,
    OBSERVATIONS,
    REPORTED,
    TARGETS,
    YEAR_MAX,
    YEAR_MIN,
    AggregationRule,
    AreaLevel,
    Comparator,
    Dataset,
    Direction,
    ObsKind,
    TargetKind,
    ValueKind,
)

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
            "Chữ đứng trước số trong báo cáo: khoang (khoảng), tren (trên), duoi (dưới).",
            "để trống, khoang, tren, duoi",
        ),
        "section": ("Mục của báo cáo có số liệu này.", "có thể để trống"),
        "quote": ("Câu trích nguyên văn từ báo cáo.", "có thể để trống"),
        "note": ("Ghi chú: vì sao là số ước, cách hiểu còn chưa rõ của báo cáo.", "có thể để trống"),
        "period_unstated": (
            "Đánh dấu số liệu mà báo cáo không nêu rõ năm (ví dụ một số trong phần tổng kết 5 năm không ghi "
            "là của năm nào): TRUE / có. Số này ghi vào năm cuối giai đoạn nhưng không được nói là số của "
            "năm đó, và không dùng làm năm gốc.",
            "TRUE, FALSE hoặc để trống",
        ),
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
        "qualifier": (
            "Chữ đứng trước số mục tiêu trong văn bản: tren (“trên 45 triệu”), duoi (“dưới 27,6%”), "
            "khoang (khoảng). Để trống nếu văn bản ghi số không kèm chữ nào. Mục tiêu là mức sàn hay mức "
            "trần thì ghi ở cột So sánh.",
            "để trống, khoang, tren, duoi",
        ),
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
    "từ cột Mã địa bàn nếu có, nếu không là {default}. Với bảng dạng ngang, mỗi ô có số được thêm mới "
    "hoặc cập nhật; ô trống nghĩa là tệp không nói gì về năm đó, nên không dòng nào bị gỡ. Cột "
    "“Ghi chú 2021” (hay “Ghi chú UTH 2021”) là ghi chú của số liệu năm đó (hay số ước năm đó) cùng "
    "dòng; cột “Ghi chú” không ghi năm được bỏ qua.",
    "{codes}",
    "9. Trước khi ghi, trang Cập nhật số liệu liệt kê mọi lỗi (trang, ô, cột, giá trị) và cho xem trước "
    "thay đổi (thêm, sửa cũ → mới, gỡ). Mỗi lần ghi là một phiên bản mới; có thể khôi phục phiên bản cũ.",
    "Các cột của từng trang:",
)


def _names(areas: pd.DataFrame) -> dict[str, str]:
    """Each code's name as the store holds it, the last row of a code winning (a reused code's newest)."""
    # Plain lists: an area list is a few hundred rows, and pandas' steps cost more than the work.
    return dict(zip(areas["code"].tolist(), areas["name"].tolist(), strict=True))


def _named(names: dict[str, str], codes: list[str]) -> str:
    """Codes with their names as the store holds them: "03390 (Xã Bình Lư)"."""
    return ", ".join(f"{c} ({names[c]})" if c in names else c for c in codes)


def _area_codes(data: Dataset, default: str, names: dict[str, str]) -> str:
    """The area codes an analyst uses, from the store: the province, the default area and the units
    formed from the default area's own units (where its figures continue)."""
    areas = data.areas
    rows = list(zip(areas["code"].tolist(), areas["parent"].tolist(), strict=True))
    parents = [p for code, p in rows if code == default]
    province = [str(parents[0])] if parents and str(parents[0]) else []
    own = {str(code) for code, p in rows if p == default}
    links = data.area_links
    pairs = zip(links["code"].tolist(), links["from_code"].tolist(), strict=True)
    formed = sorted({str(code) for code, source in pairs if str(source) in own})
    line = (
        "8. Mã địa bàn là mã đơn vị hành chính của cơ quan thống kê (cột Mã địa bàn, trang DiaBan), "
        f"không viết tắt: {_named(names, [*province, default])}"
    )
    if formed:
        line += f"; từ 01/07/2025 các đơn vị hình thành từ các xã, thị trấn của {default}: "
        line += _named(names, formed)
    return line + ". Danh sách đủ ở trang DiaBan."


def instructions(data: Dataset, default: str) -> list[str]:
    """The "Hướng dẫn" lines, naming the area codes the store holds and the default area of a wide sheet."""
    names = _names(data.areas)
    named, codes = _named(names, [default]), _area_codes(data, default, names)
    return [line.format(default=named, codes=codes) for line in INSTRUCTIONS]
