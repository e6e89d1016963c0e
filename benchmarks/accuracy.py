"""Accuracy of accord on the gold sets in ../shared/gold, as the README reports it.

    python benchmarks/accuracy.py [--shared ../shared] [--json]

Runs `accord eval` (through its Python API) under each condition the gold sets were made in:

* PLOVER GSR (322 sentences from the CAMEO manual, hand-coded): accord as shipped.
* PETRARCH constructed suite, `unittest` set: coded by PETRARCH2 with its toy verb, actor and agent dictionaries,
  so those are imported into a fresh store with `accord actors import --replace` and
  `accord lexicon import --replace` (accord's coder, their dictionaries).
* the same suite, `ud202` set: coded by UniversalPetrarch with the toy actors and the CAMEO 2.0 verb dictionary,
  so the toy actors and CAMEO.2.0.txt are imported (`--replace`).
* the same suite, `gsr` set: real-world actors, accord as shipped.
* the whole suite with accord as shipped, for reference (the toy actors are unknown to it).

Stores are built with the real CLI commands in a temporary folder; nothing is written elsewhere.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def accord(*args: str) -> None:
    proc = subprocess.run(["accord", *args], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"accord {' '.join(args)} failed:\n{proc.stderr}")


def build_stores(shared: Path, tmp: Path) -> dict[str, Path]:
    d = shared / "dictionaries"
    toy_actors = [str(d / f"PETR.Validate.{k}.txt") for k in ("actors", "agents", "discards")]
    stores = {"toy": tmp / "toy.duckdb", "toy_cameo": tmp / "toy-cameo.duckdb"}
    for store in stores.values():
        accord("actors", "import", *toy_actors, "--replace", "--db", str(store))
    accord("lexicon", "import", str(d / "PETR.Validate.verbs.txt"), "--replace", "--db", str(stores["toy"]))
    accord("lexicon", "import", str(d / "CAMEO.2.0.txt"), "--replace", "--db", str(stores["toy_cameo"]))
    return stores


def share(figure: dict) -> float:
    """An accuracy from its counts (the rounded value would print 251/322 as 0.779, where `accord eval` says 0.780)."""
    return figure["hits"] / figure["total"] if figure.get("total") else figure["value"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", action="store_true", help="print all figures as JSON")
    args = ap.parse_args()
    import accord as api

    gsr = args.shared / "gold" / "plover_gsr.jsonl"
    petrarch = args.shared / "gold" / "petrarch_constructed.jsonl"
    started = time.perf_counter()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        stores = build_stores(args.shared, Path(tmp))
        runs = [
            ("PLOVER GSR, accord as shipped", gsr, None, []),
            ("PETRARCH unittest set, toy dictionaries", petrarch, stores["toy"], ["set=unittest"]),
            ("PETRARCH ud202 set, toy actors + CAMEO 2.0 verbs", petrarch, stores["toy_cameo"], ["set=ud202"]),
            ("PETRARCH gsr set, accord as shipped", petrarch, None, ["set=gsr"]),
            ("PETRARCH whole suite, accord as shipped", petrarch, None, []),
        ]
        for name, gold, db, only in runs:
            report = api.evaluate(gold, db=db, only=only, progress=False)
            results[name] = report.to_dict()
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps(results, indent=2, default=str))
        return
    print("| gold set, condition | headline |")
    print("| --- | --- |")
    for name, r in results.items():
        if r.get("plover"):
            p = r["plover"]
            m = p["mentions"]
            print(f"| {name} | type accuracy {share(p['type_accuracy']):.3f}; source country "
                  f"{share(p['actor_country_accuracy']):.3f}, target country "
                  f"{share(p['recipient_country_accuracy']):.3f}; actor mentions: country "
                  f"{share(m['mention_country_accuracy']):.3f}, sector {share(m['mention_sector_accuracy']):.3f} |")
        if r.get("petrarch"):
            lv = r["petrarch"]["overall"]
            fig = "; ".join(f"{k} F1 {lv[k]['f1']:.3f} (P {lv[k]['precision']:.3f}, R {lv[k]['recall']:.3f})"
                            for k in ("code", "root", "dyad"))
            print(f"| {name} | {fig} |")
    print(f"\n{seconds:.0f} s in all, `python benchmarks/accuracy.py`")


if __name__ == "__main__":
    main()
