"""Tests for the TABARI/PETRARCH dictionary readers. All dictionary snippets are written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.dictionaries import (
    DatedCode,
    DictActor,
    DictAgent,
    DictDiscard,
    DictionaryError,
    DictPattern,
    DictVerb,
    ParseResult,
    PatternToken,
    Phrase,
    Synset,
    VerbBlock,
    VerbDictionary,
    detect_kind,
    read_actors,
    read_agents,
    read_any,
    read_discards,
    read_verbs,
)

# ----------------------------------------------------------------------------------------- actors

ACTORS = """\
<!-- test actors -->
<!-- a comment
     spanning lines -->
FREEDONIA_  [FRD]  # invented country
+FREEDONIAN
+FREE DONIA
+FREDONIA_ ; legacy comment

RUFUS_T_FIREFLY_  # a leader
\t[FRDELI 330101-331231]
\t[FRDGOV 19340101 - 19391231]
\t[FRDELI]

TRENTINO
\t[SYL <350615]
\t[SYLGOV >350616]

OLD_GUARD
    [FRDMIL < 20050630]
    [---]

MARX_BROTHERS [FRD/SYL] # odd code kept as written

AMBASSADOR_TRENTINO  [SYLGOV 300101-341231] [SYL]
"""


def test_actor_phrases_synonyms_and_default_code() -> None:
    result = read_actors(ACTORS)
    assert result.warnings == []
    freedonia = result.entries[0]
    assert freedonia.phrases == [
        Phrase("freedonia", False),
        Phrase("freedonian", True),
        Phrase("free donia", True),
        Phrase("fredonia", False),
    ]
    assert freedonia.code == "FRD"
    assert freedonia.dated == []
    assert freedonia.comment == "invented country"
    assert freedonia.line == 4


def test_actor_date_restrictions_every_form() -> None:
    by_name = {a.phrases[0].text: a for a in read_actors(ACTORS).entries}
    firefly = by_name["rufus t firefly"]
    assert firefly.phrases == [Phrase("rufus t firefly", False)]
    assert firefly.code == "FRDELI"  # bare [CODE] on a following line is the default
    assert firefly.dated == [
        DatedCode("FRDELI", "1933-01-01", "1933-12-31"),  # 6-digit dates
        DatedCode("FRDGOV", "1934-01-01", "1939-12-31"),  # 8-digit dates, spaces around '-'
    ]
    trentino = by_name["trentino"]
    assert trentino.code is None
    assert trentino.dated == [DatedCode("SYL", None, "1935-06-15"), DatedCode("SYLGOV", "1935-06-16", None)]
    old_guard = by_name["old guard"]  # space-indented codes, '<' with a space, 8-digit date, null default
    assert old_guard.dated == [DatedCode("FRDMIL", None, "2005-06-30")]
    assert old_guard.code == "---"


def test_actor_two_digit_years_pivot_at_30() -> None:
    text = "B_\n\t[BBB <290101]\n\t[CCC >300101]\n\t[DDD 991231-000101]\n"
    (actor,) = read_actors(text).entries
    assert actor.dated == [
        DatedCode("BBB", None, "2029-01-01"),
        DatedCode("CCC", "1930-01-01", None),
        DatedCode("DDD", "1999-12-31", "2000-01-01"),
    ]


def test_actor_codes_on_the_primary_line_and_odd_codes() -> None:
    by_name = {a.phrases[0].text: a for a in read_actors(ACTORS).entries}
    assert by_name["marx brothers"].code == "FRD/SYL"
    ambassador = by_name["ambassador trentino"]
    assert ambassador.code == "SYL"
    assert ambassador.dated == [DatedCode("SYLGOV", "1930-01-01", "1934-12-31")]


def test_code_on_picks_first_matching_date_then_default() -> None:
    by_name = {a.phrases[0].text: a for a in read_actors(ACTORS).entries}
    firefly = by_name["rufus t firefly"]
    assert firefly.code_on("1933-06-01") == "FRDELI"
    assert firefly.code_on("1934-01-01") == "FRDGOV"  # limits are inclusive
    assert firefly.code_on("1939-12-31") == "FRDGOV"
    assert firefly.code_on("1950-01-01") == "FRDELI"  # default
    assert firefly.code_on(None) == "FRDELI"
    trentino = by_name["trentino"]
    assert trentino.code_on("1935-06-15") == "SYL"
    assert trentino.code_on("1935-06-16") == "SYLGOV"
    overlapping = DictActor(
        [Phrase("x", True)], "X", [DatedCode("FIRST", "2010-01-09", "2010-01-12"), DatedCode("SECOND", "2008-01-01", "2012-01-01")], None, 1
    )
    assert overlapping.code_on("2010-01-10") == "FIRST"
    assert overlapping.code_on("2011-01-10") == "SECOND"


def test_actor_malformed_lines_give_warnings_with_line_numbers() -> None:
    text = (
        "GOOD [GD]\n"  # 1
        "\t[GDGOV 2004017-20061201]\n"  # 2: 7-digit date
        "\t[GDMIL 20121204]\n"  # 3: a date with no '<', '>' or range
        "\t[GDREB 20120801-20120101]\n"  # 4: end before start
        "<! -- broken comment -->\n"  # 5
        "\t[ORPHAN]\n"  # 6: code after a skipped record
        "NOCODE\n"  # 7
        "LATER [LT]\n"  # 8
        "\t[OTHER]\n"  # 9: second, different default
    )
    result = read_actors(text, name="mine.actors")
    assert [a.phrases[0].text for a in result.entries] == ["good", "nocode", "later"]
    assert result.entries[0].dated == []
    assert result.entries[2].code == "LT"
    lines = [w.split(":")[1] for w in result.warnings]
    assert lines == ["2", "3", "4", "5", "6", "7", "9"]
    assert all(w.startswith("mine.actors:") for w in result.warnings)
    assert "GDGOV 2004017-20061201" in result.warnings[0]


# ----------------------------------------------------------------------------------------- agents

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN , WOMEN
FOREIGN_MINISTER [~GOVFRM] # suffix code
PARTY_SECRETARY  [~PTY]
SECURITY_FORCE  [~MIL]
RIGHTS_BODY  [NGO~]
POLICE {} [ ~COP]
ENVOY [~GOV]
CATTLE_THIEF {CATTLE_THIEVES} [~CRM]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL ATTORNEY_GENERALS} [~JUD]
CHURCH [~REL]
TRADES!PERSON! [~BUS]
!MINST!_OF_FISHERIES [~GOV]
!MINST! = MINISTER, MINISTRY
"""


def test_agent_prefix_and_suffix_codes() -> None:
    entries = read_agents(AGENTS).entries
    by_first = {a.phrases[0]: a for a in entries}
    assert (by_first["foreign minister"].code, by_first["foreign minister"].position) == ("GOVFRM", "suffix")
    assert (by_first["rights body"].code, by_first["rights body"].position) == ("NGO", "prefix")
    assert by_first["police"].code == "COP"  # space inside the brackets tolerated
    assert by_first["foreign minister"].line == 2


def test_agent_regular_and_explicit_plurals() -> None:
    by_first = {a.phrases[0]: a.phrases for a in read_agents(AGENTS).entries}
    assert by_first["foreign minister"] == ["foreign minister", "foreign ministers"]
    assert by_first["party secretary"] == ["party secretary", "party secretaries"]  # Y -> IES
    assert by_first["security force"] == ["security force", "security forces"]
    assert by_first["envoy"] == ["envoy", "envoys"]  # vowel + Y keeps the Y
    assert by_first["church"] == ["church", "churches"]
    assert by_first["rights body"] == ["rights body", "rights bodies"]
    assert by_first["police"] == ["police"]  # "{}": no plural
    assert by_first["cattle thief"] == ["cattle thief", "cattle thieves"]
    assert by_first["attorney general"] == ["attorney general", "attorneys general", "attorney generals"]


def test_agent_substitution_markers() -> None:
    by_code = {}
    for agent in read_agents(AGENTS).entries:
        by_code.setdefault(agent.code, []).append(agent)
    (trades,) = by_code["BUS"]
    assert trades.phrases == ["tradesman", "tradesmen", "tradeswoman", "tradeswomen"]  # no extra plurals
    (ministry,) = by_code["GOV"][1:]  # a marker may be defined below its use
    assert ministry.phrases == ["minister of fisheries", "ministry of fisheries"]


def test_agent_plural_of_ss_word() -> None:
    (agent,) = read_agents("CONGRESS [~LEG]\n").entries
    assert agent.phrases == ["congress", "congresses"]


def test_agent_malformed_lines_warn() -> None:
    text = "GOOD_AGENT [~GOV]\nNO_CODE_HERE\nBOTH [~X~]\nMYSTERY!THING! [~ABC]\nUNCLOSED [~ENV}\n"
    result = read_agents(text, name="a.txt")
    assert [a.phrases[0] for a in result.entries] == ["good agent", "unclosed"]
    assert [w.split(":")[1] for w in result.warnings] == ["2", "3", "4"]


# ----------------------------------------------------------------------------------------- discards


def test_discards_story_versus_sentence() -> None:
    text = "# sports and history\nWORLD SERIES   # baseball\n+CHESS OLYMPIAD ; legacy\nGROUP C_\n1914\n"
    entries = read_discards(text).entries
    assert [(d.phrase, d.story, d.line) for d in entries] == [
        ("world series", False, 2),
        ("chess olympiad", True, 3),
        ("group c", False, 4),
        ("1914", False, 5),
    ]
    assert [d.open_ended for d in entries] == [True, True, False, True]


# ----------------------------------------------------------------------------------------- verbs

VERBS = """\
<!-- invented verbs dictionary -->
&PREP_
+AGAINST
+TOWARD_

&ARMS
+RIFLE
+ARTILLERY_BATTERY
+HOWITZER_
+&VEHICLES   # embedded, defined further down

--- PLEDGE  [050] ---
PLEDGE
GIVE {GAVE GIVEN}
+PITCH_IN {+PITCHED_IN +PITCHES_IN}
KLM_NOP_+RST [057]
CLEAR_UP
RECONVENE[---]
+SIT_DOWN {}
- * &ARMS TO + [057:058]  # supply offer
- % * SUPPORT [---]
- * TO/FOR ^ $ [051]
- SUGGESTED_+ * DEMAND_&ARMS_TALKS [---:050]
- IN_AND_*_OUT NOW [075A] ; legacy comment
- * (TO {FRESH TALKS}) [052]

&VEHICLES
+TANK
+LORRY

---  SHELL   [---]  ---
SHELL
- * &PREP + [195]
"""


def test_synsets_plurals_underscore_label_and_embedding() -> None:
    verbs = read_verbs(VERBS)
    assert verbs.warnings == []
    assert set(verbs.synsets) == {"PREP", "ARMS", "VEHICLES"}
    assert verbs.synsets["PREP"].phrases == ["against", "toward"]  # label ends in '_': no plurals
    assert verbs.synsets["ARMS"].phrases == [
        "rifle", "rifles", "artillery battery", "artillery batteries", "howitzer", "tank", "tanks", "lorry", "lorries",
    ]


def test_verb_block_header_and_verbs() -> None:
    verbs = read_verbs(VERBS)
    assert [b.name for b in verbs.blocks] == ["PLEDGE", "SHELL"]
    pledge, shell = verbs.blocks
    assert (pledge.code, pledge.line) == ("050", 12)
    assert shell.code is None  # "[---]" header: the bare verb codes nothing
    assert len(pledge.verbs) == 7  # the synset defined between blocks is not a verb
    pledge_verb, give, pitch, klm, clear, reconvene, sit = pledge.verbs
    assert pledge_verb == DictVerb(["pledge"], 0, ["pledges", "pledged", "pledging"], None, 13)
    assert give.forms == ["gives", "giving", "gave", "given"]  # regular -s/-ing, irregular past
    assert (pitch.words, pitch.verb_index, pitch.forms) == (["pitch", "in"], 0, ["pitching", "pitched", "pitches"])
    assert (klm.words, klm.verb_index, klm.code) == (["klm", "nop", "rst"], 2, "057")
    assert klm.forms == ["rsts", "rsted", "rsting"]
    assert (clear.words, clear.verb_index) == (["clear", "up"], 0)
    assert (reconvene.words, reconvene.code) == (["reconvene"], "---")
    assert (sit.words, sit.forms) == (["sit", "down"], [])


def test_regular_verb_spelling_rules() -> None:
    verbs = read_verbs("--- X [010] ---\nRATIFY\nFREE\nDIE\nPUSH\nSTAY\n")
    forms = {v.words[0]: v.forms for v in verbs.blocks[0].verbs}
    assert forms["ratify"] == ["ratifies", "ratified", "ratifying"]
    assert forms["free"] == ["frees", "freed", "freeing"]
    assert forms["die"] == ["dies", "died", "dying"]
    assert forms["push"] == ["pushes", "pushed", "pushing"]
    assert forms["stay"] == ["stays", "stayed", "staying"]


def _tok(kind: str, *value: str, joined: bool = False) -> PatternToken:
    return PatternToken(kind, tuple(value), joined)


def test_pattern_tokens_codes_and_comments() -> None:
    pledge = read_verbs(VERBS).blocks[0]
    p1, p2, p3, p4, p5, p6 = pledge.patterns
    assert p1.tokens == [_tok("verb", "*"), _tok("synset", "ARMS"), _tok("word", "to"), _tok("target")]
    assert (p1.code, p1.reverse_code, p1.comment, p1.text, p1.line) == ("057", "058", "supply offer", "* &ARMS TO +", 20)
    assert p2.tokens == [_tok("compound"), _tok("verb", "*"), _tok("word", "support")]
    assert (p2.code, p2.reverse_code) == (None, None)  # "[---]" suppresses coding
    assert p3.tokens == [_tok("verb", "*"), _tok("word", "to", "for"), _tok("skip"), _tok("source")]
    assert p4.tokens == [
        _tok("word", "suggested", joined=True),
        _tok("target"),
        _tok("verb", "*"),
        _tok("word", "demand", joined=True),
        _tok("synset", "ARMS", joined=True),
        _tok("word", "talks"),
    ]
    assert (p4.code, p4.reverse_code) == (None, "050")
    assert p5.tokens == [
        _tok("word", "in", joined=True),
        _tok("word", "and", joined=True),
        _tok("verb", "*", joined=True),
        _tok("word", "out"),
        _tok("word", "now"),
    ]
    assert (p5.code, p5.comment) == ("075A", "legacy comment")
    assert [t.kind for t in p6.tokens] == ["verb", "pp_open", "word", "np_open", "word", "word", "np_close", "pp_close"]


def test_pattern_double_star_and_trailing_underscore() -> None:
    verbs = read_verbs("--- X [010] ---\nX\n- ** IN_ $ [011]\n")
    assert verbs.blocks[0].patterns[0].tokens == [_tok("verb", "**"), _tok("word", "in"), _tok("source")]


def test_synset_used_before_definition_and_undefined_synset() -> None:
    text = "--- X [010] ---\nX\n- * &LATER [011]\n- * &NEVER [012]\n&LATER\n+ONE\n"
    verbs = read_verbs(text, name="v.txt")
    assert [p.code for p in verbs.blocks[0].patterns] == ["011"]
    assert verbs.synsets["LATER"].phrases == ["one", "ones"]
    assert verbs.warnings == ["v.txt:4: pattern uses undefined synset &NEVER; skipped"]


def test_headerless_old_style_blocks() -> None:
    text = "### GRANT ###\nGRANT [070]\nGIVE\n- * RUPEES [071]\nVOW [170]\n- * WAR [173]\n"
    blocks = read_verbs(text).blocks
    assert [(b.name, b.code, len(b.verbs), len(b.patterns)) for b in blocks] == [("GRANT", "070", 2, 1), ("VOW", "170", 1, 1)]


def test_verbs_malformed_lines_warn_with_line_numbers() -> None:
    text = (
        "- * ORPHAN [010]\n"  # 1: pattern before any block
        "--- X [010] ---\n"  # 2
        "X\n"  # 3
        "- * NO CODE\n"  # 4
        "- WORDS ONLY [011]\n"  # 5: no verb marker
        "- * BAD=WORD [012]\n"  # 6
        "~ a (a b ATTACK) SAY = a b 015\n"  # 7: PETRARCH2 transformation
        "&LOOP\n+&LOOP\n"  # 8-9
        "- * FINE [013]\n"  # 10
    )
    verbs = read_verbs(text, name="v.txt")
    assert [p.code for p in verbs.patterns] == ["013"]
    assert [w.split(":")[1] for w in verbs.warnings] == ["1", "4", "5", "6", "7", "9", "8"]


# ----------------------------------------------------------------------------------------- detection and IO


def test_detect_kind() -> None:
    assert detect_kind(ACTORS) == "actors"
    assert detect_kind(AGENTS) == "agents"
    assert detect_kind(VERBS) == "verbs"
    assert detect_kind("&SYN\n+A\nGIVE [010]\n- * AID [070]\n") == "verbs"  # no headers
    assert detect_kind("BASEBALL\n+SUPER BOWL\nMONTHS LATER\n") == "discards"


def test_read_any_dispatch_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "mine.verbs"
    path.write_text(VERBS, encoding="utf-8")
    assert isinstance(read_any(path), VerbDictionary)
    assert isinstance(read_any(ACTORS, kind="actors").entries[0], DictActor)
    assert isinstance(read_any(AGENTS).entries[0], DictAgent)
    assert isinstance(read_any(str(path), kind="verbs"), VerbDictionary)
    prose = tmp_path / "notes.txt"
    prose.write_text(
        '{"this": "is json", "not": "a dictionary"}\n'
        "Just some ordinary prose that happens to sit in a text file, with commas, and lots of words in it.\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError, match="notes.txt"):
        read_any(prose)
    with pytest.raises(DictionaryError, match="missing.txt"):
        read_any(tmp_path / "missing.txt")
    with pytest.raises(DictionaryError, match="kind"):
        read_any(path, kind="issues")
    with pytest.raises(DictionaryError):
        detect_kind("# only a comment\n\n")


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "old.actors"
    path.write_bytes("C\xd4TE_D'IVOIRE_ [CIV]\n".encode("latin-1"))
    result = read_actors(path)
    assert result.entries[0].phrases[0].text == "c\xf4te d'ivoire"
    assert result.warnings == []


# ----------------------------------------------------------------------------------------- JSON


def _round_trip(record):  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(record.to_json()))
    return type(record).from_json(data)


def test_json_round_trip_of_every_record_type() -> None:
    actors = read_actors(ACTORS)
    agents = read_agents(AGENTS)
    discards = read_discards("+CHESS OLYMPIAD\nGROUP C_\n")
    verbs = read_verbs(VERBS)
    block = verbs.blocks[0]
    records = [
        Phrase("free donia", False),
        DatedCode("SYL", None, "1935-06-15"),
        *actors.entries,
        *agents.entries,
        *discards.entries,
        *verbs.synsets.values(),
        *block.patterns[0].tokens,
        *block.patterns,
        *block.verbs,
        block,
        verbs,
    ]
    for record in records:
        assert _round_trip(record) == record
    for result, record_type in ((actors, DictActor), (agents, DictAgent), (discards, DictDiscard)):
        assert ParseResult.from_json(json.loads(json.dumps(result.to_json())), record_type) == result
    assert isinstance(_round_trip(block.patterns[0].tokens[1]).value, tuple)
    assert isinstance(_round_trip(verbs.synsets["ARMS"]), Synset)
    assert isinstance(_round_trip(block), VerbBlock)
    assert isinstance(_round_trip(block.patterns[0]), DictPattern)
