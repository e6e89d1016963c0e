"""The actor knowledge base: surface phrases → CAMEO actor code, country, PLOVER sector.

Layers, highest priority first (a phrase known to a higher layer hides the lower layers' entries):

1. ``user``       corrections made with ``accord actors set`` (stored in the registry);
2. ``dictionary`` TABARI/PETRARCH dictionaries imported with ``accord actors import``;
3. ``kb``         the TSV files shipped in ``accord/data/actors`` (skipped when an import used ``--replace``);
4. ``registry``   people the corpus registry learnt from earlier articles (inference, lowest).

Shipped actor files (every ``*.tsv`` except ``agents.tsv``, ``sectors.tsv``, ``country_codes.tsv``,
``readings.tsv``) have 9 columns ``phrase code country sector kind name valid_from valid_until source``;
several rows per phrase bound roles by date (who was US Secretary of State in May 2007?) and an undated row
is the fallback.
``agents.tsv`` maps role nouns ("diplomats", "troops") to CAMEO agent codes: ``phrase code sector position
source``; ``sectors.tsv`` maps CAMEO agent codes to PLOVER sectors; ``readings.tsv`` gives second readings
of place names shared by two states (``phrase code country kind name``: Tripoli in Lebanon), which the
finder takes when the text names the second state.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ontology import data_path

ORIGINS = ("user", "dictionary", "kb", "registry")
ORIGIN_RANK = {o: i for i, o in enumerate(ORIGINS)}
SPECIAL_FILES = {"agents.tsv", "sectors.tsv", "country_codes.tsv", "readings.tsv"}
ACTOR_KINDS = ("country", "demonym", "capital", "city", "region", "ethnic", "igo", "ngo", "mnc", "org", "party",
               "armed_group", "person", "metonym")
# Codes whose first three letters are a transnational class rather than a state: the "country" of the actor.
TRANSNATIONAL = ("IGO", "NGO", "NGM", "IMG", "MNC", "ISM", "INT", "UIS")
NULL_CODES = {"---", "+++", "###"}

_SPACES = re.compile(r"\s+")


def normalise_phrase(text: str) -> str:
    """Lower case, single spaces, typographic apostrophes made plain: the form phrases are keyed by."""
    return _SPACES.sub(" ", text.replace("\u2019", "'").replace("_", " ").lower()).strip()


@dataclass(frozen=True)
class ActorEntry:
    phrase: str
    code: str
    country: str | None
    sector: str | None
    kind: str  # one of ACTOR_KINDS, or "dictionary" for an imported entry of unknown kind
    name: str | None = None
    valid_from: str | None = None  # ISO date, inclusive
    valid_until: str | None = None  # ISO date, inclusive
    source: str = ""
    origin: str = "kb"  # user, dictionary, kb, registry
    open_ended: bool = False  # the last word may carry a suffix (TABARI phrases not ending in "_")
    actor_id: str | None = None  # registry id, for registry and user entries
    confidence: float = 1.0

    @property
    def dated(self) -> bool:
        return bool(self.valid_from or self.valid_until)

    def valid_on(self, day: str | None) -> bool:
        if day is None:
            return not self.dated
        day = day[:10]
        if self.valid_from and day < self.valid_from[: len(day)]:
            return False
        if self.valid_until and day[: len(self.valid_until)] > self.valid_until:
            return False
        return True

    @property
    def identity(self) -> str:
        """Which actor this row describes: rows sharing it are one actor's dated roles."""
        return self.actor_id or self.name or self.phrase


@dataclass(frozen=True)
class AgentEntry:
    phrase: str
    code: str  # CAMEO agent code: GOV, MIL, REB ... (may be a compound such as GOVMED)
    sector: str | None  # PLOVER sector
    position: str = "suffix"  # suffix: IRN+GOV; prefix: NGO+IRN
    source: str = ""
    origin: str = "kb"


@dataclass(frozen=True)
class Choice:
    """What a phrase means on a given day: the entry, and how sure the choice is."""

    entry: ActorEntry
    code: str | None
    country: str | None
    sector: str | None
    confidence: float
    bounded: bool = False  # the code comes from a role dated to cover the day


def _rows(path: Path) -> Iterable[list[str]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            yield [c.strip() for c in line.rstrip("\n").split("\t")]


def _date(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


@dataclass
class KnowledgeBase:
    """Phrase look-ups over actors and agents, in priority layers. Build once per process and share."""

    actors: dict[str, list[ActorEntry]] = field(default_factory=lambda: defaultdict(list))
    agents: dict[str, list[AgentEntry]] = field(default_factory=lambda: defaultdict(list))
    sectors: dict[str, str] = field(default_factory=dict)  # CAMEO agent code -> PLOVER sector ("" = none)
    sector_rank: dict[str, int] = field(default_factory=dict)  # row order of sectors.tsv = priority
    regions: set[str] = field(default_factory=set)  # codes that are regions, ethnic groups or classes
    geographic: set[str] = field(default_factory=set)  # of those, the world regions and seas ("region: ...")
    country_codes: dict[str, str] = field(default_factory=dict)  # CAMEO country code -> ISO3
    homelands: dict[str, frozenset[str]] = field(default_factory=dict)  # a people of several states -> them
    readings: dict[str, list[ActorEntry]] = field(default_factory=dict)  # second readings of place names
    registry: Any = None  # accord.actors.registry.RegistrySnapshot, refreshed between batches
    version: int = 0  # bumped on every change so matchers know to rebuild

    # -- loading -----------------------------------------------------------------------------------
    @classmethod
    def load(cls, directory: Path | None = None, extra: Iterable[Path] = (), store: Any = None) -> "KnowledgeBase":
        """Shipped TSVs (unless an import replaced them), then a store's imported dictionaries and registry."""
        kb = cls()
        directory = directory or data_path("actors")
        replace_actors = bool(store is not None and store.builtin_replaced("actors"))
        replace_agents = bool(store is not None and store.builtin_replaced("agents"))
        if (directory / "sectors.tsv").exists():
            kb.add_sectors_file(directory / "sectors.tsv")
        if (directory / "country_codes.tsv").exists():
            kb.add_country_codes_file(directory / "country_codes.tsv")
        if not replace_agents and (directory / "agents.tsv").exists():
            kb.add_agents_file(directory / "agents.tsv")
        if not replace_actors:
            for path in sorted(directory.glob("*.tsv")):
                if path.name not in SPECIAL_FILES:
                    kb.add_actors_file(path)
            if (directory / "readings.tsv").exists():
                kb.add_readings_file(directory / "readings.tsv")
        for path in extra:
            kb.add_actors_file(path)
        if store is not None:
            from .registry import load_snapshot
            from .tabari_import import load_into

            load_into(kb, store)
            kb.set_registry(load_snapshot(store))
        return kb

    @classmethod
    def load_codes(cls, directory: Path | None = None) -> "KnowledgeBase":
        """Only the code tables (sectors, country codes): enough to read a code, quick to load."""
        kb = cls()
        directory = directory or data_path("actors")
        if (directory / "sectors.tsv").exists():
            kb.add_sectors_file(directory / "sectors.tsv")
        if (directory / "country_codes.tsv").exists():
            kb.add_country_codes_file(directory / "country_codes.tsv")
        return kb

    def add_actors_file(self, path: Path, origin: str = "kb") -> int:
        n = 0
        for row in _rows(path):
            row = row + [""] * (9 - len(row))
            phrase, code, country, sector, kind, name, start, end, source = row[:9]
            phrase = normalise_phrase(phrase)
            if not phrase or not code:
                continue
            code = code.upper()
            self.add_actor(ActorEntry(
                phrase, code, (country or self.country_of(code)) or None, sector or None, kind or "org",
                name or None, _date(start), _date(end), source or path.name, origin,
            ))
            n += 1
        return n

    def add_agents_file(self, path: Path, origin: str = "kb") -> int:
        n = 0
        for row in _rows(path):
            row = row + [""] * (5 - len(row))
            phrase, code, sector, position, source = row[:5]
            phrase = normalise_phrase(phrase)
            if phrase and code:
                code = code.upper().strip("~")
                self.add_agent(AgentEntry(phrase, code, sector or self.sector_for(code),
                                          position if position in ("prefix", "suffix") else "suffix",
                                          source or path.name, origin))
                n += 1
        return n

    def add_sectors_file(self, path: Path) -> None:
        """Row order is priority: a compound code takes the sector of its earliest-listed segment."""
        for row in _rows(path):
            if row and row[0] and row[0].upper() not in self.sector_rank:
                code = row[0].upper()
                self.sector_rank[code] = len(self.sector_rank)
                self.sectors[code] = (row[1].upper() if len(row) > 1 else "") or ""

    def add_readings_file(self, path: Path) -> None:
        """Second readings of place names (kept apart from the actor rows: the finder takes them only when the
        text names their state)."""
        for row in _rows(path):
            row = row + [""] * (5 - len(row))
            phrase, code, country, kind, name = row[:5]
            phrase = normalise_phrase(phrase)
            if phrase and code:
                entry = ActorEntry(phrase, code.upper(), country or self.country_of(code), None, kind or "city",
                                   name or None, source=path.name)
                self.readings.setdefault(phrase, []).append(entry)
        self.version += 1

    def add_country_codes_file(self, path: Path) -> None:
        for row in _rows(path):
            if row and row[0]:
                if len(row) >= 2 and len(row[1]) == 3:
                    self.country_codes[row[0].upper()] = row[1].upper()
                else:
                    self.regions.add(row[0].upper())
                    if len(row) >= 3 and row[2].startswith("region:"):
                        self.geographic.add(row[0].upper())
                if len(row) >= 4 and row[3].strip():
                    self.homelands[row[0].upper()] = frozenset(row[3].upper().split())

    def add_actor(self, entry: ActorEntry) -> None:
        self.actors[entry.phrase].append(entry)
        self.version += 1

    def add_agent(self, entry: AgentEntry) -> None:
        self.agents[entry.phrase].append(entry)
        self.version += 1

    def set_registry(self, snapshot: Any) -> None:
        """Swap in a fresh registry snapshot (corrections and learnt people); cheap, no re-indexing of the KB."""
        self.registry = snapshot

    # -- codes, countries, sectors -----------------------------------------------------------------
    def country_of(self, code: str | None) -> str | None:
        """The country (ISO3, or IGO/NGO/...) a CAMEO actor code belongs to."""
        if not code or code in NULL_CODES or code.startswith("---"):
            return None
        head = code[:3].upper()
        if head == "UNO":
            return "IGO"
        if head == "NGM":
            return "NGO"
        if head in TRANSNATIONAL:
            return head
        if head in self.sectors and head not in self.country_codes:
            return None  # an agent-only code ("OPP" for an opposition group of no stated country)
        return self.country_codes.get(head, head)

    def sector_for(self, agent_code: str | None) -> str | None:
        """PLOVER sector of a CAMEO agent code (GOV → GOV, MED → JRN); a compound code (GOVMED) by the
        segment that comes first in ``sectors.tsv`` (its row order is the priority)."""
        if not agent_code:
            return None
        code = agent_code.upper()
        return self._best_sector([code[i:i + 3] for i in range(0, len(code), 3)])

    def _best_sector(self, segments: list[str]) -> str | None:
        if self.sectors:
            ranked = [(self.sector_rank[s], s) for s in segments if self.sectors.get(s)]
            if ranked:
                return self.sectors[min(ranked)[1]]
        table = self._agent_codes()
        for s in segments:
            if s in table:
                return table[s]
        return next((s for s in segments if s in _plover_sectors()), None)

    def _agent_codes(self) -> dict[str, str]:
        cache = getattr(self, "_agent_code_cache", None)
        if cache is None or cache[0] != self.version:
            table: dict[str, str] = {}
            for entries in self.agents.values():
                for a in entries:
                    if a.sector and a.code not in table:
                        table[a.code] = a.sector
            cache = (self.version, table)
            object.__setattr__(self, "_agent_code_cache", cache)
        return cache[1]

    def sector_of_code(self, code: str | None, country: str | None = None) -> str | None:
        """The PLOVER sector implied by a full actor code: IRNGOV → GOV, USALEG → LEG, IMGMUSALQ → REB.
        After a state's prefix only the agent segments count; a transnational prefix counts itself."""
        if not code or len(code) < 3:
            return None
        segments = [code[i:i + 3] for i in range(0, len(code), 3)]
        if segments[0] not in TRANSNATIONAL:
            segments = segments[1:]
        return self._best_sector(segments) if segments else None

    def agent_code_for(self, sector: str | None) -> str | None:
        """The CAMEO agent code that stands for a PLOVER sector (JRN → MED), for codes built from a sector."""
        if not sector:
            return None
        for code, plover in self.sectors.items():
            if plover == sector and len(code) == 3:
                return code
        return sector

    def is_state(self, code: str | None) -> bool:
        """A country code (ISO3 or a CAMEO code mapped to one), not a region, ethnic group or IGO class."""
        if not code or code in TRANSNATIONAL:
            return False
        if self.country_codes:
            return code in self.country_codes and code not in self.regions
        return len(code) == 3 and code.isalpha()

    # -- look-ups ----------------------------------------------------------------------------------
    def entries(self, phrase: str) -> list[ActorEntry]:
        """All entries of a phrase in the best layer that knows it (user > dictionary > kb > registry)."""
        found = self.actors.get(normalise_phrase(phrase))
        if not found:
            return []
        best = min(ORIGIN_RANK.get(e.origin, 9) for e in found)
        return [e for e in found if ORIGIN_RANK.get(e.origin, 9) == best]

    def choose(self, entries: list[ActorEntry], day: str | None) -> Choice | None:
        """The entry valid on ``day``: a date-bounded role first, then the undated fallback.

        Without a day, the most recent actor of those sharing the phrase (Uzbekistan, not the Soviet Union;
        George W. Bush, not his father) and its undated row or, lacking one, its latest role. A person whose
        only roles lie outside the day keeps their country but no sector (we know who, not what they did then).
        """
        if not entries:
            return None
        if day:
            bounded = [e for e in entries if e.dated and e.valid_on(day)]
            if bounded:
                # the narrowest period wins ("ORCHOB 20100109-20100112" inside "HOBMIL 20080120-20121109")
                e = min(bounded, key=_span)
                return self._choice(e, e.confidence, True)
        groups: dict[str, list[ActorEntry]] = {}
        for e in entries:
            groups.setdefault(e.identity, []).append(e)

        def recency(rows: list[ActorEntry]) -> tuple[bool, str]:
            # an actor with an undated row is current (Serbia, not Serbia and Montenegro); then the latest role
            starts = [r.valid_from for r in rows if r.valid_from and (not day or r.valid_from <= day)]
            return any(not r.dated for r in rows), max(starts) if starts else ""

        rows = max(groups.values(), key=recency) if len(groups) > 1 else entries
        if not day and rows[0].kind == "person" and any(e.dated for e in rows):
            # undated text: a person in their latest office, not the KB's "out of office" fallback
            e = max((e for e in rows if e.dated), key=lambda r: (r.valid_from or "", r.valid_until or "9999"))
            return self._choice(e, e.confidence * 0.9, False)
        open_ = [e for e in rows if not e.dated]
        if open_:
            return self._choice(open_[0], open_[0].confidence, False)
        if not day:
            e = max(rows, key=lambda r: (r.valid_until is None, r.valid_from or "", r.valid_until or ""))
            return self._choice(e, e.confidence, False)
        e = rows[0]
        if e.code in NULL_CODES:
            return Choice(e, None, None, None, 0.0)
        return Choice(e, base_code(e.code), e.country, None, 0.6 * e.confidence)

    def _choice(self, e: ActorEntry, confidence: float, bounded: bool) -> Choice:
        if e.code in NULL_CODES:
            return Choice(e, None, None, None, 0.0, bounded)
        return Choice(e, e.code, e.country, e.sector or self.sector_of_code(e.code), confidence, bounded)

    def lookup(self, phrase: str, day: str | None = None) -> ActorEntry | None:
        """The entry for a phrase valid on ``day`` (date-bounded entries first, then open ones)."""
        choice = self.choose(self.entries(phrase), day)
        return choice.entry if choice else None

    def agent(self, word: str) -> AgentEntry | None:
        found = self.agents.get(normalise_phrase(word))
        if not found:
            return None
        return min(found, key=lambda a: ORIGIN_RANK.get(a.origin, 9))

    def phrases(self) -> list[str]:
        return list(self.actors)

    # -- people ------------------------------------------------------------------------------------
    def people(self) -> "PeopleIndex":
        """Index of named people by surname, for partial and fuzzy name matching (built on first use)."""
        cache = getattr(self, "_people_cache", None)
        if cache is None or cache[0] != self.version:
            cache = (self.version, PeopleIndex.build(self))
            object.__setattr__(self, "_people_cache", cache)
        return cache[1]


def base_code(code: str | None) -> str | None:
    """The actor part of a code without its agent suffixes: IRQGOV → IRQ, IGOEURGOV → IGOEUR."""
    if not code or code in NULL_CODES:
        return None
    return code[:6] if code[:3] in TRANSNATIONAL and len(code) >= 6 else code[:3]


def _span(e: ActorEntry) -> tuple[int, str]:
    """Sort key: shorter validity periods first, so a specific role beats a broad one."""
    from datetime import date

    def days(value: str | None, default: str) -> int:
        v = (value or default)[:10]
        parts = (v.split("-") + ["1", "1"])[:3]
        try:
            return date(int(parts[0]), int(parts[1] or 1), int(parts[2] or 1)).toordinal()
        except ValueError:
            return 0

    return (days(e.valid_until, "9999-12-31") - days(e.valid_from, "0001-01-01"), e.valid_from or "")


_PLOVER_SECTORS: frozenset[str] = frozenset()


def _plover_sectors() -> frozenset[str]:
    """PLOVER's sector codes (from the shipped ontology), for when no sectors table is loaded."""
    global _PLOVER_SECTORS
    if not _PLOVER_SECTORS:
        from ..ontology import Ontology

        _PLOVER_SECTORS = frozenset(Ontology().sectors)
    return _PLOVER_SECTORS

# Name particles: not surnames on their own, and allowed in lower case inside a proper name.
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "van", "von", "de", "da", "di", "du", "der",
                            "den", "la", "le", "del", "dos", "das", "ben", "bint", "mac", "st", "y"})


@dataclass
class Person:
    """A named person known to the KB: canonical name, name words, and all their dated rows."""

    name: str
    words: tuple[str, ...]
    entries: list[ActorEntry]

    @property
    def surname(self) -> str:
        return self.words[-1]


@dataclass
class PeopleIndex:
    by_surname: dict[str, list[Person]] = field(default_factory=dict)
    by_initial: dict[str, list[str]] = field(default_factory=dict)  # first letter -> surnames (fuzzy candidates)

    @classmethod
    def build(cls, kb: KnowledgeBase) -> "PeopleIndex":
        grouped: dict[tuple[str, str], list[ActorEntry]] = defaultdict(list)
        for entries in kb.actors.values():
            for e in entries:
                if e.kind != "person" or e.origin == "registry":
                    continue
                name = e.name or e.phrase
                grouped[(normalise_phrase(name), e.origin)].append(e)
        index = cls()
        seen: dict[str, Person] = {}
        for (name, origin), entries in sorted(grouped.items(), key=lambda kv: ORIGIN_RANK.get(kv[0][1], 9)):
            words = tuple(w for w in re.split(r"[\s\-.]+", name) if w)
            if not words or name in seen:
                continue
            # one row per distinct role: the same role repeats once per alias phrase
            unique = list({(e.code, e.valid_from, e.valid_until): e for e in entries}.values())
            person = Person(entries[0].name or name, words, unique)
            seen[name] = person
            surname = next((w for w in reversed(words) if w not in NAME_PARTICLES and len(w) > 1), None)
            if surname is None:
                continue
            index.by_surname.setdefault(surname, []).append(person)
        for surname in index.by_surname:
            index.by_initial.setdefault(surname[0], []).append(surname)
        return index
