"""The corpus built in memory: files in, frames out, via the on-disk result cache.

The dashboard and the CLI's `ingest` keep the corpus in the store (`core.store.db`);
`build_frames` is the same reading, extraction and assembly without it, for
`python -m core extract` and for tests that compare the two.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Sequence

from core.combine.assemble import assemble
from core.extract.actors import load_dictionary
from core.extract.articles import extract_articles
from core.extract.pipeline import build_pipeline
from core.read.corpus import DEFAULT_CACHE_DIR, DEFAULT_CORPUS_DIR, CorpusResult, dictionary_path_for, pipeline_key
from core.read.ingest import read_corpus
from core.store.cache import ResultCache


def build_frames(
    paths: Sequence[Path] = (DEFAULT_CORPUS_DIR,),
    *,
    cache_dir: Path | None = DEFAULT_CACHE_DIR,
    published: date | None = None,
) -> CorpusResult:
    """Read, extract (or load cached results) and assemble the corpus frames."""
    ingested = read_corpus(paths, published=published)
    problems = [str(p) for p in ingested.problems]
    entries, dictionary_problems = load_dictionary(dictionary_path_for(paths))
    problems += dictionary_problems
    # Dictionary hits are part of each article's result, so the dictionary keys the cache too.
    version = pipeline_key(entries)
    cache = ResultCache(cache_dir, pipeline_version=version) if cache_dir else None
    results = extract_articles(ingested.articles, nlp=build_pipeline, entries=tuple(entries), cache=cache)
    for article, result in zip(ingested.articles, results):
        problems += [f"{article.path}: {error}" for error in result.errors]
    frames = assemble(ingested.articles, results, entries=tuple(entries))
    return CorpusResult(frames=frames, problems=tuple(problems), pipeline_version=version)
