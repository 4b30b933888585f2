"""model.coerce builds the same typed frame as the column-by-column reference, on awkward input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.core import model
from indicators.core.model import AREA_LINKS, AREAS, OBSERVATIONS, REPORTED, TABLES, TARGETS, Dataset, coerce


def reference(table: model.Table, frame: pd.DataFrame) -> pd.DataFrame:
    """coerce as it was written before it built the frame at once: one column inserted at a time."""
    out = pd.DataFrame(index=range(len(frame)))
    for column in table.columns:
        values = frame[column].reset_index(drop=True) if column in frame else None
        if column in model._INT_COLUMNS:
            if values is None:
                values = pd.Series([pd.NA] * len(frame))
            numeric = pd.to_numeric(values, errors="raise")
            if column == "base_year":
                numeric = numeric.where(numeric.fillna(0) != 0)
            out[column] = numeric.astype(model._INT_COLUMNS[column])
        elif column in model._BOOL_COLUMNS:
            flags = values if values is not None else pd.Series([False] * len(frame))
            out[column] = flags.map(lambda v: str(v).strip().casefold() in model._TRUE_WORDS).astype(bool)
        elif column in model._FLOAT_COLUMNS:
            if values is None:
                values = pd.Series([None] * len(frame), dtype=object)
            values = values.map(lambda v: None if isinstance(v, str) and not v.strip() else v)
            out[column] = pd.to_numeric(values, errors="raise").astype("float64")
        else:
            text = values if values is not None else pd.Series([""] * len(frame))
            out[column] = text.fillna("").astype(str)
    return out


YES_WORDS = [True, "True", " X ", "x", "có", "CÓ", "co", "yes", "1", "1.0"]
NO_WORDS = [False, "0", "", None, np.nan, "no", "không"]
FLAG_WORDS = [*YES_WORDS, *NO_WORDS]


def _observations_by_hand() -> pd.DataFrame:
    """Cells as a workbook gives them: text numbers, blanks, None and NaN, an index not 0..n-1."""
    rows = 6
    return pd.DataFrame(
        {
            "code": ["A", None, "B", np.nan, "C", " D "],
            "area": [12, "106", "03390", None, "03405", "12"],
            "year": ["2020", 2019, 2018.0, "2017", 2016, "2015"],
            "kind": ["actual"] * rows,
            "base_year": [0, None, "2015", pd.NA, 2016.0, "0"],
            "value": ["", "  ", "2.5", None, 3, np.nan],
            "qualifier": ["khoang", "", None, np.nan, "tren", "duoi"],
            "period_unstated": ["có", "x", "1.0", "no", None, " TRUE "],
        },
        index=[10, 5, 7, 3, 99, -1],
    )


def _observations_as_stored() -> pd.DataFrame:
    """Columns as the store reads them back: str text, int64 years, float base years, bool flags."""
    return pd.DataFrame(
        {
            "code": pd.Series(["A", "B", "C"], dtype=str),
            "area": pd.Series(["12", "106", "03390"], dtype=str),
            "year": np.array([2020, 2019, 2018], dtype="int64"),
            "kind": pd.Series(["actual", "estimate", "change"], dtype=str),
            "base_year": [np.nan, 2015.0, 0.0],
            "value": [1.5, np.nan, -0.0],
            "qualifier": pd.Series(["", "khoang", None], dtype=str),
            "section": pd.Series(["I", "II", "III"], dtype=str),
            "quote": pd.Series(["q", "", "r"], dtype=str),
            "note": pd.Series(["", "", ""], dtype=str),
            "period_unstated": [True, False, True],
        }
    )


def _targets_with_number_flags() -> pd.DataFrame:
    """Flags given as numbers, whole and real, and as pandas' nullable booleans."""
    return pd.DataFrame(
        {
            "code": ["A", "B", "C", "D"],
            "area": ["12"] * 4,
            "year": np.array([2025, 2025, 2020, 2020], dtype="int64"),
            "value": np.array([1, 2, 3, 4], dtype="int64"),
            "derived": np.array([1, 0, 2, -1], dtype="int64"),
            "yearly": [1.0, 0.0, np.nan, 1.5],
            "quote": pd.array(["a", None, "c", "d"], dtype="string"),
        },
        index=pd.RangeIndex(4, 8),
    )


CASES: list[tuple[str, model.Table, pd.DataFrame]] = [
    ("observations by hand", OBSERVATIONS, _observations_by_hand()),
    ("observations as stored", OBSERVATIONS, _observations_as_stored()),
    ("observations already typed", OBSERVATIONS, reference(OBSERVATIONS, _observations_by_hand())),
    ("targets with number flags", TARGETS, _targets_with_number_flags()),
    (
        "targets with every flag word",
        TARGETS,
        pd.DataFrame({"year": [2020] * len(FLAG_WORDS), "derived": FLAG_WORDS}),
    ),
    (
        "targets with nullable flags",
        TARGETS,
        pd.DataFrame({"year": [2020, 2021, 2022], "yearly": pd.array([True, None, False], dtype="boolean")}),
    ),
    (
        "base year typed, with a zero and a gap",
        OBSERVATIONS,
        pd.DataFrame({"year": [2020, 2020, 2020], "base_year": pd.array([0, None, 2015], dtype="Int64")}),
    ),
    ("reported, missing columns", REPORTED, pd.DataFrame({"code": ["A"], "year": [2020]}, index=[4])),
    ("area links, blank shares", AREA_LINKS, pd.DataFrame({"code": ["1", "2"], "share": [" ", "0.5"]})),
    (
        "areas, text already typed with a gap",
        AREAS,
        pd.DataFrame({"code": pd.Series(["12", None], dtype=str)}),
    ),
    (
        "numbered 0..n-1 but not as a range",
        REPORTED,
        pd.DataFrame({"code": ["A", "B"], "year": [2020, 2021]}, index=pd.Index([0, 1], dtype="int64")),
    ),
    (
        "a range with a step",
        REPORTED,
        pd.DataFrame({"code": ["A", "B"], "year": [2020, 2021]}, index=pd.RangeIndex(0, 4, 2)),
    ),
    ("observations, no rows", OBSERVATIONS, pd.DataFrame({c: [] for c in OBSERVATIONS.columns})),
    ("targets, no rows and no columns", TARGETS, pd.DataFrame()),
    (
        "observations, no rows of odd types and a column more",
        OBSERVATIONS,
        pd.DataFrame({"year": pd.Series([], dtype=object), "value": [], "extra": []}, index=pd.Index([])),
    ),
    ("targets, typed but empty", TARGETS, model.empty(TARGETS)),
]


@pytest.mark.parametrize(("table", "frame"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_coerce_is_the_reference_frame(table: model.Table, frame: pd.DataFrame) -> None:
    expected = reference(table, frame)
    got = coerce(table, frame)
    pd.testing.assert_frame_equal(
        got, expected, check_dtype=True, check_index_type=True, check_column_type=True
    )
    assert isinstance(got.index, pd.RangeIndex) and got.index.start == 0
    assert list(got.columns) == list(table.columns)


def test_flag_words_read_as_a_person_means_them() -> None:
    flags = coerce(TARGETS, pd.DataFrame({"year": [2020] * len(FLAG_WORDS), "derived": FLAG_WORDS}))[
        "derived"
    ]
    assert flags.tolist() == [True] * len(YES_WORDS) + [False] * len(NO_WORDS)


def test_numbers_as_flags_are_true_only_at_one() -> None:
    typed = coerce(TARGETS, _targets_with_number_flags())
    assert typed["derived"].tolist() == [True, False, False, False]
    assert typed["yearly"].tolist() == [True, False, False, False]


def test_base_year_zero_is_no_base_year_even_when_already_typed() -> None:
    frame = pd.DataFrame({"year": [2020, 2020], "base_year": pd.array([0, 2015], dtype="Int64")})
    assert coerce(OBSERVATIONS, frame)["base_year"].tolist() == [pd.NA, 2015]


@pytest.mark.parametrize(("column", "bad"), [("value", "nhiều"), ("year", "năm ngoái"), ("base_year", "x")])
def test_a_word_where_a_number_belongs_is_refused_as_before(column: str, bad: str) -> None:
    frame = pd.DataFrame({"year": [2020], column: [bad]})
    with pytest.raises(ValueError):
        reference(OBSERVATIONS, frame)
    with pytest.raises(ValueError):
        coerce(OBSERVATIONS, frame)


def test_changing_the_typed_frame_leaves_the_input_alone() -> None:
    stored = _observations_as_stored()
    before = stored.copy(deep=True)
    typed = coerce(OBSERVATIONS, stored)
    typed.loc[0, "value"] = 99.0
    typed.loc[0, "code"] = "Z"
    typed.loc[0, "period_unstated"] = False
    pd.testing.assert_frame_equal(stored, before)


def test_a_dataset_from_typed_frames_is_unchanged() -> None:
    data = Dataset.from_frames(
        {"observations": _observations_by_hand(), "targets": _targets_with_number_flags()}
    )
    again = Dataset.from_frames({t.name: data.frame(t) for t in TABLES})
    for table in TABLES:
        pd.testing.assert_frame_equal(again.frame(table), data.frame(table), check_index_type=True)
        pd.testing.assert_frame_equal(data.frame(table), reference(table, data.frame(table)))


def test_an_empty_frame_changed_leaves_the_next_one_empty() -> None:
    first = model.empty(OBSERVATIONS)
    first.loc[0] = ["A", "12", 2020, "actual", 2015, 1.0, "", "", "", "", False]
    first["extra"] = 1
    again = model.empty(OBSERVATIONS)
    assert again.empty and list(again.columns) == list(OBSERVATIONS.columns)
    pd.testing.assert_frame_equal(again, reference(OBSERVATIONS, pd.DataFrame()), check_index_type=True)
    assert Dataset.empty().observations.empty
