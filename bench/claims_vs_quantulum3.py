"""Our troop-figure claims against quantulum3 on hand-written gold, every data set in one run.

    .venv/bin/python -m bench.claims_vs_quantulum3 [--data FILE ...] [--corpus DIR] [--errors]

Each FILE is a gold file in the `core.eval.claims_eval` format. By default, twenty-eight:
`tests/data/claims_dev.jsonl` to `tests/data/claims_dev24.jsonl` (news passages and, in the
fourth, fifth, eighth and fifteenth to twenty-second, official statements and transcripts, used
to develop the rules; the second to twenty-fourth written blind to them, then developed on, the
twenty-fourth, short news passages, not yet),
`tests/data/claims_holdout.jsonl` (news passages written blind to the rules,
never used to tune them), `tests/data/claims_corpus/dev.jsonl` (20 whole
documents of the corpus, used to develop the rules), `tests/data/claims_corpus/dev2.jsonl`
(the other 65 documents, written blind to the rules, then developed on) and
`tests/data/claims_corpus/test.jsonl` (15 other whole documents, held out: report
on them, never list their errors to tune on). Corpus items name a file under DIR,
default `seeds/ukraine-2021-22`; conventions in docs/claim-annotation.md. Each text goes
through our whole extraction (`extract_articles` then `assemble`, with the
dashboard's actor dictionary, so claimants are canonical actor
names and unattributed figures fall back to the source) and through
quantulum3's `parser.parse`. It prints, per data set, one row per system:

    system | (figure, unit) P R F1 | figure-only P R F1 | side | claimant | texts/s

Baseline: every quantity quantulum3 finds is a candidate claim. Its unit is
quantulum3's unit name, or, for a dimensionless count ("130,000 troops"),
the word that follows the number: quantulum3 has no notion of what a count
counts, so this is the most generous reading of it. It runs without its
optional scikit-learn classifier (the pickle it ships does not load with our
scikit-learn). It names neither side nor claimant. The figure-only columns
ignore the unit. Vague counts are left out on both sides (`claims_eval.scored`).
texts/s counts extraction only, after one warm-up call for each system. A corpus
document is assembled with the whole corpus, as the dashboard reads it, so a figure may
take its side from another document (`core.combine.shared_sides`); the rest of the
corpus is extracted once per run, before the timing (the first corpus set's warm-up).

--errors lists our misses and false alarms, except on the two held-out sets. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import logging
import re
import time
import warnings
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.eval.claims_eval import (
    ClaimScores,
    Found,
    gold_found,
    item_text,
    load_gold,
    match,
    same_claimant,
    same_side,
    score,
    scored,
    spelling_table,
)
from core.read.ingest import content_id, document_side
from core.records import Article

REPO = Path(__file__).resolve().parents[1]
_DATA = REPO / "tests" / "data"
HELD_OUT = frozenset({_DATA / "claims_holdout.jsonl", _DATA / "claims_corpus" / "test.jsonl"})
# --errors does not list the held-out sets: report, never tune
DEFAULT_DATA = (_DATA / "claims_dev.jsonl", _DATA / "claims_dev2.jsonl", _DATA / "claims_dev3.jsonl",
                _DATA / "claims_dev4.jsonl", _DATA / "claims_dev5.jsonl", _DATA / "claims_dev6.jsonl",
                _DATA / "claims_dev7.jsonl", _DATA / "claims_dev8.jsonl",
                _DATA / "claims_dev9.jsonl", _DATA / "claims_dev10.jsonl", _DATA / "claims_dev11.jsonl",
                _DATA / "claims_dev12.jsonl", _DATA / "claims_dev13.jsonl", _DATA / "claims_dev14.jsonl",
                _DATA / "claims_dev15.jsonl", _DATA / "claims_dev16.jsonl",
                _DATA / "claims_dev17.jsonl", _DATA / "claims_dev18.jsonl",
                _DATA / "claims_dev19.jsonl", _DATA / "claims_dev20.jsonl",
                _DATA / "claims_dev21.jsonl", _DATA / "claims_dev22.jsonl",
                _DATA / "claims_dev23.jsonl", _DATA / "claims_dev24.jsonl", _DATA / "claims_holdout.jsonl",
                _DATA / "claims_corpus" / "dev.jsonl", _DATA / "claims_corpus" / "dev2.jsonl",
                _DATA / "claims_corpus" / "test.jsonl")
DEFAULT_CORPUS = REPO / "seeds" / "ukraine-2021-22"
_NEXT_WORD = re.compile(r"\s*(?:-strong\s+)?([A-Za-z][A-Za-z-]*)")


def _article(item: dict[str, Any], corpus: Path) -> Article:
    """A passage as an article, speaking for its source as a corpus folder would read it; a
    corpus document as the corpus reads it (title, source, side)."""
    if "doc" in item:
        from core.read.ingest import read_corpus

        (article,) = read_corpus([corpus / item["doc"]]).articles
        return article
    return Article(
        article_id=content_id(item["id"] + item["text"]), text=item["text"], source=item["source"],
        published=date.fromisoformat(item["published"]), path=item["id"],
        side=document_side(item["id"], {"source": item["source"]}),     # as a corpus folder reads it: the source
    )


def ours(items: Sequence[dict[str, Any]], corpus: Path = DEFAULT_CORPUS) -> list[list[Found]]:
    """Our claims for each item. A passage is assembled alone. A corpus document is
    assembled with the whole corpus, as the dashboard reads it: a figure may take its side
    from another document of the corpus (`core.combine.shared_sides`). The items
    themselves are extracted here (what texts/s times); the rest of the corpus once per
    run (`_corpus_context`)."""
    from core.combine.assemble import assemble
    from core.extract.articles import extract_articles

    nlp, entries = _pipeline(corpus)
    articles = [_article(item, corpus) for item in items]
    results = extract_articles(articles, nlp=nlp, entries=entries)
    in_corpus = [(a, r) for item, a, r in zip(items, articles, results) if "doc" in item]
    corpus_claims = None
    if in_corpus:                       # the set's documents with the rest of the corpus, assembled once
        ids = {a.article_id for a, _ in in_corpus}
        others = [(a, r) for a, r in zip(*_corpus_context(corpus)) if a.article_id not in ids]
        everything = in_corpus + others
        corpus_claims = assemble([a for a, _ in everything], [r for _, r in everything], entries=entries).claims
    found = []
    for item, article, result in zip(items, articles, results):
        if corpus_claims is not None and "doc" in item:
            claims = corpus_claims[corpus_claims["article_id"] == article.article_id]
        else:
            claims = assemble([article], [result], entries=entries).claims
        found.append([
            Found(value=_number(row["value"]), low=_number(row["low"]), unit=row["unit"], side=row["side"] or "",
                  claimant=row["claimant"] or "", category=row["category"], figure=row["figure"])
            for row in claims.to_dict("records")
        ])
    return found


@lru_cache(maxsize=2)
def _pipeline(corpus: Path) -> tuple[Any, tuple[Any, ...]]:
    """The pipeline and the dashboard's actor dictionary for `corpus`, loaded once per run."""
    from core.extract.actors import load_dictionary
    from core.extract.pipeline import build_pipeline
    from core.read.corpus import dictionary_path_for

    return build_pipeline(), tuple(load_dictionary(dictionary_path_for([corpus]))[0])


@lru_cache(maxsize=2)
def _corpus_context(corpus: Path) -> tuple[list[Article], list[Any]]:
    """Every document of `corpus`, read and extracted once per run: what a corpus
    document is assembled with."""
    from core.extract.articles import extract_articles
    from core.read.ingest import read_corpus

    nlp, entries = _pipeline(corpus)
    articles = list(read_corpus([corpus]).articles)
    return articles, list(extract_articles(articles, nlp=nlp, entries=entries))


def _number(cell: Any) -> float | None:
    return None if cell is None or cell != cell else float(cell)


def quantulum3(items: Sequence[dict[str, Any]], corpus: Path = DEFAULT_CORPUS) -> list[list[Found]]:
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False          # its pickled classifier does not load with our scikit-learn
    found = []
    for item in items:
        text = item_text(item, corpus) or ""
        row = []
        for quantity in parser.parse(text):
            unit = quantity.unit.name
            if unit == "dimensionless":
                following = _NEXT_WORD.match(text, quantity.span[1])
                unit = following.group(1) if following else ""
            row.append(Found(value=float(quantity.value), low=None, unit=unit, figure=quantity.surface))
        found.append(row)
    return found


def _spellings(corpus: Path) -> dict[str, str]:
    """The dashboard dictionary's aliases of people, each to its canonical name."""
    from core.extract.actors import load_dictionary
    from core.read.corpus import dictionary_path_for

    return {alias: entry.canonical for entry in load_dictionary(dictionary_path_for([corpus]))[0]
            if entry.kind == "person" for alias in entry.aliases if len(alias.split()) >= 2}


def _side_names() -> dict[str, str]:
    """Other names of a side, each to the one the extractor writes (`claim_side_groups.csv`,
    `claim_side_metonyms.csv`: "Wagner" -> "Wagner Group", "Houthi" -> "Houthis")."""
    from core.extract.claims import lexicons

    return dict(lexicons().metonyms)


def _figure_only(found: Sequence[Found]) -> list[Found]:
    return [Found(value=f.value, low=f.low, unit="", side=f.side, claimant=f.claimant) for f in found]


def _timed(run: Callable[..., list[list[Found]]], items: Sequence[dict[str, Any]],
           corpus: Path) -> tuple[list[list[Found]], float]:
    run(items[:1], corpus)                           # warm-up: model load, lexicons
    started = time.perf_counter()
    found = run(items, corpus)
    return found, time.perf_counter() - started


def _row(name: str, full: ClaimScores, figure: ClaimScores, seconds: float, passages: int, *, attributes: bool) -> str:
    side = f"{full.share(full.side_right):5.3f}" if attributes else "  n/a"
    claimant = f"{full.share(full.claimant_right):5.3f}" if attributes else "  n/a"
    return (f"{name:11s} | {full.precision:5.3f} {full.recall:5.3f} {full.f1:5.3f} | "
            f"{figure.precision:5.3f} {figure.recall:5.3f} {figure.f1:5.3f} | {side} | {claimant} | "
            f"{passages / seconds:8.1f}")


def _print_errors(items: Sequence[dict[str, Any]], gold: Sequence[list[Found]], system: Sequence[list[Found]],
                 corpus: Path, spelling: dict[str, str], sides: dict[str, str]) -> None:
    table, side_table = spelling_table(spelling), spelling_table(sides)
    for item, g, s in zip(items, gold, system):
        g, s = scored(g), scored(s)
        pairs = match(g, s)
        matched_gold = [pair[0] for pair in pairs]
        matched_system = [pair[1] for pair in pairs]
        problems = [f"  missed   {x.figure!r} {x.unit} ({x.value})" for x in g if x not in matched_gold]
        problems += [f"  extra    {x.figure!r} {x.unit} ({x.value})" for x in s if x not in matched_system]
        for a, b in pairs:
            if not same_side(a, b, side_table):
                problems.append(f"  side     {a.figure!r}: gold {a.side!r}, ours {b.side!r}")
            if not same_claimant(a, b, table):
                problems.append(f"  claimant {a.figure!r}: gold {a.claimant!r}, ours {b.claimant!r}")
        if problems:
            print(f"{item['id']}: {(item_text(item, corpus) or '')[:110]}")
            print("\n".join(problems))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append", help="a gold file (repeat for several; default: all twenty-eight sets)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="where corpus items' documents are")
    parser.add_argument("--errors", action="store_true", help="list our misses, false alarms and wrong attributes")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    warnings.filterwarnings("ignore")
    for data in args.data or DEFAULT_DATA:
        _one_set(data, args.corpus, errors=args.errors)
    return 0


def _one_set(data: Path, corpus: Path, *, errors: bool) -> None:
    if not data.is_file():
        print(f"skipped: no gold file at {data}")
        return
    items = load_gold(data)
    missing = [i["doc"] for i in items if "doc" in i and not (corpus / i["doc"]).is_file()]
    if missing:
        print(f"skipped {data}: {len(missing)} document(s) not under {corpus}, e.g. {missing[0]}")
        return
    gold = [[gold_found(c) for c in item["claims"]] for item in items]
    print(f"\n{data.relative_to(REPO) if data.is_relative_to(REPO) else data}: {len(items)} texts, "
          f"{sum(len(scored(g)) for g in gold)} gold claims (vague counts left out), "
          f"{sum(not scored(g) for g in gold)} texts without a claim")
    print("system      | (figure, unit) P R F1 | figure-only P R F1 | side  | claimant | texts/s")
    spelling = _spellings(corpus)                     # read once: the dictionary's aliases of people
    sides = _side_names()
    ours_found: list[list[Found]] = []
    for name, run, attributes in (("ours", ours, True), ("quantulum3", quantulum3, False)):
        try:
            system, seconds = _timed(run, items, corpus)
        except ImportError as error:
            print(f"{name:11s} | skipped: {error}")
            continue
        full = score(zip(gold, system), spelling, sides)
        figure = score(zip(map(_figure_only, gold), map(_figure_only, system)))
        print(_row(name, full, figure, seconds, len(items), attributes=attributes))
        if name == "ours":
            ours_found = system
    if errors and data.resolve() in HELD_OUT:
        print("\nour errors: not listed for a held-out set")
    elif errors and ours_found:
        print("\nour errors:")
        _print_errors(items, gold, ours_found, corpus, spelling, sides)


if __name__ == "__main__":
    raise SystemExit(main())
