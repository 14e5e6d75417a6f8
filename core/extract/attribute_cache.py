"""The model's attribute ruler with the same result, faster.

spaCy's `AttributeRuler` (fine tag to coarse POS and morphology, plus word
exceptions) runs a Matcher of 179 patterns over every token it sees: about a
fifth of the NER's time when nearly every sentence is tagged, as in our
syntax pipeline (`core.extract.syntax.syntax_pipeline`). Almost all of its patterns
look at one token's TAG, LOWER, DEP and IS_SPACE only, so what they do to a
token is a function of those four values. `CachedAttributeRuler` works that
out once per distinct combination, with the ruler's own patterns on a
one-token probe, and looks it up afterwards; the few other patterns (two
tokens, say "gon na") run as a small Matcher. Each token gets its matches in
the ruler's order (by pattern number), so the annotations are the same token
for token: `tests/test_syntax.py` compares the two on real text.
"""
from __future__ import annotations

from collections import defaultdict
from typing import cast

import numpy
from spacy.attrs import DEP, HEAD, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # what AttributeRuler itself uses (spaCy pinned)

FACTORY = "crisis_cached_attribute_ruler"
COMPONENT = "crisis_attribute_ruler"
# What a one-token pattern may test for the cache to hold: the key of a token.
_KEY_ATTRS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})
# Distinct keys kept; past this many the cache starts afresh (a key is a word
# form with its tag and dependency label: a large archive has millions).
_CACHE_MAX = 200_000


def _is_one_token(entry: dict) -> bool:
    """A ruler entry whose every pattern is one token testing only the key's attributes."""
    return entry["index"] in (0, -1) and all(
        len(pattern) == 1 and set(pattern[0]) <= _KEY_ATTRS for pattern in entry["patterns"])


class CachedAttributeRuler:
    """Replaces an `AttributeRuler` in a pipeline; see the module's docstring."""

    def __init__(self, ruler: AttributeRuler, name: str = COMPONENT) -> None:
        self.name = name
        self.vocab = ruler.vocab
        self._attrs = list(ruler.attrs)            # normalised attributes, by pattern number
        self._indices = list(ruler.indices)        # the token of the match they go to
        self._one_token = Matcher(self.vocab)
        self._others = Matcher(self.vocab)
        for number, entry in enumerate(ruler.patterns):
            matcher = self._one_token if _is_one_token(entry) else self._others
            # spaCy types an entry's values as a union; "patterns" is always a list of patterns
            matcher.add(str(number), entry["patterns"])  # type: ignore[arg-type]
        self._cache: dict[tuple[int, int, int, int], tuple[int, ...]] = {}

    def _pattern_number(self, match_id: int) -> int:
        return int(self.vocab.strings[match_id])

    def _probe(self, key: tuple[int, int, int, int], vocab) -> tuple[int, ...]:
        """The one-token patterns that match a token of this (TAG, LOWER, DEP, IS_SPACE), in order.
        The probe's word is the lower-case form itself (same LOWER, same IS_SPACE), read
        from the vocab of the doc being annotated (the ruler's own may not know it)."""
        tag, lower, dep, _is_space = key
        probe = Doc(vocab, words=[vocab.strings[lower]])
        if dep:
            # spaCy's stub wants thinc's Ints2d here; from_array takes a numpy array
            probe.from_array([TAG, DEP, HEAD], numpy.array([[tag, dep, 0]], dtype="uint64"))  # type: ignore[arg-type]
        elif tag:
            # spaCy's stub wants thinc's Ints2d here; from_array takes a numpy array
            probe.from_array([TAG], numpy.array([[tag]], dtype="uint64"))  # type: ignore[arg-type]
        found = self._one_token(probe, allow_missing=True)
        return tuple(sorted(self._pattern_number(match_id) for match_id, _start, _end in found))

    def __call__(self, doc: Doc) -> Doc:
        extra: dict[int, list[int]] = defaultdict(list)
        for match_id, start, end in self._others(doc, allow_missing=True):
            number = self._pattern_number(match_id)
            extra[doc[start:end][self._indices[number]].i].append(number)
        cache = self._cache
        for i, key in enumerate(map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist())):
            numbers = cache.get(key)
            if numbers is None:
                if len(cache) >= _CACHE_MAX:
                    cache.clear()
                numbers = cache[key] = self._probe(key, doc.vocab)
            if i in extra:
                numbers = tuple(sorted((*numbers, *extra[i])))
            if numbers:
                token = doc[i]
                for number in numbers:
                    set_token_attrs(token, self._attrs[number])
        return doc


@Language.factory(FACTORY)
def make_cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    """Built from the pipeline's own `attribute_ruler` (see `use_cached_attribute_ruler`)."""
    return CachedAttributeRuler(cast(AttributeRuler, nlp.get_pipe("attribute_ruler")), name)


def use_cached_attribute_ruler(nlp: Language) -> Language:
    """Put the cached ruler in place of `nlp`'s attribute ruler, in place; `nlp` back."""
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe(FACTORY, name=COMPONENT, after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    return nlp
