"""Which language an article is in: the extractors read English only.

`detect_language` uses py3langid (a pure-Python language identifier whose model
ships inside the package: nothing is downloaded). It answers only when the text
has enough letters and the identifier is confident; short or mixed text gives
None and is treated as English, so a caption or a table of figures is not
flagged by mistake.
"""
from __future__ import annotations

from functools import lru_cache

SAMPLE_CHARS = 1_000        # the start of an article says enough: 0.2 ms an article (every corpus read runs this)
MIN_LETTERS = 40            # fewer letters than this: too little to tell
MIN_CONFIDENCE = 0.90       # normalised probability of the best language
EXTRACTOR_LANGUAGE = "en"


@lru_cache(maxsize=1)
def _identifier():
    # the language model loads on the first article, not when a page imports this module
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when it cannot be told with confidence."""
    sample = text[:SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    return str(code) if confidence >= MIN_CONFIDENCE else None


def language_name(code: str) -> str:
    """'de' -> 'German'; the code itself when pycountry does not know it."""
    import pycountry  # its tables load only when a warning names a language

    found = pycountry.languages.get(alpha_2=code)
    return found.name if found else code


def language_warning(code: str | None) -> str | None:
    """The note shown for an article not in English, or None."""
    if code is None or code == EXTRACTOR_LANGUAGE:
        return None
    return (f"language: {language_name(code)} ({code}), not English: the extractors read English only, "
            "so few or no events, claims or places will be found")
