"""A reporter's template holds their own areas, not the national list; older templates are still taken."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from indicators.core.model import OBSERVATIONS, Dataset, coerce
from indicators.excel import validate
from indicators.excel import writer as xlsx_writer
from indicators.rounds import sending, workflow
from indicators.store import scope
from indicators.store.database import Store
from tests.test_rounds import BINH_LU, TA_LENG, cheap_hashes, opened, people, upload_of

__all__ = ["cheap_hashes", "people"]  # fixtures, used by name


def filled(template: Dataset, figures: dict[str, float]) -> bytes:
    """The template with the reporter's figures typed in (and no other figure rows)."""
    rows = pd.DataFrame(
        [{"code": c, "area": BINH_LU, "year": 2026, "kind": "actual", "value": v} for c, v in figures.items()]
    )
    return xlsx_writer.workbook_bytes(replace(template, observations=coerce(OBSERVATIONS, rows)))


def test_the_template_holds_the_area_the_units_under_it_and_the_areas_above_it(store: Store) -> None:
    data = store.load()
    mine = sending.template(data, BINH_LU)
    codes = set(mine.areas["code"])
    assert BINH_LU in codes and "12" in codes  # the commune and its province
    assert TA_LENG not in codes and codes <= scope.descendants(data.areas, "12")
    # 03390 names Bình Lư before 2025 too, a commune of the former district 106 then.
    assert codes == scope.descendants(data.areas, BINH_LU) | {"12", "106"}
    assert len(mine.areas) < len(data.areas)
    assert set(mine.observations["area"]) <= codes
    # The catalogue of indicators is whole: the reporter reads what each row asks for.
    assert mine.indicators["code"].tolist() == data.indicators["code"].tolist()


def test_a_filled_template_and_an_older_whole_one_send_the_same_figures(people: Store) -> None:
    found = opened(people)
    data = people.load()
    book = filled(sending.template(data, BINH_LU), {"TEA_AREA": 950.0})
    upload = validate.check(book, "xa.xlsx", data)
    assert upload.ok, validate.report_text(upload)
    assert len(upload.frames["areas"]) == len(sending.template(data, BINH_LU).areas)
    first = workflow.submit(people, "binhlu", upload)
    sent = workflow.figure_keys(people, found.id)
    assert sent[["code", "area", "year"]].values.tolist() == [["TEA_AREA", BINH_LU, 2026]]
    # The store's areas are untouched by a template that leaves most of them out.
    assert people.load().areas.equals(data.areas)
    older = upload_of(data, {BINH_LU: {"TEA_AREA": 950.0}})
    assert len(older.frames["areas"]) == len(data.areas)
    second = workflow.submit(people, "binhlu", older)  # sent again: it replaces the pending one
    latest = sending.latest(people, BINH_LU)
    assert latest is not None and latest.id == second != first
    assert sending.figures_of(people, latest)[["code", "sent"]].values.tolist() == [["TEA_AREA", 950.0]]
