"""Time and peak memory to import one long article into a fresh store.

    python -m bench.long_article [--sizes 1000000 4900000] [--chunk-chars N]

Each article is built from the seed corpus's texts (seeds/ukraine-2021-22/*.txt,
in name order, joined by blank lines and repeated) up to the size in bytes,
cut after a whole paragraph, and saved as a dated `.txt` in a folder of its
own. Each size runs in a fresh Python process that syncs that folder into a
fresh store (`core.store.db.Store.sync`, what the Import page and `core ingest`
run), and prints:

    size bytes, characters, pieces (core.extract.chunks.paragraph_spans), seconds of the sync,
    RSS after the model loaded, peak RSS of the process (ru_maxrss), events stored, problems

`--chunk-chars` sets `core.extract.chunks.CHUNK_CHARS` for the run (default: as shipped),
to see what the size of a piece costs. Measured, never asserted in tests.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "seeds" / "ukraine-2021-22"


def long_text(size: int, source: Path = SOURCE) -> str:
    """About `size` UTF-8 bytes of the corpus's paragraphs, repeated, ending on a whole paragraph."""
    paragraphs = [p.strip() for f in sorted(source.glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    if not paragraphs:
        raise SystemExit(f"no .txt article under {source}")
    out, used, i = [], 0, 0
    while True:
        paragraph = paragraphs[i % len(paragraphs)]
        cost = len(paragraph.encode("utf-8")) + 2
        if used + cost > size:
            break
        out.append(paragraph)
        used += cost
        i += 1
    return "\n\n".join(out) + "\n"


def _rss_mb() -> float:
    """This process's resident memory now, from /proc (MB); its peak is ru_maxrss."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_one(size: int, chunk_chars: int | None) -> dict:
    """In this process: build the article, load the model, sync it into a fresh store."""
    import core.extract.chunks  # spaCy and the store: in the child process only
    from core.extract.pipeline import build_pipeline
    from core.store.db import Store

    if chunk_chars:
        core.extract.chunks.CHUNK_CHARS = chunk_chars
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        text = long_text(size)
        (folder / "2022-02-20_long-article.txt").write_text(text, encoding="utf-8")
        nlp = build_pipeline()
        nlp("Warm-up: Russia said on Monday that 100,000 troops were near Ukraine.")
        loaded = _rss_mb()
        started = time.perf_counter()
        with Store(Path(tmp) / "store.duckdb") as store:
            report = store.sync([folder], nlp=nlp)
            events = len(store.events())
        seconds = time.perf_counter() - started
    pieces = len(core.extract.chunks.paragraph_spans(text, min(core.extract.chunks.CHUNK_CHARS, nlp.max_length)))
    return {"bytes": len(text.encode("utf-8")), "chars": len(text), "pieces": pieces, "seconds": round(seconds, 1),
            "rss_loaded_mb": round(loaded), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "added": report.added, "failed": report.failed, "events": events,
            "problems": [p for p in report.problems if "no publication date" not in p]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 4_900_000], metavar="BYTES")
    parser.add_argument("--chunk-chars", type=int, default=None, help="core.extract.chunks.CHUNK_CHARS for the run")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)      # the child process's size
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.chunk_chars)))
        return
    print(f"{'bytes':>10} {'chars':>10} {'pieces':>6} {'seconds':>8} {'RSS loaded MB':>13} {'peak RSS MB':>11} "
          f"{'events':>7}  problems")
    for size in args.sizes:
        command = [sys.executable, "-m", "bench.long_article", "--one", str(size)]
        if args.chunk_chars:
            command += ["--chunk-chars", str(args.chunk_chars)]
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO)
        if done.returncode != 0:
            print(f"{size:>10} failed: {done.stderr.strip().splitlines()[-1:] or done.returncode}")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{row['bytes']:>10,} {row['chars']:>10,} {row['pieces']:>6} {row['seconds']:>8} "
              f"{row['rss_loaded_mb']:>13} {row['peak_rss_mb']:>11} {row['events']:>7}  "
              f"{'; '.join(row['problems']) or '-'}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
