"""Actors: knowledge base, mention recognition and resolution to CAMEO / PLOVER codes."""

from .finder import MentionFinder
from .kb import ActorEntry, AgentEntry, KnowledgeBase

__all__ = ["ActorEntry", "AgentEntry", "KnowledgeBase", "MentionFinder"]
