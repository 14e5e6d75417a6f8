"""Insert hand-chosen TIMEX3 tags into the source texts.

Each annotation is (context, phrase, attrs). The context is searched for
sequentially from the end of the previous annotation (so repeated phrases are
taken in text order); the phrase must occur once inside the context.
No detection or normalisation is done here: every extent and value was
chosen by hand (see ../NOTES.md).
"""
import json, pathlib, re, sys
from xml.sax.saxutils import escape

SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev11")






from spec import DOCS

def build(docid, anns):
    text = (SRC / f"{docid}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{docid}.meta.json").read_text())["published"]
    pos = 0
    spans = []
    labels = {}
    for i, (ctx, phrase, a) in enumerate(anns, 1):
        c = text.find(ctx, pos)
        if c < 0:
            sys.exit(f"{docid}: context not found after {pos}: {ctx!r}")
        k = ctx.find(phrase)
        assert k >= 0 and ctx.find(phrase, k + 1) < 0, (docid, ctx, phrase)
        s = c + k; e = s + len(phrase)
        spans.append((s, e, a))
        if "label" in a:
            labels[a["label"]] = f"t{i}"
        pos = e
    out = []
    last = 0
    for i, (s, e, a) in enumerate(spans, 1):
        out.append(escape(text[last:s]))
        attrs = [("tid", f"t{i}"), ("type", a["type"]), ("value", a["value"])]
        for key in ("mod", "quant", "freq"):
            if key in a:
                attrs.append((key, a[key]))
        attrs.append(("temporalFunction", "true" if a["tf"] else "false"))
        attrs.append(("functionInDocument", "NONE"))
        if a["tf"]:
            anc = a.get("anchor")
            attrs.append(("anchorTimeID", labels[anc] if anc else "t0"))
        at = " ".join(f'{k}="{v}"' for k, v in attrs)
        out.append(f"<TIMEX3 {at}>{escape(text[s:e])}</TIMEX3>")
        last = e
    out.append(escape(text[last:]))
    body = "".join(out)
    doc = ('<?xml version="1.0" ?>\n'
           '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f"<DOCID>{docid}</DOCID>\n\n"
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
           f'functionInDocument="CREATION_TIME">{dct.replace("-", "")}</TIMEX3></DCT>\n\n'
           f"<TEXT>{body}</TEXT>\n\n</TimeML>\n")
    (OUT / f"{docid}.tml").write_text(doc, encoding="utf-8")
    return spans, text

if __name__ == "__main__":
    for docid, anns in DOCS.items():
        spans, text = build(docid, anns)
        print(f"## {docid}  ({len(spans)})")
        for i, (s, e, a) in enumerate(spans, 1):
            print(f"t{i:<3} {a['type']:<8} {a['value']:<22} {a.get('mod','') or a.get('quant',''):<12} [{text[s:e]}]   ...{text[max(0,s-40):s]!s}|{text[e:e+25]}".replace("\n", " "))
