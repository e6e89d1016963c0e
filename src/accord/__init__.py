"""accord: political event data from English news — who did what to whom, when, where, according to whom.

The public API mirrors the command line::

    accord.code(inputs, db=...)          # accord code INPUT... --db DB
    accord.export_events(db, ...)        # accord export --what events
    accord.export_documents(db, ...)     # accord export --what documents
    accord.stats(db)                     # accord stats
    accord.errors(db)                    # accord errors
    accord.evaluate(gold, db=...)        # accord eval GOLD.jsonl --db DB
    accord.import_dictionaries(files, db) # accord actors import FILE... --db DB
    accord.list_actors(db)               # accord actors list
    accord.show_actor(name, db)          # accord actors show NAME|ID
    accord.merge_actors(keep, drop, db)  # accord actors merge ID ID
    accord.set_actor(name, code, db)     # accord actors set NAME --code CODE
    accord.open_store(db)                # the store itself
"""

__version__ = "0.1.0"

from .api import (RunSummary, code, errors, evaluate, examples_path, export_documents, export_events,  # noqa: E402
                  stats)
from .api import import_dictionaries, list_actors, merge_actors, set_actor, show_actor  # noqa: E402
from .store import open_store  # noqa: E402

__all__ = ["RunSummary", "__version__", "code", "import_dictionaries", "list_actors", "merge_actors", "set_actor",
           "show_actor", "errors", "evaluate", "examples_path", "export_documents", "export_events", "open_store",
           "stats"]
