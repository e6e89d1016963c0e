"""The parsing stage: batched parsing and the repairs accord makes to the small pipeline's parse."""

from __future__ import annotations

from accord.nlp import parse, split_text


def test_a_name_whose_first_word_was_tagged_a_preposition_is_one_name_again(resources):
    (doc,) = parse(resources.nlp, ["Barack Obama and Vladimir Putin met in Geneva on Friday."])
    barack, obama, met = doc[0], doc[1], doc[5]
    assert barack.pos_ == "PROPN" and barack.head.i == obama.i
    assert obama.dep_ == "nsubj" and obama.head.i == met.i
    assert all(t.pos_ != "ADP" for t in doc.ents[0])


def test_a_reported_clause_read_as_a_reduced_relative_gets_its_verb_back(resources):
    (doc,) = parse(resources.nlp, ["Chilean air strikes killed at least 20 people in Lima on Monday, Peruvian "
                                   "officials said."])
    strikes, killed = doc[2], doc[3]
    said = next(t for t in doc if t.lower_ == "said")
    assert killed.dep_ == "ccomp" and killed.head.i == said.i
    assert strikes.dep_ == "nsubj" and strikes.head.i == killed.i
    # a reduced relative without an object of its own is left alone
    (doc,) = parse(resources.nlp, ["The man killed in the attack was a doctor, police said."])
    assert next(t for t in doc if t.lower_ == "killed").dep_ == "acl"
    # so read with a gerund complement instead of an object
    (doc,) = parse(resources.nlp, ["Chilean youths resorted to throwing stones at Peruvian police, officials said."])
    resorted, said = (next(t for t in doc if t.lower_ == w) for w in ("resorted", "said"))
    assert resorted.dep_ == "ccomp" and resorted.head.i == said.i


def test_a_reported_passive_read_as_a_second_verb_of_saying_gets_its_subject(resources):
    (doc,) = parse(resources.nlp, ["On 3 March, Yemeni activists said around 40 people, mostly women and children, "
                                   "were killed in the Old City district."])
    killed, said = (next(t for t in doc if t.lower_ == w) for w in ("killed", "said"))
    people = next(t for t in doc if t.lower_ == "people")
    assert killed.dep_ == "ccomp" and killed.head.i == said.i  # (not a second verb of the activists)
    assert people.dep_ == "nsubjpass" and people.head.i == killed.i
    (doc,) = parse(resources.nlp, ["The ministry said the report and was criticised for it."])
    criticised = next(t for t in doc if t.lower_ == "criticised")
    assert criticised.dep_ != "ccomp", "a coordinated verb after 'and' keeps its subject"


def test_a_prepositions_object_read_as_a_participles_subject_is_its_object_again(resources):
    (doc,) = parse(resources.nlp, ["Chile has granted diplomatic asylum to five Peruvian army officers holed up in "
                                   "a diplomatic residence since last month's invasion, the Chilean embassy said."])
    to = next(t for t in doc if t.lower_ == "to")
    officers = next(t for t in doc if t.lower_ == "officers")
    holed = next(t for t in doc if t.lower_ == "holed")
    assert officers.dep_ == "pobj" and officers.head.i == to.i
    assert holed.dep_ == "acl" and holed.head.i == officers.i
    # "with X doing Y" is a clause with its own subject
    (doc,) = parse(resources.nlp, ["Fighting continued into May, with Quito denying claims that it was sending "
                                   "troops."])
    assert next(t for t in doc if t.lower_ == "quito").dep_ != "pobj"


def test_a_noun_read_as_a_second_object_gets_back_the_verb_it_is_the_subject_of(resources):
    (doc,) = parse(resources.nlp, ["In Yemen, Iran is arming the rebels and Saudi Arabia supports the government."])
    arming, arabia, supports = (next(t for t in doc if t.lower_ == w) for w in ("arming", "arabia", "supports"))
    assert arabia.dep_ == "nsubj" and arabia.head.i == supports.i
    assert supports.dep_ == "conj" and supports.head.i == arming.i
    assert not any(c.dep_ == "conj" for c in next(t for t in doc if t.lower_ == "rebels").children)
    # a verb with a subject of its own, or one that shares the first verb's subject, is left alone
    (doc,) = parse(resources.nlp, ["Iran is arming the rebels and supplies them with money."])
    supplies = next(t for t in doc if t.lower_ == "supplies")
    assert not any(c.dep_ == "nsubj" for c in supplies.children)


def test_a_wire_dateline_is_a_sentence_of_its_own_and_the_report_is_parsed_whole(resources):
    from accord.nlp import dateline_end
    (doc,) = parse(resources.nlp, ["KABUL, Afghanistan (AP) \u2014 Rebel fighters attacked a checkpoint."])
    dateline, report = list(doc.sents)
    assert dateline_end(dateline) == 6 and report.root.lower_ == "attacked"
    assert any(t.dep_ == "nsubj" and t.lower_ == "fighters" for t in report.root.children)
    # the parse the splitter prevents: the dateline's place made the subject ("Ethiopia's government" a conjunct
    # of "Ethiopia"); with it the sides agree
    (doc,) = parse(resources.nlp, ["ADDIS ABABA, Ethiopia \u2014 Ethiopia's government and Tigrayan forces "
                                   "agreed to a truce on Wednesday."])
    assert next(t for t in doc if t.lower_ == "government").dep_ == "nsubj"
    (doc,) = parse(resources.nlp, ["NATO said on Monday it would send more troops."])
    assert dateline_end(next(iter(doc.sents))) is None and len(list(doc.sents)) == 1


def test_a_dateline_the_pipeline_did_not_split_hangs_loose_on_the_verb(resources):
    from accord.nlp import dateline_end, repair_datelines
    nlp = resources.nlp
    with nlp.select_pipes(disable=["accord_datelines"]):
        doc = nlp("KABUL, Afghanistan (AP) \u2014 Rebel fighters attacked a checkpoint.")
    repair_datelines(doc)
    assert dateline_end(next(iter(doc.sents))) == 6
    assert doc[0].dep_ == "dep" and doc[0].head.lower_ == "attacked"


def test_long_texts_are_parsed_in_pieces_and_joined_back(resources):
    text = " ".join(f"Kenya criticized Uganda on day {i}." for i in range(40))
    (doc,) = parse(resources.nlp, [text], long_text_chars=200, chunk_chars=300)
    assert doc.text.split() == text.split()
    assert len(split_text(text, 300)) > 1


def test_an_indian_style_colon_dateline_is_a_sentence_of_its_own_but_a_headline_is_not(resources):
    from accord.nlp import dateline_end
    (doc,) = parse(resources.nlp, ["Filed on March 5\n\nkolkata: the state government banned all rallies."])
    sents = list(doc.sents)
    assert any(dateline_end(s) is not None and s.text.strip() == "kolkata:" for s in sents)
    (doc,) = parse(resources.nlp, ["NEW DELHI: India protested to Nepal."])
    assert dateline_end(next(iter(doc.sents))) is not None
    (doc,) = parse(resources.nlp, ["Nepal: no talks with India, the minister said."])
    assert dateline_end(next(iter(doc.sents))) is None


def test_a_subject_read_as_a_conjunct_of_the_opening_phrase_is_the_subject_again(resources):
    text = "With the adoption of a Declaration of Principles on Fisheries, Chile and Peru have pledged to share data."
    (doc,) = parse(resources.nlp, [text])
    chile, pledged = doc[11], doc[15]
    assert (chile.text, pledged.text) == ("Chile", "pledged")
    assert chile.dep_ == "nsubj" and chile.head.i == pledged.i
    assert [t.text for t in chile.conjuncts] == ["Peru"]
    # a verb with a subject of its own is left alone
    (doc,) = parse(resources.nlp, ["After the talks in Lima, Chile and Peru, the two sides signed a deal."])
    assert next(t for t in doc if t.lower_ == "sides").dep_ == "nsubj"


def test_a_description_set_before_the_subject_is_no_second_subject(resources):
    from spacy.tokens import Doc

    from accord.nlp import repair_fronted_descriptions

    # the small pipeline's reading of such a sentence, written out: "ally" and "Peru" both subjects of "opposed"
    words = ["A", "close", "Chilean", "ally", ",", "Peru", "is", "opposed", "to", "the", "blockade", "."]
    heads = [3, 3, 3, 7, 7, 7, 7, 7, 7, 10, 8, 7]
    deps = ["det", "amod", "amod", "nsubjpass", "punct", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj",
            "punct"]
    doc = Doc(resources.nlp.vocab, words=words, heads=heads, deps=deps)
    repair_fronted_descriptions(doc)
    assert [t.text for t in doc[7].children if t.dep_ in {"nsubj", "nsubjpass"}] == ["Peru"]
    # two subjects not set off so are left alone
    doc = Doc(resources.nlp.vocab, words=["Chile", "Peru", "met", "."], heads=[2, 2, 2, 2],
              deps=["nsubj", "nsubj", "ROOT", "punct"])
    repair_fronted_descriptions(doc)
    assert [t.dep_ for t in doc[:2]] == ["nsubj", "nsubj"]


def test_a_subject_hung_on_an_auxiliary_is_its_verbs(resources):
    from spacy.tokens import Doc

    from accord.nlp import repair_auxiliary_subjects

    # the small pipeline's reading written out: "Chile" the subject of the passive auxiliary "is"
    words = ["Chile", "is", "opposed", "to", "the", "blockade", "."]
    heads = [1, 2, 2, 2, 5, 3, 2]
    deps = ["nsubj", "auxpass", "ROOT", "prep", "det", "pobj", "punct"]
    doc = Doc(resources.nlp.vocab, words=words, heads=heads, deps=deps, pos=["PROPN", "AUX", "VERB", "ADP", "DET",
                                                                         "NOUN", "PUNCT"])
    repair_auxiliary_subjects(doc)
    assert (doc[0].dep_, doc[0].head.i) == ("nsubjpass", 2)
    # a verb with a subject of its own is left alone
    doc = Doc(resources.nlp.vocab, words=["Chile", "Peru", "has", "won", "."], heads=[2, 3, 3, 3, 3],
              deps=["nsubj", "nsubj", "aux", "ROOT", "punct"], pos=["PROPN", "PROPN", "AUX", "VERB", "PUNCT"])
    repair_auxiliary_subjects(doc)
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 2)


def test_an_event_noun_read_as_a_verb_after_its_modifier_is_the_object_again(resources):
    (doc,) = parse(resources.nlp, ["Chile scrapped the fisheries deal with Peru."])
    scrapped, fisheries, deal = doc[1], doc[3], doc[4]
    assert (deal.dep_, deal.head.i, deal.pos_) == ("dobj", scrapped.i, "NOUN")
    assert (fisheries.dep_, fisheries.head.i) == ("compound", deal.i)
    # a reported clause stays one
    (doc,) = parse(resources.nlp, ["Chile fears the rebels attack Peru."])
    assert next(t for t in doc if t.lower_ == "attack").pos_ == "VERB"
