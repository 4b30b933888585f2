"""Official area codes: the national list from `vietnam-provinces`, Lai Châu's shipped files, old codes."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pandas as pd

from indicators.core.model import AREA_LINKS, AREAS, TABLES, AreaLevel, Dataset, LinkPart, coerce

DATA = Path(__file__).resolve().parents[2] / "data"
LAI_CHAU_AREAS = DATA / "areas_lai_chau.csv"
LAI_CHAU_LINKS = DATA / "area_links_lai_chau.csv"
LAI_CHAU = "12"
REFORM_DAY = "2025-07-01"  # the district level ends; the new communes take effect
LAST_OLD_DAY = "2025-06-30"
REFORM_SOURCE = "Nghị quyết 1670/NQ-UBTVQH15; bảng chuyển đổi ĐVHC mới – cũ của Cục Thống kê"
PACKAGE = "vietnam-provinces==2025.10.1"

# The home-made codes of the first releases and the official codes that replace them; stores
# written by those releases are upgraded with this table (migrations) and so is data/source.toml,
# whose transcription still writes the district as TD.
LEGACY_CODES: dict[str, str] = {
    "LC": "12",
    "TD": "106",
    "BAN_BO": "03424",
    "BINH_LU": "03390",
    "TA_LENG": "03405",
    "KHUN_HA": "03430",
}
# The legacy codes' rows become these units (code, valid_from) so that a reused code is not doubled.
LEGACY_VALID_FROM: dict[str, str] = {
    "BAN_BO": REFORM_DAY,
    "BINH_LU": REFORM_DAY,
    "TA_LENG": REFORM_DAY,
    "KHUN_HA": REFORM_DAY,
}


class AreaSourceError(Exception):
    """The national list cannot be read; the message is for people."""


def official(code: str) -> str:
    """The official code for a code of the first releases; any other code unchanged."""
    return LEGACY_CODES.get(code, code)


def map_legacy(data: Dataset) -> Dataset:
    """The dataset with every home-made area code replaced by its official code."""
    frames = {}
    for table in TABLES:
        frame = data.frame(table).copy()
        for column in ("area", "parent", "code", "from_code"):
            if column in frame and (column != "code" or table in (AREAS, AREA_LINKS)):
                frame[column] = frame[column].map(official)
        frames[table.name] = frame
    areas = frames[AREAS.name]
    if not areas.empty:
        old = data.areas["code"]
        moved = old.map(LEGACY_VALID_FROM).notna() & (areas["valid_from"] == "")
        areas.loc[moved, "valid_from"] = old[moved].map(LEGACY_VALID_FROM)
        frames[AREAS.name] = areas
    return Dataset.from_frames(frames, version=data.version)


# Shipped Lai Châu files ---------------------------------------------------------------


def lai_chau() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The shipped areas and formed-from links of Lai Châu, typed."""
    areas = pd.read_csv(LAI_CHAU_AREAS, dtype=str, keep_default_na=False)
    links = pd.read_csv(LAI_CHAU_LINKS, dtype=str, keep_default_na=False)
    return coerce(AREAS, areas), coerce(AREA_LINKS, links)


def build_lai_chau(legacy_csv: Path, conversion_csv: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Lai Châu's areas and links from the upstream CSVs and the installed package (run once)."""
    # Load inputs.
    new_units = national_areas()
    with legacy_csv.open(encoding="utf-8") as handle:
        legacy = [r for r in csv.DictReader(handle) if r["Mã TP"] == LAI_CHAU]
    with conversion_csv.open(encoding="utf-8") as handle:
        conversion = [r for r in csv.reader(handle) if r and r[0].startswith("Tỉnh Lai Châu (12)")]

    # Process data.
    province = new_units[new_units["code"] == LAI_CHAU].assign(valid_from="")
    communes = new_units[new_units["parent"] == LAI_CHAU]
    districts = {(r["Mã QH"], r["Quận Huyện"]) for r in legacy}
    old_districts = pd.DataFrame(
        [
            (code, name, AreaLevel.DISTRICT.value, LAI_CHAU, "", LAST_OLD_DAY)
            for code, name in sorted(districts)
        ],
        columns=list(AREAS.columns),
    )
    old_communes = pd.DataFrame(
        [(r["Mã PX"], r["Phường Xã"], AreaLevel.COMMUNE.value, r["Mã QH"], "", LAST_OLD_DAY) for r in legacy],
        columns=list(AREAS.columns),
    )
    areas = pd.concat([province, old_districts, old_communes, communes], ignore_index=True)
    links = pd.DataFrame(
        [
            (
                new_code,
                old_code,
                REFORM_DAY,
                LinkPart.PART.value if "một phần" in note.casefold() else LinkPart.WHOLE.value,
                "" if "một phần" in note.casefold() else "1",
                REFORM_SOURCE,
            )
            for _, _, new_code, _, old_code, note, *_ in conversion
        ],
        columns=list(AREA_LINKS.columns),
    )
    unknown = set(links["code"]) - set(communes["code"])
    if unknown:
        raise AreaSourceError(f"Bảng chuyển đổi có mã xã mới không có trong danh mục 2025: {sorted(unknown)}")
    return coerce(AREAS, areas), coerce(AREA_LINKS, links)


# The national list -----------------------------------------------------------------------


def national_areas() -> pd.DataFrame:
    """The 34 provinces and 3,321 communes since 1 July 2025, from the `vietnam-provinces` package.

    The package is GPL-3.0 and is not a run-time dependency: it is imported here only, when someone
    loads the national list (see README, "Mã địa bàn").
    """
    try:
        import vietnam_provinces
    except ImportError as exc:
        raise AreaSourceError(
            f"Chưa cài gói danh mục hành chính: chạy `pip install {PACKAGE}` rồi thử lại. "
            f"· The national list needs the package: `pip install {PACKAGE}`."
        ) from exc
    with Path(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH).open(encoding="utf-8") as handle:
        provinces = json.load(handle)
    rows = []
    for province in provinces:
        code = f"{int(province['code']):02d}"
        rows.append((code, _province_name(province), AreaLevel.PROVINCE.value, "", "", ""))
        rows += [
            (f"{int(w['code']):05d}", w["name"], AreaLevel.COMMUNE.value, code, REFORM_DAY, "")
            for w in province["wards"]
        ]
    return coerce(AREAS, pd.DataFrame(rows, columns=list(AREAS.columns)))


def _province_name(province: dict) -> str:
    kind = str(province.get("division_type", ""))
    prefix = "Thành phố" if kind.startswith("thành phố") else "Tỉnh"
    name = str(province["name"])
    # The package writes the five cities under the centre with their kind ("Thành phố Hà Nội")
    # and the provinces without it ("Lai Châu").
    return name if name.startswith(prefix) else f"{prefix} {name}"


def with_national(data: Dataset, national: pd.DataFrame) -> Dataset:
    """The dataset with the national list added; rows already there (same code and date) are kept."""
    have = pd.MultiIndex.from_frame(data.areas[["code", "valid_from"]])
    # A province already known (Lai Châu with its own start date) is not added a second time.
    known_provinces = set(data.areas.loc[data.areas["level"] == AreaLevel.PROVINCE.value, "code"])
    new = national[
        ~pd.MultiIndex.from_frame(national[["code", "valid_from"]]).isin(have)
        & ~((national["level"] == AreaLevel.PROVINCE.value) & national["code"].isin(known_provinces))
    ]
    frames = {t.name: data.frame(t) for t in TABLES}
    frames[AREAS.name] = pd.concat([data.areas, new], ignore_index=True)
    return Dataset.from_frames(frames, version=data.version)


def main(argv: list[str] | None = None) -> int:
    """Write Lai Châu's files: `python -m indicators.areas.official LEGACY.csv CONVERSION.csv`."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(
            "usage: python -m indicators.areas.official Xa_2025-01-04.csv BangChuyendoi.csv", file=sys.stderr
        )
        return 2
    areas, links = build_lai_chau(Path(args[0]), Path(args[1]))
    areas.to_csv(LAI_CHAU_AREAS, index=False)
    links.to_csv(LAI_CHAU_LINKS, index=False)
    print(f"{LAI_CHAU_AREAS.name}: {len(areas)} rows; {LAI_CHAU_LINKS.name}: {len(links)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
