"""Time expressions: a spaCy component that finds them, and their TimeML values.

Two named steps, kept apart:

1. Finding (context-free, in the pipeline): `TimexTagger` (core.extract.timex.tagger)
   takes candidates from rules kept as data (core.extract.timex.matcher) and the
   model's DATE/TIME entities, and writes the typed spans to `doc.spans["timex"]`.
2. Normalising (needs the document date): `iter_timexes(doc, dct)`
   (core.extract.timex.document) reads the tense of the verb each span hangs from
   (core.extract.timex.tense), the last day and the last period resolved earlier in
   the text, and asks `normalise` (core.extract.timex.normaliser) for the value.

Normalisation is pure, no spaCy: core.extract.timex.normaliser tries one recogniser
after another, each kept with its kind (relative, durations, times, days,
quarters, parts, dates), on the words of core.extract.timex.lexicon, the calendar
arithmetic of core.extract.timex.periods and the terms of core.extract.timex.values.

Importing this package registers the component factory with spaCy.

Usage: `nlp = core.extract.pipeline.build_pipeline(); tag_text(nlp, text, dct)`.
"""
from core.extract.timex.document import iter_timexes, may_be_a_rate, tag_text
from core.extract.timex.normaliser import is_resolvable, normalise
from core.extract.timex.tagger import COMPONENT_NAME, TIMEX_SPAN_KEY, TimexTagger, add_to_pipeline
from core.extract.timex.values import FUTURE, NO_TENSE, PAST, PRESENT

__all__ = [
    "COMPONENT_NAME", "FUTURE", "NO_TENSE", "PAST", "PRESENT", "TIMEX_SPAN_KEY", "TimexTagger", "add_to_pipeline",
    "is_resolvable", "iter_timexes", "may_be_a_rate", "normalise", "tag_text",
]
