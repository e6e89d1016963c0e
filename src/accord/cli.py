"""The command line: one thin function per command over ``accord.api``."""

from __future__ import annotations

import json
import sys

import click

from . import api
from .commands import register
from .export import FORMATS, write
from .store import StoreError
from .commands.options import db_option, fail as _fail

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="accord")
def main() -> None:
    """accord: political event data from English news — who did what to whom, when, where."""


@main.command("code")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--encoding", default=None, help="Text encoding of the inputs (default: UTF-8).")
@click.option("--field", "fields", multiple=True, metavar="NAME=KEY",
              help="JSONL/CSV: read accord's field NAME (text, id, title, published, outlet, url, byline) from the "
                   "record's KEY, e.g. --field text=doc_text (repeatable).")
@click.option("--batch-size", default=64, show_default=True, help="Documents written to the store per transaction.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Processes that parse in parallel (1: parse in this process).")
@click.option("--force", is_flag=True, help="Re-code texts that are already stored.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--quiet", "-q", is_flag=True, help="No summary line.")
def code_cmd(inputs: tuple[str, ...], db: str, encoding: str | None, fields: tuple[str, ...], batch_size: int,
             workers: int, force: bool, progress: bool | None, quiet: bool) -> None:
    """Ingest and code INPUT files, directories or - (JSONL on stdin) into the store.

    Formats: .txt, .html/.htm, .jsonl, .csv (columns id,text,title,published,outlet,url) and .gz of
    any. Exits non-zero when any input failed; the inputs that worked are stored all the same.
    """
    def report(err) -> None:
        click.echo(err.one_line(), err=True)

    from .ingest.readers import RECORD_FIELDS

    mapping: dict[str, str] = {}
    for item in fields:
        name, sep, key = item.partition("=")
        if not sep or name.strip() not in RECORD_FIELDS or not key.strip():
            _fail(f"--field {item!r}: write NAME=KEY with NAME one of {', '.join(RECORD_FIELDS)}")
        mapping[name.strip()] = key.strip()
    try:
        summary = api.code(inputs, db=db, encoding=encoding, fields=mapping, batch_size=batch_size, workers=workers,
                           force=force, progress=progress, on_error=report)
    except StoreError as exc:
        _fail(str(exc))
    if not quiet:
        click.echo(f"accord: {summary.line()}", err=True)
    sys.exit(0 if summary.ok else 1)


@main.command("export")
@db_option
@click.option("--what", type=click.Choice(["events", "documents"]), default="events", show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", default=None, help="Output file (default: standard output).")
@click.option("--doc", multiple=True, help="Only this document id (repeatable).")
@click.option("--since", default=None, help="Events (or documents) dated on or after YYYY[-MM[-DD]].")
@click.option("--until", default=None, help="Events (or documents) dated on or before YYYY[-MM[-DD]].")
@click.option("--actor", multiple=True, help="Source or target actor: CAMEO code prefix or ISO3 country.")
@click.option("--type", "types", multiple=True, help="PLOVER type (CONSULT) or CAMEO code prefix (04).")
@click.option("--factuality", multiple=True, default=("asserted",), show_default=True,
              help="asserted, negated, hypothetical, future, claimed, or all.")
def export_cmd(db: str, what: str, fmt: str, output: str | None, doc: tuple[str, ...], since: str | None,
               until: str | None, actor: tuple[str, ...], types: tuple[str, ...],
               factuality: tuple[str, ...]) -> None:
    """Export events or documents as JSON lines, CSV or Parquet."""
    filters = dict(doc=list(doc) or None, since=since, until=until)
    try:
        if what == "events":
            records = api.export_events(db, actor=list(actor) or None, type=list(types) or None,
                                        factuality=list(factuality), **filters)
        else:
            records = api.export_documents(db, **filters)
        write(records, fmt, output)
    except (StoreError, ValueError) as exc:
        _fail(str(exc))


@main.command("stats")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def stats_cmd(db: str, as_json: bool) -> None:
    """Counts of what the store holds (events: asserted ones unless said otherwise)."""
    try:
        stats = api.stats(db)
    except StoreError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(stats, indent=2))
        return
    for key, value in stats.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        elif isinstance(value, list):
            value = ", ".join(f"{d['source']}→{d['target']} {d['events']}" for d in value) or "-"
        click.echo(f"{key.replace('_', ' '):<18} {value}")


@main.command("errors")
@db_option
@click.option("--last", is_flag=True, help="Only the last run's errors.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON lines.")
def errors_cmd(db: str, last: bool, as_json: bool) -> None:
    """Inputs that could not be read, with the reason, run by run."""
    try:
        rows = api.errors(db, last_run=last)
    except StoreError as exc:
        _fail(str(exc))
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, default=str))
        else:
            where = f"{row['input']}:{row['line']}" if row["line"] is not None else row["input"]
            click.echo(f"{row['run_id']}  {row['kind']:<11} {where}: {row['message']}")


@main.command("examples")
def examples_cmd() -> None:
    """Print the folder of the example articles shipped with accord (for the quickstart)."""
    click.echo(str(api.examples_path()))


register(main)

if __name__ == "__main__":  # pragma: no cover
    main()
