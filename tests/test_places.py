"""Places: offline geocoding (pure) and which names are places in context (model)."""
from __future__ import annotations

import pytest

from core.extract.gazetteer import geocode
from core.extract.places import iter_place_mentions


@pytest.mark.parametrize(("name", "context", "place", "country", "kind"), [
    ("Kyiv", (), "Kyiv", "Ukraine", "city"),
    ("Kiev", (), "Kyiv", "Ukraine", "city"),             # an alternate spelling
    ("Dnipro", (), "Dnipro", "Ukraine", "city"),
    ("Munich", (), "Munich", "Germany", "city"),
    ("Kabul", (), "Kabul", "Afghanistan", "city"),
    ("Ukraine's", (), "Ukraine", "Ukraine", "country"),
    ("the UK", (), "United Kingdom", "United Kingdom", "country"),
    ("Belarus", (), "Belarus", "Belarus", "country"),
    ("Crete", (), "Crete", "Greece", "island"),
    ("Gatwick Airport", (), "Gatwick Airport", "United Kingdom", "airport"),
    ("Europe", (), "Europe", "", "continent"),
    # same-name cities: the article's countries first, then population
    ("Birmingham", (), "Birmingham", "United Kingdom", "city"),
    ("Birmingham", ("United States",), "Birmingham", "United States", "city"),
    ("Moscow", (), "Moscow", "Russia", "city"),
])
def test_geocode(name, context, place, country, kind) -> None:
    found = geocode(name, context_countries=context)
    assert (found.name, found.country, found.kind) == (place, country, kind)
    assert found.lat is not None and found.lon is not None


def test_unknown_place_is_kept_without_coordinates() -> None:
    found = geocode("Xanadu Heights")
    assert (found.name, found.lat, found.lon, found.kind) == ("Xanadu Heights", None, None, "unknown")


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "places"), [
    ("Mr Wallace flew to Moscow last week.", ["Moscow"]),
    ("Moscow's forces are massing on Ukraine's north.", ["Ukraine"]),
    ("Passengers arrived on a flight to Gatwick Airport from Kyiv on Saturday.", ["Gatwick Airport", "Kyiv"]),
    ("He studied at the Dnipro Medical Institute.", ["Dnipro"]),
    ("Joe Biden spoke to Dominic Raab. Biden then met Raab.", []),  # surnames are not places
    ("The West must realise Russia could move quickly.", ["Russia"]),
])
def test_place_mentions(nlp, sentence: str, places: list[str]) -> None:
    assert [m.text for m in iter_place_mentions(nlp(sentence))] == places
