"""Digests of what the extraction produces, to show a speed-up changed nothing.

    python -m bench.extraction_digest [--articles 300] [--seed 3]

Runs the extraction pipeline over a synthetic corpus (`bench/make_corpus.py`) and
the embedded seed articles, and prints two SHA-1 digests:

- results: every article's `ArticleResult` as JSON (time expressions, claims,
  actor and place mentions, sentences with their event types);
- annotations: every token's tag, POS, morphology, lemma, dependency, head,
  entity and sentence start, as the pipeline leaves them before extraction.

Run it at two commits (`git worktree add`) and compare: equal digests mean the
same output on these articles. Nothing is asserted here.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from bench.throughput import synthetic_articles
from core.extract.articles import iter_extracted
from core.extract.model import EXTRACT_COMPONENT
from core.extract.pipeline import build_pipeline
from core.read.ingest import read_corpus

REPO = Path(__file__).resolve().parents[1]
def _token_line(token) -> str:
    return (f"{token.i}|{token.tag_}|{token.pos_}|{token.morph}|{token.lemma_}|{token.dep_}|{token.head.i}|"
            f"{token.ent_iob_}{token.ent_type_}|{token.is_sent_start}\n")


def digests(articles) -> tuple[str, str]:
    nlp = build_pipeline()
    results = [result.to_json() for _article, result in iter_extracted(articles, nlp=nlp)]
    annotations = hashlib.sha1()
    with nlp.select_pipes(disable=[EXTRACT_COMPONENT]):
        for doc in nlp.pipe(article.text for article in articles):
            for token in doc:
                annotations.update(_token_line(token).encode())
    encoded = json.dumps(results, sort_keys=True, default=str).encode()
    return hashlib.sha1(encoded).hexdigest(), annotations.hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    # the ITV seed article, as before seeds/ also held the 100-document corpus: digests stay comparable
    seed = REPO / "seeds" / "2022-02-13_itv_deterrence-and-diplomacy.txt"
    articles = synthetic_articles(args.articles, args.seed) + list(read_corpus([seed]).articles)
    results, annotations = digests(articles)
    print(f"{len(articles)} articles ({args.articles} synthetic, seed {args.seed}, plus the seed article)")
    print(f"results digest:     {results}")
    print(f"annotations digest: {annotations}")


if __name__ == "__main__":
    main()
