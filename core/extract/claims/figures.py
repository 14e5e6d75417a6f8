"""Step 1, the figures: every number in a sentence's text (digits with separators
and suffixes, spelled-out and vague counts) that is not a year, a date, money or a
model name; ranges joined ("between A and B") and cue words read ("up to more
than", "an estimated"). No parse needed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from core.extract.claims.lexicons import Lexicons, lexicons
from core.extract.claims.memo import text_of
from core.extract.claims.side_names import side_of_term

_FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "by", "with",
                             "from", "is", "was", "who", "which", "that", "more", "day", "time"})
_CUE_CONTEXT_CHARS = 100  # characters either side of a figure its cue patterns read
# Figures glued to letters are model names ("T-72", "Su-35", "S-400").
_MODEL_NAME_BEFORE = re.compile(r"[A-Za-z]-?$")
# "25 Boeing 737-800 jets": the variant after a name's number is part of the model name.
_MODEL_VARIANT_BEFORE = re.compile(r"\b[A-Z][A-Za-z]+\s+\d+-$")
# "14 Leopard 2": a count, then a capitalised name that ends in a number.
_MODEL_NAME_AFTER_COUNT = re.compile(r"\d\s+([A-Z][A-Za-z-]*)\s+$")
# "along with Challenger 2 tanks": a capitalised name after a lower-case word, then a small number.
_MODEL_NAME_INSIDE = re.compile(r"[a-z,]\s+([A-Z][a-z]+)\s+$")
MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = MONTHS_AND_DAYS - _WEEKDAYS
_CURRENCY_BEFORE = re.compile(r"[$\u00a3\u20ac\u20bd\u20b4]\s*$|\b(?:USD|EUR|GBP|US\$)\s*$")
# A bare four-digit year after a time preposition: "In 2014 Russian troops ...".
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_YEAR_BEFORE = re.compile(r"\b(?:in|since|by|until|till|from|of|during|before|after|early|late|mid|summer|spring|autumn|winter)[\s-]*$", re.I)
_AGE_OR_DURATION_AFTER = re.compile(r"^-?\s*(?:year|month|week|day|hour|minute)s?\b", re.I)
# Numbers joined to numbers by a colon or a full stop are a clock time or a date, not counts:
# "14:05 GMT", "09:12 -", "from 24.02.22 to 15.03.25".
_JOINED_BEFORE = re.compile(r"\d[:.]$")
_JOINED_AFTER = re.compile(r"^[:.]\d")
# A number that names, not counts: "Communiqué No. 047", "Press release #12", and a formation's
# number before its capitalised singular name ("Troops of the 58 Division and 53 Division").
_IDENTIFIER_BEFORE = re.compile(r"\bNos?\.\s*$|#\s*$")
_NAMED_FORMATION_AFTER = re.compile(r"^\s+(?:Division|Brigade|Regiment|Battalion|Corps|Squadron|Fleet|Wing|Front)\b")
POST_CUES = (
    (re.compile(r"^\s*(?:or more|or over|-plus|plus|\+)", re.I), "more than", "low"),
    (re.compile(r"^\s*or so\b", re.I), "about", "none"),
)
# A verb of change before "from A to B" makes A and B two counts at two
# times, not a range: "increased its troops in Crimea from 12,500 to 25,000".
_CHANGE_BEFORE = re.compile(
    r"\b(?:increas|rais|rose\b|risen\b|rise\b|rising|grew\b|grow|swell|swollen|doubl|tripl|boost|"
    r"cut\b|cutting|reduc|decreas|fell\b|fall|drop|brought\b|bring|expand|shr[iu]nk)\w*[^,;.]*$",
    re.I,
)
# A spelled number joined by a hyphen to a word is a compound modifier, not a count
# ("one-way", "three-star"); spelled numbers joined to each other ("twenty-five") are
# matched whole before this is read.
_HYPHENATED_MODIFIER = re.compile(r"-[A-Za-z]")
_RANGE_JOINERS = re.compile(r"^\s*(?:-|\u2013|\u2014|to|and|or)\s*$", re.I)


@dataclass(frozen=True)
class Figure:
    """A number found in the text, before we know what it counts."""

    start: int                 # doc char offsets of the figure itself
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = ""
    phrase_start: int = -1     # where the cue words begin
    phrase_end: int = -1
    flags: tuple[str, ...] = ()
    later: tuple[int, int] | None = None   # the later count of "grew from A to B", for A


@lru_cache(maxsize=1)
def _figure_pattern() -> re.Pattern[str]:
    """Digits (with separators and suffixes), spelled-out and vague numbers."""
    words = sorted(lexicons().numbers, key=len, reverse=True)
    word = r"(?:" + "|".join(words) + r")"
    digits = (
        r"\d{1,3}(?:(?:,\d{3})+|(?:[ \u00a0\u202f\u2009]\d{3}(?!\d))+)(?:\.\d+)?"
        r"|\d+(?:\.\d+)?(?:\s*\^\s*\d+)?"
    )
    scale = r"(?:(?:k|m|mn|bn)\b|\s+(?:thousand|million|billion|trillion|quadrillion)\b)?"
    spelled = rf"(?:(?:half\s+)?an?\s+)?{word}(?:(?:\s+|-)(?:and\s+)?{word})*"
    vague = (
        r"(?:tens|dozens|scores|hundreds|thousands|millions)(?:\s+of\s+(?:thousands|millions))?(?=\s+of\b)"
        r"|(?:several|a\s+few|a\s+couple\s+of|many)\s+(?:dozen|hundred|thousand|million)"
    )
    return re.compile(
        rf"(?<![\w.,])(?:(?P<digits>{digits}){scale}|(?P<vague>{vague})|(?P<spelled>{spelled}))(?![\w])",
        re.I,
    )


def _parse_digits(text: str) -> float:
    """ "130,000" -> 130000, "1.2 million" -> 1200000, "130k", "10^15"."""
    lowered = text.lower()
    match = re.match(r"([\d,. \u00a0\u202f\u2009]+?)\s*(\^\s*\d+)?\s*(k|m|mn|bn|thousand|million|billion|trillion|quadrillion)?$", lowered.strip())
    if not match:
        raise ValueError(f"not a number: {text!r}")
    number = float(re.sub(r"[, \u00a0\u202f\u2009]", "", match.group(1)))
    if match.group(2):
        try:
            number = number ** int(match.group(2).lstrip("^ "))
        except OverflowError:
            number = float("inf")
    multiplier = {
        None: 1, "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6,
        "bn": 1e9, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15,
    }[match.group(3)]
    return number * multiplier


def _parse_spelled(text: str, numbers: dict[str, tuple[float, str]]) -> float | None:
    """ "a hundred thousand" -> 100000, "two dozen" -> 24, "half a million" -> 500000."""
    total, group, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            group = group or 1.0
            continue
        if word == "half":
            group = 0.5
            continue
        value, kind = numbers[word]
        seen = True
        if kind == "unit":
            group += value
        elif kind in ("hundred", "dozen"):
            group = (group or 1.0) * value
        else:
            total += (group or 1.0) * value
            group = 0.0
    return total + group if seen else None


def _parse_vague(text: str) -> float:
    """The least a vague count can mean: "tens of thousands" -> 10000."""
    least = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
             "millions": 1e6, "dozen": 12, "hundred": 100, "thousand": 1000, "million": 1e6}
    value = 1.0
    for word in re.findall(r"[a-z]+", text.lower()):
        value *= least.get(word, 1)
    return value


def _raw_figures(sent: Span, lex: Lexicons) -> list[Figure]:
    """Every number in the sentence that is not a model name, money, age or duration."""
    text, offset = sent.text, sent.start_char
    found: list[Figure] = []
    for match in _figure_pattern().finditer(text):
        # the cue patterns are anchored at the figure: nearby text is enough, and copying the
        # whole sentence for each figure made one long sentence of figures quadratic
        before = text[max(0, match.start() - _CUE_CONTEXT_CHARS):match.start()]
        after = text[match.end():match.end() + _CUE_CONTEXT_CHARS]
        if _MODEL_NAME_BEFORE.search(before) and not before.endswith(" ") or lex.model_prefix.search(before) \
                or _MODEL_VARIANT_BEFORE.search(before):
            continue                      # "T-72", "Su-35", "Mk 41": part of a model name
        if _CURRENCY_BEFORE.search(before) or _AGE_OR_DURATION_AFTER.match(after):
            continue
        if _JOINED_BEFORE.search(before) or _JOINED_AFTER.match(after):
            continue                      # a clock time or a date
        if _IDENTIFIER_BEFORE.search(_text_before(sent, match.start())) \
                or match.group("digits") and _NAMED_FORMATION_AFTER.match(after):
            continue                      # the parser may end a sentence at "No."
        if YEAR.match(match.group(0)) and _YEAR_BEFORE.search(before):
            continue
        if _is_model_name_number(match.group(0), before) or _is_day_of_month(match.group(0), before, after):
            continue
        flags: tuple[str, ...] = ()
        if match.group("digits"):
            value: float | None = _parse_digits(match.group(0))
        elif match.group("vague"):
            value, flags = None, ("vague",)
        else:
            if _HYPHENATED_MODIFIER.match(after):
                continue      # "a one-way drone attack", "a three-star general": part of a compound word
            value = _parse_spelled(match.group(0), lex.numbers)
            if value is None or value < 1 or value == 1 and not _one_unit(match.group(0), after, lex):
                continue      # "one of the soldiers", "a soldier": not a count
        figure = Figure(start=offset + match.start(), end=offset + match.end(), value=value,
                         phrase_start=offset + match.start(), phrase_end=offset + match.end(),
                         flags=flags)
        if match.group("vague"):
            figure = figure_with(figure, low=_parse_vague(match.group(0)))
        found.append(figure)
    return found


def _text_before(sent: Span, at: int, chars: int = 8) -> str:
    """The document's text just before offset `at` of the sentence, across its start."""
    start = sent.start_char + at
    return sent.doc.text[max(0, start - chars):start]


def _is_model_name_number(figure: str, before: str) -> bool:
    """ "14 Leopard 2 tanks", "along with Challenger 2 tanks": a small number after a count
    and a capitalised name, or after a capitalised name inside a sentence, is part of the name.
    A month or weekday is not a name: "on 24 February 150 troops"."""
    after_count = _MODEL_NAME_AFTER_COUNT.search(before)
    inside = _MODEL_NAME_INSIDE.search(before)
    if inside and side_of_term(inside.group(1)):
        inside = None                   # "will send Ukraine 14 tanks": a side, not a name
    match = after_count or inside
    return bool(match and figure.isdigit() and len(figure) <= (3 if after_count else 2)
                and match.group(1).lower() not in MONTHS_AND_DAYS)


def _is_day_of_month(figure: str, before: str, after: str) -> bool:
    """ "On 24 February 150 tanks ...", "February 24", "Monday 12 February": a day, not a
    count. After a weekday only with a month after it: "On Monday 12 soldiers were killed"."""
    significant = figure.lstrip("0")   # int() refuses strings of over 4,300 digits
    if not (figure.isdigit() and len(significant) <= 2 and 1 <= int(significant or "0") <= 31):
        return False
    word_after = re.match(r"\s*([A-Za-z]+)", after)
    word_before = re.search(r"([A-Za-z]+)\.?\s+$", before)
    month_after = word_after is not None and word_after.group(1).lower() in _MONTHS
    if word_before is not None and word_before.group(1).lower() in _WEEKDAYS:
        return month_after
    return month_after or word_before is not None and word_before.group(1).lower() in _MONTHS


def _one_unit(figure: str, after: str, lex: Lexicons) -> bool:
    """ "one sailor", "one brigade", "one Ukrainian attack helicopter": the word "one"
    counts when a unit noun follows it, at once or after at most two modifiers;
    "one of the soldiers", "a soldier" do not."""
    if figure.lower() != "one":
        return False
    words = re.findall(r"[A-Za-z-]+", after[:60])[:3]
    for at, word in enumerate(words):
        if word.lower() in lex.units:
            return True
        if at == 2 or word.lower() in _FUNCTION_WORDS:
            return False
    return False


def figure_with(figure: Figure, **changes: object) -> Figure:
    values = {**figure.__dict__, **changes}
    return Figure(**values)


def _merge_ranges(figures: list[Figure], doc_text: str) -> list[Figure]:
    """Join "between A and B", "from A to B", "A-B", "two or three" into one figure with bounds."""
    merged: list[Figure] = []
    index = 0
    while index < len(figures):
        first = figures[index]
        second = figures[index + 1] if index + 1 < len(figures) else None
        if second and _is_change(first, second, doc_text):
            merged.append(figure_with(first, flags=first.flags + ("earlier_count",), later=(second.start, second.end)))
            index += 1
            continue
        joined = _as_range(first, second, doc_text) if second else None
        if joined:
            merged.append(joined)
            index += 2
        else:
            merged.append(first)
            index += 1
    return merged


def _is_change(first: Figure, second: Figure, doc_text: str) -> bool:
    """ "increased its troops in Crimea from 12,500 to 25,000": a verb of change
    before "from A to B" makes A an earlier count and B a later one, not the
    bounds of one estimate."""
    between = doc_text[first.end:second.start].strip().lower()
    before = doc_text[max(0, first.phrase_start - 120):first.start]
    opener = re.search(r"\bfrom\s*$", before, re.I)
    return between == "to" and opener is not None and bool(_CHANGE_BEFORE.search(before[:opener.start()]))


def _as_range(first: Figure, second: Figure, doc_text: str) -> Figure | None:
    """The two figures as one range, or None. A change over time (`_is_change`) is checked first, by the caller."""
    between = doc_text[first.end:second.start]
    joiner = _RANGE_JOINERS.match(between)
    if not joiner or first.value is None or second.value is None:
        return None
    word = between.strip().lower()
    before = doc_text[max(0, first.start - 40):first.start]
    opener = re.search(r"\b(between|from)\s*$", before, re.I)
    if word == "and" and not (opener and opener.group(1).lower() == "between"):
        return None
    if word == "or" and not (first.value < second.value <= 2 * first.value):
        return None                   # "two or three tanks" is a range; "150 or one million" is not
    low, high = first.value, second.value
    if low * 100 <= high and re.search(r"[a-z]$", doc_text[second.start:second.end], re.I):
        # "1.2 to 1.5 million": the scale word covers both ends
        written = float(re.sub(r"[^\d.]", "", doc_text[second.start:second.end].split()[0]) or 1)
        if written:                    # "0 million" has no scale to carry over
            low *= high / written
    if low > high:
        return None
    start = first.start - (len(before) - opener.start()) if opener else first.start
    return Figure(start=first.start, end=second.end, value=high, low=low, high=high,
                   qualifier="between", phrase_start=start, phrase_end=second.end)


def _read_cues(figure: Figure, doc_text: str, lex: Lexicons) -> Figure:
    """Qualifier and bounds from the cue words around the figure."""
    if figure.qualifier == "between":
        return figure
    cues: list[tuple[str, str, int]] = []          # innermost first
    cursor = figure.start
    ordered = sorted(lex.cues, key=len, reverse=True)
    while True:
        before = doc_text[max(0, cursor - 40):cursor]
        for cue in ordered:
            match = re.search(rf"(?:^|(?<=\W)){re.escape(cue)}\s*$", before, re.I)
            if match:
                qualifier, bound = lex.cues[cue]
                cursor -= len(before) - match.start()
                cues.append((qualifier, bound, cursor))
                break
        else:
            break
    after = doc_text[figure.end:figure.end + 20]
    post = [(q, b, figure.start) for pattern, q, b in POST_CUES if pattern.match(after)]
    chosen = _choose_cue(post + cues)
    if not chosen:
        return figure
    qualifier, bound = chosen
    low = figure.value if bound == "low" else figure.low
    high = figure.value if bound == "high" else figure.high
    start = min([figure.phrase_start] + [c[2] for c in cues])
    return figure_with(figure, qualifier=qualifier, low=low, high=high, phrase_start=start)


def _choose_cue(cues: list[tuple[str, str, int]]) -> tuple[str, str] | None:
    """The innermost bound cue, else the innermost approximation."""
    bounds = [(q, b) for q, b, _ in cues if b in ("low", "high")]
    if bounds:
        return bounds[0]
    others = [(q, b) for q, b, _ in cues if q != "additional"]
    return others[0] if others else None


def find_figures(sent: Span, *, lex: Lexicons | None = None) -> list[Figure]:
    """Step 1: every figure in a sentence, ranges merged, cues read. No parse needed."""
    lex = lex or lexicons()
    doc_text = text_of(sent.doc)
    figures = _merge_ranges(_raw_figures(sent, lex), doc_text)
    return [_read_cues(figure, doc_text, lex) for figure in figures]
