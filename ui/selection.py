"""What each page shows for a set of selected actors (pure pandas, no Streamlit).

An empty selection means "every actor": each function then returns its input.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Collection, Iterable
from urllib.parse import quote

import pandas as pd

from core.combine.ledger import span_key
from core.extract.event_lexicon import type_group
from core.query import Filters
from ui.figures.claims import series_label
from ui.figures.points import date_anchor

# The actor table as the Actors page shows (and downloads) it.
ACTOR_TABLE_COLUMNS = ["actor", "timeline", "kind", "country", "role", "aliases", "mentions",
                       "first_event", "last_event"]
TIMELINE_PATH = "/Timeline"


def _mentions_any(cell: object, selected: frozenset[str]) -> bool:
    return isinstance(cell, (list, tuple)) and not selected.isdisjoint(cell)


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


def places_named_in(places: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The places that `events` name (the events a filter kept, by the store's SQL)."""
    names: set[str] = set()
    for cell in events["places"]:
        if isinstance(cell, (list, tuple)):
            names.update(cell)
    return places[places["place"].isin(sorted(names))]


def undated_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles with no publication date: their relative dates stay unresolved."""
    return articles[articles["published"].isna()]


# Claim columns the Claims page lets the user narrow by, in the order shown.
CLAIM_FACETS = ("side", "unit", "category", "claimant")
# The Claims page's own filters in the URL; named apart from the sidebar's ?side=
# (the documents' side) and ?category= (its claim category).
CLAIM_QUERY_PARAMS = {"side": "claim_side", "unit": "claim_unit", "category": "claim_category",
                      "claimant": "claimant"}


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


# The Claims page's switch that shows figures from reporters' questions (`?claim_questions=on`).
QUESTIONS_PARAM = "claim_questions"
ARTICLES_PATH = "/Articles"
# The ledger table (core/combine/ledger.py) as the Claims page shows and downloads it.
LEDGER_TABLE_COLUMNS = ["first_date", "last_date", "side", "claimant", "value", "low", "high", "qualifier",
                        "category", "unit_class", "contested", "contested_by", "n_sources", "sentence", "article",
                        "link", "units", "ledger_id", "article_ids", "spans"]


def article_url(article_id: object) -> str:
    """The Articles page opened on one article (it reads `?article=`)."""
    return f"{ARTICLES_PATH}?article={quote(str(article_id), safe='')}"


def ledger_matching(ledger: pd.DataFrame, chosen: dict[str, Collection[str]]) -> pd.DataFrame:
    """Ledger rows that match the Claims page's facets (`claims_matching`'s choices):
    side, category and claimant as chosen, and one of the row's units among the chosen."""
    keep = pd.Series(True, index=ledger.index)
    for column, values in chosen.items():
        if not values:
            continue
        if column == "unit":
            wanted = frozenset(values)
            keep &= ledger["units"].map(lambda units: _mentions_any(units, wanted))
        else:
            keep &= ledger[column].fillna("").astype(str).isin(list(values))
    return ledger[keep]


def ledger_table(ledger: pd.DataFrame, claims: pd.DataFrame, titles: pd.Series | None = None) -> pd.DataFrame:
    """The ledger as the Claims page shows and downloads it (LEDGER_TABLE_COLUMNS): each
    row with its first source's sentence (the figure in ⟦ ⟧), that article's title and a
    link to it on the Articles page. `claims` holds the rows' sources; `titles` maps
    article ids to titles."""
    sentences = dict(zip((span_key(a, s, e) for a, s, e in zip(claims["article_id"], claims["start"], claims["end"])),
                         claims["in_context"].where(claims["in_context"].notna(), claims["sentence"])))
    first_span = ledger["spans"].map(lambda spans: spans[0] if len(spans) else "")
    first_article = ledger["article_ids"].map(lambda ids: ids[0] if len(ids) else "")
    titles = titles if titles is not None else pd.Series(dtype=object)
    table = ledger.assign(
        sentence=first_span.map(sentences).fillna(""),
        article=first_article.map(titles).fillna(first_article),
        link=first_article.map(article_url),
    )
    return table[LEDGER_TABLE_COLUMNS].reset_index(drop=True)


def contested_lines(table: pd.DataFrame) -> list[str]:
    """One plain-text line per contested ledger row: its series, claimant, figure and date,
    and whom it is contested by."""
    lines = []
    for row in table[table["contested"]].to_dict("records"):
        when = "" if pd.isna(row["first_date"]) else f" ({pd.Timestamp(row['first_date']):%Y-%m-%d})"
        lines.append(f"{series_label((row['side'], row['category'], row['unit_class']))}: {row['claimant']} "
                     f"{row['value']:,.0f}{when}, contested by {'; '.join(row['contested_by'])}")
    return lines


# --------------------------------------------------------------------------
# The sidebar's filters (their facet table, SQL and URL form: core.query).


def without_actors(filters: Filters) -> Filters:
    """The same filters with no actor restriction (e.g. to place every actor on a map)."""
    return replace(filters, actors=())


# --------------------------------------------------------------------------
# The detail panel of a clicked timeline point.


@dataclass(frozen=True)
class MentionView:
    """One report of an event as the detail panel shows it: the sentence with
    the trigger at `trigger` (offsets relative to the sentence) and its document."""

    mention: dict[str, Any]
    article: dict[str, Any]
    trigger: tuple[int, int] | None


@dataclass(frozen=True)
class EventDetail:
    """What the analyst needs to judge one event: the event, and every mention
    of it grouped by the side of its document (sides in the order they first
    reported it; mentions in report order)."""

    event: dict[str, Any]
    by_side: dict[str, list[MentionView]]

    @property
    def mention_ids(self) -> list[str]:
        return [m.mention["mention_id"] for views in self.by_side.values() for m in views]


def dating_report(detail: EventDetail) -> MentionView | None:
    """The report the event's date comes from (same date as written, anchor and start;
    the first in report order), or None."""
    event = detail.event

    def same(a: Any, b: Any) -> bool:
        missing_a, missing_b = a is None or _isna(a), b is None or _isna(b)
        if missing_a or missing_b:
            return missing_a and missing_b
        return str(a) == str(b) if isinstance(a, str) or isinstance(b, str) else pd.Timestamp(a) == pd.Timestamp(b)

    for views in detail.by_side.values():
        for view in views:
            mention = view.mention
            if all(same(mention.get(name), event.get(name)) for name in ("date_start", "date_text", "date_source")):
                return view
    return None


def _isna(value: Any) -> bool:
    return not isinstance(value, (list, tuple)) and bool(pd.isna(value))


def clicked_event_ids(points: Iterable[dict[str, Any]], *, position: int) -> list[str]:
    """Event ids of the clicked points (`customdata[position]`), first click first."""
    ids: list[str] = []
    for point in points:
        data = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(data, (list, tuple)) and len(data) > position and str(data[position]) not in ids:
            ids.append(str(data[position]))
    return ids


def _trigger_in_sentence(mention: dict[str, Any]) -> tuple[int, int] | None:
    """The trigger's offsets within the mention's sentence (the sentence is stored
    stripped: find where it starts in the article text), or None."""
    sentence = mention.get("sentence")
    values = [mention.get(k) for k in ("start", "trigger_start", "trigger_end")]
    if not isinstance(sentence, str) or any(v is None or pd.isna(v) for v in values):
        return None
    start, first, last = (int(v) for v in values)
    trigger = mention.get("trigger") if isinstance(mention.get("trigger"), str) else ""
    # the sentence may have lost leading white space: search for the trigger near where it should be
    guess = first - start
    found = sentence.find(trigger, max(0, guess - 8)) if trigger else -1
    if found < 0 or found > guess + 8:
        found = guess
    end = found + (last - first)
    return (found, end) if 0 <= found < end <= len(sentence) else None


def event_detail(frames, event_id: str) -> EventDetail | None:
    """The detail of event `event_id` from `frames` (its event row, its mentions and
    their articles: `ui.source` views' `event_frames`), or None if the corpus no
    longer holds it."""
    rows = frames.events[frames.events["event_id"].astype(str) == str(event_id)]
    if rows.empty:
        return None
    event = rows.iloc[0].to_dict()
    mentions = frames.mentions[frames.mentions["event_id"].astype(str) == str(event_id)]
    mentions = mentions.sort_values(["published", "article_id", "trigger_start"], na_position="last", kind="stable")
    articles = {row["article_id"]: row for row in frames.articles.to_dict("records")}
    by_side: dict[str, list[MentionView]] = {}
    for mention in mentions.to_dict("records"):
        side = mention.get("side") if isinstance(mention.get("side"), str) and mention.get("side") else "side unknown"
        article = articles.get(mention["article_id"], {"article_id": mention["article_id"]})
        by_side.setdefault(side, []).append(MentionView(mention, article, _trigger_in_sentence(mention)))
    return EventDetail(event=event, by_side=by_side)


def merge_candidates(events: pd.DataFrame, event: dict[str, Any], *, days: int = 7,
                     limit: int = 50) -> pd.DataFrame:
    """Events the user may merge into `event`: dated within `days` of it (event
    time), its own type first, then by distance in days; at most `limit`."""
    others = events[events["event_id"].astype(str) != str(event.get("event_id"))]
    start = event.get("date_start")
    if start is None or pd.isna(start):
        return others.iloc[0:0]
    gap = (pd.to_datetime(others["date_start"], errors="coerce") - pd.Timestamp(start)).dt.days.abs()
    near = others.assign(_gap=gap)[gap <= days]
    kind = str(event.get("event_type") or "")
    near = near.assign(_kind=[0 if t == kind else 1 if type_group(str(t)) == type_group(kind) else 2
                              for t in near["event_type"]])
    return near.sort_values(["_kind", "_gap", "event_id"], kind="stable").head(limit).drop(columns=["_gap", "_kind"])


# --------------------------------------------------------------------------
# The Timeline's tables and their CSVs: exactly what the page shows.

# The events table (one row per event), in the order shown and downloaded.
EVENT_TABLE_COLUMNS = ["date_start", "date_end", "label", "event_type", "modality", "precision", "date_text",
                       "date_source", "actors", "places", "n_articles", "n_sides", "sides", "sources",
                       "first_reported", "lag_days", "n_mentions", "sentence", "event_id", "article_id"]
# The mentions CSV: every mention of the events shown, with its event's id.
MENTION_TABLE_COLUMNS = ["event_id", "mention_id", "side", "source", "published", "article_id", "trigger",
                         "event_type", "modality", "date_start", "date_end", "date_text", "date_source",
                         "precision", "agents", "patients", "place", "sentence", "start", "end", "merge_reason"]


def events_table(events: pd.DataFrame, *, clock: str = "event") -> pd.DataFrame:
    """The Timeline's events, one row per event, in time order on `clock`."""
    order = "first_reported" if clock == "report" else "date_start"
    return _with_anchor(events.sort_values([order, "event_id"], na_position="last", kind="stable")[EVENT_TABLE_COLUMNS])


def mentions_table(mentions: pd.DataFrame, event_ids: Iterable[str]) -> pd.DataFrame:
    """The mentions of the events `event_ids` (those shown), each with its event id,
    grouped by event in the order given, in report order within one."""
    order = {str(e): i for i, e in enumerate(dict.fromkeys(event_ids))}
    kept = mentions[mentions["event_id"].astype(str).isin(order)]
    kept = kept.assign(_event=kept["event_id"].astype(str).map(order)).sort_values(
        ["_event", "published", "article_id", "trigger_start"], na_position="last", kind="stable")
    table = kept[MENTION_TABLE_COLUMNS].reset_index(drop=True)
    return _with_anchor(table)


def _with_anchor(table: pd.DataFrame) -> pd.DataFrame:
    """`date_source` as what the date rests on (`ui.figures.points.date_anchor`): "undated"
    where nothing resolved it, not the extractor's "publication" with no date."""
    return table.assign(date_source=[date_anchor(start, source) for start, source
                                     in zip(table["date_start"], table["date_source"])])
