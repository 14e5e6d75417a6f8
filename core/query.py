"""What an analyst narrowed the corpus to: the one filter type the store, the
CLI and the pages share (no Streamlit here)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The timeline's lane for events that name no actor; the store's SQL and the
# figures' pandas both use it.
NO_ACTOR = "(no actor named)"
# What the timeline's lanes can be, and the buckets its counts view can use.
LANES = ("actor", "event_type")
BUCKETS = ("day", "week")

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


