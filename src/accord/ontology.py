"""CAMEO and PLOVER: the two event ontologies, loaded from the shipped data files.

One place for each fact: QuadClass and Goldstein come from ``cameo_event_codes.tsv``; PLOVER types,
modes, contexts and sectors from ``plover.json``; the bridge between them from ``cameo_plover.tsv``.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


def data_path(*parts: str) -> Path:
    """Path of a file shipped in ``accord/data``."""
    return Path(__file__).parent.joinpath("data", *parts)


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    description: str


@dataclass(frozen=True)
class PloverType:
    name: str
    quad_code: int
    requires_recipient: bool
    modes: tuple[str, ...]


class Ontology:
    """Look-ups over CAMEO and PLOVER. Cheap to build; share one per process via ``Resources``."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or data_path("ontology")

    @cached_property
    def cameo(self) -> dict[str, CameoCode]:
        out: dict[str, CameoCode] = {}
        with open(self.directory / "cameo_event_codes.tsv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                out[row["code"]] = CameoCode(
                    code=row["code"],
                    root=row["root"],
                    name=row["name"],
                    quad_class=int(row["quad_class"]),
                    goldstein=float(row["goldstein"]) if row["goldstein"].strip() else float("nan"),
                    description=row.get("description") or "",
                )
        # A code without a Goldstein score (1213 in GDELT's table) takes its parent's.
        for code, entry in sorted(out.items(), key=lambda kv: len(kv[0])):
            if entry.goldstein != entry.goldstein:
                parent = out.get(code[:-1]) or out.get(entry.root)
                out[code] = CameoCode(code, entry.root, entry.name, entry.quad_class,
                                      parent.goldstein if parent else 0.0, entry.description)
        return out

    @cached_property
    def _plover(self) -> dict:
        with open(self.directory / "plover.json", encoding="utf-8") as fh:
            return json.load(fh)

    @cached_property
    def plover_types(self) -> dict[str, PloverType]:
        return {
            t["name"]: PloverType(
                name=t["name"],
                quad_code=int(t["quad_code"]),
                requires_recipient=bool(t["requires_recipient"]),
                modes=tuple(m["name"] for m in t.get("modes", [])),
            )
            for t in self._plover["event_types"]
        }

    @cached_property
    def plover_contexts(self) -> tuple[str, ...]:
        return tuple(c["name"] for c in self._plover["contexts"])

    @cached_property
    def sectors(self) -> dict[str, str]:
        return {s["code"]: s["description"] for s in self._plover["sector_codes"]}

    @cached_property
    def _bridge(self) -> dict[str, tuple[str | None, str | None]]:
        out: dict[str, tuple[str | None, str | None]] = {}
        with open(self.directory / "cameo_plover.tsv", encoding="utf-8") as fh:
            lines = [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.startswith("#")]
        for line in lines[1:]:
            parts = line.split("\t") + ["", ""]
            out[parts[0].strip()] = (parts[1].strip() or None, parts[2].strip() or None)
        return out

    def cameo_info(self, code: str) -> CameoCode:
        """The CAMEO entry for a code; an unknown sub-code falls back to its parent (``0431`` → ``043``)."""
        probe = code
        while probe:
            if probe in self.cameo:
                found = self.cameo[probe]
                if probe != code:
                    return CameoCode(code, found.root, found.name, found.quad_class, found.goldstein, found.description)
                return found
            probe = probe[:-1]
        raise KeyError(f"unknown CAMEO code {code!r}")

    def is_cameo(self, code: str) -> bool:
        return code in self.cameo

    def plover_for(self, cameo_code: str) -> tuple[str | None, str | None]:
        """PLOVER (type, mode) for a CAMEO code, by longest matching prefix."""
        for n in range(len(cameo_code), 1, -1):
            hit = self._bridge.get(cameo_code[:n])
            if hit is not None:
                return hit
        return (None, None)

    def requires_recipient(self, plover_type: str | None) -> bool:
        t = self.plover_types.get(plover_type or "")
        return bool(t and t.requires_recipient)
