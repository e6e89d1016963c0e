"""Throughput of `accord code`: documents and words per second on a corpus, end to end (read, parse, code, store).

    python benchmarks/throughput.py ../shared/corpora/guardian_sdf_2019.jsonl [--repeat 1]

Runs the real command in a fresh store each time and reports the median. The README quotes its output.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def count(path: Path) -> tuple[int, int]:
    docs = words = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs += 1
                words += len(json.loads(line).get("text", "").split())
    return docs, words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    docs, words = count(args.corpus)
    times = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "bench.duckdb")
            start = time.perf_counter()
            proc = subprocess.run(["accord", "code", str(args.corpus), "--db", db, "--no-progress"],
                                  capture_output=True, text=True)
            times.append(time.perf_counter() - start)
            if proc.returncode not in (0, 1):
                sys.exit(proc.stderr)
            summary = proc.stderr.strip().splitlines()[-1]
    t = statistics.median(times)
    print(f"corpus: {args.corpus.name}  documents: {docs}  words: {words}")
    print(f"median wall time: {t:.1f}s over {len(times)} run(s)  ->  {docs / t:.1f} documents/s, {words / t:,.0f} words/s")
    print(f"last run: {summary}")
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
