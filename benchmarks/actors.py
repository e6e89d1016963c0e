"""Actor resolution accuracy, actors alone (no events): PLOVER gold and PETRARCH's constructed records.

    python benchmarks/actors.py [--shared ../shared] [--kb-dir DIR] [--show-errors N] [--seeds]

**PLOVER** (``gold/plover_gsr.jsonl``, shipped knowledge base): each gold actor's ``actorText`` is located in
its sentence as whole words (exact case first, then any case; else from its first part to its last, as in
"French warships" for "French and Egyptian warships"; else its last word) and compared with the accord
mention headed by the gold span's syntactic head (else the one whose head lies in the span, else the largest
overlap). Reported:

* found rate: gold actors with an overlapping mention;
* country accuracy: the mention's country equals the gold code's country (CAMEO codes such as JAP are read
  through ``country_codes.tsv``; IGO, NGO ... compare as such); a gold actor with no mention counts as wrong;
* sector accuracy over gold actors with a known sector (``sector`` present and not ``***``; compared on its
  first three letters, so ``CVLalb`` is CVL); a missing mention counts as wrong.

**PETRARCH** (``gold/petrarch_constructed.jsonl`` categories ACTOR, AGENT, AGENTS, COMPOUND, MODIFY): PETRARCH's toy
``PETR.Validate.actors/agents`` dictionaries are imported with ``accord actors import --replace`` into a
temporary store, so only they are known. For each record with events, the gold codes are the distinct source
and target codes of its events (leaving out the null codes ``---``, ``###``, ``+++``, codes starting ``---`` and
PETRARCH's quoted unknown-actor texts); a gold code counts as found when some mention in the sentence has
exactly that code (``code``), or the same first three letters (``country``). Mentions whose code is in no
event are not counted against us (the toy gold codes only event participants).

``--seeds`` also prints how the seed articles' mentions resolve (text → code, country, sector, resolution).
Figures go in the README; this is not a test.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

PETRARCH_CATEGORIES = ("ACTOR", "AGENT", "AGENTS", "COMPOUND", "MODIFY")
NULL = {"---", "###", "+++"}


def _load_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _find_word(text: str, phrase: str, start: int = 0, ignore_case: bool = False) -> tuple[int, int] | None:
    """``phrase`` as whole words ("US" is not the "us" of "pushing"), from ``start``."""
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)"
    hit = re.compile(pattern, re.IGNORECASE if ignore_case else 0).search(text, start)
    return (hit.start(), hit.end()) if hit else None


def _locate(text: str, gold: str) -> tuple[int, int] | None:
    """The gold actorText's span: as written (whole words; exact case, then any case); else from its first
    part to its last ("U.S. ... negotiators", "French warships" in "French and Egyptian warships"); else
    its last word (gold texts sometimes drop a bracket or a space)."""
    if not gold.strip():
        return None
    for ignore_case in (False, True):
        span = _find_word(text, gold, 0, ignore_case)
        if span:
            return span
    parts = [p.strip() for p in re.split(r"\.{2,}", gold) if p.strip()]
    if len(parts) < 2:
        parts = gold.split()
    if len(parts) >= 2:
        first = _find_word(text, parts[0], 0, True)
        last = _find_word(text, parts[-1], first[1], True) if first else None
        if first and last:
            return first[0], last[1]
    word = gold.split()[-1].strip("()")
    return _find_word(text, word, 0, True) if word else None


def _best_mention(mentions: list, start: int, end: int, doc: Any):
    """The mention standing for a gold span: the one headed by the span's syntactic head, else the one whose
    head lies inside the span, else the largest overlap."""
    span = doc.char_span(start, end, alignment_mode="expand")
    root = span.root.i if span is not None and len(span) else None
    best, best_key = None, None
    for m in mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap <= 0:
            continue
        head_char = doc[m.head].idx if m.head is not None else m.start
        key = (m.head == root, start <= head_char < end, overlap, -(m.end - m.start))
        if best_key is None or key > best_key:
            best, best_key = m, key
    return best


def plover(shared: Path, resources: Any, show_errors: int) -> dict[str, Any]:
    kb = resources.kb
    rows = _load_jsonl(shared / "gold/plover_gsr.jsonl")
    texts = [r["text"].strip("{} ") for r in rows]
    total = found = country_ok = 0
    sector_total = sector_ok = 0
    errors: list[str] = []
    by_resolution: Counter = Counter()
    started = time.perf_counter()
    for r, text, doc in zip(rows, texts, resources.nlp.pipe(texts, batch_size=64)):
        mentions = resources.finder(doc, None)
        for g in r["actors"]:
            total += 1
            gold_text = " ".join(g["actorText"].split())
            span = _locate(text, gold_text)
            if span:
                gold_text = text[span[0]:span[1]]
            m = _best_mention(mentions, *span, doc) if span else None
            gold_country = kb.country_of(g["code"]) if g["code"] not in ("IGO", "NGO", "IMG", "MNC") else g["code"]
            gold_sector = (g.get("sector") or "")[:3].upper()
            has_sector = bool(gold_sector) and gold_sector != "***"
            sector_total += has_sector
            if m is None:
                errors.append(f"MISSING  {gold_text!r} [{g['code']} {g.get('sector')}]  in: {text[:110]}")
                continue
            found += 1
            by_resolution[m.actor.resolution] += 1
            ok = m.actor.country == gold_country
            country_ok += ok
            if has_sector:
                sector_ok += m.actor.sector == gold_sector
            if not ok or (has_sector and m.actor.sector != gold_sector):
                errors.append(f"WRONG    {gold_text!r} [{g['code']} {g.get('sector')}] -> {m.actor.text!r} "
                              f"{m.actor.code} {m.actor.country} {m.actor.sector} ({m.actor.resolution})  "
                              f"in: {text[:90]}")
    seconds = time.perf_counter() - started
    for line in errors[:show_errors]:
        print("  " + line)
    return {
        "sentences": len(rows), "gold_actors": total, "found_rate": found / total,
        "country_accuracy": country_ok / total, "country_accuracy_when_found": country_ok / max(found, 1),
        "sector_gold": sector_total, "sector_accuracy": sector_ok / max(sector_total, 1),
        "resolutions": dict(by_resolution.most_common()), "seconds_incl_parse": round(seconds, 1),
    }


def petrarch(shared: Path, model: str | None, show_errors: int) -> dict[str, Any]:
    from accord.actors.manage import import_dictionaries
    from accord.pipeline import Resources
    from accord.store import open_store

    rows = [r for r in _load_jsonl(shared / "gold/petrarch_constructed.jsonl")
            if r.get("category") in PETRARCH_CATEGORIES and r.get("events")]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "toy.duckdb"
        d = shared / "dictionaries"
        for report in import_dictionaries([d / "PETR.Validate.actors.txt", d / "PETR.Validate.agents.txt"], db,
                                          replace=True):
            if report.error:
                raise SystemExit(report.line())
        with open_store(db) as store:
            resources = Resources.load(model, store=store)
    per_cat: dict[str, Counter] = {}
    errors: list[str] = []
    texts = [r["text"] for r in rows]
    for r, doc in zip(rows, resources.nlp.pipe(texts, batch_size=64)):
        mentions = resources.finder(doc, r.get("date"))
        codes = {m.actor.code for m in mentions if m.actor.code}
        gold = set()
        for e in r["events"]:
            for joint in (e.get("source"), e.get("target")):
                for code in (joint or "").split("/"):  # "FRO/BIL/SAM": three actors
                    if code and code not in NULL and not code.startswith("---") and "&quot;" not in code \
                            and '"' not in code:
                        gold.add(code)
        c = per_cat.setdefault(r["category"], Counter())
        for code in sorted(gold):
            c["gold"] += 1
            hit = code in codes
            c["code"] += hit
            c["country"] += any(x[:3] == code[:3] for x in codes)
            if not hit:
                errors.append(f"{r['id']}: gold {code} not in {sorted(codes)}  | {r['text'][:100]}")
    for line in errors[:show_errors]:
        print("  " + line)
    total = Counter()
    for c in per_cat.values():
        total.update(c)
    out = {cat: {"gold_codes": c["gold"], "code_accuracy": round(c["code"] / max(c["gold"], 1), 3),
                 "country_accuracy": round(c["country"] / max(c["gold"], 1), 3)} for cat, c in sorted(per_cat.items())}
    out["ALL"] = {"gold_codes": total["gold"], "code_accuracy": round(total["code"] / max(total["gold"], 1), 3),
                  "country_accuracy": round(total["country"] / max(total["gold"], 1), 3)}
    return out


def seeds(shared: Path, resources: Any) -> None:
    from accord.ingest import read_inputs
    from accord.records import InputError

    for document in read_inputs(sorted((shared / "seeds").glob("*.txt"))):
        if isinstance(document, InputError):
            continue
        print(f"\n== {document.id} ({document.published})")
        doc = resources.nlp(document.text)
        for m in resources.finder(doc, document.published):
            a = m.actor
            print(f"  {a.text[:48]:<48} {a.code or '-':<11} {a.country or '-':<4} {a.sector or '-':<4} "
                  f"{a.resolution:<11} {a.confidence:.2f}  {a.name or ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    parser.add_argument("--kb-dir", default=None, help="Actor TSV folder (default: the shipped one).")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: accord's).")
    parser.add_argument("--show-errors", type=int, default=0, help="Print this many errors of each set.")
    parser.add_argument("--seeds", action="store_true", help="Also print the seed articles' mentions.")
    parser.add_argument("--only", choices=["plover", "petrarch"], default=None)
    args = parser.parse_args()
    shared = Path(args.shared)

    from accord.actors import KnowledgeBase
    from accord.pipeline import Resources

    results: dict[str, Any] = {}
    started = time.perf_counter()
    kb = KnowledgeBase.load(directory=Path(args.kb_dir)) if args.kb_dir else None
    resources = Resources.load(args.model, kb=kb)
    results["load_seconds"] = round(time.perf_counter() - started, 1)
    if args.only in (None, "plover"):
        print("PLOVER gold (shipped knowledge base)")
        results["plover"] = plover(shared, resources, args.show_errors)
    if args.only in (None, "petrarch"):
        print("PETRARCH constructed records (toy dictionaries, imported with --replace)")
        results["petrarch"] = petrarch(shared, args.model, args.show_errors)
    if args.seeds:
        seeds(shared, resources)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    sys.exit(main())
