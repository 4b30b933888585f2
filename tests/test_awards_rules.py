"""The awards catalogue's rules carry the law's words, and each rule has cases that pass and fail."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from indicators.awards import catalogue as cat
from indicators.awards.catalogue import Catalogue, CatalogueError, Rule
from indicators.awards.check import check
from indicators.text import award_words

CATALOGUE = cat.load()
REGISTER_COLUMNS = ["year", "award", "recipient_kind", "name", "unit", "area"]


def person(year: int, title: str, name: str = "Lò Văn A", unit: str = "Trường TH Bình Lư") -> dict:
    return {
        "year": year,
        "award": title,
        "recipient_kind": "person",
        "name": name,
        "unit": unit,
        "area": "03390",
    }


def frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=REGISTER_COLUMNS)


def test_the_catalogue_ranks_and_places_every_award() -> None:
    ranked = [a.code for a in CATALOGUE.ranked()]
    assert ranked.index("huan_chuong_ld_3") < ranked.index("co_thi_dua_cp") < ranked.index("cstd_tinh")
    assert ranked.index("cstd_tinh") < ranked.index("tap_the_ldxs") < ranked.index("lao_dong_tien_tien")
    assert {a.recipient for a in CATALOGUE.awards.values()} == {"person", "collective", "household", "any"}
    assert CATALOGUE.awards["cstd_tinh"].takes("person") and not CATALOGUE.awards["cstd_tinh"].takes(
        "collective"
    )


def test_the_titles_rank_in_the_order_the_law_lists_them() -> None:
    rank = {a.code: a.rank for a in CATALOGUE.awards.values()}
    # Điều 19 (individuals) and Điều 20 (collectives) list each kind of title highest first.
    for listed in (
        ["cstd_toan_quoc", "cstd_tinh", "cstd_co_so", "lao_dong_tien_tien"],
        ["co_thi_dua_cp", "co_thi_dua_tinh", "tap_the_ldxs", "tap_the_ldtt"],
    ):
        assert [rank[c] for c in listed] == sorted(rank[c] for c in listed)


def test_no_district_award_after_the_districts_ended() -> None:
    from datetime import date

    district = [a for a in CATALOGUE.awards.values() if a.level == "district"]
    assert district and all(
        not a.valid_on(date(2025, 7, 1)) and a.valid_on(date(2025, 6, 30)) for a in district
    )


@pytest.mark.parametrize("rule", CATALOGUE.rules, ids=lambda r: r.rule)
def test_every_rule_quotes_its_article(rule: Rule) -> None:
    assert rule.article.startswith(("Luật", "Nghị định")) and "Điều" in rule.article
    assert len(rule.quote) > 40 and rule.source
    # The number the check uses is the number the law's words give, written as the law writes it.
    assert rule.kind == "cap" or f"{rule.count:02d} lần liên tục" in rule.quote


def test_the_rules_cite_the_articles_that_set_them() -> None:
    by_rule = {r.rule: r for r in CATALOGUE.rules}
    tinh = by_rule["cstd_tinh_after_3_cstd_co_so"]
    assert (tinh.title, tinh.requires, tinh.count) == ("cstd_tinh", "cstd_co_so", 3)
    assert tinh.article.endswith("Điều 22, khoản 1, điểm a") and "Chiến sĩ thi đua cơ sở" in tinh.quote
    national = by_rule["cstd_toan_quoc_after_2_cstd_tinh"]
    assert (national.title, national.requires, national.count) == ("cstd_toan_quoc", "cstd_tinh", 2)
    assert national.article.endswith("Điều 21, khoản 1, điểm a") and "Bộ, ban, ngành, tỉnh" in national.quote


def test_a_national_proposal_after_one_provincial_title_is_named_in_both_languages() -> None:
    register = frame([person(2023, "cstd_tinh"), person(2021, "cstd_tinh")])
    found = check(frame([person(2024, "cstd_toan_quoc")]), register, CATALOGUE)
    assert found.values.tolist() == [[0, "missing_earlier", "cstd_toan_quoc_after_2_cstd_tinh", 2, 1]]
    said = award_words.findings(CATALOGUE, found)[0]
    assert said.text("vi") == (
        "Dòng 2: sổ khen thưởng ghi 1 lần liên tục “Chiến sĩ thi đua tỉnh”, cần 2 lần "
        "(Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 21, khoản 1, điểm a)."
    )
    assert said.text("en").startswith(
        "Row 2: the register shows 1 consecutive “Provincial Emulation Fighter”"
    )


def test_every_title_the_law_lists_cites_its_article() -> None:
    listed = {
        "cstd_toan_quoc": "Điều 19, khoản 1",
        "cstd_tinh": "Điều 19, khoản 2",
        "cstd_co_so": "Điều 19, khoản 3",
        "lao_dong_tien_tien": "Điều 19, khoản 4",
        "co_thi_dua_cp": "Điều 20, điểm a",
        "co_thi_dua_tinh": "Điều 20, điểm b",
        "tap_the_ldxs": "Điều 20, điểm c",
        "tap_the_ldtt": "Điều 20, điểm d",
    }
    for code, article in listed.items():
        award = CATALOGUE.awards[code]
        assert article in award.article and award.source.startswith("http"), code
    household = CATALOGUE.awards["gia_dinh_van_hoa"]
    assert household.takes("household") and not household.takes("person")
    assert household.article.startswith("Nghị định 86/2023/NĐ-CP") and household.level == "commune"
    # An award whose article was not read says so in its source rather than carrying a guessed one.
    unread = [a for a in CATALOGUE.awards.values() if not a.article]
    assert {a.code for a in unread} == {"bang_khen_tinh", "gia_dinh_tieu_bieu"}
    assert all("chưa đối chiếu" in a.source for a in unread)


# Who decides each award, as Điều 77 (the President), 78 (the Government, the Prime Minister) and 80
# (heads of units, district and commune chairmen) of Luật 06/2022/QH15 say.
DECIDERS = {
    "huan_chuong_ld_1": ("Chủ tịch nước", "thẩm quyền: Điều 77"),
    "huan_chuong_ld_2": ("Chủ tịch nước", "thẩm quyền: Điều 77"),
    "huan_chuong_ld_3": ("Chủ tịch nước", "thẩm quyền: Điều 77"),
    "co_thi_dua_cp": ("Chính phủ", "thẩm quyền: Điều 78, khoản 1"),
    "cstd_toan_quoc": ("Thủ tướng Chính phủ", "thẩm quyền: Điều 78, khoản 2"),
    "bang_khen_ttg": ("Thủ tướng Chính phủ", "thẩm quyền: Điều 78, khoản 2"),
    "giay_khen_huyen": ("Chủ tịch UBND huyện", "thẩm quyền: Điều 80, khoản 2"),
    "giay_khen_xa": ("Chủ tịch UBND cấp xã", "thẩm quyền: Điều 80, khoản 3"),
    "gia_dinh_van_hoa": ("Chủ tịch UBND cấp xã", "Điều 80, khoản 3"),
}


@pytest.mark.parametrize("code", DECIDERS)
def test_each_award_names_who_decides_it_as_the_law_does(code: str) -> None:
    award = CATALOGUE.awards[code]
    decider, article = DECIDERS[code]
    assert award.decided_by == decider and article in award.article
    assert "http" in award.source


def test_the_forms_name_their_article_and_rank_in_the_law_s_order() -> None:
    # Điều 33, khoản 2 lists the Labour Order's classes Nhất, Nhì, Ba; Điều 73 sets the Prime Minister's
    # certificate after the orders and medals.
    naming = {
        "huan_chuong_ld_1": "Điều 33, khoản 2",
        "huan_chuong_ld_2": "Điều 33, khoản 2",
        "huan_chuong_ld_3": "Điều 33, khoản 2",
        "bang_khen_ttg": "Điều 73",
    }
    for code, article in naming.items():
        assert CATALOGUE.awards[code].article.startswith(
            f"Luật Thi đua, khen thưởng số 06/2022/QH15, {article}"
        )
    assert "tiêu chuẩn: Điều 44" in CATALOGUE.awards["huan_chuong_ld_3"].article
    ranks = [CATALOGUE.awards[c].rank for c in naming]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def test_the_forms_rank_as_their_deciders_stand_in_the_law() -> None:
    # The articles on who decides run from the President down to the commune chairman: a form decided
    # under an earlier article or clause never ranks below one decided under a later one.
    found = []
    for award in CATALOGUE.awards.values():
        seen = re.search(r"thẩm quyền: Điều (\d+)(?:, khoản (\d+))?$", award.article)
        if award.kind == "form" and seen:
            found.append(((int(seen[1]), int(seen[2] or 0)), award.rank, award.code))
    assert {code for _, _, code in found} >= {"huan_chuong_ld_3", "bang_khen_ttg", "giay_khen_xa"}
    by_law = [rank for _, rank, _ in sorted(found)]
    assert by_law == sorted(by_law)


def cases(rule: Rule) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(register, proposals) that pass, then (register, proposals) that fail `rule`."""
    if rule.kind == "consecutive":
        proposal = frame([person(2024, rule.title)])
        enough = frame([person(2024 - rule.count + i, rule.requires) for i in range(rule.count)])
        # One year short of the run, with a gap where the run would close.
        gap = frame([person(2024 - rule.count - 1 + i, rule.requires) for i in range(rule.count) if i != 1])
        return enough, proposal, gap, proposal
    assert rule.share is not None
    base = frame([person(2024, rule.requires, name=f"Người {i}") for i in range(20)])
    allowed = int(20 * rule.share)
    ok = frame([person(2024, rule.title, name=f"Người {i}") for i in range(allowed)])
    over = frame([person(2024, rule.title, name=f"Người {i}") for i in range(allowed + 1)])
    return base, ok, base, over


CAP = Rule(
    "cap_test", "cap", "cstd_co_so", "lao_dong_tien_tien", 0, 0.15, "Nghị định thử, Điều 1", "q" * 41, "s"
)


@pytest.mark.parametrize("rule", [*CATALOGUE.rules, CAP], ids=lambda r: r.rule)
def test_every_rule_passes_and_fails(rule: Rule) -> None:
    only = replace(CATALOGUE, rules=(rule,))
    good_register, good, bad_register, bad = cases(rule)
    assert check(good, good_register, only).empty
    found = check(bad, bad_register, only)
    assert set(found["code"]) == {"missing_earlier" if rule.kind == "consecutive" else "cap_exceeded"}
    assert set(found["rule"]) == {rule.rule}


def test_a_rule_without_its_quote_is_refused(tmp_path: Path) -> None:
    shutil.copy(cat.DATA / "catalogue.csv", tmp_path)
    rules = (cat.DATA / "rules.csv").read_text(encoding="utf-8").splitlines()
    header, first = rules[0], rules[1]
    without = first.split(',"Luật')[0]
    tmp_path.joinpath("rules.csv").write_text(f"{header}\n{without},,,\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="no article"):
        cat.load(tmp_path)


def test_a_rule_on_an_unknown_title_is_refused() -> None:
    broken = Catalogue(CATALOGUE.awards, (replace(CATALOGUE.rules[0], requires="khong_co"),))
    with pytest.raises(CatalogueError, match="unknown title"):
        cat._checked(broken)
