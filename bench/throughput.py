"""Extraction throughput against bare NER-only `nlp.pipe`, same text, same process count.

    python bench/throughput.py [--articles N] [--processes 1 2]

Measured, never asserted in tests (issue 7's targets: ratio >= 0.7, 1->2 scaling >= 1.6).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_articles  # noqa: E402

from core.extract import iter_extracted  # noqa: E402
from core.nlp import build_ner_only_pipeline, build_pipeline  # noqa: E402
from core.records import Article  # noqa: E402


def _articles(n: int, seed: int) -> list[Article]:
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
    args = parser.parse_args(argv)
    articles = _articles(args.articles, args.seed)
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


if __name__ == "__main__":
    main()
