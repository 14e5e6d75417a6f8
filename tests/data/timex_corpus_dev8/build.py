# Builds the .tml files from hand-chosen annotations (extent + optional left context).
# It does not detect anything: every extent and value below was chosen by reading.
import re, html, pathlib, json, datetime
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev8")

def D(v, **kw):  return dict(type="DATE", value=v, **kw)
def T(v, **kw):  return dict(type="TIME", value=v, **kw)
def U(v, **kw):  return dict(type="DURATION", value=v, **kw)
def S(v, **kw):  return dict(type="SET", value=v, **kw)

# (left-context, extent, attrs); left context is matched immediately before the extent
DOCS = {
"2021-11-27_ua_in-ljubljana-ihor-zhovkva-discussed-ukraine-s-european-integ": [
 ("Slovenia in ", "2022", D("2022")),
 ("took place in ", "October this year", D("2021-10")),
 ("Russian Federation until ", "2022", D("2022")),
 ("signed in ", "the near future", D("FUTURE_REF")),
 ("informed about the ", "current", D("PRESENT_REF")),
 ("increased by 29% in ", "the first three quarters of this year", U("P9M")),
 ("Crimea Platform in ", "August 2021", D("2021-08")),
 ("Holodomor of ", "1932", D("1932")),
 ("1932-", "1933", D("1933")),
],
"2021-11-04_ru_greetings-on-national-unity-day": [
 ("unveiled on ", "April 22, 2021", D("2021-04-22")),
 ("Russia! ", "Today", D("2021-11-04")),
 ("we mark ", "National Unity Day", D("2021-11-04")),
 ("multi-ethnic people. ", "National Unity Day", D("XXXX-11-04")),
 ("In ", "the early 17th century", D("16", mod="START")),
 ("", "More than four centuries", U("P400Y", mod="MORE_THAN")),
 ("with the ", "1917", D("1917")),
 ("In ", "1920", D("1920")),
 ("Crimea are ", "now", D("PRESENT_REF")),
 ("Happy ", "National Unity Day", D("2021-11-04")),
],
"2022-03-24_ua_nato-can-still-prevent-the-deaths-of-ukrainians-from-russian": [
 ("the consequences ", "today", D("2022-03-24")),
 ("invasion for ", "a month", U("P1M")),
 ("cities that are ", "now", D("PRESENT_REF")),
 ("fight for ", "years", U("PXY")),
 ("But ", "now", D("PRESENT_REF")),
],
"2022-02-25_ua_tactics-of-russian-troops-resembles-terrorist-methods-when-s": [
 ("is carried out, and ", "today", D("2022-02-25")),
 ("as of ", "today", D("2022-02-25")),
 ("\"", "Yesterday", D("2022-02-24")),
 ("Yesterday, ", "the day before yesterday", D("2022-02-23")),
 ("the day before yesterday, ", "today", D("2022-02-25")),
 ("difficult situation ", "now", D("PRESENT_REF")),
 ("were killed ", "today", D("2022-02-25")),
 ("\"", "Today", D("2022-02-25")),
],
"2022-03-11_ru_meeting-with-permanent-members-of-security-council": [
 ("connected with the ", "current", D("PRESENT_REF")),
 ("information on the ", "current", D("PRESENT_REF")),
 ("reporting to you ", "every day", S("P1D", quant="EVERY")),
 ("every day ", "this week", D("2022-W10")),
 ("during ", "the past 10 years", U("P10Y")),
 ("are arriving ", "every day", S("P1D", quant="EVERY")),
 ("situation for ", "a long time", U("PXY")),
 ("discussion in ", "the near future", D("FUTURE_REF")),
],
"2022-01-08_us_background-press-call-by-a-senior-administration-official-on": [
 ("Via Teleconference\n", "1:11 P.M. EST", T("2022-01-08T13:11-05:00")),
 ("joining us on ", "a Saturday", D("2022-01-08")),
 ("\n", "Today", D("2022-01-08")),
 ("the speaker ", "today", D("2022-01-08")),
 ("some time on ", "a weekend", D("2022-W01-WE")),
 ("public remarks ", "yesterday", D("2022-01-07")),
 ("stand at ", "the minute", D("PRESENT_REF")),
 ("underway ", "tomorrow", D("2022-01-09")),
 ("over ", "the past two decades", U("P20Y")),
 ("underway ", "next week", D("2022-W02")),
 ("starting ", "tomorrow", D("2022-01-09")),
 ("In ", "recent years", U("PXY")),
 ("starting ", "tomorrow night", D("2022-01-09TNI")),
 ("a lot more in ", "a week or so", U("P1W", mod="APPROX")),
 ("We’ve all ", "now", D("PRESENT_REF")),
 ("partners and allies ", "later in the week", D("2022-W02")),
 ("happening ", "tomorrow night", D("2022-01-09TNI")),
 ("underway on ", "Monday", D("2022-01-10")),
 ("delegations arrive ", "tomorrow", D("2022-01-09")),
 ("conversation on ", "Sunday night", D("2022-01-09TNI")),
 ("taking place on ", "Monday", D("2022-01-10")),
 ("up until ", "now", D("PRESENT_REF")),
 ("in public, ", "the day before", D("2022-01-08")),
 ("Thanks.\n", "1:28 P.M. EST", T("2022-01-08T13:28-05:00")),
],
}

def esc(s): return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def build(doc, anns):
    text = (SRC / f"{doc}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{doc}.meta.json").read_text())["published"]
    cur = 0; spans = []
    for ctx, ext, a in anns:
        pat = re.escape(ctx) + "(" + re.escape(ext) + r")(?!\w)"
        if not ctx or ctx[-1].isalnum(): pat = r"(?<!\w)" + pat
        m = re.compile(pat).search(text, max(0, cur - len(ctx)))
        assert m and m.start(1) >= cur, (doc, ctx, ext)
        s, e = m.span(1); spans.append((s, e, ext, a)); cur = e
    out = []; pos = 0
    for i, (s, e, ext, a) in enumerate(spans, 1):
        out.append(esc(text[pos:s]))
        attrs = f'tid="t{i}" type="{a["type"]}" value="{a["value"]}"'
        for k in ("mod", "quant", "freq"):
            if k in a: attrs += f' {k}="{a[k]}"'
        rel = a["type"] in ("DATE", "TIME") and not re.search(r"\d{4}", ext) and not a["value"].startswith("XXXX") and not re.fullmatch(r"\d+", a["value"])
        if rel:
            attrs += ' temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0"'
        else:
            attrs += ' temporalFunction="false" functionInDocument="NONE"'
        out.append(f"<TIMEX3 {attrs}>{esc(text[s:e])}</TIMEX3>"); pos = e
        wd = ""
        if re.fullmatch(r"\d{4}-\d\d-\d\d.*", a["value"]):
            dd = datetime.date.fromisoformat(a["value"][:10]); wd = dd.strftime("%a") + f" {(dd - datetime.date.fromisoformat(dct)).days:+d}d"
        print(f"  t{i:<3}{a['type']:<9}{a['value']:<26}{a.get('mod','')+a.get('quant',''):<10}{wd:<10}…{text[max(0,s-35):s]!r}[{ext}]")
    out.append(esc(text[pos:]))
    ymd = dct.replace("-", "")
    xml = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f'<DOCID>{doc}</DOCID>\n\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{ymd}</TIMEX3></DCT>\n\n'
           '<TEXT>' + "".join(out) + '</TEXT>\n\n</TimeML>\n')
    (OUT / f"{doc}.tml").write_text(xml, encoding="utf-8")
    return len(spans)

tot = {}
for doc, anns in DOCS.items():
    print(doc, DOCS and json.loads((SRC / f"{doc}.meta.json").read_text())["published"])
    n = build(doc, anns)
    for _, _, a in anns: tot[a["type"]] = tot.get(a["type"], 0) + 1
    print("  ->", n)
print(tot, sum(tot.values()))
