"""What one reading of a Doc keeps: its text, joined once, and the answers the
claim rules work out once per sentence or once per Doc (dropped after the reading).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

_TEXT_KEY = "crisis_claims_text"      # doc.user_data: the doc's text, joined once (`text_of`)
MEMO_KEY = "crisis_claims_memo"   # doc.user_data: per-sentence answers (`per_sentence`), dropped after the doc


def _text_length(doc: Doc) -> int:
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy rebuilds it from every token on each
    access, which made one long sentence with many figures quadratic."""
    cached = doc.user_data.get(_TEXT_KEY)
    if not isinstance(cached, str) or len(cached) != _text_length(doc):   # a Doc copied with another's user_data
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached


def remember_text(doc: Doc, text: str) -> None:
    """Tell the claim rules the text `doc` was made from, when the caller has it:
    joining it from the tokens costs a tenth of the claims' time. Ignored unless
    it fits the tokens (its length, its first and last token)."""
    if len(text) == _text_length(doc) and (not len(doc) or (
            text.startswith(doc[0].text) and text.endswith(doc[-1].text_with_ws))):
        doc.user_data[_TEXT_KEY] = text


def _memoised(doc: Doc, key: tuple, compute):
    """`compute()`, worked out once per `key` while the doc's claims are read (the
    memo lives in `doc.user_data` and `iter_claims` drops it; the value must not
    hold spaCy objects)."""
    memo = doc.user_data.setdefault(MEMO_KEY, {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def per_sentence(sent: Span, name: str, compute):
    """`compute(sent)`, worked out once per sentence: every figure of a sentence asks
    the same question, and one long sentence with thousands of figures must not be
    re-read for each."""
    return _memoised(sent.doc, (name, sent.start, sent.end), lambda: compute(sent))


def per_doc(doc: Doc, name: str, compute):
    """`compute(doc)`, worked out once per Doc."""
    return _memoised(doc, (name,), lambda: compute(doc))
