"""Our spaCy components, registered by name at import of this module (so a
pipeline pickled into a worker process is rebuilt there):

- `crisis_paragraphs`: a line break or an opening quote starts a sentence, and a
  transcript's speaker label and a news agency's dateline ("NAIROBI, Kenya (AP) - ",
  `core/data/datelines.txt`) are sentences of their own;
- `crisis_syntax`: tags, lemmas and a parse for the sentences some rule reads
  syntax in (`core.extract.syntax_demand.sentences_needing_syntax`);
- `crisis_extract`: every extractor run inside the pipeline (so in the worker
  processes of `nlp.pipe(n_process=...)`) for a Doc that carries its article.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from core import DATA_DIR
from core.extract import articles as extract
from core.extract import syntax_demand, timex
from core.extract.articles import ARTICLE_KEY, RESULT_KEY, request_from_user_data
from core.extract.model import EXTRACT_COMPONENT, EXTRACT_FACTORY, PARAGRAPH_COMPONENT, SYNTAX_COMPONENT, SYNTAX_FACTORY
from core.extract.speakers import label_spans
from core.extract.syntax import annotate_sentences

_OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "«"})


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and sub-headings have no
    final full stop, and the parser would run them into the next paragraph.
    An opening quote mark starts the sentence it opens: the sentencizer leaves it
    at the end of the one before ('…130,000 troops. "' then 'We are worried," he said.')."""
    starts_next = False
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space and token.is_sent_start:
            token.is_sent_start = False     # a blank line closes its paragraph's last sentence,
            starts_next = True              # and two spaces after a full stop its sentence
        elif not token.is_space:
            if starts_next or "\n" in previous.text_with_ws:
                token.is_sent_start = True
            starts_next = False
    _label_boundaries(doc)
    _dateline_boundaries(doc)
    for token in doc[1:-1]:
        after = doc[token.i + 1]
        if (token.text in _OPENING_QUOTES and not token.is_sent_start and after.is_sent_start
                and doc[token.i - 1].whitespace_ and not token.whitespace_ and not after.is_space):
            token.is_sent_start, after.is_sent_start = True, False
    return doc


def _label_boundaries(doc: Doc) -> None:
    """A transcript's speaker label ("MS. PSAKI:", `core.extract.speakers.label_spans`) is a
    sentence of its own: the sentencizer splits it at "MS." and runs "PSAKI:" into the
    turn's first sentence."""
    for start, end in label_spans(doc.text):
        _own_sentence(doc, start, end)


def _own_sentence(doc: Doc, start: int, end: int) -> None:
    """The characters `start:end` (widened to whole tokens) are one sentence, and the first
    word after them starts the next."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return
    span[0].is_sent_start = True
    for token in span[1:]:
        token.is_sent_start = False
    following = next((t for t in doc[span.end:] if not t.is_space), None)
    if following is not None:
        following.is_sent_start = True


@lru_cache(maxsize=1)
def _datelines() -> tuple[re.Pattern[str], ...]:
    """The dateline patterns (`core/data/datelines.txt`), each anchored at a line's start."""
    lines = (DATA_DIR / "datelines.txt").read_text(encoding="utf-8").splitlines()
    return tuple(re.compile(line, re.MULTILINE) for line in lines if line.strip() and not line.startswith("#"))


def _dateline_boundaries(doc: Doc) -> None:
    """A news agency's dateline ("NAIROBI, Kenya (AP) - ") at the start of a line is a
    sentence of its own, and what follows it starts the next."""
    for pattern in _datelines():
        for match in pattern.finditer(doc.text):
            _own_sentence(doc, match.start(), match.end())


class SyntaxOnDemand:
    """Tags, lemmas and a parse for the sentences that need them; a flat tree elsewhere."""

    def __init__(self, name: str = SYNTAX_COMPONENT) -> None:
        self.name = name
        self._retagger: timex.TimexTagger | None = None

    def __call__(self, doc: Doc) -> Doc:
        annotate_sentences(doc, syntax_demand.sentences_needing_syntax)  # looked up per call: bench/throughput.py swaps it
        if any(token.text in ("May", "March") for token in doc):
            # The time-expression rules tell the month from the modal or verb
            # by its tag, which only now exists: find them again.
            if self._retagger is None:
                self._retagger = timex.TimexTagger(doc.vocab)
            self._retagger(doc)
        return doc


@Language.factory(SYNTAX_FACTORY)
def make_syntax_on_demand(nlp: Language, name: str) -> SyntaxOnDemand:
    return SyntaxOnDemand(name)


class ExtractInPipeline:
    """Runs `core.extract.articles.extract_doc` on a Doc that carries its article
    (`doc.user_data[ARTICLE_KEY]`) and hands back an empty Doc holding the
    result (`RESULT_KEY`): in a worker process, only the result travels back."""

    def __init__(self, name: str = EXTRACT_COMPONENT) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        request = doc.user_data.get(ARTICLE_KEY)
        if request is None:
            return doc
        article, entries = request_from_user_data(request, doc.text)
        result = extract.extract_doc(doc, article, entries=entries)  # looked up per call, as tests swap it
        carrier = Doc(doc.vocab, words=[])
        carrier.user_data[RESULT_KEY] = result.to_json()
        return carrier


@Language.factory(EXTRACT_FACTORY)
def make_extract_in_pipeline(nlp: Language, name: str) -> ExtractInPipeline:
    return ExtractInPipeline(name)
