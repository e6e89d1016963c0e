"""The event coder: predicates with actor arguments → coded ``Event`` records.

Contract: a parsed spaCy ``Doc`` and the document's actor mentions in; events out. Source and target
come from the dependency parse (subject; direct object or prepositional object), never from word
order alone, and an event without a source is never emitted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..ontology import Ontology
from ..records import Actor, Document, Event, Mention
from .factuality import assess
from .lexicon import Lexicon, VerbPattern

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJ = {"nsubj", "nsubjpass"}
_OBJ = {"dobj", "obj"}


def _conjuncts(token: "Token") -> list["Token"]:
    return [token, *[t for t in token.conjuncts if t.i != token.i]]


def _subject(verb: "Token") -> "Token | None":
    """The verb's subject, inherited through conjoined and controlled verbs ("agreed to sign")."""
    probe = verb
    for _ in range(4):
        for child in probe.children:
            if child.dep_ == "nsubj":
                return child
        if probe.dep_ in {"conj", "xcomp", "advcl"} and probe.head is not probe:
            probe = probe.head
        else:
            break
    return None


def _passive_agent(verb: "Token") -> "Token | None":
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


class EventCoder:
    def __init__(self, lexicon: Lexicon, ontology: Ontology) -> None:
        self.lexicon = lexicon
        self.ontology = ontology

    def _actors_at(self, token: "Token | None", by_head: dict[int, Mention]) -> list[Mention]:
        """Mentions headed by ``token`` and its conjuncts ("Iran and Iraq")."""
        if token is None:
            return []
        return [by_head[t.i] for t in _conjuncts(token) if t.i in by_head]

    def _match(self, verb: "Token", obj: "Token | None") -> VerbPattern | None:
        for pattern in self.lexicon.verbs.get(verb.lemma_.lower(), []):
            if pattern.objects and (obj is None or obj.lemma_.lower() not in pattern.objects):
                continue
            if pattern.preps and self._prep_object(verb, obj, pattern.preps) is None and pattern.objects:
                # the object fits but no target phrase: still an event, the target may be missing
                return pattern
            return pattern
        return None

    @staticmethod
    def _prep_object(verb: "Token", obj: "Token | None", preps: frozenset[str],
                     by_head: dict[int, Mention] | None = None) -> "Token | None":
        """The object of a target preposition, on the object noun first ("sanctions on Iran"), then the verb;
        an actor beats a non-actor ("on Iran" over "on Wednesday")."""
        found = []
        for head in filter(None, (obj, verb)):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    found += [g for g in child.children if g.dep_ == "pobj"]
        if by_head is not None:
            for tok in found:
                if any(t.i in by_head for t in _conjuncts(tok)):
                    return tok
        return found[0] if found else None

    def __call__(self, doc: "Doc", mentions: list[Mention], document: Document) -> list[Event]:
        by_head = {m.head: m for m in mentions if m.head is not None}
        sentences = list(doc.sents)
        events: list[Event] = []
        for s_index, sent in enumerate(sentences):
            for verb in sent:
                if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in self.lexicon.verbs:
                    continue
                obj = next((c for c in verb.children if c.dep_ in _OBJ), None)
                pattern = self._match(verb, obj)
                if pattern is None:
                    continue
                passive = any(c.dep_ == "nsubjpass" for c in verb.children)
                if passive:
                    sources = self._actors_at(_passive_agent(verb), by_head)
                    target_tok = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                else:
                    sources = self._actors_at(_subject(verb), by_head)
                    target_tok = (
                        self._prep_object(verb, obj, pattern.preps, by_head) if pattern.preps else obj
                    )
                targets = self._actors_at(target_tok, by_head)
                factuality, claimer = assess(verb, by_head)
                claimed_by = self._actors_at(claimer, by_head)
                events.extend(self._emit(document, s_index, sent.text.strip(), verb, pattern.cameo, pattern.id,
                                         sources, targets, factuality,
                                         claimed_by[0].actor if claimed_by else None))
        return events

    def _emit(self, document: Document, s_index: int, sentence: str, trigger: "Token", cameo: str, rule: str,
              sources: list[Mention], targets: list[Mention], factuality: str = "asserted",
              claimed_by: Actor | None = None) -> list[Event]:
        if not sources:
            return []
        symmetric = self.lexicon.is_symmetric(cameo)
        pairs: list[tuple[Actor, Actor | None]] = []
        if targets:
            for s in sources:
                for t in targets:
                    if s.actor.code != t.actor.code:
                        pairs.append((s.actor, t.actor))
                        if symmetric:
                            pairs.append((t.actor, s.actor))
        elif len(sources) > 1:
            # "Iran and Iraq signed a treaty": the compound subject acts on itself, each with each.
            for s in sources:
                for t in sources:
                    if s is not t and s.actor.code != t.actor.code:
                        pairs.append((s.actor, t.actor))
        else:
            pairs.append((sources[0].actor, None))
        info = self.ontology.cameo_info(cameo)
        plover_type, plover_mode = self.ontology.plover_for(cameo)
        out = []
        seen = set()
        for source, target in pairs:
            if target is None and self.ontology.requires_recipient(plover_type):
                continue
            key = (source.start, target.start if target else None)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Event(
                    doc_id=document.id,
                    sentence_index=s_index,
                    sentence=sentence,
                    source=source,
                    target=target,
                    cameo_code=cameo,
                    cameo_root=info.root,
                    quad_class=info.quad_class,
                    goldstein=info.goldstein,
                    plover_type=plover_type,
                    plover_mode=plover_mode,
                    factuality=factuality,
                    claimed_by=claimed_by,
                    date=document.published,
                    date_precision="publication" if document.published else "unknown",
                    date_text=None,
                    trigger=trigger.text,
                    trigger_start=trigger.idx,
                    trigger_end=trigger.idx + len(trigger),
                    rule=rule,
                    confidence=0.7,
                )
            )
        return out
