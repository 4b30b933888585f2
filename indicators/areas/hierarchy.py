"""The area hierarchy over time: which units are valid in a year, their children, names and origins."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from indicators.core.model import AreaLevel, Dataset, LinkPart
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# Vietnamese unit words and their English names; the longest first so "Thành phố" wins over "Thị".
_KINDS: tuple[tuple[str, str], ...] = (
    ("Thành phố", "city"),
    ("Thị trấn", "township"),
    ("Thị xã", "town"),
    ("Đặc khu", "special zone"),
    ("Phường", "ward"),
    ("Huyện", "district"),
    ("Tỉnh", "province"),
    ("Xã", "commune"),
)
_KIND_RE = re.compile(r"^(" + "|".join(k for k, _ in _KINDS) + r")\s+(.*)$", re.IGNORECASE)
_ENGLISH = {k.casefold(): e for k, e in _KINDS}


def year_end(year: int) -> str:
    """The day a year's figures describe: its last day (an ISO date, comparable as text)."""
    return f"{year}-12-31"


def valid_on(areas: pd.DataFrame, day: str) -> pd.Series:
    """Which units were in force on an ISO day; a blank date means "not stated", so no limit."""
    starts = (areas["valid_from"] == "") | (areas["valid_from"] <= day)
    ends = (areas["valid_to"] == "") | (areas["valid_to"] >= day)
    return starts & ends


def unit(areas: pd.DataFrame, code: str, year: int | None = None) -> pd.Series | None:
    """The unit a code names in a year (the newest unit by default); None for an unknown code."""
    rows = areas[areas["code"] == code]
    if rows.empty:
        return None
    if year is not None:
        in_force = rows[valid_on(rows, year_end(year)) | valid_on(rows, f"{year}-01-01")]
        if not in_force.empty:
            rows = in_force
    return rows.sort_values("valid_from", kind="stable").iloc[-1]


def name_in(name: str, lang: Lang) -> str:
    """An official name in the reader's language: "Xã Bình Lư" → "Bình Lư commune" in English."""
    if lang == "vi":
        return name
    match = _KIND_RE.match(name)
    if not match:
        return name
    return f"{match.group(2)} {_ENGLISH[match.group(1).casefold()]}"


def label(areas: pd.DataFrame, code: str, lang: Lang, year: int | None = None) -> str:
    """An area's name in the reader's language; the code itself when the code is unknown."""
    row = unit(areas, code, year)
    return code if row is None else name_in(str(row["name"]), lang)


def units(areas: pd.DataFrame, codes: Iterable[str], year: int | None = None) -> pd.DataFrame:
    """`unit` of many codes at once, by the same rule, one row per known code: one pass over the areas."""
    rows = areas[areas["code"].isin(list(dict.fromkeys(codes)))]
    if year is not None:
        in_force = valid_on(rows, year_end(year)) | valid_on(rows, f"{year}-01-01")
        # As in `unit`: the units in force in that year where a code has any, else all its units.
        has_any = in_force.groupby(rows["code"]).transform("any").astype(bool)
        rows = rows[in_force | ~has_any]
    return rows.sort_values("valid_from", kind="stable").drop_duplicates("code", keep="last")


def labels(areas: pd.DataFrame, codes: Iterable[str], lang: Lang, year: int | None = None) -> dict[str, str]:
    """`label` of many codes at once, by the same rule (a national comparison names hundreds)."""
    wanted = list(dict.fromkeys(codes))
    found = units(areas, wanted, year)
    names = dict(zip(found["code"], found["name"], strict=True))
    return {c: name_in(str(names[c]), lang) if c in names else c for c in wanted}


def children(areas: pd.DataFrame, parent: str, year: int) -> pd.DataFrame:
    """The units directly under a parent at the end of a year, in code order."""
    kids = areas[(areas["parent"] == parent) & valid_on(areas, year_end(year))]
    return kids.sort_values("code", kind="stable").reset_index(drop=True)


def parents(areas: pd.DataFrame) -> pd.DataFrame:
    """Every unit that has a child (provinces, former districts): the choices of a parent picker."""
    used = set(areas["parent"]) - {""}
    rows = areas[areas["code"].isin(used) & (areas["level"] != AreaLevel.COMMUNE.value)]
    return rows.drop_duplicates("code", keep="last").reset_index(drop=True)


def province_of(areas: pd.DataFrame, code: str) -> str:
    """The province a unit lies in (itself for a province); "" when the chain is broken."""
    seen: set[str] = set()
    while code and code not in seen:
        seen.add(code)
        row = unit(areas, code)
        if row is None:
            return ""
        if row["level"] == AreaLevel.PROVINCE.value:
            return code
        code = str(row["parent"])
    return ""


def picker_options(areas: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Every unit once, labelled "Province › Unit" and sorted by province then name: a type-to-search list.

    Built with vectorised joins so that a national list (3,000+ units) costs milliseconds.
    """
    newest = areas.sort_values("valid_from", kind="stable").drop_duplicates("code", keep="last")
    by_code = newest.set_index("code")
    parent = newest["parent"]
    grand = parent.map(by_code["parent"]).fillna("")
    level = newest["level"]
    province = newest["code"].where(
        level == AreaLevel.PROVINCE.value,
        parent.where(parent.map(by_code["level"]) == AreaLevel.PROVINCE.value, grand),
    )
    province_name = province.map(by_code["name"]).fillna("").map(lambda n: name_in(n, lang))
    own = newest["name"].map(lambda n: name_in(n, lang))
    former = newest["valid_to"] != ""
    suffix = former.map({True: " " + t("part.former", lang), False: ""})
    text = own.where(level == AreaLevel.PROVINCE.value, province_name + " › " + own) + suffix
    out = pd.DataFrame({"code": newest["code"], "label": text + " · " + newest["code"], "province": province})
    return out.sort_values(["province", "label"], kind="stable").reset_index(drop=True)


def formed_from(data: Dataset, code: str) -> pd.DataFrame:
    """The former units a unit was formed from: code, name, part, share, and the former parent."""
    links = data.area_links[data.area_links["code"] == code]
    rows = []
    for link in links.itertuples(index=False):
        day_before = _day_before(str(link.date))
        old = data.areas[(data.areas["code"] == link.from_code) & valid_on(data.areas, day_before)]
        name = str(old["name"].iloc[0]) if not old.empty else ""
        parent = str(old["parent"].iloc[0]) if not old.empty else ""
        rows.append((link.from_code, name, link.part, link.share, parent, link.date, link.source))
    columns = ["from_code", "name", "part", "share", "former_parent", "date", "source"]
    return pd.DataFrame(rows, columns=columns)


def _day_before(day: str) -> str:
    return (pd.Timestamp(day) - pd.Timedelta(days=1)).strftime("%Y-%m-%d")


def former_parents(data: Dataset, code: str) -> list[str]:
    """The former districts whose communes a unit was formed from, most of them first."""
    origins = formed_from(data, code)
    counts = origins.loc[origins["former_parent"] != "", "former_parent"].value_counts()
    return list(counts.index)


def formed_from_text(data: Dataset, lang: Lang = "vi") -> pd.Series:
    """Per area code, its formed-from in one line: "03390 toàn bộ; 03412 toàn bộ; 03413 một phần (40%)"."""
    links = data.area_links
    if links.empty:
        return pd.Series(dtype=str)
    words = links["part"].map({p.value: t(f"part.{p.value}", lang) for p in LinkPart}).fillna(links["part"])
    share = (
        links["share"].map(lambda v: "" if pd.isna(v) else f" ({v:.0%})").where(links["part"] == "part", "")
    )
    text = links["from_code"] + " " + words + share
    return text.groupby(links["code"]).agg("; ".join)
