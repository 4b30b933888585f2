"""Official areas, formed-from links, adding up per indicator, and the comparison of areas."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from indicators.__main__ import main
from indicators.areas import aggregate, compare
from indicators.areas import hierarchy as areas
from indicators.areas import official as official_areas
from indicators.core.model import TABLES, AggregationRule, Dataset
from indicators.store import seed
from indicators.store.database import Store
from tests.support import areas_fixture as fixture

NEW_COMMUNES = {"03390": "Xã Bình Lư", "03405": "Xã Tả Lèng", "03424": "Xã Bản Bo", "03430": "Xã Khun Há"}


def parent_of(result: compare.Comparison) -> pd.Series:
    """The parent's row of a comparison that has one."""
    row = result.parent_row
    assert row is not None
    return row


def unit_of(data: Dataset, code: str, year: int | None = None) -> pd.Series:
    """The unit a code names, which the test knows exists."""
    row = areas.unit(data.areas, code, year)
    assert row is not None
    return row


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return seed.load_source()


# The Lai Châu list -----------------------------------------------------------------------


def test_lai_chau_has_38_units_from_1_july_2025_with_the_four_communes(shipped: Dataset) -> None:
    units = areas.children(shipped.areas, "12", 2026)
    assert len(units) == 38
    assert set(units["valid_from"]) == {"2025-07-01"}
    assert (units["name"].str.startswith("Xã ")).sum() == 36
    assert (units["name"].str.startswith("Phường ")).sum() == 2
    chosen = units[units["code"].isin(NEW_COMMUNES)]
    assert dict(zip(chosen["code"], chosen["name"], strict=True)) == NEW_COMMUNES
    province = unit_of(shipped, "12")
    assert (province["name"], province["level"]) == ("Tỉnh Lai Châu", "province")


def test_the_former_district_and_its_communes_end_on_30_june_2025(shipped: Dataset) -> None:
    district = unit_of(shipped, "106", 2020)
    assert (district["name"], district["valid_to"]) == ("Huyện Tam Đường", "2025-06-30")
    old = areas.children(shipped.areas, "106", 2020)
    # The statistics office's list of 4 January 2025: one town and twelve communes.
    assert len(old) == 13
    assert set(old["valid_to"]) == {"2025-06-30"}
    assert areas.children(shipped.areas, "106", 2026).empty
    # A reused code names the unit valid in the year asked about.
    assert areas.label(shipped.areas, "03390", "vi", 2020) == "Thị trấn Tam Đường"
    assert areas.label(shipped.areas, "03390", "vi", 2026) == "Xã Bình Lư"
    assert areas.label(shipped.areas, "03390", "en", 2020) == "Tam Đường township"


def test_binh_lu_was_formed_from_the_town_and_two_communes_of_the_former_district(shipped: Dataset) -> None:
    origins = areas.formed_from(shipped, "03390")
    assert sorted(origins["name"]) == ["Thị trấn Tam Đường", "Xã Bình Lư", "Xã Sơn Bình"]
    assert set(origins["part"]) == {"whole"}
    assert set(origins["former_parent"]) == {"106"}
    assert areas.former_parents(shipped, "03390") == ["106"]
    # Tả Lèng, Bản Bo and Khun Há likewise; every one of Lai Châu's 106 former communes has a successor.
    assert sorted(areas.formed_from(shipped, "03405")["name"]) == ["Xã Giang Ma", "Xã Hồ Thầu", "Xã Tả Lèng"]
    assert sorted(areas.formed_from(shipped, "03424")["name"]) == ["Xã Bản Bo", "Xã Nà Tăm"]
    assert sorted(areas.formed_from(shipped, "03430")["name"]) == ["Xã Bản Hon", "Xã Khun Há"]
    former_communes = shipped.areas[(shipped.areas["level"] == "commune") & (shipped.areas["valid_to"] != "")]
    assert len(former_communes) == 106
    assert set(former_communes["code"]) == set(shipped.area_links["from_code"])


def test_the_former_district_series_is_unchanged_by_the_reorganisation(
    shipped: Dataset, tmp_path: Path
) -> None:
    """The report's figures stay on 106; adding 2026 commune figures changes none of them."""
    key = ["code", "area", "year", "kind"]
    before = shipped.observations[shipped.observations["area"] == "106"]
    before = before.sort_values(key, kind="stable").reset_index(drop=True)
    assert len(before) == len(shipped.observations)  # every shipped figure is the former district's
    gtsx = before[(before["code"] == "GTSX") & (before["year"] == 2020) & (before["kind"] == "estimate")]
    assert gtsx["value"].tolist() == [2503.3]
    store = Store(f"sqlite:///{tmp_path / 's.sqlite'}", seed=None).ensure()
    store.commit(shipped, account="test")
    new = fixture.frames()
    frames = {t.name: shipped.frame(t) for t in TABLES}
    frames["observations"] = pd.concat([shipped.observations, new["observations"]], ignore_index=True)
    merged = Dataset.from_frames(frames)
    store.commit(merged, account="test")
    after = store.load()
    kept = after.observations[after.observations["area"] == "106"].reset_index(drop=True)
    pd.testing.assert_frame_equal(kept, before)
    first = store.load(1).observations
    assert len(first) == len(before) and set(first["area"]) == {"106"}


# Adding up -----------------------------------------------------------------------------


def test_a_summable_indicator_adds_up_to_the_parent(tmp_path: Path) -> None:
    data = fixture.dataset(tmp_path / "2026.xlsx")
    assert aggregate.rule_for(data, "TEA_AREA").rule is AggregationRule.SUM
    result = compare.compare(data, "TEA_AREA", 2026)
    assert result.parent == "12"
    parent = parent_of(result)
    assert parent["value"] == pytest.approx(3190.75)
    assert (parent["mark"], parent["reported"], parent["expected"]) == ("complete", 4, 4)
    assert compare.parent_note(result) == "tổng của cả 4 xã"
    assert compare.parent_note(result, "en") == "the total of all 4 communes"
    # The province is judged on its own target: 3,190.75 of 3,000 ha.
    assert parent["attainment_pct"] == pytest.approx(3190.75 / 3000 * 100)
    assert parent["status"] == "vuot"


def test_children_are_ranked_with_their_own_targets_and_gaps(tmp_path: Path) -> None:
    result = compare.compare(fixture.dataset(tmp_path / "2026.xlsx"), "TEA_AREA", 2026)
    kids = result.children
    assert kids["area"].tolist() == ["03424", "03390", "03430", "03405"]  # largest area first
    assert kids["gap"].tolist() == pytest.approx([200.5, 50.0, 10.0, -69.75])
    assert kids["status"].tolist() == ["vuot", "vuot", "vuot", "khong_dat"]


def test_a_rate_without_denominators_is_not_added_and_says_why(tmp_path: Path) -> None:
    data = fixture.dataset(tmp_path / "2026.xlsx")
    rule = aggregate.rule_for(data, "POV_RATE")
    assert (rule.rule, rule.reason) == (AggregationRule.NONE, aggregate.Reason.RATE_WITHOUT_PARTS)
    result = compare.compare(data, "POV_RATE", 2026)
    parent = parent_of(result)
    assert pd.isna(parent["value"])
    assert parent["mark"] == "not_additive"
    assert compare.parent_note(result) == (
        "không cộng được: tỷ lệ chỉ tổng hợp được từ tử số và mẫu số, mà chỉ tiêu này chưa khai báo"
    )
    # Never the average of the four rates (13.875) nor their sum (55.5).
    assert result.children["value"].mean() == pytest.approx(13.875)


def test_a_rate_with_its_numerator_and_denominator_is_their_ratio(tmp_path: Path) -> None:
    data = fixture.dataset(tmp_path / "2026.xlsx", ratio_rule=True)
    result = compare.compare(data, "POV_RATE", 2026)
    assert parent_of(result)["value"] == pytest.approx(860 / 6500 * 100)  # 13.23 %, not 13.875 %
    assert parent_of(result)["mark"] == "complete"
    # Lower is better: the lowest poverty rate first.
    assert result.children["area"].tolist() == ["03390", "03424", "03430", "03405"]


def test_a_missing_commune_makes_the_total_partial_and_unjudged(tmp_path: Path) -> None:
    data = fixture.dataset(tmp_path / "2026.xlsx", without=("03430",))
    result = compare.compare(data, "TEA_AREA", 2026)
    parent = parent_of(result)
    assert parent["value"] == pytest.approx(1200.5 + 950.0 + 430.25)
    assert (parent["mark"], parent["reported"], parent["expected"]) == ("partial", 3, 4)
    assert compare.parent_note(result) == "3/4 xã đã báo cáo (tổng chưa đủ)"
    assert parent["status"] == "partial" and pd.isna(parent["attainment_pct"])
    assert result.children.iloc[-1]["area"] == "03430" and result.children.iloc[-1]["status"] == "no_data"


def test_per_head_values_are_not_added_without_population() -> None:
    assert aggregate._reason_of("triệu đồng/người/năm", "level") is aggregate.Reason.PER_UNIT_WITHOUT_BASE
    assert aggregate._reason_of("ha", "level") is None
    assert aggregate._reason_of("‰", "share") is aggregate.Reason.RATE_WITHOUT_PARTS


def test_the_shipped_district_is_one_of_eight_former_districts_in_2020(shipped: Dataset) -> None:
    result = compare.compare(shipped, "GTSX", 2020)
    assert result.parent == "12"
    assert len(result.children) == 8
    assert compare.parent_note(result) == "1/8 huyện đã báo cáo (tổng chưa đủ)"
    row = result.children.iloc[0]
    assert (row["area"], row["value"], row["status"]) == ("106", 2503.3, "vuot")


def test_bad_requests_come_back_as_problems(shipped: Dataset) -> None:
    assert compare.compare(shipped, "NOPE", 2020).problem == "compare.unknown_code"
    assert compare.compare(shipped, "GTSX", 2020, "99999").problem == "compare.unknown_area"
    assert compare.compare(shipped, "GTSX", 1990).problem == "compare.no_figures"
    assert compare.compare(shipped, "GTSX", 2020, "03390").problem == "compare.no_children"


@pytest.mark.slow
def test_names_of_many_areas_follow_the_rule_for_one(shipped: Dataset) -> None:
    codes = [*shipped.areas["code"], "99999", compare.COUNTRY]
    for year in (2020, 2025, 2026, None):
        for lang in ("vi", "en"):
            many = areas.labels(shipped.areas, codes, lang, year)
            assert many == {c: areas.label(shipped.areas, c, lang, year) for c in codes}
        found = areas.units(shipped.areas, codes, year).set_index("code")
        assert sorted(found.index) == sorted(set(shipped.areas["code"]))
        for code in found.index:
            assert found.loc[code].to_dict() == unit_of(shipped, code, year).drop("code").to_dict()
    # 03390 named the former district's town until 30 June 2025, Bình Lư commune since.
    assert areas.labels(shipped.areas, ["03390"], "vi", 2020)["03390"] != "Xã Bình Lư"
    assert areas.labels(shipped.areas, ["03390", "99999"], "en", 2026) == {
        "03390": "Bình Lư commune",
        "99999": "99999",
    }
    assert compare.area_names(shipped, ["12", compare.COUNTRY], 2026, "en") == {
        "12": "Lai Châu province",
        compare.COUNTRY: "Whole country",
    }


def test_years_of_every_indicator_are_those_with_a_figure_or_a_target(shipped: Dataset) -> None:
    years = compare.years_by_code(shipped)
    obs, targets = shipped.observations, shipped.targets
    assert set(years) == set(obs["code"]) | set(targets["code"])
    for code, held in years.items():
        expected = set(obs.loc[obs["code"] == code, "year"])
        expected |= set(targets.loc[targets["code"] == code, "year"])
        assert held == sorted(expected)
    # The poverty rate has 2020 figures and a 2025 goal: both years are choices.
    assert years["GTSX"] == [2020] and years["POV_RATE"] == [2020, 2025]
    assert list(years) == sorted(years)  # the page lists the indicators in code order


def test_years_of_an_indicator_with_targets_only_or_years_apart(shipped: Dataset) -> None:
    targets = shipped.targets[shipped.targets["code"] == "POV_RATE"].assign(year=2030)
    obs = shipped.observations[shipped.observations["code"] == "GTSX"]
    gap = obs.assign(year=2011)  # nine years from the 2020 figures: the years between stay out
    frames = {name: getattr(shipped, name) for name in shipped.counts()}
    data = Dataset.from_frames({**frames, "observations": pd.concat([obs, gap]), "targets": targets})
    assert compare.years_by_code(data) == {"GTSX": [2011, 2020], "POV_RATE": [2030]}
    empty = Dataset.from_frames({**frames, "observations": obs.iloc[0:0], "targets": targets.iloc[0:0]})
    assert compare.years_by_code(empty) == {}


# Legacy codes and the national list ----------------------------------------------------------


def test_legacy_codes_map_to_official_ones() -> None:
    old = Dataset.from_frames(
        {
            "observations": pd.DataFrame(
                [{"code": "X", "area": "TD", "year": 2020, "kind": "actual", "value": 1}]
            ),
            "areas": pd.DataFrame(
                [
                    {"code": "LC", "name": "Tỉnh Lai Châu", "level": "province"},
                    {"code": "TD", "name": "Huyện Tam Đường", "level": "district", "parent": "LC"},
                    {"code": "BINH_LU", "name": "Xã Bình Lư", "level": "commune", "parent": "LC"},
                ]
            ),
        }
    )
    new = official_areas.map_legacy(old)
    assert new.observations["area"].tolist() == ["106"]
    assert new.areas[["code", "parent", "valid_from"]].values.tolist() == [
        ["12", "", ""],
        ["106", "12", ""],
        ["03390", "12", "2025-07-01"],
    ]


def test_the_national_list_has_34_provinces_and_3321_communes(shipped: Dataset) -> None:
    national = official_areas.national_areas()
    assert (national["level"] == "province").sum() == 34
    assert (national["level"] == "commune").sum() == 3321
    assert national["code"].str.len().isin([2, 5]).all()
    names = national.loc[national["level"] == "province", "name"]
    # Each province named once with its kind: "Thành phố Hà Nội", never "Thành phố Thành phố Hà Nội".
    assert names.str.startswith(("Tỉnh ", "Thành phố ")).all()
    assert not names.str.contains("Thành phố Thành phố|Tỉnh Tỉnh").any()
    assert (names.str.startswith("Thành phố ")).sum() == 6
    merged = official_areas.with_national(shipped, national)
    # Lai Châu and its 38 units were there already: nothing doubled.
    assert len(merged.areas) == len(shipped.areas) + 33 + 3321 - 38
    assert not merged.areas.duplicated(["code", "valid_from"]).any()
    options = areas.picker_options(merged.areas, "vi")
    assert options.loc[options["code"] == "03390", "label"].item() == "Tỉnh Lai Châu › Xã Bình Lư · 03390"


# Command line ----------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_areas_prints_codes_validity_and_formed_from(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "areas", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    assert frame.columns.tolist() == [
        "code",
        "name",
        "level",
        "parent",
        "valid_from",
        "valid_to",
        "formed_from",
    ]
    binh_lu = frame[(frame["code"] == "03390") & (frame["valid_from"] == "2025-07-01")].iloc[0]
    assert binh_lu["formed_from"] == "03390 toàn bộ; 03412 toàn bộ; 03413 toàn bộ"
    town = frame[(frame["code"] == "03390") & (frame["valid_to"] == "2025-06-30")].iloc[0]
    assert (town["name"], town["parent"], town["formed_from"]) == ("Thị trấn Tam Đường", "106", "")
    code, out, _ = _run(capsys, "areas")
    assert "Huyện Tam Đường" in out and "2025-06-30" in out


@pytest.mark.slow
def test_cli_compare_prints_each_area_and_the_marked_parent(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = fixture.workbook(tmp_path / "xa_2026.xlsx", without=("03430",))
    assert _run(capsys, "import", str(book), "--account", "test")[0] == 0
    code, out, _ = _run(capsys, "compare", "TEA_AREA", "--year", "2026", "--parent", "12", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [r["code"] for r in rows][:3] == ["03424", "03390", "03405"]
    assert len(rows) == 39  # the 38 units of Lai Châu, then the province
    parent = rows[-1]
    assert parent["code"] == "12" and parent["value"] == pytest.approx(2580.75)
    assert parent["row"] == "3/38 xã đã báo cáo (tổng chưa đủ)"
    first = rows[0]
    assert (first["target"], first["attainment_pct"], first["status"]) == (1000.0, 120.05, "vượt")
    code, out, _ = _run(capsys, "compare", "TEA_AREA", "--year", "2026", "--parent", "12")
    assert "2.580,75" in out and "1.200,5" in out
    code, _, err = _run(capsys, "compare", "TEA_AREA", "--year", "2026", "--parent", "99")
    assert code == 2 and "Không có địa bàn “99”" in err and "Traceback" not in err


@pytest.mark.slow
def test_cli_loads_the_national_list_once(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "areas-national", "--account", "test")
    assert code == 0 and "Đã nạp 34 tỉnh, 3321 xã" in out
    data = store.load()
    assert len(data.areas) == 153 + 33 + 3321 - 38
    assert data.observations.equals(store.load(1).observations)  # the figures are untouched
    code, out, _ = _run(capsys, "areas-national", "--account", "test")
    assert code == 0 and "đã có sẵn: không ghi gì" in out


def test_a_workbook_with_the_old_codes_still_imports_mapped(shipped: Dataset, tmp_path: Path) -> None:
    """A workbook kept from the first releases writes TD and LC: it is read with the official codes."""
    from indicators.excel import diff, validate
    from indicators.excel import writer as xlsx_writer

    frames = {t.name: shipped.frame(t) for t in TABLES}
    frames["observations"] = shipped.observations.assign(area="TD")
    frames["areas"] = pd.DataFrame(
        [
            {"code": "LC", "name": "Tỉnh Lai Châu", "level": "province", "valid_from": "2004-01-01"},
            {
                "code": "TD",
                "name": "Huyện Tam Đường",
                "level": "district",
                "parent": "LC",
                "valid_to": "2025-06-30",
            },
        ]
    )
    del frames["area_links"], frames["aggregation_rules"]
    path = tmp_path / "old.xlsx"
    xlsx_writer.write_workbook(Dataset.from_frames(frames), path)
    upload = validate.check(path.read_bytes(), path.name, shipped)
    assert upload.ok, validate.report_text(upload)
    warnings = [p.message("vi") for p in upload.warnings]
    assert any("TD → 106" in w for w in warnings)
    assert set(upload.frames["observations"]["area"]) == {"106"}
    merged = diff.merge(shipped, upload)
    assert set(merged.observations["area"]) == {"106"}
