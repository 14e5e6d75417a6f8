"""Build <id>.tml files from hand-chosen annotations (no detection here).
Each annotation: (context with the extent in [brackets], type, value, relative?, extra attrs).
The context (brackets removed) must occur exactly once in the document text."""
import json, pathlib, html
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path(__file__).resolve().parent

A = {}
A["2021-11-03_ua_roman-mashovets-discussed-security-situation-in-the-region-a"] = [
    ("after the [spring] gathering of troops", "DATE", "2021-SP", True, {}),
]
A["2021-12-13_ru_telephone-conversation-with-british-prime-minister-boris-joh"] = []
A["2022-01-19_ua_president-of-ukraine-met-with-the-us-secretary-of-state"] = [
    ("servicemen were killed [this week]", "DATE", "2022-W03", True, {}),
]
A["2021-12-08_us_remarks-by-president-biden-before-marine-one-departure"] = [
    ("South Lawn\n[10:59 A.M. EST]", "TIME", "2021-12-08T10:59-05:00", True, {}),
    ("good news [this morning]", "TIME", "2021-12-08TMO", True, {}),
    ("talking with Putin [yesterday]", "DATE", "2021-12-07", True, {}),
    ("We hope by [Friday]", "DATE", "2021-12-10", True, {}),
    ("to discuss [the future] of Russia", "DATE", "FUTURE_REF", True, {}),
    ("in the cards [right now]", "DATE", "PRESENT_REF", True, {}),
    ("Vladimir Putin for [years]", "DURATION", "PXY", False, {}),
    ("Thank you.\n[11:01 A.M. EST]", "TIME", "2021-12-08T11:01-05:00", True, {}),
]
A["2021-11-10_ua_nsdc-chaired-by-the-president-considered-enhancing-security"] = [
    ("convened [today]'s meeting", "DATE", "2021-11-10", True, {}),
    ("scenarios that can [now] be observed", "DATE", "PRESENT_REF", True, {}),
    ("border. [Today], the most probable", "DATE", "2021-11-10", True, {}),
    ("in [the near future] in the border", "DATE", "FUTURE_REF", True, {}),
    ("briefing following [today]'s meeting", "DATE", "2021-11-10", True, {}),
    ("since [the beginning of the year]", "DATE", "2021", True, {"mod": "START"}),
    ("At a meeting on [Wednesday]", "DATE", "2021-11-10", True, {}),
    ("which [recently] entered into force", "DATE", "PAST_REF", True, {}),
]
A["2022-02-12_ru_briefing-by-aide-to-the-president-yury-ushakov-following-a-t"] = [
    ("It lasted for [just over an hour]", "DURATION", "PT1H", False, {"mod": "MORE_THAN"}),
    ("on the [December 7] videoconference", "DATE", "2021-12-07", True, {}),
    ("and the [December 30] telephone", "DATE", "2021-12-30", True, {}),
    ("[Today]'s conversation was held, as everyone", "DATE", "2022-02-12", True, {}),
    ("conversation be held [today], instead", "DATE", "2022-02-12", True, {}),
    ("instead of on [Monday] as it", "DATE", "2022-02-14", True, {}),
    ("Russian colleagues [yesterday] and", "DATE", "2022-02-11", True, {}),
    ("colleagues yesterday and [today]. It", "DATE", "2022-02-12", True, {}),
    ("which is [now] at its height", "DATE", "PRESENT_REF", True, {}),
    ("signing the [1997] Russia-NATO", "DATE", "1997", False, {}),
    ("part of the [January 26] response", "DATE", "2022-01-26", True, {}),
    ("friends of sorts in [the 1990s]", "DATE", "199", False, {}),
    ("architecture in [the 2000s]", "DATE", "200", False, {}),
    ("ongoing for [the previous eight years]", "DURATION", "P8Y", False, {}),
    ("general public in [the nearest future]", "DATE", "FUTURE_REF", True, {}),
    ("during the telephone conversation [today]. I", "DATE", "2022-02-12", True, {}),
    ("Can you tell us if [today]'s conversation", "DATE", "2022-02-12", True, {}),
    ("\"invasion\" on [February 16]", "DATE", "2022-02-16", True, {}),
    ("have spoken [today], President", "DATE", "2022-02-12", True, {}),
    ("\"invasion\" for [tomorrow] or", "DATE", "2022-02-13", True, {}),
    ("tomorrow or [the day after]?", "DATE", "2022-02-14", True, {}),
    ("Ukrainian border, for [several months] now", "DURATION", "PXM", False, {}),
    ("absurd levels in [the past days] and hours", "DURATION", "PXD", False, {}),
    ("in the past days and [hours]. But", "DURATION", "PTXH", False, {}),
    ("put forward by President Biden [today], even", "DATE", "2022-02-12", True, {}),
    ("made public in [the near future]", "DATE", "FUTURE_REF", True, {}),
    ("scheduled in [the coming weeks]", "DURATION", "PXW", False, {}),
    ("Joseph Biden raised [today]", "DATE", "2022-02-12", True, {}),
]
A["2022-02-15_us_remarks-by-president-biden-providing-an-update-on-russia-and"] = [
    ("East Room\n[3:29 P.M. EST]", "TIME", "2022-02-15T15:29-05:00", True, {}),
    ("Good afternoon.  [Today], I", "DATE", "2022-02-15", True, {}),
    ("events of [the last few weeks] and months", "DURATION", "PXW", False, {}),
    ("last few weeks and [months], this", "DURATION", "PXM", False, {}),
    ("remains our approach [now]", "DATE", "PRESENT_REF", True, {}),
    ("So, [today] I want", "DATE", "2022-02-15", True, {}),
    ("For [weeks] now, together", "DURATION", "PXW", False, {}),
    ("[This weekend] I spoke", "DATE", "2022-W06-WE", True, {}),
    ("[Yesterday], the Russian government", "DATE", "2022-02-14", True, {}),
    ("Defense Ministry reported [today]", "DATE", "2022-02-15", True, {}),
    ("And the fact remains: [Right now]", "DATE", "PRESENT_REF", True, {}),
    ("in Ukraine leave [now] before", "DATE", "PRESENT_REF", True, {}),
    ("[Seventy-seven years ago]", "DATE", "1945", True, {}),
    ("does invade in [the days] or weeks ahead", "DURATION", "PXD", False, {}),
    ("in the days or [weeks ahead]", "DURATION", "PXW", False, {}),
    ("galvanized.\n[Today], our NATO Allies", "DATE", "2022-02-15", True, {}),
    ("for [the future] we want", "DATE", "FUTURE_REF", True, {}),
    ("eastern Ukraine in [2014]", "DATE", "2014", False, {}),
    ("for the sake of [our common future]", "DATE", "FUTURE_REF", True, {}),
    ("it is at risk [today]", "DATE", "PRESENT_REF", True, {}),
    ("a steeper price [tomorrow]", "DATE", "FUTURE_REF", True, {}),
    ("END                [3:50 P.M. EST]", "TIME", "2022-02-15T15:50-05:00", True, {}),
]
A["2022-01-24_ua_the-national-security-and-defense-council-chaired-by-the-pre"] = [
    ("into force on [January 1, 2022]", "DATE", "2022-01-01", False, {}),
    ("According to him, [today] Ukraine's", "DATE", "2022-01-24", True, {}),
    ("state budget for [2021]", "DATE", "2021", False, {}),
    ("[Currently], the single treasury", "DATE", "PRESENT_REF", True, {}),
    ("expected by [September this year]", "DATE", "2022-09", True, {}),
    ("to be reviewed in [February], the head", "DATE", "2022-02", True, {}),
    ("In particular, in [January this year]", "DATE", "2022-01", True, {}),
    ("Also, from [January] scholarships", "DATE", "2022-01", True, {}),
    ("UAH 2,000, in [February] salaries", "DATE", "2022-02", True, {}),
    ("and in [March] - pensions", "DATE", "2022-03", True, {}),
    ("[Every day], thanks", "SET", "P1D", False, {"quant": "EVERY"}),
    ("over [the past two months] coal", "DURATION", "P2M", False, {}),
    ("are [currently] operating", "DATE", "PRESENT_REF", True, {}),
    ("connected within [10 days]", "DURATION", "P10D", False, {}),
    ("planned in [the coming year]", "DURATION", "P1Y", False, {}),
    ("problems in [recent weeks]", "DURATION", "PXW", False, {}),
    ("\"[Currently], the number of new cases", "DATE", "PRESENT_REF", True, {}),
    ("peak incidence in [the fall of 2021]", "DATE", "2021-FA", False, {}),
    ("said that within [a month] the program", "DURATION", "P1M", False, {}),
    ("\"eSupport\" will [soon] be", "DATE", "FUTURE_REF", True, {}),
    ("Also [this week] the registration", "DATE", "2022-W04", True, {}),
    ("hopes that within [seven or ten days]", "DURATION", "PXD", False, {}),
    ("also said that [today] there are", "DATE", "2022-01-24", True, {}),
    ("Ukraine, and in [2022] it is planned", "DATE", "2022", False, {}),
    ("took place on [January 13]-14", "DATE", "2022-01-13", True, {}),
    ("took place on January 13-[14]", "DATE", "2022-01-14", True, {}),
]

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def build(doc, anns):
    text = (SRC / f"{doc}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{doc}.meta.json").read_text(encoding="utf-8"))["published"]
    spans = []
    for ctx, typ, val, rel, extra in anns:
        pre, rest = ctx.split("[", 1)
        ext, post = rest.split("]", 1)
        plain = pre + ext + post
        n = text.count(plain)
        assert n == 1, (doc, ctx, n)
        s = text.index(plain) + len(pre)
        spans.append((s, s + len(ext), typ, val, rel, extra))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        assert a[1] <= b[0], ("overlap", doc, a, b)
    out, pos = [], 0
    for i, (s, e, typ, val, rel, extra) in enumerate(spans, 1):
        out.append(esc(text[pos:s]))
        attrs = f'tid="t{i}" type="{typ}" value="{val}"'
        for k in ("mod", "quant", "freq"):
            if k in extra:
                attrs += f' {k}="{extra[k]}"'
        attrs += f' temporalFunction="{"true" if rel else "false"}" functionInDocument="NONE"'
        if rel:
            attrs += ' anchorTimeID="t0"'
        out.append(f"<TIMEX3 {attrs}>{esc(text[s:e])}</TIMEX3>")
        pos = e
    out.append(esc(text[pos:]))
    head = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
            f'<DOCID>{doc}</DOCID>\n\n'
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{dct.replace("-", "")}</TIMEX3></DCT>\n\n<TEXT>')
    (OUT / f"{doc}.tml").write_text(head + "".join(out) + "</TEXT>\n\n</TimeML>\n", encoding="utf-8")
    return spans

if __name__ == "__main__":
    from collections import Counter
    tot = Counter()
    for doc, anns in A.items():
        spans = build(doc, anns)
        c = Counter(sp[2] for sp in spans); tot += c
        print(doc, len(spans), dict(c))
        for s, e, typ, val, rel, extra in spans:
            print("   ", typ, val, extra or "", "|", repr((SRC / f"{doc}.txt").read_text(encoding="utf-8")[s:e]))
    print("TOTAL", sum(tot.values()), dict(tot))
