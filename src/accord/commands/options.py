"""What every command shares: the ``--db`` option and the one-line error that ends a command."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from ..store import DEFAULT_DB

db_option = click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``accord: MESSAGE`` on stderr and exit with ``code`` (2: usage or store problems)."""
    click.echo(f"accord: {message}", err=True)
    sys.exit(code)
