"""The ``accord actors`` API: import dictionaries, inspect and correct the actor registry.

Each function is what one ``accord actors ...`` command does (the CLI only parses arguments), and each is
re-exported from ``accord`` (``accord.import_dictionaries`` …). Corrections made with ``set_actor`` win over
everything else the next time documents are coded; documents already in the store keep their codes until
re-coded with ``accord code ... --force``.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from ..store import DEFAULT_DB, open_store
from .kb import KnowledgeBase, normalise_phrase
from .tabari_import import ImportReport, import_files

REGISTRY_ORIGINS = ("registry", "user")
LIST_ORIGINS = ("registry", "user", "dictionary", "kb")


def import_dictionaries(paths: list[str | Path], db: str | Path = DEFAULT_DB, *, kind: str | None = None,
                        replace: bool = False) -> list[ImportReport]:
    """``accord actors import FILE...``: store TABARI/PETRARCH actor, agent or discard dictionaries.

    The kind is detected unless given; a file that cannot be read yields a report with ``error`` set and the
    others are still imported. Importing the same content twice stores it once. ``replace=True`` makes the
    imported actors (agents) replace accord's shipped ones for this store; discards are kept for the coder.
    """
    with open_store(db) as store:
        return import_files(store, list(paths), kind=kind, replace=replace)


def list_actors(db: str | Path = DEFAULT_DB, *, kind: str | None = None,
                origin: str | None = None) -> list[dict[str, Any]]:
    """``accord actors list``: registry actors (learnt and corrected) by default; ``origin="kb"`` or
    ``"dictionary"`` lists the shipped or imported knowledge base instead, one row per actor and code."""
    if origin in (None, *REGISTRY_ORIGINS):
        from ..store import registry as sql

        with open_store(db) as store:
            return sql.list_actors(store, kind=kind, origin=origin)
    if origin not in LIST_ORIGINS:
        raise ValueError(f"unknown origin {origin!r} (expected one of {', '.join(LIST_ORIGINS)})")
    with open_store(db) as store:
        kb = KnowledgeBase.load(store=store) if origin == "dictionary" else KnowledgeBase.load()
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    for phrase, entries in kb.actors.items():
        for e in entries:
            if e.origin != origin or (kind and e.kind != kind):
                continue
            key = (e.name or e.phrase, e.code)
            grouped.setdefault(key, {"name": e.name or e.phrase, "code": e.code, "country": e.country,
                                     "sector": e.sector, "kind": e.kind, "origin": e.origin,
                                     "valid_from": e.valid_from, "valid_until": e.valid_until, "source": e.source})
            aliases[key].add(phrase)
    rows = []
    for key, row in sorted(grouped.items(), key=lambda kv: (kv[0][0].lower(), kv[1]["valid_from"] or "")):
        row["aliases"] = sorted(aliases[key])
        rows.append(row)
    return rows


def show_actor(key: str, db: str | Path = DEFAULT_DB, *, day: str | None = None) -> dict[str, Any] | None:
    """``accord actors show NAME|ID``: a registry actor's aliases, codes with dates, evidence and documents;
    for a name only the knowledge base knows, its KB rows (and the one valid on ``day``)."""
    from ..store import registry as sql

    with open_store(db) as store:
        actor_id = sql.find_actor(store, key)
        if actor_id is not None:
            detail = sql.actor_detail(store, actor_id)
            if detail is not None:
                detail["known_from"] = "registry"
                return detail
        kb = KnowledgeBase.load(store=store)
    entries = kb.entries(key)
    if not entries:
        return None
    choice = kb.choose(entries, day)
    return {
        "name": entries[0].name or key,
        "known_from": entries[0].origin,
        "phrase": normalise_phrase(key),
        "roles": [{"code": e.code, "country": e.country, "sector": e.sector, "kind": e.kind,
                   "valid_from": e.valid_from, "valid_until": e.valid_until, "source": e.source,
                   "name": e.name} for e in entries],
        "on_day": None if choice is None else {"day": day, "code": choice.code, "country": choice.country,
                                               "sector": choice.sector, "name": choice.entry.name},
    }


def merge_actors(keep: str, drop: str, db: str | Path = DEFAULT_DB) -> dict[str, Any]:
    """``accord actors merge ID ID``: the second actor's aliases, roles and documents join the first."""
    from ..store import registry as sql

    with open_store(db) as store:
        keep_id, drop_id = sql.find_actor(store, keep), sql.find_actor(store, drop)
        if keep_id is None or drop_id is None:
            missing = keep if keep_id is None else drop
            raise LookupError(f"{missing}: no such actor in the registry (see `accord actors list`)")
        if keep_id == drop_id:
            raise ValueError(f"{keep} and {drop} are the same actor")
        sql.merge(store, keep_id, drop_id)
        return sql.actor_detail(store, keep_id) or {}


def set_actor(name: str, code: str, db: str | Path = DEFAULT_DB, *, country: str | None = None,
              sector: str | None = None, valid_from: str | None = None, valid_until: str | None = None,
              kind: str | None = None) -> dict[str, Any]:
    """``accord actors set NAME --code CODE``: a user correction that wins over every other source.

    Country and sector default to what the code implies (USAGOV → USA, GOV). With ``valid_from`` /
    ``valid_until`` (ISO dates, inclusive) the code holds only for those dates. Later ``accord code`` runs
    use it; re-code stored documents with ``accord code ... --force`` to apply it to them.
    """
    from ..store import registry as sql

    code = code.strip().upper()
    if not code or not all(c.isalnum() or c == "-" for c in code):
        raise ValueError(f"{code!r}: not a CAMEO actor code (letters, e.g. USAGOV)")
    for label, value in (("--from", valid_from), ("--until", valid_until)):
        if value and not _iso_day(value):
            raise ValueError(f"{label} {value!r}: expected an ISO date YYYY-MM-DD")
    kb = KnowledgeBase.load_codes()
    country = (country or kb.country_of(code) or "").upper() or None
    sector = (sector or kb.sector_of_code(code) or "").upper() or None
    with open_store(db) as store:
        actor_id = sql.set_correction(store, name.strip(), code, country, sector, valid_from, valid_until, kind)
        return sql.actor_detail(store, actor_id) or {}


def _iso_day(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


__all__ = ["import_dictionaries", "list_actors", "merge_actors", "set_actor", "show_actor"]
