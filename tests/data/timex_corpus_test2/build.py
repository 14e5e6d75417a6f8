# Helper: inserts the TIMEX3 tags I chose by hand (anchor string -> phrase inside it) into each text.
import html, json, pathlib
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_test2")

D = "DATE"; U = "DURATION"; T = "TIME"; S = "SET"
# each entry: (anchor, phrase, type, value, extra-attrs dict, relative-to-DCT?)
SPEC = {
"2021-11-15_ru_telephone-conversation-with-president-of-france-emmanuel-mac": [
 ("November 12, 2021", "November 12, 2021", D, "2021-11-12", {}, False),
 ("recently used", "recently", D, "PAST_REF", {}, True),
 ("in the future", "the future", D, "FUTURE_REF", {}, True),
],
"2022-01-28_ru_telephone-conversation-with-president-of-france-emmanuel-mac": [
 ("recent Russia-US", "recent", D, "PAST_REF", {}, True),
 ("NATO on January 26", "January 26", D, "2022-01-26", {}, True),
 ("in 1997", "1997", D, "1997", {}, False),
 ("Paris on January 26", "January 26", D, "2022-01-26", {}, True),
 ("the first half of 2022", "the first half of 2022", D, "2022-H1", {}, False),
],
"2021-12-16_ua_president-ukraine-s-membership-in-nato-is-a-matter-for-the-u": [
 ("the current very", "current", D, "PRESENT_REF", {}, True),
 ("for many years", "many years", U, "PXY", {}, False),
 ("the 2014 war", "2014", D, "2014", {}, False),
 ("believe that today Russia", "today", D, "PRESENT_REF", {}, True),
 ("(June 2021)", "June 2021", D, "2021-06", {}, False),
 ("that next year marks", "next year", D, "2022", {}, True),
 ("marks 25 years since", "25 years", U, "P25Y", {}, False),
 ("in June 2022", "June 2022", D, "2022-06", {}, False),
],
"2022-03-18_ru_concert-marking-the-anniversary-of-crimea-s-reunification-wi": [
 ("March 18, 2014", "March 18, 2014", D, "2014-03-18", {}, False),
 ("Over these years", "these years", U, "P8Y", {}, False),
 ("was same day as", "same day", D, "2022-02-24", {}, True),
 ("how it is today and", "today", D, "PRESENT_REF", {}, True),
],
"2021-11-04_ua_on-a-submission-from-volodymyr-zelenskyy-the-verkhovna-rada": [
 ("\"Today, the most", "Today", D, "PRESENT_REF", {}, True),
 ("for eight years", "eight years", U, "P8Y", {}, False),
 ("remain in the past", "the past", D, "PAST_REF", {}, True),
],
"2021-12-29_us_background-press-call-by-a-senior-administration-official-on": [
 ("12:41 P.M. EST", "12:41 P.M. EST", T, "2021-12-29T12:41-05:00", {}, True),
 ("joining us today", "today", D, "2021-12-29", {}, True),
 ("Tomorrow, President Biden", "Tomorrow", D, "2021-12-30", {}, True),
 ("the week of January 10th", "the week of January 10th", D, "2022-W02", {}, True),
 ("day in and day out", "day in and day out", S, "P1D", {"quant": "EVERY"}, False),
 ("the past several weeks", "the past several weeks", U, "PXW", {}, False),
 ("including this week", "this week", D, "2021-W52", {}, True),
 ("President Zelenskyy today to", "today", D, "2021-12-29", {}, True),
 ("in 2014.", "2014", D, "2014", {}, False),
 ("in the coming weeks", "the coming weeks", U, "PXW", {}, False),
 ("have now been", "now", D, "PRESENT_REF", {}, True),
 ("the past days and", "the past days", U, "PXD", {}, False),
 ("and weeks.", "weeks", U, "PXW", {}, False),
 ("for now and", "now", D, "PRESENT_REF", {}, True),
 ("at this point?", "this point", D, "PRESENT_REF", {}, True),
 ("a while now.", "now", D, "PRESENT_REF", {}, True),
 ("the past months and", "the past months", U, "PXM", {}, False),
 ("and years.", "years", U, "PXY", {}, False),
 ("any current plans", "current", D, "PRESENT_REF", {}, True),
 ("the past year,", "the past year", U, "P1Y", {}, False),
 ("for some weeks now", "some weeks", U, "PXW", {}, False),
 ("now, given", "now", D, "PRESENT_REF", {}, True),
 ("did happen today", "today", D, "2021-12-29", {}, True),
 ("President Putin tomorrow?", "tomorrow", D, "2021-12-30", {}, True),
 ("the January 10th talks", "January 10th", D, "2022-01-10", {}, True),
 ("does tomorrow", "tomorrow", D, "2021-12-30", {}, True),
 ("some point soon", "soon", D, "FUTURE_REF", {}, True),
 ("near-daily contact", "near-daily", S, "P1D", {"mod": "APPROX"}, False),
 ("has now spoken", "now", D, "PRESENT_REF", {}, True),
 ("President Zelenskyy today.", "today", D, "2021-12-29", {}, True),
 ("share with you today", "today", D, "2021-12-29", {}, True),
 ("session on the 10th", "the 10th", D, "2022-01-10", {}, True),
 ("in recent days", "recent days", U, "PXD", {}, False),
 ("talks on Monday", "Monday", D, "2022-01-10", {}, True),
 ("two days later", "two days later", D, "2022-01-12", {}, True),
 ("today after that", "today after that", D, "2022-01-13", {}, True),
 ("the week of the 10th", "the week of the 10th", D, "2022-W02", {}, True),
 ("President Putin tomorrow.", "tomorrow", D, "2021-12-30", {}, True),
 ("answer just now", "just now", D, "PAST_REF", {}, True),
 ("in recent times", "recent times", D, "PAST_REF", {}, True),
 ("the 2020 ceasefire", "2020", D, "2020", {}, False),
 ("border right now", "right now", D, "PRESENT_REF", {}, True),
 ("course of 2021", "2021", D, "2021", {}, False),
 ("as we have now,", "now", D, "PRESENT_REF", {}, True),
 ("a couple of weeks ago", "a couple of weeks ago", D, "2021-W50", {}, True),
 ("again tomorrow", "tomorrow", D, "2021-12-30", {}, True),
 ("in Vienna now", "now", D, "PRESENT_REF", {}, True),
 ("1:01 P.M. EST", "1:01 P.M. EST", T, "2021-12-29T13:01-05:00", {}, True),
],
}

def esc(s): return html.escape(s, quote=False)

def build(doc, spec):
    text = (SRC / f"{doc}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{doc}.meta.json").read_text(encoding="utf-8"))["published"]
    pos = 0; spans = []
    for anchor, phrase, typ, val, extra, rel in spec:
        a = text.find(anchor, pos)
        assert a >= 0, (doc, anchor)
        # anchor must be unique after pos? warn if it occurs again before next entry
        i = text.index(phrase, a)
        assert i + len(phrase) <= a + len(anchor), (doc, anchor, phrase)
        spans.append((i, i + len(phrase), typ, val, extra, rel))
        pos = i + len(phrase)
    out = []; last = 0
    for n, (s, e, typ, val, extra, rel) in enumerate(spans, 1):
        attrs = f'tid="t{n}" type="{typ}" value="{val}"'
        for k, v in extra.items(): attrs += f' {k}="{v}"'
        attrs += f' temporalFunction="{"true" if rel else "false"}" functionInDocument="NONE"'
        if rel: attrs += ' anchorTimeID="t0"'
        out.append(esc(text[last:s])); out.append(f"<TIMEX3 {attrs}>{esc(text[s:e])}</TIMEX3>"); last = e
    out.append(esc(text[last:]))
    body = "".join(out)
    head = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
            f'<DOCID>{doc}</DOCID>\n\n'
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{dct.replace("-","")}</TIMEX3></DCT>\n\n')
    (OUT / f"{doc}.tml").write_text(head + "<TEXT>" + body + "</TEXT>\n\n</TimeML>\n", encoding="utf-8")
    return spans, text

if __name__ == "__main__":
    from collections import Counter
    tot = Counter()
    for doc, spec in SPEC.items():
        spans, text = build(doc, spec)
        c = Counter(s[2] for s in spans); tot.update(c)
        print(doc, len(spans), dict(c))
        for s, e, typ, val, extra, rel in spans:
            print(f"   {typ:8} {val:24} {text[s:e]!r:30} ...{text[max(0,s-35):e+25]!r}")
    print("TOTAL", sum(tot.values()), dict(tot))
