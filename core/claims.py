"""Troop-figure claims: who says how many of whose forces are where.

`iter_claims(doc, published=..., timexes=...)` yields one `records.Claim` per
figure that counts forces (troops, formations, equipment) or casualties.
Extraction runs in named steps, cheapest first:

1. find figures in each sentence's text with regular expressions (digits,
   suffixes, spelled-out and vague numbers, ranges) and read the cue words
   before them ("up to more than", "an estimated");
2. keep a figure only if a force or casualty noun follows it or the parse
   ties it to one ("the number of Russian forces ... is 130,000");
3. read the side, place, category, claimant and date from the parse.

Choices the wording leaves open, documented once here:

- a range ("between 100,000 and 130,000", "7,000-15,000") has low and high
  set, `value` = high (the headline figure) and qualifier "between";
- "more than"-type cues set `low` = the figure, "up to"-type cues set
  `high`; approximations ("an estimated", "about") set neither. With
  stacked cues ("up to more than 130,000") the innermost bound wins;
- vague counts ("thousands of troops", "tens of thousands") have
  value None, low = the least the words can mean (1,000; 10,000) and the
  flag "vague";
- "70% of the forces" has value 70, unit "percent" and the flag
  "percent_of:forces";
- a casualty noun with no head count ("a death toll of 185") has unit
  "deaths"; "casualties" counts as killed with the flag "casualties";
- a figure above `Settings.implausible_above` is kept with the flag
  "implausible";
- a change over time ("increased its troops from 12,500 to 25,000") is two
  counts, not a range; the earlier one has the flag "earlier_count";
- a bare number that leaves out an earlier figure's noun in the same
  sentence ("83 BTGs, up from 60"; "179 were killed and 81 were taken
  prisoner") counts the same noun, with the flag "unit_carried";
- civilians and "people" are not counted: a civilian toll is not a troop
  figure. "one" counts only when a unit noun follows it ("one brigade", "one
  Ukrainian attack helicopter");
- "498 servicemen killed and 1,597 wounded" counts 1,597 servicemen (category
  wounded, flag "unit_carried"); after a count of civilians ("11 people were
  killed and 64 wounded") the bare "wounded" is no claim;
- a change ("increased its troops by 7,000") keeps the flag "change";
- a hypothetical ("whether we have 50,000 or one million soldiers"), an award
  ("476 soldiers have been awarded") and civilian equipment (an airline's
  aircraft, research ships) are no claims (`_not_a_claim`);
- a figure no sentence attributes is claimed by whoever speaks there
  (`core.speakers`); a figure in a reporter's question by "reporter
  (question)", flagged "question"; one inside a quotation of several sentences
  by whom its closing '...," X said' names;
- equipment handed over "to" or "for" a party (`claim_transfer_words.txt`) is
  the receiver's; forces "sent" stay the sender's;
- the publisher speaks for a side only when it is one, an official body of
  one ("General Staff of the Armed Forces of Ukraine") or an office of one
  ("President of Russia"); a news outlet for none;
- a quotation in single marks is read like one in double marks, and its
  speaker's "we" and "our" are the side the speaker's description names
  ("German Defence Minister Boris Pistorius"); "according to our data" is the
  speaker's own claim;
- a source named at the end of a sentence of indirect speech ("..., X said.")
  says that sentence only; one who closes a quotation may go on;
- "its losses amounted to N", "the losses of the enemy are N" and "estimates
  Russian losses at N" are losses of whom the loss noun names.

Lexicons live in `core/data/claim_*.csv|txt`, each with its provenance.
"""
from __future__ import annotations

import csv
import dataclasses
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from core.countries import countries, country_for
from core.ingest import headline_span
from core.records import Claim, Timex
from core.speakers import Voices, office_words
from core.syntax import with_syntax

log = logging.getLogger(__name__)

_DATA = Path(__file__).parent / "data"
_UNITS = _DATA / "claim_units.csv"
_NON_CLAIMS = _DATA / "claim_non_claims.csv"
_CASUALTY_WORDS = _DATA / "claim_casualty_words.csv"
_APPROX_CUES = _DATA / "claim_qualifiers.csv"
_REPORTING_VERBS = _DATA / "claim_reporting_verbs.txt"
_DEPLOY_VERBS = _DATA / "claim_deploy_verbs.txt"
_NUMBER_WORDS = _DATA / "claim_number_words.csv"
_LOCATION_PREPS = _DATA / "claim_location_preps.txt"
_LOCATION_NOUNS = _DATA / "claim_location_nouns.txt"
_SIDE_METONYMS = _DATA / "claim_side_metonyms.csv"
_SIDE_GROUPS = _DATA / "claim_side_groups.csv"
_ADVERSARIES = _DATA / "claim_adversaries.csv"
_ENEMY_WORDS = _DATA / "claim_enemy_words.txt"
_BORDER_NOUNS = _DATA / "claim_border_nouns.txt"
_REPORT_NOUNS = _DATA / "claim_report_nouns.txt"
_MODEL_PREFIXES = _DATA / "claim_model_prefixes.txt"
_ORG_NOUNS = _DATA / "claim_org_nouns.txt"
_TRANSFER_WORDS = _DATA / "claim_transfer_words.txt"
_STATE_WORDS = _DATA / "claim_state_words.txt"
_AID_VERBS = _DATA / "claim_aid_verbs.txt"
_AID_RECEIVERS = _DATA / "claim_aid_receivers.txt"
_ORG_DESCRIPTIONS = _DATA / "claim_org_descriptions.txt"
_FIGHTING_VERBS = _DATA / "claim_fighting_verbs.txt"
_ROLES_NAMED_LATER = _DATA / "claim_roles_named_later.txt"

# Dependents of a force noun that can name whose force it is: "Russian
# troops", "Moscow's forces", "Russia troops", "troops of Russia".
_SIDE_DEPS = frozenset({"amod", "poss", "compound", "nmod"})
# Nominal subjects, active and passive; objects a claimant may be misparsed as.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_SUBJECT_OR_OBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# A verb with no subject of its own borrows its head's (participles,
# infinitives and coordinated verbs: "..., saying it is likely").
_SUBJECTLESS_VERB_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp"})
# Verbs linking a count noun to its figure: "the number ... is 130,000",
# "troops numbering 100,000", "the toll rose to 185", "put the number at".
_LINKING_VERBS = frozenset({
    "be", "number", "total", "reach", "stand", "rise", "grow", "swell",
    "increase", "exceed", "top", "estimate", "put", "climb", "hit", "jump",
    "include", "comprise", "range",
})
# Verbs by which a unit counts what a noun holds ("detachments of the Russian Armed Forces,
# numbering two or three tanks", "units including 15 tanks"): the side is that noun's.
_HOLDING_VERBS = frozenset({"number", "include", "comprise", "consist"})
_JOINT_DEPS = frozenset({"nsubj", "nsubjpass", "amod", "compound", "poss", "nmod"})   # who acts or owns, not where
_PARTITIVE_PRONOUNS = frozenset({"them", "those", "these", "whom"})   # "8,000 of them", "Of those, 33,000"
_SUFFER_VERBS = frozenset({"lose", "suffer", "sustain", "incur"})   # "Russia has lost 13,500 troops": its own
_REVISING_VERBS = frozenset({"correct", "revise", "update", "adjust", "amend", "raise", "lower"})   # "... the figure to N"
_ESTIMATE_VERBS = frozenset({"put", "estimate", "place", "peg", "assess"})   # "put the build-up at 130,000 soldiers"
# Nouns that stand for a count of what their "of" phrase names.
_COUNT_NOUNS = frozenset({"number", "figure", "total", "count", "size", "strength", "tally", "estimate"})
# How far up the parse a figure looks for what it counts, and the clause
# links a non-linking verb passes the climb through.
_GOVERNOR_STEPS = 5
_CLIMB_THROUGH_DEPS = frozenset({"advcl", "acl", "xcomp"})
# Nouns for a death toll: "a death toll of 185" counts deaths.
_TOLL_NOUNS = frozenset({"toll"})
# "its losses amounted to 2,000 servicemen", "the losses of the enemy are 156,990 personnel":
# a subject that makes the counted noun a loss, and names whose.
_LOSS_NOUNS = frozenset({"loss", "casualty", "dead"})
_AMOUNT_PREPS = frozenset({"to", "at"})      # "amounted to", "stood at"
_CONTRAST_MARKS = frozenset({"while", "whereas", "whilst"})   # "X says ..., while Y puts it at ..."
_ELLIPTIC_CASUALTY = frozenset({"wounded", "injured", "dead"})   # "N soldiers killed and M wounded": M soldiers
# Function words allowed between a figure and its noun: "130,000 of its
# troops", "70% of the forces", "100,000-strong force".
_BRIDGE_WORDS = frozenset({
    "of", "the", "its", "their", "his", "her", "our", "your", "'s", "\u2019s",
    "-", "strong", "more", "additional", "extra", "new", "fresh", "other",
    "them", "those", "these",
})
_BRIDGE_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBD", "NNP", "NNPS", "HYPH", "POS", "PRP$", "DT"})
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})
# "This was stated by ...": a subject that stands for what came before.
_BACK_PRONOUNS = frozenset({"this", "that", "it"})
# A mark, while a document is read, of a side guessed from the clause, an earlier
# sentence or the source rather than read from the force phrase or its deployer;
# `repeats_share_sides` reads it and takes it off (it is no flag of the output).
_SIDE_GUESSED = "side_guessed"
# A speaker speaking of themselves or their own side.
_FIRST_PERSON = frozenset({"i", "we", "our", "my", "us"})
# Prepositions that continue a source's name or affiliation: "Ministry of
# Defence", "Institute for the Study of War", "analysts at RUSI".
_AFFILIATION_PREPS = frozenset({"of", "for", "at", "from"})
_SOURCE_PREPS = _AFFILIATION_PREPS | {"in", "on", "with", "close"}   # "a source in the SBU", "officials on both sides"
# Verbs of leaving: "withdraw its troops from Niger" names where they were, not whose they are.
_AWAY_VERBS = frozenset({"withdraw", "pull", "remove", "evacuate", "leave", "retreat", "recall", "expel", "return"})
# Nouns of leaving: "the withdrawal of its last 1,500 soldiers from Niger".
_AWAY_NOUNS = frozenset({"withdrawal", "pullout", "evacuation", "departure", "exit", "drawdown", "retreat", "return"})
_PRONOUNS_OTHER = frozenset({"it", "they", "we", "i", "you", "this", "that", "them", "us"})
_QUOTE_MARKS = ('"', "\u201c", "'", "\u2018")   # British style opens with a single mark
_QUOTE_CLOSE = re.compile(r'[,.!?\u2026]\s*["\u201d\'\u2019]\s+(?=\S)')   # '...," the President said': closes a quotation
_QUOTE_TAIL_CHARS = 120        # the longest '"..., the head of the ... said' after a closing quotation mark
_FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "by", "with",
                             "from", "is", "was", "who", "which", "that", "more", "day", "time"})
_PERCENT_WORDS = ("%", "percent", "per cent")
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my"})
_ALLEGIANCE_WORDS = frozenset({"loyal", "belonging", "affiliated", "linked"})   # "fighters loyal to X": X's
_ALLIANCE_NOUNS = frozenset({"alliance", "bloc"})   # "alliance troops": the alliance named before (`_last_named_group`)
_REFERRING_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization"})   # "the group had ..."
_INCLUDING_WORDS = frozenset({"including", "among"})   # "units including 15 tanks": what the count is part of
_TEXT_KEY = "crisis_claims_text"      # doc.user_data: the doc's text, joined once (`_text_of`)
_NAME_REACH = 150       # tokens back a short reference ("the alliance", "the SDF") may find what it stands for
_SIDE_WINDOW = 16       # tokens before the force noun read for its side ("130,000 of Russia's best-equipped ... troops")
_MAX_NAME_TOKENS = 8    # tokens of an entity read each way from a token, for its side
_MAX_ANCESTOR_STEPS = 12  # heads read up from a time expression to find what it hangs off
_CLAUSE_SIDE_WINDOW = 60  # tokens read back from a force noun for a country acting in its clause
_CUE_CONTEXT_CHARS = 100  # characters either side of a figure its cue patterns read
_MEMO_KEY = "crisis_claims_memo"   # doc.user_data: per-sentence answers (`_per_sentence`), dropped after the doc
# Figures glued to letters are model names ("T-72", "Su-35", "S-400").
_MODEL_NAME_BEFORE = re.compile(r"[A-Za-z]-?$")
# "14 Leopard 2": a count, then a capitalised name that ends in a number.
_MODEL_NAME_AFTER_COUNT = re.compile(r"\d\s+([A-Z][A-Za-z-]*)\s+$")
_MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_CURRENCY_BEFORE = re.compile(r"[$\u00a3\u20ac\u20bd\u20b4]\s*$|\b(?:USD|EUR|GBP|US\$)\s*$")
# A bare four-digit year after a time preposition: "In 2014 Russian troops ...".
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_YEAR_BEFORE = re.compile(r"\b(?:in|since|by|until|till|from|of|during|before|after|early|late|mid|summer|spring|autumn|winter)[\s-]*$", re.I)
_AGE_OR_DURATION_AFTER = re.compile(r"^-?\s*(?:year|month|week|day|hour|minute)s?\b", re.I)
_POST_CUES = (
    (re.compile(r"^\s*(?:or more|or over|-plus|plus|\+)", re.I), "more than", "low"),
    (re.compile(r"^\s*or so\b", re.I), "about", "none"),
)
# A verb of change before "from A to B" makes A and B two counts at two
# times, not a range: "increased its troops in Crimea from 12,500 to 25,000".
_CHANGE_BEFORE = re.compile(
    r"\b(?:increas|rais|rose\b|risen\b|rise\b|rising|grew\b|grow|swell|swollen|doubl|tripl|boost|"
    r"cut\b|cutting|reduc|decreas|fell\b|fall|drop|brought\b|bring|expand|shr[iu]nk)\w*[^,;.]*$",
    re.I,
)
_RANGE_JOINERS = re.compile(r"^\s*(?:-|\u2013|\u2014|to|and|or)\s*$", re.I)
_SENTENCE_WINDOW = 2          # sentences a side is inherited across
_CONTINUES = 2                # sentences a named source's reported speech goes on for
_QUOTE_REACH = 8              # sentences back from '...," X said.' its quotation may have opened
_RETRO_REACH = 3              # sentences after a figure where "This was stated by X" may claim it
_CLAUSE_STEPS = 6             # words above a figure where a hypothetical or an award may sit
_SOURCE_REACH = 2             # sentences back a short source ("the ministry", "it") may name a fuller one
_SHORT_SENTENCE = 4          # tokens: a "sentence" this short is a split abbreviation ("Brig.")
_ROLE_REACH = 12              # words before a name that may introduce its role ("Adviser to the Head of ...")
_BRIDGE_MAX = 6               # tokens allowed between a figure and its noun
_LOCATION_MAX = 8             # tokens between a force noun and its place phrase


@dataclass(frozen=True)
class Settings:
    """Thresholds for flags; pass one to `iter_claims` to change them."""

    implausible_above: float = 50_000_000


@dataclass(frozen=True)
class Lexicons:
    """The claim rules read from `core/data/claim_*`."""

    units: dict[str, tuple[str, str]]          # surface -> (kind, category)
    casualty: dict[str, str]                   # lemma -> category
    cues: dict[str, tuple[str, str]]           # cue -> (qualifier, bound)
    reporting: frozenset[str]
    deploy: frozenset[str]
    numbers: dict[str, tuple[float, str]]      # word -> (value, kind)
    location_preps: frozenset[str]
    location_nouns: frozenset[str]
    titles: frozenset[str]
    metonyms: dict[str, str]                   # lower-case term -> country or group (NATO, Wagner Group)
    capitals: dict[str, str]                   # lower-case capital -> country
    max_unit_words: int = field(default=1)
    non_claims: dict[str, frozenset[str]] = field(default_factory=dict)   # kind -> words (claim_non_claims.csv)
    adversaries: dict[str, str] = field(default_factory=dict)   # side -> whom its speakers call "the enemy"
    enemy_words: frozenset[str] = frozenset()
    border_nouns: frozenset[str] = frozenset()
    report_nouns: frozenset[str] = frozenset()
    org_nouns: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()       # sides that are alliances or armed groups, not countries
    transfer_words: frozenset[str] = frozenset()
    aid_verbs: frozenset[str] = frozenset()     # "send": a transfer only to a party at war
    aid_receivers: frozenset[str] = frozenset()   # the parties at war it is a transfer to (lower case)
    org_descriptions: frozenset[str] = frozenset()   # "the think tank": an organisation named elsewhere
    fighting_verbs: frozenset[str] = frozenset()   # "fight for Kyiv": Kyiv's forces
    state_words: frozenset[str] = frozenset()   # "the junta", "regime soldiers": a state not named
    roles_named_later: frozenset[str] = frozenset()   # "the head of ... said. Kyrylo Budanov said"
    shortened: dict[str, tuple[str, ...]] = field(default_factory=dict)   # "groups" -> ("battalion tactical groups",)
    model_prefix: re.Pattern[str] = re.compile(r"(?!)")   # a designation prefix and a space ("Mk "), at the end


@dataclass(frozen=True)
class _Figure:
    """A number found in the text, before we know what it counts."""

    start: int                 # doc char offsets of the figure itself
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = ""
    phrase_start: int = -1     # where the cue words begin
    phrase_end: int = -1
    flags: tuple[str, ...] = ()
    later: tuple[int, int] | None = None   # the later count of "grew from A to B", for A


@dataclass(frozen=True)
class _Unit:
    """The noun a figure counts and what kind of count it is."""

    token: Token
    text: str
    kind: str
    category: str
    flags: tuple[str, ...] = ()
    side: str = ""             # once counted: the side its claim was given
    side_guessed: bool = False


# --------------------------------------------------------------------------
# lexicons


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [[cell.strip() for cell in row] for row in csv.reader(lines)]


def _words(path: Path) -> frozenset[str]:
    return frozenset(row[0].lower() for row in _rows(path))


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """Load every claim lexicon once per process."""
    units = {row[0].lower(): (row[1], row[2] if len(row) > 2 else "") for row in _rows(_UNITS)}
    capitals = {
        country.capital.lower(): country.name for country in countries().values() if country.capital
    }
    return Lexicons(
        units=units,
        casualty={row[0].lower(): row[1] for row in _rows(_CASUALTY_WORDS)},
        cues={row[0].lower(): (row[1], row[2]) for row in _rows(_APPROX_CUES)},
        reporting=_words(_REPORTING_VERBS),
        deploy=_words(_DEPLOY_VERBS),
        numbers={row[0].lower(): (float(row[1]), row[2]) for row in _rows(_NUMBER_WORDS)},
        location_preps=_words(_LOCATION_PREPS),
        location_nouns=_words(_LOCATION_NOUNS),
        titles=office_words(),
        metonyms={row[0].lower(): row[1] for row in _rows(_SIDE_METONYMS) + _rows(_SIDE_GROUPS)},
        capitals=capitals,
        max_unit_words=max(len(re.findall(r"[^\s-]+|-", surface)) for surface in units),   # tokens: "anti - aircraft"
        non_claims=_grouped(_rows(_NON_CLAIMS)),
        adversaries={row[0]: row[1] for row in _rows(_ADVERSARIES)},
        enemy_words=_words(_ENEMY_WORDS),
        border_nouns=_words(_BORDER_NOUNS),
        report_nouns=_words(_REPORT_NOUNS),
        org_nouns=_words(_ORG_NOUNS),
        transfer_words=_words(_TRANSFER_WORDS),
        aid_verbs=_words(_AID_VERBS),
        aid_receivers=_words(_AID_RECEIVERS),
        org_descriptions=_words(_ORG_DESCRIPTIONS),
        fighting_verbs=_words(_FIGHTING_VERBS),
        state_words=_words(_STATE_WORDS),
        roles_named_later=_words(_ROLES_NAMED_LATER),
        shortened=_shortened(units),
        groups=frozenset(row[1] for row in _rows(_SIDE_GROUPS) if country_for(row[1]) is None),
        model_prefix=re.compile(r"\b(?:" + "|".join(re.escape(row[0]) for row in _rows(_MODEL_PREFIXES)) + r") $"),
    )


def _shortened(units: dict[str, tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """The last word of each unit of several words that is no unit alone, to those units."""
    table: dict[str, list[str]] = {}
    for surface in units:
        words = surface.split()
        if len(words) > 1 and " of " not in surface and words[-1] not in units:
            table.setdefault(words[-1], []).append(surface)
    return {last: tuple(surfaces) for last, surfaces in table.items()}


def _grouped(rows: list[list[str]]) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for kind, word in rows:
        table.setdefault(kind, set()).add(word.lower())
    return {kind: frozenset(words) for kind, words in table.items()}


@lru_cache(maxsize=1)
def _figure_pattern() -> re.Pattern[str]:
    """Digits (with separators and suffixes), spelled-out and vague numbers."""
    words = sorted(lexicons().numbers, key=len, reverse=True)
    word = r"(?:" + "|".join(words) + r")"
    digits = (
        r"\d{1,3}(?:(?:,\d{3})+|(?:[ \u00a0\u202f\u2009]\d{3}(?!\d))+)(?:\.\d+)?"
        r"|\d+(?:\.\d+)?(?:\s*\^\s*\d+)?"
    )
    scale = r"(?:(?:k|m|mn|bn)\b|\s+(?:thousand|million|billion|trillion|quadrillion)\b)?"
    spelled = rf"(?:(?:half\s+)?an?\s+)?{word}(?:(?:\s+|-)(?:and\s+)?{word})*"
    vague = (
        r"(?:tens|dozens|scores|hundreds|thousands|millions)(?:\s+of\s+(?:thousands|millions))?(?=\s+of\b)"
        r"|(?:several|a\s+few|a\s+couple\s+of|many)\s+(?:dozen|hundred|thousand|million)"
    )
    return re.compile(
        rf"(?<![\w.,])(?:(?P<digits>{digits}){scale}|(?P<vague>{vague})|(?P<spelled>{spelled}))(?![\w])",
        re.I,
    )


# --------------------------------------------------------------------------
# step 1: figures


def _parse_digits(text: str) -> float:
    """ "130,000" -> 130000, "1.2 million" -> 1200000, "130k", "10^15"."""
    lowered = text.lower()
    match = re.match(r"([\d,. \u00a0\u202f\u2009]+?)\s*(\^\s*\d+)?\s*(k|m|mn|bn|thousand|million|billion|trillion|quadrillion)?$", lowered.strip())
    if not match:
        raise ValueError(f"not a number: {text!r}")
    number = float(re.sub(r"[, \u00a0\u202f\u2009]", "", match.group(1)))
    if match.group(2):
        try:
            number = number ** int(match.group(2).lstrip("^ "))
        except OverflowError:
            number = float("inf")
    multiplier = {
        None: 1, "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6,
        "bn": 1e9, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15,
    }[match.group(3)]
    return number * multiplier


def _parse_spelled(text: str, numbers: dict[str, tuple[float, str]]) -> float | None:
    """ "a hundred thousand" -> 100000, "two dozen" -> 24, "half a million" -> 500000."""
    total, group, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            group = group or 1.0
            continue
        if word == "half":
            group = 0.5
            continue
        value, kind = numbers[word]
        seen = True
        if kind == "unit":
            group += value
        elif kind in ("hundred", "dozen"):
            group = (group or 1.0) * value
        else:
            total += (group or 1.0) * value
            group = 0.0
    return total + group if seen else None


def _parse_vague(text: str) -> float:
    """The least a vague count can mean: "tens of thousands" -> 10000."""
    least = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
             "millions": 1e6, "dozen": 12, "hundred": 100, "thousand": 1000, "million": 1e6}
    value = 1.0
    for word in re.findall(r"[a-z]+", text.lower()):
        value *= least.get(word, 1)
    return value


def _raw_figures(sent: Span, lex: Lexicons) -> list[_Figure]:
    """Every number in the sentence that is not a model name, money, age or duration."""
    text, offset = sent.text, sent.start_char
    found: list[_Figure] = []
    for match in _figure_pattern().finditer(text):
        # the cue patterns are anchored at the figure: nearby text is enough, and copying the
        # whole sentence for each figure made one long sentence of figures quadratic
        before = text[max(0, match.start() - _CUE_CONTEXT_CHARS):match.start()]
        after = text[match.end():match.end() + _CUE_CONTEXT_CHARS]
        if _MODEL_NAME_BEFORE.search(before) and not before.endswith(" ") or lex.model_prefix.search(before):
            continue                      # "T-72", "Su-35", "Mk 41": part of a model name
        if _CURRENCY_BEFORE.search(before) or _AGE_OR_DURATION_AFTER.match(after):
            continue
        if _YEAR.match(match.group(0)) and _YEAR_BEFORE.search(before):
            continue
        if _is_model_name_number(match.group(0), before) or _is_day_of_month(match.group(0), before, after):
            continue
        flags: tuple[str, ...] = ()
        if match.group("digits"):
            value: float | None = _parse_digits(match.group(0))
        elif match.group("vague"):
            value, flags = None, ("vague",)
        else:
            value = _parse_spelled(match.group(0), lex.numbers)
            if value is None or value < 1 or value == 1 and not _one_unit(match.group(0), after, lex):
                continue      # "one of the soldiers", "a soldier": not a count
        figure = _Figure(start=offset + match.start(), end=offset + match.end(), value=value,
                         phrase_start=offset + match.start(), phrase_end=offset + match.end(),
                         flags=flags)
        if match.group("vague"):
            figure = _replace(figure, low=_parse_vague(match.group(0)))
        found.append(figure)
    return found


def _is_model_name_number(figure: str, before: str) -> bool:
    """ "14 Leopard 2 tanks": a small number after a count and a capitalised
    name is part of the name. A month or weekday is not a name: "on 24
    February 150 troops"."""
    match = _MODEL_NAME_AFTER_COUNT.search(before)
    return bool(match and figure.isdigit() and len(figure) <= 3
                and match.group(1).lower() not in _MONTHS_AND_DAYS)


def _is_day_of_month(figure: str, before: str, after: str) -> bool:
    """ "On 24 February 150 tanks ...", "February 24": a day, not a count."""
    significant = figure.lstrip("0")   # int() refuses strings of over 4,300 digits
    if not (figure.isdigit() and len(significant) <= 2 and 1 <= int(significant or "0") <= 31):
        return False
    word_after = re.match(r"\s*([A-Za-z]+)", after)
    word_before = re.search(r"([A-Za-z]+)\.?\s+$", before)
    return any(word is not None and word.group(1).lower() in _MONTHS_AND_DAYS
               for word in (word_after, word_before))


def _one_unit(figure: str, after: str, lex: Lexicons) -> bool:
    """ "one sailor", "one brigade", "one Ukrainian attack helicopter": the word "one"
    counts when a unit noun follows it, at once or after at most two modifiers;
    "one of the soldiers", "a soldier" do not."""
    if figure.lower() != "one":
        return False
    words = re.findall(r"[A-Za-z-]+", after[:60])[:3]
    for at, word in enumerate(words):
        if word.lower() in lex.units:
            return True
        if at == 2 or word.lower() in _FUNCTION_WORDS:
            return False
    return False


def _replace(figure: _Figure, **changes: object) -> _Figure:
    values = {**figure.__dict__, **changes}
    return _Figure(**values)  # type: ignore[arg-type]


def _merge_ranges(figures: list[_Figure], doc_text: str) -> list[_Figure]:
    """Join "between A and B", "from A to B", "A-B", "two or three" into one figure with bounds."""
    merged: list[_Figure] = []
    index = 0
    while index < len(figures):
        first = figures[index]
        second = figures[index + 1] if index + 1 < len(figures) else None
        if second and _is_change(first, second, doc_text):
            merged.append(_replace(first, flags=first.flags + ("earlier_count",), later=(second.start, second.end)))
            index += 1
            continue
        joined = _as_range(first, second, doc_text) if second else None
        if joined:
            merged.append(joined)
            index += 2
        else:
            merged.append(first)
            index += 1
    return merged


def _is_change(first: _Figure, second: _Figure, doc_text: str) -> bool:
    """ "increased its troops in Crimea from 12,500 to 25,000": a verb of change
    before "from A to B" makes A an earlier count and B a later one, not the
    bounds of one estimate."""
    between = doc_text[first.end:second.start].strip().lower()
    before = doc_text[max(0, first.phrase_start - 120):first.start]
    opener = re.search(r"\bfrom\s*$", before, re.I)
    return between == "to" and opener is not None and bool(_CHANGE_BEFORE.search(before[:opener.start()]))


def _as_range(first: _Figure, second: _Figure, doc_text: str) -> _Figure | None:
    """The two figures as one range, or None. A change over time (`_is_change`) is checked first, by the caller."""
    between = doc_text[first.end:second.start]
    joiner = _RANGE_JOINERS.match(between)
    if not joiner or first.value is None or second.value is None:
        return None
    word = between.strip().lower()
    before = doc_text[max(0, first.start - 40):first.start]
    opener = re.search(r"\b(between|from)\s*$", before, re.I)
    if word == "and" and not (opener and opener.group(1).lower() == "between"):
        return None
    if word == "or" and not (first.value < second.value <= 2 * first.value):
        return None                   # "two or three tanks" is a range; "150 or one million" is not
    low, high = first.value, second.value
    if low * 100 <= high and re.search(r"[a-z]$", doc_text[second.start:second.end], re.I):
        # "1.2 to 1.5 million": the scale word covers both ends
        written = float(re.sub(r"[^\d.]", "", doc_text[second.start:second.end].split()[0]) or 1)
        if written:                    # "0 million" has no scale to carry over
            low *= high / written
    if low > high:
        return None
    start = first.start - (len(before) - opener.start()) if opener else first.start
    return _Figure(start=first.start, end=second.end, value=high, low=low, high=high,
                   qualifier="between", phrase_start=start, phrase_end=second.end)


def _read_cues(figure: _Figure, doc_text: str, lex: Lexicons) -> _Figure:
    """Qualifier and bounds from the cue words around the figure."""
    if figure.qualifier == "between":
        return figure
    cues: list[tuple[str, str, int]] = []          # innermost first
    cursor = figure.start
    ordered = sorted(lex.cues, key=len, reverse=True)
    while True:
        before = doc_text[max(0, cursor - 40):cursor]
        for cue in ordered:
            match = re.search(rf"(?:^|(?<=\W)){re.escape(cue)}\s*$", before, re.I)
            if match:
                qualifier, bound = lex.cues[cue]
                cursor -= len(before) - match.start()
                cues.append((qualifier, bound, cursor))
                break
        else:
            break
    after = doc_text[figure.end:figure.end + 20]
    post = [(q, b, figure.start) for pattern, q, b in _POST_CUES if pattern.match(after)]
    chosen = _choose_cue(post + cues)
    if not chosen:
        return figure
    qualifier, bound = chosen
    low = figure.value if bound == "low" else figure.low
    high = figure.value if bound == "high" else figure.high
    start = min([figure.phrase_start] + [c[2] for c in cues])
    return _replace(figure, qualifier=qualifier, low=low, high=high, phrase_start=start)


def _choose_cue(cues: list[tuple[str, str, int]]) -> tuple[str, str] | None:
    """The innermost bound cue, else the innermost approximation."""
    bounds = [(q, b) for q, b, _ in cues if b in ("low", "high")]
    if bounds:
        return bounds[0]
    others = [(q, b) for q, b, _ in cues if q != "additional"]
    return others[0] if others else None


def find_figures(sent: Span, *, lex: Lexicons | None = None) -> list[_Figure]:
    """Step 1: every figure in a sentence, ranges merged, cues read. No parse needed."""
    lex = lex or lexicons()
    doc_text = _text_of(sent.doc)
    figures = _merge_ranges(_raw_figures(sent, lex), doc_text)
    return [_read_cues(figure, doc_text, lex) for figure in figures]


# --------------------------------------------------------------------------
# step 2: what the figure counts


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _unit_at(token: Token, lex: Lexicons) -> tuple[str, int] | None:
    """The longest unit surface starting at `token`, and how many tokens it spans."""
    doc = token.doc
    for width in range(lex.max_unit_words, 0, -1):
        if token.i + width > len(doc):
            continue
        words = doc[token.i:token.i + width]
        surface = " ".join(words.text.lower().split())      # "anti-aircraft systems" as written
        if surface in lex.units:
            return surface, width
    return None


def _later_unit(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Another unit noun right after a unit word, past demonyms: "army soldiers",
    "wounded Ethiopian troops". The later noun is the head."""
    for token in doc[index:index + 3]:
        if _unit_at(token, lex):
            return True
        if not (token.ent_type_ in ("NORP", "GPE") or token.tag_ in ("JJ", "NNP")):
            return False
    return False


def _direct_unit(figure_span: Span, lex: Lexicons) -> tuple[Token, str, bool] | None:
    """A unit noun right after the figure: "130,000 Russian troops", "70% of the forces"."""
    doc = figure_span.doc
    percent = False
    index = figure_span.end
    steps = 0
    while index < len(doc) and steps <= _BRIDGE_MAX:
        token = doc[index]
        found = _unit_at(token, lex)
        if found:
            surface, width = found
            if _later_unit(doc, index + width, lex):
                index, steps = index + width, steps + 1   # "army soldiers", "wounded troops": the later noun
                continue
            head = doc[index] if " of " in surface else doc[index + width - 1]   # "units of equipment"
            return head, surface, percent
        lowered = token.lower_
        if steps == 0 and lowered in ("%", "percent") or lowered == "per" and doc[index + 1:index + 2].text == "cent":
            percent = True
            index += 2 if lowered == "per" else 1
            continue
        if token.like_num and _is_model_number(doc, index, figure_span.end):
            index, steps = index + 1, steps + 1       # "14 Leopard 2 tanks": part of a name
            continue
        if token.like_num or token.is_punct and token.tag_ not in ("HYPH", "POS"):
            return None
        if not _bridges(token, doc):
            return None
        index += 1
        steps += 1
    return None


def _governors(number: Token) -> Iterator[tuple[Token, bool]]:
    """Nominals the parse ties a figure to, each with whether a linking verb ties it.

    Climbs from the number through prepositions, quantifier words and
    "as high as" to the first noun or verb. A noun head ends the climb. A
    verb yields its subjects and objects ("the number of forces is 130,000",
    "put the number of troops at 410,000"), then the climb goes on through
    linking verbs and through adverbial clauses that a misattached
    preposition may sit in ("put the number ... in occupied Ukraine at N").
    """
    node = number
    for _ in range(_GOVERNOR_STEPS):
        head = node.head
        if head == node:
            return
        if head.pos_ in ("NOUN", "PROPN"):
            yield head, True
            return
        if head.pos_ in ("VERB", "AUX"):
            linking = head.lemma_.lower() in _LINKING_VERBS
            for child in _linked_nominals(head, node):
                yield child, linking
            if head.dep_ == "acl":
                yield head.head, linking
            if not linking and head.dep_ not in _CLIMB_THROUGH_DEPS:
                return
        elif not (head.pos_ in ("ADP", "NUM", "ADJ", "ADV") or head.dep_ in ("prep", "quantmod")):
            return
        node = head


def _bridges(token: Token, doc: Doc) -> bool:
    """A word that may stand between a figure and its noun: function words,
    adjectives and participles ("2,000 destroyed Russian tanks"), names,
    demonyms, noun modifiers and the first half of a hyphenated adjective
    ("combat-ready troops")."""
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        token.lower_ in _BRIDGE_WORDS
        or token.tag_ in _BRIDGE_TAGS and not (token.tag_ == "VBD" and token.pos_ == "AUX")
        or token.tag_ == "NN" and token.dep_ in ("compound", "amod")
        or token.tag_ == "NN" and following is not None and following.tag_ == "HYPH"
        or token.ent_type_ in ("NORP", "GPE")
    )


def _is_model_number(doc: Doc, index: int, bridge_start: int) -> bool:
    """A number inside the bridge that belongs to a capitalised name before
    it: the "2" of "14 Leopard 2 tanks"."""
    previous = doc[index - 1]
    return (index > bridge_start and previous.tag_ in ("NNP", "NNPS") and previous.text[:1].isupper()
            and previous.lower_ not in _MONTHS_AND_DAYS and doc[index].text.isdigit())


def _constructed_unit(number: Token, lex: Lexicons) -> Token | None:
    """A unit tied to the figure by the parse rather than adjacency.

    "the number of Russian forces ... is 130,000", "troops numbering
    100,000", "a force of 100,000", "the death toll rose to 185", "raised
    the death toll to 135". A verb that does not link its subject to the
    figure ties it only through a count noun: "troops killed 50" does not
    count troops.
    """
    for nominal, linking in _governors(number):
        if not linking and nominal.lemma_.lower() not in _COUNT_NOUNS | _TOLL_NOUNS:
            continue
        found = _count_noun_unit(nominal, lex)
        if found is not None:
            return found
    return None


def _bare_count_noun(number: Token, lex: Lexicons) -> Token | None:
    """ "the true number could be as high as 100,000": a count noun that says
    what the figure is, with no "of" phrase to say what it counts."""
    for nominal, _ in _governors(number):
        if nominal.lemma_.lower() in _COUNT_NOUNS and _count_noun_unit(nominal, lex) is None:
            return nominal
    return None


def _partitive_unit(number: Token, lex: Lexicons) -> Token | None:
    """ "222,000 of the planned 300,000 reservists": the unit the figure is a part of."""
    return next((obj for obj in _of_objects(number) if obj.lower_ in lex.units), None)


def _referred_unit(number: Token, earlier: _Unit | None) -> _Unit | None:
    """ "Roughly 8,000 of them are in Kursk", "Of those, 33,000 had joined units": a part of
    what the sentence before counted (`earlier`, its last unit) counts the same thing."""
    if earlier is None or earlier.flags and earlier.flags[0].startswith("percent_of"):
        return None
    of_them = any(obj.lower_ in _PARTITIVE_PRONOUNS for obj in _of_objects(number))
    sent = number.sent
    opening = [t.lower_ for t in sent[:2]]
    of_those = opening[:1] == ["of"] and opening[1:] and opening[1] in _PARTITIVE_PRONOUNS \
        and number.dep_ in _SUBJECT_DEPS
    if not (of_them or of_those) or any(c.pos_ in ("NOUN", "PROPN") for c in number.children if c.dep_ != "prep"):
        return None
    return _Unit(token=number, text=earlier.text, kind=earlier.kind, category=earlier.category,
                 flags=("unit_carried",), side=earlier.side, side_guessed=earlier.side_guessed)


def _fronted_partitive_unit(number: Token, lex: Lexicons) -> _Unit | None:
    """ "Of the aircraft, 47 crossed the median line": a sentence that opens with "Of the"
    and a unit counts that unit in the number standing as its subject."""
    words = [t for t in number.sent if not t.is_space]
    if len(words) < 4 or words[0].lower_ != "of" or words[1].lower_ != "the" or number.dep_ not in _SUBJECT_DEPS:
        return None
    found = _unit_at(words[2], lex)
    if found is None or words[2].i + found[1] >= number.i:
        return None
    surface, width = found
    kind, category = lex.units[surface]
    return _Unit(token=words[2 + width - 1], text=surface, kind=kind, category=category)


def _strong_unit(figure_span: Span, lex: Lexicons) -> Token | None:
    """ "Moscow's forces, some 130,000 strong", "describe the Russian force ... as
    190,000-strong": the nearest force noun before "N strong" in the sentence.
    "strong" says the figure is a force's size, so the noun may be far back."""
    doc = figure_span.doc
    after = doc[figure_span.end:figure_span.end + 2]
    if not any(t.lower_ == "strong" for t in after):
        return None
    for token in reversed(doc[figure_span.sent.start:figure_span.start]):
        if token.lower_ in lex.units:
            return token
    return None


def _linked_nominals(verb: Token, figure: Token) -> Iterator[Token]:
    """Subjects and objects of a linking verb, looking inside a clausal subject
    ("the number of forces [now staged near ...] is 130,000")."""
    for child in verb.children:
        if child is figure:
            continue
        if child.dep_ in _SUBJECT_OR_OBJECT_DEPS or child.dep_ == "attr":
            yield child
        elif child.dep_ == "csubj":
            yield from (c for c in child.children if c.dep_ in _SUBJECT_DEPS)


def _first_conjunct(noun: Token) -> Token:
    """The first noun of the list `noun` is in ("15 tanks and six vehicles": tanks), or itself."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _with_the(token: Token) -> bool:
    """ "the General Staff", "the 12,500": a phrase its own "the" makes definite."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _of_objects(token: Token) -> list[Token]:
    """The objects of the "of" phrases on `token` ("tanks of the enemy" -> enemy)."""
    return [obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children if obj.dep_ == "pobj"]


def _count_noun_unit(noun: Token, lex: Lexicons, depth: int = 2) -> Token | None:
    """The noun itself if it is a unit, or what "the number of ..." counts,
    through nested counts ("estimates of the number of Russian troops")."""
    if noun.lower_ in lex.units:
        return noun
    if noun.lemma_.lower() in _TOLL_NOUNS:
        return noun
    if noun.lemma_.lower() in _COUNT_NOUNS and depth > 0:
        for obj in _of_objects(noun):
            found = _count_noun_unit(obj, lex, depth - 1)
            if found is not None:
                return found
    return None


def _unit_for(figure: _Figure, doc: Doc, lex: Lexicons) -> _Unit | None:
    """Step 2: the force or casualty noun the figure counts, or None (not a claim)."""
    span = _tokens(doc, figure.start, figure.end)
    if span is None:
        return None
    later = _tokens(doc, *figure.later) if figure.later else None
    # "grew from 60 to 83 battalion tactical groups": the earlier count counts the later one's noun
    direct = _direct_unit(span, lex) or (_direct_unit(later, lex) if later is not None else None)
    if direct:
        token, surface, percent = direct
        kind, category = lex.units[surface]
        flags = (f"percent_of:{surface}",) if percent else ()
        text = "percent" if percent else surface
        return _Unit(token=token, text=text, kind=kind, category=category, flags=flags)
    if _text_of(doc)[figure.end:figure.end + 9].lower().lstrip().startswith(_PERCENT_WORDS):
        return None       # a percentage of something that is not a force
    token = _constructed_unit(span.root, lex) or _strong_unit(span, lex) or _partitive_unit(span.root, lex)
    if token is None:
        return _shortened_unit(span, lex) or _members_of_force(span, lex)
    if token.lemma_.lower() in _TOLL_NOUNS:
        return _Unit(token=token, text="deaths", kind="casualty", category="killed")
    kind, category = lex.units[token.lower_]
    return _Unit(token=token, text=token.lower_, kind=kind, category=category)


def _members_of_force(figure_span: Span, lex: Lexicons) -> _Unit | None:
    """ "108 members of the Azov regiment": members of a force or formation are its personnel."""
    noun = figure_span.root.head if figure_span.root.dep_ == "nummod" else None
    if noun is None or noun.lemma_.lower() != "member" or noun.i < figure_span.end:
        return None
    if any(_is_force_noun(obj, lex) for obj in _of_objects(noun)):
        return _Unit(token=noun, text=noun.lower_, kind="personnel", category="")
    return None


def _shortened_unit(figure_span: Span, lex: Lexicons) -> _Unit | None:
    """ "28 battalion tactical groups ... about 25 more groups", "15 of those groups": the
    last word of a unit of several words (`Lexicons.shortened`), after the figure or in
    its "of" phrase, counts that unit when the text named it in full before."""
    doc = figure_span.doc
    number = figure_span.root
    nouns = [t for t in doc[figure_span.end:figure_span.end + _BRIDGE_MAX] if t.pos_ == "NOUN"][:1]
    if nouns and any(not _bridges(t, doc) for t in doc[figure_span.end:nouns[0].i]):
        nouns = []
    nouns = [noun for noun in nouns + _of_objects(number) if noun.lower_ in lex.shortened]
    before = _text_of(doc)[:figure_span.start_char].lower() if nouns else ""    # only then: a copy of the text so far
    for noun in nouns:
        named = [(at + len(surface), len(surface), surface) for surface in lex.shortened[noun.lower_]
                 for at in [before.rfind(surface)] if at >= 0]
        if named:                       # the one named last, in full ("battalion tactical groups")
            *_, surface = max(named)
            kind, category = lex.units[surface]
            return _Unit(token=noun, text=surface, kind=kind, category=category)
    return None


def _loss_subject(unit: Token) -> Token | None:
    """ "its losses amounted to more than 2,000 servicemen", "the combat losses of the
    enemy are 156,990 personnel", "... amounted to approximately: personnel - about 293,840":
    the `_LOSS_NOUNS` subject of the nearest verb above the noun, unless the noun is that
    verb's subject itself; or its object, when the noun is what "at" puts it at ("estimates
    Russian losses at 20,000 soldiers")."""
    first = _first_conjunct(unit)
    if first.dep_ in _SUBJECT_DEPS:
        return None
    verb = next((a for a in first.ancestors if a.pos_ in ("VERB", "AUX")), None)   # the nearest verb above
    if verb is None:
        return None
    # "the losses amounted to N", or "the Pentagon estimates Russian losses at N soldiers"
    deps = ("nsubj", "dobj") if first.dep_ == "pobj" and first.head.lower_ == "at" else ("nsubj",)
    return next((c for c in verb.children if c.dep_ in deps and c.lemma_.lower() in _LOSS_NOUNS), None)


def _category(unit: _Unit, lex: Lexicons) -> tuple[str, tuple[str, ...]]:
    """force_size, or the casualty category a word governing the noun gives."""
    if unit.kind == "casualty":
        return unit.category, ("casualties",) if unit.text == "casualties" else ()
    if _loss_subject(unit.token) is not None:
        return ("force_size", ("losses",)) if unit.kind == "equipment" else ("killed", ())
    for word in _casualty_words(unit.token, lex):
        category = lex.casualty.get(word.lemma_.lower()) or lex.casualty.get(word.lower_)
        if category:
            if unit.kind == "equipment":
                return "force_size", ("losses",)
            return category, ()
    return "force_size", ()


def _casualty_words(unit: Token, lex: Lexicons) -> Iterator[Token]:
    """Words that make a head count a casualty count, where the noun undergoes
    them: "soldiers killed", "wounded soldiers", "killed 300 soldiers",
    "troops have died", "were killed", "are missing" -- not "troops killed 50"."""
    for child in unit.children:
        if child.dep_ == "amod" or child.dep_ in ("acl", "relcl") and (
            child.tag_ == "VBN" or child.lemma_.lower() in ("die", "perish")
        ):
            yield child
    if unit.dep_ == "pobj" and unit.head.lower_ == "of" and (unit.head.head.like_num
                                                           or unit.head.head.lemma_.lower() == "total"):
        unit = unit.head.head                 # "1,351 of its soldiers had died", "a total of 1,730 fighters have ..."
    unit = _first_conjunct(unit)              # "destroyed a group and two tanks": the verb governs both
    head = unit.head
    if head.pos_ not in ("VERB", "AUX"):
        return
    if unit.dep_ in ("dobj", "nsubjpass"):
        yield head
        if unit.dep_ == "nsubjpass":      # "81 were taken prisoner"
            yield from (c for c in head.children if c.dep_ in ("oprd", "attr", "dobj"))
    elif unit.dep_ == "nsubj":
        if head.lemma_.lower() in ("die", "perish") or head.tag_ == "VBN" or head.lower_ == "missing":
            yield head
        yield from (c for c in head.children if c.dep_ in ("acomp", "oprd"))
    for conj in head.children:
        if conj.dep_ == "conj" and conj.tag_ == "VBN" and unit.dep_ == "nsubjpass":
            yield conj


# --------------------------------------------------------------------------
# step 3: side, place, claimant, date


def side_of_term(term: str, lex: Lexicons | None = None) -> str:
    """The country a name, demonym, capital or seat of government stands for,
    or the alliance or armed group it names ("NATO", "Wagner Group")."""
    lex = lex or lexicons()
    found = country_for(term)
    if found:
        return found
    key = _name_key(term).lower()
    return lex.metonyms.get(key) or lex.capitals.get(key) or ""


def _name_key(term: str) -> str:
    """A name without its possessive ending and leading "the": "the General Staff's" is
    "General Staff"."""
    key = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", term.strip()).strip()
    return re.sub(r"^the\s+", "", key, flags=re.I)


def _text_length(doc: Doc) -> int:
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def _text_of(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy rebuilds it from every token on each
    access, which made one long sentence with many figures quadratic."""
    cached = doc.user_data.get(_TEXT_KEY)
    if not isinstance(cached, str) or len(cached) != _text_length(doc):   # a Doc copied with another's user_data
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached


def remember_text(doc: Doc, text: str) -> None:
    """Tell the claim rules the text `doc` was made from, when the caller has it:
    joining it from the tokens costs a tenth of the claims' time. Ignored unless
    it fits the tokens (its length, its first and last token)."""
    if len(text) == _text_length(doc) and (not len(doc) or (
            text.startswith(doc[0].text) and text.endswith(doc[-1].text_with_ws))):
        doc.user_data[_TEXT_KEY] = text


def _entity_of(token: Token) -> Span:
    """The entity `token` is in (it has an entity IOB tag), found from its own
    B/I tags rather than by scanning `doc.ents`; at most `_MAX_NAME_TOKENS` each
    way (no side is named by a longer entity, and a hostile text can make one
    entity of thousands of tokens)."""
    doc, start = token.doc, token.i
    while start > 0 and doc[start].ent_iob_ == "I" and token.i - start < _MAX_NAME_TOKENS:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and end - token.i < _MAX_NAME_TOKENS:
        end += 1
    return doc[start:end]


def _token_side(token: Token, lex: Lexicons) -> str:
    """The side a single token names, reading its whole entity if it is in one;
    "the alliance" names the alliance or armed group named last before it."""
    if token.lower_ in _ALLIANCE_NOUNS:
        return _last_named_group(token, lex)
    if token.lemma_.lower() in lex.state_words and not token.text[:1].isupper() \
            and not any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in token.children):   # "its army"
        return _state_side(token, lex)
    if token.ent_type_ and token.ent_iob_ != "O":
        found = side_of_term(_entity_of(token).text, lex)
        if found:
            return found
    if token.pos_ in ("PROPN", "ADJ", "NOUN") and token.text[:1].isupper():
        return side_of_term(token.text, lex)
    return ""


def _last_named_group(token: Token, lex: Lexicons) -> str:
    """The alliance or armed group (`claim_side_groups.csv`, not a country) named last
    before `token`, within `_NAME_REACH` tokens: "a response to NATO activity ... 40,000
    alliance troops"."""
    for earlier in reversed(token.doc[max(0, token.i - _NAME_REACH):token.i]):
        if earlier.text[:1].isupper():
            found = side_of_term(earlier.text, lex)
            if found in lex.groups:
                return found
    return ""


def _state_side(token: Token, lex: Lexicons) -> str:
    """The state "the junta", "the regime" or "government" (`claim_state_words.txt`) stands
    for: the country named with such a word last, up to `token` ("Sudan's army", "the
    Syrian army", "the Kiev regime"), or else the adversary state of the armed group named
    last before it ("the RSF": Sudan). Within `_NAME_REACH` tokens; empty if neither."""
    doc = token.doc
    for earlier in reversed(doc[max(0, token.i - _NAME_REACH):token.i + 1]):
        if earlier.lemma_.lower() in lex.state_words:
            for child in earlier.children:
                if child.dep_ in ("poss", "amod", "compound") and child.lemma_.lower() not in lex.state_words:
                    found = _token_side(child, lex)
                    if found and found not in lex.groups:
                        return found
        elif earlier.text[:1].isupper() and earlier.i != token.i:
            found = _token_side(earlier, lex)
            adversary = lex.adversaries.get(found, "") if found in lex.groups else ""
            if adversary and adversary not in lex.groups:
                return adversary
    return ""


def _figure_owner_side(number: Token, lex: Lexicons) -> str:
    """ "2 million personnel against Taiwan's roughly 169,000": a figure that stands for its
    noun and has an owner of its own is the owner's, whatever noun it borrows."""
    if number.dep_ in ("nummod", "quantmod", "compound"):
        return ""
    return next((side for c in number.children if c.dep_ == "poss" for side in [_token_side(c, lex)] if side), "")


def _passive_deployment_side(unit: _Unit, lex: Lexicons, publisher: str) -> str:
    """ "About 10,000 soldiers will be deployed in the border area", in a side's own statement:
    troops deployed by no one named (`_unnamed_deployment`) are the publisher's side. Not
    weapons ("30 missiles were launched at Kyiv"), not troops sent to a border a side owns
    ("along the border of Ukraine": `_border_side` guesses those, or nothing does), not an
    enemy word ("These nationalists were put in nearly every unit"), and not in news, where
    the source is no deployer."""
    token = unit.token
    verb = _unnamed_deployment(token, lex)
    if not publisher or unit.kind not in ("personnel", "formation") or verb is None or _is_enemy(token, lex) \
            or any(t.lower_ in lex.border_nouns and _owner_side(t, lex) for t in verb.subtree):
        return ""
    return publisher


def _owners(noun: Token) -> list[Token]:
    """The words that may say whose a noun is: its modifiers and possessive, then its "of"
    phrase ("the Polish border", "Ukraine's border", "the border of Ukraine")."""
    return [*(c for c in noun.children if c.dep_ in ("poss", "amod", "compound")), *_of_objects(noun)]


def _owner_side(noun: Token, lex: Lexicons) -> str:
    """The side the first of a noun's `_owners` to name one names."""
    return next((side for owner in _owners(noun) for side in [_token_side(owner, lex)] if side), "")


def _fights_for_side(unit: Token, lex: Lexicons) -> str:
    """ "6,956 foreign mercenaries have come to Ukraine to fight for Kyiv", "volunteers fighting
    for Ukraine": people who fight for a side are its forces."""
    verbs = [c for c in unit.children if c.dep_ in ("acl", "relcl")]
    if unit.dep_ in _SUBJECT_DEPS:
        verbs += [unit.head, *(c for c in unit.head.children if c.dep_ in ("xcomp", "advcl", "conj"))]
    for verb in verbs:
        if verb.lemma_.lower() in lex.fighting_verbs:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "for":
                    side = next((_token_side(o, lex) for o in prep.children if o.dep_ == "pobj"), "")
                    if side:
                        return side
    return ""


def _explicit_side(unit: Token, span: Span, lex: Lexicons) -> str:
    """Side named inside the force phrase: "Russian troops", "Moscow's forces",
    "troops from Belarus", "Russian-backed" excepted."""
    doc = unit.doc
    candidates = [t for t in doc[max(span.end, unit.i - _SIDE_WINDOW):unit.i]]
    candidates += [child for child in unit.children if child.dep_ in _SIDE_DEPS]
    for again in (c for c in unit.children if c.dep_ == "appos" and c.lower_ in lex.units):
        candidates += [child for child in again.children if child.dep_ in _SIDE_DEPS]   # "troops — Russian troops —"
    for token in candidates:
        if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ == "backed":
            continue
        found = _token_side(token, lex)
        if found:
            return found
    following = doc[unit.i + 1:unit.i + 2]
    leaving = unit.dep_ == "pobj" and unit.head.lower_ == "of" and unit.head.head.lemma_.lower() in _AWAY_NOUNS
    preps = [c for c in unit.children if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "from" and not leaving)]
    preps += [p for c in unit.children if c.dep_ in ("amod", "acl") and c.lower_ in _ALLEGIANCE_WORDS
              for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "with")]   # "fighters loyal to the TPLF"
    if following and following[0].lower_ == "from" and following[0] not in preps and not leaving \
            and following[0].head.lemma_.lower() not in _AWAY_VERBS:
        preps.append(following[0])         # "troops from Russia", attached to the verb
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ == "pobj":
                found = _token_side(obj, lex)
                if found:
                    return found
    if unit.dep_ == "conj" and unit.head.pos_ in ("NOUN", "PROPN"):
        # "one Ukrainian attack helicopter and four drones": a later item with no side of its own
        # is the first item's
        first = _first_conjunct(unit)
        return next((side for c in first.children if c.dep_ in ("amod", "poss")
                     for side in [_token_side(c, lex)] if side), "")
    return ""


def _up_to_object(unit: Token) -> bool:
    """ "deployed up to 8,500 troops" that the parser read as the particle "deployed up" and
    "to 8,500 troops": the noun is the verb's object all the same."""
    prep = unit.head
    return (unit.dep_ == "pobj" and prep.lower_ == "to" and prep.head.pos_ == "VERB"
            and any(c.dep_ == "prt" and c.lower_ == "up" and c.i == prep.i - 1 for c in prep.head.children))


def _deployer(unit: Token, lex: Lexicons) -> Token | None:
    """Subject of "has massed/deployed/sent/has" when the force is its object,
    or the force noun a linking verb equates it with ("Ukraine's forces
    number 250,000 personnel"), or the subject of a relative clause on the force
    that deploys it ("the 10,000 troops Moscow had sent to drills")."""
    for clause in unit.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in lex.deploy:
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in _RELATIVE_PRONOUNS:
                return subject
        if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in lex.deploy:
            agent = _agent_of(clause)          # "21 drones launched by the Houthis", "troops sent by Moscow"
            if agent is not None:
                return agent
    if _up_to_object(unit):
        verb = unit.head.head               # "has placed up to 8,500 troops", parsed "placed up / to troops"
    elif _lost_object(unit, lex):
        verb = unit.head.head               # "had lost 2,870 troops killed and 3,700 wounded"
    elif unit.dep_ in ("dobj", "attr"):
        verb = unit.head
    else:
        return None
    lemma = verb.lemma_.lower()
    if lemma in _LINKING_VERBS and lemma not in lex.deploy:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        return subject if subject is not None and subject.lower_ in lex.units else None
    if lemma not in lex.deploy:
        return None
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        agent = _agent_of(verb)
        if agent is not None:
            return agent
        if verb.dep_ not in _SUBJECTLESS_VERB_DEPS or verb.head == verb:
            return None
        verb = verb.head
    return None


def _lost_object(unit: Token, lex: Lexicons) -> bool:
    """ "Ukrainian forces had lost 2,870 troops killed and 3,700 wounded", parsed with "troops"
    the subject of "wounded", a clause of "lost": the noun is what was lost all the same."""
    clause = unit.head
    return unit.dep_ in _SUBJECT_DEPS and clause.dep_ in ("advcl", "xcomp", "ccomp") \
        and clause.lemma_.lower() in lex.casualty and clause.head.lemma_.lower() in _SUFFER_VERBS \
        and clause.i > unit.i and clause.head.i < unit.i


def _attack_side(unit: Token, lex: Lexicons) -> str:
    """ "a Houthi attack in which 18 drones were fired": weapons a passive deploying verb
    uses, with no "by", in a relative clause on something a side owns, are that side's."""
    first = _first_conjunct(unit)
    while first.dep_ == "appos":                  # "18 drones, two cruise missiles and ..."
        first = _first_conjunct(first.head)
    verb = _unnamed_deployment(first, lex)
    if verb is None or verb.dep_ != "relcl":
        return ""
    return _phrase_side(verb.head, lex)


def _unnamed_deployment(noun: Token, lex: Lexicons) -> Token | None:
    """The deploying verb (`claim_deploy_verbs.txt`) a noun is the passive subject of, when
    no "by" names who deploys ("18 drones were fired", "10,000 soldiers will be deployed");
    None otherwise."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.lemma_.lower() not in lex.deploy or _agent_of(verb) is not None:
        return None
    return verb


def _agent_of(verb: Token) -> Token | None:
    """Who does what a passive verb says: the object of its "by" ("sent by Moscow")."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None


def _deployer_side(unit: Token, lex: Lexicons, *, claimant: Token | None = None, home: str = "",
                   people: dict[str, str] | None = None, addressee: str = "") -> str:
    """The deploying side; "it"/"we" stand for the claimant ("the ministry said
    it had pulled back 10,000 troops"), a speaker's own "we" for their side, and "you"
    for the side a reporter's question addresses, the publisher's ("the 8,500 troops that
    you've put on high alert"); elsewhere `addressee` is "" (an address's "you" may be anyone)."""
    subject = _deployer(unit, lex)
    if subject is None:
        return ""
    if subject.lower_ == "you":
        return addressee
    if _is_enemy(subject, lex):      # "the enemy has concentrated 40,000 troops", "the aggressor state has ..."
        speaking = home or (_claimant_side(claimant, lex, people) if claimant is not None else "")
        return lex.adversaries.get(speaking, "")
    if subject.lower_ in ("it", "we") and claimant is not None and claimant.lower_ not in _FIRST_PERSON:
        return _phrase_side(claimant, lex)
    if subject.lower_ in ("it", "they") and claimant is None and _refers_to_enemy(subject, lex):
        return lex.adversaries.get(home, "")   # "The enemy has been forced back. It has moved 100,000 soldiers ..."
    if subject.lower_ in _FIRST_PERSON:
        return home
    if subject.lower_ in _PRONOUNS_PERSON and people:
        named = _person_names_before(subject.doc, subject.idx)      # "He moved 175,000 troops"
        return next((people[w] for w in reversed(named[-1].split()) if w in people), "") if named else ""
    if subject.lower_ in _REFERRING_NOUNS and _with_the(subject):
        return _referent_side(subject, lex, people)                  # "Nasrallah claimed that the group had ..."
    if _antecedent(subject) is not subject:
        return _phrase_side(_antecedent(subject), lex)               # "Sudan's army, which numbers 120,000"
    if people and subject.text in people:
        return people[subject.text]                                  # "Putin has stationed 100,000 soldiers"
    if subject.lower_ in lex.titles and _with_the(subject):          # "the Secretary has placed 8,500 troops"
        return next((side for obj in _of_objects(subject) for side in [_phrase_side(obj, lex)] if side), home)
    if subject.lower_ in lex.units:           # "the army has about 120,000 soldiers": the army named before
        return _explicit_side(subject, subject.doc[subject.i:subject.i], lex) or (
            _named_before(subject, lex) if _with_the(subject) else "")
    return _phrase_side(subject, lex)


def _phrase_side(head: Token, lex: Lexicons) -> str:
    """The side of a noun phrase: its head, or a demonym/possessive in it; for "the army"
    with neither, the side of the same noun named before (`_named_before`)."""
    found = _token_side(head, lex)
    if found:
        return found
    group = _group_modifier_side(head, lex)
    if group:
        return group                  # "Somalia's al-Shabaab movement": the group, not its country
    modifiers = [child for child in head.children if child.dep_ in ("poss", "amod", "compound")]
    for child in modifiers:
        found = _token_side(child, lex)
        if found:
            return found
    if not modifiers and head.pos_ == "NOUN" and _with_the(head):
        return _named_before(head, lex)
    return ""


def _group_modifier_side(head: Token, lex: Lexicons) -> str:
    """The armed group or alliance (`claim_side_groups.csv`) a word before the noun names
    ("Houthi", "al-Shabaab"), or ""."""
    return next((side for c in head.children if c.dep_ in ("amod", "compound")
                 for side in [_token_side(c, lex)] if side in lex.groups), "")


def _reach_start(sent: Span, back: int) -> int:
    """The first token of the sentence `back` sentences before `sent` (or of the first)."""
    doc, start = sent.doc, sent.start
    for _ in range(back):
        start = doc[start - 1].sent.start if start > 0 else start
    return start


def _named_before(noun: Token, lex: Lexicons) -> str:
    """ "Sudan's army ... . ..., while the army numbers 120,000": the side of the same noun
    where the `_SOURCE_REACH` sentences before named it with a side."""
    doc, start = noun.doc, _reach_start(noun.sent, _SOURCE_REACH)
    for earlier in reversed(doc[start:noun.i]):
        if earlier.lower_ == noun.lower_ and not _with_the(earlier):
            found = next((side for child in earlier.children if child.dep_ in ("poss", "amod", "compound")
                          for side in [_token_side(child, lex)] if side), "")
            if found:
                return found
    return ""


def _clause_side(unit: Token, sent: Span, claimant_tokens: set[int], lex: Lexicons) -> str:
    """The nearest country before the figure acting as a subject or object,
    other than the claimant: "... warned Russia is ready, with 130,000 troops"."""
    for token in reversed(sent.doc[max(sent.start, unit.i - _CLAUSE_SIDE_WINDOW):unit.i]):
        if token.dep_ in _SUBJECT_OR_OBJECT_DEPS and token.i not in claimant_tokens:
            found = _token_side(token, lex)
            if found:
                return found
    return ""


def _location(unit: Token, sent: Span, lex: Lexicons) -> str:
    """The place phrase nearest the force noun: "near Ukraine's borders"."""
    doc = unit.doc
    anchor = unit.i
    best: tuple[int, Token] | None = None
    for token in doc[anchor + 1:min(sent.end, anchor + _LOCATION_MAX + 1)]:   # only these can be near enough
        if token.dep_ != "prep" or token.lower_ not in lex.location_preps:
            continue
        distance = token.i - anchor
        if not 0 < distance <= _LOCATION_MAX:
            continue
        if any(doc[i].text in (";", ":") or doc[i].lower_ in lex.reporting for i in range(anchor + 1, token.i)):
            continue
        if not _is_place(token, lex):
            continue
        if best is None or distance < best[0]:
            best = (distance, token)
    if best is None:
        return ""
    prep = best[1]
    end = max(t.i for t in prep.subtree) + 1
    phrase = doc[prep.i:end]
    # "close to", "next to": keep the two-word preposition whole
    cut = next((t.i for t in phrase if t.is_punct and t.tag_ not in ("POS", "HYPH") or t.dep_ == "relcl"), end)
    return doc[prep.i:cut].text.strip()


def _is_place(prep: Token, lex: Lexicons) -> bool:
    for token in prep.subtree:
        if token.ent_type_ in ("GPE", "LOC", "FAC") or token.lower_ in lex.location_nouns:
            return True
    return False


@dataclass(frozen=True)
class _Speaker:
    """A named person seen as the subject of a reporting verb."""

    char: int
    name: str
    continues: bool = True       # False for "..., X said." after what X said: their speech ends there


def _person_entities(doc: Doc) -> tuple[tuple[int, str], ...]:
    """(end character, text) of each PERSON entity, in order; not a bare role word
    or a side that NER took for a name ("Adviser", "Ukrainian")."""
    return tuple((e.end_char, e.text) for e in doc.ents
                 if e.label_ == "PERSON" and not _role_only(e.text) and not side_of_term(e.text))


def _role_only(text: str) -> bool:
    return all(word.lower().rstrip(".") in lexicons().titles for word in text.split())


def _person_names_before(doc: Doc, char: int) -> list[str]:
    return [text for end, text in _per_doc(doc, "person_entities", _person_entities) if end <= char]


def _entity_bounds(doc: Doc) -> dict[int, tuple[int, int]]:
    """Token index -> (start, end) of the entity it is in."""
    return {i: (e.start, e.end) for e in doc.ents for i in range(e.start, e.end)}


def _strip_titles(name: str, lex: Lexicons) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in lex.titles:
        words = words[1:]
    return " ".join(words)


def _full_name(name: str, doc: Doc, char: int, lex: Lexicons) -> str:
    """The longest form of a person's name seen up to `char`: "Mr Wallace" -> "Ben Wallace"."""
    name = _strip_titles(name, lex)
    surname = name.split()[-1] if name else ""
    forms = [_strip_titles(n, lex) for n in _person_names_before(doc, char)]
    forms = [n for n in forms if n.split() and n.split()[-1] == surname]
    return max(forms + [name], key=lambda n: len(n.split()))


def _person_in(subject: Token, lex: Lexicons) -> Span | None:
    """A PERSON entity in the subject phrase's head group or apposition, with the given
    names the tagger left out of it ("Oleksii Reznikov" tagged as "Reznikov")."""
    doc = subject.doc
    group = [subject] + [c for c in subject.children if c.dep_ in ("compound", "appos", "flat")]
    bounds = _per_doc(doc, "entity_bounds", _entity_bounds)
    for token in group:
        if token.ent_type_ == "PERSON":
            return _with_given_names(doc[slice(*bounds[token.i])], lex) if token.i in bounds else None
        for inner in token.children:
            if inner.dep_ == "compound" and inner.ent_type_ == "PERSON":
                return _with_given_names(doc[slice(*bounds[inner.i])], lex) if inner.i in bounds else None
    return None


def _with_given_names(name: Span, lex: Lexicons) -> Span:
    """`name` widened to the left over capitalised proper nouns that modify it and tag as
    no entity, up to a title ("Defence Minister Oleksii [Reznikov]")."""
    start = name.start
    while start > name.sent.start:
        before = name.doc[start - 1]
        if not (before.tag_ == "NNP" and before.dep_ == "compound" and before.head.i in range(start, name.end)
                and not before.ent_type_ and before.lower_ not in lex.titles):
            break
        start -= 1
    return name.doc[start:name.end]


def _titled_name(subject: Token, lex: Lexicons) -> str:
    """ "Mr Wallace" when NER missed it: a proper noun after a courtesy title."""
    if subject.tag_ != "NNP" or subject.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or subject.lower_ in lex.org_nouns:
        return ""                         # "the General Staff" is a body, not a General named Staff
    left = [c for c in subject.lefts if c.dep_ == "compound"]
    if left and left[-1].lower_.rstrip(".") in lex.titles:
        return subject.text
    return ""


def _common_phrase(subject: Token) -> str:
    """ "Intelligence" -> "intelligence", "US intelligence", "Ukraine's defence ministry"."""
    doc = subject.doc
    keep = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "det" and t.dep_ != "punct"]
    if not keep:
        return ""
    start = min(t.i for t in keep)
    if subject.pos_ == "PROPN":
        name_start = subject.i
        while name_start > start and doc[name_start - 1].pos_ == "PROPN":
            name_start -= 1
        if name_start > start and all(t.is_lower or t.is_punct or t.dep_ == "det" for t in doc[start:name_start]):
            start = name_start                # "the open-source intelligence project Oryx": Oryx
    end = subject.i + 1
    for right in subject.rights:
        if right.i != end:
            break
        if right.dep_ == "prep" and right.lower_ in _SOURCE_PREPS or right.dep_ == "amod" \
                or right.dep_ == "acl" and right.tag_ == "VBN" and any(c.dep_ == "agent" for c in right.children):
            end = right.right_edge.i + 1      # "sources familiar with the matter", "rebels led by HTS"
        else:
            break
    conjuncts = [c for c in subject.rights if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
    if conjuncts:
        end = max(end, conjuncts[-1].right_edge.i + 1)     # "Russia and Belarus say ..."
    words = [t for t in doc[start:end] if t.dep_ != "det" or t.i > subject.i]
    text = "".join(t.text_with_ws for t in words).strip()
    first = words[0]
    opening = next((t for t in first.sent if not t.is_space and not t.is_punct), first)
    # Sentence-initial capitals are not names: "Intelligence suggests" (the
    # tagger often calls it PROPN there); a word NER leaves unnamed is lowered.
    elsewhere = _per_doc(doc, "non_initial_texts", _non_initial_texts)[first.text]
    if opening.text == first.text and not opening.is_sent_start:
        elsewhere -= 1                  # the opening word itself does not count
    capitalised_elsewhere = elsewhere > 0
    if first == opening and first.pos_ in ("NOUN", "PROPN") and not first.ent_type_ \
            and not capitalised_elsewhere and not side_of_term(first.text):
        text = text[:1].lower() + text[1:]
    return text


def _claimant_from_subject(subject: Token, speakers: list[_Speaker], lex: Lexicons) -> tuple[str, bool]:
    """(claimant, is_person) for the subject of a reporting verb."""
    doc = subject.doc
    if _antecedent(subject) is not subject:
        return _claimant_from_subject(_antecedent(subject), speakers, lex)   # "the ministry, which said ..."
    if subject.lower_ in _PRONOUNS_PERSON:
        earlier = [s for s in speakers if s.char < subject.idx]
        if earlier:
            return earlier[-1].name, True
        named = _person_names_before(doc, subject.idx)
        named = [n for n in named if len(n.split()) >= 2] or named   # a lone word is often a place NER misread
        return (_full_name(named[-1], doc, subject.idx, lex), True) if named else ("", False)
    earlier = _earlier_source(subject, lex)
    if earlier is not None:
        return _claimant_from_subject(earlier, speakers, lex)
    named = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None and subject.lemma_.lower() in lex.org_descriptions:
        return _claimant_from_subject(named, speakers, lex)   # "the think tank Caspian Watch"
    if subject.lower_ in _PRONOUNS_OTHER:
        return "", False
    author = _report_author(subject, lex)
    if author is not None:
        return _claimant_from_subject(author, speakers, lex)
    person = _person_in(subject, lex)
    if person is not None and side_of_term(person.text, lex) == "" and not _role_only(person.text):
        return _full_name(person.text, doc, subject.idx + len(subject), lex), True
    titled = _titled_name(subject, lex) or _role_apposition(subject, lex)
    if titled:
        return _full_name(titled, doc, subject.idx + len(subject), lex), True
    holder = _role_holder(subject, lex)
    if holder:
        return holder, True
    named_next, is_person = _named_next(subject, lex)
    if named_next:
        return named_next, is_person
    phrase = _spelt_out(subject) or _common_phrase(subject)
    name = _strip_titles(phrase, lex)
    if name != phrase and len(name.split()) >= 2 and all(w[:1].isupper() for w in name.split()):
        return name, True               # "Lieutenant General Igor Zhuravlyov", tagged as an organisation
    return phrase, False


def _spelt_out(subject: Token) -> str:
    """ "The SDF said" after "the US-backed Syrian Democratic Forces said": an acronym
    source is the name spelt out before it whose capitalised words' initials it is; ""."""
    acronym = subject.text
    if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 6) \
            or any(c.dep_ in ("compound", "poss", "amod") for c in subject.children):
        return ""
    doc = subject.doc
    words = list(doc[max(0, subject.i - _NAME_REACH):subject.i])
    for end in range(len(words), 0, -1):
        start = end - len(acronym)
        if start < 0:
            break
        name = words[start:end]
        if all(t.text[:1].isupper() and t.is_alpha for t in name) \
                and "".join(t.text[0] for t in name) == acronym:
            return " ".join(t.text for t in name)
    return ""


def _earlier_source(subject: Token, lex: Lexicons) -> Token | None:
    """The fuller source named before that a short one goes back to, in the
    `_SOURCE_REACH` sentences before it: "the General Staff of Ukraine's Armed Forces
    reported ... . The General Staff also said", "a senior NATO military official said ...
    . The official said", "it said" after an organisation's statement (not after a
    person's, whom "it" cannot be), "according to the report" after whoever reported, and
    "the minister said" after a titled person ("Defence Secretary Ben Wallace"), and "the
    ministry said" after the nearest fuller mention of the same body, a source or not. None when
    there is none, or the subject is a name."""
    doc, sent = subject.doc, subject.sent
    pronoun = subject.lower_ in ("it", "they")
    short = (subject.pos_ in ("NOUN", "PROPN") and subject.ent_type_ not in ("PERSON", "GPE")
             and _with_the(subject)
             and not any(c.dep_ in ("poss", "prep", "appos") for c in subject.children))
    if not (pronoun or short):
        return None
    report = short and subject.lemma_.lower() in lex.report_nouns      # "according to the report"
    role = short and subject.lower_ in lex.titles                      # "The minister said"
    described = short and subject.lemma_.lower() in lex.org_descriptions   # "the think tank added"
    start = _reach_start(sent, _SOURCE_REACH)
    size = _phrase_size(subject)
    for token in reversed(doc[start:sent.start]):
        according = token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"
        reports = token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX") \
            and token.head.lemma_.lower() in lex.reporting
        if not (according or reports):
            continue                      # a source is who reports: the subject of "said", or "according to X"
        if pronoun:
            if token.lower_ not in _PRONOUNS_OTHER | _PRONOUNS_PERSON and token.ent_type_ != "PERSON" \
                    and _person_in(token, lex) is None:
                return token
        elif report:
            if token.lower_ not in _PRONOUNS_OTHER | _PRONOUNS_PERSON and token.lemma_.lower() not in lex.report_nouns:
                return token
            author = _report_author(token, lex)
            if author is not None:
                return author             # "according to a 2023 study by WatchDog.md ... . The study found"
        elif role and (token.ent_type_ == "PERSON" or _person_in(token, lex) is not None) \
                and any(t.lower_ in lex.titles for t in token.subtree):
            return token                  # "Defence Secretary Ben Wallace said ... . The minister said"
        elif described and token.ent_type_ == "ORG":
            return token                  # "the Institute for the Study of War said ... . The think tank added"
        elif token.lemma_.lower() == subject.lemma_.lower() and _phrase_size(token) > size:
            return token
    if short and subject.lemma_.lower() in lex.org_nouns:
        for token in reversed(doc[start:subject.i]):     # "the official representative of the Russian Defence
            if token.lemma_.lower() == subject.lemma_.lower() and _phrase_size(token) > size:   # Ministry ...
                return token                              # . Russian aviation shot down two aircraft, the ministry said"
    if pronoun or report or described:   # "..., Ukraine's General Staff said." that the parse left off its verb
        earlier = doc[sent.start - 1].sent if sent.start > 0 else None
        while earlier is not None and earlier.start >= start:
            trailing = _trailing_source(earlier[0], earlier, lex)
            if trailing is not None and trailing.lower_ not in _PRONOUNS_OTHER | _PRONOUNS_PERSON \
                    and (report or trailing.ent_type_ != "PERSON" and _person_in(trailing, lex) is None) \
                    and (not described or trailing.ent_type_ == "ORG"):
                return trailing
            earlier = doc[earlier.start - 1].sent if earlier.start > 0 else None
    return None


def _phrase_size(noun: Token) -> int:
    """Words in a noun phrase, leaving out the clauses on it ("The brigade, formed from
    veterans of the Azov regiment," is two words, as short as "the brigade")."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl", "punct")]
    return len(list(noun.subtree)) - sum(len(list(c.subtree)) for c in clauses)


def _report_author(subject: Token, lex: Lexicons) -> Token | None:
    """Who wrote a piece of reporting (`claim_report_nouns.txt`): its owner ("the Ministry
    of Defence's latest assessment") or its "by" phrase ("analysis by BBC Russian"); None
    for another noun or a report with neither."""
    if subject.lemma_.lower() not in lex.report_nouns:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ not in _PRONOUNS_OTHER
                  and c.lower_ not in _POSSESSIVE_PRONOUNS), None)
    if owner is not None:
        return owner
    by = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    if by is None:                        # "a decree signed by President Putin"
        by = next((a for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBN"
                   for a in c.children if a.dep_ == "agent"), None)
    return next((o for o in by.children if o.dep_ == "pobj"), None) if by is not None else None


def _role_holder(subject: Token, lex: Lexicons) -> str:
    """ "said the Adviser to the Head of the President's Office", after "Adviser to the
    Head of the Office of the President Oleksiy Arestovych": a role word with no name
    is the person last introduced by that role word (within `_ROLE_REACH` words before
    the name)."""
    person = _person_in(subject, lex)
    if subject.lower_ not in lex.titles or (person is not None and not _role_only(person.text)):
        return ""
    doc = subject.doc
    for end, name in reversed(_per_doc(doc, "named_people", _named_people)):
        if end > subject.idx:
            continue
        start = doc.char_span(end - len(name), end, alignment_mode="expand")
        if start is not None and any(t.lower_ == subject.lower_ for t in doc[max(0, start.start - _ROLE_REACH):start.start]):
            return _full_name(name, doc, end, lex)
    return ""


def _named_next(subject: Token, lex: Lexicons) -> tuple[str, bool]:
    """ "..., the head of Ukraine's defence intelligence agency told the Military Times.
    Brig. Gen. Kyrylo Budanov said ...": (name, is a person) of a singular role
    (`claim_roles_named_later.txt`) whose sentence names no one: the person the next sentence
    names, if the document names them nowhere before, as the subject of its first reporting
    verb, or as the same role with a name ("the spokesman, Steffen Hebestreit, said"). So too
    an organisation described by its kind (`claim_org_descriptions.txt`): "South Korea's spy
    agency said ... . The National Intelligence Service said". Not someone whose own words
    name another side ("Lithuania's president said ... . Kremlin spokesman Dmitry Peskov
    said"). A sentence of a few tokens ("Brig.") joins the one after it. ("", False) if none."""
    none = ("", False)
    organisation = subject.lemma_.lower() in lex.org_descriptions      # "South Korea's spy agency said"
    if not (subject.lower_ in lex.roles_named_later or organisation) or subject.tag_ != "NN" \
            or _person_in(subject, lex) is not None:
        return none
    doc = subject.doc
    sent = subject.sent
    if sent.end >= len(doc) or any(t.ent_type_ == "PERSON" for t in sent):
        return none
    following = doc[sent.end].sent
    if len(following) < _SHORT_SENTENCE and following.end < len(doc):
        following = doc[following.start:doc[following.end].sent.end]
    before = _text_of(doc)[:sent.end_char]
    side = _phrase_side(subject, lex)

    def new(name: str) -> bool:         # named nowhere before, as a whole word
        return re.search(r"\b" + re.escape(name.split()[-1]) + r"\b", before) is None

    for token in following:
        if token.lower_ == subject.lower_:
            name = _role_apposition(token, lex)
            if name:
                return (name, True) if new(name) else none
        if token.pos_ == "VERB" and token.lemma_.lower() in lex.reporting:
            speaker = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if speaker is None or speaker.tag_ != "NNP":
                continue
            if any(found and found != side for t in speaker.subtree for found in [_token_side(t, lex)]):
                return none                   # "Kremlin spokesman Dmitry Peskov said": another side's voice
            if organisation:                  # "The National Intelligence Service said ..."
                name = _name_key(_entity_of(speaker).text)
                ok = speaker.ent_type_ == "ORG" and new(name)
                return (name, False) if ok else none
            if speaker.ent_type_ == "PERSON":
                name = _strip_titles(_entity_of(speaker).text, lex)
            else:
                name = " ".join(t.text for t in speaker.subtree if t.i <= speaker.i and t.tag_ == "NNP"
                                and t.text[:1].isupper() and t.lower_.rstrip(".") not in lex.titles)
            ok = len(name.split()) >= 2 and not side_of_term(name, lex) and new(name)
            return (name, True) if ok else none
    return none


def _named_people(doc: Doc) -> tuple[tuple[int, str], ...]:
    """(end character, text) of every occurrence of a name NER took for a PERSON somewhere
    in the document, in order: after a long title NER often misses the name it
    introduces ("Adviser to the Head of the Office of the President of Ukraine Mykhailo
    Podoliak"), and finds it later ("According to Mykhailo Podoliak")."""
    names = {text for _end, text in _per_doc(doc, "person_entities", _person_entities) if len(text.split()) >= 2}
    if not names:
        return ()
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) + r")\b")
    return tuple((match.end(), match.group()) for match in pattern.finditer(doc.text))


def _role_apposition(subject: Token, lex: Lexicons) -> str:
    """ "Ukraine's acting president, Oleksandr Turchynov, said": a role noun
    with a proper name in apposition names that person, whatever label NER
    gave the name. The apposition may hang off a word inside the role phrase
    ("Russia's commander in Ukraine, General Sergei Surovikin")."""
    if subject.lower_ not in lex.titles:
        return ""
    for token in subject.subtree:
        if token.dep_ == "appos" and token.tag_ == "NNP" and token.ent_type_ not in ("GPE", "NORP", "LOC"):
            names = [t for t in token.subtree if t.tag_ == "NNP" and t.lower_.rstrip(".") not in lex.titles]
            if len(names) >= 2:
                return " ".join(t.text for t in names)
    return ""


def _voice_of_state(subject: Token, number: Token, sent: Span, lex: Lexicons) -> Token | None:
    """ "Washington now believes Russia has 190,000 personnel ..., US ambassador Michael
    Carpenter told the OSCE": when the source is a state, named by its country or capital,
    and a person in the same sentence states what it believes, that person is the source."""
    if subject.ent_type_ != "GPE" or not side_of_term(_entity_of(subject).text, lex):
        return None
    outer = next((_subject_of(v) for v in subject.head.ancestors if v.lemma_.lower() in lex.reporting), None)
    for speaker in (outer, _trailing_source(number, sent, lex)):
        if speaker is not None and speaker != subject and (
                speaker.ent_type_ == "PERSON" or _person_in(speaker, lex) is not None
                or speaker.pos_ == "PROPN" and not speaker.ent_type_ and not _token_side(speaker, lex)):
            return speaker
    return None


def _participle_speaker(verb: Token, lex: Lexicons) -> Token | None:
    """ "..., Ukraine's armed forces said, adding that ...": a reporting participle with no
    subject of its own goes on from the reporting verb before it in the sentence, whose
    subject it shares (the parse often hangs it on another clause)."""
    if not _is_reporting_participle(verb, lex):
        return None
    for earlier in reversed(verb.doc[verb.sent.start:verb.i]):
        if earlier.pos_ == "VERB" and earlier.lemma_.lower() in lex.reporting:
            return next((c for c in earlier.children if c.dep_ == "nsubj"), None)
    return None


def _is_reporting_participle(verb: Token, lex: Lexicons) -> bool:
    return verb.tag_ == "VBG" and verb.lemma_.lower() in lex.reporting \
        and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, its passive agent, or the subject it borrows from its
    head; None for "it is estimated that ..."."""
    for _ in range(3):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((o for o in agent.children if o.dep_ == "pobj"), None)
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            # "12,000 soldiers are believed to be trapped": what is reported, not who reports it
            return None if subject.dep_ == "nsubjpass" else subject
        if verb.dep_ not in _SUBJECTLESS_VERB_DEPS or verb.head == verb:
            return None
        verb = verb.head
    return None


def _reporting_verbs_for(number: Token, lex: Lexicons) -> Iterator[Token]:
    """Reporting verbs governing the figure, nearest first, then "..., X said" asides and
    relative clauses on its noun ("the 1,000 members that the President has said he would
    mobilize")."""
    ancestors = list(number.ancestors)
    for token in ancestors:
        if token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in lex.reporting or _report_verb(token, number, lex)):
            yield token
    for token in [number] + ancestors:
        for child in token.children:
            if child.dep_ == "parataxis" and child.lemma_.lower() in lex.reporting:
                yield child
            elif child.dep_ == "relcl" and token.pos_ in ("NOUN", "PROPN") and child.lemma_.lower() in lex.reporting \
                    and any(c.dep_ in ("dobj", "nsubj") and c.lower_ in _RELATIVE_PRONOUNS for c in child.subtree):
                yield child


def _report_verb(verb: Token, number: Token, lex: Lexicons) -> bool:
    """ "The daily update also listed 3,350 tanks", "the tally counted 23 artillery systems":
    whatever verb a piece of reporting (`claim_report_nouns.txt`) is the subject of reports.
    Not when the reporting is what is reported: the sentence names its source ("Estimates
    range from 20,000 to 30,000, according to Ukrainian officials"), or the noun says what it
    counts and not whose it is ("Estimates of Russian troops range from ..."; but "Reports in
    the Western media of 110,000 troops are ..."); nor when the figure is in a clause beside
    the report ("The report comes as Russia masses 100,000 troops")."""
    beside = any(a.dep_ == "advcl" for a in number.ancestors if verb in a.ancestors)
    return not beside and _according_to(verb.sent) is None and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in lex.report_nouns
        and (not any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)
             or any(d.dep_ == "poss" or d.dep_ == "prep" and d.lower_ in ("by", "in") for d in c.children))
        for c in verb.children)


def _according_to(sent: Span) -> Token | None:
    found = _per_sentence(sent, "according_to", _according_to_index)
    return None if found is None else sent.doc[found]


def _according_to_index(sent: Span) -> int | None:
    for token in sent:
        if token.lower_ == "according":
            for prep in token.children:
                if prep.lower_ == "to":
                    return next((o.i for o in prep.children if o.dep_ == "pobj"), None)
    return None


def _memoised(doc: Doc, key: tuple, compute):
    """`compute()`, worked out once per `key` while the doc's claims are read (the
    memo lives in `doc.user_data` and `iter_claims` drops it; the value must not
    hold spaCy objects)."""
    memo = doc.user_data.setdefault(_MEMO_KEY, {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _per_sentence(sent: Span, name: str, compute):
    """`compute(sent)`, worked out once per sentence: every figure of a sentence asks
    the same question, and one long sentence with thousands of figures must not be
    re-read for each."""
    return _memoised(sent.doc, (name, sent.start, sent.end), lambda: compute(sent))


def _per_doc(doc: Doc, name: str, compute):
    """`compute(doc)`, worked out once per Doc."""
    return _memoised(doc, (name,), lambda: compute(doc))


def _non_initial_texts(doc: Doc) -> Counter:
    """How often each word occurs where no sentence starts: a capital there is a name's."""
    return Counter(t.text for t in doc if not t.is_sent_start)


def _noun_parsed_reporting(sent: Span, lex: Lexicons) -> Span | None:
    """ "..., US intelligence estimates.": the tagger read the verb as a plural
    noun; the compounds before it are the source."""
    found = _per_sentence(sent, "noun_parsed_reporting", lambda s: _noun_parsed_reporting_bounds(s, lex))
    return None if found is None else sent.doc[found[0]:found[1]]


def _noun_parsed_reporting_bounds(sent: Span, lex: Lexicons) -> tuple[int, int] | None:
    root = sent.root
    if root.pos_ != "NOUN" or root.lemma_.lower() not in lex.reporting:
        return None
    compounds = [c for c in root.lefts if c.dep_ == "compound"]
    if not compounds or root.nbor(-len(compounds) - 1).text != ",":
        return None
    return compounds[0].i, root.i


def _claimant(number: Token, sent: Span, speakers: list[_Speaker], lex: Lexicons) -> tuple[str, Token | None]:
    """The source of the figure ("" if unattributed) and its head token."""
    estimating = _estimating_verb(number)
    estimator = _subject_of(estimating) if estimating is not None else None
    for verb in _reporting_verbs_for(number, lex):
        subject = _participle_speaker(verb, lex) or _subject_of(verb)
        if subject is not None:
            if estimating is not None and estimator is not None and not _reports(verb, estimating):
                break         # "..., U.S. officials say, while Kyiv puts the figure at 127,000": Kyiv's
            subject = _voice_of_state(subject, number, sent, lex) or subject
            name, _ = _claimant_from_subject(subject, speakers, lex)
            return name, subject
    else:                             # no reporting verb with a subject: other ways a source is named
        source = _according_to(sent)
        if source is not None:
            name, _ = _claimant_from_subject(source, speakers, lex)
            return name, source
        compounds = _noun_parsed_reporting(sent, lex)
        if compounds:
            return compounds.text, compounds.root
        trailing = _trailing_source(number, sent, lex)
        if trailing is not None:
            name, _ = _claimant_from_subject(trailing, speakers, lex)
            return name, trailing
    if estimator is not None:
        name, _ = _claimant_from_subject(estimator, speakers, lex)
        return name, estimator
    return "", None


def _reports(verb: Token, clause: Token) -> bool:
    """Whether `clause` is what the reporting `verb` reports: below it, and not through a
    clause of contrast ("officials say, while Kyiv puts the figure at ...": Kyiv's estimate)."""
    token = clause
    while token.i != verb.i:
        if token.head == token or token.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in token.children):
            return False
        token = token.head
    return True


def _trailing_source(number: Token, sent: Span, lex: Lexicons) -> Token | None:
    """ "..., military intelligence chief Kyrylo Budanov told the Military Times.", "...,
    Oleksandr Syrskyi, the commander-in-chief, said on Monday.": the sentence's last verb,
    after the figure, reports, and the parse does not put the figure under it (it often
    makes it a conjunct of the main verb). Its source is its subject or, when the parse
    gives it none, the last named person or organisation before it with no verb between
    them; None if there is none. What goes on after the report ("..., X said, adding that
    ...", "..., X said, citing ...") is not read."""
    doc = sent.doc
    going_on = [v for v in doc[number.i + 1:sent.end] if _is_reporting_participle(v, lex)
                or v.tag_ == "VBG" and v.dep_ == "advcl" and v.head.lemma_.lower() in lex.reporting]   # ", citing ..."
    said_after = going_on[0].i if going_on else sent.end      # ", X said, adding that ...": read up to "adding"
    for verb in reversed(doc[number.i + 1:said_after]):
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.lemma_.lower() not in lex.reporting:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if verb.dep_ == "acl" and verb.head.i == verb.i - 1 and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head              # ", a senior US defense official estimated": parsed as "an official estimated"
        for token in reversed(doc[number.i + 1:verb.i]):
            if token.pos_ in ("VERB", "AUX"):
                return None
            if token.ent_type_ in ("PERSON", "ORG") and token.ent_iob_ != "O":
                found = _entity_of(token).root
                while found.dep_ in ("compound", "amod", "poss", "pobj") and found.head.i > number.i and (
                        found.dep_ != "pobj" or found.head.head.pos_ in ("NOUN", "PROPN")):
                    found = found.head if found.dep_ != "pobj" else found.head.head
                return found              # "a source in Ukraine's SBU security service": the source
        return None
    return None


def _estimating_verb(number: Token) -> Token | None:
    """ "The ministry put the number of troops at 410,000", "raised the death
    toll to 135", "corrected the figure to 100,000 troops": the verb whose object is the
    count the figure gives; its
    subject made the estimate. Or the verb that puts a thing at the figure's count ("the
    build-up, which Western officials put at 130,000 soldiers", `_estimate_at`)."""
    for nominal, _ in _governors(number):
        if nominal.dep_ == "dobj" and nominal.lemma_.lower() in _COUNT_NOUNS | _TOLL_NOUNS:
            return nominal.head
    noun = number.head if number.dep_ == "nummod" else number
    revising = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else None
    if revising is not None and revising.lemma_.lower() in _REVISING_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _COUNT_NOUNS | _TOLL_NOUNS for c in revising.children):
        return revising                 # "corrected the figure to 100,000 troops"
    found = _estimate_at(noun)
    return found[0] if found is not None else None


def _estimate_at(noun: Token) -> tuple[Token, Token] | None:
    """(verb, what is estimated) when the counted noun is what an estimating verb puts a thing
    at: "the build-up, which officials put at 130,000 soldiers" (the build-up), "the Russian
    contingent is estimated at about 1,500 soldiers" (the contingent)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "at" or prep.head.lemma_.lower() not in _ESTIMATE_VERBS:
        return None
    verb = prep.head
    thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return (verb, _antecedent(thing)) if thing is not None else None


def _accompanying_side(unit: Token, lex: Lexicons, home: str = "") -> str:
    """ "Russia invaded Ukraine with an estimated 190,000 troops": forces a verb's action is
    done "with" are its subject's ("the enemy" is the speaker's adversary)."""
    first = _first_conjunct(unit)
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ != "with" or prep.head.pos_ != "VERB" \
            or prep.head.lemma_.lower() in lex.transfer_words:      # "supply Ukraine with four HIMARS"
        return ""
    verb = prep.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ in ("acl", "relcl") and verb.head != verb:
        subject = verb.head          # "Russia's contingent, deployed in 2020 with 1,960 troops"
    if subject is None:
        return ""
    if _is_enemy(subject, lex):      # "the enemy carried out a strike with 127 missiles"
        return lex.adversaries.get(home, "")
    return _phrase_side(subject, lex)


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("Armenia's defence ministry, which said ...",
    "Sudan's army, which numbers 120,000"); any other token as it is."""
    clause = token.head
    if token.lower_ in _RELATIVE_PRONOUNS and clause.dep_ == "relcl" and clause.head != clause:
        return clause.head
    return token


def _refers_to_enemy(pronoun: Token, lex: Lexicons) -> bool:
    """Whether "it", "they" or "its" goes back to the enemy ("The enemy grouping has been
    stopped. Over the week its losses ...")."""
    named = _referent(pronoun)
    return named is not None and any(t.lemma_.lower() in lex.enemy_words for t in named.subtree)


def _is_enemy(noun: Token, lex: Lexicons) -> bool:
    """ "the enemy", "the aggressor state", "enemy aviation": a noun the speaker uses for
    the other side (`claim_enemy_words.txt`)."""
    return noun.lemma_.lower() in lex.enemy_words or any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in lex.enemy_words for c in noun.children)


def _resized_side(unit: Token, lex: Lexicons, home: str) -> str:
    """ "increasing the size of the Armed Forces to 1.5 million servicemen", "cut its army to
    80,000 troops": the force a verb brings to the figure, directly or through a count noun."""
    first = _first_conjunct(unit)
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ != "to" or prep.head.pos_ != "VERB":
        return ""
    thing = next((c for c in prep.head.children if c.dep_ == "dobj"), None)
    if thing is not None and thing.lemma_.lower() in _COUNT_NOUNS:
        thing = next(iter(_of_objects(thing)), None)
    if thing is None or not _is_force_noun(thing, lex):
        return ""
    return _phrase_side(thing, lex) or _named_own_force(thing, home)


def _estimated_side(unit: Token, lex: Lexicons, people: dict[str, str] | None = None) -> str:
    """The side of what an estimate puts at the figure ("the Russian contingent is estimated at
    1,500 soldiers"); a "the" phrase naming none ("the build-up") goes back to its referent."""
    found = _estimate_at(unit)
    if found is None:
        return ""
    thing = found[1]
    side = _phrase_side(thing, lex)
    owner = next((c for c in thing.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS - _FIRST_PERSON),
                 None)
    if not side and owner is not None:
        return _referent_side(owner, lex, people)   # "the Russian army had lost far more, putting its dead at 20,000"
    if not side and thing.lemma_.lower() in _COUNT_NOUNS:
        return ""                     # "puts the figure at 127,000": the figure named before, not a subject's
    if not side and any(c.dep_ == "det" and c.lower_ == "the" for c in thing.subtree):
        estimator = next((c for c in found[0].children if c.dep_ == "nsubj"), None)
        before = thing.doc[min(t.i for t in estimator.subtree)] if estimator is not None else thing
        side = _referent_side(before, lex, people)   # "Kyiv puts the build-up at ...": what was named before Kyiv
    return side


def _after_its_report(verb: Token) -> bool:
    """ "Ukraine secured the release of 215 prisoners, President Zelenskyy said.": the
    reporting verb comes after what it reports (a clause before it, or the parse's
    parataxis), as a news report closes a sentence of indirect speech on its source, whose
    speech ends there (a quotation's speaker may go on: `_speakers_in`)."""
    return verb.dep_ == "parataxis" or any(
        c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)


def _speakers_in(sent: Span, speakers: list[_Speaker], lex: Lexicons) -> list[_Speaker]:
    """Named people who report something in this sentence, in order. A participle that
    modifies a noun ("the mobilisation announced by President Putin") names no speaker:
    a later "he said" goes on with the sentence's own source."""
    found: list[_Speaker] = []
    quoting = _QUOTE_CLOSE.search(sent.text) is not None    # a quotation's speaker may go on after it
    for token in sent:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lex.reporting and token.dep_ != "acl":
            subject = _subject_of(token)
            if subject is None:
                continue
            name, is_person = _claimant_from_subject(subject, speakers + found, lex)
            if is_person and name:
                found.append(_Speaker(char=token.idx, name=name,
                                      continues=quoting or not _after_its_report(token)))
    source = _according_to(sent)                      # "According to Oleksiy Arestovych, ..."
    trailing = False
    if source is None and not found:
        source = _trailing_source(sent[0], sent, lex)   # "..., Lieutenant General Igor Zhuravlyov, said."
        trailing = source is not None
    if source is not None:
        name, is_person = _claimant_from_subject(source, speakers + found, lex)
        if is_person and name:
            found.append(_Speaker(char=source.idx, name=name, continues=quoting or not trailing))
    return sorted(found, key=lambda s: s.char)


def _dates(figure_tokens: set[int], sent: Span, timexes: Sequence[Timex],
           published: date | None) -> tuple[date | None, date | None]:
    """(date, as_of): a dated expression in the claim's clause, else publication;
    as_of when the expression hangs off the figure or its noun."""
    doc = sent.doc
    claim_date, as_of = None, None
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or timex.date_start is None:
            continue
        if not (sent.start_char <= timex.start and timex.end <= sent.end_char):
            continue
        span = _tokens(doc, timex.start, timex.end)
        if span is None:
            continue
        attached_to = _first_content_ancestor(span.root, figure_tokens)
        if attached_to == "figure" and as_of is None:
            as_of = timex.date_start
        elif attached_to == "clause" and claim_date is None:
            claim_date = timex.date_start
    return claim_date or published, as_of


def _first_content_ancestor(token: Token, figure_tokens: set[int]) -> str:
    """ "figure" if the time expression hangs off the figure or its noun, else "clause".
    Reads at most `_MAX_ANCESTOR_STEPS` heads up: a list of thousands of
    conjoined numbers makes a tree that deep."""
    for ancestor in islice(token.ancestors, _MAX_ANCESTOR_STEPS):
        if ancestor.i in figure_tokens:
            return "figure"
        if ancestor.pos_ in ("VERB", "AUX"):
            return "clause"
    return "clause"


# --------------------------------------------------------------------------
# assembly


def _implausible(value: float | None, settings: Settings) -> bool:
    return value is not None and (value != value or value > settings.implausible_above)


def _build_claim(figure: _Figure, unit: _Unit, sent: Span, *, side: str, claimant: str,
                 category: str, flags: tuple[str, ...], location: str,
                 claim_date: date | None, as_of: date | None, settings: Settings) -> Claim:
    doc_text = _text_of(sent.doc)
    start = min(figure.phrase_start, unit.token.left_edge.idx)
    end = max(figure.phrase_end, unit.token.idx + len(unit.token))
    all_flags = figure.flags + unit.flags + flags
    if _implausible(figure.high if figure.value is None else figure.value, settings):
        all_flags += ("implausible",)
    return Claim(
        start=figure.start, end=figure.end, sentence=doc_text[sent.start_char:sent.end_char],
        value=figure.value, unit=unit.text, category=category,
        low=figure.low, high=figure.high, qualifier=figure.qualifier,
        side=side, claimant=claimant, location=location,
        date=claim_date, as_of=as_of, text=doc_text[start:end],
        flags=tuple(dict.fromkeys(all_flags)),
    )


def _force_mention_sides(sent: Span, lex: Lexicons) -> list[str]:
    """Sides of force nouns in the sentence ("Moscow's forces are massing"), and of military
    equipment whose side the phrase names ("Russian missiles hit our country again")."""
    sides = []
    for token in sent:
        if _is_force_noun(token, lex):
            found = _explicit_side(token, token.doc[token.i:token.i], lex) or _deployer_side(token, lex)
        elif lex.units.get(token.lower_, ("",))[0] == "equipment":
            found = _explicit_side(token, token.doc[token.i:token.i], lex)
        else:
            continue
        if found:
            sides.append(found)
    return sides


def _might_hold_claims(sent: Span, lex: Lexicons) -> bool:
    """Cheap gate before any parse reading: a digit or number word and a unit word."""
    lowered = {t.lower_ for t in sent}
    has_unit = any(word.split()[-1] in lowered for word in lex.units) or "toll" in lowered
    return has_unit and any(
        any(c.isdigit() for c in t.text) or t.lower_ in lex.numbers or t.lower_.rstrip("s") in lex.numbers
        for t in sent
    )


def _is_force_noun(token: Token, lex: Lexicons) -> bool:
    """A noun for people or formations under arms ("troops", "battalions"), not equipment."""
    return lex.units.get(token.lower_, ("",))[0] in ("personnel", "formation")


def _has_force_noun(sent: Span, lex: Lexicons) -> bool:
    return any(_is_force_noun(t, lex) for t in sent)


def _may_name_speaker(sent: Span, lex: Lexicons) -> bool:
    """A reporting verb with a person or a title in the sentence: "Ben Wallace said"."""
    reports = any((t.lemma_ or t.lower_).lower() in lex.reporting for t in sent)
    return reports and (any(e.label_ == "PERSON" for e in sent.ents)
                        or any(t.lower_.rstrip(".") in lex.titles for t in sent))


def _sentences_to_parse(sentences: Sequence[Span], lex: Lexicons) -> set[int]:
    """Indices of the sentences whose parse the claim rules read:

    - each sentence with a candidate figure;
    - force nouns in the `_SENTENCE_WINDOW` sentences before one, whose side
      the figure may inherit ("Moscow's forces are massing. ... 130,000 troops");
    - when the candidate has a personal pronoun ("He warned ..."), the two
      nearest earlier sentences that may name a reporting person.

    Every other sentence stays unparsed: most sentences of an article.
    """
    chosen: set[int] = set()
    for index, sent in enumerate(sentences):
        if not _might_hold_claims(sent, lex):
            continue
        chosen.add(index)
        chosen.update(i for i in range(max(0, index - _SENTENCE_WINDOW), index) if _has_force_noun(sentences[i], lex))
        if any(t.lower_ in _PRONOUNS_PERSON for t in sent):
            earlier = [i for i in range(index - 1, -1, -1) if _may_name_speaker(sentences[i], lex)]
            chosen.update(earlier[:2])
        chosen.update(i for i in range(index + 1, min(len(sentences), index + _RETRO_REACH + 1))
                      if _may_attribute_back(sentences[i], lex))
        chosen.update(i for i in range(index + 1, min(len(sentences), index + _QUOTE_REACH + 1))
                      if _may_close_quote(sentences[i]))
    return chosen


def _still_speaking(speakers: list[_Speaker], sentences: Sequence[Span], index: int, turn_start: int = 0) -> str:
    """The person a report quoted in one of the `_CONTINUES` sentences before this one
    ("Oleksiy Arestovych also noted that ... . Separate detachments ..."): reported
    speech goes on until another source is named, and not past the start of the
    transcript turn the sentence is in (the speaker of a turn is not someone the
    turn before named)."""
    since = max(sentences[max(0, index - _CONTINUES)].start_char, turn_start)
    recent = [s for s in speakers if s.char >= since]
    return recent[-1].name if recent and recent[-1].continues else ""


def _opens_quote(sent: Span) -> bool:
    return sent.text.lstrip()[:1] in _QUOTE_MARKS


def _quoted_in(figure: _Figure, sent: Span) -> bool:
    """Whether the figure is inside the quotation a sentence opens with and closes
    ('"Our forces destroyed 13 tanks," the ministry said.')."""
    found = _QUOTE_CLOSE.search(sent.text)
    return _opens_quote(sent) and found is not None and figure.end <= sent.start_char + found.start() + 1


def _may_close_quote(sent: Span) -> bool:
    """ '... in the JFO area," the President said.' (before parsing): a quotation mark
    after the end of a quoted sentence, then a short tail that may report it."""
    found = _QUOTE_CLOSE.search(sent.text)
    return found is not None and len(sent.text) - found.end() <= _QUOTE_TAIL_CHARS


def _quote_closer(sent: Span, lex: Lexicons) -> Token | None:
    """The subject of the reporting verb after the closing quotation mark (parsed)."""
    found = _QUOTE_CLOSE.search(sent.text)
    if found is None:
        return None
    after = sent.start_char + found.end()
    for verb in (t for t in sent if t.idx >= after and t.lemma_.lower() in lex.reporting):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


def _quoted_speakers(sentences: Sequence[Span], lex: Lexicons,
                     voices: Voices) -> dict[int, tuple[str, str]]:
    """Sentence index -> who a quotation of several sentences is attributed to at its end,
    and the side that speaker's description names (`_described_side`):
    '"We are proud of our defenders! Today 32,000 women serve in the Armed Forces! ...
    in the JFO area," the President said.' Reads back from the closing sentence to the
    one that opens the quotation, at most `_QUOTE_REACH` sentences, and gives up if
    another quotation closes on the way."""
    quoted: dict[int, tuple[str, str]] = {}
    for close, sent in enumerate(sentences):
        if not sent[0].tag_ or _opens_quote(sent) or not _may_close_quote(sent):
            continue
        subject = _quote_closer(sent, lex)
        if subject is None:
            continue
        name, _ = _claimant_from_subject(subject, [], lex)
        name = voices.holder_of(name) or name
        side = voices.country_of.get(subject.text, "") or _described_side(subject, lex)
        for start in range(close - 1, max(-1, close - 1 - _QUOTE_REACH), -1):
            if _may_close_quote(sentences[start]):
                break
            if _opens_quote(sentences[start]):
                quoted.update((i, (name, side)) for i in range(start, close) if name)
                break
    return quoted


def _described_side(person: Token, lex: Lexicons) -> str:
    """The one side a speaker's description names, as the side their "we" and "our" stand
    for: "German Defence Minister Boris Pistorius", "the spokesman for Ukraine's State
    Border Guard Service, Andriy Kovalyk". Only words the noun phrase holds without a
    verb between ("who met Russian officers" says nothing of whom they speak for)."""
    sides = set()
    for token in person.subtree:
        path = [token, *(a for a in token.ancestors if a.i != person.i and person in a.ancestors)]
        if any(t.pos_ in ("VERB", "AUX") for t in path):
            continue
        sides.add(_token_side(token, lex))
    sides.discard("")
    return sides.pop() if len(sides) == 1 else ""


def _may_attribute_back(sent: Span, lex: Lexicons) -> bool:
    """ "This was announced by Adviser ... Oleksiy Arestovych at a briefing." (before parsing)."""
    words = [t for t in sent if not t.is_space]
    return bool(words) and words[0].lower_ in _BACK_PRONOUNS and any(t.lower_ == "by" for t in words) \
        and _may_name_speaker(sent, lex)


def _attributed_back(sent: Span, speakers: list[_Speaker], lex: Lexicons) -> str:
    """Who "This was stated by X" names: the source of what came before it."""
    for verb in sent:
        if verb.lemma_.lower() not in lex.reporting or not any(
                c.dep_ == "nsubjpass" and c.lower_ in _BACK_PRONOUNS for c in verb.children):
            continue
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            named = [e.text for e in sent.ents if e.label_ == "PERSON" and e.start > agent.i
                     and len(e.text.split()) >= 2 and not _role_only(e.text)]
            if named:                     # "by Adviser to the Head of the Office ... Oleksiy Arestovych"
                return named[0]
            for source in (o for o in agent.children if o.dep_ == "pobj"):
                name, _ = _claimant_from_subject(source, speakers, lex)
                return name
    return ""


def iter_claims(doc: Doc, *, published: date | None, timexes: Sequence[Timex] = (),
                settings: Settings = Settings(), voices: Voices = Voices()) -> Iterator[Claim]:
    """Yield every troop or casualty figure in `doc`, in text order; a figure
    stated in the headline and again in the body once (`without_headline_repeats`).
    A figure no sentence attributes is claimed by whoever speaks there (`voices`:
    a transcript's speaker, an address's speaker); one in a reporter's question
    by `speakers.REPORTER`, with the flag "question".

    A doc without a dependency parse is parsed only in the sentences that
    need it (`_sentences_to_parse`), on a copy: see `core.syntax`.
    """
    lex = lexicons()
    doc, _ = with_syntax(doc, lambda sentences: _sentences_to_parse(sentences, lex))
    try:
        found = repeats_share_sides(list(_claims_in(doc, published=published, timexes=timexes,
                                                     settings=settings, lex=lex, voices=voices)), lex)
        yield from without_headline_repeats(found, headline_end=headline_span(_text_of(doc))[1])
    finally:
        doc.user_data.pop(_MEMO_KEY, None)      # per-sentence answers live as long as the reading


def repeats_share_sides(claims: Sequence[Claim], lex: Lexicons | None = None) -> list[Claim]:
    """A figure the document states again ("the 8,500 American troops", then "those
    8,500 troops") counts the same forces: a statement that names no side, or only
    guesses it from its context (`_SIDE_GUESSED`), takes the side of the nearest
    one that reads it from the text, with the flag "side_from_repeat". Run again over
    the joined pieces of a long article (`core.extract.join_pieces`), it fills the
    sides a repeat in another piece reads."""
    lex = lex or lexicons()

    def kind(claim: Claim) -> str:
        return lex.units.get(claim.unit.lower(), ("", ""))[0]

    def read(claim: Claim) -> bool:
        return bool(claim.side) and _SIDE_GUESSED not in claim.flags

    out = []
    for claim in claims:
        if not read(claim) and claim.value is not None:
            same = [c for c in claims if read(c) and c.value == claim.value and c.category == claim.category
                    and kind(c) == kind(claim)]
            if same:
                nearest = min(same, key=lambda c: abs(c.start - claim.start))
                if nearest.side != claim.side:            # flagged only when the repeat changes it
                    claim = dataclasses.replace(claim, side=nearest.side, flags=claim.flags + ("side_from_repeat",))
        out.append(dataclasses.replace(claim, flags=tuple(f for f in claim.flags if f != _SIDE_GUESSED)))
    return out


def _same_figure(first: Claim, second: Claim) -> bool:
    """The same count of the same thing; sides agree, or one of them is not known."""
    return ((first.value, first.low, first.high, first.unit, first.category)
            == (second.value, second.low, second.high, second.unit, second.category)
            and (first.side == second.side or not first.side or not second.side))


def without_headline_repeats(claims: Sequence[Claim], *, headline_end: int) -> list[Claim]:
    """The claims, less any in the headline (text before `headline_end`, see
    `core.ingest.headline_span`) whose figure the body states again: one figure
    counts once in an article. The body's claim is kept (it has the context)."""
    body = [c for c in claims if c.start >= headline_end]
    return [c for c in claims if c.start >= headline_end or not any(_same_figure(c, b) for b in body)]


def _claims_in(doc: Doc, *, published: date | None, timexes: Sequence[Timex], settings: Settings,
               lex: Lexicons, voices: Voices) -> Iterator[Claim]:
    speakers: list[_Speaker] = []
    recent_sides: list[tuple[int, str]] = []     # (sentence index, side)
    labels = {turn.start for turn in voices.turns}
    # a speaker's label is a sentence of its own (`core.nlp`), not one the distances count
    sentences = [s for s in doc.sents if s.start_char not in labels or not s.text.rstrip().endswith((":", "Q"))]
    back = {i: name for i, sent in enumerate(sentences) if sent[0].tag_ and _may_attribute_back(sent, lex)
            for name in [_attributed_back(sent, [], lex)] if name}
    quoted = _quoted_speakers(sentences, lex, voices)
    last_unit: tuple[int, _Unit] | None = None      # the last unit counted, and in which sentence
    for index, sent in enumerate(sentences):
        claims_from = len(recent_sides)
        if _might_hold_claims(sent, lex) or last_unit is not None and last_unit[0] == index - 1:
            previous_unit: _Unit | None = None       # the last unit counted in this sentence
            earlier_unit = last_unit[1] if last_unit is not None and last_unit[0] == index - 1 else None
            quoted_by, quoted_home = quoted.get(index, ("", ""))
            for figure in find_figures(sent, lex=lex):
                try:
                    found = _claim_for(figure, sent, index, speakers=speakers, recent_sides=recent_sides,
                                       previous_unit=previous_unit, earlier_unit=earlier_unit,
                                       published=published,
                                       timexes=timexes, lex=lex, settings=settings, voices=voices,
                                       stated_by=quoted_by
                                       or next((back[j] for j in range(index, index + _RETRO_REACH + 1)
                                                if j in back), "")
                                       or _still_speaking(speakers, sentences, index,
                                                          voices.turn_start(sent.start_char)),
                                       quoted_home=quoted_home)
                except Exception:  # one bad candidate must not stop the article
                    log.exception("skipping figure %r", _text_of(doc)[figure.start:figure.end])
                    continue
                if found is not None:
                    claim, previous_unit = found
                    last_unit = (index, previous_unit)
                    if claim.side:
                        recent_sides.append((index, claim.side))
                    yield claim
        # a figure's side says more than a force the sentence mentions: "Ukrainian forces
        # eliminated 760 occupiers" leaves the occupiers' side for the next sentence to inherit
        recent_sides[claims_from:claims_from] = [(index, side) for side in _force_mention_sides(sent, lex)]
        speakers.extend(_speakers_in(sent, speakers, lex))


def _claim_for(figure: _Figure, sent: Span, index: int, *, speakers: list[_Speaker],
               recent_sides: list[tuple[int, str]], previous_unit: _Unit | None, published: date | None,
               timexes: Sequence[Timex], lex: Lexicons, settings: Settings,
               voices: Voices = Voices(), stated_by: str = "", quoted_home: str = "",
               earlier_unit: _Unit | None = None) -> tuple[Claim, _Unit] | None:
    """The claim a figure makes and the unit it counts, or None if it is no claim.
    `stated_by`: who a later "This was stated by X" names, for a figure no sentence attributes;
    `quoted_home`: the side of the speaker of the quotation the figure is in, if known."""
    doc = sent.doc
    span = _tokens(doc, figure.start, figure.end)
    if span is None:
        return None
    number = span.root
    unit = (_unit_for(figure, doc, lex) or _carried_unit(figure, number, previous_unit, lex)
            or _referred_unit(number, previous_unit or earlier_unit) or _fronted_partitive_unit(number, lex))
    if unit is None:
        return None
    if unit.kind == "casualty" and unit.text in _ELLIPTIC_CASUALTY and unit.token.i == number.i + 1:
        if previous_unit is not None and previous_unit.kind == "personnel":
            # "498 servicemen had been killed and 1,597 wounded": the wounded are servicemen too
            unit = dataclasses.replace(unit, text=previous_unit.text, flags=unit.flags + ("unit_carried",))
        elif _counts_civilians_before(number, lex):
            return None                 # "11 people were killed and 64 wounded": people too
    figure = _read_post_unit_cue(figure, unit, _text_of(doc))
    category, category_flags = _category(unit, lex)
    served = _force_served(unit.token, lex) if unit.kind in ("people", "serving") else None
    if unit.kind in ("people", "serving") and category == "force_size" and served is None:
        return None                     # "the low thousands" of civilians is not a force
    if unit.kind == "serving" and category != "force_size":
        return None                     # "40 women were killed": no force is counted
    if _not_a_claim(number, unit, lex):
        return None
    if _is_increment(number, unit, lex):
        category_flags += ("change",)
    claimant, claimant_head = _claimant(number, sent, speakers, lex)
    if claimant_head is not None:
        claimant_head = _antecedent(claimant_head)     # "Armenia's defence ministry, which said ..."
    claimant = voices.holder_of(claimant) or claimant          # "the President said ..."
    if claimant_head is not None and any(c.dep_ == "poss" and c.lower_ in ("our", "my")
                                         for c in claimant_head.children):
        claimant = ""                   # "according to our data": the one who speaks
    elif claimant.istitle() and " " not in claimant:
        claimant = _full_name(claimant, doc, figure.start, lex)   # "Pistorius said", tagged as no person
    speaker, question, home = voices.at(figure.start)
    publisher = _publisher_side(home)
    home = publisher or quoted_home
    if not home and claimant_head is not None and _quoted_in(figure, sent):
        home = _described_side(claimant_head, lex)   # "'Our forces destroyed 13 tanks,' the Russian ministry said"
    if question:
        category_flags += ("question",)
    if not claimant:
        claimant = speaker if question else (stated_by or speaker)
    claimant_tokens = {t.i for t in claimant_head.subtree} if claimant_head is not None else set()
    source_side = _claimant_side(claimant_head, lex, voices.country_of)
    side = (
        _figure_owner_side(number, lex)
        or _explicit_side(unit.token, span, lex)
        or _fights_for_side(unit.token, lex)
        or _passive_deployment_side(unit, lex, publisher)
        or _enemy_side(unit.token, home or source_side, lex)
        or _loss_owner_side(unit.token, home or source_side, lex, voices.country_of)
        or (_recipient_of_transfer(unit.token, lex) if unit.kind == "equipment" else "")
        or _deployer_side(unit.token, lex, claimant=claimant_head, home=home, people=voices.country_of,
                          addressee=_publisher_side(voices.home) if question else "")
        or _attack_side(unit.token, lex)
        or _accompanying_side(unit.token, lex, home or source_side)
        or _resized_side(unit.token, lex, home)
        or (unit.side if not unit.side_guessed else "")      # "150,000 troops, up from 100,000"
        or _own_side(unit.token, claimant_head, lex, voices.country_of)
        or _speakers_own_side(unit.token, claimant_head, home)
        or _named_own_force(unit.token, home)
        or (_recipient_side(unit.token, home or source_side, lex) if unit.kind == "equipment" else "")
        or _holder_side(unit.token, lex)
        or _estimated_side(unit.token, lex, voices.country_of)
        or _exercise_side(unit.token, lex)
        or (_named_own_force(served, home) or _phrase_side(served, lex) if served is not None else "")
    )
    inflicter = _inflicted(unit.token, lex) if category != "force_size" or "losses" in category_flags else None
    inflicting = _inflicting_side(inflicter, lex, home or source_side) if inflicter is not None else ""
    def guesses() -> Iterator[str]:
        yield unit.side                       # the guess made for the figure whose noun this one shares
        yield lex.adversaries.get(inflicting, "")
        if category == "force_size":
            yield _clause_side(unit.token, sent, claimant_tokens, lex)
            yield _border_side(unit.token, lex)
        if category == "captured" and unit.kind != "casualty":
            # "1,730 fighters have surrendered, Russia's ministry said"; not "the release of 215 prisoners"
            yield lex.adversaries.get(source_side or home, "")
        yield _inherited_side(index, recent_sides)
        yield source_side
        if category != "force_size":
            yield home if claimant_head is None else ""
            yield _reporting_body_side(claimant_head, lex)

    # the first guess that is not the inflicter's own ("the RSF said it had captured 31 officers")
    guessed = next((g for g in guesses() if g and g != inflicting), "") \
        if not side and not (category == "force_size" and _names_joint_forces(sent, lex)) else ""
    if guessed:
        side = guessed
        category_flags += (_SIDE_GUESSED,)
    figure_tokens = {t.i for t in span} | {unit.token.i}
    claim_date, as_of = _dates(figure_tokens, sent, timexes, published)
    claim = _build_claim(
        figure, unit, sent, side=side, claimant=claimant, category=category,
        flags=category_flags, location=_location(unit.token, sent, lex),
        claim_date=claim_date, as_of=as_of, settings=settings,
    )
    return claim, dataclasses.replace(unit, side=side, side_guessed=bool(guessed))


def _counts_civilians_before(number: Token, lex: Lexicons) -> bool:
    """Whether the last number before `number` in its sentence counts civilians or people
    (`claim_non_claims.csv`, kind civilian): "At least 11 people were killed and 64 wounded"."""
    earlier = next((t for t in reversed(number.doc[number.sent.start:number.i]) if t.like_num), None)
    return earlier is not None and earlier.dep_ == "nummod" \
        and earlier.head.lemma_.lower() in lex.non_claims.get("civilian", ())


@lru_cache(maxsize=256)
def _publisher_side(name: str) -> str:
    """The side a document's voice speaks for, as a side: a country or group as it is
    ("Ukraine", "NATO"), an official body of one ("General Staff of the Armed Forces of
    Ukraine", "Ministry of Defence of the Russian Federation": a body noun of
    `claim_org_nouns.txt` and a country), an office of one ("President of Russia", a word
    of `claim_titles.txt` and a country), and "" for a news outlet ("ITV News", "The Moscow
    Times"), which is no side."""
    lex = lexicons()
    found = side_of_term(name, lex)
    if found or not name:
        return found
    words = re.findall(r"(?:[A-Z]\.){2,}|[A-Za-z][A-Za-z'-]*", name)      # "U.S." kept whole
    if not any(word.lower() in lex.org_nouns or word.lower() in lex.titles for word in words):
        return ""                           # an office speaks for its country too: "President of Russia"
    for width in (3, 2, 1):                 # "Russian Federation", "Republic of Belarus", "Ukraine"
        for start in range(len(words) - width + 1):
            found = side_of_term(" ".join(words[start:start + width]), lex)
            if found:
                return found
    return ""


def _not_a_claim(number: Token, unit: "_Unit", lex: Lexicons) -> str:
    """Why a counted figure is no claim (`core/data/claim_non_claims.csv`), or "":
    - "conditional": its clause is hypothetical ("whether we have 50,000, 150 or one
      million soldiers", "if they sent 10,000 more troops");
    - "award": the people counted are honoured ("476 soldiers have been awarded");
    - "civil": the equipment counted is civilian (an airline's 20 aircraft, research ships)."""
    words = lex.non_claims
    for token in islice(number.ancestors, _CLAUSE_STEPS):
        if any(c.dep_ == "mark" and c.lower_ in words.get("conditional", ()) for c in token.children):
            return "conditional"
    for token in (unit.token, *islice(unit.token.ancestors, _CLAUSE_STEPS)):
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in words.get("award", ()):
            return "award"
    if unit.kind == "equipment":
        civil = words.get("civil", frozenset())
        listed = {t.i for c in unit.token.children if c.dep_ == "conj" for t in c.subtree}   # the list's next items
        own = set(unit.text.split())      # "armoured personnel carriers" is no airline's carrier
        nearby = [t for t in unit.token.subtree if t.i not in listed] + [
            t for v in islice(unit.token.ancestors, 2) for c in v.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree]
        if any((t.lemma_.lower() in civil or t.lower_ in civil) and t.lower_ not in own for t in nearby):
            return "civil"
    return ""


def _is_increment(number: Token, unit: "_Unit", lex: Lexicons) -> bool:
    """ "increased its troop presence by as many as 7,000 troops": the figure is the
    object of "by" after a change verb (`claim_non_claims.csv`, kind "change")."""
    verbs = lex.non_claims.get("change", frozenset())
    for token in (number, unit.token):
        chain = [token, *islice(token.ancestors, 3)]
        for below, above in zip(chain, chain[1:]):
            if below.dep_ == "pobj" and above.lower_ == "by" and above.head.lemma_.lower() in verbs:
                return True
    return False


def _object_of_coordinated_verb(number: Token, earlier: Token) -> bool:
    """ "killed about 550 fighters ... and captured 29": the number is the object of a verb
    coordinated with the verb whose object is the earlier counted noun."""
    verb, earlier_verb = number.head, earlier.head
    return number.dep_ == "dobj" and earlier.dep_ == "dobj" and verb != earlier_verb and (
        verb.dep_ == "conj" and verb.head == earlier_verb or earlier_verb.dep_ == "conj" and earlier_verb.head == verb)


def _carried_unit(figure: _Figure, number: Token, previous: _Unit | None, lex: Lexicons) -> _Unit | None:
    """A bare number that leaves out the noun of an earlier figure in the same
    sentence counts the same thing:

    - an earlier count: "83 BTGs ..., up from 60";
    - a number standing as a subject: "179 of its soldiers were killed ... and
      81 were taken prisoner", "of the 18,800 servicemen ..., 4,300 had chosen";
    - a count noun with no "of" phrase: "12,700 troops ..., but the true number
      could be as high as 100,000";
    - a number used as a noun with "the": "22,000 troops in Crimea, nearly double
      the 12,500 it had based there".

    The number itself stands in for the noun, so its own verbs give the
    casualty category ("taken prisoner").
    """
    if previous is None or previous.flags and previous.flags[0].startswith("percent_of"):
        return None
    doc = number.doc
    if _text_of(doc)[figure.end:figure.end + 9].lower().lstrip().startswith(_PERCENT_WORDS):
        return None
    if any(child.pos_ in ("NOUN", "PROPN") for child in number.children) or number.dep_ == "nummod":
        return None
    if _YEAR.match(number.text):
        return None                     # "...; 2024 will be different"
    earlier_count = re.search(r"\bfrom\s*$", _text_of(doc)[max(0, figure.phrase_start - 12):figure.phrase_start], re.I)
    the = _with_the(number)               # "nearly double the 12,500"
    if not (earlier_count or the or number.dep_ in _SUBJECT_DEPS or _bare_count_noun(number, lex) is not None
            or _object_of_coordinated_verb(number, previous.token)):
        return None
    return _Unit(token=number, text=previous.text, kind=previous.kind, category=previous.category,
                 flags=("unit_carried",), side=previous.side, side_guessed=previous.side_guessed)


def _read_post_unit_cue(figure: _Figure, unit: _Unit, doc_text: str) -> _Figure:
    """ "10,000 troops or more": a cue after the noun, when none came before."""
    if figure.qualifier or unit.token.idx < figure.end or figure.value is None:
        return figure
    after = doc_text[unit.token.idx + len(unit.token):][:20]
    for pattern, qualifier, bound in _POST_CUES:
        if pattern.match(after):
            low = figure.value if bound == "low" else None
            return _replace(figure, qualifier=qualifier, low=low)
    return figure


def _own_side(unit: Token, claimant: Token | None, lex: Lexicons, people: dict[str, str] | None = None) -> str:
    """ "1,351 of its soldiers", "our troops": the claimant's own side; for "its", "their",
    "his" and "her", else the side of whom the pronoun goes back to ("Wagner chief Yevgeny
    Prigozhin claimed that his 25,000 fighters ...", `_referent_side`)."""
    owner = next((c for c in unit.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS), None)
    if owner is None:
        group = next((c for c in unit.children if c.dep_ == "poss" and c.lower_ in _REFERRING_NOUNS
                      and _with_the(c)), None)
        return _referent_side(group, lex, people) if group is not None else ""   # "150 of the group's fighters"
    found = _phrase_side(claimant, lex) if claimant is not None else ""
    if found or owner.lower_ in _FIRST_PERSON:
        return found
    return _referent_side(owner, lex, people)


def _referent_side(word: Token, lex: Lexicons, people: dict[str, str] | None = None) -> str:
    """The side of whom a pronoun or "the group" goes back to: the nearest subject before it,
    in its sentence or the one before, with a side named in it or before its head
    ("Hezbollah leader Hassan Nasrallah claimed that the group had ...", "Azerbaijan
    launched ... . Its defence ministry said 192 of its servicemen ...")."""
    doc = word.doc
    start = _reach_start(word.sent, 1)
    for token in reversed(doc[start:word.i]):
        if token.dep_ not in _SUBJECT_DEPS or token.lower_ in _PRONOUNS_OTHER | _PRONOUNS_PERSON \
                or token.lower_ in _REFERRING_NOUNS or any(c.lower_ in _POSSESSIVE_PRONOUNS for c in token.children):
            continue
        if people and token.text in people:
            return people[token.text]
        for named in reversed([t for t in token.subtree if t.i <= token.i]):
            found = _token_side(named, lex)
            if found:
                return found
    return ""


def _enemy_side(unit: Token, speakers_side: str, lex: Lexicons) -> str:
    """ "destroyed two enemy tanks", "the enemy's vehicles", "tanks of the enemy", said by
    a speaker of a known side: the side that one calls the enemy (`claim_adversaries.csv`)."""
    if not speakers_side:
        return ""
    first = _first_conjunct(unit)         # "15 tanks and six vehicles": the conjuncts share an owner
    nouns = [unit, first, *_of_objects(unit)]   # "units of enemy equipment"
    if first.dep_ == "pobj" and first.head.lower_ in _INCLUDING_WORDS and first.head.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(first.head.head)     # "nationalist units including 15 tanks"
    owners = [owner for noun in nouns for owner in
              [noun, *(c for c in noun.children if c.dep_ in _SIDE_DEPS), *_of_objects(noun)] if owner != unit]
    owners += _fought_objects(first, lex)
    owners += [unit] if unit.lower_ in lex.enemy_words else []      # "760 occupiers"
    if any(owner.lemma_.lower() in lex.enemy_words or owner.lower_ in lex.enemy_words for owner in owners):
        return lex.adversaries.get(speakers_side, "")
    return ""


def _loss_owner_side(unit: Token, speakers_side: str, lex: Lexicons, people: dict[str, str] | None = None) -> str:
    """Whose losses a `_loss_subject` names: its possessive or "of" phrase ("Russia's
    losses", "the losses of the enemy", "its losses" after "the enemy grouping"). The
    enemy is the speaker's adversary (`claim_adversaries.csv`)."""
    subject = _loss_subject(unit)
    if subject is None:
        return ""
    for owner in _owners(subject):
        if owner.lower_ in _POSSESSIVE_PRONOUNS - _FIRST_PERSON:
            if _refers_to_enemy(owner, lex):
                return lex.adversaries.get(speakers_side, "")
            found = _referent_side(owner, lex, people)
        elif _is_enemy(owner, lex):
            found = lex.adversaries.get(speakers_side, "")
        else:
            found = _phrase_side(owner, lex)
        if found:
            return found
    return ""


def _referent(word: Token) -> Token | None:
    """The nearest subject before a pronoun, in its sentence or the one before, that is
    not itself a pronoun: whom "its" goes back to."""
    for token in reversed(word.doc[_reach_start(word.sent, 1):word.i]):
        if token.dep_ in _SUBJECT_DEPS and token.lower_ not in _PRONOUNS_OTHER | _PRONOUNS_PERSON:
            return token
    return None


def _fought_objects(noun: Token, lex: Lexicons) -> list[Token]:
    """ "attacked the enemy and destroyed five tanks": when a loss verb takes the noun as
    its object, the objects of the verbs it is coordinated with, whose losses they are."""
    verb = noun.head
    if noun.dep_ != "dobj" or lex.casualty.get(verb.lemma_.lower()) is None:
        return []
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        verbs.append(verb.head)
    return [c for v in verbs for c in v.children if c.dep_ == "dobj" and c != noun]


def _border_side(unit: Token, lex: Lexicons) -> str:
    """ "the massing of 100,000 troops on the Ukrainian border": forces at a side's border
    (in the phrase of the unit or of the word it hangs on), no side named, are guessed to
    be its adversary's (`claim_adversaries.csv`)."""
    scope = unit                      # "the massing of N troops on ...": the phrase "of N troops" hangs on
    if unit.dep_ == "pobj":
        scope = unit.head.head
    elif unit.dep_ in ("dobj", "nsubj", "nsubjpass"):
        scope = unit.head
    for token in scope.subtree:
        if token.lower_ in lex.border_nouns:
            for owner in (token, *_owners(token)):
                side = _token_side(owner, lex)
                if side and side in lex.adversaries:
                    return lex.adversaries[side]
    return ""


def _speakers_own_side(unit: Token, claimant: Token | None, home: str) -> str:
    """ "our troops" said by a speaker whom no sentence names ("I", "we", or
    nobody): the speaker's side."""
    if claimant is not None and claimant.lower_ not in _FIRST_PERSON:
        return ""
    if any(c.dep_ == "poss" and c.lower_ in _FIRST_PERSON for c in unit.children):
        return home
    return ""


def _holder_side(unit: Token, lex: Lexicons) -> str:
    """ "detachments of the Russian Armed Forces, numbering two or three tanks": the
    side of the noun a holding verb (`_HOLDING_VERBS`) describes, or of its "of" phrase."""
    verb = unit.head
    if unit.dep_ == "pobj":
        verb = verb.head
    if verb.lemma_.lower() not in _HOLDING_VERBS or verb.dep_ not in ("acl", "relcl") or verb.head == verb:
        return ""
    holder = verb.head
    return _phrase_side(holder, lex) or next(
        (side for obj in _of_objects(holder) for side in [_phrase_side(obj, lex)] if side), "")


def _force_served(noun: Token, lex: Lexicons) -> Token | None:
    """ "32,000 women serve in the Armed Forces": the force a count of people serves in
    (a personnel or formation noun after "in" or "with"), which makes them its personnel."""
    noun = _first_conjunct(noun)
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "serve":
        return None
    return next((obj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("in", "with")
                 for obj in prep.children if obj.dep_ == "pobj" and _is_force_noun(obj, lex)), None)


def _exercise_side(unit: Token, lex: Lexicons) -> str:
    """ "50,000 personnel are taking part in NATO's exercise": forces that take part in an
    exercise or operation its owner names (a possessive or modifier) are the owner's."""
    verb = unit.head
    if unit.dep_ != "nsubj" or not (verb.lemma_.lower() == "participate" or verb.lemma_.lower() == "take" and any(
            c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)):
        return ""
    places = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "part"] + [verb]
    return next((side for head in places for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "in"
                 for obj in prep.children if obj.dep_ == "pobj"
                 for side in [_phrase_side(obj, lex)] if side), "")


def _named_own_force(unit: Token, home: str) -> str:
    """ "the number of the Armed Forces", "the National Guard": a force named by its
    proper name with "the" and no country is the speaker's own."""
    if not unit.text[:1].isupper() or unit.is_sent_start:
        return ""
    if _with_the(unit):
        return home
    return ""


def _inflicted(unit: Token, lex: Lexicons) -> Token | None:
    """ "Ukrainian forces destroyed 12 tanks", "killing about 400 marines": a loss verb that takes
    the counted noun (or the first in its list) as its object inflicts the loss, so the losses
    are not the side of whoever inflicts or reports it ("lost" and "suffered" are one's own).
    Returns the verb's subject (the doc's own token when it has none), or None."""
    first = _first_conjunct(unit)
    verb = first.head
    lemma = verb.lemma_.lower()
    if not (first.dep_ == "dobj" and verb.pos_ == "VERB" and lemma not in _SUFFER_VERBS
            and (lex.casualty.get(lemma) or lex.casualty.get(verb.lower_)) is not None):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), verb)


def _inflicting_side(inflicter: Token, lex: Lexicons, own: str) -> str:
    """The side of what `_inflicted` returns: the side it names ("Militants from the group
    JNIM"); else the reporter's own (`own`) when it is the reporter's ("we", "it", "our
    forces", "its units", "the army", no subject at all), but not when it is someone nobody
    names ("The gunmen killed 33 soldiers, the army said": not the army's)."""
    if inflicter.pos_ not in ("NOUN", "PROPN"):
        return _phrase_side(inflicter, lex) or own
    named = _phrase_side(inflicter, lex) or _explicit_side(inflicter, inflicter.doc[inflicter.i:inflicter.i], lex)
    if named:
        return named
    owned = any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in inflicter.children)
    return own if owned or _with_the(inflicter) and inflicter.lemma_.lower() in lex.org_nouns else ""


def _names_joint_forces(sent: Span, lex: Lexicons) -> bool:
    """ "drills which Russia and Belarus are holding jointly", "South Korean and US forces":
    the sentence joins two sides, so a force it counts may be both; no side is guessed."""
    return _per_sentence(sent, "joint_forces", lambda s: any(
        t.dep_ in _JOINT_DEPS and (side := _token_side(t, lex))
        and any((other := _token_side(c, lex)) and other != side for c in t.children if c.dep_ == "conj")
        for t in s))


def _reporting_body_side(claimant: Token | None, lex: Lexicons) -> str:
    """ "The Israeli military said eight soldiers had been killed": losses that nothing marks
    as anyone's, reported by a side's own military body (`claim_org_nouns.txt`), are that
    side's; a demonym on the body names the side."""
    if claimant is None or claimant.lower_ not in lex.org_nouns:
        return ""
    return _phrase_side(claimant, lex)


def _recipient_of_transfer(unit: Token, lex: Lexicons) -> str:
    """ "supplied 2,000 missiles to Kyiv", "the sale of 66 jets to Taiwan", "the latest package
    for Ukraine includes 59 vehicles": equipment handed over (`claim_transfer_words.txt`) is the
    side it goes "to" or "for"; equipment sent (`claim_aid_verbs.txt`) only when it goes to a
    party at war named as such (`claim_aid_receivers.txt`)."""
    noun = _first_conjunct(unit)
    if noun.dep_ == "dobj":
        handing = noun.head
        holder = next((c for c in handing.children if c.dep_ == "nsubj"), None)
        if handing.lemma_.lower() in _HOLDING_VERBS and holder is not None:
            handing = holder              # "the latest package for Ukraine includes 59 vehicles"
    elif noun.dep_ == "pobj" and noun.head.lower_ == "of":
        handing = noun.head.head
    else:
        return ""
    lemma = handing.lemma_.lower()

    def receiver(preps: tuple[str, ...], side_of: Callable[[Token, Lexicons], str]) -> str:
        return next((side for prep in handing.children if prep.dep_ in ("prep", "dative") and prep.lower_ in preps
                     for obj in prep.children if obj.dep_ == "pobj" for side in [side_of(obj, lex)] if side), "")

    if lemma in lex.aid_verbs:            # "Germany will send 14 tanks to Ukraine", not "... warplanes to Romania"
        named = receiver(("to",), _token_side)     # the party itself, not "to the Ukrainian border"
        sender = next((_phrase_side(c, lex) for c in handing.children if c.dep_ == "nsubj"), "")
        if named.lower() not in lex.aid_receivers or sender in (named, lex.adversaries.get(named)):
            return ""                     # not to a party not at war, nor by its own side or its enemy
        return named
    return receiver(("to", "for"), _phrase_side) if lemma in lex.transfer_words else ""


def _recipient_side(unit: Token, home: str, lex: Lexicons) -> str:
    """ "the supply of three aircraft to the Air Force", "delivered two boats to the Army":
    equipment going to a force named with "the" and no country goes to the speaker's own
    side. Reads "to" phrases on the noun and the words above it, up to its verb."""
    node = unit
    for _ in range(_GOVERNOR_STEPS):
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lower_ in lex.units and _named_own_force(obj, home):
                        return home
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            break
        node = node.head
    return ""


def _claimant_side(claimant: Token | None, lex: Lexicons, people: dict[str, str] | None = None) -> str:
    """ "Russia's Southern Military District said 10,000 servicemen ...", "the IDF
    said 104 soldiers were killed": when nothing else names the side, a source
    that is itself a side, or belongs to one by a possessive, speaks of its own.
    A demonym does not count: a "US official" may be counting anyone's troops.
    Casualties too ("Armenia's defence ministry raised the death toll to 135"): a
    side that reports the enemy's losses says whose ("Russian", "the enemy's"),
    and an explicit side is read before this one."""
    if claimant is None or claimant.lower_ in _PRONOUNS_PERSON | _PRONOUNS_OTHER:
        return ""
    if people and claimant.text in people:
        return people[claimant.text]            # a person the actor dictionary knows: "Shoigu said ..."
    group = _group_modifier_side(claimant, lex)
    if group:
        return group                   # "Yemen's Houthi movement said": the group, not the country it is in
    owners = [claimant] + [c for c in claimant.children if c.dep_ == "poss"]
    side = next((side for t in owners for side in [_token_side(t, lex)] if side), "")
    pronoun = next((c for c in owners[1:] if c.lower_ in ("its", "their")), None)
    if not side and pronoun is not None:
        side = _referent_side(pronoun, lex, people)   # "Its chief spokesman said": the military named before
    for role in (c for c in claimant.children if c.dep_ == "appos") if not side else ():
        # "Ivan Petrenko, a spokesman for Ukraine's eastern group of forces"
        side = _phrase_side(role, lex) or next(
            (found for prep in role.children if prep.dep_ == "prep" and prep.lower_ in _AFFILIATION_PREPS
             for obj in prep.children if obj.dep_ == "pobj" for found in [_phrase_side(obj, lex)] if found), "")
        if side:
            break
    others = {_phrase_side(c, lex) for c in claimant.children if c.dep_ == "conj"} - {""}
    return "" if others - {side} else side        # "Russia and Belarus say ...": no one side speaks


def _inherited_side(index: int, recent_sides: list[tuple[int, str]]) -> str:
    for sent_index, side in reversed(recent_sides):
        if index - sent_index <= _SENTENCE_WINDOW:
            return side
        break
    return ""
