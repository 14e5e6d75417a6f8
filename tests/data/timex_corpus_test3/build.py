# Helper: inserts TIMEX3 tags at spans chosen by hand (context strings with the
# target marked by ⟦ ⟧). It does not detect or normalise anything itself.
import json, pathlib, re, sys
from xml.sax.saxutils import escape

SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_test3")

def build(docid, entries):
    text = (SRC / f"{docid}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{docid}.meta.json").read_text())["published"]
    spans = []
    for ctx, typ, val, extra in entries:
        pre, rest = ctx.split("⟦")
        tgt, post = rest.split("⟧")
        plain = pre + tgt + post
        hits = [m.start() for m in re.finditer(re.escape(plain), text)]
        if len(hits) != 1:
            sys.exit(f"{docid}: context {ctx!r} found {len(hits)} times")
        s = hits[0] + len(pre)
        spans.append((s, s + len(tgt), typ, val, extra))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if a[1] > b[0]:
            sys.exit(f"{docid}: overlap {a} {b}")
    out, pos = [], 0
    for i, (s, e, typ, val, extra) in enumerate(spans, 1):
        out.append(escape(text[pos:s]))
        surface = text[s:e]
        tf = extra.pop("tf", None)
        if tf is None:
            tf = typ in ("DATE", "TIME") and not re.search(r"\d{4}|\d{2}(st|th) century|\d0s", surface)
        attrs = f'tid="t{i}" type="{typ}" value="{val}"'
        for k in ("mod", "quant", "freq"):
            if k in extra:
                attrs += f' {k}="{extra[k]}"'
        attrs += f' temporalFunction="{"true" if tf else "false"}" functionInDocument="NONE"'
        if tf:
            attrs += ' anchorTimeID="t0"'
        out.append(f"<TIMEX3 {attrs}>{escape(surface)}</TIMEX3>")
        pos = e
    out.append(escape(text[pos:]))
    doc = ('<?xml version="1.0" ?>\n'
           '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f'<DOCID>{docid}</DOCID>\n\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
           f'functionInDocument="CREATION_TIME">{dct.replace("-", "")}</TIMEX3></DCT>\n\n'
           '<TEXT>' + "".join(out) + '</TEXT>\n\n</TimeML>\n')
    (OUT / f"{docid}.tml").write_text(doc, encoding="utf-8")
    # listing for hand review
    for i, (s, e, typ, val, extra) in enumerate(spans, 1):
        print(f"{docid[:13]} t{i:<3} {typ:8} {val:28} {text[s:e]!r:40} …{text[max(0,s-35):s]}⟦⟧{text[e:e+25]}…".replace("\n", " "))
    return spans

from entries import DOCS
for docid, entries in DOCS.items():
    build(docid, entries)
