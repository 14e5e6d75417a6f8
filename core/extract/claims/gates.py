"""Which sentences the claim rules read and parse: cheap tests on a sentence's
words before any parse (a number and a unit word, a reporting verb and a name, a
closing quotation mark), and the sentences chosen from them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from core.extract.claims.grammar import PRONOUNS_PERSON
from core.extract.claims.lexicons import Lexicons
from core.extract.claims.side_guesses import SENTENCE_WINDOW
from core.extract.claims.units import COUNT_NOUNS, KNOWN_COUNT_WORDS, OPENING_HEDGES, is_force_noun

# "This was stated by ...": a subject that stands for what came before.
BACK_PRONOUNS = frozenset({"this", "that", "it"})
QUOTE_CLOSE = re.compile(r'[,.!?\u2026]\s*["\u201d\'\u2019]\s+(?=\S)')   # '...," the President said': closes a quotation
_QUOTE_TAIL_CHARS = 120        # the longest '"..., the head of the ... said' after a closing quotation mark
QUOTE_REACH = 8              # sentences back from '...," X said.' its quotation may have opened
RETRO_REACH = 3              # sentences after a figure where "This was stated by X" may claim it
# A sentence that opens with a bare count or a part of the last one ("200,000 have been sent",
# "Of those, 33,000 ..."): it may count what the sentence before counted (`units.opening_subject_unit`)
# a sentence that opens with a number, after a hedge at most ("A further 14 were ..."), or "Of the"
OPENS_WITH_COUNT = re.compile(rf"\W*(?:(?:{'|'.join(sorted(OPENING_HEDGES))})\s+)*(?:\d|of th)", re.I)
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"      # a number in digits, "7,000" whole
# A number the talk may already know: "since the 7,000", "an additional 7,000" (a cheap test;
# `units.known_count_unit` reads the parse and leaves out percentages, years and numbers with a noun)
KNOWN_COUNT = re.compile(rf"\b(?:{'|'.join(KNOWN_COUNT_WORDS)})\s+({_NUMBER})\b", re.I)


def might_hold_claims(sent: Span, lex: Lexicons) -> bool:
    """Cheap gate before any parse reading: a digit or number word and a unit word."""
    lowered = {t.lower_ for t in sent}
    has_unit = any(word.split()[-1] in lowered for word in lex.units) or "toll" in lowered
    return has_unit and any(
        any(c.isdigit() for c in t.text) or t.lower_ in lex.numbers or t.lower_.rstrip("s") in lex.numbers
        for t in sent
    )


def known_counts(sent: Span) -> set[str]:
    """The numbers a sentence makes definite without a unit word ("since the 7,000")."""
    return set(KNOWN_COUNT.findall(sent.text))


def may_refer_to_count(sent: Span, before: Span | None, counted: set[str], lex: Lexicons) -> bool:
    """Cheap gate before any parse reading: "the 7,000 you refer to" may count a force
    when the same number was counted before, or a force noun is in this sentence or the one before."""
    numbers = known_counts(sent)
    return bool(numbers) and (bool(numbers & counted) or _has_force_noun(sent, lex)
                              or before is not None and _has_force_noun(before, lex))


def _has_force_noun(sent: Span, lex: Lexicons) -> bool:
    return any(is_force_noun(t, lex) for t in sent)


def _may_name_speaker(sent: Span, lex: Lexicons) -> bool:
    """A reporting verb with a person or a title in the sentence: "Ben Wallace said"."""
    reports = any((t.lemma_ or t.lower_).lower() in lex.reporting for t in sent)
    return reports and (any(e.label_ == "PERSON" for e in sent.ents)
                        or any(t.lower_.rstrip(".") in lex.titles for t in sent))


def sentences_to_parse(sentences: Sequence[Span], lex: Lexicons) -> set[int]:
    """Indices of the sentences whose parse the claim rules read:

    - each sentence with a candidate figure, or with a number that refers back to
      a count ("since the 7,000": `may_refer_to_count`);
    - force nouns in the `SENTENCE_WINDOW` sentences before one, whose side
      the figure may inherit ("Moscow's forces are massing. ... 130,000 troops");
    - when the candidate has a personal pronoun ("He warned ..."), the two
      nearest earlier sentences that may name a reporting person.

    Every other sentence stays unparsed: most sentences of an article.
    """
    chosen: set[int] = set()
    numbers: set[str] = set()       # the numbers of the sentences chosen so far
    for index, sent in enumerate(sentences):
        before = sentences[index - 1] if index else None
        if not (might_hold_claims(sent, lex) or may_refer_to_count(sent, before, numbers, lex)):
            continue
        chosen.add(index)
        numbers.update(re.findall(_NUMBER, sent.text))
        chosen.update(i for i in range(max(0, index - SENTENCE_WINDOW), index) if _has_force_noun(sentences[i], lex))
        if any(t.lower_ in PRONOUNS_PERSON for t in sent):
            earlier = [i for i in range(index - 1, -1, -1) if _may_name_speaker(sentences[i], lex)]
            chosen.update(earlier[:2])
        if index + 1 < len(sentences) and (OPENS_WITH_COUNT.match(sentences[index + 1].text)
                                           or _counts_again(sentences[index + 1])):
            chosen.add(index + 1)     # "... soldiers subdued Czechoslovakia. 200,000 have been sent ..."
        chosen.update(i for i in range(index + 1, min(len(sentences), index + RETRO_REACH + 1))
                      if may_attribute_back(sentences[i], lex))
        chosen.update(i for i in range(index + 1, min(len(sentences), index + QUOTE_REACH + 1))
                      if may_close_quote(sentences[i]))
    return chosen


def _counts_again(sent: Span) -> bool:
    """A number and a count noun with no unit ("put the number sent to Russia at 11,000"): the
    sentence may count what the one before counted (`units.carried_unit`)."""
    return any(t.lower_ in COUNT_NOUNS for t in sent) and re.search(_NUMBER, sent.text) is not None


def may_close_quote(sent: Span) -> bool:
    """ '... in the JFO area," the President said.' (before parsing): a quotation mark
    after the end of a quoted sentence, then a short tail that may report it."""
    found = QUOTE_CLOSE.search(sent.text)
    return found is not None and len(sent.text) - found.end() <= _QUOTE_TAIL_CHARS


def may_attribute_back(sent: Span, lex: Lexicons) -> bool:
    """ "This was announced by Adviser ... Oleksiy Arestovych at a briefing." (before parsing)."""
    words = [t for t in sent if not t.is_space]
    return bool(words) and words[0].lower_ in BACK_PRONOUNS and any(t.lower_ == "by" for t in words) \
        and _may_name_speaker(sent, lex)
