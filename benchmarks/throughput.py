"""Throughput of `accord code`: documents and words per second on a corpus, end to end (start-up, read,
parse, code, store), with the peak memory of the run and the machine it ran on.

    python benchmarks/throughput.py ../shared/corpora/guardian_sdf_2019.jsonl [--repeat 3] [--workers 2]
    python benchmarks/throughput.py ../shared/corpora/india_police_events_docs.jsonl --text-field doc_text \\
        --id-field doc_id

Runs the real command in a fresh store each time and reports the median run. Peak RSS is that of the
largest process of the run (the command, or a parsing worker), as the operating system accounts it. The
load average is printed because other work on the machine slows every figure: quote runs made on a quiet
machine, and medians. ``--markdown`` prints the README table row.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    wall: float  # seconds, start to exit
    cpu: float  # user + system seconds of the command and its workers
    peak_rss_mb: float  # the largest process's peak resident memory
    summary: str


def reshape(path: Path, text_field: str, id_field: str | None, out: Path) -> Path:
    """A corpus whose records name their fields otherwise (``doc_text``, ``doc_id``), rewritten in the shape
    ``accord code`` reads (``text``, ``id``); other fields are dropped. Done before the clock starts."""
    with open(path, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                record = json.loads(line)
                shaped = {"text": record.get(text_field)}
                if id_field and record.get(id_field) is not None:
                    shaped["id"] = str(record[id_field])
                dst.write(json.dumps(shaped, ensure_ascii=False) + "\n")
    return out


def count(path: Path) -> tuple[int, int]:
    """Documents and whitespace-separated words of a JSONL corpus (its ``text`` fields)."""
    docs = words = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs += 1
                words += len(json.loads(line).get("text", "").split())
    return docs, words


def run_once(corpus: Path, extra: list[str]) -> Run:
    """One ``accord code`` run in a fresh store, in a child process of its own so that its memory and CPU
    are the operating system's figures for that run alone."""
    code = (
        "import json, resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "wall = time.perf_counter() - start\n"
        "ru = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'rc': proc.returncode, 'wall': wall, 'cpu': ru.ru_utime + ru.ru_stime,\n"
        "                  'maxrss_kb': ru.ru_maxrss, 'stderr': proc.stderr}))\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.duckdb")
        cmd = ["accord", "code", str(corpus), "--db", db, "--no-progress", *extra]
        out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["rc"] not in (0, 1):  # 1: some inputs failed, the rest stored; anything else is a crash
        sys.exit(f"accord code failed (exit {result['rc']}):\n{result['stderr']}")
    lines = result["stderr"].strip().splitlines()
    return Run(result["wall"], result["cpu"], result["maxrss_kb"] / 1024, lines[-1] if lines else "")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem_gb = 0.0
    import spacy

    return (f"{os.cpu_count()} cores ({cpu}), {mem_gb:.0f} GiB, {platform.system()}, python "
            f"{platform.python_version()}, spaCy {spacy.__version__}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="a JSONL corpus (one {'text': ...} object a line)")
    ap.add_argument("--repeat", type=int, default=1, help="runs; the middle one is reported (give an odd count)")
    ap.add_argument("--workers", type=int, default=None, help="passed to accord code --workers")
    ap.add_argument("--batch-size", type=int, default=None, help="passed to accord code --batch-size")
    ap.add_argument("--markdown", action="store_true", help="also print the README table row")
    ap.add_argument("--text-field", default="text", help="the records' text field, when not 'text'")
    ap.add_argument("--id-field", default=None, help="the records' id field, when not 'id'")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if args.text_field != "text" or args.id_field:
            corpus = reshape(args.corpus, args.text_field, args.id_field, Path(tmp) / args.corpus.name)
        report(args, corpus)


def report(args: argparse.Namespace, corpus: Path) -> None:
    extra = []
    if args.workers is not None:
        extra += ["--workers", str(args.workers)]
    if args.batch_size is not None:
        extra += ["--batch-size", str(args.batch_size)]
    docs, words = count(corpus)
    load_before = os.getloadavg()
    runs = [run_once(corpus, extra) for _ in range(args.repeat)]
    load_after = os.getloadavg()
    median = sorted(runs, key=lambda r: r.wall)[(len(runs) - 1) // 2]  # the middle run (of an even count, the faster)
    t = median.wall
    print(f"command: accord code {args.corpus.name} --db <fresh> --no-progress {' '.join(extra)}".rstrip())
    print(f"corpus: {args.corpus.name}  documents: {docs}  words: {words:,}")
    print(f"median wall time: {t:.1f}s over {len(runs)} run(s) (all: {', '.join(f'{r.wall:.1f}' for r in runs)})"
          f"  ->  {docs / t:.2f} documents/s, {words / t:,.0f} words/s")
    print(f"cpu time: {median.cpu:.1f}s user+sys (command and workers)   peak RSS: {median.peak_rss_mb:,.0f} MB "
          f"(largest process; max over runs {max(r.peak_rss_mb for r in runs):,.0f} MB)")
    print(f"last run: {runs[-1].summary}")
    print(f"machine: {machine()}")
    print(f"load average (1 min) before/after: {load_before[0]:.2f} / {load_after[0]:.2f}"
          + ("  (other work was running: figures are pessimistic)" if load_before[0] > 0.5 else ""))
    if args.markdown:
        print(f"| {args.corpus.name} | {docs:,} | {words:,} | {t:.1f} | {docs / t:.1f} | {words / t:,.0f} "
              f"| {median.peak_rss_mb:,.0f} MB |")
    if statistics.pstdev([r.wall for r in runs]) > 0.1 * t and len(runs) > 1:
        print("note: the runs differ by more than 10%: the machine was noisy")


if __name__ == "__main__":
    main()
