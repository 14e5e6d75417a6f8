"""What kind of count a claim is: a force's size or a casualty category (killed,
wounded, captured, ...) that the words governing its noun give, and the counted
figures that are no claim at all (a hypothetical, an award, civilian equipment).
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from spacy.tokens import Token

from core.extract.claims.grammar import SUBJECT_DEPS, first_conjunct, listed_whole
from core.extract.claims.lexicons import Lexicons
from core.extract.claims.units import Unit, is_force_noun

# "its losses amounted to 2,000 servicemen", "the losses of the enemy are 156,990 personnel":
# a subject that makes the counted noun a loss, and names whose.
_LOSS_NOUNS = frozenset({"loss", "casualty", "dead"})
ELLIPTIC_CASUALTY = frozenset({"wounded", "injured", "dead"})   # "N soldiers killed and M wounded": M soldiers
# Verbs whose subject undergoes the loss in the active voice ("troops died", "2,000 soldiers
# surrendered to the rebels"), where other loss verbs need the passive ("were killed").
_UNDERGOING_VERBS = frozenset({"die", "perish", "surrender"})
# Verbs whose subject undergoes what their object names: "Two soldiers sustained minor injuries".
_SUFFERING_VERBS = frozenset({"sustain", "suffer", "receive"})
_CLAUSE_STEPS = 6             # words above a figure where a hypothetical or an award may sit


def loss_subject(unit: Token) -> Token | None:
    """ "its losses amounted to more than 2,000 servicemen", "the combat losses of the
    enemy are 156,990 personnel", "... amounted to approximately: personnel - about 293,840":
    the `_LOSS_NOUNS` subject of the nearest verb above the noun, unless the noun is that
    verb's subject itself; or its object, when the noun is what "at" puts it at ("estimates
    Russian losses at 20,000 soldiers")."""
    first = first_conjunct(unit)
    if first.dep_ in SUBJECT_DEPS:
        return None
    verb = next((a for a in first.ancestors if a.pos_ in ("VERB", "AUX")), None)   # the nearest verb above
    if verb is None:
        return None
    # "the losses amounted to N", or "the Pentagon estimates Russian losses at N soldiers"
    deps = ("nsubj", "dobj") if first.dep_ == "pobj" and first.head.lower_ == "at" else ("nsubj",)
    return next((c for c in verb.children if c.dep_ in deps and c.lemma_.lower() in _LOSS_NOUNS), None)


def category_of(unit: Unit, lex: Lexicons) -> tuple[str, tuple[str, ...]]:
    """force_size, or the casualty category a word governing the noun gives."""
    if unit.kind == "casualty":
        return unit.category, ("casualties",) if unit.text == "casualties" else ()
    if loss_subject(unit.token) is not None:
        return ("force_size", ("losses",)) if unit.kind == "equipment" else ("killed", ())
    whole = listed_whole(unit.token)      # "destroyed 1,812 targets, including 472 tanks": the whole's
    words = [*_casualty_words(unit.token, lex), *(_casualty_words(whole, lex) if whole is not None else ())]
    for word in words:
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
            child.tag_ == "VBN" or child.lemma_.lower() in _UNDERGOING_VERBS
        ):
            yield child
    if unit.dep_ == "pobj" and unit.head.lower_ == "of" and (unit.head.head.like_num
                                                           or unit.head.head.lemma_.lower() == "total"):
        unit = unit.head.head                 # "1,351 of its soldiers had died", "a total of 1,730 fighters have ..."
    unit = first_conjunct(unit)              # "destroyed a group and two tanks": the verb governs both
    if unit.dep_ == "compound":              # "took 400 soldiers prisoner", parsed as one noun
        yield unit.head
    head = unit.head
    if head.pos_ not in ("VERB", "AUX"):
        return
    if unit.dep_ in ("dobj", "nsubjpass"):
        yield head
        if unit.dep_ == "nsubjpass":      # "81 were taken prisoner"
            yield from (c for c in head.children if c.dep_ in ("oprd", "attr", "dobj"))
    elif unit.dep_ == "nsubj":
        if head.lemma_.lower() in _UNDERGOING_VERBS or head.tag_ == "VBN" or head.lower_ == "missing":
            yield head
        if head.lemma_.lower() in _SUFFERING_VERBS:
            yield from (c for c in head.children if c.dep_ == "dobj")
        yield from (c for c in head.children if c.dep_ in ("acomp", "oprd"))
    for conj in head.children:
        if conj.dep_ == "conj" and conj.tag_ == "VBN" and unit.dep_ == "nsubjpass":
            yield conj


def counts_civilians_before(number: Token, lex: Lexicons) -> bool:
    """Whether the last number before `number` in its sentence counts civilians or people
    (`claim_non_claims.csv`, kind civilian): "At least 11 people were killed and 64 wounded"."""
    earlier = next((t for t in reversed(number.doc[number.sent.start:number.i]) if t.like_num), None)
    return earlier is not None and earlier.dep_ == "nummod" \
        and earlier.head.lemma_.lower() in lex.non_claims.get("civilian", ())


def not_a_claim(number: Token, unit: "Unit", lex: Lexicons) -> str:
    """Why a counted figure is no claim (`core/data/claim_non_claims.csv`), or "":
    - "conditional": its clause is hypothetical ("whether we have 50,000, 150 or one
      million soldiers", "if they sent 10,000 more troops");
    - "simulated": its clause happens "in" a war game, a simulation or a scenario ("in the
      base scenario some 3,200 troops were killed");
    - "award": the people counted are honoured ("476 soldiers have been awarded", "presented
      medals to 30 soldiers", "three of them posthumously");
    - "civil": the equipment counted is civilian (an airline's 20 aircraft, research ships);
    - "age": the number is an age ("the two reservists, aged 35 and 41");
    - "criminal": the people counted are criminals ("14 cartel gunmen");
    - "civilian": the dead or wounded counted are civilians ("1,282 civilian deaths")."""
    words = lex.non_claims
    first = number
    while first.dep_ == "conj":
        first = first.head
    if first.head.lower_ in words.get("age", ()):
        return "age"
    simulated = words.get("simulated", frozenset())
    for token in islice(number.ancestors, _CLAUSE_STEPS):
        if any(c.dep_ == "mark" and c.lower_ in words.get("conditional", ()) for c in token.children):
            return "conditional"
        if token.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(t.lemma_.lower() in simulated for t in c.subtree)
                for c in token.children):
            return "simulated"    # "in the base scenario, the navy lost two carriers"
    honours = words.get("award", frozenset())
    for token in (unit.token, *islice(unit.token.ancestors, _CLAUSE_STEPS)):
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in honours:
            return "award"
    if any(c.dep_ == "advmod" and c.lower_ in honours for c in number.children):
        return "award"            # "..., three of them posthumously"
    to = unit.token.head
    if to.dep_ == "prep" and to.lower_ == "to" and any(
            t.lemma_.lower() in honours for t in (to.head, *(c for c in to.head.children if c.dep_ == "dobj"))):
        return "award"            # "presented state awards to 476 servicemen", "medals to 30 soldiers"
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in words.get("criminal", ())
           for c in unit.token.children):
        return "criminal"
    if unit.kind == "casualty" and any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in words.get("civilian", ())
                                       for c in unit.token.children):
        return "civilian"
    if unit.kind == "equipment":
        civil = words.get("civil", frozenset())
        whole = unit.token                # a part an "including" phrase lists is civil when its whole is
        while (larger := listed_whole(whole)) is not None and larger.pos_ == "NOUN":
            whole = larger
        # the list's next items, and the parts an "including" phrase lists ("11 ships, including one carrier")
        listed = {t.i for c in whole.children
                  if c.dep_ == "conj" or c.dep_ == "prep" and c.lower_ == "including" for t in c.subtree}
        own = set(unit.text.split())      # "armoured personnel carriers" is no airline's carrier
        nearby = [t for t in whole.subtree if t.i not in listed] + [
            t for v in islice(whole.ancestors, 2) for c in v.children if c.dep_ in SUBJECT_DEPS for t in c.subtree]
        if any((t.lemma_.lower() in civil or t.lower_ in civil) and t.lower_ not in own for t in nearby):
            return "civil"
    return ""


def is_increment(number: Token, unit: "Unit", lex: Lexicons) -> bool:
    """ "increased its troop presence by as many as 7,000 troops": the figure is the
    object of "by" after a change verb (`claim_non_claims.csv`, kind "change")."""
    verbs = lex.non_claims.get("change", frozenset())
    for token in (number, unit.token):
        chain = [token, *islice(token.ancestors, 3)]
        for below, above in zip(chain, chain[1:]):
            if below.dep_ == "pobj" and above.lower_ == "by" and above.head.lemma_.lower() in verbs:
                return True
    return False


def force_served(noun: Token, lex: Lexicons) -> Token | None:
    """ "32,000 women serve in the Armed Forces", "30 members of the New People's Army": the
    force a count of people serves in (a personnel or formation noun after "in" or "with") or
    is members of, which makes them its personnel."""
    member_of = next((obj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                      for obj in prep.children if obj.dep_ == "pobj" and is_force_noun(obj, lex)), None)
    if member_of is not None:
        return member_of
    noun = first_conjunct(noun)
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "serve":
        return None
    return next((obj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("in", "with")
                 for obj in prep.children if obj.dep_ == "pobj" and is_force_noun(obj, lex)), None)
