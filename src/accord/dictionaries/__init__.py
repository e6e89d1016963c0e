"""Readers for external event-coding dictionaries.

Pure parsing only (text in, typed records out), so the same code serves the conversion of the shipped
Phoenix/CAMEO dictionaries and ``accord actors import`` / ``accord lexicon import`` of a user's own files.
"""

from accord.dictionaries.tabari import (
    DatedCode,
    DictActor,
    DictAgent,
    DictDiscard,
    DictionaryError,
    DictPattern,
    DictVerb,
    ParseResult,
    PatternToken,
    Phrase,
    Synset,
    VerbBlock,
    VerbDictionary,
    detect_kind,
    read_actors,
    read_agents,
    read_any,
    read_discards,
    read_verbs,
    tokenize_pattern,
)

__all__ = [
    "DatedCode",
    "DictActor",
    "DictAgent",
    "DictDiscard",
    "DictionaryError",
    "DictPattern",
    "DictVerb",
    "ParseResult",
    "PatternToken",
    "Phrase",
    "Synset",
    "VerbBlock",
    "VerbDictionary",
    "detect_kind",
    "read_actors",
    "read_agents",
    "read_any",
    "read_discards",
    "read_verbs",
    "tokenize_pattern",
]
