"""The typed records that flow between accord's stages.

Every stage takes and returns these; the store persists them and the exporters turn them into the
shapes of ``CONTRACT.md``. Internal records keep provenance (offsets, rule, confidence) so a user can
always ask "why was this coded?".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

FACTUALITY = ("asserted", "negated", "hypothetical", "future", "claimed")
DATE_PRECISION = ("day", "week", "month", "year", "decade", "publication", "unknown")

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form a text is hashed in: Unicode NFC, whitespace collapsed, trimmed."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """Identity of a document's body: the same text ingested twice gets the same hash."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()


def stable_id(*parts: Any, length: int = 16) -> str:
    """Deterministic id from parts, so re-running a command produces the same ids."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:length]


@dataclass
class Document:
    """One news article as ingested: metadata and clean body text."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date: YYYY-MM-DD, YYYY-MM or YYYY
    published_from: str | None = None  # "metadata", "header", "dateline" or None
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None
    source: str = ""  # where it was read from: a path, "path:line" or "-:line"

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass
class InputError:
    """An input (or a line of one) that could not be read; recorded, never fatal for the batch."""

    input: str
    message: str
    line: int | None = None
    kind: str = "unreadable"

    def one_line(self) -> str:
        where = f"{self.input}:{self.line}" if self.line is not None else self.input
        return f"accord: {where}: {self.message}"


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Actor:
    """A resolved actor as it appears in an event: who, and how we know."""

    text: str
    code: str | None = None  # CAMEO actor code: USAGOV, IRNMIL, IGOUNO ...
    country: str | None = None  # ISO 3166 alpha-3, or IGO / NGO / MNC ...
    sector: str | None = None  # PLOVER sector: GOV, MIL, REB ...
    name: str | None = None  # canonical name when known ("Ryan Crocker")
    resolution: str = "kb"  # kb, dictionary, apposition, title, registry, fuzzy, coreference, context, user
    confidence: float = 1.0
    start: int | None = None  # character offsets in the document
    end: int | None = None

    def contract(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "resolution": self.resolution,
            "confidence": round(self.confidence, 3),
        }


@dataclass
class Mention:
    """An actor mention found in a sentence, before it takes part in any event."""

    sentence_index: int
    start: int
    end: int
    actor: Actor
    head: int | None = None  # token index (document-level) of the mention's syntactic head
    token_start: int | None = None  # document token indices of the mention's span, end exclusive
    token_end: int | None = None
    place: bool = False  # a city, a capital or a region named for its state ("Paris", "Minsk"), not the state itself


@dataclass
class Event:
    """One coded event mention: source, target, type, factuality, date, place and provenance."""

    doc_id: str
    sentence_index: int
    sentence: str
    source: Actor | None
    target: Actor | None
    cameo_code: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None = None
    plover_context: list[str] = field(default_factory=list)
    factuality: str = "asserted"
    claimed_by: Actor | None = None
    according_to: Actor | None = None  # who reports it ("officials said"): attribution, not doubt
    factuality_cue: str | None = None  # the words that decided the factuality ("would", "claims", "if")
    date: str | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    location: dict[str, Any] | None = None
    trigger: str = ""
    trigger_start: int | None = None
    trigger_end: int | None = None
    rule: str = ""  # which lexicon entry produced it
    confidence: float = 1.0
    event_id: str = ""
    canonical_id: str = ""

    def __post_init__(self) -> None:
        if self.factuality not in FACTUALITY:
            raise ValueError(f"unknown factuality {self.factuality!r}")
        if not self.event_id:
            self.event_id = stable_id(
                self.doc_id,
                self.sentence_index,
                self.trigger_start,
                self.cameo_code,
                self.source.code if self.source else None,
                self.source.start if self.source else None,
                self.target.code if self.target else None,
                self.target.start if self.target else None,
            )
        if not self.canonical_id:
            self.canonical_id = self.event_id

    def contract(self) -> dict[str, Any]:
        """The export shape of ``CONTRACT.md`` plus provenance fields."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "source": self.source.contract() if self.source else None,
            "target": self.target.contract() if self.target else None,
            "cameo": {
                "code": self.cameo_code,
                "root": self.cameo_root,
                "quad_class": self.quad_class,
                "goldstein": self.goldstein,
            },
            "plover": {"type": self.plover_type, "mode": self.plover_mode, "context": list(self.plover_context)},
            "factuality": self.factuality,
            "claimed_by": self.claimed_by.contract() if self.claimed_by else None,
            "according_to": self.according_to.contract() if self.according_to else None,
            "factuality_cue": self.factuality_cue,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location,
            "canonical_id": self.canonical_id,
            "trigger": self.trigger,
            "rule": self.rule,
            "confidence": round(self.confidence, 3),
        }


@dataclass
class CodedDocument:
    """A document after the pipeline: its sentences, actor mentions and events."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def to_dict(record: Any) -> dict[str, Any]:
    return asdict(record)
