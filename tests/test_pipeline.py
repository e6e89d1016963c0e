"""The pipeline stage contract: documents in, coded documents out, pure and deterministic."""

from accord.pipeline import code_documents
from accord.records import Document


def test_plain_cases_and_determinism(resources):
    docs = [
        Document("t1", "Iran and Iraq signed a friendship treaty.", published="2007-05-31"),
        Document("t2", "The United States imposed sanctions on Iran.", published="2007-06-01"),
    ]
    first = list(code_documents(docs, resources, batch_size=1))
    second = list(code_documents(docs, resources))
    triples = lambda cds: sorted(  # noqa: E731
        (e.doc_id, e.source.code, e.target.code if e.target else None, e.cameo_code, e.plover_type)
        for cd in cds for e in cd.events)
    assert triples(first) == triples(second)
    assert ("t1", "IRN", "IRQ", "057", "AGREE") in triples(first)
    assert ("t1", "IRQ", "IRN", "057", "AGREE") in triples(first)
    assert ("t2", "USA", "IRN", "163", "SANCTION") in triples(first)
    assert [e.event_id for cd in first for e in cd.events] == [e.event_id for cd in second for e in cd.events]
    for cd in first:
        assert cd.sentences and cd.sentences[0].index == 0
        for e in cd.events:
            assert e.date == cd.document.published and e.date_precision == "publication"
            assert e.canonical_id == e.event_id and e.factuality == "asserted"


def test_empty_batch(resources):
    assert list(code_documents([], resources)) == []
