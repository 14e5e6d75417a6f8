# Helper: inserts TIMEX3 tags at spans chosen by hand (by a context string + the
# exact phrase inside it). It does not detect or normalise anything.
import json, pathlib, html
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev7")

# (context that occurs exactly once, phrase inside it, type, value, extra attrs, anchored-to-DCT?)
ANN = {
"2021-12-23_us_statement-by-nsc-spokesperson-emily-horne-on-national-securi": [
 ("Sullivan spoke today with", "today", "DATE", "2021-12-23", {}, True),
 ("welcomed yesterday’s OSCE", "yesterday", "DATE", "2021-12-22", {}, True),
 ("the July 2020 ceasefire", "July 2020", "DATE", "2020-07", {}, False),
],
"2022-01-26_ua_ihor-zhovkva-discussed-security-situation-and-european-integ": [
 ("Summit in Madrid in 2022", "2022", "DATE", "2022", {}, False),
],
"2021-11-17_ua_volodymyr-zelenskyy-had-a-phone-conversation-with-the-presid": [
 ("at the end of October in", "the end of October", "DATE", "2021-10", {"mod": "END"}, True),
],
"2021-12-03_ru_telephone-conversation-with-president-of-turkey-recep-tayyip": [
 ("held in the beginning of the new year", "the beginning of the new year", "DATE", "2022", {"mod": "START"}, True),
 ("in Sochi on November 26,", "November 26", "DATE", "2021-11-26", {}, True),
 ("signing of the November 9, 2020, statement", "November 9, 2020", "DATE", "2020-11-09", {}, False),
 ("elections on December 24, 2021,", "December 24, 2021", "DATE", "2021-12-24", {}, False),
 ("observance of the 2015 Minsk", "2015", "DATE", "2015", {}, False),
],
"2022-02-25_ru_meeting-with-security-council-permanent-members": [
 ("colleagues. Today, we will discuss", "Today", "DATE", "2022-02-25", {}, True),
],
"2021-11-13_ru_interview-with-rossiya-tv-channel": [
 ("it will happen soon and", "soon", "DATE", "FUTURE_REF", {}, True),
 ("operations, and now there are many Kurds", "now", "DATE", "PRESENT_REF", {}, True),
 ("Afghanistan for twenty years,", "twenty years", "DURATION", "P20Y", {}, False),
 ("they are now going through Belarus", "now", "DATE", "PRESENT_REF", {}, True),
 ("onto their camps at night, where", "night", "TIME", "XXXX-XX-XXTNI", {}, False),
 ("women in the final weeks of pregnancy", "the final weeks", "DURATION", "PXW", {}, False),
 ("emerging there now as they", "now", "DATE", "PRESENT_REF", {}, True),
 ("below freezing at night while", "night", "TIME", "XXXX-XX-XXTNI", {}, False),
 ("Russia. Recently President of Belarus", "Recently", "DATE", "PAST_REF", {}, True),
 ("Lukashenko twice recently and", "recently", "DATE", "PAST_REF", {}, True),
 ("things. In 2008, if my memory", "2008", "DATE", "2008", {}, False),
 ("In the past days and hours,", "the past days", "DURATION", "PXD", {}, False),
 ("the past days and hours, we", "hours", "DURATION", "PTXH", {}, False),
 ("NATO allies are presently conducting", "presently", "DATE", "PRESENT_REF", {}, True),
 ("who by that time had become", "that time", "DATE", "PAST_REF", {}, False),
 ("started it. Now the current president", "Now", "DATE", "PRESENT_REF", {}, True),
 ("the situation is today, however", "today", "DATE", "PRESENT_REF", {}, True),
],
"2022-02-24_ua_servicemen-of-the-armed-forces-of-ukraine-and-other-law-enfo": [
 ("there are currently four dangerous", "currently", "DATE", "PRESENT_REF", {}, True),
 ("Office of the President. Currently, the most", "Currently", "DATE", "PRESENT_REF", {}, True),
 ("They are now lined up", "now", "DATE", "PRESENT_REF", {}, True),
 ("They are now, most likely,", "now", "DATE", "PRESENT_REF", {}, True),
 ("18-year-old soldiers", "18-year-old", "DURATION", "P18Y", {}, False),
 ("air strikes this morning.", "this morning", "TIME", "2022-02-24TMO", {}, True),
],
}

def esc(s): return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

for doc, anns in ANN.items():
    text = (SRC / f"{doc}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{doc}.meta.json").read_text())["published"]
    spans = []
    for ctx, phrase, typ, val, extra, anch in anns:
        assert text.count(ctx) == 1, (doc, ctx, text.count(ctx))
        i = text.index(ctx); j = ctx.index(phrase)
        spans.append((i + j, i + j + len(phrase), phrase, typ, val, extra, anch))
    spans.sort()
    for a, b in zip(spans, spans[1:]): assert a[1] <= b[0], (a, b)
    out, pos = [], 0
    for n, (s, e, phrase, typ, val, extra, anch) in enumerate(spans, 1):
        assert text[s:e] == phrase
        out.append(esc(text[pos:s]))
        attrs = f'tid="t{n}" type="{typ}" value="{val}"'
        for k in ("mod", "quant", "freq"):
            if k in extra: attrs += f' {k}="{extra[k]}"'
        attrs += f' temporalFunction="{"true" if anch else "false"}" functionInDocument="NONE"'
        if anch: attrs += ' anchorTimeID="t0"'
        out.append(f"<TIMEX3 {attrs}>{esc(phrase)}</TIMEX3>")
        pos = e
    out.append(esc(text[pos:]))
    body = "".join(out)
    xml = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f'<DOCID>{doc}</DOCID>\n\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{dct.replace("-", "")}</TIMEX3></DCT>\n\n'
           f'<TEXT>{body}</TEXT>\n\n</TimeML>\n')
    (OUT / f"{doc}.tml").write_text(xml, encoding="utf-8")
    print(doc, len(spans))
