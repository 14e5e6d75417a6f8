"""The terms every step of time-expression normalisation shares: the tenses a
verb gives an expression, the TIMEX3 types, the `Normalised` reading of an
expression, and the `Context` a recogniser reads one in. No spaCy, no rules."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

# Tense of the verb that governs the expression, as read by core.extract.timex.tense.
PAST = "PAST"
PRESENT = "PRESENT"
FUTURE = "FUTURE"
NO_TENSE = ""

DATE, TIME, DURATION, SET = "DATE", "TIME", "DURATION", "SET"
UNRESOLVED_DATE = "XXXX-XX-XX"


@dataclass(frozen=True)
class Normalised:
    """The TIMEX3 reading of one expression."""

    type: str
    value: str
    date_start: date | None = None
    date_end: date | None = None


@dataclass(frozen=True)
class Context:
    """What a recogniser reads besides the words: the arguments of `normalise`
    (core.extract.timex.normaliser), with `prev_word` the preposition before the head if
    the words held one."""

    dct: date | None
    tense: str
    anchor: date | None
    prev_word: str
    date_order: str
    anchor_value: str = ""
    next_word: str = ""
    quarter_value: str = ""
    sentence_value: str = ""


# A recogniser: the cleaned words of an expression in their context -> its reading,
# or None if they are not the kind of expression it reads.
Recogniser = Callable[[str, Context], Normalised | None]
