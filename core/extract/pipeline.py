"""Builds the spaCy pipeline, once per process.

`build_pipeline()` is the extraction pipeline, built for throughput: the
model's NER alone runs over every word (it has its own token vectors);
sentences come from punctuation and line breaks; then our time-expression
tagger; then our components (`core.extract.components`): `crisis_syntax`, which tags,
lemmatizes and parses only the sentences some rule reads syntax in, and last
`crisis_extract`, which runs the extractors inside the pipeline for a Doc that
carries its article (`core.extract.articles.iter_extracted`), and passes any other Doc through.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from core.extract import (
    components,  # noqa: F401 - registers our components' factories by name
    timex,
)
from core.extract.model import (
    EXTRACT_COMPONENT,
    EXTRACT_FACTORY,
    PARAGRAPH_COMPONENT,
    SYNTAX_COMPONENT,
    SYNTAX_FACTORY,
    load_model,
)

# The model's components that the bulk of the text skips (the NER has its own tok2vec).
_NOT_IN_BULK = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


@lru_cache(maxsize=2)
def build_pipeline() -> Language:
    """The extraction pipeline (see the module's docstring). Cached per process:
    loading the model costs about a second."""
    nlp = load_model(exclude=_NOT_IN_BULK)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(PARAGRAPH_COMPONENT, after="sentencizer")
    timex.add_to_pipeline(nlp)
    nlp.add_pipe(SYNTAX_FACTORY, name=SYNTAX_COMPONENT, last=True)
    nlp.add_pipe(EXTRACT_FACTORY, name=EXTRACT_COMPONENT, last=True)
    return nlp


def build_ner_only_pipeline() -> Language:
    """The model's NER alone (no paragraph or timex component): the baseline of `bench/throughput.py`."""
    return load_model(exclude=_NOT_IN_BULK)


@lru_cache(maxsize=1)
def build_unparsed_pipeline() -> Language:
    """The model without its parser: tagger, lemmatizer, NER, and sentence
    boundaries from the model's `senter` plus line breaks. Extractors that
    need syntax parse their own sentences (`core.extract.syntax.with_syntax`).

    Not yet the dashboard's pipeline: time expressions, actors and events
    still read the full parse in almost every sentence.
    """
    nlp = load_model(exclude=("parser",))
    nlp.enable_pipe("senter")
    nlp.add_pipe(PARAGRAPH_COMPONENT, after="senter")
    return nlp
