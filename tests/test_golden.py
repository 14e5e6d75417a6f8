"""End-to-end golden test: the seed corpus's frames against ../shared/seeds/*.gold.json.

The per-extractor seed tests (test_*_seed.py) check each extractor on a Doc;
this one checks what the user gets, through ingestion, the cache-free corpus
build, actor canonicalisation and the frames. Recall figures are printed
(`pytest -s tests/test_golden.py`) for the closing notes.
"""
from __future__ import annotations

import pandas as pd
import pytest

pytestmark = pytest.mark.model

# Expected country of each gold place (the gold lists names only).
PLACE_COUNTRIES = {
    "Kyiv": "Ukraine", "Moscow": "Russia", "Ukraine": "Ukraine", "Russia": "Russia", "Belarus": "Belarus",
    "Crete": "Greece", "Afghanistan": "Afghanistan", "Kabul": "Afghanistan", "Munich": "Germany",
    "Gatwick Airport": "United Kingdom", "Birmingham": "United Kingdom", "Dnipro": "Ukraine",
}


def _accepted(item: dict) -> set[str]:
    return {item["value"], *item.get("also_accepted", [])}


def test_timexes_match_gold(seed_corpus, seed_gold) -> None:
    timexes = seed_corpus.frames.timexes
    found = {(int(r.start), int(r.end)): r.value for r in timexes.itertuples()}
    required = [t for t in seed_gold["timexes"] if t["required"]]
    right = [t for t in required if found.get((t["start"], t["end"])) in _accepted(t)]
    missing = [(t["text"], t["start"], t["value"], found.get((t["start"], t["end"]))) for t in required if t not in right]
    print(f"\nseed timex recall (span and value): {len(right)}/{len(required)} = {len(right) / len(required):.2f}")
    assert not missing, f"required time expressions missing or wrong (text, start, gold, ours): {missing}"
    for bad in seed_gold["not_timexes"]:
        overlapping = timexes[(timexes.start < bad["end"]) & (timexes.end > bad["start"])]
        assert overlapping.empty, f"{bad['text']!r} tagged as {overlapping.text.tolist()}"


def test_claims_match_gold(seed_corpus, seed_gold) -> None:
    claims = seed_corpus.frames.claims
    gold = seed_gold["claims"]
    right = 0
    for item in gold:
        rows = claims[(claims.start == item["number_start"]) & (claims.end == item["number_end"])]
        assert len(rows) == 1, f"claim {item['fragment']!r} not found at its figure"
        row = rows.iloc[0]
        got = (row.value, row.unit, row.side, row.claimant.lower())
        assert got == (item["value"], item["unit"], item["side"], item["claimant"].lower()), item["fragment"]
        assert row.date.date().isoformat() == item["date"]
        right += 1
    print(f"\nseed claim recall: {right}/{len(gold)}; extra claims: {len(claims) - right}")
    assert len(claims) == len(gold), claims[["sentence", "value", "unit"]].to_string()


def test_each_actor_alias_group_is_one_actor(seed_corpus, seed_gold) -> None:
    mentions = seed_corpus.frames.entity_mentions
    actors = mentions[mentions.kind == "actor"]
    entity_of_group = {}
    for group, aliases in seed_gold["actors"].items():
        hits = actors[actors.text.str.replace(r"['\u2019]s$", "", regex=True).isin(aliases)]
        assert not hits.empty, f"no mention of {group}"
        entities = set(hits.entity)
        assert len(entities) == 1, f"{group} split into {entities}"
        entity_of_group[group] = entities.pop()
    assert len(set(entity_of_group.values())) == len(entity_of_group), "two gold groups merged"


def test_gold_places_are_geocoded_in_the_right_country(seed_corpus, seed_gold) -> None:
    places = seed_corpus.frames.places.set_index("place")
    missing = [p for p in seed_gold["places"] if p not in places.index]
    print(f"\nseed places found: {len(seed_gold['places']) - len(missing)}/{len(seed_gold['places'])}")
    assert not missing
    for place, country in PLACE_COUNTRIES.items():
        row = places.loc[place]
        assert row.country == country, place
        assert pd.notna(row.lat) and pd.notna(row.lon), place
    assert pd.notna(places.loc["Europe"].lat)


def test_events_are_dated_from_their_own_expressions(seed_corpus) -> None:
    """UK nationals "were ordered to leave on Friday night": the order is dated by its
    own expression, resolved against the publication date (Sunday 13 February)."""
    events, mentions = seed_corpus.frames.events, seed_corpus.frames.mentions
    assert len(events) >= 10 and len(mentions) > len(events)
    ordered = mentions[(mentions.trigger == "ordered") & (mentions.date_text == "Friday night")]
    assert len(ordered) == 1 and ordered.iloc[0].date_start == pd.Timestamp("2022-02-11")
    assert ordered.iloc[0].date_source == "relative"
    assert set(events.date_source) <= {"explicit", "relative", "publication"}
    assert events.actors.map(len).gt(0).any()
    # every mention belongs to exactly one event, and every event has a mention
    assert set(mentions.event_id) == set(events.event_id)


def test_actors_carry_their_first_and_last_dated_event(seed_corpus) -> None:
    actors = seed_corpus.frames.actors.set_index("actor")
    # Liz Truss's call was "on Saturday" (12 Feb); Boris Johnson travels "towards the end of the week"
    assert actors.loc["Liz Truss", "first_event"] == pd.Timestamp("2022-02-12")
    assert actors.loc["Boris Johnson", "last_event"] >= pd.Timestamp("2022-02-18")
    # an actor named outside every event's sentences has no event span (NaT), others an ordered one
    dated = actors.dropna(subset=["first_event"])
    assert len(dated) >= 10 and dated.last_event.notna().all()
    assert (dated.first_event <= dated.last_event).all()
