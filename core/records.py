"""Frozen result records shared by every extractor.

Each extractor yields plain, immutable records with character offsets into
the article text exactly as read. `core.frames` is the only place that turns
them into DataFrames, so the column contract lives there.
"""
from __future__ import annotations

import dataclasses
import datetime
import json
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Mapping, TypeVar


@dataclass(frozen=True)
class Article:
    """One input article: its text exactly as read plus its metadata."""

    article_id: str          # content hash of `text` (stable across renames)
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: date | None = None
    path: str = ""
    language: str = "en"
    warnings: tuple[str, ...] = ()
    attribution: str = ""      # credit line to show with the text ("Content from www.kremlin.ru, ...")
    licence: str = ""          # the text's licence ("CC BY 4.0")
    side: str = ""             # who the document speaks for: "United States", "Russia", "Ukraine", or its outlet

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        row = asdict(self)
        row["published"] = self.published.isoformat() if self.published else None
        row["words"] = self.words
        row["warnings"] = "; ".join(self.warnings)
        del row["text"]
        return row


@dataclass(frozen=True)
class Timex:
    """A time expression and its TimeML normalisation.

    `date_start`/`date_end` is the inclusive calendar interval it denotes
    (ISO dates); both are None when the expression cannot be anchored
    (durations, sets, REF values, or no publication date).
    """

    start: int
    end: int
    text: str
    type: str                # DATE, TIME, DURATION or SET
    value: str               # TimeML value, e.g. 2022-02-13, 2022-W07, PT48H, PRESENT_REF
    date_start: date | None = None
    date_end: date | None = None
    sentence: int = -1       # index of the sentence in the doc

    def to_dict(self) -> dict[str, Any]:
        row = asdict(self)
        row["date_start"] = self.date_start.isoformat() if self.date_start else None
        row["date_end"] = self.date_end.isoformat() if self.date_end else None
        return row


NEARBY_SIDE_FLAG = "side_from_nearby_name"
"""A claim's flag: its side is only the side named nearest its figure, the last guess
(`core.extract.claims.side_guesses.nearby_named_side`). A repeat of the figure that reads its
side, or other documents that agree on one, replace it, and such a claim makes no contested
pair in the ledger."""


@dataclass(frozen=True)
class Claim:
    """A claimed figure about forces or casualties, with its attribution.

    `start`/`end` delimit the figure itself ("130,000"); `value` is the
    headline number, `low`/`high` the bounds the wording states.
    `claimant` is the surface name of the source as written (the caller
    maps it to a canonical actor) or "" when unattributed.
    """

    start: int
    end: int
    sentence: str
    value: float | None
    unit: str
    category: str            # force_size, killed, wounded, captured, missing
    low: float | None = None
    high: float | None = None
    qualifier: str = ""
    side: str = ""
    claimant: str = ""
    location: str = ""
    date: date | None = None
    as_of: datetime.date | None = None   # `date` here would name the field above
    text: str = ""           # the whole claim phrase as written
    flags: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        row = asdict(self)
        for key in ("date", "as_of"):
            row[key] = row[key].isoformat() if row[key] else None
        row["flags"] = "; ".join(self.flags)
        return row


@dataclass(frozen=True)
class Mention:
    """A name in the text: an actor or a place, before canonicalisation."""

    start: int
    end: int
    text: str
    label: str               # spaCy label (PERSON, ORG, GPE, NORP, LOC, FAC) or ACTOR
    sentence: int = -1
    role: str = ""           # what the text calls this actor here ("defence secretary")
    country: str = ""        # the country the text ties it to here ("the UK's ...")


@dataclass(frozen=True)
class EventMention:
    """One mention of an occurrence: its trigger word, what kind of event, who,
    where, when it happened (the event time) and how the text presents it.

    `start`/`end` delimit the trigger ("call"); `sent_start`/`sent_end` its
    sentence. `agents`/`patients`/`place` are surface forms as written (the
    caller maps them to canonical names). `date_*` is the event time:
    `anchor` says where it came from ("explicit" date in the text, "relative"
    to publication, or "publication" only) and `precision` its grain (day,
    week, month, quarter, year); the report time is the article's publication.
    `definite` marks a noun trigger that may refer back to an occurrence named
    earlier in the document (`core.combine.events.antecedents` finds which).
    """

    start: int
    end: int
    trigger: str
    lemma: str
    type: str
    modality: str            # asserted, planned, possible, denied, question
    sentence: int
    sent_start: int
    sent_end: int
    agents: tuple[str, ...] = ()
    patients: tuple[str, ...] = ()
    place: str = ""
    date_start: date | None = None
    date_end: date | None = None
    date_text: str = ""
    date_value: str = ""
    anchor: str = "publication"
    precision: str = "day"
    definite: bool = False   # a noun with a determiner that refers back ("that call", "the talks")


def article_to_json(article: Article) -> dict[str, Any]:
    """The whole Article record, text included, as JSON-ready values (date ISO,
    warnings a list): the form the store and the distributed run keep."""
    row = dataclasses.asdict(article)
    row["published"] = article.published.isoformat() if article.published else None
    row["warnings"] = list(article.warnings)
    return row


def article_json_text(article: Article) -> str:
    """`article_to_json` as JSON text: the `article_json` column of the store and of a distributed run."""
    return json.dumps(article_to_json(article), ensure_ascii=False)


def article_from_json(raw: str | Mapping[str, Any]) -> Article:
    """An Article from `article_to_json`'s form (or its JSON text); unknown keys are ignored."""
    data = json.loads(raw) if isinstance(raw, str) else dict(raw)
    names = {f.name for f in dataclasses.fields(Article)}
    values = {k: v for k, v in data.items() if k in names}
    published = values.get("published")
    values["published"] = date.fromisoformat(str(published)[:10]) if published else None
    warnings = values.get("warnings") or ()
    values["warnings"] = tuple(w for w in warnings.split("; ") if w) if isinstance(warnings, str) else tuple(warnings)
    return Article(**values)


# --- one article's extraction result, and its JSON (the cache, the store and the workers carry it)

R = TypeVar("R")
DATE_FIELDS = {"date_start", "date_end", "date", "as_of", "published"}


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class ArticleResult:
    """Everything extracted from one article, before corpus-level resolution."""

    article_id: str
    timexes: tuple[Timex, ...] = ()
    claims: tuple[Claim, ...] = ()
    actor_mentions: tuple[Mention, ...] = ()
    place_mentions: tuple[Mention, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    errors: tuple[str, ...] = ()
    event_mentions: tuple[EventMention, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "timexes": [record_to_json(r) for r in self.timexes],
            "claims": [record_to_json(r) for r in self.claims],
            "actor_mentions": [record_to_json(r) for r in self.actor_mentions],
            "place_mentions": [record_to_json(r) for r in self.place_mentions],
            "sentences": [record_to_json(r) for r in self.sentences],
            "errors": list(self.errors),
            "event_mentions": [record_to_json(r) for r in self.event_mentions],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ArticleResult":
        return cls(
            article_id=data["article_id"],
            timexes=tuple(record_from_json(Timex, r) for r in data["timexes"]),
            claims=tuple(record_from_json(Claim, r) for r in data["claims"]),
            actor_mentions=tuple(record_from_json(Mention, r) for r in data["actor_mentions"]),
            place_mentions=tuple(record_from_json(Mention, r) for r in data["place_mentions"]),
            sentences=tuple(record_from_json(Sentence, r) for r in data["sentences"]),
            errors=tuple(data.get("errors", ())),
            event_mentions=tuple(record_from_json(EventMention, r) for r in data.get("event_mentions", ())),
        )


@lru_cache(maxsize=None)
def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def record_to_json(record: Any) -> dict[str, Any]:
    """A flat record (`core.records`) as a JSON-able dict: dates in ISO form. Field by
    field, not `dataclasses.asdict`, which deep-copies every value (a tenth of the
    extraction's own time)."""
    kind: type = type(record)   # plain `type`: mypy finds no `type[Any]` Hashable (mypy#11470)
    row = {name: getattr(record, name) for name in field_names(kind)}
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}


def record_from_json(cls: type[R], row: dict[str, Any]) -> R:
    values = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name not in row:
            continue
        value = row[f.name]
        if f.name in DATE_FIELDS and isinstance(value, str):
            value = date.fromisoformat(value)
        elif isinstance(value, list):
            value = tuple(value)
        values[f.name] = value
    return cls(**values)
