"""Sides read from the counted force phrase itself: "Russian troops", "Moscow's
forces", "troops from Belarus", "fighters loyal to the TPLF", "our troops", "two
enemy tanks", "Russia's losses", "members of NATO's exercise".
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from core.extract.claims.category import loss_subject
from core.extract.claims.grammar import (
    FIRST_PERSON,
    POSSESSIVE_PRONOUNS,
    SUBJECT_DEPS,
    first_conjunct,
    listed_whole,
    of_chain,
    of_objects,
    subject_of,
    with_the,
)
from core.extract.claims.lexicons import Lexicons
from core.extract.claims.side_names import (
    REFERRING_NOUNS,
    described_side,
    group_modifier_side,
    irregular_noun,
    is_enemy,
    owner_words,
    phrase_side,
    referent_side,
    refers_to_enemy,
    token_side,
)
from core.extract.claims.units import is_force_noun
from core.extract.gazetteer import is_known_place

# Dependents of a force noun that can name whose force it is: "Russian
# troops", "Moscow's forces", "Russia troops", "troops of Russia".
_SIDE_DEPS = frozenset({"amod", "poss", "compound", "nmod"})
# Verbs by which a unit counts what a noun holds ("detachments of the Russian Armed Forces,
# numbering two or three tanks", "units including 15 tanks"): the side is that noun's.
HOLDING_VERBS = frozenset({"number", "include", "comprise", "consist"})
# Verbs of leaving: "withdraw its troops from Niger" names where they were, not whose they are.
AWAY_VERBS = frozenset({"withdraw", "pull", "remove", "evacuate", "leave", "retreat", "recall", "expel", "return"})
# Nouns of leaving: "the withdrawal of its last 1,500 soldiers from Niger".
_AWAY_NOUNS = frozenset({"withdrawal", "pullout", "evacuation", "departure", "exit", "drawdown", "retreat", "return"})
_DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})   # "from Germany to Poland": a move
_ALLEGIANCE_WORDS = frozenset({"loyal", "belonging", "affiliated", "linked"})   # "fighters loyal to X": X's
_INCLUDING_WORDS = frozenset({"including", "among"})   # "units including 15 tanks": what the count is part of
# Second halves of "Russian-backed", "German-made", "U.S.-supplied": a backer, maker or donor, not the owner.
_NOT_OWNER_SUFFIXES = frozenset({"backed", "made", "built", "supplied", "designed", "manufactured", "donated",
                                 "provided", "funded"})
_NOT_GROUP_ENTITIES = frozenset({"GPE", "LOC", "FAC", "NORP"})   # "fighters of Aleppo", "Tigrayan fighters"
_SIDE_WINDOW = 16       # tokens before the force noun read for its side ("130,000 of Russia's best-equipped ... troops")


def figure_owner_side(number: Token, lex: Lexicons) -> str:
    """ "2 million personnel against Taiwan's roughly 169,000": a figure that stands for its
    noun and has an owner of its own is the owner's, whatever noun it borrows."""
    if number.dep_ in ("nummod", "quantmod", "compound"):
        return ""
    return next((side for c in number.children if c.dep_ == "poss" for side in [token_side(c, lex)] if side), "") \
        or _gapped_owner(number, lex)


_GAP_OPENERS = frozenset({"and", ",", "while", "whereas", "but"})


def _gapped_owner(number: Token, lex: Lexicons) -> str:
    """ "France has about 1,500 soldiers in Niger and the United States roughly 1,100": a bare
    figure straight after "and" (or a comma, "while") and a state's or group's name, with only
    its own hedge between, has that name as its subject, the verb left out."""
    doc, first = number.doc, number.sent.start
    i = number.i - 1
    while i >= first and (doc[i].ent_type_ == "CARDINAL" or doc[i].pos_ == "ADV" or doc[i].dep_ == "quantmod"):
        i -= 1                            # "roughly", "about"
    end = i + 1
    while i >= first and (doc[i].ent_type_ in ("GPE", "ORG", "NORP") and doc[i].ent_iob_ != "O"
                          or doc[i].lower_ == "the" and i + 1 < end):
        i -= 1
    if i + 1 == end or i < first or doc[i].lower_ not in _GAP_OPENERS:
        return ""
    return token_side(doc[end - 1], lex)


def fights_for_side(unit: Token, lex: Lexicons) -> str:
    """ "6,956 foreign mercenaries have come to Ukraine to fight for Kyiv", "volunteers fighting
    for Ukraine": people who fight for a side are its forces."""
    verbs = [c for c in unit.children if c.dep_ in ("acl", "relcl")]
    if unit.dep_ in SUBJECT_DEPS:
        verbs += [unit.head, *(c for c in unit.head.children if c.dep_ in ("xcomp", "advcl", "conj"))]
    for verb in verbs:
        if verb.lemma_.lower() in lex.fighting_verbs:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "for":
                    side = next((token_side(o, lex) for o in prep.children if o.dep_ == "pobj"), "")
                    if side:
                        return side
    return ""


def joined_side(unit: Token, lex: Lexicons, home: str) -> str:
    """ "100,000 contract soldiers have joined the army", "volunteers enlisted in Ukraine's
    Territorial Defence": people who join a force (`claim_joining_verbs.txt`) are its side; a
    regular force named with "the" and no side ("the army") is the speaker's own (`home`)."""
    first = first_conjunct(unit)
    if first.dep_ not in SUBJECT_DEPS or first.head.lemma_.lower() not in lex.joining_verbs:
        return ""
    verb = first.head
    forces = [c for c in verb.children if c.dep_ == "dobj"]
    forces += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "into")
               for o in p.children if o.dep_ == "pobj"]
    for force in forces:
        if not is_force_noun(force, lex) and force.lower_ not in lex.regular_forces and force.pos_ != "PROPN":
            continue                  # "joined the army", "joined the Wagner Group"; not "joined the talks"
        side = phrase_side(force, lex) or named_own_force(force, home) or (
            home if force.lower_ in lex.regular_forces and with_the(force)
            and not any(c.dep_ in ("amod", "compound", "poss") for c in force.children) else "")
        if side:
            return side
    return ""


def command_side(unit: Token, lex: Lexicons) -> str:
    """ "more than 40,000 troops under direct NATO command", "placed 8,000 soldiers under
    Russian control", "units under the command of Ukraine's Joint Forces": forces put under a
    side's command (`claim_command_nouns.txt`) are that side's, whoever sent them. The
    "under" phrase is on the force noun or on the verb it is the object of."""
    holders = [unit] + ([unit.head] if unit.dep_ in ("dobj", "nsubjpass") else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ != "under":
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in lex.command_nouns:
                    named = [c for c in noun.children if c.dep_ in ("compound", "poss", "amod")] + of_objects(noun)
                    side = next((found for t in named for found in [phrase_side(t, lex)] if found), "")
                    if side:
                        return side
    return ""


def explicit_side(unit: Token, span: Span, lex: Lexicons) -> str:
    """Side named inside the force phrase: "Russian troops", "Moscow's forces",
    "troops from Belarus"; "Russian-backed", "German-made" excepted (`_NOT_OWNER_SUFFIXES`). An armed
    group or alliance the noun is compounded with comes first: "Yemen's Houthi rebels" are the Houthis'."""
    group = group_modifier_side(unit, lex)
    if group:
        return group
    doc = unit.doc
    candidates = [t for t in doc[max(span.end, unit.i - _SIDE_WINDOW):unit.i]]
    candidates += [child for child in unit.children if child.dep_ in _SIDE_DEPS]
    for again in (c for c in unit.children if c.dep_ == "appos" and c.lower_ in lex.units):
        candidates += [child for child in again.children if child.dep_ in _SIDE_DEPS]   # "troops — Russian troops —"
    for token in candidates:
        if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in _NOT_OWNER_SUFFIXES:
            continue
        found = token_side(token, lex)
        if found:
            return found
    following = doc[unit.i + 1:unit.i + 2]
    taken = first_conjunct(unit)
    leaving = unit.dep_ == "pobj" and unit.head.lower_ == "of" and unit.head.head.lemma_.lower() in _AWAY_NOUNS \
        or unit.dep_ == "dobj" and unit.head.lemma_.lower() in AWAY_VERBS \
        or taken.dep_ == "dobj" and taken.head.lemma_.lower() in lex.receiving_verbs
    # "withdraw its 1,000 personnel from Niger"; "received 10 tanks from South Korea" (the supplier)
    preps = [c for c in unit.children if c.dep_ == "prep" and (
        c.lower_ == "of" or c.lower_ == "from" and not leaving and not _moved_from(c))]
    allegiance = [p for c in unit.children if c.dep_ in ("amod", "acl") and c.lower_ in _ALLEGIANCE_WORDS
                  for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "with")]   # "fighters loyal to the TPLF"
    preps += allegiance
    # "2 million troops in China's People's Liberation Army": a member of a named force
    preps += [c for c in unit.children if c.dep_ == "prep" and c.lower_ == "in"
              and any(o.dep_ == "pobj" and is_force_noun(o, lex) for o in c.children)]
    if following and following[0].lower_ == "from" and following[0] not in preps and not leaving \
            and following[0].head.lemma_.lower() not in AWAY_VERBS and not _moved_from(following[0]):
        preps.append(following[0])         # "troops from Russia", attached to the verb
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ == "pobj":
                # "two divisions of Iraqi soldiers": a force made of another, named with its side; "40
                # personnel of the Central Reserve Police Force, India's largest paramilitary force": its apposition's
                # "launchers belonging to the Houthi militia": what they belong to, named with its side
                # "25 ships of the Russian Black Sea Fleet": a name, with the side in it
                named_force = obj.pos_ == "PROPN" and prep.lower_ == "of" and obj.is_title
                found = phrase_side(obj, lex) if is_force_noun(obj, lex) or prep in allegiance or named_force \
                    else token_side(obj, lex)
                if not found and is_force_noun(obj, lex):
                    found = next((side for a in obj.children if a.dep_ == "appos" and is_force_noun(a, lex)
                                  for side in [phrase_side(a, lex)] if side), "")
                if not found and is_force_noun(obj, lex) and prep.lower_ == "of":
                    # "150 servicemen of the 14th brigade of the Armed Forces of Ukraine": a force
                    # of a force, named with its side further on
                    found = explicit_side(obj, obj.doc[obj.i:obj.i], lex)
                if found and _pooled(obj, found, lex):
                    break                   # "22,000 troops from Uganda, Burundi and Kenya": no one country's
                if found:
                    return found
    group = armed_group_named(unit, lex)
    if group:
        return group
    if unit.dep_ == "conj" and unit.head.pos_ in ("NOUN", "PROPN"):
        # "one Ukrainian attack helicopter and four drones": a later item with no side of its own
        # is the first item's
        first = first_conjunct(unit)
        return next((side for c in first.children if c.dep_ in ("amod", "poss")
                     for side in [token_side(c, lex)] if side), "")
    return ""


def armed_group_named(unit: Token, lex: Lexicons) -> str:
    """The armed group irregular fighters (`irregular_noun`) are named as members of, when it
    is no state or alliance the side lists know: "203 fighters of the al-Qaeda-linked Katiba
    Macina", "15 militants of the outlawed Kurdistan Workers Party (PKK)", "12 Boko Haram
    fighters"; the group's name as written, or "": not a place ("fighters of Aleppo"), a people
    ("Tigrayan fighters": a one-word name before the noun is left to the side lists), a group
    someone owns ("fighters of its Africa Corps") or an aircraft's model ("34 J-16 fighters")."""
    if not irregular_noun(unit.text, lex) and unit.text.lower() != "members":   # "124 members of the separatist ..."
        return ""
    objects = [obj for prep in unit.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for obj in prep.children if obj.dep_ == "pobj"]
    # "members of the separatist Free Aceh Movement", parsed as a noun with the name in apposition
    named = [name for obj in objects
             for name in (obj, *(a for a in obj.children if a.dep_ == "appos" and obj.lower_ not in lex.units))
             if name.pos_ == "PROPN"]
    before = unit.doc[unit.i - 1] if unit.i else None
    if before is not None and before.pos_ == "PROPN" and before.head == unit:
        named.append(before)
    for head in named:
        start, heads = head.i, {head.i} | ({unit.i} if head is before else set())
        while start > 0:
            previous = unit.doc[start - 1]
            if previous.tag_ == "POS" and start > 1 and unit.doc[start - 2].pos_ == "PROPN" \
                    and unit.doc[start - 2].head.i in heads:
                start -= 2                # "the New People's Army"
            elif previous.pos_ == "PROPN" and previous.head.i in heads:
                start -= 1                # "Hayat Tahrir al-Sham", "Boko Haram", "al-Shabaab": the whole name
            elif not previous.whitespace_ and "-" in (previous.text, unit.doc[start].text):
                start -= 1                # "Jaish-e-Mohammed", split at its hyphens
            else:
                break
            heads.add(start)
        name = unit.doc[start:head.i + 1].text
        owned = any(c.dep_ == "poss" and not start <= c.i < head.i for c in head.children)
        one_word_before = head is before and start == head.i      # "Tigrayan fighters": a people, as often as not
        # one word is a name only as an acronym ("fighters of the PKK"): "members of the 48th Front" name none
        generic = start == head.i and not (head.text.isupper() and len(head.text) > 1)
        # members of a body ("1,200 members of the elite Counter-Terrorism Service") may be a state's
        generic |= not irregular_noun(unit.text, lex) and head.lower_ in lex.org_nouns
        if head.ent_type_ not in _NOT_GROUP_ENTITIES and not owned and not one_word_before and not generic \
                and not any(c.isdigit() for c in name) \
                and not is_known_place(name, primary_names_only=True):
            return name
    return ""


def _pooled(obj: Token, side: str, lex: Lexicons) -> bool:
    """Whether an "of" or "from" object is one of several sides listed together ("from Uganda,
    Burundi and Kenya"): a count of them all is no one side's."""
    return any(token_side(c, lex) not in ("", side) for c in obj.conjuncts)


def _moved_from(prep: Token) -> bool:
    """ "moving eight jets from Germany to NATO's eastern flank": a "from" that a "to" or "into"
    of the same clause pairs with names where a force moves from, not whose it is ("troops
    from Belarus" alone are Belarus's)."""
    verb = next((a for a in (prep.head, *prep.head.ancestors) if a.pos_ in ("VERB", "AUX")), None)
    holders = [prep.head] + ([verb] if verb is not None else [])
    return any(c.dep_ == "prep" and c.lower_ in _DESTINATION_PREPS and c is not prep
               for holder in holders for c in holder.children)


def own_side(unit: Token, claimant: Token | None, lex: Lexicons, people: dict[str, str] | None = None, *,
             trailing: bool = False) -> str:
    """ "1,351 of its soldiers", "our troops": the claimant's own side; for "its", "their",
    "his" and "her", else the side of whom the pronoun goes back to ("Wagner chief Yevgeny
    Prigozhin claimed that his 25,000 fighters ...", `referent_side`). A claimant named after the
    figure (`trailing`) comes after a subject before the pronoun in its sentence."""
    owner = next((c for c in unit.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)
    if owner is None:
        group = next((c for c in unit.children if c.dep_ == "poss" and c.lower_ in REFERRING_NOUNS
                      and with_the(c)), None)
        return referent_side(group, lex, people) if group is not None else ""   # "150 of the group's fighters"
    # "Ukrainian deaths are close to 70,000, and 100,000 of its soldiers have been wounded, the officials
    # said": a source named after the pronoun is no referent of it; a subject before it in its sentence is
    found = referent_side(owner, lex, people, back=0) if trailing else ""
    found = found or (phrase_side(claimant, lex) if claimant is not None else "")
    if not found and claimant is not None and owner.lower_ in ("his", "her") and claimant.ent_type_ == "PERSON":
        found = described_side(claimant, lex)   # "Wagner mercenary chief Yevgeny Prigozhin said ... his fighters"
    if found or owner.lower_ in FIRST_PERSON:
        return found
    return referent_side(owner, lex, people)


def among_side(unit: Token, claimant: Token | None, lex: Lexicons, people: dict[str, str] | None = None) -> str:
    """The side of the force a count of the dead or wounded is "among" ("14 deaths among its
    troops", "casualties among Russian soldiers"): named with it, or its owner's (`own_side`)."""
    force = next((obj for prep in unit.children if prep.dep_ == "prep" and prep.lower_ == "among"
                  for obj in prep.children if obj.dep_ == "pobj" and is_force_noun(obj, lex)), None)
    if force is None:
        return ""
    return explicit_side(force, force.doc[force.i:force.i], lex) or own_side(force, claimant, lex, people)


def enemy_side(unit: Token, speakers_side: str, lex: Lexicons) -> str:
    """ "destroyed two enemy tanks", "the enemy's vehicles", "tanks of the enemy", said by
    a speaker of a known side: the side that one calls the enemy (`claim_adversaries.csv`)."""
    if not speakers_side:
        return ""
    first = first_conjunct(unit)         # "15 tanks and six vehicles": the conjuncts share an owner
    nouns = [unit, first, *of_objects(unit)]   # "units of enemy equipment"
    if first.dep_ == "pobj" and first.head.lower_ in _INCLUDING_WORDS and first.head.head.pos_ in ("NOUN", "PROPN"):
        whole = first.head.head           # "nationalist units including 15 tanks", "60 units of captured
        nouns += [whole, *of_objects(whole)]   # enemy equipment, including at least ten tanks"
    owners = [owner for noun in nouns for owner in
              [noun, *(c for c in noun.children if c.dep_ in _SIDE_DEPS), *of_objects(noun)] if owner != unit]
    owners += _fought_objects(first, lex)
    owners += [unit] if unit.lower_ in lex.enemy_words else []      # "760 occupiers"
    if any(owner.lemma_.lower() in lex.enemy_words or owner.lower_ in lex.enemy_words for owner in owners):
        return lex.adversaries.get(speakers_side, "")
    return ""


def loss_owner_side(unit: Token, speakers_side: str, lex: Lexicons, people: dict[str, str] | None = None) -> str:
    """Whose losses a `loss_subject` names: its possessive or "of" phrase ("Russia's
    losses", "the losses of the enemy", "its losses" after "the enemy grouping", "our losses":
    the speaker's). The enemy is the speaker's adversary (`claim_adversaries.csv`)."""
    subject = loss_subject(unit)
    return losses_side(subject, speakers_side, lex, people) if subject is not None else ""


_TALLY_LINES = 12      # sentences back from an item to the heading of a tally listed one item a line


def tally_losses(item_start: int, sent: Span) -> Token | None:
    """ "The total combat losses of the enemy ... were approximately: ...; tanks — 3,924 (+15)":
    the "losses" a tally of losses lists its items under, before the item at `item_start`, or None.
    Listed one item a line, the items follow the heading sentence that ends in a colon
    ("... were approximately:\npersonnel - about 81,370,\ntanks - 2,850,")."""
    found = next((t for t in sent if t.idx < item_start and t.lemma_.lower() == "loss" and t.pos_ == "NOUN"), None)
    doc = sent.doc
    heading = sent
    for _ in range(_TALLY_LINES):
        if found is not None or heading.start == 0:
            break
        heading = doc[heading.start - 1].sent
        if heading.text.rstrip().endswith(":"):
            found = next((t for t in heading if t.lemma_.lower() == "loss" and t.pos_ == "NOUN"), None)
            break
        if not any(t.like_num for t in heading):
            break                     # a line with no count: no longer the tally
    return found


def losses_side(subject: Token, speakers_side: str, lex: Lexicons, people: dict[str, str] | None = None) -> str:
    """Whose losses the noun `subject` ("losses") names, as `loss_owner_side` reads it."""
    for owner in owner_words(subject):
        if owner.lower_ in FIRST_PERSON:
            found = speakers_side             # "Our losses over this period were 71 servicemen": the speaker's
        elif owner.lower_ in POSSESSIVE_PRONOUNS - FIRST_PERSON:
            if refers_to_enemy(owner, lex):
                return lex.adversaries.get(speakers_side, "")
            found = referent_side(owner, lex, people)
        elif is_enemy(owner, lex):
            found = lex.adversaries.get(speakers_side, "")
        else:        # "the losses of the Armed Forces of Ukraine have exceeded 383,000 servicemen"
            found = phrase_side(owner, lex) or (
                explicit_side(owner, owner.doc[owner.i:owner.i], lex) if is_force_noun(owner, lex) else "")
        if found:
            return found
    return ""


def loser_side(unit: Token, speakers_side: str, lex: Lexicons, people: dict[str, str] | None = None,
               addressee: str = "") -> str:
    """ "our army has lost 2,000 soldiers", "we lost 31 soldiers", "Russia lost 100 soldiers": the side
    of the subject of "lose" whose object the count is (the speaker's for "we" and "our ..."; in a
    reporter's question, the side addressed for "you" and "your ...": `addressee`, else "")."""
    first = first_conjunct(unit)
    verb = first.head
    if first.dep_ != "dobj" or verb.lemma_.lower() != "lose":
        return ""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return ""
    if subject.lower_ in FIRST_PERSON or any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in subject.children):
        return speakers_side
    if subject.lower_ == "you" or any(c.dep_ == "poss" and c.lower_ == "your" for c in subject.children):
        return addressee
    if subject.lower_ in POSSESSIVE_PRONOUNS | {"it", "they"}:
        return referent_side(subject, lex, people)
    return phrase_side(subject, lex)


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


def speakers_own_side(unit: Token, claimant: Token | None, home: str) -> str:
    """ "our troops" said by a speaker whom no sentence names ("I", "we", or
    nobody): the speaker's side."""
    if claimant is not None and claimant.lower_ not in FIRST_PERSON:
        return ""
    if any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in unit.children):
        return home
    return ""


def holder_side(unit: Token, lex: Lexicons) -> str:
    """ "detachments of the Russian Armed Forces, numbering two or three tanks", "the
    Operational Group of Russian Forces numbers about 1,500 servicemen", "9,128 pieces of
    Russian equipment, including 1,720 tanks": the side of the noun a holding verb
    (`HOLDING_VERBS`) describes or has as its subject, or of the whole an "including" phrase
    lists a part of; or of that noun's "of" phrase."""
    noun = _holder(unit)
    if noun is None:
        return ""
    # "the loss of 9,128 pieces of Russian equipment"
    found = next((side for n in of_chain(noun) for side in [phrase_side(n, lex)] if side), "")
    if found or noun.lower_ in lex.units or listed_whole(unit) != noun:
        return found
    # "destroyed a third of Russia's Black Sea Fleet since the start of the war, including 15 warships":
    # the parse may hang "including" on a nearer noun; the whole is the nearest object before it
    # that names a side (a unit noun with none ends the search)
    for token in reversed(noun.doc[noun.sent.start:noun.i]):
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "pobj", "attr"):
            found = phrase_side(token, lex)
            if found or token.lower_ in lex.units:
                return found
    return ""


def _holder(unit: Token) -> Token | None:
    """The noun that holds the counted forces (see `holder_side`), or None."""
    whole = listed_whole(unit)
    if whole is not None:
        return whole                      # "..., including 1,720 tanks"
    verb = unit.head.head if unit.dep_ == "pobj" else unit.head
    if verb.lemma_.lower() not in HOLDING_VERBS:
        return None
    if verb.dep_ in ("acl", "relcl") and verb.head != verb:
        return verb.head                  # "detachments ..., numbering two or three tanks"
    if unit.dep_ == "dobj":
        return subject_of(verb)           # "the group numbers about 1,500 servicemen"
    return None


def exercise_side(unit: Token, lex: Lexicons) -> str:
    """ "50,000 personnel are taking part in NATO's exercise", "... in Cold Response, a NATO
    exercise": forces that take part in an exercise or operation its owner names (a
    possessive or modifier, of the name or of its apposition) are the owner's."""
    verb = unit.head
    if unit.dep_ != "nsubj" or not (verb.lemma_.lower() == "participate" or verb.lemma_.lower() == "take" and any(
            c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)):
        return ""
    places = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "part"] + [verb]
    return next((side for head in places for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "in"
                 for obj in prep.children if obj.dep_ == "pobj"
                 for named in [obj, *(c for c in obj.children if c.dep_ == "appos"), *_second_objects(verb)]
                 for side in [phrase_side(named, lex)] if side), "")


def _second_objects(verb: Token) -> list[Token]:
    """An apposition the parse hangs on the verb as another object: "taking part in Cold
    Response, a NATO exercise" (the verb's objects other than "part")."""
    return [c for c in verb.children if c.dep_ == "dobj" and c.lower_ != "part"]


def named_own_force(unit: Token, home: str) -> str:
    """ "the number of the Armed Forces", "the National Guard": a force named by its
    proper name with "the" and no country is the speaker's own."""
    if not unit.text[:1].isupper() or unit.is_sent_start:
        return ""
    if with_the(unit):
        return home
    return ""
