"""The corpus registry: people accord has resolved with evidence, remembered across articles.

An article that says "Ryan Crocker, U.S. ambassador to Iraq" teaches the store who Crocker is; a later
article that says only "Crocker" resolves through the registry (resolution ``registry``). Users correct
the registry with ``accord actors set``; a correction (origin ``user``) wins over everything else.

The pipeline stays pure: the registry is read into a ``RegistrySnapshot`` held by the knowledge base, and
``accord.api.code`` refreshes the snapshot between batches. All SQL lives in ``accord.store.registry``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..records import CodedDocument, stable_id
from .kb import NAME_PARTICLES, ActorEntry, base_code, normalise_phrase

# Resolutions that count as evidence worth remembering; bare guesses (kb surname, coreference, context) do not.
EVIDENCE = ("apposition", "title", "fuzzy")
MIN_CONFIDENCE = 0.6
# A role learnt from articles holds this long before the first and after the last article that showed it
# (an ambassador named in 2007 is not an ambassador in 2015); outside, the person keeps the country only.
ROLE_HORIZON_DAYS = 365


def actor_id_for(name: str) -> str:
    return "a" + stable_id("actor", normalise_phrase(name), length=11)


def name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-.]+", normalise_phrase(name)) if w]


def surname_of(name: str) -> str | None:
    words = name_words(name)
    return next((w for w in reversed(words) if w not in NAME_PARTICLES and len(w) > 1), None)


@dataclass
class Role:
    code: str | None
    country: str | None
    sector: str | None
    valid_from: str | None = None
    valid_until: str | None = None
    origin: str = "registry"


@dataclass
class RegistryActor:
    actor_id: str
    name: str
    kind: str | None
    code: str | None
    country: str | None
    sector: str | None
    origin: str  # registry (learnt) or user (a correction)
    confidence: float = 0.8
    n_documents: int = 0
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    first_seen: str | None = None  # publication days of the first and last article that taught the role
    last_seen: str | None = None

    def entries(self) -> list[ActorEntry]:
        """KB-style rows, one per alias per role, so the matcher treats registry phrases like any other.

        A learnt role (origin ``registry``) is bounded by the articles that showed it, ``ROLE_HORIZON_DAYS``
        either side; outside it the person keeps only the country (the undated fallback has no sector).
        A user's correction is taken as given, undated unless the user dated it."""
        roles = list(self.roles)
        if self.code:
            roles += self._learnt_roles()
        out = []
        phrases = dict.fromkeys([normalise_phrase(self.name), *map(normalise_phrase, self.aliases)])
        for phrase in phrases:
            for r in roles:
                out.append(ActorEntry(phrase, r.code or "", r.country or self.country,
                                      self.sector if r.sector is None else r.sector or None,
                                      self.kind or "person", self.name, r.valid_from,
                                      r.valid_until, "registry", "user" if self.origin == "user" else "registry",
                                      False, self.actor_id, self.confidence if self.origin != "user" else 1.0))
        return [e for e in out if e.code]

    def _learnt_roles(self) -> list[Role]:
        code = self.code or ""
        if self.origin == "user" or not (self.first_seen or self.last_seen) or len(code) <= 3:
            return [Role(self.code, self.country, self.sector, None, None, self.origin)]
        start = _shift(self.first_seen or self.last_seen, -ROLE_HORIZON_DAYS)
        end = _shift(self.last_seen or self.first_seen, ROLE_HORIZON_DAYS)
        return [Role(self.code, self.country, self.sector, start, end, self.origin),
                Role(base_code(code), self.country, "", None, None, self.origin)]  # "": no sector


def _shift(day: str | None, days: int) -> str | None:
    """``day`` (ISO, at least YYYY-MM-DD) moved by ``days``; None if it cannot be read."""
    from datetime import date, timedelta

    try:
        return (date.fromisoformat((day or "")[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


@dataclass
class RegistrySnapshot:
    """An immutable read of the registry for one batch of documents."""

    actors: dict[str, RegistryActor] = field(default_factory=dict)
    token: int = 0  # changes whenever the contents change, so matchers rebuild their overlay

    def __post_init__(self) -> None:
        self.by_phrase: dict[str, list[ActorEntry]] = defaultdict(list)
        self.by_surname: dict[str, list[RegistryActor]] = defaultdict(list)
        for actor in self.actors.values():
            for e in actor.entries():
                self.by_phrase[e.phrase].append(e)
            if (actor.kind or "person") == "person":
                surnames = {surname_of(actor.name)} | {surname_of(a) for a in actor.aliases if len(name_words(a)) == 1}
                for s in surnames - {None}:
                    self.by_surname[s].append(actor)  # type: ignore[index]
        self.token = hash(tuple(sorted((a.actor_id, a.code, a.origin, tuple(a.aliases), len(a.roles))
                                       for a in self.actors.values())))

    def entries(self) -> list[ActorEntry]:
        return [e for es in self.by_phrase.values() for e in es]

    def by_name(self, name: str) -> list[ActorEntry]:
        return self.by_phrase.get(normalise_phrase(name), [])

    def unique_surname(self, word: str) -> RegistryActor | None:
        """The one registry person with this surname (or single-word alias), else None (ambiguous or unknown)."""
        found = {a.actor_id: a for a in self.by_surname.get(normalise_phrase(word), [])}
        users = [a for a in found.values() if a.origin == "user"]
        if len(users) == 1:
            return users[0]
        return next(iter(found.values())) if len(found) == 1 else None

    def corrections(self) -> dict[str, RegistryActor]:
        """User-corrected actors by every name they go by."""
        out: dict[str, RegistryActor] = {}
        for a in self.actors.values():
            if a.origin == "user":
                for n in [a.name, *a.aliases]:
                    out[normalise_phrase(n)] = a
        return out


EMPTY = RegistrySnapshot()


def load_snapshot(store: Any) -> RegistrySnapshot:
    from ..store import registry as sql

    return RegistrySnapshot(sql.registry_actors(store))


@dataclass
class Learnt:
    """One person an article resolved with evidence: what it teaches the registry."""

    name: str
    aliases: list[str]
    code: str | None
    country: str | None
    sector: str | None
    evidence_doc: str
    evidence_text: str
    resolution: str
    confidence: float
    day: str | None = None


def learn(coded: CodedDocument) -> list[Learnt]:
    """People this document resolved with evidence (apposition, title, fuzzy match), with the bare forms
    the same document used for them ("Crocker"), so later articles can resolve those forms too."""
    by_name: dict[str, Learnt] = {}
    bare: dict[str, set[str]] = defaultdict(set)
    for m in coded.mentions:
        a = m.actor
        if not a.name or not a.country:
            continue
        key = normalise_phrase(a.name)
        if a.resolution in EVIDENCE and a.confidence >= MIN_CONFIDENCE and _looks_like_name(a.name):
            best = by_name.get(key)
            if best is None or a.confidence > best.confidence:
                by_name[key] = Learnt(a.name, [], a.code, a.country, a.sector, coded.document.id, a.text,
                                      a.resolution, a.confidence, coded.document.published)
        text = normalise_phrase(_strip_titles(a.text, a.name))
        if text and text != key and len(name_words(text)) <= 3 and _looks_like_name(text):
            bare[key].add(text)
    for key, learnt in by_name.items():
        learnt.aliases = sorted(bare.get(key, set()))
    return list(by_name.values())


def _looks_like_name(text: str) -> bool:
    words = name_words(text)
    return 1 <= len(words) <= 5 and all(w.replace("'", "").isalpha() for w in words)


def _strip_titles(text: str, name: str) -> str:
    """The part of a mention's text that is a name: "US ambassador Crocker" → "Crocker"."""
    words = text.split()
    name_set = set(name_words(name))
    keep: list[str] = []
    for w in reversed(words):
        nw = normalise_phrase(w.strip(",.'\""))
        if nw in name_set or (keep and nw in NAME_PARTICLES):
            keep.insert(0, w)
        elif keep:
            break
    return " ".join(keep)


def learn_into_registry(store: Any, coded: list[CodedDocument]) -> int:
    """Remember the people a written batch resolved with evidence. Returns how many were learnt."""
    from ..store import registry as sql

    return sql.remember_all(store, [item for cd in coded for item in learn(cd)])


def refresh_registry(kb: Any, store: Any) -> None:
    """Give the knowledge base a fresh snapshot of the store's registry (between batches of ``accord code``)."""
    kb.set_registry(load_snapshot(store))
