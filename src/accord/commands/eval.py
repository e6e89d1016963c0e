"""``accord eval GOLD.jsonl``: run the coder on a gold standard and print how well it did.

A thin layer over ``accord.api.evaluate``; the metrics and the report live in ``accord.eval``.
"""

from __future__ import annotations

import json
import sys

import click

from ..eval import DEFAULT_MISSES, GoldFileError, parse_only
from ..records import FACTUALITY
from ..store import StoreError


@click.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=str))
@click.option("--db", default=None, help="Store whose imported dictionaries to code with (opened read-only).")
@click.option("--only", multiple=True, metavar="KEY=VALUE",
              help="Only records whose top-level field KEY equals VALUE (repeatable: same key = or, keys = and).")
@click.option("--factuality", multiple=True, type=click.Choice([*FACTUALITY, "all"], case_sensitive=False),
              help="Predicted events that count (repeatable; default: all but negated).")
@click.option("--include-unevaluated", is_flag=True, help="Also score records marked \"evaluate\": false.")
@click.option("--misses", default=DEFAULT_MISSES, show_default=True, type=click.IntRange(min=0),
              help="Misses to list per gold style (0: none). --json lists all.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with every figure and miss.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
def command(gold: str, db: str | None, only: tuple[str, ...], factuality: tuple[str, ...], include_unevaluated: bool,
            misses: int, as_json: bool, progress: bool | None) -> None:
    """Measure the coder against GOLD, a JSONL gold standard (PETRARCH or PLOVER GSR style, per record).

    Prints precision, recall and F1 (PETRARCH style: per set and category) or accuracies (PLOVER style: per
    event type), then the misses. Exits 1 when some lines were malformed or the coder failed on a sentence
    (the rest is scored), 2 when the file or the store cannot be read.
    """
    from .. import api

    def report_error(err) -> None:
        click.echo(err.one_line(), err=True)

    try:
        parse_only(only)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--only") from None
    try:
        report = api.evaluate(gold, db=db, only=list(only), factuality=list(factuality),
                              include_unevaluated=include_unevaluated, progress=progress, on_error=report_error)
    except (GoldFileError, StoreError) as exc:
        click.echo(f"accord: {exc}", err=True)
        sys.exit(2)
    for line in report.coder_errors:
        click.echo(f"accord: {gold}: coder failed on {line}", err=True)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(report.text(misses=misses))
    sys.exit(0 if report.ok else 1)
