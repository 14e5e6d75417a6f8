"""Mentions of one occurrence merged into one event, across documents and sides.

Two mentions may be one occurrence when all of these hold:
- their types are compatible (one group in `core/data/event_types.csv`);
- the mention's time, widened by a tolerance that depends on how it was found
  (`TOLERANCE_DAYS`: a date read from the text is exact; one taken from
  publication alone may lie a day earlier, or a week later for what is planned
  or possible), overlaps the event's own dates (its best-dated mention's,
  extended by `lasts_days` for a state that goes on: a build-up, a mobilisation);
- their participants are compatible: as parties (a person counts as their
  country), one set holds the other, or one of them names nobody;
- they are not one asserted and one denied;
- their triggers and sentences are alike: cosine of the sentences' hashed bags of
  words (scikit-learn, no model), with a lower bar for the same trigger word or the
  same participants on both sides (`THRESHOLDS`).

A mention that refers back to an earlier one of its document ("that call", after
"a secure video call tomorrow": `MentionIn.antecedent`, found by `core.combine.events`)
joins that one's event, whatever its own date or modality says.

Mentions are read the most informative first (parties and a date of their own,
then a date, then parties, then neither), each tier in report order. Each is
compared with at most `MAX_CANDIDATES` events that pass every test, the nearest
in time, and joins the one that scores best (likeness, plus `BONUS` for the
same trigger word, the same parties, the same day), else starts one; why is
recorded (`Merged.reasons`). The order and every tie-break are fixed, so the
same mentions always give the same events.

User corrections (`Correction`) are applied afterwards: a merge joins the
events holding the given mentions, a split takes the given mentions out of
their event into one of their own. They name mentions by id, so they
survive a re-extraction of unchanged text.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Iterator, Sequence

import numpy as np

from core.extract.event_lexicon import lasts_days, type_group

# The reason recorded for the mention that starts an event.
FIRST_MENTION = "first mention"
# The reason recorded for a mention that refers back to an earlier one of its document.
REFERS_BACK = "refers back to the document's earlier mention"
# Anchors of a date read from the text itself (not the publication date alone).
TEXT_ANCHORS = ("explicit", "relative")
# How far ahead a planned or possible occurrence with no date of its own may lie.
FUTURE_DAYS = 7
# Days an interval is widened by, per (anchor, precision); "publication" widens
# backwards only for what already happened and forwards for what is to come.
TOLERANCE_DAYS = {("explicit", "day"): 0, ("relative", "day"): 0, ("publication", "day"): 1,
                  ("publication", "future"): FUTURE_DAYS, "week": 2, "month": 3, "quarter": 0, "year": 0}
# Likeness of the sentences needed to join an event, by the first rule that applies: the
# same document and type; a readout on the day the text dates the event; the same
# parties; a shared party; the same trigger word; the same type; a compatible type.
# A day-dated mention joining a week- or month-dated event needs `coarser_event`.
THRESHOLDS = {"same_article": 0.05, "reported_that_day": 0.0, "same_parties": 0.0, "shared_party": 0.0,
              "same_lemma": 0.08, "same_type": 0.15, "same_group": 0.3, "coarser_event": 0.3}
# Among the events a mention may join, the most alike wins; the same trigger word, the
# same parties and the very same day each add this much to the sentences' likeness, and a
# report published on the day another text dates the event adds it once more.
BONUS = 0.5
# Sentences are hashed into this many features (collisions are rare at this size).
_FEATURES = 2 ** 10
# A mention is compared with at most this many events that fit it, the nearest in time:
# a busy day of 10,000 articles holds hundreds.
MAX_CANDIDATES = 40
# Intervals wider than this are not indexed by day but kept per group.
_WIDE_DAYS = 62
_ANCHOR_RANK = {"explicit": 0, "relative": 1, "publication": 2}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
# An event's modality is the firmest any of its mentions gives it; its date comes from
# the mention dated best: a date no coarser than a month, then a date in the text, then
# the finest, then the firmest. "in 2014" or "since 2000" never dates an event that a
# report pins to a day.
FIRMNESS = ("asserted", "planned", "possible", "question", "denied")
_FINE_DAYS = 31


def date_rank(anchor: str, precision: str, modality: str, days: int = 0) -> tuple[int, int, int, int]:
    """How well a mention dates its event (lower is better); `days`: its interval's length."""
    coarse = int(_PRECISION_RANK.get(precision, 5) > _PRECISION_RANK["month"] or days > _FINE_DAYS)
    return (coarse, _ANCHOR_RANK.get(anchor, 3), _PRECISION_RANK.get(precision, 5),
            FIRMNESS.index(modality) if modality in FIRMNESS else 9)


def interval_days(start: date | None, end: date | None) -> int:
    """How many days an interval spans beyond its first (0 when either end is unknown)."""
    return (end - start).days if start is not None and end is not None else 0


@dataclass(frozen=True)
class MentionIn:
    """What merging reads of a mention."""

    mention_id: str
    article_id: str
    published: date | None
    offset: int
    event_type: str
    lemma: str
    modality: str
    date_start: date | None
    date_end: date | None
    anchor: str
    precision: str
    parties: frozenset[str]          # its agents' and patients' parties (a person counts as their country)
    context: str
    antecedent: int | None = None    # the mention it refers back to ("that call"), an index into the input


@dataclass(frozen=True)
class Correction:
    action: str                       # "merge" or "split"
    mention_ids: tuple[str, ...]


@dataclass
class _Event:
    members: list[int] = field(default_factory=list)
    parties: frozenset[str] = frozenset()
    lemmas: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    modalities: set[str] = field(default_factory=set)
    start: date | None = None
    end: date | None = None
    best: tuple[int, int, int, int] = (9, 9, 9, 9)
    lasts: int = 0                     # the longest lasts_days of its types: it may go on this long
    keys: list = field(default_factory=list)   # the day buckets it is indexed under
    core: tuple[date, date] | None = None      # _core(self), kept when it is indexed
    place: str = ""                            # where it is indexed: "days", "wide" or "undated"


@dataclass(frozen=True)
class Merged:
    """Each mention's event (an index into `events`) and why it joined it."""

    event_of: tuple[int, ...]
    reasons: tuple[str, ...]
    events: tuple[tuple[int, ...], ...]          # member mention indices, in report order


def _widened(m: MentionIn) -> tuple[date, date] | None:
    if m.date_start is None:
        return None
    end = m.date_end or m.date_start
    if m.precision == "day":
        days = TOLERANCE_DAYS.get((m.anchor, "day"), 1)
        if m.anchor == "publication":
            if m.modality in ("planned", "possible"):
                return m.date_start, _shift(end, TOLERANCE_DAYS[("publication", "future")])
            return _shift(m.date_start, -max(days, lasts_days(m.event_type))), end
        return _shift(m.date_start, -days), _shift(end, days)
    days = TOLERANCE_DAYS.get(m.precision, 0)
    return _shift(m.date_start, -days), _shift(end, days)


def _shift(day: date, days: int) -> date:
    """`day` moved by `days`, held inside the calendar (a text may say 9999-12-31)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def _days_of(lo: date, hi: date) -> Iterator[date]:
    for k in range((hi - lo).days + 1):
        yield lo + timedelta(days=k)


def parties_fit(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or a <= b or b <= a


def _modalities_fit(modality: str, others: set[str]) -> bool:
    if modality == "denied":
        return "asserted" not in others
    return not (modality == "asserted" and "denied" in others)


def _vectors(contexts: Sequence[str]) -> "object | None":
    """Each sentence as a hashed bag of words (sublinear term frequency, English stop
    words out, unit length): the likeness of two sentences depends on those two alone,
    never on the rest of the corpus, so an unrelated new article re-merges nothing."""
    # scikit-learn takes about a second to import: only a merge of many mentions needs it
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.preprocessing import normalize

    if not any(c.strip() for c in contexts):
        return None
    hashed = HashingVectorizer(n_features=_FEATURES, alternate_sign=False, norm=None, stop_words="english",
                               dtype=np.float32).transform(contexts).tocsr()
    hashed.data = 1 + np.log(hashed.data)
    return normalize(hashed)


class _Centroids:
    """Each event's summed sentence vectors, as rows of one dense array, so a mention is
    compared with all its candidates in one product."""

    def __init__(self) -> None:
        self.rows = np.zeros((64, _FEATURES), dtype=np.float32)
        self.norms = np.zeros(64, dtype=np.float32)

    def add(self, j: int, vector: np.ndarray | None) -> None:
        if j >= len(self.rows):
            grow = max(j + 1, 2 * len(self.rows))
            self.rows = np.concatenate([self.rows, np.zeros((grow - len(self.rows), _FEATURES), np.float32)])
            self.norms = np.concatenate([self.norms, np.zeros(grow - len(self.norms), np.float32)])
        if vector is not None:
            self.rows[j] += vector
            self.norms[j] = np.linalg.norm(self.rows[j])

    def likeness(self, vector: np.ndarray | None, events: list[int]) -> np.ndarray:
        if vector is None or not events:
            return np.zeros(len(events), dtype=np.float32)
        norms = self.norms[events]
        dots = self.rows[events] @ vector
        return np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)


def _dense(vectors: object, i: int) -> np.ndarray | None:
    if vectors is None:
        return None
    lo, hi = vectors.indptr[i], vectors.indptr[i + 1]          # type: ignore[attr-defined]
    if lo == hi:
        return None
    dense = np.zeros(_FEATURES, dtype=np.float32)
    dense[vectors.indices[lo:hi]] = vectors.data[lo:hi]      # type: ignore[attr-defined]
    return dense


def _nearest_first(span: tuple[date, date], day: date | None) -> list[date]:
    """The days of `span`, the one nearest `day` first (earlier first on a tie)."""
    days = list(_days_of(*span))
    if day is None:
        return days
    return sorted(days, key=lambda d: (abs((d - day).days), d))


def _fitting(m: MentionIn, span: tuple[date, date] | None, events: list["_Event"],
             pools: Iterable[Iterable[int]]) -> list[int]:
    """The events `m` may belong to, from the day buckets nearest its date outwards, at
    most MAX_CANDIDATES of them (a busy day of 10,000 articles holds hundreds)."""
    seen: set[int] = set()
    found: list[int] = []
    for pool in pools:
        for j in pool:
            if j in seen:
                continue
            seen.add(j)
            if _fits(m, span, events[j]):
                found.append(j)
                if len(found) == MAX_CANDIDATES:
                    return found
    return found


def _text_dated(m: MentionIn) -> bool:
    return m.anchor in TEXT_ANCHORS and m.date_start is not None


def _informative_first(mentions: Sequence[MentionIn]) -> list[int]:
    """The order mentions are merged in: those that name parties and carry a date of
    their own first, then those with a date of their own, then those with parties,
    then the rest ("the conversation", dated by publication alone), each in report
    order. So a bare "the conversation" meets the events the others have built."""
    rank = {i: r for r, i in enumerate(_order(mentions))}

    def tier(i: int) -> int:
        m = mentions[i]
        return (0 if m.parties else 1) + (0 if _text_dated(m) else 2)

    return sorted(range(len(mentions)), key=lambda i: (tier(i), rank[i]))


def _order(mentions: Sequence[MentionIn]) -> list[int]:
    return sorted(range(len(mentions)), key=lambda i: (mentions[i].published or date.max, mentions[i].article_id,
                                                       mentions[i].offset, mentions[i].mention_id))


def merge(mentions: Sequence[MentionIn], corrections: Sequence[Correction] = ()) -> Merged:
    """Events of `mentions` (see the module's docstring)."""
    vectors = _vectors([m.context for m in mentions])
    centroids = _Centroids()
    events: list[_Event] = []
    by_day: defaultdict[tuple[str, date], list[int]] = defaultdict(list)
    wide: defaultdict[str, list[int]] = defaultdict(list)
    undated: defaultdict[str, list[int]] = defaultdict(list)
    dated: defaultdict[str, set[int]] = defaultdict(set)
    reasons = [""] * len(mentions)

    joined = [-1] * len(mentions)
    for i in _informative_first(mentions):
        m = mentions[i]
        group = type_group(m.event_type)
        span = _widened(m)
        vector = _dense(vectors, i)
        if m.antecedent is not None and joined[m.antecedent] >= 0:
            j = joined[m.antecedent]
            reasons[i] = f"{REFERS_BACK}: {mentions[m.antecedent].lemma} at {mentions[m.antecedent].offset}"
            _join(events[j], i, m, modality=False)
            joined[i] = j
            centroids.add(j, vector)
            _index(j, group, events[j], by_day, wide, undated, dated)
            continue
        m_grain = _PRECISION_RANK.get(m.precision, 5)
        if span is None:
            pools: Iterable[Iterable[int]] = [undated[group]]
        elif (span[1] - span[0]).days <= _WIDE_DAYS:
            pools = [by_day.get((group, day), ()) for day in _nearest_first(span, m.date_start)] + [wide[group]]
        else:
            pools = [sorted(dated[group]), wide[group]]
        best: tuple[float, int, str] | None = None
        fitting = _fitting(m, span, events, pools)
        for j, similarity in zip(fitting, centroids.likeness(vector, fitting).tolist()):
            event = events[j]
            if m.article_id in event.articles and m.event_type in event.types:
                rule = "same_article"
            elif (m.anchor == "publication" and m.modality == "asserted" and event.best[:2] in ((0, 0), (0, 1))
                  and event.start is not None and event.start == event.end == m.published):
                rule = "reported_that_day"         # a readout of the day the text dates the event
            elif m.parties and event.parties and len(m.parties) > 1 and m.parties == event.parties:
                rule = "same_parties"
            elif m.parties & event.parties:
                rule = "shared_party"
            elif m.lemma in event.lemmas:
                rule = "same_lemma"
            elif m.event_type in event.types:
                rule = "same_type"
            else:
                rule = "same_group"
            needed = THRESHOLDS[rule]
            if event.best[2] > m_grain and rule != "same_article":
                needed = max(needed, THRESHOLDS["coarser_event"])   # "in January" is no magnet
            if similarity < needed:
                continue
            score = (similarity + (BONUS if m.lemma in event.lemmas else 0.0)
                     + (BONUS if m.parties == event.parties and m.parties else 0.0)
                     + (BONUS if event.start is not None and event.start == event.end == m.date_start else 0.0)
                     + (BONUS if rule == "reported_that_day" else 0.0))   # the text's own date, the report's day
            if best is None or score > best[0]:
                why = (f"{rule.replace('_', ' ')}: type {m.event_type} ~ {'/'.join(sorted(event.types))}; "
                       f"dates overlap; parties {'/'.join(sorted(m.parties)) or 'none'} ~ "
                       f"{'/'.join(sorted(event.parties)) or 'none'}; similarity {similarity:.2f}")
                best = (score, j, why)
        if best is None:
            j = len(events)
            events.append(_Event())
            reasons[i] = FIRST_MENTION
        else:
            j = best[1]
            reasons[i] = best[2]
        _join(events[j], i, m)
        joined[i] = j
        centroids.add(j, vector)
        _index(j, group, events[j], by_day, wide, undated, dated)

    groups = [list(e.members) for e in events]
    if corrections:
        groups, notes = _apply(groups, mentions, corrections)
        for i, note in notes.items():
            reasons[i] = note
    order = {i: rank for rank, i in enumerate(_order(mentions))}
    groups = sorted((sorted(g, key=order.__getitem__) for g in groups if g), key=lambda g: order[g[0]])
    final = [-1] * len(mentions)
    for index, group_members in enumerate(groups):
        for i in group_members:
            final[i] = index
    return Merged(tuple(final), tuple(reasons), tuple(tuple(g) for g in groups))


def _fits(m: MentionIn, span: tuple[date, date] | None, event: "_Event") -> bool:
    """Dates, parties and modality allow `m` to be a mention of `event`."""
    core = event.core
    if span is not None and core is not None and (core[0] > span[1] or core[1] < span[0]):
        return False
    return parties_fit(m.parties, event.parties) and _modalities_fit(m.modality, event.modalities)


def _join(event: _Event, i: int, m: MentionIn, *, modality: bool = True) -> None:
    """Add mention `i` to `event`. A mention that joined by referring back does not
    add its modality: "the call will not be confined to Ukraine" denies no call, and
    must not keep another side's report of that call out."""
    event.members.append(i)
    event.lasts = max(event.lasts, lasts_days(m.event_type))
    event.parties = event.parties | m.parties if m.parties else event.parties
    event.lemmas.add(m.lemma)
    event.types.add(m.event_type)
    event.articles.add(m.article_id)
    if modality:
        event.modalities.add(m.modality)
    rank = date_rank(m.anchor, m.precision, m.modality, interval_days(m.date_start, m.date_end))
    if m.date_start is not None and (event.start is None or rank < event.best):
        event.best = rank
        event.start, event.end = m.date_start, m.date_end or m.date_start


def _core(event: _Event) -> tuple[date, date] | None:
    """The days an event may be on: its best-dated mention's interval, extended by how
    long its type goes on. Not the union of its members' intervals, which would let
    an event grow from report to report and swallow its neighbours."""
    if event.start is None:
        return None
    return event.start, _shift(event.end or event.start, event.lasts)


def _index(j: int, group: str, event: _Event, by_day: dict, wide: dict, undated: dict, dated: dict) -> None:
    """(Re-)index event `j` under the days of its core interval, when that moved."""
    core = _core(event)
    if event.place and core == event.core:
        return
    if event.place == "wide":
        wide[group].remove(j)
    elif event.place == "undated":
        undated[group].remove(j)
    for key in event.keys:
        by_day[key].remove(j)
    event.keys = []
    event.core = core
    if core is None:
        undated[group].append(j)
        event.place = "undated"
        return
    dated[group].add(j)
    lo, hi = core
    if (hi - lo).days > _WIDE_DAYS:
        wide[group].append(j)
        event.place = "wide"
        return
    event.place = "days"
    for day in _days_of(lo, hi):
        by_day[(group, day)].append(j)
        event.keys.append((group, day))


def _apply(groups: list[list[int]], mentions: Sequence[MentionIn],
           corrections: Sequence[Correction]) -> tuple[list[list[int]], dict[int, str]]:
    index_of = {m.mention_id: i for i, m in enumerate(mentions)}
    notes: dict[int, str] = {}
    for correction in corrections:
        present = [index_of[m] for m in correction.mention_ids if m in index_of]
        if not present:
            continue
        group_of = {i: g for g, members in enumerate(groups) for i in members}
        if correction.action == "merge":
            touched = sorted({group_of[i] for i in present})
            if len(touched) < 2:
                continue
            keep = touched[0]
            for g in touched[1:]:
                for i in groups[g]:
                    notes[i] = "merged by the user"
                groups[keep].extend(groups[g])
                groups[g] = []
        elif correction.action == "split":
            moved = set(present)
            for g in {group_of[i] for i in present}:
                groups[g] = [i for i in groups[g] if i not in moved]
            groups.append(sorted(moved))
            for i in moved:
                notes[i] = "split off by the user"
    return [g for g in groups if g], notes


def event_id(member_ids: Iterable[str]) -> str:
    """An event's id: from its first mention's id, so it stays put while that mention does."""
    first = next(iter(member_ids), "")
    return "ev" + hashlib.sha1(first.encode()).hexdigest()[:10]


def mention_id(article_id: str, start: int, end: int, lemma: str) -> str:
    """A mention's id, stable across re-extractions of the same text."""
    return hashlib.sha1(f"{article_id}:{start}:{end}:{lemma}".encode()).hexdigest()[:12]
