"""The pattern engine: compiling PETRARCH-language patterns and matching them against a verb's clause."""

from __future__ import annotations

import pytest

from accord.dictionaries.tabari import tokenize_pattern
from accord.events.patterns import PatternError, Window, best_match, compile_pattern, match_pattern, singular

SYNSETS = {"TIETYPES": ["military", "economic", "cultural"], "CURRENCY": ["dollar", "dollars", "euro", "euros"],
           "MILITARY": ["troops", "soldiers"]}


def compiled(text: str, code: str = "050", reverse: str | None = None, id: str = "p"):
    return compile_pattern(tokenize_pattern(text), SYNSETS, id=id, block="B", code=code, reverse_code=reverse,
                           text=text)


def window_for(nlp, text: str, verb: str, mentions: dict[str, str] | None = None) -> Window:
    """A window over the whole sentence around ``verb``; ``mentions`` names actor words (no finder needed)."""
    doc = nlp(text)
    v = next(t for t in doc if t.text == verb)
    mention_at = {}
    for n, word in enumerate(mentions or {}):
        tok = next(t for t in doc if t.text == word)
        mention_at[tok.i] = (n, tok.i)
    return Window(v.i, [t for t in doc if t.i < v.i], [t for t in doc if t.i > v.i and not t.is_punct], mention_at)


def test_singular():
    assert singular("talks") == "talk" and singular("parties") == "party"
    assert singular("press") == "press" and singular("taxes") == "tax"


def test_words_groups_and_synsets(resources):
    w = window_for(resources.nlp, "Arnor restored full diplomatic ties with Gondor.", "restored", {"Gondor": "GON"})
    assert match_pattern(compiled("* {diplomatic ties}"), w)
    assert match_pattern(compiled("* ties (with +)"), w).slots == (("target", 0),)
    assert match_pattern(compiled("* {economic ties}"), w) is None
    w2 = window_for(resources.nlp, "Arnor restored economic relations.", "restored")
    assert match_pattern(compiled("* &tietypes relations"), w2)
    with pytest.raises(PatternError):
        compiled("* &nosuchset")


def test_adjacency_and_pre_verb_words(resources):
    w = window_for(resources.nlp, "Arnor did not allow the visit.", "allow")
    assert match_pattern(compiled("not_*"), w)
    assert match_pattern(compiled("not * visit"), w)
    w2 = window_for(resources.nlp, "Arnor will not, after all, allow the visit.", "allow")
    assert match_pattern(compiled("not_*"), w2) is None, "'_' means the words touch"
    w3 = window_for(resources.nlp, "Arnor called for talks.", "called")
    assert match_pattern(compiled("*_for talks"), w3)
    assert match_pattern(compiled("*_talks"), w3) is None


def test_most_specific_pattern_wins(resources):
    w = window_for(resources.nlp, "Arnor broke off diplomatic relations with Gondor.", "broke", {"Gondor": "GON"})
    best = best_match([compiled("* off", "130", id="a"), compiled("* relations", "161", id="b"),
                       compiled("* {diplomatic relations} (with +)", "1611", id="c")], w)
    assert best.pattern.id == "c"
    tie = best_match([compiled("* off", "130", id="a"), compiled("* relations", "161", id="b")], w)
    assert tie.pattern.id == "b", "among equally long patterns a content word beats a particle"


def test_paired_and_null_codes(resources):
    p = compiled("* (to +)", "042", "043")
    assert (p.code, p.reverse_code) == ("042", "043")
    assert compiled("* taxes", None).code is None


def test_a_preposition_right_after_the_verb_is_read_before_words_beyond_it(resources):
    w = window_for(resources.nlp, "Arnor called on its partners to help.", "called")
    best = best_match([compiled("* partner", "013", id="a"), compiled("* (on)", "020", id="b")], w)
    assert best.pattern.id == "b", "a call on partners, not calling someone a partner"
    w2 = window_for(resources.nlp, "Arnor called Gondor a partner.", "called", {"Gondor": "GON"})
    assert best_match([compiled("* partner", "013", id="a"), compiled("* (on)", "020", id="b")], w2).pattern.id == "a"


def test_words_after_the_verb_say_more_than_who_acts(resources):
    w = window_for(resources.nlp, "Arnorian troops fought alongside Gondor.", "fought", {"Gondor": "GON"})
    best = best_match([compiled("&military *", "190", id="a"), compiled("* alongside", "062", id="b")], w)
    assert best.pattern.id == "b"


def test_words_outside_the_actors_say_more_than_words_inside_them(resources):
    w = window_for(resources.nlp, "Arnor granted asylum to the army officers.", "granted", {"army": "GON"})
    best = best_match([compiled("* army", "072", id="a"), compiled("* asylum", "075", id="b")], w)
    assert best.pattern.id == "b", "what is granted, not who receives it"
