"""Command-line interface: `python -m core extract ...` and `python -m core timex ...`.

This is an output contract that benchmarks and outside tests rely on:
add options and columns, never change what the existing ones mean.

    python -m core extract PATH... [--published YYYY-MM-DD] [--format csv|jsonl] [--out DIR]
        --out DIR        one file per frame: DIR/articles.csv, events.csv, ...
        no --out, jsonl  one JSON object per row on stdout, with "table" naming its frame
        no --out, csv    each frame as a CSV block on stdout, after a line "# table: NAME"
    python -m core timex --batch IN.jsonl
        reads lines {"doc","dct","text"}; prints lines {"doc","start","end","text","type","value"}

Problems with input files go to stderr, one line each, naming the file.
Exit status: 0 when at least one article was read, 1 when none could be, 2 for usage errors.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date
from pathlib import Path
from typing import IO, Iterator, Sequence

from core.frames import Frames, to_flat

CONTRACT_TABLES = ("articles", "events", "timexes", "claims", "actors", "places")


def _iso_date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a real date in the form YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m core", description="Crisis Timeline extraction.")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="articles to frames (CSV or JSON lines)")
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders")
    extract.add_argument("--published", type=_iso_date, help="publication date for the given files")
    extract.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    extract.add_argument("--out", type=Path, help="folder to write one file per frame into")
    extract.add_argument("--cache", type=Path, default=None, help="reuse/extend an on-disk result cache")

    timex = commands.add_parser("timex", help="tag time expressions in a batch of texts")
    timex.add_argument("--batch", type=Path, required=True, metavar="IN.jsonl", help='lines {"doc","dct","text"}; - for stdin')
    return parser


def iter_jsonl_rows(frames: Frames, tables: Sequence[str] = CONTRACT_TABLES) -> Iterator[dict]:
    for name in tables:
        for row in to_flat(getattr(frames, name)).to_dict(orient="records"):
            yield {"table": name, **row}


def write_frames(frames: Frames, *, out: Path, fmt: str, tables: Sequence[str] = CONTRACT_TABLES) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in tables:
        target = out / f"{name}.{fmt}"
        flat = to_flat(getattr(frames, name))
        if fmt == "csv":
            flat.to_csv(target, index=False, encoding="utf-8")
        else:
            with target.open("w", encoding="utf-8") as handle:
                for row in flat.to_dict(orient="records"):
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        written.append(target)
    return written


def print_frames(frames: Frames, *, fmt: str, stream: IO[str]) -> None:
    if fmt == "jsonl":
        for row in iter_jsonl_rows(frames):
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    for name in CONTRACT_TABLES:
        stream.write(f"# table: {name}\n")
        to_flat(getattr(frames, name)).to_csv(stream, index=False)
        stream.write("\n")


def run_extract(args: argparse.Namespace) -> int:
    from core.corpus import build_frames

    result = build_frames(args.paths, cache_dir=args.cache, published=args.published)
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    if args.out:
        for path in write_frames(result.frames, out=args.out, fmt=args.format):
            print(f"wrote {path}", file=sys.stderr)
    else:
        print_frames(result.frames, fmt=args.format, stream=sys.stdout)
    return 0 if len(result.frames.articles) else 1


def _parse_dct(raw: object) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


def run_timex(args: argparse.Namespace) -> int:
    from core.nlp import build_pipeline
    from core.timex import iter_timexes

    source = sys.stdin if str(args.batch) == "-" else args.batch.open(encoding="utf-8")
    items = []
    with source:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                items.append((str(item.get("doc", number)), _parse_dct(item.get("dct")), str(item["text"])))
            except (ValueError, KeyError, TypeError) as error:
                print(f"warning: {args.batch}:{number}: skipped, not a {{doc, dct, text}} object ({error})", file=sys.stderr)
    nlp = build_pipeline()
    docs = nlp.pipe((text for _, _, text in items), batch_size=32)
    for (doc_id, dct, _), doc in zip(items, docs):
        for timex in iter_timexes(doc, dct):
            row = {"doc": doc_id, "start": timex.start, "end": timex.end, "text": timex.text, "type": timex.type, "value": timex.value}
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        return run_extract(args)
    return run_timex(args)
