# Helper: inserts TIMEX3 tags at spans the annotator chose by hand.
# Each entry: (context_with_[target], type, value, extra_attrs, tf)
# tf: True -> temporalFunction="true" anchorTimeID="t0"; False -> "false"
import re, html, json, pathlib, sys
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev10")
sys.path.insert(0, str(OUT))
from spec import SPECS

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def build(docid, entries):
    text = (SRC / (docid + ".txt")).read_text(encoding="utf-8")
    dct = json.loads((SRC / (docid + ".meta.json")).read_text(encoding="utf-8"))["published"]
    pos = 0
    spans = []
    for i, (ctx, typ, val, extra, tf) in enumerate(entries):
        m = re.match(r"^(.*)\[(.+)\](.*)$", ctx, re.S)
        pre, tgt, post = m.groups()
        full = pre + tgt + post
        k = text.find(full, max(0, pos - len(pre)))
        while k >= 0 and k + len(pre) < pos:
            k = text.find(full, k + 1)
        if k < 0:
            raise SystemExit(f"{docid}: not found after {pos}: {ctx!r}")
        s = k + len(pre); e = s + len(tgt)
        # word boundary check
        if (s > 0 and text[s-1].isalnum()) or (e < len(text) and text[e].isalnum()):
            raise SystemExit(f"{docid}: not on word boundary: {ctx!r}")
        spans.append((s, e, typ, val, extra, tf))
        pos = e
    out = []
    last = 0
    for n, (s, e, typ, val, extra, tf) in enumerate(spans, 1):
        out.append(esc(text[last:s]))
        attrs = f'tid="t{n}" type="{typ}" value="{val}"'
        for k2, v2 in extra.items():
            attrs += f' {k2}="{v2}"'
        if tf:
            attrs += ' temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0"'
        else:
            attrs += ' temporalFunction="false" functionInDocument="NONE"'
        out.append(f"<TIMEX3 {attrs}>{esc(text[s:e])}</TIMEX3>")
        last = e
    out.append(esc(text[last:]))
    body = "".join(out)
    doc = ('<?xml version="1.0" ?>\n'
           '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f'<DOCID>{docid}</DOCID>\n\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{dct.replace("-", "")}</TIMEX3></DCT>\n\n'
           f'<TEXT>{body}</TEXT>\n\n</TimeML>\n')
    (OUT / (docid + ".tml")).write_text(doc, encoding="utf-8")
    return text, spans

if __name__ == "__main__":
    for docid, entries in SPECS.items():
        text, spans = build(docid, entries)
        print("==", docid, len(spans))
        for n, (s, e, typ, val, extra, tf) in enumerate(spans, 1):
            ctx = text[max(0, s-35):s] + "[" + text[s:e] + "]" + text[e:e+25]
            print(f"t{n:<3}{typ:9}{val:22}{' '.join(f'{a}={b}' for a,b in extra.items()):20} {ctx!r}")
