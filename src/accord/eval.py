"""Measure the coder against gold standards: what ``accord eval GOLD.jsonl`` does.

Accuracy is measured, never asserted. A gold file is JSON lines in one of two styles, detected per record:

* **PETRARCH style** ``{id, text, date, set, category, expect, events: [{source, target, code}], evaluate}``:
  constructed sentences with their expected CAMEO codings. Scored as micro-averaged precision, recall and
  F1 over the multiset of (source, target, code) tuples per record, at five levels (``LEVELS``), overall,
  per ``set`` (the sets were coded with different verb dictionaries, so only per-set figures compare like
  with like) and per ``category``.
* **PLOVER GSR style** ``{id, text, event_type, actors: [{role, actorText, code, sector}]}``: one gold event
  per sentence. Scored as accuracies of the record's *primary* predicted event (type, source country,
  target country) and, independently of events, of the actor mentions found over the gold actor spans.

Pure scoring functions work on plain data (``PetrarchRecord``/``PloverRecord`` and ``Prediction``), so they
are testable without spaCy; ``evaluate`` runs the public pipeline (``accord.pipeline.code_documents``) and
ties it together::

    >>> from accord.eval import evaluate
    >>> report = evaluate("gold.jsonl", only=["set=ud202"])           # doctest: +SKIP
    >>> report.petrarch.overall["code"].f1                             # doctest: +SKIP
    >>> print(report.text(misses=10))                                  # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .records import FACTUALITY, CodedDocument, Document, InputError

# -- what is compared ------------------------------------------------------------------------------------

#: PETRARCH-style levels: the fields of a ``Coding`` that make up the compared tuple, and what they mean.
LEVELS: dict[str, tuple[tuple[str, ...], str]] = {
    "code": (("source", "target", "code"), "source code, target code, CAMEO code (the triple)"),
    "root": (("source", "target", "root"), "source code, target code, CAMEO root"),
    "dyad": (("source_country", "target_country"), "source country, target country"),
    "dyad_root": (("source_country", "target_country", "root"), "country dyad and CAMEO root"),
    "plover": (("source_country", "target_country", "plover"), "country dyad and PLOVER type"),
}

#: Factualities counted by default: PETRARCH codes future and modal events, so only negated ones are left out.
DEFAULT_FACTUALITY: frozenset[str] = frozenset(f for f in FACTUALITY if f != "negated")

#: PETRARCH ``expect`` values: which records are scored, and whether they expect events.
EXPECT_EVENTS = "events"
EXPECT_NONE = "noevents"  # ``error:...`` (discarded or unparsable sentences) expects no events too
EXPECT_SKIP = "unspecified"

DEFAULT_MISSES = 20

PloverOf = Callable[[str], "str | None"]


def default_plover_of() -> PloverOf:
    """CAMEO code → PLOVER type through accord's one bridge (``Ontology.plover_for``)."""
    from .ontology import Ontology

    ontology = Ontology()
    return lambda code: ontology.plover_for(code)[0]


def country_of(code: str | None, country: str | None = None) -> str | None:
    """An actor's country: the explicit one if known, else the first three characters of its code
    (``DAGGOV`` → ``DAG``, ``---GOV`` → ``---``), read through the knowledge base's code table so a gold
    file's older CAMEO codes compare with accord's ISO countries (``JAPGOV`` → ``JPN``, ``TMP`` → ``TLS``)."""
    if country:
        return country
    if not code:
        return None
    return _cameo_countries().get(code[:3].upper(), code[:3])


def _cameo_countries() -> dict[str, str]:
    """CAMEO country code → ISO alpha-3, from the one table that holds the mapping (``country_codes.tsv``)."""
    global _CAMEO_COUNTRIES
    if _CAMEO_COUNTRIES is None:
        from .actors.kb import KnowledgeBase

        _CAMEO_COUNTRIES = KnowledgeBase.load_codes().country_codes
    return _CAMEO_COUNTRIES


_CAMEO_COUNTRIES: dict[str, str] | None = None


def normalise_sector(sector: str | None) -> str | None:
    """PLOVER sector as compared: first three letters upper-case (``CVLalb`` → ``CVL``);
    ``***`` or empty = unknown."""
    if not sector:
        return None
    s = sector.strip()[:3].upper()
    return None if not s or s == "***" else s


def is_quoted_name(code: str | None) -> bool:
    """PETRARCH writes an actor missing from its dictionaries as a quoted name (``"THE MINISTRY OF MAGIC"``)."""
    return bool(code) and html.unescape(code).lstrip().startswith('"')


# -- gold records --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEvent:
    """One expected PETRARCH coding; an empty target is no target."""

    source: str
    target: str | None
    code: str

    def __post_init__(self) -> None:
        if not self.target:
            object.__setattr__(self, "target", None)


@dataclass
class PetrarchRecord:
    """A PETRARCH-style gold sentence: expected codings, or ``expect`` no events (``noevents``, ``error:...``)."""

    id: str
    text: str
    events: list[GoldEvent]
    expect: str = EXPECT_EVENTS
    date: str | None = None
    set: str = ""
    category: str = ""
    evaluate: bool | None = None  # False: the suite's authors switched it off
    line: int = 0
    fields: dict[str, Any] = field(default_factory=dict)  # top-level scalars, for --only

    kind = "petrarch"

    @property
    def expects_events(self) -> bool:
        return self.expect == EXPECT_EVENTS

    def skip_reason(self, include_unevaluated: bool = False) -> str | None:
        """Why this record is not scored (``None``: it is)."""
        if self.expect == EXPECT_SKIP:
            return "unspecified"
        if self.evaluate is False and not include_unevaluated:
            return "evaluate_false"
        return None


@dataclass(frozen=True)
class GoldActor:
    role: str  # actor | recipient
    text: str | None
    code: str | None
    sector: str | None = None

    @property
    def country(self) -> str | None:
        return country_of(self.code.upper() if self.code else None)


@dataclass
class PloverRecord:
    """A PLOVER GSR-style gold sentence: one event type and the actor and recipient spans."""

    id: str
    text: str
    event_type: str
    actors: list[GoldActor]
    date: str | None = None
    line: int = 0
    fields: dict[str, Any] = field(default_factory=dict)

    kind = "plover"

    def countries(self, role: str) -> set[str]:
        return {a.country for a in self.actors if a.role == role and a.country}

    def skip_reason(self, include_unevaluated: bool = False) -> str | None:
        return None


GoldRecord = PetrarchRecord | PloverRecord


class GoldFileError(Exception):
    """The gold file as a whole cannot be read (missing, a directory, no permission)."""


class _BadRecord(ValueError):
    pass


def _scalars(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v is None or isinstance(v, (str, int, float, bool))}


def _text(obj: dict[str, Any]) -> str:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _BadRecord("record has no 'text'")
    return text


def _opt_str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _parse_petrarch(obj: dict[str, Any], line: int) -> PetrarchRecord:
    raw_events = obj.get("events") or []
    if not isinstance(raw_events, list):
        raise _BadRecord("'events' is not a list")
    events = []
    for ev in raw_events:
        if not isinstance(ev, dict) or not isinstance(ev.get("source"), str) or not isinstance(ev.get("code"), str):
            raise _BadRecord("an event needs string 'source' and 'code'")
        target = ev.get("target")
        if target is not None and not isinstance(target, str):
            raise _BadRecord("an event's 'target' is not a string")
        events.append(GoldEvent(ev["source"].strip(), _opt_str(target), ev["code"].strip()))
    expect = obj.get("expect") or (EXPECT_EVENTS if events else EXPECT_NONE)
    if not isinstance(expect, str):
        raise _BadRecord("'expect' is not a string")
    if expect not in (EXPECT_EVENTS, EXPECT_NONE, EXPECT_SKIP) and not expect.startswith("error"):
        raise _BadRecord(f"unknown 'expect' value {expect!r}")
    evaluate = obj.get("evaluate")
    return PetrarchRecord(
        id=str(obj.get("id") or f"line-{line}"), text=_text(obj), events=events, expect=expect,
        date=_opt_str(obj.get("date")), set=str(obj.get("set") or ""), category=str(obj.get("category") or ""),
        evaluate=evaluate if isinstance(evaluate, bool) else None, line=line, fields=_scalars(obj),
    )


def _parse_plover(obj: dict[str, Any], line: int) -> PloverRecord:
    if not isinstance(obj.get("event_type"), str) or not obj["event_type"].strip():
        raise _BadRecord("'event_type' is not a string")
    raw = obj.get("actors") or []
    if not isinstance(raw, list) or not all(isinstance(a, dict) for a in raw):
        raise _BadRecord("'actors' is not a list of objects")
    actors = []
    for a in raw:
        role = a.get("role")
        if role not in ("actor", "recipient"):
            raise _BadRecord(f"actor role {role!r} is neither 'actor' nor 'recipient'")
        actors.append(GoldActor(role, _opt_str(a.get("actorText")), _opt_str(a.get("code")), _opt_str(a.get("sector"))))
    return PloverRecord(
        id=str(obj.get("id") or f"line-{line}"), text=_text(obj), event_type=obj["event_type"].strip().upper(),
        actors=actors, date=_opt_str(obj.get("date")), line=line, fields=_scalars(obj),
    )


def parse_record(obj: Any, line: int = 0) -> GoldRecord:
    """One decoded JSON line → a gold record of the style its fields show. Raises ``ValueError``."""
    if not isinstance(obj, dict):
        raise _BadRecord("not a JSON object")
    if "event_type" in obj:
        return _parse_plover(obj, line)
    if "events" in obj or "expect" in obj:
        return _parse_petrarch(obj, line)
    raise _BadRecord("neither PETRARCH style ('events'/'expect') nor PLOVER style ('event_type'/'actors')")


@dataclass
class GoldSet:
    path: str
    records: list[GoldRecord]
    errors: list[InputError]


def load_gold(path: str | Path) -> GoldSet:
    """Read a gold JSONL file. Bad lines become ``InputError``s (file:line) and the rest is kept;
    a file that cannot be opened raises ``GoldFileError``."""
    name = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise GoldFileError(f"{name}: cannot read gold file ({exc.strerror or exc})") from None
    records: list[GoldRecord] = []
    errors: list[InputError] = []
    with fh:
        try:
            for number, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                try:
                    records.append(parse_record(json.loads(raw.decode("utf-8").strip()), number))
                except UnicodeDecodeError:
                    errors.append(InputError(name, "not UTF-8 text", line=number, kind="malformed"))
                except json.JSONDecodeError as exc:
                    errors.append(InputError(name, f"invalid JSON ({exc.msg}, column {exc.colno})", line=number,
                                             kind="malformed"))
                except ValueError as exc:
                    errors.append(InputError(name, str(exc), line=number, kind="malformed"))
        except OSError as exc:
            raise GoldFileError(f"{name}: cannot read gold file ({exc.strerror or exc})") from None
    return GoldSet(name, records, errors)


# -- selection -----------------------------------------------------------------------------------------


def parse_only(pairs: Iterable[str]) -> dict[str, frozenset[str]]:
    """``["set=ud202", "set=gsr", "category=DATE"]`` → ``{"set": {"ud202", "gsr"}, "category": {"DATE"}}``."""
    out: dict[str, set[str]] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--only expects KEY=VALUE, got {pair!r}")
        out.setdefault(key.strip(), set()).add(value.strip().casefold())
    return {k: frozenset(v) for k, v in out.items()}


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def matches(fields: dict[str, Any], only: dict[str, frozenset[str]]) -> bool:
    """Same key = any of its values, different keys = all of them (case-insensitive)."""
    return all(_as_text(fields.get(key)).casefold() in values for key, values in only.items())


def resolve_factuality(values: Iterable[str] | None) -> frozenset[str]:
    """Which factualities count: ``None``/empty = all but negated; ``all`` = every one."""
    chosen = {v.strip().lower() for v in values or () if v.strip()}
    if not chosen:
        return DEFAULT_FACTUALITY
    if "all" in chosen:
        return frozenset(FACTUALITY)
    unknown = chosen - set(FACTUALITY)
    if unknown:
        raise ValueError(f"unknown factuality {', '.join(sorted(unknown))} (choose from {', '.join(FACTUALITY)}, all)")
    return frozenset(chosen)


# -- predictions as plain data -----------------------------------------------------------------------


@dataclass(frozen=True)
class PredictedEvent:
    source_code: str | None
    source_country: str | None
    target_code: str | None
    target_country: str | None
    cameo_code: str
    plover_type: str | None = None
    factuality: str = "asserted"
    confidence: float = 1.0
    trigger_start: int | None = None
    trigger: str = ""


@dataclass(frozen=True)
class PredictedMention:
    start: int
    end: int
    code: str | None
    country: str | None
    sector: str | None
    text: str = ""


@dataclass
class Prediction:
    """What the coder said about one gold sentence."""

    events: list[PredictedEvent] = field(default_factory=list)
    mentions: list[PredictedMention] = field(default_factory=list)
    error: str | None = None  # the coder failed on this sentence

    def only(self, factualities: frozenset[str]) -> "Prediction":
        return Prediction([e for e in self.events if e.factuality in factualities], self.mentions, self.error)


def prediction_from(coded: CodedDocument) -> Prediction:
    """A ``CodedDocument`` reduced to the plain data the scorers compare."""
    events = [
        PredictedEvent(
            source_code=e.source.code if e.source else None,
            source_country=country_of(e.source.code, e.source.country) if e.source else None,
            target_code=e.target.code if e.target else None,
            target_country=country_of(e.target.code, e.target.country) if e.target else None,
            cameo_code=e.cameo_code, plover_type=e.plover_type, factuality=e.factuality,
            confidence=e.confidence, trigger_start=e.trigger_start, trigger=e.trigger,
        )
        for e in coded.events
    ]
    mentions = [
        PredictedMention(m.start, m.end, m.actor.code, country_of(m.actor.code, m.actor.country), m.actor.sector,
                         m.actor.text)
        for m in coded.mentions
    ]
    return Prediction(events, mentions)


# -- PETRARCH-style scoring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Coding:
    """A gold or predicted event reduced to what the levels compare."""

    source: str | None
    target: str | None
    code: str
    source_country: str | None
    target_country: str | None
    plover: str | None
    factuality: str | None = None  # shown in misses, never compared

    @property
    def root(self) -> str:
        return self.code[:2]

    def key(self, level: str) -> tuple:
        return tuple(getattr(self, name) for name in LEVELS[level][0])

    def label(self) -> str:
        extra = f" [{self.factuality}]" if self.factuality and self.factuality != "asserted" else ""
        return f"{self.source or '-'}>{self.target or '-'} {self.code}{extra}"


def gold_coding(event: GoldEvent, plover_of: PloverOf) -> Coding:
    return Coding(event.source, event.target, event.code, country_of(event.source), country_of(event.target),
                  plover_of(event.code))


def predicted_coding(event: PredictedEvent, plover_of: PloverOf) -> Coding:
    return Coding(event.source_code, event.target_code, event.cameo_code, event.source_country,
                  event.target_country, plover_of(event.cameo_code), event.factuality)


@dataclass
class PRF:
    """True/false positive and false negative counts; precision, recall and F1 derive from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: "PRF") -> "PRF":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def match(gold: Iterable[tuple], predicted: Iterable[tuple]) -> PRF:
    """Multiset matching: each gold tuple can be matched by one predicted tuple at most."""
    g, p = Counter(gold), Counter(predicted)
    tp = sum((g & p).values())
    return PRF(tp, sum(p.values()) - tp, sum(g.values()) - tp)


@dataclass
class PetrarchItem:
    """One scored record: its gold codings (quoted-name ones removed) and the predicted ones."""

    record: PetrarchRecord
    gold: list[Coding]
    predicted: list[Coding]
    quoted_skipped: int = 0
    error: str | None = None

    def scores(self) -> dict[str, PRF]:
        return {level: match([c.key(level) for c in self.gold], [c.key(level) for c in self.predicted])
                for level in LEVELS}


def petrarch_item(record: PetrarchRecord, prediction: Prediction, plover_of: PloverOf) -> PetrarchItem:
    """Gold tuples naming a quoted actor are skipped (accord never outputs PETRARCH's quoted new-actor names)."""
    kept = [e for e in record.events if not (is_quoted_name(e.source) or is_quoted_name(e.target))]
    gold = [gold_coding(e, plover_of) for e in kept] if record.expects_events else []
    predicted = [predicted_coding(e, plover_of) for e in prediction.events]
    skipped = len(record.events) - len(kept) if record.expects_events else 0
    return PetrarchItem(record, gold, predicted, skipped, prediction.error)


def _zero() -> dict[str, PRF]:
    return {level: PRF() for level in LEVELS}


@dataclass
class Group:
    """Scores of a group of records (overall, one set, one category)."""

    records: int = 0
    gold: int = 0
    predicted: int = 0
    levels: dict[str, PRF] = field(default_factory=_zero)

    def add(self, item: PetrarchItem) -> None:
        self.records += 1
        self.gold += len(item.gold)
        self.predicted += len(item.predicted)
        for level, prf in item.scores().items():
            self.levels[level] += prf

    def __getitem__(self, level: str) -> PRF:
        return self.levels[level]

    def to_dict(self) -> dict[str, Any]:
        return {"records": self.records, "gold_tuples": self.gold, "predicted_tuples": self.predicted,
                **{level: prf.to_dict() for level, prf in self.levels.items()}}


@dataclass
class PetrarchScores:
    overall: Group
    by_set: dict[str, Group]
    by_category: dict[str, Group]
    counts: dict[str, int]
    misses: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "style": "petrarch", "counts": self.counts, "overall": self.overall.to_dict(),
            "by_set": {k: g.to_dict() for k, g in self.by_set.items()},
            "by_category": {k: g.to_dict() for k, g in self.by_category.items()},
            "misses": self.misses,
        }


def score_petrarch(items: Sequence[PetrarchItem], skipped: dict[str, int] | None = None) -> PetrarchScores:
    """Micro-averaged P/R/F1 per level, overall, per set and per category; a miss is a record whose
    predicted triples differ from the gold ones."""
    overall, by_set, by_category = Group(), {}, {}
    misses = []
    for item in items:
        overall.add(item)
        by_set.setdefault(item.record.set or "-", Group()).add(item)
        by_category.setdefault(item.record.category or "-", Group()).add(item)
        code = item.scores()["code"]
        if code.fp or code.fn or item.error:
            misses.append({
                "id": item.record.id, "set": item.record.set, "category": item.record.category,
                "expect": item.record.expect, "text": item.record.text,
                "gold": [c.label() for c in item.gold], "predicted": [c.label() for c in item.predicted],
                "matched": code.tp, **({"coder_error": item.error} if item.error else {}),
            })
    no_event = [i for i in items if not i.record.expects_events]
    counts = {
        "scored": len(items),
        **{f"skipped_{k}": v for k, v in (skipped or {}).items()},
        "gold_tuples": overall.gold,
        "predicted_tuples": overall.predicted,
        "gold_tuples_quoted_name_skipped": sum(i.quoted_skipped for i in items),
        "no_event_records": len(no_event),
        "no_event_records_with_predictions": sum(1 for i in no_event if i.predicted),
    }
    return PetrarchScores(overall, dict(sorted(by_set.items())), dict(sorted(by_category.items())), counts, misses)


# -- PLOVER GSR-style scoring --------------------------------------------------------------------------


@dataclass
class Ratio:
    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def add(self, hit: bool) -> None:
        self.total += 1
        self.hits += bool(hit)

    def to_dict(self) -> dict[str, Any]:
        v = self.value
        return {"hits": self.hits, "total": self.total, "value": None if v is None else round(v, 4)}


def primary_event(events: Sequence[PredictedEvent]) -> PredictedEvent | None:
    """The record's main event: highest confidence, ties broken by the earliest trigger."""
    if not events:
        return None
    return min(events, key=lambda e: (-e.confidence, e.trigger_start if e.trigger_start is not None else sys.maxsize))


def locate(text: str, phrase: str | None) -> tuple[int, int] | None:
    """Character span of a gold ``actorText`` in the sentence: exact, else ignoring case and runs of spaces."""
    if not phrase or not phrase.strip():
        return None
    phrase = phrase.strip()
    at = text.find(phrase)
    if at >= 0:
        return at, at + len(phrase)
    pattern = r"\s+".join(re.escape(w) for w in phrase.split())
    hit = re.search(pattern, text, flags=re.IGNORECASE)
    return (hit.start(), hit.end()) if hit else None


def overlapping_mention(span: tuple[int, int], mentions: Sequence[PredictedMention]) -> PredictedMention | None:
    """The predicted mention sharing most characters with ``span`` (ties: the earliest)."""
    best, best_overlap = None, 0
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        overlap = min(span[1], m.end) - max(span[0], m.start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


@dataclass
class PloverItem:
    record: PloverRecord
    prediction: Prediction


@dataclass
class TypeGroup:
    """Event-level accuracies for a group of PLOVER-style records."""

    records: int = 0
    type: Ratio = field(default_factory=Ratio)
    type_any: Ratio = field(default_factory=Ratio)
    source_country: Ratio = field(default_factory=Ratio)
    target_country: Ratio = field(default_factory=Ratio)
    no_event: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"records": self.records, "type_accuracy": self.type.to_dict(), "type_any": self.type_any.to_dict(),
                "actor_country_accuracy": self.source_country.to_dict(),
                "recipient_country_accuracy": self.target_country.to_dict(), "no_event": self.no_event}


@dataclass
class MentionScores:
    """Actor recognition over the gold actor spans, independent of events."""

    gold_actors: int = 0
    located: int = 0  # gold actorText found in the sentence
    found: Ratio = field(default_factory=Ratio)  # a predicted mention overlaps the span
    country: Ratio = field(default_factory=Ratio)  # over located actors with a code; no mention = wrong
    sector: Ratio = field(default_factory=Ratio)  # over located actors with a known sector
    not_located: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"gold_actors": self.gold_actors, "located": self.located, "mention_found": self.found.to_dict(),
                "mention_country_accuracy": self.country.to_dict(), "mention_sector_accuracy": self.sector.to_dict(),
                "not_located": self.not_located}


@dataclass
class PloverScores:
    overall: TypeGroup
    by_type: dict[str, TypeGroup]
    confusion: Counter
    mentions: MentionScores
    misses: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "style": "plover", **self.overall.to_dict(),
            "by_event_type": {k: g.to_dict() for k, g in self.by_type.items()},
            "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in self.confusion.most_common()],
            "mentions": self.mentions.to_dict(), "misses": self.misses,
        }


def _event_label(e: PredictedEvent) -> str:
    extra = f" [{e.factuality}]" if e.factuality != "asserted" else ""
    return f"{e.source_code or '-'}>{e.target_code or '-'} {e.cameo_code} {e.plover_type or '(no PLOVER type)'}{extra}"


def _actor_label(a: GoldActor) -> str:
    return f"{a.role} {a.text!r} {a.code or '-'}{'/' + a.sector if a.sector else ''}"


def score_plover(items: Sequence[PloverItem]) -> PloverScores:
    """Primary-event accuracies (type, source country, target country), type confusion, and mention accuracies."""
    overall, by_type = TypeGroup(), {}
    confusion: Counter = Counter()
    mentions = MentionScores()
    misses = []
    for item in items:
        rec, pred = item.record, item.prediction
        primary = primary_event(pred.events)
        type_hit = primary is not None and primary.plover_type == rec.event_type
        any_hit = any(e.plover_type == rec.event_type for e in pred.events)
        wrong = []
        groups = (overall, by_type.setdefault(rec.event_type, TypeGroup()))
        for g in groups:
            g.records += 1
            g.no_event += primary is None
            g.type.add(type_hit)
            g.type_any.add(any_hit)
        if not type_hit:
            wrong.append("type")
            confusion[(rec.event_type, primary.plover_type if primary else None)] += 1
        for role, ratio_name, attr in (("actor", "source_country", "source_country"),
                                       ("recipient", "target_country", "target_country")):
            gold = rec.countries(role)
            if not gold:
                continue
            hit = primary is not None and getattr(primary, attr) in gold
            for g in groups:
                getattr(g, ratio_name).add(hit)
            if not hit:
                wrong.append(role)
        for actor in rec.actors:
            mentions.gold_actors += 1
            span = locate(rec.text, actor.text)
            if span is None:
                mentions.not_located.append(f"{rec.id}: {actor.text!r}")
                continue
            mentions.located += 1
            m = overlapping_mention(span, pred.mentions)
            mentions.found.add(m is not None)
            if actor.country:
                mentions.country.add(m is not None and m.country == actor.country)
            gold_sector = normalise_sector(actor.sector)
            if gold_sector:
                mentions.sector.add(m is not None and normalise_sector(m.sector) == gold_sector)
        if wrong or pred.error:
            misses.append({
                "id": rec.id, "event_type": rec.event_type, "text": rec.text, "wrong": wrong,
                "gold": [_actor_label(a) for a in rec.actors],
                "primary": _event_label(primary) if primary else None,
                "predicted": [_event_label(e) for e in pred.events],
                **({"coder_error": pred.error} if pred.error else {}),
            })
    return PloverScores(overall, dict(sorted(by_type.items())), confusion, mentions, misses)


# -- running the coder -----------------------------------------------------------------------------------


def document_for(record: GoldRecord) -> Document:
    return Document(id=record.id, text=record.text, published=record.date, source=f"gold:{record.line}")


def run_coder(records: Sequence[GoldRecord], resources: Any, *, batch_size: int = 64,
              progress: bool | None = None) -> list[Prediction]:
    """Code each record's sentence with the public pipeline; one ``Prediction`` per record, in order.

    A batch the coder fails on is re-coded record by record, so one failing sentence costs only itself
    (its prediction is empty and carries the error) and the measurement still completes.
    """
    from tqdm import tqdm

    from .pipeline import code_documents

    if progress is None:
        progress = sys.stderr.isatty()
    out: list[Prediction] = []
    with tqdm(total=len(records), unit=" sentences", desc="eval", file=sys.stderr, disable=not progress,
              dynamic_ncols=True) as bar:
        for start in range(0, len(records), batch_size):
            docs = [document_for(r) for r in records[start:start + batch_size]]
            try:
                coded = list(code_documents(docs, resources, batch_size=batch_size))
                out += [prediction_from(c) for c in coded]
            except Exception:  # noqa: BLE001 - isolate the failing sentence, below
                for doc in docs:
                    try:
                        out += [prediction_from(c) for c in code_documents([doc], resources, batch_size=1)]
                    except Exception as exc:  # noqa: BLE001 - reported per record, never hidden
                        out.append(Prediction(error=f"{type(exc).__name__}: {exc}"))
            bar.update(len(docs))
    return out


# -- the report ------------------------------------------------------------------------------------------


@dataclass
class EvalReport:
    """Everything one ``accord eval`` run measured."""

    path: str
    records: int = 0  # well-formed records read
    filtered_out: int = 0  # left out by --only
    only: dict[str, list[str]] = field(default_factory=dict)
    factuality: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)  # malformed lines
    coder_errors: list[str] = field(default_factory=list)
    petrarch: PetrarchScores | None = None
    plover: PloverScores | None = None
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    load_seconds: float = 0.0
    coding_seconds: float = 0.0
    sentences: int = 0  # records coded

    @property
    def ok(self) -> bool:
        return not self.errors and not self.coder_errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.path, "records": self.records, "filtered_out": self.filtered_out, "only": self.only,
            "factuality": self.factuality, "sentences_coded": self.sentences,
            "malformed_lines": [{"line": e.line, "message": e.message} for e in self.errors],
            "coder_errors": self.coder_errors, "notes": self.notes,
            "seconds": {"total": round(self.seconds, 2), "load": round(self.load_seconds, 2),
                        "coding": round(self.coding_seconds, 2)},
            "petrarch": self.petrarch.to_dict() if self.petrarch else None,
            "plover": self.plover.to_dict() if self.plover else None,
        }

    def text(self, misses: int = DEFAULT_MISSES) -> str:
        """The human-readable report: headline figures, then tables, then up to ``misses`` misses per style."""
        rate = self.sentences / self.coding_seconds if self.coding_seconds else 0.0
        lines = [f"accord eval {self.path}",
                 f"{self.records} records read, {self.filtered_out} filtered out by --only, {len(self.errors)} "
                 f"malformed lines; {self.sentences} sentences coded in {self.coding_seconds:.1f}s ({rate:.0f}/s; "
                 f"resources loaded in {self.load_seconds:.1f}s); events counted: {', '.join(self.factuality)}"]
        lines += [f"note: {n}" for n in self.notes]
        if self.coder_errors:
            lines.append(f"coder failed on {len(self.coder_errors)} sentences (scored as predicting nothing)")
        if self.petrarch:
            lines += ["", *_petrarch_text(self.petrarch, misses)]
        if self.plover:
            lines += ["", *_plover_text(self.plover, misses)]
        return "\n".join(lines)


def _fmt(v: float | None) -> str:
    return "   -" if v is None else f"{v:.3f}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], indent: str = "  ",
           left: Sequence[int] = (0,)) -> list[str]:
    """A plain-text table: columns in ``left`` left-aligned (labels), the others right-aligned (numbers)."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    out = []
    for n, row in enumerate(cells):
        out.append(indent + "  ".join(c.ljust(w) if i in left else c.rjust(w)
                                      for i, (c, w) in enumerate(zip(row, widths))).rstrip())
        if n == 0:
            out.append(indent + "  ".join("-" * w for w in widths))
    return out


def _group_rows(groups: dict[str, Group]) -> list[list[Any]]:
    return [[name, g.records, g.gold, g.predicted, _fmt(g["code"].precision), _fmt(g["code"].recall),
             _fmt(g["code"].f1), *(_fmt(g[lv].f1) for lv in LEVELS if lv != "code")]
            for name, g in groups.items()]


def _petrarch_text(s: PetrarchScores, misses: int) -> list[str]:
    c = s.counts
    skipped = ", ".join(f"{v} {k.removeprefix('skipped_').replace('_', ' ')}" for k, v in c.items()
                        if k.startswith("skipped_") and v) or "none"
    lines = ["PETRARCH-style gold (micro-averaged over per-record multisets of tuples)",
             f"  {c['scored']} records scored (skipped: {skipped}); {c['gold_tuples']} gold tuples, "
             f"{c['predicted_tuples']} predicted; {c['gold_tuples_quoted_name_skipped']} gold tuples naming a "
             f"quoted (out-of-dictionary) actor skipped; {c['no_event_records_with_predictions']} of "
             f"{c['no_event_records']} no-event records got events",
             ""]
    lines += _table(["level", "P", "R", "F1", "tp", "fp", "fn", "compares"],
                    [[lv, _fmt(s.overall[lv].precision), _fmt(s.overall[lv].recall), _fmt(s.overall[lv].f1),
                      s.overall[lv].tp, s.overall[lv].fp, s.overall[lv].fn, LEVELS[lv][1]] for lv in LEVELS],
                    left=(0, 7))
    headers = ["records", "gold", "pred", "P", "R", "F1", *(f"F1 {lv}" for lv in LEVELS if lv != "code")]
    lines += ["", "  per set (sets were coded with different verb dictionaries; P/R/F1 = code level):"]
    lines += _table(["set", *headers], _group_rows(s.by_set), indent="  ")
    lines += ["", "  per category:"]
    lines += _table(["category", *headers], _group_rows(s.by_category), indent="  ")
    if misses and s.misses:
        lines += ["", f"  misses ({min(misses, len(s.misses))} of {len(s.misses)} records whose triples differ):"]
        for m in s.misses[:misses]:
            lines += [f"  - {m['id']} [{m['category']}]: {m['text']}",
                      f"      gold: {'; '.join(m['gold']) or '(no events)'}",
                      f"      pred: {'; '.join(m['predicted']) or '(no events)'}"
                      + (f"  [coder error: {m['coder_error']}]" if "coder_error" in m else "")]
    return lines


def _plover_text(s: PloverScores, misses: int) -> list[str]:
    o, m = s.overall, s.mentions
    lines = [
        "PLOVER-style gold (primary event = highest confidence, ties by earliest trigger)",
        f"  {o.records} records; no event predicted for {o.no_event}",
        f"  type accuracy         {_fmt(o.type.value)}  ({o.type.hits}/{o.type.total})   "
        f"any event of the type {_fmt(o.type_any.value)} ({o.type_any.hits}/{o.type_any.total})",
        f"  actor country         {_fmt(o.source_country.value)}  ({o.source_country.hits}/{o.source_country.total})"
        "   primary source country among the gold actors",
        f"  recipient country     {_fmt(o.target_country.value)}  ({o.target_country.hits}/{o.target_country.total})"
        "   primary target country among the gold recipients",
        f"  mentions: {m.located} of {m.gold_actors} gold actors located in the text; found "
        f"{_fmt(m.found.value)} ({m.found.hits}/{m.found.total}), country {_fmt(m.country.value)} "
        f"({m.country.hits}/{m.country.total}), sector {_fmt(m.sector.value)} ({m.sector.hits}/{m.sector.total}, "
        "gold actors with a known sector; missing mention = wrong)",
        "", "  per event type:",
    ]
    lines += _table(["event type", "records", "type", "any", "actor", "recipient", "no event"],
                    [[t, g.records, _fmt(g.type.value), _fmt(g.type_any.value), _fmt(g.source_country.value),
                      _fmt(g.target_country.value), g.no_event] for t, g in s.by_type.items()])
    if s.confusion:
        lines += ["", "  type confusion (gold -> primary predicted, top 10):"]
        lines += [f"    {g} -> {p or '(none)'}: {n}" for (g, p), n in s.confusion.most_common(10)]
    if misses and s.misses:
        shown = min(misses, len(s.misses))
        lines += ["", f"  misses ({shown} of {len(s.misses)} records with a wrong type or country):"]
        for x in s.misses[:misses]:
            lines += [f"  - {x['id']} [{x['event_type']}; wrong: {', '.join(x['wrong']) or '-'}]: {x['text']}",
                      f"      gold: {x['event_type']}; {'; '.join(x['gold']) or '(no actors)'}",
                      f"      pred: {'; '.join(x['predicted']) or '(no events)'}"
                      + (f"  [coder error: {x['coder_error']}]" if "coder_error" in x else "")]
    return lines


# -- the whole run ---------------------------------------------------------------------------------------


def evaluate(
    path: str | Path,
    *,
    db: str | Path | None = None,
    only: Iterable[str] | dict[str, Iterable[str]] | None = None,
    factuality: Iterable[str] | None = None,
    include_unevaluated: bool = False,
    resources: Any = None,
    progress: bool | None = None,
    batch_size: int = 64,
    on_error: Callable[[InputError], None] | None = None,
) -> EvalReport:
    """Run the coder over a gold file and score it; what ``accord eval`` does.

    ``only``: ``KEY=VALUE`` strings (or a dict) over top-level record fields, same key OR, different keys AND.
    ``factuality``: which predicted events count (default all but negated; ``all``). ``db``: a store opened
    read-only whose imported dictionaries the resources load. ``resources``: already loaded ``Resources``
    (then ``db`` is not opened). Malformed lines go to ``on_error`` and ``report.errors``; an unreadable file
    raises ``GoldFileError``, a bad option ``ValueError``, a missing store ``accord.store.StoreError``.
    """
    started = time.perf_counter()
    filters = ({k: frozenset(str(v).casefold() for v in vs) for k, vs in only.items()} if isinstance(only, dict)
               else parse_only(only or ()))
    counted = resolve_factuality(factuality)
    gold = load_gold(path)
    for err in gold.errors:
        if on_error:
            on_error(err)
    report = EvalReport(path=gold.path, records=len(gold.records), errors=gold.errors,
                        only={k: sorted(v) for k, v in filters.items()},
                        factuality=[f for f in FACTUALITY if f in counted])
    for key in filters:
        if gold.records and not any(key in r.fields for r in gold.records):
            report.notes.append(f"no record has a top-level field {key!r} (--only {key}=...)")
    selected = [r for r in gold.records if matches(r.fields, filters)]
    report.filtered_out = len(gold.records) - len(selected)
    skipped: dict[str, Counter] = {"petrarch": Counter(), "plover": Counter()}
    to_code = []
    for r in selected:
        reason = r.skip_reason(include_unevaluated)
        if reason:
            skipped[r.kind][reason] += 1
        else:
            to_code.append(r)

    predictions: list[Prediction] = []
    from .store import open_store

    # The store is opened (read-only) even when nothing is selected, so a wrong --db is always reported.
    with open_store(db, read_only=True) if db and resources is None else nullcontext() as store:
        if to_code:
            if resources is None:
                from .pipeline import Resources

                t0 = time.perf_counter()
                resources = Resources.load(store=store)
                report.load_seconds = time.perf_counter() - t0
            t1 = time.perf_counter()
            predictions = run_coder(to_code, resources, batch_size=batch_size, progress=progress)
            report.coding_seconds = time.perf_counter() - t1
            report.sentences = len(to_code)
    report.coder_errors = [f"{r.id}: {p.error}" for r, p in zip(to_code, predictions) if p.error]

    plover_of = default_plover_of()
    pairs = [(r, p.only(counted)) for r, p in zip(to_code, predictions)]
    petrarch = [petrarch_item(r, p, plover_of) for r, p in pairs if isinstance(r, PetrarchRecord)]
    plover = [PloverItem(r, p) for r, p in pairs if isinstance(r, PloverRecord)]
    if petrarch or skipped["petrarch"]:
        reasons = ("evaluate_false", "unspecified")
        report.petrarch = score_petrarch(petrarch, {k: skipped["petrarch"][k] for k in reasons})
    if plover:
        report.plover = score_plover(plover)
    report.seconds = time.perf_counter() - started
    return report


__all__ = [
    "DEFAULT_FACTUALITY", "DEFAULT_MISSES", "LEVELS", "Coding", "EvalReport", "GoldActor", "GoldEvent", "GoldFileError",
    "GoldSet", "PRF", "PetrarchItem", "PetrarchRecord", "PetrarchScores", "PloverItem", "PloverRecord", "PloverScores",
    "PredictedEvent", "PredictedMention", "Prediction", "Ratio", "country_of", "evaluate", "is_quoted_name",
    "load_gold", "locate", "match", "matches", "normalise_sector", "overlapping_mention", "parse_only",
    "parse_record", "petrarch_item", "prediction_from", "primary_event", "resolve_factuality", "run_coder",
    "score_petrarch", "score_plover",
]
