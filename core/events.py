"""Sentences to events: when, who, where, and what kind of happening.

An event is a sentence that names at least one actor or holds a claim. Its
date is the first anchored DATE/TIME expression in the sentence; failing
that, the article's publication date (`date_source="publication"`). The
event type comes from the sentence's main verb, else its other lemmas, via `core/data/event_types.csv`.
"""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from core.records import Timex

_EVENT_TYPES_CSV = Path(__file__).parent / "data" / "event_types.csv"
DEFAULT_EVENT_TYPE = "statement"
# Time expressions that place an event on the calendar; durations ("for
# weeks"), sets ("daily") and REF values ("now") do not.
_DATING_TYPES = ("DATE", "TIME")
# A sentence this short, or a question (a sub-heading in news copy), is not an event.
_MIN_EVENT_WORDS = 4


@lru_cache(maxsize=1)
def event_lexicon() -> dict[str, tuple[str, int]]:
    """lemma → (event type, priority)."""
    lexicon: dict[str, tuple[str, int]] = {}
    with _EVENT_TYPES_CSV.open(encoding="utf-8") as handle:
        rows = csv.reader(line for line in handle if line.strip() and not line.startswith("#"))
        for lemma, event_type, priority in rows:
            lexicon[lemma.lower()] = (event_type, int(priority))
    return lexicon


def classify(lemmas: Iterable[str], *, root: str | None = None) -> str:
    """The sentence's event type.

    The main verb decides when the lexicon knows it ("He *warned* that Moscow
    could attack" is a warning, not an attack); otherwise the highest-priority
    lemma anywhere in the sentence ("Johnson plans to hold *talks*").
    """
    lexicon = event_lexicon()
    if root and root.lower() in lexicon:
        return lexicon[root.lower()][0]
    best = (DEFAULT_EVENT_TYPE, 0)
    for lemma in lemmas:
        found = lexicon.get(lemma.lower())
        if found and found[1] > best[1]:
            best = found
    return best[0]


# Regular English inflections of a lemma: (suffix to strip, suffix to add).
_INFLECTIONS = (("", "s"), ("", "es"), ("", "ed"), ("", "d"), ("", "ing"), ("e", "ing"),
                ("y", "ies"), ("y", "ied"))


@lru_cache(maxsize=4)
def lexicon_forms(exceptions: tuple[tuple[str, str], ...] = ()) -> frozenset[str]:
    """Lower-cased word forms whose lemma may be in the lexicon: each lemma, its
    regular inflections (a doubled final consonant too: "shelled"), and the
    irregular forms in `exceptions` ((form, lemma) pairs, from the lemmatizer's
    tables: "fought", "flew"). A sentence with none of them is a "statement"
    whatever its parse: `classify` needs no lemmas or tree for it."""
    lexicon = event_lexicon()
    forms = set(lexicon)
    for lemma in lexicon:
        for strip, add in _INFLECTIONS:
            if lemma.endswith(strip):
                forms.add(lemma[: len(lemma) - len(strip)] + add)
        forms.update(lemma + lemma[-1] + add for add in ("ed", "ing", "er"))
    forms.update(form.lower() for form, lemma in exceptions if lemma.lower() in lexicon)
    return frozenset(forms)


def is_event_sentence(text: str) -> bool:
    stripped = text.strip()
    return len(stripped.split()) >= _MIN_EVENT_WORDS and not stripped.endswith("?")


@dataclass(frozen=True)
class EventDate:
    date_start: date | None
    date_end: date | None
    text: str
    value: str
    source: str              # "explicit" or "publication"


def date_event(timexes_in_sentence: Sequence[Timex], published: date | None) -> EventDate:
    """The event's date: its own anchored time expression, else publication."""
    for timex in timexes_in_sentence:
        if timex.type in _DATING_TYPES and timex.date_start is not None:
            return EventDate(timex.date_start, timex.date_end, timex.text, timex.value, "explicit")
    if published is not None:
        return EventDate(published, published, "", published.isoformat(), "publication")
    return EventDate(None, None, "", "", "publication")


def event_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:12]
