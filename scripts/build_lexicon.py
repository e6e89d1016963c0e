"""Build accord's shipped verb lexicon from the CAMEO 2.0 verb dictionary and accord's own additions.

    python scripts/build_lexicon.py --shared ../shared [--out src/accord/data/lexicon]

Inputs: ``<shared>/dictionaries/CAMEO.2.0.txt`` (PETRARCH verb dictionary, MIT, Open Event Data Alliance),
``<shared>/dictionaries/Phoenix.discards.txt`` (MIT), ``scripts/lexicon_curated/accord.discards.txt`` (accord's
own discards, same format) and ``scripts/lexicon_curated/accord.verbs.txt`` (accord's own verbs and patterns,
written in the same dictionary language so contributors need learn only one). Outputs, all
TSV and deterministic (run twice, diff nothing): ``blocks.tsv``, ``verbs.tsv``, ``patterns.tsv``, ``synsets.tsv``
and ``discards.tsv``. The hand-written ``nouns.tsv``, ``symmetric.tsv``, ``contexts.tsv`` and ``light_verbs.tsv``
are not touched. accord's own blocks are listed first, so their default codes win for a verb both define.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from accord.dictionaries.tabari import read_discards, read_verbs  # noqa: E402
from accord.ontology import Ontology  # noqa: E402

ONTOLOGY = Ontology()
FIXED: dict[str, str] = {}

CURATED = ROOT / "scripts" / "lexicon_curated" / "accord.verbs.txt"
CURATED_DISCARDS = ROOT / "scripts" / "lexicon_curated" / "accord.discards.txt"
# Phoenix discards that are about *when*, not *what* ("months later", "years ago"): dating events is accord's job,
# and dropping every sentence with a look back would lose real events.
# CAMEO 2.0 blocks of verbs of receiving (RECEIVE, OBTAIN, GET ...) whose aid patterns ("* &weapon [072]") code the
# receiver as the giver: rewritten so that only the other side acts ("[---:072]"), as its own "* support (from)" does.
RECEIVER_BLOCKS = frozenset({"OBTAIN"})
AID_ROOT = "07"
TEMPORAL_DISCARD = re.compile(r"\b(later|ago)$|^[\d\s]+$")  # and bare years: a year is no reason to drop a sentence


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def _fix(code: str) -> str:
    """A code the CAMEO table knows: typos stripped ("080!"), codes outside the table mapped to their nearest
    known parent ("1952" -> "195", "176" -> "170"); every change is reported by the build."""
    if not code or code == "---" or ONTOLOGY.is_cameo(code):
        return code
    clean = "".join(ch for ch in code if ch.isdigit())
    probe = clean
    while probe and not ONTOLOGY.is_cameo(probe):
        probe = probe[:-1]
    fixed = probe + "0" if len(probe) == 2 else probe
    if not fixed:
        raise ValueError(f"code {code!r} has no CAMEO parent")
    FIXED[code] = fixed
    return fixed


def _code(code: str | None) -> str:
    """A code field: '---' for none, 'x' or 'x:y' for a pair (a second event, target -> source)."""
    if code is None:
        return "---"
    primary, sep, reverse = code.partition(":")
    primary = _fix(primary) if primary else "---"
    return primary + (":" + _fix(reverse) if sep and reverse else "")


def _verb_text(words: list[str], verb_index: int) -> str:
    if len(words) == 1 or verb_index == 0:
        return " ".join(words)
    return " ".join(("+" + w) if i == verb_index else w for i, w in enumerate(words))


def build(shared: Path, out: Path) -> dict[str, int]:
    sources = [("accord", CURATED), ("cameo2", shared / "dictionaries" / "CAMEO.2.0.txt")]
    blocks_rows, verb_rows, pattern_rows, synset_rows = [], [], [], []
    seen_blocks: set[str] = set()
    synsets: dict[str, tuple[str, list[str]]] = {}
    warnings = 0
    cameo_text = sources[1][1].read_text(encoding="utf-8", errors="replace")
    # accord's own patterns may use CAMEO 2.0's synonym sets (&MILITARY, &WEAPON ...): parse the curated file with
    # those definitions in front, and take line numbers back to the curated file's own.
    synset_part = cameo_text[cameo_text.index("####### SYNONYM SETS"):cameo_text.index("####### VERB PATTERNS")]
    offset = synset_part.count("\n")
    for tag, path in sources:
        if tag == "accord":
            vd = read_verbs(synset_part + path.read_text(encoding="utf-8"), name=str(path))
            vd.synsets = {k: v for k, v in vd.synsets.items()
                          if k not in read_verbs(synset_part + "\n", name="cameo-synsets").synsets}
            for b in vd.blocks:
                b.line -= offset
                for v in b.verbs:
                    v.line -= offset
                for p in b.patterns:
                    p.line -= offset
        else:
            vd = read_verbs(path)
        warnings += len(vd.warnings)
        for w in vd.warnings:
            print(f"warning: {w}", file=sys.stderr)
        for name in sorted(vd.synsets):
            if name not in synsets:  # accord's definition of a synset wins
                synsets[name] = (tag, vd.synsets[name].phrases)
        for b in vd.blocks:
            block = f"{tag}:{b.name}"
            if block in seen_blocks:
                block = f"{block}@{b.line}"
            seen_blocks.add(block)
            blocks_rows.append((block, _code(b.code), f"{tag}:{b.line}"))
            for v in b.verbs:
                code = "" if v.code is None else _code(v.code)
                verb_rows.append((block, _verb_text(v.words, v.verb_index), code, f"{tag}:{v.line}"))
            for p in b.patterns:
                code, reverse = _code(p.code), _fix(p.reverse_code or "")
                if tag == "cameo2" and b.name in RECEIVER_BLOCKS and code[:2] == AID_ROOT and not reverse and \
                        "(to" not in p.text.lower():
                    code, reverse = "---", code  # "received military aid": the other side gives it
                pattern_rows.append((f"{tag}:{p.line}", block, _clean(p.text).lower(), code,
                                     reverse, _clean(p.comment or ""), f"{tag}:{p.line}"))
    for name in sorted(synsets):
        tag, phrases = synsets[name]
        for phrase in phrases:
            synset_rows.append((name, phrase, tag))

    discards = [*read_discards(shared / "dictionaries" / "Phoenix.discards.txt").entries,
                *read_discards(CURATED_DISCARDS).entries]
    discard_rows = sorted({(d.phrase.lower(), "story" if d.story else "sentence")
                           for d in discards if not TEMPORAL_DISCARD.search(d.phrase.lower())})

    header = ("# Generated by scripts/build_lexicon.py from CAMEO.2.0.txt (MIT, Open Event Data Alliance) and\n"
              "# scripts/lexicon_curated/accord.verbs.txt (accord). Do not edit: edit the sources and rebuild.\n")
    _write(out / "blocks.tsv", header + "# A block: verbs sharing patterns and a default CAMEO code ('---': none).\n",
           ("block", "code", "source"), blocks_rows)
    _write(out / "verbs.tsv", header + "# verb: its words; '+' marks the inflected word of a multi-word verb when it is "
           "not the first.\n# code: the verb's own default (blank: the block's; '---': none).\n",
           ("block", "verb", "code", "source"), verb_rows)
    _write(out / "patterns.tsv", header + "# pattern: PETRARCH syntax ('*' verb, '$' source, '+' target, '%' compound, "
           "'&' synset,\n# '{}' noun phrase, '()' prepositional phrase, '_' adjacent words); code '---': not an event;\n"
           "# reverse_code: a second event coded target -> source.\n",
           ("id", "block", "pattern", "code", "reverse_code", "note", "source"), pattern_rows)
    _write(out / "synsets.tsv", header + "# Synonym sets used in patterns as &NAME; one row per member phrase.\n",
           ("name", "phrase", "source"), synset_rows)
    _write(out / "discards.tsv",
           "# Generated by scripts/build_lexicon.py from Phoenix.discards.txt (MIT, Open Event Data Alliance) and\n"
           "# scripts/lexicon_curated/accord.discards.txt (accord),\n"
           "# without its temporal entries ('... ago', '... later', bare years). A sentence containing a phrase is not coded;\n"
           "# scope 'story': the whole document is not coded (sports results and the like).\n",
           ("phrase", "scope"), discard_rows)
    for old, new in sorted(FIXED.items()):
        print(f"code {old!r} is not in the CAMEO table: coded as {new!r}", file=sys.stderr)
    return {"blocks": len(blocks_rows), "verbs": len(verb_rows), "patterns": len(pattern_rows),
            "synset_phrases": len(synset_rows), "discards": len(discard_rows), "warnings": warnings}


def _write(path: Path, header: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(header)
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(str(c).replace("\t", " ") for c in row) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "accord" / "data" / "lexicon")
    args = ap.parse_args()
    counts = build(args.shared, args.out)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
