"""The event lexicon: the shipped data, user dictionaries layered through the store, and `accord lexicon`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from accord.cli import main
from accord.events.lexicon import Lexicon
from accord.ontology import Ontology
from accord.pipeline import Resources, code_documents
from accord.records import Document
from accord.store import open_store

# A small verb dictionary in the TABARI/PETRARCH language, written for this test.
TOY_VERBS = """
&FISHWORDS
+QUOTA
+CATCH

--- HAGGLE [046] ---
HAGGLE
BARGAIN
- * (OVER &FISHWORDS)     [061]
- * (WITH +) (ABOUT TAXES)  [---]

--- SNUB [125] ---
SNUB {SNUBS SNUBBED SNUBBING}

--- PERMIT [081] ---
PERMIT
- NOT * [124]
"""


@pytest.fixture(scope="module")
def shipped():
    return Lexicon.load()


def test_shipped_lexicon_is_complete_and_consistent(shipped):
    stats = shipped.stats()
    assert stats["blocks"] > 300 and stats["patterns"] > 4000 and stats["nouns"] > 20
    assert not shipped.warnings, shipped.warnings[:5]
    onto = Ontology()
    for block in shipped.blocks.values():
        for p in block.patterns:
            for code in (p.code, p.reverse_code):
                assert code is None or onto.is_cameo(code), (p.id, code)
    for entries in shipped.nouns.values():
        for n in entries:
            # "---": an event only with one of its modifiers ("a missile test") or objects ("a suspension of aid"),
            # each of which has a code
            assert onto.is_cameo(n.code) or (n.code == "---" and (n.modifier_codes or n.object_codes)), n
            assert all(onto.is_cameo(code) for _, code in n.modifier_codes + n.object_codes), n
    for adjective in shipped.adjectives.values():
        assert all(onto.is_cameo(code) for code in (adjective.code, *dict(adjective.object_codes).values()))


def test_verbs_nouns_and_rules(shipped):
    imposes = [e for e in shipped.verb_entries("impose") if len(e.words) == 1]
    assert shipped.default_code(imposes[0]) == "170"  # the first entry's default is the verb's
    assert [p.code for e in imposes for p in shipped.patterns_for(e) if p.text == "* sanctions"] == ["163"]
    assert shipped.verb_entries("finalise") and shipped.verb_entries("finalise") == shipped.verb_entries("finalize")
    assert shipped.noun_entries("sanction")[0].code == "163"
    assert shipped.is_symmetric("046") and not shipped.is_symmetric("112")
    assert shipped.is_mutual("190") and not shipped.is_mutual("111")
    assert shipped.is_unilateral("141") and not shipped.is_unilateral("190")
    assert shipped.discard("The striker scored twice as Manchester United won.")[1]
    assert shipped.discard("Talks resumed months later.") == (False, False), "temporal phrases are not discards"
    # accord's own discards beside Phoenix's: a footballer's transfer is no cooperation between states
    assert shipped.discard("The Brazilian footballer signed a contract with a Saudi club.")[0]


def test_imported_dictionary_layers_over_or_replaces_the_shipped_one(tmp_path):
    path = tmp_path / "toy.verbs.txt"
    path.write_text(TOY_VERBS)
    db = tmp_path / "l.duckdb"
    result = CliRunner().invoke(main, ["lexicon", "import", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "3 blocks, 3 patterns" in result.output
    with open_store(db, read_only=True) as store:
        lex = Lexicon.load(store=store)
    assert lex.verb_entries("haggle")[0].origin == "user"
    assert lex.verb_entries("impose"), "layered: the shipped verbs are still there"
    again = CliRunner().invoke(main, ["lexicon", "import", str(path), "--db", str(db), "--replace"])
    assert "already imported" in again.output
    with open_store(db, read_only=True) as store:
        replaced = Lexicon.load(store=store)
    assert not replaced.verb_entries("impose") and replaced.verb_entries("snub")
    assert not replaced.is_symmetric("046"), "symmetry belongs to the shipped lexicon"


def test_a_user_dictionary_codes_events(resources, tmp_path):
    path = tmp_path / "toy.verbs.txt"
    path.write_text(TOY_VERBS)
    db = tmp_path / "u.duckdb"
    CliRunner().invoke(main, ["lexicon", "import", str(path), "--db", str(db)])
    with open_store(db, read_only=True) as store:
        lex = Lexicon.load(store=store)
    res = Resources(nlp=resources.nlp, kb=resources.kb, lexicon=lex, ontology=resources.ontology)
    (coded,) = code_documents([Document("h", "Chile haggled with Peru over the anchovy quota.")], res)
    assert ("CHL", "PER", "061") in {(e.source.code, e.target.code, e.cameo_code) for e in coded.events}
    (coded,) = code_documents([Document("h2", "Chile haggled with Peru about taxes.")], res)
    assert not coded.events, "a null-coded pattern suppresses the event"
    (coded,) = code_documents([Document("h3", "Chile did not permit Peru to fish there.")], res)
    refusal = [e for e in coded.events if e.cameo_code == "124"]
    assert refusal and refusal[0].factuality == "asserted", "a pattern that spells out the negation codes a real act"
    assert "pattern" in refusal[0].factuality_cue


def test_add_show_list_remove(tmp_path):
    db = str(tmp_path / "a.duckdb")
    run = lambda *a: CliRunner().invoke(main, list(a))  # noqa: E731
    added = run("lexicon", "add", "stonewall", "--code", "125", "--pattern", "* (on talks)=125", "--db", db)
    assert added.exit_code == 0, added.output
    assert run("lexicon", "add", "snowball", "--code", "999", "--db", db).exit_code != 0, "codes are checked"
    assert run("lexicon", "add", "quarantine", "--noun", "--code", "191", "--prep", "of", "--db", db).exit_code == 0
    shown = json.loads(run("lexicon", "show", "stonewall", "--db", db, "--json").output)
    assert shown["verbs"][0]["default_code"] == "125" and shown["verbs"][0]["patterns"][0]["code"] == "125"
    assert "191" in run("lexicon", "show", "quarantine", "--db", db).output
    assert "not in the lexicon" in run("lexicon", "show", "stonewall").output, "additions live in their store"
    listed = json.loads(run("lexicon", "list", "--db", db, "--json").output)
    assert len(listed["imported"]) == 2
    ident = listed["imported"][0]["dictionary_id"]
    assert run("lexicon", "remove", ident, "--db", db).exit_code == 0
    assert run("lexicon", "remove", ident, "--db", db).exit_code != 0


def test_importing_something_else_is_a_clear_error(tmp_path):
    actors = tmp_path / "toy.actors.txt"
    actors.write_text("CHILE [CHL]\n+CHILEAN\n")
    result = CliRunner().invoke(main, ["lexicon", "import", str(actors), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1 and "not a verb dictionary" in result.output


def test_a_phrasal_pattern_belongs_to_its_own_verb(shipped):
    """CAMEO 2.0's "* (to)" written for HEAD ("headed to talks") does not code "ordered X to" or "led to"."""
    lex = shipped
    order = next(e for e in lex.verb_entries("order") if e.block.endswith("OVERSEE_MANAGE"))
    head = [e for e in lex.verb_entries("head") if e.block == order.block]
    assert head, "HEAD shares ORDER's block in CAMEO 2.0"
    texts = {p.text.replace(" ", "") for p in lex.patterns_for(order)}
    assert "*to" not in texts
    assert "*to" in {p.text.replace(" ", "") for p in lex.patterns_for(head[0])}


def test_a_pattern_naming_only_who_acts_belongs_to_its_own_verb(shipped):
    """"&military *" written for TAKE (soldiers taking a town occupy it) does not make arrests occupations."""
    arrest = [e for e in shipped.verb_entries("arrest") if e.block.endswith("APPREHEND")]
    take = [e for e in shipped.verb_entries("take") if e.block.endswith("APPREHEND")]
    assert arrest and take
    texts = lambda e: {p.text.replace(" ", "") for p in shipped.patterns_for(e)}  # noqa: E731
    assert "&military*" in texts(take[0]) and "&military*" not in texts(arrest[0])


def test_a_pattern_turning_conflict_into_cooperation_belongs_to_its_own_verb(shipped):
    """"* insurgents" (062) written for BATTLE does not make "attacked insurgents" cooperation; a statement's
    patterns ("conveyed frustration" 110) stay with every verb of the block, as statements are neutral."""
    attack = [e for e in shipped.verb_entries("attack") if e.block.endswith("PHYSICAL_CONFLICT")]
    battle = [e for e in shipped.verb_entries("battle") if e.block.endswith("PHYSICAL_CONFLICT")]
    assert attack and battle
    texts = lambda e: {p.text.replace(" ", "") for p in shipped.patterns_for(e)}  # noqa: E731
    assert "*insurgents" in texts(battle[0]) and "*insurgents" not in texts(attack[0])
    convey = [e for e in shipped.verb_entries("convey") if e.block.endswith("EXPLAIN_VERBAL")]
    assert convey and "*frustration" in texts(convey[0])
