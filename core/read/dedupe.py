"""Duplicate articles: the same story stored twice, byte for byte or nearly.

Two tests, cheapest first (docs/duplicates.md says why and how to keep both):

1. **Same text once normalised** (`normalise`): Unicode NFKC, case-folded,
   every run of whitespace one space, ends stripped. An article saved as .txt
   and again as .html ("one trailing newline apart") has the same
   `normalised_id`, although its raw bytes (and `core.read.ingest.content_id`) differ.
2. **Near duplicates**: the Jaccard overlap of the two texts' word shingles
   (`SHINGLE_WORDS` consecutive words of the normalised text) is at least
   `NEAR_DUPLICATE_JACCARD`. Candidates are found with MinHash and
   locality-sensitive hashing (`MINHASH_PERMUTATIONS` hashes in
   `LSH_BANDS` bands), then the overlap is computed exactly on the shingle
   sets, so a pair is reported only when its real overlap passes the threshold.
   Shingles are made and hashed by scikit-learn's `HashingVectorizer`
   (words: runs of word characters, so "5 killed" and "6 killed" differ),
   already a dependency.

`DuplicateIndex` holds the articles seen so far: `match(text)` says which one
a new text duplicates (or None), `add(key, text)` stores it. The first article
stored wins: later ones are the duplicates. Nothing here imports Streamlit.
"""
from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

SHINGLE_WORDS = 5                 # words per shingle
NEAR_DUPLICATE_JACCARD = 0.8      # shingle overlap (|A ∩ B| / |A ∪ B|) from which two texts are the same story
MINHASH_PERMUTATIONS = 64         # hashes per MinHash signature
LSH_BANDS = 16                    # bands of MINHASH_PERMUTATIONS / LSH_BANDS rows: a pair at 0.8 overlap is
                                  # a candidate with probability 1 - (1 - 0.8**4)**16 > 0.9999
KEEP_DUPLICATE_KEY = "keep_duplicate"   # sidecar key: true keeps this article although it duplicates another

_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"(?u)\b\w+\b")   # a word: every run of word characters, one-digit figures too ("5 killed")
_SHINGLE_SPACE = (1 << 31) - 1    # shingle hashes: 31 bits, few collisions between two articles' shingles
_BELOW_EXACT = 0.999               # a near duplicate's similarity never reads as the exact test's 1.0
_SEED = 20220224                  # fixed: the same corpus always gives the same candidates


def normalise(text: str) -> str:
    """The text as compared: NFKC, case-folded, whitespace collapsed to one space, stripped."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def normalised_id(text: str, *, normalised: bool = False) -> str:
    """A hash of `normalise(text)`: equal for texts that differ only in case, spacing or Unicode form."""
    return hashlib.sha256((text if normalised else normalise(text)).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def _vectoriser():
    # scikit-learn takes about a second to import: only a look for near duplicates needs it
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer="word", ngram_range=(SHINGLE_WORDS, SHINGLE_WORDS), lowercase=False,
                             token_pattern=_WORD.pattern, norm=None, alternate_sign=False, binary=True,
                             n_features=_SHINGLE_SPACE, dtype=np.uint8)


def shingles(text: str, *, normalised: bool = False) -> np.ndarray:
    """Sorted unique hashes of the normalised text's `SHINGLE_WORDS`-word shingles
    (scikit-learn's `HashingVectorizer`: its word tokeniser, word n-grams and
    MurmurHash3); empty for a text of fewer words, which only the exact test compares."""
    found = _vectoriser().transform([text if normalised else normalise(text)]).indices
    return np.unique(found.astype(np.uint64))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """|A ∩ B| / |A ∪ B| of two shingle sets (sorted unique arrays); 0 when both are empty."""
    if not len(a) or not len(b):
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(_SEED)
    a = rng.integers(1, 1 << 63, size=MINHASH_PERMUTATIONS, dtype=np.uint64) | np.uint64(1)   # odd multipliers
    b = rng.integers(0, 1 << 63, size=MINHASH_PERMUTATIONS, dtype=np.uint64)
    return a, b


def minhash(shingle_set: np.ndarray) -> np.ndarray:
    """The MinHash signature of a shingle set: per hash function (multiply-shift,
    `(a*x + b) mod 2^64`, top 32 bits), the least value over the set."""
    a, b = _permutations()
    signature = np.full(MINHASH_PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(shingle_set), 4096):       # bounded memory on a long article
        x = shingle_set[start:start + 4096, None]
        np.minimum(signature, ((a * x + b) >> np.uint64(32)).min(axis=0), out=signature)
    return signature


@dataclass(frozen=True)
class Duplicate:
    """Which stored article a text duplicates, and how."""

    of: str                 # the key the stored article was added with (its path)
    similarity: float       # 1.0 for the same normalised text; else the shingle overlap
    identical: bool = False  # the very same text (`core.read.ingest.content_id`): both cannot be kept

    @property
    def exact(self) -> bool:
        return self.similarity >= 1.0

    def describe(self) -> str:
        """"duplicate of PATH (…)", said the same way on the Import page and by the CLI."""
        if self.identical:
            how = "the same text"
        elif self.exact:
            how = "the same text once case, spacing and Unicode forms are ignored"
        else:
            how = (f"{math.floor(self.similarity * 100)}% of its {SHINGLE_WORDS}-word phrases are shared; "
                   f"the threshold is {NEAR_DUPLICATE_JACCARD:.0%}")
        return f"duplicate of {self.of} ({how})"


class DuplicateIndex:
    """The articles seen so far, to tell whether a new text duplicates one of them."""

    def __init__(self) -> None:
        self._by_text: dict[str, str] = {}                   # normalised id -> key
        self._shingles: list[np.ndarray] = []
        self._keys: list[str] = []
        self._buckets: dict[bytes, list[int]] = {}           # band hash -> article numbers
        self._pending: tuple[str, str, np.ndarray, np.ndarray] | None = None   # the last text read

    def __len__(self) -> int:
        return len(self._keys)

    def _read(self, text: str) -> tuple[str, str, np.ndarray, np.ndarray]:
        """(text, normalised id, shingles, MinHash signature); `match` then `add` of one text reads it once."""
        if self._pending is not None and self._pending[0] == text:
            return self._pending
        normal = normalise(text)
        found = shingles(normal, normalised=True)
        signature = minhash(found) if len(found) else np.empty(0, dtype=np.uint64)
        self._pending = (text, normalised_id(normal, normalised=True), found, signature)
        return self._pending

    @staticmethod
    def _bands(signature: np.ndarray) -> list[bytes]:
        rows = MINHASH_PERMUTATIONS // LSH_BANDS
        return [bytes([band]) + signature[band * rows:(band + 1) * rows].tobytes() for band in range(LSH_BANDS)]

    def match(self, text: str) -> Duplicate | None:
        """The stored article `text` duplicates (same normalised text, else the most
        overlapping one at or above `NEAR_DUPLICATE_JACCARD`), or None."""
        _, normal_id, found, signature = self._read(text)
        exact = self._by_text.get(normal_id)
        if exact is not None:
            return Duplicate(of=exact, similarity=1.0)
        if not len(found):
            return None
        candidates = {n for band in self._bands(signature) for n in self._buckets.get(band, ())}
        best: Duplicate | None = None
        for number in sorted(candidates):
            overlap = jaccard(found, self._shingles[number])
            if overlap >= NEAR_DUPLICATE_JACCARD and (best is None or overlap > best.similarity):
                best = Duplicate(of=self._keys[number], similarity=min(overlap, _BELOW_EXACT))
        return best

    def add(self, key: str, text: str) -> None:
        """Store `text` under `key` (the first article with a normalised text keeps it)."""
        _, normal_id, found, signature = self._read(text)
        self._by_text.setdefault(normal_id, key)
        if not len(found):
            return
        number = len(self._keys)
        self._keys.append(key)
        self._shingles.append(found)
        for band in self._bands(signature):
            self._buckets.setdefault(band, []).append(number)
