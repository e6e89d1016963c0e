"""The event coder: predicates with actor arguments -> coded ``Event`` records.

Contract: a parsed spaCy ``Doc``, the document's actor mentions and the ``Document`` in; events out. Pure.

How an event is found (precision before recall):
1. a *trigger*: a verb of the lexicon (``imposed``, ``met``, ``broke off``), an event noun (``talks``,
   ``sanctions``, ``threats``; also inside a carrier noun, "a mediation *mission*") that no verb pattern has
   already used, or an adjectival predicate ("critical of"); catenative verbs ("is going to") hand over to their
   infinitive, light verbs ("issued an ultimatum") to their event noun;
2. its *code*: the most specific lexicon pattern matching the verb's own clause (by the words it actually
   matches), else the verb's default code (a null code means the verb alone is not an event); a statement
   reporting what someone must or should do is a demand or an appeal;
3. its *roles* from the dependency parse, not from word order: source = subject (inherited through
   infinitival, coordinated, relative and adjectival clauses; the ``by``-agent of a passive; the speaker for a
   pronoun in a reported clause), target = indirect or direct object, the object of a preposition, the target
   phrase of an event noun, the accused of a claim; a direct object of the source's own side yields to the other
   side in a prepositional phrase; places are targets only of visits and of acts applied to a territory;
   pattern slots ($ + %) override; coordination gives one event per pair; a compound subject acting without an
   object or on a relation acts on itself ("Iran and Iraq signed a treaty" -> IRN->IRQ and IRQ->IRN); symmetric
   codes (lexicon data) are coded in both directions;
4. its *factuality* and attribution (``events.factuality``): negated, hypothetical, future, claimed (by whom),
   and who reports it; PLOVER's modality rule (future or conditional cooperation is AGREE, conflict THREATEN)
   and refusals ("would not meet the demands" -> REJECT).
No event without a source; none without a target unless it means something alone (lexicon data) or is alleged
by a known claimer; no self-events; no consultations by civilians; nothing addressed to the press; no targets from
a reported clause for verbs of saying. Every rule that a list of words drives reads that list from the lexicon.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..actors.kb import TRANSNATIONAL
from ..actors.resolver import BORDER_NOUNS, CROWD_WORDS, PLURAL_TAGS, VENUE_WORDS, misread_list_item, patron_after
from ..actors.resolver import PERSON_ROLES, stance_before
from ..actors.resolver import CROWD_SECTORS as PLACED_CROWD_SECTORS  # (the people the resolver places; more protest)
from ..ontology import Ontology
from ..records import Actor, Document, Event, Mention
from .lexicon import Lexicon, NounEntry, VerbEntry, discard_words
from .patterns import NO_RANK, Match, Window, best_match, match_rank, token_keys

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "dative", "iobj", "attr", "oprd"}
# Dependents that start a clause of their own: their words are not the verb's arguments.
# Prepositions that set a scene rather than name the subject's own act.
CIRCUMSTANCE_PREPS = frozenset({"after", "before", "following", "amid", "amidst", "despite", "during", "since"})
# Prepositions of what an act is about: an event named in them is not the act's subject's ("protested over arrests").
TOPIC_PREPS = frozenset({"over", "about", "concerning", "regarding"})
OPPOSING_PREPS = frozenset({"against"})  # "protested against the deal with X": what one opposes is not one's own
# Protests and violence named as a clause's circumstance are someone else's ("resigned after protests").
ADJUNCT_EVENT_ROOTS = frozenset({"14", "18", "19", "20"})
# Passives whose subject takes part in what their phrase names: "Serb forces were engaged in ethnic cleansing".
PARTICIPANT_PASSIVES = frozenset({"engage", "involve", "embroil"})
# Verbs whose subject undergoes what the phrase names: "40 people died in a strike" are its victims.
VICTIM_VERBS = frozenset({"die", "perish", "suffer", "survive", "flee", "escape", "lose", "disappear", "drown"})
# Prepositions whose gerund the verb's object carries out ("accused X of", "blamed X for", "stopped X from").
OBJECT_PREPS = frozenset({"of", "for", "from", "against", "over", "about"})
PROPOSING_VERBS = frozenset({"suggest", "propose", "recommend", "argue", "advise"})
# Modals with which a speaker proposes a measure nobody is named to take ("should be considered").
PROPOSAL_MODALS = frozenset({"should", "must", "ought", "could", "might"})
# Links from a purpose up to the act it is for: "to demand" (advcl/xcomp), "in protest against X" (prep, pobj).
PURPOSE_PATH_DEPS = frozenset({"advcl", "xcomp", "prep", "pobj", "dobj", "pcomp"})
CLAUSE_DEPS = {"advcl", "parataxis", "conj", "cc", "relcl", "mark", "punct", "csubj", "csubjpass"}
# Verbs of asking and of enabling whose object does an infinitive the parser hangs on the verb as a clause of
# purpose ("implored its sponsor, the United States, to defend it", "trained Houthi fighters to attack Saudi
# Arabia"); not "called a meeting to discuss", "sent troops to help".
ENABLING_VERBS = frozenset({"arm", "train", "equip", "fund", "finance", "pay", "hire", "recruit", "bribe"})
ADVCL_CONTROL = frozenset({"urge", "ask", "persuade", "press", "encourage", "implore", "beg", "beseech", "entreat",
                           "exhort", "invite", "convince", "instruct", "tell", "request"}) | ENABLING_VERBS
# Verbs whose object controls an infinitive ("urged Bree to help" -> Bree helps).
OBJECT_CONTROL = {"urge", "ask", "persuade", "tell", "order", "force", "press", "push", "call", "invite", "encourage",
                  "allow", "help", "want", "expect", "request", "require", "instruct", "warn", "advise", "convince",
                  "prefer", "implore", "beg", "beseech", "entreat", "exhort", "prompt", "cause", "compel", "oblige",
                  "pressure", "pressurise", "pressurize", "lead", "drive", "spur", "enable", "permit", "authorize",
                  "authorise", "provoke"} | ENABLING_VERBS
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout"}
TARGET_PREPS = {"against", "on", "with", "to", "toward", "towards", "upon", "between"}
# Prepositions of time, cause and attribution: their phrases are adjuncts, never where a target is found.
ADJUNCT_PREPS = {"after", "before", "during", "since", "until", "till", "following", "despite", "amid", "amidst",
                 "because", "according", "unlike", "besides", "throughout", "pending", "ahead"}
# Statements and consultations addressed to the press or the public are not interactions between actors.
AUDIENCE_SECTORS = {"JRN"}
REPORTING_SECTORS = frozenset({"JRN", "MED"})  # the press, which reports on others
AUDIENCE_ROOTS = {"01", "02", "04"}
# Consultations and visits are between political actors; civilians, students, businesses, journalists, refugees,
# criminals and unidentified gunmen do not consult (PLOVER sectors).
# An event with no named target is as sure as one whose target was resolved with middling confidence, not surer.
UNNAMED_TARGET = 0.8
# Nouns of an event's phase or quantity: "after a round of negotiations with X, the US ..." are the US's talks.
PHASE_NOUNS = frozenset({"round", "series", "wave", "spate", "string", "flurry", "barrage", "day", "week", "month",
                         "hour", "year", "session", "part", "start", "beginning", "end", "resumption", "renewal",
                         "continuation", "escalation", "outbreak", "surge", "course", "number", "couple", "lot"})
# Protest verbs that take no object: with one ("demonstrated the presence of", "demonstrates how") they mean show.
INTRANSITIVE_PROTEST_VERBS = frozenset({"demonstrate", "rally", "march"})
# Verbs of protest whose participle clause ("..., demanding X") says what the protest is for.
PROTEST_HEADS = INTRANSITIVE_PROTEST_VERBS | {"protest", "strike", "riot", "gather", "assemble"}
# Phrases that say what a protest is against: "rallied against the law", "struck over pay", "in protest at X",
# "in defiance of X"; and the dependencies followed inside them to the actor they name.
AIM_PREPS = frozenset({"against", "over", "at"})
AIM_NOUNS = frozenset({"protest", "defiance", "opposition", "response", "reaction", "anger", "outrage", "retaliation"})
PLACE_PREPS = frozenset(LOCATIVE_PREPS | {"through", "into", "on", "along", "around", "to", "toward", "towards",
                                            "from"})
AIM_PATH_DEPS = frozenset({"prep", "pobj", "dobj", "obj", "poss", "compound", "amod", "nmod", "pcomp", "appos",
                           "agent", "acl", "conj", "xcomp", "attr", "npadvmod"})
# Subordinators of a threat's condition, whose subject the threat is aimed at.
CONDITION_MARKS = frozenset({"if", "unless"})
# Objects that only measure what was given or done: "700 kg of medicine", "dozens of tanks" are medicine and tanks.
# Sums of money: what they measure follows "in" ("$6 billion in Iranian funds").
LARGE_SUMS = frozenset({"million", "billion", "trillion"})
CURRENCY_NOUNS = frozenset({"dollar", "euro", "pound", "yuan", "yen", "rupee", "rouble", "ruble", "franc", "shekel",
                            "riyal", "dinar", "lira", "won", "peso"})
QUANTITY_NOUNS = frozenset({"kg", "kilogram", "ton", "tonne", "worth", "amount", "number", "lot", "thousand",
                            "hundred", "million", "billion", "trillion", "dozen", "shipment", "consignment", "batch",
                            "load", "quantity", "package", "cargo", "plenty", "pair", "bag", "box", "crate", "convoy",
                            "supply", "part", "portion", "half", "rest", "bulk", "section", "share", "most", "some",
                            "all", "much",
                            # episodes: "held a new round of talks", "carried out a series of raids"
                            "round", "series", "wave", "spate", "string", "flurry", "barrage", "volley", "salvo"})
# Verbs whose prepositional object does the infinitive ("called on Russia to withdraw", "appealed to the UN to act").
APPEAL_CONTROL = frozenset({"call", "appeal", "turn", "rely", "count", "wait", "look", "prevail"})
# Blocking an act is aimed at whoever would carry it out: "Hungary blocked EU sanctions against Russia" (the EU).
OBSTRUCTION_VERBS = frozenset({"block", "veto", "obstruct", "thwart", "stall", "derail", "torpedo", "sabotage",
                               "foil", "frustrate", "hamper", "hinder", "impede", "stymie", "delay", "halt"})
# The codes of what crowds (CROWD_WORDS: "Thousands rallied") do: protest, rally in support.
RALLY_CODES = frozenset({"053"})
# Civilians, workers, students and the opposition who protest do so in the street (CAMEO 141), not in words (11x).
STREET_PROTEST_VERBS = frozenset({"protest"})
CROWD_SECTORS = PLACED_CROWD_SECTORS | {"REF", "AGR"}  # (refugees and farmers protest too)
DEMONSTRATION_CODE = "141"
# Protesters who attack, storm or burn riot (CAMEO 145): the noun says they are demonstrating. Only the generic
# violence codes: protesters who fire missiles (194) fight.
RIOT_CODE = "145"
# Calling a leader, with no words after, is telephoning them (CAMEO 041, both ways).
PHONING_VERBS = frozenset({"call", "ring"})
PHONE_CODE = "041"
# Greeting a foreign official is hosting a visit (043; the guest visits, 042), not praise (CAMEO 2.0's "welcome": 051).
GREETING_VERBS = frozenset({"welcome", "greet"})
CROWD_VIOLENCE_CODES = frozenset({"180", "190", "1712"})
PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher"})
# Protesters who gather, assemble or converge somewhere demonstrate there (CAMEO 141, not a meeting, 040).
GATHERING_VERBS = frozenset({"gather", "assemble", "converge", "congregate", "mass"})
OFFICIAL_COMPLAINT_CODE = "114"
# Getting ready to attack: a show of force (150), not yet the attack ("prepared to resume shelling").
PREPARING_VERBS = frozenset({"prepare", "gear", "mass"})
SHOW_OF_FORCE_CODE = "150"
# Verbs news uses for words as often as for blows ("Trump blasted China over trade"): said by a speaker, criticism.
VERBAL_ATTACK_VERBS = frozenset({"blast", "hammer"})
CRITICISM_CODE = "111"
# Prepositions of a criticism's reason or description: "blasted X over Y", "for Y", "as Y".
CRITICISM_PREPS = frozenset({"over", "for", "as"})
GENERIC_PROTEST_CODE = "140"
DEMAND_ROOT = "10"
# A side that beats, defeats or draws with another by a score played a match ("beat France 2-1", "a 3 - 0 win").
SCORING_VERBS = frozenset({"beat", "defeat", "thrash", "rout", "edge", "draw", "tie", "lose", "win", "overcome",
                           "crush", "stun", "upset"})
SCORE = re.compile(r"(?<![\d.,])\d{1,2}\s*[-–]\s*\d{1,2}(?![\d.,])")
# Who brokered or mediated an accord between two sides ("a US-brokered ceasefire between X and Y") mediates (045).
BROKER_WORDS = frozenset({"brokered", "mediated"})
MEDIATION_CODE = "045"
# Conceding or admitting (CAMEO 08) with a that-clause is saying something ("conceded that ..."): a statement (010).
YIELD_ROOT = "08"
ADMITTING_VERBS = frozenset({"concede", "admit", "acknowledge", "accept"})
STATEMENT_CODE = "010"
# "in violation of the ceasefire", "in spite of the ban": what an act defies was in force before it.
DEFIANCE_NOUNS = frozenset({"violation", "breach", "spite", "defiance", "contravention"})
# Demands and appeals for one's own people are made of whoever holds them (CAMEO 02, 10).
HOLDER_ROOTS = frozenset({"02", DEMAND_ROOT})
# Verbs of saying that, with an object and a to-infinitive, say what the object must do ("told X to leave").
DIRECTIVE_VERBS = frozenset({"tell"})
# A statement that someone is responsible or to blame for something accuses them (CAMEO 112).
BLAME_ADJECTIVES = frozenset({"responsible", "guilty", "culpable"})
BLAME_CODE = "112"
CONSULT_ROOT = "04"
# Verbs whose subject receives the act its object names: "drew protests from China", "faced criticism from".
RECEIVING_VERBS = frozenset({"draw", "face", "receive", "spark", "trigger", "provoke", "prompt", "attract", "earn",
                             "get", "win"})
# Cooperation and concessions that talks lead to, and the prepositions that put them after the talks.
SETTLEMENT_ROOTS = frozenset({"03", "05", "06", "07", "08"})
SEQUEL_PREPS = frozenset({"after", "following"})
# The non-state side of a country's conflict, which makes peace or talks with the state: rebels and the opposition.
CONFLICT_PARTY_SECTORS = frozenset({"REB", "OPP", "INS", "SEP"})
# Verbs by which one actor makes another carry out an act: a restriction (17) so carried out is the commander's.
COMMAND_VERBS = frozenset({"order", "force", "compel", "instruct", "direct", "oblige", "require"})
PERMIT_VERBS = frozenset({"give", "authorise", "authorize", "approve", "sanction", "prepare", "arrange", "plan"})
RESTRICTION_ROOT = "17"
OFFICIAL_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "SPY"})
# Blocking roads is a protest (144) by anyone but the state's armed forces, whose blocking restricts movement (191).
OBSTRUCTION_CODE, BLOCKADE_CODE = "144", "191"
# "in support of", "on behalf of", "in solidarity with": whom an act is for, not whom it is against.
BENEFIT_NOUNS = frozenset({"support", "behalf", "favour", "favor", "aid", "solidarity", "defence", "defense", "sake",
                           "help", "backing", "service"})
# Documents and messages that say what their author says: "NATO issued a statement accusing Serbia", "a letter
# urging the council to act was sent by Iran" -- the author does what the document does.
MESSAGE_NOUNS = frozenset({"statement", "report", "letter", "resolution", "communique", "communiqué", "declaration",
                           "message", "note", "memo", "memorandum", "motion", "release", "video", "tweet", "post",
                           "speech", "editorial", "cable", "document", "appeal", "petition"})
AUTHOR_VERBS = frozenset({"issue", "release", "publish", "send", "adopt", "pass", "post", "deliver", "write", "draft",
                          "present", "submit", "table", "sign", "read", "make", "put", "give", "broadcast", "file"})
# Proposals and documents, whose rejection or veto is aimed at their author ("vetoed a US resolution on Syria").
AUTHORED_NOUNS = MESSAGE_NOUNS | {"proposal", "plan", "draft", "bill", "offer", "initiative", "request", "demand",
                                  "call", "deal", "blueprint", "roadmap", "scheme"}
# Nouns whose holder did what their for-phrase names: "Isis claimed responsibility for the attack".
RESPONSIBILITY_NOUNS = frozenset({"responsibility", "credit"})
# Participles that say what an object is alleged to have done or where it is bound ("men accused of spying for X").
DESCRIBING_PARTICIPLES = frozenset({"accuse", "convict", "suspect", "charge", "bind", "link", "tie", "sentence",
                                    "allege", "want"})
# People hit where they are: of that state when no other is named (civilians, and fighters of no named group: "killed
# 30 militants in Borno").
VICTIM_SECTORS = frozenset({"CVL", "REB", "UAF"})
# People a state arrests or releases are in its custody: of that state when nothing else says whose they are.
HELD_SECTORS = frozenset({"CVL", "OPP", "JRN", "MED", "EDU", "LAB", "HRI", "REL"})
RELEASE_CODE = "084"  # return, release
CUSTODIAN_SECTORS = frozenset({None, "GOV", "COP", "MIL", "JUD", "SPY", "LEG"})  # a state and its authorities
ACCUSING_VERBS = frozenset({"accuse", "blame", "charge", "suspect", "convict", "indict"})
ACCUSED_OF_PREPS = frozenset({"of", "for", "with"})
ACCUSED_OBJECT_ROOTS = frozenset({"11", "12"})  # criticism, accusation, rejection: aimed at the verb's own object
DENYING_VERBS = frozenset({"deny", "reject", "disclaim", "dismiss", "disavow", "refute"})
# Claiming an attack itself ("Hamas claimed the attack on ...") is claiming responsibility for it: the claimer did it.
CLAIMING_VERBS = frozenset({"claim"})
# Prepositions by which one event noun says how another is done: "a hunger strike *in* protest", "*as* retaliation".
MANNER_PREPS = frozenset({"in", "as"})
# Participles whose agent is the doer of the act the noun names: "a bombing claimed by Isis", "an attack carried
# out by the army" (not "an attack condemned by the UN").
DOER_PARTICIPLES = frozenset({"claim", "carry", "conduct", "launch", "stage", "perpetrate", "mount", "commit",
                              "orchestrate", "mastermind", "organise", "organize", "lead", "spearhead"})
# Things that lie between two states ("the border fence between Morocco and Ceuta"): the states are where they are.
PLACES_BETWEEN = frozenset({"border", "fence", "wall", "road", "bridge", "crossing", "railway", "line", "pipeline",
                            "corridor", "route", "frontier", "boundary", "zone", "strait", "river", "highway",
                            "tunnel", "gate", "checkpoint", "buffer"})
# ... and of what an act between several sides is about ("cooperate on gas exports to Europe").
MUTUAL_TOPIC_PREPS = TOPIC_PREPS | {"on"}
# Prepositions of a reaction's reason: "praised the army *for* its response to X" does not praise X.
REASON_PREPS = frozenset({"for", "over", "about"})
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
# "on the orders of", "at the behest of": whoever is named so ordered the act, they are not its target.
MANDATE_NOUNS = frozenset({"instruction", "order", "behest", "direction", "command", "insistence", "directive"})
MANDATE_PREPS = frozenset({"on", "at", "upon", "under"})
# What an act on someone is about ("accused it of ...", "praised them for ..."): not whom it is aimed at.
CONTENT_PREPS = REASON_PREPS | {"of"}
# Where massed forces face another state: "near the Ukrainian border", "along its border with Iran".
MOBILISATION_ROOT = "15"
BORDER_PREPS = frozenset({"near", "along", "on", "to", "at", "toward", "towards", "close"})
# Failing to agree, meet or cooperate with someone refuses it (CAMEO 120), besides the negated settlement.
FAILURE_VERBS = frozenset({"fail"})
SETTLEMENT_FAILURE_ROOTS = frozenset({"03", "04", "05", "06"})
FAILED_SETTLEMENT_CODE = "120"
# Participles whose agent does what the noun they describe names, to whom their phrases name: "sanctions imposed
# on Syria by the EU", "strikes carried out by Israel on Gaza" (not "lifted", "abandoned", "expected", "reported").
DOING_PARTICIPLES = DOER_PARTICIPLES | {
    "impose", "issue", "order", "declare", "announce", "propose", "offer", "provide", "send", "deliver", "grant",
    "extend", "hold", "plan", "fire", "drop", "deploy", "pledge", "promise", "approve", "adopt", "pass", "introduce",
    "apply", "enforce", "renew", "tighten", "expand", "levy", "slap", "sign", "conclude", "negotiate", "reach",
    "make", "give", "supply", "donate", "build", "mount", "wage", "unleash", "target", "aim", "direct"}
# Participles whose agent stands outside the act they describe: "a deal brokered by China", "rebels backed by Iran".
THIRD_PARTY_PARTICIPLES = frozenset({"broker", "mediate", "back", "sponsor", "condemn", "criticise", "criticize",
                                     "fund", "finance", "arm", "facilitate", "welcome", "praise", "denounce", "host",
                                     "convene", "organise", "organize", "chair"})
# Nouns of a third party's part in an act: "signed under the auspices of the AU", "talks through the mediation of
# Qatar" name the go-between, not the other side.
THIRD_PARTY_NOUNS = frozenset({"auspices", "aegis", "mediation", "sponsorship", "patronage", "offices",
                               "facilitation", "chairmanship"})
GO_BETWEEN_PREPS = frozenset({"under", "through", "via", "with", "thanks", "by"})
# What a passive's subject phrase does not lend the verb's patterns: its own clauses and descriptions.
UNDERGONE_SKIP_DEPS = frozenset(CLAUSE_DEPS | {"acl", "appos"})
# Participles whose agent owns what they describe: "a force led by the Kurds" is the Kurds', "positions held by Isis".
OWNING_PARTICIPLES = frozenset({"lead", "hold", "control", "run", "command", "own", "dominate", "govern", "rule"})
# Arms that the actor dictionaries also list as forces ("artillery pounded the town"): modifying another noun
# ("artillery fire", "helicopter gunships") they name the means, not a side.
ARMS_WORDS = frozenset({"artillery", "tank", "gunship", "helicopter", "warplane", "drone", "mortar", "rocket",
                        "missile"})
# Nouns of a relation whose possessor is the other party: "America's Kurdish allies" are Kurds.
ALLY_NOUNS = frozenset({"ally", "partner", "proxy", "friend", "client", "surrogate"})
# Prepositions by which a hostile act names what it hits ("fired at its boats", "strikes on its positions").
OWNED_TARGET_PREPS = frozenset({"at", "on", "against", "into", "upon", "in", "across"})
# Verbs of driving out, which against armed men are fighting (190), not expulsion (174).
OUSTING_VERBS = frozenset({"oust", "dislodge", "rout", "flush"})
# Words of force that between politicians are words: "the senator clashed with Trump", "the minister attacked the
# opposition leader" are criticism (CAMEO 111), not fighting, when neither side is armed.
FIGURATIVE_FORCE_VERBS = frozenset({"clash", "fight", "battle", "attack", "spar", "hit", "slam", "lash", "strike",
                                    "feud", "assail", "savage"})
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "PTY", "ELI", "OPP", "JUD"})
VERBAL_CONFLICT_CODE = "111"
INSTITUTION_WORDS = frozenset({"government", "governments", "regime", "regimes", "administration", "authorities",
                               "state", "ministry", "cabinet", "junta", "forces", "army", "targets"})
# Acts whose object is forces moved or put on alert (send, deploy, withdraw, mobilise): a state's own forces as
# their object are what it moves, not whom it acts on ("deployed its troops", "withdrawing American forces").
MOVED_FORCE_CODES = ("062", "072", "074", "087", "15")
ARMED_SECTORS = frozenset({"MIL", "COP"})
FORCE_SECTORS = ARMED_SECTORS | {"SPY"}  # (who blockades: the armed forces, police and security services)
# Sending or deploying one's own forces with nobody named to receive them is a mobilisation (CAMEO 154).
DEPLOY_CODES = ("062", "072", "074")
# Verbs that move, hold or raise forces ("deployed troops in Ukraine": the mover's own, placed where they are sent).
MOVING_VERBS = frozenset({"deploy", "send", "dispatch", "move", "station", "mass", "mobilize", "mobilise", "position",
                          "redeploy", "transfer", "contribute", "commit", "pull", "withdraw", "bring", "fly", "rush",
                          "order", "oversee", "approve", "increase", "boost", "reinforce", "place", "put", "keep",
                          "maintain", "form", "raise", "build"})
AID_CODES = ("072", "074")  # forces sent to aid or protect someone: still aid to them
OWN_DEPLOYMENT_CODE = "154"
ARMED_TARGET_SECTORS = frozenset({"MIL", "REB", "UAF", "PRM", "SPY"})
# Sectors that fight: their blasts are blows, their preparations a show of force.
FIGHTING_SECTORS = ARMED_TARGET_SECTORS | {"COP", "INS"}
NONSTATE_ARMED_SECTORS = frozenset({"REB", "UAF", "RAD", "INS"})
FIGHTING_VERBS = frozenset({"fight", "battle"})
# Who uses force for a state: the state itself (no sector), its government and its armed forces.
STATE_FORCE_SECTORS = frozenset({None, "GOV", "MIL"})
NON_POLITICAL_SECTORS = {"CVL", "EDU", "BUS", "JRN", "MED", "REF", "LAB", "AGR", "CRM", "UAF"}
VIOLENCE_ROOTS = {"18", "19", "20"}
THREAT_ROOT = "13"
# Verbs of vowing, and the threat a vow of an act of each hostile root makes ("vowed to retaliate": 138).
VOW_VERBS = frozenset({"vow", "pledge", "promise", "swear"})
# (a vow to arrest, try or ban is a commitment as often as a threat: not coded as one)
VOWED_THREATS = {"14": "133", "16": "131", "18": "138", "19": "138", "20": "138"}
INTENT_ROOT = "03"  # intents to cooperate: offers, pledges, promises, agreements to act
HOSTILE_ROOTS = VIOLENCE_ROOTS | {THREAT_ROOT}  # threats and violence
# Reactions to an event, aimed at whoever carried it out: criticism, rejection, praise, endorsement.
REACTION_ROOTS = frozenset({"11", "12"})
# Agreeing *that* something is so is agreeing with each other, not with whom the clause is about.
AGREEING_VERBS = frozenset({"agree", "concur"})
# Heads of "the two leaders", "both sides": the pair of the mutual event just before.
PAIR_NOUNS = frozenset({"leader", "side", "country", "president", "minister", "government", "nation", "delegation",
                        "party", "state", "man", "official"})
PARTNER_ROOTS = frozenset({"02", "03", "04", "05", "06", "07"})  # appeals and cooperation: done with a partner
REACTION_CODES = frozenset({"051", "052"})
# Visits and hosting: two visitors arriving together do not visit each other.
HOST_CODE, GUEST_CODE = "043", "042"  # hosting a visit; making one
VISIT_CODES = frozenset({GUEST_CODE, HOST_CODE})
TRIP_PREPS = frozenset({"to", "in", "into", "at"})  # where a trip goes ("flew to Geneva", "arrived in Oslo")
VENUE_ROOTS = frozenset({"03", "04", "05"})  # accords and meetings named for where they were made
CONSULT_ROOTS = frozenset({"04"})  # (consultations: "attended a summit hosted by France" is with France)
# Acts applied to a territory: its place is their target when no actor is ("lifted the curfew in Montenegro",
# "reimposed blockades in the West Bank", "strengthened its forces in Lebanon", "killed 23 people in Tel Aviv").
PLACE_ROOTS = {"08", "15", "17", "18", "19", "20"}
# An arrest, detention or expulsion reported without its agent ("X was arrested in Lebanon") was carried out by the
# authorities of the place it happened in.
AGENTLESS_PLACE_ROOTS = {"17"}
# (and so were legal charges: "were charged with spying in the United States")
LEGAL_VERBS = frozenset({"charge", "indict", "prosecute", "convict"})
DETENTION_CODES = frozenset({"173"})  # arrests: where they happen says whose authorities made them
INQUIRY_ROOTS = frozenset({"09"})  # (and so was an investigation: "placed under investigation in Italy")
EXPULSION_VERBS = frozenset({"expel", "deport", "extradite", "banish", "exile"})
# Events about relations themselves (reduce or break relations) and breaches of a ceasefire (196) are dyadic even
# when the sentence names the other side only outside the clause.
COUNTERPART_CODES = ("16", "196")
# Curfews, states of emergency and bans imposed or eased (CAMEO 0811-0814, 1721-1724): on the decider's own state
# when no one else is named.
DOMESTIC_MEASURE_CODES = ("081", "172")
VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}

CONFIDENCE = {"pattern": 0.85, "verb": 0.7, "noun": 0.65, "context": 0.45}


@dataclass
class _Mentions:
    """Token-level index of a document's actor mentions."""

    mentions: list[Mention]
    by_token: dict[int, int]  # token index -> mention index (every token of a mention)
    by_head: dict[int, list[int]]  # head token index -> mentions ("Chilean and Peruvian envoys": two, one head)
    span: dict[int, tuple[int, int]]  # mention index -> (first token, last token)
    slot_at: dict[int, tuple[int, int]] = field(default_factory=dict)  # token -> (mention, its last token), for slots
    previous_pair: tuple[int, int] | None = None  # the two sides of the sentence before's mutual event, if any
    sentence_starts: list[int] = field(default_factory=list)  # first token of each sentence, in order

    @classmethod
    def build(cls, doc: "Doc", mentions: list[Mention], skip: frozenset[int] = frozenset()) -> "_Mentions":
        """The index of ``mentions`` (the document's own list: actors the coder adds are appended to it), leaving
        out the positions in ``skip``."""
        by_token: dict[int, int] = {}
        by_head: dict[int, list[int]] = {}
        span: dict[int, tuple[int, int]] = {}
        for idx, m in enumerate(mentions):
            if idx in skip:
                continue
            start_tok = getattr(m, "token_start", None)
            end_tok = getattr(m, "token_end", None)
            if start_tok is None or end_tok is None:
                s = doc.char_span(m.start, m.end, alignment_mode="expand")
                if s is None:
                    continue
                start_tok, end_tok = s.start, s.end
            span[idx] = (start_tok, end_tok - 1)
            for i in range(start_tok, end_tok):
                by_token.setdefault(i, idx)
            head = m.head if m.head is not None else end_tok - 1
            by_head.setdefault(head, []).append(idx)
        slot_at = {i: (m, span[m][1]) for i, m in by_token.items()}
        return cls(mentions, by_token, by_head, span, slot_at, sentence_starts=[s.start for s in doc.sents])

    def add(self, span: "Span", code: str, country: str | None, sector: str | None, confidence: float,
            head: int | None) -> int:
        """An actor the coder adds from the sentence's context (a crowd, unidentified forces, the state a curfew
        is imposed on): appended to the document's mentions, not indexed by token (no pattern slot binds it)."""
        actor = Actor(text=span.text, code=code, country=country, sector=sector, resolution="context",
                      confidence=confidence, start=span.start_char, end=span.end_char)
        sentence = bisect_right(self.sentence_starts, span.start) - 1 if self.sentence_starts else 0
        self.mentions.append(Mention(sentence, span.start_char, span.end_char, actor, head=head))
        return len(self.mentions) - 1

    def at(self, token: "Token") -> int | None:
        heads = self.by_head.get(token.i)
        return heads[0] if heads else self.by_token.get(token.i)

    def all_at(self, token: "Token") -> list[int]:
        heads = self.by_head.get(token.i)
        if heads:
            return list(heads)
        hit = self.by_token.get(token.i)
        return [] if hit is None else [hit]


def _fronted_subject(verb: "Token", subj: "Token") -> list["Token"]:
    """"After talks in Beijing, China and Brazil agreed ...": the parser reads the opening phrase's noun as the
    subject, and the real subject as conjuncts of its last word after the comma. Those conjuncts, if so."""
    if not any(c.i == verb.sent.start and c.i < subj.i and (c.dep_ == "mark" or c.dep_ == "prep" and not any(
            g.dep_ == "pobj" for g in c.children)) for c in subj.head.children):
        return []  # (an opening "After" whose noun the parser took away: a mark, or a preposition without object)
    comma = max((t.i for t in subj.subtree if t.text == ","), default=None)
    first = next((t for t in subj.subtree if comma is not None and t.i > comma and t.dep_ == "conj"
                  and t.head.i < comma), None)
    return [first, *(c for c in first.conjuncts if c.i > first.i)] if first is not None else []


def _conjuncts(token: "Token") -> list["Token"]:
    """The token and the items coordinated with it, including lists the parser misread: "Mordor, the Shire,
    Fornost and Bree" (the second item an apposition with the rest its conjuncts) and "Fornost and the evil
    Gondor" (the first item a modifier of the last)."""
    out = [token, *[t for t in token.conjuncts if t.i != token.i]]
    for item in list(out):
        for child in item.children:
            if (child.dep_ == "appos" and any(g.dep_ == "conj" for g in child.children)) or misread_list_item(child):
                out.extend(t for t in (child, *child.conjuncts) if t not in out)
    return out


class EventCoder:
    """Codes events in a parsed document. Holds the lexicon, ontology and factuality model; no other state."""

    def __init__(self, lexicon: Lexicon, ontology: Ontology, factuality: Any = None,
                 require_target: bool = True, regions: frozenset[str] = frozenset(),
                 nonstates: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        self.ontology = ontology
        self.regions = regions  # codes of seas, continents and other regions: places, never states
        self.nonstates = nonstates  # country codes that name no state: regions, peoples (KUR), classes (IGO)
        # Like PETRARCH's require_dyad: an event needs a target unless its code is one of the lexicon's unilateral
        # kinds (protests, mobilisations, ceasefires).
        self.require_target = require_target
        if factuality is None:
            from . import factuality as fmod

            factuality = fmod.FactualityModel.load() if hasattr(fmod, "FactualityModel") else fmod
        self.factuality = factuality

    # -- actors of a token -----------------------------------------------------------------------
    def _actors(self, token: "Token | None", idx: _Mentions, inner: bool = True) -> list[int]:
        """Mentions a noun phrase stands for: itself and its conjuncts ("Iran and Iraq"); a phrase whose head is
        not an actor but which names one as possessor, modifier or of-/in-/from-complement ("the ambassadors of
        Arnor", "Iraq's parliament") stands for that actor."""
        if token is None:
            return []
        out: list[int] = []
        items = _conjuncts(token)
        own = idx.at(token)
        if own is not None and own in idx.span:
            # "Barack Obama and Vladimir Putin" with "Barack" the parser's head and "Putin" a conjunct of "Obama"
            first, last = idx.span[own]
            items += [c for i in range(first, last + 1) if i != token.i for c in token.doc[i].conjuncts
                      if not first <= c.i <= last and c not in items]
        for t in items:
            hits = [h for h in idx.all_at(t) if not _arms(idx.mentions[h], token.doc)]
            if not hits and inner:
                hits = self._inner_actors(t, idx)
            out.extend(h for h in hits if h not in out)
        codes = {idx.mentions[h].actor.code or "" for h in out if idx.mentions[h].actor.sector
                 not in CONFLICT_PARTY_SECTORS}
        # "Lawmakers in Fornost and Gondor" parsed with Gondor beside the lawmakers: Gondor's lawmakers (GONLEG)
        # are already there, Gondor itself (GON) is not a further actor (its rebels are: "Gondor and X rebels")
        return [h for h in out if h in idx.all_at(token) or not any(
            c != idx.mentions[h].actor.code and c.startswith(idx.mentions[h].actor.code or "\0") for c in codes)]

    def _inner_actors(self, token: "Token", idx: _Mentions, of_phrase: bool = True) -> list[int]:
        # Only possessors, modifiers and of-phrases: "an agreement in Argentina" is not Argentina; phrases like
        # "police in Baghdad" are the actor finder's to resolve. Coordinated modifiers are each an actor
        # ("Iraqi and Syrian leaders").
        children = list(token.children)
        if token.lemma_.lower() in ALLY_NOUNS:
            # "America's Kurdish allies", "Iran's Houthi proxies": the modifier names them, the possessor their patron
            children.sort(key=lambda c: c.dep_ == "poss")
        for child in children:
            if child.dep_ in {"poss", "compound", "amod", "nmod", "appos"}:  # appos: "the capital Juba"
                hit = idx.at(child)
                if hit is not None and _against(idx.mentions[hit], token.doc):
                    continue  # an "anti-Isis force" is not Isis
                if hit is not None and _arms(idx.mentions[hit], token.doc):
                    continue  # "exchanged artillery fire", "tank shells": what it was done with, not by whom
                if hit is not None:
                    return [hit, *[h for c in child.conjuncts if c.i != child.i and (h := idx.at(c)) is not None
                                   and h != hit]]
        for child in token.children:
            if (child.dep_ == "compound" and child.pos_ == "NOUN" or child.dep_ == "amod" and child.lower_ == "led") \
                    and token.pos_ == "NOUN" and idx.at(child) is None:
                # "US drone attacks", "Israeli army bulldozers", "a US-led attack": the actor modifies the modifier
                for grand in child.children:
                    hit = idx.at(grand) if grand.dep_ in {"compound", "amod", "poss", "npadvmod"} else None
                    if hit is not None and not _against(idx.mentions[hit], token.doc):
                        return [hit]
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_.lower() in DOER_PARTICIPLES:  # "a bombing claimed by Isis"
                for agent in child.children:
                    if agent.dep_ == "agent":
                        hits = [h for pobj in agent.children if pobj.dep_ == "pobj" for h in self._actors(pobj, idx)]
                        if hits:
                            return hits[:1]
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ({"of", "by"} if of_phrase else {"by"}):
                # "violations by the Israeli military" (but the "bombardment of Afrin" is not Afrin's: ``of_phrase``)
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        hits = self._actors(pobj, idx)
                        if hits:
                            return hits[:1]
        return []

    # -- roles -----------------------------------------------------------------------------------
    def _subject(self, verb: "Token", depth: int = 0) -> tuple["Token | None", bool]:
        """The verb's logical subject token and whether it is a passive agent (``by X``)."""
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                if child.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
                    return verb.head, False  # "the militia that attacked ..." -> the militia
                if child.tag_ in {"VBG", "VBN"}:
                    # "The Red Cross operating in Iraq said": the participle phrase parsed as the subject
                    inner = next((g for g in child.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                    if inner is not None:
                        return inner, False
                return child, False
        for child in verb.children:
            if child.dep_ == "agent":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, True
        if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
            # "was barred from running in the election by the top court": the parser hangs the agent on the gerund
            for gerund in (g for c in verb.children if c.dep_ == "prep" for g in c.children
                           if g.dep_ == "pcomp" and g.tag_ == "VBG"):
                by = next((c for c in gerund.children if c.dep_ == "prep" and c.lower_ == "by"), None)
                pobj = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
                if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
                    return pobj, True
            if verb.dep_ in {"conj", "dep"} and not any(c.dep_ in {"dobj", "obj"} for c in verb.head.children):
                # "as its area has shrunk and its leaders have been killed": no one is said to have killed them (but
                # "Israel attacked Gaza and two leaders were killed": the one who acted on something did it)
                return None, False
        if depth >= 4 or verb.head.i == verb.i:
            return None, False
        head = verb.head
        if verb.dep_ in {"attr", "acomp"} and verb.tag_ == "VBG" and head.lemma_.lower() == "be":
            return self._subject(head, depth + 1)  # "Qatar is mediating ...": a progressive parsed as a predicate
        if verb.dep_ == "acomp" or (verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp"):
            # "Arnor is about to restore ...", "Iran is ready to talk": the subject of the copula
            return self._subject(head if verb.dep_ == "acomp" else head.head, depth + 1)
        if verb.dep_ == "xcomp":
            if _passive_infinitive(verb):
                return None, False  # "the rebels began to be pushed back": whoever the controller is, it undergoes
            passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                # "Iran was urged by the US to negotiate", "Israel is determined to cooperate": whoever the passive
                # is about does the infinitive, not the agent
                return passive, False
            if head.lemma_.lower() in OBJECT_CONTROL:
                obj = next((c for c in head.children if c.dep_ in {"dobj", "obj"}), None)
                if obj is not None:
                    return obj, False
            if head.lemma_.lower() in APPEAL_CONTROL:  # "called on Russia to withdraw": Russia would withdraw
                obj = next((g for c in head.children if c.dep_ == "prep" and c.lower_ in {"on", "upon", "to"}
                            and c.i < verb.i for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj, False
            return self._subject(head, depth + 1)
        if verb.dep_ in {"conj", "dep"} and head.pos_ in {"VERB", "AUX"}:  # "dep": a coordination the parser missed
            if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in head.children) and not any(
                    c.dep_ == "agent" for c in head.children):
                return None, False
            return self._subject(head, depth + 1)
        if verb.dep_ in {"relcl", "acl"} and head.pos_ in {"NOUN", "PROPN", "PRON"}:
            if _main_verb_of_verbless_parse(verb):
                return verb.sent.root, False  # "Doctors from two aid groups donated ... to X" parsed as one NP
            if _reduced_passive(verb):
                return None, False
            if any(c.dep_ in PASSIVE_SUBJECT_DEPS | {"auxpass"} for c in verb.children) and \
                    verb.lemma_.lower() not in PARTICIPANT_PASSIVES:  # (but "which were engaged in attacking")
                # "Russia, where 38 journalists have been murdered": Russia is where, not who; "the PKK, which is
                # listed as a terrorist group": the PKK undergoes it
                return None, False
            if verb.dep_ == "acl" and head.lemma_.lower() in MESSAGE_NOUNS and \
                    head.dep_ in {"dobj", "obj", "nsubjpass"} and head.head.lemma_.lower() in AUTHOR_VERBS and \
                    not any(c.dep_ in {"poss", "prep"} for c in head.children):
                return self._subject(head.head, depth + 1)  # "NATO issued a statement accusing Serbia": NATO
            return head, False
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            obj = next((c for c in head.children if c.dep_ in {"dobj", "obj"} and c.right_edge.i == verb.i - 1
                        and not verb.doc[verb.i - 1].is_punct), None)
            if obj is not None and obj.pos_ in {"NOUN", "PROPN"} and not self.lexicon.noun_entries(obj.lemma_.lower()):
                # "prosecute their citizens fighting in Syria": a participle the parser hung on the verb, right
                # after its object (no comma, not an event noun: "convened a meeting deploring ..."), is about it
                return obj, False
        if verb.dep_ == "advcl" and verb.i > head.i and head.lemma_.lower() in ADVCL_CONTROL and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            obj = next((c for c in head.children if c.dep_ in {"dobj", "obj"} and c.i < verb.i), None)
            if obj is not None:
                return obj, False  # "implored its sponsor, the United States, to defend it": read as a purpose
        if verb.dep_ == "advcl" and (verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to"
                                                                for c in verb.children)):
            return self._subject(head, depth + 1)  # "..., saying it would ...", "... stayed home to protest"
        if verb.dep_ == "pcomp" and head.head.i != head.i:
            governor = head.head
            obj = next((c for c in governor.children if c.dep_ in {"dobj", "obj"} and c.i < head.i), None)
            if (head.lower_ in OBJECT_PREPS or head.lower_ in ACCUSED_OF_PREPS and governor.lemma_.lower() in
                    ACCUSING_VERBS) and governor.pos_ == "VERB" and obj is not None and \
                    obj.pos_ in {"PROPN", "NOUN", "PRON"}:
                return obj, False  # "accused Tehran of meddling", "charged X with aiding": the object does it
            passive = next((c for c in governor.children if c.dep_ == "nsubjpass"), None)
            if passive is not None and governor.pos_ == "VERB" and passive.tag_ not in {"WDT", "WP"}:
                return passive, False  # "Turkey was tasked by Moscow with forcing ...": Turkey forces
            return self._subject(governor, depth + 1)
        return None, False

    def _verb_phrase(self, verb: "Token", sent: "Span", exclude: set[int], own_only: bool = False) -> list["Token"]:
        """Tokens of the verb's phrase after it, in order: objects, particles, prepositional phrases and
        controlled clauses, without subjects, coordinated or adverbial clauses. ``own_only`` (for matching
        patterns): an embedded clause whose verb is coded itself contributes only its verb and particles."""
        out: list["Token"] = []
        stack = [c for c in verb.children if c.i > verb.i and c.dep_ not in CLAUSE_DEPS]
        while stack:
            t = stack.pop()
            if t.i in exclude or t.dep_ == "punct":
                continue
            if t.dep_ == "prep" and t.lower_ in ADJUNCT_PREPS:
                continue  # "after a 12-year rift", "according to reports in the Times": not the verb's arguments
            out.append(t)
            if own_only and t.dep_ in {"xcomp", "ccomp"} and t.pos_ in {"VERB", "AUX"} and (
                    self._verb_entries(t) or (t.dep_ == "ccomp" and verb.lemma_.lower() in NEUTRAL_REPORTING)):
                # An embedded clause with a coded verb of its own: its head and particles belong to this verb's
                # patterns ("agreed to *sign*"), its objects to its own event.
                stack.extend(c for c in t.children if c.dep_ in {"aux", "prt", "neg", "mark"})
                if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
                    # "wants Bolivia to pay": the infinitive's subject is this verb's object
                    stack.extend(c for c in t.children if c.dep_ == "nsubj" and c.i > verb.i)
                continue
            stack.extend(c for c in t.children if c.dep_ not in {"relcl", "advcl", "parataxis"})
        return sorted(out, key=lambda t: t.i)

    def _pre_phrase(self, verb: "Token", sent: "Span") -> list["Token"]:
        """Tokens before the verb in its clause (subject, auxiliaries, adverbs, governing verbs)."""
        top = verb
        hops = 0
        while top.dep_ in {"xcomp", "ccomp", "conj"} and top.head.i != top.i and hops < 3:
            top = top.head
            hops += 1
        start = top.left_edge.i
        return [t for t in sent if start <= t.i < verb.i and t.dep_ != "punct"]

    def _object_actors(self, noun: "Token", idx: _Mentions, reaction: bool = False) -> list[int]:
        """Whom an object phrase is about: the actor it names; for an event noun the actor its target
        preposition introduces ("UN sanctions *against Iran*"), before owners and modifiers ("*UN* sanctions").
        A ``reaction`` to an event (criticising, rejecting, praising it) is aimed at whoever carried it out:
        "criticised the *Turkish* invasion of Syria" is aimed at Turkey."""
        hits = [h for t in _conjuncts(noun) for h in idx.all_at(t) if not _arms(idx.mentions[h], noun.doc)]
        if hits:
            return list(dict.fromkeys(hits))
        entries = self.lexicon.noun_entries(noun.lemma_.lower())
        if reaction and (entries or noun.lemma_.lower() in AUTHORED_NOUNS):
            # the doer named by modifiers or "by" before an "of" phrase, which names whom the act was done to
            # ("condemned the arrest of the journalist by Iranian authorities": the authorities)
            doers = self._inner_actors(noun, idx, of_phrase=False) or self._inner_actors(noun, idx)
            if doers:
                return doers
        named = [h for c in noun.children if c.dep_ == "appos" for h in self._actors(c, idx)]
        if named and not entries:
            return named  # "met Assad's main backer, the Russian president": whom the apposition names
        if not entries and not any(c.dep_ == "prep" and c.lower_ == "against" for c in noun.children):
            # "ratified Finland's accession to NATO": a thing's owner, before whatever its phrase names (but
            # "supported the Kurds' fight against Isis" is against Isis)
            owner = [h for c in noun.children if c.dep_ == "poss" for h in idx.all_at(c)
                     if not _against(idx.mentions[h], noun.doc)]
            if owner:
                return owner
        preps = set().union(*(e.target_preps for e in entries)) if entries else set()
        # (a thing "between" two states is where it is: "stormed the border fence between Morocco and Ceuta")
        preps |= TARGET_PREPS - {"between"} if noun.lemma_.lower() in PLACES_BETWEEN else TARGET_PREPS
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self._actors(pobj, idx)
                        if found:
                            return found
        return self._actors(noun, idx)

    def _default_targets(self, verb: "Token", post: list["Token"], idx: _Mentions,
                         exclude_mentions: set[int], place_ok: bool = False, reaction: bool = False) -> list[int]:
        """Indirect object, direct object, objects of the verb's prepositions, else the first actor in the verb
        phrase. A place named in a locative phrase ("signed a treaty in Baghdad") is where, not whom: it is the
        target only for events about places (visits: a visit code or a visit/host pair, ``place_ok``)."""
        own = {idx.mentions[m].actor.country for m in exclude_mentions} - {None}
        objects: list[int] = []
        for dep in ("dative", "iobj", "dobj", "obj"):
            for child in verb.children:
                if child.dep_ == dep and child.pos_ != "ADP" and not objects:
                    objects = [h for h in self._object_actors(child, idx, reaction) if h not in exclude_mentions]
        prep_objects: list[int] = []
        reason = False  # are the prepositional objects in a phrase of reason ("praised the army for its response")?
        for child in verb.children:
            if child.dep_ == "prep" and not prep_objects:
                # "rallied in support of Maduro", "marched in solidarity with Cuba": whom the act is for
                prep_objects = [h for b in child.children if b.dep_ == "pobj" for p in b.children if _benefit_of(p)
                                for o in p.children if o.dep_ == "pobj" for h in self._actors(o, idx)
                                if h not in exclude_mentions]
        for child in verb.children:
            # spaCy labels the "to" of "sent warplanes to Syria" as dative: a preposition all the same
            if child.dep_ in {"prep", "dative"} and child.pos_ == "ADP" and child.i > verb.i \
                    and child.lower_ not in LOCATIVE_PREPS | ADJUNCT_PREPS and not prep_objects:
                # "pulled its troops out of Syria": the object of the complex preposition's second word
                inner = [g for g in child.children if g.dep_ == "prep" and g.lower_ in {"of", "from"}] \
                    if child.lower_ in {"out", "away"} and not any(g.dep_ == "pobj" for g in child.children) else []
                for pobj in (g for prep in [child, *inner] for g in prep.children):
                    if pobj.dep_ == "pobj" and not prep_objects and not _mandate(pobj) and not _go_between(pobj):
                        # ("under the auspices of the AU", "through Qatari mediation": a go-between; but "agreed to
                        # US mediation" agrees with the US)
                        prep_objects = [h for h in self._object_actors(pobj, idx) if h not in exclude_mentions]
                        reason = reaction and child.lower_ in REASON_PREPS
        if objects and not prep_objects and all(idx.mentions[h].actor.country in own for h in objects):
            # "recalled its ambassador from Uganda": the parser hangs the other side on the source's own envoy
            for obj in (c for c in verb.children if c.dep_ in {"dobj", "obj"}):
                for prep in (g for g in obj.children if g.dep_ == "prep" and g.lower_ in {"from", "to"}):
                    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                        prep_objects = [h for h in self._actors(pobj, idx) if h not in exclude_mentions
                                        and idx.mentions[h].actor.country not in own] or prep_objects
                if not prep_objects:
                    # "demanded the release of its diplomats held by Iraq": whoever holds the source's own people
                    prep_objects = [h for a in obj.subtree if a.dep_ == "agent" and a.head.dep_ == "acl"
                                    for g in a.children if g.dep_ == "pobj" for h in self._actors(g, idx)
                                    if h not in exclude_mentions and idx.mentions[h].actor.country not in own]
        if objects and not reason and all(idx.mentions[h].actor.country in own or idx.mentions[h].actor.country is None
                                          for h in objects) and any(
                idx.mentions[h].actor.country not in own and idx.mentions[h].actor.country is not None
                for h in prep_objects):
            # "withdrew its forces from Syria", "sent in aircraft to Idlib": the object is the source's own or
            # a thing; the other side is in the prepositional phrase
            return prep_objects
        if verb.lemma_.lower() in OBJECT_CONTROL and any(c.dep_ in {"dobj", "obj"} for c in verb.children) and (
                verb.lemma_.lower() not in ENABLING_VERBS or any(
                    c.dep_ in {"xcomp", "advcl"} and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                    for c in verb.children)):
            # "urged western countries to repatriate fighters", "trained Houthi fighters to attack": the one urged or
            # trained, or none (but "paid compensation to X" is paid to X)
            return objects
        if objects or prep_objects:
            dative = any(c.dep_ == "dative" and c.pos_ == "ADP" for c in verb.children)
            return (prep_objects or objects) if dative else (objects or prep_objects)
        locative: list[int] = []
        for tok in post:
            hit = idx.by_token.get(tok.i)
            if hit is None or hit in exclude_mentions or _arms(idx.mentions[hit], tok.doc) or \
                    _against(idx.mentions[hit], tok.doc) or _mandated_by(tok, verb):
                continue  # (nor "Western" in "the Western-backed White Helmets": who backs them)
            m_head = idx.mentions[hit].head
            place = tok.doc[m_head] if m_head is not None else tok  # the mention's head: "York" of "New York"
            for _ in range(3):  # "met in the Turkish resort of Antalya": the resort is the place
                if place.dep_ in {"amod", "compound", "nmod"} and place.head.i > place.i and \
                        place.head.i not in idx.by_token:
                    place = place.head
                elif place.dep_ == "pobj" and place.head.lower_ == "of" and place.head.head.pos_ in {"NOUN", "PROPN"} \
                        and place.head.head.i not in idx.by_token and place.head.head.i < place.i:
                    # (and "exercises in the Sea of Japan": the sea is the place, not Japan)
                    place = place.head.head
                else:
                    break
            head = place.head
            first = place
            while first.dep_ == "conj" and first.head.i < first.i:
                first = first.head  # (the second of "between Morocco and the enclave of Ceuta")
            if first.dep_ == "pobj" and first.head.lower_ == "between" and \
                    first.head.head.lemma_.lower() in PLACES_BETWEEN:
                continue  # "the border fence between Morocco and Ceuta": where the thing is, nobody's act
            anchor = head.head
            if head.dep_ == "prep" and head.lower_ in LOCATIVE_PREPS and anchor.pos_ in {"NOUN", "PROPN"} and \
                    anchor.i in idx.by_token and idx.by_token[anchor.i] != hit:
                continue  # "outside the Chinese embassy in Tokyo": where that actor is, not whom the act is aimed at
            for _ in range(2):  # "held talks in 18 months in Singapore": a date's phrase is the verb's
                if anchor.ent_type_ in {"DATE", "TIME"} and anchor.dep_ == "pobj" and anchor.head.dep_ == "prep":
                    anchor = anchor.head.head
            if head.dep_ == "prep" and head.lower_ in LOCATIVE_PREPS and place.dep_ == "pobj" and (
                    anchor.pos_ in {"VERB", "AUX"} or self._venue(anchor)) and not (
                    head.lower_ == "at" and idx.mentions[hit].actor.sector in CROWD_SECTORS | ARMED_TARGET_SECTORS
                    and place.pos_ == "NOUN"):
                # ("fired tear gas at protesters", "shot at soldiers": at people is aimed at them; not "studied at
                # Baghdad University", a named place)
                # "met in Paris", "signed a treaty in Paris": where; but "imposed a curfew in X", "the closure of
                # shops in X" act on X
                if not locative:
                    locative = self._actors(place, idx) or [hit]
                continue
            return [h for h in (self._actors(place, idx) or [hit]) if h not in exclude_mentions] or [hit]
        return locative if place_ok else []

    def _venue(self, noun: "Token") -> bool:
        """A noun whose place is where it was made, not what it affects: talks, treaties, cooperation (CAMEO 03-06:
        "signed an agreement in Paris", "agreed to hold a round of talks in Geneva"; but "a curfew in Algiers")."""
        return noun.pos_ in {"NOUN", "PROPN"} and any(
            e.code[:2] in {"03", "04", "05", "06"} for e in self.lexicon.noun_entries(noun.lemma_.lower()))

    # -- verb triggers ---------------------------------------------------------------------------
    def _verb_entries(self, verb: "Token") -> list[VerbEntry]:
        """Lexicon entries for this verb; multi-word verbs whose other words are present come first."""
        lemma = verb.lemma_.lower()
        entries = self.lexicon.verb_entries(lemma)
        if verb.lower_ != lemma:
            # A user dictionary in PETRARCH's tradition may list an inflected form as a verb of its own ("LEFT"
            # beside "LEAVE"); PETRARCH matches the form first. The shipped lexicon trusts the lemma.
            by_form = [e for e in self.lexicon.verb_entries(verb.lower_) if e.origin != "builtin"]
            if by_form or not entries:
                entries = by_form or self.lexicon.verb_entries(verb.lower_)
        multi, single = [], []
        for e in entries:
            if len(e.words) == 1:
                single.append(e)
            elif self._multiword_present(verb, e):
                multi.append(e)
        return multi + single

    @staticmethod
    def _multiword_present(verb: "Token", entry: VerbEntry) -> bool:
        doc = verb.doc
        for k, word in enumerate(reversed(entry.before), start=1):
            i = verb.i - k
            if i < 0 or doc[i].lower_ != word:
                return False
        # away from the verb only a particle counts: "gave their weapons up", not "gave evidence in court"
        particles = [c for c in verb.children if c.dep_ in {"prt", "advmod"}]
        i = verb.i + 1
        for word in entry.after:
            if i < len(doc) and (doc[i].lower_ == word or doc[i].lemma_.lower() == word):
                i += 1
                continue
            if any(p.lower_ == word for p in particles):
                continue
            return False
        return True

    def _passive_actor_object(self, verb: "Token", entry: "VerbEntry", idx: _Mentions) -> bool:
        """Is the verb passive, with an actor as its subject, and does its block say that with an actor as its
        object it is no event ("* +" coded null)? Patterns read the words after the verb, so the passive's object,
        standing before it, is checked here."""
        if not any(p.code is None and not p.reverse_code and not p.pre and [e.slot for e in p.post] == ["target"]
                   for p in self.lexicon.patterns_for(entry)):
            return False
        if any(c.dep_ == "prt" or c.dep_ == "prep" and not any(g.dep_ in {"pobj", "pcomp"} for g in c.children)
               for c in verb.children):
            return False  # "were fired on by troops": the subject is what the preposition's phrase was
        psubj = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        if psubj is not None and psubj.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
            psubj = verb.head
        return psubj is not None and psubj.i in idx.by_head

    def _code_verb(self, verb: "Token", sent: "Span", idx: _Mentions, used: set[int]) -> list[_Candidate]:
        entries = self._verb_entries(verb)
        if not entries:
            return []
        if verb.lemma_.lower() in SCORING_VERBS and SCORE.search(" ".join(
                t.text if t.ent_type_ not in {"DATE", "TIME"} else "_" for t in verb.subtree)):
            return []  # "Germany beat France 2-1": a match, not an attack (but "on 24-25 April" is a date)
        if verb.lemma_.lower() in self.lexicon.light_verbs and any(
                c.dep_ in {"dobj", "obj"} and self.lexicon.noun_entries(c.lemma_.lower()) for c in verb.children):
            light_object = True  # "issued an ultimatum", "launched an attack": the noun says what happened
        else:
            light_object = False
        subj_tok, _ = self._subject(verb)
        exclude = set(subj_tok.subtree and [t.i for t in subj_tok.subtree]) if subj_tok is not None and \
            subj_tok.i > verb.i else set()
        post = self._verb_phrase(verb, sent, exclude)
        own = self._verb_phrase(verb, sent, exclude, own_only=True)
        pre = self._pre_phrase(verb, sent)
        undergoer = self._passive_subject(verb)
        undergone = self._undergone_phrase(verb, undergoer)
        if undergone:
            own = undergone + own  # "two diplomats were expelled": the patterns' "* DIPLOMATS" reads the passive
        verb_end = verb.i
        window = Window(verb.i, pre, own, idx.slot_at, verb_end)
        match: Match | None = None
        received = False  # a pattern coding only the other side's act ("received assurances from X")
        chosen: VerbEntry | None = None
        best_rank = NO_RANK
        shallow = _shallow_keys(verb)
        direct = _object_keys(verb)
        undergone_at = {t.i for t in undergone}
        if undergone and undergoer is not None:
            passive_keys = frozenset().union(*(token_keys(t) | token_keys(_measured(t))
                                               for t in (undergoer, *undergoer.conjuncts)))
            shallow, direct = shallow | passive_keys, direct | passive_keys
        for entry in entries:
            patterns = [p for p in self.lexicon.patterns_for(entry) if (not p.shallow or p.object_word & shallow)
                        and (not p.object_only or p.object_word & direct)]
            m = best_match(patterns, window)
            while m is not None and m.tokens and _modifier_only(verb, verb.doc[max(m.tokens)], m.tokens, idx):
                # "* AID" is not "released a British aid worker": the word modifies the object; another pattern
                # may still name it ("* D'AFFAIRES" after "* CHARGE")
                patterns = [p for p in patterns if p is not m.pattern]
                m = best_match(patterns, window)
            if m is not None and undergone and not m.pattern.pre and [e.slot for e in m.pattern.post] == [
                    "target"] and any(slot == "target" and idx.mentions[i].head in undergone_at for slot, i in m.slots):
                continue  # "* +" read on a passive's subject: _passive_actor_object decides
            if m is not None and m.pattern.code and not m.pattern.pre and [e.slot for e in m.pattern.post] == [
                    "target"] and not all(
                    (h := idx.mentions[i].head) is not None and verb.doc[h].dep_ in {"dobj", "obj"}
                    and verb.doc[h].head.i == verb.i for slot, i in m.slots if slot == "target"):
                continue  # "* +" names the verb's own object ("suspended Niger"), not a place ("... in Russia")
            if m is not None and not m.pattern.code and not m.pattern.reverse_code and not m.pattern.pre and [
                    e.slot for e in m.pattern.post] == ["target"] and not any(
                    _object_itself(verb, verb.doc[h]) for slot, i in m.slots if slot == "target"
                    and (h := idx.mentions[i].head) is not None):
                continue  # "* +" as no event: firing the object ("fired the head of the army"), not over Japan
            if m is not None and m.pattern.code and m.pattern.code[:2] in ACCUSED_OBJECT_ROOTS and \
                    _accused_object(m, verb, idx):
                continue  # "blamed Ukraine for the attack on the Kremlin": the blamed is the object, not the Kremlin
            if m is not None and m.pattern.code and not _own_prepositional_target(m, verb, idx):
                continue  # "* (of +)": "pulled out of Syria", not "pulled out the bodies of Peruvian miners"
            rank = match_rank(m, window, multiword=len(entry.words) > 1) if m is not None else None
            if rank is not None and rank > best_rank:
                match, chosen, best_rank = m, entry, rank
        if light_object and (match is None or not any(
                verb.doc[i].dep_ in {"dobj", "obj"} and verb.doc[i].head == verb for i in match.tokens)):
            return []  # the event noun codes it, with this verb's subject as its source
        if match is not None:
            code, reverse, rule, kind = match.pattern.code, match.pattern.reverse_code, match.pattern.id, "pattern"
            used.update(match.tokens)
            if code is None and reverse:
                # "[---:030]": only the other side acts ("received assurances from X": X promised)
                code, reverse, received = reverse, None, True
            elif code is None:
                return []  # the pattern says: not an event
        else:
            chosen = entries[0]
            (code, reverse), rule, kind = self.lexicon.default_codes(chosen), f"{chosen.block}:{chosen.lemma}", "verb"
            if self._passive_actor_object(verb, chosen, idx):
                return []  # "McMaster, who was fired by Trump": "fired McMaster" is no attack, so neither is this
        obligation: tuple[str, "Token"] | None = None
        if code is None or code[:2] == "01" or verb.lemma_.lower() in REPORTING_VERBS | NEUTRAL_REPORTING \
                or verb.lemma_.lower() in self.lexicon.light_verbs | {"send", "deliver"}:
            obligation = self._obligation(verb)
            if obligation is not None:  # "announced that Kagame must agree", "said Sudan must return"
                code, reverse, kind = obligation[0], None, "pattern"
                rule += ":blame" if code == BLAME_CODE else ":obligation"
        if code is None and match is None and verb.lemma_.lower() in PHONING_VERBS:
            called = [c for c in verb.children if c.dep_ in {"dobj", "obj"}] or [
                c for c in verb.children if c.dep_ == "oprd"]  # (the parser may take a lone object for a predicate)
            if not any(c.dep_ in {"oprd", "ccomp", "prt", "attr", "acomp"} and c not in called
                       for c in verb.children) and _official_among(called, idx):
                # "Macron called Putin on Friday", "called his Russian counterpart to discuss ...": a phone call
                # (041; "called Putin a war criminal" names him, "called on" appeals)
                code, reverse, rule = PHONE_CODE, PHONE_CODE, rule + ":phone"
        if code is None:
            return []
        if code[:2] == YIELD_ROOT and verb.lemma_.lower() in ADMITTING_VERBS and not any(
                c.dep_ in {"dobj", "obj"} for c in verb.children) and any(
                c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                for c in verb.children):
            code, reverse = STATEMENT_CODE, None  # "conceded that the offensive had crippled efforts": says so
        if code[:2] == "14" and kind == "verb" and verb.lemma_.lower() in INTRANSITIVE_PROTEST_VERBS and any(
                c.dep_ in {"dobj", "obj", "ccomp"} for c in verb.children):
            return []  # "the results demonstrate the presence of the toxin", "it demonstrates how reckless ...": shows
        slots = dict[str, list[int]]()
        for slot, mention_id in (match.slots if match else ()):
            if _arms(idx.mentions[mention_id], verb.doc):
                continue  # "exchanged artillery fire": a means, not the other side
            if slot == "compound" and idx.span[mention_id][0] > verb.i:
                slot = "compound_target"  # "agrees with % ...": the compound is on the receiving side
            slots.setdefault(slot, []).append(mention_id)
        if "source" in slots or "compound" in slots:
            sources = slots.get("source", []) + slots.get("compound", [])
            sources = list(dict.fromkeys(s for m in sources for s in self._expand(m, idx, verb.doc)))
        else:
            sources = self._sources(verb, subj_tok, idx)
        passive = undergoer is not None
        if passive and not sources and (code[:2] in AGENTLESS_PLACE_ROOTS | INQUIRY_ROOTS or
                                        verb.lemma_.lower() in LEGAL_VERBS | EXPULSION_VERBS):
            # (and an expulsion "from Britain" was Britain's; "placed under investigation in Italy": Italy's)
            sources = self._place_of(verb, idx, LOCATIVE_PREPS | ({"from"} if verb.lemma_.lower() in EXPULSION_VERBS
                                                                  else set()), where=code[:3] in DETENTION_CODES) or \
                [h for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"
                 for g in c.children if g.dep_ == "pobj" for h in self._place_of(g, idx)]
        if not sources and code[:2] in VIOLENCE_ROOTS and passive:
            sources = self._attack_doer(verb, idx)
        if not sources and code[:2] in VIOLENCE_ROOTS:
            sources = self._unidentified_force(verb, subj_tok, sent, idx)
        if not sources and (code[:2] == "14" or code in RALLY_CODES):
            sources = self._crowd(subj_tok, sent, idx)
        if code[:2] in {"11", "12"} and verb.lemma_.lower() in STREET_PROTEST_VERBS and sources and all(
                idx.mentions[m].actor.sector in CROWD_SECTORS for m in sources):
            code, reverse = DEMONSTRATION_CODE, None  # "thousands of Georgians protested against the bill, the deal"
        if (verb.lemma_.lower() in STREET_PROTEST_VERBS and code[:2] == "14" or code == GENERIC_PROTEST_CODE) and \
                sources and (any(c.dep_ == "ccomp" for c in verb.children) or all(
                    _official(idx.mentions[m].actor) for m in sources)):
            # "China protested to Japan over the visit", "the rights are not upheld, the group protested": a
            # government's protest, or one that says something, is an official complaint, not a demonstration
            code, reverse = OFFICIAL_COMPLAINT_CODE, None
        if code in CROWD_VIOLENCE_CODES and sources and all(
                (h := idx.mentions[m].head) is not None and verb.doc[h].lemma_.lower() in PROTESTER_NOUNS
                for m in sources):
            code, reverse = RIOT_CODE, None  # "protesters stormed the parliament": a violent protest, not an assault
        if verb.lemma_.lower() in GATHERING_VERBS and sources and all(
                (h := idx.mentions[m].head) is not None and verb.doc[h].lemma_.lower() in PROTESTER_NOUNS
                for m in sources):
            code, reverse = DEMONSTRATION_CODE, None  # "protesters gathered outside the embassy": they demonstrated
        if kind == "verb" and code[:2] == "05" and verb.lemma_.lower() in GREETING_VERBS and _official_among(
                [c for c in verb.children if c.dep_ in {"dobj", "obj"}], idx):
            code, reverse = HOST_CODE, GUEST_CODE  # "welcomed his Sudanese counterpart in Cairo": hosted him
        if code[:2] in VIOLENCE_ROOTS and verb.lemma_.lower() in VERBAL_ATTACK_VERBS and sources and all(
                idx.mentions[m].actor.sector not in FIGHTING_SECTORS and (
                    idx.mentions[m].actor.sector or any(c.dep_ == "prep" and c.lower_ in CRITICISM_PREPS
                                                        for c in verb.children)) for m in sources):
            # "Erdogan blasted the US as the country that created Isis", "Iran blasted Washington over the
            # sanctions": a speaker's blast is criticism (but "Israeli jets blasted Hamas positions")
            code, reverse = CRITICISM_CODE, None
        if code == OBSTRUCTION_CODE and sources and all(idx.mentions[m].actor.sector in FORCE_SECTORS for m in sources):
            code, reverse = BLOCKADE_CODE, None  # "police blocked the roads to the palace": no protest, a cordon
        moved = self._moved_in_passive(verb, code, undergoer, idx) if passive and not sources else None
        if moved is not None:
            sources, targets = moved  # "Kenyan troops were deployed to Haiti": Kenya sent them there
        elif "target" in slots or "compound_target" in slots:
            targets = list(dict.fromkeys(t for m in slots.get("target", []) + slots.get("compound_target", [])
                                         for t in self._expand(m, idx, verb.doc)))
        elif passive:
            targets = self._actors(undergoer, idx)
            if not targets and undergoer is not None and undergoer.lower_ in SUBJECT_PRONOUNS and not (
                    undergoer.lower_ == "it" and any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)):
                # "Kurdish forces said they had been attacked by Turkish drones": the reporter named before the
                # pronoun ("they were detained by militias, officials said" is someone else), or the speaker of a
                # quoted "we"; not the media reporting it, nor the "it" of "it was agreed to ..."
                targets = [t for t in self._antecedent(undergoer, idx) if t not in sources and (
                    undergoer.lower_ == "we" or idx.span[t][1] <= undergoer.i) and
                    idx.mentions[t].actor.sector not in REPORTING_SECTORS]
                rule += ":owner" if targets else ""  # (who reports it is its target here)
            if undergoer is not None and (code[:3] in REACTION_CODES or code[:2] in REACTION_ROOTS) and \
                    idx.at(undergoer) is None:
                # "the release of two Canadians by China was welcomed by Ottawa": a reaction to an act is aimed at
                # whoever did it, as in the active
                targets = [h for h in self._object_actors(undergoer, idx, reaction=True) if h not in sources] \
                    or targets
            if not targets and undergoer is not None and any(
                    c.dep_ == "agent" and any(g.dep_ == "pobj" and idx.at(g) in sources for g in c.children)
                    for c in verb.children):
                # "a plan drawn up by Chile was rejected by Peru", "a camp for Congolese refugees was attacked by
                # militiamen": a thing undergoing a named agent's act stands for its author or its people, as the
                # active's object does
                reacting = code[:3] in REACTION_CODES or code[:2] in REACTION_ROOTS
                targets = [h for h in self._object_actors(undergoer, idx, reaction=reacting) if h not in sources]
                if not targets and code[:2] in VIOLENCE_ROOTS:
                    targets = [h for t in undergoer.subtree for h in idx.all_at(t)
                               if h not in sources and not _arms(idx.mentions[h], verb.doc)][:1]
        elif _reduced_passive(verb) and verb.head.pos_ in {"NOUN", "PROPN"}:
            targets = self._actors(verb.head, idx)  # "fighters captured by US-backed forces": the fighters
            if not targets and verb.i > 0 and verb.doc[verb.i - 1].text == "," and verb.head.head.pos_ in {
                    "VERB", "AUX"}:
                # "forces continue to pound the area, backed by Iranian allies": set off by a comma, the
                # participle is about the clause's subject, not the area
                targets = [t for t in self._actors(self._subject(verb.head.head)[0], idx) if t not in sources]
        elif verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"} and any(
                c.dep_ in SUBJECT_DEPS and c.tag_ not in {"WDT", "WP"} and not any(g.tag_ == "WP$" for g in c.children)
                for c in verb.children) and not any(
                c.dep_ in {"dobj", "obj", "dative"} and c.tag_ not in {"WDT", "WP", "IN"} for c in verb.children) and \
                self._actors(verb.head, idx):
            # "the militias (that) the US supports": the antecedent is the object
            targets = [t for t in self._actors(verb.head, idx) if t not in sources]
        elif verb.dep_ == "amod" and verb.head.i > verb.i and verb.head.pos_ in {"NOUN", "PROPN"} and any(
                c.dep_ in SUBJECT_DEPS for c in verb.children) and not any(
                c.dep_ in {"dobj", "obj", "dative", "ccomp", "xcomp"} for c in verb.children) and all(
                verb.doc[i].head.i != verb.i and verb.head in verb.doc[i].ancestors for i in range(verb.i + 1,
                                                                                                   verb.head.i)):
            # "A Moscow court jailed opposition politician X": a clause the parser read as one noun phrase, the
            # verb a modifier of its object
            targets = [t for t in self._actors(verb.head, idx) if t not in sources]
        elif verb.dep_ == "advcl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children) and \
                not any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children):
            # "Backed by Russia, Syrian forces attacked": the main clause's subject
            targets = [t for t in self._actors(self._subject(verb.head)[0], idx) if t not in sources]
        else:
            # Places are targets of visits (a visit code or a visit/host pair, [042:043]) and of violence ("killed
            # 23 people in Tel Aviv": the victims are there).
            place_ok = (bool(reverse) and reverse != code) or code[:3] in {"042", "043"} or code[:2] in PLACE_ROOTS
            topics: set[int] = set()
            if len(sources) >= 2 and code[:3] not in VISIT_CODES and (self.lexicon.is_mutual(code) or
                                                                      reverse == code) and \
                    self._reciprocal(verb, idx, code):
                place_ok = False  # "troops and rebels clashed near Aleppo": with each other, not with Aleppo
                # ("Israel and Hamas agreed to a ceasefire in Cairo": nor with Cairo, wherever the phrase hangs)
                topics = {t.i for t in verb.subtree if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS}
                # "agreed to cooperate on gas exports to Europe": with each other, about exports to Europe
                topics |= {t.i for v in (verb, *(c for c in verb.children if c.dep_ == "xcomp"))
                           for c in v.children if c.dep_ == "prep" and c.lower_ in MUTUAL_TOPIC_PREPS
                           for g in c.children if g.dep_ == "pobj" and (idx.at(g) is None or c.lower_ in TOPIC_PREPS)
                           for t in g.subtree}
                # ... and "signed an agreement on migrants": the relation's own topic, whoever it names
                topics |= {t.i for o in verb.children if o.dep_ in {"dobj", "obj"} and
                           o.lemma_.lower() in self.lexicon.relation_nouns for c in o.children
                           if c.dep_ == "prep" and c.lower_ in MUTUAL_TOPIC_PREPS for t in c.subtree}
            reaction = code[:3] in REACTION_CODES or code[:2] in REACTION_ROOTS or \
                verb.lemma_.lower() in OBSTRUCTION_VERBS
            if not reaction:
                # "forces continue to pound the area, backed by Iranian allies", "restored relations in a deal
                # brokered by China": who backs or brokers is not whom the act is aimed at (but a reaction is
                # aimed at the author, "rejected a plan proposed by France", and what is "held by Isis" is Isis's)
                cooperation = self._quad(code) in (1, 2) and code[:2] not in CONSULT_ROOTS
                post = [t for t in post if not any(a.dep_ == "agent" and a.head.dep_ in {"acl", "advcl"} and (
                    code[:2] in VIOLENCE_ROOTS or a.head.lemma_.lower() in THIRD_PARTY_PARTICIPLES or (
                        cooperation and a.head.lemma_.lower() not in OWNING_PARTICIPLES))
                    for a in t.ancestors if a.i > verb.i) and not (
                    t.head.tag_ == "VBN" and t.head.dep_ == "amod" and t.head.lemma_.lower() in THIRD_PARTY_PARTICIPLES
                    and t.i < t.head.i and t.head.i > verb.i)]  # (nor, in help, who harmed: "the crew of a ship
                #     attacked by pirates" are rescued, not the pirates; "under a UN-brokered deal": the UN brokered)
            if code[:2] in VIOLENCE_ROOTS:
                post = [t for t in post if not self._instrument(t, verb, sources, idx)]
            post = [t for t in post if not any(_go_between(a) and verb in a.ancestors for a in (t, *t.ancestors))]
            post = [t for t in post if not _described_object(t, verb)]
            targets = self._default_targets(verb, post, idx, set(sources), place_ok, reaction=reaction)
            if match is not None and reverse == code and len(sources) >= 2:
                # "Chile and Peru exchanged prisoners": what the pattern names is what the two exchange
                named = set(match.tokens) | {c.i for i in match.tokens for c in verb.doc[i].conjuncts}
                targets = [t for t in targets if idx.mentions[t].head not in named]
            venue, partners = _trip_venue(verb)
            if venue:  # "flew to Geneva for talks with Iran": with Iran
                targets = [t for t in targets if idx.mentions[t].head not in venue] or [
                    h for p in partners for h in self._actors(p, idx) if h not in sources]
            pronoun = next((c for c in verb.children if c.dep_ in {"dobj", "obj"} and (
                c.tag_ == "PRP" or verb.lemma_.lower() in ACCUSING_VERBS and c.pos_ == "NOUN" and not any(
                    g.dep_ == "prep" and g.lower_ == "on" for g in verb.subtree) and not self._actors(c, idx))), None)
            # (and "convicted three men of killing X": the men, unknown; but "blamed the deaths on X" blames X, and an
            # unknown name may be an actor the knowledge base lacks)
            if pronoun is not None and idx.at(pronoun) is None:
                # "accusing it of supporting Islamist militants": the one accused is whoever "it" is, not the
                # militants; with "it" unknown, so is the target
                preps = CONTENT_PREPS | (ACCUSED_OF_PREPS if verb.lemma_.lower() in ACCUSING_VERBS else frozenset())
                content = {t.i for h in (verb, pronoun) for c in h.children if c.dep_ == "prep" and c.i > pronoun.i
                           and c.lower_ in preps for t in c.subtree}
                targets = [t for t in targets if idx.mentions[t].head not in content]
            targets = [t for t in targets if idx.mentions[t].head not in topics]
            if code[:2] in PARTNER_ROOTS:
                # "Kurdish and Iraqi forces allied against Isis", "helped Kyiv against Russia": whom cooperation is
                # against is the common foe, not the partner (but a war stopped against X is stopped with X)
                targets = [t for t in targets if not _against_phrase(verb, idx.mentions[t].head)]
            if len(sources) >= 2 and targets and self._quad(code) in (1, 2) and all(
                    idx.mentions[t].head is not None and _shared(verb.doc[idx.mentions[t].head]) for t in targets):
                targets = []  # "Iran and Saudi Arabia reopened their embassies": each other's, not one of theirs
            shared = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i and all(
                verb.doc[i].dep_ in {"cc", "advmod", "punct"} for i in range(verb.i + 1, c.i))), None)
            if not targets and shared is not None and not any(c.dep_ in {"dobj", "obj"} for c in verb.children):
                # "donated and personally delivered medicine to X": the verbs share their objects
                targets = [t for t in self._default_targets(shared, self._verb_phrase(shared, sent, exclude), idx,
                                                            set(sources), place_ok)
                           if _argument_path(shared, verb.doc[idx.mentions[t].head or shared.i])]
            if code[:2] in VIOLENCE_ROOTS:
                kept = [t for t in targets if idx.mentions[t].head is None
                        or not self._instrument(verb.doc[idx.mentions[t].head], verb, sources, idx)]
                if targets and not kept:
                    # "attacked Kurdish villages with Turkish jets": the object's own actor, not the weapon
                    kept = [t for c in verb.children if c.dep_ in {"dobj", "obj"} for t in self._actors(c, idx)
                            if t not in sources and not self._instrument(
                                verb.doc[idx.mentions[t].head or c.i], verb, sources, idx)]
                targets = kept
        if code[:2] == DEMAND_ROOT:
            # "demanded the withdrawal of Serbian forces from Bosnia", "the resignation of the president": an act
            # with no other side is demanded of whoever would do it, not of the place it is done in
            doers = [h for obj in verb.children if obj.dep_ in {"dobj", "obj"}
                     for e in self.lexicon.noun_entries(obj.lemma_.lower())[:1] if self.lexicon.is_unilateral(e.code)
                     for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj" for h in self._actors(g, idx)
                     if h not in sources and idx.mentions[h].actor.country]
            targets = doers or targets
        if code[:2] in HOLDER_ROOTS:
            own = {idx.mentions[m].actor.country for m in sources} - {None}
            if own and targets and all(idx.mentions[t].actor.country in own and _undergoer_of_act(
                    verb.doc[idx.mentions[t].head or verb.i]) for t in targets):
                # "demanded the release of British nationals from Iran", "... held by Iran": its own people are
                # demanded of whoever holds them
                holders = [h for t in targets if (head := idx.mentions[t].head) is not None
                           for n in (verb.doc[head], *(a for a in (*verb.doc[head].children,
                                                                   *verb.doc[head].head.head.children)
                                                       if a.dep_ == "acl"))
                           for c in n.children if c.dep_ in {"prep", "agent"} and c.lower_ in
                           {"from", "by", "in"} for g in c.children if g.dep_ == "pobj" for h in self._actors(g, idx)
                           if h not in sources and idx.mentions[h].actor.country not in own | {None}]
                targets = holders or targets
        if not targets and code[:2] == "11" and "target" not in slots:
            # "Ukraine is violating the truce, Russia complained": whoever the complaint put first is its target
            said = next((c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i < verb.i), None)
            if said is not None:
                targets = [t for t in self._actors(self._subject(said)[0], idx) if t not in sources]
        if not targets and sources and code.startswith(DOMESTIC_MEASURE_CODES):
            targets = self._measured_state(verb, sources, idx)
        if not targets and sources and code[:2] >= "11" and not rule.startswith("user:"):
            targets = self._other_owner(verb, sources, idx)
            rule += ":owner" if targets else ""  # (the owner may be who reports it: "X said Y fired at its boats")
        if code[:2] in VIOLENCE_ROOTS and targets:
            targets = [self._placed_victim(t, verb, sources, idx) for t in targets]
        if (code[:2] == "17" or code.startswith(RELEASE_CODE)) and targets and not passive:
            targets = [self._held_person(t, verb, sources, idx) for t in targets]
        if code[:2] in ACCUSED_OBJECT_ROOTS and targets and "target" not in slots:
            targets = self._complained_about(verb, targets, sources, idx)
        if code[:2] >= "11":  # "airstrikes in support of Kurdish forces" are not aimed at them
            targets = [t for t in targets if (h := idx.mentions[t].head) is None or not _beneficiary(verb.doc[h], verb)]
        obliged: list[int] = []
        if obligation is not None:
            # "announced that Kagame must agree": whoever must act is the one demanded of, whatever their country
            obliged = [m for m in self._actors(self._subject(obligation[1])[0], idx) if m not in sources]
            targets = obliged or targets
        if code[:3] == "042" and targets and verb.pos_ in {"VERB", "AUX"} and not rule.startswith("user:"):
            # a visit's place is the verb's own object or prepositional object ("left for Syria", "visited Iran"),
            # not an actor somewhere further on ("leaving the way open for military action against Syria"); an
            # imported dictionary's "+" keeps PETRARCH's meaning (any actor after the words before it)
            light = [c for c in verb.children if c.dep_ in {"dobj", "obj"}] \
                if verb.lemma_.lower() in self.lexicon.light_verbs else []  # "made a visit to Kyiv": the noun's
            targets = [t for t in targets if any(_direct_argument(v, verb.doc[idx.mentions[t].head])
                                                 for v in (verb, *light))]
        if "target" not in slots and verb.lemma_.lower() in self.lexicon.topic_verbs and targets:
            # "Trump and May discussed Syria": Syria is the topic, "gathered evidence" a thing; the partners are
            # with-phrases or co-subjects
            holders = [verb, *[c for c in verb.children if c.dep_ in {"dobj", "obj"}]]  # "discussed X with Y"
            partners = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                        for g in c.children if g.dep_ == "pobj"]
            targets = [m for p in partners for m in self._actors(p, idx) if m not in sources]
        compound = "compound" in slots
        if match is not None and any(verb.doc[i].lower_ in NEGATION_WORDS for i in match.tokens):
            rule += ":negation"  # the pattern codes the negated act itself ("NOT * [112]"): that event happened
        if code == STATEMENT_CODE and targets and "target" not in slots:
            targets = [t for t in targets if _addressed(verb, verb.doc[idx.mentions[t].head or verb.i])]
        if targets and "target" not in slots and verb.lemma_.lower() in REPORTING_VERBS and sources:
            own = {idx.mentions[m].actor.country for m in sources} - {None}
            reported = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"}]
            inside = {t.i for c in reported for t in c.subtree}
            speaker_side = any(h in own for c in reported for h in
                               {idx.mentions[m].actor.country for m in self._actors(self._subject(c)[0], idx)})
            targets = [t for t in targets if t in obliged or idx.mentions[t].head not in inside or (
                idx.mentions[t].actor.country not in own  # "insisted that Chile would not pay": itself
                and (verb.lemma_.lower() not in WARNING_VERBS or speaker_side))]  # a warning threatens only by one's
            #                                                                  own side
            if not targets and verb.lemma_.lower() in WARNING_VERBS and speaker_side:
                for c in reported:  # "warned that police will not tolerate protests by X": whom the action is aimed at
                    targets = [t for t in self._default_targets(c, self._verb_phrase(c, sent, set()), idx,
                                                                set(sources))
                               if idx.mentions[t].actor.country not in own]
                    if targets:
                        break
        if targets and "target" not in slots and obligation is None and (
                code[:2] == "01" or verb.lemma_.lower() in NEUTRAL_REPORTING | AGREEING_VERBS):
            # "Iran said it would not negotiate with the US", "diplomats warned that the capture of Isis fighters
            # ...": an actor inside the reported clause belongs to the reported event, not the speaker's addressee.
            reported = {t.i for c in verb.children if c.dep_ in {"ccomp", "parataxis"} for t in c.subtree}
            if code[:2] == "01":  # and clauses on the statement's object: "expressed fears that HTS could ..."
                reported |= {t.i for d in verb.subtree if d.dep_ in {"acl", "relcl", "ccomp"} and d.head != verb
                             for t in d.subtree}
            targets = [t for t in targets if idx.mentions[t].head not in reported]
        if received:
            return [_Candidate(verb, code, None, rule + ":received", kind, targets, sources, False)] if targets else []
        if not sources and reverse == code and len(targets) >= 2 and any(
                c.dep_ == "prep" and c.lower_ == "between" for c in verb.children):
            # "Fighting erupted between X and Y", "talks resumed between X and Y": a mutual act of the two sides
            return [_Candidate(verb, code, None, rule, kind, targets, [], True)]
        if code[:3] in VISIT_CODES and sources and all(_private_person(idx.mentions[m].actor) for m in sources):
            return []  # "Begum travelled to Syria": a private person's trip is no visit by her state
        return [_Candidate(verb, code, reverse, rule, kind, sources, targets, compound)]

    def _obligation(self, verb: "Token") -> tuple[str, "Token"] | None:
        """A statement whose reported clause has "must"/"should" ("said Sudan must return ..."), also through a
        speech noun ("issued a reminder to Iraq that it must cooperate"), or says its subject is to blame ("said
        the US was responsible for the tensions"): (demand, appeal or accusation code, the clause)."""
        if verb.lemma_.lower() in DIRECTIVE_VERBS and "must" in self.lexicon.obligations and any(
                c.dep_ in {"dobj", "obj", "dative"} for c in verb.children):
            order = next((c for c in verb.children if c.dep_ == "xcomp" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if order is not None:  # "told the United States to stay out": says it must
                return self.lexicon.obligations["must"], order
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        for obj in (c for c in verb.children if c.dep_ in {"dobj", "obj"}):
            clauses += [g for g in obj.children if g.dep_ in {"acl", "ccomp"} and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
        for clause in clauses:
            for aux in clause.children:
                if aux.dep_ == "aux" and aux.lower_ in self.lexicon.obligations:
                    return self.lexicon.obligations[aux.lower_], clause
            blamed = [c for c in clause.children if c.dep_ == "acomp" and c.lower_ in BLAME_ADJECTIVES]
            # (responsible "for ensuring security" is a duty, not blame)
            if clause.lemma_ == "be" and blamed and not any(c.dep_ == "neg" for c in clause.children) and not any(
                    g.dep_ == "pcomp" for c in blamed[0].children if c.dep_ == "prep" for g in c.children):
                return BLAME_CODE, clause  # "said the United States was responsible for the tensions": blames it
        return None

    def _moved_in_passive(self, verb: "Token", code: str, undergoer: "Token | None", idx: _Mentions
                          ) -> tuple[list[int], list[int]] | None:
        """Forces moved in an agentless passive ("Kenyan troops were deployed to Haiti", "more soldiers will be
        sent into the region") were moved by their own state, to where the verb's "to"/"into" phrase says."""
        if undergoer is None or verb.lemma_.lower() not in MOVING_VERBS or not code.startswith(MOVED_FORCE_CODES):
            return None
        movers = [m for m in self._actors(undergoer, idx)
                  if idx.mentions[m].actor.sector in ARMED_SECTORS and idx.mentions[m].actor.country]
        if not movers:
            return None
        states = {idx.mentions[m].actor.country for m in movers}
        dests = [m for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "into"}
                 for g in c.children if g.dep_ == "pobj" for m in self._actors(g, idx)
                 if idx.mentions[m].actor.country not in states]
        return movers, dests

    def _undergone_phrase(self, verb: "Token", head: "Token | None") -> list["Token"]:
        """The phrase of whoever undergoes a passive verb (``head``, from _passive_subject) before it, as the verb's
        patterns read an object ("a Russian warship was sunk": "* WARSHIP"): its head with the words that describe
        it, not its clauses."""
        if head is None or head.i > verb.i or head.tag_ in {"WDT", "WP", "PRP"} or \
                self.lexicon.noun_entries(head.lemma_.lower()):
            return []  # (an event noun, "sanctions were imposed", codes itself)
        out, stack = [], [head]
        while stack:
            t = stack.pop()
            if t.dep_ == "punct":
                continue
            out.append(t)
            stack.extend(c for c in t.children if c.dep_ not in UNDERGONE_SKIP_DEPS)
        return sorted(out, key=lambda t: t.i)

    def _passive_subject(self, verb: "Token") -> "Token | None":
        """Who undergoes a passive verb: its passive subject (the nearest, when the parser finds two: "In Ghouta,
        scene of the attack, civilians were killed"), the antecedent of a relative pronoun ("Assad, who has been
        backed by Russia"), or, for a passive infinitive or gerund, its controller ("the rebels began to be pushed
        back", "Hamas appeared to be targeted by Israel"); None for an active verb."""
        psubj = next((c for c in reversed(list(verb.lefts)) if c.dep_ in PASSIVE_SUBJECT_DEPS),
                     next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None))
        if psubj is not None and psubj.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
            return verb.head
        if psubj is None and _passive_infinitive(verb):
            return self._subject(verb.head)[0]
        return psubj

    def _attack_doer(self, verb: "Token", idx: _Mentions) -> list[int]:
        """Whoever carried out the attack a passive's victims fell in: "were killed in a Chilean air strike",
        "wounded during an attack by rebels"."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "during", "by"}:
                for pobj in child.children:
                    # (a "strike" one is killed in is an air or military strike, whatever else strikes are)
                    if pobj.dep_ == "pobj" and any(c[:2] in VIOLENCE_ROOTS
                                                   for e in self.lexicon.noun_entries(pobj.lemma_.lower())
                                                   for c in (e.code, *(c for _, c in e.modifier_codes)) if c):
                        doers = self._inner_actors(pobj, idx, of_phrase=False)
                        if doers:
                            return doers
        for clause in verb.children:
            # "three soldiers were killed when Pakistani troops fired across the border": the clause's attackers
            if clause.dep_ == "advcl" and any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "as"}
                                              for c in clause.children) \
                    and any((self.lexicon.default_codes(e)[0] or "")[:2] in VIOLENCE_ROOTS
                            for e in self._verb_entries(clause)):
                subj, _ = self._subject(clause)
                doers = self._actors(subj, idx) if subj is not None and subj.dep_ in SUBJECT_DEPS else []
                if doers:
                    return doers
        return []

    def _unidentified_force(self, verb: "Token", subj: "Token | None", sent: "Span",
                            idx: _Mentions) -> list[int]:
        """Violence reported through its weapon ("a roadside bomb killed", "killed in a car bomb explosion"):
        unidentified armed forces (UAF), of the country of the one place the sentence names."""
        weapon = None
        if subj is not None and self._weapon(subj):
            weapon = subj
        if weapon is None and any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
            for child in verb.children:
                if child.dep_ in {"prep", "agent"} and child.lower_ in {"in", "by"}:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and self._weapon(pobj):
                            weapon = pobj
        if weapon is None:
            return []
        # "hit by Russian missiles": a weapon its modifier gives an owner is that owner's, as in the active
        owners = [h for c in weapon.children if c.dep_ in {"amod", "compound", "nmod", "poss"}
                  for h in idx.all_at(c) if idx.mentions[h].actor.country]
        return owners or self._claimer(weapon, idx) or [self._context_actor(weapon, "UAF", sent, idx)]

    def _claimer(self, noun: "Token", idx: _Mentions) -> list[int]:
        """Who claimed responsibility for the blast ("Isis claimed responsibility for a bombing that killed 30"):
        they carried it out."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
            return []
        verb = prep.head.head
        if verb.lemma_.lower() not in CLAIMING_VERBS or verb.pos_ not in {"VERB", "AUX"}:
            return []
        subj, _ = self._subject(verb)
        return self._actors(subj, idx) if subj is not None else []

    def _weapon(self, noun: "Token") -> bool:
        """A weapon or blast ("a roadside bomb"), or an attack its modifier says was a terrorist's or insurgent's
        ("a suicide attack", "a gun attack"): an attack by itself may be any army's."""
        lemma = noun.lemma_.lower()
        return lemma in self.lexicon.weapons or any(
            f"{c.lemma_.lower()} {lemma}" in self.lexicon.weapons for c in noun.children
            if c.dep_ in {"compound", "amod"})

    def _crowd(self, subj: "Token | None", sent: "Span", idx: _Mentions) -> list[int]:
        """A protest by a crowd the text only counts ("Thousands rallied in Caracas"): civilians (CVL) of the
        country of the one place the sentence names."""
        if subj is None or subj.lemma_.lower() not in CROWD_WORDS or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in subj.children):
            return []
        return [self._context_actor(subj, "CVL", sent, idx)]

    def _context_actor(self, head: "Token", sector: str, sent: "Span", idx: _Mentions) -> int:
        """A mention the knowledge base could not give, of the country of the one state the sentence names as a
        place (none if it names several)."""
        # (by head: "in Beirut" inside the mention "a lawyer in Beirut" is a place of its own)
        # (a state named as a modifier is whose the thing is, not where: "missiles struck Iranian bases")
        places = {idx.mentions[i].actor.country for t in sent for i in idx.all_at(t)
                  if (idx.mentions[i].actor.code == idx.mentions[i].actor.country or idx.mentions[i].place) and
                  idx.mentions[i].actor.country and not (
                      (h := idx.mentions[i].head) is not None and head.doc[h].dep_ in MODIFIER_DEPS)}
        country = next(iter(places)) if len(places) == 1 else None
        return idx.add(head.doc[head.left_edge.i: head.i + 1], (country or "---") + sector, country, sector, 0.6,
                       head.i)

    def _measured_state(self, verb: "Token", sources: list[int], idx: _Mentions) -> list[int]:
        """Whom a curfew, a state of emergency or a ban with no one named is imposed on or eased for: the place the
        verb's phrase names ("the curfew imposed in Sudan"), else the state of the authority that decides it
        ("the Thai government lifted the state of emergency": Thailand)."""
        inside = {t.i for c in verb.children if c.dep_ in {"dobj", "obj"} or c.dep_ == "prep" and c.lower_ in
                  LOCATIVE_PREPS | {"on", "over", "for"} for t in c.subtree}
        named = sorted({m for i in inside for m in idx.all_at(verb.doc[i])})
        places = [m for m in named if idx.mentions[m].actor.code == idx.mentions[m].actor.country]
        if places:
            return places[:1]
        if named:
            return []  # "ban the VHP and the Bajrang Dal": whoever it names, even if the clause did not make it so
        states = {idx.mentions[m].actor.country for m in sources}
        state = next(iter(states)) if len(states) == 1 else None
        if state is None or len(state) != 3 or state in TRANSNATIONAL or state in self.nonstates or any(
                idx.mentions[m].actor.code == state for m in sources):
            return []  # (a state that decides it for itself, "Sri Lanka declared ...", names no other side)
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), verb)
        return [idx.add(verb.doc[obj.left_edge.i: obj.right_edge.i + 1], state, state, None, 0.5, None)]

    def _place_of(self, verb: "Token", idx: _Mentions, preps: frozenset[str] | set[str] = LOCATIVE_PREPS,
                  where: bool = False) -> list[int]:
        """The actor named in the verb's locative phrase ("arrested *in Lebanon*"); with ``where``, also the
        antecedent of a relative "where" ("Syria, where fighters are held")."""
        phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps]
        # "blocked roads in the capital": the parser may hang the place on the object
        phrases += [c for o in verb.children if o.dep_ in {"dobj", "obj"} for c in o.children
                    if c.dep_ == "prep" and c.lower_ in preps]
        stateless: list[int] = []  # ("held in prisons": a place of no known state, if nothing better)
        for child in phrases:
            for pobj in child.children:
                place: "Token | None" = pobj if pobj.dep_ == "pobj" else None
                for _ in range(3):  # "in the capital city of Algiers", "in the streets of Nairobi"
                    if place is None:
                        break
                    hit = idx.at(place)
                    if hit is not None and idx.mentions[hit].actor.country:
                        return [hit]
                    if hit is not None:
                        stateless = stateless or [hit]
                        break
                    # (and "in an air strike in Baghdad": where the event the phrase names happened)
                    place = next((g for p in place.children if p.dep_ == "prep" and (p.lower_ == "of" or (
                        p.lower_ in preps and self.lexicon.noun_entries(place.lemma_.lower())))
                                  for g in p.children if g.dep_ == "pobj"), None)
        if where and verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children) and \
                idx.at(verb.head) is not None:
            return [idx.at(verb.head)]  # "north Syria, where 800 fighters are held": where is the antecedent
        return stateless

    def _expand(self, mention_id: int, idx: _Mentions, doc: "Doc") -> list[int]:
        """A slot binds a whole coordination: "% *" on "The Philippines and France agree" is both."""
        head = idx.mentions[mention_id].head
        if head is None:
            return [mention_id]
        found = self._actors(doc[head], idx)
        return found if mention_id in found else [mention_id, *found]

    def _sources(self, verb: "Token", subj_tok: "Token | None", idx: _Mentions) -> list[int]:
        if subj_tok is None:
            return []
        # An event noun as subject is not its owner acting: "Bangladesh's rejection suggested ..." is not
        # Bangladesh suggesting ("Israel's high court ruled" is the court, and its owner, acting).
        event_noun = self.lexicon.noun_entries(subj_tok.lemma_.lower())
        material = bool(event_noun) and any(self.ontology.cameo_info(e.code).quad_class in (2, 4)
                                            for e in event_noun if self.ontology.is_cameo(e.code))
        fronted = _fronted_subject(verb, subj_tok)
        if fronted:
            return list(dict.fromkeys(h for t in fronted for h in (idx.all_at(t) or self._inner_actors(t, idx))))
        # ... but "US Predator attacks killed ...": the attacks' owner did the killing, and "the bombing of a school
        # by Israeli aircraft killed ...": the by-phrase's
        found = [h for c in subj_tok.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children
                 if g.dep_ == "pobj" for h in self._actors(g, idx)] if material else []
        found = found or self._actors(subj_tok, idx, inner=not event_noun or material)
        if verb.dep_ == "relcl" and subj_tok.i == verb.head.i and _singular(verb):
            # "Isis, Assad's troops and Turkey, which regards ...": a singular relative clause after a list is
            # about its last item (wherever the parser hangs it)
            last = max((subj_tok, *subj_tok.conjuncts), key=lambda t: t.i)
            if last.i < verb.i:
                found = [h for h in found if idx.mentions[h].head == last.i] or found
        for other in _split_subjects(verb, subj_tok):
            found += [m for m in self._actors(other, idx) if m not in found]
        if not found and material:
            # "The attack, which was claimed by the Islamic State, killed ...": who claimed it carried it out
            found = [h for c in subj_tok.children if c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in CLAIMING_VERBS
                     for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
                     for h in self._actors(g, idx)]
        if not found and subj_tok.lower_ in SUBJECT_PRONOUNS:
            found = self._antecedent(subj_tok, idx) or self._previous_subject(subj_tok, idx)
        if idx.previous_pair is not None and _names_a_pair(subj_tok) and all(
                idx.mentions[m].actor.country is None for m in found) and not (
                subj_tok.pos_ == "PRON" and any(idx.at(t) is not None and t.tag_ in {"NNS", "NNPS"}
                                                for t in subj_tok.sent if t.i < subj_tok.i)):
            # "Putin met Xi on Monday. The two leaders signed ..." (but "The Americans ...; they ..." are them)
            found = list(idx.previous_pair)
        return found

    def _previous_subject(self, pronoun: "Token", idx: _Mentions) -> list[int]:
        """"The Security Council met on Monday. It condemned ...": a sentence's first "it" or "they", before any
        actor of its own, is the subject of the sentence before -- a body or state for "it", a plural group or
        several actors for "they". A person is "he" or "she", so never "it"."""
        word = pronoun.lower_
        if word not in {"it", "they"} or pronoun.sent.start == 0:
            return []
        sent = pronoun.sent
        # actors in a fronted adverbial do not count: "After calling for France to act, it suggested ..."
        fronted = {t.i for c in sent.root.children if c.dep_ in {"advcl", "prep", "npadvmod"} and c.i < pronoun.i
                   for t in c.subtree} if pronoun.head.i == sent.root.i else set()
        if any(idx.at(t) is not None and t.i not in fronted for t in sent if t.i < pronoun.i):
            return []
        previous = pronoun.doc[sent.start - 1].sent
        subj, _ = self._subject(previous.root)
        if subj is None or subj.pos_ == "PRON" or subj.ent_type_ == "PERSON":
            return []
        found = self._actors(subj, idx)
        if not found:
            return []
        plural = len(found) > 1 or subj.tag_ in {"NNS", "NNPS"}
        if (word == "it") == plural:
            return []
        return found

    def _complained_about(self, verb: "Token", targets: list[int], sources: list[int], idx: _Mentions) -> list[int]:
        """"Lebanon complained to the United Nations over two Israeli air raids", "filed a complaint with the UN
        against Turkey": a complaint to a forum is aimed at whom it is about, not at the forum it is made to."""
        heads = [idx.mentions[t].head for t in targets]
        if any(h is None for h in heads) or not all(
                (a := idx.mentions[t].actor).country == "IGO" or (a.code or "").startswith("IGO") for t in targets) or \
                not all(verb.doc[h].dep_ == "pobj" and verb.doc[h].head.lower_ in {"to", "with", "before"}
                        for h in heads):
            return targets
        holders = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "obj"})]
        about = [h for o in holders for c in o.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS | {"against"}
                 for g in c.children if g.dep_ == "pobj" for h in self._object_actors(g, idx, reaction=True)
                 if h not in sources and h not in targets and idx.mentions[h].actor.country not in {None, "IGO"}]
        return about or targets

    def _placed_victim(self, target: int, verb: "Token", sources: list[int], idx: _Mentions) -> int:
        """"Bombers killed 23 people in Tel Aviv", "... when they blew themselves up in Tel Aviv": victims of no
        known country are of the state where they were hit (a new mention, as the sentence's context gives it)."""
        actor = idx.mentions[target].actor
        head = idx.mentions[target].head
        role = actor.code[3:] if actor.code and actor.code.startswith("---") else actor.sector  # (UAFMIL, a militia's)
        if actor.country is not None or head is None or not (actor.sector in VICTIM_SECTORS or role[:3] in
                                                             VICTIM_SECTORS):
            return target
        clauses = [verb, *(c for c in verb.children if c.dep_ == "advcl" and any(
            m.dep_ in {"mark", "advmod"} and m.lower_ in {"when", "as", "while"} for m in c.children))]
        # ... or where the subject was: "the bombing campaign in Yemen has killed thousands of civilians"
        clauses += [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "NOUN"]
        for clause in clauses:
            place = [h for h in self._place_of(clause, idx) if idx.mentions[h].actor.country and h not in sources]
            if place:
                country = idx.mentions[place[0]].actor.country
                tok = verb.doc[head]
                return idx.add(verb.doc[tok.left_edge.i:tok.i + 1], country + role, country, actor.sector, 0.6, head)
        return target

    def _held_person(self, target: int, verb: "Token", sources: list[int], idx: _Mentions) -> int:
        """"Venezuela freed several opposition activists", "the junta detained two journalists": people of no known
        country whom a state arrests or releases are in its custody, of that state (a new mention)."""
        actor = idx.mentions[target].actor
        head = idx.mentions[target].head
        states = {idx.mentions[m].actor.country for m in sources}
        if actor.country is not None or actor.sector not in HELD_SECTORS or head is None or len(states) != 1 or \
                any(idx.mentions[m].actor.sector not in CUSTODIAN_SECTORS for m in sources):
            return target  # (hostages an armed group frees are anyone's)
        state = next(iter(states))
        if state is None or len(state) != 3 or state in TRANSNATIONAL or state in self.nonstates:
            return target
        tok = verb.doc[head]
        role = actor.code[3:] if actor.code and actor.code.startswith("---") else actor.sector  # (OPP, not CVL)
        return idx.add(verb.doc[tok.left_edge.i:tok.i + 1], state + role, state, actor.sector, 0.5, head)

    def _other_owner(self, verb: "Token", sources: list[int], idx: _Mentions) -> list[int]:
        """"The coast guard said Chinese vessels fired at its boats": a hostile act on what "its" or "their" owns
        is aimed at the owner. When the pronoun cannot be the verb's own subject (vessels are no "it"), the owner
        is the nearest actor before it that is the subject of another verb of the sentence, of another country
        or, in a civil conflict, of the other side."""
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"), None)
        if subj is None:
            return []
        plural = subj.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in subj.children)
        objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}] + [
            g for c in verb.children if c.dep_ == "prep" and c.lower_ in OWNED_TARGET_PREPS
            for g in c.children if g.dep_ == "pobj"]
        objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]  # "one of its boats" (not "forced their way in")
        pronoun = next((c for o in objects if o.lemma_.lower() not in ALLY_NOUNS | {"way"} for c in o.children
                        if c.dep_ == "poss" and c.tag_ == "PRP$" and idx.at(c) is None
                        and c.lower_ == ("their" if not plural else "its")
                        and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "own")), None)
        if pronoun is None:
            return []
        own = {idx.mentions[m].actor.code for m in sources}
        countries = {idx.mentions[m].actor.country for m in sources}
        civil = any(idx.mentions[m].actor.sector in NONSTATE_ARMED_SECTORS | CONFLICT_PARTY_SECTORS for m in sources)
        for other in reversed([t for t in pronoun.sent if t.i < pronoun.i and t.dep_ in SUBJECT_DEPS
                               and t.pos_ != "PRON" and t.head.i != verb.i and t.ent_type_ != "PERSON"
                               and t.lemma_.lower() not in PERSON_ROLES]):  # (no "its" stands for a person)
            found = [h for h in self._actors(other, idx) if h not in sources]
            if found and all((a := idx.mentions[h].actor).code not in own and a.country and (
                    a.country not in countries or civil or a.sector in NONSTATE_ARMED_SECTORS | CONFLICT_PARTY_SECTORS)
                    for h in found):
                return found
        return []

    def _antecedent(self, pronoun: "Token", idx: _Mentions) -> list[int]:
        """"Iran said it would not negotiate", "Ethiopia indicated it would act": the pronoun subject of a clause
        that a verb of saying or thinking reports (or controls) is that verb's subject."""
        clause = pronoun.head
        hops = 0
        while clause.dep_ in {"conj"} and hops < 3:
            clause, hops = clause.head, hops + 1
        if clause.dep_ not in {"ccomp", "xcomp"} or clause.head.i == clause.i:
            return []
        governor = clause.head
        if governor.lemma_.lower() not in REPORTING_VERBS | COGNITION_VERBS:
            return []
        subj, _ = self._subject(governor)
        if subj is None or subj.lower_ in SUBJECT_PRONOUNS:
            return []
        return self._actors(subj, idx)

    # -- noun triggers ---------------------------------------------------------------------------
    def _code_noun(self, noun: "Token", entries: list[NounEntry], idx: _Mentions) -> list[_Candidate]:
        if _in_defiance(noun):
            return []  # "exchanged fire despite the truce", "in violation of the ceasefire": in force before, not new
        entry = entries[0]
        code = entry.code
        modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}}
        for word, other in entry.modifier_codes:
            if word in modifiers:  # "a hunger strike", "an air strike"
                code = other
                break
        thing = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None) if entry.object_codes else None
        if thing is not None and code == entry.code:
            # "the expulsion of diplomats" (161), "a suspension of aid" (162): what the act is done to says what
            # kind of act it is; the target may hang on that object ("a suspension of air links with Serbia")
            code = dict(entry.object_codes).get(thing.lemma_.lower(), code)
        if not code or code == "---":
            return []  # a noun that is an event only with its modifier ("a missile test", not "a test")
        if entry.complement:
            for child in noun.children:
                if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in _split_words(entry.complement):
                    code = entry.complement_code or code
        sources: list[int] = []
        targets: list[int] = []
        target_prep = ""
        between: list[int] = []
        phrases = list(noun.children)
        for acl in noun.children:
            passive_relative = acl.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in acl.children) and any(
                c.dep_ == "nsubjpass" and c.tag_ in {"WDT", "WP"} for c in acl.children)  # "which were imposed by"
            if (acl.dep_ == "acl" and acl.tag_ == "VBN" or passive_relative) and \
                    acl.lemma_.lower() in DOING_PARTICIPLES:
                # "sanctions imposed on Syria by the EU": the participle's phrases are the noun's own (but not
                # "sanctions lifted by Obama", "a deal abandoned by the US", "a strike expected by officials")
                phrases += [g for g in acl.children if g.dep_ in {"prep", "agent"}]
        for child in phrases:
            if child.dep_ in {"poss", "compound", "amod", "nmod", "npadvmod"} and child.i < noun.i:
                # every actor among the modifiers: "US-Iranian talks", "the Iran-Iraq treaty"
                for t in child.subtree:
                    hit = idx.at(t)
                    if hit is not None and hit not in sources and idx.mentions[hit].head == t.i and \
                            not _against(idx.mentions[hit], noun.doc):  # (not who sponsors: "UN-sponsored talks")
                        sources.append(hit)
            elif child.dep_ == "prep" or child.dep_ == "agent" and child.head.i != noun.i:
                prep = child.lower_
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if prep == "between" and pobj is not None:
                    between.extend(self._actors(pobj, idx))
                elif prep == "by" and pobj is not None:
                    sources.extend(h for h in self._actors(pobj, idx) if h not in sources)
                elif prep == "of" and pobj is not None and code[:3] == GUEST_CODE and \
                        any(c.dep_ == "prep" and c.lower_ in {"to", "in"} for c in noun.children):
                    # "the visit of the Chinese president to Moscow": the visitor
                    sources.extend(h for h in self._actors(pobj, idx) if h not in sources)
                elif prep == "of" and pobj is not None and self.lexicon.is_unilateral(code) and \
                        "of" not in entry.target_preps:
                    # "the withdrawal of US troops": an act with no other side is done by its of-phrase (named
                    # as such: "the withdrawal of forces from Panama" is no withdrawal of Panama's forces)
                    sources.extend(h for h in self._actors(pobj, idx) if h not in sources
                                   and idx.mentions[h].actor.country and idx.mentions[h].actor.resolution != "context")
                    if not targets:  # (the parser hangs "from Panama" on the forces: it is the withdrawal's)
                        targets = [h for c in pobj.children if c.dep_ == "prep" and c.lower_ in entry.target_preps
                                   for g in c.children if g.dep_ == "pobj" for h in self._actors(g, idx)]
                        target_prep = next((c.lower_ for c in pobj.children if c.dep_ == "prep"
                                            and c.lower_ in entry.target_preps), target_prep) if targets else ""
                elif prep in entry.target_preps and pobj is not None and not targets:
                    targets = self._actors(pobj, idx)
                    target_prep = prep
            elif child.dep_ in {"acl", "ccomp", "relcl"} and "that" in entry.target_preps and not targets and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in child.children):
                subj, _ = self._subject(child)  # "claims that the Iranian regime is supplying ...": the accused
                targets = self._actors(subj, idx)
        if not targets and thing is not None and code != entry.code:
            targets = [h for c in thing.children if c.dep_ == "prep" and c.lower_ in entry.target_preps
                       for g in c.children if g.dep_ == "pobj" for h in self._actors(g, idx)]
            if not targets and entry.code == "---":
                return []  # "the suspension of the bus links": cut off from no one named
        carrier = noun.head if noun.dep_ in {"dobj", "obj", "nsubjpass"} and \
            noun.head.lemma_.lower() in self.lexicon.light_verbs \
            else noun.head.head if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in PARTICIPANT_PASSIVES \
            else None
        if not targets and carrier is not None:
            # "made concessions to the EU", "were engaged in ethnic cleansing against the Albanians": the parser
            # hangs the noun's target on its light verb
            for child in carrier.children:
                if child.dep_ in {"prep", "dative"} and child.lower_ in entry.target_preps and child.i > noun.i:
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    targets = self._actors(pobj, idx) if pobj is not None else []
                    if targets:
                        break
        own = idx.at(noun)
        if own is not None and own not in sources and not (
                idx.mentions[own].actor.country is None and idx.span.get(own) == (noun.i, noun.i)):
            # "the US-Iran talks" parsed with the actor inside the trigger's phrase (but "an insurgency", a bare
            # role word, names no one)
            sources.append(own)
        if not between and entry.symmetric and noun.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
            # "Clashes broke out between X and Y", "Fighting erupted between ...": the parties on the noun's verb
            between = [h for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "between"
                       for g in c.children if g.dep_ == "pobj" for h in self._actors(g, idx)]
        # "a US-brokered ceasefire between Israel and Lebanon": the broker mediates between the parties (045)
        brokers = [h for c in noun.children if c.dep_ in MODIFIER_DEPS | {"npadvmod"} for t in c.subtree
                   if t.lower_ in BROKER_WORDS and t.i > 0 and t.doc[t.i - 1].text in ("-", "–")
                   for h in idx.all_at(t.doc[t.i - 2]) if h not in between]
        brokered = [_Candidate(noun, MEDIATION_CODE, None, entry.id + ":broker", "noun", brokers, list(between),
                               False)] if brokers and between else []
        if len(between) >= 2:
            if entry.symmetric and not sources:  # "talks between X and Y"
                return [_Candidate(noun, code, None, entry.id, "noun", between, [], True), *brokered]
            targets = between  # "mediation between X and Y": the parties are the targets
        if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in {"VERB", "AUX"} and \
                self._quad(code) in (3, 4):
            return self._undergone(noun, code, entry.id, sources, idx)
        if not sources and not targets and noun.dep_ in {"dobj", "obj"} and \
                noun.head.lemma_.lower() in RECEIVING_VERBS:
            # "Japan's decision drew protests from China", "Ukraine received aid from the US": the from-phrase
            # does it, to the subject of the verb that received it
            froms = [h for holder in (noun, noun.head) for c in holder.children if c.dep_ == "prep"
                     and c.lower_ == "from" for g in c.children if g.dep_ == "pobj" for h in self._actors(g, idx)]
            receivers = [h for h in self._actors(self._subject(noun.head)[0], idx) if h not in froms]
            if froms and receivers:
                sources, targets = list(dict.fromkeys(froms)), receivers
                if code[:2] == "14" and all(_official(idx.mentions[m].actor) for m in sources):
                    code = OFFICIAL_COMPLAINT_CODE  # protests from China: a state complains, it does not march
        if not targets and code[:2] in VIOLENCE_ROOTS:
            # "a drone attack on an oil facility in Saudi Arabia": what was hit is where it is (but "an attack by X
            # in Y" says only where, as PETRARCH's conventions have it)
            holders = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in entry.target_preps
                       for g in c.children if g.dep_ == "pobj" and not self._actors(g, idx)]
            targets = [h for holder in holders for c in holder.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}
                       for g in c.children if g.dep_ == "pobj" for h in self._actors(g, idx)
                       if (idx.mentions[h].place or idx.mentions[h].actor.code == idx.mentions[h].actor.country)
                       and h not in sources][:1]
        own_sources = bool(sources)
        if not sources:
            sources = self._implicit_agent(noun, idx, code)
        if not targets and sources and code[:2] in VIOLENCE_ROOTS and (
                own_sources or noun.dep_ in {"dobj", "obj"} or noun.dep_ == "pobj" and
                noun.head.head.lemma_.lower() in RESPONSIBILITY_NOUNS) and not any(
                c.dep_ in {"prep", "agent"} and c.lower_ == "by" for c in noun.children):
            # "Israel's offensive in Gaza", "a US raid in northern Syria": force used in a state is used on
            # it ("carried out strikes inside Iran", "claimed responsibility for the attack in Kabul": by the
            # subject of the verb it is the object of, too; not "vetoed an inquiry into attacks in Syria")
            # (but in "an attack by X soldiers in Y" the place may be where the soldiers are)
            targets = [h for c in noun.children if c.dep_ == "prep" and c.lower_ in {"in", "inside"}
                       for g in c.children if g.dep_ == "pobj" for h in self._actors(g, idx)
                       if idx.mentions[h].actor.code == idx.mentions[h].actor.country and h not in sources and
                       idx.mentions[h].actor.country not in {idx.mentions[m].actor.country for m in sources}]
        military = dict(entry.modifier_codes).get("military")
        if military and code == entry.code and sources and all(self._state_force(m, noun, idx) for m in sources):
            code = military  # "a US strike", "the strike Trump ordered": states and armies do not go on strike
        elif military and code == entry.code and targets and (target_prep == "on" or all(
                idx.mentions[t].actor.sector in ARMED_TARGET_SECTORS for t in targets)):
            # "a strike on Douma", "strikes against foreign fighters": workers strike against an employer or a
            # government, not on a place or against armed men
            code = military
        if code[:2] == "14" and noun.dep_ == "pobj" and noun.head.lower_ in {"in", "as"} and \
                noun.head.head.pos_ == "VERB" and not any(c.dep_ == "det" for c in noun.children) and sources and \
                all(_official(idx.mentions[m].actor) for m in sources):
            code = OFFICIAL_COMPLAINT_CODE  # "recalled its ambassador in protest at X": a state complains, not marches
        if entry.symmetric and len(sources) >= 2 and not targets:
            return [_Candidate(noun, code, None, entry.id, "noun", sources, [], True)]
        if not sources or ("that" in entry.target_preps and not targets):
            return brokered  # an accusation noun needs its accused
        return [_Candidate(noun, code, None, entry.id, "noun", sources, targets, False), *brokered]

    def _undergone(self, noun: "Token", code: str, rule: str, sources: list[int],
                   idx: _Mentions) -> list[_Candidate]:
        """"Kenyan troops came under attack from Somali militants", "officials were placed under investigation in
        Uganda", "Iran remains under UN sanctions": whoever is under it is the target; the doer is the noun's own
        actor or a from/by phrase, else (for arrests and investigations) the authorities of where it happens."""
        verb = noun.head.head
        # (the one placed under it: "were placed", else the subject: "came under", "remains under"; or an object
        # before the phrase: "invited Kurdish leaders under assault from Turkey")
        subj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"} and c.i < noun.i), None) or \
            next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None) or self._subject(verb)[0]
        targets = self._actors(subj, idx)
        if not sources:
            sources = [h for holder in (noun, verb) for c in holder.children
                       if c.dep_ in {"prep", "agent"} and c.lower_ in {"from", "by"}
                       for g in c.children if g.dep_ == "pobj" for h in self._actors(g, idx)]
        if not sources and code[:2] in AGENTLESS_PLACE_ROOTS | INQUIRY_ROOTS:
            sources = self._place_of(verb, idx) or self._place_of(noun, idx)
        sources = [h for h in dict.fromkeys(sources) if h not in targets]
        if not sources or not targets:
            return []
        return [_Candidate(noun, code, None, rule, "noun", sources, targets, False)]

    @staticmethod
    def _state_force(mention_id: int, noun: "Token", idx: _Mentions) -> bool:
        """A state, its government or its forces: "France", "a US strike", "Syrian troops"; not the demonym of
        someone else ("Peruvian miners": the miners act)."""
        mention = idx.mentions[mention_id]
        if not mention.actor.country or mention.actor.sector not in STATE_FORCE_SECTORS:
            return False
        head = noun.doc[mention.head] if mention.head is not None else None
        return mention.actor.sector is not None or head is None or \
            head.dep_ not in {"amod", "compound", "nmod"} or head.head.i == noun.i

    def _is_catenative(self, verb: "Token", idx: _Mentions | None = None) -> bool:
        """"was going to wait", "is set to meet", "helped to foment": the verb only hands the event to its
        infinitive (but "helped the rebels retake the town" helps the rebels: an actor as its object)."""
        return verb.lemma_.lower() in self.lexicon.catenative and any(
            c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} for c in verb.children) and not (
            idx is not None and any(c.dep_ in {"dobj", "obj"} and idx.all_at(c) for c in verb.children))

    def _has_own_source(self, noun: "Token", idx: _Mentions) -> bool:
        """An event noun a verb pattern used ("pressed ahead with sanctions") still reports an event of its own
        when it names its own actor ("*UN* sanctions against Iran")."""
        return any(idx.at(t) is not None for c in noun.children
                   if c.dep_ in {"poss", "compound", "amod", "nmod"} for t in c.subtree) or any(
            idx.at(g) is not None for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
            for g in c.children if g.dep_ == "pobj") and noun.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
        # ("the talks between the US and the Taliban resumed"; but "hosted talks between X and Y": the host's)

    def _implicit_agent(self, noun: "Token", idx: _Mentions, code: str | None = None,
                        depth: int = 0) -> list[int]:
        """Who carries out an event noun without a possessor or by-phrase: the subject of the light verb it is the
        object of ("Iran *held* talks"), or of the clause an adjunct phrase holding it belongs to ("After a round
        of negotiations with X, the administration announced ...")."""
        tok, hops = noun, 0
        while tok.dep_ in {"pobj", "prep"} and hops < 4:
            tok = tok.head
            hops += 1
            if tok.dep_ == "prep" and tok.head.pos_ == "NOUN" and tok.head.i != noun.i and depth < 2 and \
                    self.lexicon.noun_entries(tok.head.lemma_.lower()):
                if tok.lower_ not in MANNER_PREPS:
                    return []  # "demands for an end to the strike": the strike is not the demanders'
                # "continued a hunger strike in protest of X": the protest is the strikers'
                return self._implicit_agent(tok.head, idx, code, depth + 1)
            if tok.dep_ == "prep" and tok.head.pos_ == "NOUN" and (tok.head.lemma_.lower() not in PHASE_NOUNS |
                                                                  RESPONSIBILITY_NOUNS or tok.lower_ == "to"):
                # (and "called for an end *to* the sanctions": not the callers' sanctions, unlike "the end of")
                # "called for an investigation of the attack": the attack is what is investigated; "extended the
                # curfew in response to unrest": the unrest is not the government's
                return []
            if tok.dep_ == "prep" and tok.head.pos_ in {"VERB", "AUX"} and tok.lower_ in ACCUSED_OF_PREPS and \
                    tok.head.lemma_.lower() in ACCUSING_VERBS:
                # "accused Israel of the attack", "blamed Ukraine for the attack": the accused did it (as alleged)
                return [h for c in tok.head.children if c.dep_ in {"dobj", "obj"} for h in self._actors(c, idx)]
            if tok.dep_ == "prep" and tok.head.pos_ in {"VERB", "AUX"}:
                if tok.lower_ in TOPIC_PREPS | OPPOSING_PREPS or tok.lower_ in REASON_PREPS and code is not None and \
                        code[:2] in VIOLENCE_ROOTS and tok.head.lemma_.lower() not in COMMAND_VERBS | PERMIT_VERBS:
                    # "lodged a protest over the detention of a businessman": what it is about; "vowed revenge for
                    # the killing of X", "arrested for the attack": why, not the subject's own act (but "gave the
                    # order for air strikes": its own)
                    return []
                if code is not None and code[:2] in ADJUNCT_EVENT_ROOTS and (tok.lower_ in CIRCUMSTANCE_PREPS or (
                        code[:2] == "14" and tok.lower_ == "at")) and \
                        not any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
                    # "resigned after protests in Baghdad": others protested ("in protest": the subject);
                    # "tracking movements since the attack on Douma": the trackers did not attack; "spoke at a rally":
                    # a rally is where it was said, not the speaker's protest (but "retook
                    # the village after fighting with guerrillas": the noun's "with" names the other side)
                    return []
                if tok.head.lemma_.lower() in VICTIM_VERBS or (any(
                        c.dep_ in PASSIVE_SUBJECT_DEPS for c in tok.head.children)
                        and tok.head.lemma_.lower() not in PARTICIPANT_PASSIVES):
                    return []  # "40 people died in a strike", "were killed in clashes": victims, not agents
                subj, _ = self._subject(tok.head)
                if subj is None and tok.head.lemma_.lower() in PARTICIPANT_PASSIVES:
                    subj = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
                return self._actors(subj, idx) if subj is not None and subj.dep_ != "poss" else []
        if (tok.i != noun.i and tok.lemma_.lower() in RESPONSIBILITY_NOUNS or tok.head.lemma_.lower() in
                CLAIMING_VERBS and code is not None and code[:2] in VIOLENCE_ROOTS) and tok.dep_ in {"dobj", "obj"}:
            if tok.head.lemma_.lower() in DENYING_VERBS:
                return []  # "Israel denied responsibility for the strike": no one is named as its doer
            subj, _ = self._subject(tok.head)  # "Isis claimed responsibility for the attack": Isis attacked
            return self._sources(tok.head, subj, idx) if subj is not None else []
        if noun.dep_ in {"dobj", "obj", "nsubjpass"} and noun.head.pos_ in {"VERB", "AUX"}:
            verb = noun.head
            if verb.lemma_.lower() in self.lexicon.light_verbs:
                subj, _ = self._subject(verb)
                found = self._sources(verb, subj, idx)  # pronouns included: "NATO said it would tighten ..."
                if found:
                    return found
            if noun.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in verb.children) and any(
                    c.dep_ == "aux" and c.lower_ in PROPOSAL_MODALS for c in verb.children):
                # "Penalties against X should be considered, it suggested": an unattributed measure a speaker
                # proposes is the speaker's (hypothetical) act; "sanctions were imposed, X said" is not X's
                clause = verb
                while clause.dep_ == "conj" and clause.head.i != clause.i:
                    clause = clause.head
                if clause.dep_ in {"ccomp", "parataxis"} and \
                        clause.head.lemma_.lower() in REPORTING_VERBS | PROPOSING_VERBS:
                    speaker = clause.head
                    subj, _ = self._subject(speaker)
                    return self._sources(speaker, subj, idx)
        return []

    # -- adjective triggers ("X is critical of Y") --------------------------------------------------
    def _code_adjective(self, adj: "Token", idx: _Mentions) -> list[_Candidate]:
        entry = self.lexicon.adjectives.get(adj.lemma_.lower()) or self.lexicon.adjectives[adj.lower_]
        if adj.tag_ == "VBN":  # "Israel is opposed to ...", parsed as a passive
            subj = next((c for c in adj.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        else:
            copula = adj.head
            while adj.dep_ == "conj" and copula.dep_ == "acomp":
                copula = copula.head
            subj, _ = self._subject(copula)
        sources = self._actors(subj, idx)
        targets: list[int] = []
        code = entry.code
        for child in adj.children:
            if child.dep_ == "prep" and child.lower_ in entry.target_preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        targets = self._object_actors(pobj, idx)
                        # "opposed to French mediation": opposing what another side offers or does rejects it
                        code = dict(entry.object_codes).get(pobj.lemma_.lower(), code)
        if not sources or not targets:
            return []
        return [_Candidate(adj, code, None, entry.id, "noun", sources, targets, False)]

    def _code_evaluation(self, word: "Token", idx: _Mentions) -> list[_Candidate]:
        """"China said the US sanctions were illegal", "The sanctions are illegal, China said", "described Iran's
        detention of X as unacceptable", "called the decision a provocation": a judgement of what the subject or the
        object names is a criticism (or praise) of whoever did it, by whoever says it. The speech act happened:
        the reporting or labelling verb is the trigger. Negated or modal judgements ("would be a mistake") are no
        judgement made."""
        head = word
        if head.dep_ in {"amod", "compound"} and head.head.pos_ == "NOUN" and head.head.i > head.i and \
                head.head.lower_ != "as":
            head = head.head  # "called Russia a terrorist state": the judging word modifies the predicate noun
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # "illegal and unilateral"
        speaker_verb: "Token | None" = None
        judged: "Token | None" = None
        if head.dep_ in {"acomp", "attr"} and head.head.lemma_.lower() == "be":
            copula = head.head
            if _hedged(copula, head):
                return []
            judged = next((c for c in copula.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if copula.dep_ == "acl" and copula.head.lemma_.lower() in MESSAGE_NOUNS:
                # "said in a statement that ...", "issued a statement saying ...": the message's author
                message = copula.head
                speaker_verb = message.head.head if message.dep_ == "pobj" else message.head
                if speaker_verb.pos_ not in {"VERB", "AUX"}:
                    speaker_verb = None
            else:  # "China said the US sanctions were illegal", "The sanctions are illegal, China said"
                speaker_verb = _judging_speech(copula)
        elif head.dep_ in {"dobj", "obj"} and head.head.lemma_.lower() in COMMITTING_VERBS:
            clause = head.head  # "said Russia was committing war crimes": who commits them is judged
            if _hedged(clause):
                return []
            judged = self._subject(clause)[0]
            speaker_verb = _judging_speech(clause)
        else:
            # "called the move illegal", "deemed it a provocation", "described the arrests as unacceptable", "as a
            # blatant violation" (and "as" read as the adjective's noun): the labelling verb's object is judged
            if head.dep_ in {"oprd", "acomp", "xcomp", "ccomp", "attr"} and \
                    head.head.lemma_.lower() in LABELLING_VERBS:
                speaker_verb = head.head
            elif head.dep_ in {"pobj", "amod"} and head.head.lower_ == "as" and \
                    head.head.head.lemma_.lower() in LABELLING_VERBS:
                speaker_verb = head.head.head
            if speaker_verb is not None:
                judged = next((c for c in speaker_verb.children if c.dep_ in {"dobj", "obj"}), None)
        if speaker_verb is None or judged is None or judged.tag_ in {"PRP", "EX", "WDT"}:
            return []
        if any(c.dep_ == "neg" for c in speaker_verb.children):
            return []
        subj, _ = self._subject(speaker_verb)
        sources = self._sources(speaker_verb, subj, idx)
        targets = [t for t in self._object_actors(judged, idx, reaction=True) if t not in sources and
                   idx.mentions[t].actor.code not in {idx.mentions[m].actor.code for m in sources}]
        if not sources or not targets:
            return []
        code = self.lexicon.evaluations[word.lemma_.lower() if word.lemma_.lower() in self.lexicon.evaluations
                                        else word.lower_]
        return [_Candidate(speaker_verb, code, None, "evaluation:" + word.lower_, "noun", sources, targets, False)]

    # -- main ------------------------------------------------------------------------------------
    def __call__(self, doc: "Doc", mentions: list[Mention], document: Document) -> list[Event]:
        if not mentions:
            return []
        self._repair_lemmas(doc)
        venues = [self._venue_of(m, doc) for m in mentions]
        # (a venue's name is no actor of the events, though it stays a mention: "the Baghdad-Washington talks"
        # name their two sides)
        idx = _Mentions.build(doc, mentions, frozenset(i for i, v in enumerate(venues)
                                                       if v is not None and venues.count(v) == 1))
        events: list[Event] = []
        sentences = list(doc.sents)
        discarded = [self.lexicon.discard_phrases(s.text) if self.lexicon.discards else ([], False)
                     for s in sentences]
        if any(story for _, story in discarded):
            return []  # a story-level discard (sports results, chronologies): nothing in it is coded
        previous_dyad: tuple[int, int] | None = None  # the mutual event of the sentence before, if any
        for s_index, sent in enumerate(sentences):
            scope = _discarded_scope(sent, discarded[s_index][0])
            if scope is None:
                previous_dyad = None
                continue
            if not any(t.i in idx.by_token for t in sent) and not (
                    previous_dyad is not None and any(t.dep_ in SUBJECT_DEPS and _names_a_pair(t) for t in sent)):
                # "Crocker and Kazemi talked for four hours. No agreements were announced.": an event noun in a
                # sentence naming no actor continues the previous sentence's mutual event between the same sides.
                if previous_dyad is not None:
                    events.extend(self._carried_over(document, s_index, sent, previous_dyad, idx))
                previous_dyad = None
                continue
            used: set[int] = set()
            candidates: list[_Candidate] = []
            idx.previous_pair = previous_dyad
            for tok in sent:
                if tok.pos_ in {"VERB", "AUX"} or (tok.tag_ in VERB_TAGS and tok.pos_ != "NOUN"):
                    if self._is_catenative(tok, idx) or tok.dep_ == "prep":
                        continue  # (nor a participle used as a preposition: "According to X", "Following talks")
                    candidates.extend(self._code_verb(tok, sent, idx, used))
            for tok in sent:
                if tok.lower_ in self.lexicon.adjectives and (
                        (tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "conj"})
                        or (tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
                            and not any(c.dep_ == "agent" for c in tok.children))):
                    candidates.extend(self._code_adjective(tok, idx))  # "is critical of", "is opposed to"
            for tok in sent:
                if tok.pos_ in {"ADJ", "NOUN", "VERB"} and (tok.lemma_.lower() in self.lexicon.evaluations or
                                                            tok.lower_ in self.lexicon.evaluations):
                    candidates.extend(self._code_evaluation(tok, idx))  # "said the sanctions were illegal"
            for tok in sent:
                if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lexicon.carriers and tok.i not in used:
                    for child in tok.children:
                        if child.dep_ in {"compound", "amod", "nmod"}:
                            inner = self.lexicon.noun_entries(child.lemma_.lower())
                            if inner:  # "a mediation mission between X and Y": the mission's mediation
                                candidates.extend(self._code_noun(tok, inner, idx))
                                break
            for tok in sent:
                if tok.dep_ == "compound" and tok.head.i in idx.by_token:
                    continue  # "riot police", "protest leaders": a kind of actor, not an event
                gerund = tok.tag_ == "VBG" and tok.dep_ in {"nsubj", "nsubjpass"} and not any(
                    c.dep_ in SUBJECT_DEPS | {"dobj", "obj", "aux"} for c in tok.children)  # "Fighting ... erupted"
                claimed = tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in CLAIMING_VERBS
                if (tok.pos_ in {"NOUN", "PROPN"} or gerund) and (
                        tok.i not in used or gerund or claimed or self._has_own_source(tok, idx)):
                    entries = self.lexicon.noun_entries(tok.lemma_.lower()) if not gerund else []
                    entries = entries or self.lexicon.noun_entries(tok.lower_)
                    if entries:
                        candidates.extend(self._code_noun(tok, entries, idx))
            candidates = [c for c in candidates if c.trigger.i not in scope and not (
                c.rule.startswith("evaluation:") and any(o is not c and o.trigger.i == c.trigger.i and
                                                         o.code[:2] == c.code[:2] for o in candidates))]
            # (a judgement its verb already codes is one event: "called Putin a war criminal", 1121)
            self._ordered_restrictions(candidates, idx)
            self._aim_protests(candidates, idx)
            self._vowed_threats(candidates)
            self._aim_threats(candidates, idx)
            self._aim_refusals(candidates, idx)
            self._failed_settlements(candidates)
            self._border_deployments(candidates, idx)
            self._aim_mobilisations(candidates, idx)
            self._prepared_attacks(candidates, idx)
            self._aim_settlements(candidates, idx)
            sentence_events: dict[tuple, Event] = {}
            for cand in candidates:
                for event in self._emit(document, s_index, sent, cand, idx):
                    key = (event.source.code if event.source else None, event.target.code if event.target else None,
                           event.cameo_code)
                    old = sentence_events.get(key)
                    if old is None or _rank(event) > _rank(old):
                        sentence_events[key] = event
            targeted = {(e.trigger_start, e.source.code) for e in sentence_events.values() if e.target is not None}
            events.extend(e for e in sentence_events.values()
                          if e.target is not None or (e.trigger_start, e.source.code) not in targeted)
            previous_dyad = self._mutual_dyad(candidates, idx)
        return events

    def _venue_of(self, mention: Mention, doc: "Doc") -> int | None:
        """The meeting or accord a city or a capital names, if it names one ("the Minsk agreements", "the Paris
        climate agreement", "the Baghdad talks", "the opposition's Riyadh agreement"): it says where it was made, not
        who is party to it (but "Beijing's talks", "Beijing sanctions": a capital standing for its government)."""
        if not mention.place or mention.head is None:
            return None
        tok = doc[mention.head]
        while tok.dep_ in {"compound", "nmod"} and tok.head.pos_ in {"NOUN", "PROPN"} and tok.head.i != tok.i:
            tok = tok.head
        if tok.i != mention.head and tok.pos_ == "NOUN" and any(c.dep_ in {"det", "poss"} for c in tok.children) and \
                any(e.code[:2] in VENUE_ROOTS for e in self.lexicon.noun_entries(tok.lemma_.lower())[:1]):
            return tok.i
        return None

    def _ordered_restrictions(self, candidates: list["_Candidate"], idx: _Mentions) -> None:
        """"The government ordered the newspaper to suspend publication": a restriction its target is ordered to
        carry out is imposed by whoever ordered it (CAMEO 17), on the one ordered; the order is not also a demand.
        The orderer's own forces ordered to "quell the protests" are its means, not whom it restricts."""
        for cand in list(candidates):
            head = cand.trigger.head
            if cand.code[:2] != RESTRICTION_ROOT or cand.trigger.dep_ != "xcomp" or \
                    head.lemma_.lower() not in COMMAND_VERBS:
                continue
            order = next((o for o in candidates if o.trigger.i == head.i and o.sources), None)
            if order is None:
                continue
            own = {idx.mentions[s].actor.country for s in order.sources} - {None}
            if any(idx.mentions[s].actor.sector in FORCE_SECTORS and idx.mentions[s].actor.country in own
                   for s in cand.sources):
                continue
            if set(cand.sources) <= set(order.targets) and not set(order.sources) & set(cand.sources):
                cand.sources, cand.targets = list(order.sources), list(cand.sources)
                cand.trigger = order.trigger  # the order imposes it: as sure as the order itself
                if order in candidates and order.code[:2] == DEMAND_ROOT:
                    candidates.remove(order)  # the order is how the restriction was imposed, not a demand besides

    def _vowed_threats(self, candidates: list["_Candidate"]) -> None:
        """"Vowed to retaliate against Israel", "promised to punish the rebels": a vow of a hostile act threatens
        it (CAMEO 13, by what is vowed: force 138, sanctions 131, protest 133); the act itself
        stays coded as future. A vow's own code (PROMISE: an intent to cooperate, 030) gives way to the threat."""
        for cand in list(candidates):
            vow = cand.trigger.head
            threat = VOWED_THREATS.get(cand.code[:2])
            if threat is None or cand.kind == "noun" or cand.trigger.dep_ != "xcomp" or \
                    vow.lemma_.lower() not in VOW_VERBS or not cand.sources:
                continue
            own = [c for c in candidates if c.trigger.i == vow.i]
            if any(c.code[:2] == THREAT_ROOT for c in own):
                continue
            for c in own:
                candidates.remove(c)
            candidates.append(_Candidate(vow, threat, None, f"{cand.rule}:vowed", "verb", list(cand.sources),
                                         list(cand.targets), cand.compound))

    def _aim_threats(self, candidates: list["_Candidate"], idx: _Mentions) -> None:
        """A threat with no target is aimed at whoever its condition names: "threatened to stop negotiations if
        the United States goes ahead", "threatened a strike unless Israel rescinded the annexation"."""
        for cand in candidates:
            if cand.targets or cand.code[:2] != THREAT_ROOT or cand.kind == "noun":
                continue
            clauses = [cand.trigger, *(c for c in cand.trigger.children if c.dep_ in {"xcomp", "ccomp"})]
            for clause in clauses:
                condition = next((c for c in clause.children if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)), None)
                if condition is None:
                    continue
                subj, _ = self._subject(condition)
                found = [h for h in self._actors(subj, idx) if h not in cand.sources]
                if found:
                    cand.targets = found
                    break
            for clause in clauses[1:] if not cand.targets else []:
                # "warned it would take countermeasures against South Korea's drills": the threatener's own act
                # is aimed at the other's
                subj, _ = self._subject(clause)
                if subj is not None and subj.lower_ not in SUBJECT_PRONOUNS and \
                        not set(self._actors(subj, idx)) & set(cand.sources):
                    continue
                holders = [clause, *(c for c in clause.children if c.dep_ in {"dobj", "obj"})]
                found = [h for o in holders for c in o.children if c.dep_ == "prep" and c.lower_ in {"against", "on"}
                         for g in c.children if g.dep_ == "pobj"
                         for h in self._object_actors(g, idx, reaction=True) if h not in cand.sources]
                if found:
                    cand.targets = found
                    break

    def _aim_settlements(self, candidates: list["_Candidate"], idx: _Mentions) -> None:
        """A concession or cooperation with no target is made to whoever it was talked over with: "called off the
        strike after deliberations with the government", "agreed to suspend enrichment after talks with the EU"."""
        for cand in candidates:
            if cand.targets or cand.code[:2] not in SETTLEMENT_ROOTS or cand.kind == "noun":
                continue
            clauses = [cand.trigger, *(c for c in cand.trigger.children if c.dep_ in {"xcomp", "ccomp"})]
            if cand.trigger.dep_ == "xcomp":
                clauses.append(cand.trigger.head)  # "agreed to suspend ... after talks": the talks are the agreeing's
            for prep in (c for cl in clauses for c in cl.children if c.dep_ == "prep" and c.lower_ in SEQUEL_PREPS):
                talks = [g for g in prep.children if g.dep_ == "pobj" and any(
                    e.code.startswith(CONSULT_ROOT) for e in self.lexicon.noun_entries(g.lemma_.lower()))]
                found = [h for g in talks for w in g.children if w.dep_ == "prep" and w.lower_ == "with"
                         for o in w.children if o.dep_ == "pobj" for h in self._actors(o, idx)
                         if h not in cand.sources]
                if found:
                    cand.targets = found
                    break

    def _prepared_attacks(self, candidates: list["_Candidate"], idx: _Mentions) -> None:
        """"The army prepared to resume shelling the rebel-held territory": forces readied for an attack are a show
        of military force (150, PLOVER MOBILIZE) that happened, not the attack, which has not."""
        for cand in candidates:
            if cand.code[:2] not in VIOLENCE_ROOTS or cand.kind == "noun" or not cand.sources or any(
                    idx.mentions[m].actor.sector not in FIGHTING_SECTORS | {None} for m in cand.sources):
                continue
            verb, hops = cand.trigger, 0
            while verb.dep_ == "xcomp" and hops < 2 and verb.head.lemma_.lower() not in PREPARING_VERBS:
                verb, hops = verb.head, hops + 1
            if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PREPARING_VERBS:
                cand.code, cand.reverse, cand.trigger = SHOW_OF_FORCE_CODE, None, verb.head

    def _border_deployments(self, candidates: list["_Candidate"], idx: _Mentions) -> None:
        """Forces sent to another state's border face it: "sent 2,000 troops to the border with Belarus" is a
        mobilisation aimed at Belarus (154), not military aid to it (062, as troops sent to Lithuania are)."""
        for cand in candidates:
            if not cand.code.startswith(DEPLOY_CODES) or cand.kind == "noun":
                continue
            own = {idx.mentions[m].actor.country for m in cand.sources}
            found = self._border_state(cand.trigger, own, idx)
            if found and set(found) & set(cand.targets or found):
                cand.code, cand.reverse, cand.targets = OWN_DEPLOYMENT_CODE, None, found

    def _aim_mobilisations(self, candidates: list["_Candidate"], idx: _Mentions) -> None:
        """Forces massed or put on alert at another state's border face that state: "massed troops near the
        Ukrainian border", "deployed tanks along its border with Iran"."""
        for cand in candidates:
            if cand.targets or cand.code[:2] != MOBILISATION_ROOT or cand.kind == "noun":
                continue
            own = {idx.mentions[m].actor.country for m in cand.sources}
            for holder in [cand.trigger, *(c for c in cand.trigger.children if c.dep_ in {"dobj", "obj"})]:
                found = self._border_state(holder, own, idx)
                if found:
                    cand.targets = found
                    break

    def _border_state(self, holder: "Token", own: set[str | None], idx: _Mentions) -> list[int]:
        """The other state whose border a phrase on ``holder`` names ("near the Ukrainian border", "along its
        border with Iran")."""
        def own_phrase(tok: "Token") -> bool:  # no clause between the phrase and its holder
            for a in tok.ancestors:
                if a.i == holder.i:
                    return True
                if a.pos_ in {"VERB", "AUX"}:
                    return False
            return False
        borders = [g for c in holder.subtree if c.dep_ in {"prep", "dative"} and c.lower_ in BORDER_PREPS
                   and own_phrase(c)
                   for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in BORDER_NOUNS]
        for border in borders:
            found = [h for h in self._inner_actors(border, idx) if idx.mentions[h].actor.country not in own]
            # (the parser may hang "with Belarus" on the verb: the phrase right after the border is the border's)
            withs = [p for p in border.children if p.dep_ == "prep" and p.lower_ == "with"] or [
                p for p in border.doc[border.i + 1:border.i + 2] if p.dep_ == "prep" and p.lower_ == "with"]
            found = found or [h for p in withs for g in p.children if g.dep_ == "pobj" for h in self._actors(g, idx)
                              if idx.mentions[h].actor.country not in own]
            if found:
                return found
        return []

    def _failed_settlements(self, candidates: list["_Candidate"]) -> None:
        """"Israelis and Palestinians failed to reach agreement", "Iran failed to meet the inspectors": the settlement
        did not happen (negated), and the failure itself is a refusal between the same sides (CAMEO 120)."""
        for cand in list(candidates):
            head = cand.trigger.head
            if cand.trigger.dep_ == "xcomp" and head.lemma_.lower() in FAILURE_VERBS and \
                    cand.code[:2] in SETTLEMENT_FAILURE_ROOTS and (cand.targets or len(cand.sources) >= 2) and \
                    not any(c.trigger.i == head.i for c in candidates):
                # (sides that failed to agree with each other refuse each other: every pair, both ways)
                candidates.append(_Candidate(head, FAILED_SETTLEMENT_CODE, None, f"{cand.rule}:failed", cand.kind,
                                             list(cand.sources), list(cand.targets),
                                             cand.compound or not cand.targets))

    def _aim_refusals(self, candidates: list["_Candidate"], idx: _Mentions) -> None:
        """A refusal with no target is aimed at whoever pressed for what was refused: "declined to resign despite
        growing pressure by the Kenya Anti-Corruption Commission", "rejected the plan despite calls from the UN"."""
        for cand in candidates:
            if cand.targets or cand.code[:2] != "12" or cand.kind == "noun":
                continue
            clauses = [cand.trigger, *(c for c in cand.trigger.children if c.dep_ in {"xcomp", "ccomp"})]
            for prep in (c for cl in clauses for c in cl.children if c.dep_ == "prep" and c.lower_ == "despite"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    found = [h for h in self._inner_actors(pobj, idx) if h not in cand.sources]
                    if not found:
                        found = [h for g in pobj.children if g.dep_ == "prep" and g.lower_ in {"by", "from"}
                                 for o in g.children if o.dep_ == "pobj" for h in self._actors(o, idx)
                                 if h not in cand.sources]
                    if found:
                        cand.targets = found
                        break
                if cand.targets:
                    break

    def _aim_protests(self, candidates: list["_Candidate"], idx: _Mentions) -> None:
        """A protest with no target is aimed at whom its purpose names: "staged a hunger strike to demand the
        resignation of the president", "demonstrated in protest against violations by the security forces"; so is
        force used for a forceful purpose ("opened fire to disperse the protesters"). The purpose (an infinitive or
        an in-protest phrase under the act's verb, by the same actors) lends its target; it stays an event of its
        own."""
        for cand in candidates:
            force = cand.code[:2] in {"18", "19", "20"}
            if (cand.code[:2] != "14" and not force) or not cand.sources:
                continue
            verb = cand.trigger if cand.trigger.pos_ in {"VERB", "AUX"} else cand.trigger.head
            for _ in range(2):  # "went on strike": the verb the protest noun hangs on
                if force or verb.pos_ in {"VERB", "AUX"} or verb.dep_ not in {"pobj", "prep"}:
                    break
                verb = verb.head
            if cand.targets and (force or not self._only_places(cand.targets, idx, verb.doc)):
                continue  # (a place it marched through yields to what it marched for)
            aim: list[int] = []
            for other in candidates:
                if other is cand or not other.targets or not set(other.sources) & set(cand.sources) or \
                        other.trigger.i <= cand.trigger.i or (force and (self._quad(other.code) != 4 or not any(
                            c.dep_ == "aux" and c.lower_ == "to" for c in other.trigger.children))):
                    continue  # force is aimed only by a forceful purpose ("opened fire to disperse protesters"; but
                    #           "exchanged fire, killing three soldiers" tells a result, whoever the dead were)
                tok, hops = other.trigger, 0
                while tok.i != verb.i and tok.dep_ in PURPOSE_PATH_DEPS and hops < 5:
                    tok, hops = tok.head, hops + 1
                if tok.i == verb.i and hops:
                    aim = list(other.targets)
                    break
            if not aim and not force:
                # what the protest is against, said in a phrase rather than a coded act: "in protest at the arrest
                # of their leaders by the police", "in defiance of Chinese authorities", "to show their anger at
                # the army's curfew"
                aim = self._protest_aim(cand, verb, candidates, idx)
            cand.targets = aim or cand.targets
            if not cand.targets and not force:
                # else at the state where it is held ("demonstrated in Serbia", "rallied in Lagos")
                # (or at the institution it was held outside: "rallied outside the Chinese embassy")
                place = [m for m in self._place_of(verb, idx) if m not in cand.sources and (
                    idx.mentions[m].actor.code == idx.mentions[m].actor.country or
                    idx.mentions[m].actor.sector in OFFICIAL_SECTORS)]
                cand.targets = place

    @staticmethod
    def _only_places(targets: list[int], idx: _Mentions, doc: "Doc") -> bool:
        """Targets that are only where an act happened: bare states or cities in a phrase of place or motion
        ("marched through Nairobi", "a sit-in in Kampala"), not "against Israel"."""
        for t in targets:
            m = idx.mentions[t]
            if m.head is None or m.actor.code != m.actor.country:
                return False
            tok = doc[m.head]
            while tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i:
                tok = tok.head
            if tok.dep_ != "pobj":
                return False  # "a Russian ban", "Kenya's parliament": a modifier, not a place
            prep = tok.head
            while prep.lower_ == "of" and prep.head.dep_ == "pobj":
                prep = prep.head.head  # "in the streets of Nairobi"
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                return False
        return bool(targets)

    def _protest_aim(self, cand: "_Candidate", verb: "Token", candidates: list["_Candidate"],
                     idx: _Mentions) -> list[int]:
        """Whom a protest's aim phrase names: an in-protest/in-defiance phrase, an "against/over/at" phrase, a
        purpose infinitive or participle, or the object of "protest". A hostile act inside it (an arrest, a
        curfew) points at its doer; otherwise the nearest actor in the phrase that is not a protester."""
        roots = {verb, cand.trigger}
        phrases: list["Token"] = []
        for head in sorted(roots, key=lambda t: t.i):
            for child in head.children:
                if child.i < cand.trigger.i and child.dep_ == "prep":
                    continue
                if child.dep_ == "prep" and child.lower_ in AIM_PREPS:
                    phrases.append(child)
                elif child.dep_ == "prep" and child.lower_ == "in" and any(
                        g.dep_ == "pobj" and g.lemma_.lower() in AIM_NOUNS for g in child.children):
                    phrases.append(child)
                elif child.dep_ in {"advcl", "xcomp"} and child.pos_ == "VERB" and (
                        any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children) or child.tag_ == "VBG"):
                    phrases.append(child)
                elif child.dep_ in {"dobj", "obj"} and head.lemma_.lower() in PROTEST_HEADS:
                    phrases.append(child)
        protesters = set(cand.sources)
        own = {idx.mentions[m].actor.code for m in protesters}
        # (between two actors of no known country there is no dyad: the protest is better kept without its aim)
        stateless = all(idx.mentions[m].actor.country is None for m in protesters)
        for phrase in phrases:
            inside = {t.i for t in phrase.subtree}
            for other in candidates:
                if other is not cand and other.trigger.i in inside and other.sources and \
                        not protesters & set(other.sources) and self._quad(other.code) in (3, 4) and \
                        not (stateless and all(idx.mentions[m].actor.country is None for m in other.sources)):
                    return list(other.sources)  # "in protest at the arrest of their leaders by the police"
            frontier, seen = [phrase], {phrase.i}
            for _ in range(6):
                found = []
                for tok in frontier:
                    hit = idx.by_token.get(tok.i)
                    if hit is not None and hit not in protesters and idx.mentions[hit].actor.code not in own and \
                            not self._only_places([hit], idx, verb.doc) and \
                            not (stateless and idx.mentions[hit].actor.country is None):
                        found.append(hit)
                if found:
                    return list(dict.fromkeys(found))
                frontier = [c for tok in frontier for c in tok.children
                            if c.i not in seen and c.dep_ in AIM_PATH_DEPS and not seen.add(c.i)]
                if not frontier:
                    break
        return []

    def _quad(self, code: str) -> int | None:
        try:
            return self.ontology.cameo_info(code).quad_class
        except KeyError:
            return None

    def _purpose_clause(self, trigger: "Token") -> bool:
        """"staged a hunger strike *to demand* his resignation": an infinitive saying what another act is for.
        The act itself is the news (PLOVER codes the strike); the purpose ranks below it. Not the infinitive of a
        verb that only hands over its event ("continued to shell")."""
        head = trigger.head
        if trigger.tag_ == "VBG" and trigger.dep_ == "advcl" and head.lemma_.lower() in PROTEST_HEADS:
            return True  # "demonstrated in Kirkuk, calling for independence": the demand is the protest's purpose
        return trigger.pos_ == "VERB" and trigger.dep_ in {"advcl", "xcomp"} and head.pos_ == "VERB" and \
            head.i != trigger.i and not self._is_catenative(head) and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) and \
            not any(c.dep_ in {"dobj", "obj"} and c.i < trigger.i and c.i > head.i and c.pos_ in {"PROPN", "PRON"}
                    for c in head.children)

    def _repair_lemmas(self, doc: "Doc") -> None:
        """The tagger's lemmatizer sometimes strips an inflected verb to a wrong stem ("staged" -> "stag"): when a
        verb's lemma is no verb the lexicon knows but a regular stem of its form is, the stem is the lemma."""
        known = self.lexicon.verbs
        for tok in doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() in known or tok.tag_ not in {"VBD", "VBN", "VBG", "VBZ"}:
                continue
            for stem in _regular_stems(tok.lower_):
                if stem in known:
                    tok.lemma_ = stem
                    break

    def _mutual_dyad(self, candidates: list["_Candidate"], idx: _Mentions) -> tuple[int, int] | None:
        for cand in candidates:
            # (the sides: a source and its target, else two co-sources: "Merkel and Macron's call to the Kremlin"
            # is theirs with Russia, not with each other)
            pair = ([cand.sources[0], cand.targets[0]] if cand.sources and cand.targets and not cand.compound
                    else (cand.sources + cand.targets)[:2])
            mutual = len(cand.sources) == 2 and not cand.targets and self.lexicon.is_mutual(cand.code) and \
                cand.kind != "noun" and self._reciprocal(cand.trigger, idx, cand.code)  # "X and Y agreed to ..."
            if len(pair) == 2 and (cand.compound or self.lexicon.is_symmetric(cand.code) or mutual):
                return pair[0], pair[1]
        return None

    def _carried_over(self, document: Document, s_index: int, sent: "Span", dyad: tuple[int, int],
                      idx: _Mentions) -> list[Event]:
        out: list[Event] = []
        for tok in sent:
            if tok.pos_ != "NOUN":
                continue
            entries = [e for e in self.lexicon.noun_entries(tok.lemma_.lower()) if e.symmetric]
            if entries:
                cand = _Candidate(tok, entries[0].code, None, entries[0].id + ":context", "context",
                                  list(dyad), [], True)
                out.extend(self._emit(document, s_index, sent, cand, idx))
        return out

    def _emit(self, document: Document, s_index: int, sent: "Span", cand: "_Candidate",
              idx: _Mentions) -> list[Event]:
        if not cand.sources:
            return []
        actor = lambda m: idx.mentions[m].actor  # noqa: E731
        pairs: list[tuple[int, int | None, str]] = []  # (source, target, code)
        states = {actor(m).country for m in cand.sources} - {None}
        if cand.targets and self._quad(cand.code) in (1, 2) and len(states) >= 2 and all(
                actor(t).country is None and actor(t).sector == "MIL" and (idx.mentions[t].head or 0) > cand.trigger.i
                for t in cand.targets):
            # "China and India agreed to disengage troops", "Ukraine and Russia swapped prisoners of war": in
            # cooperation, the states' own unnamed forces, not a third party
            cand.targets = []
        if cand.targets and cand.code.startswith(DEPLOY_CODES + ("033",)) and all(
                actor(t).code in self.regions for t in cand.targets):
            # "sent two aircraft carriers to the eastern Mediterranean": a sea or a continent is where forces go,
            # not whom they help: the sender mobilises, and senders of two states ("French and Egyptian warships
            # launched war games in the Mediterranean") act with each other
            cand.targets = []
            if len(states) < 2:
                cand.code, cand.reverse = OWN_DEPLOYMENT_CODE, None
            else:
                cand.compound = True
        forward = set(cand.sources)  # pairs whose source is not a trigger's own source are mirrored ones
        symmetric = self.lexicon.is_symmetric(cand.code)
        counterpart: int | None = None  # the other side of a relation or a truce, when the clause names none
        if cand.targets and not cand.compound:
            for s in cand.sources:
                for t in cand.targets:
                    pairs.append((s, t, cand.code))
                    if cand.reverse:
                        pairs.append((t, s, cand.reverse))
                    elif symmetric:
                        pairs.append((t, s, cand.code))
        elif len(cand.sources) > 1 and cand.code[:3] not in VISIT_CODES and (cand.compound or cand.reverse or (
                cand.kind != "noun" and self.lexicon.is_mutual(cand.code)
                and self._reciprocal(cand.trigger, idx, cand.code))):
            # (several modifiers of an event noun are co-agents: "joint US, French and British airstrikes"; the
            # sides named by "between" are two sides whatever their country: "clashes between Muslims and Buddhists")
            between = all(any(a.dep_ == "prep" and a.lower_ == "between" for a in cand.trigger.doc[h].ancestors)
                          for m in cand.sources if (h := idx.mentions[m].head) is not None)
            for s in cand.sources:
                for t in cand.sources:
                    # sides of one country act together, not on each other ("US jets and helicopters attacked"),
                    # unless one is the state and the other not: they fight or make peace with each other ("Syrian
                    # troops and rebels clashed", "the army and the Rapid Support Forces agreed to a ceasefire")
                    a, b = idx.mentions[s].actor, idx.mentions[t].actor
                    state_a, state_b = (x.sector in STATE_FORCE_SECTORS | {"COP"} for x in (a, b))
                    if s != t and (a.country != b.country or between or (state_a != state_b and (
                            cand.code[:2] in VIOLENCE_ROOTS or {a.sector, b.sector} & CONFLICT_PARTY_SECTORS))):
                        pairs.append((s, t, cand.code))
        else:
            counterpart = self._counterpart(cand, sent, idx) if cand.code.startswith(COUNTERPART_CODES) else None
            for s in cand.sources:
                pairs.append((s, counterpart, cand.code))
        assessment = self._assess(cand.trigger)
        if cand.code.startswith(COUNTERPART_CODES) and not cand.targets and pairs:
            # "the government accused Darfur rebels of violating the ceasefire": whoever alleges the breach is the
            # other side, before any other state the sentence names (a mediator reporting it)
            claimer_tok = getattr(assessment, "claimer", None)
            own = {idx.mentions[m].actor.code for m in cand.sources}
            claimer = [m for m in (self._actors(claimer_tok, idx) if claimer_tok is not None else [])
                       if idx.mentions[m].actor.code not in own]
            if claimer:
                counterpart = claimer[0]
                pairs = [(s, counterpart, code) for s, _, code in pairs]
        factuality = getattr(assessment, "factuality", "asserted")
        prominence = _prominence(cand.trigger)
        if self._purpose_clause(cand.trigger):
            prominence *= PURPOSE_WEIGHT
        claimed_by = self._actor_for(getattr(assessment, "claimer", None), idx)
        according_to = self._actor_for(getattr(assessment, "reporter", None), idx)
        lemmas = [t.lemma_.lower() for t in sent]
        context = self.lexicon.context_for(lemmas)
        out: list[Event] = []
        for s, t, code in pairs:
            source, target = actor(s), (actor(t) if t is not None else None)
            if target is not None and t is not None and self._moved_forces(cand, code, source, target,
                                                                           idx.mentions[t].head):
                dest = self._where_forces_are(idx.mentions[t].head, source, _mover(cand.trigger, code) or cand.trigger,
                                              idx)  # "forces in Lebanon"
                if not self.lexicon.is_unilateral(code) and not (dest is not None and code.startswith(
                        AID_CODES + (THREAT_ROOT, INTENT_ROOT))):
                    # (a threat to send troops into Syria threatens Syria, an offer to send them there is made to
                    # Syria; troops contributed to a force in Liberia aid Liberia)
                    if not code.startswith(DEPLOY_CODES):
                        continue
                    code = OWN_DEPLOYMENT_CODE  # "deployed thousands of its troops to the border": a mobilisation
                t = dest
                target = actor(t) if t is not None else None
            if target is not None and t is not None and code[:2] in HOSTILE_ROOTS and \
                    self._own_member(source, target, idx.mentions[t].head, cand.trigger):
                continue  # "vowed revenge for the killing of its commander": the source's own, no other side
            if target is not None and (t == s or (source.code and source.code == target.code)):
                m_head = idx.mentions[t].head
                if not self.lexicon.is_unilateral(code) or m_head is None or \
                        _direct_argument(cand.trigger, cand.trigger.doc[m_head]):
                    continue
                # "the opposition suspended protests after deaths of demonstrators": no other side named
                t, target = None, None
            if code[:2] == "19" and self._joined(cand.trigger, source, idx):
                continue  # "Britons fighting with Islamic State (in Syria)": joined them; no clash, nor with Syria
            if code[:3] == "174" and target is not None and target.sector in ARMED_TARGET_SECTORS and \
                    cand.trigger.lemma_.lower() in OUSTING_VERBS:
                code = "190"  # "fought to oust Isis fighters from the town": driven out by force, not deported
            if code[:2] in VIOLENCE_ROOTS and target is not None and cand.kind != "noun" and \
                    cand.trigger.lemma_.lower() in FIGURATIVE_FORCE_VERBS and source.sector in POLITICAL_SECTORS and \
                    target.sector in POLITICAL_SECTORS and (source.country == target.country or None in (
                        source.country, target.country) or (_person_like(source) and _person_like(target))):
                # "the senator clashed with Trump", "Erdogan attacked Macron": words, not blows (but a missile
                # strike on a foreign regime is a strike)
                code = VERBAL_CONFLICT_CODE
            try:
                info = self.ontology.cameo_info(code)
                root, quad, goldstein = info.root, info.quad_class, info.goldstein
            except KeyError:
                root, quad, goldstein = code[:2], None, None  # a user dictionary's own code
            if code[:2] == "14" and cand.kind == "verb" and source.sector in ARMED_SECTORS:
                continue  # troops who march, rally or gather are no demonstrators ("the Americans march away")
            if code[:2] == "04" and (source.sector in NON_POLITICAL_SECTORS or (
                    target is not None and target.sector in NON_POLITICAL_SECTORS)):
                continue  # a schoolgirl travelling to Syria, fighters joining Isis: no consultation or visit
            if target is not None and according_to is not None and target is according_to and \
                    t != counterpart and ":owner" not in cand.rule:
                # the outlet or official reporting it ("..., the Guardian understands") is not its target (but
                # the other side of a breached ceasefire may report it: "... violated the ceasefire, India said")
                continue
            if target is not None and target.sector in AUDIENCE_SECTORS and code[:2] in AUDIENCE_ROOTS:
                continue  # "told the media", "spoke to reporters", "told the Guardian"
            if target is not None and source.country is None and target.country is None:
                continue  # "the woman gave birth in a refugee camp": no side known, no dyad to speak of
            if code[:3] in {"042", "043"} and target is not None and source.country == target.country:
                continue  # travel within one's own country is no diplomatic visit ("left for Lucknow")
            visitor = s if code[:3] == "042" else t
            if code[:3] in {"042", "043"} and visitor is not None and (
                    idx.mentions[visitor].actor.sector in NON_POLITICAL_SECTORS or (
                        idx.mentions[visitor].actor.sector is None and _nationality(idx.mentions[visitor], sent))):
                continue  # a diplomatic visit needs a political visitor, not "a Briton who went to Syria"
            event_factuality = factuality
            event_cue = getattr(assessment, "cue", None)
            if factuality == "negated" and cand.rule.endswith(":negation"):
                event_factuality, event_cue = "asserted", f"{event_cue} (coded by the pattern)"
            elif factuality == "negated" and quad in (1, 2) and _refusal(cand.trigger):
                if s not in forward or (cand.compound and target is not None and t in forward and t < s):
                    continue  # a refusal is one-sided: no mirrored event
                # "X would not meet the demands": a refusal, which CAMEO codes as a rejection (12), asserted
                code = REFUSAL_CODES.get(code[:2], "120") if cand.trigger.lemma_.lower() not in TOLERANCE_VERBS \
                    else WARNING_CODE  # "will not tolerate attacks": a warning, not a refusal
                root, quad, goldstein = code[:2], 3, self.ontology.cameo_info(code).goldstein
                event_factuality, event_cue = "asserted", f"{event_cue} (refusal)"
            plover_type, plover_mode = self.ontology.plover_for(code)
            plover_type, plover_mode = _plover_modality(plover_type, plover_mode, quad, event_factuality)
            alleged = factuality == "claimed" and claimed_by is not None
            if target is None and not alleged and (self.ontology.requires_recipient(plover_type) or (
                    self.require_target and not self.lexicon.is_unilateral(code))):
                continue  # (an alleged act is kept without a named recipient: who claims it is the news)
            confidence = CONFIDENCE[cand.kind] * prominence * min(source.confidence,
                                                                  target.confidence if target else UNNAMED_TARGET)
            if plover_type is None:
                confidence *= 0.8  # statements and other acts PLOVER has no type for say less
            if event_factuality == "claimed":
                confidence *= CLAIMED_WEIGHT
            elif event_factuality == "hypothetical":
                confidence *= HYPOTHETICAL_WEIGHT
            out.append(Event(
                doc_id=document.id, sentence_index=s_index, sentence=sent.text.strip(),
                source=source, target=target, cameo_code=code, cameo_root=root,
                quad_class=quad, goldstein=goldstein,  # type: ignore[arg-type]
                plover_type=plover_type, plover_mode=plover_mode, plover_context=context,
                factuality=event_factuality, claimed_by=claimed_by,
                factuality_cue=event_cue,
                according_to=according_to,
                date=document.published, date_precision="publication" if document.published else "unknown",
                trigger=cand.trigger.text, trigger_start=cand.trigger.idx,
                trigger_end=cand.trigger.idx + len(cand.trigger), rule=cand.rule, confidence=confidence,
            ))
        return out

    def _instrument(self, token: "Token", verb: "Token", sources: list[int], idx: _Mentions) -> bool:
        """Is ``token`` in a with-phrase naming what the attack is made with ("pounding the towns with artillery
        fire", "attacked with Turkish jets"): a weapon, or the attacker's own forces?"""
        # the state's own forces only: Kurdish fighters placed in Turkey clash with Turkish troops, they do not use them
        own = {a.country for m in sources if (a := idx.mentions[m].actor).code and a.country and
               a.code[len(a.country):] in {"", "GOV", "MIL"}}
        for a in (token, *token.ancestors):
            if a.i == verb.i:
                return False
            if a.dep_ == "prep" and a.lower_ == "with":
                pobj = next((g for g in a.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    return False
                words = [pobj, *(c for c in pobj.children if c.dep_ in {"compound", "amod"})]
                hits = [h for w in words if (h := idx.by_token.get(w.i)) is not None]
                return any(w.lemma_.lower() in self.lexicon.weapons for w in words) or any(
                    idx.mentions[h].actor.country in own and idx.mentions[h].actor.sector in ARMED_SECTORS
                    for h in hits)
        return False

    def _where_forces_are(self, head: int | None, source: Actor, trigger: "Token", idx: _Mentions) -> int | None:
        """The other state the forces are moved into or kept in ("strengthened its forces *in Lebanon*"), if any."""
        if head is None:
            return None
        holders = (trigger.doc[head], trigger)
        for h in holders:
            # "massed troops near the Ukrainian border": the state whose border they face
            found = self._border_state(h, {source.country}, idx)
            if found:
                return found[0]
        for prep in (c for h in holders for c in h.children if c.dep_ in {"prep", "dative"}
                     and c.lower_ in {"in", "into", "to", "inside"}):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                # "to a peacekeeping force in Liberia": the force of no state is where it is
                places = [g for p in pobj.children if p.dep_ == "prep" and p.lower_ in {"in", "inside"}
                          for g in p.children if g.dep_ == "pobj"]
                for h in (h for t in (pobj, *places) for h in self._actors(t, idx)):
                    if idx.mentions[h].actor.country not in (None, source.country):
                        return h
        return None

    @staticmethod
    def _moved_forces(cand: "_Candidate", code: str, source: Actor, target: Actor, head: int | None) -> bool:
        """Is the target the source's own forces, named as the object the act moves ("sent its troops"), or that
        a threat would move ("threatened to send his forces to retake the town": a threat to the town's holders)?"""
        mover = _mover(cand.trigger, code)
        if mover is None or head is None or source.country is None:
            return False
        # ("the army deployed troops", "deployed troops in Ukraine": forces named for no one, or only placed by
        # where they are sent, are the mover's own)
        unplaced = target.sector in ARMED_SECTORS and (target.country is None or target.resolution == "context") \
            and mover.lemma_.lower() in MOVING_VERBS
        if not unplaced and (target.country != source.country or target.sector not in ARMED_SECTORS
                             or source.sector in ARMED_SECTORS):
            return False
        obj = cand.trigger.doc[head]
        if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ in {"dobj", "obj"} and \
                obj.head.head.pos_ in {"NOUN", "NUM"}:
            obj = obj.head.head  # "deployed thousands of troops", "ordered the deployment of troops"
        return obj.head.i == mover.i and obj.dep_ in {"dobj", "obj"}

    @staticmethod
    def _own_member(source: Actor, target: Actor, head: int | None, trigger: "Token") -> bool:
        """Is the target the source's own officer or force, named through "its"/"their" deeper in the phrase
        ("vowed revenge for the killing of its commander")? That is no other side; critics named so are ("arrested
        its critics"), and so is whom the act is done to directly ("criticised its own ambassador")."""
        if head is None or source.country is None or target.country != source.country or \
                target.sector not in {"MIL", "GOV"} or source.code == target.code:
            return False
        tok = trigger.doc[head]
        return not _direct_argument(trigger, tok) and any(
            c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in tok.children)

    def _reciprocal(self, verb: "Token", idx: _Mentions, code: str | None = None) -> bool:
        """Does a compound subject act on each other? Without an object ("X and Y agreed", "clashed") or with a
        relation as object ("renewed ties", "signed a treaty"); not when acting together on a thing ("ensure
        security"). Relation nouns are lexicon data."""
        if any(c.dep_ in PASSIVE_SUBJECT_DEPS and self._actors(c, idx) for c in verb.children):
            return False  # "civilians were killed in Syrian and Russian strikes": acting together, on someone
        if verb.lemma_.lower() in THIRD_PARTY_PARTICIPLES:
            return False  # "talks sponsored by Qatar and Egypt": sponsors of others' talks, not with each other
        objects = [_measured(c) for c in verb.children if c.dep_ in {"dobj", "obj"}]
        if not objects and _reduced_passive(verb) and verb.head.pos_ == "NOUN":
            objects = [verb.head]  # "a process sponsored by Russia, Turkey and Iran": what they did it to
        # ("reopened their embassies" is towards each other; "destroyed their chemical stocks" is not)
        cooperative = code is not None and self._quad(code) in (1, 2)
        return not objects or any(o.lemma_.lower() in self.lexicon.relation_nouns or (cooperative and _shared(o))
                                  for o in objects)

    def _joined(self, trigger: "Token", source: Actor, idx: _Mentions) -> bool:
        """Fighting *with* a foreign armed group or army, by anyone but armed forces, police or officials, is fighting
        in its ranks ("British women fighting with the YPJ"); troops, police and rebels who fight with a group clash
        with it, and so do crowds who fight with police."""
        if trigger.lemma_.lower() not in FIGHTING_VERBS or source.sector in ARMED_TARGET_SECTORS | {"COP", "GOV"}:
            return False
        sides = [idx.mentions[m].actor for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
                 for g in c.children if g.dep_ == "pobj" for m in idx.all_at(g)]
        return any((a.sector in NONSTATE_ARMED_SECTORS | {"MIL"} or a.country in self.nonstates) and
                   a.country != source.country for a in sides)  # (Islamic State: IMG; "Kurdish forces": KUR)

    def _counterpart(self, cand: "_Candidate", sent: "Span", idx: _Mentions) -> int | None:
        """Relations are dyadic: "since the U.S. broke off relations" in a sentence about contacts with Iran breaks
        them off with Iran. The counterpart is the sentence's one other country, if there is exactly one."""
        own = {idx.mentions[s].actor.country for s in cand.sources}
        others: dict[str, int] = {}
        for i in sorted({idx.by_token[t.i] for t in sent if t.i in idx.by_token}):
            country = idx.mentions[i].actor.country
            if country and country not in own and len(country) == 3:
                others.setdefault(country, i)
        return next(iter(others.values())) if len(others) == 1 else None

    def _assess(self, trigger: "Token") -> Any:
        result = self.factuality.assess(trigger)
        if isinstance(result, tuple):  # the first sketch returned (factuality, claimer)
            return _Assessment(result[0], result[1])
        return result

    def _actor_for(self, token: "Token | None", idx: _Mentions) -> Actor | None:
        hits = self._actors(token, idx) if token is not None else []
        return idx.mentions[hits[0]].actor if hits else None


@dataclass
class _Candidate:
    trigger: "Token"
    code: str
    reverse: str | None
    rule: str
    kind: str  # pattern, verb, noun
    sources: list[int]
    targets: list[int]
    compound: bool


@dataclass
class _Assessment:
    factuality: str
    claimer: Any = None
    reporter: Any = None


# Verbs of saying: a clause they report is as prominent as the report itself ("X said Y attacked Z").
REPORTING_VERBS = {"say", "tell", "report", "announce", "state", "add", "note", "confirm", "explain", "declare",
                   "claim", "allege", "insist", "warn", "caution", "quote", "indicate", "reveal", "acknowledge",
                   "write"}
# Verbs that report a judgement ("said the sanctions were illegal") and that label what they name ("called the
# move illegal", "described the arrests as unacceptable"); words that make a judgement no judgement made.
JUDGING_SPEECH = frozenset({"say", "tell", "state", "add", "insist", "stress", "argue", "declare", "write", "tweet",
                            "charge", "complain", "warn", "note", "maintain", "assert", "reiterate"})
LABELLING_VERBS = frozenset({"call", "describe", "term", "brand", "label", "dub", "deem", "consider", "regard",
                             "characterise", "characterize", "denounce", "condemn", "slam", "criticise", "criticize"})
JUDGEMENT_HEDGES = frozenset({"not", "n't", "never", "would", "could", "might", "may"})
COMMITTING_VERBS = frozenset({"commit", "perpetrate"})  # "committed war crimes": the crime judges its doer
# Warnings threaten only the other side of the speaker's own ("warned that police will not tolerate protests by X").
WARNING_VERBS = frozenset({"warn", "caution"})
# How the resolver reaches a person the knowledge base has no role for: a title, an apposition, a pronoun, the
# article's name chain (stored in the registry).
PERSON_RESOLUTIONS = frozenset({"title", "apposition", "coreference", "registry"})
# Verbs of saying that address no one by themselves ("said", "warned that"): their targets are addressees
# ("told X", "warned X"), never actors of the clause they report. Claims and accusations are different.
NEUTRAL_REPORTING = {"say", "tell", "state", "add", "note", "explain", "announce", "declare", "report",
                     "indicate", "acknowledge", "reveal", "write", "quote", "stress", "emphasize", "emphasise",
                     "underline", "point", "suggest", "describe", "claim"}
COGNITION_VERBS = {"indicate", "signal", "believe", "think", "hope", "expect", "decide", "vow", "pledge", "promise",
                   "threaten", "agree", "insist", "argue", "make"}
SUBJECT_PRONOUNS = {"it", "they", "he", "she", "we"}
NEGATION_WORDS = {"not", "n't", "never", "neither", "nor", "no", "cannot"}
PURPOSE_WEIGHT = 0.8  # an infinitive of purpose ranks below the act it is the purpose of
CLAIMED_WEIGHT = 0.9  # an act only alleged rests on the allegation, and ranks below the asserted claim
HYPOTHETICAL_WEIGHT = 0.8  # what is demanded, proposed or conditional ranks below the act of asking for it
SUBORDINATE_DEPS = {"advcl", "relcl", "acl", "pcomp", "xcomp", "ccomp", "csubj", "amod", "prep", "pobj"}


def _private_person(actor: Actor) -> bool:
    """Is the actor a person the text gives a country but no role ("Begum", "he" for a volunteer fighter)? Such a
    person's acts are not their state's; the bare country code would say they were."""
    return actor.sector is None and actor.code == actor.country and actor.resolution in PERSON_RESOLUTIONS and \
        actor.name is not None and (actor.text or "").lower().split()[-1:] != ["country"]


def _person_like(actor: Actor) -> bool:
    """Is the actor named as a person or an office-holder ("Macron", "the foreign minister"), not as an institution
    ("the Syrian regime", "the government")?"""
    words = (actor.text or "").lower().split()
    return bool(words) and words[-1] not in INSTITUTION_WORDS


def _shared(noun: "Token") -> bool:
    """Is the noun "their" own, as a compound subject's shared possession ("reopened their embassies")?"""
    return noun.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children)


def _mandated_by(token: "Token", verb: "Token") -> bool:
    """Is the token inside an "on the orders of", "at the behest of" phrase of the verb? Whoever is named there
    ordered the act ("arrested the kar sevaks on the instructions of the central government"): not its target."""
    return _within(token, verb, _mandate)


def _mandate(token: "Token") -> bool:
    """Is the token the noun of an "on the orders of", "at the behest of" phrase? (But "will abide by the court's
    directions": the court is whom it yields to.)"""
    return token.dep_ == "pobj" and token.lemma_.lower() in MANDATE_NOUNS and token.head.lower_ in MANDATE_PREPS


def _passive_infinitive(verb: "Token") -> bool:
    """A passive infinitive or gerund under a controlling verb ("began to be shelled", "appeared to be targeted")."""
    return verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children)


def _undergoer_of_act(token: "Token") -> bool:
    """Is the token the of-phrase of a noun ("the release *of British nationals*"), not an object itself ("urged its
    citizens in Peru to leave")?"""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN"


def _hedged(*tokens: "Token") -> bool:
    """Is a judgement on these tokens denied or only supposed ("were not a violation", "would be a mistake")?"""
    return any(c.dep_ in {"neg", "aux"} and c.lower_ in JUDGEMENT_HEDGES for t in tokens for c in t.children)


def _judging_speech(clause: "Token") -> "Token | None":
    """The speech verb that reports a judging clause: the one it is the complement of ("China said the sanctions
    were illegal"), else one set after it ("The sanctions are illegal, China said")."""
    if clause.dep_ in {"ccomp", "parataxis"} and clause.head.lemma_.lower() in JUDGING_SPEECH:
        return clause.head
    return next((c for c in clause.children if c.dep_ in {"ccomp", "parataxis"} and
                 c.lemma_.lower() in JUDGING_SPEECH and c.i > clause.i), None)


def _in_defiance(noun: "Token") -> bool:
    """Is the noun what an act goes against ("despite the truce", "in violation of the ceasefire", "in breach of the
    deal")? Such an accord or measure was in force already: the act, not the accord, is the news."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ == "despite":
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in DEFIANCE_NOUNS and prep.head.dep_ == "pobj" and \
        prep.head.head.lower_ == "in"


def _singular(verb: "Token") -> bool:
    """Does the verb agree with a singular subject ("which regards", "which has", "which was")?"""
    return verb.tag_ == "VBZ" or any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"is", "has", "was", "does"}
                                     for c in verb.children)


def _object_itself(verb: "Token", token: "Token") -> bool:
    """Is the token the verb's object, or whose it is ("fired the head of the army", "fired Iran's envoy"), rather
    than where it goes ("fired a missile towards Japan")?"""
    for _ in range(6):
        if token.dep_ in {"dobj", "obj"} and token.head.i == verb.i:
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            token = token.head.head
        elif token.dep_ in {"compound", "amod", "poss", "conj", "appos", "nmod"} and token.head.i != token.i:
            token = token.head
        else:
            return False
    return False


def _described_object(token: "Token", verb: "Token") -> bool:
    """Is the token inside a participle that describes the verb's object ("arrested two men *accused of spying for
    Russia*", "seized a shipment *bound for Rotterdam*")? The object is whom the act is done to; what it is said to
    have done, or where it goes, is not (but "assurances sent from X" are X's, "a convoy carrying X" carries X)."""
    for a in (token, *token.ancestors):
        if a.i == verb.i or a.dep_ == "appos":
            return False  # (an apposition naming the object's members may hang on the participle's noun)
        if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in DESCRIBING_PARTICIPLES:
            return True
    return False


def _accused_object(m: Match, verb: "Token", idx: _Mentions) -> bool:
    """Does the verb name whom it blames, accuses or rejects as its own object, an actor with a country, while the
    pattern's target is someone else, further on ("blamed Ukraine for the attack on +")?"""
    objects = {h for c in verb.children if c.dep_ in {"dobj", "obj"} for h in idx.all_at(c)
               if idx.mentions[h].actor.country}
    targets = {i for slot, i in m.slots if slot == "target"}
    return bool(objects) and bool(targets) and not targets & objects


def _own_prepositional_target(m: Match, verb: "Token", idx: _Mentions) -> bool:
    """For a pattern that is one prepositional phrase with the target ("* (of +)", "* (with +)"): is the target
    that phrase's object, the phrase hanging on the verb? (Patterns read words in order; the parse says whose the
    phrase is.) True for every other pattern."""
    post = m.pattern.post
    if m.pattern.pre or len(post) != 2 or not post[0].group or post[0].group != post[1].group or \
            post[1].slot != "target" or len(post[0].phrases) != 1 or len(post[0].phrases[0]) != 1:
        return True
    word = post[0].phrases[0][0]
    for slot, mention_id in m.slots:
        head = idx.mentions[mention_id].head
        if slot != "target" or head is None:
            continue
        tok = verb.doc[head]
        while tok.dep_ in MODIFIER_DEPS | {"conj"} and tok.head.i != tok.i:
            tok = tok.head  # "intervened in the Syrian war": the phrase's object names the target
        governor = tok.head.head
        if governor.i != verb.i and governor.dep_ in {"prt", "prep", "advmod"} and governor.head.i == verb.i:
            governor = verb  # "pulled out of Syria": "of" on the particle
        if not (tok.dep_ == "pobj" and tok.head.lower_ == word and governor.i == verb.i):
            return False
    return True


def _discarded_scope(sent: "Span", phrases: list[str]) -> set[int] | None:
    """The tokens whose events a sentence's discard phrases rule out: none without a phrase; those of the act a
    phrase only dates or places ("demanded an admission that Soviet forces murdered officers *during World War
    Two*": the murder is history, the demand news; "jailed 52 members for playing *in a football tournament*");
    None (the whole sentence) when a phrase is what the sentence is about ("the footballer signed with a club")."""
    if not phrases:
        return set()
    words: list[tuple[str, "Token"]] = [(w, t) for t in sent for w in discard_words(t.text)]
    scope: set[int] = set()
    for phrase in phrases:
        wanted = phrase.split()
        found = [[t for _, t in words[i:i + len(wanted)]] for i in range(len(words) - len(wanted) + 1)
                 if [w for w, _ in words[i:i + len(wanted)]] == wanted]
        if not found:
            return None
        for tokens in found:
            inside = {t.i for t in tokens}
            root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
            holder = next((a.head for a in (root, *root.ancestors) if a.dep_ == "prep" and a.head.i != a.i), None)
            if holder is None or any(a.dep_ in {"nsubj", "nsubjpass", "dobj", "obj", "attr"}
                                     for a in (root, *root.ancestors) if a.i != holder.i and holder in a.ancestors):
                return None  # the phrase is a participant, not a circumstance
            scope.update(t.i for t in holder.subtree)
    return scope


def _mover(trigger: "Token", code: str) -> "Token | None":
    """The verb that moves forces in an act of a kind forces are moved in: the trigger itself ("sent troops"), or
    for a threat the moving verb it governs ("threatened to send troops"); None for other acts."""
    if code.startswith((THREAT_ROOT, INTENT_ROOT)):  # (and an offer or pledge to send troops: "offered to send")
        return next((c for c in trigger.children if c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in MOVING_VERBS),
                    None)
    return trigger if code.startswith(MOVED_FORCE_CODES) else None


def _measures(token: "Token") -> bool:
    """Does the token only measure what follows its "of" ("700 kg of", "thousands of", "part of")?"""
    return token.pos_ == "NUM" or token.lemma_.lower() in QUANTITY_NOUNS


def _names_a_pair(token: "Token") -> bool:
    """"they", "both", "the two leaders", "both sides": the two sides named just before."""
    if token.lower_ in {"they", "both"}:
        return True
    return token.pos_ == "NOUN" and token.lemma_.lower() in PAIR_NOUNS and any(
        c.lower_ in {"two", "both"} for c in token.children if c.dep_ in {"nummod", "det", "predet"})


def _official_among(objects: list["Token"], idx: _Mentions) -> bool:
    """Does one of these objects name an official, a person in a political role ("his Sudanese counterpart",
    "Putin")? Whom one greets or calls so is met or phoned."""
    return any(_person_like(idx.mentions[h].actor) and idx.mentions[h].actor.sector in POLITICAL_SECTORS
               for c in objects for h in idx.all_at(c))


def _modifier_only(verb: "Token", word: "Token", matched: tuple[int, ...], idx: _Mentions) -> bool:
    """Is a pattern's last word only a modifier of an actor the pattern does not name ("an aid worker", "a peace
    activist")? The actor is who was acted on, not what the word names (but "artillery shells" are artillery, and
    "refugee populations returning" are refugees: a subject before the verb is read whole)."""
    return word.dep_ == "compound" and word.head.i > word.i > verb.i and word.head.pos_ == "NOUN" and \
        word.head.i not in matched and word.pos_ == "NOUN" and idx.at(word.head) is not None


def _trip_venue(verb: "Token") -> tuple[set[int], list["Token"]]:
    """Where one goes to talk with someone else is a venue: "flew to Geneva for talks with Iran" is a trip to
    talks with Iran, not to Switzerland (but "flew to Moscow for talks" goes to its hosts)."""
    partners = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                for t in c.children if t.dep_ == "pobj" and t.lemma_.lower() in VENUE_WORDS
                for p in t.children if p.dep_ == "prep" and p.lower_ in {"with", "between"}
                for g in p.children if g.dep_ == "pobj"]
    if not partners:
        return set(), []
    return {t.i for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ in TRIP_PREPS
            for g in c.children if g.dep_ == "pobj" for t in g.subtree}, partners


def _go_between(pobj: "Token") -> bool:
    """Does the phrase name a third party's part ("under the auspices of", "through the mediation of")? Its actor
    is a go-between, not the other side (but "agreed to US mediation" agrees with the US)."""
    return pobj.dep_ == "pobj" and pobj.lower_ in THIRD_PARTY_NOUNS and pobj.head.lower_ in GO_BETWEEN_PREPS


def _measured(token: "Token") -> "Token":
    """What a quantity or a count measures ("two days of talks": the talks; "$6 billion in Iranian funds", "billions
    of dollars in assets": the funds, the assets), else the token itself."""
    if _measures(token) or any(c.dep_ == "nummod" for c in token.children):
        of = next((g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                   for g in p.children if g.dep_ == "pobj"), None)
        money = any(c.tag_ == "$" for c in token.children) or token.lemma_.lower() in LARGE_SUMS  # "billions in aid"
        if of is None and not money or of is not None and of.lemma_.lower() not in CURRENCY_NOUNS:
            return of if of is not None else token
        return next((g for p in token.children if p.dep_ == "prep" and p.lower_ == "in"
                     for g in p.children if g.dep_ == "pobj"), of if of is not None else token)
    return token


def _against_phrase(verb: "Token", head: int | None) -> bool:
    """Is the token inside an "against" phrase below the verb ("allied against Isis", "agreed to cooperate against
    Isis", "supported the resolution against Israel")?"""
    if head is None:
        return False
    tok = verb.doc[head]
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.lower_ == "against":
            return verb in tok.head.ancestors
        tok = tok.head
    return False


def _against(mention: Mention, doc: "Doc") -> bool:
    """Is the actor named as what a phrase is for or against ("anti-Isis", "pro-Iranian", "counter-Isis"), or as
    who backs it ("Western-backed")?"""
    return mention.token_start is not None and stance_before(doc, mention.token_start) or \
        mention.token_end is not None and patron_after(doc, mention.token_end)


def _argument_path(verb: "Token", token: "Token") -> bool:
    """Is ``token`` inside one of the verb's own arguments -- its object or a non-locative prepositional phrase,
    not a clause or a place ("delivered medicine *to Peru*", but not "excuses about the talks *in Geneva*")?"""
    for a in (token, *token.ancestors):
        if a.i == verb.i:
            return True
        if a.dep_ not in {"amod", "compound", "poss", "nmod", "dobj", "obj", "pobj", "prep", "dative", "appos", "conj"}:
            return False
        if a.dep_ == "prep" and a.lower_ in LOCATIVE_PREPS:
            return False
    return False


def _main_verb_of_verbless_parse(verb: "Token") -> bool:
    """Is ``verb`` the first verb of a sentence the parser read as one noun phrase (its root a noun)? "Doctors
    from two aid groups donated medicine to X": "donated" hangs on "groups" as if it were a participle."""
    root = verb.sent.root
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBD"} or root.pos_ not in {"NOUN", "PROPN"} or \
            any(c.dep_ in {"auxpass", "agent"} for c in verb.children):
        return False
    first = next((t for t in verb.sent if t.pos_ in {"VERB", "AUX"}), None)
    return first is not None and first.i == verb.i and verb.head.i != root.i


def _reduced_passive(verb: "Token") -> bool:
    """"troops stationed in X": a passive participle on a noun, which is its object (so is a reduced relative the
    tagger calls a past tense, "nationals killed fighting ...") -- unless it is the sentence's only verb: "The
    minister left for Peru", "A coalition bombed Lima" parsed as noun phrases."""
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBD"} or _main_verb_of_verbless_parse(verb):
        return False
    if {"nsubj", "dobj"} <= {c.dep_ for c in verb.children}:
        return False  # "an admission that Soviet forces murdered Polish officers": a clause with its own subject
    if verb.head.dep_ != "ROOT":
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ in {"dobj", "obj"} for c in verb.children)


def _beneficiary(token: "Token", verb: "Token") -> bool:
    """Is ``token`` in a phrase naming whom an act is for ("in support of X", "on behalf of X", "in solidarity
    with X")? A hostile act is not aimed at them."""
    return _within(token, verb, _benefit_of)


def _within(token: "Token", verb: "Token", phrase: "Callable[[Token], bool]") -> bool:
    """Does a word between ``token`` and the verb it hangs on (going up the tree) open a phrase ``phrase`` tests for?"""
    for a in token.ancestors:
        if a.i == verb.i:
            return False
        if phrase(a):
            return True
    return False


def _arms(mention: Mention, doc: "Doc") -> bool:
    """A force named by its arms as a modifier ("artillery fire") or as what is fired ("launched a cruise missile"),
    with no owner of its own: the means, not a side."""
    if mention.head is None or doc[mention.head].lemma_.lower() not in ARMS_WORDS:
        return False
    tok = doc[mention.head]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _measures(tok.head.head):
        tok = tok.head.head  # "launched dozens of drones": what is launched
    if tok.dep_ in {"dobj", "obj"}:  # "launched a cruise missile": the weapon, unless its owner is named
        return mention.actor.country is None or mention.actor.resolution == "context"
    return tok.dep_ == "compound" and mention.actor.country is None


def _official(actor: Actor) -> bool:
    """A state, its government, parliament, courts or forces, or an intergovernmental body: an actor that speaks
    for a state rather than marches."""
    return actor.sector in OFFICIAL_SECTORS or (actor.sector is None and actor.code == actor.country) or \
        (actor.code or "").startswith("IGO")


def _benefit_of(prep: "Token") -> bool:
    """Is ``prep`` the "of"/"with" of "in support of", "on behalf of", "in solidarity with"?"""
    return prep.dep_ == "prep" and prep.lower_ in {"of", "with"} and prep.head.lemma_.lower() in BENEFIT_NOUNS and \
        prep.head.dep_ == "pobj" and prep.head.head.lower_ in {"in", "on"}


def _direct_argument(verb: "Token", token: "Token") -> bool:
    """Is the token (or the first item of its coordination) the verb's object or the object of its preposition?"""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    while token.dep_ in {"compound", "amod", "nmod"} and token.head.i > token.i:
        token = token.head  # "the Syrian capital"
    if token.dep_ in {"dobj", "obj", "npadvmod"} and token.head.i == verb.i:
        return True
    return token.dep_ == "pobj" and token.head.dep_ in {"prep", "dative"} and token.head.head.i == verb.i


def _shallow_keys(verb: "Token") -> frozenset[str]:
    """Pattern keys of the verb's own objects and its own prepositions' objects: their heads (with conjuncts) and
    noun compounds, and a quantity object's of-complement ("700 kg of medicine", "aid deliveries"); not phrases
    nested deeper ("in a sweep of the area", "announced a suspension of attacks")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj", "attr", "oprd", "dative"}]
    # where an act with an object of its own happened is no object ("arrested two men in the city")
    heads = objects + [g for c in verb.children if c.dep_ in {"prep", "agent"} and not (
                           objects and c.lower_ in LOCATIVE_PREPS) for g in c.children if g.dep_ == "pobj"]
    heads += [m for h in objects if (m := _measured(h)) is not h]
    out: set[str] = set()
    for c in verb.children:
        if c.dep_ in {"prep", "prt", "agent", "advmod"}:
            out |= token_keys(c)  # "fought alongside": the verb's own preposition or particle
    for h in heads:
        for t in (h, *h.conjuncts):
            out |= token_keys(t)
            for c in t.children:
                if c.dep_ == "compound":
                    out |= token_keys(c)
    return frozenset(out)


def _object_keys(verb: "Token") -> frozenset[str]:
    """Pattern keys of the verb's direct object heads (a quantity's of-complement included: "ended two days of
    talks") and of the word right after the verb."""
    out: set[str] = set()
    for c in verb.children:
        if c.dep_ in {"dobj", "obj"}:
            for t in (c, *c.conjuncts):
                out |= token_keys(t) | token_keys(_measured(t))
    if verb.i + 1 < len(verb.doc):
        out |= token_keys(verb.doc[verb.i + 1])
    return frozenset(out)


def _split_subjects(verb: "Token", subject: "Token") -> list["Token"]:
    """Subjects the parser split off a list: in "Lions, tigers, and Gondor welcomed ..." both "Lions" and
    "Gondor" are subjects of "welcomed" (or the last a bare noun-phrase adverbial); the later one follows a
    coordinating conjunction of the first."""
    if subject.head.i != verb.i:
        return []
    out, items = [], {t.i for t in _conjuncts(subject)}
    for other in verb.children:
        if (other.dep_ == subject.dep_ or (other.dep_ == "npadvmod" and other.pos_ == "PROPN")) and \
                subject.i < other.i < verb.i and \
                any(t.dep_ == "cc" and t.head.i in items for t in verb.doc[subject.i:other.i]):
            out.append(other)
    return out


def _regular_stems(form: str) -> list[str]:
    """Regular stems an inflected form may come from: "staged" -> "stage", "stopped" -> "stop", "carries" ->
    "carry", "making" -> "make"."""
    out: list[str] = []
    for suffix in ("ied", "ies"):
        if form.endswith(suffix):
            out.append(form[:-3] + "y")
    for suffix in ("ed", "ing", "es", "s"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    if form.endswith("ed"):
        out.append(form[:-1])
    return out


def _prominence(trigger: "Token") -> float:
    """How central the trigger is to its sentence: 1.0 for the main predicate (or the clause a verb of saying
    reports), less for each subordinate clause above it. Used to rank events; the primary event is the top one."""
    score, tok, hops = 1.0, trigger, 0
    while tok.head.i != tok.i and hops < 8:
        head = tok.head
        if tok.dep_ in SUBORDINATE_DEPS and not (tok.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_VERBS):
            if tok.dep_ not in {"prep", "pobj"} or tok.pos_ in {"VERB", "NOUN"}:
                score *= 0.85
        tok, hops = head, hops + 1
    return max(score, 0.4)


# "X will not tolerate Y" warns Y of what follows (CAMEO 130), where "will not meet the demands" refuses them.
TOLERANCE_VERBS = frozenset({"tolerate"})
WARNING_CODE = "130"
REFUSAL_CODES = {"04": "125", "08": "124", "07": "122", "06": "121", "03": "120", "05": "120", "01": "120",
                 "02": "120"}


def _refusal(trigger: "Token") -> bool:
    """"will not" / "would not" + a cooperative act: the speaker refuses it."""
    tok = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    # "will not"; "will no longer" only for what is tolerated ("would no longer supply arms" stops aid, a 16)
    neg = any(c.dep_ == "neg" or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) and
                                  tok.lemma_.lower() in TOLERANCE_VERBS) for c in tok.children)
    return neg and bool(aux & {"will", "would", "wo", "shall"})


def _plover_modality(plover_type: str | None, mode: str | None, quad: int | None,
                     factuality: str) -> tuple[str | None, str | None]:
    """PLOVER's own rule: cooperation reported as future or conditional is an intention (AGREE); conflict reported
    so is a threat (THREATEN) -- "may halt mediation if ..." threatens. The CAMEO code keeps the act itself."""
    if factuality not in {"future", "hypothetical"} or plover_type is None or quad is None:
        return plover_type, mode
    if quad in (1, 2) and plover_type in {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}:
        return "AGREE", None
    if quad in (3, 4) and plover_type in {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST", "REJECT"}:
        return "THREATEN", None
    return plover_type, mode


def _addressed(verb: "Token", head: "Token") -> bool:
    """Is the actor an addressee of the verb: its (indirect) object or the object of to/with?"""
    if head.head == verb and head.dep_ in {"dative", "iobj", "dobj", "obj"}:
        return True
    prep = head.head
    return head.dep_ == "pobj" and prep.head == verb and prep.lower_ in {"to", "with"}


def _nationality(mention: Mention, sent: "Span") -> bool:
    """A mention that names people by nationality ("a Briton", "Iranians"), not a state (the tagger calls them
    NORP or PERSON; a state is GPE or ORG)."""
    head = mention.head
    return head is not None and sent.doc[head].ent_type_ in {"NORP", "PERSON"}


def _rank(event: Event) -> tuple[float, int]:
    return (event.confidence, -(event.trigger_start or 0))


def _split_words(value: str) -> set[str]:
    return {w.strip().lower() for w in value.split("|") if w.strip()}


__all__ = ["EventCoder"]
