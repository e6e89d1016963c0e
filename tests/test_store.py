"""The store: migrations, idempotent writes, whole-document transactions, filters."""

from __future__ import annotations

import json

import duckdb
import pytest

from accord.records import Actor, CodedDocument, Document, Event, Sentence
from accord.store import SCHEMA_VERSION, EventFilter, Store, open_store
from accord.store.schema import MIGRATIONS


def coded(doc_id: str, text: str, published: str = "2011-03-01", factuality: str = "asserted") -> CodedDocument:
    doc = Document(id=doc_id, text=text, published=published, source=f"{doc_id}.txt")
    src = Actor("Chile", "CHL", "CHL", None, start=0, end=5)
    tgt = Actor("Peru", "PER", "PER", None, start=10, end=14)
    event = Event(doc_id=doc_id, sentence_index=0, sentence=text, source=src, target=tgt, cameo_code="057",
                  cameo_root="05", quad_class=1, goldstein=8.0, plover_type="AGREE", factuality=factuality,
                  date=published, date_precision="publication", trigger="signed", trigger_start=15)
    return CodedDocument(doc, [Sentence(0, 0, len(text), text)], [], [event])


def test_new_store_is_at_the_latest_schema(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.stats()["documents"] == 0


def test_migration_from_version_1_keeps_data(tmp_path):
    path = tmp_path / "old.duckdb"
    old = Store(path, migrate=False)
    old.migrate(target=1)
    assert old.schema_version() == 1
    # Rows as accord 0.1 wrote them at schema version 1.
    record = coded("d1", "Chile and Peru signed a pact.").events[0].contract()
    old.con.execute("INSERT INTO documents (doc_id, content_hash, text, published) VALUES "
                    "('d1', 'h1', 'Chile and Peru signed a pact.', '2011-03-01')")
    old.con.execute("INSERT INTO event_mentions (event_id, doc_id, sentence_index, record, factuality, source_code) "
                    "VALUES (?, 'd1', 0, ?, 'asserted', 'CHL')", [record["event_id"], json.dumps(record)])
    old.close()
    con = duckdb.connect(str(path))
    assert "actor_aliases" not in {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    con.close()

    with open_store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == MIGRATIONS[-1][0]
        assert store.stats()["documents"] == 1
        assert len(list(store.iter_events())) == 1
        tables = {r[0] for r in store.con.execute("SHOW TABLES").fetchall()}
        assert {"actor_aliases", "dictionaries", "dictionary_entries"} <= tables
        (event,) = store.iter_events()
        assert event["source"]["code"] == "CHL"


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    with open_store(path) as store:
        store.con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(Exception, match="newer"):
        open_store(path)


def test_writing_the_same_document_twice_changes_nothing(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_batch([coded("d1", "Chile and Peru signed a pact.")])
        first = store.stats()
        store.write_batch([coded("d1", "Chile and Peru signed a pact.")])
        assert store.stats() == first


def test_duplicate_text_is_one_document_with_two_sources(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_batch([coded("d1", "Chile and Peru signed a pact.")])
        copy = Document(id="mirror", text="Chile  and Peru signed a pact.\n", source="mirror.txt")
        status, stored = store.triage(copy)
        assert (status, stored) == ("duplicate", "d1")
        assert store.add_source(stored, copy, None) is True
        assert store.add_source(stored, copy, None) is False
        (doc,) = list(store.iter_documents())
        assert doc["sources"] == ["d1.txt", "mirror.txt"]


def test_changed_text_under_the_same_id_replaces_the_old_version(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_batch([coded("d1", "Chile and Peru signed a pact.")])
        newer = Document(id="d1", text="Chile and Peru signed a new pact.")
        assert store.triage(newer)[0] == "changed"
        store.write_batch([coded("d1", "Chile and Peru signed a new pact.")])
        assert store.stats()["documents"] == 1
        (event,) = list(store.iter_events())
        assert "new pact" in event["sentence"]


def test_a_failing_batch_leaves_nothing_half_written(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_batch([coded("d0", "Bolivia and Peru held talks.")])
        good = coded("d1", "Chile and Peru signed a pact.")
        bad = coded("d2", "Norway expelled diplomats.")
        bad.sentences = [Sentence(0, 0, 5, "x"), Sentence(0, 0, 5, "x")]  # duplicate key: the insert fails
        with pytest.raises(duckdb.Error):
            store.write_batch([good, bad])
        stats = store.stats()
        assert stats["documents"] == 1 and stats["event_mentions"] == 1 and stats["sentences"] == 1


def test_event_filters(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_batch([coded("d1", "Chile and Peru signed a pact.", "2011-03-01"),
                           coded("d2", "Chile and Peru signed another pact.", "2012-07-09"),
                           coded("d3", "Chile and Peru may sign a pact.", "2012-08-01", factuality="hypothetical")])
        ids = lambda **kw: [e["doc_id"] for e in store.iter_events(EventFilter(**kw))]  # noqa: E731
        assert ids() == ["d1", "d2"], "only asserted events by default"
        assert ids(factuality=["all"]) == ["d1", "d2", "d3"]
        assert ids(since="2012") == ["d2"]
        assert ids(until="2011-12") == ["d1"]
        assert ids(doc=["d2"]) == ["d2"]
        assert ids(actor=["PER"]) == ["d1", "d2"] and ids(actor=["USA"]) == []
        assert ids(type=["AGREE"]) == ["d1", "d2"] and ids(type=["05"]) == ["d1", "d2"] and ids(type=["04"]) == []


# -- the bulk write path -------------------------------------------------------------------------------------
def with_mentions(cd: CodedDocument) -> CodedDocument:
    """The document's event actors as actor mentions too, plus a second mention at the same offset (a later
    stage's correction), which must replace the first."""
    from accord.records import Mention

    (event,) = cd.events
    first = Mention(0, 0, 5, Actor("Chile", "CHL", "CHL", None, start=0, end=5))
    corrected = Mention(0, 0, 5, Actor("Chile", "CHLGOV", "CHL", "GOV", resolution="user", start=0, end=5))
    cd.mentions = [first, Mention(0, 10, 14, event.target), corrected]
    return cd


def test_a_batch_writes_every_row_of_every_document(tmp_path):
    batch = [with_mentions(coded(f"d{i}", f"Chile and Peru signed pact number {i}.")) for i in range(5)]
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_batch(batch, "run-1")
        stats = store.stats()
        assert (stats["documents"], stats["sources"], stats["sentences"]) == (5, 5, 5)
        assert (stats["actor_mentions"], stats["event_mentions"], stats["canonical_events"]) == (10, 5, 5)
        rows = store.con.execute("SELECT code, sector, resolution FROM actor_mentions WHERE doc_id = 'd3' "
                                 "ORDER BY start_char").fetchall()
        assert rows == [("CHLGOV", "GOV", "user"), ("PER", None, "kb")]
        doc = store.con.execute("SELECT text, n_sentences, run_id, published FROM documents WHERE doc_id = 'd3'"
                                ).fetchone()
        assert doc == ("Chile and Peru signed pact number 3.", 1, "run-1", "2011-03-01")
        (event,) = store.iter_events(EventFilter(doc=["d3"]))
        assert event == batch[3].events[0].contract()


def test_the_same_id_twice_in_one_batch_keeps_the_later_version(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_batch([coded("d1", "Chile and Peru signed a pact."),
                           coded("d1", "Chile and Peru signed a new pact.")])
        assert store.stats()["documents"] == 1 and store.stats()["event_mentions"] == 1
        (event,) = store.iter_events()
        assert "new pact" in event["sentence"]


def test_a_new_version_replaces_its_own_rows_and_no_others(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_batch([coded("d1", "Chile and Peru signed a pact."), coded("d2", "Chile and Peru met.")])
        store.write_batch([coded("d1", "Chile and Peru signed a new pact."), coded("d3", "Chile and Peru talked.")])
        stats = store.stats()
        assert (stats["documents"], stats["sentences"], stats["event_mentions"], stats["canonical_events"]) == \
            (3, 3, 3, 3)
        sentences = dict(store.con.execute("SELECT doc_id, text FROM sentences").fetchall())
        assert sentences == {"d1": "Chile and Peru signed a new pact.", "d2": "Chile and Peru met.",
                             "d3": "Chile and Peru talked."}


def test_one_canonical_event_reported_by_two_documents_of_a_batch(tmp_path):
    first, second = coded("d1", "Chile and Peru signed a pact."), coded("d2", "Peru and Chile signed a pact.")
    second.events[0].canonical_id = first.events[0].canonical_id
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_batch([first, second])
        stats = store.stats()
        assert stats["event_mentions"] == 2 and stats["canonical_events"] == 1


def test_rewriting_a_batch_changes_nothing_and_a_failed_rewrite_keeps_the_old_rows(tmp_path):
    batch = [with_mentions(coded(f"d{i}", f"Chile and Peru signed pact number {i}.")) for i in range(3)]
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_batch(batch)
        before = {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                  for t in ("sentences", "actor_mentions", "event_mentions", "events")}
        store.write_batch(batch)
        assert {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in before} == before
        broken = coded("d1", "Chile and Peru signed pact number 1, revised.")
        broken.sentences = [Sentence(0, 0, 5, "x"), Sentence(0, 0, 5, "x")]
        with pytest.raises(duckdb.Error):
            store.write_batch([coded("d0", "A replacement that must not land."), broken])
        assert {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in before} == before
        assert not [name for (name,) in store.con.execute("SHOW TABLES").fetchall() if name.startswith("_accord")]
