"""accord: political event data from English news — who did what to whom, when, where, according to whom.

The public API mirrors the command line::

    accord.code(inputs, db=...)          # accord code INPUT... --db DB
    accord.export_events(db, ...)        # accord export --what events
    accord.export_documents(db, ...)     # accord export --what documents
    accord.stats(db)                     # accord stats
    accord.errors(db)                    # accord errors
    accord.evaluate(gold, db=...)        # accord eval GOLD.jsonl --db DB
    accord.open_store(db)                # the store itself
"""

__version__ = "0.1.0"

from .api import (RunSummary, code, errors, evaluate, examples_path, export_documents, export_events,  # noqa: E402
                  stats)
from .store import open_store  # noqa: E402

__all__ = ["RunSummary", "__version__", "code", "errors", "evaluate", "examples_path", "export_documents", "export_events", "open_store",
           "stats"]
