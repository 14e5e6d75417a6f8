"""Time expressions: a spaCy component that finds them, and their TimeML values.

Two named steps, kept apart:

1. Finding (context-free, in the pipeline): `TimexTagger` (core.timex.tagger)
   takes candidates from rules kept as data (core.timex.matcher) and the
   model's DATE/TIME entities, and writes the typed spans to `doc.spans["timex"]`.
2. Normalising (needs the document date): `iter_timexes(doc, dct)`
   (core.timex.document) reads the tense of the verb each span hangs from
   (core.timex.tense), the last day and the last period resolved earlier in
   the text, and asks `normalise` (core.timex.normaliser) for the value.

Normalisation is pure, no spaCy: core.timex.normaliser tries one recogniser
after another, each kept with its kind (relative, durations, times, days,
quarters, parts, dates), on the words of core.timex.lexicon, the calendar
arithmetic of core.timex.periods and the terms of core.timex.values.

Importing this package registers the component factory with spaCy.

Usage: `nlp = core.nlp.build_pipeline(); tag_text(nlp, text, dct)`.
"""
from core.timex.document import iter_timexes, tag_text
from core.timex.normaliser import is_resolvable, normalise
from core.timex.tagger import COMPONENT_NAME, TIMEX_SPAN_KEY, TimexTagger, add_to_pipeline
from core.timex.values import FUTURE, NO_TENSE, PAST, PRESENT

__all__ = [
    "COMPONENT_NAME", "FUTURE", "NO_TENSE", "PAST", "PRESENT", "TIMEX_SPAN_KEY", "TimexTagger", "add_to_pipeline",
    "is_resolvable", "iter_timexes", "normalise", "tag_text",
]
