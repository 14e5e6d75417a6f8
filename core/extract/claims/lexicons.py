"""The claim rules kept as data: `core/data/claim_*.csv|txt`, each with its
provenance, read once per process into one `Lexicons`.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from core import DATA_DIR
from core.extract.countries import countries, country_for
from core.extract.speakers import office_words, role_words

_DATA = DATA_DIR
_UNITS = _DATA / "claim_units.csv"
_NON_CLAIMS = _DATA / "claim_non_claims.csv"
_CASUALTY_WORDS = _DATA / "claim_casualty_words.csv"
_APPROX_CUES = _DATA / "claim_qualifiers.csv"
_REPORTING_VERBS = _DATA / "claim_reporting_verbs.txt"
_PERCEPTION_VERBS = _DATA / "claim_perception_verbs.txt"
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
_RECEIVING_VERBS = _DATA / "claim_receiving_verbs.txt"
_AID_RECEIVERS = _DATA / "claim_aid_receivers.txt"
_ORG_DESCRIPTIONS = _DATA / "claim_org_descriptions.txt"
_PLATFORMS = _DATA / "claim_platforms.txt"
_PUBLISHING_VERBS = _DATA / "claim_publishing_verbs.txt"
_DATA_NOUNS = _DATA / "claim_data_nouns.txt"
_FIGHTING_VERBS = _DATA / "claim_fighting_verbs.txt"
_JOINING_VERBS = _DATA / "claim_joining_verbs.txt"
_BYSTANDER_PREPS = _DATA / "claim_bystander_preps.txt"
_HOSTILE_VERBS = _DATA / "claim_hostile_verbs.txt"
_COMMAND_NOUNS = _DATA / "claim_command_nouns.txt"
_REMARK_PHRASES = _DATA / "claim_remark_phrases.csv"
_IRREGULAR_FORCES = _DATA / "claim_irregular_forces.txt"
_REGULAR_FORCES = _DATA / "claim_regular_forces.txt"


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
    state_forces: frozenset[str] = frozenset()  # named forces of a state ("idf", "pla"), lower-cased
    transfer_words: frozenset[str] = frozenset()
    aid_verbs: frozenset[str] = frozenset()     # "send": a transfer only to a party at war
    receiving_verbs: frozenset[str] = frozenset()   # "received 10 tanks from South Korea": the receiver's
    aid_receivers: frozenset[str] = frozenset()   # the parties at war it is a transfer to (lower case)
    org_descriptions: frozenset[str] = frozenset()   # "the think tank": an organisation named elsewhere
    platforms: frozenset[str] = frozenset()          # "a Telegram channel": where it posts, not who
    publishing_verbs: frozenset[str] = frozenset()   # "figures released by the military": the military's
    data_nouns: frozenset[str] = frozenset()         # "army figures": the army's
    fighting_verbs: frozenset[str] = frozenset()   # "fight for Kyiv": Kyiv's forces
    joining_verbs: frozenset[str] = frozenset()    # "joined the army": the army's side
    bystander_preps: frozenset[str] = frozenset()  # "exercises near Tbilisi": a place, not a side
    hostile_verbs: frozenset[str] = frozenset()   # "sent to seize Ukraine": not Ukraine's forces
    command_nouns: frozenset[str] = frozenset()   # "troops under NATO command" are NATO's
    state_words: frozenset[str] = frozenset()   # "the junta", "regime soldiers": a state not named
    roles_named_later: frozenset[str] = frozenset()   # "the head of ... said. Kyrylo Budanov said"
    remark_phrases: frozenset[tuple[str, str]] = frozenset()   # ("make", "remark"): "made the remarks"
    irregular_forces: frozenset[str] = frozenset()    # "the gunmen", never a reporting army's own units
    regular_forces: frozenset[str] = frozenset()      # "soldiers": not an earlier count of fighters' side
    perception: frozenset[str] = frozenset()          # "we saw an additional 7,000": forces observed
    shortened: dict[str, tuple[str, ...]] = field(default_factory=dict)   # "groups" -> ("battalion tactical groups",)
    model_prefix: re.Pattern[str] = re.compile(r"(?!)")   # a designation prefix and a space ("Mk "), at the end


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
        perception=_words(_PERCEPTION_VERBS),
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
        receiving_verbs=_words(_RECEIVING_VERBS),
        aid_receivers=_words(_AID_RECEIVERS),
        org_descriptions=_words(_ORG_DESCRIPTIONS),
        platforms=_words(_PLATFORMS),
        publishing_verbs=_words(_PUBLISHING_VERBS),
        data_nouns=_words(_DATA_NOUNS),
        fighting_verbs=_words(_FIGHTING_VERBS),
        joining_verbs=_words(_JOINING_VERBS),
        bystander_preps=_words(_BYSTANDER_PREPS),
        hostile_verbs=_words(_HOSTILE_VERBS),
        command_nouns=_words(_COMMAND_NOUNS),
        state_words=_words(_STATE_WORDS),
        roles_named_later=role_words(),
        remark_phrases=frozenset((row[0].lower(), row[1].lower()) for row in _rows(_REMARK_PHRASES)),
        irregular_forces=_words(_IRREGULAR_FORCES),
        regular_forces=_words(_REGULAR_FORCES),
        shortened=_shortened(units),
        groups=frozenset(row[1] for row in _rows(_SIDE_GROUPS) if country_for(row[1]) is None),
        state_forces=frozenset(row[0].lower() for row in _rows(_SIDE_GROUPS) if country_for(row[1]) is not None),
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
