"""Issue 16, the dashboard's items: date provenance (7), the detail panel's dates (6),
one colour per event type whatever the filter (5), the Claims filters in the URL (8),
exported figures and blanks (9), and the events CSV in the counts view (14).

AppTest on the synthetic corpus of `tests/test_app.py`; the one `model` test runs
the real pipeline over a short text.
"""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from test_app import PAGES, all_text, chart_specs, make_app, select_actors, synthetic_corpus

from core.present.highlight import markdown_escape
from core.read.corpus import CorpusResult

UNDATED = "undated: no explicit date in the text, and no publication date to resolve against"


@pytest.fixture
def corpus() -> CorpusResult:
    """The synthetic corpus, its mentions carrying the date as written (as the store's do)."""
    result = synthetic_corpus()
    mentions = result.frames.mentions
    written = {"m1": "Thursday", "m2a": "11 February", "m2b": "11 February", "m3": "", "m4": "Monday"}
    mentions["date_text"] = mentions["mention_id"].map(written)
    return result


def events_shown(at: AppTest):
    """The Timeline's events table (the dataframe with the events' columns)."""
    (table,) = [d.value for d in at.dataframe if "n_mentions" in d.value.columns]
    return table


def open_panel(corpus: CorpusResult, event_id: str) -> AppTest:
    at = make_app(corpus, page=PAGES[0])
    at.session_state["timeline_detail_event"] = event_id
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# --- item 7: the anchor, labelled truthfully ----------------------------------------

def test_the_events_table_says_undated_not_publication_for_an_event_with_no_date(corpus):
    at = make_app(corpus, page=PAGES[0])
    table = events_shown(at).set_index("event_id")
    assert table.loc["e4", "date_source"] == "undated"          # undated article: was "publication"-like
    assert table.loc["e3", "date_source"] == "publication"
    assert table.loc["e1", "date_source"] == "relative"
    assert table.loc["e2", "date_source"] == "explicit"


@pytest.mark.model
def test_midweek_and_saturday_are_relative_and_an_undated_articles_events_undated(tmp_path):
    from core.combine.build import build_frames
    from ui.figures.points import timeline_points
    from ui.selection import events_table

    dated = tmp_path / "2022-02-13_talks.txt"
    dated.write_text("Talks\n\nRussian and Ukrainian officials will meet midweek in Minsk. On Saturday, "
                     "Russia attacked Kharkiv. NATO ministers met on 10 February in Brussels.\n", encoding="utf-8")
    undated = tmp_path / "undated.txt"
    undated.write_text("Undated\n\nRussian troops attacked Kharkiv.\n", encoding="utf-8")
    events = build_frames([dated, undated], cache_dir=None).frames.events
    by_written = dict(zip(events["date_text"], events["event_id"]))
    assert {"midweek", "Saturday", "10 February"} <= set(by_written)
    # the hover's line on how the date was resolved (one point per lane: the same for each)
    points = timeline_points(events).drop_duplicates("event_id").set_index("event_id")["resolution"]
    assert points[by_written["midweek"]] == "2022-02-16 (relative date, resolved against the publication date)"
    assert points[by_written["Saturday"]] == "2022-02-12 (relative date, resolved against the publication date)"
    assert points[by_written["10 February"]] == "2022-02-10 (explicit date in the text)"
    table = events_table(events)
    from_undated = table[table["article_id"] == events.loc[events["sentence"].str.startswith("Russian troops"),
                                                               "article_id"].iloc[0]]
    assert not from_undated.empty and set(from_undated["date_source"]) == {"undated"}


# --- item 6: the panel shows the resolved date, its anchor and the date as written ----

def test_the_panel_shows_the_resolved_date_its_anchor_and_the_date_as_written(corpus):
    text = all_text(open_panel(corpus, "e1"))
    assert markdown_escape("2022-02-10 (relative date, resolved against the publication date of 2022-02-13), "
                           "precise to the day; written “Thursday”") in text
    text = all_text(open_panel(corpus, "e2"))
    assert markdown_escape("2022-02-11 (explicit date in the text), precise to the day; "
                           "written “11 February”") in text


def test_the_panel_of_an_undated_event_says_why_and_what_was_written(corpus):
    text = all_text(open_panel(corpus, "e4"))
    assert markdown_escape(f"**Event time:** {UNDATED}; written “Monday”") in text or \
        f"**Event time:** {markdown_escape(UNDATED + '; written “Monday”')}" in text


# --- item 14: the counts view still downloads the filtered events -------------------

def test_the_counts_view_offers_the_filtered_events_csv(corpus, monkeypatch):
    import io

    import pandas as pd

    import ui.figures.points
    from core.present.export import to_csv_bytes
    from core.query import Filters
    from ui.selection import EVENT_TABLE_COLUMNS
    from ui.source import frames_view
    from ui.timeline import filtered_events

    monkeypatch.setattr(ui.figures.points, "POINTS_MAX", 2)
    at = make_app(corpus, page=PAGES[0])
    assert "too many to draw one by one" in all_text(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download events CSV (every event the sidebar filters match)"]
    select_actors(at, ["Russia"])                 # e1, e2: 3 points (e2 in two lanes), still counts
    assert "too many to draw one by one" in all_text(at)
    assert [b.proto.label for b in at.get("download_button")] == labels
    csv = pd.read_csv(io.BytesIO(to_csv_bytes(filtered_events(frames_view(corpus.frames), Filters(actors=("Russia",)),
                                                              "event"))))
    assert csv.columns.tolist() == EVENT_TABLE_COLUMNS
    assert sorted(csv["event_id"]) == ["e1", "e2"]


# --- item 8: the Claims page's filters survive a shared link ------------------------

def _claims_page(params: dict[str, list[str]]) -> AppTest:
    """The Claims page of a new session opened on a URL with `params`."""
    return make_app(synthetic_corpus(), page=PAGES[2], params=params)


def _param(at: AppTest, name: str) -> list[str]:
    value = at.query_params.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def _claims_table(at: AppTest):
    (table,) = [d.value for d in at.dataframe if "in_context" in d.value.columns]   # not the ledger's
    return table


@pytest.mark.parametrize(("facet", "param", "value", "values"), [
    ("side", "claim_side", "Ukraine", [5000.0]),
    ("unit", "claim_unit", "troops", [125000.0, 130000.0]),
    ("category", "claim_category", "deployment", [125000.0, 130000.0, 5000.0]),
    ("claimant", "claimant", "Joe Biden", [125000.0]),
])
def test_each_claims_filter_is_written_to_the_url_and_restored_from_it(facet, param, value, values):
    at = _claims_page({})
    at.multiselect(key=f"claims_filter_{facet}").set_value([value]).run()
    assert _param(at, param) == [value]
    assert sorted(_claims_table(at)["value"].tolist()) == sorted(values)
    shared = _claims_page({param: [value]})                 # the link, opened in a new session
    assert shared.multiselect(key=f"claims_filter_{facet}").value == [value]
    assert sorted(_claims_table(shared)["value"].tolist()) == sorted(values)


def test_the_claims_filters_survive_a_page_switch_and_clear_from_the_url():
    at = _claims_page({"claimant": ["Ben Wallace"], "claim_unit": ["troops"]})
    assert _claims_table(at)["value"].tolist() == [130000.0]
    at.switch_page(PAGES[0]).run()
    at.switch_page(PAGES[2]).run()
    assert at.multiselect(key="claims_filter_claimant").value == ["Ben Wallace"]
    assert _param(at, "claimant") == ["Ben Wallace"] and _param(at, "claim_unit") == ["troops"]
    at.multiselect(key="claims_filter_claimant").set_value([]).run()
    assert "claimant" not in at.query_params
    assert len(_claims_table(at)) == 2


def test_an_unknown_claimant_in_the_link_is_ignored_and_said():
    at = _claims_page({"claimant": ["Nobody <b>"]})
    assert len(_claims_table(at)) == 3
    assert "Claimant not in this corpus, ignored: " + markdown_escape("Nobody <b>") in all_text(at)


# --- item 9: whole figures as integers, blanks not "None", no stray quote ------------

def test_whole_figures_are_exported_as_integers_and_fractions_stay():
    import pandas as pd

    from core.frames import to_flat
    from core.present.export import to_csv_bytes

    claims = synthetic_corpus().frames.claims
    text = to_csv_bytes(claims[["value", "low", "high", "unit"]]).decode()
    assert text.splitlines()[1:] == ["130000,,,troops", "125000,100000,150000,troops", "5000,,,soldiers"]
    assert "130000.0" not in text
    mixed = pd.DataFrame({"share": [0.5, 2.0], "n": [1.0, None]})
    assert to_csv_bytes(mixed).decode().splitlines() == ["share,n", "0.5,1", "2.0,"]
    assert to_flat(mixed).to_dict("records") == [{"share": 0.5, "n": 1}, {"share": 2.0, "n": None}]


@pytest.mark.parametrize("page", [None, *PAGES])
def test_every_table_shows_a_missing_value_blank(corpus, page):
    at = make_app(corpus, page=page)
    tables = list(at.dataframe)
    assert tables, "every page shows a table"
    for table in tables:
        assert table.proto.HasField("placeholder") and table.proto.placeholder == "", table.proto.id


@pytest.mark.model
def test_a_sentence_does_not_end_with_the_next_ones_opening_quote(nlp):
    from core.extract.claims import iter_claims

    text = ('Wallace said Russia had massed 130,000 troops. "We are very worried," he added. '
            'Officials said 100,000 soldiers were near the border. “They could attack,” one said.')
    sentences = [s.text for s in nlp(text).sents]
    assert sentences == ["Wallace said Russia had massed 130,000 troops.", '"We are very worried," he added.',
                         "Officials said 100,000 soldiers were near the border.", "“They could attack,” one said."]
    claims = list(iter_claims(nlp(text), published=None))
    assert claims and all(not c.sentence.rstrip().endswith(('"', "“")) for c in claims)


# --- item 5: one colour per event type, whatever the filter ---------------------------

def _type_colours(at: AppTest) -> dict[str, str]:
    """Each event type's colour in the Timeline chart (its legend entry's trace)."""
    colours: dict[str, set] = {}
    for trace in chart_specs(at)[0]["data"]:
        colour = trace["marker"]["line"]["color"] if trace["type"] == "bar" else trace["marker"]["color"]
        colours.setdefault(trace["name"], set()).add(colour)
    assert all(len(found) == 1 for found in colours.values()), colours
    return {name: found.pop() for name, found in colours.items()}


@pytest.mark.parametrize("actors", [["Russia"], ["Joe Biden"], ["Ben Wallace"], ["Russia", "Joe Biden"]])
def test_a_type_keeps_its_colour_with_and_without_an_actor_filter(corpus, actors):
    from core.extract.event_lexicon import event_types

    at = make_app(corpus, page=PAGES[0])
    everything = _type_colours(at)
    assert everything == {name: event_types()[name].colour for name in everything}
    select_actors(at, actors)
    narrowed = _type_colours(at)
    assert narrowed and set(narrowed) <= set(everything)
    assert narrowed == {name: everything[name] for name in narrowed}


def test_the_counts_view_colours_by_the_same_map(corpus, monkeypatch):
    import ui.figures.points
    from core.extract.event_lexicon import event_types

    monkeypatch.setattr(ui.figures.points, "POINTS_MAX", 2)
    at = make_app(corpus, page=PAGES[0])
    for trace in chart_specs(at)[0]["data"]:
        assert trace["marker"]["color"] == event_types()[trace["name"]].colour


def test_every_type_has_a_colour_of_its_own_and_unknown_types_none_of_theirs():
    from core.extract.event_lexicon import event_types
    from ui.figures.common import OTHER_TYPE_COLOUR, type_colour

    colours = [kind.colour.lower() for kind in event_types().values()]
    assert len(set(colours)) == len(colours)
    assert OTHER_TYPE_COLOUR.lower() not in colours
    assert type_colour("no such type") == OTHER_TYPE_COLOUR


def test_the_mentions_csv_says_undated_too(corpus):
    from ui.selection import mentions_table
    from ui.source import frames_view

    table = mentions_table(frames_view(corpus.frames).mentions_of(["e3", "e4"]), ["e3", "e4"]).set_index("mention_id")
    assert table.loc["m3", "date_source"] == "publication"          # dated by its publication
    assert table.loc["m4", "date_source"] == "undated"              # "Monday" in an undated article
