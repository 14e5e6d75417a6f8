"""The global sidebar filters (the rows of `core.query.FACETS`): their facet table
and its docs, their URL form, what each keeps (the store's SQL, over the
synthetic corpus held in memory), the timeline's detail panel and the zip export.

Pure functions first (`core.query`, `ui.selection`, `core.present.export`), then the
pages through AppTest on the synthetic corpus of `tests/test_app.py`.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_app import APP, PAGES, all_text, chart_specs, claims_table, download_labels, make_app, synthetic_corpus

from core.frames import FRAME_COLUMNS, Frames, frame
from core.present.export import frames_zip, zip_readme
from core.present.highlight import markdown_escape
from core.query import FACETS, FILTERED_FRAMES, DateRange, Filters, filters_from_query, filters_to_query
from core.store.db import FramesStore
from ui.data import CORPUS_OVERRIDE_KEY
from ui.selection import clicked_event_ids, event_detail

CORPUS = synthetic_corpus()
FRAMES = CORPUS.frames
STORE = FramesStore(FRAMES)          # the synthetic corpus, queried with the store's SQL
DOCS = Path(__file__).resolve().parents[1] / "docs" / "filters.md"


def _query(params: dict[str, list[str]]):
    return lambda name: params.get(name, [])


def _ids(events: pd.DataFrame) -> list[str]:
    return sorted(events["event_id"])


# --- URL form ---------------------------------------------------------------

def test_filters_round_trip_through_the_url():
    chosen = Filters(actors=("Russia", "Ben Wallace"), date_from=date(2022, 2, 11), date_to=date(2022, 2, 13),
                     event_types=("deployment",), sources=("Wire",), categories=("killed",),
                     sides=("Russia", "United States"))
    query = filters_to_query(chosen)
    assert query == {"actor": ["Russia", "Ben Wallace"], "type": ["deployment"], "source": ["Wire"],
                     "category": ["killed"], "side": ["Russia", "United States"],
                     "from": ["2022-02-11"], "to": ["2022-02-13"]}
    assert filters_from_query(_query(query)) == chosen


def test_no_filter_is_an_empty_url():
    assert filters_to_query(Filters()) == {}
    assert filters_from_query(_query({})) == Filters()


@pytest.mark.parametrize(("params", "expected"), [
    ({"from": ["2022-02-30"]}, Filters()),                                  # not a date: ignored
    ({"from": ["yesterday"], "to": ["2022-02-12"]}, Filters(date_to=date(2022, 2, 12))),
    ({"from": ["2022-02-13"], "to": ["2022-02-10"]},                       # swapped: put in order
     Filters(date_from=date(2022, 2, 10), date_to=date(2022, 2, 13))),
    ({"actor": ["Russia", "Russia"]}, Filters(actors=("Russia",))),        # repeated: once
])
def test_a_bad_link_never_breaks_a_page(params, expected):
    assert filters_from_query(_query(params)) == expected


# --- what each filter keeps ---------------------------------------------------

@pytest.mark.parametrize(("chosen", "expected"), [
    (Filters(), ["e1", "e2", "e3", "e4"]),
    (Filters(event_types=("deployment",)), ["e1"]),
    # an event carries every source and side that reports it: e2 is in both articles
    (Filters(sources=("Blog",)), ["e2", "e4"]),
    (Filters(sources=("Wire",)), ["e1", "e2", "e3"]),
    (Filters(sides=("Blog",)), ["e2", "e4"]),
    (Filters(sides=("Russia",)), []),
    (Filters(sides=("United States",), sources=("Blog",)), ["e2"]),
    (Filters(date_from=date(2022, 2, 11)), ["e2", "e3"]),                  # undated e4 drops out with a bound
    (Filters(date_from=date(2022, 2, 11), date_to=date(2022, 2, 11)), ["e2"]),
    (Filters(actors=("Russia",), date_to=date(2022, 2, 10)), ["e1"]),
])
def test_filter_events(chosen, expected):
    assert _ids(STORE.events(chosen)) == expected


def test_a_week_long_event_overlaps_a_date_inside_it():
    events = frame("events", [{"event_id": "w", "article_id": "a1", "sentence": "s", "date_start": "2022-02-07",
                               "date_end": "2022-02-13", "actors": [], "places": [], "event_type": "exercise"}])
    store = FramesStore(replace(FRAMES, events=events))
    inside = Filters(date_from=date(2022, 2, 10), date_to=date(2022, 2, 10))
    after = Filters(date_from=date(2022, 2, 14))
    assert _ids(store.events(inside)) == ["w"]
    assert store.events(after).empty


def test_filter_claims_by_category_date_and_source():
    store = FramesStore(replace(FRAMES, claims=FRAMES.claims.assign(category=["force_size", "killed", "force_size"])))
    assert store.claims(Filters(categories=("killed",)))["value"].tolist() == [125000.0]
    dated = store.claims(Filters(date_to=date(2022, 2, 12)))
    assert dated["value"].tolist() == [125000.0]          # the undated claim drops out with a bound
    assert store.claims(Filters(sources=("Blog",))).empty


def test_filter_articles_by_source_and_publication_date():
    assert STORE.articles(Filters(sources=("Blog",)))["article_id"].tolist() == ["a2"]
    assert STORE.articles(Filters(date_from=date(2022, 2, 13)))["article_id"].tolist() == ["a1"]


def test_filter_articles_and_claims_by_side():
    assert STORE.articles(Filters(sides=("Blog",)))["article_id"].tolist() == ["a2"]
    assert STORE.articles(Filters(sides=("United States", "Blog")))["article_id"].tolist() == ["a1", "a2"]
    assert STORE.articles(Filters(sides=("Russia",))).empty
    assert len(STORE.claims(Filters(sides=("United States",)))) == 3
    assert STORE.claims(Filters(sides=("Blog",))).empty
    tables = STORE.frames(Filters(sides=("Blog",)))
    assert tables.articles["article_id"].tolist() == ["a2"] and tables.claims.empty


def test_the_side_options_are_the_articles_sides_most_frequent_first():
    assert sorted(STORE.filter_options()["sides"]) == ["Blog", "United States"]


def test_the_export_covers_every_frame_and_follows_the_filters():
    tables = STORE.frames(Filters(sources=("Blog",)))
    assert [name for name, _ in tables.items()] == list(FRAME_COLUMNS)
    assert tables.articles["article_id"].tolist() == ["a2"]
    assert _ids(tables.events) == ["e2", "e4"]               # e2 is reported by the Blog too
    assert sorted(tables.mentions["mention_id"]) == ["m2b", "m4"]   # the event mentions in a2
    assert tables.actors["actor"].tolist() == ["NATO"]      # named in a2's entity mentions
    assert len(STORE.frames(Filters()).actors) == len(FRAMES.actors)
    assert len(STORE.frames(Filters()).mentions) == 5


def test_the_export_by_event_type_keeps_the_articles_reporting_those_events():
    tables = STORE.frames(Filters(event_types=("meeting",)))
    assert _ids(tables.events) == ["e2", "e4"]
    assert tables.articles["article_id"].tolist() == ["a1", "a2"]        # e2 is reported in a1 and a2
    only_call = STORE.frames(Filters(event_types=("call",)))
    assert only_call.articles["article_id"].tolist() == ["a1"]
    assert STORE.articles(Filters(event_types=("call",)))["article_id"].tolist() == ["a1", "a2"]   # pages: not


# --- the facet table and its docs -----------------------------------------------

def test_every_filters_field_is_in_the_facet_table_once():
    fields = [name for row in FACETS for name in (row.fields if isinstance(row, DateRange) else (row.field,))]
    assert sorted(fields) == sorted(Filters.__dataclass_fields__)
    params = [param for row in FACETS for param in row.url_params]
    assert len(set(params)) == len(params)
    for row in FACETS:
        assert row.label and row.help
        assert any(getattr(row, kind) for kind in FILTERED_FRAMES), row


def _docs_table() -> list[list[str]]:
    """The rows of the facet table in docs/filters.md (between its two markers)."""
    text = DOCS.read_text(encoding="utf-8")
    table = text.split("<!-- facets -->", 1)[1].split("<!-- /facets -->", 1)[0]
    rows = [line for line in table.strip().splitlines()[2:] if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]


def test_the_docs_list_every_filter_as_the_facet_table_does():
    """docs/filters.md has one row per facet, in its order: its field(s), URL
    parameter(s), sidebar label and the frames it narrows."""
    def code(names) -> str:
        return ", ".join(f"`{name}`" for name in names)

    want = []
    for row in FACETS:
        fields = row.fields if isinstance(row, DateRange) else (row.field,)
        frames = [kind for kind in FILTERED_FRAMES if getattr(row, kind)]
        want.append([code(fields), code(row.url_params), row.label, ", ".join(frames)])
    assert [cells[:4] for cells in _docs_table()] == want


def test_each_facets_sql_binds_only_its_own_values():
    for row in FACETS:
        names = row.fields if isinstance(row, DateRange) else (row.field,)
        for kind in FILTERED_FRAMES:
            sql = getattr(row, kind)
            if isinstance(sql, str):
                assert set(re.findall(r"\$(\w+)", sql)) <= set(names), (row, kind)


# --- the detail panel of a clicked point ---------------------------------------

def _event_frames(event_id: str) -> Frames:
    from ui.source import frames_view

    return frames_view(FRAMES).event_frames(event_id)


def test_event_frames_hold_the_event_every_mention_and_their_articles():
    frames = _event_frames("e2")
    assert frames.events["event_id"].tolist() == ["e2"]
    assert sorted(frames.mentions["mention_id"]) == ["m2a", "m2b"]
    assert sorted(frames.articles["article_id"]) == ["a1", "a2"]


def test_event_detail_groups_the_mentions_by_side_with_the_trigger_in_the_sentence():
    detail = event_detail(_event_frames("e2"), "e2")
    assert detail is not None and detail.event["label"] == "Wallace – Russia meeting"
    assert list(detail.by_side) == ["United States", "Blog"]          # the dated report first
    (wire,), (blog,) = detail.by_side.values()
    assert wire.article["title"] == "Troops mass on the border" and blog.article["title"] == "An undated piece"
    for view in (wire, blog):
        start, end = view.trigger
        assert view.mention["sentence"][start:end] == "met"
    assert sorted(detail.mention_ids) == ["m2a", "m2b"]


def test_a_trigger_is_found_in_a_sentence_stored_without_its_leading_space():
    from ui.selection import _trigger_in_sentence

    # the article text has "  Talks began." at 10: the sentence span starts on the spaces
    mention = {"sentence": "Talks began.", "start": 10, "trigger": "began", "trigger_start": 18, "trigger_end": 23}
    assert _trigger_in_sentence(mention) == (6, 11)
    assert _trigger_in_sentence({**mention, "trigger_start": None}) is None


def test_event_detail_of_an_unknown_event_is_none():
    assert event_detail(_event_frames("gone"), "gone") is None


def test_merge_candidates_are_near_in_time_same_type_first():
    from ui.selection import merge_candidates

    event = FRAMES.events.set_index("event_id").loc["e2"].to_dict() | {"event_id": "e2"}
    # e3 (a call, two days later) is in the same group as a meeting; e1 (a deployment) the day before
    assert merge_candidates(FRAMES.events, event)["event_id"].tolist() == ["e3", "e1"]
    assert merge_candidates(FRAMES.events, event, days=1)["event_id"].tolist() == ["e1"]
    assert merge_candidates(FRAMES.events, {"event_id": "e4", "date_start": None}).empty


def test_clicked_event_ids_read_the_event_id_column():
    points = [{"customdata": ["Thursday", "r", "s", "Russia", "a1", "e1"]}, {"customdata": ["x"]}, {}, "junk",
              {"customdata": ["Sunday", "r", "s", "Biden", "a1", "e3"]}, {"customdata": ["", "", "", "", "", "e1"]}]
    assert clicked_event_ids(points, position=5) == ["e1", "e3"]


# --- the zip export ---------------------------------------------------------

def test_zip_holds_every_frame_and_a_readme_of_every_column():
    tables = STORE.frames(Filters())
    archive = zipfile.ZipFile(io.BytesIO(frames_zip(tables.items(), note="Filtered view: none")))
    assert sorted(archive.namelist()) == sorted([f"{name}.csv" for name in FRAME_COLUMNS] + ["README.md"])
    events = pd.read_csv(io.BytesIO(archive.read("events.csv")))
    assert sorted(events["event_id"]) == ["e1", "e2", "e3", "e4"]
    readme = archive.read("README.md").decode("utf-8")
    assert "Filtered view: none" in readme
    for name, columns in FRAME_COLUMNS.items():
        section = readme.split(f"## {name}.csv", 1)[1].split("## ", 1)[0]
        for column in columns:
            line = next(row for row in section.splitlines() if row.startswith(f"| {column} |"))
            assert line.split("|")[2].strip(), f"{name}.{column} has no description"


def test_the_zip_holds_the_ledger_of_its_claims_with_its_columns_described():
    from core.combine.ledger import LEDGER_COLUMNS, with_ledger
    from ui.widgets import export_zip

    archive = zipfile.ZipFile(io.BytesIO(export_zip(dict(STORE.frames(Filters()).items()))))
    assert "ledger.csv" in archive.namelist()
    ledger = pd.read_csv(io.BytesIO(archive.read("ledger.csv")))
    assert list(ledger.columns) == LEDGER_COLUMNS
    assert 0 < len(ledger) <= len(FRAMES.claims)
    section = archive.read("README.md").decode("utf-8").split("## ledger.csv", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| column")]
    assert len(rows) == len(LEDGER_COLUMNS) and all(line.split("|")[2].strip() for line in rows)
    assert with_ledger({"events": FRAMES.events}) == {"events": FRAMES.events}


def test_zip_csvs_neutralise_formulas_and_take_the_bom_option():
    tables = {"articles": FRAMES.articles.assign(title=["=HYPERLINK(\"http://x\")", "ok"])}
    plain = zipfile.ZipFile(io.BytesIO(frames_zip(tables.items()))).read("articles.csv")
    excel = zipfile.ZipFile(io.BytesIO(frames_zip(tables.items(), bom=True))).read("articles.csv")
    assert b"'=HYPERLINK" in plain and not plain.startswith(b"\xef\xbb\xbf")
    assert excel.startswith(b"\xef\xbb\xbf")


def test_readme_names_row_counts():
    assert "## claims.csv (3 rows)" in zip_readme({"claims": FRAMES.claims})


# --- the pages --------------------------------------------------------------

def _timeline(params: dict[str, list[str]]):
    """The Timeline page of a new session opened on a URL with `params`."""
    return make_app(synthetic_corpus(), page=PAGES[0], params=params)


def _customdata_ids(at) -> list[str]:
    (spec,) = chart_specs(at)
    from ui.figures.timeline import TIMELINE_CUSTOMDATA

    return sorted(row[TIMELINE_CUSTOMDATA.index("event_id")] for trace in spec["data"] for row in trace["customdata"])


def test_a_url_with_type_and_dates_restores_the_timeline():
    at = _timeline({"type": ["meeting"], "from": ["2022-02-11"], "to": ["2022-02-12"]})
    assert _customdata_ids(at) == ["e2", "e2"]                    # one point per actor lane
    assert at.multiselect(key="filter_event_types").value == ["meeting"]
    assert at.date_input(key="filter_dates").value == (date(2022, 2, 11), date(2022, 2, 12))
    assert download_labels(at)[0] == "Download events CSV (1 row)"


def test_choosing_a_source_updates_the_url_and_the_other_pages():
    at = _timeline({})
    at.multiselect(key="filter_sources").set_value(["Wire"]).run()
    assert at.query_params["source"] in ("Wire", ["Wire"])
    assert _customdata_ids(at) == ["e1", "e2", "e2", "e3"]
    at.switch_page(PAGES[2]).run()
    assert at.multiselect(key="filter_sources").value == ["Wire"]
    assert len(claims_table(at).value) == 3                        # every claim is from a1 (Wire)
    at.button(key="filter_clear").click().run()
    assert at.multiselect(key="filter_sources").value == []
    assert "source" not in at.query_params


def test_choosing_a_side_updates_the_url_and_every_page():
    at = make_app(synthetic_corpus(), page=PAGES[2])                # Claims
    assert len(claims_table(at).value) == 3
    at.multiselect(key="filter_sides").set_value(["Blog"]).run()
    assert at.query_params["side"] in ("Blog", ["Blog"])
    assert "No claims match the sidebar filters" in all_text(at) and not at.dataframe
    at.switch_page(PAGES[3]).run()                                   # Articles: only a2 is offered
    assert not at.exception, [e.value for e in at.exception]
    assert at.multiselect(key="filter_sides").value == ["Blog"]
    assert at.selectbox(key="articles_pick").options == ["An undated piece · Blog · undated"]
    at.button(key="filter_clear").click().run()
    assert at.multiselect(key="filter_sides").value == []
    assert "side" not in at.query_params


def test_a_url_with_a_side_restores_it():
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[CORPUS_OVERRIDE_KEY] = synthetic_corpus()
    at.query_params["side"] = ["United States"]
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.multiselect(key="filter_sides").value == ["United States"]
    assert at.multiselect(key="filter_sides").options == ["Blog", "United States"]    # one article each
    at.switch_page(PAGES[2]).run()
    assert len(claims_table(at).value) == 3                         # every claim is from a1 (United States)


def test_narrowing_the_dates_drops_undated_and_out_of_range_claims():
    at = make_app(synthetic_corpus(), page=PAGES[2])
    at.date_input(key="filter_dates").set_value((date(2022, 2, 13), date(2022, 2, 13))).run()
    assert claims_table(at).value["value"].tolist() == [130000.0]
    assert at.query_params["from"] in ("2022-02-13", ["2022-02-13"])


def test_detail_panel_shows_every_report_grouped_by_side():
    at = _timeline({})
    at.session_state["timeline_detail_event"] = "e2"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    html = " ".join(str(element.proto.body) for element in at.get("html"))
    # both reports, each with its trigger marked
    assert 'Ben Wallace <mark class="hl-trigger"' in html and ">met</mark> Russia" in html
    assert "Wallace and the Russian minister" in html and html.count('class="hl-trigger"') == 2
    text = all_text(at)
    assert "#### Wallace – Russia meeting" in text
    assert "**Modality:** asserted" in text and "**Type:** meeting" in text
    assert markdown_escape("2022-02-11 (explicit date in the text), precise to the day") in text
    # grouped by side, each document with its source, date and credit
    assert "**United States** · 1 report(s)" in text and "**Blog** · 1 report(s)" in text
    assert "Troops mass on the border" in text and "An undated piece" in text
    assert "published 2022-02-13" in text and "published undated" in text
    assert markdown_escape("Content from example.org, licensed under CC BY 4.0") in text
    assert markdown_escape("Blog; no licence given") in text
    assert "same lemma" in text                                   # why merged
    links = [b.proto.url for b in at.get("link_button")]
    assert links == ["https://example.org/a1"]                    # a2 has no link
    assert "Corrections are stored in the dashboard's store" in text    # a frames_view offers none


def test_excel_option_is_on_every_view_and_kept_across_pages():
    at = _timeline({})
    assert at.toggle(key="csv_bom").value is False
    at.toggle(key="csv_bom").set_value(True).run()
    for page in PAGES[1:]:
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
        assert at.toggle(key="csv_bom").value is True, page


def test_detail_panel_closes_with_its_button():
    at = _timeline({})
    at.session_state["timeline_detail_event"] = "e2"
    at.run()
    assert at.get("html")
    at.button(key="timeline_detail_close").click().run()
    assert at.session_state["timeline_detail_event"] is None
    assert not at.get("html")


def test_timeline_counts_per_day_beyond_the_point_limit(monkeypatch):
    import ui.figures.points

    monkeypatch.setattr(ui.figures.points, "POINTS_MAX", 2)
    at = _timeline({})
    (spec,) = chart_specs(at)
    assert {trace["type"] for trace in spec["data"]} == {"scatter"}
    assert "rangeslider" not in spec["layout"]["xaxis"]
    assert sum(row[0] for trace in spec["data"] for row in trace["customdata"]) == 4   # e1, e2 twice, e3
    assert "too many to draw one by one" in all_text(at)
    at.date_input(key="filter_dates").set_value((date(2022, 2, 10), date(2022, 2, 10))).run()
    (spec,) = chart_specs(at)                     # narrowed to one point: markers again, clickable
    assert {trace["type"] for trace in spec["data"]} == {"scatter"}
