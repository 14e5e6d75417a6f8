"""Command-line interface: `python -m core extract|timex|ingest|export ...`.

This is an output contract that benchmarks and outside tests rely on:
add options and columns, never change what the existing ones mean.

    python -m core extract PATH... [--published YYYY-MM-DD] [--format csv|jsonl] [--out DIR]
        --out DIR        one file per table: DIR/articles.csv, events.csv, ..., ledger.csv
        tables: the seven frames, then `ledger` (core/combine/ledger.py: one row per claim with all
        its sources, and whether it is contested), computed from the claims
        no --out, jsonl  one JSON object per row on stdout, with "table" naming its frame
        no --out, csv    each frame as a CSV block on stdout, after a line "# table: NAME"
    python -m core timex --batch IN.jsonl
        reads lines {"doc","dct","text"}; prints lines {"doc","start","end","text","type","value"}
    python -m core ingest PATH... [--workers N] [--db FILE] [--batch-size B] [--keep-duplicates]
        extracts into the store (core/store/db.py) what it does not hold yet; an article that
        duplicates an earlier one (core/read/dedupe.py) is left out, one "warning:" line naming
        both, unless --keep-duplicates; a progress
        bar on stderr with the rate and the time left (core/progress.py; plain
        "ingest: N/M articles stored, R articles/s, about H:MM:SS left" lines when not a terminal),
        then one summary line; exit 1 only when no article could be read
    python -m core export [--db FILE] --out DIR [--format parquet|csv]
        one file per frame of the store: DIR/articles.parquet, events.parquet, ...

Problems with input files go to stderr, one line each, naming the file. A store
file that is not a usable store is moved aside (core/store/db.py), said in one
"warning:" line on stderr; ingest then rebuilds it, export exits 1 as for no store.
A store that cannot be opened (in use by another process such as the dashboard,
or not readable by this user) is one "error:" line saying what to do; exit 1.
Exit status: 0 when at least one article was read, 1 when none could be (or the
store cannot be opened), 2 for usage errors.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
import time
from datetime import date
from pathlib import Path
from typing import IO, Iterator, Sequence

import pandas as pd

from core.combine.ledger import LEDGER_COLUMNS, build_ledger
from core.frames import FRAME_COLUMNS, Frames, to_flat
from core.progress import ExtractionProgress
from core.store.db import Store, db_path_from_env, open_error_message

# A command that extracts imports the extraction inside its function (build_frames, the
# pipeline, the Dask run), so that `export` and `ledger` never load spaCy.

# The tables `extract` writes, in order; `ledger` is computed from the claims (not a stored frame).
CONTRACT_TABLES = ("articles", "events", "timexes", "claims", "actors", "places", "mentions", "ledger")
TABLE_COLUMNS: dict[str, list[str]] = {**FRAME_COLUMNS, "ledger": LEDGER_COLUMNS}


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

    ingest = commands.add_parser("ingest", help="extract articles into the store, skipping what it holds")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders")
    ingest.add_argument("--workers", type=_positive, default=1, metavar="N", help="spaCy processes (nlp.pipe n_process)")
    ingest.add_argument("--db", type=Path, default=None, metavar="FILE", help="the store (default: $CRISIS_DB or data/crisis.duckdb)")
    ingest.add_argument("--batch-size", type=_positive, default=64, metavar="B", help="articles per committed transaction")
    ingest.add_argument("--keep-duplicates", action="store_true",
                        help="keep articles that duplicate an earlier one (same text once normalised, or nearly); local engine")
    ingest.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local: spaCy processes on this machine; dask: a dask.distributed cluster")
    ingest.add_argument("--scheduler", metavar="ADDRESS", help="the dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask)")
    ingest.add_argument("--out", type=Path, default=None, metavar="DIR",
                        help="where the dask run writes its Parquet dataset (default: data/distributed)")

    export = commands.add_parser("export", help="write every frame of the store to files")
    export.add_argument("--db", type=Path, default=None, metavar="FILE", help="the store (default: $CRISIS_DB or data/crisis.duckdb)")
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write one file per frame into")
    export.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    return parser


def _positive(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a whole number of at least 1")
    return value


def table(frames: Frames, name: str) -> pd.DataFrame:
    """Output table `name`: a frame, or the ledger built from the claims."""
    return build_ledger(frames.claims) if name == "ledger" else getattr(frames, name)


def iter_jsonl_rows(frames: Frames, tables: Sequence[str] = CONTRACT_TABLES) -> Iterator[dict]:
    for name in tables:
        for row in to_flat(table(frames, name)).to_dict(orient="records"):
            yield {"table": name, **row}


def write_frames(frames: Frames, *, out: Path, fmt: str, tables: Sequence[str] = CONTRACT_TABLES) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in tables:
        target = out / f"{name}.{fmt}"
        flat = to_flat(table(frames, name))
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
        to_flat(table(frames, name)).to_csv(stream, index=False)
        stream.write("\n")


def run_extract(args: argparse.Namespace) -> int:
    from core.combine.build import build_frames  # spaCy: see the note at the top

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
    from core.extract.pipeline import build_pipeline  # spaCy: see the note at the top
    from core.extract.timex import iter_timexes

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


def run_ingest(args: argparse.Namespace) -> int:
    """Extract into the store, locally or on a dask cluster (whose Parquet
    dataset the store then attaches)."""
    db = args.db or db_path_from_env()
    if args.engine == "dask" and not args.scheduler:
        print("error: --engine dask needs --scheduler ADDRESS (e.g. tcp://HOST:8786)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    if args.engine == "dask":
        from core.store import distributed  # spaCy and Dask: see the note at the top

        out = args.out or Path(db).parent / "distributed"
        run = distributed.ingest(args.paths, scheduler=args.scheduler, out=out)
        if (store := _open_store(db)) is None:
            return 1
        with store:
            _report_recovery(store)
            report = store.attach_parquet(run.dataset)
            report = dataclasses.replace(report, problems=tuple(run.problems) + report.problems)
            stored = len(store.stored_ids())
    else:
        if (store := _open_store(db)) is None:
            return 1
        with store:
            _report_recovery(store)          # before the progress bar takes the terminal
            with ExtractionProgress(sys.stderr) as progress:
                report = store.sync(args.paths, n_process=args.workers, batch_size=args.batch_size,
                                    progress=progress, keep_duplicates=args.keep_duplicates)
            stored = len(store.stored_ids())
    seconds = time.perf_counter() - started
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    rate = report.added / seconds if seconds > 0 else 0.0
    print(
        f"ingest: {report.added} added, {report.skipped} skipped, {report.removed} removed, "
        f"{report.failed} failed in {seconds:.1f} s ({rate:.1f} articles/s); {stored} articles in {db}",
        file=sys.stderr,
    )
    return 0 if stored else 1


def _open_store(db: Path, *, read_only: bool = False):
    """The store at `db`, or None after one "error:" line on stderr saying why it
    cannot be opened and what to do (`core.store.db.open_error_message`)."""

    try:
        return Store(db, read_only=read_only)
    except Exception as error:  # noqa: BLE001 - a store that cannot be opened is one line; anything else raises
        message = open_error_message(Path(db), error)
        if message is None:
            raise
        print(f"error: {message}", file=sys.stderr)
        return None


def _report_recovery(store) -> bool:
    """One stderr line when opening the store found it corrupt and moved it
    aside (`core.store.db.Store.recovery`); True then."""
    if store.recovery is None:
        return False
    print(f"warning: {store.recovery.message()}", file=sys.stderr)
    return True


def run_export(args: argparse.Namespace) -> int:

    db = args.db or db_path_from_env()
    if not Path(db).is_file():
        print(f"error: no store at {db}; run `python -m core ingest PATH...` first", file=sys.stderr)
        return 1
    if (store := _open_store(db, read_only=True)) is None:
        return 1
    with store:
        if _report_recovery(store):
            # What was there is moved aside; the fresh store holds nothing to export.
            print(f"error: no usable store at {db}; run `python -m core ingest PATH...` to rebuild it",
                  file=sys.stderr)
            return 1
        if args.format == "parquet":
            written = store.export_parquet(args.out)
        else:
            written = write_frames(store.frames(), out=args.out, fmt="csv", tables=tuple(FRAME_COLUMNS))
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        return run_extract(args)
    if args.command == "ingest":
        return run_ingest(args)
    if args.command == "export":
        return run_export(args)
    return run_timex(args)
