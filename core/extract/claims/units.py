"""Step 2, what a figure counts: the force, equipment or casualty noun right after
it, or one the parse ties to it ("the number of Russian forces ... is 130,000"), or
the noun an earlier figure in the sentence counted ("83 BTGs, up from 60"). A figure
that counts none of them is no claim.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from core.extract.claims.figures import MONTHS_AND_DAYS, POST_CUES, YEAR, Figure, figure_with
from core.extract.claims.grammar import (
    SUBJECT_DEPS,
    SUBJECT_OR_OBJECT_DEPS,
    listed_whole,
    of_objects,
    span_at,
    with_the,
)
from core.extract.claims.lexicons import Lexicons
from core.extract.claims.memo import text_of

# Verbs linking a count noun to its figure: "the number ... is 130,000",
# "troops numbering 100,000", "the toll rose to 185", "put the number at".
LINKING_VERBS = frozenset({
    "be", "number", "total", "reach", "stand", "rise", "grow", "swell",
    "increase", "exceed", "top", "estimate", "put", "climb", "hit", "jump",
    "include", "comprise", "range",
})
_PARTITIVE_PRONOUNS = frozenset({"them", "those", "these", "whom"})   # "8,000 of them", "Of those, 33,000"
# Nouns that stand for a count of what their "of" phrase names.
COUNT_NOUNS = frozenset({"number", "figure", "total", "count", "size", "strength", "tally", "estimate", "average"})
# How far up the parse a figure looks for what it counts, and the clause
# links a non-linking verb passes the climb through.
GOVERNOR_STEPS = 5
_CLIMB_THROUGH_DEPS = frozenset({"advcl", "acl", "xcomp"})
# Nouns for a death toll: "a death toll of 185" counts deaths.
TOLL_NOUNS = frozenset({"toll"})
# Function words allowed between a figure and its noun: "130,000 of its
# troops", "70% of the forces", "100,000-strong force".
_BRIDGE_WORDS = frozenset({
    "of", "the", "its", "their", "his", "her", "our", "your", "'s", "\u2019s",
    "-", "strong", "more", "additional", "extra", "new", "fresh", "other",
    "them", "those", "these",
})
_BRIDGE_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBD", "NNP", "NNPS", "HYPH", "POS", "PRP$", "DT"})
_PERCENT_WORDS = ("%", "percent", "per cent")
# "a 1,000-member squadron", "a 500-man detachment": the people of a force
_MEMBER_NOUNS = frozenset({"member", "man", "person"})
_BRIDGE_MAX = 6               # tokens allowed between a figure and its noun


@dataclass(frozen=True)
class Unit:
    """The noun a figure counts and what kind of count it is."""

    token: Token
    text: str
    kind: str
    category: str
    flags: tuple[str, ...] = ()
    side: str = ""             # once counted: the side its claim was given
    side_guessed: bool = False
    # a count that refers back to a force no figure counted ("Russian troops ... all
    # 180,000 of them"): the noun it refers to, whose phrase may name the side
    antecedent: Token | None = None


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


def _hyphened_on(word: Token) -> bool:
    """The word is joined by a hyphen to the next ("troop-contributing", "tank-building")."""
    after = word.nbor(1) if word.i + 1 < len(word.doc) else None
    return after is not None and not word.whitespace_ and after.tag_ == "HYPH" and not after.whitespace_


def _later_unit(doc: Doc, index: int, lex: Lexicons, *, coordinated: bool = False) -> int | None:
    """Another unit noun right after a unit word, past demonyms: "army soldiers",
    "wounded Ethiopian troops". The later noun is the head. With `coordinated` (the unit
    word is a singular force word), past "and" too: "350 Army and Air Force personnel";
    a plural is a head of its own ("1,000 soldiers and police officers")."""
    for token in doc[index:index + (4 if coordinated else 3)]:
        if _unit_at(token, lex):
            return token.i
        if coordinated and token.lower_ in ("and", "or"):
            continue
        if not (token.ent_type_ in ("NORP", "GPE") or token.tag_ in ("JJ", "NNP")):
            return None
    return None


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
            if _hyphened_on(doc[index + width - 1]):
                return None         # "50 troop-contributing countries": a modifier of what follows
            # a singular force word is a modifier ("Army and Air Force personnel"); "aircraft" is no force word
            modifier = doc[index + width - 1].tag_ in ("NN", "NNP") and lex.units[surface][0] == "personnel"
            later = _later_unit(doc, index + width, lex, coordinated=modifier)
            if later is not None:
                index, steps = later, steps + 1   # "army soldiers", "wounded troops": the later noun
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


def governors(number: Token) -> Iterator[tuple[Token, bool]]:
    """Nominals the parse ties a figure to, each with whether a linking verb ties it.

    Climbs from the number through prepositions, quantifier words and
    "as high as" to the first noun or verb. A noun head ends the climb. A
    verb yields its subjects and objects ("the number of forces is 130,000",
    "put the number of troops at 410,000"), then the climb goes on through
    linking verbs and through adverbial clauses that a misattached
    preposition may sit in ("put the number ... in occupied Ukraine at N").
    """
    node = number
    for _ in range(GOVERNOR_STEPS):
        head = node.head
        if head == node:
            return
        if head.pos_ in ("NOUN", "PROPN"):
            yield head, True
            return
        if head.pos_ in ("VERB", "AUX"):
            linking = head.lemma_.lower() in LINKING_VERBS
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
        or token.dep_ == "compound" and token.text[:1].isupper()     # "9 FAMa soldiers", tagged a plural noun
        or token.tag_ == "NN" and following is not None and following.tag_ == "HYPH"
        or token.ent_type_ in ("NORP", "GPE")
    )


def _is_model_number(doc: Doc, index: int, bridge_start: int) -> bool:
    """A number inside the bridge that belongs to a capitalised name before
    it: the "2" of "14 Leopard 2 tanks"."""
    previous = doc[index - 1]
    return (index > bridge_start and previous.tag_ in ("NNP", "NNPS") and previous.text[:1].isupper()
            and previous.lower_ not in MONTHS_AND_DAYS and doc[index].text.isdigit())


def _constructed_unit(number: Token, lex: Lexicons) -> Token | None:
    """A unit tied to the figure by the parse rather than adjacency.

    "the number of Russian forces ... is 130,000", "troops numbering
    100,000", "a force of 100,000", "the death toll rose to 185", "raised
    the death toll to 135". A verb that does not link its subject to the
    figure ties it only through a count noun: "troops killed 50" does not
    count troops.
    """
    for nominal, linking in governors(number):
        if not linking and nominal.lemma_.lower() not in COUNT_NOUNS | TOLL_NOUNS:
            continue
        found = _count_noun_unit(nominal, lex)
        if found is not None:
            return found
    return None


def _bare_count_noun(number: Token, lex: Lexicons) -> Token | None:
    """ "the true number could be as high as 100,000": a count noun that says
    what the figure is, with no "of" phrase to say what it counts."""
    for nominal, _ in governors(number):
        if nominal.lemma_.lower() in COUNT_NOUNS and _count_noun_unit(nominal, lex) is None:
            return nominal
    return None


def _partitive_unit(number: Token, lex: Lexicons) -> Token | None:
    """ "222,000 of the planned 300,000 reservists": the unit the figure is a part of."""
    return next((obj for obj in of_objects(number) if obj.lower_ in lex.units), None)


def _counted_again(number: Token, unit: Unit) -> Unit:
    """What a bare number counts when it stands for the noun `unit` counted before: the same
    thing, on the same side, flagged "unit_carried"."""
    return Unit(token=number, text=unit.text, kind=unit.kind, category=unit.category,
                flags=("unit_carried",), side=unit.side, side_guessed=unit.side_guessed)


def referred_unit(number: Token, earlier: Unit | None, lex: Lexicons) -> Unit | None:
    """ "Roughly 8,000 of them are in Kursk", "Of those, 33,000 had joined units": a part of
    what the sentence before counted (`earlier`, its last unit) counts the same thing. With
    no count before, "them" is the force the sentence names before the number ("Russian
    troops along the border were there for training, all 180,000 of them")."""
    if earlier is not None and earlier.flags and earlier.flags[0].startswith("percent_of"):
        return None
    of_them = _of_them(number)
    sent = number.sent
    if not (of_them or _of_those_opening(number)) \
            or any(c.pos_ in ("NOUN", "PROPN") for c in number.children if c.dep_ != "prep"):
        return None
    if earlier is not None:
        return _counted_again(number, earlier)
    if not of_them:
        return None
    # "them" is what was named since the last other number ("violated the ceasefire 60 times, 43 of them")
    start = max((t.i + 1 for t in sent.doc[sent.start:number.i] if t.like_num), default=sent.start)
    return named_force_unit(number, sent.doc[start:number.i], lex)


def _of_them(number: Token) -> bool:
    """ "Roughly 8,000 of them"."""
    return any(obj.lower_ in _PARTITIVE_PRONOUNS for obj in of_objects(number))


def _of_those_opening(number: Token) -> bool:
    """ "Of those, 33,000 had joined units": the number is the subject of a sentence that opens so."""
    opening = [t.lower_ for t in number.sent[:2]]
    return opening[:1] == ["of"] and len(opening) == 2 and opening[1] in _PARTITIVE_PRONOUNS \
        and number.dep_ in SUBJECT_DEPS


def counts_a_part(number: Token, lex: Lexicons) -> bool:
    """ "8,000 of them", "Of those, 33,000 ...", "Of the aircraft, 111 crossed ...", "shot down 718
    of the drones": the figure counts a part of what a figure before it counted."""
    return _of_them(number) or _of_those_opening(number) or _of_the_opening(number, lex) is not None \
        or any(with_the(obj) and obj.lower_ in lex.units for obj in of_objects(number))


def named_force_unit(number: Token, where: Span, lex: Lexicons) -> Unit | None:
    """The count of the force noun named last in `where` ("Russian troops", "the troop
    levels"), for a number that refers back to it without a noun of its own."""
    noun = next((t for t in reversed(where) if t.pos_ in ("NOUN", "PROPN") and is_force_noun(t, lex)), None)
    if noun is None:
        return None
    kind, category = lex.units[noun.lower_]
    return Unit(token=number, text=noun.lower_, kind=kind, category=category, flags=("unit_carried",),
                antecedent=noun)


# Words before a bare number that make it a count the talk already knows:
# "since the 7,000", "we saw an additional 7,000", "another 2,000" (also the gate's, `gates.KNOWN_COUNT`).
KNOWN_COUNT_WORDS = ("the", "additional", "another")


def known_count_unit(number: Token, figure: Figure, before: Span | None, counted: dict[float, Unit],
                     lex: Lexicons) -> Unit | None:
    """A bare number made definite ("since the 7,000", "the 7,000 you refer to", "an
    additional 7,000") counts what the talk is about: the same figure counted earlier in
    the document (its unit and side), else the force noun of its own sentence or of the
    sentence `before` ("Is there any update on the troop levels?  You know, since the
    7,000, ..."). Only a number in digits (the Kremlin's "two hundred" in quotation marks is
    slang for the dead), not a year, a percentage, nor a number with a noun of its own."""
    if figure.value is None or number.dep_ == "nummod" or YEAR.match(number.text) \
            or not any(c.isdigit() for c in number.text) \
            or any(c.pos_ in ("NOUN", "PROPN") for c in number.children) \
            or number.i + 1 < len(number.doc) and number.doc[number.i + 1].pos_ == "NOUN" \
            or text_of(number.doc)[figure.end:figure.end + 9].lower().lstrip().startswith(_PERCENT_WORDS):
        return None
    if not any(c.lower_ in KNOWN_COUNT_WORDS for c in number.children if c.dep_ in ("det", "amod", "advmod")):
        return None
    known = counted.get(figure.value)
    if known is not None and not (known.flags and known.flags[0].startswith("percent_of")):
        return _counted_again(number, known)
    sent = number.sent
    found = named_force_unit(number, sent, lex)
    if found is None and before is not None:
        found = named_force_unit(number, before, lex)
    return found if found is not None and found.kind == "personnel" else None


# Words a sentence may open with before its bare number: "A further 14 were on their way",
# "Another 3,000 are expected", "About 200 have arrived".
OPENING_HEDGES = frozenset({"a", "an", "another", "further", "additional", "more", "some", "about", "around",
                             "roughly", "nearly", "almost", "approximately", "over"})


def opening_subject_unit(figure: Figure, number: Token, earlier: Unit | None, lex: Lexicons) -> Unit | None:
    """ "Half a million soldiers subdued Czechoslovakia. 200,000 have been sent to seize
    Ukraine.", "A further 14 were on their way": a bare number opening a sentence as its
    subject, after a hedge at most (`OPENING_HEDGES`), counts what the sentence before
    counted last."""
    first = next((t for t in number.sent if not (t.is_space or t.is_punct or t.lower_ in OPENING_HEDGES)), None)
    if earlier is None or first is None or first.i != number.i or number.dep_ not in SUBJECT_DEPS:
        return None
    return carried_unit(figure, number, earlier, lex)


def fronted_partitive_unit(number: Token, lex: Lexicons) -> Unit | None:
    """ "Of the aircraft, 47 crossed the median line": a sentence that opens with "Of the"
    and a unit counts that unit in the number standing as its subject."""
    opening = _of_the_opening(number, lex)
    if opening is None:
        return None
    head, surface = opening
    kind, category = lex.units[surface]
    return Unit(token=head, text=surface, kind=kind, category=category)


def _of_the_opening(number: Token, lex: Lexicons) -> tuple[Token, str] | None:
    """(the unit's last word, the unit) of a sentence opening "Of the" and a unit, with the
    number its subject: "Of the aircraft, 47 crossed the median line"; None otherwise."""
    words = [t for t in number.sent if not t.is_space]
    if len(words) < 4 or words[0].lower_ != "of" or words[1].lower_ != "the" or number.dep_ not in SUBJECT_DEPS:
        return None
    found = _unit_at(words[2], lex)
    if found is None or words[2].i + found[1] >= number.i:
        return None
    surface, width = found
    return words[2 + width - 1], surface


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
        if child.dep_ in SUBJECT_OR_OBJECT_DEPS or child.dep_ == "attr":
            yield child
        elif child.dep_ == "csubj":
            yield from (c for c in child.children if c.dep_ in SUBJECT_DEPS)


def _count_noun_unit(noun: Token, lex: Lexicons, depth: int = 2) -> Token | None:
    """The noun itself if it is a unit, or what "the number of ..." counts,
    through nested counts ("estimates of the number of Russian troops")."""
    if noun.lower_ in lex.units:
        return noun
    if noun.lemma_.lower() in TOLL_NOUNS:
        # "the toll of soldiers killed ... to 298" counts soldiers; "the death toll", deaths
        return next((obj for obj in of_objects(noun) if obj.lower_ in lex.units), noun)
    if noun.lemma_.lower() in COUNT_NOUNS and depth > 0:
        for obj in of_objects(noun):
            found = _count_noun_unit(obj, lex, depth - 1)
            if found is not None:
                return found
        # "South Korea's armed forces number 500,000", the verb tagged as the noun "number"
        return next((c for c in noun.children if c.dep_ == "nsubj" and c.lower_ in lex.units), None)
    return None


def unit_for(figure: Figure, doc: Doc, lex: Lexicons) -> Unit | None:
    """Step 2: the force or casualty noun the figure counts, or None (not a claim)."""
    span = span_at(doc, figure.start, figure.end)
    if span is None:
        return None
    later = span_at(doc, *figure.later) if figure.later else None
    members = _sized_force(span, lex)
    if members is not None:
        return members                  # "a 1,000-member Stryker squadron" counts members, not squadrons
    # "grew from 60 to 83 battalion tactical groups": the earlier count counts the later one's noun
    direct = _direct_unit(span, lex) or (_direct_unit(later, lex) if later is not None else None)
    if direct:
        token, surface, percent = direct
        kind, category = lex.units[surface]
        flags = (f"percent_of:{surface}",) if percent else ()
        text = "percent" if percent else surface
        return Unit(token=token, text=text, kind=kind, category=category, flags=flags)
    if text_of(doc)[figure.end:figure.end + 9].lower().lstrip().startswith(_PERCENT_WORDS):
        return None       # a percentage of something that is not a force
    noun = _constructed_unit(span.root, lex) or _strong_unit(span, lex) or _partitive_unit(span.root, lex)
    if noun is None:
        return _shortened_unit(span, lex)
    if noun.lemma_.lower() in TOLL_NOUNS:
        return Unit(token=noun, text="deaths", kind="casualty", category="killed")
    kind, category = lex.units[noun.lower_]
    return Unit(token=noun, text=noun.lower_, kind=kind, category=category)


# A tally's item: its name after a colon, a semicolon, a comma, a bracket or a line's start, then a
# dash and its count, and the change since the last tally in brackets after it ("... were
# approximately: personnel — about 218,810 (+580); armoured combat vehicles — 7,640 (+12)").
_TALLY_DASH = r"(?:[ \t]*[—–]|[ \t]+-)[ \t]+(?:(?:about|approximately|around|some|over|more than|up to)[ \t]+)?"
_TALLY_ITEM = re.compile(r"(?:^|[;:,(\n])[ \t]*(?P<name>[A-Za-z][A-Za-z /'-]{0,48}?)" + _TALLY_DASH
                         + r"(?:\d[\d,]*[ \t]*\(\+?)?$")
_TALLY_REACH = 80          # characters back from a figure its item's name may start
# A count after a dash: a tally has two or more on its line, or one on each of two lines or more
# in a row ("personnel - about 81,370 (+650),\ntanks - 2,850,"); "Two divisions of Iraqi soldiers –
# some 30,000 men – simply ran" is no tally.
_DASHED_COUNT = re.compile(_TALLY_DASH + r"\d")
_DASHED_LINE = re.compile(r"^[ \t]*[A-Za-z][A-Za-z /'-]{0,48}?" + _TALLY_DASH + r"\d")


def tally_item(figure: Figure, doc: Doc) -> tuple[int, int] | None:
    """Where the name of the tally item a figure counts is, when a tally of two items or more
    sets the name, a dash and then the figure ("tanks — 3,924"); None for any other figure."""
    text = text_of(doc)
    found = _TALLY_ITEM.search(text, max(0, figure.start - _TALLY_REACH), figure.start)
    if found is None:
        return None
    line_start, line_end = text.rfind("\n", 0, figure.start) + 1, text.find("\n", figure.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    counts = len(_DASHED_COUNT.findall(line))
    if counts == 1 and _DASHED_LINE.match(line):      # an item on a line of its own: its neighbours'
        lines = text.split("\n")
        number = text.count("\n", 0, line_start)      # the figure's line, counted from 0
        beside = lines[max(0, number - 1):number] + lines[number + 1:number + 2]
        counts += sum(1 for other in beside if _DASHED_LINE.match(other))
    return (found.start("name"), found.end("name")) if counts >= 2 else None


def tally_unit(item: tuple[int, int] | None, doc: Doc, lex: Lexicons) -> Unit | None:
    """ "armoured combat vehicles — 7,640": the unit a tally item's name (`tally_item`) ends in
    (`claim_units.csv`, its longest ending there), or None."""
    if item is None:
        return None
    words = text_of(doc)[item[0]:item[1]].split()
    for first in range(len(words)):
        surface = " ".join(words[first:]).lower()
        if surface in lex.units:
            last = span_at(doc, item[1] - len(words[-1]), item[1])
            if last is None:
                return None
            kind, category = lex.units[surface]
            return Unit(token=last.root, text=surface, kind=kind, category=category)
    return None


def _sized_force(figure_span: Span, lex: Lexicons) -> Unit | None:
    """ "a 1,000-member Stryker squadron", "a 500-man detachment": the figure counts the
    people of the force noun its "-member" word modifies. The force noun stands for the
    count in the sentence (it is what is sent or deployed), under the text "member"."""
    noun = figure_span.root.head if figure_span.root.dep_ == "nummod" else None
    if noun is None or noun.lemma_.lower() not in _MEMBER_NOUNS or noun.i < figure_span.end \
            or noun.dep_ != "compound" or not is_force_noun(noun.head, lex):
        return None
    return Unit(token=noun.head, text=noun.lower_, kind="personnel", category="")


def _shortened_unit(figure_span: Span, lex: Lexicons) -> Unit | None:
    """ "28 battalion tactical groups ... about 25 more groups", "15 of those groups": the
    last word of a unit of several words (`Lexicons.shortened`), after the figure or in
    its "of" phrase, counts that unit when the text named it in full before."""
    doc = figure_span.doc
    number = figure_span.root
    nouns = [t for t in doc[figure_span.end:figure_span.end + _BRIDGE_MAX] if t.pos_ == "NOUN"][:1]
    if nouns and any(not _bridges(t, doc) for t in doc[figure_span.end:nouns[0].i]):
        nouns = []
    nouns = [noun for noun in nouns + of_objects(number) if noun.lower_ in lex.shortened]
    before = text_of(doc)[:figure_span.start_char].lower() if nouns else ""    # only then: a copy of the text so far
    for noun in nouns:
        named = [(at + len(surface), len(surface), surface) for surface in lex.shortened[noun.lower_]
                 for at in [before.rfind(surface)] if at >= 0]
        if named:                       # the one named last, in full ("battalion tactical groups")
            *_, surface = max(named)
            kind, category = lex.units[surface]
            return Unit(token=noun, text=surface, kind=kind, category=category)
    return None


def is_force_noun(token: Token, lex: Lexicons) -> bool:
    """A noun for people or formations under arms ("troops", "battalions"), not equipment."""
    return lex.units.get(token.lower_, ("",))[0] in ("personnel", "formation")


def _object_of_coordinated_verb(number: Token, earlier: Token) -> bool:
    """ "killed about 550 fighters ... and captured 29": the number is the object of a verb
    coordinated with the verb whose object is the earlier counted noun."""
    verb, earlier_verb = number.head, earlier.head
    return number.dep_ == "dobj" and earlier.dep_ == "dobj" and verb != earlier_verb and (
        verb.dep_ == "conj" and verb.head == earlier_verb or earlier_verb.dep_ == "conj" and earlier_verb.head == verb)


def carried_unit(figure: Figure, number: Token, previous: Unit | None, lex: Lexicons) -> Unit | None:
    """A bare number that leaves out the noun of an earlier figure in the same
    sentence counts the same thing:

    - an earlier count: "83 BTGs ..., up from 60";
    - a number standing as a subject: "179 of its soldiers were killed ... and
      81 were taken prisoner", "of the 18,800 servicemen ..., 4,300 had chosen";
    - a count noun with no "of" phrase: "12,700 troops ..., but the true number
      could be as high as 100,000";
    - a number used as a noun with "the": "22,000 troops in Crimea, nearly double
      the 12,500 it had based there";
    - a part an "including" phrase lists: "158 drones over 15 regions, including nine
      over the Moscow region".

    The number itself stands in for the noun, so its own verbs give the
    casualty category ("taken prisoner").
    """
    if previous is None or previous.flags and previous.flags[0].startswith("percent_of"):
        return None
    doc = number.doc
    if text_of(doc)[figure.end:figure.end + 9].lower().lstrip().startswith(_PERCENT_WORDS):
        return None
    if any(child.pos_ in ("NOUN", "PROPN") for child in number.children) or number.dep_ == "nummod":
        return None
    if YEAR.match(number.text):
        return None                     # "...; 2024 will be different"
    earlier_count = re.search(r"\bfrom\s*$", text_of(doc)[max(0, figure.phrase_start - 12):figure.phrase_start], re.I)
    the = with_the(number)               # "nearly double the 12,500"
    part = listed_whole(number) is not None    # "158 drones ..., including nine over X"
    if not (earlier_count or the or part or number.dep_ in SUBJECT_DEPS or _bare_count_noun(number, lex) is not None
            or _object_of_coordinated_verb(number, previous.token)):
        return None
    return _counted_again(number, previous)


def others_unit(number: Token, previous: Unit | None) -> Unit | None:
    """ "11 soldiers were killed and three others wounded", "destroyed 17 vehicles and captured 6
    others": "others" counts what the sentence counted last, with no other number between (not
    "killed 35 people and wounded 134 others"), its verbs giving the category."""
    if previous is None or number.dep_ != "nummod" or number.head.lower_ != "others" \
            or previous.token.i > number.i or previous.token.sent != number.sent \
            or any(t.like_num for t in number.doc[previous.token.i + 1:number.i]):
        return None
    return replace(_counted_again(number, previous), token=number.head)


def counted_again_unit(number: Token, earlier: Unit | None, lex: Lexicons) -> Unit | None:
    """ "About 10,000 North Korean soldiers are in Kursk. The NIS put the number sent to Russia at
    11,000": a count noun with no unit (`_bare_count_noun`) counts what the sentence before counted."""
    if earlier is None or earlier.flags and earlier.flags[0].startswith("percent_of") \
            or _bare_count_noun(number, lex) is None:
        return None
    return _counted_again(number, earlier)


def read_post_unit_cue(figure: Figure, unit: Unit, doc_text: str) -> Figure:
    """ "10,000 troops or more": a cue after the noun, when none came before."""
    if figure.qualifier or unit.token.idx < figure.end or figure.value is None:
        return figure
    after = doc_text[unit.token.idx + len(unit.token):][:20]
    for pattern, qualifier, bound in POST_CUES:
        if pattern.match(after):
            low = figure.value if bound == "low" else None
            return figure_with(figure, qualifier=qualifier, low=low)
    return figure
