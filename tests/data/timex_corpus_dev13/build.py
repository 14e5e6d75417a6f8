# Helper: inserts TIMEX3 tags at extents chosen by hand (specs_*.py); does not detect anything.
import json, sys, pathlib, importlib.util
from xml.sax.saxutils import escape
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev13")

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def build(docid, specs):
    text = (SRC / (docid + ".txt")).read_text(encoding="utf-8")
    dct = json.loads((SRC / (docid + ".meta.json")).read_text())["published"]
    pos = 0
    spans = []
    for ctx, attrs in specs:
        a = ctx.index("["); b = ctx.index("]")
        plain = ctx[:a] + ctx[a+1:b] + ctx[b+1:]
        i = text.find(plain, pos)
        if i < 0:
            sys.exit(f"NOT FOUND after {pos}: {ctx!r}")
        s = i + a; e = s + (b - a - 1)
        if spans and s < spans[-1][1]:
            sys.exit(f"overlap: {ctx!r}")
        spans.append((s, e, attrs))
        pos = e
    out = []
    last = 0
    for n, (s, e, attrs) in enumerate(spans, 1):
        out.append(esc(text[last:s]))
        at = {"tid": f"t{n}", "type": attrs["type"], "value": attrs["value"]}
        for k in ("mod", "quant", "freq"):
            if k in attrs: at[k] = attrs[k]
        tf = attrs.get("tf", attrs["type"] in ("DATE", "TIME") and not attrs.get("abs", False))
        at["temporalFunction"] = "true" if tf else "false"
        at["functionInDocument"] = "NONE"
        if tf: at["anchorTimeID"] = "t0"
        out.append("<TIMEX3 " + " ".join(f'{k}="{v}"' for k, v in at.items()) + ">" + esc(text[s:e]) + "</TIMEX3>")
        print(f"t{n}\t{attrs['type']}\t{attrs['value']}\t{attrs.get('mod','')}\t{text[s:e]!r}\t...{text[max(0,s-40):e+25]!r}".replace("\n"," "))
        last = e
    out.append(esc(text[last:]))
    d = dct.replace("-", "")
    doc = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f'<DOCID>{docid}</DOCID>\n\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{d}</TIMEX3></DCT>\n\n'
           '<TEXT>' + "".join(out) + '</TEXT>\n\n</TimeML>\n')
    (OUT / (docid + ".tml")).write_text(doc, encoding="utf-8")
    return spans

if __name__ == "__main__":
    for f in sys.argv[1:]:
        spec = importlib.util.spec_from_file_location("s", f); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
        build(m.DOCID, m.SPECS)
