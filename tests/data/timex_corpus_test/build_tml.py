"""Helper: inserts hand-chosen TIMEX3 annotations (listed below, in text order)
into each source text and writes <id>.tml. It does not detect anything: every
phrase, type and value below was chosen by hand while reading."""
import json, pathlib, re, html
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path(__file__).resolve().parent

# entry: (phrase, type, value, extra_attrs_dict, skip_to)
#   skip_to: optional string; cursor is moved to its start before searching phrase.
#   extra may hold mod/quant/freq and 'tf' (temporalFunction bool).
D = {}
D["2021-12-14_ru_telephone-conversation-with-president-of-finland-sauli-niini"] = [
    ("December 7, 2021", "DATE", "2021-12-07", {"tf": False}, None),
    ("1975", "DATE", "1975", {"tf": False}, None),
    ("1999", "DATE", "1999", {"tf": False}, None),
    ("2025", "DATE", "2025", {"tf": False}, None),
    ("New Year", "DATE", "2022-01-01", {}, None),
    ("Christmas", "DATE", "2021-12-25", {}, None),
]
D["2022-02-24_ua_president-has-made-all-necessary-decisions-to-defend-the-cou"] = [
    ("5 am", "TIME", "2022-02-24T05:00", {}, None),
    ("now", "DATE", "PRESENT_REF", {}, "now actively resisting"),
    ("to date", "DATE", "PRESENT_REF", {}, None),
    ("now", "DATE", "PRESENT_REF", {}, "now taking steps"),
]
D["2021-12-30_ua_national-security-and-defense-council-chaired-by-president-d"] = [
    ("2021", "DATE", "2021", {"tf": False}, None),
    ("now", "DATE", "PRESENT_REF", {}, "now receiving coal"),
    ("Today", "DATE", "2021-12-30", {}, None),
    ("February", "DATE", "2022-02", {}, None),
    ("the end of May 2022", "DATE", "2022-05", {"mod": "END", "tf": False}, None),
    ("the month", "DURATION", "P1M", {}, "the month and the possibility"),
    ("2017", "DATE", "2017", {"tf": False}, None),
    ("2021", "DATE", "2021", {"tf": False}, None),
    ("2021", "DATE", "2021", {"tf": False}, "2021. According to him"),
]
D["2022-01-25_us_remarks-by-president-biden-in-press-gaggle"] = [
    ("2:02 P.M. EST", "TIME", "2022-01-25T14:02-05:00", {}, None),
    ("this morning", "TIME", "2022-01-25TMO", {}, None),
    ("now", "DATE", "PRESENT_REF", {}, "now they are"),
    ("the nearer term", "DATE", "FUTURE_REF", {}, None),
    ("these recent days", "DURATION", "PXD", {}, None),
    ("lately", "DATE", "PAST_REF", {}, None),
    ("2:07 P.M. EST", "TIME", "2022-01-25T14:07-05:00", {}, None),
]
D["2022-02-14_ru_meeting-with-foreign-minister-sergei-lavrov"] = [
    ("today", "DATE", "2022-02-14", {}, "today that the Foreign"),
    ("now", "DATE", "PRESENT_REF", {}, "now aimed at"),
    ("mid-December", "DATE", "2021-12", {"mod": "MID"}, None),
    ("mid-January", "DATE", "2022-01", {"mod": "MID"}, None),
    ("Several days later", "DATE", "2022-01-25", {}, None),
    ("January 25", "DATE", "2022-01-25", {}, None),
    ("1997", "DATE", "1997", {"tf": False}, None),
    ("1999", "DATE", "1999", {"tf": False}, None),
    ("2010", "DATE", "2010", {"tf": False}, None),
    ("2002", "DATE", "2002", {"tf": False}, None),
    ("2010", "DATE", "2010", {"tf": False}, "2010 Russia-NATO summit"),
    ("any time soon", "DATE", "FUTURE_REF", {}, None),
    ("the past few years", "DURATION", "PXY", {}, None),
    ("September 2020", "DATE", "2020-09", {"tf": False}, None),
    ("2020", "DATE", "2020", {"tf": False}, "2020, included"),
    ("today", "DATE", "2022-02-14", {}, "today, however"),
    ("December 2021", "DATE", "2021-12", {"tf": False}, None),
    ("1997", "DATE", "1997", {"tf": False}, "1997 configuration"),
    ("today", "DATE", "PRESENT_REF", {}, "today, with our Western"),
    ("today", "DATE", "PRESENT_REF", {}, "today is unacceptable"),
    ("tomorrow", "DATE", "2022-02-15", {}, "tomorrow; our colleagues"),
    ("tomorrow", "DATE", "2022-02-15", {}, "tomorrow; the Italian"),
    ("two days", "DATE", "2022-02-16", {}, "two days, and other"),
    ("this point", "DATE", "PRESENT_REF", {}, None),
]
D["2022-02-22_us_remarks-by-president-biden-announcing-response-to-russian-ac"] = [
    ("2:22 P.M. EST", "TIME", "2022-02-22T14:22-05:00", {}, None),
    ("Yesterday", "DATE", "2022-02-21", {}, "Yesterday, Vladimir Putin recognized"),
    ("Last night", "TIME", "2022-02-21TNI", {}, None),
    ("Today", "DATE", "2022-02-22", {}, "Today, he asserted"),
    ("currently", "DATE", "PRESENT_REF", {}, None),
    ("last night", "TIME", "2022-02-21TNI", {}, None),
    ("2014", "DATE", "2014", {"tf": False}, None),
    ("the last few months", "DURATION", "PXM", {}, None),
    ("more than a month ago", "DATE", "2022-01", {"mod": "BEFORE"}, None),
    ("now", "DATE", "PRESENT_REF", {}, "now undeniably"),
    ("today", "DATE", "2022-02-22", {}, "today, I’m announcing"),
    ("yesterday", "DATE", "2022-02-21", {}, "yesterday."),
    ("tomorrow", "DATE", "2022-02-23", {}, "tomorrow</s>"),
    ("today", "DATE", "2022-02-22", {}, "today] and"),
    ("the days ahead", "DURATION", "PXD", {}, None),
    ("Today", "DATE", "2022-02-22", {}, "Today, in response"),
    ("the last few days", "DURATION", "PXD", {}, None),
    ("last week", "DATE", "2022-W07", {}, "last week at the United"),
    ("now", "DATE", "PRESENT_REF", {}, "now political"),
    ("the days ahead", "DURATION", "PXD", {}, "the days ahead.  And if"),
    ("last week", "DATE", "2022-W07", {}, "last week, defending"),
    ("the last few days", "DURATION", "PXD", {}, "the last few days, I have"),
    ("the weekend", "DATE", "2022-W07-WE", {}, None),
    ("Yesterday", "DATE", "2022-02-21", {}, "Yesterday, the world"),
    ("more than a century", "DURATION", "P100Y", {"mod": "MORE_THAN"}, None),
    ("the year 2022", "DATE", "2022", {"tf": False}, None),
    ("today", "DATE", "PRESENT_REF", {}, "today are thriving"),
    ("2:32 P.M. EST", "TIME", "2022-02-22T14:32-05:00", {}, None),
]

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def build(doc, spec):
    text = (SRC / f"{doc}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{doc}.meta.json").read_text(encoding="utf-8"))["published"]
    cur, spans = 0, []
    for phrase, typ, val, extra, skip in spec:
        if skip:
            k = text.find(skip, cur)
            assert k >= 0, (doc, skip)
            cur = k
        m = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?![\w])").search(text, cur)
        assert m, (doc, phrase)
        spans.append((m.start(), m.end(), typ, val, extra))
        cur = m.end()
    out, prev = [], 0
    for i, (s, e, typ, val, extra) in enumerate(spans, 1):
        out.append(esc(text[prev:s]))
        a = f'tid="t{i}" type="{typ}" value="{val}"'
        for k in ("mod", "quant", "freq"):
            if k in extra:
                a += f' {k}="{extra[k]}"'
        tf = extra.get("tf", typ != "DURATION")
        a += f' temporalFunction="{str(tf).lower()}" functionInDocument="NONE"'
        if tf:
            a += ' anchorTimeID="t0"'
        out.append(f"<TIMEX3 {a}>{esc(text[s:e])}</TIMEX3>")
        prev = e
        print(f"  t{i:<3}{typ:9}{val:24}{extra.get('mod',''):10}| ...{text[max(0,s-35):s]}[{text[s:e]}]{text[e:e+25]}...".replace("\n", " "))
    out.append(esc(text[prev:]))
    d8 = dct.replace("-", "")
    tml = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f"<DOCID>{doc}</DOCID>\n\n"
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{d8}</TIMEX3></DCT>\n\n'
           "<TEXT>" + "".join(out) + "</TEXT>\n\n</TimeML>\n")
    (OUT / f"{doc}.tml").write_text(tml, encoding="utf-8")
    return spans

if __name__ == "__main__":
    from collections import Counter
    tot = Counter()
    for doc, spec in D.items():
        print(doc, dct := json.loads((SRC / f"{doc}.meta.json").read_text())["published"])
        sp = build(doc, spec)
        c = Counter(t for _, _, t, _, _ in sp); tot.update(c)
        print("  ->", len(sp), dict(c))
    print("TOTAL", sum(tot.values()), dict(tot))
