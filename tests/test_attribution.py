"""The shipped three-sided corpus, its credits and its sides: the README is the
corpus's licence notice, not an article; every place that shows or exports a
document's text shows its attribution.

Reads the corpus files only (no extraction); the pages run on the synthetic
corpus of `tests/test_app.py`.
"""
from __future__ import annotations

import io
import json
import zipfile
from collections import Counter

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_app import APP, PAGES, all_text, claims_table, synthetic_corpus

from core.present.export import frames_zip
from core.present.highlight import ArticleFacts, article_credits, article_facts
from core.read.corpus import DEFAULT_CORPUS_DIR, corpus_dirs_from_env
from core.read.ingest import read_corpus
from tests.conftest import REPO, SEED_TEXT
from ui.data import CORPUS_OVERRIDE_KEY

CORPUS = REPO / "seeds" / "ukraine-2021-22"
KREMLIN = "Content from www.kremlin.ru, licensed under CC BY 4.0"
EXAMPLE = "Content from example.org, licensed under CC BY 4.0"


@pytest.fixture(scope="module")
def shipped():
    return read_corpus([DEFAULT_CORPUS_DIR])


# --- the shipped corpus -------------------------------------------------------

def test_the_default_corpus_is_the_seed_article_and_the_three_sided_corpus(shipped, monkeypatch):
    monkeypatch.delenv("CRISIS_CORPUS", raising=False)
    assert DEFAULT_CORPUS_DIR in corpus_dirs_from_env()
    assert (CORPUS / "README.md").is_file()
    assert len(shipped.articles) == 101
    assert not [p for p in shipped.problems if p.fatal]
    assert str(SEED_TEXT) in {a.path for a in shipped.articles}
    assert not [a for a in shipped.articles if a.path.endswith("README.md")]


def test_every_corpus_document_has_its_sidecar_attribution_licence_and_side(shipped):
    documents = [a for a in shipped.articles if a.path.startswith(str(CORPUS))]
    assert len(documents) == 100
    for article in documents:
        sidecar = json.loads((CORPUS / (article.path.rsplit("/", 1)[1][:-4] + ".meta.json")).read_text())
        assert (article.attribution, article.licence) == (sidecar["attribution"], sidecar["licence"]) != ("", "")
    assert Counter(a.side for a in documents) == {"United States": 40, "Russia": 30, "Ukraine": 30}
    assert {a.side for a in shipped.articles} - {a.side for a in documents} == {"ITV News"}


def test_the_articles_frame_carries_attribution_licence_and_side(shipped):
    from core.frames import ARTICLE_COLUMNS, frame

    articles = frame("articles", [a.to_dict() for a in shipped.articles])
    assert list(articles.columns[-3:]) == ["attribution", "licence", "side"] == ARTICLE_COLUMNS[-3:]
    kremlin = articles[articles["side"] == "Russia"]
    assert len(kremlin) == 30 and set(kremlin["attribution"]) == {KREMLIN} and set(kremlin["licence"]) == {"CC BY 4.0"}


# --- the credit shown with a document's text ----------------------------------

CREDITS = [
    ({"attribution": KREMLIN, "licence": "CC BY 4.0", "source": "Kremlin"}, KREMLIN),
    ({"attribution": "The White House, bidenwhitehouse.archives.gov",
      "licence": "Public domain (US federal government work)"},
     "The White House, bidenwhitehouse.archives.gov (Public domain (US federal government work))"),
    ({"source": "Wire", "licence": "CC0 1.0"}, "Wire, CC0 1.0"),
    ({"source": "ITV News"}, "ITV News; no licence given"),
    ({}, "unknown source; no licence given"),
    ({"attribution": float("nan"), "source": "Blog", "licence": None}, "Blog; no licence given"),
]


@pytest.mark.parametrize(("row", "credit"), CREDITS)
def test_credit(row, credit):
    assert article_facts({"article_id": "a", **row}).credit == credit


def test_article_credits_map_each_article():
    credits = article_credits(synthetic_corpus().frames.articles)
    assert credits.to_dict() == {"a1": EXAMPLE, "a2": "Blog; no licence given"}
    assert isinstance(ArticleFacts("t", "s", "", "", "", ()).credit, str)


def test_the_zip_readme_names_every_credit_and_articles_csv_carries_them():
    tables = dict(synthetic_corpus().frames.items())     # the export of an unfiltered view
    archive = zipfile.ZipFile(io.BytesIO(frames_zip(tables.items())))
    readme = archive.read("README.md").decode("utf-8")
    section = readme.split("## Attribution", 1)[1].split("## ", 1)[0]
    assert f"| {EXAMPLE} | 1 |" in section and "| Blog; no licence given | 1 |" in section
    articles = pd.read_csv(io.BytesIO(archive.read("articles.csv")))
    assert articles.set_index("article_id").at["a1", "attribution"] == EXAMPLE
    assert articles.set_index("article_id").at["a1", "side"] == "United States"


def test_a_credit_cannot_break_the_readme_table():
    from core.present.export import attribution_lines

    articles = synthetic_corpus().frames.articles.assign(attribution=["a | b\n| c", ""])
    rows = [line for line in attribution_lines(articles) if line.startswith("| a")]
    assert rows == ["| a / b / c (CC BY 4.0) | 1 |"]


# --- the pages ----------------------------------------------------------------

def _page(page: str, **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[CORPUS_OVERRIDE_KEY] = synthetic_corpus()
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_articles_page_shows_the_credit_and_side_and_its_csvs_carry_the_credit(monkeypatch):
    import ui.widgets

    exported: list[pd.DataFrame] = []
    real = ui.widgets.to_csv_bytes
    monkeypatch.setattr(ui.widgets, "to_csv_bytes", lambda df, **kw: exported.append(df) or real(df, **kw))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[CORPUS_OVERRIDE_KEY] = synthetic_corpus()
    at.query_params["article"] = "a1"
    at.run()
    exported.clear()
    at.switch_page(PAGES[3]).run()
    assert not at.exception, [e.value for e in at.exception]
    text = all_text(at)
    assert f"Attribution:** {EXAMPLE}" in text.replace("\\", "")
    assert "Side:** United States" in text.replace("\\", "")
    per_layer = [df for df in exported if "in_context" in df.columns or "entity" in df.columns]
    assert per_layer and all(set(df["attribution"]) <= {EXAMPLE} and "attribution" in df for df in per_layer)


def test_the_claims_table_credits_each_sentence():
    at = _page(PAGES[2])
    table = claims_table(at).value
    assert "attribution" in table.columns and set(table["attribution"]) == {EXAMPLE}


def test_the_detail_panel_credits_the_sentence():
    at = _page(PAGES[0], timeline_detail_event="e2")
    assert EXAMPLE in all_text(at).replace("\\", "")


def test_the_overview_lists_side_and_attribution():
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[CORPUS_OVERRIDE_KEY] = synthetic_corpus()
    at.run()
    (table,) = [frame.value for frame in at.dataframe]        # the articles table
    assert {"side", "attribution", "licence"} <= set(table.columns)
    assert table.set_index("title").at["Troops mass on the border", "attribution"] == EXAMPLE
