"""Events: lexicon and coder (predicates → CAMEO / PLOVER coded events)."""

from .coder import EventCoder
from .lexicon import Lexicon

__all__ = ["EventCoder", "Lexicon"]
