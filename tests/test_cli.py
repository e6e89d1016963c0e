"""End to end through the command line, on articles the tests write."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from accord.cli import main

ARTICLE_1 = """The Coastal Record

Neighbours sign a treaty

Tomas Vik
14 February 2012

Iran and Iraq signed a friendship treaty in Baghdad on Tuesday, officials from both governments said.

The United States imposed sanctions on Iran on Wednesday.

Copyright 2012 The Coastal Record. All rights reserved.
"""

CONTRACT_FIELDS = ["event_id", "doc_id", "sentence", "sentence_index", "source", "target", "cameo", "plover",
                   "factuality", "claimed_by", "date", "date_precision", "date_text", "location", "canonical_id"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    (root / "record-0214.txt").write_text(ARTICLE_1, encoding="utf-8")
    (root / "wire.jsonl").write_text(json.dumps({
        "id": "wire-1", "published": "2012-05-02", "outlet": "Wire",
        "text": "Japan and South Korea held talks in Tokyo on Tuesday."}) + "\n")
    return root


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result


def events(db, *extra):
    result = run("export", "--db", str(db), "--what", "events", "--format", "jsonl", *extra)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_code_export_and_idempotency(corpus, tmp_path):
    db = tmp_path / "c.duckdb"
    result = run("code", str(corpus), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "2 documents coded" in result.stderr
    evs = events(db)
    assert evs, "the treaty and the sanctions are coded"
    for e in evs:
        assert all(k in e for k in CONTRACT_FIELDS)
        assert isinstance(e["cameo"]["code"], str) and e["canonical_id"] == e["event_id"]
        assert e["date_precision"] == "publication"
    treaty = {(e["source"]["code"], e["target"]["code"]) for e in evs if e["cameo"]["code"] == "057"}
    assert treaty == {("IRN", "IRQ"), ("IRQ", "IRN")}
    sanction = [e for e in evs if e["plover"]["type"] == "SANCTION"]
    assert [(e["source"]["country"], e["target"]["country"], e["cameo"]["code"]) for e in sanction] == [
        ("USA", "IRN", "163")]
    assert sanction[0]["date"] == "2012-02-14" and sanction[0]["doc_id"] == "record-0214"

    docs_before = run("export", "--db", str(db), "--what", "documents").stdout
    again = run("code", str(corpus), "--db", str(db))
    assert again.exit_code == 0
    assert "0 documents coded (2 already stored)" in again.stderr
    assert events(db) == evs
    assert run("export", "--db", str(db), "--what", "documents").stdout == docs_before

    docs = [json.loads(x) for x in docs_before.splitlines()]
    record = next(d for d in docs if d["id"] == "record-0214")
    assert record["title"] == "Neighbours sign a treaty" and record["published"] == "2012-02-14"
    assert "Copyright" not in record["text"]


def test_same_text_from_two_places_is_one_document(corpus, tmp_path):
    db = tmp_path / "d.duckdb"
    copy = tmp_path / "mirror"
    copy.mkdir()
    (copy / "another-name.txt").write_text(ARTICLE_1, encoding="utf-8")
    assert run("code", str(corpus), "--db", str(db)).exit_code == 0
    result = run("code", str(copy), "--db", str(db))
    assert "1 already stored" in result.stderr
    docs = [json.loads(x) for x in run("export", "--db", str(db), "--what", "documents").stdout.splitlines()]
    assert len(docs) == 2
    record = next(d for d in docs if d["id"] == "record-0214")
    assert len(record["sources"]) == 2 and any("another-name.txt" in s for s in record["sources"])


def test_bad_inputs_among_good_ones(tmp_path):
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (mixed / "empty.txt").write_bytes(b"")
    (mixed / "docs.jsonl").write_text(
        '{"id":"good1","text":"Chile and Peru signed a fisheries agreement in Lima."}\n'
        '{"id":"broken", "text": \n'
        '{"id":"good2","text":"Norway expelled two Russian diplomats on Friday."}\n')
    db = tmp_path / "m.duckdb"
    result = run("code", str(mixed), "--db", str(db))
    assert result.exit_code != 0
    err_lines = [ln for ln in result.stderr.splitlines() if ln.startswith("accord: ") and "documents coded" not in ln]
    assert len(err_lines) == 3
    assert any("binary.txt" in ln for ln in err_lines) and any("empty.txt" in ln for ln in err_lines)
    assert any("docs.jsonl:2" in ln for ln in err_lines)
    docs = run("export", "--db", str(db), "--what", "documents").stdout
    assert "good1" in docs and "good2" in docs
    listed = run("errors", "--db", str(db), "--json").stdout.splitlines()
    assert len(listed) == 3 and all(json.loads(x)["kind"] for x in listed)

    # A second, clean run keeps what was stored.
    good = tmp_path / "more.jsonl"
    good.write_text('{"id":"good3","text":"Peru recalled its ambassador."}\n')
    assert run("code", str(good), "--db", str(db)).exit_code == 0
    docs = run("export", "--db", str(db), "--what", "documents").stdout
    assert all(x in docs for x in ("good1", "good2", "good3"))
    assert run("errors", "--db", str(db), "--last").stdout.strip() == ""


def test_stdin_and_summary(tmp_path):
    db = tmp_path / "in.duckdb"
    line = '{"id":"stdin1","text":"Japan and South Korea held talks in Tokyo on Tuesday.","published":"2012-05-02"}\n'
    result = run("code", "-", "--db", str(db), input=line)
    assert result.exit_code == 0
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("accord: 1 documents coded") and "sentences" in summary and "errors" in summary
    assert "stdin1" in run("export", "--db", str(db), "--what", "documents").stdout


def test_export_formats_and_filters(corpus, tmp_path):
    db = tmp_path / "f.duckdb"
    run("code", str(corpus), "--db", str(db))
    csv_out = run("export", "--db", str(db), "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("event_id,doc_id") and "cameo.code" in csv_out[0]
    assert len(csv_out) - 1 == len(events(db))
    out = tmp_path / "ev.parquet"
    assert run("export", "--db", str(db), "--format", "parquet", "-o", str(out)).exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows == len(events(db)) and "source.code" in table.column_names
    assert run("export", "--db", str(db), "--format", "parquet").exit_code != 0
    assert {e["plover"]["type"] for e in events(db, "--type", "SANCTION")} == {"SANCTION"}
    assert all("USA" in (e["source"]["code"], e["target"]["code"]) for e in events(db, "--actor", "USA"))
    assert events(db, "--since", "2013") == []
    assert {e["doc_id"] for e in events(db, "--doc", "record-0214")} == {"record-0214"}


def test_stats_and_missing_store(corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    run("code", str(corpus), "--db", str(db))
    stats = json.loads(run("stats", "--db", str(db), "--json").stdout)
    assert stats["documents"] == 2 and stats["event_mentions"] >= 3
    assert stats["schema_version"] >= 2
    result = run("export", "--db", str(tmp_path / "nope.duckdb"))
    assert result.exit_code == 2 and "no such store" in result.stderr


def test_examples_command_points_at_shipped_articles():
    result = run("examples")
    from pathlib import Path

    folder = Path(result.stdout.strip())
    assert folder.is_dir() and any(folder.iterdir())


# -- speed options, long texts, progress -----------------------------------------------------------------
def test_parsing_workers_code_the_same_events(corpus, tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    assert run("code", str(corpus), "--db", str(one), "--workers", "1").exit_code == 0
    result = run("code", str(corpus), "--db", str(two), "--workers", "2")
    assert result.exit_code == 0 and "2 documents coded" in result.stderr
    assert events(two) == events(one) and events(one)
    assert run("code", str(corpus), "--db", str(two), "--workers", "0").exit_code == 2


def test_a_text_longer_than_the_parser_takes_at_once_is_coded_whole(tmp_path):
    from accord.nlp import LONG_TEXT_CHARS

    towns = ["Lima", "Quito", "Bogota", "La Paz", "Santiago", "Caracas"]
    paragraphs = [f"Section {i}. Fisheries officials from coastal towns met in {towns[i % 6]} on day {i} of the "
                  f"season and counted {i * 7} boats.\n\n" for i in range(700)]
    closing = "Iran and Iraq signed a friendship treaty in Baghdad on Tuesday."
    text = "".join(paragraphs) + closing
    assert len(text) > LONG_TEXT_CHARS
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps({"id": "long-1", "published": "2012-02-14", "text": text}) + "\n")
    db = tmp_path / "long.duckdb"
    assert run("code", str(source), "--db", str(db)).exit_code == 0
    (doc,) = [json.loads(x) for x in run("export", "--db", str(db), "--what", "documents").stdout.splitlines()]
    assert doc["text"] == text, "nothing dropped or changed"
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    n, last_end, last_text = con.execute("SELECT count(*), max(end_char), arg_max(text, sentence_index) "
                                         "FROM sentences WHERE doc_id = 'long-1'").fetchone()
    con.close()
    assert n >= 1400 and last_end == len(text) and last_text == closing, "sentences run to the end, in order"
    treaty = [e for e in events(db) if e["sentence"] == closing]
    assert {(e["source"]["code"], e["target"]["code"]) for e in treaty} >= {("IRN", "IRQ")}


def test_progress_bar_only_when_asked_or_on_a_terminal(corpus, tmp_path):
    quiet = run("code", str(corpus), "--db", str(tmp_path / "a.duckdb"))
    assert quiet.stderr.strip().splitlines() == [quiet.stderr.strip().splitlines()[-1]], "no bar off a terminal"
    shown = run("code", str(corpus), "--db", str(tmp_path / "b.duckdb"), "--progress")
    assert "docs/s" in shown.stderr and "coding" in shown.stderr
    assert shown.stderr.strip().splitlines()[-1].startswith("accord: 2 documents coded")


def test_code_maps_field_names(tmp_path):
    src = tmp_path / "corpus.jsonl"
    src.write_text('{"doc_id": "m1", "doc_text": "Norway expelled two Russian diplomats on Friday."}\n')
    db = tmp_path / "m.duckdb"
    assert run("code", str(src), "--db", str(db), "--field", "text=doc_text", "--field", "id=doc_id").exit_code == 0
    assert "m1" in run("export", "--db", str(db), "--what", "documents").stdout
    bad = run("code", str(src), "--db", str(db), "--field", "body=doc_text")
    assert bad.exit_code == 2 and "--field" in bad.stderr
