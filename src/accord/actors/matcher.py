"""A token-level trie over phrase keys: fast longest-match look-up of tens of thousands of phrases.

Phrases are tokenised once with the pipeline's own tokenizer, so "al-Maliki" or "U.S." split the same
way in the dictionary as in the text. Keys are lower case with dots dropped ("U.S." → "us") and hyphen
and dot tokens skipped, so "al-Maliki" ≡ "al Maliki" and "U.N." ≡ "UN"; case is checked later, on the
document's own tokens. A phrase may accept a suffix on its last word: ``plural`` ("diplomats" for
"diplomat") or ``open`` (TABARI stems: "Argentin" → "Argentina", "Argentinian").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

_SKIP = {"", "-", "–", "—", "‐"}
_HYPHENS = re.compile(r"[\s\-–—]+")
_PLAIN = re.compile(r"^[a-z0-9' ]+$")

# (strip, add): "diplomats" → "diplomat", "militias" → "militia", "parties" → "party", "congressmen" → "congressman"
PLURAL_RULES: tuple[tuple[str, str], ...] = (("s", ""), ("es", ""), ("ies", "y"), ("men", "man"))
# TABARI open-ended stems accept these endings only (a whitelist keeps "Ent" from matching "Entwash").
OPEN_SUFFIXES: tuple[str, ...] = ("s", "es", "n", "ns", "an", "ans", "ian", "ians", "i", "is", "ese", "ish", "a",
                                  "e", "ia", "ic", "ics", "ite", "ites", "ist", "ists", "ern", "er", "ers", "ine")


# British and American spellings of the words in institutions' names key alike ("Organisation of African Unity").
_SPELLINGS = {"defence": "defense", "labour": "labor", "centre": "center", "programme": "program",
              "organisations": "organizations"}


def token_key(text: str) -> str:
    """The matching key of one token: lower case, dots dropped, typographic apostrophes made plain, British
    spellings made American."""
    key = text.lower().replace(".", "").replace("\u2019", "'")
    if key.endswith("isation"):
        return key[:-7] + "ization"
    return _SPELLINGS.get(key, key)


@dataclass(frozen=True)
class Hit:
    start: int  # index into the key sequence
    end: int  # exclusive
    payloads: tuple[Any, ...]
    exact: bool  # False when a suffix was tolerated on the last word


class _Node:
    __slots__ = ("children", "payloads", "plural", "open")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.payloads: list[Any] | None = None
        self.plural: dict[str, list[Any]] | None = None  # last word → payloads, plural endings allowed
        self.open: dict[str, list[Any]] | None = None  # last word → payloads, open endings allowed


class PhraseIndex:
    """Add phrases with payloads; ``matches(keys)`` yields every phrase occurrence in a key sequence."""

    def __init__(self, tokenize: Callable[[str], list[str]] | None = None) -> None:
        self.root = _Node()
        self.tokenize = tokenize or (lambda s: _HYPHENS.split(s))
        self._cache: dict[str, tuple[str, ...]] = {}
        self.size = 0

    def keys_of(self, phrase: str) -> tuple[str, ...]:
        got = self._cache.get(phrase)
        if got is None:
            words = phrase.split() if _PLAIN.match(phrase) and "'" not in phrase else self.tokenize(phrase)
            got = tuple(k for k in (token_key(w) for w in words) if k not in _SKIP)
            self._cache[phrase] = got
        return got

    def add(self, phrase: str, payload: Any, suffix: str | None = None) -> None:
        """``suffix``: None (whole words only), "plural" or "open"."""
        keys = self.keys_of(phrase)
        if not keys:
            return
        node = self.root
        for k in keys[:-1]:
            node = node.children.setdefault(k, _Node())
        last = keys[-1]
        leaf = node.children.setdefault(last, _Node())
        if leaf.payloads is None:
            leaf.payloads = []
        leaf.payloads.append(payload)
        if suffix == "plural":
            if node.plural is None:
                node.plural = {}
            node.plural.setdefault(last, []).append(payload)
        elif suffix == "open":
            if node.open is None:
                node.open = {}
            node.open.setdefault(last, []).append(payload)
        self.size += 1

    @staticmethod
    def _suffixed(node: _Node, key: str) -> list[Any]:
        found: list[Any] = []
        if node.plural:
            for strip, add in PLURAL_RULES:
                if key.endswith(strip) and len(key) > len(strip) + 2:
                    base = key[: len(key) - len(strip)] + add
                    if base in node.plural:
                        found += node.plural[base]
        if node.open:
            for suffix in OPEN_SUFFIXES:
                if key.endswith(suffix) and len(key) > len(suffix) + 2:
                    base = key[: len(key) - len(suffix)]
                    if base in node.open:
                        found += node.open[base]
        return found

    def matches(self, keys: list[str], alt_last: list[str] | None = None) -> Iterator[Hit]:
        """Every match in ``keys``, longest first for each start. ``alt_last`` (same length as keys) gives a
        second key to try for a phrase's last word, e.g. the token's lemma ("geese" → "goose")."""
        n = len(keys)
        for i in range(n):
            node = self.root
            found: list[Hit] = []
            j = i
            while j < n:
                key = keys[j]
                if node.plural or node.open:
                    extra = self._suffixed(node, key)
                    if extra:
                        found.append(Hit(i, j + 1, tuple(extra), False))
                if alt_last is not None and alt_last[j] != key:
                    alt = node.children.get(alt_last[j])
                    if alt is not None and alt.payloads:
                        found.append(Hit(i, j + 1, tuple(alt.payloads), False))
                child = node.children.get(key)
                if child is None:
                    break
                if child.payloads:
                    found.append(Hit(i, j + 1, tuple(child.payloads), True))
                node = child
                j += 1
            # longest first; at equal length an exact match before a suffixed one
            found.sort(key=lambda h: (-(h.end - h.start), not h.exact))
            yield from found
