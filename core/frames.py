"""Records to DataFrames: the one place that fixes the frames' columns.

The column lists are the output contract of `python -m core extract` and of
the CSV downloads; add columns at the end, never rename or reorder.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Iterable, Mapping

import pandas as pd

ARTICLE_COLUMNS = ["article_id", "title", "source", "url", "published", "words", "path", "language", "warnings",
                   "attribution", "licence", "side"]
TIMEX_COLUMNS = ["article_id", "start", "end", "text", "type", "value", "date_start", "date_end", "sentence_index"]
# One row per event (mentions of one occurrence merged): the first columns as they
# were when a row was a sentence, then what an event adds.
EVENT_COLUMNS = [
    "event_id", "article_id", "sentence", "date_start", "date_end", "date_text", "date_value",
    "date_source", "actors", "places", "event_type", "start", "end",
    "label", "modality", "precision", "n_mentions", "n_articles", "n_sides", "sides", "sources",
    "first_reported", "lag_days", "merge_reasons",
]
CLAIM_COLUMNS = [
    "article_id", "start", "end", "sentence", "value", "low", "high", "qualifier", "unit",
    "category", "side", "claimant", "location", "date", "as_of", "text", "flags", "figure", "in_context",
]
ACTOR_COLUMNS = ["actor", "kind", "country", "role", "aliases", "mentions", "articles", "first_event", "last_event"]
PLACE_COLUMNS = ["place", "lat", "lon", "country", "kind", "mentions", "articles"]
# Event mentions, each with the event it was merged into; start/end is the mention's sentence.
MENTION_COLUMNS = [
    "event_id", "article_id", "start", "end", "sentence", "trigger", "trigger_start", "trigger_end", "lemma",
    "event_type", "modality", "date_start", "date_end", "date_text", "date_value", "date_source", "precision",
    "agents", "patients", "place", "side", "source", "published", "mention_id", "merge_reason", "actors",
]
# Actor and place names in the text (for highlighting and the actor filter).
ENTITY_MENTION_COLUMNS = ["article_id", "start", "end", "text", "entity", "kind", "sentence_index"]

FRAME_COLUMNS: dict[str, list[str]] = {
    "articles": ARTICLE_COLUMNS,
    "events": EVENT_COLUMNS,
    "timexes": TIMEX_COLUMNS,
    "claims": CLAIM_COLUMNS,
    "actors": ACTOR_COLUMNS,
    "places": PLACE_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "entity_mentions": ENTITY_MENTION_COLUMNS,
}
# Frames whose list-valued cells are joined with this separator in CSV.
LIST_SEPARATOR = "; "
DATE_COLUMNS = {"published", "date_start", "date_end", "date", "as_of", "first_event", "last_event", "first_reported"}
# ("sentence" is text in events and claims; the index of a sentence is "sentence_index".)
INT_COLUMNS = {"start", "end", "words", "mentions", "articles", "sentence_index", "trigger_start", "trigger_end",
               "n_mentions", "n_articles", "n_sides", "lag_days"}


def frame(name: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Build frame `name` from dict rows, with the contract's columns and dtypes.

    Dates are pandas datetimes (NaT when unknown); list cells stay Python lists
    in memory (see `to_flat`).
    """
    columns = FRAME_COLUMNS[name]
    df = pd.DataFrame(list(rows))
    for column in columns:
        if column not in df.columns:
            df[column] = pd.Series(dtype="object")
    df = df[columns + [c for c in df.columns if c not in columns]]
    for column in DATE_COLUMNS & set(df.columns):
        df[column] = pd.to_datetime(df[column], errors="coerce")
    for column in INT_COLUMNS & set(df.columns):
        df[column] = pd.to_numeric(df[column], errors="coerce").astype("Int64")
    return df.reset_index(drop=True)


@dataclass(frozen=True)
class Frames:
    """The contract frames, plus the actor and place mentions used for highlighting."""

    articles: pd.DataFrame
    events: pd.DataFrame
    timexes: pd.DataFrame
    claims: pd.DataFrame
    actors: pd.DataFrame
    places: pd.DataFrame
    mentions: pd.DataFrame
    entity_mentions: pd.DataFrame

    @classmethod
    def empty(cls) -> "Frames":
        return cls(**{name: frame(name, []) for name in FRAME_COLUMNS})

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self)]


def to_flat(df: pd.DataFrame) -> pd.DataFrame:
    """A copy fit for CSV/JSON: lists joined, dates as ISO strings, a float column
    of whole numbers as integers ("130000", not "130000.0"), NA as None."""
    flat = df.copy()
    for column in flat.columns:
        series = flat[column]
        if pd.api.types.is_float_dtype(series):
            present = series.dropna()
            if (present == present.round()).all() and present.abs().lt(2 ** 53).all():
                flat[column] = series.astype("Int64")
        elif pd.api.types.is_datetime64_any_dtype(series):
            flat[column] = series.dt.strftime("%Y-%m-%d").where(series.notna(), None)
        elif series.dtype == object and series.map(lambda v: isinstance(v, (list, tuple))).any():
            flat[column] = series.map(
                lambda v: LIST_SEPARATOR.join(v) if isinstance(v, (list, tuple)) else v
            )
    return flat.astype(object).where(flat.notna(), None)
