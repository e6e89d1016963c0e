"""``accord actors``: import dictionaries; list, show, merge and correct the actor registry.

Each command is a thin layer over a function in ``accord.actors.manage`` (re-exported by ``accord``).
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..actors import manage
from ..store import StoreError
from .options import db_option, fail as _fail

@click.group("actors")
def command() -> None:
    """Actor dictionaries and the corpus registry of people accord has resolved."""


@command.command("import")
@click.argument("files", nargs=-1, required=True)
@click.option("--kind", type=click.Choice(["actors", "agents", "discards"]), default=None,
              help="Dictionary kind (default: detected from the content).")
@click.option("--replace", is_flag=True,
              help="Use the imported actors/agents instead of accord's shipped ones "
                   "(e.g. PETRARCH's toy dictionaries).")
@db_option
def import_cmd(files: tuple[str, ...], kind: str | None, replace: bool, db: str) -> None:
    """Import TABARI/PETRARCH dictionaries (actors with dated codes, +synonyms; agents [~GOV]; discards).

    Importing the same file twice changes nothing. A file that cannot be read is reported on one line and
    the others are imported; the exit status is 1 if any failed.
    """
    try:
        reports = manage.import_dictionaries(list(files), db, kind=kind, replace=replace)
    except StoreError as exc:
        _fail(str(exc))
    failed = False
    for report in reports:
        if report.error:
            failed = True
            click.echo(report.line(), err=True)
        else:
            click.echo(report.line())
    sys.exit(1 if failed else 0)


@command.command("list")
@click.option("--kind", default=None, help="Only actors of this kind (person, org, country ...).")
@click.option("--origin", type=click.Choice(list(manage.LIST_ORIGINS)), default=None,
              help="registry (learnt), user (corrections), dictionary (imported) or kb (shipped). "
                   "Default: registry and user.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@db_option
def list_cmd(kind: str | None, origin: str | None, as_json: bool, db: str) -> None:
    """List actors: the registry by default, or the imported/shipped knowledge base."""
    try:
        rows = manage.list_actors(db, kind=kind, origin=origin)
    except (StoreError, ValueError) as exc:
        _fail(str(exc))
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, default=str, ensure_ascii=False))
        else:
            ident = row.get("actor_id") or ""
            dates = ""
            if row.get("valid_from") or row.get("valid_until"):
                dates = f" [{row.get('valid_from') or ''}..{row.get('valid_until') or ''}]"
            docs = f" {row['n_documents']} docs" if row.get("n_documents") is not None else ""
            click.echo(f"{ident:<13}{row['name']:<32} {row.get('code') or '-':<10} {row.get('country') or '-':<4} "
                       f"{row.get('sector') or '-':<4} {row.get('origin')}{docs}{dates}")


@command.command("show")
@click.argument("name")
@click.option("--date", "day", default=None, help="For a knowledge-base name: its role on this ISO date.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@db_option
def show_cmd(name: str, day: str | None, as_json: bool, db: str) -> None:
    """Show one actor (NAME or ID): aliases, codes with dates, evidence and documents."""
    try:
        detail = manage.show_actor(name, db, day=day)
    except StoreError as exc:
        _fail(str(exc))
    if detail is None:
        _fail(f"{name}: no such actor in the registry or the knowledge base", 1)
    if as_json:
        click.echo(json.dumps(detail, default=str, indent=2, ensure_ascii=False))
        return
    _print_detail(detail)


def _print_detail(d: dict[str, Any]) -> None:
    click.echo(f"{d.get('name')}  ({d.get('actor_id') or d.get('known_from')})")
    for key in ("code", "country", "sector", "kind", "origin", "confidence", "n_documents", "evidence_doc",
                "evidence_text"):
        if d.get(key) is not None:
            click.echo(f"  {key:<14}{d[key]}")
    if d.get("aliases"):
        click.echo(f"  {'aliases':<14}{', '.join(d['aliases'])}")
    for r in d.get("roles") or []:
        span = f"{r.get('valid_from') or '…'} to {r.get('valid_until') or '…'}"
        click.echo(f"  {'role':<14}{r.get('code')} {r.get('country') or '-'} {r.get('sector') or '-'}  {span}"
                   f"  {r.get('origin') or r.get('source') or ''}")
    if d.get("on_day"):
        o = d["on_day"]
        click.echo(f"  {'on ' + (o.get('day') or 'any day'):<14}{o.get('code')} {o.get('country')} {o.get('sector')}")
    for doc in d.get("documents") or []:
        click.echo(f"  {'document':<14}{doc['doc_id']} {doc.get('published') or ''} {doc.get('resolution')}: "
                   f"{doc.get('text')}")


@command.command("merge")
@click.argument("keep")
@click.argument("drop")
@db_option
def merge_cmd(keep: str, drop: str, db: str) -> None:
    """Merge actor DROP into KEEP (ids or names): DROP's aliases, roles and documents join KEEP."""
    try:
        detail = manage.merge_actors(keep, drop, db)
    except (StoreError, LookupError, ValueError) as exc:
        _fail(str(exc).strip("'\""))
    _print_detail(detail)


@command.command("set")
@click.argument("name")
@click.option("--code", required=True, help="CAMEO actor code, e.g. USAGOV.")
@click.option("--country", default=None, help="ISO3 or IGO/NGO... (default: from the code).")
@click.option("--sector", default=None, help="PLOVER sector (default: from the code).")
@click.option("--from", "valid_from", default=None, help="First day the code holds (YYYY-MM-DD).")
@click.option("--until", "valid_until", default=None, help="Last day the code holds (YYYY-MM-DD).")
@click.option("--kind", default=None, help="person (default), org, ...")
@db_option
def set_cmd(name: str, code: str, country: str | None, sector: str | None, valid_from: str | None,
            valid_until: str | None, kind: str | None, db: str) -> None:
    """Correct an actor: NAME gets CODE in later `accord code` runs, over every other source.

    Documents already stored keep their codes until re-coded: run `accord code ... --force`.
    """
    try:
        detail = manage.set_actor(name, code, db, country=country, sector=sector, valid_from=valid_from,
                                  valid_until=valid_until, kind=kind)
    except (StoreError, ValueError) as exc:
        _fail(str(exc))
    _print_detail(detail)
