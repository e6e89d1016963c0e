"""Reading and extending the event lexicon: what ``accord lexicon show|add|import|list|remove`` do.

User additions live in the store (kind ``verbs``: a parsed TABARI/PETRARCH verb dictionary as JSON; kind
``nouns``: event nouns), layered over the shipped lexicon each time resources are loaded, so every later
``accord code`` and ``accord eval`` run with that store uses them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dictionaries.tabari import (
    DictionaryError,
    DictPattern,
    DictVerb,
    VerbBlock,
    VerbDictionary,
    detect_kind,
    read_verbs,
    tokenize_pattern,
)
from ..ontology import Ontology
from .lexicon import Lexicon
from .patterns import singular


@dataclass
class ImportResult:
    path: str
    dictionary_id: str | None = None
    added: bool = False
    blocks: int = 0
    patterns: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def import_verbs(store: Any, paths: list[str | Path], replace: bool = False) -> list[ImportResult]:
    """Import TABARI/PETRARCH verb dictionaries into ``store``. A bad file is reported and skipped.

    ``replace``: use the imported verbs *instead of* the shipped lexicon (to reproduce PETRARCH's conditions,
    e.g. its validation suite with its toy dictionary).
    """
    results = []
    for path in paths:
        res = ImportResult(str(path))
        try:
            kind = detect_kind(Path(path))
            if kind != "verbs":
                raise DictionaryError(f"{path}: a {kind} dictionary, not a verb dictionary (use `accord actors import`)")
            vd = read_verbs(Path(path))
        except (DictionaryError, OSError) as exc:
            res.error = str(exc)
            results.append(res)
            continue
        res.blocks, res.patterns, res.warnings = len(vd.blocks), len(vd.patterns), list(vd.warnings)
        res.dictionary_id, res.added = store.add_dictionary("verbs", Path(path).name, [vd.to_json()],
                                                            replaces_builtin=replace)
        results.append(res)
    return results


def add_verb(store: Any, verb: str, code: str | None, patterns: list[tuple[str, str]] | None = None,
             ontology: Ontology | None = None) -> str:
    """Add one verb (``"break off"``; ``+`` marks the inflected word when it is not the first) with a default
    code, and optional ``(pattern, code)`` pairs in the PETRARCH language ("* (with +)", "042:043")."""
    ontology = ontology or Ontology()
    words = verb.lower().split()
    if not words:
        raise ValueError("empty verb")
    index = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    for c in [code, *(c for _, c in patterns or [])]:
        _check_code(c, ontology)
    dict_patterns = []
    for i, (text, pcode) in enumerate(patterns or []):
        tokens = tokenize_pattern(text)
        primary, _, reverse = (pcode or "---").partition(":")
        dict_patterns.append(DictPattern(tokens, text, None if primary in ("", "---") else primary,
                                         reverse or None, "added with accord lexicon add", i + 1))
    block = VerbBlock(name=" ".join(words).upper(), code=code, patterns=dict_patterns, line=0,
                      verbs=[DictVerb(words, index, [], None, 0)])
    vd = VerbDictionary(synsets={}, blocks=[block])
    dictionary_id, _ = store.add_dictionary("verbs", f"lexicon add {' '.join(words)}", [vd.to_json()])
    return dictionary_id


def add_noun(store: Any, noun: str, code: str, target_preps: list[str], symmetric: bool = False,
             ontology: Ontology | None = None) -> str:
    """Add an event noun ("blockade", code 191, target after "of" or "on")."""
    _check_code(code, ontology or Ontology())
    entry = {"id": f"user:{noun.lower()}", "noun": noun.lower(), "code": code,
             "target_preps": sorted(p.lower() for p in target_preps), "symmetric": symmetric}
    dictionary_id, _ = store.add_dictionary("nouns", f"lexicon add --noun {noun.lower()}", [entry])
    return dictionary_id


def _check_code(code: str | None, ontology: Ontology) -> None:
    if code in (None, "", "---"):
        return
    for part in str(code).split(":"):
        if part and not ontology.is_cameo(part):
            raise ValueError(f"{part!r} is not a CAMEO event code (see accord's data/ontology/cameo_event_codes.tsv)")


def describe(lexicon: Lexicon, word: str, ontology: Ontology | None = None) -> dict[str, Any]:
    """Everything the lexicon says about a verb or an event noun, for ``accord lexicon show``."""
    ontology = ontology or Ontology()
    word = word.lower().strip()
    head = word.split()[0].lstrip("+") if word else word
    out: dict[str, Any] = {"word": word, "verbs": [], "nouns": []}

    def name(code: str | None) -> str | None:
        if code is None:
            return None
        try:
            return ontology.cameo_info(code).name
        except KeyError:
            return None

    words = [w.lstrip("+") for w in word.split()]
    candidates = [e for w in dict.fromkeys(words) for e in lexicon.verb_entries(w)]
    exact = [e for e in candidates if list(e.words) == words]
    for entry in exact or [e for e in candidates if e.words == (head,)] or candidates:
        block = lexicon.blocks[entry.block]
        code = lexicon.default_code(entry)
        out["verbs"].append({
            "verb": " ".join(entry.words), "block": block.name, "origin": entry.origin,
            "default_code": code, "default_name": name(code),
            "block_verbs": sorted({" ".join(v.words) for v in block.verbs}),
            "patterns": [{"id": p.id, "pattern": p.text, "code": p.code, "name": name(p.code),
                          "reverse_code": p.reverse_code} for p in block.patterns],
        })
    for noun in lexicon.nouns.get(word) or lexicon.nouns.get(singular(word), []):
        out["nouns"].append({"noun": noun.noun, "id": noun.id, "code": noun.code, "name": name(noun.code),
                             "target_preps": sorted(noun.target_preps), "symmetric": noun.symmetric})
    return out


def format_description(info: dict[str, Any]) -> str:
    lines: list[str] = []
    if not info["verbs"] and not info["nouns"]:
        return f"{info['word']!r} is not in the lexicon (add it with `accord lexicon add`)."
    for v in info["verbs"]:
        default = f"{v['default_code']} {v['default_name'] or ''}".strip() if v["default_code"] else "--- (no event alone)"
        lines.append(f"verb {v['verb']!r}  block {v['block']} ({v['origin']})  default: {default}")
        others = [b for b in v["block_verbs"] if b != v["verb"]]
        if others:
            lines.append("  same block: " + ", ".join(others[:20]) + (" ..." if len(others) > 20 else ""))
        for p in v["patterns"]:
            code = p["code"] or "---"
            if p["reverse_code"]:
                code += ":" + p["reverse_code"]
            lines.append(f"  {p['pattern']:<45} {code:<9} {p['name'] or ''}")
    for n in info["nouns"]:
        preps = "|".join(n["target_preps"]) or "-"
        lines.append(f"noun {n['noun']!r}  {n['code']} {n['name'] or ''}  target after: {preps}"
                     + ("  (symmetric)" if n["symmetric"] else ""))
    return "\n".join(lines)
