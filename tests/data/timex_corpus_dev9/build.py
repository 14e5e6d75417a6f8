# Builds the .tml files from hand-written annotations in SPEC below.
# Each entry: (context with {expression} braced, type, value, extras dict).
# The context (braces removed) must occur exactly once in the text; the script
# only places tags at the offsets chosen by hand. It does not detect anything.
import json, pathlib, re, html, datetime
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev9")
D1 = "2021-12-06_ua_volodymyr-zelenskyy-at-the-celebrations-of-the-afu-day-in-kh"
D2 = "2022-02-14_ua_address-of-the-president-of-ukraine-on-the-unity-of-ukrainia"
D3 = "2022-03-03_ua_for-us-this-is-a-patriotic-war-and-we-know-how-such-wars-end"
D4 = "2021-12-09_us_background-press-call-by-a-senior-administration-official-on"
D5 = "2022-03-04_ru_telephone-conversation-with-federal-chancellor-of-germany-ol"
D6 = "2022-03-03_ru_telephone-conversation-with-president-of-france-emmanuel-mac"
A = {"abs": True}  # absolute (temporalFunction false)
SPEC = {
D1: [
 ("independence {30 years ago}", "DATE", "1991", {}),
 ("{30 years ago}, forces", "DATE", "1991", {}),
 ("{Today} is their day", "DATE", "2021-12-06", {}),
 ("{Today} is their professional", "DATE", "2021-12-06", {}),
 ("{Today} is the 30th", "DATE", "2021-12-06", {}),
 ("on {this great day}", "DATE", "2021-12-06", {}),
 ("And {today} in Odesa", "DATE", "2021-12-06", {}),
 ("stressed that {today} he is", "DATE", "2021-12-06", {}),
 ("happened {a year ago}", "DATE", "2020", {}),
 ("{Today}, at the Ozerny", "DATE", "2021-12-06", {}),
 ("{Today} more than 32,000", "DATE", "PRESENT_REF", {}),
 ("as much as in {2014}", "DATE", "2014", A),
 ("veterans, and {next year}", "DATE", "2022", {}),
 ("since {2014}, the queue", "DATE", "2014", A),
 ("warriors! {Today}.", "DATE", "2021-12-06", {}),
 ("{Tomorrow}. And every", "DATE", "2021-12-07", {}),
 ("And {every day}!", "SET", "P1D", {"quant": "EVERY"}),
 ("Happy {Day of the Armed Forces of Ukraine}", "DATE", "2021-12-06", {}),
],
D2: [
 ("at {this tense moment}", "DATE", "PRESENT_REF", {}),
 ("our state {today} is stronger", "DATE", "PRESENT_REF", {}),
 ("{Two years ago}, we", "DATE", "2020", {}),
 ("pandemic {two years ago}", "DATE", "2020", {}),
 ("years ago, {today} we clearly", "DATE", "PRESENT_REF", {}),
 ("stronger than {eight years ago}", "DATE", "2014", {}),
 ("in {the near future}", "DATE", "FUTURE_REF", {}),
 ("{Today}, everyone recognizes", "DATE", "PRESENT_REF", {}),
 ("happened {the other day}", "DATE", "PAST_REF", {}),
 ("And {now} I want to address our", "DATE", "PRESENT_REF", {}),
 ("country {today} depends", "DATE", "PRESENT_REF", {}),
 ("And {now} I want to address not", "DATE", "PRESENT_REF", {}),
 ("{Today}, everyone passes", "DATE", "PRESENT_REF", {}),
 ("within {24 hours}", "DURATION", "PT24H", {}),
 ("that {February 16} will", "DATE", "2022-02-16", {}),
 ("make it {the Day of Unity}", "DATE", "2022-02-16", {}),
 ("On {this day}, we will hoist", "DATE", "2022-02-16", {}),
 ("{Today} is not just", "DATE", "2022-02-14", {}),
 ("not just {Valentine's Day}", "DATE", "2022-02-14", {}),
 ("Yes, {now} you may", "DATE", "PRESENT_REF", {}),
 ("But {tomorrow} the sun", "DATE", "FUTURE_REF", {}),
],
D3: [
 ("plans in {a week}", "DURATION", "P1W", {}),
 ("built for {years}", "DURATION", "PXY", {}),
 ("on {a daily basis}", "SET", "P1D", {}),
 ("In {one week}!", "DURATION", "P1W", {}),
 ("{19 years}, 20 years", "DURATION", "P19Y", {}),
 ("19 years, {20 years}", "DURATION", "P20Y", {}),
 ("{Today} was, as usual", "DATE", "2022-03-03", {}),
 ("{Today} I held a meeting", "DATE", "2022-03-03", {}),
 ("{Today} I signed", "DATE", "2022-03-03", {}),
],
D4: [
 ("Via Teleconference\n{6:00 P.M. EST}", "TIME", "2021-12-09T18:00-05:00", {}),
 ("reminder that {today}’s call", "DATE", "2021-12-09", {}),
 ("Our speaker {today}", "DATE", "2021-12-09", {}),
 ("running {a few minutes} late", "DURATION", "PTXM", {}),
 ("the President made {today}.", "DATE", "2021-12-09", {}),
 ("we have been doing {this week}", "DATE", "2021-W49", {}),
 ("President Putin on {Tuesday}", "DATE", "2021-12-07", {}),
 ("President did {this summer}", "DATE", "2021-SU", {}),
 ("{Last week}, Secretary Blinken", "DATE", "2021-W48", {}),
 ("On {Monday}, before", "DATE", "2021-12-06", {}),
 ("Blinken spoke {yesterday}", "DATE", "2021-12-08", {}),
 ("conversation {yesterday} with European", "DATE", "2021-12-08", {}),
 ("the President, {today}, then", "DATE", "2021-12-09", {}),
 ("I believe, on {Monday}, with", "DATE", "2021-12-06", {}),
 ("President spoke {today} with the B9", "DATE", "2021-12-09", {}),
 ("calls that happened {today} within", "DATE", "2021-12-09", {}),
 ("The call {today} with President Zelenskyy was very warm", "DATE", "2021-12-09", {}),
 ("It lasted {around 90 minutes}", "DURATION", "PT90M", {"mod": "APPROX"}),
 ("grouping {earlier in the summer}", "DATE", "2021-SU", {}),
 ("European partners {today}.", "DATE", "2021-12-09", {}),
 ("a call {two days} after", "DURATION", "P2D", {}),
 ("partners over {the last couple of days}.", "DURATION", "P2D", {}),
 ("in his call {today} was", "DATE", "2021-12-09", {}),
 ("the conversation {today} was an", "DATE", "2021-12-09", {}),
 ("Ukrainians over {the last couple of days}.", "DURATION", "P2D", {}),
 ("will not be like {2014}", "DATE", "2014", A),
 ("our response in {2014}", "DATE", "2014", A),
 ("was very apt {today}", "DATE", "2021-12-09", {}),
 ("done in {the past}", "DATE", "PAST_REF", {}),
 ("The call {today} with Zelenskyy was a telephone", "DATE", "2021-12-09", {}),
 ("phone calls {today};", "DATE", "2021-12-09", {}),
 ("were discussed {today}.", "DATE", "2021-12-09", {}),
 ("within {the next couple of days}", "DURATION", "P2D", {}),
 ("Thank you.\n{6:19 P.M. EST}", "TIME", "2021-12-09T18:19-05:00", {}),
],
D5: [
 ("recalled that for {eight years}", "DURATION", "P8Y", {}),
 ("rise in {the past few days}", "DURATION", "PXD", {}),
],
D6: [
 ("he delivered {yesterday}", "DATE", "2022-03-02", {}),
 ("agreements for {the past seven years}", "DURATION", "P7Y", {}),
 ("eyes to {years} of genocide", "DURATION", "PXY", {}),
],
}
def esc(s): return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
counts = {}
for doc, entries in SPEC.items():
    text = (SRC / f"{doc}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{doc}.meta.json").read_text())["published"]
    spans = []
    for ctx, typ, val, ex in entries:
        pre, rest = ctx.split("{", 1); expr, post = rest.split("}", 1)
        plainctx = pre + expr + post
        n = text.count(plainctx)
        assert n == 1, (doc, ctx, n)
        s = text.index(plainctx) + len(pre)
        spans.append((s, s + len(expr), typ, val, ex))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        assert a[1] <= b[0], ("overlap", doc, a, b)
    out, pos = [], 0
    for i, (s, e, typ, val, ex) in enumerate(spans, 1):
        out.append(esc(text[pos:s]))
        attrs = f'tid="t{i}" type="{typ}" value="{val}"'
        for k in ("mod", "quant", "freq"):
            if k in ex: attrs += f' {k}="{ex[k]}"'
        rel = typ in ("DATE", "TIME") and not ex.get("abs")
        attrs += f' temporalFunction="{"true" if rel else "false"}" functionInDocument="NONE"'
        if rel: attrs += ' anchorTimeID="t0"'
        out.append(f"<TIMEX3 {attrs}>{esc(text[s:e])}</TIMEX3>")
        pos = e
        counts.setdefault(doc, {}).setdefault(typ, 0); counts[doc][typ] += 1
    out.append(esc(text[pos:]))
    tml = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f"<DOCID>{doc}</DOCID>\n\n"
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{dct.replace("-", "")}</TIMEX3></DCT>\n\n'
           "<TEXT>" + "".join(out) + "</TEXT>\n\n</TimeML>\n")
    (OUT / f"{doc}.tml").write_text(tml, encoding="utf-8")
    # listing for proofreading
    for i, (s, e, typ, val, ex) in enumerate(spans, 1):
        wd = ""
        if re.fullmatch(r"\d{4}-\d\d-\d\d", val):
            d = datetime.date.fromisoformat(val); wd = f"{d:%a} ({(d - datetime.date.fromisoformat(dct)).days:+d}d)"
        print(f"{doc[:30]} t{i:<3}{typ:9}{val:24}{wd:12}{text[s:e]!r:40} ...{text[max(0,s-30):s]!r}")
tot = {}
for doc, c in counts.items():
    print(doc, sum(c.values()), c)
    for k, v in c.items(): tot[k] = tot.get(k, 0) + v
print("TOTAL", sum(tot.values()), tot)
