"""Extraction time on hostile shapes of text, at doubling sizes.

    .venv/bin/python -m bench.hostile_inputs [--sizes 1000 2000 4000]

One long "sentence" of thousands of figures, of conjoined numbers, of
"a hundred and", and a run of quotes: text a hostile or broken page can hold.
Prints the seconds for each size and the ratio to the previous size (about 2
when the time grows linearly, 4 when quadratically). Measured, never asserted.
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date

SHAPES = {
    "figures": lambda n: " ".join(f"{i},000 troops" for i in range(1, n)) + ".",
    "conjoined numbers": lambda n: " and ".join(str(i) for i in range(n)) + " soldiers.",
    "a hundred and": lambda n: "a hundred and " * n + "troops",
    "quotes": lambda n: "'\"" * n,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000])
    args = parser.parse_args(argv)
    from core.extract.articles import extract_articles
    from core.extract.pipeline import build_pipeline
    from core.records import Article

    nlp = build_pipeline()
    for shape, make in SHAPES.items():
        previous = None
        for size in args.sizes:
            text = make(size)
            article = Article(article_id=f"{shape}-{size}", text=text, title=shape, source="", url="",
                              published=date(2022, 2, 13), path=shape)
            started = time.perf_counter()
            (result,) = extract_articles([article], nlp=nlp)
            seconds = time.perf_counter() - started
            growth = f"  x{seconds / previous:.1f}" if previous else ""
            print(f"{shape:18} n={size:>6,} {len(text):>8,} chars  {seconds:6.2f} s  {len(result.claims):>5} claims{growth}",
                  flush=True)
            previous = seconds
    return 0


if __name__ == "__main__":
    sys.exit(main())
