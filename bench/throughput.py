"""Extraction throughput against bare NER-only `nlp.pipe`, same text, same process count.

    python -m bench.throughput [--articles N] [--processes 1 2] [--ceilings]

Measured, never asserted in tests (issue 7's targets: ratio >= 0.7, 1->2 scaling >= 1.6).

`--ceilings` also measures, in one process, what the ratio would be if fewer
sentences were tagged and parsed: only those with a troop figure (the claim
rules' own choice), and none at all. The results are then wrong (the other
rules read a flat tree); the figures are upper bounds for a redesign in which
event types, tenses and actor roles no longer need the parser.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import time
from datetime import date

from bench.make_corpus import make_articles
from core.extract.articles import iter_extracted
from core.extract.pipeline import build_ner_only_pipeline, build_pipeline
from core.records import Article


def synthetic_articles(n: int, seed: int) -> list[Article]:
    """`n` synthetic articles (`bench.make_corpus`) as the extractor reads them; the same for a seed."""
    return [Article(article_id=hashlib.sha1(text.encode()).hexdigest()[:16], text=text, title=meta["title"],
                    source=meta["source"], published=date.fromisoformat(meta["published"]), path=name)
            for name, text, meta in make_articles(n, seed)]


def _rate(words: int, run) -> float:
    start = time.perf_counter()
    run()
    return words / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--ceilings", action="store_true",
                        help="also the ratio with only claim sentences parsed, and with none (upper bounds)")
    args = parser.parse_args(argv)
    articles = synthetic_articles(args.articles, args.seed)
    texts = [a.text for a in articles]
    words = sum(a.words for a in articles)
    ours, bare = build_pipeline(), build_ner_only_pipeline()
    list(iter_extracted(articles[:3], nlp=ours))          # warm up: lexicons, the syntax model
    list(bare.pipe(texts[:3]))
    print(f"CPUs: {os.cpu_count()}; {len(articles)} articles, {words:,} words; batch size {args.batch_size}")
    print(f"ours: {ours.pipe_names}\nbare: {bare.pipe_names}")
    rates: dict[int, float] = {}
    for n in args.processes:
        mine = _rate(words, lambda: list(iter_extracted(articles, nlp=ours, n_process=n, batch_size=args.batch_size)))
        base = _rate(words, lambda: list(bare.pipe(texts, n_process=n, batch_size=args.batch_size)))
        rates[n] = mine
        print(f"n_process={n}: ours {mine:,.0f} words/s; bare NER-only nlp.pipe {base:,.0f} words/s; "
              f"ratio {mine / base:.2f}")
    if 1 in rates:
        for n in rates:
            if n != 1:
                print(f"scaling of ours 1->{n} processes: {rates[n] / rates[1]:.2f}x")
    if args.ceilings:
        print_ceilings(articles, texts, words, ours, bare, args.batch_size)


def _claim_sentences(sentences) -> set[int]:
    from core.extract import claims

    return set(claims.sentences_to_parse(sentences, claims.lexicons())) if sentences else set()


# Which sentences `crisis_syntax` tags and parses, for each bound.
CEILINGS = {"only sentences with a troop figure parsed": _claim_sentences, "no sentence parsed": lambda _s: set()}


def print_ceilings(articles, texts, words, ours, bare, batch_size: int) -> None:
    """The ratio with fewer sentences parsed, one process (the selection is patched in
    this process only). Upper bounds: the extraction's results are not what they should be."""
    from core.extract import syntax_demand

    chosen_now = syntax_demand.sentences_needing_syntax
    sentence_lists = [list(doc.sents) for doc in _unparsed_docs(ours, texts)]
    parsed = sum(len(chosen_now(sentences)) for sentences in sentence_lists)
    print(f"sentences tagged and parsed now: {parsed:,} of {sum(map(len, sentence_lists)):,}")
    try:
        for label, select in CEILINGS.items():
            syntax_demand.sentences_needing_syntax = select
            chosen = sum(len(select(sentences)) for sentences in sentence_lists)
            mine = _rate(words, lambda: list(iter_extracted(articles, nlp=ours, batch_size=batch_size)))
            base = _rate(words, lambda: list(bare.pipe(texts, batch_size=batch_size)))
            print(f"ceiling, {label} ({chosen:,} sentences): ours {mine:,.0f} words/s; "
                  f"bare {base:,.0f} words/s; ratio {mine / base:.2f}")
    finally:
        syntax_demand.sentences_needing_syntax = chosen_now


def _unparsed_docs(ours, texts):
    from core.extract.model import EXTRACT_COMPONENT, SYNTAX_COMPONENT

    with ours.select_pipes(disable=[SYNTAX_COMPONENT, EXTRACT_COMPONENT]):
        yield from ours.pipe(texts)


if __name__ == "__main__":
    main()
