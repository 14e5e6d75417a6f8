#!/usr/bin/env python3
"""Insert hand-chosen TIMEX3 annotations into the source texts.

Each annotation is (line_no, phrase, occurrence, type, value, extra_attrs).
line_no is 1-based (as printed by `cat -n`); occurrence counts word-bounded,
case-sensitive matches of `phrase` in that line. Values and extents were all
chosen by hand; this script only locates the phrase and writes the XML.
"""
import re, html, pathlib, sys

SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_test4")

PR, PA, FR = "PRESENT_REF", "PAST_REF", "FUTURE_REF"

# ---------------------------------------------------------------- doc 1
D1 = "2022-01-21_us_press-briefing-by-press-secretary-jen-psaki-january-21-2022"
T = "2022-01-21"
A1 = [
    (2, "12:23 P.M. EST", 1, "TIME", "2022-01-21T12:23-05:00", {}),
    (4, "today", 1, "DATE", T, {}),
    (5, "three decades", 1, "DURATION", "P30Y", {}),
    (6, "today", 1, "DATE", T, {}),
    (9, "Today", 1, "DATE", T, {}),
    (9, "Earlier this year", 1, "DATE", "2022", {}),
    (10, "today", 1, "DATE", T, {}),
    (11, "Tomorrow", 1, "DATE", "2022-01-22", {}),
    (11, "recent months", 1, "DURATION", "PXM", {}),
    (11, "nearly 150 days", 1, "DURATION", "P150D", {"mod": "LESS_THAN"}),
    (13, "Today", 1, "DATE", T, {}),
    (13, "later today", 1, "DATE", T, {}),
    (15, "today", 1, "DATE", T, {}),
    (17, "next week", 1, "DATE", "2022-W04", {}),
    (20, "every day", 1, "SET", "P1D", {"quant": "EVERY"}),
    (20, "tomorrow", 1, "DATE", "2022-01-22", {}),
    (20, "the weekend", 1, "DATE", "2022-W03-WE", {}),
    (21, "today", 1, "DATE", T, {}),
    (23, "the next couple of days", 1, "DURATION", "P2D", {}),
    (24, "today", 1, "DATE", T, {}),
    (25, "this point in time", 1, "DATE", PR, {}),
    (29, "2020", 1, "DATE", "2020", {}),
    (29, "this year", 1, "DATE", "2022", {}),
    (31, "right now", 1, "DATE", PR, {}),
    (32, "years", 1, "DURATION", "PXY", {}),
    (33, "multi-year", 1, "DURATION", "PXY", {}),
    (34, "December", 1, "DATE", "2021-12", {}),
    (35, "now", 1, "DATE", PR, {}),
    (36, "this moment", 1, "DATE", PR, {}),
    (39, "today", 1, "DATE", T, {}),
    (42, "today", 1, "DATE", T, {}),
    (43, "this weekend", 1, "DATE", "2022-W03-WE", {}),
    (43, "next week", 1, "DATE", "2022-W04", {}),
    (52, "the past", 1, "DATE", PA, {}),
    (61, "the other night", 1, "TIME", "2022-01-19TNI", {}),
    (61, "the next couple of months", 1, "DURATION", "P2M", {}),
    (61, "hours and hours", 1, "DURATION", "PXH", {}),
    (68, "this morning", 1, "TIME", "2022-01-21TMO", {}),
    (71, "right now", 1, "DATE", PR, {}),
    (74, "yesterday", 1, "DATE", "2022-01-20", {}),
    (75, "a couple of days ago", 1, "DATE", "2022-01-19", {}),
    (76, "the last year", 1, "DURATION", "P1Y", {}),
    (76, "the last year", 2, "DURATION", "P1Y", {}),
    (76, "2014", 1, "DATE", "2014", {}),
    (76, "today", 1, "DATE", T, {}),
    (79, "recently", 1, "DATE", PA, {}),
    (81, "yesterday", 1, "DATE", "2022-01-20", {}),
    (88, "Yesterday", 1, "DATE", "2022-01-20", {}),
    (93, "yesterday", 1, "DATE", "2022-01-20", {}),
    (93, "later this afternoon", 1, "TIME", "2022-01-21TAF", {}),
    (101, "decades", 1, "DURATION", "PXY", {}),
    (102, "yesterday", 1, "DATE", "2022-01-20", {}),
    (102, "now", 1, "DATE", PR, {}),
    (103, "this point in time", 1, "DATE", PR, {}),
    (104, "yesterday", 1, "DATE", "2022-01-20", {}),
    (114, "the other night", 1, "TIME", "2022-01-19TNI", {}),
    (126, "the weekend", 1, "DATE", "2022-W02-WE", {}),
    (131, "yesterday", 1, "DATE", "2022-01-20", {}),
    (131, "right now", 1, "DATE", PR, {}),
    (139, "yesterday", 1, "DATE", "2022-01-20", {}),
    (142, "yesterday", 1, "DATE", "2022-01-20", {}),
    (148, "Wednesday", 1, "DATE", "2022-01-19", {}),
    (148, "now", 1, "DATE", PR, {}),
    (148, "the last couple of weeks", 1, "DURATION", "P2W", {}),
    (152, "currently", 1, "DATE", PR, {}),
    (152, "today", 1, "DATE", T, {}),
    (153, "the other night", 1, "TIME", "2022-01-19TNI", {}),
    (153, "right now", 1, "DATE", PR, {}),
    (157, "right now", 1, "DATE", PR, {}),
    (166, "four days", 1, "DURATION", "P4D", {}),
    (166, "next week", 1, "DATE", "2022-W04", {}),
    (167, "very soon", 1, "DATE", FR, {}),
    (167, "next week", 1, "DATE", "2022-W04", {}),
    (179, "right now", 1, "DATE", PR, {}),
    (179, "the moment", 1, "DATE", PR, {}),
    (179, "now", 2, "DATE", PR, {}),
    (189, "today", 1, "DATE", T, {}),
    (195, "2025", 1, "DATE", "2025", {}),
    (196, "the future", 1, "DATE", FR, {}),
    (196, "now", 1, "DATE", PR, {}),
    (199, "soon", 1, "DATE", FR, {}),
    (204, "12:43 P.M. EST", 1, "TIME", "2022-01-21T12:43-05:00", {}),
]

# ---------------------------------------------------------------- doc 2
D2 = "2022-03-10_us_remarks-by-vice-president-harris-and-president-andrzej-duda"
T = "2022-03-10"
Y = "2022-03-09"
A2 = [
    (2, "12:57 P.M. CEST", 1, "TIME", "2022-03-10T12:57+02:00", {}),
    (3, "right now", 1, "DATE", PR, {}),
    (4, "the 21st century", 1, "DATE", "20", {}),
    (8, "today", 1, "DATE", T, {}),
    (9, "a couple of minutes ago", 1, "TIME", "2022-03-10T12:55", {}),
    (16, "today", 1, "DATE", T, {}),
    (16, "today", 2, "DATE", T, {}),
    (16, "a number of days", 1, "DURATION", "PXD", {}),
    (16, "right now", 1, "DATE", PR, {}),
    (20, "right now", 1, "DATE", PR, {}),
    (22, "today", 1, "DATE", T, {}),
    (23, "today", 1, "DATE", T, {}),
    (24, "today", 1, "DATE", T, {}),
    (27, "recently", 1, "DATE", PA, {}),
    (29, "every day", 1, "SET", "P1D", {"quant": "EVERY"}),
    (33, "today", 1, "DATE", T, {}),
    (35, "every day", 1, "SET", "P1D", {"quant": "EVERY"}),
    (36, "today", 1, "DATE", T, {}),
    (37, "this very moment", 1, "DATE", PR, {}),
    (37, "this very moment", 2, "DATE", PR, {}),
    (38, "weeks", 1, "DURATION", "PXW", {}),
    (38, "the last 24 hours", 1, "DURATION", "PT24H", {}),
    (39, "this very moment", 1, "DATE", PR, {}),
    (40, "Today", 1, "DATE", T, {}),
    (41, "today", 1, "DATE", T, {}),
    (42, "today", 1, "DATE", T, {}),
    (43, "recently", 1, "DATE", PA, {}),
    (43, "the years", 1, "DURATION", "PXY", {}),
    (44, "this week", 1, "DATE", "2022-W10", {}),
    (44, "today", 1, "DATE", T, {}),
    (44, "this moment in time", 1, "DATE", PR, {}),
    (46, "today", 1, "DATE", T, {}),
    (48, "now", 1, "DATE", PR, {}),
    (48, "this moment in time", 1, "DATE", PR, {}),
    (49, "today", 1, "DATE", T, {}),
    (50, "now", 1, "DATE", PR, {}),
    (50, "now", 2, "DATE", PR, {}),
    (53, "every day", 1, "SET", "P1D", {"quant": "EVERY"}),
    (53, "these last weeks", 1, "DURATION", "PXW", {}),
    (55, "now", 1, "DATE", PR, {}),
    (57, "2015", 1, "DATE", "2015", {}),
    (57, "2008", 1, "DATE", "2008", {}),
    (57, "2008", 2, "DATE", "2008", {}),
    (57, "2014", 1, "DATE", "2014", {}),
    (60, "1999", 1, "DATE", "1999", {}),
    (63, "2008", 1, "DATE", "2008", {}),
    (64, "today", 1, "DATE", T, {}),
    (64, "today", 2, "DATE", PR, {}),
    (65, "today", 1, "DATE", PR, {}),
    (65, "the last couple of years", 1, "DURATION", "P2Y", {}),
    (65, "the last seven years", 1, "DURATION", "P7Y", {}),
    (66, "today", 1, "DATE", T, {}),
    (66, "today", 2, "DATE", T, {}),
    (66, "recently", 1, "DATE", PA, {}),
    (68, "right now", 1, "DATE", PR, {}),
    (71, "recent days", 1, "DURATION", "PXD", {}),
    (71, "now", 1, "DATE", PR, {}),
    (72, "now", 1, "DATE", PR, {}),
    (72, "the years", 1, "DURATION", "PXY", {}),
    (75, "now", 1, "DATE", PR, {}),
    (76, "this past week", 1, "DURATION", "P1W", {}),
    (76, "the past year", 1, "DURATION", "P1Y", {}),
    (80, "every day", 1, "SET", "P1D", {"quant": "EVERY"}),
    (95, "each day", 1, "SET", "P1D", {"quant": "EACH"}),
    (106, "yesterday", 1, "DATE", Y, {}),
    (108, "the future", 1, "DATE", FR, {}),
    (109, "right now", 1, "DATE", PR, {}),
    (109, "right now", 2, "DATE", PR, {}),
    (109, "today", 1, "DATE", T, {}),
    (109, "the last days", 1, "DURATION", "PXD", {}),
    (112, "right now", 1, "DATE", PR, {}),
    (114, "recently", 1, "DATE", PA, {}),
    (114, "two weeks", 1, "DURATION", "P2W", {}),
    (117, "today", 1, "DATE", T, {}),
    (117, "today", 2, "DATE", T, {}),
    (118, "the last couple of days", 1, "DURATION", "P2D", {}),
    (118, "10 days", 1, "DURATION", "P10D", {}),
    (118, "10 days", 2, "DURATION", "P10D", {}),
    (119, "yesterday", 1, "DATE", Y, {}),
    (121, "today", 1, "DATE", T, {}),
    (124, "the last couple of years", 1, "DURATION", "P2Y", {}),
    (126, "earlier this afternoon", 1, "TIME", "2022-03-10TAF", {}),
    (127, "two weeks", 1, "DURATION", "P2W", {}),
    (130, "March", 1, "DATE", "2022-03", {}),
    (131, "this afternoon", 1, "TIME", "2022-03-10TAF", {}),
    (134, "1:43 P.M. CET", 1, "TIME", "2022-03-10T13:43+01:00", {}),
]

# ---------------------------------------------------------------- doc 3
D3 = "2022-03-25_us_press-gaggle-by-principal-deputy-press-secretary-karine-jean"
T = "2022-03-25"
Y = "2022-03-24"
TM = "2022-03-26"
A3 = [
    (2, "1:23 P.M. CET", 1, "TIME", "2022-03-25T13:23+01:00", {}),
    (5, "today", 1, "DATE", T, {}),
    (7, "earlier today", 1, "DATE", T, {}),
    (7, "this year", 1, "DATE", "2022", {}),
    (8, "now", 1, "DATE", PR, {}),
    (8, "2030", 1, "DATE", "2030", {}),
    (8, "per year", 1, "SET", "P1Y", {}),
    (10, "2022", 1, "DATE", "2022", {}),
    (10, "year by year", 1, "SET", "P1Y", {}),
    (10, "now", 1, "DATE", PR, {}),
    (10, "2030", 1, "DATE", "2030", {}),
    (13, "today", 1, "DATE", T, {}),
    (14, "this morning", 1, "TIME", "2022-03-25TMO", {}),
    (15, "Now", 1, "DATE", PR, {}),
    (18, "three weeks", 1, "DURATION", "P3W", {}),
    (20, "Yesterday", 1, "DATE", Y, {}),
    (23, "tomorrow", 1, "DATE", TM, {}),
    (24, "tomorrow", 1, "DATE", TM, {}),
    (24, "this moment", 1, "DATE", PR, {}),
    (25, "tomorrow afternoon", 1, "TIME", "2022-03-26TAF", {}),
    (26, "now", 1, "DATE", PR, {}),
    (28, "seven decades", 1, "DURATION", "P70Y", {}),
    (29, "this moment", 1, "DATE", PR, {}),
    (32, "today", 1, "DATE", T, {}),
    (33, "yesterday", 1, "DATE", Y, {}),
    (34, "a couple of weeks ago", 1, "DATE", "2022-W10", {}),
    (43, "yesterday", 1, "DATE", Y, {}),
    (44, "right now", 1, "DATE", PR, {}),
    (45, "this year", 1, "DATE", "2022", {}),
    (46, "the year", 1, "DATE", "2022", {}),
    (47, "March 16th", 1, "DATE", "2022-03-16", {}),
    (48, "the past couple of months", 1, "DURATION", "P2M", {}),
    (48, "the year", 1, "DATE", "2022", {}),
    (52, "this week", 1, "DATE", "2022-W12", {}),
    (59, "the past", 1, "DATE", PA, {}),
    (59, "yesterday", 1, "DATE", Y, {}),
    (60, "this point", 1, "DATE", PR, {}),
    (62, "yesterday", 1, "DATE", Y, {}),
    (63, "now", 1, "DATE", PR, {}),
    (64, "this year", 1, "DATE", "2022", {}),
    (66, "yesterday", 1, "DATE", Y, {}),
    (66, "this moment in time", 1, "DATE", PR, {}),
    (67, "this moment", 1, "DATE", PR, {}),
    (67, "this point", 1, "DATE", PR, {}),
    (68, "yesterday", 1, "DATE", Y, {}),
    (69, "April 1st", 1, "DATE", "2022-04-01", {}),
    (70, "today", 1, "DATE", T, {}),
    (70, "two days ago", 1, "DATE", "2022-03-23", {}),
    (70, "every day", 1, "SET", "P1D", {"quant": "EVERY"}),
    (80, "the past many years", 1, "DURATION", "PXY", {}),
    (82, "the period ahead", 1, "DATE", FR, {}),
    (82, "the near term", 1, "DATE", FR, {}),
    (87, "several days ago", 1, "DATE", PA, {}),
    (87, "February 28th", 1, "DATE", "2022-02-28", {}),
    (87, "March 4th", 1, "DATE", "2022-03-04", {}),
    (89, "the past months", 1, "DURATION", "PXM", {}),
    (89, "this day", 1, "DATE", Y, {}),
    (90, "a few days ago", 1, "DATE", PA, {}),
    (91, "now", 1, "DATE", PR, {}),
    (97, "this point", 1, "DATE", PR, {}),
    (98, "yesterday", 1, "DATE", Y, {}),
    (99, "yesterday", 1, "DATE", Y, {}),
    (100, "this week", 1, "DATE", "2022-W12", {}),
    (101, "today", 1, "DATE", T, {}),
    (101, "two days ago", 1, "DATE", "2022-03-23", {}),
    (101, "now", 1, "DATE", PR, {}),
    (111, "Saturday", 1, "DATE", TM, {}),
    (116, "yesterday", 1, "DATE", Y, {}),
    (117, "yesterday", 1, "DATE", Y, {}),
    (119, "this year", 1, "DATE", "2022", {}),
    (122, "today", 1, "DATE", T, {}),
    (122, "the future", 1, "DATE", FR, {}),
    (124, "today", 1, "DATE", T, {}),
    (125, "a week ago", 1, "DATE", "2022-W11", {}),
    (125, "one day", 1, "DURATION", "P1D", {}),
    (126, "yesterday", 1, "DATE", Y, {}),
    (126, "the early weeks", 1, "DURATION", "PXW", {}),
    (134, "now", 1, "DATE", PR, {}),
    (134, "the period ahead", 1, "DATE", FR, {}),
    (137, "about five minutes", 1, "DURATION", "PT5M", {"mod": "APPROX"}),
    (146, "1:58 P.M. CET", 1, "TIME", "2022-03-25T13:58+01:00", {}),
]

DOCS = [(D1, "2022-01-21", A1), (D2, "2022-03-10", A2), (D3, "2022-03-25", A3)]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def locate(text, anns):
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    spans = []
    for (ln, phrase, occ, typ, val, extra) in anns:
        ls = starts[ln - 1]
        le = text.find("\n", ls)
        line = text[ls:le]
        pat = r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])"
        ms = list(re.finditer(pat, line))
        if len(ms) < occ:
            sys.exit(f"not found: line {ln} {phrase!r} occ {occ}")
        m = ms[occ - 1]
        spans.append((ls + m.start(), ls + m.end(), phrase, typ, val, extra, ln))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if a[1] > b[0]:
            sys.exit(f"overlap: {a} {b}")
    return spans


def build(docid, dct, anns, show=False):
    text = (SRC / (docid + ".txt")).read_text(encoding="utf-8")
    spans = locate(text, anns)
    out, pos = [], 0
    for i, (s, e, phrase, typ, val, extra, ln) in enumerate(spans, 1):
        out.append(esc(text[pos:s]))
        attrs = [f'tid="t{i}"', f'type="{typ}"', f'value="{val}"']
        for k in ("mod", "quant", "freq"):
            if k in extra:
                attrs.append(f'{k}="{extra[k]}"')
        resolved = typ in ("DATE", "TIME") and not re.fullmatch(r"\d+", val)
        attrs.append(f'temporalFunction="{"true" if resolved else "false"}"')
        attrs.append('functionInDocument="NONE"')
        if resolved:
            attrs.append('anchorTimeID="t0"')
        out.append(f"<TIMEX3 {' '.join(attrs)}>{esc(text[s:e])}</TIMEX3>")
        pos = e
        if show:
            print(f"t{i:<3} L{ln:<4} {typ:8} {val:24} {text[max(0,s-35):s]!r:>40} [{text[s:e]}] {text[e:e+25]!r}")
    out.append(esc(text[pos:]))
    body = "".join(out)
    dctc = dct.replace("-", "")
    xml = (
        '<?xml version="1.0" ?>\n'
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
        f"<DOCID>{docid}</DOCID>\n\n"
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dctc}</TIMEX3></DCT>\n\n'
        f"<TEXT>{body}</TEXT>\n\n</TimeML>\n"
    )
    (OUT / (docid + ".tml")).write_text(xml, encoding="utf-8")
    return spans


if __name__ == "__main__":
    show = "-v" in sys.argv
    from collections import Counter
    tot = Counter()
    for docid, dct, anns in DOCS:
        if show:
            print("=" * 20, docid)
        spans = build(docid, dct, anns, show)
        c = Counter(s[3] for s in spans)
        tot.update(c)
        print(docid, len(spans), dict(c))
    print("TOTAL", sum(tot.values()), dict(tot))
