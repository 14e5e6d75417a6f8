"""core.present.highlight: article text to escaped HTML with marks; the Articles page over it (AppTest)."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from test_app import all_text, synthetic_corpus

from core.frames import Frames, frame
from core.present.highlight import (
    LAYER_LABELS,
    LAYERS,
    Layer,
    Span,
    article_facts,
    article_spans,
    article_tables,
    legend_html,
    load_article_text,
    markdown_escape,
    render_article,
)
from core.read.corpus import CorpusResult
from core.read.ingest import content_id

ARTICLES_PAGE = "pages/4_Articles.py"
XSS_SCRIPT = "<script>window.__pwned=1</script>"
XSS_IMG = '<img src=x onerror="window.__pwned=2">'


class _Marks(HTMLParser):
    """The tags of rendered HTML and the text inside each <mark>, for checking structure."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.marks: list[dict] = []      # {"class", "title", "text"} per <mark>, in document order
        self._open: list[dict] = []
        self.visible: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "mark":
            mark = {**dict(attrs), "text": ""}
            self.marks.append(mark)
            self._open.append(mark)

    def handle_endtag(self, tag):
        if tag == "mark":
            self._open.pop()

    def handle_data(self, data):
        self.visible.append(data)
        for mark in self._open:
            mark["text"] += data


def parse(markup: str) -> _Marks:
    parser = _Marks()
    parser.feed(markup)
    parser.close()
    assert not parser._open, "every <mark> is closed"
    return parser


def visible_text(markup: str) -> str:
    """Strip the tags, unescape: what a reader sees (newlines as in the source)."""
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


def marked(markup: str) -> list[tuple[str, str, str]]:
    return [(m["class"], m.get("title", ""), m["text"]) for m in parse(markup).marks]


# --- escaping ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    XSS_SCRIPT,
    XSS_IMG,
    "<img src=x onerror=alert(1)>",
    'He said "no" & she said \'yes\' <b>bold</b>',
    "</div></mark><mark class=\"hl-time\">fake</mark>",
    "&lt;already escaped&gt; &amp;",
])
def test_article_text_is_escaped_and_shown_verbatim(text):
    out = render_article(text, [Span(0, len(text), "actor", "whole")])
    assert visible_text(out) == text
    tags = parse(out).tags
    assert set(tags) <= {"div", "mark"}, tags     # no tag from the article survives
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert marked(out) == [("hl-actor", "whole", text)]


def test_untagged_text_is_escaped_too():
    out = render_article(f"before {XSS_IMG} after", [])
    assert "&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;" in out
    assert parse(out).tags == ["div"]


@pytest.mark.parametrize("title", ['Say "hi" <script>alert(1)</script>', "a' onmouseover='alert(1)", "x & y"])
def test_tooltips_are_escaped(title):
    out = render_article("Kyiv", [Span(0, 4, "place", title)])
    (mark,) = parse(out).marks
    assert mark["title"] == title            # the attribute holds exactly the tooltip...
    assert "onmouseover" not in mark          # ...and never becomes an attribute of its own
    assert set(parse(out).tags) == {"div", "mark"}


def test_ampersand_and_unicode():
    text = "Zelenskyy’s « Київ » — 5 000 troops & “more” 🚀\u00a0here"
    start = text.index("Київ")
    out = render_article(text, [Span(start, start + 4, "place", "Kyiv")])
    assert "&amp; " in out and "Київ" in out and "🚀" in out
    assert visible_text(out) == text
    assert marked(out) == [("hl-place", "Kyiv", "Київ")]


def test_newlines_become_line_breaks_and_stay_in_the_text():
    text = "First paragraph.\n\nSecond one.\nA line."
    out = render_article(text, [Span(0, 22, "claim", "spans a break")])
    assert out.count("<br>") == 3
    assert visible_text(out) == text
    assert marked(out) == [("hl-claim", "spans a break", text[:22])]
    assert text[:22].endswith("\n\nSeco")


# --- spans: valid, invalid, overlapping ------------------------------------------

TEXT = "On Sunday, Ben Wallace said 130,000 Russian troops were near Kyiv."


def at(word: str, *, text: str = TEXT) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.parametrize("span", [
    Span(-1, 3, "time"),            # starts before the text
    Span(60, 999, "time"),          # ends after it
    Span(10, 5, "time"),            # inverted
    Span(7, 7, "time"),             # empty
    Span(0, 9, "weather"),          # unknown layer
])
def test_out_of_range_inverted_empty_or_unknown_spans_are_ignored(span):
    good = Span(*at("Kyiv"), "place", "Kyiv")
    out = render_article(TEXT, [span, good])
    assert marked(out) == [("hl-place", "Kyiv", "Kyiv")]
    assert visible_text(out) == TEXT


def test_spans_are_marked_in_text_order_whatever_the_input_order():
    spans = [Span(*at("Kyiv"), "place", "Kyiv"), Span(*at("Sunday"), "time", "DATE 2022-02-13"),
             Span(*at("130,000"), "claim", "force_size"), Span(*at("Ben Wallace"), "actor", "Ben Wallace")]
    out = render_article(TEXT, spans)
    assert marked(out) == [("hl-time", "DATE 2022-02-13", "Sunday"), ("hl-actor", "Ben Wallace", "Ben Wallace"),
                           ("hl-claim", "force_size", "130,000"), ("hl-place", "Kyiv", "Kyiv")]
    assert visible_text(out) == TEXT


def test_nested_span_renders_inside_the_outer_one():
    outer = Span(*at("130,000 Russian troops"), "claim", "claim")
    inner = Span(*at("Russian"), "actor", "Russia")
    out = render_article(TEXT, [inner, outer])
    assert marked(out) == [("hl-claim", "claim", "130,000 Russian troops"), ("hl-actor", "Russia", "Russian")]
    assert '<mark class="hl-actor" title="Russia"' in out.split("130,000 ", 1)[1].split("</mark>")[0]
    assert visible_text(out) == TEXT


def test_same_extent_nests_by_layer_order():
    spans = [Span(*at("Kyiv"), "place", "Kyiv"), Span(*at("Kyiv"), "actor", "Ukraine")]
    out = render_article(TEXT, spans)
    # actor comes before place in LAYERS: outside
    assert marked(out) == [("hl-actor", "Ukraine", "Kyiv"), ("hl-place", "Kyiv", "Kyiv")]
    assert out.index("hl-actor") < out.index("hl-place")


def test_crossing_spans_split_at_the_open_span_end():
    first = Span(*at("Ben Wallace said"), "actor", "A")      # "Ben Wallace said"
    second = Span(*at("said 130,000"), "claim", "C")         # starts inside, ends after
    out = render_article(TEXT, [second, first])
    assert marked(out) == [("hl-actor", "A", "Ben Wallace said"), ("hl-claim", "C", "said"),
                           ("hl-claim", "C", " 130,000")]
    assert visible_text(out) == TEXT


def test_deep_crossing_is_well_formed_and_keeps_every_character():
    text = "abcdefghij"
    spans = [Span(0, 6, "time", "t"), Span(2, 8, "actor", "a"), Span(4, 10, "place", "p"), Span(1, 9, "claim", "c")]
    out = render_article(text, spans)
    assert visible_text(out) == text
    pieces: dict[str, str] = {}
    for cls, _, inside in marked(out):
        pieces[cls] = pieces.get(cls, "") + inside
    assert pieces == {"hl-time": "abcdef", "hl-claim": "bcdefghi", "hl-actor": "cdefgh", "hl-place": "efghij"}
    assert render_article(text, list(reversed(spans))) == out   # deterministic whatever the input order


def test_layers_are_data():
    layers = (Layer("actor", "Who", "#123456"),)
    out = render_article(TEXT, [Span(*at("Kyiv"), "place"), Span(*at("Ben Wallace"), "actor", "BW")], layers=layers)
    assert marked(out) == [("hl-actor", "BW", "Ben Wallace")]
    assert "background:#123456" in out
    assert legend_html(layers=layers).count("<mark") == 1


def test_legend_names_each_shown_layer_in_its_colour():
    full = legend_html()
    assert [cls for cls, _, _ in marked(full)] == [f"hl-{label}" for label in LAYER_LABELS]
    for layer in LAYERS:
        assert layer.name in visible_text(full) and layer.colour in full
    assert [cls for cls, _, _ in marked(legend_html(shown=["time"]))] == ["hl-time"]


def test_markdown_escape_leaves_no_markup():
    assert markdown_escape("A *b* [x](javascript:alert(1))\n<script>") == \
        r"A \*b\* \[x\]\(javascript\:alert\(1\)\) \<script\>"


# --- an article's annotations from the frames ------------------------------------

ARTICLE_TEXT = (
    "Russia moved troops near Kyiv on Sunday.\n\n"
    "Ben Wallace said 130,000 Russian troops were on the border. " + XSS_SCRIPT + "\n"
)


def article_frames(article_id: str, path: str) -> Frames:
    """The synthetic corpus (tests/test_app.py), its first article swapped for a real file's."""
    base = synthetic_corpus().frames

    def swap(df: pd.DataFrame) -> pd.DataFrame:
        return df.assign(article_id=df["article_id"].replace({"a1": article_id}))

    def span(word: str) -> dict:
        start = ARTICLE_TEXT.index(word)
        return {"article_id": article_id, "start": start, "end": start + len(word), "text": word}

    articles = swap(base.articles)
    articles.loc[articles["article_id"] == article_id, "path"] = path
    timexes = frame("timexes", [{**span("Sunday"), "type": "DATE", "value": "2022-02-13",
                                 "date_start": "2022-02-13", "date_end": "2022-02-13"}])
    mentions = pd.concat([base.entity_mentions, frame("entity_mentions", [
        {**span("Russia"), "entity": "Russia", "kind": "actor"},
        {**span("Ben Wallace"), "entity": "Ben Wallace", "kind": "actor"},
        {**span("Kyiv"), "entity": "Kyiv", "kind": "place"},
    ])], ignore_index=True)
    claims = swap(base.claims)
    figure = span("130,000")
    claims.loc[0, ["start", "end"]] = [figure["start"], figure["end"]]
    return Frames(articles=articles, events=swap(base.events), timexes=timexes, claims=claims,
                  actors=base.actors, places=base.places, mentions=base.mentions, entity_mentions=mentions)


@pytest.fixture
def article_file(tmp_path) -> tuple[str, Path]:
    path = tmp_path / "2022-02-13_border.txt"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    return content_id(ARTICLE_TEXT), path


def test_article_spans_read_every_layer_with_its_tooltip(article_file):
    article_id, path = article_file
    frames = article_frames(article_id, str(path))
    got = {(s.label, ARTICLE_TEXT[s.start:s.end], s.title) for s in article_spans(frames, article_id)}
    assert got == {
        ("time", "Sunday", "DATE 2022-02-13 · 2022-02-13"),
        ("actor", "Russia", "Russia"),
        ("actor", "Ben Wallace", "Ben Wallace"),
        ("place", "Kyiv", "Kyiv"),
        ("claim", "130,000", "deployment: 130000.0 troops · side: Russia · claimed by Ben Wallace"),
    }  # the other two claims have no offsets: skipped
    only = article_spans(frames, article_id, layers=["place"])
    assert [(s.label, s.title) for s in only] == [("place", "Kyiv")]
    assert article_spans(frames, "a2") == [Span(11, 15, "actor", "NATO")]   # "On Monday, NATO met ..."


def test_article_tables_split_the_layers(article_file):
    article_id, path = article_file
    tables = article_tables(article_frames(article_id, str(path)), article_id)
    assert list(tables) == ["time", "actor", "place", "claim"]
    assert tables["actor"]["entity"].tolist() == ["Russia", "Ben Wallace"]
    assert tables["place"]["entity"].tolist() == ["Kyiv"]
    assert tables["time"]["value"].tolist() == ["2022-02-13"]
    assert len(tables["claim"]) == 3 and tables["claim"]["start"].notna().sum() == 1


def test_load_article_text_checks_the_id(article_file):
    article_id, path = article_file
    assert load_article_text(str(path), article_id) == ARTICLE_TEXT
    assert load_article_text(str(path), "0" * 16) is None            # the file holds another text now
    assert load_article_text(str(path.with_name("gone.txt")), article_id) is None
    assert load_article_text("", article_id) is None


def test_article_facts_never_yield_a_script_link():
    row = {"article_id": "x", "title": "T", "source": "S", "url": "javascript:alert(1)",
           "published": pd.Timestamp("2022-02-13"), "words": 5, "warnings": "one; two"}
    facts = article_facts(row)
    assert facts.url == "" and facts.published == "2022-02-13" and facts.warnings == ("one", "two")
    assert facts.label == "T · S · 2022-02-13"
    undated = article_facts({**row, "url": "https://e.org/a", "published": pd.NaT, "source": None, "warnings": []})
    assert undated.url == "https://e.org/a" and undated.label == "T · unknown source · undated"


# --- the Articles page (AppTest) ----------------------------------------------------

def articles_app(frames: Frames, *, article: str | None = None, actors: list[str] | None = None):
    corpus = CorpusResult(frames=frames, problems=(), pipeline_version="highlight-test")
    from streamlit.testing.v1 import AppTest

    from ui.data import CORPUS_OVERRIDE_KEY
    from ui.filters import QUERY_PARAM as ACTOR_PARAM

    app = AppTest.from_file(str(Path(__file__).resolve().parents[1] / ARTICLES_PAGE), default_timeout=60)
    app.session_state[CORPUS_OVERRIDE_KEY] = corpus
    if article:
        app.query_params["article"] = article
    if actors:
        app.query_params[ACTOR_PARAM] = actors
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def rendered_article(app) -> str:
    bodies = [element.proto.body for element in app.get("html") if "hl-article" in element.proto.body]
    assert len(bodies) == 1, bodies
    return bodies[0]


def test_page_marks_the_known_spans_and_escapes_the_script(article_file):
    article_id, path = article_file
    app = articles_app(article_frames(article_id, str(path)), article=article_id)
    assert app.selectbox(key="articles_pick").value == article_id
    body = rendered_article(app)
    assert ("hl-time", "DATE 2022-02-13 · 2022-02-13", "Sunday") in marked(body)
    assert ("hl-place", "Kyiv", "Kyiv") in marked(body)
    assert ("hl-claim", "deployment: 130000.0 troops · side: Russia · claimed by Ben Wallace", "130,000") in marked(body)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in body and "<script" not in body
    assert visible_text(body) == ARTICLE_TEXT
    assert [t.label for t in app.tabs] == ["Time expressions (1)", "Actors (2)", "Places (1)", "Claims (3)"]
    assert "Troops mass on the border" in all_text(app)


def test_page_layers_can_be_switched_off(article_file):
    article_id, path = article_file
    app = articles_app(article_frames(article_id, str(path)), article=article_id)
    app.button_group(key="articles_layers").set_value(["time"]).run()
    assert not app.exception
    assert [cls for cls, _, _ in marked(rendered_article(app))] == ["hl-time"]


def test_picking_an_article_writes_the_url_and_the_link_opens_it(article_file):
    article_id, path = article_file
    frames = article_frames(article_id, str(path))
    app = articles_app(frames)
    assert app.selectbox(key="articles_pick").value == article_id   # newest first
    assert app.query_params["article"] == article_id
    app.selectbox(key="articles_pick").set_value("a2").run()
    assert not app.exception
    assert app.query_params["article"] == "a2"
    assert "An undated piece" in all_text(app)
    # a2's file does not exist: its annotations are still listed, with a warning
    assert any("no longer in a2\\.txt" in w.value for w in app.warning)   # the path escaped, not in backticks
    assert "no publication date" in "\n".join(w.value for w in app.warning)
    reopened = articles_app(frames, article="a2")
    assert reopened.selectbox(key="articles_pick").value == "a2"


def test_actor_filter_narrows_the_articles_but_a_link_still_opens_its_own(article_file):
    article_id, path = article_file
    frames = article_frames(article_id, str(path))
    app = articles_app(frames, actors=["NATO"])
    assert app.selectbox(key="articles_pick").options == ["An undated piece · Blog · undated"]
    linked = articles_app(frames, actors=["NATO"], article=article_id)
    assert linked.selectbox(key="articles_pick").value == article_id
    assert len(linked.selectbox(key="articles_pick").options) == 2


def test_page_on_an_empty_corpus_says_what_to_do():
    app = articles_app(Frames.empty())
    assert "No articles to show" in all_text(app)
    assert not app.get("html")
