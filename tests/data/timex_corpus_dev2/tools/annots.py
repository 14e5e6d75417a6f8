# Hand-written annotations: (context with [[extent]], type, value, extras)
# extras: mod / quant / freq; "tf": temporalFunction override.
ABS = {"tf": False}

def d(ctx, val, **kw):
    return (ctx, "DATE", val, kw)
def t(ctx, val, **kw):
    return (ctx, "TIME", val, kw)
def dur(ctx, val, **kw):
    return (ctx, "DURATION", val, kw)

def md(month, day, year):
    """A month-day heading like 'November 10' typed by hand (year resolved by hand)."""
    mnum = {"November": 11, "December": 12, "January": 1}[month]
    return (f"[[{month} {day}]]", "DATE", f"{year}-{mnum:02d}-{int(day):02d}", {})

def dayonly(prefix, day, month_num, year):
    """Second half of a range such as 'December 15-16': the bare '16'."""
    return (f"{prefix}-[[{day}]]", "DATE", f"{year}-{month_num:02d}-{int(day):02d}", {})

DOCS = {}

DOCS["2021-11-04_ua_ihor-zhovkva-in-bucharest-discussed-ukraine-s-euro-atlantic"] = [
    d("on [[November 3]]-4", "2021-11-03"),
    d("November 3-[[4]],", "2021-11-04"),
]

# ---------------------------------------------------------------- fact sheet, DCT Mon 2022-01-10
N, D, J = "November", "December", "January"
fs = [
    d("Tony Blinken, [[January 7, 2022]]", "2022-01-07", **ABS),
    d("approached [[this week]]’s", "2022-W02"),
    dur("In [[recent weeks]], President Biden", "PXW"),
    dur("partners in [[recent weeks]] include", "PXW"),
    dur("In [[the last few weeks]], President", "PXW"),
    d("The Administration welcomed the [[[December 2021]] European", "2021-12", **ABS),
    d("Our [[recently]] confirmed", "PAST_REF"),
    # Engagements with Ukraine
    md(N, 10, 2021), md(N, 10, 2021), md(N, 18, 2021), md(N, 19, 2021), md(N, 22, 2021),
    md(N, 26, 2021), md(D, 2, 2021), md(D, 2, 2021), md(D, 6, 2021), md(D, 9, 2021),
    md(D, 11, 2021), md(D, 13, 2021), md(D, 17, 2021), md(D, 23, 2021), md(D, 30, 2021),
    md(D, 29, 2021), md(J, 2, 2022), md(J, 5, 2022), md(J, 7, 2022), md(J, 10, 2022),
    # NATO
    md(N, 16, 2021), md(N, 17, 2021), md(N, 30, 2021), md(D, 1, 2021), md(N, 30, 2021),
    md(D, 6, 2021), md(D, 8, 2021), md(D, 16, 2021), md(D, 15, 2021), dayonly("15", 16, 12, 2021),
    md(D, 23, 2021), md(D, 31, 2021), md(J, 6, 2022), md(J, 7, 2022),
    # EU
    md(N, 10, 2021), md(N, 17, 2021), md(D, 1, 2021), md(D, 2, 2021), md(D, 8, 2021),
    md(D, 15, 2021), dayonly("15", 16, 12, 2021), md(D, 22, 2021), md(J, 6, 2022), md(J, 8, 2022),
    # OSCE
    md(D, 2, 2021), md(D, 30, 2021), md(J, 7, 2022),
    # B9
    md(N, 24, 2021), md(N, 25, 2021), md(N, 30, 2021), md(N, 30, 2021), md(N, 30, 2021),
    md(D, 8, 2021), md(D, 9, 2021), md(D, 13, 2021), md(D, 16, 2021), md(D, 17, 2021),
    md(D, 21, 2021), md(D, 27, 2021), md(D, 28, 2021), md(J, 3, 2022), md(J, 7, 2022),
    # Transatlantic
    md(N, 9, 2021), dayonly("9", 13, 11, 2021), md(N, 29, 2021), md(N, 30, 2021), md(D, 1, 2021),
    md(D, 6, 2021), md(D, 6, 2021), md(D, 7, 2021), md(D, 7, 2021), md(D, 8, 2021),
    md(D, 9, 2021), md(D, 10, 2021), md(D, 11, 2021), md(D, 11, 2021), md(D, 11, 2021),
    md(D, 13, 2021), md(D, 14, 2021), md(D, 15, 2021), md(D, 17, 2021), md(D, 20, 2021),
    md(D, 22, 2021), md(D, 23, 2021), md(D, 23, 2021), md(D, 29, 2021), md(D, 30, 2021),
    md(D, 31, 2021), md(D, 31, 2021), md(J, 3, 2022), md(J, 4, 2022), md(J, 5, 2022),
    md(J, 5, 2022), md(J, 5, 2022), md(J, 6, 2022), md(J, 7, 2022),
    # NATO partners
    md(D, 1, 2021), dayonly("1", 2, 12, 2021), md(D, 9, 2021), md(D, 13, 2021), md(D, 15, 2021),
    md(J, 4, 2022), md(J, 5, 2022), md(J, 7, 2022),
    # Upcoming
    md(J, 10, 2022), md(J, 11, 2022), md(J, 11, 2022), md(J, 11, 2022), md(J, 11, 2022),
    md(J, 12, 2022), md(J, 13, 2022),
]
DOCS["2022-01-10_us_fact-sheet-u-s-diplomatic-engagement-with-european-allies-an"] = fs

# ---------------------------------------------------------------- Lublin Triangle, DCT Mon 2021-12-20
DOCS["2021-12-20_ua_ukraine-lithuania-poland-have-common-approaches-to-key-chall"] = [
    d("signed following [[today]]'s summit", "2021-12-20"),
    d("said that [[today]], there is an active", "PRESENT_REF"),
    d("[[Today]], we have coordinated steps", "2021-12-20"),
    d("integration for [[the next year]], 2022", "2022"),
    d("the next year, [[2022]],", "2022", **ABS),
    d("\"[[Today]], Ukraine, Poland and Lithuania", "PRESENT_REF"),
    d("how much unity is needed [[today]].", "PRESENT_REF"),
    d("for the three countries [[today]] is the migration", "PRESENT_REF"),
    d("unacceptable in [[the XXI century]] in Europe", "20", **ABS),
    d("Duda for [[today]]'s meeting", "2021-12-20"),
]

# ---------------------------------------------------------------- Zelenskyy address, DCT Fri 2022-02-25
DOCS["2022-02-25_ua_address-by-the-president-on-the-second-morning-of-the-large"] = [
    t("[[The second morning]] of a large-scale war", "2022-02-25TMO"),
    t("At [[4 am]], Russian forces", "2022-02-25T04:00"),
    d("Just as [[yesterday]], the military", "2022-02-24"),
    d("And [[today]] - even more than yesterday", "2022-02-25"),
    d("even more than [[yesterday]].", "2022-02-24"),
    d("invasion on [[the first day]].", "2022-02-24"),
    t("explosions in the [[morning]] sky", "2022-02-25TMO"),
    d("took place in [[1941]].", "1941", **ABS),
    t("[[This morning]] we are defending", "2022-02-25TMO"),
    d("as we did [[yesterday]].", "2022-02-24"),
    d("Did [[yesterday]]'s sanctions", "2022-02-24"),
    d("very important that [[today]] our citizens", "2022-02-25"),
    d("talk to us [[sooner or later]].", "FUTURE_REF"),
    t("As I said, [[tonight]] they started bombing", "2022-02-24TNI"),
    d("reminds me of [[1941]].", "1941", **ABS),
]

# ---------------------------------------------------------------- Kremlin readout, DCT Tue 2021-12-07
DOCS["2021-12-07_ru_meeting-with-us-president-joseph-biden"] = [
    d("outcomes of the [[June 2021]] Russian-American", "2021-06", **ABS),
    d("working together in [[today]]'s reality", "PRESENT_REF"),
    d("implementing the [[2015]] Minsk agreements", "2015", **ABS),
    d("which resumed in [[late November]] in Vienna", "2021-11", mod="END"),
    d("as far back as [[five years ago]], when", "2016"),
]

# ---------------------------------------------------------------- Harris in Munich, DCT Fri 2022-02-18
DOCS["2022-02-18_us_remarks-by-vice-president-harris-president-levits-of-latvia"] = [
    t("[[2:55 P.M. CEST]]", "2022-02-18T14:55+02:00"),
    dur("certainly, [[the last several months]] have been", "PXM"),
    d("being given [[today]] and the last couple", "PRESENT_REF"),
    dur("today and [[the last couple of months]] to the issue", "P2M"),
    d("[[Today]], we will discuss", "2022-02-18"),
    d("on Russia at [[this point]] to demonstrate", "PRESENT_REF"),
    d("the threats at [[this moment]], historically", "PRESENT_REF"),
    d("And [[now]] we are challenged by the events", "PRESENT_REF"),
    d("So [[today]], the ghost of war", "PRESENT_REF"),
    d("we have these troops [[now]] on a rotational", "PRESENT_REF"),
    t("END                 [[3:08 P.M. CEST]]", "2022-02-18T15:08+02:00"),
]

# ---------------------------------------------------------------- press call, DCT Thu 2021-12-30
DOCS["2021-12-30_us_background-press-call-by-a-senior-administration-official-on"] = [
    t("[[5:41 P.M. EST]]", "2021-12-30T17:41-05:00"),
    d("readout of the call out [[shortly]],", "FUTURE_REF"),
    d("But for [[now]], we’ll go ahead", "PRESENT_REF"),
    d("Our speaker [[today]] is going to be", "2021-12-30"),
    d("not [[next week]] but the week after", "2022-W01"),
    d("not next week but [[the week after]], is appropriate", "2022-W02"),
    d("as we’ve laid out [[previously]].", "PAST_REF"),
    d("starting on [[the 9th]] and 10th", "2022-01-09"),
    d("the 9th and [[10th]] in Geneva", "2022-01-10"),
    d("Council conversation on [[the 12th]], and", "2022-01-12"),
    d("OSCE meeting on [[the 13th]].", "2022-01-13"),
    dur("Over [[the next week]] to 10 days", "P1W"),
    dur("the next week to [[10 days]], in advance", "P10D"),
    dur("In [[recent weeks]], we’ve been engaged", "PXW"),
    d("ministerial meetings [[earlier this month]].", "2021-12"),
    dur("European counterparts in [[recent weeks]].", "PXW"),
    d("over the course of [[next week]] — again", "2022-W01"),
    d("that’ll begin on [[January 9th]].", "2022-01-09"),
    d("a series of, kind of, [[end-of-the-year]] calls", "2021", mod="END"),
    dur("over the course [[the next week]] or 10 days", "P1W"),
    dur("the next week or [[10 days]].", "P10D"),
    d("with the President [[today]] in Delaware", "2021-12-30"),
    dur("preparing for [[the last few days]] with members", "PXD"),
    dur("conciliatory in [[the last few days]], that maybe", "PXD"),
    d("not on words, at [[this point]].", "PRESENT_REF"),
    t("[[5:53 P.M. EST]]", "2021-12-30T17:53-05:00"),
]

# ---------------------------------------------------------------- Putin Q&A, DCT Tue 2022-02-22
DOCS["2022-02-22_ru_vladimir-putin-answered-media-questions"] = [
    d("decisions and statements [[yesterday]] have", "2022-02-21"),
    d("with the Minsk agreements [[now]]?", "PRESENT_REF"),
    dur("implementation for [[seven years]] now.", "P7Y"),
    d("What will happen with them [[now]]?", "PRESENT_REF"),
    dur("It is not seven but [[almost eight full years]] that", "P8Y", mod="LESS_THAN"),
    d("As it was said [[yesterday]] during", "2022-02-21"),
    dur("over [[all these years]], the efforts", "PXY"),
    d("long before [[yesterday]]'s recognition", "2022-02-21"),
    d("In fact, [[yesterday]]'s event", "2022-02-21"),
    d("Unfortunately, at [[this point in time]], we realise", "PRESENT_REF"),
    d("turn out in [[the future]].", "FUTURE_REF"),
    d("We signed treaties [[yesterday]], and", "2022-02-21"),
    d("After what happened [[yesterday]] and today", "2022-02-21"),
    d("happened yesterday and [[today]], do you see", "2022-02-22"),
    dur("meetings for [[many hours]].", "PXH"),
    d("demilitarisation, to a certain extent, of [[today]]'s Ukraine", "PRESENT_REF"),
    d("particularly [[now]], after Ukraine", "PRESENT_REF"),
    d("Mr President, [[yesterday]], in your address", "2022-02-21"),
    d("I already said in [[yesterday]]'s address", "2022-02-21"),
    d("possible in [[today]]'s world", "PRESENT_REF"),
]
