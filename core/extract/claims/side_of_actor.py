"""Sides read from who acts on the counted forces: who deploys or sends them,
attacks with them, resizes or estimates them, hands them over to whom, or inflicts
their losses (whose losses are then not the inflicter's).
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from core.extract.claims.grammar import (
    FIRST_PERSON,
    POSSESSIVE_PRONOUNS,
    PRONOUNS_PERSON,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    SUBJECTLESS_VERB_DEPS,
    agent_of,
    antecedent,
    first_conjunct,
    listed_whole,
    of_objects,
    reach_start,
    subject_of,
    with_the,
)
from core.extract.claims.lexicons import Lexicons
from core.extract.claims.people import person_names_before
from core.extract.claims.reporting import estimate_at
from core.extract.claims.side_guesses import voice_side
from core.extract.claims.side_names import (
    REFERRING_NOUNS,
    SOURCE_REACH,
    body_state,
    formation_before,
    irregular_noun,
    is_enemy,
    named_before,
    owner_side,
    phrase_side,
    referent_side,
    refers_to_enemy,
    token_side,
)
from core.extract.claims.side_of_force import HOLDING_VERBS, explicit_side, fights_for_side, named_own_force
from core.extract.claims.units import COUNT_NOUNS, GOVERNOR_STEPS, LINKING_VERBS, Unit, is_force_noun
from core.extract.countries import country_for

_SUFFER_VERBS = frozenset({"lose", "suffer", "sustain", "incur"})   # "Russia has lost 13,500 troops": its own


_CARRYING_PREPS = frozenset({"aboard", "with"})    # "flew in aboard three helicopters", "struck with 20 missiles"
_PLACE_PREPS = frozenset({"in", "at", "near", "on"})   # "Russia's contingent in Karabakh, deployed ...": where the phrase's head is
_INVOLVING_VERBS = frozenset({"involve"})      # an action that involves forces: the forces are its side's


def proxy_side(unit: Token, lex: Lexicons, sender: Callable[[], str]) -> str:
    """ "about 2,000 Syrian fighters had been flown to Tripoli by Turkey", "300 Colombian former
    soldiers recruited to fight for the RSF": forces named by where they come from are the side
    they fight for, or, for fighters and mercenaries (`irregular_noun`), the state that sends
    them (`sender` gives the deployer's side; not an alliance's or mission's, whose contingents
    keep their own), when that is another side."""
    origin = next((token_side(c, lex) for c in unit.children if c.dep_ == "amod" and c.ent_type_ == "NORP"), "")
    if not origin:
        return ""
    sent = sender() if irregular_noun(unit.text, lex) else ""
    sent = sent if country_for(sent) else ""
    other = fights_for_side(unit, lex) or sent
    return other if other and other != origin else ""


def passive_deployment_side(unit: Unit, lex: Lexicons, publisher: str) -> str:
    """ "About 10,000 soldiers will be deployed in the border area", in a side's own statement:
    troops deployed by no one named (`_unnamed_deployment`) are the publisher's side. Not
    weapons ("30 missiles were launched at Kyiv"), not troops sent to a border a side owns
    ("along the border of Ukraine": `border_side` guesses those, or nothing does), not an
    enemy word ("These nationalists were put in nearly every unit"), and not in news, where
    the source is no deployer."""
    token = unit.token
    verb = _unnamed_deployment(token, lex)
    if not publisher or unit.kind not in ("personnel", "formation") or verb is None or is_enemy(token, lex) \
            or any(t.lower_ in lex.border_nouns and owner_side(t, lex) for t in verb.subtree):
        return ""
    if _sent_against(verb, publisher, lex):
        return lex.adversaries.get(publisher, "")      # "200,000 have been sent to seize Ukraine"
    return publisher


def _sent_against(verb: Token, side: str, lex: Lexicons) -> bool:
    """ "have been sent to seize Ukraine": a purpose clause of the deploying verb whose
    hostile verb (`claim_hostile_verbs.txt`) has `side` as its object."""
    return any(clause.dep_ in ("advcl", "xcomp") and clause.lemma_.lower() in lex.hostile_verbs
               and any(obj.dep_ == "dobj" and phrase_side(obj, lex) == side for obj in clause.children)
               for clause in verb.children)


def assailant_side(unit: Token, lex: Lexicons) -> str:
    """ "more than 150,000 troops were now encircling Ukraine": forces that are the subject of a
    hostile verb (`claim_hostile_verbs.txt`) whose object names a side are that side's
    adversary (`claim_adversaries.csv`); "" when the object names no side or it has none."""
    first = first_conjunct(unit)
    verb = first.head
    if first.dep_ != "nsubj" or verb.lemma_.lower() not in lex.hostile_verbs:
        return ""
    target = next((phrase_side(c, lex) for c in verb.children if c.dep_ == "dobj"), "")
    return lex.adversaries.get(target, "") if target else ""


def carrier_side(unit: Token, lex: Lexicons) -> str:
    """ "US special operations forces flew into Khartoum aboard three helicopters", "struck the
    base with 20 missiles": equipment a subject goes aboard or acts with is that subject's side;
    not what a verb of handing over supplies someone with; "" for any other phrase, or a
    subject of no side."""
    first = first_conjunct(unit)
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in _CARRYING_PREPS or prep.head.pos_ != "VERB" \
            or prep.lower_ == "with" and prep.head.lemma_.lower() in lex.transfer_words | lex.aid_verbs:
        return ""                     # "will supply Ukraine with four launchers": the receiver's
    subject = subject_of(prep.head)
    if subject is None:
        return ""
    if subject.lower_ in ("it", "they"):    # "Ukraine's Operational Command South said it had hit the
        return referent_side(subject, lex)   # cruiser with two Neptune missiles"
    return phrase_side(subject, lex) or next(    # "US special operations forces", "US" parsed as nmod
        (side for c in subject.children if c.dep_ == "nmod" for side in [token_side(c, lex)] if side), "")


def _cue_split_object(unit: Token) -> bool:
    """ "deployed up to 8,500 troops" that the parser read as the particle "deployed up" and
    "to 8,500 troops", or "suffered between 175,000 and 200,000 casualties" read as "suffered
    between ... casualties": the noun is the verb's object all the same."""
    prep = unit.head
    if unit.dep_ != "pobj" or prep.head.pos_ != "VERB":
        return False
    if prep.lower_ == "between":      # the range's own "between", its first figure the noun's number
        return any(c.dep_ == "nummod" and c.i == prep.i + 1 for c in unit.children)
    return (prep.lower_ == "to"
            and any(c.dep_ == "prt" and c.lower_ == "up" and c.i == prep.i - 1 for c in prep.head.children))


def _deploying_noun_owner(noun: Token, lex: Lexicons) -> Token | None:
    """Who a deployment is: its possessive ("Russia's deployment of 100,000 troops"), or the
    subject of a deploying verb it is the object of ("the President directed the deployment
    of 2,000 soldiers"); None for another verb ("NATO condemned the deployment of ...")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in lex.deploy:
        return None
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _deployer(unit: Token, lex: Lexicons) -> Token | None:
    """Subject of "has massed/deployed/sent/has" when the force is its object,
    or the force noun a linking verb equates it with ("Ukraine's forces
    number 250,000 personnel"), or the subject of a relative clause on the force
    that deploys it ("the 10,000 troops Moscow had sent to drills")."""
    for clause in unit.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in lex.deploy:
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
                return subject
        if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in lex.deploy:
            agent = agent_of(clause)          # "21 drones launched by the Houthis", "troops sent by Moscow"
            if agent is not None:
                return agent
    if not any(c.dep_ in ("acl", "relcl") for c in unit.children):
        # "shot down 18 drones, two cruise missiles and one ballistic missile launched by the Houthis":
        # a later item's "launched by" speaks for the list (parsed as conjuncts or an apposition)
        first = first_conjunct(unit)
        listed = [*first.conjuncts, *(t for c in first.children if c.dep_ == "appos" for t in (c, *c.conjuncts))]
        agent = next((a for item in sorted(listed, key=lambda t: -t.i) if item.i > unit.i
                      for c in item.children if c.dep_ == "acl" and c.lemma_.lower() in lex.deploy
                      for a in [agent_of(c)] if a is not None), None)
        if agent is not None:
            return agent
    if unit.dep_ == "pobj" and unit.head.lower_ == "of" and unit.head.head.pos_ == "NOUN" \
            and unit.head.head.lemma_.lower() in lex.deploy:
        return _deploying_noun_owner(unit.head.head, lex)
    if unit.dep_ == "pobj" and unit.head.lower_ == "of" and (unit.head.head.lemma_.lower() in COUNT_NOUNS
                                                             or is_force_noun(unit.head.head, lex)):
        unit = unit.head.head               # "suffered a total of 1,286 casualties": the count stands for them;
        #                                     "approved a standby force of 3,000 troops": so does the force
    if unit.dep_ == "nsubjpass" and unit.head.lemma_.lower() in lex.deploy:
        agent = agent_of(unit.head)         # "2,000 fighters had been flown to Tripoli by Turkey"
        if agent is not None:
            return agent
    if _cue_split_object(unit):
        verb = unit.head.head               # "has placed up to 8,500 troops", parsed "placed up / to troops"
    elif _lost_object(unit, lex):
        verb = unit.head.head               # "had lost 2,870 troops killed and 3,700 wounded"
    elif unit.dep_ in ("dobj", "attr"):
        verb = unit.head
    else:
        return None
    lemma = verb.lemma_.lower()
    if lemma in LINKING_VERBS and lemma not in lex.deploy:
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        return subject if subject is not None and subject.lower_ in lex.units else None
    if lemma not in lex.deploy:
        return None
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        agent = agent_of(verb)
        if agent is not None:
            return agent
        if verb.dep_ not in SUBJECTLESS_VERB_DEPS or verb.head == verb:
            return None
        verb = verb.head
    return None


def _lost_object(unit: Token, lex: Lexicons) -> bool:
    """ "Ukrainian forces had lost 2,870 troops killed and 3,700 wounded", parsed with "troops"
    the subject of "wounded", a clause of "lost": the noun is what was lost all the same."""
    clause = unit.head
    return unit.dep_ in SUBJECT_DEPS and clause.dep_ in ("advcl", "xcomp", "ccomp") \
        and clause.lemma_.lower() in lex.casualty and clause.head.lemma_.lower() in _SUFFER_VERBS \
        and clause.i > unit.i and clause.head.i < unit.i


def attack_side(unit: Token, lex: Lexicons) -> str:
    """ "a Houthi attack in which 18 drones were fired": weapons a passive deploying verb
    uses, with no "by", in a relative clause on something a side owns, are that side's; so
    are forces that a side's action involves ("a Ukrainian assault involving up to 1,500
    soldiers", "the offensive, which involved 20,000 troops")."""
    first = first_conjunct(unit)
    while first.dep_ == "appos":                  # "18 drones, two cruise missiles and ..."
        first = first_conjunct(first.head)
    if first.dep_ == "dobj" and first.head.lemma_.lower() in _INVOLVING_VERBS and first.head.dep_ in ("acl", "relcl"):
        action = first.head.head
        if action.dep_ == "pobj" and action.head.dep_ == "prep":
            action = action.head.head    # "an assault in the region involving ...": the parse may hang it on the place
        return phrase_side(action, lex)
    verb = _unnamed_deployment(first, lex)
    if verb is None or verb.dep_ != "relcl":
        return ""
    return phrase_side(verb.head, lex)


def _unnamed_deployment(noun: Token, lex: Lexicons) -> Token | None:
    """The deploying verb (`claim_deploy_verbs.txt`) a noun is the passive subject of, when
    no "by" names who deploys ("18 drones were fired", "10,000 soldiers will be deployed");
    None otherwise."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.lemma_.lower() not in lex.deploy or agent_of(verb) is not None:
        return None
    return verb


def deployer_side(unit: Token, lex: Lexicons, *, claimant: Token | None = None, home: str = "",
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
    if is_enemy(subject, lex):      # "the enemy has concentrated 40,000 troops", "the aggressor state has ..."
        speaking = home or voice_side(claimant, lex, people)
        return lex.adversaries.get(speaking, "")
    if subject.lower_ in ("it", "we") and claimant is not None and claimant.lower_ not in FIRST_PERSON:
        return phrase_side(claimant, lex)
    if subject.lower_ in ("it", "they") and claimant is None and refers_to_enemy(subject, lex):
        return lex.adversaries.get(home, "")   # "The enemy has been forced back. It has moved 100,000 soldiers ..."
    if subject.lower_ in FIRST_PERSON or any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in subject.children):
        return home                   # "we", "our forces have formed ten new brigades"
    if subject.lower_ in PRONOUNS_PERSON and people:
        named = person_names_before(subject.doc, subject.idx)      # "He moved 175,000 troops"
        return next((people[w] for w in reversed(named[-1].split()) if w in people), "") if named else ""
    if subject.lower_ in REFERRING_NOUNS and with_the(subject):
        return referent_side(subject, lex, people)                  # "Nasrallah claimed that the group had ..."
    if antecedent(subject) is not subject:
        return phrase_side(antecedent(subject), lex)               # "Sudan's army, which numbers 120,000"
    if people and subject.text in people:
        return people[subject.text]                                  # "Putin has stationed 100,000 soldiers"
    if subject.lower_ in lex.titles and with_the(subject):          # "the Secretary has placed 8,500 troops"
        return next((side for obj in of_objects(subject) for side in [phrase_side(obj, lex)] if side), home)
    if subject.lower_ in lex.units:           # "the army has about 120,000 soldiers": the army named before
        return explicit_side(subject, subject.doc[subject.i:subject.i], lex) or (
            named_before(subject, lex) if with_the(subject) else "")
    if subject.lower_ in ("it", "they"):      # "... the combat power Russia had arrayed ... . Since the
        return referent_side(subject, lex, people)   # invasion began, they have launched 400 missiles"
    return phrase_side(subject, lex)


def accompanying_side(unit: Token, lex: Lexicons, home: str = "") -> str:
    """ "Russia invaded Ukraine with an estimated 190,000 troops": forces a verb's action is
    done "with" are its subject's ("the enemy" is the speaker's adversary)."""
    first = first_conjunct(unit)
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ != "with" or prep.head.pos_ != "VERB" \
            or prep.head.lemma_.lower() in lex.transfer_words:      # "supply Ukraine with four HIMARS"
        return ""
    verb = prep.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ in ("acl", "relcl") and verb.head != verb:
        subject = verb.head          # "Russia's contingent, deployed in 2020 with 1,960 troops"
        while subject.dep_ == "pobj" and subject.head.lower_ in _PLACE_PREPS \
                and subject.head.head.pos_ in ("NOUN", "PROPN"):
            subject = subject.head.head  # "Russia's contingent in Karabakh, deployed with ...": the contingent
    if subject is None:
        return ""
    if is_enemy(subject, lex):      # "the enemy carried out a strike with 127 missiles"
        return lex.adversaries.get(home, "")
    return phrase_side(subject, lex)


def resized_side(unit: Token, lex: Lexicons, home: str, people: dict[str, str] | None = None) -> str:
    """ "increasing the size of the Armed Forces to 1.5 million servicemen", "cut its army to
    80,000 troops": the force a verb brings to the figure, directly or through a count noun;
    or the force a change verb (`claim_non_claims.csv`, kind "change") says grows or shrinks
    ("Myanmar's military has shrunk to 150,000 personnel", "ordered Russia's armed forces to
    grow by 180,000 troops")."""
    first = first_conjunct(unit)
    prep = first.head
    verb = prep.head
    changing = verb.lemma_.lower() in lex.non_claims.get("change", frozenset())
    if first.dep_ != "pobj" or verb.pos_ != "VERB" or not (prep.lower_ == "to" or prep.lower_ == "by" and changing):
        return ""
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if thing is None and changing:
        holders = list(verb.head.children if verb.dep_ == "xcomp" else verb.children)
        wanted = ("dobj", "nsubjpass") if verb.dep_ == "xcomp" else ("nsubj",)   # "is expected to grow to ..."
        thing = next((c for d in wanted for c in holders if c.dep_ == d), None)
    if thing is not None and thing.lemma_.lower() in COUNT_NOUNS:
        thing = next(iter(of_objects(thing)), None)
    if thing is not None and thing.lemma_.lower() in REFERRING_NOUNS and with_the(thing):
        # "Lithuania welcomed Germany's brigade. The unit is to grow to 4,800 soldiers": the brigade's
        return (formation_before(thing, lex) if thing.lemma_.lower() == "unit" else "") or referent_side(thing, lex)
    if thing is None or not (is_force_noun(thing, lex) or thing.lemma_.lower() in lex.org_nouns):
        return ""
    owner = next((c for c in thing.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS - FIRST_PERSON),
                 None)        # "Putin wants to increase his army to 1.5 million soldiers": whose it is
    return phrase_side(thing, lex) or named_own_force(thing, home) or body_state(thing, lex) or (
        referent_side(owner, lex, people) if owner is not None else "")


def estimated_side(unit: Token, lex: Lexicons, people: dict[str, str] | None = None) -> str:
    """The side of what an estimate puts at the figure ("the Russian contingent is estimated at
    1,500 soldiers"); a "the" phrase naming none ("the build-up") goes back to its referent."""
    found = estimate_at(unit)
    if found is None:
        return ""
    thing = antecedent(found[1])      # "the Taliban, whom he put at around 75,000 fighters"
    if thing.lower_ in ("them", "it"):
        return referent_side(thing, lex, people)   # "Ukrainian losses were far higher, putting them at 2,870"
    side = phrase_side(thing, lex)
    owner = next((c for c in thing.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS - FIRST_PERSON),
                 None)
    if not side and owner is not None:
        return referent_side(owner, lex, people)   # "the Russian army had lost far more, putting its dead at 20,000"
    if not side and thing.lemma_.lower() in COUNT_NOUNS:
        return ""                     # "puts the figure at 127,000": the figure named before, not a subject's
    if not side and not irregular_noun(thing.text, lex) and any(c.dep_ == "det" and c.lower_ == "the" for c in thing.subtree):
        # "Kyiv puts the build-up at ...": not "the rebels, whom they put at 3,000 fighters", who are no one's
        estimator = next((c for c in found[0].children if c.dep_ == "nsubj"), None)
        before = thing.doc[min(t.i for t in estimator.subtree)] if estimator is not None else thing
        side = referent_side(before, lex, people)   # "Kyiv puts the build-up at ...": what was named before Kyiv
    return side


def inflicted(unit: Token, lex: Lexicons) -> Token | None:
    """ "Ukrainian forces destroyed 12 tanks", "killing about 400 marines": a loss verb that takes
    the counted noun (or the first in its list) as its object inflicts the loss, so the losses
    are not the side of whoever inflicts or reports it ("lost" and "suffered" are one's own).
    Returns the verb's subject, or the one a coordinated verb or participle borrows (the verb
    itself when it has none), or None."""
    first = first_conjunct(unit)
    verb = first.head
    lemma = verb.lemma_.lower()
    if not (first.dep_ == "dobj" and verb.pos_ == "VERB" and lemma not in _SUFFER_VERBS
            and (lex.casualty.get(lemma) or lex.casualty.get(verb.lower_)) is not None):
        return None
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if own is None and verb.dep_ in ("conj", "advcl"):
        own = subject_of(verb)            # "Russian aviation has hit 62 facilities and shot down two aircraft"
    return own if own is not None and own.dep_ == "nsubj" else verb


def lost_to_no_one_named(unit: Token, lex: Lexicons) -> bool:
    """ "One combat helicopter and four drones were also shot down": the counted noun (or the first
    in its list) is the passive subject of a loss verb (`claim_casualty_words.csv`) that names no
    one who inflicted it."""
    first = first_conjunct(unit)
    verb = first.head
    return first.dep_ == "nsubjpass" and verb.pos_ == "VERB" \
        and (lex.casualty.get(verb.lemma_.lower()) or lex.casualty.get(verb.lower_)) is not None \
        and agent_of(verb) is None


def inflicting_side(inflicter: Token, lex: Lexicons, own: str) -> str:
    """The side of what `inflicted` returns: the side it names ("Militants from the group
    JNIM"); else the reporter's own (`own`) when it is the reporter's ("we", "it", "our
    forces", "its units", "the army", "the platoon", no subject at all), but not when it is someone nobody
    names ("The gunmen killed 33 soldiers, the army said": not the army's), unless the reporter is
    an armed group, whose own fighters irregulars are ("insurgents killed 20 soldiers", a
    Taliban spokesman said)."""
    if inflicter.pos_ not in ("NOUN", "PROPN"):
        return phrase_side(inflicter, lex) or own
    named = phrase_side(inflicter, lex) or explicit_side(inflicter, inflicter.doc[inflicter.i:inflicter.i], lex)
    if named:
        return named
    owned = any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in inflicter.children)
    irregular = bool({inflicter.lemma_.lower(), inflicter.lower_} & lex.irregular_forces)
    if irregular and own in lex.groups:
        return own      # "insurgents had killed 20 foreign soldiers", a Taliban spokesman said: the Taliban's
    body = (inflicter.lemma_.lower() in lex.org_nouns or is_force_noun(inflicter, lex)) \
        and not irregular   # "the army", not "the gunmen"
    return own if owned or with_the(inflicter) and body else ""


def recipient_of_transfer(unit: Token, lex: Lexicons, speaking: str = "") -> str:
    """ "supplied 2,000 missiles to Kyiv", "the sale of 66 jets to Taiwan", "the latest package
    for Ukraine includes 59 vehicles": equipment handed over (`claim_transfer_words.txt`) is the
    side it goes "to" or "for"; equipment sent (`claim_aid_verbs.txt`) only when it goes to a
    party at war named as such (`claim_aid_receivers.txt`). A handing over that names no
    receiver goes where the one before it went, a noun's included ("Slovakia ... has also
    delivered 13 jets" after "the transfer of 14 jets to Ukraine"), else, when the side that
    speaks (`speaking`) is such a party and another side hands over (a word of
    `claim_transfer_words.txt`, not "sent"), to the one speaking ("Germany has delivered 18
    tanks", in a Ukrainian ministry's text)."""
    noun = first_conjunct(unit)
    whole = listed_whole(noun)
    if whole is not None and whole.lemma_.lower() not in lex.transfer_words:
        # "$800 million in security assistance for Ukraine, including ...": the aid the sum is in
        whole = next((o for p in whole.children if p.dep_ == "prep" and p.lower_ == "in"
                      for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in lex.transfer_words), None)
    received = _receiver_side(whole, lex) if whole is not None else ""
    if received:
        return received               # "security assistance for Ukraine, including 800 Stinger systems"
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.lemma_.lower() in lex.transfer_words:
        # "has provided Ukraine with 198 howitzers": the verb's object receives
        return next((side for c in noun.head.head.children if c.dep_ in ("dobj", "dative")
                     for side in [phrase_side(c, lex)] if side), "")
    if noun.dep_ == "dobj":
        handing = noun.head
        holder = next((c for c in handing.children if c.dep_ == "nsubj"), None)
        if handing.lemma_.lower() in HOLDING_VERBS and holder is not None:
            handing = holder              # "the latest package for Ukraine includes 59 vehicles"
    elif noun.dep_ == "pobj" and noun.head.lower_ == "of":
        handing = noun.head.head
        if handing.dep_ == "dobj" and (handing.like_num or handing.head.lemma_.lower() in lex.transfer_words
                                       | lex.aid_verbs):
            handing = handing.head        # "will send 49 of its decommissioned tanks", "send a company of 14 tanks"
    else:
        return ""
    found = _receiver_side(handing, lex)
    if not found and handing.lemma_.lower() in lex.transfer_words:
        # "the sale of 40 jets and 79 kits to Turkey": the receiver hung on the list's last item
        found = next((side for item in noun.conjuncts for prep in item.children
                      if prep.dep_ == "prep" and prep.lower_ in ("to", "for")
                      for obj in prep.children if obj.dep_ == "pobj" for side in [phrase_side(obj, lex)] if side), "")
    handing_words = lex.aid_verbs | lex.transfer_words
    if found or handing.lemma_.lower() not in handing_words \
            or any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") for c in handing.children):
        return found
    # "Washington will supply 31 tanks" after "Germany will send 14 tanks to Ukraine": a handing over
    # that names no receiver goes where the one before it went
    doc = handing.doc
    before = next((side for earlier in reversed(doc[reach_start(handing.sent, SOURCE_REACH):handing.i])
                   if earlier.lemma_.lower() in handing_words
                   and (earlier.pos_ == "VERB" or earlier.pos_ == "NOUN" and earlier.lemma_.lower() in lex.transfer_words)
                   for side in [_receiver_side(earlier, lex)] if side), "")
    if before or speaking.lower() not in lex.aid_receivers or handing.pos_ != "VERB" \
            or handing.lemma_.lower() not in lex.transfer_words:    # "sent" may deploy the sender's own
        return before
    giver = next((phrase_side(c, lex) for c in handing.children if c.dep_ == "nsubj"), "")
    return speaking if giver and giver not in (speaking, lex.adversaries.get(speaking)) else ""


def receiver_subject_side(unit: Token, lex: Lexicons, speakers_side: str = "") -> str:
    """ "Poland received the first 10 tanks from South Korea": equipment a verb of taking in
    (`claim_receiving_verbs.txt`) takes is its subject's; the speaker's for "we" and "our
    troops"; a side it is taken "for" has it ("we have purchased 200 carriers for Ukraine")."""
    noun = first_conjunct(unit)
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in lex.receiving_verbs:
        return ""
    beneficiary = next((side for holder in (noun, noun.head) for prep in holder.children
                        if prep.dep_ == "prep" and prep.lower_ == "for"
                        for obj in prep.children if obj.dep_ == "pobj" for side in [phrase_side(obj, lex)] if side), "")
    if beneficiary:
        return beneficiary
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return ""
    if subject.lower_ in FIRST_PERSON or any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in subject.children):
        return speakers_side
    return phrase_side(subject, lex)


def _receiver_side(handing: Token, lex: Lexicons) -> str:
    """The side a verb or noun of handing over gives to (`recipient_of_transfer`), or ""."""
    lemma = handing.lemma_.lower()

    def receiver(preps: tuple[str, ...], side_of: Callable[[Token, Lexicons], str], holder: Token = handing) -> str:
        # "to Kyiv", or a bare indirect object: "pledged to send Ukraine five systems" (which the
        # parse may call a second direct object, a name)
        objects = [obj for prep in holder.children if prep.dep_ in ("prep", "dative") and prep.lower_ in preps
                   for obj in prep.children if obj.dep_ == "pobj"]
        objects += [c for c in holder.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")
                    or c.dep_ == "dobj" and c.pos_ == "PROPN"]
        return next((side for obj in objects for side in [side_of(obj, lex)] if side), "")

    if lemma in lex.aid_verbs:            # "Germany will send 14 tanks to Ukraine", not "... warplanes to Romania"
        named = receiver(("to",), token_side)     # the party itself, not "to the Ukrainian border"
        sender = next((phrase_side(c, lex) for c in handing.children if c.dep_ == "nsubj"), "")
        if named.lower() not in lex.aid_receivers or sender in (named, lex.adversaries.get(named)):
            return ""                     # not to a party not at war, nor by its own side or its enemy
        return named
    if lemma not in lex.transfer_words:
        return ""
    found = receiver(("to", "for"), phrase_side)
    if not found and handing.pos_ == "NOUN" and handing.dep_ == "dobj":
        # "approved the sale of 66 jets to Taiwan": the parse may hang the receiver on the verb
        found = receiver(("to",), phrase_side, handing.head)
    return found


def recipient_side(unit: Token, home: str, lex: Lexicons) -> str:
    """ "the supply of three aircraft to the Air Force", "delivered two boats to the Army":
    equipment going to a force named with "the" and no country goes to the speaker's own
    side. Reads "to" phrases on the noun and the words above it, up to its verb."""
    node = unit
    for _ in range(GOVERNOR_STEPS):
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lower_ in lex.units and named_own_force(obj, home):
                        return home
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            break
        node = node.head
    return ""
