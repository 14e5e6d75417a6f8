"""Which side a word or a noun phrase names: a country by its name, demonym,
capital or seat of government, an alliance or armed group, "the regime" or "the
alliance" named before, and whom a pronoun or "the group" goes back to.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from core.extract.claims.grammar import (
    POSSESSIVE_PRONOUNS,
    PRONOUNS_OTHER,
    PRONOUNS_PERSON,
    SUBJECT_DEPS,
    entity_of,
    of_chain,
    of_objects,
    reach_start,
    with_the,
)
from core.extract.claims.lexicons import Lexicons, lexicons
from core.extract.countries import country_for

ALLIANCE_NOUNS = frozenset({"alliance", "bloc"})   # "alliance troops": the alliance named before (`_last_named_group`)
REFERRING_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization", "mission", "unit"})   # "the group had ..."
# A bare "the mission" is the mission, alliance or armed group named last (`_last_named_group`):
# "The UN mission in Mali (MINUSMA) ended ... . At its height the mission deployed 13,000 personnel"
MISSION_NOUNS = frozenset({"mission"})
NAME_REACH = 150       # tokens back a short reference ("the alliance", "the SDF") may find what it stands for
SOURCE_REACH = 2             # sentences back a short source ("the ministry", "it") may name a fuller one
_STATE_NOUNS = frozenset({"country", "nation"})     # "the country's military": the state named before


def side_of_term(term: str, lex: Lexicons | None = None) -> str:
    """The country a name, demonym, capital or seat of government stands for,
    or the alliance or armed group it names ("NATO", "Wagner Group")."""
    lex = lex or lexicons()
    found = country_for(term)
    if found:
        return found
    key = name_key(term).lower()
    return lex.metonyms.get(key) or lex.capitals.get(key) or ""


def _group_named_last(name: str, lex: Lexicons) -> str:
    """An armed group or alliance (`claim_side_groups.csv`, not a country) whose name of two
    words or more ends a longer name: a local unit of it ("the Kawlin People's Defence
    Force"; "84 Russian Wagner Group fighters"). Not a state's force: "the Ukrainian Black Sea
    Fleet" is not Russia's, and a name that begins with a country's own name is that country's
    ("the Uganda People's Defence Forces" are Uganda's army, not Myanmar's rebels)."""
    words = name_key(name).split()
    for start in range(1, len(words) - 1):
        found = lex.metonyms.get(" ".join(words[start:]).lower(), "")
        if found in lex.groups:
            return "" if any(country_for(word) == word for word in words[:start]) else found
    return ""


def name_key(term: str) -> str:
    """A name without its possessive ending and leading "the": "the General Staff's" is
    "General Staff"."""
    key = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", term.strip()).strip()
    return re.sub(r"^the\s+", "", key, flags=re.I)


def token_side(token: Token, lex: Lexicons) -> str:
    """The side a single token names, reading its whole entity if it is in one;
    "the alliance" names the alliance or armed group named last before it."""
    if token.lower_ in ALLIANCE_NOUNS:
        return _last_named_group(token, lex)
    if token.lower_ in MISSION_NOUNS and _bare(token):
        return _named_mission(token, lex)
    if token.lemma_.lower() in lex.state_words and not token.text[:1].isupper() \
            and not any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in token.children):   # "its army"
        return _state_side(token, lex)
    if token.ent_type_ and token.ent_iob_ != "O":
        name = entity_of(token).text
        found = side_of_term(name, lex) or _group_named_last(name, lex)
        if found:
            return found
    if token.pos_ in ("PROPN", "ADJ", "NOUN") and token.text[:1].isupper():
        return side_of_term(token.text, lex) or _compound_name_side(token, lex)
    return ""


def _bare(token: Token) -> bool:
    """ "the mission", with nothing before the noun that names whose ("the UN mission", "its mission")."""
    return with_the(token) and not any(c.dep_ in ("poss", "amod", "compound", "nmod") for c in token.children)


def _named_mission(token: Token, lex: Lexicons) -> str:
    """What a bare "the mission" stands for: the mission named with its side last before it
    ("the African Union mission", "the United Nations ... Mission in Mali"), within
    `NAME_REACH` tokens, or else the alliance or group named last ("MONUSCO said ...")."""
    for earlier in reversed(token.doc[max(0, token.i - NAME_REACH):token.i]):
        if earlier.lower_ in MISSION_NOUNS and not _bare(earlier):
            found = phrase_side(earlier, lex)
            if found:
                return found
    return _last_named_group(token, lex)


def _compound_name_side(token: Token, lex: Lexicons) -> str:
    """The side a capitalised name NER left untagged names with the capitalised words compounded
    on or modifying its head ("Collective Security Treaty Organization", "Islamic State"), or ""."""
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ in ("compound", "amod") \
            and token.doc[start - 1].head.i in range(start, token.i + 1) \
            and token.doc[start - 1].text[:1].isupper():
        start -= 1
    return side_of_term(token.doc[start:token.i + 1].text, lex) if start < token.i else ""


def _last_named_group(token: Token, lex: Lexicons) -> str:
    """The alliance or armed group (`claim_side_groups.csv`, not a country) named last
    before `token`, within `NAME_REACH` tokens: "a response to NATO activity ... 40,000
    alliance troops"."""
    for earlier in reversed(token.doc[max(0, token.i - NAME_REACH):token.i]):
        if earlier.text[:1].isupper():
            found = side_of_term(earlier.text, lex)
            if found in lex.groups:
                return found
    return ""


def _state_side(token: Token, lex: Lexicons) -> str:
    """The state "the junta", "the regime" or "government" (`claim_state_words.txt`) stands
    for: the country named with such a word last, up to `token` ("Sudan's army", "the
    Syrian army", "the Kiev regime"), or else the adversary state of the armed group named
    last before it ("the RSF": Sudan). Within `NAME_REACH` tokens; empty if neither."""
    doc = token.doc
    for earlier in reversed(doc[max(0, token.i - NAME_REACH):token.i + 1]):
        if earlier.lemma_.lower() in lex.state_words:
            for child in earlier.children:
                if child.dep_ in ("poss", "amod", "compound") and child.lemma_.lower() not in lex.state_words:
                    found = token_side(child, lex)
                    if found and (found not in lex.groups or earlier.i == token.i and child.dep_ == "poss"):
                        return found      # "Nagorno-Karabakh's defence army": a group's own army is the group
        elif earlier.text[:1].isupper() and earlier.i != token.i:
            found = token_side(earlier, lex)
            adversary = lex.adversaries.get(found, "") if found in lex.groups else ""
            if adversary and adversary not in lex.groups:
                return adversary
    return ""


def body_state(subject: Token, lex: Lexicons) -> str:
    """The state a body named by its kind alone belongs to: a body (`claim_org_nouns.txt`: "the
    army", "the defence ministry", "the country's military") with no name, demonym or phrase of
    its own is the state its own earlier mention names (`token_side`), or else the first state
    its sentence names before it, or else the nearest sentence before names (within
    `SOURCE_REACH`); "" for another phrase or when no state is named."""
    if subject.lemma_.lower() not in lex.org_nouns or subject.tag_ != "NN":
        return ""
    owners = [c for c in subject.children if c.dep_ == "poss"]
    if not (with_the(subject) or len(owners) == 1 and owners[0].lemma_.lower() in _STATE_NOUNS):
        return ""
    if any(c.dep_ in ("prep", "appos") for c in subject.children) \
            or any(t.pos_ == "PROPN" or token_side(t, lex) for t in subject.subtree if t.i != subject.i):
        return ""
    return token_side(subject, lex) or _first_state(subject, lex)


def _first_state(subject: Token, lex: Lexicons) -> str:
    """The first state (a country, not an alliance or armed group) named before `subject` in
    its sentence, outside its own phrase, else in the nearest sentence before, within `SOURCE_REACH`."""
    doc = subject.doc
    own = {t.i for t in subject.subtree}
    sent: Span | None = subject.sent
    while sent is not None and sent.start >= reach_start(subject.sent, SOURCE_REACH):
        for token in sent:
            if token.i >= subject.i:
                break
            found = token_side(token, lex) if token.i not in own and token.text[:1].isupper() else ""
            if found and found not in lex.groups:
                return found
        sent = doc[sent.start - 1].sent if sent.start > 0 else None
    return ""


def described_side(person: Token, lex: Lexicons) -> str:
    """The one side a speaker's description names, as the side their "we" and "our" stand
    for: "German Defence Minister Boris Pistorius", "the spokesman for Ukraine's State
    Border Guard Service, Andriy Kovalyk". Only words the noun phrase holds without a
    verb between ("who met Russian officers" says nothing of whom they speak for)."""
    sides = set()
    for token in person.subtree:
        path = [token, *(a for a in token.ancestors if a.i != person.i and person in a.ancestors)]
        if any(t.pos_ in ("VERB", "AUX") for t in path):
            continue
        sides.add(token_side(token, lex))
    sides.discard("")
    return sides.pop() if len(sides) == 1 else ""


def owner_words(noun: Token) -> list[Token]:
    """The words that may say whose a noun is: its modifiers and possessive, then its "of"
    phrase ("the Polish border", "Ukraine's border", "the border of Ukraine")."""
    return [*(c for c in noun.children if c.dep_ in ("poss", "amod", "compound")), *of_objects(noun)]


def owner_side(noun: Token, lex: Lexicons) -> str:
    """The side the first of a noun's `owner_words` to name one names."""
    return next((side for owner in owner_words(noun) for side in [token_side(owner, lex)] if side), "")


def phrase_side(head: Token, lex: Lexicons) -> str:
    """The side of a noun phrase: its head, or a demonym/possessive in it; for "the army"
    with neither, the side of the same noun named before (`named_before`)."""
    found = token_side(head, lex)
    if found:
        return found
    group = group_modifier_side(head, lex)
    if group:
        return group                  # "Somalia's al-Shabaab movement": the group, not its country
    modifiers = [child for child in head.children if child.dep_ in ("poss", "amod", "compound")]
    for child in modifiers:
        found = token_side(child, lex)
        if found:
            return found
    if not modifiers and head.pos_ == "NOUN" and with_the(head):
        return named_before(head, lex)
    return ""


def group_modifier_side(head: Token, lex: Lexicons) -> str:
    """The armed group or alliance (`claim_side_groups.csv`) a word before the noun names
    ("Houthi", "al-Shabaab"), or ""."""
    return next((side for c in head.children if c.dep_ in ("amod", "compound")
                 for side in [token_side(c, lex)] if side in lex.groups), "")


def named_before(noun: Token, lex: Lexicons) -> str:
    """ "Sudan's army ... . ..., while the army numbers 120,000": the side of the same noun
    where the `SOURCE_REACH` sentences before named it with a side."""
    doc, start = noun.doc, reach_start(noun.sent, SOURCE_REACH)
    for earlier in reversed(doc[start:noun.i]):
        if earlier.lower_ == noun.lower_ and not with_the(earlier):
            found = next((side for child in earlier.children if child.dep_ in ("poss", "amod", "compound")
                          for side in [token_side(child, lex)] if side), "")
            if found:
                return found
    return ""


def formation_before(noun: Token, lex: Lexicons) -> str:
    """ "Lithuania welcomed Germany's new brigade. The unit is to grow to 5,000 soldiers": the
    side of the nearest formation (`claim_units.csv`, kind formation) named in the noun's
    sentence or the one before."""
    doc = noun.doc
    for earlier in reversed(doc[reach_start(noun.sent, 1):noun.i]):
        if lex.units.get(earlier.lower_, ("",))[0] == "formation":
            return phrase_side(earlier, lex)
    return ""


def refers_to_enemy(pronoun: Token, lex: Lexicons) -> bool:
    """Whether "it", "they" or "its" goes back to the enemy ("The enemy grouping has been
    stopped. Over the week its losses ...")."""
    named = referent_of(pronoun)
    return named is not None and any(t.lemma_.lower() in lex.enemy_words for t in named.subtree)


def is_enemy(noun: Token, lex: Lexicons) -> bool:
    """ "the enemy", "the aggressor state", "enemy aviation": a noun the speaker uses for
    the other side (`claim_enemy_words.txt`)."""
    return noun.lemma_.lower() in lex.enemy_words or any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in lex.enemy_words for c in noun.children)


def referent_side(word: Token, lex: Lexicons, people: dict[str, str] | None = None, *, back: int = 1) -> str:
    """The side of whom a pronoun or "the group" goes back to: the nearest subject before it
    (for "his" and "her", a person's), in its sentence or the `back` before, with a side named in it or before its head
    ("Hezbollah leader Hassan Nasrallah claimed that the group had ...", "Azerbaijan
    launched ... . Its defence ministry said 192 of its servicemen ...")."""
    if word.lower_ in MISSION_NOUNS and _bare(word):
        return _named_mission(word, lex)       # not whoever acted last: "an Israeli tank fired ... The mission has"
    doc = word.doc
    start = reach_start(word.sent, back)
    personal = word.lower_ in ("his", "her")      # "his 45,000 soldiers": a person's, not "Russian armour"
    for token in reversed(doc[start:word.i]):
        if token.dep_ not in SUBJECT_DEPS or token.lower_ in PRONOUNS_OTHER | PRONOUNS_PERSON \
                or _referring(token) or any(c.lower_ in POSSESSIVE_PRONOUNS for c in token.children):
            continue
        if personal and not any(t.ent_type_ == "PERSON" for t in token.subtree if t.i <= token.i):
            continue
        if people and token.text in people:
            return people[token.text]
        # a side named before its head, or down its "of" phrases ("the defence ministry of Armenia")
        for named in [*reversed([t for t in token.subtree if t.i <= token.i]), *of_chain(token)[1:]]:
            found = token_side(named, lex)
            if found:
                return found
    return ""


def _referring(noun: Token) -> bool:
    """ "the group", "the mission" (`REFERRING_NOUNS`) as a word that refers back, not as the
    last word of a name ("The Wagner Group announced ... Its fighters")."""
    return noun.lower_ in REFERRING_NOUNS and not any(c.dep_ in ("compound", "nmod") for c in noun.children)


def referent_of(word: Token) -> Token | None:
    """The nearest subject before a pronoun, in its sentence or the one before, that is
    not itself a pronoun: whom "its" goes back to."""
    for token in reversed(word.doc[reach_start(word.sent, 1):word.i]):
        if token.dep_ in SUBJECT_DEPS and token.lower_ not in PRONOUNS_OTHER | PRONOUNS_PERSON:
            return token
    return None


_FIGHTERS = frozenset({"fighter", "fighters"})   # with the irregular forces: whom a regular force is not


def irregular_noun(noun: str, lex: Lexicons) -> bool:
    """Fighters, or a word for irregular ones (`claim_irregular_forces.txt`): "mercenaries", "rebels"."""
    return noun.lower() in lex.irregular_forces or noun.lower() in _FIGHTERS
