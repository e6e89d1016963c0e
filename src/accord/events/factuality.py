"""Factuality and attribution of an event's trigger: asserted, negated, hypothetical, future or claimed.

Contract: ``assess(trigger, mentions_by_head)`` looks at the trigger's syntactic context only and
returns ``(factuality, claimer_token_or_None)``; the coder turns the claimer into an ``Actor``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

NEGATORS = {"not", "n't", "never", "no"}
MODALS_HYPOTHETICAL = {"would", "could", "might", "should", "may"}
MODALS_FUTURE = {"will", "shall"}
REPORTING = {"claim", "allege", "report", "accuse", "charge", "suggest", "believe", "assert"}


def _clause_chain(trigger: "Token") -> list["Token"]:
    """The trigger and the verbs it hangs from within its clause (xcomp / conj / aux chains)."""
    chain = [trigger]
    t = trigger
    while t.dep_ in {"xcomp", "conj", "acl", "relcl", "pcomp"} and t.head is not t:
        t = t.head
        chain.append(t)
    return chain


def assess(trigger: "Token", mentions_by_head: dict[int, object] | None = None) -> tuple[str, "Token | None"]:
    for verb in _clause_chain(trigger):
        children = list(verb.children)
        if any(c.dep_ == "neg" or c.lower_ in NEGATORS and c.dep_ in {"det", "neg"} for c in children):
            return "negated", None
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in children):
            return "hypothetical", None
        aux = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
        if aux & MODALS_HYPOTHETICAL:
            return "hypothetical", None
        if aux & MODALS_FUTURE:
            return "future", None
    # Reported as someone's claim: "X claimed that Y supplied ..."
    head = trigger
    for _ in range(4):
        if head.dep_ in {"ccomp", "acl"} and head.head is not head:
            reporter = head.head
            if reporter.lemma_.lower() in REPORTING or (reporter.pos_ == "NOUN" and reporter.lemma_.lower() in
                                                         {"claim", "allegation", "accusation", "report"}):
                claimer = next((c for c in reporter.children if c.dep_ == "nsubj"), None)
                if claimer is None and reporter.pos_ == "NOUN":
                    verb = reporter.head
                    claimer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                return "claimed", claimer
        if head.head is head:
            break
        head = head.head
    return "asserted", None
