"""Where `accord code` spends its time: start-up, reading, spaCy parse, mention finder, event coder, store.

    python benchmarks/stages.py ../shared/corpora/guardian_sdf_2019.jsonl [--limit 100] [--batch-size 64]

Runs the stages one after another on the same documents, in one process (no parsing workers), timing
each with the wall clock and the process's CPU clock, and writes to a fresh store in batches as
``accord code`` does. The shares tell which stage to work on; ``throughput.py`` gives the figures to quote.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Clock:
    """Wall and CPU seconds per stage, accumulated over calls."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        w, c = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - w
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--batch-size", type=int, default=None)
    args = ap.parse_args()
    clock = Clock()
    with clock.stage("start-up: imports"):
        from accord.ingest import read_inputs
        from accord.nlp import BATCH_SIZE, parse
        from accord.pipeline import Resources
        from accord.records import CodedDocument, InputError, Sentence
        from accord.store import open_store
    batch_size = args.batch_size or BATCH_SIZE
    with clock.stage("reading"):
        docs = [d for d in read_inputs([args.corpus]) if not isinstance(d, InputError)][: args.limit]
    words = sum(len(d.text.split()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp, open_store(os.path.join(tmp, "stages.duckdb")) as store:
        with clock.stage("start-up: model and knowledge"):
            resources = Resources.load(store=store)
        with clock.stage("spaCy parse"):
            parsed = list(parse(resources.nlp, (d.text for d in docs), batch_size=batch_size))
        coded = []
        for document, doc in zip(docs, parsed):
            with clock.stage("sentences"):
                sentences = [Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text.strip())
                             for i, s in enumerate(doc.sents)]
            with clock.stage("mention finder"):
                mentions = resources.finder(doc, document.published)
            with clock.stage("event coder"):
                events = resources.coder(doc, mentions, document)
            coded.append(CodedDocument(document, sentences, mentions, events))
        with clock.stage("store writes"):
            for i in range(0, len(coded), batch_size):
                store.write_batch(coded[i : i + batch_size], "stages")
    total = sum(clock.wall.values())
    print(f"{args.corpus.name}: {len(docs)} documents, {words:,} words, "
          f"{sum(len(c.events) for c in coded)} events, batch size {batch_size}")
    print(f"{'stage':<32}{'wall s':>9}{'cpu s':>9}{'share':>8}")
    for name, wall in clock.wall.items():
        print(f"{name:<32}{wall:9.2f}{clock.cpu[name]:9.2f}{wall / total:8.1%}")
    print(f"{'total':<32}{total:9.2f}{sum(clock.cpu.values()):9.2f}")
    print(f"spaCy parse alone: {words / clock.wall['spaCy parse']:,.0f} words/s; "
          f"all stages: {len(docs) / total:.2f} documents/s, {words / total:,.0f} words/s")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", file=sys.stderr)


if __name__ == "__main__":
    main()
