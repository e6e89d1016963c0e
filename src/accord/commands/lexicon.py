"""``accord lexicon``: read and extend the event lexicon (verbs, patterns, event nouns)."""

from __future__ import annotations

import json
import sys

import click

from .. import api
from ..store import StoreError
from .options import db_option, fail as _fail

@click.group("lexicon")
def command() -> None:
    """Read and extend the event lexicon: verbs, their patterns and codes, event nouns.

    Additions and imported dictionaries are kept in the store (--db) and used by every later
    `accord code` and `accord eval` on that store.
    """


@command.command("show")
@click.argument("word")
@click.option("--db", default=None, help="Include the additions in this store.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def show_cmd(word: str, db: str | None, as_json: bool) -> None:
    """What the lexicon says about WORD (a verb lemma like 'impose' or a noun like 'sanctions')."""
    try:
        info = api.lexicon_show(word, db=db)
    except StoreError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(info, indent=2))
    else:
        from ..events.admin import format_description

        click.echo(format_description(info))


@command.command("add")
@click.argument("word")
@db_option
@click.option("--code", required=True, help="CAMEO code: the default for a verb, or the noun's code.")
@click.option("--pattern", "patterns", multiple=True, metavar="PATTERN=CODE",
              help="A pattern and its code, e.g. '* (with +)=040' or '* reception=043:042' (repeatable).")
@click.option("--noun", is_flag=True, help="WORD is an event noun, not a verb.")
@click.option("--prep", "preps", multiple=True, help="Noun: a preposition that introduces the target (repeatable).")
@click.option("--symmetric", is_flag=True, help="Noun: 'X-Y talks' / 'between X and Y' code both directions.")
def add_cmd(word: str, db: str, code: str, patterns: tuple[str, ...], noun: bool, preps: tuple[str, ...],
            symmetric: bool) -> None:
    """Add a verb (or with --noun an event noun) to the lexicon of the store."""
    pairs = []
    for item in patterns:
        text, sep, pcode = item.rpartition("=")
        if not sep or not text.strip():
            _fail(f"--pattern {item!r}: write PATTERN=CODE, e.g. '* (with +)=040'")
        pairs.append((text.strip(), pcode.strip()))
    try:
        if noun:
            ident = api.lexicon_add_noun(word, code, list(preps), symmetric=symmetric, db=db)
        else:
            ident = api.lexicon_add_verb(word, code, pairs, db=db)
    except (ValueError, StoreError) as exc:
        _fail(str(exc))
    click.echo(f"added {word!r} ({ident}); used by later `accord code --db {db}` runs (--force re-codes stored texts)")


@command.command("import")
@click.argument("files", nargs=-1, required=True)
@db_option
@click.option("--replace", is_flag=True, help="Use these verbs instead of the shipped lexicon (e.g. PETRARCH's test dictionary).")
def import_cmd(files: tuple[str, ...], db: str, replace: bool) -> None:
    """Import TABARI/PETRARCH verb dictionaries (verb blocks, patterns, synsets) into the store."""
    try:
        results = api.lexicon_import(list(files), db=db, replace=replace)
    except StoreError as exc:
        _fail(str(exc))
    failed = False
    for r in results:
        if r.error:
            failed = True
            click.echo(f"accord: {r.error}", err=True)
            continue
        state = "imported" if r.added else "already imported"
        click.echo(f"{r.path}: {state}: {r.blocks} blocks, {r.patterns} patterns, {len(r.warnings)} warnings"
                   + (" (replaces the shipped verbs)" if replace else ""))
        for w in r.warnings[:10]:
            click.echo(f"  warning: {w}", err=True)
    sys.exit(1 if failed else 0)


@command.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def list_cmd(db: str, as_json: bool) -> None:
    """The lexicon's size and the additions and dictionaries imported into the store."""
    try:
        info = api.lexicon_list(db=db)
    except StoreError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(info, indent=2, default=str))
        return
    click.echo("lexicon: " + ", ".join(f"{k} {v}" for k, v in info["stats"].items()))
    for d in info["imported"]:
        flag = "  replaces shipped" if d["replaces_builtin"] else ""
        click.echo(f"{d['dictionary_id']}  {d['kind']:<8} {d['name']}  ({d['n_entries']} entries){flag}")


@command.command("remove")
@click.argument("dictionary_id")
@db_option
def remove_cmd(dictionary_id: str, db: str) -> None:
    """Remove an imported dictionary or addition (its id as `accord lexicon list` shows it)."""
    try:
        removed = api.lexicon_remove(dictionary_id, db=db)
    except StoreError as exc:
        _fail(str(exc))
    if not removed:
        _fail(f"no dictionary {dictionary_id!r} in {db}", 1)
    click.echo(f"removed {dictionary_id}")
