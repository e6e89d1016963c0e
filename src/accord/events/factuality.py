"""Factuality and attribution of an event trigger: asserted, negated, hypothetical, future or claimed.

PETRARCH and GDELT code "Iran threatened to bomb X" as an attack and "X denied meeting Y" as a meeting; only
events that are asserted to have happened should count. Given a trigger token (a verb such as "imposed" or an
event noun such as "talks"), ``FactualityModel.assess`` walks the dependency parse from the trigger up to the
root and lets the nearest deciding cue win:

* the trigger's own clause first: its negation, modals, subordinator, the determiner "no" on it or on its
  passive subject/object, and, for an event noun, the verb it is the object of ("did not hold talks");
* then each governing clause in turn: "threatened to", "refused to", "claims that", "proposals for", an
  enclosing "if", and the modality of a clause the trigger is controlled by ("would agree to sign").

Neutral reported speech ("officials said", "according to X") never decides: the event keeps its own
factuality and the speaker becomes its ``reporter``. A relative clause or a participant noun phrase stops
the walk (its factuality is its own), and a conjoined clause with its own subject does not inherit its
sibling's negation or modality ("Iran refused the offer and Iraq signed the treaty": the signing is asserted).

The cue words are data (``accord/data/lexicon/factuality.tsv``); this module only knows the grammar.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..ontology import data_path
from ..records import FACTUALITY

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Columns every cue table has; ``claimer`` is optional.
REQUIRED_COLUMNS = ("cue", "role", "where", "factuality")
#: Roles a cue can play (see the header of factuality.tsv).
ROLES = ("marker", "predicate", "preposition", "report", "source", "light", "existence")
#: Roles whose cue decides a factuality value; the others only attribute or pass modality through.
DECIDING_ROLES = frozenset({"marker", "predicate", "preposition"})
#: Among cues found at the same distance from the trigger, the first in this order wins: a negated or
#: conditional statement is not made true by a hedge or a plan ("would not sign", "reportedly plans to").
PRECEDENCE = ("negated", "hypothetical", "future", "claimed")

# Grammar, not vocabulary: which dependency relations keep an event noun inside its governor's clause.
_NOMINAL_OWN = frozenset({"dobj", "nsubjpass", "attr", "oprd"})  # "hold talks", "talks were held", "there were talks"
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_MANNER_PREPS = frozenset({"by"})  # "retaliate by attacking": the gerund shares the clause's modality
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})  # "the ceasefire": one that exists
_ADVERSATIVE = frozenset({"but", "yet", "while", "whereas"})  # "did not meet but signed": no shared negation
_NON_NOMINAL_POS = frozenset({"VERB", "AUX"})
# Subordinators of a clause that states its own facts, whatever governs it ("vowed to retaliate after Iran
# attacked", "may resign because the army refused"): nothing above such a clause decides its factuality.
_FACTIVE_SUBORDINATORS = frozenset({"after", "since", "because", "although", "though", "whereas"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})  # "which officials said": "which" is not the speaker


class FactualityTableError(ValueError):
    """A malformed line in a factuality cue table (the message names file and line)."""


@dataclass(frozen=True)
class Assessment:
    """The factuality of one trigger, who claims it, who reports it, and the cue that decided it."""

    factuality: str  # one of accord.records.FACTUALITY
    claimer: "Token | None" = None  # for 'claimed': head of who claims/alleges it
    reporter: "Token | None" = None  # head of who reports it as neutral speech ("officials said")
    cue: str | None = None  # the word(s) that decided it, for provenance

    def __post_init__(self) -> None:
        if self.factuality not in FACTUALITY:
            raise ValueError(f"unknown factuality {self.factuality!r}")

    def __iter__(self) -> Iterator[object]:
        """Transitional: unpacks as ``(factuality, claimer)``, the shape the first coder expected."""
        yield self.factuality
        yield self.claimer


@dataclass(frozen=True)
class Cue:
    """One row of the cue table."""

    word: str
    role: str
    where: tuple[tuple[str, ...], ...]  # marker: dependency paths; other roles: one-step relations
    factuality: str | None  # None for roles that decide nothing
    names_claimer: bool = True  # False: the cue's subject is not a claimant ("the army appears to have ...")


@dataclass(frozen=True)
class _Step:
    """One move up the parse: from ``child`` to the content word ``head`` it depends on."""

    child: "Token"
    head: "Token"
    edge: str  # dependency label, or "prep:<word>" when a preposition was passed
    adp: "Token | None" = None


@dataclass
class _Candidate:
    factuality: str
    cue: str
    claimer: "Token | None" = None
    predicate: "Token | None" = None  # the governing word of a predicate cue ("prevented" in "prevented X from")


def _keys(token: "Token") -> tuple[str, str]:
    return token.lower_, token.lemma_.lower()


def _matches(token: "Token", cue: "Cue") -> bool:
    """The cue's first word is the token (text or lemma); any further words follow it literally ("yet to")."""
    words = cue.word.split()
    if words[0] not in _keys(token):
        return False
    doc = token.doc
    return all(token.i + k < len(doc) and doc[token.i + k].lower_ == w for k, w in enumerate(words[1:], start=1))


def _is_passive(verb: "Token") -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _is_nominal(token: "Token") -> bool:
    return token.pos_ not in _NON_NOMINAL_POS


def _has_subject(token: "Token") -> bool:
    return any(c.dep_ in _SUBJECTS for c in token.children)


def _infinitival(token: "Token") -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _is_clausal_complement(clause: "Token") -> bool:
    """A clause that states a noun's content ("claims that X did", "threats to bomb"), unlike a participle
    that only describes the noun ("a claim made by Trump")."""
    return _has_subject(clause) or _infinitival(clause) or any(c.dep_ == "mark" for c in clause.children)


def _closes_question(mark: "Token", trigger: "Token") -> bool:
    """A question mark counts for the trigger only if it ends the sentence and the trigger's stretch of it:
    not '"What is our crime?" he said' for "said", nor 'addressed it, asking: "Grandstander?"'."""
    if mark.i < trigger.i or any(not t.is_punct for t in mark.doc[mark.i + 1:mark.sent.end]):
        return False
    return not any(t.is_quote for t in mark.doc[trigger.i + 1:mark.i])


def _up(token: "Token") -> _Step | None:
    """The next step towards the root; a preposition is passed in the same step ("accused X of meddling")."""
    head = token.head
    if head.i == token.i:
        return None
    if token.dep_ in {"pobj", "pcomp"} and head.dep_ in {"prep", "agent", "dative"} and head.head.i != head.i:
        return _Step(token, head.head, f"prep:{head.lower_}", head)
    if token.dep_ == "relcl" and not any(c.tag_ in _RELATIVE_TAGS | {"WP$"} for c in token.children):
        # The small model often labels a noun's complement "relcl" ("threats to attack", "reports that X
        # did"); a clause without a relative pronoun is treated as the noun's complement.
        return _Step(token, head, "acl")
    return _Step(token, head, token.dep_)


def _subject(verb: "Token") -> "Token | None":
    """Who says or claims: the subject, the by-agent of a passive, or the subject of a governing verb for
    non-finite and conjoined verbs ("was quoted as saying", "denied and accused")."""
    probe = verb
    subjects = {"nsubj"}
    for _ in range(4):
        for child in probe.children:
            if child.dep_ in subjects and child.lower_ != "it" and child.tag_ not in _RELATIVE_TAGS:
                return child
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        step = _up(probe)
        if step is None or _has_subject(probe) or not (
            step.edge in {"conj", "xcomp", "advcl"} or step.edge.startswith("prep:")
        ):
            return None
        probe = step.head
        subjects = {"nsubj", "nsubjpass"}  # a governing passive's subject controls: "X was quoted as saying"
    return None


class FactualityModel:
    """Decides an event trigger's factuality from its dependency context, with cues loaded from a table.

    Load once per process (``FactualityModel.load()``) and share: the model holds no per-call state.
    """

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = tuple(cues)
        # role -> (first word of the cue, relation) -> cues; markers are indexed under relation "".
        self._index: dict[str, dict[tuple[str, str], list[Cue]]] = {role: defaultdict(list) for role in ROLES}
        for cue in cues:
            first = cue.word.split()[0]
            edges = [""] if cue.role == "marker" else [path[0] for path in cue.where]
            for edge in edges:
                self._index[cue.role][(first, edge)].append(cue)

    def _lookup(self, role: str, token: "Token", edges: tuple[str, ...] = ("",)) -> Cue | None:
        """The first cue of ``role`` that ``token`` starts, for the first of ``edges`` that has one."""
        table = self._index[role]
        for edge in edges:
            for key in dict.fromkeys(_keys(token)):
                for cue in table.get((key, edge), ()):
                    if _matches(token, cue):
                        return cue
        return None

    # --- loading -----------------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None = None) -> "FactualityModel":
        """Read the cue table (default: the shipped ``data/lexicon/factuality.tsv``)."""
        path = Path(path) if path is not None else data_path("lexicon", "factuality.tsv")
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise FactualityTableError(f"{path}: cannot read factuality cue table ({exc.strerror})") from None
        cues: list[Cue] = []
        header: list[str] | None = None
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if header is None:
                header = [c.lower() for c in cells]
                missing = set(REQUIRED_COLUMNS) - set(header)
                if missing:
                    raise FactualityTableError(f"{path}:{lineno}: header lacks column(s) {', '.join(sorted(missing))}")
                continue
            if not len(REQUIRED_COLUMNS) <= len(cells) <= len(header):
                raise FactualityTableError(f"{path}:{lineno}: expected {len(REQUIRED_COLUMNS)} to {len(header)} "
                                           f"tab-separated cells, got {len(cells)}")
            cells += [""] * (len(header) - len(cells))  # optional trailing columns left empty
            cues.append(cls._parse_row(dict(zip(header, cells)), f"{path}:{lineno}"))
        if header is None:
            raise FactualityTableError(f"{path}: empty factuality cue table")
        return cls(cues)

    @staticmethod
    def _parse_row(row: dict[str, str], where_in_file: str) -> Cue:
        word, role, value = row["cue"].lower(), row["role"].lower(), row["factuality"].lower()
        if not word:
            raise FactualityTableError(f"{where_in_file}: empty cue")
        if role not in ROLES:
            raise FactualityTableError(f"{where_in_file}: unknown role {role!r} (expected one of {', '.join(ROLES)})")
        paths = tuple(tuple(step for step in alt.strip().split(">")) for alt in row["where"].split("|") if alt.strip())
        if not paths:
            raise FactualityTableError(f"{where_in_file}: cue {word!r} has no 'where'")
        if role in DECIDING_ROLES:
            if value not in FACTUALITY or value == "asserted":
                raise FactualityTableError(
                    f"{where_in_file}: cue {word!r} needs a factuality among {', '.join(PRECEDENCE)}, got {value!r}")
            claimer = row.get("claimer", "").lower()
            if claimer not in {"", "-", "none"}:
                raise FactualityTableError(f"{where_in_file}: claimer is empty or 'none', got {claimer!r}")
            return Cue(word, role, paths, value, names_claimer=claimer != "none")
        if value not in {"-", ""}:
            raise FactualityTableError(f"{where_in_file}: a {role} cue decides nothing; write '-' not {value!r}")
        return Cue(word, role, paths, None)

    # --- assessment --------------------------------------------------------------------------------------

    def assess(self, trigger: "Token", depth: int = 0) -> Assessment:
        """Factuality, claimer, reporter and cue of the event whose trigger is ``trigger``."""
        decided: _Candidate | None = None
        level: list[_Candidate] = self._markers_of(trigger, "all", trigger)
        reporter = self._attached_reporter(trigger)
        own = True  # still inside the trigger's own clause (event noun + its governing verb, shared conjuncts)
        frozen = False  # a relative clause or participant phrase was crossed: nothing above decides
        node = trigger
        while (step := _up(node)) is not None:
            cues = [] if frozen or decided else self._step_cues(step)
            mode, same_level, freeze = self._transparency(step, own, bool(cues))
            if not same_level:
                decided = decided or self._best(level)
                level = []
            frozen = frozen or freeze
            if not frozen and decided is None:
                level += cues + self._markers_of(step.head, mode, trigger)
            if reporter is None:
                reporter = self._step_reporter(step) or self._attached_reporter(step.head)
            own = own and same_level
            node = step.head
        decided = decided or self._best(level)
        if decided is None:
            return Assessment("asserted", reporter=reporter)
        if decided.factuality == "negated" and decided.predicate is not None and depth < 2 and \
                self.assess(decided.predicate, depth + 1).factuality == "negated":
            # "failed to prevent the attack", "did not deter Russia from invading", "refused to stop shelling":
            # a negated negation leaves the act standing
            return Assessment("asserted", reporter=reporter)
        claimer = decided.claimer if decided.factuality == "claimed" else None
        return Assessment(decided.factuality, claimer=claimer, reporter=reporter, cue=decided.cue)

    @staticmethod
    def _best(candidates: list[_Candidate]) -> _Candidate | None:
        if not candidates:
            return None
        return min(candidates, key=lambda c: PRECEDENCE.index(c.factuality))

    def _transparency(self, step: _Step, own: bool, has_cue: bool) -> tuple[str, bool, bool]:
        """How the head's markers reach the child ("all" | "mark" | "noneg" | "conditional" | "none"), whether the
        head is still the same clause level, and whether the walk stops deciding here (freeze)."""
        edge, child, head = step.edge, step.child, step.head
        if edge == "conj":
            # A conjunct with its own subject or auxiliary is a sibling clause: only a shared subordinator
            # ("if Iran attacks and Iraq retaliates") reaches it. Otherwise "would meet and sign".
            if _has_subject(child) or any(c.dep_ in {"aux", "auxpass", "neg"} for c in child.children):
                return "mark", True, False
            if any(c.dep_ == "cc" and c.lower_ in _ADVERSATIVE for c in (*head.children, *child.children)):
                return "noneg", True, False
            return "all", True, False
        if edge == "advcl" and _has_subject(child) and any(
                c.dep_ == "mark" and c.lower_ in _FACTIVE_SUBORDINATORS for c in child.children):
            return "none", False, True  # "urged Iraq to return to talks after the US imposed sanctions": it did
        if _is_nominal(child) and edge not in {"xcomp", "ccomp", "advcl"}:
            if own and (edge in _NOMINAL_OWN or self._lookup("existence", head, (edge,)) is not None):
                return "all", True, False  # "did not hold talks", "no talks took place", "will take part in talks"
            if has_cue:
                return ("all" if edge in {"acl", "dobj"} else "none"), False, False
            if edge == "nsubj" and not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in _DEFINITE
                                           for c in child.children):
                # "a US withdrawal would mean abandoning the Kurds", "an attack could trigger a war": what a
                # conditional is said of is itself conditional (a hypothetical auxiliary reaches it, nothing else);
                # not a known one ("the UN ceasefire would not affect", "Turkey's collaboration would ...")
                return "conditional", False, False
            return "none", False, True  # a participant: "withdrew from talks", "sanctions hurt Iran"
        if has_cue:
            return ("all" if edge in {"xcomp", "acl", "dobj"} else "none"), False, False
        if edge == "xcomp" or (edge == "dobj" and not _is_nominal(child)):
            return "all", False, False  # "would agree to sign", "did not try to meet"
        if edge == "advcl":
            infinitive = _infinitival(child) and not _has_subject(child)
            return ("all" if infinitive else "none"), False, False
        if edge in {"acl", "relcl"}:
            return "none", False, True  # "the convoy that Iran attacked": the clause describes a participant
        if edge.startswith("prep:"):
            return ("all" if step.adp is not None and step.adp.lower_ in _MANNER_PREPS else "none"), False, False
        return "none", False, False

    def _markers_of(self, head: "Token", mode: str, trigger: "Token") -> list[_Candidate]:
        """Marker cues hanging from ``head`` (one or two dependency steps down)."""
        if mode == "none":
            return []
        found: list[_Candidate] = []
        for child in head.children:
            reach = [((child.dep_,), child)] + [((child.dep_, g.dep_), g) for g in child.children]
            for path, token in reach:
                if mode == "mark" and path != ("mark",) or mode == "conditional" and path != ("aux",):
                    continue
                if path == ("punct",) and not _closes_question(token, trigger):
                    continue
                if path == ("amod",) and any(g.dep_ == "advmod" for g in token.children):
                    continue  # "mounted its long-threatened invasion": the event's history, not its status
                for key in dict.fromkeys(_keys(token)):
                    for cue in self._index["marker"].get((key, ""), ()):
                        if (path in cue.where and _matches(token, cue)
                                and not (mode == "noneg" and cue.factuality == "negated")
                                and not (mode == "conditional" and cue.factuality != "hypothetical")):
                            found.append(_Candidate(cue.factuality, cue.word if " " in cue.word else token.lower_))
        return found

    def _step_cues(self, step: _Step) -> list[_Candidate]:
        """Cues on the step itself: the preposition passed, and the governing predicate for this relation."""
        found: list[_Candidate] = []
        if step.adp is not None:
            kind = "pobj" if step.child.dep_ == "pobj" else "pcomp"
            cue = self._lookup("preposition", step.adp, (kind,))
            if cue is None and step.adp.i > 0 and step.adp.lower_ == "of":
                # a two-word preposition whose second word the parser passes ("ahead of the talks")
                cue = self._lookup("preposition", step.adp.doc[step.adp.i - 1], (kind,))
            if cue is not None:
                found.append(_Candidate(cue.factuality, cue.word if " " in cue.word else step.adp.lower_))
        if step.edge == "acl" and not _is_clausal_complement(step.child):
            return found  # "a claim made by Trump": a participle describing the noun, not its content
        edges = (f"{step.edge}:pass", step.edge) if _is_passive(step.head) else (step.edge,)
        heads = [step.head]
        if step.head.lemma_.lower() == "be":
            # Copula + adjective: "it is likely that ...", "Iran is ready to ..." (the adjective decides).
            heads = [c for c in step.head.children if c.dep_ == "acomp"] or heads
        for head in heads:
            cue = self._lookup("predicate", head, edges)
            if cue is not None:
                claimer = self._claimer(head) if cue.names_claimer else None
                found.append(_Candidate(cue.factuality, self._cue_text(head, step, cue), claimer, step.head))
        return found

    @staticmethod
    def _cue_text(head: "Token", step: _Step, cue: Cue) -> str:
        text = " ".join([head.lower_, *cue.word.split()[1:]])
        between = [c for c in head.children if c.dep_ == "prep" and head.i < c.i < step.child.i]
        if step.adp is not None:
            text += f" {step.adp.lower_}"
        elif step.edge in {"xcomp", "advcl"} and between:
            text += f" {between[0].lower_}"  # "called for the Council to adopt", "called on Israel to halt"
        elif step.edge in {"xcomp", "acl", "advcl"} and _infinitival(step.child) and not text.endswith(" to"):
            text += " to"
        return text

    def _claimer(self, cue: "Token") -> "Token | None":
        """Who claims: a verb's subject (or by-agent); a noun's possessor, by/from phrase, proper-noun
        modifier ("US claims"), or the subject of the light verb it is the object of ("made claims")."""
        if not _is_nominal(cue):
            return _subject(cue)
        for child in cue.children:
            if child.dep_ == "poss":
                return child
        for child in cue.children:
            if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        for child in cue.children:
            if child.dep_ == "compound" and child.pos_ == "PROPN":
                return child
        if cue.dep_ in {"dobj", "nsubjpass"} and self._lookup("light", cue.head, (cue.dep_,)) is not None:
            return _subject(cue.head)
        return None

    def _step_reporter(self, step: _Step) -> "Token | None":
        """The speaker when the step enters neutral reported speech ("officials said that ...")."""
        if step.adp is not None:
            return None
        if _is_passive(step.head) and self._lookup("predicate", step.head, (f"{step.edge}:pass",)) is not None:
            return None  # "is said to have": a claim, not a report
        if self._lookup("report", step.head, (step.edge,)) is not None:
            return _subject(step.head)
        return None

    def _attached_reporter(self, head: "Token") -> "Token | None":
        """A speaker attached to the clause itself: "according to X", or a bare parenthetical "X said"."""
        for child in head.children:
            if child.dep_ == "prep" and self._lookup("source", child, ("prep",)) is not None:
                for grand in child.children:
                    if grand.dep_ == "prep":
                        pobj = next((g for g in grand.children if g.dep_ == "pobj"), None)
                        if pobj is not None:
                            return pobj
            if child.dep_ in {"parataxis", "ccomp"} and self._lookup("report", child, (child.dep_,)) is not None:
                if child.dep_ == "ccomp" and any(g.dep_ in {"ccomp", "xcomp"} for g in child.children):
                    continue  # a report with its own content is not about this clause
                subject = _subject(child)
                if subject is not None:
                    return subject
        return None


@lru_cache(maxsize=1)
def default_model() -> FactualityModel:
    """The shipped cue table, loaded on first use (for callers without ``Resources``)."""
    return FactualityModel.load()


def assess(trigger: "Token", mentions_by_head: dict[int, object] | None = None) -> Assessment:
    """Assess ``trigger`` with the default model. ``mentions_by_head`` is accepted and ignored (the first
    coder passed it); the coder maps ``claimer``/``reporter`` tokens to actor mentions itself."""
    return default_model().assess(trigger)
