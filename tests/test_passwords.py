"""New passwords: the place's names and the product's words count for nothing, nor do runs of spaces."""

from __future__ import annotations

import pytest

from indicators.store import accounts, passwords
from indicators.store.accounts import AccountError
from indicators.store.database import Store

STRONG = "mây trắng đỉnh Pu Ta Leng"
# Refused as guessable once the place names are zxcvbn's user inputs, or as resting on a place.
PLACE = {"accounts.guessable_password", "accounts.place_password"}


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")


@pytest.fixture
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(f"sqlite:///{tmp_path_factory.mktemp('pw') / 'store.sqlite'}", seed=None).ensure()


@pytest.mark.parametrize(
    ("password", "keys"),
    [
        # A place's name, a year and a sign: zxcvbn without the place names scores these 4 of 4.
        ("Tamduong2025!", PLACE),
        ("TamDuong@2025", PLACE),
        ("Tam Đường 2025!", PLACE),
        ("Laichau2024!!", PLACE),
        ("Binhlu2025!ab", PLACE),  # a commune of Lai Châu
        ("Bảng chỉ tiêu 2025", PLACE),  # the product's own words
        # Mostly spaces: the checks read a run of spaces as one.
        ("Kx9#" + " " * 10 + "mQ2!" + " " * 10 + "vB7$pz", {"accounts.spacey_password"}),
        ("a" + " " * 20 + "b" * 11, {"accounts.spacey_password"}),
        (" " * 30 + "Pu Ta Leng", {"accounts.short_password"}),
    ],
)
def test_guessable_new_passwords_are_refused(store: Store, password: str, keys: set[str]) -> None:
    with pytest.raises(AccountError) as refused:
        accounts.add_user(store, "lan", "analyst", password)
    assert refused.value.message.key in keys
    assert refused.value.text("en") and refused.value.text("vi") != refused.value.text("en")
    assert accounts.list_users(store).empty


def test_the_store_s_own_area_names_count_too(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # A place only the store knows (a national list loaded later, say): read from the store.
    monkeypatch.setattr(accounts, "_place_names", lambda _store: ["Xã Nậm Cuổi"])
    with pytest.raises(AccountError, match="địa danh"):
        accounts.add_user(store, "lan", "analyst", "Namcuoi2025!!")


@pytest.mark.parametrize(
    "password",
    [STRONG, "chè Shan tuyết Bản Bo 1958", "suối Tả Lèng chảy về xuôi", "Kx9#mQ2!vB7$pzR4"],
)
def test_strong_passwords_still_pass_even_with_a_place_inside(store: Store, password: str) -> None:
    accounts.add_user(store, "lan", "analyst", password)
    assert accounts.sign_in(store, "lan", password).ok


def test_place_words_take_every_form_a_name_is_typed_in() -> None:
    words = passwords.place_words(["Xã Bình Lư", "Huyện Tam Đường"])
    assert {"bình lư", "binh lu", "binhlu", "tam duong", "tamduong", "tamđường"} <= set(words)
    assert "xã bình lư" not in words  # the kind of unit is not part of the name people type
    assert words.index("tam đường") < words.index("bình lư")  # the product's own first
    assert passwords.fold("Đường Tả Lèng") == "duong ta leng"
    assert passwords.collapse("  mây   trắng  ") == "mây trắng"


def test_the_shipped_communes_are_among_the_place_names(store: Store) -> None:
    names = accounts._place_names(store)
    assert {"Xã Bình Lư", "Xã Tả Lèng", "Xã Bản Bo", "Xã Khun Há", "Tỉnh Lai Châu"} <= set(names)
