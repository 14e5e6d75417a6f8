"""Build .tml files from hand-written annotation specs (specs.py).
Each spec entry: (context, target, type, value, flag, extra)
 - context: a string found in the text at/after the cursor (disambiguates)
 - target: substring of context that is the TIMEX3 extent
 - flag: 'r' = resolved against the DCT (temporalFunction true, anchor t0), 'a' = absolute/not anchored
 - extra: dict of mod/quant/freq
Entries must be listed in text order; the script finds them sequentially."""
import json, pathlib, html, sys
from xml.sax.saxutils import escape
sys.path.insert(0, str(pathlib.Path(__file__).parent))
from specs import SPECS
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path(__file__).parent

def build(docid, entries):
    text = (SRC / f"{docid}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{docid}.meta.json").read_text())["published"]
    cur = 0; spans = []
    for e in entries:
        ctx, tgt, typ, val, flag = e[:5]; extra = e[5] if len(e) > 5 else {}
        p = text.find(ctx, cur)
        if p < 0: raise SystemExit(f"{docid}: context not found after {cur}: {ctx!r}")
        q = ctx.find(tgt)
        if q < 0: raise SystemExit(f"{docid}: target {tgt!r} not in context {ctx!r}")
        s = p + q; spans.append((s, s + len(tgt), typ, val, flag, extra)); cur = s + len(tgt)
    out = []; last = 0
    for i, (s, t, typ, val, flag, extra) in enumerate(spans, 1):
        out.append(escape(text[last:s]))
        attrs = f'tid="t{i}" type="{typ}" value="{val}"'
        for k in ("mod", "quant", "freq"):
            if k in extra: attrs += f' {k}="{extra[k]}"'
        if flag == 'r':
            attrs += ' temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0"'
        else:
            attrs += ' temporalFunction="false" functionInDocument="NONE"'
        out.append(f"<TIMEX3 {attrs}>{escape(text[s:t])}</TIMEX3>"); last = t
    out.append(escape(text[last:]))
    doc = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f'<DOCID>{docid}</DOCID>\n\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
           f'functionInDocument="CREATION_TIME">{dct.replace("-", "")}</TIMEX3></DCT>\n\n'
           '<TEXT>' + "".join(out) + '</TEXT>\n\n</TimeML>\n')
    (OUT / f"{docid}.tml").write_text(doc, encoding="utf-8")
    # review listing
    for i, (s, t, typ, val, flag, extra) in enumerate(spans, 1):
        print(f"t{i}\t{typ}\t{val}\t{extra or ''}\t[{text[s:t]}]\t...{text[max(0,s-40):s]}|{text[s:t]}|{text[t:t+30]}...".replace("\n", " "))
    return spans

if __name__ == "__main__":
    for docid, entries in SPECS.items():
        print("==", docid); build(docid, entries)
