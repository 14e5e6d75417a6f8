"""Where and when a claim is set: the place phrase nearest the force noun
("near Ukraine's borders") and the date of the time expression in its clause.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import islice

from spacy.tokens import Span, Token

from core.extract.claims.grammar import span_at
from core.extract.claims.lexicons import Lexicons
from core.records import Timex

_MAX_ANCESTOR_STEPS = 12  # heads read up from a time expression to find what it hangs off
_LOCATION_MAX = 8             # tokens between a force noun and its place phrase


def location_of(unit: Token, sent: Span, lex: Lexicons) -> str:
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


def dates_of(figure_tokens: set[int], sent: Span, timexes: Sequence[Timex],
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
        span = span_at(doc, timex.start, timex.end)
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
