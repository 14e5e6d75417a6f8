"""Days named by words of the calendar week: "yesterday", "tomorrow", weekdays
("last Friday", "the following Monday"), "midweek", the weekend, the day an
ongoing event has reached ("the eighth day of the strike"), and a day of the month
said alone ("on the 12th"). No spaCy."""
from __future__ import annotations

import re
from datetime import date, timedelta

from core.extract.timex.lexicon import (
    BARE_DAY_FOLLOWERS,
    DAY_PART_EDGE,
    LIMIT_PREPOSITIONS,
    ORDINALS,
    POSSESSIVE_DETERMINERS,
    WEEKDAY_ABBR,
    WEEKDAYS,
)
from core.extract.timex.periods import iso_week, named_day, the_day
from core.extract.timex.values import DATE, FUTURE, NO_TENSE, PAST, PRESENT, UNRESOLVED_DATE, Context, Normalised

# Days back a weekday said with no tense may lie: at six it is read as the day after dct.
_NO_TENSE_FARTHEST_BACK = 6


def _weekday_date(dct: date, weekday: int, *, tense: str, modifier: str = "") -> date:
    """The date a weekday name points to from dct.

    "last Friday" is strictly before, "next Friday" strictly after; a bare
    weekday looks back from a past-tense verb (or no verb: news reports the
    past) and forward from a present or future one; the dct's own weekday is
    the dct itself in both directions. With no verb to tell, the weekday that
    was six days before dct is read as the day after it: a report names the
    coming day by its weekday far more often than one nearly a week gone
    ("ahead of Tuesday's final session", "church services Sunday morning", said
    on a Monday and a Saturday); a past verb keeps it behind.
    """
    back = (dct.weekday() - weekday) % 7
    ahead = (weekday - dct.weekday()) % 7
    if modifier == "last":
        return dct - timedelta(days=back or 7)
    if modifier == "next":
        return dct + timedelta(days=ahead or 7)
    if tense == PAST or (tense == NO_TENSE and back < _NO_TENSE_FARTHEST_BACK):
        return dct - timedelta(days=back)
    return dct + timedelta(days=ahead)


# Words before "the day" that make it the day the text tells of ("throughout the day").
_DAY_TOLD_OF_LEADS = frozenset({"throughout", "of"})


def read_deictic(s: str, ctx: Context) -> Normalised | None:
    """"yesterday", "the day after tomorrow"; "late yesterday" is still that day (mod END)."""
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
               "the day after tomorrow": 2, "this day": 0}
    s = DAY_PART_EDGE.sub("", s)
    if s == "day one":
        return Normalised(DATE, UNRESOLVED_DATE)  # "from day one": the first day of something, a date
    if s == "the day" and ctx.prev_word in _DAY_TOLD_OF_LEADS:
        # "her first meeting of the day", "talks throughout the day": the day told of, that of the
        # sentence if it named one, else the report's
        if (told := named_day(ctx.sentence_value)) is not None:
            return the_day(told)
        s = "today"
    if s not in offsets:
        return None
    if s == "this day" and ctx.prev_word == "to":
        return Normalised(DATE, "PRESENT_REF")  # "to this day the two peoples are close": still, now
    if ctx.dct is None:
        return Normalised(DATE, UNRESOLVED_DATE)
    return the_day(ctx.dct + timedelta(days=offsets[s]))


# Prepositions that set an ordinal day apart as a point described ("on the second
# day", "by the tenth day"), not as what today is ("is the second day", "in its tenth day").
_POINT_PREPOSITIONS = frozenset({"on", "by", "until", "till", "after", "before", "since", "from", "for", "of"})


def read_ordinal_day(s: str, ctx: Context) -> Normalised | None:
    """"(today) is the eighth day of the strike", "the siege is in its tenth day": told
    in the present tense, the day an ongoing event has reached is the document date."""
    ordinals = "|".join(w for w in ORDINALS if w not in ("last", "final"))
    if not re.fullmatch(r"(?:(?:the|" + "|".join(POSSESSIVE_DETERMINERS) + r") )?(?:" + ordinals + r"|\d{1,3}(?:st|nd|rd|th)) "
                        r"(?:straight |consecutive |successive )?day", s):
        return None
    if ctx.dct is None or ctx.tense != PRESENT or ctx.prev_word in _POINT_PREPOSITIONS:
        return Normalised(DATE, UNRESOLVED_DATE)
    return the_day(ctx.dct)


_BARE_DAY_FOLLOWERS = frozenset(BARE_DAY_FOLLOWERS) | {""}  # or the end of the text


def read_day_of_month(s: str, ctx: Context) -> Normalised | None:
    """"a meeting on the 12th": a day of the month said without its month, as speakers do
    once the month is plain. Only after "on" and before a word that leaves it no floor or
    anniversary (core/data/timex_bare_day_followers.txt: "on the 12th floor", "on the 5th
    anniversary" are not days). Its month is the one of a day the sentence has already named;
    else, from the document date, the last such day behind it after a past verb, the next one
    ahead after a present or future verb, and otherwise the nearer of the two."""
    m = re.fullmatch(r"the ([1-9]|[12]\d|3[01])(?:st|nd|rd|th)", s)
    if m is None:
        return None
    day = int(m.group(1))
    probe = ctx.dct is None and not ctx.prev_word and not ctx.next_word  # the tagger's context-free look
    if not probe and (ctx.prev_word != "on" or ctx.next_word not in _BARE_DAY_FOLLOWERS):
        return None
    if ctx.dct is None:
        return Normalised(DATE, f"XXXX-XX-{day:02d}")
    told = re.match(r"(\d{4})-(\d\d)(?:-\d\d)?(?:T|$)", ctx.sentence_value)
    if told:
        try:
            return the_day(date(int(told.group(1)), int(told.group(2)), day))
        except ValueError:
            return Normalised(DATE, UNRESOLVED_DATE)
    behind, ahead = _month_day_around(ctx.dct, day)
    if ctx.tense == PAST or ahead is None:
        chosen = behind
    elif ctx.tense in (PRESENT, FUTURE) or behind is None:
        chosen = ahead
    else:
        chosen = behind if (ctx.dct - behind) <= (ahead - ctx.dct) else ahead
    return the_day(chosen) if chosen is not None else Normalised(DATE, UNRESOLVED_DATE)


def _month_day_around(dct: date, day: int) -> tuple[date | None, date | None]:
    """The last date on or before dct whose day of the month is `day`, and the first on or after
    it (a month without that day is skipped; None past a month or two)."""
    return _month_day_from(dct, day, -1), _month_day_from(dct, day, 1)


def _month_day_from(dct: date, day: int, step: int) -> date | None:
    """The nearest date to dct, going `step` months at a time (-1 back, 1 on), whose day of the
    month is `day`, counting dct itself; None if three months hold none."""
    for months in range(3):
        year, month = divmod(dct.year * 12 + dct.month - 1 + step * months, 12)
        try:
            candidate = date(year, month + 1, day)
        except ValueError:
            continue  # "the 31st" in a month of 30 days
        if (candidate - dct).days * step >= 0:
            return candidate
    return None


def read_weekend(s: str, ctx: Context) -> Normalised | None:
    m = re.fullmatch(r"(?:(?:the|this|last|next|that|past|coming|long|bank holiday) )*weekend", s)
    if not m:
        return None
    if ctx.dct is None:
        return Normalised(DATE, "XXXX-WXX-WE")
    dct, words = ctx.dct, s.split()
    on_weekend = dct.weekday() >= 5
    this_saturday = dct - timedelta(days=dct.weekday() - 5) if on_weekend else None
    if "last" in words or "past" in words:
        saturday = this_saturday - timedelta(days=7) if this_saturday else dct - timedelta(days=dct.weekday() + 2)
    elif "next" in words:
        saturday = this_saturday + timedelta(days=7) if this_saturday else dct + timedelta(days=5 - dct.weekday())
    elif this_saturday:
        saturday = this_saturday
    elif ctx.prev_word in LIMIT_PREPOSITIONS and ctx.tense in (PAST, NO_TENSE) and not {"this", "coming"} & set(words):
        # "were told to boil water through the weekend": a past verb does not reach the far end
        # of what it extends; the nearest weekend, the coming one from Thursday on
        saturday = dct + timedelta(days=5 - dct.weekday()) if dct.weekday() >= 3 else dct - timedelta(days=dct.weekday() + 2)
    elif ctx.tense in (PAST, NO_TENSE) and "coming" not in words and not ("this" in words and dct.weekday() >= 2):
        # "over the weekend", "this weekend" said early in the week: the one just gone; from
        # Wednesday on, "this weekend" is the one ahead ("called for a rally this weekend")
        saturday = dct - timedelta(days=dct.weekday() + 2)
    else:
        saturday = dct + timedelta(days=5 - dct.weekday())
    return Normalised(DATE, iso_week(saturday)[0] + "-WE", saturday, saturday + timedelta(days=1))


def read_midweek(s: str, ctx: Context) -> Normalised | None:
    """"midweek": the Wednesday behind a past-tense verb, else the one ahead."""
    if s not in ("midweek", "mid-week", "mid week", "mid - week"):
        return None
    if ctx.dct is None:
        return Normalised(DATE, "XXXX-WXX-3")
    return the_day(_weekday_date(ctx.dct, 2, tense=ctx.tense if ctx.tense != NO_TENSE else PRESENT))


def read_anaphoric_weekday(s: str, ctx: Context) -> Normalised | None:
    """"the previous Friday", "the following Monday": the weekday before or after the
    day the text is telling of (the last day named, else the document date), never that day."""
    m = re.fullmatch(r"the (previous|preceding|prior|following) (" + "|".join(WEEKDAYS) + r")", s)
    if not m:
        return None
    weekday = WEEKDAYS[m.group(2)]
    base = ctx.anchor or ctx.dct
    if base is None:
        return Normalised(DATE, f"XXXX-WXX-{weekday + 1}")
    return the_day(_weekday_date(base, weekday, tense=NO_TENSE,
                              modifier="next" if m.group(1) == "following" else "last"))


def read_weekday(s: str, ctx: Context) -> Normalised | None:
    names = "|".join(list(WEEKDAYS) + list(WEEKDAY_ABBR))
    s = re.sub(r"^this (?=(?:coming|past) )", "", s)  # "this coming Sunday", "this past Sunday"
    m = re.fullmatch(r"(?:(last|this|next|coming|past|early|late|earlier|later|on) )?(" + names + r")\.?", s)
    if not m:
        return None
    weekday = WEEKDAYS[m.group(2)] if m.group(2) in WEEKDAYS else WEEKDAY_ABBR[m.group(2)]
    if ctx.dct is None:
        return Normalised(DATE, f"XXXX-WXX-{weekday + 1}")
    modifier = {"last": "last", "past": "last", "next": "next"}.get(m.group(1) or "", "")
    tense = PRESENT if m.group(1) == "coming" else ctx.tense
    return the_day(_weekday_date(ctx.dct, weekday, tense=tense, modifier=modifier))
