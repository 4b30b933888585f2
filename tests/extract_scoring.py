"""Scoring a reading against hand labels: recall and precision on (value, indicator), and the misses."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from indicators.extract.figures import Figure

SENTENCES_TSV = Path(__file__).parent / "fixtures" / "extract_sentences.tsv"


@dataclass
class Score:
    """True positives over what was labelled (recall) and over what was proposed (precision)."""

    labelled: int = 0
    proposed: int = 0
    hits: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    kind_right: int = 0
    unit_right: int = 0

    @property
    def recall(self) -> float:
        return self.hits / self.labelled if self.labelled else 0.0

    @property
    def precision(self) -> float:
        return self.hits / self.proposed if self.proposed else 0.0


def labelled_sentences(path: Path = SENTENCES_TSV) -> dict[str, list[dict[str, str]]]:
    """The hand-labelled figures of each sentence, in file order."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    by_sentence: dict[str, list[dict[str, str]]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        by_sentence.setdefault(row["sentence"], []).append(row)
    return by_sentence


def score_sentence(score: Score, found: list[Figure], labels: list[dict[str, str]]) -> None:
    """Add one sentence's reading to the score: a hit is the labelled value with its labelled indicator."""
    with_value = [f for f in found if f.value is not None]
    for label in labels:
        if not label["indicator"]:
            continue
        score.labelled += 1
        value = float(label["value"])
        same = [f for f in with_value if abs(f.value - value) < 1e-9 and f.indicator == label["indicator"]]  # type: ignore[operator]
        if same:
            score.hits += 1
            score.kind_right += same[0].kind == label["kind"]
            score.unit_right += same[0].unit == label["unit"]
        else:
            got = [(f.value, f.indicator or "-") for f in with_value if abs(f.value - value) < 1e-9]  # type: ignore[operator]
            score.misses.append(f"{label['indicator']} {value:g}: read as {got or 'no figure'}")
    for figure in with_value:
        if not figure.indicator:
            continue
        score.proposed += 1
        right = any(
            abs(float(lb["value"]) - figure.value) < 1e-9 and lb["indicator"] == figure.indicator  # type: ignore[operator]
            for lb in labels
        )
        if not right:
            score.wrong.append(f"{figure.indicator} {figure.value:g} in «{figure.sentence[:60]}»")
