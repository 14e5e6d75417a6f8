"""What an analyst narrowed the corpus to (`Filters`), and the facet table
(`FACETS`) that says, once for each filter, what it is: its `Filters` field,
its URL parameter, its sidebar label and help, the frames it applies to with
its SQL for each, and the SQL of the values it offers.

Everything else reads the table: the store's WHERE clauses (`where`, run by
`core.store.db`), the sidebar (`ui.filters`), the URL round trip (`filters_to_query`,
`filters_from_query`) and the docs (`docs/filters.md`, whose table a test holds
to this one). No Streamlit and no database here: the SQL is text, with the
chosen values bound as `$<field>` parameters.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

# The timeline's lane for events that name no actor; the store's SQL and the
# figures' pandas both use it.
NO_ACTOR = "(no actor named)"
# What the timeline's lanes can be, and the buckets its counts view can use.
LANES = ("actor", "event_type")
BUCKETS = ("day", "week")
# The frames the filters narrow; every other frame follows the articles they keep.
FILTERED_FRAMES = ("events", "claims", "articles")


@dataclass(frozen=True)
class Filters:
    """What the analyst narrowed the corpus to. Empty means "no restriction"."""

    actors: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    event_types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()          # who the documents speak for (articles.side): "Russia", "ITV News"...


@dataclass(frozen=True)
class Facet:
    """A filter that keeps the rows whose value is among the chosen ones.

    `events`, `claims` and `articles` are its SQL condition on a row `t` of that
    frame's table (`frame_events`...), with the chosen values as `$<field>`; None
    where it does not apply (that frame is not narrowed by it)."""

    field: str                     # its Filters field, a tuple of values; also its SQL parameter
    param: str                     # its URL parameter, repeated for several values
    label: str                     # the sidebar's label
    help: str                      # the sidebar's tooltip
    options: str                   # SQL: the values the corpus holds, most frequent first
    events: str | None = None
    claims: str | None = None
    articles: str | None = None
    # The export (`core.store.db.Store.frames`) keeps only the articles that report a kept event when it is set.
    export_reporting_articles: bool = False

    @property
    def url_params(self) -> tuple[str, ...]:
        return (self.param,)

    def condition(self, frame: str, filters: Filters) -> str | None:
        """Its SQL for `frame` when something is chosen and it applies there, else None."""
        return getattr(self, frame) if getattr(filters, self.field) else None

    def params(self, filters: Filters) -> dict[str, Any]:
        chosen = getattr(filters, self.field)
        return {self.field: list(chosen)} if chosen else {}

    def to_query(self, filters: Filters) -> dict[str, list[str]]:
        chosen = getattr(filters, self.field)
        return {self.param: list(chosen)} if chosen else {}

    def from_query(self, get_all: Callable[[str], list[str]]) -> dict[str, Any]:
        return {self.field: tuple(dict.fromkeys(get_all(self.param)))}


@dataclass(frozen=True)
class DateRange:
    """The date filter: keeps the rows whose [start, end] overlaps the chosen dates;
    undated rows drop out only when a bound is set. Each frame's value is its
    (start, end) columns on a row `t`; None where it does not apply."""

    label: str
    help: str
    events: tuple[str, str] | None = None
    claims: tuple[str, str] | None = None
    articles: tuple[str, str] | None = None
    fields: tuple[str, str] = ("date_from", "date_to")
    url_params: tuple[str, str] = ("from", "to")

    def condition(self, frame: str, filters: Filters) -> str | None:
        span = getattr(self, frame)
        if span is None or (filters.date_from is None and filters.date_to is None):
            return None
        start, end = span
        parts = [f"{start} IS NOT NULL"]
        if filters.date_to is not None:
            parts.append(f"{start} <= $date_to")
        if filters.date_from is not None:
            parts.append(f"coalesce({end}, {start}) >= $date_from")
        return " AND ".join(parts)

    def params(self, filters: Filters) -> dict[str, Any]:
        bounds = {"date_from": filters.date_from, "date_to": filters.date_to}
        return {name: value for name, value in bounds.items() if value is not None}

    def to_query(self, filters: Filters) -> dict[str, list[str]]:
        bounds = (filters.date_from, filters.date_to)
        return {param: [value.isoformat()] for param, value in zip(self.url_params, bounds) if value}

    def from_query(self, get_all: Callable[[str], list[str]]) -> dict[str, Any]:
        """The bounds in the URL (the last of each); a bad date is ignored, swapped bounds are put in order."""
        start, end = (_iso_date(_last(get_all(param))) for param in self.url_params)
        if start and end and start > end:
            start, end = end, start
        return {"date_from": start, "date_to": end}


def _last(values: list[str]) -> str | None:
    return values[-1] if values else None


def _iso_date(text: str | None) -> date | None:
    """An ISO date from the URL, or None for anything else (a bad link never breaks a page)."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _most_frequent(table: str, column: str) -> str:
    """SQL: the distinct non-empty values of a column, most frequent first."""
    return (f"SELECT {column} FROM frame_{table} WHERE coalesce({column}, '') <> '' "
            "GROUP BY 1 ORDER BY count(*) DESC, 1")


def _of_articles_whose(column: str, field: str) -> str:
    """SQL: a row `t` of an article whose `column` is among `$field`."""
    return (f"t.article_id IN (SELECT article_id FROM frame_articles "
            f"WHERE list_contains(${field}, coalesce({column}, '')))")


# The filters, in the sidebar's order. An event carries every source and side that
# reports it (any of its mentions); a claim and an article have those of their document.
FACETS: tuple[Facet | DateRange, ...] = (
    Facet(
        "actors", "actor", "Actors", "Show only what involves these actors. Empty means every actor.",
        options=("SELECT actor FROM frame_actors WHERE actor IS NOT NULL AND actor <> '' "
                 "ORDER BY mentions DESC NULLS LAST, actor"),
        events="list_has_any(t.actors, $actors::VARCHAR[])",
        claims="(list_contains($actors, t.claimant) OR list_contains($actors, t.side))",
        articles=("(t.article_id IN (SELECT article_id FROM frame_entity_mentions WHERE list_contains($actors, entity))"
                  " OR t.article_id IN (SELECT article_id FROM frame_events WHERE list_has_any(actors, $actors::VARCHAR[]))"
                  " OR t.article_id IN (SELECT article_id FROM frame_claims"
                  " WHERE list_contains($actors, claimant) OR list_contains($actors, side)))"),
    ),
    DateRange(
        "Dates", "Events, claims and articles dated within this range. The whole range keeps undated items too.",
        events=("t.date_start", "t.date_end"), claims=("t.date", "t.date"), articles=("t.published", "t.published"),
    ),
    Facet(
        "event_types", "type", "Event types", "Timeline events of these types only.",
        options=_most_frequent("events", "event_type"),
        events="list_contains($event_types, coalesce(t.event_type, ''))",
        export_reporting_articles=True,
    ),
    Facet(
        "sides", "side", "Sides", "Only documents from these sides: the United States, Russia, Ukraine, "
                                  "or a news outlet (for news, its side is its outlet).",
        options=_most_frequent("articles", "side"),
        events="list_has_any(t.sides, $sides::VARCHAR[])",
        claims=_of_articles_whose("side", "sides"),
        articles="list_contains($sides, coalesce(t.side, ''))",
    ),
    Facet(
        "sources", "source", "Sources", "Only what these outlets published.",
        options=_most_frequent("articles", "source"),
        events="list_has_any(t.sources, $sources::VARCHAR[])",
        claims=_of_articles_whose("source", "sources"),
        articles="list_contains($sources, coalesce(t.source, ''))",
    ),
    Facet(
        "categories", "category", "Claim category",
        "Troop claims of these categories only (force size, killed, …).",
        options=_most_frequent("claims", "category"),
        claims="list_contains($categories, coalesce(t.category, ''))",
    ),
)
# The facets that choose among values (every filter but the dates).
VALUE_FACETS: tuple[Facet, ...] = tuple(f for f in FACETS if isinstance(f, Facet))


def facet(field: str) -> Facet:
    """The value facet of a `Filters` field."""
    return next(f for f in VALUE_FACETS if f.field == field)


def where(frame: str, filters: Filters) -> tuple[str, dict[str, Any]]:
    """The SQL condition on a row `t` of `frame` ("events", "claims" or
    "articles") that keeps what `filters` keep, and its parameters ("TRUE"
    when nothing narrows it)."""
    parts = [sql for f in FACETS if (sql := f.condition(frame, filters))]
    params = {name: value for f in FACETS for name, value in f.params(filters).items()}
    return " AND ".join(parts) or "TRUE", params


def exports_reporting_articles(filters: Filters) -> bool:
    """Whether the export keeps only the articles reporting a kept event (a chosen event type)."""
    return any(f.export_reporting_articles and getattr(filters, f.field) for f in VALUE_FACETS)


def filters_to_query(filters: Filters) -> dict[str, list[str]]:
    """The URL parameters that reproduce `filters` (absent = not restricted)."""
    return {param: values for f in FACETS for param, values in f.to_query(filters).items()}


def filters_from_query(get_all: Callable[[str], list[str]]) -> Filters:
    """Filters from URL parameters; `get_all(name)` returns every value of `name`."""
    return Filters(**{name: value for f in FACETS for name, value in f.from_query(get_all).items()})


@dataclass(frozen=True)
class FilterOptions:
    """What the sidebar offers: the values present in the corpus, most frequent first."""

    values: dict[str, list[str]]       # a value facet's field -> its values (the store's `filter_options`)
    mentions: dict[str, int]           # actor -> mentions, for the "Russia (10)" labels
    bounds: tuple[date, date] | None   # earliest and latest date anywhere in the corpus
