"""TempEval-3 Task A measures for time expressions (UzZaman et al., SemEval-2013).

Our own implementation, over character spans instead of the official
script's tokens. Definitions, per corpus (counts are summed over documents
first, then turned into scores: micro-averaging, as the official script does):

    G = number of gold timexes, S = number of system timexes.

Strict match
    A system timex and a gold timex with exactly the same extent (same start
    and end character). One-to-one: two identical system spans can match
    one gold span only once. K = number of strict pairs.
    strict P = K / S, strict R = K / G, strict F1 = 2PR / (P + R).

Relaxed match
    Extents overlap in at least one character (max(starts) < min(ends)).
    Pairs come from a maximum-cardinality one-to-one matching (augmenting
    paths), so each gold and each system timex is used at most once and
    no other pairing would give more matches. When a span overlaps several,
    it tries the same extent first, then the largest overlap, then the
    leftmost. M = number of relaxed pairs (always K <= M).
    relaxed P = M / S, relaxed R = M / G, relaxed F1 = 2PR / (P + R).

Attribute (type, value) F1
    A true positive is a relaxed pair whose attribute strings are equal
    (after stripping spaces; case matters: "P3D" != "p3d"). A = number of
    such pairs, compared over the one relaxed matching above (which is
    chosen from extents alone, never from attributes).
    attribute P = A / S, attribute R = A / G, attribute F1 = 2PR / (P + R).
    attribute accuracy = A / M.
    This is the TempEval-3 paper's definition ("how well the system
    identified both the entity and attribute together"), and it equals
    what the official script prints: relaxed F1 x attribute accuracy,
    because P and R are both scaled by A / M.

Any ratio with a zero denominator is 0, as in the official script.

Differences from the official scorer (TE3-evaluation.py): it tokenises and
compares tokens, we compare characters (the same whenever tokens split at
span edges); it pairs entities through the TimeML-Normalizer's id alignment
and counts matches for precision and for recall separately, our pairs are
one-to-one. Scores are functions of `Counts`; nothing here does I/O.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from typing import Any, Protocol


class Annotation(Protocol):
    """Anything with an extent and TimeML attributes: `core.records.Timex`, `core.eval.timeml.GoldTimex`."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


@dataclass(frozen=True)
class Counts:
    """The raw tallies; add them across documents, then `score()` the sum."""

    gold: int = 0
    system: int = 0
    strict: int = 0          # one-to-one exact-extent pairs
    relaxed: int = 0         # one-to-one overlapping pairs
    type: int = 0            # relaxed pairs with equal type
    value: int = 0           # relaxed pairs with equal value

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{key: getattr(self, key) + getattr(other, key) for key in asdict(self)})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class Scores:
    strict: PRF
    relaxed: PRF
    type: PRF
    value: PRF
    type_accuracy: float     # type pairs / relaxed pairs
    value_accuracy: float    # value pairs / relaxed pairs
    counts: Counts

    def to_dict(self) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for name in ("strict", "relaxed", "type", "value"):
            measures = getattr(self, name)
            row.update({f"{name}_p": measures.precision, f"{name}_r": measures.recall, f"{name}_f1": measures.f1})
        row.update(type_accuracy=self.type_accuracy, value_accuracy=self.value_accuracy, **self.counts.to_dict())
        return row


# ---------------------------------------------------------------- matching

def overlap(a: Annotation, b: Annotation) -> int:
    """Characters the two extents share (0 when disjoint or either is empty)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def strict_pairs(gold: Sequence[Annotation], system: Sequence[Annotation]) -> int:
    """How many one-to-one pairs have exactly the same non-empty extent."""
    gold_extents = Counter((g.start, g.end) for g in gold if g.end > g.start)
    system_extents = Counter((s.start, s.end) for s in system if s.end > s.start)
    return sum((gold_extents & system_extents).values())


def relaxed_matching(gold: Sequence[Annotation], system: Sequence[Annotation]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of overlapping extents, as (gold index, system index) pairs."""
    def preference(g: Annotation, j: int) -> tuple[bool, int, int, int]:
        # Same extent first, then the larger overlap, then the earlier span.
        return ((system[j].start, system[j].end) != (g.start, g.end), -overlap(g, system[j]), system[j].start, j)

    candidates = [
        sorted((j for j, s in enumerate(system) if overlap(g, s)), key=partial(preference, g))
        for g in gold
    ]
    owner: dict[int, int] = {}  # system index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        # Kuhn's algorithm: take a free system span, or move its owner elsewhere.
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in sorted(range(len(gold)), key=lambda i: (gold[i].start, gold[i].end)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _same(a: str, b: str) -> bool:
    return (a or "").strip() == (b or "").strip()


def count_document(gold: Sequence[Annotation], system: Sequence[Annotation]) -> Counts:
    """The tallies for one document's gold and system timexes."""
    pairs = relaxed_matching(gold, system)
    return Counts(
        gold=len(gold), system=len(system), strict=strict_pairs(gold, system), relaxed=len(pairs),
        type=sum(_same(gold[i].type, system[j].type) for i, j in pairs),
        value=sum(_same(gold[i].value, system[j].value) for i, j in pairs),
    )


# ---------------------------------------------------------------- scores

def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def prf(true_positives: int, *, system: int, gold: int) -> PRF:
    precision, recall = _ratio(true_positives, system), _ratio(true_positives, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)


def score(counts: Counts) -> Scores:
    """Precision, recall and F1 for every measure, from summed counts."""
    def measure(tp: int) -> PRF:
        return prf(tp, system=counts.system, gold=counts.gold)

    return Scores(
        strict=measure(counts.strict), relaxed=measure(counts.relaxed),
        type=measure(counts.type), value=measure(counts.value),
        type_accuracy=_ratio(counts.type, counts.relaxed), value_accuracy=_ratio(counts.value, counts.relaxed),
        counts=counts,
    )


def score_corpus(documents: Iterable[tuple[Sequence[Annotation], Sequence[Annotation]]]) -> Scores:
    """Micro-averaged scores over (gold, system) pairs, one pair per document."""
    total = Counts()
    for gold, system in documents:
        total = total + count_document(gold, system)
    return score(total)
