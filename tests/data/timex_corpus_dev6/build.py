"""Build .tml files from hand-chosen annotations (context, phrase, type, value, extras).
Each context must occur exactly once in the text; the phrase is located inside it.
This script does not find time expressions; every entry below was chosen by hand."""
import json, pathlib, html, re, collections
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path(__file__).parent
TF = True; NF = False
def A(ctx, phrase, typ, val, tf=True, **kw):
    return (ctx, phrase, typ, val, tf, kw)

DOCS = {
"2022-01-20_ua_ihor-zhovkva-met-with-the-head-of-the-nato-mission-in-ukrain": [
    A("on January 10 this year", "January 10 this year", "DATE", "2022-01-10"),
    A("in June 2022", "June 2022", "DATE", "2022-06", NF),
],
"2022-02-20_ru_telephone-conversation-with-president-of-france-emmanuel-mac": [],
"2022-01-29_ua_every-year-on-the-day-of-remembrance-of-the-heroes-of-kruty": [
    A("On the Day of Remembrance of the Heroes of Kruty,", "the Day of Remembrance of the Heroes of Kruty", "DATE", "2022-01-29"),
    A("for more than a century", "more than a century", "DURATION", "P100Y", NF, mod="MORE_THAN"),
    A("\"104 years ago", "104 years ago", "DATE", "1918"),
    A("So today,", "today", "DATE", "2022-01-29"),
    A("Ukrainian army in the future", "the future", "DATE", "FUTURE_REF"),
    A("were 10-12 years old", "10-12 years old", "DURATION", "PXY", NF),
    A("starting this year", "this year", "DATE", "2022"),
    A("on this day every year", "this day every year", "SET", "XXXX-01-29", NF, quant="EVERY"),
    A("\"And today,", "today", "DATE", "2022-01-29"),
    A("defend Ukraine in the future", "the future", "DATE", "FUTURE_REF"),
],
"2022-03-06_ru_telephone-conversation-with-president-of-turkey-recep-tayyip": [
    A("which is now gaining", "now", "DATE", "PRESENT_REF"),
],
"2021-12-11_us_remarks-by-president-biden-on-the-severe-weather-that-impact": [
    A("4:15 P.M. EST", "4:15 P.M. EST", "TIME", "2021-12-11T16:15-05:00"),
    A("late on Saturday afternoon", "Saturday afternoon", "TIME", "2021-12-11TAF"),
    A("since early this morning", "early this morning", "TIME", "2021-12-11TMO", mod="START"),
    A("Earlier today, I called", "Earlier today", "DATE", "2021-12-11"),
    A("started off the morning together", "the morning", "TIME", "2021-12-11TMO"),
    A("several times today", "today", "DATE", "2021-12-11"),
    A("a couple of hours ago", "a couple of hours ago", "TIME", "2021-12-11T14"),
    A("Kentucky right now, when", "right now", "DATE", "PRESENT_REF"),
    A("that, earlier this morning", "earlier this morning", "TIME", "2021-12-11TMO"),
    A("I can’t say at this point", "this point", "DATE", "PRESENT_REF"),
    A("affected areas this week", "this week", "DATE", "2021-W49"),
    A("started off this morning with", "this morning", "TIME", "2021-12-11TMO"),
    A("scared to death right now", "right now", "DATE", "PRESENT_REF"),
    A("real anxiety right now", "right now", "DATE", "PRESENT_REF"),
    A("those people right now", "right now", "DATE", "PRESENT_REF"),
    A("disasters in the future", "the future", "DATE", "FUTURE_REF"),
    A("this calendar year", "this calendar year", "DATE", "2021"),
    A("4:26 P.M. EST", "4:26 P.M. EST", "TIME", "2021-12-11T16:26-05:00"),
],
"2022-03-24_us_background-press-call-on-president-biden-s-meetings-at-nato": [
    A("11:53 A.M. CET", "11:53 A.M. CET", "TIME", "2022-03-24T11:53+01:00"),
    A("on our call today", "today", "DATE", "2022-03-24"),
    A("sections of the call today", "today", "DATE", "2022-03-24"),
    A("until this afternoon at", "this afternoon", "TIME", "2022-03-24TAF"),
    A("2:15 p.m. Central European Time", "2:15 p.m. Central European Time", "TIME", "2022-03-24T14:15+01:00"),
    A("9:15 a.m. Eastern Time", "9:15 a.m. Eastern Time", "TIME", "2022-03-24T09:15-04:00"),
    A("the last hour or so", "the last hour or so", "DURATION", "PT1H", NF, mod="APPROX"),
    A("parliaments in recent weeks", "recent weeks", "DURATION", "PXW", NF),
    A("today marks the one-month", "today", "DATE", "2022-03-24"),
    A("the one-month anniversary", "one-month", "DURATION", "P1M", NF),
    A("had taken in recent weeks", "recent weeks", "DURATION", "PXW", NF),
    A("in about two and a half months", "about two and a half months", "DURATION", "P2.5M", NF, mod="APPROX"),
    A("in late June", "late June", "DATE", "2022-06", mod="END"),
    A("seen in the last couple of weeks", "the last couple of weeks", "DURATION", "P2W", NF),
    A("over the last year", "the last year", "DURATION", "P1Y", NF),
    A("Yesterday, Jake", "Yesterday", "DATE", "2022-03-23"),
    A("came up at NATO today", "today", "DATE", "2022-03-24"),
    A("came up in discussion today", "today", "DATE", "2022-03-24"),
    A("seen within the last couple of weeks", "the last couple of weeks", "DURATION", "P2W", NF),
    A("now approximately 40,000", "now", "DATE", "PRESENT_REF"),
    A("now approximately 100,000", "now", "DATE", "PRESENT_REF"),
    A("within the last couple of days", "the last couple of days", "DURATION", "P2D", NF),
    A("12:08 P.M. CET", "12:08 P.M. CET", "TIME", "2022-03-24T12:08+01:00"),
],
}

esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
counts = {}
for docid, anns in DOCS.items():
    text = (SRC / f"{docid}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{docid}.meta.json").read_text())["published"]
    spans = []
    for ctx, phrase, typ, val, tf, kw in anns:
        n = text.count(ctx)
        assert n == 1, (docid, ctx, n)
        c = text.index(ctx); p = ctx.index(phrase)
        spans.append((c + p, c + p + len(phrase), typ, val, tf, kw))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        assert a[1] <= b[0], ("overlap", docid, a, b)
    out, pos = [], 0
    for i, (s, e, typ, val, tf, kw) in enumerate(spans, 1):
        out.append(esc(text[pos:s]))
        attrs = f'tid="t{i}" type="{typ}" value="{val}"'
        for k in ("mod", "quant", "freq"):
            if k in kw: attrs += f' {k}="{kw[k]}"'
        attrs += f' temporalFunction="{"true" if tf else "false"}" functionInDocument="NONE"'
        if tf: attrs += ' anchorTimeID="t0"'
        out.append(f"<TIMEX3 {attrs}>{esc(text[s:e])}</TIMEX3>")
        pos = e
        counts.setdefault(docid, collections.Counter())[typ] += 1
    out.append(esc(text[pos:]))
    counts.setdefault(docid, collections.Counter())
    body = "".join(out)
    tml = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f'<DOCID>{docid}</DOCID>\n\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{dct.replace("-", "")}</TIMEX3></DCT>\n\n'
           f'<TEXT>{body}</TEXT>\n\n</TimeML>\n')
    (OUT / f"{docid}.tml").write_text(tml, encoding="utf-8")
tot = collections.Counter()
for k, v in counts.items():
    tot += v; print(sum(v.values()), dict(v), k)
print("TOTAL", sum(tot.values()), dict(tot))
