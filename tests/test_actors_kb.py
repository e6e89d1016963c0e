"""The knowledge base and phrase matcher, on a small KB the tests write (invented places and people).

``write_kb`` is shared with the other tests/test_actors_* files, which import it from here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.actors.kb import KnowledgeBase, normalise_phrase
from accord.actors.matcher import PhraseIndex

COUNTRIES = """\
# phrase	code	country	sector	kind	name	valid_from	valid_until	source
zorbia	ZOR	ZOR		country	Zorbia			test
zorbian	ZOR	ZOR		demonym	Zorbia			test
varna city	ZOR	ZOR		capital	Zorbia			test
quentland	QNT	QNT		country	Quentland			test
quentish	QNT	QNT		demonym	Quentland			test
kelm	QNT	QNT		capital	Quentland			test
ostrava bay	QNT	QNT		city	Quentland			test
sweden	SWE	SWE		country	Sweden			test
swedish	SWE	SWE		demonym	Sweden			test
norway	NOR	NOR		country	Norway			test
norwegian	NOR	NOR		demonym	Norway			test
oslo	NOR	NOR		capital	Norway			test
denmark	DNK	DNK		country	Denmark			test
danish	DNK	DNK		demonym	Denmark			test
finland	FIN	FIN		country	Finland			test
finnish	FIN	FIN		demonym	Finland			test
us	USA	USA		country	United States			test
u.s.	USA	USA		country	United States			test
american	USA	USA		demonym	United States			test
united nations	IGOUNO	IGO		igo	United Nations			test
un	IGOUNO	IGO		igo	United Nations			test
the west	WST	WST		region	the West			test
west bank	QNT	QNT		region	Quentland			test
kurdish	KUR	KUR		ethnic	Kurds			test
kurds	KUR	KUR		ethnic	Kurds			test
tessan	ZOR	ZOR		ethnic	Tessans			test
"""

PEOPLE = """\
elena stone	ZORGOV	ZOR	GOV	person	Elena Stone	2005-03-01	2009-06-30	test
elena stone	ZORELI	ZOR	ELI	person	Elena Stone			test
president stone	ZORGOV	ZOR	GOV	person	Elena Stone	2005-03-01	2009-06-30	test
president stone	ZORELI	ZOR	ELI	person	Elena Stone			test
oleksandr marchenko	QNTGOV	QNT	GOV	person	Oleksandr Marchenko	2001-01-01		test
bruno may	QNTELI	QNT	ELI	person	Bruno May			test
pavel okonkwo	ZORGOV	ZOR	GOV	person	Pavel Okonkwo	2000-01-01		test
irena okonkwo	ZORGOVMED	ZOR	GOV	person	Irena Okonkwo	2003-01-01		test
"""

ORGS = """\
freedom front	ZOROPP	ZOR	OPP	party	Freedom Front			test
white tower	ZORGOV	ZOR	GOV	metonym	White Tower			test
people's brotherhood	OPP		OPP	org	People's Brotherhood			test
"""

AGENTS = """\
government	GOV	GOV	suffix	test
officials	GOV	GOV	suffix	test
official	GOV	GOV	suffix	test
diplomat	GOV	GOV	suffix	test
ambassador	GOV	GOV	suffix	test
counterpart	GOV	GOV	suffix	test
president	GOV	GOV	suffix	test
prime minister	GOV	GOV	suffix	test
minister	GOV	GOV	suffix	test
troops	MIL	MIL	suffix	test
soldier	MIL	MIL	suffix	test
police	COP	COP	suffix	test
rebel	REB	REB	suffix	test
insurgent	REB	REB	suffix	test
parliament	LEG	LEG	suffix	test
media	MED	JRN	suffix	test
human rights group	NGO	SOC	prefix	test
rights group	HRI	SOC	suffix	test
intelligence	SPY	SPY	suffix	test
leaders	GOV	GOV	suffix	test
newspaper	MED	JRN	suffix	test
civilians	CVL	CVL	suffix	test
peacekeepers	IGOMIL	MIL	prefix	test
"""

SECTORS = """\
LEG	LEG	legislature
GOV	GOV	government
MIL	MIL	military
COP	COP	police
REB	REB	rebels
OPP	OPP	opposition
ELI	ELI	elites
MED	JRN	media
NGO	SOC	non-governmental organisation
HRI	SOC	human rights organisations
SPY	SPY	intelligence
CVL	CVL	civilians
IGO		intergovernmental (prefix)
"""

COUNTRY_CODES = """\
ZOR	ZOR	Zorbia
QNT	QNT	Quentland
SWE	SWE	Sweden
NOR	NOR	Norway
DNK	DNK	Denmark
FIN	FIN	Finland
USA	USA	United States
IGO		intl: intergovernmental organisation
NGO		intl: non-governmental organisation
WST		region: the West
KUR		ethnic: Kurds
"""

READINGS = """\
ostrava bay	ZOR	ZOR	city	Ostrava Bay (Zorbia)
"""


def write_kb(directory: Path) -> Path:
    """Write the test knowledge base into ``directory`` and return it."""
    directory.mkdir(parents=True, exist_ok=True)
    files = {"countries.tsv": COUNTRIES, "people.tsv": PEOPLE, "orgs.tsv": ORGS, "agents.tsv": AGENTS,
             "sectors.tsv": SECTORS, "country_codes.tsv": COUNTRY_CODES, "readings.tsv": READINGS}
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> KnowledgeBase:
    return KnowledgeBase.load(directory=write_kb(tmp_path_factory.mktemp("kb")))


def test_loader_reads_rows_agents_sectors_and_codes(kb):
    assert kb.lookup("Zorbia").code == "ZOR"
    assert kb.lookup("ZORBIAN").kind == "demonym"
    assert kb.agent("ambassador").code == "GOV"
    assert kb.agent("human rights group").position == "prefix"
    assert kb.sector_for("MED") == "JRN"  # CAMEO media is PLOVER JRN
    assert kb.sector_of_code("QNTGOV") == "GOV"
    assert kb.country_of("IGOUNO") == "IGO" and kb.is_state("ZOR") and not kb.is_state("IGO")


def test_second_readings_of_place_names_are_loaded_apart(kb):
    assert kb.lookup("ostrava bay").country == "QNT"  # the first reading is the actor row
    assert [e.country for e in kb.readings["ostrava bay"]] == ["ZOR"]


def test_date_bounded_roles_and_undated_fallback(kb):
    entries = kb.entries("elena stone")
    in_office = kb.choose(entries, "2007-05-31")
    assert (in_office.code, in_office.sector, in_office.bounded) == ("ZORGOV", "GOV", True)
    after = kb.choose(entries, "2012-01-10")
    assert (after.code, after.bounded) == ("ZORELI", False)
    # no date: a person in their latest office rather than the "out of office" fallback row
    assert kb.choose(entries, None).code == "ZORGOV"


def test_without_a_date_the_current_country_wins(tmp_path):
    (tmp_path / "countries.tsv").write_text(
        "serbia\tSRB\tSRB\t\tcountry\tSerbia\t\t\tt\n"
        "serbia\tSCGSRB\tSCG\t\tcountry\tSerbia and Montenegro\t1992-04-28\t2006-06-04\tt\n"
        "uzbekistan\tSUNUZB\tSUN\t\tcountry\tSoviet Union\t\t1991-08-31\tt\n"
        "uzbekistan\tUZB\tUZB\t\tcountry\tUzbekistan\t1991-12-21\t\tt\n", encoding="utf-8")
    kb = KnowledgeBase.load(directory=tmp_path)
    assert kb.choose(kb.entries("serbia"), None).code == "SRB"
    assert kb.choose(kb.entries("serbia"), "1999-03-24").code == "SCGSRB"
    assert kb.choose(kb.entries("uzbekistan"), None).code == "UZB"
    assert kb.choose(kb.entries("uzbekistan"), "1990-01-01").code == "SUNUZB"


def test_short_rows_are_padded(tmp_path):
    (tmp_path / "old.tsv").write_text("# phrase code country sector kind name\nruritania\tRUR\tRUR\t\tcountry\n",
                                      encoding="utf-8")
    kb = KnowledgeBase.load(directory=tmp_path)
    assert kb.lookup("Ruritania").country == "RUR"


def test_phrase_index_longest_match_plural_and_open_endings():
    index = PhraseIndex()
    index.add("new zorbia", "NZ")
    index.add("zorbia", "Z")
    index.add("diplomat", "D", "plural")
    index.add("argentin", "A", "open")
    hits = list(index.matches(["the", "new", "zorbia", "diplomats"]))
    assert (hits[0].start, hits[0].end, hits[0].payloads) == (1, 3, ("NZ",))
    assert any(h.payloads == ("D",) and not h.exact for h in hits)
    assert [h.payloads for h in index.matches(["argentinian"])] == [("A",)]
    assert list(index.matches(["argentinxyz"])) == []  # only known endings, not any continuation


def test_phrase_keys_drop_dots_and_hyphens():
    index = PhraseIndex()
    index.add("nuri al-maliki", "M")
    index.add("u.n.", "UN")
    assert [h.payloads for h in index.matches(["nuri", "al", "maliki"])] == [("M",)]
    assert [h.payloads for h in index.matches(["un"])] == [("UN",)]
    assert normalise_phrase("  The   U.S.’s ") == "the u.s.'s"
