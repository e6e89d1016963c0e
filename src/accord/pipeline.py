"""The coding pipeline: documents in, coded documents out. Pure: no database, no printing.

``Resources`` holds what is loaded once per process (spaCy pipeline, knowledge base, lexicon,
ontology); ``code_documents`` streams batches through the stages. Because it is a pure function of
its inputs and resources it runs the same in a test, a CLI run, a worker process or a Dask partition.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .actors import KnowledgeBase, MentionFinder
from .events import EventCoder, Lexicon
from .nlp import BATCH_SIZE, load_pipeline, parse
from .ontology import Ontology
from .records import CodedDocument, Document, Sentence


@dataclass
class Resources:
    nlp: Any
    kb: KnowledgeBase
    lexicon: Lexicon
    ontology: Ontology
    finder: MentionFinder = field(init=False)
    coder: EventCoder = field(init=False)

    def __post_init__(self) -> None:
        self.finder = MentionFinder(self.nlp, self.kb)
        self.coder = EventCoder(self.lexicon, self.ontology, regions=frozenset(self.kb.geographic),
                                nonstates=frozenset(self.kb.regions))

    @classmethod
    def load(cls, model: str | None = None, kb: KnowledgeBase | None = None,
             lexicon: Lexicon | None = None, store: Any = None) -> "Resources":
        """Load everything once per process. With a ``store``, its imported dictionaries, lexicon
        additions and actor registry are layered over (or, when imported with ``--replace``, instead of)
        the shipped data."""
        return cls(
            nlp=load_pipeline(model),
            kb=kb or KnowledgeBase.load(store=store),
            lexicon=lexicon or Lexicon.load(store=store),
            ontology=Ontology(),
        )


def code_documents(docs: Iterable[Document], resources: Resources,
                   batch_size: int = BATCH_SIZE, workers: int = 1) -> Iterator[CodedDocument]:
    """Parse, find actors and code events for each document, in order.

    One ``nlp.pipe`` stream over all the documents (``workers`` > 1: that many parsing processes); the
    documents wait in order beside it, so only texts travel to the parser and each parse meets its own
    document again. Actors and events are found here, in this process, one document at a time.
    """
    waiting: deque[Document] = deque()

    def texts() -> Iterator[str]:
        for document in docs:
            waiting.append(document)
            yield document.text

    for parsed in parse(resources.nlp, texts(), batch_size=batch_size, workers=workers):
        yield code_parsed(waiting.popleft(), parsed, resources)


def code_parsed(document: Document, parsed: Any, resources: Resources) -> CodedDocument:
    """Run the stages after parsing on one document."""
    sentences = [
        Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text.strip())
        for i, s in enumerate(parsed.sents)
    ]
    mentions = resources.finder(parsed, document.published)
    events = resources.coder(parsed, mentions, document)
    return CodedDocument(document=document, sentences=sentences, mentions=mentions, events=events)
