"""Our troop-figure claims against quantulum3 on the hand-written development set.

    .venv/bin/python bench/claims_vs_quantulum3.py [--data FILE] [--errors]

FILE is a gold file in the `core.claims_eval` format (default
`tests/data/claims_dev.jsonl`). Each passage goes through our whole
extraction (`extract_articles` then `assemble`, so claimants are canonical
actor names and unattributed figures fall back to the passage's source) and
through quantulum3's `parser.parse`. It prints one row per system:

    system | (figure, unit) P R F1 | figure-only P R F1 | side | claimant | passages/s

Baseline: every quantity quantulum3 finds is a candidate claim. Its unit is
quantulum3's unit name, or, for a dimensionless count ("130,000 troops"),
the word that follows the number: quantulum3 has no notion of what a count
counts, so this is the most generous reading of it. It names neither side
nor claimant. The figure-only columns ignore the unit. passages/s counts
extraction only, after one warm-up call for each system.

--errors lists our misses and false alarms. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import logging
import re
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: make `core` importable
    sys.path.insert(0, str(REPO))

from core.claims_eval import ClaimScores, Found, gold_found, load_gold, match, name_key, same_name, score
from core.ingest import content_id
from core.records import Article

DEFAULT_DATA = REPO / "tests" / "data" / "claims_dev.jsonl"
_NEXT_WORD = re.compile(r"\s*(?:-strong\s+)?([A-Za-z][A-Za-z-]*)")


def _article(item: dict[str, Any]) -> Article:
    return Article(
        article_id=content_id(item["id"] + item["text"]), text=item["text"], source=item["source"],
        published=date.fromisoformat(item["published"]), path=item["id"],
    )


def ours(items: Sequence[dict[str, Any]]) -> list[list[Found]]:
    from core.extract import assemble, extract_articles
    from core.nlp import build_pipeline

    nlp = build_pipeline()
    articles = [_article(item) for item in items]
    results = extract_articles(articles, nlp=nlp)
    found = []
    for article, result in zip(articles, results):
        claims = assemble([article], [result]).claims
        found.append([
            Found(value=_number(row["value"]), low=_number(row["low"]), unit=row["unit"], side=row["side"] or "",
                  claimant=row["claimant"] or "", category=row["category"], figure=row["figure"])
            for row in claims.to_dict("records")
        ])
    return found


def _number(cell: Any) -> float | None:
    return None if cell is None or cell != cell else float(cell)


def quantulum3(items: Sequence[dict[str, Any]]) -> list[list[Found]]:
    from quantulum3 import parser

    found = []
    for item in items:
        text = item["text"]
        row = []
        for quantity in parser.parse(text):
            unit = quantity.unit.name
            if unit == "dimensionless":
                following = _NEXT_WORD.match(text, quantity.span[1])
                unit = following.group(1) if following else ""
            row.append(Found(value=float(quantity.value), low=None, unit=unit, figure=quantity.surface))
        found.append(row)
    return found


def _figure_only(found: Sequence[Found]) -> list[Found]:
    return [Found(value=f.value, low=f.low, unit="", side=f.side, claimant=f.claimant) for f in found]


def _timed(run: Callable[[Sequence[dict[str, Any]]], list[list[Found]]],
           items: Sequence[dict[str, Any]]) -> tuple[list[list[Found]], float]:
    run(items[:1])                                   # warm-up: model load, lexicons
    started = time.perf_counter()
    found = run(items)
    return found, time.perf_counter() - started


def _row(name: str, full: ClaimScores, figure: ClaimScores, seconds: float, passages: int, *, attributes: bool) -> str:
    side = f"{full.share(full.side_right):5.3f}" if attributes else "  n/a"
    claimant = f"{full.share(full.claimant_right):5.3f}" if attributes else "  n/a"
    return (f"{name:11s} | {full.precision:5.3f} {full.recall:5.3f} {full.f1:5.3f} | "
            f"{figure.precision:5.3f} {figure.recall:5.3f} {figure.f1:5.3f} | {side} | {claimant} | "
            f"{passages / seconds:8.1f}")


def _print_errors(items: Sequence[dict[str, Any]], gold: Sequence[list[Found]], system: Sequence[list[Found]]) -> None:
    for item, g, s in zip(items, gold, system):
        pairs = match(g, s)
        matched_gold = [pair[0] for pair in pairs]
        matched_system = [pair[1] for pair in pairs]
        problems = [f"  missed   {x.figure!r} {x.unit} ({x.value})" for x in g if x not in matched_gold]
        problems += [f"  extra    {x.figure!r} {x.unit} ({x.value})" for x in s if x not in matched_system]
        for a, b in pairs:
            if name_key(a.side) != name_key(b.side):
                problems.append(f"  side     {a.figure!r}: gold {a.side!r}, ours {b.side!r}")
            if not same_name(a.claimant, b.claimant):
                problems.append(f"  claimant {a.figure!r}: gold {a.claimant!r}, ours {b.claimant!r}")
        if problems:
            print(f"{item['id']}: {item['text'][:110]}")
            print("\n".join(problems))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", action="store_true", help="list our misses, false alarms and wrong attributes")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: no development set at {args.data}")
        return 0
    logging.basicConfig(level=logging.WARNING)
    warnings.filterwarnings("ignore", module="quantulum3")
    items = load_gold(args.data)
    gold = [[gold_found(c) for c in item["claims"]] for item in items]
    print(f"{len(items)} passages, {sum(map(len, gold))} gold claims, "
          f"{sum(not g for g in gold)} passages without a claim ({args.data})")
    print("system      | (figure, unit) P R F1 | figure-only P R F1 | side  | claimant | passages/s")
    ours_found: list[list[Found]] = []
    for name, run, attributes in (("ours", ours, True), ("quantulum3", quantulum3, False)):
        try:
            system, seconds = _timed(run, items)
        except ImportError as error:
            print(f"{name:11s} | skipped: {error}")
            continue
        full = score(zip(gold, system))
        figure = score(zip(map(_figure_only, gold), map(_figure_only, system)))
        print(_row(name, full, figure, seconds, len(items), attributes=attributes))
        if name == "ours":
            ours_found = system
    if args.errors and ours_found:
        print("\nour errors:")
        _print_errors(items, gold, ours_found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
