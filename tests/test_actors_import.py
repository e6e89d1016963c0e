"""`accord actors import`: a user's TABARI/PETRARCH dictionaries, written by the test, into a store and the KB."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import accord
from accord.actors import KnowledgeBase, MentionFinder
from accord.cli import main
from accord.store import open_store

ACTORS = """\
# A user's own actors dictionary (TABARI format)
ZORBIA_  [ZOR]
+ZORBIAN
+VARNA_CITY

ELENA_STONE_  # head of state, 2005-2009
+PRESIDENT_STONE
\t[ZORGOV 050301-090630]
\t[ZORELI]

QUENTLAND [QNT]
+QUENTISH

WHITE_TOWER  [ZORGOV]
THE_TWIN_ISLES [ZOR/QNT]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
DIPLOMAT  [~GOV]
CONGRESS!PERSON!  [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
"""

DISCARDS = """\
FOOTBALL MATCH
+HURRICANE SEASON
"""


@pytest.fixture()
def files(tmp_path):
    paths = {}
    for name, text in (("zorbia.actors.txt", ACTORS), ("zorbia.agents.txt", AGENTS),
                       ("zorbia.discards.txt", DISCARDS), ("notes.actors.txt", "just some notes\nand more\n")):
        paths[name] = tmp_path / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_cli_import_detects_kinds_reports_and_is_idempotent(files, tmp_path):
    db = tmp_path / "user.duckdb"
    runner = CliRunner()
    args = ["actors", "import", str(files["zorbia.actors.txt"]), str(files["zorbia.agents.txt"]),
            str(files["zorbia.discards.txt"]), "--db", str(db)]
    out = runner.invoke(main, args)
    assert out.exit_code == 0, out.output
    assert "zorbia.actors.txt: imported: 5 actors entries" in out.output
    assert "agents entries" in out.output and "discards entries" in out.output
    again = runner.invoke(main, args)
    assert again.exit_code == 0 and again.output.count("already imported") == 3
    with open_store(db, read_only=True) as store:
        assert len(store.dictionaries("actors")) == 1
        assert {d["phrase"] for d in store.dictionary_entries("discards")} == {"football match", "hurricane season"}
        assert not store.builtin_replaced("actors")


def test_bad_files_get_one_line_errors_and_the_rest_still_imports(files, tmp_path):
    db = tmp_path / "user.duckdb"
    out = CliRunner().invoke(main, ["actors", "import", str(tmp_path / "missing.txt"), str(files["notes.actors.txt"]),
                                    str(files["zorbia.actors.txt"]), "--db", str(db)])
    assert out.exit_code == 1
    errors = [line for line in out.output.splitlines() if line.startswith("accord: ")]
    assert len(errors) == 2 and "missing.txt" in errors[0] and "notes.actors.txt" in errors[1]
    assert "zorbia.actors.txt: imported" in out.output


def test_imported_entries_resolve_with_dates_synonyms_and_agents(files, tmp_path, resources):
    db = tmp_path / "user.duckdb"
    reports = accord.import_dictionaries([files["zorbia.actors.txt"], files["zorbia.agents.txt"]], db)
    assert all(r.error is None for r in reports)
    with open_store(db) as store:
        kb = KnowledgeBase.load(store=store)
    finder = MentionFinder(resources.nlp, kb)

    def codes(text, day):
        doc = resources.nlp(text)
        return {m.actor.text: (m.actor.code, m.actor.resolution) for m in finder(doc, day)}

    found = codes("Zorbian diplomats and Quentish congressmen met a human rights body from Varna City.", "2007-01-01")
    assert found["Zorbian diplomats"] == ("ZORGOV", "dictionary")
    assert found["Quentish congressmen"][0] == "QNTLEG"
    assert codes("President Stone spoke.", "2007-01-01")["President Stone"][0] == "ZORGOV"
    assert codes("President Stone spoke.", "2011-01-01")["President Stone"][0] == "ZORELI"
    assert codes("Quentland's golden geese flew.", "2007-01-01")["Quentland's golden geese"][0] == "QNTGGS"
    doc = resources.nlp("The Twin Isles protested.")
    twins = finder(doc, None)
    assert sorted(m.actor.code for m in twins) == ["QNT", "ZOR"]  # [ZOR/QNT]: one mention per actor
    assert len({m.head for m in twins}) == 1
    # the shipped knowledge base is still there (no --replace)
    assert kb.lookup("Iran") is not None or kb.lookup("Iraq") is not None


def test_replace_uses_only_the_imported_dictionary(files, tmp_path):
    db = tmp_path / "toy.duckdb"
    accord.import_dictionaries([files["zorbia.actors.txt"]], db, replace=True)
    with open_store(db) as store:
        assert store.builtin_replaced("actors")
        kb = KnowledgeBase.load(store=store)
    assert kb.lookup("Zorbia").code == "ZOR" and kb.lookup("Iran") is None and kb.lookup("Norway") is None
    assert {e.origin for entries in kb.actors.values() for e in entries} == {"dictionary"}


def test_imported_dictionary_outranks_the_shipped_knowledge_base(tmp_path):
    """Priority: user corrections > imported dictionaries > shipped KB > inference."""
    path = tmp_path / "override.actors.txt"
    path.write_text("NORWAY_ [XYZ]\n", encoding="utf-8")
    db = tmp_path / "override.duckdb"
    accord.import_dictionaries([path], db)
    with open_store(db) as store:
        kb = KnowledgeBase.load(store=store)
    assert (kb.lookup("Norway").code, kb.lookup("Norway").origin) == ("XYZ", "dictionary")
    accord.set_actor("Norway", "NORGOV", db, kind="country")
    with open_store(db) as store:
        kb = KnowledgeBase.load(store=store)
    user = kb.choose(kb.registry.by_name("norway"), None)
    assert (user.code, user.entry.origin) == ("NORGOV", "user")
