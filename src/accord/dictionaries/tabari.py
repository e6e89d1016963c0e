"""Readers for TABARI/PETRARCH dictionary files: actors, agents, discards and verbs (with synsets).

Why this exists: the Phoenix/CAMEO dictionaries are the largest open store of event-coding knowledge, and
users keep their own additions in the same formats. These readers turn those files into typed records that
the knowledge base and the event lexicon are built from; they never match text themselves.

Parsing is lenient in the way PETRARCH is: a malformed line is skipped and reported as a warning
``"NAME:LINE: message"``; only a source that cannot be read, or is not a dictionary at all, raises
:class:`DictionaryError`. Format reference: PETRARCH ``docs/source/dictionaries.rst`` and the TABARI manual.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")

KINDS = ("actors", "agents", "discards", "verbs")
NULL_CODE = "---"  # PETRARCH's explicit "no event / no actor code"


class DictionaryError(ValueError):
    """The source is unreadable or is not a TABARI/PETRARCH dictionary at all."""


# --------------------------------------------------------------------------------------------- records


@dataclass
class ParseResult(Generic[T]):
    """Entries read from one file, plus one warning per skipped or suspicious line."""

    entries: list[T]
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"entries": [e.to_json() for e in self.entries], "warnings": list(self.warnings)}  # type: ignore[attr-defined]

    @classmethod
    def from_json(cls, data: dict[str, Any], record: type) -> ParseResult[Any]:
        """Rebuild; ``record`` is the entry class (e.g. ``DictActor``) since JSON does not carry it."""
        return cls([record.from_json(e) for e in data["entries"]], list(data.get("warnings", [])))


@dataclass(frozen=True)
class Phrase:
    """A dictionary phrase: lowercase words joined by single spaces.

    ``open_ended`` is False when the source ended in ``_`` (whole word only); otherwise PETRARCH would also
    accept a suffix (regular plural, adjectival ending) on the last word.
    """

    text: str
    open_ended: bool

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "open_ended": self.open_ended}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Phrase:
        return cls(data["text"], bool(data["open_ended"]))


@dataclass(frozen=True)
class DatedCode:
    """A code valid only between two ISO days (inclusive); ``None`` leaves that end open."""

    code: str
    start: str | None
    end: str | None

    def covers(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DatedCode:
        return cls(data["code"], data.get("start"), data.get("end"))


@dataclass
class DictActor:
    """One actor record: primary phrase first, then its ``+`` synonyms, a default code and dated codes.

    Codes are kept as written (``"ELR/GAL"``, ``"---"`` = explicitly no code); the consumer decides.
    """

    phrases: list[Phrase]
    code: str | None
    dated: list[DatedCode]
    comment: str | None
    line: int

    def code_on(self, day: str | None) -> str | None:
        """The code valid on ISO ``day``: the first matching dated code in file order, else the default."""
        if day:
            for dated in self.dated:
                if dated.covers(day):
                    return dated.code
        return self.code

    def to_json(self) -> dict[str, Any]:
        return {
            "phrases": [p.to_json() for p in self.phrases],
            "code": self.code,
            "dated": [d.to_json() for d in self.dated],
            "comment": self.comment,
            "line": self.line,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DictActor:
        return cls(
            [Phrase.from_json(p) for p in data["phrases"]],
            data.get("code"),
            [DatedCode.from_json(d) for d in data.get("dated", [])],
            data.get("comment"),
            int(data["line"]),
        )


@dataclass
class DictAgent:
    """An agent (role/sector) phrase set: ``position`` is "suffix" (IRN+GOV) or "prefix" (NGO+IRN)."""

    phrases: list[str]
    code: str
    position: str
    line: int

    def to_json(self) -> dict[str, Any]:
        return {"phrases": list(self.phrases), "code": self.code, "position": self.position, "line": self.line}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DictAgent:
        return cls(list(data["phrases"]), data["code"], data["position"], int(data["line"]))


@dataclass
class DictDiscard:
    """A phrase that blocks coding of its sentence, or of the whole story when ``story`` is True.

    ``open_ended`` (an addition to the base API, defaulted) is False when the source ended in ``_``: the
    match must end at a word boundary rather than being treated as a stem.
    """

    phrase: str
    story: bool
    line: int
    open_ended: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"phrase": self.phrase, "story": self.story, "line": self.line, "open_ended": self.open_ended}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DictDiscard:
        return cls(data["phrase"], bool(data["story"]), int(data["line"]), bool(data.get("open_ended", True)))


@dataclass
class Synset:
    """A named set of phrases usable in verb patterns as ``&NAME``; plurals and embedded sets expanded."""

    name: str
    phrases: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "phrases": list(self.phrases)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Synset:
        return cls(data["name"], list(data["phrases"]))


TOKEN_KINDS = (
    "word", "verb", "source", "target", "compound", "skip", "synset", "np_open", "np_close", "pp_open", "pp_close",
)


@dataclass(frozen=True)
class PatternToken:
    """One element of a verb pattern; ``joined`` means it must be immediately followed by the next token."""

    kind: str
    value: tuple[str, ...] = ()
    joined: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": list(self.value), "joined": self.joined}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PatternToken:
        return cls(data["kind"], tuple(data.get("value", ())), bool(data.get("joined", False)))


@dataclass
class DictPattern:
    """A verb pattern. ``code`` None = the pattern suppresses coding; ``reverse_code`` is a second event
    coded target -> source (``[042:043]``)."""

    tokens: list[PatternToken]
    text: str
    code: str | None
    reverse_code: str | None
    comment: str | None
    line: int

    def to_json(self) -> dict[str, Any]:
        return {
            "tokens": [t.to_json() for t in self.tokens],
            "text": self.text,
            "code": self.code,
            "reverse_code": self.reverse_code,
            "comment": self.comment,
            "line": self.line,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DictPattern:
        return cls(
            [PatternToken.from_json(t) for t in data["tokens"]],
            data["text"],
            data.get("code"),
            data.get("reverse_code"),
            data.get("comment"),
            int(data["line"]),
        )


@dataclass
class DictVerb:
    """One verb of a synonym block. ``words[verb_index]`` is the verb; ``forms`` are its inflections
    (without the base form). ``code`` None = use the block default; ``"---"`` = explicitly no event."""

    words: list[str]
    verb_index: int
    forms: list[str]
    code: str | None
    line: int

    def to_json(self) -> dict[str, Any]:
        return {
            "words": list(self.words),
            "verb_index": self.verb_index,
            "forms": list(self.forms),
            "code": self.code,
            "line": self.line,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DictVerb:
        return cls(list(data["words"]), int(data["verb_index"]), list(data["forms"]), data.get("code"), int(data["line"]))


@dataclass
class VerbBlock:
    """A verb synonym block: verbs sharing a default ``code`` (None = no event) and a set of patterns."""

    name: str
    code: str | None
    verbs: list[DictVerb]
    patterns: list[DictPattern]
    line: int

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "code": self.code,
            "verbs": [v.to_json() for v in self.verbs],
            "patterns": [p.to_json() for p in self.patterns],
            "line": self.line,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VerbBlock:
        return cls(
            data["name"],
            data.get("code"),
            [DictVerb.from_json(v) for v in data["verbs"]],
            [DictPattern.from_json(p) for p in data["patterns"]],
            int(data["line"]),
        )


@dataclass
class VerbDictionary:
    """A whole verbs file: synsets by name (without ``&``), blocks in file order, warnings."""

    synsets: dict[str, Synset]
    blocks: list[VerbBlock]
    warnings: list[str] = field(default_factory=list)

    @property
    def patterns(self) -> list[DictPattern]:
        return [p for b in self.blocks for p in b.patterns]

    def to_json(self) -> dict[str, Any]:
        return {
            "synsets": {k: s.to_json() for k, s in self.synsets.items()},
            "blocks": [b.to_json() for b in self.blocks],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VerbDictionary:
        return cls(
            {k: Synset.from_json(s) for k, s in data["synsets"].items()},
            [VerbBlock.from_json(b) for b in data["blocks"]],
            list(data.get("warnings", [])),
        )


# --------------------------------------------------------------------------------------------- input


@dataclass(frozen=True)
class _Line:
    no: int
    text: str  # comments removed, not stripped
    comment: str | None

    @property
    def s(self) -> str:
        return self.text.strip()


def _load(source: str | Path, name: str | None) -> tuple[str, str]:
    """(text, label): a str with a newline is the dictionary itself; anything else is a path."""
    if isinstance(source, str) and "\n" in source:
        return source, name or "<text>"
    path = Path(source)
    label = name or str(source)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"{label}: cannot read dictionary: {exc.strerror or exc}") from None
    if b"\x00" in raw[:4096]:
        raise DictionaryError(f"{label}: not a dictionary (binary content)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # old TABARI-era files; latin-1 never fails
    return text.lstrip("\ufeff"), label


def _lines(text: str) -> Iterator[_Line]:
    """Non-blank lines with ``<!-- -->`` (multi-line), ``#`` and legacy ``;`` comments removed."""
    in_comment = False
    for no, line in enumerate(text.splitlines(), 1):
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line, in_comment = line[end + 3:], False
        while (start := line.find("<!--")) >= 0:
            end = line.find("-->", start + 4)
            if end < 0:
                line, in_comment = line[:start], True
                break
            line = line[:start] + " " + line[end + 3:]
        comment = None
        cuts = [i for i in (line.find("#"), line.find(";")) if i >= 0]
        if cuts:
            cut = min(cuts)
            comment = line[cut + 1:].strip() or None
            line = line[:cut]
        if line.strip():
            yield _Line(no, line, comment)


class _Warn:
    """Collects ``NAME:LINE: message`` warnings."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.items: list[str] = []

    def __call__(self, line: int, message: str) -> None:
        self.items.append(f"{self.label}:{line}: {message}")


# --------------------------------------------------------------------------------------------- helpers

_BRACKET = re.compile(r"\[([^\[\]{}]*)[\]}]")  # "[~ENV}" occurs in Phoenix.agents: accept '}' as closer
_BRACES = re.compile(r"\{([^{}\[\]]*)\}")
_BAD_PHRASE = re.compile(r"[\[\]{}<>]|-->")
_SPACES = re.compile(r"[\s_]+")
_VOWELS = frozenset("aeiou")
_DATED = re.compile(r"^([^\s<>]+)\s*(?:([<>])\s*(\d+)|\s(\d+)\s*-\s*(\d+)|\s(\d+))?$")
_MARKER_DEF = re.compile(r"^!([^!\s]+)!\s*=\s*(.*)$")
_MARKER = re.compile(r"!([^!\s]+)!")


def _words(raw: str) -> str:
    """Lowercase words joined by single spaces; ``_`` counts as a space."""
    return " ".join(_SPACES.split(raw.strip().strip("_").lower())).strip()


def _phrase(raw: str) -> Phrase | None:
    raw = raw.strip()
    text = _words(raw)
    if not text or _BAD_PHRASE.search(raw):
        return None
    return Phrase(text, open_ended=not raw.endswith("_"))


def _split_codes(s: str) -> tuple[str, list[str], str]:
    """(text before the first bracket, bracket contents, stray text after the brackets)."""
    pos = s.find("[")
    if pos < 0:
        return s, [], ""
    rest = s[pos:]
    return s[:pos], _BRACKET.findall(rest), _BRACKET.sub(" ", rest).strip()


@lru_cache(maxsize=4096)  # the same few thousand dates recur across a country file
def _iso(digits: str) -> str | None:
    """YYYYMMDD or YYMMDD (YY 00-29 -> 20YY, else 19YY) -> ISO day, None if invalid."""
    if len(digits) == 8:
        year = int(digits[:4])
    elif len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
    else:
        return None
    try:
        return date(year, int(digits[-4:-2]), int(digits[-2:])).isoformat()
    except ValueError:
        return None


def _plural(word: str) -> str | None:
    """Regular English plural of a word (None if the word does not end in a letter)."""
    if not word or not word[-1].isalpha():
        return None
    if word.endswith(("ss", "us", "as", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("s"):  # "dollars", "francs": dictionary entries ending in a bare 's' are already plural
        return None
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _with_plural(phrase: str) -> list[str]:
    head, _, last = phrase.rpartition(" ")
    plural = _plural(last)
    if plural is None:
        return [phrase]
    return [phrase, f"{head} {plural}" if head else plural]


def _regular_verb_forms(verb: str) -> list[str]:
    """-s, -ed and -ing forms by the plain spelling rules (e-drop, consonant+y); no consonant doubling."""
    if not verb.isalpha():
        return []
    cons_y = verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS
    if verb.endswith(("s", "x", "z", "ch", "sh")) or (verb.endswith("o") and len(verb) > 1 and verb[-2] not in _VOWELS):
        third = verb + "es"
    else:
        third = verb[:-1] + "ies" if cons_y else verb + "s"
    past = verb + "d" if verb.endswith("e") else (verb[:-1] + "ied" if cons_y else verb + "ed")
    if verb.endswith("ie"):
        gerund = verb[:-2] + "ying"
    elif verb.endswith("e") and len(verb) > 2 and not verb.endswith(("ee", "ye", "oe")):
        gerund = verb[:-1] + "ing"
    else:
        gerund = verb + "ing"
    return [third, past, gerund]


_VERB_SLOTS = ("third", "past", "gerund")


def _verb_slot(form: str) -> str:
    """Which inflection an explicitly listed form fills (irregular pasts and participles count as past)."""
    if form.endswith("ing"):
        return "gerund"
    if form.endswith("s"):
        return "third"
    return "past"


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --------------------------------------------------------------------------------------------- actors


def _parse_actor_code(inner: str) -> DatedCode | str | None:
    """A bracket's content -> DatedCode (restricted), str (default code) or None (malformed)."""
    m = _DATED.match(inner.strip())
    if not m:
        return None
    code, op, op_date, start, end, lone = m.groups()
    if lone:  # "[CODE 20121204]": a date with no '<', '>' or range
        return None
    if op:
        day = _iso(op_date)
        if day is None:
            return None
        return DatedCode(code, None, day) if op == "<" else DatedCode(code, day, None)
    if start:
        first, last = _iso(start), _iso(end)
        if first is None or last is None or first > last:
            return None
        return DatedCode(code, first, last)
    return code


def _add_actor_codes(actor: DictActor, codes: list[str], line: int, warn: _Warn) -> None:
    for inner in codes:
        parsed = _parse_actor_code(inner)
        if parsed is None:
            warn(line, f"malformed actor code [{inner.strip()}] skipped")
        elif isinstance(parsed, DatedCode):
            actor.dated.append(parsed)
        elif actor.code is None:
            actor.code = parsed
        elif actor.code != parsed:
            warn(line, f"second default code [{parsed}] for '{actor.phrases[0].text}' ignored (keeps [{actor.code}])")


def _read_actors(text: str, label: str) -> ParseResult[DictActor]:
    warn = _Warn(label)
    entries: list[DictActor] = []
    current: DictActor | None = None

    def finish() -> None:
        if current is not None and current.code is None and not current.dated:
            warn(current.line, f"actor '{current.phrases[0].text}' has no code")

    for ln in _lines(text):
        s = ln.s
        if s.startswith("["):  # code line (usually tab-indented) for the current record
            if current is None:
                warn(ln.no, "code line with no actor before it skipped")
                continue
            codes, stray = _BRACKET.findall(s), _BRACKET.sub(" ", s).strip()
            if stray:
                warn(ln.no, f"unexpected text '{stray}' on code line")
            _add_actor_codes(current, codes, ln.no, warn)
            continue
        synonym = s.startswith("+")
        body, codes, stray = _split_codes(s[1:] if synonym else s)
        phrase = _phrase(body)
        if phrase is None:
            warn(ln.no, f"malformed actor phrase '{s}' skipped")
            if not synonym:
                finish()
                current = None
            continue
        if stray:
            warn(ln.no, f"unexpected text '{stray}' after codes")
        if synonym:
            if current is None:
                warn(ln.no, f"synonym '{s}' with no primary phrase before it skipped")
                continue
            current.phrases.append(phrase)
        else:
            finish()
            current = DictActor([phrase], None, [], ln.comment, ln.no)
            entries.append(current)
        _add_actor_codes(current, codes, ln.no, warn)
    finish()
    return ParseResult(entries, warn.items)


# --------------------------------------------------------------------------------------------- agents


def _agent_code(inner: str) -> tuple[str, str] | None:
    inner = inner.strip()
    if inner.startswith("~") and len(inner) > 1 and "~" not in inner[1:]:
        return inner[1:].strip(), "suffix"
    if inner.endswith("~") and len(inner) > 1 and "~" not in inner[:-1]:
        return inner[:-1].strip(), "prefix"
    return None


def _read_agents(text: str, label: str) -> ParseResult[DictAgent]:
    warn = _Warn(label)
    lines = list(_lines(text))
    markers: dict[str, list[str]] = {}
    for ln in lines:  # markers first, so a marker may be used above its definition
        if m := _MARKER_DEF.match(ln.s):
            items = [_words(x) for x in m.group(2).split(",")]
            markers[m.group(1).upper()] = [x for x in items if x]
    entries: list[DictAgent] = []
    for ln in lines:
        s = ln.s
        if _MARKER_DEF.match(s):
            continue
        body, codes, stray = _split_codes(s)
        if not codes:
            warn(ln.no, f"agent line '{s}' has no [~CODE] or [CODE~] and was skipped")
            continue
        parsed = _agent_code(codes[0])
        if parsed is None or not parsed[0]:
            warn(ln.no, f"agent code [{codes[0].strip()}] needs one '~' before or after the code; skipped")
            continue
        if len(codes) > 1 or stray:
            warn(ln.no, "extra text after the agent code ignored")
        plural_spec: str | None = None
        if m := _BRACES.search(body):
            plural_spec = m.group(1)
            body = body[: m.start()] + " " + body[m.end():]
        if "{" in body or "}" in body or not _words(body):
            warn(ln.no, f"malformed agent phrase '{s}' skipped")
            continue
        used = _MARKER.findall(body)
        if used:
            unknown = [u for u in used if u.upper() not in markers]
            if unknown:
                warn(ln.no, f"undefined substitution marker !{unknown[0]}! ; line skipped")
                continue
            phrases = []
            for combo in itertools.product(*(markers[u.upper()] for u in used)):
                items = iter(combo)
                phrases.append(_words(_MARKER.sub(lambda _m: next(items), body)))
        else:
            singular = _words(body)
            if plural_spec is None:
                phrases = _with_plural(singular)
            else:
                phrases = [singular] + [_words(p) for p in plural_spec.split()]
        code, position = parsed
        entries.append(DictAgent(_dedupe([p for p in phrases if p]), code, position, ln.no))
    return ParseResult(entries, warn.items)


# --------------------------------------------------------------------------------------------- discards


def _read_discards(text: str, label: str) -> ParseResult[DictDiscard]:
    warn = _Warn(label)
    entries: list[DictDiscard] = []
    for ln in _lines(text):
        s = ln.s
        story = s.startswith("+")
        body = s[1:].strip() if story else s
        phrase = _phrase(body)
        if phrase is None:
            warn(ln.no, f"malformed discard '{s}' skipped")
            continue
        entries.append(DictDiscard(phrase.text, story, ln.no, phrase.open_ended))
    return ParseResult(entries, warn.items)


# --------------------------------------------------------------------------------------------- verbs

_PATTERN_SYMBOLS = {
    "*": "verb",
    "**": "verb",
    "$": "source",
    "+": "target",
    "%": "compound",
    "^": "skip",
    "{": "np_open",
    "}": "np_close",
    "(": "pp_open",
    ")": "pp_close",
}
_PATTERN_BRACKETS = re.compile(r"([{}()])")
_WORD_OK = re.compile(r"^[^\s*$%^&\[\]{}()<>=~]+$")
_HEADER = re.compile(r"^---(.*?)(?:-{3,}\s*)?$")


def _pattern_code(inner: str) -> tuple[str | None, str | None]:
    def norm(code: str) -> str | None:
        code = code.strip()
        return None if code in ("", NULL_CODE) else code

    primary, _, reverse = inner.partition(":")
    return norm(primary), norm(reverse)


def _tokenize(text: str) -> list[PatternToken] | str:
    """Pattern text -> tokens, or an error message."""
    tokens: list[PatternToken] = []
    for chunk in _PATTERN_BRACKETS.sub(r" \1 ", text).split():
        parts = [p for p in chunk.split("_") if p]
        for i, part in enumerate(parts):
            joined = i < len(parts) - 1
            if part in _PATTERN_SYMBOLS:
                kind = _PATTERN_SYMBOLS[part]
                value = (part,) if kind == "verb" else ()
                tokens.append(PatternToken(kind, value, joined))
            elif part.startswith("&") and len(part) > 1 and _WORD_OK.match(part[1:]):
                tokens.append(PatternToken("synset", (part[1:].rstrip("_").upper(),), joined))
            elif _WORD_OK.match(part):
                alternatives = tuple(a for a in part.lower().split("/") if a)
                if not alternatives:
                    return f"empty word in '{chunk}'"
                tokens.append(PatternToken("word", alternatives, joined))
            else:
                return f"unrecognised pattern element '{part}'"
    if not tokens:
        return "empty pattern"
    if not any(t.kind == "verb" for t in tokens):
        return "pattern has no verb marker '*'"
    return tokens


def _verb_forms_from(item: str, verb_index: int, n_words: int) -> str | None:
    """The verb word out of one explicit form such as ``GAVE`` or ``+BROKE_DOWN``."""
    parts = [p for p in _SPACES.split(item.strip()) if p]
    marked = [p for p in parts if p.startswith("+")]
    if marked:
        word = marked[0]
    elif len(parts) == 1:
        word = parts[0]
    elif len(parts) == n_words:
        word = parts[verb_index]
    else:
        return None
    return word.lstrip("+").lower() or None


class _VerbReader:
    """State machine over a verbs file: synset definitions, block headers, verb lines, patterns."""

    def __init__(self, label: str) -> None:
        self.warn = _Warn(label)
        self.blocks: list[VerbBlock] = []
        self.block: VerbBlock | None = None
        # synset drafts: name -> (line, [(line, phrases | None, ref | None)])
        self.drafts: dict[str, tuple[int, list[tuple[int, list[str] | None, str | None]]]] = {}
        self.synset: str | None = None  # name of the synset whose '+' members are being read
        self.synset_plural = True

    # --- line kinds
    def header(self, ln: _Line) -> None:
        inner = _HEADER.match(ln.s).group(1)  # type: ignore[union-attr]
        name, codes, stray = _split_codes(inner)
        name = name.strip()
        if not name:
            self.warn(ln.no, "verb block header without a name")
        if len(codes) > 1 or stray.strip("- \t"):  # "[110]---  ---" occurs: stray dashes are harmless
            self.warn(ln.no, f"extra text in block header ignored (keeps [{codes[0].strip() if codes else ''}])")
        code = codes[0].strip() if codes else None
        self.block = VerbBlock(name, None if code in (None, "", NULL_CODE) else code, [], [], ln.no)
        self.blocks.append(self.block)

    def synset_label(self, ln: _Line) -> None:
        label = ln.s[1:].strip()
        if not label or " " in label or not _WORD_OK.match(label):
            self.warn(ln.no, f"malformed synset label '{ln.s}' skipped")
            self.synset = None
            return
        name = label.rstrip("_").upper()
        if name in self.drafts:
            self.warn(ln.no, f"synset &{name} defined again; members added to the first definition")
        else:
            self.drafts[name] = (ln.no, [])
        self.synset, self.synset_plural = name, not label.endswith("_")

    def synset_member(self, ln: _Line) -> None:
        assert self.synset is not None
        raw = ln.s[1:].strip()
        members = self.drafts[self.synset][1]
        if raw.startswith("&"):
            members.append((ln.no, None, raw[1:].strip().rstrip("_").upper()))
            return
        phrase = _phrase(raw)
        if phrase is None or any(t and t[0] in "$+%^*&" for t in _SPACES.split(raw)):
            self.warn(ln.no, f"malformed synset member '{ln.s}' skipped")
            return
        whole = not (self.synset_plural and phrase.open_ended)
        members.append((ln.no, [phrase.text] if whole else _with_plural(phrase.text), None))

    def verb(self, ln: _Line) -> None:
        s = ln.s
        codes = _BRACKET.findall(s)
        rest = _BRACKET.sub(" ", s)
        explicit: list[str] | None = None
        if m := _BRACES.search(rest):
            explicit = m.group(1).split()
            rest = rest[: m.start()] + " " + rest[m.end():]
        raw_words = [w for w in _SPACES.split(rest.strip()) if w]
        if not raw_words or any(not _WORD_OK.match(w.lstrip("+")) or not w.lstrip("+") for w in raw_words):
            self.warn(ln.no, f"malformed verb line '{s}' skipped")
            return
        marked = [i for i, w in enumerate(raw_words) if w.startswith("+")]
        if len(marked) > 1:
            self.warn(ln.no, f"several '+' verb marks in '{s}'; the first is used")
        verb_index = marked[0] if marked else 0
        words = [w.lstrip("+").lower() for w in raw_words]
        if len(codes) > 1:
            self.warn(ln.no, f"several codes on verb line '{s}'; the first is used")
        code = codes[0].strip() or None if codes else None
        if explicit is not None and not explicit:
            forms: list[str] = []  # "{}": the word has no other forms
        else:
            given: list[str] = []
            for item in explicit or []:
                form = _verb_forms_from(item, verb_index, len(words))
                if form is None:
                    self.warn(ln.no, f"cannot tell which word of '{item}' is the verb; form skipped")
                else:
                    given.append(form)
            # Regular forms fill only the slots (-s, past, -ing) the listed forms leave open, so that
            # "TAP {TAPPED TAPPING}" does not also yield "taped"/"taping" (other verbs).
            covered = {_verb_slot(f) for f in given}
            regular = _regular_verb_forms(words[verb_index])
            forms = [f for f, slot in zip(regular, _VERB_SLOTS) if slot not in covered] + given
        forms = [f for f in _dedupe(forms) if f != words[verb_index]]
        entry = DictVerb(words, verb_index, forms, code, ln.no)
        if self.block is None or self.block.patterns:
            # Headerless (old-style) file, or a verb after the patterns: a new synonym block starts here,
            # whose default code is its first verb's code.
            name = " ".join(w.upper() for w in words)
            self.block = VerbBlock(name, None if code in (None, NULL_CODE) else code, [], [], ln.no)
            self.blocks.append(self.block)
        self.block.verbs.append(entry)

    def pattern(self, ln: _Line) -> None:
        body = ln.s[1:]
        if self.block is None:
            self.warn(ln.no, "pattern outside any verb block skipped")
            return
        end = body.rfind("[")
        close = max(body.rfind("]"), body.rfind("}"))  # tolerate "[042}" like the agents files
        if end < 0 or close < end:
            self.warn(ln.no, f"pattern '{ln.s}' has no [CODE]; skipped")
            return
        text = " ".join(body[:end].split())
        if body[close + 1:].strip():
            self.warn(ln.no, f"unexpected text after the code in '{ln.s}'")
        tokens = _tokenize(text)
        if isinstance(tokens, str):
            self.warn(ln.no, f"{tokens}; pattern skipped")
            return
        code, reverse = _pattern_code(body[end + 1:close])
        self.block.patterns.append(DictPattern(tokens, text, code, reverse, ln.comment, ln.no))

    # --- driver
    def read(self, text: str) -> VerbDictionary:
        for ln in _lines(text):
            s = ln.s
            if s.startswith("+") and self.synset is not None:
                self.synset_member(ln)
                continue
            self.synset = None
            if s.startswith("---"):
                self.header(ln)
            elif s.startswith("&"):
                self.synset_label(ln)
            elif s.startswith("-"):
                self.pattern(ln)
            elif s.startswith("~"):
                self.warn(ln.no, "PETRARCH2 transformation lines are not supported; skipped")
            else:
                self.verb(ln)
        synsets = self._resolve_synsets()
        for block in self.blocks:
            kept = []
            for pattern in block.patterns:
                missing = [t.value[0] for t in pattern.tokens if t.kind == "synset" and t.value[0] not in synsets]
                if missing:
                    self.warn(pattern.line, f"pattern uses undefined synset &{missing[0]}; skipped")
                else:
                    kept.append(pattern)
            block.patterns = kept
        return VerbDictionary(synsets, self.blocks, self.warn.items)

    def _resolve_synsets(self) -> dict[str, Synset]:
        resolved: dict[str, list[str]] = {}

        def expand(name: str, stack: tuple[str, ...]) -> list[str]:
            if name in resolved:
                return resolved[name]
            out: list[str] = []
            for line, phrases, ref in self.drafts[name][1]:
                if phrases is not None:
                    out.extend(phrases)
                elif ref not in self.drafts:
                    self.warn(line, f"synset &{name} includes undefined synset &{ref}; member skipped")
                elif ref in stack or ref == name:
                    self.warn(line, f"synset &{name} includes itself through &{ref}; member skipped")
                else:
                    out.extend(expand(ref, stack + (name,)))
            resolved[name] = _dedupe(out)
            return resolved[name]

        synsets = {}
        for name, (line, _) in self.drafts.items():
            phrases = expand(name, ())
            if not phrases:
                self.warn(line, f"synset &{name} has no members")
            synsets[name] = Synset(name, phrases)
        return synsets


# --------------------------------------------------------------------------------------------- public API


def read_actors(source: str | Path, name: str | None = None) -> ParseResult[DictActor]:
    """Read an actors dictionary (``.actors``): phrases with default and date-restricted codes."""
    return _read_actors(*_load(source, name))


def read_agents(source: str | Path, name: str | None = None) -> ParseResult[DictAgent]:
    """Read an agents dictionary: role phrases (with plurals and ``!MARKER!`` expansion) and agent codes."""
    return _read_agents(*_load(source, name))


def read_discards(source: str | Path, name: str | None = None) -> ParseResult[DictDiscard]:
    """Read a discard list: phrases that block coding of a sentence (or, with ``+``, of a story)."""
    return _read_discards(*_load(source, name))


def read_verbs(source: str | Path, name: str | None = None) -> VerbDictionary:
    """Read a verbs dictionary: synsets, verb synonym blocks and their patterns."""
    return _read_verbs(*_load(source, name))


def _read_verbs(text: str, label: str) -> VerbDictionary:
    return _VerbReader(label).read(text)


_DISCARD_LIKE = re.compile(r"^\+?[^\[\]{}<>=|,\"]+$")


def _detect(text: str, label: str) -> str:
    headers = synsets = patterns = agent_codes = actor_codes = markers = plain = lines = 0
    for ln in _lines(text):
        s = ln.s
        lines += 1
        if s.startswith("---"):
            headers += 1
        elif s.startswith("&"):
            synsets += 1
        elif s.startswith("- ") or (s.startswith("-") and "*" in s and "[" in s):
            patterns += 1
        if _MARKER_DEF.match(s):
            markers += 1
        for inner in _BRACKET.findall(s):
            if "~" in inner:
                agent_codes += 1
            else:
                actor_codes += 1
        if "[" not in s and _DISCARD_LIKE.match(s) and len(s.split()) <= 12:
            plain += 1
    if lines == 0:
        raise DictionaryError(f"{label}: no dictionary entries (empty or only comments)")
    if headers or (synsets and patterns):
        return "verbs"
    if agent_codes or markers:
        if agent_codes >= actor_codes:
            return "agents"
    if actor_codes:
        return "actors"
    if plain >= 0.9 * lines:
        return "discards"
    raise DictionaryError(f"{label}: not a TABARI/PETRARCH dictionary (no codes, headers or phrase list found)")


def detect_kind(source: str | Path) -> str:
    """'actors' | 'agents' | 'verbs' | 'discards', by sniffing content; DictionaryError if none fits."""
    return _detect(*_load(source, None))


_READERS: dict[str, Callable[[str, str], Any]] = {
    "actors": _read_actors,
    "agents": _read_agents,
    "discards": _read_discards,
    "verbs": _read_verbs,
}


def read_any(
    source: str | Path, kind: str | None = None, name: str | None = None
) -> ParseResult[Any] | VerbDictionary:
    """Read any dictionary, detecting its kind unless given."""
    text, label = _load(source, name)
    if kind is None:
        kind = _detect(text, label)
    reader = _READERS.get(kind)
    if reader is None:
        raise DictionaryError(f"{label}: unknown dictionary kind '{kind}' (expected one of {', '.join(KINDS)})")
    return reader(text, label)


def tokenize_pattern(text: str) -> list[PatternToken]:
    """Tokens of one pattern in the PETRARCH language ("* {diplomatic ties} (with +)"); ValueError if malformed.

    Used by accord's lexicon, which keeps patterns as text in its TSV files and compiles them when it loads.
    """
    tokens = _tokenize(text.upper())
    if isinstance(tokens, str):
        raise ValueError(tokens)
    return tokens
