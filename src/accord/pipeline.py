"""The coding pipeline: documents in, coded documents out. Pure: no database, no printing.

``Resources`` holds what is loaded once per process (spaCy pipeline, knowledge base, lexicon,
ontology); ``code_documents`` streams batches through the stages. Because it is a pure function of
its inputs and resources it runs the same in a test, a CLI run, a worker process or a Dask partition.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .actors import KnowledgeBase, MentionFinder
from .events import EventCoder, Lexicon
from .nlp import BATCH_SIZE, load_pipeline
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
        self.coder = EventCoder(self.lexicon, self.ontology)

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
                   batch_size: int = BATCH_SIZE) -> Iterator[CodedDocument]:
    """Parse, find actors and code events for each document, in order."""
    docs_iter = iter(docs)
    while True:
        batch = [d for _, d in zip(range(batch_size), docs_iter)]
        if not batch:
            return
        for document, parsed in zip(batch, resources.nlp.pipe((d.text for d in batch), batch_size=batch_size)):
            yield code_parsed(document, parsed, resources)


def code_parsed(document: Document, parsed: Any, resources: Resources) -> CodedDocument:
    """Run the stages after parsing on one document."""
    sentences = [
        Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text.strip())
        for i, s in enumerate(parsed.sents)
    ]
    mentions = resources.finder(parsed, document.published)
    events = resources.coder(parsed, mentions, document)
    return CodedDocument(document=document, sentences=sentences, mentions=mentions, events=events)
