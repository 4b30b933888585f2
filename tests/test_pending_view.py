"""The data with figures not yet approved: what is put over the version, and what is marked."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.core import progress
from indicators.core.model import Dataset, Pending
from indicators.rounds import pending_view, workflow
from indicators.store import accounts
from indicators.store.database import Store
from indicators.text import phrase, tables
from indicators.text.fmt import Lang
from tests.support.prepared import PreparedStores
from tests.test_rounds import BINH_LU, DUE, PASSWORD, upload_of

TAM_DUONG = "106"


def test_a_figure_marks_itself_and_the_totals_above_it() -> None:
    areas = pd.DataFrame(
        {"code": ["12", "106", "03390"], "name": "x", "level": "commune", "parent": ["", "12", "12"]}
    )
    # The province has a tea figure of its own for 2025 (its own is what it shows), none for 2026.
    own = {"code": ["TEA_AREA"], "area": ["12"], "year": [2025], "kind": ["actual"], "value": [3000.0]}
    data = Dataset.from_frames({"areas": areas, "observations": pd.DataFrame(own)})
    figures = pd.DataFrame(
        {"code": ["TEA_AREA", "TEA_AREA"], "area": ["03390", "03390"], "year": [2026, 2025]}
    )
    marks = pending_view.marked(figures, data, (7,))
    assert marks.own == frozenset({("TEA_AREA", "03390", 2026), ("TEA_AREA", "03390", 2025)})
    # 2026: the province's figure is its units' total, which holds the pending one; 2025: its own.
    assert marks.totals == frozenset({("TEA_AREA", "12", 2026)})
    assert marks.holds("TEA_AREA", "03390", 2026) and marks.holds("TEA_AREA", "12", "2026")
    assert not marks.holds("TEA_AREA", "12", 2025)
    # Another year, indicator or area is not marked; a row without a year holds no figure.
    assert not marks.holds("TEA_AREA", "03390", 2024)
    assert not marks.holds("POV_RATE", "03390", 2026)
    assert not marks.holds("TEA_AREA", TAM_DUONG, 2026)
    assert not marks.holds("TEA_AREA", "03390", "") and not marks.holds("TEA_AREA", "03390", float("nan"))
    assert not marks.holds("TEA_AREA", "03390", pd.NA) and not marks.holds("TEA_AREA", "03390", None)
    # With no sendings nothing is marked, whatever the keys say.
    assert not Pending(marks.own).holds("TEA_AREA", "03390", 2026)


def test_a_comparison_marks_the_unit_and_the_parents_sum_of_it() -> None:
    marks = Pending(frozenset({("TEA_AREA", "03390", 2025)}), sendings=(7,))
    # The parent's row adds its units up, whatever its own figure: it holds the unit's pending one.
    areas, parents = ["03424", "03390", "12"], [False, False, True]
    assert marks.in_rows("TEA_AREA", 2025, areas, parents) == [False, True, True]
    assert marks.in_rows("TEA_AREA", 2026, areas, parents) == [False, False, False]


@pytest.mark.parametrize(
    ("lang", "cell", "sentence", "text"),
    [
        ("vi", "990 ha (ước; chưa duyệt)", "ước 990 ha (chưa duyệt)", "ước 990 ha (chưa duyệt)"),
        ("en", "990 ha (est.; not yet approved)", "an estimated 990 ha (not yet approved)", None),
    ],
)
def test_phrase_puts_the_mark_after_the_figure(
    lang: Lang, cell: str, sentence: str, text: str | None
) -> None:
    figure = phrase.Figure(990.0, "ha", estimate=True, pending=True)
    assert phrase.figure_cell(figure, lang) == cell
    assert phrase.in_sentence(figure, lang) == sentence
    if text is not None:
        assert phrase.figure_text(figure, lang) == text
    # The number alone never carries it (a caller adds it once, where the figure is said whole).
    assert "duyệt" not in phrase.number(figure, lang) and "approved" not in phrase.number(figure, lang)
    approved = phrase.Figure(990.0, "ha")
    assert phrase.figure_cell(approved, lang) == "990 ha"
    # A missing figure takes no mark: "—", never "— (chưa duyệt)".
    assert phrase.figure_cell(phrase.Figure(float("nan"), "ha", pending=True), lang) == "—"


def send_for_review(store: Store) -> None:
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(store, "binhlu", "reporter", PASSWORD, area=BINH_LU)
    workflow.open_round(store, "tinh", 2026, "12", "TEA_AREA", DUE)
    workflow.submit(store, "binhlu", upload_of(store.load(), {BINH_LU: {"TEA_AREA": 990.0}}))


@pytest.fixture
def waiting(store_url: str, prepared_stores: PreparedStores) -> Store:
    """The seeded store after `send_for_review`: set up once a session, each test's own copy."""
    return prepared_stores.store(store_url, send_for_review)


def test_the_pending_figures_are_put_over_the_version_and_named(waiting: Store) -> None:
    approved = waiting.load()
    sendings = pending_view.pending_sendings(waiting)
    assert len(sendings) == 1
    shown = pending_view.with_pending(waiting, approved)
    # The same version, its figures and the one pending figure over them, marked; the store unchanged.
    assert shown.version == approved.version and shown.pending.sendings == sendings
    obs = shown.observations
    mine = obs[(obs["code"] == "TEA_AREA") & (obs["area"] == BINH_LU) & (obs["year"] == 2026)]
    assert mine["value"].tolist() == [990.0]
    assert len(obs) == len(approved.observations) + 1
    assert pending_view.count(shown) == 1
    assert waiting.load().pending == Pending() and len(waiting.load().observations) == len(
        approved.observations
    )


def test_nothing_pending_is_the_version_itself(store: Store) -> None:
    data = store.load()
    assert pending_view.pending_sendings(store) == ()
    assert pending_view.with_pending(store, data) is data
    assert pending_view.count(data) == 0
    # A frame is flagged only where the reader sees pending figures: as it is otherwise.
    rows = pd.DataFrame({"code": ["TEA_AREA"], "area": [BINH_LU], "year": [2026]})
    assert pending_view.flagged(rows, data.pending) is rows


def test_the_goals_tables_mark_a_pending_latest_figure(store: Store) -> None:
    accounts.add_user(store, "tinh", "analyst", PASSWORD, area="12")
    accounts.add_user(store, "huyen", "reporter", PASSWORD, area=TAM_DUONG)
    workflow.open_round(store, "tinh", 2023, "12", "POV_RATE", DUE)
    workflow.submit(store, "huyen", upload_of(store.load(), {TAM_DUONG: {"POV_RATE": 5.0}}, 2023))
    data = pending_view.with_pending(store, store.load())
    rows = progress.compute(data)
    mine = rows[(rows["code"] == "POV_RATE") & (rows["area"] == TAM_DUONG)]
    summary = tables.goals_summary(data, mine, "vi")
    assert summary["latest"].tolist() == ["5 (2023) (chưa duyệt)"]
    assert tables.goals_table(data, mine, "vi")["pending"].tolist() == ["chưa duyệt"]
    # Approved figures only: no 2023 figure, and no column saying anything about approval.
    approved = store.load()
    plain = progress.compute(approved)
    plain = plain[(plain["code"] == "POV_RATE") & (plain["area"] == TAM_DUONG)]
    assert "pending" not in tables.goals_table(approved, plain, "vi")
    assert "chưa duyệt" not in " ".join(tables.goals_summary(approved, plain, "vi")["latest"])
