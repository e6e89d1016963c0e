"""The Python API. Each function here is what one CLI command does; the CLI only parses arguments.

>>> import accord
>>> summary = accord.code(["articles/"], db="news.duckdb")          # doctest: +SKIP
>>> for event in accord.export_events("news.duckdb", actor=["IRN"]): # doctest: +SKIP
...     print(event["source"]["code"], event["cameo"]["code"], event["target"]["code"])
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .actors.manage import import_dictionaries, list_actors, merge_actors, set_actor, show_actor  # noqa: F401
from .actors.registry import learn_into_registry, refresh_registry
from .ingest import read_inputs
from .pipeline import Resources, code_documents
from .records import Document, InputError
from .store import DEFAULT_DB, EventFilter, open_store


@dataclass
class RunSummary:
    """What one ``accord code`` run did."""

    run_id: str = ""
    documents: int = 0  # newly coded (or re-coded) documents
    duplicates: int = 0  # texts already stored (new sources recorded, nothing re-coded)
    sentences: int = 0
    events: int = 0
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def line(self) -> str:
        return (
            f"{self.documents} documents coded ({self.duplicates} already stored), {self.sentences} sentences, "
            f"{self.events} events, {len(self.errors)} errors in {self.seconds:.1f}s"
        )

    def counts(self) -> dict[str, int]:
        return {"documents": self.documents, "duplicates": self.duplicates, "sentences": self.sentences,
                "events": self.events, "errors": len(self.errors)}


def _progress(enabled: bool | None) -> Any:
    """A per-document progress bar with documents/s on stderr; by default only when stderr is a terminal,
    so logs and pipes get the summary line alone."""
    from tqdm import tqdm

    if enabled is None:
        enabled = sys.stderr.isatty()
    return tqdm(unit=" docs", desc="coding", file=sys.stderr, disable=not enabled, dynamic_ncols=True,
                mininterval=0.25)


def code(
    inputs: Iterable[str | Path],
    db: str | Path = DEFAULT_DB,
    *,
    resources: Resources | None = None,
    encoding: str | None = None,
    fields: Mapping[str, str] | None = None,
    stdin: IO[bytes] | None = None,
    batch_size: int = 64,
    workers: int = 1,
    force: bool = False,
    progress: bool | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> RunSummary:
    """Ingest and code documents into the store at ``db``; return what was done.

    Bad inputs never stop the batch: each becomes an ``InputError`` (passed to ``on_error`` as it
    happens, recorded in the store, returned in the summary). Already-stored texts are not coded again
    (``force=True`` re-codes them), so running the same command twice adds nothing. ``workers`` > 1
    parses in that many processes (see ``benchmarks/throughput.py`` for when that pays). ``batch_size``
    documents go to the store in one transaction; the parser's own batches are ``accord.nlp.BATCH_SIZE``.
    """
    started = time.perf_counter()
    summary = RunSummary()
    inputs = list(inputs)
    with open_store(db) as store:
        summary.run_id = run_id = store.begin_run("code " + " ".join(str(i) for i in inputs))
        resources = resources or Resources.load(store=store)
        # The actor registry (people learnt from earlier articles, user corrections) is this store's,
        # refreshed after every written batch; a caller's resources get theirs back afterwards.
        previous_registry = resources.kb.registry
        refresh_registry(resources.kb, store)
        bar = _progress(progress)
        seen: dict[str, str] = {}  # content hash -> doc id, within this run

        def documents_to_code() -> Iterator[Document]:
            for item in read_inputs(inputs, encoding=encoding, stdin=stdin, fields=fields):
                if isinstance(item, InputError):
                    summary.errors.append(item)
                    store.record_errors([item], run_id)
                    if on_error:
                        with bar.external_write_mode(file=sys.stderr):  # the message, not over the bar
                            on_error(item)
                    continue
                h = item.content_hash
                if h in seen:
                    store.add_source(seen[h], item, run_id)
                    summary.duplicates += 1
                    bar.update(1)
                    continue
                status, stored_id = store.triage(item)
                if status == "duplicate" and not force:
                    store.add_source(stored_id, item, run_id)
                    summary.duplicates += 1
                    bar.update(1)
                    continue
                if status == "duplicate":
                    item.id = stored_id
                seen[h] = item.id
                yield item

        batch = []
        try:
            for coded in code_documents(documents_to_code(), resources, workers=workers):
                batch.append(coded)
                bar.update(1)
                if len(batch) >= batch_size:
                    _flush(store, batch, run_id, summary, bar, resources)
            _flush(store, batch, run_id, summary, bar, resources)
        finally:
            resources.kb.set_registry(previous_registry)
        bar.close()
        summary.seconds = time.perf_counter() - started
        store.finish_run(run_id, summary.counts())
    return summary


def _flush(store: Any, batch: list, run_id: str, summary: RunSummary, bar: Any,
           resources: Resources | None = None) -> None:
    if not batch:
        return
    store.write_batch(batch, run_id)
    if resources is not None and learn_into_registry(store, batch):
        refresh_registry(resources.kb, store)
    for cd in batch:
        summary.documents += 1
        summary.sentences += len(cd.sentences)
        summary.events += len(cd.events)
    bar.set_postfix(events=summary.events, refresh=False)
    batch.clear()


def examples_path() -> Path:
    """The folder of the example articles shipped with accord (written for the quickstart)."""
    return Path(__file__).parent / "examples"


def export_events(db: str | Path = DEFAULT_DB, **filters: Any) -> Iterator[dict[str, Any]]:
    """Event records (``CONTRACT.md`` shape) from the store; filters as ``EventFilter`` fields."""
    with open_store(db, read_only=True) as store:
        yield from store.iter_events(EventFilter(**filters))


def export_documents(db: str | Path = DEFAULT_DB, **filters: Any) -> Iterator[dict[str, Any]]:
    """Document records from the store."""
    with open_store(db, read_only=True) as store:
        yield from store.iter_documents(EventFilter(**filters))


def stats(db: str | Path = DEFAULT_DB) -> dict[str, Any]:
    with open_store(db, read_only=True) as store:
        return store.stats()


def errors(db: str | Path = DEFAULT_DB, last_run: bool = False) -> list[dict[str, Any]]:
    with open_store(db, read_only=True) as store:
        return store.errors(last_run=last_run)


def evaluate(
    gold: str | Path,
    db: str | Path | None = None,
    *,
    only: Iterable[str] | None = None,
    factuality: Iterable[str] | None = None,
    include_unevaluated: bool = False,
    resources: Resources | None = None,
    progress: bool | None = None,
    batch_size: int = 64,
    on_error: Callable[[InputError], None] | None = None,
) -> Any:
    """Run the coder over a gold-standard JSONL file and score it (``accord eval``); returns an
    ``accord.eval.EvalReport`` (``.text()``, ``.to_dict()``). The store at ``db``, if given, is only read."""
    from .eval import evaluate as run_evaluation

    return run_evaluation(gold, db=db, only=only, factuality=factuality, include_unevaluated=include_unevaluated,
                          resources=resources, progress=progress, batch_size=batch_size, on_error=on_error)


# -- the lexicon (``accord lexicon ...``) ------------------------------------------------------------------------
def lexicon_show(word: str, db: str | Path | None = None) -> dict[str, Any]:
    """What the lexicon (shipped, plus the store's additions when ``db`` is given) says about a verb or noun."""
    from .events.admin import describe
    from .events.lexicon import Lexicon

    if db is None:
        return describe(Lexicon.load(), word)
    with open_store(db, read_only=True) as store:
        return describe(Lexicon.load(store=store), word)


def lexicon_add_verb(verb: str, code: str | None, patterns: list[tuple[str, str]] | None = None,
                     db: str | Path = DEFAULT_DB) -> str:
    """Add a verb with a default CAMEO code and optional (pattern, code) pairs; returns the addition's id."""
    from .events.admin import add_verb

    with open_store(db) as store:
        return add_verb(store, verb, code, patterns)


def lexicon_add_noun(noun: str, code: str, target_preps: list[str], symmetric: bool = False,
                     db: str | Path = DEFAULT_DB) -> str:
    """Add an event noun with its CAMEO code and the prepositions that introduce its target."""
    from .events.admin import add_noun

    with open_store(db) as store:
        return add_noun(store, noun, code, target_preps, symmetric)


def lexicon_import(paths: list[str | Path], db: str | Path = DEFAULT_DB, replace: bool = False) -> list[Any]:
    """Import TABARI/PETRARCH verb dictionaries into the store (``replace``: instead of the shipped verbs)."""
    from .events.admin import import_verbs

    with open_store(db) as store:
        return import_verbs(store, paths, replace=replace)


def lexicon_list(db: str | Path = DEFAULT_DB) -> dict[str, Any]:
    """Lexicon size with the store's additions, and the imported dictionaries."""
    from .events.lexicon import Lexicon

    with open_store(db, read_only=True) as store:
        lexicon = Lexicon.load(store=store)
        imported = [d for d in store.dictionaries() if d["kind"] in ("verbs", "nouns", "discards")]
    return {"stats": lexicon.stats(), "imported": imported}


def lexicon_remove(dictionary_id: str, db: str | Path = DEFAULT_DB) -> bool:
    """Remove an imported dictionary or addition by id."""
    with open_store(db) as store:
        return store.remove_dictionary(dictionary_id)
