"""Places: the mentions of places in a Doc (named entities, known names NER missed,
a big city inside an organisation's name), not the capitals that stand for their
governments. Geocoding them is `core.extract.gazetteer`'s job.
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Span

from core.extract.actors import acts, metonyms
from core.extract.countries import country_for
from core.extract.gazetteer import (
    clean_place_name,
    gazetteer,
    is_known_place,
    place_names_matcher_terms,
    spans_outside_entities,
)
from core.records import Mention

# Labels NER gives places; PERSON and ORG are checked against the gazetteer,
# since the small model sometimes reads "Kyiv" or "Gatwick Airport" as a person.
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Political or vague names that are not points on a map.
_NOT_PLACES = {"the west", "west", "the east", "east", "the world", "world", "the region", "region"}
# A city inside an organisation's name ("the Dnipro Medical Institute") is a
# place only if it is a big one: small-town names collide with surnames.
_MIN_POPULATION_IN_NAME = 100_000


def _acts_as_government(span: Span) -> bool:
    """ "Moscow's forces", "Moscow said": a capital standing for its government."""
    return clean_place_name(span.text).lower() in metonyms() and acts(span)


def _city_inside(span: Span) -> Span | None:
    """A big city named inside an organisation's name: "the Dnipro Medical Institute"."""
    for token in span:
        if token.pos_ == "PROPN" and is_known_place(token.text, min_population=_MIN_POPULATION_IN_NAME,
                                                    primary_names_only=True) \
                and country_for(token.text) is None:
            return span.doc[token.i: token.i + 1]
    return None


def _surnames(doc: Doc) -> set[str]:
    """Surnames of the full person names in a doc: "Biden" tagged GPE after
    "Joe Biden", or "Raab" (a German name for Győr) after "Dominic Raab", is the person."""
    return {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}


def iter_place_mentions(doc: Doc) -> Iterator[Mention]:
    """Place names used as places (not as a government acting)."""
    sentence_of = {s.start: i for i, s in enumerate(doc.sents)} if doc.has_annotation("SENT_START") else {}
    surnames = _surnames(doc)
    unlabelled = [Span(doc, s.start, s.end, label="GPE") for s in spans_outside_entities(doc, place_names_matcher_terms())]
    for ent in sorted([*doc.ents, *unlabelled], key=lambda s: s.start):
        surface = clean_place_name(ent.text)
        span: Span | None = None
        if surface.lower() in _NOT_PLACES or surface.lower() in surnames:
            continue
        if ent.label_ in _PLACE_LABELS:
            if ent.label_ == "GPE" or is_known_place(surface):
                span = ent
        elif ent.label_ == "PERSON" and is_known_place(surface, min_population=_MIN_POPULATION_IN_NAME,
                                                        primary_names_only=True):
            span = ent
        elif ent.label_ in ("PERSON", "ORG") and surface.lower() in gazetteer():
            span = ent
        elif ent.label_ == "ORG":
            span = _city_inside(ent)
        if span is None or _acts_as_government(span):
            continue
        if clean_place_name(span.text).lower() in {"kremlin", "white house", "downing street"}:
            continue
        yield Mention(start=span.start_char, end=span.end_char, text=span.text, label=ent.label_,
                      sentence=sentence_of.get(span.sent.start, -1) if sentence_of else -1)
