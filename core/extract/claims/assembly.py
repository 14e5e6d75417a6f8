"""A Doc's claims: each figure taken through the steps (unit, category, claimant,
side, place, date) into a `records.Claim`, sentence by sentence, carrying the
speakers and sides the sentences before named; then a figure stated again takes
the side its repeat reads, and a headline figure the body repeats counts once.
"""
from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from core.extract.claims.category import (
    ELLIPTIC_CASUALTY,
    category_of,
    counts_civilians_before,
    force_served,
    is_increment,
    not_a_claim,
)
from core.extract.claims.claimant import claimant_of, resolved_source
from core.extract.claims.figures import Figure, find_figures
from core.extract.claims.gates import (
    RETRO_REACH,
    may_attribute_back,
    may_refer_to_count,
    might_hold_claims,
    sentences_to_parse,
)
from core.extract.claims.grammar import antecedent, span_at
from core.extract.claims.lexicons import Lexicons, lexicons
from core.extract.claims.memo import MEMO_KEY, text_of
from core.extract.claims.people import Speaker, full_name
from core.extract.claims.place_and_date import dates_of, location_of
from core.extract.claims.side_guesses import (
    border_side,
    claimant_side,
    clause_side,
    inherited_side,
    names_joint_forces,
    nearby_named_side,
    publisher_side,
    reporting_body_side,
    speakers_forces_side,
    voice_side,
)
from core.extract.claims.side_names import described_side, irregular_noun, phrase_side
from core.extract.claims.side_of_actor import (
    accompanying_side,
    assailant_side,
    attack_side,
    carrier_side,
    deployer_side,
    estimated_side,
    inflicted,
    inflicting_side,
    lost_to_no_one_named,
    passive_deployment_side,
    proxy_side,
    receiver_subject_side,
    recipient_of_transfer,
    recipient_side,
    resized_side,
)
from core.extract.claims.side_of_force import (
    among_side,
    command_side,
    enemy_side,
    exercise_side,
    explicit_side,
    fights_for_side,
    figure_owner_side,
    holder_side,
    joined_side,
    loser_side,
    loss_owner_side,
    losses_side,
    named_own_force,
    own_side,
    speakers_own_side,
    tally_losses,
)
from core.extract.claims.speech import attributed_back, quoted_in, quoted_speakers, speakers_in, still_speaking
from core.extract.claims.units import (
    Unit,
    carried_unit,
    counted_again_unit,
    counts_a_part,
    fronted_partitive_unit,
    is_force_noun,
    known_count_unit,
    opening_subject_unit,
    others_unit,
    read_post_unit_cue,
    referred_unit,
    tally_item,
    tally_unit,
    unit_for,
)
from core.extract.speakers import Voices
from core.extract.syntax import with_syntax
from core.read.ingest import entry_headings, headline_span
from core.records import NEARBY_SIDE_FLAG, Claim, Timex

log = logging.getLogger(__name__)

# A mark, while a document is read, of a side guessed from the clause, an earlier
# sentence or the source rather than read from the force phrase or its deployer;
# `repeats_share_sides` reads it and takes it off (it is no flag of the output).
_SIDE_GUESSED = "side_guessed"


@dataclass(frozen=True)
class Settings:
    """Thresholds for flags; pass one to `iter_claims` to change them."""

    implausible_above: float = 50_000_000


def _implausible(value: float | None, settings: Settings) -> bool:
    return value is not None and (value != value or value > settings.implausible_above)


def _build_claim(figure: Figure, unit: Unit, sent: Span, *, side: str, claimant: str,
                 category: str, flags: tuple[str, ...], location: str,
                 claim_date: date | None, as_of: date | None, settings: Settings) -> Claim:
    doc_text = text_of(sent.doc)
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


def _force_mention_sides(sent: Span, lex: Lexicons) -> list[tuple[str, str]]:
    """Sides of force nouns in the sentence ("Moscow's forces are massing"), and of military
    equipment whose side the phrase names ("Russian missiles hit our country again"), each
    with its noun."""
    sides = []
    for token in sent:
        if is_force_noun(token, lex):
            found = explicit_side(token, token.doc[token.i:token.i], lex) or deployer_side(token, lex)
        elif lex.units.get(token.lower_, ("",))[0] == "equipment":
            found = explicit_side(token, token.doc[token.i:token.i], lex)
        else:
            continue
        if found:
            sides.append((found, token.lower_))
    return sides


def iter_claims(doc: Doc, *, published: date | None, timexes: Sequence[Timex] = (),
                settings: Settings = Settings(), voices: Voices = Voices()) -> Iterator[Claim]:
    """Yield every troop or casualty figure in `doc`, in text order; a figure
    stated in the headline and again in the body once (`without_headline_repeats`).
    A figure no sentence attributes is claimed by whoever speaks there (`voices`:
    a transcript's speaker, an address's speaker); one in a reporter's question
    by `speakers.REPORTER`, with the flag "question".

    A doc without a dependency parse is parsed only in the sentences that
    need it (`sentences_to_parse`), on a copy: see `core.extract.syntax`.
    """
    lex = lexicons()
    doc, _ = with_syntax(doc, lambda sentences: sentences_to_parse(sentences, lex))
    try:
        found = repeats_share_sides(list(_claims_in(doc, published=published, timexes=timexes,
                                                     settings=settings, lex=lex, voices=voices)), lex)
        text = text_of(doc)
        yield from without_headline_repeats(found, headings=[(0, headline_span(text)[1], len(text)),
                                                             *entry_headings(text)])
    finally:
        doc.user_data.pop(MEMO_KEY, None)      # per-sentence answers live as long as the reading


def repeats_share_sides(claims: Sequence[Claim], lex: Lexicons | None = None) -> list[Claim]:
    """A figure the document states again ("the 8,500 American troops", then "those
    8,500 troops") counts the same forces: a statement that names no side, or only
    guesses it from its context (`_SIDE_GUESSED`), takes the side of the nearest
    one that reads it from the text, with the flag "side_from_repeat". Run again over
    the joined pieces of a long article (`core.extract.articles.join_pieces`), it fills the
    sides a repeat in another piece reads."""
    lex = lex or lexicons()

    def kind(claim: Claim) -> str:
        return lex.units.get(claim.unit.lower(), ("", ""))[0]

    def read(claim: Claim) -> bool:       # (a nearby name's side is flagged past the first run)
        return bool(claim.side) and _SIDE_GUESSED not in claim.flags and NEARBY_SIDE_FLAG not in claim.flags

    out = []
    for claim in claims:
        if not read(claim) and claim.value is not None:
            same = [c for c in claims if read(c) and c.value == claim.value and c.category == claim.category
                    and kind(c) == kind(claim)]
            if same:
                nearest = min(same, key=lambda c: abs(c.start - claim.start))
                # flagged when the repeat changes the side or reads the one only a nearby name gave
                flags = tuple(f for f in claim.flags if f != NEARBY_SIDE_FLAG)
                if nearest.side != claim.side or NEARBY_SIDE_FLAG in claim.flags:
                    flags += ("side_from_repeat",)
                claim = dataclasses.replace(claim, side=nearest.side, flags=flags)
        out.append(dataclasses.replace(claim, flags=tuple(f for f in claim.flags if f != _SIDE_GUESSED)))
    return out


def _same_figure(first: Claim, second: Claim) -> bool:
    """The same count of the same thing; sides agree, or one of them is not known."""
    return ((first.value, first.low, first.high, first.unit, first.category)
            == (second.value, second.low, second.high, second.unit, second.category)
            and (first.side == second.side or not first.side or not second.side))


def without_headline_repeats(claims: Sequence[Claim], *, headings: Sequence[tuple[int, int, int]]) -> list[Claim]:
    """The claims, less any in a heading whose figure the text under it states again: one
    figure counts once in an article, and once in a live blog's entry. Each heading is
    (start, end, end of the text under it): the article's headline, text before its end
    (`core.read.ingest.headline_span`) over the whole text, and each entry heading
    (`core.read.ingest.entry_headings`) over its entry. The body's claim is kept (it has
    the context)."""
    def repeated(claim: Claim) -> bool:
        return any(start <= claim.start < end and any(end <= c.start < under and _same_figure(claim, c) for c in claims)
                   for start, end, under in headings)
    return [c for c in claims if not repeated(c)]


def _claims_in(doc: Doc, *, published: date | None, timexes: Sequence[Timex], settings: Settings,
               lex: Lexicons, voices: Voices) -> Iterator[Claim]:
    speakers: list[Speaker] = []
    recent_sides: list[tuple[int, str, str]] = []     # (sentence index, side, the force's noun)
    labels = {turn.start for turn in voices.turns}
    # a speaker's label is a sentence of its own (`core.extract.pipeline`), not one the distances count
    sentences = [s for s in doc.sents if s.start_char not in labels or not s.text.rstrip().endswith((":", "Q"))]
    back = {i: name for i, sent in enumerate(sentences) if sent[0].tag_ and may_attribute_back(sent, lex)
            for name in [attributed_back(sent, [], lex)] if name}
    quoted = quoted_speakers(sentences, lex, voices)
    news = not voices.turns and not voices.voice and not publisher_side(voices.home)   # an outlet's report
    last_unit: tuple[int, Unit] | None = None      # the last unit counted, and in which sentence
    counted: dict[float, Unit] = {}      # each value counted so far, with its unit ("the 7,000" refers to it)
    counted_figures: set[str] = set()    # ... and as written
    last_claimed: tuple[int, str] | None = None   # the sentence and claimant of the last claim
    for index, sent in enumerate(sentences):
        claims_from = len(recent_sides)
        before = sentences[index - 1] if index else None
        if might_hold_claims(sent, lex) or last_unit is not None and last_unit[0] == index - 1 \
                or may_refer_to_count(sent, before, counted_figures, lex):
            previous_unit: Unit | None = None       # the last unit counted in this sentence
            earlier_unit = last_unit[1] if last_unit is not None and last_unit[0] == index - 1 else None
            quoted_by, quoted_home = quoted.get(index, ("", ""))
            for figure in find_figures(sent, lex=lex):
                try:
                    found = _claim_for(figure, sent, index, speakers=speakers, recent_sides=recent_sides,
                                       previous_unit=previous_unit, earlier_unit=earlier_unit,
                                       published=published,
                                       timexes=timexes, lex=lex, settings=settings, voices=voices,
                                       stated_by=quoted_by
                                       or next((back[j] for j in range(index, index + RETRO_REACH + 1)
                                                if j in back), "")
                                       or still_speaking(speakers, sentences, index, lex,
                                                          voices.turn_start(sent.start_char), news=news),
                                       quoted_home=quoted_home, before=before, counted=counted,
                                       whole_claimant=last_claimed[1] if last_claimed is not None
                                       and index - last_claimed[0] <= _PART_REACH else None)
                except Exception:  # one bad candidate must not stop the article
                    log.exception("skipping figure %r", text_of(doc)[figure.start:figure.end])
                    continue
                if found is not None:
                    claim, previous_unit = found
                    last_unit = (index, previous_unit)
                    if figure.value is not None:
                        counted[figure.value] = previous_unit
                        counted_figures.add(text_of(doc)[figure.start:figure.end])
                    if claim.side and NEARBY_SIDE_FLAG not in claim.flags:   # a nearby name is not passed on
                        recent_sides.append((index, claim.side, _unit_key(claim.unit)))
                    last_claimed = (index, claim.claimant)
                    yield claim
        # a figure's side says more than a force the sentence mentions: "Ukrainian forces
        # eliminated 760 occupiers" leaves the occupiers' side for the next sentence to inherit
        recent_sides[claims_from:claims_from] = [(index, side, noun) for side, noun in _force_mention_sides(sent, lex)]
        speakers.extend(speakers_in(sent, speakers, lex))


_PART_REACH = 1       # sentences back a part ("Of those, 300 ...") finds the count it is a part of


def _unit_key(unit: str) -> str:
    """A unit by its last word: "military aircraft" and "aircraft" count the same thing."""
    return unit.lower().split()[-1] if unit.strip() else ""


def _claim_for(figure: Figure, sent: Span, index: int, *, speakers: list[Speaker],
               recent_sides: list[tuple[int, str, str]], previous_unit: Unit | None, published: date | None,
               timexes: Sequence[Timex], lex: Lexicons, settings: Settings,
               voices: Voices = Voices(), stated_by: str = "", quoted_home: str = "",
               earlier_unit: Unit | None = None, before: Span | None = None,
               counted: dict[float, Unit] | None = None,
               whole_claimant: str | None = None) -> tuple[Claim, Unit] | None:
    """The claim a figure makes and the unit it counts, or None if it is no claim.
    `stated_by`: who a later "This was stated by X" names, for a figure no sentence attributes;
    `quoted_home`: the side of the speaker of the quotation the figure is in, if known;
    `before`: the sentence before; `counted`: the units of the values counted so far;
    `whole_claimant`: the claimant of the last claim, when it is in this sentence or the one
    before (a part of that count, "Of those, 300 ...", is theirs too), else None."""
    doc = sent.doc
    span = span_at(doc, figure.start, figure.end)
    if span is None:
        return None
    number = span.root
    # "Are the 900 on top of the 2,000?": a figure made definite counts what the same figure counted
    # before, ahead of the noun the sentence's last count left out
    repeated = known_count_unit(number, figure, before, counted, lex) if counted and figure.value in counted else None
    # a tally's item names what its count counts ("tanks – 739, armoured combat vehicles – 1,964"), whatever the parse
    item = tally_item(figure, doc)
    unit = (tally_unit(item, doc, lex) or unit_for(figure, doc, lex) or repeated
            or carried_unit(figure, number, previous_unit, lex)
            or others_unit(number, previous_unit)
            or referred_unit(number, previous_unit or earlier_unit, lex) or fronted_partitive_unit(number, lex)
            or opening_subject_unit(figure, number, earlier_unit, lex) or counted_again_unit(number, earlier_unit, lex)
            or known_count_unit(number, figure, before, counted or {}, lex))
    if unit is None:
        return None
    if unit.kind == "casualty" and unit.text in ELLIPTIC_CASUALTY and unit.token.i == number.i + 1:
        if previous_unit is not None and previous_unit.kind == "personnel":
            # "498 servicemen had been killed and 1,597 wounded": the wounded are servicemen too
            unit = dataclasses.replace(unit, text=previous_unit.text, flags=unit.flags + ("unit_carried",))
        elif counts_civilians_before(number, lex):
            return None                 # "11 people were killed and 64 wounded": people too
    figure = read_post_unit_cue(figure, unit, text_of(doc))
    category, category_flags = category_of(unit, lex)
    # an item of a tally of losses ("The total combat losses of the enemy ... : tanks — 3,924 (+15)")
    tallied_losses = tally_losses(item[0], sent) if item is not None else None
    if tallied_losses is not None and category == "force_size":
        category, category_flags = ("force_size", (*category_flags, "losses")) if unit.kind == "equipment" \
            else ("killed", category_flags)
    served = force_served(unit.token, lex) if unit.kind in ("people", "serving") else None
    if unit.kind in ("people", "serving") and category == "force_size" and served is None:
        return None                     # "the low thousands" of civilians is not a force
    if unit.kind == "serving" and category != "force_size":
        return None                     # "40 women were killed": no force is counted
    if not_a_claim(number, unit, lex):
        return None
    if is_increment(number, unit, lex):
        category_flags += ("change",)
    claimant, claimant_head = claimant_of(number, sent, speakers, lex)
    if claimant_head is not None:
        claimant_head = antecedent(claimant_head)     # "Armenia's defence ministry, which said ..."
    claimant = voices.holder_of(claimant) or claimant          # "the President said ..."
    if claimant_head is not None and any(c.dep_ == "poss" and c.lower_ in ("our", "my")
                                         for c in claimant_head.children):
        claimant, claimant_head = "", None      # "according to our data": the one who speaks
    elif claimant.istitle() and " " not in claimant:
        claimant = full_name(claimant, doc, figure.start, lex)   # "Pistorius said", tagged as no person
    speaker, question, home = voices.at(figure.start)
    publisher = publisher_side(home)
    home = publisher or quoted_home
    if not home and claimant_head is not None and quoted_in(figure, sent):
        home = described_side(claimant_head, lex)   # "'Our forces destroyed 13 tanks,' the Russian ministry said"
    if question:
        category_flags += ("question",)
        answerer = voices.answerer(figure.start)
        if answerer and claimant_head is not None and claimant_head.lower_ == "you" \
                and claimant_head.head.tag_ in ("VBD", "VBN"):
            # "Q: General Milley, last week you said that 100,000 ...": the one asked said it; not
            # "do you believe that there are 100,000 troops ...?", which asks
            claimant, claimant_head = answerer, None
    if not claimant and not question and whole_claimant is not None and counts_a_part(number, lex):
        claimant = whole_claimant           # "Of the aircraft, 111 crossed ..."
    if not claimant:
        claimant = speaker if question else (stated_by or speaker)
        claimant = voices.holder_of(claimant) or claimant       # "The Head of State thanked ... for 3,615 ..."
    claimant_tokens = {t.i for t in claimant_head.subtree} if claimant_head is not None else set()
    # the source as named in full: "the ministry" after "the Russian Defence Ministry"
    source = resolved_source(claimant_head, lex) if claimant_head is not None else None
    source_side = claimant_side(source, lex, voices.country_of)
    # whose enemy "the enemy" is; when the fuller name says no side, the short one's ("our soldiers
    # captured 17 enemy tanks, the command said" after "the Operational Command East")
    speaking = home or voice_side(source, lex, voices.country_of) or (
        voice_side(claimant_head, lex, voices.country_of) if source is not claimant_head else "")
    # whom a reporter's question addresses: the side whose briefing or interview it is ("you", "your army")
    addressee = publisher_side(voices.home) if question else ""
    # the deployer's side, read when first asked for and then kept: for fighters another state
    # sends (`proxy_side`) and in its own place in the chain
    sender = functools.cache(lambda: deployer_side(unit.token, lex, claimant=source, home=home,
                                                   people=voices.country_of, addressee=addressee))
    side = (
        figure_owner_side(number, lex)
        or proxy_side(unit.token, lex, sender)
        or explicit_side(unit.token, span, lex)
        or (losses_side(tallied_losses, speaking, lex, voices.country_of) if tallied_losses is not None else "")
        or command_side(unit.token, lex)
        or fights_for_side(unit.token, lex)
        or joined_side(unit.token, lex, home)
        or passive_deployment_side(unit, lex, publisher)
        or enemy_side(unit.token, speaking, lex)
        or loss_owner_side(unit.token, speaking, lex, voices.country_of)
        or loser_side(unit.token, speaking, lex, voices.country_of, addressee)
        or (recipient_of_transfer(unit.token, lex, speaking) or receiver_subject_side(unit.token, lex, speaking)
            if unit.kind == "equipment" else "")
        or sender()
        or attack_side(unit.token, lex)
        or assailant_side(unit.token, lex)
        or (carrier_side(unit.token, lex) if unit.kind == "equipment" else "")
        or accompanying_side(unit.token, lex, home or source_side)
        or resized_side(unit.token, lex, home, voices.country_of)
        or (unit.side if not unit.side_guessed else "")      # "150,000 troops, up from 100,000"
        # "Russian troops ... all 180,000 of them"
        or (phrase_side(unit.antecedent, lex) if unit.antecedent is not None else "")
        or own_side(unit.token, source, lex, voices.country_of,
                    trailing=claimant_head is not None and claimant_head.i > unit.token.i)
        or (among_side(unit.token, source, lex, voices.country_of) if unit.kind == "casualty" else "")
        or speakers_own_side(unit.token, claimant_head, home)
        or named_own_force(unit.token, home)
        or (recipient_side(unit.token, home or source_side, lex) if unit.kind == "equipment" else "")
        or holder_side(unit.token, lex)
        or estimated_side(unit.token, lex, voices.country_of)
        or exercise_side(unit.token, lex)
        or (named_own_force(served, home) or phrase_side(served, lex) if served is not None else "")
    )
    inflicter = inflicted(unit.token, lex) if category != "force_size" or "losses" in category_flags else None
    inflicting = inflicting_side(inflicter, lex, home or source_side) if inflicter is not None else ""
    def guesses() -> Iterator[str]:
        yield unit.side                       # the guess made for the figure whose noun this one shares
        yield lex.adversaries.get(inflicting, "")
        if unit.kind == "equipment" and "losses" in category_flags and claimant_head is None \
                and lost_to_no_one_named(unit.token, lex):
            # a side's own report that equipment "was shot down", naming no one: its enemy's
            yield lex.adversaries.get(home, "")
        if category == "force_size":
            yield clause_side(unit.token, sent, claimant_tokens, lex)
            yield border_side(unit.token, lex)
        if category == "captured" and unit.kind != "casualty":
            # "1,730 fighters have surrendered, Russia's ministry said"; not "the release of 215 prisoners"
            yield lex.adversaries.get(source_side or home, "")
        yield inherited_side(index, recent_sides, unit.text, lex)
        yield source_side
        if category == "force_size" and claimant_head is None and not question \
                and voices.in_turn(figure.start):      # a labelled turn, not an address
            yield speakers_forces_side(unit.token, unit.kind, home, lex)
        if category != "force_size":
            yield home if claimant_head is None else ""
            yield reporting_body_side(claimant_head, lex)

    # the first guess that is not the inflicter's own ("the RSF said it had captured 31 officers"), nor,
    # for irregular fighters a state's voice counts, that state's ("the army said it had neutralised 20
    # terrorists": not the army's own)
    not_theirs = {inflicting}
    if irregular_noun(unit.text, lex):
        not_theirs |= {s for s in (home, source_side) if s and s not in lex.groups}
    guessed = next((g for g in guesses() if g and g not in not_theirs), "") \
        if not side and not (category == "force_size" and names_joint_forces(sent, lex)) else ""
    if not side and not guessed:
        # the last guess, flagged as such: the side named nearest the figure
        guessed = nearby_named_side(unit.token, sent, claimant_tokens, lex,
                                    losses=category != "force_size" or "losses" in category_flags)
        guessed = "" if guessed in not_theirs else guessed
        category_flags += (NEARBY_SIDE_FLAG,) if guessed else ()
    if guessed:
        side = guessed
        category_flags += (_SIDE_GUESSED,)
    figure_tokens = {t.i for t in span} | {unit.token.i}
    claim_date, as_of = dates_of(figure_tokens, sent, timexes, published)
    claim = _build_claim(
        figure, unit, sent, side=side, claimant=claimant, category=category,
        flags=category_flags, location=location_of(unit.token, sent, lex),
        claim_date=claim_date, as_of=as_of, settings=settings,
    )
    # the unit carries on the side read or guessed for it, not a name that only stood nearby
    nearby = NEARBY_SIDE_FLAG in category_flags
    return claim, dataclasses.replace(unit, side="" if nearby else side, side_guessed=bool(guessed))
