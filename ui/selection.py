"""What each page shows for a set of selected actors (pure pandas, no Streamlit).

An empty selection means "every actor": each function then returns its input.
"""
from __future__ import annotations

from typing import Any, Collection, Iterable
from urllib.parse import quote

import pandas as pd

# The actor table as the Actors page shows (and downloads) it.
ACTOR_TABLE_COLUMNS = ["actor", "timeline", "kind", "country", "role", "aliases", "mentions",
                       "first_event", "last_event"]
TIMELINE_PATH = "/Timeline"


def _mentions_any(cell: object, selected: frozenset[str]) -> bool:
    return isinstance(cell, (list, tuple)) and not selected.isdisjoint(cell)


def events_for_actors(events: pd.DataFrame, selected: Collection[str]) -> pd.DataFrame:
    """Events whose `actors` list names at least one selected actor."""
    if not selected:
        return events
    wanted = frozenset(selected)
    return events[events["actors"].map(lambda cell: _mentions_any(cell, wanted))]


def claims_for_actors(claims: pd.DataFrame, selected: Collection[str]) -> pd.DataFrame:
    """Claims made by (`claimant`) or about (`side`) a selected actor."""
    if not selected:
        return claims
    wanted = list(selected)
    return claims[claims["claimant"].isin(wanted) | claims["side"].isin(wanted)]


def actors_for(actors: pd.DataFrame, selected: Collection[str]) -> pd.DataFrame:
    """The selected actors' rows of the actor table."""
    return actors[actors["actor"].isin(list(selected))] if selected else actors


def timeline_url(actor: str) -> str:
    """The Timeline page filtered to one actor (the sidebar filter reads `?actor=`)."""
    return f"{TIMELINE_PATH}?actor={quote(actor, safe='')}"


def actor_table(actors: pd.DataFrame) -> pd.DataFrame:
    """The actor rows to show: most mentioned first, with a link to each one's timeline."""
    table = actors.assign(timeline=actors["actor"].astype(str).map(timeline_url))
    table = table.sort_values(["mentions", "actor"], ascending=[False, True], na_position="last")
    return table[ACTOR_TABLE_COLUMNS].reset_index(drop=True)


def clicked_actors(points: Iterable[dict[str, Any]]) -> list[str]:
    """Actor names from a chart selection's points (the network puts the name in `customdata[0]`)."""
    names: list[str] = []
    for point in points:
        data = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(data, (list, tuple)) and data and isinstance(data[0], str) and data[0] not in names:
            names.append(data[0])
    return names


def places_for_actors(places: pd.DataFrame, events: pd.DataFrame, selected: Collection[str]) -> pd.DataFrame:
    """Places named in the same events as a selected actor."""
    if not selected:
        return places
    names: set[str] = set()
    for cell in events_for_actors(events, selected)["places"]:
        if isinstance(cell, (list, tuple)):
            names.update(cell)
    return places[places["place"].isin(sorted(names))]


def articles_for_actors(frames, selected: Collection[str]) -> pd.DataFrame:
    """Articles that mention a selected actor (in a mention, an event or a claim)."""
    articles = frames.articles
    if not selected:
        return articles
    wanted = list(selected)
    ids = set(frames.mentions.loc[frames.mentions["entity"].isin(wanted), "article_id"])
    ids |= set(events_for_actors(frames.events, wanted)["article_id"])
    ids |= set(claims_for_actors(frames.claims, wanted)["article_id"])
    return articles[articles["article_id"].isin(sorted(ids, key=str))]


def undated_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles with no publication date: their relative dates stay unresolved."""
    return articles[articles["published"].isna()]


# Claim columns the Claims page lets the user narrow by, in the order shown.
CLAIM_FACETS = ("side", "unit", "category", "claimant")


def facet_options(claims: pd.DataFrame, column: str) -> list[str]:
    """The distinct non-empty values of a claims column, most frequent first."""
    values = claims[column].dropna().astype(str)
    values = values[values != ""]
    counts = values.value_counts()
    return sorted(counts.index, key=lambda v: (-counts[v], v))


def claims_matching(claims: pd.DataFrame, chosen: dict[str, Collection[str]]) -> pd.DataFrame:
    """Claims whose value in each facet is among the chosen ones (an empty choice keeps all)."""
    keep = pd.Series(True, index=claims.index)
    for column, values in chosen.items():
        if values:
            keep &= claims[column].astype(str).isin(list(values))
    return claims[keep]
