"""SQL for the actor registry: people learnt from articles, user corrections, aliases, roles, evidence.

Functions over a ``Store`` (the store module stays the only place that speaks SQL). Tables: ``actors``
(one row per actor: main code, origin ``registry`` or ``user``), ``actor_aliases`` (normalised alias →
actor; an alias belongs to one actor), ``actor_roles`` (date-bounded codes, from ``accord actors set
--from/--until``) and ``actor_documents`` (which article gave which evidence).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..actors.registry import Learnt, RegistryActor
    from . import Store


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _norm(text: str) -> str:
    from ..actors.kb import normalise_phrase

    return normalise_phrase(text)


def registry_actors(store: "Store") -> dict[str, "RegistryActor"]:
    """Every registry actor with aliases and roles, for a ``RegistrySnapshot``."""
    from ..actors.registry import RegistryActor, Role

    con = store.con
    actors: dict[str, RegistryActor] = {}
    for row in con.execute(
            "SELECT actor_id, name, kind, code, country, sector, origin, confidence, n_documents FROM actors "
            "ORDER BY actor_id").fetchall():
        actors[row[0]] = RegistryActor(row[0], row[1], row[2], row[3], row[4], row[5], row[6] or "registry",
                                       row[7] if row[7] is not None else 0.8, row[8] or 0)
    for alias, actor_id in con.execute("SELECT alias, actor_id FROM actor_aliases ORDER BY alias").fetchall():
        if actor_id in actors:
            actors[actor_id].aliases.append(alias)
    for row in con.execute("SELECT actor_id, code, country, sector, valid_from, valid_until, origin FROM actor_roles "
                           "ORDER BY actor_id, valid_from NULLS FIRST").fetchall():
        if row[0] in actors:
            actors[row[0]].roles.append(Role(row[1], row[2], row[3], row[4], row[5], row[6] or "user"))
    # When the role was learnt: it holds around the articles that showed it, not forever.
    for actor_id, first, last in con.execute(
            "SELECT actor_id, min(published), max(published) FROM actor_documents WHERE published IS NOT NULL "
            "GROUP BY actor_id").fetchall():
        if actor_id in actors:
            actors[actor_id].first_seen, actors[actor_id].last_seen = first, last
    return actors


def find_actor(store: "Store", key: str) -> str | None:
    """An actor id from an id, a name or an alias (case-insensitive)."""
    con = store.con
    row = con.execute("SELECT actor_id FROM actors WHERE actor_id = ?", [key]).fetchone()
    if row:
        return row[0]
    norm = _norm(key)
    row = con.execute("SELECT actor_id FROM actor_aliases WHERE alias = ?", [norm]).fetchone()
    if row:
        return row[0]
    row = con.execute("SELECT actor_id FROM actors WHERE lower(name) = ? ORDER BY origin = 'user' DESC LIMIT 1",
                      [norm]).fetchone()
    return row[0] if row else None


def _add_aliases(store: "Store", actor_id: str, aliases: Iterable[str], origin: str) -> None:
    for alias in dict.fromkeys(_norm(a) for a in aliases if a and a.strip()):
        store.con.execute("INSERT INTO actor_aliases (alias, actor_id, origin) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                          [alias, actor_id, origin])


def _link_document(store: "Store", actor_id: str, doc_id: str, text: str | None, resolution: str | None,
                   confidence: float | None, published: str | None) -> bool:
    """Record that ``doc_id`` gave evidence about the actor. True if this document is new for the actor."""
    known = store.con.execute("SELECT count(*) FROM actor_documents WHERE actor_id = ? AND doc_id = ?",
                              [actor_id, doc_id]).fetchone()[0]
    if known:
        return False
    store.con.execute("INSERT INTO actor_documents VALUES (?, ?, ?, ?, ?, ?)",
                      [actor_id, doc_id, text, resolution, confidence, published])
    store.con.execute("UPDATE actors SET n_documents = (SELECT count(*) FROM actor_documents d "
                      "WHERE d.actor_id = actors.actor_id) WHERE actor_id = ?", [actor_id])
    return True


def remember(store: "Store", learnt: "Learnt") -> str:
    """Add what an article taught about a person; a user correction is never overwritten by inference."""
    from ..actors.registry import actor_id_for

    con = store.con
    actor_id = find_actor(store, learnt.name) or actor_id_for(learnt.name)
    row = con.execute("SELECT origin, confidence, code FROM actors WHERE actor_id = ?", [actor_id]).fetchone()
    if row is None:
        con.execute(
            "INSERT INTO actors (actor_id, name, code, country, sector, origin, evidence_doc, evidence_text, "
            "confidence, updated, kind, valid_from, valid_until, n_documents) "
            "VALUES (?, ?, ?, ?, ?, 'registry', ?, ?, ?, ?, 'person', NULL, NULL, 0)",
            [actor_id, learnt.name, learnt.code, learnt.country, learnt.sector, learnt.evidence_doc,
             learnt.evidence_text, learnt.confidence, _now()])
    elif row[0] != "user" and (learnt.confidence > (row[1] or 0) or learnt.code == row[2]):
        con.execute("UPDATE actors SET code = ?, country = ?, sector = ?, evidence_doc = ?, evidence_text = ?, "
                    "confidence = ?, updated = ? WHERE actor_id = ?",
                    [learnt.code, learnt.country, learnt.sector, learnt.evidence_doc, learnt.evidence_text,
                     max(learnt.confidence, row[1] or 0), _now(), actor_id])
    _add_aliases(store, actor_id, [learnt.name, *learnt.aliases], "registry")
    _link_document(store, actor_id, learnt.evidence_doc, learnt.evidence_text, learnt.resolution,
                   learnt.confidence, learnt.day)
    return actor_id


def remember_all(store: "Store", learnt: Iterable["Learnt"]) -> int:
    """``remember`` each, in one transaction. Returns how many were written."""
    items = list(learnt)
    if not items:
        return 0
    store.con.execute("BEGIN TRANSACTION")
    try:
        for item in items:
            remember(store, item)
        store.con.execute("COMMIT")
    except Exception:
        store.con.execute("ROLLBACK")
        raise
    return len(items)


def set_correction(store: "Store", name: str, code: str, country: str | None, sector: str | None,
                   valid_from: str | None = None, valid_until: str | None = None, kind: str | None = None) -> str:
    """A user's correction: the actor (created if unknown) takes ``code``; with dates, as a bounded role."""
    from ..actors.registry import actor_id_for

    con = store.con
    actor_id = find_actor(store, name)
    if actor_id is None:
        actor_id = actor_id_for(name)
        con.execute(
            "INSERT INTO actors (actor_id, name, code, country, sector, origin, evidence_doc, evidence_text, "
            "confidence, updated, kind, valid_from, valid_until, n_documents) "
            "VALUES (?, ?, ?, ?, ?, 'user', NULL, NULL, 1.0, ?, ?, NULL, NULL, 0)",
            [actor_id, name, None if (valid_from or valid_until) else code, country, sector, _now(),
             kind or "person"])
    else:
        con.execute("UPDATE actors SET origin = 'user', confidence = 1.0, updated = ? WHERE actor_id = ?",
                    [_now(), actor_id])
        if kind:
            con.execute("UPDATE actors SET kind = ? WHERE actor_id = ?", [kind, actor_id])
    if valid_from or valid_until:
        con.execute("DELETE FROM actor_roles WHERE actor_id = ? AND coalesce(valid_from, '') = ? "
                    "AND coalesce(valid_until, '') = ?", [actor_id, valid_from or "", valid_until or ""])
        con.execute("INSERT INTO actor_roles VALUES (?, ?, ?, ?, ?, ?, 'user', ?)",
                    [actor_id, code, country, sector, valid_from, valid_until, _now()])
    else:
        con.execute("UPDATE actors SET code = ?, country = ?, sector = ? WHERE actor_id = ?",
                    [code, country, sector, actor_id])
    _add_aliases(store, actor_id, [name], "user")
    return actor_id


def merge(store: "Store", keep: str, drop: str) -> None:
    """The second actor's aliases, roles and documents join the first; the second is removed."""
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("UPDATE actor_aliases SET actor_id = ? WHERE actor_id = ?", [keep, drop])
        name = con.execute("SELECT name FROM actors WHERE actor_id = ?", [drop]).fetchone()
        if name:
            _add_aliases(store, keep, [name[0]], "user")
        con.execute("UPDATE actor_roles SET actor_id = ? WHERE actor_id = ?", [keep, drop])
        con.execute("INSERT INTO actor_documents SELECT ?, doc_id, text, resolution, confidence, published "
                    "FROM actor_documents WHERE actor_id = ? ON CONFLICT DO NOTHING", [keep, drop])
        con.execute("DELETE FROM actor_documents WHERE actor_id = ?", [drop])
        con.execute("DELETE FROM actors WHERE actor_id = ?", [drop])
        con.execute("UPDATE actors SET n_documents = (SELECT count(*) FROM actor_documents d "
                    "WHERE d.actor_id = actors.actor_id), updated = ? WHERE actor_id = ?", [_now(), keep])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def list_actors(store: "Store", kind: str | None = None, origin: str | None = None) -> list[dict[str, Any]]:
    clauses, params = [], []
    if kind:
        clauses.append("coalesce(kind, 'person') = ?")
        params.append(kind)
    if origin:
        clauses.append("origin = ?")
        params.append(origin)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = store._dicts(
        "SELECT actor_id, name, kind, code, country, sector, origin, confidence, n_documents, evidence_doc, "
        f"evidence_text, updated FROM actors{where} ORDER BY origin = 'user' DESC, n_documents DESC, name", params)
    aliases: dict[str, list[str]] = {}
    for alias, actor_id in store.con.execute("SELECT alias, actor_id FROM actor_aliases ORDER BY alias").fetchall():
        aliases.setdefault(actor_id, []).append(alias)
    for r in rows:
        r["aliases"] = aliases.get(r["actor_id"], [])
    return rows


def actor_detail(store: "Store", actor_id: str) -> dict[str, Any] | None:
    rows = store._dicts("SELECT * FROM actors WHERE actor_id = ?", [actor_id])
    if not rows:
        return None
    detail = rows[0]
    detail["aliases"] = [r[0] for r in store.con.execute(
        "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias", [actor_id]).fetchall()]
    detail["roles"] = store._dicts(
        "SELECT code, country, sector, valid_from, valid_until, origin FROM actor_roles WHERE actor_id = ? "
        "ORDER BY valid_from NULLS FIRST", [actor_id])
    detail["documents"] = store._dicts(
        "SELECT doc_id, published, text, resolution, confidence FROM actor_documents WHERE actor_id = ? "
        "ORDER BY published NULLS LAST, doc_id", [actor_id])
    return detail


__all__ = ["actor_detail", "find_actor", "list_actors", "merge", "registry_actors", "remember", "remember_all",
           "set_correction"]
