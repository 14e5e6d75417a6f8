"""A long text cut into pieces of whole paragraphs, for extraction piece by piece.

spaCy refuses a text over `nlp.max_length` characters (E088, 1,000,000 by
default), and the model's memory grows with the length of the Doc it holds.
A text longer than `CHUNK_CHARS` is therefore extracted in pieces
(`core.extract.articles.iter_extracted`), never by raising `nlp.max_length`.

`paragraph_spans` cuts where a reader would: after a blank line (the end of a
paragraph); a paragraph longer than a piece is cut after a line break, else
after a sentence's final punctuation, else after a space, and only a text
with no space at all is cut mid-word. The pieces cover the text exactly,
end to end, so each piece's offsets plus its start are offsets into the
whole text.
"""
from __future__ import annotations

import re

# Characters per piece. The seed corpus's longest document is 40 KB, so every
# document of it is extracted whole; a piece's Doc stays well under spaCy's limit.
CHUNK_CHARS = 100_000

# Cut points, best first: the end of a blank-line run (a paragraph ends), the end of a line,
# the whitespace after a sentence's final punctuation (and any closing quote or bracket), any whitespace.
_CUTS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s+"),
    re.compile(r"\s+"),
)


def paragraph_spans(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of `text`, in order, each at most `limit` characters,
    together covering every character once; one piece when the text fits."""
    if limit < 1:
        raise ValueError(f"a piece must hold at least one character, not {limit}")
    spans: list[tuple[int, int]] = []
    start, length = 0, len(text)
    while length - start > limit:
        spans.append((start, end := _cut(text, start, start + limit)))
        start = end
    if start < length or not spans:
        spans.append((start, length))
    return spans


def _cut(text: str, start: int, stop: int) -> int:
    """Where the piece that starts at `start` ends: the last cut point of the best
    kind in text[start:stop], else `stop`."""
    for pattern in _CUTS:
        end = None
        for match in pattern.finditer(text, start, stop):
            if match.end() > start:
                end = match.end()
        if end is not None:
            return end
    return stop
