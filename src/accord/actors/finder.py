"""Mention recognition: knowledge-base phrases, role nouns and personal names in a parsed document.

Three kinds of candidate are found, then handed to ``accord.actors.resolver`` which groups them into
noun phrases and resolves them in document order:

* **actor hits**: knowledge-base phrases (countries, demonyms, capitals, bodies, people ...) found with a
  token trie, longest match first. Case discipline: in ordinary text every content word of a match must be
  capitalised except role words ("US" and "U.S." match, "us" does not; "the Bush administration" does);
  in all-lower-case text (some corpora) only unambiguous names of places and bodies match. A match inside
  a longer personal name ("Washington" in "Denzel Washington", "Hassan" in "Hassan Kazemi Qumi"), a date,
  an event name or a number is dropped (but not a whole entity the tagger mislabels a work of art or a
  product, nor one item of such a list: "ties between Arnor and Gondor"). Of overlapping matches the one with
  more content words wins ("West Bank" over "the West").
* **agent hits**: role nouns from the agents table ("diplomats", "security forces", "foreign minister").
* **names**: spaCy PERSON entities and runs of proper nouns the knowledge base does not know ("Hassan Kazemi
  Qumi"), for document-level resolution.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..nlp import dateline_end
from ..records import Mention
from .kb import ORIGIN_RANK, ActorEntry, AgentEntry, KnowledgeBase, NAME_PARTICLES
from .matcher import PhraseIndex, token_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_PHRASE_TOKENS = 12
# Kinds whose phrases may carry a plural ending in the text ("Palestinians", "militias").
PLURAL_KINDS = {"demonym", "ethnic", "org", "party", "armed_group", "igo", "ngo"}
# Lower-case words that are never names, even though some dictionary spells a name that way.
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "&", "'s", "'", "a", "an"}) \
    | NAME_PARTICLES
# Named-entity labels a KB match may never sit inside (the Iran-Iraq War, "May 2003", "two Iraqis").
VETO_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT", "LAW",
               "WORK_OF_ART", "PRODUCT", "LANGUAGE"}
# Last words of the names of seas and lands that hold a state's name: "the South China Sea", "the Arabian Gulf".
WATERS_AND_LANDS = frozenset({"sea", "ocean", "gulf", "strait", "straits", "bay", "channel", "canal", "river",
                              "lake", "peninsula"})
# Of those, the labels of names: a match that IS the whole entity, or one item of a listed entity, is kept
# (the small tagger calls unfamiliar names works of art or products: "ties between Arnor and Gondor").
NAME_LABELS = {"EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
# Words that do not make a match longer: "the West" is not longer than "West Bank".
NON_CONTENT = frozenset({"the", "a", "an"})
# Kinds of knowledge-base entries a wire dateline names ("NAIROBI, Kenya (AP) -").
DATELINE_KINDS = frozenset({"country", "capital", "city", "region"})
# Kinds that can be matched from a single lower-case word in an all-lower-case document.
LOWERCASE_KINDS = {"country", "demonym", "capital", "city", "region", "igo", "armed_group", "metonym"}
# Institutions a house style may write in lower case in mixed-case text ("the state department").
INSTITUTION_HEADS = frozenset({"department", "council", "office", "ministry"})
INSTITUTION_KINDS = frozenset({"metonym", "igo", "org"})
# Honorifics that precede a name without saying anything about the person's role.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam", "mister", "prof",
                        "professor", "sheikh", "sheik", "shaikh", "hojatoleslam", "sayyed", "sayed", "sayyid"})


@dataclass
class ActorHit:
    start: int  # document token indices, end exclusive
    end: int
    entries: list[ActorEntry]
    exact: bool = True

    @property
    def origin(self) -> str:
        return self.entries[0].origin

    @property
    def kind(self) -> str:
        return self.entries[0].kind


@dataclass
class AgentHit:
    start: int
    end: int
    agent: AgentEntry


@dataclass
class NameHit:
    start: int
    end: int
    from_ner: bool


@dataclass
class Candidates:
    actors: list[ActorHit] = field(default_factory=list)
    agents: list[AgentHit] = field(default_factory=list)
    names: list[NameHit] = field(default_factory=list)
    lowercase: bool = False
    datelines: list[ActorHit] = field(default_factory=list)  # places in wire datelines: where, never who


def is_lowercase_document(doc: "Doc") -> bool:
    """True for text with (almost) no capitals, where case cannot tell a name from a word."""
    alpha = [t for t in doc if t.is_alpha and len(t) > 1]
    if len(alpha) < 20:
        return False
    capitalised = sum(1 for t in alpha if t.text[0].isupper())
    return capitalised / len(alpha) < 0.03


def _lowercase_institution(doc: "Doc", start: int, end: int, entries: list[ActorEntry],
                           content: list["Token"]) -> bool:
    """A house style writes some institutions in lower case ("the state department", "the security council"): a
    name of two or more lower-case words ending in an institution word, right after "the", names the one the
    knowledge base knows (not "Iran's security council", "the national security council": another one)."""
    if len(content) < 2 or content[-1].lower_ not in INSTITUTION_HEADS or any(_proper(t) for t in content) or \
            not all(e.kind in INSTITUTION_KINDS for e in entries):
        return False
    first = doc[start]
    return first.lower_ == "the" or (start > 0 and doc[start - 1].lower_ == "the")


def _mislabelled_language(doc: "Doc", start: int, end: int, entries: list[ActorEntry], ent_label: list[str]) -> bool:
    """A place or a modifying demonym the small tagger calls a language ("the port of Odesa", "hit by Russian
    missiles"); a language spoken is no actor ("said in Russian")."""
    return all(ent_label[i] == "LANGUAGE" for i in range(start, end)) and (
        any(e.kind in DATELINE_KINDS for e in entries) or
        _modifier(doc[end - 1]) and any(e.kind == "demonym" for e in entries))


def _place_in_time(doc: "Doc", start: int, end: int, entries: list[ActorEntry], ent_label: list[str]) -> bool:
    """A place the small tagger folds into a time expression after it ("launched drones at Kyiv overnight",
    "Gaza this morning"): capitalised proper nouns naming a place, before the time words."""
    return all(ent_label[i] in ("TIME", "DATE") and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and
               not any(c.isdigit() for c in doc[i].text) for i in range(start, end)) and \
        any(e.kind in DATELINE_KINDS for e in entries) and \
        end < len(doc) and doc[end].ent_type_ in ("TIME", "DATE") and doc[end].pos_ != "PROPN"


def _modifier(token: "Token") -> bool:
    """A word modifying a noun after it, itself or as a conjunct of one ("Filipino and US diplomats")."""
    hops = 0
    while token.dep_ == "conj" and hops < 5:
        token, hops = token.head, hops + 1
    return token.dep_ in ("amod", "compound", "nmod") and token.head.i > token.i


def _hyphened_inside(doc: "Doc", token: "Token", start: int) -> bool:
    """A lower-case word hyphened inside a capitalised name ("Port-au-Prince", "Stratford-upon-Avon"), or ending
    one after a capitalised word ("Lee Jae-myung", "Kim Jong-un")."""
    i = token.i
    glued = i - 2 >= start and doc[i - 1].text in ("-", "‐") and not doc[i - 2].whitespace_ and \
        not doc[i - 1].whitespace_
    return glued and (i + 1 < len(doc) and doc[i + 1].text in ("-", "‐") and not token.whitespace_ or
                      doc[i - 2].text[:1].isupper())


def _proper(token: "Token") -> bool:
    text = token.text
    return text[:1].isupper() or not text.isalpha() or text.isupper()


class MentionFinder:
    """Finds and resolves actor mentions. Build once per (pipeline, knowledge base); call per document."""

    def __init__(self, nlp: Any, kb: KnowledgeBase) -> None:
        self.nlp = nlp
        self.kb = kb
        self._tokenize = (lambda s: [t.text for t in nlp.make_doc(s)]) if nlp is not None else None
        self._built_version = -1
        self._overlay_token: Any = None
        self.actor_index = PhraseIndex(self._tokenize)
        self.agent_index = PhraseIndex(self._tokenize)
        self.overlay_index = PhraseIndex(self._tokenize)
        self._build()

    # -- indexes ---------------------------------------------------------------------------------
    def _build(self) -> None:
        kb = self.kb
        self.actor_index = PhraseIndex(self._tokenize)
        for phrase, entries in kb.actors.items():
            if len(phrase.split()) > MAX_PHRASE_TOKENS:
                continue
            suffix = None
            if any(e.open_ended for e in entries):
                suffix = "open"
            elif any(e.kind in PLURAL_KINDS for e in entries):
                suffix = "plural"
            self.actor_index.add(phrase, ("kb", phrase), suffix)
        self.agent_index = PhraseIndex(self._tokenize)
        self.role_words: set[str] = set()
        for phrase in kb.agents:
            self.agent_index.add(phrase, phrase, "plural")
            self.role_words.update(phrase.split())
        self._built_version = kb.version

    def _overlay(self) -> PhraseIndex:
        snapshot = self.kb.registry
        token = getattr(snapshot, "token", None)
        if token != self._overlay_token:
            index = PhraseIndex(self._tokenize)
            if snapshot is not None:
                for phrase in snapshot.by_phrase:
                    index.add(phrase, ("registry", phrase))
            self.overlay_index = index
            self._overlay_token = token
        return self.overlay_index

    def _entries(self, payloads: tuple[Any, ...]) -> list[ActorEntry]:
        found: list[ActorEntry] = []
        for source, phrase in dict.fromkeys(payloads):
            if source == "kb":
                found += self.kb.entries(phrase)
            elif self.kb.registry is not None:
                found += self.kb.registry.by_phrase.get(phrase, [])
        if not found:
            return []
        best = min(ORIGIN_RANK.get(e.origin, 9) for e in found)
        return [e for e in found if ORIGIN_RANK.get(e.origin, 9) == best]

    # -- detection -------------------------------------------------------------------------------
    def detect(self, doc: "Doc") -> Candidates:
        if self.kb.version != self._built_version:
            self._build()
        overlay = self._overlay()
        cands = Candidates(lowercase=is_lowercase_document(doc))
        ent_label = [t.ent_type_ for t in doc]
        ents = list(doc.ents)
        ent_of: dict[int, "Span"] = {t.i: e for e in ents for t in e}
        raw_actor: list[ActorHit] = []
        raw_agent: list[AgentHit] = []
        for sent in doc.sents:
            dateline = dateline_end(sent)
            if dateline is not None:  # "BAGHDAD (Reuters) -": where the report was filed, not an actor
                cands.datelines += self._dateline_places(doc, doc[sent.start:dateline])
                sent = doc[dateline + 1:sent.end]
            positions = [t.i for t in sent if token_key(t.text) not in ("", "-", "–", "—")]
            keys = [token_key(doc[i].text) for i in positions]
            lemmas = [token_key(doc[i].lemma_) for i in positions]
            for index in (self.actor_index, overlay):
                if index.size == 0:
                    continue
                for hit in index.matches(keys):
                    start, end = positions[hit.start], positions[hit.end - 1] + 1
                    entries = self._entries(hit.payloads)
                    if entries and self._accept(doc, start, end, entries, cands.lowercase, ent_label, ent_of):
                        raw_actor.append(ActorHit(start, end, entries, hit.exact))
                        raw_actor += self._shared_head(doc, index, start, end)
            if self.agent_index.size:
                for hit in self.agent_index.matches(keys, lemmas):
                    start, end = positions[hit.start], positions[hit.end - 1] + 1
                    agent = self._best_agent(hit.payloads)
                    # (a role word the tagger read as a verb is a verb: "Mladic was convicted of genocide")
                    head = doc[end - 1]
                    if agent is not None and not any(ent_label[i] in VETO_LABELS for i in range(start, end)) and \
                            not (head.pos_ in {"VERB", "AUX"} and head.dep_ not in {"amod", "compound"}):
                        raw_agent.append(AgentHit(start, end, agent))
        def content(h: ActorHit) -> int:
            return sum(1 for i in range(h.start, h.end) if doc[i].lower_ not in NON_CONTENT)

        cands.actors = _select(raw_actor, key=lambda h: (-content(h), -(h.end - h.start), ORIGIN_RANK.get(h.origin, 9),
                                                         not h.exact, h.start))
        taken = {i for h in cands.actors for i in range(h.start, h.end)}
        agents = [a for a in raw_agent if not any(i in taken for i in range(a.start, a.end))]
        cands.agents = _select(agents, key=lambda h: (-(h.end - h.start), h.start))
        taken |= {i for h in cands.agents for i in range(h.start, h.end)}
        cands.names = self._names(doc, ents, taken, cands)
        return cands

    def _shared_head(self, doc: "Doc", index: PhraseIndex, start: int, end: int) -> list[ActorHit]:
        """"North and South Korea", "East and West Germany": a name whose first word is coordinated with a word
        before it that, with the name's other words, makes another known name. That word is a mention of it."""
        if start < 2 or end - start < 2 or doc[start - 1].dep_ != "cc":
            return []
        word = doc[start - 2]
        linked = any(t.dep_ == "conj" and t.head.i == word.i for t in doc[start:end]) or \
            (word.dep_ == "conj" and start <= word.head.i < end)
        if not linked or not word.text[:1].isupper():
            return []
        keys = [token_key(word.text)] + [token_key(t.text) for t in doc[start + 1:end]]
        for hit in index.matches(keys):
            if hit.start == 0 and hit.end == len(keys):
                entries = self._entries(hit.payloads)
                if entries:
                    return [ActorHit(word.i, word.i + 1, entries, hit.exact)]
        return []

    def _dateline_places(self, doc: "Doc", span: "Span") -> list[ActorHit]:
        """Places named in a dateline ("NAIROBI, Kenya (AP)"): evidence of what state the article is about."""
        positions = [t.i for t in span if token_key(t.text) not in ("", "-", "–", "—")]
        keys = [token_key(doc[i].text) for i in positions]
        out: list[ActorHit] = []
        for hit in self.actor_index.matches(keys):
            entries = [e for e in self._entries(hit.payloads) if e.kind in DATELINE_KINDS]
            if entries:
                out.append(ActorHit(positions[hit.start], positions[hit.end - 1] + 1, entries, hit.exact))
        return out

    def _best_agent(self, payloads: tuple[Any, ...]) -> AgentEntry | None:
        found = [a for p in dict.fromkeys(payloads) for a in self.kb.agents.get(p, [])]
        return min(found, key=lambda a: ORIGIN_RANK.get(a.origin, 9)) if found else None

    def _accept(self, doc: "Doc", start: int, end: int, entries: list[ActorEntry], lowercase: bool,
                ent_label: list[str], ent_of: dict[int, "Span"]) -> bool:
        tokens = doc[start:end]
        if any(ent_label[i] in VETO_LABELS for i in range(start, end)) and \
                not self._name_entity_item(doc, start, end, ent_label, ent_of) and \
                not _mislabelled_language(doc, start, end, entries, ent_label) and \
                not _place_in_time(doc, start, end, entries, ent_label):
            return False
        content = [t for t in tokens if t.lower_ not in FUNCTION_WORDS and token_key(t.text)]
        if not content:
            return False
        kinds = {e.kind for e in entries}
        if lowercase:
            if any(t.text[:1].isupper() for t in content):
                pass  # a capital in lower-case text is a strong signal
            elif len(content) == 1:
                word = content[0].lower_
                if not (kinds & LOWERCASE_KINDS) or word in _stop_words() or len(word) < 3:
                    return False
        else:
            # Role words may be lower case inside a name ("the Bush administration", "U.S. military");
            # every other word must be capitalised, and at least one word must be.
            if (not any(_proper(t) for t in content) or
                    not all(_proper(t) or t.lower_ in self.role_words or _hyphened_inside(doc, t, start)
                            for t in content)) and \
                    not _lowercase_institution(doc, start, end, entries, content):
                return False
            if len(content) == 1:
                t = content[0]
                # "It", "Us", "May" at the start of a sentence are words, not names.
                if t.is_sent_start and t.text.istitle() and t.lower_ in _stop_words():
                    return False
        # A match inside a longer entity of another kind is part of another name.
        ent = ent_of.get(start) or ent_of.get(end - 1)
        if ent is not None and (ent.start < start or ent.end > end):
            label = ent.label_
            first = doc[ent.start + 1] if doc[ent.start].lower_ == "the" and ent.end - ent.start > 1 else doc[ent.start]
            if (ent.end > end and doc[ent.end - 1].lower_ in WATERS_AND_LANDS) or (
                    first.i < start and first.lower_ in WATERS_AND_LANDS) or (
                    ent.end > end and doc[end - 1].lower_ in WATERS_AND_LANDS and doc[end].lower_ == "of"):
                # "the South China Sea", "the Korean Peninsula", "the Gulf of Oman": a sea or a land, not the state
                # (nor is "the Gulf" of "the Gulf of Aden" the Persian Gulf)
                return False
            if label == "PERSON" and ("person" not in kinds or end != ent.end) \
                    and self._part_of_name(doc, ent, start, end):
                return False  # "Washington" in "Denzel Washington"; "Hassan" in "Hassan Kazemi Qumi"
            if label in ("ORG", "FAC") and "person" not in kinds and ent.start < start:
                # "Supreme National Security Council" is not the (US) "National Security Council": an unknown
                # capitalised word glued to the front of a known name makes another name ("Bank of England",
                # with its "of", is left alone)
                before = [t for t in doc[ent.start:start] if t.dep_ not in ("det", "punct")]
                if before and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_sent_start
                                  and t.lower_ not in FUNCTION_WORDS for t in before) \
                        and not self._is_role(before) and not self._is_actor(before):
                    return False
        return True

    @staticmethod
    def _name_entity_item(doc: "Doc", start: int, end: int, ent_label: list[str], ent_of: dict[int, "Span"]) -> bool:
        """Is the match a whole name-like entity (EVENT, LAW, WORK_OF_ART, PRODUCT) or one item of a list the
        tagger took for one ("Gondor and Osgiliath")? Dates, numbers and languages are never names."""
        ents = {ent_of[i] for i in range(start, end) if i in ent_of}
        if len(ents) != 1:
            return False
        ent = next(iter(ents))
        if ent.label_ not in NAME_LABELS or not (ent.start <= start and end <= ent.end):
            return False
        if (ent.start, ent.end) == (start, end):
            return True
        listed = any(t.dep_ == "cc" or t.text in (",", ";") for t in ent)
        edges = (start == ent.start or doc[start - 1].dep_ in ("cc", "punct")) and \
            (end == ent.end or doc[end].dep_ in ("cc", "punct"))
        return listed and edges

    def _part_of_name(self, doc: "Doc", ent: "Span", start: int, end: int) -> bool:
        """Is the match one word of a longer personal name? Not when the entity is really a list ("Arnor and
        Gondor"), a possessive ("Arnor's Elrond"), or the rest is a role or another known actor ("Bosnian
        Serbs", which the tagger calls a person)."""
        if any(t.dep_ == "cc" or t.text in (",", "'s", "’s", "&") for t in ent):
            return False
        parts = [[t for t in doc[ent.start:start] if t.dep_ not in ("det", "punct")],
                 [t for t in doc[end:ent.end] if t.dep_ not in ("det", "punct", "case")]]
        parts = [p for p in parts if p]
        if not parts:
            return False
        for part in parts:
            if self._is_role(part) or self._is_actor(part):
                continue
            return True
        return False

    def _is_actor(self, tokens: list["Token"]) -> bool:
        keys = [token_key(t.text) for t in tokens]
        return any(True for _ in self.actor_index.matches(keys))

    def _is_role(self, tokens: list["Token"]) -> bool:
        keys = [token_key(t.text) for t in tokens]
        lemmas = [token_key(t.lemma_) for t in tokens]
        return any(h.end == len(keys) for h in self.agent_index.matches(keys, lemmas))

    def _names(self, doc: "Doc", ents: list["Span"], taken: set[int], cands: Candidates) -> list[NameHit]:
        """Personal names: PERSON entities (less the titles in them, plus adjacent proper nouns the tagger
        left out: "Aino" + "Lehto") and other runs of capitalised words. Only PERSON entities may be matched
        against the knowledge base's people; the other runs resolve through a person the article already
        named, or the registry (the tagger often calls an unfamiliar surname an ORG, a GPE, or a noun)."""
        names: list[NameHit] = []
        covered: set[int] = set()
        n = len(doc)
        person_hits = {i for h in cands.actors if h.kind == "person" for i in range(h.start, h.end)}

        def free(i: int) -> bool:
            return 0 <= i < n and (i not in taken or i in person_hits) and i not in covered

        def name_word(i: int) -> bool:
            t = doc[i]
            return t.is_alpha and t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ") \
                and t.ent_type_ not in VETO_LABELS and t.lower_ not in _stop_words()

        for ent in ents:
            if ent.label_ != "PERSON":
                continue
            start, end = ent.start, ent.end
            while start < end and (start in taken and start not in person_hits
                                   or doc[start].lower_.rstrip(".") in HONORIFICS or not doc[start].is_alpha):
                start += 1
            while end > start and not doc[end - 1].is_alpha:
                end -= 1
            if end <= start or any(i in taken and i not in person_hits for i in range(start, end)):
                continue
            if cands.lowercase is False and not doc[end - 1].text[:1].isupper():
                continue
            while free(end) and doc[end].pos_ == "PROPN" and name_word(end) and doc[end].sent == doc[start].sent:
                end += 1
            while 0 < start and start - 1 not in taken and start - 1 not in covered \
                    and doc[start - 1].pos_ == "PROPN" and name_word(start - 1) \
                    and doc[start - 1].lower_ not in self.role_words and doc[start - 1].dep_ in ("compound", "flat") \
                    and doc[start - 1].sent == doc[start].sent:
                start -= 1
            names.append(NameHit(start, end, True))
            covered.update(range(start, end))
        if cands.lowercase:
            return names
        def loose(i: int) -> bool:  # a capitalised word no knowledge-base phrase or role word claims
            return 0 <= i < n and i not in taken and i not in covered and name_word(i) \
                and doc[i].lower_ not in self.role_words

        i = 0
        while i < n:
            if loose(i) and (doc[i].pos_ == "PROPN" or not doc[i].is_sent_start
                             or doc[i].dep_ in ("nsubj", "nsubjpass")):
                j = i
                while loose(j + 1) and doc[j + 1].pos_ == "PROPN":
                    j += 1
                if doc[i].lower_.rstrip(".") in HONORIFICS:
                    i += 1
                    if i > j:
                        continue
                names.append(NameHit(i, j + 1, False))
                i = j + 1
            else:
                i += 1
        return names

    def __call__(self, doc: "Doc", day: str | None = None) -> list[Mention]:
        from .resolver import DocumentResolver

        return DocumentResolver(self, doc, day, self.detect(doc)).resolve()


def _select(hits: list, key) -> list:
    """Greedy non-overlapping selection in ``key`` order, returned in text order."""
    chosen: list = []
    used: set[int] = set()
    for h in sorted(hits, key=key):
        span = range(h.start, h.end)
        if any(i in used for i in span):
            continue
        chosen.append(h)
        used.update(span)
    return sorted(chosen, key=lambda h: h.start)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words: "It", "Us", "May" at a sentence start are words, not names."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
