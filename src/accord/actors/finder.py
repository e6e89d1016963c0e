"""Mention recognition: knowledge-base phrases in a parsed document, widened to their noun phrases.

"Iranian diplomats" is one mention (IRN + GOV); "US troops" is USAMIL. The mention's head is the
noun the phrase hangs on, which is what the event coder's syntax rules look at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Actor, Mention
from .kb import KnowledgeBase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_PHRASE_TOKENS = 8
_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}


class MentionFinder:
    """Finds actor mentions with a spaCy ``PhraseMatcher`` built from the knowledge base."""

    def __init__(self, nlp, kb: KnowledgeBase) -> None:
        from spacy.matcher import PhraseMatcher

        self.kb = kb
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        patterns = [nlp.make_doc(p) for p in kb.phrases() if len(p.split()) <= MAX_PHRASE_TOKENS]
        for i in range(0, len(patterns), 5000):
            self.matcher.add("ACTOR", patterns[i : i + 5000])

    def _spans(self, doc: "Doc") -> list["Span"]:
        from spacy.util import filter_spans

        spans = [doc[s:e] for _, s, e in self.matcher(doc)]
        return filter_spans(spans)

    def __call__(self, doc: "Doc", day: str | None = None) -> list[Mention]:
        sent_index = {sent.start: i for i, sent in enumerate(doc.sents)}
        mentions: list[Mention] = []
        for span in self._spans(doc):
            entry = self.kb.lookup(span.text, day)
            if entry is None:
                continue
            head = span.root
            sector = entry.sector
            code = entry.code
            start_tok, end_tok = span.start, span.end
            # Widen "Iranian diplomats" / "US troops": the country modifies an agent noun.
            if head.dep_ in _MODIFIER_DEPS and head.head.i >= span.end:
                noun = head.head
                agent = self.kb.agent(noun.lemma_) or self.kb.agent(noun.text)
                if agent is not None and entry.country:
                    code = entry.country + agent.code if len(entry.code) <= 3 else entry.code
                    sector = agent.sector
                    head = noun
                    end_tok = noun.i + 1
            start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1])
            actor = Actor(
                text=doc.text[start:end],
                code=code,
                country=entry.country,
                sector=sector,
                name=entry.name,
                resolution="kb",
                confidence=0.9,
                start=start,
                end=end,
            )
            sent_start = head.sent.start
            mentions.append(Mention(sent_index.get(sent_start, 0), start, end, actor, head=head.i))
        return mentions
