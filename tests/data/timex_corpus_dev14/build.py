# Helper: inserts TIMEX3 tags at positions chosen by hand (context strings with
# the target in [brackets]). It detects nothing by itself.
import html, json, pathlib, sys, datetime
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev14")

def build(docid, specs):
    text = (SRC / (docid + ".txt")).read_text(encoding="utf-8")
    dct = json.loads((SRC / (docid + ".meta.json")).read_text())["published"]
    spans = []
    for spec in specs:
        ctx, attrs = spec[0], spec[1]
        nth = spec[2] if len(spec) > 2 else None
        plain = ctx.replace("[", "").replace("]", "")
        off = ctx.index("["); ln = ctx.index("]") - off - 1
        occ = []; i = text.find(plain)
        while i >= 0:
            occ.append(i); i = text.find(plain, i + 1)
        if nth is None:
            assert len(occ) == 1, (docid, ctx, len(occ))
            start = occ[0] + off
        else:
            start = occ[nth] + off
        spans.append((start, start + ln, attrs))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        assert a[1] <= b[0], ("overlap", a, b)
    assert len(set(s[0] for s in spans)) == len(spans)
    out = []; pos = 0
    for n, (s, e, attrs) in enumerate(spans, 1):
        out.append(html.escape(text[pos:s], quote=False))
        typ, val = attrs[0], attrs[1]
        extra = attrs[2] if len(attrs) > 2 else {}
        a = f'tid="t{n}" type="{typ}" value="{val}"'
        for k in ("mod", "quant", "freq"):
            if k in extra: a += f' {k}="{extra[k]}"'
        if typ in ("DATE", "TIME") and not extra.get("abs"):
            a += ' temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0"'
        else:
            a += ' temporalFunction="false" functionInDocument="NONE"'
        out.append(f'<TIMEX3 {a}>{html.escape(text[s:e], quote=False)}</TIMEX3>')
        pos = e
        print(f"t{n}\t{typ}\t{val}\t{extra}\t{text[s:e]!r}\t...{text[max(0,s-30):s]!r}")
    out.append(html.escape(text[pos:], quote=False))
    dctc = dct.replace("-", "")
    doc = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f'<DOCID>{docid}</DOCID>\n\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{dctc}</TIMEX3></DCT>\n\n'
           '<TEXT>' + "".join(out) + '</TEXT>\n\n</TimeML>\n')
    (OUT / (docid + ".tml")).write_text(doc, encoding="utf-8")
    return spans
