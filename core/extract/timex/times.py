"""Times of day (TIME): a clock time or a part of the day ("3pm on Sunday", "Sunday
night", "at noon", "overnight") on the day that the words, the sentence or the text
name; and a clock reading of hours, minutes and seconds ("3:07:35"). No spaCy."""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from core.extract.timex.lexicon import (
    DAY_PART_EDGE,
    NUMBER_WORDS,
    PART_OF_DAY_CODES,
    PARTS_OF_DAY,
    WEEKDAYS,
    ZONE_OFFSETS,
    ZONE_RE,
)
from core.extract.timex.periods import named_day
from core.extract.timex.values import DATE, DURATION, FUTURE, PAST, PRESENT, TIME, Context, Normalised, Recogniser

_CLOCK_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
# Words before a part of the day that step from the day the text is telling of.
_DAY_STEPS = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1}


# An hour said in words or digits, as a clock is read aloud ("six o'clock", "5 in the morning").
_SPOKEN_HOUR_RE = "(" + "|".join(w for w, n in NUMBER_WORDS.items() if 1 <= n <= 12 and " " not in w
                                 and w not in ("a", "an", "dozen")) + r"|\d{1,2})"
# The half of the day a spoken hour is in, as "a.m." or "p.m." says it.
_SPOKEN_HALVES = {"in the morning": "a.m.", "in the afternoon": "p.m.", "in the evening": "p.m.", "at night": "p.m."}
_SPOKEN_CLOCK_RE = re.compile(r"\b" + _SPOKEN_HOUR_RE + r"(?::(\d\d))?(?P<oclock> o'clock)?(?: (?P<half>"
                              + "|".join(_SPOKEN_HALVES) + r"))?\b")


def _spoken_clock(s: str) -> str:
    """A clock time read aloud, written as a clock: "6 o'clock in the morning" -> "6:00 a.m.",
    "five in the afternoon" -> "5:00 p.m.", "8 o'clock" -> "8:00"; other text unchanged."""
    m = _SPOKEN_CLOCK_RE.search(s)
    if m is None or not (m.group("oclock") or m.group("half")):
        return s
    hour = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
    if not 1 <= hour <= 12:
        return s
    if m.group("half") == "at night" and hour < 6:
        clock = f"{hour}:{m.group(2) or '00'} a.m."  # "at 2 at night": the small hours
    else:
        clock = f"{hour}:{m.group(2) or '00'}" + (" " + _SPOKEN_HALVES[m.group("half")] if m.group("half") else "")
    return s[:m.start()] + clock + s[m.end():]


def _split_time_of_day(s: str) -> tuple[str, str, str] | None:
    """Split "sunday night" / "3pm est on sunday" into (date words, TIMEX3 time suffix,
    the zone written after the clock or "")."""
    s = _spoken_clock(s)
    clock = (r"(?P<h12>\d{1,2})(?:[:.](?P<m12>\d{2}))? ?(?P<ampm>a\.?m\.?|p\.?m\.?)"
             r"|(?P<h24>\d{1,2})[:.](?P<m24>\d{2})"
             r"|(?P<hmil>[01]\d|2[0-3])(?P<mmil>[0-5]\d) ?(?P<milzone>" + ZONE_RE + r"|hrs|hours)")
    zone = r"(?: (?P<zone>" + ZONE_RE + r"))?"
    m = re.fullmatch(r"(?:(?P<before>.*?) ?(?:at|on|,) )?(?:" + clock + r")" + zone + r"(?:(?: on| ,|,)? (?P<after>.*))?", s)
    if m:
        hour, minute = _clock(m)
        if hour is None:
            return None
        rest = " ".join(p for p in (m.group("before"), m.group("after")) if p)
        zones = (z.removesuffix(" time") for z in (m.group("zone"), m.group("milzone")) if z)
        zone = next((z for z in zones if z in ZONE_OFFSETS), "")  # not "0600 hrs"
        return rest, f"T{hour:02d}:{minute:02d}", zone
    for word, clock_value in _CLOCK_WORDS.items():
        # "noon Moscow time", "midnight GMT", "midnight tonight" (tonight's day)
        m = re.fullmatch(r"(?:(.*?) ?(?:at|on|,)? )?" + word + r"(?: (" + ZONE_RE + r"))?(?:,? (?:on )?(.*))?", s)
        if m:
            after = "today" if m.group(3) == "tonight" else m.group(3)
            rest = " ".join(p for p in (m.group(1), after) if p)
            return rest, "T" + clock_value, (m.group(2) or "").removesuffix(" time")
    days = "|".join(["yesterday", "today", "tomorrow", *WEEKDAYS])
    m = re.fullmatch(r"(?:(?P<before>.*) )?(?:(?:early|late|the|mid) )?"
                     r"(?P<part>mid-?morning|mid-?afternoon|mid-evening|morning|afternoon|evening|night|overnight|lunchtime)"
                     r"(?: (?:of|on) (?P<after>.*)| (?P<day>" + days + r"))?", s)
    if m:
        rest = " ".join(p for p in (m.group("before"), m.group("after"), m.group("day")) if p)
        part = m.group("part")
        return rest, "T" + PARTS_OF_DAY[part if part in PARTS_OF_DAY else part.replace("mid", "mid-")], ""
    if s == "tonight":
        return "today", "TNI", ""
    return None


def _clock(m: re.Match[str]) -> tuple[int | None, int]:
    """Hour and minute of a clock match; None for impossible times ("25:00", "13pm")."""
    if m.group("ampm"):
        hour, minute = int(m.group("h12")), int(m.group("m12") or 0)
        if not 1 <= hour <= 12:
            return None, 0
        hour = hour % 12 + (12 if m.group("ampm").startswith("p") else 0)
    elif m.group("h24"):
        hour, minute = int(m.group("h24")), int(m.group("m24"))
    else:
        hour, minute = int(m.group("hmil")), int(m.group("mmil"))
    if hour > 24 or minute > 59:
        return None, 0
    return hour, minute


def read_time_of_day(s: str, ctx: Context, *, resolve: Recogniser) -> Normalised | None:
    """A day plus a part of day or clock time: TIME, value DATE + suffix; a day in
    words ("3pm on Sunday") is read by `resolve`. A zone after the clock puts its offset
    on the value ("5 p.m. EST" T17:00-05:00, "2300 GMT" T23:00Z)."""
    split = _split_time_of_day(s)
    if split is None:
        return None
    rest, suffix, zone = split
    result = _on_its_day(s, rest, suffix, ctx, resolve)
    offset = _zone_offset(zone, result.value) if result is not None and zone else ""
    if result is None or not offset:
        return result
    return Normalised(result.type, result.value + offset, result.date_start, result.date_end)


def _zone_offset(zone: str, value: str) -> str:
    """The ISO 8601 offset a zone puts after a clock time of `value` ("2022-02-15T15:29"):
    "Z" for Greenwich time, the fixed offset the zone's letters name ("EST" -05:00), or for
    a zone named by place ("Eastern time", "Kyiv time") the offset its rules give on that
    day, which needs the day; "" when the zone names none ("local time") or the day is
    not known (core/data/timex_time_zones.csv)."""
    written = ZONE_OFFSETS.get(zone, "")
    if "/" not in written:  # "Z", a fixed offset, or none
        return written if re.fullmatch(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)T\d\d:\d\d", value) else ""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)", value)
    if m is None:
        return ""
    year, month, day, hour, minute = (int(g) for g in m.groups())
    moment = datetime(year, month, day, min(hour, 23), minute, tzinfo=ZoneInfo(written))  # ZoneInfo keeps one instance a key
    shift = moment.utcoffset() or timedelta(0)
    minutes = int(shift.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _on_its_day(s: str, rest: str, suffix: str, ctx: Context, resolve: Recogniser) -> Normalised | None:
    """`read_time_of_day` before the zone: the clock or part of the day (`suffix`) on the day
    `rest` names, else the day the text or the sentence is telling of."""
    if s == "overnight" and ctx.dct is not None:
        # the night that ran into the day its sentence tells of (the day named earlier in
        # it, else the document date: a news report's "overnight" is the night before it
        # was filed, whatever day an earlier sentence named); ahead of a future verb, that
        # day's own coming night
        day = named_day(ctx.sentence_value) or ctx.dct
        day = day if ctx.tense == FUTURE else day - timedelta(days=1)
        return Normalised(TIME, day.isoformat() + suffix, day, day)
    rest = DAY_PART_EDGE.sub("", rest)
    if rest in _DAY_STEPS:
        # "the following morning", "the previous night": that part of the day after or before
        # the day the text is telling of (the last day named, else the document date)
        told = ctx.anchor or ctx.dct
        if told is None:
            return Normalised(TIME, "XXXX-XX-XX" + suffix)
        day = told + timedelta(days=_DAY_STEPS[rest])
    elif rest in ("", "this", "the", "that", "the same", "that same", "today", "early", "late", "mid", "in the"):
        if ctx.dct is None or (s == "night" and ctx.prev_word == "at" and ctx.tense == PRESENT):
            # "the temperature drops below freezing at night": a simple present tells of any
            # night, not the document's
            return Normalised(TIME, "XXXX-XX-XX" + suffix)
        # "that night", "in the morning" after "Friday": the part of the day the text is
        # telling of; "this morning", "tonight" are the document date's
        day = ctx.anchor if rest in ("the", "that", "the same", "that same", "in the") and ctx.anchor else ctx.dct
        anaphoric = rest in ("the", "that", "the same", "that same", "in the")
        if ctx.tense == PAST and (day > ctx.dct or anaphoric and day == ctx.dct and suffix == "TNI"):
            # "Temperatures passed 35 C in the afternoon" after "the race ends on July 29": what
            # is told in the past is not on a day still ahead; the report's own afternoon, and for
            # the night the one before the report (as "overnight": the report's own night is
            # still to come, so "continued through the night" told of it is the one before; not
            # "tonight", which a broadcast tells of as it falls)
            day = ctx.dct - timedelta(days=1) if suffix == "TNI" else ctx.dct
        if rest == "" and re.fullmatch(r"T\d\d:\d\d", suffix) and (named := named_day(ctx.sentence_value)):
            day = named  # "on Saturday before resting at noon": a clock time on the day its sentence named
    elif rest == "last" and suffix in ("TNI", "TEV"):  # "last night", "last evening": the day before's
        if ctx.dct is None:
            return Normalised(TIME, "XXXX-XX-XX" + suffix)
        day = ctx.dct - timedelta(days=1)
    else:
        base = resolve(rest, ctx)
        if base is not None and base.type == TIME and (m := re.fullmatch(r"(\d{4}-\d\d-\d\d)T(" + PART_OF_DAY_CODES + ")", base.value)):
            # "9:30 this morning", "11:15 last night": the clock time on the day the part of it names
            return Normalised(TIME, m.group(1) + _in_part_of_day(s, suffix, m.group(2)),
                              base.date_start, base.date_end)
        if base is None or base.type != DATE:
            return None
        if not re.fullmatch(r"(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)|XXXX-WXX-\d", base.value):
            return None
        return Normalised(TIME, base.value + suffix, base.date_start, base.date_end)
    return Normalised(TIME, day.isoformat() + suffix, day, day)


# Hours of a clock written without a.m. or p.m. that a part of the day puts in the afternoon
# or evening ("6:45 this evening" is 18:45, "11:15 last night" 23:15; "2:30 last night" is 02:30).
_AFTER_NOON_HOURS = {"AF": range(1, 7), "EV": range(4, 12), "NI": range(7, 12)}


def _in_part_of_day(s: str, suffix: str, part: str) -> str:
    """The clock suffix ("T11:15") read in that part of the day: twelve hours on for an
    hour the part puts after noon, unless a.m. or p.m. says which."""
    hour = int(suffix[1:3])
    if re.search(r"\d ?[ap]\.?m\b", s) or hour not in _AFTER_NOON_HOURS.get(part, ()):
        return suffix
    return f"T{hour + 12:02d}{suffix[3:]}"


# Words after "1:50" that make it a gap between racers ("1:50 behind"), minutes and seconds.
_GAP_WORDS = frozenset({"behind", "ahead", "adrift", "back", "clear"})


def read_clock_duration(s: str, ctx: Context) -> Normalised | None:
    """"3:07:35" (a race run in three hours, seven minutes and 35 seconds): a
    duration; after "at" ("at 14:30:00") the clock time of the day; "1:50 behind",
    a gap in a race, is minutes and seconds."""
    gap = re.fullmatch(r"(\d{1,2}):([0-5]\d)", s)
    if gap and ctx.next_word in _GAP_WORDS:
        # "is sixth, 1:50 behind": a gap in a race, minutes and seconds, not a clock time
        minutes, seconds = int(gap.group(1)), int(gap.group(2))
        return Normalised(DURATION, "PT" + "".join(f"{n}{unit}" for n, unit in ((minutes, "M"), (seconds, "S")) if n))
    m = re.fullmatch(r"(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.\d+)?", s)
    if not m:
        return None
    hours, minutes, seconds = (int(g) for g in m.groups())
    if ctx.prev_word == "at":
        if hours > 23:
            return None
        suffix = f"T{hours:02d}:{minutes:02d}:{seconds:02d}"
        return Normalised(TIME, ctx.dct.isoformat() + suffix, ctx.dct, ctx.dct) if ctx.dct else \
            Normalised(TIME, "XXXX-XX-XX" + suffix)
    parts = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    return Normalised(DURATION, "PT" + (parts or "0S"))
