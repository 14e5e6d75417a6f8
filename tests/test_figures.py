"""Figure builders and page selections on small synthetic frames (no Streamlit)."""
from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from core.frames import frame
from core.query import NO_ACTOR
from ui.figures.claims import UNATTRIBUTED, claims_figure
from ui.figures.common import DAY_MS, WEBGL_ABOVE, wrap_hover
from ui.figures.counts import timeline_counts_figure
from ui.figures.maps import country_mentions, places_map
from ui.figures.network import actor_graph, co_mentions, network_figure
from ui.figures.points import bucket_for, event_counts, event_points_count, resolution_text, timeline_points
from ui.figures.timeline import TIMELINE_CUSTOMDATA, timeline_figure
from ui.selection import (
    actor_table,
    actors_for,
    clicked_actors,
    places_named_in,
    timeline_url,
    undated_articles,
)

# Events as core.combine.events builds them: e2 is reported by three documents on two sides; e3 is planned.
EVENTS = frame("events", [
    {"event_id": "e1", "article_id": "a1", "sentence": "Russia moved troops <near> Kyiv.", "date_start": "2022-02-10",
     "date_text": "Thursday", "date_source": "relative", "actors": ["Russia"], "places": ["Kyiv"],
     "event_type": "deployment", "label": "Russia deployment", "modality": "asserted", "precision": "day",
     "n_mentions": 1, "n_articles": 1, "n_sides": 1, "sides": ["United States"], "sources": ["Wire"],
     "first_reported": "2022-02-13", "lag_days": 3},
    {"event_id": "e2", "article_id": "a1", "sentence": "Ben Wallace met Russia's minister in Moscow.",
     "date_start": "2022-02-11", "date_end": "2022-02-12", "date_text": "11-12 February", "date_source": "explicit",
     "actors": ["Ben Wallace", "Russia"], "places": ["Moscow"], "event_type": "meeting",
     "label": "Wallace – Russia meeting", "modality": "asserted", "precision": "day", "n_mentions": 4,
     "n_articles": 3, "n_sides": 2, "sides": ["United States", "Russia"], "sources": ["Wire", "Kremlin"],
     "first_reported": "2022-02-12", "lag_days": 1},
    {"event_id": "e3", "article_id": "a1", "sentence": "Talks will go on.", "date_start": "2022-02-13",
     "date_text": "", "date_source": "publication", "actors": [], "places": [], "event_type": "meeting",
     "label": "Meeting", "modality": "planned", "precision": "day", "n_mentions": 1, "n_articles": 1,
     "n_sides": 1, "sides": ["United States"], "sources": ["Wire"], "first_reported": "2022-02-13", "lag_days": 0},
    {"event_id": "e4", "article_id": "a2", "sentence": "On Monday, NATO met.", "date_start": None,
     "date_text": "Monday", "actors": ["NATO"], "places": ["Atlantis"], "event_type": "meeting",
     "label": "NATO meeting", "modality": "asserted", "n_articles": 1, "n_sides": 1, "sides": ["Blog"],
     "sources": ["Blog"], "first_reported": None},
])
CLAIMS = frame("claims", [
    {"article_id": "a1", "sentence": "Wallace said 130,000 troops.", "value": 130000.0, "unit": "troops",
     "side": "Russia", "claimant": "Ben Wallace", "date": "2022-02-13"},
    {"article_id": "a1", "sentence": "Between 100,000 and 150,000.", "value": 125000.0, "low": 100000.0,
     "high": 150000.0, "unit": "troops", "side": "Russia", "claimant": "Joe Biden", "date": "2022-02-12"},
    {"article_id": "a1", "sentence": "Later, 140,000.", "value": 140000.0, "unit": "troops", "side": "Russia",
     "claimant": "Ben Wallace", "date": "2022-02-14"},
    {"article_id": "a1", "sentence": "Some 5,000 said nobody.", "value": 5000.0, "unit": "troops",
     "side": "Ukraine", "claimant": None, "date": "2022-02-14"},
    {"article_id": "a2", "sentence": "No date here.", "value": 7.0, "unit": "battalions", "side": "Russia",
     "claimant": "NATO", "date": None},
])
PLACES = frame("places", [
    {"place": "Kyiv", "lat": 50.45, "lon": 30.52, "country": "UA", "kind": "city", "mentions": 9},
    {"place": "Moscow", "lat": 55.75, "lon": 37.62, "country": "RU", "kind": "city", "mentions": 1},
    {"place": "Atlantis", "lat": None, "lon": None, "country": None, "kind": "city", "mentions": 2},
])
ACTORS = frame("actors", [
    {"actor": "Russia", "kind": "country", "aliases": ["Moscow"], "mentions": 10},
    {"actor": "Ben Wallace", "kind": "person", "aliases": ["Wallace"], "mentions": 4},
    {"actor": "NATO", "kind": "organisation", "aliases": [], "mentions": 1},
])


def decoded(values) -> list:
    """A trace array from a figure's JSON: plain list, or plotly's base64 typed array."""
    if isinstance(values, dict) and "bdata" in values:
        import base64
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def spec(fig: go.Figure) -> dict:
    return json.loads(fig.to_json())


# --- hover text -------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("short sentence", "short sentence"),
        ("a <b> & c", "a &lt;b&gt; &amp; c"),
        ("spaces   and\nnewlines", "spaces and newlines"),
        (None, ""),
        (float("nan"), ""),
        ("word " * 30, "<br>".join(["word word word word word word word word word word word word word word"] * 2)
         + "<br>word word"),
    ],
)
def test_wrap_hover(text, expected):
    assert wrap_hover(text) == expected


def test_wrap_hover_cuts_long_sentences():
    out = wrap_hover("x" * 50 + " " + "y" * 2000, limit=100)
    assert out.endswith("…") and len(out.replace("<br>", "")) <= 100


@pytest.mark.parametrize(
    ("start", "end", "source", "expected"),
    [
        ("2022-02-13", None, "explicit", "2022-02-13 (explicit date in the text)"),
        ("2022-02-13", "2022-02-13", "publication", "2022-02-13 (publication date only: no date in the text)"),
        ("2022-02-13", "2022-02-13", "relative", "2022-02-13 (relative date, resolved against the publication date)"),
        ("2022-02-11", "2022-02-12", "explicit", "2022-02-11 – 2022-02-12 (explicit date in the text)"),
        (None, None, None, "undated: no explicit date in the text, and no publication date to resolve against"),
        (None, None, "publication", "undated: no explicit date in the text, and no publication date to resolve against"),
        ("2022-02-13", None, None, "2022-02-13"),
    ],
)
def test_resolution_text(start, end, source, expected):
    to_ts = lambda v: pd.Timestamp(v) if v else pd.NaT  # noqa: E731
    assert resolution_text(to_ts(start), to_ts(end), source) == expected


# --- timeline ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("lane", "expected_lanes"),
    [
        # one point per (event, actor); an event with no actor goes to its own lane; undated left out
        ("actor", ["Russia", "Ben Wallace", "Russia", NO_ACTOR]),
        ("event_type", ["deployment", "meeting", "meeting"]),
    ],
)
def test_timeline_points(lane, expected_lanes):
    points = timeline_points(EVENTS, lane=lane)
    assert points["lane"].tolist() == expected_lanes
    assert points["date_start"].notna().all()


def test_timeline_points_rejects_unknown_lane_and_clock():
    with pytest.raises(ValueError):
        timeline_points(EVENTS, lane="place")
    with pytest.raises(ValueError):
        timeline_points(EVENTS, clock="wall")


def _markers(fig: go.Figure) -> dict[str, dict]:
    """Event id -> (trace, index) of each drawn marker, over all traces."""
    found = {}
    for trace in spec(fig)["data"]:
        for index, row in enumerate(trace["customdata"]):
            found.setdefault(row[TIMELINE_CUSTOMDATA.index("event_id")], (trace, index))
    return found


def test_timeline_figure_is_svg_with_rangeslider_and_hover():
    fig = timeline_figure(EVENTS)
    data = spec(fig)["data"]
    assert {trace["type"] for trace in data} == {"scatter", "bar"}  # SVG, not scattergl
    assert sorted({trace["name"] for trace in data}) == ["deployment", "meeting"]
    assert sum(len(decoded(trace["y"])) for trace in data) == 4
    assert fig.layout.xaxis.rangeslider.visible is True
    deployment = next(trace for trace in data if trace["name"] == "deployment")
    row = dict(zip(TIMELINE_CUSTOMDATA, deployment["customdata"][0]))
    assert row["label"] == "Russia deployment" and row["event_type"] == "deployment"
    assert row["modality"] == "asserted"
    assert row["resolution"] == "2022-02-10 (relative date, resolved against the publication date)"
    assert row["reported"] == "2022-02-13 (3 days after the event starts)"
    assert row["reporting"] == "1 document · 1 side: United States<br>sources: Wire"
    assert row["hover_sentence"] == "Russia moved troops &lt;near&gt; Kyiv."
    for name in ("label", "modality", "resolution", "reported", "reporting", "hover_sentence"):
        assert f"%{{customdata[{TIMELINE_CUSTOMDATA.index(name)}]}}" in deployment["hovertemplate"]
    # the event id rides along, for the click-to-detail panel
    assert row["event_id"] == "e1"


def test_timeline_colours_are_each_types_fixed_colour():
    from core.extract.event_lexicon import event_types

    colours = {trace["name"]: trace["marker"]["line"]["color"] if trace["type"] == "bar" else trace["marker"]["color"]
               for trace in spec(timeline_figure(EVENTS))["data"]}
    assert colours == {"deployment": event_types()["deployment"].colour, "meeting": event_types()["meeting"].colour}
    # the same type keeps its colour whatever else is drawn, and in the counts view
    alone = spec(timeline_figure(EVENTS[EVENTS["event_type"] == "meeting"]))["data"]
    assert {t["marker"]["line"]["color"] if t["type"] == "bar" else t["marker"]["color"] for t in alone} == {
        event_types()["meeting"].colour}
    counts = spec(timeline_counts_figure(event_counts(EVENTS)))["data"]
    assert {t["name"]: t["marker"]["color"] for t in counts}["deployment"] == event_types()["deployment"].colour


def test_timeline_marker_size_grows_with_the_documents_reporting_it():
    from ui.figures.timeline import MARKER_MIN, source_size

    assert source_size(1) == MARKER_MIN < source_size(2) < source_size(3) < source_size(50) <= 34
    fig = timeline_figure(EVENTS, clock="report")         # on report time every event is one day: markers
    trace, index = _markers(fig)["e2"]
    assert decoded(trace["marker"]["size"])[index] == source_size(3)
    trace, index = _markers(fig)["e1"]
    assert decoded(trace["marker"]["size"])[index] == MARKER_MIN
    bars = [t for t in spec(timeline_figure(EVENTS))["data"] if t["type"] == "bar"]
    assert decoded(bars[0]["width"]) == [round(min(0.85, 0.5 * source_size(3) / MARKER_MIN), 3)] * 2


def test_a_timeline_keeps_its_busiest_lanes_and_folds_the_rest_into_one():
    from ui.figures.points import MAX_LANES

    quiet = [f"Actor {i:02d}" for i in range(MAX_LANES + 5)]
    many = pd.concat([EVENTS.iloc[[0]].assign(event_id=f"q{i}", actors=[["Russia", name, "Extra " + name]])
                      for i, name in enumerate(quiet)], ignore_index=True)
    traces = spec(timeline_figure(many))["data"]
    drawn = [(row[TIMELINE_CUSTOMDATA.index("event_id")], lane) for t in traces
             for row, lane in zip(t["customdata"], decoded(t["y"]))]
    lanes = {lane for _, lane in drawn}
    other = f"(other {2 * len(quiet) + 1 - MAX_LANES} lanes)"
    assert len(lanes) == MAX_LANES + 1 and other in lanes and "Russia" in lanes
    assert len(drawn) == len(set(drawn))                     # an event once in the folded lane
    assert {event for event, lane in drawn if lane == "Russia"} == set(many["event_id"])


def test_a_big_timeline_has_no_range_slider_which_would_draw_every_marker_twice():
    from ui.figures.timeline import RANGESLIDER_POINTS

    assert timeline_figure(EVENTS).layout.xaxis.rangeslider.visible is True
    many = pd.concat([EVENTS.iloc[[0]]] * (RANGESLIDER_POINTS + 1), ignore_index=True)
    assert len(timeline_points(many)) > RANGESLIDER_POINTS
    assert timeline_figure(many).layout.xaxis.rangeslider.visible is False


def test_a_hover_names_the_first_participants_then_how_many_more():
    from ui.figures.points import HOVER_MAX_ACTORS, participants_text

    names = [f"Actor {i}" for i in range(HOVER_MAX_ACTORS + 3)]
    assert participants_text(names) == ", ".join(names[:HOVER_MAX_ACTORS]) + " and 3 more"
    assert participants_text(names[:2]) == "Actor 0, Actor 1"
    many = EVENTS.assign(actors=[names] * len(EVENTS))
    actors = timeline_points(many)["actors"]
    assert (actors == participants_text(names)).all()


def _symbol(trace: dict, index: int) -> str:
    """The symbol of a trace's `index`th marker: one for the whole trace, or one per point."""
    symbol = trace["marker"]["symbol"]
    return symbol if isinstance(symbol, str) else decoded(symbol)[index]


def test_timeline_draws_planned_possible_question_and_denied_events_hollow():
    fig = timeline_figure(EVENTS, clock="report")
    symbols = {}
    for event_id, (trace, index) in _markers(fig).items():
        symbols[event_id] = _symbol(trace, index)
    assert symbols == {"e1": "circle", "e2": "circle", "e3": "circle-open"}
    for modality, hollow in [("possible", True), ("question", True), ("denied", True), ("asserted", False)]:
        trace, index = _markers(timeline_figure(EVENTS.assign(modality=modality), clock="report"))["e1"]
        assert (_symbol(trace, index) == "circle-open") is hollow, modality
    # the legend shows a type once, filled when any of its events is asserted
    mixed = EVENTS.assign(event_type="meeting", modality=["planned", "asserted", "planned", "asserted"])
    traces = spec(timeline_figure(mixed, clock="report"))["data"]
    drawn = [(t["marker"]["symbol"], len(decoded(t["y"])), t.get("showlegend", True)) for t in traces]
    assert drawn == [("circle", 2, True), ("circle-open", 2, False)]     # e2 in two lanes
    assert {t["legendgroup"] for t in traces} == {"meeting"}
    only_planned = spec(timeline_figure(EVENTS.assign(event_type="meeting", modality="planned"), clock="report"))
    assert [t.get("showlegend", True) for t in only_planned["data"]] == [True]   # hollow in the legend then
    # a hollow bar: no fill, its outline in the type's colour
    bar = next(t for t in spec(timeline_figure(EVENTS.assign(modality="denied")))["data"] if t["type"] == "bar")
    assert set(decoded(bar["marker"]["color"])) == {"rgba(74,144,217,0.0)"}


def test_timeline_on_report_time_draws_each_event_on_its_first_report():
    points = timeline_points(EVENTS, lane="event_type", clock="report")
    assert dict(zip(points["event_id"], points["date_start"].dt.strftime("%Y-%m-%d"))) == {
        "e1": "2022-02-13", "e2": "2022-02-12", "e3": "2022-02-13"}
    assert (points["date_start"] == points["date_end"]).all()      # a report is a day: no bars
    assert {t["type"] for t in spec(timeline_figure(EVENTS, clock="report"))["data"]} == {"scatter"}


def test_timeline_draws_a_vague_date_as_a_bar_over_its_interval():
    bars = [trace for trace in spec(timeline_figure(EVENTS))["data"] if trace["type"] == "bar"]
    # e2 (11-12 February) is a two-day interval: one bar per actor lane, from the 11th, two days long
    assert len(bars) == 1 and bars[0]["orientation"] == "h"
    assert sorted(decoded(bars[0]["y"])) == ["Ben Wallace", "Russia"]
    assert set(decoded(bars[0]["base"])) == {"2022-02-11"}
    assert set(decoded(bars[0]["x"])) == {2 * DAY_MS}
    assert {row[TIMELINE_CUSTOMDATA.index("event_id")] for row in bars[0]["customdata"]} == {"e2"}


def test_timeline_switches_to_webgl_for_thousands_of_points():
    many = pd.concat([EVENTS.iloc[[0]]] * (WEBGL_ABOVE + 1), ignore_index=True)
    types = {trace["type"] for trace in spec(timeline_figure(many))["data"]}
    assert types == {"scattergl"}
    assert {trace["type"] for trace in spec(timeline_figure(EVENTS.iloc[[0]]))["data"]} == {"scatter"}


def test_timeline_lanes_busiest_on_top():
    order = list(timeline_figure(EVENTS).layout.yaxis.categoryarray)
    assert order[0] == NO_ACTOR and order[-1] == "Russia"  # category arrays list bottom-up


@pytest.mark.parametrize("events", [EVENTS.iloc[0:0], EVENTS[EVENTS["date_start"].isna()]], ids=["empty", "undated"])
def test_timeline_figure_without_dated_events_says_so(events):
    fig = timeline_figure(events)
    assert not fig.data
    assert "No dated events" in fig.layout.annotations[0].text


def _crisis_with_an_outlier() -> pd.DataFrame:
    """Twenty events in February 2022 and one of 1938 (a historical reference)."""
    days = [f"2022-02-{d:02d}" for d in range(1, 21)] + ["1938-09-30"]
    return frame("events", [{"event_id": f"e{i}", "article_id": "a1", "sentence": "s", "date_start": day,
                             "date_end": day, "actors": [], "places": [], "event_type": "meeting", "label": f"L{i}",
                             "first_reported": "2022-02-21"}
                            for i, day in enumerate(days)])


def test_the_default_window_leaves_a_1938_outlier_out():
    from datetime import date

    from ui.figures.points import in_window, timeline_window

    events = _crisis_with_an_outlier()
    window = timeline_window(events)
    assert window[0] > date(2022, 1, 1) and window[1] <= date(2022, 2, 20)
    inside = in_window(events, window)
    outside = events.loc[~inside, "date_start"]
    assert 1938 in outside.dt.year.tolist() and (events.loc[inside, "date_start"].dt.year == 2022).all()
    assert len(outside) <= 2                      # 90% of 21 events (19) are inside
    assert in_window(events, None).all()
    # on report time every event was reported in 2022: nothing is left out
    assert in_window(events, timeline_window(events, "report"), "report").all()


def test_the_window_keeps_an_event_whose_span_overlaps_it():
    from datetime import date

    from ui.figures.points import in_window

    events = frame("events", [{"event_id": "m", "date_start": "2022-01-01", "date_end": "2022-01-31"},
                              {"event_id": "u", "date_start": None}])
    assert in_window(events, (date(2022, 1, 20), date(2022, 2, 5))).tolist() == [True, False]


# --- map --------------------------------------------------------------------

def traces_by_type(fig: go.Figure) -> dict[str, dict]:
    traces = spec(fig)["data"]
    by_type = {trace["type"]: trace for trace in traces}
    assert len(by_type) == len(traces), "one trace of each type"
    return by_type


def test_places_map_plots_geocoded_places_sized_by_mentions():
    fig = places_map(PLACES)
    trace = traces_by_type(fig)["scattergeo"]
    assert trace["text"] == ["Kyiv", "Moscow"]  # Atlantis has no coordinates
    sizes = decoded(trace["marker"]["size"])
    assert sizes[0] > sizes[1] > 0
    assert fig.layout.geo.showcountries is True
    assert fig.layout.geo.scope == "world" and fig.layout.geo.resolution == 50  # world_50m.json in static/


def test_places_map_shades_the_countries_involved_by_iso3():
    actors = ACTORS.assign(country=["RU", "United Kingdom", None])
    traces = traces_by_type(places_map(PLACES, actors=actors))
    assert list(traces) == ["choropleth", "scattergeo"], "countries drawn under the places"
    choropleth = traces["choropleth"]
    assert choropleth["locationmode"] == "ISO-3"
    # Russia: Moscow's 1 + the actor Russia's 10; Ukraine: Kyiv's 9; the UK: Ben Wallace's 4
    assert dict(zip(choropleth["locations"], decoded(choropleth["z"]))) == {"RUS": 11, "UKR": 9, "GBR": 4}


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        # a country named as a place counts for itself, a city for its country
        ([{"place": "Ukraine", "country": "Ukraine", "kind": "country", "mentions": 5},
          {"place": "Kyiv", "country": "UA", "kind": "city", "mentions": 2}], {"UKR": 7}),
        # unknown or empty countries are left out
        ([{"place": "Europe", "country": "", "kind": "continent", "mentions": 3},
          {"place": "Atlantis", "country": None, "kind": "city", "mentions": 1},
          {"place": "Crete", "country": "Greece", "kind": "island", "mentions": 1}], {"GRC": 1}),
        ([], {}),
    ],
    ids=["country and city", "unresolvable", "none"],
)
def test_country_mentions(places, expected):
    table = country_mentions(frame("places", places))
    assert dict(zip(table["iso3"], table["mentions"])) == expected


def test_places_map_with_no_coordinates_but_a_country_shades_it():
    places = frame("places", [{"place": "Donbas", "lat": None, "lon": None, "country": "Ukraine",
                               "kind": "region", "mentions": 2}])
    traces = traces_by_type(places_map(places))
    assert list(traces) == ["choropleth"] and traces["choropleth"]["locations"] == ["UKR"]


@pytest.mark.parametrize("places", [PLACES[PLACES["lat"].isna()], PLACES.iloc[0:0]], ids=["not geocoded", "empty"])
def test_places_map_with_nothing_to_draw_is_an_empty_map_with_a_message(places):
    fig = places_map(places)
    assert not fig.data and "No geocoded places" in fig.layout.annotations[0].text
    assert fig.layout.geo.showcountries is True  # still a (blank) map


# --- actor network ------------------------------------------------------------

NETWORK_EVENTS = frame("events", [
    {"event_id": "e1", "actors": ["Russia", "Ukraine"]},
    {"event_id": "e2", "actors": ["Ukraine", "Russia", "Joe Biden"]},
    {"event_id": "e3", "actors": ["Russia", "Ukraine", "Russia"]},   # a name twice is one co-mention
    {"event_id": "e4", "actors": ["NATO"]},
    {"event_id": "e5", "actors": []},
])
NETWORK_ACTORS = frame("actors", [
    {"actor": "Russia", "kind": "country", "country": "Russia", "role": "state", "mentions": 10},
    {"actor": "Ukraine", "kind": "country", "country": "Ukraine", "mentions": 8},
    {"actor": "Joe Biden", "kind": "person", "country": "United States", "role": "president", "mentions": 3},
    {"actor": "NATO", "kind": "organisation", "mentions": 2},
    {"actor": "Ben Wallace", "kind": "person", "country": "United Kingdom", "mentions": 1},
])


def test_co_mentions_counts_sentences_naming_both():
    edges = co_mentions(NETWORK_EVENTS)
    assert list(edges.itertuples(index=False, name=None)) == [
        ("Russia", "Ukraine", 3), ("Joe Biden", "Russia", 1), ("Joe Biden", "Ukraine", 1)]
    assert co_mentions(NETWORK_EVENTS.iloc[0:0]).empty


def test_actor_graph_has_a_node_per_actor_and_weighted_edges():
    graph = actor_graph(NETWORK_ACTORS, NETWORK_EVENTS)
    assert graph.nodes["actor"].tolist() == ["Russia", "Ukraine", "Joe Biden", "NATO", "Ben Wallace"]
    assert dict(zip(graph.nodes["actor"], graph.nodes["degree"])) == {
        "Russia": 2, "Ukraine": 2, "Joe Biden": 2, "NATO": 0, "Ben Wallace": 0}
    assert graph.total == 5 and not graph.truncated
    assert graph.edges["weight"].tolist() == [3, 1, 1]


def test_actor_graph_layout_is_deterministic():
    first = actor_graph(NETWORK_ACTORS, NETWORK_EVENTS).nodes[["x", "y"]]
    again = actor_graph(NETWORK_ACTORS.iloc[::-1], NETWORK_EVENTS).nodes[["x", "y"]]
    pd.testing.assert_frame_equal(first, again)
    assert first.drop_duplicates().shape[0] == 5, "every node has its own place"
    other_seed = actor_graph(NETWORK_ACTORS, NETWORK_EVENTS, seed=8).nodes[["x", "y"]]
    assert not first.equals(other_seed)


def test_actor_graph_keeps_the_most_mentioned():
    graph = actor_graph(NETWORK_ACTORS, NETWORK_EVENTS, top=3)
    assert graph.nodes["actor"].tolist() == ["Russia", "Ukraine", "Joe Biden"]
    assert graph.truncated and graph.total == 5


@pytest.mark.parametrize(
    ("selected", "kept"),
    [
        (["Joe Biden"], ["Russia", "Ukraine", "Joe Biden"]),
        (["NATO"], ["NATO"]),
        (["Nobody"], ["Russia", "Ukraine", "Joe Biden", "NATO", "Ben Wallace"]),  # unknown: as if none
    ],
)
def test_actor_graph_keeps_selected_actors_and_their_neighbours(selected, kept):
    nodes = actor_graph(NETWORK_ACTORS, NETWORK_EVENTS, selected=selected).nodes
    assert nodes["actor"].tolist() == kept
    assert nodes.loc[nodes["selected"], "actor"].tolist() == [a for a in selected if a in kept]


def test_actor_graph_always_keeps_the_selected_even_past_the_top():
    nodes = actor_graph(NETWORK_ACTORS, NETWORK_EVENTS, selected=["Joe Biden"], top=1).nodes
    assert nodes["actor"].tolist() == ["Joe Biden"]


def test_network_figure_edges_by_weight_nodes_by_kind():
    fig = network_figure(actor_graph(NETWORK_ACTORS, NETWORK_EVENTS))
    traces = spec(fig)["data"]
    lines = [t for t in traces if t["mode"] == "lines"]
    nodes = [t for t in traces if "markers" in t["mode"]]
    assert traces.index(nodes[0]) > traces.index(lines[-1]), "nodes are drawn over the edges"
    widths = {len([x for x in t["x"] if x is not None]) // 2: t["line"]["width"] for t in lines}
    assert widths[1] > widths[2], "the single weight-3 edge is wider than the two weight-1 edges"
    assert {t["name"]: [c[0] for c in t["customdata"]] for t in nodes} == {
        "country": ["Russia", "Ukraine"], "person": ["Joe Biden", "Ben Wallace"], "organisation": ["NATO"]}
    hover = nodes[0]["hovertemplate"]
    assert all(word in hover for word in ("kind", "country", "role", "mentions"))
    sizes = decoded(nodes[0]["marker"]["size"])
    assert sizes[0] > sizes[1], "Russia (10 mentions) is bigger than Ukraine (8)"


def test_network_figure_rings_the_selected():
    fig = network_figure(actor_graph(NETWORK_ACTORS, NETWORK_EVENTS, selected=["Joe Biden"]))
    person = next(t for t in spec(fig)["data"] if t.get("name") == "person")
    assert person["marker"]["line"]["color"] == ["#000000"]


def test_network_figure_without_actors_says_so():
    fig = network_figure(actor_graph(NETWORK_ACTORS.iloc[0:0], NETWORK_EVENTS))
    assert not fig.data and "No actors" in fig.layout.annotations[0].text


def test_clicked_actors_reads_customdata():
    points = [{"curve_number": 4, "point_index": 1, "customdata": ["Joe Biden", "person"]},
              {"curve_number": 4, "point_index": 1, "customdata": ["Joe Biden", "person"]},
              {"curve_number": 0, "point_index": 0}]
    assert clicked_actors(points) == ["Joe Biden"]
    assert clicked_actors([]) == []


def test_actor_table_links_each_actor_to_its_timeline():
    table = actor_table(ACTORS.assign(actor=["Russia", "Ben Wallace", "Al-Qa'ida & co"]))
    assert table.columns.tolist() == ["actor", "timeline", "kind", "country", "role", "aliases", "mentions",
                                      "first_event", "last_event"]
    assert table["timeline"].tolist() == ["/Timeline?actor=Russia", "/Timeline?actor=Ben%20Wallace",
                                          "/Timeline?actor=Al-Qa%27ida%20%26%20co"]
    assert timeline_url("A/B") == "/Timeline?actor=A%2FB"


# --- claims -----------------------------------------------------------------

def test_claims_figure_one_series_per_claimant_with_ranges():
    fig = claims_figure(CLAIMS)
    traces = {trace["name"]: trace for trace in spec(fig)["data"]}
    assert set(traces) == {"Ben Wallace", "Joe Biden", UNATTRIBUTED}  # NATO's claim has no date
    assert decoded(traces["Ben Wallace"]["y"]) == [130000.0, 140000.0]  # sorted by date
    biden = traces["Joe Biden"]["error_y"]
    assert decoded(biden["array"]) == [25000.0] and decoded(biden["arrayminus"]) == [25000.0]
    assert biden["visible"] is True
    assert traces["Ben Wallace"]["error_y"]["visible"] is False
    assert "Wallace said 130,000 troops." in traces["Ben Wallace"]["customdata"][0][3]


def test_claims_figure_without_dated_claims_says_so():
    fig = claims_figure(CLAIMS[CLAIMS["date"].isna()])
    assert not fig.data and "No dated figures" in fig.layout.annotations[0].text


# --- selections (what each page shows for the sidebar actor filter) ----------

@pytest.mark.parametrize(
    ("selected", "event_ids", "places", "actors"),
    [   # the events the store's actor filter keeps (tests/test_filters.py), and the places they name
        ([], ["e1", "e2", "e3", "e4"], ["Kyiv", "Moscow", "Atlantis"], ["Russia", "Ben Wallace", "NATO"]),
        (["Russia"], ["e1", "e2"], ["Kyiv", "Moscow"], ["Russia"]),
        (["Ben Wallace"], ["e2"], ["Moscow"], ["Ben Wallace"]),
        (["NATO"], ["e4"], ["Atlantis"], ["NATO"]),
        (["Nobody"], [], [], []),
    ],
)
def test_places_named_in_events_and_actors_for(selected, event_ids, places, actors):
    kept = EVENTS[EVENTS["event_id"].isin(event_ids)]
    assert places_named_in(PLACES, kept)["place"].tolist() == places
    assert actors_for(ACTORS, selected)["actor"].tolist() == actors


def test_undated_articles():
    articles = frame("articles", [{"article_id": "a1", "published": "2022-02-13"},
                                  {"article_id": "a2", "published": None}, {"article_id": "a3"}])
    assert undated_articles(articles)["article_id"].tolist() == ["a2", "a3"]


@pytest.mark.parametrize(
    ("lats", "lons"),
    [([50.45], [30.52]), ([50.45, 55.75], [30.52, 37.62]), ([-33.9, 51.5], [151.2, -0.1])],
    ids=["one place", "two nearby", "far apart"],
)
def test_geo_window_contains_every_point_with_margin(lats, lons):
    from ui.figures.maps import geo_window

    window = geo_window(pd.Series(lats), pd.Series(lons))
    (lat_low, lat_high), (lon_low, lon_high) = window["lataxis_range"], window["lonaxis_range"]
    assert lat_low < min(lats) and max(lats) < lat_high and lat_high - lat_low >= 14
    assert lon_low < min(lons) and max(lons) < lon_high
    assert -180 <= lon_low and lon_high <= 180


def test_date_axis_uses_whole_days_on_short_spans():
    from ui.figures.common import DAY_MS, date_axis

    short = date_axis(pd.Series(pd.to_datetime(["2022-02-10", "2022-02-13"])))
    assert short["dtick"] == DAY_MS
    assert short["range"][0] < "2022-02-10" and short["range"][1] > "2022-02-13"
    assert "dtick" not in date_axis(pd.Series(pd.to_datetime(["2021-11-01", "2022-02-24"])))


@pytest.mark.parametrize(("dates", "first", "last"), [
    # one historical outlier among many crisis dates: the view opens on the crisis
    (["1938-09-30"] + ["2022-02-13"] * 30 + ["2022-02-11", "2022-02-18"], "2022-02-11", "2022-02-18"),
    # a short, even spread is shown whole
    (["2022-02-11", "2022-02-13", "2022-02-16"], "2022-02-11", "2022-02-16"),
    (["2022-02-13"], "2022-02-13", "2022-02-13"),
])
def test_focus_window(dates, first, last) -> None:
    from ui.figures.common import focus_window

    assert focus_window(pd.Series(pd.to_datetime(dates))) == (pd.Timestamp(first), pd.Timestamp(last))


def test_focus_window_keeps_a_long_crisis_whole() -> None:
    from ui.figures.common import focus_window

    dates = pd.Series(pd.date_range("2021-11-01", "2022-03-01", freq="D"))
    assert focus_window(dates) == (pd.Timestamp("2021-11-01"), pd.Timestamp("2022-03-01"))


def test_claims_hover_names_the_article() -> None:
    from ui.figures.claims import claims_figure

    claims = frame("claims", [{"article_id": "a1", "date": "2022-02-13", "value": 130000.0, "claimant": "Ben Wallace",
                               "unit": "troops", "side": "Russia", "category": "force_size", "sentence": "He warned."}])
    fig = claims_figure(claims.assign(article="Ukraine and US agree"))
    assert "Ukraine and US agree" in str(fig.data[0].customdata[0])
    assert "a1" in str(claims_figure(claims).data[0].customdata[0])  # no titles: the article id


@pytest.mark.parametrize("count", [2, 3, 7, 40])
def test_dodge_keeps_points_apart_and_on_their_day(count: int) -> None:
    from ui.figures.claims import dodge

    offsets = [dodge(i, count) for i in range(count)]
    assert len(set(offsets)) == count
    assert all(abs(o) <= pd.Timedelta(hours=10) for o in offsets)
    assert dodge(0, 1) == pd.Timedelta(0)


def test_claimants_with_the_same_figure_on_the_same_day_are_all_visible() -> None:
    from ui.figures.claims import claims_figure

    rows = [{"article_id": "a1", "date": "2022-02-13", "value": 130000.0, "claimant": name, "sentence": "s"}
            for name in ("Ben Wallace", "James Heappey", "intelligence")]
    xs = [pd.Timestamp(trace.x[0]) for trace in claims_figure(frame("claims", rows)).data]
    assert len(set(xs)) == 3 and {x.date() for x in xs} == {pd.Timestamp("2022-02-13").date()}


def test_geo_window_of_far_apart_places_fills_the_chart():
    """Washington to Kabul: the window is as tall as the map's aspect asks, not a thin strip."""
    import math

    from ui.figures.maps import MAP_ASPECT, geo_window

    window = geo_window(pd.Series([38.9, 34.5, 55.8, 51.5]), pd.Series([-77.0, 69.2, 37.6, -0.1]))
    (lat_low, lat_high), (lon_low, lon_high) = window["lataxis_range"], window["lonaxis_range"]
    mercator = [math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) for lat in (lat_low, lat_high)]
    assert math.radians(lon_high - lon_low) / (mercator[1] - mercator[0]) == pytest.approx(MAP_ASPECT, rel=0.02)
    assert lat_low < 34.5 and 55.8 < lat_high


# --- the timeline at scale: counts per day or week -----------------------------

def _many_events(n: int) -> pd.DataFrame:
    days = pd.date_range("2022-01-03", periods=28, freq="D")
    return frame("events", [
        {"event_id": f"m{i}", "article_id": "a1", "sentence": f"s{i}", "date_start": days[i % 28].date().isoformat(),
         "actors": ["Russia"] if i % 3 else ["Russia", "Ukraine"], "places": [],
         "event_type": "deployment" if i % 2 else "announce"}
        for i in range(n)
    ])


def test_event_points_count_counts_one_per_actor_lane():
    events = _many_events(30)
    assert event_points_count(events) == 30 + 10          # every third event names two actors
    assert event_points_count(events, lane="event_type") == 30


@pytest.mark.parametrize("bucket", ["day", "week"])
def test_event_counts_sum_to_the_points_and_weeks_start_on_monday(bucket):
    events = _many_events(300)
    counts = event_counts(events, bucket=bucket)
    assert counts["events"].sum() == event_points_count(events)
    assert list(counts.columns) == ["bucket_start", "lane", "event_type", "events"]
    if bucket == "week":
        assert {pd.Timestamp(d).weekday() for d in counts["bucket_start"]} == {0}
        assert counts["bucket_start"].nunique() == 4
    else:
        assert counts["bucket_start"].nunique() == 28


def test_bucket_for_a_long_span_is_a_week():
    assert bucket_for("2022-01-01", "2022-02-01") == "day"
    assert bucket_for("2022-01-01", "2023-01-01") == "week"


def test_counts_figure_draws_one_marker_per_cell_with_its_count():
    events = _many_events(300)
    counts = event_counts(events, bucket="week")
    fig = timeline_counts_figure(counts, bucket="week")
    data = spec(fig)["data"]
    assert {trace["type"] for trace in data} == {"scatter"}       # SVG: a browser test can count the markers
    assert not fig.layout.xaxis.rangeslider.visible              # it would draw every marker twice
    cells = counts.groupby(["bucket_start", "lane"]).size()
    assert sum(len(decoded(trace["y"])) for trace in data) == len(cells)
    shown = sum(row[0] for trace in data for row in trace["customdata"])
    assert shown == counts["events"].sum()
    assert "events" in data[0]["hovertemplate"]


def test_counts_figure_spans_its_window_not_an_early_start():
    """An ongoing state that starts a year before the window is counted at its start,
    off an axis that spans the window (not squashing the window into a corner)."""
    counts = pd.DataFrame({"bucket_start": [date(2021, 1, 4), date(2022, 1, 3), date(2022, 2, 7)],
                           "lane": ["Russia"] * 3, "event_type": ["attack"] * 3, "events": [1, 5, 7]})
    window = (date(2021, 11, 1), date(2022, 3, 26))
    lo, hi = (pd.Timestamp(x) for x in timeline_counts_figure(counts, bucket="week", window=window).layout.xaxis.range)
    assert pd.Timestamp("2021-10-01") < lo <= pd.Timestamp(window[0]) and hi >= pd.Timestamp(window[1])
    assert timeline_counts_figure(counts, bucket="week").layout.xaxis.range is None


def test_counts_figure_switches_to_webgl_beyond_the_svg_limit(monkeypatch):
    import ui.figures.counts

    counts = event_counts(_many_events(300), bucket="week")
    cells = len(counts.groupby(["bucket_start", "lane"]).size())
    monkeypatch.setattr(ui.figures.counts, "WEBGL_ABOVE", cells - 1)
    assert {trace["type"] for trace in spec(timeline_counts_figure(counts, bucket="week"))["data"]} == {"scattergl"}
    monkeypatch.setattr(ui.figures.counts, "WEBGL_ABOVE", cells)
    assert {trace["type"] for trace in spec(timeline_counts_figure(counts, bucket="week"))["data"]} == {"scatter"}


def test_counts_figure_folds_the_quiet_lanes():
    counts = pd.DataFrame({"bucket_start": [pd.Timestamp("2022-01-03").date()] * 50,
                           "lane": [f"actor {i}" for i in range(50)], "event_type": "announce",
                           "events": list(range(1, 51))})
    lanes = set(timeline_counts_figure(counts).layout.yaxis.categoryarray)
    assert len(lanes) == 41 and "(other 10 lanes)" in lanes and "actor 0" not in lanes
