"""accord eval: metrics on hand-made gold and predictions, the gold loader, and the command end to end.

All sentences are invented for these tests (Chile, Peru, ...).
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from accord.cli import main
from accord.eval import (
    DEFAULT_FACTUALITY,
    GoldActor,
    GoldEvent,
    GoldFileError,
    PetrarchRecord,
    PloverItem,
    PloverRecord,
    PredictedEvent,
    PredictedMention,
    Prediction,
    country_of,
    evaluate,
    is_quoted_name,
    load_gold,
    locate,
    match,
    matches,
    normalise_sector,
    overlapping_mention,
    parse_only,
    petrarch_item,
    primary_event,
    resolve_factuality,
    score_petrarch,
    score_plover,
)

PLOVER_OF = {"057": "AGREE", "163": "SANCTION", "040": "CONSULT", "042": "CONSULT", "190": "ASSAULT"}.get


def ev(source, target, code, *, country=None, target_country=None, factuality="asserted", confidence=1.0,
       trigger_start=0, plover=None) -> PredictedEvent:
    return PredictedEvent(source, country_of(source, country), target, country_of(target, target_country), code,
                          plover or PLOVER_OF(code), factuality, confidence, trigger_start)


def precord(id_, events, *, expect="events", set_="s1", category="C1", evaluate=None) -> PetrarchRecord:
    gold = [GoldEvent(s, t, c) for s, t, c in events]
    return PetrarchRecord(id=id_, text=f"Sentence {id_}.", events=gold, expect=expect, set=set_, category=category,
                          evaluate=evaluate, fields={"id": id_, "set": set_, "category": category})


# -- pure metrics -----------------------------------------------------------------------------------------


def test_match_is_multiset_matching():
    g = [("CHL", "PER", "057"), ("CHL", "PER", "057")]
    one = match(g, [("CHL", "PER", "057")])
    assert (one.tp, one.fp, one.fn) == (1, 0, 1)
    three = match(g, [("CHL", "PER", "057")] * 3)
    assert (three.tp, three.fp, three.fn) == (2, 1, 0)
    assert three.precision == pytest.approx(2 / 3) and three.recall == 1.0
    assert three.f1 == pytest.approx(0.8)
    empty = match([], [])
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)


def test_levels_compare_codes_roots_countries_and_plover():
    record = precord("r1", [("CHLGOV", "PER", "042")])
    # right dyad and root, wrong sub-code and agent; the predicted country comes from Actor.country
    item = petrarch_item(record, Prediction([ev("CHLMIL", "PER", "040", country="CHL")]), PLOVER_OF)
    scores = item.scores()
    assert scores["code"].tp == 0 and scores["root"].tp == 0  # source code differs (CHLGOV vs CHLMIL)
    assert scores["dyad"].tp == 1 and scores["dyad_root"].tp == 1 and scores["plover"].tp == 1
    # a missing target is None, and compares with an empty gold target
    record = precord("r2", [("PER", "", "190")])
    assert record.events[0].target is None
    item = petrarch_item(record, Prediction([ev("PER", None, "190")]), PLOVER_OF)
    assert item.scores()["code"].tp == 1
    assert country_of("---GOV") == "---" and country_of("CHLGOV", "XYZ") == "XYZ" and country_of(None) is None


def test_no_event_records_only_contribute_false_positives():
    quiet = precord("q", [], expect="noevents")
    item = petrarch_item(quiet, Prediction([ev("CHL", "PER", "057"), ev("PER", "CHL", "057")]), PLOVER_OF)
    s = score_petrarch([item])
    assert (s.overall["code"].tp, s.overall["code"].fp, s.overall["code"].fn) == (0, 2, 0)
    assert s.counts["no_event_records"] == 1 and s.counts["no_event_records_with_predictions"] == 1
    assert [m["id"] for m in s.misses] == ["q"]


def test_quoted_names_are_skipped_not_scored():
    assert is_quoted_name('"THE HARBOUR BOARD"') and is_quoted_name("&quot;THE HARBOUR BOARD&quot;")
    assert not is_quoted_name("CHL") and not is_quoted_name(None)
    record = precord("n", [("CHL", "&quot;THE HARBOUR BOARD&quot;", "040"), ("CHL", "PER", "040")])
    item = petrarch_item(record, Prediction([ev("CHL", "PER", "040")]), PLOVER_OF)
    assert item.quoted_skipped == 1 and len(item.gold) == 1
    s = score_petrarch([item])
    assert s.overall["code"].f1 == 1.0 and s.counts["gold_tuples_quoted_name_skipped"] == 1 and not s.misses


def test_aggregation_per_set_and_category_is_micro_averaged():
    items = [
        petrarch_item(precord("a", [("CHL", "PER", "057")], set_="s1", category="COMPOUND"),
                      Prediction([ev("CHL", "PER", "057")]), PLOVER_OF),
        petrarch_item(precord("b", [("PER", "BOL", "163"), ("BOL", "PER", "163")], set_="s2", category="COMPOUND"),
                      Prediction([ev("PER", "BOL", "163")]), PLOVER_OF),
        petrarch_item(precord("c", [("BOL", "CHL", "190")], set_="s2", category="PASSIVE"),
                      Prediction([ev("CHL", "BOL", "190")]), PLOVER_OF),
    ]
    s = score_petrarch(items, {"evaluate_false": 2})
    o = s.overall["code"]
    assert (o.tp, o.fp, o.fn) == (2, 1, 2)
    assert o.precision == pytest.approx(2 / 3) and o.recall == pytest.approx(0.5)
    assert s.by_set["s1"]["code"].f1 == 1.0 and s.by_set["s1"].records == 1
    s2 = s.by_set["s2"]["code"]
    assert (s2.tp, s2.fp, s2.fn) == (1, 1, 2) and s.by_set["s2"].gold == 3 and s.by_set["s2"].predicted == 2
    comp = s.by_category["COMPOUND"]["code"]
    assert (comp.tp, comp.fp, comp.fn) == (2, 0, 1)
    assert s.by_category["PASSIVE"]["dyad"].tp == 0  # reversed dyad is wrong
    assert s.counts["skipped_evaluate_false"] == 2 and s.counts["scored"] == 3
    assert [m["id"] for m in s.misses] == ["b", "c"]
    assert s.misses[1]["gold"] == ["BOL>CHL 190"] and s.misses[1]["predicted"] == ["CHL>BOL 190"]
    text_ready = s.to_dict()
    assert text_ready["by_set"]["s2"]["code"]["fn"] == 2


def test_primary_event_is_most_confident_then_earliest():
    late_sure = ev("CHL", "PER", "163", confidence=0.9, trigger_start=40)
    early_unsure = ev("CHL", "PER", "057", confidence=0.5, trigger_start=3)
    early_sure = ev("PER", "CHL", "190", confidence=0.9, trigger_start=10)
    assert primary_event([early_unsure, late_sure]) is late_sure
    assert primary_event([late_sure, early_sure, early_unsure]) is early_sure
    assert primary_event([]) is None


def test_locate_and_mention_overlap():
    text = "Senior Chilean  officials met Peru's navy chief."
    assert locate(text, "Peru's navy") == (30, 41)
    assert locate(text, "chilean officials") == (7, 25)  # case and runs of spaces ignored
    assert locate(text, "Chilean ... officials") is None and locate(text, "") is None
    small = PredictedMention(30, 34, "PER", "PER", None)
    wide = PredictedMention(30, 41, "PERNAV", "PER", "MIL")
    other = PredictedMention(7, 14, "CHL", "CHL", None)
    assert overlapping_mention((30, 41), [other, small, wide]) is wide
    assert overlapping_mention((0, 6), [other, small]) is None
    assert overlapping_mention((5, 10), [other]) is other


def test_sector_normalisation():
    assert normalise_sector("CVLalb") == "CVL" and normalise_sector("gov") == "GOV"
    assert normalise_sector("***") is None and normalise_sector(None) is None and normalise_sector(" ") is None


def test_plover_scores_events_and_mentions():
    text = "Chile's navy seized a Peruvian trawler off Arica."
    rec = PloverRecord("p1", text, "COERCE", [GoldActor("actor", "Chile's navy", "CHL", "MILnav"),
                                                GoldActor("recipient", "Peruvian trawler", "PER", "BUS"),
                                                GoldActor("recipient", "the port ... authority", "CHL", None)])
    rec2 = PloverRecord("p2", "Bolivia and Peru agreed to reopen the border.", "AGREE",
                        [GoldActor("actor", "Bolivia", "BOL", "***"), GoldActor("actor", "Peru", "PER")])
    rec3 = PloverRecord("p3", "Peru protested to Chile.", "PROTEST",
                        [GoldActor("actor", "Peru", "PER"), GoldActor("recipient", "Chile", "CHL")])
    pred1 = Prediction(
        [ev("CHLMIL", "PER", "190", country="CHL", confidence=0.6, trigger_start=13),
         ev("CHLMIL", "PER", "171", country="CHL", confidence=0.8, trigger_start=13, plover="COERCE")],
        [PredictedMention(0, 12, "CHLMIL", "CHL", "MIL"), PredictedMention(22, 30, "PER", "PER", None)])
    pred2 = Prediction([ev("PER", "BOL", "040", confidence=0.7, trigger_start=17),
                        ev("BOL", "PER", "057", confidence=0.7, trigger_start=17)],
                       [PredictedMention(0, 7, "BOL", "BOL", "GOV")])
    s = score_plover([PloverItem(rec, pred1), PloverItem(rec2, pred2), PloverItem(rec3, Prediction())])
    o = s.overall
    assert (o.type.hits, o.type.total) == (1, 3)  # p2's primary is the first of two equally sure: CONSULT
    assert (o.type_any.hits, o.type_any.total) == (2, 3)
    assert (o.source_country.hits, o.source_country.total) == (2, 3)  # PER is a gold actor of p2
    assert (o.target_country.hits, o.target_country.total) == (1, 2)  # p2 has no recipient; p3 has no event
    assert o.no_event == 1
    assert s.by_type["AGREE"].type.value == 0.0 and s.by_type["COERCE"].type.value == 1.0
    assert s.confusion[("AGREE", "CONSULT")] == 1 and s.confusion[("PROTEST", None)] == 1
    m = s.mentions
    assert m.gold_actors == 7 and m.located == 6 and len(m.not_located) == 1
    assert (m.found.hits, m.found.total) == (3, 6)  # both of p1, Bolivia; not Peru (p2), nothing in p3
    assert (m.country.hits, m.country.total) == (3, 6)
    # sectors known for Chile's navy (MIL: right) and the trawler (BUS vs None: wrong); *** and missing excluded
    assert (m.sector.hits, m.sector.total) == (1, 2)
    assert [x["id"] for x in s.misses] == ["p2", "p3"]
    assert s.misses[1]["wrong"] == ["type", "actor", "recipient"]


def test_only_filters_and_factuality_choices():
    only = parse_only(["set=s1", "set=S2", "category=DATE"])
    assert only == {"set": frozenset({"s1", "s2"}), "category": frozenset({"date"})}
    assert matches({"set": "s2", "category": "DATE"}, only)
    assert not matches({"set": "s3", "category": "DATE"}, only)
    assert not matches({"set": "s1", "category": "VERB"}, only)
    assert matches({"evaluate": True}, parse_only(["evaluate=true"]))
    with pytest.raises(ValueError):
        parse_only(["set"])
    assert resolve_factuality(None) == DEFAULT_FACTUALITY and "negated" not in DEFAULT_FACTUALITY
    assert "future" in DEFAULT_FACTUALITY and "hypothetical" in DEFAULT_FACTUALITY
    assert resolve_factuality(["all"]) >= {"negated", "asserted"}
    assert resolve_factuality(["negated"]) == {"negated"}
    with pytest.raises(ValueError):
        resolve_factuality(["rumoured"])
    p = Prediction([ev("CHL", "PER", "163", factuality="negated"), ev("CHL", "PER", "057")])
    assert [e.cameo_code for e in p.only(DEFAULT_FACTUALITY).events] == ["057"]


# -- the loader ---------------------------------------------------------------------------------------------

PETRARCH_LINES = [
    {"id": "t:1", "set": "toy", "category": "COMPOUND", "date": "2011-03-04", "expect": "events",
     "text": "Chile and Peru signed a fisheries treaty.",
     "events": [{"source": "CHL", "target": "PER", "code": "057"}, {"source": "PER", "target": "CHL", "code": "057"}]},
    {"id": "t:2", "set": "toy", "category": "VERB", "date": "2011-03-04", "expect": "events", "evaluate": True,
     "text": "The United States imposed sanctions on Iran.",
     "events": [{"source": "USA", "target": "IRN", "code": "163"}]},
    {"id": "t:3", "set": "toy", "category": "ERROR", "expect": "error:sentencediscard", "events": [],
     "text": "Chile's harvest of apples was large this year."},
    {"id": "t:4", "set": "other", "category": "VERB", "expect": "events", "evaluate": False,
     "text": "Bolivia praised Peru.", "events": [{"source": "BOL", "target": "PER", "code": "051"}]},
    {"id": "t:5", "set": "other", "category": "VERB", "expect": "unspecified", "events": [],
     "text": "Peru's coast was foggy."},
]
PLOVER_LINE = {"id": "g:1", "text": "Iran and Iraq signed a friendship treaty on Monday.", "event_type": "AGREE",
               "actors": [{"role": "actor", "actorText": "Iran", "code": "IRN", "sector": "GOV"},
                          {"role": "actor", "actorText": "Iraq", "code": "IRQ"}]}


def write_gold(path, objects, extra_lines=()):
    lines = [json.dumps(o) for o in objects] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loader_detects_style_per_record_and_reports_bad_lines(tmp_path):
    gold = write_gold(tmp_path / "mixed.jsonl", [*PETRARCH_LINES, PLOVER_LINE],
                      ["", "{not json", json.dumps({"id": "x", "text": "Chile rested."}), "[1, 2]",
                       json.dumps({"id": "y", "event_type": "AGREE", "actors": [{"role": "boss"}], "text": "Peru."})])
    g = load_gold(gold)
    assert [r.kind for r in g.records] == ["petrarch"] * 5 + ["plover"]
    first = g.records[0]
    assert first.events[0] == GoldEvent("CHL", "PER", "057") and first.date == "2011-03-04" and first.line == 1
    assert g.records[2].expect == "error:sentencediscard" and not g.records[2].expects_events
    assert g.records[3].skip_reason() == "evaluate_false" and g.records[3].skip_reason(True) is None
    assert g.records[4].skip_reason() == "unspecified"
    plover = g.records[5]
    assert plover.event_type == "AGREE" and plover.countries("actor") == {"IRN", "IRQ"}
    assert [e.line for e in g.errors] == [8, 9, 10, 11]
    assert all(str(gold) in e.one_line() and f":{e.line}:" in e.one_line() for e in g.errors)
    assert "invalid JSON" in g.errors[0].message and "neither" in g.errors[1].message


def test_loader_rejects_a_missing_file(tmp_path):
    with pytest.raises(GoldFileError, match="nowhere.jsonl"):
        load_gold(tmp_path / "nowhere.jsonl")
    with pytest.raises(GoldFileError):
        load_gold(tmp_path)  # a directory


# -- running the coder ----------------------------------------------------------------------------------------


@pytest.fixture
def shared_resources(resources, monkeypatch):
    """Let the command reuse the session's loaded resources instead of loading its own."""
    from accord.pipeline import Resources

    monkeypatch.setattr(Resources, "load", classmethod(lambda cls, *a, **kw: resources))
    return resources


def run(*args):
    return CliRunner().invoke(main, ["eval", *map(str, args)], catch_exceptions=False)


def test_evaluate_api_scores_the_coder(tmp_path, resources):
    gold = write_gold(tmp_path / "gold.jsonl", [*PETRARCH_LINES, PLOVER_LINE])
    report = evaluate(gold, resources=resources, progress=False)
    assert report.ok and report.records == 6 and report.sentences == 4
    p = report.petrarch
    assert p.counts["skipped_evaluate_false"] == 1 and p.counts["skipped_unspecified"] == 1
    assert p.by_set["toy"].records == 3 and p.overall.gold == 3
    assert p.overall["code"].tp == 3 and p.overall["code"].fn == 0  # the treaty pair and the sanctions
    assert report.plover.overall.type.hits == 1
    assert report.plover.mentions.found.hits == 2 and report.plover.mentions.country.hits == 2
    only = evaluate(gold, resources=resources, progress=False, only=["category=VERB"], include_unevaluated=True)
    assert only.filtered_out == 3 and only.petrarch.overall.records == 2 and only.plover is None
    assert only.petrarch.counts["skipped_unspecified"] == 1
    assert sorted(only.petrarch.by_set) == ["other", "toy"]
    negated = evaluate(gold, resources=resources, progress=False, factuality=["negated"])
    assert negated.petrarch.overall.predicted == 0 and negated.factuality == ["negated"]


def test_a_sentence_the_coder_fails_on_costs_only_itself(tmp_path, resources):
    """One crashing sentence is reported and scored as predicting nothing; the others are still coded."""

    def fragile_coder(parsed, mentions, document):
        if "Peru" in document.text:
            raise RuntimeError("parse tree too deep")
        return resources.coder(parsed, mentions, document)

    fragile = SimpleNamespace(nlp=resources.nlp, finder=resources.finder, coder=fragile_coder)
    gold = write_gold(tmp_path / "gold.jsonl", PETRARCH_LINES[:2])
    report = evaluate(gold, resources=fragile, progress=False)
    assert not report.ok and report.coder_errors == ["t:1: RuntimeError: parse tree too deep"]
    assert report.petrarch.by_category["VERB"]["code"].tp == 1
    assert report.petrarch.by_category["COMPOUND"]["code"].fn == 2
    assert report.petrarch.misses[0]["coder_error"].startswith("RuntimeError")


def test_cli_end_to_end(tmp_path, shared_resources):
    gold = write_gold(tmp_path / "gold.jsonl", [*PETRARCH_LINES, PLOVER_LINE])
    result = run(gold, "--no-progress")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("PETRARCH-style") < out.index("per set") < out.index("per category")
    assert "code       1.000  1.000  1.000" in out
    assert "PLOVER-style" in out and "type accuracy         1.000" in out
    assert "misses" not in out.split("PLOVER-style")[0]  # every triple matched

    as_json = run(gold, "--json", "--only", "set=toy", "--factuality", "all")
    assert as_json.exit_code == 0
    data = json.loads(as_json.stdout)
    assert data["filtered_out"] == 3 and data["only"] == {"set": ["toy"]}
    assert data["petrarch"]["by_set"]["toy"]["code"]["f1"] == 1.0 and data["plover"] is None
    assert "negated" in data["factuality"]

    wrong = write_gold(tmp_path / "wrong.jsonl", [{**PETRARCH_LINES[1], "events": [
        {"source": "IRN", "target": "USA", "code": "163"}]}])
    listed = run(wrong, "--no-progress")
    assert "misses (1 of 1" in listed.stdout and "gold: IRN>USA 163" in listed.stdout
    assert "pred: USA>IRN 163" in listed.stdout
    assert "misses" not in run(wrong, "--misses", "0").stdout


def test_cli_bad_lines_and_missing_file(tmp_path, shared_resources):
    gold = write_gold(tmp_path / "gold.jsonl", PETRARCH_LINES[:2], ["{broken"])
    result = run(gold, "--no-progress")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"accord: {gold}:3: invalid JSON (Expecting property name "
                                                  "enclosed in double quotes, column 2)"]
    assert "2 records read" in result.stdout and "1 malformed lines" in result.stdout

    missing = run(tmp_path / "absent.jsonl")
    assert missing.exit_code == 2
    assert len(missing.stderr.strip().splitlines()) == 1 and "absent.jsonl" in missing.stderr

    bad_only = run(gold, "--only", "set")
    assert bad_only.exit_code == 2 and "KEY=VALUE" in bad_only.stderr
