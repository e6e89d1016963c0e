"""The store: an embedded DuckDB file. The only code in accord that speaks SQL.

Writes arrive as finished records and go in one transaction per batch, so an interrupted run never
leaves half a document. Ids are deterministic, so writing the same records twice changes nothing.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..records import CodedDocument, Document, InputError
from .schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "accord.duckdb"

EVENT_MENTION_COLUMNS = (
    "event_id", "doc_id", "sentence_index", "sentence",
    "source_text", "source_code", "source_country", "source_sector",
    "target_text", "target_code", "target_country", "target_sector",
    "cameo_code", "cameo_root", "quad_class", "goldstein", "plover_type", "plover_mode",
    "factuality", "claimed_by_code", "date", "date_precision", "date_text", "canonical_id", "record",
    "according_to_code",
)


class StoreError(RuntimeError):
    pass


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass
class EventFilter:
    """Filters shared by export, stats and the API: all optional, all combined with AND."""

    doc: list[str] | None = None
    since: str | None = None
    until: str | None = None
    actor: list[str] | None = None  # CAMEO actor code prefix or ISO3 country, source or target
    type: list[str] | None = None  # PLOVER type or CAMEO code prefix
    factuality: list[str] | None = ("asserted",)  # type: ignore[assignment]

    def where(self, prefix: str = "") -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        p = prefix
        if self.doc:
            clauses.append(f"{p}doc_id IN ({','.join('?' * len(self.doc))})")
            params += list(self.doc)
        if self.since:
            clauses.append(f"{p}date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{p}date <= ? || '~'")
            params.append(self.until)
        if self.actor:
            ors = []
            for a in self.actor:
                a = a.upper()
                ors.append(f"({p}source_code LIKE ? OR {p}target_code LIKE ? OR {p}source_country = ? OR "
                           f"{p}target_country = ?)")
                params += [a + "%", a + "%", a, a]
            clauses.append("(" + " OR ".join(ors) + ")")
        if self.type:
            ors = []
            for t in self.type:
                if t.isdigit():
                    ors.append(f"{p}cameo_code LIKE ?")
                    params.append(t + "%")
                else:
                    ors.append(f"{p}plover_type = ?")
                    params.append(t.upper())
            clauses.append("(" + " OR ".join(ors) + ")")
        if self.factuality and "all" not in self.factuality:
            clauses.append(f"{p}factuality IN ({','.join('?' * len(self.factuality))})")
            params += list(self.factuality)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class Store:
    """A DuckDB-backed store. Use ``open_store(path)``; close it (or use ``with``) when done."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, migrate: bool = True) -> None:
        import duckdb

        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from None
        if migrate and not read_only:
            self.migrate()

    # -- lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()[0]
        if not exists:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def migrate(self, target: int = SCHEMA_VERSION) -> int:
        """Apply the forward migrations the file lacks, each in its own transaction."""
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {current} is newer than this accord ({SCHEMA_VERSION})")
        for version, _description, sql in MIGRATIONS:
            if current < version <= target:
                self.con.execute("BEGIN TRANSACTION")
                try:
                    self.con.execute(sql)
                    self.con.execute(
                        "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
                    )
                    self.con.execute("COMMIT")
                except Exception:
                    self.con.execute("ROLLBACK")
                    raise
                current = version
        return current

    # -- runs and errors -------------------------------------------------------------------------
    def begin_run(self, command: str) -> str:
        from .. import __version__

        run_id = _now().strftime("%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:6]
        self.con.execute(
            "INSERT INTO runs (run_id, started, command, accord_version) VALUES (?, ?, ?, ?)",
            [run_id, _now(), command, __version__],
        )
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int]) -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, n_documents = ?, n_duplicates = ?, n_sentences = ?, n_events = ?, "
            "n_errors = ? WHERE run_id = ?",
            [_now(), counts.get("documents", 0), counts.get("duplicates", 0), counts.get("sentences", 0),
             counts.get("events", 0), counts.get("errors", 0), run_id],
        )

    def record_errors(self, errors: Iterable[InputError], run_id: str | None) -> None:
        rows = [(run_id, e.input, e.line, e.kind, e.message, _now()) for e in errors]
        if rows:
            self.con.executemany("INSERT INTO input_errors VALUES (?, ?, ?, ?, ?, ?)", rows)

    def errors(self, run_id: str | None = None, last_run: bool = False) -> list[dict[str, Any]]:
        sql = "SELECT run_id, input, line, kind, message, recorded_at FROM input_errors"
        params: list[Any] = []
        if last_run:
            sql += " WHERE run_id = (SELECT run_id FROM runs ORDER BY started DESC LIMIT 1)"
        elif run_id:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        sql += " ORDER BY recorded_at, input, line"
        return self._dicts(sql, params)

    # -- user knowledge: imported dictionaries and lexicon additions ------------------------------
    def add_dictionary(self, kind: str, name: str, entries: list[dict[str, Any]],
                       replaces_builtin: bool = False) -> tuple[str, bool]:
        """Store parsed dictionary entries (``kind``: actors, agents, verbs, discards, nouns ...).

        The id is a hash of kind and content, so importing the same file twice stores it once.
        Returns ``(dictionary_id, newly_added)``.
        """
        from ..records import stable_id

        payload = [json.dumps(e, sort_keys=True, ensure_ascii=False) for e in entries]
        dictionary_id = stable_id(kind, *payload)
        known = self.con.execute("SELECT count(*) FROM dictionaries WHERE dictionary_id = ?",
                                 [dictionary_id]).fetchone()[0]
        if known:
            self.con.execute("UPDATE dictionaries SET replaces_builtin = ? WHERE dictionary_id = ?",
                             [replaces_builtin, dictionary_id])
            return dictionary_id, False
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("INSERT INTO dictionaries VALUES (?, ?, ?, ?, ?, ?)",
                             [dictionary_id, kind, name, replaces_builtin, len(entries), _now()])
            if payload:
                self.con.executemany("INSERT INTO dictionary_entries VALUES (?, ?, ?, ?)",
                                     [(dictionary_id, i, kind, p) for i, p in enumerate(payload)])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return dictionary_id, True

    def dictionaries(self, kind: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM dictionaries" + (" WHERE kind = ?" if kind else "") + " ORDER BY imported_at"
        return self._dicts(sql, [kind] if kind else [])

    def dictionary_entries(self, kind: str) -> list[dict[str, Any]]:
        """Every imported entry of ``kind``, in import order (later imports after earlier ones)."""
        rows = self.con.execute(
            "SELECT e.entry FROM dictionary_entries e JOIN dictionaries d USING (dictionary_id) "
            "WHERE e.kind = ? ORDER BY d.imported_at, e.dictionary_id, e.seq", [kind]).fetchall()
        return [json.loads(r[0]) for r in rows]

    def builtin_replaced(self, kind: str) -> bool:
        """True when an imported dictionary of ``kind`` replaces accord's shipped one."""
        return bool(self.con.execute(
            "SELECT count(*) FROM dictionaries WHERE kind = ? AND replaces_builtin", [kind]).fetchone()[0])

    def remove_dictionary(self, dictionary_id: str) -> bool:
        n = self.con.execute("SELECT count(*) FROM dictionaries WHERE dictionary_id = ?",
                             [dictionary_id]).fetchone()[0]
        self.con.execute("DELETE FROM dictionary_entries WHERE dictionary_id = ?", [dictionary_id])
        self.con.execute("DELETE FROM dictionaries WHERE dictionary_id = ?", [dictionary_id])
        return bool(n)

    # -- documents -------------------------------------------------------------------------------
    def triage(self, document: Document) -> tuple[str, str | None]:
        """Is this document new, a duplicate of a stored text, or a new version of a stored id?

        Returns ``("new", None)``, ``("duplicate", stored_doc_id)`` or ``("changed", doc_id)``.
        """
        row = self.con.execute(
            "SELECT doc_id FROM documents WHERE content_hash = ? ORDER BY doc_id = ? DESC LIMIT 1",
            [document.content_hash, document.id],
        ).fetchone()
        if row:
            return "duplicate", row[0]
        row = self.con.execute("SELECT doc_id FROM documents WHERE doc_id = ?", [document.id]).fetchone()
        if row:
            return "changed", row[0]
        return "new", None

    def add_source(self, doc_id: str, document: Document, run_id: str | None) -> bool:
        """Record another place the same text came from. Returns True if it was not known yet."""
        before = self.con.execute(
            "SELECT count(*) FROM document_sources WHERE doc_id = ? AND source = ?", [doc_id, document.source]
        ).fetchone()[0]
        if before:
            return False
        self.con.execute(
            "INSERT INTO document_sources VALUES (?, ?, ?, ?, ?, ?)",
            [doc_id, document.source, document.id, document.outlet, document.url, run_id],
        )
        return True

    def write_batch(self, coded: Iterable[CodedDocument], run_id: str | None = None) -> None:
        """Write coded documents in one transaction: all of the batch or none of it.

        Each table gets one bulk insert from an Arrow table (DuckDB's row-by-row ``executemany`` costs
        far more than the parse it stores). A stored document with the same id is deleted first, so a new
        version replaces the old one whole and writing the same documents twice changes nothing.
        """
        latest = {cd.document.id: cd for cd in coded}  # the same id twice in one batch: the later one wins
        if not latest:
            return
        tables = _batch_tables(list(latest.values()), run_id)
        views = {table: f"_accord_batch_{table}" for table in tables}
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, view in views.items():
                self.con.register(view, tables[table])
            self._delete_documents(views["documents"])
            for table, view in views.items():
                if tables[table].num_rows:
                    self.con.execute(_BULK_INSERT[table].format(view=view))
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        finally:
            for view in views.values():
                self.con.unregister(view)

    def _delete_documents(self, ids_view: str) -> None:
        """Delete every row of the documents named in ``ids_view`` (a registered table with ``doc_id``),
        when any of them is stored: the rare path (``--force``, or a changed text under a stored id)."""
        ids = f"SELECT doc_id FROM {ids_view}"
        if not self.con.execute(f"SELECT count(*) FROM documents WHERE doc_id IN ({ids})").fetchone()[0]:
            return
        self.con.execute(
            "DELETE FROM events WHERE canonical_id IN "
            f"(SELECT canonical_id FROM event_mentions WHERE doc_id IN ({ids}))"
        )
        for table in ("event_mentions", "actor_mentions", "sentences", "documents"):
            self.con.execute(f"DELETE FROM {table} WHERE doc_id IN ({ids})")

    # -- reads -----------------------------------------------------------------------------------
    def _dicts(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def iter_events(self, flt: EventFilter | None = None, batch: int = 2000) -> Iterator[dict[str, Any]]:
        """Event records in the export shape (``CONTRACT.md``), in document and sentence order."""
        where, params = (flt or EventFilter()).where()
        cur = self.con.execute(
            f"SELECT record FROM event_mentions{where} ORDER BY doc_id, sentence_index, event_id", params
        )
        while rows := cur.fetchmany(batch):
            for (record,) in rows:
                yield json.loads(record)

    def iter_documents(self, flt: EventFilter | None = None, batch: int = 500) -> Iterator[dict[str, Any]]:
        flt = flt or EventFilter()
        clauses, params = [], []
        if flt.doc:
            clauses.append(f"d.doc_id IN ({','.join('?' * len(flt.doc))})")
            params += list(flt.doc)
        if flt.since:
            clauses.append("d.published >= ?")
            params.append(flt.since)
        if flt.until:
            clauses.append("d.published <= ? || '~'")
            params.append(flt.until)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        cur = self.con.execute(
            "SELECT d.doc_id, d.title, d.outlet, d.byline, d.url, d.published, d.published_from, d.content_hash, "
            "d.n_sentences, d.text, "
            "(SELECT count(*) FROM event_mentions e WHERE e.doc_id = d.doc_id) AS n_events, "
            "(SELECT list(s.source ORDER BY s.source) FROM document_sources s WHERE s.doc_id = d.doc_id) AS sources "
            f"FROM documents d{where} ORDER BY d.doc_id",
            params,
        )
        cols = [c[0] for c in cur.description]
        while rows := cur.fetchmany(batch):
            for row in rows:
                rec = dict(zip(cols, row))
                yield {"id": rec.pop("doc_id"), **rec}

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "schema_version": self.schema_version(),
            "documents": one("SELECT count(*) FROM documents"),
            "sources": one("SELECT count(*) FROM document_sources"),
            "sentences": one("SELECT count(*) FROM sentences"),
            "actor_mentions": one("SELECT count(*) FROM actor_mentions"),
            "event_mentions": one("SELECT count(*) FROM event_mentions"),
            "asserted_events": one("SELECT count(*) FROM event_mentions WHERE factuality = 'asserted'"),
            "canonical_events": one("SELECT count(*) FROM events"),
            "runs": one("SELECT count(*) FROM runs"),
            "input_errors": one("SELECT count(*) FROM input_errors"),
            "by_factuality": dict(self.con.execute(
                "SELECT factuality, count(*) FROM event_mentions GROUP BY 1 ORDER BY 2 DESC").fetchall()),
            "by_plover_type": dict(self.con.execute(
                "SELECT coalesce(plover_type, '-'), count(*) FROM event_mentions WHERE factuality = 'asserted' "
                "GROUP BY 1 ORDER BY 2 DESC").fetchall()),
            "by_quad_class": {str(k): v for k, v in self.con.execute(
                "SELECT quad_class, count(*) FROM event_mentions WHERE factuality = 'asserted' "
                "GROUP BY 1 ORDER BY 1").fetchall()},
            "top_dyads": [
                {"source": s, "target": t, "events": n}
                for s, t, n in self.con.execute(
                    "SELECT source_country, target_country, count(*) FROM event_mentions "
                    "WHERE factuality = 'asserted' AND target_country IS NOT NULL "
                    "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10").fetchall()
            ],
        }


# -- the write path: one Arrow table per store table and batch ------------------------------------------
# Columns the write path fills, with their Arrow types (s: text, i: integer, f: real, t: timestamp);
# the row builders in ``_batch_tables`` give values in this order.
_WRITE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (("doc_id", "s"), ("content_hash", "s"), ("title", "s"), ("outlet", "s"), ("byline", "s"),
                  ("url", "s"), ("published", "s"), ("published_from", "s"), ("text", "s"), ("n_sentences", "i"),
                  ("run_id", "s"), ("coded_at", "t")),
    "document_sources": (("doc_id", "s"), ("source", "s"), ("given_id", "s"), ("outlet", "s"), ("url", "s"),
                         ("run_id", "s")),
    "sentences": (("doc_id", "s"), ("sentence_index", "i"), ("start_char", "i"), ("end_char", "i"), ("text", "s")),
    "actor_mentions": (("doc_id", "s"), ("sentence_index", "i"), ("start_char", "i"), ("end_char", "i"),
                       ("text", "s"), ("code", "s"), ("country", "s"), ("sector", "s"), ("name", "s"),
                       ("resolution", "s"), ("confidence", "f")),
    "event_mentions": tuple((c, {"sentence_index": "i", "quad_class": "i", "goldstein": "f"}.get(c, "s"))
                            for c in EVENT_MENTION_COLUMNS),
    "events": (("canonical_id", "s"), ("cameo_code", "s"), ("plover_type", "s"), ("source_code", "s"),
               ("target_code", "s"), ("date", "s")),
}
# How each table takes its rows: a source already recorded is kept; a canonical event is replaced.
_INSERT_VERB = {"document_sources": "INSERT OR IGNORE", "events": "INSERT OR REPLACE"}
_CONSTANT_COLUMNS = {"events": {"n_mentions": "1", "n_documents": "1"}}
_BULK_INSERT = {
    table: "{verb} INTO {table} ({targets}) SELECT {values} FROM {{view}}".format(
        verb=_INSERT_VERB.get(table, "INSERT"), table=table,
        targets=", ".join([c for c, _ in columns] + list(_CONSTANT_COLUMNS.get(table, {}))),
        values=", ".join([c for c, _ in columns] + list(_CONSTANT_COLUMNS.get(table, {}).values())))
    for table, columns in _WRITE_COLUMNS.items()
}


def _arrow_table(table: str, rows: list[tuple[Any, ...]]) -> Any:
    import pyarrow as pa

    types = {"s": pa.large_string(), "i": pa.int64(), "f": pa.float64(), "t": pa.timestamp("us")}
    columns = _WRITE_COLUMNS[table]
    values = list(zip(*rows)) if rows else [()] * len(columns)
    return pa.table({name: pa.array(list(v), type=types[kind]) for (name, kind), v in zip(columns, values)})


def _batch_tables(coded: list[CodedDocument], run_id: str | None) -> dict[str, Any]:
    """The batch's rows, table by table, with the duplicates a row-by-row write would have collapsed:
    one actor mention per start offset and one event mention per id within a document (the later wins),
    one source per document and place, one canonical event per id (the later wins)."""
    now = _now()
    rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in _WRITE_COLUMNS}
    sources: dict[tuple[str, str], tuple[Any, ...]] = {}
    canonical: dict[str, tuple[Any, ...]] = {}
    for cd in coded:
        d = cd.document
        rows["documents"].append((d.id, d.content_hash, d.title, d.outlet, d.byline, d.url, d.published,
                                  d.published_from, d.text, len(cd.sentences), run_id, now))
        sources.setdefault((d.id, d.source), (d.id, d.source, d.id, d.outlet, d.url, run_id))
        rows["sentences"].extend((d.id, s.index, s.start, s.end, s.text) for s in cd.sentences)
        mentions = {m.start: m for m in cd.mentions}
        rows["actor_mentions"].extend(
            (d.id, m.sentence_index, m.start, m.end, m.actor.text, m.actor.code, m.actor.country, m.actor.sector,
             m.actor.name, m.actor.resolution, m.actor.confidence) for m in mentions.values())
        for e in {e.event_id: e for e in cd.events}.values():
            s, t = e.source, e.target
            rows["event_mentions"].append((
                e.event_id, e.doc_id, e.sentence_index, e.sentence,
                s.text if s else None, s.code if s else None, s.country if s else None, s.sector if s else None,
                t.text if t else None, t.code if t else None, t.country if t else None, t.sector if t else None,
                e.cameo_code, e.cameo_root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode,
                e.factuality, e.claimed_by.code if e.claimed_by else None,
                e.date, e.date_precision, e.date_text, e.canonical_id, json.dumps(e.contract()),
                e.according_to.code if e.according_to else None,
            ))
            canonical.pop(e.canonical_id, None)
            canonical[e.canonical_id] = (e.canonical_id, e.cameo_code, e.plover_type, s.code if s else None,
                                         t.code if t else None, e.date)
    rows["document_sources"] = list(sources.values())
    rows["events"] = list(canonical.values())
    return {table: _arrow_table(table, table_rows) for table, table_rows in rows.items()}


def open_store(path: str | Path = DEFAULT_DB, read_only: bool = False) -> Store:
    """Open (creating and migrating as needed) the DuckDB store at ``path``."""
    if read_only and not Path(path).exists():
        raise StoreError(f"{path}: no such store (run `accord code ... --db {path}` first)")
    return Store(path, read_only=read_only)


__all__ = ["DEFAULT_DB", "EventFilter", "Store", "StoreError", "open_store", "SCHEMA_VERSION"]
