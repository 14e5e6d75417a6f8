"""The corpus's frames from every article's result: the decisions that need the
whole corpus at once (one name per actor, geocoding with the corpus's countries,
events merged across articles and sides, the user's corrections), then the rows.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any, Iterable, Sequence, TypeVar

from core.combine import events as events_mod
from core.combine.event_merge import Correction
from core.combine.shared_sides import share_sides
from core.extract import actors as actors_mod
from core.extract import countries as countries_mod
from core.extract import gazetteer
from core.frames import Frames, frame
from core.records import Article, ArticleResult, Mention, Sentence, Timex

R = TypeVar("R")

FIGURE_MARKS = ("\u27e6", "\u27e7")  # ⟦130,000⟧: plain text, so it survives CSV and any table


def mark_figure(text: str, start: int, end: int, sentences: Sequence["Sentence"]) -> str:
    """The sentence holding text[start:end] with that figure bracketed, for tables
    that cannot style text. Offsets, not a search: a sentence may repeat a figure."""
    around = next((s for s in sentences if s.start <= start and end <= s.end), None)
    lo, hi = (around.start, around.end) if around else (start, end)
    return f"{text[lo:start]}{FIGURE_MARKS[0]}{text[start:end]}{FIGURE_MARKS[1]}{text[end:hi]}".strip()


def claimant_name(surface: str, index: "actors_mod.ActorIndex", article: Article) -> str:
    """The claimant as an actor's canonical name; the article's source when unattributed.

    A seat of government or a capital keeps its own name ("the Pentagon said",
    "the Kremlin said", "Kyiv says"): the actors page merges it into its country,
    but for a claim the office that spoke is what an analyst weighs.
    """
    if not surface:
        return article.source or "unattributed"
    canonical = index.canonical(surface)
    if canonical is None:
        return surface
    actor = index.actors.get(canonical)
    written = actors_mod.clean_surface(surface)
    if actor is not None and actor.kind == "country" and countries_mod.country_for(written) is None:
        return written
    return canonical


def _timex_row(article_id: str, timex: Timex) -> dict[str, Any]:
    row = timex.to_dict()
    row["sentence_index"] = row.pop("sentence")
    return {"article_id": article_id, **row}


def _within(start: int, end: int, items: Iterable[R]) -> list[R]:
    return [item for item in items if start <= item.start and item.end <= end]  # type: ignore[attr-defined]


def _unique(names: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


def _event_span_by_actor(event_rows: Sequence[dict[str, Any]]) -> dict[str, tuple[date, date]]:
    """Each actor's first and last dated event (start of the earliest, end of the latest)."""
    spans: dict[str, tuple[date, date]] = {}
    for row in event_rows:
        if row["date_start"] is None:
            continue
        end = row["date_end"] or row["date_start"]
        for name in row["actors"]:
            first, last = spans.get(name, (row["date_start"], end))
            spans[name] = (min(first, row["date_start"]), max(last, end))
    return spans


def _who(index: "actors_mod.ActorIndex") -> events_mod.Who:
    """A person stands for their country when events are merged; labels use surnames."""
    party, short = {}, {}
    for actor in index.actors.values():
        if actor.kind == "person":
            short[actor.name] = actor.name.split()[-1]
            if actor.country:
                party[actor.name] = actor.country
    return events_mod.Who(party=party, short=short)


def _context_countries(mentions: Iterable[Mention], index: "actors_mod.ActorIndex") -> list[str]:
    """The countries an article talks about, most mentioned first (to pick among same-name places)."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        name = index.canonical(mention.text)
        actor = index.actors.get(name) if name else None
        if actor is not None and actor.kind == "country":
            counts[actor.name] += 1
        elif actor is not None and actor.country:
            counts[actor.country] += 1
    return [name for name, _ in counts.most_common()]


def assemble(
    articles: Sequence[Article],
    results: Sequence[ArticleResult],
    *,
    entries: Sequence[actors_mod.DictionaryEntry] = (),
    corrections: Sequence[Correction] = (),
) -> Frames:
    """Corpus-level resolution (actors, places, events: mentions merged, the
    user's `corrections` applied) and the frames."""
    by_id = {a.article_id: a for a in articles}
    index = actors_mod.build_actor_index(
        [m for r in results for m in r.actor_mentions], entries=entries
    )
    mention_rows: list[dict[str, Any]] = []
    place_cache: dict[tuple[str, tuple[str, ...]], gazetteer.Place] = {}
    place_rows: dict[str, dict[str, Any]] = {}
    actor_counts: Counter[str] = Counter()
    actor_articles: defaultdict[str, set[str]] = defaultdict(set)
    timex_rows, claim_rows, event_mention_rows = [], [], []

    for result in results:
        article = by_id[result.article_id]
        context = tuple(_context_countries(result.actor_mentions, index))
        actor_of: dict[tuple[int, int], str] = {}
        for mention in result.actor_mentions:
            name = index.canonical(mention.text)
            if not name:
                continue
            actor_of[(mention.start, mention.end)] = name
            actor_counts[name] += 1
            actor_articles[name].add(article.article_id)
            mention_rows.append({"article_id": article.article_id, "start": mention.start, "end": mention.end,
                                 "text": mention.text, "entity": name, "kind": "actor", "sentence_index": mention.sentence})
        place_of: dict[tuple[int, int], str] = {}
        for mention in result.place_mentions:
            key = (mention.text, context)
            if key not in place_cache:
                place_cache[key] = gazetteer.geocode(mention.text, context_countries=context)
            place = place_cache[key]
            place_of[(mention.start, mention.end)] = place.name
            row = place_rows.setdefault(place.name, {
                "place": place.name, "lat": place.lat, "lon": place.lon, "country": place.country,
                "kind": place.kind, "mentions": 0, "articles": set(),
            })
            row["mentions"] += 1
            row["articles"].add(article.article_id)
            mention_rows.append({"article_id": article.article_id, "start": mention.start, "end": mention.end,
                                 "text": mention.text, "entity": place.name, "kind": "place", "sentence_index": mention.sentence})

        timex_rows += [_timex_row(article.article_id, t) for t in result.timexes]
        for claim in result.claims:
            row = claim.to_dict()
            row["article_id"] = article.article_id
            row["claimant"] = claimant_name(claim.claimant, index, article)
            row["side"] = (index.canonical(claim.side) or claim.side) if claim.side else ""
            row["figure"] = article.text[claim.start:claim.end]
            row["in_context"] = mark_figure(article.text, claim.start, claim.end, result.sentences)
            claim_rows.append(row)

        # ingest sets `side` (core.read.ingest.document_side); an Article made by hand may not
        side = article.side or article.source
        for event_mention in result.event_mentions:
            row = events_mod.mention_row(article, event_mention, side=side, canonical=index.canonical,
                                         place=lambda text: place_cache[(text, context)].name
                                         if (text, context) in place_cache else text)
            row["actors"] = _unique(actor_of[(m.start, m.end)]
                                    for m in _within(event_mention.sent_start, event_mention.sent_end,
                                                     result.actor_mentions)
                                    if (m.start, m.end) in actor_of)
            event_mention_rows.append(row)

    # a figure no text gives a side takes the one other documents of its week agree on
    claim_rows = share_sides(claim_rows, {a.article_id: a.published for a in articles})
    event_rows, event_mention_rows = events_mod.build_events(event_mention_rows, who=_who(index),
                                                              corrections=corrections)
    span_of = _event_span_by_actor(event_rows)
    actor_rows = [
        {"actor": a.name, "kind": a.kind, "country": a.country, "role": a.role, "aliases": list(a.aliases),
         "mentions": actor_counts[a.name], "articles": len(actor_articles[a.name]),
         "first_event": span_of.get(a.name, (None, None))[0], "last_event": span_of.get(a.name, (None, None))[1]}
        for a in index.actors.values() if actor_counts[a.name]
    ]
    for row in place_rows.values():
        row["articles"] = len(row["articles"])
    return Frames(
        articles=frame("articles", [a.to_dict() for a in articles]),
        events=frame("events", event_rows),
        timexes=frame("timexes", timex_rows),
        claims=frame("claims", claim_rows),
        actors=frame("actors", sorted(actor_rows, key=lambda r: (-r["mentions"], r["actor"]))),
        places=frame("places", sorted(place_rows.values(), key=lambda r: (-r["mentions"], r["place"]))),
        mentions=frame("mentions", event_mention_rows),
        entity_mentions=frame("entity_mentions", mention_rows),
    )
