"""Parsing on demand: only the sentences an extractor selects, never moving a boundary."""
from __future__ import annotations

from datetime import date

import pytest

from core.extract.claims import iter_claims
from core.extract.syntax import FLAT_LABEL, with_syntax

pytestmark = pytest.mark.model

TEXT = ("Russia has massed 130,000 troops near the border. The weather in Kyiv was mild. "
        "Ben Wallace spoke to reporters on Sunday. He said 60 battalion tactical groups were ready.")


@pytest.fixture(scope="module")
def unparsed():
    from core.extract.pipeline import build_unparsed_pipeline

    return build_unparsed_pipeline()


def _claims(doc, published=date(2022, 2, 13)):
    return [(c.value, c.low, c.high, c.qualifier, c.unit, c.category, c.side, c.claimant, c.location)
            for c in iter_claims(doc, published=published)]


def test_a_parsed_doc_is_returned_as_it_is(nlp):
    doc = nlp(TEXT)
    assert with_syntax(doc, lambda sentences: range(len(sentences))) == (doc, 0)


def test_only_selected_sentences_are_parsed(unparsed):
    doc = unparsed(TEXT)
    parsed, count = with_syntax(doc, lambda sentences: [i for i, s in enumerate(sentences) if "troops" in s.text])
    sentences = list(parsed.sents)
    assert count == 1
    assert "nsubj" in {t.dep_ for t in sentences[0]}
    assert {t.dep_ for t in sentences[1]} == {"ROOT", FLAT_LABEL}
    assert [s.text for s in sentences] == [s.text for s in doc.sents]   # boundaries unchanged
    assert not doc.has_annotation("DEP")                                 # the input is untouched


def test_a_sentence_the_parser_would_split_stays_one_tree(unparsed):
    doc = unparsed("Troops massed\u2014tanks rolled in. Done.")
    first = next(iter(doc.sents))
    parsed, _ = with_syntax(doc, lambda sentences: [0])
    assert [s.text for s in parsed.sents] == [s.text for s in doc.sents]
    assert sum(t.dep_ == "ROOT" for t in parsed[first.start:first.end]) == 1


def test_an_empty_doc_needs_no_parser(unparsed):
    doc = unparsed("")
    assert with_syntax(doc, lambda sentences: [0]) == (doc, 0)


def test_claims_from_an_unparsed_doc_equal_those_from_the_full_parse(nlp, unparsed):
    assert _claims(unparsed(TEXT)) == _claims(nlp(TEXT))


def test_seed_claims_need_the_parser_in_few_sentences(nlp, unparsed):
    from core.extract.claims import lexicons
    from core.extract.claims.gates import sentences_to_parse
    from tests.conftest import SEED_TEXT

    text = SEED_TEXT.read_text(encoding="utf-8")
    doc = unparsed(text)
    lex = lexicons()
    _, parsed = with_syntax(doc, lambda sentences: sentences_to_parse(sentences, lex))
    assert 3 <= parsed < len(list(doc.sents)) / 3
    assert _claims(doc) == _claims(nlp(text))


# --- the cached attribute ruler gives what the model's own ruler gives, token for token
RULER_TEXT = (
    "I'm gonna say it: y'all ain't got nothin' on us. Let's go, c'mon! There's a cat and there are dogs.  \n\n"
    "It is what it is; you gotta see it. Is it? I said it to you, but who'd know? Do you have it? "
    "She does, and he did too. Am I late? They've been there. " + TEXT + " Moscow said that, although "
    "talks were due, it would not wait; whether Kyiv agreed was unclear. Ain't nobody gets there."
)


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_the_cached_attribute_ruler_annotates_as_the_models_own():
    import spacy

    from core.extract.attribute_cache import COMPONENT, use_cached_attribute_ruler
    from core.extract.model import MODEL_NAME
    from core.extract.syntax import syntax_pipeline

    reference = spacy.load(MODEL_NAME, exclude=["senter", "ner"])
    cached = use_cached_attribute_ruler(spacy.load(MODEL_NAME, exclude=["senter", "ner"]))
    assert cached.pipe_names.index(COMPONENT) == reference.pipe_names.index("attribute_ruler")
    assert COMPONENT in syntax_pipeline().pipe_names and "attribute_ruler" not in syntax_pipeline().pipe_names
    texts = [RULER_TEXT, RULER_TEXT.upper(), RULER_TEXT]     # the third run reads the cache only
    expected = [_annotations(doc) for doc in reference.pipe(texts)]
    assert [_annotations(doc) for doc in cached.pipe(texts)] == expected
    # the two-token patterns ("gon na", "ai n't") and a dependency pattern ("There 's") did apply
    first = {t.text: t for t in reference(RULER_TEXT)}
    assert first["gon"].lemma_ == "go" and first["na"].lemma_ == "to"
    assert first["ai"].lemma_ == "be"
