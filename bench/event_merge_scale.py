"""Merging the event mentions of N stored articles (default 10,000) into events, timed.

    .venv/bin/python -m bench.event_merge_scale [--articles 10000] [--seed 0] [--sample 30] [--corpus DIR]

Set-up (not timed): `--sample` documents of the seed corpus, evenly spread over
it, are extracted once (`core.extract.articles.extract_articles` + `core.combine.assemble.assemble`)
and the rows `assemble` hands to `core.combine.events.build_events` are kept, with its
`Who`. They are copied to N articles: each copy has a new article id and
mention ids, a publication date drawn in Nov 2021 - Mar 2022 with its mentions'
event dates shifted by the same days, its side and source kept, and a few
words of each sentence replaced by words of the sample (so the TF-IDF vectors
of two copies are alike, not identical).

Timed, one run each: `core.combine.event_merge.merge` alone, then `core.combine.events.build_events`
(which merges again and builds the rows). Printed: articles, mentions, events,
events per article, seconds, peak memory. Issue 15's target: the merge of
10,000 articles under a minute on this 2-CPU machine. Measured, never asserted.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / "seeds" / "ukraine-2021-22"
FIRST_DAY, LAST_DAY = date(2021, 11, 1), date(2022, 3, 31)
TARGET_SECONDS = 60.0
# The share of a sentence's words replaced in each copy.
PERTURB_SHARE = 0.1


def sample_rows(corpus: Path, n_documents: int) -> tuple[list[dict[str, Any]], Any, int]:
    """(the rows `assemble` passes to build_events, its Who, documents read) for
    `n_documents` of the corpus, evenly spread over it."""
    import core.combine.assemble as assemble_mod
    import core.combine.events as events_mod
    import core.extract.articles as extract_mod
    from core.extract.actors import load_dictionary
    from core.extract.pipeline import build_pipeline
    from core.read.corpus import dictionary_path_for
    from core.read.ingest import read_corpus

    files = sorted(corpus.glob("*.txt"))
    files = [f for f in files if not f.name.upper().startswith(("README", "NOTICE"))]
    step = max(1, len(files) // max(1, n_documents))
    chosen = files[::step][:n_documents]
    articles = read_corpus(chosen).articles
    entries = tuple(load_dictionary(dictionary_path_for([corpus]))[0])
    results = extract_mod.extract_articles(articles, nlp=build_pipeline, entries=entries)
    captured: dict[str, Any] = {}
    real = assemble_mod.events_mod.build_events

    def capture(rows, *, who, corrections=()):
        captured["rows"], captured["who"] = [dict(r) for r in rows], who
        return real(rows, who=who, corrections=corrections)

    assemble_mod.events_mod.build_events = capture
    try:
        assemble_mod.assemble(articles, results, entries=entries)
    finally:
        assemble_mod.events_mod.build_events = real
    assert events_mod.build_events is real
    return captured["rows"], captured["who"], len(articles)


def replicate(rows: list[dict[str, Any]], n_articles: int, seed: int) -> list[dict[str, Any]]:
    """Rows for `n_articles` copies of the sample's articles (see the module's docstring)."""
    from core.combine.event_merge import mention_id

    rng = random.Random(seed)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(row)
    originals = sorted(by_article)
    vocabulary = sorted({w for r in rows for w in re.findall(r"[A-Za-z]{4,}", r["sentence"])})
    days = (LAST_DAY - FIRST_DAY).days
    out: list[dict[str, Any]] = []
    for copy in range(n_articles):
        source_id = originals[copy % len(originals)]
        article_id = f"{source_id[:10]}-{copy:06d}"
        group = by_article[source_id]
        published = group[0]["published"] or FIRST_DAY
        shift = FIRST_DAY + timedelta(days=rng.randrange(days + 1)) - published
        sentences: dict[str, str] = {}
        for row in group:
            sentence = row["sentence"]
            if sentence not in sentences:
                words = sentence.split()
                for _ in range(max(1, round(PERTURB_SHARE * len(words)))):
                    words[rng.randrange(len(words))] = rng.choice(vocabulary)
                sentences[sentence] = " ".join(words)
            new = dict(row)
            new.update(
                article_id=article_id, sentence=sentences[sentence],
                published=row["published"] + shift if row["published"] else None,
                date_start=row["date_start"] + shift if row["date_start"] else None,
                date_end=row["date_end"] + shift if row["date_end"] else None,
                agents=list(row["agents"]), patients=list(row["patients"]), actors=list(row.get("actors") or []),
                mention_id=mention_id(article_id, row["trigger_start"], row["trigger_end"], row["lemma"]),
            )
            out.append(new)
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024      # kB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample", type=int, default=30, help="seed documents extracted for the set-up")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.txt")):
        print(f"skipped: no corpus documents in {args.corpus}")
        return 0

    from core.combine.event_merge import merge
    from core.combine.events import _merge_input, build_events

    started = time.perf_counter()
    sample, who, n_documents = sample_rows(args.corpus, args.sample)
    if not sample:
        print(f"skipped: no event mentions in the {n_documents} sampled documents")
        return 0
    rows = replicate(sample, args.articles, args.seed)
    print(f"set-up: {n_documents} seed documents extracted, {len(sample):,} mentions, copied to "
          f"{args.articles:,} articles in {time.perf_counter() - started:.1f} s (not timed below)")
    print(f"CPUs: {os.cpu_count()}; articles {args.articles:,}; mentions {len(rows):,} "
          f"({len(rows) / args.articles:.1f} per article); seed {args.seed}")
    before = _peak_mb()

    inputs = [_merge_input(r, who) for r in rows]
    start = time.perf_counter()
    merged = merge(inputs)
    merge_seconds = time.perf_counter() - start
    print(f"core.combine.event_merge.merge: {len(merged.events):,} events, "
          f"{len(merged.events) / args.articles:.2f} events per article, {merge_seconds:.1f} s "
          f"(target: under {TARGET_SECONDS:.0f} s for 10,000 articles on 2 CPUs)")
    del merged, inputs

    start = time.perf_counter()
    events, mentions = build_events(rows, who=who)
    build_seconds = time.perf_counter() - start
    print(f"core.combine.events.build_events: {len(events):,} events, {len(events) / args.articles:.2f} events per article, "
          f"{len(mentions):,} mentions, {build_seconds:.1f} s "
          f"(target: under {TARGET_SECONDS:.0f} s for 10,000 articles on 2 CPUs)")
    print(f"peak memory (process, with the set-up's spaCy model): {_peak_mb():,.0f} MB; "
          f"{max(0.0, _peak_mb() - before):,.0f} MB more than after the set-up")
    return 0


if __name__ == "__main__":
    sys.exit(main())
