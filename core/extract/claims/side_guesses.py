"""Sides guessed when the force phrase names none: the source's own side, the
publisher's, a country acting in the clause, the border the forces mass on, the side
of a sentence before; and the sentences that join two sides, where none is guessed.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from core.extract.claims.grammar import (
    AFFILIATION_PREPS,
    FIRST_PERSON,
    POSSESSIVE_PRONOUNS,
    PRONOUNS_OTHER,
    PRONOUNS_PERSON,
    SUBJECT_OR_OBJECT_DEPS,
    THIRD_PERSON,
    agent_of,
    first_conjunct,
    of_chain,
    reach_end,
    reach_start,
)
from core.extract.claims.lexicons import Lexicons, lexicons
from core.extract.claims.memo import per_sentence
from core.extract.claims.side_names import (
    body_state,
    described_side,
    group_modifier_side,
    irregular_noun,
    name_key,
    owner_words,
    phrase_side,
    referent_side,
    side_of_term,
    token_side,
)
from core.extract.claims.side_of_force import AWAY_VERBS, explicit_side
from core.extract.claims.units import is_force_noun
from core.extract.countries import bare_iso_code, country_for

_JOINT_DEPS = frozenset({"nsubj", "nsubjpass", "amod", "compound", "poss", "nmod"})   # who acts or owns, not where
_CLAUSE_SIDE_WINDOW = 60  # tokens read back from a force noun for a country acting in its clause
# Sentences a side is inherited across. Measured on the dev sets: claims_dev4's side accuracy is
# 0.788 at 2, 0.812 at 4 (5 more right, none made wrong) and 0.812 at 6; no other set changed.
SENTENCE_WINDOW = 4


def clause_side(unit: Token, sent: Span, claimant_tokens: set[int], lex: Lexicons) -> str:
    """The nearest country before the figure acting as a subject or object, or, for a count of
    people, a force named with its side there, other than the claimant: "... warned Russia is
    ready, with 130,000 troops", "The last French soldiers left Mali, ending a deployment that at
    its peak involved 5,100 troops" (a place left, `AWAY_VERBS`, is not one)."""
    people = lex.units.get(unit.lower_, ("",))[0] in ("personnel", "formation")   # not "drones" they shot down
    for token in reversed(sent.doc[max(sent.start, unit.i - _CLAUSE_SIDE_WINDOW):unit.i]):
        if token.dep_ in SUBJECT_OR_OBJECT_DEPS and token.i not in claimant_tokens \
                and not (token.dep_ == "dobj" and token.head.lemma_.lower() in AWAY_VERBS):
            found = token_side(token, lex) or (
                explicit_side(token, token.doc[token.i:token.i], lex) if people and is_force_noun(token, lex) else "")
            if found:
                return found
    return ""


def nearby_named_side(unit: Token, sent: Span, skip: set[int], lex: Lexicons, *, losses: bool) -> str:
    """The last guess, when no rule and no other guess says whose the force is: the side named
    nearest the figure, first in its sentence (outside `skip`, the claimant's words), then going
    back through the `SENTENCE_WINDOW` sentences before it, then forward through as many after
    ("At least twelve soldiers died when their convoy hit a mine in Chad's eastern province",
    "Nine soldiers were killed on Tuesday, officials said. The attack was the deadliest on
    Niger's army this year").

    None is guessed for a force a pronoun owns (`_owned_by_a_pronoun`: "his 4,000 soldiers",
    "we have deployed 4,500 soldiers": whose it is was not found), nor when the sentence joins
    two sides (`names_joint_forces`), and the search stops at a name joined by "and" to another
    side's ("drills held by Russia and Belarus").
    Passed over:
    - a name after a preposition of an opponent or a place around (`claim_bystander_preps.txt`:
      "in fighting with M23 rebels", "near Tbilisi") and, for anything but losses, any place
      (`claim_location_preps.txt`: "10,500 troops in Poland", "sent to Poland"): forces are sent
      abroad, while the dead are more often the country's where they fell;
    - a name in whoever acts on the counted noun ("Ukrainian drones have damaged 12 ships",
      "shot down by Ukrainian air defence");
    - for irregulars (`claim_irregular_forces.txt`: "40 terrorists"), a state, whose the
      irregulars seldom are;
    - a bare ISO code (`bare_iso_code`): "MR. DAVIS:" is no Mauritanian.

    Measured on the dev sets read so far (dev to dev23, corpus dev and dev2): of 4,207 matched
    claims, 3,719 had the right side before and 3,794 after (80 made right, 5 made wrong)."""
    if names_joint_forces(sent, lex) or _owned_by_a_pronoun(unit):
        return ""
    doc = sent.doc
    irregular = unit.lower_ in lex.irregular_forces
    places = lex.bystander_preps | (frozenset() if losses else lex.location_preps)
    skip = skip | _inflicter_tokens(unit)
    start, end = reach_start(sent, SENTENCE_WINDOW), reach_end(sent, SENTENCE_WINDOW)
    nearest = sorted((t for t in sent if t.i not in skip and t.i != unit.i), key=lambda t: (abs(t.i - unit.i), t.i))
    for token in [*nearest, *reversed(doc[start:sent.start]), *doc[sent.end:end]]:
        found = token_side(token, lex)
        if not found or (irregular and found not in lex.groups) or _object_of(token, places) \
                or bare_iso_code(token.text):
            continue
        return "" if _joined_to_another_side(token, found, lex) else found
    return ""


_OWNER_PRONOUNS = (PRONOUNS_PERSON | FIRST_PERSON | THIRD_PERSON | {"you"}) - {"it", "our", "my"}   # "we", "you", "they"


def _owned_by_a_pronoun(unit: Token) -> bool:
    """ "his 4,000 soldiers", "our army has lost 2,000 soldiers", "we have deployed 4,500
    soldiers", "you have thousands of fighter jets": a pronoun names the owner, as a possessive
    on the counted noun or on the subject of the verb it is the object of, or as that subject."""
    phrase = _quantity_head(unit)
    subjects = [c for c in phrase.head.children if c.dep_ == "nsubj"] if phrase.dep_ == "dobj" else []
    return any(s.lower_ in _OWNER_PRONOUNS for s in subjects) or any(
        c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for owner in (unit, *subjects) for c in owner.children)


def _object_of(token: Token, preps: frozenset[str]) -> bool:
    """The name is, or is in, the object of one of `preps`."""
    while token.dep_ in ("compound", "amod", "poss", "det", "case", "flat") and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in preps


def _quantity_head(unit: Token) -> Token:
    """The noun a count of the unit hangs on: "thousands" in "thousands of fighter jets"."""
    return unit.head.head if unit.dep_ == "pobj" and unit.head.lower_ == "of" else unit


def _inflicter_tokens(unit: Token) -> set[int]:
    """The words of who acts on the counted noun: the subject of the verb it is the object of,
    and the agent of the verb it is the passive subject of."""
    first = first_conjunct(_quantity_head(unit))
    verb = first.head
    if first.dep_ == "dobj":
        actors = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        actors = [agent] if first.dep_ == "nsubjpass" and (agent := agent_of(verb)) is not None else []
    return {t.i for actor in actors for t in actor.subtree}


def _joined_to_another_side(token: Token, side: str, lex: Lexicons) -> bool:
    """ "drills held by Russia and Belarus": the name is one of two sides joined by "and"."""
    while token.dep_ in ("compound", "flat") and token.head is not token:
        token = token.head
    joined = [c for c in token.children if c.dep_ == "conj"] + ([token.head] if token.dep_ == "conj" else [])
    return any((other := token_side(t, lex)) and other != side for t in joined)


@lru_cache(maxsize=256)
def publisher_side(name: str) -> str:
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


def speakers_forces_side(unit: Token, kind: str, home: str, lex: Lexicons) -> str:
    """Personnel a speaker counts in their own turn ("MR. KIRBY: ... we're talking about up to
    8,500 personnel", "Sergei Shoigu: ... has involved more than 65,000 personnel"): the
    speaker's side, unless the sentence names another side ("150,000 troops around Ukraine"),
    the count is one seen or reported ("we saw an additional 7,000", "we assess 100,000":
    `claim_perception_verbs.txt`, `claim_reporting_verbs.txt`), one of an attack on another
    ("Half a million soldiers subdued Czechoslovakia": `claim_hostile_verbs.txt`), or one said
    to exist ("there are 150,000 troops"), or one a third person has ("they have concentrated
    120,000 troops")."""
    if not home or kind != "personnel":
        return ""
    for verb in (a for a in (unit, *unit.ancestors) if a.pos_ in ("VERB", "AUX")):
        lemma = verb.lemma_.lower()
        if lemma in lex.perception or lemma in lex.reporting or lemma in lex.hostile_verbs \
                or any(c.dep_ == "expl" or c.dep_ == "nsubj" and c.lower_ in THIRD_PERSON for c in verb.children):
            return ""       # "they have concentrated over 120,000 troops there": not the speaker's
    if any(side not in ("", home) for token in unit.sent for side in [token_side(token, lex)]):
        return ""
    return home


def border_side(unit: Token, lex: Lexicons) -> str:
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
            for owner in (token, *owner_words(token)):
                side = token_side(owner, lex)
                if side and side in lex.adversaries:
                    return lex.adversaries[side]
    return ""


def names_joint_forces(sent: Span, lex: Lexicons) -> bool:
    """ "drills which Russia and Belarus are holding jointly", "South Korean and US forces":
    the sentence joins two sides, so a force it counts may be both; no side is guessed."""
    return per_sentence(sent, "joint_forces", lambda s: any(
        t.dep_ in _JOINT_DEPS and (side := token_side(t, lex))
        and any((other := token_side(c, lex)) and other != side for c in t.children if c.dep_ == "conj")
        for t in s))


def reporting_body_side(claimant: Token | None, lex: Lexicons) -> str:
    """ "The Israeli military said eight soldiers had been killed": losses that nothing marks
    as anyone's, reported by a side's own military body (`claim_org_nouns.txt`), are that
    side's; a demonym on the body names the side."""
    if claimant is None or claimant.lower_ not in lex.org_nouns:
        return ""
    return phrase_side(claimant, lex)


def claimant_side(claimant: Token | None, lex: Lexicons, people: dict[str, str] | None = None) -> str:
    """ "Russia's Southern Military District said 10,000 servicemen ...", "the IDF
    said 104 soldiers were killed": when nothing else names the side, a source
    that is itself a side, or belongs to one by a possessive, speaks of its own.
    A demonym does not count: a "US official" may be counting anyone's troops.
    Casualties too ("Armenia's defence ministry raised the death toll to 135"): a
    side that reports the enemy's losses says whose ("Russian", "the enemy's"),
    and an explicit side is read before this one."""
    if claimant is None or claimant.lower_ in PRONOUNS_PERSON | PRONOUNS_OTHER:
        return ""
    if people and claimant.text in people:
        return people[claimant.text]            # a person the actor dictionary knows: "Shoigu said ..."
    group = group_modifier_side(claimant, lex)
    if group:
        return group                   # "Yemen's Houthi movement said": the group, not the country it is in
    # the body itself, its owner ("Russia's ministry"), what its "of" phrases name ("the ministry of
    # Armenia") or a state's named force it is part of ("the PLA Eastern Theater Command")
    owners = [claimant] + [c for c in claimant.children if c.dep_ == "poss" or _names_state_force(c, lex)] \
        + of_chain(claimant)[1:]
    side = next((side for t in owners for side in [token_side(t, lex)] if side), "")
    pronoun = next((c for c in owners[1:] if c.lower_ in ("its", "their")), None)
    if not side and pronoun is not None:
        side = referent_side(pronoun, lex, people)   # "Its chief spokesman said": the military named before
    if not side and claimant.lower_ in lex.titles:
        side = _affiliation_side(claimant, lex)    # "a spokesman for Ukraine's Tavria military grouping"
    roles = [c for c in claimant.children if c.dep_ == "appos" or c.dep_ == "compound" and c.lower_ in lex.titles]
    for role in roles if not side else ():
        # "Ivan Petrenko, a spokesman for Ukraine's eastern group of forces", "Colombia's Defence Minister
        # Ivan Velasquez": the office's country
        side = phrase_side(role, lex) or _affiliation_side(role, lex)
        if side:
            break
    others = {phrase_side(c, lex) for c in claimant.children if c.dep_ == "conj"} - {""}
    if others - {side}:
        return ""                                   # "Russia and Belarus say ...": no one side speaks
    return side or body_state(claimant, lex)        # "Eleven soldiers were killed in Burkina Faso, the army said"


def voice_side(source: Token | None, lex: Lexicons, people: dict[str, str] | None = None) -> str:
    """The side a source speaks from, for whose enemy its "the enemy" is: its `claimant_side`,
    or else the one side its description names, a demonym too ("the enemy has lost 2,030
    servicemen, the Russian Defence Ministry said": Ukraine's), though a demonym names no
    side of the forces counted."""
    if source is None:
        return ""
    return claimant_side(source, lex, people) or described_side(source, lex)


def _names_state_force(word: Token, lex: Lexicons) -> bool:
    """A name compounded on a body that is a state's named force (`claim_side_groups.csv`: "PLA",
    "IDF"), not the state's name or demonym ("US officials" may count anyone's troops)."""
    return word.dep_ == "compound" and word.text[:1].isupper() and country_for(word.text) is None \
        and name_key(word.text).lower() in lex.metonyms and side_of_term(word.text, lex) not in lex.groups


def _affiliation_side(role: Token, lex: Lexicons) -> str:
    """The side a role's "for", "at", "of" or "from" phrase names ("a spokesman for Ukraine's
    eastern group of forces"), or ""."""
    return next((found for prep in role.children if prep.dep_ == "prep" and prep.lower_ in AFFILIATION_PREPS
                 for obj in prep.children if obj.dep_ == "pobj" for found in [phrase_side(obj, lex)] if found), "")


def inherited_side(index: int, recent_sides: list[tuple[int, str, str]], unit: str, lex: Lexicons) -> str:
    """The side of the last force counted or named (`recent_sides`: sentence index, side, the
    force's noun) within `SENTENCE_WINDOW` sentences; for a regular force (`claim_regular_forces.txt`)
    the last that is no count of fighters or irregulars, and for those the last that is no
    regular force ("Somali forces killed 100 al-Shabaab fighters ... . Three soldiers were also
    killed": Somalia's; "... an airstrike killed 27 militants": al-Shabaab's)."""

    def kind(noun: str, side: str = "") -> str:
        if noun in side.lower().split():
            return ""           # "The Arakan Army said": the group's name says nothing of its kind
        if noun in lex.regular_forces:
            return "regular"
        if irregular_noun(noun, lex):
            return "irregular"
        # "124 members of the separatist Free Aceh Movement": members of a group the side lists do not know
        return "irregular" if noun == "members" and side and not side_of_term(side, lex) else ""

    own = kind(unit.lower())
    for sent_index, side, noun in reversed(recent_sides):
        if index - sent_index > SENTENCE_WINDOW:
            break
        if own and kind(noun, side) and kind(noun, side) != own:
            continue
        return side
    return ""
