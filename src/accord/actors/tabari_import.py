"""``accord actors import``: a user's TABARI/PETRARCH actor, agent and discard dictionaries into the store.

Parsing is ``accord.dictionaries.tabari``'s job; this module stores the parsed entries (idempotently:
the same content imported twice is stored once) and turns stored entries back into knowledge-base rows
(origin ``dictionary``) when a ``KnowledgeBase`` is loaded. ``--replace`` makes the imported actors (or
agents) stand in for accord's shipped ones, which is how PETRARCH's validation conditions are reproduced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .kb import ActorEntry, AgentEntry, KnowledgeBase

IMPORT_KINDS = ("actors", "agents", "discards")


@dataclass
class ImportReport:
    """What importing one file did (or the one-line reason it could not)."""

    path: str
    kind: str | None = None
    entries: int = 0
    warnings: list[str] = field(default_factory=list)
    added: bool = False  # False when the same content was already stored
    error: str | None = None
    dictionary_id: str | None = None

    def line(self) -> str:
        if self.error:
            return f"accord: {self.error}"
        state = "imported" if self.added else "already imported"
        return f"{self.path}: {state}: {self.entries} {self.kind} entries, {len(self.warnings)} warnings"


def import_files(store: Any, paths: list[str | Path], kind: str | None = None,
                 replace: bool = False) -> list[ImportReport]:
    """Read and store each dictionary file; a file that cannot be read is reported and the rest go on."""
    from ..dictionaries import DictionaryError, read_any

    reports = []
    for path in paths:
        report = ImportReport(str(path))
        try:
            if kind is not None and kind not in IMPORT_KINDS:
                raise DictionaryError(f"{path}: unknown dictionary kind '{kind}' (expected {', '.join(IMPORT_KINDS)})")
            p = Path(path)
            if not p.is_file():
                raise DictionaryError(f"{path}: no such file")
            parsed = read_any(p, kind=kind)
            detected = kind or _kind_of(parsed)
            if kind is None and detected == "discards" and "discard" not in p.name.lower():
                # any plain text reads as a phrase list: ask before storing it as one
                raise DictionaryError(f"{path}: not an actors or agents dictionary (no [CODE] entries); "
                                      "if it is a discard list, import it with --kind discards")
            if detected not in IMPORT_KINDS:
                raise DictionaryError(f"{path}: is a {detected} dictionary; import it with `accord lexicon import`")
            entries = [e.to_json() for e in parsed.entries]  # type: ignore[union-attr]
            if not entries:
                raise DictionaryError(f"{path}: no {detected} entries found")
            report.kind = detected
            report.entries = len(entries)
            report.warnings = list(parsed.warnings)  # type: ignore[union-attr]
            report.dictionary_id, report.added = store.add_dictionary(detected, p.name, entries,
                                                                      replaces_builtin=replace)
        except (DictionaryError, OSError, UnicodeDecodeError) as exc:
            message = str(exc)
            report.error = message if message.startswith(str(path)) else f"{path}: {message}"
        reports.append(report)
    return reports


def _kind_of(parsed: Any) -> str:
    from ..dictionaries import DictActor, DictAgent, DictDiscard

    entries = getattr(parsed, "entries", None)
    if entries is None:
        return "verbs"
    if not entries:
        return "actors"
    first = entries[0]
    return {DictActor: "actors", DictAgent: "agents", DictDiscard: "discards"}.get(type(first), "actors")


def _kind_for(code: str, phrase: str, dated: bool) -> str:
    head = code[:3]
    if head == "IGO":
        return "igo"
    if head in ("NGO", "NGM"):
        return "ngo"
    if head == "MNC":
        return "mnc"
    if head == "IMG":
        return "armed_group"
    words = phrase.split()
    if dated and 2 <= len(words) <= 5 and all(re.fullmatch(r"[a-z'.\-]+", w) for w in words):
        return "person"
    return "dictionary"


def actor_entries(data: dict[str, Any], kb: KnowledgeBase, source: str = "dictionary") -> list[ActorEntry]:
    """KB rows for one stored ``DictActor``: one per phrase per code (dated ones bounded, the default open)."""
    phrases = data.get("phrases") or []
    if not phrases:
        return []
    default = (data.get("code") or "").upper() or None
    dated = data.get("dated") or []
    primary = phrases[0]["text"]
    name = " ".join(w.capitalize() if not w.isupper() else w for w in primary.split())
    kind = _kind_for((default or (dated[0]["code"] if dated else "")).upper(), primary, bool(dated))
    rows: list[tuple[str, str | None, str | None]] = [(d["code"].upper(), d.get("start"), d.get("end")) for d in dated]
    if default:
        rows.append((default, None, None))
    out = []
    for p in phrases:
        for code, start, end in rows:
            first = code.split("/")[0]
            country = kb.country_of(first) if first not in ("---", "+++", "###") else None
            out.append(ActorEntry(p["text"], code, country, kb.sector_of_code(first), kind, name, start, end,
                                  source, "dictionary", bool(p.get("open_ended")), None, 1.0))
    return out


def agent_entries(data: dict[str, Any], kb: KnowledgeBase, source: str = "dictionary") -> list[AgentEntry]:
    code = (data.get("code") or "").upper().strip("~ ")
    if not code:
        return []
    position = data.get("position") or "suffix"
    sector = kb.sector_for(code)
    return [AgentEntry(p, code, sector, position, source, "dictionary") for p in data.get("phrases") or []]


def load_into(kb: KnowledgeBase, store: Any) -> None:
    """Add every imported agent, then actor, entry in the store to ``kb`` (origin ``dictionary``); agents
    first, so actor codes like HOBGOV find their sector."""
    for data in store.dictionary_entries("agents"):
        for agent in agent_entries(data, kb):
            kb.add_agent(agent)
    for data in store.dictionary_entries("actors"):
        for entry in actor_entries(data, kb):
            kb.add_actor(entry)


__all__ = ["IMPORT_KINDS", "ImportReport", "actor_entries", "agent_entries", "import_files", "load_into"]
