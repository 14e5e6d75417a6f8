"""Spans of time (DURATION: "about 50 minutes", "two and a half years", "a
three-year period", "weeks") and frequencies (SET: "daily", "every other week",
"Tuesday nights"), and the TIMEX3 value of a count of units. No spaCy."""
from __future__ import annotations

import re

from core.extract.timex.lexicon import (
    COMPOUND_NUMBER_RE,
    MONTHS,
    NUMBER_RE,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    POSSESSIVE_RE,
    SEASONS,
    UNIT_RE,
    UNITS,
    WEEKDAYS,
    parse_count,
    parse_unit,
)
from core.extract.timex.values import DURATION, SET, Context, Normalised

# Vague quantities give an X in the value: "for several weeks" -> PXW.
_VAGUE_COUNTS = ("a few", "few", "several", "many", "some", "a number of", "numerous", "countless")
_VAGUE_RE = "(" + "|".join(_VAGUE_COUNTS) + ")"
_PLURAL_UNIT_RE = r"(?:seconds|minutes|hours|days|nights|weeks|fortnights|months|quarters|years|decades|centuries)"

# Frequencies: one word or "every/each/per <unit>".
_SET_WORDS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "hourly": "PT1H", "quarterly": "P3M",
    "everyday": "P1D", "weekdays": "XXXX-WXX-WD", "weekends": "XXXX-WXX-WE",
}

# Half a unit in the next smaller one, as TimeML writes "an hour and a half"
# (PT1H30M) and "two and a half years" (P2Y6M): (TIMEX3 letter, is a time of
# day) -> the half. A unit not here keeps a decimal ("P1.5W").
_HALVES = {("H", True): "30M", ("M", True): "30S", ("D", False): "T12H", ("Y", False): "6M"}


def _and_a_half(whole: int, unit_word: str) -> str:
    letter, is_time = parse_unit(unit_word)
    if letter in _YEARS_IN:
        return f"P{whole * _YEARS_IN[letter] + _YEARS_IN[letter] // 2}Y"  # "a decade and a half": P15Y
    prefix, half = ("PT" if is_time else "P"), _HALVES.get((letter, is_time))
    return f"{prefix}{whole}.5{letter}" if half is None else f"{prefix}{whole}{letter}{half}"


# Decades and centuries counted as a span are written in years, as TimeBank does
# ("two decades" P20Y, "more than a century" P100Y); an uncounted "decades" keeps
# its unit (PXDE), which years could not say.
_YEARS_IN = {"DE": 10, "CE": 100}


def duration_value(count: float | None, unit_word: str) -> str:
    """The TIMEX3 value of `count` units ("P2W", "PT48H"); X for an unknown count ("PXY")."""
    letter, is_time = parse_unit(unit_word)
    if unit_word.startswith("fortnight"):
        count = None if count is None else count * 2
    if letter in _YEARS_IN and count is not None:
        count, letter = count * _YEARS_IN[letter], "Y"
    amount = "X" if count is None else (str(int(count)) if float(count).is_integer() else str(count))
    return ("PT" if is_time else "P") + amount + letter


def read_set(s: str, ctx: Context) -> Normalised | None:
    s = re.sub(r"^(every|each) single ", r"\1 ", s)  # "every single day": every day
    if s in _SET_WORDS:
        return Normalised(SET, _SET_WORDS[s])
    m = re.fullmatch(r"(?:every|each) (morning|afternoon|evening|night)", s)
    if m:  # "each night": a part of every day, as "every morning" (not the unit "night", P1D)
        return Normalised(SET, f"XXXX-XX-XXT{PARTS_OF_DAY[m.group(1)]}")
    m = re.fullmatch(r"every (?:few|several|couple of) " + UNIT_RE, s)
    if m:  # "every few years": a recurrence of no stated count
        return Normalised(SET, duration_value(None, m.group(1)))
    m = re.fullmatch(r"(every|each|per) (other )?" + r"(?:" + NUMBER_RE + r" )?" + UNIT_RE, s)
    if m:
        count = parse_count(m.group(3)) if m.group(3) else 1.0
        count = (count or 1) * (2 if m.group(2) else 1)
        return Normalised(SET, duration_value(count, m.group(4)))
    m = re.fullmatch(r"(?:once|twice|thrice|\w+ times) (?:a|an|per|every) " + UNIT_RE, s)
    if m:
        return Normalised(SET, duration_value(1, m.group(1)))
    m = re.fullmatch(NUMBER_RE + " " + _PLURAL_UNIT_RE.replace("(?:", "(", 1) + " (?:a|an|per|each|every) " + UNIT_RE, s)
    if m and _UNIT_ORDER.index(_order_key(m.group(2))) > _UNIT_ORDER.index(_order_key(m.group(3))):
        # "four days a week", "12 hours a day": so many units in every larger one, a SET of the larger
        return Normalised(SET, duration_value(1, m.group(3)))
    m = re.fullmatch(r"(?:every|each) (" + "|".join(WEEKDAYS) + r")", s) or re.fullmatch(
        r"(?:on )?(" + "|".join(WEEKDAYS) + r")s", s)
    if m:
        return Normalised(SET, f"XXXX-WXX-{WEEKDAYS[m.group(1)] + 1}")
    m = re.fullmatch(r"(?:on )?(" + "|".join(WEEKDAYS) + r")s? (morning|afternoon|evening|night)s", s)
    if m:  # "Tuesday nights": every Tuesday night
        return Normalised(SET, f"XXXX-WXX-{WEEKDAYS[m.group(1)] + 1}T{PARTS_OF_DAY[m.group(2)]}")
    m = re.fullmatch(r"(?:every|each) (" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?", s)
    if m:
        return Normalised(SET, f"XXXX-{MONTHS[m.group(1)]:02d}")
    m = re.fullmatch(r"(?:every|each) (spring|summer|autumn|fall|winter)", s)
    if m:
        return Normalised(SET, f"XXXX-{SEASONS[m.group(1)]}")
    if re.fullmatch(r"(?:every|each|per) season", s):
        return Normalised(SET, "P1S")  # a season as a unit, named as "every month" is P1M
    return None


# Words between a count and its unit that leave the span as counted: "20 more
# years", "an additional year", "eight trading days", "five working days".
_SPAN_ADJECTIVES = ("more |full |whole |long |straight |consecutive |additional |extra |further "
                    "|trading |business |working ")

# Nouns that name a stretch of time a counted adjective measures: "a three-year period".
_PERIOD_NOUNS = " (?:period|term|span|stretch|spell|stint)"


# Words around "the years" that make it a stretch of time: "over the years", "in the days following".
_STRETCH_LEADS = frozenset({"over", "through", "across", "throughout"})
_STRETCH_EDGES = frozenset({"before", "after", "since", "following", "preceding"})


def _years_on_end(ctx: Context) -> bool:
    """Whether "the years" (days, decades ...) is read as a stretch of units of no count: after
    "over" ("over the years") or between "in" and a word that ties it to an event ("in the days
    following the call")."""
    probe = ctx.dct is None and not ctx.prev_word and not ctx.next_word  # the tagger's context-free look
    return probe or ctx.prev_word in _STRETCH_LEADS or (ctx.prev_word == "in" and ctx.next_word in _STRETCH_EDGES)


# Words after "the first week" that tie it to a date or event, making it a week of the calendar.
_ORDINAL_UNIT_TIES = frozenset({"of", "after", "since", "following"})


def read_duration(s: str, ctx: Context) -> Normalised | None:
    """"about 50 minutes", "the next 48 hours", "weeks", "several days", "48-hour"."""
    # "the past quarter of a century", "half a century", "a half-century": 25 and 50 years
    m = re.fullmatch(r"(?P<lead>(?:the (?:next|past|last|previous|first|coming|following) |an? )?)"
                     r"(quarter|half)(?: of)?(?: a)?(?P<join>[- ])century", s)
    if m and (m.group("lead") or m.group("join") == " "):  # not the adjective of "its quarter-century low"
        return Normalised(DURATION, "P25Y" if m.group(2) == "quarter" else "P50Y")
    if re.search(r"\bquarters?\b", s) and not re.match(r"the |\d|several |(?:a )?few |many |recent |coming |upcoming ", s):
        return None  # "a quarter of the vote", "three quarters of them": fractions, not spans of time
    # "his first 100 days", "(the President's) first year", "surprised you in the first year": the
    # opening stretch of a term, as long as it counts; a day so named ("his first day in office") is
    # the day itself, not read here
    s = re.sub(r"^(?:" + POSSESSIVE_RE + r" )?first (?=" + NUMBER_RE + r" " + _PLURAL_UNIT_RE + r"$)", "", s)
    if ctx.next_word not in _ORDINAL_UNIT_TIES:  # not "the first week after Thanksgiving": a week of the calendar
        s = re.sub(r"^(?:(?:the|" + POSSESSIVE_RE + r") )?first (?=(?:week|month|year)$)", "a ", s)
    s = re.sub(r"^the (?:next|past|last|previous|first|coming|following|final|latest|preceding) ", "", s)
    # "the year-earlier nine months": the same stretch a year back, measured as that stretch (TimeBank
    # writes P9M); a quarter so named ("the year-ago quarter") is a calendar quarter, read elsewhere
    s = re.sub(r"^(?:the )?year ?- ?(?:ago|earlier) (?=" + NUMBER_RE + r" (?:months|weeks)$)", "", s)
    # "in a single day": one day, stressed
    s = re.sub(r"^a single (?=" + UNIT_RE + r"$)", "a ", s)
    # "another week", "another two days": that much more time, a span as "a week", "two days"
    s = re.sub(r"^another (?=" + UNIT_RE + r"$)", "a ", s)
    s = re.sub(r"^another (?=" + NUMBER_RE + r" " + _PLURAL_UNIT_RE + r"$)", "", s)
    # "for the nine months": a span, as without "the"; in "the two day rally" the "the" is the rally's
    s = re.sub(r"^the (?=" + NUMBER_RE + r" (?:\w+ )?" + _PLURAL_UNIT_RE + r"$)", "", s)
    s = re.sub(r"\s*-\s*", "-", s)
    if s == "half an hour" or s == "half-hour":
        return Normalised(DURATION, "PT30M")
    if s in ("a while", "quite a while"):
        return Normalised(DURATION, "PXX")  # "for a while": a span of no stated unit
    m = re.fullmatch(r"(?:(an?|one|\d+) )?(" + "|".join(UNITS) + r")s? and a half", s) or \
        re.fullmatch(r"(\d+) 1/2 (" + "|".join(UNITS) + r")s?", s) or \
        re.fullmatch(r"(\d+|" + "|".join(w for w in NUMBER_WORDS if " " not in w) + r") and a half ("
                     + "|".join(UNITS) + r")s", s)  # "four and a half years": P4Y6M
    if m:
        whole = 1 if m.group(1) in (None, "a", "an", "one") else int(parse_count(m.group(1)) or 0)
        if whole:
            return Normalised(DURATION, _and_a_half(whole, m.group(2)))
    compound = _compound_duration(s)
    if compound is not None:
        return Normalised(DURATION, compound)
    m = re.fullmatch(r"(?:an? )?(?:" + NUMBER_RE + "|" + _VAGUE_RE + r")-" + UNIT_RE
                     + r"(?:-old|-long|" + _PERIOD_NOUNS + r")?", s)
    if m:  # "48-hour", "several-year", "a three-year period"
        count = parse_count(m.group(1)) if m.group(1) else None
        if count is None and m.group(1):
            return None
        return Normalised(DURATION, duration_value(count, m.group(3)))
    m = re.fullmatch(r"(?:" + NUMBER_RE + r"|" + _VAGUE_RE + r") (?:" + _SPAN_ADJECTIVES + r")?" + UNIT_RE + r"(?: long| old| or so)?", s)
    if m:
        count = parse_count(m.group(1)) if m.group(1) else None
        return Normalised(DURATION, duration_value(count, m.group(3)))
    # a range is one expression of an unknown count: "two to three weeks", "a year or two", "weeks or months"
    m = re.fullmatch(NUMBER_RE + r" ?(?:to|or|-) ?" + NUMBER_RE + " " + UNIT_RE, s) or \
        re.fullmatch(r"(?:an? |one )?" + UNIT_RE + r" or (?:two|three)", s) or \
        re.fullmatch(_PLURAL_UNIT_RE.replace("(?:", "(", 1) + " or " + _PLURAL_UNIT_RE, s)
    if m:
        assert m.lastindex is not None  # each pattern ends in a capturing unit group
        return Normalised(DURATION, duration_value(None, m.group(m.lastindex)))
    # "a week-long strike", "a yearlong inquiry": as long as one unit; "months-long talks": units
    # of no count; "all day", "all week": the whole of one unit
    m = re.fullmatch(r"(?:an? )?(day|week|month|year|decade|century)-?long", s) or \
        re.fullmatch(r"all (day|week|month|year)(?:-? ?long)?", s)
    if m:
        return Normalised(DURATION, duration_value(1, m.group(1)))
    m = re.fullmatch(r"(days|weeks|months|years|decades|centuries)-?long", s)
    if m:
        return Normalised(DURATION, duration_value(None, m.group(1)))
    if re.fullmatch(r"the " + _PLURAL_UNIT_RE, s) and not _years_on_end(ctx):
        return None  # "counted down the seconds", "the months all blur": no span of time told
    m = re.fullmatch(r"(?:the |many |long |recent |coming |upcoming |(?:all )?(?:these|those) )?"
                     r"(seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries)", s) or \
        re.fullmatch(r"(?:the |many |several )?(hours|days|weeks|months|years|decades) (?:ahead|to come)", s)
    if m:
        return Normalised(DURATION, duration_value(None, m.group(1)))
    return None


# Units in the order a span of time is read out in them ("two years and three months",
# "2 hours, 56 minutes"): each part of a compound span is smaller than the one before.
_UNIT_ORDER = ("Y", "M", "W", "D", "H", "TM", "S")


def _order_key(unit_word: str) -> str:
    """The unit's place name in `_UNIT_ORDER` ("minutes" -> "TM", "months" -> "M")."""
    letter, is_time = parse_unit(unit_word)
    return "TM" if letter == "M" and is_time else letter


def _compound_duration(s: str) -> str | None:
    """ "2 hours, 56 minutes" -> PT2H56M, "a year and two months" -> P1Y2M, "5 hours, 16 minutes
    and 14 seconds" -> PT5H16M14S: one span read out in two or three units, the larger first;
    None if `s` is not one."""
    count = r"(\d+|" + COMPOUND_NUMBER_RE + "|" + "|".join(w for w in NUMBER_WORDS if " " not in w) + ")"
    joint = r"(?:,| ,| and|, and)? "
    m = re.fullmatch(count + " " + UNIT_RE + joint + count + " " + UNIT_RE + r"(?:" + joint + count + " "
                     + UNIT_RE + ")?", s)
    if not m:
        return None
    parts = []
    for number, unit_word in zip(m.groups()[::2], m.groups()[1::2]):
        if number is None:
            continue
        amount, (letter, is_time) = parse_count(number), parse_unit(unit_word)
        if amount is None or not float(amount).is_integer() or letter not in ("Y", "M", "W", "D", "H", "S"):
            return None
        parts.append((int(amount), letter, is_time))
    order = [_UNIT_ORDER.index("TM" if letter == "M" and is_time else letter) for _, letter, is_time in parts]
    if order != sorted(set(order)):
        return None
    if [letter for _, letter, _ in parts] == ["W", "D"]:
        return f"P{7 * parts[0][0] + parts[1][0]}D"  # ISO 8601 writes weeks alone: "a week and two days" is P9D
    date_part = "".join(f"{n}{letter}" for n, letter, is_time in parts if not is_time)
    time_part = "".join(f"{n}{letter}" for n, letter, is_time in parts if is_time)
    return "P" + date_part + (f"T{time_part}" if time_part else "")
