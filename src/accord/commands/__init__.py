"""Command groups beyond the core ones in ``cli.py``, one module each, registered by name.

Each module ``accord.commands.<name>`` defines a click command or group called ``command``.
"""

from __future__ import annotations

import importlib

import click

COMMAND_MODULES = ("actors", "lexicon", "eval")


def register(group: click.Group) -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # not built yet
            raise
        group.add_command(module.command)
