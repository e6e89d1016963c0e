"""The event lexicon: verb and noun patterns → CAMEO codes, shipped as TSV in ``accord/data/lexicon``.

Users read and extend it (``accord lexicon show|add``); the coder only interprets it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..ontology import data_path


@dataclass(frozen=True)
class VerbPattern:
    id: str
    verb: str
    objects: frozenset[str]  # empty: any object or none
    preps: frozenset[str]  # empty: the direct object is the target
    cameo: str

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.preps)


@dataclass(frozen=True)
class NounPattern:
    id: str
    noun: str
    preps: frozenset[str]
    cameo: str


def _split(value: str | None) -> frozenset[str]:
    return frozenset(v.strip().lower() for v in (value or "").split("|") if v.strip())


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


class Lexicon:
    def __init__(self) -> None:
        self.verbs: dict[str, list[VerbPattern]] = defaultdict(list)
        self.nouns: dict[str, list[NounPattern]] = defaultdict(list)
        self.symmetric: tuple[str, ...] = ()

    @classmethod
    def load(cls, directory: Path | None = None, store=None) -> "Lexicon":
        lex = cls()
        directory = directory or data_path("lexicon")
        for row in _read(directory / "verbs.tsv"):
            lex.add_verb(VerbPattern(row["id"], row["verb"].lower(), _split(row.get("object")),
                                     _split(row.get("prep")), row["cameo"]))
        for row in _read(directory / "nouns.tsv"):
            for noun in _split(row["noun"]):
                lex.nouns[noun].append(NounPattern(row["id"], noun, _split(row.get("prep")), row["cameo"]))
        lex.symmetric = tuple(r["prefix"] for r in _read(directory / "symmetric.tsv"))
        return lex

    def add_verb(self, pattern: VerbPattern) -> None:
        self.verbs[pattern.verb].append(pattern)
        self.verbs[pattern.verb].sort(key=lambda p: -p.specificity)

    def is_symmetric(self, cameo: str) -> bool:
        return any(cameo.startswith(p) for p in self.symmetric)
