"""The event rules kept as data, read once per process.

- `core/data/event_types.csv`: each type's group (types one occurrence may be
  reported under), colour and label noun;
- `core/data/event_triggers.csv`: trigger lemmas with part of speech, type and
  an optional condition on the parse;
- `core/data/event_words.csv`: word lists (modal verbs, governing words,
  negations, light verbs, military nouns);
- `core/data/event_exclusions.csv`: lines that open a question turn, a
  speaker label, a caption.

Only this module reads those files; `core.extract.event_mentions` applies them.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from core import DATA_DIR

_DATA = DATA_DIR
MODALITIES = ("asserted", "planned", "possible", "denied", "question")
POS_ANY = "*"


def _rows(name: str) -> list[list[str]]:
    with (_DATA / name).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [row for row in csv.reader(lines)]


@dataclass(frozen=True)
class EventType:
    name: str
    group: str
    colour: str
    noun: str
    lasts_days: int = 0


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str                 # VERB, NOUN or "*"
    type: str
    condition: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (test, values) pairs, all must hold


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    return {row[0]: EventType(row[0], row[1], row[2], row[3], int(row[4]) if len(row) > 4 and row[4] else 0)
            for row in _rows("event_types.csv")}


def type_group(name: str) -> str:
    found = event_types().get(name)
    return found.group if found else name


def lasts_days(name: str) -> int:
    found = event_types().get(name)
    return found.lasts_days if found else 0


def _condition(raw: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    tests = []
    for part in filter(None, raw.split("&")):
        test, _, values = part.partition("=")
        tests.append((test.strip(), tuple(v.strip().lower() for v in values.split("|") if v.strip())))
    return tuple(tests)


@lru_cache(maxsize=1)
def triggers() -> dict[str, tuple[Trigger, ...]]:
    """lemma -> its trigger entries, in file order (the first whose part of speech
    and condition hold wins)."""
    known = event_types()
    table: defaultdict[str, list[Trigger]] = defaultdict(list)
    for lemma, pos, kind, condition in (row + [""] * (4 - len(row)) for row in _rows("event_triggers.csv")):
        if kind not in known:
            raise ValueError(f"core/data/event_triggers.csv: {lemma!r} has unknown type {kind!r}")
        table[lemma.lower()].append(Trigger(lemma.lower(), pos.upper(), kind, _condition(condition)))
    return {lemma: tuple(entries) for lemma, entries in table.items()}


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """List name -> lower-cased lemmas (event_words.csv)."""
    table: defaultdict[str, set[str]] = defaultdict(set)
    for name, lemma in _rows("event_words.csv"):
        table[name].add(lemma.lower())
    return {name: frozenset(values) for name, values in table.items()}


@lru_cache(maxsize=1)
def exclusions() -> dict[str, tuple[re.Pattern[str], ...]]:
    table: defaultdict[str, list[re.Pattern[str]]] = defaultdict(list)
    for kind, pattern in _rows("event_exclusions.csv"):
        table[kind].append(re.compile(pattern))
    return {kind: tuple(patterns) for kind, patterns in table.items()}


# Regular English inflections of a lemma: (suffix to strip, suffix to add).
_INFLECTIONS = (("", "s"), ("", "es"), ("", "ed"), ("", "d"), ("", "ing"), ("e", "ing"), ("e", "ed"),
                ("y", "ies"), ("y", "ied"))


@lru_cache(maxsize=4)
def trigger_forms(exceptions: tuple[tuple[str, str], ...] = ()) -> frozenset[str]:
    """Lower-cased word forms whose lemma may be a trigger: each lemma, its regular
    inflections (a doubled final consonant too: "shelled"), and the irregular
    forms in `exceptions` ((form, lemma) pairs from the lemmatizer's tables:
    "met", "sent"). A sentence with none of them holds no event mention, so it
    needs no parse for one."""
    lemmas = set(triggers())
    forms = set(lemmas)
    for lemma in lemmas:
        for strip, add in _INFLECTIONS:
            if lemma.endswith(strip):
                forms.add(lemma[: len(lemma) - len(strip)] + add)
        forms.update(lemma + lemma[-1] + add for add in ("ed", "ing", "er"))
    forms.update(form.lower() for form, lemma in exceptions if lemma.lower() in lemmas)
    return frozenset(forms)
