"""AppTest over the home page and every view, on an injected synthetic corpus.

The UI loader takes a ready `CorpusResult` from
`st.session_state[ui.data.CORPUS_OVERRIDE_KEY]`, so these tests need neither
the spaCy model nor the extractors. `test_seed_corpus_*` run the real
extraction over the seed article (`tests.conftest.SEED_TEXT`) once per module (marker `model`).
"""
from __future__ import annotations

import base64
import json
from pathlib import Path
from urllib.parse import parse_qsl

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core.frames import Frames, frame
from core.present.highlight import markdown_escape
from core.query import Filters
from core.read.corpus import CorpusResult
from ui.data import CORPUS_OVERRIDE_KEY
from ui.filters import FILTER_KEY, QUERY_PARAM, STATE_KEY

NETWORK_KEY = "actors_network"

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
PAGES = ["pages/1_Timeline.py", "pages/2_Actors.py", "pages/3_Claims.py", "pages/4_Articles.py"]
PROBLEM_FILE = "broken/scan.pdf"




def synthetic_corpus() -> CorpusResult:
    """Two articles (one undated), four events (one reported by both), five event mentions,
    three claims, five actors, three places."""
    articles = frame("articles", [
        {"article_id": "a1", "title": "Troops mass on the border", "source": "Wire",
         "url": "https://example.org/a1", "published": "2022-02-13", "words": 500, "path": "a1.txt",
         "language": "en", "warnings": "", "attribution": "Content from example.org, licensed under CC BY 4.0",
         "licence": "CC BY 4.0", "side": "United States"},
        {"article_id": "a2", "title": "An undated piece", "source": "Blog", "url": None, "published": None,
         "words": 100, "path": "a2.txt", "language": "en",
         "warnings": "no publication date; relative dates left unresolved", "side": "Blog"},
    ])
    # Events as core.combine.events builds them: e2 is reported by both articles (two sides), e3 is planned.
    events = frame("events", [
        {"event_id": "e1", "article_id": "a1", "sentence": "Russia moved troops near Kyiv.",
         "date_start": "2022-02-10", "date_end": "2022-02-10", "date_text": "Thursday", "date_value": "2022-02-10",
         "date_source": "relative", "actors": ["Russia"], "places": ["Kyiv"], "event_type": "deployment",
         "start": 0, "end": 30, "label": "Russia deployment", "modality": "asserted", "precision": "day",
         "n_mentions": 1, "n_articles": 1, "n_sides": 1, "sides": ["United States"], "sources": ["Wire"],
         "first_reported": "2022-02-13", "lag_days": 3, "merge_reasons": []},
        {"event_id": "e2", "article_id": "a1", "sentence": "Ben Wallace met Russia's minister in Moscow.",
         "date_start": "2022-02-11", "date_end": "2022-02-11", "date_text": "11 February", "date_value": "2022-02-11",
         "date_source": "explicit", "actors": ["Ben Wallace", "Russia"], "places": ["Moscow"],
         "event_type": "meeting", "start": 31, "end": 75, "label": "Wallace – Russia meeting",
         "modality": "asserted", "precision": "day", "n_mentions": 2, "n_articles": 2, "n_sides": 2,
         "sides": ["United States", "Blog"], "sources": ["Wire", "Blog"], "first_reported": "2022-02-13",
         "lag_days": 2, "merge_reasons": ["same lemma: type meeting ~ meeting; dates overlap"]},
        {"event_id": "e3", "article_id": "a1", "sentence": "Biden will speak to Zelenskyy.",
         "date_start": "2022-02-13", "date_end": "2022-02-13", "date_text": "", "date_source": "publication",
         "actors": ["Joe Biden"], "places": [], "event_type": "call", "start": 76, "end": 106,
         "label": "Biden call", "modality": "planned", "precision": "day", "n_mentions": 1, "n_articles": 1,
         "n_sides": 1, "sides": ["United States"], "sources": ["Wire"], "first_reported": "2022-02-13",
         "lag_days": 0, "merge_reasons": []},
        {"event_id": "e4", "article_id": "a2", "sentence": "On Monday, NATO met in Atlantis.",
         "date_start": None, "date_text": "Monday", "date_source": "relative", "actors": ["NATO"],
         "places": ["Atlantis"], "event_type": "meeting", "start": 0, "end": 32, "label": "NATO meeting",
         "modality": "asserted", "precision": "day", "n_mentions": 1, "n_articles": 1, "n_sides": 1,
         "sides": ["Blog"], "sources": ["Blog"], "first_reported": None, "merge_reasons": []},
    ])
    mentions = frame("mentions", [
        dict(event_id="e1", article_id="a1", start=0, end=30, sentence="Russia moved troops near Kyiv.",
             trigger="moved", trigger_start=7, trigger_end=12, lemma="move", event_type="deployment",
             modality="asserted", date_start="2022-02-10", date_end="2022-02-10", date_source="relative",
             precision="day", agents=["Russia"], patients=[], place="Kyiv", side="United States", source="Wire",
             published="2022-02-13", mention_id="m1", merge_reason="first mention", actors=["Russia"]),
        dict(event_id="e2", article_id="a1", start=31, end=75, sentence="Ben Wallace met Russia's minister in Moscow.",
             trigger="met", trigger_start=43, trigger_end=46, lemma="meet", event_type="meeting",
             modality="asserted", date_start="2022-02-11", date_end="2022-02-11", date_source="explicit",
             precision="day", agents=["Ben Wallace"], patients=["Russia"], place="Moscow", side="United States",
             source="Wire", published="2022-02-13", mention_id="m2a", merge_reason="first mention",
             actors=["Ben Wallace", "Russia"]),
        dict(event_id="e2", article_id="a2", start=33, end=80, sentence="Wallace and the Russian minister met.",
             trigger="met", trigger_start=66, trigger_end=69, lemma="meet", event_type="meeting",
             modality="asserted", date_start="2022-02-11", date_end="2022-02-11", date_source="explicit",
             precision="day", agents=["Ben Wallace"], patients=["Russia"], place="", side="Blog", source="Blog",
             published=None, mention_id="m2b", merge_reason="same lemma: type meeting ~ meeting; dates overlap",
             actors=["Ben Wallace", "Russia"]),
        dict(event_id="e3", article_id="a1", start=76, end=106, sentence="Biden will speak to Zelenskyy.",
             trigger="speak", trigger_start=87, trigger_end=92, lemma="speak", event_type="call",
             modality="planned", date_start="2022-02-13", date_end="2022-02-13", date_source="publication",
             precision="day", agents=["Joe Biden"], patients=[], place="", side="United States", source="Wire",
             published="2022-02-13", mention_id="m3", merge_reason="first mention", actors=["Joe Biden"]),
        dict(event_id="e4", article_id="a2", start=0, end=32, sentence="On Monday, NATO met in Atlantis.",
             trigger="met", trigger_start=16, trigger_end=19, lemma="meet", event_type="meeting",
             modality="asserted", date_source="relative", date_text="Monday", precision="day", agents=["NATO"],
             patients=[], place="Atlantis", side="Blog", source="Blog", published=None, mention_id="m4",
             merge_reason="first mention", actors=["NATO"]),
    ])
    claims = frame("claims", [
        {"article_id": "a1", "sentence": "Wallace said 130,000 Russian troops.", "value": 130000.0,
         "unit": "troops", "category": "deployment", "side": "Russia", "claimant": "Ben Wallace",
         "date": "2022-02-13", "as_of": "2022-02-09"},
        {"article_id": "a1", "sentence": "US officials said 100,000 to 150,000.", "value": 125000.0,
         "low": 100000.0, "high": 150000.0, "unit": "troops", "category": "deployment", "side": "Russia",
         "claimant": "Joe Biden", "date": "2022-02-12"},
        {"article_id": "a1", "sentence": "Some 5,000 soldiers, nobody said.", "value": 5000.0,
         "unit": "soldiers", "category": "deployment", "side": "Ukraine", "claimant": None, "date": None},
    ])
    actors = frame("actors", [
        {"actor": "Russia", "kind": "country", "country": "RU", "role": "state",
         "aliases": ["Moscow", "Kremlin"], "mentions": 10, "articles": 1},
        {"actor": "Ben Wallace", "kind": "person", "country": "GB", "role": "defence secretary",
         "aliases": ["Wallace"], "mentions": 4, "articles": 1},
        {"actor": "Joe Biden", "kind": "person", "country": "US", "role": "president", "aliases": ["Biden"],
         "mentions": 3, "articles": 1},
        {"actor": "Ukraine", "kind": "country", "country": "UA", "role": "state", "aliases": [],
         "mentions": 2, "articles": 1},
        {"actor": "NATO", "kind": "organisation", "country": None, "role": "alliance", "aliases": [],
         "mentions": 1, "articles": 1},
    ])
    places = frame("places", [
        {"place": "Kyiv", "lat": 50.45, "lon": 30.52, "country": "UA", "kind": "city", "mentions": 5,
         "articles": 1},
        {"place": "Moscow", "lat": 55.75, "lon": 37.62, "country": "RU", "kind": "city", "mentions": 3,
         "articles": 1},
        {"place": "Atlantis", "lat": None, "lon": None, "country": None, "kind": "city", "mentions": 1,
         "articles": 1},
    ])
    entity_mentions = frame("entity_mentions", [{"article_id": "a2", "start": 11, "end": 15, "text": "NATO",
                                                 "entity": "NATO", "kind": "organisation", "sentence_index": 0}])
    frames = Frames(articles=articles, events=events, timexes=frame("timexes", []), claims=claims,
                    actors=actors, places=places, mentions=mentions, entity_mentions=entity_mentions)
    return CorpusResult(frames=frames, problems=(f"{PROBLEM_FILE}: this is a PDF, not a text file",),
                        pipeline_version="synthetic")


def make_app(corpus: CorpusResult, *, page: str | None = None, actors: list[str] | None = None,
             params: dict[str, list[str]] | None = None) -> AppTest:
    """A new session on `corpus`, opened on a URL with `params` (and `actors` in its
    actor parameter), then switched to `page`."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[CORPUS_OVERRIDE_KEY] = corpus
    for name, values in (params or {}).items():
        at.query_params[name] = values
    if actors is not None:
        at.query_params[QUERY_PARAM] = actors
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def decoded(values) -> list:
    """A trace array from a chart spec: plain list, or plotly's base64 typed array."""
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def lanes(at: AppTest) -> list[str]:
    """Every timeline point's lane (y value), over all traces."""
    (spec,) = chart_specs(at)
    return sorted(y for trace in spec["data"] for y in decoded(trace["y"]))


def select_actors(at: AppTest, actors: list[str]) -> AppTest:
    at.multiselect(key=FILTER_KEY).set_value(actors).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def all_text(at: AppTest) -> str:
    parts = [e.value for kind in ("info", "warning", "markdown", "caption", "subheader", "title")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def claims_table(at: AppTest):
    """The Claims page's table of every figure (the one with each figure's sentence), as
    the widget holds it; the ledger's table is apart (`ui.claims`)."""
    (table,) = [d for d in at.dataframe if "in_context" in d.value.columns]
    return table


def url_actors(at: AppTest) -> list[str]:
    """The `?actor=` values the app wrote to the URL (AppTest keeps one value as a plain string)."""
    value = at.query_params.get(QUERY_PARAM, [])
    return [value] if isinstance(value, str) else list(value)


def download_labels(at: AppTest) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


@pytest.fixture
def corpus() -> CorpusResult:
    return synthetic_corpus()


# --- smoke: every page, no exception, banners, a download ---------------------

@pytest.mark.parametrize("page", [None, *PAGES])
def test_page_renders_with_problems_undated_flag_and_download(corpus, page):
    at = make_app(corpus, page=page)
    warnings = "\n".join(w.value for w in at.warning)
    assert markdown_escape(PROBLEM_FILE) in warnings          # file names are shown literally (escaped)
    assert "relative dates" in "\n".join(i.value for i in at.info)
    assert "An undated piece" in "\n".join(i.value for i in at.info)
    assert at.multiselect(key=FILTER_KEY).options[:2] == ["Russia (10)", "Ben Wallace (4)"]
    assert download_labels(at), "every page offers a CSV download"


def test_home_page_counts_the_corpus(corpus):
    at = make_app(corpus)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Articles": "2", "Events": "4", "Claims": "3", "Actors": "5", "Places": "3"}
    assert "**Published:** 13 Feb 2022 · 1 article(s) undated" in [m.value for m in at.markdown]
    assert at.dataframe[0].value["title"].tolist() == ["Troops mass on the border", "An undated piece"]


# --- the actor filter changes what each page shows ----------------------------

def test_timeline_filter_changes_the_points(corpus):
    at = make_app(corpus, page=PAGES[0])
    assert lanes(at) == ["Ben Wallace", "Joe Biden", "Russia", "Russia"]
    select_actors(at, ["Ben Wallace"])
    assert lanes(at) == ["Ben Wallace", "Russia"]  # the one event naming Wallace, in both its lanes
    # one event, reported twice (by both articles): one events row, two mentions
    assert download_labels(at) == ["Download events CSV (1 row)", "Download mentions CSV (2 rows)"]
    assert at.dataframe[0].value["label"].tolist() == ["Wallace – Russia meeting"]


def test_timeline_lanes_by_event_type(corpus):
    at = make_app(corpus, page=PAGES[0])
    at.radio(key="timeline_lanes").set_value("event_type").run()
    assert lanes(at) == ["call", "deployment", "meeting"]


def test_claims_filter_by_claimant_or_side(corpus):
    at = make_app(corpus, page=PAGES[2])
    assert sorted(t["name"] for t in chart_specs(at)[0]["data"]) == ["Ben Wallace", "Joe Biden"]
    assert len(claims_table(at).value) == 3
    select_actors(at, ["Joe Biden"])
    assert [t["name"] for t in chart_specs(at)[0]["data"]] == ["Joe Biden"]
    select_actors(at, ["Ukraine"])  # the side of an undated claim: table, no chart
    assert not chart_specs(at)
    assert claims_table(at).value["value"].tolist() == [5000.0]


def chart_spec(at: AppTest, key: str) -> dict | None:
    """The spec of the chart drawn with widget key `key` (its element id ends with the key)."""
    found = [json.loads(c.proto.spec) for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    assert len(found) <= 1
    return found[0] if found else None


def trace_of(spec: dict, kind: str) -> dict:
    (trace,) = [t for t in spec["data"] if t["type"] == kind]
    return trace


def network_nodes(at: AppTest) -> list[str]:
    """Every node of the actor network (the name is each point's customdata[0])."""
    spec = chart_spec(at, NETWORK_KEY)
    return sorted(c[0] for t in spec["data"] if "markers" in t["mode"] for c in t["customdata"])


def actor_table(at: AppTest):
    return next(df for df in at.dataframe if "actor" in df.value.columns)


def click_network_node(at: AppTest, actor: str) -> AppTest:
    """Fake a click on a node of the network chart, as the frontend reports it.

    AppTest has no API for chart selections, so this sends the chart's widget
    state (its JSON selection) along with the other widgets' on the next run.
    """
    (chart,) = [c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{NETWORK_KEY}")]
    spec = json.loads(chart.proto.spec)
    curve, trace = next((i, t) for i, t in enumerate(spec["data"])
                        if "markers" in t["mode"] and any(c[0] == actor for c in t["customdata"]))
    index = [c[0] for c in trace["customdata"]].index(actor)
    point = {"curve_number": curve, "point_number": index, "point_index": index,
             "customdata": trace["customdata"][index]}
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = chart.proto.id
    state.string_value = json.dumps({"selection": {"points": [point], "point_indices": [index], "box": [],
                                                 "lasso": []}})
    at._run(states)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_actors_filter_limits_table_and_map(corpus):
    at = make_app(corpus, page=PAGES[1])
    spec = chart_spec(at, "actors_map")
    assert trace_of(spec, "scattergeo")["text"] == ["Kyiv", "Moscow"]
    assert sorted(trace_of(spec, "choropleth")["locations"]) == ["GBR", "RUS", "UKR", "USA"]
    assert json.loads(at.get("plotly_chart")[0].proto.config)["topojsonURL"] == "/app/static/topojson/"
    assert "Not geocoded" in all_text(at)
    select_actors(at, ["Ben Wallace"])
    spec = chart_spec(at, "actors_map")
    assert trace_of(spec, "scattergeo")["text"] == ["Moscow"]
    assert sorted(trace_of(spec, "choropleth")["locations"]) == ["GBR", "RUS"]
    assert "Not geocoded" not in all_text(at)
    assert actor_table(at).value["actor"].tolist() == ["Ben Wallace"]
    assert network_nodes(at) == ["Ben Wallace", "Russia"]  # Wallace and who is named with him


def test_actors_network_has_one_node_per_actor(corpus):
    at = make_app(corpus, page=PAGES[1])
    assert network_nodes(at) == sorted(corpus.frames.actors["actor"])
    spec = chart_spec(at, NETWORK_KEY)
    (edge,) = [t for t in spec["data"] if t["mode"] == "lines"]
    assert [x for x in edge["x"] if x is not None], "Ben Wallace and Russia share a sentence"
    assert "most mentioned" not in all_text(at), "five actors: nothing left out"


def test_actors_table_links_each_actor_to_its_timeline(corpus):
    at = make_app(corpus, page=PAGES[1])
    table = actor_table(at)
    assert table.value.columns.tolist() == ["actor", "timeline", "kind", "country", "role", "aliases",
                                            "mentions", "first_event", "last_event"]
    links = dict(zip(table.value["actor"], table.value["timeline"]))
    assert links["Ben Wallace"] == "/Timeline?actor=Ben%20Wallace"
    config = json.loads(table.proto.columns)["timeline"]["type_config"]
    assert config == {"type": "link", "display_text": "timeline"}
    assert "Download actors CSV (5 rows)" in download_labels(at)


def test_actor_table_link_opens_the_filtered_timeline(corpus):
    at = make_app(corpus, page=PAGES[1])
    link = dict(zip(actor_table(at).value["actor"], actor_table(at).value["timeline"]))["Ben Wallace"]
    page, query = link.split("?")
    assert page == "/Timeline"
    at = make_app(corpus, page=PAGES[0], actors=[v for _, v in parse_qsl(query)])
    assert at.multiselect(key=FILTER_KEY).value == ["Ben Wallace"]
    assert lanes(at) == ["Ben Wallace", "Russia"]


def test_clicking_a_network_node_sets_the_shared_filter(corpus):
    at = make_app(corpus, page=PAGES[1])
    click_network_node(at, "Joe Biden")
    assert at.session_state[STATE_KEY] == ["Joe Biden"]
    assert at.multiselect(key=FILTER_KEY).value == ["Joe Biden"]
    assert url_actors(at) == ["Joe Biden"]
    assert actor_table(at).value["actor"].tolist() == ["Joe Biden"]
    at.switch_page(PAGES[0]).run()
    assert lanes(at) == ["Joe Biden"], "the timeline follows the click"
    at.switch_page(PAGES[2]).run()
    assert [t["name"] for t in chart_specs(at)[0]["data"]] == ["Joe Biden"], "and so do the claims"


@pytest.mark.parametrize(
    ("page", "actor", "message"),
    [(PAGES[2], "NATO", "No claims involve NATO"), (PAGES[1], "Joe Biden", "No events naming a place")],
)
def test_filter_leaving_nothing_says_what_to_do(corpus, page, actor, message):
    at = make_app(corpus, page=page)
    select_actors(at, [actor])
    text = all_text(at)
    assert message in text and "clear the filter" in text
    if page == PAGES[1]:  # no map; the network still shows the actor, alone
        assert chart_spec(at, "actors_map") is None
        assert network_nodes(at) == [actor]
    else:
        assert not chart_specs(at)


# --- the selection survives page switches and lives in the URL ---------------

def test_selection_survives_page_switches(corpus):
    at = make_app(corpus, page=PAGES[0])
    select_actors(at, ["Joe Biden"])
    for page in [PAGES[2], "app.py", PAGES[1], PAGES[0]]:
        at.switch_page(page).run()
        assert not at.exception
        assert at.multiselect(key=FILTER_KEY).value == ["Joe Biden"], page
        assert at.session_state[STATE_KEY] == ["Joe Biden"]
        assert url_actors(at) == ["Joe Biden"]
    assert lanes(at) == ["Joe Biden"]


def test_query_params_seed_the_filter_and_follow_it(corpus):
    at = make_app(corpus, page=PAGES[0], actors=["Ben Wallace", "Joe Biden"])
    assert at.multiselect(key=FILTER_KEY).value == ["Ben Wallace", "Joe Biden"]
    assert url_actors(at) == ["Ben Wallace", "Joe Biden"]
    assert lanes(at) == ["Ben Wallace", "Joe Biden", "Russia"]
    select_actors(at, ["Russia"])
    assert url_actors(at) == ["Russia"]
    select_actors(at, [])
    assert url_actors(at) == []
    assert len(lanes(at)) == 4


def test_unknown_actor_in_url_is_ignored_and_said(corpus):
    at = make_app(corpus, page=PAGES[0], actors=["Atlantis Army", "Russia"])
    assert at.multiselect(key=FILTER_KEY).value == ["Russia"]
    assert "Atlantis Army" in "\n".join(c.value for c in at.sidebar.caption)


# --- the loader: the store, synced with the corpus once per fingerprint -------

def _fresh_loader(tmp_path, monkeypatch):
    import ui.data

    monkeypatch.setenv("CRISIS_CORPUS", str(tmp_path / "corpus"))
    monkeypatch.setenv("CRISIS_DB", str(tmp_path / "store.duckdb"))
    monkeypatch.setenv("CRISIS_UPLOADS", str(tmp_path / "no-uploads"))
    (tmp_path / "corpus").mkdir()
    ui.data._store_view.clear()
    ui.data._open_store.clear()
    return tmp_path / "corpus"


def test_loader_syncs_the_store_once_per_corpus_fingerprint(tmp_path, monkeypatch):
    import core.store.db
    import ui.data

    corpus_dir = _fresh_loader(tmp_path, monkeypatch)
    article = corpus_dir / "2022-02-13_wire.txt"
    article.write_text("Russia moved troops on Sunday.", encoding="utf-8")
    calls: list[list[Path]] = []

    def fake_sync(self, paths, **options):
        calls.append(list(paths))
        return core.store.db.SyncReport(added=0, skipped=0, removed=0, failed=0, problems=("x.txt: a test problem",))

    monkeypatch.setattr(core.store.db.Store, "sync", fake_sync)
    try:
        at = AppTest.from_file(APP, default_timeout=60).run()
        assert not at.exception
        assert calls == [[corpus_dir]]
        assert markdown_escape("x.txt: a test problem") in at.warning[0].value   # the sync's problems are shown
        at.run()
        assert len(calls) == 1, "a rerun with an unchanged corpus does not touch the store"
        article.write_text("Russia moved more troops on Sunday.", encoding="utf-8")
        at.run()
        assert len(calls) == 2, "an edited article changes the fingerprint and syncs again"
    finally:
        ui.data._store_view.clear()
        ui.data._open_store.clear()


@pytest.mark.parametrize("page", PAGES)
def test_a_store_that_cannot_be_opened_is_said_and_leaves_no_chart(page, tmp_path, monkeypatch):
    """The Timeline draws a blank chart before it opens the store; an error must not leave it behind."""
    import core.store.db
    import ui.data

    _fresh_loader(tmp_path, monkeypatch)

    def locked(self, path, *args, **kwargs):
        raise OSError("the store is locked by another process (test)")

    monkeypatch.setattr(core.store.db.Store, "__init__", locked)
    try:
        at = AppTest.from_file(APP, default_timeout=60).run()
        at.switch_page(page).run()
        assert "Could not open the corpus store" in at.error[0].value
        assert "locked by another process" in at.error[0].value
        assert not chart_specs(at)
    finally:
        ui.data._store_view.clear()
        ui.data._open_store.clear()


def test_loader_reads_what_the_store_holds(tmp_path, monkeypatch):
    """A real sync of a one-article corpus: the home page counts what the store holds."""
    import ui.data

    corpus_dir = _fresh_loader(tmp_path, monkeypatch)
    (corpus_dir / "2022-02-13_wire.txt").write_text(
        "Ben Wallace said on Sunday that 130,000 Russian troops were near Ukraine.", encoding="utf-8")
    try:
        at = AppTest.from_file(APP, default_timeout=120).run()
        assert not at.exception, [e.value for e in at.exception]
        metrics = {m.label: m.value for m in at.metric}
        assert metrics["Articles"] == "1" and metrics["Claims"] == "1"
    finally:
        ui.data._store_view.clear()
        ui.data._open_store.clear()


def test_loader_failure_is_an_error_message_not_a_traceback(tmp_path, monkeypatch):
    import core.store.db
    import ui.data

    corpus_dir = _fresh_loader(tmp_path, monkeypatch)

    def broken_sync(self, paths, **options):
        raise OSError("model files missing")

    monkeypatch.setattr(core.store.db.Store, "sync", broken_sync)
    try:
        at = AppTest.from_file(APP, default_timeout=60).run()
        assert not at.exception
        assert "model files missing" in at.error[0].value and str(corpus_dir) in at.error[0].value
    finally:
        ui.data._store_view.clear()
        ui.data._open_store.clear()


# --- empty corpus -------------------------------------------------------------

@pytest.mark.parametrize("page", [None, *PAGES])
def test_empty_corpus_says_what_to_do(page):
    at = make_app(CorpusResult(frames=Frames.empty(), problems=(), pipeline_version="empty"), page=page)
    text = all_text(at)
    assert "No articles to show" in text and "CRISIS_CORPUS" in text
    assert not chart_specs(at)


def test_corpus_without_events_or_claims_says_so(corpus):
    frames = corpus.frames
    bare = CorpusResult(
        frames=Frames(articles=frames.articles, events=frame("events", []), timexes=frames.timexes,
                      claims=frame("claims", []), actors=frames.actors, places=frames.places,
                      mentions=frame("mentions", []), entity_mentions=frames.entity_mentions),
        problems=(), pipeline_version="bare")
    assert "found no events" in all_text(make_app(bare, page=PAGES[0]))
    assert "No claims about troop numbers" in all_text(make_app(bare, page=PAGES[2]))


# --- the real seed corpus, extracted once ------------------------------------

@pytest.fixture(scope="module")
def seed_result(seed_corpus) -> CorpusResult:
    """The real seed corpus, extracted once per session (tests/conftest.py)."""
    return seed_corpus


@pytest.mark.model
@pytest.mark.parametrize("page", [None, *PAGES])
def test_seed_corpus_pages_render(seed_result, page):
    at = make_app(seed_result, page=page)
    assert download_labels(at)
    if page == PAGES[0]:
        assert len(lanes(at)) > 0


@pytest.mark.model
def test_seed_corpus_timeline_filter(seed_result):
    at = make_app(seed_result, page=PAGES[0])
    before = lanes(at)
    options = at.multiselect(key=FILTER_KEY).options
    assert options, "the seed corpus has actors"
    least = at.multiselect(key=FILTER_KEY).options[-1].rsplit(" (", 1)[0]
    select_actors(at, [least])
    # the least mentioned actor may take part in no event: then no chart, and the page says so
    assert "No events involve" in all_text(at) if not chart_specs(at) else lanes(at) != before


def test_claims_table_keeps_when_a_figure_applies_apart_from_when_it_was_claimed():
    at = make_app(synthetic_corpus(), page=PAGES[2])
    table = claims_table(at).value.set_index("claimant")
    assert list(table.columns[:2]) == ["date", "as_of"]
    assert str(table.loc["Ben Wallace", "as_of"])[:10] == "2022-02-09"
    assert str(table.loc["Ben Wallace", "date"])[:10] == "2022-02-13"
    assert pd.isna(table.loc["Joe Biden", "as_of"])


@pytest.mark.model
def test_claims_page_facet_filters_narrow_the_table(seed_result):
    at = make_app(seed_result, page=PAGES[2])
    table = claims_table(at)
    assert len(table.value) == 3
    claimant = at.multiselect(key="claims_filter_claimant")
    assert {"Ben Wallace", "James Heappey", "intelligence"} <= set(claimant.options)
    claimant.set_value(["James Heappey"]).run()
    assert not at.exception
    assert claims_table(at).value["claimant"].tolist() == ["James Heappey"]
    assert "\u27e6130,000\u27e7" in claims_table(at).value["in_context"].iloc[0]


@pytest.mark.model
def test_seed_corpus_actors_page(seed_result):
    at = make_app(seed_result, page=PAGES[1])
    actors = seed_result.frames.actors
    top = actors.sort_values(["mentions", "actor"], ascending=[False, True])["actor"].head(30)
    assert len(actors) > 30, "the seed has more actors than the network draws"
    assert network_nodes(at) == sorted(top), "one node for each of the 30 most mentioned actors"
    assert "Only the 30 most mentioned of" in all_text(at)
    choropleth = trace_of(chart_spec(at, "actors_map"), "choropleth")
    assert {"UKR", "RUS", "GBR", "USA"} <= set(choropleth["locations"])
    assert len(actor_table(at).value) == len(actors)
    click_network_node(at, "Ben Wallace")
    assert url_actors(at) == ["Ben Wallace"]
    assert "Ben Wallace" in network_nodes(at) and len(network_nodes(at)) < 30


def test_a_restart_on_an_unchanged_corpus_reads_no_file(tmp_path, monkeypatch):
    """The store records the corpus fingerprint of its last complete sync: a new
    server process (a cleared cache) over the same files does not sync again."""
    import core.store.db
    import ui.data

    corpus_dir = _fresh_loader(tmp_path, monkeypatch)
    (corpus_dir / "2022-02-13_wire.txt").write_text("Russia moved troops on Sunday.", encoding="utf-8")
    calls: list[list[Path]] = []
    monkeypatch.setattr(core.store.db.Store, "sync", lambda self, paths, **o: calls.append(list(paths)) or
                        core.store.db.SyncReport(added=0, skipped=0, removed=0, failed=0, problems=()))
    try:
        AppTest.from_file(APP, default_timeout=60).run()
        assert len(calls) == 1
        ui.data._store_view.clear()                    # a restart: the Streamlit caches are empty
        ui.data._open_store.clear()
        at = AppTest.from_file(APP, default_timeout=60).run()
        assert not at.exception
        assert len(calls) == 1, "an unchanged corpus is not read again after a restart"
        (corpus_dir / "2022-02-14_more.txt").write_text("Talks went on on Monday.", encoding="utf-8")
        ui.data._store_view.clear()
        AppTest.from_file(APP, default_timeout=60).run()
        assert len(calls) == 2, "a new file makes the restart sync"
    finally:
        ui.data._store_view.clear()
        ui.data._open_store.clear()


# --- the Timeline on events: window, clocks, marks, exports, corrections ------

def drawn_days(at: AppTest) -> list[str]:
    """The day of every drawn timeline point (a marker's x, a bar's start)."""
    (spec,) = chart_specs(at)
    days = []
    for trace in spec["data"]:
        days += [str(x)[:10] for x in decoded(trace["base"] if trace["type"] == "bar" else trace["x"])]
    return sorted(days)


def with_a_1938_outlier(corpus: CorpusResult) -> CorpusResult:
    """The synthetic corpus plus twelve events in February 2022 and the Munich agreement of 1938."""
    from dataclasses import replace

    base = corpus.frames.events.iloc[0].to_dict()
    extra = [{**base, "event_id": f"f{day}", "date_start": f"2022-02-{day:02d}", "date_end": f"2022-02-{day:02d}",
              "label": f"Russia deployment {day}"} for day in range(1, 13)]
    extra.append({**base, "event_id": "munich", "date_start": "1938-09-30", "date_end": "1938-09-30",
                  "event_type": "signing", "label": "Munich agreement signing", "lag_days": 30_000})
    events = frame("events", corpus.frames.events.to_dict("records") + extra)
    return replace(corpus, frames=replace(corpus.frames, events=events))


def test_the_default_window_ignores_a_1938_outlier_and_lists_it(corpus):
    at = make_app(with_a_1938_outlier(corpus), page=PAGES[0])
    days = drawn_days(at)
    assert days[0] >= "2022-02-01" and not any(day.startswith("1938") for day in days)
    assert len(set(days)) == 13                  # 1-13 February: every 2022 event is drawn
    (spec,) = chart_specs(at)
    assert spec["layout"]["xaxis"]["range"][0] > "2022-01"      # the axis is not squashed back to 1938
    (outside,) = [e for e in at.expander if "outside the window" in e.label]
    assert outside.label == "1 event(s) outside the window 2022-02-01 – 2022-02-13"
    (listed,) = [df.value for df in at.dataframe if "label" in df.value and "day" in df.value]
    assert listed["label"].tolist() == ["Munich agreement signing"] and listed["sources"].iloc[0] == ["Wire"]
    assert "Munich agreement signing" not in at.dataframe[-1].value["label"].tolist()   # not in the events table
    # the user can still draw it
    at.toggle(key="timeline_whole_span").set_value(True).run()
    assert drawn_days(at)[0] == "1938-09-30"
    assert not [e for e in at.expander if "outside the window" in e.label]


def test_the_clock_switch_draws_report_time_and_lives_in_the_url(corpus):
    at = make_app(corpus, page=PAGES[0])
    assert drawn_days(at) == ["2022-02-10", "2022-02-11", "2022-02-11", "2022-02-13"]   # event time
    assert "clock" not in at.query_params
    at.radio(key="timeline_clock").set_value("report").run()
    assert not at.exception
    # every dated event was first reported on 13 February (e4's article is undated: not drawn)
    assert drawn_days(at) == ["2022-02-13"] * 4
    assert at.query_params["clock"] in ("report", ["report"])
    assert "on report time (first report)" in all_text(at)
    at.switch_page(PAGES[2]).run()
    at.switch_page(PAGES[0]).run()
    assert at.radio(key="timeline_clock").value == "report", "kept across pages"
    fresh = AppTest.from_file(APP, default_timeout=60)
    fresh.session_state[CORPUS_OVERRIDE_KEY] = corpus
    fresh.query_params["clock"] = "report"
    fresh.run()
    fresh.switch_page(PAGES[0]).run()
    assert fresh.radio(key="timeline_clock").value == "report" and drawn_days(fresh) == ["2022-02-13"] * 4


def test_the_page_sizes_by_documents_and_draws_the_planned_call_hollow(corpus):
    from core.extract.event_lexicon import event_types
    from ui.figures.timeline import MARKER_MIN, TIMELINE_CUSTOMDATA, source_size

    at = make_app(corpus, page=PAGES[0])
    (spec,) = chart_specs(at)
    marks = {}
    for trace in spec["data"]:
        for i, row in enumerate(trace["customdata"]):
            marks[row[TIMELINE_CUSTOMDATA.index("event_id")]] = (
                trace["marker"]["color"], decoded(trace["marker"]["size"])[i],
                trace["marker"]["symbol"] if isinstance(trace["marker"]["symbol"], str)
                else decoded(trace["marker"]["symbol"])[i])
    assert marks["e2"] == (event_types()["meeting"].colour, source_size(2), "circle")   # two documents
    assert marks["e1"] == (event_types()["deployment"].colour, MARKER_MIN, "circle")
    assert marks["e3"] == (event_types()["call"].colour, MARKER_MIN, "circle-open")     # planned
    assert "**hollow:** planned, possible, a question or denied" in all_text(at)


def test_the_csvs_hold_one_row_per_event_and_the_mentions_of_the_shown_events(corpus):
    import io

    import pandas as pd

    from core.present.export import to_csv_bytes
    from ui.selection import EVENT_TABLE_COLUMNS, MENTION_TABLE_COLUMNS, events_table, mentions_table
    from ui.source import frames_view

    at = make_app(corpus, page=PAGES[0])
    select_actors(at, ["Russia"])
    shown = at.dataframe[-1].value
    assert sorted(shown["event_id"]) == ["e1", "e2"]
    assert download_labels(at) == ["Download events CSV (2 rows)", "Download mentions CSV (3 rows)"]
    view = frames_view(corpus.frames)
    events = view.timeline(Filters(actors=("Russia",)), lane="actor").events
    table = events_table(events)
    assert table["event_id"].tolist() == shown["event_id"].tolist()
    csv_events = pd.read_csv(io.BytesIO(to_csv_bytes(table)))
    assert csv_events.columns.tolist() == EVENT_TABLE_COLUMNS and len(csv_events) == 2
    assert csv_events.set_index("event_id").loc["e2", "sides"] == "United States; Blog"      # lists joined
    ids = table["event_id"].tolist()
    csv_mentions = pd.read_csv(io.BytesIO(to_csv_bytes(mentions_table(view.mentions_of(ids), ids))))
    assert csv_mentions.columns.tolist() == MENTION_TABLE_COLUMNS
    assert csv_mentions[["event_id", "mention_id", "side"]].values.tolist() == [
        ["e1", "m1", "United States"], ["e2", "m2a", "United States"], ["e2", "m2b", "Blog"]]


TWO_SIDES = ("2021-12-07_ru_meeting-with-us-president-joseph-biden",
             "2021-12-09_us_background-press-call-by-a-senior-administration-official-on")


def two_sides_folder(folder: Path) -> Path:
    """The Kremlin's account of the 7 December 2021 call and the White House's briefing of
    9 December, with their sidecars and the actor dictionary."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    for stem in TWO_SIDES:
        for suffix in (".txt", ".meta.json"):
            shutil.copy2(REPO / "seeds" / "ukraine-2021-22" / f"{stem}{suffix}", folder / f"{stem}{suffix}")
    shutil.copy2(REPO / "seeds" / "actors.csv", folder / "actors.csv")
    return folder


def _event_of(store, mention_id: str) -> str:
    mentions = store.table("mentions")
    return str(mentions.loc[mentions["mention_id"] == mention_id, "event_id"].iloc[0])


@pytest.mark.model
def test_a_split_and_a_merge_made_in_the_page_survive_a_re_extraction(tmp_path, monkeypatch):
    import ui.data
    import ui.detail
    from ui.detail import DETAIL_KEY

    corpus_dir = two_sides_folder(_fresh_loader(tmp_path, monkeypatch))
    try:
        at = AppTest.from_file(APP, default_timeout=300).run()
        at.switch_page(PAGES[0]).run()
        assert not at.exception, [e.value for e in at.exception]
        store, _ = ui.data._open_store(str(tmp_path / "store.duckdb"))
        events = store.events()
        # the event reported by the most documents and sides: split its last report off
        big = events.sort_values(["n_sides", "n_mentions"], ascending=False).iloc[0]
        assert big["n_mentions"] >= 2
        mentions = store.event_mentions(big["event_id"])
        kept, gone = str(mentions["mention_id"].iloc[0]), str(mentions["mention_id"].iloc[-1])
        at.session_state[DETAIL_KEY] = big["event_id"]
        at.run()
        at.multiselect(key="timeline_split").set_value([gone]).run()
        at.button(key="timeline_split_off").click().run()
        assert not at.exception, [e.value for e in at.exception]
        done = "\n".join(e.value for e in at.success)
        assert markdown_escape("Split 1 report(s) off") in done and "survives re-extraction" in done
        assert [(c.action, c.mention_ids) for c in store.corrections()] == [("split", (gone,))]
        assert _event_of(store, gone) != _event_of(store, kept)
        assert at.session_state[DETAIL_KEY] == _event_of(store, kept), "the panel follows the event"
        # merge: the clicked event with an event the page offers (near in time, same type first),
        # not the one just split off (that would undo the split)
        at.run()
        offered = at.selectbox(key="timeline_merge_with").options
        events = store.events().set_index("event_id", drop=False)
        other = next(e for e in events["event_id"] if e not in (_event_of(store, gone), _event_of(store, kept))
                     and ui.detail.event_label(events.loc[e].to_dict()) in offered)
        other_mention = str(store.event_mentions(other)["mention_id"].iloc[0])
        at.selectbox(key="timeline_merge_with").set_value(other).run()
        at.button(key="timeline_merge").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert [c.action for c in store.corrections()] == ["split", "merge"]
        assert _event_of(store, other_mention) == _event_of(store, kept)
        before = len(store.events())

        # a re-extraction: every stored result gone, the articles are read and extracted again
        store._con.execute("DELETE FROM results")
        report = store.sync([corpus_dir])
        assert report.added == 2
        assert [c.action for c in store.corrections()] == ["split", "merge"]
        assert _event_of(store, gone) != _event_of(store, kept), "the split holds"
        assert _event_of(store, other_mention) == _event_of(store, kept), "the merge holds"
        assert len(store.events()) == before

        # undo, from the page: the merge goes, the split stays
        at.button(key="timeline_detail_undo").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert [c.action for c in store.corrections()] == ["split"]
        assert _event_of(store, other_mention) != _event_of(store, kept)
    finally:
        ui.data._store_view.clear()
        ui.data._open_store.clear()
