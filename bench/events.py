"""Event mentions and merged events against hand-written gold, beside a
one-event-per-sentence baseline, in one run.

    .venv/bin/python -m bench.events [--gold tests/data/events_gold/dev] [--corpus seeds/ukraine-2021-22] [--errors]
    .venv/bin/python -m bench.events --whole seeds/      # events per document over a whole folder, no gold

Gold: one JSON file per document (docs/event-annotation.md). Both systems read
the same documents; ours merges mentions across exactly those documents.
Printed: mention P/R/F1 (trigger overlap, one-to-one), type accuracy, event-time
accuracy (the event's interval inside the gold interval), cluster B-cubed F1
(gold mentions the system missed are singletons) and events per document.

The baseline is the product before events: every sentence that names an actor
(4 words or more, not a question) is one event, dated by its first dated time
expression else by publication, typed by the first trigger word it holds (our
lexicon, which helps it), each its own cluster.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "tests" / "data" / "events_gold" / "dev"
DEFAULT_CORPUS = REPO / "seeds" / "ukraine-2021-22"


@dataclass(frozen=True)
class Item:
    """One mention, gold or system: trigger span, type, interval, cluster."""

    doc: str
    start: int
    end: int
    type: str
    interval: tuple[date, date] | None
    cluster: str
    text: str = ""
    modality: str = ""
    own: tuple[date, date] | None = None      # the mention's own interval (before merging)


def load_gold(folder: Path) -> dict[str, list[Item]]:
    gold: dict[str, list[Item]] = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        items = []
        for m in data["mentions"]:
            interval = (date.fromisoformat(m["time"][0]), date.fromisoformat(m["time"][1])) if m.get("time") else None
            items.append(Item(data["doc"], m["start"], m["end"], m["type"], interval, m["event"], m["trigger"],
                              m.get("modality", "")))
        gold[data["doc"]] = sorted(items, key=lambda i: i.start)
    return gold


def match(gold: Sequence[Item], system: Sequence[Item]) -> list[tuple[Item, Item]]:
    """One-to-one pairs whose spans overlap, greedily in text order (the system
    mention nearest in start wins a gold mention)."""
    pairs = []
    used: set[int] = set()
    for g in gold:
        best = None
        for index, s in enumerate(system):
            if index in used or s.end <= g.start or s.start >= g.end:
                continue
            distance = abs(s.start - g.start)
            if best is None or distance < best[0]:
                best = (distance, index)
        if best is not None:
            used.add(best[1])
            pairs.append((g, system[best[1]]))
    return pairs


def b_cubed(gold_items: Sequence[Item], system_cluster: dict[tuple[str, int], str]) -> tuple[float, float, float]:
    """B-cubed over the gold mentions; `system_cluster` maps (doc, gold start) to the
    system's cluster of the matched mention (a missed mention is its own)."""
    sys_of = {(g.doc, g.start): system_cluster.get((g.doc, g.start), f"missed:{g.doc}:{g.start}") for g in gold_items}
    by_gold: defaultdict[str, set] = defaultdict(set)
    by_sys: defaultdict[str, set] = defaultdict(set)
    for g in gold_items:
        key = (g.doc, g.start)
        by_gold[g.cluster].add(key)
        by_sys[sys_of[key]].add(key)
    precision = recall = 0.0
    for g in gold_items:
        key = (g.doc, g.start)
        gold_set, sys_set = by_gold[g.cluster], by_sys[sys_of[key]]
        overlap = len(gold_set & sys_set)
        precision += overlap / len(sys_set)
        recall += overlap / len(gold_set)
    n = len(gold_items) or 1
    p, r = precision / n, recall / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: dict[str, list[Item]], system: dict[str, list[Item]], n_events: int) -> dict[str, float]:
    tp = n_gold = n_sys = typed = timed = timed_ok = own_ok = 0
    cluster_of: dict[tuple[str, int], str] = {}
    for doc, gold_items in gold.items():
        sys_items = system.get(doc, [])
        pairs = match(gold_items, sys_items)
        tp += len(pairs)
        n_gold += len(gold_items)
        n_sys += len(sys_items)
        for g, s in pairs:
            typed += g.type == s.type
            cluster_of[(g.doc, g.start)] = s.cluster
            if g.interval is not None:
                timed += 1
                timed_ok += _inside(s.interval, g.interval)
                own_ok += _inside(s.own if s.own else s.interval, g.interval)
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    cluster_p, cluster_r, cluster_f1 = b_cubed([g for items in gold.values() for g in items], cluster_of)
    return {"mention P": p, "mention R": r, "mention F1": 2 * p * r / (p + r) if p + r else 0.0,
            "type accuracy": typed / tp if tp else 0.0, "event-time accuracy": timed_ok / timed if timed else 0.0,
            "  (mention's own time)": own_ok / timed if timed else 0.0,
            "cluster F1 (B3)": cluster_f1, "  cluster P / R": f"{cluster_p:.3f} / {cluster_r:.3f}",
            "events per document": n_events / max(1, len(gold)),
            "gold mentions": n_gold, "system mentions": n_sys, "matched": tp}


def _inside(interval: tuple[date, date] | None, gold: tuple[date, date]) -> bool:
    return bool(interval and gold[0] <= interval[0] and interval[1] <= gold[1])


def _interval(start: object, end: object) -> tuple[date, date] | None:
    import pandas as pd

    if start is None or pd.isna(start):
        return None
    first = pd.Timestamp(start).date()
    last = pd.Timestamp(end).date() if end is not None and not pd.isna(end) else first
    return first, last


def ours(frames, doc_of: dict[str, str]) -> tuple[dict[str, list[Item]], int]:
    events = frames.events.set_index("event_id")
    system: defaultdict[str, list[Item]] = defaultdict(list)
    for row in frames.mentions.itertuples(index=False):
        event = events.loc[row.event_id]
        system[doc_of[row.article_id]].append(Item(
            doc_of[row.article_id], int(row.trigger_start), int(row.trigger_end), row.event_type,
            _interval(event["date_start"], event["date_end"]), row.event_id, row.trigger, row.modality,
            _interval(row.date_start, row.date_end)))
    return {d: sorted(v, key=lambda i: i.start) for d, v in system.items()}, len(frames.events)


def baseline(articles, results, doc_of: dict[str, str]) -> tuple[dict[str, list[Item]], int]:
    from core.extract import event_lexicon

    table = event_lexicon.triggers()
    system: defaultdict[str, list[Item]] = defaultdict(list)
    count = 0
    for article, result in zip(articles, results):
        for sentence in result.sentences:
            text = article.text[sentence.start:sentence.end]
            named = [m for m in result.actor_mentions if sentence.start <= m.start < sentence.end]
            if not named or len(text.split()) < 4 or text.strip().endswith("?"):
                continue
            kind = next((table[w.lower().strip(".,;:")][0].type for w in text.split()
                         if w.lower().strip(".,;:") in table), "announce")
            dated = [t for t in result.timexes if sentence.start <= t.start < sentence.end
                     and t.type in ("DATE", "TIME") and t.date_start is not None]
            interval = ((dated[0].date_start, dated[0].date_end) if dated
                        else (article.published, article.published) if article.published else None)
            doc = doc_of[article.article_id]
            system[doc].append(Item(doc, sentence.start, sentence.end, kind, interval, f"{doc}:{sentence.start}"))
            count += 1
    return dict(system), count


def whole(folder: Path) -> int:
    """Events per document over a whole corpus folder, beside one event per sentence."""
    if not folder.is_dir():
        print(f"skipped: no folder {folder}")
        return 0
    from core.combine.assemble import assemble
    from core.extract.actors import load_dictionary
    from core.extract.articles import extract_articles
    from core.extract.pipeline import build_pipeline
    from core.read.corpus import dictionary_path_for
    from core.read.ingest import read_corpus

    articles = read_corpus([folder]).articles
    entries = tuple(load_dictionary(dictionary_path_for([folder]))[0])
    results = extract_articles(articles, nlp=build_pipeline, entries=entries)
    frames = assemble(articles, results, entries=entries)
    doc_of = {a.article_id: a.path for a in articles}
    _, sentences = baseline(articles, results, doc_of)
    events, n = frames.events, max(1, len(articles))
    print(f"{folder}: {len(articles)} documents, {len(frames.mentions)} event mentions")
    print(f"events per document: ours {len(events) / n:.2f} ({len(events)} events); "
          f"one event per sentence {sentences / n:.2f} ({sentences})")
    print(f"events reported by more than one side: {int((events['n_sides'] > 1).sum())}; "
          f"dated by publication alone: {(events['date_source'] == 'publication').mean():.0%}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--errors", action="store_true", help="list missed and spurious mentions")
    parser.add_argument("--whole", type=Path, metavar="DIR",
                        help="instead: extract every article under DIR and print events per document")
    args = parser.parse_args(argv)
    if args.whole is not None:
        return whole(args.whole)
    if not args.gold.is_dir() or not any(args.gold.glob("*.json")):
        print(f"skipped: no gold files in {args.gold}")
        return 0
    gold = load_gold(args.gold)
    files = [args.corpus / doc for doc in gold]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        print(f"skipped: corpus documents missing: {', '.join(missing[:3])}")
        return 0

    from core.combine.assemble import assemble
    from core.extract.actors import load_dictionary
    from core.extract.articles import extract_articles
    from core.extract.pipeline import build_pipeline
    from core.read.corpus import dictionary_path_for
    from core.read.ingest import read_corpus

    articles = read_corpus(files).articles
    doc_of = {a.article_id: Path(a.path).name for a in articles}
    entries = tuple(load_dictionary(dictionary_path_for([args.corpus]))[0])   # the dashboard's dictionary
    results = extract_articles(articles, nlp=build_pipeline, entries=entries)
    frames = assemble(articles, results, entries=entries)
    system, n_events = ours(frames, doc_of)
    base, n_base = baseline(articles, results, doc_of)
    rows = [("ours", score(gold, system, n_events)), ("one event per sentence", score(gold, base, n_base))]
    print(f"gold: {args.gold} ({len(gold)} documents, {sum(len(v) for v in gold.values())} mentions)")
    names = list(rows[0][1])
    print(f"{'':24}" + "".join(f"{name:>24}" for name, _ in rows))
    for metric in names:
        cells = "".join(f"{r[metric]:>24.3f}" if isinstance(r[metric], float) else f"{r[metric]:>24}" for _, r in rows)
        print(f"{metric:24}{cells}")
    if args.errors:
        for doc, gold_items in gold.items():
            pairs = match(gold_items, system.get(doc, []))
            hit_gold = {id(g) for g, _ in pairs}
            hit_sys = {id(s) for _, s in pairs}
            print(f"\n## {doc}")
            for g in gold_items:
                if id(g) not in hit_gold:
                    print(f"  missed   {g.text!r:>20} {g.type:12} {g.modality}")
            for s in system.get(doc, []):
                if id(s) not in hit_sys:
                    print(f"  spurious {s.text!r:>20} {s.type:12} {s.modality}")
            for g, s in pairs:
                if g.type != s.type:
                    print(f"  type     {g.text!r:>20} gold {g.type} ours {s.type}")
                if g.interval and not _inside(s.interval, g.interval):
                    print(f"  time     {g.text!r:>20} gold {g.interval[0]}..{g.interval[1]} ours {s.interval}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
