# Helper: inserts hand-chosen TIMEX3 tags at hand-chosen extents.
# Each annotation is (context with [[expr]], type, value, extra attrs). The
# context (brackets removed) must occur exactly once in the source text.
import json, pathlib, sys, html, datetime
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev16")
import importlib.util

def build(docid, anns):
    text = (SRC / f"{docid}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{docid}.meta.json").read_text())["published"]
    spans = []
    for ctx, typ, val, extra in anns:
        pre, rest = ctx.split("[[", 1)
        expr, post = rest.split("]]", 1)
        plain = pre + expr + post
        n = text.count(plain)
        if n != 1:
            sys.exit(f"{docid}: context found {n} times: {ctx!r}")
        s = text.index(plain) + len(pre)
        spans.append((s, s + len(expr), typ, val, extra))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        assert a[1] <= b[0], ("overlap", a, b)
    out = []; pos = 0
    for i, (s, e, typ, val, extra) in enumerate(spans, 1):
        out.append(html.escape(text[pos:s], quote=False))
        attrs = f'tid="t{i}" type="{typ}" value="{val}"'
        for k in ("mod", "quant", "freq"):
            if k in extra: attrs += f' {k}="{extra[k]}"'
        # temporalFunction: true for DCT-relative expressions (rough, not scored)
        tf = extra.get("tf", typ in ("DATE", "TIME"))
        attrs += f' temporalFunction="{"true" if tf else "false"}" functionInDocument="NONE"'
        if tf: attrs += ' anchorTimeID="t0"'
        out.append(f"<TIMEX3 {attrs}>{html.escape(text[s:e], quote=False)}</TIMEX3>")
        pos = e
    out.append(html.escape(text[pos:], quote=False))
    d = dct
    doc = ('<?xml version="1.0" ?>\n'
           '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f'<DOCID>{docid}</DOCID>\n\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{d}" temporalFunction="false" functionInDocument="CREATION_TIME">{d.replace("-", "")}</TIMEX3></DCT>\n\n'
           '<TEXT>' + "".join(out) + '</TEXT>\n\n</TimeML>\n')
    (OUT / f"{docid}.tml").write_text(doc, encoding="utf-8")
    # listing for review
    for i, (s, e, typ, val, extra) in enumerate(spans, 1):
        wd = ""
        try:
            if len(val) >= 10 and val[4] == "-" and val[7] == "-":
                wd = datetime.date(int(val[:4]), int(val[5:7]), int(val[8:10])).strftime("%a")
        except ValueError: pass
        print(f"t{i}\t{typ}\t{val}\t{ {k:v for k,v in extra.items() if k!='tf'} or ''}\t{wd}\t{text[s:e]!r}")
    return spans
