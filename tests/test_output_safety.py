"""Nothing from an article or a link is ever rendered as markup.

Two guards:
- a scan of the dashboard's source: no `unsafe_allow_html`, no
  `components.html`, and `st.html` only ever given `core.present.highlight`'s escaped
  output;
- every page run (AppTest) over a corpus whose titles, sources, warnings,
  problems, file names and URL parameters are hostile Markdown and HTML: no
  rendered Markdown element holds the hostile text unescaped, and no button
  links to a `javascript:` URL.
The browser test that `<script>` and `<img onerror>` in article text run
nothing is `tests/e2e/test_articles_e2e.py`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from test_app import PAGES, make_app, synthetic_corpus

from core.read.corpus import CorpusResult

DETAIL_KEY = "timeline_detail_event"      # pages/1_Timeline.py: the event whose detail panel is open

REPO = Path(__file__).resolve().parents[1]
DASHBOARD_SOURCES = sorted([REPO / "app.py", *(REPO / "pages").glob("*.py"), *(REPO / "ui").rglob("*.py"),
                            *(REPO / "core").rglob("*.py")])

LINK = "[click me](https://evil.example/steal)"
IMAGE = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script>"
HOSTILE = (LINK, IMAGE, SCRIPT, "**bold**", "`code`")
MARKDOWN_KINDS = ("markdown", "caption", "info", "warning", "error", "success", "subheader", "title", "header")


def test_no_source_file_passes_unsafe_allow_html_or_raw_components():
    offenders = [f"{path.relative_to(REPO)}:{number}" for path in DASHBOARD_SOURCES
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"unsafe_allow_html|components\.v1|components\.html", line)]
    assert offenders == []


def test_st_html_is_only_given_core_highlights_escaped_output():
    """`core.present.highlight.render_article` and `legend_html` escape every character of article text."""
    calls = [(path.relative_to(REPO), line.strip()) for path in DASHBOARD_SOURCES
             for line in path.read_text(encoding="utf-8").splitlines() if "st.html(" in line]
    assert calls, "the scan must see the article views' st.html calls"
    unsafe = [(path, line) for path, line in calls
              if not re.fullmatch(r"st\.html\((highlight\.)?(render_article|legend_html)\(.*\)( \+ (highlight\.)?"
                                  r"(render_article|legend_html)\(.*\))*\)", line)]
    assert unsafe == []


def hostile_corpus() -> CorpusResult:
    """The synthetic corpus with every user-controlled string made hostile."""
    corpus = synthetic_corpus()
    articles = corpus.frames.articles.copy()
    articles["title"] = [f"{LINK} {IMAGE}", f"{SCRIPT} **bold**"]
    articles["source"] = [LINK, IMAGE]
    articles["url"] = ["javascript:alert(3)", "JAVASCRIPT:alert(4)"]
    articles["published"] = [articles["published"][0], None]       # the second is listed as undated
    articles["warnings"] = [[f"publication date '{LINK}' is not an ISO date"], [f"odd {IMAGE}"]]
    problems = (f"{LINK}.txt: empty file", f"`{IMAGE}`.txt: binary file", "x`](https://evil.example/)`.txt: odd")
    return replace(corpus, frames=replace(corpus.frames, articles=articles), problems=problems)


def rendered_markdown(at) -> list[str]:
    return [str(element.value) for kind in MARKDOWN_KINDS for element in at.get(kind)]


def link_buttons(at) -> list[str]:
    return [element.proto.url for element in at.get("link_button")]


@pytest.mark.parametrize("page_file", [None, *PAGES, "pages/5_Import.py"])
def test_no_page_renders_hostile_metadata_as_markup(page_file):
    at = make_app(hostile_corpus(), page=page_file, actors=[LINK, IMAGE])     # hostile URL parameters too
    texts = rendered_markdown(at)
    assert texts, "the page must render some Markdown for this test to mean anything"
    leaked = [(bad, text) for text in texts for bad in HOSTILE if bad in text]
    assert leaked == []
    assert not [url for url in link_buttons(at) if not url.startswith(("http://", "https://"))]


def test_the_timeline_detail_panel_shows_hostile_metadata_literally_and_no_javascript_link():
    at = make_app(hostile_corpus(), page="pages/1_Timeline.py")
    at.session_state[DETAIL_KEY] = "e1"                # the panel of an event of the hostile article
    at.run()
    assert not at.exception
    assert any("click me" in text for text in rendered_markdown(at)), "the detail panel must be open"
    assert [bad for text in rendered_markdown(at) for bad in HOSTILE if bad in text] == []
    assert link_buttons(at) == []                      # its only link is javascript:, so no button


def test_the_hostile_text_is_still_shown_literally():
    """Escaped, not dropped: the user sees what the file says (here the first article's title)."""
    at = make_app(hostile_corpus(), page="pages/4_Articles.py")
    assert any("\\[click me\\]\\(https\\:" in text for text in rendered_markdown(at))
