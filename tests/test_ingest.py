"""Readers: formats, metadata from headers, boilerplate, and bad input that never stops a batch."""

from __future__ import annotations

import gzip
import io
import json

from accord.ingest import read_inputs
from accord.ingest import readers
from accord.records import Document, InputError

ARTICLE = """The Harbour Courier

the paper of the northern coast

Fishing fleets return to port

Anna Berg
12 June 2010

The fishing fleet of the northern provinces returned to port on Saturday after a storm forced the coast guard to close the main channel for three days.

Harbour officials said the channel would reopen once divers had checked the breakwater, and that no vessels were lost in the storm.

To contact the Courier, write to the newsroom.
"""


def docs_and_errors(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def test_plain_text_header_and_footer(tmp_path):
    path = tmp_path / "courier-0612.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,), errors = docs_and_errors(read_inputs([path]))
    assert not errors
    assert doc.id == "courier-0612"
    assert doc.title == "Fishing fleets return to port"
    assert doc.byline == "Anna Berg"
    assert doc.published == "2010-06-12" and doc.published_from == "header"
    assert doc.outlet == "The Harbour Courier"
    assert doc.text.startswith("The fishing fleet of the northern provinces")
    assert "To contact" not in doc.text
    assert "the paper of the northern coast" not in doc.text


def test_paragraph_broken_mid_sentence_is_mended(tmp_path):
    text = ("The two delegations met for four hours and the long discussion between\n\n"
            "the envoys produced very little of substance for either side in the end.\n")
    path = tmp_path / "mend.txt"
    path.write_text(text, encoding="utf-8")
    (doc,), _ = docs_and_errors(read_inputs([path]))
    assert "discussion between the envoys" in doc.text


def test_short_lead_paragraph_is_kept(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("Ministers met in Oslo on Friday.\n\nThey agreed to meet again.\n", encoding="utf-8")
    (doc,), _ = docs_and_errors(read_inputs([path]))
    assert doc.text.startswith("Ministers met in Oslo")


def test_dateline_gives_the_date(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("OSLO, March 4, 2011 - Norway recalled its ambassador on Friday, officials said in a statement.\n")
    (doc,), _ = docs_and_errors(read_inputs([path]))
    assert doc.published == "2011-03-04" and doc.published_from == "dateline"


def test_jsonl_csv_gz_and_directories(tmp_path):
    sub = tmp_path / "batch" / "nested"
    sub.mkdir(parents=True)
    records = [
        {"id": "a1", "text": "Chile and Peru held talks.", "published": "2011-03-01", "outlet": "Wire", "url": "u"},
        {"text": "Text without an id still gets a stable one."},
    ]
    (sub / "docs.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    (tmp_path / "batch" / "sheet.csv").write_text('id,text,published\nc1,"Oslo, a city, hosted talks.",4 March 2011\n')
    with gzip.open(tmp_path / "batch" / "zipped.txt.gz", "wt") as fh:
        fh.write("Ministers from both countries met on Friday.\n")
    docs, errors = docs_and_errors(read_inputs([tmp_path / "batch"]))
    assert not errors
    by_id = {d.id: d for d in docs}
    assert by_id["a1"].outlet == "Wire" and by_id["a1"].published == "2011-03-01"
    assert by_id["a1"].published_from == "metadata"
    assert by_id["c1"].text == "Oslo, a city, hosted talks." and by_id["c1"].published == "2011-03-04"
    assert "zipped" in by_id
    generated = [d for d in docs if d.id.startswith("doc-")]
    assert len(generated) == 1
    again, _ = docs_and_errors(read_inputs([sub / "docs.jsonl"]))
    assert generated[0].id in {d.id for d in again}, "ids without an id field are stable across runs"


def test_stdin_jsonl():
    stream = io.BytesIO(b'{"id": "s1", "text": "Japan and South Korea held talks."}\nnot json\n')
    docs, errors = docs_and_errors(read_inputs(["-"], stdin=stream))
    assert [d.id for d in docs] == ["s1"]
    assert errors[0].input == "-" and errors[0].line == 2


def test_html_through_trafilatura(tmp_path):
    body = " ".join(["The foreign ministers of the two countries met in the capital on Tuesday to discuss trade."] * 4)
    html = f"""<html><head><title>Ministers meet | The Daily</title>
    <meta property="og:site_name" content="The Daily"><meta name="date" content="2013-05-02"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Ministers meet</h1><p>{body}</p>
    <p>{body}</p></article><footer>Copyright The Daily</footer></body></html>"""
    (tmp_path / "page.html").write_text(html)
    (doc,), errors = docs_and_errors(read_inputs([tmp_path / "page.html"]))
    assert not errors
    assert doc.id == "page"
    assert "foreign ministers" in doc.text and "Home | World" not in doc.text
    assert doc.published == "2013-05-02"


def test_bad_inputs_are_named_and_the_rest_goes_on(tmp_path, monkeypatch):
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x00\x01\x02" * 200)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 society met in Paris.".encode("latin-1"))
    (tmp_path / "big.txt").write_text("word " * 300)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "docs.jsonl").write_text(
        '{"id": "good1", "text": "Peru and Chile met."}\n{"id": "broken", "text": \n[1, 2]\n'
        '{"id": "notext"}\n{"id": "good2", "text": "Norway expelled two diplomats."}\n'
    )
    (tmp_path / "rows.csv").write_text("id,body\nx,y\n")
    monkeypatch.setattr(readers, "MAX_DOCUMENT_BYTES", 1000)
    docs, errors = docs_and_errors(read_inputs([tmp_path, tmp_path / "missing.txt"]))
    assert sorted(d.id for d in docs) == ["good1", "good2"]
    kinds = {(e.input.rsplit("/", 1)[-1], e.line): e.kind for e in errors}
    assert kinds[("binary.txt", None)] == "binary"
    assert kinds[("empty.txt", None)] == "empty"
    assert kinds[("latin.txt", None)] == "encoding"
    assert kinds[("big.txt", None)] == "oversized"
    assert kinds[("notes.pdf", None)] == "unsupported"
    assert kinds[("docs.jsonl", 2)] == "malformed"
    assert kinds[("docs.jsonl", 3)] == "malformed"
    assert kinds[("docs.jsonl", 4)] == "malformed"
    assert kinds[("rows.csv", None)] == "malformed"
    assert kinds[("missing.txt", None)] == "missing"
    for e in errors:
        line = e.one_line()
        assert "\n" not in line and e.input.rsplit("/", 1)[-1] in line


def test_encoding_option_reads_other_encodings(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 owners in Paris protested on Monday.".encode("latin-1"))
    (doc,), errors = docs_and_errors(read_inputs([tmp_path / "latin.txt"], encoding="latin-1"))
    assert not errors and doc.text.startswith("Café")


def test_field_names_of_other_corpora_can_be_mapped(tmp_path):
    (tmp_path / "other.jsonl").write_text(
        '{"doc_id": "x1", "doc_text": "Chile and Peru held talks.", "date": "2011-03-01"}\n')
    (tmp_path / "sheet.csv").write_text('ident,body\nc1,"Oslo hosted talks."\n')
    docs, errors = docs_and_errors(read_inputs([tmp_path], fields={"text": "doc_text", "id": "doc_id"}))
    assert [d.id for d in docs] == ["x1"] and docs[0].text == "Chile and Peru held talks."
    assert [e.message for e in errors] == ["no 'doc_text' column in the CSV header"]
    docs, _ = docs_and_errors(read_inputs([tmp_path / "sheet.csv"], fields={"text": "body", "id": "ident"}))
    assert [(d.id, d.text) for d in docs] == [("c1", "Oslo hosted talks.")]
