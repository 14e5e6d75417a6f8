"""Event mentions to events: the rows of the `mentions` and `events` frames.

`mention_row` turns one extracted `EventMention` into a row with canonical
actor names, its article's side and source, and a stable id. `build_events`
merges the rows of the whole corpus (`core.combine.event_merge`), applies the user's
corrections and returns one row per event:
- its type (the most common among its mentions), date interval, precision
  and anchor (from its best-dated mention), modality (the firmest reported);
- its actors (participants first, then the others its sentences name, so a filter
  on an actor finds what is said around them), place, and a short label from the
  participants alone ("Biden – Putin call");
- how many mentions, documents and sides report it, which sources, when it
  was first reported and the lag from the event to that report;
- why its mentions were merged.
`densest_window` is the timeline's default span.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterable, Mapping, Sequence

from core.combine.event_merge import (
    FIRMNESS,
    FIRST_MENTION,
    TEXT_ANCHORS,
    Correction,
    MentionIn,
    date_rank,
    event_id,
    interval_days,
    mention_id,
    merge,
    parties_fit,
)
from core.extract.event_lexicon import event_types
from core.records import Article, EventMention

# The share of events the timeline's default window holds.
WINDOW_SHARE = 0.9
# A mention row's flag for `antecedents`, not a column of the mentions frame.
DEFINITE = "_definite"


@dataclass(frozen=True)
class Who:
    """What building events needs to know of the actors: the party a name stands
    for (a person's country), and the short name a label uses ("Biden")."""

    party: Mapping[str, str]
    short: Mapping[str, str]

    def party_of(self, name: str) -> str:
        return self.party.get(name, name)

    def short_of(self, name: str) -> str:
        return self.short.get(name, name)


def mention_row(article: Article, mention: EventMention, *, side: str,
                canonical: Callable[[str], str | None], place: Callable[[str], str]) -> dict[str, Any]:
    """One row of the `mentions` frame, before merging (no event id yet)."""
    agents = _names(mention.agents, canonical)
    patients = [n for n in _names(mention.patients, canonical) if n not in agents]
    return {
        "event_id": None, "article_id": article.article_id,
        "start": mention.sent_start, "end": mention.sent_end,
        "sentence": article.text[mention.sent_start:mention.sent_end].strip(),
        "trigger": mention.trigger, "trigger_start": mention.start, "trigger_end": mention.end,
        "lemma": mention.lemma, "event_type": mention.type, "modality": mention.modality,
        "date_start": mention.date_start, "date_end": mention.date_end, "date_text": mention.date_text,
        "date_value": mention.date_value, "date_source": mention.anchor, "precision": mention.precision,
        "agents": agents, "patients": patients, "place": place(mention.place) if mention.place else "",
        "side": side, "source": article.source, "published": article.published,
        "mention_id": mention_id(article.article_id, mention.start, mention.end, mention.lemma),
        "merge_reason": "", DEFINITE: mention.definite,
    }


def _names(surfaces: Iterable[str], canonical: Callable[[str], str | None]) -> list[str]:
    return list(dict.fromkeys(name for name in (canonical(s) for s in surfaces) if name))


def _parties(row: Mapping[str, Any], who: Who) -> frozenset[str]:
    return frozenset(who.party_of(p) for p in (*row["agents"], *row["patients"]))


def antecedents(rows: Sequence[Mapping[str, Any]], who: Who) -> list[int | None]:
    """For each row, the earlier row of its article it refers back to, or None.

    A definite noun with no date of its own ("that call", "the conversation")
    refers to the nearest earlier mention of its article with the same trigger
    word in the same number, or failing one, of the same type with another word; through that one's
    own antecedent, if it has one. It refers only to a mention the text dates (an
    undated "a call" earlier leaves it to merging), and, when it names parties
    ("the conversation between the presidents of Russia and the United States"),
    only to one that names parties that fit them."""
    found: list[int | None] = [None] * len(rows)
    by_article: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        by_article.setdefault(row["article_id"], []).append(i)
    for members in by_article.values():
        members.sort(key=lambda i: rows[i]["trigger_start"])
        for k, i in enumerate(members):
            row = rows[i]
            if not row.get(DEFINITE) or row["date_source"] != "publication":
                continue
            earlier = list(reversed(members[:k]))
            target = next((e for e in earlier if rows[e]["lemma"] == row["lemma"]
                           and _plural(rows[e]) == _plural(row)), None)
            if target is None:
                target = next((e for e in earlier if rows[e]["event_type"] == row["event_type"]
                               and rows[e]["lemma"] != row["lemma"]), None)
            if target is None:
                continue
            through = found[target]
            target = through if through is not None else target
            parties, theirs = _parties(row, who), _parties(rows[target], who)
            if parties and not (theirs and parties_fit(parties, theirs)):
                continue
            if rows[target]["date_source"] in TEXT_ANCHORS and rows[target]["date_start"] is not None:
                found[i] = target
    return found


def _plural(row: Mapping[str, Any]) -> bool:
    """"conversations" of the lemma "conversation" (the lemma "talks" is not a plural)."""
    word = str(row["trigger"]).lower()
    return word != row["lemma"] and word.endswith("s") and not str(row["lemma"]).endswith("s")


def _merge_input(row: Mapping[str, Any], who: Who, antecedent: int | None = None) -> MentionIn:
    return MentionIn(
        mention_id=row["mention_id"], article_id=row["article_id"], published=row["published"],
        offset=row["trigger_start"], event_type=row["event_type"], lemma=row["lemma"],
        modality=row["modality"], date_start=row["date_start"], date_end=row["date_end"],
        anchor=row["date_source"], precision=row["precision"],
        parties=_parties(row, who), context=row["sentence"], antecedent=antecedent,
    )


def build_events(rows: Sequence[dict[str, Any]], *, who: Who,
                 corrections: Sequence[Correction] = ()) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(event rows, mention rows with their event id and merge reason), both in
    report order."""
    if not rows:
        return [], []
    merged = merge([_merge_input(r, who, a) for r, a in zip(rows, antecedents(rows, who))], corrections)
    events: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    for members in merged.events:
        ident = event_id(rows[i]["mention_id"] for i in members)
        member_rows = [{**_without(rows[i], DEFINITE), "event_id": ident, "merge_reason": merged.reasons[i]}
                       for i in members]
        events.append(_event_row(ident, member_rows, who))
        mentions += member_rows
    return events, mentions


def _without(row: Mapping[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != key}


def _best_dated(rows: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The mention the event takes its date from: among those dated best (a date in the
    text, then the finest, then the firmest), the interval most of them give; on a tie,
    the first reported."""
    def rank(r: Mapping[str, Any]) -> tuple:
        days = interval_days(r["date_start"], r["date_end"])
        return (r["date_start"] is None, date_rank(r["date_source"], r["precision"], r["modality"], days))

    top = rank(min(rows, key=rank))
    best = [r for r in rows if rank(r) == top]
    votes = Counter((r["date_start"], r["date_end"]) for r in best)
    return next(r for r in best if votes[(r["date_start"], r["date_end"])] == max(votes.values()))


def _event_row(ident: str, rows: Sequence[Mapping[str, Any]], who: Who) -> dict[str, Any]:
    dated = _best_dated(rows)
    first = rows[0]                                   # rows come in report order
    kind = Counter(r["event_type"] for r in rows).most_common(1)[0][0]
    participants: Counter[str] = Counter()
    for r in rows:
        participants.update(dict.fromkeys(list(r["agents"]) + list(r["patients"]), 1))
    actors = [name for name, _ in sorted(participants.items(), key=lambda kv: (-kv[1], kv[0]))]
    named = list(dict.fromkeys(n for r in rows for n in r.get("actors") or () if n not in participants))
    places = list(dict.fromkeys(r["place"] for r in rows if r["place"]))
    sides = list(dict.fromkeys(r["side"] for r in rows if r["side"]))
    sources = list(dict.fromkeys(r["source"] for r in rows if r["source"]))
    published = [r["published"] for r in rows if r["published"] is not None]
    first_reported = min(published) if published else None
    modality = min((r["modality"] for r in rows), key=lambda m: FIRMNESS.index(m) if m in FIRMNESS else 9)
    start = dated["date_start"]
    reasons = list(dict.fromkeys(r["merge_reason"] for r in rows if r["merge_reason"] not in ("", FIRST_MENTION)))
    return {
        "event_id": ident, "article_id": first["article_id"], "sentence": dated["sentence"],
        "date_start": start, "date_end": dated["date_end"], "date_text": dated["date_text"],
        "date_value": dated["date_value"], "date_source": dated["date_source"],
        "actors": actors + named, "places": places, "event_type": kind,
        "start": dated["start"], "end": dated["end"],
        "label": label(kind, actors, who), "modality": modality, "precision": dated["precision"],
        "n_mentions": len(rows), "n_articles": len({r["article_id"] for r in rows}), "n_sides": len(sides),
        "sides": sides, "sources": sources, "first_reported": first_reported,
        "lag_days": (first_reported - start).days if first_reported and start else None,
        "merge_reasons": reasons,
    }


def label(kind: str, actors: Sequence[str], who: Who) -> str:
    """"Biden – Putin call": the two most named participants of different parties
    (not "Putin – Russia"), persons before countries, and the type's noun."""
    noun = event_types()[kind].noun if kind in event_types() else kind
    persons = [a for a in actors if a in who.short]
    chosen: list[str] = []
    for name in persons + [a for a in actors if a not in who.short]:
        if who.party_of(name) not in {who.party_of(c) for c in chosen}:
            chosen.append(name)
        if len(chosen) == 2:
            break
    names = [who.short_of(a) for a in chosen]
    return f"{' – '.join(names)} {noun}" if names else noun[:1].upper() + noun[1:]


def densest_window(days: Iterable[date], share: float = WINDOW_SHARE) -> tuple[date, date] | None:
    """The shortest span of days that holds `share` of the given days (the earliest
    such span on a tie): a 1938 outlier among 2022 events is left outside."""
    ordered = sorted(d for d in days if d is not None)
    if not ordered:
        return None
    need = max(1, math.ceil(share * len(ordered)))
    best = (ordered[need - 1] - ordered[0], 0)
    for lo in range(1, len(ordered) - need + 1):
        width = ordered[lo + need - 1] - ordered[lo]
        if width < best[0]:
            best = (width, lo)
    lo = best[1]
    return ordered[lo], ordered[lo + need - 1]
