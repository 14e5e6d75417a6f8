"""Which sentences the rules read syntax in.

The bulk pipeline is NER only (`core.extract.pipeline.build_pipeline`); the tagger, parser
and lemmatizer run on the sentences chosen here alone
(`core.extract.syntax.annotate_sentences`, called by `core.extract.components.SyntaxOnDemand`).
Each test is lexical and errs on the side of parsing.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Sequence, cast

from spacy.pipeline import Lemmatizer
from spacy.tokens import Span

from core.extract import actors as actors_mod
from core.extract import claims as claims_mod
from core.extract import countries as countries_mod
from core.extract import event_lexicon
from core.extract import timex as timex_mod
from core.extract.gazetteer import is_known_place
from core.extract.syntax import syntax_pipeline

# Entity labels that may name an actor (and so make a sentence an event).
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# A four-digit year: the expression's value does not hang on the verb's tense.
_YEAR = re.compile(r"\b(1[0-9]|20|21)\d\d\b")
# Months that are also verbs or modals: the time-expression rules read their tag.
_VERB_MONTHS = frozenset({"May", "March"})
_ROLE_WINDOW = 6     # tokens before a name that `actors._role_and_country` reads


@lru_cache(maxsize=1)
def _lemma_exceptions() -> tuple[tuple[str, str], ...]:
    """(irregular form, lemma) pairs from the model's lemmatizer tables."""
    lookups = cast(Lemmatizer, syntax_pipeline().get_pipe("lemmatizer")).lookups
    if not lookups.has_table("lemma_exc"):
        return ()
    table = lookups.get_table("lemma_exc")
    return tuple((form, lemma) for pos in table.keys() for form, lemmas in table[pos].items() for lemma in lemmas)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(word for title in actors_mod.titles() for word in title.split())


def _tense_matters(span: Span) -> bool:
    """A date or time without a year: a weekday, a month, a season reads the verb's tense."""
    return span.label_ in ("DATE", "TIME") and not _YEAR.search(span.text)


def _needs_syntax(sent: Span, sent_ents: Sequence[Span], sent_timexes: Sequence[Span], trigger_forms: frozenset[str],
                  metonyms: frozenset[str]) -> bool:
    """`sent_ents`: the sentence's entities (`sent.ents`); `sent_timexes`: the time expressions that start in it."""
    doc = sent.doc
    if any(t.text in _VERB_MONTHS for t in sent):
        return True                                   # "May" the month or the modal
    if any(_tense_matters(span) for span in sent_timexes):
        return True                                   # timex: the governing verb's tense
    if any(timex_mod.may_be_a_rate(span) for span in sent_timexes):
        return True                                   # "55 bcm of gas a year": the quantity's words
    ents = [e for e in sent_ents if e.label_ in _ACTOR_LABELS]
    lowered = {t.lower_ for t in sent}
    if not lowered.isdisjoint(metonyms):
        return True                                   # "Moscow said" or "flew to Moscow", tagged or not
    if not lowered.isdisjoint(trigger_forms):
        return True                                   # an event trigger: its part of speech, modality, roles
    for ent in ents:
        if ent.label_ == "PERSON":
            before = doc[max(sent.start, ent.start - _ROLE_WINDOW):ent.start]
            if any(t.lower_.rstrip(".") in _title_words() or countries_mod.country_for(t.text) for t in before):
                return True                           # a role or a country before the name
        if ent.label_ == "ORG" and any(t.text[:1].isupper() and is_known_place(t.text) for t in ent):
            return True                               # a city inside an organisation's name
    return False


def sentences_needing_syntax(sentences: Sequence[Span]) -> set[int]:
    """Indices of the sentences whose tags, lemmas or tree some rule reads:
    the claim rules' own choice (`core.extract.claims.sentences_to_parse`) and, for a
    claim with a pronoun, every earlier sentence that may name a person; a
    date or time whose value hangs on the tense; a word that may be an event
    trigger (`core.extract.event_lexicon.trigger_forms`); a metonym, a title or country before a
    person's name, a city inside an organisation's name."""
    if not sentences:
        return set()
    doc = sentences[0].doc
    lex = claims_mod.lexicons()
    chosen = set(claims_mod.sentences_to_parse(sentences, lex))
    ents_of = _per_sentence(sentences, doc.ents, whole=True)
    names_someone: list[bool] | None = None       # per sentence, worked out once when a claim needs it
    for index, sent in enumerate(sentences):
        if claims_mod.might_hold_claims(sent, lex) and any(t.lower_ in claims_mod.PRONOUNS_PERSON for t in sent):
            if names_someone is None:
                names_someone = [any(e.label_ == "PERSON" for e in ents_of[i])
                                 or any(t.lower_.rstrip(".") in lex.titles for t in sentences[i])
                                 for i in range(len(sentences))]
            chosen.update(i for i in range(index) if names_someone[i])
    timex_spans = list(doc.spans[timex_mod.TIMEX_SPAN_KEY]) if timex_mod.TIMEX_SPAN_KEY in doc.spans else []
    timexes_of = _per_sentence(sentences, sorted(timex_spans, key=lambda span: span.start), whole=False)
    trigger_forms = event_lexicon.trigger_forms(_lemma_exceptions())
    metonyms = frozenset(word for name in actors_mod.metonyms() for word in name.split())
    chosen.update(i for i, sent in enumerate(sentences)
                  if i not in chosen and _needs_syntax(sent, ents_of[i], timexes_of[i], trigger_forms, metonyms))
    return chosen


def _per_sentence(sentences: Sequence[Span], spans: Sequence[Span], *, whole: bool) -> list[list[Span]]:
    """For each sentence, the `spans` (sorted by start, not overlapping when `whole`) that start
    in it: with `whole`, those that also end in it, as `Span.ents` gives a sentence's entities.
    One pass over `spans` for all sentences, where `sent.ents` reads every entity of the
    Doc for each sentence (quadratic in a long Doc)."""
    starts = [span.start for span in spans]
    found: list[list[Span]] = []
    for sent in sentences:
        i, inside = bisect_left(starts, sent.start), []
        while i < len(spans) and spans[i].start < sent.end:
            if whole and spans[i].end > sent.end:
                break                    # Span.ents stops at the first entity that runs past the sentence
            inside.append(spans[i])
            i += 1
        found.append(inside)
    return found

