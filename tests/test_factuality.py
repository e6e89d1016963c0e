"""Factuality and attribution of event triggers (accord.events.factuality).

Every sentence here was written for these tests (invented or paraphrased news). Each case names the trigger
the coder would pick (a verb or an event noun) and what the module must say about it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.events.factuality import Assessment, FactualityModel, FactualityTableError, assess, default_model
from accord.records import FACTUALITY


@pytest.fixture(scope="module")
def model() -> FactualityModel:
    return FactualityModel.load()


@pytest.fixture(scope="module")
def parse(resources):
    cache: dict[str, object] = {}

    def _parse(text: str):
        if text not in cache:
            cache[text] = resources.nlp(text)
        return cache[text]

    return _parse


def trigger(doc, text: str):
    """The first token whose text is ``text`` (the tests pick unambiguous triggers)."""
    for token in doc:
        if token.text == text:
            return token
    raise AssertionError(f"trigger {text!r} not in {doc.text!r}")


# (sentence, trigger, factuality, deciding cue or None)
CASES = [
    # --- asserted: plain reports stay asserted (no over-marking) ---
    ("Kenya deployed troops to Somalia in October.", "deployed", "asserted", None),
    ("Brazil and Argentina held talks on trade in Buenos Aires.", "talks", "asserted", None),
    ("The European Union imposed sanctions on Belarus last year.", "sanctions", "asserted", None),
    ("Ethiopia accused Egypt of meddling and financing the insurgents.", "accused", "asserted", None),
    ("The junta threatened to bomb the rebel villages.", "threatened", "asserted", None),
    ("Uganda denied supplying weapons to the rebels.", "denied", "asserted", None),
    ("Haiti withdrew from the talks in Geneva.", "talks", "asserted", None),
    ("Chad mounted its long-threatened offensive against the rebels.", "offensive", "asserted", None),
    # an attempt is an act: CAMEO and PLOVER code "attempted to assassinate", "tried to storm" as what was tried
    ("The rebels tried to storm the army base in Gao.", "storm", "asserted", None),
    ("Militants attempted to assassinate the prime minister.", "assassinate", "asserted", None),
    ("Chad called off the threatened offensive against the rebels.", "offensive", "hypothetical", "threatened"),
    ("Chad will leave the talks if Mali goes ahead with the offensive.", "offensive", "hypothetical", "if"),
    # --- negated ---
    ("The rebels did not release the hostages.", "release", "negated", "not"),
    ("Ghana has never recognised the breakaway government.", "recognised", "negated", "never"),
    ("Norway didn't sign the fisheries treaty.", "sign", "negated", "n't"),
    ("No agreements were reached at the summit in Lima.", "agreements", "negated", "no"),
    ("No agreements were reached at the summit in Lima.", "reached", "negated", "no"),
    ("No joint communique was issued after the meeting.", "issued", "negated", "no"),
    ("Mali held no talks with the rebels.", "talks", "negated", "no"),
    ("Mali did not hold talks with the rebels.", "talks", "negated", "not"),
    ("The junta refused to meet the envoys.", "meet", "negated", "refused to"),
    ("Serbia declined to impose penalties on the exporters.", "penalties", "negated", "declined to"),
    ("Bolivia failed to reach a deal with its creditors.", "reach", "negated", "failed to"),
    ("The militia withdrew without releasing the prisoners.", "releasing", "negated", "without"),
    ("Uganda denied supplying weapons to the rebels.", "supplying", "negated", "denied"),
    ("Iraq has yet to sign the accord.", "sign", "negated", "yet to"),
    ("Nobody attended the ceremony.", "attended", "negated", "nobody"),
    # --- hypothetical ---
    ("If Colombia were to offer concessions, the guerrillas would disarm.", "offer", "hypothetical", "if"),
    ("If Colombia were to offer concessions, the guerrillas would disarm.", "disarm", "hypothetical", "if"),
    ("Kenya would mediate between the two factions.", "mediate", "hypothetical", "would"),
    ("Fresh penalties should also be considered by the council.", "considered", "hypothetical", "should"),
    ("The delegates discussed proposals for a new ceasefire resolution.", "resolution", "hypothetical", "proposals for"),
    ("The ministers suggested penalties for the smugglers.", "penalties", "hypothetical", "suggested"),
    ("The junta threatened to bomb the rebel villages.", "bomb", "hypothetical", "threatened to"),
    ("The rebels have made repeated threats to attack the capital.", "attack", "hypothetical", "threats to"),
    ("France called for the Security Council to adopt a resolution on Mali.", "adopt", "hypothetical", "called for"),
    ("The United States urged Egypt to release the journalists.", "release", "hypothetical", "urged to"),
    ("Germany is willing to train Malian soldiers.", "train", "hypothetical", "willing to"),
    ("Japan is prepared to establish a consulate in Dili.", "establish", "hypothetical", "prepared to"),
    ("Did the army shell the town?", "shell", "hypothetical", "?"),
    # --- future ---
    ("The prime minister is due to meet the Indian ambassador today.", "meet", "future", "due to"),
    ("The two leaders will sign the accord in Accra.", "sign", "future", "will"),
    ("Chile plans to hold talks with Bolivia.", "talks", "future", "plans to"),
    ("The envoys are scheduled to hold talks in Muscat.", "talks", "future", "scheduled to"),
    ("The president intends to visit Hanoi.", "visit", "future", "intends to"),
    ("Talks between the two sides will begin on Monday.", "Talks", "future", "will"),
    ("Peru is going to sign the trade pact.", "sign", "future", "going to"),
    ("The envoy is to visit Kabul on Friday.", "visit", "future", "is to"),
    ("Egypt is expected to reopen the border crossing.", "reopen", "future", "expected to"),
    ("Togo agreed to resume talks with the rebels.", "talks", "future", "agreed to"),
    # --- claimed ---
    ("The ministry has made unfounded claims that the rebels are smuggling rifles across the border.",
     "smuggling", "claimed", "claims"),
    ("Ethiopia accused Egypt of meddling and financing the insurgents.", "meddling", "claimed", "accused of"),
    ("Ethiopia accused Egypt of meddling and financing the insurgents.", "financing", "claimed", "accused of"),
    ("Rwanda alleged that Burundi had shelled the border post.", "shelled", "claimed", "alleged"),
    ("The militia reportedly executed the prisoners.", "executed", "claimed", "reportedly"),
    ("There were unconfirmed reports that the army had shelled the town.", "shelled", "claimed", "reports"),
    ("The general is suspected of smuggling weapons to the rebels.", "smuggling", "claimed", "suspected of"),
    ("The rebels allegedly looted the warehouse.", "looted", "claimed", "allegedly"),
    ("The alleged attack on the ferry was condemned.", "attack", "claimed", "alleged"),
    # --- modifiers of event nouns ---
    ("The proposed sanctions were discussed in Brussels.", "sanctions", "hypothetical", "proposed"),
    ("The planned talks in Oman were postponed.", "talks", "future", "planned"),
    # --- cue precedence: the trigger's own clause first, then the nearest governing cue ---
    ("The army said it would not withdraw from the town.", "withdraw", "negated", "not"),
    ("The junta did not threaten to bomb the villages.", "bomb", "negated", "not"),
    ("Ghana and Togo would agree to resume diplomatic relations.", "resume", "hypothetical", "would"),
    ("Haiti would not take part in the talks.", "talks", "negated", "not"),
    # --- sibling clauses do not leak; shared heads do ---
    ("Sudan refused the offer and Chad signed the treaty.", "signed", "asserted", None),
    ("Sudan did not attend the summit but signed the accord.", "signed", "asserted", None),
    ("The envoys would meet and sign the accord.", "sign", "hypothetical", "would"),
    ("Gabon did not retaliate after Cameroon attacked the ferry.", "attacked", "asserted", None),
    ("The junta threatened to bomb the villages that had sheltered the rebels.", "sheltered", "asserted", None),
    ("Haiti threatened to withdraw from the talks.", "talks", "asserted", None),
    ("Ghana warned Togo against closing the border.", "closing", "hypothetical", "warned against"),
    # a clause of time or cause states its own facts, whatever governs the clause it hangs on
    ("Ghana urged Togo to reopen the border after Benin closed its embassy.", "closed", "asserted", None),
    ("Peru threatened to expel the envoy because Chile had seized a trawler.", "seized", "asserted", None),
    ("Peru threatened to expel the envoy if Chile seized a trawler.", "seized", "hypothetical", "if"),
    # verbs of begging control their infinitive even when the parser reads it as a clause of purpose
    ("The villagers implored the governor, a retired general, to protect them from the militia.", "protect",
     "hypothetical", "implored to"),
    # --- future: what something happens ahead of is still to come ---
    ("Ahead of the Chilean president's visit to Lima, Peru freed two prisoners.", "visit", "future", "ahead of"),
    ("Ahead of the Chilean president's visit to Lima, Peru freed two prisoners.", "freed", "asserted", None),
    # --- quoted questions belong to the quote, not to the reporting verb ---
    ('"Why did the army shell the town?" the mayor asked.', "asked", "asserted", None),
]


@pytest.mark.parametrize("sentence,word,factuality,cue", CASES, ids=[f"{c[2]}:{c[1]}:{c[0][:40]}" for c in CASES])
def test_factuality(model, parse, sentence, word, factuality, cue):
    result = model.assess(trigger(parse(sentence), word))
    assert (result.factuality, result.cue) == (factuality, cue)


# (sentence, trigger, reporter head or None, factuality)
REPORTERS = [
    ("Chile and Peru signed a fisheries agreement on Tuesday, officials said.", "signed", "officials", "asserted"),
    ("The Kenyan foreign minister told reporters that Somalia had closed the border.", "closed", "minister",
     "asserted"),
    ("Somalia closed the border, the foreign minister told reporters.", "closed", "minister", "asserted"),
    ("According to diplomats, Chad expelled the ambassador.", "expelled", "diplomats", "asserted"),
    ("Chad expelled the ambassador, according to diplomats.", "expelled", "diplomats", "asserted"),
    ("Mali held talks with the rebels, said a spokesman.", "talks", "spokesman", "asserted"),
    ("Chad, the minister added, had expelled the ambassador.", "expelled", "minister", "asserted"),
    ("The ministry announced that Chad had expelled the ambassador.", "expelled", "ministry", "asserted"),
    ("The army confirmed that it had shelled the town.", "shelled", "army", "asserted"),
    ("Niger and Benin signed a border accord, Reuters reported.", "signed", "Reuters", "asserted"),
    ("Officials said Sudan attacked the convoy and Chad signed the treaty.", "signed", "Officials", "asserted"),
    ("The United States and Cuba will hold talks in Panama, the State Department said.", "talks", "Department",
     "future"),
    ("The army said it would not withdraw from the town.", "withdraw", "army", "negated"),
    ("Diplomats said the junta threatened to bomb the villages.", "bomb", "Diplomats", "hypothetical"),
    ("The strikes, which officials said killed 20 people, were condemned.", "killed", "officials", "asserted"),
    ("The sanctions hurt the economy, officials said.", "sanctions", "officials", "asserted"),
    ("Kenya deployed troops to Somalia in October.", "deployed", None, "asserted"),
]


@pytest.mark.parametrize("sentence,word,reporter,factuality", REPORTERS, ids=[r[0][:50] for r in REPORTERS])
def test_reported_speech_is_attributed_not_doubted(model, parse, sentence, word, reporter, factuality):
    result = model.assess(trigger(parse(sentence), word))
    assert result.factuality == factuality
    assert (result.reporter.text if result.reporter is not None else None) == reporter
    assert result.claimer is None


# (sentence, trigger, claimer head)
CLAIMERS = [
    ("The ministry has made unfounded claims that the rebels are smuggling rifles across the border.",
     "smuggling", "ministry"),
    ("Ethiopia accused Egypt of meddling and financing the insurgents.", "financing", "Ethiopia"),
    ("Gabon was accused by Cameroon of harbouring the rebels.", "harbouring", "Cameroon"),
    ("Rwanda alleged that Burundi had shelled the border post.", "shelled", "Rwanda"),
    ("Rwanda's allegations that Burundi shelled the border post were dismissed.", "shelled", "Rwanda"),
    ("Claims by Rwanda that Burundi shelled the border post were dismissed.", "shelled", "Rwanda"),
    ("Gabon blamed Cameroon for the attack on the ferry.", "attack", "Gabon"),
]


@pytest.mark.parametrize("sentence,word,claimer", CLAIMERS, ids=[c[0][:50] for c in CLAIMERS])
def test_claimer_is_who_claims(model, parse, sentence, word, claimer):
    result = model.assess(trigger(parse(sentence), word))
    assert result.factuality == "claimed"
    assert result.claimer is not None and result.claimer.text == claimer


def test_unattributed_claim_has_no_claimer(model, parse):
    result = model.assess(trigger(parse("The militia reportedly executed the prisoners."), "executed"))
    assert (result.factuality, result.claimer) == ("claimed", None)


def test_claimer_only_for_claims(model, parse):
    result = model.assess(trigger(parse("The junta threatened to bomb the rebel villages."), "bomb"))
    assert result.claimer is None


def test_every_verb_gets_a_valid_assessment(model, parse):
    doc = parse("If the talks fail, officials said, the army will not withdraw and the rebels may attack; "
                "nobody believes the truce, which was signed in May, will hold.")
    for token in doc:
        result = model.assess(token)
        assert result.factuality in FACTUALITY


# --- the contract: Assessment, module-level assess, the cue table as data ---------------------------------

def test_assessment_rejects_unknown_factuality():
    with pytest.raises(ValueError):
        Assessment("probable")


def test_module_assess_uses_default_model_and_unpacks_for_the_old_coder(parse):
    token = trigger(parse("Rwanda alleged that Burundi had shelled the border post."), "shelled")
    result = assess(token)
    assert result == default_model().assess(token)
    factuality, claimer = assess(token, {})
    assert factuality == "claimed" and claimer is not None and claimer.text == "Rwanda"


def test_shipped_table_loads_with_every_role(model):
    roles = {cue.role for cue in model.cues}
    assert {"marker", "predicate", "preposition", "report", "source", "light", "existence"} <= roles
    assert all(cue.factuality in FACTUALITY or cue.factuality is None for cue in model.cues)


def _write_table(path: Path, rows: list[str]) -> Path:
    path.write_text("# test table\ncue\trole\twhere\tfactuality\n" + "".join(r + "\n" for r in rows),
                    encoding="utf-8")
    return path


def test_cues_are_data_a_user_can_extend(tmp_path, parse):
    sentence = "The rebels vowed to storm the capital."
    token = trigger(parse(sentence), "storm")
    bare = FactualityModel.load(_write_table(tmp_path / "bare.tsv", ["not\tmarker\tneg\tnegated"]))
    assert bare.assess(token).factuality == "asserted"
    extended = FactualityModel.load(_write_table(tmp_path / "ext.tsv", ["vow\tpredicate\txcomp\tfuture"]))
    assert (extended.assess(token).factuality, extended.assess(token).cue) == ("future", "vowed to")


@pytest.mark.parametrize("rows,message", [
    (["would\tmodal\taux\thypothetical"], "unknown role"),
    (["would\tmarker\taux\tperhaps"], "needs a factuality"),
    (["would\tmarker\taux"], "tab-separated"),
    (["say\treport\tccomp\tclaimed"], "decides nothing"),
    (["would\tmarker\t\thypothetical"], "no 'where'"),
])
def test_malformed_table_names_file_and_line(tmp_path, rows, message):
    path = _write_table(tmp_path / "bad.tsv", rows)
    with pytest.raises(FactualityTableError, match=message) as err:
        FactualityModel.load(path)
    assert f"{path}:3:" in str(err.value)  # line 1 comment, 2 header, 3 the row


def test_missing_table_is_a_clear_error(tmp_path):
    with pytest.raises(FactualityTableError, match="cannot read"):
        FactualityModel.load(tmp_path / "absent.tsv")


def test_how_to_do_something_is_not_doing_it(model, parse):
    doc = parse("Chile invited Peruvian leaders to Lima to discuss how to protect Bolivians from Argentina.")
    assert model.assess(trigger(doc, "protect")).factuality == "hypothetical"
    doc = parse("The report showed how Chile protected Bolivia from floods.")
    assert model.assess(trigger(doc, "protected")).factuality == "asserted"


def test_stopped_or_kept_from_doing_is_not_doing_it(model, parse):
    for text in ("Chile tried to stop Peru from attacking Bolivia.", "Fears of a war kept Peru from attacking Bolivia.",
                 "The treaty was meant to deter Peru from attacking Bolivia."):
        assert model.assess(trigger(parse(text), "attacking")).factuality == "negated", text
    doc = parse("Chile stopped its aid after Peru began attacking Bolivia.")
    assert model.assess(trigger(doc, "attacking")).factuality == "asserted"


def test_a_commitment_or_determination_to_act_is_not_the_act(model, parse):
    doc = parse("Critics questioned the Chilean commitment to protect civilians in Peru.")
    assert model.assess(trigger(doc, "protect")).factuality == "future"
    doc = parse("Chile expressed its determination to fight the rebels.")
    assert model.assess(trigger(doc, "fight")).factuality == "future"


@pytest.mark.parametrize("sentence, word, factuality", [
    # what a conditional is said of is conditional ...
    ("A Chilean withdrawal from the islands would mean abandoning its allies.", "withdrawal", "hypothetical"),
    ("A Chilean attack on Peru could trigger a regional war.", "attack", "hypothetical"),
    # ... but the verb's other markers are its own: the attack took place
    ("The Chilean attack on Peru did not trigger a war.", "attack", "asserted"),
    ("Chilean sanctions hurt the Peruvian economy.", "sanctions", "asserted"),
    # a negated negation leaves the act standing
    ("The sanctions did not deter Peru from attacking Bolivia.", "attacking", "asserted"),
    ("Nobody stopped Peru from attacking Bolivia.", "attacking", "asserted"),
    ("The sanctions deterred Peru from attacking Bolivia.", "attacking", "negated"),
])
def test_conditionals_said_of_events_and_negated_negations(model, parse, sentence, word, factuality):
    assert model.assess(trigger(parse(sentence), word)).factuality == factuality
