"""The event lexicon: verbs, their patterns, event nouns and the rules around them — data, not code.

Shipped in ``accord/data/lexicon`` as TSV files (converted from the MIT CAMEO 2.0 verb dictionary of the Open
Event Data Alliance, plus accord's own entries; see that folder's README) and extended by users through the store
(``accord lexicon import FILE`` for TABARI/PETRARCH verb dictionaries, ``accord lexicon add`` for single entries).

The organisation follows PETRARCH's: verbs that behave alike form a *block* sharing patterns and a default CAMEO
code; a verb line may carry its own default code. The coder asks: which blocks does this verb belong to, which of
their patterns matches the clause, and failing all, what is the verb's default code?
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..ontology import Ontology, data_path
from .patterns import CompiledPattern, PatternError, american, compile_pattern

NULL_CODES = {"---", "", None}
_PUNCT = re.compile(r"[^\w\s'&.-]|(?<!\w)[.'-]|[.'-](?!\w)")


def discard_words(text: str) -> list[str]:
    """A text's words as discard phrases are matched against: lower case, punctuation dropped."""
    return _PUNCT.sub(" ", text.lower()).split()


def _code(value: Any) -> str | None:
    value = None if value is None else str(value).strip()
    return None if value in NULL_CODES else value


def _pair(value: Any) -> tuple[str | None, str | None]:
    """``"042:043"`` -> ("042", "043"): a code and the code of the paired event, target -> source."""
    primary, _, reverse = ("" if value is None else str(value)).partition(":")
    return _code(primary), _code(reverse)


@dataclass(frozen=True)
class VerbEntry:
    """One verb of a block: its words (multi-word verbs like "break off"), which word inflects, its own code."""

    block: str
    words: tuple[str, ...]
    verb_index: int = 0
    code: str | None = None  # None: the block's default
    null: bool = False  # explicitly "[---]": this verb alone codes nothing
    origin: str = "builtin"
    reverse_code: str | None = None  # "[042:043]" on the verb itself

    @property
    def lemma(self) -> str:
        return self.words[self.verb_index]

    @property
    def before(self) -> tuple[str, ...]:
        return self.words[: self.verb_index]

    @property
    def after(self) -> tuple[str, ...]:
        return self.words[self.verb_index + 1:]


def _crosses_sides(block_code: str | None, code: str | None) -> bool:
    """Does a pattern turn its block's cooperation into conflict or the reverse (QuadClass 1-2 against 3-4)? Such a
    reading is an idiom of one verb ("battle insurgents" alongside them), not of the whole block ("attack")."""
    if not block_code or not code or block_code.startswith("01"):
        return False  # a statement is neutral: its patterns say what it expresses ("voiced frustration")
    quad = _quad_classes()
    a, b = quad.get(block_code), quad.get(code)
    return a is not None and b is not None and (a <= 2) != (b <= 2)


@lru_cache(maxsize=1)
def _quad_classes() -> dict[str, int]:
    return {code: info.quad_class for code, info in Ontology().cameo.items()}


@dataclass
class Block:
    name: str
    code: str | None
    reverse_code: str | None = None
    verbs: list[VerbEntry] = field(default_factory=list)
    patterns: list[CompiledPattern] = field(default_factory=list)
    origin: str = "builtin"


@dataclass(frozen=True)
class NounEntry:
    """An event noun ("talks", "sanctions"): its code and the prepositions that introduce its target."""

    id: str
    noun: str
    code: str
    target_preps: frozenset[str]
    symmetric: bool = False  # "talks between X and Y": every pair, both directions
    complement: str | None = None  # a to-infinitive changes the code ("threats to bomb" -> 138)
    complement_code: str | None = None
    modifier_codes: tuple[tuple[str, str], ...] = ()  # ("hunger", "142"): a hunger strike
    object_codes: tuple[tuple[str, str], ...] = ()  # ("diplomat", "161"): the expulsion *of diplomats*


def _split(value: str | None) -> frozenset[str]:
    return frozenset(v.strip().lower() for v in (value or "").split("|") if v.strip())


def _pairs(value: str | None) -> tuple[tuple[str, str], ...]:
    """"hunger=142|air=195" -> (("hunger", "142"), ("air", "195"))."""
    return tuple((w.strip(), c.strip()) for w, c in (p.split("=", 1) for p in _split(value) if "=" in p))


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file whose first non-comment line is the header."""
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


class Lexicon:
    """Verb blocks, patterns, synonym sets, event nouns, symmetric codes, discards and contexts."""

    def __init__(self) -> None:
        self.blocks: dict[str, Block] = {}
        self.verbs: dict[str, list[VerbEntry]] = defaultdict(list)  # head lemma -> entries
        self.synsets: dict[str, list[str]] = {}
        self.nouns: dict[str, list[NounEntry]] = defaultdict(list)
        self.symmetric: tuple[str, ...] = ()  # code prefixes coded both ways when there is a target
        self.mutual: tuple[str, ...] = ()  # code prefixes a compound subject does together, each with each
        self.one_sided: tuple[str, ...] = ()  # exceptions under those prefixes: mediators do not mediate each other
        self.unilateral: tuple[str, ...] = ()  # code prefixes that are events without a target
        self.discards: list[tuple[str, bool]] = []  # (phrase, whole story?)
        self.contexts: dict[str, str] = {}  # lemma -> PLOVER context
        self.light_verbs: frozenset[str] = frozenset()
        self.catenative: frozenset[str] = frozenset()  # "going to", "set to": the infinitive is the event
        self.adjectives: dict[str, NounEntry] = {}  # "critical of", "opposed to"
        self.evaluations: dict[str, str] = {}  # word -> code: "said the sanctions were *illegal*"
        self.carriers: frozenset[str] = frozenset()  # "a mediation *mission*": the modifier names the event
        self.topic_verbs: frozenset[str] = frozenset()  # "discussed Syria": partners only as co-subjects or "with"
        self.relation_nouns: frozenset[str] = frozenset()  # "X and Y renewed *ties*": mutual
        self.obligations: dict[str, str] = {}  # modal -> code: "said Sudan must return" is a demand
        self.weapons: frozenset[str] = frozenset()  # "a roadside bomb killed": unidentified armed forces
        self.warnings: list[str] = []
        self._patterns_for: dict[tuple[str, str], list[CompiledPattern]] = {}

    # -- loading ---------------------------------------------------------------------------------
    @classmethod
    def load(cls, directory: Path | None = None, store: Any = None) -> "Lexicon":
        """The shipped lexicon, with the store's imported dictionaries and additions layered on top.

        A verb dictionary imported with ``--replace`` replaces the shipped verbs, patterns and symmetric codes
        (its own ``[x:y]`` codes say which events are mutual); discards and nouns likewise by kind.
        """
        lex = cls()
        directory = directory or data_path("lexicon")
        replace_verbs = bool(store is not None and store.builtin_replaced("verbs"))
        replace_nouns = bool(store is not None and store.builtin_replaced("nouns"))
        replace_discards = bool(store is not None and store.builtin_replaced("discards"))
        if not replace_verbs:
            lex.load_tsv_verbs(directory)
            rows = read_tsv(directory / "symmetric.tsv")
            lex.symmetric = tuple(r["prefix"] for r in rows if r.get("with_target", "yes") == "yes")
            lex.mutual = tuple(r["prefix"] for r in rows if r.get("with_target", "yes") != "never")
            lex.one_sided = tuple(r["prefix"] for r in rows if r.get("with_target") == "never")
        if not replace_nouns:
            lex.load_tsv_nouns(directory / "nouns.tsv")
        if not replace_discards:
            lex.discards = [(r["phrase"].lower(), r.get("scope") == "story")
                            for r in read_tsv(directory / "discards.tsv")]
        lex.contexts = {r["word"].lower(): r["context"] for r in read_tsv(directory / "contexts.tsv")}
        lex.unilateral = tuple(r["prefix"] for r in read_tsv(directory / "unilateral.tsv"))
        lex.light_verbs = frozenset(r["verb"].lower() for r in read_tsv(directory / "light_verbs.tsv"))
        lex.catenative = frozenset(r["verb"].lower() for r in read_tsv(directory / "catenative.tsv"))
        lex.obligations = {r["modal"].lower(): r["code"] for r in read_tsv(directory / "obligations.tsv")}
        lex.carriers = frozenset(r["noun"].lower() for r in read_tsv(directory / "carriers.tsv"))
        lex.topic_verbs = frozenset(r["verb"].lower() for r in read_tsv(directory / "topic_verbs.tsv"))
        lex.relation_nouns = frozenset(r["noun"].lower() for r in read_tsv(directory / "relation_nouns.tsv"))
        lex.weapons = frozenset(r["noun"].lower() for r in read_tsv(directory / "weapons.tsv"))
        lex.evaluations = {r["word"].lower(): r["code"] for r in read_tsv(directory / "evaluations.tsv")}
        for row in read_tsv(directory / "adjectives.tsv"):
            lex.adjectives[row["adjective"].lower()] = NounEntry(
                id="adj:" + row["adjective"].lower(), noun=row["adjective"].lower(), code=row["code"],
                target_preps=_split(row.get("target_preps")), object_codes=_pairs(row.get("object_codes")))
        if store is not None:
            lex.load_store(store)
        return lex

    def load_tsv_verbs(self, directory: Path) -> None:
        from ..dictionaries.tabari import tokenize_pattern

        for row in read_tsv(directory / "synsets.tsv"):
            self.synsets.setdefault(row["name"].upper(), []).append(row["phrase"].lower())
        for row in read_tsv(directory / "blocks.tsv"):
            self.blocks[row["block"]] = Block(row["block"], *_pair(row.get("code")))
        for row in read_tsv(directory / "verbs.tsv"):
            block = self.blocks.setdefault(row["block"], Block(row["block"], None))
            words = row["verb"].lower().split()
            index = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
            words = [w.lstrip("+") for w in words]
            raw = row.get("code", "")
            code, reverse = _pair(raw)
            self.add_verb(VerbEntry(block.name, tuple(words), index, code, null=raw == "---", reverse_code=reverse))
        block_verbs: dict[str, set[str]] = defaultdict(set)
        for lemma, entries in self.verbs.items():
            for e in entries:
                block_verbs[e.block].add(lemma)
        for row in read_tsv(directory / "patterns.tsv"):
            block = self.blocks.get(row["block"])
            if block is None:
                self.warnings.append(f"patterns.tsv: pattern {row['id']} names unknown block {row['block']}")
                continue
            try:
                tokens = tokenize_pattern(row["pattern"])
                pattern = compile_pattern(tokens, self.synsets, id=row["id"], block=block.name,
                                          code=_code(row.get("code")), reverse_code=_code(row.get("reverse_code")),
                                          text=row["pattern"])
                # the verbs a pattern was written for ("BATTLE , CLASH": either)
                notes = [n.strip() for n in (row.get("note") or "").lower().split(",") if n.strip()]
                known = [n for n in notes if n in block_verbs.get(block.name, ())]
                note = "|".join(dict.fromkeys(known))
                if (pattern.verb_specific or _crosses_sides(block.code, pattern.code)) and known:
                    # CAMEO 2.0 notes which verb a pattern was written for; "* (to)" written for HEAD ("headed
                    # to talks") would otherwise code "ordered X to", "led to" in the same block, and "* insurgents"
                    # written for BATTLE (fighting alongside them) would make "attacked insurgents" cooperation.
                    pattern = replace(pattern, verb=note)
                if pattern.code is None and not pattern.pre and len(pattern.post) == 1 and \
                        pattern.object_word is not None and not pattern.verb_specific:
                    # a one-word pattern that makes the verb no event ("* video": "released a video"; "* &aircraft":
                    # "attack aircraft", a compound noun the tagger took for a verb) holds for the verb's object or
                    # the word right after it, not deeper ("attacked villages with jets" is an attack)
                    # (one coding only the other side's act, "* withdrawal [---:0874]", must touch the verb: the
                    # event noun codes "welcomed the Chilean withdrawal" itself)
                    pattern = replace(pattern, post_joined=True) if pattern.reverse_code else \
                        replace(pattern, object_only=True)
                elif pattern.object_word is not None and pattern.code and (
                        not block.code or block.code[:2] != pattern.code[:2] or (
                            pattern.bare_word is not None and pattern.post[0].group)):
                    # (a lone prepositional phrase, "* (between)", is the verb's own: "clashed between X and Y",
                    # not "stormed the fence between X and Y")
                    # "* border" (050, for REOPEN), "* area" (192, for CAPTURE): one word that makes another kind
                    # of event holds only as the verb's own object, not anywhere after it ("launched rockets at
                    # camps near the border", "arrested 100 people in a sweep of the Hebron area"); so does a noun
                    # phrase's head ("called for an investigation of the chemical weapons attack" is no call for one)
                    pattern = replace(pattern, shallow=True)
                block.patterns.append(pattern)
            except (PatternError, ValueError) as exc:
                self.warnings.append(f"patterns.tsv: pattern {row['id']}: {exc}")

    def load_tsv_nouns(self, path: Path) -> None:
        for row in read_tsv(path):
            for noun in _split(row["noun"]):
                self.nouns[noun].append(NounEntry(
                    id=row["id"], noun=noun, code=row["code"], target_preps=_split(row.get("target_preps")),
                    symmetric=row.get("symmetric", "").lower() in {"yes", "true", "1"},
                    complement=row.get("complement") or None, complement_code=row.get("complement_code") or None,
                    modifier_codes=_pairs(row.get("modifier_codes")), object_codes=_pairs(row.get("object_codes"))))

    def load_store(self, store: Any) -> None:
        """Imported verb dictionaries (``VerbDictionary`` JSON), nouns and discards from the store."""
        from ..dictionaries.tabari import DictDiscard, VerbDictionary

        for entry in store.dictionary_entries("verbs"):
            self.add_verb_dictionary(VerbDictionary.from_json(entry), origin="user")
        self._patterns_for.clear()
        for entry in store.dictionary_entries("discards"):
            d = DictDiscard.from_json(entry)
            self.discards.append((d.phrase.lower(), d.story))
        for entry in store.dictionary_entries("nouns"):
            self.nouns[entry["noun"]].insert(0, NounEntry(
                id=entry.get("id", "user-" + entry["noun"]), noun=entry["noun"], code=entry["code"],
                target_preps=frozenset(entry.get("target_preps", [])), symmetric=bool(entry.get("symmetric"))))

    def add_verb_dictionary(self, vd: Any, origin: str = "user") -> None:
        """Add the blocks of a parsed TABARI/PETRARCH verb dictionary (``accord.dictionaries.tabari``).

        Its blocks come before the shipped ones for the same verbs, so a user's dictionary wins.
        """
        for name, synset in vd.synsets.items():
            self.synsets[name.upper()] = list(synset.phrases)
        for b_index, b in enumerate(vd.blocks):
            name = f"{origin}:{b.name}:{b.line}"
            block = Block(name, *_pair(b.code), origin=origin)
            self.blocks[name] = block
            for v in b.verbs:
                code, reverse = _pair(v.code)
                self.add_verb(VerbEntry(name, tuple(w.lower() for w in v.words), v.verb_index, code,
                                        null=v.code == "---", origin=origin, reverse_code=reverse), first=True)
            for p_index, p in enumerate(b.patterns):
                try:
                    block.patterns.append(compile_pattern(p.tokens, self.synsets, id=f"{name}#{p.line}",
                                                          block=name, code=_code(p.code),
                                                          reverse_code=_code(p.reverse_code), text=p.text))
                except PatternError as exc:
                    self.warnings.append(f"{name}: line {p.line}: {exc}")

    def add_verb(self, entry: VerbEntry, first: bool = False) -> None:
        self._patterns_for.clear()
        entries = self.verbs[entry.lemma]
        if first:
            entries.insert(0, entry)
        else:
            entries.append(entry)
        self.blocks.setdefault(entry.block, Block(entry.block, None)).verbs.append(entry)

    # -- queries ---------------------------------------------------------------------------------
    def verb_entries(self, lemma: str) -> list[VerbEntry]:
        """Entries for a verb lemma, British spellings included ("criticise" finds "criticize")."""
        return self.verbs.get(lemma) or self.verbs.get(american(lemma), [])

    def noun_entries(self, lemma: str) -> list[NounEntry]:
        return self.nouns.get(lemma) or self.nouns.get(american(lemma), [])

    def default_code(self, entry: VerbEntry) -> str | None:
        return self.default_codes(entry)[0]

    def default_codes(self, entry: VerbEntry) -> tuple[str | None, str | None]:
        """The verb's own code (and paired reverse code), else its block's; (None, None) when it codes nothing."""
        if entry.null:
            return None, None
        if entry.code:
            return entry.code, entry.reverse_code
        block = self.blocks[entry.block]
        return block.code, block.reverse_code

    def patterns_for(self, entry: VerbEntry) -> list[CompiledPattern]:
        """The block's patterns that apply to this verb (a phrasal pattern only to the verb it was written for)."""
        key = (entry.block, entry.lemma)
        found = self._patterns_for.get(key)
        if found is None:
            found = self._patterns_for[key] = [p for p in self.blocks[entry.block].patterns
                                               if p.verb is None or entry.lemma in p.verb.split("|")]
        return found

    def is_symmetric(self, cameo: str) -> bool:
        return any(cameo.startswith(p) for p in self.symmetric) and not any(
            cameo.startswith(p) for p in self.one_sided)

    def is_unilateral(self, cameo: str) -> bool:
        return any(cameo.startswith(p) for p in self.unilateral)

    def is_mutual(self, cameo: str) -> bool:
        return any(cameo.startswith(p) for p in self.mutual) and not any(cameo.startswith(p) for p in self.one_sided)

    def context_for(self, lemmas: Iterable[str]) -> list[str]:
        found = {self.contexts[w] for w in lemmas if w in self.contexts}
        return sorted(found)

    def discard(self, text: str) -> tuple[bool, bool]:
        """(discard this sentence?, discard the whole story?) for a sentence's text."""
        phrases, story = self.discard_phrases(text)
        return bool(phrases), story

    def discard_phrases(self, text: str) -> tuple[list[str], bool]:
        """The sentence-level discard phrases a sentence's text holds (normalised as ``discard_words`` does), and
        whether a story-level one is among them."""
        low = " " + " ".join(discard_words(text)) + " "
        phrases: list[str] = []
        story = False
        for phrase, whole in self.discards:
            if f" {phrase} " in low:
                if whole:
                    story = True
                else:
                    phrases.append(phrase)
        return phrases, story

    def stats(self) -> dict[str, int]:
        return {"blocks": len(self.blocks), "verbs": sum(len(v) for v in self.verbs.values()),
                "patterns": sum(len(b.patterns) for b in self.blocks.values()), "synsets": len(self.synsets),
                "nouns": sum(len(v) for v in self.nouns.values()), "discards": len(self.discards)}

    def as_mapping(self) -> Mapping[str, Any]:  # pragma: no cover - convenience for debugging
        return {"blocks": self.blocks, "nouns": self.nouns}
