"""Verb patterns: compiled from the TABARI/PETRARCH pattern language, matched against a parsed clause.

A pattern such as ``* {diplomatic ties} (with +)`` says: after the verb, the words "diplomatic ties" (one noun
phrase), then a prepositional phrase "with" whose object is the target. ``$`` marks the source, ``+`` the target,
``%`` a compound actor that is both, ``&NAME`` a synonym set, ``_`` joins words that must be adjacent, and words
before ``*`` must come before the verb. The lexicon compiles each pattern once; the coder matches them against the
tokens of a verb's clause (``Window``), so the same pattern works whatever the sentence's word order around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

SLOTS = {"source", "target", "compound", "skip"}
GROUP_GAP = 2  # words allowed between the members of one {noun phrase} or (prepositional phrase)


def singular(word: str) -> str:
    """A naive singular, enough to let pattern words like "talks" meet lemmas like "talk"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_BRITISH = [(re.compile(r"isation(s?)$"), r"ization\1"), (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing)$"), r"iz\1"),
            (re.compile(r"(?<=[a-z]{2})ys(e|es|ed|ing)$"), r"yz\1"), (re.compile(r"(?<=[a-z]{3})our(s?)$"), r"or\1")]
_SPELLINGS = {"defence": "defense", "offence": "offense", "pretence": "pretense", "licence": "license",
              "programme": "program", "programmes": "programs", "centre": "center", "centres": "centers"}
_NOT_BRITISH = {"rise", "arise", "wise", "raise", "praise", "poise", "noise", "promise", "premise", "compromise",
                "surprise", "exercise", "advertise", "advise", "devise", "revise", "supervise", "televise", "comprise",
                "enterprise", "franchise", "merchandise", "chastise", "despise", "disguise", "excise", "improvise",
                "precise", "concise", "paradise", "expertise", "treatise", "otherwise", "likewise",
                "contour", "detour", "devour", "paramour", "amour"}


def american(word: str) -> str:
    """British spellings to the American ones the CAMEO dictionaries use ("criticise" -> "criticize",
    "organisation" -> "organization", "armour" -> "armor", "defence" -> "defense")."""
    if word in _SPELLINGS:
        return _SPELLINGS[word]
    if len(word) < 6 or word in _NOT_BRITISH or any(word.startswith(w) for w in ("promis", "compromis", "exercis",
                                                                                     "advertis", "advis", "revis")):
        return word
    for pattern, repl in _BRITISH:
        new = pattern.sub(repl, word)
        if new != word:
            return new
    return word


def token_keys(token: "Token") -> frozenset[str]:
    """The strings a pattern word may equal to match this token: its form, its lemma, their singulars and
    American spellings."""
    lower = token.lower_
    lemma = token.lemma_.lower()
    keys = {lower, lemma, singular(lower)}
    keys |= {american(k) for k in keys}
    return frozenset(keys)


# A verb's own arguments, for ranking matches ("opened fire on its border posts": the object says what was done).
DIRECT_DEPS = frozenset({"dobj", "obj", "prt", "dative", "attr", "oprd"})
# Prepositions and particles: a pattern with only these after the verb belongs to one verb (see CompiledPattern.verb_specific).
PARTICLES = frozenset({
    "to", "for", "with", "on", "in", "at", "of", "by", "from", "into", "onto", "up", "down", "out", "off", "over",
    "about", "against", "away", "back", "around", "through", "that", "as", "it", "the", "a", "an"})


@dataclass(frozen=True)
class Element:
    """One step of a pattern: a word (one of several phrases) or an actor slot."""

    phrases: tuple[tuple[str, ...], ...] = ()  # alternatives, each a sequence of words; empty for slots
    slot: str | None = None  # source, target, compound, skip
    joined: bool = False  # must be immediately followed by the next element
    group: int = 0  # >0: member of a {noun phrase} / (prepositional phrase) group

    @property
    def n_words(self) -> int:
        return max((len(p) for p in self.phrases), default=0)

    def keys(self) -> frozenset[str]:
        """Words that must occur in a window for this element to match (used to skip hopeless patterns)."""
        return frozenset(p[0] for p in self.phrases)


@dataclass(frozen=True)
class CompiledPattern:
    id: str
    block: str
    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    code: str | None  # None: the pattern suppresses coding
    reverse_code: str | None = None  # paired event, target -> source ([042:043])
    pre_joined: bool = False  # the last pre element touches the verb ("not_*")
    post_joined: bool = False  # the verb touches the first post element ("*_out")
    text: str = ""
    verb: str | None = None  # a phrasal pattern ("* down", "* (to)") belongs to this verb of its block only
    shallow: bool = False  # its one word must head the verb's object or its own prepositional object
    object_only: bool = False  # its one word must head the verb's direct object or follow the verb

    @property
    def bare_word(self) -> frozenset[str] | None:
        """The word of a pattern that is one word after the verb and nothing else ("* border"), else None."""
        if self.pre or len(self.post) != 1:
            return None
        element = self.post[0]
        if element.slot is not None or len(element.phrases) != 1 or len(element.phrases[0]) != 1:
            return None
        return element.keys()

    @property
    def object_word(self) -> frozenset[str] | None:
        """The word a pattern needs as the verb's object: its one word ("* border"), the head of its one synset
        ("* &security") or of its one noun phrase and nothing else ("* {&weapon attack}"); else None."""
        if self.bare_word is not None:
            return self.bare_word
        if not self.pre and len(self.post) == 1 and self.post[0].slot is None and self.post[0].phrases and \
                self.post[0].group == 0:
            # one synset ("* &security"): the head of whichever of its phrases the text has
            return frozenset(w for p in self.post[0].phrases for w in (p[-1], singular(p[-1])))
        if self.pre or not self.post or not self.text.strip().endswith("}"):
            return None
        group = self.post[0].group
        if group == 0 or any(e.group != group or e.slot is not None or not e.phrases for e in self.post):
            return None
        return frozenset(w for p in self.post[-1].phrases for w in (p[-1], singular(p[-1])))

    @property
    def verb_specific(self) -> bool:
        """No actor slot and no content word after the verb ("* down", "* (with)", "&military *"): the pattern
        spells a phrasal verb or names only who acts, so its code is the code of the verb it was written for
        ("step down", not "support down"; soldiers who *take* a town occupy it, soldiers who arrest people do not)."""
        elements = (*self.pre, *self.post)
        return not any(e.slot in {"source", "target", "compound"} for e in elements) and all(
            w in PARTICLES for e in self.post for p in e.phrases for w in p)

    @property
    def specificity(self) -> int:
        """The most a match of this pattern can score (see ``match_rank``): used to skip hopeless patterns."""
        words = sum(e.n_words for e in (*self.pre, *self.post))
        slots = sum(1 for e in (*self.pre, *self.post) if e.slot in {"source", "target", "compound"})
        return 2 * words + slots

    @property
    def required(self) -> tuple[frozenset[str], ...]:
        return tuple(e.keys() for e in (*self.pre, *self.post) if e.phrases)


class PatternError(ValueError):
    pass


def _norm_word(word: str) -> str:
    return word.strip().lower().replace("_", " ")


def compile_pattern(tokens: Sequence[Any], synsets: Mapping[str, Sequence[str]], *, id: str, block: str,
                    code: str | None, reverse_code: str | None = None, text: str = "") -> CompiledPattern:
    """Compile parsed pattern tokens (``kind``, ``value``, ``joined``; see ``accord.dictionaries.tabari``).

    ``synsets`` maps a synset name to its phrases (lower-case, space-separated words). An unknown synset makes the
    pattern unusable (``PatternError``), as in PETRARCH.
    """
    pre: list[Element] = []
    post: list[Element] = []
    side = pre
    seen_verb = False
    pre_joined = post_joined = False
    group = 0
    next_group = 1
    pending_join = False  # the previous token was joined to this one
    for tok in tokens:
        kind = tok.kind
        if kind == "verb":
            if seen_verb:
                continue
            seen_verb = True
            if pre and pre[-1].joined:
                pre_joined = True
                pre[-1] = Element(pre[-1].phrases, pre[-1].slot, False, pre[-1].group)
            post_joined = bool(tok.joined)
            side = post
            pending_join = False
            continue
        if kind in ("np_open", "pp_open"):
            group = next_group
            next_group += 1
            continue
        if kind in ("np_close", "pp_close"):
            group = 0
            continue
        if kind == "word":
            phrases = tuple(tuple(_norm_word(v).split()) for v in tok.value if _norm_word(v))
            if not phrases:
                continue
            side.append(Element(phrases=phrases, joined=bool(tok.joined), group=group))
        elif kind == "synset":
            name = str(tok.value[0]).lstrip("&").upper() if tok.value else ""
            members = synsets.get(name)
            if members is None:
                raise PatternError(f"unknown synset &{name}")
            phrases = tuple(tuple(_norm_word(m).split()) for m in members if _norm_word(m))
            side.append(Element(phrases=phrases, joined=bool(tok.joined), group=group))
        elif kind in SLOTS:
            side.append(Element(slot=kind, joined=bool(tok.joined), group=group))
        pending_join = bool(tok.joined)
    del pending_join
    if not seen_verb:
        raise PatternError("pattern without a verb marker '*'")
    return CompiledPattern(id=id, block=block, pre=tuple(pre), post=tuple(post), code=code,
                           reverse_code=reverse_code, pre_joined=pre_joined, post_joined=post_joined, text=text)


@dataclass
class Window:
    """The tokens a verb's patterns are matched against: before the verb and after it, in sentence order.

    ``mention_at`` maps a token index to ``(mention_id, end_token_index)`` for tokens inside actor mentions, so a
    slot can bind a whole mention.
    """

    verb_i: int
    pre: list["Token"]
    post: list["Token"]
    mention_at: dict[int, tuple[int, int]]
    verb_end: int = -1  # index of the last token of a multi-word verb ("break off")
    _keys: dict[int, frozenset[str]] = field(default_factory=dict)

    def keys(self, token: "Token") -> frozenset[str]:
        k = self._keys.get(token.i)
        if k is None:
            if token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in TIME_ENTITIES and
                                            c.i not in self.mention_at for c in token.children):
                k = frozenset()  # "insisted on Wednesday that ...": a date's preposition spells no phrasal verb
                #                  (but "at Kyiv overnight", an actor the tagger put in a time, is a place)
            else:
                k = token_keys(token)
            self._keys[token.i] = k
        return k

    def all_keys(self) -> set[str]:
        out: set[str] = set()
        for t in (*self.pre, *self.post):
            out |= self.keys(t)
        return out


@dataclass(frozen=True)
class Match:
    pattern: CompiledPattern
    slots: tuple[tuple[str, int], ...]  # (slot kind, mention id)
    tokens: tuple[int, ...]  # token indices matched by words


def _phrase_at(window: Window, seq: list["Token"], pos: int, phrase: tuple[str, ...]) -> int | None:
    """If ``phrase`` matches consecutive tokens starting at ``seq[pos]``, the position after it."""
    i = pos
    for word in phrase:
        if i >= len(seq):
            return None
        if i > pos and seq[i].i != seq[i - 1].i + 1:
            return None
        keys = window.keys(seq[i])
        if word not in keys and singular(word) not in keys:
            return None
        i += 1
    return i


def _match_seq(window: Window, seq: list["Token"], elems: Sequence[Element], start_pos: int,
               first_at: int | None, last_before: int | None) -> list[tuple[list[tuple[str, int]], list[int]]]:
    """All ways ``elems`` match ``seq`` in order from ``start_pos`` (first match only, depth-first).

    ``first_at``: the first element must start at this sentence token index (a join to the verb);
    ``last_before``: the last element must end right before this token index.
    """
    out: list[tuple[list[tuple[str, int]], list[int]]] = []

    def rec(ei: int, pos: int, prev_end_tok: int | None, prev: Element | None, slots: list, toks: list) -> bool:
        if ei == len(elems):
            if last_before is not None and (prev_end_tok is None or prev_end_tok != last_before - 1):
                return False
            out.append((list(slots), list(toks)))
            return True
        el = elems[ei]
        must_touch = prev is not None and prev.joined
        in_group = prev is not None and el.group and prev.group == el.group
        for p in range(pos, len(seq)):
            tok = seq[p]
            if ei == 0 and first_at is not None and tok.i != first_at:
                if tok.i > first_at:
                    return False
                continue
            if must_touch and prev_end_tok is not None and tok.i != prev_end_tok + 1:
                if tok.i > prev_end_tok + 1:
                    return False
                continue
            if in_group and prev_end_tok is not None and tok.i - prev_end_tok - 1 > GROUP_GAP:
                return False
            if el.slot is not None:
                if el.slot == "skip":
                    if rec(ei + 1, p, prev_end_tok, el, slots, toks):
                        return True
                    continue
                hit = window.mention_at.get(tok.i)
                if hit is None:
                    continue
                mention_id, end_i = hit
                nxt = p
                while nxt < len(seq) and seq[nxt].i <= end_i:
                    nxt += 1
                slots.append((el.slot, mention_id))
                if rec(ei + 1, nxt, end_i, el, slots, toks):
                    return True
                slots.pop()
                continue
            for phrase in el.phrases:
                end = _phrase_at(window, seq, p, phrase)
                if end is None:
                    continue
                toks.extend(t.i for t in seq[p:end])
                if rec(ei + 1, end, seq[end - 1].i, el, slots, toks):
                    return True
                del toks[len(toks) - (end - p):]
        return False

    rec(0, start_pos, None, None, [], [])
    return out


def match_pattern(pattern: CompiledPattern, window: Window, keys: set[str] | None = None) -> Match | None:
    """Match one compiled pattern against a verb's window, or None."""
    if keys is not None:
        for req in pattern.required:
            if not any(k in keys or singular(k) in keys for k in req):
                return None
    slots: list[tuple[str, int]] = []
    toks: list[int] = []
    if pattern.pre:
        found = _match_seq(window, window.pre, pattern.pre, 0, None,
                           window.verb_i if pattern.pre_joined else None)
        if not found:
            return None
        slots += found[0][0]
        toks += found[0][1]
    if pattern.post:
        first_at = (window.verb_end + 1 if window.verb_end >= 0 else window.verb_i + 1) if pattern.post_joined else None
        found = _match_seq(window, window.post, pattern.post, 0, first_at, None)
        if not found:
            return None
        slots += found[0][0]
        toks += found[0][1]
    elif pattern.post_joined:
        return None
    return Match(pattern, tuple(slots), tuple(toks))


CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
TIME_ENTITIES = frozenset({"DATE", "TIME"})


# Below any match's rank (see ``match_rank``): where a search for the best match starts.
NO_RANK = (-1, -1, -1, -1, -1)


def match_rank(match: Match, window: Window, multiword: bool = False) -> tuple[int, int, int, int, int]:
    """How specific a match is: the pattern's words and slots, then how many of its matched words are content
    words ("* relations" says more than "* off"); earlier-listed patterns win remaining ties."""
    tokens = {t.i: t for t in (*window.pre, *window.post)}
    # content words, those outside actor mentions first: "granted asylum to army officers" grants asylum, the
    # army being only who receives it
    content = sum(1 for i in match.tokens if i in tokens and tokens[i].pos_ in CONTENT_POS) + \
        sum(1 for i in match.tokens if i in tokens and tokens[i].pos_ in CONTENT_POS and i not in window.mention_at)
    slots = sum(1 for kind, _ in match.slots if kind in {"source", "target", "compound"})
    # words after the verb say what was done, words before it only who did it: "troops fought alongside the
    # SDF" is the alongside, not soldiers fighting
    after = sum(1 for t in window.post if t.i in match.tokens)
    # a pattern that reads the preposition right after the verb reads the prepositional verb the text has:
    # "called on their partners" is a call on them, not "called [them] partners" (a particle whose object is the
    # verb's, "broke off relations", leaves the object's word to say more; a multi-word verb has read its particle)
    nxt = window.verb_i + 1
    phrasal = int(multiword or window.verb_end > window.verb_i or (
        nxt in match.tokens and nxt in tokens and tokens[nxt].dep_ == "prep"))
    # the words actually matched: a synset's one-word member says no more than a plain word
    # ... and, last, a word that is the verb's own object or particle says more than one deeper in its phrase:
    # "opened fire on its border posts" opens fire, not the border
    direct = sum(1 for i in match.tokens if i in tokens and tokens[i].head.i == window.verb_i and
                 tokens[i].dep_ in DIRECT_DEPS)
    return (2 * len(match.tokens) + slots, after, phrasal, content, direct)


def best_match(patterns: Iterable[CompiledPattern], window: Window) -> Match | None:
    """The most specific matching pattern (see ``match_rank``; ties: the earliest listed)."""
    keys = window.all_keys()
    best: Match | None = None
    best_rank = NO_RANK
    for pattern in patterns:
        if best is not None and pattern.specificity < best_rank[0]:
            continue
        m = match_pattern(pattern, window, keys)
        if m is not None:
            rank = match_rank(m, window)
            if rank > best_rank:
                best, best_rank = m, rank
    return best
