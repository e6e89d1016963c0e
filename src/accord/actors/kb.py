"""The actor knowledge base: surface phrases → CAMEO actor code, country, PLOVER sector.

Loaded from the TSV files shipped in ``accord/data/actors`` (and any a user adds). Each row:
``phrase  code  country  sector  kind  name  [valid_from  valid_until]``; ``agents.tsv`` maps sector
nouns ("diplomats", "troops") to agent codes. Dates bound roles: who was Secretary of State in May 2007.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..ontology import data_path


@dataclass(frozen=True)
class ActorEntry:
    phrase: str
    code: str
    country: str | None
    sector: str | None
    kind: str  # country, capital, demonym, igo, org, person, metonym ...
    name: str | None = None
    valid_from: str | None = None  # ISO date, inclusive
    valid_until: str | None = None  # ISO date, inclusive

    def valid_on(self, day: str | None) -> bool:
        if day is None:
            return self.valid_until is None
        if self.valid_from and day < self.valid_from:
            return False
        if self.valid_until and day > self.valid_until:
            return False
        return True


@dataclass(frozen=True)
class AgentEntry:
    phrase: str
    code: str  # CAMEO agent code: GOV, MIL, REB ...
    sector: str | None  # PLOVER sector


def _rows(path: Path) -> Iterable[list[str]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            yield [c.strip() for c in line.rstrip("\n").split("\t")]


class KnowledgeBase:
    """Phrase look-ups over actors and agents. Build once per process and share."""

    def __init__(self) -> None:
        self.actors: dict[str, list[ActorEntry]] = defaultdict(list)
        self.agents: dict[str, AgentEntry] = {}

    @classmethod
    def load(cls, directory: Path | None = None, extra: Iterable[Path] = (), store=None) -> "KnowledgeBase":
        kb = cls()
        directory = directory or data_path("actors")
        for path in sorted(directory.glob("*.tsv")):
            if path.name.startswith("agents"):
                kb.add_agents_file(path)
            else:
                kb.add_actors_file(path)
        for path in extra:
            kb.add_actors_file(path)
        return kb

    def add_actors_file(self, path: Path) -> None:
        for row in _rows(path):
            row += [""] * (8 - len(row))
            phrase, code, country, sector, kind, name, start, end = row[:8]
            if phrase and code:
                self.add_actor(ActorEntry(phrase.lower(), code, country or None, sector or None, kind or "actor",
                                          name or None, start or None, end or None))

    def add_agents_file(self, path: Path) -> None:
        for row in _rows(path):
            row += [""] * (3 - len(row))
            if row[0] and row[1]:
                self.add_agent(AgentEntry(row[0].lower(), row[1], row[2] or None))

    def add_actor(self, entry: ActorEntry) -> None:
        self.actors[entry.phrase].append(entry)

    def add_agent(self, entry: AgentEntry) -> None:
        self.agents[entry.phrase] = entry

    def lookup(self, phrase: str, day: str | None = None) -> ActorEntry | None:
        """The entry for a phrase valid on ``day`` (date-bounded entries first, then open ones)."""
        entries = self.actors.get(phrase.lower())
        if not entries:
            return None
        bounded = [e for e in entries if (e.valid_from or e.valid_until) and e.valid_on(day)]
        if bounded:
            return bounded[0]
        open_ = [e for e in entries if not (e.valid_from or e.valid_until)]
        return open_[0] if open_ else None

    def agent(self, word: str) -> AgentEntry | None:
        return self.agents.get(word.lower())

    def phrases(self) -> list[str]:
        return list(self.actors)
