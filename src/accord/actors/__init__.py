"""Actors: knowledge base, mention recognition, document-level resolution, corpus registry, dictionary import."""

from .finder import MentionFinder
from .kb import ActorEntry, AgentEntry, KnowledgeBase
from .registry import RegistrySnapshot

__all__ = ["ActorEntry", "AgentEntry", "KnowledgeBase", "MentionFinder", "RegistrySnapshot"]
