# Helper: inserts TIMEX3 tags at extents chosen by hand in ann.py.
# Each annotation is (context, type, value, extras): context is a unique
# substring of the text with the chosen extent marked by [ ].
import json, html, pathlib, sys, datetime, re
from ann import ANN
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev3")
def esc(s): return s.replace("&","&amp;").replace("<","&lt;").replace(">","&gt;")
for doc, anns in ANN.items():
    text = (SRC/(doc+".txt")).read_text(encoding="utf-8")
    dct = json.loads((SRC/(doc+".meta.json")).read_text())["published"]
    spans = []
    for ctx, typ, val, extra in anns:
        plain = ctx.replace("[","").replace("]","")
        n = text.count(plain)
        assert n == 1, (doc, ctx, n)
        base = text.index(plain)
        s = base + ctx.index("["); e = base + ctx.index("]") - 1
        spans.append((s, e, typ, val, extra))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        assert a[1] <= b[0], (doc, a, b)
    out = []; pos = 0
    for i, (s, e, typ, val, extra) in enumerate(spans, 1):
        out.append(esc(text[pos:s]))
        attrs = f'tid="t{i}" type="{typ}" value="{val}"'
        for k in ("mod","quant","freq"):
            if k in extra: attrs += f' {k}="{extra[k]}"'
        rel = typ in ("DATE","TIME") and not re.fullmatch(r"\d{4}(-\d\d)?(-\d\d)?", val) or extra.get("rel")
        if typ in ("DATE","TIME") and (extra.get("rel") or not extra.get("abs")):
            attrs += ' temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0"'
        else:
            attrs += ' temporalFunction="false" functionInDocument="NONE"'
        out.append(f'<TIMEX3 {attrs}>{esc(text[s:e])}</TIMEX3>')
        pos = e
    out.append(esc(text[pos:]))
    d = dct.replace("-","")
    xml = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f'<DOCID>{doc}</DOCID>\n\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{d}</TIMEX3></DCT>\n\n'
           '<TEXT>' + "".join(out) + '</TEXT>\n\n</TimeML>\n')
    (OUT/(doc+".tml")).write_text(xml, encoding="utf-8")
    print(doc, len(spans))
