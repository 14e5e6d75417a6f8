"""Scoring troop-figure claims against hand-written gold.

The gold format (one JSON object per line, `tests/data/claims_dev.jsonl`):

    {"id": "d001", "published": "2022-02-13", "source": "Reuters",
     "text": "...", "claims": [{"figure": "130,000", "value": 130000,
     "low": null, "high": null, "unit": "troops", "category": "force_size",
     "side": "Russia", "claimant": "Ben Wallace"}]}

A corpus document's item names its file ("doc") instead of holding its text,
and each claim gives its figure's "start" (docs/claim-annotation.md).

A system claim matches a gold claim when the figure and the unit agree:
the same headline value and the same head noun of the unit once `unit_key`
folds plurals, spellings and abbreviations (`head_noun`). Vague counts ("thousands of troops", no value)
are left out on both sides: they are not figures. Each gold claim matches at
most one system claim. Side and claimant are then scored over the matched
pairs only.

Pure functions: the bench scripts and the tests share them.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.eval.tempeval import PRF, prf
from core.extract.countries import country_for

# Unit spellings that name the same thing once plurals are folded.
UNIT_SYNONYMS: dict[str, str] = {
    "btg": "battalion tactical group",
    "armored vehicle": "armoured vehicle",
    "%": "percent",
    "per cent": "percent",
    "pc": "percent",
    "serviceman": "serviceman",
    "servicemen": "serviceman",
    "service member": "member",         # its head noun, as the gold writes it ("members")
    "servicemember": "member",
    "dead": "death",
    "fighter jet": "jet",
}
_INVARIANT = frozenset({"personnel", "aircraft", "percent", "%", "military", "infantry", "artillery"})
REQUIRED_ITEM_FIELDS = ("id", "published", "source", "claims")   # and "text", or "doc" naming a corpus file
REQUIRED_CLAIM_FIELDS = ("figure", "value", "low", "high", "unit", "category", "side", "claimant")
CATEGORIES = frozenset({"force_size", "killed", "wounded", "captured", "missing"})


@dataclass(frozen=True)
class Found:
    """One claim, from the gold or from a system, reduced to what is scored."""

    value: float | None
    low: float | None
    unit: str
    side: str = ""
    claimant: str = ""
    category: str = ""
    figure: str = ""

    @property
    def key(self) -> tuple[Any, str]:
        figure = ("value", self.value) if self.value is not None else ("vague", self.low)
        return figure, head_noun(self.unit)


@dataclass(frozen=True)
class ClaimScores:
    gold: int
    system: int
    matched: int
    side_right: int
    claimant_right: int
    category_right: int

    @property
    def prf(self) -> PRF:
        return prf(self.matched, system=self.system, gold=self.gold)

    @property
    def precision(self) -> float:
        return self.prf.precision

    @property
    def recall(self) -> float:
        return self.prf.recall

    @property
    def f1(self) -> float:
        return self.prf.f1

    def share(self, right: int) -> float:
        return right / self.matched if self.matched else 0.0


def _singular(word: str) -> str:
    if word in _INVARIANT or len(word) <= 3:
        return word
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def unit_key(unit: str) -> str:
    """Fold case, plurals, spellings and abbreviations: "BTGs" == "battalion tactical groups"."""
    text = re.sub(r"\s+", " ", unit.strip().lower())
    if text in UNIT_SYNONYMS:
        return UNIT_SYNONYMS[text]
    folded = " ".join(_singular(word) for word in text.split(" "))
    return UNIT_SYNONYMS.get(folded, folded)


def head_noun(unit: str) -> str:
    """What scoring compares: `unit_key`'s last word. The gold's unit is the head noun
    that is counted (docs/claim-annotation.md): "two Patriot missile defense systems" is
    "systems" there, and "missile defense systems" from the extractor. Before an "of" phrase
    the head is the noun it hangs on: "units of enemy equipment" counts "units"."""
    return unit_key(unit).split(" of ", 1)[0].rsplit(" ", 1)[-1]


def name_key(name: str) -> str:
    """Fold case, a leading "the", possessive marks and punctuation."""
    text = name.strip().lower().replace("\u2019", "'")
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"[^\w' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _countries_folded(key: str) -> str:
    """A `name_key` with each word that names a country, or is its demonym, written as the
    country: "israel's military" and "israeli military" are one name."""
    return " ".join(name_key(country_for(word) or word) for word in key.split())


def same_name(gold: str, system: str) -> bool:
    """Equal after `name_key` and `_countries_folded`, or one holds all the other's words when
    that other has two or more ("UK Ministry of Defence" and "Ministry of Defence"); a lone
    surname is not enough."""
    a, b = _countries_folded(name_key(gold)), _countries_folded(name_key(system))
    if a == b:
        return True
    short, long_ = sorted((a.split(), b.split()), key=len)
    return len(short) >= 2 and all(word in long_ for word in short)


def match(gold: Sequence[Found], system: Sequence[Found]) -> list[tuple[Found, Found]]:
    """Pairs with the same (figure, unit) key, each claim used once, in text order."""
    unused = list(system)
    pairs = []
    for g in gold:
        for s in unused:
            if s.key == g.key:
                pairs.append((g, s))
                unused.remove(s)
                break
    return pairs


def scored(found: Iterable[Found]) -> list[Found]:
    """The claims that are scored: a vague count ("thousands of troops", value None) is
    not a figure (docs/claim-annotation.md), in the gold or from a system."""
    return [f for f in found if f.value is not None]


def score(items: Iterable[tuple[Sequence[Found], Sequence[Found]]],
          spelling: Mapping[str, str] | None = None, sides: Mapping[str, str] | None = None) -> ClaimScores:
    """Totals over (gold, system) claim lists, one pair per passage; vague counts left out.
    `spelling` maps a name's other spellings to one (an actor dictionary's aliases:
    "Volodymyr Zelensky" -> "Volodymyr Zelenskyy"), so a claimant spelt another way is
    still the same person; `sides` does the same for sides ("Wagner" -> "Wagner Group")."""
    table = spelling_table(spelling or {})
    side_table = spelling_table(sides or {})
    gold_n = system_n = matched = side = claimant = category = 0
    for gold, system in items:
        gold, system = scored(gold), scored(system)
        gold_n += len(gold)
        system_n += len(system)
        for g, s in match(gold, system):
            matched += 1
            side += same_side(g, s, side_table)
            claimant += same_claimant(g, s, table)
            category += g.category == s.category
    return ClaimScores(gold_n, system_n, matched, side, claimant, category)


def same_side(gold: Found, system: Found, sides: Mapping[str, str]) -> bool:
    """The two claims name one side, through a `spelling_table` of side names; two names of
    one country are one side ("DR Congo", "Democratic Republic of the Congo")."""
    a, b = respelt(gold.side, sides), respelt(system.side, sides)
    if name_key(a) == name_key(b):
        return True
    country = country_for(a) if a and b else None
    return country is not None and country == country_for(b)


def same_claimant(gold: Found, system: Found, spelling: Mapping[str, str]) -> bool:
    """The two claims name one claimant (`same_name`), through a `spelling_table` of names."""
    return same_name(respelt(gold.claimant, spelling), respelt(system.claimant, spelling))


def spelling_table(aliases: Mapping[str, str]) -> dict[str, str]:
    """alias -> canonical name, keyed by the alias's `name_key`: what `respelt` reads
    (built once per scoring, not once per compared name)."""
    return {name_key(alias): canonical for alias, canonical in aliases.items()}


def respelt(name: str, spelling: Mapping[str, str] | None) -> str:
    """`name` in the spelling a `spelling_table` gives it, else as is."""
    return spelling.get(name_key(name), name) if spelling else name


def gold_found(claim: Mapping[str, Any]) -> Found:
    return Found(
        value=claim["value"], low=claim.get("low"), unit=claim["unit"], side=claim.get("side") or "",
        claimant=claim.get("claimant") or "", category=claim.get("category") or "", figure=claim.get("figure", ""),
    )


def item_text(item: Mapping[str, Any], corpus: Path | None = None) -> str | None:
    """A gold item's text: its own "text", or the corpus file its "doc" names (None if absent)."""
    if "text" in item:
        return item["text"]
    if "doc" in item and corpus is not None and (Path(corpus) / item["doc"]).is_file():
        return (Path(corpus) / item["doc"]).read_text(encoding="utf-8")
    return None


def item_problems(item: Mapping[str, Any], corpus: Path | None = None) -> list[str]:
    """What is wrong with one gold item (a passage with its "text", or a corpus document
    named by "doc" under `corpus`, each claim with the "start" of its figure), as messages
    naming its id; empty when well formed."""
    name = item.get("id", "?")
    problems = [f"{name}: missing field {f!r}" for f in REQUIRED_ITEM_FIELDS if f not in item]
    text = item_text(item, corpus)
    if text is None:
        problems.append(f"{name}: no 'text', and no corpus file for 'doc' {item.get('doc')!r}")
    if problems or text is None:  # no text is always a problem, reported above
        return problems
    for number, claim in enumerate(item["claims"], 1):
        where = f"{name} claim {number}"
        problems += [f"{where}: missing field {f!r}" for f in REQUIRED_CLAIM_FIELDS if f not in claim]
        if claim.get("figure") and claim["figure"] not in text:
            problems.append(f"{where}: figure {claim['figure']!r} is not in the text")
        if "doc" in item and text[claim.get("start", -1):][:len(claim.get("figure", ""))] != claim.get("figure"):
            problems.append(f"{where}: figure {claim.get('figure')!r} is not at start {claim.get('start')}")
        if claim.get("category") not in CATEGORIES:
            problems.append(f"{where}: category {claim.get('category')!r} is not one of {sorted(CATEGORIES)}")
        if claim.get("value") is None and claim.get("low") is None:
            problems.append(f"{where}: a vague figure needs its lower bound in 'low'")
    return problems


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The passages of a gold file; raises ValueError naming the line of a malformed one."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from error
    return items
