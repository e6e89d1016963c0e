"""Document-level actor resolution: noun phrases composed from their parts, people followed through an article.

Candidates from the finder are grouped by the noun-phrase head they hang on (spaCy dependencies), then each
phrase is resolved in document order:

* **phrase structure**: a country, demonym, capital, body or person before a role noun gives its country
  ("Iranian diplomats" → IRNGOV, "Bush officials" → USAGOV, "White House security officials" → USAGOV); so
  does a possessor ("Gondor's government"), an ``of`` phrase ("the government of Iraq", one mention per
  conjunct), a shared modifier of conjoined roles ("Danish media and government"), and, weakest, a
  location ("police in Baghdad", resolution ``context``). A country already given is never replaced by a
  location: the host-country rule ("Iranian officials in Iraq" stay Iranian; "ambassador to Iraq" never
  makes anyone Iraqi). A role word before a rank gives the sector ("intelligence officials" SPY), before any
  other noun the body ("Israeli army bulldozers" ISRMIL); a coordinated modifier is not shared with later
  nouns ("U.S. and Iraqi forces, civilians"); a civil-society group no state is named for is an NGO.
* **people**: a title ("Iraqi President X"), an apposition in either order ("X, U.S. ambassador to Iraq" /
  "the American ambassador to Iraq, X"), a relational noun ("his Iranian counterpart X": country from
  "Iranian", sector from whoever "his" is) and the knowledge base (date-bounded roles as of the article's
  date) each say who a person is; explicit text wins over the knowledge base for country.
* **document level**: a later bare or partial name ("Crocker", "Kazemi") takes the person resolved earlier in
  the article; unknown names match knowledge-base people fuzzily (Talibani ≈ Talabani) and then the corpus
  registry; "he/she" and "the country" take the most recent compatible person or country, "its"/"their" the
  sentence's earlier subject ("Israel said its troops"; ``coreference``, lower confidence). User corrections
  (``accord actors set``) override everything.
* **peoples and places**: a demonym or ethnic name at the head is a people, placed where the text puts it
  ("Bosnian Serbs" BIH, "the Albanians of southern Serbia" SRB, "Shona rebels" in a sentence about Mozambique);
  a plural people acting ("Nigerians rallied") are civilians (CVL). A place name shared by two states takes its
  second reading when the text names that state ("Tripoli" with "Lebanese": LBN, readings.tsv). "anti-Syria",
  "pro-Iranian" and "Iranian-backed" say nothing about whose an actor is.
* **the sentence's state**: an actor still without a country ("officials", "students", "Judge X") takes the one
  state its sentence names, if exactly one (resolution ``context``, confidence 0.5); not "the president" or
  "the government" (the article's own, established earlier) nor "both ambassadors".
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..records import Actor, Mention
from .finder import ActorHit, AgentHit, Candidates, NameHit
from .kb import NAME_PARTICLES, TRANSNATIONAL, ActorEntry, base_code, normalise_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .finder import MentionFinder

ATTACH_DEPS = {"compound", "amod", "nmod", "flat", "nummod", "det", "quantmod"}
NOMINAL = {"NOUN", "PROPN"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
LOCATION_PREPS = {"in": 0.75, "inside": 0.75, "within": 0.7, "throughout": 0.7, "across": 0.65, "from": 0.85}
MEMBER_PREPS = {"of"}
VERB_LOCATIVE_PREPS = {"in", "inside", "within", "throughout", "across"}  # not "from": "expelled them from X"
DISTRIBUTIVES = ("both", "each", "either", "neither")  # "both ambassadors": several actors, perhaps of several states
PRONOUNS = {"he": "subject", "she": "subject", "him": "object", "his": "possessive", "her": "possessive"}
COUNTRY_NOUNS = {"country", "nation"}
# "the North", "the South" in an article about a divided country: each half's code, by the half named before
# (either half of Korea named makes "the North" North Korea).
HALVES = {"North": {"PRK": "PRK", "KOR": "PRK"}, "South": {"PRK": "KOR", "KOR": "KOR"}}
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})  # (the coder reads them too: one list)
# Armed parties whose name the tagger reads as an adjective: "a rebel stronghold", "militant hideouts" are theirs, as
# places they hold (but "a militant attack", "a separatist conflict" are acts, and "a military operation" names no
# army).
PARTY_ADJECTIVES = frozenset({"rebel", "militant", "insurgent", "guerrilla", "separatist", "jihadist"})
HELD_PLACES = frozenset({"stronghold", "hideout", "base", "position", "camp", "post", "outpost", "bastion", "enclave",
                         "territory", "headquarters", "checkpoint", "redoubt", "den", "compound", "target"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})  # plural nouns, which "its" cannot stand for (the coder reads them too)
# Verbs of saying and thinking: the subject pronoun of their reported clause is, in news, their own subject.
SPEAKING_VERBS = frozenset({"say", "tell", "insist", "claim", "think", "believe", "argue", "add", "warn", "deny",
                            "admit", "acknowledge", "stress", "maintain", "explain", "announce", "declare"})
# "the group", "the militia": the armed group, party or organisation the article named last (kinds of the KB).
THE_GROUP_NOUNS = frozenset({"group", "militia", "organisation", "organization"})
GROUP_KINDS = frozenset({"armed_group", "party", "org", "ngo"})
# Possessives that stand for a group or a state named earlier in the sentence ("Israel said its troops").
GROUP_POSSESSIVES = {"its", "their"}
# "former minister", "ex-president", "ousted president": elites out of office (PLOVER/CAMEO ELI).
FORMER_WORDS = {"former", "ex", "ousted", "deposed", "exiled", "onetime", "erstwhile"}
# Sectors of offices one can be a former holder of (former holders are elites, ELI).
OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY", "OPP", "ELI"})
# Heads that take their role from a role-word modifier: "opposition groups", "rebel leaders".
GROUP_NOUNS = {"group", "groups", "member", "members", "leader", "leaders", "leadership", "faction", "factions",
               "unit", "units", "wing", "supporter", "supporters", "figure", "figures", "bloc"}
# Kinds that name a people: at the head of a phrase they may be placed where they live (_people).
PEOPLE_KINDS = {"demonym", "ethnic"}
# A named armed group's fighters are the group ("Taliban fighters": AFGREB, not AFGREBUAF).
ARMED_GROUP = "armed_group"
GENERIC_FIGHTERS = frozenset({"UAF"})
# "the armed group", "the gunmen" (UAF) may be the rebels or paramilitaries named before.
ARMED_GROUP_SECTORS = frozenset({"UAF", "REB", "PRM"})
# Modifiers that set an actor apart from the one named before: "the rival group" is another group.
DISTINGUISHING_WORDS = frozenset({"other", "another", "rival", "new", "second", "third", "splinter", "breakaway",
                                  "opposing", "different", "smaller", "larger"})
# Relational nouns: "his Iranian counterpart" has the sector of whoever "his" is and the country of "Iranian".
RELATIONAL_NOUNS = {"counterpart", "counterparts", "colleague", "colleagues", "opposite number", "equivalent"}
# Words that place an actor outside the country a sentence is about: "Western leaders", "foreign fighters".
FOREIGN_WORDS = frozenset({"western", "foreign", "international", "arab", "european", "african", "asian", "gulf",
                           "regional", "global", "overseas", "outside", "allied", "coalition", "nato", "un"})
# ... but a "foreign minister" or "foreign ministry" is an office of the state at home.
OFFICE_NOUNS = frozenset({"minister", "ministry", "secretary", "office", "service", "affair", "department",
                          "correspondent", "editor", "desk", "policy", "committee", "commission"})
# Role nouns that name one person: "he", "him" may stand for "the president", "Kenya's foreign minister".
PERSON_ROLES = frozenset({"president", "minister", "premier", "leader", "king", "queen", "prince", "emir", "sultan",
                          "chancellor", "general", "commander", "ambassador", "envoy", "spokesman", "spokeswoman",
                          "spokesperson", "governor", "mayor", "senator", "lawmaker", "chief", "secretary", "monarch",
                          "ruler", "dictator", "strongman", "vice-president", "speaker", "judge"})
# Prepositions by which a verb names the other side of an act ("withdraw from", "negotiate with").
COUNTERPART_PREPS = frozenset({"from", "to", "into", "against", "with", "toward", "towards"})
# Sectors whose actors are usually of the country they act in (rebels in Iraq are Iraqi rebels).
DOMESTIC_SECTORS = {"REB", "PRM", "UAF"}
# Where talks, meetings and signings are held is a venue, often a third country's: it places no one taking part.
# ("meet" is not one: "a public meet in Bangalore" is a rally, held at home)
VENUE_WORDS = frozenset({"talk", "talks", "negotiation", "negotiations", "meeting", "summit", "conference",
                         "negotiate", "sign", "signing", "consultation", "consultations"})
# "A Greek-owned tanker", "a Panama-flagged ship", "a Beirut-based newspaper": the hyphened word ties the thing
# to the state before it ("-led" has its own reading: the leader acts; "-backed" and "-made" tie it to no state).
HOLDER_WORDS = frozenset({"owned", "flagged", "registered", "operated", "based"})
CROWD_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU"})  # people, protesters, workers, students (the coder adds more)
# A crowd counted, not named ("Thousands rallied", "thousands of people"; the coder reads them too: one list).
CROWD_WORDS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score", "scores", "tens",
                         "million", "millions"})
# Words before a country that say whom an actor is for or against, not whose it is ("anti-Syria journalist",
# "pro-Iranian militias"), and after it, who backs the actor ("Iranian-backed militias").
STANCE_WORDS = frozenset({"anti", "pro", "counter", "non"})
# Groups known by their leader ("the US-led coalition", "a Saudi-led alliance"), which act as that leader; a
# "US-led invasion" is an act, whose doer the event coder finds.
LED_GROUPS = frozenset({"coalition", "alliance", "force", "bloc", "group", "mission", "contingent", "government",
                        "administration", "delegation", "team", "consortium", "army", "militia", "front", "camp",
                        "operation", "task", "taskforce", "command", "club", "union", "grouping", "axis"})
PATRON_WORDS = {"backed", "sponsored", "supported", "funded", "financed", "trained", "armed", "allied", "aligned",
                "friendly", "inspired", "affiliated", "linked", "brokered", "mediated"}
# Participles that place an actor where it is based ("a newspaper based in Beirut", "guerrillas operating in
# Macedonia", "Palestinians living in Gaza"): their location counts like "in" on the noun itself.
SITUATING_VERBS = {"base", "operate", "live", "station", "locate", "headquarter", "reside"}
# Role nouns that name a rank rather than a sector: a role word before them gives the sector ("intelligence
# officials" SPY, "party officials" PTY, "army officers"); alone they keep their own (GOV).
GENERIC_ROLES = {"official", "officials", "leader", "leaders", "leadership", "agent", "agents"}
# PLOVER's civil-society sector: its organisations are NGOs when no state is named ("a human rights group").
CIVIL_SOCIETY = "SOC"
# Nouns naming a place by a proper-name modifier: "Sindh province", "the Hebron area", "the town of X".
PLACE_NOUNS = {"province", "region", "state", "district", "city", "town", "village", "area", "territory", "enclave",
               "governorate", "county", "capital", "port", "border", "zone", "oblast", "prefecture"}
# Sectors of the state institutions that "the president", "the government", "the court" name.
INSTITUTION_SECTORS = {"GOV", "LEG", "JUD"}
# A place name read as its second reading (Tripoli in Lebanon) is less sure than its first.
SECOND_READING_CONFIDENCE = 0.9
# Country-less actors take the one state their sentence names (resolution "context") with this confidence.
SENTENCE_STATE_CONFIDENCE = 0.5
DOCUMENT_STATE_SHARE = 0.6
DOCUMENT_STATE_CONFIDENCE = 0.4  # an actor placed only by the state the rest of the article is about
STREET_SECTORS = frozenset({"COP", "MIL", "REB", "UAF", "PRM", "SPY", "OPP", "CRM", "CVL", "LAB", "EDU"})
SHARED_SURNAME_CONFIDENCE = 0.5
PLACE_KINDS = {"country", "capital", "city", "region", "dictionary"}
SUBSTATE_KINDS = frozenset({"city", "region"})
COUNTRY_KINDS = {"country", "capital", "demonym", "dictionary"}
RESOLUTION_OF_ORIGIN = {"kb": "kb", "dictionary": "dictionary", "user": "user", "registry": "registry"}
CONFIDENCE = {"kb": 0.9, "dictionary": 0.9, "user": 1.0, "registry": 0.75}


@dataclass
class Desc:
    """What a noun phrase says about its actor, before it becomes an ``Actor``."""

    code: str | None
    country: str | None
    sector: str | None
    kind: str = "actor"
    name: str | None = None
    resolution: str = "kb"
    confidence: float = 0.9
    words: tuple[str, ...] = ()  # name words of a person, for the document's name chain
    start: int = 0
    end: int = 0
    head: int = 0
    root: float | None = None  # confidence of the evidence a chained or coreferent mention rests on
    dated: bool = False  # the code is a role the KB dates to cover the document's day
    roles: bool = False  # the KB knows this actor's dated roles (so, given a date, it knows the role then)


@dataclass
class NP:
    head: "Token"
    own: ActorHit | None = None
    mods: list[ActorHit] = field(default_factory=list)
    agents: list[AgentHit] = field(default_factory=list)
    name: NameHit | None = None
    name_mods: list[NameHit] = field(default_factory=list)
    leaders: list[ActorHit] = field(default_factory=list)  # "US-led coalition": who leads it
    start: int = 0
    end: int = 0  # exclusive: the last token of anything attached

    def __post_init__(self) -> None:
        self.start = self.head.i
        self.end = self.head.i + 1


def _np_head(tok: "Token") -> "Token":
    """The noun a modifier hangs on: climb compound/amod/nmod links to the right, and the conjuncts of a
    modifier ("U.S. and Iraqi forces") with it."""
    for _ in range(12):
        if tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.dep_ in ATTACH_DEPS \
                and tok.head.head.i > tok.i and tok.head.head.pos_ in NOMINAL and (
                    not misread_list_item(tok.head) or _nationality_noun(tok.head)):
            # (the last item of a misread list still modifies the noun: "the Colombian government and FARC rebels")
            tok = tok.head.head
            continue
        if tok.dep_ in ATTACH_DEPS and tok.head.i > tok.i and tok.head.pos_ in NOMINAL and tok.head.i - tok.i <= 10 \
                and not misread_list_item(tok):
            tok = tok.head
            continue
        break
    return tok


def stance_before(doc: "Doc", i: int) -> bool:
    """Does a stance word and hyphen come right before token ``i`` ("anti-Syria", "pro-Iranian", "counter-Isis")?
    The actor is then what a phrase is for or against, not whose it is."""
    if i >= 2 and doc[i - 1].text in ("-", "–") and doc[i - 2].lower_ in STANCE_WORDS:
        return True
    return i >= 1 and any(doc[i - 1].lower_ == w + "-" for w in STANCE_WORDS)


def patron_after(doc: "Doc", end: int) -> bool:
    """Does a hyphen and a word of backing follow the actor ending before token ``end`` ("Iranian-backed")?
    The actor is then who backs what follows, not whose it is."""
    return end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].lower_ in PATRON_WORDS


def misread_list_item(tok: "Token") -> bool:
    """A "modifier" that is really the first item of a list: "Fornost and the evil Gondor" parsed as Fornost
    modifying Gondor. Its conjunct has a determiner of its own (a whole noun phrase, where "U.S. and Iraqi forces"
    has none), or the noun it would modify is itself a proper name, or it is a noun with its own nationality."""
    if tok.dep_ not in ("compound", "nmod"):
        return False
    conjs = [c for c in tok.conjuncts if c.i != tok.i]
    if not conjs or not any(c.dep_ == "cc" for t in (tok, *conjs) for c in t.children):
        return False
    # ... or it is a noun with a nationality of its own: "the Colombian government and FARC rebels" parsed as
    # [Colombian government and FARC] rebels
    return any(any(g.dep_ == "det" for g in c.children) for c in conjs) or \
        (tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN") or _nationality_noun(tok)


def _speaker(pronoun: "Token") -> "Token | None":
    """The subject of the verb of saying or thinking whose reported clause, after it, a subject pronoun opens ("X
    says he ...", "X, who said he would ..."), or None."""
    clause = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or clause.dep_ != "ccomp" or clause.i < clause.head.i or \
            clause.head.lemma_.lower() not in SPEAKING_VERBS:
        return None  # (not "He called for talks, his office said": there the speaker speaks for him)
    verb = clause.head
    for _ in range(4):  # "clashed with X but says he ...": a coordinated verb shares the first one's subject
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if verb.dep_ != "conj":
            return None
        verb = verb.head
    return None


def _nationality_noun(tok: "Token") -> bool:
    """A common noun with a nationality or state of its own ("the Colombian government"), heading its own phrase;
    its conjuncts without a determiner ("... and FARC rebels") are the next item, on the noun after them."""
    return tok.pos_ == "NOUN" and not any(g.dep_ == "det" for c in tok.conjuncts for g in c.children) and any(
        g.dep_ in ("amod", "compound") and g.ent_type_ in ("NORP", "GPE") and g.i < tok.i for g in tok.children)


def prep_word(head: "Token") -> str | None:
    """The location preposition hanging on ``head`` ("in", "from" ...), if any."""
    return next((c.lower_ for c in head.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS), None)


def _root(doc: "Doc", start: int, end: int) -> "Token":
    """The span's syntactic root; of several (each hanging outside the span: "The EU" in "The EU sanctions"),
    the last content word rather than the article."""
    span = doc[start:end]
    root = span.root
    if root.dep_ in {"det", "punct", "case"}:
        outside = [t for t in span if not (start <= t.head.i < end) and t.dep_ not in {"det", "punct", "case"}]
        if outside:
            return outside[-1]
    return root


def _compose_code(base: str | None, prefixes: list[str], suffixes: list[str]) -> str:
    """CAMEO composition: prefix agents + actor + suffix agents, never repeating a 3-letter part."""
    code = base or "---"
    parts = {code[i:i + 3] for i in range(0, len(code), 3)}
    for s in suffixes:
        for i in range(0, len(s), 3):
            piece = s[i:i + 3]
            if piece not in parts:
                code += piece
                parts.add(piece)
    for p in reversed(prefixes):
        if p[:3] not in parts:
            code = p + code
            parts.add(p[:3])
    return code


def _with_base(prefixes: list[str], suffixes: list[str]) -> tuple[list[str], list[str]]:
    """Agent prefixes once the text names whose actor it is: an IGO class prefix gives way to the named body or
    state and leaves its role ("UN peacekeepers" IGOUNOMIL, "Fijian peacekeepers" FJIMIL, not IGOMILFJI)."""
    kept, extra = [], []
    for p in prefixes:
        if p[:3] == "IGO":
            if p[3:]:
                extra.append(p[3:])
        else:
            kept.append(p)
    return kept, extra + suffixes


def _words(text: str) -> tuple[str, ...]:
    import re

    return tuple(w for w in re.split(r"[\s\-.']+", normalise_phrase(text)) if w and w != "s")


def _significant(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if w not in NAME_PARTICLES and len(w) > 1)


def _fuzzy(a: str, b: str) -> float:
    from rapidfuzz.distance import JaroWinkler
    from rapidfuzz.fuzz import ratio

    if a == b:
        return 100.0
    if len(a) < 4 or len(b) < 4:
        return 0.0
    return max(ratio(a, b), 100.0 * JaroWinkler.similarity(a, b) - 4.0)


class DocumentResolver:
    """Resolves one document's candidates into mentions. One instance per document; not shared."""

    def __init__(self, finder: "MentionFinder", doc: "Doc", day: str | None, cands: Candidates) -> None:
        self.finder = finder
        self.kb = finder.kb
        self.registry = finder.kb.registry
        self.doc = doc
        self.text = doc.text  # built once: Doc.text re-joins every token
        self.day = day
        self.cands = cands
        self.nps: dict[int, NP] = {}
        self.memo: dict[int, list[Desc]] = {}
        self.people: list[Desc] = []  # resolved people, for the name chain and pronouns
        # An index of self.people by name word, with each query word's fuzzy neighbours among those words, so
        # that following names through a long document does not compare every name with every other.
        self._by_word: dict[str, list[int]] = {}
        self._vocab: list[str] = []
        self._indexed = 0
        self._similar: dict[str, tuple[int, set[str]]] = {}
        self.pending: list[NP] = []  # names nothing in the text resolved yet
        self.sent_of = {t.i: i for i, s in enumerate(doc.sents) for t in s}
        self._names_resolved: dict[int, Desc | None] = {}
        self._sentence_states: dict[tuple[int | None, bool], tuple[str]] = {}
        self._hits_by_sentence: dict[int | None, list[ActorHit]] = {}
        self._sentence_starts = [s.start for s in doc.sents]
        self._doc_state: tuple[str] | None = None
        self._full_name_ends: dict[str, int] | None = None
        self._beside: dict[int, Desc] = {}  # role-noun head -> a state named beside its modifiers ("X and Y rebels")
        self._group()

    # -- grouping ----------------------------------------------------------------------------------
    def np_at(self, tok: "Token") -> NP:
        np = self.nps.get(tok.i)
        if np is None:
            np = self.nps[tok.i] = NP(tok)
        return np

    def _group(self) -> None:
        doc = self.doc
        for hit in self.cands.actors:
            head = _np_head(_root(doc, hit.start, hit.end))
            if hit.end + 1 < len(doc) and doc[hit.end].text in ("-", "–") and doc[hit.end + 1].lower_ == "led":
                head = _np_head(doc[hit.end + 1])  # "US-led forces": the leader's forces
                self.np_at(head).leaders.append(hit)
            elif hit.end + 1 < len(doc) and doc[hit.end].text in ("-", "–") and \
                    doc[hit.end + 1].lower_ in HOLDER_WORDS:
                head = _np_head(doc[hit.end + 1])  # "a Greek-owned tanker", "a Beirut-based paper": the thing's country
            np = self.np_at(head)
            if hit.start <= head.i < hit.end:
                np.own = hit
            else:
                np.mods.append(hit)
            start = hit.start
            if start >= 2 and doc[start - 1].text in ("-", "–") and doc[start - 2].lower_ in STANCE_WORDS:
                start -= 2  # "anti-Syria journalist": the stance word belongs to the phrase
            np.start, np.end = min(np.start, start), max(np.end, hit.end)
        for hit in self.cands.agents:
            head = _np_head(_root(doc, hit.start, hit.end))
            np = self.np_at(head)
            np.agents.append(hit)
            np.start, np.end = min(np.start, hit.start), max(np.end, hit.end)
        for name in self.cands.names:
            head = _np_head(_root(doc, name.start, name.end))
            np = self.np_at(head)
            if name.start <= head.i < name.end:
                if np.own is None:
                    np.name = name
                elif np.own.kind == "person" and name.start <= np.own.start and np.own.end <= name.end:
                    np.name = name  # KB person inside a longer written name ("Mahoud Ahmadinejad")
            else:
                np.name_mods.append(name)
            np.start, np.end = min(np.start, name.start), max(np.end, name.end)
        for np in self.nps.values():
            np.mods.sort(key=lambda h: h.start)
            np.agents.sort(key=lambda h: h.start)
        for ent in doc.ents:  # organisations the KB does not know may still be described by an apposition
            if ent.label_ in ("ORG", "NORP") and ent.root.i not in self.nps and \
                    any(t.dep_ == "appos" for t in (ent.root, *ent.root.children)):
                self.np_at(ent.root).start = ent.start
        for tok in doc:
            low = tok.lower_
            if tok.pos_ == "PRON" and low in PRONOUNS and tok.i not in self.nps:
                self.np_at(tok)
            elif tok.text in HALVES and tok.i not in self.nps and \
                    any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and \
                    not any(c.dep_ in ("amod", "compound", "nmod", "prep") for c in tok.children):
                self.np_at(tok)  # "the North", "the South's": see _the_half
            elif tok.lemma_.lower() in COUNTRY_NOUNS | THE_GROUP_NOUNS and tok.pos_ == "NOUN" and \
                    tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and \
                    not any(c.dep_ in ("amod", "compound", "nmod") or c.dep_ == "prep" and c.lower_ == "of"
                            for c in tok.children) and tok.i not in self.nps:
                self.np_at(tok)

    # -- entry point -------------------------------------------------------------------------------
    def resolve(self) -> list[Mention]:
        for i in sorted(self.nps):
            self.compose(self.nps[i])
        self._resolve_pending()
        descs: list[Desc] = []
        for i in sorted(self.nps):
            np = self.nps[i]
            found = self.memo.get(i) or []
            if found:
                descs += found
            elif not self._is_possessive_pronoun(np):
                descs += self._standalone(np)
        descs = [d for d in descs if d.kind != "pronoun"]  # "his", "her": used as possessors, not actors
        self._definite_anaphora(descs)
        for d in descs:
            if d.country is None and d.code and d.code.startswith("---") and d.resolution != "coreference" \
                    and not self._several(d):
                self._place_in_sentence_state(d)
        self._apply_corrections(descs)
        return [self._mention(d) for d in descs if d.code or d.country]

    def _definite_anaphora(self, descs: list[Desc]) -> None:
        """"The newspaper", "the government", "the rebels" without a country: the actor of the same sector the
        article named last, within the last three sentences ("An editorial in the *Wall Street Journal* ... The
        newspaper was contemptuous ..."). A definite description points back; the sentence's own state is weaker
        evidence (see ``_several``)."""
        seen: list[Desc] = []
        for d in sorted(descs, key=lambda x: x.start):
            head = self.doc[d.head]
            if d.country is None and d.code and d.code.startswith("---") and d.sector and \
                    d.resolution != "coreference" and head.pos_ == "NOUN" and \
                    any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and \
                    not any(c.dep_ in ("amod", "compound", "nmod", "poss") and not self._own_word(c, d)
                            for c in head.children) and not self._several_people(head):
                here = self.sent_of.get(d.head, 0)
                sectors = ARMED_GROUP_SECTORS if d.sector in GENERIC_FIGHTERS else {d.sector}
                for ante in reversed(seen):
                    if here - self.sent_of.get(ante.head, 0) > 3:
                        break
                    if ante.country and ante.sector in sectors and ante.code and ante.kind != "person":
                        d.code, d.country = ante.code, ante.country
                        d.resolution, d.confidence = "coreference", min(d.confidence, 0.6)
                        break
            if d.country:
                seen.append(d)

    @staticmethod
    def _own_word(modifier: "Token", d: Desc) -> bool:
        """Is the modifier a word of an armed group's own description ("the *militant* group", "the *rebel*
        group"), not one that sets it apart from the one named before ("the rival group", "another armed group")?
        (An office's words are no such description: "the prime minister" is no government named before.)"""
        return d.sector in ARMED_GROUP_SECTORS and d.start <= modifier.i < d.end and \
            modifier.pos_ in {"ADJ", "NOUN"} and modifier.lower_ not in DISTINGUISHING_WORDS

    @staticmethod
    def _several_people(head: "Token") -> bool:
        """"all the governments", "both sides": several actors, not one the text named before."""
        return any(c.lower_ in DISTRIBUTIVES or c.lower_ == "all" for c in head.children)

    def _place_in_sentence_state(self, d: Desc) -> None:
        """An actor the text gives no country ("officials", "students", "Islamic fundamentalists", "Judge X") is
        of the one state its sentence names, if it names exactly one: news reports domestic actors in the
        country they are about. Weak evidence, so a low confidence and resolution ``context``."""
        state = self._sentence_state(d.head)
        confidence = SENTENCE_STATE_CONFIDENCE
        if state is None and d.sector in STREET_SECTORS and not self._sentence_names_a_state(d.head):
            # a sentence naming no state at all ("Police fired at the crowd") is about the article's state; only
            # forces, fighters, protesters and crowds are placed so (officials may be anyone's)
            state, confidence = self._document_state(), DOCUMENT_STATE_CONFIDENCE
        head = self.doc[d.head]
        if head.lemma_.lower() not in OFFICE_NOUNS and any(c.dep_ == "amod" and c.lower_ in FOREIGN_WORDS
                                                           for c in head.children):
            return  # "Western leaders", "foreign fighters", "Arab diplomats": from elsewhere, by their own words
        if state is None or any(self._stance(h) and any(x.country == state for x in self._choice_desc(h))
                                for h in self.cands.actors if d.start <= h.start < max(d.end, d.head + 1)):
            return  # "U.S.-backed regimes" are the one thing the text says is not American
        d.code = _compose_code(state, [], [d.code[3:]]) if len(d.code) > 3 else state
        d.country = state
        d.resolution, d.confidence = "context", min(d.confidence, confidence)

    def _several(self, d: Desc) -> bool:
        """Actors the sentence's state does not fit: "both ambassadors", "each side" (several actors, perhaps of
        several states), and "the president", "the government", "the Senate": a definite singular institution
        the article has already established, usually of the country the article is about rather than of the
        one the sentence names ("the president's claims of victory in Syria")."""
        head = self.doc[d.head]
        if any(c.lower_ in DISTRIBUTIVES for c in head.children):
            return True
        return d.kind == "agent" and d.sector in INSTITUTION_SECTORS and head.tag_ == "NN" and \
            any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and \
            self._document_state() != self._sentence_state(d.head, venues=True)

    def _document_state(self) -> str | None:
        """The state the article is about: the one named by most (DOCUMENT_STATE_SHARE at least) of the sentences
        that name exactly one state. "The government" with no antecedent is most often that state's."""
        if self._doc_state is None:
            counts: dict[str, int] = {}
            for start in self._sentence_starts:
                state = self._sentence_state(start, venues=True)
                if state:
                    counts[state] = counts.get(state, 0) + 1
            # a dateline ("NAIROBI, Kenya (AP) -") counts as one more sentence about its state
            filed = {d.country for hit in self.cands.datelines for d in self._choice_desc(hit)
                     if d.country and self.kb.is_state(d.country)}
            if len(filed) == 1:
                state = next(iter(filed))
                counts[state] = counts.get(state, 0) + 1
            total = sum(counts.values())
            best = max(counts, key=lambda k: counts[k]) if counts else ""
            self._doc_state = (best if total and counts[best] >= DOCUMENT_STATE_SHARE * total else "",)
        return self._doc_state[0] or None

    def _sentence_hits(self, head: int) -> list[ActorHit]:
        """The knowledge-base hits in the sentence of token ``head``."""
        if not self._hits_by_sentence:
            for hit in self.cands.actors:
                self._hits_by_sentence.setdefault(self.sent_of.get(hit.start), []).append(hit)
        return self._hits_by_sentence.get(self.sent_of.get(head), [])

    def _sentence_names_a_state(self, head: int) -> bool:
        """Does the sentence of token ``head`` name any state or place in one (one or several)?"""
        return any(d.country for hit in self._sentence_hits(head) for d in self._choice_desc(hit))

    def _sentence_state(self, head: int, venues: bool = False) -> str | None:
        """The one state the sentence of token ``head`` names through places, demonyms, named bodies and people
        (not ethnic groups, whose home says little about where things happen; nor, unless ``venues``, where talks
        are held: a venue places no one, though it still tells what the article is about)."""
        sent = self.sent_of.get(head)
        key = (sent, venues)
        cache = self._sentence_states.get(key)
        if cache is None:
            states: set[str] = set()
            for hit in self._sentence_hits(head):
                if hit.kind == "ethnic":
                    continue
                if self._stance(hit) or self._counterpart(hit) or self._bordering(hit) or (
                        not venues and self._venue(hit)):
                    continue
                for d in self._choice_desc(hit):
                    if d.country and self.kb.is_state(d.country):
                        states.add(d.country)
            cache = self._sentence_states[key] = (next(iter(states)) if len(states) == 1 else "",)
        return cache[0] or None

    def _venue(self, hit: ActorHit) -> bool:
        """Is the actor named as where talks or a meeting are held ("resumed talks in Oslo")? A venue, often a
        third country's, is not where those taking part are from."""
        root = _np_head(self.doc[hit.start:hit.end].root)
        return root.dep_ == "pobj" and root.head.lower_ in {"in", "at"} and _at_venue(root)

    def _counterpart(self, hit: ActorHit) -> bool:
        """Is the actor named as whom a verb's act goes from, to or against ("forces withdraw *from Mali*",
        "rebels negotiate *with Russia*")? That is the other side, not where the sentence's actors are from."""
        span = self.doc[hit.start:hit.end]
        root = _np_head(span.root)  # "with Russian officials": the demonym's noun phrase
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head  # "between the Kurds and Turkey": each side
        if root.dep_ != "pobj":
            return False
        prep = root.head
        if prep.lower_ == "between":
            return True  # the two sides of "fighting between X and Y" are not where either is from
        if root.i != span.root.i and prep.lower_ == "against":
            return False  # "investigations against Chilean officials", "fought against Malian troops": often at home
        governor = prep.head
        if governor.dep_ in ("dobj", "obj") and governor.pos_ == "NOUN" and prep.lower_ == "with":
            governor = governor.head  # "held meetings with Russia", "signed a deal with Iraq": the verb's partner
        return prep.lower_ in COUNTERPART_PREPS and governor.pos_ in {"VERB", "AUX"}

    def _bordering(self, hit: ActorHit) -> bool:
        """Is the state named only for its border ("a court in Kilis, near the Syrian border", "camps on the border
        with Iraq")? What is near a state's border is as often across it: no sign of where the sentence is."""
        word = self.doc[hit.start:hit.end].root
        if word.dep_ in ("amod", "compound", "poss", "nmod") and word.head.lemma_.lower() in BORDER_NOUNS:
            return True  # "the Syrian border", "Syria's border"
        root = _np_head(word)
        return root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lemma_.lower() in BORDER_NOUNS

    def _stance(self, hit: ActorHit) -> bool:
        """Does the text say whom the actor is for or against, or who backs it, rather than whose it is?
        ("anti-Syria", "pro-Iranian", "Iranian-backed")"""
        doc = self.doc
        i, j = hit.start, hit.end
        return stance_before(doc, i) or patron_after(doc, j)

    def _is_possessive_pronoun(self, np: NP) -> bool:
        return np.head.pos_ == "PRON"

    def _standalone(self, np: NP) -> list[Desc]:
        """An NP that is no actor ("US-Iranian talks"): its country and name modifiers are mentions of their own."""
        out: list[Desc] = []
        for hit in np.mods:
            for d in self._hit_descs(hit):
                out.append(d)
        for name in np.name_mods:
            d = self._name_desc(name, np)
            if d is not None:
                out.append(d)
        return out

    # -- composition -------------------------------------------------------------------------------
    def compose(self, np: NP) -> list[Desc]:
        key = np.head.i
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = []  # cycle guard (appositions point both ways)
        head = np.head
        if head.pos_ == "PRON" and head.lower_ in PRONOUNS:
            result = self._pronoun(np)
        elif np.own is None and np.name is None and head.lemma_.lower() in COUNTRY_NOUNS and not np.agents \
                and not np.mods and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            result = self._the_country(np)  # (not "the country of Norway": that names it)
        elif np.own is None and head.text in HALVES and not np.agents and not np.mods and (
                np.name is None or (np.name.start, np.name.end) == (head.i, head.i + 1)):
            result = self._the_half(np)
        elif np.own is None and np.name is None and head.lemma_.lower() in THE_GROUP_NOUNS and not np.agents \
                and not np.mods:
            result = self._the_group(np)
        elif (np.own is not None and np.own.kind == "person") or (np.own is None and np.name is not None):
            result = self._person(np)
        elif np.own is not None:
            result = self._actor(np)
        elif self._head_agent(np) is not None:
            result = self._coordinated_roles(np) or self._agent(np)
        elif self._modifier_agent(np) is not None:
            result = self._agent(self._agent_np(np, self._modifier_agent(np)))  # type: ignore[arg-type]
        elif head.lower_ in RELATIONAL_NOUNS or head.lemma_.lower() in RELATIONAL_NOUNS:
            result = self._relational(np)
        elif head.ent_type_ in ("ORG", "NORP") and not np.mods:
            result = self._described_org(np)
        elif np.leaders and head.lemma_.lower() in LED_GROUPS:
            result = self._led(np)
        else:
            result = []
        if key in self._beside:
            result = result + [self._beside[key]]
        self.memo[key] = result
        for d in result:
            if d.kind == "person" and d.code is not None and d.resolution != "coreference":
                self.people.append(d)
            elif d.kind == "agent" and d.code and d.country and head.tag_ == "NN" and \
                    head.lemma_.lower() in PERSON_ROLES and d.head == head.i:
                self.people.append(d)  # "Kenya's president ... accused him": one person, whom "he"/"him" names
        return result

    def _span(self, np: NP, desc: Desc, end: int | None = None) -> Desc:
        desc.start = min(np.start, desc.start) if desc.end else np.start
        desc.end = max(end or 0, np.end)
        desc.head = np.head.i
        return desc

    def _choice_desc(self, hit: ActorHit) -> list[Desc]:
        """The KB reading(s) of one actor hit on the document's day; "ELR/GAL" gives two."""
        choice = self.kb.choose(hit.entries, self.day)
        if choice is None or choice.code is None:
            return []
        reading = self._second_reading(hit, choice.country)
        if reading is not None:
            choice = self.kb.choose([reading], self.day) or choice
        e = choice.entry
        resolution = RESOLUTION_OF_ORIGIN.get(e.origin, "kb")
        base = min(choice.confidence, CONFIDENCE.get(e.origin, 0.9))
        region = self._region_after(hit, choice.country)
        if region is not None:  # "San Jose, California": the city of that name in that region's state
            return [Desc(region, region, None, e.kind, e.name, resolution, base * SECOND_READING_CONFIDENCE, (),
                         hit.start, hit.end, _root(self.doc, hit.start, hit.end).i)]
        conf = base * (1.0 if hit.exact else 0.9) * (SECOND_READING_CONFIDENCE if reading is not None else 1.0)
        out = []
        for code in choice.code.split("/"):
            code = code.strip().upper()
            if not code or code in ("---", "+++", "###"):
                continue
            country = choice.country if len(choice.code.split("/")) == 1 else self.kb.country_of(code)
            sector = choice.sector if len(choice.code.split("/")) == 1 else self.kb.sector_of_code(code)
            out.append(Desc(code, country or self.kb.country_of(code), sector, e.kind, e.name, resolution, conf,
                            _words(e.name) if e.kind == "person" and e.name else (),
                            hit.start, hit.end, _root(self.doc, hit.start, hit.end).i, dated=choice.bounded,
                            roles=any(x.dated for x in hit.entries if x.identity == e.identity)))
        return out

    def _region_after(self, hit: ActorHit, first: str | None) -> str | None:
        """The state of a region named right after a city, set off by a comma ("San Jose, California", "Paris,
        Texas"), when it is not the city's own: the region says which city of that name it is."""
        if hit.kind not in {"city", "capital"} or hit.end + 1 >= len(self.doc) or self.doc[hit.end].text != ",":
            return None
        after = next((h for h in self.cands.actors if h.start == hit.end + 1), None)
        if after is None or after.kind != "region":
            return None
        c = self.kb.choose(after.entries, self.day)
        if c is None or not c.country or c.country == first or c.code != c.country:
            return None
        return c.country

    def _second_reading(self, hit: ActorHit, first: str | None) -> "ActorEntry | None":
        """Tripoli is Libya's capital, but Lebanon's second city in a text about Lebanon: a place name's second
        reading (readings.tsv) when the sentence, else the document, names its state and not the first's."""
        readings = self.kb.readings.get(hit.entries[0].phrase) if self.kb.readings else None
        if not readings or hit.kind not in PLACE_KINDS | {"demonym"}:
            return None
        sent = self.sent_of.get(hit.start)
        for scope in ("sentence", "document"):
            named: set[str] = set()
            for other in self.cands.actors:
                if other is hit or other.kind == "person" or \
                        (scope == "sentence" and self.sent_of.get(other.start) != sent):
                    continue
                if other.entries[0].phrase == hit.entries[0].phrase:
                    continue
                c = self.kb.choose(other.entries, self.day)
                if c is not None and c.country:
                    named.add(c.country)
            if first in named:
                return None
            found = [r for r in readings if r.country in named]
            if found:
                return found[0]
        return None

    def _hit_descs(self, hit: ActorHit) -> list[Desc]:
        if hit.kind == "person":
            np = NP(_root(self.doc, hit.start, hit.end))
            np.own = hit
            np.start = hit.start
            return self._person(np, standalone=True)
        return self._choice_desc(hit)

    def _head_agent(self, np: NP) -> AgentHit | None:
        for a in np.agents:
            if a.start <= np.head.i < a.end:
                return a
        if np.agents and np.head.pos_ == "NOUN" and np.head.lower_ in GROUP_NOUNS:
            return np.agents[-1]  # "opposition groups", "rebel leaders"
        return None

    def _modifier_agent(self, np: NP) -> AgentHit | None:
        """A role noun right before a head that is no actor: "Israeli army bulldozers", "Israeli police custody",
        "Ugandan opposition candidates", "a Cambodian refugee camp" name the army, police, opposition, refugees."""
        head = np.head
        if np.own is not None or np.name is not None or head.pos_ != "NOUN" or not np.agents:
            return None
        last = np.agents[-1]
        word = self.doc[last.end - 1]
        if last.end != head.i or not (word.dep_ == "compound" and word.pos_ in NOMINAL or (
                word.dep_ == "amod" and word.lower_ in PARTY_ADJECTIVES and head.lemma_.lower() in HELD_PLACES)):
            return None  # adjectives stay adjectives: "a military operation" names no army
        return last

    def _agent_np(self, np: NP, agent: AgentHit) -> NP:
        """The phrase up to and headed by ``agent``'s last word, with the modifiers before it."""
        sub = NP(self.doc[agent.end - 1])
        sub.mods = [h for h in np.mods if h.end <= agent.start]
        sub.agents = [a for a in np.agents if a.end <= agent.end]
        sub.name_mods = [n for n in np.name_mods if n.end <= agent.start]
        sub.start, sub.end = np.start, agent.end
        return sub

    def _agent_parts(self, np: NP, around: tuple[int, int] | None = None) -> tuple[list[str], list[str]]:
        prefixes, suffixes = [], []
        for a in np.agents:
            if a.agent.position == "prefix" and (around is None or a.end <= around[0]):
                prefixes.append(a.agent.code)
            else:
                suffixes.append(a.agent.code)
        return prefixes, suffixes

    def _metonymic(self, tok: "Token") -> bool:
        """A capital as an actor: a subject, a possessor or a passive agent ("Tehran proposed talks")."""
        if tok.dep_ in SUBJECT_DEPS or tok.dep_ == "poss":
            return True
        return tok.dep_ == "pobj" and (tok.head.dep_ == "agent" or tok.head.lower_ == "by")

    def _actor(self, np: NP) -> list[Desc]:
        """A knowledge-base actor at the head, with any role words around it ("MSF Arnor", "the Kremlin")."""
        hit = np.own
        assert hit is not None
        if hit.kind in PLACE_KINDS | {"demonym"} and stance_before(self.doc, hit.start):
            return []  # "non-Syrians", "pro-Russians": what they are not, or whom they are for
        prefixes, suffixes = self._agent_parts(np, (hit.start, hit.end))
        out = []
        descs = self._choice_desc(hit)
        if hit.kind in PEOPLE_KINDS and not np.agents and descs:
            people = self._people(np, descs[0])
            if people is not None:
                return [people]
        stateless = any(d.country is None or not self.kb.is_state(d.country) for d in descs)
        agent = self.kb.agent(self.doc[hit.start:hit.end].text) if hit.kind == "org" else None
        office = agent is not None and agent.position == "suffix" and bool(descs) and not prefixes and not suffixes
        named = [b for b in (self._modifier_bases(np) or self._possessor_bases(np))
                 if b.country and self.kb.is_state(b.country)] if stateless or office else []
        countries = named if stateless else []
        if office:
            # "Pakistan's Foreign Office", "the Indian Home Office": an office every state has, named as another
            # state's, is that state's (the KB's "Foreign Office" is Britain's)
            owners = [b for b in named if b.country != descs[0].country]
            if owners:
                return [self._span(np, Desc(_compose_code(base_code(owners[0].code), [], [agent.code]),
                                            owners[0].country, agent.sector, "agent", None, "kb",
                                            owners[0].confidence, descs[0].words))]
        for d in descs:
            base = d.code
            stateless_group = d.kind in ("ethnic", "region") and not self.kb.is_state(d.country)
            if countries and (d.country is None or stateless_group):
                # "Iraqi Kurds" → IRQKUR; "Egypt's Muslim Brotherhood" when the KB gives no country
                base = _compose_code(base_code(countries[0].code), [], [base or ""])
                d.country = countries[0].country
            if d.kind == "capital" and not np.agents and self._metonymic(np.head):
                suffixes = ["GOV"]
                d.confidence *= 0.9
            code = _compose_code(base, *_with_base(prefixes, suffixes)) if (prefixes or suffixes) else base
            sector = self._agent_sector(suffixes) or d.sector
            out.append(self._span(np, Desc(code, d.country, sector, d.kind, d.name, d.resolution, d.confidence,
                                           d.words)))
        return out

    def _people(self, np: NP, d: Desc) -> Desc | None:
        """A people named by a demonym or an ethnic name at the head ("Bosnian Serbs", "the Albanians of
        southern Serbia", "ethnic Albanians in Serbia", "thousands of Nigerians"). A people is placed in the
        state the text puts it in: a state modifier naming another country ("Bosnian Serbs": BIH), an "of"
        place, or for an ethnic group its location, the sentence's place or state, else its KB home state.
        As the actor of a sentence, a plural people without "the" ("Nigerians rallied") are civilians (CVL);
        "the Iranians" in diplomatic reporting are often the government, so they keep no sector."""
        head = np.head
        ethnic = d.kind == "ethnic" or any(c.lower_ == "ethnic" for c in head.children)
        place: Desc | None = None
        resolution, conf = "kb", d.confidence
        mods = [b for b in self._modifier_bases(np) if b.country and self.kb.is_state(b.country)]
        if mods and mods[0].country != d.country:
            place, resolution, conf = mods[0], "kb", min(conf, mods[0].confidence)
        if place is None:
            of_place = [b for b in self._prep_bases(head, MEMBER_PREPS)[0] if self._is_place(b)]
            if of_place:
                place, resolution, conf = of_place[0], "context", 0.75
        if place is None and ethnic:
            place = self._residence(head, d.country)
            if place is not None:
                resolution, conf = "context", 0.6
        # (the tagger calls some plural demonyms singular proper nouns: "thousands of Georgians")
        plural = head.tag_ in ("NNS", "NNPS") or "Plur" in head.morph.get("Number") or \
            (d.kind == "demonym" and head.lower_.endswith("s") and head.i == np.end - 1)
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        civilians = plural and (not definite or place is not None or ethnic)
        if place is None and not civilians:
            return None
        if place is not None:
            base = base_code(place.code) if place.kind != "dictionary" else place.code
            if d.country and not self.kb.is_state(d.country):
                base = _compose_code(base, [], [d.code or ""])  # "Iraqi Kurds": IRQKUR
            country = place.country
        else:
            base, country = d.code, d.country
        sector = "CVL" if civilians else None
        code = _compose_code(base, [], [self._agent_code(sector)]) if sector else base
        name = d.name if country == d.country else None  # "Bosnian Serbs" are not "Serbia"
        return self._span(np, Desc(code, country, sector, "ethnic" if ethnic else d.kind, name, resolution, conf,
                                   d.words))

    def _residence(self, head: "Token", people: str | None = None) -> Desc | None:
        """Where the text places an actor: "in" on the noun or on a participle ("operating in Macedonia"), else
        the sentence's one place, else the one state the sentence names. Those two guesses place a people of
        several states (``people``, "Kurdish forces") only in one of its homelands: "Kurdish forces fought with
        the US" are not American."""
        place = self._location(head) or self._situated(head)
        if place is not None:
            return place
        homeland = self.kb.homelands.get(people or "")
        place = self._sentence_place(head)
        if place is None:
            state = self._sentence_state(head.i)
            if state is not None:
                place = Desc(state, state, None, "country", None, "context", SENTENCE_STATE_CONFIDENCE)
        if place is not None and homeland is not None and place.country not in homeland:
            return None
        return place

    def _situated(self, head: "Token") -> Desc | None:
        """The place of a participle on the noun: "a newspaper based in Beirut", "guerrillas operating in X"."""
        for verb in head.children:
            if verb.dep_ == "acl" and verb.lemma_.lower() in SITUATING_VERBS:
                found = self._location(verb)
                if found is not None:
                    return found
        return None

    def _agent_sector(self, codes: list[str]) -> str | None:
        for code in reversed(codes):
            sector = self.kb.sector_for(code)
            if sector:
                return sector
        return None

    def _modifier_bases(self, np: NP) -> list[Desc]:
        """Country evidence inside the phrase: KB modifiers and named people before the head.

        Several modifiers joined by "and" give one base each ("Hungarian and Romanian officials"); otherwise
        the first one counts ("Iraqi Kurdish officials").
        """
        doc = self.doc
        bases: list[Desc] = []
        for hit in np.mods:
            if self._stance(hit):
                continue  # "anti-Syria journalist", "Iranian-backed militias": not Syrian, not Iranian
            descs = self._hit_descs(hit)
            if not descs:
                continue
            root = _root(doc, hit.start, hit.end)
            beside = self._named_beside(np, hit, root, descs)
            if beside is not None:
                bases.append(replace(descs[0], start=beside))  # "Tigray rebels": of the state named beside them
                continue
            if bases and not (root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)):
                people = descs[0]
                last = bases[-1]
                if people.kind == "ethnic" and people.code and not self.kb.is_state(people.country) and \
                        last.kind in ("demonym", "country") and last.code and len(bases) == 1:
                    # "Iraqi Kurdish leaders": a stateless people of the state named before it (IRQKUR)
                    bases[-1] = replace(last, code=_compose_code(base_code(last.code), [], [people.code]))
                elif people.kind == ARMED_GROUP and people.code and last.kind in ("demonym", "country") and \
                        len(bases) == 1:
                    bases[-1] = people  # "Afghan Taliban fighters": the group, which the demonym only places
                continue
            for d in descs:
                if d.kind == "person":
                    d = replace(d, code=base_code(d.code) if d.code and not d.code.startswith("---") else None)
                    if d.code is None:
                        continue
                bases.append(d)
        if not bases:
            for name in np.name_mods:
                d = self._name_desc(name, np)
                if d is not None and d.country and d.code and not d.code.startswith("---"):
                    bases.append(replace(d, code=base_code(d.code)))
                    break
        return bases

    def _named_beside(self, np: NP, hit: ActorHit, root: "Token", descs: list[Desc]) -> int | None:
        """"Ethiopia and Tigray rebels": a state's name joined by "and" to a name the knowledge base does not
        know, before the role noun, is the state itself beside the others' group (a state's name does not
        describe people the way "Ethiopian" would), and the group is placed in that state. The state is kept
        for ``compose`` as a mention of its own; the group's phrase starts at the other name (returned)."""
        if len(descs) != 1 or descs[0].kind != "country" or not self.kb.is_state(descs[0].country) or \
                root.pos_ != "PROPN" or root.ent_type_ not in ("GPE", ""):
            return None
        # the other name is unknown, or a place inside a state ("Darfur"), not a state or a people
        covered = {i for h in np.mods if any(d.kind not in SUBSTATE_KINDS for d in self._hit_descs(h))
                   for i in range(h.start, h.end)}
        other = next((c for c in root.children if c.dep_ == "conj" and c.i < np.head.i and c.i not in covered
                      and c.pos_ == "PROPN" and c.text[:1].isupper()), None)
        if other is None or any(c.dep_ == "cc" and c.lower_ != "and" for c in root.children):
            return None
        self._beside[np.head.i] = replace(descs[0], start=hit.start, end=hit.end, head=root.i)
        return other.left_edge.i

    def _possessor(self, np: NP) -> "Token | None":
        """The possessor of the phrase ("Gondor's government", "the country's supreme leader X", "his ...")."""
        limit = np.own.start if np.own else np.head.i
        for i in range(np.start, np.head.i + 1):
            for c in self.doc[i].children:
                if c.dep_ == "poss" and c.i < limit:
                    return c
        return None

    def _group_possessor(self, tok: "Token") -> list[Desc]:
        """ "Israel said its troops ...", "Bosnian Serbs said their forces ...": "its"/"their" is the nearest
        subject before it in the sentence, when that subject is an actor with a country (coreference)."""
        subjects = [t for t in tok.sent if t.i < tok.i and t.dep_ in SUBJECT_DEPS and t.pos_ != "PRON"
                    and not (tok.lower_ == "its" and t.tag_ in PLURAL_TAGS)]  # "its" is no "fighters"' own
        controller = self._controller(tok)
        if controller is not None:
            subjects.append(controller)  # "ordered Ukraine to withdraw its troops": Ukraine withdraws its own
        if not subjects:
            return []
        return self._stand_ins(tok, subjects[-1:], 0.6)[:1]

    def _stand_ins(self, pronoun: "Token", antecedents: list["Token"], weight: float) -> list[Desc]:
        """The actors with a country that a possessive pronoun stands for, one per antecedent actor, as their base
        code (coreference, the antecedent's confidence times ``weight``)."""
        out = []
        for tok in antecedents:
            for d in (self.compose(self.np_at(tok)) if tok.i in self.nps else []):
                code = base_code(d.code) if d.code and not d.code.startswith("---") else None
                if code and d.country:
                    out.append(replace(d, code=code, kind="agent", resolution="coreference",
                                       confidence=weight * (d.root or d.confidence), start=pronoun.i,
                                       end=pronoun.i + 1))
        return out

    def _relative_possessor(self, whose: "Token") -> list[Desc]:
        """ "Russia and Turkey, whose foreign ministers met ...": "whose" is the noun the relative clause hangs on,
        each conjunct of it, when they are actors with a country (a state, an armed group)."""
        clause = next((a for a in whose.ancestors if a.dep_ == "relcl"), None)
        if clause is None:
            return []
        return self._stand_ins(whose, [clause.head, *clause.head.conjuncts], 0.8)

    @staticmethod
    def _controller(tok: "Token") -> "Token | None":
        """The object that is the understood subject of the infinitive ``tok`` stands in ("ordered Ukraine to
        withdraw its troops", "urged Iran to halt its programme"), if there is one before it."""
        for verb in tok.ancestors:
            if verb.dep_ == "xcomp" and verb.pos_ in {"VERB", "AUX"}:
                return next((c for c in verb.head.children if c.dep_ in {"dobj", "obj"} and c.i < verb.i
                             and c.pos_ != "PRON"), None)
            if verb.dep_ in {"ccomp", "advcl", "relcl", "ROOT"}:
                return None
        return None

    def _possessor_bases(self, np: NP) -> list[Desc]:
        tok = self._possessor(np)
        if tok is None:
            return []
        if tok.lower_ in GROUP_POSSESSIVES:
            return self._group_possessor(tok)
        if tok.lower_ == "whose":
            return self._relative_possessor(tok)
        out = []
        for d in self.compose(self.np_at(tok)):
            if d.kind == "person" or d.kind == "pronoun":
                code = base_code(d.code) if d.code and not d.code.startswith("---") else None
                if code is None:
                    continue
                d = replace(d, code=code)
            out.append(d)
        return out

    def _prep_bases(self, head: "Token", preps: dict[str, float] | set[str]) -> tuple[list[Desc], int]:
        """Actors in a prepositional phrase on ``head`` ("of Arnor, Osgiliath and Gondor"), one per conjunct."""
        out: list[Desc] = []
        end = 0
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for tok in [pobj, *[c for c in pobj.conjuncts if c.i > pobj.i]]:
                    np = self.np_at(tok)
                    descs = self.compose(np)
                    if not descs:
                        descs = self._named_place(tok)
                    for d in descs:
                        if d.kind == "person":
                            if not d.code or d.code.startswith("---"):
                                continue
                            d = replace(d, code=base_code(d.code))
                        out.append(d)
                    end = max(end, _phrase_end(tok) + 1)
        return out, end

    def _named_place(self, tok: "Token") -> list[Desc]:
        """The place a place noun names: "Sindh province", "the Hebron area", "the province of Idlib", "the
        central country of Tajikistan", or the state it lies in: "an occupied town in southern Ukraine"."""
        if tok.lemma_.lower() not in PLACE_NOUNS | COUNTRY_NOUNS:
            return []
        mods = [d for h in self.np_at(tok).mods for d in self._hit_descs(h)]
        # (else a demonym on the place noun names its state: "the Syrian city of X" is in Syria)
        return [d for d in mods if self._is_place(d)][:1] or \
            [d for d in self._prep_bases(tok, {"of"})[0] if self._is_place(d)][:1] or \
            [d for d in self._prep_bases(tok, {"in"})[0] if self._is_place(d)][:1] or \
            [replace(d, kind="country", code=d.country) for d in mods
             if d.kind == "demonym" and d.country and self.kb.is_state(d.country)][:1]

    def _former(self, np: NP) -> bool:
        """ "former security officials", "ex-president X": out of office."""
        return any(self.doc[i].lower_ in FORMER_WORDS for i in range(min(np.start, np.head.left_edge.i), np.head.i + 1))

    def _agent(self, np: NP) -> list[Desc]:
        """A role noun ("diplomats", "the government of Iraq", "police in Baghdad")."""
        head = np.head
        if head.i + 1 < len(self.doc) and self.doc[head.i + 1].text in ("-", "–") and not head.whitespace_:
            return []  # "militia-related": the noun is part of a modifier
        prefixes, suffixes = self._agent_parts(np)
        sector = self._agent_sector(suffixes) or self._agent_sector(prefixes)
        head_agent = self._head_agent(np)
        if head_agent is not None and head_agent.agent.sector and \
                head_agent.agent.sector != self.kb.sector_for(head_agent.agent.code):
            sector = head_agent.agent.sector  # PLOVER's sector for the noun ("demonstrators": CVL, code OPP)
        if head_agent is not None and head.lower_ in GENERIC_ROLES:
            # "intelligence officials", "rebel leaders": the role word before the rank gives the sector
            before = [a.agent.code for a in np.agents if a.end <= head_agent.start and a.agent.position == "suffix"]
            sector = self._agent_sector(before) or sector
        if self._former(np) and (sector is None or sector in OFFICE_SECTORS):
            # a former minister or general is of the elite; a "former IT worker" is still a worker
            suffixes, sector = ["ELI"], self.kb.sector_for("ELI") or "ELI"
        resolution, conf, end = None, 0.85, 0
        bases = self._modifier_bases(np)
        if bases and (bases[0].kind == "ethnic" or (
                bases[0].kind == "demonym" and any(t.lower_ == "ethnic" for t in self.doc[head.left_edge.i:head.i]))):
            # "Shona rebels", "ethnic Albanian guerrillas operating in Macedonia": placed where the text says
            place = self._residence(head, bases[0].country)
            if place is not None and place.country != bases[0].country:
                base = base_code(place.code) if place.kind != "dictionary" else place.code
                if not self.kb.is_state(bases[0].country):
                    base = _compose_code(base, [], [bases[0].code or ""])  # "Kurdish fighters" in Iraq: IRQKUR
                bases = [replace(place, code=base, kind="country")]
                resolution, conf = "context", 0.6
        start = None
        if not bases:
            bases = self._possessor_bases(np)
            if bases:
                start = self._possessor(np).left_edge.i  # "Zorbia's government" # type: ignore[union-attr]
        if not bases:
            bases, end = self._prep_bases(head, MEMBER_PREPS)
        if not bases and head.dep_ == "conj":
            first = head
            while first.dep_ == "conj" and first.head.i < first.i:
                first = first.head
            if first.i in self.nps and first.i != head.i:
                first_np = self.nps[first.i]
                bases = self._modifier_bases(first_np) or self._possessor_bases(first_np)
                if len(bases) > 1:
                    bases = []  # "U.S. and Iraqi forces, civilians": whose civilians is not said
                if bases:
                    shared = [a.agent.code for a in first_np.agents
                              if not (a.start <= first.i < a.end) and a.agent.position == "suffix"]
                    suffixes = shared + suffixes
        if not bases:
            for tok in self._conj_chain(head):
                found, _ = self._prep_bases(tok, LOCATION_PREPS)
                found = [d for d in found if self._is_place(d) or (
                    prep_word(tok) == "from" and d.kind == "agent" and self.kb.is_state(d.country))]
                if found:
                    prep = next(c for c in tok.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS)
                    stray = self._stray_places(tok, prep.right_edge.i)
                    found += stray
                    bases = [replace(d, code=base_code(d.code) if d.kind != "dictionary" else d.code) for d in found]
                    resolution, conf = "context", LOCATION_PREPS[prep.lower_]
                    if tok.i == head.i:  # "rebels in the Ivory Coast"
                        end = max([_phrase_end(prep) + 1] + [d.end for d in stray])
                    break
                situated = self._situated(tok)
                if situated is not None:  # "a newspaper based in Beirut"
                    bases = [replace(situated, code=base_code(situated.code) if situated.kind != "dictionary"
                                     else situated.code)]
                    resolution, conf = "context", 0.75
                    break
        if not bases and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB":
            # "attacked a village in Sudan", "civilians were killed in Idlib": the parser hangs the place on the
            # verb, but it says where the object is
            found, _ = self._prep_bases(head.head, VERB_LOCATIVE_PREPS)
            found = [d for d in found if self._is_place(d)]
            if len({d.country for d in found}) == 1:
                bases = [replace(found[0], code=base_code(found[0].code) if found[0].kind != "dictionary"
                                 else found[0].code)]
                resolution, conf = "context", 0.7
        if not bases and (sector in DOMESTIC_SECTORS or sector in CROWD_SECTORS and _counted(head).dep_ in {
                "nsubj", "nsubjpass"} and not any(c.lower_ in FOREIGN_WORDS for c in head.children)):
            # (and a crowd that acts or is acted on where the sentence says: "thousands of people blocked streets
            # in Caracas in defiance of Chinese authorities" are in Venezuela; not where something came from)
            place = self._sentence_place(head, LOCATION_PREPS if sector in DOMESTIC_SECTORS else VERB_LOCATIVE_PREPS)
            if place is not None:
                bases = [place]
                resolution, conf = "context", 0.6
        if not bases:
            if prefixes and not suffixes:  # "a human rights body": the prefix is the actor class (NGO)
                code = "".join(prefixes)
                return [self._span(np, Desc(code, self.kb.country_of(code), sector, "agent", None, "kb", 0.6))]
            if suffixes and not prefixes and sector == CIVIL_SOCIETY:
                # "a human rights group" no state is named for: a non-governmental organisation (CAMEO NGO)
                code = _compose_code("NGO", [], suffixes)
                return [self._span(np, Desc(code, self.kb.country_of(code), sector, "agent", None, "kb", 0.6))]
            return [self._span(np, Desc(_compose_code(None, [], suffixes), None, sector, "agent", None, "kb", 0.5))]
        out = []
        for i, b in enumerate(bases):
            code = _compose_code(b.code, *_with_base(prefixes, suffixes))
            if b.kind == ARMED_GROUP and b.code and suffixes and set(suffixes) <= GENERIC_FIGHTERS:
                code, sector = b.code, b.sector  # "Taliban fighters", "Hamas gunmen": the group itself
            d = self._span(np, Desc(code, b.country, sector or b.sector, "agent", None,
                                    resolution or self._derived(b.resolution), min(conf, b.confidence)), end)
            if (i or np.head.i in self._beside) and np.start <= b.start < d.head:
                d.start = b.start  # "Hungarian and Romanian officials": the second reads "Romanian officials"
            elif start is not None:
                d.start = min(d.start, start)
            out.append(d)
        return out

    @staticmethod
    def _derived(resolution: str) -> str:
        return resolution if resolution in ("coreference", "context", "user", "registry", "dictionary") else "kb"

    def _conj_chain(self, head: "Token") -> list["Token"]:
        chain = [head]
        tok = head
        while tok.dep_ == "conj" and tok.head.i < tok.i:
            tok = tok.head
            chain.append(tok)
        return chain

    def _location(self, head: "Token") -> Desc | None:
        found, _ = self._prep_bases(head, {"in", "inside", "within"})
        found = [d for d in found if self._is_place(d)]
        return found[0] if found else None

    def _stray_places(self, head: "Token", after: int) -> list[Desc]:
        """Places the parser hung on the role noun instead of the place before them: in "lawmakers in X and Y"
        a small parser may make Y a conjunct of "lawmakers"; a bare place there is another location."""
        out: list[Desc] = []
        for c in head.children:
            if c.dep_ != "conj" or c.i <= after or c.i not in self.nps:
                continue
            other = self.nps[c.i]
            if other.agents or other.mods or other.own is None or other.own.kind not in PLACE_KINDS:
                continue
            out += [d for d in self.compose(other) if self._is_place(d)]
        return out

    def _is_place(self, d: Desc) -> bool:
        """A location that makes its occupants that country's: a state or a place in one (not the Persian Gulf)."""
        return d.kind in PLACE_KINDS and bool(d.country) and (d.kind == "dictionary" or self.kb.is_state(d.country))

    def _sentence_place(self, head: "Token", preps: dict[str, float] | set[str] | frozenset[str] = LOCATION_PREPS
                        ) -> Desc | None:
        """The one country the sentence locates things in ("meddling in Iraq ... insurgents" → Iraq)."""
        places: dict[str, Desc] = {}
        for tok in head.sent:
            if tok.dep_ == "pobj" and tok.head.lower_ in preps and tok.i != head.i and \
                    not _at_venue(tok):  # "resumed talks in Oslo": see _venue
                for d in self.compose(self.np_at(tok)) or self._named_place(tok):
                    if self._is_place(d):
                        places[d.country] = d  # type: ignore[index]
        if len(places) == 1:
            d = next(iter(places.values()))
            return replace(d, code=base_code(d.code) if d.kind != "dictionary" else d.code)
        return None

    def _described_org(self, np: NP) -> list[Desc]:
        """An organisation the KB does not know, described by an apposition ("their paramilitary wing, the
        Badr Brigade"; "the Kifaya movement, an opposition group"): it takes what the description says."""
        appos = self._apposition(np)
        if appos is None or appos.kind == "person":
            return []
        ent = next((e for e in self.doc.ents if e.start <= np.head.i < e.end), None)
        desc = Desc(appos.code, appos.country, appos.sector, "org", None, "apposition", 0.8 * appos.confidence)
        desc = self._span(np, desc)
        if ent is not None:
            desc.start = ent.start
        return [desc]

    def _coordinated_roles(self, np: NP) -> list[Desc]:
        """"Rebel and government forces", "police and army units": a role word joined by "and" to the role phrase
        of the head is an actor of its own (the rebels; the government forces), not one REBMIL."""
        doc = self.doc
        for k, a in enumerate(np.agents[:-1]):
            b = np.agents[k + 1]
            if a.end <= np.head.i and b.end == np.head.i + 1 and any(
                    doc[i].dep_ == "cc" for i in range(a.end, b.start)) and b.start - a.end <= 2:
                first = [self._span(np, d) for d in self._agent(self._agent_np(np, a))]
                rest = replace(np, agents=[x for x in np.agents if x is not a])
                rest.start, rest.end = np.start, np.end
                return first + self._agent(rest)
        return []

    def _led(self, np: NP) -> list[Desc]:
        """A group the text knows only by its leader ("the US-led coalition", "a Saudi-led alliance") acts as
        that leader: the leader decides what it does."""
        return [self._span(np, d) for hit in np.leaders for d in self._hit_descs(hit)]

    def _relational(self, np: NP) -> list[Desc]:
        """ "his Iranian counterpart": country from the modifier, sector from whoever "his" is."""
        bases = self._modifier_bases(np)
        if not bases:
            return []
        sector = None
        tok = self._possessor(np)
        if tok is not None:
            for d in self.compose(self.np_at(tok)):
                sector = sector or d.sector
        out = []
        for b in bases:
            code = _compose_code(b.code, [], [self._agent_code(sector)] if sector else [])
            out.append(self._span(np, Desc(code, b.country, sector, "agent", None, "coreference" if sector else "kb",
                                           0.7)))
        return out

    def _agent_code(self, sector: str | None) -> str:
        return self.kb.agent_code_for(sector) or ""

    # -- people ------------------------------------------------------------------------------------
    def _titles_in(self, start: int, end: int) -> list[str]:
        """Role words inside a KB person's phrase ("President Bush" → GOV): evidence when no date is known."""
        doc = self.doc
        keys = [t.lower_.replace(".", "") for t in doc[start:end]]
        lemmas = [t.lemma_.lower() for t in doc[start:end]]
        codes = []
        for hit in self.finder.agent_index.matches(keys, lemmas):
            agent = self.finder._best_agent(hit.payloads)
            if agent is not None and agent.position == "suffix":
                codes.append(agent.code)
        return codes[:1]

    def _is_role_phrase(self, d: Desc) -> bool:
        """A KB phrase naming an office ("Iraqi Prime Minister"): before a name it is a title."""
        return any(t.lower_ in self.finder.role_words for t in self.doc[d.start:d.end])

    def _person(self, np: NP, standalone: bool = False) -> list[Desc]:
        """A named person: the KB or the article's earlier mentions say who; titles, modifiers, possessors
        and appositions say what the text claims (country and sector)."""
        doc = self.doc
        name = np.name
        kb_descs: list[Desc] = []
        if np.own is not None and np.own.kind == "person":
            kb_descs = self._choice_desc(np.own)
            if name is not None and kb_descs:
                extra = [w for w in _significant(_words(doc[name.start:name.end].text))
                         if w not in _words(doc[np.own.start:np.own.end].text)]
                if extra and not self._compatible(extra, kb_descs[0].words):
                    kb_descs = []  # "Susan Rice" is not the KB's "Rice"
        written = doc[name.start:name.end].text if name is not None else (
            doc[np.own.start:np.own.end].text if np.own else np.head.text)
        words = _words(written)
        # What the text itself says: titles, country modifiers, possessor, appositions.
        first = name.start if name else (np.own.start if np.own else np.head.i)
        titles = [a for a in np.agents if a.end <= first and a.agent.position == "suffix"]
        title_codes = [a.agent.code for a in titles]
        if not title_codes and np.own is not None and kb_descs:
            title_codes = self._titles_in(np.own.start, np.own.end)
        title_sector = self._agent_sector(title_codes)
        if self._former(np):
            title_codes, title_sector = ["ELI"], self.kb.sector_for("ELI") or "ELI"
        evidence: Desc | None = None
        if not standalone:
            bases = [b for b in (self._modifier_bases(np) or self._possessor_bases(np))
                     if b.kind != "person" or self._is_role_phrase(b)]
            if not bases:  # "King Hassan of Morocco"
                bases = [b for b in self._prep_bases(np.head, MEMBER_PREPS)[0] if b.kind in PLACE_KINDS | {"igo"}]
            conflict = bool(bases and kb_descs and bases[0].country and kb_descs[0].country
                            and bases[0].country != kb_descs[0].country)
            if bases and (titles or not kb_descs or conflict):
                b = bases[0]
                evidence = Desc(_compose_code(base_code(b.code) if b.kind != "dictionary" else b.code, [],
                                              title_codes) if title_codes else b.code,
                                b.country, title_sector or b.sector, resolution="title",
                                confidence=min(0.85, b.confidence))
            elif title_codes:
                evidence = Desc(None, None, title_sector, resolution="title", confidence=0.7)
            appos = self._apposition(np)
            if appos is not None and (evidence is None or evidence.country is None):
                sector = title_sector or appos.sector
                code = appos.code if not title_codes else _compose_code(base_code(appos.code), [], title_codes)
                evidence = Desc(code, appos.country, sector, resolution="apposition",
                                confidence=min(0.85, appos.confidence))
        elif title_codes:
            evidence = Desc(None, None, title_sector, resolution="title", confidence=0.7)
        known: Desc | None = kb_descs[0] if kb_descs else None
        if known is None and name is not None:
            known = self._resolve_name(words, np, evidence, from_ner=name.from_ner)
            if known is None and not name.from_ner and not titles:
                # capitalised words the tagger did not call a person and no title introduces ("Iraq Study Group")
                evidence = None
        if known is None and evidence is None:
            if not standalone:
                self.pending.append(np)
            return []
        desc = self._merge_person(known, evidence, written)
        own_words = _significant(words) if name is not None else ()
        desc.words = tuple(dict.fromkeys((*(known.words if known else ()), *own_words)))
        return [self._span(np, desc)]

    def _merge_person(self, known: Desc | None, evidence: Desc | None, written: str) -> Desc:
        """Combine what the KB (or the name chain) knows with what the text says. The text wins on country;
        on sector the KB wins only with a role dated to the document's day (else "President X" beats the
        KB's undated fallback)."""
        if evidence is None:
            assert known is not None
            return replace(known, kind="person")
        if known is None or (known.country and evidence.country and known.country != evidence.country):
            code = evidence.code
            if code is None or (evidence.sector and code == base_code(code)):
                code = _compose_code(code, [], [self._agent_code(evidence.sector)] if evidence.sector else [])
            return Desc(code, evidence.country, evidence.sector, "person", written, evidence.resolution,
                        evidence.confidence)
        country = evidence.country or known.country
        usable = known.code and not known.code.startswith("---")
        if usable and known.sector and (known.dated or (self.day and known.roles)) and evidence.sector != "ELI":
            code, sector = known.code, known.sector
        else:
            sector = evidence.sector or known.sector
            if usable and sector == known.sector:
                code = known.code
            else:
                base = base_code(known.code) if usable else None
                if base is None and evidence.code and not evidence.code.startswith("---"):
                    base = base_code(evidence.code)
                code = _compose_code(base, [], [self._agent_code(sector)] if sector else [])
        resolution = evidence.resolution if evidence.country else known.resolution
        return Desc(code, country, sector, "person", known.name or written, resolution,
                    max(known.confidence, evidence.confidence), known.words, dated=known.dated, roles=known.roles)

    def _apposition(self, np: NP) -> Desc | None:
        """The descriptive side of an apposition, in either order: "X, U.S. ambassador" / "the ambassador, X".

        A place is never a person's apposition: when the parser hangs the name on the place ("the ambassador
        to Norway, X"), the role noun the place depends on is the partner."""
        head = np.head
        partners = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            partners.append(head.head)
        for p in partners:
            if p.dep_ == "pobj" and p.head.dep_ == "prep" and p.head.head.i in self.nps:
                role = self.nps[p.head.head.i]
                if role.own is None and self._head_agent(role) is not None:
                    p = role.head
            other = self.nps.get(p.i)
            described = any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in p.children)
            if other is None or (other.own is not None and other.own.kind == "person") or (
                    other.name is not None and (other.name.from_ner or not described)):
                continue  # a name, not a description ("the United Nations Emergency Relief Coordinator" is one)
            for d in self.compose(other):
                if (d.country or d.sector) and d.kind not in PLACE_KINDS:
                    return d
            if described and other.mods:
                # "X, the United Nations Emergency Relief Coordinator": an office the KB lacks, of a body it knows
                for d in self._choice_desc(other.mods[-1]):
                    if d.country and d.kind != "person":
                        return d
        return None

    def _compatible(self, given: list[str] | tuple[str, ...], known: tuple[str, ...]) -> bool:
        """Every given name word matches some word of the known name (fuzzily, or as an initial)."""
        for w in given:
            if w in known:
                continue
            if len(w) == 1 and any(k.startswith(w) for k in known):
                continue
            if not any(_fuzzy(w, k) >= 80 for k in known):
                return False
        return True

    def _resolve_name(self, words: tuple[str, ...], np: NP, evidence: Desc | None, from_ner: bool) -> Desc | None:
        sig = _significant(words)
        if not sig:
            return None
        chained = self._chain(sig, np.head.i, earlier=True)
        if chained is not None:
            return chained
        if from_ner or len(sig) > 1 or evidence is not None or self._surname_word(np):
            found = self._kb_person(sig, evidence, from_ner)
            if found is not None:
                return found
        return self._registry_person(words, sig)

    def _surname_word(self, np: NP) -> bool:
        """One capitalised word the tagger did not call a person ("Museveni said", tagged an organisation), as a
        clause's subject: looked up among the knowledge base's people too, where only the office holders of that
        surname on the day answer (``_kb_person``). A common noun opening a sentence ("Power was restored") is
        not."""
        name = np.name
        if name is None or name.end - name.start != 1:
            return False
        tok = self.doc[name.start]
        if len(tok.text) < 4 or (tok.pos_ != "PROPN" and tok.is_sent_start) or tok.dep_ not in SUBJECT_DEPS:
            return False  # as the subject of a clause a capitalised word is the actor; "converted to Islam" not
        # a surname the text gave with a first name before ("Shamima Begum ... Begum's family") is that person's
        return self._full_names().get(tok.lower_, len(self.doc)) >= tok.i

    def _full_names(self) -> dict[str, int]:
        """Last word of each multi-word PERSON entity -> where it first starts (built once per document: a long
        document has many names)."""
        if self._full_name_ends is None:
            self._full_name_ends = {}
            for e in self.doc.ents:
                if e.label_ == "PERSON" and len(e) > 1:
                    self._full_name_ends.setdefault(e[-1].lower_, e.start)
        return self._full_name_ends

    def _similar_words(self, w: str) -> set[str]:
        """Name words of people seen so far equal to ``w`` or, for longer words, fuzzily close to it."""
        checked, found = self._similar.get(w, (0, set()))
        for k in self._vocab[checked:]:
            if w == k or (len(w) > 4 and _fuzzy(w, k) >= 88):
                found.add(k)
        self._similar[w] = (len(self._vocab), found)
        return found

    def _chain(self, sig: tuple[str, ...], position: int, earlier: bool) -> Desc | None:
        """The person this article already named whose name contains these words ("Crocker")."""
        for i in range(self._indexed, len(self.people)):
            for k in set(self.people[i].words or ()):
                if k not in self._by_word:
                    self._by_word[k] = []
                    self._vocab.append(k)
                self._by_word[k].append(i)
        self._indexed = len(self.people)
        matching: set[int] | None = None
        for w in sig:
            ids = {i for k in self._similar_words(w) for i in self._by_word[k]}
            matching = ids if matching is None else matching & ids
            if not matching:
                return None
        best: Desc | None = None
        for i in sorted(matching or ()):
            p = self.people[i]
            if earlier and p.head >= position:
                continue
            if not earlier and p.head <= position:
                continue
            if best is None or (earlier and p.head > best.head) or (not earlier and p.head < best.head):
                best = p
        if best is None:
            return None
        root = best.root or best.confidence
        return replace(best, confidence=root * (0.95 if earlier else 0.8), root=root, start=0, end=0)

    def _kb_person(self, sig: tuple[str, ...], evidence: Desc | None, from_ner: bool = True) -> Desc | None:
        """KB people by surname, exactly or fuzzily, whose given names fit and whose country fits the text."""
        people = self.kb.people()
        surname = sig[-1]
        given = sig[:-1]
        scored: list[tuple[float, Any]] = []
        for p in people.by_surname.get(surname, []):
            scored.append((100.0, p))
        if len(surname) >= 5:
            from rapidfuzz import fuzz, process

            choices = people.by_initial.get(surname[0], [])
            for other, score, _ in process.extract(surname, choices, scorer=fuzz.ratio, score_cutoff=85, limit=20):
                if other != surname and abs(len(other) - len(surname)) <= 2:
                    scored += [(score, p) for p in people.by_surname.get(other, [])]
        candidates = []
        for score, person in scored:
            if given:
                # given names match the known name's other words ("David Davis" is not "Eudine Job Davis", though
                # "david" is a letter off "davis")
                known = person.words[:-1] if len(person.words) > 1 else person.words
                if not self._compatible(given, known):
                    continue
                g = min((max(_fuzzy(w, k) for k in known) for w in given if len(w) > 1), default=100.0)
                score = min(score, g)
            choice = self.kb.choose(person.entries, self.day)
            if choice is None or choice.code is None:
                continue
            if evidence is not None and evidence.country and choice.country and choice.country != evidence.country:
                continue
            active = any(e.dated and e.valid_on(self.day) for e in person.entries) if self.day else False
            candidates.append((score, active, person, choice))
        if not candidates:
            return None
        weak = False
        if not given and (evidence is None or evidence.country is None):
            # a bare surname (perhaps with a title): the one person holding an office on the day, or else the
            # only person of that name the KB knows (a rare surname the tagger calls a person)
            # (spelt exactly: a bare word a letter off a minister's surname is as likely a place, "Douma")
            actives = [c for c in candidates if c[1] and c[0] >= 100]
            if len({c[2].name for c in actives}) == 1:
                candidates = actives
            elif actives and len({c[3].country for c in actives}) == 1 and self.kb.is_state(actives[0][3].country):
                # "Aliyev", "Museveni": several office holders of one state share the surname; which of them
                # the text means is open, whose actor they are is not
                common = os.path.commonprefix([c[3].code for c in actives])
                code = common[:len(common) // 3 * 3]
                return Desc(code, actives[0][3].country, self.kb.sector_of_code(code), "person", None, "kb",
                            SHARED_SURNAME_CONFIDENCE, sig, dated=True, roles=True)
            else:
                exact = [c for c in candidates if c[0] >= 100]
                if not (from_ner and len(surname) >= 5 and len({c[2].name for c in exact}) == 1 and not actives) or \
                        (self.day and all(e.dated for c in exact for e in c[2].entries)):
                    # in a dated article a bare surname is not someone the KB knows only by offices held in other
                    # years ("Holmes, a British volunteer" is not a Zambian minister of 2008); a former leader the
                    # KB keeps an undated entry for ("Blair") still is
                    return None
                candidates, weak = exact, True
        candidates.sort(key=lambda c: (-c[0], not c[1]))
        score, active, person, choice = candidates[0]
        rivals = {c[2].name for c in candidates if c[0] >= score - 2 and c[1] == active}
        if len(rivals) > 1:
            return None
        exact = score >= 100
        resolution = RESOLUTION_OF_ORIGIN.get(choice.entry.origin, "kb") if exact else "fuzzy"
        conf = (0.85 if given else 0.7) if exact else 0.9 * score / 100.0
        conf *= 0.8 if weak else 1.0
        return Desc(choice.code, choice.country, choice.sector, "person", person.name, resolution,
                    conf * (1.0 if active or not self.day else 0.8), person.words, dated=choice.bounded,
                    roles=any(e.dated for e in person.entries))

    def _registry_person(self, words: tuple[str, ...], sig: tuple[str, ...]) -> Desc | None:
        reg = self.registry
        if reg is None:
            return None
        entries = reg.by_name(" ".join(words))
        actor = None
        if not entries:
            actor = reg.unique_surname(sig[-1])
            if actor is None:
                return None
            if len(sig) > 1 and not self._compatible(sig[:-1], _words(actor.name)):
                return None
            entries = [e for e in actor.entries()]
        choice = self.kb.choose(entries, self.day)
        if choice is None or choice.code is None:
            return None
        e = choice.entry
        resolution = "user" if e.origin == "user" else "registry"
        return Desc(choice.code, choice.country, choice.sector, "person", e.name, resolution,
                    min(choice.confidence, 0.8) if resolution == "registry" else 1.0, _words(e.name or ""))

    def _name_desc(self, name: NameHit, parent: NP) -> Desc | None:
        """A name used as a modifier ("Bush officials", "the Crocker visit")."""
        if name.start in self._names_resolved:
            return self._names_resolved[name.start]
        np = NP(_root(self.doc, name.start, name.end))
        np.name = name
        np.start = name.start
        words = _words(self.doc[name.start:name.end].text)
        known = self._resolve_name(words, np, None, name.from_ner)
        if known is not None:
            known = self._span(np, replace(known, kind="person"))
            known.start, known.end = name.start, name.end
            if known.code is not None:
                self.people.append(known)
        self._names_resolved[name.start] = known
        return known

    def _resolve_pending(self) -> None:
        """Names nothing before them explained: a later full mention may (headline "Crocker meets Kazemi")."""
        for np in self.pending:
            if self.memo.get(np.head.i):
                continue
            name = np.name
            if name is None:
                continue
            sig = _significant(_words(self.doc[name.start:name.end].text))
            if not sig:
                continue
            found = self._chain(sig, np.head.i, earlier=False)
            if found is not None:
                self.memo[np.head.i] = [self._span(np, found)]

    # -- coreference -------------------------------------------------------------------------------
    def _pronoun(self, np: NP) -> list[Desc]:
        tok = np.head
        sent = self.sent_of[tok.i]
        recent = self.people[-200:]  # people are found roughly in text order; a pronoun looks two sentences back
        candidates = [p for p in recent if p.head < tok.i and sent - self.sent_of.get(p.head, -99) <= 2
                      and p.code and not p.code.startswith("---")]
        if not candidates:
            return []
        speaker = _speaker(tok)
        if speaker is not None and speaker.pos_ in NOMINAL:
            # "The Tennessee Republican clashed with Trump but says he still talks to ...": the one who says it,
            # not another person the sentence names. A name the KB does not know leaves the pronoun open; a
            # description ("the president told his generals he wanted ...") points back to an earlier sentence
            said = [p for p in candidates if p.start <= speaker.i < max(p.end, p.start + 1) or p.head == speaker.i]
            if said:
                candidates = said
            elif speaker.ent_type_ in {"PERSON", "ORG"}:
                return []
            else:
                candidates = [p for p in candidates if self.sent_of.get(p.head) != sent]
                if not candidates:
                    return []
        same = [p for p in candidates if self.sent_of.get(p.head) == sent]
        pool = same or [p for p in candidates if self.sent_of.get(p.head) == max(self.sent_of.get(q.head, -1)
                                                                                 for q in candidates)]
        subjects = [p for p in pool if self.doc[p.head].dep_ in SUBJECT_DEPS]
        best = max(subjects or pool, key=lambda p: p.head)
        kind = "pronoun" if tok.lower_ in ("his", "her") and tok.tag_ == "PRP$" else "person"
        root = best.root or best.confidence
        return [self._span(np, replace(best, kind=kind, resolution="coreference", confidence=0.6 * root, root=root,
                                       start=tok.i, end=tok.i + 1))]

    def _last_hit(self, tok: "Token", accept: "Callable[[ActorHit], bool]") -> ActorHit | None:
        """The last actor the text named before ``tok``, within three sentences, that ``accept`` takes."""
        sent = self.sent_of[tok.i]
        best: ActorHit | None = None
        for hit in self.cands.actors:
            if hit.end > tok.i:
                break
            if sent - self.sent_of.get(hit.start, -99) <= 3 and accept(hit):
                best = hit
        return best

    def _the_country(self, np: NP) -> list[Desc]:
        """ "the country" / "the country's": the most recently named country, within three sentences."""
        best = self._last_hit(np.head, lambda hit: hit.kind in COUNTRY_KINDS and (
            hit.kind == "dictionary" or self.kb.is_state(hit.entries[0].country)))
        if best is None:
            return []
        out = []
        for d in self._choice_desc(best):
            if d.country and d.country not in TRANSNATIONAL:
                code = base_code(d.code) if d.kind != "dictionary" else d.code
                out.append(self._span(np, Desc(code, d.country, None, "country", None, "coreference", 0.6)))
        return out[:1]

    def _the_half(self, np: NP) -> list[Desc]:
        """ "the North", "the South's": one half of a divided country named within three sentences (Korea)."""
        half = HALVES[np.head.text]
        best = self._last_hit(np.head, lambda hit: hit.kind in COUNTRY_KINDS and any(
            e.country in half for e in hit.entries))
        if best is None:
            return []
        country = next(c for c in half if c in {e.country for e in best.entries})
        code = half[country]
        return [self._span(np, Desc(code, code, None, "country", None, "coreference", 0.6))]

    def _the_group(self, np: NP) -> list[Desc]:
        """ "the group" / "the group's": the armed group, party or organisation named last, within three sentences
        ("... talks with the ELN after the group attacked a base")."""
        best = self._last_hit(np.head, lambda hit: hit.kind in GROUP_KINDS)
        if best is None:
            return []
        return [self._span(np, replace(d, resolution="coreference", confidence=min(d.confidence, 0.6), start=0, end=0))
                for d in self._choice_desc(best) if d.code][:1]

    # -- corrections and output --------------------------------------------------------------------
    def _apply_corrections(self, descs: list[Desc]) -> None:
        reg = self.registry
        if reg is None:
            return
        corrections = reg.corrections()
        if not corrections:
            return
        for d in descs:
            text = normalise_phrase(self.doc[d.start:d.end].text) if d.end else ""
            actor = None
            for key in (normalise_phrase(d.name) if d.name else None, text):
                if key and key in corrections:
                    actor = corrections[key]
                    break
            if actor is None and d.kind == "person" and d.words:
                surname = d.words[-1]
                if surname in corrections and corrections[surname].kind in (None, "person"):
                    actor = corrections[surname]
            if actor is None:
                continue
            choice = self.kb.choose([e for e in actor.entries()], self.day)
            if choice is None or not choice.code:
                continue
            d.code, d.country, d.sector = choice.code, choice.country, choice.sector
            d.name, d.resolution, d.confidence = actor.name, "user", 1.0

    def _mention(self, d: Desc) -> Mention:
        doc = self.doc
        start_tok, end_tok = d.start, max(d.end, d.start + 1)
        while start_tok < end_tok - 1 and doc[start_tok].dep_ in ("det", "punct") and start_tok != d.head:
            start_tok += 1
        while end_tok - 1 > max(start_tok, d.head) and doc[end_tok - 1].pos_ in ("ADP", "PUNCT", "DET", "CCONJ"):
            end_tok -= 1  # "ambassador to" (an agent phrase ending in its preposition)
        start = doc[start_tok].idx
        last = doc[end_tok - 1]
        end = last.idx + len(last)
        actor = Actor(text=self.text[start:end], code=d.code, country=d.country, sector=d.sector, name=d.name,
                      resolution=d.resolution, confidence=round(max(0.0, min(1.0, d.confidence)), 3),
                      start=start, end=end)
        return Mention(self.sent_of.get(d.head, 0), start, end, actor, head=d.head, token_start=start_tok,
                       token_end=end_tok, place=d.kind in SUBSTATE_KINDS | {"capital"})


def _at_venue(pobj: "Token") -> bool:
    """Is the prepositional object's phrase about where talks, a meeting or a signing are held?"""
    return pobj.head.head.lemma_.lower() in VENUE_WORDS


def _counted(head: "Token") -> "Token":
    """The phrase a counted noun heads: "people" in "hundreds of thousands of people" stands where "hundreds"
    does (the subject)."""
    top = head
    while top.dep_ == "pobj" and top.head.lower_ == "of" and (
            top.head.head.like_num or top.head.head.tag_ in {"CD", "NNS"} and top.head.head.lower_.endswith("s")
            and top.head.head.lower_ in CROWD_WORDS):
        top = top.head.head
    return top


def _phrase_end(tok: "Token") -> int:
    """The last token of a phrase without the clauses hung on it: "from two aid groups" in "Doctors from two aid
    groups donated ... to X", which the small pipeline may parse as one noun phrase."""
    end = tok.i
    for child in tok.children:
        if child.i > tok.i and child.dep_ not in {"acl", "relcl", "advcl", "appos", "punct", "cc", "conj"}:
            end = max(end, _phrase_end(child))
    return end
